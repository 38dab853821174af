//! Reports kept in this instance: the data stamp that says whether a report made earlier is still
//! right, and the cache of reports by period.

use super::super::report::{self, Report};
use crate::complaints::read_model;

/// What the report's data looks like now: when this is unchanged, a report made earlier is still
/// right. The number of answer sets, counts of complaints (and their last change), quotes, waves
/// codings, and the category and code names.
pub fn data_stamp(conn: &mut crate::db::DbConnection) -> diesel::QueryResult<String> {
    use crate::db::schema::{codebook, coded_texts, quotes, responses, waves};
    use diesel::prelude::*;
    // Answer sets are only ever added, and their numbers are random (they must not show the
    // order of arrival), so the count says whether there are new ones.
    let answered: i64 = responses::table.count().get_result(conn)?;
    let read_model::Stamp {
        count: c,
        changed,
        categories,
    } = read_model::stamp(conn)?;
    let (q, decided): (i64, Option<chrono::NaiveDateTime>) = quotes::table
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::max(quotes::decided_at),
        ))
        .get_result(conn)?;
    let w: i64 = waves::table.count().get_result(conn)?;
    let mut names: Vec<String> = categories;
    // Codings are replaced by new rows: count and highest number say whether they changed.
    // Two statements: alone, the highest number is one step down the table's key.
    let coded: i64 = coded_texts::table.count().get_result(conn)?;
    let last_coded: Option<i64> = coded_texts::table
        .select(diesel::dsl::max(coded_texts::id))
        .get_result(conn)?;
    names.extend(
        codebook::table
            .select(codebook::name)
            .load::<String>(conn)?,
    );
    Ok(format!(
        "{answered}/{c}/{changed:?}/{q}/{decided:?}/{w}/{coded}/{last_coded:?}/{}/{}",
        names.join("|"),
        crate::fmt::today()
    ))
}

/// Reports made in this instance, by period, with the data stamp they were made from.
#[derive(Default)]
pub struct ReportCache(
    std::sync::Mutex<std::collections::HashMap<String, (String, std::sync::Arc<Report>)>>,
);

impl ReportCache {
    /// The report of `period` for the data as it is now: the one kept, or a new one.
    pub fn get(
        &self,
        conn: &mut crate::db::DbConnection,
        period: &report::Period,
    ) -> diesel::QueryResult<std::sync::Arc<Report>> {
        let stamp = data_stamp(conn)?;
        if let Some((s, r)) = self
            .0
            .lock()
            .ok()
            .and_then(|m| m.get(&period.label).cloned())
        {
            if s == stamp {
                return Ok(r);
            }
        }
        let r = std::sync::Arc::new(report::build(
            conn,
            period,
            crate::monitor::disclosure::DEFAULT_K,
            crate::fmt::today(),
        )?);
        if let Ok(mut m) = self.0.lock() {
            m.insert(period.label.clone(), (stamp, r.clone()));
        }
        Ok(r)
    }

    /// Makes the reports people open most (this year, this quarter and the last) ahead of them,
    /// so that a council member rarely waits for a recomputation. Runs with the housekeeping.
    pub fn warm(
        &self,
        conn: &mut crate::db::DbConnection,
        today: chrono::NaiveDate,
    ) -> diesel::QueryResult<()> {
        use chrono::Datelike;
        let q = (today.month() - 1) / 3 + 1;
        let previous = if q == 1 {
            format!("{}-Q4", today.year() - 1)
        } else {
            format!("{}-Q{}", today.year(), q - 1)
        };
        for label in [
            today.year().to_string(),
            format!("{}-Q{q}", today.year()),
            previous,
        ] {
            if let Ok(p) = report::parse_period(&label) {
                self.get(conn, &p)?;
            }
        }
        Ok(())
    }
}
