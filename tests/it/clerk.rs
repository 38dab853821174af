//! Texts in the right voice, and keyed paper forms with their number, on both databases.
//!
//! Staff and clerk pages are scanned for sentences written for residents: every text of the
//! resident's own keys (the stage of a complaint as the complainant reads it, the questionnaire's
//! answer errors) that differs from its staff wording, in every language. Counts are written with
//! the language's plural forms, a used code is its own message, and a keyed paper form needs its
//! number and is refused when that number is stored already, with nothing typed lost.

use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::complaints::workflow::State;
use klankbord::db::schema::{paper_forms, responses};
use klankbord::surveys::paper::sheet::form_number;
use klankbord::web::i18n::{t, t_count, Lang};

use crate::both_backends;
use crate::support::{Client, Resp};
use crate::surveys::{
    entry_fields, entry_post, entry_post_form, location, make_codes, standard, wave,
};

/// A text without its placeholders: the longest piece between `{ $…}` (what a page would show
/// whatever the values are).
fn fixed_part(text: &str) -> String {
    text.split(['{', '}'])
        .filter(|p| !p.starts_with('$') && !p.starts_with(" $"))
        .map(str::trim)
        .max_by_key(|p| p.chars().count())
        .unwrap_or("")
        .to_string()
}

/// Sentences written for residents that have a staff wording of their own.
fn resident_phrases(lang: Lang) -> Vec<(String, String)> {
    let mut out = vec![];
    for state in State::ALL {
        let code = state.code();
        let resident = t(lang, &format!("complaint-stage-{code}"));
        let staff = t(lang, &format!("case-stage-{code}"));
        if resident != staff {
            out.push((format!("complaint-stage-{code}"), resident));
        }
    }
    for key in [
        "answer-error-required",
        "answer-error-number",
        "answer-error-range",
        "answer-error-option",
        "answer-error-too-many",
        "answer-error-too-long",
        "answer-error-other",
    ] {
        out.push((key.to_string(), fixed_part(&t(lang, key))));
    }
    out.retain(|(_, p)| p.chars().count() >= 8);
    out
}

/// What a person reads on the page (the main part, without the markup).
fn shown(r: &Resp) -> String {
    r.texts("main").join(" ")
}

fn assert_staff_voice(lang: Lang, what: &str, r: &Resp) {
    let text = shown(r);
    for (key, phrase) in resident_phrases(lang) {
        assert!(
            !text.contains(&phrase),
            "{what} ({}) shows the resident's text {key}: {phrase}",
            lang.code()
        );
    }
}

/// Posts the entry form in `lang` with these fields (the form's own fields first).
fn post_entry(c: &Client, wave_id: i64, lang: Lang, fields: &[(String, String)]) -> Resp {
    let path = format!("/invoer/rondes/{wave_id}?lang={}", lang.code());
    let token = c.get(&path).csrf();
    let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
    all.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    c.post_raw(&path, &all)
}

both_backends!(
    staff_and_clerk_pages_speak_to_staff_in_every_language,
    |app| {
        // Complaints in the stages whose resident wording differs.
        let setup = crate::complaints::setup();
        let cases: Vec<(State, i64)> = [
            State::Mediation,
            State::FormalHandling,
            State::Heard,
            State::Advised,
            State::Decided,
        ]
        .into_iter()
        .map(|s| (s, crate::complaints::case_in(&app, &setup, s, true)))
        .collect();
        let (coordinator, _) = app.logged_in("coordinator.stem", &[Role::Klachtcoordinator]);
        // A keyed form with every kind of mistake.
        let def = standard();
        let w = wave(&app, 0, 30, &["web", "phone", "paper-keyed"]);
        let (clerk, _) = app.logged_in("invoer.stem", &[Role::Invoerder]);
        let mut bad: Vec<(String, String)> = entry_fields(&def)
            .into_iter()
            .filter(|(k, _)| {
                !["cijfer", "wat_goed", "laatste_contact", "kanaal"].contains(&k.as_str())
            })
            .collect();
        bad.extend([
            ("cijfer".to_string(), "11".to_string()),
            ("wat_goed".into(), "x".repeat(1001)),
            ("laatste_contact".into(), "1".into()),
            ("laatste_contact".into(), "2".into()),
            ("kanaal".into(), "anders".into()),
        ]);
        let mut form = vec![
            ("invoer-kanaal".to_string(), "paper-keyed".to_string()),
            ("invoer-formulier".into(), form_number(w.id, 1)),
            ("invoer-code".into(), String::new()),
            ("invoer-taal".into(), "nl".into()),
            ("invoer-hulp".into(), String::new()),
        ];
        form.extend(bad);

        for lang in Lang::ALL {
            let q = format!("?lang={}", lang.code());
            for (state, id) in &cases {
                let r = coordinator.get(&format!("/klachten/{id}{q}"));
                assert_eq!(r.status, 200);
                assert!(
                    shown(&r).contains(&t(lang, &format!("case-stage-{}", state.code()))),
                    "the stage in staff wording"
                );
                assert_staff_voice(lang, &format!("case in stage {}", state.code()), &r);
            }
            let r = coordinator.get(&format!("/klachten{q}"));
            assert_staff_voice(lang, "complaint list", &r);
            let r = coordinator.get(&format!("/klachten/register{q}"));
            assert_eq!(r.status, 200);
            assert_staff_voice(lang, "register", &r);

            let r = post_entry(&clerk, w.id, lang, &form);
            assert_eq!(r.status, 422, "{}", r.body);
            let text = shown(&r);
            for key in [
                "entry-error-range",
                "entry-error-too-long",
                "entry-error-too-many",
                "entry-error-other",
            ] {
                assert!(
                    text.contains(&fixed_part(&t(lang, key))),
                    "{key} in {}",
                    lang.code()
                );
            }
            assert_staff_voice(lang, "keyed entry with mistakes", &r);
        }
        assert!(!t(Lang::Nl, "entry-error-too-long").contains("Maak het korter"));
        assert_eq!(app.count("responses"), 0);
    }
);

both_backends!(counts_are_written_with_the_right_plural, |app| {
    let w = wave(&app, 0, 30, &["web"]);
    let (researcher, _) = app.logged_in("onderzoek.tel", &[Role::Onderzoeker]);
    let one = researcher.get(&format!(
        "/onderzoek/rondes/{}?lang=nl&melding=notice-invitations-queued&n=1",
        w.id
    ));
    assert!(
        shown(&one).contains("1 uitnodiging staat klaar"),
        "{}",
        shown(&one)
    );
    let three = researcher.get(&format!(
        "/onderzoek/rondes/{}?lang=nl&melding=notice-reminders-queued&n=3",
        w.id
    ));
    assert!(shown(&three).contains("3 herinneringen staan klaar"));
    for (key, one, many) in [
        (
            "case-letters-waiting",
            "1 brief ligt klaar",
            "3 brieven liggen klaar",
        ),
        (
            "register-count",
            "1 schriftelijke klacht",
            "3 schriftelijke klachten",
        ),
        (
            "paper-quarantine-more-problems",
            "nog 1 melding:",
            "nog 3 meldingen:",
        ),
        (
            "paper-report-too-long",
            "1 regel was te lang",
            "3 regels waren te lang",
        ),
        (
            "notice-invitations-queued",
            "1 uitnodiging staat",
            "3 uitnodigingen staan",
        ),
    ] {
        assert!(t_count(Lang::Nl, key, 1).contains(one), "{key}");
        assert!(t_count(Lang::Nl, key, 3).contains(many), "{key}");
    }
    let en = klankbord::web::i18n::t_nums(
        Lang::En,
        "paper-report-summary",
        &[
            ("rows", 1),
            ("imported", 1),
            ("quarantined", 0),
            ("duplicates", 0),
            ("empty", 0),
        ],
        &[],
    );
    assert!(en.starts_with("1 row:"), "{en}");
    // On a page: the register of a year with one written complaint.
    let setup = crate::complaints::setup();
    crate::complaints::case_in(&app, &setup, State::Decided, false);
    let (coordinator, _) = app.logged_in("coordinator.tel", &[Role::Klachtcoordinator]);
    let r = coordinator.get("/klachten/register?lang=nl");
    assert!(
        r.texts("caption")
            .iter()
            .any(|c| c == "1 schriftelijke klacht"),
        "{:?}",
        r.texts("caption")
    );
});

both_backends!(a_used_code_is_its_own_message_not_a_typing_mistake, |app| {
    let def = standard();
    let w = wave(&app, -1, 30, &["web", "phone"]);
    let code = make_codes(&app, w.id, 1).remove(0);
    let (clerk, _) = app.logged_in("invoer.code", &[Role::Invoerder]);
    location(&entry_post(
        &clerk,
        w.id,
        "phone",
        &code,
        &entry_fields(&def),
    ));
    let r = app.client().submit("/v?lang=nl", "/v", &[("code", &code)]);
    assert_eq!(r.status, 409);
    assert!(
        r.texts(".error-summary").is_empty(),
        "not under '{}'",
        t(Lang::Nl, "form-errors-title")
    );
    assert!(!shown(&r).contains(&t(Lang::Nl, "form-errors-title")));
    assert_eq!(r.texts(".notice h2"), [t(Lang::Nl, "respond-used-title")]);
    assert!(r.texts(".notice p")[0].contains(&t(Lang::Nl, "respond-error-used")));
    assert_eq!(
        r.attr("input#code", "aria-invalid"),
        None,
        "the field is not wrong"
    );
    // A mistyped code is still a mistake in the field.
    let r = app
        .client()
        .submit("/v?lang=nl", "/v", &[("code", "ACD-EFG-HJK")]);
    assert_eq!(
        r.texts(".error-summary h2"),
        [t(Lang::Nl, "form-errors-title")]
    );
});

both_backends!(
    a_keyed_paper_form_needs_its_number_and_is_never_stored_twice,
    |app| {
        let def = standard();
        let w = wave(&app, 0, 30, &["web", "paper-keyed", "paper-scan"]);
        let (clerk, _) = app.logged_in("invoer.nummer", &[Role::Invoerder]);
        let mut fields = entry_fields(&def);
        fields.retain(|(k, _)| k != "wat_goed");
        fields.push(("wat_goed".into(), "Aardig geholpen aan de balie".into()));

        // The page asks for the form number.
        let page = clerk.get(&format!("/invoer/rondes/{}?lang=nl", w.id));
        assert_eq!(
            page.texts("label[for=invoer-formulier]"),
            [t(Lang::Nl, "entry-form")]
        );
        // Without a number, or with one of another wave: refused, what was typed stays.
        let r = entry_post_form(&clerk, w.id, "paper-keyed", "", "", &fields);
        assert_eq!(r.status, 422);
        assert!(shown(&r).contains(&t(Lang::Nl, "paper-correct-error-form-empty")));
        assert_eq!(
            r.texts("textarea#wat_goed"),
            ["Aardig geholpen aan de balie"]
        );
        let other = form_number(w.id + 1, 5);
        let r = entry_post_form(&clerk, w.id, "paper-keyed", "", &other, &fields);
        assert_eq!(r.status, 422);
        assert_eq!(app.count("responses"), 0);

        // With its number: stored, and the number registered (typed in lower case is the same form).
        let number = form_number(w.id, 42);
        let r = entry_post_form(
            &clerk,
            w.id,
            "paper-keyed",
            "",
            &number.to_lowercase(),
            &fields,
        );
        let next = location(&r);
        assert!(next.contains("notice-entry-saved"));
        // The next empty form keeps the channel and language of this one (a stack of Polish
        // paper forms stays Polish; outside test: it jumped back to phone and Dutch).
        let fresh = clerk.get(&next);
        assert_eq!(
            fresh
                .attr("input[name=invoer-kanaal][checked]", "value")
                .as_deref(),
            Some("paper-keyed")
        );
        assert_eq!(
            fresh
                .attr("select[name=invoer-taal] option[selected]", "value")
                .as_deref(),
            Some("pl")
        );
        let forms: Vec<String> = paper_forms::table
            .filter(paper_forms::wave_id.eq(w.id))
            .select(paper_forms::form_id)
            .load(&mut app.conn())
            .unwrap();
        assert_eq!(forms, std::slice::from_ref(&number));

        // The same form typed in again: refused with a clear message, every typed answer still there.
        let mut again = fields.clone();
        again.retain(|(k, _)| k != "wat_goed" && k != "cijfer");
        again.push(("wat_goed".into(), "Tweede keer getypt".into()));
        again.push(("cijfer".into(), "3".into()));
        let r = entry_post_form(&clerk, w.id, "paper-keyed", "", &number, &again);
        assert_eq!(r.status, 409);
        assert!(shown(&r).contains(&t(Lang::Nl, "entry-error-form-stored")));
        assert_eq!(r.texts("textarea#wat_goed"), ["Tweede keer getypt"]);
        assert_eq!(r.attr("input#cijfer", "value").as_deref(), Some("3"));
        assert_eq!(
            r.attr("input#invoer-formulier", "value").as_deref(),
            Some(number.as_str())
        );
        assert_eq!(app.count("responses"), 1);
        // Also when typed another way: without the leading zeros, in small letters.
        for other_spelling in [format!("R{}-42", w.id), format!("r{}-0042", w.id)] {
            let r = entry_post_form(&clerk, w.id, "paper-keyed", "", &other_spelling, &again);
            assert_eq!(r.status, 409, "{other_spelling}");
        }
        assert_eq!(app.count("responses"), 1);

        // Once the product has printed forms of the wave, a number it did not print is a typing
        // error: refused with the numbers that were printed, the answers kept.
        crate::scans::print_forms(&app, &w, (40, 45));
        let r = entry_post_form(
            &clerk,
            w.id,
            "paper-keyed",
            "",
            &form_number(w.id, 142),
            &again,
        );
        assert_eq!(r.status, 422);
        assert!(shown(&r).contains(&klankbord::web::i18n::t_args(
            Lang::Nl,
            "paper-prints-error-not-printed",
            &[("printed", "40–45")]
        )));
        assert_eq!(r.texts("textarea#wat_goed"), ["Tweede keer getypt"]);
        assert_eq!(app.count("responses"), 1);

        // A scanned copy of the same form later is skipped as imported before.
        let header = "form_id,cijfer\n";
        let at = crate::paper::upload_and_wait(
            &clerk,
            w.id,
            "generic",
            "scan.csv",
            format!("{header}{number},8\n").as_bytes(),
        );
        let report = clerk.get(&format!("{at}?lang=nl"));
        assert!(report
            .body
            .contains(&t(Lang::Nl, "paper-rule-already-imported")));
        assert_eq!(
            responses::table
                .count()
                .get_result::<i64>(&mut app.conn())
                .unwrap(),
            1
        );
    }
);
