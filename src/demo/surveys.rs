//! Demo survey waves and their answers.

use crate::db::DbConnection;
use crate::surveys::builder::AnswerMix;

/// Comments people might write, for the demo only (positive, mixed, negative).
pub(super) const GOOD: &[&str] = &[
    "Mijn klantmanager belt terug als ze dat zegt.",
    "Ik werd vriendelijk geholpen aan de balie.",
    "De uitleg over mijn uitkering was duidelijk.",
    "Ze namen de tijd om naar mij te luisteren.",
];
pub(super) const BETTER: &[&str] = &[
    "De brieven zijn moeilijk te begrijpen.",
    "Ik moet lang wachten als ik bel.",
    "Ik voelde me niet vertrouwd toen ik alles moest laten zien.",
    "Elke keer een andere medewerker, ik moet alles opnieuw vertellen.",
    "Bij de terugvordering werd niet naar mijn situatie gekeken.",
];

/// Believable answer sets: a general mood, lower for people who had a terugvordering; now and then
/// a question left open or "weet niet"; open answers for about half the people.
pub(super) const DEMO_MIX: AnswerMix<'static> = AnswerMix {
    skip: 0.04,
    dont_know: 0.06,
    mood: 1.2,
    noise: 0.9,
    grade_middle: 6.6,
    grade_mood: 1.6,
    grade_noise: 1.0,
    setback: Some(("terugvordering", 0.3, 0.9)),
    skew: 1,
    follow_conditions: true,
    single: true,
    multi: true,
    numbers: true,
    texts: Some((0.45, GOOD, BETTER)),
};

/// Two closed waves (last autumn's with 260 answers, this spring's with 300) and an open wave with
/// some answers and unused codes.
pub(super) fn seed_surveys(
    conn: &mut DbConnection,
    today: chrono::NaiveDate,
) -> anyhow::Result<Vec<String>> {
    use crate::surveys::{respond, waves};
    use chrono::Duration;
    use diesel::prelude::*;
    use rand::{Rng, SeedableRng};
    waves::register_shipped(conn)?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(2026);
    use crate::surveys::channel::Channel;
    let channels = [
        (Channel::Web, 0.52),
        (Channel::Assisted, 0.10),
        (Channel::Phone, 0.10),
        (Channel::PaperKeyed, 0.23),
        (Channel::PaperScan, 0.05),
    ];
    let helpers = ["familie_vriend", "clientondersteuner", "hulpverlener"];
    let plans = [
        (
            "Cliëntervaring najaar",
            today - Duration::days(380),
            today - Duration::days(338),
            1150,
            800,
            260,
        ),
        (
            "Cliëntervaring voorjaar",
            today - Duration::days(250),
            today - Duration::days(208),
            1200,
            900,
            300,
        ),
        (
            "Cliëntervaring najaar",
            today - Duration::days(14),
            today + Duration::days(28),
            1100,
            800,
            45,
        ),
    ];
    let mut try_codes = vec![];
    for (name, opens, closes, population, invited, answered) in plans {
        let (id, codes) = crate::surveys::builder::WaveBuilder::new()
            .name(&format!("{name} {}", opens.format("%Y")))
            .window(opens, closes)
            .population(population)
            .create_with_codes(conn, invited)?;
        let wave = waves::find_wave(conn, id)?;
        let def = respond::definition(conn, wave.version_id)?;
        try_codes = codes[answered..answered + 3].to_vec();
        let span = (closes.min(today) - opens).num_days().max(1);
        for _ in 0..answered {
            let answers = DEMO_MIX.draw(&def, &mut rng);
            let roll: f64 = rng.gen_range(0.0..1.0);
            let mut acc = 0.0;
            let channel = channels
                .iter()
                .find(|(_, p)| {
                    acc += p;
                    roll < acc
                })
                .map(|(c, _)| *c)
                .unwrap_or(Channel::Web);
            let helper = (channel == Channel::Assisted)
                .then(|| helpers[rng.gen_range(0..helpers.len())].to_string());
            // Most answers come in the first days after the letters.
            let day =
                opens + Duration::days((rng.gen_range(0.0f64..1.0).powi(2) * span as f64) as i64);
            let meta = respond::Meta {
                channel,
                helper,
                language: if rng.gen_bool(0.12) {
                    crate::web::i18n::Lang::Ar
                } else {
                    crate::web::i18n::Lang::Nl
                },
            };
            respond::submit(conn, &wave, &def, None, &answers, &meta, day)?;
        }
        // The codes those people used.
        use crate::db::schema::invitations;
        let used: Vec<i64> = invitations::table
            .filter(invitations::wave_id.eq(id))
            .select(invitations::id)
            .order(invitations::id)
            .limit(answered as i64)
            .load(conn)?;
        diesel::update(invitations::table.filter(invitations::id.eq_any(used)))
            .set(invitations::used.eq(true))
            .execute(conn)?;
    }
    Ok(try_codes)
}
