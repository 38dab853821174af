//! Entry by staff: answers given by phone or on paper, keyed in by the data-entry clerk.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

use super::*;
use crate::surveys::answers::ItemProblem;
use crate::surveys::channel::Channel;
use crate::surveys::paper::keyed;
use crate::surveys::respond::RespondError;
use crate::surveys::waves::{self, Wave, Window};
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self};
use crate::web::{see_other, AppState};

pub(super) async fn entry_list(
    ctx: Ctx,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let today = crate::fmt::today();
    let (list, late) = state
        .db(move |conn| {
            Ok((
                waves::open_waves(conn, today)?,
                crate::surveys::paper::late::late_waves(conn, today)?,
            ))
        })
        .await?;
    let open: Vec<(&Wave, ClerkWork)> = list
        .iter()
        .filter(|w| w.window_today() == Window::Open)
        .map(|w| (w, clerk_work(|c| w.allows(c))))
        .filter(|(_, work)| work.keyed || work.scans)
        .collect();
    let late = crate::surveys::paper::late::late_section(ctx.lang, &late, today);
    Ok(page_response(
        StatusCode::OK,
        entry_list_page(&ctx, &open, late),
    ))
}

/// What a clerk does for a wave: key in answers given by phone or on paper, and read the scans
/// of its paper forms (and check their doubtful boxes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ClerkWork {
    /// Answers are keyed in on the wave's entry page.
    pub keyed: bool,
    /// Scans are read on the wave's paper page.
    pub scans: bool,
}

/// The clerk's work for a wave, from whether it allows each channel.
pub(super) fn clerk_work(allows: impl Fn(Channel) -> bool) -> ClerkWork {
    let any = |rule: fn(Channel) -> bool| Channel::ALL.iter().any(|c| rule(*c) && allows(*c));
    ClerkWork {
        keyed: any(Channel::is_keyed),
        scans: any(Channel::is_scanned),
    }
}

pub(super) async fn entry_context(
    state: &AppState,
    id: i64,
) -> Result<(Wave, std::sync::Arc<crate::surveys::definition::Definition>), AppError> {
    state.db(move |conn| wave_and_definition(conn, id)).await
}

/// The channel and language of the form saved last, kept for the next one (a clerk types a stack
/// of forms of one kind: a Turkish form must not be stored as Dutch because the list jumped back).
#[derive(Debug, Default, serde::Deserialize)]
pub(super) struct Keep {
    kanaal: Option<String>,
    taal: Option<String>,
}

impl Keep {
    /// An empty form with the kept channel and language, when they are valid ones.
    fn state(&self) -> EntryState {
        EntryState {
            channel: self
                .kanaal
                .as_deref()
                .and_then(Channel::parse)
                .filter(|c| c.is_keyed())
                .map(|c| c.code().to_string())
                .unwrap_or_default(),
            language: self
                .taal
                .as_deref()
                .and_then(crate::web::i18n::Lang::from_code)
                .map(|l| l.code().to_string())
                .unwrap_or_default(),
            ..EntryState::default()
        }
    }
}

pub(super) async fn entry_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<Notice>,
    keep: web::Query<Keep>,
) -> Result<HttpResponse, AppError> {
    let (wave, def) = entry_context(&state, path.into_inner()).await?;
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(ctx.lang, "entry-title", &[("wave", &wave.name)]),
            entry_markup(&ctx, &wave, &def, &keep.state(), &[], &[], &q),
        ),
    ))
}

pub(super) async fn entry_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let (wave, def) = entry_context(&state, path.into_inner()).await?;
    let title = t_args(lang, "entry-title", &[("wave", &wave.name)]);
    let q = Notice {
        melding: None,
        n: None,
    };
    let page = |status: StatusCode,
                s: &EntryState,
                items: &[(String, ItemProblem)],
                general: &[(&str, String)]| {
        page_response(
            status,
            layout::page(
                &ctx,
                &title,
                entry_markup(&ctx, &wave, &def, s, items, general, &q),
            ),
        )
    };
    let wave_id = wave.id;
    let prints = state
        .db(move |conn| {
            Ok(crate::surveys::paper::prints_queries::of_wave(
                conn, wave_id,
            )?)
        })
        .await?;
    let (s, command) = entry_form::read(lang, &wave, &def, &fields, &prints)?;
    let command = match command {
        Ok(c) => c,
        Err(p) => {
            return Ok(page(
                StatusCode::UNPROCESSABLE_ENTITY,
                &s,
                &p.items,
                &p.general,
            ))
        }
    };
    let kept = format!(
        "&kanaal={}&taal={}",
        command.meta.channel.code(),
        command.meta.language.code()
    );
    let wave2 = wave.clone();
    let def2 = def.clone();
    let result = state
        .db(move |conn| Ok(entry_service::store(conn, wave2, &def2, &command)))
        .await?;
    let result = match result {
        Ok(()) => Ok(()),
        Err(keyed::KeyedError::Respond(e)) => Err(e),
        Err(keyed::KeyedError::FormStored) => {
            // Everything typed stays on the page; only the number needs a look.
            let general = [("invoer-formulier", t(lang, "entry-error-form-stored"))];
            return Ok(page(StatusCode::CONFLICT, &s, &[], &general));
        }
    };
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/invoer/rondes/{}?melding=notice-entry-saved{kept}",
            wave.id
        ))),
        Err(RespondError::Db(e)) => Err(e.into()),
        Err(RespondError::Invalid(p)) => Ok(page(StatusCode::UNPROCESSABLE_ENTITY, &s, &p, &[])),
        Err(e) => {
            // The respondent's own messages, except that here the answers were typed for nothing.
            let message = match &e {
                RespondError::Used => t(lang, "entry-error-used"),
                other => crate::surveys::respondent::refusal(lang, other).1,
            };
            let general = [("invoer-code", message)];
            Ok(page(StatusCode::CONFLICT, &s, &[], &general))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work(channels: &[&str]) -> ClerkWork {
        clerk_work(|c| channels.contains(&c.code()))
    }

    #[test]
    fn a_wave_whose_forms_come_back_as_scans_is_work_for_the_clerk() {
        let scans = work(&["web", "paper-scan"]);
        assert_eq!(
            scans,
            ClerkWork {
                keyed: false,
                scans: true
            }
        );
        let both = work(&["phone", "paper-scan"]);
        assert!(both.keyed && both.scans);
        assert_eq!(
            work(&["paper-keyed"]),
            ClerkWork {
                keyed: true,
                scans: false
            }
        );
        let web = work(&["web", "assisted"]);
        assert!(!web.keyed && !web.scans);
    }
}
