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
        let bare =
            klankbord::surveys::codes::parse(&r[1]).expect("valid code with check character");
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
    assert!(hashes.contains(&klankbord::surveys::codes::hash(&bare0)));
    let (_, out, _) = run(&["wave", "list"]);
    assert!(
        out.contains("Ronde 2027")
            && out.contains("bejegening-bijstand v1.1")
            && out.contains("300"),
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
