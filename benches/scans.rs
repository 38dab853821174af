//! Benchmark (issue 17): accuracy and speed of reading scanned paper forms.
//!
//! Accuracy: the synthetic scan suite (`scan_synth`, seeded) prints the product's own PDF forms of
//! the standard questionnaire, rasterises them with poppler's `pdftoppm` at 150, 200 and 300 dpi,
//! marks known random answers in several hands (tick, cross, filled blob, light pencil, thick
//! marker), blacks out some boxes (cancelled), adds stray dots, distorts every page (rotation
//! ±3°, some upside down, scale 94–100%, shift, blur, noise) and stores it as JPEG quality 50 in a
//! PDF, CCITT G4 bilevel in a PDF, or PNG. Every page is decoded and read; every box is compared
//! with the truth. Reported per box: sensitivity (a chosen box read as chosen), specificity (an
//! empty or cancelled box read as not chosen), the share sent to verification, and silent errors
//! (read wrongly and not sent to verification).
//!
//! Speed: a 200 dpi JPEG PDF of `--speed-pages` pages read with `read_files` (two pages at once,
//! as the product does), next to decoding the same file only (the baseline, one thread), and the
//! peak memory (VmHWM) after a run of a quarter of the pages and after the whole run.
//!
//! Run: `cargo bench --bench scans` (options: `-- --forms 500 --speed-pages 400 --seed 17`).
//! Needs `pdftoppm` (poppler-utils).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and benchmark code may stop at the first failure

use std::sync::Arc;
use std::time::Instant;

use klankbord::surveys::definition::ItemKind;
use klankbord::surveys::paper::form_pdf;
use klankbord::surveys::paper::layout::Stored;
use klankbord::surveys::paper::omr::read::{read_files, read_page, ScanSummary, Spool};
use klankbord::surveys::paper::omr::{decode, Mark};
use klankbord::surveys::paper::scan_synth::{self as synth, Distortion, Store};
use klankbord::web::i18n::Lang;

mod support;
use support::arg;

#[derive(Default)]
struct Counts {
    chosen: u64,
    chosen_read: u64,
    not_chosen: u64,
    not_chosen_read: u64,
    boxes: u64,
    doubtful: u64,
    silent: u64,
    wrong_raw: u64,
    pages: u64,
    unread_pages: u64,
}

fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn main() {
    let forms = arg("--forms", 500);
    let speed_pages = arg("--speed-pages", 400) as usize;
    let seed = arg("--seed", 17);
    let def = klankbord::surveys::shipped().expect("def").remove(0);
    let design = form_pdf::lay_out(&def, Lang::Nl, "Stuur het formulier terug vóór 1 mei.", "")
        .expect("layout");
    let stored = Arc::new(Stored {
        id: 1,
        version_id: 1,
        lang: "nl".into(),
        layout: design.layout.clone(),
    });
    let run = form_pdf::Run {
        wave_id: 1,
        version_id: 1,
        layout_id: 1,
        municipality: "Gemeente Voorbeeld",
    };
    let multi = |k: &str| {
        def.item(k)
            .is_some_and(|i| matches!(i.kind, ItemKind::Multi { .. }))
    };
    let pages_per_form = design.layout.pages.len();
    let mut rng = synth::rng(seed);
    let mut c = Counts::default();
    let mut by_hand: std::collections::BTreeMap<String, (u64, u64)> = Default::default();
    let mut read_time = 0f64;
    let mut decode_time = 0f64;
    let started = Instant::now();
    let batch = 10u64;
    let mut first = 1u64;
    while first <= forms {
        let last = (first + batch - 1).min(forms);
        let dpi = [150u32, 200, 300][((first / batch) % 3) as usize];
        let store = [Store::JpegPdf, Store::G4Pdf, Store::Png][((first / batch / 3) % 3) as usize];
        let pdf = form_pdf::render(&design, &run, first, last).expect("pdf");
        let rasters =
            synth::rasterise(&pdf, dpi, 1, ((last - first + 1) as usize) * pages_per_form)
                .expect("pdftoppm");
        for (n, raster) in rasters.into_iter().enumerate() {
            let page_no = (n % pages_per_form) as u32 + 1;
            let mut page = raster;
            let truth = synth::mark_page(
                &mut rng,
                &mut page,
                &design.layout,
                page_no,
                dpi as f32,
                &multi,
            );
            let d = Distortion::random(&mut rng);
            let scanned = synth::distort(&mut rng, &page, d, dpi as f32);
            let file = match store {
                Store::Png => synth_png(&scanned),
                s => synth::pdf_of(&[scanned], s, dpi as f32),
            };
            let t0 = Instant::now();
            let back = decode::from_bytes(file)
                .expect("open")
                .next()
                .expect("page")
                .expect("decode");
            let t1 = Instant::now();
            let read = read_page(&back, 1, 1, &mut |_| Some(stored.clone()));
            decode_time += (t1 - t0).as_secs_f64();
            read_time += t1.elapsed().as_secs_f64();
            c.pages += 1;
            if read.problem.is_some() {
                c.unread_pages += 1;
                eprintln!(
                    "page not read: {:?} ({d:?}, {dpi} dpi, {store:?})",
                    read.problem
                );
                continue;
            }
            for (t, b) in truth.iter().zip(&read.boxes) {
                c.boxes += 1;
                let read_chosen = b.mark == Mark::Marked;
                if b.needs_verification {
                    c.doubtful += 1;
                }
                if t.chosen {
                    c.chosen += 1;
                    c.chosen_read += u64::from(read_chosen);
                } else {
                    c.not_chosen += 1;
                    c.not_chosen_read += u64::from(!read_chosen);
                }
                let kind = match (t.hand, t.cancelled) {
                    (Some(h), _) => format!("{h:?}"),
                    (None, true) => "Cancelled".into(),
                    (None, false) => "Empty".into(),
                };
                let e = by_hand.entry(kind).or_default();
                e.0 += 1;
                if read_chosen != t.chosen {
                    c.wrong_raw += 1;
                    e.1 += 1;
                    if !b.needs_verification {
                        c.silent += 1;
                    }
                }
            }
        }
        first = last + 1;
        if last.is_multiple_of(50) {
            // Running figures, so a run cut short still says how far it got.
            let pct = |a: u64, b: u64| 100.0 * a as f64 / b.max(1) as f64;
            eprintln!(
                "after {last} forms ({} pages, {} not read, {:.0} s): sensitivity {:.3}%, specificity {:.3}%, to verification {:.3}%, silent {}",
                c.pages,
                c.unread_pages,
                started.elapsed().as_secs_f64(),
                pct(c.chosen_read, c.chosen),
                pct(c.not_chosen_read, c.not_chosen),
                pct(c.doubtful, c.boxes),
                c.silent
            );
        }
    }
    let pct = |a: u64, b: u64| 100.0 * a as f64 / b.max(1) as f64;
    println!("# Reading scanned forms: accuracy (seed {seed})");
    println!(
        "pages: {} ({} not read), boxes: {}, generated and read in {:.0} s",
        c.pages,
        c.unread_pages,
        c.boxes,
        started.elapsed().as_secs_f64()
    );
    println!(
        "sensitivity (chosen read as chosen): {:.3}% of {}",
        pct(c.chosen_read, c.chosen),
        c.chosen
    );
    println!(
        "specificity (empty/cancelled read as not chosen): {:.3}% of {}",
        pct(c.not_chosen_read, c.not_chosen),
        c.not_chosen
    );
    println!(
        "sent to verification: {:.3}% of boxes",
        pct(c.doubtful, c.boxes)
    );
    println!(
        "silent errors (wrong, not sent to verification): {} = {:.4}% of boxes; wrong before verification: {}",
        c.silent,
        pct(c.silent, c.boxes),
        c.wrong_raw
    );
    for (kind, (n, wrong)) in &by_hand {
        println!("  {kind:<10} {n:>7} boxes, {wrong:>4} read wrongly before verification");
    }
    println!(
        "one thread, per page: decode {:.1} ms, read {:.1} ms (mixed 150/200/300 dpi)",
        1000.0 * decode_time / c.pages.max(1) as f64,
        1000.0 * read_time / c.pages.max(1) as f64
    );

    // Speed at 200 dpi, with a baseline of decoding only.
    let dir = tempfile::tempdir().expect("tmp");
    let pdf = form_pdf::render(&design, &run, 1, 10).expect("pdf");
    let rasters = synth::rasterise(&pdf, 200, 1, 10 * pages_per_form).expect("pdftoppm");
    let mut scanned = vec![];
    for (n, mut page) in rasters.into_iter().enumerate() {
        synth::mark_page(
            &mut rng,
            &mut page,
            &design.layout,
            (n % pages_per_form) as u32 + 1,
            200.0,
            &multi,
        );
        let d = Distortion::random(&mut rng);
        scanned.push(synth::distort(&mut rng, &page, d, 200.0));
    }
    for (label, pages) in [("quarter", speed_pages / 4), ("whole", speed_pages)] {
        let many: Vec<_> = (0..pages)
            .map(|i| scanned[i % scanned.len()].clone())
            .collect();
        let path = dir.path().join(format!("{label}.pdf"));
        std::fs::write(&path, synth::pdf_of(&many, Store::JpegPdf, 200.0)).expect("write");
        drop(many);
        let t0 = Instant::now();
        let mut n = 0;
        for p in decode::open(&path).expect("open") {
            p.expect("page");
            n += 1;
        }
        let base = t0.elapsed().as_secs_f64();
        let mut spool = Spool::new().expect("spool");
        let mut summary = ScanSummary::default();
        let t1 = Instant::now();
        read_files(
            std::slice::from_ref(&path),
            1,
            &|id| (id == 1).then(|| stored.clone()),
            &mut spool,
            &mut summary,
        )
        .expect("read");
        let full = t1.elapsed().as_secs_f64();
        println!(
            "speed, {n} pages at 200 dpi (JPEG PDF): read {:.1} pages/s (two threads), baseline decode only {:.1} pages/s (one thread); {} not read; peak memory so far {} MB",
            summary.pages as f64 / full,
            n as f64 / base,
            summary.pages - spool.pages,
            vm_hwm_kb() / 1024
        );
    }
}

fn synth_png(g: &decode::Gray) -> Vec<u8> {
    klankbord::surveys::paper::omr::measure::png(&g.pixels, g.width, g.height)
}
