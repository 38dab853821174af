//! How far an import is: bytes of the file read so far (counted as the reader takes them), rows,
//! the rate and the time left, for the command line's bar and the upload's progress page.

use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A reader that counts the bytes taken from it, readable from another thread.
pub struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R> Counting<R> {
    /// Counts into `count`, starting it again at zero (a second pass over the file starts over).
    pub fn new(inner: R, count: Arc<AtomicU64>) -> Counting<R> {
        count.store(0, Ordering::Relaxed);
        Counting { inner, count }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Where an import stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// Share of the file read, 0.0 to 1.0.
    pub fraction: f64,
    /// Rows per second so far.
    pub rate: f64,
    /// Time left, when it can be told (something has been read, and time has passed).
    pub left: Option<Duration>,
}

/// Estimates from what was read: time left is the time so far scaled by what remains of the file.
pub fn estimate(rows: u64, bytes: u64, total: u64, elapsed: Duration) -> Estimate {
    let secs = elapsed.as_secs_f64();
    let fraction = if total == 0 {
        0.0
    } else {
        (bytes as f64 / total as f64).clamp(0.0, 1.0)
    };
    let rate = if secs > 0.0 { rows as f64 / secs } else { 0.0 };
    let left = (fraction > 0.0 && secs > 0.0)
        .then(|| Duration::from_secs_f64(secs * (1.0 - fraction) / fraction));
    Estimate {
        fraction,
        rate,
        left,
    }
}

/// A duration as people read it: `0:07`, `12:30`, `1:02:03`.
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

pub use crate::fmt::grouped;

/// A text bar of `width` cells: `[#########...........]`.
pub fn bar(fraction: f64, width: usize) -> String {
    let filled = ((fraction.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    format!("[{}{}]", "#".repeat(filled), ".".repeat(width - filled))
}

/// The command line's progress line (Dutch, like the rest of the command line).
pub fn cli_line(rows: u64, e: &Estimate) -> String {
    let left = match e.left {
        Some(d) => format!("nog ongeveer {}", clock(d)),
        None => "tijd over nog onbekend".to_string(),
    };
    format!(
        "{} {:>3}%  {} {}  {} per seconde  {}",
        bar(e.fraction, 24),
        (e.fraction * 100.0).floor() as u32,
        grouped(rows),
        if rows == 1 { "rij" } else { "rijen" },
        grouped(e.rate.round() as u64),
        left
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_left_scales_the_time_so_far() {
        let e = estimate(10_000, 250, 1000, Duration::from_secs(10));
        assert_eq!(e.fraction, 0.25);
        assert_eq!(e.rate, 1000.0);
        assert_eq!(e.left, Some(Duration::from_secs(30)));
        let done = estimate(40_000, 1000, 1000, Duration::from_secs(40));
        assert_eq!(done.left, Some(Duration::ZERO));
    }

    #[test]
    fn nothing_read_yet_tells_no_time() {
        let e = estimate(0, 0, 1000, Duration::from_secs(3));
        assert_eq!(e.left, None);
        assert_eq!(e.rate, 0.0);
        assert_eq!(estimate(5, 5, 0, Duration::ZERO).fraction, 0.0);
        // More bytes than the file had (a file that grew) is still at most done.
        assert_eq!(
            estimate(5, 2000, 1000, Duration::from_secs(1)).fraction,
            1.0
        );
    }

    #[test]
    fn texts() {
        assert_eq!(clock(Duration::from_secs(7)), "0:07");
        assert_eq!(clock(Duration::from_secs(750)), "12:30");
        assert_eq!(clock(Duration::from_secs(3723)), "1:02:03");
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1.000");
        assert_eq!(grouped(1_234_567), "1.234.567");
        assert_eq!(bar(0.5, 10), "[#####.....]");
        assert_eq!(bar(1.5, 4), "[####]");
        let line = cli_line(
            120_000,
            &estimate(120_000, 500, 1000, Duration::from_secs(2)),
        );
        assert_eq!(
            line,
            "[############............]  50%  120.000 rijen  60.000 per seconde  nog ongeveer 0:02"
        );
    }

    #[test]
    fn the_reader_counts_what_it_gives() {
        let count = Arc::new(AtomicU64::new(99));
        let mut r = Counting::new(&b"abcdefghij"[..], count.clone());
        assert_eq!(count.load(Ordering::Relaxed), 0);
        let mut buf = [0u8; 4];
        r.read_exact(&mut buf).unwrap();
        assert_eq!(count.load(Ordering::Relaxed), 4);
        let mut rest = vec![];
        r.read_to_end(&mut rest).unwrap();
        assert_eq!(count.load(Ordering::Relaxed), 10);
    }
}
