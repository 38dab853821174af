//! The report's markup: the document's blocks as HTML (tables, SVG charts with their text), the
//! report page with its period chooser, and the researcher's live view.

use maud::{html, Markup};

use super::super::document::{self, Block, Chart, Mark, TableCell};
use super::super::report::{self, Report};
use crate::accounts::model::Role;
use crate::surveys::waves::Wave;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args};
use crate::web::layout;

fn cell_markup(c: &TableCell) -> Markup {
    html! {
        @match c.mark {
            Mark::Hidden => abbr title="verborgen: te weinig mensen" { "–" },
            Mark::Indicative => { (c.text) sup { "*" } },
            Mark::Plain => (c.text),
            Mark::Late => strong.late { (c.text) },
        }
        @if let Some(n) = &c.note { br; small { (n) } }
    }
}

/// A horizontal bar chart: SVG with a title and a text summary, drawn from published values only.
/// Each bar has its label above it, so the chart stays readable on a phone.
fn chart_markup(c: &Chart) -> Markup {
    let id = &c.id;
    let height = 44 * c.rows.len() as u32 + 6;
    let summary = c.summary();
    html! {
        figure.chart {
            svg role="img" aria-labelledby={ (id) "-titel " (id) "-tekst" } viewBox={ "0 0 340 " (height) } width="100%" {
                title id={ (id) "-titel" } { (c.title) }
                desc id={ (id) "-tekst" } { (summary) }
                @for (i, (label, v)) in c.rows.iter().enumerate() {
                    @let y = 44 * i as u32;
                    text x="0" y=(y + 15) font-size="15" fill="#1a1a1a" { (label) }
                    @if let Some(v) = v {
                        rect x="0" y=(y + 21) height="16" width=(format!("{:.1}", 270.0 * c.share(*v))) fill="#01689b" {}
                        text x=(format!("{:.1}", 6.0 + 270.0 * c.share(*v))) y=(y + 35) font-size="15" fill="#1a1a1a" { (format!("{}{}", crate::monitor::numbers::fixed(*v, 0), c.unit)) }
                    } @else {
                        text x="0" y=(y + 35) font-size="15" fill="#1a1a1a" { "verborgen" }
                    }
                }
            }
            figcaption { (c.title) ". " (summary) "." }
        }
    }
}

fn block_markup(b: &Block) -> Markup {
    html! {
        @match b {
            Block::Paragraph { strong, text } => p { @if let Some(s) = strong { strong { (s) } " " } (text) },
            Block::List(items) => ul { @for i in items { li { (i) } } },
            // A table scrolls inside its own box on a narrow screen; the box can be reached by
            // keyboard and is named by the table's caption.
            Block::Table { caption, head, rows } => div.table-box role="region" tabindex="0" aria-label=(caption) {
                table {
                    caption { (caption) }
                    thead { tr { @for h in head { th scope="col" { (h) } } } }
                    tbody { @for row in rows { tr { @for c in row { td { (cell_markup(c)) } } } } }
                }
            },
            Block::Chart(c) => (chart_markup(c)),
            Block::Quote(q) => blockquote { p { "\u{201c}" (q) "\u{201d}" } },
        }
    }
}

/// The report as HTML (its texts in Dutch: the report is the municipality's document).
pub fn report_markup(r: &Report) -> Markup {
    let doc = document::build(r);
    html! {
        article.report lang="nl" {
            div.lead { (block_markup(&doc.lead)) }
            @for s in &doc.sections {
                section id=(s.id) {
                    h2 { (s.title) }
                    @for b in &s.blocks { (block_markup(b)) }
                }
            }
        }
    }
}

/// The period chooser: the periods with data (newest first), the one shown selected. A period
/// asked for by its address that has no data is still shown, with a note.
pub(super) fn period_form(
    ctx: &Ctx,
    value: &str,
    choices: &[report::Choice],
    errors: &[(&str, String)],
) -> Markup {
    let lang = ctx.lang;
    if choices.is_empty() {
        return html! {
            (layout::error_summary(ctx, errors))
            form method="get" action="/rapportage" {
                (layout::text_field("periode", &t(lang, "report-period"), "text", value, Some(&t(lang, "report-period-hint")), layout::error_for(errors, "periode"), "off"))
                button type="submit" { (t(lang, "report-show")) }
            }
        };
    }
    html! {
        (layout::error_summary(ctx, errors))
        form method="get" action="/rapportage" {
            div.field {
                label for="periode" { (t(lang, "report-period")) }
                select id="periode" name="periode" {
                    @for c in choices {
                        option value=(c.label) selected[c.label == value] {
                            (c.label)
                            @if !c.complete { " " (t(lang, "report-period-running")) }
                        }
                    }
                }
            }
            button type="submit" { (t(lang, "report-show")) }
        }
    }
}

/// The report page: the period chooser, the links to the files, and the report.
pub(super) fn report_page(
    ctx: &Ctx,
    period: &report::Period,
    choices: &[report::Choice],
    has_data: bool,
    r: &Report,
) -> Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t_args(lang, "report-title-period", &[("period", &period.label)]),
        html! {
            (period_form(ctx, &period.label, choices, &[]))
            @if !has_data {
                div.notice role="note" { p { (t_args(lang, "report-period-empty", &[("period", &period.label)])) } }
            }
            @if ctx.user.as_ref().is_some_and(|u| u.has(Role::Onderzoeker)) {
                p { a href="/rapportage/tussenstand" { (t(lang, "report-live-link")) } }
            }
            p { a.tap href={ "/rapportage/rapport.pdf?periode=" (period.label) } { (t(lang, "report-pdf")) } " "
                a.tap href={ "/rapportage/open-data.json?periode=" (period.label) } { (t(lang, "report-open-json")) } }
            (crate::web::download::form(lang, "open-data", &[
                (format!("/rapportage/open-data.csv?periode={}", period.label), t(lang, "report-open-csv")),
                ("/rapportage/open-data-codeboek.csv".to_string(), t(lang, "report-open-codebook")),
            ]))
            (report_markup(r))
        },
    )
}

/// The researcher's live view: the running waves, and the chosen one's survey sections.
pub(super) fn live_page(ctx: &Ctx, running: &[Wave], shown: Option<&super::live::Shown>) -> Markup {
    let lang = ctx.lang;
    let title = t(lang, "report-live-title");
    layout::page(
        ctx,
        &title,
        html! {
            div.notice role="note" { p { strong { (t(lang, "report-live-notice")) } } }
            @if running.len() > 1 {
                nav aria-label=(t(lang, "report-live-waves")) {
                    ul { @for w in running { li { a href={ "/rapportage/tussenstand?ronde=" (w.id) } { (w.name) } } } }
                }
            }
            @match shown {
                Some(shown) => {
                    @let (w, part) = (&shown.wave, &shown.part);
                    @let k = crate::monitor::disclosure::DEFAULT_K.to_string();
                    p { (t_args(lang, "report-live-wave", &[("wave", &w.name), ("date", &crate::fmt::date_text(w.closes_on))])) }
                    @if shown.any() {
                        p.live-through { (t_args(lang, "report-live-through", &[("date", &crate::fmt::date_text(shown.through)), ("k", &k)])) }
                    } @else {
                        p.live-through { (t_args(lang, "report-live-nothing-yet", &[("k", &k)])) }
                    }
                    article.report.live lang="nl" {
                        @for s in document::live_sections(part) {
                            section id=(s.id) {
                                h2 { (s.title) }
                                @for b in &s.blocks { (block_markup(b)) }
                            }
                        }
                    }
                }
                None => p { (t(lang, "report-live-none")) },
            }
        },
    )
}
