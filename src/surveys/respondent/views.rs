//! The respondent's pages: the code page, the start, a question page, the summary, "opgeslagen"
//! and the thank-you page. Rendering only; the handlers in `routes` decide which one.

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use maud::{html, Markup};

use super::routes::SendForm;
use super::service::Respondent;
use super::steps::{items, question_number, standing};
use crate::codes;
use crate::surveys::answers::{self, text_in, ItemProblem};
use crate::surveys::definition::{Definition, Item};
use crate::surveys::form;
use crate::surveys::respond::{RespondError, HELPERS};
use crate::web::context::Ctx;
use crate::web::errors::page_response;
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout::{self, csrf_field, error_summary};

use crate::fmt::date_text;

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

pub(super) fn code_form(
    ctx: &Ctx,
    value: &str,
    error: Option<&str>,
    status: StatusCode,
) -> HttpResponse {
    code_page_with(ctx, value, error, None, status)
}

/// The code page after a code that cannot be answered. Only an unknown code can be a typing
/// mistake (it goes in the error summary, beside the field); a used code, or a questionnaire that
/// is not open, is no mistake in what was typed: it gets its own message above the form.
pub(super) fn refusal_page(ctx: &Ctx, typed: &str, e: &RespondError) -> HttpResponse {
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

pub(super) fn code_page_with(
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

/// Title of the questionnaire in the visitor's language.
fn survey_title(def: &Definition, lang: Lang) -> String {
    text_in(&def.title, lang).to_string()
}

/// The start page: what the questionnaire is about, until when, and the button to begin or resume.
pub(super) fn start_page(ctx: &Ctx, r: &Respondent) -> HttpResponse {
    let lang = ctx.lang;
    let def = &r.opened.definition;
    let resume = !r.answers.is_empty();
    page_response(
        StatusCode::OK,
        layout::page(
            ctx,
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
    )
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
pub(super) fn question_response(
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

/// The summary page, its header languages submitting the send form (so the help choices stay).
pub(super) fn summary_response(
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

/// "Opgeslagen": the code to come back with, and until when.
pub(super) fn saved_page(ctx: &Ctx, r: &Respondent) -> HttpResponse {
    let lang = ctx.lang;
    page_response(
        StatusCode::OK,
        layout::page(
            ctx,
            &t(lang, "respond-saved-title"),
            html! {
                p { (t(lang, "respond-saved-text")) }
                p.code-display { (t(lang, "respond-saved-code")) " " strong { (codes::format_code(&r.code)) } }
                p { (t_args(lang, "respond-start-closes", &[("date", &date_text(r.opened.wave.closes_on))])) }
                p { a.button href={ "/v/vraag/" (r.step) } { (t(lang, "respond-start-resume")) } }
            },
        ),
    )
}

/// The thank-you page, with the interview offer when the browser holds one.
pub(super) fn thanks_page(ctx: &Ctx, offer: bool) -> HttpResponse {
    let lang = ctx.lang;
    page_response(
        StatusCode::OK,
        layout::page(
            ctx,
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
