//! Small pieces of text the sections share: paragraphs, tables, numbers and plain names.

use super::*;
use crate::monitor::numbers;
use crate::monitor::report::Cell;

pub(super) fn para(text: impl Into<String>) -> Block {
    Block::Paragraph {
        strong: None,
        text: text.into(),
    }
}

pub(super) fn table(caption: &str, head: &[&str], rows: Vec<Vec<TableCell>>) -> Block {
    Block::Table {
        caption: caption.into(),
        head: head.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

pub(super) fn comma(v: f64, decimals: usize) -> String {
    numbers::nl(v, decimals)
}

pub(super) fn pct_text(c: &Cell) -> String {
    TableCell::percent(c).plain()
}

pub(super) fn count_text(c: &Cell) -> String {
    TableCell::count(c).plain()
}

/// The plain name of a dimension.
pub fn dimension_name(code: &str) -> &'static str {
    match code {
        "bereikbaarheid" => "Bereikbaarheid",
        "bejegening" => "Bejegening",
        "dienstverlening" => "Tevredenheid over de dienstverlening",
        "effectiviteit" => "Effectiviteit van de ondersteuning",
        _ => "Achtergrond",
    }
}

/// A change against the last time in words: only a significant one has a number.
pub(super) fn change_text(change: Option<f64>, has_previous: bool) -> String {
    match change {
        Some(c) if c > 0.0 => format!("{} procentpunt hoger", numbers::fixed(c, 0)),
        Some(c) => format!("{} procentpunt lager", numbers::fixed(-c, 0)),
        None if has_previous => "geen duidelijk verschil".into(),
        None => "geen eerdere meting".into(),
    }
}

/// The plain name of an outcome in the register.
pub fn outcome_name(code: &str) -> String {
    match code {
        "gegrond" => "Gegrond".into(),
        "deels_gegrond" => "Deels gegrond".into(),
        "ongegrond" => "Ongegrond".into(),
        "geen_oordeel" => "Geen oordeel".into(),
        "informeel_opgelost" => "Opgelost in het gesprek".into(),
        "ingetrokken" => "Ingetrokken".into(),
        "niet_in_behandeling" => "Niet in behandeling genomen".into(),
        "doorverwezen" => "Doorverwezen naar bezwaar".into(),
        "gesloten" => "Afgesloten".into(),
        "lopend" => "Nog in behandeling".into(),
        other => other.replace('_', " "),
    }
}
