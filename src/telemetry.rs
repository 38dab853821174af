//! Logging set-up. Log lines carry route patterns, statuses and record numbers, never personal data.

use tracing_subscriber::EnvFilter;

/// Starts logging to stderr; `RUST_LOG` overrides the default level (`info`).
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,actix_server=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
