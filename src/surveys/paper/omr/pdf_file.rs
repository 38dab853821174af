//! A PDF file read from disk without holding its images in memory.
//!
//! A scanner's PDF is almost all image data: one large image stream a page, and a few kilobytes
//! of dictionaries, page tree and cross-reference table. The PDF parser (`hayro-syntax`) wants
//! the whole file as one slice, and memory-mapping it (`memmap2`) would need `unsafe`, which this
//! crate forbids. So the file is copied into a *skeleton* of the same length, once, in chunks:
//! every byte is copied except the data of image streams, which stays zero. Every object keeps
//! its place, so the parser finds it where the file's cross-reference table says. The skeleton
//! is anonymous memory straight from the operating system (`memmap2::MmapMut::map_anon`), which
//! gives memory only to the parts written (the pages never written take none), so it costs about
//! as much as the dictionaries, whatever the number of pages. (Zeroed memory from the allocator
//! does not promise that: mimalloc zeroes memory it used before, so every page became resident.) When a page's image is decoded, its data is
//! read from the file at the same place ([`Backing::bytes`]): one page's data at a time.

use std::borrow::Cow;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

use super::decode::DecodeError;

/// Bytes read from the file at a time while making the skeleton.
const CHUNK: usize = 1 << 20;
/// Bytes of the previous chunk kept to find a keyword split between two chunks.
const CARRY: usize = 16;
/// How far back from `stream` the stream's dictionary is looked for.
const DICT_BACK: usize = 4096;

/// Where a skeleton's left-out bytes are: the file, and the skeleton's place in memory.
pub struct Backing {
    file: File,
    base: usize,
    len: usize,
}

impl Backing {
    /// The bytes of `slice`, a part of the skeleton the parser handed out: read from the file at
    /// the same place; anything else (decrypted data, say) as it is.
    pub fn bytes<'a>(&mut self, slice: &'a [u8]) -> Result<Cow<'a, [u8]>, DecodeError> {
        let at = (slice.as_ptr() as usize).wrapping_sub(self.base);
        if slice.is_empty() || at >= self.len || at + slice.len() > self.len {
            return Ok(Cow::Borrowed(slice));
        }
        let mut out = vec![0u8; slice.len()];
        self.file
            .seek(SeekFrom::Start(at as u64))
            .and_then(|_| self.file.read_exact(&mut out))
            .map_err(|e| DecodeError::Broken(e.to_string()))?;
        Ok(Cow::Owned(out))
    }
}

/// Copies the `len` bytes of `file` into a skeleton (see the module's text), with what is needed
/// to read the left-out bytes back.
pub fn skeleton(mut file: File, len: usize) -> Result<(Skeleton, Backing), DecodeError> {
    let io = |e: std::io::Error| DecodeError::Broken(e.to_string());
    file.rewind().map_err(io)?;
    let mut out = memmap2::MmapMut::map_anon(len.max(1)).map_err(io)?;
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK + CARRY);
    let mut chunk = vec![0u8; CHUNK];
    // Where the file was read up to; whether we are inside an image's data.
    let mut at = 0usize;
    let mut skipping = false;
    while at < len {
        let n = file.read(&mut chunk).map_err(io)?.min(len - at);
        if n == 0 {
            break;
        }
        let carry = buf.len().min(CARRY);
        buf.drain(..buf.len() - carry);
        buf.extend_from_slice(&chunk[..n]);
        // `buf[0]` is at `from` in the file; `buf[..carry]` was dealt with already.
        let from = at - carry;
        let mut i = carry;
        while i < buf.len() {
            if skipping {
                match find_after(&buf, b"endstream", i) {
                    Some(k) => {
                        skipping = false;
                        // Copy from just before it: the line end the parser looks for.
                        i = i.max(k.saturating_sub(2));
                    }
                    None => i = buf.len(),
                }
            } else {
                match next_stream(&buf, i) {
                    Some(e) => {
                        out[from + i..from + e].copy_from_slice(&buf[i..e]);
                        i = e;
                        skipping = is_image(&out[..from + e]);
                    }
                    None => {
                        out[from + i..from + buf.len()].copy_from_slice(&buf[i..]);
                        i = buf.len();
                    }
                }
            }
        }
        at += n;
    }
    let base = out.as_ptr() as usize;
    let out = Skeleton(out.make_read_only().map_err(io)?, len);
    Ok((out, Backing { file, base, len }))
}

/// The skeleton of a PDF file: its bytes with the image data left out (zero), `len` long.
pub struct Skeleton(memmap2::Mmap, usize);

impl std::ops::Deref for Skeleton {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.0[..self.1]
    }
}

impl AsRef<[u8]> for Skeleton {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

/// The first `needle` in `buf` that ends after `i`.
fn find_after(buf: &[u8], needle: &[u8], i: usize) -> Option<usize> {
    let start = i.saturating_sub(needle.len() - 1);
    buf.get(start..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|k| start + k)
        .filter(|k| k + needle.len() > i)
}

/// The end (after its line end) of the first `stream` keyword, not `endstream`, whose line end
/// lies after `i` and is complete in `buf` (a keyword just before `i` whose line end was not yet
/// read counts too).
fn next_stream(buf: &[u8], i: usize) -> Option<usize> {
    let mut from = i.saturating_sub(8);
    loop {
        let k = from + buf.get(from..)?.windows(6).position(|w| w == b"stream")?;
        let after = k + 6;
        let eol = match (buf.get(after), buf.get(after + 1)) {
            (Some(b'\r'), Some(b'\n')) => 2,
            (Some(b'\n'), _) | (Some(b'\r'), Some(_)) => 1,
            // Not yet complete: the next chunk has it (the carry holds the keyword).
            (Some(b'\r'), None) | (None, _) => return None,
            _ => 0,
        };
        let end_word = k >= 3 && &buf[k - 3..k] == b"end";
        if eol > 0 && !end_word && after + eol > i {
            return Some(after + eol);
        }
        from = k + 1;
    }
}

/// Whether the stream whose data starts at the end of `before` is an image: its dictionary,
/// back to the `obj` that opens it, names `/Image`.
fn is_image(before: &[u8]) -> bool {
    let dict = &before[before.len().saturating_sub(DICT_BACK)..];
    let open = dict
        .windows(3)
        .rposition(|w| w == b"obj")
        .map_or(0, |k| k + 3);
    dict[open..].windows(6).any(|w| w == b"/Image")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A file of `text` on disk, and its skeleton.
    fn skel(text: &[u8]) -> (Skeleton, Backing) {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(text).unwrap();
        skeleton(f, text.len()).unwrap()
    }

    #[test]
    fn image_data_is_left_out_and_read_back_from_the_file() {
        let image = "X".repeat(3 * CHUNK + 77);
        let text = format!(
            "%PDF-1.4\n3 0 obj\n<< /Length 5 >>\nstream\nq Q 1\nendstream\nendobj\n\
             4 0 obj\n<< /Type /XObject /Subtype/Image /Length {} >>\nstream\r\n{image}\nendstream\nendobj\ntrailer\n%%EOF\n",
            image.len()
        );
        let (out, mut back) = skel(text.as_bytes());
        assert_eq!(out.len(), text.len());
        let start = text.find("stream\r\n").unwrap() + 8;
        let end = start + image.len();
        // Everything but the image's data is there, in its place.
        assert_eq!(&out[..start], &text.as_bytes()[..start]);
        assert_eq!(&out[end..], &text.as_bytes()[end..]);
        assert!(out[start + 10..end - 10].iter().all(|b| *b == 0));
        // The content stream (not an image) is copied.
        assert!(String::from_utf8_lossy(&out).contains("stream\nq Q 1\nendstream"));
        // Its data comes back from the file.
        assert_eq!(
            back.bytes(&out[start..end]).unwrap().as_ref(),
            image.as_bytes()
        );
        // A slice from elsewhere is passed on as it is.
        let other = b"abc".to_vec();
        assert_eq!(back.bytes(&other).unwrap().as_ref(), b"abc");
    }

    #[test]
    fn keywords_split_between_chunks_are_found() {
        for cut in [3usize, 6, 7, 8, 12] {
            // Put the image's `stream` keyword (and its line end) across the first chunk's end.
            let dict = "1 0 obj\n<< /Subtype /Image /Length 10 >>\n";
            let pad = "%".repeat(CHUNK - dict.len() - cut);
            let data = "Y".repeat(CHUNK + 5);
            let text = format!("{pad}{dict}stream\n{data}\nendstream\nendobj\n%%EOF\n");
            let (out, _) = skel(text.as_bytes());
            let start = text.find("stream\n").unwrap() + 7;
            assert_eq!(&out[..start], &text.as_bytes()[..start], "cut {cut}");
            assert_eq!(out[start + CHUNK / 2], 0, "cut {cut}");
            let tail = text.len() - 20;
            assert_eq!(&out[tail..], &text.as_bytes()[tail..], "cut {cut}");
        }
    }
}
