//! Fixed-window rate limits kept in the database, so that all instances count together.

use chrono::{DateTime, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::rate_limits;
use crate::db::{write_tx, DbConnection};

/// A named limit: at most `max` hits per `window_seconds`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// Prefix of the bucket key, e.g. `login-ip`.
    pub name: &'static str,
    /// Hits allowed per window.
    pub max: i32,
    /// Window length.
    pub window_seconds: i64,
}

/// Start of the window that `now` falls in.
pub fn window_start(now: NaiveDateTime, window_seconds: i64) -> NaiveDateTime {
    let secs = now.and_utc().timestamp();
    let start = secs - secs.rem_euclid(window_seconds.max(1));
    DateTime::from_timestamp(start, 0)
        .map(|d| d.naive_utc())
        .unwrap_or(now)
}

/// Counts one hit for `key` and says whether it is still within the limit.
pub fn hit(
    conn: &mut DbConnection,
    limit: Limit,
    key: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let bucket = format!("{}:{key}", limit.name);
    let start = window_start(now, limit.window_seconds);
    let hits = write_tx(conn, |c| {
        let updated = diesel::update(
            rate_limits::table
                .filter(rate_limits::bucket.eq(&bucket))
                .filter(rate_limits::window_start.eq(start)),
        )
        .set(rate_limits::hits.eq(rate_limits::hits + 1))
        .execute(c)?;
        if updated == 0 {
            diesel::insert_into(rate_limits::table)
                .values((
                    rate_limits::bucket.eq(&bucket),
                    rate_limits::window_start.eq(start),
                    rate_limits::hits.eq(1),
                ))
                .execute(c)?;
        }
        // Old windows are of no further use.
        diesel::delete(
            rate_limits::table
                .filter(rate_limits::window_start.lt(start - chrono::Duration::days(1))),
        )
        .execute(c)?;
        rate_limits::table
            .filter(rate_limits::bucket.eq(&bucket))
            .filter(rate_limits::window_start.eq(start))
            .select(rate_limits::hits)
            .first::<i32>(c)
    });
    let hits = match hits {
        Ok(h) => h,
        // Two instances inserted the same new window at once: count again, the row now exists.
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => return hit(conn, limit, key, now),
        Err(e) => return Err(e),
    };
    Ok(hits <= limit.max)
}

/// Whether `key` has used up its hits in the current window, without counting one.
pub fn used_up(
    conn: &mut DbConnection,
    limit: Limit,
    key: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let bucket = format!("{}:{key}", limit.name);
    let hits: Option<i32> = rate_limits::table
        .filter(rate_limits::bucket.eq(&bucket))
        .filter(rate_limits::window_start.eq(window_start(now, limit.window_seconds)))
        .select(rate_limits::hits)
        .first(conn)
        .optional()?;
    Ok(hits.is_some_and(|h| h >= limit.max))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn windows_are_aligned() {
        let now = NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(10, 17, 42))
            .unwrap();
        let start = window_start(now, 600);
        assert_eq!(start.to_string(), "2026-11-23 10:10:00");
        assert_eq!(window_start(start, 600), start);
    }
}
