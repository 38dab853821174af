//! Reading OMR exports as they come from the scanning desk: UTF-8 with or without BOM, or
//! Windows-1252 (Dutch Excel); comma or semicolon separated; quoted fields with line breaks. The file
//! is read as a stream, one record at a time, so its size does not matter; and a line longer than a
//! sheet can be is skipped as it streams past (its length and line number are reported), so one
//! huge line does not end up in memory, in the report or on a page.

use std::io::{BufRead, BufReader, Read};

use csv_core::ReadRecordResult;

/// Most fields on one line (an SDAPS export of a long questionnaire has a few hundred).
pub const MAX_FIELDS: usize = 10_000;

/// The longest line read when no questionnaire says otherwise (a mapping file).
pub const DEFAULT_MAX_LINE: usize = 1024 * 1024;

/// One data row: its row number (the header is row 1, as in a spreadsheet: a line break inside a
/// quoted field does not start a new row) and its fields as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Row number.
    pub line: u64,
    /// Field values, decoded. For a line that is too long: only the fields that were complete
    /// before the limit (often enough to name the form).
    pub fields: Vec<String>,
    /// The length of the line in bytes when it was longer than allowed (then it was skipped).
    pub too_long: Option<u64>,
}

/// Why a file cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Nothing in the file.
    #[error("het bestand is leeg")]
    Empty,
    /// The first line (the column names) is longer than any header can be.
    #[error("de kopregel (regel 1) is langer dan {max} bytes of heeft meer dan {fields} kolommen; dit is geen export van de scanner")]
    HeaderTooLong {
        /// The limit in bytes.
        max: usize,
        /// The limit in columns.
        fields: usize,
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

/// A streaming reader of a CSV export with a header row. It drives the CSV parser (`csv-core`)
/// itself, so that the bytes of a line past the limit are parsed and dropped, never kept.
pub struct SheetReader<R: Read> {
    input: BufReader<R>,
    core: csv_core::Reader,
    header: Vec<String>,
    /// The field bytes of the current line (grows up to `max_line`).
    out: Vec<u8>,
    /// Where each field ends in `out` (grows up to `MAX_FIELDS`).
    ends: Vec<usize>,
    rows: u64,
    max_line: usize,
}

/// One line as parsed: its complete fields, and its length in bytes when it was too long.
struct Parsed {
    fields: usize,
    too_long: Option<u64>,
}

impl<R: Read> SheetReader<R> {
    /// Opens a stream with the default line limit ([`DEFAULT_MAX_LINE`]).
    pub fn new(input: R) -> Result<SheetReader<R>, ReadError> {
        SheetReader::with_max_line(input, DEFAULT_MAX_LINE)
    }

    /// Opens a stream: skips a UTF-8 BOM, finds the separator and reads the header row. Lines
    /// longer than `max_line` bytes are skipped and reported as too long.
    pub fn with_max_line(input: R, max_line: usize) -> Result<SheetReader<R>, ReadError> {
        let max_line = max_line.max(1024);
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
        let mut reader = SheetReader {
            input: buffered,
            core: csv_core::ReaderBuilder::new().delimiter(separator).build(),
            header: vec![],
            out: vec![0; 4096.min(max_line)],
            ends: vec![0; 64],
            rows: 1,
            max_line,
        };
        let header = match reader.parse()? {
            None => return Err(ReadError::Empty),
            Some(Parsed {
                too_long: Some(_), ..
            }) => {
                return Err(ReadError::HeaderTooLong {
                    max: max_line,
                    fields: MAX_FIELDS,
                })
            }
            Some(p) => reader.decoded(p.fields, |f| decode(f).trim().to_string()),
        };
        reader.header = header;
        Ok(reader)
    }

    /// The column names of the header row, trimmed.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// The longest line this reader takes, in bytes.
    pub fn max_line(&self) -> usize {
        self.max_line
    }

    /// The next data row, or `None` at the end. Blank lines are skipped; a line that is too long
    /// comes back with `too_long` set and only the fields that were complete before the limit.
    pub fn next_row(&mut self) -> Result<Option<Row>, ReadError> {
        loop {
            let Some(p) = self.parse()? else {
                return Ok(None);
            };
            self.rows += 1;
            let blank = p.too_long.is_none()
                && self.out[..self.ends[..p.fields].last().copied().unwrap_or(0)]
                    .iter()
                    .all(u8::is_ascii_whitespace);
            if blank {
                continue;
            }
            let fields = self.decoded(p.fields, decode);
            return Ok(Some(Row {
                line: self.rows,
                fields,
                too_long: p.too_long,
            }));
        }
    }

    /// The first `n` fields of the line just parsed, each made into text by `f`.
    fn decoded<T>(&self, n: usize, f: impl Fn(&[u8]) -> T) -> Vec<T> {
        let mut start = 0;
        self.ends[..n]
            .iter()
            .map(|&end| {
                let field = f(&self.out[start..end]);
                start = end;
                field
            })
            .collect()
    }

    /// Parses one line into `out` and `ends`. Past the limit (bytes or fields) the rest of the line
    /// is parsed into a scratch buffer and dropped; only its length is counted.
    fn parse(&mut self) -> Result<Option<Parsed>, ReadError> {
        let (mut outlen, mut endlen, mut total) = (0usize, 0usize, 0u64);
        let mut cut: Option<usize> = None;
        let mut scratch = [0u8; 4096];
        let mut scratch_ends = [0usize; 64];
        loop {
            let input = self.input.fill_buf()?;
            let (res, nin, nout, nend) = match cut {
                None => {
                    self.core
                        .read_record(input, &mut self.out[outlen..], &mut self.ends[endlen..])
                }
                Some(_) => self
                    .core
                    .read_record(input, &mut scratch, &mut scratch_ends),
            };
            self.input.consume(nin);
            total += nin as u64;
            if cut.is_none() {
                outlen += nout;
                endlen += nend;
            }
            match res {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull
                    if cut.is_some() => {}
                ReadRecordResult::OutputFull => {
                    if self.out.len() >= self.max_line {
                        cut = Some(endlen);
                    } else {
                        let len = (self.out.len() * 2).min(self.max_line);
                        self.out.resize(len, 0);
                    }
                }
                ReadRecordResult::OutputEndsFull => {
                    if self.ends.len() >= MAX_FIELDS {
                        cut = Some(endlen);
                    } else {
                        let len = (self.ends.len() * 2).min(MAX_FIELDS);
                        self.ends.resize(len, 0);
                    }
                }
                ReadRecordResult::Record => {
                    return Ok(Some(match cut {
                        None => Parsed {
                            fields: endlen,
                            too_long: None,
                        },
                        Some(kept) => Parsed {
                            fields: kept,
                            too_long: Some(total),
                        },
                    }));
                }
                ReadRecordResult::End => return Ok(None),
            }
        }
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
    fn a_line_past_the_limit_is_skipped_with_its_length_and_the_rest_is_read() {
        let mut bytes = b"form_id,wat_goed,cijfer\nR1-1,kort,7\nR1-2,".to_vec();
        bytes.extend(std::iter::repeat_n(b'x', 50_000));
        bytes.extend_from_slice(b",8\n\"R1-3\",\"");
        bytes.extend(std::iter::repeat_n(b'y', 30_000));
        bytes.extend_from_slice(b"\n\"\"z\",9\nR1-4,ook kort,6\n");
        let mut r = SheetReader::with_max_line(&bytes[..], 10_000).unwrap();
        let rows: Vec<Row> = std::iter::from_fn(|| r.next_row().unwrap()).collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].fields, ["R1-1", "kort", "7"]);
        assert_eq!(rows[0].too_long, None);
        assert_eq!((rows[1].line, rows[1].too_long), (3, Some(50_008)));
        assert_eq!(
            rows[1].fields,
            ["R1-2"],
            "the form number came before the limit"
        );
        // A quoted field with a line break and quotes inside is skipped whole as one line.
        assert_eq!(rows[2].line, 4);
        assert!(rows[2].too_long.is_some());
        assert_eq!(rows[2].fields, ["R1-3"]);
        assert_eq!(rows[3].line, 5, "the line after it is read as usual");
        assert_eq!(rows[3].fields, ["R1-4", "ook kort", "6"]);
        assert_eq!(rows[3].too_long, None);
    }

    #[test]
    fn too_many_fields_count_as_too_long_and_a_huge_header_is_refused() {
        let mut bytes = b"a,b\n".to_vec();
        bytes.extend(std::iter::repeat_n(b',', MAX_FIELDS + 5));
        bytes.extend_from_slice(b"\n1,2\n");
        let mut r = SheetReader::new(&bytes[..]).unwrap();
        let row = r.next_row().unwrap().unwrap();
        assert!(row.too_long.is_some());
        assert_eq!(row.fields.len(), MAX_FIELDS);
        assert_eq!(r.next_row().unwrap().unwrap().fields, ["1", "2"]);
        let huge = vec![b'h'; 3 * DEFAULT_MAX_LINE];
        assert!(matches!(
            SheetReader::new(&huge[..]),
            Err(ReadError::HeaderTooLong { .. })
        ));
    }

    #[test]
    fn any_bytes_decode_without_loss_of_length() {
        let bytes: Vec<u8> = (0u8..=255).collect();
        assert_eq!(decode(&bytes).chars().count(), 256);
    }
}
