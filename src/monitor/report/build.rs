//! Builds the report from the database: the waves, complaint facts, follow-ups and themes of a
//! period, decided on and assembled.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::*;
use crate::db::DbConnection;
use crate::monitor::complaint_figures::{self, CaseFacts};
use crate::monitor::disclosure::{self, Figure};
use crate::monitor::survey_figures::{self};
use crate::surveys::definition::Definition;

/// The published counts of a wave (see [`disclosure::published_through`]).
pub(super) fn published_figures(
    conn: &mut DbConnection,
    wave: &crate::surveys::waves::Wave,
    def: &Definition,
    today: NaiveDate,
    k: u64,
) -> QueryResult<survey_figures::WaveFigures> {
    survey_figures::compute_published(conn, wave, def, today, k)
}

/// Builds the report for `period` with threshold `k`, as published on `today`.
pub fn build(
    conn: &mut DbConnection,
    period: &Period,
    k: u64,
    today: NaiveDate,
) -> QueryResult<Report> {
    // The survey: the latest wave of the period that has closed, compared with the wave before it.
    let all = crate::surveys::waves::list_waves(conn)?;
    let waves: Vec<&crate::surveys::waves::Wave> = all
        .iter()
        .filter(|w| w.closes_on >= period.from && w.opens_on <= period.to)
        .collect();
    let closed = waves
        .iter()
        .filter(|w| disclosure::wave_published(w.closes_on, today))
        .max_by_key(|w| (w.closes_on, w.id));
    // A wave still running is named, without figures.
    let survey_waiting = waves
        .iter()
        .filter(|w| !disclosure::wave_published(w.closes_on, today))
        .max_by_key(|w| (w.closes_on, w.id))
        .map(|w| WaveWaiting {
            wave: w.name.clone(),
            closes_on: w.closes_on,
        });
    let mut theme_waves = (None, None);
    let mut wave_trend: Vec<WaveTrend> = vec![];
    let survey = match closed {
        Some(w) => {
            let def = crate::surveys::respond::definition(conn, w.version_id)
                .map_err(|_| diesel::result::Error::NotFound)?;
            let figures = published_figures(conn, w, &def, today, k)?;
            let prev = all
                .iter()
                .filter(|p| p.closes_on < w.opens_on && p.questionnaire_key == w.questionnaire_key)
                .max_by_key(|p| (p.closes_on, p.id));
            theme_waves = (Some(w.id), prev.map(|p| p.id));
            // Earlier waves of the same questionnaire, for the trend (the two before the previous).
            let mut earlier: Vec<&crate::surveys::waves::Wave> = all
                .iter()
                .filter(|p| p.closes_on < w.opens_on && p.questionnaire_key == w.questionnaire_key)
                .collect();
            earlier.sort_by_key(|p| std::cmp::Reverse((p.closes_on, p.id)));
            let prev_figures = match prev {
                Some(p) => Some((p.name.clone(), published_figures(conn, p, &def, today, k)?)),
                None => None,
            };
            let invited = crate::surveys::waves::invitation_counts(conn, w.id)?.0;
            let mut part = survey_part(
                &def,
                &w.name,
                w.population.max(0) as u64,
                invited.max(0) as u64,
                &figures,
                prev_figures.as_ref().map(|(n, f)| (n.as_str(), f)),
                k,
            );
            // The trend: the earlier waves, the previous one and this one, oldest first.
            for p in earlier.iter().skip(1).take(2).rev() {
                let d = crate::surveys::respond::definition(conn, p.version_id)
                    .map_err(|_| diesel::result::Error::NotFound)?;
                let f = published_figures(conn, p, &d, today, k)?;
                wave_trend.push(wave_trend_of(&d, &p.name, p.closes_on, &f, k));
            }
            if let (Some((name, f)), Some(p)) = (&prev_figures, prev) {
                wave_trend.push(wave_trend_of(&def, name, p.closes_on, f, k));
            }
            wave_trend.push(WaveTrend {
                wave: w.name.clone(),
                closed: w.closes_on,
                answered: part.answered,
                dimensions: part.dimensions.clone(),
            });
            mark_wave_changes(&mut wave_trend);
            // Quotes only from a wave large enough, whatever was approved.
            if figures.all.sets >= crate::monitor::quotes::DEFAULT_MIN_GROUP {
                part.quotes = crate::monitor::quotes::approved(conn, w.id)?;
            }
            Some(part)
        }
        None => None,
    };
    // Complaints: every year the report shows (this one, the quarters of the trend, the period
    // before for the themes) is decided whole, on the grid of quarters.
    use chrono::Datelike;
    let scope = complaint_scope(period, today);
    let before = scope_before(period);
    let mut years: std::collections::BTreeSet<i32> = last_four_quarters(period)
        .iter()
        .map(|(_, from, _)| from.year())
        .collect();
    years.insert(period.from.year());
    years.insert(before.year());
    let mut facts: Vec<CaseFacts> = vec![];
    for y in &years {
        let (from, to) = (
            NaiveDate::from_ymd_opt(*y, 1, 1).unwrap_or(period.from),
            NaiveDate::from_ymd_opt(*y, 12, 31).unwrap_or(period.to),
        );
        facts.extend(crate::monitor::complaint_read::complaint_facts(
            conn, from, to, today,
        )?);
    }
    let cells: Vec<disclosure::CaseCells> = facts.iter().map(complaint_figures::cells).collect();
    let years: Vec<i32> = years.into_iter().collect();
    let decisions = disclosure::decide_years(&cells, &years, today, k);
    let complaints = scope.and_then(|s| complaint_part(&decisions, s, &facts));
    let register = if period.year {
        scope.and_then(|s| register_part(&decisions, s))
    } else {
        None
    };
    // Follow-up actions of the complaints of the published quarters only (by the day each
    // complaint came in, as every complaint figure), in numbers.
    let followups = match scope {
        Some(s) => {
            let (from, to) = s.dates();
            let actions: Vec<(NaiveDate, Option<NaiveDate>)> =
                crate::complaints::read_model::followups(conn, from, to)?
                    .into_iter()
                    .map(|f| (f.due, f.done))
                    .collect();
            FollowUps::count(&actions, today)
        }
        None => FollowUps::default(),
    };
    // Themes: the open answers of the wave shown, and of the wave before; the complaints as
    // decided. (An empty range of days: the tally of a wave alone.)
    let book = crate::monitor::codebook::load(conn)?;
    let nothing = (period.to + chrono::Duration::days(1), period.to);
    let answers = crate::monitor::codebook::tally(conn, theme_waves.0, nothing.0, nothing.1)?;
    let answers_before =
        crate::monitor::codebook::tally(conn, theme_waves.1, nothing.0, nothing.1)?;
    let before = decisions.has(before).then_some(before);
    let themes = theme_figures(
        &answers,
        &answers_before,
        &decisions,
        scope,
        before,
        &book,
        k,
    );
    let quarter_trend = quarter_trend(&decisions, period);
    let mut report = Report {
        period: period.clone(),
        made_on: today,
        provisional: today <= period.to,
        k,
        survey,
        survey_waiting,
        complaints,
        summary: vec![],
        followups,
        register,
        themes,
        coded_texts: answers.texts,
        coded_complaints: scope.map(|s| count_cell(&decisions, s, &Figure::Coded)),
        coding_agreement: Some(crate::monitor::codebook::agreement(conn)?).filter(|a| a.texts > 0),
        wave_trend,
        quarter_trend,
    };
    report.summary = summary(&report);
    Ok(report)
}
