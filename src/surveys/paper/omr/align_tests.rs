//! Tests of fitting a scan to its layout.

use super::*;
use crate::surveys::paper::layout::RectMm;

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

/// The form's geometry (marks 12 mm in from each edge, 6 mm side; QR code top right).
fn layout() -> FormLayout {
    FormLayout {
        format: 1,
        page_w: 210.0,
        page_h: 297.0,
        corners: [(12.0, 12.0), (198.0, 12.0), (198.0, 285.0), (12.0, 285.0)],
        corner_side: 6.0,
        qr: RectMm {
            x: 166.0,
            y: 7.0,
            w: 22.0,
            h: 22.0,
        },
        box_side: 5.0,
        pages: vec![],
    }
}

/// Where a copier puts layout millimetres on a 200 dpi scan of A4: turned by `deg` about the
/// page's centre, scaled by `scale`, shifted by `shift` mm (as the synthetic scans are made).
fn copier(deg: f64, scale: f64, shift: (f64, f64)) -> Affine {
    let px = 200.0 / 25.4;
    let (s, c) = deg.to_radians().sin_cos();
    let (cx, cy) = (105.0 * px, 148.5 * px);
    let (a, b, d, e) = (
        scale * c * px,
        -scale * s * px,
        scale * s * px,
        scale * c * px,
    );
    Affine {
        m: [
            a,
            b,
            cx + shift.0 * px - a * 105.0 - b * 148.5,
            d,
            e,
            cy + shift.1 * px - d * 105.0 - e * 148.5,
        ],
    }
}

/// A 200 dpi scan of the marks (and of `extra` filled squares: centre and side in mm) as
/// `truth` puts them; what falls beyond the scan's edge is lost.
fn scan(truth: &Affine, l: &FormLayout, extra: &[((f64, f64), f64)]) -> Gray {
    let (w, h) = (1654u32, 2339u32);
    let mut g = Gray::blank(w, h, 236);
    // The inverse of the map, to find the layout point of each pixel.
    let [a, b, c, d, e, f] = truth.m;
    let det = a * e - b * d;
    let mut squares: Vec<((f64, f64), f64)> = l
        .corners
        .iter()
        .map(|(x, y)| ((*x as f64, *y as f64), l.corner_side as f64))
        .collect();
    squares.extend_from_slice(extra);
    for y in 0..h {
        for x in 0..w {
            let (u, v) = (x as f64 + 0.5 - c, y as f64 + 0.5 - f);
            let (mx, my) = ((e * u - b * v) / det, (-d * u + a * v) / det);
            if squares
                .iter()
                .any(|((cx, cy), s)| (mx - cx).abs() <= s / 2.0 && (my - cy).abs() <= s / 2.0)
            {
                g.pixels[(y * w + x) as usize] = 25;
            }
        }
    }
    g
}

/// The QR code as the detector reports it (a little off, as a real detection is).
fn qr_seen(truth: &Affine, l: &FormLayout) -> QrFound {
    let mut corners = qr_corners_mm(l.qr, 25).map(|(x, y)| truth.apply(x, y));
    corners[1].0 += 0.7;
    corners[3].1 -= 0.6;
    QrFound {
        text: "KB1/test".into(),
        corners,
        modules: 25,
    }
}

/// The fitted map puts every point of the page within `mm` of where the copier put it.
fn assert_close(map: &Affine, truth: &Affine, mm: f64) {
    let px = truth.px_per_mm();
    for y in (0..=297).step_by(27) {
        for x in (0..=210).step_by(21) {
            let (a, b) = (
                map.apply(x as f64, y as f64),
                truth.apply(x as f64, y as f64),
            );
            let miss = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt() / px;
            assert!(miss < mm, "({x}, {y}) missed by {miss:.2} mm");
        }
    }
}

#[test]
fn a_corner_mark_turned_off_the_scan_is_done_without_using_the_other_three_and_the_qr_code() {
    // Turned 3° and shifted 4 mm right and down at full scale: the bottom-right mark's centre
    // lands 1 mm from the scan's right edge, half of it cut off. (The cause of the pages that
    // went to the clerk in the end-to-end test: the reader asked for all four marks.)
    let l = layout();
    let truth = copier(-3.0, 1.0, (4.0, 4.0));
    let (bx, _) = truth.apply(198.0, 285.0);
    assert!(bx + 3.0 * truth.px_per_mm() > 1654.0, "the mark is cut off");
    let page = scan(&truth, &l, &[]);
    let fitted = fit(&page, &l, &qr_seen(&truth, &l)).expect("fitted on three marks");
    assert_eq!(fitted.used, [true, true, false, true]);
    assert_close(&fitted.map, &truth, 0.25);

    // The same with a blacked-out answer box just inside that corner: not taken for the mark.
    let page = scan(&truth, &l, &[((190.5, 278.5), 5.0)]);
    let fitted = fit(&page, &l, &qr_seen(&truth, &l)).expect("fitted on three marks");
    assert_eq!(fitted.used, [true, true, false, true]);
    assert_close(&fitted.map, &truth, 0.25);
}

#[test]
fn every_corner_of_the_distortion_range_fits_exactly() {
    let l = layout();
    for deg in [-3.0, 3.0, 178.5, 181.5] {
        for scale in [0.94, 1.0] {
            for shift in [(-4.0, -4.0), (4.0, -4.0), (-4.0, 4.0), (4.0, 4.0)] {
                let truth = copier(deg, scale, shift);
                let page = scan(&truth, &l, &[((190.5, 278.5), 5.0), ((19.5, 30.0), 5.0)]);
                let fitted = fit(&page, &l, &qr_seen(&truth, &l))
                    .unwrap_or_else(|e| panic!("{deg}° {scale} {shift:?}: {e:?}"));
                assert!(fitted.used.iter().filter(|u| **u).count() >= 3);
                assert_close(&fitted.map, &truth, 0.25);
            }
        }
    }
}

#[test]
fn a_page_with_two_marks_gone_is_not_fitted() {
    let l = layout();
    let truth = copier(0.5, 0.97, (0.0, 0.0));
    let mut page = scan(&truth, &l, &[]);
    // The bottom of the page did not come through the scanner.
    let keep = (page.height / 2 * page.width) as usize;
    page.pixels[keep..].fill(236);
    assert!(matches!(
        fit(&page, &l, &qr_seen(&truth, &l)),
        Err(AlignError::NoMark(2 | 3))
    ));
}

#[test]
fn a_dark_square_taken_for_a_mark_is_outvoted_by_the_qr_code() {
    let l = layout();
    let truth = copier(1.0, 0.96, (2.0, -1.0));
    let from: Vec<(f64, f64)> = l
        .corners
        .iter()
        .map(|(x, y)| (*x as f64, *y as f64))
        .collect();
    let mut found: [Option<(f64, f64)>; 4] = [None; 4];
    for i in 0..4 {
        found[i] = Some(truth.apply(from[i].0, from[i].1));
    }
    // The bottom-left "mark" is a blacked-out box 7 mm up and right of it.
    found[3] = Some(truth.apply(19.0, 278.0));
    let qr = qr_seen(&truth, &l);
    let qr_from = qr_corners_mm(l.qr, qr.modules);
    let fitted = choose(&from, &found, &qr_from, &qr.corners).expect("three good marks");
    assert_eq!(fitted.used, [true, true, true, false]);
    assert_close(&fitted.map, &truth, 0.05);
    // Two wrong: nothing agrees with the QR code, so no fit (the page goes to the clerk).
    found[2] = Some(truth.apply(190.0, 270.0));
    assert!(matches!(
        choose(&from, &found, &qr_from, &qr.corners),
        Err(AlignError::BadFit(_))
    ));
}
