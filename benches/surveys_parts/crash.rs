//! Part of the surveys benchmark (`benches/surveys.rs`): SIGKILL while residents send, then
//! every acknowledged answer set checked.

use super::*;

pub(super) fn bench_crash(dir: &std::path::Path, connections: usize) {
    println!("\n## 4. Crash safety: SIGKILL during sending");
    let url = sqlite_url(dir, "crash.db");
    let def = klankbord::surveys::definition::parse("one-page", &one_page_text()).expect("def");
    let expected_keys: usize = answer_fields(&def)
        .iter()
        .map(|(k, _)| k.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let codes = {
        let p = pool(&url);
        let mut c = p.get().expect("conn");
        waves::register_shipped(&mut c).expect("shipped");
        waves::register_version(&mut c, &def, &one_page_text()).expect("version");
        wave_with_codes(&mut c, 200_000).1
    };
    let (mut child, port) = support::server::serve(&url);
    let body = Arc::new(form_body(&answer_fields(&def)));
    let codes = Arc::new(codes);
    let make = {
        let codes = codes.clone();
        let body = body.clone();
        Arc::new(move |i: usize| codes.get(i).map(|c| post_request("/v/vraag/0", c, &body)))
    };
    let killer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(2500));
        child.kill().expect("SIGKILL");
        child.wait().expect("wait");
    });
    let (samples, _) = load(
        port,
        connections,
        Instant::now() + Duration::from_secs(10),
        make,
    );
    killer.join().expect("killer");
    let acknowledged: Vec<&Sample> = samples.iter().filter(|s| s.status == 303).collect();
    let unanswered = samples.iter().filter(|s| s.status == 0).count();
    let other = samples.len() - acknowledged.len() - unanswered;
    // Afterwards: every acknowledged code is used, every used code has one whole answer row.
    let mut c = pool(&url).get().expect("conn");
    let used: Vec<String> = invitations::table
        .filter(invitations::used.eq(true))
        .select(invitations::code_hash)
        .load(&mut c)
        .expect("used");
    let used: std::collections::HashSet<String> = used.into_iter().collect();
    let missing = acknowledged
        .iter()
        .filter(|s| !used.contains(&codes::hash(&codes[s.index])))
        .count();
    let rows: Vec<String> = responses::table
        .select(responses::answers)
        .load(&mut c)
        .expect("rows");
    let partial = rows
        .iter()
        .filter(|j| {
            serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(j)
                .map(|m| m.len() != expected_keys)
                .unwrap_or(true)
        })
        .count();
    println!(
        "requests sent: {}; success responses: {}; no response (killed): {unanswered}; other: {other}",
        samples.len(),
        acknowledged.len()
    );
    println!(
        "after restart: {} answer rows, {} codes used; acknowledged but missing: {missing}; rows not whole ({expected_keys} answers): {partial}; used codes without a row: {}",
        rows.len(),
        used.len(),
        used.len() as i64 - rows.len() as i64
    );
    assert_eq!(missing, 0);
    assert_eq!(partial, 0);
    assert_eq!(used.len(), rows.len());
}
