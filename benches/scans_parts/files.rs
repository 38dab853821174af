//! Part of `benches/scans.rs`: the speed test in child processes, and writing the page files (PNG, JPEG, PDF).

use super::*;

/// Speed at 200 dpi: files written page by page, each read in a child process of its own.
pub(super) fn speed(
    design: &form_pdf::Design,
    run: &form_pdf::Run,
    rng: &mut rand::rngs::StdRng,
    multi: &dyn Fn(&str) -> bool,
    speed_pages: usize,
) {
    let pages_per_form = design.layout.pages.len();
    let dir = tempfile::tempdir().expect("tmp");
    let pdf = form_pdf::render(design, run, 1, 10).expect("pdf");
    let rasters = synth::rasterise(&pdf, 200, 1, 10 * pages_per_form).expect("pdftoppm");
    let mut scanned = vec![];
    for (n, mut page) in rasters.into_iter().enumerate() {
        synth::mark_page(
            rng,
            &mut page,
            &design.layout,
            (n % pages_per_form) as u32 + 1,
            200.0,
            multi,
        );
        let d = Distortion::random(rng);
        scanned.push(synth::distort(rng, &page, d, 200.0));
    }
    // Each distinct page once as JPEG; the test files repeat them.
    let jpegs: Vec<Vec<u8>> = scanned.iter().map(jpeg).collect();
    let (w, h) = (scanned[0].width, scanned[0].height);
    drop(scanned);
    for (label, pages) in [("quarter", speed_pages / 4), ("whole", speed_pages)] {
        let path = dir.path().join(format!("{label}.pdf"));
        write_pdf(
            &path,
            (0..pages).map(|i| &jpegs[i % jpegs.len()]),
            w,
            h,
            200.0,
        );
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let base = run_child("decode", &path);
        let full = run_child("read", &path);
        println!(
            "speed, {} pages at 200 dpi (JPEG PDF, {} MB): read {:.1} pages/s (two threads), baseline decode only {:.1} pages/s (one thread); {} not read; peak memory of the reading process {} MB (of the decoding-only process {} MB)",
            full.0,
            size >> 20,
            full.0 as f64 / full.1,
            base.0 as f64 / base.1,
            full.3,
            full.2 / 1024,
            base.2 / 1024
        );
    }
}

/// Runs this program as a child that decodes (`decode`) or reads (`read`) one file; returns its
/// pages, seconds, peak memory in kB and pages not read.
pub(super) fn run_child(mode: &str, path: &Path) -> (u64, f64, u64, u64) {
    let out = std::process::Command::new(std::env::current_exe().expect("exe"))
        .args(["--child", mode, "--file"])
        .arg(path)
        .output()
        .expect("child");
    let text = String::from_utf8_lossy(&out.stdout);
    let v: Vec<f64> = text
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    assert!(
        v.len() == 4,
        "child {mode}: {text} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (v[0] as u64, v[1], v[2] as u64, v[3] as u64)
}

/// The child: decode or read one file and print pages, seconds, peak memory (kB), pages not read.
pub(super) fn child(mode: &str, path: &Path) {
    let t0 = Instant::now();
    let (pages, unread) = if mode == "decode" {
        let mut n = 0u64;
        for p in decode::open(path).expect("open") {
            p.expect("page");
            n += 1;
        }
        (n, 0)
    } else {
        let layout = design().layout;
        let stored = stored(&layout);
        let mut spool = Spool::new().expect("spool");
        let mut summary = ScanSummary::default();
        read_files(
            &[path.to_path_buf()],
            1,
            &|id| (id == 1).then(|| stored.clone()),
            &mut spool,
            &mut summary,
        )
        .expect("read");
        (summary.pages, summary.pages - spool.pages)
    };
    println!(
        "{pages} {:.3} {} {unread}",
        t0.elapsed().as_secs_f64(),
        vm_hwm_kb()
    );
}

pub(super) fn jpeg(g: &decode::Gray) -> Vec<u8> {
    let mut out = vec![];
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 50)
        .encode(&g.pixels, g.width, g.height, image::ExtendedColorType::L8)
        .expect("jpeg");
    out
}

/// A PDF of JPEG pages of `w` × `h` pixels, written to `path` one page at a time.
pub(super) fn write_pdf<'a>(
    path: &Path,
    pages: impl Iterator<Item = &'a Vec<u8>>,
    w: u32,
    h: u32,
    dpi: f32,
) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("pdf"));
    let mut at = 0u64;
    let mut offsets = vec![0u64, 0u64]; // 1: catalog, 2: pages, written last
    let mut put = |out: &mut std::io::BufWriter<std::fs::File>, bytes: &[u8]| {
        out.write_all(bytes).expect("write");
        at += bytes.len() as u64;
        at
    };
    let mut pos = put(&mut out, b"%PDF-1.4\n");
    let (wpt, hpt) = (w as f32 * 72.0 / dpi, h as f32 * 72.0 / dpi);
    let mut kids = vec![];
    for data in pages {
        let id = offsets.len() + 1;
        kids.push(format!("{id} 0 R"));
        let content = format!("q {wpt:.2} 0 0 {hpt:.2} 0 0 cm /Im0 Do Q");
        offsets.push(pos);
        pos = put(&mut out, format!("{id} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {wpt:.2} {hpt:.2}] /Resources << /XObject << /Im0 {} 0 R >> >> /Contents {} 0 R >>\nendobj\n", id + 2, id + 1).as_bytes());
        offsets.push(pos);
        pos = put(
            &mut out,
            format!(
                "{} 0 obj\n<< /Length {} >>\nstream\n{content}\nendstream\nendobj\n",
                id + 1,
                content.len()
            )
            .as_bytes(),
        );
        offsets.push(pos);
        put(&mut out, format!("{} 0 obj\n<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length {} >>\nstream\n", id + 2, data.len()).as_bytes());
        put(&mut out, data.as_slice());
        pos = put(&mut out, b"\nendstream\nendobj\n");
    }
    offsets[0] = pos;
    pos = put(
        &mut out,
        b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
    );
    offsets[1] = pos;
    let xref = put(
        &mut out,
        format!(
            "2 0 obj\n<< /Type /Pages /Kids [{}] /Count {} >>\nendobj\n",
            kids.join(" "),
            kids.len()
        )
        .as_bytes(),
    );
    let mut tail = format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1);
    for o in &offsets {
        tail.push_str(&format!("{o:010} 00000 n \n"));
    }
    tail.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        offsets.len() + 1
    ));
    put(&mut out, tail.as_bytes());
    out.flush().expect("flush");
}

pub(super) fn synth_png(g: &decode::Gray) -> Vec<u8> {
    klankbord::surveys::paper::omr::measure::png(&g.pixels, g.width, g.height)
}
