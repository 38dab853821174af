//! The paper channel as a new clerk meets it, in the browser: from the front page, log in, click
//! through to the wave's paper page, make the forms as PDF, mark a few by hand (the synthetic
//! scanner: crosses drawn on poppler's raster, then a light copier's distortion), upload the scan
//! as one PDF, and settle the doubtful boxes on the verification screen by keyboard; axe finds no
//! WCAG 2.1 A/AA violation on any page on the way.

use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::db::schema::responses;
use klankbord::surveys::definition::ItemKind;
use klankbord::surveys::paper::layout::{self, RectMm};
use klankbord::surveys::paper::scan_synth::{self as synth, Distortion, Store};

use crate::browser::{browser_or_skip, login_by_keyboard};
use crate::support::browser::{Browser, ENTER, TAB};
use crate::support::{Backend, TestApp};
use crate::surveys::{standard, wave};

/// A cross in a box, as a pen draws it: two strokes 0.5 mm wide, corner to corner.
pub(crate) fn cross(page: &mut synth::Gray, r: RectMm, dpi: f32) {
    let px = dpi / 25.4;
    let steps = 200;
    for (a, b) in [
        ((r.x + 0.8, r.y + 0.8), (r.x + r.w - 0.8, r.y + r.h - 0.8)),
        ((r.x + r.w - 0.8, r.y + 0.8), (r.x + 0.8, r.y + r.h - 0.8)),
    ] {
        for s in 0..=steps {
            let t = s as f32 / steps as f32;
            let (cx, cy) = ((a.0 + (b.0 - a.0) * t) * px, (a.1 + (b.1 - a.1) * t) * px);
            let half = 0.25 * px;
            for y in (cy - half).floor() as i64..=(cy + half).ceil() as i64 {
                for x in (cx - half).floor() as i64..=(cx + half).ceil() as i64 {
                    if x >= 0 && y >= 0 && (x as u32) < page.width && (y as u32) < page.height {
                        page.pixels[y as usize * page.width as usize + x as usize] = 25;
                    }
                }
            }
        }
    }
}

/// Collects axe's violations on the current page.
fn axe_check(b: &Browser, axe: &str, report: &mut Vec<String>) {
    let at = b.url();
    for v in b.axe_violations(axe) {
        report.push(format!("{at}: {v}"));
    }
}

#[test]
fn a_clerk_prints_forms_marks_a_few_uploads_one_pdf_and_settles_the_doubtful_boxes() {
    let Some((b, axe)) = browser_or_skip("paper_scan_journey") else {
        return;
    };
    if !crate::scans::have_pdftoppm() {
        return;
    }
    let Some(app) = TestApp::spawn(Backend::Sqlite, "paper_scan_journey") else {
        return;
    };
    // A wave on paper: forms typed in and forms scanned.
    let w = wave(&app, -5, 30, &["paper-keyed", "paper-scan"]);
    let (user, pass, _) = app.user("invoer.nieuw", &[Role::Invoerder]);
    let mut report = vec![];

    // From the front page to the login page, and in by keyboard.
    b.goto(&format!("{}/?lang=nl", app.base));
    b.click("a[href='/inloggen']");
    b.wait_for_path("the login page", |p| p.starts_with("/inloggen"));
    login_by_keyboard(&b, &app.base, &user, &pass);
    // By clicking: entering answers, the wave, its paper page.
    let paper = format!("/invoer/rondes/{}/papier", w.id);
    for (link, at) in [
        ("/invoer".to_string(), "/invoer".to_string()),
        (
            format!("/invoer/rondes/{}", w.id),
            format!("/invoer/rondes/{}", w.id),
        ),
        (paper.clone(), paper.clone()),
    ] {
        b.click(&format!("main a[href='{link}']"));
        b.wait_for_path(&at, |p| p.split('?').next() == Some(at.as_str()));
    }
    axe_check(&b, &axe, &mut report);

    // Two forms as PDF, fetched as the form's button would download them.
    b.exec("document.getElementById('tot').value = '2';");
    let (kind, pdf) = b.download_form("form[action$='/formulieren']");
    assert_eq!(kind, "application/pdf");
    assert!(pdf.starts_with(b"%PDF"));

    // Form 1 filled in by hand: two answers to the first one-answer question on page 1 (the
    // doubt to settle), and one clear answer to another question.
    let def = standard();
    let l = layout::load_for_version(&mut app.conn(), w.version_id).unwrap()[0]
        .layout
        .clone();
    let pages = l.pages.len();
    let one_answer = |key: &str| {
        def.item(key)
            .is_some_and(|i| matches!(i.kind, ItemKind::Single { .. }))
    };
    let first_page = &l.pages[0].boxes;
    let doubt = first_page
        .iter()
        .position(|b| one_answer(&b.item))
        .expect("a one-answer question on page 1");
    let doubt_item = first_page[doubt].item.clone();
    assert_eq!(
        first_page[doubt + 1].item,
        doubt_item,
        "two boxes of one question"
    );
    let other = first_page
        .iter()
        .position(|b| one_answer(&b.item) && b.item != doubt_item)
        .expect("a second one-answer question on page 1");
    let dpi = 150.0;
    let mut rng = synth::rng(41);
    let mut scans = vec![];
    for (n, mut page) in synth::rasterise(&pdf, dpi as u32, 1, pages)
        .unwrap()
        .into_iter()
        .enumerate()
    {
        if n == 0 {
            for i in [doubt, doubt + 1, other] {
                cross(&mut page, first_page[i].rect, dpi);
            }
        }
        let d = Distortion {
            rotate_deg: -1.2,
            scale: 0.97,
            shift_mm: (2.0, 1.0),
            blur: 1,
            noise: 6.0,
        };
        scans.push(synth::distort(&mut rng, &page, d, dpi));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("scan-formulier-1.pdf");
    std::fs::write(&file, synth::pdf_of(&scans, Store::JpegPdf, dpi)).unwrap();

    // The upload: choose the file, Tab to the button, Enter.
    b.choose_file("#scans", &file);
    b.exec("document.getElementById('scans').focus();");
    b.keys(TAB);
    let f = b.focused();
    assert_eq!(f["tag"], "button", "{f}");
    b.keys(ENTER);
    b.wait_for_path("the report", |p| p.contains("/papier/verslag/"));
    axe_check(&b, &axe, &mut report);
    // On to the verification screen and the sheet that waits.
    b.click(&format!("main a[href='{paper}/controle']"));
    b.wait_for_path("the list", |p| p.ends_with("/papier/controle"));
    axe_check(&b, &axe, &mut report);
    b.click(&format!("main td a[href^='{paper}/controle/']"));
    b.wait_for_path("the sheet", |p| p.contains("/papier/controle/"));
    axe_check(&b, &axe, &mut report);

    // By keyboard: the first of the two answers stays, the second is not chosen; every other
    // doubtful box is as on paper (the clear answer marked, the rest empty).
    let want = |name: &str| -> &str {
        let keep = [format!("vakje-0-{doubt}"), format!("vakje-0-{other}")];
        if keep.iter().any(|k| k == name) {
            "1"
        } else {
            "0"
        }
    };
    let save = klankbord::web::i18n::t(klankbord::web::i18n::Lang::Nl, "paper-verify-submit");
    let mut settled = vec![];
    for _ in 0..200 {
        b.keys(TAB);
        let f = b.focused();
        if f["tag"] == "button" && f["text"] == save.as_str() {
            break;
        }
        let name = f["name"].as_str().unwrap_or("").to_string();
        if name.starts_with("vakje-") {
            if f["value"].as_str() != Some(want(&name)) {
                b.keys("\u{E015}"); // arrow down: the other choice
            }
            settled.push(name);
        }
    }
    assert!(
        settled.contains(&format!("vakje-0-{}", doubt + 1)),
        "the second answer was doubtful: {settled:?}"
    );
    assert_eq!(b.focused()["text"], save.as_str());
    b.keys(ENTER);
    b.wait_for_path("the list after saving", |p| {
        p.contains("melding=paper-verify-notice-imported")
    });
    axe_check(&b, &axe, &mut report);
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));

    let stored: Vec<String> = responses::table
        .filter(responses::wave_id.eq(w.id))
        .select(responses::answers)
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(stored.len(), 1, "the form, once");
    let answers: serde_json::Value = serde_json::from_str(&stored[0]).unwrap();
    let value = |b: &layout::BoxSpot| serde_json::Value::String(b.value.clone());
    let as_stored = |v: &serde_json::Value| match v {
        serde_json::Value::Number(n) => serde_json::Value::String(n.to_string()),
        v => v.clone(),
    };
    assert_eq!(
        as_stored(&answers[&doubt_item]),
        value(&first_page[doubt]),
        "{answers}"
    );
    assert_eq!(
        as_stored(&answers[&first_page[other].item]),
        value(&first_page[other]),
        "{answers}"
    );
}

#[test]
fn a_clerk_finds_a_wave_whose_forms_come_back_as_scans_from_the_entry_list() {
    let Some((b, axe)) = browser_or_skip("paper_scan_entry_list") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "paper_scan_entry_list") else {
        return;
    };
    // Only scanned paper forms (and the web): nothing to key in, but scans to read.
    let scans = wave(&app, -5, 30, &["web", "paper-scan"]);
    // Only the web: no work for a clerk.
    let web = wave(&app, -5, 30, &["web"]);
    let (user, pass, _) = app.user("invoer.scans", &[Role::Invoerder]);
    let mut report = vec![];

    b.goto(&format!("{}/?lang=nl", app.base));
    b.click("a[href='/inloggen']");
    b.wait_for_path("the login page", |p| p.starts_with("/inloggen"));
    login_by_keyboard(&b, &app.base, &user, &pass);
    b.click("main a[href='/invoer']");
    b.wait_for_path("the entry list", |p| p.split('?').next() == Some("/invoer"));
    axe_check(&b, &axe, &mut report);
    let items = b.exec(
        "return Array.from(document.querySelectorAll('main li')).map(function (li) { return li.textContent; });",
    );
    let items: Vec<String> = items
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(items.len(), 1, "the scanned wave only: {items:?}");
    assert!(b
        .element(&format!("main a[href='/invoer/rondes/{}']", web.id))
        .is_none());
    // Nothing to key in for this wave: its only link is to its paper page.
    assert!(b
        .element(&format!("main a[href='/invoer/rondes/{}']", scans.id))
        .is_none());
    let paper = format!("/invoer/rondes/{}/papier", scans.id);
    b.click(&format!("main a[href='{paper}']"));
    b.wait_for_path(&paper, |p| p.split('?').next() == Some(paper.as_str()));
    axe_check(&b, &axe, &mut report);
    // The upload of the scanner's file is there, with the advice to scan pencil in grey.
    assert!(b.element("input#scans[type='file']").is_some());
    let hint = b.exec("return document.getElementById('scans-hint').textContent;");
    assert!(
        hint.as_str().is_some_and(|h| h.contains("grijstinten")),
        "{hint}"
    );
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
}
