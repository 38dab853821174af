//! The web questionnaire for respondents: `/v` (type the code) and `/v/{code}` (from the letter or QR
//! code), one question per page (or all on one page), answers saved at every step, a summary, the
//! thank-you page and the optional interview offer. Works without JavaScript; the code travels in a
//! cookie limited to `/v` after the first page, so it does not stay in addresses and history.
//!
//! The shape: [`routes`] and [`offer_routes`] are thin handlers (read the request, call the service
//! once, pick a view); [`service`] holds the database work of each request in one call (one
//! connection, one trip to the blocking pool); [`queries`] the read model of a respondent;
//! [`steps`] the pure rules of moving through the questionnaire; [`views`] and [`offer_views`] the
//! pages.

use actix_web::cookie::{Cookie, SameSite};

use crate::web::routes::{Access, RouteDef};

mod offer_routes;
mod offer_views;
pub mod queries;
mod routes;
pub mod service;
pub mod steps;
mod views;

pub use views::refusal;

/// Cookie holding the respondent's code while answering (path `/v` only).
pub const CODE_COOKIE: &str = "kb_v";
/// Cookie holding the single-use interview offer after sending (a random token: no code, no
/// answers, no wave number the client could choose).
pub const OFFER_COOKIE: &str = "kb_vr";

/// Routes of the respondent side. `/v/{code}` comes last so the fixed paths win.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/v", Access::Public)
            .get(routes::code_page)
            .post(routes::code_submit),
        RouteDef::new("/v/start", Access::Public).get(routes::start),
        RouteDef::new("/v/vraag/{step}", Access::Public)
            .get(routes::question_page)
            .post(routes::question_submit),
        RouteDef::new("/v/overzicht", Access::Public)
            .get(routes::summary_page)
            .post(routes::summary_submit),
        RouteDef::new("/v/opgeslagen", Access::Public).get(routes::saved_page),
        RouteDef::new("/v/bedankt", Access::Public).get(routes::thanks_page),
        RouteDef::new("/v/gesprek", Access::Public)
            .get(offer_routes::volunteer_page)
            .post(offer_routes::volunteer_submit),
        RouteDef::new("/static/voorlezen.js", Access::Public).get(routes::read_aloud_script),
        RouteDef::new("/v/{code}", Access::Public).get(routes::code_link),
    ]
}

/// A cookie for the respondent pages only (path `/v`).
fn path_cookie(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    Cookie::build(name, value)
        .path("/v")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .finish()
}

/// Removes a cookie set by [`path_cookie`].
fn removal(name: &'static str) -> Cookie<'static> {
    let mut c = Cookie::build(name, "").path("/v").finish();
    c.make_removal();
    c
}
