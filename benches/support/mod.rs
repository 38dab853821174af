//! Shared parts of the benchmark programs: arguments, an in-process HTTP/1.1 load generator with
//! keep-alive connections, and percentiles.

#![allow(dead_code)]

pub mod complaints;
pub mod hostile;
pub mod server;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A numeric command-line option (`--name value`), or its default.
pub fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One response as read from the wire: status and body bytes (as sent, e.g. compressed).
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Head (lower-case).
    pub head: String,
    /// Body bytes.
    pub body: Vec<u8>,
}

/// Reads one HTTP/1.1 response with Content-Length from a keep-alive connection.
pub async fn read_response(
    stream: &mut tokio::net::TcpStream,
    buf: &mut Vec<u8>,
) -> std::io::Result<Reply> {
    buf.clear();
    let mut chunk = [0u8; 16384];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let status: u16 = head
                .split_whitespace()
                .nth(1)
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
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
            return Ok(Reply {
                status,
                head,
                body: buf[end + 4..total].to_vec(),
            });
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// One request's outcome: which request (index), its latency in µs, and status (0 = no answer).
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// Index given to `make`.
    pub index: usize,
    /// Latency in microseconds.
    pub micros: u32,
    /// HTTP status, 0 when the connection failed.
    pub status: u16,
}

/// Loads `port` over `connections` keep-alive connections. `make(i)` gives the bytes of the i-th
/// request, or `None` when there are no more; loading also stops at `deadline`. Returns the samples
/// and the seconds taken. A failed connection ends that connection's work (used for kill tests).
pub fn load(
    port: u16,
    connections: usize,
    deadline: Instant,
    make: Arc<dyn Fn(usize) -> Option<Vec<u8>> + Send + Sync>,
) -> (Vec<Sample>, f64) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async move {
        let started = Instant::now();
        let next = Arc::new(AtomicUsize::new(0));
        let mut tasks = vec![];
        for _ in 0..connections {
            let make = make.clone();
            let next = next.clone();
            tasks.push(tokio::spawn(async move {
                let mut out = Vec::with_capacity(10_000);
                let Ok(mut stream) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await
                else {
                    return out;
                };
                let _ = stream.set_nodelay(true);
                let mut buf = Vec::with_capacity(16384);
                while Instant::now() < deadline {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(request) = make(index) else { break };
                    let t = Instant::now();
                    let status = match stream.write_all(&request).await {
                        Ok(()) => match read_response(&mut stream, &mut buf).await {
                            Ok(r) => r.status,
                            Err(_) => 0,
                        },
                        Err(_) => 0,
                    };
                    out.push(Sample {
                        index,
                        micros: t.elapsed().as_micros() as u32,
                        status,
                    });
                    if status == 0 {
                        break;
                    }
                }
                out
            }));
        }
        let mut all = vec![];
        for t in tasks {
            all.extend(t.await.expect("task"));
        }
        (all, started.elapsed().as_secs_f64())
    })
}

/// Loads for `seconds` with the same request every time.
pub fn load_same(port: u16, connections: usize, seconds: u64, request: Vec<u8>) -> (Vec<u32>, f64) {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (samples, secs) = load(
        port,
        connections,
        deadline,
        Arc::new(move |_| Some(request.clone())),
    );
    (samples.into_iter().map(|s| s.micros).collect(), secs)
}

/// The `p`-th percentile of sorted microsecond latencies, in milliseconds.
pub fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

/// Starts the real klankbord server on `pool` in a thread of its own; returns its port.
pub fn start_klankbord(config: klankbord::config::Config, pool: klankbord::db::Pool) -> u16 {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let app = klankbord::startup::Application::build_with_pool(config, pool).expect("app");
            tx.send(app.port()).expect("send");
            let _ = app.run_until_stopped().await;
        })
    });
    rx.recv().expect("port")
}
