//! Signing in the verified person: the account found or made, its roles replaced from the claim.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::Value;

use crate::accounts::audit::{self, Actor};
use crate::accounts::model::Role;
use crate::accounts::sessions;
use crate::db::schema::{sso_sessions, user_identities, user_roles, users};
use crate::db::{write_tx, DbConnection};

use super::*;

/// What a finished sign-in did.
#[derive(Debug)]
pub struct SignedIn {
    /// The account.
    pub user_id: i64,
    /// The new session's cookie value.
    pub token: String,
    /// Where to go now.
    pub return_to: String,
}

/// A login name made from what the provider says (preferred name, e-mail, or the subject).
pub fn username_from(claims: &serde_json::Map<String, Value>, subject: &str) -> String {
    let pick = ["preferred_username", "upn", "email"]
        .iter()
        .find_map(|k| claims.get(*k).and_then(Value::as_str))
        .map(|s| s.split('@').next().unwrap_or(s).to_string());
    let cleaned: String = pick
        .unwrap_or_default()
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '.'
            }
        })
        .collect::<String>()
        .trim_matches('.')
        .chars()
        .take(56)
        .collect();
    if cleaned.len() >= 3 {
        cleaned
    } else {
        format!("sso-{}", &hash_hex(subject)[..10])
    }
}

/// The name shown on screens, from the `name` claim (or the given and family names).
pub fn display_name_from(claims: &serde_json::Map<String, Value>, fallback: &str) -> String {
    let text = |k: &str| claims.get(k).and_then(Value::as_str).map(str::trim);
    let name = match text("name").filter(|s| !s.is_empty()) {
        Some(n) => n.to_string(),
        None => [text("given_name"), text("family_name")]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    };
    let name: String = name.chars().filter(|c| !c.is_control()).take(100).collect();
    if name.trim().is_empty() {
        fallback.to_string()
    } else {
        name
    }
}

pub(super) fn free_username(c: &mut DbConnection, wanted: &str) -> QueryResult<String> {
    for n in 1..1000 {
        let name = if n == 1 {
            wanted.to_string()
        } else {
            format!("{wanted}-{n}")
        };
        let taken: i64 = users::table
            .filter(users::username.eq(&name))
            .count()
            .get_result(c)?;
        if taken == 0 {
            return Ok(name);
        }
    }
    Ok(format!("{wanted}-{}", &crate::accounts::sessions::new_token()[..8]).to_lowercase())
}

pub(super) fn codes(roles: &[Role]) -> String {
    roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(",")
}

pub(super) fn replace_roles(c: &mut DbConnection, user_id: i64, roles: &[Role]) -> QueryResult<()> {
    diesel::delete(user_roles::table.filter(user_roles::user_id.eq(user_id))).execute(c)?;
    for role in roles {
        diesel::insert_into(user_roles::table)
            .values((
                user_roles::user_id.eq(user_id),
                user_roles::role.eq(role.code()),
            ))
            .execute(c)?;
    }
    Ok(())
}

/// Signs in the person the provider vouched for: finds or makes the account, sets roles from the
/// claim, writes the audit lines and starts a session, all in one transaction. A refusal changes
/// nothing, except that roles the provider took away are taken away here too.
pub fn sign_in(
    conn: &mut DbConnection,
    settings: &SsoSettings,
    who: &Verified,
    return_to: &str,
    now: NaiveDateTime,
) -> Result<Result<SignedIn, Refusal>, diesel::result::Error> {
    let from_claims = roles_from_claims(settings, &who.claims);
    write_tx(conn, |c| {
        let known: Option<(i64, bool)> = user_identities::table
            .inner_join(users::table.on(users::id.eq(user_identities::user_id)))
            .filter(user_identities::issuer.eq(&who.issuer))
            .filter(user_identities::subject.eq(&who.subject))
            .select((users::id, users::disabled))
            .first(c)
            .optional()?;
        let granted = match &from_claims {
            ClaimRoles::ByAdministrator => None,
            ClaimRoles::Roles(r) => Some(r.clone()),
            ClaimRoles::NoneMapped | ClaimRoles::Unreadable => Some(vec![]),
        };
        let user_id = match known {
            Some((id, disabled)) => {
                if let Some(new_roles) = &granted {
                    let old = sessions::roles_of(c, id)?;
                    if old != *new_roles {
                        replace_roles(c, id, new_roles)?;
                        audit::record(
                            c,
                            Actor::System,
                            "user.roles_from_claims",
                            "user",
                            Some(&id.to_string()),
                            Some(&format!("{} -> {}", codes(&old), codes(new_roles))),
                        )?;
                    }
                }
                if disabled {
                    audit::record(
                        c,
                        Actor::System,
                        "user.sso_refused",
                        "user",
                        Some(&id.to_string()),
                        Some(Refusal::Disabled.code()),
                    )?;
                    return Ok(Err(Refusal::Disabled));
                }
                if granted.as_ref().is_some_and(Vec::is_empty) {
                    audit::record(
                        c,
                        Actor::System,
                        "user.sso_refused",
                        "user",
                        Some(&id.to_string()),
                        Some(Refusal::NoRole.code()),
                    )?;
                    return Ok(Err(Refusal::NoRole));
                }
                let name = display_name_from(&who.claims, "");
                if !name.is_empty() {
                    diesel::update(users::table.find(id))
                        .set(users::display_name.eq(name))
                        .execute(c)?;
                }
                diesel::update(
                    user_identities::table
                        .filter(user_identities::issuer.eq(&who.issuer))
                        .filter(user_identities::subject.eq(&who.subject)),
                )
                .set(user_identities::last_login_at.eq(now))
                .execute(c)?;
                id
            }
            None => {
                if granted.as_ref().is_some_and(Vec::is_empty) {
                    // Nobody is made for a person klankbord has no role for.
                    audit::record(
                        c,
                        Actor::System,
                        "user.sso_refused",
                        "user",
                        None,
                        Some(Refusal::NoRole.code()),
                    )?;
                    return Ok(Err(Refusal::NoRole));
                }
                let username = free_username(c, &username_from(&who.claims, &who.subject))?;
                let display = display_name_from(&who.claims, &username);
                diesel::insert_into(users::table)
                    .values((
                        users::username.eq(&username),
                        users::display_name.eq(&display),
                        users::password_hash.eq(NO_PASSWORD),
                        users::disabled.eq(false),
                        users::created_at.eq(now),
                        users::password_changed_at.eq(now),
                    ))
                    .execute(c)?;
                let id: i64 = users::table
                    .filter(users::username.eq(&username))
                    .select(users::id)
                    .first(c)?;
                diesel::insert_into(user_identities::table)
                    .values((
                        user_identities::issuer.eq(&who.issuer),
                        user_identities::subject.eq(&who.subject),
                        user_identities::user_id.eq(id),
                        user_identities::created_at.eq(now),
                        user_identities::last_login_at.eq(now),
                    ))
                    .execute(c)?;
                let roles = granted.clone().unwrap_or_default();
                replace_roles(c, id, &roles)?;
                audit::record(
                    c,
                    Actor::System,
                    "user.created_sso",
                    "user",
                    Some(&id.to_string()),
                    Some(&codes(&roles)),
                )?;
                if !roles.is_empty() {
                    audit::record(
                        c,
                        Actor::System,
                        "user.roles_from_claims",
                        "user",
                        Some(&id.to_string()),
                        Some(&format!(" -> {}", codes(&roles))),
                    )?;
                }
                id
            }
        };
        let token = sessions::create(c, user_id, now)?;
        diesel::insert_into(sso_sessions::table)
            .values((
                sso_sessions::token_hash.eq(sessions::token_hash(&token)),
                sso_sessions::id_token.eq(&who.id_token),
            ))
            .execute(c)?;
        audit::record(
            c,
            Actor::User(user_id),
            "user.sso_login",
            "user",
            Some(&user_id.to_string()),
            None,
        )?;
        Ok(Ok(SignedIn {
            user_id,
            token,
            return_to: return_to.to_string(),
        }))
    })
}

/// The ID token of a session begun through the provider, if it was.
pub fn id_token_of_session(conn: &mut DbConnection, token: &str) -> QueryResult<Option<String>> {
    sso_sessions::table
        .find(sessions::token_hash(token))
        .select(sso_sessions::id_token)
        .first(conn)
        .optional()
}

/// Whether an account signs in through the provider (and so has no password or two-factor code here).
pub fn is_sso_account(conn: &mut DbConnection, user_id: i64) -> QueryResult<bool> {
    let n: i64 = user_identities::table
        .filter(user_identities::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}
