//! The connected pieces of a box's trace: one stroke, or separate specks?
//!
//! A tick, cross or blob is one piece of ink (or, in black and white, a row of specks close
//! together along a line); two stray dots in one box are two pieces far apart. Taken together,
//! two dots reach as far from their common centre as a stroke does, so the reach alone cannot
//! tell them apart; the reach of the largest piece can.
//!
//! The trace is a small grid (at most 40 × 40 samples), so the pieces are found with a plain
//! flood fill rather than an image-processing crate: `imageproc`'s labelling would bring in that
//! crate and its dependencies (none of them in the build yet) for a few dozen lines.

/// The pieces of a trace.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Pieces {
    /// Pieces of at least [`MIN_SAMPLES`] samples.
    pub count: u8,
    /// How far the largest piece reaches from its own centre (root mean square distance, mm).
    pub main_reach: f32,
    /// Share of the traced samples in the largest piece (0–1).
    pub main_share: f32,
    /// Widest gap (mm) between the largest piece and any other piece of at least
    /// [`MIN_SAMPLES`] samples, from centre to nearest sample (0 with one piece).
    pub gap: f32,
}

/// Smallest piece counted (a lone sample is noise).
pub const MIN_SAMPLES: usize = 2;

/// The 8-connected pieces of `mask`, an `n` × `n` grid, row by row, whose samples lie `step_x`
/// and `step_y` mm apart.
pub fn pieces(mask: &[bool], n: usize, step_x: f32, step_y: f32) -> Pieces {
    if n == 0 || mask.len() != n * n {
        return Pieces::default();
    }
    let mut label = vec![u16::MAX; n * n];
    // Per piece: its samples' indices.
    let mut parts: Vec<Vec<usize>> = vec![];
    let mut stack = vec![];
    for start in 0..n * n {
        if !mask[start] || label[start] != u16::MAX {
            continue;
        }
        let id = parts.len() as u16;
        let mut members = vec![];
        label[start] = id;
        stack.push(start);
        while let Some(i) = stack.pop() {
            members.push(i);
            let (x, y) = ((i % n) as i64, (i / n) as i64);
            for dy in -1..=1i64 {
                for dx in -1..=1i64 {
                    let (nx, ny) = (x + dx, y + dy);
                    if nx < 0 || ny < 0 || nx >= n as i64 || ny >= n as i64 {
                        continue;
                    }
                    let j = ny as usize * n + nx as usize;
                    if mask[j] && label[j] == u16::MAX {
                        label[j] = id;
                        stack.push(j);
                    }
                }
            }
        }
        parts.push(members);
    }
    let total: usize = parts.iter().map(Vec::len).sum();
    let Some(main) = parts.iter().max_by_key(|p| p.len()) else {
        return Pieces::default();
    };
    let at = |i: usize| ((i % n) as f32 * step_x, (i / n) as f32 * step_y);
    let k = main.len() as f32;
    let (mx, my) = main.iter().fold((0f32, 0f32), |(sx, sy), &i| {
        let (x, y) = at(i);
        (sx + x / k, sy + y / k)
    });
    let var = main
        .iter()
        .map(|&i| {
            let (x, y) = at(i);
            (x - mx).powi(2) + (y - my).powi(2)
        })
        .sum::<f32>()
        / k;
    let others = parts
        .iter()
        .filter(|p| p.len() >= MIN_SAMPLES && !std::ptr::eq(*p, main));
    let gap = others
        .map(|p| {
            p.iter()
                .map(|&i| {
                    let (x, y) = at(i);
                    ((x - mx).powi(2) + (y - my).powi(2)).sqrt()
                })
                .fold(f32::MAX, f32::min)
        })
        .fold(0f32, f32::max);
    Pieces {
        count: parts
            .iter()
            .filter(|p| p.len() >= MIN_SAMPLES)
            .count()
            .min(255) as u8,
        main_reach: var.sqrt(),
        main_share: k / total.max(1) as f32,
        gap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 30 × 30 grid, 0.1 mm apart, with `on` giving the traced samples.
    fn grid(on: impl Fn(usize, usize) -> bool) -> Pieces {
        let n = 30;
        let mask: Vec<bool> = (0..n * n).map(|i| on(i % n, i / n)).collect();
        pieces(&mask, n, 0.1, 0.1)
    }

    fn disc(x: usize, y: usize, cx: i64, cy: i64, r2: i64) -> bool {
        (x as i64 - cx).pow(2) + (y as i64 - cy).pow(2) <= r2
    }

    #[test]
    fn two_separate_dots_are_two_small_pieces() {
        let p = grid(|x, y| disc(x, y, 6, 6, 4) || disc(x, y, 22, 20, 4));
        assert_eq!(p.count, 2, "{p:?}");
        // Each dot stays within a fifth of a millimetre of its centre…
        assert!(p.main_reach < 0.2, "{p:?}");
        // …but the other lies almost two millimetres away.
        assert!(p.gap > 1.5, "{p:?}");
        assert!((p.main_share - 0.5).abs() < 0.01, "{p:?}");
    }

    #[test]
    fn a_cross_is_one_piece_that_reaches_across() {
        let p =
            grid(|x, y| (x as i64 - y as i64).abs() <= 1 || (x as i64 + y as i64 - 29).abs() <= 1);
        assert_eq!(p.count, 1, "{p:?}");
        assert!(p.main_reach > 0.75, "{p:?}");
        assert_eq!(p.gap, 0.0);
        assert_eq!(p.main_share, 1.0);
    }

    #[test]
    fn a_dotted_line_keeps_its_specks_close_together() {
        // What is left of a pencil stroke in black and white: a speck every 0.4 mm along a line.
        let p = grid(|x, y| x == y && x % 4 < 2);
        assert!(p.count >= 5, "{p:?}");
        assert!(p.gap > 0.0, "{p:?}");
        // The largest speck is tiny, but every other one is near another: the gap from the
        // largest to the farthest is the line's length, so a line is told by `count`, not `gap`.
        assert!(p.main_share < 0.2, "{p:?}");
    }

    #[test]
    fn nothing_and_lone_samples() {
        assert_eq!(grid(|_, _| false), Pieces::default());
        let lone = grid(|x, y| (x, y) == (3, 3) || (x, y) == (20, 20));
        assert_eq!(lone.count, 0, "{lone:?}");
        assert_eq!(lone.gap, 0.0, "{lone:?}");
        assert_eq!(pieces(&[true; 3], 2, 0.1, 0.1), Pieces::default());
    }
}
