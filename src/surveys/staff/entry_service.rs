//! Storing a keyed-in answer set: through the invitation when a code was typed, otherwise in the
//! wave's window, and once per paper form.

use super::entry_form::EntryCommand;
use crate::db::DbConnection;
use crate::surveys::definition::Definition;
use crate::surveys::paper::keyed;
use crate::surveys::respond;
use crate::surveys::waves::Wave;

/// Stores the command's answers for `wave` (inside a database call). The outcome says what went
/// wrong when it did not go through.
pub(super) fn store(
    conn: &mut DbConnection,
    wave: Wave,
    def: &Definition,
    command: &EntryCommand,
) -> Result<(), keyed::KeyedError> {
    let today = crate::fmt::today();
    let meta = &command.meta;
    let opened = match &command.code {
        Some(c) => {
            respond::open(conn, c, meta.channel, today).map(|o| (o.wave, Some(o.invitation_id)))
        }
        None => respond::check_window(&wave, meta.channel, today).map(|_| (wave, None)),
    };
    match opened {
        Ok((w, invitation_id)) => keyed::store(
            conn,
            &keyed::KeyedForm {
                wave: &w,
                def,
                invitation_id,
                form: command.form_number.as_deref(),
            },
            &command.answers,
            meta,
            today,
        ),
        Err(e) => Err(e.into()),
    }
}
