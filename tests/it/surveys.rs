//! The survey channels end to end on both databases: a respondent answering on the web with a
//! code, refusals with clear messages, forged and invalid answers, a double submit from two
//! browsers, staff entry by phone and from paper, e-mail invitations and reminders, the export and
//! codebook, versions, and a schema check that proves answers cannot be joined to codes or addresses.

use chrono::Duration;
use diesel::prelude::*;
use klankbord::accounts::audit::Actor;
use klankbord::accounts::model::Role;
use klankbord::codes;
use klankbord::db::schema::{
    drafts, interview_volunteers, invitation_addresses, invitations, mail_outbox, responses,
};
use klankbord::db::DbConnection;
use klankbord::fmt::today;
use klankbord::surveys::builder::{FormAnswers, WaveBuilder};
use klankbord::surveys::definition::{Definition, Item, ItemKind};
use klankbord::surveys::waves::{self, Wave};
use klankbord::web::i18n::{t, t_args, Lang};

use crate::both_backends;
use crate::support::{Client, Resp, TestApp};

/// The shipped standard questionnaire.
pub fn standard() -> Definition {
    klankbord::surveys::shipped()
        .expect("shipped questionnaires are valid")
        .remove(0)
}

/// Creates a wave whose window runs from `opens` to `closes` days from today.
pub fn wave(app: &TestApp, opens: i64, closes: i64, channels: &[&str]) -> Wave {
    WaveBuilder::new()
        .days_from_today(opens, closes)
        .channels(channels)
        .create_and_find(&mut app.conn())
        .expect("wave")
}

/// Moves a wave's window into the past, as if it had closed yesterday.
pub fn close_wave(app: &TestApp, wave_id: i64) {
    use klankbord::db::schema::waves as w;
    diesel::update(w::table.find(wave_id))
        .set((
            w::opens_on.eq(today() - Duration::days(40)),
            w::closes_on.eq(today() - Duration::days(1)),
        ))
        .execute(&mut app.conn())
        .expect("close wave");
    answered_before_closing(app, wave_id, today() - Duration::days(1));
}

/// Moves the day of a wave's answer sets given after `closes_on` back to it, as if they had come
/// in before closing (a test that closes a wave after answering it today means that; answer sets
/// dated after closing are late paper, which the export holds back until there are enough).
pub fn answered_before_closing(app: &TestApp, wave_id: i64, closes_on: chrono::NaiveDate) {
    use klankbord::db::schema::responses as r;
    diesel::update(
        r::table
            .filter(r::wave_id.eq(wave_id))
            .filter(r::answered_on.gt(closes_on)),
    )
    .set(r::answered_on.eq(closes_on))
    .execute(&mut app.conn())
    .expect("answers before closing");
}

/// `n` fresh codes for a wave, as printed on the letters.
pub fn make_codes(app: &TestApp, wave_id: i64, n: usize) -> Vec<String> {
    waves::create_invitations(&mut app.conn(), wave_id, n, Actor::System).expect("codes")
}

/// An answer to `item` as form fields: the middle of scales, "ja" where it exists (so conditional
/// questions are shown), a 5 as grade (so the "why" question follows), two choices for multi.
pub fn answer_for(item: &Item) -> Vec<(String, String)> {
    FormAnswers {
        grade: 5,
        scale: 4,
        single_code: Some("ja"),
        single_at: 0,
        multi_at: &[0, 1],
        text: "Ze leggen het rustig uit.",
    }
    .item(item)
}

/// The `Location` of a redirect.
pub fn location(r: &Resp) -> String {
    assert_eq!(
        r.status,
        303,
        "expected a redirect, got {}: {:?}",
        r.status,
        r.texts(".error-summary li, p.error, main p")
    );
    r.header("location").expect("location").to_string()
}

/// Posts `fields` plus the page's CSRF token and an action to a question page.
pub fn post_page(
    c: &Client,
    page: &Resp,
    path: &str,
    action: &str,
    fields: &[(String, String)],
) -> Resp {
    let token = page.csrf();
    let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str()), ("actie", action)];
    all.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    c.post_raw(path, &all)
}

/// The step number in `/v/vraag/{n}` (query string ignored).
fn step_of(loc: &str) -> Option<usize> {
    loc.strip_prefix("/v/vraag/")
        .map(|s| s.split('?').next().unwrap_or(s))
        .and_then(|s| s.parse().ok())
}

/// Answers from `loc` on until the summary; returns the summary path and the items answered.
pub fn answer_until_summary(c: &Client, def: &Definition, mut loc: String) -> Vec<String> {
    let all: Vec<&Item> = def.items().collect();
    let mut answered = vec![];
    while let Some(step) = step_of(&loc) {
        let page = c.get(&loc);
        assert_eq!(page.status, 200, "{loc}: {}", page.body);
        let item = all[step];
        let r = post_page(
            c,
            &page,
            &format!("/v/vraag/{step}"),
            "volgende",
            &answer_for(item),
        );
        loc = location(&r);
        answered.push(item.key.clone());
        assert!(
            answered.len() <= all.len(),
            "the questionnaire does not end"
        );
    }
    assert_eq!(loc, "/v/overzicht");
    answered
}

/// The stored answer sets, sorted by channel (stored numbers are random, so their order is too).
fn stored(app: &TestApp) -> Vec<(String, Option<String>, String, chrono::NaiveDate, String)> {
    let mut rows: Vec<(String, Option<String>, String, chrono::NaiveDate, String)> =
        responses::table
            .select((
                responses::channel,
                responses::helper,
                responses::language,
                responses::answered_on,
                responses::answers,
            ))
            .load(&mut app.conn())
            .expect("responses");
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

fn body_has(r: &Resp, text: &str) -> bool {
    let doc = scraper::Html::parse_document(&r.body);
    let all: String = doc.root_element().text().collect();
    all.contains(text)
}

both_backends!(respondent_answers_saves_resumes_and_sends, |app| {
    let def = standard();
    let w = wave(&app, -1, 30, &[]);
    let code = make_codes(&app, w.id, 1).remove(0);

    // From the letter's QR code: the code leaves the address bar at once.
    let c = app.client();
    let r = c.get(&format!("/v/{code}?lang=nl"));
    assert_eq!(location(&r), "/v/start");
    let start = c.get("/v/start");
    assert_eq!(start.status, 200);
    assert_eq!(
        start.attr("a.button", "href").as_deref(),
        Some("/v/vraag/0")
    );
    assert!(body_has(&start, &t(Lang::Nl, "respond-privacy-title")));

    // Three questions, with a progress indicator (the first part of the questionnaire).
    let all: Vec<&Item> = def.items().collect();
    let mut loc = "/v/vraag/0".to_string();
    for _ in 0..3 {
        let step = step_of(&loc).unwrap();
        let page = c.get(&loc);
        assert!(body_has(
            &page,
            &t_args(
                Lang::Nl,
                "respond-progress-part",
                &[("n", "1"), ("total", &def.sections.len().to_string())]
            )
        ));
        loc = location(&post_page(
            &c,
            &page,
            &loc,
            "volgende",
            &answer_for(all[step]),
        ));
    }
    assert_eq!(loc, "/v/vraag/3");

    // Switching language keeps what was chosen on this page, and the page comes back in Arabic, right to left.
    let page = c.get(&loc);
    let r = post_page(&c, &page, &loc, "taal-ar", &answer_for(all[3]));
    assert_eq!(location(&r), "/v/vraag/3?lang=ar");
    let ar = c.get("/v/vraag/3?lang=ar");
    assert_eq!(ar.attr("html", "dir").as_deref(), Some("rtl"));
    assert_eq!(ar.attr("html", "lang").as_deref(), Some("ar"));
    let chosen = &answer_for(all[3])[0].1;
    assert!(
        ar.attr(
            &format!("input[name={}][value={chosen}]", all[3].key),
            "checked"
        )
        .is_some(),
        "the answer survived the language switch"
    );

    // Back goes to the previous question with its answer still there.
    let r = post_page(&c, &ar, "/v/vraag/3", "vorige", &answer_for(all[3]));
    assert_eq!(location(&r), "/v/vraag/2");

    // Stop here and continue later on another device with the same code.
    let page = c.get("/v/vraag/2?lang=nl");
    let r = post_page(&c, &page, "/v/vraag/2", "opslaan", &answer_for(all[2]));
    assert_eq!(location(&r), "/v/opgeslagen");
    let saved = c.get("/v/opgeslagen?lang=nl");
    assert!(body_has(&saved, &code), "the saved page repeats the code");
    let phone = app.client();
    location(&phone.get(&format!("/v/{}", code.to_lowercase().replace('-', " "))));
    let again = phone.get("/v/start?lang=nl");
    assert_eq!(
        again.attr("a.button", "href").as_deref(),
        Some("/v/vraag/2")
    );
    assert!(body_has(&again, &t(Lang::Nl, "respond-start-resume")));
    let answered = answer_until_summary(&phone, &def, "/v/vraag/2".into());
    assert!(
        answered.contains(&"tv_afhandeling".to_string()),
        "terugvordering = ja shows its block"
    );
    assert!(
        answered.contains(&"waarom_cijfer".to_string()),
        "a 5 asks why"
    );

    // The summary shows every answer with a link to change it; sending with help records the helper.
    let summary = phone.get("/v/overzicht?lang=nl");
    assert_eq!(summary.status, 200);
    assert_eq!(
        summary.texts("dl.summary > div").len(),
        all.len(),
        "with 'ja' and a 5 every conditional question is shown"
    );
    assert_eq!(
        app.count("responses"),
        0,
        "nothing is stored before sending"
    );
    let r = phone.submit(
        "/v/overzicht",
        "/v/overzicht",
        &[("hulp", "ja"), ("helper", "clientondersteuner")],
    );
    assert_eq!(location(&r), "/v/bedankt");
    let rows = stored(&app);
    assert_eq!(rows.len(), 1);
    let (channel, helper, language, answered_on, json) = &rows[0];
    assert_eq!(channel, "assisted");
    assert_eq!(helper.as_deref(), Some("clientondersteuner"));
    assert_eq!(language, "nl");
    assert_eq!(*answered_on, today());
    let answers: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(answers["cijfer"], serde_json::json!(5));
    assert_eq!(
        answers["waarom_cijfer"],
        serde_json::json!("Ze leggen het rustig uit.")
    );
    assert_eq!(
        app.count("drafts"),
        0,
        "the draft goes when the answers are stored"
    );
    let used: Vec<bool> = invitations::table
        .select(invitations::used)
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(used, vec![true]);
    assert!(
        phone.cookie("kb_v").is_none(),
        "the code is forgotten by the browser"
    );

    // The thank-you page offers the interview; the offer is stored without any link to the answers.
    let thanks = phone.get("/v/bedankt?lang=nl");
    assert!(thanks.attr("a[href='/v/gesprek']", "href").is_some());
    let r = phone.submit(
        "/v/gesprek",
        "/v/gesprek",
        &[
            ("naam", ""),
            ("contact", "06"),
            ("taal", "nl"),
            ("tijd", ""),
        ],
    );
    assert_eq!(r.status, 422);
    assert!(body_has(&r, &t(Lang::Nl, "volunteer-error-name")));
    assert!(body_has(&r, &t(Lang::Nl, "volunteer-error-contact")));
    let r = phone.submit(
        "/v/gesprek",
        "/v/gesprek",
        &[
            ("naam", "Fatma"),
            ("contact", "06 1234 5678"),
            ("taal", "tr"),
            ("tijd", "ochtend"),
        ],
    );
    assert_eq!(r.status, 200);
    let v: Vec<(i64, String, String)> = interview_volunteers::table
        .select((
            interview_volunteers::wave_id,
            interview_volunteers::name,
            interview_volunteers::language,
        ))
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(v, vec![(w.id, "Fatma".to_string(), "tr".to_string())]);
    assert_eq!(
        phone.get("/v/gesprek").status,
        404,
        "one offer per answer set"
    );

    // The same code again: already used, said kindly.
    let r = app.client().submit("/v?lang=nl", "/v", &[("code", &code)]);
    assert_eq!(r.status, 409);
    assert!(body_has(&r, &t(Lang::Nl, "respond-error-used")));
    // And the first browser, which still has the question page open, cannot send a second set.
    let r = c.get("/v/vraag/0");
    assert_eq!(r.status, 409);
    assert_eq!(app.count("responses"), 1);
});

both_backends!(codes_that_cannot_be_used_get_a_clear_message, |app| {
    let open = wave(&app, -1, 30, &[]);
    let future = wave(&app, 5, 30, &[]);
    let past = wave(&app, -30, -1, &[]);
    let paper_only = wave(&app, -1, 30, &["paper-scan"]);
    let code = make_codes(&app, open.id, 1).remove(0);
    let code_future = make_codes(&app, future.id, 1).remove(0);
    let code_past = make_codes(&app, past.id, 1).remove(0);
    let code_paper = make_codes(&app, paper_only.id, 1).remove(0);
    let c = app.client();
    let try_code = |typed: &str| c.submit("/v?lang=nl", "/v", &[("code", typed)]);

    // A typo is caught by the check character before any lookup, and the typed text stays in the field.
    let mut typo: Vec<char> = code.chars().collect();
    let last = typo.len() - 1;
    typo[last] = if typo[last] == 'A' { 'C' } else { 'A' };
    let typo: String = typo.into_iter().collect();
    let r = try_code(&typo);
    assert_eq!(r.status, 422);
    assert!(body_has(&r, &t(Lang::Nl, "code-error-check")), "{}", r.body);
    assert_eq!(
        r.attr("input#code", "value").as_deref(),
        Some(typo.as_str())
    );
    assert_eq!(
        r.attr("input#code", "aria-invalid").as_deref(),
        Some("true")
    );
    let r = try_code("ACD-EFG");
    assert!(body_has(&r, &t(Lang::Nl, "code-error-length")));
    let r = try_code("ACD-EFG-HJ0M");
    assert!(body_has(&r, &t(Lang::Nl, "code-error-character")));

    // A well-formed code nobody was given.
    let unknown = loop {
        let c = codes::format_code(&codes::generate(&mut rand::thread_rng()));
        if c != code && c != code_future && c != code_past {
            break c;
        }
    };
    let r = try_code(&unknown);
    assert_eq!(r.status, 404);
    assert!(body_has(&r, &t(Lang::Nl, "respond-error-unknown")));

    let r = try_code(&code_future);
    assert_eq!(r.status, 403);
    let date = klankbord::fmt::date_text(future.opens_on);
    assert!(body_has(
        &r,
        &t_args(Lang::Nl, "respond-error-not-open", &[("date", &date)])
    ));
    let r = try_code(&code_past);
    assert_eq!(r.status, 410);
    let date = klankbord::fmt::date_text(past.closes_on);
    assert!(body_has(
        &r,
        &t_args(Lang::Nl, "respond-error-closed", &[("date", &date)])
    ));
    let r = try_code(&code_paper);
    assert_eq!(r.status, 403);
    assert!(body_has(&r, &t(Lang::Nl, "respond-error-channel")));

    // The same refusal in the respondent's language.
    let r = c.get(&format!("/v/{code_past}?lang=tr"));
    assert_eq!(r.status, 410);
    assert!(body_has(
        &r,
        &t_args(Lang::Tr, "respond-error-closed", &[("date", &date)])
    ));

    // Without a code, question pages send the visitor to the code page.
    assert_eq!(location(&app.client().get("/v/vraag/0")), "/v");
    assert_eq!(app.count("responses"), 0);
    assert_eq!(app.count("drafts"), 0);
});

both_backends!(
    forged_and_invalid_answers_are_refused_without_losing_anything,
    |app| {
        let def = standard();
        let all: Vec<&Item> = def.items().collect();
        let w = wave(&app, 0, 30, &[]);
        let code = make_codes(&app, w.id, 1).remove(0);
        let c = app.client();
        location(&c.get(&format!("/v/{code}")));
        let grade_step = all.iter().position(|i| i.key == "cijfer").unwrap();
        let text_step = all.iter().position(|i| i.key == "wat_goed").unwrap();
        let path = |s: usize| format!("/v/vraag/{s}?lang=nl");

        // A field for a question that is not on this page, or one that does not exist at all.
        let page = c.get(&path(0));
        let r = post_page(
            &c,
            &page,
            "/v/vraag/0",
            "volgende",
            &[("cijfer".into(), "8".into())],
        );
        assert_eq!(r.status, 400);
        assert!(
            body_has(&r, &t(Lang::Nl, "respond-error-forged")),
            "{}",
            r.body
        );
        let r = post_page(
            &c,
            &page,
            "/v/vraag/0",
            "volgende",
            &[("salaris".into(), "8".into())],
        );
        assert_eq!(r.status, 400);
        // An option that is not one of the question's options.
        let r = post_page(
            &c,
            &page,
            "/v/vraag/0",
            "volgende",
            &[(all[0].key.clone(), "misschien".into())],
        );
        assert_eq!(r.status, 422);
        assert!(body_has(&r, &t(Lang::Nl, "answer-error-option")));

        // A grade of 11.
        let page = c.get(&path(grade_step));
        let r = post_page(
            &c,
            &page,
            &format!("/v/vraag/{grade_step}"),
            "volgende",
            &[("cijfer".into(), "11".into())],
        );
        assert_eq!(r.status, 422);
        assert!(body_has(
            &r,
            &t_args(
                Lang::Nl,
                "answer-error-range",
                &[("min", "1"), ("max", "10")]
            )
        ));

        // A text over the limit: refused with the count, and the text is given back to shorten.
        let long = "Dit is te lang. ".repeat(70);
        let given = long.trim().chars().count().to_string();
        let page = c.get(&path(text_step));
        let r = post_page(
            &c,
            &page,
            &format!("/v/vraag/{text_step}"),
            "volgende",
            &[("wat_goed".into(), long.clone())],
        );
        assert_eq!(r.status, 422);
        assert!(body_has(
            &r,
            &t_args(
                Lang::Nl,
                "answer-error-too-long",
                &[("given", &given), ("max", "1000")]
            )
        ));
        assert_eq!(r.texts("textarea#wat_goed"), vec![long.trim().to_string()]);
        assert_eq!(
            r.attr("textarea#wat_goed", "aria-invalid").as_deref(),
            Some("true")
        );

        // Nothing was stored as an answer set, and the code is still unused.
        assert_eq!(app.count("responses"), 0);
        let used: Vec<bool> = invitations::table
            .select(invitations::used)
            .load(&mut app.conn())
            .unwrap();
        assert_eq!(used, vec![false]);
        // A good answer after the bad ones goes through.
        let page = c.get(&path(grade_step));
        let r = post_page(
            &c,
            &page,
            &format!("/v/vraag/{grade_step}"),
            "volgende",
            &[("cijfer".into(), "8".into())],
        );
        assert_eq!(r.status, 303);
        let draft: String = drafts::table
            .select(drafts::answers)
            .first(&mut app.conn())
            .unwrap();
        assert!(draft.contains("\"cijfer\":8"), "{draft}");
    }
);

both_backends!(
    two_browsers_sending_with_one_code_store_one_answer_set,
    |app| {
        let def = standard();
        let w = wave(&app, 0, 30, &[]);
        let codes = make_codes(&app, w.id, 4);
        for code in &codes {
            // Both browsers fill in the whole questionnaire with the same code.
            let a = app.client();
            let b = app.client();
            location(&a.get(&format!("/v/{code}")));
            answer_until_summary(&a, &def, "/v/vraag/0".into());
            location(&b.get(&format!("/v/{code}")));
            let pa = a.get("/v/overzicht?lang=nl");
            let pb = b.get("/v/overzicht?lang=nl");
            let (ta, tb) = (pa.csrf(), pb.csrf());
            let barrier = std::sync::Barrier::new(2);
            let (ra, rb) = std::thread::scope(|s| {
                let ha = s.spawn(|| {
                    barrier.wait();
                    a.post_raw("/v/overzicht?lang=nl", &[("csrf", &ta)])
                });
                let hb = s.spawn(|| {
                    barrier.wait();
                    b.post_raw("/v/overzicht?lang=nl", &[("csrf", &tb)])
                });
                (ha.join().unwrap(), hb.join().unwrap())
            });
            let mut statuses = [ra.status, rb.status];
            statuses.sort();
            assert_eq!(
                statuses,
                [303, 409],
                "one wins, the other is told: {} / {}",
                ra.status,
                rb.status
            );
            let loser = if ra.status == 409 { &ra } else { &rb };
            assert!(body_has(loser, &t(Lang::Nl, "respond-error-used")));
        }
        assert_eq!(app.count("responses"), 4, "exactly one answer set per code");
        let json: Vec<String> = responses::table
            .select(responses::answers)
            .load(&mut app.conn())
            .unwrap();
        for j in json {
            let v: serde_json::Value = serde_json::from_str(&j).unwrap();
            assert_eq!(v["cijfer"], serde_json::json!(5), "each set is whole");
        }
        assert_eq!(app.count("drafts"), 0);
    }
);

/// Entry fields for the standard questionnaire as a clerk types them: scale 4, grade 7, option 1.
pub fn entry_fields(def: &Definition) -> Vec<(String, String)> {
    let mut v = vec![];
    for item in def.items() {
        if item.show_if.is_some() {
            continue;
        }
        let value = match &item.kind {
            ItemKind::Grade => "7".to_string(),
            ItemKind::Scale { .. } => "4".into(),
            ItemKind::Single { .. } => "1".into(),
            ItemKind::Multi { options, .. } => options[0].code.clone(),
            ItemKind::Text { .. } => String::new(),
            ItemKind::Number { min, .. } => min.to_string(),
        };
        v.push((item.key.clone(), value));
    }
    v
}

/// Posts the staff entry form; a paper form gets a fresh form number of its wave (see
/// [`entry_post_form`] to choose it).
pub fn entry_post(
    c: &Client,
    wave_id: i64,
    channel: &str,
    code: &str,
    answers: &[(String, String)],
) -> Resp {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(900_000);
    let form = if channel == "paper-keyed" {
        klankbord::surveys::paper::sheet::form_number(
            wave_id,
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        )
    } else {
        String::new()
    };
    entry_post_form(c, wave_id, channel, code, &form, answers)
}

/// Posts the staff entry form with this paper form number.
pub fn entry_post_form(
    c: &Client,
    wave_id: i64,
    channel: &str,
    code: &str,
    form: &str,
    answers: &[(String, String)],
) -> Resp {
    let path = format!("/invoer/rondes/{wave_id}");
    let page = c.get(&path);
    assert_eq!(page.status, 200, "{}", page.body);
    let token = page.csrf();
    let mut all: Vec<(&str, &str)> = vec![
        ("csrf", token.as_str()),
        ("invoer-kanaal", channel),
        ("invoer-formulier", form),
        ("invoer-code", code),
        ("invoer-taal", "pl"),
        ("invoer-hulp", ""),
    ];
    all.extend(answers.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    c.post_raw(&path, &all)
}

both_backends!(
    staff_enter_phone_and_paper_answers_with_number_keys,
    |app| {
        let def = standard();
        let w = wave(&app, 0, 30, &["web", "phone", "paper-keyed"]);
        let code = make_codes(&app, w.id, 1).remove(0);
        let (clerk, _) = app.logged_in("invoer.anna", &[Role::Invoerder]);
        let fields = entry_fields(&def);

        // The form lists every question in questionnaire order, with the keys to type.
        let page = clerk.get(&format!("/invoer/rondes/{}?lang=nl", w.id));
        let names: Vec<String> = {
            let doc = scraper::Html::parse_document(&page.body);
            let sel = scraper::Selector::parse("form.entry-form input[type=text], form.entry-form textarea, form.entry-form input[type=checkbox]").unwrap();
            let mut seen: Vec<String> = vec![];
            for e in doc.select(&sel) {
                let n = e.value().attr("name").unwrap_or("").to_string();
                if def.item(&n).is_some() && !seen.contains(&n) {
                    seen.push(n);
                }
            }
            seen
        };
        let order: Vec<String> = def.items().map(|i| i.key.clone()).collect();
        assert_eq!(names, order, "tab order follows the questionnaire");

        // By phone a code is needed.
        let r = entry_post(&clerk, w.id, "phone", "", &fields);
        assert_eq!(r.status, 422);
        assert!(body_has(&r, &t(Lang::Nl, "entry-error-code-needed")));
        // Out of range: a 6 on a five-point scale, said per question; what was typed stays.
        let mut bad = fields.clone();
        let scale_key = def
            .items()
            .find(|i| matches!(i.kind, ItemKind::Scale { .. }))
            .unwrap()
            .key
            .clone();
        bad.iter_mut().find(|(k, _)| *k == scale_key).unwrap().1 = "6".into();
        let r = entry_post(&clerk, w.id, "phone", &code, &bad);
        assert_eq!(r.status, 422);
        assert_eq!(
            r.attr(&format!("input#{scale_key}"), "value").as_deref(),
            Some("6")
        );
        assert_eq!(r.attr("input#cijfer", "value").as_deref(), Some("7"));
        assert_eq!(app.count("responses"), 0);

        // Phone with the code: stored, code used; 0 means "weet niet".
        let mut phone = fields.clone();
        let dk = def
            .items()
            .find(|i| {
                i.show_if.is_none()
                    && i.key != scale_key
                    && matches!(
                        &i.kind,
                        ItemKind::Scale {
                            dont_know: Some(_),
                            ..
                        }
                    )
            })
            .unwrap();
        phone.iter_mut().find(|(k, _)| *k == dk.key).unwrap().1 = "0".into();
        let r = entry_post(&clerk, w.id, "phone", &code, &phone);
        assert!(location(&r).contains("notice-entry-saved"));
        // The same code again is refused: the answers were given already.
        let r = entry_post(&clerk, w.id, "phone", &code, &fields);
        assert_eq!(r.status, 409);
        assert!(body_has(&r, &t(Lang::Nl, "entry-error-used")));

        // A paper form typed in needs no code.
        let r = entry_post(&clerk, w.id, "paper-keyed", "", &fields);
        location(&r);
        let rows = stored(&app);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, "paper-keyed");
        assert_eq!(rows[1].0, "phone");
        assert_eq!(rows[1].2, "pl");
        let first: serde_json::Value = serde_json::from_str(&rows[1].4).unwrap();
        let Some(ItemKind::Scale {
            dont_know: Some(dk_code),
            ..
        }) = def.item(&dk.key).map(|i| i.kind.clone())
        else {
            unreachable!()
        };
        assert_eq!(first[&dk.key], serde_json::json!(dk_code));
        assert_eq!(first["cijfer"], serde_json::json!(7));
        assert_eq!(first[&scale_key], serde_json::json!(4));
        let used: Vec<bool> = invitations::table
            .select(invitations::used)
            .load(&mut app.conn())
            .unwrap();
        assert_eq!(used, vec![true]);

        // An onderzoeker cannot enter answers, and an invoerder cannot see the research pages.
        let (researcher, _) = app.logged_in("onderzoek.bo", &[Role::Onderzoeker]);
        assert_eq!(
            researcher.get(&format!("/invoer/rondes/{}", w.id)).status,
            403
        );
        assert_eq!(
            clerk.get(&format!("/onderzoek/rondes/{}", w.id)).status,
            403
        );
    }
);

fn outbox_count(app: &TestApp, kind: &str) -> i64 {
    mail_outbox::table
        .filter(mail_outbox::kind.eq(kind))
        .count()
        .get_result(&mut app.conn())
        .unwrap()
}

both_backends!(email_invitations_reminders_and_clean_up, |app| {
    let w = wave(&app, 0, 10, &[]);
    let (researcher, _) = app.logged_in("onderzoek.eva", &[Role::Onderzoeker]);
    let page = format!("/onderzoek/rondes/{}?lang=nl", w.id);
    let action = format!("/onderzoek/rondes/{}/email", w.id);

    // One bad line: nothing is made or queued, and the message names the line.
    let r = researcher.submit(
        &page,
        &action,
        &[
            ("adressen", "a@voorbeeld.nl\nb.voorbeeld.nl\nc@voorbeeld.nl"),
            ("taal-mail", "nl"),
        ],
    );
    assert_eq!(r.status, 422);
    assert!(
        body_has(
            &r,
            &t_args(Lang::Nl, "email-error-invalid", &[("lines", "2")])
        ),
        "{}",
        r.body
    );
    assert_eq!(app.count("invitations"), 0);
    assert_eq!(app.count("mail_outbox"), 0);

    let list = "a@voorbeeld.nl\nb@voorbeeld.nl\nc@voorbeeld.nl\n";
    let r = researcher.submit(&page, &action, &[("adressen", list), ("taal-mail", "en")]);
    assert!(location(&r).contains("notice-invitations-queued&n=3"));
    assert_eq!(app.count("invitations"), 3);
    assert_eq!(outbox_count(&app, "survey_invitation"), 3);

    // One person answers; the reminder goes only to the two others.
    let code: String = invitation_addresses::table
        .filter(invitation_addresses::email.eq("a@voorbeeld.nl"))
        .select(invitation_addresses::code)
        .first(&mut app.conn())
        .unwrap();
    let c = app.client();
    location(&c.get(&format!("/v/{code}")));
    let r = c.submit("/v/overzicht", "/v/overzicht", &[]);
    assert_eq!(location(&r), "/v/bedankt");
    assert_eq!(
        app.count("invitation_addresses"),
        2,
        "the address goes when the code is used"
    );

    let reminder = format!("/onderzoek/rondes/{}/herinnering", w.id);
    let r = researcher.submit(&page, &reminder, &[]);
    assert!(location(&r).contains("n=2"), "{:?}", r.header("location"));
    assert_eq!(outbox_count(&app, "survey_reminder"), 2);
    let r = researcher.submit(&page, &reminder, &[]);
    location(&r);
    assert_eq!(outbox_count(&app, "survey_reminder"), 4);
    // A third reminder is refused.
    let r = researcher.submit(&page, &reminder, &[]);
    assert_eq!(r.status, 409);
    assert!(body_has(&r, &t(Lang::Nl, "reminder-error-max")));
    assert_eq!(outbox_count(&app, "survey_reminder"), 4);

    // A started draft and the remaining addresses are deleted once the wave has closed.
    let code_b: String = invitation_addresses::table
        .filter(invitation_addresses::email.eq("b@voorbeeld.nl"))
        .select(invitation_addresses::code)
        .first(&mut app.conn())
        .unwrap();
    let c = app.client();
    location(&c.get(&format!("/v/{code_b}")));
    let p = c.get("/v/vraag/0");
    // A question page can show a draft's answers: no browser keeps it (a shared computer).
    assert_eq!(p.header("cache-control"), Some("no-store"));
    let def = standard();
    location(&post_page(
        &c,
        &p,
        "/v/vraag/0",
        "opslaan",
        &answer_for(def.items().next().unwrap()),
    ));
    assert_eq!(app.count("drafts"), 1);
    let (cleaned, _) = klankbord::surveys::invite::cleanup(&mut app.conn(), today(), 90).unwrap();
    assert_eq!(cleaned, 0, "an open wave keeps its addresses");
    assert_eq!(app.count("invitation_addresses"), 2);
    let after_close = w.closes_on + Duration::days(1);
    let (cleaned, _) =
        klankbord::surveys::invite::cleanup(&mut app.conn(), after_close, 90).unwrap();
    assert_eq!(cleaned, 1);
    assert_eq!(app.count("invitation_addresses"), 0);
    assert_eq!(app.count("drafts"), 0);
    assert_eq!(app.count("responses"), 1, "answers stay");
});

both_backends!(volunteers_are_deleted_after_the_retention_period, |app| {
    let w = wave(&app, -10, -1, &[]);
    diesel::insert_into(interview_volunteers::table)
        .values((
            interview_volunteers::wave_id.eq(w.id),
            interview_volunteers::name.eq("Piet"),
            interview_volunteers::contact.eq("06 1111 2222"),
            interview_volunteers::language.eq("nl"),
            interview_volunteers::best_time.eq(""),
        ))
        .execute(&mut app.conn())
        .unwrap();
    let (_, gone) =
        klankbord::surveys::invite::cleanup(&mut app.conn(), w.closes_on + Duration::days(30), 90)
            .unwrap();
    assert_eq!(gone, 0);
    assert_eq!(app.count("interview_volunteers"), 1);
    let (_, gone) =
        klankbord::surveys::invite::cleanup(&mut app.conn(), w.closes_on + Duration::days(91), 90)
            .unwrap();
    assert_eq!(gone, 1);
    assert_eq!(app.count("interview_volunteers"), 0);
});

both_backends!(
    researcher_creates_a_wave_prints_letters_and_exports_answers,
    |app| {
        let def = standard();
        let (researcher, _) = app.logged_in("onderzoek.jan", &[Role::Onderzoeker]);
        let opens = today().format("%Y-%m-%d").to_string();
        let closes = (today() + Duration::days(20))
            .format("%Y-%m-%d")
            .to_string();

        // Closing before opening: a clear message, nothing made.
        let r = researcher.submit(
            "/onderzoek?lang=nl",
            "/onderzoek",
            &[
                ("naam", "Voorjaar"),
                ("vragenlijst", "bejegening-bijstand"),
                ("open", &closes),
                ("sluit", &opens),
                ("n", "1277"),
                ("kanalen", "web"),
            ],
        );
        assert_eq!(r.status, 422);
        assert!(body_has(&r, &t(Lang::Nl, "wave-error-dates")));
        assert_eq!(app.count("waves"), 0);
        let r = researcher.submit(
            "/onderzoek?lang=nl",
            "/onderzoek",
            &[
                ("naam", "Voorjaar"),
                ("vragenlijst", "bejegening-bijstand"),
                ("open", &opens),
                ("sluit", &closes),
                // N as people write it in Dutch, with a thousands point.
                ("n", "1.277"),
                ("kanalen", "web"),
                ("kanalen", "paper-keyed"),
            ],
        );
        let loc = location(&r);
        let id: i64 = loc
            .trim_start_matches("/onderzoek/rondes/")
            .split('?')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let w = waves::find_wave(&mut app.conn(), id).unwrap();
        assert_eq!(w.channels, "web,paper-keyed");
        assert_eq!(w.population, 1277);

        // Letters: one A4 per person with the code, the QR code for the personal link and the closing date.
        let page = format!("/onderzoek/rondes/{id}?lang=nl");
        let r = researcher.submit(
            &page,
            &format!("/onderzoek/rondes/{id}/codes"),
            &[("aantal", "3"), ("vorm", "brieven"), ("taal", "nl")],
        );
        assert_eq!(r.status, 200, "{}", r.body);
        let letters = r.texts("article.letter");
        assert_eq!(letters.len(), 3, "one letter per code");
        let printed = r.texts("article.letter p.code strong");
        let svg_count = r.body.matches("<svg").count();
        assert!(svg_count >= 3, "a QR code per letter");
        let date = klankbord::fmt::date_text(w.closes_on);
        for (letter, code) in letters.iter().zip(&printed) {
            let bare = codes::parse(code).expect("a valid code on the letter");
            // The QR code encodes the personal link; the letter also names the short link.
            let link = format!("{}/v/{bare}", app.base);
            let qr = klankbord::surveys::invite::qr_svg(&link).unwrap();
            assert!(
                r.body.contains(&qr[qr.find("<path").unwrap()..]),
                "QR code of {link}"
            );
            assert!(letter.contains(&format!("{}/v", app.base)));
            assert!(letter.contains(&date));
        }
        assert_eq!(app.count("invitations"), 3);
        // Codes as CSV for a mail merge.
        let r = researcher.submit(
            &page,
            &format!("/onderzoek/rondes/{id}/codes"),
            &[("aantal", "2"), ("vorm", "csv"), ("taal", "nl")],
        );
        assert_eq!(r.status, 200);
        assert!(r
            .header("content-type")
            .unwrap_or("")
            .starts_with("text/csv"));
        assert_eq!(r.body.lines().count(), 3);

        // Answers from two channels, then the export.
        let code = make_codes(&app, id, 1).remove(0);
        let c = app.client();
        location(&c.get(&format!("/v/{code}")));
        answer_until_summary(&c, &def, "/v/vraag/0".into());
        location(&c.submit("/v/overzicht", "/v/overzicht", &[]));
        let (clerk, _) = app.logged_in("invoer.kees", &[Role::Invoerder]);
        location(&entry_post(
            &clerk,
            id,
            "paper-keyed",
            "",
            &entry_fields(&def),
        ));

        let r = researcher.get(&format!("/onderzoek/rondes/{id}?lang=nl"));
        // Follow-up: 6 codes made, 2 answer sets (one web, one paper), rate and margin of error.
        let figures = r.texts("table.figures td");
        let margin = klankbord::surveys::stats::margin_of_error(2, 1277).unwrap();
        let rate = klankbord::surveys::stats::response_rate(2, 6).unwrap();
        assert_eq!(
            figures,
            [
                "6".to_string(),
                "2".into(),
                "1".into(),
                klankbord::surveys::stats::percent_nl(rate),
                format!("± {}", klankbord::surveys::stats::percent_nl(margin)),
            ],
            "invited, answered, codes used, response rate, margin of error"
        );
        let per_channel = r.texts("table:not(.figures) tbody tr");
        assert!(
            per_channel
                .iter()
                .any(|row| row.contains(&t(Lang::Nl, "channel-web")) && row.ends_with('1')),
            "{per_channel:?}"
        );
        assert!(
            per_channel
                .iter()
                .any(|row| row.contains(&t(Lang::Nl, "channel-paper-keyed")) && row.ends_with('1')),
            "{per_channel:?}"
        );
        // Rows only once the wave has closed (see tests/it/linking.rs for why).
        assert_eq!(
            researcher
                .get(&format!("/onderzoek/rondes/{id}/antwoorden.csv"))
                .status,
            409
        );
        close_wave(&app, id);
        let csv_resp = researcher.get(&format!("/onderzoek/rondes/{id}/antwoorden.csv"));
        assert_eq!(csv_resp.status, 200);
        let mut rd = csv::ReaderBuilder::new()
            .from_reader(csv_resp.body.trim_start_matches('\u{feff}').as_bytes());
        let headers: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(
            &headers[..5],
            ["respons", "ronde", "kanaal", "hulp", "taal"]
        );
        assert!(headers.contains(&"cijfer".to_string()));
        let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 2);
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let mut channels: Vec<&str> = rows.iter().map(|r| &r[col("kanaal")]).collect();
        channels.sort();
        assert_eq!(channels, ["paper-keyed", "web"]);
        let mut grades: Vec<&str> = rows.iter().map(|r| &r[col("cijfer")]).collect();
        grades.sort();
        assert_eq!(grades, ["5", "7"]);
        // The codebook names every column, with value labels.
        let book = researcher.get(&format!("/onderzoek/rondes/{id}/codeboek.csv"));
        assert_eq!(book.status, 200);
        for h in &headers {
            assert!(book.body.contains(h.as_str()), "codebook lacks {h}");
        }
        let json = researcher.get(&format!("/onderzoek/rondes/{id}/codeboek.json"));
        let v: serde_json::Value = serde_json::from_str(&json.body).unwrap();
        assert!(v.to_string().contains("cijfer"));
        // An invoerder may not export.
        assert_eq!(
            clerk
                .get(&format!("/onderzoek/rondes/{id}/antwoorden.csv"))
                .status,
            403
        );
    }
);

both_backends!(
    a_changed_definition_becomes_a_new_version_and_old_answers_stay_readable,
    |app| {
        let (_, text) = klankbord::surveys::SHIPPED[0];
        let w1 = wave(&app, 0, 30, &[]);
        let old_def = standard();
        let code = make_codes(&app, w1.id, 1).remove(0);
        let c = app.client();
        location(&c.get(&format!("/v/{code}")));
        answer_until_summary(&c, &old_def, "/v/vraag/0".into());
        location(&c.submit("/v/overzicht", "/v/overzicht", &[]));

        // The questionnaire is changed: one question goes, the rest on one page.
        let changed = text
            .replacen("version = 1\n", "version = 1\none_page = true\n", 1)
            .replace("key = \"wat_goed\"", "key = \"wat_fijn\"");
        assert_ne!(changed, text);
        let new_def = klankbord::surveys::definition::parse("gewijzigd.toml", &changed)
            .expect("valid change");
        let new_version = waves::register_version(&mut app.conn(), &new_def, &changed).unwrap();
        assert_ne!(new_version, w1.version_id);
        let w2 = wave(&app, 0, 30, &[]);
        assert_eq!(w2.version_id, new_version);
        assert_eq!((w2.version, w2.revision), (1, 2));
        let w1_again = waves::find_wave(&mut app.conn(), w1.id).unwrap();
        assert_eq!(
            w1_again.version_id, w1.version_id,
            "the first wave keeps its text"
        );

        // The new wave shows every question on one page.
        let code2 = make_codes(&app, w2.id, 1).remove(0);
        let c2 = app.client();
        location(&c2.get(&format!("/v/{code2}")));
        let page = c2.get("/v/vraag/0?lang=nl");
        assert!(page.attr("textarea#wat_fijn", "name").is_some());
        assert!(page
            .attr("fieldset#cijfer, input[name=cijfer]", "name")
            .is_some());
        assert!(
            page.texts("progress").is_empty(),
            "no progress bar on a single page"
        );
        let mut fields = vec![];
        for item in new_def.items().filter(|i| i.show_if.is_none()) {
            fields.extend(answer_for(item));
        }
        let r = post_page(&c2, &page, "/v/vraag/0", "versturen", &fields);
        assert_eq!(location(&r), "/v/bedankt");

        // The old wave's export still has the old question, the new one the new.
        let (researcher, _) = app.logged_in("onderzoek.ria", &[Role::Onderzoeker]);
        close_wave(&app, w1.id);
        close_wave(&app, w2.id);
        let old = researcher.get(&format!("/onderzoek/rondes/{}/antwoorden.csv", w1.id));
        let new = researcher.get(&format!("/onderzoek/rondes/{}/antwoorden.csv", w2.id));
        let head = |r: &Resp| r.body.lines().next().unwrap_or("").to_string();
        assert!(head(&old).contains("wat_goed") && !head(&old).contains("wat_fijn"));
        assert!(head(&new).contains("wat_fijn") && !head(&new).contains("wat_goed"));
        assert!(old.body.contains("Ze leggen het rustig uit."));
    }
);

/// Columns of a table as (name, type), and the tables its foreign keys point to.
fn table_shape(conn: &mut DbConnection, table: &str) -> (Vec<(String, String)>, Vec<String>) {
    use diesel::sql_types::Text;
    #[derive(QueryableByName)]
    struct Col {
        #[diesel(sql_type = Text)]
        name: String,
        #[diesel(sql_type = Text)]
        kind: String,
    }
    #[derive(QueryableByName)]
    struct Fk {
        #[diesel(sql_type = Text)]
        target: String,
    }
    match conn {
        DbConnection::Sqlite(c) => {
            let cols: Vec<Col> = diesel::sql_query(format!(
                "SELECT name, lower(type) AS kind FROM pragma_table_info('{table}')"
            ))
            .load(c)
            .unwrap();
            let fks: Vec<Fk> = diesel::sql_query(format!(
                "SELECT \"table\" AS target FROM pragma_foreign_key_list('{table}')"
            ))
            .load(c)
            .unwrap();
            (
                cols.into_iter().map(|c| (c.name, c.kind)).collect(),
                fks.into_iter().map(|f| f.target).collect(),
            )
        }
        DbConnection::Pg(c) => {
            let cols: Vec<Col> = diesel::sql_query(format!(
                "SELECT column_name::text AS name, data_type::text AS kind FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = '{table}' ORDER BY ordinal_position"
            ))
            .load(c)
            .unwrap();
            let fks: Vec<Fk> = diesel::sql_query(format!(
                "SELECT ccu.table_name::text AS target FROM information_schema.table_constraints tc \
                 JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name \
                 WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = '{table}'"
            ))
            .load(c)
            .unwrap();
            (
                cols.into_iter().map(|c| (c.name, c.kind)).collect(),
                fks.into_iter().map(|f| f.target).collect(),
            )
        }
    }
}

both_backends!(answers_have_no_join_path_to_codes_or_addresses, |app| {
    let mut conn = app.conn();
    let (cols, fks) = table_shape(&mut conn, "responses");
    let names: Vec<&str> = cols.iter().map(|(n, _)| n.as_str()).collect();
    // Exactly these columns: nothing that could hold a code, an address, an invitation or a moment.
    assert_eq!(
        names,
        [
            "id",
            "wave_id",
            "version_id",
            "channel",
            "helper",
            "language",
            "answered_on",
            "answers"
        ]
    );
    let date_type = &cols.iter().find(|(n, _)| n == "answered_on").unwrap().1;
    assert_eq!(date_type, "date", "the answer's time is a date only");
    // Foreign keys lead only to the wave and the questionnaire text, which belong to everyone.
    for target in &fks {
        assert!(
            ["waves", "questionnaire_versions"].contains(&target.as_str()),
            "responses refers to {target}"
        );
    }
    // Nothing refers to an answer row either.
    for table in klankbord::db::schema::ALL_TABLES {
        let (cols, fks) = table_shape(&mut conn, table);
        assert!(
            !fks.contains(&"responses".to_string()),
            "{table} refers to responses"
        );
        if *table != "responses" {
            assert!(
                !cols.iter().any(|(n, _)| n.contains("response")),
                "{table} has a column about responses"
            );
        }
    }
    // The invitation keeps only whether it was used: no moment, so the order of use cannot be matched.
    let (inv, _) = table_shape(&mut conn, "invitations");
    let inv: Vec<&str> = inv.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(inv, ["id", "wave_id", "code_hash", "used"]);
    // The only ways from the wave to people (codes, addresses, volunteers) end at the wave: the only
    // column responses shares with them is the wave number.
    for table in [
        "invitations",
        "invitation_addresses",
        "drafts",
        "interview_volunteers",
        "interview_offers",
    ] {
        let (other, _) = table_shape(&mut conn, table);
        let shared: Vec<&str> = other
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| names.contains(n) && *n != "id" && *n != "answers")
            .collect();
        assert!(
            shared.iter().all(|n| *n == "wave_id" || *n == "language"),
            "{table} shares {shared:?}"
        );
    }
});

#[test]
fn logs_never_contain_codes_or_answers() {
    // The real server, logging everything it logs at its most talkative level, while a respondent
    // answers with a code and a recognisable text.
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("k.db").display());
    let pool =
        klankbord::db::connect_and_migrate(&klankbord::db::DatabaseUrl::parse(&db).unwrap(), 1)
            .unwrap();
    let mut conn = pool.get().unwrap();
    klankbord::surveys::waves::register_shipped(&mut conn).unwrap();
    let (_, codes) = WaveBuilder::new()
        .name("Logtest")
        .days_from_today(0, 5)
        .population(100)
        .create_with_codes(&mut conn, 1)
        .unwrap();
    let code = codes[0].clone();
    drop(conn);
    let log_path = dir.path().join("log.txt");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut cmd = crate::cli::klankbord();
    cmd.arg("serve")
        .env("DATABASE_URL", &db)
        .env("KLANKBORD_BIND", "127.0.0.1:0")
        .env("RUST_LOG", "debug")
        .stderr(std::process::Stdio::from(log));
    let (running, addr) = crate::cli::start_server(cmd);
    let base = addr.lines().next().unwrap().to_string();
    let c = Client::with_cookies(&base, &[]);
    location(&c.get(&format!("/v/{code}")));
    let text_step = standard()
        .items()
        .position(|i| i.key == "wat_goed")
        .unwrap();
    let page = c.get(&format!("/v/vraag/{text_step}"));
    let secret = "Mijn klantmanager Geheimnaam Jansen";
    location(&post_page(
        &c,
        &page,
        &format!("/v/vraag/{text_step}"),
        "volgende",
        &[("wat_goed".into(), secret.into())],
    ));
    location(&c.submit("/v/overzicht", "/v/overzicht", &[]));
    let offered = c.submit(
        "/v/gesprek",
        "/v/gesprek",
        &[
            ("naam", "Geheimnaam"),
            ("contact", "06 1234 5678"),
            ("taal", "tr"),
        ],
    );
    assert_eq!(offered.status, 200);
    let wrong = c.submit("/v", "/v", &[("code", &code)]);
    assert_eq!(wrong.status, 409);
    assert_eq!(c.get("/inloggen").status, 200);
    drop(running);
    let logged = std::fs::read_to_string(&log_path).unwrap();
    assert!(
        logged.contains("/inloggen"),
        "requests are logged by route pattern: {logged}"
    );
    // Routes that take answers write no line at all: its time would say when someone answered
    // (issue 13, finding 3).
    for line in logged.lines().filter(|l| l.contains("request")) {
        assert!(
            !line.contains("\"/v") && !line.contains("=/v"),
            "a respondent's request is logged: {line}"
        );
    }
    let bare = codes::parse(&code).unwrap();
    for needle in [code.as_str(), bare.as_str(), "Geheimnaam"] {
        assert!(!logged.contains(needle), "the log contains {needle}");
    }
}

/// Presses a submit button as a browser without script does: the values of the form it belongs to
/// (its `form` attribute, or the form around it), with `typed` filled in, plus the button's own
/// name and value, posted to its `formaction` (or the form's action).
pub fn press(c: &Client, page: &Resp, button: &str, typed: &[(&str, &str)]) -> Resp {
    let doc = scraper::Html::parse_document(&page.body);
    let sel = scraper::Selector::parse(button).expect("selector");
    let b = doc
        .select(&sel)
        .next()
        .unwrap_or_else(|| panic!("no button {button} on the page"));
    assert_eq!(b.value().attr("type"), Some("submit"), "{button}");
    let form_id = b
        .value()
        .attr("form")
        .map(str::to_string)
        .or_else(|| {
            b.ancestors()
                .filter_map(scraper::ElementRef::wrap)
                .find(|e| e.value().name() == "form")
                .and_then(|f| f.value().attr("id").map(str::to_string))
        })
        .expect("the button belongs to a form with an id");
    let form_css = format!("form#{form_id}");
    let action = b
        .value()
        .attr("formaction")
        .map(str::to_string)
        .or_else(|| page.attr(&form_css, "action"))
        .expect("somewhere to send the form");
    let mut fields: Vec<(String, String)> = page
        .form_values(&form_css)
        .into_iter()
        .filter(|(k, _)| !typed.iter().any(|(t, _)| t == k))
        .collect();
    fields.extend(typed.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    if let (Some(name), Some(value)) = (b.value().attr("name"), b.value().attr("value")) {
        fields.push((name.to_string(), value.to_string()));
    }
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    c.post_raw(&action, &refs)
}

/// What the progress block of a question page says: its text, and the bar's value and maximum.
fn progress_of(page: &Resp) -> (String, u32, u32) {
    let text = page.texts("p#voortgang").concat();
    let bar = |a: &str| {
        page.attr("progress#voortgang-balk", a)
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or_else(|| panic!("no progress bar with {a}: {}", page.body))
    };
    assert_eq!(
        page.attr("progress#voortgang-balk", "aria-labelledby")
            .as_deref(),
        Some("voortgang"),
        "the bar is named by the text"
    );
    (text, bar("value"), bar("max"))
}

both_backends!(
    progress_never_goes_back_when_follow_up_questions_open,
    |app| {
        let def = standard();
        let all: Vec<&Item> = def.items().collect();
        let w = wave(&app, -1, 30, &[]);
        let code = make_codes(&app, w.id, 1).remove(0);
        let c = app.client();
        location(&c.submit("/v?lang=nl", "/v", &[("code", &code)]));
        let parts = def.sections.len().to_string();
        let mut seen: Vec<(String, usize, u32)> = vec![];
        let mut loc = "/v/vraag/0".to_string();
        while let Some(step) = step_of(&loc) {
            let page = c.get(&loc);
            assert_eq!(page.status, 200, "{loc}");
            let (text, value, max) = progress_of(&page);
            assert_eq!(max, 100, "a share, not a count of questions that may grow");
            // "Deel 2 van 10: Uw contactpersoon": the part this question is in, out of all parts.
            let part = def
                .sections
                .iter()
                .position(|s| s.items.iter().any(|i| i.key == all[step].key))
                .unwrap()
                + 1;
            let expected = format!(
                "{}: {}",
                t_args(
                    Lang::Nl,
                    "respond-progress-part",
                    &[("n", &part.to_string()), ("total", &parts)]
                ),
                klankbord::surveys::answers::text_in(&def.sections[part - 1].title, Lang::Nl)
            );
            assert_eq!(text, expected, "{}", all[step].key);
            if let Some((before, before_part, before_value)) = seen.last() {
                assert!(
                    part >= *before_part && value > *before_value,
                    "progress went from {before} ({before_value}%) to {text} ({value}%) at {}",
                    all[step].key
                );
            }
            seen.push((text, part, value));
            loc = location(&post_page(
                &c,
                &page,
                &format!("/v/vraag/{step}"),
                "volgende",
                &answer_for(all[step]),
            ));
        }
        assert_eq!(loc, "/v/overzicht");
        // Follow-up questions did open along the way (so the old count "van 29" would have grown).
        let shown_at_start = all.iter().filter(|i| i.show_if.is_none()).count();
        assert!(
            seen.len() > shown_at_start,
            "{} pages, {shown_at_start} shown at the start",
            seen.len()
        );
        assert_eq!(seen.first().map(|s| s.2), Some(0));
        assert!(seen.last().map(|s| s.2) < Some(100));
        assert_eq!(seen.last().map(|s| s.1), Some(def.sections.len()));
    }
);

both_backends!(header_language_buttons_keep_what_was_typed, |app| {
    let def = standard();
    let all: Vec<&Item> = def.items().collect();
    let w = wave(&app, -1, 30, &[]);
    let code = make_codes(&app, w.id, 1).remove(0);
    let c = app.client();
    location(&c.submit("/v?lang=nl", "/v", &[("code", &code)]));
    let step = all.iter().position(|i| i.key == "wat_goed").unwrap();
    let path = format!("/v/vraag/{step}");

    // The header's languages are buttons of the answer form, one per language, not links.
    let page = c.get(&format!("{path}?lang=nl"));
    assert_eq!(page.status, 200);
    assert!(
        page.texts("header nav.languages a").is_empty(),
        "a link would drop what was typed"
    );
    for lang in Lang::ALL {
        let button = format!("header nav.languages button[value=taal-{}]", lang.code());
        assert_eq!(
            page.attr(&button, "form").as_deref(),
            Some("vraagformulier")
        );
        assert_eq!(
            page.attr(&button, "formaction"),
            Some(format!("{path}?lang={}", lang.code()))
        );
        assert_eq!(page.attr(&button, "lang").as_deref(), Some(lang.code()));
    }
    assert_eq!(
        page.attr("header nav.languages button[aria-current]", "value")
            .as_deref(),
        Some("taal-nl")
    );
    assert!(page.attr("form#vraagformulier", "action").is_some());
    // The first button of the form in the page's order (the one Enter presses) is "next", not a
    // language, although the header comes first.
    assert_eq!(
        page.attr(
            "button[form=vraagformulier], form#vraagformulier button",
            "value"
        )
        .as_deref(),
        Some("volgende")
    );

    // Type an answer, press "English" in the header: the same question, in English, answer kept.
    let typed = "De medewerker belde mij terug, zoals beloofd.";
    let r = press(
        &c,
        &page,
        "header nav.languages button[value=taal-en]",
        &[("wat_goed", typed)],
    );
    assert_eq!(location(&r), path);
    assert_eq!(c.cookie("kb_taal").as_deref(), Some("en"));
    let en = c.get(&path);
    assert_eq!(en.attr("html", "lang").as_deref(), Some("en"));
    assert_eq!(en.texts("textarea#wat_goed"), vec![typed.to_string()]);
    let draft: String = drafts::table
        .select(drafts::answers)
        .get_result(&mut app.conn())
        .unwrap();
    assert!(draft.contains(typed), "saved as a draft: {draft}");

    // Too long to save as it is: it comes back in the new language with what to fix, not dropped.
    let max = match all[step].kind {
        ItemKind::Text { max_length } => max_length as usize,
        _ => unreachable!(),
    };
    let long = "Heel goed geholpen. ".repeat(max / 20 + 2);
    let r = press(
        &c,
        &en,
        "header nav.languages button[value=taal-ar]",
        &[("wat_goed", &long)],
    );
    assert_eq!(r.status, 422);
    assert_eq!(r.attr("html", "lang").as_deref(), Some("ar"));
    assert_eq!(r.attr("html", "dir").as_deref(), Some("rtl"));
    assert_eq!(r.texts("textarea#wat_goed"), vec![long.trim().to_string()]);
    assert_eq!(r.texts(".error-summary li").len(), 1, "{}", r.body);
    assert_eq!(
        r.attr("textarea#wat_goed", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(c.cookie("kb_taal").as_deref(), Some("ar"));
    let draft: String = drafts::table
        .select(drafts::answers)
        .get_result(&mut app.conn())
        .unwrap();
    assert!(
        !draft.contains(&long),
        "nothing over the limit is stored: {draft}"
    );

    // On the summary the help choices stay too, and switching sends nothing.
    let summary = c.get("/v/overzicht?lang=nl");
    assert_eq!(
        summary
            .attr("header nav.languages button[value=taal-tr]", "form")
            .as_deref(),
        Some("verzendformulier")
    );
    let r = press(
        &c,
        &summary,
        "header nav.languages button[value=taal-tr]",
        &[("hulp", "ja"), ("helper", "familie_vriend")],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.attr("html", "lang").as_deref(), Some("tr"));
    assert!(r.attr("input#hulp", "checked").is_some());
    assert!(r
        .attr("select#helper option[value=familie_vriend]", "selected")
        .is_some());
    assert_eq!(app.count("responses"), 0, "a language button sends nothing");
    assert_eq!(app.count("drafts"), 1);
});

both_backends!(
    using_a_code_deletes_its_draft_and_a_late_draft_is_refused,
    |app| {
        // The database itself deletes the draft when the code is used (trigger
        // `invitations_used_forgets`), whatever marks it used; a draft saved afterwards (a second
        // browser tab, a request that started before the set was sent) is refused, so no answers stay
        // beside the invitation, which can lead back to a person.
        use klankbord::surveys::answers::AnswerSet;
        use klankbord::surveys::respond::{self, RespondError};
        let w = wave(&app, -1, 10, &[]);
        let codes = make_codes(&app, w.id, 2);
        let id_of = |code: &str| -> i64 {
            invitations::table
                .filter(invitations::code_hash.eq(codes::hash(&codes::parse(code).unwrap())))
                .select(invitations::id)
                .first(&mut app.conn())
                .unwrap()
        };
        let (first, second) = (id_of(&codes[0]), id_of(&codes[1]));
        let mut conn = app.conn();
        let answers = AnswerSet::new();
        respond::save_draft(&mut conn, first, &answers, 2, today()).unwrap();
        respond::save_draft(&mut conn, second, &answers, 1, today()).unwrap();
        assert_eq!(app.count("drafts"), 2);
        // Marked used by a plain UPDATE (not the product's send): the trigger still forgets.
        diesel::update(invitations::table.find(first))
            .set(invitations::used.eq(true))
            .execute(&mut conn)
            .unwrap();
        let left: Vec<i64> = drafts::table
            .select(drafts::invitation_id)
            .load(&mut conn)
            .unwrap();
        assert_eq!(left, vec![second], "only the unused code keeps its draft");
        let late = respond::save_draft(&mut conn, first, &answers, 3, today());
        assert!(matches!(late, Err(RespondError::Used)), "{late:?}");
        assert_eq!(app.count("drafts"), 1, "the late draft is not stored");
        let unknown = respond::save_draft(&mut conn, i64::MAX, &answers, 3, today());
        assert!(matches!(unknown, Err(RespondError::Unknown)), "{unknown:?}");
    }
);
