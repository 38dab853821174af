//! The secondary parts of the case page: the complaint itself with its files, the hearing, and the
//! forms that are not a workflow step (classification, mediation notes, the parts of the
//! complaint, consent to a later decision, follow-up actions), each behind a disclosure that opens
//! when it is where the work is, or when its form was refused.

use maud::{html, Markup};

use super::access::{self, CaseAction};
use super::case_views::{
    judgement_options, kind_options, norm_choices, radios, FormValues, Refill,
};
use super::lists_views::urgency_badge;
use super::queries::CaseView;
use super::workflow::State;
use crate::accounts::model::CurrentUser;
use crate::fmt::date_text;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self, csrf_field};

/// A file size people read: bytes, kB or MB with a decimal comma.
pub fn file_size(bytes: i64) -> String {
    let b = bytes.max(0) as f64;
    let text = if bytes < 1024 {
        format!("{} bytes", bytes.max(0))
    } else if b < 1024.0 * 1024.0 {
        format!("{:.1} kB", b / 1024.0)
    } else {
        format!("{:.1} MB", b / (1024.0 * 1024.0))
    };
    text.replace('.', ",")
}

/// Everything below the steps, before the history.
pub fn sections(ctx: &Ctx, k: &CaseView, u: &CurrentUser, refill: Option<&Refill>) -> Markup {
    let lang = ctx.lang;
    let c = &k.c;
    let state = c.state;
    let today = crate::fmt::today();
    let may = |a: CaseAction| access::may(u, a, &k.subject);
    let base = format!("/klachten/{}", c.id);
    let refused = |form: &str| refill.is_some_and(|r| r.form() == form);
    html! {
        h2 { (t(lang, "case-complaint")) }
        dl.case {
            dt { (t(lang, "case-received")) } dd { (date_text(c.received_on)) " · " (t(lang, &format!("channel-complaint-{}", c.channel))) @if let Some(v) = &c.via_person { " (" (v) ")" } }
            @if c.anonymous { dt { (t(lang, "case-contact")) } dd { (t(lang, "case-anonymous")) } }
            @else {
                dt { (t(lang, "case-contact")) }
                dd { @for v in [&c.name, &c.email, &c.phone, &c.address].into_iter().flatten() { (v) br; } }
            }
            dt { (t(lang, "case-description")) } dd.pre { (c.description) }
            @if let Some(w) = &c.wish { dt { (t(lang, "case-wish")) } dd.pre { (w) } }
            dt { (t(lang, "case-attachments")) }
            dd {
                @if !k.attachments.is_empty() {
                    ul { @for a in &k.attachments { li { a href={ (base) "/bijlagen/" (a.id) } { (a.file_name) } " (" (file_size(a.size)) ")" } } }
                }
                @if may(CaseAction::AddDocument) {
                    details {
                        summary { (t(lang, "case-document-add")) }
                        form.document method="post" action={ (base) "/bijlagen" } enctype="multipart/form-data" {
                            (csrf_field(ctx))
                            div.field {
                                label for="stuk" { (t(lang, "case-document-add")) }
                                p.hint #stuk-hint { (t(lang, "case-document-hint")) }
                                input #stuk type="file" name="stuk" aria-describedby="stuk-hint" accept=".pdf,.jpg,.jpeg,.png,.txt,.doc,.docx,.odt";
                            }
                            button.secondary type="submit" { (t(lang, "case-document-button")) }
                        }
                    }
                }
            }
            @if k.letters > 0 && may(CaseAction::MarkLetterPosted) {
                dt { (t(lang, "case-letters")) }
                dd { a href="/klachten/brieven" { (t(lang, "cases-letters")) } }
            }
        }

        @if !k.hearings.is_empty() {
            h2 { (t(lang, "case-hearing")) }
            @for h in &k.hearings {
                @if let Some(g) = &h.skipped_ground { p { (t(lang, "case-hearing-skipped")) ": " (t(lang, &format!("ground-{g}"))) } }
                @else {
                    p { (date_text(h.planned_at.date())) " " (h.planned_at.format("%H:%M")) " · " (t(lang, &format!("hearing-mode-{}", h.mode))) " · " (h.place) }
                    p { (t(lang, "step-hearing-invitees")) ": " (h.invitees) @if let Some(s) = h.invitations_sent_on { " · " (t_args(lang, "case-hearing-invited", &[("date", &date_text(s))])) } }
                    @if h.held { @if let Some(m) = &h.minutes { p.pre { (m) } } }
                }
            }
        }

        @if may(CaseAction::RecordMediation) {
            @let v = FormValues::of("bemiddeling", refill);
            details open[state == State::Mediation || v.refused()] {
                summary { (t(lang, "case-mediation")) }
                form #bemiddeling method="post" action={ (base) "/bemiddeling" } {
                    (csrf_field(ctx))
                    (layout::text_field("contact", &t(lang, "case-mediation-contact"), "date", &v.one("contact", &k.p.mediation_contact_on.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()), None, None, "off"))
                    (layout::text_area("terugkoppeling", &t(lang, "case-mediation-feedback"), &v.one("terugkoppeling", k.p.mediation_feedback.as_deref().unwrap_or("")), Some(&t(lang, "case-mediation-feedback-hint")), None, 5000, 5))
                    fieldset {
                        legend { (t(lang, "case-mediation-satisfied")) }
                        span.choice { input #tevreden type="radio" name="tevreden" value="ja" checked[v.chosen("tevreden", "ja", k.p.complainant_satisfied == Some(true))]; label for="tevreden" { (t(lang, "yes")) } }
                        span.choice { input #tevreden-nee type="radio" name="tevreden" value="nee" checked[v.chosen("tevreden", "nee", k.p.complainant_satisfied == Some(false))]; label for="tevreden-nee" { (t(lang, "no")) } }
                        span.choice { input #tevreden-onbekend type="radio" name="tevreden" value="" checked[v.chosen("tevreden", "", k.p.complainant_satisfied.is_none())]; label for="tevreden-onbekend" { (t(lang, "unknown")) } }
                    }
                    button type="submit" { (t(lang, "case-save")) }
                }
            }
        }

        @if crate::complaints::access::is_formal(state) || !k.parts.is_empty() {
            @let open = refill.is_some_and(|r| r.form().starts_with("onderdeel"));
            details open[open || matches!(state, State::Heard | State::Advised)] {
                summary { (t(lang, "case-elements")) }
                @if may(CaseAction::JudgeElement) && !k.parts.is_empty() {
                    p { a href={ (base) "/beslissing" } { (t(lang, "decision-open")) } }
                }
                @for (n, p) in k.parts.iter().enumerate() {
                    section.element {
                        h3 { (t_args(lang, "case-element", &[("n", &(n + 1).to_string())])) }
                        p.pre { (p.description) }
                        @if let Some(j) = p.judgement {
                            p { strong { (t(lang, &format!("judgement-{j}"))) } @if let Some(con) = &p.conclusion { " – " (con) } }
                            @let ns = p.norms.codes();
                            @if !ns.is_empty() { p { (t(lang, "case-norms-violated")) ": " @for (i, nm) in ns.iter().enumerate() { @if i > 0 { ", " } (t(lang, &format!("norm-{nm}"))) } } }
                        }
                        @if may(CaseAction::JudgeElement) {
                            @let form = format!("onderdeel-{}", p.id);
                            @let v = FormValues::of(&form, refill);
                            @let stored = p.norms.codes();
                            @let norm_name = format!("norm-{}", p.id);
                            form id=(form) method="post" action={ (base) "/onderdelen/" (p.id) } {
                                (csrf_field(ctx))
                                fieldset {
                                    legend { (t_args(lang, "case-judge", &[("n", &(n + 1).to_string())])) }
                                    (radios(&format!("oordeel-{}", p.id), "oordeel", &judgement_options(lang), &|j| v.chosen("oordeel", j, p.judgement.is_some_and(|pj| pj.code() == j))))
                                }
                                (norm_choices(lang, &norm_name, "case-norms-violated", &|nm| v.chosen(&norm_name, nm, stored.contains(&nm))))
                                div.field { label for={ "conclusie-" (p.id) } { (t(lang, "case-conclusion")) } textarea id={ "conclusie-" (p.id) } name="conclusie" rows="3" { (v.one("conclusie", p.conclusion.as_deref().unwrap_or(""))) } }
                                button.secondary type="submit" { (t(lang, "case-save")) }
                            }
                        }
                    }
                }
                @if may(CaseAction::AddElement) {
                    @let v = FormValues::of("onderdeel-nieuw", refill);
                    form #onderdeel-nieuw method="post" action={ (base) "/onderdelen" } {
                        (csrf_field(ctx))
                        (layout::text_area("onderdeel", &t(lang, "case-element-new"), &v.one("onderdeel", ""), Some(&t(lang, "case-element-hint")), None, 2000, 2))
                        button.secondary type="submit" { (t(lang, "case-element-add")) }
                    }
                }
            }
        }

        @if may(CaseAction::Classify) {
            @let v = FormValues::of("indeling", refill);
            @let stored_norms = c.norms.codes();
            details open[refused("indeling") || (state == State::Received && c.handler_id.is_none())] {
                summary { (t(lang, "case-classification")) }
                form #indeling method="post" action={ (base) "/indeling" } {
                    (csrf_field(ctx))
                    fieldset {
                        legend { (t(lang, "case-kind")) }
                        (radios("soort", "soort", &kind_options(lang), &|kd| v.chosen("soort", kd, c.kind.code() == kd)))
                    }
                    div.choice { input #besluit type="checkbox" name="besluit" value="ja" checked[v.chosen("besluit", "ja", c.about_decision)]; label for="besluit" { (t(lang, "case-about-decision")) } }
                    div.choice { input #commissie type="checkbox" name="commissie" value="ja" checked[v.chosen("commissie", "ja", c.committee)]; label for="commissie" { (t(lang, "case-committee")) } }
                    (layout::text_field("team", &t(lang, "case-team"), "text", &v.one("team", c.team.as_deref().unwrap_or("")), None, None, "off"))
                    (layout::text_field("medewerker", &t(lang, "case-person"), "text", &v.one("medewerker", c.person_complained.as_deref().unwrap_or("")), Some(&t(lang, "case-person-hint")), None, "off"))
                    div.field {
                        label for="behandelaar" { (t(lang, "case-handler")) }
                        @let chosen = v.one("behandelaar", &c.handler_id.map(|h| h.to_string()).unwrap_or_default());
                        select #behandelaar name="behandelaar" {
                            option value="" { (t(lang, "case-handler-none")) }
                            @for (hid, name) in &k.handlers { option value=(hid) selected[chosen == hid.to_string()] { (name) } }
                        }
                    }
                    fieldset {
                        legend { (t(lang, "case-categories")) }
                        @for cat in &k.categories {
                            div.choice { input id={ "cat-" (cat.id) } type="checkbox" name="categorie" value=(cat.id) checked[v.chosen("categorie", &cat.id.to_string(), cat.chosen)]; label for={ "cat-" (cat.id) } { (cat.name) } }
                        }
                    }
                    (norm_choices(lang, "norm", "case-norms", &|nm| v.chosen("norm", nm, stored_norms.contains(&nm))))
                    button.secondary type="submit" { (t(lang, "case-save")) }
                }
            }
        }

        // Consent to a later decision: only after the postponement, and not again once recorded.
        @if may(CaseAction::ExtendDeadline) && k.facts.postponed && (k.p.consented_until.is_none() || refused("instemming")) {
            @let v = FormValues::of("instemming", refill);
            details open[v.refused()] {
                summary { (t(lang, "case-consent")) }
                form #instemming method="post" action={ (base) "/instemming" } {
                    (csrf_field(ctx))
                    p { (t(lang, "case-consent-intro")) }
                    (layout::text_field("tot", &t(lang, "case-consent-until"), "date", &v.one("tot", ""), None, None, "off"))
                    (layout::text_field("hoe", &t(lang, "case-consent-how"), "text", &v.one("hoe", ""), Some(&t(lang, "case-consent-how-hint")), None, "off"))
                    button.secondary type="submit" { (t(lang, "case-save")) }
                }
            }
        }

        @if may(CaseAction::AddFollowup) || !k.followups.is_empty() {
            @let v = FormValues::of("actie-nieuw", refill);
            details open[v.refused() || !k.followups.is_empty()] {
                summary { (t(lang, "case-followups")) }
                @if !k.followups.is_empty() {
                    table {
                        caption.visually-hidden { (t(lang, "case-followups")) }
                        thead { tr { th scope="col" { (t(lang, "case-followup")) } th scope="col" { (t(lang, "case-followup-owner")) } th scope="col" { (t(lang, "case-followup-due")) } th scope="col" { (t(lang, "case-followup-done")) } } }
                        tbody {
                            @for f in &k.followups {
                                tr {
                                    td { (f.description) } td { (f.owner) } td { (date_text(f.due_on)) (urgency_badge(lang, today, f.due_on, f.done_on.is_none())) }
                                    td {
                                        @if let Some(dn) = f.done_on { (date_text(dn)) }
                                        @else if may(CaseAction::FinishFollowup) {
                                            form.inline method="post" action={ (base) "/acties/" (f.id) "/klaar" } { (csrf_field(ctx)) button.secondary type="submit" { (t(lang, "case-followup-mark-done")) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                @if may(CaseAction::AddFollowup) {
                    form #actie-nieuw method="post" action={ (base) "/acties" } {
                        (csrf_field(ctx))
                        (layout::text_field("actie", &t(lang, "case-followup"), "text", &v.one("actie", ""), None, None, "off"))
                        (layout::text_field("eigenaar", &t(lang, "case-followup-owner"), "text", &v.one("eigenaar", ""), None, None, "off"))
                        (layout::text_field("voor", &t(lang, "case-followup-due"), "date", &v.one("voor", ""), None, None, "off"))
                        button.secondary type="submit" { (t(lang, "case-followup-add")) }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_files_are_not_zero_kilobytes() {
        assert_eq!(file_size(8), "8 bytes");
        assert_eq!(file_size(1536), "1,5 kB");
        assert_eq!(file_size(2_621_440), "2,5 MB");
    }
}
