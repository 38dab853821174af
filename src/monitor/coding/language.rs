//! Which language a text is written in.

/// The language of a text as far as suggestions go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// One of the UI languages: nl, en, ar, tr, pl, uk.
    Known(&'static str),
    /// Not recognised (too short, or another language).
    Unknown,
}

impl Language {
    /// The language code, or `?`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Known(c) => c,
            Language::Unknown => "?",
        }
    }
}

/// The language a text is written in, among the six languages of the platform. Arabic and
/// Cyrillic script are told by their letters; for Latin script whatlang's trigrams decide between
/// Dutch, English, Turkish and Polish, and a text too short to tell counts as Dutch.
pub fn detect_language(text: &str) -> Language {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return Language::Unknown;
    }
    let arabic = text
        .chars()
        .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
        .count();
    let cyrillic = text
        .chars()
        .filter(|c| ('\u{0400}'..='\u{04FF}').contains(c))
        .count();
    if arabic * 2 > letters {
        return Language::Known("ar");
    }
    if cyrillic * 2 > letters {
        return Language::Known("uk");
    }
    use whatlang::{Detector, Lang};
    let detector = Detector::with_allowlist(vec![Lang::Nld, Lang::Eng, Lang::Tur, Lang::Pol]);
    match detector.detect(text) {
        Some(info) if info.is_reliable() => match info.lang() {
            Lang::Eng => Language::Known("en"),
            Lang::Tur => Language::Known("tr"),
            Lang::Pol => Language::Known("pl"),
            _ => Language::Known("nl"),
        },
        _ => Language::Known("nl"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_six_languages_are_told_apart() {
        assert_eq!(
            detect_language("لم يتصل بي أحد ولم يساعدني الموظف"),
            Language::Known("ar")
        );
        assert_eq!(
            detect_language("Ніхто мені не передзвонив, і працівник був грубим."),
            Language::Known("uk")
        );
        assert_eq!(
            detect_language("Kimse beni geri aramadı ve çalışan bana çok kaba davrandı."),
            Language::Known("tr")
        );
        assert_eq!(
            detect_language("Nikt do mnie nie oddzwonił, a pracownik był bardzo niegrzeczny."),
            Language::Known("pl")
        );
        assert_eq!(
            detect_language("Nobody called me back and the staff were rude to me."),
            Language::Known("en")
        );
        assert_eq!(
            detect_language("Ik werd goed geholpen door mijn consulent."),
            Language::Known("nl")
        );
        assert_eq!(detect_language("123 !"), Language::Unknown);
    }
}
