//! What a complaint is made of: the complaint and its progress as stored, and the Nationale
//! ombudsman's behoorlijkheidsnormen. The words of handling (channels, kinds, grounds, judgements)
//! are types in [`super::terms`].

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::terms::{Channel, DeclineGround, Kind};
use super::workflow::State;
use crate::db::schema::{complaint_progress, complaints};
use crate::web::i18n::Lang;

/// The 22 behoorlijkheidsnormen of the Nationale ombudsman, in four groups: (group, code). The
/// codes are those of the questionnaire definitions ([`crate::surveys::definition::NORMS`]), so
/// complaints and survey items meet in one codebook in the monitor.
pub const NORMS: [(&str, &str); 22] = [
    ("open", "transparant"),
    ("open", "goede_informatieverstrekking"),
    ("open", "luisteren"),
    ("open", "goede_motivering"),
    ("respectvol", "grondrechten"),
    ("respectvol", "actieve_deelname"),
    ("respectvol", "fatsoenlijke_bejegening"),
    ("respectvol", "fair_play"),
    ("respectvol", "evenredigheid"),
    ("respectvol", "bijzondere_zorg"),
    ("betrokken", "maatwerk"),
    ("betrokken", "samenwerking"),
    ("betrokken", "coulante_opstelling"),
    ("betrokken", "voortvarendheid"),
    ("betrokken", "de_escalatie"),
    ("eerlijk", "integriteit"),
    ("eerlijk", "betrouwbaarheid"),
    ("eerlijk", "onpartijdigheid"),
    ("eerlijk", "redelijkheid"),
    ("eerlijk", "goede_voorbereiding"),
    ("eerlijk", "goede_organisatie"),
    ("eerlijk", "professionaliteit"),
];

/// Norm codes from a stored list (`a,b,c`), keeping only known ones.
pub fn parse_norms(stored: &str) -> Vec<&'static str> {
    stored
        .split(',')
        .filter_map(|c| NORMS.iter().find(|(_, n)| *n == c.trim()).map(|(_, n)| *n))
        .collect()
}

/// A norm list for storing, in the table's order, without doubles or unknown codes.
pub fn store_norms(chosen: &[String]) -> String {
    NORMS
        .iter()
        .filter(|(_, n)| chosen.iter().any(|c| c == n))
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join(",")
}

/// The behoorlijkheidsnormen of a complaint or of a part of it, as stored (TEXT: codes of
/// [`NORMS`], comma-separated). Reading a code that is not one of the norms is an error, not a
/// norm left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub struct Norms(String);

impl Norms {
    /// The norms of a stored list; `None` when it names a code that is not a norm.
    pub fn parse(stored: &str) -> Option<Norms> {
        stored
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .all(|c| NORMS.iter().any(|(_, n)| *n == c))
            .then(|| Norms(stored.to_string()))
    }

    /// The stored list.
    pub fn code(&self) -> &str {
        &self.0
    }

    /// The norm codes, in the stored order.
    pub fn codes(&self) -> Vec<&'static str> {
        parse_norms(&self.0)
    }

    /// The norms ticked on a form (codes), in the table's order, without doubles; a code that is
    /// not a norm is left out (a form only offers norms).
    pub fn chosen(chosen: &[String]) -> Norms {
        Norms(store_norms(chosen))
    }
}

crate::text_enum::text_sql!(Norms, parse);

/// Written (in a letter's stored facts) as a list of norm codes.
impl serde::Serialize for Norms {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let codes = self.codes();
        let mut seq = s.serialize_seq(Some(codes.len()))?;
        for code in codes {
            seq.serialize_element(code)?;
        }
        seq.end()
    }
}

/// Read from a list of norm codes; a code that is not a norm is an error, not a norm left out.
impl<'de> serde::Deserialize<'de> for Norms {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let codes = Vec::<String>::deserialize(d)?;
        if let Some(bad) = codes.iter().find(|c| c.contains(',')) {
            return Err(serde::de::Error::custom(format!("unknown norm {bad:?}")));
        }
        Norms::parse(&codes.join(","))
            .ok_or_else(|| serde::de::Error::custom(format!("unknown norm in {codes:?}")))
    }
}

/// A complaint as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaints)]
pub struct Complaint {
    /// Case number.
    pub id: i64,
    /// Hash of the tracking code.
    pub tracking_hash: String,
    /// Day of receipt.
    pub received_on: NaiveDate,
    /// How it came in.
    pub channel: Channel,
    /// The council member or alderman who passed it on.
    pub via_person: Option<String>,
    /// Their e-mail address, for the feedback on what happened.
    pub via_email: Option<String>,
    /// Klacht, bezwaar or both.
    pub kind: Kind,
    /// Where it is in the workflow.
    pub state: State,
    /// Language the complainant used (an unknown stored code is an error, not Dutch).
    pub language: Lang,
    /// Without contact details: a signal that counts in the monitor but cannot be handled formally.
    pub anonymous: bool,
    /// Name of the complainant.
    pub name: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Telephone number.
    pub phone: Option<String>,
    /// What happened, in the complainant's words.
    pub description: String,
    /// What the complainant would like to happen.
    pub wish: Option<String>,
    /// The complaint is (also) about a decision.
    pub about_decision: bool,
    /// Team or department.
    pub team: Option<String>,
    /// The staff member complained about (pseudonymised in every report).
    pub person_complained: Option<String>,
    /// Behoorlijkheidsnormen at stake.
    pub norms: Norms,
    /// Handled by the complaints advisory committee (10 weeks).
    pub committee: bool,
    /// The handler (team leader) assigned.
    pub handler_id: Option<i64>,
    /// Awb 9:8 ground when not handled.
    pub decline_ground: Option<DeclineGround>,
    /// Legal deadline computed at the last change.
    pub deadline_on: NaiveDate,
    /// When the personal data was erased.
    pub anonymised_on: Option<NaiveDate>,
    /// Registered at.
    pub created_at: NaiveDateTime,
    /// Last changed at.
    pub updated_at: NaiveDateTime,
}

impl Complaint {
    /// Contact details are known, so the complaint can be handled and answered.
    pub fn has_contact(&self) -> bool {
        !self.anonymous
            && [&self.email, &self.address, &self.phone]
                .iter()
                .any(|v| v.as_deref().is_some_and(|s| !s.trim().is_empty()))
    }
}

/// How the handling went.
#[derive(Debug, Clone, Default, Queryable, Selectable)]
#[diesel(table_name = complaint_progress)]
pub struct Progress {
    /// Case number.
    pub complaint_id: i64,
    /// Referred to the bezwaar procedure on.
    pub referred_on: Option<NaiveDate>,
    /// Target date for the first mediation contact.
    pub mediation_target: Option<NaiveDate>,
    /// Day of the first mediation contact.
    pub mediation_contact_on: Option<NaiveDate>,
    /// The team leader's written feedback.
    pub mediation_feedback: Option<String>,
    /// Whether the complainant is satisfied with the informal outcome.
    pub complainant_satisfied: Option<bool>,
    /// Consent to request the client file: when.
    pub file_consent_on: Option<NaiveDate>,
    /// And how.
    pub file_consent_how: Option<super::terms::ConsentWay>,
    /// Person complained about informed (Awb 9:9) on.
    pub person_informed_on: Option<NaiveDate>,
    /// Weeks of postponement (0–4).
    pub postponement_weeks: i32,
    /// Notice of postponement sent on.
    pub postponement_notice_on: Option<NaiveDate>,
    /// Later date the complainant agreed to in writing.
    pub consented_until: Option<NaiveDate>,
    /// The committee's advice.
    pub advice: Option<String>,
    /// Advice given on.
    pub advice_on: Option<NaiveDate>,
    /// Decided on.
    pub decided_on: Option<NaiveDate>,
    /// Closed on.
    pub closed_on: Option<NaiveDate>,
    /// Which ombudsman.
    pub ombudsman: Option<String>,
    /// Referred to the ombudsman on.
    pub ombudsman_on: Option<NaiveDate>,
    /// The ombudsman's outcome.
    pub ombudsman_outcome: Option<String>,
    /// Feedback to the council member who passed it on, sent on.
    pub council_feedback_on: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norms_are_stored_in_table_order_without_unknowns() {
        let chosen = vec![
            "luisteren".to_string(),
            "transparant".into(),
            "onzin".into(),
            "luisteren".into(),
        ];
        assert_eq!(store_norms(&chosen), "transparant,luisteren");
        assert_eq!(
            parse_norms("transparant, luisteren,onzin"),
            ["transparant", "luisteren"]
        );
        assert_eq!(
            Norms::parse(" transparant,luisteren").map(|n| n.codes()),
            Some(vec!["transparant", "luisteren"])
        );
        assert_eq!(Norms::parse("").map(|n| n.codes()), Some(vec![]));
        assert_eq!(
            Norms::parse("transparant,onzin"),
            None,
            "an unknown code does not read"
        );
        assert_eq!(NORMS.len(), 22);
        let codes: Vec<&str> = NORMS.iter().map(|(_, n)| *n).collect();
        assert_eq!(codes, crate::surveys::definition::NORMS, "one codebook");
        let groups: std::collections::BTreeSet<&str> = NORMS.iter().map(|(g, _)| *g).collect();
        assert_eq!(groups.len(), 4);
    }
}
