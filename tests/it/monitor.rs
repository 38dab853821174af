//! The council report on both databases: figures computed from real answers and complaints, small
//! groups hidden with a second figure where a total would give them away, the same in the page and
//! the open data, and only for the roles that may read reports.

use klankbord::accounts::model::Role;
use klankbord::complaints::terms::Channel;
use klankbord::surveys::respond::{self, Meta};

use crate::both_backends;
use crate::surveys::wave;

both_backends!(
    the_council_report_shows_only_figures_that_cannot_point_at_anyone,
    |app| {
        // Everything in the last quarter that has ended: a report publishes only finished
        // quarters and closed waves.
        let today = klankbord::fmt::today();
        let (year, _, q_from, _) = crate::disclosure::last_ended_quarter(today);
        let start = (q_from - today).num_days();
        let w = wave(&app, start, start + 20, &["web", "phone"]);
        // 160 people invited, out of a population of 1200.
        crate::surveys::make_codes(&app, w.id, 160);
        // 40 answer sets: 30 without terugvordering (positive), 10 with (negative); 2 by phone.
        let mut conn = app.conn();
        for i in 0..40 {
            let negative = i < 10;
            let json = format!(
                r#"{{"cp_luistert":{},"cp_vriendelijk":{},"brief_toon":{},"bereikbaar":{},"cp_behulpzaam":{},"cijfer":{},"terugvordering":"{}"}}"#,
                if negative { 2 } else { 5 },
                if negative { 1 } else { 4 },
                if i % 5 == 0 {
                    "\"nvt\"".to_string()
                } else {
                    "4".to_string()
                },
                if negative { 3 } else { 4 },
                4,
                if negative { 5 } else { 8 },
                if negative { "ja" } else { "nee" },
            );
            let meta = Meta {
                channel: if i >= 38 {
                    klankbord::surveys::channel::Channel::Phone
                } else {
                    klankbord::surveys::channel::Channel::Web
                },
                helper: None,
                language: klankbord::web::i18n::Lang::Nl,
            };
            respond::insert_json(&mut conn, &w, &json, &meta, w.opens_on).unwrap();
        }
        drop(conn);
        // Complaints in that quarter: 9 on the web, 3 by letter.
        let config = klankbord::config::Config::from_sources(None, &[]).unwrap();
        let setup = klankbord::complaints::Setup::new(std::sync::Arc::new(config)).unwrap();
        for i in 0..12 {
            klankbord::complaints::builder::ComplaintBuilder::new()
                .received_on(q_from)
                .channel(if i < 9 { Channel::Web } else { Channel::Letter })
                .name(None)
                .email(Some(&format!("k{i}@voorbeeld.nl")))
                .description("Niet teruggebeld.")
                .register(&mut app.conn(), &setup.env(), None)
                .unwrap();
        }
        let (council, _) = app.logged_in("rapport.raadslid", &[Role::Raadslid]);
        let page = council.get(&format!("/rapportage?periode={year}&lang=nl"));
        assert_eq!(page.status, 200, "{}", page.body);
        let text = page.texts("article.report").join(" ");
        // Response over the people invited; the population beside it, with the margin.
        assert!(
            text.contains(
                "40 ingevulde vragenlijsten van 160 uitgenodigde mensen. De respons is 25%."
            ) && text.contains("De doelgroep is 1200 mensen")
                && text.contains(
                    "Met 40 antwoorden uit een doelgroep van 1200 is de foutmarge 15,2 procentpunt"
                ),
            "{text}"
        );
        // Bejegening, as the codebook says: the mean of its questions' shares. cp_luistert 30/40,
        // cp_vriendelijk 30/40, brief_toon 32/32: (75 + 75 + 100) / 3 = 83.3% (pooled: 92/112 =
        // 82%). n: the most answered question (40).
        let dims = page.texts("#dimensies tbody tr");
        let bejegening = dims.iter().find(|r| r.starts_with("Bejegening")).unwrap();
        assert!(
            bejegening.starts_with("Bejegening83%*40*32"),
            "{bejegening}"
        );
        // Weet niet left out of brief_toon's base and reported as 20%.
        let brief = page
            .texts("#vragen tbody tr")
            .into_iter()
            .find(|r| r.contains("brieven"))
            .unwrap();
        assert!(brief.contains("32") && brief.contains("20%"), "{brief}");
        // The difference between people with and without terugvordering is significant and
        // large: said once, naming the group as people would.
        assert!(
            text.contains("Mensen die geld moesten terugbetalen zijn minder vaak positief over de bejegening dan de anderen (67 procentpunt verschil)."),
            "{text}"
        );
        assert_eq!(text.matches("terug te betalen zijn").count(), 0, "{text}");
        // Two phone answers are hidden, and the web group with them (the total would give them away).
        let groups = page.texts("#groepen tbody tr");
        let phone = groups
            .iter()
            .find(|g| g.contains("Telefoon"))
            .unwrap_or_else(|| panic!("{groups:?}"));
        let web = groups.iter().find(|g| g.contains("Internet")).unwrap();
        assert!(
            phone.ends_with("––") || phone.matches('–').count() == 2,
            "{phone}"
        );
        assert!(web.matches('–').count() == 2, "{web}");
        // Complaints: 12 in, the 3 letters hidden and the 9 web ones with them.
        let funnel = page.texts("#klachten table:first-of-type tbody tr");
        assert!(funnel[0].starts_with("Binnengekomen12"), "{funnel:?}");
        let channels: Vec<String> = page
            .texts("#klachten table")
            .into_iter()
            .filter(|t| t.contains("per kanaal"))
            .collect();
        assert!(
            channels[0].contains("Brief")
                && channels[0].contains("Website")
                && !channels[0].contains("web")
                && !channels[0].contains(" 3")
                && !channels[0].contains(" 9"),
            "{channels:?}"
        );
        // The norm table judges each norm; the yearly report carries the register.
        let norms = page.texts("#normen tbody tr");
        assert!(norms.len() >= 4, "{norms:?}");
        let respect = norms
            .iter()
            .find(|n| n.contains("vriendelijk en met respect"))
            .unwrap();
        // cp_vriendelijk 30 of 40 positive (cp_serieus unanswered): 75%, under 80, over 65.
        assert!(
            respect.contains("75%") && respect.ends_with("gedeeltelijk voldaan"),
            "{respect}"
        );
        // The register appendix in figures: 12 written complaints, all still running.
        let register = page.texts("#register tbody tr");
        assert!(
            register[0].starts_with("Schriftelijke klachten12")
                && register
                    .iter()
                    .any(|r| r.starts_with("Nog in behandeling12")),
            "{register:?}"
        );
        assert!(page.texts("#opvolging p")[0].contains("geen acties"));
        // Open data: the same figures; nothing published on fewer than 5 people.
        let csv = council.get(&format!("/rapportage/open-data.csv?periode={year}"));
        assert_eq!(csv.status, 200);
        let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
        let mut rows = 0;
        for rec in reader.records() {
            let rec = rec.unwrap();
            rows += 1;
            let (value, n, shown) = (&rec[4], &rec[5], &rec[6]);
            if shown == "verborgen" {
                assert!(value.is_empty() && n.is_empty(), "{rec:?}");
            } else if let Ok(n) = n.parse::<u64>() {
                assert!(n == 0 || n >= 5, "{rec:?}");
            }
        }
        assert!(rows > 50);
        // Every figure in the open data is explained in its codebook.
        let book = council.get("/rapportage/open-data-codeboek.csv");
        assert_eq!(book.status, 200);
        let explained: Vec<String> = csv::Reader::from_reader(book.body.as_bytes())
            .records()
            .map(|r| r.unwrap()[1].to_string())
            .collect();
        for rec in csv::Reader::from_reader(csv.body.as_bytes()).records() {
            let rec = rec.unwrap();
            assert!(
                explained.contains(&rec[2].to_string()),
                "{} not in the codebook",
                &rec[2]
            );
        }
        let header = csv.body.lines().next().unwrap();
        assert!(
            header
                .split(',')
                .all(|c| explained.contains(&c.to_string())),
            "{header}"
        );
        assert!(
            csv.body.contains("kanaal=phone,,,verborgen"),
            "{}",
            csv.body
        );
        let json: serde_json::Value = serde_json::from_str(
            &council
                .get(&format!("/rapportage/open-data.json?periode={year}"))
                .body,
        )
        .unwrap();
        assert_eq!(json["survey"]["answered"], 40);
        assert_eq!(json["k"], 5);
        // A council member sees no single case and no answers.
        assert_eq!(council.get("/klachten").status, 403);
        assert_eq!(
            council
                .get(&format!("/onderzoek/rondes/{}/antwoorden.csv", w.id))
                .status,
            403
        );
        // A period that is not one is explained.
        let bad = council.get("/rapportage?periode=vorig-jaar&lang=nl");
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("2026-Q3"));
    }
);

both_backends!(
    quotes_come_cleaned_from_large_enough_waves_and_only_once_approved,
    |app| {
        use chrono::Datelike;
        use diesel::prelude::*;
        use klankbord::db::schema::quotes;
        let today = klankbord::fmt::today();
        let small = wave(&app, -20, -1, &["web"]);
        let big = wave(&app, -20, -1, &["web"]);
        let meta = Meta {
            channel: klankbord::surveys::channel::Channel::Web,
            helper: None,
            language: klankbord::web::i18n::Lang::Nl,
        };
        let mut conn = app.conn();
        for i in 0..12 {
            let text = match i % 3 {
                0 => "Mevrouw Jansen belde mij netjes terug, binnen een dag.",
                1 => "Bel me op 06-12345678, dan leg ik uit wat er misging.",
                _ => "Kort.",
            };
            let json = format!(r#"{{"cp_luistert":4,"wat_goed":"{text}"}}"#);
            respond::insert_json(&mut conn, &big, &json, &meta, big.closes_on).unwrap();
            if i < 9 {
                respond::insert_json(&mut conn, &small, &json, &meta, small.closes_on).unwrap();
            }
        }
        drop(conn);
        let (researcher, _) = app.logged_in("citaten.onderzoeker", &[Role::Onderzoeker]);
        for w in [&small, &big] {
            let path = format!("/onderzoek/rondes/{}/citaten", w.id);
            assert_eq!(researcher.submit(&path, &path, &[]).status, 303);
        }
        let stored: Vec<(i64, String)> = quotes::table
            .order(quotes::id)
            .select((quotes::wave_id, quotes::text))
            .load(&mut app.conn())
            .unwrap();
        // Nine answers are too few; from twelve, two distinct texts, cleaned, and nothing too short.
        assert!(stored.iter().all(|(w, _)| *w == big.id), "{stored:?}");
        let texts: Vec<&str> = stored.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts.contains(&"Mevrouw [naam] belde mij netjes terug, binnen een dag."));
        assert!(texts.contains(&"Bel me op [telefoonnummer], dan leg ik uit wat er misging."));
        // Asking again adds nothing.
        let path = format!("/onderzoek/rondes/{}/citaten", big.id);
        researcher.submit(&path, &path, &[]);
        assert_eq!(app.count("quotes"), 2);
        // Not yet approved: not in the report.
        let (council, _) = app.logged_in("citaten.raadslid", &[Role::Raadslid]);
        let report = format!("/rapportage?periode={}", big.closes_on.year());
        assert!(council.get(&report).texts("#citaten blockquote").is_empty());
        // Approve one (shortened; a name typed back in is removed again), reject the other.
        let page = researcher.get(&format!("{path}?lang=nl"));
        let forms = page.texts("form.quote legend");
        assert_eq!(forms.len(), 2);
        let ids: Vec<i64> = quotes::table
            .order(quotes::id)
            .select(quotes::id)
            .load(&mut app.conn())
            .unwrap();
        let r = researcher.submit(
            &path,
            &format!("{path}/{}", ids[0]),
            &[
                ("besluit", "goedkeuren"),
                ("tekst", "Mevrouw Jansen belde mij netjes terug."),
            ],
        );
        assert_eq!(r.status, 303);
        researcher.submit(
            &path,
            &format!("{path}/{}", ids[1]),
            &[("besluit", "afwijzen"), ("tekst", "x x")],
        );
        let quotes_shown = council.get(&report).texts("#citaten blockquote");
        assert_eq!(
            quotes_shown,
            ["\u{201c}Mevrouw [naam] belde mij netjes terug.\u{201d}"]
        );
        // The report is made again when the data changes (a late paper form, for example).
        let json = |c: &crate::support::Client| -> serde_json::Value {
            serde_json::from_str(
                &c.get(&format!(
                    "/rapportage/open-data.json?periode={}",
                    big.closes_on.year()
                ))
                .body,
            )
            .unwrap()
        };
        assert_eq!(json(&council)["survey"]["answered"], 12);
        // A paper form that comes in after the closing date waits until at least 5 have (see
        // tests/it/disclosure.rs): one more answer changes nothing a council member can see.
        respond::insert_json(&mut app.conn(), &big, r#"{"cp_luistert":5}"#, &meta, today).unwrap();
        assert_eq!(json(&council)["survey"]["answered"], 12);
        // A council member cannot make or approve quotes.
        assert_eq!(council.submit(&report, &path, &[]).status, 403);
    }
);

/// The codes the coding screen proposes (marked, not ticked).
fn suggested_codes(page: &crate::support::Resp) -> Vec<String> {
    let doc = scraper::Html::parse_document(&page.body);
    let sel = scraper::Selector::parse("#coderen input[data-suggested=ja]").unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr("value").map(str::to_string))
        .collect()
}

both_backends!(
    a_researcher_codes_open_answers_and_complaints_and_the_report_counts_the_themes,
    |app| {
        use diesel::prelude::*;
        use klankbord::db::schema::{coded_texts, text_codes};
        let today = klankbord::fmt::today();
        // The wave and the complaints in the last quarter that has ended (a report publishes
        // complaints per finished quarter).
        let (year, _, q_from, _) = crate::disclosure::last_ended_quarter(today);
        let start = (q_from - today).num_days();
        let w = wave(&app, start, start + 20, &["web"]);
        let meta = Meta {
            channel: klankbord::surveys::channel::Channel::Web,
            helper: None,
            language: klankbord::web::i18n::Lang::Nl,
        };
        // Three wordings: one given 8 times, one 6 times, one once (with a phone number in it).
        let mut conn = app.conn();
        for i in 0..15 {
            let text = match i {
                0..=7 => "Ik moet lang wachten als ik bel.",
                8..=13 => "De reiskosten voor de bus naar het werkplein worden niet vergoed.",
                _ => "Bel me op 06-12345678, niemand hielp me.",
            };
            let json = format!(r#"{{"cp_luistert":4,"wat_beter":"{text}"}}"#);
            respond::insert_json(&mut conn, &w, &json, &meta, w.opens_on).unwrap();
        }
        drop(conn);
        let (researcher, _) = app.logged_in("coderen.onderzoeker", &[Role::Onderzoeker]);
        // The researcher adds a theme with its own words first.
        let book = "/onderzoek/codeboek?lang=nl";
        let bad = researcher.submit(
            book,
            "/onderzoek/codeboek",
            &[("naam", "!!"), ("woorden", "")],
        );
        assert_eq!(bad.status, 422);
        assert!(bad
            .texts(".error-summary")
            .join(" ")
            .contains("Geef het thema een naam"));
        let added = researcher.submit(
            book,
            "/onderzoek/codeboek",
            &[("naam", "Vervoer"), ("woorden", "bus, reiskosten")],
        );
        assert_eq!(added.status, 303);
        let source = format!("/onderzoek/coderen?bron=ronde-{}&lang=nl", w.id);
        let page = researcher.get(&source);
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("0 van 3 teksten gecodeerd"),
            "{}",
            page.body
        );
        // Texts come by hash, not in the order they were given: find which one is shown.
        let shown = page.texts("#te-coderen").join(" ");
        assert!(
            !shown.contains("06-12345678"),
            "contact details are removed: {shown}"
        );
        let mut coded = 0;
        let mut current = page;
        while let Some(key) = current.attr("input[name=tekst]", "value") {
            let text = current.texts("#te-coderen").join(" ");
            let ticked: Vec<String> = current
                .form_values("#coderen")
                .into_iter()
                .filter(|(k, _)| k == "code")
                .map(|(_, v)| v)
                .collect();
            // Suggestions are proposals: marked, with their words, never ticked for her.
            assert!(ticked.is_empty(), "nothing is pre-ticked: {ticked:?}");
            let proposed = suggested_codes(&current);
            assert!(current.texts("#taal").join(" ").contains("Nederlands"));
            let mut fields = vec![("bron", format!("ronde-{}", w.id)), ("tekst", key.clone())];
            // The researcher's own codes: accepts some suggestions, adds a norm, leaves one.
            let codes: Vec<&str> = if text.contains("wachten") {
                assert!(
                    proposed.contains(&"lang_wachten".to_string()),
                    "{proposed:?}"
                );
                assert!(
                    proposed.contains(&"voortvarendheid".to_string()),
                    "{proposed:?}"
                );
                // The words that triggered it are highlighted in the text and named beside it.
                assert!(current
                    .texts("#te-coderen mark")
                    .iter()
                    .any(|m| m.contains("wachten")));
                assert!(current
                    .texts("#reden-lang_wachten mark")
                    .iter()
                    .any(|m| m.contains("wachten")));
                vec!["lang_wachten", "onbereikbaar"]
            } else if text.contains("reiskosten") {
                assert!(proposed.contains(&"vervoer".to_string()), "{proposed:?}");
                // One button takes the suggestions over, besides what she ticked.
                fields.push(("overnemen", "ja".to_string()));
                vec!["maatwerk"]
            } else {
                assert!(text.contains("[telefoonnummer]"), "{text}");
                vec!["niet_geholpen"]
            };
            fields.extend(codes.iter().map(|c| ("code", c.to_string())));
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let r = researcher.submit(&source, "/onderzoek/coderen", &fields);
            assert_eq!(r.status, 303);
            coded += 1;
            current = researcher.get(&source);
            assert!(current
                .body
                .contains(&format!("{coded} van 3 teksten gecodeerd")));
            assert!(coded <= 3);
        }
        // Per code: suggested and accepted, suggested and rejected, or her own.
        let decisions: Vec<(String, bool, bool, String, String)> = text_codes::table
            .select((
                text_codes::code,
                text_codes::chosen,
                text_codes::suggested,
                text_codes::decision,
                text_codes::suggested_by,
            ))
            .load(&mut app.conn())
            .unwrap();
        let find = |code: &str| {
            decisions
                .iter()
                .find(|d| d.0 == code)
                .unwrap_or_else(|| panic!("{code} in {decisions:?}"))
        };
        assert_eq!(find("lang_wachten").3, "aanvaard");
        assert_eq!(find("lang_wachten").4, "woorden");
        assert_eq!(find("onbereikbaar").3, "zelf");
        assert_eq!(
            (
                find("voortvarendheid").1,
                find("voortvarendheid").3.as_str()
            ),
            (false, "afgewezen")
        );
        assert_eq!(find("vervoer").3, "aanvaard");
        assert_eq!(find("maatwerk").3, "zelf");
        for d in &decisions {
            let want = match (d.2, d.1) {
                (true, true) => "aanvaard",
                (true, false) => "afgewezen",
                _ => "zelf",
            };
            assert_eq!(d.3, want, "{d:?}");
        }
        assert!(current
            .texts("p.notice")
            .join(" ")
            .contains("Alle teksten zijn gecodeerd"));
        // A code that is not in the codebook is refused; nothing changes.
        let key = current.attr("tbody a", "href").unwrap();
        let key = key.split("tekst=").nth(1).unwrap().to_string();
        let r = researcher.submit(
            &source,
            "/onderzoek/coderen",
            &[
                ("bron", &format!("ronde-{}", w.id)),
                ("tekst", &key),
                ("code", "bestaat_niet"),
            ],
        );
        assert_eq!(r.status, 400);
        // Stored by wording with how often it was given; no link to an answer set.
        let stored: Vec<(String, i32)> = coded_texts::table
            .order(coded_texts::times)
            .select((coded_texts::text_key, coded_texts::times))
            .load(&mut app.conn())
            .unwrap();
        assert_eq!(stored.iter().map(|s| s.1).collect::<Vec<_>>(), [1, 6, 8]);
        assert!(stored
            .iter()
            .all(|(k, _)| k.starts_with(&format!("a:{}:", w.id))
                && k.len() == 2 + w.id.to_string().len() + 1 + 32));
        // Agreement of the suggestions with these codes, as the screen reports it.
        let pairs: Vec<(bool, bool)> = text_codes::table
            .select((text_codes::chosen, text_codes::suggested))
            .load(&mut app.conn())
            .unwrap();
        let both = pairs.iter().filter(|p| **p == (true, true)).count() as u64;
        let only_s = pairs.iter().filter(|p| **p == (false, true)).count() as u64;
        let only_c = pairs.iter().filter(|p| **p == (true, false)).count() as u64;
        let (precision, recall) =
            klankbord::monitor::coding::precision_recall_counts(both, only_s, only_c);
        assert!(both >= 3 && only_c >= 1, "{pairs:?}");
        assert!(current
            .texts("#overeenstemming")
            .join(" ")
            .contains(&format!(
                "{:.0}% van de voorstellen klopte (precisie) en {:.0}% van uw codes",
                100.0 * precision,
                100.0 * recall
            )));
        // Complaint descriptions are coded on the same screen, cleaned and without case numbers.
        let config = klankbord::config::Config::from_sources(None, &[]).unwrap();
        let setup = klankbord::complaints::Setup::new(std::sync::Arc::new(config)).unwrap();
        for i in 0..6 {
            klankbord::complaints::builder::ComplaintBuilder::new()
                .received_on(q_from)
                .channel(klankbord::complaints::terms::Channel::Web)
                .name(None)
                .email(Some(&format!("c{i}@voorbeeld.nl")))
                .description("Ik wacht al weken. Mail mij op jan@voorbeeld.nl.")
                .register(&mut app.conn(), &setup.env(), None)
                .unwrap();
        }
        let complaints = format!("/onderzoek/coderen?bron=klachten-{year}&lang=nl");
        let case_numbers: Vec<String> = klankbord::db::schema::complaints::table
            .select((
                klankbord::db::schema::complaints::received_on,
                klankbord::db::schema::complaints::id,
            ))
            .load::<(chrono::NaiveDate, i64)>(&mut app.conn())
            .unwrap()
            .into_iter()
            .map(|(d, id)| klankbord::complaints::store::case_number_of(d, id))
            .collect();
        for _ in 0..6 {
            let page = researcher.get(&complaints);
            let text = page.texts("#te-coderen").join(" ");
            assert!(
                text.contains("[e-mailadres]") && !text.contains("jan@"),
                "{text}"
            );
            assert!(case_numbers.iter().all(|n| !page.body.contains(n.as_str())));
            assert!(page
                .texts("p.small")
                .join(" ")
                .contains("Omschrijving van een klacht"));
            let key = page.attr("input[name=tekst]", "value").unwrap();
            assert!(key.starts_with("k:"));
            let r = researcher.submit(
                &complaints,
                "/onderzoek/coderen",
                &[
                    ("bron", &format!("klachten-{year}")),
                    ("tekst", &key),
                    ("code", "lang_wachten"),
                ],
            );
            assert_eq!(r.status, 303);
        }
        // The report counts themes: people whose answer had it, and complaints.
        let (council, _) = app.logged_in("coderen.raadslid", &[Role::Raadslid]);
        let report = council.get(&format!("/rapportage?periode={year}&lang=nl"));
        let rows = report.texts("#themas tbody tr");
        // The method says how well the suggestions agreed, over everything coded.
        let method = report.texts("#methode li").join(" ");
        assert!(
            method.contains("In alle 9 gecodeerde teksten tot nu toe klopte"),
            "{method}"
        );
        assert!(
            method.contains("Alle voorstellen worden dus door een mens gecontroleerd"),
            "{method}"
        );
        // Only chosen codes count: the rejected suggestion is in no figure.
        assert!(
            rows.iter().all(|r| !r.starts_with("Voortvarendheid")),
            "{rows:?}"
        );
        let wait = rows.iter().find(|r| r.starts_with("Lang wachten")).unwrap();
        assert!(wait.starts_with("Lang wachten8*6*14*"), "{wait}");
        let transport = rows.iter().find(|r| r.starts_with("Vervoer")).unwrap();
        assert!(transport.starts_with("Vervoer6*06*"), "{transport}");
        // One person's text: hidden, and with no other part to hide, its total too.
        let helped = rows
            .iter()
            .find(|r| r.starts_with("Niet geholpen"))
            .unwrap();
        assert_eq!(helped.matches('–').count(), 2, "{helped}");
        let json: serde_json::Value = serde_json::from_str(
            &council
                .get(&format!("/rapportage/open-data.json?periode={year}"))
                .body,
        )
        .unwrap();
        let themes = json["themes"].as_array().unwrap();
        assert!(themes
            .iter()
            .all(|t| ["survey", "complaints", "count", "previous"]
                .iter()
                .all(|c| t[c]["n"].as_u64().is_none_or(|n| n == 0 || n >= 5))));
        // The coding screen is the researcher's only.
        assert_eq!(council.get(&complaints).status, 403);
    }
);

both_backends!(
    open_answers_in_other_languages_show_their_language_and_get_their_own_suggestions_or_none,
    |app| {
        let today = klankbord::fmt::today();
        let w = wave(&app, -30, -10, &["web"]);
        let english = "Nobody called me back and the staff were rude to me.";
        let arabic = "لم يتصل بي أحد ولم يساعدني الموظف في المكتب";
        let mut conn = app.conn();
        for (text, lang) in [(english, "en"), (arabic, "ar")] {
            let meta = Meta {
                channel: klankbord::surveys::channel::Channel::Web,
                helper: None,
                language: klankbord::web::i18n::Lang::from_code(lang).expect("a language"),
            };
            let json = format!(r#"{{"cp_luistert":2,"wat_beter":"{text}"}}"#);
            respond::insert_json(&mut conn, &w, &json, &meta, w.opens_on).unwrap();
        }
        drop(conn);
        let _ = today;
        let (researcher, _) = app.logged_in("talen.onderzoeker", &[Role::Onderzoeker]);
        let source = format!("/onderzoek/coderen?bron=ronde-{}&lang=nl", w.id);
        let mut seen = vec![];
        let mut current = researcher.get(&source);
        while let Some(key) = current.attr("input[name=tekst]", "value") {
            let text = current.texts("#te-coderen").join(" ");
            let language = current.texts("#taal").join(" ");
            if text.contains("Nobody") {
                assert!(language.contains("English"), "{language}");
                assert_eq!(current.attr("#te-coderen", "lang").as_deref(), Some("en"));
                let proposed = suggested_codes(&current);
                assert!(
                    proposed.contains(&"onbereikbaar".to_string())
                        && proposed.contains(&"respectloos".to_string()),
                    "{proposed:?}"
                );
                assert!(current.texts("#geen-voorstellen").is_empty());
            } else {
                assert!(language.contains("العربية"), "{language}");
                assert_eq!(current.attr("#te-coderen", "lang").as_deref(), Some("ar"));
                assert!(suggested_codes(&current).is_empty());
                assert!(current
                    .texts("#geen-voorstellen")
                    .join(" ")
                    .contains("Geen suggesties"));
            }
            seen.push(language);
            let r = researcher.submit(
                &source,
                "/onderzoek/coderen",
                &[
                    ("bron", &format!("ronde-{}", w.id)),
                    ("tekst", &key),
                    ("code", "niet_geholpen"),
                ],
            );
            assert_eq!(r.status, 303);
            current = researcher.get(&source);
            assert!(seen.len() <= 2);
        }
        assert_eq!(seen.len(), 2);
    }
);

both_backends!(
    a_complaint_with_a_corrupt_stored_state_is_an_error_not_received,
    |app| {
        use diesel::prelude::*;
        use klankbord::complaints::read_model;
        use klankbord::complaints::workflow::State;
        use klankbord::db::schema::complaints;
        let today = klankbord::fmt::today();
        let (year, _, q_from, q_to) = crate::disclosure::last_ended_quarter(today);
        let id = crate::disclosure::complaint(&app, q_from, Channel::Web, 1);
        let (council, _) = app.logged_in("rapport.raadslid", &[Role::Raadslid]);
        let report = format!("/rapportage?periode={year}&lang=nl");
        // As registered: received.
        let facts = read_model::facts(&mut app.conn(), q_from, q_to).unwrap();
        assert_eq!(
            facts.iter().map(|f| (f.id, f.state)).collect::<Vec<_>>(),
            [(id, State::Received)]
        );
        // A state the product does not know (a corrupt row) is an error, not "received". (The
        // change time moves too, so no report made before is served from the cache.)
        diesel::update(complaints::table.find(id))
            .set((
                complaints::state.eq("kapot"),
                complaints::updated_at.eq(klankbord::db::now() + chrono::Duration::seconds(5)),
            ))
            .execute(&mut app.conn())
            .unwrap();
        let err = read_model::facts(&mut app.conn(), q_from, q_to).unwrap_err();
        assert!(err.to_string().contains("state"), "{err}");
        // The report is not made from it: the page says something went wrong.
        let page = council.get(&report);
        assert_eq!(page.status, 500, "{}", page.body);
        assert!(!page.body.contains("Binnengekomen"), "{}", page.body);
    }
);
