//! One way to make survey waves for tests, benchmarks and the demo, like
//! [`crate::complaints::builder::ComplaintBuilder`] for complaints:
//! `WaveBuilder::new().name("Ronde").days_from_today(-1, 30).channels(&["web"]).create(conn)`.
//!
//! It goes through [`waves::create_wave`] (the same checks as the staff page) as the system, so a
//! wave made here is a wave like any other. Every field has a plain default.
//!
//! Answers for such a wave come from one place too: [`AnswerMix`] draws random answer sets (the
//! demo, the report's property test, the monitor benchmark), [`FormAnswers`] fills in the web
//! form the same way every time (tests and benchmarks that send it).

use chrono::{Duration, NaiveDate};
use rand::Rng;

use crate::accounts::audit::Actor;
use crate::db::DbConnection;
use crate::surveys::answers::{is_shown, AnswerSet, Stored};
use crate::surveys::definition::{Definition, Item, ItemKind};
use crate::surveys::waves::{self, NewWave, Wave, WaveError};

/// A wave to make.
#[derive(Debug, Clone)]
pub struct WaveBuilder {
    new: NewWave,
}

impl Default for WaveBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl WaveBuilder {
    /// "Cliëntervaring test" on the shipped questionnaire, open from today for 30 days, for a
    /// population of 1200, with the default channels.
    pub fn new() -> WaveBuilder {
        let today = crate::fmt::today();
        WaveBuilder {
            new: NewWave {
                name: "Cliëntervaring test".into(),
                questionnaire: "bejegening-bijstand".into(),
                opens_on: today,
                closes_on: today + Duration::days(30),
                population: 1200,
                channels: vec![],
            },
        }
    }

    /// Its name.
    pub fn name(mut self, name: &str) -> Self {
        self.new.name = name.into();
        self
    }

    /// The questionnaire (its key; the newest stored text is pinned).
    pub fn questionnaire(mut self, key: &str) -> Self {
        self.new.questionnaire = key.into();
        self
    }

    /// The first and the last day answers are taken.
    pub fn window(mut self, opens_on: NaiveDate, closes_on: NaiveDate) -> Self {
        self.new.opens_on = opens_on;
        self.new.closes_on = closes_on;
        self
    }

    /// The window in days from today (negative: in the past).
    pub fn days_from_today(self, opens: i64, closes: i64) -> Self {
        let today = crate::fmt::today();
        self.window(
            today + Duration::days(opens),
            today + Duration::days(closes),
        )
    }

    /// The population (N).
    pub fn population(mut self, n: i32) -> Self {
        self.new.population = n;
        self
    }

    /// The channels allowed (codes; none: the default channels).
    pub fn channels(mut self, channels: &[&str]) -> Self {
        self.new.channels = channels.iter().map(|c| c.to_string()).collect();
        self
    }

    /// The wave as the staff page would send it.
    pub fn new_wave(&self) -> &NewWave {
        &self.new
    }

    /// Makes the wave; returns its number.
    pub fn create(&self, conn: &mut DbConnection) -> Result<i64, WaveError> {
        waves::create_wave(conn, &self.new, Actor::System)
    }

    /// Makes the wave and reads it back.
    pub fn create_and_find(&self, conn: &mut DbConnection) -> Result<Wave, WaveError> {
        let id = self.create(conn)?;
        waves::find_wave(conn, id)
    }

    /// Makes the wave with `n` invitation codes (as printed on the letters); returns its number
    /// and the codes.
    pub fn create_with_codes(
        &self,
        conn: &mut DbConnection,
        n: usize,
    ) -> Result<(i64, Vec<String>), WaveError> {
        let id = self.create(conn)?;
        Ok((id, waves::create_invitations(conn, id, n, Actor::System)?))
    }
}

/// How random answer sets are drawn, for the demo, the report's property test and the monitor
/// benchmark. What differs between them on purpose is a field here: the demo draws a believable
/// mood and people with a terugvordering, the property test leaves many questions open and makes
/// later options rare (so small groups turn up), the benchmark answers every question.
#[derive(Debug, Clone)]
pub struct AnswerMix<'a> {
    /// Chance that a question is left unanswered.
    pub skip: f64,
    /// Chance of "weet niet" on a scale question that offers it.
    pub dont_know: f64,
    /// Each set draws a mood from `-mood..mood` that lifts or lowers its scale points and grade
    /// (0: no mood).
    pub mood: f64,
    /// Each answer draws noise from `-noise..noise`: a scale point is `3.5 + mood + noise`.
    pub noise: f64,
    /// A grade is `grade_middle + grade_mood × mood + grade_noise × noise`.
    pub grade_middle: f64,
    /// How much the mood moves a grade.
    pub grade_mood: f64,
    /// How much the noise moves a grade.
    pub grade_noise: f64,
    /// A yes/no background question answered "ja" by a share of the people, whose mood drops by
    /// the amount given: `(key, share, drop)`.
    pub setback: Option<(&'a str, f64, f64)>,
    /// A single choice picks the option at `u^skew` of the list (`u` uniform): 1 makes every
    /// option alike, 3 makes later options rare.
    pub skew: i32,
    /// Answer only the questions shown after the answers before them (`false`: every question).
    pub follow_conditions: bool,
    /// Answer single-choice questions (the background questions).
    pub single: bool,
    /// Answer multiple-choice questions (one option, a second in two of five sets).
    pub multi: bool,
    /// Answer number questions (anything in their range).
    pub numbers: bool,
    /// Open answers: the chance one is written, the texts for a good mood (and for `wat_goed`),
    /// the texts otherwise (and for `wat_beter`). `None`: no open answers.
    pub texts: Option<(f64, &'a [&'a str], &'a [&'a str])>,
}

impl AnswerMix<'_> {
    /// One answer set for `def`, drawn with `rng`.
    pub fn draw(&self, def: &Definition, rng: &mut impl Rng) -> AnswerSet {
        let setback = self
            .setback
            .map(|(key, share, drop)| (key, rng.gen_bool(share), drop));
        let lowered = setback.map_or(0.0, |(_, yes, drop)| if yes { drop } else { 0.0 });
        let mood = if self.mood > 0.0 {
            rng.gen_range(-self.mood..self.mood)
        } else {
            0.0
        } - lowered;
        let mut a = AnswerSet::new();
        for item in def.items() {
            if (self.follow_conditions && !is_shown(item, &a)) || rng.gen_bool(self.skip) {
                continue;
            }
            let noise: f64 = if self.noise > 0.0 {
                rng.gen_range(-self.noise..self.noise)
            } else {
                0.0
            };
            let value = match &item.kind {
                ItemKind::Grade => Stored::Number(
                    (self.grade_middle + self.grade_mood * mood + self.grade_noise * noise)
                        .round()
                        .clamp(1.0, 10.0) as i64,
                ),
                ItemKind::Scale { dont_know, .. } => match dont_know {
                    Some(d) if rng.gen_bool(self.dont_know) => Stored::Text(d.clone()),
                    _ => Stored::Number((3.5 + mood + noise).round().clamp(1.0, 5.0) as i64),
                },
                ItemKind::Single { options, .. } if self.single => {
                    let code = match setback {
                        Some((key, yes, _)) if item.key == key => {
                            if yes { "ja" } else { "nee" }.to_string()
                        }
                        _ => options[self.position(options.len(), rng)].code.clone(),
                    };
                    Stored::Text(code)
                }
                ItemKind::Multi { options, .. } if self.multi => {
                    let first = rng.gen_range(0..options.len());
                    let mut codes = vec![options[first].code.clone()];
                    if rng.gen_bool(0.4) {
                        let second = rng.gen_range(0..options.len());
                        if second != first {
                            codes.push(options[second].code.clone());
                        }
                    }
                    codes.sort_by_key(|c| options.iter().position(|o| o.code == *c));
                    Stored::List(codes)
                }
                ItemKind::Text { .. } => {
                    let Some((chance, good, better)) = self.texts else {
                        continue;
                    };
                    if !rng.gen_bool(chance) {
                        continue;
                    }
                    let pool = if item.key == "wat_goed" || (mood > 0.3 && item.key != "wat_beter")
                    {
                        good
                    } else {
                        better
                    };
                    Stored::Text(pool[rng.gen_range(0..pool.len())].to_string())
                }
                ItemKind::Number { min, max } if self.numbers => {
                    Stored::Number(rng.gen_range(*min..=*max))
                }
                ItemKind::Single { .. } | ItemKind::Multi { .. } | ItemKind::Number { .. } => {
                    continue
                }
            };
            a.insert(item.key.clone(), value);
        }
        a
    }

    /// The position of the option a single choice picks among `n`.
    fn position(&self, n: usize, rng: &mut impl Rng) -> usize {
        if self.skew == 1 {
            rng.gen_range(0..n)
        } else {
            ((rng.gen_range(0.0f64..1.0).powi(self.skew) * n as f64) as usize).min(n - 1)
        }
    }
}

/// A whole answer as form fields, the same value for every question of a kind: how tests and
/// benchmarks fill in the web form. Number questions get their lowest value.
#[derive(Debug, Clone)]
pub struct FormAnswers<'a> {
    /// The grade.
    pub grade: i64,
    /// The scale point.
    pub scale: i64,
    /// A single choice takes this option where the question has it ...
    pub single_code: Option<&'a str>,
    /// ... and otherwise the option at this position.
    pub single_at: usize,
    /// A multiple choice takes the options at these positions.
    pub multi_at: &'a [usize],
    /// Every open answer.
    pub text: &'a str,
}

impl FormAnswers<'_> {
    /// The fields that answer `item`.
    pub fn item(&self, item: &Item) -> Vec<(String, String)> {
        let key = item.key.clone();
        match &item.kind {
            ItemKind::Grade => vec![(key, self.grade.to_string())],
            ItemKind::Scale { .. } => vec![(key, self.scale.to_string())],
            ItemKind::Single { options, .. } => {
                let code = self
                    .single_code
                    .and_then(|c| options.iter().find(|o| o.code == c))
                    .unwrap_or(&options[self.single_at]);
                vec![(key, code.code.clone())]
            }
            ItemKind::Multi { options, .. } => self
                .multi_at
                .iter()
                .map(|i| (key.clone(), options[*i].code.clone()))
                .collect(),
            ItemKind::Text { .. } => vec![(key, self.text.to_string())],
            ItemKind::Number { min, .. } => vec![(key, min.to_string())],
        }
    }

    /// The fields that answer every question that is always shown (on one page).
    pub fn always_shown(&self, def: &Definition) -> Vec<(String, String)> {
        def.items()
            .filter(|i| i.show_if.is_none())
            .flat_map(|i| self.item(i))
            .collect()
    }
}
