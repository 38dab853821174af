//! The fill measure of a box, and cut-outs.
//!
//! Inside the printed outline, on a straightened grid of samples (about one per scan pixel), each
//! sample's darkness is taken relative to the paper around the box (so a grey scan, a dark copy or
//! light pencil all measure alike) and to the ink of the corner marks. The box is described by:
//!
//! - `ink`: the share of the inside that is covered;
//! - `spread`: in how many of the nine cells of a 3 × 3 split there is ink (a tick or cross
//!   reaches several, a stray dot one or two);
//! - `min_cell`: the ink of the emptiest cell (a box blacked out to cancel it is dark everywhere;
//!   a thick cross leaves the middles of the sides light);
//! - `rim`: the ink of the palest side of a band just inside the outline (a cancelled box is dark
//!   up to its outline; a cross with a thick marker can darken every cell, but not the middle of
//!   every side);
//! - `trace`: the share of the inside darker than the paper by clearly more than the paper's own
//!   noise (measured on the same ring around the box), however little darker: light pencil, or
//!   what is left of it on a black-and-white scan, counts here when it hardly counts in `ink`;
//! - `reach`: how far the trace spreads from its centre (a stray dot stays within half a
//!   millimetre; a tick, cross or blob reaches a millimetre or more).
//!
//! [`classify`] turns these into a [`Mark`] with a confidence: clear cases are near 1, cases near
//! a boundary (a faint stroke, a half-blacked box) are low and go to the clerk.

use super::align::Affine;
use super::around::{around, Around};
use super::blacked::solid_at_edge;
use super::decode::Gray;
use super::pieces::{pieces, Pieces};
use super::Mark;
use crate::surveys::paper::layout::RectMm;

/// Below this confidence a box goes to the clerk.
pub const VERIFY_BELOW: f32 = 0.75;

/// What was measured in a box.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
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
    /// Share of the inside darker than the paper by more than its noise (0–1), less what an
    /// empty box on the same page shows (see [`Fill::less_baseline`]).
    pub trace: f32,
    /// Cells of the 3 × 3 split with a trace.
    pub trace_cells: u8,
    /// How far the trace reaches from its centre: the root mean square distance, in mm.
    pub reach: f32,
    /// The paper's noise around the box (grey levels, a robust standard deviation).
    pub noise: f32,
    /// The scan is black and white (every sample around the box is 0 or 255): light pencil may
    /// have left only a speck.
    pub bilevel: bool,
    /// The trace's connected pieces: one stroke, or separate specks (see [`super::pieces`]).
    pub pieces: Pieces,
    /// Solid ink against the outline, in mm² (see [`super::blacked`]): a box blacked out in
    /// part, or entirely; none for a cross, tick or blob.
    pub blacked_edge: f32,
    /// Ink around the box (see [`super::around`]): a circle, strokes leaving the box.
    pub around: Around,
}

impl Fill {
    /// The trace less `baseline`, what an empty box on the same page shows (JPEG ringing, a
    /// grey copy): the median trace of the page's boxes, most of which are empty.
    pub fn less_baseline(mut self, baseline: f32) -> Fill {
        self.trace = (self.trace - baseline).max(0.0);
        self
    }
}

/// The median trace of a page's boxes (most boxes on a page are empty).
pub fn baseline(fills: &[Fill]) -> f32 {
    let mut t: Vec<f32> = fills.iter().map(|f| f.trace).collect();
    t.sort_by(f32::total_cmp);
    t.get(t.len() / 2).copied().unwrap_or(0.0)
}

/// Grey levels of the page: paper and printed black.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Levels {
    /// The printed black (the corner marks).
    pub black: f32,
}

/// Fewest samples a side of the inside (more on a fine scan: about one per pixel).
const N_MIN: usize = 15;
/// Most samples a side of the inside.
const N_MAX: usize = 40;
/// A sample is part of a trace when it is darker than the paper by this many grey levels…
const TRACE_MIN: f32 = 22.0;
/// …and by this many times the paper's noise.
const TRACE_NOISE: f32 = 4.0;

/// Measures the inside of box `rect` (the inside starts `inset` mm within the outline).
pub fn measure(page: &Gray, map: &Affine, rect: RectMm, inset: f32, levels: Levels) -> Fill {
    let (x0, y0) = (rect.x + inset, rect.y + inset);
    let side_w = rect.w - 2.0 * inset;
    let side_h = rect.h - 2.0 * inset;
    // The paper around the box: a ring just outside the outline; its lighter part is the paper,
    // its spread the paper's noise (quartiles, so a stroke crossing the ring does not count).
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
    let bilevel = ring.iter().all(|v| *v == 0 || *v == 255);
    ring.sort_unstable();
    let white = ring[ring.len() * 3 / 4] as f32;
    // From the lighter part only (a stroke may cover much of the ring): for normal noise the
    // 90th and 60th percentiles lie 1.03 standard deviations apart.
    let noise = (ring[ring.len() * 9 / 10] as f32 - ring[ring.len() * 6 / 10] as f32) / 1.03;
    let black = levels.black.min(white - 40.0);
    let range = (white - black).max(30.0);
    let cut = TRACE_MIN.max(TRACE_NOISE * noise);
    let n = ((side_w.max(side_h) as f64 * map.px_per_mm()).round() as usize).clamp(N_MIN, N_MAX);
    let mut cells = [0f32; 9];
    let mut counts = [0f32; 9];
    let mut traced = [0f32; 9];
    let mut total = 0f32;
    // Trace: count, and weighted sums for its centre and reach.
    let (mut tn, mut tw, mut sx, mut sy, mut sxx) = (0f32, 0f32, 0f32, 0f32, 0f32);
    let mut mask = vec![false; n * n];
    for j in 0..n {
        for i in 0..n {
            let (u, v) = ((i as f32 + 0.5) / n as f32, (j as f32 + 0.5) / n as f32);
            let (x, y) = (x0 + side_w * u, y0 + side_h * v);
            let (px, py) = map.apply(x as f64, y as f64);
            let s = sample(page, px, py);
            let d = ((white - s) / range).clamp(0.0, 1.0);
            // Paper grain, scanner noise and compression ringing below a fifth of the range
            // count for nothing.
            let d = ((d - 0.2) / 0.8).max(0.0);
            total += d;
            let c = (j * 3 / n) * 3 + i * 3 / n;
            cells[c] += d;
            counts[c] += 1.0;
            if white - s > cut {
                let w = ((white - s) / range).clamp(0.05, 1.0);
                tn += 1.0;
                traced[c] += 1.0;
                mask[j * n + i] = true;
                tw += w;
                // From the inside's corner, in mm (small numbers: no rounding loss).
                let (rx, ry) = (side_w * u, side_h * v);
                sx += w * rx;
                sy += w * ry;
                sxx += w * (rx * rx + ry * ry);
            }
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
    let blacked_edge = solid_at_edge(&dark, rect);
    let mut spread = 0u8;
    let mut bare = 0u8;
    let mut trace_cells = 0u8;
    let mut min_cell = 1f32;
    let mut max_cell = 0f32;
    for ((c, n), t) in cells.iter().zip(counts).zip(traced) {
        let m = c / n.max(1.0);
        if m > 0.08 {
            spread += 1;
        }
        if m < 0.04 {
            bare += 1;
        }
        if t / n.max(1.0) > 0.04 {
            trace_cells += 1;
        }
        min_cell = min_cell.min(m);
        max_cell = max_cell.max(m);
    }
    let reach = if tw > 0.0 {
        let (mx, my) = (sx / tw, sy / tw);
        (sxx / tw - mx * mx - my * my).max(0.0).sqrt()
    } else {
        0.0
    };
    Fill {
        ink: total / (n * n) as f32,
        spread,
        min_cell,
        max_cell,
        bare,
        rim,
        trace: tn / (n * n) as f32,
        trace_cells,
        reach,
        noise,
        bilevel,
        pieces: pieces(&mask, n, side_w / n as f32, side_h / n as f32),
        blacked_edge,
        around: around(dark, rect),
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

/// A trace that stays within this distance (mm) of its centre is a dot, not a stroke.
const DOT_REACH: f32 = 0.55;
/// A trace that reaches this far (mm) runs across the box.
const STROKE_REACH: f32 = 0.75;

/// Two pieces of trace this far apart (mm, from the centre of the larger to the nearest sample
/// of the other) are separate specks, not one stroke broken by noise.
const SPECK_GAP: f32 = 0.8;

/// The trace is separate specks: every piece stays in one spot (the largest within
/// [`DOT_REACH`]), but two lie apart, so together they reach across the box as a stroke does.
/// Two stray dots in one box, or a dot and a fleck of noise. On a black-and-white page a row of
/// four or more specks is what is left of a pencil line, and counts as a stroke.
fn specks(f: &Fill) -> bool {
    let p = f.pieces;
    p.count >= 2 && p.main_reach <= DOT_REACH && p.gap >= SPECK_GAP && !(f.bilevel && p.count >= 4)
}

/// Separate specks that would otherwise be read as a stroke: not read silently either way; the
/// clerk, who has the paper, looks (read as empty: stray dots are the likelier cause).
const SPECKS_ASKED: (Mark, f32) = (Mark::Empty, 0.6);

/// What a measured box holds, and how sure that is (0–1): from the inside, then with a second
/// look at what the inside alone cannot tell (see [`super::doubt`]).
pub fn classify(f: Fill) -> (Mark, f32) {
    super::doubt::second_look(&f, classify_inside(f))
}

/// What the inside of a box holds, and how sure that is.
fn classify_inside(f: Fill) -> (Mark, f32) {
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
    // All there is lies in one small spot.
    let dot = f.trace > 0.0 && f.reach <= DOT_REACH;
    let stroke = f.reach >= STROKE_REACH && f.trace_cells >= 3;
    if ((f.ink >= 0.06 && f.spread >= 3) || f.ink >= 0.12 || (stroke && f.trace >= 0.02))
        && !dot
        && specks(&f)
    {
        return SPECKS_ASKED;
    }
    if f.ink >= 0.06 && f.spread >= 3 && !dot {
        // A clear stroke across the box.
        let conf = 0.55 + 0.45 * ramp(f.ink, 0.06, 0.1).max(ramp(f.trace, 0.1, 0.2));
        return (Mark::Marked, conf);
    }
    if f.ink >= 0.12 && !dot {
        // Much ink in one place: a filled blob.
        let conf = 0.5 + 0.5 * ramp(f.ink, 0.12, 0.2).max(ramp(f.trace, 0.15, 0.3));
        return (Mark::Marked, conf);
    }
    if stroke && f.trace >= 0.02 {
        // A light stroke across the box: pencil, or what is left of it in black and white
        // (where less is left of it than on a grey scan). Faint: perhaps an answer. Ask.
        let clear = if f.bilevel { 0.06 } else { 0.2 };
        if f.trace >= clear {
            return (Mark::Marked, 0.9 + 0.1 * ramp(f.reach, 0.75, 0.95));
        }
        return (Mark::Marked, 0.5);
    }
    if f.bilevel && f.trace > 0.0 && f.ink < 0.12 {
        // A speck on a black-and-white scan: a stray dot, or all that is left of a pencil
        // mark. Ask (the clerk has the paper).
        return (Mark::Empty, 0.6);
    }
    if dot && f.ink < 0.12 {
        // Ink in one small spot: a stray dot or speck, not an answer.
        return (
            Mark::Empty,
            0.8 + 0.15 * ramp(DOT_REACH - f.reach, 0.0, 0.2),
        );
    }
    if f.trace < 0.01 && f.ink < 0.015 {
        return (Mark::Empty, 1.0 - 10.0 * f.ink - 10.0 * f.trace);
    }
    // A little ink or trace, not across the box: probably nothing; more of it is asked.
    (Mark::Empty, 0.95 - 8.0 * f.trace.max(f.ink))
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

    /// A 5 mm box at 10 px/mm on paper of grey `paper`, with `draw` giving the grey of a pixel
    /// inside it (or nothing).
    fn boxed_on(paper: u8, draw: impl Fn(usize, usize) -> Option<u8>) -> Fill {
        let mut g = Gray::blank(120, 120, paper);
        for y in 0..120 {
            for x in 0..120 {
                let (bx, by) = (x as i64 - 30, y as i64 - 30);
                let outline = (0..=50).contains(&bx)
                    && (0..=50).contains(&by)
                    && (bx <= 2 || bx >= 48 || by <= 2 || by >= 48);
                let inside = (3..48).contains(&bx) && (3..48).contains(&by);
                if outline {
                    g.pixels[y * 120 + x] = 20;
                } else if inside {
                    if let Some(v) = draw(bx as usize, by as usize) {
                        g.pixels[y * 120 + x] = v;
                    }
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

    /// The same in black ink on paper of grey 235.
    fn boxed(draw: impl Fn(usize, usize) -> bool) -> Fill {
        boxed_on(235, |x, y| draw(x, y).then_some(20))
    }

    /// A cross from corner to corner, `half` pixels either side of its lines.
    fn on_cross(x: usize, y: usize, half: i64) -> bool {
        (x as i64 - y as i64).abs() < half || (x as i64 + y as i64 - 50).abs() < half
    }

    #[test]
    fn tick_cross_blob_cancel_dot_and_empty_are_told_apart() {
        let cross = boxed(|x, y| on_cross(x, y, 3));
        let tick = boxed(|x, y| {
            let (x, y) = (x as i64, y as i64);
            (x < 20 && (y - (25 + x)).abs() < 3) || (x >= 18 && (y - (45 - (x - 18))).abs() < 3)
        });
        let blob = boxed(|x, y| (x as i64 - 25).pow(2) + (y as i64 - 25).pow(2) < 150);
        let cancelled = boxed(|_, _| true);
        // A cross with a thick marker covers most of the inside, but not the rim's middles.
        let marker = boxed(|x, y| on_cross(x, y, 9));
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

    #[test]
    fn a_dark_stray_dot_where_four_cells_meet_is_not_an_answer() {
        // A dot 1 mm across, black, just where the cells of the 3 × 3 split meet: it puts ink in
        // four cells, as a stroke does, but stays in one spot.
        let dot = boxed(|x, y| (x as i64 - 31).pow(2) + (y as i64 - 31).pow(2) <= 25);
        assert!(dot.spread >= 3, "{dot:?}");
        assert_eq!(classify(dot), (Mark::Empty, classify(dot).1));
        assert!(classify(dot).1 >= VERIFY_BELOW, "{dot:?}");
    }

    #[test]
    fn two_stray_dots_far_apart_are_not_read_silently_as_an_answer() {
        // Two dark dots, 0.9 mm across, one where four cells of the 3 × 3 split meet and one in
        // the opposite corner: enough ink in enough cells for a stroke (read before as an answer
        // with confidence), but two specks apart.
        for paper in [235u8, 255] {
            let two = boxed_on(paper, |x, y| {
                let d = |cx: i64, cy: i64| (x as i64 - cx).pow(2) + (y as i64 - cy).pow(2) <= 20;
                (d(19, 19) || d(37, 37)).then_some(20)
            });
            assert_eq!(two.pieces.count, 2, "{two:?}");
            let (mark, conf) = classify(two);
            assert!(mark == Mark::Empty || conf < VERIFY_BELOW, "{two:?}");
            assert!(conf < VERIFY_BELOW, "two dots go to the clerk: {two:?}");
        }
        // A cross drawn in one stroke is still read with confidence (one piece).
        let cross = boxed(|x, y| on_cross(x, y, 2));
        assert_eq!(cross.pieces.count, 1, "{cross:?}");
        assert_eq!(classify(cross).0, Mark::Marked);
        assert!(classify(cross).1 >= VERIFY_BELOW, "{cross:?}");
    }

    #[test]
    fn a_light_pencil_cross_is_an_answer() {
        // Pencil: grey 150 on paper 225, lines 0.5 mm wide: an answer.
        let pencil = boxed_on(225, |x, y| on_cross(x, y, 3).then_some(150));
        assert_eq!(classify(pencil).0, Mark::Marked, "{pencil:?}");
        assert!(classify(pencil).1 >= VERIFY_BELOW, "{pencil:?}");
        // Lines 0.3 mm wide: still read as an answer (the clerk may be asked to confirm it).
        let thin = boxed_on(225, |x, y| on_cross(x, y, 2).then_some(150));
        assert_eq!(classify(thin).0, Mark::Marked, "{thin:?}");
    }

    #[test]
    fn what_is_left_of_pencil_in_black_and_white_is_an_answer_and_noise_is_not() {
        // A black-and-white scan of light pencil: two pixels in five along the lines came out
        // black, the rest white.
        let remnant = boxed_on(255, |x, y| {
            (on_cross(x, y, 2) && (x * 7 + y * 3) % 5 < 2).then_some(0)
        });
        assert!(remnant.bilevel);
        assert_eq!(classify(remnant).0, Mark::Marked, "{remnant:?}");
        // A speck in black and white may be all that is left of pencil: the clerk looks.
        let speck = boxed_on(255, |x, y| {
            ((x as i64 - 20).pow(2) + (y as i64 - 26).pow(2) <= 4).then_some(0)
        });
        assert!(classify(speck).1 < VERIFY_BELOW, "{speck:?}");
        // Grey paper with noise of ±14 grey levels and nothing on it.
        let noise = boxed_on(225, |x, y| {
            Some((225 + ((x * 7 + y * 13) % 29) as i64 - 14) as u8)
        });
        assert_eq!(
            classify(noise),
            (Mark::Empty, classify(noise).1),
            "{noise:?}"
        );
        assert!(classify(noise).1 >= VERIFY_BELOW, "{noise:?}");
    }

    #[test]
    fn the_trace_of_a_page_is_taken_less_what_its_empty_boxes_show() {
        let f = |trace| Fill {
            trace,
            ..Fill::default()
        };
        let page = [f(0.02), f(0.0), f(0.03), f(0.2), f(0.025)];
        let base = baseline(&page);
        assert_eq!(base, 0.025);
        assert_eq!(page[3].less_baseline(base).trace, 0.175);
        assert_eq!(page[1].less_baseline(base).trace, 0.0);
    }
}
