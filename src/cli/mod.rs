//! The command line: `serve`, `demo`, `migrate`, and the subcommands in [`import`], [`survey`],
//! [`mail_report`] and [`user`].

mod import;
mod mail_report;
mod survey;
mod user;

pub use import::{run_import, ImportCommand};
pub use mail_report::{
    run_deadline, run_mail, run_report, DeadlineArgs, MailCommand, ReportArgs, ReportFormat,
};
pub use survey::{run_survey, run_wave, SurveyCommand, WaveCommand};
pub use user::{run_user, UserCommand};

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::config::Config;
use crate::db::{self, DatabaseUrl};

/// Klankbord: hoe gaat de gemeente om met mensen in de bijstand?
#[derive(Debug, Parser)]
#[command(name = "klankbord", version, about, long_about = None)]
pub struct Cli {
    /// Configuration file (default: klankbord.toml in the current folder, if present).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (migrates the database first).
    Serve,
    /// Create a demo database with a fictitious municipality and one account per role, and serve it.
    Demo(DemoArgs),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Outgoing mail: send a test message, or send what is waiting and exit.
    #[command(subcommand)]
    Mail(MailCommand),
    /// Questionnaire definitions.
    #[command(subcommand)]
    Survey(SurveyCommand),
    /// Survey waves and their invitation codes.
    #[command(subcommand)]
    Wave(WaveCommand),
    /// Print the legal deadline for deciding on a complaint (Awb 9:11 with the Algemene termijnenwet).
    Deadline(DeadlineArgs),
    /// Write the council report of a quarter or a year (HTML page or PDF, or every figure as CSV or JSON).
    Report(ReportArgs),
    /// Import scanned paper questionnaires, and the column mapping for the OMR software.
    #[command(subcommand)]
    Import(ImportCommand),
}

/// Options for `demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// SQLite file for the demo; created with demo data when it does not exist.
    #[arg(long, value_name = "PATH", default_value = "klankbord-demo.db")]
    pub db: PathBuf,
}

/// Runs `migrate`.
pub fn run_migrate(config: &Config) -> anyhow::Result<()> {
    let mut conn = config.database_url.connect().map_err(|e| {
        anyhow::anyhow!(
            "Kan de {}-database niet openen: {e}. Controleer DATABASE_URL.",
            config.database_url.backend_name()
        )
    })?;
    let ran = db::run_migrations(&mut conn)?;
    println!(
        "{} migratie(s) uitgevoerd op {}.",
        ran,
        config.database_url.backend_name()
    );
    Ok(())
}

/// The database URL for the demo file.
pub fn demo_url(path: &std::path::Path) -> DatabaseUrl {
    DatabaseUrl::Sqlite(path.display().to_string())
}

/// A count with its noun in Dutch: "1 blad", "3 bladen" (the command line speaks Dutch only).
pub(crate) fn counted(n: u64, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

/// The first letter upper-case (messages from the rules start lower-case).
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str() + ".",
        None => String::new(),
    }
}
