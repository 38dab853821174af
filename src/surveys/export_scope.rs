//! Which answer sets and languages the row export of a closed wave holds: the anonymity rules
//! (`surveys::anonymity`) applied to the wave's stored answer sets.

use diesel::prelude::*;

use crate::db::schema::responses;
use crate::db::DbConnection;
use crate::surveys::anonymity;
use crate::surveys::waves::Wave;

/// The last day whose answer sets the row export of a closed wave holds on `today`: the closing
/// date, and late paper only as [`anonymity::published_through`] lets it join (whole days, at
/// least [`anonymity::MIN_GROUP`] sets at a time), so two downloads never differ by fewer.
pub fn export_through(
    conn: &mut DbConnection,
    wave: &Wave,
    today: chrono::NaiveDate,
) -> QueryResult<chrono::NaiveDate> {
    let late = late_days(conn, wave)?;
    Ok(anonymity::published_through(
        wave.closes_on,
        &late,
        today,
        anonymity::MIN_GROUP,
    ))
}

/// The languages of a wave's answer sets up to `through` that the export may show
/// ([`anonymity::shown_languages`]).
pub fn export_languages(
    conn: &mut DbConnection,
    wave_id: i64,
    through: chrono::NaiveDate,
) -> QueryResult<std::collections::BTreeSet<String>> {
    let counts: Vec<(String, i64)> = responses::table
        .filter(responses::wave_id.eq(wave_id))
        .filter(responses::answered_on.le(through))
        .group_by(responses::language)
        .select((responses::language, diesel::dsl::count_star()))
        .load(conn)?;
    let counts = counts
        .into_iter()
        .map(|(l, n)| (l, n.max(0) as u64))
        .collect();
    Ok(anonymity::shown_languages(&counts, anonymity::MIN_GROUP))
}

/// The days after a wave's closing date on which answer sets came in (late paper), with how many
/// on each: what [`anonymity::published_through`] weighs, for the export and the council report.
pub fn late_days(
    conn: &mut DbConnection,
    wave: &Wave,
) -> QueryResult<Vec<(chrono::NaiveDate, u64)>> {
    days_after(conn, wave.id, wave.closes_on)
}

/// The days after `after` on which answer sets of wave `wave_id` came in, with how many.
pub fn days_after(
    conn: &mut DbConnection,
    wave_id: i64,
    after: chrono::NaiveDate,
) -> QueryResult<Vec<(chrono::NaiveDate, u64)>> {
    let late: Vec<(chrono::NaiveDate, i64)> = responses::table
        .filter(responses::wave_id.eq(wave_id))
        .filter(responses::answered_on.gt(after))
        .group_by(responses::answered_on)
        .select((responses::answered_on, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(late
        .into_iter()
        .map(|(d, n)| (d, n.max(0) as u64))
        .collect())
}
