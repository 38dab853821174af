//! Safe quotes: candidate quotes are made from a wave's open answers only when the wave has at
//! least `k` respondents (default 10), cleaned of names, phone numbers, e-mail and street addresses,
//! BSNs and IBANs; the researcher approves (and may shorten) each one before it can appear in a
//! report. A quote keeps no link to the answer set it came from.
//!
//! This file holds the rules and the handlers; what is read is in
//! [`quotes_queries`](super::quotes_queries), the writes in
//! [`quotes_service`](super::quotes_service), the page in [`quotes_views`](super::quotes_views).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::quotes_service::{self, Decided};
use super::{quotes_queries, quotes_views};
use crate::accounts::model::Role;
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::t_args;
use crate::web::layout;
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

pub use super::quotes_queries::{approved, waiting};
pub use super::quotes_service::make_candidates;

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

async fn page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let id = path.into_inner();
    let (wave, rows) = state
        .db(move |conn| {
            let wave =
                crate::surveys::waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
            let rows = quotes_queries::of_wave(conn, id)?;
            Ok((wave, rows))
        })
        .await?;
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(lang, "quotes-title", &[("wave", &wave.name)]),
            quotes_views::page_markup(&ctx, id, &rows),
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

impl Decision {
    /// The decision as a command by user `by`: the status chosen and the text cleaned again;
    /// `BadRequest` for an unknown choice or an empty or too long text.
    fn command(self, by: i64) -> Result<Decided, AppError> {
        let status = match self.besluit.as_str() {
            "goedkeuren" => APPROVED,
            "afwijzen" => REJECTED,
            _ => return Err(AppError::BadRequest("form-error-fields")),
        };
        // An edited text is cleaned again: the researcher may shorten, not add a name back.
        let text = super::redact::redact(
            self.tekst
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .as_str(),
        );
        if text.is_empty() || text.chars().count() > MAX_LENGTH {
            return Err(AppError::BadRequest("form-error-fields"));
        }
        Ok(Decided { status, text, by })
    }
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
    let decided = f.command(user)?;
    let (wave, quote) = (p.id, p.quote);
    let n = state
        .db(move |conn| Ok(quotes_service::decide(conn, wave, quote, &decided)?))
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
