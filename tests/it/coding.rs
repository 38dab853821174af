//! The coding screen learns from the researcher while the app runs (issue 19): the learned model
//! is kept between pages and rebuilt as soon as she codes, without a restart. And open answers in
//! each of the other languages show their language, with suggestions from that language's cues or
//! a clear "no suggestions".

use klankbord::accounts::model::Role;
use klankbord::complaints::builder::ComplaintBuilder;
use klankbord::surveys::respond::{self, Meta};
use klankbord::surveys::waves::Wave;

use crate::both_backends;
use crate::surveys::wave;

/// The codes the coding screen proposes (marked, not ticked).
fn suggested_codes(page: &crate::support::Resp) -> Vec<String> {
    let doc = scraper::Html::parse_document(&page.body);
    let sel = scraper::Selector::parse("#coderen input[data-suggested=ja]").unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr("value").map(str::to_string))
        .collect()
}

fn answers(app: &crate::support::TestApp, w: &Wave, texts: &[(&str, &str)]) {
    let mut conn = app.conn();
    for (text, lang) in texts {
        let meta = Meta {
            channel: klankbord::surveys::channel::Channel::Web,
            helper: None,
            language: klankbord::web::i18n::Lang::from_code(lang).expect("a language"),
        };
        let json = format!(r#"{{"cp_luistert":3,"wat_beter":"{text}"}}"#);
        respond::insert_json(&mut conn, w, &json, &meta, w.opens_on).unwrap();
    }
}

// Sentences written for this test.
const PARKING: [&str; 6] = [
    "De parkeervergunning voor mijn bus was veel te duur.",
    "Ik kreeg geen parkeervergunning bij mijn huis.",
    "Waarom kost een parkeervergunning zoveel geld?",
    "Mijn parkeervergunning werd zomaar niet verlengd.",
    "De parkeervergunning kwam pas na een maand.",
    "Een parkeervergunning aanvragen vond ik lastig.",
];
const OTHER: [(&str, &str); 5] = [
    ("De medewerker was aardig en hielp mij goed.", "positief"),
    ("Ik ben tevreden over mijn consulent.", "positief"),
    (
        "Fijn dat de gemeente meedacht over mijn schulden.",
        "positief",
    ),
    ("Ik wacht al weken op mijn uitkering.", "lang_wachten"),
    ("Niemand belde mij terug over de bijstand.", "onbereikbaar"),
];
const NEW: &str = "Is de parkeervergunning nu weer duurder geworden?";

both_backends!(
    a_new_coding_changes_the_next_suggestion_without_a_restart,
    |app| {
        let w = wave(&app, -30, -10, &["web"]);
        let mut texts: Vec<(&str, &str)> = PARKING.iter().map(|t| (*t, "nl")).collect();
        texts.extend(OTHER.iter().map(|(t, _)| (*t, "nl")));
        texts.push((NEW, "nl"));
        answers(&app, &w, &texts);
        let (researcher, _) = app.logged_in("leren.onderzoeker", &[Role::Onderzoeker]);
        // Her own theme, with a word that is not in the new text.
        let added = researcher.submit(
            "/onderzoek/codeboek?lang=nl",
            "/onderzoek/codeboek",
            &[("naam", "Vervoer"), ("woorden", "reiskosten")],
        );
        assert_eq!(added.status, 303);
        let source = format!("/onderzoek/coderen?bron=ronde-{}&lang=nl", w.id);
        let key_of = |wanted: &str| -> String {
            let mut page = researcher.get(&source);
            for _ in 0..texts.len() {
                let key = page.attr("input[name=tekst]", "value").unwrap();
                if page.texts("#te-coderen").join(" ").contains(wanted) {
                    return key;
                }
                page = researcher.get(&format!("{source}&na={key}"));
            }
            panic!("{wanted} is not on the screen");
        };
        let new_key = key_of(NEW);
        let new_page = format!("{source}&tekst={new_key}");
        // Before she codes anything, the program has nothing to learn from.
        let before = researcher.get(&new_page);
        assert!(
            !suggested_codes(&before).contains(&"vervoer".to_string()),
            "{:?}",
            suggested_codes(&before)
        );
        // Seen twice, the screen shows the same (the kept model).
        assert_eq!(
            suggested_codes(&researcher.get(&new_page)),
            suggested_codes(&before)
        );
        // She codes the texts about parking permits with her theme, and the others.
        let coded: Vec<(&str, &str)> = PARKING
            .iter()
            .map(|t| (*t, "vervoer"))
            .chain(OTHER.iter().copied())
            .collect();
        for (text, code) in coded {
            let key = key_of(text);
            let r = researcher.submit(
                &format!("{source}&tekst={key}"),
                "/onderzoek/coderen",
                &[
                    ("bron", &format!("ronde-{}", w.id)),
                    ("tekst", &key),
                    ("code", code),
                ],
            );
            assert_eq!(r.status, 303);
        }
        // The next page of the new text proposes her theme, with the word that carried it.
        let after = researcher.get(&new_page);
        let proposed = suggested_codes(&after);
        assert!(proposed.contains(&"vervoer".to_string()), "{proposed:?}");
        let reason = after.texts("#reden-vervoer").join(" ");
        assert!(reason.contains("parkeervergunning"), "{reason}");
        assert!(
            after
                .texts("#te-coderen mark")
                .iter()
                .any(|m| m == "parkeervergunning"),
            "{:?}",
            after.texts("#te-coderen mark")
        );
        // Still a proposal: not ticked.
        let ticked: Vec<String> = after
            .form_values("#coderen")
            .into_iter()
            .filter(|(k, _)| k == "code")
            .map(|(_, v)| v)
            .collect();
        assert!(ticked.is_empty(), "{ticked:?}");
    }
);

both_backends!(
    answers_in_each_other_language_show_it_and_get_cues_in_it_or_a_clear_no,
    |app| {
        let w = wave(&app, -30, -10, &["web"]);
        // Sentences written for this test.
        let texts = [
            (
                "Nobody called me back and the staff were rude to me.",
                "en",
                "English",
            ),
            (
                "لم يتصل بي أحد ولم يساعدني الموظف في المكتب",
                "ar",
                "العربية",
            ),
            (
                "Kimse beni geri aramadı ve çalışan bana çok kaba davrandı.",
                "tr",
                "Türkçe",
            ),
            (
                "Nikt do mnie nie oddzwonił, a pracownik był bardzo niegrzeczny.",
                "pl",
                "Polski",
            ),
            (
                "Ніхто мені не передзвонив, і працівник був грубим.",
                "uk",
                "Українська",
            ),
        ];
        answers(&app, &w, &texts.map(|(t, l, _)| (t, l)));
        let (researcher, _) = app.logged_in("talen2.onderzoeker", &[Role::Onderzoeker]);
        let source = format!("/onderzoek/coderen?bron=ronde-{}&lang=nl", w.id);
        let mut page = researcher.get(&source);
        let mut seen = vec![];
        for _ in 0..texts.len() {
            let key = page.attr("input[name=tekst]", "value").unwrap();
            let shown = page.texts("#te-coderen").join(" ");
            let (_, lang, name) = texts
                .iter()
                .find(|(t, _, _)| shown.contains(&t.chars().take(8).collect::<String>()))
                .unwrap();
            let language = page.texts("#taal").join(" ");
            assert!(language.contains(name), "{language}");
            assert_eq!(page.attr("#te-coderen", "lang").as_deref(), Some(*lang));
            if *lang == "en" {
                assert!(suggested_codes(&page).contains(&"onbereikbaar".to_string()));
                assert!(page.texts("#geen-voorstellen").is_empty());
            } else {
                assert!(suggested_codes(&page).is_empty());
                assert!(page
                    .texts("#geen-voorstellen")
                    .join(" ")
                    .contains("Geen suggesties"));
            }
            seen.push(*lang);
            page = researcher.get(&format!("{source}&na={key}"));
        }
        seen.sort();
        assert_eq!(seen, ["ar", "en", "pl", "tr", "uk"]);
    }
);

both_backends!(
    a_complaint_on_the_coding_screen_shows_no_name_or_contact_details,
    |app| {
        let s = crate::complaints::setup();
        // The outside tester's description (test finding F5), and one that names the
        // complainant without a cue: only her stored name says it is a name.
        let tester = "ZULU9 Mijn klantmanager Jan de Vries zei dat ik loog. Ik ben Fatima El \
            Amrani, mijn BSN is 1234.56.782 en ook 123 456 782, bel mij op +31 6 1234 5678 of \
            06-12.34.56.78 of 0612 345 678, mail fatima(at)gmail.com of fatima @ gmail . com, IBAN \
            nl91 abna 0417 1643 00, ik woon op de Kerkstraat 12a in 1234AB Voorbeeld, Postcode \
            1234 ab. Geboren 01-02-1980. Mevr. Bakker en dhr Pietersen waren erbij. Kees van team \
            Werk ook. Mijn zoon Ahmed (15) moest zijn bankrekening laten zien.";
        let stored =
            "YANKEE4 Noor Haddou wacht al weken. Mail noor.h@voorbeeld.nl maar niemand belde.";
        for (description, name, email) in [
            (tester, "Fatima El Amrani", "fatima@gmail.com"),
            (stored, "Noor Haddou", "noor.h@voorbeeld.nl"),
        ] {
            ComplaintBuilder::new()
                .name(Some(name))
                .email(Some(email))
                .description(description)
                .register(&mut app.conn(), &s.env(), None)
                .unwrap();
        }
        let (researcher, _) = app.logged_in("privacy.onderzoeker", &[Role::Onderzoeker]);
        let year = chrono::Datelike::year(&klankbord::fmt::today());
        let source = format!("/onderzoek/coderen?bron=klachten-{year}&lang=nl");
        let mut page = researcher.get(&source);
        let mut shown = vec![];
        for _ in 0..2 {
            let key = page.attr("input[name=tekst]", "value").unwrap();
            shown.push(page.texts("#te-coderen").join(" "));
            page = researcher.get(&format!("{source}&na={key}"));
        }
        shown.sort();
        let [noor, zulu] = [&shown[0], &shown[1]];
        assert!(
            zulu.contains(
                "ZULU9 Mijn klantmanager [naam] zei dat ik loog. Ik ben [naam], mijn BSN is [BSN] \
                 en ook [BSN], bel mij op [telefoonnummer] of [telefoonnummer] of \
                 [telefoonnummer], mail [e-mailadres] of [e-mailadres], IBAN [rekeningnummer], ik \
                 woon op de [adres] in [adres] Voorbeeld, Postcode [adres]. Geboren \
                 [geboortedatum]. Mevr. [naam] en dhr [naam] waren erbij. [naam] van team Werk \
                 ook. Mijn zoon [naam] (15) moest zijn bankrekening laten zien."
            ),
            "{zulu}"
        );
        assert!(
            noor.contains("YANKEE4 [naam] wacht al weken. Mail [e-mailadres] maar niemand belde."),
            "{noor}"
        );
    }
);

both_backends!(
    a_running_waves_open_answers_come_in_groups_not_one_by_one,
    |app| {
        // Outside test F1: the coding screen listed a running wave's open answers as they came
        // in, so a new wording was the answer of the person who had just sent theirs.
        let w = wave(&app, -5, 20, &["web"]);
        let yesterday = klankbord::fmt::today() - chrono::Duration::days(1);
        let today = klankbord::fmt::today();
        let meta = Meta {
            channel: klankbord::surveys::channel::Channel::Web,
            helper: None,
            language: klankbord::web::i18n::Lang::Nl,
        };
        let mut conn = app.conn();
        for text in PARKING.iter().take(5) {
            let json = format!(r#"{{"cp_luistert":3,"wat_beter":"{text}"}}"#);
            respond::insert_json(&mut conn, &w, &json, &meta, yesterday).unwrap();
        }
        let json = format!(r#"{{"cp_luistert":3,"wat_beter":"{NEW}"}}"#);
        respond::insert_json(&mut conn, &w, &json, &meta, today).unwrap();
        drop(conn);
        let (researcher, _) = app.logged_in("lopend.codeur", &[Role::Onderzoeker]);
        let source = format!("/onderzoek/coderen?bron=ronde-{}&lang=nl", w.id);
        // Every text the screen offers, walking "next" until it comes round.
        let mut seen: Vec<String> = vec![];
        let mut keys: Vec<String> = vec![];
        let mut page = researcher.get(&source);
        while let Some(key) = page.attr("input[name=tekst]", "value") {
            if keys.contains(&key) {
                break;
            }
            seen.push(page.texts("#te-coderen").join(" "));
            keys.push(key.clone());
            page = researcher.get(&format!("{source}&na={key}"));
        }
        for text in PARKING.iter().take(5) {
            assert!(seen.iter().any(|s| s.contains(text)), "{text}: {seen:?}");
        }
        assert!(
            !seen.iter().any(|s| s.contains(NEW)),
            "today's answer waits for its group: {seen:?}"
        );
    }
);
