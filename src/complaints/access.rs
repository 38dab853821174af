//! Who may do what to ONE complaint, in one rule: [`check`] (with [`may`] as its yes/no form).
//!
//! A role says what kind of work someone does; it does not give them every case. What counts is the
//! capacity in which a person stands towards *this* case ([`roles_for`]):
//! - the complaint coordinator: every case;
//! - a handler (klachtbehandelaar): only a case assigned to them;
//! - a committee member (commissielid): only a case the committee handles, and only while it is
//!   before the committee (from formal handling to the decision).
//!
//! A person with several roles gets only the capacities each role gives for this case: holding
//! both "handler" and "committee member" does not make a committee member the handler of a case
//! assigned to someone else. On top of that, each action is only possible in the states where it
//! makes sense ([`check`] lists them all, one arm per action). Every handler calls this before it
//! acts, inside the same transaction as the change, and the case page calls it before it shows a
//! form or a link, so nothing is offered that is then refused.
//!
//! The lists of cases (overview, deadlines) select the cases `View` allows in SQL; they follow
//! [`roles_for`] (see `staff::list`).

use crate::accounts::model::{CurrentUser, Role};

use super::model::Complaint;
use super::workflow::{self, Action, State};

/// Whether a committee case in `state` is before the complaints committee.
pub fn before_committee(state: State) -> bool {
    match state {
        State::FormalHandling
        | State::HearingPlanned
        | State::Heard
        | State::Advised
        | State::Decided => true,
        State::Received
        | State::Referred
        | State::NotHandled
        | State::Mediation
        | State::ResolvedInformally
        | State::Withdrawn
        | State::Closed
        | State::WithOmbudsman => false,
    }
}

/// The states in which a committee case is before the complaints committee ([`before_committee`]).
pub fn committee_states() -> Vec<State> {
    State::ALL
        .into_iter()
        .filter(|s| before_committee(*s))
        .collect()
}

/// What access needs to know about a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Case {
    /// Where the case is.
    pub state: State,
    /// The handler assigned, if any.
    pub handler_id: Option<i64>,
    /// The complaints committee handles it.
    pub committee: bool,
    /// Its personal data was erased after the retention period.
    pub anonymised: bool,
}

impl Case {
    /// The access facts of a stored complaint.
    pub fn of(c: &Complaint) -> Case {
        Case {
            state: c.state,
            handler_id: c.handler_id,
            committee: c.committee,
            anonymised: c.anonymised_on.is_some(),
        }
    }
}

/// Everything staff can do to, or see of, one complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseAction {
    /// Open the case page (the complainant's personal data and the complaint itself).
    View,
    /// Take a workflow step (triage, mediation outcome, hearing, advice, decision, closing, …).
    Step(Action),
    /// Classify the case: kind, committee, team, person, categories, norms, and assign the handler.
    Classify,
    /// Record the mediation talk (first contact, written feedback, whether the complainant is satisfied).
    RecordMediation,
    /// Add a complaint element to be judged.
    AddElement,
    /// Judge a complaint element.
    JudgeElement,
    /// Add a follow-up action after the outcome.
    AddFollowup,
    /// Mark a follow-up action done.
    FinishFollowup,
    /// Record the complainant's written consent to a later decision (Awb 9:11 lid 2).
    ExtendDeadline,
    /// Add a document (minutes, letter, scan) to the case.
    AddDocument,
    /// Download a document or attachment of the case.
    DownloadDocument,
    /// Mark a printed letter of the case as posted.
    MarkLetterPosted,
}

impl CaseAction {
    /// A short code for the audit log (no personal data).
    pub fn code(self) -> String {
        match self {
            CaseAction::View => "view".into(),
            CaseAction::Step(a) => format!("step.{}", a.code()),
            CaseAction::Classify => "classify".into(),
            CaseAction::RecordMediation => "mediation".into(),
            CaseAction::AddElement => "element_add".into(),
            CaseAction::JudgeElement => "element_judge".into(),
            CaseAction::AddFollowup => "followup_add".into(),
            CaseAction::FinishFollowup => "followup_done".into(),
            CaseAction::ExtendDeadline => "consent_extension".into(),
            CaseAction::AddDocument => "document_add".into(),
            CaseAction::DownloadDocument => "document_download".into(),
            CaseAction::MarkLetterPosted => "letter_posted".into(),
        }
    }
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// The person may not see this case at all (the page answers as if it did not exist).
    Hidden,
    /// The person sees the case, but this action on it is someone else's (403).
    NotYours,
    /// The person may do this, but not while the case is in this state (the page says so).
    WrongState,
}

/// The roles that count for `user` on this case: their capacities towards it.
pub fn roles_for(user: &CurrentUser, case: &Case) -> Vec<Role> {
    let mut roles = vec![];
    if user.has(Role::Klachtcoordinator) {
        roles.push(Role::Klachtcoordinator);
    }
    if user.has(Role::Klachtbehandelaar) && case.handler_id == Some(user.id) {
        roles.push(Role::Klachtbehandelaar);
    }
    if user.has(Role::Commissielid) && case.committee && before_committee(case.state) {
        roles.push(Role::Commissielid);
    }
    roles
}

/// Whether the case is in formal handling (elements are added and judged).
pub(crate) fn is_formal(state: State) -> bool {
    match state {
        State::FormalHandling | State::HearingPlanned | State::Heard | State::Advised => true,
        State::Received
        | State::Referred
        | State::NotHandled
        | State::Mediation
        | State::ResolvedInformally
        | State::Withdrawn
        | State::Decided
        | State::Closed
        | State::WithOmbudsman => false,
    }
}

/// Whether the case has an outcome that follow-up actions can come from.
fn is_after_outcome(state: State) -> bool {
    match state {
        State::ResolvedInformally | State::Decided | State::Closed | State::WithOmbudsman => true,
        State::Received
        | State::Referred
        | State::NotHandled
        | State::Mediation
        | State::Withdrawn
        | State::FormalHandling
        | State::HearingPlanned
        | State::Heard
        | State::Advised => false,
    }
}

/// Whether `user` may do `action` to this case in its present state, and if not, why not.
pub fn check(user: &CurrentUser, action: CaseAction, case: &Case) -> Result<(), Denied> {
    let roles = roles_for(user, case);
    if roles.is_empty() {
        return Err(Denied::Hidden);
    }
    let coordinator = roles.contains(&Role::Klachtcoordinator);
    let handler = roles.contains(&Role::Klachtbehandelaar);
    let member = roles.contains(&Role::Commissielid);
    let state = case.state;
    let (formal, after_outcome) = (is_formal(state), is_after_outcome(state));
    // (who may, when it may be done)
    let (who, when) = match action {
        CaseAction::View | CaseAction::DownloadDocument => (true, true),
        // Nothing personal is added again to a case whose personal data was erased.
        CaseAction::AddDocument => (true, !case.anonymised),
        CaseAction::Step(a) => match workflow::find(state, a) {
            Some(t) => (t.who.allows(&roles), true),
            // Not a step from here: refused for the state if this person could take it elsewhere.
            None => (
                workflow::TRANSITIONS
                    .iter()
                    .any(|t| t.action == a && t.who.allows(&roles)),
                false,
            ),
        },
        // Kind, committee and handler decide the legal deadline: only while it runs.
        CaseAction::Classify => (coordinator, state.deadline_runs()),
        CaseAction::RecordMediation => (coordinator || handler, state == State::Mediation),
        CaseAction::AddElement | CaseAction::JudgeElement => (coordinator || member, formal),
        CaseAction::AddFollowup | CaseAction::FinishFollowup => (coordinator, after_outcome),
        CaseAction::ExtendDeadline => (coordinator, state.deadline_runs()),
        CaseAction::MarkLetterPosted => (coordinator, true),
    };
    if !who {
        Err(Denied::NotYours)
    } else if !when {
        Err(Denied::WrongState)
    } else {
        Ok(())
    }
}

/// Whether `user` may do `action` to this case now.
pub fn may(user: &CurrentUser, action: CaseAction, case: &Case) -> bool {
    check(user, action, case).is_ok()
}

/// The workflow steps `user` may take on this case now, in the order of the workflow table.
pub fn steps(user: &CurrentUser, case: &Case) -> Vec<Action> {
    workflow::TRANSITIONS
        .iter()
        .filter(|t| t.from == case.state && may(user, CaseAction::Step(t.action), case))
        .map(|t| t.action)
        .collect()
}

/// The complaint a request path is about (`/klachten/42/...`), for the log of refused access.
pub fn case_in_path(path: &str) -> Option<i64> {
    let rest = path.strip_prefix("/klachten/")?;
    rest.split('/').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ME: i64 = 7;
    const SOMEONE_ELSE: i64 = 8;

    fn user(roles: &[Role]) -> CurrentUser {
        CurrentUser {
            id: ME,
            username: "ik".into(),
            display_name: "Ik".into(),
            roles: roles.to_vec(),
        }
    }

    fn case(state: State, handler: Option<i64>, committee: bool) -> Case {
        Case {
            state,
            handler_id: handler,
            committee,
            anonymised: false,
        }
    }

    /// Every action, including every step.
    fn all_actions() -> Vec<CaseAction> {
        let mut v = vec![
            CaseAction::View,
            CaseAction::Classify,
            CaseAction::RecordMediation,
            CaseAction::AddElement,
            CaseAction::JudgeElement,
            CaseAction::AddFollowup,
            CaseAction::FinishFollowup,
            CaseAction::ExtendDeadline,
            CaseAction::AddDocument,
            CaseAction::DownloadDocument,
            CaseAction::MarkLetterPosted,
        ];
        v.extend(Action::ALL.map(CaseAction::Step));
        v
    }

    #[test]
    fn the_reported_attack_is_refused() {
        // Committee member and handler, on a committee case assigned to someone else.
        let both = user(&[Role::Commissielid, Role::Klachtbehandelaar]);
        for state in [State::FormalHandling, State::HearingPlanned, State::Heard] {
            let c = case(state, Some(SOMEONE_ELSE), true);
            assert!(
                may(&both, CaseAction::View, &c),
                "sees it as committee member"
            );
            assert_eq!(
                check(&both, CaseAction::RecordMediation, &c),
                Err(Denied::NotYours)
            );
        }
        // Even while in mediation, the case is not theirs (and not before the committee).
        let c = case(State::Mediation, Some(SOMEONE_ELSE), true);
        assert_eq!(
            check(&both, CaseAction::RecordMediation, &c),
            Err(Denied::Hidden)
        );
        // Their own case in mediation: yes.
        let mine = case(State::Mediation, Some(ME), true);
        assert!(may(&both, CaseAction::RecordMediation, &mine));
        assert!(may(
            &both,
            CaseAction::Step(Action::ResolveInformally),
            &mine
        ));
    }

    #[test]
    fn a_handler_acts_only_on_the_cases_assigned_to_them() {
        let h = user(&[Role::Klachtbehandelaar]);
        let other = case(State::Mediation, Some(SOMEONE_ELSE), false);
        let none = case(State::Mediation, None, false);
        for a in all_actions() {
            assert_eq!(check(&h, a, &other), Err(Denied::Hidden), "{a:?}");
            assert_eq!(check(&h, a, &none), Err(Denied::Hidden), "{a:?}");
        }
        let mine = case(State::Mediation, Some(ME), false);
        assert_eq!(
            steps(&h, &mine),
            [
                Action::ResolveInformally,
                Action::StartFormalHandling,
                Action::Withdraw
            ]
        );
        // Triage, the decision and classification stay the coordinator's.
        assert_eq!(
            check(&h, CaseAction::Classify, &mine),
            Err(Denied::NotYours)
        );
        assert_eq!(
            check(&h, CaseAction::Step(Action::Decide), &mine),
            Err(Denied::NotYours)
        );
        // Mediation notes only during mediation.
        let formal = case(State::FormalHandling, Some(ME), false);
        assert_eq!(
            check(&h, CaseAction::RecordMediation, &formal),
            Err(Denied::WrongState)
        );
        assert!(steps(&h, &formal).is_empty());
    }

    #[test]
    fn a_committee_member_acts_only_on_committee_cases_before_the_committee() {
        let m = user(&[Role::Commissielid]);
        let not_committee = case(State::HearingPlanned, None, false);
        let too_early = case(State::Mediation, None, true);
        let finished = case(State::Closed, None, true);
        for c in [not_committee, too_early, finished] {
            for a in all_actions() {
                assert_eq!(check(&m, a, &c), Err(Denied::Hidden), "{a:?} {c:?}");
            }
        }
        let before = case(State::HearingPlanned, Some(SOMEONE_ELSE), true);
        assert_eq!(
            steps(&m, &before),
            [
                Action::RecordFileConsent,
                Action::HoldHearing,
                Action::SkipHearing
            ]
        );
        assert!(may(&m, CaseAction::JudgeElement, &before));
        assert_eq!(
            check(&m, CaseAction::RecordMediation, &before),
            Err(Denied::NotYours)
        );
        // The committee advises; the municipality decides.
        let advised = case(State::Advised, None, true);
        assert_eq!(
            check(&m, CaseAction::Step(Action::Decide), &advised),
            Err(Denied::NotYours)
        );
        // After the decision it still sees the case, but judges nothing any more.
        let decided = case(State::Decided, None, true);
        assert!(may(&m, CaseAction::View, &decided));
        assert_eq!(
            check(&m, CaseAction::JudgeElement, &decided),
            Err(Denied::WrongState)
        );
    }

    #[test]
    fn other_roles_see_no_case_at_all() {
        let others = user(&[
            Role::Beheerder,
            Role::Onderzoeker,
            Role::Invoerder,
            Role::Raadslid,
        ]);
        for state in State::ALL {
            for committee in [false, true] {
                let c = case(state, Some(ME), committee);
                for a in all_actions() {
                    assert_eq!(check(&others, a, &c), Err(Denied::Hidden));
                }
            }
        }
    }

    #[test]
    fn the_coordinator_may_do_everything_in_the_right_state_only() {
        let co = user(&[Role::Klachtcoordinator]);
        for state in State::ALL {
            let c = case(state, Some(SOMEONE_ELSE), true);
            assert!(may(&co, CaseAction::View, &c));
            for a in Action::ALL {
                let expected = if workflow::find(state, a).is_some() {
                    Ok(())
                } else {
                    Err(Denied::WrongState)
                };
                assert_eq!(
                    check(&co, CaseAction::Step(a), &c),
                    expected,
                    "{state:?} {a:?}"
                );
            }
            assert_eq!(
                may(&co, CaseAction::Classify, &c),
                state.deadline_runs(),
                "{state:?}"
            );
            assert_eq!(
                may(&co, CaseAction::RecordMediation, &c),
                state == State::Mediation
            );
        }
    }

    #[test]
    fn the_offered_steps_are_exactly_the_allowed_ones() {
        let people = [
            user(&[Role::Klachtcoordinator]),
            user(&[Role::Klachtbehandelaar]),
            user(&[Role::Commissielid]),
            user(&[Role::Commissielid, Role::Klachtbehandelaar]),
            user(&[
                Role::Klachtcoordinator,
                Role::Klachtbehandelaar,
                Role::Commissielid,
            ]),
        ];
        for p in &people {
            for state in State::ALL {
                for handler in [None, Some(ME), Some(SOMEONE_ELSE)] {
                    for committee in [false, true] {
                        let c = case(state, handler, committee);
                        let offered = steps(p, &c);
                        for a in Action::ALL {
                            assert_eq!(
                                offered.contains(&a),
                                may(p, CaseAction::Step(a), &c),
                                "{:?} {c:?} {a:?}",
                                p.roles
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn nothing_personal_is_added_to_an_erased_case() {
        let co = user(&[Role::Klachtcoordinator]);
        let c = Case {
            anonymised: true,
            ..case(State::Closed, None, false)
        };
        assert_eq!(
            check(&co, CaseAction::AddDocument, &c),
            Err(Denied::WrongState)
        );
        assert!(may(&co, CaseAction::View, &c));
    }

    #[test]
    fn case_numbers_in_paths() {
        assert_eq!(case_in_path("/klachten/42"), Some(42));
        assert_eq!(case_in_path("/klachten/42/bemiddeling"), Some(42));
        assert_eq!(case_in_path("/klachten/register"), None);
        assert_eq!(case_in_path("/onderzoek/rondes/3"), None);
    }
}
