//! The complaint workflow as an explicit state machine (Awb chapter 9 as practised).
//!
//! A complaint moves between [`State`]s only through an [`Action`] listed in [`TRANSITIONS`], by a
//! role allowed for that action, with a reason where the law or good practice asks for one, and when
//! its guard on the case's [`Facts`] holds. Everything else is refused. Some actions (postponing,
//! recording consent for the client file, informing the person complained about) are recorded on the
//! case without changing its state; they are in the table too, with the same state before and after.
//!
//! The route: received → (referred to bezwaar | not handled on an Awb 9:8 ground | mediation) →
//! mediation ends in an informal resolution (Awb 9:5), a withdrawal, or formal handling → the person
//! complained about is informed (9:9), the hearing is planned and held, or skipped on a 9:10 ground →
//! the committee's advice where there is one → a decision per complaint element → closed → optionally
//! the external ombudsman.

use crate::accounts::model::Role;

/// Where a complaint is (stored as TEXT under [`State::code`]; an unknown code is an error).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum State {
    /// Registered; waiting for triage.
    Received,
    /// Sent to the bezwaar procedure (it is about a decision, not conduct).
    Referred,
    /// Not handled on a ground of Awb 9:8.
    NotHandled,
    /// Informal handling: a mediation talk by the team leader.
    Mediation,
    /// Resolved to the complainant's satisfaction (Awb 9:5): the formal duties lapse.
    ResolvedInformally,
    /// Withdrawn by the complainant.
    Withdrawn,
    /// Formal handling under Awb 9:7–9:12.
    FormalHandling,
    /// A hearing is planned.
    HearingPlanned,
    /// The hearing was held, or skipped on an Awb 9:10 ground; ready for advice or decision.
    Heard,
    /// The complaints committee gave its advice.
    Advised,
    /// The decision was taken and the outcome letter sent.
    Decided,
    /// Closed.
    Closed,
    /// The complainant went to the external ombudsman.
    WithOmbudsman,
}

impl State {
    /// Every state.
    pub const ALL: [State; 13] = [
        State::Received,
        State::Referred,
        State::NotHandled,
        State::Mediation,
        State::ResolvedInformally,
        State::Withdrawn,
        State::FormalHandling,
        State::HearingPlanned,
        State::Heard,
        State::Advised,
        State::Decided,
        State::Closed,
        State::WithOmbudsman,
    ];

    /// Code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            State::Received => "ontvangen",
            State::Referred => "doorverwezen",
            State::NotHandled => "niet_in_behandeling",
            State::Mediation => "bemiddeling",
            State::ResolvedInformally => "informeel_opgelost",
            State::Withdrawn => "ingetrokken",
            State::FormalHandling => "formele_behandeling",
            State::HearingPlanned => "hoorzitting_gepland",
            State::Heard => "gehoord",
            State::Advised => "geadviseerd",
            State::Decided => "besloten",
            State::Closed => "gesloten",
            State::WithOmbudsman => "ombudsman",
        }
    }

    /// The state for a stored code.
    pub fn from_code(code: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the case is finished (nothing more to do for the municipality).
    pub fn is_final(self) -> bool {
        matches!(
            self,
            State::Referred | State::NotHandled | State::Withdrawn | State::Closed
        )
    }

    /// Whether the legal decision deadline runs in this state.
    pub fn deadline_runs(self) -> bool {
        matches!(
            self,
            State::Received
                | State::Mediation
                | State::FormalHandling
                | State::HearingPlanned
                | State::Heard
                | State::Advised
        )
    }
}

/// What someone does to a complaint (stored as TEXT under [`Action::code`] in the history).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Action {
    /// Refer to the bezwaar procedure (sends the referral letter).
    ReferToBezwaar,
    /// Do not handle, on an Awb 9:8 ground (reason required).
    Decline,
    /// Start mediation by a team leader.
    StartMediation,
    /// Mediation worked: the complainant is satisfied (Awb 9:5).
    ResolveInformally,
    /// Mediation did not resolve it: handle formally.
    StartFormalHandling,
    /// The complainant withdraws (reason required: withdrawals without a reason were a finding).
    Withdraw,
    /// Record the complainant's consent to request the client file (how and when).
    RecordFileConsent,
    /// Inform the person complained about (Awb 9:9); no state change.
    InformPersonComplainedAbout,
    /// Plan the hearing.
    PlanHearing,
    /// Record that the hearing was held (attendance, minutes).
    HoldHearing,
    /// Skip the hearing on an Awb 9:10 ground (reason required).
    SkipHearing,
    /// Record the complaints committee's advice.
    RecordAdvice,
    /// Decide on every complaint element and send the outcome.
    Decide,
    /// Postpone the decision by at most four weeks (reason required; notice letters go out).
    Postpone,
    /// Close the case.
    Close,
    /// Record that the complainant went to the external ombudsman.
    ReferToOmbudsman,
    /// Record the ombudsman's outcome and close again.
    RecordOmbudsmanOutcome,
}

super::terms::text_sql!(State, from_code);
super::terms::text_sql!(Action, from_code);

impl Action {
    /// Every action.
    pub const ALL: [Action; 17] = [
        Action::ReferToBezwaar,
        Action::Decline,
        Action::StartMediation,
        Action::ResolveInformally,
        Action::StartFormalHandling,
        Action::Withdraw,
        Action::RecordFileConsent,
        Action::InformPersonComplainedAbout,
        Action::PlanHearing,
        Action::HoldHearing,
        Action::SkipHearing,
        Action::RecordAdvice,
        Action::Decide,
        Action::Postpone,
        Action::Close,
        Action::ReferToOmbudsman,
        Action::RecordOmbudsmanOutcome,
    ];

    /// The stored code (history, audit log, form values and text keys).
    pub fn code(self) -> &'static str {
        match self {
            Action::ReferToBezwaar => "refer_to_bezwaar",
            Action::Decline => "decline",
            Action::StartMediation => "start_mediation",
            Action::ResolveInformally => "resolve_informally",
            Action::StartFormalHandling => "start_formal_handling",
            Action::Withdraw => "withdraw",
            Action::RecordFileConsent => "record_file_consent",
            Action::InformPersonComplainedAbout => "inform_person",
            Action::PlanHearing => "plan_hearing",
            Action::HoldHearing => "hold_hearing",
            Action::SkipHearing => "skip_hearing",
            Action::RecordAdvice => "record_advice",
            Action::Decide => "decide",
            Action::Postpone => "postpone",
            Action::Close => "close",
            Action::ReferToOmbudsman => "refer_to_ombudsman",
            Action::RecordOmbudsmanOutcome => "record_ombudsman_outcome",
        }
    }

    /// The action for a stored code.
    pub fn from_code(code: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.code() == code)
    }

    /// A step that cannot be undone: the page asks to confirm it and says what will happen.
    pub fn is_irreversible(self) -> bool {
        match self {
            Action::ReferToBezwaar | Action::Decline | Action::Withdraw | Action::Close => true,
            Action::StartMediation
            | Action::ResolveInformally
            | Action::StartFormalHandling
            | Action::RecordFileConsent
            | Action::InformPersonComplainedAbout
            | Action::PlanHearing
            | Action::HoldHearing
            | Action::SkipHearing
            | Action::RecordAdvice
            | Action::Decide
            | Action::Postpone
            | Action::ReferToOmbudsman
            | Action::RecordOmbudsmanOutcome => false,
        }
    }
}

/// What is known about the case, for the guards.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    /// The municipality has a complaints advisory committee that handles this complaint.
    pub committee: bool,
    /// Contact details are known (an anonymous signal cannot be handled formally).
    pub has_contact: bool,
    /// The team leader's written feedback on the mediation is recorded.
    pub mediation_feedback: bool,
    /// The complainant said they are satisfied with the informal outcome.
    pub complainant_satisfied: bool,
    /// The person complained about has been informed (Awb 9:9).
    pub person_informed: bool,
    /// Invitations for the planned hearing have been sent.
    pub hearing_invitations_sent: bool,
    /// Minutes (verslag) of the hearing are recorded.
    pub hearing_minutes: bool,
    /// Every complaint element has a judgement (gegrond, ongegrond, deels gegrond, geen oordeel).
    pub every_element_judged: bool,
    /// The decision was already postponed once.
    pub postponed: bool,
    /// The complainant's consent to request the client file is recorded.
    pub file_consent: bool,
}

/// Who may do an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// The complaint coordinator only.
    Coordinator,
    /// The coordinator or the handler (team leader) of the case.
    CoordinatorOrHandler,
    /// The coordinator or a member of the complaints committee.
    CoordinatorOrCommittee,
}

impl Who {
    /// Whether someone with `roles` may act.
    pub fn allows(self, roles: &[Role]) -> bool {
        let has = |r: Role| roles.contains(&r);
        match self {
            Who::Coordinator => has(Role::Klachtcoordinator),
            Who::CoordinatorOrHandler => {
                has(Role::Klachtcoordinator) || has(Role::Klachtbehandelaar)
            }
            Who::CoordinatorOrCommittee => has(Role::Klachtcoordinator) || has(Role::Commissielid),
        }
    }
}

/// One allowed move.
#[derive(Debug, Clone, Copy)]
pub struct Transition {
    /// State before.
    pub from: State,
    /// What is done.
    pub action: Action,
    /// State after (the same for actions that only record something).
    pub to: State,
    /// Who may do it.
    pub who: Who,
    /// A reason must be given and is stored with the transition.
    pub reason_required: bool,
}

const fn tr(from: State, action: Action, to: State, who: Who, reason_required: bool) -> Transition {
    Transition {
        from,
        action,
        to,
        who,
        reason_required,
    }
}

use Action as A;
use State as S;
use Who as W;

/// Every allowed transition. Anything not listed is refused.
pub const TRANSITIONS: &[Transition] = &[
    // Triage.
    tr(
        S::Received,
        A::ReferToBezwaar,
        S::Referred,
        W::Coordinator,
        false,
    ),
    tr(S::Received, A::Decline, S::NotHandled, W::Coordinator, true),
    tr(
        S::Received,
        A::StartMediation,
        S::Mediation,
        W::Coordinator,
        false,
    ),
    tr(
        S::Received,
        A::StartFormalHandling,
        S::FormalHandling,
        W::Coordinator,
        false,
    ),
    tr(S::Received, A::Withdraw, S::Withdrawn, W::Coordinator, true),
    // Informal handling.
    tr(
        S::Mediation,
        A::ResolveInformally,
        S::ResolvedInformally,
        W::CoordinatorOrHandler,
        false,
    ),
    tr(
        S::Mediation,
        A::StartFormalHandling,
        S::FormalHandling,
        W::CoordinatorOrHandler,
        false,
    ),
    tr(
        S::Mediation,
        A::Withdraw,
        S::Withdrawn,
        W::CoordinatorOrHandler,
        true,
    ),
    tr(
        S::Mediation,
        A::Postpone,
        S::Mediation,
        W::Coordinator,
        true,
    ),
    tr(
        S::ResolvedInformally,
        A::Close,
        S::Closed,
        W::Coordinator,
        false,
    ),
    // Formal handling.
    tr(
        S::FormalHandling,
        A::RecordFileConsent,
        S::FormalHandling,
        W::CoordinatorOrCommittee,
        false,
    ),
    tr(
        S::FormalHandling,
        A::InformPersonComplainedAbout,
        S::FormalHandling,
        W::Coordinator,
        false,
    ),
    tr(
        S::FormalHandling,
        A::PlanHearing,
        S::HearingPlanned,
        W::CoordinatorOrCommittee,
        false,
    ),
    tr(
        S::FormalHandling,
        A::SkipHearing,
        S::Heard,
        W::CoordinatorOrCommittee,
        true,
    ),
    tr(
        S::FormalHandling,
        A::Withdraw,
        S::Withdrawn,
        W::Coordinator,
        true,
    ),
    tr(
        S::FormalHandling,
        A::Postpone,
        S::FormalHandling,
        W::Coordinator,
        true,
    ),
    tr(
        S::FormalHandling,
        A::Decline,
        S::NotHandled,
        W::Coordinator,
        true,
    ),
    tr(
        S::HearingPlanned,
        A::RecordFileConsent,
        S::HearingPlanned,
        W::CoordinatorOrCommittee,
        false,
    ),
    tr(
        S::HearingPlanned,
        A::HoldHearing,
        S::Heard,
        W::CoordinatorOrCommittee,
        false,
    ),
    tr(
        S::HearingPlanned,
        A::SkipHearing,
        S::Heard,
        W::CoordinatorOrCommittee,
        true,
    ),
    tr(
        S::HearingPlanned,
        A::Withdraw,
        S::Withdrawn,
        W::Coordinator,
        true,
    ),
    tr(
        S::HearingPlanned,
        A::Postpone,
        S::HearingPlanned,
        W::Coordinator,
        true,
    ),
    tr(
        S::Heard,
        A::RecordAdvice,
        S::Advised,
        W::CoordinatorOrCommittee,
        false,
    ),
    tr(S::Heard, A::Decide, S::Decided, W::Coordinator, false),
    tr(S::Heard, A::Withdraw, S::Withdrawn, W::Coordinator, true),
    tr(S::Heard, A::Postpone, S::Heard, W::Coordinator, true),
    tr(S::Advised, A::Decide, S::Decided, W::Coordinator, false),
    tr(S::Advised, A::Postpone, S::Advised, W::Coordinator, true),
    tr(S::Decided, A::Close, S::Closed, W::Coordinator, false),
    // After the internal route (Awb afdeling 9.2).
    tr(
        S::Closed,
        A::ReferToOmbudsman,
        S::WithOmbudsman,
        W::Coordinator,
        false,
    ),
    tr(
        S::WithOmbudsman,
        A::RecordOmbudsmanOutcome,
        S::Closed,
        W::Coordinator,
        false,
    ),
];

/// Why a transition is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Not a step from this state.
    #[error("deze stap kan niet vanuit de huidige fase")]
    NotFromThisState,
    /// The role may not take this step.
    #[error("uw rol mag deze stap niet zetten")]
    RoleNotAllowed,
    /// A reason is required.
    #[error("geef een reden; die is verplicht voor deze stap")]
    ReasonRequired,
    /// An anonymous signal cannot be handled formally.
    #[error("een klacht zonder contactgegevens kan niet formeel worden behandeld")]
    NoContact,
    /// Mediation cannot end without the team leader's written feedback.
    #[error("leg eerst de schriftelijke terugkoppeling van het bemiddelingsgesprek vast")]
    FeedbackMissing,
    /// Informal resolution needs the complainant's satisfaction.
    #[error("de klager heeft niet laten weten tevreden te zijn; behandel de klacht formeel")]
    NotSatisfied,
    /// The person complained about must be informed before the hearing (Awb 9:9).
    #[error("informeer eerst degene over wie geklaagd wordt (Awb 9:9)")]
    PersonNotInformed,
    /// The hearing needs invitations and minutes.
    #[error("verstuur eerst de uitnodigingen en leg het verslag van de hoorzitting vast")]
    HearingIncomplete,
    /// With a committee, its advice comes before the decision.
    #[error("wacht op het advies van de klachtencommissie")]
    AdviceMissing,
    /// Every complaint element needs a judgement.
    #[error("geef voor elk onderdeel van de klacht een oordeel")]
    ElementsNotJudged,
    /// This step was already taken on the case (it is not taken twice).
    #[error("deze stap is al gezet")]
    AlreadyDone,
    /// The committee's advice belongs to a case the committee handles.
    #[error("deze klacht gaat niet naar de klachtencommissie")]
    NoCommittee,
    /// Only one postponement (Awb 9:11 lid 2).
    #[error("de beslissing is al eens uitgesteld; verder uitstel kan alleen met schriftelijke instemming van de klager")]
    AlreadyPostponed,
}

/// Finds the transition for `action` from `from`, if the table has one.
pub fn find(from: State, action: Action) -> Option<&'static Transition> {
    TRANSITIONS
        .iter()
        .find(|t| t.from == from && t.action == action)
}

/// Checks one step and returns the state after it.
pub fn apply(
    from: State,
    action: Action,
    roles: &[Role],
    reason: Option<&str>,
    facts: &Facts,
) -> Result<State, Refusal> {
    let t = find(from, action).ok_or(Refusal::NotFromThisState)?;
    if !t.who.allows(roles) {
        return Err(Refusal::RoleNotAllowed);
    }
    if t.reason_required && reason.is_none_or(|r| r.trim().is_empty()) {
        return Err(Refusal::ReasonRequired);
    }
    guard(t, facts)?;
    Ok(t.to)
}

/// The case-specific conditions of a step.
fn guard(t: &Transition, f: &Facts) -> Result<(), Refusal> {
    match t.action {
        A::StartMediation | A::StartFormalHandling | A::ReferToBezwaar if !f.has_contact => {
            Err(Refusal::NoContact)
        }
        A::ResolveInformally | A::StartFormalHandling
            if t.from == S::Mediation && !f.mediation_feedback =>
        {
            Err(Refusal::FeedbackMissing)
        }
        A::ResolveInformally if !f.complainant_satisfied => Err(Refusal::NotSatisfied),
        A::PlanHearing if !f.person_informed => Err(Refusal::PersonNotInformed),
        A::InformPersonComplainedAbout if f.person_informed => Err(Refusal::AlreadyDone),
        A::RecordFileConsent if f.file_consent => Err(Refusal::AlreadyDone),
        A::RecordAdvice if !f.committee => Err(Refusal::NoCommittee),
        A::HoldHearing if !(f.hearing_invitations_sent && f.hearing_minutes) => {
            Err(Refusal::HearingIncomplete)
        }
        A::Decide if f.committee && t.from != S::Advised => Err(Refusal::AdviceMissing),
        A::Decide if !f.every_element_judged => Err(Refusal::ElementsNotJudged),
        A::Postpone if f.postponed => Err(Refusal::AlreadyPostponed),
        _ => Ok(()),
    }
}

/// Whether a step is offered on the case page: not when it was already taken, nor the committee's
/// step on a case without the committee. (Other guards stay visible, so a refused step explains
/// itself.)
pub fn offered(t: &Transition, f: &Facts) -> bool {
    !matches!(
        guard(t, f),
        Err(Refusal::AlreadyDone | Refusal::NoCommittee)
    )
}

/// The actions someone with `roles` could take from `from`, by role alone; guards are not applied
/// here, so a refused step can explain itself. Which steps a person may take on one case (assigned
/// handler, committee case) is `access::steps`, which the case page uses.
pub fn available(from: State, roles: &[Role]) -> Vec<Action> {
    TRANSITIONS
        .iter()
        .filter(|t| t.from == from && t.who.allows(roles))
        .map(|t| t.action)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const COORD: &[Role] = &[Role::Klachtcoordinator];
    const HANDLER: &[Role] = &[Role::Klachtbehandelaar];
    const COMMITTEE: &[Role] = &[Role::Commissielid];

    fn all_facts() -> Facts {
        Facts {
            committee: false,
            has_contact: true,
            mediation_feedback: true,
            complainant_satisfied: true,
            person_informed: true,
            hearing_invitations_sent: true,
            hearing_minutes: true,
            every_element_judged: true,
            postponed: false,
            file_consent: false,
        }
    }

    /// The facts under which `action` is allowed: a step not yet taken, the committee's step on a
    /// committee case.
    fn facts_for(action: Action) -> Facts {
        Facts {
            person_informed: action != A::InformPersonComplainedAbout,
            committee: action == A::RecordAdvice,
            ..all_facts()
        }
    }

    const ALL_ACTIONS: [Action; 17] = [
        A::ReferToBezwaar,
        A::Decline,
        A::StartMediation,
        A::ResolveInformally,
        A::StartFormalHandling,
        A::Withdraw,
        A::RecordFileConsent,
        A::InformPersonComplainedAbout,
        A::PlanHearing,
        A::HoldHearing,
        A::SkipHearing,
        A::RecordAdvice,
        A::Decide,
        A::Postpone,
        A::Close,
        A::ReferToOmbudsman,
        A::RecordOmbudsmanOutcome,
    ];

    #[test]
    fn the_table_has_no_duplicate_steps() {
        for (i, a) in TRANSITIONS.iter().enumerate() {
            for b in &TRANSITIONS[i + 1..] {
                assert!(
                    !(a.from == b.from && a.action == b.action),
                    "{:?} {:?} twice",
                    a.from,
                    a.action
                );
            }
        }
    }

    #[test]
    fn every_state_is_reachable_from_received() {
        let mut seen = vec![S::Received];
        let mut i = 0;
        while i < seen.len() {
            let here = seen[i];
            for t in TRANSITIONS.iter().filter(|t| t.from == here) {
                if !seen.contains(&t.to) {
                    seen.push(t.to);
                }
            }
            i += 1;
        }
        for s in State::ALL {
            assert!(seen.contains(&s), "{s:?} unreachable");
        }
    }

    #[test]
    fn final_states_allow_nothing_but_the_ombudsman() {
        for t in TRANSITIONS {
            if t.from.is_final() {
                assert_eq!((t.from, t.action), (S::Closed, A::ReferToOmbudsman));
            }
        }
    }

    #[test]
    fn every_step_not_in_the_table_is_refused() {
        for from in State::ALL {
            for action in ALL_ACTIONS {
                let r = apply(
                    from,
                    action,
                    &[Role::Klachtcoordinator, Role::Commissielid],
                    Some("reden"),
                    &facts_for(action),
                );
                match find(from, action) {
                    Some(t) => assert_eq!(r, Ok(t.to), "{from:?} {action:?}"),
                    None => assert_eq!(r, Err(Refusal::NotFromThisState), "{from:?} {action:?}"),
                }
            }
        }
    }

    #[test]
    fn codes_round_trip() {
        for s in State::ALL {
            assert_eq!(State::from_code(s.code()), Some(s));
        }
    }

    #[test]
    fn the_informal_route() {
        let f = all_facts();
        let s = apply(S::Received, A::StartMediation, COORD, None, &f).unwrap();
        assert_eq!(s, S::Mediation);
        // Without the written feedback, mediation cannot end either way.
        let no_feedback = Facts {
            mediation_feedback: false,
            ..f
        };
        assert_eq!(
            apply(s, A::ResolveInformally, HANDLER, None, &no_feedback),
            Err(Refusal::FeedbackMissing)
        );
        assert_eq!(
            apply(s, A::StartFormalHandling, HANDLER, None, &no_feedback),
            Err(Refusal::FeedbackMissing)
        );
        let unhappy = Facts {
            complainant_satisfied: false,
            ..f
        };
        assert_eq!(
            apply(s, A::ResolveInformally, HANDLER, None, &unhappy),
            Err(Refusal::NotSatisfied)
        );
        let s = apply(s, A::ResolveInformally, HANDLER, None, &f).unwrap();
        assert_eq!(s, S::ResolvedInformally);
        // Only the coordinator closes.
        assert_eq!(
            apply(s, A::Close, HANDLER, None, &f),
            Err(Refusal::RoleNotAllowed)
        );
        assert_eq!(apply(s, A::Close, COORD, None, &f), Ok(S::Closed));
    }

    #[test]
    fn the_formal_route_with_a_committee() {
        let f = Facts {
            committee: true,
            ..all_facts()
        };
        let not_informed = Facts {
            person_informed: false,
            ..f
        };
        let s = apply(S::Received, A::StartFormalHandling, COORD, None, &f).unwrap();
        assert_eq!(
            apply(s, A::PlanHearing, COMMITTEE, None, &not_informed),
            Err(Refusal::PersonNotInformed)
        );
        let s = apply(s, A::PlanHearing, COMMITTEE, None, &f).unwrap();
        let no_minutes = Facts {
            hearing_minutes: false,
            ..f
        };
        assert_eq!(
            apply(s, A::HoldHearing, COMMITTEE, None, &no_minutes),
            Err(Refusal::HearingIncomplete)
        );
        let s = apply(s, A::HoldHearing, COMMITTEE, None, &f).unwrap();
        assert_eq!(s, S::Heard);
        assert_eq!(
            apply(s, A::Decide, COORD, None, &f),
            Err(Refusal::AdviceMissing)
        );
        let s = apply(s, A::RecordAdvice, COMMITTEE, None, &f).unwrap();
        // The committee advises; the municipality decides.
        assert_eq!(
            apply(s, A::Decide, COMMITTEE, None, &f),
            Err(Refusal::RoleNotAllowed)
        );
        let unjudged = Facts {
            every_element_judged: false,
            ..f
        };
        assert_eq!(
            apply(s, A::Decide, COORD, None, &unjudged),
            Err(Refusal::ElementsNotJudged)
        );
        let s = apply(s, A::Decide, COORD, None, &f).unwrap();
        let s = apply(s, A::Close, COORD, None, &f).unwrap();
        let s = apply(s, A::ReferToOmbudsman, COORD, None, &f).unwrap();
        assert_eq!(
            apply(s, A::RecordOmbudsmanOutcome, COORD, None, &f),
            Ok(S::Closed)
        );
    }

    #[test]
    fn reasons_are_required_where_the_law_asks() {
        let f = all_facts();
        for (from, action) in [
            (S::Mediation, A::Withdraw),
            (S::Received, A::Decline),
            (S::FormalHandling, A::SkipHearing),
            (S::FormalHandling, A::Postpone),
        ] {
            assert_eq!(
                apply(from, action, COORD, None, &f),
                Err(Refusal::ReasonRequired),
                "{action:?}"
            );
            assert_eq!(
                apply(from, action, COORD, Some("  "), &f),
                Err(Refusal::ReasonRequired),
                "{action:?}"
            );
            assert!(
                apply(from, action, COORD, Some("klager ziet af van horen"), &f).is_ok(),
                "{action:?}"
            );
        }
    }

    #[test]
    fn steps_already_taken_and_the_committee_step_without_a_committee_are_refused_and_not_offered()
    {
        let f = all_facts();
        assert_eq!(
            apply(
                S::FormalHandling,
                A::InformPersonComplainedAbout,
                COORD,
                None,
                &f
            ),
            Err(Refusal::AlreadyDone)
        );
        let consented = Facts {
            file_consent: true,
            ..f
        };
        assert_eq!(
            apply(
                S::HearingPlanned,
                A::RecordFileConsent,
                COORD,
                None,
                &consented
            ),
            Err(Refusal::AlreadyDone)
        );
        assert_eq!(
            apply(S::Heard, A::RecordAdvice, COMMITTEE, None, &f),
            Err(Refusal::NoCommittee)
        );
        let advice = find(S::Heard, A::RecordAdvice).unwrap();
        assert!(!offered(advice, &f));
        assert!(offered(
            advice,
            &Facts {
                committee: true,
                ..f
            }
        ));
        // A guard that explains what is missing still offers the step.
        let decide = find(S::Heard, A::Decide).unwrap();
        assert!(offered(
            decide,
            &Facts {
                every_element_judged: false,
                ..f
            }
        ));
    }

    #[test]
    fn one_postponement_only() {
        let f = Facts {
            postponed: true,
            ..all_facts()
        };
        assert_eq!(
            apply(S::FormalHandling, A::Postpone, COORD, Some("drukte"), &f),
            Err(Refusal::AlreadyPostponed)
        );
    }

    #[test]
    fn an_anonymous_signal_cannot_be_handled_formally() {
        let f = Facts {
            has_contact: false,
            ..all_facts()
        };
        assert_eq!(
            apply(S::Received, A::StartFormalHandling, COORD, None, &f),
            Err(Refusal::NoContact)
        );
        assert_eq!(
            apply(S::Received, A::StartMediation, COORD, None, &f),
            Err(Refusal::NoContact)
        );
        // It can still be closed off (as not handled), so it counts in the monitor.
        assert_eq!(
            apply(S::Received, A::Decline, COORD, Some("anoniem signaal"), &f),
            Ok(S::NotHandled)
        );
    }

    #[test]
    fn council_members_and_researchers_take_no_steps() {
        for s in State::ALL {
            assert!(available(
                s,
                &[
                    Role::Raadslid,
                    Role::Onderzoeker,
                    Role::Invoerder,
                    Role::Beheerder
                ]
            )
            .is_empty());
        }
        assert!(
            available(S::Received, HANDLER).is_empty(),
            "triage is the coordinator's"
        );
        assert!(available(S::Mediation, HANDLER).contains(&A::ResolveInformally));
    }
}
