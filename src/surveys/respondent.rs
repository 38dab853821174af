//! The web questionnaire for respondents: `/v` (type the code) and `/v/{code}` (from the letter or QR
//! code), one question per page (or all on one page), answers saved at every step, a summary, the
//! thank-you page and the optional interview offer. Works without JavaScript; the code travels in a
//! cookie limited to `/v` after the first page, so it does not stay in addresses and history.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use maud::{html, Markup};
use serde::Deserialize;

use crate::surveys::answers::{self, text_in, AnswerSet, ItemProblem};
use crate::surveys::codes::{self, CodeError};
use crate::surveys::definition::{Definition, Item};
use crate::surveys::form;
use crate::surveys::respond::{self, Meta, Opened, RespondError, HELPERS};
use crate::surveys::today;
use crate::surveys::volunteers::{self, NewVolunteer, OfferError};
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout::{self, csrf_field, error_summary};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

/// Cookie holding the respondent's code while answering (path `/v` only).
pub const CODE_COOKIE: &str = "kb_v";
/// Cookie holding the single-use interview offer after sending (a random token: no code, no
/// answers, no wave number the client could choose).
pub const OFFER_COOKIE: &str = "kb_vr";

/// Routes of the respondent side. `/v/{code}` comes last so the fixed paths win.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/v", Access::Public)
            .get(code_page)
            .post(code_submit),
        RouteDef::new("/v/start", Access::Public).get(start),
        RouteDef::new("/v/vraag/{step}", Access::Public)
            .get(question_page)
            .post(question_submit),
        RouteDef::new("/v/overzicht", Access::Public)
            .get(summary_page)
            .post(summary_submit),
        RouteDef::new("/v/opgeslagen", Access::Public).get(saved_page),
        RouteDef::new("/v/bedankt", Access::Public).get(thanks_page),
        RouteDef::new("/v/gesprek", Access::Public)
            .get(volunteer_page)
            .post(volunteer_submit),
        RouteDef::new("/static/voorlezen.js", Access::Public).get(read_aloud_script),
        RouteDef::new("/v/{code}", Access::Public).get(code_link),
    ]
}

/// The optional "lees voor" script: reveals the buttons and speaks the question in the page's
/// language with the browser's own speech synthesis. Nothing depends on it.
const READ_ALOUD_JS: &str = include_str!("../../static/voorlezen.js");

async fn read_aloud_script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(READ_ALOUD_JS)
}

fn path_cookie(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    Cookie::build(name, value)
        .path("/v")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .finish()
}

fn removal(name: &'static str) -> Cookie<'static> {
    let mut c = Cookie::build(name, "").path("/v").finish();
    c.make_removal();
    c
}

/// Dates as people write them here: 31-12-2027.
pub fn date_text(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    // Written out by hand: chrono's formatter reads its pattern again on every call, and long lists
    // show thousands of dates.
    format!("{:02}-{:02}-{}", d.day(), d.month(), d.year())
}

/// The message, and status, for a code or wave that cannot be answered.
pub fn refusal(lang: Lang, e: &RespondError) -> (StatusCode, String) {
    match e {
        RespondError::Unknown => (StatusCode::NOT_FOUND, t(lang, "respond-error-unknown")),
        RespondError::Used => (StatusCode::CONFLICT, t(lang, "respond-error-used")),
        RespondError::NotYetOpen(d) => (
            StatusCode::FORBIDDEN,
            t_args(lang, "respond-error-not-open", &[("date", &date_text(*d))]),
        ),
        RespondError::Closed(d) => (
            StatusCode::GONE,
            t_args(lang, "respond-error-closed", &[("date", &date_text(*d))]),
        ),
        RespondError::Channel => (StatusCode::FORBIDDEN, t(lang, "respond-error-channel")),
        _ => (StatusCode::INTERNAL_SERVER_ERROR, t(lang, "error-500-text")),
    }
}

/// The message for a mistyped code.
pub fn code_error_text(lang: Lang, e: CodeError) -> String {
    t(
        lang,
        match e {
            CodeError::Length => "code-error-length",
            CodeError::Character => "code-error-character",
            CodeError::Check => "code-error-check",
        },
    )
}

/// The short privacy text on every respondent page.
fn privacy_note(lang: Lang) -> Markup {
    html! {
        aside.privacy-note aria-labelledby="privacy-kort" {
            h2 #privacy-kort { (t(lang, "respond-privacy-title")) }
            p { (t(lang, "respond-privacy-text")) }
            p { a.tap href="/privacy" { (t(lang, "respond-privacy-more")) } }
        }
    }
}

fn code_form(ctx: &Ctx, value: &str, error: Option<&str>, status: StatusCode) -> HttpResponse {
    code_page_with(ctx, value, error, None, status)
}

/// The code page after a code that cannot be answered. Only an unknown code can be a typing
/// mistake (it goes in the error summary, beside the field); a used code, or a questionnaire that
/// is not open, is no mistake in what was typed: it gets its own message above the form.
fn refusal_page(ctx: &Ctx, typed: &str, e: &RespondError) -> HttpResponse {
    let (status, message) = refusal(ctx.lang, e);
    match e {
        RespondError::Unknown => code_form(ctx, typed, Some(&message), status),
        _ => {
            let title = match e {
                RespondError::Used => "respond-used-title",
                _ => "respond-refused-title",
            };
            code_page_with(ctx, "", None, Some((title, &message)), status)
        }
    }
}

fn code_page_with(
    ctx: &Ctx,
    value: &str,
    error: Option<&str>,
    notice: Option<(&str, &str)>,
    status: StatusCode,
) -> HttpResponse {
    let lang = ctx.lang;
    let errors: Vec<(&str, String)> = error.map(|e| ("code", e.to_string())).into_iter().collect();
    page_response(
        status,
        layout::page(
            ctx,
            &t(lang, "respond-code-title"),
            html! {
                @if let Some((title, text)) = notice {
                    div.notice.code-refused role="status" aria-labelledby="code-melding" {
                        h2 #code-melding { (t(lang, title)) }
                        p { (text) }
                    }
                }
                (error_summary(ctx, &errors))
                p { (t(lang, "respond-code-intro")) }
                form method="post" action="/v" novalidate {
                    (csrf_field(ctx))
                    (layout::text_field("code", &t(lang, "respond-code-label"), "text", value, Some(&t(lang, "respond-code-hint")), error, "off"))
                    button type="submit" { (t(lang, "respond-code-submit")) }
                }
                p { (t(lang, "respond-code-no-code")) }
                (crate::web::contact::contact_block(ctx))
                (privacy_note(lang))
            },
        ),
    )
}

async fn code_page(ctx: Ctx) -> HttpResponse {
    code_form(&ctx, "", None, StatusCode::OK)
}

#[derive(Deserialize)]
struct CodeForm {
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
            return Ok(code_form(
                &ctx,
                &typed,
                Some(&code_error_text(lang, e)),
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
    };
    let lookup = bare.clone();
    let opened = state
        .db(move |conn| Ok(respond::open(conn, &lookup, "web", today())))
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
        Err(e) => Ok(refusal_page(&ctx, &typed, &e)),
    }
}

async fn code_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<HttpResponse, AppError> {
    enter(ctx, state, form.code).await
}

async fn code_link(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    enter(ctx, state, path.into_inner()).await
}

/// Where a respondent stands: the invitation, the questionnaire and the answers so far.
struct Respondent {
    opened: Opened,
    answers: AnswerSet,
    step: i32,
    code: String,
}

/// Loads the respondent from the code cookie; `Err` is the page to show instead.
async fn respondent(
    ctx: &Ctx,
    req: &HttpRequest,
    state: &web::Data<AppState>,
) -> Result<Result<Respondent, HttpResponse>, AppError> {
    let Some(code) = req
        .cookie(CODE_COOKIE)
        .and_then(|c| codes::parse(c.value()).ok())
    else {
        return Ok(Err(see_other("/v")));
    };
    let lookup = code.clone();
    let found = state
        .db(move |conn| {
            Ok(match respond::open(conn, &lookup, "web", today()) {
                Ok(opened) => {
                    let (answers, step) = respond::load_draft(conn, opened.invitation_id)?;
                    Ok((opened, answers, step))
                }
                Err(e) => Err(e),
            })
        })
        .await?;
    match found {
        Ok((opened, answers, step)) => Ok(Ok(Respondent {
            opened,
            answers,
            step,
            code,
        })),
        Err(RespondError::Db(e)) => Err(e.into()),
        Err(e) => {
            let mut res = refusal_page(ctx, "", &e);
            let _ = res.add_cookie(&removal(CODE_COOKIE));
            Ok(Err(res))
        }
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

fn items(def: &Definition) -> Vec<&Item> {
    def.items().collect()
}

/// Title of the questionnaire in the visitor's language.
fn survey_title(def: &Definition, lang: Lang) -> String {
    text_in(&def.title, lang).to_string()
}

async fn start(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let r = respondent_or_page!(ctx, req, state);
    let lang = ctx.lang;
    let def = &r.opened.definition;
    let resume = !r.answers.is_empty();
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &survey_title(def, lang),
            html! {
                p.lead { (text_in(&def.intro, lang)) }
                p { (t_args(lang, "respond-start-closes", &[("date", &date_text(r.opened.wave.closes_on))])) }
                p { (t(lang, "respond-start-help")) }
                p {
                    a.button href={ "/v/vraag/" (r.step) } {
                        @if resume { (t(lang, "respond-start-resume")) } @else { (t(lang, "respond-start-begin")) }
                    }
                }
                (privacy_note(lang))
            },
        ),
    ))
}

/// Number of question `index` as the respondent sees it: its place among the questions shown.
/// Follow-up questions open after the question that opens them, so going forward this number never
/// changes for a question already seen.
fn question_number(def: &Definition, answers: &AnswerSet, index: usize) -> usize {
    let all = items(def);
    (0..=index.min(all.len().saturating_sub(1)))
        .filter(|i| answers::is_shown(all[*i], answers))
        .count()
        .max(1)
}

/// Where a question page stands in the whole questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Standing {
    /// Part (section) of the question, from 1.
    part: usize,
    /// Parts in the questionnaire.
    parts: usize,
    /// Share of the questionnaire before this question, in whole percents (0–99).
    percent: usize,
}

/// The standing of question `index`. Counted over the whole questionnaire, shown or not: follow-up
/// questions that open (or close) never change the totals, so going forward the part and the
/// share only ever grow, and nothing promises an end that then moves ("vraag 9 van 29" that became
/// "van 35").
fn standing(def: &Definition, index: usize) -> Standing {
    let total = def.items().count().max(1);
    let mut before = 0;
    let mut part = def.sections.len().max(1);
    for (n, s) in def.sections.iter().enumerate() {
        if index < before + s.items.len() {
            part = n + 1;
            break;
        }
        before += s.items.len();
    }
    Standing {
        part,
        parts: def.sections.len().max(1),
        percent: index.min(total - 1) * 100 / total,
    }
}

fn next_shown(def: &Definition, answers: &AnswerSet, after: usize) -> Option<usize> {
    let all = items(def);
    (after + 1..all.len()).find(|i| answers::is_shown(all[*i], answers))
}

fn previous_shown(def: &Definition, answers: &AnswerSet, before: usize) -> Option<usize> {
    let all = items(def);
    (0..before)
        .rev()
        .find(|i| answers::is_shown(all[*i], answers))
}

/// `id` of the answer form on a question page.
const QUESTION_FORM: &str = "vraagformulier";
/// `id` of the send form on the summary page.
const SEND_FORM: &str = "verzendformulier";

/// A page of the questionnaire whose header language switch submits the page's form (to `action`)
/// so that nothing typed is lost: the answers are saved as a draft and the same page comes back in
/// the chosen language. Works without JavaScript.
fn answer_page(
    ctx: &Ctx,
    title: &str,
    body: Markup,
    form: &str,
    action: &str,
    default_action: &str,
) -> Markup {
    layout::page_with_language_form(
        ctx,
        title,
        body,
        Some(layout::LanguageForm {
            form,
            action,
            note: t(ctx.lang, "respond-language-keeps"),
            default_action,
        }),
    )
}

/// The question page `step` (with `errors`, if any), its header languages submitting its answers.
fn question_response(
    ctx: &Ctx,
    r: &Respondent,
    step: usize,
    errors: &[(String, ItemProblem)],
    status: StatusCode,
) -> HttpResponse {
    let title = survey_title(&r.opened.definition, ctx.lang);
    page_response(
        status,
        answer_page(
            ctx,
            &title,
            question_markup(ctx, r, step, errors),
            QUESTION_FORM,
            &format!("/v/vraag/{step}"),
            // The form's own first button: send (all on one page) or next.
            if r.opened.definition.one_page {
                "versturen"
            } else {
                "volgende"
            },
        ),
    )
}

fn question_markup(
    ctx: &Ctx,
    r: &Respondent,
    step: usize,
    errors: &[(String, ItemProblem)],
) -> Markup {
    let lang = ctx.lang;
    let def = &r.opened.definition;
    let all = items(def);
    let error_list: Vec<(&str, String)> = errors
        .iter()
        .map(|(k, p)| (k.as_str(), form::problem_text(lang, p)))
        .collect();
    let error_of = |key: &str| errors.iter().find(|(k, _)| k == key).map(|(_, p)| p);
    let one_page = def.one_page;
    let pos = question_number(def, &r.answers, step);
    let at = standing(def, step);
    let section_title = def
        .sections
        .get(at.part - 1)
        .map(|s| text_in(&s.title, lang))
        .unwrap_or("");
    html! {
        (error_summary(ctx, &error_list))
        @if !one_page {
            div.progress {
                p #voortgang {
                    (t_args(lang, "respond-progress-part", &[("n", &at.part.to_string()), ("total", &at.parts.to_string())]))
                    ": " span.section-title { (section_title) }
                }
                div.progress-bar {
                    progress #voortgang-balk max="100" value=(at.percent) aria-labelledby="voortgang" { (at.percent) "%" }
                    span.share aria-hidden="true" { (t_args(lang, "respond-progress-done", &[("percent", &at.percent.to_string())])) }
                }
            }
        }
        form #(QUESTION_FORM) method="post" action={ "/v/vraag/" (step) } novalidate {
            (csrf_field(ctx))
            @if one_page {
                @for s in &def.sections {
                    section {
                        h2 { (text_in(&s.title, lang)) }
                        @for item in &s.items {
                            @let n = all.iter().position(|i| i.key == item.key).unwrap_or(0) + 1;
                            @if let Some(c) = &item.show_if {
                                @let _ = c;
                                p.condition { (t(lang, "respond-condition-note")) }
                            }
                            (form::question(item, n, lang, &r.answers, error_of(&item.key)))
                        }
                    }
                }
                div.buttons {
                    button type="submit" name="actie" value="versturen" { (t(lang, "respond-send")) }
                    button.secondary type="submit" name="actie" value="opslaan" { (t(lang, "respond-save-later")) }
                }
            } @else {
                (form::question(all[step], pos, lang, &r.answers, error_of(&all[step].key)))
                div.buttons {
                    button type="submit" name="actie" value="volgende" { (t(lang, "respond-next")) }
                    button.secondary type="submit" name="actie" value="vorige" { (t(lang, "respond-previous")) }
                }
                p { button.link type="submit" name="actie" value="opslaan" { (t(lang, "respond-save-later")) } }
            }
        }
        script src="/static/voorlezen.js" defer {}
    }
}

async fn question_page(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<usize>,
) -> Result<HttpResponse, AppError> {
    let r = respondent_or_page!(ctx, req, state);
    let def = r.opened.definition.clone();
    let step = path.into_inner();
    let all = items(&def);
    if def.one_page && step != 0 {
        return Ok(see_other("/v/vraag/0"));
    }
    if step >= all.len() {
        return Ok(see_other("/v/overzicht"));
    }
    if !def.one_page && !answers::is_shown(all[step], &r.answers) {
        return Ok(see_other(&match next_shown(&def, &r.answers, step) {
            Some(n) => format!("/v/vraag/{n}"),
            None => "/v/overzicht".into(),
        }));
    }
    Ok(question_response(&ctx, &r, step, &[], StatusCode::OK))
}

/// Fields of the question form besides the answers.
const FORM_FIELDS: &[&str] = &["csrf", "actie"];

async fn question_submit(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<usize>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let mut r = respondent_or_page!(ctx, req, state);
    let def = r.opened.definition.clone();
    let step = path.into_inner();
    let all = items(&def);
    if step >= all.len() || (def.one_page && step != 0) {
        return Err(AppError::NotFound);
    }
    let action = fields
        .iter()
        .find(|(k, _)| k == "actie")
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| "volgende".into());
    let (grouped, unknown) = answers::group_fields(&def, &fields, FORM_FIELDS);
    let on_page: Vec<&Item> = if def.one_page {
        all.clone()
    } else {
        vec![all[step]]
    };
    // A field for a question that is not on this page is a forged or outdated form.
    if !unknown.is_empty() || grouped.keys().any(|k| !on_page.iter().any(|i| i.key == *k)) {
        return Err(AppError::BadRequest("respond-error-forged"));
    }
    let mut problems = answers::apply_posted(&mut r.answers, &on_page, &grouped);
    answers::prune_hidden(&def, &mut r.answers);
    let moving_on = action == "volgende" || action == "versturen";
    if moving_on {
        for key in answers::missing_required(&def, &r.answers) {
            if on_page.iter().any(|i| i.key == key) && !problems.iter().any(|(k, _)| *k == key) {
                problems.push((key, ItemProblem::Required));
            }
        }
    }
    // Whatever was valid is saved even when something else needs fixing: nothing typed is lost.
    let invitation_id = r.opened.invitation_id;
    let to_save = r.answers.clone();
    let next = if problems.is_empty() {
        match action.as_str() {
            "vorige" => previous_shown(&def, &r.answers, step),
            "volgende" => next_shown(&def, &r.answers, step).or(Some(all.len())),
            _ => Some(step),
        }
    } else {
        Some(step)
    };
    let save_step = next.unwrap_or(0).min(all.len()) as i32;
    // Sending stores the answers themselves (and drops the draft) in one transaction; a separate
    // draft write first would only double the work. If sending fails, `send` keeps the draft.
    if !(action == "versturen" && problems.is_empty()) {
        state
            .db(move |conn| {
                Ok(respond::save_draft(
                    conn,
                    invitation_id,
                    &to_save,
                    save_step,
                    today(),
                )?)
            })
            .await?;
    }
    if let Some(code) = action.strip_prefix("taal-") {
        // The header's language buttons post here with `?lang=`, so the context already speaks
        // the chosen language (and the middleware keeps it in the language cookie).
        let lang = Lang::from_code(code).unwrap_or(ctx.lang);
        if !problems.is_empty() {
            // Something typed cannot be saved as it is (too long, not a number): show it again,
            // with what to fix, in the new language, rather than dropping it.
            let mut ctx = ctx;
            ctx.lang = lang;
            r.answers = answers::for_display(&r.answers, &fields, &problems);
            return Ok(question_response(
                &ctx,
                &r,
                step,
                &problems,
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
        return Ok(if lang == ctx.lang {
            see_other(&format!("/v/vraag/{step}"))
        } else {
            see_other(&format!("/v/vraag/{step}?lang={}", lang.code()))
        });
    }
    if !problems.is_empty() && action != "opslaan" {
        r.answers = answers::for_display(&r.answers, &fields, &problems);
        return Ok(question_response(
            &ctx,
            &r,
            step,
            &problems,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    Ok(match action.as_str() {
        "opslaan" => see_other("/v/opgeslagen"),
        "versturen" => {
            return send(ctx, state, r, None).await;
        }
        "vorige" => match next {
            Some(n) => see_other(&format!("/v/vraag/{n}")),
            None => see_other("/v/start"),
        },
        _ => match next {
            Some(n) if n < all.len() => see_other(&format!("/v/vraag/{n}")),
            _ => see_other("/v/overzicht"),
        },
    })
}

fn summary_markup(
    ctx: &Ctx,
    r: &Respondent,
    errors: &[(String, ItemProblem)],
    chosen: &SendForm,
) -> Markup {
    let lang = ctx.lang;
    let def = &r.opened.definition;
    let all = items(def);
    let error_list: Vec<(String, String)> = errors
        .iter()
        .map(|(k, p)| {
            let text = def.item(k).map(|i| text_in(&i.text, lang)).unwrap_or("");
            (
                k.clone(),
                format!("{text}: {}", form::problem_text(lang, p)),
            )
        })
        .collect();
    let refs: Vec<(&str, String)> = error_list
        .iter()
        .map(|(k, m)| (k.as_str(), m.clone()))
        .collect();
    html! {
        (error_summary(ctx, &refs))
        p { (t(lang, "respond-summary-intro")) }
        @for s in &def.sections {
            @let shown: Vec<&Item> = s.items.iter().filter(|i| answers::is_shown(i, &r.answers)).collect();
            @if !shown.is_empty() {
                section {
                    h2 { (text_in(&s.title, lang)) }
                    dl.summary {
                        @for item in shown {
                            @let index = all.iter().position(|i| i.key == item.key).unwrap_or(0);
                            div id=(item.key) {
                                dt { (text_in(&item.text, lang)) }
                                dd { (form::display_answer(item, &r.answers, lang)) }
                                dd.change {
                                    a.tap href={ "/v/vraag/" (if def.one_page { 0 } else { index }) } {
                                        (t(lang, "respond-summary-change")) span.visually-hidden { ": " (text_in(&item.text, lang)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        form #(SEND_FORM) method="post" action="/v/overzicht" {
            (csrf_field(ctx))
            fieldset {
                legend { (t(lang, "respond-help-legend")) }
                div.choice {
                    input #hulp type="checkbox" name="hulp" value="ja" checked[chosen.hulp == "ja"];
                    label for="hulp" { (t(lang, "respond-help-ticked")) }
                }
                div.field {
                    label for="helper" { (t(lang, "respond-helper-label")) }
                    select #helper name="helper" {
                        option value="" { (t(lang, "respond-helper-none")) }
                        @for h in HELPERS {
                            option value=(h) selected[chosen.helper == *h] { (t(lang, &format!("helper-{h}"))) }
                        }
                    }
                }
            }
            button type="submit" { (t(lang, "respond-send")) }
        }
        (privacy_note(lang))
    }
}

async fn summary_page(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let r = respondent_or_page!(ctx, req, state);
    Ok(summary_response(
        &ctx,
        &r,
        &[],
        &SendForm::default(),
        StatusCode::OK,
    ))
}

/// The summary page, its header languages submitting the send form (so the help choices stay).
fn summary_response(
    ctx: &Ctx,
    r: &Respondent,
    errors: &[(String, ItemProblem)],
    chosen: &SendForm,
    status: StatusCode,
) -> HttpResponse {
    page_response(
        status,
        answer_page(
            ctx,
            &t(ctx.lang, "respond-summary-title"),
            summary_markup(ctx, r, errors, chosen),
            SEND_FORM,
            "/v/overzicht",
            "versturen",
        ),
    )
}

/// The send form on the summary page: who helped, if anyone; `actie` is `taal-<code>` from the
/// header's language buttons (and `versturen` from Enter, which sends like the send button).
#[derive(Deserialize, Default)]
struct SendForm {
    #[serde(default)]
    hulp: String,
    #[serde(default)]
    helper: String,
    #[serde(default)]
    actie: String,
}

async fn summary_submit(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<SendForm>,
) -> Result<HttpResponse, AppError> {
    let r = respondent_or_page!(ctx, req, state);
    if form.actie.starts_with("taal-") {
        // A language button in the header: the same summary in the new language, choices kept,
        // nothing sent.
        return Ok(summary_response(&ctx, &r, &[], &form, StatusCode::OK));
    }
    let helper = if form.hulp == "ja" || !form.helper.is_empty() {
        Some(if form.helper.is_empty() {
            "anders".to_string()
        } else {
            form.helper
        })
    } else {
        None
    };
    send(ctx, state, r, helper).await
}

/// Stores the answers; on success the code cookie goes and the thank-you page follows.
async fn send(
    ctx: Ctx,
    state: web::Data<AppState>,
    r: Respondent,
    helper: Option<String>,
) -> Result<HttpResponse, AppError> {
    let meta = Meta {
        channel: if helper.is_some() { "assisted" } else { "web" }.to_string(),
        helper,
        language: ctx.lang.code().to_string(),
    };
    let wave = r.opened.wave.clone();
    let def = r.opened.definition.clone();
    let answers = r.answers.clone();
    let invitation_id = r.opened.invitation_id;
    let result = state
        .db(move |conn| {
            Ok(respond::submit_with_offer(
                conn,
                &wave,
                &def,
                Some(invitation_id),
                &answers,
                &meta,
                today(),
            ))
        })
        .await?;
    match result {
        Ok(offer) => {
            let mut res = see_other("/v/bedankt");
            let secure = state.config.secure_cookies();
            let _ = res.add_cookie(&removal(CODE_COOKIE));
            let _ = res.add_cookie(&path_cookie(OFFER_COOKIE, offer, secure));
            Ok(res)
        }
        Err(RespondError::Invalid(problems)) => {
            let keep = r.answers.clone();
            let step = r.step;
            state
                .db(move |conn| {
                    Ok(respond::save_draft(
                        conn,
                        invitation_id,
                        &keep,
                        step,
                        today(),
                    )?)
                })
                .await?;
            Ok(summary_response(
                &ctx,
                &r,
                &problems,
                &SendForm::default(),
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
        Err(RespondError::Db(e)) => Err(e.into()),
        Err(e) => {
            let mut res = refusal_page(&ctx, "", &e);
            let _ = res.add_cookie(&removal(CODE_COOKIE));
            Ok(res)
        }
    }
}

async fn saved_page(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let r = respondent_or_page!(ctx, req, state);
    let lang = ctx.lang;
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t(lang, "respond-saved-title"),
            html! {
                p { (t(lang, "respond-saved-text")) }
                p.code-display { (t(lang, "respond-saved-code")) " " strong { (codes::format_code(&r.code)) } }
                p { (t_args(lang, "respond-start-closes", &[("date", &date_text(r.opened.wave.closes_on))])) }
                p { a.button href={ "/v/vraag/" (r.step) } { (t(lang, "respond-start-resume")) } }
            },
        ),
    ))
}

async fn thanks_page(ctx: Ctx, req: HttpRequest) -> HttpResponse {
    let lang = ctx.lang;
    let offer = req.cookie(OFFER_COOKIE).is_some();
    page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t(lang, "respond-thanks-title"),
            html! {
                p.lead { (t(lang, "respond-thanks-text")) }
                @if offer {
                    h2 { (t(lang, "volunteer-offer-title")) }
                    p { (t(lang, "volunteer-offer-text")) }
                    p { a.tap href="/v/gesprek" { (t(lang, "volunteer-offer-link")) } }
                }
                p { a.tap href="/" { (t(lang, "error-back-home")) } }
            },
        ),
    )
}

/// The interview offer as filled in.
#[derive(Deserialize, Default)]
struct VolunteerForm {
    #[serde(default)]
    naam: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    taal: String,
    #[serde(default)]
    tijd: String,
}

fn volunteer_markup(
    ctx: &Ctx,
    f: &VolunteerForm,
    errors: &[(&str, String)],
    closes_on: chrono::NaiveDate,
) -> Markup {
    let lang = ctx.lang;
    let err = |k: &str| layout::error_for(errors, k);
    html! {
        (error_summary(ctx, errors))
        p { (t(lang, "volunteer-intro")) }
        p { (t_args(lang, "volunteer-when", &[("date", &date_text(closes_on))])) }
        form method="post" action="/v/gesprek" novalidate {
            (csrf_field(ctx))
            (layout::text_field("naam", &t(lang, "volunteer-name"), "text", &f.naam, None, err("naam"), "name"))
            (layout::text_field("contact", &t(lang, "volunteer-contact"), "text", &f.contact, Some(&t(lang, "volunteer-contact-hint")), err("contact"), "tel"))
            div.field {
                label for="taal" { (t(lang, "volunteer-language")) }
                select #taal name="taal" {
                    @for l in Lang::ALL {
                        option value=(l.code()) selected[l == lang] { (l.native_name()) }
                    }
                }
            }
            (layout::text_field("tijd", &t(lang, "volunteer-time"), "text", &f.tijd, Some(&t(lang, "volunteer-time-hint")), err("tijd"), "off"))
            button type="submit" { (t(lang, "volunteer-submit")) }
        }
    }
}

/// The page shown instead of the interview form when the offer cannot be used.
fn offer_refused(ctx: &Ctx, e: &OfferError) -> HttpResponse {
    let lang = ctx.lang;
    let status = match e {
        // As for an unknown code: there is no such offer (403 is kept for what a role may not do).
        OfferError::Unknown => StatusCode::NOT_FOUND,
        OfferError::Used => StatusCode::CONFLICT,
        OfferError::Closed => StatusCode::GONE,
        OfferError::Db(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let mut res = page_response(
        status,
        layout::page(
            ctx,
            &t(lang, "volunteer-refused-title"),
            html! {
                p.lead { (t(lang, e.message_key())) }
                p { a.tap href="/v" { (t(lang, "volunteer-refused-to-code")) } }
                p { a.tap href="/" { (t(lang, "error-back-home")) } }
            },
        ),
    );
    // A used, made-up or expired offer is of no further use to the browser.
    let _ = res.add_cookie(&removal(OFFER_COOKIE));
    res
}

/// The page for an address that has had too many refused sign-ups.
fn too_many_tries(ctx: &Ctx) -> HttpResponse {
    let lang = ctx.lang;
    let mut res = page_response(
        StatusCode::TOO_MANY_REQUESTS,
        layout::page(
            ctx,
            &t(lang, "volunteer-refused-title"),
            html! {
                p.lead { (t(lang, "volunteer-refused-too-many")) }
                p { a.tap href="/" { (t(lang, "error-back-home")) } }
            },
        ),
    );
    res.headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from_static("600"));
    res
}

fn offer_token(req: &HttpRequest) -> Option<String> {
    req.cookie(OFFER_COOKIE)
        .map(|c| c.value().to_string())
        .filter(|v| !v.is_empty())
}

async fn volunteer_page(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let checked = match offer_token(&req) {
        None => Err(OfferError::Unknown),
        Some(token) => {
            state
                .db(move |conn| Ok(volunteers::open_offer(conn, &token, today())))
                .await?
        }
    };
    match checked {
        Ok(offer) => Ok(page_response(
            StatusCode::OK,
            layout::page(
                &ctx,
                &t(ctx.lang, "volunteer-title"),
                volunteer_markup(&ctx, &VolunteerForm::default(), &[], offer.closes_on),
            ),
        )),
        Err(OfferError::Db(e)) => Err(e.into()),
        Err(e) => Ok(offer_refused(&ctx, &e)),
    }
}

async fn volunteer_submit(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<VolunteerForm>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let token = offer_token(&req);
    let mut errors: Vec<(&str, String)> = vec![];
    let len = |s: &str| s.trim().chars().count();
    if len(&form.naam) == 0 || len(&form.naam) > 100 {
        errors.push(("naam", t(lang, "volunteer-error-name")));
    }
    if len(&form.contact) < 6 || len(&form.contact) > 200 {
        errors.push(("contact", t(lang, "volunteer-error-contact")));
    }
    if len(&form.tijd) > 200 {
        errors.push(("tijd", t(lang, "volunteer-error-time")));
    }
    let language = Lang::from_code(&form.taal)
        .unwrap_or(lang)
        .code()
        .to_string();
    let volunteer = NewVolunteer {
        name: form.naam.trim().to_string(),
        contact: form.contact.trim().to_string(),
        language,
        best_time: form.tijd.trim().to_string(),
    };
    let valid = errors.is_empty();
    let address = crate::accounts::routes::address_bucket(&req, &state);
    // The offer is checked first, so that nobody without one learns anything from the form; it is
    // only used up when everything is right, so that a typing mistake loses nothing.
    let outcome = state
        .db(move |conn| {
            let today = today();
            let result = match &token {
                None => Err(OfferError::Unknown),
                Some(token) if valid => {
                    volunteers::sign_up(conn, token, &volunteer, today).map(|_| None)
                }
                Some(token) => volunteers::open_offer(conn, token, today).map(Some),
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
        Err((_, false)) => Ok(too_many_tries(&ctx)),
        Err((e, true)) => Ok(offer_refused(&ctx, &e)),
        Ok(Some(offer)) => Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            layout::page(
                &ctx,
                &t(lang, "volunteer-title"),
                volunteer_markup(&ctx, &form, &errors, offer.closes_on),
            ),
        )),
        Ok(None) => {
            let mut res = page_response(
                StatusCode::OK,
                layout::page(
                    &ctx,
                    &t(lang, "volunteer-done-title"),
                    html! {
                        p { (t(lang, "volunteer-done-text")) }
                        p { a.tap href="/" { (t(lang, "error-back-home")) } }
                    },
                ),
            );
            // One offer per answer set.
            let _ = res.add_cookie(&removal(OFFER_COOKIE));
            Ok(res)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::answers::Stored;

    fn standard() -> Definition {
        crate::surveys::shipped().unwrap().remove(0)
    }

    #[test]
    fn standing_only_grows_going_forward_and_its_totals_never_move() {
        let def = standard();
        let n = def.items().count();
        let all: Vec<Standing> = (0..n).map(|i| standing(&def, i)).collect();
        assert!(all.iter().all(|s| s.parts == def.sections.len()));
        assert_eq!(all[0].part, 1);
        assert_eq!(all[0].percent, 0);
        assert_eq!(all[n - 1].part, def.sections.len());
        assert!(all[n - 1].percent < 100, "never done before sending");
        for w in all.windows(2) {
            assert!(w[0].part <= w[1].part, "{w:?}");
            assert!(w[0].percent <= w[1].percent, "{w:?}");
        }
        // The part is the section the question is in.
        for (i, item) in def.items().enumerate() {
            let s = &def.sections[all[i].part - 1];
            assert!(s.items.iter().any(|x| x.key == item.key), "{}", item.key);
        }
    }

    #[test]
    fn follow_up_questions_opening_do_not_change_a_seen_question_number() {
        let def = standard();
        let all = items(&def);
        let opener = all.iter().position(|i| i.key == "terugvordering").unwrap();
        let mut answers = AnswerSet::new();
        let before: Vec<usize> = (0..=opener)
            .map(|i| question_number(&def, &answers, i))
            .collect();
        answers.insert("terugvordering".into(), Stored::Text("ja".into()));
        let after: Vec<usize> = (0..=opener)
            .map(|i| question_number(&def, &answers, i))
            .collect();
        assert_eq!(before, after);
        // The question after the block now comes later, as the block is shown.
        let next = opener + 5;
        assert!(
            question_number(&def, &answers, next) > question_number(&def, &AnswerSet::new(), next)
        );
    }
}
