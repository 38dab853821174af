//! Invitations: codes on paper or in a CSV file, invitations by e-mail, and reminders.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::*;
use crate::fmt::today;
use crate::surveys::invite::{self, InviteError, MailContext};
use crate::surveys::waves::{self, WaveError};
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::AppError;
use crate::web::i18n::{t, t_args, Lang};
use crate::web::{see_other, AppState};

#[derive(Deserialize)]
pub(super) struct CodesForm {
    #[serde(default)]
    pub(super) aantal: String,
    #[serde(default)]
    pub(super) vorm: String,
    #[serde(default)]
    pub(super) taal: String,
    #[serde(default)]
    pub(super) scheiding: Option<String>,
}

pub(super) async fn codes_create(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(f): CsrfForm<CodesForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let actor = actor(&ctx)?;
    let wave = load_wave(&state, id).await?;
    let count = f
        .aantal
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=100_000).contains(n));
    let Some(count) = count else {
        let errors = [("aantal", t(ctx.lang, "wave-error-count"))];
        let q = Notice {
            melding: None,
            n: None,
        };
        return render_wave(
            &ctx,
            &state,
            id,
            &errors,
            &q,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let codes = state
        .db(move |conn| {
            waves::create_invitations(conn, id, count, actor).map_err(|e| match e {
                WaveError::Db(d) => d.into(),
                _ => AppError::BadRequest("wave-error-count"),
            })
        })
        .await?;
    let lang = Lang::from_code(&f.taal).unwrap_or(Lang::Nl);
    let public_url = state.config.public_url.clone();
    // Codes exist in plain text only in this response: it must not be cached anywhere. Both forms
    // are written while they are sent (100,000 letters are 400 MB of HTML; memory holds one).
    if f.vorm == "csv" {
        let flavour = crate::csv_safe::Flavour::from_choice(f.scheiding.as_deref());
        return Ok(crate::web::stream::download(
            "text/csv; charset=utf-8",
            &format!("codes-ronde-{id}.csv"),
            move |out| waves::write_invitation_csv(out, &wave, &codes, &public_url, flavour),
        ));
    }
    let contact = state.config.contact.clone();
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(crate::web::stream::body(move |out| {
            invite::write_letters(out, &wave, &codes, lang, &public_url, &contact, false)
        })))
}

#[derive(Deserialize)]
pub(super) struct EmailForm {
    #[serde(default)]
    pub(super) adressen: String,
    #[serde(default, rename = "taal-mail")]
    pub(super) taal: String,
}

pub(super) fn mail_context(
    state: &AppState,
) -> (String, String, std::sync::Arc<crate::config::Contact>) {
    (
        state.config.public_url.clone(),
        state.config.public_host().to_string(),
        state.config.contact.clone(),
    )
}

pub(super) async fn email_invite(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(f): CsrfForm<EmailForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let lang = ctx.lang;
    let actor = actor(&ctx)?;
    let wave = load_wave(&state, id).await?;
    let q = Notice {
        melding: None,
        n: None,
    };
    let addresses = match invite::parse_addresses(&f.adressen) {
        Ok(a) => a,
        Err(e) => {
            let message = invite_error_text(lang, &e);
            let errors = [("adressen", message)];
            return render_wave(
                &ctx,
                &state,
                id,
                &errors,
                &q,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let mail_lang = Lang::from_code(&f.taal).unwrap_or(Lang::Nl);
    let (public_url, domain, contact) = mail_context(&state);
    let result = state
        .db(move |conn| {
            let cx = MailContext {
                public_url: &public_url,
                domain: &domain,
                contact: &contact,
            };
            Ok(invite::invite_by_email(
                conn,
                &wave,
                &addresses,
                mail_lang,
                &cx,
                actor,
                today(),
            ))
        })
        .await?;
    match result {
        Ok(n) => Ok(see_other(&format!(
            "/onderzoek/rondes/{id}?melding=notice-invitations-queued&n={n}"
        ))),
        Err(InviteError::Db(e)) => Err(e.into()),
        Err(e) => {
            let errors = [("adressen", invite_error_text(lang, &e))];
            render_wave(
                &ctx,
                &state,
                id,
                &errors,
                &q,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub(super) fn lines(v: &[usize]) -> String {
    v.iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn invite_error_text(lang: Lang, e: &InviteError) -> String {
    match e {
        InviteError::Addresses(l) => t_args(lang, "email-error-invalid", &[("lines", &lines(l))]),
        InviteError::Duplicates(l) => {
            t_args(lang, "email-error-duplicate", &[("lines", &lines(l))])
        }
        InviteError::Empty => t(lang, "email-error-empty"),
        InviteError::NoMoreReminders => t(lang, "reminder-error-max"),
        InviteError::Closed => t(lang, "wave-state-closed"),
        _ => t(lang, "error-500-text"),
    }
}

pub(super) async fn reminder(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(_): CsrfForm<crate::web::csrf::NoFields>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let actor = actor(&ctx)?;
    let wave = load_wave(&state, id).await?;
    let (public_url, domain, contact) = mail_context(&state);
    let result = state
        .db(move |conn| {
            let cx = MailContext {
                public_url: &public_url,
                domain: &domain,
                contact: &contact,
            };
            Ok(invite::send_reminders(conn, &wave, &cx, actor, today()))
        })
        .await?;
    match result {
        Ok(n) => Ok(see_other(&format!(
            "/onderzoek/rondes/{id}?melding=notice-reminders-queued&n={n}"
        ))),
        Err(InviteError::Db(e)) => Err(e.into()),
        Err(e) => {
            let errors = [("herinnering", invite_error_text(ctx.lang, &e))];
            let q = Notice {
                melding: None,
                n: None,
            };
            render_wave(&ctx, &state, id, &errors, &q, StatusCode::CONFLICT).await
        }
    }
}
