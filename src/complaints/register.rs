//! The yearly register of written complaints (Awb 9:12a), anonymised: date of receipt, channel,
//! kind, categories, outcome, handling time and whether the legal deadline was met. Written means
//! a klaagschrift: received by letter, e-mail, the web form, or passed on in writing (council
//! member, alderman, commission), with a name (Awb 9:4); oral complaints and anonymous signals
//! count in the monitor, not here.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use maud::html;
use serde::Deserialize;

use super::store;
use super::terms::{Channel, Judgement, Kind};
use super::workflow::State;
use crate::accounts::model::Role;
use crate::db::schema::{
    complaint_categories, complaint_category_links, complaint_elements, complaint_progress,
    complaints,
};
use crate::db::DbConnection;
use crate::fmt::date_text;
use crate::web::context::Ctx;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout;
use crate::web::paging::{self, Page};
use crate::web::routes::{Access, RouteDef};
use crate::web::AppState;

/// Routes of the register.
pub fn routes() -> Vec<RouteDef> {
    let who = Access::Roles(&[Role::Klachtcoordinator]);
    vec![
        RouteDef::new("/klachten/register", who).get(page),
        RouteDef::new("/klachten/register.csv", who).get(csv_download),
    ]
}

/// Whether a complaint is written (a klaagschrift in the register): it came in through a
/// written channel and carries a name.
pub fn is_written(channel: Channel, anonymous: bool) -> bool {
    channel.is_written() && !anonymous
}

/// The channels of written complaints.
fn written_channels() -> Vec<Channel> {
    Channel::ALL
        .iter()
        .copied()
        .filter(|c| c.is_written())
        .collect()
}

/// One line of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Case number.
    pub case: String,
    /// Received.
    pub received: NaiveDate,
    /// How it came in.
    pub channel: Channel,
    /// Complaint or objection.
    pub kind: Kind,
    /// Category names.
    pub categories: Vec<String>,
    /// Outcome: the judgement over all elements, or how it ended, or `lopend`.
    pub outcome: Outcome,
    /// Finished on (decided, or ended otherwise).
    pub finished: Option<NaiveDate>,
    /// Days from receipt to finish.
    pub days: Option<i64>,
    /// Decided within the legal deadline (None while running).
    pub in_time: Option<bool>,
}

/// The outcome of a complaint from its elements' judgements: gegrond when every element is,
/// ongegrond when none is, deels gegrond otherwise; geen oordeel when nothing was judged.
pub fn overall(judgements: &[Judgement]) -> Judgement {
    let count = |j: Judgement| judgements.iter().filter(|x| **x == j).count();
    let founded = count(Judgement::Founded);
    let partly = count(Judgement::PartlyFounded);
    let unfounded = count(Judgement::Unfounded);
    if founded + partly + unfounded == 0 {
        Judgement::NoJudgement
    } else if founded == judgements.len() {
        Judgement::Founded
    } else if founded + partly == 0 {
        Judgement::Unfounded
    } else {
        Judgement::PartlyFounded
    }
}

/// A complaint's outcome in the register (Awb 9:12a): the judgement over all elements once
/// decided, how it ended when it ended otherwise (or was resolved informally), else running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Decided: the judgement over all elements.
    Judged(Judgement),
    /// Resolved in the mediation talk (Awb 9:5).
    ResolvedInformally,
    /// Withdrawn by the complainant.
    Withdrawn,
    /// Not handled on an Awb 9:8 ground.
    NotHandled,
    /// Referred to the bezwaar procedure.
    Referred,
    /// Closed without a decision.
    Closed,
    /// Still being handled (`lopend`).
    Running,
}

impl Outcome {
    /// Its code in the register, the CSV and the open data: the judgement's or the state's code,
    /// or `lopend`.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Judged(j) => j.code(),
            Outcome::ResolvedInformally => State::ResolvedInformally.code(),
            Outcome::Withdrawn => State::Withdrawn.code(),
            Outcome::NotHandled => State::NotHandled.code(),
            Outcome::Referred => State::Referred.code(),
            Outcome::Closed => State::Closed.code(),
            Outcome::Running => "lopend",
        }
    }
}

/// Outcomes are ordered by their code (the order the report lists them in).
impl Ord for Outcome {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.code().cmp(other.code())
    }
}

impl PartialOrd for Outcome {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// An outcome is written as its code.
impl serde::Serialize for Outcome {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A complaint's outcome in the register from its state, whether it was decided, and its
/// elements' judgements.
pub fn outcome(state: State, decided: bool, judgements: &[Judgement]) -> Outcome {
    if decided {
        return Outcome::Judged(overall(judgements));
    }
    match state {
        State::ResolvedInformally => Outcome::ResolvedInformally,
        State::Withdrawn => Outcome::Withdrawn,
        State::NotHandled => Outcome::NotHandled,
        State::Referred => Outcome::Referred,
        State::Closed => Outcome::Closed,
        State::Received
        | State::Mediation
        | State::FormalHandling
        | State::HearingPlanned
        | State::Heard
        | State::Advised
        | State::Decided
        | State::WithOmbudsman => Outcome::Running,
    }
}

/// The register of `year` (by date of receipt).
/// The years the register can show: from the first complaint received up to this year.
pub fn years(conn: &mut DbConnection, this_year: i32) -> QueryResult<Vec<i32>> {
    let first: Option<NaiveDate> = complaints::table
        .select(diesel::dsl::min(complaints::received_on))
        .first(conn)?;
    let first = first.map_or(this_year, |d| d.year().min(this_year));
    Ok((first..=this_year).collect())
}

/// The register's lines of one year.
pub fn lines(conn: &mut DbConnection, year: i32) -> QueryResult<Vec<Line>> {
    let (from, to) = (
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
    );
    type Raw = (
        i64,
        NaiveDate,
        Channel,
        Kind,
        State,
        NaiveDate,
        Option<NaiveDate>,
        Option<NaiveDate>,
    );
    let rows: Vec<Raw> = complaints::table
        .inner_join(complaint_progress::table)
        .filter(complaints::received_on.between(from, to))
        .filter(complaints::channel.eq_any(written_channels()))
        .filter(complaints::anonymous.eq(false))
        .order(complaints::id)
        .select((
            complaints::id,
            complaints::received_on,
            complaints::channel,
            complaints::kind,
            complaints::state,
            complaints::deadline_on,
            complaint_progress::decided_on,
            complaint_progress::closed_on,
        ))
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let mut cats: Vec<(i64, String)> = vec![];
    let mut judged: Vec<(i64, Option<Judgement>)> = vec![];
    for chunk in ids.chunks(500) {
        cats.extend(
            complaint_category_links::table
                .inner_join(complaint_categories::table)
                .filter(complaint_category_links::complaint_id.eq_any(chunk))
                .order(complaint_categories::position)
                .select((
                    complaint_category_links::complaint_id,
                    complaint_categories::name,
                ))
                .load::<(i64, String)>(conn)?,
        );
        judged.extend(
            complaint_elements::table
                .filter(complaint_elements::complaint_id.eq_any(chunk))
                .select((
                    complaint_elements::complaint_id,
                    complaint_elements::judgement,
                ))
                .load::<(i64, Option<Judgement>)>(conn)?,
        );
    }
    Ok(rows
        .into_iter()
        .map(
            |(id, received, channel, kind, st, deadline, decided, closed)| {
                let finished = decided.or(if st.is_final() { closed } else { None });
                let js: Vec<Judgement> = judged
                    .iter()
                    .filter(|(c, _)| *c == id)
                    .filter_map(|(_, j)| *j)
                    .collect();
                let outcome = outcome(st, decided.is_some(), &js);
                Line {
                    case: store::case_number_of(received, id),
                    received,
                    channel,
                    kind,
                    categories: cats
                        .iter()
                        .filter(|(c, _)| *c == id)
                        .map(|(_, n)| n.clone())
                        .collect(),
                    outcome,
                    finished,
                    days: finished.map(|f| (f - received).num_days()),
                    in_time: finished.map(|f| f <= deadline),
                }
            },
        )
        .collect())
}

/// The register as CSV (Dutch headers, one line per complaint).
pub fn csv(lines: &[Line], flavour: crate::csv_safe::Flavour) -> Vec<u8> {
    let mut w = crate::csv_safe::Writer::with_flavour(vec![], flavour);
    let _ = w.write_record([
        "zaaknummer",
        "ontvangen",
        "kanaal",
        "soort",
        "categorieen",
        "uitkomst",
        "afgerond",
        "behandelduur_dagen",
        "binnen_termijn",
    ]);
    for l in lines {
        let _ = w.write_record([
            l.case.as_str(),
            &l.received.format("%Y-%m-%d").to_string(),
            l.channel.code(),
            l.kind.code(),
            &l.categories.join("; "),
            l.outcome.code(),
            &l.finished
                .map(|f| f.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            &l.days.map(|d| d.to_string()).unwrap_or_default(),
            match l.in_time {
                Some(true) => "ja",
                Some(false) => "nee",
                None => "",
            },
        ]);
    }
    w.into_inner().unwrap_or_default()
}

#[derive(Deserialize)]
struct Year {
    jaar: Option<i32>,
    /// Page of the register shown (the download has every line).
    pagina: Option<i64>,
}

fn outcome_text(lang: Lang, outcome: Outcome) -> String {
    let code = outcome.code();
    match outcome {
        Outcome::Judged(_) => t(lang, &format!("judgement-{code}")),
        Outcome::Running => t(lang, "register-running"),
        Outcome::ResolvedInformally
        | Outcome::Withdrawn
        | Outcome::NotHandled
        | Outcome::Referred
        | Outcome::Closed => t(lang, &format!("case-stage-{code}")),
    }
}

async fn page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Year>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let this_year = crate::fmt::today().year();
    let year = q.jaar.unwrap_or(this_year);
    let (lines, years) = state
        .db(move |conn| Ok((lines(conn, year)?, years(conn, this_year)?)))
        .await?;
    crate::accounts::audit::log(
        &state,
        crate::accounts::audit::Actor::of(&ctx),
        "complaint.register_viewed",
        "complaint_register",
        Some(year.to_string()),
        None,
    )
    .await?;
    let shown = Page::new(q.pagina, paging::PAGE_ROWS * 2, lines.len() as i64);
    let title = t_args(lang, "register-title", &[("year", &year.to_string())]);
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &title,
            html! {
                p { (t(lang, "register-intro")) }
                (crate::web::download::form(lang, "register", &[(format!("/klachten/register.csv?jaar={year}"), t(lang, "register-download"))]))
                nav aria-label=(t(lang, "register-years")) {
                    ul.pages {
                        @for y in &years {
                            li {
                                @if *y == year { span aria-current="page" { (y) } }
                                @else { a href={ "/klachten/register?jaar=" (y) } { (y) } }
                            }
                        }
                    }
                }
                @if lines.is_empty() { p { (t(lang, "cases-none")) } } @else {
                    table {
                        caption { (crate::web::i18n::t_count(lang, "register-count", lines.len() as i64)) }
                        thead { tr {
                            th scope="col" { (t(lang, "case-number")) }
                            th scope="col" { (t(lang, "case-received")) }
                            th scope="col" { (t(lang, "case-channel")) }
                            th scope="col" { (t(lang, "case-kind")) }
                            th scope="col" { (t(lang, "case-categories")) }
                            th scope="col" { (t(lang, "register-outcome")) }
                            th scope="col" { (t(lang, "register-days")) }
                            th scope="col" { (t(lang, "register-in-time")) }
                        } }
                        tbody {
                            @for l in &lines[shown.range(lines.len())] {
                                tr {
                                    td { (l.case) }
                                    td { (date_text(l.received)) }
                                    td { (t(lang, &format!("channel-complaint-{}", l.channel))) }
                                    td { (t(lang, &format!("kind-{}", l.kind))) }
                                    td { (paging::short_text(lang, &l.categories.join("; "), paging::SHOWN_CHARS)) }
                                    td { (outcome_text(lang, l.outcome)) }
                                    td { @if let Some(d) = l.days { (d) } }
                                    td { @match l.in_time { Some(true) => (t(lang, "yes")), Some(false) => (t(lang, "no")), None => "" } }
                                }
                            }
                        }
                    }
                    (paging::nav(lang, &shown, |n| format!("/klachten/register?jaar={year}&pagina={n}")))
                }
            },
        ),
    ))
}

async fn csv_download(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Year>,
    choice: web::Query<crate::web::download::CsvChoice>,
) -> Result<HttpResponse, AppError> {
    let flavour = choice.flavour();
    let year = q.jaar.unwrap_or_else(|| crate::fmt::today().year());
    let lines = state.db(move |conn| Ok(lines(conn, year)?)).await?;
    crate::accounts::audit::log(
        &state,
        crate::accounts::audit::Actor::of(&ctx),
        "complaint.register_exported",
        "complaint_register",
        Some(year.to_string()),
        None,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"klachtenregister-{year}.csv\""),
        ))
        .body(csv(&lines, flavour)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn js(v: &[&str]) -> Vec<Judgement> {
        v.iter().filter_map(|s| Judgement::parse(s)).collect()
    }

    #[test]
    fn the_outcome_over_all_elements() {
        assert_eq!(overall(&js(&["gegrond", "gegrond"])).code(), "gegrond");
        assert_eq!(
            overall(&js(&["ongegrond", "geen_oordeel"])).code(),
            "ongegrond"
        );
        assert_eq!(
            overall(&js(&["gegrond", "ongegrond"])).code(),
            "deels_gegrond"
        );
        assert_eq!(overall(&js(&["deels_gegrond"])).code(), "deels_gegrond");
        assert_eq!(overall(&js(&["geen_oordeel"])).code(), "geen_oordeel");
        assert_eq!(overall(&[]).code(), "geen_oordeel");
    }

    #[test]
    fn a_case_not_decided_shows_how_it_ended_or_runs() {
        for s in State::ALL {
            let o = outcome(s, false, &[]);
            let ended = s.is_final() || s == State::ResolvedInformally;
            assert_eq!(o != Outcome::Running, ended, "{s:?}");
            if ended {
                assert_eq!(o.code(), s.code(), "{s:?}");
            }
        }
        assert_eq!(
            outcome(State::Closed, true, &[Judgement::Unfounded]).code(),
            "ongegrond"
        );
    }

    #[test]
    fn the_csv_has_no_names() {
        let l = Line {
            case: "2026-0001".into(),
            received: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            channel: Channel::Letter,
            kind: Kind::Complaint,
            categories: vec!["Respectloos".into(), "Privacy".into()],
            outcome: Outcome::Judged(Judgement::Founded),
            finished: NaiveDate::from_ymd_opt(2026, 4, 10),
            days: Some(39),
            in_time: Some(true),
        };
        let text = String::from_utf8(csv(&[l], crate::csv_safe::Flavour::Comma)).unwrap();
        assert_eq!(
            text,
            "zaaknummer,ontvangen,kanaal,soort,categorieen,uitkomst,afgerond,behandelduur_dagen,binnen_termijn\n\
             2026-0001,2026-03-02,brief,klacht,\"Respectloos; Privacy\",gegrond,2026-04-10,39,ja\n",
            "a field with a semicolon is quoted: Dutch Excel splits there"
        );
    }
}
