//! Reporting periods: reading them, the quarters and scopes they cover, and the periods the
//! report can be opened on.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::DbConnection;
use crate::monitor::disclosure::{self, Scope};

/// A reporting period: a quarter or a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// As written: `2026-Q3` or `2026`.
    pub label: String,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// A whole year (the register goes with it).
    pub year: bool,
}

/// Reads `2026-Q3` or `2026`.
pub fn parse_period(s: &str) -> Result<Period, String> {
    let s = s.trim();
    let bad =
        || format!("'{s}' is geen periode; schrijf een jaar (2026) of een kwartaal (2026-Q3)");
    let (year, quarter) = match s.split_once(['-', ' ']) {
        Some((y, q)) => {
            let q = q.trim_start_matches(['Q', 'q', 'K', 'k']);
            (
                y.parse::<i32>().map_err(|_| bad())?,
                Some(q.parse::<u32>().map_err(|_| bad())?),
            )
        }
        None => (s.parse::<i32>().map_err(|_| bad())?, None),
    };
    if !(2000..=2100).contains(&year) || quarter.is_some_and(|q| !(1..=4).contains(&q)) {
        return Err(bad());
    }
    let (m1, m2) = match quarter {
        Some(q) => (3 * q - 2, 3 * q),
        None => (1, 12),
    };
    let from = NaiveDate::from_ymd_opt(year, m1, 1).ok_or_else(bad)?;
    let next = if m2 == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, m2 + 1, 1)
    }
    .ok_or_else(bad)?;
    Ok(Period {
        label: match quarter {
            Some(q) => format!("{year}-Q{q}"),
            None => year.to_string(),
        },
        from,
        to: next - chrono::Duration::days(1),
        year: quarter.is_none(),
    })
}

/// The four quarters up to the end of `period`: (label, first day, last day), oldest first.
pub fn last_four_quarters(period: &Period) -> Vec<(String, NaiveDate, NaiveDate)> {
    use chrono::Datelike;
    let end = period.to;
    let mut q = (end.year(), (end.month0() / 3) as i32);
    let mut out = vec![];
    for _ in 0..4 {
        let (y, i) = q;
        let from = NaiveDate::from_ymd_opt(y, (3 * i + 1) as u32, 1).unwrap_or(end);
        let to = from
            .checked_add_months(chrono::Months::new(3))
            .map_or(end, |n| n - chrono::Duration::days(1));
        out.push((format!("{y}-Q{}", i + 1), from, to));
        q = if i == 0 { (y - 1, 3) } else { (y, i - 1) };
    }
    out.reverse();
    out
}

/// The complaint scope a period publishes on `today`: a quarter once it has ended; a year from
/// its first quarter that has ended, up to its last.
pub fn complaint_scope(period: &Period, today: NaiveDate) -> Option<Scope> {
    use chrono::Datelike;
    let year = period.from.year();
    if period.year {
        let through = disclosure::ended_quarters(year, today);
        (through > 0).then_some(Scope::Year { year, through })
    } else {
        let quarter = disclosure::quarter_of(period.from);
        (disclosure::ended_quarters(year, today) >= quarter)
            .then_some(Scope::Quarter { year, quarter })
    }
}

/// The period before a scope for the themes: the quarter before, or the whole year before.
pub(super) fn scope_before(period: &Period) -> Scope {
    use chrono::Datelike;
    let year = period.from.year();
    if period.year {
        Scope::Year {
            year: year - 1,
            through: 4,
        }
    } else {
        match disclosure::quarter_of(period.from) {
            1 => Scope::Quarter {
                year: year - 1,
                quarter: 4,
            },
            q => Scope::Quarter {
                year,
                quarter: q - 1,
            },
        }
    }
}

/// A period the report can be opened on: it has published data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// `2026-Q3` or `2026`.
    pub label: String,
    /// The period has ended.
    pub complete: bool,
}

/// The periods with published data on `today`, newest first, and the one to open on: the latest
/// complete one (of a year and its last quarter, the year). A quarter has data when complaints
/// of it are published (it has ended and complaints came in) or a wave that overlaps it has
/// closed; a year when one of its quarters has.
pub fn choices(
    complaint_days: &[NaiveDate],
    closed_waves: &[(NaiveDate, NaiveDate)],
    today: NaiveDate,
) -> (Vec<Choice>, Option<String>) {
    use chrono::Datelike;
    let mut quarters: std::collections::BTreeSet<(i32, u32)> = Default::default();
    for d in complaint_days {
        let q = disclosure::quarter_of(*d);
        if disclosure::ended_quarters(d.year(), today) >= q {
            quarters.insert((d.year(), q));
        }
    }
    for (opens, closes) in closed_waves {
        if !disclosure::wave_published(*closes, today) {
            continue;
        }
        let mut day =
            NaiveDate::from_ymd_opt(opens.year(), 3 * disclosure::quarter_of(*opens) - 2, 1)
                .unwrap_or(*opens);
        while day <= *closes {
            quarters.insert((day.year(), disclosure::quarter_of(day)));
            day = match day.checked_add_months(chrono::Months::new(3)) {
                Some(d) => d,
                None => break,
            };
        }
    }
    let years: std::collections::BTreeSet<i32> = quarters.iter().map(|(y, _)| *y).collect();
    let mut out: Vec<(NaiveDate, bool, Choice)> = vec![];
    for (y, q) in &quarters {
        if let Ok(p) = parse_period(&format!("{y}-Q{q}")) {
            out.push((
                p.to,
                false,
                Choice {
                    label: p.label,
                    complete: today > p.to,
                },
            ));
        }
    }
    for y in years {
        if let Ok(p) = parse_period(&y.to_string()) {
            out.push((
                p.to,
                true,
                Choice {
                    label: p.label,
                    complete: today > p.to,
                },
            ));
        }
    }
    // Newest end first; of a year and its fourth quarter, the year first.
    out.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    let open = out
        .iter()
        .find(|(_, _, c)| c.complete)
        .map(|(_, _, c)| c.label.clone());
    (out.into_iter().map(|(_, _, c)| c).collect(), open)
}

/// [`choices`] from the database.
pub fn period_choices(
    conn: &mut DbConnection,
    today: NaiveDate,
) -> QueryResult<(Vec<Choice>, Option<String>)> {
    let days = crate::complaints::read_model::received_days(conn)?;
    let waves: Vec<(NaiveDate, NaiveDate)> = crate::surveys::waves::list_waves(conn)?
        .into_iter()
        .map(|w| (w.opens_on, w.closes_on))
        .collect();
    Ok(choices(&days, &waves, today))
}
