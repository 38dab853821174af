//! The council report read as a council member would, on both databases (issue 16): every
//! headline figure true against the complaints' deadline list and the wave page; the open data
//! CSV, its JSON and the page carrying the same figures with the same suppression; a short
//! summary in plain words without codes or jargon; a period chooser that offers only periods with
//! data; and, in Chromium, a page that fits a phone (390 px) and passes axe.

use klankbord::complaints::terms::Channel;
use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::db::schema::{complaint_followups, complaint_progress, complaints};
use klankbord::monitor::labels::{JARGON, RAW_CODES};
use klankbord::surveys::respond::{self, Meta};

use crate::both_backends;
use crate::support::{Client, TestApp};

/// Sets a complaint's state, deadline and decision day.
fn set_case(app: &TestApp, id: i64, state: &str, deadline: NaiveDate, decided: Option<NaiveDate>) {
    let mut conn = app.conn();
    diesel::update(complaints::table.find(id))
        .set((
            complaints::state.eq(state),
            complaints::deadline_on.eq(deadline),
        ))
        .execute(&mut conn)
        .unwrap();
    diesel::update(complaint_progress::table.find(id))
        .set(complaint_progress::decided_on.eq(decided))
        .execute(&mut conn)
        .unwrap();
}

/// The fixture: in the last quarter that has ended, a wave with 640 invited out of 1200 and 40
/// answers (6.25% response), and 23 complaints: 6 decided in time, 5 decided late, 8 still open
/// past their deadline, 4 open within it. Returns (period label, wave id, quarter's first day).
fn fixture(app: &TestApp) -> (String, i64, NaiveDate) {
    let today = klankbord::fmt::today();
    let (year, quarter, from, _) = crate::disclosure::last_ended_quarter(today);
    let start = (from - today).num_days();
    let w = crate::surveys::wave(app, start, start + 20, &["web"]);
    crate::surveys::make_codes(app, w.id, 640);
    let mut conn = app.conn();
    let meta = Meta {
        channel: klankbord::surveys::channel::Channel::Web,
        helper: None,
        language: klankbord::web::i18n::Lang::Nl,
    };
    for i in 0..40 {
        // 10 who had to pay money back: negative on the treatment; 30 positive.
        let back = i < 10;
        let json = format!(
            r#"{{"cp_luistert":{},"cp_vriendelijk":{},"brief_toon":4,"bereikbaar":4,"cp_behulpzaam":{},"cijfer":7,"terugvordering":"{}"}}"#,
            if back { 2 } else { 5 },
            if back { 1 } else { 4 },
            if i % 3 == 0 { 2 } else { 4 },
            if back { "ja" } else { "nee" },
        );
        respond::insert_json(&mut conn, &w, &json, &meta, w.opens_on).unwrap();
    }
    drop(conn);
    let day = from + Duration::days(1);
    let deadline = day + Duration::weeks(6);
    let mut i = 0;
    let mut next = |channel: Channel| {
        i += 1;
        crate::disclosure::complaint(app, day, channel, i)
    };
    for _ in 0..6 {
        let id = next(Channel::Web);
        set_case(
            app,
            id,
            "besloten",
            deadline,
            Some(day + Duration::days(20)),
        );
    }
    let mut late = vec![];
    for _ in 0..5 {
        let id = next(Channel::Letter);
        set_case(
            app,
            id,
            "besloten",
            deadline,
            Some(deadline + Duration::days(9)),
        );
        late.push(id);
    }
    for _ in 0..8 {
        let id = next(Channel::Web);
        set_case(app, id, "bemiddeling", today - Duration::days(10), None);
    }
    for _ in 0..4 {
        let id = next(Channel::Web);
        set_case(app, id, "ontvangen", today + Duration::days(10), None);
    }
    // Two follow-up actions of a decided complaint: one done in time, one past its day.
    let mut conn = app.conn();
    for (what, due, done) in [
        (
            "Brieven herschrijven",
            day + Duration::days(30),
            Some(day + Duration::days(25)),
        ),
        ("Training voor het team", today - Duration::days(3), None),
    ] {
        diesel::insert_into(complaint_followups::table)
            .values((
                complaint_followups::complaint_id.eq(late[0]),
                complaint_followups::description.eq(what),
                complaint_followups::owner.eq("Teamleider"),
                complaint_followups::due_on.eq(due),
                complaint_followups::done_on.eq(done),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    (format!("{year}-Q{quarter}"), w.id, from)
}

/// A figure of the open data: (part, figure, group) → (value, n, shown).
type Figures = BTreeMap<(String, String, String), (String, String, String)>;

fn csv_figures(client: &Client, period: &str) -> Figures {
    let csv = client.get(&format!("/rapportage/open-data.csv?periode={period}"));
    assert_eq!(csv.status, 200, "{}", csv.body);
    csv::Reader::from_reader(csv.body.as_bytes())
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                (r[1].to_string(), r[2].to_string(), r[3].to_string()),
                (r[4].to_string(), r[5].to_string(), r[6].to_string()),
            )
        })
        .collect()
}

fn json_figures(client: &Client, period: &str) -> Figures {
    let json: serde_json::Value = serde_json::from_str(
        &client
            .get(&format!("/rapportage/open-data.json?periode={period}"))
            .body,
    )
    .unwrap();
    json["cijfers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (
                (s("onderdeel"), s("cijfer"), s("groep")),
                (
                    f["waarde"]
                        .as_f64()
                        .map(|v| format!("{v:.1}"))
                        .unwrap_or_default(),
                    f["n"].as_u64().map(|n| n.to_string()).unwrap_or_default(),
                    s("getoond"),
                ),
            )
        })
        .collect()
}

/// What the page shows for a figure of the open data: "–" when hidden, otherwise a number whose
/// whole part is within half a point of the open data's value, and "*" when indicative.
fn page_matches(page: &str, (value, n, shown): &(String, String, String), unit: &str) -> bool {
    if shown == "verborgen" {
        return page == "–";
    }
    let indicative = shown == "indicatief" && n.parse::<u64>().is_ok_and(|n| n > 0);
    let Some(number) = page
        .strip_suffix('*')
        .filter(|_| indicative)
        .or(Some(page).filter(|_| !indicative))
        .and_then(|p| p.strip_suffix(unit))
    else {
        return false;
    };
    let (Ok(p), Ok(v)) = (number.parse::<f64>(), value.parse::<f64>()) else {
        return false;
    };
    (p - v).abs() <= 0.5 + 1e-9
}

/// The cells of the rows of the first table in `section` whose caption starts with `caption`.
fn table(page: &crate::support::Resp, section: &str, caption: &str) -> Vec<Vec<String>> {
    let doc = scraper::Html::parse_document(&page.body);
    let tables = scraper::Selector::parse(&format!("#{section} table")).unwrap();
    let cap = scraper::Selector::parse("caption").unwrap();
    let tr = scraper::Selector::parse("tbody tr").unwrap();
    let td = scraper::Selector::parse("td").unwrap();
    let t = doc
        .select(&tables)
        .find(|t| {
            t.select(&cap)
                .next()
                .is_some_and(|c| c.text().collect::<String>().starts_with(caption))
        })
        .unwrap_or_else(|| panic!("no table {caption} in #{section}"));
    t.select(&tr)
        .map(|r| {
            r.select(&td)
                .map(|c| {
                    // The cell's figure without its second line.
                    c.text().next().unwrap_or_default().trim().to_string()
                        + if c.text().any(|x| x == "*") { "*" } else { "" }
                })
                .collect()
        })
        .collect()
}

/// Sentences of a text (a stop followed by a space and a capital).
fn sentences(text: &str) -> Vec<String> {
    let mut out = vec![];
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        current.push(*c);
        let next_upper = chars
            .get(i + 2)
            .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit());
        if matches!(c, '.' | '!' | '?') && chars.get(i + 1) == Some(&' ') && next_upper {
            out.push(current.trim().to_string());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// No raw code, no jargon, no word with an underscore.
fn plain_words(what: &str, text: &str) {
    let lower = text.to_lowercase();
    for j in JARGON {
        assert!(!lower.contains(j), "{what}: jargon '{j}' in {text}");
    }
    for c in RAW_CODES {
        assert!(!text.contains(c), "{what}: code '{c}' in {text}");
    }
    for w in text.split_whitespace() {
        assert!(!w.contains('_'), "{what}: code '{w}' in {text}");
    }
}

both_backends!(
    headline_figures_are_true_and_the_open_data_carries_what_the_page_shows,
    |app| {
        let (period, wave_id, _) = fixture(&app);
        let (council, _) = app.logged_in("waar.raadslid", &[Role::Raadslid]);
        let page = council.get(&format!("/rapportage?periode={period}&lang=nl"));
        assert_eq!(page.status, 200, "{}", page.body);
        let text = page.texts("article.report").join(" ");

        // Response: of the people invited, as the wave page has it (6.25% → 6,3%).
        let (researcher, _) = app.logged_in("waar.onderzoeker", &[Role::Onderzoeker]);
        let wave_page = researcher.get(&format!("/onderzoek/rondes/{wave_id}?lang=nl"));
        assert!(wave_page.body.contains("6,3%"), "{}", wave_page.body);
        assert!(
            text.contains(
                "40 ingevulde vragenlijsten van 640 uitgenodigde mensen. De respons is 6%."
            ) && text.contains("De doelgroep is 1200 mensen"),
            "{text}"
        );
        let summary = page.texts("#samenvatting li");
        assert!(
            summary.contains(
                &"Van de 640 mensen met een uitnodiging vulden er 40 de vragenlijst in: 6%."
                    .to_string()
            ),
            "{summary:?}"
        );

        // Deadlines: in time, late, and open past the deadline, as the deadline list counts.
        let (coordinator, _) = app.logged_in("waar.coordinator", &[Role::Klachtcoordinator]);
        let list = coordinator.get("/klachten/termijnen?lang=nl");
        assert_eq!(list.status, 200);
        let headings = list.texts("h2").join(" | ");
        assert!(headings.contains('8'), "{headings}");
        assert!(
            summary.contains(&"Van de 19 klachten met een besluit of een verlopen termijn: 6 op tijd beslist, 5 te laat beslist, 8 nog open.".to_string()),
            "{summary:?}"
        );
        let deadlines = table(&page, "klachten", "Termijnen");
        assert_eq!(
            deadlines,
            [
                vec!["Op tijd beslist", "6*", "32%*"],
                vec!["Te laat beslist", "5*", "26%*"],
                vec!["Nog open na de termijn", "8*", "42%*"],
                vec!["Samen", "19*", "100%"],
            ]
        );
        assert!(!text.contains("100% van de beslissingen"), "{text}");

        // The summary: at most eight sentences of at most 25 words, plain words only.
        assert!(summary.len() <= 8, "{summary:?}");
        for s in &summary {
            assert_eq!(sentences(s).len(), 1, "one sentence: {s}");
            assert!(s.split_whitespace().count() <= 25, "too long: {s}");
            plain_words("summary", s);
        }
        // The group that differs is named as people would, once.
        let groups = page.texts("#groepen li");
        assert_eq!(groups.len(), 1, "{groups:?}");
        assert!(
            groups[0].starts_with("Mensen die geld moesten terugbetalen zijn minder vaak positief over de bejegening dan de anderen"),
            "{groups:?}"
        );
        for s in groups.iter().chain(page.texts("#methode li").iter()) {
            for sentence in sentences(s) {
                assert!(
                    sentence.split_whitespace().count() <= 25,
                    "too long: {sentence}"
                );
            }
        }
        // No codes and no jargon anywhere in the report; the method section has a glossary.
        plain_words("report", &text);
        assert!(table(&page, "methode", "Begrippen").len() >= 8);
        // Follow-ups in numbers (agreed, done, late), the late one marked; what an action is and
        // who does it stays with the complaint.
        let followups = table(&page, "opvolging", "Acties");
        let counts: Vec<String> = followups
            .iter()
            .map(|r| r.last().cloned().unwrap_or_default())
            .collect();
        assert_eq!(counts, ["2", "1", "1"], "{followups:?}");
        assert_eq!(page.texts("#opvolging strong.late").len(), 1);
        assert!(!page.body.contains("Training voor het team") && !page.body.contains("Teamleider"));
        // An action agreed today on a complaint of the running quarter changes no published
        // figure (outside test F3: it showed up at once, with its text).
        let today = klankbord::fmt::today();
        let year = period[..4].to_string();
        let year_before = csv_figures(&council, &year);
        let current = crate::disclosure::complaint(&app, today, Channel::Web, 900);
        set_case(
            &app,
            current,
            "besloten",
            today + Duration::weeks(6),
            Some(today),
        );
        diesel::insert_into(complaint_followups::table)
            .values((
                complaint_followups::complaint_id.eq(current),
                complaint_followups::description.eq("Terugbellen mevrouw Visser"),
                complaint_followups::owner.eq("Anna de Vries"),
                complaint_followups::due_on.eq(today + Duration::days(7)),
            ))
            .execute(&mut app.conn())
            .unwrap();
        let again = council.get(&format!("/rapportage?periode={period}&lang=nl"));
        assert_eq!(table(&again, "opvolging", "Acties"), followups);
        let acties = |f: &Figures| {
            f.get(&("opvolging".into(), "acties".into(), "".into()))
                .cloned()
        };
        assert_eq!(acties(&csv_figures(&council, &year)), acties(&year_before));
        for p in [period.as_str(), year.as_str()] {
            let csv = council.get(&format!("/rapportage/open-data.csv?periode={p}"));
            assert!(!csv.body.contains("Visser") && !csv.body.contains("Anna de Vries"));
        }

        // The CSV and the JSON carry the same figures, with the same suppression.
        let csv = csv_figures(&council, &period);
        let json = json_figures(&council, &period);
        assert_eq!(csv, json);
        let fig = |part: &str, figure: &str, group: &str| {
            csv.get(&(part.into(), figure.into(), group.into()))
                .unwrap_or_else(|| panic!("{part} {figure} {group} not in the open data"))
                .clone()
        };
        // Every headline figure is in them, rounded half away from zero.
        assert_eq!(fig("vragenlijst", "respons", "").0, "6.3");
        assert_eq!(fig("vragenlijst", "uitgenodigd", "").0, "640.0");
        assert_eq!(fig("vragenlijst", "doelgroep", "").0, "1200.0");
        assert_eq!(fig("vragenlijst", "foutmarge", "").0, "15.2");
        assert_eq!(fig("klachten", "termijn_samen", "").0, "19.0");
        assert_eq!(fig("klachten", "aantal_open_na_termijn", "").0, "8.0");
        assert!(csv.contains_key(&(
            "vragenlijst".into(),
            "marge_laag".into(),
            "cp_luistert".into()
        )));
        assert!(csv.contains_key(&(
            "vragenlijst".into(),
            "kleinste_n_onderwerp".into(),
            "bejegening".into()
        )));
        // And the page shows each of them as the open data has it.
        for row in table(&page, "dimensies", "Positief per onderwerp") {
            let code = match row[0].as_str() {
                "Bereikbaarheid" => "bereikbaarheid",
                "Bejegening" => "bejegening",
                "Tevredenheid over de dienstverlening" => "dienstverlening",
                _ => "effectiviteit",
            };
            let f = fig("vragenlijst", "positief_onderwerp", code);
            assert!(page_matches(&row[1], &f, "%"), "{row:?} against {f:?}");
            assert!(
                page_matches(&row[2], &(f.1.clone(), f.1.clone(), f.2.clone()), ""),
                "{row:?} against {f:?}"
            );
        }
        let funnel = table(&page, "klachten", "Van binnenkomst");
        for (row, code) in funnel.iter().zip([
            "ontvangen",
            "bemiddeld",
            "informeel_opgelost",
            "ingetrokken",
            "gehoord",
            "besloten",
            "opgevolgd",
            "ombudsman",
        ]) {
            let f = fig("klachten", "trechter", code);
            assert!(page_matches(&row[1], &f, ""), "{row:?} against {f:?}");
        }
        for row in table(&page, "klachten", "Klachten per kanaal") {
            let f = csv
                .iter()
                .find(|((p, c, _), _)| p == "klachten" && c == "kanaal")
                .map(|_| ())
                .and_then(|_| {
                    ["web", "brief", "email"].into_iter().find_map(|code| {
                        (klankbord::monitor::labels::channel_name(code) == row[0])
                            .then(|| fig("klachten", "kanaal", code))
                    })
                })
                .unwrap_or_else(|| panic!("channel {row:?} not in the open data"));
            assert!(page_matches(&row[1], &f, ""), "{row:?} against {f:?}");
        }
        for (row, figure) in deadlines
            .iter()
            .zip(["binnen_termijn", "te_laat", "open_na_termijn"])
        {
            let f = fig("klachten", figure, "");
            assert!(page_matches(&row[2], &f, "%"), "{row:?} against {f:?}");
        }
        // Hidden in one, hidden in all: nothing under 5 is published anywhere.
        for ((p, f, g), (v, n, shown)) in &csv {
            if shown == "verborgen" {
                assert!(v.is_empty() && n.is_empty(), "{p} {f} {g}");
            } else if let Ok(n) = n.parse::<u64>() {
                assert!(n == 0 || n >= 5, "{p} {f} {g}: {n}");
            }
        }
        // Every figure is explained in the codebook.
        let book = council.get("/rapportage/open-data-codeboek.csv");
        let explained: Vec<String> = csv::Reader::from_reader(book.body.as_bytes())
            .records()
            .map(|r| r.unwrap()[1].to_string())
            .collect();
        for (_, f, _) in csv.keys() {
            assert!(explained.contains(f), "{f} not in the codebook");
        }

        // The PDF says the same, read with poppler.
        let pdf = council.get_bytes(&format!("/rapportage/rapport.pdf?periode={period}"));
        assert_eq!(pdf.0, 200);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("r.pdf");
        std::fs::write(&file, &pdf.2).unwrap();
        if let Some(pdf) = crate::support::pdf::read("council_report", &file) {
            let flat = pdf.text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                flat.contains("6 op tijd beslist, 5 te laat beslist, 8 nog open"),
                "{flat}"
            );
            assert!(flat.contains("Begrippen"), "{flat}");
        }
    }
);

both_backends!(
    a_complaint_registered_after_its_quarter_changes_no_published_figure,
    |app| {
        // Outside test F4: a letter received in a quarter that has ended, registered today, went
        // into that quarter and the year, and the difference between two downloads gave a hidden
        // small cell. It counts in the quarter it was registered in instead.
        let (period, _, from) = fixture(&app);
        let year = period[..4].to_string();
        let (council, _) = app.logged_in("laat.raadslid", &[Role::Raadslid]);
        let before = (csv_figures(&council, &period), csv_figures(&council, &year));
        let config = klankbord::config::Config::from_sources(None, &[]).unwrap();
        let setup = klankbord::complaints::Setup::new(std::sync::Arc::new(config)).unwrap();
        let today = klankbord::fmt::today();
        klankbord::complaints::builder::ComplaintBuilder::new()
            .received_on(from + Duration::days(14))
            .registered_on(today)
            .channel(Channel::Alderman)
            .via("Wethouder Jansen", None)
            .register(&mut app.conn(), &setup.env(), None)
            .unwrap();
        let after = (csv_figures(&council, &period), csv_figures(&council, &year));
        assert_eq!(after.0, before.0, "the quarter is as it was");
        assert_eq!(after.1, before.1, "the year is as it was");
    }
);

both_backends!(the_period_chooser_offers_only_periods_with_data, |app| {
    let today = klankbord::fmt::today();
    let (council, _) = app.logged_in("kies.raadslid", &[Role::Raadslid]);
    // Nothing yet: the free field stays, and any period says it has no figures.
    let empty = council.get("/rapportage?lang=nl");
    assert_eq!(empty.status, 200);
    let (period, _, from) = fixture(&app);
    let page = council.get("/rapportage?lang=nl");
    assert_eq!(page.status, 200);
    let options = page.texts("select#periode option");
    let year = from.year().to_string();
    let year_complete = today.year() > from.year();
    let mut expected = vec![
        format!("{year}{}", if year_complete { "" } else { " (loopt nog)" }),
        period.clone(),
    ];
    if year_complete {
        // In January the year is complete and comes first; it is also what opens.
        expected = vec![year.clone(), period.clone()];
    }
    assert_eq!(options, expected);
    // It opens on the latest complete period.
    let opened = if year_complete {
        year.clone()
    } else {
        period.clone()
    };
    let selected = page.texts("select#periode option[selected]");
    assert_eq!(
        selected,
        [if year_complete {
            year.clone()
        } else {
            period.clone()
        }]
    );
    assert!(
        page.texts("h1").join(" ").contains(&opened),
        "{:?}",
        page.texts("h1")
    );
    // A period without data, asked for by its address, says so.
    let later = council.get("/rapportage?periode=2031&lang=nl");
    assert_eq!(later.status, 200);
    assert!(
        later
            .body
            .contains("Voor 2031 zijn er (nog) geen cijfers. Kies een periode uit de lijst."),
        "{}",
        later.body
    );
});

#[test]
fn the_report_fits_a_phone_and_passes_axe() {
    let Some((b, axe)) = crate::browser::browser_or_skip("report_phone") else {
        return;
    };
    let Some(app) = TestApp::spawn(crate::support::Backend::Sqlite, "report_phone") else {
        return;
    };
    let (period, _, _) = fixture(&app);
    let (user, pass, _) = app.user("telefoon.raadslid", &[Role::Raadslid]);
    crate::browser::login_by_keyboard(&b, &app.base, &user, &pass);
    b.window_size(390, 844);
    b.goto(&format!("{}/rapportage?periode={period}&lang=nl", app.base));
    let width = b.exec("return window.innerWidth;");
    assert_eq!(width, serde_json::json!(390), "viewport");
    // No horizontal scroll of the page: wide tables scroll inside their own box.
    let page = b.exec(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];",
    );
    assert!(
        page[0].as_u64() <= page[1].as_u64(),
        "the page scrolls sideways: {page}"
    );
    let outside = b.exec(
        "return [...document.querySelectorAll('article.report *')].filter(e => !e.closest('.table-box') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(e => e.tagName + ' ' + (e.textContent || '').slice(0, 40));",
    );
    assert_eq!(
        outside,
        serde_json::json!([]),
        "text that runs off the screen"
    );
    let boxes = b.exec("return document.querySelectorAll('.table-box').length;");
    assert!(boxes.as_u64().unwrap_or(0) >= 5, "{boxes}");
    let violations = b.axe_violations(&axe);
    assert!(
        violations.is_empty(),
        "axe on a phone:\n{}",
        violations.join("\n")
    );
    b.window_size(1280, 900);
    b.goto(&format!("{}/rapportage?periode={period}&lang=nl", app.base));
    let violations = b.axe_violations(&axe);
    assert!(violations.is_empty(), "axe:\n{}", violations.join("\n"));
}
