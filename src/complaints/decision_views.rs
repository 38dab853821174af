//! The markup of the reasoned decision's pages: the draft form (per part findings, judgement,
//! norms and reasoning; conclusions and measures for the whole) and the preview of the outcome
//! letter with the forms to edit and send it.

use maud::{html, Markup};

use super::access;
use super::case_views::{judgement_options, norm_choices, radios, FormValues, Refill};
use super::decision::{self, Decision, Part};
use super::decision_pages::MAX_TEXT;
use super::store;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self, csrf_field, error_summary};

/// What the draft and preview pages show.
pub(super) struct Loaded {
    /// The case.
    pub complaint: super::model::Complaint,
    /// What access needs to know of the case.
    pub subject: access::Case,
    /// The parts of the complaint, with what was decided on each.
    pub parts: Vec<Part>,
    /// The decision as a whole (draft, and what was sent).
    pub decision: Decision,
    /// The outcome letter as it would go out now.
    pub letter: super::letters::service::LetterFacts,
}

/// The draft page: the form with what is stored, or as typed (`refill`) with what to fix.
pub(super) fn draft_page(
    ctx: &Ctx,
    l: &Loaded,
    errors: &[(&str, String)],
    refill: Option<&Refill>,
) -> Markup {
    layout::page(ctx, &title(ctx, l), draft_markup(ctx, l, errors, refill))
}

/// The preview page of the outcome letter, with a problem to fix if there is one.
pub(super) fn preview_page(ctx: &Ctx, l: &Loaded, may_send: bool, error: Option<&str>) -> Markup {
    layout::page(ctx, &title(ctx, l), preview_markup(ctx, l, may_send, error))
}

/// The pages' title: the decision on this case.
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

/// The preview: the letter exactly as it will go out, and (when `may_send`) the form to edit it
/// and the send button.
fn preview_markup(ctx: &Ctx, l: &Loaded, may_send: bool, error: Option<&str>) -> Markup {
    let lang = ctx.lang;
    let base = format!("/klachten/{}", l.complaint.id);
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
