//! Changing a wave before it opens: its dates, the size of the population (N) and the channels.
//! Once the wave has opened the form is not offered and a change is refused with the reason, so
//! what people were told (the closing date on their letter) and the answers already given keep
//! meaning what they meant. The rule itself is [`waves::editable`], checked again in the
//! transaction that stores the change.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use maud::{html, Markup};
use serde::Deserialize;

use crate::accounts::model::Role;
use crate::fmt::date_text;
use crate::fmt::today;
use crate::surveys::channel::Channel;
use crate::surveys::staff::{actor, parse_date, wave_error_text};
use crate::surveys::waves::{self, Wave, WaveChange, WaveError};
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self, csrf_field, error_summary};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

const RESEARCH: Access = Access::Roles(&[Role::Onderzoeker]);

/// Routes of this module.
pub fn routes() -> Vec<RouteDef> {
    vec![RouteDef::new("/onderzoek/rondes/{id}/wijzigen", RESEARCH)
        .get(edit_page)
        .post(edit_submit)]
}

/// The form as typed.
#[derive(Deserialize, Default)]
struct EditForm {
    #[serde(default)]
    open: String,
    #[serde(default)]
    sluit: String,
    #[serde(default)]
    n: String,
    #[serde(default)]
    kanalen: Vec<String>,
}

impl EditForm {
    fn of(w: &Wave) -> EditForm {
        EditForm {
            open: w.opens_on.format("%Y-%m-%d").to_string(),
            sluit: w.closes_on.format("%Y-%m-%d").to_string(),
            n: w.population.to_string(),
            kanalen: w.channels.split(',').map(str::to_string).collect(),
        }
    }
}

fn form_markup(ctx: &Ctx, w: &Wave, f: &EditForm, errors: &[(&str, String)], codes: i64) -> Markup {
    let lang = ctx.lang;
    let err = |k: &str| layout::error_for(errors, k);
    let base = format!("/onderzoek/rondes/{}", w.id);
    html! {
        (error_summary(ctx, errors))
        p { (t(lang, "wave-edit-intro")) }
        @if codes > 0 {
            p.notice { (t_args(lang, "wave-edit-codes-made", &[("n", &codes.to_string())])) }
        }
        form method="post" action={ (base) "/wijzigen" } novalidate {
            (csrf_field(ctx))
            (layout::text_field("open", &t(lang, "wave-opens"), "date", &f.open, None, err("open"), "off"))
            (layout::text_field("sluit", &t(lang, "wave-closes"), "date", &f.sluit, None, err("sluit"), "off"))
            (layout::text_field("n", &t(lang, "wave-population"), "text", &f.n, Some(&t(lang, "wave-population-hint")), err("n"), "off"))
            fieldset #kanalen {
                legend { (t(lang, "wave-channels")) }
                @if let Some(e) = err("kanalen") { p.error { (e) } }
                @for (i, ch) in Channel::ALL.iter().enumerate() {
                    @let id = if i == 0 { "kanalen".to_string() } else { format!("kanaal-{ch}") };
                    div.choice {
                        input id=(id) type="checkbox" name="kanalen" value=(ch) checked[f.kanalen.iter().any(|c| c == ch.code())];
                        label for=(id) { (t(lang, &format!("channel-{ch}"))) }
                    }
                }
            }
            button type="submit" { (t(lang, "wave-edit-submit")) }
        }
        p { a href=(base) { (t(lang, "volunteers-back")) } }
    }
}

/// The page that says the wave can no longer be changed, and why.
fn refused(ctx: &Ctx, w: &Wave) -> HttpResponse {
    let lang = ctx.lang;
    page_response(
        StatusCode::CONFLICT,
        layout::page(
            ctx,
            &t_args(lang, "wave-edit-title", &[("wave", &w.name)]),
            html! {
                p.lead { (t_args(lang, "wave-edit-refused-since", &[("date", &date_text(w.opens_on))])) }
                p { (t(lang, "wave-edit-refused")) }
                p { a href={ "/onderzoek/rondes/" (w.id) } { (t(lang, "volunteers-back")) } }
            },
        ),
    )
}

/// The wave and how many invitation codes it has.
async fn load(state: &AppState, id: i64) -> Result<(Wave, i64), AppError> {
    state
        .db(move |conn| {
            let w = match waves::find_wave(conn, id) {
                Ok(w) => w,
                Err(WaveError::Db(e)) => return Err(e.into()),
                Err(_) => return Err(AppError::NotFound),
            };
            let (codes, _) = waves::invitation_counts(conn, id)?;
            Ok((w, codes))
        })
        .await
}

fn page(
    ctx: &Ctx,
    w: &Wave,
    f: &EditForm,
    errors: &[(&str, String)],
    codes: i64,
    status: StatusCode,
) -> HttpResponse {
    page_response(
        status,
        layout::page(
            ctx,
            &t_args(ctx.lang, "wave-edit-title", &[("wave", &w.name)]),
            form_markup(ctx, w, f, errors, codes),
        ),
    )
}

async fn edit_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (w, codes) = load(&state, path.into_inner()).await?;
    if !waves::editable(&w, today()) {
        return Ok(refused(&ctx, &w));
    }
    Ok(page(
        &ctx,
        &w,
        &EditForm::of(&w),
        &[],
        codes,
        StatusCode::OK,
    ))
}

async fn edit_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(f): CsrfForm<EditForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let lang = ctx.lang;
    let actor = actor(&ctx)?;
    let (w, codes) = load(&state, id).await?;
    if !waves::editable(&w, today()) {
        return Ok(refused(&ctx, &w));
    }
    let mut errors: Vec<(&str, String)> = vec![];
    let opens = parse_date(&f.open);
    let closes = parse_date(&f.sluit);
    if opens.is_none() {
        errors.push(("open", t(lang, "wave-error-date")));
    }
    if closes.is_none() {
        errors.push(("sluit", t(lang, "wave-error-date")));
    }
    let population = waves::parse_count(&f.n).filter(|n| *n >= 1);
    if population.is_none() {
        errors.push(("n", t(lang, "wave-error-population")));
    }
    if f.kanalen.is_empty() {
        errors.push(("kanalen", t(lang, "wave-error-no-channel")));
    }
    if let (Some(o), Some(c), Some(n), true) = (opens, closes, population, errors.is_empty()) {
        let change = WaveChange {
            opens_on: o,
            closes_on: c,
            population: n,
            channels: f.kanalen.clone(),
        };
        let result = state
            .db(move |conn| Ok(waves::update_wave(conn, id, &change, today(), actor)))
            .await?;
        match result {
            Ok(()) => {
                return Ok(see_other(&format!(
                    "/onderzoek/rondes/{id}?melding=notice-wave-changed"
                )))
            }
            Err(WaveError::Db(e)) => return Err(e.into()),
            // Opened in the meantime (the check in the transaction).
            Err(WaveError::AlreadyOpen) => return Ok(refused(&ctx, &w)),
            Err(e) => {
                let field = match e {
                    WaveError::Dates => "sluit",
                    WaveError::OpensInPast => "open",
                    WaveError::Population => "n",
                    WaveError::Channel(_) => "kanalen",
                    _ => "open",
                };
                errors.push((field, wave_error_text(lang, &e)));
            }
        }
    }
    Ok(page(
        &ctx,
        &w,
        &f,
        &errors,
        codes,
        StatusCode::UNPROCESSABLE_ENTITY,
    ))
}
