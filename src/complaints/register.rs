//! The yearly register of written complaints (Awb 9:12a), anonymised: date of receipt, channel,
//! kind, categories, outcome, handling time and whether the legal deadline was met. Written means
//! a klaagschrift: received by letter, e-mail, the web form, or passed on in writing (council
//! member, alderman, commission), with a name (Awb 9:4); oral complaints and anonymous signals
//! count in the monitor, not here.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::register_queries::{lines, years};
use super::register_views;
use super::terms::{Channel, Judgement, Kind};
use super::workflow::State;
use crate::accounts::model::Role;
use crate::web::context::Ctx;
use crate::web::errors::{page_response, AppError};
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

impl Outcome {
    /// Its place in the order of the codes (a unit test checks it against the codes), so that
    /// comparing two outcomes, which the disclosure check does for every count, compares two
    /// numbers rather than two texts.
    #[inline]
    fn rank(self) -> u8 {
        match self {
            Outcome::Judged(Judgement::PartlyFounded) => 0,
            Outcome::Referred => 1,
            Outcome::Judged(Judgement::NoJudgement) => 2,
            Outcome::Judged(Judgement::Founded) => 3,
            Outcome::Closed => 4,
            Outcome::ResolvedInformally => 5,
            Outcome::Withdrawn => 6,
            Outcome::Running => 7,
            Outcome::NotHandled => 8,
            Outcome::Judged(Judgement::Unfounded) => 9,
        }
    }
}

/// Outcomes are ordered by their code (the order the report lists them in).
impl Ord for Outcome {
    #[inline]
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank().cmp(&other.rank())
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

async fn page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Year>,
) -> Result<HttpResponse, AppError> {
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
    Ok(page_response(
        StatusCode::OK,
        register_views::register_page(&ctx, year, &years, &lines, &shown),
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

    #[test]
    fn outcomes_are_ordered_by_their_code() {
        let mut all: Vec<Outcome> = Judgement::ALL.iter().map(|j| Outcome::Judged(*j)).collect();
        all.extend([
            Outcome::ResolvedInformally,
            Outcome::Withdrawn,
            Outcome::NotHandled,
            Outcome::Referred,
            Outcome::Closed,
            Outcome::Running,
        ]);
        let mut by_rank = all.clone();
        by_rank.sort();
        let mut by_code = all;
        by_code.sort_by_key(|o| o.code());
        assert_eq!(by_rank, by_code);
        let ranks: std::collections::BTreeSet<u8> = by_rank.iter().map(|o| o.rank()).collect();
        assert_eq!(ranks.len(), by_rank.len(), "two outcomes share a place");
    }

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
