//! The follow-up interview: the single-use offer made when a web answer set is stored, signing up
//! with it, and the list of volunteers for the researcher.
//!
//! The offer is a signed token in the respondent's cookie ([`super::offer_token`]): its wave and
//! the last day it may be used, a random part and a MAC. Nothing is stored when it is made, and
//! nothing in it refers to the answer set (see [`super::anonymity`]). Signing up stores the used
//! offer's hash (a primary key) in the same transaction that stores the volunteer, so one answer
//! set gives at most one volunteer, and a cookie made up by the client (a wave number, a changed
//! token) gives none. Refused attempts are counted per client address.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::offer_token::{self, Offer, OfferKey};
use crate::accounts::ratelimit::{self, Limit};
use crate::accounts::sessions::token_hash;
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

/// Makes the offer for an answer set just stored in wave `wave_id`: the token for the
/// respondent's cookie. Nothing is written.
pub fn make_offer(key: &OfferKey, wave_id: i64, today: NaiveDate) -> String {
    offer_token::sign(
        key,
        Offer {
            wave_id,
            valid_until: today + chrono::Duration::days(OFFER_DAYS),
        },
    )
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
    /// The offer's last day.
    pub valid_until: NaiveDate,
}

/// Reads the offer of `token` and checks it may be used: a right MAC, not used (no stored row),
/// within its days and its wave's.
pub fn open_offer(
    conn: &mut DbConnection,
    key: &OfferKey,
    token: &str,
    today: NaiveDate,
) -> Result<OpenOffer, OfferError> {
    let offer = offer_token::verify(key, token).ok_or(OfferError::Unknown)?;
    let (opens_on, closes_on): (NaiveDate, NaiveDate) = waves::table
        .find(offer.wave_id)
        .select((waves::opens_on, waves::closes_on))
        .get_result(conn)
        .optional()?
        .ok_or(OfferError::Unknown)?;
    let used = diesel::select(diesel::dsl::exists(
        interview_offers::table.filter(interview_offers::token_hash.eq(token_hash(token))),
    ))
    .get_result(conn)?;
    check(used, offer.valid_until, opens_on, closes_on, today)?;
    Ok(OpenOffer {
        wave_id: offer.wave_id,
        closes_on,
        valid_until: offer.valid_until,
    })
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
    key: &OfferKey,
    token: &str,
    v: &NewVolunteer,
    today: NaiveDate,
) -> Result<(), OfferError> {
    write_tx(conn, |c| {
        purge_expired_offers(c, today)?;
        let OpenOffer {
            wave_id,
            valid_until,
            ..
        } = open_offer(c, key, token, today)?;
        // The used offer's hash is the primary key: a second sign-up with the same token, even
        // at the same moment on another instance, cannot store a second row.
        diesel::insert_into(interview_offers::table)
            .values((
                interview_offers::token_hash.eq(token_hash(token)),
                interview_offers::wave_id.eq(wave_id),
                interview_offers::valid_until.eq(valid_until),
                interview_offers::used.eq(true),
            ))
            .execute(c)
            .map_err(|e| match e {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                ) => OfferError::Used,
                e => OfferError::Db(e),
            })?;
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

/// Deletes used offers past their last day (their tokens have lapsed, so a lost row cannot make
/// one usable again); run by the housekeeping and on sign-up.
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
