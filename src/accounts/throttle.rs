//! Growing waits after failed logins, counted per login name *and* client address.
//!
//! Why not lock the account after five failures: then anyone who knows a coordinator's login name
//! can keep her out all day by typing wrong passwords. Here the wait applies to the pair (name
//! typed, address it came from), so the person at her own desk can still log in while an attacker
//! elsewhere waits. A name that does not exist is counted the same way, so the waits tell nobody
//! which names exist. Each address may also fail only [`FAILURES_PER_ADDRESS`] times per window,
//! whatever names it tries; successful logins are never counted, so a town hall behind one
//! address does not lock itself out at 9:00.
//!
//! The pair is stored as a keyed hash (the address is already one): no name or address is kept.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::accounts::ratelimit::Limit;
use crate::db::schema::login_failures;
use crate::db::{write_tx, DbConnection};

/// Failures of one pair that cost nothing but the message.
pub const FREE_FAILURES: i32 = 5;
/// The wait after the first failure past [`FREE_FAILURES`]; it doubles with each further one.
pub const FIRST_WAIT_SECONDS: i64 = 30;
/// The longest wait.
pub const MAX_WAIT_SECONDS: i64 = 15 * 60;

/// Failed logins per client address, whatever names it tries.
pub const FAILURES_PER_ADDRESS: Limit = Limit {
    name: "login-fail-ip",
    max: 50,
    window_seconds: 900,
};

/// How long a pair must wait after its last failure, having failed `failures` times in a row.
pub fn wait_after(failures: i32) -> Duration {
    if failures < FREE_FAILURES {
        return Duration::zero();
    }
    let doublings = (failures - FREE_FAILURES).min(20) as u32;
    let secs = FIRST_WAIT_SECONDS.saturating_mul(1i64 << doublings);
    Duration::seconds(secs.min(MAX_WAIT_SECONDS))
}

/// The key of a (login name, address) pair: `address` is already a keyed hash of the address.
pub fn pair_key(normalised_name: &str, address: &str) -> String {
    let digest = Sha256::digest(format!("{address}|{normalised_name}").as_bytes());
    crate::fmt::hex(&digest[..16])
}

/// Until when the pair must wait before its next attempt is even checked, if it must.
pub fn waiting_until(
    conn: &mut DbConnection,
    key: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<NaiveDateTime>> {
    let row: Option<(i32, NaiveDateTime)> = login_failures::table
        .find(key)
        .select((login_failures::failures, login_failures::last_failure))
        .first(conn)
        .optional()?;
    Ok(row.and_then(|(failures, last)| {
        let until = last + wait_after(failures);
        (now < until).then_some(until)
    }))
}

/// Counts one failure of the pair; returns until when it must now wait (if at all). Rows older
/// than a day are forgotten.
pub fn record_failure(
    conn: &mut DbConnection,
    key: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<NaiveDateTime>> {
    let failures = write_tx(conn, |c| {
        diesel::delete(
            login_failures::table.filter(login_failures::last_failure.lt(now - Duration::days(1))),
        )
        .execute(c)?;
        let updated = diesel::update(login_failures::table.find(key))
            .set((
                login_failures::failures.eq(login_failures::failures + 1),
                login_failures::last_failure.eq(now),
            ))
            .execute(c)?;
        if updated == 0 {
            diesel::insert_into(login_failures::table)
                .values((
                    login_failures::bucket.eq(key),
                    login_failures::failures.eq(1),
                    login_failures::last_failure.eq(now),
                ))
                .execute(c)?;
        }
        login_failures::table
            .find(key)
            .select(login_failures::failures)
            .first::<i32>(c)
    })?;
    let wait = wait_after(failures);
    Ok((wait > Duration::zero()).then_some(now + wait))
}

/// Forgets the pair's failures after a successful login.
pub fn clear(conn: &mut DbConnection, key: &str) -> QueryResult<()> {
    diesel::delete(login_failures::table.find(key)).execute(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_failures_cost_nothing_then_the_wait_doubles_up_to_a_limit() {
        for f in 0..FREE_FAILURES {
            assert_eq!(wait_after(f), Duration::zero());
        }
        assert_eq!(wait_after(5), Duration::seconds(30));
        assert_eq!(wait_after(6), Duration::seconds(60));
        assert_eq!(wait_after(7), Duration::seconds(120));
        assert_eq!(wait_after(10), Duration::seconds(900));
        assert_eq!(wait_after(1000), Duration::seconds(MAX_WAIT_SECONDS));
        assert_eq!(wait_after(i32::MAX), Duration::seconds(MAX_WAIT_SECONDS));
    }

    #[test]
    fn pairs_differ_by_name_and_by_address() {
        let a = pair_key("j.jansen", "addr1");
        assert_eq!(a, pair_key("j.jansen", "addr1"));
        assert_ne!(a, pair_key("j.jansen", "addr2"));
        assert_ne!(a, pair_key("p.pietersen", "addr1"));
        assert!(!a.contains("jansen"));
    }
}
