//! Errors as pages: handlers return an [`AppError`]; the error middleware turns every 4xx/5xx
//! response that is not already a page into one in the visitor's language (drawn by
//! `error_views.rs`).

use actix_web::dev::ServiceResponse;
use actix_web::http::{header, StatusCode};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpResponse, ResponseError};
use maud::Markup;

use crate::web::context::Ctx;
use crate::web::error_views::error_page;

/// What went wrong while handling a request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The page or record does not exist.
    #[error("not found")]
    NotFound,
    /// Logged in, but this role may not do this.
    #[error("forbidden")]
    Forbidden,
    /// Not logged in.
    #[error("login required")]
    Unauthorized,
    /// The form was incomplete or tampered with (message key).
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// The form's CSRF token is missing or does not match (an old page, or a forged request).
    #[error("csrf check failed")]
    Csrf,
    /// Too many attempts; try again later.
    #[error("too many requests")]
    TooManyRequests,
    /// The request body is larger than this form can be (message key with what to do).
    #[error("request body too large")]
    TooLarge(&'static str),
    /// The request body did not arrive in time.
    #[error("request body too slow")]
    Timeout,
    /// A fault on our side; the cause goes to the log, not to the visitor.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => AppError::NotFound,
            other => AppError::Internal(other.into()),
        }
    }
}

/// Marks a response whose body is already a finished page, so the error middleware leaves it alone.
#[derive(Clone, Copy)]
pub struct RenderedPage;

/// The message key chosen by a handler for a 400 page.
#[derive(Clone, Copy)]
struct BadRequestKey(&'static str);

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Timeout => StatusCode::REQUEST_TIMEOUT,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let AppError::Internal(cause) = self {
            // The cause names tables and constraints, never form contents.
            tracing::error!(error = %cause, "request failed");
        }
        let mut res = HttpResponse::new(self.status_code());
        match self {
            AppError::BadRequest(key) | AppError::TooLarge(key) => {
                res.extensions_mut().insert(BadRequestKey(key));
            }
            AppError::Csrf => {
                res.extensions_mut()
                    .insert(BadRequestKey("form-error-csrf"));
            }
            _ => {}
        }
        if let AppError::TooManyRequests = self {
            res.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static("600"));
        }
        res
    }
}

/// Error middleware hook: replaces a bare error response by a page in the visitor's language.
pub fn render_error_page<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    if res.response().extensions().get::<RenderedPage>().is_some() {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let detail = res
        .response()
        .extensions()
        .get::<BadRequestKey>()
        .map(|k| k.0);
    let retry_after = res.headers().get(header::RETRY_AFTER).cloned();
    let allow = res.headers().get(header::ALLOW).cloned();
    let (req, _) = res.into_parts();
    let ctx = Ctx::from_http_request(&req);
    let body = error_page(&ctx, status, detail).into_string();
    let mut new = HttpResponse::build(status);
    new.content_type("text/html; charset=utf-8");
    if let Some(v) = retry_after {
        new.insert_header((header::RETRY_AFTER, v));
    }
    if let Some(v) = allow {
        new.insert_header((header::ALLOW, v));
    }
    let res = ServiceResponse::new(req, new.body(body)).map_into_right_body();
    Ok(ErrorHandlerResponse::Response(res))
}

/// An HTML page response with `status`, marked as finished.
pub fn page_response(status: StatusCode, markup: Markup) -> HttpResponse {
    let mut res = HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string());
    res.extensions_mut().insert(RenderedPage);
    res
}
