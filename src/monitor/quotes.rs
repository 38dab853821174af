//! Safe quotes: candidate quotes are made from a wave's open answers only when the wave has at
//! least `k` respondents (default 10), cleaned of names, phone numbers, e-mail and street addresses,
//! BSNs and IBANs; the researcher approves (and may shorten) each one before it can appear in a
//! report. A quote keeps no link to the answer set it came from.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use diesel::prelude::*;
use maud::html;
use serde::Deserialize;

use crate::accounts::model::Role;
use crate::db::schema::{quotes, responses};
use crate::db::{now, write_tx, DbConnection};
use crate::surveys::definition::Definition;
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self, csrf_field};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

/// Default: quotes only from waves with at least this many respondents.
pub const DEFAULT_MIN_GROUP: u64 = 10;
/// Shortest open answer worth quoting (characters).
pub const MIN_LENGTH: usize = 20;
/// Longest quote (characters); longer answers are left for the researcher to shorten.
pub const MAX_LENGTH: usize = 300;

/// Quote statuses.
pub const CANDIDATE: &str = "kandidaat";
/// Approved for reports.
pub const APPROVED: &str = "goedgekeurd";
/// Not to be used.
pub const REJECTED: &str = "afgewezen";

/// A cleaned open answer fit to be a candidate, if it is one.
pub fn candidate_text(answer: &str) -> Option<String> {
    let text = answer.split_whitespace().collect::<Vec<_>>().join(" ");
    let len = text.chars().count();
    if !(MIN_LENGTH..=MAX_LENGTH).contains(&len) {
        return None;
    }
    Some(super::redact::redact(&text))
}

/// Makes candidate quotes from the open answers of a wave (none when fewer than `min_group`
/// answered). Returns how many new candidates were stored; an answer already a quote is skipped.
pub fn make_candidates(
    conn: &mut DbConnection,
    wave_id: i64,
    def: &Definition,
    min_group: u64,
) -> QueryResult<usize> {
    let answered: i64 = responses::table
        .filter(responses::wave_id.eq(wave_id))
        .count()
        .get_result(conn)?;
    if (answered as u64) < min_group {
        return Ok(0);
    }
    let mut found: Vec<(String, String)> = vec![];
    super::codebook::each_open_answer(conn, wave_id, def, |key, text| {
        if let Some(c) = candidate_text(text) {
            found.push((key.to_string(), c));
        }
    })?;
    found.sort();
    found.dedup();
    // Sorted by item and text: the order of the answers is not kept.
    write_tx(conn, |c| {
        let existing: Vec<(String, String)> = quotes::table
            .filter(quotes::wave_id.eq(wave_id))
            .select((quotes::item_key, quotes::text))
            .load(c)?;
        let mut n = 0;
        for (key, text) in &found {
            if existing.iter().any(|(k, t)| k == key && t == text) {
                continue;
            }
            diesel::insert_into(quotes::table)
                .values((
                    quotes::wave_id.eq(wave_id),
                    quotes::item_key.eq(key),
                    quotes::text.eq(text),
                    quotes::status.eq(CANDIDATE),
                ))
                .execute(c)?;
            n += 1;
        }
        Ok(n)
    })
}

/// The approved quotes of a wave: (item key, text).
pub fn approved(conn: &mut DbConnection, wave_id: i64) -> QueryResult<Vec<(String, String)>> {
    quotes::table
        .filter(quotes::wave_id.eq(wave_id))
        .filter(quotes::status.eq(APPROVED))
        .order((quotes::item_key, quotes::id))
        .select((quotes::item_key, quotes::text))
        .load(conn)
}

/// Candidate quotes waiting for the researcher's decision, over every wave.
pub fn waiting(conn: &mut DbConnection) -> QueryResult<i64> {
    quotes::table
        .filter(quotes::status.eq(CANDIDATE))
        .count()
        .get_result(conn)
}

// ---------------------------------------------------------------------------------------------
// The researcher's page
// ---------------------------------------------------------------------------------------------

const RESEARCHER: Access = Access::Roles(&[Role::Onderzoeker]);

/// Routes of the quote pages.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/onderzoek/rondes/{id}/citaten", RESEARCHER)
            .get(page)
            .post(make),
        RouteDef::new("/onderzoek/rondes/{id}/citaten/{quote}", RESEARCHER).post(decide),
    ]
}

type QuoteRow = (i64, String, String, String);

async fn page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let id = path.into_inner();
    let (wave, rows): (crate::surveys::waves::Wave, Vec<QuoteRow>) = state
        .db(move |conn| {
            let wave =
                crate::surveys::waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
            let rows = quotes::table
                .filter(quotes::wave_id.eq(id))
                .order((quotes::status, quotes::item_key, quotes::id))
                .select((quotes::id, quotes::item_key, quotes::text, quotes::status))
                .load(conn)?;
            Ok((wave, rows))
        })
        .await?;
    let base = format!("/onderzoek/rondes/{id}/citaten");
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(lang, "quotes-title", &[("wave", &wave.name)]),
            html! {
                p { (t_args(lang, "quotes-intro", &[("k", &DEFAULT_MIN_GROUP.to_string())])) }
                form method="post" action=(base) {
                    (csrf_field(&ctx))
                    button type="submit" { (t(lang, "quotes-make")) }
                }
                @if rows.is_empty() { p { (t(lang, "quotes-none")) } }
                @for (qid, key, text, status) in &rows {
                    form.quote method="post" action={ (base) "/" (qid) } {
                        (csrf_field(&ctx))
                        fieldset {
                            legend { (t(lang, &format!("quotes-status-{status}"))) " · " (key) }
                            div.field {
                                label for={ "tekst-" (qid) } { (t(lang, "quotes-text")) }
                                textarea id={ "tekst-" (qid) } name="tekst" rows="3" maxlength=(MAX_LENGTH) lang="nl" { (text) }
                            }
                            button type="submit" name="besluit" value="goedkeuren" { (t(lang, "quotes-approve")) }
                            " "
                            button.secondary type="submit" name="besluit" value="afwijzen" { (t(lang, "quotes-reject")) }
                        }
                    }
                }
            },
        ),
    ))
}

async fn make(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(_): CsrfForm<crate::web::csrf::NoFields>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    state
        .db(move |conn| {
            let (wave, def) = crate::surveys::staff::wave_and_definition(conn, id)?;
            make_candidates(conn, wave.id, &def, DEFAULT_MIN_GROUP)?;
            Ok(())
        })
        .await?;
    Ok(see_other(&format!("/onderzoek/rondes/{id}/citaten")))
}

#[derive(Deserialize)]
struct QuotePath {
    id: i64,
    quote: i64,
}

#[derive(Deserialize)]
struct Decision {
    #[serde(default)]
    besluit: String,
    #[serde(default)]
    tekst: String,
}

async fn decide(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<QuotePath>,
    CsrfForm(f): CsrfForm<Decision>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let user = ctx
        .user
        .as_ref()
        .map(|u| u.id)
        .ok_or(AppError::Unauthorized)?;
    let status = match f.besluit.as_str() {
        "goedkeuren" => APPROVED,
        "afwijzen" => REJECTED,
        _ => return Err(AppError::BadRequest("form-error-fields")),
    };
    // An edited text is cleaned again: the researcher may shorten, not add a name back.
    let text = super::redact::redact(
        f.tekst
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
    );
    if text.is_empty() || text.chars().count() > MAX_LENGTH {
        return Err(AppError::BadRequest("form-error-fields"));
    }
    let (wave, quote) = (p.id, p.quote);
    let n = state
        .db(move |conn| {
            Ok(diesel::update(
                quotes::table
                    .filter(quotes::id.eq(quote))
                    .filter(quotes::wave_id.eq(wave)),
            )
            .set((
                quotes::status.eq(status),
                quotes::text.eq(&text),
                quotes::decided_by.eq(user),
                quotes::decided_at.eq(now()),
            ))
            .execute(conn)?)
        })
        .await?;
    if n == 0 {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!("/onderzoek/rondes/{wave}/citaten")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_cleaned_and_of_a_quotable_length() {
        assert_eq!(candidate_text("Kort."), None);
        assert_eq!(candidate_text(&"lang ".repeat(100)), None);
        assert_eq!(
            candidate_text("Mevrouw   Jansen  belde mij\n netjes terug, binnen een dag.")
                .as_deref(),
            Some("Mevrouw [naam] belde mij netjes terug, binnen een dag.")
        );
    }
}
