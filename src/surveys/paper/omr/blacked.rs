//! A box partly blacked out: solid ink that reaches the outline.
//!
//! The form asks to black out a box entirely to take it back. A box crossed and then blacked
//! out only in part (a correction left half done, or an answer drawn heavily?) holds a solid
//! patch of ink that runs up to the outline. What else a box may hold does not: a pen's stroke
//! is too thin to be solid, a thick marker's cross is solid only where its strokes meet (in the
//! middle), and a filled blob stays clear of the outline.
//!
//! Measured on a grid from just inside the outline: the dark samples are worn away by
//! [`WEAR`] mm (a sample stays when everything within that distance is dark; beyond the grid
//! counts as dark, so a patch against the outline is worn from its open side only). What stays
//! near the outline, away from the corners (where a cross's ends may lie), is the patch's area.

use crate::surveys::paper::layout::RectMm;

/// The grid starts this far (mm) within the outline (clear of its line and blur).
const INSET: f32 = 0.45;
/// Samples a side.
const N: usize = 29;
/// A sample is dark at this darkness (0 paper, 1 the printed black).
const DARK: f32 = 0.5;
/// Dark samples are worn away by this many mm: strokes up to 1.5 mm wide vanish.
pub const WEAR: f32 = 0.75;
/// Along each side, samples this close (mm) to a corner of the grid are not counted.
const CORNER: f32 = 0.6;

/// The area (mm²) of solid ink that reaches the outline of `rect`, where `dark(x, y)` gives the
/// darkness (0–1) at a point in mm.
pub fn solid_at_edge(dark: &impl Fn(f32, f32) -> f32, rect: RectMm) -> f32 {
    let (w, h) = (rect.w - 2.0 * INSET, rect.h - 2.0 * INSET);
    if w <= 0.0 || h <= 0.0 {
        return 0.0;
    }
    let (sx, sy) = (w / N as f32, h / N as f32);
    let mask: Vec<bool> = (0..N * N)
        .map(|i| {
            let (u, v) = ((i % N) as f32 + 0.5, (i / N) as f32 + 0.5);
            dark(rect.x + INSET + u * sx, rect.y + INSET + v * sy) >= DARK
        })
        .collect();
    let worn = wear(&mask, N, WEAR / sx, WEAR / sy);
    // Near the outline: within the wear distance and one sample of the grid's edge.
    let (kx, ky) = (
        (WEAR / sx).ceil() as usize + 1,
        (WEAR / sy).ceil() as usize + 1,
    );
    let (cx, cy) = ((CORNER / sx) as usize, (CORNER / sy) as usize);
    let near = |i: usize| {
        let (x, y) = (i % N, i / N);
        let left_right = (x < kx || x >= N - kx) && (cy..N - cy).contains(&y);
        let top_bottom = (y < ky || y >= N - ky) && (cx..N - cx).contains(&x);
        left_right || top_bottom
    };
    let count = (0..N * N).filter(|&i| worn[i] && near(i)).count();
    count as f32 * sx * sy
}

/// `mask` (an `n` × `n` grid) worn away: a sample stays when every sample within the ellipse of
/// radii `rx`, `ry` (in samples) is set or lies beyond the grid.
fn wear(mask: &[bool], n: usize, rx: f32, ry: f32) -> Vec<bool> {
    let (kx, ky) = (rx.floor() as i64, ry.floor() as i64);
    let mut offsets = vec![];
    for dy in -ky..=ky {
        for dx in -kx..=kx {
            let (fx, fy) = (dx as f32 / rx.max(1e-3), dy as f32 / ry.max(1e-3));
            if fx * fx + fy * fy <= 1.0 {
                offsets.push((dx, dy));
            }
        }
    }
    (0..n * n)
        .map(|i| {
            let (x, y) = ((i % n) as i64, (i / n) as i64);
            mask[i]
                && offsets.iter().all(|(dx, dy)| {
                    let (px, py) = (x + dx, y + dy);
                    let inside = px >= 0 && py >= 0 && px < n as i64 && py < n as i64;
                    !inside || mask[py as usize * n + px as usize]
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Solid ink at the 5 mm box at (0, 0) where `ink(u, v)` says so (mm from its corner).
    fn area(ink: impl Fn(f32, f32) -> bool) -> f32 {
        let rect = RectMm {
            x: 0.0,
            y: 0.0,
            w: 5.0,
            h: 5.0,
        };
        solid_at_edge(&|x, y| if ink(x, y) { 1.0 } else { 0.0 }, rect)
    }

    fn near_line(u: f32, v: f32, a: (f32, f32), b: (f32, f32), half: f32) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let t = (((u - a.0) * dx + (v - a.1) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
        ((u - a.0 - t * dx).powi(2) + (v - a.1 - t * dy).powi(2)).sqrt() <= half
    }

    fn cross(u: f32, v: f32, half: f32) -> bool {
        near_line(u, v, (0.8, 0.8), (4.2, 4.2), half)
            || near_line(u, v, (4.2, 0.8), (0.8, 4.2), half)
    }

    #[test]
    fn strokes_blobs_and_nothing_have_no_solid_edge() {
        assert_eq!(area(|_, _| false), 0.0);
        assert_eq!(area(|u, v| cross(u, v, 0.3)), 0.0);
        // A marker's cross, 1.3 mm wide.
        assert!(area(|u, v| cross(u, v, 0.65)) < 0.2);
        // A filled blob 3.4 mm across, centred and 0.3 mm off centre (0.5 mm from the
        // outline): at most a sliver where it comes nearest.
        let blob = |cx: f32, cy: f32| {
            area(move |u, v| (u - cx).powi(2) + (v - cy).powi(2) <= 1.7f32.powi(2))
        };
        assert_eq!(blob(2.5, 2.5), 0.0);
        assert!(blob(2.8, 2.7) < 0.35, "{}", blob(2.8, 2.7));
    }

    #[test]
    fn a_patch_against_the_outline_is_solid_at_the_edge() {
        // A third blacked along the left side, a corner quarter, three quarters.
        let strip = area(|u, v| u <= 1.6 || cross(u, v, 0.3));
        assert!(strip > 0.6, "{strip}");
        let corner = area(|u, v| (u <= 2.8 && v <= 2.8) || cross(u, v, 0.3));
        assert!(corner > 0.6, "{corner}");
        let most = area(|_, v| v <= 3.8);
        assert!(most > 2.0, "{most}");
        // Blacked out entirely: solid all round.
        assert!(area(|_, _| true) > most);
    }

    #[test]
    fn wearing_keeps_only_what_is_thick() {
        let n = 9;
        // A three-sample line in the middle of the grid goes; beyond the grid counts as set.
        let line: Vec<bool> = (0..n * n).map(|i| (3..6).contains(&(i / n))).collect();
        assert!(wear(&line, n, 2.0, 2.0).iter().all(|s| !s));
        let all = vec![true; n * n];
        assert!(wear(&all, n, 2.0, 2.0).iter().all(|s| *s));
    }
}
