//! The codebook: themes and behoorlijkheidsnormen, the built-in ones and those added.

use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::codebook;
use crate::db::{write_tx, DbConnection};

/// Kinds of code.
pub const THEME: &str = "thema";
/// A behoorlijkheidsnorm.
pub const NORM: &str = "norm";
/// Source: an open survey answer.
pub const ANSWER: &str = "antwoord";
/// Source: a complaint description.
pub const COMPLAINT: &str = "klacht";

/// A code of the codebook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Code {
    /// Code.
    pub code: String,
    /// Name shown.
    pub name: String,
    /// `thema` or `norm`.
    pub kind: String,
    /// Words and phrases that suggest it.
    pub cues: Vec<String>,
    /// Offered on the coding screen.
    pub active: bool,
}

/// The codebook in its order.
pub fn load(conn: &mut DbConnection) -> QueryResult<Vec<Code>> {
    Ok(codebook::table
        .order((codebook::position, codebook::id))
        .select((
            codebook::code,
            codebook::name,
            codebook::kind,
            codebook::cues,
            codebook::active,
        ))
        .load::<(String, String, String, String, bool)>(conn)?
        .into_iter()
        .map(|(code, name, kind, cues, active)| Code {
            code,
            name,
            kind,
            cues: crate::monitor::coding::parse_cues(&cues),
            active,
        })
        .collect())
}

/// The active codes with their cues, as the suggestions use them.
pub fn suggestion_book(book: &[Code]) -> Vec<(String, Vec<String>)> {
    book.iter()
        .filter(|c| c.active)
        .map(|c| (c.code.clone(), c.cues.clone()))
        .collect()
}

/// A code made from a name: lower case letters, digits and underscores.
pub fn code_from_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').chars().take(40).collect()
}

/// Adds a theme; its code is made from the name. Errors name what to fix.
pub fn add_theme(conn: &mut DbConnection, name: &str, cues: &str) -> Result<String, String> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let code = code_from_name(&name);
    if code.is_empty() || name.chars().count() > 80 {
        return Err("Geef het thema een naam van 1 tot 80 tekens.".into());
    }
    write_tx(conn, |c| {
        let taken: i64 = codebook::table
            .filter(codebook::code.eq(&code))
            .count()
            .get_result(c)?;
        if taken > 0 {
            return Ok(Err(format!(
                "Er is al een code \u{201c}{code}\u{201d}. Kies een andere naam."
            )));
        }
        let last: Option<i32> = codebook::table
            .select(diesel::dsl::max(codebook::position))
            .first(c)?;
        diesel::insert_into(codebook::table)
            .values((
                codebook::code.eq(&code),
                codebook::name.eq(&name),
                codebook::kind.eq(THEME),
                codebook::cues.eq(crate::monitor::coding::parse_cues(cues).join(", ")),
                codebook::active.eq(true),
                codebook::position.eq(last.unwrap_or(0) + 1),
            ))
            .execute(c)?;
        Ok(Ok(code.clone()))
    })
    .map_err(|e: diesel::result::Error| e.to_string())?
}

/// Changes a code's name, cues and whether it is offered.
pub fn update(
    conn: &mut DbConnection,
    code: &str,
    name: &str,
    cues: &str,
    active: bool,
) -> QueryResult<usize> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    diesel::update(codebook::table.filter(codebook::code.eq(code)))
        .set((
            codebook::name.eq(name),
            codebook::cues.eq(crate::monitor::coding::parse_cues(cues).join(", ")),
            codebook::active.eq(active),
        ))
        .execute(conn)
}
