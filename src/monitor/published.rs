//! The one list of published figures of a council report. The open data CSV, the `cijfers` of the
//! open data JSON and the open data codebook all come from here: every figure the page shows is
//! in the list once, with the same value (rounded by [`super::numbers`]), the same n and the same
//! decision of the disclosure check; a hidden figure is in it with an empty value and n.

use serde::Serialize;

use super::numbers;
use super::report::{Cell, Report};
use crate::surveys::definition::Dimension;

/// One published figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Published {
    /// The part of the report (`onderdeel`).
    pub onderdeel: &'static str,
    /// Which figure (`cijfer`, see [`FIGURES`]).
    pub cijfer: &'static str,
    /// For whom or what (a code; empty: everyone).
    pub groep: String,
    /// The group in words.
    pub groep_naam: String,
    /// The value, rounded to one decimal (half away from zero); `None` when hidden.
    pub waarde: Option<f64>,
    /// The people or complaints it rests on; `None` when hidden.
    pub n: Option<u64>,
    /// `ja`, `indicatief` or `verborgen`.
    pub getoond: &'static str,
}

/// The columns of the open data CSV and what they mean.
pub const COLUMNS: &[(&str, &str)] = &[
    ("periode", "De periode van de rapportage: een kwartaal (2026-Q3) of een jaar (2026)."),
    ("onderdeel", "Waar het cijfer over gaat: vragenlijst, normenkader, thema's, klachten, register, opvolging, ontwikkeling of methode."),
    ("cijfer", "Welk cijfer (zie de lijst hieronder)."),
    ("groep", "Voor wie of waarvoor het cijfer geldt, als code: een vraag, een onderwerp, een groep (indeling=waarde), een thema, een kanaal, een kwartaal of een norm. Leeg: iedereen."),
    ("waarde", "Het cijfer: een percentage (0 tot 100), een aantal of een gemiddelde, met één decimaal (een half naar boven afgerond: 6,25 wordt 6,3). Leeg als het verborgen is."),
    ("n", "Het aantal mensen (of klachten) waarop het cijfer rust. Leeg als het verborgen is."),
    ("getoond", "ja; indicatief (minder dan 50 mensen of klachten, voorzichtig lezen); of verborgen (minder dan het minimum aantal mensen, of verborgen zodat een ander verborgen cijfer niet uit andere cijfers te berekenen is, ook niet uit die van een ander kwartaal of jaar). Klachten staan er per kwartaal dat voorbij is, een vragenlijst pas na de sluiting."),
    ("groep_naam", "De groep in woorden, zoals de rapportage hem noemt."),
];

/// Every figure of the open data: the values of the `cijfer` column and what they mean. Each
/// figure's definition is here once; the code that computes it follows it.
pub const FIGURES: &[(&str, &str)] = &[
    ("uitgenodigd", "Aantal mensen dat een uitnodiging kreeg voor de vragenlijst."),
    ("ingevuld", "Aantal ingevulde vragenlijsten die meetellen."),
    ("doelgroep", "Aantal mensen in de doelgroep (N): alle mensen over wie de vragenlijst gaat."),
    ("respons", "Ingevulde vragenlijsten als percentage van de mensen met een uitnodiging; n = het aantal uitgenodigden."),
    ("foutmarge", "Foutmarge in procentpunten (95% zekerheid, bij 50%), met de correctie voor de grootte van de doelgroep; n = het aantal ingevulde vragenlijsten."),
    ("positief_onderwerp", "Deel dat positief is (4 of 5 op een schaal van 5) over een onderwerp: het gemiddelde van de percentages positief van de vragen ervan, elke vraag even zwaar; groep = het onderwerp; n = het aantal mensen dat de meest beantwoorde vraag invulde. Verborgen als één vraag op minder dan het minimum rust."),
    ("kleinste_n_onderwerp", "Het kleinste aantal antwoorden op één vraag van een onderwerp."),
    ("verschil_onderwerp", "Verschil in procentpunten met de vorige vragenlijst per onderwerp; alleen als de kans op toeval kleiner is dan 5%."),
    ("positief", "Deel dat positief is (4 of 5) op een vraag; groep = de vraag. Weet niet telt niet mee."),
    ("neutraal", "Deel dat neutraal is (3) op een vraag."),
    ("negatief", "Deel dat negatief is (1 of 2) op een vraag."),
    ("weet_niet", "Deel dat weet niet antwoordde op een vraag, van iedereen die de vraag beantwoordde."),
    ("marge_laag", "Ondergrens van de marge (95%) van het deel positief op een vraag."),
    ("marge_hoog", "Bovengrens van de marge (95%) van het deel positief op een vraag."),
    ("verschil_vorige", "Verschil in procentpunten met de vorige vragenlijst op een vraag; alleen als de kans op toeval kleiner is dan 5%."),
    ("cijfer_gemiddeld", "Gemiddeld rapportcijfer (1 tot 10)."),
    ("cijfer_8_of_hoger", "Deel dat een 8 of hoger gaf."),
    ("cijfer_onder_6", "Deel dat lager dan een 6 gaf."),
    ("positief_bereikbaarheid", "Deel dat positief is over de bereikbaarheid in een groep (gemiddelde van de vragen); groep = indeling=waarde (kanaal, taal of een achtergrondvraag); n = het aantal mensen in de groep dat de meest beantwoorde vraag invulde."),
    ("positief_bejegening", "Deel dat positief is over de bejegening in een groep."),
    ("positief_dienstverlening", "Deel dat positief is over de dienstverlening in een groep."),
    ("positief_effectiviteit", "Deel dat positief is over de effectiviteit van de ondersteuning in een groep."),
    ("norm_voldaan", "Deel dat positief is op de vragen van een norm (gemiddelde van de vragen); de norm is voldaan. groep = de norm."),
    ("norm_gedeeltelijk_voldaan", "Idem; de norm is gedeeltelijk voldaan."),
    ("norm_niet_voldaan", "Idem; de norm is niet voldaan."),
    ("norm_onbekend", "Idem; te weinig antwoorden om de norm te beoordelen."),
    ("thema_antwoorden", "Aantal mensen met een open antwoord met dit thema; groep = het thema."),
    ("thema_klachten", "Aantal klachten met dit thema."),
    ("thema_samen", "Open antwoorden en klachten met dit thema samen."),
    ("thema_vorige_periode", "Open antwoorden en klachten met dit thema in de periode ervoor."),
    ("gecodeerde_antwoorden", "Aantal verschillende open antwoorden dat een onderzoeker las en codeerde."),
    ("gecodeerde_klachten", "Aantal omschrijvingen van klachten dat een onderzoeker las en codeerde."),
    ("trechter", "Aantal klachten per stap, van binnenkomst tot ombudsman; groep = de stap."),
    ("kanaal", "Aantal klachten per kanaal; groep = het kanaal."),
    ("onderwerp", "Aantal klachten per onderwerp (een klacht kan meer onderwerpen hebben)."),
    ("norm", "Aantal klachten per behoorlijkheidsnorm (een klacht kan over meer normen gaan)."),
    ("team", "Aantal klachten per team."),
    ("termijn_samen", "Aantal klachten met een besluit of met een verlopen termijn op de dag van de rapportage: de basis van de drie cijfers hierna."),
    ("binnen_termijn", "Deel daarvan dat binnen de wettelijke termijn een besluit kreeg."),
    ("te_laat", "Deel daarvan dat na de wettelijke termijn een besluit kreeg."),
    ("open_na_termijn", "Deel daarvan dat nog open is terwijl de wettelijke termijn voorbij is (zoals de lijst met termijnen bij de klachten)."),
    ("aantal_binnen_termijn", "Hetzelfde als binnen_termijn, als aantal klachten; n = termijn_samen."),
    ("aantal_te_laat", "Hetzelfde als te_laat, als aantal klachten."),
    ("aantal_open_na_termijn", "Hetzelfde als open_na_termijn, als aantal klachten."),
    ("gegrond", "Deel van de klachten met een oordeel dat (deels) gegrond was."),
    ("uitgesteld", "Aantal klachten waarvan het besluit is uitgesteld."),
    ("dagen_mediaan", "Dagen van binnenkomst tot besluit: de helft van de klachten kreeg binnen zoveel dagen een besluit."),
    ("dagen_9_van_10", "Dagen van binnenkomst tot besluit: 9 van de 10 klachten kregen binnen zoveel dagen een besluit."),
    ("via_raadsleden", "Aantal klachten dat raadsleden of wethouders doorgaven."),
    ("raadsleden_gehoord", "Daarvan: aantal waarover zij hoorden wat ermee gebeurde."),
    ("register_schriftelijk", "Aantal schriftelijke klachten in het klachtenregister (artikel 9:12a Awb), alleen in de jaarrapportage."),
    ("register_uitkomst", "Aantal schriftelijke klachten per uitkomst in het register; groep = de uitkomst (gegrond, deels_gegrond, ongegrond, geen_oordeel, informeel_opgelost, ingetrokken, niet_in_behandeling, doorverwezen, gesloten, lopend)."),
    ("acties", "Aantal acties na een oordeel over een klacht uit de periode."),
    ("acties_klaar", "Daarvan: aantal dat klaar is."),
    ("acties_te_laat", "Daarvan: aantal dat te laat is (later klaar dan afgesproken, of nog niet klaar terwijl de datum voorbij is)."),
    ("vragenlijst_positief", "Deel dat positief is over een onderwerp in een eerdere of deze vragenlijst; groep = vragenlijst: onderwerp."),
    ("vragenlijst_verschil", "Verschil in procentpunten met de vragenlijst ervoor, per onderwerp; alleen als de kans op toeval kleiner is dan 5%."),
    ("kwartaal_binnengekomen", "Aantal binnengekomen klachten in een kwartaal; groep = het kwartaal."),
    ("kwartaal_binnen_termijn", "Deel van de klachten met een besluit of een verlopen termijn in een kwartaal dat binnen de wettelijke termijn een besluit kreeg."),
    ("kwartaal_verschil", "Verschil in procentpunten van kwartaal_binnen_termijn met het kwartaal ervoor; alleen als de kans op toeval kleiner is dan 5%."),
    ("voorstellen_juist", "Deel van de thema's die het programma voorstelde dat de onderzoeker overnam (alle gecodeerde teksten); n = aantal teksten."),
    ("voorstellen_gevonden", "Deel van de thema's van de onderzoeker dat het programma had voorgesteld."),
];

/// A figure that is not a count of a group (a plain number the report states).
fn plain(v: f64, n: u64) -> Cell {
    Cell {
        value: Some(v),
        n: Some(n),
        shown: if n < super::disclosure::INDICATIVE_BELOW {
            "indicatief"
        } else {
            "ja"
        },
    }
}

/// A figure that rides on a published cell: shown with it, hidden with it.
fn with(base: &Cell, v: Option<f64>) -> Option<Cell> {
    v.map(|v| Cell {
        value: base.value.map(|_| v),
        n: base.n,
        shown: base.shown,
    })
}

/// Every published figure of a report, in the order of the page.
pub fn figures(r: &Report) -> Vec<Published> {
    let mut out = vec![];
    let mut add =
        |onderdeel: &'static str, cijfer: &'static str, groep: &str, naam: &str, c: &Cell| {
            debug_assert!(FIGURES.iter().any(|(f, _)| *f == cijfer), "{cijfer}");
            out.push(Published {
                onderdeel,
                cijfer,
                groep: groep.to_string(),
                groep_naam: naam.to_string(),
                waarde: c.value.map(|v| numbers::round(v, 1)),
                n: c.n,
                getoond: c.shown,
            });
        };
    use super::document::{dimension_name, outcome_name};
    if let Some(s) = &r.survey {
        let v = "vragenlijst";
        add(
            v,
            "uitgenodigd",
            "",
            "",
            &plain(s.invited as f64, s.invited),
        );
        add(v, "ingevuld", "", "", &plain(s.answered as f64, s.answered));
        if s.population > 0 {
            add(
                v,
                "doelgroep",
                "",
                "",
                &plain(s.population as f64, s.population),
            );
        }
        if let Some(rr) = s.response_rate {
            add(v, "respons", "", "", &plain(rr, s.invited));
        }
        if let Some(m) = s.margin {
            add(v, "foutmarge", "", "", &plain(m, s.answered));
        }
        for d in &s.dimensions {
            let name = dimension_name(d.dimension);
            add(
                v,
                "positief_onderwerp",
                d.dimension.code(),
                name,
                &d.positive,
            );
            if let Some(c) = with(&d.positive, d.nmin.map(|n| n as f64)) {
                add(v, "kleinste_n_onderwerp", d.dimension.code(), name, &c);
            }
            if let Some(c) = with(&d.positive, d.change) {
                add(v, "verschil_onderwerp", d.dimension.code(), name, &c);
            }
        }
        for i in &s.items {
            add(v, "positief", &i.key, &i.text, &i.positive);
            add(v, "neutraal", &i.key, &i.text, &i.neutral);
            add(v, "negatief", &i.key, &i.text, &i.negative);
            add(v, "weet_niet", &i.key, &i.text, &i.dont_know);
            if let Some((lo, hi)) = i.interval {
                for (f, x) in [("marge_laag", lo), ("marge_hoog", hi)] {
                    if let Some(c) = with(&i.positive, Some(x)) {
                        add(v, f, &i.key, &i.text, &c);
                    }
                }
            }
            if let Some(c) = with(&i.positive, i.change) {
                add(v, "verschil_vorige", &i.key, &i.text, &c);
            }
        }
        add(v, "cijfer_gemiddeld", "", "", &s.grade_mean);
        add(v, "cijfer_8_of_hoger", "", "", &s.grade_eight_or_more);
        add(v, "cijfer_onder_6", "", "", &s.grade_below_six);
        for g in &s.subgroups {
            let Some(figure) = subgroup_figure(g.dimension) else {
                continue;
            };
            add(
                v,
                figure,
                &format!("{}={}", g.split, g.value),
                &format!("{}: {}", g.split_label, g.value_label),
                &g.positive,
            );
        }
        for n in &s.norms {
            let verdict = match n.verdict {
                super::norms::Verdict::Voldaan => "norm_voldaan",
                super::norms::Verdict::GedeeltelijkVoldaan => "norm_gedeeltelijk_voldaan",
                super::norms::Verdict::NietVoldaan => "norm_niet_voldaan",
                super::norms::Verdict::Onbekend => "norm_onbekend",
            };
            add("normenkader", verdict, &n.name, &n.name, &n.positive);
        }
    }
    for t in &r.themes {
        add("themas", "thema_antwoorden", &t.code, &t.name, &t.survey);
        add("themas", "thema_klachten", &t.code, &t.name, &t.complaints);
        add("themas", "thema_samen", &t.code, &t.name, &t.count);
        add(
            "themas",
            "thema_vorige_periode",
            &t.code,
            &t.name,
            &t.previous,
        );
    }
    if !r.themes.is_empty() {
        add(
            "themas",
            "gecodeerde_antwoorden",
            "",
            "",
            &plain(r.coded_texts as f64, r.coded_texts),
        );
        if let Some(c) = &r.coded_complaints {
            add("themas", "gecodeerde_klachten", "", "", c);
        }
    }
    if let Some(c) = &r.complaints {
        let k = "klachten";
        for (stage, cell) in &c.funnel {
            add(k, "trechter", stage.code(), stage.name(), cell);
        }
        for (code, cell) in &c.by_channel {
            add(k, "kanaal", code, &super::labels::channel_name(code), cell);
        }
        for (figure, list) in [
            ("onderwerp", &c.by_category),
            ("norm", &c.by_norm),
            ("team", &c.by_team),
        ] {
            for (name, cell) in list {
                add(k, figure, name, name, cell);
            }
        }
        add(k, "termijn_samen", "", "", &c.due);
        add(k, "binnen_termijn", "", "", &c.in_time);
        add(k, "te_laat", "", "", &c.late);
        add(k, "open_na_termijn", "", "", &c.overdue);
        add(k, "aantal_binnen_termijn", "", "", &c.in_time_count);
        add(k, "aantal_te_laat", "", "", &c.late_count);
        add(k, "aantal_open_na_termijn", "", "", &c.overdue_count);
        add(k, "gegrond", "", "", &c.founded);
        add(k, "uitgesteld", "", "", &c.postponed);
        let decided = c
            .funnel
            .iter()
            .find(|(stage, _)| *stage == crate::monitor::disclosure::Stage::Decided)
            .map(|(_, x)| x);
        if let Some(base) = decided {
            if let Some(x) = with(base, c.median_days) {
                add(k, "dagen_mediaan", "", "", &x);
            }
            if let Some(x) = with(base, c.p90_days.map(|d| d as f64)) {
                add(k, "dagen_9_van_10", "", "", &x);
            }
        }
        add(k, "via_raadsleden", "", "", &c.council.0);
        add(k, "raadsleden_gehoord", "", "", &c.council.1);
    }
    if let Some(reg) = &r.register {
        add("register", "register_schriftelijk", "", "", &reg.written);
        for (outcome, cell) in &reg.outcomes {
            add(
                "register",
                "register_uitkomst",
                outcome.code(),
                outcome_name(*outcome),
                cell,
            );
        }
    }
    // Actions on the complaints of the published quarters, in numbers: they count actions, not
    // people, and name no case.
    let f = &r.followups;
    let count = |n: u64| Cell {
        value: Some(n as f64),
        n: None,
        shown: "ja",
    };
    add("opvolging", "acties", "", "", &count(f.agreed));
    add("opvolging", "acties_klaar", "", "", &count(f.done));
    add("opvolging", "acties_te_laat", "", "", &count(f.late));
    for wt in &r.wave_trend {
        for d in &wt.dimensions {
            let group = format!("{}: {}", wt.wave, d.dimension.code());
            let name = format!("{}: {}", wt.wave, dimension_name(d.dimension));
            add(
                "ontwikkeling",
                "vragenlijst_positief",
                &group,
                &name,
                &d.positive,
            );
            if let Some(c) = with(&d.positive, d.change) {
                add("ontwikkeling", "vragenlijst_verschil", &group, &name, &c);
            }
        }
    }
    for q in &r.quarter_trend {
        add(
            "ontwikkeling",
            "kwartaal_binnengekomen",
            &q.quarter,
            &q.quarter,
            &q.received,
        );
        add(
            "ontwikkeling",
            "kwartaal_binnen_termijn",
            &q.quarter,
            &q.quarter,
            &q.in_time,
        );
        if let Some(c) = with(&q.in_time, q.change) {
            add(
                "ontwikkeling",
                "kwartaal_verschil",
                &q.quarter,
                &q.quarter,
                &c,
            );
        }
    }
    if let Some(a) = r.coding_agreement {
        add(
            "methode",
            "voorstellen_juist",
            "",
            "",
            &plain(100.0 * a.precision, a.texts),
        );
        add(
            "methode",
            "voorstellen_gevonden",
            "",
            "",
            &plain(100.0 * a.recall, a.texts),
        );
    }
    out
}

/// The figure of a group's positive share on an opinion dimension; `None` for the background,
/// which makes the groups and has no share of its own (the report makes no such subgroup figure:
/// [`super::report::DIMENSIONS`]).
fn subgroup_figure(d: Dimension) -> Option<&'static str> {
    match d {
        Dimension::Bereikbaarheid => Some("positief_bereikbaarheid"),
        Dimension::Bejegening => Some("positief_bejegening"),
        Dimension::Dienstverlening => Some("positief_dienstverlening"),
        Dimension::Effectiviteit => Some("positief_effectiviteit"),
        Dimension::Achtergrond => None,
    }
}

/// The codebook of the open data as CSV: every column and every figure with its meaning.
pub fn codebook_csv() -> Vec<u8> {
    codebook_csv_as(crate::csv_safe::Flavour::Comma)
}

/// [`codebook_csv`] in the chosen spreadsheet flavour.
pub fn codebook_csv_as(flavour: crate::csv_safe::Flavour) -> Vec<u8> {
    let mut w = crate::csv_safe::Writer::with_flavour(vec![], flavour);
    let _ = w.write_record(["soort", "naam", "betekenis"]);
    for (name, meaning) in COLUMNS {
        let _ = w.write_record(["kolom", name, meaning]);
    }
    for (name, meaning) in FIGURES {
        let _ = w.write_record(["cijfer", name, meaning]);
    }
    let _ = w.write_record(["opmaak", "tekstcellen", crate::csv_safe::CODEBOOK_NOTE]);
    w.into_inner().unwrap_or_default()
}

/// Every published figure as CSV rows (see [`COLUMNS`]), on the shared spreadsheet-safe writer.
pub fn csv(r: &Report) -> Vec<u8> {
    csv_as(r, crate::csv_safe::Flavour::Comma)
}

/// [`csv`] in the chosen spreadsheet flavour.
pub fn csv_as(r: &Report, flavour: crate::csv_safe::Flavour) -> Vec<u8> {
    let mut w = crate::csv_safe::Writer::with_flavour(vec![], flavour);
    let _ = w.write_record(COLUMNS.iter().map(|(c, _)| *c));
    for f in figures(r) {
        let _ = w.write_record([
            r.period.label.as_str(),
            f.onderdeel,
            f.cijfer,
            &f.groep,
            &f.waarde.map(|v| numbers::fixed(v, 1)).unwrap_or_default(),
            &f.n.map(|n| n.to_string()).unwrap_or_default(),
            f.getoond,
            &f.groep_naam,
        ]);
    }
    w.into_inner().unwrap_or_default()
}

/// The open data as JSON: the report's structure (every value rounded as in the CSV) and, under
/// `cijfers`, the same list of figures as the CSV.
pub fn json(r: &Report) -> serde_json::Value {
    let mut v = serde_json::to_value(r).unwrap_or(serde_json::Value::Null);
    if let Some(o) = v.as_object_mut() {
        o.insert(
            "cijfers".into(),
            serde_json::to_value(figures(r)).unwrap_or_default(),
        );
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codebook_names_every_column_and_figure_once() {
        let names: Vec<&str> = FIGURES.iter().map(|(n, _)| *n).collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
        let book = String::from_utf8(codebook_csv()).unwrap();
        assert!(book.starts_with("soort,naam,betekenis\nkolom,periode,"));
        assert_eq!(book.lines().count(), 1 + COLUMNS.len() + FIGURES.len() + 1);
        assert!(book.contains("opmaak,tekstcellen,"));
    }

    #[test]
    fn every_dimension_with_subgroups_has_its_own_figure_in_the_codebook() {
        let figures: Vec<&str> = super::super::report::DIMENSIONS
            .iter()
            .map(|d| subgroup_figure(*d).unwrap_or_else(|| panic!("{d:?} has no figure")))
            .collect();
        for f in &figures {
            assert!(FIGURES.iter().any(|(n, _)| n == f), "{f} not in FIGURES");
        }
        let mut unique = figures.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), figures.len(), "two dimensions share a figure");
        assert_eq!(subgroup_figure(Dimension::Achtergrond), None);
    }

    #[test]
    fn every_figure_of_the_codebook_is_used_in_the_code() {
        let code = include_str!("published.rs");
        let body =
            &code[code.find("pub fn figures").unwrap()..code.find("pub fn codebook_csv").unwrap()];
        for (name, _) in FIGURES {
            let used = body.contains(&format!("\"{name}\""))
                || (name.starts_with("positief_") && body.contains(&format!("\"{name}\"")))
                || name.starts_with("norm_");
            assert!(used, "{name} is in the codebook but never published");
        }
    }
}
