//! Finding a page: its QR code (who it is and which way up it lies) and its four corner marks
//! (where exactly it lies). The QR code's corners give a first fit (rotation by any angle, scale,
//! shift); the corner marks, searched near where that fit puts them, give the exact one: an affine
//! map from the layout's millimetres to the scan's pixels, which corrects skew, scale (a copy at
//! 95%) and shift, and is checked against all four marks.

use super::decode::Gray;
use crate::surveys::paper::layout::{FormLayout, RectMm};

/// An affine map from layout millimetres to scan pixels: `px = a·x + b·y + c`, `py = d·x + e·y + f`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Affine {
    /// Coefficients `[a, b, c, d, e, f]`.
    pub m: [f64; 6],
}

impl Affine {
    /// Where a layout point lies in the scan.
    #[inline]
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.m;
        (a * x + b * y + c, d * x + e * y + f)
    }

    /// Pixels per millimetre (mean of both axes).
    pub fn px_per_mm(&self) -> f64 {
        let [a, b, _, d, e, _] = self.m;
        (a * e - b * d).abs().sqrt()
    }

    /// Rotation of the layout's x axis in the scan, in degrees.
    pub fn rotation_deg(&self) -> f64 {
        self.m[3].atan2(self.m[0]).to_degrees()
    }

    /// The similarity (rotation, one scale, shift) that best maps `from` onto `to`.
    pub fn similarity(from: &[(f64, f64)], to: &[(f64, f64)]) -> Option<Affine> {
        // px = p·x − q·y + tx; py = q·x + p·y + ty, least squares over the pairs.
        let n = from.len() as f64;
        if from.len() < 2 || from.len() != to.len() {
            return None;
        }
        let (mx, my) = mean(from);
        let (nx, ny) = mean(to);
        let (mut sxx, mut sp, mut sq) = (0.0, 0.0, 0.0);
        for ((x, y), (u, v)) in from.iter().zip(to) {
            let (x, y, u, v) = (x - mx, y - my, u - nx, v - ny);
            sxx += x * x + y * y;
            sp += x * u + y * v;
            sq += x * v - y * u;
        }
        if sxx <= 0.0 || n == 0.0 {
            return None;
        }
        let (p, q) = (sp / sxx, sq / sxx);
        Some(Affine {
            m: [p, -q, nx - p * mx + q * my, q, p, ny - q * mx - p * my],
        })
    }

    /// The affine map that best maps `from` onto `to` (at least three pairs).
    pub fn fit(from: &[(f64, f64)], to: &[(f64, f64)]) -> Option<Affine> {
        if from.len() < 3 || from.len() != to.len() {
            return None;
        }
        // Normal equations for [x y 1]·[a b c]ᵀ = u (and the same for v).
        let mut ata = [[0.0f64; 3]; 3];
        let mut atu = [0.0f64; 3];
        let mut atv = [0.0f64; 3];
        for ((x, y), (u, v)) in from.iter().zip(to) {
            let r = [*x, *y, 1.0];
            for i in 0..3 {
                for j in 0..3 {
                    ata[i][j] += r[i] * r[j];
                }
                atu[i] += r[i] * u;
                atv[i] += r[i] * v;
            }
        }
        let abc = solve3(ata, atu)?;
        let def = solve3(ata, atv)?;
        Some(Affine {
            m: [abc[0], abc[1], abc[2], def[0], def[1], def[2]],
        })
    }
}

fn mean(p: &[(f64, f64)]) -> (f64, f64) {
    let n = p.len().max(1) as f64;
    (
        p.iter().map(|a| a.0).sum::<f64>() / n,
        p.iter().map(|a| a.1).sum::<f64>() / n,
    )
}

fn solve3(a: [[f64; 3]; 3], b: [f64; 3]) -> Option<[f64; 3]> {
    let det = |m: [[f64; 3]; 3]| {
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    };
    let d = det(a);
    if d.abs() < 1e-12 {
        return None;
    }
    let mut out = [0.0; 3];
    for (i, o) in out.iter_mut().enumerate() {
        let mut m = a;
        for r in 0..3 {
            m[r][i] = b[r];
        }
        *o = det(m) / d;
    }
    Some(out)
}

/// A QR code found on a page: its text and its four corners in the scan (top-left, top-right,
/// bottom-right, bottom-left of the code itself, whichever way the page lies).
#[derive(Debug, Clone, PartialEq)]
pub struct QrFound {
    /// What it says.
    pub text: String,
    /// Its corners in scan pixels.
    pub corners: [(f64, f64); 4],
    /// Its number of modules a side.
    pub modules: usize,
}

/// Looks for a QR code of this product near the page's corners (where it lies however the page
/// was turned), on a copy brought down to about 150 dpi for speed.
pub fn find_qr(page: &Gray) -> Option<QrFound> {
    // The page's dots per millimetre if it is A4 either way up.
    let long = page.width.max(page.height) as f64;
    let dpmm = long / 297.0;
    let step = ((dpmm / 6.0).floor() as u32).max(1);
    let side = ((page.width.min(page.height) as f64) * 0.34) as u32;
    let (w, h) = (page.width, page.height);
    let regions = [
        (w.saturating_sub(side), 0),
        (0, h.saturating_sub(side)),
        (0, 0),
        (w.saturating_sub(side), h.saturating_sub(side)),
    ];
    for (x0, y0) in regions {
        if let Some(found) = qr_in(page, x0, y0, side, step) {
            return Some(found);
        }
    }
    // Last try: the whole page (a scan with wide margins or an odd size).
    qr_in(page, 0, 0, w.max(h), step)
}

fn qr_in(page: &Gray, x0: u32, y0: u32, side: u32, step: u32) -> Option<QrFound> {
    let w = (side.min(page.width - x0) / step) as usize;
    let h = (side.min(page.height - y0) / step) as usize;
    if w < 21 || h < 21 {
        return None;
    }
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        page.get((x0 + x as u32 * step) as i64, (y0 + y as u32 * step) as i64)
    });
    for grid in img.detect_grids() {
        let Ok((meta, text)) = grid.decode() else {
            continue;
        };
        if !text.starts_with("KB1/") {
            continue;
        }
        let to_page = |p: rqrr::Point| {
            (
                x0 as f64 + (p.x as f64 + 0.5) * step as f64,
                y0 as f64 + (p.y as f64 + 0.5) * step as f64,
            )
        };
        let b = grid.bounds;
        return Some(QrFound {
            text,
            corners: [to_page(b[0]), to_page(b[1]), to_page(b[2]), to_page(b[3])],
            modules: 17 + 4 * meta.version.0,
        });
    }
    None
}

/// The code area of the layout's QR (inside its quiet zone) as four layout points.
pub fn qr_corners_mm(qr: RectMm, modules: usize) -> [(f64, f64); 4] {
    let module = qr.w as f64 / (modules as f64 + 4.0);
    let (x, y) = (qr.x as f64 + 2.0 * module, qr.y as f64 + 2.0 * module);
    let s = module * modules as f64;
    [(x, y), (x + s, y), (x + s, y + s), (x, y + s)]
}

/// Why a page could not be fitted.
#[derive(Debug, Clone, PartialEq)]
pub enum AlignError {
    /// A corner mark was not found (which one: 0 top-left … 3 bottom-left).
    NoMark(usize),
    /// The marks do not lie as the layout says (largest miss in mm).
    BadFit(f64),
}

/// Fits the page to the layout: from the QR code's corners, then from the four corner marks.
/// Returns the map and the largest miss of a mark in millimetres.
pub fn fit(page: &Gray, layout: &FormLayout, qr: &QrFound) -> Result<(Affine, f64), AlignError> {
    let from = qr_corners_mm(layout.qr, qr.modules);
    let first = Affine::similarity(&from, &qr.corners).ok_or(AlignError::BadFit(f64::MAX))?;
    let scale = first.px_per_mm();
    let side = layout.corner_side as f64 * scale;
    let from: Vec<(f64, f64)> = layout
        .corners
        .iter()
        .map(|(x, y)| (*x as f64, *y as f64))
        .collect();
    // First where the QR code's fit puts them; a mark far from the QR code may be missed when
    // that fit is a little off, so then the three marks found predict the fourth.
    let mut found: Vec<Option<(f64, f64)>> = from
        .iter()
        .map(|(x, y)| find_mark(page, first.apply(*x, *y), side, 11.0 * scale))
        .collect();
    let have: Vec<usize> = (0..4).filter(|i| found[*i].is_some()).collect();
    if have.len() == 3 {
        let f: Vec<(f64, f64)> = have.iter().map(|i| from[*i]).collect();
        let t: Vec<(f64, f64)> = have.iter().filter_map(|i| found[*i]).collect();
        if let Some(better) = Affine::fit(&f, &t) {
            for i in 0..4 {
                if found[i].is_none() {
                    let at = better.apply(from[i].0, from[i].1);
                    found[i] = find_mark(page, at, side, 6.0 * scale);
                }
            }
        }
    }
    let mut marks = vec![];
    for (n, m) in found.into_iter().enumerate() {
        marks.push(m.ok_or(AlignError::NoMark(n))?);
    }
    let map = Affine::fit(&from, &marks).ok_or(AlignError::BadFit(f64::MAX))?;
    let scale = map.px_per_mm().max(1e-6);
    let miss = from
        .iter()
        .zip(&marks)
        .map(|((x, y), (u, v))| {
            let (px, py) = map.apply(*x, *y);
            ((px - u).powi(2) + (py - v).powi(2)).sqrt() / scale
        })
        .fold(0.0, f64::max);
    if miss > 1.2 {
        return Err(AlignError::BadFit(miss));
    }
    Ok((map, miss))
}

/// The centre of the filled square of side `side` px nearest to `at`, searched within `radius`.
fn find_mark(page: &Gray, at: (f64, f64), side: f64, radius: f64) -> Option<(f64, f64)> {
    let x0 = (at.0 - radius).floor().max(0.0) as i64;
    let y0 = (at.1 - radius).floor().max(0.0) as i64;
    let x1 = ((at.0 + radius).ceil() as i64).min(page.width as i64 - 1);
    let y1 = ((at.1 + radius).ceil() as i64).min(page.height as i64 - 1);
    if x1 <= x0 || y1 <= y0 {
        return None;
    }
    let (w, h) = ((x1 - x0 + 1) as usize, (y1 - y0 + 1) as usize);
    let mut seen = vec![false; w * h];
    let dark = |x: usize, y: usize| page.get(x0 + x as i64, y0 + y as i64) < 128;
    let area_want = side * side;
    let mut best: Option<(f64, (f64, f64))> = None;
    let mut stack = vec![];
    for sy in 0..h {
        for sx in 0..w {
            if seen[sy * w + sx] || !dark(sx, sy) {
                continue;
            }
            // One dark component, by flood fill.
            let (mut n, mut sumx, mut sumy) = (0f64, 0f64, 0f64);
            let (mut minx, mut maxx, mut miny, mut maxy) = (sx, sx, sy, sy);
            seen[sy * w + sx] = true;
            stack.push((sx, sy));
            while let Some((x, y)) = stack.pop() {
                n += 1.0;
                sumx += x as f64;
                sumy += y as f64;
                minx = minx.min(x);
                maxx = maxx.max(x);
                miny = miny.min(y);
                maxy = maxy.max(y);
                let mut push = |nx: usize, ny: usize| {
                    if !seen[ny * w + nx] && dark(nx, ny) {
                        seen[ny * w + nx] = true;
                        stack.push((nx, ny));
                    }
                };
                if x > 0 {
                    push(x - 1, y);
                }
                if x + 1 < w {
                    push(x + 1, y);
                }
                if y > 0 {
                    push(x, y - 1);
                }
                if y + 1 < h {
                    push(x, y + 1);
                }
            }
            let bw = (maxx - minx + 1) as f64;
            let bh = (maxy - miny + 1) as f64;
            let square = n > 0.45 * area_want
                && n < 1.8 * area_want
                && bw > 0.6 * side
                && bw < 1.6 * side
                && bh > 0.6 * side
                && bh < 1.6 * side;
            if !square {
                continue;
            }
            let c = (x0 as f64 + sumx / n + 0.5, y0 as f64 + sumy / n + 0.5);
            let d = (c.0 - at.0).powi(2) + (c.1 - at.1).powi(2);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, c));
            }
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fit_recovers_rotation_scale_and_shift() {
        let truth = Affine {
            m: [
                7.5 * 0.03f64.cos(),
                -7.5 * 0.03f64.sin(),
                40.0,
                7.5 * 0.03f64.sin(),
                7.5 * 0.03f64.cos(),
                -12.0,
            ],
        };
        let from = [(12.0, 12.0), (198.0, 12.0), (198.0, 285.0), (12.0, 285.0)];
        let to: Vec<_> = from.iter().map(|(x, y)| truth.apply(*x, *y)).collect();
        for map in [
            Affine::fit(&from, &to).unwrap(),
            Affine::similarity(&from, &to).unwrap(),
        ] {
            for (a, b) in map.m.iter().zip(truth.m) {
                assert!((a - b).abs() < 1e-6, "{map:?}");
            }
            assert!((map.rotation_deg() - 0.03f64.to_degrees()).abs() < 1e-6);
            assert!((map.px_per_mm() - 7.5).abs() < 1e-6);
        }
    }

    #[test]
    fn a_mark_is_found_and_text_beside_it_is_not_taken_for_it() {
        let mut g = Gray::blank(200, 200, 240);
        let mut fill = |x0: usize, y0: usize, w: usize, h: usize| {
            for y in y0..y0 + h {
                for x in x0..x0 + w {
                    g.pixels[y * 200 + x] = 10;
                }
            }
        };
        fill(100, 100, 30, 30); // the mark, 30 px
        fill(60, 100, 4, 20); // a letter
        fill(140, 60, 70 - 10, 3); // a rule line
        let c = find_mark(&g, (110.0, 110.0), 30.0, 60.0).unwrap();
        assert!(
            (c.0 - 115.0).abs() < 0.6 && (c.1 - 115.0).abs() < 0.6,
            "{c:?}"
        );
        assert_eq!(find_mark(&g, (20.0, 20.0), 30.0, 15.0), None);
    }
}
