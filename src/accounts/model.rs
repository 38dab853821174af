//! Staff accounts and their roles. The identity types (`Role`, `CurrentUser`) live in
//! [`crate::identity`], which `web/` uses too; they are re-exported here.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::users;

pub use crate::identity::{CurrentUser, Role};

/// A staff account as stored.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = users)]
pub struct User {
    /// Internal number; used in audit lines instead of a name.
    pub id: i64,
    /// Login name.
    pub username: String,
    /// Name shown on screens.
    pub display_name: String,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// A disabled account cannot log in and loses its sessions.
    pub disabled: bool,
    /// When the account was made.
    pub created_at: NaiveDateTime,
    /// When the password was last set.
    pub password_changed_at: NaiveDateTime,
}
