//! Limits on every request body, whatever route it goes to: a deadline for a body that arrives too
//! slowly, and a guard that makes the server end the connection when a body was not read to its end.
//!
//! Why both are needed: actix-web times out slow request *headers* only
//! (`client_request_timeout`); a body trickling in at one byte a second would hold its handler
//! forever. And when a handler answers without reading the body (a refused upload), actix-web reads
//! and discards the rest of a chunked body for keep-alive, with no deadline at all. The guard keeps
//! the body alive until the answer has been sent, so actix-web sees it unread and closes the
//! connection instead. Sizes are limited where the body is read: [`crate::web::multipart`] for
//! uploads, [`crate::web::csrf`] for url-encoded forms.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::body::{BodySize, BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::{header, StatusCode};
use actix_web::middleware::{ErrorHandlerResponse, Next};
use actix_web::rt::time::{sleep_until, Instant, Sleep};
use actix_web::web::Bytes;
use actix_web::{HttpMessage, HttpResponse};
use futures_util::{Stream, StreamExt};

/// Time allowed for the request line and headers (actix-web's `client_request_timeout`).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Time every body gets, however small.
pub const BODY_GRACE: Duration = Duration::from_secs(10);
/// Each byte received earns more time at this rate (bytes per second): a slow but real upload
/// keeps going, a trickle does not (after the model of Apache's `mod_reqtimeout`).
pub const BODY_MIN_RATE: u64 = 2 * 1024;
/// No body may take longer than this, however fast it trickles.
pub const BODY_MAX_TIME: Duration = Duration::from_secs(15 * 60);

/// How long a body may have taken once `received` bytes have arrived.
pub fn body_allowance(received: u64) -> Duration {
    let earned = Duration::from_millis(received.saturating_mul(1000) / BODY_MIN_RATE);
    (BODY_GRACE + earned).min(BODY_MAX_TIME)
}

/// Whether this request's body ran out of time (set by the deadline, read by the middleware).
#[derive(Clone, Default)]
struct BodyClock(Rc<Cell<bool>>);

/// The request body with a deadline: ends with an error when the body is too slow.
struct Deadline {
    inner: Rc<RefCell<Payload>>,
    started: Instant,
    received: u64,
    armed: Option<Instant>,
    sleep: Pin<Box<Sleep>>,
    clock: BodyClock,
    done: bool,
}

impl Deadline {
    fn expire(&mut self) -> Poll<Option<Result<Bytes, PayloadError>>> {
        self.done = true;
        self.clock.0.set(true);
        Poll::Ready(Some(Err(PayloadError::Io(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            "request body too slow",
        )))))
    }
}

impl Stream for Deadline {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        let deadline = self.started + body_allowance(self.received);
        if Instant::now() >= deadline {
            return self.expire();
        }
        let polled = self.inner.borrow_mut().poll_next_unpin(cx);
        match polled {
            Poll::Ready(Some(Ok(bytes))) => {
                self.received += bytes.len() as u64;
                Poll::Ready(Some(Ok(bytes)))
            }
            Poll::Ready(None) => {
                self.done = true;
                Poll::Ready(None)
            }
            Poll::Ready(Some(Err(e))) => {
                self.done = true;
                Poll::Ready(Some(Err(e)))
            }
            Poll::Pending => {
                if self.armed != Some(deadline) {
                    self.armed = Some(deadline);
                    self.sleep.as_mut().reset(deadline);
                }
                if self.sleep.as_mut().poll(cx).is_ready() {
                    return self.expire();
                }
                Poll::Pending
            }
        }
    }
}

/// A response body that holds on to the request body until it has been sent.
struct Guarded {
    body: BoxBody,
    _request_body: Rc<RefCell<Payload>>,
}

impl MessageBody for Guarded {
    type Error = Box<dyn std::error::Error>;

    fn size(&self) -> BodySize {
        self.body.size()
    }

    fn poll_next(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Self::Error>>> {
        Pin::new(&mut self.body).poll_next(cx)
    }
}

/// Whether the request announces a body (a length above zero, or chunked).
fn has_body(req: &ServiceRequest) -> bool {
    let h = req.headers();
    if h.contains_key(header::TRANSFER_ENCODING) {
        return true;
    }
    h.get(header::CONTENT_LENGTH)
        .is_some_and(|v| v.to_str().map_or(true, |v| v.trim() != "0"))
}

/// The error page for `status`, made as the error middleware makes it.
async fn error_page(
    req: actix_web::HttpRequest,
    status: StatusCode,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let res = ServiceResponse::new(req, HttpResponse::new(status));
    Ok(match crate::web::errors::render_error_page(res)? {
        ErrorHandlerResponse::Response(r) => r.map_into_boxed_body(),
        ErrorHandlerResponse::Future(f) => f.await?.map_into_boxed_body(),
    })
}

/// The middleware: gives the body a deadline, answers 408 when it passed, refuses compressed
/// bodies (415), and keeps the body alive until the answer is sent. Requests without a body pass
/// untouched.
pub async fn middleware(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if !has_body(&req) {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let clock = BodyClock::default();
    let shared = Rc::new(RefCell::new(req.take_payload()));
    let started = Instant::now();
    let deadline = Deadline {
        inner: shared.clone(),
        started,
        received: 0,
        armed: None,
        sleep: Box::pin(sleep_until(started + BODY_GRACE)),
        clock: clock.clone(),
        done: false,
    };
    req.set_payload(Payload::Stream {
        payload: Box::pin(deadline),
    });
    req.extensions_mut().insert(clock.clone());
    // A compressed body would be inflated in memory before any limit sees it (a small "zip bomb"
    // becomes many megabytes per chunk); browsers never compress what they send.
    let encoded = req
        .headers()
        .get(header::CONTENT_ENCODING)
        .is_some_and(|v| !v.as_bytes().eq_ignore_ascii_case(b"identity"));
    let res = if encoded {
        let (req, _) = req.into_parts();
        error_page(req, StatusCode::UNSUPPORTED_MEDIA_TYPE).await?
    } else {
        let res = next.call(req).await?;
        if clock.0.get() {
            tracing::info!("request body too slow; connection ended");
            let (req, _) = res.into_parts();
            error_page(req, StatusCode::REQUEST_TIMEOUT).await?
        } else {
            res.map_into_boxed_body()
        }
    };
    Ok(res.map_body(|_, body| {
        EitherBody::right(Guarded {
            body,
            _request_body: shared,
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trickle_gets_the_grace_time_and_little_more() {
        assert_eq!(body_allowance(0), BODY_GRACE);
        // One byte a second for 20 seconds earns 10 ms.
        assert!(body_allowance(20) < BODY_GRACE + Duration::from_millis(20));
        // A real upload earns its time: 10 MB at the minimum rate, about 85 minutes, capped.
        assert_eq!(body_allowance(10 * 1024 * 1024), BODY_MAX_TIME);
        assert_eq!(
            body_allowance(BODY_MIN_RATE * 60),
            BODY_GRACE + Duration::from_secs(60)
        );
    }
}
