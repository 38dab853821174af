//! Filling a database with complaints for the benchmarks.

use chrono::NaiveDate;
use klankbord::complaints::builder::ComplaintBuilder;
use klankbord::complaints::terms::Channel;
use klankbord::complaints::workflow::State;
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
    klankbord::db::write_tx(conn, |c| {
        for i in 0..n {
            let received = today - chrono::Duration::days((i as i64 * 3650) / n as i64);
            let age = (today - received).num_days();
            let state = if age <= 42 || i % 97 == 0 {
                RUNNING[i % RUNNING.len()]
            } else {
                FINISHED[i % FINISHED.len()]
            };
            ComplaintBuilder::new()
                .received_on(received)
                .channel(Channel::ALL[i % Channel::ALL.len()])
                .name(Some(&format!("Klager {i}")))
                .email(Some(&format!("klager{i}@voorbeeld.nl")))
                .description("Niet teruggebeld, twee keer niet.")
                .in_state(state)
                .committee(i % 5 == 0)
                .handler((i % 3 == 0).then_some(handler))
                .insert_bare(c, &format!("bench-{i}"))?;
        }
        Ok::<(), diesel::result::Error>(())
    })
    .expect("fill");
}
