//! Staff pages for surveys: the researcher's waves (create, invitations on paper and by e-mail,
//! reminders, response follow-up, export, interview volunteers) and the data-entry clerk's
//! keyboard-first form for answers given by phone or on paper.
//!
//! - [`wave_pages`], [`invitations`], [`files`]: the researcher's pages (thin handlers).
//! - [`entry`]: the clerk's entry pages; [`entry_form`] reads the form into a command,
//!   [`entry_service`] stores it.
//! - [`queries`]: what the pages read; [`views`] and [`entry_views`]: the markup.

mod entry;
mod entry_form;
mod entry_service;
mod entry_views;
mod files;
mod invitations;
mod queries;
mod views;
mod wave_pages;

use serde::Deserialize;

use crate::accounts::audit::Actor;
use crate::accounts::model::Role;
use crate::web::context::Ctx;
use crate::web::errors::AppError;
use crate::web::routes::{Access, RouteDef};

use entry::*;
use entry_form::*;
use entry_views::*;
use files::*;
use invitations::*;
use queries::*;
use views::*;
use wave_pages::*;

pub(crate) use queries::wave_and_definition;
pub(crate) use wave_pages::{parse_window, wave_error_text};

const RESEARCH: Access = Access::Roles(&[Role::Onderzoeker]);
const ENTRY: Access = Access::Roles(&[Role::Invoerder]);

/// Routes of this module.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/onderzoek", RESEARCH)
            .get(waves_page)
            .post(wave_create),
        RouteDef::new("/onderzoek/rondes/{id}", RESEARCH).get(wave_page),
        RouteDef::new("/onderzoek/rondes/{id}/codes", RESEARCH).post(codes_create),
        RouteDef::new("/onderzoek/rondes/{id}/email", RESEARCH).post(email_invite),
        RouteDef::new("/onderzoek/rondes/{id}/herinnering", RESEARCH).post(reminder),
        RouteDef::new("/onderzoek/rondes/{id}/antwoorden.csv", RESEARCH).get(answers_csv),
        RouteDef::new("/onderzoek/rondes/{id}/codeboek.csv", RESEARCH).get(codebook_csv),
        RouteDef::new("/onderzoek/rondes/{id}/codeboek.json", RESEARCH).get(codebook_json),
        RouteDef::new("/onderzoek/rondes/{id}/gesprekken", RESEARCH).get(volunteers_page),
        RouteDef::new("/onderzoek/rondes/{id}/papier", RESEARCH).get(paper_forms),
        RouteDef::new("/onderzoek/rondes/{id}/sdaps-koppeling.csv", RESEARCH).get(sdaps_mapping),
        RouteDef::new("/invoer", ENTRY).get(entry_list),
        RouteDef::new("/invoer/rondes/{id}", ENTRY)
            .get(entry_page)
            .post(entry_submit),
    ]
}

/// The logged-in staff member as the audit log names them.
pub(crate) fn actor(ctx: &Ctx) -> Result<Actor, AppError> {
    Ok(Actor::User(
        ctx.user.as_ref().ok_or(AppError::Unauthorized)?.id,
    ))
}

#[derive(Deserialize)]
struct Notice {
    melding: Option<String>,
    n: Option<String>,
}

/// The page of a list asked for (`?pagina=`).
#[derive(Deserialize)]
struct PageQuery {
    pagina: Option<i64>,
}
