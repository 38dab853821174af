//! The council report in the browser and as open data: `/rapportage?periode=2026-Q3` for council
//! members, researchers and the complaints coordinator. Only aggregates, already suppressed; the
//! charts are SVG with a text summary and the table behind them.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;

use super::document::{self, Block, Chart, Mark, TableCell};
use super::report::{self, Report};
use crate::accounts::model::Role;
use crate::web::context::Ctx;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::layout;
use crate::web::routes::{Access, RouteDef};
use crate::web::AppState;

const READERS: Access =
    Access::Roles(&[Role::Raadslid, Role::Onderzoeker, Role::Klachtcoordinator]);

/// Routes of the report.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/rapportage", READERS).get(page),
        RouteDef::new("/rapportage/open-data.csv", READERS).get(open_csv),
        RouteDef::new("/rapportage/open-data.json", READERS).get(open_json),
        RouteDef::new("/rapportage/open-data-codeboek.csv", READERS).get(open_codebook),
        RouteDef::new("/rapportage/rapport.pdf", READERS).get(open_pdf),
        RouteDef::new(
            "/rapportage/tussenstand",
            Access::Roles(&[Role::Onderzoeker]),
        )
        .get(live),
    ]
}

#[derive(Deserialize)]
struct Query {
    periode: Option<String>,
}

/// The period asked for, or the last finished quarter.
fn period_of(q: &Query, today: chrono::NaiveDate) -> Result<report::Period, String> {
    match q.periode.as_deref().filter(|p| !p.trim().is_empty()) {
        Some(p) => report::parse_period(p),
        None => {
            use chrono::Datelike;
            let quarter = (today.month() - 1) / 3; // the one before this one, 0 = last year's Q4
            let label = if quarter == 0 {
                format!("{}-Q4", today.year() - 1)
            } else {
                format!("{}-Q{quarter}", today.year())
            };
            report::parse_period(&label)
        }
    }
}

/// What the report's data looks like now: when this is unchanged, a report made earlier is still
/// right. The number of answer sets, counts of complaints (and their last change), quotes, waves
/// codings, and the category and code names.
pub fn data_stamp(conn: &mut crate::db::DbConnection) -> diesel::QueryResult<String> {
    use crate::db::schema::{
        codebook, coded_texts, complaint_categories, complaints, quotes, responses, waves,
    };
    use diesel::prelude::*;
    // Answer sets are only ever added, and their numbers are random (they must not show the
    // order of arrival), so the count says whether there are new ones.
    let answered: i64 = responses::table.count().get_result(conn)?;
    let (c, changed): (i64, Option<chrono::NaiveDateTime>) = complaints::table
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::max(complaints::updated_at),
        ))
        .get_result(conn)?;
    let (q, decided): (i64, Option<chrono::NaiveDateTime>) = quotes::table
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::max(quotes::decided_at),
        ))
        .get_result(conn)?;
    let w: i64 = waves::table.count().get_result(conn)?;
    let mut names: Vec<String> = complaint_categories::table
        .select(complaint_categories::name)
        .load(conn)?;
    // Codings are replaced by new rows: count and highest number say whether they changed.
    let (coded, last_coded): (i64, Option<i64>) = coded_texts::table
        .select((diesel::dsl::count_star(), diesel::dsl::max(coded_texts::id)))
        .get_result(conn)?;
    names.extend(
        codebook::table
            .select(codebook::name)
            .load::<String>(conn)?,
    );
    Ok(format!(
        "{answered}/{c}/{changed:?}/{q}/{decided:?}/{w}/{coded}/{last_coded:?}/{}/{}",
        names.join("|"),
        crate::surveys::today()
    ))
}

/// Reports made in this instance, by period, with the data stamp they were made from.
#[derive(Default)]
pub struct ReportCache(
    std::sync::Mutex<std::collections::HashMap<String, (String, std::sync::Arc<Report>)>>,
);

impl ReportCache {
    /// The report of `period` for the data as it is now: the one kept, or a new one.
    pub fn get(
        &self,
        conn: &mut crate::db::DbConnection,
        period: &report::Period,
    ) -> diesel::QueryResult<std::sync::Arc<Report>> {
        let stamp = data_stamp(conn)?;
        if let Some((s, r)) = self
            .0
            .lock()
            .ok()
            .and_then(|m| m.get(&period.label).cloned())
        {
            if s == stamp {
                return Ok(r);
            }
        }
        let r = std::sync::Arc::new(report::build(
            conn,
            period,
            super::suppression::DEFAULT_K,
            crate::surveys::today(),
        )?);
        if let Ok(mut m) = self.0.lock() {
            m.insert(period.label.clone(), (stamp, r.clone()));
        }
        Ok(r)
    }

    /// Makes the reports people open most (this year, this quarter and the last) ahead of them,
    /// so that a council member rarely waits for a recomputation. Runs with the housekeeping.
    pub fn warm(
        &self,
        conn: &mut crate::db::DbConnection,
        today: chrono::NaiveDate,
    ) -> diesel::QueryResult<()> {
        use chrono::Datelike;
        let q = (today.month() - 1) / 3 + 1;
        let previous = if q == 1 {
            format!("{}-Q4", today.year() - 1)
        } else {
            format!("{}-Q{}", today.year(), q - 1)
        };
        for label in [
            today.year().to_string(),
            format!("{}-Q{q}", today.year()),
            previous,
        ] {
            if let Ok(p) = report::parse_period(&label) {
                self.get(conn, &p)?;
            }
        }
        Ok(())
    }
}

async fn build(
    state: &AppState,
    period: report::Period,
) -> Result<std::sync::Arc<Report>, AppError> {
    let cache = state.reports.clone();
    state.db(move |conn| Ok(cache.get(conn, &period)?)).await
}

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
                        text x=(format!("{:.1}", 6.0 + 270.0 * c.share(*v))) y=(y + 35) font-size="15" fill="#1a1a1a" { (format!("{}{}", super::numbers::fixed(*v, 0), c.unit)) }
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

async fn page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Query>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let today = crate::surveys::today();
    let (choices, open_on) = state
        .db(move |conn| Ok(report::period_choices(conn, today)?))
        .await?;
    let chosen = q.periode.clone().unwrap_or_default();
    // Without a period asked for: the latest complete period with data.
    let asked = match (&q.periode, &open_on) {
        (Some(p), _) if !p.trim().is_empty() => q.periode.clone(),
        (_, Some(label)) => Some(label.clone()),
        _ => None,
    };
    let period = match period_of(&Query { periode: asked }, today) {
        Ok(p) => p,
        Err(e) => {
            let errors = [("periode", e)];
            return Ok(page_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                layout::page(
                    &ctx,
                    &t(lang, "report-title"),
                    period_form(&ctx, &chosen, &choices, &errors),
                ),
            ));
        }
    };
    let has_data = choices.iter().any(|c| c.label == period.label);
    let r = build(&state, period.clone()).await?;
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(lang, "report-title-period", &[("period", &period.label)]),
            html! {
                (period_form(&ctx, &period.label, &choices, &[]))
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
                (report_markup(&r))
            },
        ),
    ))
}

/// The period chooser: the periods with data (newest first), the one shown selected. A period
/// asked for by its address that has no data is still shown, with a note.
fn period_form(
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

#[derive(Deserialize)]
struct LiveQuery {
    ronde: Option<i64>,
}

/// The researcher's live view of a running wave: every answer set so far, small groups still
/// hidden, marked as an interim view. Not in the report, the PDF or the open data: those publish
/// a wave only after it has closed (see `disclosure`).
async fn live(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<LiveQuery>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let today = crate::surveys::today();
    let chosen = q.ronde;
    let (running, shown) = state
        .db(move |conn| {
            let running: Vec<crate::surveys::waves::Wave> =
                crate::surveys::waves::list_waves(conn)?
                    .into_iter()
                    .filter(|w| {
                        w.opens_on <= today
                            && !super::disclosure::wave_published(w.closes_on, today)
                    })
                    .collect();
            let pick = running
                .iter()
                .filter(|w| chosen.is_none_or(|id| id == w.id))
                .max_by_key(|w| (w.closes_on, w.id));
            let shown = match pick {
                Some(w) => {
                    let def = crate::surveys::respond::definition(conn, w.version_id)
                        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
                    let figures = super::survey_figures::compute(conn, w.id, &def)?;
                    let invited = crate::surveys::waves::invitation_counts(conn, w.id)?.0;
                    Some((
                        w.clone(),
                        report::survey_part(
                            &def,
                            &w.name,
                            w.population.max(0) as u64,
                            invited.max(0) as u64,
                            &figures,
                            None,
                            super::disclosure::DEFAULT_K,
                        ),
                    ))
                }
                None => None,
            };
            Ok((running, shown))
        })
        .await?;
    let title = t(lang, "report-live-title");
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &title,
            html! {
                div.notice role="note" { p { strong { (t(lang, "report-live-notice")) } } }
                @if running.len() > 1 {
                    nav aria-label=(t(lang, "report-live-waves")) {
                        ul { @for w in &running { li { a href={ "/rapportage/tussenstand?ronde=" (w.id) } { (w.name) } } } }
                    }
                }
                @match &shown {
                    Some((w, part)) => {
                        p { (t_args(lang, "report-live-wave", &[("wave", &w.name), ("date", &crate::surveys::respondent::date_text(w.closes_on))])) }
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
        ),
    ))
}

/// The codebook of the open data as CSV (see [`super::published`]).
pub fn open_data_codebook_csv() -> Vec<u8> {
    super::published::codebook_csv()
}

/// [`open_data_codebook_csv`] in the chosen spreadsheet flavour.
pub fn open_data_codebook_csv_as(flavour: crate::csv_safe::Flavour) -> Vec<u8> {
    super::published::codebook_csv_as(flavour)
}

/// Every published figure as CSV rows (see [`super::published`]).
pub fn open_data_csv(r: &Report) -> Vec<u8> {
    super::published::csv(r)
}

/// [`open_data_csv`] in the chosen spreadsheet flavour.
pub fn open_data_csv_as(r: &Report, flavour: crate::csv_safe::Flavour) -> Vec<u8> {
    super::published::csv_as(r, flavour)
}

async fn open_codebook(choice: web::Query<crate::web::download::CsvChoice>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"rapportage-codeboek.csv\"",
        ))
        .body(open_data_codebook_csv_as(choice.flavour()))
}

async fn open_csv(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Query>,
    choice: web::Query<crate::web::download::CsvChoice>,
) -> Result<HttpResponse, AppError> {
    let period = period_of(&q, crate::surveys::today())
        .map_err(|_| AppError::BadRequest("form-error-fields"))?;
    let r = build(&state, period.clone()).await?;
    crate::accounts::audit::log(
        &state,
        crate::accounts::audit::Actor::of(&ctx),
        "report.downloaded",
        "report",
        Some(period.label.clone()),
        Some("open-data.csv".into()),
    )
    .await?;
    Ok(download(
        "text/csv; charset=utf-8",
        &period,
        "csv",
        open_data_csv_as(&r, choice.flavour()),
    ))
}

/// A file to save: `rapportage-<period>.<ext>`.
fn download(kind: &str, period: &report::Period, ext: &str, body: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(kind)
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"rapportage-{}.{ext}\"", period.label),
        ))
        .body(body)
}

async fn open_json(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Query>,
) -> Result<HttpResponse, AppError> {
    let period = period_of(&q, crate::surveys::today())
        .map_err(|_| AppError::BadRequest("form-error-fields"))?;
    let r = build(&state, period.clone()).await?;
    crate::accounts::audit::log(
        &state,
        crate::accounts::audit::Actor::of(&ctx),
        "report.downloaded",
        "report",
        Some(period.label),
        Some("open-data.json".into()),
    )
    .await?;
    Ok(HttpResponse::Ok().json(super::published::json(&r)))
}

/// The title of the report as a document.
pub fn report_title(r: &Report, municipality: &str) -> String {
    format!("Rapportage bejegening {} – {municipality}", r.period.label)
}

/// The report as a tagged PDF.
pub fn report_pdf(r: &Report, municipality: &str) -> Result<Vec<u8>, super::pdf::PdfError> {
    super::pdf::render(
        &document::build(r),
        &report_title(r, municipality),
        r.made_on,
    )
}

async fn open_pdf(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Query>,
) -> Result<HttpResponse, AppError> {
    let period = period_of(&q, crate::surveys::today())
        .map_err(|_| AppError::BadRequest("form-error-fields"))?;
    let r = build(&state, period.clone()).await?;
    let municipality = state.municipality.clone();
    let bytes = web::block(move || report_pdf(&r, &municipality))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?
        .map_err(|e| AppError::Internal(e.into()))?;
    crate::accounts::audit::log(
        &state,
        crate::accounts::audit::Actor::of(&ctx),
        "report.downloaded",
        "report",
        Some(period.label.clone()),
        Some("rapport.pdf".into()),
    )
    .await?;
    Ok(download("application/pdf", &period, "pdf", bytes))
}

/// The report as a file of its own: one HTML document with its styles inside, to read, print or
/// put on the municipality's website.
pub fn standalone_html(r: &Report, municipality: &str) -> String {
    let title = report_title(r, municipality);
    html! {
        (maud::DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STANDALONE_CSS)) }
            }
            body {
                main {
                    h1 { (title) }
                    (report_markup(r))
                }
            }
        }
    }
    .into_string()
}

/// Styles of the standalone report: readable type, tables with lines, print on A4.
const STANDALONE_CSS: &str = "body{font-family:system-ui,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;margin:0 auto;max-width:60rem;padding:1rem}\
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}\
caption{text-align:left;font-weight:bold}h2{margin-top:2rem;border-top:2px solid #01689b;padding-top:.5rem}figure{margin:1rem 0}\
.table-box{max-width:100%;overflow-x:auto;margin:1rem 0}.table-box table{margin:0}.late{color:#a4001d}svg{max-width:36rem;height:auto}.table-box caption{position:sticky;left:0;max-width:calc(100vw - 3rem)}p,li{overflow-wrap:anywhere}.table-box th{white-space:nowrap}.table-box td:first-child{min-width:10rem}\
@page{size:A4;margin:18mm}@media print{body{font-size:11pt}section{break-inside:avoid-page}}";
