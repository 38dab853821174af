//! One way to make survey waves for tests, benchmarks and the demo, like
//! [`crate::complaints::builder::ComplaintBuilder`] for complaints:
//! `WaveBuilder::new().name("Ronde").days_from_today(-1, 30).channels(&["web"]).create(conn)`.
//!
//! It goes through [`waves::create_wave`] (the same checks as the staff page) as the system, so a
//! wave made here is a wave like any other. Every field has a plain default.

use chrono::{Duration, NaiveDate};

use crate::accounts::audit::Actor;
use crate::db::DbConnection;
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
