//! The survey sections (response, dimensions, questions, grade, groups, norms, quotes) and the
//! themes section.

use super::*;
use crate::monitor::numbers;
use crate::monitor::report::Report;
use crate::surveys::definition::Dimension;

pub(super) fn survey_sections(
    waiting: Option<&crate::monitor::report::WaveWaiting>,
    s: &crate::monitor::report::SurveyPart,
    out: &mut Vec<Section>,
) {
    let mut response = format!(
        "Vragenlijst {}: {} ingevulde vragenlijsten van {} uitgenodigde mensen.",
        s.wave, s.answered, s.invited
    );
    match s.response_rate {
        Some(rr) => response.push_str(&format!(" De respons is {}.", numbers::pct(rr))),
        None => response += " De respons is niet bekend: er zijn geen uitnodigingen vastgelegd.",
    }
    if s.population > 0 {
        response.push_str(&format!(
            " De doelgroep is {} mensen: alle mensen over wie de vragenlijst gaat.",
            s.population
        ));
    }
    if let Some(m) = s.margin {
        response.push_str(&format!(
            " Met {} antwoorden uit een doelgroep van {} is de foutmarge {} procentpunt (95% zekerheid).",
            s.answered,
            s.population,
            comma(m, 1)
        ));
    }
    if let Some(p) = &s.previous_wave {
        response.push_str(&format!(" Vergeleken wordt met de vragenlijst {p}."));
    }
    let mut blocks = vec![para(response)];
    if let Some(w) = waiting {
        blocks.push(para(waiting_text(w)));
    }
    out.push(Section {
        id: "respons",
        title: "Respons en foutmarge".into(),
        blocks,
    });
    out.push(Section {
        id: "dimensies",
        title: "De vier onderwerpen".into(),
        blocks: vec![
            Block::Chart(Chart {
                id: "dimensies".into(),
                title: "Deel van de mensen dat positief is, per onderwerp".into(),
                rows: s
                    .dimensions
                    .iter()
                    .map(|d| (dimension_name(d.dimension).to_string(), d.positive.value))
                    .collect(),
                max: 100.0,
                unit: "%".into(),
            }),
            table(
                "Positief per onderwerp: het gemiddelde van de vragen, elke vraag telt even zwaar",
                &[
                    "Onderwerp",
                    "Positief",
                    "Aantal (n)",
                    "Minste antwoorden op één vraag",
                    "Verschil met vorige keer",
                ],
                s.dimensions
                    .iter()
                    .map(|d| {
                        vec![
                            TableCell::text(dimension_name(d.dimension)),
                            TableCell::percent(&d.positive),
                            TableCell::count(&d.positive),
                            TableCell::text(match (d.positive.value, d.nmin) {
                                (Some(_), Some(n)) => n.to_string(),
                                _ => "–".into(),
                            }),
                            TableCell::text(change_text(d.change, s.previous_wave.is_some())),
                        ]
                    })
                    .collect(),
            ),
        ],
    });
    out.push(Section {
        id: "vragen",
        title: "Per vraag".into(),
        blocks: vec![table(
            "Antwoorden per vraag; weet niet telt niet mee in de percentages",
            &[
                "Vraag",
                "Aantal (n)",
                "Positief",
                "Neutraal",
                "Negatief",
                "Weet niet",
                "Verschil met vorige keer",
            ],
            s.items
                .iter()
                .map(|i| {
                    vec![
                        TableCell::text(&i.text),
                        TableCell::count(&i.positive),
                        TableCell::percent(&i.positive).with_note(
                            i.interval
                                .filter(|_| i.positive.value.is_some())
                                .map(|(lo, hi)| {
                                    format!("marge {}–{}", numbers::fixed(lo, 0), numbers::pct(hi))
                                }),
                        ),
                        TableCell::percent(&i.neutral),
                        TableCell::percent(&i.negative),
                        TableCell::percent(&i.dont_know),
                        TableCell::text(change_text(i.change, s.previous_wave.is_some())),
                    ]
                })
                .collect(),
        )],
    });
    let mut quotes = vec![];
    if s.quotes.is_empty() {
        quotes.push(para(
            "Er zijn (nog) geen citaten goedgekeurd voor deze rapportage.",
        ));
    } else {
        quotes.push(para("Letterlijke antwoorden op de open vragen, zonder namen of andere gegevens die naar iemand wijzen. Een onderzoeker heeft elk citaat gecontroleerd."));
        quotes.extend(s.quotes.iter().map(|(_, q)| Block::Quote(q.clone())));
    }
    out.push(Section {
        id: "citaten",
        title: "Wat mensen zeggen".into(),
        blocks: quotes,
    });
    out.push(Section {
        id: "normen",
        title: "Normenkader".into(),
        blocks: vec![table(
            "Normen van de gemeente en of ze gehaald zijn",
            &["Norm", "Positief", "Voldaan vanaf", "Oordeel"],
            s.norms
                .iter()
                .map(|n| {
                    vec![
                        TableCell::text(&n.name),
                        TableCell::percent(&n.positive),
                        TableCell::text(format!(
                            "{} (gedeeltelijk {})",
                            numbers::pct(n.thresholds.0),
                            numbers::pct(n.thresholds.1)
                        )),
                        TableCell::text(n.verdict.text()),
                    ]
                })
                .collect(),
        )],
    });
    out.push(Section {
        id: "cijfer",
        title: "Rapportcijfer".into(),
        blocks: vec![para(format!(
            "Gemiddeld cijfer: {}. Een 8 of hoger: {}. Een onvoldoende (lager dan 6): {}.",
            s.grade_mean.value.map_or("–".into(), |m| comma(m, 1)),
            pct_text(&s.grade_eight_or_more),
            pct_text(&s.grade_below_six)
        ))],
    });
    let diffs = crate::monitor::report::group_sentences(s);
    let mut groups = vec![if diffs.is_empty() {
        para("Tussen groepen zijn geen verschillen die groot en zeker genoeg zijn om te noemen.")
    } else {
        Block::List(diffs)
    }];
    groups.push(table(
        "Positief over de bejegening per groep",
        &["Vraag of indeling", "Groep", "Aantal (n)", "Positief"],
        s.subgroups
            .iter()
            .filter(|g| g.dimension == Dimension::Bejegening)
            .map(|g| {
                vec![
                    TableCell::text(&g.split_label),
                    TableCell::text(&g.value_label),
                    TableCell::count(&g.positive),
                    TableCell::percent(&g.positive),
                ]
            })
            .collect(),
    ));
    out.push(Section {
        id: "groepen",
        title: "Groepen".into(),
        blocks: groups,
    });
}

pub(super) fn themes_section(r: &Report) -> Section {
    let mut blocks = vec![];
    if r.themes.is_empty() {
        blocks.push(para(
            "In deze periode zijn nog geen open antwoorden of klachten gecodeerd.",
        ));
    } else {
        let complaints = r
            .coded_complaints
            .as_ref()
            .map_or("–".to_string(), count_text);
        blocks.push(para(format!(
            "Een onderzoeker las {} verschillende open antwoorden en {} omschrijvingen van klachten, en gaf elke tekst de thema's die erin voorkomen. Een tekst kan meer thema's hebben. Zo vaak kwam elk thema voor:",
            r.coded_texts, complaints
        )));
        blocks.push(Block::Chart(Chart {
            id: "themas".into(),
            title: "Hoe vaak een thema voorkwam".into(),
            rows: r
                .themes
                .iter()
                .map(|t| (t.name.clone(), t.count.value))
                .collect(),
            max: r
                .themes
                .iter()
                .filter_map(|t| t.count.value)
                .fold(1.0, f64::max),
            unit: String::new(),
        }));
        blocks.push(table(
            "Thema's in open antwoorden en klachten, met de periode ervoor",
            &[
                "Thema",
                "Open antwoorden",
                "Klachten",
                "Samen",
                "Vorige periode",
            ],
            r.themes
                .iter()
                .map(|t| {
                    vec![
                        TableCell::text(&t.name),
                        TableCell::count(&t.survey),
                        TableCell::count(&t.complaints),
                        TableCell::count(&t.count),
                        TableCell::count(&t.previous),
                    ]
                })
                .collect(),
        ));
    }
    Section {
        id: "themas",
        title: "Thema's".into(),
        blocks,
    }
}
