//! Hostile uploads against a running server, as an attacker sends them (issue 13, finding 1):
//! `POST /klacht` with thousands of 60 KB text fields, one endless field, one endless file, with
//! and without a `Content-Length`, with and without a CSRF token, and the largest upload the
//! complaint form allows. Shared by the memory test (`tests/it/hostile.rs`) and the benchmark
//! (`benches/hostile.rs`). Blocking std networking only; every loop is bounded in count and time.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Size of one text field in the attack of finding 1.
pub const FIELD_BYTES: usize = 60 * 1024;
/// Number of fields in that attack.
pub const FIELDS: usize = 17_000;
/// Multipart boundary used by every shape.
const BOUNDARY: &str = "----aanvalsgrens0123456789";

/// The server under attack: its address and a CSRF cookie (and token) it handed out.
#[derive(Clone)]
pub struct Target {
    /// `host:port`.
    pub addr: String,
    /// The `kb_csrf` cookie value, which is also the form token (double submit).
    pub token: String,
}

impl Target {
    /// Fetches the complaint form once, as an attacker would, to get a CSRF cookie.
    pub fn new(addr: &str) -> Target {
        let mut s = TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(30))).ok();
        write!(
            s,
            "GET /klacht HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .expect("write");
        let mut all = Vec::new();
        let _ = s.read_to_end(&mut all);
        let text = String::from_utf8_lossy(&all);
        let token = text
            .lines()
            .filter(|l| l.to_ascii_lowercase().starts_with("set-cookie:"))
            .find_map(|l| l.split("kb_csrf=").nth(1))
            .and_then(|v| v.split(';').next())
            .expect("a CSRF cookie")
            .to_string();
        Target {
            addr: addr.to_string(),
            token,
        }
    }
}

/// One way to send a hostile body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Finding 1 as found: 17,000 fields of 60 KB, no token, with a `Content-Length`.
    FieldsNoToken,
    /// The same without a `Content-Length` (chunked).
    FieldsNoTokenChunked,
    /// A valid token first, then the 17,000 fields, chunked.
    FieldsWithToken,
    /// A valid token, then one endless text field, chunked.
    OneHugeField,
    /// A valid token, then one endless file, chunked.
    OneHugeFileChunked,
    /// A valid token, then a part whose header never ends (the parser buffers while it looks for
    /// the end of a header), chunked.
    EndlessPartHeader,
    /// A valid token, then one 1 GB file, announced with its `Content-Length`.
    OneHugeFile,
    /// No cookie at all, 1 GB announced.
    NoCookie,
    /// A url-encoded form (the tracking page) of 1 GB, chunked.
    UrlEncodedChunked,
    /// The largest upload the form allows: three files at the size limit (no description, so it
    /// is refused after it was read whole).
    LargestAllowed,
}

impl Shape {
    /// Every hostile shape (not the largest allowed upload, which is honest in size).
    pub const HOSTILE: [Shape; 9] = [
        Shape::FieldsNoToken,
        Shape::FieldsNoTokenChunked,
        Shape::FieldsWithToken,
        Shape::OneHugeField,
        Shape::OneHugeFileChunked,
        Shape::EndlessPartHeader,
        Shape::OneHugeFile,
        Shape::NoCookie,
        Shape::UrlEncodedChunked,
    ];

    /// A short description for reports.
    pub fn describe(self) -> &'static str {
        match self {
            Shape::FieldsNoToken => "17,000 fields of 60 KB, no token, Content-Length",
            Shape::FieldsNoTokenChunked => "17,000 fields of 60 KB, no token, chunked",
            Shape::FieldsWithToken => "valid token, then 17,000 fields of 60 KB, chunked",
            Shape::OneHugeField => "valid token, one 1 GB text field, chunked",
            Shape::OneHugeFileChunked => "valid token, one 1 GB file, chunked",
            Shape::EndlessPartHeader => "valid token, a part header of 1 GB, chunked",
            Shape::OneHugeFile => "valid token, one 1 GB file, Content-Length",
            Shape::NoCookie => "no CSRF cookie, 1 GB announced",
            Shape::UrlEncodedChunked => "url-encoded form of 1 GB, chunked",
            Shape::LargestAllowed => "largest allowed: token, 3 files at the limit",
        }
    }
}

/// What one shape achieved.
#[derive(Debug, Default, Clone)]
pub struct Outcome {
    /// Bytes the network took from the attacker.
    pub bytes: u64,
    /// Requests sent.
    pub requests: u64,
    /// Status codes read back (requests whose answer was lost to a reset are not counted).
    pub statuses: BTreeMap<u16, u64>,
    /// Longest time one request took, until the server answered or closed.
    pub slowest: Duration,
}

/// A body written as it goes, plain or chunked.
struct Sender<'a> {
    s: &'a mut TcpStream,
    chunked: bool,
    sent: u64,
}

impl Sender<'_> {
    fn send(&mut self, data: &[u8]) -> std::io::Result<()> {
        if self.chunked {
            self.s
                .write_all(format!("{:x}\r\n", data.len()).as_bytes())?;
            self.s.write_all(data)?;
            self.s.write_all(b"\r\n")?;
        } else {
            self.s.write_all(data)?;
        }
        self.sent += data.len() as u64;
        Ok(())
    }

    fn finish(&mut self) -> std::io::Result<()> {
        if self.chunked {
            self.s.write_all(b"0\r\n\r\n")?;
        }
        Ok(())
    }
}

fn part_head(name: &str, file: Option<&str>) -> String {
    match file {
        Some(f) => format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/pdf\r\n\r\n"
        ),
        None => format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"),
    }
}

/// The parts of one shape's body, as (head, repeated filler bytes, count) pieces.
fn body_plan(shape: Shape, t: &Target, file_limit: u64) -> (bool, Vec<(Vec<u8>, u64)>) {
    let token = format!("{}{}\r\n", part_head("csrf", None), t.token).into_bytes();
    let field = {
        let mut f = part_head("omschrijving", None).into_bytes();
        f.extend(std::iter::repeat_n(b'a', FIELD_BYTES));
        f.extend_from_slice(b"\r\n");
        f
    };
    let end = format!("--{BOUNDARY}--\r\n").into_bytes();
    let gb = 1u64 << 30;
    // (bytes to write, times); a filler of 64 KB of 'x' is written `n` times.
    let filler = |n: u64| (vec![b'x'; 64 * 1024], n);
    match shape {
        Shape::FieldsNoToken | Shape::FieldsNoTokenChunked | Shape::NoCookie => (
            shape == Shape::FieldsNoTokenChunked,
            vec![(field, FIELDS as u64), (end, 1)],
        ),
        Shape::FieldsWithToken => (true, vec![(token, 1), (field, FIELDS as u64), (end, 1)]),
        Shape::OneHugeField => (
            true,
            vec![
                (token, 1),
                (part_head("omschrijving", None).into_bytes(), 1),
                filler(gb / (64 * 1024)),
                (b"\r\n".to_vec(), 1),
                (end, 1),
            ],
        ),
        Shape::EndlessPartHeader => (
            true,
            vec![
                (token, 1),
                (
                    format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"").into_bytes(),
                    1,
                ),
                filler(gb / (64 * 1024)),
            ],
        ),
        Shape::OneHugeFile | Shape::OneHugeFileChunked => (
            shape == Shape::OneHugeFileChunked,
            vec![
                (token, 1),
                (part_head("bijlage", Some("groot.pdf")).into_bytes(), 1),
                (b"%PDF-1.4\n".to_vec(), 1),
                filler(gb / (64 * 1024)),
                (b"\r\n".to_vec(), 1),
                (end, 1),
            ],
        ),
        Shape::UrlEncodedChunked => (
            true,
            vec![
                (format!("csrf={}&volgcode=", t.token).into_bytes(), 1),
                filler(gb / (64 * 1024)),
            ],
        ),
        Shape::LargestAllowed => {
            let mut plan = vec![(token, 1)];
            for i in 0..3 {
                plan.push((
                    part_head("bijlage", Some(&format!("scan-{i}.pdf"))).into_bytes(),
                    1,
                ));
                plan.push((b"%PDF-1.4\n".to_vec(), 1));
                // Up to the limit: the head above and 64 KB pieces.
                let pieces = (file_limit - 9) / (64 * 1024);
                plan.push(filler(pieces));
                let rest = (file_limit - 9) % (64 * 1024);
                plan.push((vec![b'x'; rest as usize], 1));
                plan.push((b"\r\n".to_vec(), 1));
            }
            plan.push((end, 1));
            (false, plan)
        }
    }
}

/// Sends one request of `shape`; returns bytes sent and the status, when the answer could be read.
pub fn send_one(shape: Shape, t: &Target, file_limit: u64) -> (u64, Option<u16>) {
    let Ok(mut s) = TcpStream::connect(&t.addr) else {
        return (0, None);
    };
    s.set_write_timeout(Some(Duration::from_secs(60))).ok();
    s.set_read_timeout(Some(Duration::from_secs(60))).ok();
    let (chunked, plan) = body_plan(shape, t, file_limit);
    let length: u64 = plan.iter().map(|(b, n)| b.len() as u64 * n).sum();
    let (path, kind) = if shape == Shape::UrlEncodedChunked {
        (
            "/klacht/volgen",
            "application/x-www-form-urlencoded".to_string(),
        )
    } else {
        (
            "/klacht",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
    };
    let mut head = format!(
        "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: {kind}\r\n",
        t.addr
    );
    if shape != Shape::NoCookie {
        head.push_str(&format!("Cookie: kb_csrf={}\r\n", t.token));
    }
    if chunked {
        head.push_str("Transfer-Encoding: chunked\r\n\r\n");
    } else {
        head.push_str(&format!("Content-Length: {length}\r\n\r\n"));
    }
    if s.write_all(head.as_bytes()).is_err() {
        return (0, None);
    }
    let mut sender = Sender {
        s: &mut s,
        chunked,
        sent: 0,
    };
    let mut ok = true;
    'plan: for (bytes, n) in &plan {
        for _ in 0..*n {
            if sender.send(bytes).is_err() {
                ok = false;
                break 'plan;
            }
        }
    }
    if ok {
        let _ = sender.finish();
    }
    let sent = sender.sent;
    let mut answer = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    while answer.len() < 64 * 1024 {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
        }
        if answer.windows(4).any(|w| w == b"\r\n\r\n") {
            break;
        }
    }
    let status = String::from_utf8_lossy(&answer)
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok());
    (sent, status)
}

/// Sends `shape` over `parallel` connections at a time until `budget` bytes have been sent, or
/// `max_requests` requests or `max_time` have passed.
pub fn run(
    shape: Shape,
    t: &Target,
    file_limit: u64,
    budget: u64,
    parallel: usize,
    max_requests: u64,
    max_time: Duration,
) -> Outcome {
    let sent = Arc::new(AtomicU64::new(0));
    let requests = Arc::new(AtomicU64::new(0));
    let outcome = Arc::new(Mutex::new(Outcome::default()));
    let until = Instant::now() + max_time;
    let workers: Vec<_> = (0..parallel)
        .map(|_| {
            let (sent, requests, outcome, t) =
                (sent.clone(), requests.clone(), outcome.clone(), t.clone());
            std::thread::spawn(move || {
                while sent.load(Ordering::Relaxed) < budget
                    && requests.fetch_add(1, Ordering::Relaxed) < max_requests
                    && Instant::now() < until
                {
                    let started = Instant::now();
                    let (bytes, status) = send_one(shape, &t, file_limit);
                    let took = started.elapsed();
                    sent.fetch_add(bytes, Ordering::Relaxed);
                    if let Ok(mut o) = outcome.lock() {
                        o.requests += 1;
                        o.bytes += bytes;
                        o.slowest = o.slowest.max(took);
                        if let Some(code) = status {
                            *o.statuses.entry(code).or_default() += 1;
                        }
                    }
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    let o = outcome.lock().map(|o| o.clone()).unwrap_or_default();
    o
}

/// Resident memory of a process now and at its peak, in KiB (`VmRSS`, `VmHWM`).
pub fn memory_kib(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// One plain GET; its status (None when there was no answer within `timeout`).
pub fn get_status(addr: &str, path: &str, timeout: Duration) -> Option<u16> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(timeout)).ok();
    s.set_write_timeout(Some(timeout)).ok();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut all = Vec::new();
    let _ = s.read_to_end(&mut all);
    String::from_utf8_lossy(&all)
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
}
