//! Surveys (cliëntervaringsonderzoek): questionnaire definitions and their check, waves and
//! invitation codes, answering on the web and by staff entry, follow-up and export.

pub mod answers;
pub mod codes;
pub mod condition;
pub mod definition;
pub mod export;
pub mod form;
pub mod invite;
pub mod respond;
pub mod respondent;
pub mod staff;
pub mod stats;
pub mod waves;

/// Today's date in the Netherlands (answers and windows are kept by date only).
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Amsterdam)
        .date_naive()
}

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
}
