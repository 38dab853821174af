//! Registering a complaint that came in another way than the web form: by letter, phone, at the
//! counter, by e-mail, through a council member or alderman, or to the committee.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use maud::{html, Markup};
use serde::Deserialize;

use super::staff::user;
use super::store::{self, NewComplaint};
use super::terms::Channel;
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout::{self, csrf_field, error_summary};
use crate::web::{see_other, AppState};

// ---------------------------------------------------------------------------------------------
// Registering a complaint that came in another way
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default, Deserialize)]
pub(super) struct NewForm {
    #[serde(default)]
    kanaal: String,
    #[serde(default)]
    ontvangen: String,
    #[serde(default)]
    via: String,
    #[serde(default)]
    via_email: String,
    #[serde(default)]
    taal: String,
    #[serde(default)]
    naam: String,
    #[serde(default)]
    adres: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    telefoon: String,
    #[serde(default)]
    omschrijving: String,
    #[serde(default)]
    wens: String,
}

fn new_markup(ctx: &Ctx, f: &NewForm, errors: &[(&str, String)]) -> Markup {
    let lang = ctx.lang;
    let err = |k: &str| layout::error_for(errors, k);
    html! {
        (error_summary(ctx, errors))
        form method="post" action="/klachten/nieuw" novalidate {
            (csrf_field(ctx))
            fieldset #kanaal {
                legend { (t(lang, "case-channel")) }
                @if let Some(e) = err("kanaal") { p.error { (e) } }
                @for (i, ch) in Channel::staff().into_iter().enumerate() {
                    @let id = if i == 0 { "kanaal-eerste".to_string() } else { format!("kanaal-{ch}") };
                    span.choice {
                        input id=(id) type="radio" name="kanaal" value=(ch) checked[f.kanaal == ch.code()];
                        label for=(id) { (t(lang, &format!("channel-complaint-{ch}"))) }
                    }
                }
            }
            (layout::text_field("ontvangen", &t(lang, "case-received"), "date", &f.ontvangen, Some(&t(lang, "case-received-hint")), err("ontvangen"), "off"))
            (layout::text_field("via", &t(lang, "case-via"), "text", &f.via, Some(&t(lang, "case-via-hint")), err("via"), "off"))
            (layout::text_field("via_email", &t(lang, "case-via-email"), "email", &f.via_email, None, err("via_email"), "off"))
            div.field {
                label for="taal" { (t(lang, "case-language")) }
                select #taal name="taal" {
                    @for l in Lang::ALL { option value=(l.code()) selected[l.code() == f.taal || (f.taal.is_empty() && l == Lang::Nl)] { (l.native_name()) } }
                }
            }
            fieldset {
                legend { (t(lang, "complaint-contact")) }
                p.hint { (t(lang, "case-contact-hint")) }
                (layout::text_field("naam", &t(lang, "case-name"), "text", &f.naam, None, err("naam"), "off"))
                (layout::text_area("adres", &t(lang, "case-address"), &f.adres, None, err("adres"), 300, 3))
                (layout::text_field("email", &t(lang, "case-email"), "email", &f.email, None, err("email"), "off"))
                (layout::text_field("telefoon", &t(lang, "case-phone"), "tel", &f.telefoon, None, err("telefoon"), "off"))
            }
            (layout::text_area("omschrijving", &t(lang, "case-description"), &f.omschrijving, None, err("omschrijving"), super::public::MAX_DESCRIPTION, 8))
            (layout::text_area("wens", &t(lang, "case-wish"), &f.wens, None, err("wens"), super::public::MAX_WISH, 3))
            button type="submit" { (t(lang, "case-register")) }
        }
    }
}

pub(super) async fn new_page(ctx: Ctx) -> HttpResponse {
    let f = NewForm {
        ontvangen: crate::fmt::today().format("%Y-%m-%d").to_string(),
        ..Default::default()
    };
    page_response(
        StatusCode::OK,
        layout::page(&ctx, &t(ctx.lang, "cases-new"), new_markup(&ctx, &f, &[])),
    )
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
                layout::page(&ctx, &t(lang, "cases-new"), new_markup(&ctx, &f, &errors)),
            ))
        }
    };
    let new = NewComplaint {
        received_on: checked.received,
        channel: checked.channel,
        via_person: Some(f.via.clone()),
        via_email: Some(f.via_email.clone()),
        language: Lang::from_code(&f.taal).unwrap_or(Lang::Nl),
        name: Some(f.naam.clone()),
        address: Some(f.adres.clone()),
        email: Some(f.email.clone()),
        phone: Some(f.telefoon.clone()),
        description: f.omschrijving.clone(),
        wish: Some(f.wens.clone()),
        attachments: vec![],
    };
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
