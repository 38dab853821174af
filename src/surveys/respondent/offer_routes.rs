//! Handlers of the interview offer (`/v/gesprek`): after sending, a respondent may leave a name
//! and a way to be reached, with the single-use offer token from the cookie.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::{offer_views, OFFER_COOKIE};
use crate::fmt::today;
use crate::surveys::offer_token::OfferKey;
use crate::surveys::volunteers::{self, NewVolunteer, OfferError};
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::AppError;
use crate::web::i18n::{t, Lang};
use crate::web::AppState;
use actix_web::http::StatusCode;

/// The interview offer as filled in.
#[derive(Deserialize, Default)]
pub(super) struct VolunteerForm {
    #[serde(default)]
    pub(super) naam: String,
    #[serde(default)]
    pub(super) contact: String,
    #[serde(default)]
    pub(super) taal: String,
    #[serde(default)]
    pub(super) tijd: String,
}

impl VolunteerForm {
    /// The sign-up as typed (trimmed; the language falls back to the page's), and what to fix.
    fn checked(&self, lang: Lang) -> (NewVolunteer, Vec<(&'static str, String)>) {
        let mut errors: Vec<(&str, String)> = vec![];
        let len = |s: &str| s.trim().chars().count();
        if len(&self.naam) == 0 || len(&self.naam) > 100 {
            errors.push(("naam", t(lang, "volunteer-error-name")));
        }
        if len(&self.contact) < 6 || len(&self.contact) > 200 {
            errors.push(("contact", t(lang, "volunteer-error-contact")));
        }
        if len(&self.tijd) > 200 {
            errors.push(("tijd", t(lang, "volunteer-error-time")));
        }
        let language = Lang::from_code(&self.taal)
            .unwrap_or(lang)
            .code()
            .to_string();
        let volunteer = NewVolunteer {
            name: self.naam.trim().to_string(),
            contact: self.contact.trim().to_string(),
            language,
            best_time: self.tijd.trim().to_string(),
        };
        (volunteer, errors)
    }
}

fn offer_token(req: &HttpRequest) -> Option<String> {
    req.cookie(OFFER_COOKIE)
        .map(|c| c.value().to_string())
        .filter(|v| !v.is_empty())
}

pub(super) async fn volunteer_page(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let key = state.part::<OfferKey>()?;
    let checked = match offer_token(&req) {
        None => Err(OfferError::Unknown),
        Some(token) => {
            state
                .db(move |conn| Ok(volunteers::open_offer(conn, &key, &token, today())))
                .await?
        }
    };
    match checked {
        Ok(offer) => Ok(offer_views::volunteer_page(
            &ctx,
            StatusCode::OK,
            &VolunteerForm::default(),
            &[],
            offer.closes_on,
        )),
        Err(OfferError::Db(e)) => Err(e.into()),
        Err(e) => Ok(offer_views::offer_refused(&ctx, &e)),
    }
}

pub(super) async fn volunteer_submit(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<VolunteerForm>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let token = offer_token(&req);
    let (volunteer, errors) = form.checked(lang);
    let valid = errors.is_empty();
    let address = crate::accounts::routes::address_bucket(&req, &state);
    let key = state.part::<OfferKey>()?;
    // The offer is checked first, so that nobody without one learns anything from the form; it is
    // only used up when everything is right, so that a typing mistake loses nothing.
    let outcome = state
        .db(move |conn| {
            let today = today();
            let result = match &token {
                None => Err(OfferError::Unknown),
                Some(token) if valid => {
                    volunteers::sign_up(conn, &key, token, &volunteer, today).map(|_| None)
                }
                Some(token) => volunteers::open_offer(conn, &key, token, today).map(Some),
            };
            match result {
                Err(OfferError::Db(e)) => Err(e.into()),
                Err(e) => {
                    let within = volunteers::count_refusal(conn, &address, crate::db::now())?;
                    Ok(Err((e, within)))
                }
                Ok(offer) => Ok(Ok(offer)),
            }
        })
        .await?;
    match outcome {
        Err((_, false)) => Ok(offer_views::too_many_tries(&ctx)),
        Err((e, true)) => Ok(offer_views::offer_refused(&ctx, &e)),
        Ok(Some(offer)) => Ok(offer_views::volunteer_page(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            &form,
            &errors,
            offer.closes_on,
        )),
        Ok(None) => Ok(offer_views::volunteer_done(&ctx)),
    }
}
