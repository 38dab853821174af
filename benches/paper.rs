//! Benchmark (issue 4): importing a generated file of 1,000,000 scanned sheets of the standard
//! questionnaire into SQLite with `klankbord import paper` (every row validated), next to the
//! `sqlite3` command-line `.import` of the same file into a plain table. Reports sheets per second,
//! the ratio and the importer's peak memory (VmHWM from /proc, sampled while it runs).
//!
//! Run: `cargo bench --bench paper` (options: `-- --sheets 1000000`). Needs the `sqlite3` program.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and benchmark code may stop at the first failure

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use klankbord::surveys::builder::WaveBuilder;
use klankbord::surveys::definition::ItemKind;
use klankbord::surveys::paper::mapping::range_values;
use klankbord::surveys::paper::sheet::form_number;
use klankbord::surveys::waves;

mod support;
use support::arg;

/// Writes the generic file: form_id plus every always-shown question, values varied per sheet.
fn write_file(path: &std::path::Path, wave: i64, sheets: u64) -> usize {
    let def = klankbord::surveys::shipped().expect("def").remove(0);
    let items: Vec<_> = def.items().filter(|i| i.show_if.is_none()).collect();
    let mut out =
        std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path).expect("file"));
    let mut header = vec!["form_id".to_string()];
    header.extend(items.iter().map(|i| i.key.clone()));
    writeln!(out, "{}", header.join(",")).expect("write");
    let mut line = String::with_capacity(512);
    for n in 1..=sheets {
        line.clear();
        line.push_str(&form_number(wave, n));
        for (k, item) in items.iter().enumerate() {
            line.push(',');
            let pick = (n as usize).wrapping_mul(31).wrapping_add(k * 7);
            match &item.kind {
                ItemKind::Text { .. } => {
                    if n % 4 == 0 {
                        line.push_str("\"Vriendelijk, maar ik moest lang wachten\"");
                    }
                }
                ItemKind::Number { min, .. } => line.push_str(&min.to_string()),
                ItemKind::Multi { options, .. } => {
                    line.push_str(&options[pick % options.len()].code);
                    line.push('|');
                    line.push_str(&options[(pick + 1) % options.len()].code);
                }
                _ => {
                    let values = range_values(item);
                    // Avoid "anders" (it needs a text) and keep the conditional blocks closed.
                    let choices: Vec<&String> = values
                        .iter()
                        .filter(|v| *v != "anders" && *v != "ja")
                        .collect();
                    line.push_str(choices[pick % choices.len()]);
                }
            }
        }
        line.push('\n');
        out.write_all(line.as_bytes()).expect("write");
    }
    out.flush().expect("flush");
    items.len()
}

/// Runs a command to completion, sampling its peak resident memory; returns (seconds, peak KB, stdout).
fn timed(mut cmd: Command) -> (f64, u64, String) {
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let pid = child.id();
    let mut peak = 0u64;
    let stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let mut r = std::io::BufReader::new(stdout);
        let _ = std::io::Read::read_to_string(&mut r, &mut s);
        s
    });
    loop {
        if let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) {
            if let Some(kb) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak = peak.max(kb);
            }
        }
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "{cmd:?} failed");
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = reader.join().expect("reader");
    (started.elapsed().as_secs_f64(), peak, out)
}

fn main() {
    let sheets = arg("--sheets", 1_000_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let db_path = dir.path().join("paper.db");
    if let Ok(keep) = std::env::var("PAPER_BENCH_KEEP") {
        println!("(keeping the file and databases: {keep})");
    }
    let url = format!("sqlite://{}", db_path.display());
    let wave = {
        let pool = klankbord::db::connect_and_migrate(
            &klankbord::db::DatabaseUrl::parse(&url).expect("url"),
            1,
        )
        .expect("db");
        let mut c = pool.get().expect("conn");
        waves::register_shipped(&mut c).expect("shipped");
        WaveBuilder::new()
            .name("Papier")
            .population(1_000_000)
            .create(&mut c)
            .expect("wave")
    };
    let file = dir.path().join("stapel.csv");
    let t = Instant::now();
    let columns = write_file(&file, wave, sheets);
    let size = std::fs::metadata(&file).expect("size").len();
    println!(
        "file: {sheets} sheets, {} columns, {:.0} MB (written in {:.1} s)",
        columns + 1,
        size as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    // sqlite3 .import into one wide plain table (the header row names the columns).
    let plain = dir.path().join("plain.db");
    let mut cmd = Command::new("sqlite3");
    cmd.arg(&plain)
        .arg(".mode csv")
        .arg(format!(".import {} plain", file.display()));
    let (plain_secs, plain_kb, _) = timed(cmd);
    let plain_rate = sheets as f64 / plain_secs;
    println!(
        "sqlite3 .import:          {plain_secs:>6.1} s  {plain_rate:>9.0} sheets/s   peak {:>4} MB",
        plain_kb / 1024
    );

    // Checking only (--dry-run): reading and validating every sheet, nothing stored.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_klankbord"));
    cmd.args([
        "import",
        "paper",
        "--wave",
        &wave.to_string(),
        "--format",
        "generic",
        "--dry-run",
    ])
    .arg(&file)
    .env("DATABASE_URL", &url)
    .env("RUST_LOG", "warn");
    let (check_secs, check_kb, _) = timed(cmd);
    println!(
        "klankbord --dry-run:      {check_secs:>6.1} s  {:>9.0} sheets/s   peak {:>4} MB   (read and check only)",
        sheets as f64 / check_secs,
        check_kb / 1024
    );

    // klankbord import paper, the release binary, every row validated.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_klankbord"));
    cmd.args([
        "import",
        "paper",
        "--wave",
        &wave.to_string(),
        "--format",
        "generic",
    ])
    .arg(&file)
    .env("DATABASE_URL", &url)
    .env("RUST_LOG", "warn");
    let (secs, kb, out) = timed(cmd);
    let rate = sheets as f64 / secs;
    println!(
        "klankbord import paper:   {secs:>6.1} s  {rate:>9.0} sheets/s   peak {:>4} MB",
        kb / 1024
    );
    println!(
        "ratio: {:.1}% of sqlite3 .import (goal: at least 20%); peak memory {} MB (goal: under 200 MB)",
        100.0 * rate / plain_rate,
        kb / 1024
    );
    println!("importer said: {}", out.lines().next().unwrap_or(""));
    if let Ok(keep) = std::env::var("PAPER_BENCH_KEEP") {
        let _ = std::fs::create_dir_all(&keep);
        for name in ["stapel.csv", "paper.db"] {
            let _ = std::fs::copy(
                dir.path().join(name),
                std::path::Path::new(&keep).join(name),
            );
        }
    }
    assert!(
        out.contains(&format!("{sheets} ingelezen")),
        "every sheet imported: {out}"
    );
}
