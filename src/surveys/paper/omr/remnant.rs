//! Light pencil lost in black and white, found again from its question.
//!
//! A black-and-white (bilevel, CCITT G4) scan keeps a pixel only where the page was darker than
//! the scanner's cut. Light pencil lies close to that cut: of a pencil cross often only a few
//! pixel-thin specks are left, too little to be told from a stray dot by the box alone, so
//! [`measure::classify`] reads such a box as empty and sends it to the clerk. Read as empty, the
//! answer is lost until the clerk looks.
//!
//! The question the box belongs to says more. Most questions are answered; when no box of a
//! question is read as marked and exactly one of its boxes holds what looks like a pencil
//! remnant, that box is more likely the answer than a stray dot. It is then *proposed* as marked,
//! still with a confidence below [`VERIFY_BELOW`], so the clerk confirms it either way: this
//! changes what the verification screen proposes, never what is stored without the clerk.
//!
//! What looks like a pencil remnant: a trace in pieces (specks along a line), a trace whose ink
//! is thin for its extent, or a speck smaller than a pen's dot. A pen's stray dot is dark, solid
//! and at least half a millimetre across, so most of the samples it covers are also well inked;
//! the specks left of pencil are a pixel or two wide, and the sampling between pixels spreads
//! each over samples that are only lightly inked.
//!
//! Tuned on seed 41 of the synthetic scan suite (benches/scans.rs; 720 pages, of them 240 G4):
//! of the 35 pencil marks on G4 pages read as empty with some black left, this proposes 28, and
//! two empty boxes (stray dots) wrongly; checked on seed 47 (240 pages, 120 G4): 15 of 26, one
//! wrongly. What it cannot find: pencil beside another answer of a many-answers question, a
//! remnant as solid and large as a dot, and marks with no black pixel left in the box (no reader
//! can).

use super::measure::{Fill, VERIFY_BELOW};
use super::Mark;

/// A trace counts as thin when its ink is at most this share of its extent. Solid dots measure
/// 0.5–0.8 on scans at 150–300 dpi; specks left of pencil 0.1–0.45.
const THIN_INK: f32 = 0.45;

/// A trace whose largest piece stays this close (rms distance from its centre, mm) is smaller
/// than a pen's dot (0.5 mm across or more, solid): a speck of a pixel or two.
const TINY_REACH: f32 = 0.15;

/// The confidence of a proposed answer: below [`VERIFY_BELOW`], so the clerk always looks.
pub const PROPOSED: f32 = 0.55;
const _: () = assert!(
    PROPOSED < VERIFY_BELOW,
    "a proposed answer goes to the clerk"
);

/// What may be left of light pencil on a black-and-white page: a trace too faint to be read as a
/// stroke, in several pieces, thin, or smaller than a pen's dot.
pub fn pencil_remnant(f: &Fill) -> bool {
    f.bilevel
        && f.trace > 0.0
        && (f.pieces.count >= 2 || f.ink <= THIN_INK * f.trace || f.pieces.main_reach <= TINY_REACH)
}

/// Proposes lone pencil remnants as answers. `reads` are the page's boxes as classified, `items`
/// the question of each box and `fills` what was measured in it (all three in layout order).
/// Within each question with no box read as marked, when exactly one box was read as empty but
/// doubtful and holds a [`pencil_remnant`], that box becomes marked with confidence
/// [`PROPOSED`].
pub fn propose(reads: &mut [(Mark, f32)], items: &[&str], fills: &[Fill]) {
    let n = reads.len().min(items.len()).min(fills.len());
    let mut done = vec![false; n];
    for start in 0..n {
        if done[start] {
            continue;
        }
        let item = items[start];
        let members: Vec<usize> = (start..n).filter(|&k| items[k] == item).collect();
        for &k in &members {
            done[k] = true;
        }
        if members.iter().any(|&k| reads[k].0 == Mark::Marked) {
            continue;
        }
        let candidates: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&k| {
                reads[k].0 == Mark::Empty && reads[k].1 < VERIFY_BELOW && pencil_remnant(&fills[k])
            })
            .collect();
        if let [k] = candidates[..] {
            reads[k] = (Mark::Marked, PROPOSED);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::paper::layout::RectMm;
    use crate::surveys::paper::omr::align::Affine;
    use crate::surveys::paper::omr::decode::Gray;
    use crate::surveys::paper::omr::measure::{classify, measure, Levels};

    /// A 5 mm box at 6 px/mm (150 dpi) on a black-and-white page, with `black` giving the black
    /// pixels inside it (box coordinates in pixels, 0–29).
    fn bilevel_box(black: impl Fn(i64, i64) -> bool) -> Fill {
        let (w, o) = (60u32, 15i64);
        let mut g = Gray::blank(w, w, 255);
        for y in 0..w as i64 {
            for x in 0..w as i64 {
                let (bx, by) = (x - o, y - o);
                let on_box = (0..=30).contains(&bx) && (0..=30).contains(&by);
                let inside = (2..29).contains(&bx) && (2..29).contains(&by);
                if (on_box && !inside) || (inside && black(bx, by)) {
                    g.pixels[(y * w as i64 + x) as usize] = 0;
                }
            }
        }
        let map = Affine {
            // Scan pixels do not line up with the samples.
            m: [6.0, 0.0, 0.37, 0.0, 6.0, 0.41],
        };
        let rect = RectMm {
            x: 2.5,
            y: 2.5,
            w: 5.0,
            h: 5.0,
        };
        measure(&g, &map, rect, 1.0, Levels { black: 0.0 })
    }

    /// Two lone black pixels on the diagonal: what is left of a pencil cross.
    fn specks() -> Fill {
        bilevel_box(|x, y| (x, y) == (11, 11) || (x, y) == (18, 12))
    }

    /// A solid black dot 1 mm across (a pen's stray dot).
    fn dot() -> Fill {
        bilevel_box(|x, y| (x - 15).pow(2) + (y - 14).pow(2) <= 9)
    }

    fn empty() -> Fill {
        bilevel_box(|_, _| false)
    }

    fn read(fills: &[Fill], items: &[&str]) -> Vec<(Mark, f32)> {
        let mut reads: Vec<(Mark, f32)> = fills.iter().map(|f| classify(*f)).collect();
        propose(&mut reads, items, fills);
        reads
    }

    #[test]
    fn pencil_specks_and_a_solid_dot_are_told_apart() {
        let (s, d) = (specks(), dot());
        assert!(s.bilevel && s.trace > 0.0, "{s:?}");
        assert!(pencil_remnant(&s), "{s:?}");
        assert!(d.trace > 0.0, "{d:?}");
        assert!(!pencil_remnant(&d), "{d:?}");
        assert!(!pencil_remnant(&empty()));
        // A lone black pixel (a sixth of a millimetre) is smaller than a pen's dot.
        let speck = bilevel_box(|x, y| (x, y) == (10, 12));
        assert!(speck.pieces.main_reach <= TINY_REACH, "{speck:?}");
        assert!(pencil_remnant(&speck), "{speck:?}");
        // Both, alone, are read as empty and go to the clerk.
        for f in [s, d] {
            let (mark, conf) = classify(f);
            assert_eq!(mark, Mark::Empty, "{f:?}");
            assert!(conf < VERIFY_BELOW, "{f:?}");
        }
    }

    #[test]
    fn a_lone_remnant_in_an_unanswered_question_is_proposed_and_still_asked() {
        let fills = [empty(), specks(), empty(), dot(), empty()];
        let items = ["a", "a", "a", "b", "b"];
        let reads = read(&fills, &items);
        assert_eq!(reads[1], (Mark::Marked, PROPOSED));
        // A solid dot in another unanswered question stays empty (and asked).
        assert_eq!(reads[3].0, Mark::Empty);
        assert!(reads[3].1 < VERIFY_BELOW);
        for k in [0, 2, 4] {
            assert_eq!(reads[k].0, Mark::Empty);
        }
    }

    #[test]
    fn no_remnant_is_proposed_where_the_question_has_an_answer_or_two_remnants() {
        let marked = bilevel_box(|x, y| (x - y).abs() <= 1 || (x + y - 30).abs() <= 1);
        assert_eq!(classify(marked).0, Mark::Marked);
        // Answered question: the specks stay empty.
        let reads = read(&[marked, specks(), empty()], &["a", "a", "a"]);
        assert_eq!(reads[1].0, Mark::Empty);
        // Two remnants in one question: no way to choose; both stay empty, both asked.
        let reads = read(&[specks(), empty(), specks()], &["a", "a", "a"]);
        assert_eq!(reads[0].0, Mark::Empty);
        assert_eq!(reads[2].0, Mark::Empty);
        // The same specks on a grey scan are not a black-and-white remnant.
        let grey = Fill {
            bilevel: false,
            ..specks()
        };
        assert!(!pencil_remnant(&grey));
    }
}
