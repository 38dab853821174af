//! The trend section: the dimensions over waves and the complaints over quarters.

use super::*;
use crate::fmt::date_text;
use crate::monitor::numbers;
use crate::monitor::report::{Cell, Report};

pub(super) fn trend_section(r: &Report) -> Section {
    let mut blocks = vec![];
    let marked = |cell: &Cell, change: Option<f64>| {
        let c = TableCell::percent(cell);
        match (change, cell.value) {
            (Some(ch), Some(_)) => c.with_note(Some(format!(
                "{} procentpunt {} dan de vorige keer",
                numbers::fixed(ch.abs(), 0),
                if ch > 0.0 { "hoger" } else { "lager" }
            ))),
            _ => c,
        }
    };
    if r.wave_trend.len() >= 2 {
        blocks.push(Block::Chart(Chart {
            id: "vragenlijsten".into(),
            title: "Positief per onderwerp, per vragenlijst".into(),
            rows: r
                .wave_trend
                .iter()
                .flat_map(|w| {
                    w.dimensions.iter().map(move |d| {
                        (
                            format!("{}, {}", dimension_name(d.dimension), w.wave),
                            d.positive.value,
                        )
                    })
                })
                .collect(),
            max: 100.0,
            unit: "%".into(),
        }));
        let changes: Vec<String> = r
            .wave_trend
            .iter()
            .skip(1)
            .flat_map(|w| {
                w.dimensions.iter().filter_map(move |d| {
                    d.change.map(|c| {
                        format!(
                            "{}: {} procentpunt {} in {} dan de vragenlijst ervoor.",
                            dimension_name(d.dimension),
                            numbers::fixed(c.abs(), 0),
                            if c > 0.0 { "hoger" } else { "lager" },
                            w.wave
                        )
                    })
                })
            })
            .collect();
        blocks.push(if changes.is_empty() {
            para("Geen van de verschillen tussen de vragenlijsten is groot genoeg om zeker te zijn dat het niet door toeval komt.")
        } else {
            Block::List(changes)
        });
        let mut head = vec!["Vragenlijst", "Aantal"];
        head.extend(
            r.wave_trend[0]
                .dimensions
                .iter()
                .map(|d| dimension_name(d.dimension)),
        );
        blocks.push(table(
            "Positief per onderwerp, per vragenlijst (de oudste eerst); een verschil staat er alleen als het niet door toeval komt",
            &head,
            r.wave_trend
                .iter()
                .map(|w| {
                    let mut row = vec![
                        TableCell::text(format!("{} (tot {})", w.wave, date_text(w.closed))),
                        TableCell::text(w.answered.to_string()),
                    ];
                    row.extend(w.dimensions.iter().map(|d| marked(&d.positive, d.change)));
                    row
                })
                .collect(),
        ));
    } else {
        blocks.push(para(
            "Er is nog geen eerdere vragenlijst om mee te vergelijken.",
        ));
    }
    blocks.push(Block::Chart(Chart {
        id: "kwartalen".into(),
        title: "Binnengekomen klachten per kwartaal".into(),
        rows: r
            .quarter_trend
            .iter()
            .map(|q| (q.quarter.clone(), q.received.value))
            .collect(),
        max: r
            .quarter_trend
            .iter()
            .filter_map(|q| q.received.value)
            .fold(1.0, f64::max),
        unit: String::new(),
    }));
    let quarter_changes: Vec<String> = r
        .quarter_trend
        .iter()
        .filter_map(|q| {
            q.change.map(|c| {
                format!(
                    "Op tijd beslist in {}: {} procentpunt {} dan het kwartaal ervoor.",
                    q.quarter,
                    numbers::fixed(c.abs(), 0),
                    if c > 0.0 { "hoger" } else { "lager" }
                )
            })
        })
        .collect();
    if !quarter_changes.is_empty() {
        blocks.push(Block::List(quarter_changes));
    }
    blocks.push(table(
        "Klachten per kwartaal",
        &["Kwartaal", "Binnengekomen", "Op tijd beslist"],
        r.quarter_trend
            .iter()
            .map(|q| {
                vec![
                    TableCell::text(&q.quarter),
                    TableCell::count(&q.received),
                    marked(&q.in_time, q.change),
                ]
            })
            .collect(),
    ));
    Section {
        id: "ontwikkeling",
        title: "Ontwikkeling door de tijd".into(),
        blocks,
    }
}
