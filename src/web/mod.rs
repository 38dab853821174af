//! The web layer: shared state, request context, layout, CSRF, errors as pages, and the route table.

pub mod contact;
pub mod context;
pub mod csrf;
pub mod download;
pub mod error_views;
pub mod errors;
pub mod filetype;
pub mod i18n;
pub mod layout;
pub mod limits;
pub mod multipart;
pub mod page_cache;
pub mod paging;
pub mod public;
pub mod public_views;
pub mod routes;
pub mod stream;

use std::any::{Any, TypeId};
use std::collections::HashMap;
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
    /// Where submissions are stored together (group commit; see [`crate::db::writer`]).
    pub writer: Arc<crate::db::writer::Writer>,
    /// Validated configuration.
    pub config: Arc<Config>,
    /// Installation secret for hashing client addresses in rate-limit buckets (no raw IPs are stored).
    pub address_key: Arc<String>,
    /// The municipality's name, shared by every page.
    pub municipality: Arc<str>,
    /// Rendered public pages for anonymous visitors, per language (a cache, never state).
    pub pages: Arc<page_cache::PageCache>,
    /// How a request finds its staff member, given by start-up (see [`context::Staff`]).
    pub staff: context::Staff,
    /// The domains' own shared data (letter texts, caches, imports running in the background),
    /// registered by start-up; see [`AppState::part`].
    pub parts: Parts,
}

/// The domains' shared data, one value per type, registered once at start-up (`startup.rs`), so
/// that `web/` names no domain. A domain reads its own with [`AppState::part`].
#[derive(Clone, Default)]
pub struct Parts(Arc<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>);

impl Parts {
    /// Adds `part` (a second one of the same type replaces the first).
    pub fn with<T: Any + Send + Sync>(mut self, part: Arc<T>) -> Parts {
        Arc::make_mut(&mut self.0).insert(TypeId::of::<T>(), part);
        self
    }

    /// The part of type `T`, if start-up registered one.
    pub fn get<T: Any + Send + Sync>(&self) -> Option<Arc<T>> {
        let part = self.0.get(&TypeId::of::<T>())?.clone();
        part.downcast::<T>().ok()
    }
}

impl AppState {
    /// The domain data of type `T` that start-up registered. A missing one is a fault in
    /// `startup.rs`, answered as an internal error.
    pub fn part<T: Any + Send + Sync>(&self) -> Result<Arc<T>, AppError> {
        self.parts.get::<T>().ok_or_else(|| {
            AppError::Internal(anyhow::anyhow!(
                "{} is not registered at start-up",
                std::any::type_name::<T>()
            ))
        })
    }

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

impl AppState {
    /// Stores a submission (an answer set) with `work`, which runs in a write transaction of its
    /// own: on SQLite together with the other submissions waiting at that moment, in one commit and
    /// one sync ([`crate::db::writer`]). Returns once the submission is committed and durable, or
    /// has failed (a failed batch is the work's own storage error); the request waits without
    /// holding a thread.
    pub async fn write<T, E, F>(&self, work: F) -> Result<Result<T, E>, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<diesel::result::Error> + Send + 'static,
    {
        match self.writer.queue(work) {
            Ok(answer) => answer
                .await
                .map_err(|_| AppError::Internal(anyhow::anyhow!("the database writer stopped"))),
            Err(work) => {
                self.db(move |conn| Ok(crate::db::write_tx(conn, work)))
                    .await
            }
        }
    }
}

/// "303 See Other" to `location`: where a form post sends the browser next.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location))
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_found_by_its_type_and_a_missing_one_is_none() {
        let parts = Parts::default()
            .with(Arc::new(7_u32))
            .with(Arc::new(String::from("brieven")));
        assert_eq!(parts.get::<u32>().as_deref(), Some(&7));
        assert_eq!(
            parts.get::<String>().as_deref().map(String::as_str),
            Some("brieven")
        );
        assert!(parts.get::<i64>().is_none());
        let replaced = parts.with(Arc::new(8_u32));
        assert_eq!(replaced.get::<u32>().as_deref(), Some(&8));
    }
}
