//! The municipality's contact details, set once in the configuration, on every page and letter
//! where a resident may need help; the privacy statement with the configured retention periods in
//! every language; and `serve` refusing to start without the details it needs.

use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::db::schema::complaint_letters;
use klankbord::web::i18n::Lang;

use crate::cli::{klankbord, start_server};
use crate::paper::multipart;
use crate::support::{pg, skip, Backend, Client, Resp, TestApp, CONTACT_ENV};
use crate::surveys::wave;

/// Details unlike the test default and the demo, so that they can only come from the settings.
const PHONE: &str = "0123 45 67 89";
const PHONE_HREF: &str = "tel:0123456789";
const EMAIL: &str = "loket@teststad.nl";
const OFFICER: &str = "privacy@teststad.nl";
const VISIT: &str = "Stadhuisplein 7, 9999 ZZ Teststad";

fn settings() -> Vec<(&'static str, &'static str)> {
    vec![
        ("KLANKBORD_MUNICIPALITY", "Gemeente Teststad"),
        ("KLANKBORD_CONTACT_PHONE", PHONE),
        ("KLANKBORD_CONTACT_EMAIL", EMAIL),
        ("KLANKBORD_PRIVACY_OFFICER_EMAIL", OFFICER),
        ("KLANKBORD_VISITING_ADDRESS", VISIT),
    ]
}

/// An app with `extra` settings on a fresh database of `backend`.
fn spawn(backend: Backend, test: &str, extra: &[(&str, &str)]) -> Option<TestApp> {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = match backend {
        Backend::Sqlite => format!("sqlite://{}", dir.path().join("klankbord.db").display()),
        Backend::Postgres => match pg::new_database() {
            Ok(url) => url,
            Err(reason) => {
                skip(test, &reason);
                return None;
            }
        },
    };
    Some(TestApp::spawn_with(backend, url, dir, extra))
}

/// The page shows the configured phone number as a link that dials it.
fn shows_phone(r: &Resp, what: &str) {
    assert_eq!(r.status, 200, "{what}: {}", r.status);
    let linked = r.texts(&format!("a[href='{PHONE_HREF}']"));
    assert!(
        linked.iter().any(|t| t == PHONE),
        "{what}: no phone link {PHONE}"
    );
}

/// The page shows the configured e-mail address as a link.
fn shows_email(r: &Resp, what: &str) {
    assert_eq!(
        r.texts(&format!("a[href='mailto:{EMAIL}']")),
        [EMAIL],
        "{what}: e-mail"
    );
}

fn contact_details_on_every_page_and_letter(backend: Backend, test: &str) {
    let Some(app) = spawn(backend, test, &settings()) else {
        return;
    };
    let c = app.client();
    for lang in Lang::ALL {
        let l = lang.code();
        for path in ["/", "/v", "/klacht", "/privacy"] {
            let r = c.get(&format!("{path}?lang={l}"));
            shows_phone(&r, &format!("{path} ({l})"));
            shows_email(&r, &format!("{path} ({l})"));
            assert!(r.body.contains(VISIT), "{path} ({l}): visiting address");
        }
        // The receipt page when the code was already shown, and the accessibility statement.
        shows_phone(
            &c.get(&format!("/klacht/ontvangen?lang={l}")),
            &format!("receipt ({l})"),
        );
        shows_phone(
            &c.get(&format!("/toegankelijkheid?lang={l}")),
            &format!("toegankelijkheid ({l})"),
        );
    }
    // The privacy page names the data protection officer.
    let r = c.get("/privacy?lang=nl");
    assert_eq!(
        r.texts(&format!("a[href='mailto:{OFFICER}']")),
        [OFFICER],
        "FG"
    );

    // A complaint with an e-mail address: receipt by e-mail (as the message's own text here; the
    // letter as PDF attachment is tested in letters.rs), then the status page.
    klankbord::db::settings::set(&mut app.conn(), "letters.delivery", "tekst").unwrap();
    let token = c.get("/klacht?lang=nl").csrf();
    let (ct, body) = multipart(
        &[
            ("csrf", &token),
            ("omschrijving", "Ik werd niet teruggebeld."),
            ("naam", "Fatima"),
            ("email", "fatima@voorbeeld.nl"),
        ],
        None,
    );
    assert_eq!(c.post_body("/klacht?lang=nl", &ct, &body).status, 303);
    let receipt = c.get("/klacht/ontvangen?lang=nl");
    let code = receipt.texts("p.code strong")[0].clone();
    let status = c.submit(
        "/klacht/volgen?lang=nl",
        "/klacht/volgen?lang=nl",
        &[("volgcode", &code)],
    );
    assert_eq!(status.texts("dl.status").len(), 1, "{}", status.body);
    shows_phone(&status, "status page");
    let mails = app.mail_texts();
    let receipt_mail = mails
        .iter()
        .find(|m| m.contains(&code))
        .expect("receipt e-mail with the tracking code");
    assert!(receipt_mail.contains(PHONE), "{receipt_mail}");
    assert!(receipt_mail.contains(EMAIL), "{receipt_mail}");
    assert!(receipt_mail.contains(VISIT), "{receipt_mail}");
    assert!(
        !receipt_mail.contains("Gemeente Gemeente"),
        "{receipt_mail}"
    );

    // A complaint with only a postal address: a letter to print, in Turkish.
    let token = c.get("/klacht?lang=tr").csrf();
    let (ct, body) = multipart(
        &[
            ("csrf", &token),
            ("omschrijving", "Kimse beni aramadı."),
            ("naam", "Ayşe"),
            ("adres", "Dorpsstraat 3\n9999 AA Teststad"),
        ],
        None,
    );
    assert_eq!(c.post_body("/klacht?lang=tr", &ct, &body).status, 303);
    let letters: Vec<String> = complaint_letters::table
        .filter(complaint_letters::channel.eq("post"))
        .select(complaint_letters::body)
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(letters.len(), 1);
    assert!(letters[0].contains(PHONE), "{}", letters[0]);
    assert!(letters[0].contains(EMAIL), "{}", letters[0]);

    // Invitation letters, an invitation e-mail and a paper questionnaire.
    let w = wave(&app, -1, 30, &[]);
    let (researcher, _) = app.logged_in("onderzoek.ria", &[Role::Onderzoeker]);
    let page = format!("/onderzoek/rondes/{}?lang=nl", w.id);
    let r = researcher.submit(
        &page,
        &format!("/onderzoek/rondes/{}/codes", w.id),
        &[("aantal", "2"), ("vorm", "brieven"), ("taal", "ar")],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let letters = r.texts("article.letter");
    assert_eq!(letters.len(), 2);
    for letter in &letters {
        assert!(letter.contains(PHONE) && letter.contains(EMAIL), "{letter}");
    }
    let r = researcher.submit(
        &page,
        &format!("/onderzoek/rondes/{}/email", w.id),
        &[("adressen", "jan@voorbeeld.nl"), ("taal-mail", "pl")],
    );
    assert!(r.status == 303 || r.status == 200, "{}", r.body);
    let invitation = app
        .mail_texts()
        .into_iter()
        .find(|m| m.contains("/v/") && !m.contains(&code))
        .expect("invitation e-mail");
    assert!(invitation.contains(PHONE), "{invitation}");
    // The paper form, as the wave page's print button gives it: the product's PDF.
    let (status, kind, pdf) = researcher.get_bytes(&format!(
        "/onderzoek/rondes/{}/papier?van=1&tot=1&taal=uk",
        w.id
    ));
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("formulieren.pdf");
    std::fs::write(&path, &pdf).unwrap();
    if let Some(read) = crate::support::pdf::read("contact::paper_form", &path) {
        let first_page = read.text.split('\u{c}').next().unwrap_or("");
        let flat = first_page.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(PHONE), "{flat}");
    }
}

#[test]
fn contact_details_are_on_every_page_and_letter_a_resident_needs_sqlite() {
    contact_details_on_every_page_and_letter(
        Backend::Sqlite,
        "contact_details_are_on_every_page_and_letter_a_resident_needs::sqlite",
    );
}

#[test]
fn contact_details_are_on_every_page_and_letter_a_resident_needs_postgres() {
    contact_details_on_every_page_and_letter(
        Backend::Postgres,
        "contact_details_are_on_every_page_and_letter_a_resident_needs::postgres",
    );
}

/// The text of the period cell of a retention row.
fn period(r: &Resp, row: &str) -> String {
    let cells = r.texts(&format!("tr#{row} td"));
    assert_eq!(cells.len(), 1, "row {row}");
    cells[0].clone()
}

#[test]
fn the_privacy_statement_names_every_retention_setting_with_its_value_in_every_language() {
    let mut extra = settings();
    // Values other than the defaults (5 years, 90 days, 60 minutes).
    extra.extend([
        ("KLANKBORD_COMPLAINT_RETENTION_YEARS", "7"),
        ("KLANKBORD_VOLUNTEER_RETENTION_DAYS", "45"),
        ("KLANKBORD_SESSION_IDLE_MINUTES", "25"),
        ("KLANKBORD_HOSTING_PROVIDER", "Hostingbedrijf Noord B.V."),
    ]);
    let Some(app) = spawn(Backend::Sqlite, "privacy_retention", &extra) else {
        return;
    };
    let c = app.client();
    for lang in Lang::ALL {
        let l = lang.code();
        let r = c.get(&format!("/privacy?lang={l}"));
        assert_eq!(r.status, 200);
        let complaint = period(&r, "bewaar-klacht");
        assert!(
            complaint.contains('7') && !complaint.contains('5'),
            "{l}: {complaint}"
        );
        let volunteers = period(&r, "bewaar-gesprek");
        assert!(
            volunteers.contains("45") && !volunteers.contains("90"),
            "{l}: {volunteers}"
        );
        let session = period(&r, "bewaar-sessie");
        assert!(
            session.contains("25") && !session.contains("60") && session.contains("12"),
            "{l}: {session}"
        );
        // Every other kind of data has its own period too.
        for row in [
            "bewaar-uitnodiging",
            "bewaar-concept",
            "bewaar-antwoorden",
            "bewaar-mail",
            "bewaar-pogingen",
            "bewaar-account",
        ] {
            assert!(!period(&r, row).is_empty(), "{l}: {row}");
        }
        // The controller, each purpose with a legal basis, the processor, the rights, the authority.
        assert!(r.body.contains("Gemeente Teststad"), "{l}");
        for purpose in [
            "doel-vragenlijst",
            "doel-gesprek",
            "doel-klacht",
            "doel-verslag",
            "doel-medewerkers",
        ] {
            let parts = r.texts(&format!("section#{purpose} dd"));
            assert_eq!(parts.len(), 3, "{l}: {purpose}");
            assert!(parts[2].contains("6"), "{l}: {purpose} basis: {}", parts[2]);
        }
        assert!(
            r.texts("#doel-klacht dd")[2].contains("9"),
            "{l}: complaints rest on Awb chapter 9"
        );
        assert!(r.body.contains("Hostingbedrijf Noord B.V."), "{l}");
        assert!(
            r.attr("a[href='https://autoriteitpersoonsgegevens.nl']", "href")
                .is_some(),
            "{l}: the Autoriteit Persoonsgegevens"
        );
        assert!(r.texts("main ul li").len() >= 6, "{l}: the rights");
        assert_eq!(
            r.texts(&format!("a[href='mailto:{OFFICER}']")).len(),
            1,
            "{l}: FG"
        );
    }
}

#[test]
fn the_accessibility_statement_has_the_parts_of_the_model_in_every_language() {
    let Some(app) = spawn(Backend::Sqlite, "accessibility_statement", &settings()) else {
        return;
    };
    let c = app.client();
    for lang in Lang::ALL {
        let l = lang.code();
        let r = c.get(&format!("/toegankelijkheid?lang={l}"));
        assert_eq!(r.status, 200);
        // Organisation and scope (the address of this site), status, standard, date, version.
        assert!(r.body.contains("Gemeente Teststad"), "{l}");
        assert!(r.body.contains(&app.base), "{l}: the website covered");
        let status = r.texts("dl#status dd");
        assert_eq!(status.len(), 4, "{l}: {status:?}");
        assert!(status[1].contains("WCAG 2.1"), "{l}");
        assert!(status[2].contains("2026"), "{l}: date");
        // The evidence: the product's own test files.
        let files = r.texts("ul.files code");
        for f in klankbord::web::public::ACCESSIBILITY_EVIDENCE {
            assert!(files.iter().any(|x| x == f), "{l}: {f}");
        }
        // Feedback goes to the municipality; a complaint and the ombudsman after that.
        shows_phone(&r, &format!("toegankelijkheid ({l})"));
        assert_eq!(
            r.attr("main a[href='/klacht']", "href").as_deref(),
            Some("/klacht")
        );
        assert!(r.body.contains("ombudsman"), "{l}");
    }
}

#[test]
fn serve_explains_every_missing_required_contact_setting() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("k.db").display());
    let mut cmd = klankbord();
    for (k, _) in CONTACT_ENV {
        cmd.env_remove(k);
    }
    let out = cmd
        .arg("serve")
        .env("DATABASE_URL", &db)
        .env("KLANKBORD_BIND", "127.0.0.1:0")
        .env("KLANKBORD_CONTACT_EMAIL", EMAIL)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "serve started without a phone number"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    for needed in [
        "KLANKBORD_CONTACT_PHONE",
        "contact_phone = ",
        "KLANKBORD_PRIVACY_OFFICER_EMAIL",
        "privacy_officer_email = ",
        "klankbord.toml",
    ] {
        assert!(err.contains(needed), "{needed} in: {err}");
    }
    assert!(
        !err.contains("KLANKBORD_CONTACT_EMAIL"),
        "e-mail was set: {err}"
    );

    // Letters for residents from the command line: refused before any code is made.
    let letters = dir.path().join("brieven.html");
    let codes = dir.path().join("codes.csv");
    let mut cmd = klankbord();
    for (k, _) in CONTACT_ENV {
        cmd.env_remove(k);
    }
    let out = cmd
        .args(["wave", "invite", "--wave", "1", "--count", "1", "--out"])
        .arg(&codes)
        .arg("--letters")
        .arg(&letters)
        .env("DATABASE_URL", &db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("KLANKBORD_CONTACT_PHONE"));
    assert!(!codes.exists() && !letters.exists());

    // A bad value is named with its fix, like every other setting.
    let out = klankbord()
        .arg("serve")
        .env("DATABASE_URL", &db)
        .env("KLANKBORD_CONTACT_PHONE", "bel ons maar")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("KLANKBORD_CONTACT_PHONE") && err.contains("14 0123"),
        "{err}"
    );
}

#[test]
fn the_demo_fills_in_believable_contact_details() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = klankbord();
    for (k, _) in CONTACT_ENV {
        cmd.env_remove(k);
    }
    cmd.arg("demo")
        .arg("--db")
        .arg(dir.path().join("demo.db"))
        .env("KLANKBORD_BIND", "127.0.0.1:0")
        .current_dir(dir.path());
    let (_server, banner) = start_server(cmd);
    let base = banner.lines().next().unwrap().to_string();
    let c = Client::with_cookies(&base, &[]);
    let home = c.get("/");
    let demo = klankbord::demo::demo_contact();
    for detail in [
        demo.phone,
        demo.email,
        demo.visiting_address,
        demo.opening_hours,
        demo.postal_address,
    ] {
        let detail = detail.expect("the demo sets every detail");
        assert!(home.body.contains(&detail), "{detail}");
    }
    let privacy = c.get("/privacy");
    assert!(privacy.body.contains("fg@voorbeeld.nl"));
}
