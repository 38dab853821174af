//! The clerk's paper page after a walk through it as a new clerk: the report follows the
//! checking, "save and next" on the verification screen, late paper after a wave has closed, and a
//! page without a QR code read with the number the clerk types.

use klankbord::accounts::model::Role;
use klankbord::surveys::definition::ItemKind;
use klankbord::surveys::paper::layout;
use klankbord::surveys::paper::scan_synth::{self as synth, Distortion, Store};
use klankbord::surveys::waves::Wave;
use klankbord::web::i18n::{t, t_count, t_nums, Lang};

use crate::both_backends;
use crate::scan_journey::cross;
use crate::scans::{have_pdftoppm, multipart};
use crate::support::{Client, TestApp};
use crate::surveys::{standard, wave};

/// The scan of `forms` forms of `w` as one PDF (150 dpi, JPEG, a light copier's distortion): on
/// page 1 of each, two answers to the first one-answer question (a doubt for the clerk) and one to
/// the second. Returns the PDF and the boxes crossed on page 1 (by position in the layout).
pub(crate) fn doubtful_scans(app: &TestApp, w: &Wave, forms: u64) -> (Vec<u8>, [usize; 3]) {
    scans_of(app, w, forms, false)
}

/// As [`doubtful_scans`]; with `smudge`, the QR code of each form's first page is smudged (a
/// band of ink across its middle) so that no reader can read it.
pub(crate) fn scans_of(app: &TestApp, w: &Wave, forms: u64, smudge: bool) -> (Vec<u8>, [usize; 3]) {
    let def = standard();
    let (pdf, l) = crate::scans::print_forms(app, w, (1, forms));
    let pages = l.pages.len();
    let one_answer = |key: &str| {
        def.item(key)
            .is_some_and(|i| matches!(i.kind, ItemKind::Single { .. }))
    };
    let first = &l.pages[0].boxes;
    let doubt = first.iter().position(|b| one_answer(&b.item)).unwrap();
    let other = first
        .iter()
        .position(|b| one_answer(&b.item) && b.item != first[doubt].item)
        .unwrap();
    let crossed = [doubt, doubt + 1, other];
    let dpi = 150.0;
    let mut rng = synth::rng(43);
    let mut scans = vec![];
    for (n, mut page) in synth::rasterise(&pdf, dpi as u32, 1, forms as usize * pages)
        .unwrap()
        .into_iter()
        .enumerate()
    {
        if n % pages == 0 {
            for i in crossed {
                cross(&mut page, first[i].rect, dpi);
            }
            if smudge {
                let px = dpi / 25.4;
                let q = l.qr;
                let (x0, x1) = ((q.x * px) as u32, ((q.x + q.w) * px) as u32);
                let (y0, y1) = (
                    ((q.y + q.h * 0.3) * px) as u32,
                    ((q.y + q.h * 0.7) * px) as u32,
                );
                for y in y0..y1 {
                    for x in x0..x1 {
                        page.pixels[(y * page.width + x) as usize] = 40;
                    }
                }
            }
        }
        let d = Distortion {
            rotate_deg: 0.7,
            scale: 0.98,
            shift_mm: (1.0, -1.0),
            blur: 0,
            noise: 4.0,
        };
        scans.push(synth::distort(&mut rng, &page, d, dpi));
    }
    (synth::pdf_of(&scans, Store::JpegPdf, dpi), crossed)
}

/// Uploads `pdf` on the wave's paper page; the report's path.
pub(crate) fn upload(clerk: &Client, wave_id: i64, pdf: &[u8]) -> String {
    let page_path = format!("/invoer/rondes/{wave_id}/papier");
    let token = clerk.get(&page_path).csrf();
    let (ct, body) = multipart(&token, "scans", Some(("stapel.pdf", pdf)));
    let r = clerk.post_body(&format!("{page_path}/scans"), &ct, &body);
    assert_eq!(r.status, 303, "{}", r.body);
    r.header("location").unwrap().to_string()
}

/// The sheets waiting, in the list's order, as links.
fn waiting_links(clerk: &Client, wave_id: i64) -> Vec<String> {
    let list = clerk.get(&format!("/invoer/rondes/{wave_id}/papier/controle?lang=nl"));
    let doc = scraper::Html::parse_document(&list.body);
    let sel = scraper::Selector::parse("tbody td a").unwrap();
    doc.select(&sel)
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

both_backends!(
    the_report_follows_the_clerk_and_save_and_next_goes_on_to_the_next_sheet,
    |app| {
        if !have_pdftoppm() {
            return;
        }
        let w = wave(&app, -5, 30, &["paper-scan"]);
        let (pdf, _) = doubtful_scans(&app, &w, 2);
        let (clerk, _) = app.logged_in("invoer.verslag", &[Role::Invoerder]);
        let report_path = upload(&clerk, w.id, &pdf);
        let controle = format!("/invoer/rondes/{}/papier/controle", w.id);
        let scans_line = |pending: i64| {
            t_nums(
                Lang::Nl,
                "paper-report-scans",
                &[
                    ("pages", 8),
                    ("forms", 2),
                    ("settled", 0),
                    ("pending", pending),
                ],
                &[],
            )
        };
        let report = clerk.get(&format!("{report_path}?lang=nl"));
        assert_eq!(report.texts("p.scans"), [scans_line(2)]);
        assert!(report.texts("p.scans-checked").is_empty());
        assert!(report.body.contains(&format!("href=\"{controle}\"")));

        // The first sheet, settled with "save and next": every doubtful box set to not chosen
        // (so the double answer is dropped and the clear one kept). On to the second sheet.
        let links = waiting_links(&clerk, w.id);
        assert_eq!(links.len(), 2);
        let sheet = clerk.get(&format!("{}?lang=nl", links[0]));
        let buttons = sheet.texts("form.verify-form button");
        assert_eq!(
            buttons,
            [
                t(Lang::Nl, "paper-verify-submit-next"),
                t(Lang::Nl, "paper-verify-submit")
            ],
            "save and next comes first, so Enter in the form does it"
        );
        let mut fields: Vec<(String, String)> = sheet
            .form_values("form.verify-form")
            .into_iter()
            .map(|(k, v)| {
                if k.starts_with("vakje-") {
                    (k, "0".into())
                } else {
                    (k, v)
                }
            })
            .collect();
        fields.push(("daarna".into(), "volgende".into()));
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let r = clerk.post_raw(&links[0], &refs);
        assert_eq!(r.status, 303, "{}", r.body);
        let next = r.header("location").unwrap().to_string();
        assert!(
            next.starts_with(&format!(
                "{}?melding=paper-verify-notice-imported",
                links[1]
            )),
            "{next}"
        );
        let second = clerk.get(&format!("{next}&lang=nl"));
        assert_eq!(
            second.texts(".notice p"),
            [t(Lang::Nl, "paper-verify-notice-imported")]
        );
        assert_eq!(app.count("responses"), 1);

        // The report says what waits now, and what was checked since.
        let report = clerk.get(&format!("{report_path}?lang=nl"));
        assert_eq!(report.texts("p.scans"), [scans_line(1)]);
        assert_eq!(
            report.texts("p.scans-checked"),
            [t_count(Lang::Nl, "paper-report-scans-checked", 1)]
        );

        // The second sheet, with plain "save": back to the list, nothing left to check.
        let mut fields = second.form_values("form.verify-form");
        for f in fields.iter_mut().filter(|(k, _)| k.starts_with("vakje-")) {
            f.1 = "0".into();
        }
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let r = clerk.post_raw(&links[1], &refs);
        assert_eq!(
            r.header("location"),
            Some(format!("{controle}?melding=paper-verify-notice-imported").as_str())
        );
        let report = clerk.get(&format!("{report_path}?lang=nl"));
        assert_eq!(report.texts("p.scans"), [scans_line(0)]);
        assert_eq!(
            report.texts("p.scans-checked"),
            [t_count(Lang::Nl, "paper-report-scans-checked", 2)]
        );
        assert!(!report.body.contains(&format!("href=\"{controle}\"")));
        assert_eq!(app.count("responses"), 2);

        // "Save and next" on the last sheet waiting: to the list.
        assert!(waiting_links(&clerk, w.id).is_empty());
    }
);

both_backends!(
    paper_that_comes_in_after_the_last_day_is_read_in_from_the_browser_for_six_weeks,
    |app| {
        if !have_pdftoppm() {
            return;
        }
        let late = wave(&app, -40, -3, &["paper-scan"]);
        let over = wave(&app, -90, -50, &["paper-scan"]);
        let web_only = wave(&app, -40, -3, &["web"]);
        let open = wave(&app, -5, 30, &["paper-scan"]);
        let (clerk, _) = app.logged_in("invoer.laat", &[Role::Invoerder]);

        // The start page: the open wave as before, and a section for closed waves that still
        // take late paper, each with the day it stops.
        let start = clerk.get("/invoer?lang=nl");
        assert_eq!(start.status, 200);
        assert_eq!(start.texts("#laat-kop"), [t(Lang::Nl, "paper-late-title")]);
        let listed = start.texts("ul.late-waves li");
        assert_eq!(listed.len(), 1, "{listed:?}");
        let until = klankbord::fmt::date_text(
            late.closes_on + chrono::Duration::days(klankbord::surveys::paper::late::LATE_DAYS),
        );
        assert!(
            listed[0].contains(&late.name) && listed[0].contains(&until),
            "{listed:?}"
        );
        let paper = format!("/invoer/rondes/{}/papier", late.id);
        assert!(start
            .attr(&format!("ul.late-waves a[href='{paper}']"), "href")
            .is_some());
        for w in [&over, &web_only, &open] {
            assert!(
                start
                    .attr(
                        &format!("ul.late-waves a[href='/invoer/rondes/{}/papier']", w.id),
                        "href"
                    )
                    .is_none(),
                "{} is not a late wave",
                w.name
            );
        }
        assert!(start
            .attr(
                &format!("main a[href='/invoer/rondes/{}/papier']", open.id),
                "href"
            )
            .is_some());

        // Its paper page says so; no new forms to print; the scans are read as before.
        let page = clerk.get(&format!("{paper}?lang=nl"));
        assert_eq!(page.status, 200);
        assert!(page.texts(".notice.late p")[0].contains(&until));
        assert!(page
            .attr("form[action$='/formulieren']", "action")
            .is_none());
        assert!(page.attr("input#scans", "id").is_some());
        let (pdf, _) = doubtful_scans(&app, &late, 1);
        let report = clerk.get(&format!("{}?lang=nl", upload(&clerk, late.id, &pdf)));
        assert_eq!(report.status, 200);
        let links = waiting_links(&clerk, late.id);
        assert_eq!(links.len(), 1);
        let sheet = clerk.get(&links[0]);
        let mut fields = sheet.form_values("form.verify-form");
        for f in fields.iter_mut().filter(|(k, _)| k.starts_with("vakje-")) {
            f.1 = "0".into();
        }
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let r = clerk.post_raw(&links[0], &refs);
        assert!(r
            .header("location")
            .unwrap()
            .contains("paper-verify-notice-imported"));
        // Stored like any answer set: the day only, on a random number.
        let days: Vec<chrono::NaiveDate> = {
            use diesel::prelude::*;
            use klankbord::db::schema::responses;
            responses::table
                .filter(responses::wave_id.eq(late.id))
                .select(responses::answered_on)
                .load(&mut app.conn())
                .unwrap()
        };
        assert_eq!(days, [klankbord::fmt::today()]);

        // Six weeks on: the page says the time is over, and a file is refused with what to do.
        let page = clerk.get(&format!("/invoer/rondes/{}/papier?lang=nl", over.id));
        assert!(page.texts(".notice.late p")[0].contains(&t(Lang::Nl, "paper-late-over")[..20]));
        assert!(page.attr("input#scans", "id").is_none());
        assert!(page.attr("input#bestand", "id").is_none());
        let token = page.csrf();
        let (pdf, _) = doubtful_scans(&app, &over, 1);
        let (ct, body) = multipart(&token, "scans", Some(("laat.pdf", &pdf)));
        let r = clerk.post_body(
            &format!("/invoer/rondes/{}/papier/scans?lang=nl", over.id),
            &ct,
            &body,
        );
        assert_eq!(r.status, 400);
        assert!(r.body.contains(&t(Lang::Nl, "paper-late-refused")));
        assert!(waiting_links(&clerk, over.id).is_empty());
    }
);

both_backends!(
    the_paper_page_goes_in_the_order_a_clerk_works_and_says_form_throughout,
    |app| {
        let w = wave(&app, -5, 30, &["paper-scan"]);
        let (clerk, _) = app.logged_in("invoer.volgorde", &[Role::Invoerder]);
        let page = clerk.get(&format!("/invoer/rondes/{}/papier?lang=nl", w.id));
        assert_eq!(page.status, 200);
        let doc = scraper::Html::parse_document(&page.body);
        let sel = scraper::Selector::parse("main h2").unwrap();
        let heads: Vec<String> = doc
            .select(&sel)
            .map(|h| h.value().attr("id").unwrap_or("").to_string())
            .collect();
        // Print, upload the scans, check the doubtful ones (and those put aside); the CSV of
        // other OMR software last, as the second route.
        assert_eq!(
            heads,
            ["pdf-kop", "scans-kop", "nakijken", "apart", "csv-kop"]
        );
        assert_eq!(page.texts("p.waiting"), [t(Lang::Nl, "paper-verify-none")]);
        // One word for the paper a person fills in: "formulier"; never "blad" (sheet).
        for (lang, word) in [(Lang::Nl, "blad"), (Lang::En, "sheet")] {
            let shown = clerk
                .get(&format!(
                    "/invoer/rondes/{}/papier?lang={}",
                    w.id,
                    lang.code()
                ))
                .texts("main")
                .join(" ")
                .to_lowercase();
            assert!(
                !shown
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.starts_with(word)),
                "{lang:?}: {shown}"
            );
        }
        let list = clerk.get(&format!("/invoer/rondes/{}/papier/controle?lang=nl", w.id));
        assert_eq!(
            list.texts("main p")[0],
            t(Lang::Nl, "paper-verify-list-intro")
        );
        assert!(list.texts("main p")[0].contains("formulieren"));
    }
);

both_backends!(
    a_page_without_a_readable_qr_code_is_read_as_the_form_and_page_the_clerk_types,
    |app| {
        use klankbord::web::i18n::t_args;
        if !have_pdftoppm() {
            return;
        }
        let w = wave(&app, -5, 30, &["paper-scan"]);
        let (pdf, crossed) = scans_of(&app, &w, 1, true);
        let (clerk, _) = app.logged_in("invoer.plaats", &[Role::Invoerder]);
        upload(&clerk, w.id, &pdf);
        // Page 1 could not be placed; pages 2 to 4 wait for it as form 1.
        let links = waiting_links(&clerk, w.id);
        assert_eq!(links.len(), 2, "{links:?}");
        let list = clerk.get(&format!("/invoer/rondes/{}/papier/controle?lang=nl", w.id));
        let names = list.texts("tbody td a");
        let loose = names
            .iter()
            .position(|n| n.starts_with("pagina zonder nummer"))
            .expect("the page without a number");
        let page_path = links[loose].clone();
        let form = klankbord::surveys::paper::sheet::form_number(w.id, 1);
        assert!(names.contains(&form));

        // The page asks for its numbers.
        let page = clerk.get(&format!("{page_path}?lang=nl"));
        assert_eq!(page.status, 200);
        assert_eq!(
            page.texts("#plaats-kop"),
            [t(Lang::Nl, "paper-place-title")]
        );
        let token = page.csrf();
        let place = format!("{page_path}/plaats?lang=nl");
        // Not a number of this wave, and a page the form does not have: said at the field,
        // nothing changes.
        let prefix = format!("R{}-", w.id);
        let r = clerk.post_raw(
            &place,
            &[
                ("csrf", &token),
                ("formulier", "R999-000001"),
                ("pagina", "1"),
                ("taal", "nl"),
            ],
        );
        assert_eq!(r.status, 422);
        assert_eq!(
            r.texts("#formulier-error"),
            [t_args(
                Lang::Nl,
                "paper-place-error-form",
                &[("prefix", &prefix)]
            )]
        );
        assert_eq!(
            r.attr("input#formulier", "value").as_deref(),
            Some("R999-000001")
        );
        let r = clerk.post_raw(
            &place,
            &[
                ("csrf", &token),
                ("formulier", "1"),
                ("pagina", "9"),
                ("taal", "nl"),
            ],
        );
        assert_eq!(r.status, 422);
        assert_eq!(
            r.texts("#pagina-error"),
            [t_args(
                Lang::Nl,
                "paper-place-error-page",
                &[("pages", "4")]
            )]
        );
        // A number of this wave that was never printed (a typing error: only form 1 was): said
        // at the field with the numbers that were printed.
        let r = clerk.post_raw(
            &place,
            &[
                ("csrf", &token),
                ("formulier", "11"),
                ("pagina", "1"),
                ("taal", "nl"),
            ],
        );
        assert_eq!(r.status, 422);
        let error = r.texts("#formulier-error");
        assert_eq!(
            error,
            [t_args(
                Lang::Nl,
                "paper-prints-error-not-printed",
                &[("printed", "1")]
            )]
        );
        assert_eq!(waiting_links(&clerk, w.id).len(), 2);

        // The right numbers (only the digits typed): the page is read and joins its form, which
        // is shown next with the doubts of page 1 to check.
        let r = clerk.post_raw(
            &place,
            &[
                ("csrf", &token),
                ("formulier", "1"),
                ("pagina", "1"),
                ("taal", "nl"),
            ],
        );
        assert_eq!(r.status, 303, "{}", r.body);
        let next = r.header("location").unwrap().to_string();
        assert!(next.contains("melding=paper-place-notice-read"), "{next}");
        let links = waiting_links(&clerk, w.id);
        assert_eq!(links.len(), 1, "one form waits: {links:?}");
        let sheet = clerk.get(&format!("{next}&lang=nl"));
        assert_eq!(
            sheet.texts(".notice p"),
            [t(Lang::Nl, "paper-place-notice-read")]
        );
        assert!(!sheet.body.contains(&t_args(
            Lang::Nl,
            "paper-verify-conflict-page-missing",
            &[("page", "1")]
        )));
        assert!(
            !sheet.texts("fieldset.verify-box").is_empty(),
            "the double answer is doubtful"
        );
        // Settled: the double answer dropped, the clear one on page 1 stored with the form.
        let mut fields = sheet.form_values("form.verify-form");
        for f in fields.iter_mut().filter(|(k, _)| k.starts_with("vakje-")) {
            f.1 = "0".into();
        }
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let r = clerk.post_raw(next.split('?').next().unwrap(), &refs);
        assert!(
            r.header("location")
                .unwrap()
                .contains("paper-verify-notice-imported"),
            "{}",
            r.body
        );
        let l = layout::load_for_version(&mut app.conn(), w.version_id).unwrap()[0]
            .layout
            .clone();
        let clear = &l.pages[0].boxes[crossed[2]];
        let answers: Vec<String> = {
            use diesel::prelude::*;
            use klankbord::db::schema::responses;
            responses::table
                .filter(responses::wave_id.eq(w.id))
                .select(responses::answers)
                .load(&mut app.conn())
                .unwrap()
        };
        assert_eq!(answers.len(), 1);
        let a: serde_json::Value = serde_json::from_str(&answers[0]).unwrap();
        assert_eq!(a[&clear.item], serde_json::json!(clear.value), "{a}");
        assert!(
            a.get(&l.pages[0].boxes[crossed[0]].item)
                .is_none_or(|v| v.is_null()),
            "{a}"
        );
        // The kept scan went with the page.
        assert_eq!(app.count("paper_scan_images"), 0);
    }
);

#[test]
fn the_new_clerk_pages_pass_axe_and_the_late_section_is_reached_by_keyboard() {
    use crate::browser::{browser_or_skip, login_by_keyboard};
    use crate::support::browser::ENTER;
    use klankbord::surveys::paper::omr::settle::put_pending;
    use klankbord::surveys::paper::omr::{PageProblem, PageRead, SheetRead};
    let Some((b, axe)) = browser_or_skip("clerk_paper_axe") else {
        return;
    };
    let Some(app) = TestApp::spawn(crate::support::Backend::Sqlite, "clerk_paper_axe") else {
        return;
    };
    let late = wave(&app, -40, -3, &["paper-scan"]);
    // A layout to read by, and a page without a code whose scan was kept.
    crate::scans::print_forms(&app, &late, (1, 1));
    let png = {
        let img = image::GrayImage::from_pixel(40, 56, image::Luma([230]));
        let mut out = std::io::Cursor::new(vec![]);
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    };
    let loose = SheetRead {
        wave_id: late.id,
        form: String::new(),
        version_id: late.version_id,
        lang: "nl".into(),
        pages: vec![PageRead {
            scan_index: 3,
            id: None,
            fit: None,
            problem: Some(PageProblem::NoQr),
            boxes: vec![],
            fields: vec![],
            thumbnail_png: Some(png.clone()),
        }],
        conflicts: vec![],
    };
    put_pending(&mut app.conn(), late.id, &loose, klankbord::fmt::today()).unwrap();
    let id: i64 = {
        use diesel::prelude::*;
        use klankbord::db::schema::{paper_scan_images, paper_scan_pending};
        let id = paper_scan_pending::table
            .select(paper_scan_pending::id)
            .first(&mut app.conn())
            .unwrap();
        diesel::insert_into(paper_scan_images::table)
            .values((
                paper_scan_images::pending_id.eq(id),
                paper_scan_images::page_png.eq(png),
            ))
            .execute(&mut app.conn())
            .unwrap();
        id
    };
    let (user, pass, _) = app.user("invoer.axe", &[Role::Invoerder]);
    login_by_keyboard(&b, &app.base, &user, &pass);
    let mut report = vec![];
    b.goto(&format!("{}/invoer?lang=nl", app.base));
    for v in b.axe_violations(&axe) {
        report.push(format!("/invoer: {v}"));
    }
    // To the late wave's paper page by keyboard: Tab to its link, Enter.
    let paper = format!("/invoer/rondes/{}/papier", late.id);
    b.tab_until("the late wave's link", 40, |f| {
        f["href"].as_str().is_some_and(|h| h.ends_with(&paper))
    });
    b.keys(ENTER);
    b.wait_for_path("the late wave's paper page", |p| p.starts_with(&paper));
    for path in [paper.clone(), format!("{paper}/controle/{id}")] {
        b.goto(&format!("{}{path}?lang=nl", app.base));
        for v in b.axe_violations(&axe) {
            report.push(format!("{path}: {v}"));
        }
    }
    assert!(b.element("form.place-form input#formulier").is_some());
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
}

both_backends!(
    two_print_runs_at_the_same_moment_cannot_hand_out_the_same_numbers,
    |app| {
        // Two people print forms 1 to 3 of one wave at the same moment (each on their own
        // connection): one gets the PDF, the other is told the numbers were printed.
        let w = wave(&app, -5, 30, &["paper-scan"]);
        let def = standard();
        let contact = klankbord::config::Contact::named("Gemeente Voorbeeld");
        let start = std::sync::Barrier::new(2);
        let results: Vec<_> = std::thread::scope(|s| {
            let runs: Vec<_> = (0..2)
                .map(|_| {
                    s.spawn(|| {
                        let mut conn = app.conn();
                        start.wait();
                        klankbord::surveys::paper::form_pdf::print_wave(
                            &mut conn,
                            &w,
                            &def,
                            Lang::Nl,
                            &contact,
                            (1, 3),
                            false,
                            klankbord::fmt::today(),
                        )
                        .unwrap()
                    })
                })
                .collect();
            runs.into_iter().map(|r| r.join().unwrap()).collect()
        });
        let printed = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(printed, 1, "exactly one run gets forms 1 to 3");
        let refused = results.iter().find_map(|r| r.as_ref().err()).unwrap();
        assert_eq!((refused.numbers, refused.next), ((1, 3), 4));
        let runs =
            klankbord::surveys::paper::prints_queries::of_wave(&mut app.conn(), w.id).unwrap();
        assert_eq!(runs.len(), 1, "one run recorded");
    }
);
