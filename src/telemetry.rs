//! Logging set-up. Log lines carry route patterns, statuses and record numbers, never personal data.
//!
//! Routes that store or offer answer sets write no per-request line at all: a line's time would say
//! when someone answered, which together with any other trace of that moment (a code seen to be
//! used, a volunteer signing up) could point at the answer set. Failures are still logged, with
//! their cause and without the route.

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

/// Route patterns under which answer sets are given, sent, typed in or read from paper: the
/// respondent's pages (`/v`, `/v/…`) and the clerk's entry and paper import (`/invoer/…`).
const UNLOGGED_PREFIXES: &[&str] = &["/v", "/invoer"];

/// Whether the per-request debug line may be written for a route pattern (see the module comment).
pub fn request_is_logged(route: &str) -> bool {
    !UNLOGGED_PREFIXES.iter().any(|p| {
        route
            .strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_that_take_answers_are_not_logged() {
        for route in [
            "/v",
            "/v/{code}",
            "/v/overzicht",
            "/v/gesprek",
            "/v/vraag/{step}",
            "/invoer",
            "/invoer/rondes/{id}",
            "/invoer/rondes/{id}/papier",
        ] {
            assert!(!request_is_logged(route), "{route}");
        }
        for route in [
            "/",
            "/inloggen",
            "/vragenlijst",
            "/onderzoek/rondes/{id}",
            "/static/voorlezen.js",
            "",
        ] {
            assert!(request_is_logged(route), "{route}");
        }
    }
}
