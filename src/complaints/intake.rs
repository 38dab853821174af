//! Registering a complaint that came in another way than the web form: by letter, phone, at the
//! counter, by e-mail, through a council member or alderman, or to the committee.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::Deserialize;

use super::intake_views;
use super::staff::user;
use super::store::{self, NewComplaint};
use super::terms::Channel;
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, Lang};
use crate::web::{see_other, AppState};

// ---------------------------------------------------------------------------------------------
// Registering a complaint that came in another way
// ---------------------------------------------------------------------------------------------

/// The registration form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub(super) struct NewForm {
    #[serde(default)]
    pub(super) kanaal: String,
    #[serde(default)]
    pub(super) ontvangen: String,
    #[serde(default)]
    pub(super) via: String,
    #[serde(default)]
    pub(super) via_email: String,
    #[serde(default)]
    pub(super) taal: String,
    #[serde(default)]
    pub(super) naam: String,
    #[serde(default)]
    pub(super) adres: String,
    #[serde(default)]
    pub(super) email: String,
    #[serde(default)]
    pub(super) telefoon: String,
    #[serde(default)]
    pub(super) omschrijving: String,
    #[serde(default)]
    pub(super) wens: String,
}

pub(super) async fn new_page(ctx: Ctx) -> HttpResponse {
    let f = NewForm {
        ontvangen: crate::fmt::today().format("%Y-%m-%d").to_string(),
        ..Default::default()
    };
    page_response(StatusCode::OK, intake_views::new_page(&ctx, &f, &[]))
}

impl NewForm {
    /// The complaint to register from this form, once [`check_new`] passed it.
    fn complaint(&self, checked: Checked) -> NewComplaint {
        NewComplaint {
            received_on: checked.received,
            channel: checked.channel,
            via_person: Some(self.via.clone()),
            via_email: Some(self.via_email.clone()),
            language: Lang::from_code(&self.taal).unwrap_or(Lang::Nl),
            name: Some(self.naam.clone()),
            address: Some(self.adres.clone()),
            email: Some(self.email.clone()),
            phone: Some(self.telefoon.clone()),
            description: self.omschrijving.clone(),
            wish: Some(self.wens.clone()),
            attachments: vec![],
        }
    }
}

/// A registration that passed its checks: how it came in and when.
struct Checked {
    channel: Channel,
    received: NaiveDate,
}

/// Checks a registration; (field, message) per problem, or the channel and date.
fn check_new(
    lang: Lang,
    f: &NewForm,
    today: NaiveDate,
) -> Result<Checked, Vec<(&'static str, String)>> {
    let mut errors: Vec<(&'static str, String)> = vec![];
    let channel = Channel::parse(&f.kanaal).filter(|c| c.registered_by_staff());
    if channel.is_none() {
        errors.push(("kanaal", t(lang, "case-error-channel")));
    }
    let received = NaiveDate::parse_from_str(f.ontvangen.trim(), "%Y-%m-%d").ok();
    match received {
        None => errors.push(("ontvangen", t(lang, "case-error-date"))),
        Some(d) if d > today => errors.push(("ontvangen", t(lang, "case-error-future"))),
        Some(d) if d < today - chrono::Duration::days(366) => {
            errors.push(("ontvangen", t(lang, "case-error-old")))
        }
        _ => {}
    }
    if channel.is_some_and(Channel::has_messenger) && f.via.trim().is_empty() {
        errors.push(("via", t(lang, "case-error-via")));
    }
    if !f.via_email.trim().is_empty() && !crate::mail::valid_address(f.via_email.trim()) {
        errors.push(("via_email", t(lang, "complaint-error-email")));
    }
    let public = super::public::Filled {
        description: f.omschrijving.clone(),
        wish: f.wens.clone(),
        name: f.naam.clone(),
        address: f.adres.clone(),
        email: f.email.clone(),
        phone: f.telefoon.clone(),
    };
    for (field, key, args) in super::public::check(&public, &[], usize::MAX) {
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let field = match field {
            "omschrijving" => "omschrijving",
            "wens" => "wens",
            "naam" => "naam",
            "adres" => "adres",
            "email" => "email",
            _ => "telefoon",
        };
        errors.push((field, t_args(lang, key, &args)));
    }
    match (channel, received) {
        (Some(channel), Some(received)) if errors.is_empty() => Ok(Checked { channel, received }),
        _ => Err(errors),
    }
}

pub(super) async fn new_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(f): CsrfForm<NewForm>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let u = user(&ctx)?;
    let checked = match check_new(lang, &f, crate::fmt::today()) {
        Ok(checked) => checked,
        Err(errors) => {
            return Ok(page_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                intake_views::new_page(&ctx, &f, &errors),
            ))
        }
    };
    let new = f.complaint(checked);
    let setup = state.part::<crate::complaints::Setup>()?;
    let id = state
        .db(move |conn| {
            let (id, _code) = store::register(conn, &setup.env(), &new, Some(u.id))?;
            Ok(id)
        })
        .await?;
    Ok(see_other(&format!(
        "/klachten/{id}?melding=case-notice-registered"
    )))
}
