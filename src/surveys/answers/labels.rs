//! The texts of questions and answers in a language.

use std::collections::BTreeMap;

use crate::surveys::definition::{Item, ItemKind, ScaleWording};
use crate::web::i18n::Lang;

/// A text in the wanted language, falling back to Dutch.
pub fn text_in(texts: &BTreeMap<String, String>, lang: Lang) -> &str {
    texts
        .get(lang.code())
        .or_else(|| texts.get("nl"))
        .map(String::as_str)
        .unwrap_or("")
}

/// UI string keys for the five points of a scale, lowest first.
pub fn scale_label_keys(wording: ScaleWording) -> [&'static str; 5] {
    match wording {
        ScaleWording::Agree => [
            "scale-agree-1",
            "scale-agree-2",
            "scale-agree-3",
            "scale-agree-4",
            "scale-agree-5",
        ],
        ScaleWording::Satisfied => [
            "scale-satisfied-1",
            "scale-satisfied-2",
            "scale-satisfied-3",
            "scale-satisfied-4",
            "scale-satisfied-5",
        ],
    }
}

/// UI string key of a "weet niet"/"n.v.t." code.
pub fn dont_know_key(code: &str) -> &'static str {
    if code == "nvt" {
        "scale-nvt"
    } else {
        "scale-weet-niet"
    }
}

/// The label of an option code of a choice item (the code itself when unknown).
pub fn option_label<'a>(item: &'a Item, code: &'a str, lang: Lang) -> Option<&'a str> {
    match &item.kind {
        ItemKind::Single { options, .. } | ItemKind::Multi { options, .. } => options
            .iter()
            .find(|o| o.code == code)
            .map(|o| text_in(&o.label, lang)),
        ItemKind::Grade
        | ItemKind::Scale { .. }
        | ItemKind::Text { .. }
        | ItemKind::Number { .. } => None,
    }
}
