//! The cue language and where a cue matches in a text.

use super::stems::Stems;

/// What a cue asks of negations and wishes around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Counts when not negated (the default).
    Affirmed,
    /// `+`: counts when neither negated nor in a wish ("graag wat vriendelijker").
    Positive,
    /// `-`: counts only when negated or in a wish ("luistert niet", "beter luisteren").
    NegatedOrWish,
    /// `=`: counts always.
    Any,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    /// A stem, or with `prefix` the start of a word as typed.
    text: String,
    prefix: bool,
    /// How many words may stand between the previous term and this one.
    gap: usize,
}

/// A cue, parsed: `[+|-|=]term term .. term`, where a term is a word (matched on its stem, also as
/// the last part of a compound) or a word start ending in `*`, and `..` allows up to four words in
/// between.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The cue as written.
    pub cue: String,
    /// Negation and wish.
    pub need: Need,
    terms: Vec<Term>,
}

/// Words that make a cue near them negated.
const NEGATORS: &[&str] = &[
    "niet",
    "geen",
    "nooit",
    "niemand",
    "niets",
    "niks",
    "nergens",
    "zonder",
    "onvoldoende",
    "nauwelijks",
    "amper",
    "weinig",
    "gebrek",
    "ontbreekt",
    "ontbrak",
    "slecht",
    "slechte",
    "tevergeefs",
    "allerminst",
    "moeilijk",
    "mist",
    "missen",
    "miste",
    "ontberen",
    "not",
    "no",
    "never",
    "nobody",
    "nothing",
    "without",
    "don't",
    "didn't",
    "doesn't",
    "won't",
    "couldn't",
    "can't",
    "hardly",
    "poorly",
];

/// Words that make the part of a sentence a wish.
const WISHES: &[&str] = &[
    "graag", "zou", "zouden", "wens", "wens", "wensen", "hoop", "hoopte", "liever", "meer",
    "beter", "mag", "mogen", "should", "wish", "hope", "would", "more", "better",
];

/// Words that end a part of a sentence.
const CLAUSE_WORDS: &[&str] = &["maar", "terwijl", "echter", "but", "whereas", "although"];

const GAP: usize = 4;

/// A word of the text.
#[derive(Debug, Clone)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    word: String,
    /// The stem and its variants (without a verb's t/d, without a participle's ge-), and the stems
    /// of the last parts of a compound.
    forms: Vec<String>,
    clause: usize,
}

impl Pattern {
    /// Reads a cue; `None` for an empty one.
    pub fn parse(cue: &str, stems: &Stems) -> Option<Pattern> {
        let cue = cue.trim().to_lowercase();
        let (need, rest) = match cue.chars().next()? {
            '+' => (Need::Positive, &cue[1..]),
            '-' => (Need::NegatedOrWish, &cue[1..]),
            '=' => (Need::Any, &cue[1..]),
            _ => (Need::Affirmed, &cue[..]),
        };
        let mut terms = vec![];
        let mut gap = 0;
        for part in rest.split_whitespace() {
            if part == ".." || part == "…" {
                gap = GAP;
                continue;
            }
            let word: String = part
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '*' || *c == '\'')
                .collect();
            if word.is_empty() || word == "*" {
                continue;
            }
            let term = match word.strip_suffix('*') {
                Some(start) => Term {
                    text: start.to_string(),
                    prefix: true,
                    gap,
                },
                None => Term {
                    text: stems.stem(&word),
                    prefix: false,
                    gap,
                },
            };
            terms.push(term);
            gap = 0;
        }
        if terms.is_empty() {
            return None;
        }
        // A cue that names its own negation needs none around it.
        let need =
            if rest.split_whitespace().any(|w| NEGATORS.contains(&w)) && need != Need::Positive {
                Need::Any
            } else {
                need
            };
        Some(Pattern {
            cue: cue.to_string(),
            need,
            terms,
        })
    }
}

fn term_matches(term: &Term, token: &Token) -> bool {
    if term.prefix {
        token.word.starts_with(&term.text)
    } else {
        token.forms.contains(&term.text)
    }
}

/// The words of a text with their stems and parts of sentences.
pub(super) struct Text {
    pub(super) tokens: Vec<Token>,
}

impl Text {
    pub(super) fn of(text: &str, stems: &Stems) -> Text {
        let mut tokens = vec![];
        let mut clause = 0;
        let mut start: Option<usize> = None;
        let push = |tokens: &mut Vec<Token>, clause: &mut usize, s: usize, e: usize| {
            let word = text[s..e].to_lowercase();
            if CLAUSE_WORDS.contains(&word.as_str()) {
                *clause += 1;
            }
            let forms = stems.forms(&word);
            tokens.push(Token {
                start: s,
                end: e,
                word,
                forms,
                clause: *clause,
            });
        };
        for (i, c) in text.char_indices() {
            let in_word = c.is_alphanumeric() || (c == '\'' && start.is_some());
            match (in_word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    push(&mut tokens, &mut clause, s, i);
                    start = None;
                }
                _ => {}
            }
            if !in_word && matches!(c, '.' | '!' | '?' | ';' | ':' | ',' | '(' | ')' | '\n') {
                clause += 1;
            }
        }
        if let Some(s) = start {
            push(&mut tokens, &mut clause, s, text.len());
        }
        Text { tokens }
    }

    /// Every place a pattern matches, as token ranges.
    pub(super) fn find(&self, p: &Pattern) -> Vec<(usize, usize)> {
        let mut out = vec![];
        for first in 0..self.tokens.len() {
            if !term_matches(&p.terms[0], &self.tokens[first]) {
                continue;
            }
            if let Some(last) = self.rest(p, 1, first) {
                if self.need_met(p.need, first, last) {
                    out.push((first, last));
                }
            }
        }
        out
    }

    fn rest(&self, p: &Pattern, term: usize, at: usize) -> Option<usize> {
        let Some(t) = p.terms.get(term) else {
            return Some(at);
        };
        let clause = self.tokens[at].clause;
        for next in at + 1..=(at + 1 + t.gap).min(self.tokens.len().saturating_sub(1)) {
            if self.tokens[next].clause != clause && t.gap > 0 {
                break;
            }
            if term_matches(t, &self.tokens[next]) {
                if let Some(end) = self.rest(p, term + 1, next) {
                    return Some(end);
                }
            }
        }
        None
    }

    fn negated(&self, first: usize, last: usize) -> bool {
        let clause = self.tokens[first].clause;
        let from = first.saturating_sub(4);
        let to = (last + 2).min(self.tokens.len().saturating_sub(1));
        (from..=to)
            .map(|i| &self.tokens[i])
            .filter(|t| t.clause == clause)
            .any(|t| NEGATORS.contains(&t.word.as_str()))
    }

    fn wish(&self, first: usize) -> bool {
        let clause = self.tokens[first].clause;
        self.tokens
            .iter()
            .filter(|t| t.clause == clause)
            .any(|t| WISHES.contains(&t.word.as_str()))
    }

    fn need_met(&self, need: Need, first: usize, last: usize) -> bool {
        match need {
            Need::Any => true,
            Need::Affirmed => !self.negated(first, last),
            Need::Positive => !self.negated(first, last) && !self.wish(first),
            Need::NegatedOrWish => self.negated(first, last) || self.wish(first),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_may_have_gaps_within_a_sentence() {
        let s = Stems::new("nl");
        let p = Pattern::parse("als .. kind", &s).unwrap();
        let t = Text::of("Ze behandelde mij als een klein kind.", &s);
        assert_eq!(t.find(&p).len(), 1);
        let t = Text::of("Als ik bel, pakt niemand op. Mijn kind wacht.", &s);
        assert!(t.find(&p).is_empty(), "a gap does not cross a sentence");
    }

    #[test]
    fn a_cue_says_what_it_needs_of_negation() {
        let s = Stems::new("nl");
        let p = Pattern::parse("-luister", &s).unwrap();
        assert_eq!(p.need, Need::NegatedOrWish);
        assert_eq!(Text::of("Hij luisterde niet.", &s).find(&p).len(), 1);
        assert!(Text::of("Hij luisterde goed.", &s).find(&p).is_empty());
        // A cue that names its own negation needs none around it.
        assert_eq!(Pattern::parse("-niet gehoord", &s).unwrap().need, Need::Any);
        assert!(Pattern::parse("  ", &s).is_none());
    }
}
