//! The paper import pages' markup: the upload page, an import's progress, a validation report.

use actix_web::HttpResponse;
use maud::{html, Markup};

use super::jobs::Job;
use super::queries::PageData;
use super::{CSV_FIELD, SCAN_FIELD};
use crate::fmt::date_text;
use crate::surveys::paper::import::{self, Summary};
use crate::surveys::paper::late::PaperTime;
use crate::surveys::paper::progress;
use crate::surveys::paper::sheet::{Action, Format, Rule};
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args, t_count, t_nums, Lang};
use crate::web::layout::{self, csrf_field, error_summary};
use crate::web::paging;

/// Findings shown on the report page (the download has them all).
const SHOWN_FINDINGS: usize = 500;
/// Problems listed per sheet kept aside on the upload page (the sheet's own page has them all).
const SHOWN_PROBLEMS: usize = 5;
/// Characters of a value or explanation in the list of sheets kept aside; the sheet's own page
/// shows what was read in full.
const LIST_CHARS: usize = 80;

pub(super) fn upload_markup(
    ctx: &Ctx,
    data: &PageData,
    field_error: Option<(&str, &str)>,
    notice: Option<&str>,
    chosen: Option<Format>,
) -> Markup {
    let lang = ctx.lang;
    let generic = chosen.unwrap_or(data.last_format) == Format::Generic;
    let (wave, kept, earlier) = (&data.wave, &data.kept, &data.earlier);
    let total = data.page.total.to_string();
    let errors: Vec<(&str, String)> = field_error
        .map(|(f, e)| (f, e.to_string()))
        .into_iter()
        .collect();
    let error = field_error.filter(|(f, _)| *f == CSV_FIELD).map(|(_, e)| e);
    let scan_error = field_error
        .filter(|(f, _)| *f == SCAN_FIELD)
        .map(|(_, e)| e);
    let range_error = field_error.filter(|(f, _)| *f == "van").map(|(_, e)| e);
    let base = format!("/invoer/rondes/{}/papier", wave.id);
    let verify = format!("{base}/controle");
    html! {
        @if let Some(key) = notice {
            div.notice role="status" { p { (t(lang, key)) } }
        }
        (error_summary(ctx, &errors))
        @match data.time {
            PaperTime::Running => {}
            PaperTime::Late { until } => {
                div.notice.late role="status" { p { (t_args(lang, "paper-late-notice", &[("date", &date_text(wave.closes_on)), ("until", &date_text(until))])) } }
            }
            PaperTime::Over { until } => {
                div.notice.late role="status" { p { (t_args(lang, "paper-late-over", &[("date", &date_text(wave.closes_on)), ("until", &date_text(until))])) } }
            }
        }
        // In the order a clerk works: print, scan and upload, check, then the reports. A closed
        // wave needs no new forms; once the time for late forms is over, it takes no files.
        @if data.time == PaperTime::Running {
            h2 #pdf-kop { (t(lang, "paper-pdf-title")) }
            p { (t(lang, "paper-pdf-intro")) }
            form method="get" action={ (base) "/formulieren" } novalidate aria-labelledby="pdf-kop" {
                (crate::surveys::paper::prints_views::print_fields(lang, &data.prints, data.typed_print.as_ref(), range_error, Some(&t(lang, "paper-forms-to-hint"))))
                button type="submit" { (t(lang, "paper-pdf-submit")) }
            }
        }
        @if !matches!(data.time, PaperTime::Over { .. }) {
            h2 #scans-kop { (t(lang, "paper-scan-title")) }
            p { (t(lang, "paper-scan-intro")) }
            form method="post" action={ (base) "/scans" } enctype="multipart/form-data" novalidate aria-labelledby="scans-kop" {
                (csrf_field(ctx))
                div.field.has-error[scan_error.is_some()] {
                    label for="scans" { (t(lang, "paper-scan-file")) }
                    p.hint #scans-hint { (t(lang, "paper-scan-file-hint")) }
                    @if let Some(e) = scan_error { p.error #scans-error { (e) } }
                    input #scans type="file" name=(SCAN_FIELD) accept=".pdf,.tif,.tiff,.png,.jpg,.jpeg,application/pdf,image/tiff,image/png,image/jpeg"
                        aria-describedby=(if scan_error.is_some() { "scans-hint scans-error" } else { "scans-hint" })
                        aria-invalid=[scan_error.map(|_| "true")];
                }
                button type="submit" { (t(lang, "paper-scan-submit")) }
            }
        }
        h2 #nakijken { (t(lang, "paper-verify-link")) }
        @if data.waiting > 0 {
            p.waiting { (t_count(lang, "paper-verify-count", data.waiting)) }
        } @else {
            p.waiting { (t(lang, "paper-verify-none")) }
        }
        p { a.tap href=(verify) { (t(lang, "paper-verify-link")) } }
        h2 #apart { (t_args(lang, "paper-quarantine-title", &[("n", &total)])) }
        @if kept.is_empty() {
            p { (t(lang, "paper-quarantine-none")) }
        } @else {
            p { (t(lang, "paper-quarantine-intro")) }
            table {
                caption.visually-hidden { (t_args(lang, "paper-quarantine-title", &[("n", &total)])) }
                thead { tr {
                    th scope="col" { (t(lang, "paper-col-form")) }
                    th scope="col" { (t(lang, "paper-col-row")) }
                    th scope="col" { (t(lang, "paper-col-problem")) }
                    th scope="col" { (t(lang, "followup-day")) }
                } }
                tbody {
                    @for k in kept {
                        tr {
                            td { a href={ (base) "/apart/" (k.id) } { (paging::short_text(lang, &crate::surveys::paper::correct_views::shown_form(lang, &k.form), 40)) } }
                            td { (k.line) }
                            td { ul {
                                @for p in k.problems.iter().take(SHOWN_PROBLEMS) { li { (crate::surveys::paper::correct_views::problem_markup(lang, p, LIST_CHARS)) } }
                                @if k.problems.len() > SHOWN_PROBLEMS {
                                    li { (t_count(lang, "paper-quarantine-more-problems", (k.problems.len() - SHOWN_PROBLEMS) as i64)) }
                                }
                            }
                            @if k.problems.iter().take(SHOWN_PROBLEMS).any(|p| crate::surveys::paper::correct_views::problem_is_long(p, LIST_CHARS)) {
                                a href={ (base) "/apart/" (k.id) "#gelezen" } { (t(lang, "paper-quarantine-full-text")) }
                            } }
                            td { (date_text(k.on)) }
                        }
                    }
                }
            }
            (paging::nav(lang, &data.page, |n| format!("{base}?pagina={n}#apart")))
        }
        @if !earlier.is_empty() {
            h2 { (t(lang, "paper-reports-title")) }
            ul {
                @for e in earlier {
                    li.dry-run[e.dry_run] {
                        a href={ (base) "/verslag/" (e.id) } { (e.file) } " (" (crate::fmt::local_time(e.at)) ")"
                        @if e.dry_run { " – " strong { (t(lang, "paper-reports-dry-run")) } }
                    }
                }
            }
        }
        // Another route in: the CSV file of other OMR software (SDAPS or the generic format).
        @if !matches!(data.time, PaperTime::Over { .. }) {
            h2 #csv-kop { (t(lang, "paper-upload-csv-title")) }
            p { (t(lang, "paper-upload-intro")) }
            form method="post" action=(base) enctype="multipart/form-data" novalidate aria-labelledby="csv-kop" {
                (csrf_field(ctx))
                div.field.has-error[error.is_some()] {
                    label for="bestand" { (t(lang, "paper-upload-file")) }
                    p.hint #bestand-hint { (t(lang, "paper-upload-file-hint")) }
                    @if let Some(e) = error { p.error #bestand-error { (e) } }
                    input #bestand type="file" name="bestand" accept=".csv,.txt,text/csv"
                        aria-describedby=(if error.is_some() { "bestand-hint bestand-error" } else { "bestand-hint" })
                        aria-invalid=[error.map(|_| "true")];
                }
                fieldset {
                    legend { (t(lang, "paper-upload-format")) }
                    div.choice { input #vorm type="radio" name="vorm" value="sdaps" checked[!generic]; label for="vorm" { (t(lang, "paper-upload-format-sdaps")) } }
                    div.choice { input #vorm-generic type="radio" name="vorm" value="generic" checked[generic]; label for="vorm-generic" { (t(lang, "paper-upload-format-generic")) } }
                }
                div.choice { input #proef type="checkbox" name="proef" value="ja"; label for="proef" { (t(lang, "paper-upload-dry-run")) } }
                div.choice { input #alles type="checkbox" name="alles" value="ja"; label for="alles" { (t(lang, "paper-upload-all")) } }
                button type="submit" { (t(lang, "paper-upload-submit")) }
            }
        }
    }
}

/// The status line of a running import, in the page's language.
pub(super) fn status_text(lang: Lang, job: &Job) -> (u32, String) {
    let (count, e) = job.estimate();
    let percent = (e.fraction * 100.0).floor() as u32;
    let rows = progress::grouped(count);
    let count = i64::try_from(count).unwrap_or(i64::MAX);
    let rate = progress::grouped(e.rate.round() as u64);
    let text = match e.left {
        Some(left) => t_nums(
            lang,
            "paper-progress-status",
            &[("count", count)],
            &[
                ("rows", &rows),
                ("rate", &rate),
                ("left", &progress::clock(left)),
            ],
        ),
        None => t_nums(
            lang,
            "paper-progress-status-start",
            &[("count", count)],
            &[("rows", &rows), ("rate", &rate)],
        ),
    };
    (percent, text)
}

/// Unknown import: finished and seen, or lost in a restart.
pub(super) fn job_gone(ctx: &Ctx, id: i64) -> HttpResponse {
    crate::web::errors::page_response(
        actix_web::http::StatusCode::NOT_FOUND,
        layout::page(
            ctx,
            &t(ctx.lang, "paper-progress-gone-title"),
            html! {
                p { (t(ctx.lang, "paper-progress-gone")) }
                p { a.tap href={ "/invoer/rondes/" (id) "/papier" } { (t(ctx.lang, "paper-upload-back")) } }
            },
        ),
    )
}

/// A running import: its progress bar and status line, refreshed by the page's script.
pub(super) fn progress_markup(lang: Lang, here: &str, percent: u32, text: &str) -> Markup {
    html! {
        div.progress data-status={ (here) "/stand" } {
            label for="voortgang" { (t(lang, "paper-progress-label")) }
            progress #voortgang max="100" value=(percent) { (percent) "%" }
            p #voortgang-tekst { (text) }
            p.visually-hidden #voortgang-melding role="status" aria-live="polite" {}
        }
        p { (t(lang, "paper-progress-leave")) }
        p { a.tap href=(here) { (t(lang, "paper-progress-refresh")) } }
        script src="/static/voortgang.js" defer {}
    }
}

/// The text key of a rule: what it means, in every language.
pub fn rule_key(rule: Rule) -> &'static str {
    match rule {
        Rule::NoFormNumber => "paper-rule-no-form-number",
        Rule::OtherWave => "paper-rule-other-wave",
        Rule::OtherVersion => "paper-rule-other-version",
        Rule::OmrEmpty => "paper-rule-omr-empty",
        Rule::OmrInvalid => "paper-rule-omr-invalid",
        Rule::OmrUnrecognised => "paper-rule-omr-unrecognised",
        Rule::OmrUnverified => "paper-rule-omr-unverified",
        Rule::OmrReview => "paper-rule-omr-review",
        Rule::DoubleMark => "paper-rule-double-mark",
        Rule::OutOfRange => "paper-rule-out-of-range",
        Rule::NotABox => "paper-rule-not-a-box",
        Rule::TextNotTranscribed => "paper-rule-text-not-transcribed",
        Rule::InvalidAnswer => "paper-rule-invalid-answer",
        Rule::NotApplicable => "paper-rule-not-applicable",
        Rule::DuplicateInFile => "paper-rule-duplicate-in-file",
        Rule::AlreadyImported => "paper-rule-already-imported",
        Rule::LineTooLong => "paper-rule-line-too-long",
        Rule::UnknownColumn => "paper-rule-unknown-column",
    }
}

/// The text key of an action.
pub fn action_key(action: Action) -> &'static str {
    match action {
        Action::Imported => "paper-action-imported",
        Action::ItemLeftEmpty => "paper-action-item-left-empty",
        Action::Quarantined => "paper-action-quarantined",
        Action::SkippedDuplicate => "paper-action-skipped-duplicate",
        Action::SkippedEmpty => "paper-action-skipped-empty",
        Action::SkippedTooLong => "paper-action-skipped-too-long",
        Action::ColumnNotRead => "paper-action-column-not-read",
    }
}

/// A rule from its code in the report file.
fn rule_of(code: &str) -> Option<Rule> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
}

/// A validation report: its counts, the download, and the first findings of `text` (the stored
/// CSV). `base` is the wave's paper page. `now`: how many of the sheets this upload left for the
/// clerk still wait (when known), so the page follows the clerk's work.
pub(super) fn report_markup(
    lang: Lang,
    base: &str,
    report_id: i64,
    file: &str,
    s: &Summary,
    now: Option<u64>,
    text: &str,
) -> Markup {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .filter_map(Result::ok)
        .take(SHOWN_FINDINGS)
        .collect();
    // A check stores nothing by design; otherwise nothing stored means all-or-nothing refused it.
    let refused = !s.dry_run && !s.written && (s.quarantined > 0 || s.too_long > 0);
    // "No findings, all in order" is not true of scans with sheets or pages left for the clerk.
    let waiting = |x: &crate::surveys::paper::omr::read::ScanSummary| now.unwrap_or(x.pending);
    let scan_waits = s
        .scan
        .as_ref()
        .is_some_and(|x| waiting(x) > 0 || !x.problems.is_empty());
    // The stored report is the CSV file as downloaded: cells are read back as they were before the
    // spreadsheet guard, and long values are shortened on screen.
    let cell = |r: &csv::StringRecord, i: usize| {
        crate::csv_safe::restore(r.get(i).unwrap_or("")).to_string()
    };
    html! {
        @if s.dry_run { p.notice.dry-run role="status" { strong { (t(lang, "paper-report-dry-run")) } } }
        @if let Some(scan) = &s.scan {
            p.scans { (t_nums(lang, "paper-report-scans", &[
                ("pages", scan.pages as i64), ("forms", scan.forms as i64),
                ("settled", scan.settled as i64), ("pending", waiting(scan) as i64)], &[])) }
            @if scan.pending > waiting(scan) {
                p.scans-checked { (t_count(lang, "paper-report-scans-checked", (scan.pending - waiting(scan)) as i64)) }
            }
            @if scan.already > 0 {
                p.scans-already { (t_count(lang, "paper-report-scans-already", scan.already as i64)) }
            }
            @if scan.blank > 0 {
                p.scans-blank { (t_count(lang, "paper-report-scans-blank", scan.blank as i64)) }
            }
            @if waiting(scan) > 0 {
                p { a.tap href={ (base) "/controle" } { (t(lang, "paper-verify-link")) } }
            }
            @if !scan.problems.is_empty() {
                p { (t(lang, "paper-report-scans-problems")) }
                ul { @for problem in scan.problems.iter().take(SHOWN_PROBLEMS) { li lang="nl" { (paging::short_text(lang, problem, paging::SHOWN_CHARS)) } } }
            }
        }
        // A scan run counts file rows only for the clear sheets it sent through the import.
        @if s.scan.is_none() || s.rows > 0 {
        p.lead { (t_nums(lang, "paper-report-summary", &[
            ("rows", s.rows as i64), ("imported", s.imported as i64),
            ("quarantined", s.quarantined as i64), ("duplicates", s.duplicates as i64),
            ("empty", s.empty as i64)], &[])) }
        }
        @if s.not_stored > 0 {
            p { (t_args(lang, "paper-report-not-stored", &[("kept", &(s.findings - s.not_stored).to_string()), ("total", &s.findings.to_string())])) }
        }
        @if s.too_long > 0 { p { (t_count(lang, "paper-report-too-long", s.too_long as i64)) } }
        @if refused { p { (t(lang, "paper-report-refused")) } }
        (crate::web::download::form(lang, "verslag", &[(format!("{base}/verslag/{}/csv", report_id), t(lang, "paper-report-download"))]))
        @if rows.is_empty() {
            @if !scan_waits { p { (t(lang, "paper-report-none")) } }
        } @else {
            @if (s.findings as usize) > rows.len() {
                p { (t_args(lang, "paper-report-more", &[("shown", &rows.len().to_string()), ("total", &s.findings.to_string())])) }
            }
            table {
                caption.visually-hidden { (t_args(lang, "paper-report-title", &[("file", file)])) }
                thead { tr {
                    th scope="col" { (t(lang, "paper-col-row")) }
                    th scope="col" { (t(lang, "paper-col-form")) }
                    th scope="col" { (t(lang, "paper-col-column")) }
                    th scope="col" { (t(lang, "paper-col-problem")) }
                    th scope="col" { (t(lang, "paper-col-value")) }
                    th scope="col" { (t(lang, "paper-col-action")) }
                } }
                tbody {
                    @for r in &rows {
                        tr {
                            td { (cell(r, 0)) }
                            td { (paging::short_text(lang, &cell(r, 1), 40)) }
                            td { (paging::short_text(lang, &cell(r, 2), 40)) }
                            td {
                                @if let Some(rule) = rule_of(&cell(r, 3)) { (t(lang, rule_key(rule))) " – " }
                                span lang="nl" { (paging::short_text(lang, &cell(r, 4), paging::SHOWN_CHARS)) }
                            }
                            td { (paging::short_text(lang, &cell(r, 5), paging::SHOWN_CHARS)) }
                            td {
                                @match import::action_of(&cell(r, 6)) {
                                    Some(a) => (t(lang, action_key(a))),
                                    None => span lang="nl" { (paging::short_text(lang, &cell(r, 6), 40)) },
                                }
                            }
                        }
                    }
                }
            }
        }
        p { a.tap href=(base) { (t(lang, "paper-upload-back")) } }
    }
}
