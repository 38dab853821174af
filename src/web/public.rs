//! Public pages anyone can open without an account: the start page, privacy and accessibility
//! statements, the health check and the stylesheet.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use maud::{html, Markup};

use crate::web::context::Ctx;
use crate::web::errors::{AppError, RenderedPage};
use crate::web::i18n::{t, t_args};
use crate::web::layout;
use crate::web::routes::{Access, RouteDef};
use crate::web::AppState;

/// The stylesheet, compiled into the binary.
pub const STYLESHEET: &str = include_str!("../../static/klankbord.css");

/// Routes of this module.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/", Access::Public).get(start_page),
        RouteDef::new("/privacy", Access::Public).get(privacy),
        RouteDef::new("/toegankelijkheid", Access::Public).get(accessibility),
        RouteDef::new("/healthz", Access::Public).get(healthz),
        RouteDef::new("/static/klankbord.css", Access::Public).get(stylesheet),
    ]
}

/// The start page: what this site is for, and the two things a resident can do here.
pub fn start_page_markup(ctx: &Ctx) -> Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, "home-title"),
        html! {
            p.lead { (t(lang, "home-intro")) }
            p { (t_args(lang, "home-why", &[("municipality", &ctx.municipality)])) }
            h2 { (t(lang, "home-what-title")) }
            ul.actions {
                li {
                    a.action href="/v" { (t(lang, "home-survey-link")) }
                    p { (t(lang, "home-survey-text")) }
                }
                li {
                    a.action href="/klacht" { (t(lang, "home-complaint-link")) }
                    p { (t(lang, "home-complaint-text")) }
                }
            }
            section.reassure aria-labelledby="geen-gevolgen" {
                h2 #geen-gevolgen { (t(lang, "home-safe-title")) }
                p { (t(lang, "home-safe-text")) }
                p { (t(lang, "home-anonymous-text")) }
            }
            h2 { (t(lang, "home-help-title")) }
            p { (t(lang, "home-help-text")) }
            p { a href="/privacy" { (t(lang, "home-privacy-link")) } }
        },
    )
}

async fn start_page(ctx: Ctx, state: web::Data<AppState>) -> HttpResponse {
    state.pages.serve("start", &ctx, start_page_markup)
}

async fn privacy(ctx: Ctx, state: web::Data<AppState>) -> HttpResponse {
    state.pages.serve("privacy", &ctx, privacy_markup)
}

async fn accessibility(ctx: Ctx, state: web::Data<AppState>) -> HttpResponse {
    state
        .pages
        .serve("toegankelijkheid", &ctx, accessibility_markup)
}

fn privacy_markup(ctx: &Ctx) -> Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, "privacy-title"),
        html! {
            p { (t_args(lang, "privacy-intro", &[("municipality", &ctx.municipality)])) }
            h2 { (t(lang, "privacy-survey-title")) }
            p { (t(lang, "privacy-survey-text")) }
            h2 { (t(lang, "privacy-complaint-title")) }
            p { (t(lang, "privacy-complaint-text")) }
            h2 { (t(lang, "privacy-report-title")) }
            p { (t(lang, "privacy-report-text")) }
            h2 { (t(lang, "privacy-cookies-title")) }
            p { (t(lang, "privacy-cookies-text")) }
        },
    )
}

fn accessibility_markup(ctx: &Ctx) -> Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, "a11y-title"),
        html! {
            p { (t(lang, "a11y-intro")) }
            ul {
                li { (t(lang, "a11y-point-languages")) }
                li { (t(lang, "a11y-point-keyboard")) }
                li { (t(lang, "a11y-point-no-js")) }
                li { (t(lang, "a11y-point-tested")) }
            }
            p { (t(lang, "a11y-report")) }
        },
    )
}

/// Health check for load balancers: is the database reachable? Reads no table with personal data.
async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let result = state
        .db(|conn| {
            use diesel::connection::SimpleConnection;
            conn.batch_execute("SELECT 1").map_err(AppError::from)
        })
        .await;
    match result {
        Ok(()) => HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(serde_json::json!({"status": "ok", "database": "ok"})),
        Err(_) => {
            let mut res = HttpResponse::ServiceUnavailable()
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .json(serde_json::json!({"status": "error", "database": "unreachable"}));
            // Load balancers read this JSON; keep it instead of an HTML error page.
            res.extensions_mut().insert(RenderedPage);
            res
        }
    }
}

async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        // The URL carries the version, so the file may be kept for a year.
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(STYLESHEET)
}
