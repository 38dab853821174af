//! `klankbord survey …` and `klankbord wave …`: questionnaire definitions, waves and codes.

use std::path::PathBuf;

use clap::Subcommand;

use super::{capitalise, counted};
use crate::accounts::audit::Actor;
use crate::config::Config;
use crate::db::{self};

/// `survey` subcommands.
#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Check questionnaire definitions and report every problem with file and line.
    Check {
        /// A definition file or a folder of them.
        #[arg(default_value = "surveys")]
        path: PathBuf,
    },
}

/// Runs a `survey` subcommand; `Ok(false)` means problems were found.
pub fn run_survey(cmd: SurveyCommand) -> anyhow::Result<bool> {
    match cmd {
        SurveyCommand::Check { path } => {
            let files = crate::surveys::read_files(&path)
                .map_err(|e| anyhow::anyhow!("Kan {} niet lezen: {e}", path.display()))?;
            if files.is_empty() {
                anyhow::bail!("Geen vragenlijsten (.toml) gevonden in {}.", path.display());
            }
            match crate::surveys::check_all(files) {
                Ok(defs) => {
                    for d in defs {
                        println!(
                            "in orde: {} versie {} ({} vragen, talen: {})",
                            d.key,
                            d.version,
                            d.items().count(),
                            d.languages
                                .iter()
                                .map(|l| l.code())
                                .collect::<Vec<_>>()
                                .join(", ")
                        );
                    }
                    Ok(true)
                }
                Err(problems) => {
                    for p in &problems {
                        eprintln!("{p}");
                    }
                    eprintln!("{} probleem/problemen gevonden.", problems.len());
                    Ok(false)
                }
            }
        }
    }
}

/// `wave` subcommands.
#[derive(Debug, Subcommand)]
pub enum WaveCommand {
    /// Create a survey wave on the newest text of a questionnaire.
    Create {
        /// Name of the wave, e.g. "Cliëntervaring 2027".
        #[arg(long)]
        name: String,
        /// Questionnaire key.
        #[arg(long, default_value = "bejegening-bijstand")]
        questionnaire: String,
        /// First day answers are taken (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD")]
        opens: chrono::NaiveDate,
        /// Last day answers are taken (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD")]
        closes: chrono::NaiveDate,
        /// Number of people in the population (N), for the margin of error.
        #[arg(long)]
        population: i32,
        /// Channels allowed, comma-separated: web, phone, paper-keyed, paper-scan, assisted (default: all).
        #[arg(long, value_delimiter = ',')]
        channels: Vec<String>,
    },
    /// List waves with their invitation counts.
    List,
    /// Make single-use invitation codes and write them as CSV for a mail merge (the only copy of the codes).
    Invite {
        /// Wave number.
        #[arg(long)]
        wave: i64,
        /// How many codes.
        #[arg(long)]
        count: usize,
        /// CSV file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Also write print-ready letters (HTML, one A4 per code, with QR code) to this file.
        #[arg(long, value_name = "FILE")]
        letters: Option<PathBuf>,
        /// Language of the letters: nl, en, ar, tr, pl or uk.
        #[arg(long, default_value = "nl")]
        language: String,
    },
}

/// Runs a `wave` subcommand.
pub fn run_wave(config: &Config, cmd: WaveCommand) -> anyhow::Result<()> {
    use crate::surveys::waves;
    let pool = db::connect_and_migrate(&config.database_url, 2)?;
    let mut conn = pool.get()?;
    waves::register_shipped(&mut conn)?;
    let explain = |e: waves::WaveError| anyhow::anyhow!("{}", capitalise(&e.to_string()));
    match cmd {
        WaveCommand::Create {
            name,
            questionnaire,
            opens,
            closes,
            population,
            channels,
        } => {
            let new = waves::NewWave {
                name,
                questionnaire,
                opens_on: opens,
                closes_on: closes,
                population,
                channels,
            };
            let id = waves::create_wave(&mut conn, &new, Actor::Cli).map_err(explain)?;
            println!("Ronde {id} is aangemaakt.");
        }
        WaveCommand::List => {
            println!(
                "{:<6} {:<30} {:<28} {:<23} {:>8} {:>10} {:>9}",
                "NR", "NAAM", "VRAGENLIJST", "PERIODE", "N", "UITGENODIGD", "GEBRUIKT"
            );
            for w in waves::list_waves(&mut conn)? {
                let (made, used) = waves::invitation_counts(&mut conn, w.id)?;
                println!(
                    "{:<6} {:<30} {:<28} {:<23} {:>8} {:>10} {:>9}",
                    w.id,
                    w.name,
                    format!("{} v{}.{}", w.questionnaire_key, w.version, w.revision),
                    format!("{} – {}", w.opens_on, w.closes_on),
                    w.population,
                    made,
                    used
                );
            }
        }
        WaveCommand::Invite {
            wave,
            count,
            out,
            letters,
            language,
        } => {
            let lang = crate::web::i18n::Lang::from_code(&language).ok_or_else(|| {
                anyhow::anyhow!("Onbekende taal '{language}'. Kies nl, en, ar, tr, pl of uk.")
            })?;
            // Letters go to residents: they must say how to reach the municipality.
            if letters.is_some() {
                config.check_serve()?;
            }
            if let Some(l) = letters.as_ref().filter(|l| l.exists()) {
                anyhow::bail!(
                    "{} bestaat al. Kies een nieuw bestand: de codes worden maar één keer gemaakt.",
                    l.display()
                );
            }
            if out.exists() {
                anyhow::bail!(
                    "{} bestaat al. Kies een nieuw bestand: de codes worden maar één keer gemaakt.",
                    out.display()
                );
            }
            let w = waves::find_wave(&mut conn, wave).map_err(explain)?;
            // Write to a temporary file first, so a failure never leaves codes in the database
            // without their only copy.
            let tmp = out.with_extension("tmp");
            let file = std::fs::File::create(&tmp)
                .map_err(|e| anyhow::anyhow!("Kan {} niet schrijven: {e}", tmp.display()))?;
            let made =
                waves::create_invitations(&mut conn, wave, count, Actor::Cli).map_err(explain)?;
            waves::write_invitation_csv(
                file,
                &w,
                &made,
                &config.public_url,
                crate::csv_safe::Flavour::Comma,
            )?;
            std::fs::rename(&tmp, &out)?;
            if let Some(path) = &letters {
                // Written letter by letter: memory stays flat for 100,000 letters.
                let written = std::fs::File::create(path)
                    .map_err(anyhow::Error::from)
                    .and_then(|f| {
                        crate::surveys::invite::write_letters(
                            std::io::BufWriter::new(f),
                            &w,
                            &made,
                            lang,
                            &config.public_url,
                            &config.contact,
                            true,
                        )
                    });
                written.map_err(|e| {
                    anyhow::anyhow!(
                        "Kan {} niet schrijven: {e}; de codes staan in {}",
                        path.display(),
                        out.display()
                    )
                })?;
                println!("Brieven geschreven naar {}.", path.display());
            }
            println!(
                "{} gemaakt voor ronde {wave}; bewaar {} goed, de codes staan nergens anders.",
                counted(made.len() as u64, "code", "codes"),
                out.display()
            );
        }
    }
    Ok(())
}
