//! Fuzzing the paper reader and validator with proptest: random bytes, valid SDAPS and generic files
//! with random mutations, and other encodings. Nothing may panic, every row gets a verdict, and a
//! sheet that is imported holds only answers the web questionnaire would accept.
//!
//! The normal test run tries a few hundred cases; the long run (see BENCHMARKS.md) is
//! `PROPTEST_CASES=400000 cargo test --release --lib paper::fuzz`.

use proptest::prelude::*;

use super::mapping;
use super::reader::SheetReader;
use super::sheet::{form_number, read_sheet, Expect, Format, Layout, Verdict};
use crate::surveys::answers;
use crate::surveys::definition::Definition;

fn standard() -> &'static Definition {
    static DEF: std::sync::OnceLock<Definition> = std::sync::OnceLock::new();
    DEF.get_or_init(|| crate::surveys::shipped().expect("shipped").remove(0))
}

const EXPECT: Expect = Expect {
    wave_id: 3,
    version_id: 1,
};

/// A valid SDAPS export of `rows` sheets with values drawn from `seed`.
fn sdaps_file(rows: usize, seed: u64, separator: char) -> Vec<u8> {
    let def = standard();
    let rules = mapping::sdaps(def);
    let mut header = vec![
        "questionnaire_id".to_string(),
        "global_id".into(),
        "empty".into(),
        "valid".into(),
        "recognized".into(),
        "verified".into(),
        "review".into(),
    ];
    header.extend(rules.iter().map(|r| r.column.clone()));
    let mut out = header.join(&separator.to_string());
    out.push('\n');
    let mut x = seed | 1;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for n in 0..rows {
        let mut fields = vec![
            "1".to_string(),
            form_number(3, n as u64 + 1),
            "0".into(),
            "1".into(),
            "1".into(),
            (next() % 2).to_string(),
            String::new(),
        ];
        for r in &rules {
            let item = def.item(&r.item).expect("item");
            fields.push(match r.meaning {
                mapping::Meaning::Range => {
                    let k = mapping::range_values(item).len() as u64;
                    match next() % (k + 2) {
                        0 => "NA".to_string(),
                        v => v.min(k).to_string(),
                    }
                }
                mapping::Meaning::Box(_) => (next() % 3 / 2).to_string(),
                mapping::Meaning::Text | mapping::Meaning::OtherText => {
                    ["", "Goed", "\"Met, komma\"", "één \"quote\"", "1"][(next() % 5) as usize]
                        .replace('"', "\"\"")
                        .to_string()
                }
                mapping::Meaning::Value => String::new(),
            });
        }
        let quoted: Vec<String> = fields
            .into_iter()
            .map(|f| {
                if f.contains([separator, '"', '\n']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f
                }
            })
            .collect();
        out.push_str(&quoted.join(&separator.to_string()));
        out.push('\n');
    }
    out.into_bytes()
}

/// Reads every row of `bytes` as `format` and checks the invariants; returns the sheets seen.
fn check_all(bytes: &[u8], format: Format) -> usize {
    let def = standard();
    let Ok(mut reader) = SheetReader::new(bytes) else {
        return 0;
    };
    let header = reader.header().to_vec();
    let rules = match format {
        Format::Sdaps => mapping::sdaps(def),
        Format::Generic => match mapping::generic(def, &header) {
            Ok(r) => r,
            Err(_) => return 0,
        },
    };
    let Ok(layout) = Layout::new(format, &header, &rules, def) else {
        return 0;
    };
    let mut n = 0;
    let mut last_line = 1;
    while let Ok(Some(row)) = reader.next_row() {
        let sheet = read_sheet(def, &layout, EXPECT, &row);
        assert!(sheet.line > last_line, "rows are numbered upwards");
        last_line = sheet.line;
        if sheet.verdict == Verdict::Import {
            // What is imported passes every rule an answer from the web must pass.
            if let Err(p) = answers::check_set(def, &sheet.answers) {
                assert!(
                    p.iter()
                        .all(|(_, problem)| *problem == answers::ItemProblem::Required),
                    "imported answers break a rule: {p:?} in {:?}",
                    sheet.answers
                );
            }
            assert!(!sheet.form.is_empty());
        }
        for f in &sheet.findings {
            assert_eq!(f.line, sheet.line);
        }
        n += 1;
    }
    n
}

proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        check_all(&bytes, Format::Sdaps);
        check_all(&bytes, Format::Generic);
    }

    #[test]
    fn mutated_sdaps_files_never_panic_and_imported_answers_stay_valid(
        rows in 1usize..6,
        seed in any::<u64>(),
        semicolon in any::<bool>(),
        mutations in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..5), 0..12),
    ) {
        let mut bytes = sdaps_file(rows, seed, if semicolon { ';' } else { ',' });
        prop_assert_eq!(check_all(&bytes, Format::Sdaps), rows);
        for (at, byte, kind) in mutations {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match kind {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                2 => { bytes.remove(i); }
                3 => bytes.insert(i, [b'"', b',', b';', b'\n', 0xE9][byte as usize % 5]),
                _ => {
                    let end = (i + byte as usize % 40).min(bytes.len());
                    bytes.drain(i..end);
                }
            }
        }
        check_all(&bytes, Format::Sdaps);
    }

    #[test]
    fn generic_files_with_random_values_never_panic(
        values in proptest::collection::vec(
            prop_oneof![
                Just(String::new()),
                "[0-9]{1,3}",
                "[a-z_]{1,12}",
                "[a-z_]{1,8}\\|[a-z_]{1,8}",
                any::<String>(),
            ],
            1..40,
        ),
        form in prop_oneof![Just("R3-000001".to_string()), any::<String>()],
    ) {
        let def = standard();
        let keys: Vec<&str> = def.items().map(|i| i.key.as_str()).take(values.len()).collect();
        let mut w = csv::Writer::from_writer(vec![]);
        let mut header = vec!["form_id"];
        header.extend(&keys);
        w.write_record(&header).expect("header");
        let mut row = vec![form.as_str()];
        row.extend(values.iter().take(keys.len()).map(String::as_str));
        w.write_record(&row).expect("row");
        let bytes = w.into_inner().expect("bytes");
        // A row with nothing in it at all is a blank line (spreadsheets write them), not a sheet.
        let ascii_blank = |s: &str| s.bytes().all(|b| b.is_ascii_whitespace());
        let blank = ascii_blank(&form) && values.iter().take(keys.len()).all(|v| ascii_blank(v));
        prop_assert_eq!(check_all(&bytes, Format::Generic), usize::from(!blank));
    }
}
