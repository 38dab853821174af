//! Public pages anyone can open without an account: the start page, privacy and accessibility
//! statements, the health check and the stylesheet. The pages' markup is in `public_views.rs`.

use actix_web::http::header;
use actix_web::{web, HttpResponse};

use crate::web::context::Ctx;
use crate::web::errors::{AppError, RenderedPage};
use crate::web::public_views::{accessibility_markup, privacy_markup, start_page_markup};
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

async fn start_page(ctx: Ctx, state: web::Data<AppState>) -> HttpResponse {
    state.pages.serve("start", &ctx, start_page_markup)
}

/// What the privacy statement tells that the domains decide, given by `startup.rs` (so this page
/// names no domain).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrivacyFacts {
    /// The longest a staff login lasts, in hours (accounts).
    pub session_hours: i64,
    /// The smallest group the council report shows a figure for (monitor).
    pub smallest_group: u64,
}

async fn privacy(ctx: Ctx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let config = state.config.clone();
    let facts = state.part::<PrivacyFacts>()?;
    Ok(state
        .pages
        .serve("privacy", &ctx, |ctx| privacy_markup(ctx, &config, &facts)))
}

async fn accessibility(ctx: Ctx, state: web::Data<AppState>) -> HttpResponse {
    let config = state.config.clone();
    state.pages.serve("toegankelijkheid", &ctx, |ctx| {
        accessibility_markup(ctx, &config)
    })
}

/// Date of the accessibility statement: when its evidence (the test files below) was last reviewed.
pub const ACCESSIBILITY_STATEMENT_DATE: (i32, u32, u32) = (2026, 12, 6);

/// The product's own accessibility evidence, named on the statement.
pub const ACCESSIBILITY_EVIDENCE: [&str; 6] = [
    "tests/it/browser.rs",
    "tests/it/survey_browser.rs",
    "tests/it/complaint_browser.rs",
    "tests/it/monitor_browser.rs",
    "tests/it/cli.rs",
    "src/web/i18n.rs",
];

/// Health check for load balancers: is the database reachable? Reads no table with personal data.
async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let result = state
        .db(|conn| crate::db::ping(conn).map_err(AppError::from))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_evidence_named_on_the_accessibility_statement_exists() {
        for f in ACCESSIBILITY_EVIDENCE {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(f);
            assert!(
                path.is_file(),
                "{f} is named as evidence but does not exist"
            );
        }
    }
}
