//! Words, not codes, in the council report: how groups of people, complaint channels and register
//! outcomes are named for a reader, the short glossary of the method section, and the words the
//! report's texts must not use (the tests read every text against them).

use crate::web::i18n::{t, Lang};

/// How people in a group are named in a sentence, for the background questions of the shipped
/// questionnaire (`surveys/bejegening-bijstand.toml`); `None` for others (the report then names
/// the answer and the question).
pub fn group_phrase(split: &str, value: &str) -> Option<&'static str> {
    Some(match (split, value) {
        ("terugvordering", "ja") => "mensen die geld moesten terugbetalen",
        ("terugvordering", "nee") => "mensen die geen geld hoefden terug te betalen",
        ("gebruikte_ondersteuning", "ja") => "mensen die hulp hadden van een cliëntondersteuner",
        ("gebruikte_ondersteuning", "nee") => {
            "mensen die geen hulp hadden van een cliëntondersteuner"
        }
        ("aantal_contact", "geen") => "mensen die het afgelopen jaar geen contact hadden",
        ("aantal_contact", "een_tot_vijf") => "mensen die 1 tot 5 keer contact hadden",
        ("aantal_contact", "meer_dan_vijf") => "mensen die vaker dan 5 keer contact hadden",
        ("laatste_contact", "dit_jaar") => "mensen die dit jaar contact hadden",
        ("laatste_contact", "vorig_jaar") => "mensen die vorig jaar voor het laatst contact hadden",
        ("laatste_contact", "eerder") => "mensen die al langer geen contact hadden",
        ("team", "inkomen") => "mensen die vooral contact hadden met het team Inkomen",
        ("team", "werk") => "mensen die vooral contact hadden met het team Werk",
        ("team", "schulden") => "mensen die vooral contact hadden met het team Schuldhulp",
        ("team", "weet_niet") => "mensen die niet weten met welk team ze contact hadden",
        ("opleiding", "geen_basis") => "mensen zonder opleiding na de basisschool",
        ("opleiding", "laag") => "mensen met vmbo, mavo of mbo 1",
        ("opleiding", "midden") => "mensen met havo, vwo of mbo 2 tot 4",
        ("opleiding", "hoog") => "mensen met hbo of universiteit",
        ("opleiding", "zeg_niet") => "mensen die hun opleiding niet noemden",
        ("jaren_uitkering", "minder_dan_1") => "mensen die korter dan een jaar bijstand hebben",
        ("jaren_uitkering", "een_tot_vijf") => "mensen die 1 tot 5 jaar bijstand hebben",
        ("jaren_uitkering", "meer_dan_vijf") => "mensen die langer dan 5 jaar bijstand hebben",
        _ => return None,
    })
}

/// A complaint channel in words (`raadslid` → "Via een raadslid").
pub fn channel_name(code: &str) -> String {
    let key = format!("channel-complaint-{code}");
    let name = t(Lang::Nl, &key);
    if name == key || name.is_empty() {
        code.replace(['_', '-'], " ")
    } else {
        name
    }
}

/// The short glossary of the method section: (word, what it means), in plain Dutch.
pub const GLOSSARY: &[(&str, &str)] = &[
    ("Positief", "iemand gaf een 4 of 5 op een schaal van 1 tot 5 (eens of tevreden)."),
    ("Onderwerp", "een groep vragen: bereikbaarheid, bejegening, dienstverlening of ondersteuning. Het cijfer is het gemiddelde van de vragen; elke vraag telt even zwaar."),
    ("Bejegening", "hoe medewerkers met mensen omgaan: vriendelijk, met respect, serieus."),
    ("Respons", "het deel van de uitgenodigde mensen dat de vragenlijst invulde."),
    ("Doelgroep", "alle mensen over wie de vragenlijst gaat, bijvoorbeeld iedereen met een bijstandsuitkering."),
    ("Foutmarge", "hoeveel een percentage door toeval kan afwijken. Bij een foutmarge van 5 procentpunt ligt 60% echt tussen 55% en 65%."),
    ("Aantal (n)", "het aantal mensen of klachten waarop een cijfer rust."),
    ("Indicatief (*)", "het cijfer rust op minder dan 50 mensen of klachten. Lees het voorzichtig."),
    ("Verborgen (–)", "het cijfer staat er niet, zodat niemand te herkennen is."),
    ("Termijn", "de tijd die de wet geeft om op een klacht te beslissen: 6 weken, of 10 weken met een klachtencommissie, één keer 4 weken uit te stellen."),
    ("Gegrond", "de klacht klopt: de gemeente had het anders moeten doen."),
    ("Procentpunt", "het verschil tussen twee percentages: van 60% naar 70% is 10 procentpunt."),
];

/// Words that do not belong in the report's texts: statistics and program jargon. A test reads
/// every text of the report against this list.
pub const JARGON: &[&str] = &[
    "nmin",
    "precisie",
    "recall",
    "significant",
    "proportie",
    "z-toets",
    "p-waarde",
    "top-2",
    "top 2",
    "eindige-populatiecorrectie",
    "populatiecorrectie",
    "wilson",
    "null",
];

/// Codes that must not reach a reader: the stored codes of channels, states, outcomes and funnel
/// stages (a test reads every text against them, and for a `_` in any word).
pub const RAW_CODES: &[&str] = &[
    "informeel_opgelost",
    "niet_in_behandeling",
    "deels_gegrond",
    "geen_oordeel",
    "paper-scan",
    "paper-keyed",
    "positief_",
    "kanaal=",
    "taal=",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_are_named() {
        assert_eq!(channel_name("raadslid"), "Via een raadslid");
        assert_eq!(channel_name("web"), "Website");
        assert_eq!(channel_name("iets_anders"), "iets anders");
    }

    #[test]
    fn every_background_answer_of_the_shipped_questionnaire_has_a_name() {
        let defs = crate::surveys::shipped().unwrap();
        for item in defs[0].items() {
            if item.dimension != crate::surveys::definition::Dimension::Achtergrond {
                continue;
            }
            if let crate::surveys::definition::ItemKind::Single { options, .. } = &item.kind {
                for o in options {
                    let phrase = group_phrase(&item.key, &o.code);
                    assert!(phrase.is_some(), "{}={}", item.key, o.code);
                    assert!(phrase.unwrap().split_whitespace().count() <= 10);
                }
            }
        }
    }
}
