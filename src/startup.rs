//! Builds the HTTP server from a validated configuration (port 0 in tests) and runs it.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Compress, ErrorHandlers};
use actix_web::{web, App, HttpServer};

use crate::accounts::sessions;
use crate::config::Config;
use crate::db::{self, Pool};
use crate::web::errors::{render_error_page, AppError};
use crate::web::i18n::Locales;
use crate::web::routes::RouteDef;
use crate::web::{context, routes, AppState};

/// A server bound to its port, ready to run.
pub struct Application {
    port: u16,
    server: Server,
    /// The SQLite checkpoint thread, stopped when this is dropped.
    checkpoints: Option<db::checkpoint::Checkpointer>,
}

impl Application {
    /// Connects to the database (running migrations), binds the listener and prepares the server.
    pub fn build(config: Config) -> anyhow::Result<Application> {
        Locales::check().map_err(|e| anyhow::anyhow!(e))?;
        crate::surveys::shipped().map_err(|problems| {
            let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            anyhow::anyhow!(
                "De meegeleverde vragenlijst is ongeldig:\n{}",
                list.join("\n")
            )
        })?;
        let pool = db::connect_and_migrate(&config.database_url, config.db_pool_size)?;
        Self::build_with_pool(config, pool)
    }

    /// Same as [`Application::build`], with a pool made elsewhere (tests, demo).
    pub fn build_with_pool(config: Config, pool: Pool) -> anyhow::Result<Application> {
        if let db::DatabaseUrl::Sqlite(path) = &config.database_url {
            let path = std::path::Path::new(path);
            let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            db::durable::set_mode(&real, config.sqlite_sync);
        }
        // WAL checkpoints beside the writers instead of inside a commit (SQLite only); the thread
        // stops when the server ends (see `run_until_stopped`) or is dropped unstarted.
        let checkpoints = match &config.database_url {
            db::DatabaseUrl::Sqlite(path) => Some(db::checkpoint::start(path)?),
            db::DatabaseUrl::Postgres(_) => None,
        };
        let address_key = {
            let mut conn = pool.get()?;
            crate::surveys::waves::register_shipped(&mut conn)?;
            db::settings::set(&mut conn, db::settings::MUNICIPALITY, &config.municipality)?;
            let address_key =
                db::settings::get_or_insert(&mut conn, "address_hash_key", sessions::new_token)?;
            let offer_key = db::settings::get_or_insert(
                &mut conn,
                crate::surveys::offer_token::OfferKey::SETTING,
                sessions::new_token,
            )?;
            (address_key, offer_key)
        };
        let (address_key, offer_key) = address_key;
        let listener = TcpListener::bind(config.bind).map_err(|e| {
            anyhow::anyhow!(
                "Kan niet luisteren op {} ({e}). Kies een ander adres met KLANKBORD_BIND.",
                config.bind
            )
        })?;
        let port = listener.local_addr()?.port();
        let mut config = config;
        // Without a configured public address the default names the bound address; with port 0
        // (tests, a quick try-out) that is the port actually chosen, so links in letters work.
        if config.public_url.ends_with(":0") {
            let base = config.public_url.trim_end_matches(":0").to_string();
            config.public_url = format!("{base}:{port}");
        }
        let workers = config.workers;
        let mail = Arc::new(crate::mail::MailTransport::from_config(&config.mail)?);
        let config = Arc::new(config);
        // Each domain's shared data, registered here so that `web/` names no domain.
        let complaints = Arc::new(crate::complaints::Setup::new(config.clone())?);
        let reports = Arc::new(crate::monitor::web::ReportCache::default());
        let parts = crate::web::Parts::default()
            .with(complaints.clone())
            .with(reports.clone())
            .with(Arc::new(crate::surveys::paper::web::Jobs::default()))
            .with(Arc::new(crate::monitor::coding_web::ModelCache::default()))
            .with(Arc::new(crate::surveys::offer_token::OfferKey::new(
                &offer_key,
            )))
            .with(Arc::new(crate::web::public::PrivacyFacts {
                session_hours: sessions::ABSOLUTE_HOURS,
                smallest_group: crate::monitor::disclosure::DEFAULT_K,
            }));
        let writer = Arc::new(db::writer::Writer::start(&config.database_url)?);
        let state = AppState {
            municipality: Arc::from(config.municipality.as_str()),
            pool,
            writer,
            config,
            address_key: Arc::new(address_key),
            pages: Arc::new(crate::web::page_cache::PageCache::default()),
            staff: crate::web::context::Staff {
                cookie: sessions::COOKIE,
                lookup: sessions::lookup,
                refused: crate::accounts::audit::refused_route,
            },
            parts,
        };
        spawn_housekeeping(state.clone(), complaints, reports);
        spawn_mail_worker(state.clone(), mail);
        let mut server = HttpServer::new(move || {
            App::new()
                .app_data(web::Data::new(state.clone()))
                // Url-encoded forms: a larger `Content-Length` is refused before reading, a
                // chunked body stops at the limit. Uploads have their own limits per form.
                .app_data(web::PayloadConfig::new(crate::web::csrf::MAX_FORM_BYTES))
                .wrap(ErrorHandlers::new().default_handler(render_error_page))
                // Outside the error pages (its guard must outlive their bodies), inside the
                // context (its 408 page gets the security headers).
                .wrap(from_fn(crate::web::limits::middleware))
                .wrap(from_fn(context::middleware))
                .wrap(Compress::default())
                .configure(|cfg| routes::register_all(cfg, self::routes()))
                .default_service(web::to(|| async {
                    Err::<actix_web::HttpResponse, _>(AppError::NotFound)
                }))
        })
        .shutdown_timeout(10)
        // Slow request headers end the connection; slow bodies are timed by `web::limits`.
        .client_request_timeout(crate::web::limits::HEADER_TIMEOUT)
        // After refusing a body, read and drop what still comes for at most a second, so the
        // client sees the answer instead of a reset; then the connection ends.
        .client_disconnect_timeout(Duration::from_secs(1));
        if workers > 0 {
            server = server.workers(workers);
        }
        let server = server.listen(listener)?.run();
        Ok(Application {
            port,
            server,
            checkpoints,
        })
    }

    /// The port actually bound (useful with port 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// A handle to stop the server.
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serves until the process is told to stop.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let _checkpoints = self.checkpoints;
        self.server.await
    }
}

/// Sends queued mail through `mail` (the transport is the worker's alone, not shared state);
/// every instance runs one, the outbox makes sure each message goes out once.
fn spawn_mail_worker(state: AppState, mail: Arc<crate::mail::MailTransport>) {
    let me = format!(
        "{}-{}",
        std::process::id(),
        &crate::accounts::sessions::new_token()[..8]
    );
    actix_web::rt::spawn(async move {
        let mut tick =
            actix_web::rt::time::interval(Duration::from_secs(state.config.mail_poll_seconds));
        loop {
            tick.tick().await;
            let (pool, mail, from, me) = (
                state.pool.clone(),
                mail.clone(),
                state.config.mail_from.clone(),
                me.clone(),
            );
            let result = actix_web::web::block(move || {
                crate::mail::run_round(&pool, &mail, &from, &me, 500)
            })
            .await;
            match result {
                Ok(Ok(stats)) if stats.sent + stats.failed > 0 => {
                    tracing::info!(
                        sent = stats.sent,
                        failed = stats.failed,
                        "mail outbox round"
                    );
                }
                Ok(Ok(_)) => {}
                Ok(Err(e)) => tracing::warn!(error = %e, "mail outbox round failed"),
                Err(e) => tracing::warn!(error = %e, "mail worker task failed"),
            }
        }
    });
}

/// Periodic clean-up that any number of instances may run side by side (idempotent deletes).
fn spawn_housekeeping(
    state: AppState,
    complaints: Arc<crate::complaints::Setup>,
    reports: Arc<crate::monitor::web::ReportCache>,
) {
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(Duration::from_secs(600));
        loop {
            tick.tick().await;
            let days = state.config.volunteer_retention_days;
            let setup = complaints.clone();
            let reports = reports.clone();
            let result = state
                .db(move |conn| {
                    sessions::purge_expired(conn, db::now())?;
                    crate::surveys::invite::cleanup(conn, crate::fmt::today(), days)?;
                    crate::surveys::volunteers::purge_expired_offers(conn, crate::fmt::today())?;
                    let c = &setup.config;
                    crate::complaints::reminders::run(
                        conn,
                        c.complaints.mailbox.as_deref(),
                        c.public_host(),
                        crate::fmt::today(),
                    )?;
                    crate::complaints::retention::run(
                        conn,
                        c.complaints.retention_years,
                        crate::fmt::today(),
                    )?;
                    reports.warm(conn, crate::fmt::today())?;
                    Ok(())
                })
                .await;
            if let Err(e) = result {
                tracing::warn!(error = %e, "housekeeping failed");
            }
        }
    });
}

/// Every route of the product: each domain's list, assembled here so that `web/` knows no domain.
/// The order matters where a fixed path and a case number share a prefix.
pub fn routes() -> Vec<RouteDef> {
    let mut routes = crate::web::public::routes();
    routes.extend(crate::accounts::routes::routes());
    routes.extend(crate::accounts::admin_routes::routes());
    routes.extend(crate::accounts::login_routes::routes());
    routes.extend(crate::accounts::totp_routes::routes());
    routes.extend(crate::accounts::email::routes());
    routes.extend(crate::mail::routes::routes());
    routes.extend(crate::surveys::staff::routes());
    routes.extend(crate::surveys::wave_edit::routes());
    routes.extend(crate::surveys::paper::web::routes());
    routes.extend(crate::surveys::paper::correct::routes());
    routes.extend(crate::surveys::paper::verify::routes());
    routes.extend(crate::surveys::respondent::routes());
    routes.extend(crate::complaints::public::routes());
    // The register before the case pages: `/klachten/register` is no case number.
    routes.extend(crate::complaints::register::routes());
    routes.extend(crate::complaints::search::routes());
    // The letters page before the case pages: `/klachten/brieven` is no case number.
    routes.extend(crate::complaints::letters::routes::routes());
    routes.extend(crate::complaints::staff::routes());
    routes.extend(crate::monitor::web::routes());
    routes.extend(crate::monitor::quotes::routes());
    routes.extend(crate::monitor::open_answers::routes());
    routes.extend(crate::monitor::coding_web::routes());
    routes
}

#[cfg(test)]
mod tests {
    #[test]
    fn no_path_is_defined_twice() {
        let mut paths: Vec<&str> = super::routes().iter().map(|r| r.path).collect();
        let n = paths.len();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), n);
    }
}
