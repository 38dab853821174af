//! How the council report writes its numbers: one rounding rule for every output (the page, the
//! standalone HTML, the PDF, the open data and the summary). Halves are rounded away from zero,
//! as Dutch statistical practice and every spreadsheet do: 6,25 becomes 6,3 and 72,5 becomes 73.
//!
//! The rounding works on the shortest decimal form of the number (the digits Rust prints for it),
//! not on its binary value: 6.25 is exactly 6.25, but 0.285 is stored as 0.28499999…, and a reader
//! who sees "0,285" expects "0,29".

/// The number rounded to `decimals` decimals, halves away from zero, as text with a point
/// (`6.3`, `-2.0`, `73`). Never `-0`.
pub fn fixed(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let shortest = format!("{}", v.abs());
    let (int, frac) = shortest.split_once('.').unwrap_or((&shortest, ""));
    // The digits kept, as one string of decimal digits, and the first digit dropped.
    let mut digits: Vec<u8> = int.bytes().map(|b| b - b'0').collect();
    let frac: Vec<u8> = frac.bytes().map(|b| b - b'0').collect();
    for i in 0..decimals {
        digits.push(frac.get(i).copied().unwrap_or(0));
    }
    let round_up = frac.get(decimals).is_some_and(|d| *d >= 5);
    if round_up {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, 1);
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let split = digits.len() - decimals;
    let mut out = String::new();
    if v < 0.0 && digits.iter().any(|d| *d != 0) {
        out.push('-');
    }
    let int_part: String = digits[..split].iter().map(|d| (b'0' + d) as char).collect();
    out.push_str(if int_part.is_empty() { "0" } else { &int_part });
    if decimals > 0 {
        out.push('.');
        out.extend(digits[split..].iter().map(|d| (b'0' + d) as char));
    }
    out
}

/// The number rounded as [`fixed`], as a number again.
pub fn round(v: f64, decimals: usize) -> f64 {
    fixed(v, decimals).parse().unwrap_or(v)
}

/// The number rounded as [`fixed`], with a decimal comma (`6,3`), for Dutch texts.
pub fn nl(v: f64, decimals: usize) -> String {
    fixed(v, decimals).replace('.', ",")
}

/// A percentage in whole percents (`73%`).
pub fn pct(v: f64) -> String {
    format!("{}%", fixed(v, 0))
}

/// A difference in whole percentage points with its sign (`+7`, `-3`, `0`).
pub fn signed(v: f64) -> String {
    let s = fixed(v, 0);
    if s.starts_with('-') || s == "0" {
        s
    } else {
        format!("+{s}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_go_away_from_zero() {
        assert_eq!(fixed(6.25, 1), "6.3");
        assert_eq!(nl(6.25, 1), "6,3");
        assert_eq!(fixed(72.5, 0), "73");
        assert_eq!(fixed(0.5, 0), "1");
        assert_eq!(fixed(1.5, 0), "2");
        assert_eq!(fixed(2.5, 0), "3");
        assert_eq!(fixed(-2.5, 0), "-3");
        assert_eq!(fixed(-6.25, 1), "-6.3");
        // Rust's own formatting rounds these halves to even.
        assert_eq!(format!("{:.1}", 6.25), "6.2");
        assert_eq!(format!("{:.0}", 72.5), "72");
    }

    #[test]
    fn the_decimal_form_counts_not_the_binary_one() {
        // 0.285 is 0.28499999999999998… in binary; people read 0,285.
        assert_eq!(fixed(0.285, 2), "0.29");
        assert_eq!(fixed(1.005, 2), "1.01");
        assert_eq!(fixed(100.0 * 1.0 / 16.0, 1), "6.3");
    }

    #[test]
    fn carries_and_edges() {
        assert_eq!(fixed(9.96, 1), "10.0");
        assert_eq!(fixed(99.5, 0), "100");
        assert_eq!(fixed(0.04, 1), "0.0");
        assert_eq!(fixed(-0.04, 1), "0.0", "never -0");
        assert_eq!(fixed(-0.4, 0), "0");
        assert_eq!(fixed(12.0, 1), "12.0");
        assert_eq!(fixed(5.449, 1), "5.4");
        assert_eq!(fixed(1e-7, 1), "0.0");
        assert_eq!(fixed(f64::NAN, 1), "");
        assert_eq!(round(6.25, 1), 6.3);
        assert_eq!(pct(12.5), "13%");
        assert_eq!(signed(6.5), "+7");
        assert_eq!(signed(-3.2), "-3");
        assert_eq!(signed(0.2), "0");
    }
}
