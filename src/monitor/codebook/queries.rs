//! The complaint descriptions to code, with what is stored about the people in them (the
//! complainant's name, e-mail address and phone number, who submitted it for them, and who the
//! complaint is about), so the screen can mask those wherever the text names them. The same
//! complaints as [`crate::complaints::read_model::descriptions_received`] and
//! [`crate::complaints::read_model::descriptions_of`]: not anonymised.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::schema::complaints;
use crate::db::DbConnection;

/// A complaint's description with the stored details to mask in it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaints)]
pub struct DescriptionToCode {
    /// The complaint's number.
    pub id: i64,
    /// What the complainant wrote.
    pub description: String,
    /// The complainant's name.
    pub name: Option<String>,
    /// The complainant's e-mail address.
    pub email: Option<String>,
    /// The complainant's phone number.
    pub phone: Option<String>,
    /// Who submitted the complaint for the complainant.
    pub via_person: Option<String>,
    /// The person the complaint is about.
    pub person_complained: Option<String>,
}

impl DescriptionToCode {
    /// The description as the coding screen shows it: whitespace tidied, the stored details and
    /// everything else that identifies a person masked.
    pub fn shown(&self) -> String {
        let known: Vec<&str> = [
            &self.name,
            &self.email,
            &self.phone,
            &self.via_person,
            &self.person_complained,
        ]
        .into_iter()
        .filter_map(|k| k.as_deref())
        .collect();
        crate::monitor::redact::redact_known(&super::texts::tidy(&self.description), &known)
    }
}

/// The descriptions of complaints received between two days (both included) that are not
/// anonymised, in the order they came in.
pub fn descriptions_received(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<DescriptionToCode>> {
    complaints::table
        .filter(complaints::received_on.between(from, to))
        .filter(complaints::anonymised_on.is_null())
        .order(complaints::id)
        .select(DescriptionToCode::as_select())
        .load(conn)
}

/// The descriptions of the given complaints that are not anonymised (at most 500 numbers at a
/// time).
pub fn descriptions_of(
    conn: &mut DbConnection,
    ids: &[i64],
) -> QueryResult<Vec<DescriptionToCode>> {
    complaints::table
        .filter(complaints::id.eq_any(ids))
        .filter(complaints::anonymised_on.is_null())
        .select(DescriptionToCode::as_select())
        .load(conn)
}
