//! Markup of the researcher's pages: the list of waves with the form for a new one, and a wave's
//! page with its response figures, invitations and files.

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use maud::{html, Markup};

use super::*;
use crate::fmt::date_text;
use crate::surveys::channel::Channel;
use crate::surveys::invite::{self};
use crate::surveys::waves::{Wave, Window};
use crate::surveys::{anonymity, stats, volunteers};
use crate::web::context::Ctx;
use crate::web::errors::page_response;
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout::{self, csrf_field, error_summary};
use crate::web::paging::{self, Page};

pub(super) fn notice(lang: Lang, q: &Notice) -> Markup {
    let allowed = [
        "notice-wave-created",
        "notice-wave-changed",
        "notice-invitations-queued",
        "notice-reminders-queued",
        "notice-entry-saved",
    ];
    html! {
        @if let Some(key) = q.melding.as_deref().filter(|k| allowed.contains(k)) {
            div.notice role="status" { p { (crate::web::i18n::t_count(lang, key, q.n.as_deref().and_then(|n| n.parse().ok()).unwrap_or(0))) } }
        }
    }
}

pub(super) fn waves_markup(
    ctx: &Ctx,
    list: &[Wave],
    shown: &Page,
    questionnaires: &[String],
    f: &WaveForm,
    errors: &[(&str, String)],
    q: &Notice,
) -> Markup {
    let lang = ctx.lang;
    let err = |k: &str| layout::error_for(errors, k);
    html! {
        (notice(lang, q))
        (error_summary(ctx, errors))
        @if list.is_empty() {
            p { (t(lang, "waves-none")) }
        } @else {
            table {
                caption { (t(lang, "waves-caption")) }
                thead { tr {
                    th scope="col" { (t(lang, "waves-col-name")) }
                    th scope="col" { (t(lang, "waves-col-questionnaire")) }
                    th scope="col" { (t(lang, "waves-col-period")) }
                    th scope="col" { (t(lang, "waves-col-state")) }
                } }
                tbody {
                    @for w in list {
                        tr {
                            td { a href={ "/onderzoek/rondes/" (w.id) } { (paging::short_text(lang, &w.name, 120)) } }
                            td { (w.questionnaire_key) " v" (w.version) "." (w.revision) }
                            td { (date_text(w.opens_on)) " – " (date_text(w.closes_on)) }
                            td { (window_text(lang, w)) }
                        }
                    }
                }
            }
            (paging::nav(lang, shown, |n| format!("/onderzoek?pagina={n}")))
        }
        h2 #nieuw { (t(lang, "wave-new-title")) }
        form method="post" action="/onderzoek" novalidate {
            (csrf_field(ctx))
            (layout::text_field("naam", &t(lang, "wave-name"), "text", &f.naam, Some(&t(lang, "wave-name-hint")), err("naam"), "off"))
            div.field {
                label for="vragenlijst" { (t(lang, "wave-questionnaire")) }
                select #vragenlijst name="vragenlijst" {
                    @for key in questionnaires {
                        option value=(key) selected[*key == f.vragenlijst] { (key) }
                    }
                }
            }
            (layout::text_field("open", &t(lang, "wave-opens"), "date", &f.open, None, err("open"), "off"))
            (layout::text_field("sluit", &t(lang, "wave-closes"), "date", &f.sluit, None, err("sluit"), "off"))
            (layout::text_field("n", &t(lang, "wave-population"), "text", &f.n, Some(&t(lang, "wave-population-hint")), err("n"), "off"))
            fieldset #kanalen {
                legend { (t(lang, "wave-channels")) }
                @for (i, ch) in Channel::ALL.iter().enumerate() {
                    @let id = if i == 0 { "kanalen".to_string() } else { format!("kanaal-{ch}") };
                    div.choice {
                        input id=(id) type="checkbox" name="kanalen" value=(ch) checked[f.kanalen.is_empty() || f.kanalen.iter().any(|c| c == ch.code())];
                        label for=(id) { (t(lang, &format!("channel-{ch}"))) }
                    }
                }
            }
            button type="submit" { (t(lang, "wave-create")) }
        }
    }
}

pub(super) fn pct(p: Option<f64>) -> String {
    p.map(stats::percent_nl).unwrap_or_else(|| "–".into())
}

pub(super) fn wave_markup(
    ctx: &Ctx,
    w: &Wave,
    f: &FollowUp,
    errors: &[(&str, String)],
    q: &Notice,
) -> Markup {
    let lang = ctx.lang;
    let margin = stats::margin_of_error(f.answered as u64, w.population as u64);
    let base = format!("/onderzoek/rondes/{}", w.id);
    let open_or_coming = w.window_today() != Window::Closed;
    let after_close = date_text(anonymity::opens_after(w));
    let err = |k: &str| layout::error_for(errors, k);
    // The open answers, cleaned, only from as many people as a quote needs.
    let k = crate::monitor::quotes::DEFAULT_MIN_GROUP;
    let open_answers = f.answered.max(0) as u64 >= k;
    let mut export_files = vec![(format!("{base}/antwoorden.csv"), t(lang, "export-answers"))];
    if open_answers {
        export_files.push((
            format!("{base}/open-antwoorden.csv"),
            t(lang, "export-open-answers"),
        ));
    }
    export_files.push((
        format!("{base}/codeboek.csv"),
        t(lang, "export-codebook-csv"),
    ));
    html! {
        (notice(lang, q))
        (error_summary(ctx, errors))
        dl.facts {
            dt { (t(lang, "waves-col-questionnaire")) } dd { (w.questionnaire_key) " v" (w.version) "." (w.revision) }
            dt { (t(lang, "waves-col-period")) } dd { (date_text(w.opens_on)) " – " (date_text(w.closes_on)) " (" (window_text(lang, w)) ")" }
            dt { (t(lang, "wave-population")) } dd { (w.population) }
            dt { (t(lang, "wave-channels")) } dd {
                @for (i, ch) in w.channels.split(',').enumerate() {
                    @if i > 0 { ", " }
                    (t(lang, &format!("channel-{ch}")))
                }
            }
        }
        @if w.window_today() == Window::NotYetOpen {
            p { a href={ (base) "/wijzigen" } { (t(lang, "wave-edit-link")) } }
        }
        h2 { (t(lang, "followup-title")) }
        table.figures {
            caption { (t(lang, "followup-caption")) }
            tbody {
                tr { th scope="row" { (t(lang, "followup-invited")) } td { (f.invited) } }
                tr { th scope="row" { (t(lang, "followup-answered")) } td { (f.answered) } }
                tr { th scope="row" { (t(lang, "followup-codes-used")) } td { (f.used) } }
                tr { th scope="row" { (t(lang, "followup-rate")) } td { (pct(stats::response_rate(f.answered as u64, f.invited as u64))) } }
                tr { th scope="row" { (t(lang, "followup-margin")) } td { @match margin { Some(m) => { "± " (stats::percent_nl(m)) }, None => { "–" } } } }
            }
        }
        p.hint { (t(lang, "followup-margin-hint")) }
        @if !f.per_channel.is_empty() {
            table {
                caption { (t(lang, "followup-per-channel")) }
                thead { tr { th scope="col" { (t(lang, "wave-channels")) } th scope="col" { (t(lang, "followup-answered")) } } }
                tbody {
                    @for c in &f.per_channel {
                        tr { td { (t(lang, &format!("channel-{}", c.channel))) } td { (c.count) } }
                    }
                }
            }
            table {
                caption { (t(lang, "followup-per-day")) }
                thead { tr { th scope="col" { (t(lang, "followup-day")) } th scope="col" { (t(lang, "followup-answered")) } } }
                tbody {
                    @for d in &f.per_day {
                        tr { td { (date_text(d.day)) } td { (d.count) } }
                    }
                }
            }
        }
        h2 { (t(lang, "export-title")) }
        @if anonymity::export_allowed(w) {
            (crate::web::download::form(lang, "export", &export_files))
            @if open_answers {
                p.hint { (t(lang, "export-open-answers-hint")) }
            } @else {
                p.hint { (t_args(lang, "export-open-answers-too-few", &[("k", &k.to_string())])) }
            }
        } @else {
            p { (t_args(lang, "export-answers-after-close", &[("date", &after_close)])) }
            (crate::web::download::form(lang, "export", &[
                (format!("{base}/codeboek.csv"), t(lang, "export-codebook-csv")),
            ]))
        }
        ul {
            li { a href={ (base) "/codeboek.json" } { (t(lang, "export-codebook-json")) } }
            @if anonymity::volunteers_visible(w) {
                li { a href={ (base) "/gesprekken" } { (t_args(lang, "volunteers-link", &[("n", &f.volunteers.to_string())])) } }
            } @else {
                li { (t_args(lang, "volunteers-after-close", &[("date", &after_close)])) }
            }
            li { a href={ (base) "/citaten" } { (t(lang, "quotes-link")) } }
            li { a href={ (base) "/sdaps-koppeling.csv" } { (t(lang, "paper-mapping-link")) } }
        }
        h2 { (t(lang, "paper-forms-title")) }
        @if Channel::ALL.iter().any(|c| c.is_paper() && w.allows(*c)) {
            p { (t(lang, "paper-forms-intro")) }
            p { (t(lang, "paper-forms-print")) }
            form method="get" action={ (base) "/papier" } novalidate {
                (crate::surveys::paper::prints_views::print_fields(lang, &f.prints, f.typed_print.as_ref(), err("van"), Some(&t(lang, "paper-forms-to-hint"))))
                button type="submit" { (t(lang, "paper-forms-submit")) }
            }
        } @else {
            p { (t(lang, "paper-forms-no-paper")) }
        }
        @if open_or_coming {
            h2 { (t(lang, "codes-title")) }
            p { (t(lang, "codes-intro")) }
            form method="post" action={ (base) "/codes" } novalidate {
                (csrf_field(ctx))
                (layout::text_field("aantal", &t(lang, "codes-count"), "text", "", Some(&t(lang, "codes-count-hint")), err("aantal"), "off"))
                (language_select("taal", lang))
                fieldset {
                    legend { (t(lang, "codes-format")) }
                    div.choice { input #vorm type="radio" name="vorm" value="brieven" checked; label for="vorm" { (t(lang, "codes-format-letters")) } }
                    div.choice { input #vorm-csv type="radio" name="vorm" value="csv"; label for="vorm-csv" { (t(lang, "codes-format-csv")) } }
                }
                (crate::web::download::choice(lang, "codes"))
                button type="submit" { (t(lang, "codes-submit")) }
            }
            h2 { (t(lang, "email-title")) }
            p { (t(lang, "email-intro")) }
            form method="post" action={ (base) "/email" } novalidate {
                (csrf_field(ctx))
                div.field.has-error[err("adressen").is_some()] {
                    label for="adressen" { (t(lang, "email-addresses")) }
                    p.hint #adressen-hint { (t(lang, "email-addresses-hint")) }
                    @if let Some(e) = err("adressen") { p.error { (e) } }
                    textarea #adressen name="adressen" rows="6" aria-describedby="adressen-hint" {}
                }
                (language_select("taal-mail", lang))
                button type="submit" { (t(lang, "email-submit")) }
            }
            h2 { (t(lang, "reminder-title")) }
            p { (t_args(lang, "reminder-status", &[("sent", &w.reminders_sent.to_string()), ("waiting", &f.with_address.to_string())])) }
            @if w.reminders_sent < invite::MAX_REMINDERS {
                form method="post" action={ (base) "/herinnering" } {
                    (csrf_field(ctx))
                    button.secondary type="submit" { (t(lang, "reminder-submit")) }
                }
            }
        }
    }
}

pub(super) fn language_select(name: &str, lang: Lang) -> Markup {
    html! {
        div.field {
            label for=(name) { (t(lang, "codes-language")) }
            select id=(name) name=(name) {
                @for l in Lang::ALL { option value=(l.code()) selected[l == Lang::Nl] { (l.native_name()) } }
            }
        }
    }
}

/// A page saying that something about a wave can only be seen once it has closed, and why.
pub(super) fn after_close_page(
    ctx: &Ctx,
    w: &Wave,
    title_key: &str,
    text_key: &str,
) -> HttpResponse {
    let lang = ctx.lang;
    page_response(
        StatusCode::CONFLICT,
        layout::page(
            ctx,
            &t(lang, title_key),
            html! {
                p.lead { (t_args(lang, text_key, &[("date", &date_text(anonymity::opens_after(w)))])) }
                p { (t(lang, "after-close-why")) }
                p { a href={ "/onderzoek/rondes/" (w.id) } { (t(lang, "volunteers-back")) } }
            },
        ),
    )
}

/// The interview volunteers of a wave.
pub(super) fn volunteers_markup(ctx: &Ctx, wave: &Wave, rows: &[volunteers::Volunteer]) -> Markup {
    let lang = ctx.lang;
    let id = wave.id;
    layout::page(
        ctx,
        &t_args(lang, "volunteers-title", &[("wave", &wave.name)]),
        html! {
                p { (t(lang, "volunteers-intro")) }
                @if rows.is_empty() { p { (t(lang, "volunteers-none")) } } @else {
                    table {
                        caption { (t(lang, "volunteers-caption")) }
                        thead { tr {
                            th scope="col" { (t(lang, "volunteer-name")) }
                            th scope="col" { (t(lang, "volunteer-contact")) }
                            th scope="col" { (t(lang, "volunteer-language")) }
                            th scope="col" { (t(lang, "volunteer-time")) }
                        } }
                        tbody {
                            @for v in rows {
                                tr { td { (v.name) } td { (v.contact) } td { (Lang::from_code(&v.language).map(|l| l.native_name()).unwrap_or(&v.language)) } td { (v.best_time) } }
                            }
                        }
                    }
                }
                p { a href={ "/onderzoek/rondes/" (id) } { (t(lang, "volunteers-back")) } }
        },
    )
}
