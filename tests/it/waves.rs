//! Survey waves and invitation codes through the command line, on both databases.

use crate::cli::klankbord;
use crate::support::{pg, skip, Backend};

fn wave_commands(backend: Backend, test: &str) {
    let dir = tempfile::tempdir().unwrap();
    let db_url = match backend {
        Backend::Sqlite => format!("sqlite://{}", dir.path().join("k.db").display()),
        Backend::Postgres => match pg::new_database() {
            Ok(u) => u,
            Err(e) => return skip(test, &e),
        },
    };
    let run = |args: &[&str]| {
        let out = klankbord()
            .args(args)
            .env("DATABASE_URL", &db_url)
            .env("KLANKBORD_PUBLIC_URL", "https://klankbord.voorbeeld.nl")
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (ok, _, err) = run(&[
        "wave",
        "create",
        "--name",
        "Ronde 2027",
        "--opens",
        "2027-05-01",
        "--closes",
        "2027-04-01",
        "--population",
        "1277",
    ]);
    assert!(!ok && err.contains("sluitingsdatum"), "{err}");
    let (ok, _, err) = run(&[
        "wave",
        "create",
        "--name",
        "Ronde 2027",
        "--opens",
        "2027-04-01",
        "--closes",
        "2027-05-01",
        "--population",
        "1277",
        "--channels",
        "web,fax",
    ]);
    assert!(!ok && err.contains("'fax'"), "{err}");
    let (ok, _, err) = run(&[
        "wave",
        "create",
        "--name",
        "Ronde 2027",
        "--questionnaire",
        "bestaat-niet",
        "--opens",
        "2027-04-01",
        "--closes",
        "2027-05-01",
        "--population",
        "1277",
    ]);
    assert!(!ok && err.contains("bestaat-niet"), "{err}");
    let (ok, out, err) = run(&[
        "wave",
        "create",
        "--name",
        "Ronde 2027",
        "--opens",
        "2027-04-01",
        "--closes",
        "2027-05-01",
        "--population",
        "1277",
        "--channels",
        "web,paper-scan",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("Ronde 1"), "{out}");
    let csv_path = dir.path().join("codes.csv");
    let (ok, out, err) = run(&[
        "wave",
        "invite",
        "--wave",
        "1",
        "--count",
        "300",
        "--out",
        csv_path.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("300 codes"), "{out}");
    // Never overwrite the only copy of earlier codes.
    let (ok, _, err) = run(&[
        "wave",
        "invite",
        "--wave",
        "1",
        "--count",
        "5",
        "--out",
        csv_path.to_str().unwrap(),
    ]);
    assert!(!ok && err.contains("bestaat al"), "{err}");
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        vec!["nummer", "code", "link", "sluitingsdatum"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 300);
    let mut codes: Vec<String> = rows.iter().map(|r| r[1].to_string()).collect();
    for r in &rows {
        let bare = klankbord::codes::parse(&r[1]).expect("valid code with check character");
        assert_eq!(&r[2], format!("https://klankbord.voorbeeld.nl/v/{bare}"));
        assert_eq!(&r[3], "01-05-2027");
    }
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 300, "codes are unique");
    // The database holds hashes only.
    let mut conn = klankbord::db::DatabaseUrl::parse(&db_url)
        .unwrap()
        .connect()
        .unwrap();
    assert_eq!(crate::support::count_rows(&mut conn, "invitations"), 300);
    use diesel::prelude::*;
    let hashes: Vec<String> = klankbord::db::schema::invitations::table
        .select(klankbord::db::schema::invitations::code_hash)
        .load(&mut conn)
        .unwrap();
    let bare0 = codes[0].replace('-', "");
    assert!(hashes.iter().all(|h| h.len() == 64 && !h.contains(&bare0)));
    assert!(hashes.contains(&klankbord::codes::hash(&bare0)));
    // Letters written to a file, one letter at a time: complete and on their own (stylesheet inside).
    let letters_path = dir.path().join("brieven.html");
    let (ok, out, err) = run(&[
        "wave",
        "invite",
        "--wave",
        "1",
        "--count",
        "40",
        "--out",
        dir.path().join("codes-2.csv").to_str().unwrap(),
        "--letters",
        letters_path.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("Brieven geschreven"), "{out}");
    let html = std::fs::read_to_string(&letters_path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(html.contains("<style>"));
    let doc = scraper::Html::parse_document(&html);
    let letter = scraper::Selector::parse("main article.letter").unwrap();
    assert_eq!(doc.select(&letter).count(), 40);
    let (_, out, _) = run(&["wave", "list"]);
    assert!(
        out.contains("Ronde 2027")
            && out.contains("bejegening-bijstand v1.1")
            && out.contains("340"),
        "{out}"
    );
    // The wave pins the stored text of the questionnaire.
    assert_eq!(
        crate::support::count_rows(&mut conn, "questionnaire_versions"),
        1
    );
}

#[test]
fn wave_commands_sqlite() {
    wave_commands(Backend::Sqlite, "wave_commands::sqlite");
}

#[test]
fn wave_commands_postgres() {
    wave_commands(Backend::Postgres, "wave_commands::postgres");
}

crate::both_backends!(
    letters_for_two_thousand_codes_are_streamed_complete_and_well_formed,
    |app| {
        use diesel::prelude::*;
        use klankbord::accounts::model::Role;
        let w = crate::surveys::wave(&app, 0, 30, &["web"]);
        let (researcher, _) = app.logged_in("brieven.onderzoek", &[Role::Onderzoeker]);
        let page = format!("/onderzoek/rondes/{}?lang=nl", w.id);
        let r = researcher.submit(
            &page,
            &format!("/onderzoek/rondes/{}/codes", w.id),
            &[("aantal", "2000"), ("vorm", "brieven"), ("taal", "nl")],
        );
        assert_eq!(r.status, 200);
        // Sent while it is written: no length known in advance, and never cached.
        assert_eq!(r.header("content-length"), None, "{:?}", r.headers);
        assert_eq!(r.header("cache-control"), Some("no-store"));
        assert!(
            r.body.starts_with("<!DOCTYPE html>"),
            "{}",
            &r.body[..300.min(r.body.len())]
        );
        assert!(
            r.body.trim_end().ends_with("</main></body></html>"),
            "the end arrived: {}",
            &r.body[r.body.len().saturating_sub(300)..]
        );
        let doc = scraper::Html::parse_document(&r.body);
        let sel = |css: &str| scraper::Selector::parse(css).unwrap();
        let letters: Vec<scraper::ElementRef> = doc.select(&sel("main > article.letter")).collect();
        assert_eq!(letters.len(), 2000, "one letter per code");
        let mut printed = vec![];
        for (i, letter) in letters.iter().enumerate() {
            assert_eq!(
                letter.select(&sel("svg")).count(),
                1,
                "letter {i} has its QR code"
            );
            let number: String = letter
                .select(&sel("p.number"))
                .next()
                .unwrap()
                .text()
                .collect();
            assert!(number.contains(&(i + 1).to_string()), "{number}");
            let code: String = letter
                .select(&sel("p.code strong"))
                .next()
                .unwrap()
                .text()
                .collect();
            printed.push(klankbord::codes::parse(&code).expect("a valid code"));
        }
        // Every code on a letter is one of the codes made, each once.
        let hashes: std::collections::HashSet<String> = klankbord::db::schema::invitations::table
            .filter(klankbord::db::schema::invitations::wave_id.eq(w.id))
            .select(klankbord::db::schema::invitations::code_hash)
            .load(&mut app.conn())
            .unwrap()
            .into_iter()
            .collect();
        assert_eq!(hashes.len(), 2000);
        let unique: std::collections::HashSet<&String> = printed.iter().collect();
        assert_eq!(unique.len(), 2000);
        assert!(printed
            .iter()
            .all(|c| hashes.contains(&klankbord::codes::hash(c))));
        // The codes as CSV for a mail merge come the same way.
        let r = researcher.submit(
            &page,
            &format!("/onderzoek/rondes/{}/codes", w.id),
            &[("aantal", "2000"), ("vorm", "csv"), ("taal", "nl")],
        );
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-length"), None);
        assert_eq!(r.body.lines().count(), 2001);
    }
);

crate::both_backends!(lists_that_grow_come_a_page_at_a_time, |app| {
    use klankbord::accounts::model::Role;
    // 55 waves: 50 on the first page of /onderzoek, 5 on the second.
    for _ in 0..55 {
        crate::surveys::wave(&app, -10, 10, &["web", "phone"]);
    }
    let (researcher, _) = app.logged_in("lijst.onderzoek", &[Role::Onderzoeker]);
    let first = researcher.get("/onderzoek?lang=nl");
    assert_eq!(first.texts("table tbody tr").len(), 50);
    let next = first.attr("nav.pager a[rel='next']", "href").unwrap();
    let second = researcher.get(&next);
    assert_eq!(second.texts("table tbody tr").len(), 5);
    assert!(second.attr("nav.pager a[rel='prev']", "href").is_some());
    // A page past the end shows the last page, not an empty one.
    assert_eq!(
        researcher
            .get("/onderzoek?pagina=99")
            .texts("table tbody tr")
            .len(),
        5
    );
    // The entry list shows only the waves open today.
    crate::surveys::wave(&app, -30, -20, &["phone"]);
    let (clerk, _) = app.logged_in("lijst.invoer", &[Role::Invoerder]);
    assert_eq!(clerk.get("/invoer").texts("main ul li").len(), 55);

    // Accounts: 50 a page.
    for i in 0..55 {
        app.user(&format!("lijst.gebruiker{i:02}"), &[Role::Invoerder]);
    }
    let (admin, _) = app.logged_in("lijst.beheer", &[Role::Beheerder]);
    let first = admin.get("/beheer/gebruikers?lang=nl");
    assert_eq!(first.texts("table tbody tr").len(), 50);
    let next = first.attr("nav.pager a[rel='next']", "href").unwrap();
    // 55 + the researcher, the clerk and the administrator.
    assert_eq!(admin.get(&next).texts("table tbody tr").len(), 8);

    // The complaints register of a year: 100 lines a page (the download has them all).
    let config = klankbord::config::Config::from_sources(None, &[]).unwrap();
    let setup = klankbord::complaints::Setup::new(std::sync::Arc::new(config)).unwrap();
    let mut conn = app.conn();
    for _ in 0..105 {
        let new = klankbord::complaints::store::NewComplaint {
            received_on: klankbord::fmt::today(),
            channel: klankbord::complaints::terms::Channel::Web,
            language: klankbord::web::i18n::Lang::Nl,
            email: Some("klager@voorbeeld.nl".into()),
            description: "Niet teruggebeld.".into(),
            ..Default::default()
        };
        klankbord::complaints::store::register(&mut conn, &setup.env(), &new, None).unwrap();
    }
    drop(conn);
    let (coordinator, _) = app.logged_in("lijst.coordinator", &[Role::Klachtcoordinator]);
    let year = chrono::Datelike::year(&klankbord::fmt::today());
    let first = coordinator.get(&format!("/klachten/register?jaar={year}&lang=nl"));
    assert_eq!(first.texts("table tbody tr").len(), 100);
    let next = first.attr("nav.pager a[rel='next']", "href").unwrap();
    assert_eq!(coordinator.get(&next).texts("table tbody tr").len(), 5);
    let csv = coordinator.get(&format!("/klachten/register.csv?jaar={year}"));
    assert_eq!(csv.body.lines().count(), 106);
});
