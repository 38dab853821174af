//! The HTTP client the OpenID Connect library talks to the identity provider with.
//!
//! Why ureq (blocking) and not reqwest: the project already builds ureq (the tests drive the app
//! with it) on the same rustls that lettre uses, so single sign-on adds no second HTTP stack and no
//! hyper/tower tree to compile. A login makes three or four small requests, so a blocking client on
//! actix's blocking thread pool (`web::block`) costs nothing that matters, and it never holds a
//! database connection while it waits. The client follows no redirects (a provider that redirects
//! its token endpoint could otherwise send us anywhere), gives up after the configured timeout, and
//! reads at most [`MAX_BODY`] bytes of an answer.

use std::io::Read;
use std::time::Duration;

use openidconnect::http;
use openidconnect::{HttpRequest, HttpResponse};

/// The largest answer read from the provider (discovery, keys, tokens are a few kilobytes).
pub const MAX_BODY: u64 = 1024 * 1024;

/// Why a request to the provider did not give an answer.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    /// Not reachable, refused, too slow, or broken off.
    #[error("identity provider unreachable: {0}")]
    Unreachable(String),
    /// The answer was larger than [`MAX_BODY`].
    #[error("identity provider answer larger than {MAX_BODY} bytes")]
    TooLarge,
    /// The answer could not be read as HTTP.
    #[error("identity provider answer unreadable: {0}")]
    Invalid(String),
}

/// A client with the given timeout (for connecting and for the whole answer).
pub fn client(timeout: Duration) -> impl Fn(HttpRequest) -> Result<HttpResponse, HttpError> {
    let agent = ureq::AgentBuilder::new()
        .timeout_connect(timeout)
        .timeout(timeout)
        .redirects(0)
        .user_agent("klankbord")
        .build();
    move |request: HttpRequest| send(&agent, request)
}

fn send(agent: &ureq::Agent, request: HttpRequest) -> Result<HttpResponse, HttpError> {
    let url = request.uri().to_string();
    let mut req = agent.request(request.method().as_str(), &url);
    for (name, value) in request.headers() {
        let value = value
            .to_str()
            .map_err(|_| HttpError::Invalid(format!("header {name} is not text")))?;
        req = req.set(name.as_str(), value);
    }
    let answer = if request.method() == http::Method::GET {
        req.call()
    } else {
        req.send_bytes(request.body())
    };
    let response = match answer {
        Ok(r) => r,
        // An error status is still an answer: the library reads the OAuth error in it.
        Err(ureq::Error::Status(_, r)) => r,
        Err(ureq::Error::Transport(t)) => return Err(HttpError::Unreachable(t.to_string())),
    };
    let status = http::StatusCode::from_u16(response.status())
        .map_err(|e| HttpError::Invalid(e.to_string()))?;
    let content_type = response.header("content-type").map(str::to_string);
    let mut body = Vec::new();
    response
        .into_reader()
        .take(MAX_BODY + 1)
        .read_to_end(&mut body)
        .map_err(|e| HttpError::Unreachable(e.to_string()))?;
    if body.len() as u64 > MAX_BODY {
        return Err(HttpError::TooLarge);
    }
    let mut builder = http::Response::builder().status(status);
    if let Some(ct) = content_type {
        builder = builder.header(http::header::CONTENT_TYPE, ct);
    }
    builder
        .body(body)
        .map_err(|e| HttpError::Invalid(e.to_string()))
}
