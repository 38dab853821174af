//! Reading scanned paper forms on both databases: a wave's forms printed as PDF, rasterised by
//! poppler, marked with known answers, distorted and stored as a scanner would (JPEG in a PDF,
//! CCITT G4 in a PDF, pages out of order and upside down), read back with `import_scans`, the
//! doubtful sheets settled as a clerk would, and every stored answer compared with the answers
//! that the same sheets give when typed in directly.

use std::collections::BTreeMap;

use diesel::prelude::*;
use klankbord::db::schema::responses;
use klankbord::fmt::today;
use klankbord::surveys::definition::ItemKind;
use klankbord::surveys::paper::import::Options;
use klankbord::surveys::paper::omr::{scan, settle, SettledSheet};
use klankbord::surveys::paper::scan_synth::{self as synth, Distortion, Store};
use klankbord::surveys::paper::sheet::form_number;
use klankbord::surveys::paper::{form_pdf, layout};
use klankbord::web::i18n::Lang;

use crate::both_backends;
use crate::surveys::{standard, wave};

fn answers_of(app: &crate::support::TestApp, wave_id: i64) -> Vec<String> {
    let mut a: Vec<String> = responses::table
        .filter(responses::wave_id.eq(wave_id))
        .select(responses::answers)
        .load(&mut app.conn())
        .unwrap();
    a.sort();
    a
}

/// Whether poppler's `pdftoppm` is there to rasterise forms (required when all suites must run).
pub(crate) fn have_pdftoppm() -> bool {
    let there = std::process::Command::new("pdftoppm")
        .arg("-v")
        .output()
        .is_ok();
    assert!(
        there || std::env::var("KLANKBORD_REQUIRE_ALL").is_err(),
        "pdftoppm (poppler-utils) is needed"
    );
    there
}

both_backends!(
    printed_forms_are_scanned_read_and_imported_with_every_answer_right,
    |app| {
        if !have_pdftoppm() {
            return;
        }
        let def = standard();
        let scanned = wave(&app, -5, 30, &["paper-scan"]);
        let typed = wave(&app, -5, 30, &["paper-scan"]);
        let contact = klankbord::config::Contact::named("Gemeente Voorbeeld");
        let mut conn = app.conn();
        let pdf = form_pdf::print_wave(
            &mut conn,
            &scanned,
            &def,
            Lang::Nl,
            &contact,
            (1, 2),
            false,
            today(),
        )
        .unwrap()
        .expect("numbers not printed before");
        let stored = layout::load_for_version(&mut conn, scanned.version_id).unwrap();
        assert_eq!(stored.len(), 1, "the layout is stored once");
        let l = stored[0].layout.clone();
        let pages = l.pages.len();
        // Printing again stores no second layout.
        form_pdf::print_wave(
            &mut conn,
            &scanned,
            &def,
            Lang::Nl,
            &contact,
            (3, 3),
            false,
            today(),
        )
        .unwrap()
        .expect("numbers not printed before");
        assert_eq!(
            layout::load_for_version(&mut conn, scanned.version_id)
                .unwrap()
                .len(),
            1
        );

        let dpi = 200.0;
        let rasters = synth::rasterise(&pdf, dpi as u32, 1, 2 * pages).unwrap();
        let multi = |k: &str| {
            def.item(k)
                .is_some_and(|i| matches!(i.kind, ItemKind::Multi { .. }))
        };
        let mut rng = synth::rng(2027);
        let mut truth: BTreeMap<u64, SettledSheet> = BTreeMap::new();
        let mut files: Vec<Vec<synth::Gray>> = vec![vec![], vec![]];
        for (n, mut page) in rasters.into_iter().enumerate() {
            let form = n as u64 / pages as u64 + 1;
            let page_no = (n % pages) as u32 + 1;
            let boxes = synth::mark_page(&mut rng, &mut page, &l, page_no, dpi, &multi);
            let sheet = truth.entry(form).or_insert_with(|| SettledSheet {
                form: form_number(scanned.id, form),
                ..Default::default()
            });
            for b in boxes.iter().filter(|b| b.chosen) {
                sheet
                    .choices
                    .entry(b.item.clone())
                    .or_default()
                    .push(b.value.clone());
            }
            let mut d = Distortion::random(&mut rng);
            // The second form's last page was fed upside down.
            if form == 2 && page_no as usize == pages {
                d.rotate_deg = 181.5;
            }
            files[form as usize - 1].push(synth::distort(&mut rng, &page, d, dpi));
        }
        // The first form's pages in reverse order (JPEG), the second's as G4 bilevel.
        files[0].reverse();
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<_> = files
            .iter()
            .zip([Store::JpegPdf, Store::G4Pdf])
            .enumerate()
            .map(|(i, (pages, store))| {
                let p = dir.path().join(format!("scan{i}.pdf"));
                std::fs::write(&p, synth::pdf_of(pages, store, dpi)).unwrap();
                p
            })
            .collect();

        let mut findings = vec![];
        let (summary, imported) = scan::import_scans(
            &mut conn,
            &scanned,
            &def,
            &paths,
            Options::default(),
            today(),
            &mut |f| findings.push(f.clone()),
        )
        .unwrap();
        assert_eq!(summary.pages as usize, 2 * pages, "{summary:?}");
        assert_eq!(summary.unreadable, 0, "{summary:?}");
        assert_eq!(summary.forms, 2, "{summary:?}");
        assert_eq!(summary.settled + summary.pending, 2, "{summary:?}");
        assert_eq!(imported.imported, summary.settled, "{imported:?}");
        // The clerk settles what waits: every doubtful box has its cut-out; the clerk's answer is
        // what was on paper.
        for p in settle::pending(&mut conn, scanned.id).unwrap() {
            for page in &p.sheet.pages {
                assert!(page.problem.is_none(), "{:?}", page.problem);
                for b in page.doubtful() {
                    let png = b.cutout_png.as_ref().expect("a cut-out of a doubtful box");
                    assert!(png.starts_with(b"\x89PNG"));
                }
                assert!(page.fields.iter().all(|f| f.png.starts_with(b"\x89PNG")));
            }
            let n: u64 = p.form.rsplit('-').next().unwrap().parse().unwrap();
            let s = settle::settle(
                &mut conn,
                &scanned,
                &def,
                &mut std::iter::once(truth[&n].clone()),
                Options::default(),
                today(),
                &mut |_| {},
            )
            .unwrap();
            assert_eq!(s.imported, 1);
            settle::drop_pending(&mut conn, scanned.id, p.id).unwrap();
        }
        assert!(settle::pending(&mut conn, scanned.id).unwrap().is_empty());
        // The same sheets typed in directly (the truth), into the other wave.
        let mut direct = truth.values().map(|s| {
            let n: u64 = s.form.rsplit('-').next().unwrap().parse().unwrap();
            SettledSheet {
                form: form_number(typed.id, n),
                ..s.clone()
            }
        });
        settle::settle(
            &mut conn,
            &typed,
            &def,
            &mut direct,
            Options::default(),
            today(),
            &mut |_| {},
        )
        .unwrap();
        let got = answers_of(&app, scanned.id);
        assert_eq!(got.len(), 2);
        assert_eq!(got, answers_of(&app, typed.id), "every answer as on paper");

        // Reading the same scans again adds nothing: the form numbers are known.
        let (_, again) = scan::import_scans(
            &mut conn,
            &scanned,
            &def,
            &paths,
            Options::default(),
            today(),
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(again.imported, 0);
        assert_eq!(answers_of(&app, scanned.id).len(), 2);
    }
);

/// A file-upload form's body as a browser sends it, the file in `field`: (content type, body).
pub(crate) fn multipart(
    token: &str,
    field: &str,
    file: Option<(&str, &[u8])>,
) -> (String, Vec<u8>) {
    let boundary = "----klankbordscangrens5TzQ8";
    let mut body =
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n")
            .into_bytes();
    if let Some((name, bytes)) = file {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Forms `from..=to` of `w` (the standard questionnaire, in Dutch) as the print forms make them,
/// with the layout they were printed with.
pub(crate) fn print_forms(
    app: &crate::support::TestApp,
    w: &klankbord::surveys::waves::Wave,
    (from, to): (u64, u64),
) -> (Vec<u8>, layout::FormLayout) {
    let contact = klankbord::config::Contact::named("Gemeente Voorbeeld");
    let mut conn = app.conn();
    let pdf = form_pdf::print_wave(
        &mut conn,
        w,
        &standard(),
        Lang::Nl,
        &contact,
        (from, to),
        false,
        today(),
    )
    .unwrap()
    .expect("numbers not printed before");
    let l = layout::load_for_version(&mut conn, w.version_id).unwrap()[0]
        .layout
        .clone();
    (pdf, l)
}

/// Scans of `forms` printed forms of `w`, marked at random (seeded) and lightly distorted, at
/// 150 dpi, one grey page per scanned side, with the truth per form.
pub(crate) fn scanned_forms(
    app: &crate::support::TestApp,
    w: &klankbord::surveys::waves::Wave,
    forms: u64,
    seed: u64,
) -> (Vec<synth::Gray>, BTreeMap<u64, SettledSheet>) {
    let def = standard();
    let (pdf, l) = print_forms(app, w, (1, forms));
    let pages = l.pages.len();
    let dpi = 150.0;
    let multi = |k: &str| {
        def.item(k)
            .is_some_and(|i| matches!(i.kind, ItemKind::Multi { .. }))
    };
    let mut rng = synth::rng(seed);
    let mut truth: BTreeMap<u64, SettledSheet> = BTreeMap::new();
    let mut out = vec![];
    for (n, mut page) in synth::rasterise(&pdf, dpi as u32, 1, forms as usize * pages)
        .unwrap()
        .into_iter()
        .enumerate()
    {
        let form = n as u64 / pages as u64 + 1;
        let boxes = synth::mark_page(&mut rng, &mut page, &l, (n % pages) as u32 + 1, dpi, &multi);
        let sheet = truth.entry(form).or_insert_with(|| SettledSheet {
            form: form_number(w.id, form),
            ..Default::default()
        });
        for b in boxes.iter().filter(|b| b.chosen) {
            sheet
                .choices
                .entry(b.item.clone())
                .or_default()
                .push(b.value.clone());
        }
        let d = Distortion {
            rotate_deg: 0.8,
            scale: 0.98,
            shift_mm: (1.0, -1.5),
            blur: 0,
            noise: 4.0,
        };
        out.push(synth::distort(&mut rng, &page, d, dpi));
    }
    (out, truth)
}

both_backends!(
    a_clerk_uploads_scans_on_the_invoerders_page_and_a_wrong_file_stores_nothing,
    |app| {
        use klankbord::accounts::model::Role;
        use klankbord::db::schema::{audit_log, paper_reports, paper_scan_pending};
        use klankbord::web::i18n::t;
        if !have_pdftoppm() {
            return;
        }
        let w = wave(&app, -5, 30, &["paper-scan"]);
        let (pages, _) = scanned_forms(&app, &w, 2, 31);
        let good = synth::pdf_of(&pages, Store::JpegPdf, 150.0);
        let (clerk, _) = app.logged_in("invoer.scans", &[Role::Invoerder]);
        let page_path = format!("/invoer/rondes/{}/papier", w.id);
        let page = clerk.get(&format!("{page_path}?lang=nl"));
        assert_eq!(page.status, 200);
        let scan_path = format!("{page_path}/scans");
        assert_eq!(
            page.attr("form[action$='/scans'] input[type=file]", "accept")
                .as_deref(),
            Some(".pdf,.tif,.tiff,.png,.jpg,.jpeg,application/pdf,image/tiff,image/png,image/jpeg")
        );
        assert!(page.body.contains(&format!("action=\"{scan_path}\"")));
        let token = page.csrf();
        let nothing_stored = |app: &crate::support::TestApp| {
            let mut conn = app.conn();
            let reports: i64 = paper_reports::table.count().get_result(&mut conn).unwrap();
            let waiting: i64 = paper_scan_pending::table
                .count()
                .get_result(&mut conn)
                .unwrap();
            assert_eq!(
                (app.count("responses"), reports, waiting),
                (0, 0, 0),
                "nothing stored"
            );
        };

        // The forms to scan come from the same page, as a PDF; a wrong range is said plainly.
        let (status, kind, bytes) =
            clerk.get_bytes(&format!("{page_path}/formulieren?van=3&tot=4&taal=en"));
        assert_eq!((status, kind.as_str()), (200, "application/pdf"));
        assert!(bytes.starts_with(b"%PDF"));
        let stored_layouts = layout::load_for_version(&mut app.conn(), w.version_id).unwrap();
        assert!(
            stored_layouts.iter().any(|s| s.lang == "en"),
            "its layout is stored"
        );
        let r = clerk.get(&format!(
            "{page_path}/formulieren?van=5&tot=1&taal=nl&lang=nl"
        ));
        assert_eq!(r.status, 422);
        assert_eq!(r.texts("#van-error"), [t(Lang::Nl, "paper-error-range")]);

        // No file, an empty file, and a file that is no scan (the scanner's CSV chosen by
        // mistake): said plainly.
        for (file, key) in [
            (None, "paper-scan-error-file"),
            (Some(("leeg.pdf", &b""[..])), "paper-scan-error-empty"),
            (
                Some(("stapel.csv", &b"questionnaire_id,global_id\n1,2\n"[..])),
                "paper-scan-error-type",
            ),
        ] {
            let (ct, body) = multipart(&token, "scans", file);
            let r = clerk.post_body(&scan_path, &ct, &body);
            assert_eq!(r.status, 422, "{key}");
            assert_eq!(r.texts("#scans-error"), [t(Lang::Nl, key)]);
            assert_eq!(r.attr("#scans", "aria-invalid").as_deref(), Some("true"));
        }
        nothing_stored(&app);
        // A forged upload is refused before it is read.
        let (ct, body) = multipart(
            "verkeerdverkeerdverkeerdverkeerd",
            "scans",
            Some(("scan.pdf", &good)),
        );
        assert_eq!(clerk.post_body(&scan_path, &ct, &body).status, 403);
        // A file with a damaged page: refused whole, the page named, nothing half imported.
        let mut damaged = good.clone();
        // Streams in order: page 1's content and image, page 2's content and image.
        let second = damaged
            .windows(10)
            .enumerate()
            .filter(|(_, w)| w == b">>\nstream\n")
            .map(|(i, _)| i + 10)
            .nth(3)
            .unwrap();
        damaged[second..second + 400].fill(0);
        let (ct, body) = multipart(&token, "scans", Some(("scan-kapot.pdf", &damaged)));
        let r = clerk.post_body(&scan_path, &ct, &body);
        assert_eq!(r.status, 422);
        let said = r.texts("#scans-error").join(" ");
        assert!(said.contains("scan-kapot.pdf, pagina 2"), "{said}");
        assert!(said.contains("niets ingelezen"), "{said}");
        nothing_stored(&app);

        // The scans as the scanner made them: read, the clear forms imported, the rest waiting.
        let (ct, body) = multipart(&token, "scans", Some(("scan-1.pdf", &good)));
        let r = clerk.post_body(&scan_path, &ct, &body);
        assert_eq!(r.status, 303, "{}", r.body);
        let report_path = r.header("location").unwrap().to_string();
        assert!(report_path.starts_with(&format!("{page_path}/verslag/")));
        let report = clerk.get(&format!("{report_path}?lang=nl"));
        assert_eq!(report.status, 200);
        let mut conn = app.conn();
        let waiting = settle::pending(&mut conn, w.id).unwrap().len() as i64;
        let stored = app.count("responses");
        assert_eq!(stored + waiting, 2, "each form imported or waiting");
        assert_eq!(
            report.texts("p.scans"),
            [klankbord::web::i18n::t_nums(
                Lang::Nl,
                "paper-report-scans",
                &[
                    ("pages", pages.len() as i64),
                    ("forms", 2),
                    ("settled", stored),
                    ("pending", waiting)
                ],
                &[]
            )]
        );
        if waiting > 0 {
            assert!(report.body.contains(&format!("{page_path}/controle")));
        }
        let logged: Vec<(String, Option<String>)> = audit_log::table
            .filter(audit_log::action.eq("paper.scans_read"))
            .select((audit_log::action, audit_log::detail))
            .load(&mut conn)
            .unwrap();
        assert_eq!(logged.len(), 1);
        // The page lists it among the reports, and keeps offering the CSV type chosen before.
        let page = clerk.get(&format!("{page_path}?lang=nl"));
        assert!(page.body.contains("scan-1.pdf"));
        // The same scans again add nothing.
        let (ct, body) = multipart(&token, "scans", Some(("scan-1.pdf", &good)));
        assert_eq!(clerk.post_body(&scan_path, &ct, &body).status, 303);
        assert_eq!(app.count("responses"), stored);
    }
);
