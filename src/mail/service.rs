//! The administrator's test message: queued and audited in one transaction.

use crate::accounts::audit::{self, Actor};
use crate::db::{write_tx, DbConnection};
use crate::mail::{enqueue, EnqueueError, OutgoingMail};

/// Queues a test message to `to` (an address already checked) and records `mail.test_queued`
/// (without the address). `municipality` names the sender in the subject; `domain` is the site's
/// host, for the Message-ID.
pub fn queue_test(
    conn: &mut DbConnection,
    actor: Actor,
    to: String,
    municipality: &str,
    domain: &str,
) -> Result<(), EnqueueError> {
    let mail = OutgoingMail {
        kind: "test".into(),
        about: None,
        subject: format!("Testbericht van Klankbord ({municipality})"),
        body: "Dit is een testbericht. Als u dit leest, werkt het versturen van e-mail.\n".into(),
        to,
    };
    write_tx(conn, |c| {
        audit::record(c, actor, "mail.test_queued", "mail_outbox", None, None)?;
        enqueue(c, &mail, domain, crate::db::now())?;
        Ok(())
    })
}
