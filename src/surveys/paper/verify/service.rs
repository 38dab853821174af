//! Settling and removing a waiting sheet: each in the database with its line in the audit log
//! (the wave and counts only).

use crate::accounts::audit::{self, Actor};
use crate::db::DbConnection;
use crate::surveys::definition::Definition;
use crate::surveys::paper::import::{ImportError, Options, Summary};
use crate::surveys::paper::omr::{settle, SettledSheet};
use crate::surveys::waves::Wave;
use crate::web::errors::AppError;

/// Settles a waiting sheet as the clerk decided: it goes through the import pipeline, leaves the
/// waiting list, and the settling is logged with `detail` (counts only). `NotFound` when the
/// sheet no longer waits.
pub(super) fn settle_sheet(
    conn: &mut DbConnection,
    wave: &Wave,
    def: &Definition,
    sheet_id: i64,
    sheet: SettledSheet,
    actor: Actor,
    detail: &str,
) -> Result<Summary, AppError> {
    let wave_id = wave.id;
    // Still waiting? (Another clerk may have settled it a moment ago.)
    if !super::queries::is_waiting(conn, wave_id, sheet_id)? {
        return Err(AppError::NotFound);
    }
    let summary = settle::settle(
        conn,
        wave,
        def,
        &mut std::iter::once(sheet),
        Options::default(),
        crate::surveys::today(),
        &mut |_| {},
    )
    .map_err(|e| match e {
        ImportError::Db(e) => AppError::from(e),
        other => AppError::Internal(anyhow::anyhow!(other.to_string())),
    })?;
    settle::drop_pending(conn, wave_id, sheet_id)?;
    // The wave and counts only: a form number beside a moment could point at an answer set.
    audit::record(
        conn,
        actor,
        "paper.scan_settled",
        "wave",
        Some(&wave_id.to_string()),
        Some(detail),
    )?;
    Ok(summary)
}

/// Removes a waiting sheet unread (nothing of it was stored as answers); how many were removed.
pub(super) fn discard_sheet(
    conn: &mut DbConnection,
    id: i64,
    sheet_id: i64,
    actor: Actor,
) -> Result<usize, AppError> {
    Ok(crate::db::write_tx(conn, |c| {
        let n = settle::drop_pending(c, id, sheet_id)?;
        if n > 0 {
            // Nothing of this sheet was stored as answers.
            audit::record(
                c,
                actor,
                "paper.scan_discarded",
                "wave",
                Some(&id.to_string()),
                None,
            )?;
        }
        Ok::<usize, diesel::result::Error>(n)
    })?)
}
