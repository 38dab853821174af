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
    let def = standard();
    let contact = klankbord::config::Contact::named("Gemeente Voorbeeld");
    let pdf = klankbord::surveys::paper::form_pdf::print_wave(
        &mut app.conn(),
        w,
        &def,
        Lang::Nl,
        &contact,
        (1, forms),
        klankbord::surveys::today(),
    )
    .unwrap();
    let l = layout::load_for_version(&mut app.conn(), w.version_id).unwrap()[0]
        .layout
        .clone();
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
            .map(|(k, v)| if k.starts_with("vakje-") { (k, "0".into()) } else { (k, v) })
            .collect();
        fields.push(("daarna".into(), "volgende".into()));
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = clerk.post_raw(&links[0], &refs);
        assert_eq!(r.status, 303, "{}", r.body);
        let next = r.header("location").unwrap().to_string();
        assert!(
            next.starts_with(&format!("{}?melding=paper-verify-notice-imported", links[1])),
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
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
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
