//! Letter and e-mail texts for complaints, as plain files a municipality can reword without
//! recompiling: `templates/<language>/<kind>.txt`, first line `Onderwerp: …`, then a blank line and
//! the body. Placeholders are written `{name}`. Every template is checked at start-up: a placeholder
//! the product does not know, or a required one that is missing, stops the start with a message
//! naming the file, the line and what to do. Files not on disk come from the copies built into the
//! program (the same texts as in the repository's `templates/` folder).
//!
//! Every letter may use the municipality's contact details: `{contactgegevens}` (every detail that
//! is set, one per line, in the letter's language), `{telefoon}` and `{email}`; the built-in
//! letters end with `{contactgegevens}`, so a resident always has a number to call.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::web::i18n::Lang;

/// Who a letter is written to. Each placeholder fits some addressees only: the tracking code is
/// the complainant's, the complaint's text goes to the person complained about (Awb 9:9: a copy of
/// the complaint), and the council member who passed a complaint on never reads the complainant's
/// name or story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Addressee {
    /// The complainant (klager).
    Klager,
    /// The staff member complained about (beklaagde).
    Beklaagde,
    /// The council member or alderman who passed the complaint on (doorgever).
    Doorgever,
}

impl Addressee {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Addressee::Klager => "klager",
            Addressee::Beklaagde => "beklaagde",
            Addressee::Doorgever => "doorgever",
        }
    }

    /// The addressee for a stored code; an unknown code is none.
    pub fn from_code(code: &str) -> Option<Addressee> {
        [
            Addressee::Klager,
            Addressee::Beklaagde,
            Addressee::Doorgever,
        ]
        .into_iter()
        .find(|a| a.code() == code)
    }

    /// Who this is, in the Dutch of a start-up message.
    fn described(self) -> &'static str {
        match self {
            Addressee::Klager => "de klager",
            Addressee::Beklaagde => "de medewerker over wie geklaagd is",
            Addressee::Doorgever => "het raadslid of de wethouder die de klacht doorgaf",
        }
    }

    /// Whether letters to this addressee exist in every language (residents) or in Dutch only (staff
    /// and council members).
    pub fn every_language(self) -> bool {
        self == Addressee::Klager
    }
}

/// The kinds of letter, with their addressee and the placeholders each may use and must use.
pub struct Kind {
    /// File name without `.txt`.
    pub code: &'static str,
    /// Who the letter is for.
    pub to: Addressee,
    /// Placeholders the text may use.
    pub allowed: &'static [&'static str],
    /// Placeholders the text must use (what the letter is for).
    pub required: &'static [&'static str],
}

/// Which addressees a placeholder fits (every placeholder the product knows is listed).
fn fits(name: &str) -> &'static [Addressee] {
    use Addressee::{Beklaagde, Doorgever, Klager};
    match name {
        "volgcode" | "statuslink" | "ombudsman" => &[Klager],
        "klacht" | "klager" | "wens" => &[Beklaagde],
        "raadslid" | "fase" => &[Doorgever],
        "streefdatum" | "termijn" | "weken" | "reden" | "datum" | "tijd" | "plaats" | "wijze" => {
            &[Klager, Beklaagde]
        }
        "uitkomst" | "naam" | "zaaknummer" | "gemeente" | "contactgegevens" | "telefoon"
        | "email" | "ontvangen" => &[Klager, Beklaagde, Doorgever],
        _ => &[],
    }
}

macro_rules! kind {
    ($code:literal, $to:ident, [$($extra:literal),*], [$($req:literal),*]) => {
        Kind {
            code: $code,
            to: Addressee::$to,
            allowed: &[
                "naam", "zaaknummer", "gemeente", "contactgegevens", "telefoon", "email",
                "ontvangen", $($extra),*
            ],
            required: &[$($req),*],
        }
    };
}

/// Every kind of letter.
pub const KINDS: &[Kind] = &[
    kind!(
        "ontvangst",
        Klager,
        ["volgcode", "termijn", "statuslink"],
        ["zaaknummer", "volgcode", "termijn"]
    ),
    kind!(
        "bemiddeling",
        Klager,
        ["streefdatum", "termijn"],
        ["zaaknummer", "streefdatum"]
    ),
    kind!(
        "uitstel",
        Klager,
        ["weken", "termijn", "reden"],
        ["zaaknummer", "weken", "termijn"]
    ),
    kind!(
        "hoorzitting",
        Klager,
        ["datum", "tijd", "plaats", "wijze"],
        ["zaaknummer", "datum", "tijd", "plaats"]
    ),
    kind!(
        "uitkomst",
        Klager,
        ["uitkomst", "ombudsman"],
        ["zaaknummer", "uitkomst", "ombudsman"]
    ),
    kind!("bezwaar", Klager, [], ["zaaknummer"]),
    kind!(
        "beklaagde-melding",
        Beklaagde,
        ["klacht", "klager", "wens", "termijn"],
        ["zaaknummer", "klacht"]
    ),
    kind!(
        "beklaagde-hoorzitting",
        Beklaagde,
        ["datum", "tijd", "plaats", "wijze", "klager"],
        ["zaaknummer", "datum", "tijd", "plaats"]
    ),
    kind!(
        "beklaagde-uitstel",
        Beklaagde,
        ["weken", "termijn", "reden"],
        ["zaaknummer", "weken", "termijn"]
    ),
    kind!(
        "beklaagde-uitkomst",
        Beklaagde,
        ["uitkomst", "klager"],
        ["zaaknummer", "uitkomst"]
    ),
    kind!(
        "raadslid",
        Doorgever,
        ["raadslid", "fase", "uitkomst"],
        ["zaaknummer", "fase"]
    ),
];

/// The kind of letter `code`.
pub fn kind(code: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.code == code)
}

/// The letter that goes to `to` when a step sends letter `kind` (written for the complainant): the
/// person complained about gets the text written for their own role.
pub fn kind_for(kind: &str, to: Addressee) -> &str {
    match (kind, to) {
        ("hoorzitting", Addressee::Beklaagde) => "beklaagde-hoorzitting",
        ("uitstel", Addressee::Beklaagde) => "beklaagde-uitstel",
        ("uitkomst", Addressee::Beklaagde) => "beklaagde-uitkomst",
        (_, Addressee::Doorgever) => "raadslid",
        _ => kind,
    }
}

/// The built-in texts: (language, kind, text).
macro_rules! text {
    ($lang:literal, $kind:literal) => {
        (
            $lang,
            $kind,
            include_str!(concat!("../../templates/", $lang, "/", $kind, ".txt")),
        )
    };
}

/// Letters to residents in every language.
macro_rules! resident_letters {
    ($lang:literal) => {
        [
            text!($lang, "ontvangst"),
            text!($lang, "bemiddeling"),
            text!($lang, "uitstel"),
            text!($lang, "hoorzitting"),
            text!($lang, "uitkomst"),
            text!($lang, "bezwaar"),
        ]
    };
}

/// The built-in texts of every language; letters to staff and council members are Dutch.
const BUILT_IN: [[(&str, &str, &str); 6]; 6] = [
    resident_letters!("nl"),
    resident_letters!("en"),
    resident_letters!("ar"),
    resident_letters!("tr"),
    resident_letters!("pl"),
    resident_letters!("uk"),
];

/// The built-in Dutch letters to staff and council members.
const BUILT_IN_DUTCH: [(&str, &str, &str); 5] = [
    text!("nl", "beklaagde-melding"),
    text!("nl", "beklaagde-hoorzitting"),
    text!("nl", "beklaagde-uitstel"),
    text!("nl", "beklaagde-uitkomst"),
    text!("nl", "raadslid"),
];

/// The name of the municipality as letters write it: with "Gemeente" in front, once, whether the
/// setting has the word or not (`Voorbeeld` and `Gemeente Voorbeeld` both give `Gemeente Voorbeeld`).
pub fn municipality_name(setting: &str) -> String {
    let name = setting.trim();
    let lower = name.to_lowercase();
    if lower.starts_with("gemeente ") || lower == "gemeente" {
        // Written as the municipality writes it, with a capital G.
        format!("Gemeente {}", name["gemeente".len()..].trim_start())
    } else {
        format!("Gemeente {name}")
    }
}

/// A letter ready to send or print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// Subject line.
    pub subject: String,
    /// Body text.
    pub body: String,
}

/// One checked template.
#[derive(Debug, Clone)]
struct Template {
    subject: String,
    body: String,
}

/// Every template, checked, by language and kind.
#[derive(Debug, Clone)]
pub struct Templates {
    by: BTreeMap<(String, String), Template>,
}

/// What is wrong with a template file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}, regel {line}: {problem}")]
pub struct TemplateError {
    /// The file (or the built-in name).
    pub file: String,
    /// Line number (1-based).
    pub line: usize,
    /// What is wrong and what to do.
    pub problem: String,
}

/// The placeholders in a text with their line numbers; `Err` on a brace that opens a placeholder
/// without closing it.
fn placeholders(text: &str, first_line: usize) -> Result<Vec<(String, usize)>, (usize, String)> {
    let mut out = vec![];
    for (i, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(start) = rest.find('{') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('}') else {
                return Err((
                    first_line + i,
                    "een { zonder } erna; schrijf een invulveld als {naam}".into(),
                ));
            };
            out.push((after[..end].trim().to_string(), first_line + i));
            rest = &after[end + 1..];
        }
    }
    Ok(out)
}

/// Checks one template's text for `kind`; returns it split in subject and body.
fn parse(kind: &Kind, file: &str, text: &str) -> Result<Template, TemplateError> {
    let err = |line: usize, problem: String| TemplateError {
        file: file.to_string(),
        line,
        problem,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("");
    let Some(subject) = first.strip_prefix("Onderwerp:") else {
        return Err(err(
            1,
            "de eerste regel moet beginnen met 'Onderwerp:', gevolgd door het onderwerp".into(),
        ));
    };
    let body: String = lines.collect::<Vec<_>>().join("\n");
    let body = body.trim().to_string();
    if body.is_empty() {
        return Err(err(
            2,
            "de brief heeft geen tekst onder het onderwerp".into(),
        ));
    }
    let mut used = placeholders(subject, 1).map_err(|(l, p)| err(l, p))?;
    used.extend(placeholders(&body, 3).map_err(|(l, p)| err(l, p))?);
    for (name, line) in &used {
        let fit = fits(name);
        if !fit.is_empty() && !fit.contains(&kind.to) {
            return Err(err(
                *line,
                format!(
                    "het invulveld {{{name}}} past niet bij deze brief: de brief gaat naar {}, en {{{name}}} is alleen voor brieven aan {}",
                    kind.to.described(),
                    fit.iter()
                        .map(|a| a.described())
                        .collect::<Vec<_>>()
                        .join(" of ")
                ),
            ));
        }
        if !kind.allowed.contains(&name.as_str()) {
            return Err(err(
                *line,
                format!(
                    "onbekend invulveld {{{name}}}; in deze brief kunnen: {}",
                    kind.allowed
                        .iter()
                        .map(|a| format!("{{{a}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    // The name already has "Gemeente" in it: "Gemeente {gemeente}" would print it twice.
    for (i, l) in std::iter::once(subject)
        .chain(std::iter::once(""))
        .chain(body.lines())
        .enumerate()
    {
        let mut rest = l;
        while let Some(at) = rest.find("{gemeente}") {
            let before = rest[..at].trim_end().to_lowercase();
            if before.ends_with("gemeente") {
                return Err(err(
                    i + 1,
                    "er staat 'Gemeente' vóór {gemeente}, maar de naam begint al met 'Gemeente' (zoals 'Gemeente Voorbeeld'); haal het woord weg".into(),
                ));
            }
            rest = &rest[at + "{gemeente}".len()..];
        }
    }
    for required in kind.required {
        if !used.iter().any(|(n, _)| n == required) {
            return Err(err(
                1,
                format!("het invulveld {{{required}}} ontbreekt; deze brief moet het noemen"),
            ));
        }
    }
    Ok(Template {
        subject: subject.trim().to_string(),
        body,
    })
}

impl Templates {
    /// Loads every template: from `dir` where a file exists there, otherwise the built-in text.
    /// Every one is checked; the first problem is returned.
    pub fn load(dir: Option<&Path>) -> Result<Templates, TemplateError> {
        let mut by = BTreeMap::new();
        for lang in Lang::ALL {
            for kind in KINDS {
                if lang != Lang::Nl && !kind.to.every_language() {
                    continue;
                }
                let on_disk: Option<PathBuf> = dir
                    .map(|d| d.join(lang.code()).join(format!("{}.txt", kind.code)))
                    .filter(|p| p.is_file());
                let (file, text) = match on_disk {
                    Some(p) => {
                        let text = std::fs::read_to_string(&p).map_err(|e| TemplateError {
                            file: p.display().to_string(),
                            line: 1,
                            problem: format!("niet te lezen als UTF-8-tekst ({e})"),
                        })?;
                        (p.display().to_string(), text)
                    }
                    None => {
                        let text = BUILT_IN
                            .iter()
                            .flatten()
                            .chain(BUILT_IN_DUTCH.iter())
                            .find(|(l, k, _)| *l == lang.code() && *k == kind.code)
                            .map(|(_, _, t)| t.to_string())
                            .ok_or_else(|| TemplateError {
                                file: format!("templates/{}/{}.txt", lang.code(), kind.code),
                                line: 1,
                                problem: "de brief ontbreekt".into(),
                            })?;
                        (
                            format!("templates/{}/{}.txt (ingebouwd)", lang.code(), kind.code),
                            text,
                        )
                    }
                };
                let t = parse(kind, &file, &text)?;
                by.insert((lang.code().to_string(), kind.code.to_string()), t);
            }
        }
        Ok(Templates { by })
    }

    /// Fills in the letter `kind` in `lang` (Dutch when the language has none). Values not given
    /// are left empty.
    pub fn render(&self, kind: &str, lang: Lang, values: &[(&str, String)]) -> Option<Letter> {
        let t = self
            .by
            .get(&(lang.code().to_string(), kind.to_string()))
            .or_else(|| self.by.get(&("nl".to_string(), kind.to_string())))?;
        let fill = |text: &str| -> String {
            let mut out = String::with_capacity(text.len() + 64);
            let mut rest = text;
            while let Some(start) = rest.find('{') {
                out.push_str(&rest[..start]);
                let after = &rest[start + 1..];
                match after.find('}') {
                    Some(end) => {
                        let name = after[..end].trim();
                        if let Some((_, v)) = values.iter().find(|(k, _)| *k == name) {
                            out.push_str(v);
                        }
                        rest = &after[end + 1..];
                    }
                    None => {
                        out.push_str(&rest[start..]);
                        rest = "";
                    }
                }
            }
            out.push_str(rest);
            out
        };
        Some(Letter {
            subject: fill(&t.subject),
            body: fill(&t.body),
        })
    }
}

#[cfg(test)]
#[path = "templates_tests.rs"]
mod tests;
