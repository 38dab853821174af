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

/// The kinds of letter, with the placeholders each may use and those it must use.
pub struct Kind {
    /// File name without `.txt`.
    pub code: &'static str,
    /// Placeholders the text may use.
    pub allowed: &'static [&'static str],
    /// Placeholders the text must use (what the letter is for).
    pub required: &'static [&'static str],
}

/// Every kind of letter.
pub const KINDS: &[Kind] = &[
    Kind {
        code: "ontvangst",
        allowed: &[
            "naam",
            "zaaknummer",
            "volgcode",
            "ontvangen",
            "termijn",
            "gemeente",
            "contactgegevens",
            "telefoon",
            "email",
            "statuslink",
        ],
        required: &["zaaknummer", "volgcode", "termijn"],
    },
    Kind {
        code: "bemiddeling",
        allowed: &[
            "naam",
            "zaaknummer",
            "gemeente",
            "contactgegevens",
            "telefoon",
            "email",
            "streefdatum",
            "termijn",
        ],
        required: &["zaaknummer", "streefdatum"],
    },
    Kind {
        code: "uitstel",
        allowed: &[
            "naam",
            "zaaknummer",
            "gemeente",
            "contactgegevens",
            "telefoon",
            "email",
            "weken",
            "termijn",
            "reden",
        ],
        required: &["zaaknummer", "weken", "termijn"],
    },
    Kind {
        code: "hoorzitting",
        allowed: &[
            "naam",
            "zaaknummer",
            "gemeente",
            "contactgegevens",
            "telefoon",
            "email",
            "datum",
            "tijd",
            "plaats",
            "wijze",
        ],
        required: &["zaaknummer", "datum", "tijd", "plaats"],
    },
    Kind {
        code: "uitkomst",
        allowed: &[
            "naam",
            "zaaknummer",
            "gemeente",
            "contactgegevens",
            "telefoon",
            "email",
            "ontvangen",
            "uitkomst",
            "ombudsman",
        ],
        required: &["zaaknummer", "uitkomst", "ombudsman"],
    },
    Kind {
        code: "bezwaar",
        allowed: &[
            "naam",
            "zaaknummer",
            "gemeente",
            "contactgegevens",
            "telefoon",
            "email",
            "ontvangen",
        ],
        required: &["zaaknummer"],
    },
    Kind {
        code: "raadslid",
        allowed: &[
            "raadslid",
            "zaaknummer",
            "gemeente",
            "contactgegevens",
            "telefoon",
            "email",
            "ontvangen",
            "fase",
            "uitkomst",
        ],
        required: &["zaaknummer", "fase"],
    },
];

/// The texts of one language as built in: (language, kind, text), in the order of [`KINDS`].
macro_rules! language {
    ($lang:literal) => {
        [
            (
                $lang,
                "ontvangst",
                include_str!(concat!("../../templates/", $lang, "/ontvangst.txt")),
            ),
            (
                $lang,
                "bemiddeling",
                include_str!(concat!("../../templates/", $lang, "/bemiddeling.txt")),
            ),
            (
                $lang,
                "uitstel",
                include_str!(concat!("../../templates/", $lang, "/uitstel.txt")),
            ),
            (
                $lang,
                "hoorzitting",
                include_str!(concat!("../../templates/", $lang, "/hoorzitting.txt")),
            ),
            (
                $lang,
                "uitkomst",
                include_str!(concat!("../../templates/", $lang, "/uitkomst.txt")),
            ),
            (
                $lang,
                "bezwaar",
                include_str!(concat!("../../templates/", $lang, "/bezwaar.txt")),
            ),
            (
                $lang,
                "raadslid",
                include_str!(concat!("../../templates/", $lang, "/raadslid.txt")),
            ),
        ]
    };
}

/// The built-in texts of every language.
const BUILT_IN: [[(&str, &str, &str); 7]; 6] = [
    language!("nl"),
    language!("en"),
    language!("ar"),
    language!("tr"),
    language!("pl"),
    language!("uk"),
];

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
mod tests {
    use super::*;

    fn kind(code: &str) -> &'static Kind {
        KINDS.iter().find(|k| k.code == code).unwrap()
    }

    #[test]
    fn every_built_in_template_passes_its_check() {
        let t = Templates::load(None).expect("built-in templates are valid");
        for lang in Lang::ALL {
            for k in KINDS {
                assert!(
                    t.by.contains_key(&(lang.code().to_string(), k.code.to_string())),
                    "{} {}",
                    lang.code(),
                    k.code
                );
            }
        }
    }

    #[test]
    fn unknown_and_missing_placeholders_are_refused_with_the_line() {
        let k = kind("bezwaar");
        let e = parse(
            k,
            "b.txt",
            "Onderwerp: Uw klacht {zaaknummer}\n\nBeste {naam},\n\nUw {bsn} is ...",
        )
        .unwrap_err();
        assert_eq!(e.line, 5);
        assert!(
            e.problem.contains("{bsn}") && e.problem.contains("{zaaknummer}"),
            "{}",
            e.problem
        );
        let e = parse(k, "b.txt", "Onderwerp: Uw klacht\n\nBeste {naam},").unwrap_err();
        assert!(
            e.problem.contains("{zaaknummer} ontbreekt"),
            "{}",
            e.problem
        );
        let e = parse(k, "b.txt", "Uw klacht {zaaknummer}\n\ntekst").unwrap_err();
        assert_eq!(e.line, 1);
        let e = parse(k, "b.txt", "Onderwerp: {zaaknummer}\n\nBeste {naam,\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.to_string().starts_with("b.txt, regel 3: "));
    }

    #[test]
    fn a_template_on_disk_replaces_the_built_in_one_and_is_checked() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("nl")).unwrap();
        std::fs::write(
            dir.path().join("nl/bezwaar.txt"),
            "\u{feff}Onderwerp: Zaak {zaaknummer}\n\nGeachte {naam}, eigen tekst.\n",
        )
        .unwrap();
        let t = Templates::load(Some(dir.path())).unwrap();
        let l = t
            .render(
                "bezwaar",
                Lang::Nl,
                &[
                    ("zaaknummer", "K-12".into()),
                    ("naam", "mevrouw Jansen".into()),
                ],
            )
            .unwrap();
        assert_eq!(l.subject, "Zaak K-12");
        assert_eq!(l.body, "Geachte mevrouw Jansen, eigen tekst.");
        std::fs::write(
            dir.path().join("nl/bezwaar.txt"),
            "Onderwerp: {zaaknummer}\n\n{iban}\n",
        )
        .unwrap();
        let e = Templates::load(Some(dir.path())).unwrap_err();
        assert!(
            e.file.ends_with("bezwaar.txt") && e.problem.contains("{iban}"),
            "{e}"
        );
    }

    #[test]
    fn rendering_fills_every_placeholder_and_leaves_other_text_alone() {
        let t = Templates::load(None).unwrap();
        for lang in Lang::ALL {
            for k in KINDS {
                let values: Vec<(&str, String)> =
                    k.allowed.iter().map(|a| (*a, format!("<{a}>"))).collect();
                let l = t.render(k.code, lang, &values).unwrap();
                assert!(
                    !l.body.contains('{') && !l.subject.contains('{'),
                    "{} {}",
                    lang.code(),
                    k.code
                );
                for r in k.required {
                    assert!(
                        l.body.contains(&format!("<{r}>")) || l.subject.contains(&format!("<{r}>")),
                        "{} {} {r}",
                        lang.code(),
                        k.code
                    );
                }
            }
        }
    }
}
