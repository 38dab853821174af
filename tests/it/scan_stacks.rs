//! Scans as they come from an office: the same stack read in twice, a duplex scan with the blank
//! back sides of every sheet, and one form whose pages came back in two stacks. Found by a clerk
//! trying the paper channel as a new user.

use klankbord::accounts::model::Role;
use klankbord::fmt::today;
use klankbord::surveys::paper::import::Options;
use klankbord::surveys::paper::layout::{FormLayout, RectMm};
use klankbord::surveys::paper::omr::{scan, settle, Conflict, FieldKind, SettledSheet};
use klankbord::surveys::paper::scan_synth::{self as synth, Distortion, Store};
use klankbord::surveys::waves::Wave;
use klankbord::web::i18n::{t, t_count, Lang};

use crate::both_backends;
use crate::scans::{have_pdftoppm, multipart};
use crate::support::TestApp;
use crate::surveys::{standard, wave};

const DPI: f32 = 150.0;

/// Form 1..=`forms` of `w` as poppler rasterises the product's PDF, with the form's layout.
fn printed(app: &TestApp, w: &Wave, forms: u64) -> (Vec<synth::Gray>, FormLayout) {
    let (pdf, l) = crate::scans::print_forms(app, w, (1, forms));
    let pages = synth::rasterise(&pdf, DPI as u32, 1, forms as usize * l.pages.len()).unwrap();
    (pages, l)
}

fn ink(page: &mut synth::Gray, x: f32, y: f32) {
    let (x, y) = (x.round() as i64, y.round() as i64);
    for dy in -1..=1 {
        for dx in -1..=1 {
            let (px, py) = (x + dx, y + dy);
            if px >= 0 && py >= 0 && (px as u32) < page.width && (py as u32) < page.height {
                page.pixels[py as usize * page.width as usize + px as usize] = 25;
            }
        }
    }
}

/// A cross in a box, corner to corner.
fn cross(page: &mut synth::Gray, r: RectMm) {
    let px = DPI / 25.4;
    for s in 0..=200 {
        let f = s as f32 / 200.0;
        let (a, b) = (r.x + 0.8 + (r.w - 1.6) * f, r.y + 0.8 + (r.h - 1.6) * f);
        ink(page, a * px, b * px);
        ink(page, (r.x + r.w - 0.8 - (r.w - 1.6) * f) * px, b * px);
    }
}

/// A line of writing across a text field.
fn write_in(page: &mut synth::Gray, r: RectMm) {
    let px = DPI / 25.4;
    let mid = r.y + r.h / 2.0;
    let mut x = r.x + 3.0;
    while x < r.x + r.w * 0.6 {
        ink(page, x * px, (mid + (x * 1.7).sin() * r.h * 0.15) * px);
        x += 0.1;
    }
}

/// The pages as a light copier scans them, as one PDF.
fn scan_pdf(pages: &[synth::Gray]) -> Vec<u8> {
    let mut rng = synth::rng(5);
    let d = Distortion {
        rotate_deg: 0.7,
        scale: 0.99,
        shift_mm: (0.5, -1.0),
        blur: 0,
        noise: 3.0,
    };
    let scanned: Vec<synth::Gray> = pages
        .iter()
        .map(|p| synth::distort(&mut rng, p, d, DPI))
        .collect();
    synth::pdf_of(&scanned, Store::JpegPdf, DPI)
}

fn scan_file(dir: &tempfile::TempDir, name: &str, pages: &[synth::Gray]) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, scan_pdf(pages)).unwrap();
    p
}

both_backends!(
    reading_the_same_scans_again_says_the_forms_were_read_before,
    |app| {
        if !have_pdftoppm() {
            return;
        }
        let def = standard();
        let w = wave(&app, -5, 30, &["paper-scan"]);
        let (mut pages, l) = printed(&app, &w, 1);
        // An answer, and writing in a text field: the form waits for the clerk to type it.
        cross(&mut pages[0], l.pages[0].boxes[0].rect);
        let (p, field, item) = l
            .pages
            .iter()
            .enumerate()
            .find_map(|(i, pl)| {
                pl.fields
                    .iter()
                    .find(|f| f.kind == FieldKind::Answer && f.item == "wat_goed")
                    .map(|f| (i, f.rect, f.item.clone()))
            })
            .unwrap();
        write_in(&mut pages[p], field);
        let pdf = scan_pdf(&pages);
        let (clerk, _) = app.logged_in("invoer.stapels", &[Role::Invoerder]);
        let page_path = format!("/invoer/rondes/{}/papier", w.id);
        let token = clerk.get(&format!("{page_path}?lang=nl")).csrf();
        let upload = |name: &str| {
            let (ct, body) = multipart(&token, "scans", Some((name, &pdf)));
            let r = clerk.post_body(&format!("{page_path}/scans"), &ct, &body);
            assert_eq!(r.status, 303, "{}", r.body);
            clerk.get(&format!("{}?lang=nl", r.header("location").unwrap()))
        };

        let first = upload("stapel.pdf");
        let said = first.texts("p.scans").join(" ");
        assert!(said.contains("1 formulier herkend"), "{said}");
        assert!(said.contains("1 wacht op uw controle"), "{said}");
        // No count of file rows (there is no file of rows), and no "all in order" while a form
        // waits for the clerk.
        assert!(
            first.texts("p.lead").is_empty(),
            "{:?}",
            first.texts("p.lead")
        );
        assert!(!first.body.contains(&t(Lang::Nl, "paper-report-none")));

        // The clerk settles it.
        let mut conn = app.conn();
        let waiting = settle::pending(&mut conn, w.id).unwrap();
        assert_eq!(waiting.len(), 1);
        let mut sheet = SettledSheet::from_read(&waiting[0].sheet);
        sheet.texts.insert(item, "Vriendelijk".into());
        settle::settle(
            &mut conn,
            &w,
            &def,
            &mut std::iter::once(sheet),
            Options::default(),
            today(),
            &mut |_| {},
        )
        .unwrap();
        settle::drop_pending(&mut conn, w.id, waiting[0].id).unwrap();
        drop(conn);
        assert_eq!(app.count("responses"), 1);

        // The same stack again: nothing added, nothing waiting, and the report says why.
        let again = upload("stapel-nog-eens.pdf");
        assert_eq!(
            again.texts("p.scans-already"),
            [t_count(Lang::Nl, "paper-report-scans-already", 1)]
        );
        assert!(
            again.texts("p.scans-already")[0].contains("al eerder ingelezen"),
            "{:?}",
            again.texts("p.scans-already")
        );
        assert!(settle::pending(&mut app.conn(), w.id).unwrap().is_empty());
        assert_eq!(app.count("responses"), 1);
    }
);

both_backends!(
    the_blank_back_sides_of_a_duplex_scan_are_skipped_not_put_aside,
    |app| {
        if !have_pdftoppm() {
            return;
        }
        let def = standard();
        let w = wave(&app, -5, 30, &["paper-scan"]);
        let (mut pages, l) = printed(&app, &w, 2);
        let n = l.pages.len();
        cross(&mut pages[0], l.pages[0].boxes[0].rect);
        cross(&mut pages[n], l.pages[0].boxes[1].rect);
        // The second form's first page has its QR code torn off: that page is not blank, and
        // still goes to the clerk.
        let px = DPI / 25.4;
        let q = l.qr;
        let torn = &mut pages[n];
        for y in ((q.y - 1.0) * px) as u32..((q.y + q.h + 1.0) * px) as u32 {
            for x in ((q.x - 1.0) * px) as u32..((q.x + q.w + 1.0) * px) as u32 {
                torn.pixels[y as usize * torn.width as usize + x as usize] = 255;
            }
        }
        // Duplex: every sheet's empty back side comes along.
        let mut sides = vec![];
        for p in pages {
            let back = synth::Gray::blank(p.width, p.height, 240);
            sides.push(p);
            sides.push(back);
        }
        let dir = tempfile::tempdir().unwrap();
        let file = scan_file(&dir, "duplex.pdf", &sides);
        let mut conn = app.conn();
        let (summary, _) = scan::import_scans(
            &mut conn,
            &w,
            &def,
            &[file],
            Options::default(),
            today(),
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(summary.pages as usize, 4 * n, "{summary:?}");
        assert_eq!(summary.blank as usize, 2 * n, "{summary:?}");
        assert_eq!(summary.forms, 2, "{summary:?}");
        assert_eq!(summary.problems.len(), 1, "only the torn page: {summary:?}");
        let loose: Vec<_> = settle::pending(&mut conn, w.id)
            .unwrap()
            .into_iter()
            .filter(|p| p.form.is_empty())
            .collect();
        assert_eq!(loose.len(), 1, "only the torn page waits on its own");
        assert!(
            loose[0].sheet.pages[0].thumbnail_png.is_some(),
            "shown to the clerk"
        );
    }
);

both_backends!(
    a_form_whose_pages_come_back_in_two_stacks_waits_whole,
    |app| {
        if !have_pdftoppm() {
            return;
        }
        let def = standard();
        let w = wave(&app, -5, 30, &["paper-scan"]);
        let (mut pages, l) = printed(&app, &w, 1);
        let n = l.pages.len();
        assert!(n >= 3, "{n} pages");
        let first_box = &l.pages[0].boxes[0];
        let last_box = &l.pages[n - 1].boxes[0];
        cross(&mut pages[0], first_box.rect);
        cross(&mut pages[n - 1], last_box.rect);
        let dir = tempfile::tempdir().unwrap();
        // The first and last page in one stack, the pages between in the next.
        let outer = scan_file(
            &dir,
            "stapel-1.pdf",
            &[pages[0].clone(), pages[n - 1].clone()],
        );
        let inner = scan_file(&dir, "stapel-2.pdf", &pages[1..n - 1]);
        let mut conn = app.conn();
        for file in [outer, inner] {
            scan::import_scans(
                &mut conn,
                &w,
                &def,
                &[file],
                Options::default(),
                today(),
                &mut |_| {},
            )
            .unwrap();
        }
        let waiting = settle::pending(&mut conn, w.id).unwrap();
        assert_eq!(waiting.len(), 1, "one form waits");
        let sheet = &waiting[0].sheet;
        let got: Vec<u32> = sheet
            .pages
            .iter()
            .filter_map(|p| p.id.as_ref().map(|i| i.page))
            .collect();
        assert_eq!(got, (1..=n as u32).collect::<Vec<_>>(), "every page");
        assert!(
            !sheet
                .conflicts
                .iter()
                .any(|c| matches!(c, Conflict::PageMissing { .. })),
            "{:?}",
            sheet.conflicts
        );
        // The marks of the first stack are kept.
        let marked = sheet.marked();
        assert_eq!(
            marked.get(&first_box.item),
            Some(&vec![first_box.value.clone()])
        );
        assert_eq!(
            marked.get(&last_box.item),
            Some(&vec![last_box.value.clone()])
        );
    }
);
