//! Changing a wave before it opens: its dates, the size of the population (N) and the channels.
//! Once the wave has opened the form is not offered and a change is refused with the reason, so
//! what people were told (the closing date on their letter) and the answers already given keep
//! meaning what they meant. The rule itself is [`waves::editable`], checked again in the
//! transaction that stores the change.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::wave_edit_views as views;
use crate::accounts::model::Role;
use crate::fmt::today;
use crate::surveys::staff::{actor, parse_window, wave_error_text};
use crate::surveys::waves::{self, Wave, WaveChange, WaveError};
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::Lang;
use crate::web::layout;
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
pub struct EditForm {
    /// Opening date as typed (`YYYY-MM-DD`).
    #[serde(default)]
    pub open: String,
    /// Closing date as typed.
    #[serde(default)]
    pub sluit: String,
    /// The population (N) as typed.
    #[serde(default)]
    pub n: String,
    /// The channels ticked.
    #[serde(default)]
    pub kanalen: Vec<String>,
}

impl EditForm {
    /// The change typed, or what to fix (by field, in the form's order).
    fn command(&self, lang: Lang) -> Result<WaveChange, Vec<(&'static str, String)>> {
        parse_window(lang, &self.open, &self.sluit, &self.n, &self.kanalen)
    }

    fn of(w: &Wave) -> EditForm {
        EditForm {
            open: w.opens_on.format("%Y-%m-%d").to_string(),
            sluit: w.closes_on.format("%Y-%m-%d").to_string(),
            n: w.population.to_string(),
            kanalen: w.channels.split(',').map(str::to_string).collect(),
        }
    }
}

/// The page that says the wave can no longer be changed, and why.
fn refused(ctx: &Ctx, w: &Wave) -> HttpResponse {
    page_response(
        StatusCode::CONFLICT,
        layout::page(ctx, &views::title(ctx, w), views::refused_markup(ctx, w)),
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
            &views::title(ctx, w),
            views::form_markup(ctx, w, f, errors, codes),
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
    match f.command(lang) {
        Err(fix) => errors = fix,
        Ok(change) => {
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
                        // The edit form cannot cause these; they are shown at its first field.
                        WaveError::UnknownQuestionnaire(_)
                        | WaveError::UnknownWave(_)
                        | WaveError::Name
                        | WaveError::Count
                        | WaveError::AlreadyOpen
                        | WaveError::Db(_) => "open",
                    };
                    errors.push((field, wave_error_text(lang, &e)));
                }
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
