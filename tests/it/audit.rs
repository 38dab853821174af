//! The audit log: staff actions on personal data, append-only, without personal data, exportable.

use diesel::connection::SimpleConnection;
use klankbord::accounts::model::Role;

use crate::both_backends;

both_backends!(staff_actions_are_audited_without_personal_data, |app| {
    let (admin, admin_id) = app.logged_in("audit.beheer", &[Role::Beheerder]);
    let (_, _, target) = app.user("audit.doel", &[Role::Raadslid]);
    let page = format!("/beheer/gebruikers/{target}");
    admin.submit(
        &page,
        &format!("{page}/status"),
        &[("actie", "uitschakelen")],
    );
    admin.submit(
        &page,
        &format!("{page}/rollen"),
        &[("rol", "raadslid"), ("rol", "onderzoeker")],
    );
    let r = admin.get("/beheer/audit");
    assert_eq!(r.status, 200);
    let actions = r.texts("td code");
    assert!(
        actions.contains(&"user.disabled".to_string()),
        "{actions:?}"
    );
    assert!(actions.contains(&"user.roles_set".to_string()));
    assert!(actions.contains(&"user.login".to_string()));
    let csv = admin.get("/beheer/audit.csv");
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(csv
        .header("content-disposition")
        .unwrap()
        .contains("attachment"));
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let disabled = rows
        .iter()
        .find(|r| &r[5] == "user.disabled")
        .expect("disabled row");
    assert_eq!(&disabled[2], admin_id.to_string());
    assert_eq!(&disabled[7], target.to_string());
    // Display names (personal data) never appear in the log, only account numbers and codes.
    assert!(!csv.body.contains("Test audit.doel"), "{}", csv.body);
    // The export itself is logged.
    assert!(admin
        .get("/beheer/audit")
        .texts("td code")
        .contains(&"audit.exported".to_string()));
});

both_backends!(audit_log_is_append_only_in_the_database, |app| {
    app.user("a.append", &[Role::Raadslid]);
    let mut conn = app.conn();
    assert!(conn
        .batch_execute("UPDATE audit_log SET action = 'x'")
        .is_err());
    assert!(conn.batch_execute("DELETE FROM audit_log").is_err());
    assert!(app.count("audit_log") >= 1);
});

/// One audit line as the test compares it: (account, action, record type, record, detail).
type Line = (Option<i64>, String, String, Option<String>, Option<String>);

fn lines_about(app: &crate::support::TestApp, kind: &str, id: &str) -> Vec<Line> {
    use diesel::prelude::*;
    use klankbord::db::schema::audit_log;
    audit_log::table
        .filter(audit_log::record_type.eq(kind))
        .filter(audit_log::record_id.eq(id))
        .order(audit_log::id)
        .select((
            audit_log::actor_id,
            audit_log::action,
            audit_log::record_type,
            audit_log::record_id,
            audit_log::detail,
        ))
        .load(&mut app.conn())
        .unwrap()
}

both_backends!(a_whole_complaint_leaves_a_complete_trail, |app| {
    use diesel::prelude::*;
    use klankbord::db::schema::{audit_log, complaint_attachments, complaint_letters, complaints};
    use klankbord::web::i18n::{t, Lang};

    use crate::support::TEST_CSRF;

    let started = klankbord::db::now() - chrono::Duration::seconds(1);
    let today = klankbord::fmt::today();
    let (_, _, co) = app.user("spoor.coordinator", &[Role::Klachtcoordinator]);
    let (handler_name, _, h) = app.user("spoor.behandelaar", &[Role::Klachtbehandelaar]);
    let (_, _, m) = app.user("spoor.commissie", &[Role::Commissielid]);
    let (_, _, other) = app.user("spoor.andere.behandelaar", &[Role::Klachtbehandelaar]);
    let (_, _, council) = app.user("spoor.raadslid", &[Role::Raadslid]);
    let (_, _, admin) = app.user("spoor.beheer", &[Role::Beheerder]);
    let (coordinator, handler, member) = (
        app.session_client(co),
        app.session_client(h),
        app.session_client(m),
    );
    let post = |c: &crate::support::Client, path: &str, fields: &[(&str, &str)]| {
        let mut all = vec![("csrf", TEST_CSRF)];
        all.extend_from_slice(fields);
        let r = c.post_raw(path, &all);
        assert_eq!(r.status, 303, "POST {path}: {}", r.body);
    };

    // Intake: a resident on the web, with a file, without e-mail (so the letters are printed).
    let resident = app.client();
    let token = resident.get("/klacht?lang=nl").csrf();
    let (ct, body) = crate::paper::multipart(
        &[
            ("csrf", &token),
            (
                "omschrijving",
                "Mijn bankafschriften werden hardop besproken.",
            ),
            ("naam", "Fatma Kaya"),
            ("adres", "Kerkstraat 7\n1234 AB Voorbeeld"),
        ],
        Some(("brief.pdf", b"%PDF-1.4 brief van de gemeente")),
    );
    assert_eq!(resident.post_body("/klacht", &ct, &body).status, 303);
    let id: i64 = complaints::table
        .select(complaints::id)
        .first(&mut app.conn())
        .unwrap();
    let case = format!("/klachten/{id}");
    let step = |c: &crate::support::Client, action: &str, fields: &[(&str, &str)]| {
        let mut all = vec![("actie", action)];
        all.extend_from_slice(fields);
        post(c, &format!("{case}/stap"), &all);
    };

    // Triage and assignment.
    assert_eq!(coordinator.get(&case).status, 200);
    post(
        &coordinator,
        &format!("{case}/indeling"),
        &[
            ("soort", "klacht"),
            ("commissie", "ja"),
            ("behandelaar", &h.to_string()),
        ],
    );
    step(&coordinator, "start_mediation", &[]);
    // Mediation by the handler it was assigned to.
    assert_eq!(handler.get(&case).status, 200);
    post(
        &handler,
        &format!("{case}/bemiddeling"),
        &[
            ("contact", &today.format("%Y-%m-%d").to_string()),
            ("terugkoppeling", "Gesprek gevoerd, niet opgelost."),
            ("tevreden", "nee"),
        ],
    );
    step(
        &handler,
        "start_formal_handling",
        &[("reden", "Niet opgelost.")],
    );
    // The hearing and the committee's advice.
    step(&coordinator, "inform_person", &[]);
    assert_eq!(member.get(&case).status, 200);
    let when = (today + chrono::Duration::days(7))
        .format("%Y-%m-%d")
        .to_string();
    step(
        &member,
        "plan_hearing",
        &[
            ("datum", &when),
            ("tijd", "14:00"),
            ("wijze", "ter_plaatse"),
            ("plaats", "Raadhuis, kamer 2"),
            ("genodigden", "klager, teamleider"),
        ],
    );
    // The day of the hearing has come.
    diesel::update(
        klankbord::db::schema::complaint_hearings::table
            .filter(klankbord::db::schema::complaint_hearings::complaint_id.eq(id)),
    )
    .set(klankbord::db::schema::complaint_hearings::planned_at.eq(klankbord::db::now()))
    .execute(&mut app.conn())
    .unwrap();
    step(
        &member,
        "hold_hearing",
        &[
            ("aanwezig", "klager"),
            ("tekst", "Verslag: Fatma Kaya is gehoord."),
        ],
    );
    step(&member, "record_advice", &[("tekst", "Gegrond verklaren.")]);
    // The decision.
    post(
        &coordinator,
        &format!("{case}/onderdelen"),
        &[("onderdeel", "Privacy aan de balie")],
    );
    let element: i64 = klankbord::db::schema::complaint_elements::table
        .select(klankbord::db::schema::complaint_elements::id)
        .first(&mut app.conn())
        .unwrap();
    post(
        &coordinator,
        &format!("{case}/onderdelen/{element}"),
        &[("oordeel", "gegrond"), ("conclusie", "Een spreekkamer.")],
    );
    assert_eq!(
        crate::complaints::send_decision(&coordinator, &case).status,
        303
    );
    // A letter printed and posted; the file downloaded; the register opened.
    assert_eq!(coordinator.get("/klachten/brieven").status, 200);
    let letter: i64 = complaint_letters::table
        .filter(complaint_letters::complaint_id.eq(id))
        .order(complaint_letters::id)
        .select(complaint_letters::id)
        .first(&mut app.conn())
        .unwrap();
    post(
        &coordinator,
        &format!("/klachten/brieven/{letter}/verstuurd"),
        &[],
    );
    let attachment: i64 = complaint_attachments::table
        .select(complaint_attachments::id)
        .first(&mut app.conn())
        .unwrap();
    let (status, _, _) = coordinator.get_bytes(&format!("{case}/bijlagen/{attachment}"));
    assert_eq!(status, 200);
    let year = chrono::Datelike::year(&today);
    assert_eq!(
        coordinator
            .get(&format!("/klachten/register?jaar={year}"))
            .status,
        200
    );
    // Failed access: a handler it is not assigned to, and a council member.
    assert_eq!(app.session_client(other).get(&case).status, 404);
    assert_eq!(app.session_client(council).get(&case).status, 403);

    // The trail of the case, line by line: who, what, which object; the states, never text.
    let c = |a: &str| a.to_string();
    let moved = |a: &str, b: &str| Some(format!("{a} -> {b}"));
    let sid = Some(id.to_string());
    let expected: Vec<(Option<i64>, String, Option<String>)> = vec![
        (None, c("complaint.registered"), None),
        (Some(co), c("complaint.viewed"), None),
        (
            Some(co),
            c("complaint.assigned"),
            Some(format!("behandelaar {h}")),
        ),
        (Some(co), c("complaint.classified"), None),
        (
            Some(co),
            c("complaint.start_mediation"),
            moved("ontvangen", "bemiddeling"),
        ),
        (Some(h), c("complaint.viewed"), None),
        (Some(h), c("complaint.mediation_recorded"), None),
        (
            Some(h),
            c("complaint.start_formal_handling"),
            moved("bemiddeling", "formele_behandeling"),
        ),
        (Some(co), c("complaint.inform_person"), None),
        (Some(m), c("complaint.viewed"), None),
        (
            Some(m),
            c("complaint.plan_hearing"),
            moved("formele_behandeling", "hoorzitting_gepland"),
        ),
        (
            Some(m),
            c("complaint.hold_hearing"),
            moved("hoorzitting_gepland", "gehoord"),
        ),
        (
            Some(m),
            c("complaint.record_advice"),
            moved("gehoord", "geadviseerd"),
        ),
        (Some(co), c("complaint.element_added"), None),
        (Some(co), c("complaint.element_judged"), None),
        (
            Some(co),
            c("complaint.decide"),
            moved("geadviseerd", "besloten"),
        ),
        (Some(co), c("complaint.letters_viewed"), None),
        (Some(co), c("complaint.letter_posted"), None),
        (
            Some(co),
            c("complaint.document_downloaded"),
            Some(format!("bijlage {attachment}")),
        ),
        (
            Some(other),
            c("complaint.access_refused"),
            Some(c("view hidden")),
        ),
        (
            Some(council),
            c("access.refused"),
            Some(c("route /klachten/{id}")),
        ),
    ];
    let trail = lines_about(&app, "complaint", &id.to_string());
    let got: Vec<(Option<i64>, String, Option<String>)> = trail
        .iter()
        .map(|(who, action, kind, record, detail)| {
            assert_eq!((kind.as_str(), record), ("complaint", &sid));
            // The letters line names the letters shown; the rest is compared whole.
            let detail = if action == "complaint.letters_viewed" {
                assert!(
                    detail.as_deref().unwrap().starts_with("brieven "),
                    "{detail:?}"
                );
                None
            } else {
                detail.clone()
            };
            (*who, action.clone(), detail)
        })
        .collect();
    assert_eq!(got.len(), expected.len(), "{got:#?}");
    for (n, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "line {n} of the trail");
    }
    // Via: the resident on the public form, the rest on the web as staff; all within the walk.
    let meta: Vec<(String, chrono::NaiveDateTime)> = audit_log::table
        .filter(audit_log::record_type.eq("complaint"))
        .order(audit_log::id)
        .select((audit_log::via, audit_log::at))
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(meta[0].0, "public");
    assert!(meta[1..].iter().all(|(via, _)| via == "web"));
    assert!(meta
        .iter()
        .all(|(_, at)| *at >= started && *at <= klankbord::db::now()));
    assert!(meta.windows(2).all(|w| w[0].1 <= w[1].1), "in time order");
    assert_eq!(
        lines_about(&app, "complaint_register", &year.to_string()),
        [(
            Some(co),
            c("complaint.register_viewed"),
            c("complaint_register"),
            Some(year.to_string()),
            None
        )]
    );

    // The administrator's log page filters by object, account, action and period.
    let admin = app.session_client(admin);
    let shown = |query: &str| -> Vec<String> {
        let r = admin.get(&format!("/beheer/audit?{query}"));
        assert_eq!(r.status, 200, "{query}: {}", r.body);
        r.texts("td code")
    };
    let mut newest_first: Vec<String> = expected.iter().map(|(_, a, _)| a.clone()).collect();
    newest_first.reverse();
    assert_eq!(shown(&format!("soort=complaint&record={id}")), newest_first);
    assert_eq!(
        shown(&format!("gebruiker={handler_name}&soort=complaint")),
        [
            "complaint.start_formal_handling",
            "complaint.mediation_recorded",
            "complaint.viewed"
        ]
    );
    assert_eq!(
        shown(&format!("actie=complaint.viewed&record={id}")),
        ["complaint.viewed"; 3]
    );
    let everything_about_complaints = shown("actie=complaint");
    assert_eq!(
        everything_about_complaints.len(),
        expected.len() - 1 + 1,
        "{everything_about_complaints:?}"
    );
    assert!(everything_about_complaints
        .iter()
        .all(|a| a.starts_with("complaint.")));
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    assert_eq!(
        shown(&format!(
            "soort=complaint&record={id}&van={}&tot={}",
            day(today),
            day(today)
        ))
        .len(),
        expected.len()
    );
    assert!(shown(&format!(
        "soort=complaint&record={id}&van={}",
        day(today + chrono::Duration::days(1))
    ))
    .is_empty());
    // Wrong filters are said plainly.
    let r = admin.get("/beheer/audit?van=gisteren&gebruiker=niemand");
    assert_eq!(r.status, 422);
    assert!(r.body.contains(&t(Lang::Nl, "audit-filter-error-date")));
    assert!(r.body.contains(&t(Lang::Nl, "audit-filter-error-user")));
    let r = admin.get("/beheer/audit?van=2026-04-01&tot=2026-03-01");
    assert!(r.body.contains(&t(Lang::Nl, "audit-filter-error-period")));
    // The export uses the same filter, oldest first, and is itself logged with its filter.
    let page = admin.get(&format!("/beheer/audit?soort=complaint&record={id}"));
    // The download form keeps the filter (and offers the file for Dutch Excel first).
    assert_eq!(
        page.attr("form.download", "action").as_deref(),
        Some("/beheer/audit.csv")
    );
    let fields = page.form_values("form.download");
    let query: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&fields)
        .finish();
    assert_eq!(
        query,
        format!("scheiding=puntkomma&soort=complaint&record={id}")
    );
    let csv = admin.get(&format!("/beheer/audit.csv?{query}"));
    assert_eq!(csv.status, 200);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.body.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let actions: Vec<&str> = rows.iter().map(|r| &r[5]).collect();
    let oldest_first: Vec<&str> = expected.iter().map(|(_, a, _)| a.as_str()).collect();
    assert_eq!(actions, oldest_first);
    for personal in [
        "Fatma",
        "Kaya",
        "Kerkstraat",
        "bankafschriften",
        "spreekkamer",
        "Verslag",
    ] {
        assert!(!csv.body.contains(personal), "{personal} in the log");
    }
    assert!(shown("actie=audit.exported").len() == 1);
    let detail: Option<String> = audit_log::table
        .filter(audit_log::action.eq("audit.exported"))
        .select(audit_log::detail)
        .first(&mut app.conn())
        .unwrap();
    assert_eq!(detail, Some(format!("soort=complaint record={id}")));

    // Paging keeps the filter.
    for _ in 0..100 {
        assert_eq!(coordinator.get(&case).status, 200);
    }
    let first = admin.get("/beheer/audit?actie=complaint.viewed");
    assert_eq!(first.texts("td code").len(), 100);
    let next = first.attr("nav.pager a", "href").unwrap();
    assert_eq!(next, "/beheer/audit?actie=complaint.viewed&pagina=2");
    let second = admin.get(&next);
    assert_eq!(second.texts("td code"), ["complaint.viewed"; 3]);
});

both_backends!(exports_imports_and_report_downloads_are_logged, |app| {
    use crate::support::TEST_CSRF;
    // A closed wave: its answers and volunteers are shown only then.
    let w = crate::surveys::wave(&app, -30, -1, &["paper-scan", "web"]);
    let wid = w.id.to_string();
    let (_, _, researcher) = app.user("uit.onderzoeker", &[Role::Onderzoeker]);
    let (_, _, clerk) = app.user("uit.invoerder", &[Role::Invoerder]);
    let (_, _, council) = app.user("uit.raadslid", &[Role::Raadslid]);
    let r = app.session_client(researcher);
    for path in [
        "antwoorden.csv",
        "codeboek.csv",
        "codeboek.json",
        "gesprekken",
    ] {
        let (status, _, _) = r.get_bytes(&format!("/onderzoek/rondes/{wid}/{path}"));
        assert_eq!(status, 200, "{path}");
    }
    // A paper import (a trial run) and its report as CSV.
    let c = app.session_client(clerk);
    let page = format!("/invoer/rondes/{wid}/papier");
    let key = crate::surveys::standard()
        .items()
        .next()
        .unwrap()
        .key
        .clone();
    let file = format!("form_id,{key}\r\nR{wid}-000001,\r\n");
    let (ct, body) = crate::paper::multipart(
        &[("csrf", TEST_CSRF), ("vorm", "generic"), ("proef", "ja")],
        Some(("stapel.csv", file.as_bytes())),
    );
    let res = c.post_body(&page, &ct, &body);
    assert_eq!(res.status, 303, "{}", res.body);
    let report = res.header("location").unwrap().to_string();
    let report_id = report.rsplit('/').next().unwrap().to_string();
    assert_eq!(c.get_bytes(&format!("{report}/csv")).0, 200);
    // The council report's files.
    let year = chrono::Datelike::year(&klankbord::fmt::today()).to_string();
    let council_client = app.session_client(council);
    for file in ["open-data.csv", "open-data.json"] {
        let (status, _, _) =
            council_client.get_bytes(&format!("/rapportage/{file}?periode={year}"));
        assert_eq!(status, 200, "{file}");
    }

    let wave_lines = lines_about(&app, "wave", &wid);
    let got: Vec<(Option<i64>, &str, Option<&str>)> = wave_lines
        .iter()
        .map(|(who, a, _, _, d)| (*who, a.as_str(), d.as_deref()))
        .filter(|(_, a, _)| *a != "wave.created")
        .collect();
    let verslag = format!("verslag {report_id}");
    assert_eq!(
        got,
        [
            (Some(researcher), "survey.answers_exported", None),
            (Some(researcher), "survey.codebook_exported", Some("csv")),
            (Some(researcher), "survey.codebook_exported", Some("json")),
            (Some(researcher), "wave.volunteers_viewed", None),
            (Some(clerk), "paper.imported", Some(verslag.as_str())),
            (
                Some(clerk),
                "paper.report_downloaded",
                Some(verslag.as_str())
            ),
        ]
    );
    let report_lines = lines_about(&app, "report", &year);
    let got: Vec<(Option<i64>, &str, Option<&str>)> = report_lines
        .iter()
        .map(|(who, a, _, _, d)| (*who, a.as_str(), d.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some(council), "report.downloaded", Some("open-data.csv")),
            (Some(council), "report.downloaded", Some("open-data.json")),
        ]
    );
});
