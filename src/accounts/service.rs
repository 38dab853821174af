//! Account operations shared by the command line and the web screens; every change is audited.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use validator::Validate;

use crate::accounts::audit::{self, Actor};
use crate::accounts::model::{Role, User};
use crate::accounts::password::{self, PasswordProblem};
use crate::accounts::{ratelimit, sessions, throttle};
use crate::db::schema::{user_roles, users};
use crate::db::{write_tx, DbConnection};

/// Why an account operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The login name does not meet the rules.
    #[error("ongeldige gebruikersnaam: gebruik 3 tot 64 kleine letters, cijfers, punt, streepje of liggend streepje")]
    InvalidUsername,
    /// The display name is empty or too long.
    #[error("vul een naam in van hoogstens 100 tekens")]
    InvalidDisplayName,
    /// The login name is taken.
    #[error("de gebruikersnaam bestaat al")]
    UsernameTaken,
    /// No role chosen.
    #[error("kies minstens één rol")]
    NoRole,
    /// Password refused by the policy.
    #[error("wachtwoord geweigerd ({0:?})")]
    Password(PasswordProblem),
    /// No such account.
    #[error("dit account bestaat niet")]
    NotFound,
    /// An administrator may not take away their own last way in.
    #[error("u kunt uw eigen beheerdersrechten of account niet uitschakelen")]
    SelfLockout,
    /// Database failure.
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    /// Hashing failure.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl AccountError {
    /// Key of the message shown to the user, in their language.
    pub fn message_key(&self) -> &'static str {
        match self {
            AccountError::InvalidUsername => "account-error-username",
            AccountError::InvalidDisplayName => "account-error-display-name",
            AccountError::UsernameTaken => "account-error-username-taken",
            AccountError::NoRole => "account-error-no-role",
            AccountError::Password(p) => p.message_key(),
            AccountError::NotFound => "account-error-not-found",
            AccountError::SelfLockout => "account-error-self-lockout",
            AccountError::Db(_) | AccountError::Other(_) => "error-500-text",
        }
    }
}

/// A new account as entered on the form or the command line.
#[derive(Debug, Clone, Validate)]
pub struct NewAccount {
    /// Login name.
    #[validate(length(min = 3, max = 64), custom(function = "valid_username"))]
    pub username: String,
    /// Name shown on screens.
    #[validate(length(min = 1, max = 100))]
    pub display_name: String,
    /// Chosen password (checked against the policy).
    pub password: String,
    /// Roles to grant.
    pub roles: Vec<Role>,
}

fn valid_username(u: &str) -> Result<(), validator::ValidationError> {
    let ok = u
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'));
    if ok {
        Ok(())
    } else {
        Err(validator::ValidationError::new("username"))
    }
}

/// Normalises a login name as typed (surrounding spaces, capitals).
pub fn normalise_username(u: &str) -> String {
    u.trim().to_lowercase()
}

/// Creates an account and grants its roles.
pub fn create_user(
    conn: &mut DbConnection,
    new: NewAccount,
    actor: Actor,
) -> Result<User, AccountError> {
    let new = NewAccount {
        username: normalise_username(&new.username),
        display_name: new.display_name.trim().to_string(),
        ..new
    };
    if let Err(errors) = new.validate() {
        return Err(if errors.field_errors().contains_key("username") {
            AccountError::InvalidUsername
        } else {
            AccountError::InvalidDisplayName
        });
    }
    if new.roles.is_empty() {
        return Err(AccountError::NoRole);
    }
    let municipality = municipality_name(conn)?;
    password::check_policy(
        &new.password,
        &[&new.username, &new.display_name, &municipality],
    )
    .map_err(AccountError::Password)?;
    let hash = password::hash(&new.password)?;
    let now = crate::db::now();
    write_tx(conn, |c| {
        let taken: i64 = users::table
            .filter(users::username.eq(&new.username))
            .count()
            .get_result(c)?;
        if taken > 0 {
            return Err(AccountError::UsernameTaken);
        }
        diesel::insert_into(users::table)
            .values((
                users::username.eq(&new.username),
                users::display_name.eq(&new.display_name),
                users::password_hash.eq(&hash),
                users::disabled.eq(false),
                users::created_at.eq(now),
                users::password_changed_at.eq(now),
            ))
            .execute(c)?;
        let user: User = users::table
            .filter(users::username.eq(&new.username))
            .select(User::as_select())
            .first(c)?;
        let id = user.id.to_string();
        for role in &new.roles {
            diesel::insert_into(user_roles::table)
                .values((
                    user_roles::user_id.eq(user.id),
                    user_roles::role.eq(role.code()),
                ))
                .execute(c)?;
        }
        let codes: Vec<&str> = new.roles.iter().map(|r| r.code()).collect();
        audit::record(
            c,
            actor,
            "user.created",
            "user",
            Some(&id),
            Some(&codes.join(",")),
        )?;
        Ok(user)
    })
}

/// Every account, by login name.
pub fn list_users(conn: &mut DbConnection) -> QueryResult<Vec<(User, Vec<Role>)>> {
    let all: Vec<User> = users::table
        .order(users::username.asc())
        .select(User::as_select())
        .load(conn)?;
    let grants: Vec<(i64, String)> = user_roles::table
        .select((user_roles::user_id, user_roles::role))
        .load(conn)?;
    Ok(all
        .into_iter()
        .map(|u| {
            let mut roles: Vec<Role> = grants
                .iter()
                .filter(|(id, _)| *id == u.id)
                .filter_map(|(_, r)| r.parse().ok())
                .collect();
            roles.sort();
            (u, roles)
        })
        .collect())
}

/// How many accounts there are.
pub fn count_users(conn: &mut DbConnection) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

/// One page of the accounts by login name, with their roles.
pub fn list_users_page(
    conn: &mut DbConnection,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<(User, Vec<Role>)>> {
    let page: Vec<User> = users::table
        .order(users::username.asc())
        .limit(limit)
        .offset(offset)
        .select(User::as_select())
        .load(conn)?;
    let ids: Vec<i64> = page.iter().map(|u| u.id).collect();
    let grants: Vec<(i64, String)> = user_roles::table
        .filter(user_roles::user_id.eq_any(&ids))
        .select((user_roles::user_id, user_roles::role))
        .load(conn)?;
    let with_roles = page
        .into_iter()
        .map(|u| {
            let mut roles: Vec<Role> = grants
                .iter()
                .filter(|(id, _)| *id == u.id)
                .filter_map(|(_, r)| r.parse().ok())
                .collect();
            roles.sort();
            (u, roles)
        })
        .collect();
    Ok(with_roles)
}

/// One account by number.
pub fn find(conn: &mut DbConnection, id: i64) -> Result<User, AccountError> {
    users::table
        .find(id)
        .select(User::as_select())
        .get_result(conn)
        .optional()?
        .ok_or(AccountError::NotFound)
}

/// One account by login name.
pub fn find_by_username(conn: &mut DbConnection, username: &str) -> Result<User, AccountError> {
    users::table
        .filter(users::username.eq(normalise_username(username)))
        .select(User::as_select())
        .get_result(conn)
        .optional()?
        .ok_or(AccountError::NotFound)
}

/// Disables or re-enables an account; disabling ends all its sessions at once.
pub fn set_disabled(
    conn: &mut DbConnection,
    id: i64,
    disabled: bool,
    actor: Actor,
) -> Result<(), AccountError> {
    if actor == Actor::User(id) && disabled {
        return Err(AccountError::SelfLockout);
    }
    write_tx(conn, |c| {
        let n = diesel::update(users::table.find(id))
            .set(users::disabled.eq(disabled))
            .execute(c)?;
        if n == 0 {
            return Err(AccountError::NotFound);
        }
        if disabled {
            diesel::delete(
                crate::db::schema::sessions::table
                    .filter(crate::db::schema::sessions::user_id.eq(id)),
            )
            .execute(c)?;
        }
        let action = if disabled {
            "user.disabled"
        } else {
            "user.enabled"
        };
        audit::record(c, actor, action, "user", Some(&id.to_string()), None)?;
        Ok(())
    })
}

/// Sets a new password (after the policy check) and ends the account's other sessions.
pub fn set_password(
    conn: &mut DbConnection,
    id: i64,
    new_password: &str,
    actor: Actor,
    keep_session: Option<&str>,
) -> Result<(), AccountError> {
    let user = find(conn, id)?;
    let municipality = municipality_name(conn)?;
    password::check_policy(
        new_password,
        &[&user.username, &user.display_name, &municipality],
    )
    .map_err(AccountError::Password)?;
    let hash = password::hash(new_password)?;
    write_tx(conn, |c| {
        diesel::update(users::table.find(id))
            .set((
                users::password_hash.eq(&hash),
                users::password_changed_at.eq(crate::db::now()),
            ))
            .execute(c)?;
        match keep_session {
            Some(token) => sessions::revoke_others(c, id, token)?,
            None => diesel::delete(
                crate::db::schema::sessions::table
                    .filter(crate::db::schema::sessions::user_id.eq(id)),
            )
            .execute(c)?,
        };
        audit::record(
            c,
            actor,
            "user.password_set",
            "user",
            Some(&id.to_string()),
            None,
        )?;
        Ok(())
    })
}

/// Replaces the roles of an account.
pub fn set_roles(
    conn: &mut DbConnection,
    id: i64,
    roles: &[Role],
    actor: Actor,
) -> Result<(), AccountError> {
    if roles.is_empty() {
        return Err(AccountError::NoRole);
    }
    if actor == Actor::User(id) && !roles.contains(&Role::Beheerder) {
        return Err(AccountError::SelfLockout);
    }
    find(conn, id)?;
    write_tx(conn, |c| {
        diesel::delete(user_roles::table.filter(user_roles::user_id.eq(id))).execute(c)?;
        for role in roles {
            diesel::insert_into(user_roles::table)
                .values((user_roles::user_id.eq(id), user_roles::role.eq(role.code())))
                .execute(c)?;
        }
        let codes: Vec<&str> = roles.iter().map(|r| r.code()).collect();
        audit::record(
            c,
            actor,
            "user.roles_set",
            "user",
            Some(&id.to_string()),
            Some(&codes.join(",")),
        )?;
        Ok(())
    })
}

/// The municipality's name as the server last started with it ("" before the first start):
/// a password may not be built from it.
fn municipality_name(conn: &mut DbConnection) -> QueryResult<String> {
    Ok(crate::db::settings::get(conn, crate::db::settings::MUNICIPALITY)?.unwrap_or_default())
}

/// Result of a login attempt.
#[derive(Debug, PartialEq, Eq)]
pub enum LoginOutcome {
    /// Correct; the account number.
    Success(i64),
    /// Wrong name or password, or a disabled account (deliberately not saying which).
    Wrong,
    /// This name from this address failed too often: the next try is checked after this moment.
    /// Said the same way for names that do not exist.
    Wait(NaiveDateTime),
    /// This address failed too often with any name; try again in a few minutes.
    TooManyFromAddress,
}

/// Checks a login. Failures are counted per (name, address) with a growing wait, and per address;
/// successes are not counted (see [`throttle`]). `address` is the keyed hash of the client address.
pub fn login(
    conn: &mut DbConnection,
    username: &str,
    pw: &str,
    address: &str,
    now: NaiveDateTime,
) -> Result<LoginOutcome, AccountError> {
    if ratelimit::used_up(conn, throttle::FAILURES_PER_ADDRESS, address, now)? {
        return Ok(LoginOutcome::TooManyFromAddress);
    }
    let name = normalise_username(username);
    let pair = throttle::pair_key(&name, address);
    if let Some(until) = throttle::waiting_until(conn, &pair, now)? {
        return Ok(LoginOutcome::Wait(until));
    }
    let user = match find_by_username(conn, &name) {
        Ok(u) => Some(u),
        Err(AccountError::NotFound) => None,
        Err(e) => return Err(e),
    };
    let accepted = match &user {
        Some(u) => password::verify(pw, &u.password_hash) && !u.disabled,
        None => {
            // The same work as a real check: an unknown name is not answered faster.
            password::verify_dummy(pw);
            false
        }
    };
    match user {
        Some(user) if accepted => {
            write_tx(conn, |c| {
                throttle::clear(c, &pair)?;
                audit::record(
                    c,
                    Actor::User(user.id),
                    "user.login",
                    "user",
                    Some(&user.id.to_string()),
                    None,
                )?;
                Ok::<_, AccountError>(())
            })?;
            Ok(LoginOutcome::Success(user.id))
        }
        user => {
            ratelimit::hit(conn, throttle::FAILURES_PER_ADDRESS, address, now)?;
            let wait = throttle::record_failure(conn, &pair, now)?;
            if let Some(user) = user {
                audit::record(
                    conn,
                    Actor::System,
                    "user.login_failed",
                    "user",
                    Some(&user.id.to_string()),
                    None,
                )?;
            }
            Ok(wait.map_or(LoginOutcome::Wrong, LoginOutcome::Wait))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_restricted() {
        assert!(valid_username("j.jansen-2").is_ok());
        assert!(valid_username("J Jansen").is_err());
        assert!(valid_username("jan<script>").is_err());
        assert_eq!(normalise_username("  JJansen "), "jjansen");
    }
}
