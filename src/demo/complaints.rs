//! Demo complaints, in every state and channel.

use crate::accounts::model::Role;
use crate::accounts::service;
use crate::complaints::model::Norms;
use crate::complaints::terms::{Channel, Judgement, Kind};
use crate::complaints::workflow::Action;
use crate::db::DbConnection;

/// What demo complainants wrote (fictitious), with the conduct category it is about.
pub(super) const COMPLAINTS: &[(&str, &str)] = &[
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

/// How many times the demo walks every journey (once long ago, once recently).
const ROUNDS: usize = 2;

/// How many complaints the demo makes: every journey, once a round.
pub const COUNT: usize = ROUNDS * JOURNEYS.len();

/// One step of a demo journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Go {
    /// The complaints committee handles it (set when the case is classified).
    Committee,
    /// The mediation talk was held; the complainant was satisfied or not.
    Mediated {
        /// Whether the complainant was satisfied.
        satisfied: bool,
    },
    /// Both parts judged (the complaint's own text and how it was taken up), with the reasoned
    /// decision drafted.
    Judge(Judgement, Judgement),
    /// A follow-up action agreed.
    Followup,
    /// A step of the workflow, with the demo's facts where the step needs them.
    Take(Action),
}

use Go::{Committee, Followup, Judge, Mediated, Take};
use Judgement::{Founded, NoJudgement, Unfounded};

/// Demo handlers' journeys: (channel, steps to take from "received"), across every state.
const JOURNEYS: &[(Channel, &[Go])] = &[
    (Channel::Web, &[]),
    (
        Channel::Committee,
        &[
            Committee,
            Take(Action::StartFormalHandling),
            Take(Action::InformPersonComplainedAbout),
            Take(Action::PlanHearing),
            Take(Action::HoldHearing),
            Take(Action::RecordAdvice),
        ],
    ),
    (Channel::Phone, &[Take(Action::StartMediation)]),
    (Channel::Counter, &[Take(Action::StartMediation)]),
    (
        Channel::Email,
        &[
            Take(Action::StartMediation),
            Mediated { satisfied: true },
            Take(Action::ResolveInformally),
        ],
    ),
    (
        Channel::CouncilMember,
        &[
            Take(Action::StartMediation),
            Mediated { satisfied: true },
            Take(Action::ResolveInformally),
            Take(Action::Close),
        ],
    ),
    (Channel::Web, &[Take(Action::ReferToBezwaar)]),
    (Channel::Letter, &[Take(Action::Decline)]),
    (
        Channel::Phone,
        &[Take(Action::StartMediation), Take(Action::Withdraw)],
    ),
    (
        Channel::Web,
        &[
            Take(Action::StartMediation),
            Mediated { satisfied: false },
            Take(Action::StartFormalHandling),
        ],
    ),
    (
        Channel::Committee,
        &[
            Take(Action::StartFormalHandling),
            Take(Action::RecordFileConsent),
            Take(Action::InformPersonComplainedAbout),
        ],
    ),
    (
        Channel::Alderman,
        &[
            Take(Action::StartFormalHandling),
            Take(Action::InformPersonComplainedAbout),
            Take(Action::PlanHearing),
        ],
    ),
    (
        Channel::CouncilMember,
        &[
            Take(Action::StartFormalHandling),
            Take(Action::InformPersonComplainedAbout),
            Take(Action::PlanHearing),
            Take(Action::HoldHearing),
        ],
    ),
    (
        Channel::Letter,
        &[
            Take(Action::StartFormalHandling),
            Take(Action::InformPersonComplainedAbout),
            Take(Action::SkipHearing),
        ],
    ),
    (
        Channel::Email,
        &[
            Take(Action::StartFormalHandling),
            Take(Action::Postpone),
            Take(Action::InformPersonComplainedAbout),
            Take(Action::PlanHearing),
            Take(Action::HoldHearing),
            Judge(Founded, Founded),
            Take(Action::Decide),
        ],
    ),
    (
        Channel::Web,
        &[
            Take(Action::StartFormalHandling),
            Take(Action::InformPersonComplainedAbout),
            Take(Action::PlanHearing),
            Take(Action::HoldHearing),
            Judge(Founded, Founded),
            Take(Action::Decide),
            Followup,
            Take(Action::Close),
        ],
    ),
    (
        Channel::CouncilMember,
        &[
            Take(Action::StartFormalHandling),
            Take(Action::InformPersonComplainedAbout),
            Take(Action::PlanHearing),
            Take(Action::HoldHearing),
            Judge(Founded, Unfounded),
            Take(Action::Decide),
            Followup,
            Take(Action::Close),
        ],
    ),
    (
        Channel::Letter,
        &[
            Take(Action::StartFormalHandling),
            Take(Action::InformPersonComplainedAbout),
            Take(Action::SkipHearing),
            Judge(Unfounded, NoJudgement),
            Take(Action::Decide),
            Take(Action::Close),
            Take(Action::ReferToOmbudsman),
        ],
    ),
    (
        Channel::Committee,
        &[
            Committee,
            Take(Action::StartFormalHandling),
            Take(Action::InformPersonComplainedAbout),
            Take(Action::PlanHearing),
            Take(Action::HoldHearing),
            Take(Action::RecordAdvice),
            Judge(Founded, Founded),
            Take(Action::Decide),
            Followup,
            Take(Action::Close),
        ],
    ),
    (
        Channel::Web,
        &[
            Take(Action::StartFormalHandling),
            Take(Action::InformPersonComplainedAbout),
            Take(Action::SkipHearing),
            Judge(Unfounded, NoJudgement),
            Take(Action::Decide),
            Take(Action::Close),
            Take(Action::ReferToOmbudsman),
            Take(Action::RecordOmbudsmanOutcome),
        ],
    ),
];

/// About forty complaints in every state and channel, some overdue, some via council members, with
/// hearings, decisions and follow-up actions.
pub(super) fn seed_complaints(
    conn: &mut DbConnection,
    env: &crate::complaints::store::Env<'_>,
    today: chrono::NaiveDate,
) -> anyhow::Result<()> {
    use crate::complaints::commands::{Command, Hearing, Step};
    use crate::complaints::store::{self, By, Classification, Mediation};
    use crate::complaints::terms::{ConsentWay, DeclineGround, HearingMode, SkipGround};
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
    for round in 0..ROUNDS {
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
            let messenger = channel.has_messenger();
            let email = (!n.is_multiple_of(3)).then(|| format!("klager{n}@voorbeeld.nl"));
            let address = n
                .is_multiple_of(3)
                .then(|| format!("Dorpsstraat {n}\n1234 AB Voorbeeld"));
            let mut builder = crate::complaints::builder::ComplaintBuilder::new()
                .received_on(received)
                .channel(*channel)
                .language({
                    use crate::web::i18n::Lang;
                    [
                        Lang::Nl,
                        Lang::Nl,
                        Lang::Nl,
                        Lang::Tr,
                        Lang::Ar,
                        Lang::Pl,
                        Lang::Uk,
                        Lang::En,
                    ][n % 8]
                })
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
                let person = if *channel == Channel::CouncilMember {
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
            let committee = steps.contains(&Committee);
            store::classify(
                conn,
                env,
                id,
                coordinator,
                &Classification {
                    kind: Kind::Complaint,
                    about_decision: category == "inhoud",
                    team: Some(teams[n % teams.len()].into()),
                    person_complained: Some(format!(
                        "Medewerker {}",
                        (b'A' + (n % 26) as u8) as char
                    )),
                    norms: Norms::chosen(&[[
                        "fatsoenlijke_bejegening",
                        "luisteren",
                        "goede_informatieverstrekking",
                        "voortvarendheid",
                        "grondrechten",
                    ][n % 5]
                        .to_string()]),
                    committee,
                    categories: cat.into_iter().collect(),
                    handler_id: Some(handler),
                },
            )
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            let mut on = received + chrono::Duration::days(1);
            for step in *steps {
                on = (on + chrono::Duration::days(3)).min(today);
                let action = match *step {
                    Committee => continue,
                    Mediated { satisfied } => {
                        store::record_mediation(conn, id, handler, &Mediation {
                            contact_on: Some(on),
                            feedback: Some("Gesprek gevoerd met de klager; afspraken gemaakt over terugbellen.".into()),
                            satisfied: Some(satisfied),
                        }, today)
                        .map_err(|e| anyhow::anyhow!("{e}"))?;
                        continue;
                    }
                    Judge(a, b) => {
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
                        for (e, j) in elements.iter().zip([a, b]) {
                            store::judge_element(
                                conn,
                                id,
                                *e,
                                coordinator,
                                j,
                                &Norms::chosen(&["fatsoenlijke_bejegening".to_string()]),
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
                                    judgement: Some(j),
                                    norms: Norms::chosen(&["fatsoenlijke_bejegening".to_string()]),
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
                    Followup => {
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
                    Take(action) => action,
                };
                let step_of = match action {
                    Action::Decline => Step::Decline {
                        ground: DeclineGround::OlderThanAYear,
                    },
                    Action::SkipHearing => Step::SkipHearing {
                        ground: SkipGround::Waived,
                    },
                    Action::Postpone => Step::Postpone { weeks: 4 },
                    Action::RecordFileConsent => Step::RecordFileConsent {
                        on,
                        how: ConsentWay::InWriting,
                    },
                    // Planned on the day of this step, so the demo can record it as held later.
                    Action::PlanHearing => Step::PlanHearing(Hearing {
                        at: on.and_hms_opt(14, 0, 0).unwrap_or_default(),
                        mode: HearingMode::choices()[n % 3],
                        place: "Gemeentehuis, kamer 2.14".into(),
                        invitees: "klager, medewerker, teamleider".into(),
                    }),
                    Action::HoldHearing => Step::HoldHearing {
                        minutes: Some("Verslag: de klager en de teamleider zijn gehoord. Beide lichtten hun kant toe.".into()),
                        attendance: Some("klager, teamleider, commissie".into()),
                    },
                    Action::RecordOmbudsmanOutcome => Step::RecordOmbudsmanOutcome {
                        outcome: "De ombudsman vond de klacht behandeld zoals het hoort en deed geen onderzoek.".into(),
                    },
                    Action::RecordAdvice => Step::RecordAdvice {
                        advice: "De commissie adviseert de klacht gegrond te verklaren.".into(),
                    },
                    other => Step::bare(other)
                        .ok_or_else(|| anyhow::anyhow!("demo step {}", other.code()))?,
                };
                let command = Command::new(step_of).because("Toelichting bij deze stap (demo).");
                crate::complaints::steps::take(conn, env, id, &command, by, on.max(received))
                    .map_err(|e| anyhow::anyhow!("demo {step:?}: {e}"))?;
            }
        }
    }
    Ok(())
}
