//! Questionnaire definitions: the TOML format (documented in the README), its validation with file
//! and line for every problem, and the typed model the rest of the product uses.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use crate::surveys::condition::{self, Answer, Condition, Value};
use crate::web::i18n::Lang;

/// Texts per language code.
pub type Texts = BTreeMap<String, String>;

/// The four dimensions of the monitor, plus background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Reachability: contact, channels, waiting.
    Bereikbaarheid,
    /// Treatment by staff.
    Bejegening,
    /// Satisfaction with the service, information and rules.
    Dienstverlening,
    /// Effectiveness of the support.
    Effectiviteit,
    /// Background (subgroups), not an opinion.
    Achtergrond,
}

impl Dimension {
    fn parse(s: &str) -> Option<Dimension> {
        Some(match s {
            "bereikbaarheid" => Dimension::Bereikbaarheid,
            "bejegening" => Dimension::Bejegening,
            "dienstverlening" => Dimension::Dienstverlening,
            "effectiviteit" => Dimension::Effectiviteit,
            "achtergrond" => Dimension::Achtergrond,
            _ => return None,
        })
    }
}

/// Codes of the Nationale ombudsman's behoorlijkheidsnormen (22 norms in four groups).
pub const NORMS: &[&str] = &[
    "transparant",
    "goede_informatieverstrekking",
    "luisteren",
    "goede_motivering",
    "grondrechten",
    "actieve_deelname",
    "fatsoenlijke_bejegening",
    "fair_play",
    "evenredigheid",
    "bijzondere_zorg",
    "maatwerk",
    "samenwerking",
    "coulante_opstelling",
    "voortvarendheid",
    "de_escalatie",
    "integriteit",
    "betrouwbaarheid",
    "onpartijdigheid",
    "redelijkheid",
    "goede_voorbereiding",
    "goede_organisatie",
    "professionaliteit",
];

/// The wording of a 5-point scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleWording {
    /// helemaal oneens … helemaal eens
    Agree,
    /// zeer ontevreden … zeer tevreden
    Satisfied,
}

/// One answer option of a choice item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Stored code.
    pub code: String,
    /// Label per language.
    pub label: Texts,
}

/// What kind of answer an item takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKind {
    /// Rapportcijfer 1–10.
    Grade,
    /// Five labelled points (as radio buttons, or as smileys with text).
    Scale {
        /// Agree or satisfied wording.
        wording: ScaleWording,
        /// Code of the separate "weet niet"/"n.v.t." answer, outside the scale.
        dont_know: Option<String>,
        /// Shown as smileys with text labels.
        smileys: bool,
    },
    /// One option.
    Single {
        /// Options.
        options: Vec<Choice>,
        /// Adds "anders, namelijk" with a text box.
        other: bool,
    },
    /// Any number of options.
    Multi {
        /// Options.
        options: Vec<Choice>,
        /// Adds "anders, namelijk" with a text box.
        other: bool,
    },
    /// An open answer.
    Text {
        /// Longest answer in characters.
        max_length: u32,
    },
    /// A whole number.
    Number {
        /// Lowest allowed.
        min: i64,
        /// Highest allowed.
        max: i64,
    },
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Key, unique in the questionnaire.
    pub key: String,
    /// Answer type.
    pub kind: ItemKind,
    /// Monitor dimension.
    pub dimension: Dimension,
    /// Behoorlijkheidsnorm codes.
    pub norms: Vec<String>,
    /// Must be answered (when shown).
    pub required: bool,
    /// Question text per language.
    pub text: Texts,
    /// Help text per language.
    pub hint: Option<Texts>,
    /// Shown only when this holds.
    pub show_if: Option<Condition>,
}

/// A group of questions on one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Key.
    pub key: String,
    /// Title per language.
    pub title: Texts,
    /// Questions.
    pub items: Vec<Item>,
}

/// A validated questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// Questionnaire key.
    pub key: String,
    /// Version number.
    pub version: i64,
    /// Languages it is offered in.
    pub languages: Vec<Lang>,
    /// All questions on one page instead of one question per page.
    pub one_page: bool,
    /// Title per language.
    pub title: Texts,
    /// Introduction per language.
    pub intro: Texts,
    /// Sections in order.
    pub sections: Vec<Section>,
}

impl Definition {
    /// Every item, in order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    /// One item by key.
    pub fn item(&self, key: &str) -> Option<&Item> {
        self.items().find(|i| i.key == key)
    }
}

/// One thing wrong in a definition file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// File name as given.
    pub file: String,
    /// Line (1-based).
    pub line: usize,
    /// What is wrong, and what to do.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDefinition {
    key: Spanned<String>,
    version: Spanned<i64>,
    languages: Spanned<Vec<String>>,
    #[serde(default)]
    one_page: bool,
    title: Spanned<Texts>,
    intro: Spanned<Texts>,
    sections: Vec<Spanned<RawSection>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    key: Spanned<String>,
    title: Spanned<Texts>,
    items: Vec<Spanned<RawItem>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    key: Spanned<String>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
    dimension: Spanned<String>,
    #[serde(default)]
    norms: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    required: bool,
    text: Spanned<Texts>,
    hint: Option<Spanned<Texts>>,
    options: Option<Spanned<Vec<RawOption>>>,
    #[serde(default)]
    other: bool,
    show_if: Option<Spanned<String>>,
    scale: Option<Spanned<String>>,
    dont_know: Option<Spanned<String>>,
    max_length: Option<Spanned<i64>>,
    min: Option<Spanned<i64>>,
    max: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    code: String,
    label: Texts,
}

/// Turns byte offsets into line numbers.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(text.match_indices('\n').map(|(i, _)| i).collect())
    }

    fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|nl| *nl < offset) + 1
    }
}

struct Checker<'a> {
    file: &'a str,
    lines: Lines,
    languages: Vec<String>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn problem(&mut self, offset: usize, message: impl Into<String>) {
        let line = self.lines.of(offset);
        self.problems.push(Problem {
            file: self.file.to_string(),
            line,
            message: message.into(),
        });
    }

    fn texts(&mut self, texts: &Spanned<Texts>, what: &str) -> Texts {
        let start = texts.span().start;
        for lang in self.languages.clone() {
            match texts.get_ref().get(&lang) {
                Some(t) if !t.trim().is_empty() => {}
                _ => self.problem(
                    start,
                    format!("vertaling ontbreekt: {what} heeft geen tekst in '{lang}'"),
                ),
            }
        }
        for lang in texts.get_ref().keys() {
            if !self.languages.contains(lang) {
                self.problem(
                    start,
                    format!(
                        "{what} heeft tekst in '{lang}', maar die taal staat niet in 'languages'"
                    ),
                );
            }
        }
        for t in texts.get_ref().values() {
            if t.to_lowercase().contains("fraudeur") {
                self.problem(
                    start,
                    format!("{what}: het woord 'fraudeur' mag niet in de teksten staan"),
                );
            }
        }
        texts.get_ref().clone()
    }
}

/// Field names the questionnaire forms use themselves; a question cannot have them as key.
pub const RESERVED_KEYS: &[&str] = &["csrf", "actie"];

fn valid_key(k: &str) -> bool {
    !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Parses and checks one definition file; returns the questionnaire or every problem found.
pub fn parse(file: &str, text: &str) -> Result<Definition, Vec<Problem>> {
    let lines = Lines::new(text);
    let raw: RawDefinition = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let line = e.span().map(|s| lines.of(s.start)).unwrap_or(1);
            return Err(vec![Problem {
                file: file.to_string(),
                line,
                message: format!("geen geldige vragenlijst: {}", e.message().trim()),
            }]);
        }
    };
    let mut c = Checker {
        file,
        lines,
        languages: raw.languages.get_ref().clone(),
        problems: vec![],
    };

    let key = raw.key.get_ref().clone();
    if key.is_empty()
        || !key
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
    {
        c.problem(
            raw.key.span().start,
            "de sleutel van de vragenlijst mag alleen kleine letters, cijfers en '-' bevatten",
        );
    }
    if *raw.version.get_ref() < 1 {
        c.problem(
            raw.version.span().start,
            "version moet een geheel getal vanaf 1 zijn",
        );
    }
    let mut languages = vec![];
    for code in raw.languages.get_ref() {
        match Lang::from_code(code).filter(|l| l.code() == code) {
            Some(l) => languages.push(l),
            None => c.problem(
                raw.languages.span().start,
                format!("onbekende taal '{code}'; gebruik nl, en, ar, tr, pl of uk"),
            ),
        }
    }
    if !raw.languages.get_ref().iter().any(|l| l == "nl") {
        c.problem(
            raw.languages.span().start,
            "Nederlands ('nl') moet altijd bij de talen staan",
        );
    }
    let title = c.texts(&raw.title, "de titel");
    let intro = c.texts(&raw.intro, "de inleiding");

    let mut sections = vec![];
    let mut seen_sections: HashMap<String, usize> = HashMap::new();
    let mut seen_items: HashMap<String, ItemKind> = HashMap::new();
    for raw_section in &raw.sections {
        let s = raw_section.get_ref();
        let skey = s.key.get_ref().clone();
        if !valid_key(&skey) {
            c.problem(
                s.key.span().start,
                format!("sectiesleutel '{skey}': gebruik kleine letters, cijfers en '_'"),
            );
        }
        if let Some(first) = seen_sections.insert(skey.clone(), c.lines.of(s.key.span().start)) {
            c.problem(
                s.key.span().start,
                format!("dubbele sectiesleutel '{skey}' (ook op regel {first})"),
            );
        }
        let stitle = c.texts(&s.title, &format!("sectie '{skey}'"));
        if s.items.is_empty() {
            c.problem(
                raw_section.span().start,
                format!("sectie '{skey}' heeft geen vragen"),
            );
        }
        let mut items = vec![];
        for raw_item in &s.items {
            let (kind, item) = check_item(&mut c, raw_item, &seen_items);
            // Known even when the item itself has problems, so later conditions are not flagged twice.
            if let Some(kind) = kind {
                seen_items
                    .entry(raw_item.get_ref().key.get_ref().clone())
                    .or_insert(kind);
            }
            items.extend(item);
        }
        sections.push(Section {
            key: skey,
            title: stitle,
            items,
        });
    }
    if raw.sections.is_empty() {
        c.problem(0, "de vragenlijst heeft geen secties");
    }
    if !c.problems.is_empty() {
        return Err(c.problems);
    }
    Ok(Definition {
        key,
        version: *raw.version.get_ref(),
        languages,
        one_page: raw.one_page,
        title,
        intro,
        sections,
    })
}

/// Checks one item: its answer kind (when that much is clear) and the item (when it has no problems).
fn check_item(
    c: &mut Checker<'_>,
    raw: &Spanned<RawItem>,
    earlier: &HashMap<String, ItemKind>,
) -> (Option<ItemKind>, Option<Item>) {
    let at = raw.span().start;
    let r = raw.get_ref();
    let key = r.key.get_ref().clone();
    let problems_before = c.problems.len();
    if !valid_key(&key) {
        c.problem(
            r.key.span().start,
            format!("vraagsleutel '{key}': gebruik kleine letters, cijfers en '_'"),
        );
    }
    if RESERVED_KEYS.contains(&key.as_str()) {
        c.problem(
            r.key.span().start,
            format!("vraagsleutel '{key}' is gereserveerd voor het formulier; kies een andere"),
        );
    }
    if earlier.contains_key(&key) {
        c.problem(r.key.span().start, format!("dubbele vraagsleutel '{key}'"));
    }
    let what = format!("vraag '{key}'");
    let text = c.texts(&r.text, &what);
    let hint = r
        .hint
        .as_ref()
        .map(|h| c.texts(h, &format!("de uitleg bij {what}")));
    let dimension = Dimension::parse(r.dimension.get_ref());
    if dimension.is_none() {
        c.problem(r.dimension.span().start, format!("{what}: onbekende dimensie '{}'; kies bereikbaarheid, bejegening, dienstverlening, effectiviteit of achtergrond", r.dimension.get_ref()));
    }
    let norms = r
        .norms
        .as_ref()
        .map(|n| n.get_ref().clone())
        .unwrap_or_default();
    for n in &norms {
        if !NORMS.contains(&n.as_str()) {
            let start = r.norms.as_ref().map(|n| n.span().start).unwrap_or(at);
            c.problem(start, format!("{what}: onbekende norm '{n}'"));
        }
    }
    let kind_at = r.kind.span().start;
    let options = |c: &mut Checker<'_>| -> Vec<Choice> {
        let Some(opts) = &r.options else {
            c.problem(
                kind_at,
                format!("{what}: een keuzevraag heeft 'options' nodig"),
            );
            return vec![];
        };
        if opts.get_ref().len() < 2 {
            c.problem(
                opts.span().start,
                format!("{what}: geef minstens twee antwoordmogelijkheden"),
            );
        }
        let mut codes: Vec<&str> = vec![];
        let mut out = vec![];
        for o in opts.get_ref() {
            if !valid_key(&o.code) {
                c.problem(
                    opts.span().start,
                    format!(
                        "{what}: antwoordcode '{}': gebruik kleine letters, cijfers en '_'",
                        o.code
                    ),
                );
            }
            if codes.contains(&o.code.as_str()) {
                c.problem(
                    opts.span().start,
                    format!("{what}: dubbele antwoordcode '{}'", o.code),
                );
            }
            codes.push(&o.code);
            for lang in c.languages.clone() {
                if o.label.get(&lang).is_none_or(|t| t.trim().is_empty()) {
                    c.problem(opts.span().start, format!("vertaling ontbreekt: antwoord '{}' van {what} heeft geen tekst in '{lang}'", o.code));
                }
            }
            out.push(Choice {
                code: o.code.clone(),
                label: o.label.clone(),
            });
        }
        out
    };
    let kind_name = r.kind.get_ref().as_str();
    let kind = match kind_name {
        "grade" => Some(ItemKind::Grade),
        "scale" | "smileys" => {
            let wording = match r.scale.as_ref().map(|s| s.get_ref().as_str()) {
                Some("agree") => Some(ScaleWording::Agree),
                Some("satisfied") => Some(ScaleWording::Satisfied),
                Some(other) => {
                    c.problem(
                        kind_at,
                        format!("{what}: onbekende schaal '{other}'; kies agree of satisfied"),
                    );
                    None
                }
                None => {
                    c.problem(
                        kind_at,
                        format!("{what}: geef 'scale = \"agree\"' of 'scale = \"satisfied\"'"),
                    );
                    None
                }
            };
            let dont_know = r.dont_know.as_ref().map(|d| d.get_ref().clone());
            if let Some(d) = &dont_know {
                if d != "weet_niet" && d != "nvt" {
                    c.problem(
                        kind_at,
                        format!("{what}: dont_know moet 'weet_niet' of 'nvt' zijn"),
                    );
                }
            }
            wording.map(|w| ItemKind::Scale {
                wording: w,
                dont_know,
                smileys: kind_name == "smileys",
            })
        }
        "single" => Some(ItemKind::Single {
            options: options(c),
            other: r.other,
        }),
        "multi" => Some(ItemKind::Multi {
            options: options(c),
            other: r.other,
        }),
        "text" => match r.max_length.as_ref().map(|m| *m.get_ref()) {
            Some(n) if (1..=10_000).contains(&n) => Some(ItemKind::Text {
                max_length: n as u32,
            }),
            _ => {
                c.problem(
                    kind_at,
                    format!("{what}: een open vraag heeft 'max_length' nodig (1 tot 10000 tekens)"),
                );
                None
            }
        },
        "number" => match (
            r.min.as_ref().map(|m| *m.get_ref()),
            r.max.as_ref().map(|m| *m.get_ref()),
        ) {
            (Some(min), Some(max)) if min <= max => Some(ItemKind::Number { min, max }),
            _ => {
                c.problem(kind_at, format!("{what}: een getalvraag heeft 'min' en 'max' nodig, met min niet groter dan max"));
                None
            }
        },
        other => {
            c.problem(kind_at, format!("{what}: onbekend type '{other}'; kies grade, scale, smileys, single, multi, text of number"));
            None
        }
    };
    if r.options.is_some() && !matches!(kind_name, "single" | "multi") {
        c.problem(
            kind_at,
            format!("{what}: alleen keuzevragen (single, multi) hebben 'options'"),
        );
    }
    if r.other && !matches!(kind_name, "single" | "multi") {
        c.problem(
            kind_at,
            format!("{what}: 'other' kan alleen bij keuzevragen"),
        );
    }
    let show_if = r
        .show_if
        .as_ref()
        .and_then(|s| check_condition(c, s, &what, earlier));
    if c.problems.len() > problems_before {
        return (kind, None);
    }
    let item = match (kind.clone(), dimension) {
        (Some(kind), Some(dimension)) => Some(Item {
            key,
            kind,
            dimension,
            norms,
            required: r.required,
            text,
            hint,
            show_if,
        }),
        _ => None,
    };
    (kind, item)
}

/// The possible answers of an earlier item, for checking that a condition can ever hold.
fn domain(kind: &ItemKind, mentioned: &[i64]) -> Vec<Answer> {
    let mut out = vec![Answer::None];
    match kind {
        ItemKind::Grade => out.extend((1..=10).map(Answer::Number)),
        ItemKind::Scale { dont_know, .. } => {
            out.extend((1..=5).map(Answer::Number));
            out.extend(dont_know.iter().map(|d| Answer::Code(d.clone())));
        }
        ItemKind::Single { options, .. } => {
            out.extend(options.iter().map(|o| Answer::Code(o.code.clone())))
        }
        ItemKind::Multi { options, .. } => {
            let n = options.len().min(12);
            for mask in 1u32..(1 << n) {
                let chosen = (0..n)
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| options[i].code.clone())
                    .collect();
                out.push(Answer::Codes(chosen));
            }
        }
        ItemKind::Number { min, max } => {
            let mut points = vec![*min, *max];
            for m in mentioned {
                points.extend([m - 1, *m, m + 1]);
            }
            points.retain(|p| p >= min && p <= max);
            points.sort_unstable();
            points.dedup();
            out.extend(points.into_iter().map(Answer::Number));
        }
        ItemKind::Text { .. } => {}
    }
    out
}

fn check_condition(
    c: &mut Checker<'_>,
    raw: &Spanned<String>,
    what: &str,
    earlier: &HashMap<String, ItemKind>,
) -> Option<Condition> {
    let at = raw.span().start;
    let cond = match condition::parse(raw.get_ref()) {
        Ok(cond) => cond,
        Err(e) => {
            c.problem(at, format!("{what}: show_if is onleesbaar: {e}"));
            return None;
        }
    };
    let mut ok = true;
    for item in cond.items() {
        if !earlier.contains_key(item) {
            c.problem(
                at,
                format!(
                    "{what}: show_if noemt '{item}', maar die vraag bestaat niet of komt pas later"
                ),
            );
            ok = false;
        }
    }
    for (item, op, value) in cond.values() {
        let Some(kind) = earlier.get(item) else {
            continue;
        };
        let fits = match (kind, value) {
            (ItemKind::Grade, Value::Number(n)) => (1..=10).contains(n),
            (ItemKind::Scale { .. }, Value::Number(n)) => (1..=5).contains(n),
            (ItemKind::Scale { dont_know, .. }, Value::Code(code)) => {
                !op.is_ordering() && dont_know.as_deref() == Some(code.as_str())
            }
            (ItemKind::Number { .. }, Value::Number(_)) => true,
            (
                ItemKind::Single { options, .. } | ItemKind::Multi { options, .. },
                Value::Code(code),
            ) => !op.is_ordering() && options.iter().any(|o| &o.code == code),
            _ => false,
        };
        if !fits {
            c.problem(at, format!("{what}: show_if vergelijkt '{item}' met '{value}', maar die vraag kan dat antwoord niet hebben"));
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    // Can the condition ever hold? Try every combination of answers to the items it names.
    let mut names: Vec<&str> = cond.items();
    names.sort_unstable();
    names.dedup();
    let domains: Vec<Vec<Answer>> = names
        .iter()
        .map(|n| {
            let mentioned: Vec<i64> = cond
                .values()
                .iter()
                .filter(|(i, _, _)| i == n)
                .filter_map(|(_, _, v)| {
                    if let Value::Number(x) = v {
                        Some(*x)
                    } else {
                        None
                    }
                })
                .collect();
            earlier
                .get(*n)
                .map(|k| domain(k, &mentioned))
                .unwrap_or_default()
        })
        .collect();
    let combos: usize = domains.iter().map(|d| d.len().max(1)).product();
    if combos <= 200_000 {
        let mut index = vec![0usize; domains.len()];
        let mut satisfiable = false;
        'outer: loop {
            let lookup = |k: &str| {
                names
                    .iter()
                    .position(|n| *n == k)
                    .map(|i| domains[i][index[i]].clone())
                    .unwrap_or(Answer::None)
            };
            if cond.eval(&lookup) {
                satisfiable = true;
                break;
            }
            let mut pos = 0;
            loop {
                if pos == index.len() {
                    break 'outer;
                }
                index[pos] += 1;
                if index[pos] < domains[pos].len() {
                    break;
                }
                index[pos] = 0;
                pos += 1;
            }
        }
        if !satisfiable {
            c.problem(
                at,
                format!("{what}: show_if kan nooit waar zijn, dus deze vraag wordt nooit getoond"),
            );
            return None;
        }
    }
    Some(cond)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
key = "proef"
version = 1
languages = ["nl", "en"]
title = { nl = "Proef", en = "Trial" }
intro = { nl = "Welkom", en = "Welcome" }

[[sections]]
key = "a"
title = { nl = "Deel A", en = "Part A" }

[[sections.items]]
key = "terugvordering"
type = "single"
dimension = "achtergrond"
text = { nl = "Terugvordering gehad?", en = "Recovery?" }
options = [
  { code = "ja", label = { nl = "Ja", en = "Yes" } },
  { code = "nee", label = { nl = "Nee", en = "No" } },
]

[[sections.items]]
key = "cijfer"
type = "grade"
dimension = "bejegening"
norms = ["fatsoenlijke_bejegening"]
text = { nl = "Cijfer?", en = "Grade?" }
show_if = "terugvordering = ja"

[[sections.items]]
key = "waarom"
type = "text"
max_length = 500
dimension = "bejegening"
text = { nl = "Waarom?", en = "Why?" }
show_if = "cijfer < 6"
"#;

    #[test]
    fn a_good_definition_parses() {
        let d = parse("proef.toml", GOOD).unwrap();
        assert_eq!(d.key, "proef");
        assert_eq!(d.items().count(), 3);
        assert_eq!(d.languages, vec![Lang::Nl, Lang::En]);
        assert!(d.item("waarom").unwrap().show_if.is_some());
    }

    fn problems(text: &str) -> Vec<String> {
        parse("f.toml", text)
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn missing_translation_is_reported_with_its_line() {
        let bad = GOOD.replace(
            r#"text = { nl = "Cijfer?", en = "Grade?" }"#,
            r#"text = { nl = "Cijfer?" }"#,
        );
        let p = problems(&bad);
        assert_eq!(p.len(), 1, "{p:?}");
        let line = bad
            .lines()
            .position(|l| l.starts_with(r#"text = { nl = "Cijfer?" }"#))
            .unwrap()
            + 1;
        assert!(p[0].starts_with(&format!("f.toml:{line}:")), "{p:?}");
        assert!(p[0].contains("'en'"));
    }

    #[test]
    fn unknown_item_in_a_condition() {
        let p = problems(&GOOD.replace(
            "show_if = \"terugvordering = ja\"",
            "show_if = \"terugvordring = ja\"",
        ));
        assert!(
            p.iter()
                .any(|m| m.contains("'terugvordring'") && m.contains("bestaat niet")),
            "{p:?}"
        );
    }

    #[test]
    fn a_condition_on_a_later_item() {
        let p = problems(&GOOD.replace(
            "show_if = \"terugvordering = ja\"",
            "show_if = \"waarom = x\"",
        ));
        assert!(p.iter().any(|m| m.contains("komt pas later")), "{p:?}");
    }

    #[test]
    fn duplicate_keys() {
        let p = problems(&GOOD.replace("key = \"waarom\"", "key = \"cijfer\""));
        assert!(
            p.iter()
                .any(|m| m.contains("dubbele vraagsleutel 'cijfer'")),
            "{p:?}"
        );
    }

    #[test]
    fn impossible_conditions() {
        let p = problems(&GOOD.replace(
            "show_if = \"cijfer < 6\"",
            "show_if = \"cijfer < 6 and cijfer > 8\"",
        ));
        assert!(p.iter().any(|m| m.contains("nooit waar")), "{p:?}");
        let p = problems(&GOOD.replace(
            "show_if = \"terugvordering = ja\"",
            "show_if = \"terugvordering = ja and terugvordering = nee\"",
        ));
        assert!(p.iter().any(|m| m.contains("nooit waar")), "{p:?}");
        let p = problems(&GOOD.replace("show_if = \"cijfer < 6\"", "show_if = \"cijfer = 11\""));
        assert!(
            p.iter().any(|m| m.contains("kan dat antwoord niet hebben")),
            "{p:?}"
        );
        let p = problems(&GOOD.replace(
            "show_if = \"terugvordering = ja\"",
            "show_if = \"terugvordering = misschien\"",
        ));
        assert!(p.iter().any(|m| m.contains("'misschien'")), "{p:?}");
    }

    #[test]
    fn several_problems_at_once() {
        let bad = GOOD
            .replace("type = \"grade\"", "type = \"cijfer\"")
            .replace(
                "dimension = \"achtergrond\"",
                "dimension = \"achtergrondje\"",
            )
            .replace("max_length = 500\n", "");
        let p = problems(&bad);
        assert!(p.len() >= 3, "{p:?}");
    }

    #[test]
    fn broken_toml_names_the_line() {
        let p = problems("key = \"x\"\nversion = \n");
        assert!(p[0].starts_with("f.toml:2:"), "{p:?}");
    }

    #[test]
    fn the_forbidden_word() {
        let p = problems(&GOOD.replace("Waarom?", "Bent u een fraudeur?"));
        assert!(p.iter().any(|m| m.contains("fraudeur")), "{p:?}");
    }
}
