//! The TOML format as read (with the place of every value), and the collector of problems.

use serde::Deserialize;
use toml::Spanned;

use super::*;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDefinition {
    pub(super) key: Spanned<String>,
    pub(super) version: Spanned<i64>,
    pub(super) languages: Spanned<Vec<String>>,
    #[serde(default)]
    pub(super) one_page: bool,
    pub(super) title: Spanned<Texts>,
    pub(super) intro: Spanned<Texts>,
    pub(super) sections: Vec<Spanned<RawSection>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSection {
    pub(super) key: Spanned<String>,
    pub(super) title: Spanned<Texts>,
    pub(super) items: Vec<Spanned<RawItem>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawItem {
    pub(super) key: Spanned<String>,
    #[serde(rename = "type")]
    pub(super) kind: Spanned<String>,
    pub(super) dimension: Spanned<String>,
    #[serde(default)]
    pub(super) norms: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub(super) required: bool,
    pub(super) text: Spanned<Texts>,
    pub(super) hint: Option<Spanned<Texts>>,
    pub(super) options: Option<Spanned<Vec<RawOption>>>,
    #[serde(default)]
    pub(super) other: bool,
    pub(super) show_if: Option<Spanned<String>>,
    pub(super) scale: Option<Spanned<String>>,
    pub(super) dont_know: Option<Spanned<String>>,
    pub(super) max_length: Option<Spanned<i64>>,
    pub(super) min: Option<Spanned<i64>>,
    pub(super) max: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOption {
    pub(super) code: String,
    pub(super) label: Texts,
}

/// Turns byte offsets into line numbers.
pub(super) struct Lines(Vec<usize>);

impl Lines {
    pub(super) fn new(text: &str) -> Lines {
        Lines(text.match_indices('\n').map(|(i, _)| i).collect())
    }

    pub(super) fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|nl| *nl < offset) + 1
    }
}

pub(super) struct Checker<'a> {
    pub(super) file: &'a str,
    pub(super) lines: Lines,
    pub(super) languages: Vec<String>,
    pub(super) problems: Vec<Problem>,
}

impl Checker<'_> {
    pub(super) fn problem(&mut self, offset: usize, message: impl Into<String>) {
        let line = self.lines.of(offset);
        self.problems.push(Problem {
            file: self.file.to_string(),
            line,
            message: message.into(),
        });
    }

    pub(super) fn texts(&mut self, texts: &Spanned<Texts>, what: &str) -> Texts {
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
