//! Answering: opening an invitation, saving a draft at every step, and storing a whole answer set.
//!
//! The invitation is marked used in the same transaction that stores the answers, by a conditional
//! update that only one of two simultaneous submissions can win; the loser's transaction is rolled
//! back whole. The stored answer row refers to the wave only, never to the invitation, and its
//! number is random (see [`super::anonymity`]).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::codes;
use crate::db::schema::{drafts, invitations, questionnaire_versions, responses};
use crate::db::{write_tx, DbConnection, MultiBackend};
use crate::surveys::anonymity::random_id;
use crate::surveys::answers::{self, AnswerSet, ItemProblem};
use crate::surveys::channel::Channel;
use crate::surveys::definition::Definition;
use crate::surveys::waves::{self, Wave, WaveError, Window};
use crate::web::i18n::Lang;
use diesel::query_builder::{AstPass, QueryFragment};
use diesel::sql_types::{BigInt, Bool};

/// Kinds of helper a respondent can name when someone helped fill in the questionnaire.
pub const HELPERS: &[&str] = &[
    "familie_vriend",
    "clientondersteuner",
    "hulpverlener",
    "medewerker_gemeente",
    "anders",
];

/// Why answers cannot be given or stored.
#[derive(Debug, thiserror::Error)]
pub enum RespondError {
    /// No invitation with this code.
    #[error("onbekende code")]
    Unknown,
    /// The code was used already.
    #[error("code al gebruikt")]
    Used,
    /// The wave has not opened yet.
    #[error("ronde nog niet open")]
    NotYetOpen(NaiveDate),
    /// The wave has closed.
    #[error("ronde gesloten")]
    Closed(NaiveDate),
    /// The wave does not take answers through this channel.
    #[error("kanaal niet toegestaan")]
    Channel,
    /// The answers do not fit the questionnaire.
    #[error("antwoorden kloppen niet")]
    Invalid(Vec<(String, ItemProblem)>),
    /// No such wave.
    #[error("onbekende ronde")]
    UnknownWave,
    /// Storage failure.
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    /// The stored questionnaire text cannot be read (a defect; start-up checks shipped texts).
    #[error("vragenlijst onleesbaar: {0}")]
    Definition(String),
}

impl From<WaveError> for RespondError {
    fn from(e: WaveError) -> Self {
        match e {
            WaveError::Db(d) => RespondError::Db(d),
            _ => RespondError::UnknownWave,
        }
    }
}

/// Parsed questionnaire texts by content hash (texts never change once stored, so this is safe to
/// share between databases and instances).
static DEFINITIONS: LazyLock<Mutex<HashMap<String, Arc<Definition>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The questionnaire a wave pinned.
pub fn definition(
    conn: &mut DbConnection,
    version_id: i64,
) -> Result<Arc<Definition>, RespondError> {
    let hash: String = questionnaire_versions::table
        .find(version_id)
        .select(questionnaire_versions::content_hash)
        .get_result(conn)?;
    definition_with_hash(conn, version_id, hash)
}

/// The questionnaire text `version_id`, whose content hash is known: parsed once per process.
pub fn definition_with_hash(
    conn: &mut DbConnection,
    version_id: i64,
    hash: String,
) -> Result<Arc<Definition>, RespondError> {
    if let Some(d) = DEFINITIONS.lock().ok().and_then(|m| m.get(&hash).cloned()) {
        return Ok(d);
    }
    let text: String = questionnaire_versions::table
        .find(version_id)
        .select(questionnaire_versions::definition)
        .get_result(conn)?;
    let def = crate::surveys::definition::parse("opgeslagen vragenlijst", &text).map_err(|p| {
        RespondError::Definition(
            p.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    let def = Arc::new(def);
    if let Ok(mut m) = DEFINITIONS.lock() {
        m.insert(hash, def.clone());
    }
    Ok(def)
}

/// An invitation that may be answered now.
#[derive(Debug, Clone)]
pub struct Opened {
    /// Invitation row.
    pub invitation_id: i64,
    /// Its wave.
    pub wave: Wave,
    /// The questionnaire.
    pub definition: Arc<Definition>,
}

/// Checks a wave's window and channel for answering today.
pub fn check_window(wave: &Wave, channel: Channel, today: NaiveDate) -> Result<(), RespondError> {
    match waves::window(today, wave.opens_on, wave.closes_on) {
        Window::NotYetOpen => return Err(RespondError::NotYetOpen(wave.opens_on)),
        Window::Closed => return Err(RespondError::Closed(wave.closes_on)),
        Window::Open => {}
    }
    if !wave.allows(channel) {
        return Err(RespondError::Channel);
    }
    Ok(())
}

/// Finds the invitation for a checked code (see [`codes::parse`]) and checks that it can be answered
/// today through `channel`.
pub fn open(
    conn: &mut DbConnection,
    bare_code: &str,
    channel: Channel,
    today: NaiveDate,
) -> Result<Opened, RespondError> {
    // One query for the invitation, its wave and the hash of the pinned text (asked on every page).
    // `get_result`, not `first`: SQLite re-prepares a statement with `LIMIT ?` on every run.
    let row: Option<(i64, bool, Wave, String)> = invitations::table
        .inner_join(crate::db::schema::waves::table.inner_join(questionnaire_versions::table))
        .filter(invitations::code_hash.eq(codes::hash(bare_code)))
        .select((
            invitations::id,
            invitations::used,
            crate::surveys::waves::WAVE_COLUMNS,
            questionnaire_versions::content_hash,
        ))
        .get_result(conn)
        .optional()?;
    let (invitation_id, used, wave, hash) = row.ok_or(RespondError::Unknown)?;
    check_window(&wave, channel, today)?;
    if used {
        return Err(RespondError::Used);
    }
    let definition = definition_with_hash(conn, wave.version_id, hash)?;
    Ok(Opened {
        invitation_id,
        wave,
        definition,
    })
}

/// A saved draft: the answers so far and the page the respondent was on.
pub fn load_draft(conn: &mut DbConnection, invitation_id: i64) -> QueryResult<(AnswerSet, i32)> {
    let row: Option<(String, i32)> = drafts::table
        .find(invitation_id)
        .select((drafts::answers, drafts::step))
        .get_result(conn)
        .optional()?;
    Ok(match row {
        // A draft that no longer parses (it never should) starts over rather than failing.
        Some((json, step)) => (serde_json::from_str(&json).unwrap_or_default(), step),
        None => (AnswerSet::new(), 0),
    })
}

/// Saves the answers so far (replacing the previous draft). Refused once the invitation is used:
/// a draft saved from a second browser tab just after the set was sent would otherwise stay
/// beside the used invitation (sending deletes the draft in the statement that uses the code).
pub fn save_draft(
    conn: &mut DbConnection,
    invitation_id: i64,
    answers: &AnswerSet,
    step: i32,
    today: NaiveDate,
) -> Result<(), RespondError> {
    let json = serde_json::to_string(answers).unwrap_or_else(|_| "{}".into());
    write_tx(conn, |c| {
        let used: Option<bool> = invitations::table
            .find(invitation_id)
            .select(invitations::used)
            .get_result(c)
            .optional()?;
        match used {
            None => return Err(RespondError::Unknown),
            Some(true) => return Err(RespondError::Used),
            Some(false) => {}
        }
        let updated = diesel::update(drafts::table.find(invitation_id))
            .set((
                drafts::answers.eq(&json),
                drafts::step.eq(step),
                drafts::updated_on.eq(today),
            ))
            .execute(c)?;
        if updated == 0 {
            diesel::insert_into(drafts::table)
                .values((
                    drafts::invitation_id.eq(invitation_id),
                    drafts::answers.eq(&json),
                    drafts::step.eq(step),
                    drafts::updated_on.eq(today),
                ))
                .execute(c)?;
        }
        Ok(())
    })
}

/// How an answer set came in.
#[derive(Debug, Clone)]
pub struct Meta {
    /// How the answers came in.
    pub channel: Channel,
    /// Kind of helper (one of [`HELPERS`]) when filled in with help.
    pub helper: Option<String>,
    /// Language the questions were read in.
    pub language: Lang,
}

/// Stores a whole answer set in one transaction. With an invitation, it is marked used in that same
/// transaction (only if it was unused: a second, simultaneous submission gets [`RespondError::Used`]
/// and stores nothing); marking it used deletes its draft and e-mail address in the same statement
/// (a database trigger, `invitations_used_forgets`).
pub fn submit(
    conn: &mut DbConnection,
    wave: &Wave,
    definition: &Definition,
    invitation_id: Option<i64>,
    answers: &AnswerSet,
    meta: &Meta,
    today: NaiveDate,
) -> Result<(), RespondError> {
    let submission = prepare(wave, definition, invitation_id, answers, meta, today)?;
    write_tx(conn, |c| submission.store(c))
}

/// An answer set that fits its questionnaire, ready to be stored ([`Submission::store`]), for
/// example by the writer that stores many residents' sets in one commit
/// ([`crate::db::writer`]).
#[derive(Debug, Clone)]
pub struct Submission {
    wave_id: i64,
    version_id: i64,
    invitation_id: Option<i64>,
    json: String,
    meta: Meta,
    today: NaiveDate,
}

/// Checks a whole answer set against its questionnaire (and the helper named, if any) and makes it
/// ready to store; nothing is written.
pub fn prepare(
    wave: &Wave,
    definition: &Definition,
    invitation_id: Option<i64>,
    answers: &AnswerSet,
    meta: &Meta,
    today: NaiveDate,
) -> Result<Submission, RespondError> {
    answers::check_set(definition, answers).map_err(RespondError::Invalid)?;
    if let Some(h) = &meta.helper {
        if !HELPERS.contains(&h.as_str()) {
            return Err(RespondError::Invalid(vec![(
                "helper".into(),
                ItemProblem::UnknownOption,
            )]));
        }
    }
    let json =
        serde_json::to_string(answers).map_err(|e| RespondError::Definition(e.to_string()))?;
    Ok(Submission {
        wave_id: wave.id,
        version_id: wave.version_id,
        invitation_id,
        json,
        meta: meta.clone(),
        today,
    })
}

impl Submission {
    /// Stores the set inside the caller's write transaction: the invitation (if any) is used up,
    /// or [`RespondError::Used`] when it already was, and the answer row is inserted.
    pub fn store(&self, c: &mut DbConnection) -> Result<(), RespondError> {
        if let Some(id) = self.invitation_id {
            if ClaimInvitation(id).execute(c)? == 0 {
                return Err(RespondError::Used);
            }
        }
        insert_row(
            c,
            (self.wave_id, self.version_id),
            &self.json,
            &self.meta,
            self.today,
        )?;
        Ok(())
    }
}

/// `UPDATE invitations SET used = true WHERE id = ? AND used = false`: marks an unused invitation
/// used. Written out because diesel never keeps an `UPDATE` prepared (a changeset may leave columns
/// out), so SQLite would parse it again on every send, inside the writer lock; this one is prepared
/// once per connection and kept.
#[derive(Debug, Clone, Copy, diesel::query_builder::QueryId)]
struct ClaimInvitation(i64);

impl QueryFragment<MultiBackend> for ClaimInvitation {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, MultiBackend>) -> QueryResult<()> {
        out.push_sql("UPDATE invitations SET used = ");
        out.push_bind_param::<Bool, _>(&true)?;
        out.push_sql(" WHERE id = ");
        out.push_bind_param::<BigInt, _>(&self.0)?;
        out.push_sql(" AND used = ");
        out.push_bind_param::<Bool, _>(&false)?;
        Ok(())
    }
}

impl RunQueryDsl<DbConnection> for ClaimInvitation {}

/// Stores one answer set as it is (already checked), inside the caller's transaction.
pub fn insert_response(
    conn: &mut DbConnection,
    wave: &Wave,
    answers: &AnswerSet,
    meta: &Meta,
    today: NaiveDate,
) -> QueryResult<()> {
    let json = serde_json::to_string(answers).unwrap_or_else(|_| "{}".into());
    insert_json(conn, wave, &json, meta, today)
}

/// Stores one answer set already as JSON (checked by the caller), inside the caller's transaction.
pub fn insert_json(
    conn: &mut DbConnection,
    wave: &Wave,
    json: &str,
    meta: &Meta,
    today: NaiveDate,
) -> QueryResult<()> {
    insert_row(conn, (wave.id, wave.version_id), json, meta, today)
}

/// Inserts one answer row (wave and questionnaire version given as ids) with a random number.
fn insert_row(
    conn: &mut DbConnection,
    (wave_id, version_id): (i64, i64),
    json: &str,
    meta: &Meta,
    today: NaiveDate,
) -> QueryResult<()> {
    diesel::insert_into(responses::table)
        .values((
            responses::id.eq(random_id(&mut rand::thread_rng())),
            responses::wave_id.eq(wave_id),
            responses::version_id.eq(version_id),
            responses::channel.eq(meta.channel),
            responses::helper.eq(meta.helper.as_deref()),
            responses::language.eq(meta.language),
            responses::answered_on.eq(today),
            responses::answers.eq(json),
        ))
        .execute(conn)?;
    Ok(())
}

/// Stores many answer sets (already checked, as JSON) with the same channel and day in one
/// statement, inside the caller's transaction; for imports, where one statement per set would cost
/// most of the time. Diesel's multi-row insert is per backend, hence the two arms.
pub fn insert_many(
    conn: &mut DbConnection,
    wave: &Wave,
    answers: &[&str],
    meta: &Meta,
    today: NaiveDate,
) -> QueryResult<()> {
    let mut rng = rand::thread_rng();
    let rows: Vec<_> = answers
        .iter()
        .map(|json| {
            (
                responses::id.eq(random_id(&mut rng)),
                responses::wave_id.eq(wave.id),
                responses::version_id.eq(wave.version_id),
                responses::channel.eq(meta.channel),
                responses::helper.eq(meta.helper.as_deref()),
                responses::language.eq(meta.language),
                responses::answered_on.eq(today),
                responses::answers.eq(*json),
            )
        })
        .collect();
    match conn {
        DbConnection::Sqlite(c) => diesel::insert_into(responses::table)
            .values(&rows)
            .execute(c)?,
        DbConnection::Pg(c) => diesel::insert_into(responses::table)
            .values(&rows)
            .execute(c)?,
    };
    Ok(())
}

/// Number of stored answer sets of a wave.
pub fn response_count(conn: &mut DbConnection, wave_id: i64) -> QueryResult<i64> {
    responses::table
        .filter(responses::wave_id.eq(wave_id))
        .count()
        .get_result(conn)
}
