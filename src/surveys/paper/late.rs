//! Paper that comes in after a wave has closed: forms posted on the last day, or found in the
//! post a week later. The clerk may still read them in for [`LATE_DAYS`] days after the closing
//! date, in the browser as on the command line; after that the wave's paper page no longer takes
//! new files (doubtful forms already waiting can still be checked).
//!
//! Why this is safe for the report and for anonymity: answer sets that come in after the closing
//! date join the published figures only in groups of at least `k`, by whole days that have passed
//! (`crate::monitor::disclosure::published_through`), so one late form never moves a published
//! figure on its own. A late answer set is stored like any other: a random number and the day
//! only (`crate::surveys::anonymity`), so nothing tells when in the day, or in which order, it was
//! read in.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use maud::{html, Markup};

use crate::db::schema::{questionnaire_versions, waves};
use crate::db::DbConnection;
use crate::fmt::date_text;
use crate::surveys::channel::Channel;
use crate::surveys::waves::{Wave, WAVE_COLUMNS};
use crate::web::i18n::{t, t_args, Lang};

/// Days after the closing date in which forms that come in late can still be read in: six
/// weeks, time enough for the post, a holiday and a stack on someone's desk.
pub const LATE_DAYS: i64 = 42;

/// Whether a wave's paper page takes new forms on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperTime {
    /// Up to and including the closing date (forms are printed before the wave opens).
    Running,
    /// Closed, but forms that come in late are still read in until `until` (included).
    Late {
        /// The last day.
        until: NaiveDate,
    },
    /// Closed, and the time for late forms ended on `until`.
    Over {
        /// The last day it was possible.
        until: NaiveDate,
    },
}

impl PaperTime {
    /// The last day for late forms, once the wave has closed.
    pub fn until(self) -> Option<NaiveDate> {
        match self {
            PaperTime::Running => None,
            PaperTime::Late { until } | PaperTime::Over { until } => Some(until),
        }
    }
}

/// The paper time of a wave that closes on `closes_on`, on `today`.
pub fn paper_time(closes_on: NaiveDate, today: NaiveDate) -> PaperTime {
    let until = closes_on + Duration::days(LATE_DAYS);
    if today <= closes_on {
        PaperTime::Running
    } else if today <= until {
        PaperTime::Late { until }
    } else {
        PaperTime::Over { until }
    }
}

/// The waves that have closed but still take late paper forms on `today` and whose forms come
/// back as scans, most recently closed first.
pub fn late_waves(conn: &mut DbConnection, today: NaiveDate) -> QueryResult<Vec<Wave>> {
    let list: Vec<Wave> = waves::table
        .inner_join(questionnaire_versions::table)
        .filter(waves::closes_on.lt(today))
        .filter(waves::closes_on.ge(today - Duration::days(LATE_DAYS)))
        .order((waves::closes_on.desc(), waves::id.desc()))
        .select(WAVE_COLUMNS)
        .load(conn)?;
    Ok(list
        .into_iter()
        .filter(|w| w.allows(Channel::PaperScan))
        .collect())
}

/// The clerk's start page's section on closed waves that still take late paper forms.
pub fn late_section(lang: Lang, late: &[Wave], today: NaiveDate) -> Markup {
    html! {
        @if !late.is_empty() {
            section aria-labelledby="laat-kop" {
                h2 #laat-kop { (t(lang, "paper-late-title")) }
                p { (t(lang, "paper-late-intro")) }
                ul.late-waves {
                    @for w in late {
                        li {
                            a href={ "/invoer/rondes/" (w.id) "/papier" } { (w.name) }
                            " (" (t_args(lang, "paper-late-until", &[
                                ("closed", &date_text(w.closes_on)),
                                ("until", &paper_time(w.closes_on, today).until().map(date_text).unwrap_or_default()),
                            ])) ")"
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).unwrap()
    }

    #[test]
    fn late_forms_are_taken_for_six_weeks_after_the_closing_date() {
        let closes = d(5, 31);
        assert_eq!(paper_time(closes, d(4, 1)), PaperTime::Running);
        assert_eq!(paper_time(closes, closes), PaperTime::Running);
        let until = d(7, 12);
        assert_eq!(paper_time(closes, d(6, 1)), PaperTime::Late { until });
        assert_eq!(paper_time(closes, until), PaperTime::Late { until });
        assert_eq!(paper_time(closes, d(7, 13)), PaperTime::Over { until });
        assert_eq!(paper_time(closes, d(7, 13)).until(), Some(until));
        assert_eq!(PaperTime::Running.until(), None);
    }
}
