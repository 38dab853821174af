//! The web layer: shared state, request context, layout, CSRF, errors as pages, and the route table.

pub mod contact;
pub mod context;
pub mod csrf;
pub mod download;
pub mod errors;
pub mod filetype;
pub mod i18n;
pub mod layout;
pub mod limits;
pub mod multipart;
pub mod page_cache;
pub mod paging;
pub mod public;
pub mod routes;
pub mod stream;

use std::sync::Arc;

use actix_web::HttpResponse;

use crate::config::Config;
use crate::db::{DbConnection, Pool};
use errors::AppError;

/// State shared by all handlers of one instance; nothing here must survive a restart.
#[derive(Clone)]
pub struct AppState {
    /// Database connections.
    pub pool: Pool,
    /// Validated configuration.
    pub config: Arc<Config>,
    /// Installation secret for hashing client addresses in rate-limit buckets (no raw IPs are stored).
    pub address_key: Arc<String>,
    /// The municipality's name, shared by every page.
    pub municipality: Arc<str>,
    /// Where outgoing mail goes.
    pub mail: Arc<crate::mail::MailTransport>,
    /// Rendered public pages for anonymous visitors, per language (a cache, never state).
    pub pages: Arc<page_cache::PageCache>,
    /// Paper imports running in the background, for their progress pages.
    pub imports: Arc<crate::surveys::paper::web::Jobs>,
    /// Council reports already made, reused while the data has not changed.
    pub reports: Arc<crate::monitor::web::ReportCache>,
    /// The model learned from the researcher's codes, rebuilt when she codes (a cache, never state).
    pub coding: Arc<crate::monitor::coding_web::ModelCache>,
    /// Letter texts and the calendar for complaints (checked at start-up).
    pub complaints: Arc<crate::complaints::Setup>,
}

impl AppState {
    /// Runs blocking database work on the thread pool with a pooled connection.
    pub async fn db<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = pool.get().map_err(|e| AppError::Internal(e.into()))?;
            // Durable commits wait for their sync after the connection is back in the pool
            // (more commits share one sync); nothing is answered before that wait is over.
            let (result, pending) = crate::db::durable::deferred(|| f(&mut conn));
            drop(conn);
            pending
                .wait()
                .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
            result
        })
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("blocking task failed: {e}")))?
    }
}

/// "303 See Other" to `location`: where a form post sends the browser next.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location))
        .finish()
}
