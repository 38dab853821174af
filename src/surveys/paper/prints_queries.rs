//! The recorded print runs of a wave (see [`super::prints`]).

use chrono::NaiveDate;
use diesel::prelude::*;

use super::prints::Printed;
use crate::db::schema::paper_prints;
use crate::db::DbConnection;
use crate::web::i18n::Lang;

/// A print run as stored.
#[derive(Queryable, Selectable)]
#[diesel(table_name = paper_prints)]
struct PrintRow {
    first_number: i64,
    last_number: i64,
    lang: Lang,
    layout_id: i64,
    printed_on: NaiveDate,
}

/// The print runs of a wave, oldest first.
pub fn of_wave(conn: &mut DbConnection, wave_id: i64) -> QueryResult<Vec<Printed>> {
    Ok(paper_prints::table
        .filter(paper_prints::wave_id.eq(wave_id))
        .order(paper_prints::id)
        .select(PrintRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|r| Printed {
            first: r.first_number.max(0) as u64,
            last: r.last_number.max(0) as u64,
            lang: r.lang,
            layout_id: r.layout_id,
            printed_on: r.printed_on,
        })
        .collect())
}

/// Records a print run.
pub fn record(conn: &mut DbConnection, wave_id: i64, p: &Printed) -> QueryResult<()> {
    diesel::insert_into(paper_prints::table)
        .values((
            paper_prints::wave_id.eq(wave_id),
            paper_prints::first_number.eq(p.first as i64),
            paper_prints::last_number.eq(p.last as i64),
            paper_prints::lang.eq(p.lang),
            paper_prints::layout_id.eq(p.layout_id),
            paper_prints::printed_on.eq(p.printed_on),
        ))
        .execute(conn)
        .map(|_| ())
}
