//! Reminders: before and after each target and deadline, the assigned handler and the coordinators'
//! mailbox get a short message (case number and date only, no personal data). The job runs with the
//! housekeeping in every instance; a reminder is recorded under (case, kind, date, level) in the
//! same transaction as its message, so each goes out once however many instances run.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::deadlines::WARN_DAYS;
use super::store;
use super::workflow::State;
use crate::db::schema::{
    complaint_followups, complaint_progress, complaint_reminders, complaints, users,
};
use crate::db::{now, write_tx, DbConnection};

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The legal decision deadline.
    Deadline,
    /// The first contact for mediation.
    MediationContact,
    /// A follow-up action's due date.
    FollowUp,
}

impl Kind {
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Deadline => "termijn",
            Kind::MediationContact => "bemiddeling",
            Kind::FollowUp => "actie",
        }
    }
}

/// Before (first warning) or after (second warning).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Within [`WARN_DAYS`] before the date.
    Before,
    /// Past the date.
    After,
}

impl Level {
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Level::Before => "voor",
            Level::After => "na",
        }
    }
}

/// The warning level of `due` on `today`, if any.
pub fn level(today: NaiveDate, due: NaiveDate) -> Option<Level> {
    if today > due {
        Some(Level::After)
    } else if (due - today).num_days() <= WARN_DAYS {
        Some(Level::Before)
    } else {
        None
    }
}

/// The message of one reminder (Dutch; staff only).
pub fn text(
    case: &str,
    kind: Kind,
    level: Level,
    due: NaiveDate,
    today: NaiveDate,
) -> (String, String) {
    let what = match kind {
        Kind::Deadline => "de wettelijke termijn voor de beslissing",
        Kind::MediationContact => "het eerste contact voor bemiddeling",
        Kind::FollowUp => "een actie na de uitkomst",
    };
    let date = store::date_text(due);
    match level {
        Level::Before => (
            format!("Herinnering: klacht {case} – {what} verloopt op {date}"),
            format!(
                "Voor klacht {case} verloopt {what} op {date}, over {} dag(en).\nOpen de klacht in klankbord om de volgende stap te zetten.",
                (due - today).num_days()
            ),
        ),
        Level::After => (
            format!("Te laat: klacht {case} – {what} verliep op {date}"),
            format!(
                "Voor klacht {case} is {what} verlopen op {date}, {} dag(en) geleden.\nOpen de klacht in klankbord en zet de volgende stap, of leg uitstel vast.",
                (today - due).num_days()
            ),
        ),
    }
}

/// One date to watch.
struct Watch {
    complaint: i64,
    received: NaiveDate,
    handler_email: Option<String>,
    kind: Kind,
    due: NaiveDate,
}

/// Sends every reminder due on `today` that was not sent before; returns how many went out.
pub fn run(
    conn: &mut DbConnection,
    mailbox: Option<&str>,
    mail_domain: &str,
    today: NaiveDate,
) -> QueryResult<usize> {
    let running: Vec<&str> = State::ALL
        .into_iter()
        .filter(|s| s.deadline_runs())
        .map(State::code)
        .collect();
    let horizon = today + chrono::Duration::days(WARN_DAYS);
    let mut watch: Vec<Watch> = vec![];
    let rows: Vec<(i64, NaiveDate, NaiveDate, Option<String>)> = complaints::table
        .left_join(users::table)
        .filter(complaints::state.eq_any(&running))
        .filter(complaints::deadline_on.le(horizon))
        .select((
            complaints::id,
            complaints::received_on,
            complaints::deadline_on,
            users::email.nullable(),
        ))
        .load(conn)?;
    for (complaint, received, due, handler_email) in rows {
        watch.push(Watch {
            complaint,
            received,
            handler_email,
            kind: Kind::Deadline,
            due,
        });
    }
    let rows: Vec<(i64, NaiveDate, Option<NaiveDate>, Option<String>)> = complaints::table
        .inner_join(complaint_progress::table)
        .left_join(users::table)
        .filter(complaints::state.eq(State::Mediation.code()))
        .filter(complaint_progress::mediation_contact_on.is_null())
        .filter(complaint_progress::mediation_target.le(horizon))
        .select((
            complaints::id,
            complaints::received_on,
            complaint_progress::mediation_target,
            users::email.nullable(),
        ))
        .load(conn)?;
    for (complaint, received, due, handler_email) in rows {
        if let Some(due) = due {
            watch.push(Watch {
                complaint,
                received,
                handler_email,
                kind: Kind::MediationContact,
                due,
            });
        }
    }
    let rows: Vec<(i64, NaiveDate, NaiveDate)> = complaint_followups::table
        .inner_join(complaints::table)
        .filter(complaint_followups::done_on.is_null())
        .filter(complaint_followups::due_on.le(horizon))
        .select((
            complaints::id,
            complaints::received_on,
            complaint_followups::due_on,
        ))
        .load(conn)?;
    for (complaint, received, due) in rows {
        watch.push(Watch {
            complaint,
            received,
            handler_email: None,
            kind: Kind::FollowUp,
            due,
        });
    }
    let mut sent = 0;
    for w in watch {
        let Some(level) = level(today, w.due) else {
            continue;
        };
        let case = store::case_number_of(w.received, w.complaint);
        let (subject, body) = text(&case, w.kind, level, w.due, today);
        let to: Vec<String> = [mailbox.map(str::to_string), w.handler_email]
            .into_iter()
            .flatten()
            .filter(|a| crate::mail::valid_address(a))
            .collect();
        let claimed = write_tx(conn, |c| {
            // Recorded first: a second instance doing the same finds the row and sends nothing.
            let exists: i64 = complaint_reminders::table
                .filter(complaint_reminders::complaint_id.eq(w.complaint))
                .filter(complaint_reminders::kind.eq(w.kind.code()))
                .filter(complaint_reminders::due_on.eq(w.due))
                .filter(complaint_reminders::level.eq(level.code()))
                .count()
                .get_result(c)?;
            if exists > 0 {
                return Ok(false);
            }
            diesel::insert_into(complaint_reminders::table)
                .values((
                    complaint_reminders::complaint_id.eq(w.complaint),
                    complaint_reminders::kind.eq(w.kind.code()),
                    complaint_reminders::due_on.eq(w.due),
                    complaint_reminders::level.eq(level.code()),
                    complaint_reminders::sent_at.eq(now()),
                ))
                .execute(c)?;
            for address in &to {
                let mail = crate::mail::OutgoingMail {
                    kind: "klacht-herinnering".into(),
                    about: Some(("complaint".into(), w.complaint.to_string())),
                    to: address.clone(),
                    subject: subject.clone(),
                    body: body.clone(),
                };
                crate::mail::enqueue(c, &mail, mail_domain, now()).map_err(|e| match e {
                    crate::mail::EnqueueError::Db(e) => e,
                    crate::mail::EnqueueError::InvalidAddress => diesel::result::Error::NotFound,
                })?;
            }
            Ok::<bool, diesel::result::Error>(true)
        });
        match claimed {
            Ok(true) => sent += 1,
            Ok(false) => {}
            // Another instance recorded the same reminder at the same moment: it sends it.
            Err(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            )) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn two_warnings_around_a_date() {
        let due = d(2026, 12, 15);
        assert_eq!(level(d(2026, 12, 1), due), None);
        assert_eq!(level(d(2026, 12, 8), due), Some(Level::Before));
        assert_eq!(
            level(due, due),
            Some(Level::Before),
            "due today is still in time"
        );
        assert_eq!(level(d(2026, 12, 16), due), Some(Level::After));
    }

    #[test]
    fn the_text_names_the_case_and_the_date_only() {
        let (subject, body) = text(
            "2026-0042",
            Kind::Deadline,
            Level::After,
            d(2026, 12, 15),
            d(2026, 12, 18),
        );
        assert!(subject.starts_with("Te laat: klacht 2026-0042"));
        assert!(body.contains("15-12-2026") && body.contains("3 dag(en) geleden"));
        let (_, body) = text(
            "2026-0042",
            Kind::MediationContact,
            Level::Before,
            d(2026, 12, 15),
            d(2026, 12, 13),
        );
        assert!(body.contains("over 2 dag(en)"));
    }
}
