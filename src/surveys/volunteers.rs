//! The follow-up interview: the single-use offer made when a web answer set is stored, signing up
//! with it, and the list of volunteers for the researcher.
//!
//! The offer is a random token in the respondent's cookie; the database keeps its hash, its wave
//! and the last day it may be used, never the answer set (see [`super::anonymity`]). Signing up
//! uses the token up in the same transaction that stores the volunteer, with a conditional update,
//! so one answer set gives at most one volunteer, and a cookie made up by the client (a wave
//! number, an old token) gives none. Refused attempts are counted per client address.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::accounts::ratelimit::{self, Limit};
use crate::accounts::sessions::{new_token, token_hash};
use crate::db::schema::{interview_offers, interview_volunteers, waves};
use crate::db::{write_tx, DbConnection};
use crate::surveys::waves::{window, Window};

/// Days after the day of sending on which the offer may still be used (so that sending just
/// before midnight still leaves time to fill in the form).
pub const OFFER_DAYS: i64 = 1;

/// Refused sign-ups (no offer, a used or made-up one, a closed wave) per client address. Real
/// offers are never refused by it: each one needs a sent answer set, and so a used code.
pub const REFUSED_PER_ADDRESS: Limit = Limit {
    name: "gesprek-ip",
    max: 10,
    window_seconds: 600,
};

/// Why a sign-up cannot be taken. Each has a UI string (`volunteer-refused-…`).
#[derive(Debug, thiserror::Error)]
pub enum OfferError {
    /// No offer with this token: none given, made up, or past its last day.
    #[error("geen geldig aanbod")]
    Unknown,
    /// The offer was used already.
    #[error("aanbod al gebruikt")]
    Used,
    /// The wave has closed.
    #[error("ronde gesloten")]
    Closed,
    /// Storage failure.
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

impl OfferError {
    /// The UI string key of the message.
    pub fn message_key(&self) -> &'static str {
        match self {
            OfferError::Unknown => "volunteer-refused-unknown",
            OfferError::Used => "volunteer-refused-used",
            OfferError::Closed => "volunteer-refused-closed",
            OfferError::Db(_) => "error-500-text",
        }
    }
}

/// Makes an offer for wave `wave_id`, inside the caller's transaction (the one that stores the
/// answer set). Returns the token for the respondent's cookie.
pub fn make_offer(conn: &mut DbConnection, wave_id: i64, today: NaiveDate) -> QueryResult<String> {
    let token = new_token();
    diesel::insert_into(interview_offers::table)
        .values((
            interview_offers::token_hash.eq(token_hash(&token)),
            interview_offers::wave_id.eq(wave_id),
            interview_offers::valid_until.eq(today + chrono::Duration::days(OFFER_DAYS)),
            interview_offers::used.eq(false),
        ))
        .execute(conn)?;
    Ok(token)
}

/// Whether an offer may still be used: a pure rule over what is stored.
pub fn check(
    used: bool,
    valid_until: NaiveDate,
    opens_on: NaiveDate,
    closes_on: NaiveDate,
    today: NaiveDate,
) -> Result<(), OfferError> {
    if used {
        return Err(OfferError::Used);
    }
    if window(today, opens_on, closes_on) == Window::Closed {
        return Err(OfferError::Closed);
    }
    if today > valid_until {
        return Err(OfferError::Unknown);
    }
    Ok(())
}

/// An offer that may be used now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenOffer {
    /// Its wave.
    pub wave_id: i64,
    /// The wave's closing date (the researcher calls after it).
    pub closes_on: NaiveDate,
}

/// Finds the offer of `token` and checks it may be used.
pub fn open_offer(
    conn: &mut DbConnection,
    token: &str,
    today: NaiveDate,
) -> Result<OpenOffer, OfferError> {
    let row: Option<(i64, bool, NaiveDate, NaiveDate, NaiveDate)> = interview_offers::table
        .inner_join(waves::table)
        .filter(interview_offers::token_hash.eq(token_hash(token)))
        .select((
            interview_offers::wave_id,
            interview_offers::used,
            interview_offers::valid_until,
            waves::opens_on,
            waves::closes_on,
        ))
        .get_result(conn)
        .optional()?;
    let (wave_id, used, valid_until, opens_on, closes_on) = row.ok_or(OfferError::Unknown)?;
    check(used, valid_until, opens_on, closes_on, today)?;
    Ok(OpenOffer { wave_id, closes_on })
}

/// What a volunteer fills in (checked by the caller).
#[derive(Debug, Clone)]
pub struct NewVolunteer {
    /// Name.
    pub name: String,
    /// Phone number or e-mail address.
    pub contact: String,
    /// The language they want to talk in, as they chose it.
    pub language: String,
    /// When to call best.
    pub best_time: String,
}

/// Signs up with the offer of `token`: uses it up and stores the volunteer for its wave, in one
/// transaction. Offers past their last day are cleared on the way.
pub fn sign_up(
    conn: &mut DbConnection,
    token: &str,
    v: &NewVolunteer,
    today: NaiveDate,
) -> Result<(), OfferError> {
    write_tx(conn, |c| {
        purge_expired_offers(c, today)?;
        let wave_id = open_offer(c, token, today)?.wave_id;
        let claimed = diesel::update(
            interview_offers::table
                .filter(interview_offers::token_hash.eq(token_hash(token)))
                .filter(interview_offers::used.eq(false)),
        )
        .set(interview_offers::used.eq(true))
        .execute(c)?;
        if claimed != 1 {
            return Err(OfferError::Used);
        }
        diesel::insert_into(interview_volunteers::table)
            .values((
                interview_volunteers::wave_id.eq(wave_id),
                interview_volunteers::name.eq(&v.name),
                interview_volunteers::contact.eq(&v.contact),
                interview_volunteers::language.eq(&v.language),
                interview_volunteers::best_time.eq(&v.best_time),
            ))
            .execute(c)?;
        Ok(())
    })
}

/// Deletes offers past their last day (used or not); run by the housekeeping and on sign-up.
pub fn purge_expired_offers(conn: &mut DbConnection, today: NaiveDate) -> QueryResult<usize> {
    diesel::delete(interview_offers::table.filter(interview_offers::valid_until.lt(today)))
        .execute(conn)
}

/// Counts one refused sign-up for a client address; false when it is over the limit.
pub fn count_refusal(
    conn: &mut DbConnection,
    address_key: &str,
    now: chrono::NaiveDateTime,
) -> QueryResult<bool> {
    ratelimit::hit(conn, REFUSED_PER_ADDRESS, address_key, now)
}

/// A volunteer as the researcher sees them.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct Volunteer {
    /// Name.
    pub name: String,
    /// Phone number or e-mail address.
    pub contact: String,
    /// Language to talk in.
    pub language: String,
    /// When to call best.
    pub best_time: String,
}

/// The volunteers of a wave, sorted by name (the order they came in would match the order of the
/// answers; the database's own order is never used).
pub fn list(conn: &mut DbConnection, wave_id: i64) -> QueryResult<Vec<Volunteer>> {
    let mut rows: Vec<Volunteer> = interview_volunteers::table
        .filter(interview_volunteers::wave_id.eq(wave_id))
        .select((
            interview_volunteers::name,
            interview_volunteers::contact,
            interview_volunteers::language,
            interview_volunteers::best_time,
        ))
        .load(conn)?;
    sort_by_name(&mut rows);
    Ok(rows)
}

/// Sorts by name as people read it (ignoring case), then by contact, so equal names too have an
/// order that says nothing about when they came.
pub fn sort_by_name(rows: &mut [Volunteer]) {
    rows.sort_by_cached_key(|v| {
        (
            v.name.to_lowercase(),
            v.name.clone(),
            v.contact.clone(),
            v.language.clone(),
            v.best_time.clone(),
        )
    });
}

/// Number of volunteers of a wave.
pub fn count(conn: &mut DbConnection, wave_id: i64) -> QueryResult<i64> {
    interview_volunteers::table
        .filter(interview_volunteers::wave_id.eq(wave_id))
        .count()
        .get_result(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 5, day).unwrap()
    }

    #[test]
    fn an_offer_is_good_once_while_the_wave_is_open_and_for_a_day() {
        assert!(check(false, d(11), d(1), d(20), d(10)).is_ok());
        assert!(check(false, d(11), d(1), d(20), d(11)).is_ok());
        assert!(matches!(
            check(false, d(11), d(1), d(20), d(12)),
            Err(OfferError::Unknown)
        ));
        assert!(matches!(
            check(true, d(11), d(1), d(20), d(10)),
            Err(OfferError::Used)
        ));
        assert!(matches!(
            check(false, d(21), d(1), d(20), d(21)),
            Err(OfferError::Closed)
        ));
    }

    #[test]
    fn the_list_is_by_name_whatever_order_they_came_in() {
        let v = |n: &str, c: &str| Volunteer {
            name: n.into(),
            contact: c.into(),
            language: "nl".into(),
            best_time: String::new(),
        };
        let mut rows = vec![
            v("Zeger", "1"),
            v("ayse", "2"),
            v("Bram", "4"),
            v("Bram", "3"),
        ];
        sort_by_name(&mut rows);
        let names: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r.name.as_str(), r.contact.as_str()))
            .collect();
        assert_eq!(
            names,
            [("ayse", "2"), ("Bram", "3"), ("Bram", "4"), ("Zeger", "1")]
        );
    }
}
