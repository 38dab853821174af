//! Outgoing mail through a transactional outbox.
//!
//! A message is stored with [`enqueue`] inside the same database transaction as the change that causes
//! it, so it is never lost and never sent for a change that was rolled back. Workers in every instance
//! claim due messages with a conditional update (only one claim can win, on SQLite and PostgreSQL
//! alike), send them, and mark them sent. A failed attempt is retried with exponential back-off; a claim
//! left behind by a crashed instance expires and the message is taken up again. Every message carries a
//! stable `Message-ID`, so a receiver can recognise the rare resend after a crash between sending and
//! marking. Once sent, the address, the body and an attached letter are erased: the outbox keeps only what
//! was sent, when.

pub mod queries;
pub mod routes;
pub mod service;
pub mod transport;
pub mod views;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use rand::RngCore;

use crate::db::schema::mail_outbox;
use crate::db::{write_tx, DbConnection, MultiBackend};
use diesel::sql_types::{Bool, Nullable};
pub use transport::{Envelope, MailTransport};

/// Attempts before a message is given up and shown as failed to the administrator.
pub const MAX_ATTEMPTS: i32 = 12;
/// How long a claim holds before another worker may take the message over.
pub const CLAIM_SECONDS: i64 = 120;

/// A message to send.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    /// What kind of message (template name), for overviews.
    pub kind: String,
    /// The record it is about, e.g. (`complaint`, `42`).
    pub about: Option<(String, String)>,
    /// Recipient address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

/// Why a message could not be queued.
#[derive(Debug, thiserror::Error)]
pub enum EnqueueError {
    /// The address is not a valid e-mail address.
    #[error("ongeldig e-mailadres")]
    InvalidAddress,
    /// Database failure.
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// Checks an e-mail address the way the transport will.
pub fn valid_address(addr: &str) -> bool {
    addr.parse::<lettre::Address>().is_ok()
}

/// A new unique Message-ID (random, so it says nothing about its recipient).
pub fn new_message_id(domain: &str) -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let hex = crate::fmt::hex(&bytes);
    format!("<{hex}@{domain}>")
}

/// Queues a message; call inside the transaction that makes the change it reports.
pub fn enqueue(
    conn: &mut DbConnection,
    mail: &OutgoingMail,
    domain: &str,
    now: NaiveDateTime,
) -> Result<String, EnqueueError> {
    enqueue_with_attachment(conn, mail, None, domain, now)
}

/// Queues a message with a PDF attached (file name, bytes): a letter sent by e-mail.
pub fn enqueue_with_attachment(
    conn: &mut DbConnection,
    mail: &OutgoingMail,
    attachment: Option<(&str, &[u8])>,
    domain: &str,
    now: NaiveDateTime,
) -> Result<String, EnqueueError> {
    if !valid_address(&mail.to) {
        return Err(EnqueueError::InvalidAddress);
    }
    let message_id = new_message_id(domain);
    diesel::insert_into(mail_outbox::table)
        .values((
            mail_outbox::message_id.eq(&message_id),
            mail_outbox::kind.eq(&mail.kind),
            mail_outbox::about_type.eq(mail.about.as_ref().map(|a| a.0.as_str())),
            mail_outbox::about_id.eq(mail.about.as_ref().map(|a| a.1.as_str())),
            mail_outbox::to_address.eq(&mail.to),
            mail_outbox::subject.eq(&mail.subject),
            mail_outbox::body_text.eq(&mail.body),
            mail_outbox::status.eq("pending"),
            mail_outbox::attempts.eq(0),
            mail_outbox::next_attempt_at.eq(now),
            mail_outbox::created_at.eq(now),
            mail_outbox::attachment_name.eq(attachment.map(|a| a.0)),
            mail_outbox::attachment.eq(attachment.map(|a| a.1)),
        ))
        .execute(conn)?;
    Ok(message_id)
}

/// Wait before the next attempt after `attempts` failures: 1, 2, 4 … minutes, at most 6 hours.
pub fn retry_delay(attempts: i32) -> Duration {
    let minutes = 1i64 << attempts.clamp(0, 20).saturating_sub(1);
    Duration::minutes(minutes.min(360))
}

/// A claimed message, ready to send.
#[derive(Debug, Clone, Queryable)]
pub struct Claimed {
    /// Row number.
    pub id: i64,
    /// Stable Message-ID.
    pub message_id: String,
    /// Recipient.
    pub to_address: Option<String>,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body_text: Option<String>,
    /// Attempts so far.
    pub attempts: i32,
    /// A PDF attached: file name.
    pub attachment_name: Option<String>,
    /// A PDF attached: its bytes.
    pub attachment: Option<Vec<u8>>,
}

/// A message may be claimed when it is pending and due, or when another worker's claim has expired.
fn claimable(
    now: NaiveDateTime,
) -> Box<dyn BoxableExpression<mail_outbox::table, MultiBackend, SqlType = Nullable<Bool>>> {
    Box::new(
        mail_outbox::status
            .eq("pending")
            .and(mail_outbox::next_attempt_at.le(now))
            .or(mail_outbox::status
                .eq("sending")
                .and(mail_outbox::claimed_until.lt(now))),
    )
}

/// Claims up to `limit` due messages for worker `me`. Each claim is a conditional update that only
/// one worker can win, so no message is handed to two workers at once.
pub fn claim(
    conn: &mut DbConnection,
    me: &str,
    now: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<Claimed>> {
    let candidates: Vec<i64> = mail_outbox::table
        .filter(claimable(now))
        .order(mail_outbox::id.asc())
        .limit(limit)
        .select(mail_outbox::id)
        .load(conn)?;
    let mut claimed = vec![];
    for id in candidates {
        let won = write_tx(conn, |c| {
            diesel::update(
                mail_outbox::table
                    .filter(mail_outbox::id.eq(id))
                    .filter(claimable(now)),
            )
            .set((
                mail_outbox::status.eq("sending"),
                mail_outbox::claimed_by.eq(me),
                mail_outbox::claimed_until.eq(now + Duration::seconds(CLAIM_SECONDS)),
            ))
            .execute(c)
        })?;
        if won == 1 {
            let row: Claimed = mail_outbox::table
                .find(id)
                .select((
                    mail_outbox::id,
                    mail_outbox::message_id,
                    mail_outbox::to_address,
                    mail_outbox::subject,
                    mail_outbox::body_text,
                    mail_outbox::attempts,
                    mail_outbox::attachment_name,
                    mail_outbox::attachment,
                ))
                .first(conn)?;
            claimed.push(row);
        }
    }
    Ok(claimed)
}

/// Marks a message sent and erases its address and body.
pub fn mark_sent(
    conn: &mut DbConnection,
    id: i64,
    me: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        mail_outbox::table
            .filter(mail_outbox::id.eq(id))
            .filter(mail_outbox::claimed_by.eq(me)),
    )
    .set((
        mail_outbox::status.eq("sent"),
        mail_outbox::sent_at.eq(now),
        mail_outbox::to_address.eq(None::<String>),
        mail_outbox::body_text.eq(None::<String>),
        mail_outbox::attachment.eq(None::<Vec<u8>>),
        mail_outbox::claimed_until.eq(None::<NaiveDateTime>),
        mail_outbox::last_error.eq(None::<String>),
    ))
    .execute(conn)?;
    Ok(())
}

/// Records a failed attempt: back to pending with a later attempt time, or failed for good.
pub fn mark_failed(
    conn: &mut DbConnection,
    id: i64,
    me: &str,
    attempts_before: i32,
    error: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let attempts = attempts_before + 1;
    let status = if attempts >= MAX_ATTEMPTS {
        "failed"
    } else {
        "pending"
    };
    diesel::update(
        mail_outbox::table
            .filter(mail_outbox::id.eq(id))
            .filter(mail_outbox::claimed_by.eq(me)),
    )
    .set((
        mail_outbox::status.eq(status),
        mail_outbox::attempts.eq(attempts),
        mail_outbox::next_attempt_at.eq(now + retry_delay(attempts)),
        mail_outbox::claimed_until.eq(None::<NaiveDateTime>),
        mail_outbox::last_error.eq(error),
    ))
    .execute(conn)?;
    Ok(())
}

/// What one round of the worker did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RoundStats {
    /// Messages handed to the transport successfully.
    pub sent: usize,
    /// Messages that failed this time (and wait for a retry, or failed for good).
    pub failed: usize,
}

/// Claims and sends due messages until none are left (or `max` were handled).
pub fn run_round(
    pool: &crate::db::Pool,
    transport: &MailTransport,
    from: &str,
    me: &str,
    max: usize,
) -> anyhow::Result<RoundStats> {
    let mut stats = RoundStats::default();
    loop {
        let mut conn = pool.get()?;
        let batch = claim(&mut conn, me, crate::db::now(), 20)?;
        drop(conn);
        if batch.is_empty() {
            return Ok(stats);
        }
        for msg in batch {
            let result = match (&msg.to_address, &msg.body_text) {
                (Some(to), Some(body)) => transport.send(&Envelope {
                    message_id: &msg.message_id,
                    from,
                    to,
                    subject: &msg.subject,
                    body,
                    attachment: msg
                        .attachment_name
                        .as_deref()
                        .zip(msg.attachment.as_deref()),
                }),
                _ => Err(anyhow::anyhow!("bericht zonder adres of inhoud")),
            };
            let mut conn = pool.get()?;
            match result {
                Ok(()) => {
                    mark_sent(&mut conn, msg.id, me, crate::db::now())?;
                    stats.sent += 1;
                }
                Err(e) => {
                    // The error names the SMTP step or code; never the address or the text.
                    tracing::warn!(outbox_id = msg.id, attempt = msg.attempts + 1, error = %e, "mail not sent");
                    mark_failed(
                        &mut conn,
                        msg.id,
                        me,
                        msg.attempts,
                        &transport::describe_error(&e),
                        crate::db::now(),
                    )?;
                    stats.failed += 1;
                }
            }
            if stats.sent + stats.failed >= max {
                return Ok(stats);
            }
        }
    }
}

/// Counts of messages per status, for the administrator.
pub fn status_counts(conn: &mut DbConnection) -> QueryResult<Vec<(String, i64)>> {
    mail_outbox::table
        .group_by(mail_outbox::status)
        .select((mail_outbox::status, diesel::dsl::count_star()))
        .order(mail_outbox::status.asc())
        .load(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_off_doubles_and_is_capped() {
        assert_eq!(retry_delay(1), Duration::minutes(1));
        assert_eq!(retry_delay(2), Duration::minutes(2));
        assert_eq!(retry_delay(5), Duration::minutes(16));
        assert_eq!(retry_delay(11), Duration::minutes(360));
    }

    #[test]
    fn message_ids_are_unique_and_reveal_nothing() {
        let a = new_message_id("klankbord.example.nl");
        assert_ne!(a, new_message_id("klankbord.example.nl"));
        assert!(a.starts_with('<') && a.ends_with("@klankbord.example.nl>"));
    }

    #[test]
    fn addresses_are_checked() {
        assert!(valid_address("iemand@example.nl"));
        assert!(!valid_address("iemand@"));
        assert!(!valid_address("geen adres"));
    }
}
