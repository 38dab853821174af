//! Setting a staff member's e-mail address: the check of the typed address and the audited
//! change. Used by the web pages (`email.rs`) and the command line (`klankbord user set-email`).

use diesel::prelude::*;

use crate::accounts::audit::{self, Actor};
use crate::db::schema::users;
use crate::db::{write_tx, DbConnection};

/// Why an address was not stored.
#[derive(Debug, thiserror::Error)]
pub enum EmailError {
    /// Not an e-mail address.
    #[error("dit is geen e-mailadres")]
    Invalid,
    /// No such account.
    #[error("dit account bestaat niet")]
    NotFound,
    /// Database failure.
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// The address as typed, checked: `None` clears it (an empty field), longer than 254 characters or
/// not an address is refused.
pub fn parse(typed: &str) -> Result<Option<String>, EmailError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    if typed.chars().count() > 254 || !crate::mail::valid_address(typed) {
        return Err(EmailError::Invalid);
    }
    Ok(Some(typed.to_string()))
}

/// Stores (or clears) the address of an account; audited as `user.email_set` or
/// `user.email_cleared`, without the address.
pub fn set_email(
    conn: &mut DbConnection,
    id: i64,
    typed: &str,
    actor: Actor,
) -> Result<Option<String>, EmailError> {
    let email = parse(typed)?;
    write_tx(conn, |c| {
        let n = diesel::update(users::table.find(id))
            .set(users::email.eq(email.as_deref()))
            .execute(c)?;
        if n == 0 {
            return Err(EmailError::NotFound);
        }
        let action = if email.is_some() {
            "user.email_set"
        } else {
            "user.email_cleared"
        };
        audit::record(c, actor, action, "user", Some(&id.to_string()), None)?;
        Ok(())
    })?;
    Ok(email)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked_and_empty_clears() {
        assert_eq!(
            parse("  a.jansen@gemeente.nl ").unwrap().as_deref(),
            Some("a.jansen@gemeente.nl")
        );
        assert_eq!(parse("   ").unwrap(), None);
        assert!(matches!(parse("a.jansen"), Err(EmailError::Invalid)));
        assert!(matches!(parse("a @b.nl"), Err(EmailError::Invalid)));
        let long = format!("{}@gemeente.nl", "a".repeat(250));
        assert!(matches!(parse(&long), Err(EmailError::Invalid)));
    }
}
