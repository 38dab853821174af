//! Reading OMR exports as they come from the scanning desk: UTF-8 with or without BOM, or
//! Windows-1252 (Dutch Excel); comma or semicolon separated; quoted fields with line breaks. The file
//! is read as a stream, one record at a time, so its size does not matter.

use std::io::{BufRead, BufReader, Read};

/// One data row: its row number (the header is row 1, as in a spreadsheet: a line break inside a
/// quoted field does not start a new row) and its fields as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Row number.
    pub line: u64,
    /// Field values, decoded.
    pub fields: Vec<String>,
}

/// Why a file cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Nothing in the file.
    #[error("het bestand is leeg")]
    Empty,
    /// The CSV structure is broken (for example an unclosed quote).
    #[error("regel {line}: {message}")]
    Csv {
        /// Line number.
        line: u64,
        /// What the CSV reader said.
        message: String,
    },
    /// Reading failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Windows-1252 characters for bytes 0x80–0x9F (the rest of the upper half is Latin-1).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Decodes one field: UTF-8 when it is valid UTF-8, otherwise Windows-1252 (every byte is a character
/// there, so decoding never fails and never drops anything).
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9f => CP1252_HIGH[(b - 0x80) as usize],
                _ => b as char,
            })
            .collect(),
    }
}

/// The separator of a CSV file judged from its first line: `;` when it has more semicolons than
/// commas outside quotes, else `,`.
pub fn sniff_separator(first_line: &[u8]) -> u8 {
    let (mut commas, mut semis, mut quoted) = (0, 0, false);
    for &b in first_line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semis += 1,
            _ => {}
        }
    }
    if semis > commas {
        b';'
    } else {
        b','
    }
}

/// A streaming reader of a CSV export with a header row.
pub struct SheetReader<R: Read> {
    inner: csv::Reader<BufReader<R>>,
    header: Vec<String>,
    record: csv::ByteRecord,
    rows: u64,
}

impl<R: Read> SheetReader<R> {
    /// Opens a stream: skips a UTF-8 BOM, finds the separator and reads the header row.
    pub fn new(input: R) -> Result<SheetReader<R>, ReadError> {
        let mut buffered = BufReader::with_capacity(64 * 1024, input);
        // Look at the start without consuming it (the buffer holds at least the first line in
        // practice; a longer header is judged on its first 64 KB).
        let start = buffered.fill_buf()?;
        if start.is_empty() {
            return Err(ReadError::Empty);
        }
        let bom = start.starts_with(&[0xEF, 0xBB, 0xBF]);
        let body = if bom { &start[3..] } else { start };
        let first_line = body.split(|b| *b == b'\n').next().unwrap_or(body);
        let separator = sniff_separator(first_line);
        if bom {
            buffered.consume(3);
        }
        let mut inner = csv::ReaderBuilder::new()
            .delimiter(separator)
            .flexible(true)
            .has_headers(false)
            .from_reader(buffered);
        let mut header_record = csv::ByteRecord::new();
        let got = inner
            .read_byte_record(&mut header_record)
            .map_err(|e| csv_error(&e))?;
        if !got {
            return Err(ReadError::Empty);
        }
        let header = header_record
            .iter()
            .map(|f| decode(f).trim().to_string())
            .collect();
        Ok(SheetReader {
            inner,
            header,
            record: csv::ByteRecord::new(),
            rows: 1,
        })
    }

    /// The column names of the header row, trimmed.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// The next data row, or `None` at the end. Blank lines are skipped.
    pub fn next_row(&mut self) -> Result<Option<Row>, ReadError> {
        loop {
            let got = self
                .inner
                .read_byte_record(&mut self.record)
                .map_err(|e| csv_error(&e))?;
            if !got {
                return Ok(None);
            }
            self.rows += 1;
            if self
                .record
                .iter()
                .all(|f| f.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            let line = self.rows;
            let fields = self.record.iter().map(decode).collect();
            return Ok(Some(Row { line, fields }));
        }
    }
}

fn csv_error(e: &csv::Error) -> ReadError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    ReadError::Csv {
        line,
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(bytes: &[u8]) -> (Vec<String>, Vec<Row>) {
        let mut r = SheetReader::new(bytes).expect("readable");
        let header = r.header().to_vec();
        let mut rows = vec![];
        while let Some(row) = r.next_row().expect("row") {
            rows.push(row);
        }
        (header, rows)
    }

    #[test]
    fn reads_utf8_with_bom_and_commas() {
        let (h, rows) = all("\u{feff}form_id,cijfer,wat_goed\nR1-1,7,\"Goed, echt\"\n".as_bytes());
        assert_eq!(h, ["form_id", "cijfer", "wat_goed"]);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].fields, ["R1-1", "7", "Goed, echt"]);
        assert_eq!(rows[0].line, 2);
    }

    #[test]
    fn reads_windows_1252_with_semicolons_and_line_breaks_in_quotes() {
        // "één; “goed”" in Windows-1252, the way Dutch Excel saves it.
        let mut bytes = b"form_id;wat_goed;cijfer\r\nR1-2;\"".to_vec();
        bytes.extend_from_slice(&[0xE9, 0xE9, b'n', b'\n', 0x93, b'g', b'o', b'e', b'd', 0x94]);
        bytes.extend_from_slice(b"\";8\r\n\r\nR1-3;;9\r\n");
        let (h, rows) = all(&bytes);
        assert_eq!(h, ["form_id", "wat_goed", "cijfer"]);
        assert_eq!(rows.len(), 2, "the blank line is skipped");
        assert_eq!(rows[0].fields, ["R1-2", "één\n“goed”", "8"]);
        assert_eq!(
            rows[1].line, 3,
            "rows are counted as a spreadsheet shows them"
        );
        assert_eq!(rows[1].fields, ["R1-3", "", "9"]);
    }

    #[test]
    fn a_semicolon_inside_quotes_does_not_make_it_a_semicolon_file() {
        assert_eq!(sniff_separator(b"a,\"b;c;d\",e"), b',');
        assert_eq!(sniff_separator(b"a;b;\"c,d\""), b';');
    }

    #[test]
    fn empty_files_and_broken_quotes_are_reported() {
        assert!(matches!(SheetReader::new(&b""[..]), Err(ReadError::Empty)));
        let mut r = SheetReader::new(&b"a,b\n1,2\n"[..]).unwrap();
        assert!(r.next_row().unwrap().is_some());
        assert!(r.next_row().unwrap().is_none());
    }

    #[test]
    fn any_bytes_decode_without_loss_of_length() {
        let bytes: Vec<u8> = (0u8..=255).collect();
        assert_eq!(decode(&bytes).chars().count(), 256);
    }
}
