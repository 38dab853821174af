//! Complaints on both databases: a resident complains on the web (with a file, and anonymously)
//! and follows it with the code; staff register complaints from other channels and take them
//! through every stage with the letters each step sends; every transition in the table is taken and
//! every other one refused on the server; who sees which case.

use std::sync::Arc;

use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::complaints::builder::ComplaintBuilder;
use klankbord::complaints::commands::{Command, Step, StepForm};
use klankbord::complaints::steps;
use klankbord::complaints::store::{self, StepError};
use klankbord::complaints::workflow::{self, Action, Refusal, State};
use klankbord::config::Config;
use klankbord::db::schema::{
    complaint_attachments, complaint_elements, complaint_events, complaint_hearings,
    complaint_letters, complaint_progress, complaints,
};
use klankbord::web::i18n::{t, t_args, Lang};

use crate::both_backends;
use crate::paper::multipart;
use crate::support::TestApp;

/// The complaint setup as the app makes it (default settings, templates from `templates/`).
pub(crate) fn setup() -> klankbord::complaints::Setup {
    let config = Config::from_sources(None, &[]).expect("config");
    klankbord::complaints::Setup::new(Arc::new(config)).expect("templates")
}

fn new_complaint(email: Option<&str>, address: Option<&str>) -> store::NewComplaint {
    ComplaintBuilder::new()
        .email(email)
        .address(address)
        .intake()
        .clone()
}

fn state_of(app: &TestApp, id: i64) -> String {
    complaints::table
        .find(id)
        .select(complaints::state)
        .get_result(&mut app.conn())
        .unwrap()
}

both_backends!(
    a_resident_complains_on_the_web_and_follows_it_with_the_code,
    |app| {
        let client = app.client();
        for lang in Lang::ALL {
            let page = client.get(&format!("/klacht?lang={}", lang.code()));
            assert_eq!(page.status, 200);
            assert!(
                page.body.contains(&t(lang, "complaint-no-effect")),
                "{}",
                lang.code()
            );
            assert!(page.body.contains(&t(lang, "complaint-contact-hint")));
        }
        // The receipt as the e-mail's own text (the letter as PDF attachment is tested in letters.rs).
        klankbord::db::settings::set(&mut app.conn(), "letters.delivery", "tekst").unwrap();
        let token = client.get("/klacht?lang=nl").csrf();

        // Mistakes are named and nothing is stored; what was typed comes back.
        let (ct, body) = multipart(
            &[
                ("csrf", &token),
                ("omschrijving", ""),
                ("email", "geen-adres"),
                ("naam", "Jan"),
            ],
            Some(("virus.exe", b"MZ")),
        );
        let r = client.post_body("/klacht", &ct, &body);
        assert_eq!(r.status, 422);
        assert!(r.body.contains(&t(Lang::Nl, "complaint-error-description")));
        assert!(r.body.contains(&t(Lang::Nl, "complaint-error-email")));
        assert!(r.body.contains(&t_args(
            Lang::Nl,
            "complaint-error-file-type",
            &[("file", "virus.exe")]
        )));
        assert_eq!(r.attr("#naam", "value").as_deref(), Some("Jan"));
        assert_eq!(app.count("complaints"), 0);
        // A wrong token is refused.
        let (ct, body) = multipart(
            &[
                ("csrf", "fout-fout-fout-fout-fout-fout-fout"),
                ("omschrijving", "x"),
            ],
            None,
        );
        assert_eq!(client.post_body("/klacht", &ct, &body).status, 403);

        // A good complaint with a file.
        let pdf = b"%PDF-1.4 brief van de gemeente";
        let (ct, body) = multipart(
            &[
                ("csrf", &token),
                (
                    "omschrijving",
                    "Mijn klantmanager luisterde niet en hing op.",
                ),
                ("wens", "Een gesprek met de teamleider."),
                ("naam", "Fatima"),
                ("email", "fatima@voorbeeld.nl"),
            ],
            Some(("brief.pdf", pdf)),
        );
        let r = client.post_body("/klacht?lang=nl", &ct, &body);
        assert_eq!(r.status, 303, "{}", r.body);
        assert_eq!(r.header("location"), Some("/klacht/ontvangen"));
        let receipt = client.get("/klacht/ontvangen?lang=nl");
        assert_eq!(receipt.status, 200);
        let code = receipt.texts("p.code strong")[0].clone();
        assert_eq!(code.len(), 12, "{code}");
        let (id, received, deadline): (i64, chrono::NaiveDate, chrono::NaiveDate) =
            complaints::table
                .select((
                    complaints::id,
                    complaints::received_on,
                    complaints::deadline_on,
                ))
                .get_result(&mut app.conn())
                .unwrap();
        let case = store::case_number_of(received, id);
        assert!(receipt
            .body
            .contains(&t_args(Lang::Nl, "complaint-received", &[("case", &case)])));
        // Six weeks, moved past weekends and holidays: the engine's date.
        let s = setup();
        assert_eq!(
            deadline,
            klankbord::complaints::deadlines::legal_deadline(
                klankbord::complaints::deadlines::DeadlineInput::new(received, false),
                &s.calendar
            )
            .unwrap()
        );
        // The code is shown once.
        let again = client.get("/klacht/ontvangen?lang=nl");
        assert!(again.texts("p.code").is_empty());
        assert!(again.body.contains(&t(Lang::Nl, "complaint-receipt-gone")));
        // The file is kept, the receipt goes by e-mail with the code and the deadline.
        let stored: Vec<u8> = complaint_attachments::table
            .select(complaint_attachments::data)
            .get_result(&mut app.conn())
            .unwrap();
        assert_eq!(stored, pdf);
        let mails = app.mail_texts();
        assert_eq!(mails.len(), 1, "{mails:?}");
        assert!(
            mails[0].contains(&code) && mails[0].contains(&case),
            "{}",
            mails[0]
        );
        assert!(mails[0].contains(&deadline.format("%d-%m-%Y").to_string()));
        assert!(mails[0].contains("geen gevolgen voor uw uitkering"));

        // Following it: any spelling of the code works; the page shows stage, next step, deadline.
        let bare: String = code
            .chars()
            .filter(|c| *c != '-')
            .collect::<String>()
            .to_lowercase();
        let r = client.submit(
            "/klacht/volgen?lang=nl",
            "/klacht/volgen?lang=nl",
            &[("volgcode", &bare)],
        );
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.body.contains(&t(Lang::Nl, "complaint-stage-ontvangen")));
        assert!(r.body.contains(&deadline.format("%d-%m-%Y").to_string()));
        assert!(r.body.contains(&case));
        assert!(
            !r.body.contains("Mijn klantmanager"),
            "no content of the complaint"
        );
        let r = client.submit(
            "/klacht/volgen",
            "/klacht/volgen?lang=en",
            &[("volgcode", &bare)],
        );
        assert!(r.body.contains(&t(Lang::En, "complaint-stage-ontvangen")));
        // A typing error and an unknown code are told apart.
        let mut wrong = bare.clone();
        wrong.pop();
        wrong.push(if bare.ends_with('a') { 'c' } else { 'a' });
        let r = client.submit(
            "/klacht/volgen",
            "/klacht/volgen?lang=nl",
            &[("volgcode", &wrong)],
        );
        assert_eq!(r.status, 422);
        let other = klankbord::codes::generate(&mut rand::thread_rng());
        let r = client.submit(
            "/klacht/volgen",
            "/klacht/volgen?lang=nl",
            &[("volgcode", &other)],
        );
        assert_eq!(r.status, 404);
        assert!(r.body.contains(&t(Lang::Nl, "complaint-track-unknown")));

        // Without any contact details: an anonymous signal, no receipt, never handled formally.
        let (ct, body) = multipart(
            &[
                ("csrf", &token),
                ("omschrijving", "Ik durf mijn naam niet te geven."),
            ],
            None,
        );
        let r = client.post_body("/klacht?lang=nl", &ct, &body);
        assert_eq!(r.status, 303);
        let receipt = client.get("/klacht/ontvangen?lang=nl");
        assert!(receipt
            .body
            .contains(&t(Lang::Nl, "complaint-received-anonymous")));
        let anon: (i64, bool) = complaints::table
            .order(complaints::id.desc())
            .select((complaints::id, complaints::anonymous))
            .first(&mut app.conn())
            .unwrap();
        assert!(anon.1);
        assert_eq!(app.mail_texts().len(), 1, "no receipt for a signal");
        // Its status page says the same as its receipt: counted, not handled, no answer and no
        // date (outside test: it promised an answer by the deadline).
        let anon_code = receipt.texts("p.code strong")[0].clone();
        let r = client.submit(
            "/klacht/volgen",
            "/klacht/volgen?lang=nl",
            &[("volgcode", &anon_code)],
        );
        assert_eq!(r.status, 200);
        assert!(r
            .body
            .contains(&t(Lang::Nl, "complaint-received-anonymous")));
        let anon_deadline: chrono::NaiveDate = complaints::table
            .find(anon.0)
            .select(complaints::deadline_on)
            .get_result(&mut app.conn())
            .unwrap();
        assert!(!r
            .body
            .contains(&anon_deadline.format("%d-%m-%Y").to_string()));
        let coordinator = [Role::Klachtcoordinator];
        let e = steps::take(
            &mut app.conn(),
            &s.env(),
            anon.0,
            &Command::new(Step::StartMediation),
            store::By {
                id: 1,
                roles: &coordinator,
            },
            klankbord::fmt::today(),
        )
        .unwrap_err();
        assert!(matches!(e, StepError::Refused(Refusal::NoContact)), "{e:?}");
    }
);

/// Sends the decision as a coordinator does: the preview page, then its send button.
pub(crate) fn send_decision(client: &crate::support::Client, case: &str) -> crate::support::Resp {
    let preview = client.get(&format!("{case}/beslissing/brief?lang=nl"));
    assert_eq!(preview.status, 200, "{}", preview.body);
    let version = preview
        .attr("input[name=versie]", "value")
        .expect("a send button on the preview");
    client.submit(
        &format!("{case}/beslissing/brief"),
        &format!("{case}/beslissing/versturen"),
        &[("versie", &version)],
    )
}

/// Puts a case in `state` with every fact its guards ask for.
pub(crate) fn case_in(
    app: &TestApp,
    s: &klankbord::complaints::Setup,
    state: State,
    committee: bool,
) -> i64 {
    ComplaintBuilder::new()
        .email(Some("klager@voorbeeld.nl"))
        .in_state(state)
        .committee(committee)
        .person_complained("Medewerker X")
        .with_every_fact()
        .register(&mut app.conn(), &s.env(), None)
        .unwrap()
        .0
}

/// The form of `action` as a coordinator fills it in: every field a step form asks for, with a
/// reason.
fn form_for(action: Action) -> Vec<(String, String)> {
    let today = klankbord::fmt::today();
    let day = match action {
        Action::PlanHearing => today + chrono::Duration::days(7),
        _ => today,
    };
    let ground = match action {
        Action::Decline => "ouder_dan_jaar",
        Action::SkipHearing => "afgezien",
        _ => "",
    };
    let text = match action {
        Action::RecordFileConsent => "schriftelijk",
        _ => "Verslag: beide partijen gehoord.",
    };
    [
        ("reden", "De klager vroeg erom."),
        ("grond", ground),
        ("weken", "4"),
        ("datum", &day.format("%Y-%m-%d").to_string()),
        ("tijd", "14:00"),
        ("wijze", "video"),
        ("plaats", "https://video.voorbeeld.nl/kamer-1"),
        ("genodigden", "klager, teamleider"),
        ("tekst", text),
        ("aanwezig", "klager, teamleider, commissie"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// The command of `action` from its filled-in form ([`form_for`]).
fn command_for(action: Action) -> Command {
    Command::from_form(action, StepForm(&form_for(action)))
        .unwrap_or_else(|e| panic!("{action:?}: {e:?}"))
}

both_backends!(
    every_transition_in_the_table_is_taken_and_every_other_is_refused,
    |app| {
        let s = setup();
        let everyone = [
            Role::Klachtcoordinator,
            Role::Klachtbehandelaar,
            Role::Commissielid,
        ];
        let today = klankbord::fmt::today();
        let (_, _, actor) = app.user("overgang.iedereen", &everyone);
        let mut taken = 0;
        for from in State::ALL {
            for action in Action::ALL {
                // With a committee, the decision waits for its advice; the advice is the
                // committee's; a step already taken is not taken again.
                let committee = (action == Action::Decide && from == State::Advised)
                    || action == Action::RecordAdvice;
                let id = case_in(&app, &s, from, committee);
                if action == Action::InformPersonComplainedAbout {
                    diesel::update(complaint_progress::table.find(id))
                        .set(complaint_progress::person_informed_on.eq(None::<chrono::NaiveDate>))
                        .execute(&mut app.conn())
                        .unwrap();
                }
                let events_before = app.count("complaint_events");
                let result = steps::take(
                    &mut app.conn(),
                    &s.env(),
                    id,
                    &command_for(action),
                    store::By {
                        id: actor,
                        roles: &everyone,
                    },
                    today,
                );
                match workflow::find(from, action) {
                    Some(tr) => {
                        let to = result
                            .unwrap_or_else(|e| panic!("{from:?} --{action:?}--> refused: {e:?}"));
                        assert_eq!(to, tr.to);
                        assert_eq!(state_of(&app, id), tr.to.code());
                        let (a, f, t_, reason): (String, String, String, Option<String>) =
                            complaint_events::table
                                .filter(complaint_events::complaint_id.eq(id))
                                .order(complaint_events::id.desc())
                                .select((
                                    complaint_events::action,
                                    complaint_events::from_state,
                                    complaint_events::to_state,
                                    complaint_events::reason,
                                ))
                                .first(&mut app.conn())
                                .unwrap();
                        assert_eq!(
                            (a.as_str(), f.as_str(), t_.as_str()),
                            (action.code(), from.code(), tr.to.code())
                        );
                        assert_eq!(reason.as_deref(), Some("De klager vroeg erom."));
                        taken += 1;
                    }
                    None => {
                        assert!(
                            matches!(result, Err(StepError::Refused(Refusal::NotFromThisState))),
                            "{from:?} --{action:?}--> should be refused: {result:?}"
                        );
                        assert_eq!(state_of(&app, id), from.code(), "unchanged");
                        assert_eq!(
                            app.count("complaint_events"),
                            events_before,
                            "nothing recorded"
                        );
                    }
                }
            }
        }
        assert_eq!(taken, workflow::TRANSITIONS.len());

        // Who may: a handler cannot refer to bezwaar; a committee member cannot start mediation.
        let id = case_in(&app, &s, State::Received, false);
        let e = steps::take(
            &mut app.conn(),
            &s.env(),
            id,
            &command_for(Action::ReferToBezwaar),
            store::By {
                id: actor,
                roles: &[Role::Klachtbehandelaar],
            },
            today,
        )
        .unwrap_err();
        assert!(matches!(e, StepError::Refused(Refusal::RoleNotAllowed)));
        // A required reason must be given.
        let e = steps::take(
            &mut app.conn(),
            &s.env(),
            id,
            &Command::new(Step::Withdraw),
            store::By {
                id: actor,
                roles: &everyone,
            },
            today,
        )
        .unwrap_err();
        assert!(matches!(e, StepError::Refused(Refusal::ReasonRequired)));
        // One postponement only.
        let id = case_in(&app, &s, State::FormalHandling, false);
        steps::take(
            &mut app.conn(),
            &s.env(),
            id,
            &command_for(Action::Postpone),
            store::By {
                id: actor,
                roles: &everyone,
            },
            today,
        )
        .unwrap();
        let e = steps::take(
            &mut app.conn(),
            &s.env(),
            id,
            &command_for(Action::Postpone),
            store::By {
                id: actor,
                roles: &everyone,
            },
            today,
        )
        .unwrap_err();
        assert!(matches!(e, StepError::Refused(Refusal::AlreadyPostponed)));
        // Five weeks is refused with the rule.
        let mut five = form_for(Action::Postpone);
        five.retain(|(k, _)| k != "weken");
        five.push(("weken".into(), "5".into()));
        assert_eq!(
            Command::from_form(Action::Postpone, StepForm(&five)),
            Err(klankbord::complaints::invalid::Invalid::PostponeWeeks)
        );
        assert!(t(Lang::Nl, "step-invalid-postpone-weeks").contains("9:11"));
    }
);

both_backends!(
    staff_take_a_complaint_from_a_council_member_through_every_stage,
    |app| {
        let (coordinator, _) = app.logged_in("klachten.coordinator", &[Role::Klachtcoordinator]);
        let (_, _, handler_id) = app.user("klachten.teamleider", &[Role::Klachtbehandelaar]);
        let (member, _) = app.logged_in("klachten.commissie", &[Role::Commissielid]);
        // Registered by the coordinator: it came via a council member; the complainant has no e-mail.
        let r = coordinator.submit(
            "/klachten/nieuw?lang=nl",
            "/klachten/nieuw?lang=nl",
            &[
                ("kanaal", "raadslid"),
                (
                    "ontvangen",
                    &klankbord::fmt::today().format("%Y-%m-%d").to_string(),
                ),
                ("via", ""),
                ("taal", "nl"),
                ("naam", "De heer B. Yilmaz"),
                ("adres", "Dorpsstraat 1\n1234 AB Voorbeeld"),
                (
                    "omschrijving",
                    "Mijn bankafschriften werden aan de balie hardop besproken.",
                ),
            ],
        );
        assert_eq!(r.status, 422, "who passed it on is required");
        assert!(r.body.contains(&t(Lang::Nl, "case-error-via")));
        let r = coordinator.submit(
            "/klachten/nieuw?lang=nl",
            "/klachten/nieuw?lang=nl",
            &[
                ("kanaal", "raadslid"),
                (
                    "ontvangen",
                    &klankbord::fmt::today().format("%Y-%m-%d").to_string(),
                ),
                ("via", "Raadslid P. Jansen"),
                ("via_email", "p.jansen@raad.voorbeeld.nl"),
                ("taal", "nl"),
                ("naam", "De heer B. Yilmaz"),
                ("adres", "Dorpsstraat 1\n1234 AB Voorbeeld"),
                (
                    "omschrijving",
                    "Mijn bankafschriften werden aan de balie hardop besproken.",
                ),
            ],
        );
        assert_eq!(r.status, 303, "{}", r.body);
        let case = r
            .header("location")
            .unwrap()
            .split('?')
            .next()
            .unwrap()
            .to_string();
        let id: i64 = case.rsplit('/').next().unwrap().parse().unwrap();
        // No e-mail: the receipt is a letter to print, with the address.
        let letters: Vec<(String, String, String)> = complaint_letters::table
            .select((
                complaint_letters::kind,
                complaint_letters::recipient,
                complaint_letters::body,
            ))
            .load(&mut app.conn())
            .unwrap();
        assert_eq!(letters.len(), 1);
        assert_eq!(letters[0].0, "ontvangst");
        assert!(letters[0].1.contains("Dorpsstraat 1"));
        let page = coordinator.get("/klachten/brieven?lang=nl");
        assert_eq!(page.texts("tr.letter").len(), 1);

        let step = |action: &str, fields: &[(&str, &str)]| {
            let mut all = vec![("actie", action)];
            all.extend_from_slice(fields);
            coordinator.submit(
                &format!("{case}?lang=nl"),
                &format!("{case}/stap?lang=nl"),
                &all,
            )
        };
        // Assign the team leader, then mediation: the letter names the first-contact date.
        let r = coordinator.submit(
            &case,
            &format!("{case}/indeling"),
            &[
                ("soort", "klacht"),
                ("behandelaar", &handler_id.to_string()),
                ("medewerker", "Mw. K."),
                ("norm", "fatsoenlijke_bejegening"),
                ("norm", "grondrechten"),
            ],
        );
        assert_eq!(r.status, 303);
        assert_eq!(step("start_mediation", &[]).status, 303);
        assert_eq!(state_of(&app, id), "bemiddeling");
        assert_eq!(app.count("complaint_letters"), 2);
        // Mediation cannot end without written feedback.
        let r = step("start_formal_handling", &[("reden", "")]);
        assert_eq!(r.status, 422);
        assert!(r.body.contains(&t(Lang::Nl, "refusal-feedback")));
        let r = coordinator.submit(
            &case,
            &format!("{case}/bemiddeling"),
            &[
                ("terugkoppeling", "Gesprek gevoerd, niet opgelost."),
                ("tevreden", "nee"),
            ],
        );
        assert_eq!(r.status, 303);
        assert_eq!(
            step("start_formal_handling", &[("reden", "Niet opgelost.")]).status,
            303
        );
        // The hearing needs the person complained about informed first (Awb 9:9).
        let day = (klankbord::fmt::today() + chrono::Duration::days(10))
            .format("%Y-%m-%d")
            .to_string();
        let hearing = [
            ("datum", day.as_str()),
            ("tijd", "14:30"),
            ("wijze", "ter_plaatse"),
            ("plaats", "Raadhuis, kamer 2"),
            ("genodigden", "klager, teamleider"),
        ];
        let r = step("plan_hearing", &hearing);
        assert_eq!(r.status, 422);
        assert!(r.body.contains(&t(Lang::Nl, "refusal-not-informed")));
        assert_eq!(step("inform_person", &[]).status, 303);
        assert_eq!(step("plan_hearing", &hearing).status, 303);
        // The complainant and the person complained about, each invited in their own role.
        let invitation = complaint_letters::table
            .filter(complaint_letters::kind.eq_any(["hoorzitting", "beklaagde-hoorzitting"]))
            .order(complaint_letters::id)
            .select(complaint_letters::body)
            .load::<String>(&mut app.conn())
            .unwrap();
        assert_eq!(
            invitation.len(),
            2,
            "complainant and the person complained about"
        );
        assert!(invitation[1].contains("uw kant van het verhaal"));
        assert!(invitation[0].contains("14:30") && invitation[0].contains("Raadhuis, kamer 2"));
        // Held: the minutes are required.
        let r = step("hold_hearing", &[("aanwezig", "klager")]);
        assert_eq!(r.status, 422);
        assert!(r.body.contains(&t(Lang::Nl, "refusal-hearing")));
        // Not before the day it was planned for: what was typed stays in the form.
        let r = step(
            "hold_hearing",
            &[
                ("aanwezig", "klager, teamleider"),
                ("tekst", "Beide gehoord."),
            ],
        );
        assert_eq!(r.status, 422);
        let planned = (klankbord::fmt::today() + chrono::Duration::days(10))
            .format("%d-%m-%Y")
            .to_string();
        assert!(r.body.contains(&t_args(
            Lang::Nl,
            "case-error-held-early",
            &[("date", &planned)]
        )));
        assert!(r
            .form_values("#stap-hold_hearing")
            .contains(&("tekst".to_string(), "Beide gehoord.".to_string())));
        assert_eq!(state_of(&app, id), "hoorzitting_gepland");
        // The day has come.
        diesel::update(complaint_hearings::table.filter(complaint_hearings::complaint_id.eq(id)))
            .set(complaint_hearings::planned_at.eq(klankbord::db::now()))
            .execute(&mut app.conn())
            .unwrap();
        assert_eq!(
            step(
                "hold_hearing",
                &[
                    ("aanwezig", "klager, teamleider"),
                    ("tekst", "Beide gehoord.")
                ]
            )
            .status,
            303
        );
        // The decision is not sent from the step list: it has its own page with a preview.
        let r = step("decide", &[]);
        assert_eq!(r.status, 422);
        assert!(r.body.contains(&t(Lang::Nl, "decision-error-own-page")));
        assert_eq!(
            coordinator
                .submit(
                    &case,
                    &format!("{case}/onderdelen"),
                    &[("onderdeel", "Privacy aan de balie")]
                )
                .status,
            303
        );
        let element: i64 = complaint_elements::table
            .select(complaint_elements::id)
            .get_result(&mut app.conn())
            .unwrap();
        let r = coordinator.submit(
            &case,
            &format!("{case}/onderdelen/{element}"),
            &[
                ("oordeel", "gegrond"),
                (&format!("norm-{element}"), "grondrechten"),
                (
                    "conclusie",
                    "Gesprekken over geld voortaan in een spreekkamer.",
                ),
            ],
        );
        assert_eq!(r.status, 303);
        assert_eq!(send_decision(&coordinator, &case).status, 303);
        // The council member hears what became of the signal (by e-mail, no personal data).
        let mails = app.mail_texts();
        let feedback: Vec<&String> = mails
            .iter()
            .filter(|m| m.contains("Raadslid P. Jansen"))
            .collect();
        assert_eq!(feedback.len(), 1, "{mails:?}");
        assert!(!feedback[0].contains("Yilmaz") && !feedback[0].contains("Dorpsstraat"));
        let outcome: String = complaint_letters::table
            .filter(complaint_letters::kind.eq("uitkomst"))
            .select(complaint_letters::body)
            .get_result(&mut app.conn())
            .unwrap();
        assert!(outcome.contains("Gegrond") || outcome.contains("gegrond"));
        assert!(outcome.contains("Nationale ombudsman"));
        assert!(outcome.contains("spreekkamer"));
        // Follow-up and closing; then the ombudsman.
        let due = (klankbord::fmt::today() + chrono::Duration::days(30))
            .format("%Y-%m-%d")
            .to_string();
        assert_eq!(
            coordinator
                .submit(
                    &case,
                    &format!("{case}/acties"),
                    &[
                        ("actie", "Spreekkamer inrichten"),
                        ("eigenaar", "Teamleider balie"),
                        ("voor", &due)
                    ]
                )
                .status,
            303
        );
        // Closing asks first, on a page that says what will happen.
        let r = step("close", &[]);
        assert_eq!(r.status, 200);
        assert!(r.body.contains(&t(Lang::Nl, "confirm-what-close")));
        assert_eq!(state_of(&app, id), "besloten");
        assert_eq!(step("close", &[("bevestigd", "ja")]).status, 303);
        assert_eq!(
            step(
                "refer_to_ombudsman",
                &[(
                    "datum",
                    &klankbord::fmt::today().format("%Y-%m-%d").to_string()
                )]
            )
            .status,
            303
        );
        assert_eq!(
            step(
                "record_ombudsman_outcome",
                &[("tekst", "De ombudsman deed geen onderzoek.")]
            )
            .status,
            303
        );
        assert_eq!(state_of(&app, id), "gesloten");
        // The history names every step with who took it.
        let page = coordinator.get(&format!("{case}?lang=nl"));
        let history = page.texts("ol.history li");
        assert!(history.len() >= 14, "{history:?}");
        assert!(history
            .iter()
            .all(|h| !h.contains(" · – · ") || h.contains(&t(Lang::Nl, "event-registered"))));
        assert!(history
            .iter()
            .any(|h| h.contains(&t(Lang::Nl, "event-decide"))));

        // A committee member does not see a case that is not before the committee.
        assert_eq!(member.get(&case).status, 404);
        // Refused on the server whatever the page showed: skipping a step.
        let r = coordinator.submit(&case, &format!("{case}/stap"), &[("actie", "decide")]);
        assert_eq!(r.status, 422);
        assert!(r.body.contains(&t(Lang::Nl, "refusal-state")));
    }
);

both_backends!(each_role_sees_only_its_cases, |app| {
    let s = setup();
    let (coordinator, _) = app.logged_in("zien.coordinator", &[Role::Klachtcoordinator]);
    let (handler, handler_id) = app.logged_in("zien.behandelaar", &[Role::Klachtbehandelaar]);
    let (member, _) = app.logged_in("zien.commissie", &[Role::Commissielid]);
    let (council, _) = app.logged_in("zien.raadslid", &[Role::Raadslid]);
    let mine = case_in(&app, &s, State::Mediation, false);
    diesel::update(complaints::table.find(mine))
        .set(complaints::handler_id.eq(handler_id))
        .execute(&mut app.conn())
        .unwrap();
    let other = case_in(&app, &s, State::Mediation, false);
    let before_committee = case_in(&app, &s, State::HearingPlanned, true);
    for (who, id, status) in [
        (&coordinator, mine, 200),
        (&coordinator, other, 200),
        (&coordinator, before_committee, 200),
        (&handler, mine, 200),
        (&handler, other, 404),
        (&handler, before_committee, 404),
        (&member, before_committee, 200),
        (&member, mine, 404),
    ] {
        assert_eq!(
            who.get(&format!("/klachten/{id}")).status,
            status,
            "case {id}"
        );
    }
    assert_eq!(council.get("/klachten").status, 403);
    assert_eq!(council.get(&format!("/klachten/{mine}")).status, 403);
    // The lists show the same.
    let list = |c: &crate::support::Client| c.get("/klachten?fase=alle").texts("tbody tr").len();
    assert_eq!(list(&coordinator), 3);
    assert_eq!(list(&handler), 1);
    assert_eq!(list(&member), 1);
});

#[test]
fn a_template_with_an_unknown_placeholder_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("nl")).unwrap();
    std::fs::write(
        dir.path().join("nl/ontvangst.txt"),
        "Onderwerp: Klacht {zaaknummer}\n\nBeste {naam},\n\nUw code: {volgcode}. Termijn {termijn}. BSN: {bsn}\n",
    )
    .unwrap();
    let env: Vec<(String, String)> = vec![
        (
            "DATABASE_URL".into(),
            format!("sqlite://{}", dir.path().join("k.db").display()),
        ),
        (
            "KLANKBORD_TEMPLATES".into(),
            dir.path().display().to_string(),
        ),
        ("KLANKBORD_BIND".into(), "127.0.0.1:0".into()),
    ];
    let config = Config::from_sources(None, &env).unwrap();
    let pool = klankbord::db::connect_and_migrate(&config.database_url, 1).unwrap();
    let e = match klankbord::startup::Application::build_with_pool(config, pool) {
        Ok(_) => panic!("started with a bad template"),
        Err(e) => e.to_string(),
    };
    assert!(
        e.contains("ontvangst.txt, regel 5") && e.contains("{bsn}"),
        "{e}"
    );
}

both_backends!(
    personal_data_is_erased_after_the_retention_period_and_the_register_stays,
    |app| {
        use klankbord::complaints::retention;
        let s = setup();
        let today = klankbord::fmt::today();
        // Three cases: finished six years ago, finished four years ago, still running.
        let old = case_in(&app, &s, State::Closed, false);
        let recent = case_in(&app, &s, State::Closed, false);
        let running = case_in(&app, &s, State::FormalHandling, false);
        // Every fixture first: once the dates are set, the app's housekeeping may erase at once.
        diesel::insert_into(complaint_attachments::table)
            .values((
                complaint_attachments::complaint_id.eq(old),
                complaint_attachments::file_name.eq("brief.pdf"),
                complaint_attachments::content_type.eq("application/pdf"),
                complaint_attachments::size.eq(4i64),
                complaint_attachments::data.eq(b"%PDF".to_vec()),
            ))
            .execute(&mut app.conn())
            .unwrap();
        for (id, years) in [(old, 6), (recent, 4)] {
            let closed = today - chrono::Duration::days(365 * years + 2);
            diesel::update(complaint_progress::table.find(id))
                .set((
                    complaint_progress::closed_on.eq(closed),
                    complaint_progress::decided_on.eq(closed - chrono::Duration::days(3)),
                ))
                .execute(&mut app.conn())
                .unwrap();
            let received = closed - chrono::Duration::days(40);
            diesel::update(complaints::table.find(id))
                .set((
                    complaints::received_on.eq(received),
                    complaints::deadline_on.eq(received + chrono::Duration::weeks(6)),
                ))
                .execute(&mut app.conn())
                .unwrap();
        }
        // The app's own housekeeping may get there first; either way it happens exactly once.
        assert!(retention::run(&mut app.conn(), 5, today).unwrap() <= 1);
        assert_eq!(
            retention::run(&mut app.conn(), 5, today).unwrap(),
            0,
            "once"
        );
        let row = |id: i64| -> (
            Option<String>,
            Option<String>,
            String,
            Option<String>,
            Option<chrono::NaiveDate>,
            String,
        ) {
            complaints::table
                .find(id)
                .select((
                    complaints::name,
                    complaints::email,
                    complaints::description,
                    complaints::person_complained,
                    complaints::anonymised_on,
                    complaints::state,
                ))
                .get_result(&mut app.conn())
                .unwrap()
        };
        let erased = row(old);
        assert_eq!((erased.0, erased.1), (None, None));
        assert_eq!(erased.2, retention::ERASED);
        assert_eq!(erased.3, None);
        assert_eq!(erased.4, Some(today));
        assert_eq!(erased.5, "gesloten", "what the figures need stays");
        assert!(row(recent).0.is_some() && row(running).0.is_some());
        let left: i64 = complaint_attachments::table
            .filter(complaint_attachments::complaint_id.eq(old))
            .count()
            .get_result(&mut app.conn())
            .unwrap();
        assert_eq!(left, 0);
        let reasons: Vec<Option<String>> = complaint_events::table
            .filter(complaint_events::complaint_id.eq(old))
            .select(complaint_events::reason)
            .load(&mut app.conn())
            .unwrap();
        assert!(reasons.iter().all(Option::is_none));
        let elements: Vec<(String, Option<String>)> = complaint_elements::table
            .filter(complaint_elements::complaint_id.eq(old))
            .select((
                complaint_elements::description,
                complaint_elements::judgement,
            ))
            .load(&mut app.conn())
            .unwrap();
        assert_eq!(
            elements,
            [(retention::ERASED.to_string(), Some("gegrond".to_string()))]
        );

        // The register: written complaints with outcome, handling time and deadline, no names.
        let (coordinator, _) = app.logged_in("register.coordinator", &[Role::Klachtcoordinator]);
        let year = chrono::Datelike::year(&today);
        let csv = coordinator.get(&format!("/klachten/register.csv?jaar={year}"));
        assert_eq!(csv.status, 200);
        let lines: Vec<&str> = csv.body.lines().collect();
        assert_eq!(lines.len(), 2, "{}", csv.body);
        assert!(lines[0].starts_with("zaaknummer,ontvangen,kanaal"));
        assert!(
            lines[1].starts_with(&format!("{year}-{running:04},")) && lines[1].contains(",lopend,"),
            "{}",
            lines[1]
        );
        let received_old: chrono::NaiveDate = complaints::table
            .find(old)
            .select(complaints::received_on)
            .get_result(&mut app.conn())
            .unwrap();
        let old_year = chrono::Datelike::year(&received_old);
        let csv = coordinator.get(&format!("/klachten/register.csv?jaar={old_year}"));
        let line = csv
            .body
            .lines()
            .find(|l| l.contains(&format!("-{old:04},")))
            .unwrap_or_else(|| panic!("{}", csv.body));
        assert!(line.contains(",gegrond,"), "{line}");
        assert!(
            line.ends_with(",37,ja"),
            "decided 37 days after receipt, within 6 weeks: {line}"
        );
        assert!(
            !csv.body.contains("de Vries") && !csv.body.contains("klager@"),
            "no personal data"
        );
        let page = coordinator.get(&format!("/klachten/register?jaar={year}&lang=nl"));
        assert_eq!(page.texts("tbody tr").len(), 1);
        let (handler, _) = app.logged_in("register.behandelaar", &[Role::Klachtbehandelaar]);
        assert_eq!(handler.get("/klachten/register").status, 403);
    }
);

both_backends!(the_coordinator_keeps_the_categories_current, |app| {
    let (coordinator, _) = app.logged_in("onderwerpen.coordinator", &[Role::Klachtcoordinator]);
    let page = coordinator.get("/klachten/categorieen?lang=nl");
    assert_eq!(page.status, 200);
    let fields = page.form_values("form[action='/klachten/categorieen']");
    let rows = fields
        .iter()
        .filter(|(k, _)| k.starts_with("naam-"))
        .count();
    assert_eq!(rows, 11, "seeded from what complainants said");
    // Rename the first, switch the second off, add one.
    let mut changed: Vec<(String, String)> = fields
        .into_iter()
        .filter(|(k, _)| k != "actief-2" && k != "nieuw")
        .map(|(k, v)| {
            if k == "naam-1" {
                (k, "Niet gehoord voor het besluit".to_string())
            } else {
                (k, v)
            }
        })
        .collect();
    changed.push(("nieuw".into(), "Huisbezoek zonder aankondiging".into()));
    let f: Vec<(&str, &str)> = changed
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = coordinator.post_raw("/klachten/categorieen", &f);
    assert_eq!(r.status, 303, "{}", r.body);
    let s = setup();
    let id = case_in(&app, &s, State::Received, false);
    let case = coordinator.get(&format!("/klachten/{id}?lang=nl"));
    let labels = case.texts("form[action$='/indeling'] fieldset .choice label");
    assert!(
        labels.iter().any(|l| l == "Niet gehoord voor het besluit"),
        "{labels:?}"
    );
    assert!(labels.iter().any(|l| l == "Huisbezoek zonder aankondiging"));
    assert!(
        !labels.iter().any(|l| l.starts_with("Respectloos")),
        "switched off"
    );
    // The same name twice is refused with a message.
    let page = coordinator.get("/klachten/categorieen?lang=nl");
    let mut again = page.form_values("form[action='/klachten/categorieen']");
    again.retain(|(k, _)| k != "nieuw");
    again.push(("nieuw".into(), "huisbezoek zonder aankondiging".into()));
    let f: Vec<(&str, &str)> = again
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = coordinator.post_raw("/klachten/categorieen", &f);
    assert_eq!(r.status, 422);
    assert!(r.body.contains(&t(Lang::Nl, "categories-error-exists")));
    assert_eq!(app.count("complaint_categories"), 12);
});

both_backends!(each_letter_goes_out_with_its_facts, |app| {
    let s = setup();
    let everyone = [
        Role::Klachtcoordinator,
        Role::Klachtbehandelaar,
        Role::Commissielid,
    ];
    let (_, _, actor) = app.user("brieven.iedereen", &everyone);
    let by = store::By {
        id: actor,
        roles: &everyone,
    };
    let today = klankbord::fmt::today();
    let letter = |id: i64, kind: &str| -> Vec<(String, String, String)> {
        complaint_letters::table
            .filter(complaint_letters::complaint_id.eq(id))
            .filter(complaint_letters::kind.eq(kind))
            .select((
                complaint_letters::recipient,
                complaint_letters::subject,
                complaint_letters::body,
            ))
            .load(&mut app.conn())
            .unwrap()
    };
    // Without e-mail every letter is printed; the receipt names the code's page and the deadline.
    let (id, code) = store::register(
        &mut app.conn(),
        &s.env(),
        &new_complaint(None, Some("Dorpsstraat 1")),
        None,
    )
    .unwrap();
    let c = store::load(&mut app.conn(), id).unwrap();
    let receipt = letter(id, "ontvangst");
    assert_eq!(receipt.len(), 1);
    assert!(receipt[0]
        .0
        .starts_with("Mevrouw A. de Vries\nDorpsstraat 1"));
    assert!(receipt[0].1.contains(&store::case_number(&c)));
    assert!(receipt[0].2.contains(&code) && receipt[0].2.contains("/klacht/volgen"));
    assert!(receipt[0].2.contains(&store::date_text(c.deadline_on)));
    // Referral to bezwaar: the 6-week term.
    steps::take(
        &mut app.conn(),
        &s.env(),
        id,
        &Command::new(Step::ReferToBezwaar),
        by,
        today,
    )
    .unwrap();
    let referral = letter(id, "bezwaar");
    assert!(referral[0].2.contains("6 weken"), "{}", referral[0].2);
    // Mediation: the first-contact date, five working days on.
    let id = case_in(&app, &s, State::Received, false);
    diesel::update(complaints::table.find(id))
        .set(complaints::email.eq(None::<String>))
        .execute(&mut app.conn())
        .unwrap();
    diesel::update(complaints::table.find(id))
        .set(complaints::address.eq("Kerkstraat 2"))
        .execute(&mut app.conn())
        .unwrap();
    steps::take(
        &mut app.conn(),
        &s.env(),
        id,
        &Command::new(Step::StartMediation),
        by,
        today,
    )
    .unwrap();
    let target = s.calendar.add_working_days(today, 5);
    assert!(letter(id, "bemiddeling")[0]
        .2
        .contains(&store::date_text(target)));
    // Postponement: to the complainant and the person complained about, with weeks, new date, reason.
    let id = case_in(&app, &s, State::FormalHandling, false);
    diesel::update(complaints::table.find(id))
        .set((
            complaints::email.eq(None::<String>),
            complaints::address.eq("Kerkstraat 3"),
        ))
        .execute(&mut app.conn())
        .unwrap();
    let postpone =
        Command::new(Step::Postpone { weeks: 3 }).because("Wij wachten op het klantdossier.");
    steps::take(&mut app.conn(), &s.env(), id, &postpone, by, today).unwrap();
    // The complainant and the person complained about, each with the letter for their role.
    let mut notices = letter(id, "uitstel");
    assert_eq!(notices.len(), 1, "to the complainant");
    notices.extend(letter(id, "beklaagde-uitstel"));
    assert_eq!(notices.len(), 2, "and to the person complained about");
    let deadline: chrono::NaiveDate = complaints::table
        .find(id)
        .select(complaints::deadline_on)
        .get_result(&mut app.conn())
        .unwrap();
    for (_, _, body) in &notices {
        assert!(
            body.contains("3 weken")
                && body.contains(&store::date_text(deadline))
                && body.contains("klantdossier"),
            "{body}"
        );
    }
    assert!(notices
        .iter()
        .any(|(to, _, _)| to.starts_with("Medewerker X")));
    // The postponed deadline is the engine's: 6 + 3 weeks, moved past closed days.
    let received: chrono::NaiveDate = complaints::table
        .find(id)
        .select(complaints::received_on)
        .get_result(&mut app.conn())
        .unwrap();
    let expected = klankbord::complaints::deadlines::legal_deadline(
        klankbord::complaints::deadlines::DeadlineInput {
            received,
            committee: false,
            postponement_weeks: 3,
            consented_until: None,
        },
        &s.calendar,
    )
    .unwrap();
    assert_eq!(deadline, expected);
    // The hearing invitation in the complainant's language.
    diesel::update(complaints::table.find(id))
        .set(complaints::language.eq("en"))
        .execute(&mut app.conn())
        .unwrap();
    steps::take(
        &mut app.conn(),
        &s.env(),
        id,
        &command_for(Action::PlanHearing),
        by,
        today,
    )
    .unwrap();
    let invitations = letter(id, "hoorzitting");
    let to_complainant = invitations
        .iter()
        .find(|(to, _, _)| to.contains("de Vries"))
        .unwrap();
    assert!(
        to_complainant.2.contains("14:00")
            && to_complainant
                .2
                .contains("https://video.voorbeeld.nl/kamer-1")
    );
    assert!(
        !to_complainant.2.contains("Beste "),
        "in English: {}",
        to_complainant.2
    );
    let to_staff = letter(id, "beklaagde-hoorzitting");
    let to_staff = to_staff
        .iter()
        .find(|(to, _, _)| to.starts_with("Medewerker X"))
        .unwrap();
    assert!(to_staff.2.contains("Beste "), "staff letters are in Dutch");
});

/// A multipart form with one file in the field `stuk`.
pub(crate) fn document_form(token: &str, file: Option<(&str, &str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "----klankbordstukgrens";
    let mut body =
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n")
            .into_bytes();
    if let Some((name, kind, bytes)) = file {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"stuk\"; filename=\"{name}\"\r\nContent-Type: {kind}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

both_backends!(the_committee_adds_its_minutes_to_the_case, |app| {
    use klankbord::web::i18n::{t, t_args, Lang};
    let s = setup();
    let (member, _) = app.logged_in("stuk.commissie", &[Role::Commissielid]);
    let (handler, _) = app.logged_in("stuk.behandelaar", &[Role::Klachtbehandelaar]);
    let (council, _) = app.logged_in("stuk.raadslid", &[Role::Raadslid]);
    let id = case_in(&app, &s, State::HearingPlanned, true);
    let path = format!("/klachten/{id}");
    let page = member.get(&format!("{path}?lang=nl"));
    assert_eq!(page.status, 200);
    assert_eq!(
        page.attr("form.document", "action").as_deref(),
        Some(format!("{path}/bijlagen").as_str())
    );
    let token = page.csrf();
    let minutes = b"%PDF-1.4 verslag van de hoorzitting".to_vec();
    // No file, and a file we cannot open: said plainly, nothing stored.
    let (ct, body) = document_form(&token, None);
    let r = member.post_body(&format!("{path}/bijlagen?lang=nl"), &ct, &body);
    assert_eq!(r.status, 422);
    assert!(r
        .texts(".error-summary")
        .join(" ")
        .contains(&t(Lang::Nl, "case-document-missing")));
    let (ct, body) = document_form(
        &token,
        Some(("verslag.exe", "application/octet-stream", b"MZ")),
    );
    let r = member.post_body(&format!("{path}/bijlagen?lang=nl"), &ct, &body);
    assert_eq!(r.status, 422);
    assert!(r.body.contains(&t_args(
        Lang::Nl,
        "complaint-error-file-type",
        &[("file", "verslag.exe")]
    )));
    assert_eq!(app.count("complaint_attachments"), 0);
    // The minutes as pdf: stored, listed, downloadable, and the history says who added a document.
    let (ct, body) = document_form(
        &token,
        Some(("verslag-hoorzitting.pdf", "application/pdf", &minutes)),
    );
    let r = member.post_body(&format!("{path}/bijlagen"), &ct, &body);
    assert_eq!(r.status, 303);
    let page = member.get(&format!("{path}?lang=nl"));
    let link = page
        .attr("a[href*='/bijlagen/']", "href")
        .expect("the document is listed");
    assert!(page.body.contains("verslag-hoorzitting.pdf"));
    let (status, _, bytes) = member.get_bytes(&link);
    assert_eq!((status, bytes), (200, minutes.clone()));
    assert!(page.body.contains(&t(Lang::Nl, "event-document_added")));
    // Someone who may not see the case cannot add to it either.
    let (ct, body) = document_form(
        &handler.get("/klachten?lang=nl").csrf(),
        Some(("x.pdf", "application/pdf", b"%PDF")),
    );
    assert_eq!(
        handler
            .post_body(&format!("{path}/bijlagen"), &ct, &body)
            .status,
        404
    );
    let (ct, body) = document_form(
        &council.get("/rapportage?lang=nl").csrf(),
        Some(("x.pdf", "application/pdf", b"%PDF")),
    );
    assert_eq!(
        council
            .post_body(&format!("{path}/bijlagen"), &ct, &body)
            .status,
        403
    );
    assert_eq!(app.count("complaint_attachments"), 1);
});

both_backends!(
    a_step_refused_for_its_input_is_told_in_the_language_of_the_person,
    |app| {
        let s = setup();
        let (coordinator, _) = app.logged_in("taal.coordinator", &[Role::Klachtcoordinator]);
        let id = case_in(&app, &s, State::Heard, false);
        let case = format!("/klachten/{id}");
        for lang in [Lang::En, Lang::Ar, Lang::Nl] {
            // She chose her language on a page; the refusal comes back in it.
            assert_eq!(
                coordinator
                    .get(&format!("{case}?lang={}", lang.code()))
                    .status,
                200
            );
            let r = coordinator.submit(
                &case,
                &format!("{case}/stap"),
                &[
                    ("actie", "postpone"),
                    ("reden", "Het advies is nog niet binnen."),
                    ("weken", "9"),
                    ("bevestigd", "ja"),
                ],
            );
            assert_eq!(r.status, 422, "{lang:?}");
            let text = t(lang, "step-invalid-postpone-weeks");
            assert!(r.body.contains(&text), "{lang:?}: {text}");
        }
        // The English page does not carry the Dutch text, and nothing was postponed.
        coordinator.get(&format!("{case}?lang=en"));
        let r = coordinator.submit(
            &case,
            &format!("{case}/stap"),
            &[
                ("actie", "postpone"),
                ("reden", "x"),
                ("weken", "0"),
                ("bevestigd", "ja"),
            ],
        );
        assert_eq!(r.status, 422);
        assert!(!r.body.contains(&t(Lang::Nl, "step-invalid-postpone-weeks")));
        let weeks: i32 = complaint_progress::table
            .find(id)
            .select(complaint_progress::postponement_weeks)
            .get_result(&mut app.conn())
            .unwrap();
        assert_eq!(weeks, 0);
    }
);
