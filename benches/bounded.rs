//! Benchmark (issue 13, finding 11): bounded work where a count or a file comes in.
//!
//! 1. 100,000 invitation letters (about 400 MB of HTML with a QR code each), time and peak memory:
//!    - `klankbord wave invite --letters` (the codes go into the database, the letters to a file);
//!    - the same count of codes without letters, to see what the letters themselves cost;
//!    - the baseline: a bare loop in a process of its own writing the same bytes (the page head,
//!      one real letter 100,000 times, the end) to a file;
//!    - the old way for comparison: every letter built in memory first, then written;
//!    - the letters endpoint of a running server (`POST /onderzoek/rondes/{id}/codes`), read as it
//!      streams, with the server's resident memory before and at its peak.
//! 2. A paper file with one 100 MB line between 2,000 good sheets: `klankbord import paper` (time,
//!    peak memory) next to a bare loop reading the same file; then the wave's paper page and the
//!    report page on a running server (bytes and time), next to the same pages after a file
//!    without the long line.
//!
//! Peak memory of a process is `ru_maxrss` as reported by GNU time (`/usr/bin/time -f %M`); of the
//! server, VmRSS/VmHWM from /proc.
//!
//! Run: `cargo bench --bench bounded` (options: `-- --letters 100000 --line-mb 100`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and benchmark code may stop at the first failure

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use klankbord::accounts::model::Role;
use klankbord::fmt::today;
use klankbord::surveys::builder::WaveBuilder;
use klankbord::surveys::paper::sheet::form_number;
use klankbord::surveys::waves;

#[path = "bounded_parts/paper.rs"]
mod paper;
mod support;
use paper::*;
use support::arg;
use support::server::{memory, serve, session, timed, CSRF};

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

/// A fresh SQLite database with the shipped questionnaire and one wave; returns (url, wave id).
fn database(dir: &std::path::Path, name: &str, channels: &[&str]) -> (String, i64) {
    let url = format!("sqlite://{}", dir.join(name).display());
    let pool = klankbord::db::connect_and_migrate(
        &klankbord::db::DatabaseUrl::parse(&url).expect("url"),
        1,
    )
    .expect("db");
    let mut c = pool.get().expect("conn");
    waves::register_shipped(&mut c).expect("shipped");
    let id = WaveBuilder::new()
        .name("Benchmark")
        .population(1_000_000)
        .channels(channels)
        .create(&mut c)
        .expect("wave");
    (url, id)
}

/// Sends one request and reads the whole response, counting body bytes as they come (the body is
/// not kept); returns (status, body bytes, the last 64 bytes, seconds).
fn request(port: u16, head: &str, body: &[u8]) -> (u16, u64, Vec<u8>, f64) {
    let started = Instant::now();
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.write_all(head.as_bytes()).expect("write");
    s.write_all(body).expect("write");
    let mut r = BufReader::with_capacity(1 << 16, s);
    let mut status_line = String::new();
    r.read_line(&mut status_line).expect("status");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut chunked = false;
    let mut length: Option<u64> = None;
    loop {
        let mut line = String::new();
        r.read_line(&mut line).expect("header");
        let l = line.trim().to_ascii_lowercase();
        if l.is_empty() {
            break;
        }
        chunked |= l == "transfer-encoding: chunked";
        if let Some(v) = l.strip_prefix("content-length:") {
            length = v.trim().parse().ok();
        }
    }
    let mut total = 0u64;
    let mut tail: Vec<u8> = vec![];
    let mut buf = vec![0u8; 1 << 16];
    let mut take = |r: &mut BufReader<TcpStream>, mut n: u64| {
        while n > 0 {
            let want = (n as usize).min(buf.len());
            r.read_exact(&mut buf[..want]).expect("body");
            total += want as u64;
            tail.extend_from_slice(&buf[..want]);
            if tail.len() > 64 {
                tail.drain(..tail.len() - 64);
            }
            n -= want as u64;
        }
    };
    if chunked {
        loop {
            let mut size = String::new();
            r.read_line(&mut size).expect("chunk size");
            let n = u64::from_str_radix(size.trim(), 16).expect("hex size");
            if n == 0 {
                break;
            }
            take(&mut r, n);
            let mut crlf = [0u8; 2];
            r.read_exact(&mut crlf).expect("crlf");
        }
    } else if let Some(n) = length {
        take(&mut r, n);
    }
    (status, total, tail, started.elapsed().as_secs_f64())
}

fn get(port: u16, path: &str, cookie: &str) -> (u16, u64, Vec<u8>, f64) {
    request(
        port,
        &format!(
            "GET {path} HTTP/1.1\r\nHost: bench\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n"
        ),
        b"",
    )
}

// ---------------------------------------------------------------------------------------------
// Child modes: the baseline and the old way, each in a process of its own for a fair peak.
// ---------------------------------------------------------------------------------------------

/// `--baseline-letters FILE OUT N`: the head, the first real letter N times and the end of FILE
/// (read from its first megabyte only), written to OUT with a bare loop.
fn baseline_letters(file: &str, out: &str, n: usize) {
    let mut start_of_file = vec![0u8; 1 << 20];
    let got = std::fs::File::open(file)
        .and_then(|mut f| f.read(&mut start_of_file))
        .expect("letters");
    let html = String::from_utf8_lossy(&start_of_file[..got]).into_owned();
    let start = html.find("<article").expect("a letter");
    let end = html[start..].find("</article>").expect("its end") + start + "</article>".len();
    let (head, letter, tail) = (&html[..start], &html[start..end], "</main></body></html>");
    let mut w = std::io::BufWriter::new(std::fs::File::create(out).expect("out"));
    w.write_all(head.as_bytes()).expect("write");
    for _ in 0..n {
        w.write_all(letter.as_bytes()).expect("write");
    }
    w.write_all(tail.as_bytes()).expect("write");
    w.flush().expect("flush");
}

/// How often `needle` occurs in a file, read a megabyte at a time.
fn count_in_file(path: &std::path::Path, needle: &[u8]) -> usize {
    let mut f = std::fs::File::open(path).expect("file");
    let mut buf = vec![0u8; 1 << 20];
    let mut carry: Vec<u8> = vec![];
    let mut n = 0;
    loop {
        let got = f.read(&mut buf).expect("read");
        if got == 0 {
            return n;
        }
        carry.extend_from_slice(&buf[..got]);
        n += carry.windows(needle.len()).filter(|w| *w == needle).count();
        let keep = carry.len().saturating_sub(needle.len() - 1);
        carry.drain(..keep);
    }
}

/// `--in-memory-letters OUT N`: every letter built in memory first, then written (the old way).
fn in_memory_letters(out: &str, n: usize) {
    let wave = klankbord::surveys::waves::Wave {
        id: 1,
        name: "Benchmark".into(),
        questionnaire_key: "bejegening-bijstand".into(),
        version: 1,
        revision: 1,
        opens_on: today(),
        closes_on: today() + chrono::Duration::days(30),
        population: 1_000_000,
        channels: "web".into(),
        version_id: 1,
        reminders_sent: 0,
    };
    let mut rng = rand::thread_rng();
    let codes: Vec<String> = (0..n)
        .map(|_| klankbord::codes::format_code(&klankbord::codes::generate(&mut rng)))
        .collect();
    let mut all = vec![];
    klankbord::surveys::invite::write_letters(
        &mut all,
        &wave,
        &codes,
        klankbord::web::i18n::Lang::Nl,
        "https://klankbord.voorbeeld.nl",
        &klankbord::demo::demo_contact(),
        true,
    )
    .expect("letters");
    std::fs::write(out, &all).expect("write");
}

/// `--baseline-read FILE`: a bare loop reading FILE in 64 KB pieces, counting lines.
fn baseline_read(file: &str) {
    let mut f = std::fs::File::open(file).expect("file");
    let mut buf = vec![0u8; 1 << 16];
    let mut lines = 0u64;
    loop {
        let n = f.read(&mut buf).expect("read");
        if n == 0 {
            break;
        }
        lines += buf[..n].iter().filter(|b| **b == b'\n').count() as u64;
    }
    println!("{lines} lines");
}

// ---------------------------------------------------------------------------------------------

fn bench_letters(dir: &std::path::Path, n: usize) {
    println!("\n## 1. {n} invitation letters");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_klankbord"));
    let me = std::env::current_exe().expect("this program");
    let (url, wave) = database(dir, "letters.db", &["web"]);
    let env = [
        ("DATABASE_URL", url.as_str()),
        ("RUST_LOG", "warn"),
        ("KLANKBORD_PUBLIC_URL", "https://klankbord.voorbeeld.nl"),
    ];
    let count = n.to_string();
    let wave_arg = wave.to_string();
    let letters = dir.join("brieven.html");
    let codes_only = dir.join("codes-0.csv");
    let (codes_secs, codes_kb, _) = timed(
        bin,
        &[
            "wave",
            "invite",
            "--wave",
            &wave_arg,
            "--count",
            &count,
            "--out",
            codes_only.to_str().unwrap(),
        ],
        &env,
    );
    let (secs, kb, said) = timed(
        bin,
        &[
            "wave",
            "invite",
            "--wave",
            &wave_arg,
            "--count",
            &count,
            "--out",
            dir.join("codes-1.csv").to_str().unwrap(),
            "--letters",
            letters.to_str().unwrap(),
        ],
        &env,
    );
    assert!(said.contains("Brieven geschreven"), "{said}");
    let size = std::fs::metadata(&letters).expect("letters").len();
    assert_eq!(count_in_file(&letters, b"<article class=\"letter\""), n);
    let baseline_out = dir.join("baseline.html");
    let (base_secs, base_kb, _) = timed(
        &me,
        &[
            "--baseline-letters",
            letters.to_str().unwrap(),
            baseline_out.to_str().unwrap(),
            &count,
        ],
        &[],
    );
    let base_size = std::fs::metadata(&baseline_out).expect("baseline").len();
    let old_out = dir.join("in-memory.html");
    let (old_secs, old_kb, _) = timed(
        &me,
        &["--in-memory-letters", old_out.to_str().unwrap(), &count],
        &[],
    );
    let _ = std::fs::remove_file(&baseline_out);
    let _ = std::fs::remove_file(&old_out);
    println!(
        "`wave invite --letters` ({n} codes + letters): {secs:>6.1} s  peak {:>6.1} MB  ({:.0} MB of HTML)",
        mb(kb),
        size as f64 / 1e6
    );
    println!(
        "`wave invite` (the {n} codes only):          {codes_secs:>6.1} s  peak {:>6.1} MB",
        mb(codes_kb)
    );
    println!(
        "baseline: bare loop writing the same bytes:   {base_secs:>6.1} s  peak {:>6.1} MB  ({:.0} MB)",
        mb(base_kb),
        base_size as f64 / 1e6
    );
    println!(
        "old way: all letters in memory, then written: {old_secs:>6.1} s  peak {:>6.1} MB",
        mb(old_kb)
    );
    println!(
        "letters alone (total minus codes only): {:.1} s, {:.0} letters/s; peak memory {:.1} MB against {:.1} MB for the bare loop",
        secs - codes_secs,
        n as f64 / (secs - codes_secs).max(0.001),
        mb(kb),
        mb(base_kb)
    );

    // The letters endpoint of a running server, read as it streams.
    let cookie = session(&url, "bench.brieven", Role::Onderzoeker);
    let (mut server, port) = serve(&url);
    let pid = server.id();
    let (s, _, _, _) = get(port, &format!("/onderzoek/rondes/{wave}"), &cookie);
    assert_eq!(s, 200);
    let (before, _) = memory(pid);
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = {
        let done = done.clone();
        std::thread::spawn(move || {
            let mut peak = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(memory(pid).0);
                std::thread::sleep(Duration::from_millis(10));
            }
            peak
        })
    };
    let form = format!("aantal={n}&vorm=brieven&taal=nl&csrf={CSRF}");
    let head = format!(
        "POST /onderzoek/rondes/{wave}/codes HTTP/1.1\r\nHost: bench\r\nCookie: {cookie}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        form.len()
    );
    let (status, bytes, tail, web_secs) = request(port, &head, form.as_bytes());
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let peak_rss = sampler.join().expect("sampler");
    let (_, hwm) = memory(pid);
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(status, 200);
    assert!(
        String::from_utf8_lossy(&tail)
            .trim_end()
            .ends_with("</html>"),
        "complete"
    );
    println!(
        "web: POST /onderzoek/rondes/{{id}}/codes ({n} letters): {web_secs:.1} s, {:.0} MB streamed; server resident {:.1} MB before, {:.1} MB at most while sending (VmHWM of the process: {:.1} MB)",
        bytes as f64 / 1e6,
        mb(before),
        mb(peak_rss),
        mb(hwm)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let at = |flag: &str| args.iter().position(|a| a == flag).map(|i| &args[i + 1..]);
    if let Some(rest) = at("--baseline-letters") {
        return baseline_letters(&rest[0], &rest[1], rest[2].parse().expect("n"));
    }
    if let Some(rest) = at("--in-memory-letters") {
        return in_memory_letters(&rest[0], rest[1].parse().expect("n"));
    }
    if let Some(rest) = at("--baseline-read") {
        return baseline_read(&rest[0]);
    }
    let letters = arg("--letters", 100_000) as usize;
    let line_mb = arg("--line-mb", 100) as usize;
    let dir = tempfile::tempdir().expect("tempdir");
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let run = |part: &str| only.as_deref().is_none_or(|o| o == part);
    if run("letters") {
        bench_letters(dir.path(), letters);
    }
    if run("paper") {
        bench_paper(dir.path(), line_mb);
    }
}
