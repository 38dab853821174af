//! Reading a questionnaire: the TOML parsed, checked and turned into the typed model.

use std::collections::HashMap;

use super::*;
use crate::web::i18n::Lang;

/// Field names the questionnaire forms use themselves; a question cannot have them as key.
pub const RESERVED_KEYS: &[&str] = &["csrf", "actie"];

pub(super) fn valid_key(k: &str) -> bool {
    !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Parses and checks one definition file; returns the questionnaire or every problem found.
pub fn parse(file: &str, text: &str) -> Result<Definition, Vec<Problem>> {
    let lines = Lines::new(text);
    let raw: RawDefinition = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let line = e.span().map(|s| lines.of(s.start)).unwrap_or(1);
            return Err(vec![Problem {
                file: file.to_string(),
                line,
                message: format!("geen geldige vragenlijst: {}", e.message().trim()),
            }]);
        }
    };
    let mut c = Checker {
        file,
        lines,
        languages: raw.languages.get_ref().clone(),
        problems: vec![],
    };

    let key = raw.key.get_ref().clone();
    if key.is_empty()
        || !key
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
    {
        c.problem(
            raw.key.span().start,
            "de sleutel van de vragenlijst mag alleen kleine letters, cijfers en '-' bevatten",
        );
    }
    if *raw.version.get_ref() < 1 {
        c.problem(
            raw.version.span().start,
            "version moet een geheel getal vanaf 1 zijn",
        );
    }
    let mut languages = vec![];
    for code in raw.languages.get_ref() {
        match Lang::from_code(code).filter(|l| l.code() == code) {
            Some(l) => languages.push(l),
            None => c.problem(
                raw.languages.span().start,
                format!("onbekende taal '{code}'; gebruik nl, en, ar, tr, pl of uk"),
            ),
        }
    }
    if !raw.languages.get_ref().iter().any(|l| l == "nl") {
        c.problem(
            raw.languages.span().start,
            "Nederlands ('nl') moet altijd bij de talen staan",
        );
    }
    let title = c.texts(&raw.title, "de titel");
    let intro = c.texts(&raw.intro, "de inleiding");

    let mut sections = vec![];
    let mut seen_sections: HashMap<String, usize> = HashMap::new();
    let mut seen_items: HashMap<String, ItemKind> = HashMap::new();
    for raw_section in &raw.sections {
        let s = raw_section.get_ref();
        let skey = s.key.get_ref().clone();
        if !valid_key(&skey) {
            c.problem(
                s.key.span().start,
                format!("sectiesleutel '{skey}': gebruik kleine letters, cijfers en '_'"),
            );
        }
        if let Some(first) = seen_sections.insert(skey.clone(), c.lines.of(s.key.span().start)) {
            c.problem(
                s.key.span().start,
                format!("dubbele sectiesleutel '{skey}' (ook op regel {first})"),
            );
        }
        let stitle = c.texts(&s.title, &format!("sectie '{skey}'"));
        if s.items.is_empty() {
            c.problem(
                raw_section.span().start,
                format!("sectie '{skey}' heeft geen vragen"),
            );
        }
        let mut items = vec![];
        for raw_item in &s.items {
            let (kind, item) = check_item(&mut c, raw_item, &seen_items);
            // Known even when the item itself has problems, so later conditions are not flagged twice.
            if let Some(kind) = kind {
                seen_items
                    .entry(raw_item.get_ref().key.get_ref().clone())
                    .or_insert(kind);
            }
            items.extend(item);
        }
        sections.push(Section {
            key: skey,
            title: stitle,
            items,
        });
    }
    if raw.sections.is_empty() {
        c.problem(0, "de vragenlijst heeft geen secties");
    }
    if !c.problems.is_empty() {
        return Err(c.problems);
    }
    Ok(Definition {
        key,
        version: *raw.version.get_ref(),
        languages,
        one_page: raw.one_page,
        title,
        intro,
        sections,
    })
}
