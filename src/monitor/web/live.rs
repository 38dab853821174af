//! The researcher's live view of a running wave, read from the database: the waves still running
//! and the figures of the one chosen (small groups hidden). Not in the report, the PDF or the open
//! data: those publish a wave only after it has closed (see `disclosure`).

use chrono::NaiveDate;

use super::super::report::{self, SurveyPart};
use crate::db::DbConnection;
use crate::surveys::waves::Wave;
use crate::web::errors::AppError;

/// What the live view shows.
pub(super) struct Live {
    /// The waves running today.
    pub(super) running: Vec<Wave>,
    /// The one shown, with its survey figures so far.
    pub(super) shown: Option<Shown>,
}

/// The wave shown in the interim view.
pub(super) struct Shown {
    /// The wave.
    pub(super) wave: Wave,
    /// Its figures up to `through`.
    pub(super) part: SurveyPart,
    /// The last day whose answer sets count; before the day the wave opened when none do yet.
    pub(super) through: NaiveDate,
}

impl Shown {
    /// Whether any day counts yet.
    pub(super) fn any(&self) -> bool {
        self.through >= self.wave.opens_on
    }
}

/// The waves running on `today`, and the chosen one (or the one closing last) with its figures.
pub(super) fn running_waves(
    conn: &mut DbConnection,
    today: NaiveDate,
    chosen: Option<i64>,
) -> Result<Live, AppError> {
    let running: Vec<Wave> = crate::surveys::waves::list_waves(conn)?
        .into_iter()
        .filter(|w| {
            w.opens_on <= today && !crate::monitor::disclosure::wave_published(w.closes_on, today)
        })
        .collect();
    let pick = running
        .iter()
        .filter(|w| chosen.is_none_or(|id| id == w.id))
        .max_by_key(|w| (w.closes_on, w.id));
    let shown = match pick {
        Some(w) => {
            let def = crate::surveys::respond::definition(conn, w.version_id)
                .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
            let k = crate::monitor::disclosure::DEFAULT_K;
            let (figures, through) =
                crate::monitor::survey_figures::compute_interim(conn, w, &def, today, k)?;
            let invited = crate::surveys::waves::invitation_counts(conn, w.id)?.0;
            Some(Shown {
                wave: w.clone(),
                part: report::survey_part(
                    &def,
                    &w.name,
                    w.population.max(0) as u64,
                    invited.max(0) as u64,
                    &figures,
                    None,
                    k,
                ),
                through,
            })
        }
        None => None,
    };
    Ok(Live { running, shown })
}
