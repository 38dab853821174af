//! Benchmark: the real public start page against a bare actix-web handler that returns the same
//! bytes, loaded side by side in one run with 64 keep-alive connections from an in-process load
//! generator. Prints requests/s, p50 and p99 for each and the ratio.
//!
//! Run: `cargo bench --bench start_page` (options: `-- --seconds 5 --rounds 3 --connections 64`).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use actix_web::{web, App, HttpResponse, HttpServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Starts the real klankbord server (one worker) on a fresh SQLite file; returns its port.
fn start_klankbord(dir: &std::path::Path) -> u16 {
    let env = vec![
        (
            "DATABASE_URL".to_string(),
            format!("sqlite://{}", dir.join("bench.db").display()),
        ),
        ("KLANKBORD_BIND".to_string(), "127.0.0.1:0".to_string()),
        ("KLANKBORD_WORKERS".to_string(), "1".to_string()),
    ];
    let config = klankbord::config::Config::from_sources(None, &env).expect("config");
    let pool = klankbord::db::connect_and_migrate(&config.database_url, 4).expect("db");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let app = klankbord::startup::Application::build_with_pool(config, pool).expect("app");
            tx.send(app.port()).expect("send");
            let _ = app.run_until_stopped().await;
        })
    });
    rx.recv().expect("port")
}

/// Starts the minimal handler (one worker) returning `body`; returns its port.
fn start_minimal(body: Vec<u8>) -> u16 {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let body = web::Bytes::from(body);
            let server = HttpServer::new(move || {
                let body = body.clone();
                App::new().route(
                    "/",
                    web::get().to(move || {
                        let body = body.clone();
                        async move {
                            HttpResponse::Ok()
                                .content_type("text/html; charset=utf-8")
                                .body(body)
                        }
                    }),
                )
            })
            .workers(1)
            .bind("127.0.0.1:0")
            .expect("bind");
            tx.send(server.addrs()[0].port()).expect("send");
            let _ = server.run().await;
        })
    });
    rx.recv().expect("port")
}

/// One blocking GET, for fetching the page body once.
fn fetch(port: u16) -> Vec<u8> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.write_all(b"GET / HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
        .expect("write");
    let mut all = vec![];
    s.read_to_end(&mut all).expect("read");
    let split = all
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers")
        + 4;
    all[split..].to_vec()
}

/// Reads one HTTP/1.1 response with Content-Length from a keep-alive connection.
async fn read_response(
    stream: &mut tokio::net::TcpStream,
    buf: &mut Vec<u8>,
) -> std::io::Result<()> {
    buf.clear();
    let mut chunk = [0u8; 16384];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            let total = end + 4 + len;
            while buf.len() < total {
                let n = stream.read(&mut chunk).await?;
                if n == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            return Ok(());
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Loads `port` with `connections` connections for `seconds`; returns latencies in microseconds.
fn load(port: u16, connections: usize, seconds: u64) -> (Vec<u32>, f64) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async move {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let started = Instant::now();
        let mut tasks = vec![];
        for _ in 0..connections {
            tasks.push(tokio::spawn(async move {
                let mut lat = Vec::with_capacity(100_000);
                let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
                    .await
                    .expect("connect");
                stream.set_nodelay(true).expect("nodelay");
                let mut buf = Vec::with_capacity(16384);
                while Instant::now() < deadline {
                    let t = Instant::now();
                    stream
                        .write_all(b"GET / HTTP/1.1\r\nHost: bench\r\n\r\n")
                        .await
                        .expect("write");
                    read_response(&mut stream, &mut buf)
                        .await
                        .expect("response");
                    lat.push(t.elapsed().as_micros() as u32);
                }
                lat
            }));
        }
        let mut all = vec![];
        for t in tasks {
            all.extend(t.await.expect("task"));
        }
        (all, started.elapsed().as_secs_f64())
    })
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

fn main() {
    let seconds = arg("--seconds", 5);
    let rounds = arg("--rounds", 3);
    let connections = arg("--connections", 64) as usize;
    let dir = tempfile::tempdir().expect("tempdir");
    let real = start_klankbord(dir.path());
    let body = fetch(real);
    assert!(
        String::from_utf8_lossy(&body).contains("<h1>"),
        "start page did not render"
    );
    let minimal = start_minimal(body.clone());
    assert_eq!(fetch(minimal), body);
    println!("start page: {} bytes; {connections} connections, {rounds} rounds of {seconds}s each, alternating", body.len());
    // Warm-up.
    load(real, connections, 1);
    load(minimal, connections, 1);
    let mut results: [(Vec<u32>, f64); 2] = [(vec![], 0.0), (vec![], 0.0)];
    for _ in 0..rounds {
        for (i, port) in [real, minimal].into_iter().enumerate() {
            let (lat, secs) = load(port, connections, seconds);
            results[i].0.extend(lat);
            results[i].1 += secs;
        }
    }
    let mut rps = [0.0; 2];
    for (i, name) in ["klankbord start page", "minimal actix handler"]
        .iter()
        .enumerate()
    {
        let (lat, secs) = &mut results[i];
        lat.sort_unstable();
        rps[i] = lat.len() as f64 / *secs;
        println!(
            "{name:<24} {:>9.0} req/s   p50 {:>6.2} ms   p99 {:>6.2} ms   ({} requests)",
            rps[i],
            percentile(lat, 0.50),
            percentile(lat, 0.99),
            lat.len()
        );
    }
    println!(
        "ratio (start page / minimal): {:.1}%  (goal: at least 70%)",
        100.0 * rps[0] / rps[1]
    );
}
