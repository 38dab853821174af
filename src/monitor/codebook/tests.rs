//! Tests of the codebook.

use super::*;

#[test]
fn codes_are_made_from_names() {
    assert_eq!(code_from_name("Vervoer & reiskosten"), "vervoer_reiskosten");
    assert_eq!(code_from_name("  Één loket! "), "een_loket");
    assert_eq!(code_from_name("!!!"), "");
}

#[test]
fn equal_wordings_share_a_hash_within_a_question_only() {
    assert_eq!(
        text_hash("wat_goed", "Fijn  geholpen "),
        text_hash("wat_goed", "Fijn geholpen")
    );
    assert_ne!(
        text_hash("wat_goed", "Fijn geholpen"),
        text_hash("wat_beter", "Fijn geholpen")
    );
    assert_eq!(text_hash("a", "b").len(), 32);
}

#[test]
fn theme_counts_hide_small_parts_and_their_sum() {
    let mut now = Tally::default();
    now.counts.insert("privacy".into(), (12, 3));
    now.counts.insert("lang_wachten".into(), (40, 9));
    now.counts.insert("positief".into(), (2, 0));
    let mut before = Tally::default();
    before.counts.insert("lang_wachten".into(), (30, 6));
    let book = vec![Code {
        code: "lang_wachten".into(),
        name: "Lang wachten".into(),
        kind: THEME.into(),
        cues: vec![],
        active: true,
    }];
    let f = figures(&now, &before, &book, 5);
    assert_eq!(
        f.iter().map(|t| t.code.as_str()).collect::<Vec<_>>(),
        ["lang_wachten", "privacy", "positief"]
    );
    assert_eq!(f[0].name, "Lang wachten");
    assert_eq!(f[0].count.n, Some(49));
    assert_eq!(f[0].previous.n, Some(36));
    // 3 complaints on privacy are hidden, and the answers with them: 15 - 12 would give them away.
    assert_eq!(
        (f[1].survey.n, f[1].complaints.n, f[1].count.n),
        (None, None, Some(15))
    );
    assert_eq!(
        f[1].previous.n,
        Some(0),
        "nobody is not a person to recognise"
    );
    // 2 answers and no complaints: nothing else to hide, so the total goes too.
    assert_eq!((f[2].survey.n, f[2].count.value), (None, None));
    for t in &f {
        for c in [&t.survey, &t.complaints, &t.count, &t.previous] {
            assert!(c.n.is_none_or(|n| n == 0 || n >= 5));
        }
    }
}
