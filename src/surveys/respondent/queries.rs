//! The respondent's read model: the invitation behind a code, its wave, the hash of the pinned
//! questionnaire text and the saved draft, in one query (asked on every respondent page).

use diesel::prelude::*;

use crate::db::schema::{drafts, invitations, questionnaire_versions, waves};
use crate::db::DbConnection;
use crate::surveys::waves::{Wave, WAVE_COLUMNS};

/// An invitation as the respondent pages need it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = invitations)]
pub struct InvitationState {
    /// Invitation row.
    #[diesel(column_name = id)]
    pub invitation_id: i64,
    /// Whether its answers were sent.
    pub used: bool,
    /// Content hash of the questionnaire text its wave pinned (the key of the parsed-text cache).
    #[diesel(select_expression = questionnaire_versions::content_hash)]
    #[diesel(select_expression_type = questionnaire_versions::content_hash)]
    pub content_hash: String,
    /// The saved draft's answers (JSON), if there is a draft.
    #[diesel(select_expression = drafts::answers.nullable())]
    #[diesel(select_expression_type = diesel::dsl::Nullable<drafts::answers>)]
    pub draft_answers: Option<String>,
    /// The page the draft resumes at.
    #[diesel(select_expression = drafts::step.nullable())]
    #[diesel(select_expression_type = diesel::dsl::Nullable<drafts::step>)]
    pub draft_step: Option<i32>,
}

/// The invitation with this code hash, with its wave; `None` for an unknown code.
/// (`get_result`, not `first`: SQLite prepares a statement with `LIMIT ?` again on every run.)
pub fn invitation_by_code(
    conn: &mut DbConnection,
    code_hash: &str,
) -> QueryResult<Option<(InvitationState, Wave)>> {
    invitations::table
        .left_join(drafts::table)
        .inner_join(waves::table.inner_join(questionnaire_versions::table))
        .filter(invitations::code_hash.eq(code_hash))
        .select((InvitationState::as_select(), WAVE_COLUMNS))
        .get_result(conn)
        .optional()
}
