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
//! (read wrongly and not sent to verification). For light pencil on black-and-white pages it also
//! counts the marks of which no black pixel is left in the file (gone before any reader sees
//! them), from the generator's own geometry.
//!
//! Speed: a 200 dpi JPEG PDF of `--speed-pages` pages, written to disk page by page, read with
//! `read_files` (two pages at once, as the product does) in a child process of its own, next to
//! decoding the same file only (the baseline, one thread, also in a child process), with each
//! child's peak memory (VmHWM): the reader's own, for a quarter of the pages and for all of them.
//!
//! Upload (`--upload-pages N`, off by default): N freshly printed, marked and scanned pages as one
//! 200 dpi JPEG PDF, posted to the clerk's page of the release binary serving in a process of its
//! own (time until the answer, the server's peak memory), next to `klankbord import scans` on the
//! same file in a copy of the same database, and decoding the file alone (`--upload-keep DIR` keeps
//! the stack and the database before the import, for analysis). Needs the contact
//! settings (`KLANKBORD_CONTACT_PHONE`, `KLANKBORD_CONTACT_EMAIL`,
//! `KLANKBORD_PRIVACY_OFFICER_EMAIL`) in the environment, as `serve` does.
//!
//! Run: `cargo bench --bench scans` (options: `-- --forms 500 --speed-pages 400 --seed 17
//! --upload-pages 100`).
//! For analysis: `--dump FILE` writes every box's fill measure and truth as tab-separated lines;
//! `--cache DIR` keeps the generated pages, so a second run with the same seed and number of
//! forms reads the same files without making them again. Needs `pdftoppm` (poppler-utils).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and benchmark code may stop at the first failure

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use klankbord::surveys::definition::ItemKind;
use klankbord::surveys::paper::form_pdf;
use klankbord::surveys::paper::layout::{FormLayout, Stored};
use klankbord::surveys::paper::omr::read::{page_fills, read_files, read_page, ScanSummary, Spool};
use klankbord::surveys::paper::omr::{decode, doubt, Mark};
use klankbord::surveys::paper::scan_synth::{self as synth, Distortion, Hand, Store, TrueBox};
use klankbord::web::i18n::Lang;

#[path = "scans_parts/files.rs"]
mod files;
mod support;
#[path = "scans_parts/upload.rs"]
mod upload;
use files::*;
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
    /// Silent errors on chosen boxes (read as not chosen, not sent to the clerk).
    silent_chosen: u64,
    wrong_raw: u64,
    pages: u64,
    unread_pages: u64,
    /// Light pencil on black-and-white pages: marks, and marks of which no black pixel is left.
    g4_pencil: u64,
    g4_pencil_gone: u64,
    /// Of those gone: read wrongly, and read wrongly without going to the clerk.
    gone_wrong: u64,
    gone_silent: u64,
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

fn text_arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).cloned()
}

fn design() -> form_pdf::Design {
    let def = klankbord::surveys::shipped().expect("def").remove(0);
    form_pdf::lay_out(&def, Lang::Nl, "Stuur het formulier terug vóór 1 mei.", "").expect("layout")
}

fn stored(layout: &FormLayout) -> Arc<Stored> {
    Arc::new(Stored {
        id: 1,
        version_id: 1,
        lang: "nl".into(),
        layout: layout.clone(),
    })
}

/// One generated page: the file as the scanner stored it, the truth, how it was made.
struct Made {
    file: Vec<u8>,
    truth: Vec<TrueBox>,
    dpi: u32,
    store: Store,
    d: Distortion,
}

fn main() {
    if let Some(mode) = text_arg("--child") {
        child(&mode, Path::new(&text_arg("--file").expect("--file")));
        return;
    }
    let forms = arg("--forms", 500);
    let speed_pages = arg("--speed-pages", 400) as usize;
    let seed = arg("--seed", 17);
    let def = klankbord::surveys::shipped().expect("def").remove(0);
    let design = design();
    let stored = stored(&design.layout);
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
    let cache = text_arg("--cache").map(PathBuf::from);
    let mut dump = text_arg("--dump").map(|p| {
        let mut f = std::io::BufWriter::new(std::fs::File::create(p).expect("dump"));
        writeln!(f, "page\tdpi\tstore\tblur\tnoise\tkind\tmark\tconf\tneeds\tink\tspread\tmin_cell\trim\ttrace\ttrace_cells\treach\tpaper_noise\tleft\tpieces\tmain_reach\tmain_share\tgap\tblacked_edge\tring_sides\texits\tthrough\tdoubt").unwrap();
        f
    });
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
        let n_pages = ((last - first + 1) as usize) * pages_per_form;
        let key = |n: usize| {
            cache
                .as_ref()
                .map(|d| d.join(format!("s{seed}-f{first}-{n}")))
        };
        let made: Vec<Made> = match key(0).filter(|k| k.with_extension("bin").exists()) {
            Some(_) => (0..n_pages)
                .map(|n| load(&key(n).unwrap(), dpi, store))
                .collect(),
            None => {
                let pdf = form_pdf::render(&design, &run, first, last).expect("pdf");
                let rasters = synth::rasterise(&pdf, dpi, 1, n_pages).expect("pdftoppm");
                let mut made = vec![];
                for (n, mut page) in rasters.into_iter().enumerate() {
                    let page_no = (n % pages_per_form) as u32 + 1;
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
                    let m = Made {
                        file,
                        truth,
                        dpi,
                        store,
                        d,
                    };
                    if let Some(k) = key(n) {
                        save(&k, &m);
                    }
                    made.push(m);
                }
                made
            }
        };
        for (n, m) in made.into_iter().enumerate() {
            let Made {
                file,
                truth,
                dpi,
                store,
                d,
            } = m;
            let page_no = (n % pages_per_form) as u32 + 1;
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
            let fills = dump
                .as_ref()
                .and_then(|_| page_fills(&back, &design.layout))
                .unwrap_or_default();
            let spots = &design.layout.pages[page_no as usize - 1].boxes;
            for (k, (t, b)) in truth.iter().zip(&read.boxes).enumerate() {
                c.boxes += 1;
                let read_chosen = b.mark == Mark::Marked;
                let wrong = read_chosen != t.chosen;
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
                let left = match store {
                    Store::G4Pdf => black_left(&back, spots[k].rect, d, dpi),
                    _ => u64::MAX,
                };
                if store == Store::G4Pdf && t.hand == Some(Hand::Pencil) {
                    c.g4_pencil += 1;
                    if left == 0 {
                        c.g4_pencil_gone += 1;
                        c.gone_wrong += u64::from(wrong);
                        c.gone_silent += u64::from(wrong && !b.needs_verification);
                    }
                }
                if let (Some(out), Some(f)) = (dump.as_mut(), fills.get(k)) {
                    writeln!(
                        out,
                        "{}\t{dpi}\t{store:?}\t{}\t{:.1}\t{kind}\t{:?}\t{:.3}\t{}\t{:.4}\t{}\t{:.4}\t{:.4}\t{:.4}\t{}\t{:.3}\t{:.2}\t{}\t{}\t{:.3}\t{:.3}\t{:.3}\t{:.2}\t{}\t{}\t{}\t{:?}",
                        c.pages, d.blur, d.noise, b.mark, b.confidence, u8::from(b.needs_verification),
                        f.ink, f.spread, f.min_cell, f.rim, f.trace, f.trace_cells, f.reach, f.noise,
                        if left == u64::MAX { -1 } else { left as i64 },
                        f.pieces.count, f.pieces.main_reach, f.pieces.main_share, f.pieces.gap,
                        f.blacked_edge, f.around.ring_sides, f.around.exits, u8::from(f.around.through),
                        doubt::doubt(f)
                    )
                    .unwrap();
                }
                let e = by_hand.entry(kind).or_default();
                e.0 += 1;
                if wrong {
                    c.wrong_raw += 1;
                    e.1 += 1;
                    if !b.needs_verification {
                        c.silent += 1;
                        c.silent_chosen += u64::from(t.chosen);
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
    if let Some(mut d) = dump {
        d.flush().unwrap();
    }
    report(seed, &c, &by_hand, started, decode_time, read_time);
    if speed_pages > 0 {
        speed(&design, &run, &mut rng, &multi, speed_pages);
    }
    let upload_pages = arg("--upload-pages", 0) as usize;
    if upload_pages > 0 {
        upload::upload(&mut rng, &multi, upload_pages);
    }
}

fn report(
    seed: u64,
    c: &Counts,
    by_hand: &std::collections::BTreeMap<String, (u64, u64)>,
    started: Instant,
    decode_time: f64,
    read_time: f64,
) {
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
    // If the clerk settles every box sent to verification right, only the silent errors stay.
    println!(
        "after verification (the clerk settles every box shown right): sensitivity {:.3}%, specificity {:.3}%",
        pct(c.chosen - c.silent_chosen, c.chosen),
        pct(
            c.not_chosen - (c.silent - c.silent_chosen),
            c.not_chosen
        )
    );
    for (kind, (n, wrong)) in by_hand {
        println!("  {kind:<10} {n:>7} boxes, {wrong:>4} read wrongly before verification");
    }
    println!(
        "light pencil on black-and-white (G4) pages: {} marks, {} with no black pixel left inside the box in the file; of those {} read wrongly, {} silently",
        c.g4_pencil, c.g4_pencil_gone, c.gone_wrong, c.gone_silent
    );
    println!(
        "without the marks that are gone from the file: sensitivity {:.3}% of {}, silent errors {} = {:.4}% of {} boxes",
        pct(
            c.chosen_read - (c.g4_pencil_gone - c.gone_wrong),
            c.chosen - c.g4_pencil_gone
        ),
        c.chosen - c.g4_pencil_gone,
        c.silent - c.gone_silent,
        pct(c.silent - c.gone_silent, c.boxes - c.g4_pencil_gone),
        c.boxes - c.g4_pencil_gone
    );
    println!(
        "one thread, per page: decode {:.1} ms, read {:.1} ms (mixed 150/200/300 dpi)",
        1000.0 * decode_time / c.pages.max(1) as f64,
        1000.0 * read_time / c.pages.max(1) as f64
    );
}

/// Black pixels of a bilevel scan inside box `r` (0.6 mm within its outline), found where the
/// generator's distortion put the box: what is left of the mark in the file, for any reader.
fn black_left(
    page: &decode::Gray,
    r: klankbord::surveys::paper::layout::RectMm,
    d: Distortion,
    dpi: u32,
) -> u64 {
    let px = dpi as f32 / 25.4;
    let (cx, cy) = (page.width as f32 / 2.0, page.height as f32 / 2.0);
    let (s, c) = d.rotate_deg.to_radians().sin_cos();
    let mut n = 0;
    let steps = ((r.w - 1.2) * px * 2.0) as usize;
    for j in 0..steps {
        for i in 0..steps {
            let x = (r.x + 0.6 + (r.w - 1.2) * (i as f32 + 0.5) / steps as f32) * px;
            let y = (r.y + 0.6 + (r.h - 1.2) * (j as f32 + 0.5) / steps as f32) * px;
            // As `distort` maps the upright raster onto the scan.
            let (rx, ry) = (x - cx, y - cy);
            let (dx, dy) = (d.scale * (c * rx - s * ry), d.scale * (s * rx + c * ry));
            let (ox, oy) = (dx + cx + d.shift_mm.0 * px, dy + cy + d.shift_mm.1 * px);
            n += u64::from(page.get(ox.floor() as i64, oy.floor() as i64) < 128);
        }
    }
    n
}

fn save(key: &Path, m: &Made) {
    std::fs::write(key.with_extension("bin"), &m.file).expect("cache");
    let mut t = format!(
        "{} {} {} {} {} {}\n",
        m.d.rotate_deg, m.d.scale, m.d.shift_mm.0, m.d.shift_mm.1, m.d.blur, m.d.noise
    );
    for b in &m.truth {
        let hand = b.hand.map(|h| format!("{h:?}")).unwrap_or("-".into());
        t.push_str(&format!(
            "{}\t{}\t{}\t{}\t{hand}\n",
            b.item,
            b.value,
            u8::from(b.chosen),
            u8::from(b.cancelled)
        ));
    }
    std::fs::write(key.with_extension("txt"), t).expect("cache");
}

fn load(key: &Path, dpi: u32, store: Store) -> Made {
    let file = std::fs::read(key.with_extension("bin")).expect("cache");
    let text = std::fs::read_to_string(key.with_extension("txt")).expect("cache");
    let mut lines = text.lines();
    let v: Vec<f32> = lines
        .next()
        .unwrap()
        .split(' ')
        .map(|x| x.parse().unwrap())
        .collect();
    let d = Distortion {
        rotate_deg: v[0],
        scale: v[1],
        shift_mm: (v[2], v[3]),
        blur: v[4] as u32,
        noise: v[5],
    };
    let truth = lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let hand = [
                Hand::Tick,
                Hand::Cross,
                Hand::Filled,
                Hand::Pencil,
                Hand::Marker,
            ]
            .into_iter()
            .find(|h| format!("{h:?}") == f[4]);
            TrueBox {
                item: f[0].into(),
                value: f[1].into(),
                chosen: f[2] == "1",
                cancelled: f[3] == "1",
                hand,
            }
        })
        .collect();
    Made {
        file,
        truth,
        dpi,
        store,
        d,
    }
}
