//! The letterhead settings page (the coordinator's only): how e-mail carries a letter, the
//! sender's address, the contact person, who signs each kind of letter, and the logo upload
//! (checked by its content and size). Every change is in the audit log. The handlers read through
//! [`super::queries`], store through [`super::settings_service`] and render with [`super::views`].

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

use super::queries::{self, LogoFacts};
use super::service::{Delivery, LetterSettings, Signature};
use super::settings_service;
use crate::complaints::templates;
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::{see_other, AppState};

use super::routes::{user, MAX_LOGO_BYTES};

/// The settings as the form shows them, with the logo's details.
pub(super) struct SettingsView {
    pub settings: LetterSettings,
    pub logo: Option<LogoFacts>,
}

async fn load_settings(state: &web::Data<AppState>) -> Result<SettingsView, AppError> {
    state
        .db(|conn| {
            let settings = LetterSettings::load(conn)?;
            let logo = queries::current_logo(conn)?;
            Ok(SettingsView { settings, logo })
        })
        .await
}

pub(super) async fn settings_page(
    ctx: Ctx,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let view = load_settings(&state).await?;
    Ok(page_response(
        StatusCode::OK,
        super::views::settings_page(&ctx, &view, None),
    ))
}

/// Longest text of one setting.
const MAX_SETTING: usize = 300;

/// The settings as typed in the form (trimmed; the sender's address one line each).
fn settings_of(fields: &[(String, String)]) -> LetterSettings {
    let get = |name: &str| -> String {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let delivery = match get("bezorging").as_str() {
        "tekst" => Delivery::Body,
        _ => Delivery::Attachment,
    };
    LetterSettings {
        delivery,
        sender: get("afzender").replace("\r\n", "\n"),
        contact_person: get("contactpersoon"),
        signatures: templates::kinds()
            .map(|k| {
                (
                    k.code.to_string(),
                    Signature {
                        name: get(&format!("naam-{}", k.code)),
                        function: get(&format!("functie-{}", k.code)),
                    },
                )
            })
            .collect(),
    }
}

pub(super) async fn settings_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let u = user(&ctx)?;
    let settings = settings_of(&fields);
    let too_long = fields.iter().any(|(_, v)| v.chars().count() > MAX_SETTING);
    if too_long || settings.sender.lines().count() > 5 {
        let view = SettingsView {
            settings,
            logo: load_settings(&state).await?.logo,
        };
        return Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            super::views::settings_page(&ctx, &view, Some("letters-error-settings")),
        ));
    }
    state
        .db(move |conn| Ok(settings_service::save_settings(conn, u.id, &settings)?))
        .await?;
    Ok(see_other(
        "/klachten/brieven?melding=letters-notice-settings",
    ))
}

pub(super) async fn logo_submit(
    ctx: Ctx,
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let limits = crate::web::multipart::Limits {
        fields: 2,
        text_bytes: 1024,
        files: 1,
        file_bytes: MAX_LOGO_BYTES as u64,
    };
    let upload = crate::web::multipart::open(&req, payload, limits).await?;
    let u = user(&ctx)?;
    let form = upload.read().await?;
    let file = form.files.first();
    let kind = file.and_then(|f| crate::web::filetype::Kind::detect(&f.head));
    let problem = match file {
        None => Some("letters-logo-missing"),
        Some(f) if f.too_big || f.size as usize > MAX_LOGO_BYTES => Some("letters-logo-too-big"),
        Some(_) => match kind {
            Some(crate::web::filetype::Kind::Png) | Some(crate::web::filetype::Kind::Jpeg) => None,
            _ => Some("letters-logo-type"),
        },
    };
    let data = match (problem, file) {
        (None, Some(f)) => {
            let data = f.read_all().map_err(|e| AppError::Internal(e.into()))?;
            // The picture must really draw: a file that only starts like a PNG is refused.
            let logo = super::pdf::Logo {
                png: kind == Some(crate::web::filetype::Kind::Png),
                data,
            };
            let check = logo.clone();
            let draws = web::block(move || super::pdf::check_logo(&check))
                .await
                .map_err(|e| AppError::Internal(anyhow::anyhow!("blocking task failed: {e}")))?;
            if draws {
                Some(logo)
            } else {
                None
            }
        }
        _ => None,
    };
    let Some(logo) = data else {
        let view = load_settings(&state).await?;
        return Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            super::views::settings_page(&ctx, &view, Some(problem.unwrap_or("letters-logo-type"))),
        ));
    };
    state
        .db(move |conn| Ok(settings_service::save_logo(conn, u.id, &logo)?))
        .await?;
    Ok(see_other("/klachten/brieven?melding=letters-notice-logo"))
}
