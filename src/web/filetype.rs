//! What an uploaded file really is, from its first bytes (its "magic"), never from its name or the
//! type the browser declared; and how a stored file is handed out: always as a download
//! (`attachment`), with the type its content shows, `nosniff`, and a name that cannot break out of
//! the header.
//!
//! Six fixed signatures are simpler and stricter here than a detection crate: the `.doc` check of
//! such crates needs the whole file (they parse the OLE directory), and their `.docx` guess depends
//! on the order of the parts in the ZIP.

use actix_web::http::header::{
    self, Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
};
use actix_web::HttpResponse;

/// A kind of file we accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// PDF.
    Pdf,
    /// JPEG photo.
    Jpeg,
    /// PNG image.
    Png,
    /// Plain text.
    Text,
    /// Word 97–2003 (OLE compound file).
    Doc,
    /// Word (Office Open XML, a ZIP package).
    Docx,
    /// OpenDocument text (a ZIP package).
    Odt,
}

/// Markup a browser would take for a web page when it sniffs (after the WHATWG MIME sniffing
/// standard), and XML/SVG: a "text" file starting with one of these is refused.
const MARKUP: [&[u8]; 19] = [
    b"!doctype html",
    b"html",
    b"head",
    b"script",
    b"iframe",
    b"h1",
    b"div",
    b"font",
    b"table",
    b"a",
    b"style",
    b"title",
    b"b",
    b"body",
    b"br",
    b"p",
    b"!--",
    b"?xml",
    b"svg",
];

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 7] = [
        Kind::Pdf,
        Kind::Jpeg,
        Kind::Png,
        Kind::Text,
        Kind::Doc,
        Kind::Docx,
        Kind::Odt,
    ];

    /// What the first bytes of a file show it to be (`head`: at least its first few kilobytes, or
    /// the whole file when it is smaller).
    pub fn detect(head: &[u8]) -> Option<Kind> {
        const ZIP: &[u8] = b"PK\x03\x04";
        if head.starts_with(b"%PDF-") {
            Some(Kind::Pdf)
        } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Kind::Jpeg)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Kind::Png)
        } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            Some(Kind::Doc)
        } else if head.starts_with(ZIP) {
            // OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the type.
            if head.get(30..38) == Some(b"mimetype")
                && head
                    .get(38..)
                    .is_some_and(|r| r.starts_with(b"application/vnd.oasis.opendocument.text"))
            {
                Some(Kind::Odt)
            } else if contains(head, b"[Content_Types].xml") || contains(head, b"word/") {
                Some(Kind::Docx)
            } else {
                None
            }
        } else if is_text(head) {
            Some(Kind::Text)
        } else {
            None
        }
    }

    /// The kind a file name promises, by its extension.
    pub fn from_name(name: &str) -> Option<Kind> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| k.extensions().contains(&ext.as_str()))
    }

    /// File name extensions of this kind, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Kind::Pdf => &["pdf"],
            Kind::Jpeg => &["jpg", "jpeg"],
            Kind::Png => &["png"],
            Kind::Text => &["txt"],
            Kind::Doc => &["doc"],
            Kind::Docx => &["docx"],
            Kind::Odt => &["odt"],
        }
    }

    /// The content type to serve it with.
    pub fn content_type(self) -> &'static str {
        match self {
            Kind::Pdf => "application/pdf",
            Kind::Jpeg => "image/jpeg",
            Kind::Png => "image/png",
            Kind::Text => "text/plain; charset=utf-8",
            Kind::Doc => "application/msword",
            Kind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Kind::Odt => "application/vnd.oasis.opendocument.text",
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Plain text: no control characters but tab, line breaks and form feed (so no binary file), and
/// not starting with markup that a browser would render as a page.
fn is_text(head: &[u8]) -> bool {
    if head.is_empty()
        || head
            .iter()
            .any(|&b| (b < 0x20 && !b"\t\n\r\x0c".contains(&b)) || b == 0x7F)
    {
        return false;
    }
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let Some(rest) = body[start..].strip_prefix(b"<") else {
        return true;
    };
    !MARKUP.iter().any(|tag| {
        rest.len() >= tag.len()
            && rest[..tag.len()].eq_ignore_ascii_case(tag)
            && rest
                .get(tag.len())
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
    })
}

/// Whether a file's content is the kind its name promises, and one we accept.
pub fn matches_name(name: &str, head: &[u8]) -> bool {
    match (Kind::from_name(name), Kind::detect(head)) {
        (Some(promised), Some(found)) => promised == found,
        _ => false,
    }
}

/// A file name safe for a header: no path, no control characters, no quotes; with the extension
/// of what the content is.
pub fn safe_name(name: &str, kind: Option<Kind>) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let mut clean: String = base
        .chars()
        .filter(|c| !c.is_control() && !"\"\\;".contains(*c))
        .take(120)
        .collect();
    clean = clean.trim().trim_start_matches('.').to_string();
    if clean.is_empty() {
        clean = "bestand".into();
    }
    if let Some(kind) = kind {
        if Kind::from_name(&clean) != Some(kind) {
            clean = format!("{clean}.{}", kind.extensions()[0]);
        }
    }
    clean
}

/// A stored file as a download: never shown in the browser, typed by its content.
pub fn download(name: &str, data: Vec<u8>) -> HttpResponse {
    let kind = Kind::detect(&data[..data.len().min(crate::web::multipart::HEAD_BYTES)]);
    let name = safe_name(name, kind);
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(ascii),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: Charset::Ext("UTF-8".into()),
                language_tag: None,
                value: name.into_bytes(),
            }),
        ],
    };
    HttpResponse::Ok()
        .content_type(kind.map_or("application/octet-stream", Kind::content_type))
        .insert_header(disposition)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        // Should a browser open it anyway: no scripts, no plugins, its own origin.
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "sandbox; default-src 'none'",
        ))
        .body(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_not_the_name() {
        assert_eq!(Kind::detect(b"%PDF-1.7\n..."), Some(Kind::Pdf));
        assert_eq!(
            Kind::detect(b"\xFF\xD8\xFF\xE0\0\x10JFIF"),
            Some(Kind::Jpeg)
        );
        assert_eq!(
            Kind::detect(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(Kind::Png)
        );
        assert_eq!(
            Kind::detect(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"),
            Some(Kind::Doc)
        );
        let mut odt = b"PK\x03\x04".to_vec();
        odt.extend_from_slice(&[0; 26]);
        odt.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.textPK");
        assert_eq!(Kind::detect(&odt), Some(Kind::Odt));
        let mut docx = b"PK\x03\x04".to_vec();
        docx.extend_from_slice(&[0; 26]);
        docx.extend_from_slice(b"[Content_Types].xml....");
        assert_eq!(Kind::detect(&docx), Some(Kind::Docx));
        // A ZIP that is no document, an executable, a UTF-16 file: none of ours.
        assert_eq!(Kind::detect(b"PK\x03\x04\0\0\0\0evil.exe"), None);
        assert_eq!(Kind::detect(b"MZ\x90\0\x03\0\0\0"), None);
        assert_eq!(Kind::detect(b"\xFF\xFEh\0a\0"), None);
        assert_eq!(Kind::detect(b""), None);
        assert_eq!(
            Kind::detect("Geachte heer, café € 12\r\n".as_bytes()),
            Some(Kind::Text)
        );
        assert_eq!(Kind::detect(b"<3 dank u wel"), Some(Kind::Text));
    }

    #[test]
    fn a_page_or_script_is_no_text_and_no_pdf() {
        for page in [
            &b"<!DOCTYPE html><html><script>alert(1)</script>"[..],
            b"  \n<HTML><body>",
            b"\xEF\xBB\xBF<script src=x>",
            b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
            b"<?xml version='1.0'?>",
            b"<iframe src=//evil>",
            b"<a href=x>klik</a>",
        ] {
            assert_eq!(
                Kind::detect(page),
                None,
                "{}",
                String::from_utf8_lossy(page)
            );
            assert!(!matches_name("brief.pdf", page));
            assert!(!matches_name("brief.txt", page));
        }
        // A PDF signature later in the file does not count.
        assert!(!matches_name("brief.pdf", b"<html>%PDF-1.4"));
        assert!(matches_name("brief.PDF", b"%PDF-1.4"));
        assert!(matches_name("foto.jpeg", b"\xFF\xD8\xFF\xE1"));
        // A real photo with another kind's name is refused too.
        assert!(!matches_name("foto.png", b"\xFF\xD8\xFF\xE1"));
        assert!(!matches_name("zonder-punt", b"%PDF-1.4"));
    }

    #[test]
    fn names_are_safe_and_say_what_the_content_is() {
        assert_eq!(safe_name("brief.pdf", Some(Kind::Pdf)), "brief.pdf");
        assert_eq!(
            safe_name("..\\..\\etc/\"x\";\r\n.pdf", Some(Kind::Pdf)),
            "x.pdf"
        );
        assert_eq!(safe_name("oud.txt", Some(Kind::Pdf)), "oud.txt.pdf");
        assert_eq!(safe_name("", None), "bestand");
        assert_eq!(safe_name(".htaccess", None), "htaccess");
    }

    #[test]
    fn a_download_is_never_inline() {
        let r = download("brief zoë.pdf", b"%PDF-1.4".to_vec());
        let h = |n: header::HeaderName| r.headers().get(n).unwrap().to_str().unwrap().to_string();
        assert!(h(header::CONTENT_DISPOSITION).starts_with("attachment;"));
        assert!(h(header::CONTENT_DISPOSITION).contains("filename*=UTF-8''brief%20zo%C3%AB.pdf"));
        assert_eq!(h(header::CONTENT_TYPE), "application/pdf");
        assert_eq!(h(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
        // Stored before content was checked: a page comes out as bytes, to be saved.
        let r = download("x.pdf", b"<html><script>".to_vec());
        assert_eq!(
            r.headers().get(header::CONTENT_TYPE).unwrap(),
            "application/octet-stream"
        );
        assert!(r
            .headers()
            .get(header::CONTENT_DISPOSITION)
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("attachment;"));
    }
}
