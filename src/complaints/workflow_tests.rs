//! Unit tests of the workflow table and its guards.

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
        for action in Action::ALL {
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
fn steps_already_taken_and_the_committee_step_without_a_committee_are_refused_and_not_offered() {
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

/// The texts of states and actions are looked up with keys made from their codes (`format!`), which
/// the test of literal keys in `web::i18n` cannot see: every state and action has them here.
#[test]
fn every_state_and_action_has_its_texts() {
    use crate::web::i18n::{Lang, Locales};
    let known = Locales::keys(Lang::Nl);
    let mut missing = vec![];
    let mut need = |key: String| {
        if !known.contains(&key) {
            missing.push(key);
        }
    };
    for s in State::ALL {
        need(format!("complaint-stage-{}", s.code()));
        need(format!("case-stage-{}", s.code()));
    }
    for a in Action::ALL {
        need(format!("action-{}", a.code()));
        need(format!("event-{}", a.code()));
        if a.is_irreversible() {
            for part in ["title", "what", "yes"] {
                need(format!("confirm-{part}-{}", a.code()));
            }
        }
    }
    assert!(missing.is_empty(), "missing in locales/nl: {missing:?}");
}
