//! Response statistics for the researcher: response rate and margin of error. Pure functions.

/// The margin of error (half the width of the 95% confidence interval) of a proportion, in
/// percentage points, for `n` answers from a population of `population`, at the most cautious
/// proportion (50%), with the finite population correction. `None` when there are no answers.
pub fn margin_of_error(n: u64, population: u64) -> Option<f64> {
    if n == 0 || population == 0 {
        return None;
    }
    let n_f = n as f64;
    let big_n = population.max(n) as f64;
    let base = 1.96 * (0.25 / n_f).sqrt();
    let fpc = if big_n > 1.0 {
        ((big_n - n_f) / (big_n - 1.0)).max(0.0).sqrt()
    } else {
        0.0
    };
    Some(100.0 * base * fpc)
}

/// Answers as a share of invitations, in percent (`None` without invitations).
pub fn response_rate(answered: u64, invited: u64) -> Option<f64> {
    (invited > 0).then(|| 100.0 * answered as f64 / invited as f64)
}

/// A percentage with one decimal, Dutch style (`12,5%`), halves rounded away from zero as in
/// the council report (6,25 → `6,3%`).
pub fn percent_nl(p: f64) -> String {
    format!("{}%", crate::monitor::numbers::nl(p, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_margins() {
        // 1.96 * sqrt(.25/400) = 4.9% without correction; with N = 2000 the correction is sqrt(1600/1999).
        let m = margin_of_error(400, 2000).unwrap();
        assert!((m - 4.9 * (1600.0f64 / 1999.0).sqrt()).abs() < 0.01, "{m}");
        // A huge population barely changes it.
        let m = margin_of_error(400, 10_000_000).unwrap();
        assert!((m - 4.9).abs() < 0.01, "{m}");
        // Everyone answered: no sampling error.
        assert_eq!(margin_of_error(300, 300), Some(0.0));
        assert_eq!(margin_of_error(0, 300), None);
    }

    #[test]
    fn the_margin_shrinks_as_answers_come_in() {
        let mut last = f64::MAX;
        for n in [10, 50, 100, 200, 500, 900] {
            let m = margin_of_error(n, 1000).unwrap();
            assert!(m < last);
            last = m;
        }
    }

    #[test]
    fn rates_and_dutch_percentages() {
        assert_eq!(response_rate(0, 0), None);
        assert_eq!(percent_nl(response_rate(1, 8).unwrap()), "12,5%");
        assert_eq!(percent_nl(response_rate(1, 16).unwrap()), "6,3%");
    }
}
