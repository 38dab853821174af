//! Finding a page: its QR code (who it is and which way up it lies) and its four corner marks
//! (where exactly it lies). The QR code's corners give a first fit (rotation by any angle, scale,
//! shift); the corner marks, searched near where that fit puts them, give the exact one: an affine
//! map from the layout's millimetres to the scan's pixels, which corrects skew, scale (a copy at
//! 95%) and shift, and is checked against all four marks.

use super::decode::Gray;
pub use super::qr::{find_qr, qr_corners_mm, QrFound};
use crate::surveys::paper::layout::FormLayout;

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

/// Why a page could not be fitted.
#[derive(Debug, Clone, PartialEq)]
pub enum AlignError {
    /// A corner mark was not found (which one: 0 top-left … 3 bottom-left).
    NoMark(usize),
    /// The marks do not lie as the layout says (largest miss in mm).
    BadFit(f64),
}

/// A page fitted to its layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// Layout millimetres to scan pixels.
    pub map: Affine,
    /// The largest miss of a mark (or, when a mark lies off the scan, of a corner of the QR code)
    /// in millimetres.
    pub miss_mm: f64,
    /// Which corner marks were found and used (a mark beyond the edge of the scan is not).
    pub used: [bool; 4],
}

/// Largest miss of a mark from the fitted map, in millimetres.
const MAX_MISS_MM: f64 = 1.2;
/// Largest miss of a corner of the QR code from a fit on three marks, in millimetres.
const MAX_QR_MISS_MM: f64 = 1.5;
/// How far (mm) from where the marks and QR code found so far put a mark it is searched for:
/// room for a copier's slightly unequal scale across and along the page, and for a first fit from
/// the QR code alone.
const SEARCH_MM: f64 = 11.0;

/// Fits the page to the layout: a first fit from the QR code's corners, then the corner marks one
/// by one, nearest to the QR code first, each searched where the QR code and the marks found so
/// far put it (so the error of the first fit does not grow across the page), and the final map
/// from all four marks. A page scanned askew or shifted may lose a corner mark beyond the edge of
/// the scan; then the three others give the map, checked against the QR code's corners.
pub fn fit(page: &Gray, layout: &FormLayout, qr: &QrFound) -> Result<Fitted, AlignError> {
    let qr_from = qr_corners_mm(layout.qr, qr.modules);
    let first = Affine::similarity(&qr_from, &qr.corners).ok_or(AlignError::BadFit(f64::MAX))?;
    let scale = first.px_per_mm();
    let side = layout.corner_side as f64 * scale;
    let from: Vec<(f64, f64)> = layout
        .corners
        .iter()
        .map(|(x, y)| (*x as f64, *y as f64))
        .collect();
    let (qx, qy) = (
        (layout.qr.x + layout.qr.w / 2.0) as f64,
        (layout.qr.y + layout.qr.h / 2.0) as f64,
    );
    let mut order = [0usize, 1, 2, 3];
    order.sort_by(|a, b| {
        let d = |i: usize| (from[i].0 - qx).powi(2) + (from[i].1 - qy).powi(2);
        d(*a).total_cmp(&d(*b))
    });
    let mut found: [Option<(f64, f64)>; 4] = [None; 4];
    for i in order {
        let estimate = estimate(&qr_from, &qr.corners, &from, &found).unwrap_or(first);
        found[i] = find_mark(
            page,
            estimate.apply(from[i].0, from[i].1),
            side,
            SEARCH_MM * scale,
        );
    }
    choose(&from, &found, &qr_from, &qr.corners)
}

/// The best map from the QR code's corners and the marks found so far: a similarity while fewer
/// than two marks are known (the QR code alone says little about a far corner), else a
/// similarity over the marks and the QR code.
fn estimate(
    qr_from: &[(f64, f64)],
    qr_to: &[(f64, f64)],
    from: &[(f64, f64)],
    found: &[Option<(f64, f64)>; 4],
) -> Option<Affine> {
    let mut f: Vec<(f64, f64)> = qr_from.to_vec();
    let mut t: Vec<(f64, f64)> = qr_to.to_vec();
    for (i, m) in found.iter().enumerate() {
        if let Some(m) = m {
            f.push(from[i]);
            t.push(*m);
        }
    }
    let marks = found.iter().flatten().count();
    if marks >= 3 {
        // Three marks span the page: their affine map also follows an unequal scale.
        let f: Vec<_> = (0..4)
            .filter(|i| found[*i].is_some())
            .map(|i| from[i])
            .collect();
        let t: Vec<_> = found.iter().flatten().copied().collect();
        return Affine::fit(&f, &t);
    }
    Affine::similarity(&f, &t)
}

/// The largest distance (mm, at the map's scale) between where `map` puts `from` and `to`.
fn largest_miss(map: &Affine, from: &[(f64, f64)], to: &[(f64, f64)]) -> f64 {
    let scale = map.px_per_mm().max(1e-6);
    from.iter()
        .zip(to)
        .map(|((x, y), (u, v))| {
            let (px, py) = map.apply(*x, *y);
            ((px - u).powi(2) + (py - v).powi(2)).sqrt() / scale
        })
        .fold(0.0, f64::max)
}

/// Largest difference between the scale across and along the page (a copier's is under 1%).
const MAX_UNEQUAL_SCALE: f64 = 0.02;
/// Largest shear, as the sine of the angle by which the page's axes are no longer square.
const MAX_SHEAR: f64 = 0.0175;

/// Whether a map could come from paper on a scanner: about the same scale both ways and square
/// corners. Three marks always give some map; a dark square taken for a mark gives a skewed one.
/// (The QR code, near the top, checks the bottom marks only weakly; this checks them well.)
fn looks_like_paper(map: &Affine) -> bool {
    let [a, b, _, d, e, _] = map.m;
    let (u, v) = ((a * a + d * d).sqrt(), (b * b + e * e).sqrt());
    if u <= 0.0 || v <= 0.0 {
        return false;
    }
    let unequal = (u - v).abs() / ((u + v) / 2.0);
    let shear = (a * b + d * e).abs() / (u * v);
    unequal <= MAX_UNEQUAL_SCALE && shear <= MAX_SHEAR
}

/// The map from the marks found: all four when they agree; else the best three (a mark lost off
/// the scan, or a dark square taken for it) when they agree with the QR code. Pure, so every case
/// has a unit test.
fn choose(
    from: &[(f64, f64)],
    found: &[Option<(f64, f64)>; 4],
    qr_from: &[(f64, f64)],
    qr_to: &[(f64, f64)],
) -> Result<Fitted, AlignError> {
    let mut worst = None;
    if let [Some(a), Some(b), Some(c), Some(d)] = *found {
        let marks = [a, b, c, d];
        let map = Affine::fit(from, &marks).ok_or(AlignError::BadFit(f64::MAX))?;
        let miss = largest_miss(&map, from, &marks);
        if miss <= MAX_MISS_MM {
            return Ok(Fitted {
                map,
                miss_mm: miss,
                used: [true; 4],
            });
        }
        worst = Some(miss);
    }
    let mut best: Option<Fitted> = None;
    for left_out in 0..4 {
        let keep: Vec<usize> = (0..4).filter(|i| *i != left_out).collect();
        let Some(to) = keep.iter().map(|i| found[*i]).collect::<Option<Vec<_>>>() else {
            continue;
        };
        let f: Vec<(f64, f64)> = keep.iter().map(|i| from[*i]).collect();
        let Some(map) = Affine::fit(&f, &to) else {
            continue;
        };
        let miss = largest_miss(&map, qr_from, qr_to);
        worst = Some(worst.map_or(miss, |w: f64| w.min(miss)));
        if miss <= MAX_QR_MISS_MM
            && looks_like_paper(&map)
            && best.as_ref().is_none_or(|b| miss < b.miss_mm)
        {
            let mut used = [true; 4];
            used[left_out] = false;
            best = Some(Fitted {
                map,
                miss_mm: miss,
                used,
            });
        }
    }
    if let Some(b) = best {
        return Ok(b);
    }
    match worst {
        Some(miss) => Err(AlignError::BadFit(miss)),
        None => Err(AlignError::NoMark(
            (0..4).find(|i| found[*i].is_none()).unwrap_or(0),
        )),
    }
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
            // A component cut by the edge of the search (or of the scan) is not measured whole:
            // a mark half beyond the scan's edge would pull the fit aside.
            if minx == 0 || miny == 0 || maxx + 1 == w || maxy + 1 == h {
                continue;
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
#[path = "align_tests.rs"]
mod tests;
