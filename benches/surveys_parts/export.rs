//! Part of the surveys benchmark (`benches/surveys.rs`): exporting answer sets as CSV with codebook.

use super::*;

pub(super) fn bench_export(dir: &std::path::Path, n: usize) {
    println!("\n## 3. Exporting {n} answer sets as CSV with codebook");
    let url = sqlite_url(dir, "export.db");
    let p = pool(&url);
    let mut c = p.get().expect("conn");
    waves::register_shipped(&mut c).expect("shipped");
    let (wave_id, _) = wave_with_codes(&mut c, 1);
    let wave = waves::find_wave(&mut c, wave_id).expect("wave");
    let def = klankbord::surveys::shipped().expect("def").remove(0);
    let mut set = serde_json::Map::new();
    for (k, v) in answer_fields(&def) {
        let value = v
            .parse::<i64>()
            .map(serde_json::Value::from)
            .unwrap_or(serde_json::Value::from(v));
        match set.get_mut(&k) {
            Some(serde_json::Value::Array(a)) => a.push(value),
            Some(old) => *old = serde_json::Value::Array(vec![old.clone(), value]),
            None => {
                set.insert(k, value);
            }
        }
    }
    let json = serde_json::Value::Object(set).to_string();
    let started = Instant::now();
    db::write_tx(&mut c, |c| {
        for i in 0..n {
            diesel::insert_into(responses::table)
                .values((
                    responses::wave_id.eq(wave_id),
                    responses::version_id.eq(wave.version_id),
                    responses::channel.eq(["web", "paper-scan", "phone"][i % 3]),
                    responses::language.eq("nl"),
                    responses::answered_on.eq(today()),
                    responses::answers.eq(json.as_str()),
                ))
                .execute(c)?;
        }
        Ok::<_, diesel::result::Error>(())
    })
    .expect("insert");
    println!(
        "(test data inserted in {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    // Over HTTP, as a researcher downloads it.
    let user = klankbord::accounts::service::create_user(
        &mut c,
        klankbord::accounts::service::NewAccount {
            username: "bench.onderzoek".into(),
            display_name: "Bench".into(),
            password: "bench fiets regen tulp koffiekan".into(),
            roles: vec![klankbord::accounts::model::Role::Onderzoeker],
        },
        Actor::System,
    )
    .expect("user");
    let token = klankbord::accounts::sessions::create(&mut c, user.id, db::now()).expect("session");
    // Answers are downloaded once the wave has closed (an open wave's answers could be paired
    // with who sent when): the wave ran from 40 days ago until yesterday.
    {
        use klankbord::db::schema::waves as w;
        diesel::update(w::table.find(wave_id))
            .set((
                w::opens_on.eq(today() - chrono::Duration::days(40)),
                w::closes_on.eq(today() - chrono::Duration::days(1)),
            ))
            .execute(&mut c)
            .expect("close wave");
        diesel::update(responses::table)
            .set(responses::answered_on.eq(today() - chrono::Duration::days(2)))
            .execute(&mut c)
            .expect("answer days");
    }
    drop(c);
    let port = start_klankbord(&url, "group");
    let cookie = format!("{}={token}", klankbord::accounts::sessions::COOKIE);
    for run in 1..=3 {
        let t = Instant::now();
        let (s1, _, csv) = fetch(
            port,
            &format!("/onderzoek/rondes/{wave_id}/antwoorden.csv"),
            &cookie,
            false,
        );
        let t_csv = t.elapsed();
        let (s2, _, book) = fetch(
            port,
            &format!("/onderzoek/rondes/{wave_id}/codeboek.csv"),
            &cookie,
            false,
        );
        let (s3, _, book_json) = fetch(
            port,
            &format!("/onderzoek/rondes/{wave_id}/codeboek.json"),
            &cookie,
            false,
        );
        let total = t.elapsed();
        assert_eq!((s1, s2, s3), (200, 200, 200));
        let lines = csv.iter().filter(|b| **b == b'\n').count();
        assert_eq!(lines, n + 1, "header plus one line per answer set");
        println!(
            "run {run}: answers CSV {:.2} s ({:.1} MB, {} lines); with codebook CSV ({} B) and JSON ({} B): {:.2} s (goal: under 2 s)",
            t_csv.as_secs_f64(),
            csv.len() as f64 / 1e6,
            lines,
            book.len(),
            book_json.len(),
            total.as_secs_f64()
        );
    }
}
