//! The deadline engine for complaints (Awb 9:11 with the Algemene termijnenwet), as pure functions.
//!
//! - The administrative body decides within **6 weeks** after receipt, or **10 weeks** when a complaints
//!   advisory committee (Awb afdeling 9.1.3) handles the complaint.
//! - It may postpone **once, by at most 4 weeks**, with written notice to the complainant and the person
//!   complained about; any further delay needs the complainant's written consent.
//! - Algemene termijnenwet (Atw) art. 1 and 3: a term that ends on a Saturday, Sunday or recognised holiday
//!   ends on the next day that is none of these. Holidays: Nieuwjaarsdag, Goede Vrijdag, Tweede Paasdag,
//!   Koningsdag (27 April, 26 April when the 27th is a Sunday), 5 mei, Hemelvaartsdag, Tweede Pinksterdag,
//!   Eerste en Tweede Kerstdag, plus days the government declares equal (configurable).
//! - A term "within N weeks after receipt" starts the day after receipt and ends on the same weekday N weeks later.
//!
//! Internal targets (not law): acknowledgement within 7 calendar days (configurable) and first contact for
//! mediation within 5 working days (configurable).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Weeks to decide when the municipality handles the complaint itself (Awb 9:11 lid 1).
pub const WEEKS_INTERNAL: i64 = 6;
/// Weeks to decide when a complaints advisory committee handles it (Awb 9:11 lid 1).
pub const WEEKS_COMMITTEE: i64 = 10;
/// Longest postponement without the complainant's consent (Awb 9:11 lid 2).
pub const MAX_POSTPONEMENT_WEEKS: i64 = 4;

/// The calendar of days on which a term cannot end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    /// Days declared equal to a recognised holiday (Atw art. 3 lid 2), e.g. a one-off national day.
    pub extra_days: Vec<NaiveDate>,
}

/// Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(NaiveDate::MIN)
}

/// The day Koningsdag (King's Day) is celebrated; Koninginnedag (30 April) before 2014.
pub fn kings_day(year: i32) -> Option<NaiveDate> {
    let (day, sunday_moves_to) = if year >= 2014 { (27, 26) } else { (30, 29) };
    let d = NaiveDate::from_ymd_opt(year, 4, day)?;
    if d.weekday() == Weekday::Sun {
        NaiveDate::from_ymd_opt(year, 4, sunday_moves_to)
    } else {
        Some(d)
    }
}

/// The recognised holidays of a year (Atw art. 3), without extra declared days.
pub fn recognised_holidays(year: i32) -> Vec<NaiveDate> {
    let easter = easter_sunday(year);
    let fixed = [(1, 1), (5, 5), (12, 25), (12, 26)];
    let mut days: Vec<NaiveDate> = fixed
        .iter()
        .filter_map(|(m, d)| NaiveDate::from_ymd_opt(year, *m, *d))
        .collect();
    days.push(easter - Duration::days(2)); // Goede Vrijdag
    days.push(easter + Duration::days(1)); // Tweede Paasdag
    days.push(easter + Duration::days(39)); // Hemelvaartsdag
    days.push(easter + Duration::days(50)); // Tweede Pinksterdag
    days.extend(kings_day(year));
    days.sort();
    days
}

impl Calendar {
    /// Whether a term may end on `day` (not a weekend day, not a holiday).
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
            && !self.extra_days.contains(&day)
            && !recognised_holidays(day.year()).contains(&day)
    }

    /// Atw art. 1: the day itself when it is a working day, otherwise the next working day.
    pub fn next_working_day_from(&self, mut day: NaiveDate) -> NaiveDate {
        while !self.is_working_day(day) {
            day += Duration::days(1);
        }
        day
    }

    /// The date `n` working days after `day` (not counting `day` itself).
    pub fn add_working_days(&self, mut day: NaiveDate, n: u32) -> NaiveDate {
        let mut left = n;
        while left > 0 {
            day += Duration::days(1);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }
}

/// What the legal deadline depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeadlineInput {
    /// Day the complaint was received (by any channel of the municipality).
    pub received: NaiveDate,
    /// Handled by a complaints advisory committee (10 weeks instead of 6).
    pub committee: bool,
    /// Postponement in weeks (0 to 4), only with a notice letter.
    pub postponement_weeks: i64,
    /// Later date the complainant agreed to in writing, beyond the postponement (Awb 9:11 lid 2).
    pub consented_until: Option<NaiveDate>,
}

impl DeadlineInput {
    /// A complaint received on `received`, no postponement.
    pub fn new(received: NaiveDate, committee: bool) -> Self {
        DeadlineInput {
            received,
            committee,
            postponement_weeks: 0,
            consented_until: None,
        }
    }
}

/// Why a deadline cannot be computed as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    /// A postponement outside 0–4 weeks.
    #[error("uitstel kan alleen 0 tot en met 4 weken zijn (Awb 9:11 lid 2); langer alleen met schriftelijke instemming van de klager")]
    PostponementTooLong,
    /// The consented date lies before the deadline it should extend.
    #[error("de datum waarmee de klager instemde ligt vóór de gewone termijn")]
    ConsentBeforeDeadline,
}

/// The legal deadline for the decision.
pub fn legal_deadline(
    input: DeadlineInput,
    calendar: &Calendar,
) -> Result<NaiveDate, DeadlineError> {
    if !(0..=MAX_POSTPONEMENT_WEEKS).contains(&input.postponement_weeks) {
        return Err(DeadlineError::PostponementTooLong);
    }
    let weeks = if input.committee {
        WEEKS_COMMITTEE
    } else {
        WEEKS_INTERNAL
    };
    let raw_end = input.received + Duration::weeks(weeks + input.postponement_weeks);
    let deadline = calendar.next_working_day_from(raw_end);
    match input.consented_until {
        None => Ok(deadline),
        Some(d) if d < deadline => Err(DeadlineError::ConsentBeforeDeadline),
        Some(d) => Ok(calendar.next_working_day_from(d)),
    }
}

/// Internal targets set by the municipality (not law).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    /// Calendar days to send the acknowledgement of receipt (Awb 9:6 asks for one, without a term).
    pub acknowledgement_days: i64,
    /// Working days to make first contact for mediation.
    pub mediation_contact_working_days: u32,
}

impl Default for Targets {
    fn default() -> Self {
        Targets {
            acknowledgement_days: 7,
            mediation_contact_working_days: 5,
        }
    }
}

/// The acknowledgement target date.
pub fn acknowledgement_target(received: NaiveDate, targets: Targets) -> NaiveDate {
    received + Duration::days(targets.acknowledgement_days)
}

/// The mediation first-contact target date.
pub fn mediation_contact_target(
    received: NaiveDate,
    targets: Targets,
    calendar: &Calendar,
) -> NaiveDate {
    calendar.add_working_days(received, targets.mediation_contact_working_days)
}

/// How close a date is: the two warning levels shown on every case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// More than the warning period left.
    OnTrack,
    /// Within the warning period (first warning).
    DueSoon,
    /// Past the date (second warning).
    Overdue,
}

/// Days before a date at which the first warning starts.
pub const WARN_DAYS: i64 = 7;

/// The urgency of `due` on `today` (due today is still in time).
pub fn urgency(today: NaiveDate, due: NaiveDate) -> Urgency {
    if today > due {
        Urgency::Overdue
    } else if (due - today).num_days() <= WARN_DAYS {
        Urgency::DueSoon
    } else {
        Urgency::OnTrack
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Easter Sundays from published tables, an independent source for the computed dates.
    const EASTER_TABLE: &[(i32, u32, u32)] = &[
        (2019, 4, 21),
        (2020, 4, 12),
        (2021, 4, 4),
        (2022, 4, 17),
        (2023, 4, 9),
        (2024, 3, 31),
        (2025, 4, 20),
        (2026, 4, 5),
        (2027, 3, 28),
        (2028, 4, 16),
        (2029, 4, 1),
        (2030, 4, 21),
        (2031, 4, 13),
        (2032, 3, 28),
        (2033, 4, 17),
        (2034, 4, 9),
        (2035, 3, 25),
        (2036, 4, 13),
    ];

    #[test]
    fn easter_matches_the_published_table() {
        for (y, m, day) in EASTER_TABLE {
            assert_eq!(easter_sunday(*y), d(*y, *m, *day), "{y}");
        }
    }

    #[test]
    fn holidays_of_2026() {
        let h = recognised_holidays(2026);
        for day in [
            d(2026, 1, 1),
            d(2026, 4, 3),
            d(2026, 4, 6),
            d(2026, 4, 27),
            d(2026, 5, 5),
            d(2026, 5, 14),
            d(2026, 5, 25),
            d(2026, 12, 25),
            d(2026, 12, 26),
        ] {
            assert!(h.contains(&day), "{day}");
        }
        assert_eq!(h.len(), 9);
    }

    #[test]
    fn kings_day_moves_to_saturday_when_the_27th_is_a_sunday() {
        assert_eq!(kings_day(2025), Some(d(2025, 4, 26))); // 27 April 2025 was a Sunday
        assert_eq!(kings_day(2031), Some(d(2031, 4, 26)));
        assert_eq!(kings_day(2026), Some(d(2026, 4, 27)));
    }

    #[test]
    fn six_weeks_on_a_working_day() {
        // Monday 2 March 2026 + 6 weeks = Monday 13 April 2026, a normal working day.
        assert_eq!(
            legal_deadline(
                DeadlineInput::new(d(2026, 3, 2), false),
                &Calendar::default()
            ),
            Ok(d(2026, 4, 13))
        );
    }

    #[test]
    fn a_deadline_on_a_holiday_moves_on() {
        // Received Monday 23 Feb 2026 -> 6 weeks = Monday 6 April 2026 = Tweede Paasdag -> Tuesday 7 April.
        assert_eq!(
            legal_deadline(
                DeadlineInput::new(d(2026, 2, 23), false),
                &Calendar::default()
            ),
            Ok(d(2026, 4, 7))
        );
        // Received Friday 20 Feb 2026 -> Friday 3 April 2026 = Goede Vrijdag -> over the weekend and Easter Monday -> Tuesday 7 April.
        assert_eq!(
            legal_deadline(
                DeadlineInput::new(d(2026, 2, 20), false),
                &Calendar::default()
            ),
            Ok(d(2026, 4, 7))
        );
        // Received Saturday 14 Nov 2026 -> Saturday 26 Dec 2026 -> Monday 28 Dec.
        assert_eq!(
            legal_deadline(
                DeadlineInput::new(d(2026, 11, 14), false),
                &Calendar::default()
            ),
            Ok(d(2026, 12, 28))
        );
    }

    #[test]
    fn committee_and_postponement() {
        let cal = Calendar::default();
        let mut i = DeadlineInput::new(d(2026, 3, 2), true);
        assert_eq!(legal_deadline(i, &cal), Ok(d(2026, 5, 11)));
        i.postponement_weeks = 4;
        assert_eq!(legal_deadline(i, &cal), Ok(d(2026, 6, 8)));
        i.postponement_weeks = 5;
        assert_eq!(
            legal_deadline(i, &cal),
            Err(DeadlineError::PostponementTooLong)
        );
        i.postponement_weeks = 4;
        i.consented_until = Some(d(2026, 7, 4)); // a Saturday
        assert_eq!(legal_deadline(i, &cal), Ok(d(2026, 7, 6)));
        i.consented_until = Some(d(2026, 5, 1));
        assert_eq!(
            legal_deadline(i, &cal),
            Err(DeadlineError::ConsentBeforeDeadline)
        );
    }

    #[test]
    fn extra_declared_days_count_as_holidays() {
        let cal = Calendar {
            extra_days: vec![d(2026, 4, 13)],
        };
        assert_eq!(
            legal_deadline(DeadlineInput::new(d(2026, 3, 2), false), &cal),
            Ok(d(2026, 4, 14))
        );
    }

    #[test]
    fn targets_and_warnings() {
        let cal = Calendar::default();
        let t = Targets::default();
        // Received Wednesday 22 April 2026: 5 working days, skipping the weekend and Koningsdag (Monday 27th).
        assert_eq!(
            mediation_contact_target(d(2026, 4, 22), t, &cal),
            d(2026, 4, 30)
        );
        assert_eq!(acknowledgement_target(d(2026, 4, 22), t), d(2026, 4, 29));
        assert_eq!(urgency(d(2026, 4, 1), d(2026, 4, 20)), Urgency::OnTrack);
        assert_eq!(urgency(d(2026, 4, 13), d(2026, 4, 20)), Urgency::DueSoon);
        assert_eq!(urgency(d(2026, 4, 20), d(2026, 4, 20)), Urgency::DueSoon);
        assert_eq!(urgency(d(2026, 4, 21), d(2026, 4, 20)), Urgency::Overdue);
    }

    /// An independent implementation: counts the term day by day, and knows holidays from the
    /// Easter table and the rules written out once more, separately.
    fn reference_deadline(received: NaiveDate, weeks: i64) -> NaiveDate {
        let holiday = |day: NaiveDate| -> bool {
            let (y, m, dd) = (day.year(), day.month(), day.day());
            if (m, dd) == (1, 1) || (m, dd) == (5, 5) || (m, dd) == (12, 25) || (m, dd) == (12, 26)
            {
                return true;
            }
            let april27 = NaiveDate::from_ymd_opt(y, 4, 27).unwrap();
            let kings = if april27.weekday() == Weekday::Sun {
                26
            } else {
                27
            };
            if (m, dd) == (4, kings) {
                return true;
            }
            let (_, em, ed) = EASTER_TABLE.iter().find(|(ey, _, _)| *ey == y).unwrap();
            let easter = NaiveDate::from_ymd_opt(y, *em, *ed).unwrap();
            let offset = (day - easter).num_days();
            matches!(offset, -2 | 1 | 39 | 50)
        };
        let mut day = received;
        for _ in 0..(weeks * 7) {
            day = day.succ_opt().unwrap();
        }
        while day.weekday() == Weekday::Sat || day.weekday() == Weekday::Sun || holiday(day) {
            day = day.succ_opt().unwrap();
        }
        day
    }

    /// Every receipt date from 2020 to 2035, with and without committee, every postponement.
    #[test]
    fn engine_agrees_with_a_day_by_day_count_for_every_date_2020_to_2035() {
        let cal = Calendar::default();
        let mut day = d(2020, 1, 1);
        let mut checked = 0;
        while day <= d(2035, 12, 31) {
            for committee in [false, true] {
                for postponement in 0..=MAX_POSTPONEMENT_WEEKS {
                    let input = DeadlineInput {
                        received: day,
                        committee,
                        postponement_weeks: postponement,
                        consented_until: None,
                    };
                    let weeks = if committee { 10 } else { 6 } + postponement;
                    let got = legal_deadline(input, &cal).unwrap();
                    assert_eq!(
                        got,
                        reference_deadline(day, weeks),
                        "received {day}, committee {committee}, +{postponement}w"
                    );
                    // Properties: never early, always on a working day, and nothing skipped but closed days.
                    assert!(got >= day + Duration::weeks(weeks));
                    assert!(cal.is_working_day(got));
                    checked += 1;
                }
            }
            day = day.succ_opt().unwrap();
        }
        assert_eq!(checked, 5844 * 10);
    }
}
