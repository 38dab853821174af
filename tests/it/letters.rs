//! Letters as documents: every letter of a complaint, for each addressee, read from its PDF the way
//! a reader does (poppler), with its letterhead fields; the right text for each person; the name of
//! the municipality written once; the batch print; the address in the envelope window; e-mail with
//! the letter attached.

use std::sync::Arc;

use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::complaints::commands::{Command, Hearing, Step};
use klankbord::complaints::steps;
use klankbord::complaints::store;
use klankbord::complaints::terms::HearingMode;
use klankbord::complaints::workflow::State;
use klankbord::config::Config;
use klankbord::db::schema::{audit_log, complaint_letters, complaints, mail_outbox};

use crate::both_backends;
use crate::support::{TestApp, CONTACT_ENV};

/// Complaint handling set up as the test app is (same contact details), named `municipality`.
fn setup(municipality: &str) -> klankbord::complaints::Setup {
    let mut env: Vec<(String, String)> =
        vec![("KLANKBORD_MUNICIPALITY".into(), municipality.to_string())];
    env.extend(
        CONTACT_ENV
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    let config = Config::from_sources(None, &env).expect("config");
    klankbord::complaints::Setup::new(Arc::new(config)).expect("templates")
}

const EVERYONE: [Role; 3] = [
    Role::Klachtcoordinator,
    Role::Klachtbehandelaar,
    Role::Commissielid,
];

/// A complaint by post, passed on by a council member, about a named staff member, taken from
/// receipt to decision; returns its number.
fn whole_case(app: &TestApp, s: &klankbord::complaints::Setup, actor: i64) -> i64 {
    let by = store::By {
        id: actor,
        roles: &EVERYONE,
    };
    let today = klankbord::fmt::today();
    let new = store::NewComplaint {
        received_on: today,
        channel: klankbord::complaints::terms::Channel::CouncilMember,
        via_person: Some("Raadslid K. Jansen".into()),
        language: klankbord::web::i18n::Lang::Nl,
        name: Some("Mevrouw A. de Vries".into()),
        address: Some("Dorpsstraat 1, 1234 AB Voorbeeld".into()),
        description: "Aan de balie werd ik toegesproken alsof ik een kind was.".into(),
        wish: Some("Excuses".into()),
        ..Default::default()
    };
    let (id, _) = store::register(&mut app.conn(), &s.env(), &new, None).unwrap();
    diesel::update(complaints::table.find(id))
        .set((
            complaints::person_complained.eq("De heer B. de Boer"),
            complaints::team.eq("Team Inkomen"),
        ))
        .execute(&mut app.conn())
        .unwrap();
    let step = |command: Command| {
        steps::take(&mut app.conn(), &s.env(), id, &command, by, today)
            .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    };
    step(Command::new(Step::StartFormalHandling));
    step(Command::new(Step::InformPerson));
    step(Command::new(Step::Postpone { weeks: 2 }).because("Wij wachten op het klantdossier."));
    step(Command::new(Step::PlanHearing(Hearing {
        // Today: a hearing is recorded as held only on or after its day.
        at: today.and_hms_opt(14, 0, 0).unwrap(),
        mode: HearingMode::InPerson,
        place: "Raadhuisplein 1, kamer 2".into(),
        invitees: "klager, medewerker".into(),
    })));
    step(Command::new(Step::HoldHearing {
        attendance: None,
        minutes: Some("Beide partijen gehoord.".into()),
    }));
    store::add_element(&mut app.conn(), id, actor, "Toon aan de balie").unwrap();
    let element: i64 = klankbord::db::schema::complaint_elements::table
        .filter(klankbord::db::schema::complaint_elements::complaint_id.eq(id))
        .select(klankbord::db::schema::complaint_elements::id)
        .first(&mut app.conn())
        .unwrap();
    store::judge_element(
        &mut app.conn(),
        id,
        element,
        actor,
        klankbord::complaints::terms::Judgement::Founded,
        &klankbord::complaints::model::Norms::chosen(&["fatsoenlijke_bejegening".to_string()]),
        Some("De teamleider biedt excuses aan."),
    )
    .unwrap();
    step(Command::new(Step::Decide { letter: None }));
    assert_eq!(
        complaints::table
            .find(id)
            .select(complaints::state)
            .get_result::<String>(&mut app.conn())
            .unwrap(),
        State::Decided.code()
    );
    id
}

/// A PDF from the app, read with poppler: (text, bbox html). `None` when poppler is missing.
fn read_pdf(test: &str, bytes: &[u8]) -> Option<(String, String, usize)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.pdf");
    std::fs::write(&path, bytes).unwrap();
    let read = crate::support::pdf::read(test, &path)?;
    let bbox = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    Some((
        read.text.clone(),
        String::from_utf8_lossy(&bbox.stdout).into_owned(),
        read.pages(),
    ))
}

/// Words of the first page with their box in millimetres: (word, xmin, ymin, xmax, ymax).
fn words_mm(bbox: &str) -> Vec<(String, f32, f32, f32, f32)> {
    let first = bbox.split("</page>").next().unwrap_or("");
    let mm = 25.4 / 72.0;
    first
        .lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .filter_map(|l| {
            let num = |name: &str| -> Option<f32> {
                let at = l.find(&format!("{name}=\""))? + name.len() + 2;
                l[at..].split('"').next()?.parse().ok()
            };
            let word = l.split('>').nth(1)?.split('<').next()?.to_string();
            Some((
                word,
                num("xMin")? * mm,
                num("yMin")? * mm,
                num("xMax")? * mm,
                num("yMax")? * mm,
            ))
        })
        .collect()
}

both_backends!(
    every_letter_reaches_its_addressee_as_a_pdf_on_letterhead,
    |app| {
        let test = "every_letter_reaches_its_addressee_as_a_pdf_on_letterhead";
        let (coordinator, actor) = app.logged_in("brieven.coordinator", &[Role::Klachtcoordinator]);
        // The coordinator sets the contact person and who signs the decision.
        let r = coordinator.submit(
            "/klachten/brieven/instellingen",
            "/klachten/brieven/instellingen",
            &[
                ("bezorging", "bijlage"),
                ("afzender", ""),
                ("contactpersoon", "mevrouw J. Bakker, klachtencoördinator"),
                ("naam-uitkomst", "P. de Wit"),
                ("functie-uitkomst", "burgemeester"),
            ],
        );
        assert_eq!(r.status, 303, "{}", r.body);
        // The name setting already says "Gemeente": the letters must not say it twice.
        let s = setup("Gemeente Voorbeeld");
        let id = whole_case(&app, &s, actor);
        let case = store::case_number(&store::load(&mut app.conn(), id).unwrap());
        let letters: Vec<(i64, String, String, String)> = complaint_letters::table
            .filter(complaint_letters::complaint_id.eq(id))
            .order(complaint_letters::id)
            .select((
                complaint_letters::id,
                complaint_letters::kind,
                complaint_letters::addressee,
                complaint_letters::channel,
            ))
            .load(&mut app.conn())
            .unwrap();
        let kinds: Vec<(&str, &str)> = letters
            .iter()
            .map(|(_, k, a, _)| (k.as_str(), a.as_str()))
            .collect();
        for expected in [
            ("ontvangst", "klager"),
            ("beklaagde-melding", "beklaagde"),
            ("uitstel", "klager"),
            ("beklaagde-uitstel", "beklaagde"),
            ("hoorzitting", "klager"),
            ("beklaagde-hoorzitting", "beklaagde"),
            ("uitkomst", "klager"),
            ("beklaagde-uitkomst", "beklaagde"),
            ("raadslid", "doorgever"),
        ] {
            assert!(kinds.contains(&expected), "{expected:?} in {kinds:?}");
        }
        let today = klankbord::fmt::today();
        let date = klankbord::complaints::letters::service::letter_date(
            today,
            klankbord::web::i18n::Lang::Nl,
        );
        for (letter, kind, addressee, _) in &letters {
            let (status, content_type, bytes) =
                coordinator.get_bytes(&format!("/klachten/brieven/{letter}/pdf"));
            assert_eq!(status, 200);
            assert_eq!(content_type, "application/pdf");
            let Some((text, _, _)) = read_pdf(test, &bytes) else {
                return;
            };
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            // The letterhead: name, sender address, date, ons kenmerk, contact person, phone, e-mail.
            for needle in [
                "Gemeente Voorbeeld",
                "Postbus 1000",
                "1234 AB Voorbeeld",
                "Datum",
                date.as_str(),
                "Ons kenmerk",
                case.as_str(),
                "mevrouw J. Bakker, klachtencoördinator",
                "14 0123",
                "info@voorbeeld.nl",
                "Retouradres",
            ] {
                assert!(flat.contains(needle), "{kind}: {needle} in {flat}");
            }
            assert!(
                !flat.to_lowercase().contains("gemeente gemeente"),
                "{kind}: the name twice in {flat}"
            );
            match addressee.as_str() {
                "klager" => {
                    assert!(flat.contains("Mevrouw A. de Vries") && flat.contains("Dorpsstraat 1"));
                }
                "beklaagde" => {
                    assert!(
                        flat.contains("De heer B. de Boer") && flat.contains("p/a Team Inkomen"),
                        "{kind}: {flat}"
                    );
                    // Written for their own role, never the complainant's text.
                    assert!(!flat.contains("uw klacht"), "{kind}: {flat}");
                    assert!(!flat.contains("De medewerker over wie u klaagt"), "{kind}");
                }
                _ => {
                    assert!(flat.contains("Raadslid K. Jansen"), "{flat}");
                    // The council member never reads who complained or what about.
                    assert!(
                        !flat.contains("de Vries") && !flat.contains("balie"),
                        "{kind}: {flat}"
                    );
                }
            }
            match kind.as_str() {
                "beklaagde-melding" => assert!(
                    flat.contains("9:9")
                        && flat.contains("toegesproken alsof ik een kind was")
                        && flat.contains("Klager: Mevrouw A. de Vries"),
                    "{flat}"
                ),
                "beklaagde-hoorzitting" => assert!(
                    flat.contains("uw kant van het verhaal")
                        && flat.contains("14:00")
                        && flat.contains("Raadhuisplein 1, kamer 2"),
                    "{flat}"
                ),
                "uitkomst" | "beklaagde-uitkomst" => {
                    // The reasoned decision per part, and who signs (set per kind of letter).
                    assert!(
                        flat.contains("Toon aan de balie")
                            && flat.contains("Ons oordeel: Gegrond")
                            && flat.contains("Fatsoenlijke bejegening")
                            && flat.contains("De teamleider biedt excuses aan."),
                        "{flat}"
                    );
                }
                "raadslid" => assert!(flat.contains("er is een oordeel over de klacht"), "{flat}"),
                _ => {}
            }
            if kind == "uitkomst" {
                assert!(
                    flat.contains("P. de Wit burgemeester Gemeente Voorbeeld"),
                    "{flat}"
                );
                assert!(flat.contains("ombudsman"), "{flat}");
            } else if kind != "beklaagde-uitkomst" {
                assert!(flat.contains("De klachtencoördinator"), "{kind}: {flat}");
            }
        }
    }
);

both_backends!(a_name_without_gemeente_gets_it_once, |app| {
    let test = "a_name_without_gemeente_gets_it_once";
    let (coordinator, _) = app.logged_in("brieven.naam", &[Role::Klachtcoordinator]);
    let s = setup("Voorbeeld");
    let new = store::NewComplaint {
        received_on: klankbord::fmt::today(),
        channel: klankbord::complaints::terms::Channel::Letter,
        language: klankbord::web::i18n::Lang::Nl,
        name: Some("Mevrouw A. de Vries".into()),
        address: Some("Dorpsstraat 1\n1234 AB Voorbeeld".into()),
        description: "Niet teruggebeld.".into(),
        ..Default::default()
    };
    store::register(&mut app.conn(), &s.env(), &new, None).unwrap();
    let letter: i64 = complaint_letters::table
        .select(complaint_letters::id)
        .first(&mut app.conn())
        .unwrap();
    let (_, _, bytes) = coordinator.get_bytes(&format!("/klachten/brieven/{letter}/pdf"));
    let Some((text, bbox, _)) = read_pdf(test, &bytes) else {
        return;
    };
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Gemeente Voorbeeld"), "{flat}");
    assert!(!flat.to_lowercase().contains("gemeente gemeente"), "{flat}");
    // The window envelope: name and address lie inside the window (EA5/6, C5/6 with the window on
    // the left: 20 mm from the left, 45 to 90 mm from the top, about 100 mm wide).
    let words = words_mm(&bbox);
    for needle in ["Vries", "Dorpsstraat", "1234", "AB"] {
        // The address's word, not the same word in the sender block at the right.
        let (_, x0, y0, x1, y1) = words
            .iter()
            .filter(|(w, ..)| w == needle)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap_or_else(|| panic!("{needle} on the first page"))
            .clone();
        assert!(x0 >= 20.0 && x1 <= 120.0, "{needle} from {x0} to {x1} mm");
        assert!(y0 >= 45.0 && y1 <= 90.0, "{needle} from {y0} to {y1} mm");
    }
    // The reference and the text stay out of the window.
    let (_, _, kenmerk_y, _, _) = words.iter().find(|(w, ..)| w == "kenmerk").unwrap().clone();
    let (_, kenmerk_x, ..) = words.iter().find(|(w, ..)| w == "kenmerk").unwrap().clone();
    assert!(kenmerk_x > 120.0 || kenmerk_y > 90.0);
});

both_backends!(
    a_batch_prints_as_one_pdf_and_is_marked_sent_at_once,
    |app| {
        let test = "a_batch_prints_as_one_pdf_and_is_marked_sent_at_once";
        let (coordinator, _) = app.logged_in("brieven.stapel", &[Role::Klachtcoordinator]);
        let s = setup("Gemeente Voorbeeld");
        for i in 0..3 {
            let new = store::NewComplaint {
                received_on: klankbord::fmt::today(),
                channel: klankbord::complaints::terms::Channel::Letter,
                language: if i == 1 {
                    klankbord::web::i18n::Lang::Ar
                } else {
                    klankbord::web::i18n::Lang::Nl
                },
                name: Some(format!("Inwoner {i}")),
                address: Some(format!("Dorpsstraat {i}, 1234 AB Voorbeeld")),
                description: "Niet teruggebeld.".into(),
                ..Default::default()
            };
            store::register(&mut app.conn(), &s.env(), &new, None).unwrap();
        }
        let page = coordinator.get("/klachten/brieven?lang=nl");
        assert_eq!(page.status, 200);
        assert_eq!(page.texts("tr.letter").len(), 3);
        assert_eq!(page.texts("fieldset#soort-ontvangst legend").len(), 1);
        // Nothing chosen: told what to do, nothing made.
        let r = coordinator.submit("/klachten/brieven?lang=nl", "/klachten/brieven/stapel", &[]);
        assert_eq!(r.status, 422);
        assert_eq!(app.count("complaint_letter_batches"), 0);
        let ids: Vec<i64> = complaint_letters::table
            .select(complaint_letters::id)
            .order(complaint_letters::id)
            .load(&mut app.conn())
            .unwrap();
        let chosen: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
        let fields: Vec<(&str, &str)> = chosen.iter().map(|c| ("brief", c.as_str())).collect();
        let r = coordinator.submit(
            "/klachten/brieven?lang=nl",
            "/klachten/brieven/stapel",
            &fields,
        );
        assert_eq!(r.status, 303);
        let batch: i64 = klankbord::db::schema::complaint_letter_batches::table
            .select(klankbord::db::schema::complaint_letter_batches::id)
            .first(&mut app.conn())
            .unwrap();
        let (status, _, bytes) =
            coordinator.get_bytes(&format!("/klachten/brieven/stapel/{batch}/pdf"));
        assert_eq!(status, 200);
        if let Some((text, _, pages)) = read_pdf(test, &bytes) {
            assert!(pages >= 3, "one letter per page at least: {pages}");
            for i in 0..3 {
                assert!(text.contains(&format!("Inwoner {i}")), "{text}");
            }
        }
        // Still waiting until the batch is marked sent; then gone from the list, each case noted.
        let page = coordinator.get("/klachten/brieven?lang=nl");
        assert!(page.body.contains(&format!("stapel-{batch}")));
        let r = coordinator.submit(
            "/klachten/brieven?lang=nl",
            &format!("/klachten/brieven/stapel/{batch}/verstuurd"),
            &[],
        );
        assert_eq!(r.status, 303);
        let waiting: i64 = complaint_letters::table
            .filter(complaint_letters::printed_on.is_null())
            .count()
            .get_result(&mut app.conn())
            .unwrap();
        assert_eq!(waiting, 0);
        let logged: Vec<(String, Option<String>)> = audit_log::table
            .filter(audit_log::action.like("complaint.letter_batch_%"))
            .select((audit_log::action, audit_log::detail))
            .load(&mut app.conn())
            .unwrap();
        assert!(logged
            .iter()
            .any(|(a, d)| a == "complaint.letter_batch_made" && d.as_deref() == Some("3 brieven")));
        assert!(logged
            .iter()
            .any(|(a, _)| a == "complaint.letter_batch_sent"));
        // No names in the audit log.
        let details: Vec<Option<String>> = audit_log::table
            .select(audit_log::detail)
            .load(&mut app.conn())
            .unwrap();
        assert!(details.iter().flatten().all(|d| !d.contains("Inwoner")));
    }
);

both_backends!(an_emailed_letter_travels_as_pdf_or_as_text_as_set, |app| {
    let (coordinator, _) = app.logged_in("brieven.mail", &[Role::Klachtcoordinator]);
    let s = setup("Gemeente Voorbeeld");
    let new = |name: &str| store::NewComplaint {
        received_on: klankbord::fmt::today(),
        channel: klankbord::complaints::terms::Channel::Web,
        language: klankbord::web::i18n::Lang::Nl,
        name: Some(name.into()),
        email: Some("klager@voorbeeld.nl".into()),
        description: "Niet teruggebeld.".into(),
        ..Default::default()
    };
    store::register(&mut app.conn(), &s.env(), &new("Eerste"), None).unwrap();
    let row: (Option<String>, Option<Vec<u8>>, Option<String>) = mail_outbox::table
        .order(mail_outbox::id.desc())
        .select((
            mail_outbox::attachment_name,
            mail_outbox::attachment,
            mail_outbox::body_text,
        ))
        .first(&mut app.conn())
        .unwrap();
    assert!(row.0.unwrap().ends_with(".pdf"));
    assert!(row.1.unwrap().starts_with(b"%PDF-"));
    assert!(row.2.unwrap().contains("In de bijlage"));
    // The e-mailed letter is kept with the case, not waiting for the post.
    let (channel, printed): (String, Option<chrono::NaiveDate>) = complaint_letters::table
        .select((complaint_letters::channel, complaint_letters::printed_on))
        .first(&mut app.conn())
        .unwrap();
    assert_eq!(channel, "email");
    assert!(printed.is_some());
    let r = coordinator.submit(
        "/klachten/brieven/instellingen",
        "/klachten/brieven/instellingen",
        &[("bezorging", "tekst")],
    );
    assert_eq!(r.status, 303);
    store::register(&mut app.conn(), &s.env(), &new("Tweede"), None).unwrap();
    let row: (Option<Vec<u8>>, Option<String>) = mail_outbox::table
        .order(mail_outbox::id.desc())
        .select((mail_outbox::attachment, mail_outbox::body_text))
        .first(&mut app.conn())
        .unwrap();
    assert!(row.0.is_none());
    let body = row.1.unwrap();
    assert!(body.contains("Wij hebben uw klacht") && body.contains("Gemeente Voorbeeld"));
    assert!(!body.contains("Gemeente Gemeente"));
});

both_backends!(the_logo_is_checked_by_its_content_and_size, |app| {
    let (coordinator, _) = app.logged_in("brieven.logo", &[Role::Klachtcoordinator]);
    let page = coordinator.get("/klachten/brieven/instellingen");
    let token = page.csrf();
    let upload = |name: &str, bytes: &[u8]| {
        let (ct, body) = logo_form(&token, name, bytes);
        coordinator.post_body("/klachten/brieven/logo", &ct, &body)
    };
    // A text file named .png, and a file that only starts like a PNG: refused, nothing stored.
    let r = upload("logo.png", b"<svg onload=alert(1)>");
    assert_eq!(r.status, 422);
    let mut fake = b"\x89PNG\r\n\x1a\n".to_vec();
    fake.extend_from_slice(&[0u8; 64]);
    let r = upload("logo.png", &fake);
    assert_eq!(r.status, 422);
    let big = vec![0x89u8; 600 * 1024];
    let r = upload("logo.png", &big);
    assert!(r.status == 422 || r.status == 413, "{}", r.status);
    assert_eq!(app.count("letterhead_logos"), 0);
    // A real PNG is kept and drawn on new letters.
    let r = upload("logo.png", TINY_PNG);
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(app.count("letterhead_logos"), 1);
    let s = setup("Gemeente Voorbeeld");
    let new = store::NewComplaint {
        received_on: klankbord::fmt::today(),
        channel: klankbord::complaints::terms::Channel::Letter,
        language: klankbord::web::i18n::Lang::Nl,
        name: Some("Mevrouw A. de Vries".into()),
        address: Some("Dorpsstraat 1, 1234 AB Voorbeeld".into()),
        description: "Niet teruggebeld.".into(),
        ..Default::default()
    };
    store::register(&mut app.conn(), &s.env(), &new, None).unwrap();
    let letter: i64 = complaint_letters::table
        .select(complaint_letters::id)
        .first(&mut app.conn())
        .unwrap();
    let (status, _, bytes) = coordinator.get_bytes(&format!("/klachten/brieven/{letter}/pdf"));
    assert_eq!(status, 200);
    assert!(bytes.windows(8).any(|w| w == b"/Subtype") && bytes.windows(6).any(|w| w == b"/Image"));
});

/// A multipart form with one file in the field `logo`.
fn logo_form(token: &str, name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----klankbordlogogrens";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"{name}\"\r\nContent-Type: image/png\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// A 1×1 PNG.
const TINY_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

#[test]
fn a_template_that_does_not_fit_its_addressee_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("nl")).unwrap();
    std::fs::write(
        dir.path().join("nl/beklaagde-melding.txt"),
        "Onderwerp: Klacht {zaaknummer}\n\nBeste {naam},\n\n{klacht}\n\nVolg het op met code {volgcode}.\n",
    )
    .unwrap();
    let mut env: Vec<(String, String)> = vec![(
        "KLANKBORD_TEMPLATES".into(),
        dir.path().display().to_string(),
    )];
    env.extend(
        CONTACT_ENV
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    let config = Config::from_sources(None, &env).expect("config");
    assert!(
        config.complaints.templates_dir.is_some(),
        "templates folder setting"
    );
    let e = match klankbord::complaints::Setup::new(Arc::new(config)) {
        Ok(_) => {
            panic!("a letter to the staff member with the complainant's code must stop the start")
        }
        Err(e) => e.to_string(),
    };
    assert!(
        e.contains("beklaagde-melding.txt") && e.contains("{volgcode}") && e.contains("regel 7"),
        "{e}"
    );
}

/// Clicks the first element matching `css` (a link or button), as a user would.
fn click(b: &crate::support::browser::Browser, css: &str) {
    let found = b.exec(&format!(
        "const e = document.querySelector({css:?}); if (!e) {{ return false; }} e.click(); return true;"
    ));
    assert_eq!(found, serde_json::json!(true), "{css} on {}", b.url());
}

#[test]
fn the_coordinator_prints_a_batch_from_the_workplace_in_a_browser() {
    let test = "letters_browser";
    let Some((b, axe)) = crate::browser::browser_or_skip(test) else {
        return;
    };
    let Some(app) = TestApp::spawn(crate::support::Backend::Sqlite, test) else {
        return;
    };
    let s = setup("Gemeente Voorbeeld");
    for i in 0..2 {
        let new = store::NewComplaint {
            received_on: klankbord::fmt::today(),
            channel: klankbord::complaints::terms::Channel::Letter,
            language: klankbord::web::i18n::Lang::Nl,
            name: Some(format!("Inwoner {i}")),
            address: Some(format!("Dorpsstraat {i}, 1234 AB Voorbeeld")),
            description: "Niet teruggebeld.".into(),
            ..Default::default()
        };
        store::register(&mut app.conn(), &s.env(), &new, None).unwrap();
    }
    let (user, pass, _) = app.user("browser.brieven", &[Role::Klachtcoordinator]);
    crate::browser::login_by_keyboard(&b, &app.base, &user, &pass);
    let mut report = vec![];
    // From the workplace to the complaints, to the letters, by clicking.
    b.goto(&format!("{}/werkplek?lang=nl", app.base));
    click(&b, "a[href='/klachten']");
    b.wait_for_path("the complaints", |p| p.starts_with("/klachten"));
    click(&b, "a[href='/klachten/brieven']");
    b.wait_for_path("the letters", |p| p.starts_with("/klachten/brieven"));
    let rows = b
        .exec("return document.querySelectorAll('tr.letter input[type=checkbox]:checked').length;");
    assert_eq!(rows, serde_json::json!(2), "both letters chosen to print");
    for v in b.axe_violations(&axe) {
        report.push(format!("letters page: {v}"));
    }
    // Print the chosen letters as one PDF: the batch appears with its PDF and its "sent" button.
    click(
        &b,
        "form[action='/klachten/brieven/stapel'] button[type=submit]",
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    let batches = b.exec("return document.querySelectorAll('div.batch').length;");
    assert_eq!(batches, serde_json::json!(1), "{}", b.url());
    for v in b.axe_violations(&axe) {
        report.push(format!("letters page with a batch: {v}"));
    }
    let pdf = b.exec_async(
        "const done = arguments[arguments.length - 1]; \
         const a = document.querySelector('div.batch a[href$=\"/pdf\"]'); \
         fetch(a.href).then(r => r.arrayBuffer().then(buf => done([r.headers.get('content-type'), \
         String.fromCharCode.apply(null, new Uint8Array(buf.slice(0, 5)))]))).catch(e => done(String(e)));",
    );
    assert_eq!(pdf, serde_json::json!(["application/pdf", "%PDF-"]));
    click(&b, "div.batch form button[type=submit]");
    std::thread::sleep(std::time::Duration::from_millis(500));
    let notice = b.exec("return document.querySelector('div.notice') ? document.querySelector('div.notice').textContent : '';");
    assert!(
        notice
            .as_str()
            .unwrap_or("")
            .contains(&klankbord::web::i18n::t(
                klankbord::web::i18n::Lang::Nl,
                "letters-notice-sent"
            )),
        "{notice}"
    );
    let left = b.exec("return document.querySelectorAll('tr.letter').length;");
    assert_eq!(left, serde_json::json!(0));
    // The letterhead settings, reached by their link.
    click(&b, "a[href='/klachten/brieven/instellingen']");
    b.wait_for_path("the settings", |p| {
        p.starts_with("/klachten/brieven/instellingen")
    });
    for v in b.axe_violations(&axe) {
        report.push(format!("letter settings: {v}"));
    }
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
}
