//! Surveys (cliëntervaringsonderzoek): questionnaire definitions and their check, waves and
//! invitation codes, answering on the web and by staff entry, follow-up and export.

pub mod anonymity;
pub mod answers;
pub mod builder;
pub mod channel;
pub mod condition;
pub mod definition;
pub mod export;
pub mod export_scope;
pub mod form;
pub mod invite;
pub mod offer_token;
pub mod paper;
pub mod respond;
pub mod respondent;
pub mod staff;
pub mod stats;
pub mod volunteers;
pub mod wave_edit;
pub mod wave_edit_views;
pub mod waves;
pub mod workload;

use std::path::Path;

use definition::{Definition, Problem};

/// Definitions shipped with the product, compiled in (file name, text).
pub const SHIPPED: &[(&str, &str)] = &[(
    "surveys/bejegening-bijstand.toml",
    include_str!("../../surveys/bejegening-bijstand.toml"),
)];

/// Parses every shipped definition; the server refuses to start when one is invalid.
pub fn shipped() -> Result<Vec<Definition>, Vec<Problem>> {
    check_all(
        SHIPPED
            .iter()
            .map(|(f, t)| (f.to_string(), t.to_string()))
            .collect(),
    )
}

/// Checks a set of (file, text) definitions, including that no key and version occurs twice.
pub fn check_all(files: Vec<(String, String)>) -> Result<Vec<Definition>, Vec<Problem>> {
    let mut defs: Vec<(String, Definition)> = vec![];
    let mut problems = vec![];
    for (file, text) in &files {
        match definition::parse(file, text) {
            Ok(d) => {
                for (column, key) in export::column_clashes(&d) {
                    let needle = format!("key = \"{key}\"");
                    let line = text
                        .find(&needle)
                        .map(|at| text[..at].lines().count() + 1)
                        .unwrap_or(1);
                    problems.push(Problem {
                        file: file.clone(),
                        line,
                        message: format!(
                            "vraag '{key}' geeft in de export de kolom '{column}', maar die naam is al in gebruik; kies een andere sleutel"
                        ),
                    });
                }
                if let Some((other, _)) = defs
                    .iter()
                    .find(|(_, x)| x.key == d.key && x.version == d.version)
                {
                    problems.push(Problem {
                        file: file.clone(),
                        line: 1,
                        message: format!(
                            "vragenlijst '{}' versie {} staat ook in {other}; verhoog de versie",
                            d.key, d.version
                        ),
                    });
                }
                defs.push((file.clone(), d));
            }
            Err(p) => problems.extend(p),
        }
    }
    if problems.is_empty() {
        Ok(defs.into_iter().map(|(_, d)| d).collect())
    } else {
        Err(problems)
    }
}

/// Reads the `.toml` files at `path` (a file or a folder), sorted by name.
pub fn read_files(path: &Path) -> std::io::Result<Vec<(String, String)>> {
    let mut names = vec![];
    if path.is_dir() {
        for e in std::fs::read_dir(path)? {
            let p = e?.path();
            if p.extension().is_some_and(|x| x == "toml") {
                names.push(p);
            }
        }
        names.sort();
    } else {
        names.push(path.to_path_buf());
    }
    names
        .into_iter()
        .map(|p| Ok((p.display().to_string(), std::fs::read_to_string(&p)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_definitions_are_valid() {
        let defs = super::shipped().unwrap_or_else(|p| {
            panic!(
                "{}",
                p.iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert!(!defs.is_empty());
    }

    #[test]
    fn export_column_clashes_and_reserved_keys_are_refused_with_their_line() {
        let (_, text) = super::SHIPPED[0];
        // A question named like a fixed export column.
        let clash = text.replacen("key = \"cijfer\"", "key = \"ronde\"", 1);
        let clash = clash.replace("cijfer < 6", "ronde < 6");
        let problems = super::check_all(vec![("x.toml".into(), clash.clone())]).unwrap_err();
        let line = clash[..clash.find("key = \"ronde\"").unwrap()]
            .lines()
            .count()
            + 1;
        assert!(
            problems
                .iter()
                .any(|p| p.line == line && p.message.contains("'ronde'")),
            "{problems:?}"
        );
        // A question named like one of the form's own fields.
        let reserved = text
            .replacen("key = \"cijfer\"", "key = \"actie\"", 1)
            .replace("cijfer < 6", "actie < 6");
        let problems = super::check_all(vec![("y.toml".into(), reserved)]).unwrap_err();
        assert!(problems.iter().any(|p| p.message.contains("gereserveerd")));
    }
}
