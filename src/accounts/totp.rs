//! Two-factor codes (TOTP, RFC 6238) for password accounts, with ten single-use recovery codes.
//!
//! A code is six digits from an authenticator app, valid for 30 seconds with one step of leeway
//! either side; a code (time step) is accepted once only. Recovery codes are shown once and stored
//! as Argon2id hashes, like passwords. Wrong codes are counted like wrong passwords: per account
//! and client address with a growing wait, and per address ([`throttle`]).
//!
//! After a right password the person gets a *login challenge* (a cookie, a few minutes), not a
//! session: the session starts only after the code, or after enrolment when the role requires a
//! code and none is set up yet.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use rand::Rng;
use totp_rs::{Algorithm, Builder, Secret, Totp};

use crate::accounts::audit::{self, Actor};
use crate::accounts::model::Role;
use crate::accounts::{password, ratelimit, sessions, throttle};
use crate::db::schema::{login_challenges, recovery_codes, totp_secrets};
use crate::db::{write_tx, DbConnection};

/// Seconds per code.
pub const STEP_SECONDS: u64 = 30;
/// Digits per code.
pub const DIGITS: u8 = 6;
/// Recovery codes made at enrolment.
pub const RECOVERY_CODES: usize = 10;
/// Minutes between a right password and the code.
pub const CHALLENGE_MINUTES: i64 = 10;
/// Name of the cookie of a login waiting for its code.
pub const CHALLENGE_COOKIE: &str = "kb_tweestaps";
/// Letters of recovery codes: no 0/o, 1/l/i, so they can be read off paper.
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// Whether holding `roles` requires a second factor under `required`.
pub fn required(required: &[Role], roles: &[Role]) -> bool {
    roles.iter().any(|r| required.contains(r))
}

/// A new random secret (160 bits, as RFC 4226 recommends), base32 as apps expect.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill(&mut bytes);
    Secret::from(bytes.to_vec()).to_base32()
}

fn totp(secret_b32: &str, account: &str, issuer: &str) -> anyhow::Result<Totp> {
    let secret = Secret::try_from_base32(secret_b32)
        .map_err(|e| anyhow::anyhow!("stored TOTP secret unreadable: {e:?}"))?;
    // Issuer and account name may not hold a colon in an otpauth link.
    let clean = |s: &str| s.replace(':', " ");
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(DIGITS)
        .with_skew(1)
        .with_step_duration(STEP_SECONDS)
        .with_secret(secret)
        .with_issuer(Some(clean(issuer)))
        .with_account_name(clean(account))
        .build()
        .map_err(|e| anyhow::anyhow!("TOTP settings refused: {e:?}"))
}

/// The `otpauth://` link an authenticator app reads from the QR code.
pub fn otpauth_url(secret_b32: &str, account: &str, issuer: &str) -> anyhow::Result<String> {
    totp(secret_b32, account, issuer)?
        .to_url()
        .map_err(|e| anyhow::anyhow!("otpauth link: {e:?}"))
}

/// The secret in groups of four, for typing into an app by hand.
pub fn grouped(secret_b32: &str) -> String {
    secret_b32
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The time step a typed code matches (one step of leeway either side), if any.
pub fn matching_step(secret_b32: &str, code: &str, unix: u64) -> Option<u64> {
    let t = totp(secret_b32, "x", "x").ok()?;
    t.check(code, unix)
}

/// What was typed, with spaces and dashes taken out.
fn normalise(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_lowercase()
}

/// Whether the typed text is a six-digit code (otherwise it is read as a recovery code).
pub fn looks_like_totp(code: &str) -> bool {
    let n = normalise(code);
    n.len() == DIGITS as usize && n.chars().all(|c| c.is_ascii_digit())
}

/// Ten new recovery codes, as shown (`xxxx-xxxx-xxxx`).
pub fn new_recovery_codes() -> Vec<String> {
    let mut rng = rand::rngs::OsRng;
    (0..RECOVERY_CODES)
        .map(|_| {
            let raw: String = (0..12)
                .map(|_| RECOVERY_ALPHABET[rng.gen_range(0..RECOVERY_ALPHABET.len())] as char)
                .collect();
            format!("{}-{}-{}", &raw[0..4], &raw[4..8], &raw[8..12])
        })
        .collect()
}

/// Where an account stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// No two-factor codes.
    Off,
    /// A secret was made but no code typed yet (the base32 secret).
    Pending(String),
    /// In use.
    On,
}

/// The account's two-factor status.
pub fn status(conn: &mut DbConnection, user_id: i64) -> QueryResult<Status> {
    let row: Option<(String, Option<NaiveDateTime>)> = totp_secrets::table
        .find(user_id)
        .select((totp_secrets::secret, totp_secrets::confirmed_at))
        .first(conn)
        .optional()?;
    Ok(match row {
        None => Status::Off,
        Some((secret, None)) => Status::Pending(secret),
        Some((_, Some(_))) => Status::On,
    })
}

/// The secret being set up (made on first call, the same on reload). `None` when codes are on already.
pub fn pending_secret(
    conn: &mut DbConnection,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<Option<String>> {
    write_tx(conn, |c| match status(c, user_id)? {
        Status::On => Ok(None),
        Status::Pending(s) => Ok(Some(s)),
        Status::Off => {
            let secret = new_secret();
            diesel::insert_into(totp_secrets::table)
                .values((
                    totp_secrets::user_id.eq(user_id),
                    totp_secrets::secret.eq(&secret),
                    totp_secrets::last_step.eq(0i64),
                    totp_secrets::created_at.eq(now),
                ))
                .execute(c)?;
            Ok(Some(secret))
        }
    })
}

/// The result of checking a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeOutcome {
    /// Right (a TOTP code, or an unused recovery code).
    Accepted,
    /// Right during enrolment: these are the recovery codes to show once.
    Enrolled(Vec<String>),
    /// Not right.
    Wrong,
    /// A right code, but used already (the same 30 seconds).
    Reused,
    /// A recovery code that was used already.
    RecoveryUsed,
    /// Too many wrong codes from this address for this account: the next try after this moment.
    Wait(NaiveDateTime),
    /// Too many wrong codes from this address.
    TooManyFromAddress,
}

impl CodeOutcome {
    /// Key of the message shown for a refusal.
    pub fn message_key(&self) -> &'static str {
        match self {
            CodeOutcome::Accepted | CodeOutcome::Enrolled(_) => "totp-accepted",
            CodeOutcome::Wrong => "totp-wrong",
            CodeOutcome::Reused => "totp-reused",
            CodeOutcome::RecoveryUsed => "totp-recovery-used",
            CodeOutcome::Wait(_) => "totp-wait",
            CodeOutcome::TooManyFromAddress => "error-429-text",
        }
    }
}

fn unix(now: NaiveDateTime) -> u64 {
    now.and_utc().timestamp().max(0) as u64
}

fn pair(user_id: i64, address: &str) -> String {
    // '#' cannot be in a login name, so this never shares a count with a password pair.
    throttle::pair_key(&format!("#totp-{user_id}"), address)
}

/// Checks the throttle before a code is looked at.
fn throttled(
    conn: &mut DbConnection,
    user_id: i64,
    address: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<CodeOutcome>> {
    if ratelimit::used_up(conn, throttle::FAILURES_PER_ADDRESS, address, now)? {
        return Ok(Some(CodeOutcome::TooManyFromAddress));
    }
    Ok(throttle::waiting_until(conn, &pair(user_id, address), now)?.map(CodeOutcome::Wait))
}

fn count_failure(
    conn: &mut DbConnection,
    user_id: i64,
    address: &str,
    now: NaiveDateTime,
    outcome: CodeOutcome,
) -> QueryResult<CodeOutcome> {
    ratelimit::hit(conn, throttle::FAILURES_PER_ADDRESS, address, now)?;
    let wait = throttle::record_failure(conn, &pair(user_id, address), now)?;
    audit::record(
        conn,
        Actor::System,
        "user.totp_failed",
        "user",
        Some(&user_id.to_string()),
        None,
    )?;
    Ok(match wait {
        Some(until) if outcome == CodeOutcome::Wrong => CodeOutcome::Wait(until),
        _ => outcome,
    })
}

/// Confirms enrolment with the first code from the app; makes the recovery codes.
pub fn confirm(
    conn: &mut DbConnection,
    user_id: i64,
    code: &str,
    address: &str,
    now: NaiveDateTime,
) -> anyhow::Result<CodeOutcome> {
    if let Some(t) = throttled(conn, user_id, address, now)? {
        return Ok(t);
    }
    let Status::Pending(secret) = status(conn, user_id)? else {
        return Ok(CodeOutcome::Wrong);
    };
    let Some(step) = matching_step(&secret, &normalise(code), unix(now)) else {
        return Ok(count_failure(
            conn,
            user_id,
            address,
            now,
            CodeOutcome::Wrong,
        )?);
    };
    let codes = new_recovery_codes();
    let hashes = codes
        .iter()
        .map(|c| password::hash(&normalise(c)))
        .collect::<anyhow::Result<Vec<String>>>()?;
    write_tx(conn, |c| {
        let n = diesel::update(
            totp_secrets::table
                .find(user_id)
                .filter(totp_secrets::confirmed_at.is_null()),
        )
        .set((
            totp_secrets::confirmed_at.eq(now),
            totp_secrets::last_step.eq(step as i64),
        ))
        .execute(c)?;
        if n != 1 {
            return Ok(CodeOutcome::Wrong);
        }
        diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
            .execute(c)?;
        for h in &hashes {
            diesel::insert_into(recovery_codes::table)
                .values((
                    recovery_codes::user_id.eq(user_id),
                    recovery_codes::code_hash.eq(h),
                ))
                .execute(c)?;
        }
        throttle::clear(c, &pair(user_id, address))?;
        audit::record(
            c,
            Actor::User(user_id),
            "user.totp_enrolled",
            "user",
            Some(&user_id.to_string()),
            None,
        )?;
        Ok::<_, diesel::result::Error>(CodeOutcome::Enrolled(codes))
    })
    .map_err(Into::into)
}

/// Checks a code (or recovery code) at login.
pub fn verify(
    conn: &mut DbConnection,
    user_id: i64,
    code: &str,
    address: &str,
    now: NaiveDateTime,
) -> anyhow::Result<CodeOutcome> {
    if let Some(t) = throttled(conn, user_id, address, now)? {
        return Ok(t);
    }
    let row: Option<(String, i64)> = totp_secrets::table
        .find(user_id)
        .filter(totp_secrets::confirmed_at.is_not_null())
        .select((totp_secrets::secret, totp_secrets::last_step))
        .first(conn)
        .optional()?;
    let Some((secret, last_step)) = row else {
        return Ok(CodeOutcome::Wrong);
    };
    let typed = normalise(code);
    if looks_like_totp(&typed) {
        let Some(step) = matching_step(&secret, &typed, unix(now)) else {
            return Ok(count_failure(
                conn,
                user_id,
                address,
                now,
                CodeOutcome::Wrong,
            )?);
        };
        // Only a later step than the last one used: a code seen over someone's shoulder is spent.
        let taken = write_tx(conn, |c| {
            diesel::update(
                totp_secrets::table
                    .find(user_id)
                    .filter(totp_secrets::last_step.lt(step as i64)),
            )
            .set(totp_secrets::last_step.eq(step as i64))
            .execute(c)
        })?;
        if taken != 1 || step as i64 <= last_step {
            return Ok(count_failure(
                conn,
                user_id,
                address,
                now,
                CodeOutcome::Reused,
            )?);
        }
        throttle::clear(conn, &pair(user_id, address))?;
        return Ok(CodeOutcome::Accepted);
    }
    let stored: Vec<(i64, String, Option<NaiveDateTime>)> = recovery_codes::table
        .filter(recovery_codes::user_id.eq(user_id))
        .select((
            recovery_codes::id,
            recovery_codes::code_hash,
            recovery_codes::used_at,
        ))
        .load(conn)?;
    let found = stored
        .iter()
        .find(|(_, hash, _)| !typed.is_empty() && password::verify(&typed, hash));
    match found {
        None => Ok(count_failure(
            conn,
            user_id,
            address,
            now,
            CodeOutcome::Wrong,
        )?),
        Some((_, _, Some(_))) => Ok(count_failure(
            conn,
            user_id,
            address,
            now,
            CodeOutcome::RecoveryUsed,
        )?),
        Some((id, _, None)) => {
            let id = *id;
            let marked = write_tx(conn, |c| {
                let n = diesel::update(
                    recovery_codes::table
                        .find(id)
                        .filter(recovery_codes::used_at.is_null()),
                )
                .set(recovery_codes::used_at.eq(now))
                .execute(c)?;
                if n == 1 {
                    audit::record(
                        c,
                        Actor::User(user_id),
                        "user.recovery_code_used",
                        "user",
                        Some(&user_id.to_string()),
                        None,
                    )?;
                }
                Ok::<_, diesel::result::Error>(n)
            })?;
            if marked != 1 {
                return Ok(CodeOutcome::RecoveryUsed);
            }
            throttle::clear(conn, &pair(user_id, address))?;
            Ok(CodeOutcome::Accepted)
        }
    }
}

/// Unused recovery codes left.
pub fn recovery_codes_left(conn: &mut DbConnection, user_id: i64) -> QueryResult<i64> {
    recovery_codes::table
        .filter(recovery_codes::user_id.eq(user_id))
        .filter(recovery_codes::used_at.is_null())
        .count()
        .get_result(conn)
}

/// Takes away the account's two-factor codes (lost phone); at the next login it is set up again.
pub fn reset(conn: &mut DbConnection, user_id: i64, actor: Actor) -> QueryResult<bool> {
    write_tx(conn, |c| {
        let n = diesel::delete(totp_secrets::table.find(user_id)).execute(c)?;
        diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
            .execute(c)?;
        diesel::delete(login_challenges::table.filter(login_challenges::user_id.eq(user_id)))
            .execute(c)?;
        audit::record(
            c,
            actor,
            "user.totp_reset",
            "user",
            Some(&user_id.to_string()),
            None,
        )?;
        Ok(n > 0)
    })
}

/// Starts a login waiting for its second factor; returns the cookie value.
pub fn start_challenge(
    conn: &mut DbConnection,
    user_id: i64,
    return_to: &str,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let token = sessions::new_token();
    write_tx(conn, |c| {
        diesel::delete(
            login_challenges::table.filter(
                login_challenges::created_at.lt(now - Duration::minutes(CHALLENGE_MINUTES)),
            ),
        )
        .execute(c)?;
        diesel::insert_into(login_challenges::table)
            .values((
                login_challenges::token_hash.eq(sessions::token_hash(&token)),
                login_challenges::user_id.eq(user_id),
                login_challenges::return_to.eq(return_to),
                login_challenges::created_at.eq(now),
            ))
            .execute(c)?;
        Ok(token)
    })
}

/// The account and return path of a login waiting for its code, if the cookie is still good.
pub fn challenge(
    conn: &mut DbConnection,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<(i64, String)>> {
    let row: Option<(i64, String, NaiveDateTime, bool)> = login_challenges::table
        .inner_join(
            crate::db::schema::users::table
                .on(crate::db::schema::users::id.eq(login_challenges::user_id)),
        )
        .filter(login_challenges::token_hash.eq(sessions::token_hash(token)))
        .select((
            login_challenges::user_id,
            login_challenges::return_to,
            login_challenges::created_at,
            crate::db::schema::users::disabled,
        ))
        .first(conn)
        .optional()?;
    Ok(row.and_then(|(id, back, created, disabled)| {
        (!disabled && now < created + Duration::minutes(CHALLENGE_MINUTES)).then_some((id, back))
    }))
}

/// Ends a login challenge (done, or given up).
pub fn end_challenge(conn: &mut DbConnection, token: &str) -> QueryResult<()> {
    diesel::delete(login_challenges::table.find(sessions::token_hash(token))).execute(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_rfc_6238_with_one_step_of_leeway() {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", 8 digits there; the same
        // HOTP values give these 6-digit codes (the last six digits).
        let secret = Secret::from(b"12345678901234567890".to_vec()).to_base32();
        assert_eq!(matching_step(&secret, "287082", 59), Some(1));
        assert_eq!(matching_step(&secret, "287082", 59 + 30), Some(1));
        assert_eq!(matching_step(&secret, "287082", 59 + 90), None);
        assert_eq!(
            matching_step(&secret, "005924", 1_234_567_890),
            Some(41_152_263)
        );
        assert_eq!(matching_step(&secret, "12345", 59), None);
    }

    #[test]
    fn secrets_and_recovery_codes_are_random_and_readable() {
        assert_ne!(new_secret(), new_secret());
        assert_eq!(new_secret().len(), 32);
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        assert!(codes.iter().all(|c| c.len() == 14 && !looks_like_totp(c)));
        assert!(!codes.iter().any(|c| c.contains('0') || c.contains('l')));
        assert!(looks_like_totp(" 123 456 "));
        assert_eq!(grouped("ABCDEFGH12"), "ABCD EFGH 12");
    }

    #[test]
    fn roles_decide_whether_a_code_is_required() {
        let req = [Role::Klachtcoordinator, Role::Beheerder];
        assert!(required(&req, &[Role::Raadslid, Role::Beheerder]));
        assert!(!required(&req, &[Role::Raadslid]));
        assert!(!required(&[], &[Role::Beheerder]));
    }
}
