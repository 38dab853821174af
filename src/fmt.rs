//! How the product writes times for people: every instant is stored in UTC and shown in Dutch
//! local time (Europe/Amsterdam, with summer time). Every page, list, export and report that shows
//! a moment calls one of these functions, so a time is never shown in UTC by mistake.
//!
//! The zone rules come from `chrono-tz` (the IANA database compiled in, kept up to date by the
//! chrono project), so the product needs no time zone files on the server.
//!
//! Times a person typed as a wall-clock time (the hour of a hearing) are stored as typed and are
//! not instants; they are shown as they are.

use chrono::{DateTime, NaiveDateTime, TimeZone};
use chrono_tz::Europe::Amsterdam;
use chrono_tz::Tz;

/// The instant `utc` in Dutch local time.
pub fn in_amsterdam(utc: NaiveDateTime) -> DateTime<Tz> {
    Amsterdam.from_utc_datetime(&utc)
}

/// A stored UTC instant as people read it: `15-01-2027 13:00`.
pub fn local_time(utc: NaiveDateTime) -> String {
    in_amsterdam(utc).format("%d-%m-%Y %H:%M").to_string()
}

/// The Dutch calendar date of a stored UTC instant (23:30 UTC on 30 June is 1 July here).
pub fn local_date(utc: NaiveDateTime) -> chrono::NaiveDate {
    in_amsterdam(utc).date_naive()
}

/// A stored UTC instant for files (CSV, JSON): ISO 8601 with the offset, `2027-01-15T13:00:00+01:00`,
/// so a program reading it gets the exact moment and a person sees the Dutch clock time.
pub fn local_iso(utc: NaiveDateTime) -> String {
    in_amsterdam(utc).format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// Today's date in the Netherlands.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().with_timezone(&Amsterdam).date_naive()
}

/// Dates as people write them here: 31-12-2027.
pub fn date_text(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    // Written out by hand: chrono's formatter reads its pattern again on every call, and long lists
    // show thousands of dates.
    format!("{:02}-{:02}-{}", d.day(), d.month(), d.year())
}

/// The Dutch month names, January first (dates in letters; recognising a written date).
pub const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A whole number with Dutch thousands separators: `1.234.567`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn winter_is_one_hour_ahead_of_utc() {
        assert_eq!(local_time(utc(2027, 1, 15, 12, 0)), "15-01-2027 13:00");
        assert_eq!(
            local_iso(utc(2027, 1, 15, 12, 0)),
            "2027-01-15T13:00:00+01:00"
        );
    }

    #[test]
    fn summer_is_two_hours_ahead_and_the_date_can_change() {
        assert_eq!(local_time(utc(2027, 7, 1, 12, 0)), "01-07-2027 14:00");
        assert_eq!(local_time(utc(2027, 6, 30, 22, 30)), "01-07-2027 00:30");
        assert_eq!(
            local_date(utc(2027, 6, 30, 22, 30)).to_string(),
            "2027-07-01"
        );
        assert_eq!(
            local_iso(utc(2027, 7, 1, 12, 0)),
            "2027-07-01T14:00:00+02:00"
        );
    }

    #[test]
    fn the_switch_to_summer_time_is_followed() {
        // 28 March 2027: clocks go from 02:00 to 03:00 local (01:00 UTC).
        assert_eq!(local_time(utc(2027, 3, 28, 0, 59)), "28-03-2027 01:59");
        assert_eq!(local_time(utc(2027, 3, 28, 1, 0)), "28-03-2027 03:00");
    }
}

/// Bytes as lower-case hexadecimal (digests, tokens), written into one string.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

#[cfg(test)]
mod hex_tests {
    #[test]
    fn hex_is_two_lower_case_digits_per_byte() {
        assert_eq!(super::hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(super::hex(&[]), "");
    }
}
