//! Part of `benches/scans.rs`: a stack of scans uploaded on the clerk's page of a running server
//! (the release binary in a process of its own), against `klankbord import scans` on the same file
//! in a fresh copy of the same database, and against decoding the file alone.

use super::support::server;
use super::*;
use klankbord::accounts::model::Role;
use std::io::{BufRead, BufReader};

/// Uploads `pages` pages at 200 dpi (a JPEG PDF, as an office scanner makes) of freshly printed
/// and marked forms, and prints the times, the pages per second and the peak memory.
pub(super) fn upload(rng: &mut rand::rngs::StdRng, multi: &dyn Fn(&str) -> bool, pages: usize) {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("upload.db");
    let url = format!("sqlite://{}", db.display());
    let env: Vec<(String, String)> = std::env::vars().collect();
    let config = klankbord::config::Config::from_sources(None, &env).expect("config");
    let (id, design, pdf) = {
        let pool = klankbord::db::connect_and_migrate(
            &klankbord::db::DatabaseUrl::parse(&url).expect("url"),
            1,
        )
        .expect("db");
        let mut conn = pool.get().expect("conn");
        klankbord::surveys::waves::register_shipped(&mut conn).expect("shipped");
        let id = klankbord::surveys::builder::WaveBuilder::new()
            .name("Scans")
            .population(1_000_000)
            .channels(&["paper-scan"])
            .create(&mut conn)
            .expect("wave");
        let wave = klankbord::surveys::waves::find_wave(&mut conn, id).expect("wave");
        let def = klankbord::surveys::respond::definition(&mut conn, wave.version_id).expect("def");
        let forms = pages.div_ceil(4) as u64;
        // Printed as the clerk's page prints them: the layout is stored in the database.
        let pdf = form_pdf::print_wave(
            &mut conn,
            &wave,
            &def,
            Lang::Nl,
            &config.contact,
            (1, forms),
            false,
            klankbord::fmt::today(),
        )
        .expect("print")
        .expect("numbers not printed before");
        let design = form_pdf::design_for(&wave, &def, Lang::Nl, &config.contact).expect("design");
        (id, design, pdf)
    };
    // Marked and scanned ten forms at a time, each page kept only as its JPEG.
    let per_form = design.layout.pages.len();
    let mut jpegs = vec![];
    let mut size = (0, 0);
    for first in (1..=pages).step_by(10 * per_form) {
        let last = (first + 10 * per_form - 1).min(pages);
        for (n, mut page) in synth::rasterise(&pdf, 200, first, last)
            .expect("pdftoppm")
            .into_iter()
            .enumerate()
        {
            let page_no = ((first - 1 + n) % per_form) as u32 + 1;
            synth::mark_page(rng, &mut page, &design.layout, page_no, 200.0, multi);
            let d = Distortion::random(rng);
            let scanned = synth::distort(rng, &page, d, 200.0);
            size = (scanned.width, scanned.height);
            jpegs.push(jpeg(&scanned));
        }
    }
    let file = dir.path().join("stapel.pdf");
    write_pdf(&file, jpegs.iter(), size.0, size.1, 200.0);
    drop(jpegs);
    let bytes = std::fs::read(&file).expect("file");
    if let Some(keep) = text_arg("--upload-keep") {
        // For analysis: the stack and the database before any import.
        std::fs::create_dir_all(&keep).expect("keep");
        std::fs::copy(&file, Path::new(&keep).join("stapel.pdf")).expect("keep");
        std::fs::copy(&db, Path::new(&keep).join("upload.db")).expect("keep");
    }
    // The command line reads the same file into a copy of the database as it was before.
    let cli_db = dir.path().join("cli.db");
    std::fs::copy(&db, &cli_db).expect("copy");
    let cli_url = format!("sqlite://{}", cli_db.display());

    // 1. The clerk's page: one POST with the file, answered once every page is read and stored.
    let cookie = server::session(&url, "bench.invoer", Role::Invoerder);
    let (mut child, port) = server::serve(&url);
    let boundary = "benchgrens7MA4YWxkTrZu0gW";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"scans\"; filename=\"stapel.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n",
        server::CSRF
    )
    .into_bytes();
    body.extend_from_slice(&bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let head = format!(
        "POST /invoer/rondes/{id}/papier/scans HTTP/1.1\r\nHost: bench\r\nCookie: {cookie}\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        body.len()
    );
    let (_, before) = server::memory(child.id());
    let started = Instant::now();
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.write_all(head.as_bytes()).expect("write");
    s.write_all(&body).expect("write");
    let mut status = String::new();
    BufReader::new(s).read_line(&mut status).expect("status");
    let web_secs = started.elapsed().as_secs_f64();
    let (_, peak) = server::memory(child.id());
    let _ = child.kill();
    let _ = child.wait();
    assert!(status.contains(" 303 "), "upload answered {status}");

    // 2. The command line on the same file; 3. decoding the file alone.
    let id_text = id.to_string();
    let (cli_secs, cli_kb, _) = server::timed(
        Path::new(env!("CARGO_BIN_EXE_klankbord")),
        &[
            "import",
            "scans",
            "--wave",
            &id_text,
            file.to_str().expect("path"),
        ],
        &[("DATABASE_URL", cli_url.as_str()), ("RUST_LOG", "warn")],
    );
    let (decoded, decode_secs, decode_kb, _) = run_child("decode", &file);
    let stored = |url: &str| {
        let pool = klankbord::db::connect_and_migrate(
            &klankbord::db::DatabaseUrl::parse(url).expect("url"),
            1,
        )
        .expect("db");
        let mut conn = pool.get().expect("conn");
        let mut count = |sql: &str| {
            #[derive(diesel::QueryableByName)]
            struct N {
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                n: i64,
            }
            diesel::RunQueryDsl::get_result::<N>(diesel::sql_query(sql), &mut conn)
                .expect("count")
                .n
        };
        (
            count("SELECT COUNT(*) AS n FROM responses"),
            count("SELECT COUNT(*) AS n FROM paper_scan_pending"),
        )
    };
    let (web_stored, web_waiting) = stored(&url);
    let (cli_stored, cli_waiting) = stored(&cli_url);
    let mb = |kb: u64| kb as f64 / 1024.0;
    println!(
        "# Scans uploaded on the clerk's page ({pages} pages at 200 dpi, JPEG PDF, {:.1} MB)",
        bytes.len() as f64 / 1e6
    );
    println!(
        "clerk's page (POST until the answer): {web_secs:.2} s = {:.1} pages/s; server peak {:.0} MB (before {:.0} MB); forms stored {web_stored}, waiting for the clerk {web_waiting}",
        pages as f64 / web_secs,
        mb(peak),
        mb(before)
    );
    println!(
        "`klankbord import scans`, same file:   {cli_secs:.2} s = {:.1} pages/s; peak {:.0} MB; forms stored {cli_stored}, waiting {cli_waiting}",
        pages as f64 / cli_secs,
        mb(cli_kb)
    );
    println!(
        "baseline, decoding the file alone:      {decode_secs:.2} s = {:.1} pages/s ({decoded} pages, one thread); peak {:.0} MB",
        decoded as f64 / decode_secs,
        mb(decode_kb)
    );
}
