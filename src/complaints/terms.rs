//! The words of complaint handling as types: how a complaint came in, what kind it is, the grounds
//! the law gives for not handling it or not hearing the complainant, how a hearing takes place, how
//! consent was given, and the judgement on a part of the complaint.
//!
//! Each is stored as TEXT under a fixed code (the same code names its text in the locale files).
//! Reading a code the product does not know is an error, never a default: a corrupt row shows up
//! instead of reading as something it is not.

use crate::text_enum::text_enum;

text_enum! {
    /// How a complaint came in. The web form comes first; staff register the others.
    pub enum Channel {
        /// The public web form.
        Web = "web",
        /// A letter.
        Letter = "brief",
        /// A phone call.
        Phone = "telefoon",
        /// At the counter.
        Counter = "balie",
        /// An e-mail.
        Email = "email",
        /// Passed on by a council member.
        CouncilMember = "raadslid",
        /// Passed on by an alderman.
        Alderman = "wethouder",
        /// Sent straight to the complaints committee.
        Committee = "commissie",
    }
}

impl Channel {
    /// Someone passed the complaint on (their name is recorded, for feedback on the outcome).
    pub fn has_messenger(self) -> bool {
        match self {
            Channel::CouncilMember | Channel::Alderman => true,
            Channel::Web
            | Channel::Letter
            | Channel::Phone
            | Channel::Counter
            | Channel::Email
            | Channel::Committee => false,
        }
    }

    /// A written channel (a klaagschrift, Awb 9:4): the complaint goes into the register when it
    /// carries a name.
    pub fn is_written(self) -> bool {
        match self {
            Channel::Web
            | Channel::Letter
            | Channel::Email
            | Channel::CouncilMember
            | Channel::Alderman
            | Channel::Committee => true,
            Channel::Phone | Channel::Counter => false,
        }
    }

    /// Whether staff register a complaint that came in this way (the web form registers
    /// itself).
    pub fn registered_by_staff(self) -> bool {
        match self {
            Channel::Web => false,
            Channel::Letter
            | Channel::Phone
            | Channel::Counter
            | Channel::Email
            | Channel::CouncilMember
            | Channel::Alderman
            | Channel::Committee => true,
        }
    }

    /// The channels staff register, in the order of [`Channel::ALL`].
    pub fn staff() -> Vec<Channel> {
        Channel::ALL
            .iter()
            .copied()
            .filter(|c| c.registered_by_staff())
            .collect()
    }
}

text_enum! {
    /// Klacht (about conduct), bezwaar (against a decision), or both.
    pub enum Kind {
        /// About conduct.
        Complaint = "klacht",
        /// Against a decision.
        Objection = "bezwaar",
        /// Both in one letter.
        Both = "beide",
    }
}

/// A complaint is about conduct until it is classified otherwise (as the table's default).
impl Default for Kind {
    fn default() -> Kind {
        Kind::Complaint
    }
}

text_enum! {
    /// The grounds in Awb 9:8 (and 9:4) for not handling a complaint.
    pub enum DeclineGround {
        /// 9:8 lid 1 a: already handled under this chapter.
        AlreadyHandled = "al_behandeld",
        /// b: the conduct was more than a year before the complaint.
        OlderThanAYear = "ouder_dan_jaar",
        /// c: bezwaar or beroep could be or could have been lodged.
        ObjectionPossible = "bezwaar_mogelijk",
        /// d, e: a court decides or decided on it.
        BeforeCourt = "bij_rechter",
        /// lid 2: the interest or the weight of the conduct is clearly insufficient.
        MinorInterest = "gering_belang",
        /// 9:4: name, address or description is missing and was not completed.
        DetailsMissing = "geen_gegevens",
    }
}

text_enum! {
    /// The grounds in Awb 9:10 lid 2 for not hearing the complainant.
    pub enum SkipGround {
        /// The complaint is clearly unfounded.
        ClearlyUnfounded = "kennelijk_ongegrond",
        /// The complainant said they do not wish to be heard.
        Waived = "afgezien",
        /// The complainant did not say within a reasonable term that they wish to be heard.
        NoAnswer = "niet_gereageerd",
    }
}

text_enum! {
    /// How a hearing takes place. A hearing skipped on a 9:10 ground is stored as `geen`.
    pub enum HearingMode {
        /// In person at the town hall.
        InPerson = "ter_plaatse",
        /// By phone.
        Phone = "telefoon",
        /// By video call.
        Video = "video",
        /// Not held: skipped on a ground of Awb 9:10 lid 2.
        NotHeld = "geen",
    }
}

impl HearingMode {
    /// Whether a hearing can be planned this way (`geen` is only the record of a skipped one).
    pub fn can_be_planned(self) -> bool {
        match self {
            HearingMode::InPerson | HearingMode::Phone | HearingMode::Video => true,
            HearingMode::NotHeld => false,
        }
    }

    /// The ways a hearing can be planned, in the order of [`HearingMode::ALL`].
    pub fn choices() -> Vec<HearingMode> {
        HearingMode::ALL
            .iter()
            .copied()
            .filter(|m| m.can_be_planned())
            .collect()
    }

    /// How the hearing takes place, for letters (Dutch).
    pub fn letter_text(self) -> &'static str {
        match self {
            HearingMode::Phone => "per telefoon",
            HearingMode::Video => "via een videogesprek",
            HearingMode::InPerson | HearingMode::NotHeld => "op het gemeentehuis",
        }
    }
}

text_enum! {
    /// How the complainant gave consent to request the client file.
    pub enum ConsentWay {
        /// In a letter.
        InWriting = "schriftelijk",
        /// By e-mail.
        Email = "email",
        /// On the phone.
        Phone = "telefoon",
        /// In a conversation.
        InPerson = "in_gesprek",
    }
}

text_enum! {
    /// The judgement on one part of a complaint (Awb 9:12).
    pub enum Judgement {
        /// Founded.
        Founded = "gegrond",
        /// Unfounded.
        Unfounded = "ongegrond",
        /// Partly founded.
        PartlyFounded = "deels_gegrond",
        /// No judgement given.
        NoJudgement = "geen_oordeel",
    }
}

impl Judgement {
    /// The judgement in a Dutch sentence (letters are Dutch or the complainant's language; the
    /// outcome text itself is Dutch).
    pub fn letter_text(self) -> &'static str {
        match self {
            Judgement::Founded => "gegrond",
            Judgement::Unfounded => "ongegrond",
            Judgement::PartlyFounded => "deels gegrond",
            Judgement::NoJudgement => "geen oordeel",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: Copy + PartialEq + std::fmt::Debug>(
        all: &[T],
        code: fn(T) -> &'static str,
        parse: fn(&str) -> Option<T>,
    ) {
        let mut seen = std::collections::BTreeSet::new();
        for v in all {
            assert_eq!(parse(code(*v)), Some(*v));
            assert!(seen.insert(code(*v)), "{} twice", code(*v));
        }
        assert_eq!(parse("onbekend"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn every_code_reads_back_and_an_unknown_one_is_none() {
        round_trips(Channel::ALL, Channel::code, Channel::parse);
        round_trips(Kind::ALL, Kind::code, Kind::parse);
        round_trips(
            DeclineGround::ALL,
            DeclineGround::code,
            DeclineGround::parse,
        );
        round_trips(SkipGround::ALL, SkipGround::code, SkipGround::parse);
        round_trips(HearingMode::ALL, HearingMode::code, HearingMode::parse);
        round_trips(ConsentWay::ALL, ConsentWay::code, ConsentWay::parse);
        round_trips(Judgement::ALL, Judgement::code, Judgement::parse);
    }

    #[test]
    fn staff_register_every_channel_but_the_web() {
        assert!(!Channel::staff().contains(&Channel::Web));
        assert_eq!(Channel::staff().len(), Channel::ALL.len() - 1);
        assert!(Channel::CouncilMember.has_messenger() && Channel::Alderman.has_messenger());
        assert_eq!(
            HearingMode::choices(),
            [
                HearingMode::InPerson,
                HearingMode::Phone,
                HearingMode::Video
            ]
        );
    }
}
