//! Finding a page's QR code: who the page is, and which way up it lies.

use super::decode::Gray;
use crate::surveys::paper::layout::RectMm;

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
/// was turned), on a copy brought down to about 150 dpi for speed. When none is found (a blurred
/// scan at 150 dpi, JPEG blocks), it looks again on copies cut into black and white at the middle
/// between the paper and the code's black: at the scan's own size, and at twice the size (the cut
/// then falls between pixels, so a module's edge is kept where blur made it grey).
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
    for look in [Look::AsScanned, Look::Cut, Look::CutTwice] {
        for (x0, y0) in regions {
            if let Some(found) = qr_in(page, x0, y0, side, step, look) {
                return Some(found);
            }
        }
        if look == Look::AsScanned {
            // The whole page (a scan with wide margins or an odd size).
            if let Some(found) = qr_in(page, 0, 0, w.max(h), step, look) {
                return Some(found);
            }
        }
    }
    None
}

/// How a region is shown to the QR detector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    /// The grey scan as it is.
    AsScanned,
    /// Cut into black and white at the middle between paper and black.
    Cut,
    /// Enlarged twice (bilinear), then cut.
    CutTwice,
}

/// The grey level halfway between the darkest ink and the paper of a region.
fn middle_grey(page: &Gray, x0: u32, y0: u32, w: usize, h: usize, step: u32) -> u8 {
    let mut hist = [0u32; 256];
    for y in (0..h).step_by(2) {
        for x in (0..w).step_by(2) {
            hist[page.get((x0 + x as u32 * step) as i64, (y0 + y as u32 * step) as i64)
                as usize] += 1;
        }
    }
    let total: u32 = hist.iter().sum();
    let at = |share: f64| {
        let want = (total as f64 * share) as u32;
        let mut seen = 0;
        for (v, n) in hist.iter().enumerate() {
            seen += n;
            if seen > want {
                return v as u32;
            }
        }
        255
    };
    ((at(0.02) + at(0.7)) / 2) as u8
}

fn qr_in(page: &Gray, x0: u32, y0: u32, side: u32, step: u32, look: Look) -> Option<QrFound> {
    let w = (side.min(page.width - x0) / step) as usize;
    let h = (side.min(page.height - y0) / step) as usize;
    if w < 21 || h < 21 {
        return None;
    }
    let grey =
        |x: usize, y: usize| page.get((x0 + x as u32 * step) as i64, (y0 + y as u32 * step) as i64);
    let (mut img, zoom) = match look {
        Look::AsScanned => (rqrr::PreparedImage::prepare_from_greyscale(w, h, grey), 1.0),
        Look::Cut => {
            let cut = middle_grey(page, x0, y0, w, h, step);
            let img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
                if grey(x, y) < cut {
                    0
                } else {
                    255
                }
            });
            (img, 1.0)
        }
        Look::CutTwice => {
            let cut = middle_grey(page, x0, y0, w, h, step) as f32;
            let img = rqrr::PreparedImage::prepare_from_greyscale(2 * w, 2 * h, |x, y| {
                // The pixel's centre in the region's pixels.
                let (fx, fy) = ((x as f32 + 0.5) / 2.0 - 0.5, (y as f32 + 0.5) / 2.0 - 0.5);
                let (ix, iy) = (fx.floor().max(0.0) as usize, fy.floor().max(0.0) as usize);
                let (tx, ty) = (
                    (fx - ix as f32).clamp(0.0, 1.0),
                    (fy - iy as f32).clamp(0.0, 1.0),
                );
                let (jx, jy) = ((ix + 1).min(w - 1), (iy + 1).min(h - 1));
                let top = grey(ix, iy) as f32 * (1.0 - tx) + grey(jx, iy) as f32 * tx;
                let bottom = grey(ix, jy) as f32 * (1.0 - tx) + grey(jx, jy) as f32 * tx;
                if top * (1.0 - ty) + bottom * ty < cut {
                    0
                } else {
                    255
                }
            });
            (img, 0.5)
        }
    };
    for grid in img.detect_grids() {
        let Ok((meta, text)) = grid.decode() else {
            continue;
        };
        if !text.starts_with("KB1/") {
            continue;
        }
        let to_page = |p: rqrr::Point| {
            (
                x0 as f64 + (p.x as f64 + 0.5) * zoom * step as f64,
                y0 as f64 + (p.y as f64 + 0.5) * zoom * step as f64,
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
