//! The rules and writes of correcting a sheet kept aside: which answers still pass, whether a typed
//! form number fits the wave, and importing or removing the sheet (each in one transaction with its
//! line in the audit log).

use std::collections::BTreeMap;

use diesel::prelude::*;

use super::correct_queries;
use super::mapping;
use super::prints::{self, Printed};
use super::reader::Row;
use super::sheet::{self, Expect, Format, Layout};
use crate::accounts::audit::{self, Actor};
use crate::db::schema::{paper_forms, paper_quarantine};
use crate::db::{write_tx, DbConnection};
use crate::surveys::answers::AnswerSet;
use crate::surveys::channel::Channel;
use crate::surveys::definition::Definition;
use crate::surveys::respond::{self, Meta};
use crate::surveys::waves::Wave;
use crate::web::i18n::{t, t_args, Lang};

/// The form number to offer: the one read, unless the sheet had none.
pub fn offered_form(stored: &str) -> &str {
    if stored.starts_with("ZONDER-NUMMER") {
        ""
    } else {
        stored
    }
}

/// The answers on a kept sheet that pass the questionnaire's rules, read again from what the scanner
/// gave (an SDAPS export has a `global_id` column; otherwise it was the generic format). Answers to
/// refused or double-marked questions stay empty, for the clerk to fill in from the paper.
pub fn answers_read(
    def: &Definition,
    wave: &Wave,
    line: u64,
    raw: &BTreeMap<String, String>,
) -> AnswerSet {
    let header: Vec<String> = raw.keys().cloned().collect();
    let (format, rules) = if raw.contains_key("global_id") {
        (Format::Sdaps, mapping::sdaps(def))
    } else {
        match mapping::generic(def, &header) {
            Ok(rules) => (Format::Generic, rules),
            Err(_) => return AnswerSet::new(),
        }
    };
    let Ok(layout) = Layout::new(format, &header, &rules, def) else {
        return AnswerSet::new();
    };
    let row = Row {
        line,
        fields: raw.values().cloned().collect(),
        too_long: None,
    };
    let expect = Expect {
        wave_id: wave.id,
        version_id: wave.version_id,
    };
    sheet::read_sheet(def, &layout, expect, &row).answers
}

/// What is wrong with a typed form number, if anything: empty, not of this wave, or (once print
/// runs are recorded) not printed.
pub fn form_problem(lang: Lang, wave_id: i64, form: &str, prints: &[Printed]) -> Option<String> {
    if form.is_empty() {
        Some(t(lang, "paper-correct-error-form-empty"))
    } else if sheet::wave_of_form(form) != Some(wave_id) {
        Some(t_args(
            lang,
            "paper-correct-error-form-wave",
            &[("prefix", &format!("R{wave_id}-"))],
        ))
    } else if !sheet::sheet_of_form(form).is_some_and(|n| prints::may_be(prints, n)) {
        Some(prints::not_printed_text(lang, prints))
    } else {
        None
    }
}

/// Why a corrected sheet could not be stored.
pub enum Refused {
    /// The form number was read before: the sheet stays aside.
    AlreadyImported,
    /// The sheet is no longer kept aside (removed or corrected a moment ago).
    Gone,
}

/// Imports corrected sheet `sheet_id` as form `form_id` (checked answers `json`, channel
/// `paper-scan`): it leaves the kept sheets together with any other kept copy of that form, the
/// form number is marked as read, and the correction is logged (the wave only).
pub fn store_corrected(
    conn: &mut DbConnection,
    wave: &Wave,
    sheet_id: i64,
    form_id: &str,
    json: &str,
    actor: Actor,
) -> QueryResult<Result<(), Refused>> {
    let wave_id = wave.id;
    let meta = Meta {
        channel: Channel::PaperScan,
        helper: None,
        language: Lang::Nl,
    };
    write_tx(conn, |c| {
        let still_kept = diesel::delete(
            paper_quarantine::table
                .filter(paper_quarantine::id.eq(sheet_id))
                .filter(paper_quarantine::wave_id.eq(wave_id)),
        )
        .execute(c)?;
        if still_kept == 0 {
            return Ok(Err(Refused::Gone));
        }
        if correct_queries::form_known(c, wave_id, form_id)? {
            // Roll back: the sheet stays aside.
            return Err(diesel::result::Error::RollbackTransaction);
        }
        diesel::insert_into(paper_forms::table)
            .values((
                paper_forms::wave_id.eq(wave_id),
                paper_forms::form_id.eq(form_id),
            ))
            .execute(c)?;
        // Another kept copy of the same form is settled by this one.
        diesel::delete(
            paper_quarantine::table
                .filter(paper_quarantine::wave_id.eq(wave_id))
                .filter(paper_quarantine::form_id.eq(form_id)),
        )
        .execute(c)?;
        respond::insert_json(c, wave, json, &meta, crate::fmt::today())?;
        // Which wave only: a form number beside a moment could point at an answer set.
        audit::record(
            c,
            actor,
            "paper.sheet_corrected",
            "wave",
            Some(&wave_id.to_string()),
            None,
        )?;
        Ok(Ok(()))
    })
    .or_else(|e| match e {
        diesel::result::Error::RollbackTransaction => Ok(Err(Refused::AlreadyImported)),
        other => Err(other),
    })
}

/// Removes sheet `sheet_id` kept aside in wave `wave_id` on purpose, logged with its form number;
/// how many were removed (0 when it was no longer kept).
pub fn discard_sheet(
    conn: &mut DbConnection,
    wave_id: i64,
    sheet_id: i64,
    actor: Actor,
) -> QueryResult<usize> {
    write_tx(conn, |c| {
        let Some(form) = correct_queries::kept_form(c, wave_id, sheet_id)? else {
            return Ok(0);
        };
        let n = diesel::delete(paper_quarantine::table.filter(paper_quarantine::id.eq(sheet_id)))
            .execute(c)?;
        // Nothing was stored from this sheet, so its number may be kept in the log.
        audit::record(
            c,
            actor,
            "paper.sheet_discarded",
            "paper_form",
            Some(&form),
            Some(&format!("wave {wave_id}")),
        )?;
        Ok::<usize, diesel::result::Error>(n)
    })
}

#[cfg(test)]
mod tests {
    use super::super::correct_views::shown_form;
    use super::super::import::no_number_key;
    use super::*;

    #[test]
    fn a_form_number_must_belong_to_the_wave() {
        assert!(form_problem(Lang::Nl, 3, "R3-000012", &[]).is_none());
        assert_eq!(
            form_problem(Lang::Nl, 3, "", &[]),
            Some(t(Lang::Nl, "paper-correct-error-form-empty"))
        );
        let other = form_problem(Lang::Nl, 3, "R4-000012", &[]).unwrap();
        assert!(other.contains("R3-"), "{other}");
        assert!(form_problem(Lang::Nl, 3, "R3-12A", &[]).is_some());
        // Once print runs are recorded, only a printed number.
        let printed = [Printed {
            first: 1,
            last: 50,
            lang: Lang::Nl,
            layout_id: 1,
            printed_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        }];
        assert!(form_problem(Lang::Nl, 3, "R3-000050", &printed).is_none());
        let typo = form_problem(Lang::Nl, 3, "R3-000500", &printed).unwrap();
        assert!(typo.contains("1–50"), "{typo}");
        assert_eq!(offered_form("ZONDER-NUMMER-REGEL-7"), "");
        assert_eq!(offered_form(&no_number_key(7, "{}")), "");
        assert_eq!(
            shown_form(Lang::Nl, &no_number_key(7, "{}")),
            shown_form(Lang::Nl, "ZONDER-NUMMER-REGEL-7")
        );
        assert_eq!(offered_form("R3-000001"), "R3-000001");
    }
}
