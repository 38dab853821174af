//! A scanned page whose QR code could not be read, read once the clerk has said which form and
//! page it is.
//!
//! The reader finds a page by its QR code and then fits it to its corner marks
//! ([`crate::surveys::paper::omr::read::read_page`]). For a page whose code is damaged, this file
//! finds the four corner marks itself (the darkest mark-sized square near each corner of the
//! scan), tells which way up the page lies from where the ink of the damaged code is, and prints
//! a fresh code with the identity the clerk typed on a copy of the scan, in the code's own place.
//! The page then goes through the reader unchanged: the same fit, the same fill measures, the
//! same doubts for the clerk. Nothing here decides about a box.

use std::sync::Arc;

use crate::surveys::paper::form_pdf::qr_text;
use crate::surveys::paper::layout::{FormLayout, Stored};
use crate::surveys::paper::omr::align::Affine;
use crate::surveys::paper::omr::decode::Gray;
use crate::surveys::paper::omr::read::read_page;
use crate::surveys::paper::omr::PageRead;

/// Samples per millimetre when looking for the corner marks.
const LOOK_PER_MM: f64 = 2.0;
/// How far from a corner of the scan a corner mark is looked for, in millimetres.
const CORNER_MM: f64 = 40.0;

/// Who the clerk says the page is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The wave.
    pub wave_id: i64,
    /// Form number as printed.
    pub form: String,
    /// Page of the form, from 1.
    pub page: u32,
}

/// Reads `page` (a scan without a readable QR code) as `who`, with the stored layout `stored`.
/// `None` when the four corner marks cannot be found on the scan.
pub fn read_as(
    page: &Gray,
    scan_index: u64,
    who: &Identity,
    stored: Arc<Stored>,
) -> Option<PageRead> {
    let marks = corner_marks(page)?;
    let to_scan = oriented(page, &stored.layout, &marks)?;
    let text = qr_text(
        who.wave_id,
        &who.form,
        who.page,
        stored.version_id,
        crate::web::i18n::Lang::from_code(&stored.lang).unwrap_or(crate::web::i18n::Lang::Nl),
        stored.id,
    );
    let painted = with_code(page, &stored.layout, &to_scan, &text)?;
    let id = stored.id;
    Some(read_page(&painted, scan_index, who.wave_id, &mut |asked| {
        (asked == id).then(|| stored.clone())
    }))
}

/// The scan's pixels per millimetre if it shows an A4 page either way up.
fn px_per_mm(page: &Gray) -> f64 {
    page.width.max(page.height) as f64 / 297.0
}

/// The centre of the darkest square of a corner mark's size near each corner of the scan: top
/// left, top right, bottom right, bottom left (of the scan, whichever way the page lies).
fn corner_marks(page: &Gray) -> Option<[(f64, f64); 4]> {
    let s = px_per_mm(page);
    let step = (s / LOOK_PER_MM).max(1.0);
    let (gw, gh) = (
        (page.width as f64 / step) as usize,
        (page.height as f64 / step) as usize,
    );
    if gw < 40 || gh < 40 {
        return None;
    }
    // Darkness on a coarse grid, summed (an integral image) for quick squares.
    let mut sum = vec![0u64; (gw + 1) * (gh + 1)];
    for y in 0..gh {
        let mut row = 0u64;
        for x in 0..gw {
            let v = page.get((x as f64 * step) as i64, (y as f64 * step) as i64);
            row += u64::from(255 - v);
            sum[(y + 1) * (gw + 1) + x + 1] = sum[y * (gw + 1) + x + 1] + row;
        }
    }
    let square = |x: usize, y: usize, n: usize| -> u64 {
        let at = |x: usize, y: usize| sum[y * (gw + 1) + x];
        at(x + n, y + n) + at(x, y) - at(x + n, y) - at(x, y + n)
    };
    let n = (6.0 * LOOK_PER_MM) as usize;
    let reach = ((CORNER_MM * LOOK_PER_MM) as usize).min(gw / 2).min(gh / 2);
    let mut out = [(0.0, 0.0); 4];
    for (i, (right, bottom)) in [(false, false), (true, false), (true, true), (false, true)]
        .into_iter()
        .enumerate()
    {
        let xs = if right {
            gw - reach..gw - n
        } else {
            0..reach - n
        };
        let ys = if bottom {
            gh - reach..gh - n
        } else {
            0..reach - n
        };
        let mut best = (0u64, 0usize, 0usize);
        for y in ys {
            for x in xs.clone() {
                let d = square(x, y, n);
                if d > best.0 {
                    best = (d, x, y);
                }
            }
        }
        // A mark is nearly all black: at least half of the square's darkness.
        if best.0 < (n * n) as u64 * 128 {
            return None;
        }
        let c = |g: usize| (g as f64 + n as f64 / 2.0) * step;
        out[i] = (c(best.1), c(best.2));
    }
    Some(out)
}

/// The map from the layout (mm) to the scan (px) for the way up the page lies: of the four
/// quarter turns that fit the marks, the one that puts the most ink where the QR code is printed
/// (a damaged code still leaves its ink); upright when no code is left at all.
fn oriented(page: &Gray, l: &FormLayout, marks: &[(f64, f64); 4]) -> Option<Affine> {
    let from: Vec<(f64, f64)> = l
        .corners
        .iter()
        .map(|(x, y)| (*x as f64, *y as f64))
        .collect();
    let paper = paper_level(page);
    let mut best: Option<(f64, Affine)> = None;
    for turn in 0..4 {
        let to: Vec<(f64, f64)> = (0..4).map(|i| marks[(i + turn) % 4]).collect();
        let Some(map) = Affine::similarity(&from, &to) else {
            continue;
        };
        // The marks must lie where this turn puts them (within 5 mm).
        let s = map.px_per_mm();
        let fits = from.iter().zip(&to).all(|(f, t)| {
            let (x, y) = map.apply(f.0, f.1);
            ((x - t.0).powi(2) + (y - t.1).powi(2)).sqrt() < 5.0 * s
        });
        if !fits {
            continue;
        }
        let ink = ink_share(page, &map, l, paper) + if turn == 0 { 0.01 } else { 0.0 };
        if best.as_ref().is_none_or(|(b, _)| ink > *b) {
            best = Some((ink, map));
        }
    }
    best.map(|(_, m)| m)
}

/// The grey of the paper: the level most of the page is lighter than or equal to.
fn paper_level(page: &Gray) -> u8 {
    let mut hist = [0u32; 256];
    // Every seventh pixel is plenty for a histogram of a whole page.
    for v in page.pixels.iter().step_by(7) {
        hist[*v as usize] += 1;
    }
    let total: u32 = hist.iter().sum();
    let mut seen = 0;
    for (v, n) in hist.iter().enumerate().rev() {
        seen += n;
        if seen * 2 >= total {
            return v as u8;
        }
    }
    255
}

/// Share of the QR code's square that is ink, under `map`.
fn ink_share(page: &Gray, map: &Affine, l: &FormLayout, paper: u8) -> f64 {
    let q = l.qr;
    let (mut ink, mut all) = (0u32, 0u32);
    let cut = paper.saturating_sub(80);
    let steps = 44;
    for j in 0..steps {
        for i in 0..steps {
            let (x, y) = map.apply(
                (q.x + q.w * (i as f32 + 0.5) / steps as f32) as f64,
                (q.y + q.h * (j as f32 + 0.5) / steps as f32) as f64,
            );
            all += 1;
            if page.get(x.round() as i64, y.round() as i64) < cut {
                ink += 1;
            }
        }
    }
    f64::from(ink) / f64::from(all.max(1))
}

/// A copy of the scan with a fresh QR code saying `text` in the code's place (quiet zone
/// included), drawn as the PDF form draws it.
fn with_code(page: &Gray, l: &FormLayout, map: &Affine, text: &str) -> Option<Gray> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let n = code.width();
    let q = l.qr;
    let module = q.w as f64 / (n as f64 + 4.0);
    // From the scan back to the layout, for every pixel of the code's square.
    let corners_mm = [
        (q.x as f64, q.y as f64),
        ((q.x + q.w) as f64, q.y as f64),
        ((q.x + q.w) as f64, (q.y + q.h) as f64),
        (q.x as f64, (q.y + q.h) as f64),
    ];
    let corners_px: Vec<(f64, f64)> = corners_mm.iter().map(|(x, y)| map.apply(*x, *y)).collect();
    let back = Affine::fit(&corners_px, &corners_mm)?;
    let (x0, x1) = span(corners_px.iter().map(|c| c.0), page.width);
    let (y0, y1) = span(corners_px.iter().map(|c| c.1), page.height);
    let paper = paper_level(page);
    let mut out = Gray {
        width: page.width,
        height: page.height,
        pixels: page.pixels.clone(),
    };
    for y in y0..y1 {
        for x in x0..x1 {
            let (u, v) = back.apply(x as f64 + 0.5, y as f64 + 0.5);
            let (mx, my) = (
                (u - q.x as f64) / module - 2.0,
                (v - q.y as f64) / module - 2.0,
            );
            let inside = u >= q.x as f64
                && u < (q.x + q.w) as f64
                && v >= q.y as f64
                && v < (q.y + q.h) as f64;
            if !inside {
                continue;
            }
            let dark = mx >= 0.0
                && my >= 0.0
                && (mx as usize) < n
                && (my as usize) < n
                && code[(mx as usize, my as usize)] == qrcode::Color::Dark;
            out.pixels[y as usize * page.width as usize + x as usize] =
                if dark { 0 } else { paper };
        }
    }
    Some(out)
}

/// The whole pixels from the least to the greatest of `v`, within `0..limit`.
fn span(v: impl Iterator<Item = f64> + Clone, limit: u32) -> (u32, u32) {
    let lo = v.clone().fold(f64::MAX, f64::min).floor().max(0.0) as u32;
    let hi = v.fold(f64::MIN, f64::max).ceil().max(0.0) as u32;
    (lo.min(limit), (hi + 1).min(limit))
}

/// The form number the clerk typed, as printed (`R{wave}-000127`): the whole number, or only
/// its digits. `None` unless it is a number of wave `wave_id` from 1 to 999999 (what the forms
/// page prints).
pub fn parse_form(typed: &str, wave_id: i64) -> Option<String> {
    let t = typed.trim().to_uppercase();
    let digits = match t.strip_prefix(&format!("R{wave_id}-")) {
        Some(rest) => rest.to_string(),
        None => t,
    };
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    (1..=999_999)
        .contains(&n)
        .then(|| crate::surveys::paper::sheet::form_number(wave_id, n))
}

/// The page number the clerk typed, when it is a page of a form of `pages` pages.
pub fn parse_page(typed: &str, pages: usize) -> Option<u32> {
    let n: u32 = typed.trim().parse().ok()?;
    (n >= 1 && n as usize <= pages).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_form_number_is_one_of_this_wave_in_the_printed_range() {
        assert_eq!(parse_form("R3-000127", 3).as_deref(), Some("R3-000127"));
        assert_eq!(parse_form(" r3-127 ", 3).as_deref(), Some("R3-000127"));
        assert_eq!(parse_form("127", 3).as_deref(), Some("R3-000127"));
        assert_eq!(parse_form("R4-000127", 3), None, "another wave");
        assert_eq!(parse_form("0", 3), None);
        assert_eq!(parse_form("1000000", 3), None);
        assert_eq!(parse_form("12a", 3), None);
        assert_eq!(parse_form("", 3), None);
        assert_eq!(parse_page("2", 4), Some(2));
        assert_eq!(parse_page("0", 4), None);
        assert_eq!(parse_page("5", 4), None);
        assert_eq!(parse_page("twee", 4), None);
    }
}
