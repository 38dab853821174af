//! The public side of complaints, without an account: the complaint form at `/klacht` (every UI
//! language, attachments, a plain statement that complaining has no effect on the benefit), the
//! receipt with the tracking code; the status page behind that code is in [`super::tracking`].

use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::public_views as views;
use super::store::{self, Attachment, NewComplaint};
use super::terms::Channel;
use crate::accounts::ratelimit::{self, Limit};
use crate::web::context::Ctx;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::layout;
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

/// Routes of the public complaint pages.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/klacht", Access::Public)
            .get(form_page)
            .post(submit),
        RouteDef::new("/klacht/ontvangen", Access::Public).get(receipt),
        RouteDef::new("/klacht/volgen", Access::Public)
            .get(super::tracking::track_page)
            .post(super::tracking::track),
    ]
}

/// Complaints sent per client address per hour.
const SUBMIT_LIMIT: Limit = Limit {
    name: "klacht-ip",
    max: 10,
    window_seconds: 3600,
};

/// Status look-ups per client address per ten minutes (codes cannot be guessed by trying).
pub(super) const TRACK_LIMIT: Limit = Limit {
    name: "volgen-ip",
    max: 30,
    window_seconds: 600,
};

/// Cookie carrying the new case number and code to the receipt page once.
const RECEIPT_COOKIE: &str = "kb_klacht";

/// Longest description.
pub const MAX_DESCRIPTION: usize = 5000;
/// Longest wish.
pub const MAX_WISH: usize = 2000;
/// Most attachments.
pub const MAX_FILES: usize = 3;
/// File types accepted (by extension; the content must be what the extension says).
pub const FILE_TYPES: [&str; 8] = ["pdf", "jpg", "jpeg", "png", "txt", "doc", "docx", "odt"];
/// Text fields of the form (the token, six fields, and room for a browser's extra).
const MAX_FIELDS: usize = 12;
/// Bytes of all text fields together: every field full of four-byte characters fits.
const MAX_TEXT_BYTES: usize = 64 * 1024;

/// What the complaint form may hold.
pub fn upload_limits(max_file: usize) -> crate::web::multipart::Limits {
    crate::web::multipart::Limits {
        fields: MAX_FIELDS,
        text_bytes: MAX_TEXT_BYTES,
        files: MAX_FILES,
        file_bytes: max_file as u64,
    }
}

/// What the form holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filled {
    /// What happened.
    pub description: String,
    /// What the complainant would like.
    pub wish: String,
    /// Name.
    pub name: String,
    /// Address.
    pub address: String,
    /// E-mail.
    pub email: String,
    /// Phone.
    pub phone: String,
}

impl Filled {
    /// No way to answer: counted as an anonymous signal.
    pub fn anonymous(&self) -> bool {
        self.address.trim().is_empty()
            && self.email.trim().is_empty()
            && self.phone.trim().is_empty()
    }
}

/// A file as sent: (name, size, too big, its first bytes).
pub type Sent<'a> = (&'a str, u64, bool, &'a [u8]);

/// The files of an upload as [`Sent`].
pub fn sent(files: &[crate::web::multipart::File]) -> Vec<Sent<'_>> {
    files
        .iter()
        .map(|f| (f.name.as_str(), f.size, f.too_big, f.head.as_slice()))
        .collect()
}

/// A problem with the form: (field, text key, arguments).
pub type Problem = (&'static str, &'static str, Vec<(&'static str, String)>);

/// Checks the form; returns every problem.
pub fn check(f: &Filled, files: &[Sent<'_>], max_file: usize) -> Vec<Problem> {
    let mut out = vec![];
    let len = |s: &str| s.chars().count();
    if f.description.trim().is_empty() {
        out.push(("omschrijving", "complaint-error-description", vec![]));
    } else if len(&f.description) > MAX_DESCRIPTION {
        out.push((
            "omschrijving",
            "complaint-error-too-long",
            vec![("max", MAX_DESCRIPTION.to_string())],
        ));
    }
    if len(&f.wish) > MAX_WISH {
        out.push((
            "wens",
            "complaint-error-too-long",
            vec![("max", MAX_WISH.to_string())],
        ));
    }
    if len(&f.name) > 200 {
        out.push((
            "naam",
            "complaint-error-too-long",
            vec![("max", "200".into())],
        ));
    }
    if len(&f.address) > 300 {
        out.push((
            "adres",
            "complaint-error-too-long",
            vec![("max", "300".into())],
        ));
    }
    let email = f.email.trim();
    if !email.is_empty() && !crate::mail::valid_address(email) {
        out.push(("email", "complaint-error-email", vec![]));
    }
    let phone = f.phone.trim();
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if !phone.is_empty()
        && (!(6..=15).contains(&digits)
            || !phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-()".contains(c)))
    {
        out.push(("telefoon", "complaint-error-phone", vec![]));
    }
    out.extend(check_files(files, max_file));
    out
}

/// The checks on files sent with a complaint or added to a case: the size, a type we can open,
/// and content that really is of that type (checked by its first bytes, not by its name).
pub fn check_files(files: &[Sent<'_>], max_file: usize) -> Vec<Problem> {
    let mut out = vec![];
    for (name, size, too_big, head) in files {
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if *too_big || *size > max_file as u64 {
            out.push((
                "bijlage",
                "complaint-error-file-size",
                vec![
                    ("file", name.to_string()),
                    ("max", (max_file / (1024 * 1024)).to_string()),
                ],
            ));
        } else if !FILE_TYPES.contains(&ext.as_str()) {
            out.push((
                "bijlage",
                "complaint-error-file-type",
                vec![("file", name.to_string())],
            ));
        } else if !crate::web::filetype::matches_name(name, head) {
            out.push((
                "bijlage",
                "upload-error-file-content",
                vec![("file", name.to_string())],
            ));
        }
    }
    out
}

fn form_response(
    ctx: &Ctx,
    state: &AppState,
    f: &Filled,
    errors: &[(&str, String)],
    status: StatusCode,
) -> HttpResponse {
    let max_mb = state.config.complaints.max_attachment_bytes / (1024 * 1024);
    page_response(
        status,
        layout::page(
            ctx,
            &t(ctx.lang, "complaint-title"),
            views::form(ctx, f, errors, max_mb),
        ),
    )
}

/// The checked files of an upload, read from disk to be stored; typed by their content.
pub fn attachments(files: &[crate::web::multipart::File]) -> Result<Vec<Attachment>, AppError> {
    files
        .iter()
        .map(|f| {
            let data = f.read_all().map_err(|e| AppError::Internal(e.into()))?;
            let content_type = crate::web::filetype::Kind::detect(&f.head)
                .map_or("application/octet-stream", |k| k.content_type());
            Ok(Attachment {
                file_name: f.name.clone(),
                content_type: content_type.to_string(),
                data,
            })
        })
        .collect()
}

async fn form_page(ctx: Ctx, state: web::Data<AppState>) -> HttpResponse {
    form_response(&ctx, &state, &Filled::default(), &[], StatusCode::OK)
}

async fn submit(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let max_file = state.config.complaints.max_attachment_bytes;
    // The token is checked before the rest of the body is read; files go to disk.
    let form = crate::web::multipart::open(&req, payload, upload_limits(max_file))
        .await?
        .read()
        .await?;
    let filled = Filled {
        description: form.get("omschrijving"),
        wish: form.get("wens"),
        name: form.get("naam"),
        address: form.get("adres"),
        email: form.get("email"),
        phone: form.get("telefoon"),
    };
    let mut problems = check(&filled, &sent(&form.files), max_file);
    if form.extra_files > 0 {
        problems.push((
            "bijlage",
            "upload-error-too-many-files",
            vec![("n", MAX_FILES.to_string())],
        ));
    }
    if !problems.is_empty() {
        let mut errors: Vec<(&str, String)> = problems
            .iter()
            .map(|(field, key, args)| {
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                (*field, t_args(lang, key, &args))
            })
            .collect();
        if !form.files.is_empty() && !errors.iter().any(|(f, _)| *f == "bijlage") {
            errors.push(("bijlage", t(lang, "complaint-error-files-again")));
        }
        return Ok(form_response(
            &ctx,
            &state,
            &filled,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    let bucket = crate::accounts::routes::address_bucket(&req, &state);
    let new = NewComplaint {
        received_on: crate::fmt::today(),
        channel: Channel::Web,
        language: lang,
        name: Some(filled.name.clone()),
        address: Some(filled.address.clone()),
        email: Some(filled.email.clone()),
        phone: Some(filled.phone.clone()),
        description: filled.description.clone(),
        wish: Some(filled.wish.clone()),
        ..Default::default()
    };
    let files = form.files;
    let setup = state.part::<crate::complaints::Setup>()?;
    let outcome = state
        .db(move |conn| {
            if !ratelimit::hit(conn, SUBMIT_LIMIT, &bucket, crate::db::now())? {
                return Ok(None);
            }
            let mut new = new;
            new.attachments = attachments(&files)?;
            let env = setup.env();
            let (id, code) = store::register(conn, &env, &new, None)?;
            let complaint = store::load(conn, id)?;
            Ok(Some((store::case_number(&complaint), code)))
        })
        .await?;
    let Some((case, code)) = outcome else {
        return Err(AppError::TooManyRequests);
    };
    let secure = state.config.public_url.starts_with("https://");
    let cookie = Cookie::build(
        RECEIPT_COOKIE,
        format!("{case}|{code}|{}", u8::from(filled.anonymous())),
    )
    .path("/klacht")
    .http_only(true)
    .secure(secure)
    .same_site(SameSite::Strict)
    .max_age(CookieDuration::minutes(30))
    .finish();
    let mut r = see_other("/klacht/ontvangen");
    r.add_cookie(&cookie)
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok(r)
}

async fn receipt(ctx: Ctx, req: HttpRequest) -> HttpResponse {
    let lang = ctx.lang;
    let parsed = req.cookie(RECEIPT_COOKIE).and_then(|c| {
        let mut parts = c.value().splitn(3, '|');
        Some((
            parts.next()?.to_string(),
            parts.next()?.to_string(),
            parts.next()? == "1",
        ))
    });
    let body = views::receipt(
        &ctx,
        parsed
            .as_ref()
            .map(|(case, code, anonymous)| (case.as_str(), code.as_str(), *anonymous)),
    );
    let mut r = page_response(
        StatusCode::OK,
        layout::page(&ctx, &t(lang, "complaint-received-title"), body),
    );
    // Shown once: the code does not stay in the browser.
    if parsed.is_some() {
        let mut gone = Cookie::build(RECEIPT_COOKIE, "").path("/klacht").finish();
        gone.make_removal();
        let _ = r.add_cookie(&gone);
    }
    r.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> Filled {
        Filled {
            description: "Ik werd aan de balie uitgelachen.".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_description_is_all_that_is_needed() {
        assert!(check(&filled(), &[], 1000).is_empty());
        assert!(filled().anonymous());
        let f = Filled {
            phone: "06-12345678".into(),
            ..filled()
        };
        assert!(check(&f, &[], 1000).is_empty());
        assert!(!f.anonymous());
    }

    #[test]
    fn every_problem_names_its_field() {
        let f = Filled {
            description: " ".into(),
            email: "niet-een-adres".into(),
            phone: "12".into(),
            wish: "x".repeat(MAX_WISH + 1),
            ..Default::default()
        };
        let files: [Sent<'_>; 5] = [
            ("brief.exe", 10, false, b"MZ"),
            ("scan.pdf", 2000, false, b"%PDF-1.4"),
            ("foto.JPG", 10, false, b"\xFF\xD8\xFF\xE0"),
            ("pagina.pdf", 10, false, b"<html><script>alert(1)</script>"),
            ("groot.pdf", 10, true, b"%PDF-1.4"),
        ];
        let fields: Vec<(&str, &str)> = check(&f, &files, 1000)
            .iter()
            .map(|(f, k, _)| (*f, *k))
            .collect();
        assert_eq!(
            fields,
            [
                ("omschrijving", "complaint-error-description"),
                ("wens", "complaint-error-too-long"),
                ("email", "complaint-error-email"),
                ("telefoon", "complaint-error-phone"),
                ("bijlage", "complaint-error-file-type"),
                ("bijlage", "complaint-error-file-size"),
                ("bijlage", "upload-error-file-content"),
                ("bijlage", "complaint-error-file-size"),
            ]
        );
        // Letters in a phone number are refused; +31 and spaces are fine.
        let f = Filled {
            phone: "+31 6 1234 5678".into(),
            ..filled()
        };
        assert!(check(&f, &[], 1000).is_empty());
        let f = Filled {
            phone: "06-abc45678".into(),
            ..filled()
        };
        assert_eq!(check(&f, &[], 1000).len(), 1);
    }
}
