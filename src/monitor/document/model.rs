//! The document as data: sections of blocks (headings, paragraphs, lists, tables, charts, quotes)
//! and table cells with the way each figure is shown.

use crate::monitor::numbers;
use crate::monitor::report::Cell;

/// A table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct TableCell {
    /// What is shown.
    pub text: String,
    /// How the figure is shown.
    pub mark: Mark,
    /// A second, smaller line (for example the 95% interval).
    pub note: Option<String>,
}

/// How a figure is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Plain text or a figure on enough people.
    Plain,
    /// A figure on fewer than 50 people: marked with an asterisk.
    Indicative,
    /// Hidden: too few people.
    Hidden,
    /// Text that warns: something is late.
    Late,
}

impl TableCell {
    /// Plain text.
    pub fn text(s: impl Into<String>) -> TableCell {
        TableCell {
            text: s.into(),
            mark: Mark::Plain,
            note: None,
        }
    }

    fn figure(c: &Cell, text: impl FnOnce(f64, u64) -> String) -> TableCell {
        match (c.value, c.n) {
            (Some(v), Some(n)) => TableCell {
                text: text(v, n),
                // Nobody is not a figure to read with care.
                mark: if c.shown == "indicatief" && n > 0 {
                    Mark::Indicative
                } else {
                    Mark::Plain
                },
                note: None,
            },
            _ => TableCell {
                text: "–".into(),
                mark: Mark::Hidden,
                note: None,
            },
        }
    }

    /// A percentage, or a dash when hidden.
    pub fn percent(c: &Cell) -> TableCell {
        TableCell::figure(c, |v, _| numbers::pct(v))
    }

    /// A number given as the value (the part of a share), or a dash when hidden.
    pub fn value(c: &Cell) -> TableCell {
        TableCell::figure(c, |v, _| numbers::fixed(v, 0))
    }

    /// The number of people, or a dash when hidden.
    pub fn count(c: &Cell) -> TableCell {
        TableCell::figure(c, |_, n| n.to_string())
    }

    /// The same cell with a second line.
    pub fn with_note(mut self, note: Option<String>) -> TableCell {
        self.note = note;
        self
    }

    /// The cell as one line of text, as a screen reader or a text export reads it.
    pub fn plain(&self) -> String {
        let mut s = match self.mark {
            Mark::Hidden => "verborgen".to_string(),
            Mark::Indicative => format!("{}*", self.text),
            Mark::Plain | Mark::Late => self.text.clone(),
        };
        if let Some(n) = &self.note {
            s.push_str(&format!(" ({n})"));
        }
        s
    }
}

/// A building block of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph; the first part, when given, is stressed.
    Paragraph {
        /// Stressed opening words.
        strong: Option<String>,
        /// The text.
        text: String,
    },
    /// A list of points.
    List(Vec<String>),
    /// A table with its caption and column headers.
    Table {
        /// What the table shows.
        caption: String,
        /// Column headers.
        head: Vec<String>,
        /// Rows.
        rows: Vec<Vec<TableCell>>,
    },
    /// A horizontal bar chart with a text summary; the table behind it follows as its own block.
    Chart(Chart),
    /// A quote of a respondent.
    Quote(String),
}

/// A horizontal bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Identifier (for the HTML ids).
    pub id: String,
    /// Title.
    pub title: String,
    /// Bars: label and value, `None` when hidden.
    pub rows: Vec<(String, Option<f64>)>,
    /// The value of a full bar.
    pub max: f64,
    /// Unit after the value ("%" or nothing).
    pub unit: String,
}

impl Chart {
    /// The chart in words: every bar with its value.
    pub fn summary(&self) -> String {
        self.rows
            .iter()
            .map(|(label, v)| match v {
                Some(v) => format!("{label}: {}{}", numbers::fixed(*v, 0), self.unit),
                None => format!("{label}: verborgen"),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Length of a bar as a share of the full width.
    pub fn share(&self, v: f64) -> f64 {
        (v / self.max.max(f64::MIN_POSITIVE)).clamp(0.0, 1.0)
    }
}

/// A section with its heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Anchor (`samenvatting`, `respons`, ...).
    pub id: &'static str,
    /// Heading.
    pub title: String,
    /// Content.
    pub blocks: Vec<Block>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The opening line: period and whether it is final.
    pub lead: Block,
    /// The sections in reading order.
    pub sections: Vec<Section>,
}
