//! CSRF protection for every state-changing request: handlers take their form through [`CsrfForm`],
//! which refuses the request unless the form's `csrf` field equals the visitor's CSRF cookie
//! (double submit) and any `Origin` header names this site. A handler cannot read a form without it.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::web::context::CSRF_COOKIE;
use crate::web::errors::AppError;
use crate::web::AppState;

/// Largest form body accepted (URL-encoded forms carry no files).
pub const MAX_FORM_BYTES: usize = 256 * 1024;

/// A URL-encoded form whose CSRF token has been checked.
pub struct CsrfForm<T>(pub T);

/// A form with no fields besides the token (logout and similar buttons).
#[derive(Debug, Deserialize)]
pub struct NoFields {}

/// Compares without an early exit, so timing does not reveal how much of a token matched.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Whether the `Origin` header (when a browser sends one) names this site.
fn origin_allowed(req: &HttpRequest) -> bool {
    let Some(origin) = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
    else {
        return true;
    };
    let origin_host = origin.split("://").nth(1).unwrap_or("");
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !origin_host.is_empty() && origin_host == host {
        return true;
    }
    req.app_data::<web::Data<AppState>>()
        .is_some_and(|s| s.config.public_url == origin)
}

/// What can be checked before the body is read: another site's `Origin`, or no CSRF cookie at
/// all, is refused at once (no honest form post lacks the cookie).
pub fn precheck(req: &HttpRequest) -> Result<(), AppError> {
    if !origin_allowed(req) || req.cookie(CSRF_COOKIE).is_none() {
        return Err(AppError::Csrf);
    }
    Ok(())
}

/// The `csrf` field of a URL-encoded body (the last one, if sent twice; empty if missing). The
/// pairs are only split here, not decoded into a value: the form itself is decoded once, after.
fn form_token(body: &[u8]) -> std::borrow::Cow<'_, str> {
    form_urlencoded::parse(body)
        .filter(|(name, _)| name == "csrf")
        .last()
        .map(|(_, value)| value)
        .unwrap_or_default()
}

/// Checks a token that arrived another way than as a url-encoded form (a file upload's field).
pub fn check_token(req: &HttpRequest, token: &str) -> Result<(), AppError> {
    precheck(req)?;
    let cookie = req.cookie(CSRF_COOKIE).ok_or(AppError::Csrf)?;
    if token.is_empty() || !same_token(token, cookie.value()) {
        return Err(AppError::Csrf);
    }
    Ok(())
}

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let mut payload = payload.take();
        Box::pin(async move {
            // Refused before a byte of the body is read where that is possible.
            precheck(&req)?;
            // `PayloadConfig` (set in `startup`) refuses a larger `Content-Length` at once and
            // stops reading a chunked body at the limit.
            let body = web::Bytes::from_request(&req, &mut payload)
                .await
                .map_err(|e| match e.as_error::<actix_web::error::PayloadError>() {
                    Some(actix_web::error::PayloadError::Overflow) => {
                        AppError::TooLarge("form-error-too-large")
                    }
                    _ => AppError::BadRequest("form-error-fields"),
                })?;
            if body.len() > MAX_FORM_BYTES {
                return Err(AppError::TooLarge("form-error-too-large"));
            }
            let cookie = req.cookie(CSRF_COOKIE).ok_or(AppError::Csrf)?;
            let token = form_token(&body);
            if token.is_empty() || !same_token(&token, cookie.value()) {
                return Err(AppError::Csrf);
            }
            let value: T = serde_html_form::from_bytes(&body)
                .map_err(|_| AppError::BadRequest("form-error-fields"))?;
            Ok(CsrfForm(value))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_exactly() {
        assert!(same_token("abc", "abc"));
        assert!(!same_token("abc", "abd"));
        assert!(!same_token("abc", "abcd"));
        assert!(!same_token("", "a"));
    }

    #[test]
    fn the_token_is_found_among_the_fields_whatever_its_place() {
        assert_eq!(form_token(b"a=1&csrf=xyz&b=2"), "xyz");
        assert_eq!(form_token(b"csrf=x%2By&q1=ja"), "x+y");
        assert_eq!(form_token(b"q1=ja"), "");
        assert_eq!(form_token(b"csrf=old&csrf=new"), "new");
        assert_eq!(form_token(b""), "");
    }
}
