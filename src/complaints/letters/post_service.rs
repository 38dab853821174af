//! Printing and posting the letters that go by post: the audit lines per case for every letter
//! shown or printed, making a batch of chosen letters, and marking a batch or one letter as
//! posted. Each change is one transaction with its audit and case-history lines.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::queries::{batch_letters, CaseLetter};
use crate::accounts::audit::{self, Actor};
use crate::accounts::model::CurrentUser;
use crate::complaints::access::{self, CaseAction, Denied};
use crate::complaints::store;
use crate::db::schema::{complaint_letter_batches, complaint_letters};
use crate::db::{now, write_tx, DbConnection};
use crate::web::errors::AppError;

/// Writes one audit line per case: `action` with the letter numbers (never names).
fn audit_per_case(
    c: &mut DbConnection,
    u: &CurrentUser,
    action: &str,
    letters: &[CaseLetter],
    prefix: &str,
) -> QueryResult<()> {
    let mut by_case: Vec<(i64, Vec<String>)> = vec![];
    for CaseLetter { id, complaint } in letters {
        match by_case.iter_mut().find(|(cid, _)| cid == complaint) {
            Some((_, ids)) => ids.push(id.to_string()),
            None => by_case.push((*complaint, vec![id.to_string()])),
        }
    }
    for (cid, ids) in by_case {
        audit::record(
            c,
            Actor::User(u.id),
            action,
            "complaint",
            Some(&cid.to_string()),
            Some(&format!("{prefix}brieven {}", ids.join(","))),
        )?;
    }
    Ok(())
}

/// Records that `u` saw the names on `letters` (one audit line per case).
pub fn record_shown(
    conn: &mut DbConnection,
    u: &CurrentUser,
    letters: &[CaseLetter],
) -> QueryResult<()> {
    write_tx(conn, |c| {
        audit_per_case(c, u, "complaint.letters_viewed", letters, "")
    })
}

/// Records that `u` printed `letters` (one audit line per case); `prefix` names the batch.
pub fn record_printed(
    conn: &mut DbConnection,
    u: &CurrentUser,
    letters: &[CaseLetter],
    prefix: &str,
) -> QueryResult<()> {
    write_tx(conn, |c| {
        audit_per_case(c, u, "complaint.letters_printed", letters, prefix)
    })
}

/// Puts the `chosen` letters that still wait and are in no batch yet into a new batch; the others
/// are left out. Gives the batch's number, or `None` when no chosen letter could go in.
pub fn make_batch(
    conn: &mut DbConnection,
    u: &CurrentUser,
    chosen: &[i64],
) -> Result<Option<i64>, AppError> {
    write_tx(conn, |c| {
        let letters: Vec<CaseLetter> = complaint_letters::table
            .filter(complaint_letters::id.eq_any(chosen))
            .filter(complaint_letters::printed_on.is_null())
            .filter(complaint_letters::batch_id.is_null())
            .order(complaint_letters::id)
            .select(CaseLetter::as_select())
            .load(c)?;
        if letters.is_empty() {
            return Ok::<_, AppError>(None);
        }
        diesel::insert_into(complaint_letter_batches::table)
            .values((
                complaint_letter_batches::created_at.eq(now()),
                complaint_letter_batches::created_by.eq(u.id),
                complaint_letter_batches::letters.eq(letters.len() as i32),
            ))
            .execute(c)?;
        let id: i64 = complaint_letter_batches::table
            .filter(complaint_letter_batches::created_by.eq(u.id))
            .select(complaint_letter_batches::id)
            .order(complaint_letter_batches::id.desc())
            .first(c)?;
        let ids: Vec<i64> = letters.iter().map(|l| l.id).collect();
        diesel::update(complaint_letters::table.filter(complaint_letters::id.eq_any(&ids)))
            .set(complaint_letters::batch_id.eq(id))
            .execute(c)?;
        audit::record(
            c,
            Actor::User(u.id),
            "complaint.letter_batch_made",
            "letter_batch",
            Some(&id.to_string()),
            Some(&format!("{} brieven", ids.len())),
        )?;
        audit_per_case(
            c,
            u,
            "complaint.letters_batched",
            &letters,
            &format!("stapel {id}: "),
        )?;
        Ok(Some(id))
    })
}

/// Marks letter `letter` of complaint `case` as posted `on` when it still waits, with a line in
/// the case history.
fn mark_posted(
    c: &mut DbConnection,
    u: &CurrentUser,
    letter: i64,
    case: i64,
    on: NaiveDate,
) -> QueryResult<()> {
    let n = diesel::update(
        complaint_letters::table
            .find(letter)
            .filter(complaint_letters::printed_on.is_null()),
    )
    .set(complaint_letters::printed_on.eq(on))
    .execute(c)?;
    if n > 0 {
        store::note(c, case, u.id, "letter_posted", None)?;
    }
    Ok(())
}

/// Marks batch `id` and its waiting letters as posted today. A batch marked before stays as it
/// was; an unknown batch is [`AppError::NotFound`].
pub fn mark_batch_sent(conn: &mut DbConnection, u: &CurrentUser, id: i64) -> Result<(), AppError> {
    write_tx(conn, |c| {
        let open: Option<Option<NaiveDate>> = complaint_letter_batches::table
            .find(id)
            .select(complaint_letter_batches::sent_on)
            .first(c)
            .optional()?;
        match open {
            None => return Err(AppError::NotFound),
            // Marked before: a second click changes nothing.
            Some(Some(_)) => return Ok(()),
            Some(None) => {}
        }
        let today = crate::fmt::today();
        let letters = batch_letters(c, id)?;
        for l in &letters {
            mark_posted(c, u, l.id, l.complaint, today)?;
        }
        diesel::update(complaint_letter_batches::table.find(id))
            .set((
                complaint_letter_batches::sent_on.eq(today),
                complaint_letter_batches::sent_by.eq(u.id),
            ))
            .execute(c)?;
        audit::record(
            c,
            Actor::User(u.id),
            "complaint.letter_batch_sent",
            "letter_batch",
            Some(&id.to_string()),
            Some(&format!("{} brieven", letters.len())),
        )?;
        Ok(())
    })
}

/// Marks one letter of complaint `complaint` as posted, when `u` may do so on that case. A refusal
/// is written to the audit log (unless the case is only in the wrong state) and answered 404 for a
/// hidden case, 403 otherwise.
pub fn mark_letter_sent(
    conn: &mut DbConnection,
    u: &CurrentUser,
    letter: i64,
    complaint: i64,
) -> Result<(), AppError> {
    let refused = write_tx(conn, |c| {
        let case = store::load(c, complaint)?;
        let subject = access::Case::of(&case);
        if let Err(why) = access::check(u, CaseAction::MarkLetterPosted, &subject) {
            return Ok::<_, AppError>(Some(why));
        }
        // Only a letter still waiting is marked; a second click changes nothing.
        mark_posted(c, u, letter, complaint, crate::fmt::today())?;
        Ok(None)
    })?;
    let Some(why) = refused else {
        return Ok(());
    };
    let code = match why {
        Denied::Hidden => "hidden",
        Denied::NotYours => "not_yours",
        Denied::WrongState => "wrong_state",
    };
    if why != Denied::WrongState {
        audit::record(
            conn,
            Actor::User(u.id),
            "complaint.access_refused",
            "complaint",
            Some(&complaint.to_string()),
            Some(&format!("{} {code}", CaseAction::MarkLetterPosted.code())),
        )?;
    }
    Err(match why {
        Denied::Hidden => AppError::NotFound,
        Denied::NotYours | Denied::WrongState => AppError::Forbidden,
    })
}
