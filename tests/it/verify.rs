//! The verification screen for scanned forms: doubtful boxes shown as cut-outs next to what was
//! read, confirmed or corrected (by keyboard in the browser), texts typed from their cut-outs;
//! nothing stored until the sheet is settled, and then only through the import pipeline; every
//! settling and removal logged.

use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::db::schema::{audit_log, paper_forms, responses};
use klankbord::surveys::paper::omr::settle::put_pending;
use klankbord::surveys::paper::omr::{
    BoxRead, Conflict, FieldCut, FieldKind, Mark, PageId, PageProblem, PageRead, SheetRead,
};
use klankbord::surveys::paper::sheet::form_number;
use klankbord::surveys::waves::Wave;
use klankbord::web::i18n::{t, t_args, Lang};

use crate::both_backends;
use crate::browser::{browser_or_skip, login_by_keyboard};
use crate::support::browser::ENTER;
use crate::support::{Backend, TestApp};
use crate::surveys::wave;

/// A small PNG, as the reader cuts out of a scan (a grey square with a dark cross).
fn png() -> Vec<u8> {
    let mut img = image::GrayImage::from_pixel(48, 48, image::Luma([230]));
    for i in 8..40 {
        img.put_pixel(i, i, image::Luma([20]));
        img.put_pixel(47 - i, i, image::Luma([20]));
    }
    let mut out = std::io::Cursor::new(vec![]);
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("png");
    out.into_inner()
}

fn bx(item: &str, value: &str, mark: Mark, doubtful: bool) -> BoxRead {
    BoxRead {
        item: item.into(),
        value: value.into(),
        mark,
        confidence: if doubtful { 0.55 } else { 0.99 },
        ink: 0.2,
        needs_verification: doubtful,
        cutout_png: doubtful.then(png),
    }
}

/// One form read with doubts: "brief" marked but unsure, "anders" empty but unsure with writing in
/// its text field, and two grades marked (a conflict).
fn doubtful_read(w: &Wave, n: u64) -> SheetRead {
    let form = form_number(w.id, n);
    SheetRead {
        wave_id: w.id,
        form: form.clone(),
        version_id: w.version_id,
        lang: "nl".into(),
        pages: vec![PageRead {
            scan_index: 1,
            id: Some(PageId {
                wave_id: w.id,
                form,
                page: 1,
                version_id: w.version_id,
                lang: "nl".into(),
                layout_id: 0,
            }),
            fit: None,
            problem: None,
            boxes: vec![
                bx("laatste_contact", "dit_jaar", Mark::Marked, false),
                bx("kanaal", "telefoon", Mark::Marked, false),
                bx("kanaal", "brief", Mark::Marked, true),
                bx("kanaal", "anders", Mark::Empty, true),
                bx("cijfer", "8", Mark::Marked, true),
                bx("cijfer", "9", Mark::Marked, true),
            ],
            fields: vec![FieldCut {
                item: "kanaal".into(),
                kind: FieldKind::Other,
                written: true,
                ink: 0.1,
                png: png(),
            }],
            thumbnail_png: None,
        }],
        conflicts: vec![Conflict::DoubleMark {
            item: "cijfer".into(),
        }],
    }
}

/// A page whose QR code could not be read.
fn unidentified(w: &Wave) -> SheetRead {
    SheetRead {
        wave_id: w.id,
        form: String::new(),
        version_id: w.version_id,
        lang: "nl".into(),
        pages: vec![PageRead {
            scan_index: 7,
            id: None,
            fit: None,
            problem: Some(PageProblem::NoQr),
            boxes: vec![],
            fields: vec![],
            thumbnail_png: Some(png()),
        }],
        conflicts: vec![],
    }
}

fn pending_ids(app: &TestApp) -> Vec<i64> {
    use klankbord::db::schema::paper_scan_pending;
    paper_scan_pending::table
        .order(paper_scan_pending::id)
        .select(paper_scan_pending::id)
        .load(&mut app.conn())
        .unwrap()
}

fn stored(app: &TestApp) -> Vec<serde_json::Value> {
    responses::table
        .select(responses::answers)
        .load::<String>(&mut app.conn())
        .unwrap()
        .iter()
        .map(|j| serde_json::from_str(j).unwrap())
        .collect()
}

both_backends!(
    a_clerk_settles_a_doubtful_scan_and_only_then_it_counts,
    |app| {
        let w = wave(&app, -5, 30, &["paper-scan"]);
        {
            let mut conn = app.conn();
            put_pending(
                &mut conn,
                w.id,
                &doubtful_read(&w, 1),
                klankbord::fmt::today(),
            )
            .unwrap();
            put_pending(&mut conn, w.id, &unidentified(&w), klankbord::fmt::today()).unwrap();
        }
        let ids = pending_ids(&app);
        let (clerk, _) = app.logged_in("invoer.controle", &[Role::Invoerder]);
        let base = format!("/invoer/rondes/{}/papier/controle", w.id);
        // The upload page leads to it; the list says what waits.
        let upload = clerk.get(&format!("/invoer/rondes/{}/papier?lang=nl", w.id));
        assert_eq!(
            upload.attr(&format!("a[href='{base}']"), "href").as_deref(),
            Some(base.as_str())
        );
        let list = clerk.get(&format!("{base}?lang=nl"));
        assert_eq!(list.status, 200);
        assert_eq!(list.texts("caption"), ["2 formulieren wachten op u"]);
        assert_eq!(list.texts("tbody tr").len(), 2);

        // The sheet: every doubtful box as a picture next to what was read, the reader's guess chosen.
        let page = clerk.get(&format!("{base}/{}?lang=nl", ids[0]));
        assert_eq!(page.status, 200);
        assert_eq!(page.texts("fieldset.verify-box").len(), 4);
        let imgs = page.texts("img.cutout");
        assert_eq!(imgs.len(), 5, "four boxes and one text field");
        assert!(page
            .attr("fieldset.verify-box img.cutout", "src")
            .unwrap()
            .starts_with("data:image/png;base64,iVBOR"));
        assert!(page.body.contains(&t_args(
            Lang::Nl,
            "paper-verify-read-marked",
            &[("percent", "55")]
        )));
        assert_eq!(
            page.attr("input#vakje-0-2-ja", "checked").as_deref(),
            Some("")
        );
        assert_eq!(
            page.attr("input#vakje-0-3-nee", "checked").as_deref(),
            Some("")
        );
        // The question's text, never its key; the conflict said in words.
        assert!(page.texts("fieldset.verify-box legend")[0].starts_with("Op welke manier"));
        assert!(!page
            .texts("fieldset.verify-box legend")
            .iter()
            .any(|l| l.starts_with("kanaal")));
        let def = crate::surveys::standard();
        let grade =
            klankbord::surveys::answers::text_in(&def.item("cijfer").unwrap().text, Lang::Nl);
        assert!(page.texts("main li").contains(&t_args(
            Lang::Nl,
            "paper-verify-conflict-double",
            &[("question", grade)]
        )));
        // Nothing is stored by looking.
        assert_eq!(app.count("responses"), 0);

        // A form without a choice for a box (forged): refused, nothing stored.
        let token = page.csrf();
        let r = clerk.post_raw(&format!("{base}/{}?lang=nl", ids[0]), &[("csrf", &token)]);
        assert_eq!(r.status, 422);
        assert!(r.texts(".error-summary li")[0].contains(&t(Lang::Nl, "paper-verify-error-choose")));
        assert_eq!(app.count("responses"), 0);

        // Both grades left marked: the question would be stored empty without a word, so the
        // clerk is asked to keep one (or none); nothing stored.
        let r = clerk.post_raw(
            &format!("{base}/{}?lang=nl", ids[0]),
            &[
                ("csrf", &token),
                ("vakje-0-2", "0"),
                ("vakje-0-3", "1"),
                ("vakje-0-4", "1"),
                ("vakje-0-5", "1"),
                ("tekst-0-0", "via de buurvrouw"),
            ],
        );
        assert_eq!(r.status, 422);
        let said = r.texts(".error-summary li");
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(
            said[0].contains(&t(Lang::Nl, "paper-verify-error-double")),
            "{said:?}"
        );
        assert_eq!(app.count("responses"), 0);
        assert_eq!(
            r.attr("textarea#tekst-0-0", "id").as_deref(),
            Some("tekst-0-0"),
            "the page comes back"
        );

        // Settled with corrections: "brief" was not meant, "anders" was, one grade.
        let r = clerk.post_raw(
            &format!("{base}/{}?lang=nl", ids[0]),
            &[
                ("csrf", &token),
                ("vakje-0-2", "0"),
                ("vakje-0-3", "1"),
                ("vakje-0-4", "1"),
                ("vakje-0-5", "0"),
                ("tekst-0-0", "via de buurvrouw"),
            ],
        );
        assert_eq!(r.status, 303, "{}", r.body);
        assert!(r
            .header("location")
            .unwrap()
            .contains("paper-verify-notice-imported"));
        let sets = stored(&app);
        assert_eq!(sets.len(), 1);
        assert_eq!(sets[0]["kanaal"], serde_json::json!(["telefoon", "anders"]));
        assert_eq!(
            sets[0]["kanaal.anders"],
            serde_json::json!("via de buurvrouw")
        );
        assert_eq!(sets[0]["cijfer"], serde_json::json!(8));
        assert_eq!(sets[0]["laatste_contact"], serde_json::json!("dit_jaar"));
        let forms: Vec<String> = paper_forms::table
            .select(paper_forms::form_id)
            .load(&mut app.conn())
            .unwrap();
        assert_eq!(forms, [form_number(w.id, 1)]);
        assert_eq!(pending_ids(&app), [ids[1]]);
        assert_eq!(clerk.get(&format!("{base}/{}", ids[0])).status, 404);

        // The same form read again and settled: the pipeline finds it was imported already.
        put_pending(
            &mut app.conn(),
            w.id,
            &doubtful_read(&w, 1),
            klankbord::fmt::today(),
        )
        .unwrap();
        let again = *pending_ids(&app).last().unwrap();
        let token = clerk.get(&format!("{base}/{again}")).csrf();
        let r = clerk.post_raw(
            &format!("{base}/{again}"),
            &[
                ("csrf", &token),
                ("vakje-0-2", "1"),
                ("vakje-0-3", "0"),
                ("vakje-0-4", "1"),
                ("vakje-0-5", "0"),
            ],
        );
        assert!(r
            .header("location")
            .unwrap()
            .contains("paper-verify-notice-duplicate"));
        assert_eq!(app.count("responses"), 1);

        // A page without a QR code: shown with its scan; it cannot be settled, only removed.
        let page = clerk.get(&format!("{base}/{}?lang=nl", ids[1]));
        assert!(page
            .body
            .contains(&t(Lang::Nl, "paper-verify-problem-no-qr")));
        assert!(page
            .body
            .contains(&t(Lang::Nl, "paper-verify-unidentified")));
        assert!(page.texts("form.verify-form").is_empty());
        let token = page.csrf();
        let r = clerk.post_raw(&format!("{base}/{}", ids[1]), &[("csrf", &token)]);
        assert_eq!(r.status, 400);
        let r = clerk.post_raw(&format!("{base}/{}/weg", ids[1]), &[("csrf", &token)]);
        assert!(r
            .header("location")
            .unwrap()
            .contains("paper-verify-notice-discarded"));
        assert!(pending_ids(&app).is_empty());
        assert_eq!(app.count("responses"), 1);

        // Logged: each settling with its counts, and the removal; no form number.
        let logged: Vec<(String, Option<String>, Option<String>)> = audit_log::table
            .filter(audit_log::action.like("paper.scan%"))
            .order(audit_log::id)
            .select((audit_log::action, audit_log::record_id, audit_log::detail))
            .load(&mut app.conn())
            .unwrap();
        assert_eq!(
            logged.iter().map(|l| l.0.as_str()).collect::<Vec<_>>(),
            [
                "paper.scan_settled",
                "paper.scan_settled",
                "paper.scan_discarded"
            ]
        );
        assert_eq!(
            logged[0].2.as_deref(),
            Some("4 vakjes nagekeken, 3 verbeterd, 1 teksten getypt")
        );
        assert!(logged
            .iter()
            .all(|l| l.1.as_deref() == Some(w.id.to_string().as_str())));
        assert!(!logged.iter().any(|l| l
            .2
            .as_deref()
            .unwrap_or("")
            .contains(&form_number(w.id, 1))));
    }
);

#[test]
fn the_verification_screen_works_by_keyboard_and_passes_axe() {
    let Some((b, axe)) = browser_or_skip("paper_verify_keyboard") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "paper_verify_keyboard") else {
        return;
    };
    let w = wave(&app, -5, 30, &["paper-scan"]);
    put_pending(
        &mut app.conn(),
        w.id,
        &doubtful_read(&w, 2),
        klankbord::fmt::today(),
    )
    .unwrap();
    put_pending(
        &mut app.conn(),
        w.id,
        &unidentified(&w),
        klankbord::fmt::today(),
    )
    .unwrap();
    let ids = pending_ids(&app);
    let (user, pass, _) = app.user("invoer.toetsen", &[Role::Invoerder]);
    login_by_keyboard(&b, &app.base, &user, &pass);
    let base = format!("/invoer/rondes/{}/papier/controle", w.id);
    let mut report = vec![];
    for path in [
        base.clone(),
        format!("{base}/{}", ids[1]),
        format!("{base}/{}", ids[0]),
    ] {
        b.goto(&format!("{}{path}?lang=nl", app.base));
        for v in b.axe_violations(&axe) {
            report.push(format!("{path}: {v}"));
        }
    }
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
    // On the sheet: Tab to the first doubtful box ("brief", read as marked) and choose "not chosen"
    // with an arrow key; then "anders" (read as empty) to marked; keep grade 8, drop grade 9.
    const DOWN: &str = "\u{E015}";
    const UP: &str = "\u{E013}";
    let name = |f: &serde_json::Value| f["name"].as_str().unwrap_or("").to_string();
    let f = b.tab_until("the first doubtful box", 60, |f| name(f) == "vakje-0-2");
    assert_eq!(f["value"], "1", "the reader's guess is chosen");
    b.keys(DOWN);
    b.tab_until("the anders box", 5, |f| name(f) == "vakje-0-3");
    b.keys(UP);
    b.tab_until("the second grade", 10, |f| name(f) == "vakje-0-5");
    b.keys(DOWN);
    b.tab_until("the text field", 5, |f| name(f) == "tekst-0-0");
    b.keys("via de buurvrouw");
    // The first button saves and goes on to the next sheet waiting (the page without a QR code).
    let f = b.tab_until("the save button", 5, |f| f["tag"] == "button");
    assert_eq!(f["text"], t(Lang::Nl, "paper-verify-submit-next"));
    b.keys(ENTER);
    let next = format!("{base}/{}?melding=paper-verify-notice-imported", ids[1]);
    b.wait_for_path("the next sheet after saving", |p| p.starts_with(&next));
    let sets = stored(&app);
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0]["kanaal"], serde_json::json!(["telefoon", "anders"]));
    assert_eq!(
        sets[0]["kanaal.anders"],
        serde_json::json!("via de buurvrouw")
    );
    assert_eq!(sets[0]["cijfer"], serde_json::json!(8));
}
