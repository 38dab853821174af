//! Reading scans: page by page (identify, align, measure, cut out), then the pages of each form
//! put together into a [`SheetRead`], and the clear sheets settled through the import pipeline
//! while the others wait for a clerk.
//!
//! Memory stays bounded whatever the number of pages: pages are decoded and read one at a time
//! (two at once, one per core), and a page's read (boxes, small PNG cut-outs) is written to a
//! temporary spool file at once ([`Spool`]); only an index of form numbers and file offsets stays
//! in memory until the forms are put together.

use std::sync::Arc;

use super::align::{self, AlignError};
use super::decode::{self, DecodeError, Gray};
use super::doubt;
use super::measure::{self, Fill, Levels, VERIFY_BELOW};
use super::remnant;
pub use super::spool::{assemble, Spool};
use super::{BoxRead, FieldCut, Fit, Mark, PageId, PageProblem, PageRead};
use crate::surveys::paper::form_pdf::parse_qr;
use crate::surveys::paper::layout::{FormLayout, RectMm, Stored};

/// Looks up a stored layout by the id in a QR code.
pub type Layouts<'a> = dyn FnMut(i64) -> Option<Arc<Stored>> + 'a;

/// The inside of a box starts this far (mm) within its printed outline: clear of the outline's
/// line, its blur and the ringing of JPEG compression around it.
const INSET: f32 = 1.0;
/// Resolution of cut-outs of boxes, in pixels per millimetre (about 200 dpi).
const BOX_CUT_PX: f32 = 8.0;
/// Resolution of cut-outs of text fields (about 150 dpi).
const FIELD_CUT_PX: f32 = 6.0;

/// Reads one page. `layout` gives the stored layout for the id in the page's QR code.
pub fn read_page(
    page: &Gray,
    scan_index: u64,
    wave_id: i64,
    layout: &mut dyn FnMut(i64) -> Option<Arc<Stored>>,
) -> PageRead {
    let mut out = PageRead {
        scan_index,
        id: None,
        fit: None,
        problem: None,
        boxes: vec![],
        fields: vec![],
        thumbnail_png: None,
    };
    let fail = |mut out: PageRead, problem: PageProblem| {
        out.problem = Some(problem);
        out.thumbnail_png = Some(thumbnail(page));
        out
    };
    let Some(qr) = align::find_qr(page) else {
        if is_blank(page) {
            out.problem = Some(PageProblem::Blank);
            return out;
        }
        return fail(out, PageProblem::NoQr);
    };
    let Some((wave, form, page_no, version_id, lang, layout_id)) = parse_qr(&qr.text) else {
        return fail(out, PageProblem::NoQr);
    };
    out.id = Some(PageId {
        wave_id: wave,
        form,
        page: page_no,
        version_id,
        lang: lang.clone(),
        layout_id,
    });
    if wave != wave_id {
        return fail(out, PageProblem::OtherWave(wave));
    }
    let Some(stored) = layout(layout_id).filter(|s| s.version_id == version_id && s.lang == lang)
    else {
        return fail(out, PageProblem::NoLayout(format!("{version_id}/{lang}")));
    };
    let l = &stored.layout;
    let Some(spots) = l.page(page_no) else {
        return fail(out, PageProblem::NoSuchPage(page_no));
    };
    let fitted = match align::fit(page, l, &qr) {
        Ok(f) => f,
        Err(AlignError::NoMark(n)) => {
            return fail(
                out,
                PageProblem::NotAligned(format!("hoekmarkering {} niet gevonden", n + 1)),
            )
        }
        Err(AlignError::BadFit(mm)) => {
            return fail(
                out,
                PageProblem::NotAligned(format!("hoekmarkeringen wijken {mm:.1} mm af")),
            )
        }
    };
    let (map, miss) = (fitted.map, fitted.miss_mm);
    let dpi = map.px_per_mm() * 25.4;
    let nominal = [150.0, 200.0, 240.0, 300.0, 400.0, 600.0]
        .into_iter()
        .min_by(|a, b| (a - dpi).abs().total_cmp(&(b - dpi).abs()))
        .unwrap_or(dpi);
    out.fit = Some(Fit {
        rotation_deg: map.rotation_deg() as f32,
        scale: (dpi / nominal) as f32,
        residual_mm: miss as f32,
        dpi: dpi as f32,
    });
    let levels = Levels {
        black: mark_black(page, &map, l, fitted.used),
    };
    let fills = box_fills(page, &map, l, page_no, levels);
    let mut reads: Vec<(Mark, f32)> = fills.iter().map(|f| measure::classify(*f)).collect();
    let items: Vec<&str> = spots.boxes.iter().map(|b| b.item.as_str()).collect();
    remnant::propose(&mut reads, &items, &fills);
    doubt::struck_rows(&mut reads, &items, &fills);
    for ((spot, fill), (mark, confidence)) in spots.boxes.iter().zip(&fills).zip(reads) {
        let needs = confidence < VERIFY_BELOW;
        out.boxes.push(BoxRead {
            item: spot.item.clone(),
            value: spot.value.clone(),
            mark,
            confidence,
            ink: fill.ink,
            needs_verification: needs,
            // A box read as marked may still go to the clerk when the sheet is put together
            // (two answers to a one-answer question), so it gets its cut-out too.
            cutout_png: (needs || mark != Mark::Empty)
                .then(|| cutout(page, &map, spot.rect, 3.0, BOX_CUT_PX)),
        });
    }
    for spot in &spots.fields {
        let r = spot.rect;
        let inner = RectMm {
            x: r.x + 1.0,
            y: r.y + 1.0,
            w: r.w - 2.0,
            h: r.h - 2.0,
        };
        let ink = field_ink(page, &map, inner, levels);
        out.fields.push(FieldCut {
            item: spot.item.clone(),
            kind: spot.kind,
            written: ink > 0.004,
            ink,
            png: cutout(page, &map, r, 1.5, FIELD_CUT_PX),
        });
    }
    out
}

/// Every box of page `page_no` measured, less what the page's empty boxes show.
fn box_fills(
    page: &Gray,
    map: &align::Affine,
    l: &FormLayout,
    page_no: u32,
    levels: Levels,
) -> Vec<Fill> {
    let Some(spots) = l.page(page_no) else {
        return vec![];
    };
    let fills: Vec<Fill> = spots
        .boxes
        .iter()
        .map(|spot| measure::measure(page, map, spot.rect, INSET, levels))
        .collect();
    let base = measure::baseline(&fills);
    fills.into_iter().map(|f| f.less_baseline(base)).collect()
}

/// The fill measures of a page's boxes as [`read_page`] takes them, in layout order, for the
/// accuracy benchmark's analysis; `None` when the page cannot be found or fitted.
pub fn page_fills(page: &Gray, l: &FormLayout) -> Option<Vec<Fill>> {
    let qr = align::find_qr(page)?;
    let (_, _, page_no, _, _, _) = parse_qr(&qr.text)?;
    let fitted = align::fit(page, l, &qr).ok()?;
    let levels = Levels {
        black: mark_black(page, &fitted.map, l, fitted.used),
    };
    Some(box_fills(page, &fitted.map, l, page_no, levels))
}

fn cutout(page: &Gray, map: &align::Affine, r: RectMm, margin: f32, px: f32) -> Vec<u8> {
    measure::cutout_png(
        page,
        map,
        RectMm {
            x: r.x - margin,
            y: r.y - margin,
            w: r.w + 2.0 * margin,
            h: r.h + 2.0 * margin,
        },
        px,
    )
}

/// The printed black, from the inside of the corner marks that were found (a mark beyond the
/// edge of the scan would read as paper).
fn mark_black(page: &Gray, map: &align::Affine, l: &FormLayout, used: [bool; 4]) -> f32 {
    let side = l.corner_side;
    let mut v = vec![];
    for (cx, cy) in l
        .corners
        .iter()
        .zip(used)
        .filter(|(_, u)| *u)
        .map(|(c, _)| *c)
    {
        for j in -2..=2 {
            for i in -2..=2 {
                let (x, y) = map.apply(
                    (cx + i as f32 * side / 8.0) as f64,
                    (cy + j as f32 * side / 8.0) as f64,
                );
                v.push(page.get(x.round() as i64, y.round() as i64));
            }
        }
    }
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or(0) as f32
}

/// Share of a text field with writing in it (samples every half millimetre).
fn field_ink(page: &Gray, map: &align::Affine, r: RectMm, levels: Levels) -> f32 {
    let (nx, ny) = ((r.w * 2.0) as usize, (r.h * 2.0) as usize);
    if nx == 0 || ny == 0 {
        return 0.0;
    }
    let mut values = Vec::with_capacity(nx * ny);
    for j in 0..ny {
        for i in 0..nx {
            let (x, y) = map.apply(
                (r.x + (i as f32 + 0.5) / 2.0) as f64,
                (r.y + (j as f32 + 0.5) / 2.0) as f64,
            );
            values.push(page.get(x.round() as i64, y.round() as i64));
        }
    }
    let mut sorted = values.clone();
    sorted.sort_unstable();
    let white = sorted[sorted.len() * 3 / 4] as f32;
    let cut = levels.black + (white - levels.black) * 0.5;
    values.iter().filter(|v| (**v as f32) < cut).count() as f32 / values.len() as f32
}

/// Darker than the paper by this much counts as ink when telling a blank page.
const BLANK_INK_STEP: u8 = 80;
/// A page with less than this share of ink is blank (a printed form page has several per cent:
/// corner marks, QR code, text; dust and show-through stay far below).
const BLANK_INK_SHARE: f32 = 0.0005;

/// Whether a page has nothing on it: the empty back side of a sheet in a duplex scan. Samples
/// about 1,000 points across the page's width (every pixel at 100 dpi, every sixth at 600).
fn is_blank(page: &Gray) -> bool {
    let step = (page.width / 1000).max(1) as usize;
    let (w, h) = (page.width as usize, page.height as usize);
    let mut samples = Vec::with_capacity((w / step + 1) * (h / step + 1));
    for y in (0..h).step_by(step) {
        for x in (0..w).step_by(step) {
            samples.push(page.pixels.get(y * w + x).copied().unwrap_or(255));
        }
    }
    if samples.is_empty() {
        return false;
    }
    let mut sorted = samples.clone();
    sorted.sort_unstable();
    let paper = sorted[sorted.len() / 2];
    let ink = samples
        .iter()
        .filter(|v| paper.saturating_sub(**v) > BLANK_INK_STEP)
        .count();
    (ink as f32) < BLANK_INK_SHARE * samples.len() as f32
}

/// A small picture of a whole page (about 25 dpi), for a page that could not be read.
fn thumbnail(page: &Gray) -> Vec<u8> {
    let step = (page.width.max(page.height) / 300).max(1);
    let (w, h) = (page.width / step, page.height / step);
    let mut px = Vec::with_capacity((w * h) as usize);
    for y in 0..h {
        for x in 0..w {
            px.push(page.get((x * step) as i64, (y * step) as i64));
        }
    }
    measure::png(&px, w, h)
}

/// What a scan run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ScanSummary {
    /// Pages read from the files.
    pub pages: u64,
    /// Pages that could not be read at all (damaged, too large); each has a line in `problems`.
    pub unreadable: u64,
    /// Forms found.
    pub forms: u64,
    /// Forms settled without a clerk (clear) and sent through the import.
    pub settled: u64,
    /// Forms and loose pages put aside for the clerk.
    pub pending: u64,
    /// Forms with doubts that were imported before (not put aside again).
    #[serde(default)]
    pub already: u64,
    /// Blank pages (the empty back sides of a duplex scan): skipped, not put aside.
    #[serde(default)]
    pub blank: u64,
    /// Boxes read.
    pub boxes: u64,
    /// Boxes sent to the clerk.
    pub doubtful_boxes: u64,
    /// Problems with files and pages, in plain Dutch.
    pub problems: Vec<String>,
}

/// Decodes and reads every page of `files`, two pages at a time (one per core), into `spool`.
/// Pages are numbered in the order of the files.
pub fn read_files(
    files: &[std::path::PathBuf],
    wave_id: i64,
    layouts: &(dyn Fn(i64) -> Option<Arc<Stored>> + Sync),
    spool: &mut Spool,
    summary: &mut ScanSummary,
) -> std::io::Result<()> {
    type Job = (u64, Result<Gray, DecodeError>, String);
    let (job_tx, job_rx) = std::sync::mpsc::sync_channel::<Job>(1);
    let job_rx = std::sync::Mutex::new(job_rx);
    std::thread::scope(|scope| -> std::io::Result<()> {
        let (out_tx, out_rx) = std::sync::mpsc::sync_channel::<(u64, Result<PageRead, String>)>(2);
        let workers = 2;
        for _ in 0..workers {
            let out_tx = out_tx.clone();
            let job_rx = &job_rx;
            scope.spawn(move || loop {
                let job = match job_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok((n, page, name)) = job else { return };
                let result = match page {
                    Ok(g) => Ok(read_page(&g, n, wave_id, &mut |id| layouts(id))),
                    Err(e) => Err(format!("{name}, pagina {n}: {e}")),
                };
                if out_tx.send((n, result)).is_err() {
                    return;
                }
            });
        }
        drop(out_tx);
        // The decoding thread feeds the workers, one page at a time.
        let files = files.to_vec();
        scope.spawn(move || {
            let mut n = 0u64;
            for path in &files {
                let name = path
                    .file_name()
                    .map(|f| f.to_string_lossy().to_string())
                    .unwrap_or_default();
                match decode::open(path) {
                    Ok(pages) => {
                        for page in pages {
                            n += 1;
                            if job_tx.send((n, page, name.clone())).is_err() {
                                return;
                            }
                        }
                    }
                    Err(e) => {
                        n += 1;
                        if job_tx.send((n, Err(e), name.clone())).is_err() {
                            return;
                        }
                    }
                }
            }
        });
        for (_, result) in out_rx {
            summary.pages += 1;
            match result {
                Ok(read) if matches!(read.problem, Some(PageProblem::Blank)) => {
                    summary.blank += 1;
                }
                Ok(read) => {
                    summary.boxes += read.boxes.len() as u64;
                    spool.push(&read)?;
                }
                Err(problem) => {
                    summary.unreadable += 1;
                    summary.problems.push(problem);
                }
            }
        }
        Ok(())
    })
}
