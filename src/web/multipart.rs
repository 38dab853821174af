//! Reading a `multipart/form-data` form with small files into memory (a complaint's attachments):
//! every field and file is bounded, and a file over the limit is read to the end but not kept, so
//! the form can say which file was too large.

use actix_multipart::Multipart;
use futures_util::StreamExt;

use crate::web::errors::AppError;

/// A file from the form.
#[derive(Debug, Clone, Default)]
pub struct File {
    /// The form field.
    pub field: String,
    /// The file's name as sent (control characters removed, at most 200 characters).
    pub name: String,
    /// Its content type as sent.
    pub content_type: String,
    /// Its bytes (empty when it was too large).
    pub data: Vec<u8>,
    /// It was larger than allowed.
    pub too_big: bool,
}

/// A form read whole.
#[derive(Debug, Clone, Default)]
pub struct Form {
    /// Text fields in order.
    pub fields: Vec<(String, String)>,
    /// Files with a name or content (an empty file input sends neither).
    pub files: Vec<File>,
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

/// Longest text field.
const MAX_FIELD: usize = 64 * 1024;

/// Reads the whole form. Files over `max_file` bytes are marked, not kept; more than `max_files`
/// files is refused as a bad request (the form allows no more).
pub async fn read(
    mut payload: Multipart,
    max_file: usize,
    max_files: usize,
) -> Result<Form, AppError> {
    let bad = || AppError::BadRequest("form-error-fields");
    let mut form = Form::default();
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|_| bad())?;
        let name = field.name().unwrap_or("").to_string();
        let file_name = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(|f| {
                f.chars()
                    .filter(|c| !c.is_control())
                    .take(200)
                    .collect::<String>()
            });
        match file_name {
            Some(file_name) => {
                let content_type = field
                    .content_type()
                    .map(|m| m.essence_str().to_string())
                    .unwrap_or_default();
                let mut file = File {
                    field: name,
                    name: file_name,
                    content_type,
                    ..Default::default()
                };
                while let Some(chunk) = field.next().await {
                    let chunk = chunk.map_err(|_| bad())?;
                    if file.data.len() + chunk.len() > max_file {
                        file.too_big = true;
                        file.data = Vec::new();
                    }
                    if !file.too_big {
                        file.data.extend_from_slice(&chunk);
                    }
                }
                if file.name.is_empty() && file.data.is_empty() && !file.too_big {
                    continue; // a file input left empty
                }
                if form.files.len() >= max_files {
                    return Err(bad());
                }
                form.files.push(file);
            }
            None => {
                let mut value = Vec::new();
                while let Some(chunk) = field.next().await {
                    let chunk = chunk.map_err(|_| bad())?;
                    if value.len() + chunk.len() > MAX_FIELD {
                        return Err(bad());
                    }
                    value.extend_from_slice(&chunk);
                }
                let value = String::from_utf8(value).map_err(|_| bad())?;
                form.fields.push((name, value));
            }
        }
    }
    Ok(form)
}

/// Whether the request carries a multipart form.
pub fn is_multipart(req: &actix_web::HttpRequest) -> bool {
    req.headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
}

/// The answer to a plain form posted where a file upload is expected: a forgery when its token is
/// wrong, otherwise a bad request.
pub async fn refuse_plain(
    req: &actix_web::HttpRequest,
    mut payload: actix_web::web::Payload,
) -> AppError {
    let mut body = actix_web::web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let Ok(chunk) = chunk else {
            return AppError::BadRequest("form-error-fields");
        };
        if body.len() + chunk.len() > crate::web::csrf::MAX_FORM_BYTES {
            return AppError::BadRequest("form-error-fields");
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
