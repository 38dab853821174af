//! The markup of the lists of cases: the overview and the cases past or near their deadline.

use chrono::NaiveDate;
use maud::{html, Markup};

use super::deadlines::{self, Urgency};
use super::queries::Row;
use super::terms::Channel;
use super::workflow::State;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout;

/// What the overview shows: one page of cases and the figures around it.
pub(super) struct Overview {
    /// The cases on this page.
    pub rows: Vec<Row>,
    /// How many cases the filter finds in all.
    pub total: i64,
    /// Cases per state (for the coordinator; empty for others).
    pub counts: Vec<super::queries::StateCount>,
    /// This page's number, from 1.
    pub page: i64,
    /// The number of pages.
    pub pages: i64,
    /// The stage filter as chosen (`lopend`, `alle` or a state code).
    pub fase: String,
    /// Whether the viewer is the complaint coordinator (more links).
    pub coordinator: bool,
    /// Today, for the deadline warnings.
    pub today: NaiveDate,
}

/// The warning after a deadline: soon due or overdue (nothing when on track or not running).
pub(super) fn urgency_badge(lang: Lang, today: NaiveDate, due: NaiveDate, running: bool) -> Markup {
    if !running {
        return html! {};
    }
    match deadlines::urgency(today, due) {
        Urgency::OnTrack => html! {},
        Urgency::DueSoon => html! { " " strong.badge.warn { (t(lang, "case-due-soon")) } },
        Urgency::Overdue => html! { " " strong.badge.late { (t(lang, "case-overdue")) } },
    }
}

/// Labels looked up once per list, not once per row.
struct Labels {
    channels: Vec<(Channel, String)>,
    stages: Vec<(State, String)>,
    soon: String,
    late: String,
}

impl Labels {
    fn new(lang: Lang) -> Labels {
        Labels {
            channels: Channel::ALL
                .iter()
                .map(|c| (*c, t(lang, &format!("channel-complaint-{c}"))))
                .collect(),
            stages: State::ALL
                .iter()
                .map(|s| (*s, t(lang, &format!("case-stage-{}", s.code()))))
                .collect(),
            soon: t(lang, "case-due-soon"),
            late: t(lang, "case-overdue"),
        }
    }

    fn of<T: PartialEq + Copy>(list: &[(T, String)], value: T) -> &str {
        list.iter()
            .find(|(c, _)| *c == value)
            .map(|(_, l)| l.as_str())
            .unwrap_or_default()
    }
}

/// A case number written straight into the page (lists show thousands).
pub(super) struct CaseNo(NaiveDate, i64);

impl maud::Render for CaseNo {
    fn render_to(&self, buffer: &mut String) {
        use chrono::Datelike;
        use std::fmt::Write;
        let _ = write!(buffer, "{}-{:04}", self.0.year(), self.1);
    }
}

/// A date written straight into the page as dd-mm-yyyy.
pub(super) struct Day(NaiveDate);

impl maud::Render for Day {
    fn render_to(&self, buffer: &mut String) {
        use chrono::Datelike;
        use std::fmt::Write;
        let _ = write!(
            buffer,
            "{:02}-{:02}-{}",
            self.0.day(),
            self.0.month(),
            self.0.year()
        );
    }
}

fn rows_table(lang: Lang, rows: &[Row], today: NaiveDate, caption: &str) -> Markup {
    let labels = Labels::new(lang);
    html! {
        table {
            caption { (caption) }
            thead { tr {
                th scope="col" { (t(lang, "case-number")) }
                th scope="col" { (t(lang, "case-received")) }
                th scope="col" { (t(lang, "case-channel")) }
                th scope="col" { (t(lang, "case-stage")) }
                th scope="col" { (t(lang, "case-deadline")) }
                th scope="col" { (t(lang, "case-handler")) }
            } }
            tbody {
                @for r in rows {
                    @let running = r.state.deadline_runs();
                    tr {
                        td { a href={ "/klachten/" (r.id) } { (CaseNo(r.received_on, r.id)) } }
                        td { (Day(r.received_on)) }
                        td { (Labels::of(&labels.channels, r.channel)) }
                        td { (Labels::of(&labels.stages, r.state)) }
                        td {
                            (Day(r.deadline_on))
                            @if running {
                                @match deadlines::urgency(today, r.deadline_on) {
                                    Urgency::OnTrack => {},
                                    Urgency::DueSoon => { " " strong.badge.warn { (labels.soon) } },
                                    Urgency::Overdue => { " " strong.badge.late { (labels.late) } },
                                }
                            }
                        }
                        td { (r.handler.as_deref().unwrap_or("–")) }
                    }
                }
            }
        }
    }
}

/// The overview page.
pub(super) fn overview(ctx: &Ctx, o: &Overview) -> Markup {
    let lang = ctx.lang;
    let (rows, total, counts, page, pages, fase, today) = (
        &o.rows, o.total, &o.counts, o.page, o.pages, &o.fase, o.today,
    );
    layout::page(
        ctx,
        &t(lang, "cases-title"),
        html! {
            ul.actions {
                @if o.coordinator {
                    li { a.tap href="/klachten/nieuw" { (t(lang, "cases-new")) } }
                    li { a.tap href="/klachten/brieven" { (t(lang, "cases-letters")) } }
                }
                li { a.tap href="/klachten/termijnen" { (t(lang, "cases-due")) } }
                @if o.coordinator {
                    li { a.tap href="/klachten/register" { (t(lang, "register-link")) } }
                    li { a.tap href="/klachten/categorieen" { (t(lang, "categories-title")) } }
                }
            }
            (super::search_views::search_box(lang, ""))
            form method="get" action="/klachten" {
                div.field {
                    label for="fase" { (t(lang, "cases-filter-stage")) }
                    select #fase name="fase" {
                        option value="lopend" selected[fase == "lopend"] { (t(lang, "cases-filter-running")) }
                        option value="alle" selected[fase == "alle"] { (t(lang, "cases-filter-all")) }
                        @for s in State::ALL {
                            option value=(s.code()) selected[fase == s.code()] { (t(lang, &format!("case-stage-{}", s.code()))) }
                        }
                    }
                }
                button type="submit" { (t(lang, "cases-filter-submit")) }
            }
            @if !counts.is_empty() {
                h2 { (t(lang, "cases-counts")) }
                ul.counts {
                    @for s in State::ALL {
                        @let n = counts.iter().find(|c| c.state == s).map_or(0, |c| c.cases);
                        @if n > 0 { li { a href={ "/klachten?fase=" (s.code()) } { (t(lang, &format!("case-stage-{}", s.code()))) } ": " (n) } }
                    }
                }
            }
            @if rows.is_empty() {
                p { (t(lang, "cases-none")) }
            } @else {
                (rows_table(lang, rows, today, &crate::web::i18n::t_nums(lang, "cases-shown", &[("n", rows.len() as i64), ("total", total)], &[])))
                @if pages > 1 {
                    nav aria-label=(t(lang, "cases-pages")) {
                        ul.pages {
                            @if page > 1 { li { a href={ "/klachten?fase=" (fase) "&pagina=" (page - 1) } { (t(lang, "cases-previous")) } } }
                            li { (t_args(lang, "cases-page", &[("page", &page.to_string()), ("pages", &pages.to_string())])) }
                            @if page < pages { li { a href={ "/klachten?fase=" (fase) "&pagina=" (page + 1) } { (t(lang, "cases-next")) } } }
                        }
                    }
                }
            }
        },
    )
}

/// The page of cases past (`late`) or near (`soon`) their legal deadline.
pub(super) fn due(ctx: &Ctx, late: &[Row], soon: &[Row], today: NaiveDate) -> Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, "cases-due"),
        html! {
            p { (crate::web::i18n::t_nums(lang, "cases-due-intro", &[("days", deadlines::WARN_DAYS)], &[])) }
            h2 { (t_args(lang, "cases-overdue", &[("n", &late.len().to_string())])) }
            @if late.is_empty() { p { (t(lang, "cases-none")) } } @else { (rows_table(lang, late, today, &t(lang, "case-overdue"))) }
            h2 { (t_args(lang, "cases-due-soon", &[("n", &soon.len().to_string())])) }
            @if soon.is_empty() { p { (t(lang, "cases-none")) } } @else { (rows_table(lang, soon, today, &t(lang, "case-due-soon"))) }
        },
    )
}
