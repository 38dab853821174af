//! The workflow's actions as stored codes, which of them need a reason and which cannot be undone.

use super::workflow::Action;

impl Action {
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

    /// A reason must be given, and is stored with the step: not handling (Awb 9:8), withdrawing
    /// (withdrawals without a reason were a finding), skipping the hearing (Awb 9:10) and
    /// postponing the decision (Awb 9:11).
    pub const fn needs_reason(self) -> bool {
        match self {
            Action::Decline | Action::Withdraw | Action::SkipHearing | Action::Postpone => true,
            Action::ReferToBezwaar
            | Action::StartMediation
            | Action::ResolveInformally
            | Action::StartFormalHandling
            | Action::RecordFileConsent
            | Action::InformPersonComplainedAbout
            | Action::PlanHearing
            | Action::HoldHearing
            | Action::RecordAdvice
            | Action::Decide
            | Action::Close
            | Action::ReferToOmbudsman
            | Action::RecordOmbudsmanOutcome => false,
        }
    }
}
