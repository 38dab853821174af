//! Reading a PDF the way a user's reader does: poppler's `pdfinfo` and `pdftotext` (Debian's
//! poppler-utils). Without them the PDF checks skip loudly (and fail in CI).

use std::path::Path;
use std::process::Command;

/// What a PDF reader makes of a file.
pub struct PdfRead {
    /// `pdfinfo` output (Title, Tagged, Pages, ...).
    pub info: String,
    /// Every page's text, in reading order.
    pub text: String,
}

impl PdfRead {
    /// A field of `pdfinfo`.
    pub fn field(&self, name: &str) -> Option<String> {
        self.info
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .map(|v| v.trim().to_string())
    }

    /// Number of pages.
    pub fn pages(&self) -> usize {
        self.field("Pages")
            .and_then(|p| p.parse().ok())
            .unwrap_or(0)
    }
}

/// Opens `path` with poppler; `None` (after a loud skip) when poppler-utils is not installed.
pub fn read(test: &str, path: &Path) -> Option<PdfRead> {
    let info = match Command::new("pdfinfo").arg(path).output() {
        Ok(o) => o,
        Err(_) => {
            super::skip(test, "pdfinfo (poppler-utils) is not installed");
            return None;
        }
    };
    assert!(
        info.status.success(),
        "pdfinfo cannot open {}: {}",
        path.display(),
        String::from_utf8_lossy(&info.stderr)
    );
    let text = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(text.status.success(), "pdftotext failed");
    Some(PdfRead {
        info: String::from_utf8_lossy(&info.stdout).into_owned(),
        text: String::from_utf8_lossy(&text.stdout).into_owned(),
    })
}
