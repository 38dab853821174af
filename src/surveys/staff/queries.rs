//! What the staff pages read: the waves and questionnaires, a wave with its questionnaire, and
//! the response figures of a wave.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::schema::{questionnaire_versions, responses};
use crate::surveys::respond::{self};
use crate::surveys::volunteers;
use crate::surveys::waves::{self, Wave};
use crate::web::errors::AppError;
use crate::web::paging::{self, Page};

pub(super) fn questionnaire_keys(conn: &mut crate::db::DbConnection) -> QueryResult<Vec<String>> {
    questionnaire_versions::table
        .select(questionnaire_versions::questionnaire_key)
        .distinct()
        .order(questionnaire_versions::questionnaire_key)
        .load(conn)
}

/// One page of the waves (newest first) and the questionnaires a new wave can use.
pub(super) fn waves_list(
    conn: &mut crate::db::DbConnection,
    asked: Option<i64>,
) -> Result<(Vec<Wave>, Page, Vec<String>), AppError> {
    let shown = Page::new(asked, paging::PAGE_ROWS, waves::count_waves(conn)?);
    let list = waves::list_waves_page(conn, shown.size, shown.offset())?;
    Ok((list, shown, questionnaire_keys(conn)?))
}

/// Answer sets of a wave through one channel.
#[derive(Debug, Clone, Queryable)]
pub(super) struct ChannelCount {
    pub(super) channel: String,
    pub(super) count: i64,
}

/// Answer sets of a wave that came in on one day.
#[derive(Debug, Clone, Queryable)]
pub(super) struct DayCount {
    pub(super) day: NaiveDate,
    pub(super) count: i64,
}

/// Response figures of a wave.
pub(super) struct FollowUp {
    pub(super) invited: i64,
    pub(super) used: i64,
    pub(super) answered: i64,
    pub(super) per_channel: Vec<ChannelCount>,
    pub(super) per_day: Vec<DayCount>,
    pub(super) with_address: i64,
    pub(super) volunteers: i64,
    /// The paper forms printed so far.
    pub(super) prints: Vec<crate::surveys::paper::prints::Printed>,
    /// A print request that was refused, shown again as typed.
    pub(super) typed_print: Option<crate::surveys::paper::forms_download::FormsQuery>,
}

pub(super) fn follow_up(conn: &mut crate::db::DbConnection, wave_id: i64) -> QueryResult<FollowUp> {
    use diesel::dsl::count_star;
    let (invited, used) = waves::invitation_counts(conn, wave_id)?;
    let per_channel: Vec<ChannelCount> = responses::table
        .filter(responses::wave_id.eq(wave_id))
        .group_by(responses::channel)
        .select((responses::channel, count_star()))
        .order(responses::channel)
        .load(conn)?;
    let per_day: Vec<DayCount> = responses::table
        .filter(responses::wave_id.eq(wave_id))
        .group_by(responses::answered_on)
        .select((responses::answered_on, count_star()))
        .order(responses::answered_on)
        .load(conn)?;
    let with_address = crate::db::schema::invitation_addresses::table
        .inner_join(crate::db::schema::invitations::table)
        .filter(crate::db::schema::invitations::wave_id.eq(wave_id))
        .count()
        .get_result(conn)?;
    let volunteers = volunteers::count(conn, wave_id)?;
    Ok(FollowUp {
        invited,
        used,
        answered: per_channel.iter().map(|c| c.count).sum(),
        per_channel,
        per_day,
        with_address,
        volunteers,
        prints: crate::surveys::paper::prints_queries::of_wave(conn, wave_id)?,
        typed_print: None,
    })
}

/// A wave and the questionnaire text it pinned (inside a database call).
pub(crate) fn wave_and_definition(
    conn: &mut crate::db::DbConnection,
    id: i64,
) -> Result<(Wave, std::sync::Arc<crate::surveys::definition::Definition>), AppError> {
    let wave = waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
    let def =
        respond::definition(conn, wave.version_id).map_err(|e| AppError::Internal(e.into()))?;
    Ok((wave, def))
}
