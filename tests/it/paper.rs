//! The paper channel on both databases: an SDAPS export with every kind of defect, imported,
//! reported and kept aside as it should be; imported again (nothing added), corrected (only the gap
//! filled), checked without writing, all or nothing; and a real import process killed with SIGKILL
//! and run again.

use diesel::prelude::*;
use klankbord::db::schema::{paper_forms, paper_quarantine, responses};
use klankbord::fmt::today;
use klankbord::surveys::definition::{Definition, ItemKind};
use klankbord::surveys::paper::import::{self, Options, Summary, Target};
use klankbord::surveys::paper::mapping::{self, Meaning};
use klankbord::surveys::paper::sheet::{form_number, Finding, Format, Rule};
use klankbord::surveys::waves::Wave;

use crate::both_backends;
use crate::support::TestApp;
use crate::surveys::{standard, wave};

/// One SDAPS row: sheet columns, then every mapped column (good answers unless overridden).
struct SdapsFile {
    def: Definition,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl SdapsFile {
    fn new(def: &Definition) -> SdapsFile {
        let mut header: Vec<String> = [
            "questionnaire_id",
            "global_id",
            "empty",
            "valid",
            "recognized",
            "verified",
            "review",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        header.extend(mapping::sdaps(def).into_iter().map(|r| r.column));
        SdapsFile {
            def: def.clone(),
            header,
            rows: vec![],
        }
    }

    /// A well-filled sheet: first box of choices, 4 on scales, 8 as grade, "nee" to terugvordering.
    /// As in SDAPS, `questionnaire_id` is the sheet's own number, `global_id` the survey's.
    fn good(&self, version: i64, form: &str) -> Vec<String> {
        let mut row = vec![
            form.to_string(),
            version.to_string(),
            "0".into(),
            "1".into(),
            "1".into(),
            "1".into(),
            String::new(),
        ];
        for rule in mapping::sdaps(&self.def) {
            let item = self.def.item(&rule.item).unwrap();
            // Questions that these answers make not applicable are left blank, as a person would.
            let applies = item.show_if.is_none() || item.key == "gebruikte_ondersteuning";
            let v = match (&rule.meaning, &item.kind) {
                (Meaning::Range, _) if !applies => "NA".to_string(),
                (Meaning::Box(_), _) if !applies => "0".into(),
                (_, _) if !applies => String::new(),
                (Meaning::Range, ItemKind::Grade) => "8".to_string(),
                (Meaning::Range, _) => "4".into(),
                (Meaning::Box(code), _) if item.key == "terugvordering" => {
                    if code == "nee" { "1" } else { "0" }.into()
                }
                (Meaning::Box(code), _) if item.key == "kende_ondersteuning" => {
                    if code == "ja" { "1" } else { "0" }.into()
                }
                (Meaning::Box(code), _) => {
                    let first = mapping::range_values(item)[0].clone();
                    if *code == first { "1" } else { "0" }.into()
                }
                (Meaning::Text, _) if item.key == "wat_goed" => {
                    "Vriendelijk geholpen, één keer".into()
                }
                (Meaning::Text, _) => String::new(),
                (Meaning::OtherText, _) => "0".into(),
                (Meaning::Value, _) => String::new(),
            };
            row.push(v);
        }
        row
    }

    fn set(&self, row: &mut [String], column: &str, value: &str) {
        let i = self
            .header
            .iter()
            .position(|h| h == column)
            .unwrap_or_else(|| panic!("no column {column}"));
        row[i] = value.to_string();
    }

    fn column_of(&self, item: &str, meaning: Meaning) -> String {
        mapping::sdaps(&self.def)
            .into_iter()
            .find(|r| r.item == item && r.meaning == meaning)
            .unwrap_or_else(|| panic!("no column for {item}"))
            .column
    }

    /// The file as Dutch Excel writes it: semicolons, Windows-1252, CRLF.
    fn bytes(&self) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(vec![]);
        w.write_record(&self.header).unwrap();
        for r in &self.rows {
            w.write_record(r).unwrap();
        }
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        text.chars()
            .map(|c| match c {
                'é' => 0xE9u8,
                'ë' => 0xEB,
                c if c.is_ascii() => c as u8,
                c => panic!("test text not in Windows-1252: {c}"),
            })
            .collect()
    }
}

fn import_file(
    app: &TestApp,
    w: &Wave,
    def: &Definition,
    bytes: &[u8],
    options: Options,
) -> (Summary, Vec<Finding>) {
    let mut findings = vec![];
    let target = Target {
        wave: w,
        def,
        format: Format::Sdaps,
        mapping: None,
        today: today(),
    };
    let summary = import::import(
        &mut app.conn(),
        &target,
        &mut || Ok(bytes),
        options,
        &mut |f| findings.push(f.clone()),
        &mut |_| {},
    )
    .expect("import runs");
    (summary, findings)
}

both_backends!(
    an_sdaps_file_with_every_defect_is_imported_reported_and_kept_aside,
    |app| {
        let def = standard();
        let w = wave(&app, -5, 30, &["web", "paper-scan"]);
        let v = w.version_id;
        let f = |n: u64| form_number(w.id, n);
        let mut file = SdapsFile::new(&def);
        let laatste = (1..=3).map(|b| format!("1_1_{b}")).collect::<Vec<_>>();
        let bereikbaar = file.column_of("bereikbaar", Meaning::Range);
        let tv_afhandeling = file.column_of("tv_afhandeling", Meaning::Range);
        let wat_goed = file.column_of("wat_goed", Meaning::Text);
        let wat_beter = file.column_of("wat_beter", Meaning::Text);

        file.rows.push(file.good(v, &f(1)));
        let mut r = file.good(v, &f(2));
        file.set(&mut r, "verified", "0");
        file.rows.push(r);
        let mut r = file.good(v, &f(3));
        file.set(&mut r, &laatste[0], "1");
        file.set(&mut r, &laatste[1], "1");
        file.rows.push(r);
        let mut r = file.good(v, &f(4));
        file.set(&mut r, &bereikbaar, "7");
        file.rows.push(r);
        let mut r = file.good(v, &f(5));
        file.set(&mut r, &tv_afhandeling, "2");
        file.set(&mut r, &wat_beter, "1");
        file.rows.push(r);
        let mut r = file.good(v, &f(6));
        file.set(&mut r, "empty", "1");
        file.rows.push(r);
        let mut r = file.good(v, &f(7));
        file.set(&mut r, "valid", "0");
        file.rows.push(r);
        let mut r = file.good(v, &f(8));
        file.set(&mut r, "recognized", "0");
        file.set(&mut r, "review", "koffievlek, antwoord 3 onleesbaar");
        file.rows.push(r);
        file.rows.push(file.good(v + 1000, &f(9)));
        file.rows.push(file.good(v, &f(1)));
        file.rows.push(file.good(v, &form_number(w.id + 1, 1)));
        file.rows.push(file.good(v, ""));
        file.rows.push(file.good(v, ""));
        let mut r = file.good(v, &f(13));
        file.set(&mut r, &wat_goed, &"Te lang. ".repeat(120));
        file.rows.push(r);
        let bytes = file.bytes();

        let (s, findings) = import_file(&app, &w, &def, &bytes, Options::default());
        assert_eq!(
            (s.rows, s.imported, s.quarantined, s.duplicates, s.empty),
            (14, 5, 7, 1, 1),
            "{findings:#?}"
        );
        assert!(s.written);
        let rule_of = |form: &str| -> Vec<Rule> {
            findings
                .iter()
                .filter(|x| x.form == form)
                .map(|x| x.rule)
                .collect()
        };
        assert_eq!(rule_of(&f(1)), [Rule::DuplicateInFile]);
        assert_eq!(rule_of(&f(2)), [Rule::OmrUnverified]);
        assert_eq!(rule_of(&f(3)), [Rule::DoubleMark]);
        assert_eq!(rule_of(&f(4)), [Rule::OutOfRange]);
        assert_eq!(
            rule_of(&f(5)),
            [Rule::TextNotTranscribed, Rule::NotApplicable]
        );
        assert_eq!(rule_of(&f(6)), [Rule::OmrEmpty]);
        assert_eq!(rule_of(&f(7)), [Rule::OmrInvalid]);
        assert_eq!(rule_of(&f(8)), [Rule::OmrUnrecognised, Rule::OmrReview]);
        assert_eq!(rule_of(&f(9)), [Rule::OtherVersion]);
        assert_eq!(rule_of(&form_number(w.id + 1, 1)), [Rule::OtherWave]);
        assert_eq!(rule_of(""), [Rule::NoFormNumber, Rule::NoFormNumber]);
        assert_eq!(rule_of(&f(13)), [Rule::InvalidAnswer]);
        // Every finding names its line and what was done; the line numbers are the file's.
        let double = findings
            .iter()
            .find(|x| x.rule == Rule::DoubleMark)
            .unwrap();
        assert_eq!(double.line, 4);
        assert_eq!(import::action_text(double.action), "antwoord leeg gelaten");
        let too_long = findings
            .iter()
            .find(|x| x.rule == Rule::InvalidAnswer)
            .unwrap();
        assert_eq!(
            import::action_text(too_long.action),
            "formulier apart gezet"
        );

        // What is stored: five answer sets on channel paper-scan, whole where good, with the bad items empty.
        // Stored numbers are random, so the sets are recognised by what they hold.
        let rows: Vec<(String, String)> = responses::table
            .select((responses::channel, responses::answers))
            .load(&mut app.conn())
            .unwrap();
        assert_eq!(rows.len(), 5);
        assert!(rows.iter().all(|(c, _)| c == "paper-scan"));
        let sets: Vec<serde_json::Value> = rows
            .iter()
            .map(|(_, json)| serde_json::from_str(json).unwrap())
            .collect();
        assert!(sets.iter().all(|a| a["cijfer"] == serde_json::json!(8)));
        assert!(
            sets.iter()
                .any(|a| a["wat_goed"] == serde_json::json!("Vriendelijk geholpen, één keer")),
            "Windows-1252 read right"
        );
        assert_eq!(
            sets.iter()
                .filter(|a| a.get("laatste_contact").is_none())
                .count(),
            1,
            "the double mark is left empty, the rest of the sheet is there"
        );
        assert!(
            sets.iter().all(|a| a.get("tv_afhandeling").is_none()),
            "not applicable after 'nee'"
        );
        assert_eq!(app.count("paper_forms"), 5);
        assert_eq!(app.count("paper_quarantine"), 7);
        let kept: String = paper_quarantine::table
            .filter(paper_quarantine::form_id.eq(f(13)))
            .select(paper_quarantine::sheet)
            .first(&mut app.conn())
            .unwrap();
        assert!(
            kept.contains(&"Te lang. ".repeat(120).trim_end().to_string()),
            "the long text is kept whole"
        );

        // The same file again: nothing added.
        let (s, _) = import_file(&app, &w, &def, &bytes, Options::default());
        assert_eq!((s.imported, s.duplicates), (0, 6));
        assert_eq!(app.count("responses"), 5);
        assert_eq!(
            app.count("paper_quarantine"),
            7,
            "quarantined sheets replaced, not doubled"
        );

        // A corrected sheet 7 with an old one: only the gap is filled, and 7 leaves the quarantine.
        let mut fixed = SdapsFile::new(&def);
        fixed.rows.push(fixed.good(v, &f(7)));
        fixed.rows.push(fixed.good(v, &f(1)));
        let (s, _) = import_file(&app, &w, &def, &fixed.bytes(), Options::default());
        assert_eq!((s.imported, s.duplicates), (1, 1));
        assert_eq!(app.count("responses"), 6);
        assert_eq!(app.count("paper_quarantine"), 6);

        // A dry run writes nothing but reports what would happen.
        let mut new = SdapsFile::new(&def);
        new.rows.push(new.good(v, &f(20)));
        let (s, _) = import_file(
            &app,
            &w,
            &def,
            &new.bytes(),
            Options {
                dry_run: true,
                ..Default::default()
            },
        );
        assert_eq!((s.imported, s.written), (1, false));
        assert_eq!(app.count("responses"), 6);
        assert_eq!(app.count("paper_forms"), 6);

        // All or nothing: one bad sheet stops the whole file; a clean file goes in.
        let mut bad = SdapsFile::new(&def);
        bad.rows.push(bad.good(v, &f(21)));
        let mut r = bad.good(v, &f(22));
        bad.set(&mut r, "valid", "0");
        bad.rows.push(r);
        let (s, findings) = import_file(
            &app,
            &w,
            &def,
            &bad.bytes(),
            Options {
                all_or_nothing: true,
                ..Default::default()
            },
        );
        assert_eq!((s.quarantined, s.written), (1, false));
        assert!(findings.iter().any(|x| x.rule == Rule::OmrInvalid));
        assert_eq!(app.count("responses"), 6);
        assert_eq!(app.count("paper_quarantine"), 6);
        let (s, _) = import_file(
            &app,
            &w,
            &def,
            &new.bytes(),
            Options {
                all_or_nothing: true,
                ..Default::default()
            },
        );
        assert_eq!((s.imported, s.written), (1, true));
        assert_eq!(app.count("responses"), 7);
        let forms: Vec<String> = paper_forms::table
            .select(paper_forms::form_id)
            .load(&mut app.conn())
            .unwrap();
        assert!(forms.contains(&f(20)));

        // A wave that takes no paper refuses the file before reading it.
        let web_only = wave(&app, -5, 30, &["web"]);
        let target = Target {
            wave: &web_only,
            def: &def,
            format: Format::Sdaps,
            mapping: None,
            today: today(),
        };
        let refused = import::import(
            &mut app.conn(),
            &target,
            &mut || Ok(&bytes[..]),
            Options::default(),
            &mut |_| {},
            &mut |_| {},
        );
        assert!(matches!(refused, Err(import::ImportError::Channel(id)) if id == web_only.id));
    }
);

#[test]
fn a_killed_import_leaves_whole_batches_and_running_it_again_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("k.db").display());
    let url = klankbord::db::DatabaseUrl::parse(&db).unwrap();
    let pool = klankbord::db::connect_and_migrate(&url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    klankbord::surveys::waves::register_shipped(&mut conn).unwrap();
    let id = klankbord::surveys::builder::WaveBuilder::new()
        .name("Papier")
        .population(100_000)
        .create(&mut conn)
        .unwrap();
    drop(conn);
    // A generic file of 60,000 sheets.
    let total = 60_000u64;
    let path = dir.path().join("stapel.csv");
    {
        let mut w = csv::Writer::from_path(&path).unwrap();
        w.write_record(["form_id", "cijfer", "bereikbaar", "kanaal", "wat_goed"])
            .unwrap();
        for n in 1..=total {
            w.write_record([
                form_number(id, n).as_str(),
                &((n % 10) + 1).to_string(),
                "weet_niet",
                "telefoon|balie",
                "Goed geholpen",
            ])
            .unwrap();
        }
    }
    let import = || {
        let mut c = crate::cli::klankbord();
        c.args([
            "import",
            "paper",
            "--wave",
            &id.to_string(),
            "--format",
            "generic",
        ])
        .arg(&path)
        .env("DATABASE_URL", &db)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
        c
    };
    let mut child = import().spawn().unwrap();
    // Kill it once it has read a third of the file (its progress line says so: one per tenth).
    let mut stderr = child.stderr.take().unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 256];
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let share = |l: &str| -> u32 {
        l.split(']')
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .and_then(|p| p.trim_end_matches('%').parse().ok())
            .unwrap_or(0)
    };
    while !seen.lines().any(|l| share(l) >= 30) && std::time::Instant::now() < deadline {
        use std::io::Read;
        match stderr.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buf[..n])),
            Err(_) => break,
        }
    }
    child.kill().unwrap();
    let _ = child.wait();
    // The progress line: a bar, the share, rows, rate and the time left.
    let line = seen.lines().find(|l| share(l) >= 30).unwrap_or_default();
    assert!(line.starts_with("[#######"), "{seen}");
    assert!(
        line.contains(" rijen ") && line.contains(" per seconde "),
        "{line}"
    );
    assert!(line.contains("nog ongeveer "), "{line}");
    let mut conn = url.connect().unwrap();
    let stored = crate::support::count_rows(&mut conn, "responses");
    let forms = crate::support::count_rows(&mut conn, "paper_forms");
    assert_eq!(
        stored, forms,
        "every stored sheet has its form number and no more"
    );
    assert_eq!(stored % 1000, 0, "only whole batches of 1000 ({stored})");
    assert!((stored as u64) < total, "killed before the end ({stored})");
    // Run again: completes without doubles.
    let out = import().output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("{} ingelezen", total - stored as u64)),
        "{text}"
    );
    assert_eq!(
        crate::support::count_rows(&mut conn, "responses"),
        total as i64
    );
    assert_eq!(
        crate::support::count_rows(&mut conn, "paper_forms"),
        total as i64
    );
    // The report lists every skipped sheet with its line.
    let report = std::fs::read_to_string(dir.path().join("stapel.csv.verslag.csv")).unwrap();
    assert_eq!(report.lines().count() as i64, 1 + stored);
    assert!(report.lines().nth(1).unwrap().contains("already_imported"));
}

/// A multipart body as a browser sends a file-upload form.
/// A multipart form body as a browser sends it: (content type, body).
pub fn multipart(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "----klankbordtestgrens7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    if let Some((file_name, bytes)) = file {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"{file_name}\"\r\nContent-Type: text/csv\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

both_backends!(
    a_clerk_uploads_a_scan_file_and_sees_the_report_and_the_sheets_put_aside,
    |app| {
        use klankbord::accounts::model::Role;
        use klankbord::web::i18n::{t, t_args, Lang};
        let def = standard();
        let w = wave(&app, -5, 30, &["paper-scan"]);
        let v = w.version_id;
        let mut file = SdapsFile::new(&def);
        file.rows.push(file.good(v, &form_number(w.id, 1)));
        let mut r = file.good(v, &form_number(w.id, 2));
        file.set(&mut r, "1_1_1", "1");
        file.set(&mut r, "1_1_2", "1");
        file.rows.push(r);
        let mut r = file.good(v, &form_number(w.id, 3));
        file.set(&mut r, "valid", "0");
        file.rows.push(r);
        let bytes = file.bytes();
        let (clerk, _) = app.logged_in("invoer.papier", &[Role::Invoerder]);
        let page_path = format!("/invoer/rondes/{}/papier", w.id);
        let page = clerk.get(&format!("{page_path}?lang=nl"));
        assert_eq!(page.status, 200);
        // The scanner's CSV file goes to the page itself (the scans to its own address).
        assert_eq!(
            page.attr("form[enctype='multipart/form-data'] input#bestand", "name")
                .as_deref(),
            Some("bestand")
        );
        assert!(page.body.contains(&format!(
            "action=\"{page_path}\" enctype=\"multipart/form-data\""
        )));
        let token = page.csrf();

        // No file chosen: said plainly, nothing stored.
        let (ct, body) = multipart(&[("csrf", &token), ("vorm", "sdaps")], None);
        let r = clerk.post_body(&page_path, &ct, &body);
        assert_eq!(r.status, 422);
        assert!(r.body.contains(&t(Lang::Nl, "paper-upload-error-file")));
        // A wrong token is refused.
        let (ct, body) = multipart(
            &[
                ("csrf", "verkeerdverkeerdverkeerdverkeerd"),
                ("vorm", "sdaps"),
            ],
            Some(("stapel.csv", &bytes)),
        );
        assert_eq!(clerk.post_body(&page_path, &ct, &body).status, 403);
        assert_eq!(app.count("responses"), 0);

        // The file: two sheets in (one with an answer left empty), one put aside.
        let (ct, body) = multipart(
            &[("csrf", &token), ("vorm", "sdaps")],
            Some(("stapel-1.csv", &bytes)),
        );
        let r = clerk.post_body(&page_path, &ct, &body);
        assert_eq!(r.status, 303, "{}", r.body);
        let report_path = r.header("location").unwrap().to_string();
        assert!(report_path.starts_with(&format!("{page_path}/verslag/")));
        assert_eq!(app.count("responses"), 2);
        let report = clerk.get(&format!("{report_path}?lang=nl"));
        assert_eq!(report.status, 200);
        let summary = t_args(
            Lang::Nl,
            "paper-report-summary",
            &[
                ("rows", "3"),
                ("imported", "2"),
                ("quarantined", "1"),
                ("duplicates", "0"),
                ("empty", "0"),
            ],
        );
        assert_eq!(report.texts("p.lead"), [summary]);
        let rows = report.texts("tbody tr");
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(
            rows[0].contains(&form_number(w.id, 2)) && rows[0].contains("antwoord leeg gelaten")
        );
        assert!(
            rows[1].contains(&form_number(w.id, 3)) && rows[1].contains("formulier apart gezet")
        );
        let csv_report = clerk.get(&format!("{report_path}/csv"));
        assert_eq!(csv_report.status, 200);
        assert_eq!(csv_report.body.lines().count(), 3);
        assert!(csv_report.body.starts_with("regel,formulier,kolom"));

        // The sheet put aside is listed with its problem; the report is listed too.
        let page = clerk.get(&format!("{page_path}?lang=nl"));
        let kept = page.texts("tbody tr");
        assert_eq!(kept.len(), 1);
        assert!(kept[0].contains(&form_number(w.id, 3)));
        assert!(page.body.contains("stapel-1.csv"));

        // A check stores nothing and says so; an all-or-nothing refusal says why instead.
        let mut check = SdapsFile::new(&def);
        check.rows.push(check.good(v, &form_number(w.id, 4)));
        let mut r = check.good(v, &form_number(w.id, 5));
        check.set(&mut r, "valid", "0");
        check.rows.push(r);
        let check_bytes = check.bytes();
        for (option, expected, absent) in [
            ("proef", "paper-report-dry-run", "paper-report-refused"),
            ("alles", "paper-report-refused", "paper-report-dry-run"),
        ] {
            let (ct, body) = multipart(
                &[("csrf", &token), ("vorm", "sdaps"), (option, "ja")],
                Some(("stapel-2.csv", &check_bytes)),
            );
            let r = clerk.post_body(&page_path, &ct, &body);
            let page = clerk.get(&format!("{}?lang=nl", r.header("location").unwrap()));
            assert!(page.body.contains(&t(Lang::Nl, expected)), "{option}");
            assert!(!page.body.contains(&t(Lang::Nl, absent)), "{option}");
        }
        assert_eq!(app.count("responses"), 2, "neither stored anything");

        // Another wave's report is not reachable through this wave.
        let other = wave(&app, -5, 30, &["paper-scan"]);
        let report_id = report_path.rsplit('/').next().unwrap();
        assert_eq!(
            clerk
                .get(&format!(
                    "/invoer/rondes/{}/papier/verslag/{report_id}",
                    other.id
                ))
                .status,
            404
        );
    }
);

both_backends!(
    a_clerk_corrects_a_sheet_put_aside_and_removes_another,
    |app| {
        use klankbord::accounts::model::Role;
        use klankbord::db::schema::audit_log;
        use klankbord::web::i18n::{t, Lang};
        let def = standard();
        let w = wave(&app, -5, 30, &["paper-scan"]);
        let v = w.version_id;
        let mut file = SdapsFile::new(&def);
        // Sheet 1: rejected by the scanner, and two boxes marked on the first question.
        let mut r = file.good(v, &form_number(w.id, 1));
        file.set(&mut r, "valid", "0");
        file.set(&mut r, "1_1_1", "1");
        file.set(&mut r, "1_1_2", "1");
        file.rows.push(r);
        // Sheet 2: no form number could be read.
        let mut r = file.good(v, "");
        file.set(&mut r, "questionnaire_id", "");
        file.rows.push(r);
        // Sheet 3: fine.
        file.rows.push(file.good(v, &form_number(w.id, 3)));
        let (s, _) = import_file(&app, &w, &def, &file.bytes(), Options::default());
        assert_eq!((s.imported, s.quarantined), (1, 2));
        let kept: Vec<(i64, String)> = paper_quarantine::table
            .order(paper_quarantine::line)
            .select((paper_quarantine::id, paper_quarantine::form_id))
            .load(&mut app.conn())
            .unwrap();
        let (first, nameless) = (kept[0].0, kept[1].0);
        let doubled = mapping::sdaps(&def)
            .into_iter()
            .find(|r| r.column == "1_1_1")
            .unwrap()
            .item;
        let grade = def
            .items()
            .find(|i| matches!(i.kind, ItemKind::Grade))
            .unwrap()
            .key
            .clone();

        let (clerk, _) = app.logged_in("invoer.verbeteren", &[Role::Invoerder]);
        let list = clerk.get(&format!("/invoer/rondes/{}/papier?lang=nl", w.id));
        let base = format!("/invoer/rondes/{}/papier/apart", w.id);
        assert_eq!(
            list.attr(&format!("a[href='{base}/{first}']"), "href"),
            Some(format!("{base}/{first}"))
        );
        assert!(list.body.contains(&format!("{base}/{nameless}")));

        // The page says why, in the clerk's language, and offers what the scanner read well.
        let path = format!("{base}/{first}");
        let page = clerk.get(&format!("{path}?lang=en"));
        assert_eq!(page.status, 200);
        let problems = page.texts("main ul li").join("\n");
        assert!(
            problems.contains(&t(Lang::En, "paper-rule-omr-invalid")),
            "{problems}"
        );
        assert!(
            problems.contains(&t(Lang::En, "paper-rule-invalid-answer"))
                || problems.contains(&t(Lang::En, "paper-rule-double-mark")),
            "{problems}"
        );
        assert!(page
            .body
            .contains("<span lang=\"nl\">de scanner keurde het formulier af</span>"));
        let page = clerk.get(&format!("{path}?lang=nl"));
        let values = page.form_values("form.entry-form");
        let value = |k: &str| {
            values
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        assert_eq!(value("blad-formulier"), form_number(w.id, 1));
        assert_eq!(value(&grade), "8", "the grade the scanner read");
        assert_eq!(value(&doubled), "", "the doubled question is for the clerk");

        // A typing error is refused with the message; the sheet stays aside.
        let with = |doubled_value: &str| -> Vec<(String, String)> {
            values
                .iter()
                .map(|(k, v)| {
                    let v = if *k == doubled {
                        doubled_value.to_string()
                    } else {
                        v.clone()
                    };
                    (k.clone(), v)
                })
                .collect()
        };
        let post = |fields: &[(String, String)]| {
            let f: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            clerk.post_raw(&format!("{path}?lang=nl"), &f)
        };
        let r = post(&with("9"));
        assert_eq!(r.status, 422);
        assert!(r.body.contains("aria-invalid=\"true\""));
        assert_eq!(app.count("responses"), 1);
        assert_eq!(app.count("paper_quarantine"), 2);
        // Filled in from the paper: imported as a paper answer, the form number marked as read.
        let before: Vec<i64> = responses::table
            .select(responses::id)
            .load(&mut app.conn())
            .unwrap();
        let r = post(&with("1"));
        assert_eq!(r.status, 303, "{}", r.body);
        assert_eq!(
            r.header("location"),
            Some(
                format!(
                    "/invoer/rondes/{}/papier?melding=paper-notice-corrected",
                    w.id
                )
                .as_str()
            )
        );
        assert_eq!(app.count("responses"), 2);
        assert_eq!(app.count("paper_quarantine"), 1);
        // The new answer set (numbers are random, so it is found by being new, not by being last).
        let stored: Vec<(String, String)> = responses::table
            .filter(responses::id.ne_all(&before))
            .select((responses::channel, responses::answers))
            .load(&mut app.conn())
            .unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].0, "paper-scan");
        let answers: serde_json::Value = serde_json::from_str(&stored[0].1).unwrap();
        let first_option = mapping::range_values(def.item(&doubled).unwrap())[0].clone();
        assert_eq!(answers[&doubled], serde_json::Value::String(first_option));
        assert_eq!(answers[&grade], serde_json::json!(8));
        assert!(
            paper_forms::table
                .filter(paper_forms::form_id.eq(form_number(w.id, 1)))
                .count()
                .get_result::<i64>(&mut app.conn())
                .unwrap()
                == 1
        );
        let notice = clerk.get(r.header("location").unwrap());
        assert_eq!(
            notice.texts("div.notice p"),
            [t(Lang::Nl, "paper-notice-corrected")]
        );
        // It is gone from the list.
        assert_eq!(clerk.get(&path).status, 404);

        // The sheet without a number needs one, of this wave, not yet read.
        let path = format!("{base}/{nameless}");
        let page = clerk.get(&format!("{path}?lang=nl"));
        assert_eq!(page.status, 200);
        let values = page.form_values("form.entry-form");
        let with_form = |form: &str| -> Vec<(String, String)> {
            values
                .iter()
                .map(|(k, v)| {
                    let v = if k == "blad-formulier" {
                        form.to_string()
                    } else {
                        v.clone()
                    };
                    (k.clone(), v)
                })
                .collect()
        };
        let post = |fields: &[(String, String)]| {
            let f: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            clerk.post_raw(&format!("{path}?lang=nl"), &f)
        };
        let r = post(&with_form(""));
        assert_eq!(r.status, 422);
        assert!(r
            .body
            .contains(&t(Lang::Nl, "paper-correct-error-form-empty")));
        let r = post(&with_form(&form_number(w.id + 50, 2)));
        assert_eq!(r.status, 422);
        assert!(r.body.contains(&format!("R{}-", w.id)));
        let r = post(&with_form(&form_number(w.id, 1).to_lowercase()));
        assert_eq!(r.status, 409, "already read");
        assert!(r
            .body
            .contains(&t(Lang::Nl, "paper-correct-error-imported")));
        assert_eq!(app.count("responses"), 2);
        assert_eq!(app.count("paper_quarantine"), 1, "still kept");

        // Removed on purpose: nothing stored, and the log says who did it.
        let r = clerk.submit(&path, &format!("{path}/weg"), &[]);
        assert_eq!(r.status, 303);
        assert_eq!(app.count("paper_quarantine"), 0);
        assert_eq!(app.count("responses"), 2);
        let logged: Vec<String> = audit_log::table
            .filter(audit_log::action.like("paper.%"))
            .order(audit_log::id)
            .select(audit_log::action)
            .load(&mut app.conn())
            .unwrap();
        assert_eq!(logged, ["paper.sheet_corrected", "paper.sheet_discarded"]);
        assert_eq!(clerk.get(&path).status, 404);

        // Another wave's sheet cannot be reached through this wave.
        let other = wave(&app, -5, 30, &["paper-scan"]);
        let mut f2 = SdapsFile::new(&def);
        let mut r = f2.good(v, &form_number(other.id, 1));
        f2.set(&mut r, "valid", "0");
        f2.rows.push(r);
        import_file(&app, &other, &def, &f2.bytes(), Options::default());
        let theirs: i64 = paper_quarantine::table
            .select(paper_quarantine::id)
            .get_result(&mut app.conn())
            .unwrap();
        assert_eq!(clerk.get(&format!("{base}/{theirs}")).status, 404);
    }
);

/// A large upload shows its progress while it runs (here held up by a write transaction the test
/// keeps open), then leads to its report.
#[test]
fn a_large_upload_shows_its_progress_and_then_its_report() {
    use klankbord::accounts::model::Role;
    use klankbord::web::i18n::{t, Lang};
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("k.db").display());
    let app = TestApp::spawn_with(
        crate::support::Backend::Sqlite,
        url,
        dir,
        &[("KLANKBORD_UPLOAD_WAIT_MS", "0")],
    );
    let def = standard();
    let w = wave(&app, -5, 30, &["paper-scan"]);
    let mut file = SdapsFile::new(&def);
    for n in 1..=3000 {
        file.rows
            .push(file.good(w.version_id, &form_number(w.id, n)));
    }
    let bytes = file.bytes();
    let (clerk, _) = app.logged_in("invoer.groot", &[Role::Invoerder]);
    let page_path = format!("/invoer/rondes/{}/papier", w.id);
    let token = clerk.get(&page_path).csrf();
    let (ct, body) = multipart(
        &[("csrf", &token), ("vorm", "sdaps")],
        Some(("groot.csv", &bytes)),
    );
    let mut conn = app.conn();
    let progress_path = klankbord::db::write_tx(&mut conn, |_| {
        let r = clerk.post_body(&page_path, &ct, &body);
        assert_eq!(r.status, 303);
        let at = r.header("location").unwrap().to_string();
        assert!(at.starts_with(&format!("{page_path}/bezig/")), "{at}");
        let page = clerk.get(&format!("{at}?lang=nl"));
        assert_eq!(page.status, 200, "still running: the test holds the writer");
        assert_eq!(
            page.attr("progress#voortgang", "max").as_deref(),
            Some("100")
        );
        assert_eq!(
            page.attr("a.tap[href^='/invoer']", "href"),
            Some(at.clone())
        );
        assert_eq!(
            page.attr("script[src='/static/voortgang.js']", "defer")
                .as_deref(),
            Some("")
        );
        let status: serde_json::Value =
            serde_json::from_str(&clerk.get(&format!("{at}/stand?lang=nl")).body).unwrap();
        assert_eq!(status["klaar"], false);
        assert!(status["procent"].as_u64().unwrap() <= 100);
        assert!(status["tekst"].as_str().unwrap().contains("rijen gelezen"));
        Ok::<String, diesel::result::Error>(at)
    })
    .unwrap();
    drop(conn);
    // Released: it runs to the end; the share read only grows.
    let started = std::time::Instant::now();
    let mut last = 0;
    loop {
        let status: serde_json::Value =
            serde_json::from_str(&clerk.get(&format!("{progress_path}/stand")).body).unwrap();
        if status["klaar"] == true {
            assert_eq!(
                status["naar"],
                serde_json::Value::String(progress_path.clone())
            );
            break;
        }
        let p = status["procent"].as_u64().unwrap();
        assert!(p >= last, "{p} after {last}");
        last = p;
        assert!(started.elapsed().as_secs() < 120, "import did not finish");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let r = clerk.get(&progress_path);
    assert_eq!(r.status, 303);
    let report = clerk.get(&format!("{}?lang=nl", r.header("location").unwrap()));
    assert!(report.texts("p.lead")[0].starts_with("3000 rijen: 3000 ingelezen"));
    assert_eq!(app.count("responses"), 3000);
    // Seen once; afterwards the page explains where the report is.
    let gone = clerk.get(&format!("{progress_path}?lang=nl"));
    assert_eq!(gone.status, 404);
    assert!(gone.body.contains(&t(Lang::Nl, "paper-progress-gone")));
    assert!(clerk.get(&format!("{page_path}/bezig/verzonnen")).status == 404);
}

/// Uploads `bytes` as the clerk and waits for the import; returns the report's path.
pub(crate) fn upload_and_wait(
    clerk: &crate::support::Client,
    wave_id: i64,
    format: &str,
    name: &str,
    bytes: &[u8],
) -> String {
    let page_path = format!("/invoer/rondes/{wave_id}/papier");
    let token = clerk.get(&page_path).csrf();
    let (ct, body) = multipart(&[("csrf", &token), ("vorm", format)], Some((name, bytes)));
    let r = clerk.post_body(&page_path, &ct, &body);
    assert_eq!(r.status, 303, "{}", r.body);
    let mut at = r.header("location").unwrap().to_string();
    let started = std::time::Instant::now();
    while at.contains("/bezig/") {
        assert!(started.elapsed().as_secs() < 120, "import did not finish");
        std::thread::sleep(std::time::Duration::from_millis(100));
        let r = clerk.get(&at);
        if r.status == 303 {
            at = r.header("location").unwrap().to_string();
        }
    }
    assert!(at.contains("/verslag/"), "{at}");
    at
}

both_backends!(
    a_line_too_long_is_reported_and_the_paper_page_stays_small,
    |app| {
        use klankbord::accounts::model::Role;
        use klankbord::web::i18n::{t, t_args, Lang};
        let def = standard();
        let w = wave(&app, -5, 30, &["paper-scan"]);
        let v = w.version_id;
        let mut file = SdapsFile::new(&def);
        let wat_goed = file.column_of("wat_goed", Meaning::Text);
        file.rows.push(file.good(v, &form_number(w.id, 1)));
        // Line 3: 8 MB of text, far more than any sheet of this questionnaire can hold.
        let mut r = file.good(v, &form_number(w.id, 2));
        file.set(&mut r, &wat_goed, &"x".repeat(8 << 20));
        file.rows.push(r);
        // Line 4: a text too long for its question but a possible line: kept aside whole.
        let mut r = file.good(v, &form_number(w.id, 3));
        file.set(&mut r, &wat_goed, &"lang ".repeat(6000));
        file.rows.push(r);
        // 120 sheets the scanner rejected: more than one page of sheets put aside.
        for n in 4..=123 {
            let mut r = file.good(v, &form_number(w.id, n));
            file.set(&mut r, "valid", "0");
            file.rows.push(r);
        }
        file.rows.push(file.good(v, &form_number(w.id, 124)));
        let bytes = file.bytes();
        assert!(bytes.len() > 8 << 20);
        let (clerk, _) = app.logged_in("invoer.lang", &[Role::Invoerder]);
        let report_path = upload_and_wait(&clerk, w.id, "sdaps", "lang.csv", &bytes);

        // Nothing else in the file is lost: two sheets in, 121 put aside, one line skipped.
        assert_eq!(app.count("responses"), 2);
        assert_eq!(app.count("paper_quarantine"), 121);
        let report = clerk.get(&format!("{report_path}?lang=nl"));
        assert_eq!(report.status, 200);
        assert!(
            report.body.len() < 400_000,
            "report page of {} bytes",
            report.body.len()
        );
        assert!(report.body.contains(&klankbord::web::i18n::t_count(
            Lang::Nl,
            "paper-report-too-long",
            1
        )));
        let rows = report.texts("tbody tr");
        let long = rows
            .iter()
            .find(|r| r.contains(&t(Lang::Nl, "paper-rule-line-too-long")))
            .unwrap_or_else(|| panic!("{rows:?}"));
        assert!(long.starts_with('3'), "names line 3: {long}");
        assert!(long.contains(&form_number(w.id, 2)), "{long}");
        assert!(long.contains("overgeslagen (te lang)"), "{long}");
        // The download says the same, in plain Dutch.
        let csv_report = clerk.get(&format!("{report_path}/csv"));
        let line = csv_report
            .body
            .lines()
            .find(|l| l.contains("line_too_long"))
            .unwrap();
        assert!(line.starts_with("3,"), "{line}");
        assert!(line.contains("regel 3 is te lang") && line.ends_with(",overgeslagen (te lang)"));
        assert!(
            csv_report.body.len() < 200_000,
            "{} bytes",
            csv_report.body.len()
        );
        // The too-long text of line 4 is shortened in the report and says its length.
        assert!(
            csv_report.body.contains("(ingekort, 29.999 tekens)"),
            "trimmed: 29,999"
        );

        // The paper page: 50 sheets a page, long texts shortened, small whatever the file held.
        let page_path = format!("/invoer/rondes/{}/papier", w.id);
        let page = clerk.get(&format!("{page_path}?lang=nl"));
        assert_eq!(page.status, 200);
        assert!(
            page.body.len() < 200_000,
            "paper page of {} bytes",
            page.body.len()
        );
        assert_eq!(page.texts("tbody tr").len(), 50);
        assert!(page.texts("h2").contains(&t_args(
            Lang::Nl,
            "paper-quarantine-title",
            &[("n", "121")]
        )));
        let next = page
            .attr("nav.pager a[rel='next']", "href")
            .expect("a link to the next page");
        let last = clerk.get(&format!("{page_path}?pagina=3&lang=nl"));
        assert_eq!(last.texts("tbody tr").len(), 21);
        assert!(next.contains("pagina=2"));
        let second = clerk.get(&next);
        assert_eq!(second.texts("tbody tr").len(), 50);
        // Every sheet put aside is on exactly one page.
        let mut seen: Vec<String> = [&page, &second, &last]
            .iter()
            .flat_map(|p| p.texts("tbody tr td:first-child"))
            .collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 121);
        // The sheet with the long text: its own page shows the start of the text, not all of it.
        let id: i64 = paper_quarantine::table
            .filter(paper_quarantine::form_id.eq(form_number(w.id, 3)))
            .select(paper_quarantine::id)
            .get_result(&mut app.conn())
            .unwrap();
        let sheet = clerk.get(&format!("{page_path}/apart/{id}?lang=nl"));
        assert_eq!(sheet.status, 200);
        assert!(
            sheet.body.len() < 100_000,
            "sheet page of {} bytes",
            sheet.body.len()
        );
        // (What the scanner read, untrimmed: 30,000 characters.)
        assert!(
            sheet
                .body
                .contains(&t_args(Lang::Nl, "text-shortened", &[("n", "30.000")])),
            "{}",
            sheet.body
        );
    }
);
