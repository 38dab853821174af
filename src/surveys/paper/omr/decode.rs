//! Scanner files to greyscale pages, one page at a time.
//!
//! Accepted: PDF (each page's largest image: JPEG/DCT, CCITT G3/G4 fax, Flate with 1 or 8 bits a
//! sample, grey or colour), TIFF (any number of pages; CCITT G4, LZW, Deflate, JPEG, packbits;
//! bilevel, grey or colour), PNG and JPEG. Every decoded image is checked against
//! [`MAX_PIXELS`] before its pixels are allocated, and every decompression stops at the size the
//! image can have, so a hostile file cannot make the product use unbounded memory: at most one
//! page's pixels are held at a time, whatever the number of pages. A PDF on disk is read as a
//! skeleton without its image data, each page's image read from the file when it is decoded
//! ([`super::pdf_file`]); a PDF already in memory ([`from_bytes`]) is held whole.

use std::io::{Cursor, Read, Seek};

use image::ImageDecoder;

use super::pdf_file::{self, Backing};

/// Most pixels a page may have: an A3 page at 600 dpi (A4 at 600 dpi is 35 million).
pub const MAX_PIXELS: u64 = 72_000_000;
/// Longest side of a page in pixels (A3's long side at 600 dpi is 9,921).
pub const MAX_SIDE: u32 = 12_000;
/// Largest file read.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// One page in grey, 0 black to 255 white, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gray {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height` grey values.
    pub pixels: Vec<u8>,
}

impl Gray {
    /// A page of one grey value.
    pub fn blank(width: u32, height: u32, value: u8) -> Gray {
        Gray {
            width,
            height,
            pixels: vec![value; width as usize * height as usize],
        }
    }

    /// The grey value at (x, y); white outside the page.
    #[inline]
    pub fn get(&self, x: i64, y: i64) -> u8 {
        if x < 0 || y < 0 || x >= self.width as i64 || y >= self.height as i64 {
            return 255;
        }
        self.pixels[y as usize * self.width as usize + x as usize]
    }
}

/// Why a file or page could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// Not a file type we read.
    #[error("dit is geen PDF, TIFF, PNG of JPEG; lever de scans aan als een van deze bestanden")]
    UnknownType,
    /// The file is larger than we read.
    #[error("het bestand is groter dan 1 GB; deel de scans op in kleinere bestanden")]
    FileTooLarge,
    /// A page has more pixels than a scanned A3 page at 600 dpi.
    #[error("een pagina is te groot ({width} × {height} beeldpunten); scan op hoogstens 600 dpi")]
    TooLarge {
        /// Width.
        width: u64,
        /// Height.
        height: u64,
    },
    /// A page without an image (a PDF page that was not scanned).
    #[error("pagina zonder gescand beeld")]
    NoImage,
    /// A kind of image data we do not read.
    #[error("deze soort beeld kunnen we niet lezen: {0}")]
    Unsupported(String),
    /// The data is damaged.
    #[error("het bestand is beschadigd: {0}")]
    Broken(String),
}

/// The kinds of file, from their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// PDF.
    Pdf,
    /// TIFF.
    Tiff,
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
}

/// The kind of a file from its first bytes.
pub fn sniff(head: &[u8]) -> Option<Kind> {
    if head.starts_with(b"%PDF") {
        Some(Kind::Pdf)
    } else if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
        Some(Kind::Tiff)
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Kind::Png)
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Kind::Jpeg)
    } else {
        None
    }
}

fn check_size(width: u64, height: u64) -> Result<(), DecodeError> {
    if width == 0 || height == 0 {
        return Err(DecodeError::Broken(
            "een pagina zonder breedte of hoogte".into(),
        ));
    }
    if width > MAX_SIDE as u64 || height > MAX_SIDE as u64 || width * height > MAX_PIXELS {
        return Err(DecodeError::TooLarge { width, height });
    }
    Ok(())
}

trait ReadSeek: Read + Seek + Send {}
impl<T: Read + Seek + Send> ReadSeek for T {}

enum Source {
    Single(Option<Vec<u8>>),
    Tiff(Option<Box<tiff::decoder::Decoder<Box<dyn ReadSeek>>>>),
    /// The parsed file, the next page, and the file on disk when the parser has a skeleton.
    Pdf(Box<hayro_syntax::Pdf>, usize, Option<Backing>),
}

/// The pages of one file, decoded one at a time.
pub struct Pages {
    source: Source,
    done: bool,
    pending: Option<DecodeError>,
}

/// Opens a file of scans.
pub fn open(path: &std::path::Path) -> Result<Pages, DecodeError> {
    let mut f = std::fs::File::open(path).map_err(|e| DecodeError::Broken(e.to_string()))?;
    let len = f
        .metadata()
        .map_err(|e| DecodeError::Broken(e.to_string()))?
        .len();
    if len > MAX_FILE_BYTES {
        return Err(DecodeError::FileTooLarge);
    }
    let mut head = [0u8; 8];
    let n = f
        .read(&mut head)
        .map_err(|e| DecodeError::Broken(e.to_string()))?;
    f.rewind().map_err(|e| DecodeError::Broken(e.to_string()))?;
    match sniff(&head[..n]) {
        Some(Kind::Tiff) => tiff_pages(Box::new(std::io::BufReader::new(f))),
        Some(Kind::Pdf) => {
            let (skeleton, backing) = pdf_file::skeleton(f, len as usize)?;
            pdf_pages(std::sync::Arc::new(skeleton).into(), Some(backing))
        }
        Some(_) => {
            let mut bytes = Vec::with_capacity(len as usize);
            f.take(MAX_FILE_BYTES)
                .read_to_end(&mut bytes)
                .map_err(|e| DecodeError::Broken(e.to_string()))?;
            from_bytes(bytes)
        }
        None => Err(DecodeError::UnknownType),
    }
}

/// The pages of a file held in memory.
pub fn from_bytes(bytes: Vec<u8>) -> Result<Pages, DecodeError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(DecodeError::FileTooLarge);
    }
    match sniff(&bytes) {
        Some(Kind::Pdf) => pdf_pages(bytes.into(), None),
        Some(Kind::Tiff) => tiff_pages(Box::new(Cursor::new(bytes))),
        Some(Kind::Png | Kind::Jpeg) => Ok(Pages {
            source: Source::Single(Some(bytes)),
            done: false,
            pending: None,
        }),
        None => Err(DecodeError::UnknownType),
    }
}

fn pdf_pages(bytes: hayro_syntax::PdfData, backing: Option<Backing>) -> Result<Pages, DecodeError> {
    let pdf =
        hayro_syntax::Pdf::new(bytes).map_err(|e| DecodeError::Broken(format!("PDF: {e:?}")))?;
    Ok(Pages {
        source: Source::Pdf(Box::new(pdf), 0, backing),
        done: false,
        pending: None,
    })
}

fn tiff_limits() -> tiff::decoder::Limits {
    let mut l = tiff::decoder::Limits::default();
    l.decoding_buffer_size = MAX_PIXELS as usize * 3;
    l.intermediate_buffer_size = 256 << 20;
    l.ifd_value_size = 16 << 20;
    l
}

fn tiff_pages(r: Box<dyn ReadSeek>) -> Result<Pages, DecodeError> {
    let d = tiff::decoder::Decoder::new(r)
        .map_err(|e| DecodeError::Broken(format!("TIFF: {e}")))?
        .with_limits(tiff_limits());
    Ok(Pages {
        source: Source::Tiff(Some(Box::new(d))),
        done: false,
        pending: None,
    })
}

impl Iterator for Pages {
    type Item = Result<Gray, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match &mut self.source {
            Source::Single(bytes) => {
                self.done = true;
                bytes.take().map(|b| decode_image(&b))
            }
            Source::Tiff(slot) => {
                if let Some(e) = self.pending.take() {
                    self.done = true;
                    return Some(Err(e));
                }
                let d = slot.as_mut()?;
                let page = tiff_page(d);
                if page.is_err() || !d.more_images() {
                    self.done = true;
                } else if let Err(e) = d.next_image() {
                    // This page is good; the next one is reported as broken.
                    self.pending = Some(DecodeError::Broken(format!("TIFF: {e}")));
                }
                Some(page)
            }
            Source::Pdf(pdf, next, backing) => {
                let pages = pdf.pages();
                let Some(page) = pages.get(*next) else {
                    self.done = true;
                    return None;
                };
                *next += 1;
                Some(pdf_page(page, backing.as_mut()))
            }
        }
    }
}

fn decode_image(bytes: &[u8]) -> Result<Gray, DecodeError> {
    let reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| DecodeError::Broken(e.to_string()))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 4);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| DecodeError::Broken(e.to_string()))?;
    let (w, h) = decoder.dimensions();
    check_size(w as u64, h as u64)?;
    decoder
        .set_limits(limits)
        .map_err(|e| DecodeError::Broken(e.to_string()))?;
    let img = image::DynamicImage::from_decoder(decoder)
        .map_err(|e| DecodeError::Broken(e.to_string()))?;
    let luma = img.into_luma8();
    Ok(Gray {
        width: luma.width(),
        height: luma.height(),
        pixels: luma.into_raw(),
    })
}

fn tiff_page(d: &mut tiff::decoder::Decoder<Box<dyn ReadSeek>>) -> Result<Gray, DecodeError> {
    use tiff::decoder::DecodingResult;
    use tiff::ColorType;
    let broken = |e: tiff::TiffError| DecodeError::Broken(format!("TIFF: {e}"));
    let (w, h) = d.dimensions().map_err(broken)?;
    check_size(w as u64, h as u64)?;
    let color = d.colortype().map_err(broken)?;
    let data = match d.read_image().map_err(broken)? {
        DecodingResult::U8(v) => v,
        DecodingResult::U16(v) => v.into_iter().map(|x| (x >> 8) as u8).collect(),
        _ => {
            return Err(DecodeError::Unsupported(
                "TIFF met zwevendekommagetallen".into(),
            ))
        }
    };
    let (w, h) = (w as usize, h as usize);
    let pixels = match color {
        ColorType::Gray(1) => unpack_bits(&data, w, h),
        ColorType::Gray(8) | ColorType::Gray(16) => data,
        ColorType::RGB(8) | ColorType::RGB(16) => rgb_to_gray(&data, 3),
        ColorType::RGBA(8) | ColorType::RGBA(16) => rgb_to_gray(&data, 4),
        ColorType::GrayA(8) => data.chunks(2).map(|c| c[0]).collect(),
        other => return Err(DecodeError::Unsupported(format!("TIFF {other:?}"))),
    };
    finish(w, h, pixels, matches!(color, ColorType::Gray(1)))
}

/// A page from its pixels; a bilevel page that is mostly black was stored the other way round
/// (white is zero) and is turned back.
fn finish(w: usize, h: usize, mut pixels: Vec<u8>, bilevel: bool) -> Result<Gray, DecodeError> {
    if pixels.len() < w * h {
        return Err(DecodeError::Broken("te weinig beelddata".into()));
    }
    pixels.truncate(w * h);
    if bilevel {
        let dark = pixels.iter().step_by(97).filter(|p| **p < 128).count();
        if dark * 2 > pixels.len().div_ceil(97) {
            for p in &mut pixels {
                *p = 255 - *p;
            }
        }
    }
    Ok(Gray {
        width: w as u32,
        height: h as u32,
        pixels,
    })
}

fn unpack_bits(data: &[u8], w: usize, h: usize) -> Vec<u8> {
    let stride = w.div_ceil(8);
    let mut out = Vec::with_capacity(w * h);
    for y in 0..h {
        for x in 0..w {
            let byte = data.get(y * stride + x / 8).copied().unwrap_or(0xFF);
            let bit = (byte >> (7 - (x % 8))) & 1;
            out.push(if bit == 1 { 255 } else { 0 });
        }
    }
    out
}

fn rgb_to_gray(data: &[u8], n: usize) -> Vec<u8> {
    data.chunks(n)
        .filter(|c| c.len() >= 3)
        .map(|c| ((c[0] as u32 * 77 + c[1] as u32 * 150 + c[2] as u32 * 29) >> 8) as u8)
        .collect()
}

/// The largest image of a PDF page, decoded.
fn pdf_page(
    page: &hayro_syntax::page::Page<'_>,
    backing: Option<&mut Backing>,
) -> Result<Gray, DecodeError> {
    use hayro_syntax::object::Stream;
    let xobjects = &page.resources().x_objects;
    let mut best: Option<(u64, Stream<'_>)> = None;
    for name in xobjects.keys() {
        let Some(stream) = xobjects.get::<Stream<'_>>(name.as_ref()) else {
            continue;
        };
        let dict = stream.dict();
        let is_image = dict
            .get::<hayro_syntax::object::Name<'_>>("Subtype")
            .is_some_and(|n| n.as_str() == "Image");
        if !is_image {
            continue;
        }
        let w = dict.get::<u32>("Width").unwrap_or(0) as u64;
        let h = dict.get::<u32>("Height").unwrap_or(0) as u64;
        if best.as_ref().is_none_or(|(a, _)| w * h > *a) {
            best = Some((w * h, stream));
        }
    }
    let Some((_, stream)) = best else {
        return Err(DecodeError::NoImage);
    };
    pdf_image(&stream, backing)
}

fn pdf_image(
    stream: &hayro_syntax::object::Stream<'_>,
    backing: Option<&mut Backing>,
) -> Result<Gray, DecodeError> {
    use hayro_syntax::object::{Array, Dict, Name};
    use hayro_syntax::Filter;
    let dict = stream.dict();
    let w = dict.get::<u32>("Width").unwrap_or(0) as u64;
    let h = dict.get::<u32>("Height").unwrap_or(0) as u64;
    check_size(w, h)?;
    let (w, h) = (w as usize, h as usize);
    let bpc = dict.get::<u32>("BitsPerComponent").unwrap_or(8);
    let filters = stream.filters();
    let params: Dict<'_> = dict
        .get::<Dict<'_>>("DecodeParms")
        .or_else(|| {
            dict.get::<Array<'_>>("DecodeParms")
                .and_then(|a| a.iter::<Dict<'_>>().next())
        })
        .unwrap_or_default();
    let held = stream.raw_data();
    let raw = match backing {
        Some(b) => b.bytes(&held)?,
        None => std::borrow::Cow::Borrowed(&held[..]),
    };
    let components = match dict.get::<Name<'_>>("ColorSpace") {
        Some(n) if n.as_str() == "DeviceRGB" => 3,
        Some(n) if n.as_str() == "DeviceCMYK" => 4,
        _ => 1,
    };
    match filters.as_slice() {
        [Filter::DctDecode] => decode_image(&raw),
        [Filter::CcittFaxDecode] => ccitt(&raw, &params, w, h),
        [Filter::FlateDecode] | [] => {
            let data: Vec<u8> = if filters.is_empty() {
                raw.to_vec()
            } else {
                let limit = (w * h * components.max(1)) as u64 + h as u64 + 1;
                let mut out = vec![];
                flate2::read::ZlibDecoder::new(&raw[..])
                    .take(limit + 1)
                    .read_to_end(&mut out)
                    .map_err(|e| DecodeError::Broken(format!("Flate: {e}")))?;
                out
            };
            let predictor = params.get::<u32>("Predictor").unwrap_or(1);
            if predictor >= 10 {
                return Err(DecodeError::Unsupported("Flate met PNG-voorspeller".into()));
            }
            match (bpc, components) {
                (1, 1) => finish(w, h, unpack_bits(&data, w, h), true),
                (8, 1) => finish(w, h, data, false),
                (8, 3) => finish(w, h, rgb_to_gray(&data, 3), false),
                _ => Err(DecodeError::Unsupported(format!(
                    "{bpc} bits, {components} kleuren"
                ))),
            }
        }
        other => Err(DecodeError::Unsupported(format!("PDF-filter {other:?}"))),
    }
}

fn ccitt(
    data: &[u8],
    params: &hayro_syntax::object::Dict<'_>,
    w: usize,
    h: usize,
) -> Result<Gray, DecodeError> {
    let k = params.get::<i32>("K").unwrap_or(0);
    let columns = params.get::<u32>("Columns").unwrap_or(w as u32) as usize;
    let black_is_1 = params.get::<bool>("BlackIs1").unwrap_or(false);
    if columns != w || w > u16::MAX as usize || h > u16::MAX as usize {
        return Err(DecodeError::Broken("CCITT: breedte klopt niet".into()));
    }
    let mut pixels: Vec<u8> = Vec::with_capacity(w * h);
    let mut rows = 0usize;
    let mut line = |transitions: &[u16]| {
        if rows >= h {
            return;
        }
        rows += 1;
        for c in fax::decoder::pels(transitions, w as u16) {
            pixels.push(if c == fax::Color::Black { 0 } else { 255 });
        }
    };
    let ok = if k < 0 {
        fax::decoder::decode_g4(data.iter().copied(), w as u16, Some(h as u16), &mut line)
    } else if k == 0 {
        fax::decoder::decode_g3(data.iter().copied(), &mut line)
    } else {
        return Err(DecodeError::Unsupported("CCITT G3 2D".into()));
    };
    if ok.is_none() && rows == 0 {
        return Err(DecodeError::Broken("CCITT-data".into()));
    }
    pixels.resize(w * h, 255);
    if black_is_1 {
        for p in &mut pixels {
            *p = 255 - *p;
        }
    }
    finish(w, h, pixels, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Gray {
        let mut g = Gray::blank(64, 48, 255);
        for y in 10..20 {
            for x in 5..30 {
                g.pixels[y * 64 + x] = 0;
            }
        }
        g
    }

    fn png(g: &Gray) -> Vec<u8> {
        let mut out = vec![];
        image::ImageEncoder::write_image(
            image::codecs::png::PngEncoder::new(&mut out),
            &g.pixels,
            g.width,
            g.height,
            image::ExtendedColorType::L8,
        )
        .unwrap();
        out
    }

    #[test]
    fn png_and_jpeg_pages_decode() {
        let g = page();
        let pages: Vec<_> = from_bytes(png(&g)).unwrap().collect();
        assert_eq!(pages, vec![Ok(g.clone())]);
        let mut jpg = vec![];
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpg, 90)
            .encode(&g.pixels, g.width, g.height, image::ExtendedColorType::L8)
            .unwrap();
        let back = from_bytes(jpg).unwrap().next().unwrap().unwrap();
        assert_eq!((back.width, back.height), (64, 48));
        assert!(back.get(10, 15) < 60 && back.get(50, 40) > 200);
    }

    #[test]
    fn a_huge_declared_image_is_refused_before_allocating() {
        // A PNG header that claims 100,000 × 100,000 pixels.
        let mut bytes = png(&page());
        bytes[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bytes[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let r = from_bytes(bytes).unwrap().next().unwrap();
        assert!(r.is_err());
    }

    #[test]
    fn a_pdf_file_read_from_disk_gives_the_same_pages_as_one_in_memory() {
        use crate::surveys::paper::scan_synth::{pdf_of, Store};
        let mut other = page();
        other.pixels[40 * 64 + 40] = 0;
        for store in [Store::JpegPdf, Store::G4Pdf] {
            let bytes = pdf_of(&[page(), other.clone(), page()], store, 200.0);
            let file = tempfile::NamedTempFile::new().unwrap();
            std::fs::write(file.path(), &bytes).unwrap();
            let from_disk: Vec<_> = open(file.path()).unwrap().collect();
            let in_memory: Vec<_> = from_bytes(bytes).unwrap().collect();
            assert_eq!(from_disk.len(), 3, "{store:?}");
            assert_eq!(from_disk, in_memory, "{store:?}");
            assert!(from_disk.iter().all(Result::is_ok), "{store:?}");
        }
    }

    #[test]
    fn unknown_files_are_named_as_such() {
        assert_eq!(
            from_bytes(b"hello".to_vec()).err(),
            Some(DecodeError::UnknownType)
        );
    }
}
