//! The open answers of a wave, cleaned, as a file a researcher may pass on to the council or a
//! research bureau. Every answer goes through the same cleaning as a quote ([`super::redact`]):
//! names after a title or role, telephone numbers, e-mail addresses, street addresses and
//! postcodes, BSNs and bank account numbers become markers such as `[naam]`.
//!
//! The file follows the rules of the row-level answer export and of the quotes:
//! - only once the wave has closed ([`crate::surveys::anonymity::export_allowed`]), and only when
//!   at least [`super::quotes::DEFAULT_MIN_GROUP`] people answered (the quotes' rule);
//! - no answer set number, date, channel or language: nothing ties a line to the row-level export
//!   or to a moment. The lines are sorted by question and text, and equal texts are one line with
//!   how often they were given, so the order says nothing about when an answer came in.

use std::collections::BTreeMap;

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use diesel::prelude::*;
use maud::html;

use crate::accounts::audit::Actor;
use crate::accounts::model::Role;
use crate::csv_safe::Flavour;
use crate::db::schema::responses;
use crate::db::DbConnection;
use crate::surveys::anonymity;
use crate::surveys::answers::text_in;
use crate::surveys::definition::Definition;
use crate::web::context::Ctx;
use crate::web::download::CsvChoice;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout;
use crate::web::routes::{Access, RouteDef};
use crate::web::AppState;

const RESEARCHER: Access = Access::Roles(&[Role::Onderzoeker]);

/// Routes of the export.
pub fn routes() -> Vec<RouteDef> {
    vec![RouteDef::new("/onderzoek/rondes/{id}/open-antwoorden.csv", RESEARCHER).get(download)]
}

/// The cleaned open answers of a wave: (question key, cleaned text) → how often, in key and text
/// order. Empty answers are left out.
pub fn cleaned(
    conn: &mut DbConnection,
    wave_id: i64,
    def: &Definition,
) -> QueryResult<BTreeMap<(String, String), u64>> {
    let mut out: BTreeMap<(String, String), u64> = BTreeMap::new();
    super::codebook::each_open_answer(conn, wave_id, def, |key, text| {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return;
        }
        *out.entry((key.to_string(), super::redact::redact(&text)))
            .or_default() += 1;
    })?;
    Ok(out)
}

/// Writes the file: question key, question (in Dutch), cleaned answer, how often.
pub fn write_csv<W: std::io::Write>(
    def: &Definition,
    answers: &BTreeMap<(String, String), u64>,
    out: W,
    flavour: Flavour,
) -> anyhow::Result<W> {
    let questions: BTreeMap<&str, &str> = def
        .items()
        .map(|i| (i.key.as_str(), text_in(&i.text, Lang::Nl)))
        .collect();
    let mut w = crate::csv_safe::Writer::with_flavour(out, flavour);
    w.write_record(["vraag", "vraagtekst", "antwoord", "aantal"])?;
    for ((key, text), n) in answers {
        w.write_record([
            key.as_str(),
            questions.get(key.as_str()).copied().unwrap_or(""),
            text.as_str(),
            &n.to_string(),
        ])?;
    }
    w.into_inner()
}

/// A page saying why the file is not made (yet), with the way back.
fn refused(ctx: &Ctx, wave_id: i64, text: String) -> HttpResponse {
    let lang = ctx.lang;
    page_response(
        StatusCode::CONFLICT,
        layout::page(
            ctx,
            &t(lang, "export-open-answers"),
            html! {
                p.lead { (text) }
                p { (t(lang, "after-close-why")) }
                p { a href={ "/onderzoek/rondes/" (wave_id) } { (t(lang, "volunteers-back")) } }
            },
        ),
    )
}

async fn download(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    choice: web::Query<CsvChoice>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let lang = ctx.lang;
    let flavour = choice.flavour();
    let (wave, def, answered) = state
        .db(move |conn| {
            let (wave, def) = crate::surveys::staff::wave_and_definition(conn, id)?;
            let answered: i64 = responses::table
                .filter(responses::wave_id.eq(id))
                .count()
                .get_result(conn)?;
            Ok((wave, def, answered))
        })
        .await?;
    if !anonymity::export_allowed(&wave) {
        let date = crate::fmt::date_text(anonymity::opens_after(&wave));
        return Ok(refused(
            &ctx,
            id,
            t_args(lang, "export-answers-after-close", &[("date", &date)]),
        ));
    }
    let k = super::quotes::DEFAULT_MIN_GROUP;
    if (answered.max(0) as u64) < k {
        return Ok(refused(
            &ctx,
            id,
            t_args(
                lang,
                "export-open-answers-too-few",
                &[("k", &k.to_string())],
            ),
        ));
    }
    let bytes = state
        .db(move |conn| {
            let answers = cleaned(conn, id, &def)?;
            write_csv(&def, &answers, vec![], flavour).map_err(AppError::Internal)
        })
        .await?;
    crate::accounts::audit::log(
        &state,
        Actor::of(&ctx),
        "survey.open_answers_exported",
        "wave",
        Some(id.to_string()),
        Some(flavour.code().into()),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"open-antwoorden-ronde-{id}.csv\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_has_no_order_and_counts_equal_texts() {
        let def = crate::surveys::shipped().unwrap().remove(0);
        let key = def
            .items()
            .find(|i| matches!(i.kind, crate::surveys::definition::ItemKind::Text { .. }))
            .unwrap()
            .key
            .clone();
        let mut answers = BTreeMap::new();
        answers.insert((key.clone(), "Zeer vriendelijk".to_string()), 2u64);
        answers.insert((key.clone(), "Bel [telefoonnummer]".to_string()), 1u64);
        let bytes = write_csv(&def, &answers, vec![], Flavour::Comma).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "vraag,vraagtekst,antwoord,aantal");
        assert!(lines[1].contains("Bel [telefoonnummer]") && lines[1].ends_with(",1"));
        assert!(lines[2].contains("Zeer vriendelijk") && lines[2].ends_with(",2"));
    }
}
