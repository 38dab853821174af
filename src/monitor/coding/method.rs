//! The report's sentence on how themes and norms were coded, with the measured figures. The
//! figures live only here: the report takes them from these constants, and the benchmark
//! (`cargo bench --bench coding`) stops with an error when what it measures on the test half
//! differs from them, so they cannot drift from BENCHMARKS.md unnoticed.

/// The sentence for the report's method section on how themes and norms were coded, with the
/// figures measured on the independent evaluation set (BENCHMARKS.md, "Coding suggestions").
pub fn method_text() -> String {
    format!(
        "Thema's en normen: een onderzoeker leest elk open antwoord en elke klachtomschrijving. Zij kiest zelf de codes uit het codeboek. Het programma doet voorstellen op basis van woorden en van codes die eerder gekozen zijn. Een voorstel telt pas mee als de onderzoeker het aanvinkt. Alle voorstellen worden dus door een mens gecontroleerd. We testten de voorstellen op {} echte teksten die niemand van dit project schreef. Zonder leren haalden ze een F1 van {} voor thema's en {} voor normen (een score waarbij 1 perfect is). Ze missen dus veel en zijn vaak fout: ze zijn alleen een hulp bij het lezen.",
        EVAL_TEXTS,
        comma(EVAL_THEME_F1),
        comma(EVAL_NORM_F1)
    )
}

/// A figure with two decimals and a decimal comma.
fn comma(x: f64) -> String {
    format!("{x:.2}").replace('.', ",")
}

/// Texts in the test half of the evaluation set (BENCHMARKS.md).
pub const EVAL_TEXTS: u32 = 100;
/// Micro F1 of theme suggestions without learning on the test half (BENCHMARKS.md).
pub const EVAL_THEME_F1: f64 = 0.48;
/// Micro F1 of norm suggestions without learning on the test half (BENCHMARKS.md).
pub const EVAL_NORM_F1: f64 = 0.43;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_method_text_says_a_person_checks_and_gives_the_measured_figures() {
        let m = method_text();
        assert!(m.contains("door een mens gecontroleerd"), "{m}");
        assert!(m.contains("aanvinkt"), "{m}");
        // The figures come from the constants the benchmark checks, not from the sentence.
        let figures = format!(
            "F1 van {} voor thema's en {} voor normen",
            comma(EVAL_THEME_F1),
            comma(EVAL_NORM_F1)
        );
        assert!(m.contains(&figures), "{m}");
        assert!(m.contains(&format!("{EVAL_TEXTS} echte teksten")), "{m}");
        assert_eq!(comma(0.5), "0,50");
    }
}
