//! Markup of the error pages (`errors.rs`): what went wrong in plain words, in the visitor's
//! language, with a way back.

use actix_web::http::StatusCode;
use maud::{html, Markup};

use crate::web::context::Ctx;
use crate::web::i18n::t;
use crate::web::layout;

/// Message keys (title, text) for a status.
fn texts(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        400 => ("error-400-title", "error-400-text"),
        401 => ("error-401-title", "error-401-text"),
        403 => ("error-403-title", "error-403-text"),
        404 => ("error-404-title", "error-404-text"),
        405 => ("error-405-title", "error-405-text"),
        408 => ("error-408-title", "error-408-text"),
        413 => ("error-413-title", "error-413-text"),
        // A compressed request body: no browser sends one.
        415 => ("error-400-title", "error-400-text"),
        429 => ("error-429-title", "error-429-text"),
        _ => ("error-500-title", "error-500-text"),
    }
}

/// The body of an error page.
pub fn error_page(ctx: &Ctx, status: StatusCode, detail: Option<&'static str>) -> Markup {
    let (title, text) = texts(status);
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, title),
        html! {
            p { (t(lang, text)) }
            @if let Some(key) = detail { p { (t(lang, key)) } }
            @if status == StatusCode::UNAUTHORIZED {
                p { a href="/inloggen" { (t(lang, "login-title")) } }
            }
            p { a href="/" { (t(lang, "error-back-home")) } }
        },
    )
}
