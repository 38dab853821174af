use super::*;
use crate::surveys::paper::mapping::range_values;

fn design(lang: Lang) -> Design {
    let def = crate::surveys::shipped().unwrap().remove(0);
    let ret = t_args(lang, "paper-return", &[("date", "30 september 2027")]);
    lay_out(
        &def,
        lang,
        &ret,
        "Vragen? Bel 14 0123 of mail informatie@gemeente.nl",
    )
    .unwrap()
}

#[test]
fn the_standard_questionnaire_fits_on_four_sides_in_every_language() {
    let def = crate::surveys::shipped().unwrap().remove(0);
    let counts: Vec<(Lang, usize)> = Lang::ALL
        .iter()
        .map(|l| (*l, design(*l).layout.pages.len()))
        .collect();
    eprintln!("sides per language: {counts:?}");
    assert!(counts.iter().all(|(_, n)| *n <= 4), "{counts:?}");
    // The printed PDF itself: four sides per form in every language.
    for lang in Lang::ALL {
        let pdf = render(
            &design(lang),
            &Run {
                wave_id: 3,
                version_id: 5,
                layout_id: 1,
                municipality: "Gemeente Voorbeeld",
            },
            1,
            2,
        )
        .unwrap();
        let sides = hayro_syntax::Pdf::new(pdf).unwrap().pages().len();
        assert!(sides <= 2 * 4, "{lang:?}: {sides} sides for two forms");
    }
    for lang in Lang::ALL {
        let d = design(lang);
        // Every box of every question is on the form, once.
        let boxes: Vec<(&str, &str)> = d
            .layout
            .pages
            .iter()
            .flat_map(|p| p.boxes.iter().map(|b| (b.item.as_str(), b.value.as_str())))
            .collect();
        let expected: usize = def.items().map(|i| range_values(i).len()).sum();
        assert_eq!(boxes.len(), expected, "{lang:?}");
        let unique: std::collections::HashSet<_> = boxes.iter().collect();
        assert_eq!(unique.len(), boxes.len());
        let texts = def
            .items()
            .filter(|i| matches!(i.kind, ItemKind::Text { .. }))
            .count();
        let fields = d.layout.pages.iter().flat_map(|p| &p.fields).count();
        assert!(fields >= texts, "{lang:?}");
    }
}

#[test]
fn boxes_and_fields_stay_inside_the_content_area_and_apart() {
    for lang in Lang::ALL {
        let d = design(lang);
        for p in &d.layout.pages {
            let rects: Vec<RectMm> = p
                .boxes
                .iter()
                .map(|b| b.rect)
                .chain(p.fields.iter().map(|f| f.rect))
                .collect();
            for r in &rects {
                assert!(r.x >= X0 - 0.01 && r.x + r.w <= X1 + 0.01, "{lang:?} {r:?}");
                assert!(r.y >= Y0 - 3.0 && r.y + r.h <= Y1 + 0.01, "{lang:?} {r:?}");
            }
            for (i, a) in rects.iter().enumerate() {
                for b in &rects[i + 1..] {
                    let apart = a.x + a.w + 1.0 <= b.x
                        || b.x + b.w + 1.0 <= a.x
                        || a.y + a.h + 1.0 <= b.y
                        || b.y + b.h + 1.0 <= a.y;
                    assert!(apart, "{lang:?}: {a:?} and {b:?} touch");
                }
            }
        }
    }
}

#[test]
fn qr_text_round_trips_and_rejects_foreign_codes() {
    let t = qr_text(3, "R3-000127", 2, 5, Lang::Uk, 9);
    assert_eq!(t, "KB1/3/R3-000127/2/5/UK/9");
    assert_eq!(
        parse_qr(&t),
        Some((3, "R3-000127".into(), 2, 5, "uk".into(), 9))
    );
    assert_eq!(parse_qr("KB1/4/R3-000127/2/5/UK/9"), None);
    assert_eq!(parse_qr("https://example.org"), None);
}

#[test]
fn a_pdf_is_made_with_every_page_of_every_form() {
    let d = design(Lang::Nl);
    let pdf = render(
        &d,
        &Run {
            wave_id: 3,
            version_id: 5,
            layout_id: 1,
            municipality: "Gemeente Voorbeeld",
        },
        1,
        2,
    )
    .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    if let Ok(path) = std::env::var("KLANKBORD_DUMP_FORM") {
        std::fs::write(path, &pdf).unwrap();
    }
}

/// The section titles drawn on each page, with their baseline.
fn titles(page: &[Draw]) -> Vec<(f32, &str)> {
    page.iter()
        .filter_map(|d| match d {
            Draw::Text {
                y,
                size,
                bold: true,
                text,
                ..
            } if (*size - TITLE).abs() < 0.01 => Some((*y, text.as_str())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_section_title_is_never_the_last_thing_on_a_page() {
    // Seen on page 2 of the Dutch form: "Hulp van een cliëntondersteuner" at the foot, its first
    // question on page 3. A title goes with the first question after it.
    for lang in Lang::ALL {
        let d = design(lang);
        let mut seen = 0;
        for (page, draws) in d.layout.pages.iter().zip(&d.pages) {
            for (y, title) in titles(draws) {
                seen += 1;
                let below = page
                    .boxes
                    .iter()
                    .map(|b| b.rect)
                    .chain(page.fields.iter().map(|f| f.rect))
                    .any(|r| r.y > y);
                assert!(
                    below,
                    "{lang:?} page {}: '{title}' has no question under it",
                    page.page
                );
            }
        }
        let sections = crate::surveys::shipped().unwrap().remove(0).sections.len();
        assert_eq!(
            seen, sections,
            "{lang:?}: every section title is drawn once"
        );
    }
}

#[test]
fn a_title_moves_to_the_next_page_with_its_first_question() {
    let mut part = Part::default();
    part.boxes.push(crate::surveys::paper::layout::BoxSpot {
        item: "q".into(),
        value: "1".into(),
        rect: RectMm {
            x: X0,
            y: 5.0,
            w: BOX,
            h: BOX,
        },
    });
    let mut l = Lay {
        m: Measure::new().unwrap(),
        lang: Lang::Nl,
        rtl: false,
        pages: vec![Part::default()],
        y: Y1 - 12.0,
        gap: 1.0,
        heading: None,
    };
    // Room for the title (about 8 mm), not for the question too.
    l.section_title("Hulp");
    l.place(part, 15.0);
    assert_eq!(l.pages.len(), 2);
    assert!(
        l.pages[0].draws.is_empty(),
        "nothing left at the foot of page 1"
    );
    assert!(!titles(&l.pages[1].draws).is_empty());
    assert_eq!(l.pages[1].boxes.len(), 1);
    let title_y = titles(&l.pages[1].draws)[0].0;
    assert!(title_y > Y0 && title_y < l.pages[1].boxes[0].rect.y);
}
