//! Working a complaint from the case page, on both databases: the reasoned decision from draft to
//! preview to sent (what was sent is stored unchanged), and the workflow safeguards: no hearing
//! held before its day, the committee's step only on committee cases, confirmation before an
//! irreversible step, no ground chosen for the handler, every refused form kept as typed, and no
//! step offered twice.

use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::complaints::workflow::State;
use klankbord::db::schema::{
    complaint_decisions, complaint_elements, complaint_events, complaint_hearings,
    complaint_letters, complaint_progress, complaints, mail_outbox,
};
use klankbord::web::i18n::{t, t_args, Lang};

use crate::both_backends;
use crate::complaints::{case_in, setup};
use crate::support::{Client, Resp, TestApp};

fn state_of(app: &TestApp, id: i64) -> String {
    complaints::table
        .find(id)
        .select(complaints::state)
        .get_result(&mut app.conn())
        .unwrap()
}

fn day(offset: i64) -> String {
    (klankbord::fmt::today() + chrono::Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

/// Posts a step from the case page.
fn step(c: &Client, id: i64, action: &str, fields: &[(&str, &str)]) -> Resp {
    let mut all = vec![("actie", action)];
    all.extend_from_slice(fields);
    c.submit(
        &format!("/klachten/{id}?lang=nl"),
        &format!("/klachten/{id}/stap?lang=nl"),
        &all,
    )
}

/// The actions of the step forms on a page.
fn offered(page: &Resp) -> Vec<String> {
    let doc = scraper::Html::parse_document(&page.body);
    let sel = scraper::Selector::parse("form.step input[name=actie]").unwrap();
    doc.select(&sel)
        .filter_map(|i| i.value().attr("value").map(str::to_string))
        .collect()
}

/// Every value sent comes back in the form as the browser would send it again.
fn kept(r: &Resp, form: &str, sent: &[(&str, &str)]) {
    assert_eq!(r.status, 422, "{form} refused: {}", r.body);
    assert_eq!(r.texts(".error-summary li").len(), 1, "{form}: one reason");
    let values = r.form_values(form);
    for (k, v) in sent {
        assert!(
            values.iter().any(|(fk, fv)| fk == k && fv == v),
            "{form} lost {k}={v:?}; it shows {values:?}"
        );
    }
}

both_backends!(
    a_hearing_cannot_be_recorded_as_held_before_its_planned_day,
    |app| {
        let s = setup();
        let (coordinator, _) = app.logged_in("hoor.coordinator", &[Role::Klachtcoordinator]);
        let id = case_in(&app, &s, State::FormalHandling, false);
        diesel::delete(complaint_hearings::table.filter(complaint_hearings::complaint_id.eq(id)))
            .execute(&mut app.conn())
            .unwrap();
        let plan = [
            ("datum", day(9)),
            ("tijd", "10:00".to_string()),
            ("wijze", "telefoon".to_string()),
            ("plaats", "0612345678".to_string()),
            ("genodigden", "klager".to_string()),
        ];
        let plan: Vec<(&str, &str)> = plan.iter().map(|(k, v)| (*k, v.as_str())).collect();
        // Not on or after the last day of the legal term (outside test: a hearing planned
        // weeks past it went through without a word).
        let deadline: chrono::NaiveDate = klankbord::db::schema::complaints::table
            .find(id)
            .select(klankbord::db::schema::complaints::deadline_on)
            .get_result(&mut app.conn())
            .unwrap();
        let late_day = deadline.format("%Y-%m-%d").to_string();
        let late: Vec<(&str, &str)> = plan
            .iter()
            .map(|(k, v)| {
                if *k == "datum" {
                    (*k, late_day.as_str())
                } else {
                    (*k, *v)
                }
            })
            .collect();
        let r = step(&coordinator, id, "plan_hearing", &late);
        assert!(
            r.body
                .contains(&t(Lang::Nl, "step-invalid-hearing-after-deadline")),
            "{}",
            r.texts(".error, .error-summary").join(" | ")
        );
        assert_eq!(state_of(&app, id), "formele_behandeling");
        assert_eq!(step(&coordinator, id, "plan_hearing", &plan).status, 303);
        let held = [
            ("aanwezig", "klager"),
            ("tekst", "Verslag van het gesprek."),
        ];
        let events = app.count("complaint_events");
        let r = step(&coordinator, id, "hold_hearing", &held);
        kept(&r, "#stap-hold_hearing", &held);
        let planned = (klankbord::fmt::today() + chrono::Duration::days(9))
            .format("%d-%m-%Y")
            .to_string();
        assert!(r.body.contains(&t_args(
            Lang::Nl,
            "case-error-held-early",
            &[("date", &planned)]
        )));
        assert_eq!(state_of(&app, id), "hoorzitting_gepland");
        assert_eq!(app.count("complaint_events"), events, "nothing recorded");
        // On the day itself it can be recorded.
        diesel::update(complaint_hearings::table.filter(complaint_hearings::complaint_id.eq(id)))
            .set(complaint_hearings::planned_at.eq(klankbord::db::now()))
            .execute(&mut app.conn())
            .unwrap();
        assert_eq!(step(&coordinator, id, "hold_hearing", &held).status, 303);
        assert_eq!(state_of(&app, id), "gehoord");
    }
);

both_backends!(the_committee_step_is_only_for_committee_cases, |app| {
    let s = setup();
    let (coordinator, _) = app.logged_in("cie.coordinator", &[Role::Klachtcoordinator]);
    let without = case_in(&app, &s, State::Heard, false);
    let with = case_in(&app, &s, State::Heard, true);
    let page = coordinator.get(&format!("/klachten/{without}?lang=nl"));
    assert!(!offered(&page).contains(&"record_advice".to_string()));
    assert!(page
        .body
        .contains(&format!("/klachten/{without}/beslissing")));
    let r = step(
        &coordinator,
        without,
        "record_advice",
        &[("tekst", "Gegrond.")],
    );
    assert_eq!(r.status, 422);
    assert!(r.body.contains(&t(Lang::Nl, "refusal-no-committee")));
    assert_eq!(state_of(&app, without), "gehoord");
    let advice: Option<String> = complaint_progress::table
        .find(without)
        .select(complaint_progress::advice)
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(advice, None);
    // A committee case has it, as its main next step.
    let page = coordinator.get(&format!("/klachten/{with}?lang=nl"));
    assert_eq!(
        offered(&page).first().map(String::as_str),
        Some("record_advice")
    );
    assert_eq!(
        step(
            &coordinator,
            with,
            "record_advice",
            &[("tekst", "Gegrond.")]
        )
        .status,
        303
    );
    assert_eq!(state_of(&app, with), "geadviseerd");
});

both_backends!(
    irreversible_steps_ask_for_confirmation_on_a_page_that_says_what_happens,
    |app| {
        let s = setup();
        let (coordinator, _) = app.logged_in("zeker.coordinator", &[Role::Klachtcoordinator]);
        for (from, action, fields, to) in [
            (State::Received, "refer_to_bezwaar", vec![], "doorverwezen"),
            (
                State::Received,
                "decline",
                vec![("grond", "ouder_dan_jaar"), ("reden", "Gebeurd in 2019.")],
                "niet_in_behandeling",
            ),
            (
                State::Mediation,
                "withdraw",
                vec![("reden", "De klager belde dat het is opgelost.")],
                "ingetrokken",
            ),
            (State::Decided, "close", vec![("reden", "")], "gesloten"),
        ] {
            let id = case_in(&app, &s, from, false);
            let page = coordinator.get(&format!("/klachten/{id}?lang=nl"));
            assert!(
                offered(&page).contains(&action.to_string()),
                "{action} offered"
            );
            let (events, letters, mails) = (
                app.count("complaint_events"),
                app.count("complaint_letters"),
                app.count("mail_outbox"),
            );
            let r = step(&coordinator, id, action, &fields);
            assert_eq!(r.status, 200, "{action}: {}", r.body);
            assert!(
                r.body
                    .contains(&t(Lang::Nl, &format!("confirm-what-{action}"))),
                "{action} says what happens"
            );
            assert!(r.body.contains(&t(Lang::Nl, "confirm-irreversible")));
            assert!(
                r.body.contains(&format!("href=\"/klachten/{id}\"")),
                "a way back"
            );
            assert_eq!(state_of(&app, id), from.code(), "{action}: nothing yet");
            assert_eq!(app.count("complaint_events"), events);
            assert_eq!(app.count("complaint_letters"), letters);
            assert_eq!(app.count("mail_outbox"), mails, "{action}: no letter yet");
            // The confirmation carries what was typed; confirming takes the step.
            let again: Vec<(String, String)> = r
                .form_values(&format!("form[action=\"/klachten/{id}/stap\"]"))
                .into_iter()
                .filter(|(k, _)| k != "csrf")
                .collect();
            for (k, v) in &fields {
                assert!(
                    again.iter().any(|(a, b)| a == k && b == v),
                    "{action} keeps {k}"
                );
            }
            assert!(again.contains(&("bevestigd".to_string(), "ja".to_string())));
            let again: Vec<(&str, &str)> = again
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let done = coordinator.submit(
                &format!("/klachten/{id}"),
                &format!("/klachten/{id}/stap"),
                &again,
            );
            assert_eq!(done.status, 303, "{action}: {}", done.body);
            assert_eq!(state_of(&app, id), to);
        }
        // A step that would be refused is refused at once, not confirmed first.
        let id = case_in(&app, &s, State::Mediation, false);
        let r = step(&coordinator, id, "withdraw", &[("reden", "")]);
        assert_eq!(r.status, 422);
        assert!(r.body.contains(&t(Lang::Nl, "refusal-reason")));
    }
);

both_backends!(no_ground_is_chosen_for_the_handler, |app| {
    let s = setup();
    let (coordinator, _) = app.logged_in("grond.coordinator", &[Role::Klachtcoordinator]);
    let received = case_in(&app, &s, State::Received, false);
    let formal = case_in(&app, &s, State::FormalHandling, false);
    let page = coordinator.get(&format!("/klachten/{received}?lang=nl"));
    let values = page.form_values("#stap-decline");
    assert!(
        values.contains(&("grond".to_string(), String::new())),
        "{values:?}"
    );
    let page = coordinator.get(&format!("/klachten/{formal}?lang=nl"));
    for (form, field) in [
        ("#stap-skip_hearing", "grond"),
        ("#stap-record_file_consent", "tekst"),
        ("#stap-plan_hearing", "wijze"),
    ] {
        let values = page.form_values(form);
        assert!(
            values.contains(&(field.to_string(), String::new())),
            "{form}: {values:?}"
        );
    }
    // Sent as it stands, it is refused with the reason, and nothing happens.
    let sent = [("grond", ""), ("reden", "Al eerder behandeld.")];
    let r = step(&coordinator, received, "decline", &sent);
    kept(&r, "#stap-decline", &sent);
    assert_eq!(state_of(&app, received), "ontvangen");
});

both_backends!(
    every_refused_form_of_the_case_page_keeps_what_was_typed,
    |app| {
        let s = setup();
        let (coordinator, _) = app.logged_in("terug.coordinator", &[Role::Klachtcoordinator]);
        let mediation = case_in(&app, &s, State::Mediation, false);
        let formal = case_in(&app, &s, State::FormalHandling, false);
        let decided = case_in(&app, &s, State::Decided, false);
        let postponed = case_in(&app, &s, State::FormalHandling, false);
        diesel::update(complaint_progress::table.find(postponed))
            .set(complaint_progress::postponement_weeks.eq(4))
            .execute(&mut app.conn())
            .unwrap();
        let post = |id: i64, path: &str, fields: &[(&str, &str)]| {
            coordinator.submit(
                &format!("/klachten/{id}?lang=nl"),
                &format!("/klachten/{id}{path}?lang=nl"),
                fields,
            )
        };
        // The mediation notes with a first contact in the future: the feedback stays.
        let sent = [
            ("contact", day(3)),
            (
                "terugkoppeling",
                "Gesprek gevoerd; excuses aangeboden.".into(),
            ),
            ("tevreden", "nee".into()),
        ];
        let sent: Vec<(&str, &str)> = sent.iter().map(|(k, v)| (*k, v.as_str())).collect();
        kept(
            &post(mediation, "/bemiddeling", &sent),
            "#bemiddeling",
            &sent,
        );
        // ... and one before the complaint came in (outside test: it was accepted).
        let received: chrono::NaiveDate = complaints::table
            .find(mediation)
            .select(complaints::received_on)
            .get_result(&mut app.conn())
            .unwrap();
        let before = (received - chrono::Duration::days(1))
            .format("%Y-%m-%d")
            .to_string();
        let early: Vec<(&str, &str)> = sent
            .iter()
            .map(|(k, v)| {
                if *k == "contact" {
                    (*k, before.as_str())
                } else {
                    (*k, *v)
                }
            })
            .collect();
        let r = post(mediation, "/bemiddeling", &early);
        assert!(r
            .body
            .contains(&t(Lang::Nl, "step-invalid-contact-before-received")));
        kept(&r, "#bemiddeling", &early);
        // Classification with a kind that does not exist.
        let sent = [
            ("besluit", "ja"),
            ("team", "Team Inkomen"),
            ("medewerker", "Mw. K."),
            ("norm", "luisteren"),
        ];
        let mut with_kind = vec![("soort", "onbekend")];
        with_kind.extend_from_slice(&sent);
        kept(&post(formal, "/indeling", &with_kind), "#indeling", &sent);
        // A part without a description.
        let sent = [("onderdeel", "  ")];
        let r = post(formal, "/onderdelen", &sent);
        assert_eq!(r.status, 422);
        assert!(r
            .form_values("#onderdeel-nieuw")
            .iter()
            .any(|(k, _)| k == "onderdeel"));
        // A judgement not chosen: the norms and conclusion stay.
        let element: i64 = complaint_elements::table
            .filter(complaint_elements::complaint_id.eq(formal))
            .select(complaint_elements::id)
            .first(&mut app.conn())
            .unwrap();
        let norm = format!("norm-{element}");
        let sent = [
            (norm.as_str(), "luisteren"),
            ("conclusie", "Excuses en een terugbelafspraak."),
        ];
        kept(
            &post(formal, &format!("/onderdelen/{element}"), &sent),
            &format!("#onderdeel-{element}"),
            &sent,
        );
        // Consent to a later decision without its date.
        let sent = [("tot", ""), ("hoe", "Brief van de klager van 1 december")];
        kept(&post(postponed, "/instemming", &sent), "#instemming", &sent);
        // A follow-up action without a due date.
        let sent = [
            ("actie", "Werkoverleg"),
            ("eigenaar", "Teamleider"),
            ("voor", ""),
        ];
        kept(&post(decided, "/acties", &sent), "#actie-nieuw", &sent);
        // Every step form: a hearing at a time that is not a time, the file consent in the future,
        // postponement without a reason, skipping the hearing without a ground, the ombudsman.
        let time = [
            ("datum", day(5)),
            ("tijd", "half drie".into()),
            ("wijze", "video".into()),
            ("plaats", "https://video.voorbeeld.nl/1".into()),
            ("genodigden", "klager".into()),
        ];
        let time: Vec<(&str, &str)> = time.iter().map(|(k, v)| (*k, v.as_str())).collect();
        kept(
            &step(&coordinator, formal, "plan_hearing", &time),
            "#stap-plan_hearing",
            &time,
        );
        let later = day(2);
        let consent = [("datum", later.as_str()), ("tekst", "email")];
        kept(
            &step(&coordinator, formal, "record_file_consent", &consent),
            "#stap-record_file_consent",
            &consent,
        );
        let postpone = [("weken", "3"), ("reden", "")];
        kept(
            &step(&coordinator, formal, "postpone", &postpone),
            "#stap-postpone",
            &postpone,
        );
        let skip = [("grond", ""), ("reden", "De klager wil niet komen.")];
        kept(
            &step(&coordinator, formal, "skip_hearing", &skip),
            "#stap-skip_hearing",
            &skip,
        );
        let start = [("reden", "Niet opgelost.")];
        let no_feedback = case_in(&app, &s, State::Mediation, false);
        diesel::update(complaint_progress::table.find(no_feedback))
            .set(complaint_progress::mediation_feedback.eq(None::<String>))
            .execute(&mut app.conn())
            .unwrap();
        kept(
            &step(&coordinator, no_feedback, "start_formal_handling", &start),
            "#stap-start_formal_handling",
            &start,
        );
        // The decision draft with a text that is too long.
        let long = "x".repeat(klankbord::complaints::decision_pages::MAX_TEXT + 1);
        let heard = case_in(&app, &s, State::Heard, false);
        let part: i64 = complaint_elements::table
            .filter(complaint_elements::complaint_id.eq(heard))
            .select(complaint_elements::id)
            .first(&mut app.conn())
            .unwrap();
        let (f, j, r) = (
            format!("bevindingen-{part}"),
            format!("oordeel-{part}"),
            format!("motivering-{part}"),
        );
        let sent = [
            (f.as_str(), "De medewerker sprak luid."),
            (j.as_str(), "deels_gegrond"),
            (r.as_str(), "Niet respectvol."),
            ("conclusies", long.as_str()),
            ("maatregelen", "Teamoverleg."),
        ];
        let resp = coordinator.submit(
            &format!("/klachten/{heard}/beslissing"),
            &format!("/klachten/{heard}/beslissing"),
            &sent,
        );
        kept(&resp, "#beslissing", &sent);
    }
);

both_backends!(steps_already_taken_are_not_offered_again, |app| {
    let s = setup();
    let (coordinator, _) = app.logged_in("eens.coordinator", &[Role::Klachtcoordinator]);
    // The person complained about was informed: that step is not offered or taken again.
    let id = case_in(&app, &s, State::FormalHandling, false);
    let page = coordinator.get(&format!("/klachten/{id}?lang=nl"));
    assert!(!offered(&page).contains(&"inform_person".to_string()));
    let r = step(&coordinator, id, "inform_person", &[]);
    assert_eq!(r.status, 422);
    assert!(r.body.contains(&t(Lang::Nl, "refusal-already-done")));
    // Consent for the client file, once recorded, is not asked again.
    assert!(offered(&page).contains(&"record_file_consent".to_string()));
    let consent = [("datum", day(0)), ("tekst", "schriftelijk".to_string())];
    let consent: Vec<(&str, &str)> = consent.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        step(&coordinator, id, "record_file_consent", &consent).status,
        303
    );
    let page = coordinator.get(&format!("/klachten/{id}?lang=nl"));
    assert!(!offered(&page).contains(&"record_file_consent".to_string()));
    let events = app.count("complaint_events");
    let r = step(&coordinator, id, "record_file_consent", &consent);
    assert_eq!(r.status, 422);
    assert_eq!(app.count("complaint_events"), events);
    // Consent to a later decision, once recorded, is not asked again either.
    diesel::update(complaint_progress::table.find(id))
        .set(complaint_progress::postponement_weeks.eq(4))
        .execute(&mut app.conn())
        .unwrap();
    let page = coordinator.get(&format!("/klachten/{id}?lang=nl"));
    assert!(page.body.contains("/instemming"));
    let until = day(90);
    let r = coordinator.submit(
        &format!("/klachten/{id}"),
        &format!("/klachten/{id}/instemming"),
        &[("tot", &until), ("hoe", "Brief van de klager")],
    );
    assert_eq!(r.status, 303);
    let page = coordinator.get(&format!("/klachten/{id}?lang=nl"));
    assert!(!page.body.contains("/instemming\""), "consent form gone");
    // A file of 8 bytes is shown as 8 bytes, not "0 kB".
    diesel::insert_into(klankbord::db::schema::complaint_attachments::table)
        .values((
            klankbord::db::schema::complaint_attachments::complaint_id.eq(id),
            klankbord::db::schema::complaint_attachments::file_name.eq("brief.pdf"),
            klankbord::db::schema::complaint_attachments::content_type.eq("application/pdf"),
            klankbord::db::schema::complaint_attachments::size.eq(8i64),
            klankbord::db::schema::complaint_attachments::data.eq(b"%PDF-1.4".to_vec()),
        ))
        .execute(&mut app.conn())
        .unwrap();
    let page = coordinator.get(&format!("/klachten/{id}?lang=nl"));
    assert!(
        page.body.contains("brief.pdf</a> (8 bytes)"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("(0 kB)"));
});

/// The outcome letter's e-mail in the outbox for case `id`: (subject, text), read before it is sent.
fn outbox_letter(app: &TestApp, id: i64) -> Option<(String, Option<String>)> {
    mail_outbox::table
        .filter(mail_outbox::kind.eq("klacht-uitkomst"))
        .filter(mail_outbox::about_id.eq(id.to_string()))
        .select((mail_outbox::subject, mail_outbox::body_text))
        .first(&mut app.conn())
        .optional()
        .unwrap()
}

both_backends!(
    the_decision_goes_from_draft_to_preview_to_sent_and_is_stored_as_sent,
    |app| {
        let s = setup();
        let (coordinator, _) = app.logged_in("besluit.coordinator", &[Role::Klachtcoordinator]);
        let (member, _) = app.logged_in("besluit.commissie", &[Role::Commissielid]);
        let id = case_in(&app, &s, State::Heard, false);
        let part: i64 = complaint_elements::table
            .filter(complaint_elements::complaint_id.eq(id))
            .select(complaint_elements::id)
            .first(&mut app.conn())
            .unwrap();
        let case = format!("/klachten/{id}");
        // "Oordeel versturen" does not send from the step list.
        let r = step(&coordinator, id, "decide", &[]);
        assert_eq!(r.status, 422);
        assert!(r.body.contains(&t(Lang::Nl, "decision-error-own-page")));
        assert_eq!(state_of(&app, id), "gehoord");
        // The draft: per part findings, judgement, norms, reasoning; conclusions and measures.
        let page = coordinator.get(&format!("{case}/beslissing?lang=nl"));
        assert_eq!(page.status, 200);
        let none_chosen = page.form_values("#beslissing");
        assert!(
            none_chosen
                .iter()
                .any(|(k, v)| k == &format!("oordeel-{part}") && v == "gegrond"),
            "the stored judgement is shown"
        );
        let (f, j, n, r) = (
            format!("bevindingen-{part}"),
            format!("oordeel-{part}"),
            format!("norm-{part}"),
            format!("motivering-{part}"),
        );
        let r = coordinator.submit(
            &format!("{case}/beslissing"),
            &format!("{case}/beslissing"),
            &[
                (
                    f.as_str(),
                    "De medewerker besprak het dossier aan de balie.",
                ),
                (j.as_str(), "deels_gegrond"),
                (n.as_str(), "grondrechten"),
                (n.as_str(), "fatsoenlijke_bejegening"),
                (r.as_str(), "Privé-gegevens horen in een spreekkamer."),
                ("conclusies", "De klacht is deels gegrond."),
                (
                    "maatregelen",
                    "Gesprekken over geld voortaan in een spreekkamer.",
                ),
            ],
        );
        assert_eq!(r.status, 303, "{}", r.body);
        assert_eq!(
            r.header("location"),
            Some(format!("{case}/beslissing/brief").as_str())
        );
        // The preview shows the letter as it will go out; nothing is sent yet.
        let preview = coordinator.get(&format!("{case}/beslissing/brief?lang=nl"));
        let body = preview.texts("pre.letter-text").join("");
        for want in [
            "Wat wij hebben vastgesteld: De medewerker besprak het dossier aan de balie.",
            "Ons oordeel: Deels gegrond",
            "grondrechten",
            "Waarom wij dit vinden: Privé-gegevens horen in een spreekkamer.",
            "Onze conclusie:\nDe klacht is deels gegrond.",
            "Wat wij gaan verbeteren:\nGesprekken over geld voortaan in een spreekkamer.",
            "ombudsman",
        ] {
            assert!(body.contains(want), "{want} in {body}");
        }
        // The preview's PDF is the letter on letterhead, with the reasoning in it.
        let (status, content_type, bytes) =
            coordinator.get_bytes(&format!("{case}/beslissing/brief/pdf"));
        assert_eq!((status, content_type.as_str()), (200, "application/pdf"));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("voorbeeld.pdf");
        std::fs::write(&path, &bytes).unwrap();
        if let Some(read) = crate::support::pdf::read("casework::decision_preview_pdf", &path) {
            let flat = read.text.split_whitespace().collect::<Vec<_>>().join(" ");
            for want in ["Ons kenmerk", "Privé-gegevens horen in een spreekkamer."] {
                assert!(flat.contains(want), "{want} in {flat}");
            }
        }
        assert!(outbox_letter(&app, id).is_none(), "not sent at once");
        // A committee member does not see a case that is not before the committee.
        assert_eq!(member.get(&format!("{case}/beslissing/brief")).status, 404);
        // The handler edits the letter (with the browser's line ends) and sees it again.
        let subject = preview.texts("strong.letter-subject").join("");
        let edited = format!(
            "{}\r\n\r\nMet vriendelijke groet,\r\nde klachtcoördinator",
            body.trim_end()
        );
        let r = coordinator.submit(
            &format!("{case}/beslissing/brief"),
            &format!("{case}/beslissing/brief"),
            &[("onderwerp", &subject), ("tekst", &edited)],
        );
        assert_eq!(r.status, 303, "{}", r.body);
        let preview = coordinator.get(&format!("{case}/beslissing/brief?lang=nl"));
        let seen = preview.texts("pre.letter-text").join("");
        assert!(seen.ends_with("de klachtcoördinator"), "{seen}");
        let version = preview.attr("input[name=versie]", "value").unwrap();
        // A version that is not the one on screen sends nothing.
        let r = coordinator.submit(
            &format!("{case}/beslissing/brief"),
            &format!("{case}/beslissing/versturen"),
            &[("versie", "0000")],
        );
        assert_eq!(r.status, 422);
        assert!(r.body.contains(&t(Lang::Nl, "decision-error-changed")));
        assert!(outbox_letter(&app, id).is_none());
        let r = coordinator.submit(
            &format!("{case}/beslissing/brief"),
            &format!("{case}/beslissing/versturen"),
            &[("versie", &version)],
        );
        assert_eq!(r.status, 303, "{}", r.body);
        assert_eq!(state_of(&app, id), "besloten");
        // What was sent is stored unchanged: the same bytes as the e-mail in the outbox.
        let (sent_subject, sent_body, sent_to): (Option<String>, Option<String>, Option<String>) =
            complaint_decisions::table
                .find(id)
                .select((
                    complaint_decisions::sent_subject,
                    complaint_decisions::sent_body,
                    complaint_decisions::sent_to,
                ))
                .get_result(&mut app.conn())
                .unwrap();
        let sent_body = sent_body.unwrap();
        assert_eq!(sent_body, edited.replace("\r\n", "\n"));
        assert_eq!(sent_to.as_deref(), Some("email"));
        let (mail_subject, _) = outbox_letter(&app, id).expect("queued");
        assert_eq!(Some(mail_subject), sent_subject);
        // The letter kept with the case holds the same text, and its PDF on letterhead (the
        // e-mail's attachment) reads as the handler wrote it.
        let (letter_id, kept): (i64, String) = complaint_letters::table
            .filter(complaint_letters::complaint_id.eq(id))
            .filter(complaint_letters::kind.eq("uitkomst"))
            .select((complaint_letters::id, complaint_letters::body))
            .get_result(&mut app.conn())
            .unwrap();
        assert_eq!(kept, sent_body);
        let (status, _, bytes) =
            coordinator.get_bytes(&format!("/klachten/brieven/{letter_id}/pdf"));
        assert_eq!(status, 200);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uitkomst.pdf");
        std::fs::write(&path, &bytes).unwrap();
        if let Some(read) = crate::support::pdf::read(
            "casework::the_decision_goes_from_draft_to_preview_to_sent",
            &path,
        ) {
            let flat = read.text.split_whitespace().collect::<Vec<_>>().join(" ");
            for want in [
                "de klachtcoördinator",
                "Privé-gegevens horen in een spreekkamer.",
            ] {
                assert!(flat.contains(want), "{want} in {flat}");
            }
        }
        // The page shows the letter as sent; sending twice is refused.
        let after = coordinator.get(&format!("{case}/beslissing/brief?lang=nl"));
        assert_eq!(after.texts("pre.letter-text").join(""), sent_body.trim());
        let r = coordinator.post_raw(
            &format!("{case}/beslissing/versturen"),
            &[("csrf", &after.csrf()), ("versie", &version)],
        );
        assert_eq!(r.status, 422);
        let decided: i64 = complaint_events::table
            .filter(complaint_events::complaint_id.eq(id))
            .filter(complaint_events::action.eq("decide"))
            .count()
            .get_result(&mut app.conn())
            .unwrap();
        assert_eq!(decided, 1);

        // Without e-mail the outcome is a letter to print, with the same text as stored.
        let posted = case_in(&app, &s, State::Heard, false);
        diesel::update(complaints::table.find(posted))
            .set((
                complaints::email.eq(None::<String>),
                complaints::address.eq("Dorpsstraat 1\n1234 AB Voorbeeld"),
            ))
            .execute(&mut app.conn())
            .unwrap();
        let preview = coordinator.get(&format!("/klachten/{posted}/beslissing/brief?lang=nl"));
        let version = preview.attr("input[name=versie]", "value").unwrap();
        let r = coordinator.submit(
            &format!("/klachten/{posted}/beslissing/brief"),
            &format!("/klachten/{posted}/beslissing/versturen"),
            &[("versie", &version)],
        );
        assert_eq!(r.status, 303, "{}", r.body);
        let letter: String = complaint_letters::table
            .filter(complaint_letters::complaint_id.eq(posted))
            .filter(complaint_letters::kind.eq("uitkomst"))
            .select(complaint_letters::body)
            .get_result(&mut app.conn())
            .unwrap();
        let stored: Option<String> = complaint_decisions::table
            .find(posted)
            .select(complaint_decisions::sent_body)
            .get_result(&mut app.conn())
            .unwrap();
        assert_eq!(Some(letter.clone()), stored);
        assert_eq!(letter.trim(), preview.texts("pre.letter-text").join(""));
    }
);
