//! Tests of the layout and the written PDF.

use super::draw::*;
use super::layout::*;
use crate::monitor::document::{Block, Document, TableCell};

#[test]
fn long_words_are_cut_and_lines_fit() {
    let mut l = Layout::new().unwrap();
    let words = Layout::words(
        "Een heel lang woord als klachtbehandelingsprocedureafspraken past niet op een smalle regel",
        false,
    );
    let lines = l.wrap(&words, 10.0, 90.0);
    assert!(lines.len() > 3);
    for line in &lines {
        let text = line
            .iter()
            .map(|(w, _)| w.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(l.measure.width(&text, false, 10.0) <= 90.0, "{text}");
    }
    let joined: String = lines
        .iter()
        .flatten()
        .map(|(w, _)| w.as_str())
        .collect::<String>();
    assert_eq!(
        joined,
        words.iter().map(|(w, _)| w.as_str()).collect::<String>()
    );
}

#[test]
fn columns_share_the_page_and_keep_narrow_ones() {
    let mut l = Layout::new().unwrap();
    let head = vec!["Vraag".to_string(), "n".into(), "Positief".into()];
    let long = "Ik werd met respect behandeld door de medewerker die mijn aanvraag behandelde en alles uitlegde".repeat(2);
    let rows = vec![vec![
        TableCell::text(long),
        TableCell::text("260"),
        TableCell::text("81%"),
    ]];
    let w = l.columns(&head, &rows);
    assert!((w.iter().sum::<f32>() - (RIGHT - LEFT)).abs() < 0.5);
    assert!(w[1] < 40.0 && w[2] < 60.0, "{w:?}");
}

#[test]
fn every_content_piece_sits_in_the_structure_once() {
    let doc = Document {
        lead: Block::Paragraph {
            strong: Some("Voorlopig:".into()),
            text: "Periode 2026-Q3.".into(),
        },
        sections: vec![super::super::document::Section {
            id: "x",
            title: "Klachten".into(),
            blocks: vec![
                Block::List(vec!["een".into(), "twee".into()]),
                Block::Table {
                    caption: "Per kanaal".into(),
                    head: vec!["Kanaal".into(), "Aantal".into()],
                    rows: (0..200)
                        .map(|i| vec![TableCell::text(format!("k{i}")), TableCell::text("7")])
                        .collect(),
                },
            ],
        }],
    };
    let l = lay_out(&doc, "Titel").unwrap();
    assert!(l.pages.len() >= 2, "200 rows run over a page");
    let mut seen = vec![0; l.leaves];
    fn walk(n: &Node, seen: &mut [u32]) {
        match n {
            Node::Leaf(i) => seen[*i] += 1,
            Node::Group(_, c) => c.iter().for_each(|c| walk(c, seen)),
        }
    }
    l.roots.iter().for_each(|n| walk(n, &mut seen));
    assert!(seen.iter().all(|s| *s == 1));
    // Nothing is drawn below the bottom margin.
    for p in l.pages.iter().flatten() {
        if let Piece::Text { y, .. } = p.piece {
            assert!(y <= BOTTOM + 1.0);
        }
    }
    let bytes = render(
        &doc,
        "Titel",
        chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
    )
    .unwrap();
    assert!(bytes.starts_with(b"%PDF-1.7"));
}
