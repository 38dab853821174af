//! Benchmark: the memory of the real server (`klankbord serve`, its own process, fresh SQLite file)
//! under the hostile uploads of issue 13, shape by shape, against its own idle and warmed-up memory
//! in the same run; and the largest upload the complaint form allows (three 10 MB files), four at a
//! time. Memory is the process's resident set (`VmRSS`, sampled every 10 ms, and `VmHWM`, the
//! kernel's peak) from `/proc`.
//!
//! Run: `cargo bench --bench hostile` (options: `-- --parallel 4 --budget-mb 1024 --largest 8`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and benchmark code may stop at the first failure

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

mod support;
use support::arg;
use support::hostile::{self, Shape, Target};

const MIB: u64 = 1024 * 1024;

/// Runs `f` while sampling the server's memory; returns f's result and the highest RSS seen (KiB).
fn sampled<T>(pid: u32, f: impl FnOnce() -> T) -> (T, u64) {
    let stop = Arc::new(AtomicBool::new(false));
    let highest = Arc::new(AtomicU64::new(0));
    let watcher = {
        let (stop, highest) = (stop.clone(), highest.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                highest.fetch_max(hostile::memory_kib(pid).0, Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(10));
            }
        })
    };
    let out = f();
    stop.store(true, Ordering::Relaxed);
    let _ = watcher.join();
    (out, highest.load(Ordering::Relaxed))
}

fn main() {
    let parallel = arg("--parallel", 4) as usize;
    let budget = arg("--budget-mb", 1024) * MIB;
    let largest = arg("--largest", 8);
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_klankbord"))
        .arg("serve")
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("bench.db").display()),
        )
        .env("KLANKBORD_BIND", "127.0.0.1:0")
        .env(
            "KLANKBORD_MAIL",
            format!("folder:{}", dir.path().join("mail").display()),
        )
        .env("RUST_LOG", "warn")
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn klankbord serve");
    let pid = child.id();
    let stdout = child.stdout.take().expect("stdout");
    let mut addr = String::new();
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        if let Some(a) = line.split("luistert op http://").nth(1) {
            addr = a.split_whitespace().next().unwrap_or("").to_string();
            break;
        }
    }
    assert!(!addr.is_empty(), "server did not start");
    std::thread::sleep(Duration::from_millis(500));
    let (idle, _) = hostile::memory_kib(pid);

    // Warm-up with ordinary traffic: pages in every worker, the form, an honest small refusal.
    for _ in 0..200 {
        for path in ["/", "/klacht", "/privacy", "/klacht/volgen"] {
            let _ = hostile::get_status(&addr, path, Duration::from_secs(10));
        }
    }
    let target = Target::new(&addr);
    let (warm, _) = hostile::memory_kib(pid);

    println!("# Memory of `klankbord serve` under hostile uploads\n");
    println!(
        "{parallel} connections at a time, each shape until {} MB are sent (each request up to 1 GB).\n",
        budget / MIB
    );
    println!("| what | sent | requests | answers | time | highest RSS seen |");
    println!("|---|---|---|---|---|---|");
    println!(
        "| baseline: idle after start | – | – | – | – | {} MB |",
        idle / 1024
    );
    println!(
        "| baseline: after 800 page views | – | – | – | – | {} MB |",
        warm / 1024
    );
    let mut total = 0;
    for shape in Shape::HOSTILE {
        let started = Instant::now();
        let (o, high) = sampled(pid, || {
            hostile::run(
                shape,
                &target,
                10 * MIB,
                budget,
                parallel,
                100_000,
                Duration::from_secs(300),
            )
        });
        total += o.bytes;
        println!(
            "| {} | {} MB | {} | {:?} | {:.1} s | {} MB |",
            shape.describe(),
            o.bytes / MIB,
            o.requests,
            o.statuses,
            started.elapsed().as_secs_f64(),
            high / 1024
        );
    }
    let started = Instant::now();
    let (o, high) = sampled(pid, || {
        hostile::run(
            Shape::LargestAllowed,
            &target,
            10 * MIB,
            u64::MAX,
            parallel,
            largest,
            Duration::from_secs(300),
        )
    });
    total += o.bytes;
    println!(
        "| {} ({parallel} at a time) | {} MB | {} | {:?} | {:.1} s | {} MB |",
        Shape::LargestAllowed.describe(),
        o.bytes / MIB,
        o.requests,
        o.statuses,
        started.elapsed().as_secs_f64(),
        high / 1024
    );
    let (rss, peak) = hostile::memory_kib(pid);
    let answers = hostile::get_status(&addr, "/", Duration::from_secs(10));
    println!(
        "\nIn all {} MB sent. Afterwards: RSS {} MB, peak over the whole run (VmHWM) {} MB; the start page answers {:?}.",
        total / MIB,
        rss / 1024,
        peak / 1024,
        answers
    );
    let _ = child.kill();
    let _ = child.wait();
}
