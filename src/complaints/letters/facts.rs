//! The facts a letter is made from: letterhead, addressee (placed for the window envelope), date,
//! reference, contact person, text, signature, and for an outcome the reasoned decision. A letter's
//! facts are stored with it as JSON when it is made, so printing it later gives the same letter.

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::service::current_logo;
use super::settings::{ContactPerson, LetterSettings, Signature};
use crate::complaints::model::{Complaint, Norms};
use crate::complaints::store::{self, Env};
use crate::complaints::templates::{self, Addressee, LetterKind};
use crate::complaints::terms::Judgement;
use crate::db::schema::complaint_letters;
use crate::db::DbConnection;
use crate::web::i18n::{t, Lang};

/// One part of a reasoned decision (Awb 9:12): what the part is about, what was found, the
/// judgement, the behoorlijkheidsnormen it touches and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionPart {
    /// The part of the complaint, as the complainant put it.
    pub description: String,
    /// What was found (facts established).
    pub findings: String,
    /// The judgement, once given (stored as its code; `""` before it is given).
    #[serde(with = "judgement_code")]
    pub judgement: Option<Judgement>,
    /// The behoorlijkheidsnormen this part touches (stored as a list of codes).
    pub norms: Norms,
    /// Why this judgement.
    pub reasoning: String,
    /// What follows from it for this part (measures).
    pub conclusion: String,
}

/// The reasoned decision an outcome letter carries: every part, and the conclusions and measures
/// for the whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The parts, in order.
    pub parts: Vec<DecisionPart>,
    /// Conclusions for the complaint as a whole.
    pub conclusions: String,
    /// Measures the municipality takes.
    pub measures: String,
}

/// A part's judgement in a letter's stored facts: its code, or `""` while none is given. A code
/// the product does not know is an error.
mod judgement_code {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::complaints::terms::Judgement;

    pub fn serialize<S: Serializer>(j: &Option<Judgement>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(j.map(Judgement::code).unwrap_or(""))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Judgement>, D::Error> {
        let code = String::deserialize(d)?;
        if code.is_empty() {
            return Ok(None);
        }
        Judgement::parse(&code)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown judgement {code:?}")))
    }
}

/// The reasoned decision as it stands for case `id`: its parts with findings, judgement, norms and
/// reasoning, and the conclusions and measures (see [`crate::complaints::decision`]).
pub fn decision_from_elements(c: &mut DbConnection, id: i64) -> QueryResult<Decision> {
    use crate::complaints::decision;
    Ok(decision::letter_decision(
        &decision::parts(c, id)?,
        &decision::decision(c, id)?,
    ))
}

/// The decision as text in the letter's language: per part its number and description, findings,
/// judgement, norms, reasoning and conclusion (what is empty is left out); then the conclusions and
/// measures.
pub fn decision_text(d: &Decision, lang: Lang) -> String {
    let mut out: Vec<String> = vec![];
    for (i, p) in d.parts.iter().enumerate() {
        let mut s = format!("{}. {}", i + 1, p.description.trim());
        let mut add = |key: &str, value: &str| {
            if !value.trim().is_empty() {
                s.push_str(&format!("\n{}: {}", t(lang, key), value.trim()));
            }
        };
        add("letter-decision-findings", &p.findings);
        let judgement = p
            .judgement
            .map(|j| t(lang, &format!("judgement-{}", j.code())))
            .unwrap_or_default();
        add("letter-decision-judgement", &judgement);
        let norms = p
            .norms
            .codes()
            .iter()
            .map(|n| t(lang, &format!("norm-{n}")))
            .collect::<Vec<_>>()
            .join(", ");
        add("letter-decision-norms", &norms);
        add("letter-decision-reasoning", &p.reasoning);
        add("letter-decision-conclusion", &p.conclusion);
        out.push(s);
    }
    if !d.conclusions.trim().is_empty() {
        out.push(format!(
            "{}:\n{}",
            t(lang, "letter-decision-conclusions"),
            d.conclusions.trim()
        ));
    }
    if !d.measures.trim().is_empty() {
        out.push(format!(
            "{}:\n{}",
            t(lang, "letter-decision-measures"),
            d.measures.trim()
        ));
    }
    out.join("\n\n")
}

/// Everything a letter is made from. Stored with the letter (JSON), so it prints the same later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterFacts {
    /// Kind of letter (stored as its template code; an unknown code does not read).
    pub kind: LetterKind,
    /// Who it is for.
    pub addressee: Addressee,
    /// The letter's language (stored as its code; an unknown code does not read).
    pub lang: Lang,
    /// The municipality's name as letters write it (see [`templates::municipality_name`]).
    pub municipality: String,
    /// The sender's address lines.
    pub sender: Vec<String>,
    /// The letterhead logo (its number), when one was uploaded.
    pub logo: Option<i64>,
    /// Date of the letter.
    pub date: NaiveDate,
    /// Ons kenmerk: the case number.
    pub reference: String,
    /// The addressee's name.
    pub to_name: String,
    /// The addressee's address lines.
    pub to_address: Vec<String>,
    /// The contact person for questions.
    pub contact: ContactPerson,
    /// Subject line.
    pub subject: String,
    /// The letter's text (template filled in).
    pub body: String,
    /// Who signs.
    pub signature: Signature,
    /// The reasoned decision, for an outcome letter.
    pub decision: Option<Decision>,
}

/// A letter's date: `6 december 2026` in Dutch, `06-12-2026` in the other languages.
pub fn letter_date(d: NaiveDate, lang: Lang) -> String {
    if lang == Lang::Nl {
        format!(
            "{} {} {}",
            d.day(),
            crate::fmt::MONTHS_NL[d.month0() as usize],
            d.year()
        )
    } else {
        store::date_text(d)
    }
}

impl LetterFacts {
    /// The letterhead's reference lines: (label, value), in the letter's language.
    pub fn reference_lines(&self) -> Vec<(String, String)> {
        let lang = self.lang;
        let mut out = vec![
            (t(lang, "letter-date"), letter_date(self.date, lang)),
            (t(lang, "letter-reference"), self.reference.clone()),
        ];
        if !self.contact.name.is_empty() {
            out.push((t(lang, "letter-contact"), self.contact.name.clone()));
        }
        if !self.contact.phone.is_empty() {
            out.push((t(lang, "letter-phone"), self.contact.phone.clone()));
        }
        if !self.contact.email.is_empty() {
            out.push((t(lang, "letter-email"), self.contact.email.clone()));
        }
        out
    }

    /// The signature block's lines: name (when set), function, municipality.
    pub fn signature_lines(&self) -> Vec<String> {
        let mut out = vec![];
        if !self.signature.name.is_empty() {
            out.push(self.signature.name.clone());
        }
        if !self.signature.function.is_empty() {
            out.push(self.signature.function.clone());
        }
        out.push(self.municipality.clone());
        out
    }

    /// The letter's text with its signature (an e-mail that carries the letter as its message).
    pub fn message_text(&self) -> String {
        format!("{}\n\n{}", self.body, self.signature_lines().join("\n"))
    }

    /// The whole letter as plain text, as it stands on paper: letterhead, addressee, reference,
    /// subject, text and signature.
    pub fn text(&self) -> String {
        let mut out = vec![self.municipality.clone()];
        out.extend(self.sender.iter().cloned());
        out.push(String::new());
        out.push(self.to_name.clone());
        out.extend(self.to_address.iter().cloned());
        out.push(String::new());
        for (label, value) in self.reference_lines() {
            out.push(format!("{label}: {value}"));
        }
        out.push(String::new());
        out.push(format!(
            "{}: {}",
            t(self.lang, "letter-subject"),
            self.subject
        ));
        out.push(String::new());
        out.push(self.message_text());
        out.join("\n")
    }

    /// The file name of the letter's PDF: kind and case number, nothing personal.
    pub fn file_name(&self) -> String {
        format!("brief-{}-{}.pdf", self.kind, self.reference)
    }
}

/// The staff member complained about gets letters through the organisation: their team, then the
/// municipality's address.
fn internal_address(complaint: &Complaint, sender: &[String]) -> Vec<String> {
    let mut out = vec![];
    if let Some(team) = complaint.team.as_deref().filter(|t| !t.trim().is_empty()) {
        out.push(format!("p/a {}", team.trim()));
    }
    out.extend(sender.iter().cloned());
    out
}

/// A postal address as lines: as entered, split on line breaks, or on commas when on one line.
pub(crate) fn address_lines(address: &str) -> Vec<String> {
    let lines: Vec<String> = address
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if lines.len() == 1 {
        return lines[0]
            .split(',')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
    }
    lines
}

/// The facts of letter `kind` to `to` about `complaint`, dated `today`, with the step's `values`.
/// `decision` is the reasoned decision of an outcome letter (from the complaint's parts when not
/// given).
#[allow(clippy::too_many_arguments)]
pub fn facts_for(
    c: &mut DbConnection,
    env: &Env<'_>,
    complaint: &Complaint,
    kind: LetterKind,
    to: Addressee,
    mut values: Vec<(&str, String)>,
    decision: Option<Decision>,
    today: NaiveDate,
) -> QueryResult<LetterFacts> {
    let settings = LetterSettings::load(c)?;
    let lang = match to {
        Addressee::Klager => complaint.language,
        _ => Lang::Nl,
    };
    let sender = settings.sender_lines(env.contact);
    let municipality = templates::municipality_name(env.municipality);
    let (name, address) = match to {
        Addressee::Klager => (
            complaint.name.clone().unwrap_or_default(),
            complaint
                .address
                .as_deref()
                .map(address_lines)
                .unwrap_or_default(),
        ),
        Addressee::Beklaagde => (
            complaint.person_complained.clone().unwrap_or_default(),
            internal_address(complaint, &sender),
        ),
        Addressee::Doorgever => (complaint.via_person.clone().unwrap_or_default(), {
            let mut a = vec!["p/a de griffie".to_string()];
            a.extend(sender.iter().cloned());
            a
        }),
    };
    let decision = if kind.carries_decision() {
        Some(match decision {
            Some(d) => d,
            None => decision_from_elements(c, complaint.id)?,
        })
    } else {
        None
    };
    if let Some(d) = &decision {
        if !values.iter().any(|(k, _)| *k == "uitkomst") {
            values.push(("uitkomst", decision_text(d, lang)));
        }
    }
    values.push(("naam", name.clone()));
    values.push(("raadslid", name.clone()));
    values.push(("zaaknummer", store::case_number(complaint)));
    values.push(("gemeente", municipality.clone()));
    values.push((
        "contactgegevens",
        crate::web::contact::letter_text(lang, env.contact),
    ));
    values.push(("telefoon", env.contact.phone.clone().unwrap_or_default()));
    values.push(("email", env.contact.email.clone().unwrap_or_default()));
    values.push(("ontvangen", store::date_text(complaint.received_on)));
    if to == Addressee::Beklaagde {
        values.push(("klacht", complaint.description.clone()));
        values.push((
            "klager",
            complaint
                .name
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| "(naam niet bekend)".into()),
        ));
        values.push((
            "wens",
            complaint
                .wish
                .clone()
                .filter(|w| !w.trim().is_empty())
                .unwrap_or_else(|| "(niet ingevuld)".into()),
        ));
        if !values.iter().any(|(k, _)| *k == "termijn") {
            values.push(("termijn", store::date_text(complaint.deadline_on)));
        }
    }
    let letter = env
        .templates
        .render(kind, lang, &values)
        .map_err(|e| diesel::result::Error::QueryBuilderError(Box::new(e)))?;
    Ok(LetterFacts {
        kind,
        addressee: to,
        lang,
        municipality,
        sender,
        logo: current_logo(c)?,
        date: today,
        reference: store::case_number(complaint),
        to_name: name,
        to_address: address,
        contact: ContactPerson {
            name: settings.contact_person.trim().to_string(),
            phone: env.contact.phone.clone().unwrap_or_default(),
            email: env.contact.email.clone().unwrap_or_default(),
        },
        subject: letter.subject,
        body: letter.body,
        signature: settings.signature(kind, lang),
        decision,
    })
}

/// The stored facts of a letter; a letter stored before letters had facts gets them from its text
/// and today's settings.
pub fn stored_facts(
    c: &mut DbConnection,
    env: &Env<'_>,
    letter: i64,
) -> QueryResult<Option<LetterFacts>> {
    type Row = (
        i64,
        LetterKind,
        String,
        String,
        String,
        String,
        chrono::NaiveDateTime,
        Option<String>,
    );
    let row: Option<Row> = complaint_letters::table
        .find(letter)
        .select((
            complaint_letters::complaint_id,
            complaint_letters::kind,
            complaint_letters::addressee,
            complaint_letters::recipient,
            complaint_letters::subject,
            complaint_letters::body,
            complaint_letters::created_at,
            complaint_letters::facts,
        ))
        .first(c)
        .optional()?;
    let Some((complaint_id, kind, addressee, recipient, subject, body, created, facts)) = row
    else {
        return Ok(None);
    };
    // Stored facts that do not read (an unknown kind or language) are an error, not a letter
    // rebuilt from its text.
    if let Some(f) = facts {
        return serde_json::from_str::<LetterFacts>(&f)
            .map(Some)
            .map_err(|e| diesel::result::Error::DeserializationError(Box::new(e)));
    }
    // An addressee the product does not know is an error, not a letter to the complainant.
    let addressee = Addressee::from_code(&addressee).ok_or_else(|| {
        diesel::result::Error::DeserializationError(
            format!("unknown letter addressee {addressee:?}").into(),
        )
    })?;
    let complaint = store::load(c, complaint_id)?;
    let settings = LetterSettings::load(c)?;
    let mut lines = recipient.lines().map(str::to_string);
    let to_name = lines.next().unwrap_or_default();
    Ok(Some(LetterFacts {
        kind,
        addressee,
        lang: Lang::Nl,
        municipality: templates::municipality_name(env.municipality),
        sender: settings.sender_lines(env.contact),
        logo: current_logo(c)?,
        date: created.date(),
        reference: store::case_number(&complaint),
        to_name,
        to_address: lines.collect(),
        contact: ContactPerson {
            name: settings.contact_person.clone(),
            phone: env.contact.phone.clone().unwrap_or_default(),
            email: env.contact.email.clone().unwrap_or_default(),
        },
        subject,
        body,
        signature: settings.signature(kind, Lang::Nl),
        decision: None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_dutch_letters_are_written_out() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        assert_eq!(letter_date(d, Lang::Nl), "6 december 2026");
        assert_eq!(letter_date(d, Lang::En), "06-12-2026");
    }

    #[test]
    fn addresses_on_one_line_are_split_at_commas() {
        assert_eq!(
            address_lines("Dorpsstraat 1, 1234 AB Voorbeeld"),
            vec!["Dorpsstraat 1", "1234 AB Voorbeeld"]
        );
        assert_eq!(
            address_lines("Dorpsstraat 1\n1234 AB Voorbeeld\n"),
            vec!["Dorpsstraat 1", "1234 AB Voorbeeld"]
        );
    }

    #[test]
    fn a_stored_decision_part_reads_back_and_an_unknown_code_is_an_error() {
        let part = DecisionPart {
            description: "Niet teruggebeld".into(),
            judgement: Some(Judgement::PartlyFounded),
            norms: Norms::parse("luisteren,voortvarendheid").expect("norms"),
            ..DecisionPart::default()
        };
        let json = serde_json::to_string(&part).expect("json");
        assert!(json.contains(r#""judgement":"deels_gegrond""#), "{json}");
        assert!(
            json.contains(r#""norms":["luisteren","voortvarendheid"]"#),
            "{json}"
        );
        let back: DecisionPart = serde_json::from_str(&json).expect("reads");
        assert_eq!(back, part);
        // A part without a judgement yet is stored as "" (as letters made before were).
        let empty = serde_json::to_string(&DecisionPart::default()).expect("json");
        assert!(empty.contains(r#""judgement":"""#), "{empty}");
        let back: DecisionPart = serde_json::from_str(&empty).expect("reads");
        assert_eq!(back.judgement, None);
        for bad in [
            json.replace("deels_gegrond", "gegrondish"),
            json.replace("luisteren", "luisteren,fair_play"),
            json.replace("voortvarendheid", "snelheid"),
        ] {
            assert!(serde_json::from_str::<DecisionPart>(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_decision_text_has_every_part_and_leaves_out_what_is_empty() {
        let d = Decision {
            parts: vec![
                DecisionPart {
                    description: "Niet teruggebeld".into(),
                    findings: "Drie keer gebeld, geen notitie.".into(),
                    judgement: Some(Judgement::Founded),
                    norms: Norms::parse("voortvarendheid").expect("a norm"),
                    reasoning: "Terugbellen is beloofd.".into(),
                    conclusion: "Excuses".into(),
                },
                DecisionPart {
                    description: "Toon van de brief".into(),
                    judgement: Some(Judgement::Unfounded),
                    ..DecisionPart::default()
                },
            ],
            conclusions: "De klacht is deels terecht.".into(),
            measures: "Het team krijgt een training.".into(),
        };
        let text = decision_text(&d, Lang::Nl);
        for needle in [
            "1. Niet teruggebeld",
            "Drie keer gebeld",
            "Gegrond",
            "Voortvarendheid",
            "Terugbellen is beloofd.",
            "2. Toon van de brief",
            "Ongegrond",
            "De klacht is deels terecht.",
            "Het team krijgt een training.",
        ] {
            assert!(text.contains(needle), "{needle} in {text}");
        }
        let second = text.split("2. Toon").nth(1).unwrap();
        assert!(!second.contains("Bevindingen"), "{second}");
    }
}
