//! Workflow steps as typed commands: each variant carries exactly the fields its step needs, parsed
//! and checked at the edge. [`super::steps::take`] runs one, with one small function per variant.

use chrono::{NaiveDate, NaiveDateTime};

use super::invalid::Invalid;
use super::terms::{ConsentWay, DeclineGround, HearingMode, SkipGround};
use super::workflow::Action;

/// One workflow step with its own fields, and the reason given for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// What is done.
    pub step: Step,
    /// Why (stored with the step; required where the workflow table says so).
    pub reason: Option<String>,
}

/// A hearing to plan, with typed values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hearing {
    /// Date and time (Europe/Amsterdam).
    pub at: NaiveDateTime,
    /// How it takes place.
    pub mode: HearingMode,
    /// Room and address, or the phone number or video link.
    pub place: String,
    /// Who is invited.
    pub invitees: String,
}

/// The outcome letter as it goes out (subject and text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterText {
    /// Subject line.
    pub subject: String,
    /// The text.
    pub body: String,
}

/// A workflow step and what it records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Refer to the bezwaar procedure.
    ReferToBezwaar,
    /// Do not handle, on a ground of Awb 9:8.
    Decline {
        /// The ground.
        ground: DeclineGround,
    },
    /// Start mediation.
    StartMediation,
    /// Mediation resolved it (Awb 9:5).
    ResolveInformally,
    /// Handle formally.
    StartFormalHandling,
    /// The complainant withdraws.
    Withdraw,
    /// Consent to request the client file.
    RecordFileConsent {
        /// Given on.
        on: NaiveDate,
        /// How.
        how: ConsentWay,
    },
    /// Inform the person complained about (Awb 9:9).
    InformPerson,
    /// Plan the hearing.
    PlanHearing(Hearing),
    /// The hearing was held.
    HoldHearing {
        /// Who attended.
        attendance: Option<String>,
        /// The minutes (the workflow refuses the step without them).
        minutes: Option<String>,
    },
    /// No hearing, on a ground of Awb 9:10 lid 2.
    SkipHearing {
        /// The ground.
        ground: SkipGround,
    },
    /// The committee's advice.
    RecordAdvice {
        /// The advice.
        advice: String,
    },
    /// Decide and send the outcome letter: the text previewed and edited on the decision page, or
    /// (without one) the letter made from the decision as it stands.
    Decide {
        /// The letter as previewed.
        letter: Option<LetterText>,
    },
    /// Postpone the decision (Awb 9:11 lid 2).
    Postpone {
        /// 1 to 4 weeks.
        weeks: i64,
    },
    /// Close the case.
    Close,
    /// The complainant went to the ombudsman.
    ReferToOmbudsman {
        /// Which ombudsman (the configured one when empty).
        ombudsman: Option<String>,
        /// On (today when empty).
        on: Option<NaiveDate>,
    },
    /// The ombudsman's outcome.
    RecordOmbudsmanOutcome {
        /// What the ombudsman concluded.
        outcome: String,
    },
}

impl Step {
    /// The workflow action this step is.
    pub fn action(&self) -> Action {
        match self {
            Step::ReferToBezwaar => Action::ReferToBezwaar,
            Step::Decline { .. } => Action::Decline,
            Step::StartMediation => Action::StartMediation,
            Step::ResolveInformally => Action::ResolveInformally,
            Step::StartFormalHandling => Action::StartFormalHandling,
            Step::Withdraw => Action::Withdraw,
            Step::RecordFileConsent { .. } => Action::RecordFileConsent,
            Step::InformPerson => Action::InformPersonComplainedAbout,
            Step::PlanHearing(_) => Action::PlanHearing,
            Step::HoldHearing { .. } => Action::HoldHearing,
            Step::SkipHearing { .. } => Action::SkipHearing,
            Step::RecordAdvice { .. } => Action::RecordAdvice,
            Step::Decide { .. } => Action::Decide,
            Step::Postpone { .. } => Action::Postpone,
            Step::Close => Action::Close,
            Step::ReferToOmbudsman { .. } => Action::ReferToOmbudsman,
            Step::RecordOmbudsmanOutcome { .. } => Action::RecordOmbudsmanOutcome,
        }
    }
}

impl Step {
    /// The step of an action whose fields may all be left empty; `None` for an action that
    /// needs a field (a ground, a date, a text, a hearing, a number of weeks).
    pub fn bare(action: Action) -> Option<Step> {
        match action {
            Action::ReferToBezwaar => Some(Step::ReferToBezwaar),
            Action::StartMediation => Some(Step::StartMediation),
            Action::ResolveInformally => Some(Step::ResolveInformally),
            Action::StartFormalHandling => Some(Step::StartFormalHandling),
            Action::Withdraw => Some(Step::Withdraw),
            Action::InformPersonComplainedAbout => Some(Step::InformPerson),
            Action::HoldHearing => Some(Step::HoldHearing {
                attendance: None,
                minutes: None,
            }),
            Action::Decide => Some(Step::Decide { letter: None }),
            Action::Close => Some(Step::Close),
            Action::ReferToOmbudsman => Some(Step::ReferToOmbudsman {
                ombudsman: None,
                on: None,
            }),
            Action::Decline
            | Action::RecordFileConsent
            | Action::PlanHearing
            | Action::SkipHearing
            | Action::RecordAdvice
            | Action::Postpone
            | Action::RecordOmbudsmanOutcome => None,
        }
    }
}

/// The fields of a posted step form, by name (the first value of each, trimmed).
#[derive(Debug, Clone, Copy)]
pub struct StepForm<'a>(pub &'a [(String, String)]);

impl StepForm<'_> {
    /// A text field; empty or missing is nothing.
    fn text(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    }

    /// A date field (`yyyy-mm-dd`, as a date input sends it); anything else is nothing.
    fn date(&self, name: &str) -> Option<NaiveDate> {
        self.text(name)
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
    }
}

impl Command {
    /// The command for `action` from its posted form; a missing or unknown value is named.
    pub fn from_form(action: Action, form: StepForm<'_>) -> Result<Command, Invalid> {
        let step = match action {
            Action::Decline => decline(form)?,
            Action::RecordFileConsent => file_consent(form)?,
            Action::PlanHearing => plan_hearing(form)?,
            Action::HoldHearing => hold_hearing(form),
            Action::SkipHearing => skip_hearing(form)?,
            Action::RecordAdvice => record_advice(form)?,
            Action::Postpone => postpone(form)?,
            Action::ReferToOmbudsman => refer_to_ombudsman(form),
            Action::RecordOmbudsmanOutcome => ombudsman_outcome(form)?,
            Action::ReferToBezwaar => Step::ReferToBezwaar,
            Action::StartMediation => Step::StartMediation,
            Action::ResolveInformally => Step::ResolveInformally,
            Action::StartFormalHandling => Step::StartFormalHandling,
            Action::Withdraw => Step::Withdraw,
            Action::InformPersonComplainedAbout => Step::InformPerson,
            // The decision is sent from its own page, with the letter as previewed.
            Action::Decide => Step::Decide { letter: None },
            Action::Close => Step::Close,
        };
        Ok(Command {
            step,
            reason: form.text("reden"),
        })
    }

    /// A command without a reason.
    pub fn new(step: Step) -> Command {
        Command { step, reason: None }
    }

    /// The same command with `reason`.
    pub fn because(self, reason: &str) -> Command {
        Command {
            reason: Some(reason.to_string()),
            ..self
        }
    }
}

/// Not handled: the ground of Awb 9:8 (`grond`).
fn decline(form: StepForm<'_>) -> Result<Step, Invalid> {
    let ground = form.text("grond").and_then(|g| DeclineGround::parse(&g));
    Ok(Step::Decline {
        ground: ground.ok_or(Invalid::DeclineGround)?,
    })
}

/// Consent for the client file: how (`tekst`) and on which day (`datum`).
fn file_consent(form: StepForm<'_>) -> Result<Step, Invalid> {
    let how = form.text("tekst").and_then(|w| ConsentWay::parse(&w));
    let how = how.ok_or(Invalid::ConsentWay)?;
    let on = form.date("datum").ok_or(Invalid::ConsentDate)?;
    Ok(Step::RecordFileConsent { on, how })
}

/// The hearing to plan: day (`datum`) and time (`tijd`), how (`wijze`), where (`plaats`), who
/// (`genodigden`).
fn plan_hearing(form: StepForm<'_>) -> Result<Step, Invalid> {
    let (Some(day), Some(time)) = (form.date("datum"), form.text("tijd")) else {
        return Err(Invalid::HearingMissing);
    };
    let time =
        chrono::NaiveTime::parse_from_str(&time, "%H:%M").map_err(|_| Invalid::HearingTime)?;
    let mode = form
        .text("wijze")
        .and_then(|m| HearingMode::parse(&m))
        .filter(|m| m.can_be_planned());
    match (mode, form.text("plaats")) {
        (Some(mode), Some(place)) => Ok(Step::PlanHearing(Hearing {
            at: day.and_time(time),
            mode,
            place,
            invitees: form.text("genodigden").unwrap_or_default(),
        })),
        _ => Err(Invalid::HearingModePlace),
    }
}

/// The hearing was held: who attended (`aanwezig`), the minutes (`tekst`).
fn hold_hearing(form: StepForm<'_>) -> Step {
    Step::HoldHearing {
        attendance: form.text("aanwezig"),
        minutes: form.text("tekst"),
    }
}

/// No hearing: the ground of Awb 9:10 lid 2 (`grond`).
fn skip_hearing(form: StepForm<'_>) -> Result<Step, Invalid> {
    let ground = form.text("grond").and_then(|g| SkipGround::parse(&g));
    Ok(Step::SkipHearing {
        ground: ground.ok_or(Invalid::SkipGround)?,
    })
}

/// The committee's advice (`tekst`).
fn record_advice(form: StepForm<'_>) -> Result<Step, Invalid> {
    Ok(Step::RecordAdvice {
        advice: form.text("tekst").ok_or(Invalid::Advice)?,
    })
}

/// Postponement: 1 to 4 weeks (`weken`).
fn postpone(form: StepForm<'_>) -> Result<Step, Invalid> {
    let weeks = form.text("weken").and_then(|w| w.parse().ok()).unwrap_or(0);
    if !(1..=super::deadlines::MAX_POSTPONEMENT_WEEKS).contains(&weeks) {
        return Err(Invalid::PostponeWeeks);
    }
    Ok(Step::Postpone { weeks })
}

/// To the ombudsman: which one (`tekst`, the configured one when empty) and on which day
/// (`datum`, today when empty).
fn refer_to_ombudsman(form: StepForm<'_>) -> Step {
    Step::ReferToOmbudsman {
        ombudsman: form.text("tekst"),
        on: form.date("datum"),
    }
}

/// The ombudsman's outcome (`tekst`).
fn ombudsman_outcome(form: StepForm<'_>) -> Result<Step, Invalid> {
    Ok(Step::RecordOmbudsmanOutcome {
        outcome: form.text("tekst").ok_or(Invalid::OmbudsmanOutcome)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(fields: &[(&str, &str)]) -> Vec<(String, String)> {
        fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn parse(action: Action, fields: &[(&str, &str)]) -> Result<Step, Invalid> {
        Command::from_form(action, StepForm(&form(fields))).map(|c| c.step)
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn the_reason_is_trimmed_and_empty_is_none() {
        let c = Command::from_form(Action::Withdraw, StepForm(&form(&[("reden", " waarom ")])));
        assert_eq!(c, Ok(Command::new(Step::Withdraw).because("waarom")));
        let c = Command::from_form(Action::Withdraw, StepForm(&form(&[("reden", "  ")])));
        assert_eq!(c.map(|c| c.reason), Ok(None));
    }

    #[test]
    fn a_bare_step_is_what_an_empty_form_gives() {
        for action in Action::ALL {
            assert_eq!(Step::bare(action), parse(action, &[]).ok(), "{action:?}");
            if let Some(step) = Step::bare(action) {
                assert_eq!(step.action(), action);
            }
        }
    }

    #[test]
    fn decline_needs_a_ground_of_9_8() {
        assert_eq!(
            parse(Action::Decline, &[("grond", "ouder_dan_jaar")]),
            Ok(Step::Decline {
                ground: DeclineGround::OlderThanAYear
            })
        );
        assert_eq!(parse(Action::Decline, &[]), Err(Invalid::DeclineGround));
        // A 9:10 ground is not a 9:8 ground.
        assert_eq!(
            parse(Action::Decline, &[("grond", "afgezien")]),
            Err(Invalid::DeclineGround)
        );
    }

    #[test]
    fn file_consent_needs_how_and_when() {
        let full = [("tekst", "schriftelijk"), ("datum", "2026-12-01")];
        assert_eq!(
            parse(Action::RecordFileConsent, &full),
            Ok(Step::RecordFileConsent {
                on: day(12, 1),
                how: ConsentWay::InWriting
            })
        );
        assert_eq!(
            parse(Action::RecordFileConsent, &[("datum", "2026-12-01")]),
            Err(Invalid::ConsentWay)
        );
        assert_eq!(
            parse(
                Action::RecordFileConsent,
                &[("tekst", "email"), ("datum", "1-12-2026")]
            ),
            Err(Invalid::ConsentDate)
        );
    }

    #[test]
    fn a_hearing_needs_day_time_way_and_place() {
        let full = [
            ("datum", "2026-12-15"),
            ("tijd", "14:00"),
            ("wijze", "video"),
            ("plaats", " link "),
            ("genodigden", "klager"),
        ];
        assert_eq!(
            parse(Action::PlanHearing, &full),
            Ok(Step::PlanHearing(Hearing {
                at: day(12, 15).and_hms_opt(14, 0, 0).unwrap(),
                mode: HearingMode::Video,
                place: "link".into(),
                invitees: "klager".into(),
            }))
        );
        let without = |name: &str| -> Vec<(&str, &str)> {
            full.iter().copied().filter(|(k, _)| *k != name).collect()
        };
        assert_eq!(
            parse(Action::PlanHearing, &without("tijd")),
            Err(Invalid::HearingMissing)
        );
        assert_eq!(
            parse(Action::PlanHearing, &without("plaats")),
            Err(Invalid::HearingModePlace)
        );
        let mut late = without("tijd");
        late.push(("tijd", "twee uur"));
        assert_eq!(parse(Action::PlanHearing, &late), Err(Invalid::HearingTime));
        // "Not held" is not a way to plan one.
        let mut not_held = without("wijze");
        not_held.push(("wijze", "geen"));
        assert_eq!(
            parse(Action::PlanHearing, &not_held),
            Err(Invalid::HearingModePlace)
        );
    }

    #[test]
    fn a_held_hearing_carries_attendance_and_minutes() {
        assert_eq!(
            parse(
                Action::HoldHearing,
                &[("aanwezig", "klager"), ("tekst", "Verslag")]
            ),
            Ok(Step::HoldHearing {
                attendance: Some("klager".into()),
                minutes: Some("Verslag".into())
            })
        );
    }

    #[test]
    fn skipping_the_hearing_needs_a_ground_of_9_10() {
        assert_eq!(
            parse(Action::SkipHearing, &[("grond", "afgezien")]),
            Ok(Step::SkipHearing {
                ground: SkipGround::Waived
            })
        );
        assert_eq!(
            parse(Action::SkipHearing, &[("grond", "ouder_dan_jaar")]),
            Err(Invalid::SkipGround)
        );
    }

    #[test]
    fn advice_and_the_ombudsmans_outcome_need_their_text() {
        assert_eq!(
            parse(Action::RecordAdvice, &[("tekst", "Gegrond")]),
            Ok(Step::RecordAdvice {
                advice: "Gegrond".into()
            })
        );
        assert_eq!(parse(Action::RecordAdvice, &[]), Err(Invalid::Advice));
        assert_eq!(
            parse(Action::RecordOmbudsmanOutcome, &[("tekst", " ")]),
            Err(Invalid::OmbudsmanOutcome)
        );
        assert_eq!(
            parse(
                Action::RecordOmbudsmanOutcome,
                &[("tekst", "Geen onderzoek")]
            ),
            Ok(Step::RecordOmbudsmanOutcome {
                outcome: "Geen onderzoek".into()
            })
        );
    }

    #[test]
    fn postponement_is_one_to_four_weeks() {
        assert_eq!(
            parse(Action::Postpone, &[("weken", "4")]),
            Ok(Step::Postpone { weeks: 4 })
        );
        for weeks in ["0", "5", "drie", ""] {
            assert_eq!(
                parse(Action::Postpone, &[("weken", weeks)]),
                Err(Invalid::PostponeWeeks),
                "{weeks}"
            );
        }
    }

    #[test]
    fn the_ombudsman_and_the_day_may_be_left_empty() {
        assert_eq!(
            parse(
                Action::ReferToOmbudsman,
                &[("tekst", "Nationale ombudsman"), ("datum", "2026-12-01")]
            ),
            Ok(Step::ReferToOmbudsman {
                ombudsman: Some("Nationale ombudsman".into()),
                on: Some(day(12, 1))
            })
        );
    }
}
