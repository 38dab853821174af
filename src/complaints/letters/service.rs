//! Sending letters as documents: a letter's facts ([`super::facts`]) rendered as text and PDF, sent
//! by e-mail (a short message with the letter as PDF, or the letter as the message, as the
//! municipality prefers; [`super::settings`]) or queued for printing, and stored with the case.

use diesel::prelude::*;

pub use super::facts::{
    decision_from_elements, decision_text, facts_for, letter_date, stored_facts, Decision,
    DecisionPart, LetterFacts,
};
pub use super::settings::{
    default_function_key, ContactPerson, Delivery, LetterSettings, Signature,
};
use crate::complaints::model::Complaint;
use crate::complaints::store::{self, Env, Recipient};
use crate::complaints::templates::{self, Addressee, LetterKind};
use crate::db::schema::{complaint_letters, letterhead_logos};
use crate::db::{now, DbConnection};
use crate::web::i18n::t_args;

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
    let kind = templates::kind_for(LetterKind::Outcome, to);
    let values = match to {
        Addressee::Klager => vec![("ombudsman", env.ombudsman.to_string())],
        _ => vec![],
    };
    let today = crate::fmt::today();
    let facts = facts_for(c, env, &complaint, kind, to, values, Some(decision), today)?;
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
    kind: LetterKind,
    values: Vec<(&str, String)>,
    to: Recipient,
    decision: Option<Decision>,
) -> QueryResult<()> {
    let addressee = addressee_of(to);
    let kind = templates::kind_for(kind, addressee);
    let today = crate::fmt::today();
    let facts = facts_for(c, env, complaint, kind, addressee, values, decision, today)?;
    deliver(c, env, complaint, &facts).map(|_| ())
}

/// Queues a letter exactly as its facts give it: by e-mail when the addressee has a valid address
/// (the letter then counts as sent), otherwise to print. Returns how it went out: `email` or `post`.
pub fn deliver(
    c: &mut DbConnection,
    env: &Env<'_>,
    complaint: &Complaint,
    facts: &LetterFacts,
) -> QueryResult<&'static str> {
    let addressee = facts.addressee;
    let code = facts.kind.code();
    let today = facts.date;
    let email = match addressee {
        Addressee::Klager => complaint.email.clone(),
        Addressee::Doorgever => complaint.via_email.clone(),
        Addressee::Beklaagde => None,
    };
    let json = serde_json::to_string(facts)
        .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
    let recipient = std::iter::once(facts.to_name.clone())
        .chain(facts.to_address.iter().cloned())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let channel = match email.filter(|e| crate::mail::valid_address(e)) {
        Some(to_address) => {
            mail_letter(c, env, complaint, facts, to_address)?;
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
    Ok(channel)
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
    let lang = facts.lang;
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
