//! Staff sessions stored in the database, so that every instance behind a load balancer sees the
//! same sessions and a revocation (logout everywhere, disabled account) takes effect everywhere at once.
//! The cookie holds a random token; the database holds only its SHA-256, so a copy of the database
//! does not hand out live sessions.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::accounts::model::{CurrentUser, Role};
use crate::db::schema::{sessions, user_roles, users};
use crate::db::{write_tx, DbConnection};

/// Name of the session cookie.
pub const COOKIE: &str = "kb_sessie";
/// A session ends this long after login, however active.
pub const ABSOLUTE_HOURS: i64 = 12;
/// `last_seen_at` is written at most this often, to keep reads cheap.
const TOUCH_EVERY_SECONDS: i64 = 60;

/// A new random token (256 bits, URL-safe).
pub fn new_token() -> String {
    crate::web::context::random_token()
}

/// The stored form of a token.
pub fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    crate::fmt::hex(&digest)
}

/// Whether a session seen last at `last_seen`, made at `created`, is still valid at `now`.
pub fn is_live(
    created: NaiveDateTime,
    last_seen: NaiveDateTime,
    now: NaiveDateTime,
    idle_minutes: i64,
) -> bool {
    now < created + Duration::hours(ABSOLUTE_HOURS)
        && now < last_seen + Duration::minutes(idle_minutes)
}

/// Starts a session for `user_id` and returns the cookie value.
pub fn create(conn: &mut DbConnection, user_id: i64, now: NaiveDateTime) -> QueryResult<String> {
    let token = new_token();
    diesel::insert_into(sessions::table)
        .values((
            sessions::token_hash.eq(token_hash(&token)),
            sessions::user_id.eq(user_id),
            sessions::created_at.eq(now),
            sessions::last_seen_at.eq(now),
            sessions::expires_at.eq(now + Duration::hours(ABSOLUTE_HOURS)),
        ))
        .execute(conn)?;
    Ok(token)
}

/// Finds the staff member behind a cookie value; ends sessions that expired or whose account was disabled.
pub fn lookup(
    conn: &mut DbConnection,
    token: &str,
    now: NaiveDateTime,
    idle_minutes: i64,
) -> QueryResult<Option<CurrentUser>> {
    let hash = token_hash(token);
    let row: Option<(NaiveDateTime, NaiveDateTime, i64, String, String, bool)> = sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq(&hash))
        .select((
            sessions::created_at,
            sessions::last_seen_at,
            users::id,
            users::username,
            users::display_name,
            users::disabled,
        ))
        .get_result(conn)
        .optional()?;
    let Some((created, last_seen, id, username, display_name, disabled)) = row else {
        return Ok(None);
    };
    if disabled || !is_live(created, last_seen, now, idle_minutes) {
        diesel::delete(sessions::table.filter(sessions::token_hash.eq(&hash))).execute(conn)?;
        return Ok(None);
    }
    if now - last_seen > Duration::seconds(TOUCH_EVERY_SECONDS) {
        diesel::update(sessions::table.filter(sessions::token_hash.eq(&hash)))
            .set(sessions::last_seen_at.eq(now))
            .execute(conn)?;
    }
    let roles = roles_of(conn, id)?;
    Ok(Some(CurrentUser {
        id,
        username,
        display_name,
        roles,
    }))
}

/// Roles held by an account, in screen order.
pub fn roles_of(conn: &mut DbConnection, user_id: i64) -> QueryResult<Vec<Role>> {
    let codes: Vec<String> = user_roles::table
        .filter(user_roles::user_id.eq(user_id))
        .select(user_roles::role)
        .load(conn)?;
    let mut roles: Vec<Role> = codes.iter().filter_map(|c| c.parse().ok()).collect();
    roles.sort();
    Ok(roles)
}

/// Ends one session.
pub fn revoke(conn: &mut DbConnection, token: &str) -> QueryResult<()> {
    diesel::delete(sessions::table.filter(sessions::token_hash.eq(token_hash(token))))
        .execute(conn)?;
    Ok(())
}

/// Ends every session of an account; returns how many there were.
pub fn revoke_all(conn: &mut DbConnection, user_id: i64) -> QueryResult<usize> {
    write_tx(conn, |c| {
        diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(c)
    })
}

/// Ends every session of an account except the one in use.
pub fn revoke_others(
    conn: &mut DbConnection,
    user_id: i64,
    keep_token: &str,
) -> QueryResult<usize> {
    diesel::delete(
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::token_hash.ne(token_hash(keep_token))),
    )
    .execute(conn)
}

/// Removes expired sessions (housekeeping; safe to run from any instance).
pub fn purge_expired(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::expires_at.lt(now))).execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn t(h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .unwrap()
    }

    #[test]
    fn idle_and_absolute_limits() {
        assert!(is_live(t(8, 0), t(9, 0), t(9, 59), 60));
        assert!(!is_live(t(8, 0), t(9, 0), t(10, 0), 60));
        // Active all day, but never longer than the absolute limit.
        assert!(!is_live(t(8, 0), t(19, 59), t(20, 0), 60));
    }

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let a = new_token();
        let b = new_token();
        assert_ne!(a, b);
        assert!(a.len() >= 43);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }
}
