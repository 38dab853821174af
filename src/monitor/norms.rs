//! The norm table: norms set by the municipality, each resting on survey items, judged "voldaan",
//! "gedeeltelijk voldaan" or "niet voldaan" by the share of positive answers, as in an audit's
//! normenkader. The norms live in `monitor/normen.toml` (built in; a file of the same form can
//! replace it).

use serde::{Deserialize, Serialize};

use crate::surveys::definition::{Definition, ItemKind};

/// One norm as written.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Norm {
    /// What the norm says.
    pub naam: String,
    /// The scale items it rests on.
    pub vragen: Vec<String>,
    /// From this share positive (percent) it is met.
    pub voldaan: f64,
    /// From this share it is partly met.
    pub gedeeltelijk: f64,
}

#[derive(Deserialize)]
struct File {
    norm: Vec<Norm>,
}

/// The built-in norm table.
pub const BUILT_IN: &str = include_str!("../../monitor/normen.toml");

/// The verdict on one norm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Met.
    Voldaan,
    /// Partly met.
    GedeeltelijkVoldaan,
    /// Not met.
    NietVoldaan,
    /// Too few answers to say (hidden).
    Onbekend,
}

impl Verdict {
    /// In words.
    pub fn text(self) -> &'static str {
        match self {
            Verdict::Voldaan => "voldaan",
            Verdict::GedeeltelijkVoldaan => "gedeeltelijk voldaan",
            Verdict::NietVoldaan => "niet voldaan",
            Verdict::Onbekend => "niet te beoordelen (te weinig antwoorden)",
        }
    }
}

/// Reads and checks a norm table against the questionnaire: every item must be a scale item, and
/// 0 ≤ gedeeltelijk ≤ voldaan ≤ 100. Problems are listed in plain Dutch.
pub fn parse(text: &str, def: &Definition) -> Result<Vec<Norm>, Vec<String>> {
    let file: File = toml::from_str(text)
        .map_err(|e| vec![format!("het normenkader is geen geldige TOML: {e}")])?;
    let mut problems = vec![];
    for n in &file.norm {
        if n.vragen.is_empty() {
            problems.push(format!(
                "norm \u{201c}{}\u{201d}: noem minstens één vraag",
                n.naam
            ));
        }
        for v in &n.vragen {
            match def.item(v) {
                Some(i) if matches!(i.kind, ItemKind::Scale { .. }) => {}
                Some(_) => problems.push(format!(
                    "norm \u{201c}{}\u{201d}: vraag {v} is geen schaalvraag",
                    n.naam
                )),
                None => problems.push(format!(
                    "norm \u{201c}{}\u{201d}: vraag {v} bestaat niet in de vragenlijst",
                    n.naam
                )),
            }
        }
        if !(0.0..=100.0).contains(&n.gedeeltelijk)
            || !(0.0..=100.0).contains(&n.voldaan)
            || n.gedeeltelijk > n.voldaan
        {
            problems.push(format!(
                "norm \u{201c}{}\u{201d}: de drempels moeten tussen 0 en 100 liggen, gedeeltelijk niet hoger dan voldaan",
                n.naam
            ));
        }
    }
    if problems.is_empty() {
        Ok(file.norm)
    } else {
        Err(problems)
    }
}

/// The verdict for a positive share (percent), or `Onbekend` when it is hidden.
pub fn assess(n: &Norm, positive: Option<f64>) -> Verdict {
    match positive {
        None => Verdict::Onbekend,
        Some(p) if p >= n.voldaan => Verdict::Voldaan,
        Some(p) if p >= n.gedeeltelijk => Verdict::GedeeltelijkVoldaan,
        Some(_) => Verdict::NietVoldaan,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def() -> Definition {
        crate::surveys::shipped().unwrap().remove(0)
    }

    #[test]
    fn the_built_in_table_fits_the_standard_questionnaire() {
        let norms = parse(BUILT_IN, &def()).expect("valid");
        assert!(norms.len() >= 4);
    }

    #[test]
    fn thresholds_decide() {
        let n = Norm {
            naam: "x".into(),
            vragen: vec!["cp_luistert".into()],
            voldaan: 75.0,
            gedeeltelijk: 60.0,
        };
        assert_eq!(assess(&n, Some(75.0)), Verdict::Voldaan);
        assert_eq!(assess(&n, Some(74.9)), Verdict::GedeeltelijkVoldaan);
        assert_eq!(assess(&n, Some(60.0)), Verdict::GedeeltelijkVoldaan);
        assert_eq!(assess(&n, Some(59.0)), Verdict::NietVoldaan);
        assert_eq!(assess(&n, None), Verdict::Onbekend);
    }

    #[test]
    fn mistakes_are_named() {
        let text = "[[norm]]\nnaam = \"A\"\nvragen = [\"bestaat_niet\", \"cijfer\"]\nvoldaan = 50\ngedeeltelijk = 70\n";
        let e = parse(text, &def()).unwrap_err();
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(
            e[0].contains("bestaat_niet")
                && e[1].contains("geen schaalvraag")
                && e[2].contains("drempels")
        );
        assert!(parse("dit is geen toml [", &def()).unwrap_err()[0].contains("TOML"));
    }
}
