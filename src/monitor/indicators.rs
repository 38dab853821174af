//! Survey indicators as pure functions: shares on a five-point scale with "weet niet" left out of
//! the base, grade statistics, 95% intervals (Wilson for shares), the margin of error with the
//! finite population correction, the smallest n of a block, and the two-proportion test used for
//! subgroup differences and the change against the previous wave.

/// The counts of one scale item: answers 1..=5 and "weet niet / n.v.t.".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScaleCounts {
    /// Answers per scale point, 1 (most negative) to 5 (most positive).
    pub points: [u64; 5],
    /// "Weet niet" or "n.v.t.".
    pub dont_know: u64,
}

impl ScaleCounts {
    /// Counts one answer (1..=5, or 0 for "weet niet"); other values are ignored.
    pub fn add(&mut self, value: i64) {
        match value {
            1..=5 => self.points[(value - 1) as usize] += 1,
            0 => self.dont_know += 1,
            _ => {}
        }
    }

    /// Adds another set of counts.
    pub fn merge(&mut self, other: &ScaleCounts) {
        for i in 0..5 {
            self.points[i] += other.points[i];
        }
        self.dont_know += other.dont_know;
    }

    /// The base of the percentages: every answer except "weet niet".
    pub fn base(&self) -> u64 {
        self.points.iter().sum()
    }

    /// Everyone who answered, "weet niet" included.
    pub fn answered(&self) -> u64 {
        self.base() + self.dont_know
    }
}

/// The shares of a scale item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleShares {
    /// n: the base (without "weet niet").
    pub n: u64,
    /// Top two boxes (4 and 5), percent of the base.
    pub positive: f64,
    /// The middle (3).
    pub neutral: f64,
    /// Bottom two boxes (1 and 2).
    pub negative: f64,
    /// "Weet niet" as a percent of everyone who answered the item.
    pub dont_know: f64,
    /// 95% Wilson interval of the positive share, in percent.
    pub positive_interval: (f64, f64),
}

/// The shares of a scale item; `None` when nobody gave a scale answer.
pub fn scale_shares(c: &ScaleCounts) -> Option<ScaleShares> {
    let n = c.base();
    if n == 0 {
        return None;
    }
    let pct = |k: u64| 100.0 * k as f64 / n as f64;
    let positive = c.points[3] + c.points[4];
    let answered = c.answered();
    Some(ScaleShares {
        n,
        positive: pct(positive),
        neutral: pct(c.points[2]),
        negative: pct(c.points[0] + c.points[1]),
        dont_know: 100.0 * c.dont_know as f64 / answered as f64,
        positive_interval: wilson(positive, n),
    })
}

/// The 95% Wilson score interval of `k` out of `n`, in percent.
pub fn wilson(k: u64, n: u64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 100.0);
    }
    let z = 1.959_963_984_540_054_f64;
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let denom = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / denom;
    let half = z * ((p * (1.0 - p) / n) + z * z / (4.0 * n * n)).sqrt() / denom;
    (
        100.0 * (centre - half).max(0.0),
        100.0 * (centre + half).min(1.0),
    )
}

/// The margin of error in percentage points at p = 50%, with the finite population correction
/// (the survey convention; see [`crate::surveys::stats::margin_of_error`]).
pub fn margin(n: u64, population: u64) -> Option<f64> {
    crate::surveys::stats::margin_of_error(n, population)
}

/// The statistics of a grade item (rapportcijfer 1..=10).
#[derive(Debug, Clone, PartialEq)]
pub struct Grades {
    /// Number of grades.
    pub n: u64,
    /// Mean.
    pub mean: f64,
    /// 95% interval of the mean (t ≈ normal for the sizes reported).
    pub mean_interval: (f64, f64),
    /// Count per grade 1..=10.
    pub distribution: [u64; 10],
    /// Share of 8 or more, percent.
    pub eight_or_more: f64,
    /// Share below 6, percent.
    pub below_six: f64,
}

/// Grade statistics from a count per grade (index 0 is grade 1); `None` without grades.
pub fn grades(distribution: [u64; 10]) -> Option<Grades> {
    let n: u64 = distribution.iter().sum();
    if n == 0 {
        return None;
    }
    let nf = n as f64;
    let sum: f64 = distribution
        .iter()
        .enumerate()
        .map(|(i, c)| (i + 1) as f64 * *c as f64)
        .sum();
    let mean = sum / nf;
    let var = if n > 1 {
        distribution
            .iter()
            .enumerate()
            .map(|(i, c)| *c as f64 * ((i + 1) as f64 - mean).powi(2))
            .sum::<f64>()
            / (nf - 1.0)
    } else {
        0.0
    };
    let half = 1.96 * (var / nf).sqrt();
    let eight: u64 = distribution[7..].iter().sum();
    let low: u64 = distribution[..5].iter().sum();
    Some(Grades {
        n,
        mean,
        mean_interval: (mean - half, mean + half),
        distribution,
        eight_or_more: 100.0 * eight as f64 / nf,
        below_six: 100.0 * low as f64 / nf,
    })
}

/// The smallest n among the items of a block (shown with the block's chart).
pub fn nmin(ns: &[u64]) -> Option<u64> {
    ns.iter().copied().min()
}

/// The outcome of a two-proportion z-test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Difference {
    /// First share minus second, in percentage points.
    pub points: f64,
    /// z statistic.
    pub z: f64,
    /// Two-sided p-value.
    pub p: f64,
}

impl Difference {
    /// Significant at the 5% level.
    pub fn significant(&self) -> bool {
        self.p < 0.05
    }
}

/// Tests whether `k1/n1` and `k2/n2` differ (pooled two-proportion z-test); `None` when a group is
/// empty or the pooled share is 0 or 1 (no variation to test).
pub fn two_proportions(k1: u64, n1: u64, k2: u64, n2: u64) -> Option<Difference> {
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let (p1, p2) = (k1 as f64 / n1 as f64, k2 as f64 / n2 as f64);
    let pooled = (k1 + k2) as f64 / (n1 + n2) as f64;
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 as f64 + 1.0 / n2 as f64)).sqrt();
    if se == 0.0 {
        return None;
    }
    let z = (p1 - p2) / se;
    Some(Difference {
        points: 100.0 * (p1 - p2),
        z,
        p: 2.0 * (1.0 - normal_cdf(z.abs())),
    })
}

/// The standard normal distribution function (Abramowitz–Stegun 7.1.26 via erf, error < 1.5e-7).
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * (1.0 + erf(x / std::f64::consts::SQRT_2))
}

fn erf(x: f64) -> f64 {
    let sign = if x < 0.0 { -1.0 } else { 1.0 };
    let x = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let y = 1.0
        - (((((1.061_405_429 * t - 1.453_152_027) * t) + 1.421_413_741) * t - 0.284_496_736) * t
            + 0.254_829_592)
            * t
            * (-x * x).exp();
    sign * y
}

/// The share positive of a block of questions as the codebook defines it: the mean of the
/// questions' shares (each question counts the same), over the questions with a base. `parts`:
/// (positive, base) per question. `None` when no question has a base.
pub fn mean_share(parts: &[(u64, u64)]) -> Option<f64> {
    let shares: Vec<f64> = parts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| 100.0 * *k as f64 / *n as f64)
        .collect();
    (!shares.is_empty()).then(|| shares.iter().sum::<f64>() / shares.len() as f64)
}

/// Tests whether two means of question shares differ: the questions both have a base for, the
/// difference of the means, and its standard error from each question's pooled two-proportion
/// variance (the questions taken as independent; one question gives [`two_proportions`]). `None` without common questions or without variation.
pub fn mean_shares_difference(a: &[(u64, u64)], b: &[(u64, u64)]) -> Option<Difference> {
    let common: Vec<((u64, u64), (u64, u64))> = a
        .iter()
        .zip(b)
        .filter(|((_, n1), (_, n2))| *n1 > 0 && *n2 > 0)
        .map(|(x, y)| (*x, *y))
        .collect();
    if common.is_empty() {
        return None;
    }
    let m = common.len() as f64;
    let (mut diff, mut var) = (0.0, 0.0);
    for ((k1, n1), (k2, n2)) in &common {
        let (p1, p2) = (*k1 as f64 / *n1 as f64, *k2 as f64 / *n2 as f64);
        // Under "no difference" each question has one share: pooled, as in [`two_proportions`].
        let pooled = (k1 + k2) as f64 / (n1 + n2) as f64;
        diff += (p1 - p2) / m;
        var += pooled * (1.0 - pooled) * (1.0 / *n1 as f64 + 1.0 / *n2 as f64) / (m * m);
    }
    if var <= 0.0 {
        return None;
    }
    let z = diff / var.sqrt();
    Some(Difference {
        points: 100.0 * diff,
        z,
        p: 2.0 * (1.0 - normal_cdf(z.abs())),
    })
}

/// A difference between groups is told only when it is significant (5%) and at least this many
/// percentage points: smaller differences, however sure, do not change what a council does.
pub const GROUP_MIN_POINTS: f64 = 10.0;

/// Whether a difference between groups is worth telling (see [`GROUP_MIN_POINTS`]).
pub fn worth_telling(d: &Difference) -> bool {
    d.significant() && d.points.abs() >= GROUP_MIN_POINTS
}

/// A difference in plain Dutch, only when significant; `None` otherwise (the report then says
/// nothing about it, which is the point: no stories about noise). The group `a` is named first:
/// "{a} zijn vaker (of minder vaak) positief over {what} dan {b}".
pub fn difference_text(what: &str, a: &str, b: &str, d: &Difference) -> Option<String> {
    if !d.significant() {
        return None;
    }
    let how = if d.points > 0.0 {
        "vaker"
    } else {
        "minder vaak"
    };
    let mut chars = a.chars();
    let a: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    Some(format!(
        "{a} zijn {how} positief over {what} dan {b} ({} procentpunt verschil).",
        super::numbers::fixed(d.points.abs(), 0)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    #[test]
    fn heerenveen_margin_of_error() {
        // domain.md §5: n = 260 out of N = 1,277 gives 5.4% with the finite population correction.
        let m = margin(260, 1277).unwrap();
        assert!(close(m, 5.4, 0.05), "{m}");
        assert_eq!(format!("{m:.1}"), "5.4");
    }

    #[test]
    fn weet_niet_is_left_out_of_the_base_and_reported() {
        // 100 answers: 10 weet niet, and of the 90 others 54 agree (4 or 5), 18 neutral, 18 disagree.
        let c = ScaleCounts {
            points: [8, 10, 18, 30, 24],
            dont_know: 10,
        };
        let s = scale_shares(&c).unwrap();
        assert_eq!(s.n, 90);
        assert!(close(s.positive, 60.0, 1e-9));
        assert!(close(s.neutral, 20.0, 1e-9));
        assert!(close(s.negative, 20.0, 1e-9));
        assert!(close(s.dont_know, 10.0, 1e-9));
        assert!(close(s.positive + s.neutral + s.negative, 100.0, 1e-9));
        let mut d = ScaleCounts::default();
        for v in [0, 0, 9, -1] {
            d.add(v);
        }
        assert_eq!(scale_shares(&d), None, "only weet niet: no percentage");
        assert_eq!(d.dont_know, 2);
    }

    #[test]
    fn wilson_interval_known_values() {
        // 80 of 100: Wilson 95% interval 71.1% .. 86.7% (textbook value).
        let (lo, hi) = wilson(80, 100);
        assert!(close(lo, 71.1, 0.05) && close(hi, 86.7, 0.05), "{lo} {hi}");
        // Never outside 0..100, even at the edges.
        let (lo, hi) = wilson(0, 10);
        assert!(lo == 0.0 && close(hi, 27.8, 0.05), "{hi}");
        let (lo, hi) = wilson(10, 10);
        assert!(close(lo, 72.2, 0.05) && close(hi, 100.0, 1e-9), "{lo} {hi}");
    }

    #[test]
    fn grades_like_the_heerenveen_report() {
        // 100 grades: 12 below 6, 67 of 8 or more, mean computed by hand.
        let mut d = [0u64; 10];
        d[3] = 4; // 4
        d[4] = 8; // 5
        d[5] = 9; // 6
        d[6] = 12; // 7
        d[7] = 35; // 8
        d[8] = 22; // 9
        d[9] = 10; // 10
        let g = grades(d).unwrap();
        assert_eq!(g.n, 100);
        let mean = (4 * 4 + 5 * 8 + 6 * 9 + 7 * 12 + 8 * 35 + 9 * 22 + 10 * 10) as f64 / 100.0;
        assert!(close(g.mean, mean, 1e-9));
        assert!(close(g.mean, 7.72, 1e-9));
        assert!(close(g.eight_or_more, 67.0, 1e-9));
        assert!(close(g.below_six, 12.0, 1e-9));
        assert!(g.mean_interval.0 < g.mean && g.mean < g.mean_interval.1);
        assert_eq!(grades([0; 10]), None);
    }

    #[test]
    fn two_proportions_known_value() {
        // 60/100 against 45/100: pooled 0.525, z = 0.15 / sqrt(.525*.475*.02) = 2.124, p = 0.034.
        let d = two_proportions(60, 100, 45, 100).unwrap();
        assert!(close(d.z, 2.124, 0.001), "{}", d.z);
        assert!(close(d.p, 0.0337, 0.0005), "{}", d.p);
        assert!(d.significant());
        assert_eq!(
            difference_text("de bejegening", "mensen zonder terugvordering", "mensen met terugvordering", &d).unwrap(),
            "Mensen zonder terugvordering zijn vaker positief over de bejegening dan mensen met terugvordering (15 procentpunt verschil)."
        );
        let d = two_proportions(45, 100, 60, 100).unwrap();
        assert_eq!(
            difference_text("de bejegening", "mensen met terugvordering", "de anderen", &d).unwrap(),
            "Mensen met terugvordering zijn minder vaak positief over de bejegening dan de anderen (15 procentpunt verschil)."
        );
        // 52/100 against 48/100 is noise: nothing is said.
        let d = two_proportions(52, 100, 48, 100).unwrap();
        assert!(!d.significant());
        assert_eq!(difference_text("x", "a", "b", &d), None);
        assert_eq!(two_proportions(0, 10, 0, 10), None);
        assert_eq!(two_proportions(1, 0, 1, 10), None);
    }

    #[test]
    fn mean_share_by_hand() {
        // Three questions: 30/40 = 75%, 50/100 = 50%, 9/10 = 90%: each counts the same, so
        // (75 + 50 + 90) / 3 = 71.67%, where pooling all answers gives 89/150 = 59.33%.
        let parts = [(30, 40), (50, 100), (9, 10)];
        assert!(close(mean_share(&parts).unwrap(), 215.0 / 3.0, 1e-9));
        // A question nobody answered is left out, not counted as 0%.
        assert!(close(mean_share(&[(30, 40), (0, 0)]).unwrap(), 75.0, 1e-9));
        assert_eq!(mean_share(&[(0, 0)]), None);
        assert_eq!(mean_share(&[]), None);
    }

    #[test]
    fn mean_shares_difference_by_hand() {
        // One question: the same as the two-proportion test (z = 2.124, see above).
        let d = mean_shares_difference(&[(60, 100)], &[(45, 100)]).unwrap();
        let t = two_proportions(60, 100, 45, 100).unwrap();
        assert!(close(d.points, 15.0, 1e-9));
        assert!(close(d.z, t.z, 1e-12), "{}", d.z);
        assert!(d.significant() && worth_telling(&d));
        // Shares of 0% and 100% still vary under "no difference": 0/10 against 30/30, pooled
        // .75, se = sqrt(.75 * .25 * (1/10 + 1/30)) = .1581, z = -1 / .1581 = -6.32.
        let d = mean_shares_difference(&[(0, 10)], &[(30, 30)]).unwrap();
        assert!(close(d.z, -6.325, 0.001), "{}", d.z);
        // Two questions, 5 points apart each on 1000 people: var = (.525 * .475 + .625 * .375)
        // * .002 / 4, se = .01555, z = 3.215: significant, but too small to tell.
        // Two questions, 5 points apart each on 1000 people: significant, but too small to tell.
        let d = mean_shares_difference(&[(550, 1000), (650, 1000)], &[(500, 1000), (600, 1000)])
            .unwrap();
        assert!(close(d.points, 5.0, 1e-9));
        assert!(close(d.z, 3.215, 0.001), "{}", d.z);
        assert!(d.significant() && !worth_telling(&d));
        assert_eq!(mean_shares_difference(&[(0, 0)], &[(5, 10)]), None);
    }

    #[test]
    fn normal_cdf_known_values() {
        assert!(close(normal_cdf(0.0), 0.5, 1e-7));
        assert!(close(normal_cdf(1.959_964), 0.975, 1e-6));
        assert!(close(normal_cdf(-1.0), 0.158_655, 1e-6));
    }

    #[test]
    fn nmin_of_a_block() {
        assert_eq!(nmin(&[260, 241, 255]), Some(241));
        assert_eq!(nmin(&[]), None);
    }
}
