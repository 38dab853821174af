//! Which form numbers of a wave were printed. Every print run is recorded (numbers, language,
//! the layout it was printed with), so that:
//! - the print form proposes the next free numbers, and a number is handed out once: printing
//!   numbers again needs the clerk to say it is a reprint;
//! - a form number typed by a clerk (a page without a readable QR code, a form typed in by hand,
//!   a sheet corrected) must be one that was printed: a typing error does not end up as
//!   another form;
//! - a page placed by its typed number is read with the layout it was printed with.
//!
//! A wave whose forms were all printed before print runs were recorded has none: then only the
//! wave and the range 1 to 999999 are checked, as before.

use chrono::NaiveDate;

use crate::fmt::date_text;
use crate::web::i18n::{t_args, Lang};

/// One print run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printed {
    /// First form number.
    pub first: u64,
    /// Last form number.
    pub last: u64,
    /// The forms' language.
    pub lang: Lang,
    /// The layout they were printed with.
    pub layout_id: i64,
    /// When.
    pub printed_on: NaiveDate,
}

/// How many numbers the print form proposes at a time.
pub const PROPOSED: u64 = 50;

/// The first number after every printed one (1 when none was printed).
pub fn next_free(prints: &[Printed]) -> u64 {
    prints.iter().map(|p| p.last + 1).max().unwrap_or(1)
}

/// The numbers the print form proposes: the next free ones, [`PROPOSED`] of them (fewer near the
/// highest number a wave can have; `None` when every number is used).
pub fn proposed(prints: &[Printed], max_number: u64) -> Option<(u64, u64)> {
    let from = next_free(prints);
    (from <= max_number).then(|| (from, (from + PROPOSED - 1).min(max_number)))
}

/// The part of `from..=to` that was printed before: its lowest and highest number.
pub fn overlap(prints: &[Printed], (from, to): (u64, u64)) -> Option<(u64, u64)> {
    prints
        .iter()
        .filter(|p| p.first <= to && from <= p.last)
        .map(|p| (p.first.max(from), p.last.min(to)))
        .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
}

/// The print run a number belongs to: the newest one that printed it.
pub fn printed(prints: &[Printed], number: u64) -> Option<&Printed> {
    prints
        .iter()
        .rev()
        .find(|p| p.first <= number && number <= p.last)
}

/// Whether a typed number may be a form of this wave: every number may when no print run was
/// recorded, else only a printed one.
pub fn may_be(prints: &[Printed], number: u64) -> bool {
    prints.is_empty() || printed(prints, number).is_some()
}

/// The printed numbers as one line, runs joined where they touch: "1–100, 201–250".
pub fn ranges_text(prints: &[Printed]) -> String {
    let mut runs: Vec<(u64, u64)> = prints.iter().map(|p| (p.first, p.last)).collect();
    runs.sort_unstable();
    let mut joined: Vec<(u64, u64)> = vec![];
    for (a, b) in runs {
        match joined.last_mut() {
            Some((_, end)) if a <= *end + 1 => *end = (*end).max(b),
            _ => joined.push((a, b)),
        }
    }
    joined
        .iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A print run as one line for the print form's list, in the reader's language: "1–50,
/// Nederlands, printed on 3 December 2026".
pub fn run_text(lang: Lang, p: &Printed) -> String {
    t_args(
        lang,
        "paper-prints-run",
        &[
            ("from", &p.first.to_string()),
            ("to", &p.last.to_string()),
            ("language", p.lang.native_name()),
            ("date", &date_text(p.printed_on)),
        ],
    )
}

/// Why a typed form number is refused because it was not printed, in the reader's language.
pub fn not_printed_text(lang: Lang, prints: &[Printed]) -> String {
    t_args(
        lang,
        "paper-prints-error-not-printed",
        &[("printed", &ranges_text(prints))],
    )
}

/// Why numbers that were printed before are refused, in the reader's language.
pub fn overlap_text(lang: Lang, (from, to): (u64, u64), next: u64) -> String {
    let numbers = if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    };
    t_args(
        lang,
        "paper-prints-error-overlap",
        &[("numbers", &numbers), ("next", &next.to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(first: u64, last: u64) -> Printed {
        Printed {
            first,
            last,
            lang: Lang::Nl,
            layout_id: 1,
            printed_on: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        }
    }

    #[test]
    fn the_next_numbers_follow_the_highest_printed_one() {
        assert_eq!(next_free(&[]), 1);
        assert_eq!(proposed(&[], 999_999), Some((1, 50)));
        assert_eq!(next_free(&[run(1, 50), run(201, 250), run(51, 60)]), 251);
        assert_eq!(
            proposed(&[run(1, 999_980)], 999_999),
            Some((999_981, 999_999))
        );
        assert_eq!(proposed(&[run(999_950, 999_999)], 999_999), None);
    }

    #[test]
    fn printing_numbers_again_is_found_with_the_numbers_it_repeats() {
        let prints = [run(1, 50), run(101, 150)];
        assert_eq!(overlap(&prints, (51, 100)), None);
        assert_eq!(overlap(&prints, (40, 60)), Some((40, 50)));
        assert_eq!(overlap(&prints, (40, 120)), Some((40, 120)));
        assert_eq!(overlap(&prints, (150, 150)), Some((150, 150)));
        assert_eq!(overlap(&[], (1, 50)), None);
    }

    #[test]
    fn a_typed_number_must_be_printed_once_runs_are_recorded() {
        assert!(may_be(&[], 999_999), "nothing recorded: any number");
        let mut prints = vec![run(1, 50)];
        assert!(may_be(&prints, 1) && may_be(&prints, 50));
        assert!(!may_be(&prints, 51) && !may_be(&prints, 500));
        // A reprint in another language: the newest run tells the layout.
        let mut again = run(40, 60);
        again.lang = Lang::En;
        again.layout_id = 2;
        prints.push(again);
        assert_eq!(printed(&prints, 45).map(|p| p.layout_id), Some(2));
        assert_eq!(printed(&prints, 10).map(|p| p.layout_id), Some(1));
    }

    #[test]
    fn the_printed_numbers_read_as_joined_runs() {
        assert_eq!(
            ranges_text(&[run(51, 100), run(1, 50), run(201, 201)]),
            "1–100, 201"
        );
        assert_eq!(ranges_text(&[run(1, 50), run(40, 60)]), "1–60");
        assert_eq!(ranges_text(&[]), "");
    }
}
