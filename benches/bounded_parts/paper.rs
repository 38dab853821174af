//! Part of `benches/bounded.rs`: a paper file with a 100 MB line, imported, and the paper page served.

use super::*;

pub(super) fn bench_paper(dir: &std::path::Path, line_mb: usize) {
    println!("\n## 2. A paper file with one {line_mb} MB line");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_klankbord"));
    let me = std::env::current_exe().expect("this program");
    let (url, long_wave) = database(dir, "paper.db", &["paper-scan"]);
    let clean_wave = {
        let pool = klankbord::db::connect_and_migrate(
            &klankbord::db::DatabaseUrl::parse(&url).expect("url"),
            1,
        )
        .expect("db");
        let mut c = pool.get().expect("conn");
        WaveBuilder::new()
            .name("Zonder lange regel")
            .population(1_000_000)
            .channels(&["paper-scan"])
            .create(&mut c)
            .expect("wave")
    };
    // 2,000 sheets, every 20th with the form number of another wave, so 100 are put aside (two
    // pages of them); the long line in the middle.
    let write = |path: &std::path::Path, wave: i64, long: bool| {
        let mut w = std::io::BufWriter::new(std::fs::File::create(path).expect("file"));
        writeln!(w, "form_id,cijfer,wat_goed").expect("write");
        for n in 1..=2000u64 {
            let of = if n % 20 == 0 { wave + 100 } else { wave };
            writeln!(w, "{},8,Vriendelijk geholpen", form_number(of, n)).expect("write");
            if long && n == 1000 {
                write!(w, "{},8,", form_number(wave, 5000)).expect("write");
                let chunk = vec![b'x'; 1 << 20];
                for _ in 0..line_mb {
                    w.write_all(&chunk).expect("write");
                }
                writeln!(w).expect("write");
            }
        }
        w.flush().expect("flush");
    };
    let long_file = dir.join("lang.csv");
    let clean_file = dir.join("schoon.csv");
    write(&long_file, long_wave, true);
    write(&clean_file, clean_wave, false);
    let env = [("DATABASE_URL", url.as_str()), ("RUST_LOG", "warn")];
    let (secs, kb, said) = timed(
        bin,
        &[
            "import",
            "paper",
            "--wave",
            &long_wave.to_string(),
            "--format",
            "generic",
            long_file.to_str().unwrap(),
        ],
        &env,
    );
    let (base_secs, base_kb, _) =
        timed(&me, &["--baseline-read", long_file.to_str().unwrap()], &[]);
    let (clean_secs, clean_kb, _) = timed(
        bin,
        &[
            "import",
            "paper",
            "--wave",
            &clean_wave.to_string(),
            "--format",
            "generic",
            clean_file.to_str().unwrap(),
        ],
        &env,
    );
    println!(
        "`import paper`, {:.0} MB file with the long line: {secs:>5.1} s  peak {:>6.1} MB   ({})",
        std::fs::metadata(&long_file).expect("size").len() as f64 / 1e6,
        mb(kb),
        said.lines().take(2).collect::<Vec<_>>().join(" ")
    );
    println!(
        "baseline: bare loop reading the same file:     {base_secs:>5.1} s  peak {:>6.1} MB",
        mb(base_kb)
    );
    println!(
        "`import paper`, the same sheets without it:    {clean_secs:>5.1} s  peak {:>6.1} MB",
        mb(clean_kb)
    );

    // The pages, on a running server, 20 views each.
    let cookie = session(&url, "bench.invoer", Role::Invoerder);
    let (mut server, port) = serve(&url);
    let pid = server.id();
    for (label, wave) in [
        ("with the long line", long_wave),
        ("without it", clean_wave),
    ] {
        let path = format!("/invoer/rondes/{wave}/papier");
        let mut times = vec![];
        let mut size = 0;
        for _ in 0..20 {
            let (s, bytes, _, t) = get(port, &path, &cookie);
            assert_eq!(s, 200);
            size = bytes;
            times.push(t * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "paper page {label:<19}: {size:>7} bytes, p50 {:.2} ms, max {:.2} ms",
            times[times.len() / 2],
            times[times.len() - 1]
        );
    }
    let (rss, hwm) = memory(pid);
    println!(
        "server resident after 40 page views: {:.1} MB (VmHWM {:.1} MB)",
        mb(rss),
        mb(hwm)
    );
    let _ = server.kill();
    let _ = server.wait();
}
