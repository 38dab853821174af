//! Demo data for a fictitious municipality, "Gemeente Voorbeeld": one account per role, a closed
//! survey wave with about 300 answers across channels and an open wave.

use crate::accounts::audit::Actor;
use crate::accounts::model::Role;
use crate::accounts::service::{self, NewAccount};
use crate::db::DbConnection;

/// Password of every demo account: `<role>` followed by this suffix (only for the demo database).
pub const DEMO_PASSWORD_SUFFIX: &str = "-Demo!Tulpenveld-2026";

/// The demo login of a role: (username, password).
pub fn demo_login(role: Role) -> (String, String) {
    (
        role.code().to_string(),
        format!("{}{DEMO_PASSWORD_SUFFIX}", role.code()),
    )
}

fn demo_name(role: Role) -> &'static str {
    match role {
        Role::Beheerder => "Bea Beheer",
        Role::Onderzoeker => "Olaf Onderzoek",
        Role::Invoerder => "Ingrid Invoer",
        Role::Klachtcoordinator => "Karim Coördinatie",
        Role::Klachtbehandelaar => "Kees Behandeling",
        Role::Commissielid => "Cor Commissie",
        Role::Raadslid => "Rachida Raad",
    }
}

/// How residents reach the demo municipality: believable, but not a working number (14 + an area
/// code that does not exist) and the example domain used throughout the documentation.
pub fn demo_contact() -> crate::config::Contact {
    crate::config::Contact {
        municipality: "Gemeente Voorbeeld".into(),
        phone: Some("14 0123".into()),
        email: Some("info@voorbeeld.nl".into()),
        website: Some("https://www.voorbeeld.nl".into()),
        postal_address: Some("Postbus 1000, 1234 AB Voorbeeld".into()),
        visiting_address: Some("Raadhuisplein 1, 1234 AB Voorbeeld".into()),
        opening_hours: Some(
            "maandag tot en met vrijdag 8.30 tot 17.00 uur, donderdag tot 20.00 uur".into(),
        ),
        privacy_officer_email: Some("fg@voorbeeld.nl".into()),
    }
}

/// Fills in the demo's contact details where the configuration left them empty (what an operator
/// set is kept), so the demo shows the municipality's details everywhere.
pub fn fill_contact(config: &mut crate::config::Config) {
    let demo = demo_contact();
    let c = std::sync::Arc::make_mut(&mut config.contact);
    c.phone = c.phone.take().or(demo.phone);
    c.email = c.email.take().or(demo.email);
    c.website = c.website.take().or(demo.website);
    c.postal_address = c.postal_address.take().or(demo.postal_address);
    c.visiting_address = c.visiting_address.take().or(demo.visiting_address);
    c.opening_hours = c.opening_hours.take().or(demo.opening_hours);
    c.privacy_officer_email = c
        .privacy_officer_email
        .take()
        .or(demo.privacy_officer_email);
}

/// Fills a freshly migrated database with the demo data; returns a few unused invitation codes of
/// the open wave, to try the questionnaire with.
pub fn seed(
    conn: &mut DbConnection,
    env: &crate::complaints::store::Env<'_>,
) -> anyhow::Result<Vec<String>> {
    for role in Role::ALL {
        let (username, password) = demo_login(role);
        service::create_user(
            conn,
            NewAccount {
                username,
                display_name: demo_name(role).to_string(),
                password,
                roles: vec![role],
            },
            Actor::System,
        )
        .map_err(|e| anyhow::anyhow!("demo account {}: {e}", role.code()))?;
    }
    let codes = seed_surveys(conn, crate::surveys::today())?;
    seed_complaints(conn, env, crate::surveys::today())?;
    seed_quotes(conn)?;
    seed_coding(conn)?;
    Ok(codes)
}

/// Comments people might write, for the demo only (positive, mixed, negative).
const GOOD: &[&str] = &[
    "Mijn klantmanager belt terug als ze dat zegt.",
    "Ik werd vriendelijk geholpen aan de balie.",
    "De uitleg over mijn uitkering was duidelijk.",
    "Ze namen de tijd om naar mij te luisteren.",
];
const BETTER: &[&str] = &[
    "De brieven zijn moeilijk te begrijpen.",
    "Ik moet lang wachten als ik bel.",
    "Ik voelde me niet vertrouwd toen ik alles moest laten zien.",
    "Elke keer een andere medewerker, ik moet alles opnieuw vertellen.",
    "Bij de terugvordering werd niet naar mijn situatie gekeken.",
];

/// How the demo researcher coded the demo comments: themes, and a norm where one applies. Some
/// differ from the program's suggestions, as a researcher's codes do.
const DEMO_CODES: &[(&str, &[&str])] = &[
    (GOOD[0], &["positief", "onbereikbaar"]),
    (GOOD[1], &["positief"]),
    (GOOD[2], &["positief", "goede_informatieverstrekking"]),
    (GOOD[3], &["positief", "luisteren"]),
    (BETTER[0], &["brieven", "goede_informatieverstrekking"]),
    (BETTER[1], &["lang_wachten", "onbereikbaar"]),
    (BETTER[2], &["wantrouwen", "privacy"]),
    (BETTER[3], &["wisseling"]),
    (BETTER[4], &["geen_begrip", "maatwerk"]),
];

/// One believable answer set: a general mood, lower for people who had a terugvordering.
fn demo_answers(
    def: &crate::surveys::definition::Definition,
    rng: &mut impl rand::Rng,
) -> crate::surveys::answers::AnswerSet {
    use crate::surveys::answers::{is_shown, AnswerSet, Stored};
    use crate::surveys::definition::ItemKind;
    let recovery = rng.gen_bool(0.3);
    let mood: f64 = rng.gen_range(-1.2..1.2) - if recovery { 0.9 } else { 0.0 };
    let mut a = AnswerSet::new();
    for item in def.items() {
        if !is_shown(item, &a) || rng.gen_bool(0.04) {
            continue;
        }
        let noise: f64 = rng.gen_range(-0.9..0.9);
        let value = match &item.kind {
            ItemKind::Grade => {
                Stored::Number((6.6 + 1.6 * mood + noise).round().clamp(1.0, 10.0) as i64)
            }
            ItemKind::Scale { dont_know, .. } => match dont_know {
                Some(d) if rng.gen_bool(0.06) => Stored::Text(d.clone()),
                _ => Stored::Number((3.5 + mood + noise).round().clamp(1.0, 5.0) as i64),
            },
            ItemKind::Single { options, .. } => {
                let code = if item.key == "terugvordering" {
                    if recovery { "ja" } else { "nee" }.to_string()
                } else {
                    options[rng.gen_range(0..options.len())].code.clone()
                };
                Stored::Text(code)
            }
            ItemKind::Multi { options, .. } => {
                let first = rng.gen_range(0..options.len());
                let mut codes = vec![options[first].code.clone()];
                if rng.gen_bool(0.4) {
                    let second = rng.gen_range(0..options.len());
                    if second != first {
                        codes.push(options[second].code.clone());
                    }
                }
                codes.sort_by_key(|c| options.iter().position(|o| o.code == *c));
                Stored::List(codes)
            }
            ItemKind::Text { .. } => {
                if !rng.gen_bool(0.45) {
                    continue;
                }
                let pool = if item.key == "wat_goed" || (mood > 0.3 && item.key != "wat_beter") {
                    GOOD
                } else {
                    BETTER
                };
                Stored::Text(pool[rng.gen_range(0..pool.len())].to_string())
            }
            ItemKind::Number { min, max } => Stored::Number(rng.gen_range(*min..=*max)),
        };
        a.insert(item.key.clone(), value);
    }
    a
}

/// Two closed waves (last autumn's with 260 answers, this spring's with 300) and an open wave with
/// some answers and unused codes.
fn seed_surveys(conn: &mut DbConnection, today: chrono::NaiveDate) -> anyhow::Result<Vec<String>> {
    use crate::surveys::{respond, waves};
    use chrono::Duration;
    use diesel::prelude::*;
    use rand::{Rng, SeedableRng};
    waves::register_shipped(conn)?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(2026);
    let channels = [
        ("web", 0.52),
        ("assisted", 0.10),
        ("phone", 0.10),
        ("paper-keyed", 0.23),
        ("paper-scan", 0.05),
    ];
    let helpers = ["familie_vriend", "clientondersteuner", "hulpverlener"];
    let plans = [
        (
            "Cliëntervaring najaar",
            today - Duration::days(380),
            today - Duration::days(338),
            1150,
            800,
            260,
        ),
        (
            "Cliëntervaring voorjaar",
            today - Duration::days(250),
            today - Duration::days(208),
            1200,
            900,
            300,
        ),
        (
            "Cliëntervaring najaar",
            today - Duration::days(14),
            today + Duration::days(28),
            1100,
            800,
            45,
        ),
    ];
    let mut try_codes = vec![];
    for (name, opens, closes, population, invited, answered) in plans {
        let id = waves::create_wave(
            conn,
            &waves::NewWave {
                name: format!("{name} {}", opens.format("%Y")),
                questionnaire: "bejegening-bijstand".into(),
                opens_on: opens,
                closes_on: closes,
                population,
                channels: vec![],
            },
            Actor::System,
        )?;
        let wave = waves::find_wave(conn, id)?;
        let def = respond::definition(conn, wave.version_id)?;
        let codes = waves::create_invitations(conn, id, invited, Actor::System)?;
        try_codes = codes[answered..answered + 3].to_vec();
        let span = (closes.min(today) - opens).num_days().max(1);
        for _ in 0..answered {
            let answers = demo_answers(&def, &mut rng);
            let roll: f64 = rng.gen_range(0.0..1.0);
            let mut acc = 0.0;
            let channel = channels
                .iter()
                .find(|(_, p)| {
                    acc += p;
                    roll < acc
                })
                .map(|(c, _)| *c)
                .unwrap_or("web");
            let helper = (channel == "assisted")
                .then(|| helpers[rng.gen_range(0..helpers.len())].to_string());
            // Most answers come in the first days after the letters.
            let day =
                opens + Duration::days((rng.gen_range(0.0f64..1.0).powi(2) * span as f64) as i64);
            let meta = respond::Meta {
                channel: channel.into(),
                helper,
                language: if rng.gen_bool(0.12) { "ar" } else { "nl" }.into(),
            };
            respond::submit(conn, &wave, &def, None, &answers, &meta, day)?;
        }
        // The codes those people used.
        use crate::db::schema::invitations;
        let used: Vec<i64> = invitations::table
            .filter(invitations::wave_id.eq(id))
            .select(invitations::id)
            .order(invitations::id)
            .limit(answered as i64)
            .load(conn)?;
        diesel::update(invitations::table.filter(invitations::id.eq_any(used)))
            .set(invitations::used.eq(true))
            .execute(conn)?;
    }
    Ok(try_codes)
}

/// What demo complainants wrote (fictitious), with the conduct category it is about.
const COMPLAINTS: &[(&str, &str)] = &[
    ("Mijn klantmanager beloofde terug te bellen, maar belde nooit.", "onbereikbaar"),
    ("Aan de balie werd hardop over mijn schulden gepraat, iedereen kon het horen.", "privacy"),
    ("In de brief stond dat mijn uitkering stopt als ik niet reageer. Dat voelde als een dreigement.", "toon_brieven"),
    ("Ik moest mijn verhaal voor de vijfde keer vertellen aan een nieuwe contactpersoon.", "wisseling"),
    ("Ze wilden alle bankafschriften van mijn zoon van 15 zien.", "privacy"),
    ("Ik werd behandeld alsof ik iets verkeerd had gedaan, terwijl ik alles had ingeleverd.", "wantrouwen"),
    ("Het besluit was al genomen voordat ik mijn kant kon vertellen.", "niet_gehoord"),
    ("Ik wacht al drie maanden op een besluit over bijzondere bijstand voor een bril.", "lang_wachten"),
    ("De medewerker sprak tegen mij alsof ik een kind was.", "respectloos"),
    ("Niemand begreep dat ik door mijn ziekte niet op tijd kon komen.", "geen_begrip"),
    ("Mijn aanvraag voor een nieuwe wasmachine werd zonder uitleg afgewezen.", "inhoud"),
    ("De telefoon werd opgehangen toen ik vroeg naar de stand van zaken.", "onbereikbaar"),
    ("Ik heb hulp gevraagd bij het invullen, maar niemand hielp me.", "niet_geholpen"),
];

/// Demo handlers' journeys: (channel, steps to take from "received"), across every state.
const JOURNEYS: &[(&str, &[&str])] = &[
    ("web", &[]),
    (
        "commissie",
        &[
            "committee",
            "start_formal_handling",
            "inform_person",
            "plan_hearing",
            "hold_hearing",
            "record_advice",
        ],
    ),
    ("telefoon", &["start_mediation"]),
    ("balie", &["start_mediation"]),
    (
        "email",
        &["start_mediation", "mediated_ok", "resolve_informally"],
    ),
    (
        "raadslid",
        &[
            "start_mediation",
            "mediated_ok",
            "resolve_informally",
            "close",
        ],
    ),
    ("web", &["refer_to_bezwaar"]),
    ("brief", &["decline"]),
    ("telefoon", &["start_mediation", "withdraw"]),
    (
        "web",
        &["start_mediation", "mediated_not", "start_formal_handling"],
    ),
    (
        "commissie",
        &[
            "start_formal_handling",
            "record_file_consent",
            "inform_person",
        ],
    ),
    (
        "wethouder",
        &["start_formal_handling", "inform_person", "plan_hearing"],
    ),
    (
        "raadslid",
        &[
            "start_formal_handling",
            "inform_person",
            "plan_hearing",
            "hold_hearing",
        ],
    ),
    (
        "brief",
        &["start_formal_handling", "inform_person", "skip_hearing"],
    ),
    (
        "email",
        &[
            "start_formal_handling",
            "postpone",
            "inform_person",
            "plan_hearing",
            "hold_hearing",
            "judge",
            "decide",
        ],
    ),
    (
        "web",
        &[
            "start_formal_handling",
            "inform_person",
            "plan_hearing",
            "hold_hearing",
            "judge",
            "decide",
            "followup",
            "close",
        ],
    ),
    (
        "raadslid",
        &[
            "start_formal_handling",
            "inform_person",
            "plan_hearing",
            "hold_hearing",
            "judge_partly",
            "decide",
            "followup",
            "close",
        ],
    ),
    (
        "brief",
        &[
            "start_formal_handling",
            "inform_person",
            "skip_hearing",
            "judge_not",
            "decide",
            "close",
            "refer_to_ombudsman",
        ],
    ),
    (
        "commissie",
        &[
            "committee",
            "start_formal_handling",
            "inform_person",
            "plan_hearing",
            "hold_hearing",
            "record_advice",
            "judge",
            "decide",
            "followup",
            "close",
        ],
    ),
    (
        "web",
        &[
            "start_formal_handling",
            "inform_person",
            "skip_hearing",
            "judge_not",
            "decide",
            "close",
            "refer_to_ombudsman",
            "record_ombudsman_outcome",
        ],
    ),
];

/// About forty complaints in every state and channel, some overdue, some via council members, with
/// hearings, decisions and follow-up actions.
fn seed_complaints(
    conn: &mut DbConnection,
    env: &crate::complaints::store::Env<'_>,
    today: chrono::NaiveDate,
) -> anyhow::Result<()> {
    use crate::complaints::store::{self, By, Classification, HearingPlan, Mediation, StepInput};
    use crate::complaints::workflow::Action;
    use diesel::prelude::*;
    let coordinator = service::find_by_username(conn, "klachtcoordinator")
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .id;
    let handler = service::find_by_username(conn, "klachtbehandelaar")
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .id;
    let roles = [
        Role::Klachtcoordinator,
        Role::Klachtbehandelaar,
        Role::Commissielid,
    ];
    let by = By {
        id: coordinator,
        roles: &roles,
    };
    // The letterhead: a contact person on every letter, and the decision signed by the mayor.
    let mut signatures = vec![];
    for kind in ["uitkomst", "beklaagde-uitkomst"] {
        signatures.push((
            kind.to_string(),
            crate::complaints::letters::service::Signature {
                name: "J. de Burgemeester".into(),
                function: "Burgemeester, namens het college".into(),
            },
        ));
    }
    crate::complaints::letters::service::LetterSettings {
        delivery: crate::complaints::letters::service::Delivery::Attachment,
        sender: String::new(),
        contact_person: "Mevrouw J. Bakker, klachtencoördinator".into(),
        signatures,
    }
    .save(conn)?;
    let categories: Vec<(i64, String)> = crate::db::schema::complaint_categories::table
        .select((
            crate::db::schema::complaint_categories::id,
            crate::db::schema::complaint_categories::code,
        ))
        .load(conn)?;
    let names = [
        "J. Bakker",
        "M. El Amrani",
        "S. de Graaf",
        "T. Kowalski",
        "A. Yilmaz",
        "R. Visser",
        "O. Petrenko",
    ];
    let teams = [
        "Team Inkomen",
        "Team Werk",
        "Team Schulddienstverlening",
        "Klantcontactcentrum",
    ];
    let mut n = 0usize;
    // Two rounds of the journeys: one long ago (finished or overdue), one recent.
    for round in 0..2 {
        for (j, (channel, steps)) in JOURNEYS.iter().enumerate() {
            n += 1;
            let (text, category) = COMPLAINTS[n % COMPLAINTS.len()];
            let days_ago = if round == 0 {
                60 + (j as i64 * 11) % 300
            } else {
                3 + (j as i64 * 2) % 30
            };
            let received = today - chrono::Duration::days(days_ago);
            let name = names[n % names.len()];
            let messenger = matches!(*channel, "raadslid" | "wethouder");
            let email = (!n.is_multiple_of(3)).then(|| format!("klager{n}@voorbeeld.nl"));
            let address = n
                .is_multiple_of(3)
                .then(|| format!("Dorpsstraat {n}\n1234 AB Voorbeeld"));
            let mut builder = crate::complaints::builder::ComplaintBuilder::new()
                .received_on(received)
                .channel(channel)
                .language(["nl", "nl", "nl", "tr", "ar", "pl", "uk", "en"][n % 8])
                .name(Some(name))
                .email(email.as_deref())
                .address(address.as_deref())
                .description(text)
                .with(|new| {
                    new.phone = n
                        .is_multiple_of(2)
                        .then(|| format!("06 1234 {:04}", 1000 + n));
                    new.wish = (n % 2 == 1).then(|| "Excuses en een gesprek.".to_string());
                });
            if messenger {
                let person = if *channel == "raadslid" {
                    "Raadslid P. Jansen"
                } else {
                    "Wethouder L. de Boer"
                };
                builder = builder.via(person, Some("griffie@voorbeeld.nl"));
            }
            let (id, _) = builder.register(conn, env, Some(coordinator))?;
            let cat = categories
                .iter()
                .find(|(_, c)| c == category)
                .map(|(i, _)| *i);
            let committee = steps.contains(&"committee");
            store::classify(
                conn,
                env,
                id,
                coordinator,
                &Classification {
                    kind: "klacht".into(),
                    about_decision: category == "inhoud",
                    team: Some(teams[n % teams.len()].into()),
                    person_complained: Some(format!(
                        "Medewerker {}",
                        (b'A' + (n % 26) as u8) as char
                    )),
                    norms: vec![[
                        "fatsoenlijke_bejegening",
                        "luisteren",
                        "goede_informatieverstrekking",
                        "voortvarendheid",
                        "grondrechten",
                    ][n % 5]
                        .into()],
                    committee,
                    categories: cat.into_iter().collect(),
                    handler_id: Some(handler),
                },
            )
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            let mut on = received + chrono::Duration::days(1);
            for step in *steps {
                on = (on + chrono::Duration::days(3)).min(today);
                let mut input = StepInput {
                    reason: Some("Toelichting bij deze stap (demo).".into()),
                    ..Default::default()
                };
                let action = match *step {
                    "committee" => continue,
                    "mediated_ok" | "mediated_not" => {
                        store::record_mediation(conn, id, handler, &Mediation {
                            contact_on: Some(on),
                            feedback: Some("Gesprek gevoerd met de klager; afspraken gemaakt over terugbellen.".into()),
                            satisfied: Some(*step == "mediated_ok"),
                        }, today)
                        .map_err(|e| anyhow::anyhow!("{e}"))?;
                        continue;
                    }
                    "judge" | "judge_partly" | "judge_not" => {
                        store::add_element(conn, id, coordinator, text)?;
                        store::add_element(
                            conn,
                            id,
                            coordinator,
                            "De manier waarop de klacht werd opgepakt",
                        )?;
                        let elements: Vec<i64> = crate::db::schema::complaint_elements::table
                            .filter(crate::db::schema::complaint_elements::complaint_id.eq(id))
                            .order(crate::db::schema::complaint_elements::position)
                            .select(crate::db::schema::complaint_elements::id)
                            .load(conn)?;
                        let (a, b) = match *step {
                            "judge" => ("gegrond", "gegrond"),
                            "judge_partly" => ("gegrond", "ongegrond"),
                            _ => ("ongegrond", "geen_oordeel"),
                        };
                        for (e, j) in elements.iter().zip([a, b]) {
                            store::judge_element(
                                conn,
                                id,
                                *e,
                                coordinator,
                                j,
                                &["fatsoenlijke_bejegening".to_string()],
                                Some("Excuses aangeboden; teamoverleg over de aanpak."),
                            )
                            .map_err(|e| anyhow::anyhow!("{e}"))?;
                        }
                        // The reasoned decision as a handler writes it (Awb 9:12).
                        let draft = crate::complaints::decision::Draft {
                            parts: elements
                                .iter()
                                .zip([a, b])
                                .map(|(e, j)| crate::complaints::decision::PartDraft {
                                    id: *e,
                                    findings: "Uit het dossier en het gesprek blijkt dat de klager aan de balie kort werd afgewezen, zonder uitleg over wat er nog mogelijk was.".into(),
                                    judgement: crate::complaints::terms::Judgement::parse(j),
                                    norms: vec!["fatsoenlijke_bejegening".to_string()],
                                    reasoning: "Een inwoner mag verwachten dat een medewerker uitlegt waarom iets niet kan en wat wel kan. Dat is hier niet genoeg gebeurd.".into(),
                                })
                                .collect(),
                            conclusions: "Wij vinden het belangrijk dat inwoners zich gehoord voelen. Wij hebben dit met het team besproken.".into(),
                            measures: "Het team Inkomen bespreekt in het werkoverleg hoe uitleg aan de balie beter kan.".into(),
                        };
                        crate::complaints::decision::save_draft(conn, id, coordinator, &draft)
                            .map_err(|e| anyhow::anyhow!("{e}"))?;
                        continue;
                    }
                    "followup" => {
                        store::add_followup(
                            conn,
                            id,
                            coordinator,
                            "Werkoverleg over bejegening aan de balie",
                            "Teamleider Inkomen",
                            on + chrono::Duration::days(30),
                        )
                        .map_err(|e| anyhow::anyhow!("{e}"))?;
                        continue;
                    }
                    "decline" => {
                        input.ground = Some("ouder_dan_jaar".into());
                        Action::Decline
                    }
                    "skip_hearing" => {
                        input.ground = Some("afgezien".into());
                        Action::SkipHearing
                    }
                    "postpone" => {
                        input.weeks = Some(4);
                        Action::Postpone
                    }
                    "record_file_consent" => {
                        input.date = Some(on);
                        input.text = Some("schriftelijk".into());
                        Action::RecordFileConsent
                    }
                    "plan_hearing" => {
                        // Planned on the day of this step, so the demo can record it as held later.
                        input.hearing = Some(HearingPlan {
                            at: on.and_hms_opt(14, 0, 0).unwrap_or_default(),
                            mode: ["ter_plaatse", "telefoon", "video"][n % 3].into(),
                            place: "Gemeentehuis, kamer 2.14".into(),
                            invitees: "klager, medewerker, teamleider".into(),
                        });
                        Action::PlanHearing
                    }
                    "hold_hearing" => {
                        input.text = Some("Verslag: de klager en de teamleider zijn gehoord. Beide lichtten hun kant toe.".into());
                        input.attendance = Some("klager, teamleider, commissie".into());
                        Action::HoldHearing
                    }
                    "record_ombudsman_outcome" => {
                        input.text = Some("De ombudsman vond de klacht behandeld zoals het hoort en deed geen onderzoek.".into());
                        Action::RecordOmbudsmanOutcome
                    }
                    "record_advice" => {
                        input.text =
                            Some("De commissie adviseert de klacht gegrond te verklaren.".into());
                        Action::RecordAdvice
                    }
                    other => store::action_from_code(other)
                        .ok_or_else(|| anyhow::anyhow!("demo step {other}"))?,
                };
                store::step(conn, env, id, action, by, &input, on.max(received))
                    .map_err(|e| anyhow::anyhow!("demo {step}: {e}"))?;
            }
        }
    }
    Ok(())
}

/// A closed wave with its questionnaire.
type ClosedWave = (
    crate::surveys::waves::Wave,
    std::sync::Arc<crate::surveys::definition::Definition>,
);

/// The demo researcher and the waves that have closed, with their questionnaires.
fn research_inputs(conn: &mut DbConnection) -> anyhow::Result<(i64, Vec<ClosedWave>)> {
    let researcher = service::find_by_username(conn, "onderzoeker")
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .id;
    let today = crate::surveys::today();
    let mut closed = vec![];
    for w in crate::surveys::waves::list_waves(conn)? {
        if w.closes_on >= today {
            continue;
        }
        let def = crate::surveys::respond::definition(conn, w.version_id)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        closed.push((w, def));
    }
    Ok((researcher, closed))
}

/// Quotes for the demo report: candidates from the closed waves' open answers, the first few
/// approved by the demo researcher.
fn seed_quotes(conn: &mut DbConnection) -> anyhow::Result<()> {
    use crate::db::schema::quotes;
    use diesel::prelude::*;
    let (researcher, closed) = research_inputs(conn)?;
    for (w, def) in closed {
        crate::monitor::quotes::make_candidates(
            conn,
            w.id,
            &def,
            crate::monitor::quotes::DEFAULT_MIN_GROUP,
        )?;
        let first: Vec<i64> = quotes::table
            .filter(quotes::wave_id.eq(w.id))
            .order(quotes::id)
            .limit(5)
            .select(quotes::id)
            .load(conn)?;
        diesel::update(quotes::table.filter(quotes::id.eq_any(&first)))
            .set((
                quotes::status.eq(crate::monitor::quotes::APPROVED),
                quotes::decided_by.eq(researcher),
                quotes::decided_at.eq(crate::db::now()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// How the demo researcher coded the demo complaint descriptions: what she chose after reading
/// them, not what the program suggested (some suggestions she left, some codes she added).
const DEMO_COMPLAINT_CODES: &[(&str, &[&str])] = &[
    (COMPLAINTS[0].0, &["onbereikbaar", "voortvarendheid"]),
    (COMPLAINTS[1].0, &["privacy", "grondrechten"]),
    (COMPLAINTS[2].0, &["brieven", "fatsoenlijke_bejegening"]),
    (COMPLAINTS[3].0, &["wisseling", "samenwerking"]),
    (COMPLAINTS[4].0, &["privacy", "wantrouwen", "evenredigheid"]),
    (COMPLAINTS[5].0, &["wantrouwen"]),
    (COMPLAINTS[6].0, &["niet_gehoord", "luisteren"]),
    (COMPLAINTS[7].0, &["lang_wachten", "voortvarendheid"]),
    (COMPLAINTS[8].0, &["respectloos", "fatsoenlijke_bejegening"]),
    (COMPLAINTS[9].0, &["geen_begrip", "maatwerk"]),
    (COMPLAINTS[10].0, &["niet_geholpen", "goede_motivering"]),
    (COMPLAINTS[11].0, &["onbereikbaar"]),
    (COMPLAINTS[12].0, &["niet_geholpen"]),
];

/// Coding for the demo report, as a researcher codes: every open answer of the closed wave and
/// this year's complaint descriptions get the codes the demo researcher chose; the program's
/// suggestions are stored beside them as accepted or rejected, never as codes by themselves.
fn seed_coding(conn: &mut DbConnection) -> anyhow::Result<()> {
    use crate::monitor::codebook;
    use std::collections::BTreeSet;
    let (researcher, closed) = research_inputs(conn)?;
    let today = crate::surveys::today();
    let book = codebook::load(conn)?;
    let chosen_for = |table: &[(&str, &[&str])], text: &str| -> BTreeSet<String> {
        table
            .iter()
            .find(|(t, _)| *t == text)
            .map(|(_, codes)| codes.iter().map(|c| c.to_string()).collect())
            .unwrap_or_default()
    };
    for (w, def) in closed {
        for text in codebook::survey_texts(conn, w.id, &def)? {
            let chosen = chosen_for(DEMO_CODES, &text.shown);
            let model = codebook::learned_model(conn, &crate::monitor::coding::Stems::new("nl"))?;
            let suggested =
                codebook::suggested_map(&codebook::suggestions_for(&text.shown, &book, &model));
            codebook::save(conn, &text, &chosen, &suggested, Some(researcher), today)?;
        }
    }
    for text in codebook::complaint_texts(conn, chrono::Datelike::year(&today))? {
        let chosen = chosen_for(DEMO_COMPLAINT_CODES, &text.shown);
        let model = codebook::learned_model(conn, &crate::monitor::coding::Stems::new("nl"))?;
        let suggested =
            codebook::suggested_map(&codebook::suggestions_for(&text.shown, &book, &model));
        codebook::save(conn, &text, &chosen, &suggested, Some(researcher), today)?;
    }
    Ok(())
}
