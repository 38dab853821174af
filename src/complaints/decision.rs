//! The reasoned decision (Awb 9:12): per part of the complaint the findings, the judgement, the
//! behoorlijkheidsnormen it touches and the reasoning; for the whole the conclusions and measures.
//! The handler drafts it, previews the outcome letter exactly as it will go out, may edit that
//! letter, and then sends it. What was sent is stored unchanged beside the draft.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::commands::LetterText;
use super::letters::service::{self as letters, LetterFacts};
use super::model::{self, Complaint};
use super::store::{self, Env, Recipient, StepError};
use super::templates::{self, Addressee, Letter};
use super::terms::Judgement;
use crate::db::schema::{complaint_decisions, complaint_elements, complaint_progress};
use crate::db::{now, write_tx, DbConnection};

/// One part of a complaint with what the decision says about it (read model).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_elements)]
pub struct Part {
    /// Row number.
    pub id: i64,
    /// Order within the case.
    pub position: i32,
    /// What this part of the complaint is about.
    pub description: String,
    /// What was found.
    pub findings: Option<String>,
    /// The judgement.
    pub judgement: Option<Judgement>,
    /// Behoorlijkheidsnormen it touches.
    pub norms: model::Norms,
    /// Why the judgement is what it is.
    pub reasoning: Option<String>,
    /// What the municipality does about this part.
    pub conclusion: Option<String>,
}

/// The decision for the whole (read model).
#[derive(Debug, Clone, Default, Queryable, Selectable)]
#[diesel(table_name = complaint_decisions)]
pub struct Decision {
    /// Conclusions for the whole complaint.
    pub conclusions: Option<String>,
    /// Measures the municipality takes.
    pub measures: Option<String>,
    /// The outcome letter's subject as the handler edited it.
    pub letter_subject: Option<String>,
    /// The outcome letter's text as the handler edited it.
    pub letter_body: Option<String>,
    /// When it was sent.
    pub sent_at: Option<NaiveDateTime>,
    /// How it went out (`email` or `brief`).
    pub sent_to: Option<String>,
    /// The subject exactly as sent.
    pub sent_subject: Option<String>,
    /// The text exactly as sent.
    pub sent_body: Option<String>,
}

/// The parts of case `id`, in order.
pub fn parts(c: &mut DbConnection, id: i64) -> QueryResult<Vec<Part>> {
    complaint_elements::table
        .filter(complaint_elements::complaint_id.eq(id))
        .order((complaint_elements::position, complaint_elements::id))
        .select(Part::as_select())
        .load(c)
}

/// The decision of case `id` as it stands (empty before a draft).
pub fn decision(c: &mut DbConnection, id: i64) -> QueryResult<Decision> {
    Ok(complaint_decisions::table
        .find(id)
        .select(Decision::as_select())
        .get_result(c)
        .optional()?
        .unwrap_or_default())
}

/// The decision as the outcome letter carries it (see [`letters::decision_text`] for its words).
pub fn letter_decision(parts: &[Part], d: &Decision) -> letters::Decision {
    let text = |v: &Option<String>| v.as_deref().map(str::trim).unwrap_or("").to_string();
    letters::Decision {
        parts: parts
            .iter()
            .map(|p| letters::DecisionPart {
                description: p.description.clone(),
                findings: text(&p.findings),
                judgement: p.judgement,
                norms: p.norms.clone(),
                reasoning: text(&p.reasoning),
                conclusion: text(&p.conclusion),
            })
            .collect(),
        conclusions: text(&d.conclusions),
        measures: text(&d.measures),
    }
}

/// The outcome letter to the complainant as it would go out today: made from the decision on the
/// letterhead, with the subject and text as the handler edited them when she did. This is the one
/// place the outcome letter is made: the preview, its PDF and the sending all come here.
pub fn outcome_facts(
    c: &mut DbConnection,
    env: &Env<'_>,
    complaint: &Complaint,
) -> QueryResult<LetterFacts> {
    let d = decision(c, complaint.id)?;
    let reasoned = letter_decision(&parts(c, complaint.id)?, &d);
    let values = vec![("ombudsman", env.ombudsman.to_string())];
    let mut facts = letters::facts_for(
        c,
        env,
        complaint,
        templates::LetterKind::Outcome,
        Addressee::Klager,
        values,
        Some(reasoned),
        crate::fmt::today(),
    )?;
    if let (Some(subject), Some(body)) = (d.letter_subject, d.letter_body) {
        facts.subject = subject;
        facts.body = body;
    }
    Ok(facts)
}

/// The subject and text of the letter that goes out when the handler sends now.
pub fn letter_to_send(
    c: &mut DbConnection,
    env: &Env<'_>,
    complaint: &Complaint,
) -> QueryResult<Letter> {
    let f = outcome_facts(c, env, complaint)?;
    Ok(Letter {
        subject: f.subject,
        body: f.body,
    })
}

/// A short fingerprint of a letter: the send form carries it, so what is sent is what was seen.
pub fn version(letter: &Letter) -> String {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update(letter.subject.as_bytes());
    h.update([0]);
    h.update(letter.body.as_bytes());
    crate::fmt::hex(&h.finalize()[..12])
}

/// What the handler writes about one part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartDraft {
    /// Which part.
    pub id: i64,
    /// Findings.
    pub findings: String,
    /// Judgement (none chosen yet is allowed in a draft).
    pub judgement: Option<Judgement>,
    /// The behoorlijkheidsnormen ticked.
    pub norms: model::Norms,
    /// Reasoning.
    pub reasoning: String,
}

/// The draft decision as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// Per part.
    pub parts: Vec<PartDraft>,
    /// Conclusions for the whole.
    pub conclusions: String,
    /// Measures.
    pub measures: String,
}

fn text(v: &str) -> Option<&str> {
    Some(v.trim()).filter(|s| !s.is_empty())
}

fn upsert(c: &mut DbConnection, id: i64) -> QueryResult<()> {
    let exists: i64 = complaint_decisions::table
        .filter(complaint_decisions::complaint_id.eq(id))
        .count()
        .get_result(c)?;
    if exists == 0 {
        diesel::insert_into(complaint_decisions::table)
            .values((
                complaint_decisions::complaint_id.eq(id),
                complaint_decisions::updated_at.eq(now()),
            ))
            .execute(c)?;
    }
    Ok(())
}

/// Stores the draft. A letter edited earlier no longer fits a changed draft: it is dropped, and the
/// preview makes it again from the decision.
pub fn save_draft(c: &mut DbConnection, id: i64, actor: i64, d: &Draft) -> Result<(), StepError> {
    write_tx(c, |c| {
        for p in &d.parts {
            let n = diesel::update(
                complaint_elements::table
                    .filter(complaint_elements::id.eq(p.id))
                    .filter(complaint_elements::complaint_id.eq(id)),
            )
            .set((
                complaint_elements::findings.eq(text(&p.findings)),
                complaint_elements::judgement.eq(p.judgement),
                complaint_elements::norms.eq(&p.norms),
                complaint_elements::reasoning.eq(text(&p.reasoning)),
            ))
            .execute(c)?;
            if n == 0 {
                return Err(StepError::NotFound);
            }
        }
        upsert(c, id)?;
        diesel::update(complaint_decisions::table.find(id))
            .set((
                complaint_decisions::conclusions.eq(text(&d.conclusions)),
                complaint_decisions::measures.eq(text(&d.measures)),
                complaint_decisions::letter_subject.eq(None::<String>),
                complaint_decisions::letter_body.eq(None::<String>),
                complaint_decisions::updated_at.eq(now()),
            ))
            .execute(c)?;
        store::note(c, id, actor, "decision_drafted", None)?;
        Ok(())
    })
}

/// Stores the outcome letter as the handler edited it.
pub fn save_letter(
    c: &mut DbConnection,
    id: i64,
    actor: i64,
    letter: &LetterText,
) -> Result<(), StepError> {
    write_tx(c, |c| {
        upsert(c, id)?;
        diesel::update(complaint_decisions::table.find(id))
            .set((
                complaint_decisions::letter_subject.eq(letter.subject.trim()),
                complaint_decisions::letter_body.eq(&letter.body),
                complaint_decisions::updated_at.eq(now()),
            ))
            .execute(c)?;
        store::note(c, id, actor, "decision_letter_edited", None)?;
        Ok(())
    })
}

/// What deciding works with (from the step being taken).
pub struct Deciding<'a> {
    /// The installation.
    pub env: &'a Env<'a>,
    /// The case as it was before the step.
    pub complaint: &'a Complaint,
    /// Who sends it.
    pub actor: i64,
    /// Today.
    pub today: NaiveDate,
}

/// The decision step: sends the outcome letter exactly as given (or as it stands), stores the text
/// that went out unchanged, and tells the council member who passed the complaint on.
pub fn decide(
    c: &mut DbConnection,
    k: &Deciding<'_>,
    letter: Option<&LetterText>,
) -> Result<(), StepError> {
    let id = k.complaint.id;
    diesel::update(complaint_progress::table.find(id))
        .set(complaint_progress::decided_on.eq(k.today))
        .execute(c)?;
    let mut facts = outcome_facts(c, k.env, k.complaint)?;
    if let Some(l) = letter {
        facts.subject = l.subject.clone();
        facts.body = l.body.clone();
    }
    {
        let how = letters::deliver(c, k.env, k.complaint, &facts)?;
        upsert(c, id)?;
        diesel::update(complaint_decisions::table.find(id))
            .set((
                complaint_decisions::sent_at.eq(now()),
                complaint_decisions::sent_by.eq(k.actor),
                complaint_decisions::sent_to.eq(how),
                complaint_decisions::sent_subject.eq(&facts.subject),
                complaint_decisions::sent_body.eq(&facts.body),
                complaint_decisions::updated_at.eq(now()),
            ))
            .execute(c)?;
    }
    // The person complained about gets the outcome in their own letter, with the same reasoning
    // (the letters service reads the decision as it stands when none is given).
    if k.complaint.person_complained.is_some() {
        store::send(
            c,
            k.env,
            k.complaint,
            templates::LetterKind::Outcome,
            vec![],
            Recipient::PersonComplained,
        )?;
    }
    if k.complaint.via_person.is_some() {
        let values = vec![
            (
                "fase",
                letters::phase_text(super::workflow::State::Decided).to_string(),
            ),
            ("uitkomst", store::judgement_summary(c, id)?),
        ];
        store::send(
            c,
            k.env,
            k.complaint,
            templates::LetterKind::Messenger,
            values,
            Recipient::Messenger,
        )?;
        diesel::update(complaint_progress::table.find(id))
            .set(complaint_progress::council_feedback_on.eq(k.today))
            .execute(c)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(judgement: Option<Judgement>) -> Part {
        Part {
            id: 1,
            position: 1,
            description: "Toon aan de balie".into(),
            findings: Some("De medewerker verhief haar stem.".into()),
            judgement,
            norms: model::Norms::parse("fatsoenlijke_bejegening").unwrap(),
            reasoning: Some("Dat past niet bij een respectvolle bejegening.".into()),
            conclusion: None,
        }
    }

    #[test]
    fn the_outcome_names_findings_judgement_norms_reasoning_and_the_whole() {
        let d = Decision {
            conclusions: Some("De klacht is gegrond.".into()),
            measures: Some("Teamoverleg over de toon aan de balie.".into()),
            ..Default::default()
        };
        let nl = crate::web::i18n::Lang::Nl;
        let text = letters::decision_text(
            &letter_decision(&[part(Some(Judgement::PartlyFounded))], &d),
            nl,
        );
        for want in [
            "1. Toon aan de balie",
            "Wat wij hebben vastgesteld: De medewerker verhief haar stem.",
            "Ons oordeel: Deels gegrond",
            "Welke regels voor goed gedrag hierbij horen: Fatsoenlijke bejegening",
            "Waarom wij dit vinden: Dat past niet",
            "Onze conclusie:\nDe klacht is gegrond.",
            "Wat wij gaan verbeteren:\nTeamoverleg",
        ] {
            assert!(text.contains(want), "{want} in {text}");
        }
        // Nothing empty is written.
        let bare =
            letters::decision_text(&letter_decision(&[part(None)], &Decision::default()), nl);
        assert!(
            !bare.contains("Ons oordeel") && !bare.contains("Onze conclusie"),
            "{bare}"
        );
    }

    #[test]
    fn a_changed_letter_has_another_version() {
        let a = Letter {
            subject: "Uitkomst".into(),
            body: "Beste klager,".into(),
        };
        let mut b = a.clone();
        assert_eq!(version(&a), version(&b));
        b.body.push(' ');
        assert_ne!(version(&a), version(&b));
    }
}
