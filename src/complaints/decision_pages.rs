//! The pages of the reasoned decision: the draft (per part findings, judgement, norms and
//! reasoning; conclusions and measures for the whole), the preview of the outcome letter exactly as
//! it will go out, editing that letter, and sending it.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use maud::{html, Markup};

use super::access::{self, CaseAction};
use super::case_pages::{all, change, gate_or_refuse, one};
use super::case_views::{judgement_options, norm_choices, radios, FormValues, Refill};
use super::commands::{Command, LetterText, Step};
use super::decision::{self, Decision, Draft, Part, PartDraft};
use super::model::Norms;
use super::staff::user;
use super::store::{self, StepError};
use super::terms::Judgement;
use crate::accounts::model::CurrentUser;
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self, csrf_field, error_summary};
use crate::web::{see_other, AppState};

/// The longest text a decision field takes.
pub const MAX_TEXT: usize = 10_000;

/// What the draft and preview pages show.
struct Loaded {
    complaint: super::model::Complaint,
    subject: access::Case,
    parts: Vec<Part>,
    decision: Decision,
    letter: super::letters::service::LetterFacts,
}

async fn load(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    action: CaseAction,
) -> Result<(Loaded, CurrentUser), AppError> {
    let u = user(ctx)?;
    let u2 = u.clone();
    let setup = state.part::<crate::complaints::Setup>()?;
    let loaded = state
        .db(move |conn| {
            let (complaint, subject) = gate_or_refuse(conn, id, &u2, action)?;
            let env = setup.env();
            Ok(Loaded {
                parts: decision::parts(conn, id)?,
                decision: decision::decision(conn, id)?,
                letter: decision::outcome_facts(conn, &env, &complaint)?,
                complaint,
                subject,
            })
        })
        .await?;
    Ok((loaded, u))
}

fn title(ctx: &Ctx, l: &Loaded) -> String {
    t_args(
        ctx.lang,
        "decision-title",
        &[("case", &store::case_number(&l.complaint))],
    )
}

/// The draft form.
fn draft_markup(
    ctx: &Ctx,
    l: &Loaded,
    errors: &[(&str, String)],
    refill: Option<&Refill>,
) -> Markup {
    let lang = ctx.lang;
    let base = format!("/klachten/{}", l.complaint.id);
    let v = FormValues::of("beslissing", refill);
    html! {
        (error_summary(ctx, errors))
        p { (t(lang, "decision-intro")) }
        @if l.parts.is_empty() { p { (t(lang, "decision-no-parts")) } }
        form #beslissing method="post" action={ (base) "/beslissing" } novalidate {
            (csrf_field(ctx))
            @for (n, p) in l.parts.iter().enumerate() {
                @let stored = p.norms.codes();
                @let norm_name = format!("norm-{}", p.id);
                fieldset.element #{ "deel-" (p.id) } {
                    legend { (t_args(lang, "case-element", &[("n", &(n + 1).to_string())])) ": " (p.description) }
                    (layout::text_area(&format!("bevindingen-{}", p.id), &t(lang, "decision-findings"), &v.one(&format!("bevindingen-{}", p.id), p.findings.as_deref().unwrap_or("")), None, layout::error_for(errors, &format!("bevindingen-{}", p.id)), MAX_TEXT, 4))
                    fieldset #{ "oordeel-" (p.id) } {
                        legend { (t(lang, "decision-judgement")) }
                        (radios(&format!("oordeel-{}", p.id), &format!("oordeel-{}", p.id), &judgement_options(lang), &|j| v.chosen(&format!("oordeel-{}", p.id), j, p.judgement.is_some_and(|pj| pj.code() == j))))
                    }
                    (norm_choices(lang, &norm_name, "case-norms-violated", &|nm| v.chosen(&norm_name, nm, stored.contains(&nm))))
                    (layout::text_area(&format!("motivering-{}", p.id), &t(lang, "decision-reasoning"), &v.one(&format!("motivering-{}", p.id), p.reasoning.as_deref().unwrap_or("")), None, layout::error_for(errors, &format!("motivering-{}", p.id)), MAX_TEXT, 4))
                }
            }
            (layout::text_area("conclusies", &t(lang, "decision-conclusions"), &v.one("conclusies", l.decision.conclusions.as_deref().unwrap_or("")), None, layout::error_for(errors, "conclusies"), MAX_TEXT, 4))
            (layout::text_area("maatregelen", &t(lang, "decision-measures"), &v.one("maatregelen", l.decision.measures.as_deref().unwrap_or("")), Some(&t(lang, "decision-measures-hint")), layout::error_for(errors, "maatregelen"), MAX_TEXT, 3))
            button type="submit" { (t(lang, "decision-save-preview")) }
        }
        p { a.tap href=(base) { (t(lang, "confirm-back")) } }
    }
}

/// GET: the draft decision.
pub(super) async fn draft_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (l, _) = load(&ctx, &state, path.into_inner(), CaseAction::JudgeElement).await?;
    Ok(page_response(
        StatusCode::OK,
        layout::page(&ctx, &title(&ctx, &l), draft_markup(&ctx, &l, &[], None)),
    ))
}

/// The draft from the form; (field, message) for what to fix.
fn parse_draft(
    ctx: &Ctx,
    parts: &[Part],
    fields: &[(String, String)],
) -> (Draft, Vec<(&'static str, String)>, Vec<String>) {
    let mut errors: Vec<(&'static str, String)> = vec![];
    let mut anchors = vec![];
    let too_long = |v: &str| v.chars().count() > MAX_TEXT;
    let mut draft = Draft {
        conclusions: one(fields, "conclusies"),
        measures: one(fields, "maatregelen"),
        parts: vec![],
    };
    for p in parts {
        let code = one(fields, &format!("oordeel-{}", p.id));
        let judgement = Judgement::parse(&code);
        if !code.is_empty() && judgement.is_none() {
            anchors.push(format!("oordeel-{}", p.id));
        }
        let pd = PartDraft {
            id: p.id,
            findings: one(fields, &format!("bevindingen-{}", p.id)),
            judgement,
            norms: Norms::chosen(&all(fields, &format!("norm-{}", p.id))),
            reasoning: one(fields, &format!("motivering-{}", p.id)),
        };
        if too_long(&pd.findings) || too_long(&pd.reasoning) {
            anchors.push(format!("deel-{}", p.id));
        }
        draft.parts.push(pd);
    }
    if too_long(&draft.conclusions) || too_long(&draft.measures) {
        errors.push((
            "beslissing",
            t_args(
                ctx.lang,
                "decision-error-long",
                &[("max", &MAX_TEXT.to_string())],
            ),
        ));
    }
    if !anchors.is_empty() {
        errors.push((
            "beslissing",
            t_args(
                ctx.lang,
                "decision-error-long",
                &[("max", &MAX_TEXT.to_string())],
            ),
        ));
    }
    (draft, errors, anchors)
}

/// POST: stores the draft and shows the letter it makes.
pub(super) async fn draft_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (l, _) = load(&ctx, &state, id, CaseAction::JudgeElement).await?;
    let (draft, errors, _) = parse_draft(&ctx, &l.parts, &fields);
    if !errors.is_empty() {
        let refill = Refill::new("beslissing", &fields);
        return Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            layout::page(
                &ctx,
                &title(&ctx, &l),
                draft_markup(&ctx, &l, &errors, Some(&refill)),
            ),
        ));
    }
    let r = change(
        ctx,
        state,
        id,
        CaseAction::JudgeElement,
        "case-notice-decision",
        Some(Refill::new("beslissing", &fields)),
        move |conn, _, u, _| decision::save_draft(conn, id, u.id, &draft),
    )
    .await?;
    if r.status() == StatusCode::SEE_OTHER {
        return Ok(see_other(&format!("/klachten/{id}/beslissing/brief")));
    }
    Ok(r)
}

/// The preview: the letter exactly as it will go out, the form to edit it, and the send button.
fn preview_markup(ctx: &Ctx, l: &Loaded, u: &CurrentUser, error: Option<&str>) -> Markup {
    let lang = ctx.lang;
    let base = format!("/klachten/{}", l.complaint.id);
    let may_send = access::may(
        u,
        CaseAction::Step(super::workflow::Action::Decide),
        &l.subject,
    );
    let errors: Vec<(&str, String)> = error
        .map(|e| ("brief", e.to_string()))
        .into_iter()
        .collect();
    html! {
        (error_summary(ctx, &errors))
        @if let (Some(at), Some(body)) = (l.decision.sent_at, &l.decision.sent_body) {
            p { (t_args(lang, "decision-sent-on", &[("date", &layout::local_time(at))])) }
            article.letter lang="nl" {
                p { strong { (l.decision.sent_subject.as_deref().unwrap_or("")) } }
                pre.letter-text { (body) }
            }
        } @else {
            @let facts = &l.letter;
            @let letter = super::templates::Letter { subject: facts.subject.clone(), body: facts.body.clone() };
            p { (t(lang, "decision-preview-intro")) }
            p { a.tap href={ (base) "/beslissing/brief/pdf" } { (t(lang, "decision-preview-pdf")) } }
            article.letter #brief lang=(facts.lang.code()) {
                p.letter-sender { @for line in std::iter::once(&facts.municipality).chain(facts.sender.iter()) { (line) br; } }
                p.letter-to { @for line in std::iter::once(&facts.to_name).chain(facts.to_address.iter()) { (line) br; } }
                dl.letter-reference {
                    @for (label, value) in facts.reference_lines() { dt { (label) } dd { (value) } }
                }
                p { strong.letter-subject { (letter.subject) } }
                pre.letter-text { (letter.body) }
                p.letter-signature { @for line in facts.signature_lines() { (line) br; } }
            }
            @if may_send {
                form #verzenden method="post" action={ (base) "/beslissing/versturen" } {
                    (csrf_field(ctx))
                    input type="hidden" name="versie" value=(decision::version(&letter));
                    button type="submit" { (t(lang, "decision-send")) }
                }
                details {
                    summary { (t(lang, "decision-edit")) }
                    form #brief-bewerken method="post" action={ (base) "/beslissing/brief" } {
                        (csrf_field(ctx))
                        (layout::text_field("onderwerp", &t(lang, "decision-subject"), "text", &letter.subject, None, None, "off"))
                        (layout::text_area("tekst", &t(lang, "decision-letter"), &letter.body, Some(&t(lang, "decision-letter-hint")), None, 50_000, 20))
                        button.secondary type="submit" { (t(lang, "decision-letter-save")) }
                    }
                }
            }
        }
        p { a.tap href={ (base) "/beslissing" } { (t(lang, "decision-back-to-draft")) } }
        p { a.tap href=(base) { (t(lang, "confirm-back")) } }
    }
}

/// GET: the preview of the outcome letter.
pub(super) async fn preview_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (l, u) = load(&ctx, &state, path.into_inner(), CaseAction::View).await?;
    Ok(page_response(
        StatusCode::OK,
        layout::page(&ctx, &title(&ctx, &l), preview_markup(&ctx, &l, &u, None)),
    ))
}

/// GET: the outcome letter as PDF, exactly as it would go out now (nothing is stored or sent).
pub(super) async fn preview_pdf(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let u = user(&ctx)?;
    let setup = state.part::<crate::complaints::Setup>()?;
    let (name, pdf) = state
        .db(move |conn| {
            let (complaint, _) = gate_or_refuse(conn, id, &u, CaseAction::View)?;
            let env = setup.env();
            let facts = decision::outcome_facts(conn, &env, &complaint)?;
            let r = super::letters::service::render(conn, &facts)
                .map_err(|e| AppError::Internal(e.into()))?;
            Ok((facts.file_name(), r.pdf))
        })
        .await?;
    Ok(super::letters::routes::pdf_response(&name, pdf))
}

/// POST: the letter as the handler edited it.
pub(super) async fn letter_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let letter = LetterText {
        subject: one(&fields, "onderwerp"),
        // The text as typed, only with the browser's line ends made plain.
        body: fields
            .iter()
            .find(|(k, _)| k == "tekst")
            .map(|(_, v)| v.replace("\r\n", "\n"))
            .unwrap_or_default(),
    };
    if letter.subject.is_empty() || letter.body.trim().is_empty() {
        let (l, u) = load(&ctx, &state, id, CaseAction::View).await?;
        return Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            layout::page(
                &ctx,
                &title(&ctx, &l),
                preview_markup(
                    &ctx,
                    &l,
                    &u,
                    Some(&t(ctx.lang, "decision-error-empty-letter")),
                ),
            ),
        ));
    }
    let r = change(
        ctx,
        state,
        id,
        CaseAction::Step(super::workflow::Action::Decide),
        "case-notice-decision",
        None,
        move |conn, _, u, _| decision::save_letter(conn, id, u.id, &letter),
    )
    .await?;
    if r.status() == StatusCode::SEE_OTHER {
        return Ok(see_other(&format!("/klachten/{id}/beslissing/brief")));
    }
    Ok(r)
}

/// POST: sends the letter that was previewed (the form carries its version) and takes the
/// decision step.
pub(super) async fn send_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let seen = one(&fields, "versie");
    change(
        ctx,
        state,
        id,
        CaseAction::Step(super::workflow::Action::Decide),
        "case-notice-step",
        None,
        move |conn, env, u, subject| {
            let complaint = store::load(conn, id)?;
            let letter = decision::letter_to_send(conn, env, &complaint)?;
            if decision::version(&letter) != seen {
                return Err(StepError::LetterChanged);
            }
            let letter = Some(LetterText {
                subject: letter.subject,
                body: letter.body,
            });
            let command = Command {
                step: Step::Decide { letter },
                reason: None,
            };
            super::steps::take(
                conn,
                env,
                id,
                &command,
                store::By {
                    id: u.id,
                    roles: &access::roles_for(u, subject),
                },
                crate::fmt::today(),
            )
            .map(|_| ())
        },
    )
    .await
}
