//! Fuzzing the scan decoders and the page reader with proptest: valid PNG, JPEG, multi-page
//! TIFF and PDF files (JPEG, CCITT G4 and Flate images) with random mutations, and random bytes.
//! Nothing may panic, no decoded page may be larger than the limit, and hostile headers (huge
//! declared sizes, a decompression bomb) are refused without allocating what they claim.
//!
//! The normal test run tries a few hundred cases; a long run is
//! `PROPTEST_CASES=20000 cargo test --release --lib paper::omr::fuzz`.

use std::io::Write;
use std::sync::Arc;

use proptest::prelude::*;

use super::decode::{self, DecodeError, Gray, MAX_PIXELS};
use super::read::read_page;
use crate::surveys::paper::layout::Stored;
use crate::surveys::paper::scan_synth::{self as synth, Store};

fn page() -> Gray {
    let mut g = Gray::blank(96, 128, 235);
    for y in 20..40 {
        for x in 10..60 {
            g.pixels[y * 96 + x] = 15;
        }
    }
    g
}

fn tiff(pages: usize) -> Vec<u8> {
    let mut out = std::io::Cursor::new(vec![]);
    {
        let mut enc = tiff::encoder::TiffEncoder::new(&mut out).expect("tiff");
        for _ in 0..pages {
            let g = page();
            enc.write_image::<tiff::encoder::colortype::Gray8>(g.width, g.height, &g.pixels)
                .expect("page");
        }
    }
    out.into_inner()
}

fn flate_pdf(w: u32, h: u32, data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(vec![], flate2::Compression::fast());
    let _ = z.write_all(data);
    let body = z.finish().unwrap_or_default();
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = vec![];
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Resources << /XObject << /Im0 4 0 R >> >> >>".to_vec(),
        {
            let mut o = format!("<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length {} >>\nstream\n", body.len()).into_bytes();
            o.extend_from_slice(&body);
            o.extend_from_slice(b"\nendstream");
            o
        },
    ];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        let _ = writeln!(out, "{} 0 obj", i + 1);
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 5\n0000000000 65535 f \n");
    for o in offsets {
        let _ = writeln!(out, "{o:010} 00000 n ");
    }
    let _ = write!(
        out,
        "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    );
    out
}

fn seeds() -> Vec<Vec<u8>> {
    let g = page();
    vec![
        crate::surveys::paper::omr::measure::png(&g.pixels, g.width, g.height),
        {
            let mut jpg = vec![];
            let _ = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpg, 50).encode(
                &g.pixels,
                g.width,
                g.height,
                image::ExtendedColorType::L8,
            );
            jpg
        },
        tiff(3),
        synth::pdf_of(&[g.clone(), g.clone()], Store::JpegPdf, 100.0),
        synth::pdf_of(&[g.clone(), g.clone()], Store::G4Pdf, 100.0),
        flate_pdf(g.width, g.height, &g.pixels),
    ]
}

fn layout() -> Arc<Stored> {
    static L: std::sync::OnceLock<Arc<Stored>> = std::sync::OnceLock::new();
    L.get_or_init(|| {
        let def = crate::surveys::shipped().expect("def").remove(0);
        let d = crate::surveys::paper::form_pdf::lay_out(&def, crate::web::i18n::Lang::Nl, "", "")
            .expect("layout");
        Arc::new(Stored {
            id: 1,
            version_id: 1,
            lang: "nl".into(),
            layout: d.layout,
        })
    })
    .clone()
}

/// Decodes every page (at most 64) and reads it; returns the pages decoded.
fn exercise(bytes: Vec<u8>) -> usize {
    let Ok(pages) = decode::from_bytes(bytes) else {
        return 0;
    };
    let mut n = 0;
    // `take` before `flatten`: at most 64 pages are looked at, readable or not.
    for g in pages.take(64).flatten() {
        assert!(g.width as u64 * g.height as u64 <= MAX_PIXELS);
        assert_eq!(g.pixels.len(), g.width as usize * g.height as usize);
        let l = layout();
        let _ = read_page(&g, 1, 1, &mut |_| Some(l.clone()));
        n += 1;
    }
    n
}

#[test]
fn every_seed_decodes() {
    let counts: Vec<usize> = seeds().into_iter().map(exercise).collect();
    assert_eq!(counts, vec![1, 1, 3, 2, 2, 1]);
}

#[test]
fn hostile_sizes_and_bombs_are_refused_without_allocating_them() {
    // A Flate image declaring 20,000 × 20,000 pixels.
    let bytes = flate_pdf(20_000, 20_000, &[0u8; 64]);
    let r: Vec<_> = decode::from_bytes(bytes).unwrap().collect();
    assert!(matches!(r[0], Err(DecodeError::TooLarge { .. })), "{r:?}");
    // A decompression bomb: 64 MB of zeros behind a 100 × 100 image; decoding stops at the
    // image's size and the page has the declared size.
    let bomb = vec![0u8; 64 << 20];
    let bytes = flate_pdf(100, 100, &bomb);
    drop(bomb);
    let r: Vec<_> = decode::from_bytes(bytes).unwrap().collect();
    assert!(
        matches!(&r[0], Ok(g) if g.pixels.len() == 100 * 100),
        "{:?}",
        r[0].as_ref().map(|g| g.pixels.len())
    );
    // A TIFF whose first page claims 60,000 × 60,000 pixels.
    let mut t = tiff(1);
    let at = t
        .windows(4)
        .position(|w| w == 96u32.to_le_bytes())
        .expect("width tag");
    t[at..at + 4].copy_from_slice(&60_000u32.to_le_bytes());
    let r: Vec<_> = decode::from_bytes(t).unwrap().collect();
    assert!(r.iter().all(|p| p.is_err()), "{r:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn mutated_scans_never_crash(which in 0usize..6, flips in proptest::collection::vec((any::<u32>(), any::<u8>()), 1..12), cut in any::<u32>()) {
        let mut bytes = seeds().swap_remove(which);
        for (at, v) in flips {
            let i = at as usize % bytes.len();
            bytes[i] = v;
        }
        if cut % 5 == 0 {
            let keep = (cut as usize / 5) % bytes.len().max(1);
            bytes.truncate(keep.max(8));
        }
        exercise(bytes);
    }

    #[test]
    fn random_bytes_never_crash(head in 0usize..4, bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let magic: [&[u8]; 4] = [b"%PDF-1.4\n", b"II*\0", b"\x89PNG\r\n\x1a\n", &[0xFF, 0xD8, 0xFF]];
        let mut b = magic[head].to_vec();
        b.extend(bytes);
        exercise(b);
    }
}
