//! Keeping the conduct categories current: the code of a new category, the check that it is
//! new, and storing the renamed, (de)activated and new categories with one audit line.

use diesel::prelude::*;

use super::queries::Category;
use crate::db::schema::complaint_categories;
use crate::db::DbConnection;

/// Longest name of a category, in characters.
pub const MAX_NAME: usize = 200;

/// One existing category as the coordinator left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Row number.
    pub id: i64,
    /// Name to keep.
    pub name: String,
    /// In use.
    pub active: bool,
}

/// What the categories form asks to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryChanges {
    /// Every existing category, renamed or not.
    pub changes: Vec<Change>,
    /// Name of a new category (empty: none).
    pub new: String,
    /// Code of the new category.
    pub code: String,
}

/// The new category's name is already in use (as a name or as a code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameTaken;

/// A code for a new category from its name: lower case letters and digits joined by `_`.
pub fn category_code(name: &str) -> String {
    let mut code = String::new();
    for ch in name.to_lowercase().chars() {
        if ch.is_ascii_alphanumeric() {
            code.push(ch);
        } else if !code.ends_with('_') && !code.is_empty() {
            code.push('_');
        }
        if code.len() >= 40 {
            break;
        }
    }
    code.trim_end_matches('_').to_string()
}

/// The code for a new category named `new` beside the categories `rows`, or [`NameTaken`] when
/// such a category exists.
pub fn new_code(rows: &[Category], new: &str) -> Result<String, NameTaken> {
    // Names in other scripts have no ASCII letters for a code: such a topic is numbered.
    let mut code = category_code(new);
    if code.is_empty() {
        code = format!("onderwerp_{}", rows.len() + 1);
    }
    let exists = rows
        .iter()
        .any(|r| r.code == code || r.name.to_lowercase() == new.to_lowercase());
    if !new.is_empty() && exists {
        return Err(NameTaken);
    }
    Ok(code)
}

/// Stores the renamed and (de)activated categories and a new one, with one audit line.
pub fn save(conn: &mut DbConnection, actor: i64, c: &CategoryChanges) -> QueryResult<()> {
    crate::db::write_tx(conn, |conn| {
        for Change { id, name, active } in &c.changes {
            diesel::update(complaint_categories::table.find(id))
                .set((
                    complaint_categories::name.eq(name),
                    complaint_categories::active.eq(active),
                ))
                .execute(conn)?;
        }
        if !c.new.is_empty() {
            let position: Option<i32> = complaint_categories::table
                .select(diesel::dsl::max(complaint_categories::position))
                .get_result(conn)?;
            diesel::insert_into(complaint_categories::table)
                .values((
                    complaint_categories::code.eq(&c.code),
                    complaint_categories::name.eq(c.new.chars().take(MAX_NAME).collect::<String>()),
                    complaint_categories::position.eq(position.unwrap_or(0) + 1),
                ))
                .execute(conn)?;
        }
        crate::accounts::audit::record(
            conn,
            crate::accounts::audit::Actor::User(actor),
            "complaint.categories_changed",
            "complaint_categories",
            None,
            None,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_codes_are_plain() {
        assert_eq!(
            category_code("Te lang wachten op een besluit!"),
            "te_lang_wachten_op_een_besluit"
        );
        assert_eq!(
            category_code("  Privacy / huisbezoek "),
            "privacy_huisbezoek"
        );
        assert_eq!(category_code("!!!"), "");
    }

    fn category(id: i64, code: &str, name: &str) -> Category {
        Category {
            id,
            code: code.into(),
            name: name.into(),
            active: true,
        }
    }

    #[test]
    fn a_new_category_gets_a_free_code_or_is_refused() {
        let rows = [category(1, "privacy", "Privacy")];
        assert_eq!(new_code(&rows, "Te laat"), Ok("te_laat".to_string()));
        assert_eq!(new_code(&rows, "privacy"), Err(NameTaken));
        assert_eq!(new_code(&rows, "PRIVACY!"), Err(NameTaken));
        assert_eq!(
            new_code(&rows, "Приватність"),
            Ok("onderwerp_2".to_string())
        );
        assert_eq!(new_code(&rows, ""), Ok("onderwerp_2".to_string()));
    }
}
