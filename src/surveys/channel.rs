//! How an answer set comes in: the web questionnaire, a phone call, a paper form typed in by a
//! clerk or read from a scan, or the web with someone's help. A wave allows some of them; every
//! stored answer set names its own (its code, in `responses.channel`).

use crate::text_enum::text_enum;

text_enum! {
    /// A survey channel. The code is stored, sent in forms, and names its text (`channel-<code>`).
    pub enum Channel {
        /// The web questionnaire, answered alone.
        Web = "web",
        /// A phone interview, typed in by a clerk.
        Phone = "phone",
        /// A paper form, typed in by a clerk.
        PaperKeyed = "paper-keyed",
        /// A paper form, scanned and read by the product.
        PaperScan = "paper-scan",
        /// The web questionnaire, filled in with someone's help.
        Assisted = "assisted",
    }
}

impl Channel {
    /// Every code, for a message that says what to choose: "web, phone, …".
    pub fn codes_text() -> String {
        Channel::ALL
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A clerk types the answers in on the entry page.
    pub fn is_keyed(self) -> bool {
        match self {
            Channel::Phone | Channel::PaperKeyed => true,
            Channel::Web | Channel::PaperScan | Channel::Assisted => false,
        }
    }

    /// The answers come on a printed form: the wave page offers its forms as a PDF.
    pub fn is_paper(self) -> bool {
        match self {
            Channel::PaperKeyed | Channel::PaperScan => true,
            Channel::Web | Channel::Phone | Channel::Assisted => false,
        }
    }

    /// The paper forms come back as scans, read and checked on the wave's paper page.
    pub fn is_scanned(self) -> bool {
        match self {
            Channel::PaperScan => true,
            Channel::Web | Channel::Phone | Channel::PaperKeyed | Channel::Assisted => false,
        }
    }

    /// The channels a clerk types answers in for, in the order the entry form offers them.
    pub fn keyed() -> impl Iterator<Item = Channel> {
        Channel::ALL.iter().copied().filter(|c| c.is_keyed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_channel_reads_back_from_its_code_and_has_a_text() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.code()), Some(*c));
            let key = format!("channel-{}", c.code());
            assert_ne!(crate::web::i18n::t(crate::web::i18n::Lang::Nl, &key), key);
        }
        assert_eq!(Channel::parse("papier"), None);
        assert_eq!(
            Channel::codes_text(),
            "web, phone, paper-keyed, paper-scan, assisted"
        );
        assert_eq!(
            Channel::keyed().collect::<Vec<_>>(),
            [Channel::Phone, Channel::PaperKeyed]
        );
    }
}
