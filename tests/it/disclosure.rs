//! Disclosure control attacked as a council member would (issue 13, findings 2 and 4), on both
//! databases: (a) download the year and its four quarters as open data and subtract; (b) download
//! the open data of a period whose only wave is running, before and after one more answer, and
//! the same with late paper forms after a wave has closed; (c) set the funnel against the register
//! appendix of the yearly report.

use klankbord::complaints::terms::Channel;
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::db::schema::{complaint_progress, complaints};
use klankbord::surveys::respond::{self, Meta};

use crate::both_backends;
use crate::support::{Client, TestApp};
use crate::surveys::wave;

/// The threshold the product uses.
const K: f64 = 5.0;

/// The last quarter that has ended: (year, quarter, first day, last day).
pub fn last_ended_quarter(today: NaiveDate) -> (i32, u32, NaiveDate, NaiveDate) {
    let q = today.month0() / 3; // 0: this is Q1, so last year's Q4
    let (year, quarter) = if q == 0 {
        (today.year() - 1, 4)
    } else {
        (today.year(), q)
    };
    let from = NaiveDate::from_ymd_opt(year, 3 * quarter - 2, 1).unwrap();
    let to = from.checked_add_months(chrono::Months::new(3)).unwrap() - chrono::Duration::days(1);
    (year, quarter, from, to)
}

/// Registers a written complaint (web form, with an e-mail address) received on `day`.
pub fn complaint(app: &TestApp, day: NaiveDate, channel: Channel, i: usize) -> i64 {
    let config = klankbord::config::Config::from_sources(None, &[]).unwrap();
    let setup = klankbord::complaints::Setup::new(std::sync::Arc::new(config)).unwrap();
    klankbord::complaints::builder::ComplaintBuilder::new()
        .received_on(day)
        .channel(channel)
        .name(None)
        .email(Some(&format!("k{i}@voorbeeld.nl")))
        .description("Niet teruggebeld.")
        .register(&mut app.conn(), &setup.env(), None)
        .unwrap()
        .0
}

/// Puts a complaint in mediation, or resolves it in the mediation talk.
fn mediate(app: &TestApp, id: i64, resolved: bool) {
    let mut conn = app.conn();
    let on = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    diesel::update(complaint_progress::table.find(id))
        .set(complaint_progress::mediation_target.eq(Some(on)))
        .execute(&mut conn)
        .unwrap();
    let state = if resolved {
        "informeel_opgelost"
    } else {
        "bemiddeling"
    };
    diesel::update(complaints::table.find(id))
        .set(complaints::state.eq(state))
        .execute(&mut conn)
        .unwrap();
}

/// The deadline figures that are numbers of complaints: the base and its three parts.
const DEADLINE_COUNTS: [&str; 4] = [
    "termijn_samen",
    "aantal_binnen_termijn",
    "aantal_te_laat",
    "aantal_open_na_termijn",
];

/// A cell of the open data: (period, figure, group) → value, `None` when hidden.
type Cells = BTreeMap<(String, String, String), Option<f64>>;

/// The complaint and register cells of a period's open data CSV.
fn csv_cells(client: &Client, period: &str, into: &mut Cells) {
    let csv = client.get(&format!("/rapportage/open-data.csv?periode={period}"));
    assert_eq!(csv.status, 200, "{}", csv.body);
    for rec in csv::Reader::from_reader(csv.body.as_bytes()).records() {
        let rec = rec.unwrap();
        let (section, figure, group, value, n, shown) =
            (&rec[1], &rec[2], &rec[3], &rec[4], &rec[5], &rec[6]);
        // Nothing under k is published, in any output.
        if shown == "verborgen" {
            assert!(value.is_empty() && n.is_empty(), "{rec:?}");
        } else if let Ok(n) = n.parse::<f64>() {
            assert!(n == 0.0 || n >= K, "{period}: {rec:?}");
        }
        let figure = match (section, figure) {
            ("klachten" | "register", f) => f.to_string(),
            ("ontwikkeling", "kwartaal_binnengekomen") => {
                // A quarter's received count, as its own report has it.
                into.insert(
                    (group.to_string(), "trechter".into(), "ontvangen".into()),
                    value.parse().ok(),
                );
                continue;
            }
            _ => continue,
        };
        into.insert(
            (period.to_string(), figure, group.to_string()),
            value.parse().ok(),
        );
    }
}

/// The same cells from the period's open data JSON.
fn json_cells(client: &Client, period: &str, into: &mut Cells) {
    let json: serde_json::Value = serde_json::from_str(
        &client
            .get(&format!("/rapportage/open-data.json?periode={period}"))
            .body,
    )
    .unwrap();
    let mut add = |figure: &str, list: &serde_json::Value| {
        for pair in list.as_array().into_iter().flatten() {
            let (group, cell) = (pair[0].as_str().unwrap(), &pair[1]);
            let n = cell["n"].as_f64();
            assert!(n.is_none_or(|n| n == 0.0 || n >= K), "{period}: {pair}");
            into.insert(
                (period.to_string(), figure.to_string(), group.to_string()),
                cell["value"].as_f64(),
            );
        }
    };
    let c = &json["complaints"];
    for (figure, key) in [
        ("trechter", "funnel"),
        ("kanaal", "by_channel"),
        ("onderwerp", "by_category"),
        ("team", "by_team"),
    ] {
        add(figure, &c[key]);
    }
    add("register_uitkomst", &json["register"]["outcomes"]);
    if !json["register"].is_null() {
        into.insert(
            (
                period.to_string(),
                "register_schriftelijk".into(),
                "".into(),
            ),
            json["register"]["written"]["value"].as_f64(),
        );
    }
    // The deadline figures, from the list of figures the JSON carries (issue 16).
    for f in json["cijfers"].as_array().into_iter().flatten() {
        let figure = f["cijfer"].as_str().unwrap_or_default();
        if f["onderdeel"] == "klachten" && DEADLINE_COUNTS.contains(&figure) {
            into.insert(
                (period.to_string(), figure.to_string(), "".into()),
                f["waarde"].as_f64(),
            );
        }
    }
    for q in json["quarter_trend"].as_array().into_iter().flatten() {
        into.insert(
            (
                q["quarter"].as_str().unwrap().to_string(),
                "trechter".into(),
                "ontvangen".into(),
            ),
            q["received"]["value"].as_f64(),
        );
    }
}

/// What a reader works out from the cells of `year` and its quarters with the relations anyone
/// knows (the year is the sum of its quarters; the received total the sum of the channels and of
/// the teams; the written complaints the sum of the outcomes): every hidden cell whose value
/// follows, with that value.
fn worked_out(cells: &Cells, year: i32) -> Vec<((String, String, String), f64)> {
    let y = year.to_string();
    let quarters: Vec<String> = (1..=4).map(|q| format!("{y}-Q{q}")).collect();
    let hidden: Vec<&(String, String, String)> = cells
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(k, _)| k)
        .collect();
    let var = |k: &(String, String, String)| hidden.iter().position(|h| *h == k);
    // A row: coefficients of the hidden cells, and the constant.
    let mut rows: Vec<(Vec<f64>, f64)> = vec![];
    let mut equation = |terms: &[(f64, (String, String, String))]| {
        let mut r = vec![0.0; hidden.len()];
        let mut c = 0.0;
        for (coef, key) in terms {
            match (cells.get(key), var(key)) {
                (_, Some(i)) => r[i] += coef,
                (Some(Some(v)), None) => c -= coef * v,
                // Not in the data: nobody in that group.
                _ => {}
            }
        }
        rows.push((r, c));
    };
    // Counts only (shares are not sums), and the register only in the year.
    let mut counts = vec![
        "trechter",
        "kanaal",
        "onderwerp",
        "norm",
        "team",
        "uitgesteld",
    ];
    counts.extend(DEADLINE_COUNTS);
    let groups: std::collections::BTreeSet<(String, String)> = cells
        .keys()
        .filter(|(p, f, _)| p.starts_with(&y) && counts.contains(&f.as_str()))
        .map(|(_, f, g)| (f.clone(), g.clone()))
        .collect();
    // The year against its quarters.
    for (f, g) in &groups {
        let mut terms = vec![(1.0, (y.clone(), f.clone(), g.clone()))];
        terms.extend(
            quarters
                .iter()
                .map(|q| (-1.0, (q.clone(), f.clone(), g.clone()))),
        );
        equation(&terms);
    }
    // Totals against their parts, in every period.
    for p in std::iter::once(&y).chain(&quarters) {
        let total = (p.clone(), "trechter".to_string(), "ontvangen".to_string());
        for part in ["kanaal", "team"] {
            let mut terms = vec![(1.0, total.clone())];
            terms.extend(
                cells
                    .keys()
                    .filter(|(cp, f, _)| cp == p && f == part)
                    .map(|k| (-1.0, k.clone())),
            );
            if terms.len() > 1 {
                equation(&terms);
            }
        }
        // The deadline base is its three parts; the decided are in time and late.
        let key = |f: &str, g: &str| (p.clone(), f.to_string(), g.to_string());
        equation(&[
            (1.0, key("termijn_samen", "")),
            (-1.0, key("aantal_binnen_termijn", "")),
            (-1.0, key("aantal_te_laat", "")),
            (-1.0, key("aantal_open_na_termijn", "")),
        ]);
        equation(&[
            (1.0, key("trechter", "besloten")),
            (-1.0, key("aantal_binnen_termijn", "")),
            (-1.0, key("aantal_te_laat", "")),
        ]);
        let mut terms = vec![(1.0, (p.clone(), "register_schriftelijk".into(), "".into()))];
        terms.extend(
            cells
                .keys()
                .filter(|(cp, f, _)| cp == p && f == "register_uitkomst")
                .map(|k| (-1.0, k.clone())),
        );
        if terms.len() > 1 {
            equation(&terms);
        }
    }
    // Reduced row echelon form: a hidden cell follows when its row has no other unknown.
    let n = hidden.len();
    let mut pivot_rows: Vec<(usize, Vec<f64>, f64)> = vec![];
    for (mut r, mut c) in rows {
        for (p, pr, pc) in &pivot_rows {
            let f = r[*p];
            if f != 0.0 {
                r.iter_mut().zip(pr).for_each(|(x, y)| *x -= f * y);
                c -= f * pc;
            }
        }
        if let Some(p) = (0..n).find(|i| r[*i].abs() > 1e-9) {
            let f = r[p];
            r.iter_mut().for_each(|x| *x /= f);
            c /= f;
            for (_, pr, pc) in pivot_rows.iter_mut() {
                let g = pr[p];
                if g != 0.0 {
                    pr.iter_mut().zip(&r).for_each(|(x, y)| *x -= g * y);
                    *pc -= g * c;
                }
            }
            pivot_rows.push((p, r, c));
        }
    }
    pivot_rows
        .iter()
        .filter(|(p, r, _)| (0..n).all(|i| i == *p || r[i].abs() < 1e-9))
        .map(|(p, _, c)| (hidden[*p].clone(), *c))
        .collect()
}

both_backends!(
    a_hidden_quarter_cannot_be_had_from_the_year_and_the_other_quarters,
    |app| {
        let year = klankbord::fmt::today().year() - 1;
        let day = |q: u32| NaiveDate::from_ymd_opt(year, 3 * q - 1, 15).unwrap();
        // The numbers of the attack: 2, 9, 8 and 24 complaints (43); one mediated in Q2.
        let mut i = 0;
        for (q, n, other) in [
            (1, 2, None),
            (2, 9, Some(Channel::Letter)),
            (3, 8, None),
            (4, 24, Some(Channel::Email)),
        ] {
            for j in 0..n {
                let channel = match other {
                    Some(other) if j < 2 => other,
                    _ => Channel::Web,
                };
                let id = complaint(&app, day(q), channel, i);
                if q == 2 && j == 5 {
                    mediate(&app, id, false);
                }
                i += 1;
            }
        }
        let (council, _) = app.logged_in("aftrekken.raadslid", &[Role::Raadslid]);
        let mut from_csv = Cells::new();
        let mut from_json = Cells::new();
        for period in [
            year.to_string(),
            format!("{year}-Q1"),
            format!("{year}-Q2"),
            format!("{year}-Q3"),
            format!("{year}-Q4"),
        ] {
            csv_cells(&council, &period, &mut from_csv);
            json_cells(&council, &period, &mut from_json);
        }
        let received = |cells: &Cells, p: &str| {
            cells[&(
                p.to_string(),
                "trechter".to_string(),
                "ontvangen".to_string(),
            )]
        };
        // Q1 (2) is hidden; the year is there.
        assert_eq!(received(&from_csv, &format!("{year}-Q1")), None);
        assert_eq!(received(&from_csv, &year.to_string()), Some(43.0));
        // Subtracting gives back no hidden cell under k, from the CSV or from the JSON.
        for (what, cells) in [("csv", &from_csv), ("json", &from_json)] {
            let small: Vec<_> = worked_out(cells, year)
                .into_iter()
                .filter(|(_, v)| *v > 0.5 && *v < K - 0.5)
                .collect();
            assert!(small.is_empty(), "{what}: worked out {small:?}");
        }
        // The mediated one in Q2 is hidden, and so is the year's.
        let mediated = |p: &str| {
            from_csv
                .get(&(p.to_string(), "trechter".into(), "bemiddeld".into()))
                .copied()
        };
        assert_eq!(mediated(&format!("{year}-Q2")), Some(None));
        assert_eq!(mediated(&year.to_string()), Some(None));
        // The page of the year says the same as its open data.
        let page = council.get(&format!("/rapportage?periode={year}&lang=nl"));
        let funnel = page.texts("#klachten table:first-of-type tbody tr");
        assert!(funnel[0].starts_with("Binnengekomen43"), "{funnel:?}");
        let trend = page.texts("#ontwikkeling table tbody tr");
        assert!(
            trend.iter().filter(|r| r.contains('–')).count() >= 2,
            "a second quarter is hidden with Q1: {trend:?}"
        );
    }
);

both_backends!(
    a_running_wave_publishes_nothing_and_one_more_answer_changes_nothing,
    |app| {
        let today = klankbord::fmt::today();
        let w = wave(&app, -10, 10, &["web"]);
        let meta = Meta {
            channel: klankbord::surveys::channel::Channel::Web,
            helper: None,
            language: klankbord::web::i18n::Lang::Tr,
        };
        let answer = |v: u8| {
            format!(
                r#"{{"cp_luistert":{v},"cp_vriendelijk":{v},"bereikbaar":{v},"cijfer":7,"terugvordering":"nee"}}"#
            )
        };
        let yesterday = today - chrono::Duration::days(1);
        for i in 0..12 {
            respond::insert_json(&mut app.conn(), &w, &answer(3 + i % 3), &meta, yesterday)
                .unwrap();
        }
        let (council, _) = app.logged_in("lopend.raadslid", &[Role::Raadslid]);
        let year = today.year().to_string();
        let quarter = format!("{}-Q{}", today.year(), today.month0() / 3 + 1);
        let mut before = vec![];
        for p in [&year, &quarter] {
            let csv = council.get(&format!("/rapportage/open-data.csv?periode={p}"));
            assert!(
                !csv.body.contains(",vragenlijst,") && !csv.body.contains(",normenkader,"),
                "{p}: survey figures of a running wave: {}",
                csv.body
            );
            let json: serde_json::Value = serde_json::from_str(
                &council
                    .get(&format!("/rapportage/open-data.json?periode={p}"))
                    .body,
            )
            .unwrap();
            assert!(json["survey"].is_null(), "{p}: {}", json["survey"]);
            assert_eq!(json["survey_waiting"]["wave"], w.name.as_str());
            let page = council.get(&format!("/rapportage?periode={p}&lang=nl"));
            let text = page.texts("#respons").join(" ");
            assert!(text.contains("loopt nog"), "{text}");
            assert!(page.texts("#vragen tbody tr").is_empty());
            before.push((csv.body, json));
        }
        // The researcher's interim view before it.
        let (researcher, _) = app.logged_in("lopend.onderzoeker", &[Role::Onderzoeker]);
        let interim = || {
            researcher
                .get("/rapportage/tussenstand?lang=nl")
                .texts("article.report")
                .join(" ")
        };
        let interim_before = interim();
        // One more answer (a very negative one): nothing a council member can download changes.
        respond::insert_json(
            &mut app.conn(),
            &w,
            r#"{"cp_luistert":1,"cp_vriendelijk":1,"bereikbaar":1,"cijfer":1,"terugvordering":"ja"}"#,
            &meta,
            today,
        )
        .unwrap();
        for (p, (csv, json)) in [&year, &quarter].into_iter().zip(&before) {
            let after = council.get(&format!("/rapportage/open-data.csv?periode={p}"));
            assert_eq!(&after.body, csv, "{p}");
            let after: serde_json::Value = serde_json::from_str(
                &council
                    .get(&format!("/rapportage/open-data.json?periode={p}"))
                    .body,
            )
            .unwrap();
            assert_eq!(&after, json, "{p}");
        }
        // Nor does the researcher's interim view (outside test: two looks around one answer gave
        // that person's answers and language): it holds whole past days, at least 5 at a time.
        assert_eq!(interim(), interim_before);
        // The researcher has a live view, marked as such; a council member does not.
        assert_eq!(council.get("/rapportage/tussenstand").status, 403);
        let live = researcher.get("/rapportage/tussenstand?lang=nl");
        assert_eq!(live.status, 200);
        assert!(live
            .texts(".notice")
            .join(" ")
            .contains("Tussenstand, niet openbaar"));
        assert!(
            live.texts("#respons").join(" ").contains("12 ingevulde"),
            "{}",
            live.body
        );
        let report = researcher.get(&format!("/rapportage?periode={year}&lang=nl"));
        assert_eq!(
            report.attr("a[href='/rapportage/tussenstand']", "href"),
            Some("/rapportage/tussenstand".into())
        );
    }
);

both_backends!(
    late_paper_forms_join_the_published_figures_in_groups_of_k,
    |app| {
        let today = klankbord::fmt::today();
        let w = wave(&app, -30, -3, &["web", "paper-scan"]);
        let json = r#"{"cp_luistert":4,"cp_vriendelijk":4,"cijfer":8}"#;
        let web = Meta {
            channel: klankbord::surveys::channel::Channel::Web,
            helper: None,
            language: klankbord::web::i18n::Lang::Nl,
        };
        let paper = Meta {
            channel: klankbord::surveys::channel::Channel::PaperScan,
            ..web.clone()
        };
        for _ in 0..12 {
            respond::insert_json(&mut app.conn(), &w, json, &web, w.closes_on).unwrap();
        }
        let (council, _) = app.logged_in("laat.raadslid", &[Role::Raadslid]);
        let period = w.closes_on.year().to_string();
        let answered = || -> serde_json::Value {
            let json: serde_json::Value = serde_json::from_str(
                &council
                    .get(&format!("/rapportage/open-data.json?periode={period}"))
                    .body,
            )
            .unwrap();
            json["survey"]["answered"].clone()
        };
        assert_eq!(answered(), 12);
        // One paper form scanned after the closing date: it waits for company.
        let late = |n: usize, day: NaiveDate| {
            for _ in 0..n {
                respond::insert_json(
                    &mut app.conn(),
                    &w,
                    r#"{"cp_luistert":1,"cijfer":2}"#,
                    &paper,
                    day,
                )
                .unwrap();
            }
        };
        late(1, today - chrono::Duration::days(2));
        assert_eq!(answered(), 12);
        // Four more the next day: five together, so they join at once.
        late(4, today - chrono::Duration::days(1));
        assert_eq!(answered(), 17);
        // Today's form waits, whatever happens today.
        late(1, today);
        assert_eq!(answered(), 17);
    }
);

both_backends!(
    the_register_appendix_does_not_list_what_the_funnel_hides,
    |app| {
        let year = klankbord::fmt::today().year() - 1;
        let mut ids = vec![];
        for q in 1..=4u32 {
            let day = NaiveDate::from_ymd_opt(year, 3 * q - 1, 10).unwrap();
            for j in 0..10 {
                ids.push((complaint(&app, day, Channel::Web, ids.len()), day));
                if q == 2 && j < 2 {
                    // Two resolved in the mediation talk: too few to publish.
                    mediate(&app, ids.last().unwrap().0, true);
                }
                if q == 3 && j < 6 {
                    mediate(&app, ids.last().unwrap().0, false);
                }
            }
        }
        let (council, _) = app.logged_in("register.raadslid", &[Role::Raadslid]);
        let page = council.get(&format!("/rapportage?periode={year}&lang=nl"));
        assert_eq!(page.status, 200);
        let funnel = page.texts("#klachten table:first-of-type tbody tr");
        let resolved = funnel
            .iter()
            .find(|r| r.starts_with("Opgelost in het gesprek"))
            .unwrap();
        assert!(resolved.ends_with('–'), "{funnel:?}");
        // The appendix gives the written complaints in figures per outcome, not case by case.
        let register = page.texts("#register tbody tr");
        assert!(
            register
                .iter()
                .any(|r| r.starts_with("Schriftelijke klachten40")),
            "{register:?}"
        );
        let in_register = register
            .iter()
            .find(|r| r.starts_with("Opgelost in het gesprek"))
            .unwrap_or_else(|| panic!("{register:?}"));
        assert!(in_register.ends_with('–'), "{register:?}");
        let csv = council.get(&format!("/rapportage/open-data.csv?periode={year}"));
        let json = council.get(&format!("/rapportage/open-data.json?periode={year}"));
        let pdf = council.get_bytes(&format!("/rapportage/rapport.pdf?periode={year}"));
        assert_eq!(pdf.0, 200);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("jaar.pdf");
        std::fs::write(&file, &pdf.2).unwrap();
        let pdf_text = crate::support::pdf::read("disclosure::register_pdf", &file)
            .map(|p| p.text)
            .unwrap_or_default();
        for (id, day) in &ids {
            let case = klankbord::complaints::store::case_number_of(*day, *id);
            for (what, body) in [
                ("page", &page.body),
                ("csv", &csv.body),
                ("json", &json.body),
                ("pdf", &pdf_text),
            ] {
                assert!(!body.contains(&case), "{what} names case {case}");
            }
        }
        // Nothing small follows from the funnel, the register and the quarters together.
        let mut cells = Cells::new();
        for p in std::iter::once(year.to_string()).chain((1..=4).map(|q| format!("{year}-Q{q}"))) {
            csv_cells(&council, &p, &mut cells);
        }
        let small: Vec<_> = worked_out(&cells, year)
            .into_iter()
            .filter(|(_, v)| *v > 0.5 && *v < K - 0.5)
            .collect();
        assert!(small.is_empty(), "worked out {small:?}");
        // The complete register stays with the coordinator who keeps it.
        let (coordinator, _) = app.logged_in("register.coordinator2", &[Role::Klachtcoordinator]);
        let full = coordinator.get(&format!("/klachten/register.csv?jaar={year}"));
        assert_eq!(full.body.lines().count(), 1 + 40);
        assert_eq!(full.body.matches("informeel_opgelost").count(), 2);
    }
);
