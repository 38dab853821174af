//! Marks that are clear inside the box but not in what they mean: sent to the clerk.
//!
//! The reader decides from the inside of a box ([`super::measure`]). Some marks look clear there
//! and are not: found by a clerk's walk through real forms, and none of them in the synthetic
//! suite. They are never read silently; their box goes to the clerk with a confidence below
//! [`VERIFY_BELOW`] and the likelier reading proposed:
//!
//! - **A box crossed and then partly blacked out**: between a cross (an answer) and the form's
//!   "fill in a box to cancel it" (taken back). A solid patch against the outline
//!   ([`Fill::blacked_edge`]) where the inside was not read as a cancel. The inside's reading
//!   is proposed (marked, as a rule).
//! - **A circle around a box**, its inside empty: circling is a common way to choose, but not the
//!   one the form asks for. Proposed: marked.
//! - **A stroke through a whole row of boxes** (or down a column): leaves each box on two
//!   opposite sides. Perhaps "none of these", perhaps a striking out. The reading of the inside
//!   is proposed; and when two boxes of a question are struck through, every box of that
//!   question with ink goes to the clerk ([`struck_rows`]).
//! - **A cross drawn mostly outside the box**: it leaves the box two or more times, through one
//!   side or two; which box it was meant for is the clerk's call. The reading of the inside is
//!   proposed. (A large cross drawn over the box, its arms running past it, leaves through three
//!   or four sides, and is read as the inside says.)
//!
//! A full cancel (dark on all four sides) is not touched, nor is a cross, tick or blob that
//! stays within its box; a tick may leave its box once, near its top corner.

use super::measure::{Fill, VERIFY_BELOW};
use super::Mark;

/// The confidence given to a mark whose meaning only the clerk can tell.
pub const ASKED: f32 = 0.5;
const _: () = assert!(ASKED < VERIFY_BELOW, "an asked mark goes to the clerk");

/// Solid ink against the outline (mm²) that makes a box partly blacked out: a patch about a
/// third of the box or more (a thick marker's cross, a blob: none).
const BLACKED_AREA: f32 = 0.6;
/// At least this share of the inside inked as well (a patch only along the outline, the inside
/// clear, is not a box blacked out).
const BLACKED_INK: f32 = 0.2;

/// The inside holds at most this much ink for a ring around it to count as a circle (a circle
/// drawn around a crossed box adds nothing to the cross).
const CIRCLE_INSIDE: f32 = 0.06;

/// Why a box's read is doubted, if it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doubt {
    /// Crossed and partly blacked out.
    PartlyBlacked,
    /// A circle around an empty box.
    Circled,
    /// A stroke through the box from one side to the other.
    StruckThrough,
    /// A mark that leaves the box twice or more: drawn mostly beside it.
    Outside,
}

/// What in `f` the inside alone cannot tell, if anything.
pub fn doubt(f: &Fill) -> Option<Doubt> {
    if f.blacked_edge >= BLACKED_AREA && f.ink >= BLACKED_INK {
        return Some(Doubt::PartlyBlacked);
    }
    if f.around.through {
        return Some(Doubt::StruckThrough);
    }
    if f.around.exits >= 2 && f.around.exit_sides <= 2 {
        return Some(Doubt::Outside);
    }
    if f.around.ring_sides >= 3 && f.ink < CIRCLE_INSIDE {
        return Some(Doubt::Circled);
    }
    None
}

/// The read `read` of the inside of a box, looked at again with what is around it (see the
/// module text). A full cancel read with confidence stays as it is.
pub fn second_look(f: &Fill, read: (Mark, f32)) -> (Mark, f32) {
    let (mark, conf) = read;
    if mark == Mark::Cancelled && conf >= VERIFY_BELOW {
        return read;
    }
    match doubt(f) {
        None => read,
        // Ink the inside alone would not take for an answer is proposed as one; what the inside
        // read (a mark, or a cancel it was unsure of) is kept.
        Some(Doubt::PartlyBlacked | Doubt::Circled) if mark == Mark::Empty => {
            (Mark::Marked, conf.min(ASKED))
        }
        Some(_) => (mark, conf.min(ASKED)),
    }
}

/// A stroke through a whole row: when two or more boxes of one question are struck through,
/// every box of that question with something in it (read as marked or cancelled, or with any
/// trace) goes to the clerk, also the first and last of the row where the stroke may begin or
/// end inside. `reads`, `items` and `fills` are the page's boxes in layout order.
pub fn struck_rows(reads: &mut [(Mark, f32)], items: &[&str], fills: &[Fill]) {
    let n = reads.len().min(items.len()).min(fills.len());
    for k in 0..n {
        let struck = (0..n)
            .filter(|&j| items[j] == items[k] && fills[j].around.through)
            .count();
        let inked = reads[k].0 != Mark::Empty || fills[k].trace > 0.0 || fills[k].ink > 0.0;
        if struck >= 2 && inked {
            reads[k].1 = reads[k].1.min(ASKED);
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

    /// A 5 mm box at 10 px/mm on paper of grey 235, with a box of the same row 7 mm to either
    /// side; `ink(u, v)` says where the respondent drew, in mm from the middle box's corner.
    fn drawn(ink: impl Fn(f32, f32) -> bool) -> Fill {
        drawn_at(10.0, &ink)
    }

    /// The same at `px` pixels per mm; below 8 (a 150 dpi scan) blurred over 3 × 3 pixels, and
    /// the pixels not lined up with the box.
    fn drawn_at(px: f32, ink: &dyn Fn(f32, f32) -> bool) -> Fill {
        let (w, h) = ((26.0 * px) as usize, (12.0 * px) as usize);
        let mut g = Gray::blank(w as u32, h as u32, 235);
        for y in 0..h {
            for x in 0..w {
                let (u, v) = ((x as f32 + 0.5) / px - 10.5, (y as f32 + 0.5) / px - 3.5);
                let outline = [-7.0f32, 0.0, 7.0].iter().any(|dx| {
                    let u = u - dx;
                    (-0.18..=5.18).contains(&u)
                        && (-0.18..=5.18).contains(&v)
                        && !((0.18..=4.82).contains(&u) && (0.18..=4.82).contains(&v))
                });
                if outline || ink(u, v) {
                    g.pixels[y * w + x] = 25;
                }
            }
        }
        let shift = if px < 8.0 {
            let sharp = g.pixels.clone();
            for y in 1..h - 1 {
                for x in 1..w - 1 {
                    let mut sum = 0u32;
                    for (dx, dy) in (0..9).map(|k| (k % 3, k / 3)) {
                        sum += sharp[(y + dy - 1) * w + x + dx - 1] as u32;
                    }
                    g.pixels[y * w + x] = (sum / 9) as u8;
                }
            }
            0.37
        } else {
            0.0
        };
        let map = Affine {
            m: [px as f64, 0.0, shift, 0.0, px as f64, shift],
        };
        let rect = RectMm {
            x: 10.5,
            y: 3.5,
            w: 5.0,
            h: 5.0,
        };
        measure(&g, &map, rect, 1.0, Levels { black: 25.0 })
    }

    fn line(a: (f32, f32), b: (f32, f32), half: f32) -> impl Fn(f32, f32) -> bool {
        move |u, v| {
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let t = (((u - a.0) * dx + (v - a.1) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
            ((u - a.0 - t * dx).powi(2) + (v - a.1 - t * dy).powi(2)).sqrt() <= half
        }
    }

    fn cross(u: f32, v: f32) -> bool {
        line((0.9, 0.9), (4.1, 4.1), 0.25)(u, v) || line((4.1, 0.9), (0.9, 4.1), 0.25)(u, v)
    }

    fn clear(f: Fill) -> bool {
        classify(f).1 >= VERIFY_BELOW
    }

    #[test]
    fn clear_marks_and_a_full_cancel_stay_as_they_were() {
        let tick = |u: f32, v: f32| {
            line((0.8, 2.5), (2.1, 4.3), 0.25)(u, v) || line((2.1, 4.3), (5.8, -1.2), 0.25)(u, v)
        };
        let blob = |u: f32, v: f32| (u - 2.5).powi(2) + (v - 2.6).powi(2) <= 1.6f32.powi(2);
        let marker = |u: f32, v: f32| {
            line((1.0, 1.0), (4.0, 4.0), 0.6)(u, v) || line((4.0, 1.0), (1.0, 4.0), 0.6)(u, v)
        };
        let large = |u: f32, v: f32| {
            line((1.5, -2.0), (3.5, 7.0), 0.3)(u, v) || line((-2.0, 3.5), (7.0, 1.5), 0.3)(u, v)
        };
        // A large cross over the box, turned towards a plus sign, its arms running past the
        // box on every side: no doubt from around it (the inside is read as ever).
        let large = drawn(large);
        assert_eq!(doubt(&large), None, "{large:?}");
        assert_eq!(classify(large).0, Mark::Marked, "{large:?}");
        for (name, f) in [
            ("cross", drawn(cross)),
            ("tick", drawn(tick)),
            ("blob", drawn(blob)),
            ("marker", drawn(marker)),
        ] {
            assert_eq!(doubt(&f), None, "{name}: {f:?}");
            assert_eq!(classify(f).0, Mark::Marked, "{name}: {f:?}");
            assert!(clear(f), "{name}: {f:?}");
        }
        let cancel = drawn(|u, v| (0.1..=4.9).contains(&u) && (0.1..=4.9).contains(&v));
        assert!(cancel.blacked_edge > 4.0, "{cancel:?}");
        assert_eq!(classify(cancel).0, Mark::Cancelled, "{cancel:?}");
        assert!(clear(cancel), "{cancel:?}");
        let empty = drawn(|_, _| false);
        assert_eq!(doubt(&empty), None, "{empty:?}");
        assert!(clear(empty));
    }

    #[test]
    fn a_cross_then_partly_blacked_out_goes_to_the_clerk() {
        // Crossed, then the left half, the top third, three quarters, or a corner quarter
        // blacked out.
        for part in [
            (0.1, 0.1, 2.6, 4.9),
            (0.1, 0.1, 4.9, 1.9),
            (0.1, 0.1, 4.9, 3.7),
            (2.2, 2.2, 4.9, 4.9),
        ] {
            let (x0, y0, x1, y1) = part;
            let f = drawn(|u, v| cross(u, v) || ((x0..=x1).contains(&u) && (y0..=y1).contains(&v)));
            assert_eq!(doubt(&f), Some(Doubt::PartlyBlacked), "{part:?}: {f:?}");
            assert_eq!(classify(f), (Mark::Marked, ASKED), "{part:?}: {f:?}");
        }
    }

    #[test]
    fn a_circle_around_an_empty_box_goes_to_the_clerk_as_marked() {
        for r in [3.0f32, 3.5, 3.9] {
            let f = drawn(|u, v| (((u - 2.5).powi(2) + (v - 2.5).powi(2)).sqrt() - r).abs() <= 0.2);
            assert_eq!(doubt(&f), Some(Doubt::Circled), "radius {r}: {f:?}");
            assert_eq!(classify(f), (Mark::Marked, ASKED), "radius {r}: {f:?}");
        }
    }

    #[test]
    fn a_stroke_through_the_row_and_a_cross_beside_the_box_go_to_the_clerk() {
        let row = drawn(line((-9.0, 2.2), (14.0, 2.9), 0.25));
        assert_eq!(doubt(&row), Some(Doubt::StruckThrough), "{row:?}");
        assert!(!clear(row), "{row:?}");
        let beside = drawn(|u, v| {
            line((3.2, 0.6), (7.4, 4.6), 0.25)(u, v) || line((7.4, 0.6), (3.2, 4.6), 0.25)(u, v)
        });
        assert!(doubt(&beside).is_some(), "{beside:?}");
        assert!(!clear(beside), "{beside:?}");
    }

    #[test]
    fn at_150_dpi_blurred_the_same_marks_are_clear_or_asked() {
        let at = |ink: &dyn Fn(f32, f32) -> bool| drawn_at(6.0, ink);
        let tick = |u: f32, v: f32| {
            line((0.8, 2.5), (2.1, 4.3), 0.25)(u, v) || line((2.1, 4.3), (4.6, -1.4), 0.25)(u, v)
        };
        let blob = |u: f32, v: f32| (u - 2.7).powi(2) + (v - 2.6).powi(2) <= 1.6f32.powi(2);
        for (name, f) in [
            ("cross", at(&cross)),
            ("tick", at(&tick)),
            ("blob", at(&blob)),
        ] {
            assert_eq!(doubt(&f), None, "{name}: {f:?}");
            assert!(clear(f), "{name}: {f:?}");
        }
        let part = at(&|u, v| cross(u, v) || (u <= 2.0 && (0.1..=4.9).contains(&v)));
        assert_eq!(doubt(&part), Some(Doubt::PartlyBlacked), "{part:?}");
        let ring = at(&|u, v| (((u - 2.5).powi(2) + (v - 2.5).powi(2)).sqrt() - 3.3).abs() <= 0.2);
        assert_eq!(doubt(&ring), Some(Doubt::Circled), "{ring:?}");
        let row = at(&line((-9.0, 2.2), (14.0, 2.9), 0.25));
        assert_eq!(doubt(&row), Some(Doubt::StruckThrough), "{row:?}");
        for f in [part, ring, row] {
            assert!(!clear(f), "{f:?}");
        }
    }

    #[test]
    fn a_struck_row_sends_every_inked_box_of_its_question() {
        let through = drawn(line((-9.0, 2.2), (14.0, 2.9), 0.25));
        // The stroke begins inside the first box: it leaves only one side.
        let begun = drawn(line((0.7, 2.2), (14.0, 2.9), 0.25));
        assert!(!begun.around.through, "{begun:?}");
        let empty = drawn(|_, _| false);
        let crossed = drawn(cross);
        let fills = [begun, through, through, empty, crossed];
        let items = ["a", "a", "a", "a", "b"];
        let mut reads: Vec<(Mark, f32)> = fills.iter().map(|f| classify(*f)).collect();
        assert!(reads[0].1 >= VERIFY_BELOW, "{:?} {begun:?}", reads[0]);
        struck_rows(&mut reads, &items, &fills);
        for k in 0..3 {
            assert!(reads[k].1 < VERIFY_BELOW, "box {k}: {:?}", fills[k]);
        }
        // An empty box of the row, and another question, stay as they were.
        assert_eq!(reads[3], classify(empty));
        assert_eq!(reads[4], classify(crossed));
        // One struck box alone is not a struck row (it goes to the clerk on its own).
        let mut reads: Vec<(Mark, f32)> = [begun, through].iter().map(|f| classify(*f)).collect();
        struck_rows(&mut reads, &["a", "a"], &[begun, through]);
        assert!(reads[0].1 >= VERIFY_BELOW);
    }
}

/// The printed form alone, with nothing written on it, raises no doubt: no label, rule line or
/// neighbouring box is taken for a circle, a blacked side or a stroke.
#[cfg(test)]
mod print_tests {
    use super::*;
    use crate::surveys::paper::form_pdf;
    use crate::surveys::paper::omr::read::page_fills;
    use crate::surveys::paper::scan_synth::rasterise;
    use crate::web::i18n::Lang;

    #[test]
    fn the_printed_form_alone_raises_no_doubt() {
        if std::process::Command::new("pdftoppm")
            .arg("-v")
            .output()
            .is_err()
        {
            // CI installs poppler and asks for every test: there a skip is a failure.
            assert!(
                std::env::var_os("KLANKBORD_REQUIRE_ALL").is_none(),
                "pdftoppm (poppler) is not installed"
            );
            eprintln!("SKIPPED: pdftoppm (poppler) is not installed");
            return;
        }
        let def = crate::surveys::shipped().unwrap().remove(0);
        // Dutch (labels right of the boxes) and Arabic (right to left: labels on the left, and
        // the tall letters of "weet niet" under its box).
        for (lang, dpi) in [(Lang::Nl, 150u32), (Lang::Ar, 300)] {
            let design = form_pdf::lay_out(&def, lang, "Terug vóór 1 mei.", "").unwrap();
            let run = form_pdf::Run {
                wave_id: 1,
                version_id: 1,
                layout_id: 7,
                municipality: "Gemeente Voorbeeld",
            };
            let pdf = form_pdf::render(&design, &run, 1, 1).unwrap();
            let pages = rasterise(&pdf, dpi, 1, design.layout.pages.len()).unwrap();
            for (n, page) in pages.iter().enumerate() {
                let fills = page_fills(page, &design.layout).unwrap();
                let boxes = &design.layout.pages[n].boxes;
                assert_eq!(fills.len(), boxes.len());
                for (f, b) in fills.iter().zip(boxes) {
                    let at = format!("{lang:?} {dpi} dpi page {} {} {}", n + 1, b.item, b.value);
                    assert_eq!(doubt(f), None, "{at}: {f:?}");
                    assert_eq!(f.blacked_edge, 0.0, "{at}: {f:?}");
                    // A grid's rule line runs along one side.
                    assert!(f.around.ring_sides <= 1, "{at}: {f:?}");
                    // The tall letters of an Arabic label may reach into the band under a box
                    // (one exit); two never happen.
                    assert!(f.around.exits <= 1 && !f.around.through, "{at}: {f:?}");
                }
            }
        }
    }
}
