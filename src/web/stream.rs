//! Responses made by a writer on its own thread and sent while they are made (invitation letters,
//! answer and audit exports): the server holds a few buffers of a file, never the file, whatever
//! its size, and the web workers never wait for the writing.

use std::io::Write;

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::HttpResponse;
use futures_util::Stream;

/// Bytes per chunk sent to the client.
const CHUNK: usize = 64 * 1024;
/// Chunks waiting between the writer and the connection; with [`CHUNK`] this bounds the memory
/// of one streamed response (a slow client slows the writer down instead).
const WAITING: usize = 4;

/// An item of the body: a chunk, or the writer's failure (which ends the connection without its
/// last chunk, so the client sees an incomplete download and never a file that looks whole).
type Item = Result<Bytes, std::io::Error>;

/// The writer given to the work: it sends a chunk whenever [`CHUNK`] bytes are ready, and waits
/// when the client is behind.
pub struct ChunkWriter {
    buf: Vec<u8>,
    tx: tokio::sync::mpsc::Sender<Item>,
}

impl ChunkWriter {
    fn send(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK)));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "client left"))
    }
}

impl Write for ChunkWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.send()
    }
}

/// Runs `work` on its own thread and streams what it writes. An error after the start ends the
/// download broken (logged without content); a client that leaves stops the work at its next chunk.
pub fn body<F>(work: F) -> impl Stream<Item = Item>
where
    F: FnOnce(&mut ChunkWriter) -> anyhow::Result<()> + Send + 'static,
{
    let (tx, rx) = tokio::sync::mpsc::channel::<Item>(WAITING);
    std::thread::spawn(move || {
        let mut out = ChunkWriter {
            buf: Vec::with_capacity(CHUNK),
            tx: tx.clone(),
        };
        let done = work(&mut out).and_then(|()| Ok(out.flush()?));
        if let Err(e) = done {
            if !client_left(&e) {
                tracing::error!(error = %e, "streamed response failed");
                let _ = tx.blocking_send(Err(std::io::Error::other("streamed response failed")));
            }
        }
    });
    futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    })
}

/// Whether the work stopped because the client went away (nothing to report then).
fn client_left(e: &anyhow::Error) -> bool {
    let broken = |io: &std::io::Error| io.kind() == std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(broken)
            || c.downcast_ref::<csv::Error>()
                .is_some_and(|c| matches!(c.kind(), csv::ErrorKind::Io(io) if broken(io)))
    })
}

/// A streamed file download (never cached: exports hold personal or secret data).
pub fn download<F>(content_type: &str, file_name: &str, work: F) -> HttpResponse
where
    F: FnOnce(&mut ChunkWriter) -> anyhow::Result<()> + Send + 'static,
{
    HttpResponse::Ok()
        .content_type(content_type.to_string())
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(body(work))
}
