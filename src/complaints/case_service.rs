//! The access gate of the case pages as a service: load a case, check that this person may do
//! this to it now ([`access::check`]), and write a refusal to the audit log; and opening a case
//! for its page (a view of personal data, logged).

use diesel::prelude::*;

use super::access::{self, CaseAction, Denied};
use super::model::Complaint;
use super::queries::{self, CaseView};
use super::store;
use crate::accounts::audit::{self, Actor};
use crate::accounts::model::CurrentUser;
use crate::db::DbConnection;
use crate::web::errors::AppError;

/// A refusal from [`gate`]: what was refused, on which case, and why.
#[derive(Debug, Clone, Copy)]
pub(super) struct Refused {
    /// The case.
    pub case: i64,
    /// What was tried.
    pub action: CaseAction,
    /// Why it was refused.
    pub why: Denied,
}

impl Refused {
    /// The answer for the refused request: a case one may not see does not exist (404); an action
    /// on a visible case that is someone else's is forbidden (403).
    pub(super) fn error(self) -> AppError {
        match self.why {
            Denied::Hidden => AppError::NotFound,
            Denied::NotYours | Denied::WrongState => AppError::Forbidden,
        }
    }

    /// Whether it goes in the audit log as refused access (a step in the wrong state does not:
    /// the person may see the case and is told why).
    pub(super) fn is_access(self) -> bool {
        !matches!(self.why, Denied::WrongState)
    }

    /// Writes the audit line: who tried what on which case (no content).
    pub(super) fn record(self, conn: &mut DbConnection, u: &CurrentUser) -> QueryResult<()> {
        let why = match self.why {
            Denied::Hidden => "hidden",
            Denied::NotYours => "not_yours",
            Denied::WrongState => "wrong_state",
        };
        audit::record(
            conn,
            Actor::User(u.id),
            "complaint.access_refused",
            "complaint",
            Some(&self.case.to_string()),
            Some(&format!("{} {why}", self.action.code())),
        )
    }
}

/// Loads case `id` and checks that `u` may do `action` to it now ([`access::check`]). A case that
/// does not exist is a 404; a refusal comes back as [`Refused`] for the caller to log and answer.
pub(super) fn gate(
    conn: &mut DbConnection,
    id: i64,
    u: &CurrentUser,
    action: CaseAction,
) -> Result<Result<(Complaint, access::Case), Refused>, AppError> {
    let c = store::load(conn, id)
        .optional()?
        .ok_or(AppError::NotFound)?;
    let subject = access::Case::of(&c);
    Ok(match access::check(u, action, &subject) {
        Ok(()) => Ok((c, subject)),
        Err(why) => Err(Refused {
            case: id,
            action,
            why,
        }),
    })
}

/// [`gate`] for a request that only reads: a refusal is logged and answered at once.
pub(super) fn gate_or_refuse(
    conn: &mut DbConnection,
    id: i64,
    u: &CurrentUser,
    action: CaseAction,
) -> Result<(Complaint, access::Case), AppError> {
    match gate(conn, id, u, action)? {
        Ok(ok) => Ok(ok),
        Err(refused) => {
            if refused.is_access() {
                refused.record(conn, u)?;
            }
            Err(refused.error())
        }
    }
}

/// Case `id` as its page shows it, when `u` may see it; every showing is a logged view of
/// personal data.
pub(super) fn open_case(
    conn: &mut DbConnection,
    id: i64,
    u: &CurrentUser,
) -> Result<CaseView, AppError> {
    let (c, subject) = gate_or_refuse(conn, id, u, CaseAction::View)?;
    let k = queries::case_view(conn, c, subject)?;
    audit::record(
        conn,
        Actor::User(u.id),
        "complaint.viewed",
        "complaint",
        Some(&id.to_string()),
        None,
    )?;
    Ok(k)
}
