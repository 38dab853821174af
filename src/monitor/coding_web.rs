//! The researcher's coding screen: one text at a time (an open answer of a wave, or a complaint
//! description, cleaned of names and contact details), with the language it is written in, every
//! code of the codebook as a checkbox with a key. The program's suggestions are proposals: marked,
//! with the words that triggered them highlighted, but never ticked for her. Keyboard: the key of
//! a code ticks it, `+` ticks every suggestion, Enter saves and shows the next text (only while
//! the form has focus, and the keys can be turned off: WCAG 2.1.4); without JavaScript, Tab, Space
//! and the buttons do the same ("Voorstellen overnemen en opslaan"). Per code the screen stores
//! whether it was suggested, accepted or rejected; only chosen codes count. The codebook page adds
//! themes and edits their words.

use std::collections::BTreeSet;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use diesel::prelude::*;
use maud::html;
use serde::Deserialize;

use super::codebook::{self, Code, Text};
use super::coding::{Suggestions, Via};
use crate::accounts::model::Role;
use crate::db::schema::{coded_texts, complaints};
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout::{self, csrf_field};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

const RESEARCHER: Access = Access::Roles(&[Role::Onderzoeker]);

/// Keys of the codes, in codebook order.
const KEYS: &str = "1234567890abcdefghijklmnopqrstuvwxyz";

/// Routes of the coding screen and the codebook.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/onderzoek/coderen", RESEARCHER)
            .get(page)
            .post(save),
        RouteDef::new("/onderzoek/codeboek", RESEARCHER)
            .get(book_page)
            .post(add_theme),
        RouteDef::new("/onderzoek/codeboek/{code}", RESEARCHER).post(edit_code),
        RouteDef::new("/static/coderen.js", Access::Public).get(script),
    ]
}

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

#[derive(Deserialize)]
struct Query {
    bron: Option<String>,
    tekst: Option<String>,
    na: Option<String>,
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
            let (_, def) = crate::surveys::staff::wave_and_definition(conn, id)?;
            let questions = def
                .items()
                .map(|i| {
                    (
                        i.key.clone(),
                        crate::surveys::answers::text_in(&i.text, Lang::Nl).to_string(),
                    )
                })
                .collect();
            Ok((codebook::survey_texts(conn, id, &def)?, questions))
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
struct Current {
    text: Text,
    chosen: Option<Vec<String>>,
    suggestions: Suggestions,
    question: Option<String>,
}

struct Screen {
    sources: Vec<(String, String)>,
    source: Option<Source>,
    book: Vec<Code>,
    total: usize,
    done: usize,
    current: Option<Current>,
    recent: Vec<(Text, Vec<String>)>,
    agreement: codebook::Agreement,
}

fn sources(conn: &mut crate::db::DbConnection) -> Result<Vec<(String, String)>, AppError> {
    let mut out: Vec<(String, String)> = crate::surveys::waves::list_waves(conn)?
        .into_iter()
        .map(|w| (Source::Wave(w.id).param(), w.name))
        .collect();
    let dates: Vec<chrono::NaiveDate> = complaints::table
        .select(complaints::received_on)
        .distinct()
        .load(conn)?;
    let years: BTreeSet<i32> = dates.iter().map(chrono::Datelike::year).collect();
    for y in years.into_iter().rev() {
        out.push((Source::Complaints(y).param(), y.to_string()));
    }
    Ok(out)
}

async fn page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Query>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let screen = state
        .db(move |conn| {
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
                let model = codebook::learned_model(conn, &super::coding::Stems::new("nl"))?;
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
        })
        .await?;
    Ok(page_response(StatusCode::OK, screen_markup(&ctx, &screen)))
}

fn screen_markup(ctx: &Ctx, s: &Screen) -> maud::Markup {
    let lang = ctx.lang;
    let source = s.source.map(Source::param).unwrap_or_default();
    let name_of = |code: &str| {
        s.book
            .iter()
            .find(|c| c.code == code)
            .map_or(code.to_string(), |c| c.name.clone())
    };
    layout::page(
        ctx,
        &t(lang, "coding-title"),
        html! {
            form method="get" action="/onderzoek/coderen" {
                div.field {
                    label for="bron" { (t(lang, "coding-source")) }
                    select #bron name="bron" {
                        @for (p, name) in &s.sources {
                            option value=(p) selected[*p == source] {
                                @if p.starts_with("klachten-") { (t_args(lang, "coding-source-complaints", &[("year", name)])) }
                                @else { (t_args(lang, "coding-source-wave", &[("wave", name)])) }
                            }
                        }
                    }
                }
                button.secondary type="submit" { (t(lang, "coding-show")) }
            }
            p { (crate::web::i18n::t_nums(lang, "coding-progress", &[("done", s.done as i64), ("total", s.total as i64)], &[])) }
            p #overeenstemming { (t_args(lang, "coding-agreement", &[
                ("texts", &s.agreement.texts.to_string()),
                ("precision", &format!("{:.0}", 100.0 * s.agreement.precision)),
                ("recall", &format!("{:.0}", 100.0 * s.agreement.recall)),
            ])) }
            @match &s.current {
                None => p.notice { (t(lang, if s.total == 0 { "coding-no-texts" } else { "coding-all-done" })) },
                Some(Current { text, chosen, suggestions, question }) => {
                    @let suggested = suggestions.codes();
                    @let language = suggestions.language.code();
                    @let text_lang = if language == "?" { "nl" } else { language };
                    form #coderen method="post" action="/onderzoek/coderen" {
                        (csrf_field(ctx))
                        input type="hidden" name="bron" value=(source);
                        input type="hidden" name="tekst" value=(text.key);
                        h2 { (t(lang, "coding-text")) }
                        p.small { @match question { Some(q) => { (t(lang, "coding-question")) ": " span lang="nl" { (q) } }, None => (t(lang, "coding-complaint")) }
                            " · " (t_args(lang, "coding-times", &[("n", &text.times.to_string())])) }
                        p #taal {
                            (t(lang, "coding-language")) ": "
                            @match Lang::from_code(language) {
                                Some(l) => span lang=(l.code()) { (l.native_name()) },
                                None => (t(lang, "coding-language-unknown")),
                            }
                        }
                        @if !suggestions.supported {
                            p.notice #geen-voorstellen { (t(lang, "coding-no-suggestions")) }
                        }
                        blockquote lang=(text_lang) #te-coderen { p { (highlighted(&text.shown, &suggestions.spans())) } }
                        @if !suggested.is_empty() {
                            p #voorstel-uitleg { (t(lang, "coding-suggestions-intro")) }
                        }
                        @for (kind, legend) in [(codebook::THEME, "coding-themes"), (codebook::NORM, "coding-norms")] {
                            fieldset {
                                legend { (t(lang, legend)) }
                                @for (i, c) in s.book.iter().enumerate().filter(|(_, c)| c.active && c.kind == kind) {
                                    @let key = KEYS.chars().nth(i).map(String::from).unwrap_or_default();
                                    @let ticked = chosen.as_ref().is_some_and(|chosen| chosen.contains(&c.code));
                                    @let proposal = suggestions.items.iter().find(|x| x.code == c.code);
                                    div.check {
                                        input type="checkbox" name="code" value=(c.code) id={ "code-" (c.code) } data-key=(key) data-suggested=[proposal.map(|_| "ja")] aria-describedby=[proposal.map(|_| format!("reden-{}", c.code))] checked[ticked] autofocus[i == 0];
                                        label for={ "code-" (c.code) } {
                                            @if !key.is_empty() { kbd { (key) } " " }
                                            span lang="nl" { (c.name) }
                                            @if proposal.is_some() { " " strong.suggested { (t(lang, "coding-suggested")) } }
                                        }
                                        @if let Some(p) = proposal {
                                            " " span.small.reason id={ "reden-" (c.code) } { (reason(lang, p, &text.shown, &name_of)) }
                                        }
                                    }
                                }
                            }
                        }
                        div.check {
                            input type="checkbox" #sneltoetsen checked;
                            label for="sneltoetsen" { (t(lang, "coding-shortcuts")) }
                        }
                        button #opslaan type="submit" { (t(lang, "coding-save")) }
                        @if !suggested.is_empty() {
                            " "
                            button.secondary #overnemen type="submit" name="overnemen" value="ja" { (t(lang, "coding-accept-all")) }
                        }
                        " "
                        a.tap href={ "/onderzoek/coderen?bron=" (source) "&na=" (text.key) } { (t(lang, "coding-skip")) }
                    }
                    script src="/static/coderen.js" defer {}
                }
            }
            @if !s.recent.is_empty() {
                h2 { (t(lang, "coding-recent")) }
                table {
                    caption { (t(lang, "coding-recent-caption")) }
                    thead { tr { th scope="col" { (t(lang, "coding-text")) } th scope="col" { (t(lang, "coding-codes")) } th scope="col" { (t(lang, "coding-change")) } } }
                    tbody {
                        @for (text, codes) in &s.recent {
                            tr {
                                td lang="nl" { (text.shown.chars().take(120).collect::<String>()) @if text.shown.chars().count() > 120 { "…" } }
                                td lang="nl" { (codes.iter().map(|c| name_of(c)).collect::<Vec<_>>().join(", ")) }
                                td { a href={ "/onderzoek/coderen?bron=" (source) "&tekst=" (text.key) } { (t(lang, "coding-change")) } }
                            }
                        }
                    }
                }
            }
            p { a href="/onderzoek/codeboek" { (t(lang, "codebook-title")) } }
        },
    )
}

/// The text with the words that triggered suggestions marked.
fn highlighted(text: &str, spans: &[(usize, usize)]) -> maud::Markup {
    let mut parts: Vec<(&str, bool)> = vec![];
    let mut at = 0;
    for &(a, b) in spans {
        if a < at
            || a >= b
            || b > text.len()
            || !text.is_char_boundary(a)
            || !text.is_char_boundary(b)
        {
            continue;
        }
        parts.push((&text[at..a], false));
        parts.push((&text[a..b], true));
        at = b;
    }
    parts.push((&text[at..], false));
    html! {
        @for (part, marked) in parts {
            @if marked { mark { (part) } } @else { (part) }
        }
    }
}

/// Why a code was suggested: the words, the theme it goes with, or what the model learned.
fn reason(
    lang: Lang,
    p: &super::coding::Suggestion,
    text: &str,
    name_of: &dyn Fn(&str) -> String,
) -> maud::Markup {
    let words: Vec<&str> = p
        .spans
        .iter()
        .filter(|(a, b)| {
            a < b && *b <= text.len() && text.is_char_boundary(*a) && text.is_char_boundary(*b)
        })
        .map(|(a, b)| &text[*a..*b])
        .take(4)
        .collect();
    html! {
        @match &p.via {
            Via::Cues => { (t(lang, "coding-reason-words")) " " }
            Via::Theme(theme) => { (t_args(lang, "coding-reason-theme", &[("theme", &name_of(theme))])) " " }
            Via::Model(prob) => { (t_args(lang, "coding-reason-model", &[("percent", &format!("{:.0}", 100.0 * prob))])) " " }
        }
        @for (i, w) in words.iter().enumerate() {
            @if i > 0 { ", " }
            "\u{201c}" mark { (w) } "\u{201d}"
        }
    }
}

#[derive(Deserialize)]
struct Coding {
    #[serde(default)]
    bron: String,
    #[serde(default)]
    tekst: String,
    #[serde(default)]
    code: Vec<String>,
    /// "ja": take over every suggestion (besides the ticked codes).
    #[serde(default)]
    overnemen: String,
}

async fn save(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(f): CsrfForm<Coding>,
) -> Result<HttpResponse, AppError> {
    let user = ctx.user.as_ref().map(|u| u.id);
    let source = Source::parse(&f.bron).ok_or(AppError::BadRequest("form-error-fields"))?;
    let today = crate::surveys::today();
    state
        .db(move |conn| {
            let book = codebook::load(conn)?;
            let mut chosen: BTreeSet<String> = f.code.into_iter().collect();
            if chosen.iter().any(|c| !book.iter().any(|b| &b.code == c)) {
                return Err(AppError::BadRequest("form-error-fields"));
            }
            let (texts, _) = texts_of(conn, source)?;
            let text = texts
                .iter()
                .find(|t| t.key == f.tekst)
                .ok_or(AppError::NotFound)?;
            // The same suggestions as on the screen: the model as it was before this coding.
            let model = codebook::learned_model(conn, &super::coding::Stems::new("nl"))?;
            let suggestions = codebook::suggestions_for(&text.shown, &book, &model);
            if f.overnemen == "ja" {
                chosen.extend(suggestions.codes());
            }
            let suggested = codebook::suggested_map(&suggestions);
            codebook::save(conn, text, &chosen, &suggested, user, today)?;
            Ok(())
        })
        .await?;
    Ok(see_other(&format!(
        "/onderzoek/coderen?bron={}",
        source.param()
    )))
}

async fn book_page(ctx: Ctx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let book = state.db(|conn| Ok(codebook::load(conn)?)).await?;
    Ok(page_response(
        StatusCode::OK,
        book_markup(&ctx, &book, &[], "", ""),
    ))
}

fn book_markup(
    ctx: &Ctx,
    book: &[Code],
    errors: &[(&str, String)],
    name: &str,
    cues: &str,
) -> maud::Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, "codebook-title"),
        html! {
            (layout::error_summary(ctx, errors))
            p { (t(lang, "codebook-intro")) }
            h2 { (t(lang, "codebook-add")) }
            form method="post" action="/onderzoek/codeboek" {
                (csrf_field(ctx))
                (layout::text_field("naam", &t(lang, "codebook-name"), "text", name, None, layout::error_for(errors, "naam"), "off"))
                (layout::text_field("woorden", &t(lang, "codebook-cues"), "text", cues, Some(&t(lang, "codebook-cues-hint")), None, "off"))
                button type="submit" { (t(lang, "codebook-add-button")) }
            }
            @for (kind, heading) in [(codebook::THEME, "coding-themes"), (codebook::NORM, "coding-norms")] {
                h2 { (t(lang, heading)) }
                @for c in book.iter().filter(|c| c.kind == kind) {
                    form.code method="post" action={ "/onderzoek/codeboek/" (c.code) } {
                        (csrf_field(ctx))
                        fieldset {
                            legend lang="nl" { (c.name) }
                            (layout::text_field(&format!("naam-{}", c.code), &t(lang, "codebook-name"), "text", &c.name, None, None, "off"))
                            (layout::text_field(&format!("woorden-{}", c.code), &t(lang, "codebook-cues"), "text", &c.cues.join(", "), None, None, "off"))
                            div.check {
                                input type="checkbox" name="actief" value="ja" id={ "actief-" (c.code) } checked[c.active];
                                label for={ "actief-" (c.code) } { (t(lang, "codebook-active")) }
                            }
                            button.secondary type="submit" { (t(lang, "codebook-save")) }
                        }
                    }
                }
            }
        },
    )
}

#[derive(Deserialize)]
struct NewTheme {
    #[serde(default)]
    naam: String,
    #[serde(default)]
    woorden: String,
}

async fn add_theme(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(f): CsrfForm<NewTheme>,
) -> Result<HttpResponse, AppError> {
    let (name, cues) = (f.naam.clone(), f.woorden.clone());
    let result = state
        .db(move |conn| Ok(codebook::add_theme(conn, &name, &cues)))
        .await?;
    match result {
        Ok(_) => Ok(see_other("/onderzoek/codeboek")),
        Err(message) => {
            let book = state.db(|conn| Ok(codebook::load(conn)?)).await?;
            let errors = [("naam", message)];
            Ok(page_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                book_markup(&ctx, &book, &errors, &f.naam, &f.woorden),
            ))
        }
    }
}

async fn edit_code(
    state: web::Data<AppState>,
    path: web::Path<String>,
    CsrfForm(f): CsrfForm<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let code = path.into_inner();
    let name = f.get(&format!("naam-{code}")).cloned().unwrap_or_default();
    let cues = f
        .get(&format!("woorden-{code}"))
        .cloned()
        .unwrap_or_default();
    let active = f.get("actief").is_some_and(|v| v == "ja");
    if name.trim().is_empty() {
        return Err(AppError::BadRequest("form-error-fields"));
    }
    let n = state
        .db(move |conn| Ok(codebook::update(conn, &code, &name, &cues, active)?))
        .await?;
    if n == 0 {
        return Err(AppError::NotFound);
    }
    Ok(see_other("/onderzoek/codeboek"))
}

const CODING_JS: &str = include_str!("../../static/coderen.js");

async fn script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((
            actix_web::http::header::CACHE_CONTROL,
            "public, max-age=86400",
        ))
        .body(CODING_JS)
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
