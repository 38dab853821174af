//! Letters as documents: the facts a letter is made from (letterhead, addressee, date, reference,
//! contact person, text, signature, and for an outcome the reasoned decision), the settings of the
//! municipality that fill the letterhead, and sending: by e-mail (a short message with the letter
//! as PDF, or the letter as the message, as the municipality prefers) or queued for printing.
//!
//! A letter's facts are stored with it, as JSON, when it is made: printing it later, or again,
//! gives the same letter, and the case keeps what was sent.

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::complaints::model::{self, Complaint};
use crate::complaints::store::{self, Env, Recipient};
use crate::complaints::templates::{self, Addressee};
use crate::db::schema::{complaint_elements, complaint_letters, letterhead_logos};
use crate::db::{now, settings, DbConnection};
use crate::web::i18n::{t, t_args, Lang};

/// How a letter goes to someone with an e-mail address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// A short message with the letter attached as PDF (the default).
    Attachment,
    /// The letter's text as the message itself.
    Body,
}

impl Delivery {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Delivery::Attachment => "bijlage",
            Delivery::Body => "tekst",
        }
    }
}

/// Who signs a letter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// Name of the person who signs (may be empty: the function alone).
    pub name: String,
    /// Their function, e.g. "klachtencoördinator".
    pub function: String,
}

/// The contact person a letter names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPerson {
    /// Name (and function), e.g. "mevrouw A. de Vries, klachtencoördinator".
    pub name: String,
    /// Phone number.
    pub phone: String,
    /// E-mail address.
    pub email: String,
}

/// Setting keys (in the installation's settings table).
const DELIVERY: &str = "letters.delivery";
const SENDER: &str = "letters.sender";
const CONTACT_PERSON: &str = "letters.contact_person";

/// The municipality's letter settings, set by the coordinator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterSettings {
    /// E-mail with the letter attached, or as the message.
    pub delivery: Delivery,
    /// The sender's address as it stands on the letterhead, one line each (the first is also the
    /// return address). Empty: the postal address of the contact settings.
    pub sender: String,
    /// The contact person named on every letter. Empty: the general phone number and e-mail only.
    pub contact_person: String,
    /// Who signs, per kind of letter: (kind code, signature). A kind not listed is signed with its
    /// default function.
    pub signatures: Vec<(String, Signature)>,
}

impl LetterSettings {
    /// Reads the settings.
    pub fn load(conn: &mut DbConnection) -> QueryResult<LetterSettings> {
        let delivery = match settings::get(conn, DELIVERY)?.as_deref() {
            Some("tekst") => Delivery::Body,
            _ => Delivery::Attachment,
        };
        let mut signatures = vec![];
        for kind in templates::KINDS {
            let name = settings::get(conn, &format!("letters.signature.{}.name", kind.code))?;
            let function =
                settings::get(conn, &format!("letters.signature.{}.function", kind.code))?;
            if name.is_some() || function.is_some() {
                signatures.push((
                    kind.code.to_string(),
                    Signature {
                        name: name.unwrap_or_default(),
                        function: function.unwrap_or_default(),
                    },
                ));
            }
        }
        Ok(LetterSettings {
            delivery,
            sender: settings::get(conn, SENDER)?.unwrap_or_default(),
            contact_person: settings::get(conn, CONTACT_PERSON)?.unwrap_or_default(),
            signatures,
        })
    }

    /// Stores the settings.
    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        settings::set(conn, DELIVERY, self.delivery.code())?;
        settings::set(conn, SENDER, self.sender.trim())?;
        settings::set(conn, CONTACT_PERSON, self.contact_person.trim())?;
        for kind in templates::KINDS {
            let s = self
                .signatures
                .iter()
                .find(|(k, _)| k == kind.code)
                .map(|(_, s)| s.clone())
                .unwrap_or_default();
            settings::set(
                conn,
                &format!("letters.signature.{}.name", kind.code),
                s.name.trim(),
            )?;
            settings::set(
                conn,
                &format!("letters.signature.{}.function", kind.code),
                s.function.trim(),
            )?;
        }
        Ok(())
    }

    /// Who signs letter `kind` in `lang`: as set, or the default function in the letter's language.
    pub fn signature(&self, kind: &str, lang: Lang) -> Signature {
        let set = self
            .signatures
            .iter()
            .find(|(k, _)| k == kind)
            .map(|(_, s)| s.clone())
            .unwrap_or_default();
        let function = if set.function.trim().is_empty() {
            t(lang, default_function_key(kind))
        } else {
            set.function.trim().to_string()
        };
        Signature {
            name: set.name.trim().to_string(),
            function,
        }
    }

    /// The sender's address lines: as set, or the postal address of the contact settings.
    pub fn sender_lines(&self, contact: &crate::config::Contact) -> Vec<String> {
        let text = if self.sender.trim().is_empty() {
            contact
                .postal_address
                .as_deref()
                .unwrap_or("")
                .replace(", ", "\n")
        } else {
            self.sender.clone()
        };
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// The text key of the function that signs `kind` when none is set: the decision is the board's,
/// the rest the coordinator's.
pub fn default_function_key(kind: &str) -> &'static str {
    match kind {
        "uitkomst" | "beklaagde-uitkomst" => "letter-sign-college",
        _ => "letter-sign-coordinator",
    }
}

/// One part of a reasoned decision (Awb 9:12): what the part is about, what was found, the
/// judgement, the behoorlijkheidsnormen it touches and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionPart {
    /// The part of the complaint, as the complainant put it.
    pub description: String,
    /// What was found (facts established).
    pub findings: String,
    /// gegrond, ongegrond, deels_gegrond or geen_oordeel.
    pub judgement: String,
    /// Norm codes ([`model::NORMS`]).
    pub norms: Vec<String>,
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

/// The decision as it stands in the complaint's parts and judgements (until a decision is drafted
/// on its own).
pub fn decision_from_elements(c: &mut DbConnection, id: i64) -> QueryResult<Decision> {
    let rows: Vec<(String, Option<String>, String, Option<String>)> = complaint_elements::table
        .filter(complaint_elements::complaint_id.eq(id))
        .order(complaint_elements::position)
        .select((
            complaint_elements::description,
            complaint_elements::judgement,
            complaint_elements::norms,
            complaint_elements::conclusion,
        ))
        .load(c)?;
    Ok(Decision {
        parts: rows
            .into_iter()
            .map(|(description, judgement, norms, conclusion)| DecisionPart {
                description,
                findings: String::new(),
                judgement: judgement.unwrap_or_default(),
                norms: model::parse_norms(&norms)
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
                reasoning: String::new(),
                conclusion: conclusion.unwrap_or_default(),
            })
            .collect(),
        conclusions: String::new(),
        measures: String::new(),
    })
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
        let judgement = if p.judgement.is_empty() {
            String::new()
        } else {
            t(lang, &format!("judgement-{}", p.judgement))
        };
        add("letter-decision-judgement", &judgement);
        let norms = p
            .norms
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
    /// Kind of letter (template code).
    pub kind: String,
    /// Who it is for.
    pub addressee: Addressee,
    /// Language code of the letter.
    pub lang: String,
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

/// Dutch month names, for dates in letters.
const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A letter's date: `6 december 2026` in Dutch, `06-12-2026` in the other languages.
pub fn letter_date(d: NaiveDate, lang: Lang) -> String {
    if lang == Lang::Nl {
        format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
    } else {
        store::date_text(d)
    }
}

impl LetterFacts {
    /// The letter's language.
    pub fn language(&self) -> Lang {
        Lang::from_code(&self.lang).unwrap_or(Lang::Nl)
    }

    /// The letterhead's reference lines: (label, value), in the letter's language.
    pub fn reference_lines(&self) -> Vec<(String, String)> {
        let lang = self.language();
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
            t(self.language(), "letter-subject"),
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

/// A letter made: its facts, its text and its PDF.
pub struct Rendered {
    /// The facts it was made from.
    pub facts: LetterFacts,
    /// The letter as plain text.
    pub text: String,
    /// The letter as PDF.
    pub pdf: Vec<u8>,
}

/// Renders one letter from its facts, as text and as PDF, exactly as it goes out (the preview of a
/// decision uses this too).
pub fn render(
    c: &mut DbConnection,
    facts: &LetterFacts,
) -> Result<Rendered, super::pdf::LetterError> {
    let logo = match facts.logo {
        Some(id) => super::pdf::Logo::load(c, id)?,
        None => None,
    };
    let pdf = super::pdf::letters_pdf(&[(facts, logo.as_ref())])?;
    Ok(Rendered {
        facts: facts.clone(),
        text: facts.text(),
        pdf,
    })
}

/// The outcome letter to `to` with `decision`, exactly as it would go out today (text and PDF),
/// without storing or sending anything: the handler's preview of a draft decision. Sending the same
/// decision with [`send`] (`decision: Some(..)`) makes the same letter.
pub fn preview_outcome(
    c: &mut DbConnection,
    env: &Env<'_>,
    complaint_id: i64,
    to: Addressee,
    decision: Decision,
) -> Result<Option<Rendered>, super::pdf::LetterError> {
    let complaint = store::load(c, complaint_id)?;
    let kind = templates::kind_for("uitkomst", to);
    let values = match to {
        Addressee::Klager => vec![("ombudsman", env.ombudsman.to_string())],
        _ => vec![],
    };
    let today = crate::surveys::today();
    let Some(facts) = facts_for(c, env, &complaint, kind, to, values, Some(decision), today)?
    else {
        return Ok(None);
    };
    render(c, &facts).map(Some)
}

/// The newest logo's number.
pub fn current_logo(c: &mut DbConnection) -> QueryResult<Option<i64>> {
    letterhead_logos::table
        .select(letterhead_logos::id)
        .order(letterhead_logos::id.desc())
        .first(c)
        .optional()
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
fn address_lines(address: &str) -> Vec<String> {
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

/// The facts of letter `kind` (a template code) to `to` about `complaint`, dated `today`, with the
/// step's `values`; `None` when the template does not exist. `decision` is the reasoned decision of
/// an outcome letter (from the complaint's parts when not given).
#[allow(clippy::too_many_arguments)]
pub fn facts_for(
    c: &mut DbConnection,
    env: &Env<'_>,
    complaint: &Complaint,
    kind: &str,
    to: Addressee,
    mut values: Vec<(&str, String)>,
    decision: Option<Decision>,
    today: NaiveDate,
) -> QueryResult<Option<LetterFacts>> {
    let settings = LetterSettings::load(c)?;
    let lang = match to {
        Addressee::Klager => Lang::from_code(&complaint.language).unwrap_or(Lang::Nl),
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
    let decision = if matches!(kind, "uitkomst" | "beklaagde-uitkomst") {
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
    let Some(letter) = env.templates.render(kind, lang, &values) else {
        return Ok(None);
    };
    Ok(Some(LetterFacts {
        kind: kind.to_string(),
        addressee: to,
        lang: lang.code().to_string(),
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
    }))
}

/// Where a complaint stands, for the council member who passed it on (plain Dutch).
pub fn phase_text(state: crate::complaints::workflow::State) -> &'static str {
    use crate::complaints::workflow::State as S;
    match state {
        S::Received => "de klacht is ontvangen",
        S::Referred => {
            "de brief is doorgestuurd naar de afdeling bezwaar, omdat hij over een besluit gaat"
        }
        S::NotHandled => "de klacht is niet in behandeling genomen (artikel 9:8 Awb)",
        S::Mediation => "er wordt gesproken met de inwoner om de klacht samen op te lossen",
        S::ResolvedInformally => "de klacht is in een gesprek opgelost",
        S::Withdrawn => "de klacht is ingetrokken",
        S::FormalHandling | S::HearingPlanned | S::Heard | S::Advised => {
            "de klacht wordt formeel behandeld"
        }
        S::Decided => "er is een oordeel over de klacht",
        S::Closed => "de klacht is afgehandeld",
        S::WithOmbudsman => "de klacht ligt bij de ombudsman",
    }
}

/// The addressee a recipient of the workflow is.
pub fn addressee_of(to: Recipient) -> Addressee {
    match to {
        Recipient::Complainant => Addressee::Klager,
        Recipient::PersonComplained => Addressee::Beklaagde,
        Recipient::Messenger => Addressee::Doorgever,
    }
}

/// Sends or queues one letter, inside the caller's transaction: `kind` is the letter a step sends
/// (written for the complainant); the person complained about and the council member get the text
/// for their own role. By e-mail when the addressee has an address, otherwise queued for printing.
pub fn send(
    c: &mut DbConnection,
    env: &Env<'_>,
    complaint: &Complaint,
    kind: &str,
    values: Vec<(&str, String)>,
    to: Recipient,
    decision: Option<Decision>,
) -> QueryResult<()> {
    let addressee = addressee_of(to);
    let code = templates::kind_for(kind, addressee);
    let today = crate::surveys::today();
    let Some(facts) = facts_for(c, env, complaint, code, addressee, values, decision, today)?
    else {
        return Ok(());
    };
    let email = match addressee {
        Addressee::Klager => complaint.email.clone(),
        Addressee::Doorgever => complaint.via_email.clone(),
        Addressee::Beklaagde => None,
    };
    let json = serde_json::to_string(&facts)
        .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
    let recipient = std::iter::once(facts.to_name.clone())
        .chain(facts.to_address.iter().cloned())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let channel = match email.filter(|e| crate::mail::valid_address(e)) {
        Some(to_address) => {
            mail_letter(c, env, complaint, &facts, to_address)?;
            "email"
        }
        None => "post",
    };
    diesel::insert_into(complaint_letters::table)
        .values((
            complaint_letters::complaint_id.eq(complaint.id),
            complaint_letters::kind.eq(code),
            complaint_letters::recipient.eq(recipient),
            complaint_letters::subject.eq(&facts.subject),
            complaint_letters::body.eq(&facts.body),
            complaint_letters::created_at.eq(now()),
            // A letter that went by e-mail is kept as sent; one for the post waits to be printed.
            complaint_letters::printed_on.eq((channel == "email").then_some(today)),
            complaint_letters::addressee.eq(addressee.code()),
            complaint_letters::channel.eq(channel),
            complaint_letters::facts.eq(json),
        ))
        .execute(c)?;
    Ok(())
}

/// Queues the e-mail for a letter: the short message with the PDF, or the letter as the message.
fn mail_letter(
    c: &mut DbConnection,
    env: &Env<'_>,
    complaint: &Complaint,
    facts: &LetterFacts,
    to_address: String,
) -> QueryResult<()> {
    let settings = LetterSettings::load(c)?;
    let lang = facts.language();
    let mut mail = crate::mail::OutgoingMail {
        kind: format!("klacht-{}", facts.kind),
        about: Some(("complaint".into(), complaint.id.to_string())),
        to: to_address,
        subject: facts.subject.clone(),
        body: facts.message_text(),
    };
    let mut attachment = None;
    if settings.delivery == Delivery::Attachment {
        match render(c, facts) {
            Ok(r) => {
                mail.body = t_args(
                    lang,
                    "letter-mail-short",
                    &[
                        ("name", &facts.to_name),
                        ("municipality", &facts.municipality),
                        ("case", &facts.reference),
                    ],
                );
                let contact = crate::web::contact::letter_text(lang, env.contact);
                if !contact.is_empty() {
                    mail.body += "\n\n";
                    mail.body.push_str(&contact);
                }
                mail.body += "\n\n";
                mail.body.push_str(&facts.signature_lines().join("\n"));
                attachment = Some((facts.file_name(), r.pdf));
            }
            // The letter still goes, as the message itself; the cause goes to the log (no content).
            Err(e) => tracing::error!(error = %e, "letter PDF not made; sent as text"),
        }
    }
    let attached = attachment
        .as_ref()
        .map(|(name, pdf)| (name.as_str(), pdf.as_slice()));
    crate::mail::enqueue_with_attachment(c, &mail, attached, env.mail_domain, now()).map_err(
        |e| match e {
            crate::mail::EnqueueError::Db(e) => e,
            crate::mail::EnqueueError::InvalidAddress => diesel::result::Error::RollbackTransaction,
        },
    )?;
    Ok(())
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
        String,
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
    if let Some(f) = facts.and_then(|f| serde_json::from_str::<LetterFacts>(&f).ok()) {
        return Ok(Some(f));
    }
    let complaint = store::load(c, complaint_id)?;
    let settings = LetterSettings::load(c)?;
    let mut lines = recipient.lines().map(str::to_string);
    let to_name = lines.next().unwrap_or_default();
    Ok(Some(LetterFacts {
        kind: kind.clone(),
        addressee: Addressee::from_code(&addressee).unwrap_or(Addressee::Klager),
        lang: "nl".into(),
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
        signature: settings.signature(&kind, Lang::Nl),
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
    fn the_decision_text_has_every_part_and_leaves_out_what_is_empty() {
        let d = Decision {
            parts: vec![
                DecisionPart {
                    description: "Niet teruggebeld".into(),
                    findings: "Drie keer gebeld, geen notitie.".into(),
                    judgement: "gegrond".into(),
                    norms: vec!["voortvarendheid".into()],
                    reasoning: "Terugbellen is beloofd.".into(),
                    conclusion: "Excuses".into(),
                },
                DecisionPart {
                    description: "Toon van de brief".into(),
                    judgement: "ongegrond".into(),
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
