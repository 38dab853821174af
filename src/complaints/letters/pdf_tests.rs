//! Unit tests of the letter PDF: the envelope window and rendering in every script.

mod window {
    use super::super::*;

    #[test]
    fn the_window_lies_where_a_dutch_window_envelope_shows_it_and_above_the_fold() {
        // Window envelopes EA5/6 and C5/6 (window left): about 20 mm from the left, 45 mm from the top.
        const {
            assert!(WINDOW.left >= 20.0 && WINDOW.left + WINDOW.width <= 120.0);
            assert!(WINDOW.top >= 45.0 && WINDOW.top + WINDOW.height <= 95.0);
            // Above the first fold.
            assert!(WINDOW.top + WINDOW.height < 99.0);
            // Six lines fit.
            assert!(ADDRESS_FIRST_BASELINE + 5.0 * ADDRESS_LINE <= WINDOW.top + WINDOW.height);
        }
    }
}

mod render {
    use super::super::super::service::{ContactPerson, Signature};
    use super::super::*;
    use crate::complaints::templates::Addressee;

    pub(crate) fn sample(lang: crate::web::i18n::Lang) -> LetterFacts {
        LetterFacts {
            kind: crate::complaints::templates::LetterKind::Receipt,
            addressee: Addressee::Klager,
            lang,
            municipality: "Gemeente Voorbeeld".into(),
            sender: vec!["Postbus 1000".into(), "1234 AB Voorbeeld".into()],
            logo: None,
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
            reference: "2026-0001".into(),
            to_name: "Mevrouw A. de Vries".into(),
            to_address: vec!["Dorpsstraat 1".into(), "1234 AB Voorbeeld".into()],
            contact: ContactPerson {
                name: "mevrouw J. Bakker".into(),
                phone: "14 0123".into(),
                email: "info@voorbeeld.nl".into(),
            },
            subject: "Wij hebben uw klacht ontvangen".into(),
            body: "Beste mevrouw,\n\nWij hebben uw klacht ontvangen. ".repeat(30),
            signature: Signature {
                name: "J. Bakker".into(),
                function: "De klachtencoördinator".into(),
            },
            decision: None,
        }
    }

    #[test]
    fn stored_facts_keep_their_language_and_an_unknown_one_does_not_read() {
        let f = sample(crate::web::i18n::Lang::Ar);
        let json = serde_json::to_string(&f).unwrap();
        assert!(json.contains("\"lang\":\"ar\""), "{json}");
        assert_eq!(serde_json::from_str::<LetterFacts>(&json).unwrap(), f);
        let corrupt = json.replace("\"lang\":\"ar\"", "\"lang\":\"xx\"");
        assert!(serde_json::from_str::<LetterFacts>(&corrupt).is_err());
    }

    #[test]
    fn a_letter_renders_in_every_language() {
        for lang in [crate::web::i18n::Lang::Nl, crate::web::i18n::Lang::Ar] {
            let f = sample(lang);
            let pdf = letters_pdf(&[(&f, None)]).unwrap();
            assert!(pdf.starts_with(b"%PDF-"));
        }
    }
}
