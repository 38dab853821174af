//! Reading a `multipart/form-data` upload (a complaint with attachments, a document added to a
//! case, a scanner's file) with limits that hold before anything is buffered:
//!
//! - before a byte of the body is read: a post from another site or without a CSRF cookie is
//!   refused (403), and a `Content-Length` over what the form can hold is refused (413);
//! - the first part must be the CSRF token (browsers send fields in the order of the form, and
//!   every upload form starts with it), so a forged upload is refused after a few hundred bytes;
//! - the body as a whole, the number of text fields, their bytes together, the number of files and
//!   each file's size are limited, also for a chunked body without a length;
//! - files go to a temporary file on disk as they arrive; only the first bytes (to check what the
//!   file really is) stay in memory;
//! - the parser's own buffer (part headers, boundaries) is bounded too: the parser keeps buffering
//!   while it looks for the end of a part's headers, so the bytes it has been given but not yet
//!   passed on as field data may not grow past a small allowance.
//!
//! A file over its size limit within a body that fits is read to its end but not kept, so the form
//! can say which file was too large.

use std::cell::Cell;
use std::io::Write;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use actix_multipart::{Field, Multipart};
use actix_web::error::PayloadError;
use actix_web::http::header;
use actix_web::web::{self, Bytes};
use actix_web::HttpRequest;
use futures_util::{Stream, StreamExt};

use crate::web::errors::AppError;

/// Bytes of a file kept in memory to check its content.
pub const HEAD_BYTES: usize = 8 * 1024;
/// Room for one part's boundary and headers (name, file name, type).
const FRAMING_PER_PART: u64 = 2 * 1024;
/// What the parser may hold on top of the framing: what arrives between two of its reads. The
/// HTTP layer reads up to about 128 KB ahead, in reads of up to its buffer's size (which doubles
/// as it grows); measured under load, 256 KB was too little, so this leaves ample room while
/// still ending a part header that never ends.
const IN_FLIGHT: u64 = 2 * 1024 * 1024;
/// Longest CSRF token field.
const MAX_TOKEN: usize = 256;

/// What one upload form may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Text fields, the CSRF token included.
    pub fields: usize,
    /// Bytes of all text fields together.
    pub text_bytes: usize,
    /// Files.
    pub files: usize,
    /// Bytes of each file.
    pub file_bytes: u64,
}

impl Limits {
    /// Parts an honest form can have: its fields, its files, and one small file too many (so the
    /// form can say that there were too many).
    fn parts(&self) -> u64 {
        (self.fields + self.files + 1) as u64
    }

    /// The largest body an honest form with these limits sends.
    pub fn body_bytes(&self) -> u64 {
        self.text_bytes as u64
            + self.files as u64 * self.file_bytes
            + self.parts() * FRAMING_PER_PART
    }
}

/// A file from the form, on disk.
#[derive(Debug, Default)]
pub struct File {
    /// The form field.
    pub field: String,
    /// The file's name as sent (control characters removed, at most 200 characters).
    pub name: String,
    /// Its content type as sent (never trusted: see [`crate::web::filetype`]).
    pub content_type: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its first bytes, to check what it is.
    pub head: Vec<u8>,
    /// It was larger than allowed (nothing of it is kept).
    pub too_big: bool,
    /// The bytes (none when it was too large).
    pub temp: Option<tempfile::NamedTempFile>,
}

impl File {
    /// Reads the whole file (for storing it; blocking, so call it off the async threads).
    pub fn read_all(&self) -> std::io::Result<Vec<u8>> {
        match &self.temp {
            Some(t) => std::fs::read(t.path()),
            None => Ok(Vec::new()),
        }
    }
}

/// A form read whole.
#[derive(Debug, Default)]
pub struct Form {
    /// Text fields in order (the CSRF token is not among them).
    pub fields: Vec<(String, String)>,
    /// Files with a name or content (an empty file input sends neither).
    pub files: Vec<File>,
    /// Files sent beyond the limit (read but not kept).
    pub extra_files: usize,
}

impl Form {
    /// A text field's value, trimmed ("" when absent).
    pub fn get(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    }
}

/// Counts shared between the body stream and the reader.
#[derive(Default)]
struct Counters {
    /// Bytes given to the parser.
    fed: Cell<u64>,
    /// Bytes the parser passed on as field data.
    passed: Cell<u64>,
    /// A limit was crossed.
    over: Cell<bool>,
}

/// The request body as given to the parser: ends with an error past the body limit, or when the
/// parser holds more than its allowance.
struct Bounded {
    inner: web::Payload,
    counters: Rc<Counters>,
    max_body: u64,
    allowance: u64,
}

impl Stream for Bounded {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let c = self.counters.clone();
        if c.over.get() {
            return Poll::Ready(Some(Err(PayloadError::Overflow)));
        }
        match self.inner.poll_next_unpin(cx) {
            Poll::Ready(Some(Ok(bytes))) => {
                let fed = c.fed.get() + bytes.len() as u64;
                c.fed.set(fed);
                let held = fed.saturating_sub(c.passed.get());
                if fed > self.max_body || held > self.allowance {
                    tracing::info!(
                        fed,
                        held,
                        max_body = self.max_body,
                        "upload refused: larger than its form allows"
                    );
                    c.over.set(true);
                    return Poll::Ready(Some(Err(PayloadError::Overflow)));
                }
                Poll::Ready(Some(Ok(bytes)))
            }
            other => other,
        }
    }
}

/// An upload whose CSRF token has been checked; the rest of the body has not been read yet (so a
/// handler can check access to the object first).
pub struct Upload {
    multipart: Multipart,
    counters: Rc<Counters>,
    limits: Limits,
}

/// Whether the request carries a multipart form.
pub fn is_multipart(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
}

/// The declared body length, when there is one.
fn content_length(req: &HttpRequest) -> Option<u64> {
    req.headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
}

/// The error for a failed read: over a limit, or a broken form.
fn read_error(counters: &Counters) -> AppError {
    if counters.over.get() {
        AppError::TooLarge("upload-error-too-large")
    } else {
        AppError::BadRequest("form-error-fields")
    }
}

/// Starts reading an upload: refuses it before reading when it can, then reads and checks the
/// CSRF token, which must come first. A plain form posted here is refused as well (a forgery when
/// its token is wrong).
pub async fn open(
    req: &HttpRequest,
    payload: web::Payload,
    limits: Limits,
) -> Result<Upload, AppError> {
    crate::web::csrf::precheck(req)?;
    if !is_multipart(req) {
        return Err(refuse_plain(req, payload).await);
    }
    if content_length(req).is_some_and(|n| n > limits.body_bytes()) {
        return Err(AppError::TooLarge("upload-error-too-large"));
    }
    let counters = Rc::new(Counters::default());
    let bounded = Bounded {
        inner: payload,
        counters: counters.clone(),
        max_body: limits.body_bytes(),
        allowance: IN_FLIGHT + limits.parts() * FRAMING_PER_PART,
    };
    let mut multipart = Multipart::new(req.headers(), bounded);
    let token = match multipart.next().await {
        Some(Ok(field)) if field.name() == Some("csrf") && file_name(&field).is_none() => {
            let mut value = Vec::new();
            read_text(field, &counters, MAX_TOKEN, &mut value)
                .await
                .map_err(|_| AppError::Csrf)?;
            String::from_utf8(value).map_err(|_| AppError::Csrf)?
        }
        Some(Err(_)) => return Err(read_error(&counters)),
        Some(Ok(_)) | None => return Err(AppError::Csrf),
    };
    crate::web::csrf::check_token(req, &token)?;
    Ok(Upload {
        multipart,
        counters,
        limits,
    })
}

/// The file name of a part, if it is a file (control characters removed, at most 200 characters).
fn file_name(field: &Field) -> Option<String> {
    field
        .content_disposition()
        .and_then(|d| d.get_filename())
        .map(|f| {
            f.chars()
                .filter(|c| !c.is_control())
                .take(200)
                .collect::<String>()
        })
}

/// Reads a text part into `value`; an error when it would pass `room` bytes.
async fn read_text(
    mut field: Field,
    counters: &Counters,
    room: usize,
    value: &mut Vec<u8>,
) -> Result<(), AppError> {
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|_| read_error(counters))?;
        counters
            .passed
            .set(counters.passed.get() + chunk.len() as u64);
        if value.len() + chunk.len() > room {
            counters.over.set(true);
            return Err(read_error(counters));
        }
        value.extend_from_slice(&chunk);
    }
    Ok(())
}

impl Upload {
    /// Reads the rest of the form: text fields into memory, files to disk.
    pub async fn read(mut self) -> Result<Form, AppError> {
        let counters = self.counters.clone();
        let limits = self.limits;
        let mut form = Form::default();
        let mut text_left = limits.text_bytes;
        let mut fields = 1; // the token
        while let Some(field) = self.multipart.next().await {
            let mut field = field.map_err(|_| read_error(&counters))?;
            let name = field.name().unwrap_or("").to_string();
            match file_name(&field) {
                Some(file_name) => {
                    let mut file = File {
                        field: name,
                        name: file_name,
                        content_type: field
                            .content_type()
                            .map(|m| m.essence_str().to_string())
                            .unwrap_or_default(),
                        ..Default::default()
                    };
                    let keep = form.files.len() < limits.files;
                    while let Some(chunk) = field.next().await {
                        let chunk = chunk.map_err(|_| read_error(&counters))?;
                        counters
                            .passed
                            .set(counters.passed.get() + chunk.len() as u64);
                        file.size += chunk.len() as u64;
                        if !keep {
                            continue;
                        }
                        if file.head.len() < HEAD_BYTES {
                            let take = (HEAD_BYTES - file.head.len()).min(chunk.len());
                            file.head.extend_from_slice(&chunk[..take]);
                        }
                        if file.size > limits.file_bytes {
                            // Read to the end, keep nothing: the form names the file.
                            file.too_big = true;
                            file.temp = None;
                            continue;
                        }
                        if file.temp.is_none() {
                            file.temp = Some(
                                tempfile::NamedTempFile::new()
                                    .map_err(|e| AppError::Internal(e.into()))?,
                            );
                        }
                        if let Some(t) = file.temp.as_mut() {
                            // A local temporary file: the write lands in the page cache.
                            t.write_all(&chunk)
                                .map_err(|e| AppError::Internal(e.into()))?;
                        }
                    }
                    if file.name.is_empty() && file.size == 0 {
                        continue; // a file input left empty
                    }
                    if keep {
                        form.files.push(file);
                    } else {
                        form.extra_files += 1;
                    }
                }
                None => {
                    fields += 1;
                    if fields > limits.fields {
                        counters.over.set(true);
                        return Err(read_error(&counters));
                    }
                    let mut value = Vec::new();
                    read_text(field, &counters, text_left, &mut value).await?;
                    text_left -= value.len();
                    let value = String::from_utf8(value)
                        .map_err(|_| AppError::BadRequest("form-error-fields"))?;
                    form.fields.push((name, value));
                }
            }
        }
        Ok(form)
    }
}

/// The answer to a plain form posted where a file upload is expected: a forgery when its token is
/// wrong, otherwise a bad request. Reads at most a url-encoded form's limit.
pub async fn refuse_plain(req: &HttpRequest, mut payload: web::Payload) -> AppError {
    if let Err(e) = crate::web::csrf::precheck(req) {
        return e;
    }
    let max = crate::web::csrf::MAX_FORM_BYTES;
    if content_length(req).is_some_and(|n| n > max as u64) {
        return AppError::TooLarge("form-error-too-large");
    }
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let Ok(chunk) = chunk else {
            return AppError::BadRequest("form-error-fields");
        };
        if body.len() + chunk.len() > max {
            return AppError::TooLarge("form-error-too-large");
        }
        body.extend_from_slice(&chunk);
    }
    #[derive(serde::Deserialize)]
    struct Token {
        #[serde(default)]
        csrf: String,
    }
    let token: Token = match serde_html_form::from_bytes(&body) {
        Ok(t) => t,
        Err(_) => return AppError::Csrf,
    };
    match crate::web::csrf::check_token(req, &token.csrf) {
        Ok(()) => AppError::BadRequest("form-error-fields"),
        Err(e) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_limit_fits_an_honest_form_and_no_more() {
        let l = Limits {
            fields: 8,
            text_bytes: 64 * 1024,
            files: 3,
            file_bytes: 10 * 1024 * 1024,
        };
        // Every file at its limit and every field full still fit...
        assert!(l.body_bytes() >= 64 * 1024 + 3 * 10 * 1024 * 1024);
        // ...with only the framing of its parts on top.
        assert!(l.body_bytes() <= 64 * 1024 + 3 * 10 * 1024 * 1024 + 12 * 2048);
    }
}
