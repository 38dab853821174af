//! The council report in the browser and as open data: `/rapportage?periode=2026-Q3` for council
//! members, researchers and the complaints coordinator. Only aggregates, already suppressed; the
//! charts are SVG with a text summary and the table behind them.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;

use super::report::{self, Cell, Report};
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
/// right. The highest answer-set number, counts of complaints (and their last change), quotes, waves
/// and the category names.
pub fn data_stamp(conn: &mut crate::db::DbConnection) -> diesel::QueryResult<String> {
    use crate::db::schema::{complaint_categories, complaints, quotes, responses, waves};
    use diesel::prelude::*;
    // Answer sets are only ever added: the highest number says whether there are new ones (one
    // index lookup, where counting a million rows would cost most of a page view).
    let max: Option<i64> = responses::table
        .select(diesel::dsl::max(responses::id))
        .get_result(conn)?;
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
    let names: Vec<String> = complaint_categories::table
        .select(complaint_categories::name)
        .load(conn)?;
    Ok(format!(
        "{max:?}/{c}/{changed:?}/{q}/{decided:?}/{w}/{}/{}",
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

/// A percentage in Dutch, or a dash for a hidden figure.
fn pct(c: &Cell) -> Markup {
    match c.value {
        Some(v) => html! { (format!("{v:.0}%")) @if c.shown == "indicatief" { sup { "*" } } },
        None => html! { abbr title="verborgen: te weinig mensen" { "–" } },
    }
}

fn count(c: &Cell) -> Markup {
    match c.n {
        Some(n) => html! { (n) @if c.shown == "indicatief" { sup { "*" } } },
        None => html! { abbr title="verborgen: te weinig mensen" { "–" } },
    }
}

/// A horizontal bar chart: SVG with a title and a text summary, drawn from published values only.
pub fn bar_chart(
    id: &str,
    title: &str,
    rows: &[(String, Option<f64>)],
    max: f64,
    unit: &str,
) -> Markup {
    let height = 28 * rows.len() as u32 + 10;
    let summary: Vec<String> = rows
        .iter()
        .map(|(label, v)| match v {
            Some(v) => format!("{label}: {v:.0}{unit}"),
            None => format!("{label}: verborgen"),
        })
        .collect();
    html! {
        figure.chart {
            svg role="img" aria-labelledby={ (id) "-titel " (id) "-tekst" } viewBox={ "0 0 640 " (height) } width="100%" {
                title id={ (id) "-titel" } { (title) }
                desc id={ (id) "-tekst" } { (summary.join("; ")) }
                @for (i, (label, v)) in rows.iter().enumerate() {
                    @let y = 10 + 28 * i as u32;
                    text x="0" y=(y + 16) font-size="14" fill="#1a1a1a" { (label) }
                    @if let Some(v) = v {
                        rect x="260" y=(y + 2) height="18" width=(format!("{:.1}", 300.0 * (v / max).clamp(0.0, 1.0))) fill="#01689b" {}
                        text x=(format!("{:.1}", 268.0 + 300.0 * (v / max).clamp(0.0, 1.0))) y=(y + 16) font-size="14" fill="#1a1a1a" { (format!("{v:.0}{unit}")) }
                    } @else {
                        text x="260" y=(y + 16) font-size="14" fill="#1a1a1a" { "verborgen" }
                    }
                }
            }
            figcaption { (title) ". " (summary.join("; ")) "." }
        }
    }
}

/// The report as HTML (its texts in Dutch: the report is the municipality's document).
pub fn report_markup(r: &Report) -> Markup {
    html! {
        article.report lang="nl" {
            p.lead { "Periode " (r.period.label) " (" (crate::surveys::respondent::date_text(r.period.from)) " tot en met " (crate::surveys::respondent::date_text(r.period.to)) "). "
                @if r.provisional { strong { "Voorlopig: " } "de periode is nog niet voorbij." } @else { "Definitief." } }
            section #samenvatting {
                h2 { "Samenvatting" }
                ul { @for s in &r.summary { li { (s) } } }
            }
            @if let Some(s) = &r.survey {
                section #respons {
                    h2 { "Respons en foutmarge" }
                    p { "Vragenlijst " (s.wave) ": " (s.answered) " ingevulde vragenlijsten van " (s.population) " uitgenodigde mensen"
                        @if let Some(rr) = s.response_rate { " (" (format!("{rr:.0}%")) ")" } ". "
                        @if let Some(m) = s.margin { "De foutmarge is " (format!("{m:.1}").replace('.', ",")) " procentpunt (95% betrouwbaarheid)." } }
                }
                section #dimensies {
                    h2 { "De vier onderwerpen" }
                    @let rows: Vec<(String, Option<f64>)> = s.dimensions.iter().map(|d| (dimension_name(&d.dimension).to_string(), d.positive.value)).collect();
                    (bar_chart("dimensies", "Deel van de mensen dat positief is, per onderwerp", &rows, 100.0, "%"))
                    table {
                        caption { "Positief per onderwerp (gemiddeld over de vragen)" }
                        thead { tr { th scope="col" { "Onderwerp" } th scope="col" { "Positief" } th scope="col" { "Kleinste aantal (nmin)" } } }
                        tbody { @for d in &s.dimensions { tr { td { (dimension_name(&d.dimension)) } td { (pct(&d.positive)) } td { @if let Some(n) = d.nmin { (n) } @else { "–" } } } } }
                    }
                }
                section #vragen {
                    h2 { "Per vraag" }
                    table {
                        caption { "Antwoorden per vraag; weet niet telt niet mee in de percentages" }
                        thead { tr { th scope="col" { "Vraag" } th scope="col" { "n" } th scope="col" { "Positief" } th scope="col" { "Neutraal" } th scope="col" { "Negatief" } th scope="col" { "Weet niet" } th scope="col" { "Verschil met vorige keer" } } }
                        tbody {
                            @for i in &s.items {
                                tr {
                                    td { (i.text) }
                                    td { (count(&i.positive)) }
                                    td { (pct(&i.positive)) @if let Some((lo, hi)) = i.interval { br; small { (format!("{lo:.0}–{hi:.0}%")) } } }
                                    td { (pct(&i.neutral)) }
                                    td { (pct(&i.negative)) }
                                    td { (pct(&i.dont_know)) }
                                    td { @match i.change { Some(c) => (format!("{c:+.0} procentpunt")), None => "geen duidelijk verschil" } }
                                }
                            }
                        }
                    }
                }
                section #citaten {
                    h2 { "Wat mensen zeggen" }
                    @if s.quotes.is_empty() { p { "Er zijn (nog) geen citaten goedgekeurd voor deze rapportage." } }
                    @else {
                        p { "Letterlijke antwoorden op de open vragen, zonder namen of andere gegevens die naar iemand wijzen. Een onderzoeker heeft elk citaat gecontroleerd." }
                        @for (_, q) in &s.quotes { blockquote { p { "\u{201c}" (q) "\u{201d}" } } }
                    }
                }
                section #normen {
                    h2 { "Normenkader" }
                    table {
                        caption { "Normen van de gemeente en of ze gehaald zijn" }
                        thead { tr { th scope="col" { "Norm" } th scope="col" { "Positief" } th scope="col" { "Voldaan vanaf" } th scope="col" { "Oordeel" } } }
                        tbody {
                            @for n in &s.norms {
                                tr { td { (n.name) } td { (pct(&n.positive)) } td { (format!("{:.0}% (gedeeltelijk {:.0}%)", n.thresholds.0, n.thresholds.1)) } td { strong { (n.verdict.text()) } } }
                            }
                        }
                    }
                }
                section #cijfer {
                    h2 { "Rapportcijfer" }
                    p { "Gemiddeld cijfer: " @match s.grade_mean.value { Some(m) => (format!("{m:.1}").replace('.', ",")), None => "–" }
                        ". Een 8 of hoger: " (pct(&s.grade_eight_or_more)) ". Een onvoldoende (lager dan 6): " (pct(&s.grade_below_six)) "." }
                }
                section #groepen {
                    h2 { "Groepen" }
                    @let diffs: Vec<&String> = s.subgroups.iter().filter_map(|g| g.difference.as_ref()).collect();
                    @if diffs.is_empty() { p { "Tussen groepen zijn geen verschillen die groot genoeg zijn om zeker te zijn." } }
                    @else { ul { @for d in diffs { li { (d) } } } }
                    table {
                        caption { "Positief over de bejegening per groep" }
                        thead { tr { th scope="col" { "Indeling" } th scope="col" { "Groep" } th scope="col" { "Aantal" } th scope="col" { "Positief" } } }
                        tbody {
                            @for g in s.subgroups.iter().filter(|g| g.dimension == "bejegening") {
                                tr { td { (g.split) } td { (g.value) } td { (count(&g.positive)) } td { (pct(&g.positive)) } }
                            }
                        }
                    }
                }
            } @else {
                section #respons { h2 { "Vragenlijst" } p { "In deze periode liep geen vragenlijst." } }
            }
            section #klachten {
                h2 { "Klachten" }
                @let c = &r.complaints;
                @let rows: Vec<(String, Option<f64>)> = c.funnel.iter().map(|(k, cell)| (funnel_name(k).to_string(), cell.value)).collect();
                @let max = c.funnel.first().and_then(|(_, x)| x.value).unwrap_or(1.0).max(1.0);
                (bar_chart("trechter", "Wat er met de klachten gebeurde", &rows, max, ""))
                table {
                    caption { "Van binnenkomst tot opvolging" }
                    thead { tr { th scope="col" { "Stap" } th scope="col" { "Aantal" } } }
                    tbody { @for (k, cell) in &c.funnel { tr { td { (funnel_name(k)) } td { (count(cell)) } } } }
                }
                p { "Binnen de wettelijke termijn beslist: " (pct(&c.in_time)) ". Uitgesteld: " (count(&c.postponed)) ". (Deels) gegrond: " (pct(&c.founded)) "."
                    @if let (Some(m), Some(p90)) = (c.median_days, c.p90_days) { " Behandelduur: de helft binnen " (format!("{m:.0}")) " dagen, 9 op de 10 binnen " (p90) " dagen." } }
                p { "Via raadsleden en wethouders doorgegeven: " (count(&c.council.0)) "; zij hoorden wat ermee gebeurde: " (count(&c.council.1)) "." }
                table {
                    caption { "Klachten per kanaal" }
                    thead { tr { th scope="col" { "Kanaal" } th scope="col" { "Aantal" } } }
                    tbody { @for (k, cell) in &c.by_channel { tr { td { (k) } td { (count(cell)) } } } }
                }
                @if !c.by_category.is_empty() {
                    table {
                        caption { "Klachten per onderwerp" }
                        thead { tr { th scope="col" { "Onderwerp" } th scope="col" { "Aantal" } } }
                        tbody { @for (k, cell) in &c.by_category { tr { td { (k) } td { (count(cell)) } } } }
                    }
                }
            }
            section #opvolging {
                h2 { "Wat is er gedaan met klachten" }
                @if r.followups.is_empty() { p { "Er zijn in deze periode geen acties vastgelegd na een oordeel over een klacht." } }
                @else {
                    table {
                        caption { "Acties na een oordeel over een klacht" }
                        thead { tr { th scope="col" { "Actie" } th scope="col" { "Wie" } th scope="col" { "Klaar voor" } th scope="col" { "Klaar op" } } }
                        tbody { @for f in &r.followups { tr { td { (f.action) } td { (f.owner) } td { (crate::surveys::respondent::date_text(f.due)) } td { @match f.done { Some(d) => (crate::surveys::respondent::date_text(d)), None => "nog niet" } } } } }
                    }
                }
            }
            @if r.period.year {
                section #register {
                    h2 { "Bijlage: klachtenregister " (r.period.label) }
                    p { "Alle schriftelijke klachten van dit jaar, zonder namen (artikel 9:12a Algemene wet bestuursrecht)." }
                    table {
                        caption { "Klachtenregister" }
                        thead { tr { th scope="col" { "Zaak" } th scope="col" { "Ontvangen" } th scope="col" { "Kanaal" } th scope="col" { "Uitkomst" } th scope="col" { "Dagen" } th scope="col" { "Op tijd" } } }
                        tbody { @for l in &r.register { tr { td { (l.case) } td { (crate::surveys::respondent::date_text(l.received)) } td { (l.channel) } td { (l.outcome.replace('_', " ")) } td { @if let Some(d) = l.days { (d) } } td { @match l.in_time { Some(true) => "ja", Some(false) => "nee", None => "" } } } } }
                    }
                }
            }
            section #methode {
                h2 { "Methode en begrippen" }
                ul {
                    li { "n is het aantal mensen waarop een cijfer rust. Percentages gaan over wie een mening gaf; \u{201c}weet niet\u{201d} telt niet mee, het aandeel staat er apart bij." }
                    li { "Positief is een 4 of 5 op een schaal van 5 (eens, tevreden). Tussen haakjes staat de marge (95%)." }
                    li { "De foutmarge houdt rekening met het aantal uitgenodigde mensen (eindige-populatiecorrectie)." }
                    li { "Een cijfer dat op minder dan " (r.k) " mensen rust, staat er niet (–). Als een totaal zo'n cijfer zou verraden, is ook een tweede cijfer weggelaten. Cijfers op minder dan 50 mensen zijn indicatief (*)." }
                    li { "Verschillen tussen groepen en met de vorige keer staan er alleen als ze statistisch betrouwbaar zijn (toets op twee proporties, 5%)." }
                    li { "Bronnen: de vragenlijst (alle kanalen: web, papier, telefoon, met hulp) en het klachtenregistratiesysteem. Gemaakt op " (crate::surveys::respondent::date_text(r.made_on)) "." }
                }
            }
        }
    }
}

/// The plain name of a dimension.
pub fn dimension_name(code: &str) -> &'static str {
    match code {
        "bereikbaarheid" => "Bereikbaarheid",
        "bejegening" => "Bejegening",
        "dienstverlening" => "Tevredenheid over de dienstverlening",
        "effectiviteit" => "Effectiviteit van de ondersteuning",
        _ => "Achtergrond",
    }
}

fn funnel_name(code: &str) -> &'static str {
    match code {
        "ontvangen" => "Binnengekomen",
        "bemiddeld" => "Bemiddelingsgesprek",
        "informeel_opgelost" => "Opgelost in het gesprek",
        "ingetrokken" => "Ingetrokken",
        "gehoord" => "Hoorzitting gehouden",
        "besloten" => "Oordeel gegeven",
        "opgevolgd" => "Met acties opgevolgd",
        "ombudsman" => "Naar de ombudsman",
        _ => "Overig",
    }
}

async fn page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Query>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let today = crate::surveys::today();
    let chosen = q.periode.clone().unwrap_or_default();
    let period = match period_of(&q, today) {
        Ok(p) => p,
        Err(e) => {
            let errors = [("periode", e)];
            return Ok(page_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                layout::page(
                    &ctx,
                    &t(lang, "report-title"),
                    period_form(&ctx, &chosen, &errors),
                ),
            ));
        }
    };
    let r = build(&state, period.clone()).await?;
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(lang, "report-title-period", &[("period", &period.label)]),
            html! {
                (period_form(&ctx, &period.label, &[]))
                p { a.tap href={ "/rapportage/open-data.csv?periode=" (period.label) } { (t(lang, "report-open-csv")) } " "
                    a.tap href={ "/rapportage/open-data.json?periode=" (period.label) } { (t(lang, "report-open-json")) } }
                (report_markup(&r))
            },
        ),
    ))
}

fn period_form(ctx: &Ctx, value: &str, errors: &[(&str, String)]) -> Markup {
    let lang = ctx.lang;
    html! {
        (layout::error_summary(ctx, errors))
        form method="get" action="/rapportage" {
            (layout::text_field("periode", &t(lang, "report-period"), "text", value, Some(&t(lang, "report-period-hint")), layout::error_for(errors, "periode"), "off"))
            button type="submit" { (t(lang, "report-show")) }
        }
        (PreEscaped(""))
    }
}

/// Every published figure as CSV rows: section, figure, group, value, n, shown.
pub fn open_data_csv(r: &Report) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(vec![]);
    let _ = w.write_record([
        "periode",
        "onderdeel",
        "cijfer",
        "groep",
        "waarde",
        "n",
        "getoond",
    ]);
    let mut row = |section: &str, figure: &str, group: &str, c: &Cell| {
        let _ = w.write_record([
            r.period.label.as_str(),
            section,
            figure,
            group,
            &c.value.map(|v| format!("{v:.1}")).unwrap_or_default(),
            &c.n.map(|n| n.to_string()).unwrap_or_default(),
            c.shown,
        ]);
    };
    if let Some(s) = &r.survey {
        for d in &s.dimensions {
            row(
                "vragenlijst",
                "positief_onderwerp",
                &d.dimension,
                &d.positive,
            );
        }
        for i in &s.items {
            row("vragenlijst", "positief", &i.key, &i.positive);
            row("vragenlijst", "neutraal", &i.key, &i.neutral);
            row("vragenlijst", "negatief", &i.key, &i.negative);
            row("vragenlijst", "weet_niet", &i.key, &i.dont_know);
        }
        row("vragenlijst", "cijfer_gemiddeld", "", &s.grade_mean);
        row(
            "vragenlijst",
            "cijfer_8_of_hoger",
            "",
            &s.grade_eight_or_more,
        );
        row("vragenlijst", "cijfer_onder_6", "", &s.grade_below_six);
        for g in &s.subgroups {
            row(
                "vragenlijst",
                &format!("positief_{}", g.dimension),
                &format!("{}={}", g.split, g.value),
                &g.positive,
            );
        }
    }
    if let Some(s) = &r.survey {
        for n in &s.norms {
            row("normenkader", n.verdict.text(), &n.name, &n.positive);
        }
    }
    let c = &r.complaints;
    for (k, cell) in &c.funnel {
        row("klachten", "trechter", k, cell);
    }
    for (k, cell) in &c.by_channel {
        row("klachten", "kanaal", k, cell);
    }
    for (k, cell) in &c.by_category {
        row("klachten", "onderwerp", k, cell);
    }
    row("klachten", "binnen_termijn", "", &c.in_time);
    row("klachten", "gegrond", "", &c.founded);
    row("klachten", "uitgesteld", "", &c.postponed);
    w.into_inner().unwrap_or_default()
}

async fn open_csv(
    state: web::Data<AppState>,
    q: web::Query<Query>,
) -> Result<HttpResponse, AppError> {
    let period = period_of(&q, crate::surveys::today())
        .map_err(|_| AppError::BadRequest("form-error-fields"))?;
    let r = build(&state, period.clone()).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"rapportage-{}.csv\"", period.label),
        ))
        .body(open_data_csv(&r)))
}

async fn open_json(
    state: web::Data<AppState>,
    q: web::Query<Query>,
) -> Result<HttpResponse, AppError> {
    let period = period_of(&q, crate::surveys::today())
        .map_err(|_| AppError::BadRequest("form-error-fields"))?;
    let r = build(&state, period).await?;
    Ok(HttpResponse::Ok().json(&*r))
}

/// The report as a file of its own: one HTML document with its styles inside, to read, print or
/// put on the municipality's website.
pub fn standalone_html(r: &Report, municipality: &str) -> String {
    let title = format!("Rapportage bejegening {} – {municipality}", r.period.label);
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
@page{size:A4;margin:18mm}@media print{body{font-size:11pt}section{break-inside:avoid-page}}";
