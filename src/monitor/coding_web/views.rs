//! The coding screen and the codebook page.

use maud::html;

use super::super::codebook::{self, Code};
use super::super::coding::{HeldBack, Suggestion, Via};
use super::service::{Current, Screen, Source};
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout::{self, csrf_field};

/// Keys of the codes, in codebook order.
const KEYS: &str = "1234567890abcdefghijklmnopqrstuvwxyz";

/// The coding screen.
pub(super) fn screen_markup(ctx: &Ctx, s: &Screen) -> maud::Markup {
    let lang = ctx.lang;
    let source = s.source.map(Source::param).unwrap_or_default();
    let name_of = |code: &str| {
        s.book
            .iter()
            .find(|c| c.code == code)
            .map_or(code.to_string(), |c| c.name.clone())
    };
    layout::page(
        ctx,
        &t(lang, "coding-title"),
        html! {
            form method="get" action="/onderzoek/coderen" {
                div.field {
                    label for="bron" { (t(lang, "coding-source")) }
                    select #bron name="bron" {
                        @for (p, name) in &s.sources {
                            option value=(p) selected[*p == source] {
                                @if p.starts_with("klachten-") { (t_args(lang, "coding-source-complaints", &[("year", name)])) }
                                @else { (t_args(lang, "coding-source-wave", &[("wave", name)])) }
                            }
                        }
                    }
                }
                button.secondary type="submit" { (t(lang, "coding-show")) }
            }
            p { (crate::web::i18n::t_nums(lang, "coding-progress", &[("done", s.done as i64), ("total", s.total as i64)], &[])) }
            p #overeenstemming { (t_args(lang, "coding-agreement", &[
                ("texts", &s.agreement.texts.to_string()),
                ("precision", &format!("{:.0}", 100.0 * s.agreement.precision)),
                ("recall", &format!("{:.0}", 100.0 * s.agreement.recall)),
            ])) }
            @match &s.current {
                None => p.notice { (t(lang, if s.total == 0 { "coding-no-texts" } else { "coding-all-done" })) },
                Some(Current { text, chosen, suggestions, question }) => {
                    @let suggested = suggestions.codes();
                    @let language = suggestions.language.code();
                    @let text_lang = if language == "?" { "nl" } else { language };
                    form #coderen method="post" action="/onderzoek/coderen" {
                        (csrf_field(ctx))
                        input type="hidden" name="bron" value=(source);
                        input type="hidden" name="tekst" value=(text.key);
                        h2 { (t(lang, "coding-text")) }
                        p.small { @match question { Some(q) => { (t(lang, "coding-question")) ": " span lang="nl" { (q) } }, None => (t(lang, "coding-complaint")) }
                            " · " (t_args(lang, "coding-times", &[("n", &text.times.to_string())])) }
                        p #taal {
                            (t(lang, "coding-language")) ": "
                            @match Lang::from_code(language) {
                                Some(l) => span lang=(l.code()) { (l.native_name()) },
                                None => (t(lang, "coding-language-unknown")),
                            }
                        }
                        @if !suggestions.supported {
                            p.notice #geen-voorstellen { (t(lang, "coding-no-suggestions")) }
                        }
                        blockquote lang=(text_lang) #te-coderen { p { (highlighted(&text.shown, &suggestions.spans())) } }
                        @if !suggested.is_empty() {
                            p #voorstel-uitleg { (t(lang, "coding-suggestions-intro")) }
                        }
                        @for (kind, legend) in [(codebook::THEME, "coding-themes"), (codebook::NORM, "coding-norms")] {
                            fieldset {
                                legend { (t(lang, legend)) }
                                @for (i, c) in s.book.iter().enumerate().filter(|(_, c)| c.active && c.kind == kind) {
                                    @let key = KEYS.chars().nth(i).map(String::from).unwrap_or_default();
                                    @let ticked = chosen.as_ref().is_some_and(|chosen| chosen.contains(&c.code));
                                    @let proposal = suggestions.items.iter().find(|x| x.code == c.code);
                                    @let held = suggestions.held_back.iter().find(|h| h.suggestion.code == c.code);
                                    div.check {
                                        input type="checkbox" name="code" value=(c.code) id={ "code-" (c.code) } data-key=(key) data-suggested=[proposal.map(|_| "ja")] aria-describedby=[proposal.map(|_| format!("reden-{}", c.code))] checked[ticked] autofocus[i == 0];
                                        label for={ "code-" (c.code) } {
                                            @if !key.is_empty() { kbd { (key) } " " }
                                            span lang="nl" { (c.name) }
                                            @if proposal.is_some() { " " strong.suggested { (t(lang, "coding-suggested")) } }
                                            @if held.is_some() { " " span.small.held-back { (t(lang, "coding-held-back")) } }
                                        }
                                        @if let Some(p) = proposal {
                                            " " span.small.reason id={ "reden-" (c.code) } { (reason(lang, p, &text.shown, &name_of)) }
                                        }
                                        @if let Some(h) = held {
                                            " " span.small.held-back id={ "minder-" (c.code) } { (held_back(lang, h, &text.shown)) }
                                        }
                                    }
                                }
                            }
                        }
                        div.check {
                            input type="checkbox" #sneltoetsen checked;
                            label for="sneltoetsen" { (t(lang, "coding-shortcuts")) }
                        }
                        button #opslaan type="submit" { (t(lang, "coding-save")) }
                        @if !suggested.is_empty() {
                            " "
                            button.secondary #overnemen type="submit" name="overnemen" value="ja" { (t(lang, "coding-accept-all")) }
                        }
                        " "
                        a.tap href={ "/onderzoek/coderen?bron=" (source) "&na=" (text.key) } { (t(lang, "coding-skip")) }
                    }
                    script src="/static/coderen.js" defer {}
                }
            }
            @if !s.recent.is_empty() {
                h2 { (t(lang, "coding-recent")) }
                table {
                    caption { (t(lang, "coding-recent-caption")) }
                    thead { tr { th scope="col" { (t(lang, "coding-text")) } th scope="col" { (t(lang, "coding-codes")) } th scope="col" { (t(lang, "coding-change")) } } }
                    tbody {
                        @for (text, codes) in &s.recent {
                            tr {
                                td lang="nl" { (text.shown.chars().take(120).collect::<String>()) @if text.shown.chars().count() > 120 { "…" } }
                                td lang="nl" { (codes.iter().map(|c| name_of(c)).collect::<Vec<_>>().join(", ")) }
                                td { a href={ "/onderzoek/coderen?bron=" (source) "&tekst=" (text.key) } { (t(lang, "coding-change")) } }
                            }
                        }
                    }
                }
            }
            p { a href="/onderzoek/codeboek" { (t(lang, "codebook-title")) } }
        },
    )
}

/// The text with the words that triggered suggestions marked.
fn highlighted(text: &str, spans: &[(usize, usize)]) -> maud::Markup {
    let mut parts: Vec<(&str, bool)> = vec![];
    let mut at = 0;
    for &(a, b) in spans {
        if a < at
            || a >= b
            || b > text.len()
            || !text.is_char_boundary(a)
            || !text.is_char_boundary(b)
        {
            continue;
        }
        parts.push((&text[at..a], false));
        parts.push((&text[a..b], true));
        at = b;
    }
    parts.push((&text[at..], false));
    html! {
        @for (part, marked) in parts {
            @if marked { mark { (part) } } @else { (part) }
        }
    }
}

/// Why a code was suggested: the words, the theme it goes with, or what the model learned.
fn reason(
    lang: Lang,
    p: &Suggestion,
    text: &str,
    name_of: &dyn Fn(&str) -> String,
) -> maud::Markup {
    let words = reason_words(&p.spans, text);
    html! {
        @match &p.via {
            Via::Cues => { (t(lang, "coding-reason-words")) " " }
            Via::Theme(theme) => { (t_args(lang, "coding-reason-theme", &[("theme", &name_of(theme))])) " " }
            Via::Model(prob) => { (t_args(lang, "coding-reason-model", &[("percent", &format!("{:.0}", 100.0 * prob))])) " " }
        }
        @for (i, w) in words.iter().enumerate() {
            @if i > 0 { ", " }
            "\u{201c}" mark { (w) } "\u{201d}"
        }
    }
}

/// The first four words a suggestion's reason points at (spans outside the text, or not on a
/// character boundary, are left out).
fn reason_words<'a>(spans: &[(usize, usize)], text: &'a str) -> Vec<&'a str> {
    spans
        .iter()
        .filter(|(a, b)| {
            a < b && *b <= text.len() && text.is_char_boundary(*a) && text.is_char_boundary(*b)
        })
        .map(|(a, b)| &text[*a..*b])
        .take(4)
        .collect()
}

/// Why a cue suggestion is held back: how often she chose the code where the words suggested
/// it, and the words (not marked: it is not a suggestion).
fn held_back(lang: Lang, h: &HeldBack, text: &str) -> maud::Markup {
    let words = reason_words(&h.suggestion.spans, text);
    html! {
        (t_args(lang, "coding-reason-held-back", &[
            ("percent", &format!("{:.0}", 100.0 * h.p)),
            ("kept", &h.kept.to_string()),
            ("suggested", &h.suggested.to_string()),
        ])) " "
        @for (i, w) in words.iter().enumerate() {
            @if i > 0 { ", " }
            "\u{201c}" (w) "\u{201d}"
        }
    }
}

/// The codebook page, with the errors of a form and what was typed in it.
pub(super) fn book_markup(
    ctx: &Ctx,
    book: &[Code],
    errors: &[(&str, String)],
    name: &str,
    cues: &str,
) -> maud::Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, "codebook-title"),
        html! {
            (layout::error_summary(ctx, errors))
            p { (t(lang, "codebook-intro")) }
            h2 { (t(lang, "codebook-add")) }
            form method="post" action="/onderzoek/codeboek" {
                (csrf_field(ctx))
                (layout::text_field("naam", &t(lang, "codebook-name"), "text", name, None, layout::error_for(errors, "naam"), "off"))
                (layout::text_field("woorden", &t(lang, "codebook-cues"), "text", cues, Some(&t(lang, "codebook-cues-hint")), None, "off"))
                button type="submit" { (t(lang, "codebook-add-button")) }
            }
            @for (kind, heading) in [(codebook::THEME, "coding-themes"), (codebook::NORM, "coding-norms")] {
                h2 { (t(lang, heading)) }
                @for c in book.iter().filter(|c| c.kind == kind) {
                    form.code method="post" action={ "/onderzoek/codeboek/" (c.code) } {
                        (csrf_field(ctx))
                        fieldset {
                            legend lang="nl" { (c.name) }
                            (layout::text_field(&format!("naam-{}", c.code), &t(lang, "codebook-name"), "text", &c.name, None, None, "off"))
                            (layout::text_field(&format!("woorden-{}", c.code), &t(lang, "codebook-cues"), "text", &c.cues.join(", "), None, None, "off"))
                            div.check {
                                input type="checkbox" name="actief" value="ja" id={ "actief-" (c.code) } checked[c.active];
                                label for={ "actief-" (c.code) } { (t(lang, "codebook-active")) }
                            }
                            button.secondary type="submit" { (t(lang, "codebook-save")) }
                        }
                    }
                }
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A held-back suggestion says how often she chose the code where the words suggested it, and
    /// names the words without marking them (it is not a suggestion).
    #[test]
    fn a_held_back_suggestion_says_why_and_is_not_marked() {
        // A sentence written for this test.
        let text = "Ik moest alles terugbetalen.";
        let at = text.find("terugbetalen").unwrap();
        let h = HeldBack {
            suggestion: Suggestion {
                code: "evenredigheid".into(),
                spans: vec![(at, at + "terugbetalen".len())],
                cues: vec!["=terugbetal*".into()],
                via: Via::Cues,
            },
            p: 0.12,
            suggested: 6,
            kept: 1,
        };
        let html = held_back(Lang::Nl, &h, text).into_string();
        assert!(html.contains("minder waarschijnlijk (12%)"), "{html}");
        assert!(html.contains("bij 1 van de 6 teksten"), "{html}");
        assert!(html.contains("\u{201c}terugbetalen\u{201d}"), "{html}");
        assert!(!html.contains("<mark>"), "{html}");
    }
}
