//! The fill measure of a box, and cut-outs.
//!
//! Inside the printed outline, on a straightened grid of samples, each sample's darkness is taken
//! relative to the paper around the box (so a grey scan, a dark copy or light pencil all measure
//! alike) and to the ink of the corner marks. Three numbers describe the box:
//!
//! - `ink`: the share of the inside that is covered;
//! - `spread`: in how many of the nine cells of a 3 × 3 split there is ink (a tick or cross
//!   reaches several, a stray dot one or two);
//! - `min_cell`: the ink of the emptiest cell (a box blacked out to cancel it is dark everywhere;
//!   a thick cross leaves the middles of the sides light);
//! - `rim`: the ink of the palest side of a band just inside the outline (a cancelled box is dark
//!   up to its outline; a cross with a thick marker can darken every cell, but not the middle of
//!   every side).
//!
//! [`classify`] turns these into a [`Mark`] with a confidence: clear cases are near 1, cases near
//! a boundary (a faint stroke, a half-blacked box) are low and go to the clerk.

use super::align::Affine;
use super::decode::Gray;
use super::Mark;
use crate::surveys::paper::layout::RectMm;

/// Below this confidence a box goes to the clerk.
pub const VERIFY_BELOW: f32 = 0.75;

/// What was measured in a box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fill {
    /// Share of the inside covered by ink (0–1).
    pub ink: f32,
    /// Cells of the 3 × 3 split with ink.
    pub spread: u8,
    /// Ink of the emptiest cell.
    pub min_cell: f32,
    /// Ink of the fullest cell.
    pub max_cell: f32,
    /// Cells with (almost) no ink.
    pub bare: u8,
    /// The ink of the palest side of the rim: a band just inside the outline, along the middle
    /// third of each side. A box blacked out to cancel it is dark up to its outline on every
    /// side; a cross or tick, however thick, runs corner to corner and leaves the middle of at
    /// least one side light, and a filled-in blob stays clear of the outline.
    pub rim: f32,
}

/// Grey levels of the page: paper and printed black.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Levels {
    /// The printed black (the corner marks).
    pub black: f32,
}

/// Samples a side of the inside.
const N: usize = 15;

/// Measures the inside of box `rect` (the inside starts `inset` mm within the outline).
pub fn measure(page: &Gray, map: &Affine, rect: RectMm, inset: f32, levels: Levels) -> Fill {
    let (x0, y0) = (rect.x + inset, rect.y + inset);
    let side_w = rect.w - 2.0 * inset;
    let side_h = rect.h - 2.0 * inset;
    // The paper around the box: the lighter part of a ring just outside the outline.
    let mut ring: Vec<u8> = Vec::with_capacity(48);
    for k in 0..12 {
        let f = (k as f32 + 0.5) / 12.0;
        for (x, y) in [
            (rect.x + rect.w * f, rect.y - 0.9),
            (rect.x + rect.w * f, rect.y + rect.h + 0.9),
            (rect.x - 0.9, rect.y + rect.h * f),
            (rect.x + rect.w + 0.9, rect.y + rect.h * f),
        ] {
            let (px, py) = map.apply(x as f64, y as f64);
            ring.push(page.get(px.round() as i64, py.round() as i64));
        }
    }
    ring.sort_unstable();
    let white = ring[ring.len() * 3 / 4] as f32;
    let black = levels.black.min(white - 40.0);
    let range = (white - black).max(30.0);
    let mut cells = [0f32; 9];
    let mut counts = [0f32; 9];
    let mut total = 0f32;
    for j in 0..N {
        for i in 0..N {
            let x = x0 + side_w * (i as f32 + 0.5) / N as f32;
            let y = y0 + side_h * (j as f32 + 0.5) / N as f32;
            let (px, py) = map.apply(x as f64, y as f64);
            let v = sample(page, px, py);
            let d = ((white - v) / range).clamp(0.0, 1.0);
            // Paper grain, scanner noise and compression ringing below a fifth of the range
            // count for nothing.
            let d = ((d - 0.2) / 0.8).max(0.0);
            total += d;
            let c = (j * 3 / N) * 3 + i * 3 / N;
            cells[c] += d;
            counts[c] += 1.0;
        }
    }
    let dark = |x: f32, y: f32| {
        let (px, py) = map.apply(x as f64, y as f64);
        let d = ((white - sample(page, px, py)) / range).clamp(0.0, 1.0);
        ((d - 0.2) / 0.8).max(0.0)
    };
    let mut rim = 1f32;
    for side in 0..4 {
        let mut sum = 0f32;
        for k in 0..6 {
            let f = 1.0 / 3.0 + (k as f32 + 0.5) / 18.0;
            for depth in [0.45f32, 0.6, 0.75] {
                let (x, y) = match side {
                    0 => (rect.x + rect.w * f, rect.y + depth),
                    1 => (rect.x + rect.w * f, rect.y + rect.h - depth),
                    2 => (rect.x + depth, rect.y + rect.h * f),
                    _ => (rect.x + rect.w - depth, rect.y + rect.h * f),
                };
                sum += dark(x, y);
            }
        }
        rim = rim.min(sum / 18.0);
    }
    let mut spread = 0u8;
    let mut bare = 0u8;
    let mut min_cell = 1f32;
    let mut max_cell = 0f32;
    for (c, n) in cells.iter().zip(counts) {
        let m = c / n.max(1.0);
        if m > 0.08 {
            spread += 1;
        }
        if m < 0.04 {
            bare += 1;
        }
        min_cell = min_cell.min(m);
        max_cell = max_cell.max(m);
    }
    Fill {
        ink: total / (N * N) as f32,
        spread,
        min_cell,
        max_cell,
        bare,
        rim,
    }
}

/// Bilinear sample (so a thin stroke between pixels is not lost).
#[inline]
fn sample(page: &Gray, x: f64, y: f64) -> f32 {
    let (fx, fy) = (x - 0.5, y - 0.5);
    let (ix, iy) = (fx.floor() as i64, fy.floor() as i64);
    let (tx, ty) = ((fx - ix as f64) as f32, (fy - iy as f64) as f32);
    let p = |dx: i64, dy: i64| page.get(ix + dx, iy + dy) as f32;
    let top = p(0, 0) * (1.0 - tx) + p(1, 0) * tx;
    let bottom = p(0, 1) * (1.0 - tx) + p(1, 1) * tx;
    top * (1.0 - ty) + bottom * ty
}

/// What a measured box holds, and how sure that is (0–1).
pub fn classify(f: Fill) -> (Mark, f32) {
    let ramp = |v: f32, from: f32, to: f32| ((v - from) / (to - from)).clamp(0.0, 1.0);
    if f.ink >= 0.55 && f.min_cell >= 0.2 {
        // Blacked out: dark everywhere inside, up to the outline on every side.
        if f.min_cell >= 0.35 && f.rim >= 0.5 {
            let conf = 0.5
                + 0.5
                    * ramp(f.min_cell, 0.35, 0.6)
                        .min(ramp(f.ink, 0.55, 0.75))
                        .min(ramp(f.rim, 0.5, 0.7));
            return (Mark::Cancelled, conf);
        }
        // Dark inside but light at the middle of a side of the rim: a heavy cross or blob.
        if f.rim < 0.25 {
            return (Mark::Marked, 0.55 + 0.45 * ramp(0.25 - f.rim, 0.0, 0.15));
        }
        // In between: a heavy scribble or an unfinished cancel. Ask.
        return (Mark::Marked, 0.4);
    }
    // Half of the box blacked, half bare: a cancel begun, or a mark? Ask.
    if f.ink >= 0.3 && f.bare >= 2 {
        return (Mark::Marked, 0.45);
    }
    if f.ink >= 0.06 && f.spread >= 3 {
        // A clear stroke across the box.
        let conf = 0.55 + 0.45 * ramp(f.ink, 0.06, 0.1);
        return (Mark::Marked, conf);
    }
    if f.ink >= 0.12 {
        // Much ink in one place: a filled blob.
        return (Mark::Marked, 0.5 + 0.5 * ramp(f.ink, 0.12, 0.2));
    }
    if f.ink < 0.015 {
        return (Mark::Empty, 1.0 - 10.0 * f.ink);
    }
    if f.spread <= 2 && f.ink < 0.06 {
        // A speck or dot: noise, not an answer.
        return (Mark::Empty, 0.95 - 5.0 * f.ink);
    }
    // A faint mark that reaches several cells: probably an answer, but ask.
    (Mark::Marked, 0.3 + 4.0 * f.ink)
}

/// The region `rect` (in mm) straightened into a grey PNG at `px_per_mm`.
pub fn cutout_png(page: &Gray, map: &Affine, rect: RectMm, px_per_mm: f32) -> Vec<u8> {
    let w = ((rect.w * px_per_mm).round() as u32).clamp(1, 4000);
    let h = ((rect.h * px_per_mm).round() as u32).clamp(1, 4000);
    let mut pixels = Vec::with_capacity((w * h) as usize);
    for j in 0..h {
        for i in 0..w {
            let x = rect.x + (i as f32 + 0.5) / px_per_mm;
            let y = rect.y + (j as f32 + 0.5) / px_per_mm;
            let (px, py) = map.apply(x as f64, y as f64);
            pixels.push(sample(page, px, py).round().clamp(0.0, 255.0) as u8);
        }
    }
    png(&pixels, w, h)
}

/// A grey image as PNG.
pub fn png(pixels: &[u8], w: u32, h: u32) -> Vec<u8> {
    let mut out = vec![];
    let _ = image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut out),
        pixels,
        w,
        h,
        image::ExtendedColorType::L8,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 5 mm box at 10 px/mm with something drawn inside.
    fn boxed(draw: impl Fn(usize, usize) -> bool) -> Fill {
        let mut g = Gray::blank(120, 120, 235);
        for y in 0..120 {
            for x in 0..120 {
                let (bx, by) = (x as i64 - 30, y as i64 - 30);
                let outline = (0..=50).contains(&bx)
                    && (0..=50).contains(&by)
                    && (bx <= 2 || bx >= 48 || by <= 2 || by >= 48);
                let inside = (3..48).contains(&bx) && (3..48).contains(&by);
                if outline || (inside && draw(bx as usize, by as usize)) {
                    g.pixels[y * 120 + x] = 20;
                }
            }
        }
        let map = Affine {
            m: [10.0, 0.0, 0.0, 0.0, 10.0, 0.0],
        };
        measure(
            &g,
            &map,
            RectMm {
                x: 3.0,
                y: 3.0,
                w: 5.0,
                h: 5.0,
            },
            0.7,
            Levels { black: 20.0 },
        )
    }

    #[test]
    fn tick_cross_blob_cancel_dot_and_empty_are_told_apart() {
        let cross = boxed(|x, y| (x as i64 - y as i64).abs() < 3 || (x + y).abs_diff(50) < 3);
        let tick = boxed(|x, y| {
            let (x, y) = (x as i64, y as i64);
            (x < 20 && (y - (25 + x)).abs() < 3) || (x >= 18 && (y - (45 - (x - 18))).abs() < 3)
        });
        let blob = boxed(|x, y| (x as i64 - 25).pow(2) + (y as i64 - 25).pow(2) < 150);
        let cancelled = boxed(|_, _| true);
        // A cross with a thick marker covers most of the inside, but not the rim's middles.
        let marker = boxed(|x, y| (x as i64 - y as i64).abs() < 9 || (x + y).abs_diff(50) < 9);
        let dot = boxed(|x, y| (x as i64 - 30).pow(2) + (y as i64 - 20).pow(2) < 6);
        let empty = boxed(|_, _| false);
        assert_eq!(classify(cross).0, Mark::Marked, "{cross:?}");
        assert_eq!(classify(tick).0, Mark::Marked, "{tick:?}");
        assert_eq!(classify(blob).0, Mark::Marked, "{blob:?}");
        assert_eq!(classify(cancelled).0, Mark::Cancelled, "{cancelled:?}");
        assert_eq!(classify(marker).0, Mark::Marked, "{marker:?}");
        assert_eq!(classify(dot).0, Mark::Empty, "{dot:?}");
        assert_eq!(classify(empty).0, Mark::Empty, "{empty:?}");
        for f in [cross, tick, cancelled, marker, empty] {
            assert!(classify(f).1 >= VERIFY_BELOW, "{f:?}");
        }
    }

    #[test]
    fn a_half_blacked_box_is_doubtful() {
        let half = boxed(|x, _| x < 30);
        let (_, conf) = classify(half);
        assert!(conf < VERIFY_BELOW, "{half:?}");
    }
}
