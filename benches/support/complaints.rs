//! Filling a database with complaints for the benchmarks.

use chrono::NaiveDate;
use diesel::prelude::*;
use klankbord::complaints::terms::Channel;
use klankbord::complaints::workflow::State;
use klankbord::db::schema::{complaint_progress, complaints};
use klankbord::db::DbConnection;

pub const RUNNING: [State; 6] = [
    State::Received,
    State::Mediation,
    State::FormalHandling,
    State::HearingPlanned,
    State::Heard,
    State::Advised,
];
const FINISHED: [State; 7] = [
    State::Closed,
    State::Closed,
    State::Closed,
    State::ResolvedInformally,
    State::Withdrawn,
    State::Referred,
    State::NotHandled,
];

/// Fills the database: `n` complaints received over ten years, newest running (a few old ones
/// overdue), the rest finished.
pub fn fill(conn: &mut DbConnection, n: usize, handler: i64, today: NaiveDate) {
    let stamp = klankbord::db::now();
    klankbord::db::write_tx(conn, |c| {
        for i in 0..n {
            let received = today - chrono::Duration::days((i as i64 * 3650) / n as i64);
            let age = (today - received).num_days();
            let state = if age <= 42 || i % 97 == 0 {
                RUNNING[i % RUNNING.len()]
            } else {
                FINISHED[i % FINISHED.len()]
            };
            diesel::insert_into(complaints::table)
                .values((
                    complaints::tracking_hash.eq(format!("bench-{i}")),
                    complaints::received_on.eq(received),
                    complaints::channel.eq(Channel::ALL[i % Channel::ALL.len()]),
                    complaints::kind.eq("klacht"),
                    complaints::state.eq(state.code()),
                    complaints::language.eq("nl"),
                    complaints::anonymous.eq(false),
                    complaints::name.eq(format!("Klager {i}")),
                    complaints::email.eq(format!("klager{i}@voorbeeld.nl")),
                    complaints::description.eq("Niet teruggebeld, twee keer niet."),
                    complaints::committee.eq(i % 5 == 0),
                    complaints::handler_id.eq((i % 3 == 0).then_some(handler)),
                    complaints::deadline_on.eq(received + chrono::Duration::weeks(6)),
                    complaints::created_at.eq(stamp),
                    complaints::updated_at.eq(stamp),
                ))
                .execute(c)?;
        }
        let ids: Vec<i64> = complaints::table.select(complaints::id).load(c)?;
        for id in ids {
            diesel::insert_into(complaint_progress::table)
                .values(complaint_progress::complaint_id.eq(id))
                .execute(c)?;
        }
        Ok::<(), diesel::result::Error>(())
    })
    .expect("fill");
}
