//! The complaints sections: the complaints, the follow-up of earlier findings, and the register.

use super::*;
use crate::fmt::date_text;
use crate::monitor::numbers;
use crate::monitor::report::{Cell, Report};

pub(super) fn complaints_section(r: &Report) -> Section {
    let Some(c) = &r.complaints else {
        let next = r.period.to + chrono::Duration::days(1);
        let first_quarter_end =
            chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&r.period.from), 4, 1)
                .unwrap_or(next);
        return Section {
            id: "klachten",
            title: "Klachten".into(),
            blocks: vec![para(format!(
                "De cijfers over klachten komen na afloop van het kwartaal, vanaf {}. Zo verandert een nieuwe klacht nooit een cijfer dat al te lezen was.",
                date_text(if r.period.year { first_quarter_end } else { next })
            ))],
        };
    };
    let mut blocks = vec![];
    if c.to < r.period.to {
        blocks.push(para(format!(
            "Klachten die binnenkwamen van {} tot en met {}: de kwartalen die voorbij zijn. De rest van het jaar volgt na afloop van elk kwartaal.",
            date_text(c.from),
            date_text(c.to)
        )));
    }
    blocks.extend([
        Block::Chart(Chart {
            id: "trechter".into(),
            title: "Wat er met de klachten gebeurde".into(),
            rows: c
                .funnel
                .iter()
                .map(|(k, cell)| (k.name().to_string(), cell.value))
                .collect(),
            max: c
                .funnel
                .first()
                .and_then(|(_, x)| x.value)
                .unwrap_or(1.0)
                .max(1.0),
            unit: String::new(),
        }),
        table(
            "Van binnenkomst tot opvolging",
            &["Stap", "Aantal"],
            c.funnel
                .iter()
                .map(|(k, cell)| vec![TableCell::text(k.name()), TableCell::count(cell)])
                .collect(),
        ),
    ]);
    blocks.push(para(format!(
        "{} Dit telt zoals de lijst met termijnen bij de klachten, op {}.",
        crate::monitor::report::deadline_sentence(c),
        date_text(r.made_on)
    )));
    blocks.push(table(
        "Termijnen: klachten met een besluit of een verlopen termijn",
        &["Termijn", "Aantal", "Deel"],
        vec![
            vec![
                TableCell::text("Op tijd beslist"),
                TableCell::value(&c.in_time_count),
                TableCell::percent(&c.in_time),
            ],
            vec![
                TableCell::text("Te laat beslist"),
                TableCell::value(&c.late_count),
                TableCell::percent(&c.late),
            ],
            vec![
                TableCell::text("Nog open na de termijn"),
                TableCell::value(&c.overdue_count),
                TableCell::percent(&c.overdue),
            ],
            vec![
                TableCell::text("Samen"),
                TableCell::count(&c.due),
                TableCell::text(if c.due.n.is_some_and(|n| n > 0) {
                    "100%"
                } else {
                    "–"
                }),
            ],
        ],
    ));
    let mut deadlines = format!("Uitgesteld: {}.", count_text(&c.postponed));
    deadlines.push_str(&match c.founded.value {
        Some(v) => format!(
            " Van de klachten met een oordeel was {} (deels) gegrond.",
            numbers::pct(v)
        ),
        None => {
            " Hoeveel klachten gegrond waren, staat er niet, zodat niemand te herkennen is.".into()
        }
    });
    if let (Some(m), Some(p90)) = (c.median_days, c.p90_days) {
        deadlines.push_str(&format!(
            " Tijd tot het besluit: de helft binnen {} dagen, 9 op de 10 binnen {p90} dagen.",
            numbers::fixed(m, 0)
        ));
    }
    blocks.push(para(deadlines));
    blocks.push(para(format!(
        "Via raadsleden en wethouders doorgegeven: {}; zij hoorden wat ermee gebeurde: {}.",
        count_text(&c.council.0),
        count_text(&c.council.1)
    )));
    let counts = |caption: &str, what: &str, list: &[(String, Cell)]| {
        table(
            caption,
            &[what, "Aantal"],
            list.iter()
                .map(|(k, cell)| vec![TableCell::text(k), TableCell::count(cell)])
                .collect(),
        )
    };
    let channels: Vec<(String, Cell)> = c
        .by_channel
        .iter()
        .map(|(code, cell)| (crate::monitor::labels::channel_name(code), cell.clone()))
        .collect();
    blocks.push(counts("Klachten per kanaal", "Kanaal", &channels));
    if !c.by_category.is_empty() {
        blocks.push(counts(
            "Klachten per onderwerp",
            "Onderwerp",
            &c.by_category,
        ));
    }
    if !c.by_norm.is_empty() {
        blocks.push(counts(
            "Klachten per behoorlijkheidsnorm",
            "Norm",
            &c.by_norm,
        ));
    }
    if !c.by_team.is_empty() {
        blocks.push(counts("Klachten per team", "Team", &c.by_team));
    }
    Section {
        id: "klachten",
        title: "Klachten".into(),
        blocks,
    }
}

pub(super) fn followup_section(r: &Report) -> Section {
    let f = &r.followups;
    let mut blocks = vec![para(crate::monitor::report::followup_sentence(f))];
    if f.agreed > 0 {
        blocks.push(table(
            "Acties na een oordeel over een klacht",
            &["", "Aantal"],
            vec![
                vec![
                    TableCell::text("Afgesproken"),
                    TableCell::text(f.agreed.to_string()),
                ],
                vec![
                    TableCell::text("Klaar"),
                    TableCell::text(f.done.to_string()),
                ],
                vec![
                    TableCell::text("Te laat (later klaar dan afgesproken, of nog niet klaar)"),
                    TableCell {
                        text: f.late.to_string(),
                        mark: if f.late > 0 { Mark::Late } else { Mark::Plain },
                        note: None,
                    },
                ],
            ],
        ));
    }
    blocks.push(para(
        "Wat er is afgesproken en wie het doet, staat bij de klacht zelf. De klachtcoördinator houdt dat bij. In deze rapportage staan alleen de aantallen: een lijst per actie zou laten zien over welke klacht het gaat.",
    ));
    Section {
        id: "opvolging",
        title: "Wat is er gedaan met klachten".into(),
        blocks,
    }
}

pub(super) fn register_section(r: &Report) -> Section {
    let intro = format!(
        "De schriftelijke klachten van {} (artikel 9:12a Algemene wet bestuursrecht) in aantallen per uitkomst. Het volledige register, een regel per klacht, houdt de klachtcoördinator bij. In deze rapportage staat het niet per klacht: dan zouden kleine aantallen die elders verborgen zijn, toch te tellen zijn.",
        r.period.label
    );
    let blocks = match &r.register {
        Some(reg) => {
            let mut rows = vec![vec![
                TableCell::text("Schriftelijke klachten"),
                TableCell::count(&reg.written),
            ]];
            rows.extend(reg.outcomes.iter().map(|(code, cell)| {
                vec![TableCell::text(outcome_name(*code)), TableCell::count(cell)]
            }));
            vec![
                para(intro),
                table(
                    "Klachtenregister in aantallen",
                    &["Uitkomst", "Aantal"],
                    rows,
                ),
            ]
        }
        None => vec![
            para(intro),
            para("De aantallen komen na afloop van het eerste kwartaal."),
        ],
    };
    Section {
        id: "register",
        title: format!("Bijlage: klachtenregister {}", r.period.label),
        blocks,
    }
}
