//! Workflow steps as typed commands: each variant carries exactly the fields its step needs, parsed
//! and checked at the edge. [`super::steps::take`] runs one, with one small function per variant.

use chrono::{NaiveDate, NaiveDateTime};

use super::invalid::Invalid;
use super::store::{HearingPlan, StepError, StepInput};
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

/// Empty text becomes nothing.
fn clean(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn invalid(what: Invalid) -> StepError {
    StepError::Invalid(what)
}

impl Command {
    /// The command for `action` from a form's values; a missing or unknown value is named.
    pub fn parse(action: Action, input: &StepInput) -> Result<Command, StepError> {
        let text = clean(&input.text);
        let step = match action {
            Action::ReferToBezwaar => Step::ReferToBezwaar,
            Action::Decline => Step::Decline {
                ground: input
                    .ground
                    .as_deref()
                    .and_then(DeclineGround::parse)
                    .ok_or_else(|| invalid(Invalid::DeclineGround))?,
            },
            Action::StartMediation => Step::StartMediation,
            Action::ResolveInformally => Step::ResolveInformally,
            Action::StartFormalHandling => Step::StartFormalHandling,
            Action::Withdraw => Step::Withdraw,
            Action::RecordFileConsent => Step::RecordFileConsent {
                how: text
                    .as_deref()
                    .and_then(ConsentWay::parse)
                    .ok_or_else(|| invalid(Invalid::ConsentWay))?,
                on: input.date.ok_or_else(|| invalid(Invalid::ConsentDate))?,
            },
            Action::InformPersonComplainedAbout => Step::InformPerson,
            Action::PlanHearing => Step::PlanHearing(hearing(input.hearing.as_ref())?),
            Action::HoldHearing => Step::HoldHearing {
                attendance: clean(&input.attendance),
                minutes: text,
            },
            Action::SkipHearing => Step::SkipHearing {
                ground: input
                    .ground
                    .as_deref()
                    .and_then(SkipGround::parse)
                    .ok_or_else(|| invalid(Invalid::SkipGround))?,
            },
            Action::RecordAdvice => Step::RecordAdvice {
                advice: text.ok_or_else(|| invalid(Invalid::Advice))?,
            },
            Action::Decide => Step::Decide { letter: None },
            Action::Postpone => {
                let weeks = input.weeks.unwrap_or(0);
                if !(1..=super::deadlines::MAX_POSTPONEMENT_WEEKS).contains(&weeks) {
                    return Err(invalid(Invalid::PostponeWeeks));
                }
                Step::Postpone { weeks }
            }
            Action::Close => Step::Close,
            Action::ReferToOmbudsman => Step::ReferToOmbudsman {
                ombudsman: text,
                on: input.date,
            },
            Action::RecordOmbudsmanOutcome => Step::RecordOmbudsmanOutcome {
                outcome: text.ok_or_else(|| invalid(Invalid::OmbudsmanOutcome))?,
            },
        };
        Ok(Command {
            step,
            reason: clean(&input.reason),
        })
    }
}

fn hearing(plan: Option<&HearingPlan>) -> Result<Hearing, StepError> {
    let plan = plan.ok_or_else(|| invalid(Invalid::HearingMissing))?;
    let mode = HearingMode::parse(&plan.mode).filter(|m| HearingMode::choices().contains(m));
    match mode {
        Some(mode) if !plan.place.trim().is_empty() => Ok(Hearing {
            at: plan.at,
            mode,
            place: plan.place.trim().to_string(),
            invitees: plan.invitees.trim().to_string(),
        }),
        _ => Err(invalid(Invalid::HearingModePlace)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_parses_to_its_own_step() {
        let input = StepInput {
            reason: Some(" waarom ".into()),
            ground: None,
            weeks: Some(2),
            date: NaiveDate::from_ymd_opt(2026, 12, 1),
            text: Some("schriftelijk".into()),
            hearing: Some(HearingPlan {
                at: NaiveDate::from_ymd_opt(2026, 12, 15)
                    .and_then(|d| d.and_hms_opt(14, 0, 0))
                    .unwrap_or_default(),
                mode: "video".into(),
                place: "link".into(),
                invitees: "klager".into(),
            }),
            attendance: None,
        };
        for action in Action::ALL {
            let mut i = input.clone();
            i.ground = match action {
                Action::Decline => Some("gering_belang".into()),
                Action::SkipHearing => Some("afgezien".into()),
                _ => None,
            };
            let c = Command::parse(action, &i).unwrap_or_else(|e| panic!("{action:?}: {e}"));
            assert_eq!(c.step.action(), action);
            assert_eq!(c.reason.as_deref(), Some("waarom"));
        }
    }

    #[test]
    fn a_ground_is_never_assumed() {
        for action in [Action::Decline, Action::SkipHearing] {
            assert!(Command::parse(action, &StepInput::default()).is_err());
            let wrong = StepInput {
                ground: Some("al_behandeld_of_niet".into()),
                ..Default::default()
            };
            assert!(Command::parse(action, &wrong).is_err());
        }
        let five = StepInput {
            weeks: Some(5),
            ..Default::default()
        };
        assert!(matches!(
            Command::parse(Action::Postpone, &five),
            Err(StepError::Invalid(Invalid::PostponeWeeks))
        ));
    }
}
