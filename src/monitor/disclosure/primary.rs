//! The threshold and the decision per figure and per breakdown (primary suppression, groups that
//! are hidden together), and for surveys: only closed waves, late answer sets in groups of at
//! least k.

use chrono::NaiveDate;

/// Default threshold: a figure on fewer people is not published.
pub const DEFAULT_K: u64 = 5;
/// Below this many people a figure is marked "indicatief".
pub const INDICATIVE_BELOW: u64 = 50;

/// What happens to a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Published.
    Yes,
    /// Published, marked "indicatief" (fewer than 50 people).
    Indicative,
    /// Hidden: too few people.
    Hidden,
    /// Hidden so that another hidden figure cannot be worked out from the total.
    HiddenSecondary,
}

impl Shown {
    /// Whether the figure may be published.
    pub fn published(self) -> bool {
        matches!(self, Shown::Yes | Shown::Indicative)
    }
}

/// The decision for one figure on `n` people, on its own.
pub fn primary(n: u64, k: u64) -> Shown {
    if n > 0 && n < k {
        Shown::Hidden
    } else if n < INDICATIVE_BELOW {
        Shown::Indicative
    } else {
        Shown::Yes
    }
}

/// How a published figure on `n` people is shown (without the threshold: for parts of shares).
pub(super) fn by_size(n: u64) -> Shown {
    if n < INDICATIVE_BELOW {
        Shown::Indicative
    } else {
        Shown::Yes
    }
}

/// The decisions for a breakdown: the parts (people per part) and, when published next to them,
/// their total. Returns (total, parts).
pub fn partition(total: Option<u64>, parts: &[u64], k: u64) -> (Option<Shown>, Vec<Shown>) {
    let mut shown: Vec<Shown> = parts.iter().map(|n| primary(*n, k)).collect();
    let Some(total_n) = total else {
        return (None, shown);
    };
    let mut total_shown = primary(total_n, k);
    if total_shown.published() {
        loop {
            let hidden: Vec<usize> = (0..parts.len())
                .filter(|i| !shown[*i].published())
                .collect();
            let hidden_sum: u64 = hidden.iter().map(|i| parts[*i]).sum();
            let safe = hidden.is_empty() || (hidden.len() >= 2 && hidden_sum >= k);
            if safe {
                break;
            }
            // Hide the smallest part still shown that has people in it (a zero adds nothing).
            let next = (0..parts.len())
                .filter(|i| shown[*i].published() && parts[*i] > 0)
                .min_by_key(|i| (parts[*i], *i));
            match next {
                Some(i) => shown[i] = Shown::HiddenSecondary,
                None => {
                    total_shown = Shown::HiddenSecondary;
                    break;
                }
            }
        }
    }
    (Some(total_shown), shown)
}

/// Whether a wave's figures may be published on `today`: only after its closing date.
pub fn wave_published(closes_on: NaiveDate, today: NaiveDate) -> bool {
    today > closes_on
}

/// The last day whose answer sets a closed wave publishes (kept in `surveys::anonymity`, where
/// the row export uses it too).
pub use crate::surveys::anonymity::published_through;

#[cfg(test)]
mod tests {

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_small_part_takes_a_second_one_with_it() {
        // Channels: web 40, paper 3, phone 12, assisted 7; total 62 published.
        let (total, parts) = partition(Some(62), &[40, 3, 12, 7], 5);
        assert_eq!(total, Some(Shown::Yes));
        assert_eq!(
            parts,
            [
                Shown::Indicative,
                Shown::Hidden,
                Shown::Indicative,
                Shown::HiddenSecondary
            ]
        );
        // Without a total, one hidden part gives nothing away.
        let (_, parts) = partition(None, &[40, 3, 12, 7], 5);
        assert_eq!(parts[3], Shown::Indicative);
    }

    #[test]
    fn two_tiny_parts_are_not_enough_together() {
        // 1 and 2 hidden would still tell "3 people" from the total: a third part goes too.
        let (_, parts) = partition(Some(100), &[1, 2, 30, 67], 5);
        assert_eq!(
            parts,
            [
                Shown::Hidden,
                Shown::Hidden,
                Shown::HiddenSecondary,
                Shown::Yes
            ]
        );
    }

    #[test]
    fn with_nothing_left_to_hide_the_total_goes() {
        let (total, parts) = partition(Some(60), &[57, 3], 5);
        assert_eq!(parts, [Shown::HiddenSecondary, Shown::Hidden]);
        assert_eq!(
            total,
            Some(Shown::Yes),
            "57 + 3 hidden together: 60 is safe to show"
        );
        let (total, parts) = partition(Some(3), &[3], 5);
        assert_eq!((total, parts), (Some(Shown::Hidden), vec![Shown::Hidden]));
        let (total, _) = partition(Some(7), &[7, 0], 5);
        assert_eq!(total, Some(Shown::Indicative));
    }

    #[test]
    fn thresholds() {
        assert_eq!(primary(4, 5), Shown::Hidden);
        assert_eq!(primary(5, 5), Shown::Indicative);
        assert_eq!(primary(49, 5), Shown::Indicative);
        assert_eq!(primary(50, 5), Shown::Yes);
        assert_eq!(
            primary(0, 5),
            Shown::Indicative,
            "nobody: nothing to recognise"
        );
        assert_eq!(primary(9, 10), Shown::Hidden, "configurable");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Random breakdowns and thresholds, as random filter combinations produce them: no
        /// published part is under the threshold, and nothing hidden can be worked out by
        /// subtracting what is published from a published total.
        #[test]
        fn nothing_small_is_published_or_derivable(
            parts in proptest::collection::vec(prop_oneof![0u64..6, 0u64..60, 0u64..500], 1..8),
            k in 2u64..12,
            with_total in any::<bool>(),
        ) {
            let total = with_total.then(|| parts.iter().sum::<u64>());
            let (t, shown) = partition(total, &parts, k);
            for (n, s) in parts.iter().zip(&shown) {
                if s.published() {
                    prop_assert!(*n == 0 || *n >= k, "published {n} under {k}");
                }
            }
            if let (Some(total_n), Some(t)) = (total, t) {
                if t.published() {
                    prop_assert!(total_n == 0 || total_n >= k);
                    // What subtraction gives: the sum of the hidden parts.
                    let hidden: Vec<u64> = parts.iter().zip(&shown).filter(|(_, s)| !s.published()).map(|(n, _)| *n).collect();
                    prop_assert!(hidden.len() != 1, "one hidden part next to a total: {parts:?} {shown:?}");
                    let sum: u64 = hidden.iter().sum();
                    prop_assert!(hidden.is_empty() || sum >= k, "hidden parts add up to {sum} < {k}");
                }
            }
        }
    }
}
