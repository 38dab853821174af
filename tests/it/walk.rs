//! Walks the product from the front door, as people do: a visitor starts at `/` in each language
//! and follows every link shown; each role logs in through the login form and follows every link
//! from its landing page. Any link answering 4xx or 5xx fails the walk, and so does a link shown
//! to a role that then refuses that role. Every CSV download form is fetched in both kinds of
//! file (for Dutch Excel and with commas). Runs on the demo municipality, so lists, cases, waves
//! and reports have content.

use std::collections::{BTreeMap, HashSet, VecDeque};

use klankbord::accounts::model::Role;
use klankbord::web::i18n::Lang;

use crate::support::{Backend, Client, TestApp};

/// Pages one walk may visit before it is taken for a loop (endless pagination, say).
const MAX_PAGES: usize = 3_000;

/// What one walk saw.
#[derive(Default)]
struct Walk {
    visited: usize,
    broken: Vec<String>,
    slowest: (u128, String),
}

/// The shape of a path: digits and codes replaced, so that "every case page" is one shape.
fn shape(path: &str) -> String {
    let mut out = String::new();
    let mut last_digit = false;
    for c in path.chars() {
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('#');
            }
            last_digit = true;
        } else {
            out.push(c);
            last_digit = false;
        }
    }
    out
}

/// Local links of a page, as paths with their query (fragments dropped), resolved against `from`.
fn links(body: &str, from: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(body);
    let sel = scraper::Selector::parse("a[href], link[href], script[src], img[src]").expect("css");
    let base = url::Url::parse("http://walk.invalid").expect("url");
    let page = base.join(from).expect("page url");
    let mut out = vec![];
    for e in doc.select(&sel) {
        let raw = e
            .value()
            .attr("href")
            .or_else(|| e.value().attr("src"))
            .unwrap_or("");
        if raw.starts_with("mailto:") || raw.starts_with("tel:") || raw.starts_with('#') {
            continue;
        }
        let Ok(mut u) = page.join(raw) else {
            out.push(format!("ONGELDIG:{raw}"));
            continue;
        };
        if u.host_str() != Some("walk.invalid") {
            // Off-site links are the municipality's own (its web site); not ours to walk.
            continue;
        }
        u.set_fragment(None);
        let mut p = u.path().to_string();
        if let Some(q) = u.query() {
            p.push('?');
            p.push_str(q);
        }
        out.push(p);
    }
    // CSV downloads are forms (the file for Dutch Excel or the comma file): each file in both.
    let forms = scraper::Selector::parse("form.download").expect("css");
    let hidden = scraper::Selector::parse("input[type=hidden]").expect("css");
    let buttons = scraper::Selector::parse("button[formaction]").expect("css");
    for f in doc.select(&forms) {
        let fields: Vec<(&str, &str)> = f
            .select(&hidden)
            .filter_map(|i| Some((i.value().attr("name")?, i.value().attr("value")?)))
            .collect();
        let targets = f.value().attr("action").into_iter().chain(
            f.select(&buttons)
                .filter_map(|b| b.value().attr("formaction")),
        );
        for target in targets {
            for choice in ["puntkomma", "komma"] {
                let query: String = url::form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(fields.iter().copied())
                    .append_pair("scheiding", choice)
                    .finish();
                out.push(format!("{target}?{query}"));
            }
        }
    }
    out
}

/// Whether a link switches the language (the walk of another language covers it).
fn switches_language(path: &str) -> bool {
    path.contains("lang=")
}

/// Breadth-first from `start`; in every language but Dutch, each path shape is visited at most
/// `per_shape` times (the Dutch walk sees every page).
fn walk(client: &Client, who: &str, start: &str, per_shape: usize) -> Walk {
    let mut result = Walk::default();
    let mut seen: HashSet<String> = HashSet::new();
    let mut shapes: BTreeMap<String, usize> = BTreeMap::new();
    let mut queue: VecDeque<(String, String)> = VecDeque::new();
    queue.push_back((start.to_string(), "(start)".to_string()));
    seen.insert(start.to_string());
    while let Some((path, from)) = queue.pop_front() {
        if path.starts_with("ONGELDIG:") {
            result.broken.push(format!("{who}: {path} on {from}"));
            continue;
        }
        let n = shapes.entry(shape(&path)).or_default();
        if *n >= per_shape {
            continue;
        }
        *n += 1;
        result.visited += 1;
        if result.visited > MAX_PAGES {
            let mut top: Vec<_> = shapes.iter().collect();
            top.sort_by_key(|(_, n)| std::cmp::Reverse(**n));
            panic!(
                "{who}: more than {MAX_PAGES} pages; a loop? most visited shapes: {:?}",
                &top[..top.len().min(8)]
            );
        }
        let started = std::time::Instant::now();
        let (status, kind, bytes) = client.get_bytes(&path);
        let ms = started.elapsed().as_millis();
        if ms > result.slowest.0 {
            result.slowest = (ms, path.clone());
        }
        if status >= 400 {
            result.broken.push(format!(
                "{who}: {path} answers {status} (linked from {from})"
            ));
            continue;
        }
        if (300..400).contains(&status) {
            continue;
        }
        if !kind.starts_with("text/html") {
            continue;
        }
        let body = String::from_utf8_lossy(&bytes);
        for link in links(&body, &path) {
            if switches_language(&link) || link == "/uitloggen" {
                continue;
            }
            if seen.insert(link.clone()) {
                queue.push_back((link, path.clone()));
            }
        }
    }
    result
}

/// The demo municipality in a fresh app.
fn demo_app(test: &str) -> Option<TestApp> {
    let app = TestApp::spawn(Backend::Sqlite, test)?;
    let env: Vec<(String, String)> = vec![("DATABASE_URL".into(), "sqlite://unused.db".into())];
    let config = klankbord::config::Config::from_sources(None, &env).expect("config");
    let setup = klankbord::complaints::Setup::new(std::sync::Arc::new(config)).expect("setup");
    klankbord::demo::seed(&mut app.conn(), &setup.env()).expect("demo data");
    // A wave still to open, so the walk also takes the page that changes it.
    let today = klankbord::fmt::today();
    klankbord::surveys::builder::WaveBuilder::new()
        .name("Volgende ronde")
        .window(
            today + chrono::Duration::days(20),
            today + chrono::Duration::days(60),
        )
        .channels(&["web"])
        .create(&mut app.conn())
        .expect("a wave to come");
    Some(app)
}

fn report(walks: &[(String, Walk)]) {
    let pages: usize = walks.iter().map(|(_, w)| w.visited).sum();
    let slowest = walks
        .iter()
        .max_by_key(|(_, w)| w.slowest.0)
        .map(|(who, w)| format!("{} ms, {} ({who})", w.slowest.0, w.slowest.1))
        .unwrap_or_default();
    eprintln!(
        "walk: {pages} pages in {} walks; slowest {slowest}",
        walks.len()
    );
    let broken: Vec<&String> = walks.iter().flat_map(|(_, w)| &w.broken).collect();
    assert!(
        broken.is_empty(),
        "{} broken links:\n{}",
        broken.len(),
        broken
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn a_visitor_follows_every_link_from_the_front_door_in_every_language() {
    let Some(app) = demo_app("walk::visitor") else {
        return;
    };
    let mut walks = vec![];
    for lang in Lang::ALL {
        let c = app.client();
        let start = format!("/?lang={}", lang.code());
        let per_shape = if lang == Lang::Nl { usize::MAX } else { 3 };
        walks.push((
            format!("bezoeker ({})", lang.code()),
            walk(&c, &format!("bezoeker {}", lang.code()), &start, per_shape),
        ));
    }
    // The home page's main button leads to the questionnaire's code page.
    let home = app.client().get("/");
    let first = home
        .attr("a.action", "href")
        .expect("a main button on the home page");
    assert_eq!(app.client().get(&first).status, 200, "{first}");
    report(&walks);
}

#[test]
fn every_role_follows_every_link_from_its_landing_page_in_every_language() {
    let Some(app) = demo_app("walk::roles") else {
        return;
    };
    let mut walks = vec![];
    for role in Role::ALL {
        for lang in Lang::ALL {
            let (user, pass) = klankbord::demo::demo_login(role);
            let c = app.client();
            c.get(&format!("/?lang={}", lang.code()));
            let r = c.login(&user, &pass);
            assert_eq!(r.status, 303, "login {user}");
            let landing = r.header("location").unwrap_or("/werkplek").to_string();
            let per_shape = if lang == Lang::Nl { usize::MAX } else { 2 };
            let who = format!("{} ({})", role.code(), lang.code());
            let w = walk(&c, &who, &landing, per_shape);
            walks.push((who, w));
        }
    }
    report(&walks);
}
