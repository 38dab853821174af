//! The document of a report: the lead, the sections in reading order, and the method section.

use super::*;
use crate::fmt::date_text;
use crate::monitor::numbers;
use crate::monitor::report::Report;

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
pub(super) fn waiting_text(w: &crate::monitor::report::WaveWaiting) -> String {
    format!(
        "De vragenlijst {} loopt nog tot en met {}. De cijfers komen in de rapportage na de sluiting: zolang mensen nog antwoorden, zou elk nieuw antwoord de cijfers veranderen, en dan is uit twee versies af te leiden wat iemand antwoordde.",
        w.wave,
        date_text(w.closes_on)
    )
}

/// The survey sections of a running wave, for the researcher's live view (never in the report).
pub fn live_sections(s: &crate::monitor::report::SurveyPart) -> Vec<Section> {
    let mut out = vec![];
    survey_sections(None, s, &mut out);
    out
}

pub(super) fn method_section(r: &Report) -> Section {
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
            "Een klacht telt mee in het kwartaal waarin hij binnenkwam. Is hij pas later ingeschreven, bijvoorbeeld een brief die ergens bleef liggen? Dan telt hij mee in het kwartaal van de inschrijving.".into(),
            "Termijnen tellen zoals de lijst met termijnen bij de klachten. Een klacht die nog open is, telt mee als de termijn voorbij is op de dag van de rapportage.".into(),
            format!("Een verschil met de vorige keer staat er alleen als de kans dat het door toeval komt kleiner is dan 5%. Een verschil tussen groepen staat er alleen als het ook minstens {} procentpunt is: kleinere verschillen veranderen weinig.", numbers::fixed(crate::monitor::indicators::GROUP_MIN_POINTS, 0)),
            "Afronden: een half gaat naar boven, dus 6,25 wordt 6,3 en 72,5% wordt 73%.".into(),
            crate::monitor::coding::method_text(),
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
                crate::monitor::labels::GLOSSARY
                    .iter()
                    .map(|(w, m)| vec![TableCell::text(*w), TableCell::text(*m)])
                    .collect(),
            ),
        ],
    }
}
