//! The report's sentence on how themes and norms were coded, with the measured figures.

/// The sentence for the report's method section on how themes and norms were coded, with the
/// figures measured on the independent evaluation set (BENCHMARKS.md, "Coding suggestions").
pub fn method_text() -> String {
    format!(
        "Thema's en normen: een onderzoeker leest elk open antwoord en elke klachtomschrijving. Zij kiest zelf de codes uit het codeboek. Het programma doet voorstellen op basis van woorden en van codes die eerder gekozen zijn. Een voorstel telt pas mee als de onderzoeker het aanvinkt. Alle voorstellen worden dus door een mens gecontroleerd. We testten de voorstellen op {} echte teksten die niemand van dit project schreef. Zonder leren haalden ze een F1 van {} voor thema's en {} voor normen (een score waarbij 1 perfect is). Ze missen dus veel en zijn vaak fout: ze zijn alleen een hulp bij het lezen.",
        EVAL_TEXTS,
        format!("{EVAL_THEME_F1:.2}").replace('.', ","),
        format!("{EVAL_NORM_F1:.2}").replace('.', ",")
    )
}

/// Texts in the test half of the evaluation set (BENCHMARKS.md).
pub const EVAL_TEXTS: u32 = 100;
/// Micro F1 of theme suggestions without learning on the test half (BENCHMARKS.md).
pub const EVAL_THEME_F1: f64 = 0.43;
/// Micro F1 of norm suggestions without learning on the test half (BENCHMARKS.md).
pub const EVAL_NORM_F1: f64 = 0.43;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_method_text_says_a_person_checks_and_gives_the_measured_figures() {
        let m = method_text();
        assert!(m.contains("door een mens gecontroleerd"), "{m}");
        assert!(m.contains("F1 van 0,43 voor thema's"), "{m}");
    }
}
