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

macro_rules! kind {
    ($kind:expr, $to:ident, [$($extra:literal),*], [$($req:literal),*]) => {
        Kind {
            kind: $kind,
            code: $kind.code(),
            to: Addressee::$to,
            allowed: &[
                "naam", "zaaknummer", "gemeente", "contactgegevens", "telefoon", "email",
                "ontvangen", $($extra),*
            ],
            required: &[$($req),*],
        }
    };
}

/// The built-in text of a letter to residents, in each language.
macro_rules! every_language {
    ($lang:expr, $code:literal) => {
        Some(match $lang {
            Lang::Nl => include_str!(concat!("../../templates/nl/", $code, ".txt")),
            Lang::En => include_str!(concat!("../../templates/en/", $code, ".txt")),
            Lang::Ar => include_str!(concat!("../../templates/ar/", $code, ".txt")),
            Lang::Tr => include_str!(concat!("../../templates/tr/", $code, ".txt")),
            Lang::Pl => include_str!(concat!("../../templates/pl/", $code, ".txt")),
            Lang::Uk => include_str!(concat!("../../templates/uk/", $code, ".txt")),
        })
    };
}

/// The built-in text of a letter to staff or a council member: Dutch only.
macro_rules! dutch_only {
    ($lang:expr, $code:literal) => {
        match $lang {
            Lang::Nl => Some(include_str!(concat!("../../templates/nl/", $code, ".txt"))),
            Lang::En | Lang::Ar | Lang::Tr | Lang::Pl | Lang::Uk => None,
        }
    };
}

crate::text_enum::text_enum! {
    /// A kind of letter. Its code is the template's file name (`templates/<lang>/<code>.txt`), the
    /// `kind` of its row in `complaint_letters`, and (with `klacht-` in front) of its e-mail.
    pub enum LetterKind {
        /// Receipt of the complaint, with the tracking code.
        Receipt = "ontvangst",
        /// Mediation starts.
        Mediation = "bemiddeling",
        /// The decision is postponed.
        Postponement = "uitstel",
        /// Invitation to the hearing.
        Hearing = "hoorzitting",
        /// The outcome (the reasoned decision).
        Outcome = "uitkomst",
        /// Referred to the bezwaar procedure.
        Objection = "bezwaar",
        /// Notice to the person complained about (Awb 9:9).
        StaffNotice = "beklaagde-melding",
        /// The hearing, to the person complained about.
        StaffHearing = "beklaagde-hoorzitting",
        /// The postponement, to the person complained about.
        StaffPostponement = "beklaagde-uitstel",
        /// The outcome, to the person complained about.
        StaffOutcome = "beklaagde-uitkomst",
        /// Where the complaint stands, to the council member or alderman who passed it on.
        Messenger = "raadslid",
    }
}

impl LetterKind {
    /// Who the letter is for, and the placeholders it may and must use.
    pub fn spec(self) -> Kind {
        use LetterKind as L;
        match self {
            L::Receipt => kind!(
                L::Receipt,
                Klager,
                ["volgcode", "termijn", "statuslink"],
                ["zaaknummer", "volgcode", "termijn"]
            ),
            L::Mediation => kind!(
                L::Mediation,
                Klager,
                ["streefdatum", "termijn"],
                ["zaaknummer", "streefdatum"]
            ),
            L::Postponement => kind!(
                L::Postponement,
                Klager,
                ["weken", "termijn", "reden"],
                ["zaaknummer", "weken", "termijn"]
            ),
            L::Hearing => kind!(
                L::Hearing,
                Klager,
                ["datum", "tijd", "plaats", "wijze"],
                ["zaaknummer", "datum", "tijd", "plaats"]
            ),
            L::Outcome => kind!(
                L::Outcome,
                Klager,
                ["uitkomst", "ombudsman"],
                ["zaaknummer", "uitkomst", "ombudsman"]
            ),
            L::Objection => kind!(L::Objection, Klager, [], ["zaaknummer"]),
            L::StaffNotice => kind!(
                L::StaffNotice,
                Beklaagde,
                ["klacht", "klager", "wens", "termijn"],
                ["zaaknummer", "klacht"]
            ),
            L::StaffHearing => kind!(
                L::StaffHearing,
                Beklaagde,
                ["datum", "tijd", "plaats", "wijze", "klager"],
                ["zaaknummer", "datum", "tijd", "plaats"]
            ),
            L::StaffPostponement => kind!(
                L::StaffPostponement,
                Beklaagde,
                ["weken", "termijn", "reden"],
                ["zaaknummer", "weken", "termijn"]
            ),
            L::StaffOutcome => kind!(
                L::StaffOutcome,
                Beklaagde,
                ["uitkomst", "klager"],
                ["zaaknummer", "uitkomst"]
            ),
            L::Messenger => kind!(
                L::Messenger,
                Doorgever,
                ["raadslid", "fase", "uitkomst"],
                ["zaaknummer", "fase"]
            ),
        }
    }

    /// Whether the letter carries the reasoned decision (the outcome letters).
    pub fn carries_decision(self) -> bool {
        match self {
            LetterKind::Outcome | LetterKind::StaffOutcome => true,
            LetterKind::Receipt
            | LetterKind::Mediation
            | LetterKind::Postponement
            | LetterKind::Hearing
            | LetterKind::Objection
            | LetterKind::StaffNotice
            | LetterKind::StaffHearing
            | LetterKind::StaffPostponement
            | LetterKind::Messenger => false,
        }
    }

    /// The built-in text of this letter in `lang`: letters to residents exist in every language,
    /// letters to staff and council members in Dutch only (`None` in another language).
    fn built_in(self, lang: Lang) -> Option<&'static str> {
        use LetterKind as L;
        match self {
            L::Receipt => every_language!(lang, "ontvangst"),
            L::Mediation => every_language!(lang, "bemiddeling"),
            L::Postponement => every_language!(lang, "uitstel"),
            L::Hearing => every_language!(lang, "hoorzitting"),
            L::Outcome => every_language!(lang, "uitkomst"),
            L::Objection => every_language!(lang, "bezwaar"),
            L::StaffNotice => dutch_only!(lang, "beklaagde-melding"),
            L::StaffHearing => dutch_only!(lang, "beklaagde-hoorzitting"),
            L::StaffPostponement => dutch_only!(lang, "beklaagde-uitstel"),
            L::StaffOutcome => dutch_only!(lang, "beklaagde-uitkomst"),
            L::Messenger => dutch_only!(lang, "raadslid"),
        }
    }
}

/// A kind of letter with its addressee and the placeholders it may use and must use.
pub struct Kind {
    /// Which letter.
    pub kind: LetterKind,
    /// File name without `.txt` ([`LetterKind::code`]).
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

/// Every kind of letter, in the order of [`LetterKind::ALL`].
pub fn kinds() -> impl Iterator<Item = Kind> {
    LetterKind::ALL.iter().map(|k| k.spec())
}

/// The letter that goes to `to` when a step sends letter `kind` (written for the complainant): the
/// person complained about gets the text written for their own role, the council member who
/// passed the complaint on the letter about where it stands.
pub fn kind_for(kind: LetterKind, to: Addressee) -> LetterKind {
    use LetterKind as L;
    match (kind, to) {
        (_, Addressee::Klager) => kind,
        (_, Addressee::Doorgever) => L::Messenger,
        (L::Hearing, Addressee::Beklaagde) => L::StaffHearing,
        (L::Postponement, Addressee::Beklaagde) => L::StaffPostponement,
        (L::Outcome, Addressee::Beklaagde) => L::StaffOutcome,
        (
            L::Receipt
            | L::Mediation
            | L::Objection
            | L::StaffNotice
            | L::StaffHearing
            | L::StaffPostponement
            | L::StaffOutcome
            | L::Messenger,
            Addressee::Beklaagde,
        ) => kind,
    }
}

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

/// The error for a letter without a text in `lang`.
fn missing(lang: Lang, kind: LetterKind) -> TemplateError {
    TemplateError {
        file: format!("templates/{}/{}.txt", lang.code(), kind.code()),
        line: 1,
        problem: "de brief ontbreekt".into(),
    }
}

impl Templates {
    /// Loads every template: from `dir` where a file exists there, otherwise the built-in text.
    /// Every one is checked; the first problem is returned.
    pub fn load(dir: Option<&Path>) -> Result<Templates, TemplateError> {
        let mut by = BTreeMap::new();
        for lang in Lang::ALL {
            for kind in kinds() {
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
                        let text = kind
                            .kind
                            .built_in(lang)
                            .map(str::to_string)
                            .ok_or_else(|| missing(lang, kind.kind))?;
                        (
                            format!("templates/{}/{}.txt (ingebouwd)", lang.code(), kind.code),
                            text,
                        )
                    }
                };
                let t = parse(&kind, &file, &text)?;
                by.insert((lang.code().to_string(), kind.code.to_string()), t);
            }
        }
        Ok(Templates { by })
    }

    /// Fills in the letter `kind` in `lang` (Dutch when the language has none). Values not given
    /// are left empty. [`Templates::load`] has every letter in Dutch, so the error (a missing
    /// template) does not happen; it is an error all the same, never a letter silently not sent.
    pub fn render(
        &self,
        kind: LetterKind,
        lang: Lang,
        values: &[(&str, String)],
    ) -> Result<Letter, TemplateError> {
        let key = |l: Lang| (l.code().to_string(), kind.code().to_string());
        let t = self
            .by
            .get(&key(lang))
            .or_else(|| self.by.get(&key(Lang::Nl)))
            .ok_or_else(|| missing(Lang::Nl, kind))?;
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
        Ok(Letter {
            subject: fill(&t.subject),
            body: fill(&t.body),
        })
    }
}

#[cfg(test)]
#[path = "templates_tests.rs"]
mod tests;
