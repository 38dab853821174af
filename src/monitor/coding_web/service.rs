//! The coding screen's rules: where texts come from, which text comes next, what the screen shows,
//! storing a coding, and the learned model kept between pages.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use diesel::prelude::*;
use serde::Deserialize;

use super::super::codebook::{self, Code, Text};
use super::super::coding::{Stems, Suggester, Suggestions};
use super::super::learning::{self, Example, Model};
use crate::db::schema::coded_texts;
use crate::web::errors::AppError;
use crate::web::i18n::Lang;

/// Where texts come from: a wave's open answers or a year's complaints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Open answers of a wave.
    Wave(i64),
    /// Complaint descriptions of a year.
    Complaints(i32),
}

impl Source {
    /// Reads `ronde-12` or `klachten-2026`.
    pub fn parse(s: &str) -> Option<Source> {
        if let Some(id) = s.strip_prefix("ronde-") {
            return id.parse().ok().map(Source::Wave);
        }
        s.strip_prefix("klachten-")
            .and_then(|y| y.parse().ok())
            .filter(|y| (2000..=2200).contains(y))
            .map(Source::Complaints)
    }

    /// As written in a link.
    pub fn param(self) -> String {
        match self {
            Source::Wave(id) => format!("ronde-{id}"),
            Source::Complaints(y) => format!("klachten-{y}"),
        }
    }
}

/// What the screen asks for: a source, a text, or the text after one.
#[derive(Deserialize)]
pub struct Query {
    pub(super) bron: Option<String>,
    pub(super) tekst: Option<String>,
    pub(super) na: Option<String>,
}

/// Questions of a wave: key and Dutch text.
type Questions = Vec<(String, String)>;

/// The texts of a source, and for a wave its questions.
fn texts_of(
    conn: &mut crate::db::DbConnection,
    source: Source,
) -> Result<(Vec<Text>, Questions), AppError> {
    match source {
        Source::Wave(id) => {
            let (wave, def) = crate::surveys::staff::wave_and_definition(conn, id)?;
            // A running wave's open answers come in the groups of its interim view (whole past
            // days, at least k at a time), or a new wording would be one person's answer.
            let today = crate::fmt::today();
            let through = if crate::monitor::disclosure::wave_published(wave.closes_on, today) {
                None
            } else {
                Some(crate::monitor::survey_figures::interim_through(
                    conn,
                    &wave,
                    today,
                    crate::monitor::disclosure::DEFAULT_K,
                )?)
            };
            let questions = def
                .items()
                .map(|i| {
                    (
                        i.key.clone(),
                        crate::surveys::answers::text_in(&i.text, Lang::Nl).to_string(),
                    )
                })
                .collect();
            Ok((
                codebook::survey_texts_through(conn, id, &def, through)?,
                questions,
            ))
        }
        Source::Complaints(year) => Ok((codebook::complaint_texts(conn, year)?, vec![])),
    }
}

/// Which text to show: the one asked for, or the first not yet coded after `after` (wrapping).
pub fn pick<'a>(
    texts: &'a [Text],
    done: &std::collections::BTreeMap<String, Vec<String>>,
    asked: Option<&str>,
    after: Option<&str>,
) -> Option<&'a Text> {
    if let Some(key) = asked {
        return texts.iter().find(|t| t.key == key);
    }
    let open = |t: &&Text| !done.contains_key(&t.key);
    let start = after
        .and_then(|a| texts.iter().position(|t| t.key == a))
        .map_or(0, |i| i + 1);
    texts[start.min(texts.len())..]
        .iter()
        .find(open)
        .or_else(|| texts.iter().find(open))
}

/// The text on screen: the text, the codes it has (if coded), the suggestions, its question.
pub struct Current {
    pub(super) text: Text,
    pub(super) chosen: Option<Vec<String>>,
    pub(super) suggestions: Suggestions,
    pub(super) question: Option<String>,
}

/// Everything the coding screen shows.
pub struct Screen {
    pub(super) sources: Vec<(String, String)>,
    pub(super) source: Option<Source>,
    pub(super) book: Vec<Code>,
    pub(super) total: usize,
    pub(super) done: usize,
    pub(super) current: Option<Current>,
    pub(super) recent: Vec<(Text, Vec<String>)>,
    pub(super) agreement: codebook::Agreement,
}

fn sources(conn: &mut crate::db::DbConnection) -> Result<Vec<(String, String)>, AppError> {
    let mut out: Vec<(String, String)> = crate::surveys::waves::list_waves(conn)?
        .into_iter()
        .map(|w| (Source::Wave(w.id).param(), w.name))
        .collect();
    // The years come from the complaints' read model, not from the complaint tables.
    let dates = crate::complaints::read_model::received_days(conn)?;
    let years: BTreeSet<i32> = dates.iter().map(chrono::Datelike::year).collect();
    for y in years.into_iter().rev() {
        out.push((Source::Complaints(y).param(), y.to_string()));
    }
    Ok(out)
}

/// A coding as the form sends it.
#[derive(Deserialize)]
pub struct Coding {
    #[serde(default)]
    pub(super) bron: String,
    #[serde(default)]
    tekst: String,
    #[serde(default)]
    code: Vec<String>,
    /// "ja": take over every suggestion (besides the ticked codes).
    #[serde(default)]
    overnemen: String,
}

/// The coding screen: the sources, the chosen source's progress, the text to code with its
/// suggestions, and the texts coded last.
pub fn screen(
    conn: &mut crate::db::DbConnection,
    models: &ModelCache,
    q: &Query,
) -> Result<Screen, AppError> {
    let sources = sources(conn)?;
    let source = q
        .bron
        .as_deref()
        .and_then(Source::parse)
        .or_else(|| sources.first().and_then(|(p, _)| Source::parse(p)));
    let book = codebook::load(conn)?;
    let agreement = codebook::agreement(conn)?;
    let mut screen = Screen {
        sources,
        source,
        book,
        total: 0,
        done: 0,
        current: None,
        recent: vec![],
        agreement,
    };
    let Some(source) = source else {
        return Ok(screen);
    };
    let (texts, questions) = texts_of(conn, source)?;
    let keys: Vec<String> = texts.iter().map(|t| t.key.clone()).collect();
    let done = codebook::coded(conn, &keys)?;
    screen.total = texts.len();
    screen.done = done.len();
    if let Some(text) = pick(&texts, &done, q.tekst.as_deref(), q.na.as_deref()) {
        let model = models.get(conn, &screen.book)?;
        let suggestions = codebook::suggestions_for(&text.shown, &screen.book, &model);
        let question = questions
            .iter()
            .find(|(k, _)| *k == text.item)
            .map(|(_, q)| q.clone());
        screen.current = Some(Current {
            text: text.clone(),
            chosen: done.get(&text.key).cloned(),
            suggestions,
            question,
        });
    }
    let recent: Vec<String> = coded_texts::table
        .filter(coded_texts::text_key.eq_any(&keys))
        .order(coded_texts::id.desc())
        .limit(10)
        .select(coded_texts::text_key)
        .load(conn)?;
    screen.recent = recent
        .iter()
        .filter_map(|k| texts.iter().find(|t| &t.key == k))
        .map(|t| (t.clone(), done.get(&t.key).cloned().unwrap_or_default()))
        .collect();
    Ok(screen)
}

/// Stores a coding: the codes she ticked (and with "overnemen" every suggestion), beside the
/// suggestions the screen showed (the model as it was before this coding).
pub fn save_coding(
    conn: &mut crate::db::DbConnection,
    models: &ModelCache,
    source: Source,
    f: &Coding,
    user: Option<i64>,
    today: chrono::NaiveDate,
) -> Result<(), AppError> {
    let book = codebook::load(conn)?;
    let mut chosen: BTreeSet<String> = f.code.iter().cloned().collect();
    if chosen.iter().any(|c| !book.iter().any(|b| &b.code == c)) {
        return Err(AppError::BadRequest("form-error-fields"));
    }
    let (texts, _) = texts_of(conn, source)?;
    let text = texts
        .iter()
        .find(|t| t.key == f.tekst)
        .ok_or(AppError::NotFound)?;
    let model = models.get(conn, &book)?;
    let suggestions = codebook::suggestions_for(&text.shown, &book, &model);
    if f.overnemen == "ja" {
        chosen.extend(suggestions.codes());
    }
    let suggested = codebook::suggested_map(&suggestions);
    codebook::save(conn, text, &chosen, &suggested, user, today)?;
    Ok(())
}

/// What the learned model depends on: the coded texts (their number and the newest row: a new or
/// changed coding makes a new row) and the active codebook with its cues.
type ModelKey = (i64, Option<i64>, Vec<(String, Vec<String>)>);

/// The model learned from the researcher's codes, kept between pages and rebuilt (the same way on
/// every instance) as soon as she codes a text or changes the codebook.
#[derive(Default)]
pub struct ModelCache {
    kept: Mutex<Option<(ModelKey, Arc<Model>)>>,
}

impl ModelCache {
    /// The model for the codes stored now.
    pub fn get(
        &self,
        conn: &mut crate::db::DbConnection,
        book: &[Code],
    ) -> Result<Arc<Model>, AppError> {
        let count: i64 = coded_texts::table.count().get_result(conn)?;
        let newest: Option<i64> = coded_texts::table
            .select(diesel::dsl::max(coded_texts::id))
            .first(conn)?;
        let key: ModelKey = (count, newest, codebook::suggestion_book(book));
        if let Ok(kept) = self.kept.lock() {
            if let Some((k, model)) = kept.as_ref() {
                if *k == key {
                    return Ok(model.clone());
                }
            }
        }
        let model = Arc::new(learned(conn, &key.2)?);
        if let Ok(mut kept) = self.kept.lock() {
            *kept = Some((key, model.clone()));
        }
        Ok(model)
    }
}

/// Trains the model on the stored codes: every coded Dutch text, with the codes she chose and the
/// cue suggestions it gets with this codebook (so the model learns which cues she keeps rejecting).
pub fn learned(
    conn: &mut crate::db::DbConnection,
    book: &[(String, Vec<String>)],
) -> Result<Model, AppError> {
    let stems = Stems::new("nl");
    let suggester = Suggester::new(book);
    let examples: Vec<Example> = codebook::training_set(conn)?
        .into_iter()
        .filter_map(|(text, chosen)| {
            let suggestions = suggester.suggest(&text);
            (suggestions.language.code() == "nl").then(|| Example {
                features: learning::features(&text, &stems),
                chosen,
                suggested: suggestions
                    .items
                    .iter()
                    .map(|i| (i.code.clone(), learning::reasons(i)))
                    .collect(),
            })
        })
        .collect();
    Ok(Model::learn(&examples))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(key: &str) -> Text {
        Text {
            key: key.into(),
            item: "wat_beter".into(),
            shown: "x".into(),
            times: 1,
            owner: 1,
        }
    }

    #[test]
    fn sources_read_back() {
        for s in [Source::Wave(12), Source::Complaints(2026)] {
            assert_eq!(Source::parse(&s.param()), Some(s));
        }
        assert_eq!(Source::parse("ronde-x"), None);
        assert_eq!(Source::parse("klachten-99"), None);
    }

    #[test]
    fn the_next_text_is_the_first_open_one_after_the_skipped_one() {
        let texts = vec![text("a"), text("b"), text("c")];
        let mut done = std::collections::BTreeMap::new();
        done.insert("a".to_string(), vec![]);
        assert_eq!(
            pick(&texts, &done, None, None).map(|t| t.key.as_str()),
            Some("b")
        );
        assert_eq!(
            pick(&texts, &done, None, Some("b")).map(|t| t.key.as_str()),
            Some("c")
        );
        assert_eq!(
            pick(&texts, &done, None, Some("c")).map(|t| t.key.as_str()),
            Some("b")
        );
        assert_eq!(
            pick(&texts, &done, Some("a"), None).map(|t| t.key.as_str()),
            Some("a")
        );
        done.insert("b".into(), vec![]);
        done.insert("c".into(), vec![]);
        assert_eq!(pick(&texts, &done, None, None), None);
    }
}
