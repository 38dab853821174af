//! Ink around a box, just outside (and just inside) its printed outline.
//!
//! What is inside a box does not tell every mark. A respondent may draw a circle around a box
//! instead of crossing it, strike a line through a whole row of boxes, or cross a box so far off
//! that most of the cross lies outside it. The inside of such a box is empty, or holds one clean
//! stroke, and was read with confidence; yet what the respondent meant is unclear. This module
//! looks at a band around the outline, side by side:
//!
//! - `ring_sides`: on how many sides ink runs *along* the outline, over most of the side's
//!   middle (a circle or an oval around the box runs along three or four sides; print near a box
//!   — a grid's rule line, a label — along one at most);
//! - `exits`: how many strokes *leave* the box, crossing the whole band outward from the outline
//!   (a tick may leave once, near its top corner; a cross mostly outside the box leaves it two
//!   or more times, through one or two sides; a stroke through a row of boxes leaves each box
//!   on two opposite sides: `through`; a large cross drawn over the box leaves it on three or
//!   four sides).
//!
//! The band outside starts clear of the outline's own line and its blur (0.45 mm) and ends
//! before the nearest printed thing around a box of this product's forms (a box above or below
//! at 2 mm, a label at 2.5 mm). Near the corners a cross drawn a little large may overshoot;
//! positions within half a millimetre of a corner are not looked at.

use crate::surveys::paper::layout::RectMm;

/// What lies around a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Around {
    /// Sides with ink along most of their middle, just outside or just inside the outline.
    pub ring_sides: u8,
    /// Strokes that cross the whole band outside the outline (all sides together).
    pub exits: u8,
    /// Sides with at least one exit.
    pub exit_sides: u8,
    /// Strokes leave the box on two opposite sides (left and right, or top and bottom) and on
    /// no other: a line through it. A large cross over the box leaves on three or four sides.
    pub through: bool,
}

/// The band outside the outline: from this far (mm)…
const OUT_FROM: f32 = 0.45;
/// …to this far, in steps of…
const OUT_TO: f32 = 1.35;
/// …this (mm).
const DEPTH_STEP: f32 = 0.1;
/// The band just inside the outline (mm), where a circle drawn across the outline shows.
const IN_DEPTHS: [f32; 4] = [0.5, 0.63, 0.76, 0.9];
/// Positions along each side.
const POSITIONS: usize = 32;
/// Stroke exits are looked for along this part of each side (as a share of its length)…
const EXIT_SPAN: (f32, f32) = (0.1, 0.9);
/// …a ring along this part.
const RING_SPAN: (f32, f32) = (0.2, 0.8);
/// A sample is ink at this darkness (0 paper, 1 the printed black).
const INK: f32 = 0.35;
/// A side is ringed when this share of its middle has ink at some depth.
const RING_SHARE: f32 = 0.6;

/// Measures around `rect` (mm), where `dark(x, y)` gives the darkness (0–1) at a point in mm.
pub fn around(dark: impl Fn(f32, f32) -> f32, rect: RectMm) -> Around {
    let outward = ((OUT_TO - OUT_FROM) / DEPTH_STEP).round() as usize + 1;
    let mut ring_sides = 0u8;
    let mut per_side = [0u8; 4];
    for (side, exits) in per_side.iter_mut().enumerate() {
        // A point `depth` mm outside the outline (negative: inside) at share `f` along the side.
        let at = |f: f32, depth: f32| match side {
            0 => (rect.x + rect.w * f, rect.y - depth),
            1 => (rect.x + rect.w * f, rect.y + rect.h + depth),
            2 => (rect.x - depth, rect.y + rect.h * f),
            _ => (rect.x + rect.w + depth, rect.y + rect.h * f),
        };
        let ink = |f: f32, depth: f32| {
            let (x, y) = at(f, depth);
            dark(x, y) >= INK
        };
        let spot = |k: usize, span: (f32, f32)| {
            span.0 + (span.1 - span.0) * (k as f32 + 0.5) / POSITIONS as f32
        };
        // Along: ink somewhere across the band (inside or out) at most positions.
        let along = (0..POSITIONS)
            .filter(|&k| {
                let f = spot(k, RING_SPAN);
                (0..outward).any(|j| ink(f, OUT_FROM + j as f32 * DEPTH_STEP))
                    || IN_DEPTHS.iter().any(|d| ink(f, -d))
            })
            .count();
        if along as f32 >= RING_SHARE * POSITIONS as f32 {
            ring_sides += 1;
        }
        // Across: ink that runs from the outline to the far edge of the band, moving at most
        // one position sideways per step outward (a stroke up to about 50° off square).
        let mut reach: Vec<bool> = (0..POSITIONS)
            .map(|k| ink(spot(k, EXIT_SPAN), OUT_FROM))
            .collect();
        for j in 1..outward {
            let depth = OUT_FROM + j as f32 * DEPTH_STEP;
            reach = (0..POSITIONS)
                .map(|k| {
                    let near = reach[k.saturating_sub(1)..(k + 2).min(POSITIONS)]
                        .iter()
                        .any(|r| *r);
                    near && ink(spot(k, EXIT_SPAN), depth)
                })
                .collect();
        }
        *exits = runs(&reach);
    }
    let exit_sides = per_side.iter().filter(|e| **e > 0).count() as u8;
    let opposite = (per_side[0] > 0 && per_side[1] > 0) || (per_side[2] > 0 && per_side[3] > 0);
    Around {
        ring_sides,
        exits: per_side.iter().sum(),
        exit_sides,
        through: opposite && exit_sides == 2,
    }
}

/// The number of separate runs of `true`.
fn runs(v: &[bool]) -> u8 {
    let mut n = 0u8;
    let mut prev = false;
    for &b in v {
        if b && !prev {
            n = n.saturating_add(1);
        }
        prev = b;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 5 mm box at (10, 10) with its printed outline (0.35 mm wide), and `ink` on top.
    fn on_paper(ink: impl Fn(f32, f32) -> bool) -> impl Fn(f32, f32) -> f32 {
        move |x, y| {
            let (u, v) = (x - 10.0, y - 10.0);
            let outline = (-0.18..=5.18).contains(&u)
                && (-0.18..=5.18).contains(&v)
                && !((0.18..=4.82).contains(&u) && (0.18..=4.82).contains(&v));
            if outline || ink(u, v) {
                1.0
            } else {
                0.0
            }
        }
    }

    fn measured(ink: impl Fn(f32, f32) -> bool) -> Around {
        around(
            on_paper(ink),
            RectMm {
                x: 10.0,
                y: 10.0,
                w: 5.0,
                h: 5.0,
            },
        )
    }

    /// Ink within `half` mm of the circle of radius `r` around the box's centre.
    fn circle(r: f32, half: f32) -> impl Fn(f32, f32) -> bool {
        move |u, v| (((u - 2.5).powi(2) + (v - 2.5).powi(2)).sqrt() - r).abs() <= half
    }

    /// Ink within `half` mm of the segment from `a` to `b`.
    fn line(a: (f32, f32), b: (f32, f32), half: f32) -> impl Fn(f32, f32) -> bool {
        move |u, v| {
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let t = (((u - a.0) * dx + (v - a.1) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
            let (px, py) = (a.0 + t * dx, a.1 + t * dy);
            ((u - px).powi(2) + (v - py).powi(2)).sqrt() <= half
        }
    }

    #[test]
    fn an_empty_box_has_nothing_around_it() {
        assert_eq!(measured(|_, _| false), Around::default());
    }

    #[test]
    fn a_circle_around_or_across_the_outline_rings_every_side() {
        // Just outside, across the outline, and a larger one.
        for r in [2.9, 3.3, 3.7] {
            let a = measured(circle(r, 0.2));
            assert_eq!(a.ring_sides, 4, "radius {r}: {a:?}");
        }
        // An oval around the box and its label on the right: three sides.
        let oval = measured(|u, v| {
            let e = ((u - 6.0) / 7.0).powi(2) + ((v - 2.5) / 3.6).powi(2);
            (e.sqrt() - 1.0).abs() <= 0.04
        });
        assert!(oval.ring_sides >= 3, "{oval:?}");
    }

    #[test]
    fn print_and_marks_inside_do_not_ring_the_box() {
        // A grid's rule line 0.8 mm under the box: one side.
        let rule = measured(|_, v| (5.75..=5.85).contains(&v));
        assert_eq!(rule.ring_sides, 1, "{rule:?}");
        assert_eq!(rule.exits, 0, "{rule:?}");
        // A cross from corner to corner, inside: nothing around.
        let cross = measured(|u, v| {
            line((0.8, 0.8), (4.2, 4.2), 0.25)(u, v) || line((4.2, 0.8), (0.8, 4.2), 0.25)(u, v)
        });
        assert_eq!(cross.ring_sides, 0, "{cross:?}");
        assert_eq!(cross.exits, 0, "{cross:?}");
    }

    #[test]
    fn a_tick_leaves_once_and_a_stroke_through_the_row_leaves_both_sides() {
        let tick = measured(|u, v| {
            line((0.8, 2.5), (2.1, 4.3), 0.25)(u, v) || line((2.1, 4.3), (4.6, -1.8), 0.25)(u, v)
        });
        assert_eq!(tick.exits, 1, "{tick:?}");
        assert!(!tick.through, "{tick:?}");
        // A stroke through a row of boxes, a little slanted.
        let row = measured(line((-12.0, 2.0), (17.0, 3.2), 0.25));
        assert!(row.through, "{row:?}");
        assert_eq!(row.exits, 2, "{row:?}");
        // Down a column.
        let column = measured(line((2.7, -9.0), (2.2, 14.0), 0.3));
        assert!(column.through, "{column:?}");
    }

    #[test]
    fn a_cross_mostly_beside_the_box_leaves_it_twice() {
        // A cross centred on the right outline, its arms reaching 2.5 mm either way.
        let off = measured(|u, v| {
            line((3.0, 0.5), (7.0, 4.5), 0.25)(u, v) || line((7.0, 0.5), (3.0, 4.5), 0.25)(u, v)
        });
        assert!(off.exits >= 2, "{off:?}");
        assert!(off.exit_sides <= 2, "{off:?}");
        // A large cross over the box, corner to corner and a little beyond: not an exit.
        let large = measured(|u, v| {
            line((-0.6, -0.6), (5.6, 5.6), 0.25)(u, v) || line((5.6, -0.6), (-0.6, 5.6), 0.25)(u, v)
        });
        assert_eq!(large.exits, 0, "{large:?}");
        // A large cross turned a third of the way to a plus sign: it leaves on every side, and is
        // not a line through.
        let turned = measured(|u, v| {
            line((1.5, -2.0), (3.5, 7.0), 0.25)(u, v) || line((-2.0, 3.5), (7.0, 1.5), 0.25)(u, v)
        });
        assert!(turned.exit_sides >= 3, "{turned:?}");
        assert!(!turned.through, "{turned:?}");
    }

    #[test]
    fn runs_are_counted() {
        assert_eq!(runs(&[false, true, true, false, true]), 2);
        assert_eq!(runs(&[]), 0);
    }
}
