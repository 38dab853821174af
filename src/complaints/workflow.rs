//! The complaint workflow as an explicit state machine (Awb chapter 9 as practised).
//!
//! A complaint moves between [`State`]s only through an [`Action`] that [`rule`] allows from there
//! (the table [`TRANSITIONS`] is made from it), by a role allowed for that step, with a reason
//! where the law or good practice asks for one ([`Action::needs_reason`]), and when its guard on
//! the case's [`Facts`] holds. Everything else is refused. Some actions (postponing, recording
//! consent for the client file, informing the person complained about) are recorded on the case
//! without changing its state; [`rule`] leaves the state as it was for them.
//!
//! The route: received → (referred to bezwaar | not handled on an Awb 9:8 ground | mediation) →
//! mediation ends in an informal resolution (Awb 9:5), a withdrawal, or formal handling → the person
//! complained about is informed (9:9), the hearing is planned and held, or skipped on a 9:10 ground →
//! the committee's advice where there is one → a decision per complaint element → closed → optionally
//! the external ombudsman.

use crate::accounts::model::Role;

crate::listed_enum! {
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
}

impl State {
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
        match self {
            State::Referred | State::NotHandled | State::Withdrawn | State::Closed => true,
            State::Received
            | State::Mediation
            | State::ResolvedInformally
            | State::FormalHandling
            | State::HearingPlanned
            | State::Heard
            | State::Advised
            | State::Decided
            | State::WithOmbudsman => false,
        }
    }

    /// Whether the legal decision deadline runs in this state.
    pub fn deadline_runs(self) -> bool {
        match self {
            State::Received
            | State::Mediation
            | State::FormalHandling
            | State::HearingPlanned
            | State::Heard
            | State::Advised => true,
            State::Referred
            | State::NotHandled
            | State::ResolvedInformally
            | State::Withdrawn
            | State::Decided
            | State::Closed
            | State::WithOmbudsman => false,
        }
    }
}

crate::listed_enum! {
    /// What someone does to a complaint (stored as TEXT under [`Action::code`] in the history).
    /// Declared in the order the case page offers the steps of one state: the steps forward
    /// first, then withdrawing, postponing and declining.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, diesel::AsExpression, diesel::FromSqlRow)]
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub enum Action {
        /// Refer to the bezwaar procedure (sends the referral letter).
        ReferToBezwaar,
        /// Start mediation by a team leader.
        StartMediation,
        /// Mediation worked: the complainant is satisfied (Awb 9:5).
        ResolveInformally,
        /// Mediation did not resolve it: handle formally.
        StartFormalHandling,
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
        /// The complainant withdraws (reason required: withdrawals without a reason were a finding).
        Withdraw,
        /// Postpone the decision by at most four weeks (reason required; notice letters go out).
        Postpone,
        /// Do not handle, on an Awb 9:8 ground (reason required).
        Decline,
        /// Close the case.
        Close,
        /// Record that the complainant went to the external ombudsman.
        ReferToOmbudsman,
        /// Record the ombudsman's outcome and close again.
        RecordOmbudsmanOutcome,
    }
}

crate::text_enum::text_sql!(State, from_code);
crate::text_enum::text_sql!(Action, from_code);

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

/// One allowed move (a row of [`TRANSITIONS`], made from [`rule`]).
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
    /// A reason must be given and is stored with the transition ([`Action::needs_reason`]).
    pub reason_required: bool,
}

use Action as A;
use State as S;
use Who as W;

/// The one rule of the workflow: the state `action` takes a case in `from` to, and who may take
/// that step; `None` when it is no step from there (it is refused). The last arm names every
/// state and every action, so a new one makes the compiler ask for its steps here.
pub const fn rule(from: State, action: Action) -> Option<(State, Who)> {
    match (from, action) {
        // Triage.
        (S::Received, A::ReferToBezwaar) => Some((S::Referred, W::Coordinator)),
        (S::Received, A::Decline) => Some((S::NotHandled, W::Coordinator)),
        (S::Received, A::StartMediation) => Some((S::Mediation, W::Coordinator)),
        (S::Received, A::StartFormalHandling) => Some((S::FormalHandling, W::Coordinator)),
        (S::Received, A::Withdraw) => Some((S::Withdrawn, W::Coordinator)),
        // Informal handling: the handler (team leader) may end the mediation either way.
        (S::Mediation, A::ResolveInformally) => {
            Some((S::ResolvedInformally, W::CoordinatorOrHandler))
        }
        (S::Mediation, A::StartFormalHandling) => {
            Some((S::FormalHandling, W::CoordinatorOrHandler))
        }
        (S::Mediation, A::Withdraw) => Some((S::Withdrawn, W::CoordinatorOrHandler)),
        (S::ResolvedInformally, A::Close) => Some((S::Closed, W::Coordinator)),
        // Formal handling.
        (S::FormalHandling | S::HearingPlanned, A::RecordFileConsent) => {
            Some((from, W::CoordinatorOrCommittee))
        }
        (S::FormalHandling, A::InformPersonComplainedAbout) => Some((from, W::Coordinator)),
        (S::FormalHandling, A::PlanHearing) => Some((S::HearingPlanned, W::CoordinatorOrCommittee)),
        (S::HearingPlanned, A::HoldHearing) => Some((S::Heard, W::CoordinatorOrCommittee)),
        (S::FormalHandling | S::HearingPlanned, A::SkipHearing) => {
            Some((S::Heard, W::CoordinatorOrCommittee))
        }
        (S::FormalHandling | S::HearingPlanned | S::Heard, A::Withdraw) => {
            Some((S::Withdrawn, W::Coordinator))
        }
        (S::FormalHandling, A::Decline) => Some((S::NotHandled, W::Coordinator)),
        (S::Heard, A::RecordAdvice) => Some((S::Advised, W::CoordinatorOrCommittee)),
        (S::Heard | S::Advised, A::Decide) => Some((S::Decided, W::Coordinator)),
        (S::Decided, A::Close) => Some((S::Closed, W::Coordinator)),
        // The decision can be postponed while it is being prepared; the state stays.
        (
            S::Mediation | S::FormalHandling | S::HearingPlanned | S::Heard | S::Advised,
            A::Postpone,
        ) => Some((from, W::Coordinator)),
        // After the internal route (Awb afdeling 9.2).
        (S::Closed, A::ReferToOmbudsman) => Some((S::WithOmbudsman, W::Coordinator)),
        (S::WithOmbudsman, A::RecordOmbudsmanOutcome) => Some((S::Closed, W::Coordinator)),
        // Anything else is refused. Every state and action is named (no `_`), so a new one is a
        // decision here.
        (
            S::Received
            | S::Referred
            | S::NotHandled
            | S::Mediation
            | S::ResolvedInformally
            | S::Withdrawn
            | S::FormalHandling
            | S::HearingPlanned
            | S::Heard
            | S::Advised
            | S::Decided
            | S::Closed
            | S::WithOmbudsman,
            A::ReferToBezwaar
            | A::Decline
            | A::StartMediation
            | A::ResolveInformally
            | A::StartFormalHandling
            | A::Withdraw
            | A::RecordFileConsent
            | A::InformPersonComplainedAbout
            | A::PlanHearing
            | A::HoldHearing
            | A::SkipHearing
            | A::RecordAdvice
            | A::Decide
            | A::Postpone
            | A::Close
            | A::ReferToOmbudsman
            | A::RecordOmbudsmanOutcome,
        ) => None,
    }
}

/// The transition for `action` from `from`, from [`rule`].
const fn transition(from: State, action: Action) -> Option<Transition> {
    match rule(from, action) {
        Some((to, who)) => Some(Transition {
            from,
            action,
            to,
            who,
            reason_required: action.needs_reason(),
        }),
        None => None,
    }
}

/// How many steps [`rule`] allows.
const fn count() -> usize {
    let (mut n, mut i) = (0, 0);
    while i < State::ALL.len() {
        let mut j = 0;
        while j < Action::ALL.len() {
            if rule(State::ALL[i], Action::ALL[j]).is_some() {
                n += 1;
            }
            j += 1;
        }
        i += 1;
    }
    n
}

/// Every allowed step, per state in the order of [`State::ALL`] and [`Action::ALL`]: made from
/// [`rule`] when compiling. Anything not listed is refused.
pub const TRANSITIONS: &[Transition] = &{
    let mut table = [Transition {
        from: S::Received,
        action: A::ReferToBezwaar,
        to: S::Received,
        who: W::Coordinator,
        reason_required: false,
    }; count()];
    let (mut n, mut i) = (0, 0);
    while i < State::ALL.len() {
        let mut j = 0;
        while j < Action::ALL.len() {
            if let Some(t) = transition(State::ALL[i], Action::ALL[j]) {
                table[n] = t;
                n += 1;
            }
            j += 1;
        }
        i += 1;
    }
    table
};

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
        // Every action is named, so a new one is a decision here too.
        A::ReferToBezwaar
        | A::Decline
        | A::StartMediation
        | A::ResolveInformally
        | A::StartFormalHandling
        | A::Withdraw
        | A::RecordFileConsent
        | A::InformPersonComplainedAbout
        | A::PlanHearing
        | A::HoldHearing
        | A::SkipHearing
        | A::RecordAdvice
        | A::Decide
        | A::Postpone
        | A::Close
        | A::ReferToOmbudsman
        | A::RecordOmbudsmanOutcome => Ok(()),
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
#[path = "workflow_tests.rs"]
mod tests;
