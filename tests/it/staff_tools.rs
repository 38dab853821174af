//! The staff's everyday tools (issue 14, point 7) and the CSV files for Dutch Excel (point 8), on
//! both databases: the Werkplek counts each role's work against a known set of cases, waves,
//! sheets, quotes and letters; complaints are found by number, name or tracking code only by who
//! may open them; an e-mail address is set on the web; a wave is changed until it opens; times are
//! Dutch local time in winter and summer; both CSV flavours open as a spreadsheet would read them;
//! the open-answers export carries no name, phone number, e-mail address or street address.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::complaints::store;
use klankbord::complaints::workflow::State;
use klankbord::csv_safe::BOM;
use klankbord::db::schema::{
    audit_log, complaint_events, complaint_letters, mail_outbox, paper_quarantine, quotes, users,
    waves as waves_t,
};
use klankbord::fmt::today;
use klankbord::surveys::respond::{insert_json, Meta};
use klankbord::surveys::waves;
use klankbord::web::i18n::{t, t_args, t_count, Lang};

use crate::both_backends;
use crate::complaints::setup;
use crate::support::{Client, TestApp};

/// A wave open from `from` to `to` days from today.
fn wave(app: &TestApp, name: &str, from: i64, to: i64) -> i64 {
    klankbord::surveys::builder::WaveBuilder::new()
        .name(name)
        .days_from_today(from, to)
        .population(100)
        .channels(&["web"])
        .create(&mut app.conn())
        .unwrap()
}

/// Registers a complaint from `name` and puts it in `state`, with `handler`, `committee` and a
/// deadline `due` days from today; returns (number, tracking code).
fn complaint(
    app: &TestApp,
    name: &str,
    state: State,
    handler: Option<i64>,
    committee: bool,
    due: i64,
) -> (i64, String) {
    let s = setup();
    let (id, code) = klankbord::complaints::builder::ComplaintBuilder::new()
        .name(Some(name))
        .email(Some("klager@voorbeeld.nl"))
        .description("Ik werd aan de balie niet serieus genomen.")
        .in_state(state)
        .handler(handler)
        .committee(committee)
        .deadline_on(today() + Duration::days(due))
        .register(&mut app.conn(), &s.env(), None)
        .unwrap();
    (id, code)
}

fn letter(app: &TestApp, complaint: i64, printed: bool) {
    diesel::insert_into(complaint_letters::table)
        .values((
            complaint_letters::complaint_id.eq(complaint),
            complaint_letters::kind.eq("ontvangst"),
            complaint_letters::recipient.eq("Klager"),
            complaint_letters::subject.eq("Ontvangst"),
            complaint_letters::body.eq("Brief"),
            complaint_letters::created_at.eq(klankbord::db::now()),
            complaint_letters::printed_on.eq(printed.then(today)),
        ))
        .execute(&mut app.conn())
        .unwrap();
}

/// The Werkplek of `c` shows `key` counted `n` times, as a link to `href`.
fn shows(page: &str, key: &str, n: i64, href: &str) -> bool {
    let text = t_count(Lang::Nl, key, n);
    let doc = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse("a").unwrap();
    doc.select(&sel).any(|a| {
        a.value().attr("href") == Some(href) && a.text().collect::<String>().trim() == text
    })
}

both_backends!(the_werkplek_counts_each_roles_work, |app| {
    let (coordinator, _) = app.logged_in("coordinator", &[Role::Klachtcoordinator]);
    let (hans, hans_id) = app.logged_in("hans", &[Role::Klachtbehandelaar]);
    let (els, els_id) = app.logged_in("els", &[Role::Klachtbehandelaar]);
    let (member, _) = app.logged_in("lid", &[Role::Commissielid]);
    let (researcher, _) = app.logged_in("onderzoeker", &[Role::Onderzoeker]);
    let (clerk, _) = app.logged_in("invoerder", &[Role::Invoerder]);
    let (admin, _) = app.logged_in("beheerder", &[Role::Beheerder]);
    let (council, _) = app.logged_in("raadslid", &[Role::Raadslid]);

    // Complaints: two of Hans's (one due in 3 days, one 2 days late), one of Els's, one before the
    // committee, and a closed one of Hans's that counts nowhere.
    let (c1, _) = complaint(&app, "A", State::Mediation, Some(hans_id), false, 3);
    complaint(&app, "B", State::Mediation, Some(hans_id), false, -2);
    complaint(&app, "C", State::Received, Some(els_id), false, 30);
    complaint(&app, "D", State::FormalHandling, None, true, 30);
    complaint(&app, "E", State::Closed, Some(hans_id), false, -40);
    // Letters: exactly two waiting to be printed, one posted.
    diesel::delete(complaint_letters::table)
        .execute(&mut app.conn())
        .unwrap();
    letter(&app, c1, false);
    letter(&app, c1, false);
    letter(&app, c1, true);
    // Waves: one open, one still to open, one closed; two sheets of the open one put aside.
    let open = wave(&app, "Ronde open", -1, 10);
    wave(&app, "Ronde later", 5, 20);
    wave(&app, "Ronde dicht", -30, -10);
    for line in [3i64, 7] {
        diesel::insert_into(paper_quarantine::table)
            .values((
                paper_quarantine::wave_id.eq(open),
                paper_quarantine::form_id.eq(format!("F{line}")),
                paper_quarantine::line.eq(line),
                paper_quarantine::sheet.eq("{}"),
                paper_quarantine::problems.eq("[]"),
                paper_quarantine::created_on.eq(today()),
            ))
            .execute(&mut app.conn())
            .unwrap();
    }
    // Quotes: three candidates waiting, one approved.
    for (i, status) in ["kandidaat", "kandidaat", "kandidaat", "goedgekeurd"]
        .iter()
        .enumerate()
    {
        diesel::insert_into(quotes::table)
            .values((
                quotes::wave_id.eq(open),
                quotes::item_key.eq("wat_goed"),
                quotes::text.eq(format!("Citaat {i}")),
                quotes::status.eq(*status),
            ))
            .execute(&mut app.conn())
            .unwrap();
    }
    // Mail: one message that could not be sent.
    diesel::insert_into(mail_outbox::table)
        .values((
            mail_outbox::message_id.eq("<x@test>"),
            mail_outbox::kind.eq("test"),
            mail_outbox::subject.eq("Test"),
            mail_outbox::status.eq("failed"),
            mail_outbox::attempts.eq(12),
            mail_outbox::next_attempt_at.eq(klankbord::db::now()),
            mail_outbox::created_at.eq(klankbord::db::now()),
        ))
        .execute(&mut app.conn())
        .unwrap();

    let page = |c: &Client| {
        let r = c.get("/werkplek");
        assert_eq!(r.status, 200);
        r.body
    };
    let p = page(&coordinator);
    assert!(shows(&p, "workspace-cases-running", 4, "/klachten"), "{p}");
    assert!(
        shows(&p, "workspace-cases-due-soon", 1, "/klachten/termijnen"),
        "{p}"
    );
    assert!(
        shows(&p, "workspace-cases-overdue", 1, "/klachten/termijnen"),
        "{p}"
    );
    assert!(
        shows(&p, "workspace-letters-waiting", 2, "/klachten/brieven"),
        "{p}"
    );
    // The plural rules: one and several.
    assert!(
        p.contains("1 klacht moet binnen een week klaar zijn"),
        "{p}"
    );
    assert!(p.contains("2 brieven liggen klaar om te printen"), "{p}");
    assert!(p.contains(r#"action="/klachten/zoeken""#));

    let p = page(&hans);
    assert!(shows(&p, "workspace-cases-running", 2, "/klachten"), "{p}");
    assert!(
        shows(&p, "workspace-cases-due-soon", 1, "/klachten/termijnen"),
        "{p}"
    );
    assert!(
        shows(&p, "workspace-cases-overdue", 1, "/klachten/termijnen"),
        "{p}"
    );
    assert!(
        !p.contains("/klachten/brieven"),
        "a handler is not sent to the letters: {p}"
    );

    let p = page(&els);
    assert!(shows(&p, "workspace-cases-running", 1, "/klachten"), "{p}");
    assert!(
        shows(&p, "workspace-cases-due-soon", 0, "/klachten/termijnen"),
        "{p}"
    );
    assert!(
        shows(&p, "workspace-cases-overdue", 0, "/klachten/termijnen"),
        "{p}"
    );

    let p = page(&member);
    assert!(shows(&p, "workspace-cases-running", 1, "/klachten"), "{p}");
    assert!(
        shows(&p, "workspace-cases-overdue", 0, "/klachten/termijnen"),
        "{p}"
    );

    let p = page(&researcher);
    assert!(shows(&p, "workspace-waves-open", 1, "/onderzoek"), "{p}");
    assert!(
        shows(&p, "workspace-waves-upcoming", 1, "/onderzoek"),
        "{p}"
    );
    assert!(
        shows(&p, "workspace-quotes-waiting", 3, "/onderzoek"),
        "{p}"
    );
    assert!(!p.contains("/klachten"), "{p}");

    let p = page(&clerk);
    assert!(shows(&p, "workspace-waves-open", 1, "/invoer"), "{p}");
    let aside = format!(
        "{} · Ronde open",
        t_count(Lang::Nl, "workspace-sheets-aside", 2)
    );
    assert!(
        p.contains(&format!(r#"href="/invoer/rondes/{open}/papier#apart""#)) && p.contains(&aside),
        "{p}"
    );

    let p = page(&admin);
    assert!(shows(&p, "workspace-mail-failed", 1, "/beheer/mail"), "{p}");
    assert!(!p.contains("/klachten"), "{p}");

    let p = page(&council);
    for key in [
        "workspace-cases-running",
        "workspace-waves-open",
        "workspace-mail-failed",
    ] {
        assert!(!p.contains(&t_count(Lang::Nl, key, 0)), "{key}: {p}");
    }
});

/// Case numbers in a search result page.
fn found(c: &Client, q: &str) -> (u16, Vec<String>, String) {
    let r = c.get(&format!("/klachten/zoeken?zoek={}", url_encode(q)));
    (r.status, r.texts("tbody td:first-child a"), r.body)
}

fn url_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

both_backends!(complaints_are_found_only_by_who_may_open_them, |app| {
    let (coordinator, coordinator_id) = app.logged_in("coordinator", &[Role::Klachtcoordinator]);
    let (hans, hans_id) = app.logged_in("hans", &[Role::Klachtbehandelaar]);
    let (_, els_id) = app.logged_in("els", &[Role::Klachtbehandelaar]);
    let (member, _) = app.logged_in("lid", &[Role::Commissielid]);
    let (researcher, _) = app.logged_in("onderzoeker", &[Role::Onderzoeker]);
    let (c1, code1) = complaint(
        &app,
        "Mevrouw A. de Vries",
        State::Mediation,
        Some(hans_id),
        false,
        20,
    );
    let (c2, code2) = complaint(
        &app,
        "Pieter Jansen",
        State::Mediation,
        Some(els_id),
        false,
        20,
    );
    let number = |id: i64| store::case_number_of(today(), id);

    // The coordinator finds each case by number (with or without year), name part and code.
    assert_eq!(found(&coordinator, &number(c1)).1, vec![number(c1)]);
    assert_eq!(found(&coordinator, &c2.to_string()).1, vec![number(c2)]);
    assert_eq!(found(&coordinator, "vries").1, vec![number(c1)]);
    assert_eq!(found(&coordinator, "JANSEN").1, vec![number(c2)]);
    assert_eq!(found(&coordinator, &code2).1, vec![number(c2)]);
    assert_eq!(
        found(&coordinator, &code1.to_lowercase()).1,
        vec![number(c1)]
    );
    // A year that is not the case's finds nothing; LIKE wildcards are taken literally.
    assert!(found(&coordinator, &format!("1999-{c1}")).1.is_empty());
    assert!(found(&coordinator, "%%").1.is_empty());
    let (status, _, body) = found(&coordinator, "v");
    assert_eq!(status, 422);
    assert!(body.contains(&t(Lang::Nl, "case-search-too-short")));

    // Hans finds his own case, and nothing of Els's case by any of its keys.
    assert_eq!(found(&hans, "vries").1, vec![number(c1)]);
    for q in [number(c2), c2.to_string(), "Jansen".into(), code2.clone()] {
        let (status, rows, body) = found(&hans, &q);
        assert_eq!(status, 200);
        assert!(rows.is_empty(), "{q}: {rows:?}");
        assert!(!body.contains("Jansen") || q == "Jansen", "{q}");
        assert!(body.contains(&t(Lang::Nl, "case-search-none")), "{q}");
    }
    // A committee member finds no case that is not before the committee.
    assert!(found(&member, "vries").1.is_empty());
    // A role without complaint work is refused the search altogether.
    let r = researcher.get("/klachten/zoeken?zoek=vries");
    assert_eq!(r.status, 403);
    assert!(!r.body.contains("Vries"));

    // The search box is on the overview; the log says a search was done, never what was typed.
    assert!(coordinator
        .get("/klachten")
        .body
        .contains(r#"action="/klachten/zoeken""#));
    let details: Vec<Option<String>> = audit_log::table
        .filter(audit_log::action.eq("complaint.searched"))
        .filter(audit_log::actor_id.eq(coordinator_id))
        .select(audit_log::detail)
        .load(&mut app.conn())
        .unwrap();
    assert!(details.contains(&Some("naam 1".into())), "{details:?}");
    let all: Vec<Option<String>> = audit_log::table
        .select(audit_log::detail)
        .load(&mut app.conn())
        .unwrap();
    for d in all.into_iter().flatten() {
        let d = d.to_lowercase();
        assert!(
            !d.contains("vries") && !d.contains("jansen") && !d.contains(&code1.to_lowercase()),
            "{d}"
        );
    }
});

both_backends!(an_email_address_is_set_on_the_web, |app| {
    let (hans, hans_id) = app.logged_in("hans", &[Role::Klachtbehandelaar]);
    let (admin, _) = app.logged_in("beheerder", &[Role::Beheerder]);
    let email_of = |id: i64| -> Option<String> {
        users::table
            .find(id)
            .select(users::email)
            .get_result(&mut app.conn())
            .unwrap()
    };
    assert!(hans
        .get("/werkplek")
        .body
        .contains(r#"href="/account/email""#));

    // A wrong address is refused with what to do, and nothing is stored.
    let r = hans.submit(
        "/account/email",
        "/account/email",
        &[("email", "hans-at-gemeente")],
    );
    assert_eq!(r.status, 422);
    assert!(r.body.contains(&t(Lang::Nl, "email-setting-invalid")));
    assert!(
        r.body.contains("hans-at-gemeente"),
        "what was typed stays in the field"
    );
    assert_eq!(email_of(hans_id), None);
    // His own address.
    let r = hans.submit(
        "/account/email",
        "/account/email",
        &[("email", " hans@gemeente.nl ")],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(email_of(hans_id).as_deref(), Some("hans@gemeente.nl"));
    assert!(hans
        .get("/account/email")
        .body
        .contains(r#"value="hans@gemeente.nl""#));
    // Not someone else's, through the administrator's form.
    let r = hans.post_raw(
        &format!("/beheer/gebruikers/{hans_id}/email"),
        &[("csrf", "x"), ("email", "ander@gemeente.nl")],
    );
    assert_eq!(r.status, 403);
    // The administrator changes it from the account's page, and clears it.
    let user_page = format!("/beheer/gebruikers/{hans_id}");
    let form = format!("/beheer/gebruikers/{hans_id}/email");
    assert!(admin
        .get(&user_page)
        .body
        .contains(&format!(r#"href="{form}""#)));
    let r = admin.submit(&form, &form, &[("email", "h.nieuw@gemeente.nl")]);
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(email_of(hans_id).as_deref(), Some("h.nieuw@gemeente.nl"));
    let r = admin.submit(&form, &form, &[("email", "")]);
    assert_eq!(r.status, 303);
    assert_eq!(email_of(hans_id), None);

    // Every change is in the audit log, and no address is in it.
    let lines: Vec<(String, Option<String>, Option<String>)> = audit_log::table
        .filter(audit_log::action.like("user.email%"))
        .order(audit_log::id)
        .select((audit_log::action, audit_log::record_id, audit_log::detail))
        .load(&mut app.conn())
        .unwrap();
    let hid = hans_id.to_string();
    assert_eq!(
        lines,
        vec![
            ("user.email_set".to_string(), Some(hid.clone()), None),
            ("user.email_set".to_string(), Some(hid.clone()), None),
            ("user.email_cleared".to_string(), Some(hid), None),
        ]
    );
    let audit = admin.get("/beheer/audit");
    assert!(!audit.body.contains("gemeente.nl"), "no address in the log");
});

both_backends!(a_wave_is_changed_until_it_opens, |app| {
    let (c, _) = app.logged_in("onderzoeker", &[Role::Onderzoeker]);
    let id = wave(&app, "Ronde 2027", 10, 40);
    let page = format!("/onderzoek/rondes/{id}");
    let edit = format!("{page}/wijzigen");
    assert!(c.get(&page).body.contains(&format!(r#"href="{edit}""#)));
    let stored = || -> (NaiveDate, NaiveDate, i32, String) {
        waves_t::table
            .find(id)
            .select((
                waves_t::opens_on,
                waves_t::closes_on,
                waves_t::population,
                waves_t::channels,
            ))
            .get_result(&mut app.conn())
            .unwrap()
    };
    let opens = (today() + Duration::days(12))
        .format("%Y-%m-%d")
        .to_string();
    let closes = (today() + Duration::days(50))
        .format("%Y-%m-%d")
        .to_string();

    // N as people write it.
    let r = c.submit(
        &edit,
        &edit,
        &[
            ("open", &opens),
            ("sluit", &closes),
            ("n", "1.200"),
            ("kanalen", "web"),
            ("kanalen", "phone"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        stored(),
        (
            today() + Duration::days(12),
            today() + Duration::days(50),
            1200,
            "web,phone".to_string()
        )
    );
    let r = c.submit(
        &edit,
        &edit,
        &[
            ("open", &opens),
            ("sluit", &closes),
            ("n", "1 277"),
            ("kanalen", "web"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(stored().2, 1277);
    // A fraction, an opening date in the past and no channel are refused with the reason.
    let past = (today() - Duration::days(1)).format("%Y-%m-%d").to_string();
    for (fields, key) in [
        (
            vec![
                ("open", opens.as_str()),
                ("sluit", closes.as_str()),
                ("n", "1,2"),
                ("kanalen", "web"),
            ],
            "wave-error-population",
        ),
        (
            vec![
                ("open", past.as_str()),
                ("sluit", closes.as_str()),
                ("n", "100"),
                ("kanalen", "web"),
            ],
            "wave-error-opens-past",
        ),
        (
            vec![
                ("open", opens.as_str()),
                ("sluit", closes.as_str()),
                ("n", "100"),
            ],
            "wave-error-no-channel",
        ),
    ] {
        let r = c.submit(&edit, &edit, &fields);
        assert_eq!(r.status, 422, "{key}");
        assert!(r.body.contains(&t(Lang::Nl, key)), "{key}: {}", r.body);
    }
    assert_eq!(stored().2, 1277);
    let changes: i64 = audit_log::table
        .filter(audit_log::action.eq("wave.changed"))
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(changes, 2);

    // Once it is open: no form, no link, and a change is refused with the reason.
    let token = c.get(&edit).csrf();
    diesel::update(waves_t::table.find(id))
        .set(waves_t::opens_on.eq(today()))
        .execute(&mut app.conn())
        .unwrap();
    assert!(!c.get(&page).body.contains(&edit));
    let r = c.get(&edit);
    assert_eq!(r.status, 409);
    assert!(r.body.contains(&t(Lang::Nl, "wave-edit-refused")));
    assert!(!r.body.contains(r#"name="n""#));
    let before = stored();
    let r = c.post_raw(
        &edit,
        &[
            ("csrf", &token),
            ("open", &opens),
            ("sluit", &closes),
            ("n", "5"),
            ("kanalen", "web"),
        ],
    );
    assert_eq!(r.status, 409);
    assert!(r.body.contains(&t(Lang::Nl, "wave-edit-refused")));
    assert_eq!(stored(), before);
});

both_backends!(times_are_shown_in_dutch_local_time, |app| {
    let (admin, _) = app.logged_in("beheerder", &[Role::Beheerder]);
    let (coordinator, _) = app.logged_in("coordinator", &[Role::Klachtcoordinator]);
    let at = |m: u32, d: u32| {
        NaiveDate::from_ymd_opt(2027, m, d)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    };
    for (when, record) in [(at(1, 15), "winter"), (at(7, 1), "zomer")] {
        diesel::insert_into(audit_log::table)
            .values((
                audit_log::at.eq(when),
                audit_log::via.eq("test"),
                audit_log::action.eq("test.time"),
                audit_log::record_type.eq("test"),
                audit_log::record_id.eq(record),
            ))
            .execute(&mut app.conn())
            .unwrap();
    }
    // 12:00 UTC is 13:00 in winter and 14:00 in summer, on the page and in the file.
    let page = admin.get("/beheer/audit?actie=test");
    assert!(page.body.contains("15-01-2027 13:00"), "{}", page.body);
    assert!(page.body.contains("01-07-2027 14:00"), "{}", page.body);
    assert!(!page.body.contains("15-01-2027 12:00"));
    let (_, _, bytes) = admin.get_bytes("/beheer/audit.csv?actie=test");
    let csv = String::from_utf8(bytes).unwrap();
    assert!(csv.contains("2027-01-15T13:00:00+01:00"), "{csv}");
    assert!(csv.contains("2027-07-01T14:00:00+02:00"), "{csv}");
    // A case's timeline.
    let (id, _) = complaint(&app, "Tijd", State::Received, None, false, 30);
    diesel::insert_into(complaint_events::table)
        .values((
            complaint_events::complaint_id.eq(id),
            complaint_events::at.eq(at(7, 1)),
            complaint_events::action.eq("register"),
            complaint_events::from_state.eq("ontvangen"),
            complaint_events::to_state.eq("ontvangen"),
        ))
        .execute(&mut app.conn())
        .unwrap();
    let case = coordinator.get(&format!("/klachten/{id}"));
    assert!(case.body.contains("01-07-2027 14:00"), "{}", case.body);
});

/// A CSV file as a spreadsheet reads it: with `;` and a BOM, or `,` without.
fn read(bytes: &[u8], dutch: bool) -> Vec<Vec<String>> {
    assert_eq!(bytes.starts_with(BOM), dutch, "byte order mark");
    let body = if dutch { &bytes[BOM.len()..] } else { bytes };
    csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(if dutch { b';' } else { b',' })
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

both_backends!(every_csv_download_offers_a_file_for_dutch_excel, |app| {
    let (admin, _) = app.logged_in("beheerder", &[Role::Beheerder]);
    let (coordinator, _) = app.logged_in("coordinator", &[Role::Klachtcoordinator]);
    let (researcher, _) = app.logged_in("onderzoeker", &[Role::Onderzoeker]);
    complaint(&app, "Cliënt", State::Received, None, false, 30);
    let id = wave(&app, "Ronde ë", -20, -1);

    // The choice is on each page, with the Excel file chosen for Dutch and the comma for English.
    for (c, page) in [
        (&admin, "/beheer/audit".to_string()),
        (
            &coordinator,
            format!(
                "/klachten/register?jaar={}",
                chrono::Datelike::year(&today())
            ),
        ),
        (&researcher, format!("/onderzoek/rondes/{id}")),
    ] {
        let r = c.get(&page);
        assert_eq!(r.status, 200, "{page}");
        let doc = scraper::Html::parse_document(&r.body);
        let checked =
            scraper::Selector::parse(r#"form.download input[name=scheiding][checked]"#).unwrap();
        let values: Vec<&str> = doc
            .select(&checked)
            .filter_map(|e| e.value().attr("value"))
            .collect();
        assert_eq!(values.first(), Some(&"puntkomma"), "{page}");
        let en = c.get(&format!(
            "{page}{}lang=en",
            if page.contains('?') { '&' } else { '?' }
        ));
        assert!(en.body.contains(r#"value="komma" checked"#), "{page}");
    }

    // Both flavours of each file, read as a spreadsheet would.
    let files = [
        (&admin, "/beheer/audit.csv?".to_string(), "id"),
        (
            &coordinator,
            format!(
                "/klachten/register.csv?jaar={}&",
                chrono::Datelike::year(&today())
            ),
            "zaaknummer",
        ),
        (
            &researcher,
            format!("/onderzoek/rondes/{id}/codeboek.csv?"),
            "kolom",
        ),
        (
            &researcher,
            format!("/onderzoek/rondes/{id}/antwoorden.csv?"),
            "respons",
        ),
        (
            &researcher,
            "/rapportage/open-data.csv?".to_string(),
            "periode",
        ),
        (
            &researcher,
            "/rapportage/open-data-codeboek.csv?".to_string(),
            "soort",
        ),
    ];
    for (c, path, first_header) in files {
        for (choice, dutch) in [("puntkomma", true), ("komma", false)] {
            let (status, kind, bytes) = c.get_bytes(&format!("{path}scheiding={choice}"));
            assert_eq!(status, 200, "{path}");
            assert!(kind.starts_with("text/csv"), "{path}");
            let rows = read(&bytes, dutch);
            assert!(
                rows[0].len() > 2,
                "{path} {choice}: one column only: {:?}",
                rows[0]
            );
            assert_eq!(
                rows[0][0].trim_start_matches('\u{feff}'),
                first_header,
                "{path} {choice}"
            );
        }
    }
    // Invitation codes for a mail merge, chosen on the codes form.
    let coming = wave(&app, "Ronde later", 3, 30);
    let page = format!("/onderzoek/rondes/{coming}");
    let r = researcher.submit(
        &page,
        &format!("{page}/codes"),
        &[
            ("aantal", "3"),
            ("vorm", "csv"),
            ("taal", "nl"),
            ("scheiding", "puntkomma"),
        ],
    );
    assert_eq!(r.status, 200);
    let rows = read(r.body.as_bytes(), true);
    assert_eq!(rows[0], vec!["nummer", "code", "link", "sluitingsdatum"]);
    assert_eq!(rows.len(), 4);
    // Accents survive in the Dutch file (UTF-8 with its mark).
    let (_, _, bytes) = coordinator.get_bytes(&format!(
        "/klachten/register.csv?jaar={}&scheiding=puntkomma",
        chrono::Datelike::year(&today())
    ));
    assert!(read(&bytes, true).len() >= 2);
});

/// Open answers with a name, a phone number, an e-mail address and a street address.
const PERSONAL: [&str; 4] = [
    "Mevrouw Jansen was erg vriendelijk, bel me gerust op 06-12345678.",
    "Stuur het naar piet.pietersen@example.nl graag.",
    "Ik woon op de Dorpsstraat 12 en de brief kwam niet aan.",
    "Mijn klantmanager Pietersen denkt altijd goed mee.",
];

both_backends!(
    open_answers_are_exported_masked_and_only_when_allowed,
    |app| {
        let (c, _) = app.logged_in("onderzoeker", &[Role::Onderzoeker]);
        let running = wave(&app, "Lopend", -5, 5);
        let small = wave(&app, "Klein", -20, -1);
        let answer = |wave_id: i64, n: usize, lang: &str| {
            let w = waves::find_wave(&mut app.conn(), wave_id).unwrap();
            for i in 0..n {
                let text = PERSONAL
                    .get(i)
                    .copied()
                    .unwrap_or("Prima geholpen, dank u wel.");
                let json = serde_json::json!({ "cijfer": 7, "wat_goed": text, "wat_beter": "Sneller antwoorden" });
                insert_json(
                    &mut app.conn(),
                    &w,
                    &json.to_string(),
                    &Meta {
                        channel: klankbord::surveys::channel::Channel::Web,
                        helper: None,
                        language: klankbord::web::i18n::Lang::from_code(lang).expect("a language"),
                    },
                    today() - Duration::days(3),
                )
                .unwrap();
            }
        };
        answer(running, 12, "nl");
        answer(small, 3, "nl");
        let csv_of =
            |id: i64| format!("/onderzoek/rondes/{id}/open-antwoorden.csv?scheiding=komma");

        // A running wave gives no file (the row-level export's rule), a closed wave with fewer than
        // ten answers neither (the quotes' rule).
        let r = c.get(&csv_of(running));
        assert_eq!(r.status, 409);
        assert!(!r.body.contains("Jansen") && !r.body.contains("Sneller"));
        let too_few = t_args(Lang::Nl, "export-open-answers-too-few", &[("k", "10")]);
        let page = c.get(&format!("/onderzoek/rondes/{small}"));
        assert!(!page.body.contains("open-antwoorden.csv") && page.body.contains(&too_few));
        let r = c.get(&csv_of(small));
        assert_eq!(r.status, 409);
        assert!(r.body.contains(&t_args(
            Lang::Nl,
            "export-open-answers-too-few",
            &[("k", "10")]
        )));

        // Once closed, the file comes, cleaned, and the download is in the audit log.
        diesel::update(waves_t::table.find(running))
            .set((
                waves_t::opens_on.eq(today() - Duration::days(10)),
                waves_t::closes_on.eq(today() - Duration::days(1)),
            ))
            .execute(&mut app.conn())
            .unwrap();
        let page = c.get(&format!("/onderzoek/rondes/{running}"));
        assert!(
            page.body.contains(&format!(
                r#"formaction="/onderzoek/rondes/{running}/open-antwoorden.csv""#
            )),
            "{}",
            page.body
        );
        let (status, _, bytes) = c.get_bytes(&csv_of(running));
        assert_eq!(status, 200);
        let text = String::from_utf8(bytes.clone()).unwrap();
        for leak in [
            "Jansen",
            "06-12345678",
            "12345678",
            "piet.pietersen",
            "example.nl",
            "Dorpsstraat 12",
            "Pietersen",
        ] {
            assert!(!text.contains(leak), "{leak} in {text}");
        }
        for marker in ["[naam]", "[telefoonnummer]", "[e-mailadres]", "[adres]"] {
            assert!(text.contains(marker), "{marker} missing in {text}");
        }
        let rows = read(&bytes, false);
        assert_eq!(rows[0], vec!["vraag", "vraagtekst", "antwoord", "aantal"]);
        // No order of arrival: sorted by question and text; equal answers are one line with a count.
        let keys: Vec<(String, String)> = rows[1..]
            .iter()
            .map(|r| (r[0].clone(), r[2].clone()))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
        let same = rows.iter().find(|r| r[2] == "Sneller antwoorden").unwrap();
        assert_eq!(same[3], "12");
        // The Dutch flavour too.
        let (_, _, nl) = c.get_bytes(&format!(
            "/onderzoek/rondes/{running}/open-antwoorden.csv?scheiding=puntkomma"
        ));
        assert_eq!(read(&nl, true).len(), rows.len());
        let logged: i64 = audit_log::table
            .filter(audit_log::action.eq("survey.open_answers_exported"))
            .filter(audit_log::record_id.eq(running.to_string()))
            .count()
            .get_result(&mut app.conn())
            .unwrap();
        assert_eq!(logged, 2);
    }
);
