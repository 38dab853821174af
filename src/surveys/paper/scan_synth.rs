//! A synthetic scan suite: the product's own PDF forms, rasterised by poppler's `pdftoppm`,
//! marked with known answers in several hands (tick, cross, filled blob, light pencil, thick
//! marker, a box blacked out to cancel it, stray dots), then distorted as a scanner or copier
//! would (rotation, scale 94–100%, shift, blur, noise) and stored as an office scanner stores it
//! (JPEG at quality 50 or CCITT G4 bilevel inside a PDF, or PNG). Seeded: the same seed gives the
//! same pages and the same answers.
//!
//! Test support only: used by the accuracy and speed benchmark (`benches/scans.rs`) and the
//! integration test. It knows nothing of the reader; it uses only the layout and the PDF forms.

use std::collections::BTreeMap;
use std::io::Write;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::layout::{FormLayout, RectMm};
pub use super::omr::decode::Gray;

/// How a chosen box is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Hand {
    /// A tick.
    Tick,
    /// A cross.
    Cross,
    /// A filled blob in the middle.
    Filled,
    /// A cross in light pencil.
    Pencil,
    /// A cross with a thick marker.
    Marker,
}

/// How a scan is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    /// JPEG at quality 50, in a PDF.
    JpegPdf,
    /// CCITT G4 bilevel, in a PDF.
    G4Pdf,
    /// PNG, grey.
    Png,
}

/// The truth of one box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrueBox {
    /// Question key.
    pub item: String,
    /// Value.
    pub value: String,
    /// Chosen (counts as an answer).
    pub chosen: bool,
    /// Blacked out (cancelled: not an answer).
    pub cancelled: bool,
    /// The hand, for a chosen box.
    pub hand: Option<Hand>,
}

/// Reads a PGM (P5) file as poppler writes it.
pub fn read_pgm(bytes: &[u8]) -> Option<Gray> {
    let mut fields = vec![];
    let mut i = 0;
    while fields.len() < 4 && i < bytes.len() {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(std::str::from_utf8(&bytes[start..i]).ok()?.to_string());
    }
    if fields.first()? != "P5" {
        return None;
    }
    let w: u32 = fields[1].parse().ok()?;
    let h: u32 = fields[2].parse().ok()?;
    let data = bytes.get(i + 1..i + 1 + (w * h) as usize)?.to_vec();
    Some(Gray {
        width: w,
        height: h,
        pixels: data,
    })
}

/// Rasterises pages `first..=last` of a PDF at `dpi` in grey with `pdftoppm`.
pub fn rasterise(pdf: &[u8], dpi: u32, first: usize, last: usize) -> std::io::Result<Vec<Gray>> {
    let dir = tempfile::tempdir()?;
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, pdf)?;
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", &dpi.to_string(), "-gray", "-f"])
        .arg(first.to_string())
        .arg("-l")
        .arg(last.to_string())
        .arg(&input)
        .arg(dir.path().join("p"))
        .status()?;
    if !status.success() {
        return Err(std::io::Error::other("pdftoppm failed"));
    }
    let mut names: Vec<_> = std::fs::read_dir(dir.path())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pgm"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| read_pgm(&std::fs::read(p)?).ok_or_else(|| std::io::Error::other("bad PGM")))
        .collect()
}

/// Chooses answers for every question of a page's boxes and marks them on `page` (an upright
/// raster at `dpi` of a page of `layout`). Returns the truth per box.
pub fn mark_page(
    rng: &mut StdRng,
    page: &mut Gray,
    layout: &FormLayout,
    page_no: u32,
    dpi: f32,
    multi: &dyn Fn(&str) -> bool,
) -> Vec<TrueBox> {
    let Some(spots) = layout.page(page_no) else {
        return vec![];
    };
    let px = dpi / 25.4;
    // Group the boxes by question.
    let mut by_item: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, b) in spots.boxes.iter().enumerate() {
        by_item.entry(b.item.as_str()).or_default().push(i);
    }
    let mut truth: Vec<TrueBox> = spots
        .boxes
        .iter()
        .map(|b| TrueBox {
            item: b.item.clone(),
            value: b.value.clone(),
            chosen: false,
            cancelled: false,
            hand: None,
        })
        .collect();
    for (item, boxes) in &by_item {
        // One question in ten is left open.
        if rng.gen_bool(0.1) {
            continue;
        }
        let mut chosen = vec![boxes[rng.gen_range(0..boxes.len())]];
        if multi(item) {
            for b in boxes {
                if !chosen.contains(b) && rng.gen_bool(0.25) {
                    chosen.push(*b);
                }
            }
        }
        // One question in twelve has a box blacked out (a changed mind).
        if rng.gen_bool(1.0 / 12.0) && boxes.len() > 1 {
            let c = boxes[rng.gen_range(0..boxes.len())];
            if !chosen.contains(&c) {
                truth[c].cancelled = true;
            }
        }
        for c in chosen {
            let hand = match rng.gen_range(0..100) {
                0..=29 => Hand::Cross,
                30..=54 => Hand::Tick,
                55..=69 => Hand::Filled,
                70..=84 => Hand::Pencil,
                _ => Hand::Marker,
            };
            truth[c].chosen = true;
            truth[c].hand = Some(hand);
        }
    }
    for (t, spot) in truth.iter().zip(&spots.boxes) {
        let r = spot.rect;
        if t.cancelled {
            // Blacked out with a pen: a little over and within the outline, not perfectly even.
            let ink = rng.gen_range(15..45) as u8;
            fill_rect(page, r, px, -rng.gen_range(0.0..0.3), ink);
        }
        if let Some(hand) = t.hand {
            draw_mark(rng, page, r, px, hand);
        }
    }
    // Stray dots anywhere, some in boxes.
    for _ in 0..rng.gen_range(2..8) {
        let (x, y) = if rng.gen_bool(0.4) && !spots.boxes.is_empty() {
            let b = spots.boxes[rng.gen_range(0..spots.boxes.len())].rect;
            (
                b.x + rng.gen_range(0.8..b.w - 0.8),
                b.y + rng.gen_range(0.8..b.h - 0.8),
            )
        } else {
            (rng.gen_range(20.0..190.0), rng.gen_range(35.0..275.0))
        };
        let d = rng.gen_range(0.25..0.5);
        disc(page, (x * px, y * px), d * px, rng.gen_range(20..90));
    }
    truth
}

fn fill_rect(page: &mut Gray, r: RectMm, px: f32, grow: f32, ink: u8) {
    let x0 = ((r.x - grow) * px) as i64;
    let y0 = ((r.y - grow) * px) as i64;
    let x1 = ((r.x + r.w + grow) * px) as i64;
    let y1 = ((r.y + r.h + grow) * px) as i64;
    for y in y0..=y1 {
        for x in x0..=x1 {
            put(page, x, y, ink);
        }
    }
}

#[inline]
fn put(page: &mut Gray, x: i64, y: i64, v: u8) {
    if x >= 0 && y >= 0 && x < page.width as i64 && y < page.height as i64 {
        let i = y as usize * page.width as usize + x as usize;
        page.pixels[i] = page.pixels[i].min(v);
    }
}

fn disc(page: &mut Gray, (cx, cy): (f32, f32), r: f32, v: u8) {
    let (x0, x1) = ((cx - r).floor() as i64, (cx + r).ceil() as i64);
    let (y0, y1) = ((cy - r).floor() as i64, (cy + r).ceil() as i64);
    for y in y0..=y1 {
        for x in x0..=x1 {
            let (dx, dy) = (x as f32 + 0.5 - cx, y as f32 + 0.5 - cy);
            if dx * dx + dy * dy <= r * r {
                put(page, x, y, v);
            }
        }
    }
}

fn stroke(page: &mut Gray, a: (f32, f32), b: (f32, f32), width: f32, v: u8) {
    let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
    let steps = (len / (width * 0.3).max(0.3)).ceil() as usize + 1;
    for s in 0..=steps {
        let t = s as f32 / steps as f32;
        disc(
            page,
            (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t),
            width / 2.0,
            v,
        );
    }
}

fn draw_mark(rng: &mut StdRng, page: &mut Gray, r: RectMm, px: f32, hand: Hand) {
    let j = |rng: &mut StdRng| rng.gen_range(-0.5..0.5);
    let (x0, y0, x1, y1) = (r.x, r.y, r.x + r.w, r.y + r.h);
    let p = |x: f32, y: f32| (x * px, y * px);
    match hand {
        Hand::Cross | Hand::Pencil | Hand::Marker => {
            let (w, v) = match hand {
                Hand::Cross => (rng.gen_range(0.35..0.6), rng.gen_range(10..60)),
                Hand::Pencil => (rng.gen_range(0.3..0.5), rng.gen_range(130..165)),
                _ => (rng.gen_range(0.9..1.3), rng.gen_range(5..40)),
            };
            let m = rng.gen_range(0.3..1.2);
            stroke(
                page,
                p(x0 + m + j(rng), y0 + m + j(rng)),
                p(x1 - m + j(rng), y1 - m + j(rng)),
                w * px,
                v,
            );
            stroke(
                page,
                p(x1 - m + j(rng), y0 + m + j(rng)),
                p(x0 + m + j(rng), y1 - m + j(rng)),
                w * px,
                v,
            );
        }
        Hand::Tick => {
            let w = rng.gen_range(0.35..0.6);
            let v = rng.gen_range(10..60);
            let a = p(x0 + 0.8 + j(rng), y0 + r.h * 0.5 + j(rng));
            let b = p(x0 + r.w * 0.42 + j(rng), y1 - 0.7 + j(rng) * 0.5);
            let c = p(x1 + rng.gen_range(-0.6..1.5), y0 - rng.gen_range(0.0..1.5));
            stroke(page, a, b, w * px, v);
            stroke(page, b, c, w * px, v);
        }
        Hand::Filled => {
            let (cx, cy) = r.centre();
            let rad = rng.gen_range(1.1..1.7);
            disc(
                page,
                p(cx + j(rng) * 0.6, cy + j(rng) * 0.6),
                rad * px,
                rng.gen_range(10..60),
            );
        }
    }
}

/// How a page is distorted.
#[derive(Debug, Clone, Copy)]
pub struct Distortion {
    /// Rotation in degrees (plus 180 for a page fed upside down).
    pub rotate_deg: f32,
    /// Scale (0.94–1.0).
    pub scale: f32,
    /// Shift in millimetres.
    pub shift_mm: (f32, f32),
    /// Box blur radius in pixels (0 for none).
    pub blur: u32,
    /// Noise amplitude (grey levels).
    pub noise: f32,
}

impl Distortion {
    /// A random distortion within the suite's bounds.
    pub fn random(rng: &mut StdRng) -> Distortion {
        Distortion {
            rotate_deg: rng.gen_range(-3.0..3.0) + if rng.gen_bool(0.15) { 180.0 } else { 0.0 },
            scale: rng.gen_range(0.94..1.0),
            shift_mm: (rng.gen_range(-4.0..4.0), rng.gen_range(-4.0..4.0)),
            blur: rng.gen_range(0..2),
            noise: rng.gen_range(0.0..14.0),
        }
    }
}

/// Distorts a page as a copier and scanner would: about the page centre, rotated, scaled and
/// shifted, then blurred and with noise; the paper outside the original is light grey.
pub fn distort(rng: &mut StdRng, page: &Gray, d: Distortion, dpi: f32) -> Gray {
    let (w, h) = (page.width as f32, page.height as f32);
    let (cx, cy) = (w / 2.0, h / 2.0);
    let (s, c) = d.rotate_deg.to_radians().sin_cos();
    let px = dpi / 25.4;
    let (sx, sy) = (d.shift_mm.0 * px, d.shift_mm.1 * px);
    let paper = 238u8;
    let mut out = Gray::blank(page.width, page.height, paper);
    for y in 0..page.height {
        for x in 0..page.width {
            // Inverse map: output pixel to source pixel.
            let (dx, dy) = (x as f32 + 0.5 - cx - sx, y as f32 + 0.5 - cy - sy);
            let (rx, ry) = ((c * dx + s * dy) / d.scale, (-s * dx + c * dy) / d.scale);
            let (fx, fy) = (rx + cx - 0.5, ry + cy - 0.5);
            let (ix, iy) = (fx.floor() as i64, fy.floor() as i64);
            let (tx, ty) = (fx - ix as f32, fy - iy as f32);
            let g = |x: i64, y: i64| {
                if x < 0 || y < 0 || x >= page.width as i64 || y >= page.height as i64 {
                    paper as f32
                } else {
                    page.pixels[y as usize * page.width as usize + x as usize] as f32
                }
            };
            let v = (g(ix, iy) * (1.0 - tx) + g(ix + 1, iy) * tx) * (1.0 - ty)
                + (g(ix, iy + 1) * (1.0 - tx) + g(ix + 1, iy + 1) * tx) * ty;
            // White paper scans a little grey.
            let v = v * 0.94;
            out.pixels[(y * page.width + x) as usize] = v.clamp(0.0, 255.0) as u8;
        }
    }
    if d.blur > 0 {
        out = box_blur(&out, d.blur as i64);
    }
    if d.noise > 0.0 {
        for p in &mut out.pixels {
            let n: f32 = rng.gen_range(-d.noise..d.noise) + rng.gen_range(-d.noise..d.noise);
            *p = (*p as f32 + n * 0.5).clamp(0.0, 255.0) as u8;
        }
    }
    out
}

fn box_blur(g: &Gray, r: i64) -> Gray {
    let (w, h) = (g.width as i64, g.height as i64);
    let mut tmp = g.clone();
    let n = (2 * r + 1) as u32;
    for y in 0..h {
        for x in 0..w {
            let mut s = 0u32;
            for k in -r..=r {
                s += g.pixels[(y * w + (x + k).clamp(0, w - 1)) as usize] as u32;
            }
            tmp.pixels[(y * w + x) as usize] = (s / n) as u8;
        }
    }
    let mut out = tmp.clone();
    for y in 0..h {
        for x in 0..w {
            let mut s = 0u32;
            for k in -r..=r {
                s += tmp.pixels[((y + k).clamp(0, h - 1) * w + x) as usize] as u32;
            }
            out.pixels[(y * w + x) as usize] = (s / n) as u8;
        }
    }
    out
}

/// Pages as one PDF, each page one image stored as `store` says (JPEG q50 or CCITT G4).
pub fn pdf_of(pages: &[Gray], store: Store, dpi: f32) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![];
    // 1: catalog, 2: pages; then per page: page, content, image.
    let n = pages.len();
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 3 + i * 3)).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes());
    for (i, g) in pages.iter().enumerate() {
        let (wpt, hpt) = (g.width as f32 * 72.0 / dpi, g.height as f32 * 72.0 / dpi);
        let page_id = 3 + i * 3;
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {wpt:.2} {hpt:.2}] /Resources << /XObject << /Im0 {} 0 R >> >> /Contents {} 0 R >>",
                page_id + 2,
                page_id + 1
            )
            .into_bytes(),
        );
        let content = format!("q {wpt:.2} 0 0 {hpt:.2} 0 0 cm /Im0 Do Q");
        objects.push(
            format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len()
            )
            .into_bytes(),
        );
        let (dict, data) = match store {
            Store::JpegPdf | Store::Png => {
                let mut jpg = vec![];
                let _ = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpg, 50).encode(
                    &g.pixels,
                    g.width,
                    g.height,
                    image::ExtendedColorType::L8,
                );
                (
                    format!("/Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", g.width, g.height),
                    jpg,
                )
            }
            Store::G4Pdf => (
                format!("/Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns {} /Rows {} /BlackIs1 false >>", g.width, g.height, g.width, g.height),
                g4(g),
            ),
        };
        let mut obj = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
        obj.extend_from_slice(&data);
        obj.extend_from_slice(b"\nendstream");
        objects.push(obj);
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = vec![];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        let _ = writeln!(out, "{} 0 obj", i + 1);
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in offsets {
        let _ = writeln!(out, "{o:010} 00000 n ");
    }
    let _ = write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out
}

/// A grey page as CCITT G4 (threshold at the middle grey).
pub fn g4(g: &Gray) -> Vec<u8> {
    let mut enc = fax::encoder::Encoder::new(fax::VecWriter::new());
    for y in 0..g.height as usize {
        let row = &g.pixels[y * g.width as usize..(y + 1) * g.width as usize];
        let _ = enc.encode_line(
            row.iter().map(|p| {
                if *p < 150 {
                    fax::Color::Black
                } else {
                    fax::Color::White
                }
            }),
            g.width as u16,
        );
    }
    enc.finish().map(|w| w.finish()).unwrap_or_default()
}

/// A seeded generator.
pub fn rng(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::paper::form_pdf;
    use crate::surveys::paper::layout::Stored;
    use crate::surveys::paper::omr::{decode, read, Mark};
    use crate::web::i18n::Lang;
    use std::sync::Arc;

    #[test]
    fn a_marked_distorted_page_reads_back() {
        let def = crate::surveys::shipped().unwrap().remove(0);
        let design = form_pdf::lay_out(&def, Lang::Nl, "Terug vóór 1 mei.", "").unwrap();
        let pdf = form_pdf::render(
            &design,
            &form_pdf::Run {
                wave_id: 1,
                version_id: 1,
                layout_id: 7,
                municipality: "Gemeente Voorbeeld",
            },
            1,
            1,
        )
        .unwrap();
        let stored = Arc::new(Stored {
            id: 7,
            version_id: 1,
            lang: "nl".into(),
            layout: design.layout.clone(),
        });
        let multi = |k: &str| {
            def.item(k).is_some_and(|i| {
                matches!(i.kind, crate::surveys::definition::ItemKind::Multi { .. })
            })
        };
        let mut r = rng(std::env::var("SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(1));
        let pages = rasterise(&pdf, 200, 1, 2).unwrap();
        let (mut errors, mut total, mut doubt) = (0, 0, 0);
        for (n, raster) in pages.into_iter().enumerate() {
            let mut page = raster;
            let truth = mark_page(
                &mut r,
                &mut page,
                &design.layout,
                n as u32 + 1,
                200.0,
                &multi,
            );
            let d = Distortion::random(&mut r);
            let scanned = distort(&mut r, &page, d, 200.0);
            let store = if n == 0 { Store::JpegPdf } else { Store::G4Pdf };
            let file = pdf_of(&[scanned], store, 200.0);
            let back = decode::from_bytes(file).unwrap().next().unwrap().unwrap();
            let read = read::read_page(&back, 1, 1, &mut |_| Some(stored.clone()));
            if std::env::var("DUMP").is_ok() {
                std::fs::write(
                    format!("/tmp/scan{n}.png"),
                    crate::surveys::paper::omr::measure::png(&back.pixels, back.width, back.height),
                )
                .unwrap();
                eprintln!("fit {:?}", read.fit);
                for (b, s) in read.boxes.iter().zip(&design.layout.pages[n].boxes) {
                    if b.item == "bereikbaar" || b.item == "cp_behulpzaam" {
                        eprintln!("{} {} {:?} ink {}", b.item, b.value, s.rect, b.ink);
                    }
                }
            }
            assert_eq!(read.problem, None, "{d:?}");
            for (t, b) in truth.iter().zip(&read.boxes) {
                total += 1;
                if b.needs_verification {
                    doubt += 1;
                }
                if (b.mark == Mark::Marked) != t.chosen {
                    errors += 1;
                    eprintln!("{t:?} read {:?} {} ink {}", b.mark, b.confidence, b.ink);
                }
            }
        }
        eprintln!("{errors} errors, {doubt} doubtful of {total}");
        assert!(errors * 50 <= total);
    }
}
