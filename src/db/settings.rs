//! Installation-wide settings kept in the database, so that every instance shares them.

use diesel::prelude::*;

use crate::db::schema::settings;
use crate::db::DbConnection;

/// The municipality's name from the configuration, stored at start-up so that every command sees it.
pub const MUNICIPALITY: &str = "municipality";

/// Stores a setting, replacing its value.
pub fn set(conn: &mut DbConnection, key: &str, value: &str) -> QueryResult<()> {
    let updated = diesel::update(settings::table.find(key))
        .set(settings::value.eq(value))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(settings::table)
            .values((settings::key.eq(key), settings::value.eq(value)))
            .execute(conn)?;
    }
    Ok(())
}

/// Reads a setting.
pub fn get(conn: &mut DbConnection, key: &str) -> QueryResult<Option<String>> {
    settings::table
        .find(key)
        .select(settings::value)
        .get_result(conn)
        .optional()
}

/// Reads a setting, storing `make()` first if it is not there yet. When two instances start at the
/// same moment, the first insert wins and both read the same value.
pub fn get_or_insert(
    conn: &mut DbConnection,
    key: &str,
    make: impl FnOnce() -> String,
) -> QueryResult<String> {
    if let Some(v) = get(conn, key)? {
        return Ok(v);
    }
    let inserted = diesel::insert_into(settings::table)
        .values((settings::key.eq(key), settings::value.eq(make())))
        .execute(conn);
    match inserted {
        Ok(_)
        | Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => {}
        Err(e) => return Err(e),
    }
    get(conn, key)?.ok_or(diesel::result::Error::NotFound)
}
