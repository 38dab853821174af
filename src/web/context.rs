//! Per-request context: the visitor's language, the logged-in staff member (if any) and the CSRF
//! token, resolved once by one middleware; plus the security headers every response carries.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};

use base64::Engine;
use chrono::NaiveDateTime;
use diesel::QueryResult;
use rand::RngCore;

use crate::db::DbConnection;
use crate::identity::CurrentUser;
use crate::web::i18n::Lang;
use crate::web::AppState;

/// Cookie holding the chosen language.
pub const LANG_COOKIE: &str = "kb_taal";
/// Cookie holding the CSRF token (double-submit: the form field must carry the same value).
pub const CSRF_COOKIE: &str = "kb_csrf";

/// The Content-Security-Policy: no inline script or style, nothing from elsewhere, no framing. The
/// only scripts are our own optional "lees voor" and import-progress files (the latter asks this
/// site how far an import is).
pub const CSP: &str =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; \
    form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// What the web layer needs to know about staff, given by start-up (from `accounts`), so that
/// `web/` names no domain: the session cookie and how to look it up, and how a refused route is
/// written in the audit log.
#[derive(Clone, Copy)]
pub struct Staff {
    /// The session cookie's name.
    pub cookie: &'static str,
    /// The staff member behind a session cookie value at `now`, if the session is live (the last
    /// argument is the idle time in minutes).
    pub lookup: fn(&mut DbConnection, &str, NaiveDateTime, i64) -> QueryResult<Option<CurrentUser>>,
    /// Writes that a logged-in staff member (id) was refused a route (pattern, path).
    pub refused: fn(&mut DbConnection, i64, &str, &str) -> QueryResult<()>,
}

/// A new random token (256 bits, URL-safe), for CSRF tokens and session cookies.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The CSRF token of this request: the existing cookie value, or a new one made on first use.
#[derive(Clone, Default)]
pub struct CsrfSlot(Rc<RefCell<CsrfState>>);

#[derive(Default)]
struct CsrfState {
    token: Option<String>,
    created: bool,
    used: bool,
}

impl CsrfSlot {
    fn new(existing: Option<String>) -> Self {
        CsrfSlot(Rc::new(RefCell::new(CsrfState {
            token: existing,
            created: false,
            used: false,
        })))
    }

    /// The token to put in a form; creates one (and later its cookie) when the visitor has none.
    pub fn token(&self) -> String {
        let mut slot = self.0.borrow_mut();
        slot.used = true;
        match &slot.token {
            Some(t) => t.clone(),
            None => {
                let t = random_token();
                slot.token = Some(t.clone());
                slot.created = true;
                t
            }
        }
    }

    /// Whether a page put this visitor's token in a form (such a page must not be shared).
    pub fn used(&self) -> bool {
        self.0.borrow().used
    }

    fn new_token_to_set(&self) -> Option<String> {
        let slot = self.0.borrow();
        if slot.created {
            slot.token.clone()
        } else {
            None
        }
    }
}

/// What the middleware resolved, stored in the request's extensions.
#[derive(Clone)]
struct RequestInfo {
    lang: Lang,
    user: Option<CurrentUser>,
    csrf: CsrfSlot,
}

/// What every handler and the layout need to know about the request.
#[derive(Clone)]
pub struct Ctx {
    /// Interface language.
    pub lang: Lang,
    /// The logged-in staff member, if any.
    pub user: Option<CurrentUser>,
    /// Path of this page (for the language switch and the return address after login).
    pub path: String,
    /// The municipality's name.
    pub municipality: std::sync::Arc<str>,
    /// How residents reach the municipality.
    pub contact: std::sync::Arc<crate::config::Contact>,
    csrf: CsrfSlot,
}

impl Ctx {
    /// Reads the context from a request that went through [`middleware`].
    pub fn from_http_request(req: &HttpRequest) -> Ctx {
        let info = req.extensions().get::<RequestInfo>().cloned();
        let (lang, user, csrf) = match info {
            Some(i) => (i.lang, i.user, i.csrf),
            None => (Lang::Nl, None, CsrfSlot::default()),
        };
        let state = req.app_data::<web::Data<AppState>>();
        let municipality = state
            .map(|s| s.municipality.clone())
            .unwrap_or_else(|| std::sync::Arc::from(""));
        let contact = state.map(|s| s.config.contact.clone()).unwrap_or_default();
        Ctx {
            lang,
            user,
            // Links are built from it: a path that a browser would read as another site's
            // (`//evil.example/`, `/\evil.example`) becomes the start page.
            path: crate::web::routes::safe_return_path(req.path())
                .unwrap_or("/")
                .to_string(),
            municipality,
            contact,
            csrf,
        }
    }

    /// A context for an anonymous visitor outside a request (rendering benchmarks, documents).
    pub fn anonymous(lang: Lang, path: &str, municipality: &str) -> Ctx {
        Ctx {
            lang,
            user: None,
            path: path.to_string(),
            municipality: std::sync::Arc::from(municipality),
            contact: std::sync::Arc::new(crate::config::Contact::named(municipality)),
            csrf: CsrfSlot::default(),
        }
    }

    /// The CSRF token for a form on this page.
    pub fn csrf_token(&self) -> String {
        self.csrf.token()
    }

    /// Whether this page carries the visitor's CSRF token (and so is personal).
    pub fn csrf_used(&self) -> bool {
        self.csrf.used()
    }
}

impl FromRequest for Ctx {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Ctx, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Ok(Ctx::from_http_request(req)))
    }
}

/// Builds a cookie with the flags this product always uses.
pub fn cookie(
    name: &'static str,
    value: String,
    secure: bool,
    max_age_days: Option<i64>,
) -> Cookie<'static> {
    let mut c = Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .finish();
    if let Some(days) = max_age_days {
        c.set_max_age(actix_web::cookie::time::Duration::days(days));
    }
    c
}

/// The language asked for in the query string (`?lang=en`), if it is one we offer.
fn query_lang(query: &str) -> Option<Lang> {
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix("lang="))
        .and_then(Lang::from_code)
}

/// Whether `path` is one of the respondent's pages (`/v`, `/v/…`).
fn is_respondent_path(path: &str) -> bool {
    path.strip_prefix("/v")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The middleware: resolves the context, calls the handler, then sets cookies and security headers.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let secure = state.as_ref().is_some_and(|s| s.config.secure_cookies());

    let chosen = query_lang(req.query_string());
    let lang = chosen
        .or_else(|| {
            req.cookie(LANG_COOKIE)
                .and_then(|c| Lang::from_code(c.value()))
        })
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(Lang::Nl);

    // The respondent pages never look up a staff session: they show nothing of staff, and a
    // respondent's requests stay apart from any staff login in the same browser.
    let respondent = is_respondent_path(req.path());
    let staff = state.as_ref().map(|s| s.staff);
    let user = match (staff.and_then(|s| req.cookie(s.cookie)), &state) {
        (Some(c), Some(state)) if !respondent => {
            let token = c.value().to_string();
            let idle = state.config.session_idle_minutes;
            let lookup = state.staff.lookup;
            match state
                .db(move |conn| Ok(lookup(conn, &token, crate::db::now(), idle)?))
                .await
            {
                Ok(u) => u,
                Err(e) => {
                    tracing::error!(error = %e, "session lookup failed");
                    None
                }
            }
        }
        _ => None,
    };
    let logged_in = user.is_some();
    // With single sign-on, forms may lead to the identity provider (logout there).
    let sso_csp = state
        .as_ref()
        .filter(|_| !respondent)
        .and_then(|s| s.config.login.sso.as_ref())
        .and_then(|s| HeaderValue::from_str(&s.csp()).ok());
    let csrf = CsrfSlot::new(
        req.cookie(CSRF_COOKIE)
            .map(|c| c.value().to_string())
            .filter(|v| v.len() >= 32),
    );
    req.extensions_mut().insert(RequestInfo {
        lang,
        user,
        csrf: csrf.clone(),
    });
    // Route pattern only: the concrete path may hold a code or case number.
    // Not at all for routes that take answers (see `telemetry`).
    let log = tracing::enabled!(tracing::Level::DEBUG)
        .then(|| {
            (
                req.method().clone(),
                req.match_pattern().unwrap_or_default(),
            )
        })
        .filter(|(_, route)| crate::telemetry::request_is_logged(route));

    let mut res = next.call(req).await?;

    if let Some(l) = chosen {
        let _ = res.response_mut().add_cookie(&cookie(
            LANG_COOKIE,
            l.code().to_string(),
            secure,
            Some(365),
        ));
    }
    if let Some(token) = csrf.new_token_to_set() {
        let _ = res
            .response_mut()
            .add_cookie(&cookie(CSRF_COOKIE, token, secure, None));
    }
    let h = res.headers_mut();
    // A download may carry a stricter policy of its own (a sandbox); every other answer gets ours.
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            sso_csp.unwrap_or(HeaderValue::from_static(CSP)),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Invitation codes and case numbers may be in our URLs: never pass them on to other sites.
    // (`same-origin`, not `no-referrer`: the latter makes browsers send `Origin: null` on our own
    // form posts, which the CSRF check must refuse.)
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        header::HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    h.insert(
        header::HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    if secure {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        // Staff pages and the respondent's pages (a draft's answers) are never kept by a browser.
        let v = if logged_in || respondent {
            "no-store"
        } else {
            "no-cache"
        };
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(v));
    }
    h.insert(
        header::VARY,
        HeaderValue::from_static("Cookie, Accept-Language"),
    );
    if let Some((method, route)) = log {
        tracing::debug!(%method, route, status = res.status().as_u16(), ms = started.elapsed().as_millis() as u64, "request");
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_from_query() {
        assert_eq!(query_lang("lang=ar"), Some(Lang::Ar));
        assert_eq!(query_lang("x=1&lang=pl"), Some(Lang::Pl));
        assert_eq!(query_lang("lang=xx"), None);
        assert_eq!(query_lang(""), None);
    }

    #[test]
    fn respondent_paths_are_the_v_pages_only() {
        for p in ["/v", "/v/", "/v/vraag/0", "/v/ABCD-EFGH"] {
            assert!(is_respondent_path(p), "{p}");
        }
        for p in ["/", "/vragenlijst", "/verzoek", "/beheer/v"] {
            assert!(!is_respondent_path(p), "{p}");
        }
    }
}
