//! The respondent's database work, one call per request: load the respondent behind a code (one
//! query), take a posted page and save the draft, or check the whole answer set for sending. Each
//! runs on one pooled connection in one trip to the blocking pool. A checked set is then stored by
//! the writer, together with the other sets waiting at that moment, in one transaction of its own
//! ([`respond::Submission::store`], [`crate::db::writer`]).

use chrono::NaiveDate;

use super::queries;
use super::steps::{self, PageError, PageOutcome};
use crate::codes;
use crate::db::DbConnection;
use crate::surveys::answers::{AnswerSet, ItemProblem};
use crate::surveys::channel::Channel;
use crate::surveys::respond::{self, Meta, Opened, RespondError};
use crate::web::i18n::Lang;

/// Where a respondent stands: the invitation, the questionnaire and the answers so far.
pub struct Respondent {
    /// The invitation, its wave and questionnaire.
    pub opened: Opened,
    /// The answers so far (the saved draft).
    pub answers: AnswerSet,
    /// The page the draft resumes at.
    pub step: i32,
    /// The checked code (shown on "opgeslagen").
    pub code: String,
}

/// The respondent with this checked code (see [`codes::parse`]), if the code can be answered today
/// on the web: the invitation, its wave, the questionnaire and the draft come in one query, and the
/// questionnaire text is parsed once per process ([`respond::definition_with_hash`]).
pub fn load(
    conn: &mut DbConnection,
    code: &str,
    today: NaiveDate,
) -> Result<Respondent, RespondError> {
    let (invitation, wave) =
        queries::invitation_by_code(conn, &codes::hash(code))?.ok_or(RespondError::Unknown)?;
    // The same checks, in the same order, as `respond::open`.
    respond::check_window(&wave, Channel::Web, today)?;
    if invitation.used {
        return Err(RespondError::Used);
    }
    let definition = respond::definition_with_hash(conn, wave.version_id, invitation.content_hash)?;
    let (answers, step) = match invitation.draft_answers {
        // A draft that no longer parses (it never should) starts over rather than failing.
        Some(json) => (
            serde_json::from_str(&json).unwrap_or_default(),
            invitation.draft_step.unwrap_or(0),
        ),
        None => (AnswerSet::new(), 0),
    };
    Ok(Respondent {
        opened: Opened {
            invitation_id: invitation.invitation_id,
            wave,
            definition,
        },
        answers,
        step,
        code: code.to_string(),
    })
}

/// The outcome of sending a whole answer set.
#[derive(Debug)]
pub enum Sent {
    /// The set fits: the route has it stored with the others waiting at that moment
    /// ([`crate::web::AppState::write`]), and then gives the single-use interview offer.
    Ready(respond::Submission),
    /// The set does not fit the questionnaire; the answers stay as a draft.
    Invalid(Vec<(String, ItemProblem)>),
}

/// The helper named on the summary page: the ticked box alone is "anders".
pub fn helper_named(ticked: &str, helper: &str) -> Option<String> {
    if ticked == "ja" || !helper.is_empty() {
        Some(if helper.is_empty() {
            "anders".to_string()
        } else {
            helper.to_string()
        })
    } else {
        None
    }
}

/// Checks `r`'s answers for sending; storing them (which uses up the code) is left to the writer.
/// When the set does not fit, the answers are kept as a draft so nothing is lost.
pub fn send(
    conn: &mut DbConnection,
    r: &Respondent,
    helper: Option<String>,
    language: Lang,
    today: NaiveDate,
) -> Result<Sent, RespondError> {
    let meta = Meta {
        channel: if helper.is_some() {
            Channel::Assisted
        } else {
            Channel::Web
        },
        helper,
        language,
    };
    let invitation_id = r.opened.invitation_id;
    match respond::prepare(
        &r.opened.wave,
        &r.opened.definition,
        Some(invitation_id),
        &r.answers,
        &meta,
        today,
    ) {
        Ok(submission) => Ok(Sent::Ready(submission)),
        Err(RespondError::Invalid(problems)) => {
            respond::save_draft(conn, invitation_id, &r.answers, r.step, today)?;
            Ok(Sent::Invalid(problems))
        }
        Err(e) => Err(e),
    }
}

/// Loads the respondent with `code` and checks their saved answers for sending (from the summary
/// page).
pub fn send_code(
    conn: &mut DbConnection,
    code: &str,
    helper: Option<String>,
    language: Lang,
    today: NaiveDate,
) -> Result<(Respondent, Sent), RespondError> {
    let r = load(conn, code, today)?;
    let sent = send(conn, &r, helper, language, today)?;
    Ok((r, sent))
}

/// Why a posted page was not taken.
#[derive(Debug)]
pub enum PostError {
    /// The page itself is wrong (no such page, or a forged form).
    Page(PageError),
    /// The code or wave cannot be answered (or the database failed).
    Refused(RespondError),
}

/// What a posted question page led to.
pub struct Answered {
    /// The respondent, with the page's answers taken.
    pub r: Respondent,
    /// What the page did.
    pub page: PageOutcome,
    /// Set when the page sent the whole answer set.
    pub sent: Option<Sent>,
}

/// Takes posted question page `step` for the respondent with `code`: the answers are saved as a
/// draft (whatever was valid, even when something needs fixing), or, from the send button with
/// nothing to fix, checked for sending instead (no draft is written first).
pub fn post_page(
    conn: &mut DbConnection,
    code: &str,
    step: usize,
    fields: &[(String, String)],
    language: Lang,
    today: NaiveDate,
) -> Result<Answered, PostError> {
    let mut r = load(conn, code, today).map_err(PostError::Refused)?;
    let definition = r.opened.definition.clone();
    let page =
        steps::take_page(&definition, &mut r.answers, step, fields).map_err(PostError::Page)?;
    if page.sends() {
        let sent = send(conn, &r, None, language, today).map_err(PostError::Refused)?;
        return Ok(Answered {
            r,
            page,
            sent: Some(sent),
        });
    }
    respond::save_draft(
        conn,
        r.opened.invitation_id,
        &r.answers,
        page.save_step(),
        today,
    )
    .map_err(PostError::Refused)?;
    Ok(Answered {
        r,
        page,
        sent: None,
    })
}
