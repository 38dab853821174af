//! Issue 13, findings 3 and 9, tried as an attacker would: pairing interview volunteers with their
//! answer sets by order, language or time, and abusing the interview offer (no answer set, a made-up
//! cookie, a used offer, a closed wave, many tries).

use chrono::Duration;
use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::db::schema::{interview_volunteers, responses, waves as waves_t};
use klankbord::fmt::today;
use klankbord::surveys::definition::{Definition, Item};
use klankbord::web::i18n::{t, Lang};

use crate::both_backends;
use crate::support::{Client, Resp, TestApp};
use crate::surveys::{answer_for, location, make_codes, post_page, standard, wave};

/// The least number of answer sets any language value in the export may point at.
const K: usize = 5;

fn body_has(r: &Resp, text: &str) -> bool {
    let doc = scraper::Html::parse_document(&r.body);
    doc.root_element().text().collect::<String>().contains(text)
}

/// The value a response sets for cookie `name` (empty when it removes it).
fn set_cookie(r: &Resp, name: &str) -> Option<String> {
    r.headers_all("set-cookie").into_iter().find_map(|h| {
        let (n, rest) = h.split_once('=')?;
        (n.trim() == name).then(|| rest.split(';').next().unwrap_or("").to_string())
    })
}

/// Answers the whole questionnaire on the web in `lang`, with `marker` as the first open answer
/// (so the test can recognise the set), and sends it. Returns the interview offer it was given.
fn answer_and_send(c: &Client, def: &Definition, code: &str, lang: Lang, marker: &str) -> String {
    assert_eq!(
        location(&c.get(&format!("/v/{code}?lang={}", lang.code()))),
        "/v/start"
    );
    let all: Vec<&Item> = def.items().collect();
    let mut loc = "/v/vraag/0".to_string();
    while let Some(step) = loc
        .strip_prefix("/v/vraag/")
        .and_then(|s| s.split('?').next())
        .and_then(|s| s.parse::<usize>().ok())
    {
        let page = c.get(&loc);
        assert_eq!(page.status, 200, "{loc}");
        let item = all[step];
        let fields = if item.key == "wat_goed" {
            vec![(item.key.clone(), marker.to_string())]
        } else {
            answer_for(item)
        };
        loc = location(&post_page(
            c,
            &page,
            &format!("/v/vraag/{step}"),
            "volgende",
            &fields,
        ));
    }
    assert_eq!(loc, "/v/overzicht");
    let sent = c.submit("/v/overzicht", "/v/overzicht", &[]);
    assert_eq!(location(&sent), "/v/bedankt");
    set_cookie(&sent, "kb_vr").expect("an interview offer after sending")
}

/// Signs up for the interview with the offer the browser holds.
fn sign_up(c: &Client, name: &str, lang: Lang) -> Resp {
    c.submit(
        "/v/gesprek",
        "/v/gesprek",
        &[
            ("naam", name),
            ("contact", "06 1234 5678"),
            ("taal", lang.code()),
            ("tijd", "ochtend"),
        ],
    )
}

/// Posts the interview form with a CSRF token from the code page (for clients without a form).
fn post_volunteer(c: &Client, name: &str) -> Resp {
    let page = c.get("/v?lang=nl");
    let token = page.csrf();
    c.post_raw(
        "/v/gesprek",
        &[
            ("csrf", token.as_str()),
            ("naam", name),
            ("contact", "06 1234 5678"),
            ("taal", "nl"),
            ("tijd", ""),
        ],
    )
}

fn close_wave(app: &TestApp, wave_id: i64) {
    diesel::update(waves_t::table.find(wave_id))
        .set((
            waves_t::opens_on.eq(today() - Duration::days(40)),
            waves_t::closes_on.eq(today() - Duration::days(1)),
        ))
        .execute(&mut app.conn())
        .unwrap();
    crate::surveys::answered_before_closing(app, wave_id, today() - Duration::days(1));
}

both_backends!(volunteers_cannot_be_paired_with_their_answers, |app| {
    let def = standard();
    let w = wave(&app, -1, 30, &[]);
    // Eleven people answer on the web, in the order given; four of them offer an interview right
    // after sending, among them the only person who answered in Turkish.
    let people: &[(Lang, Option<&str>)] = &[
        (Lang::Nl, None),
        (Lang::Nl, Some("Zeger de Vries")),
        (Lang::Nl, None),
        (Lang::Ar, None),
        (Lang::Tr, Some("Ayse Demir")),
        (Lang::Nl, None),
        (Lang::Pl, None),
        (Lang::Nl, Some("Bram Jansen")),
        (Lang::En, None),
        (Lang::Uk, Some("Olena Kovalenko")),
        (Lang::Nl, None),
    ];
    let codes = make_codes(&app, w.id, people.len());
    let mut sent_markers = vec![];
    let mut volunteered = vec![];
    for (i, ((lang, volunteer), code)) in people.iter().zip(&codes).enumerate() {
        let c = app.client();
        let marker = format!("Antwoordset nummer {i:02}");
        answer_and_send(&c, &def, code, *lang, &marker);
        sent_markers.push(marker);
        if let Some(name) = volunteer {
            assert_eq!(sign_up(&c, name, *lang).status, 200);
            volunteered.push((name.to_string(), *lang));
        }
    }
    assert_eq!(app.count("responses"), people.len() as i64);
    assert_eq!(app.count("interview_volunteers"), volunteered.len() as i64);

    // The stored numbers are not in the order of sending.
    let ids: Vec<(i64, String)> = responses::table
        .select((responses::id, responses::answers))
        .load(&mut app.conn())
        .unwrap();
    let id_of = |marker: &str| {
        ids.iter()
            .find(|(_, json)| json.contains(marker))
            .map(|(id, _)| *id)
            .unwrap()
    };
    let in_send_order: Vec<i64> = sent_markers.iter().map(|m| id_of(m)).collect();
    assert!(
        !in_send_order.windows(2).all(|p| p[0] < p[1]),
        "answer-set numbers follow the order of sending: {in_send_order:?}"
    );
    assert!(
        in_send_order.iter().all(|id| *id > people.len() as i64),
        "small numbers count the answer sets: {in_send_order:?}"
    );

    // While answers still come in, the researcher sees neither names nor rows: watching both would
    // pair a new name with the row that came in at the same moment.
    let (researcher, _) = app.logged_in("onderzoek.koppel", &[Role::Onderzoeker]);
    let list = researcher.get(&format!("/onderzoek/rondes/{}/gesprekken?lang=nl", w.id));
    assert_eq!(list.status, 409, "{}", list.body);
    assert!(!list.body.contains("Ayse"));
    let early = researcher.get(&format!(
        "/onderzoek/rondes/{}/antwoorden.csv?lang=nl",
        w.id
    ));
    assert_eq!(early.status, 409);
    assert!(!early.body.contains("Antwoordset"));
    assert!(body_has(&early, &t(Lang::Nl, "after-close-why")));

    // After closing: the volunteer list and the answers, downloaded as a researcher would.
    close_wave(&app, w.id);
    let list = researcher.get(&format!("/onderzoek/rondes/{}/gesprekken?lang=nl", w.id));
    assert_eq!(list.status, 200);
    let names = list.texts("tbody tr td:first-child");
    let languages = list.texts("tbody tr td:nth-child(3)");
    assert_eq!(names.len(), volunteered.len());
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted, "the list is by name, not by arrival");
    let arrival: Vec<String> = volunteered.iter().map(|(n, _)| n.clone()).collect();
    assert_ne!(names, arrival);
    assert!(
        !list.body.contains(&klankbord::fmt::date_text(today())),
        "the list carries no date"
    );

    let csv_resp = researcher.get(&format!("/onderzoek/rondes/{}/antwoorden.csv", w.id));
    assert_eq!(csv_resp.status, 200);
    let mut rd = csv::ReaderBuilder::new()
        .from_reader(csv_resp.body.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), people.len());
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let taal: Vec<&str> = rows.iter().map(|r| &r[col("taal")]).collect();

    // Attack 1, by language: the rows a volunteer's language points at.
    for (name, lang) in &volunteered {
        let listed = names.iter().position(|n| n == name).unwrap();
        assert_eq!(
            languages[listed],
            lang.native_name(),
            "{name}'s language is listed"
        );
        let own = taal.iter().filter(|l| **l == lang.code()).count();
        let candidates = if own > 0 {
            own
        } else {
            taal.iter().filter(|l| **l == "overig").count()
        };
        assert!(
            candidates >= K,
            "{name} ({}) points at {candidates} answer set(s): {taal:?}",
            lang.code()
        );
    }
    // No value in the language column covers fewer than K answer sets.
    for value in &taal {
        let n = taal.iter().filter(|l| *l == value).count();
        assert!(n >= K, "'{value}' covers {n} answer set(s): {taal:?}");
    }

    // Attack 2, by order: the rows are not in the order of sending, so the n-th volunteer (or the
    // n-th log line) does not point at the n-th row.
    let text_col = col("wat_goed");
    let in_file: Vec<&str> = rows.iter().map(|r| &r[text_col]).collect();
    let sent: Vec<&str> = sent_markers.iter().map(String::as_str).collect();
    let mut same_set = in_file.clone();
    same_set.sort();
    assert_eq!(same_set, sent, "every answer set is in the file once");
    assert_ne!(in_file, sent, "the file is in the order of sending");

    // Attack 3, by time: the file has no date, so the day a code was seen to be used points at
    // nothing.
    assert!(!headers.iter().any(|h| h == "datum"));
    let day = today().format("%Y-%m-%d").to_string();
    assert!(!csv_resp.body.contains(&day), "a row carries the date");
    let book = researcher.get(&format!("/onderzoek/rondes/{}/codeboek.csv?lang=nl", w.id));
    assert!(body_has(&book, &t(Lang::Nl, "codebook-meta-respons-order")));
});

both_backends!(staff_entry_is_not_stored_in_the_order_it_was_typed, |app| {
    let def = standard();
    let w = wave(&app, -1, 30, &["web", "phone", "paper-keyed"]);
    let (clerk, _) = app.logged_in("invoer.koppel", &[Role::Invoerder]);
    let codes = make_codes(&app, w.id, 5);
    let mut markers = vec![];
    for i in 0..10 {
        let mut fields = crate::surveys::entry_fields(&def);
        let marker = format!("Invoer nummer {i:02}");
        fields.retain(|(k, _)| k != "wat_goed");
        fields.push(("wat_goed".into(), marker.clone()));
        let (channel, code) = if i % 2 == 0 {
            ("phone", codes[i / 2].as_str())
        } else {
            ("paper-keyed", "")
        };
        let r = crate::surveys::entry_post(&clerk, w.id, channel, code, &fields);
        assert!(location(&r).contains("notice-entry-saved"));
        markers.push(marker);
    }
    let rows: Vec<(i64, String, chrono::NaiveDate)> = responses::table
        .select((responses::id, responses::answers, responses::answered_on))
        .load(&mut app.conn())
        .unwrap();
    let ids: Vec<i64> = markers
        .iter()
        .map(|m| rows.iter().find(|r| r.1.contains(m.as_str())).unwrap().0)
        .collect();
    assert!(
        !ids.windows(2).all(|p| p[0] < p[1]),
        "typed-in answer sets are numbered in the order they were typed: {ids:?}"
    );
    assert!(rows.iter().all(|r| r.2 == today()), "a day, no time");
});

both_backends!(
    the_interview_offer_needs_a_sent_answer_set_and_works_once,
    |app| {
        let def = standard();
        let w = wave(&app, -1, 30, &[]);
        let unknown = t(Lang::Nl, "volunteer-refused-unknown");

        // Without having sent anything: no form, and posting it anyway stores nothing.
        let stranger = app.client();
        let r = stranger.get("/v/gesprek?lang=nl");
        assert_eq!(r.status, 404);
        assert!(body_has(&r, &unknown));
        assert!(r.attr("form[action='/v/gesprek']", "action").is_none());
        let r = post_volunteer(&stranger, "Spam");
        assert_eq!(r.status, 404);
        assert!(body_has(&r, &unknown));

        // The old cookie held a wave number the client chose: made up, it is refused.
        let forged = Client::with_cookies(&app.base, &[("kb_vr", &w.id.to_string())]);
        let r = post_volunteer(&forged, "Spam");
        assert_eq!(r.status, 404);
        assert!(body_has(&r, &unknown));
        assert_eq!(app.count("interview_volunteers"), 0);

        // After a real answer set: the form, a typing mistake costs nothing, then one sign-up.
        let codes = make_codes(&app, w.id, 3);
        let c = app.client();
        let token = answer_and_send(&c, &def, &codes[0], Lang::Nl, "Eerste");
        assert_ne!(token, w.id.to_string());
        assert!(token.len() >= 40, "a random token, not a number");
        assert_eq!(
            app.count("interview_offers"),
            0,
            "making the offer stores nothing: it is a signed token"
        );
        let form = c.get("/v/gesprek?lang=nl");
        assert_eq!(form.status, 200);
        let r = c.submit(
            "/v/gesprek",
            "/v/gesprek",
            &[("naam", ""), ("contact", "06 1234 5678"), ("taal", "nl")],
        );
        assert_eq!(r.status, 422);
        assert!(body_has(&r, &t(Lang::Nl, "volunteer-error-name")));
        let done = sign_up(&c, "Fatma", Lang::Tr);
        assert_eq!(done.status, 200);
        assert_eq!(
            set_cookie(&done, "kb_vr").as_deref(),
            Some(""),
            "the browser forgets the offer"
        );
        let stored: Vec<(i64, String)> = interview_volunteers::table
            .select((interview_volunteers::wave_id, interview_volunteers::name))
            .load(&mut app.conn())
            .unwrap();
        assert_eq!(stored, vec![(w.id, "Fatma".to_string())]);
        let offers: Vec<(String, i64, bool)> = klankbord::db::schema::interview_offers::table
            .select((
                klankbord::db::schema::interview_offers::token_hash,
                klankbord::db::schema::interview_offers::wave_id,
                klankbord::db::schema::interview_offers::used,
            ))
            .load(&mut app.conn())
            .unwrap();
        assert_eq!(
            offers.len(),
            1,
            "the used offer is kept, so it cannot be used again"
        );
        assert_ne!(offers[0].0, token, "the token is stored hashed");
        assert_eq!((offers[0].1, offers[0].2), (w.id, true));

        // The same offer again, from a browser that kept the cookie: refused, said kindly.
        let again = Client::with_cookies(&app.base, &[("kb_vr", &token)]);
        let r = again.get("/v/gesprek?lang=nl");
        assert_eq!(r.status, 409);
        assert!(body_has(&r, &t(Lang::Nl, "volunteer-refused-used")));
        let r = post_volunteer(&again, "Fatma opnieuw");
        assert_eq!(r.status, 409);
        assert!(body_has(&r, &t(Lang::Nl, "volunteer-refused-used")));
        assert_eq!(app.count("interview_volunteers"), 1);

        // An offer not used by the day after sending has lapsed: one made two days ago, signed
        // with this installation's key, as the server would have made it then.
        let key = klankbord::db::settings::get(
            &mut app.conn(),
            klankbord::surveys::offer_token::OfferKey::SETTING,
        )
        .unwrap()
        .expect("the offer key is made at start-up");
        let lapsed = klankbord::surveys::volunteers::make_offer(
            &klankbord::surveys::offer_token::OfferKey::new(&key),
            w.id,
            today() - Duration::days(2),
        );
        let fresh = klankbord::surveys::volunteers::make_offer(
            &klankbord::surveys::offer_token::OfferKey::new(&key),
            w.id,
            today(),
        );
        assert_eq!(
            Client::with_cookies(&app.base, &[("kb_vr", &fresh)])
                .get("/v/gesprek?lang=nl")
                .status,
            200,
            "the same offer made today is taken (the test's key is the server's)"
        );
        let r = Client::with_cookies(&app.base, &[("kb_vr", &lapsed)]).get("/v/gesprek?lang=nl");
        assert_eq!(r.status, 404);
        assert!(body_has(&r, &unknown));
        klankbord::surveys::volunteers::purge_expired_offers(&mut app.conn(), today()).unwrap();
        assert_eq!(
            app.count("interview_offers"),
            1,
            "only the used offer of today is left"
        );

        // A second person sends, and the wave closes before they sign up.
        let late = app.client();
        answer_and_send(&late, &def, &codes[1], Lang::Nl, "Tweede");
        close_wave(&app, w.id);
        let r = post_volunteer(&late, "Te laat");
        assert_eq!(r.status, 410);
        assert!(body_has(&r, &t(Lang::Nl, "volunteer-refused-closed")));
        assert_eq!(app.count("interview_volunteers"), 1);
    }
);

both_backends!(refused_sign_ups_are_limited_per_address, |app| {
    use klankbord::surveys::volunteers::REFUSED_PER_ADDRESS;
    let max = REFUSED_PER_ADDRESS.max as usize;
    let forged = Client::with_cookies(&app.base, &[("kb_vr", "verzonnen")]);
    // Windows are fixed: if one ends during the loop, counting starts again, so allow two.
    let mut refused_before_limit = 0;
    let mut limited = None;
    for _ in 0..=(2 * max + 1) {
        let r = post_volunteer(&forged, "Spam");
        if r.status == 429 {
            limited = Some(r);
            break;
        }
        assert_eq!(r.status, 404);
        refused_before_limit += 1;
    }
    let limited = limited.expect("the limiter never stopped the attempts");
    assert!(refused_before_limit >= max, "{refused_before_limit}");
    assert!(body_has(
        &limited,
        &t(Lang::Nl, "volunteer-refused-too-many")
    ));
    assert_eq!(limited.header("retry-after"), Some("600"));
    assert_eq!(app.count("interview_volunteers"), 0);

    // Someone with a real offer behind the same address (a library, a town hall) is not stopped.
    let def = standard();
    let w = wave(&app, -1, 30, &[]);
    let code = make_codes(&app, w.id, 1).remove(0);
    let c = app.client();
    answer_and_send(&c, &def, &code, Lang::Nl, "Bibliotheek");
    assert_eq!(sign_up(&c, "Henk", Lang::Nl).status, 200);
    assert_eq!(app.count("interview_volunteers"), 1);
});

/// A wave that ran from 40 until 10 days ago, and how late paper forms come in (scanned, Dutch).
fn closed_ten_days_ago(
    app: &TestApp,
) -> (
    klankbord::surveys::waves::Wave,
    klankbord::surveys::respond::Meta,
) {
    let w = wave(app, -1, 30, &[]);
    diesel::update(waves_t::table.find(w.id))
        .set((
            waves_t::opens_on.eq(today() - Duration::days(40)),
            waves_t::closes_on.eq(today() - Duration::days(10)),
        ))
        .execute(&mut app.conn())
        .unwrap();
    let w = klankbord::surveys::waves::find_wave(&mut app.conn(), w.id).unwrap();
    let meta = klankbord::surveys::respond::Meta {
        channel: klankbord::surveys::channel::Channel::PaperScan,
        helper: None,
        language: klankbord::web::i18n::Lang::Nl,
    };
    (w, meta)
}

// A researcher who downloads the answers at closing and again while late paper comes in must not
// learn which few rows came late: late answer sets join the export only in whole days that have
// passed, at least five at a time (as the council report publishes them).
both_backends!(late_paper_joins_the_row_export_only_in_groups, |app| {
    let (w, meta) = closed_ten_days_ago(&app);
    let store = |days_ago: i64, n: usize| {
        for _ in 0..n {
            klankbord::surveys::respond::insert_json(
                &mut app.conn(),
                &w,
                "{}",
                &meta,
                today() - Duration::days(days_ago),
            )
            .unwrap();
        }
    };
    let (researcher, _) = app.logged_in("onderzoek.laat", &[Role::Onderzoeker]);
    let rows = || {
        let r = researcher.get(&format!("/onderzoek/rondes/{}/antwoorden.csv", w.id));
        assert_eq!(r.status, 200, "{}", r.body);
        let mut rd =
            csv::ReaderBuilder::new().from_reader(r.body.trim_start_matches('\u{feff}').as_bytes());
        rd.records().count()
    };
    store(12, 3);
    assert_eq!(rows(), 3, "the sets of the open wave");
    // Four late forms on one day: fewer than five, so the export stays as it was.
    store(5, 4);
    assert_eq!(rows(), 3, "four late sets are held back");
    // A fifth on a later day that has passed: the five join together.
    store(3, 1);
    assert_eq!(rows(), 8, "five late sets join at once");
    // Today's are not yet whole, however many.
    store(0, 6);
    assert_eq!(rows(), 8, "today's late sets wait");
});

// The open answers file follows the same cut as the row export: a researcher who downloads it at
// closing and again while late paper comes in must not find one late form's words as the only
// new line.
both_backends!(late_paper_joins_the_open_answers_only_in_groups, |app| {
    let (w, meta) = closed_ten_days_ago(&app);
    let store = |days_ago: i64, n: usize, text: &str| {
        let json = serde_json::json!({ "wat_beter": text }).to_string();
        for _ in 0..n {
            klankbord::surveys::respond::insert_json(
                &mut app.conn(),
                &w,
                &json,
                &meta,
                today() - Duration::days(days_ago),
            )
            .unwrap();
        }
    };
    let (researcher, _) = app.logged_in("onderzoek.open", &[Role::Onderzoeker]);
    let file = || {
        let r = researcher.get(&format!(
            "/onderzoek/rondes/{}/open-antwoorden.csv?scheiding=komma",
            w.id
        ));
        assert_eq!(r.status, 200, "{}", r.body);
        r.body
    };
    store(12, 12, "Eerder terugbellen");
    let at_closing = file();
    assert!(at_closing.contains("Eerder terugbellen,12"), "{at_closing}");
    // Four late forms on one day: fewer than five, so the file stays as it was.
    store(5, 4, "Het formulier was te lang");
    assert_eq!(file(), at_closing, "four late forms are held back");
    // A fifth on a later day that has passed: the five join together.
    store(3, 1, "Meer uitleg over de brief");
    let later = file();
    assert!(later.contains("Het formulier was te lang,4"), "{later}");
    assert!(later.contains("Meer uitleg over de brief,1"), "{later}");
    // Today's are not yet whole, however many.
    store(0, 6, "Vandaag ingeleverd");
    assert_eq!(file(), later, "today's late forms wait");
});

/// How often `needle` occurs in the SQLite file and its WAL, read as bytes (as anyone with a copy
/// of the files, a backup for instance, can read them), once the server has been quiet a moment.
fn in_the_files(app: &TestApp, needle: &str) -> usize {
    let db = app.sqlite_file();
    let wal = std::path::PathBuf::from(format!("{}-wal", db.display()));
    // The checkpoint thread empties the WAL once a tick (20 ms) passes without a write.
    for _ in 0..100 {
        if std::fs::metadata(&wal).map_or(true, |m| m.len() == 0) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let count = |path: &std::path::Path| {
        let bytes = std::fs::read(path).unwrap_or_default();
        bytes
            .windows(needle.len())
            .filter(|w| *w == needle.as_bytes())
            .count()
    };
    count(&db) + count(&wal)
}

/// Issue F1 of the outside test of session 14: the sent draft (a row keyed by the invitation)
/// and a used e-mail address stayed byte for byte in the free space of the SQLite file and in its
/// WAL, so a copy of the files linked the answers to their code and address.
#[test]
fn a_sent_draft_and_a_used_address_leave_no_copy_in_the_database_files() {
    let Some(app) = TestApp::spawn(crate::support::Backend::Sqlite, "secure_delete") else {
        return;
    };
    let def = standard();
    let w = wave(&app, -1, 30, &["web"]);
    // Invited by e-mail: the address is kept until its code is used.
    let (researcher, _) = app.logged_in("onderzoek.wis", &[Role::Onderzoeker]);
    let page = format!("/onderzoek/rondes/{}?lang=nl", w.id);
    let address = "wis.mij.na.gebruik@voorbeeld.nl";
    let r = researcher.submit(
        &page,
        &format!("/onderzoek/rondes/{}/email", w.id),
        &[("adressen", address), ("taal-mail", "nl")],
    );
    assert!(location(&r).contains("notice-invitations-queued&n=1"));
    let code: String = klankbord::db::schema::invitation_addresses::table
        .select(klankbord::db::schema::invitation_addresses::code)
        .first(&mut app.conn())
        .unwrap();
    // The questionnaire answered page by page (each page saves the draft), then sent.
    let marker = "Merkteken-7Q4Z van dit antwoord";
    answer_and_send(&app.client(), &def, &code, Lang::Nl, marker);
    assert_eq!(app.count("drafts"), 0);
    assert_eq!(app.count("invitation_addresses"), 0);
    // The invitation mail is sent (its address and text are then erased from the outbox).
    use klankbord::db::schema::mail_outbox;
    let sent = (0..500).any(|_| {
        let waiting: i64 = mail_outbox::table
            .filter(mail_outbox::to_address.is_not_null())
            .count()
            .get_result(&mut app.conn())
            .unwrap();
        waiting == 0 || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            false
        }
    });
    assert!(sent, "the invitation mail was sent");
    // The answer set itself holds the text once; no draft of it and no address is left.
    assert_eq!(in_the_files(&app, marker), 1, "only the sent answer set");
    assert_eq!(in_the_files(&app, address), 0, "the used address is gone");
}
