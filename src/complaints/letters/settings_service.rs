//! Storing the letterhead settings and a new logo, each in one transaction with its audit line.

use diesel::prelude::*;

use super::logo::Logo;
use super::service::LetterSettings;
use crate::accounts::audit::{self, Actor};
use crate::db::schema::letterhead_logos;
use crate::db::{now, write_tx, DbConnection};

/// Stores the letter settings changed by staff member `actor`.
pub fn save_settings(
    conn: &mut DbConnection,
    actor: i64,
    settings: &LetterSettings,
) -> QueryResult<()> {
    write_tx(conn, |c| {
        settings.save(c)?;
        audit::record(
            c,
            Actor::User(actor),
            "letters.settings_changed",
            "settings",
            Some("letters"),
            None,
        )
    })
}

/// Stores a checked logo uploaded by staff member `actor`; from now on it is the one in use.
pub fn save_logo(conn: &mut DbConnection, actor: i64, logo: &Logo) -> QueryResult<()> {
    write_tx(conn, |c| {
        diesel::insert_into(letterhead_logos::table)
            .values((
                letterhead_logos::content_type.eq(if logo.png {
                    "image/png"
                } else {
                    "image/jpeg"
                }),
                letterhead_logos::data.eq(&logo.data),
                letterhead_logos::uploaded_at.eq(now()),
                letterhead_logos::uploaded_by.eq(actor),
            ))
            .execute(c)?;
        audit::record(
            c,
            Actor::User(actor),
            "letters.logo_uploaded",
            "settings",
            Some("letters"),
            Some(&format!("{} bytes", logo.data.len())),
        )
    })
}
