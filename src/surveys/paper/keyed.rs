//! Keyed entry of a paper form: a clerk types a returned form in by hand. The form's number is
//! stored with the answers in one transaction, the same register the scanner import uses, so one
//! paper form can never be counted twice (typed twice, or typed and scanned).

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::schema::{paper_forms, paper_quarantine};
use crate::db::{write_tx, DbConnection};
use crate::surveys::answers::AnswerSet;
use crate::surveys::definition::Definition;
use crate::surveys::respond::{self, Meta, RespondError};
use crate::surveys::waves::Wave;

/// Why keyed answers were not stored.
#[derive(Debug, thiserror::Error)]
pub enum KeyedError {
    /// A form with this number is stored already (typed in or scanned).
    #[error("formuliernummer al opgeslagen")]
    FormStored,
    /// The usual refusals of the questionnaire (code used, wave closed, invalid answers).
    #[error(transparent)]
    Respond(#[from] RespondError),
}

impl From<diesel::result::Error> for KeyedError {
    fn from(e: diesel::result::Error) -> Self {
        KeyedError::Respond(RespondError::Db(e))
    }
}

/// What a keyed form is: the wave, its questionnaire, and the invitation it answers (if its code
/// was on the form).
pub struct KeyedForm<'a> {
    /// The wave.
    pub wave: &'a Wave,
    /// Its questionnaire.
    pub def: &'a Definition,
    /// The invitation, when the form carried a code.
    pub invitation_id: Option<i64>,
    /// The form number as printed (upper case), when the channel is paper.
    pub form: Option<&'a str>,
}

/// Stores keyed answers; with a form number, only when that number is not stored yet. The number,
/// the answers and the end of any scanned copy kept aside happen together or not at all.
pub fn store(
    conn: &mut DbConnection,
    keyed: &KeyedForm<'_>,
    answers: &AnswerSet,
    meta: &Meta,
    today: NaiveDate,
) -> Result<(), KeyedError> {
    write_tx(conn, |c| {
        if let Some(form) = keyed.form {
            let known = paper_forms::table
                .filter(paper_forms::wave_id.eq(keyed.wave.id))
                .filter(paper_forms::form_id.eq(form))
                .count()
                .get_result::<i64>(c)?;
            if known > 0 {
                return Err(KeyedError::FormStored);
            }
            // The primary key decides a race between two clerks typing the same form.
            diesel::insert_into(paper_forms::table)
                .values((
                    paper_forms::wave_id.eq(keyed.wave.id),
                    paper_forms::form_id.eq(form),
                ))
                .execute(c)
                .map_err(|e| match e {
                    diesel::result::Error::DatabaseError(
                        diesel::result::DatabaseErrorKind::UniqueViolation,
                        _,
                    ) => KeyedError::FormStored,
                    other => other.into(),
                })?;
            // A scanned copy of this form kept aside is settled by typing it in.
            diesel::delete(
                paper_quarantine::table
                    .filter(paper_quarantine::wave_id.eq(keyed.wave.id))
                    .filter(paper_quarantine::form_id.eq(form)),
            )
            .execute(c)?;
        }
        respond::submit(
            c,
            keyed.wave,
            keyed.def,
            keyed.invitation_id,
            answers,
            meta,
            today,
        )?;
        Ok(())
    })
}
