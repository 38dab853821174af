//! Thin handlers of the respondent pages: read the request, call the service once (one trip to
//! the database pool per request), and pick the page or the next address.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::service::{self, Answered, PostError, Respondent, Sent};
use super::steps::PageError;
use super::{path_cookie, removal, views, CODE_COOKIE, OFFER_COOKIE};
use crate::codes;
use crate::fmt::today;
use crate::surveys::answers;
use crate::surveys::channel::Channel;
use crate::surveys::offer_token::OfferKey;
use crate::surveys::respond::{self, RespondError};
use crate::surveys::volunteers;
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::AppError;
use crate::web::i18n::Lang;
use crate::web::{see_other, AppState};

/// The optional "lees voor" script: reveals the buttons and speaks the question in the page's
/// language with the browser's own speech synthesis. Nothing depends on it.
const READ_ALOUD_JS: &str = include_str!("../../../static/voorlezen.js");

pub(super) async fn read_aloud_script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(READ_ALOUD_JS)
}

pub(super) async fn code_page(ctx: Ctx) -> HttpResponse {
    views::code_form(&ctx, "", None, StatusCode::OK)
}

#[derive(Deserialize)]
pub(super) struct CodeForm {
    #[serde(default)]
    code: String,
}

/// Checks a typed code, finds its invitation, and on success starts answering.
async fn enter(
    ctx: Ctx,
    state: web::Data<AppState>,
    typed: String,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let bare = match codes::parse(&typed) {
        Ok(b) => b,
        Err(e) => {
            return Ok(views::code_form(
                &ctx,
                &typed,
                Some(&codes::error_text(lang, e)),
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
    };
    let lookup = bare.clone();
    let opened = state
        .db(move |conn| Ok(respond::open(conn, &lookup, Channel::Web, today())))
        .await?;
    match opened {
        Ok(_) => {
            let mut res = see_other("/v/start");
            res.add_cookie(&path_cookie(
                CODE_COOKIE,
                bare,
                state.config.secure_cookies(),
            ))
            .map_err(|e| AppError::Internal(e.into()))?;
            Ok(res)
        }
        Err(RespondError::Db(e)) => Err(e.into()),
        Err(e) => Ok(views::refusal_page(&ctx, &typed, &e)),
    }
}

pub(super) async fn code_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<HttpResponse, AppError> {
    enter(ctx, state, form.code).await
}

pub(super) async fn code_link(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    enter(ctx, state, path.into_inner()).await
}

/// The checked code from the code cookie.
fn code_of(req: &HttpRequest) -> Option<String> {
    req.cookie(CODE_COOKIE)
        .and_then(|c| codes::parse(c.value()).ok())
}

/// The page for a code or wave that can no longer be answered (the code cookie goes), or the
/// error for a database failure.
fn refused(ctx: &Ctx, e: RespondError) -> Result<HttpResponse, AppError> {
    match e {
        RespondError::Db(e) => Err(e.into()),
        e => {
            let mut res = views::refusal_page(ctx, "", &e);
            let _ = res.add_cookie(&removal(CODE_COOKIE));
            Ok(res)
        }
    }
}

/// Loads the respondent from the code cookie; `Err` is the page to show instead.
async fn respondent(
    ctx: &Ctx,
    req: &HttpRequest,
    state: &web::Data<AppState>,
) -> Result<Result<Respondent, HttpResponse>, AppError> {
    let Some(code) = code_of(req) else {
        return Ok(Err(see_other("/v")));
    };
    let found = state
        .db(move |conn| Ok(service::load(conn, &code, today())))
        .await?;
    match found {
        Ok(r) => Ok(Ok(r)),
        Err(e) => refused(ctx, e).map(Err),
    }
}

macro_rules! respondent_or_page {
    ($ctx:expr, $req:expr, $state:expr) => {
        match respondent(&$ctx, &$req, &$state).await? {
            Ok(r) => r,
            Err(page) => return Ok(page),
        }
    };
}

pub(super) async fn start(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let r = respondent_or_page!(ctx, req, state);
    Ok(views::start_page(&ctx, &r))
}

pub(super) async fn question_page(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<usize>,
) -> Result<HttpResponse, AppError> {
    let r = respondent_or_page!(ctx, req, state);
    let def = r.opened.definition.clone();
    let step = path.into_inner();
    let all = super::steps::items(&def);
    if def.one_page && step != 0 {
        return Ok(see_other("/v/vraag/0"));
    }
    if step >= all.len() {
        return Ok(see_other("/v/overzicht"));
    }
    if !def.one_page && !answers::is_shown(all[step], &r.answers) {
        return Ok(see_other(
            &match super::steps::next_shown(&def, &r.answers, step) {
                Some(n) => format!("/v/vraag/{n}"),
                None => "/v/overzicht".into(),
            },
        ));
    }
    Ok(views::question_response(
        &ctx,
        &r,
        step,
        &[],
        StatusCode::OK,
    ))
}

/// A posted question page: the answers are taken and saved (or sent, from the one-page form's
/// send button) in one call to the database.
pub(super) async fn question_submit(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<usize>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let Some(code) = code_of(&req) else {
        return Ok(see_other("/v"));
    };
    let step = path.into_inner();
    let language = ctx.lang;
    let (posted, fields) = state
        .db(move |conn| {
            let posted = service::post_page(conn, &code, step, &fields, language, today());
            Ok((posted, fields))
        })
        .await?;
    let Answered { mut r, page, sent } = match posted {
        Ok(a) => a,
        Err(PostError::Page(PageError::NotFound)) => return Err(AppError::NotFound),
        Err(PostError::Page(PageError::Forged)) => {
            return Err(AppError::BadRequest("respond-error-forged"))
        }
        Err(PostError::Refused(e)) => return refused(&ctx, e),
    };
    if let Some(sent) = sent {
        return sent_page(&ctx, &state, &r, sent).await;
    }
    if let Some(code) = page.action.strip_prefix("taal-") {
        // The header's language buttons post here with `?lang=`, so the context already speaks
        // the chosen language (and the middleware keeps it in the language cookie).
        let lang = Lang::from_code(code).unwrap_or(ctx.lang);
        if !page.problems.is_empty() {
            // Something typed cannot be saved as it is (too long, not a number): show it again,
            // with what to fix, in the new language, rather than dropping it.
            let mut ctx = ctx;
            ctx.lang = lang;
            r.answers = answers::for_display(&r.answers, &fields, &page.problems);
            return Ok(views::question_response(
                &ctx,
                &r,
                step,
                &page.problems,
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
        return Ok(if lang == ctx.lang {
            see_other(&format!("/v/vraag/{step}"))
        } else {
            see_other(&format!("/v/vraag/{step}?lang={}", lang.code()))
        });
    }
    if !page.problems.is_empty() && page.action != "opslaan" {
        r.answers = answers::for_display(&r.answers, &fields, &page.problems);
        return Ok(views::question_response(
            &ctx,
            &r,
            step,
            &page.problems,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    Ok(match page.action.as_str() {
        "opslaan" => see_other("/v/opgeslagen"),
        "vorige" => match page.next {
            Some(n) => see_other(&format!("/v/vraag/{n}")),
            None => see_other("/v/start"),
        },
        _ => match page.next {
            Some(n) if n < page.questions => see_other(&format!("/v/vraag/{n}")),
            _ => see_other("/v/overzicht"),
        },
    })
}

pub(super) async fn summary_page(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let r = respondent_or_page!(ctx, req, state);
    Ok(views::summary_response(
        &ctx,
        &r,
        &[],
        &SendForm::default(),
        StatusCode::OK,
    ))
}

/// The send form on the summary page: who helped, if anyone; `actie` is `taal-<code>` from the
/// header's language buttons (and `versturen` from Enter, which sends like the send button).
#[derive(Deserialize, Default)]
pub(super) struct SendForm {
    #[serde(default)]
    pub(super) hulp: String,
    #[serde(default)]
    pub(super) helper: String,
    #[serde(default)]
    pub(super) actie: String,
}

pub(super) async fn summary_submit(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<SendForm>,
) -> Result<HttpResponse, AppError> {
    if form.actie.starts_with("taal-") {
        // A language button in the header: the same summary in the new language, choices kept,
        // nothing sent.
        let r = respondent_or_page!(ctx, req, state);
        return Ok(views::summary_response(
            &ctx,
            &r,
            &[],
            &form,
            StatusCode::OK,
        ));
    }
    let Some(code) = code_of(&req) else {
        return Ok(see_other("/v"));
    };
    let helper = service::helper_named(&form.hulp, &form.helper);
    let language = ctx.lang;
    let sent = state
        .db(move |conn| Ok(service::send_code(conn, &code, helper, language, today())))
        .await?;
    match sent {
        Ok((r, sent)) => sent_page(&ctx, &state, &r, sent).await,
        Err(e) => refused(&ctx, e),
    }
}

/// After sending: the set is stored (committed and on disk before anything is answered), then the
/// thank-you page (the code cookie goes, the interview offer comes); or the summary with what to
/// fix (the answers stay as a draft).
async fn sent_page(
    ctx: &Ctx,
    state: &AppState,
    r: &Respondent,
    sent: Sent,
) -> Result<HttpResponse, AppError> {
    match sent {
        Sent::Ready(submission) => {
            if let Err(e) = state.write(move |c| submission.store(c)).await? {
                return refused(ctx, e);
            }
            // The interview offer is signed, not stored (`offer_token`): nothing more is written.
            let key = state.part::<OfferKey>()?;
            let offer = volunteers::make_offer(&key, r.opened.wave.id, today());
            let mut res = see_other("/v/bedankt");
            let secure = state.config.secure_cookies();
            let _ = res.add_cookie(&removal(CODE_COOKIE));
            let _ = res.add_cookie(&path_cookie(OFFER_COOKIE, offer, secure));
            Ok(res)
        }
        Sent::Invalid(problems) => Ok(views::summary_response(
            ctx,
            r,
            &problems,
            &SendForm::default(),
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
    }
}

pub(super) async fn saved_page(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let r = respondent_or_page!(ctx, req, state);
    Ok(views::saved_page(&ctx, &r))
}

pub(super) async fn thanks_page(ctx: Ctx, req: HttpRequest) -> HttpResponse {
    views::thanks_page(&ctx, req.cookie(OFFER_COOKIE).is_some())
}
