//! Questionnaire versions, waves and invitation codes.
//!
//! Every distinct text of a questionnaire is stored once (`questionnaire_versions`); a wave pins one,
//! so changing a definition later never changes what an earlier wave asked. Invitation codes are
//! generated here and handed out once (CSV for mail merge); only their hashes are stored.

use chrono::NaiveDate;
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::accounts::audit::{self, Actor};
use crate::codes;
use crate::db::schema::{invitations, questionnaire_versions, waves};
use crate::db::{write_tx, DbConnection};
use crate::surveys::channel::Channel;
use crate::surveys::definition::Definition;

/// Whether a wave takes answers on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Before the opening date.
    NotYetOpen,
    /// Between opening and closing date (both included).
    Open,
    /// After the closing date.
    Closed,
}

/// The answering window on `today` (dates in Dutch local time).
pub fn window(today: NaiveDate, opens: NaiveDate, closes: NaiveDate) -> Window {
    if today < opens {
        Window::NotYetOpen
    } else if today > closes {
        Window::Closed
    } else {
        Window::Open
    }
}

/// Why a wave or invitations cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum WaveError {
    /// No questionnaire with this key.
    #[error("er is geen vragenlijst '{0}'")]
    UnknownQuestionnaire(String),
    /// No wave with this number.
    #[error("er is geen ronde met nummer {0}")]
    UnknownWave(i64),
    /// Closing date before opening date.
    #[error("de sluitingsdatum ligt vóór de openingsdatum")]
    Dates,
    /// Population must be positive.
    #[error("het aantal mensen in de doelgroep (N) moet minstens 1 zijn")]
    Population,
    /// A channel that is not a [`Channel`].
    #[error("onbekend kanaal '{0}'; kies uit {codes}", codes = Channel::codes_text())]
    Channel(String),
    /// A name is needed.
    #[error("geef de ronde een naam (hoogstens 100 tekens)")]
    Name,
    /// Too many or too few codes at once.
    #[error("maak 1 tot 100000 codes per keer")]
    Count,
    /// The wave has opened: its dates, N and channels stay as they were.
    #[error("de ronde is al open; datums, N en kanalen liggen vast")]
    AlreadyOpen,
    /// A new opening date that has passed.
    #[error("de openingsdatum ligt in het verleden")]
    OpensInPast,
    /// Database failure.
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

fn content_hash(text: &str) -> String {
    crate::fmt::hex(&Sha256::digest(text.as_bytes()))
}

/// Stores a questionnaire text if it is new; returns the id of its version row.
pub fn register_version(conn: &mut DbConnection, def: &Definition, text: &str) -> QueryResult<i64> {
    let hash = content_hash(text);
    write_tx(conn, |c| {
        let existing: Option<i64> = questionnaire_versions::table
            .filter(questionnaire_versions::questionnaire_key.eq(&def.key))
            .filter(questionnaire_versions::content_hash.eq(&hash))
            .select(questionnaire_versions::id)
            .first(c)
            .optional()?;
        if let Some(id) = existing {
            return Ok(id);
        }
        // The same version number with another text gets the next revision, so nothing is overwritten.
        let last: Option<i32> = questionnaire_versions::table
            .filter(questionnaire_versions::questionnaire_key.eq(&def.key))
            .filter(questionnaire_versions::version.eq(def.version as i32))
            .select(diesel::dsl::max(questionnaire_versions::revision))
            .first(c)?;
        diesel::insert_into(questionnaire_versions::table)
            .values((
                questionnaire_versions::questionnaire_key.eq(&def.key),
                questionnaire_versions::version.eq(def.version as i32),
                questionnaire_versions::revision.eq(last.unwrap_or(0) + 1),
                questionnaire_versions::content_hash.eq(&hash),
                questionnaire_versions::definition.eq(text),
                questionnaire_versions::created_at.eq(crate::db::now()),
            ))
            .execute(c)?;
        questionnaire_versions::table
            .filter(questionnaire_versions::questionnaire_key.eq(&def.key))
            .filter(questionnaire_versions::content_hash.eq(&hash))
            .select(questionnaire_versions::id)
            .first(c)
    })
}

/// Stores every shipped questionnaire text (idempotent; run at start-up).
pub fn register_shipped(conn: &mut DbConnection) -> anyhow::Result<()> {
    let defs = crate::surveys::shipped()
        .map_err(|p| anyhow::anyhow!("{} problemen in de vragenlijsten", p.len()))?;
    for (def, (_, text)) in defs.iter().zip(crate::surveys::SHIPPED) {
        register_version(conn, def, text)?;
    }
    Ok(())
}

/// A new wave as entered.
#[derive(Debug, Clone)]
pub struct NewWave {
    /// Name, e.g. "Cliëntervaring 2027".
    pub name: String,
    /// Questionnaire key; the newest stored text of it is pinned.
    pub questionnaire: String,
    /// First day answers are taken.
    pub opens_on: NaiveDate,
    /// Last day answers are taken.
    pub closes_on: NaiveDate,
    /// Size of the population (N), for the margin of error.
    pub population: i32,
    /// Channels allowed.
    pub channels: Vec<String>,
}

/// A wave as stored.
#[derive(Debug, Clone, Queryable)]
pub struct Wave {
    /// Number.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Questionnaire key.
    pub questionnaire_key: String,
    /// Version number.
    pub version: i32,
    /// Revision of that version.
    pub revision: i32,
    /// Opening date.
    pub opens_on: NaiveDate,
    /// Closing date.
    pub closes_on: NaiveDate,
    /// Population size.
    pub population: i32,
    /// Channels, comma-separated.
    pub channels: String,
    /// The pinned questionnaire text.
    pub version_id: i64,
    /// Reminders sent so far (at most two).
    pub reminders_sent: i32,
}

impl Wave {
    /// Whether answers may come in through `channel`.
    pub fn allows(&self, channel: Channel) -> bool {
        self.channels.split(',').any(|c| c == channel.code())
    }

    /// The answering window today (Dutch local date).
    pub fn window_today(&self) -> Window {
        window(crate::fmt::today(), self.opens_on, self.closes_on)
    }
}

/// Creates a wave on the newest text of a questionnaire.
pub fn create_wave(conn: &mut DbConnection, new: &NewWave, actor: Actor) -> Result<i64, WaveError> {
    let name = new.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(WaveError::Name);
    }
    if new.closes_on < new.opens_on {
        return Err(WaveError::Dates);
    }
    if new.population < 1 {
        return Err(WaveError::Population);
    }
    for ch in &new.channels {
        if Channel::parse(ch).is_none() {
            return Err(WaveError::Channel(ch.clone()));
        }
    }
    let channels = if new.channels.is_empty() {
        Channel::ALL
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>()
            .join(",")
    } else {
        new.channels.join(",")
    };
    write_tx(conn, |c| {
        let version_id: i64 = questionnaire_versions::table
            .filter(questionnaire_versions::questionnaire_key.eq(&new.questionnaire))
            .order(questionnaire_versions::id.desc())
            .select(questionnaire_versions::id)
            .first(c)
            .optional()?
            .ok_or_else(|| WaveError::UnknownQuestionnaire(new.questionnaire.clone()))?;
        let created_by = match actor {
            Actor::User(id) => Some(id),
            _ => None,
        };
        diesel::insert_into(waves::table)
            .values((
                waves::name.eq(name),
                waves::version_id.eq(version_id),
                waves::opens_on.eq(new.opens_on),
                waves::closes_on.eq(new.closes_on),
                waves::population.eq(new.population),
                waves::channels.eq(&channels),
                waves::created_by.eq(created_by),
                waves::created_at.eq(crate::db::now()),
            ))
            .execute(c)?;
        let id: i64 = waves::table
            .order(waves::id.desc())
            .select(waves::id)
            .first(c)?;
        audit::record(
            c,
            actor,
            "wave.created",
            "wave",
            Some(&id.to_string()),
            None,
        )?;
        Ok(id)
    })
}

/// What may be changed about a wave until it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaveChange {
    /// First day answers are taken.
    pub opens_on: NaiveDate,
    /// Last day answers are taken.
    pub closes_on: NaiveDate,
    /// Size of the population (N).
    pub population: i32,
    /// Channels allowed (at least one).
    pub channels: Vec<String>,
}

/// Whether a wave may still be changed on `today`: only before it opens.
pub fn editable(wave: &Wave, today: NaiveDate) -> bool {
    window(today, wave.opens_on, wave.closes_on) == Window::NotYetOpen
}

/// Checks a change on its own: dates in order and not in the past, N at least 1, known channels.
pub fn check_change(change: &WaveChange, today: NaiveDate) -> Result<(), WaveError> {
    if change.closes_on < change.opens_on {
        return Err(WaveError::Dates);
    }
    if change.opens_on < today {
        return Err(WaveError::OpensInPast);
    }
    if change.population < 1 {
        return Err(WaveError::Population);
    }
    if change.channels.is_empty() {
        return Err(WaveError::Channel(String::new()));
    }
    for ch in &change.channels {
        if Channel::parse(ch).is_none() {
            return Err(WaveError::Channel(ch.clone()));
        }
    }
    Ok(())
}

/// Changes a wave's dates, N and channels, only while it has not opened (checked in the same
/// transaction as the change). The audit line names the fields that changed, not their values.
pub fn update_wave(
    conn: &mut DbConnection,
    id: i64,
    change: &WaveChange,
    today: NaiveDate,
    actor: Actor,
) -> Result<(), WaveError> {
    check_change(change, today)?;
    let channels = change.channels.join(",");
    write_tx(conn, |c| {
        let wave = find_wave(c, id)?;
        if !editable(&wave, today) {
            return Err(WaveError::AlreadyOpen);
        }
        let mut changed = vec![];
        if wave.opens_on != change.opens_on {
            changed.push("open");
        }
        if wave.closes_on != change.closes_on {
            changed.push("sluit");
        }
        if wave.population != change.population {
            changed.push("n");
        }
        if wave.channels != channels {
            changed.push("kanalen");
        }
        if changed.is_empty() {
            return Ok(());
        }
        diesel::update(waves::table.find(id))
            .set((
                waves::opens_on.eq(change.opens_on),
                waves::closes_on.eq(change.closes_on),
                waves::population.eq(change.population),
                waves::channels.eq(&channels),
            ))
            .execute(c)?;
        audit::record(
            c,
            actor,
            "wave.changed",
            "wave",
            Some(&id.to_string()),
            Some(&changed.join(",")),
        )?;
        Ok(())
    })
}

/// The columns of [`Wave`], in its field order.
#[allow(clippy::type_complexity)]
pub(crate) const WAVE_COLUMNS: (
    waves::id,
    waves::name,
    questionnaire_versions::questionnaire_key,
    questionnaire_versions::version,
    questionnaire_versions::revision,
    waves::opens_on,
    waves::closes_on,
    waves::population,
    waves::channels,
    waves::version_id,
    waves::reminders_sent,
) = (
    waves::id,
    waves::name,
    questionnaire_versions::questionnaire_key,
    questionnaire_versions::version,
    questionnaire_versions::revision,
    waves::opens_on,
    waves::closes_on,
    waves::population,
    waves::channels,
    waves::version_id,
    waves::reminders_sent,
);

/// Every wave, newest first.
pub fn list_waves(conn: &mut DbConnection) -> QueryResult<Vec<Wave>> {
    waves::table
        .inner_join(questionnaire_versions::table)
        .order(waves::id.desc())
        .select(WAVE_COLUMNS)
        .load(conn)
}

/// How many waves there are.
pub fn count_waves(conn: &mut DbConnection) -> QueryResult<i64> {
    waves::table.count().get_result(conn)
}

/// One page of the waves, newest first.
pub fn list_waves_page(conn: &mut DbConnection, limit: i64, offset: i64) -> QueryResult<Vec<Wave>> {
    waves::table
        .inner_join(questionnaire_versions::table)
        .order(waves::id.desc())
        .limit(limit)
        .offset(offset)
        .select(WAVE_COLUMNS)
        .load(conn)
}

/// The waves whose window includes `day`, newest first (the entry list: few at any time).
pub fn open_waves(conn: &mut DbConnection, day: NaiveDate) -> QueryResult<Vec<Wave>> {
    waves::table
        .inner_join(questionnaire_versions::table)
        .filter(waves::opens_on.le(day))
        .filter(waves::closes_on.ge(day))
        .order(waves::id.desc())
        .select(WAVE_COLUMNS)
        .load(conn)
}

/// One wave.
pub fn find_wave(conn: &mut DbConnection, id: i64) -> Result<Wave, WaveError> {
    waves::table
        .inner_join(questionnaire_versions::table)
        .filter(waves::id.eq(id))
        .select(WAVE_COLUMNS)
        .get_result(conn)
        .optional()?
        .ok_or(WaveError::UnknownWave(id))
}

/// Makes `count` new single-use codes for a wave, stores their hashes, and returns the codes
/// (the only time they exist in plain text).
pub fn create_invitations(
    conn: &mut DbConnection,
    wave_id: i64,
    count: usize,
    actor: Actor,
) -> Result<Vec<String>, WaveError> {
    if !(1..=100_000).contains(&count) {
        return Err(WaveError::Count);
    }
    find_wave(conn, wave_id)?;
    let mut rng = rand::rngs::OsRng;
    let mut made: Vec<String> = Vec::with_capacity(count);
    write_tx(conn, |c| {
        while made.len() < count {
            let code = codes::generate(&mut rng);
            let bare = code.replace('-', "");
            // A savepoint per code: a collision (rare at 40 bits, but a shared code would let two
            // people answer as one) only undoes that one insert, on PostgreSQL as on SQLite.
            let inserted = c.transaction(|c| {
                diesel::insert_into(invitations::table)
                    .values((
                        invitations::wave_id.eq(wave_id),
                        invitations::code_hash.eq(codes::hash(&bare)),
                        invitations::used.eq(false),
                    ))
                    .execute(c)
            });
            match inserted {
                Ok(_) => made.push(code),
                Err(diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                )) => {}
                Err(e) => return Err(WaveError::Db(e)),
            }
        }
        audit::record(
            c,
            actor,
            "wave.invitations_created",
            "wave",
            Some(&wave_id.to_string()),
            Some(&count.to_string()),
        )?;
        Ok(())
    })?;
    Ok(made)
}

/// Writes codes as CSV for a mail merge: number, code, personal link, closing date.
pub fn write_invitation_csv<W: std::io::Write>(
    out: W,
    wave: &Wave,
    codes: &[String],
    public_url: &str,
    flavour: crate::csv_safe::Flavour,
) -> anyhow::Result<()> {
    let mut w = crate::csv_safe::Writer::with_flavour(out, flavour);
    w.write_record(["nummer", "code", "link", "sluitingsdatum"])?;
    for (i, code) in codes.iter().enumerate() {
        w.write_record([
            (i + 1).to_string(),
            code.clone(),
            format!("{public_url}/v/{}", code.replace('-', "")),
            wave.closes_on.format("%d-%m-%Y").to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Counts invitations of a wave: (made, used).
pub fn invitation_counts(conn: &mut DbConnection, wave_id: i64) -> QueryResult<(i64, i64)> {
    let made = invitations::table
        .filter(invitations::wave_id.eq(wave_id))
        .count()
        .get_result(conn)?;
    let used = invitations::table
        .filter(invitations::wave_id.eq(wave_id))
        .filter(invitations::used.eq(true))
        .count()
        .get_result(conn)?;
    Ok((made, used))
}

/// A whole number as people type it: `1277`, `1.277` or `1 277` (Dutch thousands separators, in
/// groups of three). `1,277` is refused: in Dutch that is a fraction.
pub fn parse_count(typed: &str) -> Option<i32> {
    let typed = typed.trim();
    let groups: Vec<&str> = typed.split(['.', ' ', '\u{a0}', '\u{202f}']).collect();
    let well_formed = groups
        .iter()
        .all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()))
        && groups.iter().skip(1).all(|g| g.len() == 3)
        && groups
            .first()
            .is_some_and(|g| groups.len() == 1 || g.len() <= 3);
    if !well_formed {
        return None;
    }
    groups.concat().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_read_with_dutch_thousands_separators() {
        assert_eq!(parse_count("1200"), Some(1200));
        assert_eq!(parse_count(" 1.200 "), Some(1200));
        assert_eq!(parse_count("1 200"), Some(1200));
        assert_eq!(parse_count("12.345.678"), Some(12_345_678));
        assert_eq!(parse_count("1,200"), None);
        assert_eq!(parse_count("1.20"), None);
        assert_eq!(parse_count("1200.000"), None);
        assert_eq!(parse_count(""), None);
        assert_eq!(parse_count("12a"), None);
        assert_eq!(parse_count("-5"), None);
    }

    #[test]
    fn a_change_is_checked_before_it_is_stored() {
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        let ok = WaveChange {
            opens_on: d(4, 1),
            closes_on: d(4, 30),
            population: 1200,
            channels: vec!["web".into()],
        };
        assert!(check_change(&ok, d(3, 1)).is_ok());
        assert!(matches!(
            check_change(&ok, d(4, 2)),
            Err(WaveError::OpensInPast)
        ));
        let reversed = WaveChange {
            closes_on: d(3, 30),
            ..ok.clone()
        };
        assert!(matches!(
            check_change(&reversed, d(3, 1)),
            Err(WaveError::Dates)
        ));
        let none = WaveChange {
            channels: vec![],
            ..ok.clone()
        };
        assert!(matches!(
            check_change(&none, d(3, 1)),
            Err(WaveError::Channel(_))
        ));
        let odd = WaveChange {
            channels: vec!["fax".into()],
            ..ok
        };
        assert!(matches!(
            check_change(&odd, d(3, 1)),
            Err(WaveError::Channel(_))
        ));
    }

    #[test]
    fn the_window_includes_both_dates() {
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        assert_eq!(window(d(3, 31), d(4, 1), d(4, 30)), Window::NotYetOpen);
        assert_eq!(window(d(4, 1), d(4, 1), d(4, 30)), Window::Open);
        assert_eq!(window(d(4, 30), d(4, 1), d(4, 30)), Window::Open);
        assert_eq!(window(d(5, 1), d(4, 1), d(4, 30)), Window::Closed);
    }
}
