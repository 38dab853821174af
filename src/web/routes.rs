//! The route table: every route with the roles allowed to use it, in one list. The server registers
//! routes only from this table and wraps each in the access check, so authorisation is enforced on
//! the server for every route; the access-matrix test reads the same table.

use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method};
use actix_web::middleware::{from_fn, Next};
use actix_web::{web, Handler, HttpResponse, Responder};

use crate::identity::{CurrentUser, Role};
use crate::web::errors::AppError;

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, without logging in.
    Public,
    /// Any logged-in staff member.
    AnyStaff,
    /// Logged-in staff holding at least one of these roles.
    Roles(&'static [Role]),
}

impl Access {
    /// Whether `user` may use a route with this access rule.
    pub fn allows(self, user: Option<&CurrentUser>) -> bool {
        match (self, user) {
            (Access::Public, _) => true,
            (_, None) => false,
            (Access::AnyStaff, Some(_)) => true,
            (Access::Roles(roles), Some(u)) => u.has_any(roles),
        }
    }
}

type Registration = Box<dyn FnOnce(actix_web::Resource) -> actix_web::Resource>;

/// One route: a path, its access rule and the handler per method.
pub struct RouteDef {
    /// Path pattern as actix writes it, e.g. `/beheer/gebruikers/{id}`.
    pub path: &'static str,
    /// Who may use it.
    pub access: Access,
    /// Methods served.
    pub methods: Vec<Method>,
    registrations: Vec<Registration>,
}

impl RouteDef {
    /// Starts a route definition.
    pub fn new(path: &'static str, access: Access) -> Self {
        RouteDef {
            path,
            access,
            methods: vec![],
            registrations: vec![],
        }
    }

    fn method<F, Args>(mut self, m: Method, handler: F) -> Self
    where
        F: Handler<Args> + 'static,
        Args: actix_web::FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.methods.push(m.clone());
        self.registrations
            .push(Box::new(move |r| r.route(web::method(m).to(handler))));
        self
    }

    /// Adds a GET handler (also answers HEAD).
    pub fn get<F, Args>(self, handler: F) -> Self
    where
        F: Handler<Args> + 'static,
        Args: actix_web::FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.method(Method::GET, handler)
    }

    /// Adds a POST handler.
    pub fn post<F, Args>(self, handler: F) -> Self
    where
        F: Handler<Args> + 'static,
        Args: actix_web::FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.method(Method::POST, handler)
    }

    /// Registers the route, wrapped in its access check.
    fn register(self, cfg: &mut web::ServiceConfig) {
        let access = self.access;
        let mut resource = web::resource(self.path);
        for r in self.registrations {
            resource = r(resource);
        }
        if access == Access::Public {
            // Nothing to check: no middleware layer in the way of the busiest pages.
            cfg.service(resource);
        } else {
            cfg.service(resource.wrap(from_fn(move |req: ServiceRequest, next| {
                check_access(access, req, next)
            })));
        }
    }
}

/// Registers `routes` (the product's list is [`crate::startup::routes`]).
pub fn register_all(cfg: &mut web::ServiceConfig, routes: Vec<RouteDef>) {
    for def in routes {
        def.register(cfg);
    }
}

/// The access check wrapped around every route.
async fn check_access(
    access: Access,
    req: ServiceRequest,
    next: Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<
    ServiceResponse<actix_web::body::EitherBody<impl actix_web::body::MessageBody>>,
    actix_web::Error,
> {
    let user = crate::web::context::Ctx::from_http_request(req.request()).user;
    if access.allows(user.as_ref()) {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let response = match user {
        None if req.method() == Method::GET => {
            // Send the visitor to the login page, and back here afterwards.
            let back = match req.query_string() {
                "" => req.path().to_string(),
                q => format!("{}?{q}", req.path()),
            };
            HttpResponse::SeeOther()
                .insert_header((
                    header::LOCATION,
                    format!("/inloggen?terug={}", encode(&back)),
                ))
                .finish()
        }
        None => actix_web::ResponseError::error_response(&AppError::Unauthorized),
        Some(u) => {
            tracing::info!(
                user_id = u.id,
                route = req.match_pattern().unwrap_or_default(),
                "access refused"
            );
            if let Some(state) = req.app_data::<web::Data<crate::web::AppState>>() {
                let refused = state.staff.refused;
                let (pattern, path) = (
                    req.match_pattern().unwrap_or_default(),
                    req.path().to_string(),
                );
                let written = state
                    .db(move |conn| Ok(refused(conn, u.id, &pattern, &path)?))
                    .await;
                if let Err(e) = written {
                    tracing::error!(error = %e, "audit line for a refused route not written");
                }
            }
            actix_web::ResponseError::error_response(&AppError::Forbidden)
        }
    };
    let (req, _) = req.into_parts();
    Ok(ServiceResponse::new(req, response).map_into_right_body())
}

/// Percent-encodes a return path for a query string.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A return path is only followed when it is a path on this site: it starts with one `/`, holds
/// only the printable ASCII characters of a URL (no control characters, spaces or backslashes, which
/// browsers drop or read as `/`: `/\t/evil.example` would become `//evil.example`), names no scheme,
/// and stays so however often it is percent-decoded (by a proxy or a browser on the way).
pub fn safe_return_path(p: &str) -> Option<&str> {
    // Decoded, a path may hold spaces and letters beyond ASCII, but still nothing that leads off site.
    fn local(p: &[u8]) -> bool {
        p.first() == Some(&b'/')
            && !matches!(p.get(1), Some(b'/' | b'\\'))
            && !p.iter().any(|&b| b < 0x20 || b == 0x7F || b == b'\\')
            && !p.windows(3).any(|w| w == b"://")
    }
    // As written, only the characters a URL may hold.
    fn written(p: &[u8]) -> bool {
        p.iter().all(|&b| {
            b.is_ascii_graphic()
                && !matches!(
                    b,
                    b'\\' | b'"' | b'<' | b'>' | b'`' | b'{' | b'}' | b'|' | b'^'
                )
        })
    }
    fn decode(p: &[u8]) -> Vec<u8> {
        let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
        let mut out = Vec::with_capacity(p.len());
        let mut i = 0;
        while i < p.len() {
            match (
                p[i],
                p.get(i + 1).and_then(|&b| hex(b)),
                p.get(i + 2).and_then(|&b| hex(b)),
            ) {
                (b'%', Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                }
                (b, _, _) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        out
    }
    if p.len() > 2000 || !written(p.as_bytes()) {
        return None;
    }
    let mut current = p.as_bytes().to_vec();
    for _ in 0..4 {
        if !local(&current) {
            return None;
        }
        let next = decode(&current);
        if next == current {
            return Some(p);
        }
        current = next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_paths_stay_on_site() {
        assert_eq!(safe_return_path("/werkplek"), Some("/werkplek"));
        assert_eq!(
            safe_return_path("/klachten/12?fase=alle&lang=nl"),
            Some("/klachten/12?fase=alle&lang=nl")
        );
        assert_eq!(safe_return_path("/zoek%20dit"), Some("/zoek%20dit"));
        assert_eq!(safe_return_path("/"), Some("/"));
        assert_eq!(encode("/a b?x=1"), "/a%20b%3Fx%3D1");
        // What an attacker tries: other sites, schemes, and what browsers drop or read as `/`.
        for evil in [
            "//evil.example",
            "//evil.example/",
            "///evil.example",
            "/\\evil",
            "/\\/evil.example",
            "\\\\evil.example",
            "https://evil.example",
            "http:evil.example",
            "javascript:alert(1)",
            "evil.example",
            "",
            "/\t/evil.example/",
            "/\n/evil.example/",
            "/\r\n/evil.example/",
            "/ /evil.example",
            "/\u{0}/evil.example",
            "/\u{7f}/evil.example",
            "/\u{a0}/evil.example",
            "/werkplek?terug=https://evil.example",
            "/%2F/evil.example",
            "/%2f/evil.example",
            "/%5C/evil.example",
            "/%5cevil.example",
            "/%09/evil.example",
            "/%0d%0a/evil.example",
            "/%252F/evil.example",
            "/%2525%32%46/x",
            "/a%00b",
            "/x%0aSet-Cookie:%20a=b",
        ] {
            assert_eq!(safe_return_path(evil), None, "{evil:?}");
        }
        assert_eq!(safe_return_path(&format!("/{}", "a".repeat(3000))), None);
    }

    #[test]
    fn access_rules() {
        let u = CurrentUser {
            id: 1,
            username: "a".into(),
            display_name: "A".into(),
            roles: vec![Role::Raadslid],
        };
        assert!(Access::Public.allows(None));
        assert!(!Access::AnyStaff.allows(None));
        assert!(Access::AnyStaff.allows(Some(&u)));
        assert!(!Access::Roles(&[Role::Beheerder]).allows(Some(&u)));
        assert!(Access::Roles(&[Role::Beheerder, Role::Raadslid]).allows(Some(&u)));
    }
}
