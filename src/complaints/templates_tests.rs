//! Unit tests of the letter templates: parsing, placeholders per addressee, the municipality's
//! name written once.

use super::*;

fn kind(code: &str) -> Kind {
    LetterKind::parse(code).unwrap().spec()
}

#[test]
fn every_built_in_template_passes_its_check() {
    let t = Templates::load(None).expect("built-in templates are valid");
    for lang in Lang::ALL {
        for k in kinds().filter(|k| lang == Lang::Nl || k.to.every_language()) {
            assert!(
                t.by.contains_key(&(lang.code().to_string(), k.code.to_string())),
                "{} {}",
                lang.code(),
                k.code
            );
        }
    }
}

#[test]
fn unknown_and_missing_placeholders_are_refused_with_the_line() {
    let k = &kind("bezwaar");
    let e = parse(
        k,
        "b.txt",
        "Onderwerp: Uw klacht {zaaknummer}\n\nBeste {naam},\n\nUw {bsn} is ...",
    )
    .unwrap_err();
    assert_eq!(e.line, 5);
    assert!(
        e.problem.contains("{bsn}") && e.problem.contains("{zaaknummer}"),
        "{}",
        e.problem
    );
    let e = parse(k, "b.txt", "Onderwerp: Uw klacht\n\nBeste {naam},").unwrap_err();
    assert!(
        e.problem.contains("{zaaknummer} ontbreekt"),
        "{}",
        e.problem
    );
    let e = parse(k, "b.txt", "Uw klacht {zaaknummer}\n\ntekst").unwrap_err();
    assert_eq!(e.line, 1);
    let e = parse(k, "b.txt", "Onderwerp: {zaaknummer}\n\nBeste {naam,\n").unwrap_err();
    assert_eq!(e.line, 3);
    assert!(e.to_string().starts_with("b.txt, regel 3: "));
}

#[test]
fn a_template_on_disk_replaces_the_built_in_one_and_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("nl")).unwrap();
    std::fs::write(
        dir.path().join("nl/bezwaar.txt"),
        "\u{feff}Onderwerp: Zaak {zaaknummer}\n\nGeachte {naam}, eigen tekst.\n",
    )
    .unwrap();
    let t = Templates::load(Some(dir.path())).unwrap();
    let l = t
        .render(
            LetterKind::Objection,
            Lang::Nl,
            &[
                ("zaaknummer", "K-12".into()),
                ("naam", "mevrouw Jansen".into()),
            ],
        )
        .unwrap();
    assert_eq!(l.subject, "Zaak K-12");
    assert_eq!(l.body, "Geachte mevrouw Jansen, eigen tekst.");
    std::fs::write(
        dir.path().join("nl/bezwaar.txt"),
        "Onderwerp: {zaaknummer}\n\n{iban}\n",
    )
    .unwrap();
    let e = Templates::load(Some(dir.path())).unwrap_err();
    assert!(
        e.file.ends_with("bezwaar.txt") && e.problem.contains("{iban}"),
        "{e}"
    );
}

#[test]
fn rendering_fills_every_placeholder_and_leaves_other_text_alone() {
    let t = Templates::load(None).unwrap();
    for lang in Lang::ALL {
        for k in kinds() {
            let values: Vec<(&str, String)> =
                k.allowed.iter().map(|a| (*a, format!("<{a}>"))).collect();
            let l = t.render(k.kind, lang, &values).unwrap();
            assert!(
                !l.body.contains('{') && !l.subject.contains('{'),
                "{} {}",
                lang.code(),
                k.code
            );
            for r in k.required {
                assert!(
                    l.body.contains(&format!("<{r}>")) || l.subject.contains(&format!("<{r}>")),
                    "{} {} {r}",
                    lang.code(),
                    k.code
                );
            }
        }
    }
}

#[test]
fn a_placeholder_must_fit_the_addressee() {
    // The complainant's tracking code in a letter to the staff member: refused, with the name.
    let e = parse(
        &kind("beklaagde-melding"),
        "m.txt",
        "Onderwerp: {zaaknummer}\n\n{klacht}\nCode: {volgcode}\n",
    )
    .unwrap_err();
    assert_eq!(e.line, 4);
    assert!(
        e.problem.contains("{volgcode}") && e.problem.contains("de klager"),
        "{}",
        e.problem
    );
    // The complaint's text in a letter to the council member: refused.
    let e = parse(
        &kind("raadslid"),
        "r.txt",
        "Onderwerp: {zaaknummer}\n\n{fase}\n{klacht}\n",
    )
    .unwrap_err();
    assert!(e.problem.contains("{klacht}"), "{}", e.problem);
}

#[test]
fn the_municipality_is_named_once() {
    assert_eq!(municipality_name("Voorbeeld"), "Gemeente Voorbeeld");
    assert_eq!(
        municipality_name("Gemeente Voorbeeld"),
        "Gemeente Voorbeeld"
    );
    assert_eq!(
        municipality_name("gemeente Voorbeeld"),
        "Gemeente Voorbeeld"
    );
    assert_eq!(
        municipality_name("Gemeente 's-Hertogenbosch"),
        "Gemeente 's-Hertogenbosch"
    );
    let e = parse(
        &kind("bezwaar"),
        "b.txt",
        "Onderwerp: {zaaknummer}\n\nTekst.\n\nGemeente {gemeente}\n",
    )
    .unwrap_err();
    assert_eq!(e.line, 5);
    assert!(e.problem.contains("Gemeente"), "{}", e.problem);
    // No built-in letter writes it twice, in any language.
    let t = Templates::load(None).unwrap();
    for lang in Lang::ALL {
        for k in kinds() {
            let l = t
                .render(k.kind, lang, &[("gemeente", "Gemeente Voorbeeld".into())])
                .unwrap();
            assert!(
                !l.body.to_lowercase().contains("gemeente gemeente"),
                "{} {}",
                lang.code(),
                k.code
            );
        }
    }
}

#[test]
fn the_person_complained_about_gets_the_text_for_their_role() {
    use LetterKind as L;
    assert_eq!(kind_for(L::Hearing, Addressee::Beklaagde), L::StaffHearing);
    assert_eq!(
        kind_for(L::Postponement, Addressee::Beklaagde),
        L::StaffPostponement
    );
    assert_eq!(kind_for(L::Outcome, Addressee::Beklaagde), L::StaffOutcome);
    assert_eq!(kind_for(L::Hearing, Addressee::Klager), L::Hearing);
    assert_eq!(kind_for(L::Outcome, Addressee::Doorgever), L::Messenger);
    for k in kinds() {
        assert_eq!(kind_for(k.kind, k.to), k.kind, "{}", k.code);
        assert_eq!(k.code, k.kind.code());
    }
    let t = Templates::load(None).unwrap();
    let l = t
        .render(L::StaffHearing, Lang::Nl, &[("naam", "De Boer".into())])
        .unwrap();
    assert!(!l.body.contains("over wie u klaagt"), "{}", l.body);
}

#[test]
fn every_built_in_text_is_the_file_named_by_its_code() {
    // The built-in texts are written per kind by hand: each must be the file of its own code.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    for lang in Lang::ALL {
        for k in LetterKind::ALL {
            let file = root.join(lang.code()).join(format!("{}.txt", k.code()));
            match k.built_in(lang) {
                Some(text) => assert_eq!(
                    std::fs::read_to_string(&file).unwrap(),
                    text,
                    "{}",
                    file.display()
                ),
                None => assert!(
                    lang != Lang::Nl && !k.spec().to.every_language(),
                    "{}",
                    file.display()
                ),
            }
        }
    }
}

#[test]
fn every_kind_of_letter_has_its_label() {
    // The letters page names each kind with `letter-kind-<code>` (a key made with `format!`).
    let known = crate::web::i18n::Locales::keys(Lang::Nl);
    for k in LetterKind::ALL {
        let key = format!("letter-kind-{}", k.code());
        assert!(known.contains(&key), "{key}");
    }
}

#[test]
fn a_letter_kind_is_stored_as_its_code_and_an_unknown_code_does_not_read() {
    for k in LetterKind::ALL {
        let json = serde_json::to_string(k).unwrap();
        assert_eq!(json, format!("\"{}\"", k.code()));
        assert_eq!(serde_json::from_str::<LetterKind>(&json).unwrap(), *k);
    }
    assert!(serde_json::from_str::<LetterKind>("\"onbekend\"").is_err());
}
