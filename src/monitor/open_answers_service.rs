//! The cleaned open answers of a wave and the file made of them (see
//! [`open_answers`](super::open_answers) for the rules of when it is made).

use std::collections::BTreeMap;

use diesel::prelude::*;

use crate::csv_safe::Flavour;
use crate::db::DbConnection;
use crate::surveys::answers::text_in;
use crate::surveys::definition::Definition;
use crate::web::i18n::Lang;

/// The cleaned open answers of a wave's answer sets up to `through`: (question key, cleaned text)
/// → how often, in key and text order. Empty answers are left out.
pub fn cleaned(
    conn: &mut DbConnection,
    wave_id: i64,
    def: &Definition,
    through: chrono::NaiveDate,
) -> QueryResult<BTreeMap<(String, String), u64>> {
    let mut out: BTreeMap<(String, String), u64> = BTreeMap::new();
    super::codebook::each_open_answer_through(conn, wave_id, def, Some(through), |key, text| {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return;
        }
        *out.entry((key.to_string(), super::redact::redact(&text)))
            .or_default() += 1;
    })?;
    Ok(out)
}

/// Writes the file: question key, question (in Dutch), cleaned answer, how often.
pub fn write_csv<W: std::io::Write>(
    def: &Definition,
    answers: &BTreeMap<(String, String), u64>,
    out: W,
    flavour: Flavour,
) -> anyhow::Result<W> {
    let questions: BTreeMap<&str, &str> = def
        .items()
        .map(|i| (i.key.as_str(), text_in(&i.text, Lang::Nl)))
        .collect();
    let mut w = crate::csv_safe::Writer::with_flavour(out, flavour);
    w.write_record(["vraag", "vraagtekst", "antwoord", "aantal"])?;
    for ((key, text), n) in answers {
        w.write_record([
            key.as_str(),
            questions.get(key.as_str()).copied().unwrap_or(""),
            text.as_str(),
            &n.to_string(),
        ])?;
    }
    w.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_has_no_order_and_counts_equal_texts() {
        let def = crate::surveys::shipped().unwrap().remove(0);
        let key = def
            .items()
            .find(|i| matches!(i.kind, crate::surveys::definition::ItemKind::Text { .. }))
            .unwrap()
            .key
            .clone();
        let mut answers = BTreeMap::new();
        answers.insert((key.clone(), "Zeer vriendelijk".to_string()), 2u64);
        answers.insert((key.clone(), "Bel [telefoonnummer]".to_string()), 1u64);
        let bytes = write_csv(&def, &answers, vec![], Flavour::Comma).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "vraag,vraagtekst,antwoord,aantal");
        assert!(lines[1].contains("Bel [telefoonnummer]") && lines[1].ends_with(",1"));
        assert!(lines[2].contains("Zeer vriendelijk") && lines[2].ends_with(",2"));
    }
}
