//! Read queries of the e-mail address pages (`email.rs`).

use diesel::prelude::*;

use crate::accounts::email_service::EmailError;
use crate::db::schema::users;
use crate::db::DbConnection;

/// The account's address, if any; [`EmailError::NotFound`] when there is no such account.
pub fn email_of(conn: &mut DbConnection, id: i64) -> Result<Option<String>, EmailError> {
    users::table
        .find(id)
        .select(users::email)
        .get_result::<Option<String>>(conn)
        .optional()?
        .ok_or(EmailError::NotFound)
}
