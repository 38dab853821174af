//! The letters pages: the letters waiting for the post, grouped by kind, with the batches printed
//! and not yet sent; and the letterhead settings.

use maud::{html, Markup};

use super::queries::{OpenBatch, Waiting};
use super::routes::MAX_LOGO_BYTES;
use super::service::Delivery;
use super::settings_routes::SettingsView;
use crate::complaints::store;
use crate::complaints::templates::{self, Addressee};
use crate::fmt::date_text;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args, t_count};
use crate::web::layout::{self, csrf_field, error_summary};

/// The label of a kind of letter with its addressee.
fn kind_label(ctx: &Ctx, kind: &str) -> String {
    t(ctx.lang, &format!("letter-kind-{kind}"))
}

fn addressee_label(ctx: &Ctx, code: &str) -> String {
    t(
        ctx.lang,
        &format!(
            "letter-to-{}",
            Addressee::from_code(code)
                .unwrap_or(Addressee::Klager)
                .code()
        ),
    )
}

/// The letters waiting to be posted, by kind; the open batches with their PDF and "sent" button.
pub(super) fn letters_page(
    ctx: &Ctx,
    letters: &[Waiting],
    batches: &[OpenBatch],
    notice: Option<&str>,
    error: Option<&str>,
) -> Markup {
    let lang = ctx.lang;
    let loose: Vec<&Waiting> = letters.iter().filter(|l| l.batch.is_none()).collect();
    // Groups in the order of the kinds of letter.
    let groups: Vec<(&str, Vec<&Waiting>)> = templates::kinds()
        .map(|k| {
            (
                k.code,
                loose.iter().copied().filter(|l| l.kind == k.kind).collect(),
            )
        })
        .filter(|(_, v): &(&str, Vec<&Waiting>)| !v.is_empty())
        .collect();
    let errors: Vec<(&str, String)> = error
        .map(|k| vec![("brieven", t(lang, k))])
        .unwrap_or_default();
    layout::page(
        ctx,
        &t(lang, "cases-letters"),
        html! {
            (error_summary(ctx, &errors))
            @if let Some(key) = notice { div.notice role="status" { p { (t(lang, key)) } } }
            p { (t(lang, "letters-intro")) }
            p { a href="/klachten/brieven/instellingen" { (t(lang, "letters-settings-link")) } }
            @if !batches.is_empty() {
                section aria-labelledby="stapels" {
                    h2 #stapels { (t(lang, "letters-batches")) }
                    @for b in batches {
                        div.batch id={ "stapel-" (b.id) } {
                            h3 { (t_args(lang, "letters-batch-title", &[("n", &b.id.to_string()), ("date", &date_text(b.created.date()))])) }
                            p { (t_count(lang, "letters-batch-count", i64::from(b.letters))) }
                            p { a.tap href={ "/klachten/brieven/stapel/" (b.id) "/pdf" } { (t_args(lang, "letters-batch-pdf", &[("n", &b.id.to_string())])) } }
                            form method="post" action={ "/klachten/brieven/stapel/" (b.id) "/verstuurd" } {
                                (csrf_field(ctx))
                                button type="submit" { (t_args(lang, "letters-batch-sent", &[("n", &b.id.to_string())])) }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="klaar" {
                h2 #klaar { (t(lang, "letters-waiting")) }
                @if loose.is_empty() {
                    p { (t(lang, "letters-none")) }
                } @else {
                    form method="post" action="/klachten/brieven/stapel" {
                        (csrf_field(ctx))
                        @for (kind, list) in &groups {
                            fieldset.letters id={ "soort-" (kind) } {
                                legend { (kind_label(ctx, kind)) " (" (list.len()) ")" }
                                table {
                                    thead { tr {
                                        th scope="col" { (t(lang, "letters-col-print")) }
                                        th scope="col" { (t(lang, "letters-col-case")) }
                                        th scope="col" { (t(lang, "letters-col-to")) }
                                        th scope="col" { (t(lang, "letters-col-date")) }
                                        th scope="col" { (t(lang, "letters-col-letter")) }
                                    } }
                                    tbody {
                                        @for l in list {
                                            @let case = store::case_number_of(l.received, l.complaint);
                                            tr.letter {
                                                td {
                                                    input type="checkbox" name="brief" value=(l.id) id={ "brief-" (l.id) } checked;
                                                    label.visually-hidden for={ "brief-" (l.id) } { (t_args(lang, "letters-choose", &[("case", &case)])) }
                                                }
                                                td { a href={ "/klachten/" (l.complaint) } { (case) } }
                                                td { (l.name) br; small { (addressee_label(ctx, &l.addressee)) } }
                                                td { (date_text(l.created.date())) }
                                                td { a href={ "/klachten/brieven/" (l.id) "/pdf" } { (t_args(lang, "letters-view-pdf", &[("case", &case)])) } }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        button type="submit" { (t(lang, "letters-print")) }
                    }
                }
            }
        },
    )
}

/// The letterhead settings: delivery by e-mail, sender, contact person, who signs each kind of
/// letter, and the logo.
pub(super) fn settings_page(ctx: &Ctx, view: &SettingsView, error: Option<&str>) -> Markup {
    let lang = ctx.lang;
    let s = &view.settings;
    let errors: Vec<(&str, String)> = error
        .map(|k| vec![("instellingen", t(lang, k))])
        .unwrap_or_default();
    layout::page(
        ctx,
        &t(lang, "letters-settings-title"),
        html! {
            (error_summary(ctx, &errors))
            p { (t(lang, "letters-settings-intro")) }
            form method="post" action="/klachten/brieven/instellingen" #instellingen {
                (csrf_field(ctx))
                fieldset {
                    legend { (t(lang, "letters-delivery")) }
                    div { input type="radio" name="bezorging" value="bijlage" id="bezorging-bijlage" checked[s.delivery == Delivery::Attachment];
                        label for="bezorging-bijlage" { (t(lang, "letters-delivery-attachment")) } }
                    div { input type="radio" name="bezorging" value="tekst" id="bezorging-tekst" checked[s.delivery == Delivery::Body];
                        label for="bezorging-tekst" { (t(lang, "letters-delivery-body")) } }
                }
                div.field {
                    label for="afzender" { (t(lang, "letters-sender")) }
                    p.hint #afzender-hint { (t(lang, "letters-sender-hint")) }
                    textarea #afzender name="afzender" rows="4" aria-describedby="afzender-hint" { (s.sender) }
                }
                div.field {
                    label for="contactpersoon" { (t(lang, "letters-contact-person")) }
                    p.hint #contactpersoon-hint { (t(lang, "letters-contact-person-hint")) }
                    input #contactpersoon type="text" name="contactpersoon" value=(s.contact_person) aria-describedby="contactpersoon-hint";
                }
                fieldset {
                    legend { (t(lang, "letters-signatures")) }
                    p.hint { (t(lang, "letters-signatures-hint")) }
                    table {
                        thead { tr {
                            th scope="col" { (t(lang, "letters-col-letter")) }
                            th scope="col" { (t(lang, "letters-signature-name")) }
                            th scope="col" { (t(lang, "letters-signature-function")) }
                        } }
                        tbody {
                            @for k in templates::kinds() {
                                @let set = s.signatures.iter().find(|(c, _)| c == k.code).map(|(_, v)| v.clone()).unwrap_or_default();
                                tr {
                                    th scope="row" { (kind_label(ctx, k.code)) }
                                    td { input type="text" name={ "naam-" (k.code) } value=(set.name) aria-label={ (kind_label(ctx, k.code)) ": " (t(lang, "letters-signature-name")) }; }
                                    td { input type="text" name={ "functie-" (k.code) } value=(set.function)
                                        placeholder=(t(lang, super::service::default_function_key(k.kind)))
                                        aria-label={ (kind_label(ctx, k.code)) ": " (t(lang, "letters-signature-function")) }; }
                                }
                            }
                        }
                    }
                }
                button type="submit" { (t(lang, "letters-settings-save")) }
            }
            h2 { (t(lang, "letters-logo")) }
            @match &view.logo {
                Some(logo) => p { (t_args(lang, "letters-logo-current", &[
                    ("type", if logo.content_type == "image/png" { "PNG" } else { "JPEG" }),
                    ("size", &format!("{}", (logo.bytes + 1023) / 1024)),
                    ("date", &date_text(logo.uploaded_at.date())),
                ])) },
                None => p { (t(lang, "letters-logo-none")) },
            }
            form method="post" action="/klachten/brieven/logo" enctype="multipart/form-data" {
                (csrf_field(ctx))
                div.field {
                    label for="logo" { (t(lang, "letters-logo-file")) }
                    p.hint #logo-hint { (t_args(lang, "letters-logo-hint", &[("kb", &(MAX_LOGO_BYTES / 1024).to_string())])) }
                    input #logo type="file" name="logo" accept="image/png,image/jpeg" aria-describedby="logo-hint";
                }
                button type="submit" { (t(lang, "letters-logo-upload")) }
            }
        },
    )
}
