//! The summary in plain words, drawn from the published figures only.

use super::*;
use crate::surveys::definition::Dimension;

/// At most this many sentences in the summary.
pub const SUMMARY_SENTENCES: usize = 8;
/// At most this many words in a sentence of the report's texts.
pub const SENTENCE_WORDS: usize = 25;

/// Words in a sentence.
pub fn words(sentence: &str) -> usize {
    sentence.split_whitespace().count()
}

/// A quoted question in a sentence: without its own closing point.
pub(super) fn quoted(text: &str) -> String {
    format!("\u{201c}{}\u{201d}", text.trim().trim_end_matches('.'))
}

/// The summary in plain words (B1), drawn from the published figures only: at most
/// [`SUMMARY_SENTENCES`] sentences of at most [`SENTENCE_WORDS`] words. In order: who took part,
/// the treatment against the last time, the clearest strength, the clearest problem, the largest
/// difference between groups worth telling, what the complaints were about, the deadlines, and
/// the follow-up of earlier findings.
pub fn summary(r: &Report) -> Vec<String> {
    use crate::monitor::numbers::{fixed, pct};
    let mut out: Vec<String> = vec![];
    // A sentence that would run too long gets its shorter form.
    let push = |out: &mut Vec<String>, long: String, short: &dyn Fn() -> String| {
        out.push(if words(&long) <= SENTENCE_WORDS {
            long
        } else {
            short()
        });
    };
    if let Some(s) = &r.survey {
        out.push(match s.response_rate {
            Some(rate) => format!(
                "Van de {} mensen met een uitnodiging vulden er {} de vragenlijst in: {}.",
                s.invited,
                s.answered,
                pct(rate)
            ),
            None => format!("{} mensen vulden de vragenlijst in.", s.answered),
        });
        if let Some(d) = s
            .dimensions
            .iter()
            .find(|d| d.dimension == Dimension::Bejegening)
        {
            if let Some(v) = d.positive.value {
                let against = match (&s.previous_wave, d.change) {
                    (Some(_), Some(c)) if c > 0.0 => {
                        format!(", {} procentpunt meer dan de vorige keer", fixed(c, 0))
                    }
                    (Some(_), Some(c)) => {
                        format!(", {} procentpunt minder dan de vorige keer", fixed(-c, 0))
                    }
                    (Some(_), None) => ", ongeveer even veel als de vorige keer".to_string(),
                    (None, _) => String::new(),
                };
                out.push(format!(
                    "{} van de mensen is positief over de bejegening{against}.",
                    pct(v)
                ));
            }
        }
        let shown: Vec<&ItemFigure> = s
            .items
            .iter()
            .filter(|i| i.positive.value.is_some())
            .collect();
        let by = |f: &dyn Fn(&ItemFigure) -> Option<f64>| {
            shown
                .iter()
                .copied()
                .filter(|i| f(i).is_some())
                .max_by(|a, b| {
                    f(a).partial_cmp(&f(b))
                        .unwrap_or(std::cmp::Ordering::Equal)
                        .then_with(|| b.key.cmp(&a.key))
                })
        };
        if let Some(best) = by(&|i| i.positive.value) {
            let v = pct(best.positive.value.unwrap_or(0.0));
            push(
                &mut out,
                format!(
                    "Het meest positief zijn mensen over {} ({v} positief).",
                    quoted(&best.text)
                ),
                &|| {
                    format!(
                        "Het meest positief zijn mensen over een vraag over {} ({v} positief).",
                        dimension_phrase(best.dimension)
                    )
                },
            );
        }
        if let Some(worst) = by(&|i| i.negative.value) {
            let v = pct(worst.negative.value.unwrap_or(0.0));
            push(
                &mut out,
                format!(
                    "De meeste kritiek is er op {} ({v} negatief).",
                    quoted(&worst.text)
                ),
                &|| {
                    format!(
                        "De meeste kritiek is er op een vraag over {} ({v} negatief).",
                        dimension_phrase(worst.dimension)
                    )
                },
            );
        }
        if let Some(d) = group_sentences(s).into_iter().next() {
            push(&mut out, d, &|| {
                "Tussen groepen zijn er verschillen; zie het deel Groepen.".to_string()
            });
        }
    }
    let Some(c) = &r.complaints else {
        out.push("De cijfers over klachten komen na afloop van het kwartaal.".into());
        out.push(followup_sentence(&r.followups));
        return out;
    };
    let span = if c.to < r.period.to {
        format!(
            "Van {} tot en met {}",
            crate::fmt::date_text(c.from),
            crate::fmt::date_text(c.to)
        )
    } else {
        "In deze periode".to_string()
    };
    let topic = c
        .by_category
        .iter()
        .filter_map(|(name, cell)| cell.n.filter(|n| *n > 0).map(|n| (n, name)))
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, name)| name.to_lowercase());
    match c.funnel.first().and_then(|(_, cell)| cell.n) {
        Some(n) => {
            let long = match &topic {
                Some(t) => format!("{span} kwamen {n} klachten binnen; de meeste gingen over {t}."),
                None => format!("{span} kwamen {n} klachten binnen."),
            };
            push(&mut out, long, &|| {
                format!("{span} kwamen {n} klachten binnen.")
            });
        }
        // Never "fewer than k": a total can also be hidden to protect another figure.
        None => {
            out.push("Het aantal klachten staat er niet, zodat niemand te herkennen is.".into())
        }
    }
    out.push(deadline_sentence(c));
    out.push(followup_sentence(&r.followups));
    out.truncate(SUMMARY_SENTENCES);
    out
}

/// The deadlines in one sentence: decided in time, decided late, still open after the deadline.
pub fn deadline_sentence(c: &ComplaintPart) -> String {
    match (
        c.due.n,
        c.in_time_count.value,
        c.late_count.value,
        c.overdue_count.value,
    ) {
        (Some(0), ..) => "Er was nog geen klacht waarvoor de termijn voor een besluit voorbij is.".into(),
        (Some(due), Some(a), Some(b), Some(o)) => format!(
            "Van de {due} klachten met een besluit of een verlopen termijn: {} op tijd beslist, {} te laat beslist, {} nog open.",
            fixed0(a),
            fixed0(b),
            fixed0(o)
        ),
        _ => "Hoeveel klachten op tijd een besluit kregen, staat er niet, zodat niemand te herkennen is.".into(),
    }
}

pub(super) fn fixed0(v: f64) -> String {
    crate::monitor::numbers::fixed(v, 0)
}

/// The follow-up of earlier findings in one sentence.
pub fn followup_sentence(f: &FollowUps) -> String {
    if f.agreed == 0 {
        return "Na de klachten van deze periode zijn geen acties afgesproken.".into();
    }
    format!(
        "Na klachten zijn {} acties afgesproken: {} klaar en {} te laat.",
        f.agreed, f.done, f.late
    )
}

/// The differences between groups worth telling (significant and at least
/// [`indicators::GROUP_MIN_POINTS`]), those on the treatment first, then the largest, at most
/// four, one per way of splitting.
pub fn group_sentences(s: &SurveyPart) -> Vec<String> {
    let mut found: Vec<(f64, &SubgroupFigure)> = s
        .subgroups
        .iter()
        .filter(|g| g.difference.is_some())
        .map(|g| {
            let all = s
                .dimensions
                .iter()
                .find(|d| d.dimension == g.dimension)
                .and_then(|d| d.positive.value);
            let gap = match (g.positive.value, all) {
                (Some(a), Some(b)) => (a - b).abs(),
                _ => 0.0,
            };
            (gap, g)
        })
        .collect();
    // The treatment first (what the monitor is about), then the largest gap.
    found.sort_by(|a, b| {
        (b.1.dimension == Dimension::Bejegening)
            .cmp(&(a.1.dimension == Dimension::Bejegening))
            .then(b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal))
    });
    // One sentence per way of splitting: of "with" and "without", the group furthest from
    // everyone says it.
    let mut seen = std::collections::BTreeSet::new();
    found
        .into_iter()
        .filter(|(_, g)| seen.insert(g.split.clone()))
        .filter_map(|(_, g)| g.difference.clone())
        .take(4)
        .collect()
}
