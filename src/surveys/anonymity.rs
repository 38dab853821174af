//! Why nobody can pair a person with an answer set by order, time or language, stated once.
//!
//! People are known to the municipality in several places: the letters with codes, the list of
//! interview volunteers (name, contact, language), the moment a code was used (anyone holding a
//! code can see on `/v/CODE` whether it is used yet), and the server's log. An answer set must not
//! be tied to any of them. The rules, and where each is kept:
//!
//! 1. **No order.** An answer set's number is random ([`random_id`]), never the order of arrival.
//!    Every list and export of answer sets is read in number order, which is therefore random; the
//!    export numbers its rows 1..n in that order. The old sequential numbers are renumbered by the
//!    migration `2026-12-06-000012_linking`.
//! 2. **No time.** An answer set keeps the day only, and the row-level export does not even carry
//!    that ([`super::export::META_COLUMNS`]); the wave page shows the count per day instead. The
//!    export is only made once the wave has closed ([`export_allowed`]): downloading it every
//!    minute while answers come in, and checking on `/v/CODE` when a code became used, would
//!    otherwise pair each new row with a code, and so with the person the letter went to. Routes
//!    that store answer sets write no per-request log line (`crate::telemetry::request_is_logged`).
//! 3. **No language as a fingerprint.** The export shows a language only when at least
//!    [`MIN_GROUP`] answer sets of the wave have it; the others are put together as
//!    [`OTHER_LANGUAGE`] ([`shown_languages`]).
//!
//!    Why the export, and not the volunteer list: the volunteer says in which language they want to
//!    talk, as a choice of its own on the form. The researcher needs that language to bring an
//!    interpreter, and it will nearly always be the language the person answered in, whatever the
//!    form suggests. Leaving it out of the list, or asking it differently, would not break the pair;
//!    a rare language in the answers would still point at the one Turkish volunteer. So the rare
//!    language goes from the respondent-level file instead, and each language there covers at least
//!    [`MIN_GROUP`] answer sets. The monitor's reports count languages with their own small-cell rule.
//! 4. **No shared moment with volunteers.** A volunteer row has no date and no order: the list is
//!    sorted by name, and it is shown only once the wave has closed ([`volunteers_visible`]), so
//!    watching it while answers come in does not tell which answer set a new name belongs to. The
//!    interview offer is a single-use token that knows its wave, not its answer set
//!    (`super::volunteers`).
//!
//! What this does not cover: someone with direct SQL access to PostgreSQL can read the system
//! columns that show the order rows were written in (`xmin`, `ctid`). Database access must stay with
//! the administrators, as for every other personal record.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rand::Rng;

use crate::surveys::waves::{Wave, Window};

/// Smallest number of answer sets a language in the row-level export must cover; the same number
/// as the monitor's small-cell threshold.
pub const MIN_GROUP: u64 = 5;

/// The export's value for languages that are put together.
pub const OTHER_LANGUAGE: &str = "overig";

/// A random number for a new answer set: 1 ..= 2^62, so that collisions are out of reach
/// (one in about 10^12 for a million answer sets in one table) and the value fits every engine.
pub fn random_id(rng: &mut impl Rng) -> i64 {
    rng.gen_range(1..=(1i64 << 62))
}

/// The languages the row-level export may show, given the number of answer sets per language.
///
/// A language is shown when it has at least `k` answer sets. The rest go together as
/// [`OTHER_LANGUAGE`]; when that group would hold fewer than `k` (but more than none), the smallest
/// shown language joins it too, and so on, so that no value in the column covers fewer than `k`
/// answer sets (unless the whole wave has fewer than `k`: then nothing is shown at all).
pub fn shown_languages(counts: &BTreeMap<String, u64>, k: u64) -> BTreeSet<String> {
    let mut shown: Vec<(&String, u64)> = counts
        .iter()
        .filter(|(_, n)| **n >= k)
        .map(|(l, n)| (l, *n))
        .collect();
    // Largest first, then by code, so the one to give up is always the last.
    shown.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut other: u64 = counts
        .values()
        .sum::<u64>()
        .saturating_sub(shown.iter().map(|(_, n)| n).sum());
    while other > 0 && other < k {
        match shown.pop() {
            Some((_, n)) => other += n,
            None => break,
        }
    }
    shown.into_iter().map(|(l, _)| l.clone()).collect()
}

/// The value written for `language`: itself when shown, else [`OTHER_LANGUAGE`].
pub fn language_cell<'a>(language: &'a str, shown: &BTreeSet<String>) -> &'a str {
    if shown.contains(language) {
        language
    } else {
        OTHER_LANGUAGE
    }
}

/// Whether a wave's answers may be exported row by row: only once it has closed.
pub fn export_allowed(wave: &Wave) -> bool {
    closed(wave.window_today())
}

/// The last day whose answer sets count in the published figures of a closed wave. Answer sets of
/// the closing date and before all count. Of those that came in later (`late`: day and number of
/// answer sets, in any order), whole days that have passed join in order, but only once together
/// they are at least `k`: the published figures then move by at least `k` answer sets at a time,
/// and a day that has passed never changes again.
pub fn published_through(
    closes_on: NaiveDate,
    late: &[(NaiveDate, u64)],
    today: NaiveDate,
    k: u64,
) -> NaiveDate {
    let mut days: Vec<(NaiveDate, u64)> = late
        .iter()
        .copied()
        .filter(|(d, _)| *d > closes_on && *d < today)
        .collect();
    days.sort_unstable();
    let (mut through, mut waiting) = (closes_on, 0);
    for (day, n) in days {
        waiting += n;
        if waiting >= k.max(1) {
            through = day;
            waiting = 0;
        }
    }
    through
}

/// Whether a wave's interview volunteers may be listed: only once it has closed.
pub fn volunteers_visible(wave: &Wave) -> bool {
    closed(wave.window_today())
}

fn closed(w: Window) -> bool {
    w == Window::Closed
}

/// The first day a closed-wave-only view opens: the day after the closing date.
pub fn opens_after(wave: &Wave) -> NaiveDate {
    wave.closes_on.succ_opt().unwrap_or(wave.closes_on)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn counts(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
        pairs.iter().map(|(l, n)| (l.to_string(), *n)).collect()
    }

    fn shown(pairs: &[(&str, u64)], k: u64) -> Vec<String> {
        shown_languages(&counts(pairs), k).into_iter().collect()
    }

    #[test]
    fn a_single_rare_language_is_never_shown_alone() {
        // The attack of issue 13: one answer set in Turkish, one Turkish volunteer. "overig" alone
        // would be that one set again, so Dutch joins it: the column then says nothing at all.
        let c = counts(&[("nl", 40), ("tr", 1)]);
        let s = shown_languages(&c, 5);
        assert!(s.is_empty());
        assert_eq!(language_cell("tr", &s), "overig");
        assert_eq!(language_cell("nl", &s), "overig");
        // With five others in rare languages, Dutch stays and the five share "overig".
        let c = counts(&[("nl", 40), ("tr", 1), ("ar", 2), ("pl", 1), ("uk", 1)]);
        let s = shown_languages(&c, 5);
        assert_eq!(s.into_iter().collect::<Vec<_>>(), ["nl"]);
    }

    #[test]
    fn every_value_in_the_column_covers_at_least_k() {
        let cases: &[&[(&str, u64)]] = &[
            &[("nl", 40), ("tr", 1)],
            &[("nl", 40), ("tr", 2), ("ar", 2)],
            &[("nl", 40), ("tr", 6), ("ar", 3)],
            &[("nl", 40), ("tr", 6), ("ar", 3), ("pl", 2)],
            &[("nl", 3), ("tr", 1)],
            &[("nl", 7), ("en", 5), ("uk", 1)],
            &[("nl", 10)],
            &[],
        ];
        for case in cases {
            let c = counts(case);
            let s = shown_languages(&c, 5);
            let mut per_value: BTreeMap<&str, u64> = BTreeMap::new();
            for (l, n) in &c {
                *per_value.entry(language_cell(l, &s)).or_default() += n;
            }
            let total: u64 = c.values().sum();
            for (v, n) in &per_value {
                assert!(
                    *n >= 5 || (per_value.len() == 1 && *n == total),
                    "{case:?}: {v} covers {n}"
                );
            }
        }
    }

    #[test]
    fn large_languages_stay_and_the_smallest_gives_way_first() {
        assert_eq!(shown(&[("nl", 40), ("tr", 6), ("ar", 3)], 5), ["nl"]);
        assert_eq!(
            shown(&[("nl", 40), ("tr", 6), ("ar", 3), ("pl", 2)], 5),
            ["nl", "tr"]
        );
        assert_eq!(
            shown(&[("nl", 40), ("tr", 6), ("ar", 6)], 5),
            ["ar", "nl", "tr"]
        );
        assert!(shown(&[("nl", 3), ("tr", 1)], 5).is_empty());
    }

    #[test]
    fn random_ids_are_positive_and_not_in_order() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(13);
        let ids: Vec<i64> = (0..1000).map(|_| random_id(&mut rng)).collect();
        assert!(ids.iter().all(|i| *i >= 1 && *i <= 1 << 62));
        let rising = ids.windows(2).filter(|w| w[1] > w[0]).count();
        assert!((400..600).contains(&rising), "{rising} of 999 rise");
    }
}
