//! The wave's paper forms as a download: the product's own PDF (see [`super::form_pdf`]), the
//! only printed form the scan reader reads back. The onderzoeker gets it on the wave page and the
//! invoerder on the wave's paper page; both ask with the same three fields.

use actix_web::http::header;
use actix_web::HttpResponse;
use serde::Deserialize;

use crate::web::errors::AppError;
use crate::web::i18n::Lang;
use crate::web::AppState;

/// Most forms in one PDF (four sides each).
pub const MAX_FORMS: u64 = 500;
/// Highest form number a wave can have.
pub const MAX_NUMBER: u64 = 999_999;

/// The print form's fields: first and last form number, the forms' language, and whether the
/// same numbers are printed again (`opnieuw`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FormsQuery {
    #[serde(default)]
    pub van: String,
    #[serde(default)]
    pub tot: String,
    #[serde(default)]
    pub taal: String,
    #[serde(default)]
    pub opnieuw: String,
}

impl FormsQuery {
    /// The form numbers asked for, when they are a range of at most [`MAX_FORMS`] numbers from 1.
    pub fn range(&self) -> Option<(u64, u64)> {
        range(&self.van, &self.tot)
    }

    /// The language of the printed forms (Dutch when none or an unknown one is asked).
    pub fn lang(&self) -> Lang {
        Lang::from_code(self.taal.trim()).unwrap_or(Lang::Nl)
    }

    /// Whether the clerk said these forms are printed again (the box is ticked).
    pub fn reprint(&self) -> bool {
        !self.opnieuw.trim().is_empty()
    }
}

/// First and last form number from the typed texts, when both are numbers, the first at least 1,
/// not above the last, and at most [`MAX_FORMS`] forms together.
pub fn range(from: &str, to: &str) -> Option<(u64, u64)> {
    let (a, b) = (
        from.trim().parse::<u64>().ok()?,
        to.trim().parse::<u64>().ok()?,
    );
    (a >= 1 && a <= b && b <= MAX_NUMBER && b - a < MAX_FORMS).then_some((a, b))
}

/// The forms asked for as a PDF download (404 when there is no such wave), or what to fix, in
/// the reader's language `ui`, for the first number's field: a range that is not one, or
/// numbers printed before. Printing stores the layout the reader needs, once per questionnaire
/// text and language, and records the print run.
pub async fn pdf(
    state: &AppState,
    id: i64,
    q: &FormsQuery,
    ui: Lang,
) -> Result<Result<HttpResponse, String>, AppError> {
    let Some((from, to)) = q.range() else {
        return Ok(Err(crate::web::i18n::t(ui, "paper-error-range")));
    };
    let (lang, reprint) = (q.lang(), q.reprint());
    let contact = state.config.contact.clone();
    let printed = state
        .db(move |conn| {
            let wave =
                crate::surveys::waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
            let def = crate::surveys::respond::definition(conn, wave.version_id)
                .map_err(|e| AppError::Internal(e.into()))?;
            super::form_pdf::print_wave(
                conn,
                &wave,
                &def,
                lang,
                &contact,
                (from, to),
                reprint,
                crate::fmt::today(),
            )
            .map_err(AppError::Internal)
        })
        .await?;
    let pdf = match printed {
        Ok(pdf) => pdf,
        Err(r) => return Ok(Err(super::prints::overlap_text(ui, r.numbers, r.next))),
    };
    Ok(Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"formulieren-ronde-{id}-{from}-{to}-{}.pdf\"",
                lang.code()
            ),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(pdf)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_is_one_to_five_hundred_numbered_forms() {
        assert_eq!(range("1", "50"), Some((1, 50)));
        assert_eq!(range(" 7 ", "7"), Some((7, 7)));
        assert_eq!(range("1", "500"), Some((1, 500)));
        assert_eq!(range("1", "501"), None, "more than 500 forms");
        assert_eq!(range("0", "3"), None, "numbers start at 1");
        assert_eq!(range("5", "1"), None, "the first above the last");
        assert_eq!(range("", "3"), None);
        assert_eq!(range("1", "drie"), None);
        assert_eq!(range("999999", "999999"), Some((999_999, 999_999)));
        assert_eq!(
            range("1000000", "1000000"),
            None,
            "beyond the highest number"
        );
    }

    #[test]
    fn the_language_is_dutch_unless_a_known_one_is_asked() {
        let q = |taal: &str| FormsQuery {
            taal: taal.into(),
            ..FormsQuery::default()
        };
        assert_eq!(q("uk").lang(), Lang::Uk);
        assert_eq!(q("").lang(), Lang::Nl);
        assert_eq!(q("xx").lang(), Lang::Nl);
    }
}
