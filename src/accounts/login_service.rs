//! What happens after a right password or a right second-factor code: a session, or a challenge
//! for the code; break-glass logins logged loudly. The rules and their transactions; the
//! handlers are in `login_routes` and `totp_routes`.

use crate::accounts::audit::{self, Actor};
use crate::accounts::sessions;
use crate::accounts::totp::{self, CodeOutcome, Status};
use crate::config::LoginMethods;
use crate::db::DbConnection;
use crate::web::errors::AppError;
use crate::web::AppState;

/// What the password step decided.
pub enum PasswordStep {
    /// No second factor needed: the session's cookie value.
    Session(String),
    /// A code is needed (or must be set up first): the challenge's cookie value.
    Challenge {
        /// Cookie value.
        token: String,
        /// The account has no codes yet and must set them up.
        enrol: bool,
    },
}

/// Whether `username` is one of the configured break-glass accounts.
fn is_break_glass(state: &AppState, username: &str) -> bool {
    state
        .config
        .login
        .break_glass
        .iter()
        .any(|b| *b == crate::accounts::service::normalise_username(username))
}

/// After a right password: a session, or a challenge for the second factor. Break-glass
/// accounts are logged loudly.
pub fn after_password(
    conn: &mut DbConnection,
    state: &AppState,
    user_id: i64,
    username: &str,
    back: &str,
    now: chrono::NaiveDateTime,
) -> Result<PasswordStep, AppError> {
    let login = &state.config.login;
    if is_break_glass(state, username) {
        tracing::warn!(user_id, "break-glass account logged in with a password");
        audit::record(
            conn,
            Actor::User(user_id),
            "user.login_break_glass",
            "user",
            Some(&user_id.to_string()),
            None,
        )?;
    }
    let roles = sessions::roles_of(conn, user_id)?;
    let status = totp::status(conn, user_id)?;
    if status == Status::On {
        let token = totp::start_challenge(conn, user_id, back, now)?;
        return Ok(PasswordStep::Challenge {
            token,
            enrol: false,
        });
    }
    if totp::required(&login.totp_required, &roles) {
        let token = totp::start_challenge(conn, user_id, back, now)?;
        return Ok(PasswordStep::Challenge { token, enrol: true });
    }
    Ok(PasswordStep::Session(sessions::create(conn, user_id, now)?))
}

/// Whether a password login for `username` is allowed under these settings (only break-glass
/// accounts when only single sign-on is offered).
pub fn password_allowed(state: &AppState, username: &str) -> bool {
    state.config.login.methods != LoginMethods::Sso || is_break_glass(state, username)
}

/// The code entered after the password: when it is right, the challenge `token` ends and a
/// session starts (its cookie value is returned beside the outcome).
pub fn second_factor(
    conn: &mut DbConnection,
    user_id: i64,
    code: &str,
    address: &str,
    token: &str,
) -> Result<(CodeOutcome, Option<String>), AppError> {
    let now = crate::db::now();
    let outcome = totp::verify(conn, user_id, code, address, now)?;
    if outcome != CodeOutcome::Accepted {
        return Ok((outcome, None));
    }
    totp::end_challenge(conn, token)?;
    let session = sessions::create(conn, user_id, now)?;
    audit::record(
        conn,
        Actor::User(user_id),
        "user.login_second_factor",
        "user",
        Some(&user_id.to_string()),
        None,
    )?;
    Ok((outcome, Some(session)))
}

/// The first code of codes set up during login: when it is right, the challenge `token` ends
/// and a session starts.
pub fn enrol_at_login(
    conn: &mut DbConnection,
    user_id: i64,
    code: &str,
    address: &str,
    token: &str,
) -> Result<(CodeOutcome, Option<String>), AppError> {
    let now = crate::db::now();
    let outcome = totp::confirm(conn, user_id, code, address, now)?;
    if !matches!(outcome, CodeOutcome::Enrolled(_)) {
        return Ok((outcome, None));
    }
    totp::end_challenge(conn, token)?;
    Ok((outcome, Some(sessions::create(conn, user_id, now)?)))
}
