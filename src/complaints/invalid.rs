//! What is missing or wrong in the input of a step or a change on a case. Each has a message key
//! (`step-invalid-…` in `locales/<lang>/complaints.ftl`), so the refusal is shown in the language
//! of the person who took the step.

crate::listed_enum! {
    /// A value a step or change needs that is missing or wrong.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Invalid {
        /// Choose the ground from article 9:8.
        DeclineGround,
        /// Choose how the complainant gave consent.
        ConsentWay,
        /// Fill in the date of the consent.
        ConsentDate,
        /// The date of the consent must be between the day the complaint came in and today.
        ConsentDateRange,
        /// Choose the ground from article 9:10 paragraph 2.
        SkipGround,
        /// Fill in the advice of the committee.
        Advice,
        /// A postponement is 1 to 4 weeks (article 9:11 paragraph 2).
        PostponeWeeks,
        /// A postponement can only be 0 to 4 weeks (Awb 9:11 paragraph 2). Longer is only possible with the written consent of the complainant.
        PostponementTooLong,
        /// The date the complainant agreed to is before the normal deadline.
        ConsentBeforeDeadline,
        /// Fill in the outcome from the ombudsman.
        OmbudsmanOutcome,
        /// Fill in the date, time, way and place of the hearing.
        HearingMissing,
        /// Choose how the hearing takes place and fill in the place.
        HearingModePlace,
        /// Write the time as hh:mm, for example 14:30.
        HearingTime,
        /// The hearing cannot be in the past.
        HearingInPast,
        /// The hearing must be before the legal deadline (Awb 9:11), so a decision can follow it.
        HearingAfterDeadline,
        /// Describe this part of the complaint.
        ElementEmpty,
        /// Fill in the date by which it must be done.
        FollowupDue,
        /// Fill in what will happen and who does it.
        FollowupWhatWho,
        /// Fill in the date the complainant agreed to.
        ExtendUntil,
        /// Write down how the complainant agreed in writing (letter, e-mail, date).
        ExtendHow,
        /// Choose a judgement: justified, unjustified, partly justified or no judgement.
        Judgement,
        /// The date of the first contact is in the future.
        ContactInFuture,
        /// The date of the first contact is before the complaint came in.
        ContactBeforeReceived,
        /// Choose complaint, objection or both.
        Kind,
    }
}

impl Invalid {
    /// The message key of the text the user sees.
    pub fn key(self) -> &'static str {
        match self {
            Invalid::DeclineGround => "step-invalid-decline-ground",
            Invalid::ConsentWay => "step-invalid-consent-way",
            Invalid::ConsentDate => "step-invalid-consent-date",
            Invalid::ConsentDateRange => "step-invalid-consent-date-range",
            Invalid::SkipGround => "step-invalid-skip-ground",
            Invalid::Advice => "step-invalid-advice",
            Invalid::PostponeWeeks => "step-invalid-postpone-weeks",
            Invalid::PostponementTooLong => "step-invalid-postponement-too-long",
            Invalid::ConsentBeforeDeadline => "step-invalid-consent-before-deadline",
            Invalid::OmbudsmanOutcome => "step-invalid-ombudsman-outcome",
            Invalid::HearingMissing => "step-invalid-hearing-missing",
            Invalid::HearingModePlace => "step-invalid-hearing-mode-place",
            Invalid::HearingTime => "step-invalid-hearing-time",
            Invalid::HearingInPast => "step-invalid-hearing-in-past",
            Invalid::HearingAfterDeadline => "step-invalid-hearing-after-deadline",
            Invalid::ElementEmpty => "step-invalid-element-empty",
            Invalid::FollowupDue => "step-invalid-followup-due",
            Invalid::FollowupWhatWho => "step-invalid-followup-what-who",
            Invalid::ExtendUntil => "step-invalid-extend-until",
            Invalid::ExtendHow => "step-invalid-extend-how",
            Invalid::Judgement => "step-invalid-judgement",
            Invalid::ContactInFuture => "step-invalid-contact-in-future",
            Invalid::ContactBeforeReceived => "step-invalid-contact-before-received",
            Invalid::Kind => "step-invalid-kind",
        }
    }
}

impl From<super::deadlines::DeadlineError> for Invalid {
    fn from(e: super::deadlines::DeadlineError) -> Invalid {
        match e {
            super::deadlines::DeadlineError::PostponementTooLong => Invalid::PostponementTooLong,
            super::deadlines::DeadlineError::ConsentBeforeDeadline => {
                Invalid::ConsentBeforeDeadline
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::i18n::{t, Lang, Locales};

    #[test]
    fn every_refusal_has_its_text_in_every_language() {
        for lang in Lang::ALL {
            let keys = Locales::keys(lang);
            for i in Invalid::ALL {
                assert!(
                    keys.iter().any(|k| k == i.key()),
                    "{}: {}",
                    lang.code(),
                    i.key()
                );
                assert_ne!(t(lang, i.key()), i.key());
            }
        }
        let mut keys: Vec<&str> = Invalid::ALL.iter().map(|i| i.key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), Invalid::ALL.len());
    }
}
