//! The report as files: open data (CSV, with its codebook), the standalone HTML document and the
//! tagged PDF. Used by the download routes and by `klankbord report`.

use maud::{html, PreEscaped};

use super::super::document;
use super::super::report::Report;
use super::views::report_markup;

/// The codebook of the open data as CSV (see [`crate::monitor::published`]).
pub fn open_data_codebook_csv() -> Vec<u8> {
    crate::monitor::published::codebook_csv()
}

/// [`open_data_codebook_csv`] in the chosen spreadsheet flavour.
pub fn open_data_codebook_csv_as(flavour: crate::csv_safe::Flavour) -> Vec<u8> {
    crate::monitor::published::codebook_csv_as(flavour)
}

/// Every published figure as CSV rows (see [`crate::monitor::published`]).
pub fn open_data_csv(r: &Report) -> Vec<u8> {
    crate::monitor::published::csv(r)
}

/// [`open_data_csv`] in the chosen spreadsheet flavour.
pub fn open_data_csv_as(r: &Report, flavour: crate::csv_safe::Flavour) -> Vec<u8> {
    crate::monitor::published::csv_as(r, flavour)
}

/// The title of the report as a document.
pub fn report_title(r: &Report, municipality: &str) -> String {
    format!("Rapportage bejegening {} – {municipality}", r.period.label)
}

/// The report as a tagged PDF.
pub fn report_pdf(
    r: &Report,
    municipality: &str,
) -> Result<Vec<u8>, crate::monitor::pdf::PdfError> {
    crate::monitor::pdf::render(
        &document::build(r),
        &report_title(r, municipality),
        r.made_on,
    )
}

/// The report as a file of its own: one HTML document with its styles inside, to read, print or
/// put on the municipality's website.
pub fn standalone_html(r: &Report, municipality: &str) -> String {
    let title = report_title(r, municipality);
    html! {
        (maud::DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STANDALONE_CSS)) }
            }
            body {
                main {
                    h1 { (title) }
                    (report_markup(r))
                }
            }
        }
    }
    .into_string()
}

/// Styles of the standalone report: readable type, tables with lines, print on A4.
const STANDALONE_CSS: &str = "body{font-family:system-ui,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;margin:0 auto;max-width:60rem;padding:1rem}\
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}\
caption{text-align:left;font-weight:bold}h2{margin-top:2rem;border-top:2px solid #01689b;padding-top:.5rem}figure{margin:1rem 0}\
.table-box{max-width:100%;overflow-x:auto;margin:1rem 0}.table-box table{margin:0}.late{color:#a4001d}svg{max-width:36rem;height:auto}.table-box caption{position:sticky;left:0;max-width:calc(100vw - 3rem)}p,li{overflow-wrap:anywhere}.table-box th{white-space:nowrap}.table-box td:first-child{min-width:10rem}\
@page{size:A4;margin:18mm}@media print{body{font-size:11pt}section{break-inside:avoid-page}}";
