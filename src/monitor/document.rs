//! The council report as a document: sections of headings, paragraphs, lists, tables, charts and
//! quotes, built once from the figures. The web page, the standalone HTML file and the PDF are all
//! drawn from this one document, so they always carry the same sections and the same figures.

use super::numbers;
use super::report::{Cell, Report};
use crate::surveys::respondent::date_text;

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

fn para(text: impl Into<String>) -> Block {
    Block::Paragraph {
        strong: None,
        text: text.into(),
    }
}

fn table(caption: &str, head: &[&str], rows: Vec<Vec<TableCell>>) -> Block {
    Block::Table {
        caption: caption.into(),
        head: head.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

fn comma(v: f64, decimals: usize) -> String {
    numbers::nl(v, decimals)
}

fn pct_text(c: &Cell) -> String {
    TableCell::percent(c).plain()
}

fn count_text(c: &Cell) -> String {
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

/// The plain name of a stage of the complaint funnel.
pub fn funnel_name(code: &str) -> &'static str {
    match code {
        "ontvangen" => "Binnengekomen",
        "bemiddeld" => "Bemiddelingsgesprek",
        "informeel_opgelost" => "Opgelost in het gesprek",
        "ingetrokken" => "Ingetrokken",
        "gehoord" => "Hoorzitting gehouden",
        "besloten" => "Oordeel gegeven",
        "opgevolgd" => "Met acties opgevolgd",
        "ombudsman" => "Naar de ombudsman",
        _ => "Overig",
    }
}

/// A change against the last time in words: only a significant one has a number.
fn change_text(change: Option<f64>, has_previous: bool) -> String {
    match change {
        Some(c) if c > 0.0 => format!("{} procentpunt hoger", numbers::fixed(c, 0)),
        Some(c) => format!("{} procentpunt lager", numbers::fixed(-c, 0)),
        None if has_previous => "geen duidelijk verschil".into(),
        None => "geen eerdere meting".into(),
    }
}

/// Builds the document of a report.
pub fn build(r: &Report) -> Document {
    let lead = Block::Paragraph {
        strong: r.provisional.then(|| "Voorlopig:".to_string()),
        text: format!(
            "{}Periode {} ({} tot en met {}).",
            if r.provisional {
                "de periode is nog niet voorbij. "
            } else {
                "Definitief. "
            },
            r.period.label,
            date_text(r.period.from),
            date_text(r.period.to)
        ),
    };
    let mut sections = vec![Section {
        id: "samenvatting",
        title: "Samenvatting".into(),
        blocks: vec![Block::List(r.summary.clone())],
    }];
    match &r.survey {
        Some(s) => survey_sections(r.survey_waiting.as_ref(), s, &mut sections),
        None => sections.push(Section {
            id: "respons",
            title: "Vragenlijst".into(),
            blocks: vec![para(match &r.survey_waiting {
                Some(w) => waiting_text(w),
                None => "In deze periode liep geen vragenlijst.".to_string(),
            })],
        }),
    }
    sections.push(themes_section(r));
    sections.push(complaints_section(r));
    sections.push(trend_section(r));
    sections.push(followup_section(r));
    if r.period.year {
        sections.push(register_section(r));
    }
    sections.push(method_section(r));
    Document { lead, sections }
}

/// Why a running wave has no figures yet.
fn waiting_text(w: &super::report::WaveWaiting) -> String {
    format!(
        "De vragenlijst {} loopt nog tot en met {}. De cijfers komen in de rapportage na de sluiting: zolang mensen nog antwoorden, zou elk nieuw antwoord de cijfers veranderen, en dan is uit twee versies af te leiden wat iemand antwoordde.",
        w.wave,
        date_text(w.closes_on)
    )
}

/// The survey sections of a running wave, for the researcher's live view (never in the report).
pub fn live_sections(s: &super::report::SurveyPart) -> Vec<Section> {
    let mut out = vec![];
    survey_sections(None, s, &mut out);
    out
}

fn survey_sections(
    waiting: Option<&super::report::WaveWaiting>,
    s: &super::report::SurveyPart,
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
                    .map(|d| (dimension_name(&d.dimension).to_string(), d.positive.value))
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
                            TableCell::text(dimension_name(&d.dimension)),
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
    let diffs = super::report::group_sentences(s);
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
            .filter(|g| g.dimension == "bejegening")
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

fn themes_section(r: &Report) -> Section {
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

fn complaints_section(r: &Report) -> Section {
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
                .map(|(k, cell)| (funnel_name(k).to_string(), cell.value))
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
                .map(|(k, cell)| vec![TableCell::text(funnel_name(k)), TableCell::count(cell)])
                .collect(),
        ),
    ]);
    blocks.push(para(format!(
        "{} Dit telt zoals de lijst met termijnen bij de klachten, op {}.",
        super::report::deadline_sentence(c),
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
        .map(|(code, cell)| (super::labels::channel_name(code), cell.clone()))
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

fn trend_section(r: &Report) -> Section {
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
                            format!("{}, {}", dimension_name(&d.dimension), w.wave),
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
                            dimension_name(&d.dimension),
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
                .map(|d| dimension_name(&d.dimension)),
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

fn followup_section(r: &Report) -> Section {
    let blocks = if r.followups.is_empty() {
        vec![para(
            "Er zijn in deze periode geen acties vastgelegd na een oordeel over een klacht.",
        )]
    } else {
        vec![table(
            "Acties na een oordeel over een klacht",
            &["Actie", "Wie", "Klaar voor", "Klaar op"],
            r.followups
                .iter()
                .map(|f| {
                    vec![
                        TableCell::text(&f.action),
                        TableCell::text(&f.owner),
                        TableCell::text(date_text(f.due)),
                        match (f.done, f.late) {
                            (Some(d), false) => TableCell::text(date_text(d)),
                            (Some(d), true) => {
                                TableCell::text(format!("{} (te laat)", date_text(d)))
                            }
                            (None, false) => {
                                TableCell::text("Nog niet, de datum is nog niet voorbij")
                            }
                            (None, true) => TableCell {
                                text: "Te laat: nog niet klaar".into(),
                                mark: Mark::Late,
                                note: None,
                            },
                        },
                    ]
                })
                .collect(),
        )]
    };
    Section {
        id: "opvolging",
        title: "Wat is er gedaan met klachten".into(),
        blocks,
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

fn register_section(r: &Report) -> Section {
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
                vec![TableCell::text(outcome_name(code)), TableCell::count(cell)]
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

fn method_section(r: &Report) -> Section {
    let agreement = r.coding_agreement.map(|a| {
        format!(
            "Het programma stelt thema's voor. In alle {} gecodeerde teksten tot nu toe klopte {} van die voorstellen. Van de thema's die de onderzoeker koos, had het programma {} voorgesteld.",
            a.texts,
            numbers::pct(100.0 * a.precision),
            numbers::pct(100.0 * a.recall)
        )
    });
    let mut points = vec![
            "Percentages gaan over wie een mening gaf; \u{201c}weet niet\u{201d} telt niet mee, het aandeel staat er apart bij.".into(),
            "Positief is een 4 of 5 op een schaal van 5 (eens, tevreden). Onder het percentage staat de marge: daartussen ligt het echte percentage, met 95% zekerheid.".into(),
            "Een onderwerp is het gemiddelde van de percentages positief van zijn vragen; elke vraag telt even zwaar. Het aantal (n) is het aantal mensen dat de meest beantwoorde vraag invulde.".into(),
            "De respons is het deel van de uitgenodigde mensen dat de vragenlijst invulde. De foutmarge rekent met de hele doelgroep: hoe groter het deel van de doelgroep dat antwoordde, hoe kleiner de foutmarge.".into(),
            format!("Een cijfer dat op minder dan {k} mensen of klachten rust, staat er niet (–). Soms is zo'n cijfer uit andere cijfers te berekenen, bijvoorbeeld een totaal min de rest of het jaar min de kwartalen. Dan is ook een tweede cijfer weggelaten. Cijfers op minder dan 50 mensen of klachten zijn indicatief (*).", k = r.k),
            "Alleen wat af is, staat erin: een vragenlijst na de sluiting, klachten per kwartaal dat voorbij is. Zo verandert één nieuw antwoord of één nieuwe klacht geen cijfer dat al te lezen was.".into(),
            "Termijnen tellen zoals de lijst met termijnen bij de klachten. Een klacht die nog open is, telt mee als de termijn voorbij is op de dag van de rapportage.".into(),
            format!("Een verschil met de vorige keer staat er alleen als de kans dat het door toeval komt kleiner is dan 5%. Een verschil tussen groepen staat er alleen als het ook minstens {} procentpunt is: kleinere verschillen veranderen weinig.", numbers::fixed(super::indicators::GROUP_MIN_POINTS, 0)),
            "Afronden: een half gaat naar boven, dus 6,25 wordt 6,3 en 72,5% wordt 73%.".into(),
            super::coding::method_text(),
        ];
    points.extend(agreement);
    points.push(format!("Bronnen: de vragenlijst (op internet, op papier, aan de telefoon, met hulp) en de registratie van klachten. Gemaakt op {}.", date_text(r.made_on)));
    Section {
        id: "methode",
        title: "Methode en begrippen".into(),
        blocks: vec![
            Block::List(points),
            table(
                "Begrippen",
                &["Woord", "Betekenis"],
                super::labels::GLOSSARY
                    .iter()
                    .map(|(w, m)| vec![TableCell::text(*w), TableCell::text(*m)])
                    .collect(),
            ),
        ],
    }
}
