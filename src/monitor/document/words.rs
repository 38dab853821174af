//! Small pieces of text the sections share: paragraphs, tables, numbers and plain names.

use super::*;
use crate::complaints::register::Outcome;
use crate::complaints::terms::Judgement;
use crate::monitor::numbers;
use crate::monitor::report::Cell;
use crate::surveys::definition::Dimension;

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
pub fn dimension_name(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Bereikbaarheid => "Bereikbaarheid",
        Dimension::Bejegening => "Bejegening",
        Dimension::Dienstverlening => "Tevredenheid over de dienstverlening",
        Dimension::Effectiviteit => "Effectiviteit van de ondersteuning",
        Dimension::Achtergrond => "Achtergrond",
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
pub fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Judged(Judgement::Founded) => "Gegrond",
        Outcome::Judged(Judgement::PartlyFounded) => "Deels gegrond",
        Outcome::Judged(Judgement::Unfounded) => "Ongegrond",
        Outcome::Judged(Judgement::NoJudgement) => "Geen oordeel",
        Outcome::ResolvedInformally => "Opgelost in het gesprek",
        Outcome::Withdrawn => "Ingetrokken",
        Outcome::NotHandled => "Niet in behandeling genomen",
        Outcome::Referred => "Doorverwezen naar bezwaar",
        Outcome::Closed => "Afgesloten",
        Outcome::Running => "Nog in behandeling",
    }
}
