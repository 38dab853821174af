//! Both database engines: every table loads, migrations are the same on both.

use klankbord::complaints::commands::{Command, Hearing, Step};
use klankbord::complaints::steps;
use klankbord::complaints::terms::HearingMode;

use crate::both_backends;
use crate::support::count_rows;

both_backends!(every_table_loads, |app| {
    use chrono::NaiveDateTime;
    use diesel::prelude::*;
    use klankbord::db::schema::*;
    // Put a row in every table through the product itself: an account, a login, a rate-limit hit.
    let (user, pass, _) = app.user("tabel.test", &[klankbord::accounts::model::Role::Raadslid]);
    assert_eq!(app.client().login(&user, &pass).status, 303);
    // A failed login too (it is counted per name and address).
    assert_eq!(app.client().login(&user, "niet het wachtwoord").status, 422);
    let mut conn = app.conn();
    let mail = klankbord::mail::OutgoingMail {
        kind: "test".into(),
        about: None,
        to: "a@voorbeeld.test".into(),
        subject: "s".into(),
        body: "b".into(),
    };
    klankbord::mail::enqueue(&mut conn, &mail, "voorbeeld.test", klankbord::db::now()).unwrap();
    let wave = klankbord::surveys::builder::WaveBuilder::new()
        .name("Ronde")
        .window(
            chrono::NaiveDate::from_ymd_opt(2027, 4, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2027, 5, 1).unwrap(),
        )
        .population(100)
        .create(&mut conn)
        .unwrap();
    klankbord::surveys::waves::create_invitations(
        &mut conn,
        wave,
        3,
        klankbord::accounts::audit::Actor::System,
    )
    .unwrap();
    // Answers, a draft, an e-mail invitation and an interview volunteer.
    use klankbord::surveys::{
        answers::{AnswerSet, Stored},
        invite, respond, waves as w,
    };
    let wave_row = w::find_wave(&mut conn, wave).unwrap();
    let def = respond::definition(&mut conn, wave_row.version_id).unwrap();
    let mut answers = AnswerSet::new();
    answers.insert("cijfer".into(), Stored::Number(7));
    let day = chrono::NaiveDate::from_ymd_opt(2027, 4, 2).unwrap();
    let meta = respond::Meta {
        channel: klankbord::surveys::channel::Channel::Web,
        helper: None,
        language: klankbord::web::i18n::Lang::Nl,
    };
    respond::submit(&mut conn, &wave_row, &def, None, &answers, &meta, day).unwrap();
    let cx = invite::MailContext {
        public_url: "http://voorbeeld.test",
        domain: "voorbeeld.test",
        contact: &klankbord::config::Contact::named("Voorbeeld"),
    };
    invite::invite_by_email(
        &mut conn,
        &wave_row,
        &["b@voorbeeld.test".to_string()],
        klankbord::web::i18n::Lang::Nl,
        &cx,
        klankbord::accounts::audit::Actor::System,
        day,
    )
    .unwrap();
    let first_invitation: i64 = invitations::table
        .select(invitations::id)
        .order(invitations::id)
        .first(&mut conn)
        .unwrap();
    respond::save_draft(&mut conn, first_invitation, &answers, 3, day).unwrap();
    diesel::insert_into(interview_volunteers::table)
        .values((
            interview_volunteers::wave_id.eq(wave),
            interview_volunteers::name.eq("A"),
            interview_volunteers::contact.eq("0612345678"),
            interview_volunteers::language.eq("nl"),
            interview_volunteers::best_time.eq("avond"),
        ))
        .execute(&mut conn)
        .unwrap();
    respond::submit(&mut conn, &wave_row, &def, None, &answers, &meta, day).unwrap();
    // A used interview offer (offers are stored only once used).
    diesel::insert_into(interview_offers::table)
        .values((
            interview_offers::token_hash.eq("a".repeat(64)),
            interview_offers::wave_id.eq(wave),
            interview_offers::valid_until.eq(day),
            interview_offers::used.eq(true),
        ))
        .execute(&mut conn)
        .unwrap();
    // A rate-limit hit (a login no longer makes one): a refused interview sign-up.
    klankbord::surveys::volunteers::count_refusal(&mut conn, "adres", klankbord::db::now())
        .unwrap();
    diesel::insert_into(paper_forms::table)
        .values((
            paper_forms::wave_id.eq(wave),
            paper_forms::form_id.eq("R1-000001"),
        ))
        .execute(&mut conn)
        .unwrap();
    diesel::insert_into(paper_quarantine::table)
        .values((
            paper_quarantine::wave_id.eq(wave),
            paper_quarantine::form_id.eq("R1-000002"),
            paper_quarantine::line.eq(3i64),
            paper_quarantine::sheet.eq("{}"),
            paper_quarantine::problems.eq("[]"),
            paper_quarantine::created_on.eq(day),
        ))
        .execute(&mut conn)
        .unwrap();
    diesel::insert_into(paper_reports::table)
        .values((
            paper_reports::wave_id.eq(wave),
            paper_reports::created_by.eq(None::<i64>),
            paper_reports::created_at.eq(klankbord::db::now()),
            paper_reports::file_name.eq("stapel.csv"),
            paper_reports::summary.eq("{}"),
            paper_reports::report.eq("regel\n"),
        ))
        .execute(&mut conn)
        .unwrap();
    // paper: a stored form layout.
    diesel::insert_into(paper_layouts::table)
        .values((
            paper_layouts::version_id.eq(wave_row.version_id),
            paper_layouts::lang.eq("nl"),
            paper_layouts::digest.eq("0"),
            paper_layouts::layout.eq("{}"),
            paper_layouts::created_on.eq(day),
        ))
        .execute(&mut conn)
        .unwrap();
    // paper: a print run of forms 1 to 50 with that layout.
    let layout_id: i64 = paper_layouts::table
        .select(paper_layouts::id)
        .first(&mut conn)
        .unwrap();
    diesel::insert_into(paper_prints::table)
        .values((
            paper_prints::wave_id.eq(wave),
            paper_prints::first_number.eq(1),
            paper_prints::last_number.eq(50),
            paper_prints::lang.eq("nl"),
            paper_prints::layout_id.eq(layout_id),
            paper_prints::printed_on.eq(day),
        ))
        .execute(&mut conn)
        .unwrap();
    diesel::insert_into(paper_scan_pending::table)
        .values((
            paper_scan_pending::wave_id.eq(wave),
            paper_scan_pending::form_id.eq("R1-000003"),
            paper_scan_pending::sheet.eq("{}"),
            paper_scan_pending::created_on.eq(day),
        ))
        .execute(&mut conn)
        .unwrap();
    // The whole scan kept of a waiting page without a readable QR code.
    let waiting: i64 = paper_scan_pending::table
        .select(paper_scan_pending::id)
        .first(&mut conn)
        .unwrap();
    diesel::insert_into(paper_scan_images::table)
        .values((
            paper_scan_images::pending_id.eq(waiting),
            paper_scan_images::page_png.eq(vec![0x89u8, b'P', b'N', b'G']),
        ))
        .execute(&mut conn)
        .unwrap();
    // A complaint through every table: registered with a file (a letter, no e-mail), classified,
    // handled formally to a planned hearing, an element, a follow-up, and a reminder once overdue.
    let complaint_tables = {
        use klankbord::complaints::store;
        let config = klankbord::config::Config::from_sources(None, &[]).unwrap();
        let setup = klankbord::complaints::Setup::new(std::sync::Arc::new(config)).unwrap();
        let env = setup.env();
        let (_, _, staff) = app.user(
            "tabel.klachten",
            &[klankbord::accounts::model::Role::Klachtcoordinator],
        );
        let received = chrono::NaiveDate::from_ymd_opt(2027, 4, 1).unwrap();
        let new = store::NewComplaint {
            received_on: received,
            channel: klankbord::complaints::terms::Channel::Letter,
            language: klankbord::web::i18n::Lang::Nl,
            address: Some("Dorpsstraat 1".into()),
            description: "Niet teruggebeld.".into(),
            attachments: vec![store::Attachment {
                file_name: "brief.pdf".into(),
                content_type: "application/pdf".into(),
                data: b"%PDF".to_vec(),
            }],
            ..Default::default()
        };
        let (id, _) = store::register(&mut conn, &env, &new, None).unwrap();
        store::classify(
            &mut conn,
            &env,
            id,
            staff,
            &store::Classification {
                kind: klankbord::complaints::terms::Kind::Complaint,
                categories: vec![1],
                norms: klankbord::complaints::model::Norms::chosen(&[
                    "fatsoenlijke_bejegening".into()
                ]),
                ..Default::default()
            },
        )
        .unwrap();
        let by = store::By {
            id: staff,
            roles: &[klankbord::accounts::model::Role::Klachtcoordinator],
        };
        let on = received + chrono::Duration::days(1);
        for action in [
            klankbord::complaints::workflow::Action::StartFormalHandling,
            klankbord::complaints::workflow::Action::InformPersonComplainedAbout,
        ] {
            steps::take(
                &mut conn,
                &env,
                id,
                &Command::new(Step::bare(action).unwrap()),
                by,
                on,
            )
            .unwrap();
        }
        let plan = Command::new(Step::PlanHearing(Hearing {
            at: (on + chrono::Duration::days(7))
                .and_hms_opt(10, 0, 0)
                .unwrap(),
            mode: HearingMode::InPerson,
            place: "Raadhuis".into(),
            invitees: "klager".into(),
        }));
        steps::take(&mut conn, &env, id, &plan, by, on).unwrap();
        store::add_element(&mut conn, id, staff, "Niet teruggebeld").unwrap();
        klankbord::complaints::decision::save_draft(
            &mut conn,
            id,
            staff,
            &klankbord::complaints::decision::Draft {
                conclusions: "De klacht is gegrond.".into(),
                ..Default::default()
            },
        )
        .unwrap();
        store::add_followup(&mut conn, id, staff, "Terugbelafspraak", "Teamleider", on).unwrap();
        let late = received + chrono::Duration::days(60);
        assert!(
            klankbord::complaints::reminders::run(
                &mut conn,
                Some("klachten@voorbeeld.test"),
                "voorbeeld.test",
                late
            )
            .unwrap()
                >= 1
        );
        let c: Vec<klankbord::complaints::model::Complaint> = complaints::table
            .select(klankbord::complaints::model::Complaint::as_select())
            .load(&mut conn)
            .unwrap();
        let p: Vec<klankbord::complaints::model::Progress> = complaint_progress::table
            .select(klankbord::complaints::model::Progress::as_select())
            .load(&mut conn)
            .unwrap();
        assert_eq!((c.len(), p.len()), (1, 1));
        assert_eq!(c[0].received_on, received);
        let cat: Vec<(i64, String, String, bool, i32)> = complaint_categories::table
            .select(complaint_categories::all_columns)
            .load(&mut conn)
            .unwrap();
        type EventRow = (
            i64,
            i64,
            NaiveDateTime,
            Option<i64>,
            String,
            String,
            String,
            Option<String>,
        );
        let ev: Vec<EventRow> = complaint_events::table
            .select(complaint_events::all_columns)
            .load(&mut conn)
            .unwrap();
        let links: Vec<(i64, i64)> = complaint_category_links::table
            .select(complaint_category_links::all_columns)
            .load(&mut conn)
            .unwrap();
        type ElementRow = (
            i64,
            i64,
            i32,
            String,
            Option<String>,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let el: Vec<ElementRow> = complaint_elements::table
            .select(complaint_elements::all_columns)
            .load(&mut conn)
            .unwrap();
        type HearingRow = (
            i64,
            i64,
            NaiveDateTime,
            String,
            String,
            String,
            Option<chrono::NaiveDate>,
            bool,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let h: Vec<HearingRow> = complaint_hearings::table
            .select(complaint_hearings::all_columns)
            .load(&mut conn)
            .unwrap();
        let f: Vec<(
            i64,
            i64,
            String,
            String,
            chrono::NaiveDate,
            Option<chrono::NaiveDate>,
        )> = complaint_followups::table
            .select(complaint_followups::all_columns)
            .load(&mut conn)
            .unwrap();
        let a: Vec<(i64, i64, String, String, i64, Vec<u8>)> = complaint_attachments::table
            .select(complaint_attachments::all_columns)
            .load(&mut conn)
            .unwrap();
        assert_eq!(a[0].5, b"%PDF", "bytes come back as bytes");
        type LetterRow = (
            i64,
            i64,
            String,
            String,
            String,
            String,
            NaiveDateTime,
            Option<chrono::NaiveDate>,
            String,
            String,
            Option<String>,
            Option<i64>,
        );
        let l: Vec<LetterRow> = complaint_letters::table
            .select(complaint_letters::all_columns)
            .load(&mut conn)
            .unwrap();
        // A print batch and a letterhead logo (the letters' tables).
        use klankbord::db::schema::{complaint_letter_batches, letterhead_logos};
        let someone: i64 = users::table.select(users::id).first(&mut conn).unwrap();
        diesel::insert_into(complaint_letter_batches::table)
            .values((
                complaint_letter_batches::created_at.eq(klankbord::db::now()),
                complaint_letter_batches::created_by.eq(someone),
                complaint_letter_batches::letters.eq(1),
            ))
            .execute(&mut conn)
            .unwrap();
        diesel::insert_into(letterhead_logos::table)
            .values((
                letterhead_logos::content_type.eq("image/png"),
                letterhead_logos::data.eq(b"\x89PNG".to_vec()),
                letterhead_logos::uploaded_at.eq(klankbord::db::now()),
                letterhead_logos::uploaded_by.eq(someone),
            ))
            .execute(&mut conn)
            .unwrap();
        type BatchRow = (
            i64,
            NaiveDateTime,
            i64,
            i32,
            Option<chrono::NaiveDate>,
            Option<i64>,
        );
        let batches: Vec<BatchRow> = complaint_letter_batches::table
            .select(complaint_letter_batches::all_columns)
            .load(&mut conn)
            .unwrap();
        let logos: Vec<(i64, String, Vec<u8>, NaiveDateTime, i64)> = letterhead_logos::table
            .select(letterhead_logos::all_columns)
            .load(&mut conn)
            .unwrap();
        assert_eq!(logos[0].2, b"\x89PNG", "bytes come back as bytes");
        let rem: Vec<(i64, String, chrono::NaiveDate, String, NaiveDateTime)> =
            complaint_reminders::table
                .select(complaint_reminders::all_columns)
                .load(&mut conn)
                .unwrap();
        type DecisionRow = (
            i64,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<NaiveDateTime>,
            Option<i64>,
            Option<String>,
            Option<String>,
            Option<String>,
            NaiveDateTime,
        );
        let dec: Vec<DecisionRow> = complaint_decisions::table
            .select(complaint_decisions::all_columns)
            .load(&mut conn)
            .unwrap();
        [
            dec.len(),
            c.len(),
            p.len(),
            cat.len(),
            ev.len(),
            links.len(),
            el.len(),
            h.len(),
            f.len(),
            a.len(),
            l.len(),
            rem.len(),
            batches.len(),
            logos.len(),
        ]
        .iter()
        .filter(|n| **n > 0)
        .count()
    };
    diesel::insert_into(quotes::table)
        .values((
            quotes::wave_id.eq(wave),
            quotes::item_key.eq("wat_goed"),
            quotes::text.eq("Goed geholpen door [naam]."),
            quotes::status.eq("kandidaat"),
        ))
        .execute(&mut conn)
        .unwrap();
    type QuoteRow = (
        i64,
        i64,
        String,
        String,
        String,
        Option<i64>,
        Option<NaiveDateTime>,
    );
    let qs: Vec<QuoteRow> = quotes::table
        .select(quotes::all_columns)
        .load(&mut conn)
        .unwrap();
    diesel::insert_into(coded_texts::table)
        .values((
            coded_texts::text_key.eq(format!("a:{wave}:abc")),
            coded_texts::source.eq("antwoord"),
            coded_texts::wave_id.eq(wave),
            coded_texts::item_key.eq("wat_goed"),
            coded_texts::times.eq(2),
            coded_texts::coded_on.eq(chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()),
        ))
        .execute(&mut conn)
        .unwrap();
    type CodedRow = (
        i64,
        String,
        String,
        Option<i64>,
        Option<String>,
        Option<i64>,
        i32,
        Option<i64>,
        chrono::NaiveDate,
    );
    let coded: Vec<CodedRow> = coded_texts::table
        .select(coded_texts::all_columns)
        .load(&mut conn)
        .unwrap();
    diesel::insert_into(text_codes::table)
        .values((
            text_codes::coded_text_id.eq(coded[0].0),
            text_codes::code.eq("positief"),
            text_codes::chosen.eq(true),
            text_codes::suggested.eq(true),
        ))
        .execute(&mut conn)
        .unwrap();
    let codes: Vec<(i64, String, bool, bool, String, String)> = text_codes::table
        .select(text_codes::all_columns)
        .load(&mut conn)
        .unwrap();
    let book: Vec<(i64, String, String, String, String, bool, i32)> = codebook::table
        .select(codebook::all_columns)
        .load(&mut conn)
        .unwrap();
    assert_eq!(codes.len(), 1);
    assert!(
        book.len() >= 30,
        "the codebook is seeded with themes and norms"
    );
    for table in ALL_TABLES {
        assert!(
            count_rows(&mut conn, table) >= 1,
            "{table} is empty after use"
        );
    }
    // Every column loads with the Rust type the schema declares, on this backend.
    let s: Vec<(String, String)> = settings::table
        .select(settings::all_columns)
        .load(&mut conn)
        .unwrap();
    let u: Vec<klankbord::accounts::model::User> = users::table
        .select(klankbord::accounts::model::User::as_select())
        .load(&mut conn)
        .unwrap();
    let r: Vec<(i64, String)> = user_roles::table
        .select(user_roles::all_columns)
        .load(&mut conn)
        .unwrap();
    let se: Vec<(String, i64, NaiveDateTime, NaiveDateTime, NaiveDateTime)> = sessions::table
        .select(sessions::all_columns)
        .load(&mut conn)
        .unwrap();
    let lf: Vec<(String, i32, NaiveDateTime)> = login_failures::table
        .select(login_failures::all_columns)
        .load(&mut conn)
        .unwrap();
    let rl: Vec<(String, NaiveDateTime, i32)> = rate_limits::table
        .select(rate_limits::all_columns)
        .load(&mut conn)
        .unwrap();
    type AuditRow = (
        i64,
        NaiveDateTime,
        Option<i64>,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
    );
    let a: Vec<AuditRow> = audit_log::table
        .select(audit_log::all_columns)
        .load(&mut conn)
        .unwrap();
    type MailRow = (
        i64,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
        Option<String>,
        String,
        i32,
        NaiveDateTime,
        Option<String>,
        Option<NaiveDateTime>,
        Option<String>,
        NaiveDateTime,
        Option<NaiveDateTime>,
        Option<String>,
        Option<Vec<u8>>,
    );
    let m: Vec<MailRow> = mail_outbox::table
        .select(mail_outbox::all_columns)
        .load(&mut conn)
        .unwrap();
    let qv: Vec<(i64, String, i32, i32, String, String, NaiveDateTime)> =
        questionnaire_versions::table
            .select(questionnaire_versions::all_columns)
            .load(&mut conn)
            .unwrap();
    type WaveRow = (
        i64,
        String,
        i64,
        chrono::NaiveDate,
        chrono::NaiveDate,
        i32,
        String,
        Option<i64>,
        NaiveDateTime,
        i32,
        bool,
    );
    let w: Vec<WaveRow> = waves::table
        .select(waves::all_columns)
        .load(&mut conn)
        .unwrap();
    let inv: Vec<(i64, i64, String, bool)> = invitations::table
        .select(invitations::all_columns)
        .load(&mut conn)
        .unwrap();
    type ResponseRow = (
        i64,
        i64,
        i64,
        String,
        Option<String>,
        String,
        chrono::NaiveDate,
        String,
    );
    let resp: Vec<ResponseRow> = responses::table
        .select(responses::all_columns)
        .load(&mut conn)
        .unwrap();
    let dr: Vec<(i64, String, i32, chrono::NaiveDate)> = drafts::table
        .select(drafts::all_columns)
        .load(&mut conn)
        .unwrap();
    let ia: Vec<(i64, String, String, String, i32)> = invitation_addresses::table
        .select(invitation_addresses::all_columns)
        .load(&mut conn)
        .unwrap();
    let iv: Vec<(i64, i64, String, String, String, String)> = interview_volunteers::table
        .select(interview_volunteers::all_columns)
        .load(&mut conn)
        .unwrap();
    let io: Vec<(String, i64, chrono::NaiveDate, bool)> = interview_offers::table
        .select(interview_offers::all_columns)
        .load(&mut conn)
        .unwrap();
    let pf: Vec<(i64, String)> = paper_forms::table
        .select(paper_forms::all_columns)
        .load(&mut conn)
        .unwrap();
    let pq: Vec<(i64, i64, String, i64, String, String, chrono::NaiveDate)> =
        paper_quarantine::table
            .select(paper_quarantine::all_columns)
            .load(&mut conn)
            .unwrap();
    type ReportRow = (i64, i64, Option<i64>, NaiveDateTime, String, String, String);
    let pr: Vec<ReportRow> = paper_reports::table
        .select(paper_reports::all_columns)
        .load(&mut conn)
        .unwrap();
    let sp: Vec<(i64, i64, String, String, chrono::NaiveDate)> = paper_scan_pending::table
        .select(paper_scan_pending::all_columns)
        .load(&mut conn)
        .unwrap();
    let si: Vec<(i64, Vec<u8>)> = paper_scan_images::table
        .select(paper_scan_images::all_columns)
        .load(&mut conn)
        .unwrap();
    assert_eq!(
        si[0].1,
        [0x89u8, b'P', b'N', b'G'],
        "bytes come back as stored"
    );
    let pl: Vec<(i64, i64, String, String, String, chrono::NaiveDate)> = paper_layouts::table
        .select(paper_layouts::all_columns)
        .load(&mut conn)
        .unwrap();
    let pp: Vec<(i64, i64, i64, i64, String, i64, chrono::NaiveDate)> = paper_prints::table
        .select(paper_prints::all_columns)
        .load(&mut conn)
        .unwrap();
    assert_eq!(
        (pp[0].2, pp[0].3),
        (1, 50),
        "a print run comes back as stored"
    );
    assert_eq!((qv.len(), w.len(), inv.len()), (1, 1, 4));
    assert_eq!(resp[0].6, day, "answers carry a date only");
    assert_eq!(w[0].3.to_string(), "2027-04-01", "dates come back as dates");
    assert_eq!(
        [
            s.len(),
            u.len(),
            r.len(),
            se.len(),
            rl.len(),
            lf.len(),
            a.len(),
            m.len(),
            qv.len(),
            w.len(),
            inv.len(),
            resp.len(),
            dr.len(),
            ia.len(),
            iv.len(),
            io.len(),
            pf.len(),
            pq.len(),
            pr.len()
        ]
        .iter()
        .filter(|n| **n > 0)
        .count()
            + complaint_tables
            + usize::from(!qs.is_empty())
            + usize::from(!coded.is_empty())
            + usize::from(!codes.is_empty())
            + usize::from(!book.is_empty())
            + usize::from(!pl.is_empty())
            + usize::from(!pp.is_empty())
            + usize::from(!sp.is_empty())
            + usize::from(!si.is_empty()),
        ALL_TABLES.len()
    );
    assert_eq!(u[0].username, "tabel.test");
    // Timestamps come back as stored (UTC, to the second at least).
    let now = klankbord::db::now();
    assert!((now - se[0].2).num_seconds().abs() < 60);
    // Running the migrations again changes nothing.
    assert_eq!(klankbord::db::run_migrations(&mut conn).unwrap(), 0);
});

#[test]
fn migration_trees_have_identical_folder_names() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let list = |b: &str| {
        let mut v: Vec<String> = std::fs::read_dir(root.join(b))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(list("sqlite"), list("postgres"));
    for dir in list("sqlite") {
        for backend in ["sqlite", "postgres"] {
            assert!(root.join(backend).join(&dir).join("up.sql").exists());
            assert!(root.join(backend).join(&dir).join("down.sql").exists());
        }
    }
}
