//! Tests of the redaction as a whole: texts written by others (an outside tester's complaint, the
//! product team's Dutch interface texts) next to short cases per rule.

use super::*;

#[test]
fn what_identifies_a_person_is_removed() {
    let cases = [
        (
            "Mevrouw Jansen van de balie was erg onvriendelijk.",
            "Mevrouw [naam] van de balie was erg onvriendelijk.",
        ),
        (
            "Mijn klantmanager Peter de Vries belde nooit terug!",
            "Mijn klantmanager [naam] belde nooit terug!",
        ),
        (
            "Bel me op 06-12345678 of mail naar a.bakker@voorbeeld.nl.",
            "Bel me op [telefoonnummer] of mail naar [e-mailadres].",
        ),
        (
            "Mijn nummer is 06 12 34 56 78, bel gerust.",
            "Mijn nummer is [telefoonnummer], bel gerust.",
        ),
        (
            "Ik woon op de Dorpsstraat 12 in 1234 AB Voorbeeld.",
            "Ik woon op de [adres] in [adres] Voorbeeld.",
        ),
        (
            "Mijn BSN is 111222333 en dat stond in de brief.",
            "Mijn BSN is [BSN] en dat stond in de brief.",
        ),
        (
            "Het geld ging naar NL91 ABNA 0417 1643 00 in plaats van naar mij.",
            "Het geld ging naar [rekeningnummer] in plaats van naar mij.",
        ),
        (
            "Ik wacht al 3 maanden en kreeg 2 brieven.",
            "Ik wacht al 3 maanden en kreeg 2 brieven.",
        ),
        (
            "Meneer El Amrani, de consulent, hielp goed.",
            "Meneer [naam], de consulent, hielp goed.",
        ),
        ("Dhr. K. Bakker nam de tijd.", "Dhr. [naam] nam de tijd."),
        // Separators inside numbers.
        ("BSN 1234.56.782.", "BSN [BSN]."),
        ("BSN 123-456-782 klopt", "BSN [BSN] klopt"),
        (
            "Bel 06-12.34.56.78 of (020) 123 45 67.",
            "Bel [telefoonnummer] of [telefoonnummer].",
        ),
        (
            "Rekening NL91-ABNA-0417-1643-00.",
            "Rekening [rekeningnummer].",
        ),
        // E-mail written around the @.
        (
            "Mail jan [at] voorbeeld [punt] nl graag",
            "Mail [e-mailadres] graag",
        ),
        (
            "mail jan apenstaartje voorbeeld punt nl.",
            "mail [e-mailadres].",
        ),
        // Postcodes.
        ("Adres: 1234AB Voorbeeld", "Adres: [adres] Voorbeeld"),
        ("postcode 9999 zz, graag", "postcode [adres], graag"),
        // Dates of birth.
        (
            "Ik ben geboren op 1 februari 1980 in Marokko.",
            "Ik ben geboren op [geboortedatum] in Marokko.",
        ),
        ("Geb. 1-2-80", "Geb. [geboortedatum]"),
        // Names.
        (
            "Mijn naam is Jan Jansen en ik ben boos.",
            "Mijn naam is [naam] en ik ben boos.",
        ),
        (
            "Ik heet Sara. Sara is mijn naam.",
            "Ik heet [naam]. [naam] is mijn naam.",
        ),
        (
            "Mijn dochter Lina (8) en mijn man Youssef.",
            "Mijn dochter [naam] (8) en mijn man [naam].",
        ),
        (
            "Hij zei dat (mevrouw Smit) gelijk had.",
            "Hij zei dat (mevrouw [naam]) gelijk had.",
        ),
        (
            "Ik sprak Anouk van afdeling Zorg.",
            "Ik sprak [naam] van afdeling Zorg.",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(redact(input), expected, "{input}");
    }
}

/// Written by an outside tester through the public form (test finding F5), not by the author of
/// the rules; as the coding screen shows it (whitespace tidied).
#[test]
fn the_outside_testers_complaint() {
    let text =
        "ZULU9 Mijn klantmanager Jan de Vries zei dat ik loog. Ik ben Fatima El Amrani, mijn \
        BSN is 1234.56.782 en ook\n123 456 782, bel mij op +31 6 1234 5678 of 06-12.34.56.78 of \
        0612 345 678, mail fatima(at)gmail.com of\nfatima @ gmail . com, IBAN nl91 abna 0417 1643 \
        00, ik woon op de Kerkstraat 12a in 1234AB Voorbeeld, Postcode\n1234 ab. Geboren \
        01-02-1980. Mevr. Bakker en dhr Pietersen waren erbij. Kees van team Werk ook. Mijn zoon \
        Ahmed\n(15) moest zijn bankrekening laten zien.";
    let tidy = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        redact(&tidy),
        "ZULU9 Mijn klantmanager [naam] zei dat ik loog. Ik ben [naam], mijn BSN is [BSN] en ook \
         [BSN], bel mij op [telefoonnummer] of [telefoonnummer] of [telefoonnummer], mail \
         [e-mailadres] of [e-mailadres], IBAN [rekeningnummer], ik woon op de [adres] in [adres] \
         Voorbeeld, Postcode [adres]. Geboren [geboortedatum]. Mevr. [naam] en dhr [naam] waren \
         erbij. [naam] van team Werk ook. Mijn zoon [naam] (15) moest zijn bankrekening laten zien."
    );
}

#[test]
fn known_details_of_the_writer_go_everywhere() {
    let text =
        "Fatima belde. Is dit Amrani? Mail FATIMA@GMAIL.COM of bel 06 1234 5678. fatima el amrani.";
    assert_eq!(
        redact_known(
            text,
            &["Fatima El Amrani", "fatima@gmail.com", "06-12345678", " "]
        ),
        "[naam] belde. Is dit [naam]? Mail [e-mailadres] of bel [telefoonnummer]. [naam]."
    );
    // The whole stored name in any case; its parts only with their capital.
    assert_eq!(
        redact_known("ik ben jan de wit, wit van woede", &["Jan de Wit"]),
        "ik ben [naam], wit van woede"
    );
    assert_eq!(redact_known("Geen naam hier.", &[]), "Geen naam hier.");
}

#[test]
fn ordinary_numbers_and_words_stay() {
    let plain = [
        "In 2024 kreeg ik 123456789 keer dezelfde brief. De straat was glad.",
        "Ik ben boos en ik ben Nederlander.",
        "Mijn zoon is 15 en mijn dochter is Nederlandse.",
        "Ik ben ZZP'er en mijn man is Marokkaan.",
        "Iemand van team Werk belde. Niemand van afdeling Zorg.",
        "Zaak 2026-0012 van 12-03-2024 ging over € 123.456.782 en 1.234,56 euro.",
        "In 2024 is het 1500 km rijden en dat kost 3 uur.",
        "Ik kreeg 2 brieven op 01-02-2025 en mijn vrouw ook.",
        "Mijn kind. Daarna ging ik naar de medewerker. Toen was het klaar.",
        "Het is 06 uur en ik had 12 34 56 vragen.",
        "De consulent: ik ben het er niet mee eens.",
        "Ik mailde HR Advies en de Sociale Dienst.",
        "Ik ben Koerd en ik ben Jehova's getuige.",
        "",
        "Goed geholpen.",
    ];
    for text in plain {
        assert_eq!(redact(text), text);
    }
}

/// Example contact details in the interface texts (in 7 messages: "bijvoorbeeld naam@voorbeeld.nl",
/// "06 12345678", "1234 AB Voorbeeld"): these are removed, as they would be in a complaint.
const EXAMPLES: [(&str, &str); 4] = [
    ("naam@voorbeeld.nl", EMAIL),
    ("naam@gemeente.nl", EMAIL),
    ("06 12345678", PHONE),
    ("1234 AB", ADDRESS),
];

/// Every Dutch interface text, written by the product team: ordinary B1 Dutch about complaints,
/// surveys and people. The redaction must leave each one as it is, apart from the example contact
/// details in [`EXAMPLES`].
#[test]
fn the_dutch_interface_texts_stay_as_they_are() {
    let files = [
        include_str!("../../../locales/nl/main.ftl"),
        include_str!("../../../locales/nl/complaints.ftl"),
        include_str!("../../../locales/nl/public.ftl"),
        include_str!("../../../locales/nl/surveys.ftl"),
    ];
    let mut checked = 0;
    let mut changed = vec![];
    let mut examples = 0;
    for line in files.iter().flat_map(|f| f.lines()) {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        // The message text after "key =" (or a continuation or variant line as it is).
        let text = match line.split_once(" = ") {
            Some((key, value)) if !key.contains(' ') => value,
            _ => line,
        };
        checked += 1;
        let out = redact(text);
        let mut expected = text.to_string();
        for (example, marker) in EXAMPLES {
            expected = expected.replace(example, marker);
        }
        if out != expected {
            changed.push(format!("{text}\n  → {out}"));
        }
        examples += usize::from(out != text);
    }
    assert!(checked > 1000, "only {checked} lines read");
    assert!(changed.is_empty(), "changed:\n{}", changed.join("\n"));
    assert_eq!(
        examples, 7,
        "the seven messages with an example address or number"
    );
}

proptest::proptest! {
    /// Any text at all (other scripts, emoji, stray digits): no panic, and what comes out has
    /// no e-mail address left in it.
    #[test]
    fn any_text_is_handled(text in "\\PC{0,200}", email in "[a-z]{1,8}@[a-z]{1,8}\\.nl") {
        let out = redact(&format!("{text} {email} {text}"));
        proptest::prop_assert!(!out.contains(&email));
    }

    /// A known name is gone from any text around it, and nothing panics on any known string.
    #[test]
    fn a_known_name_is_gone(text in "\\PC{0,100}", known in "\\PC{0,20}") {
        let out = redact_known(&format!("{text} Fatima Amrani {text}"), &["Fatima Amrani", &known]);
        proptest::prop_assert!(!out.contains("Fatima Amrani"));
    }
}
