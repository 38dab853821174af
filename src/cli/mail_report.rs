//! `klankbord mail …`, `report` and `deadline`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::capitalise;
use crate::accounts::audit::Actor;
use crate::config::Config;
use crate::db::{self};

/// `mail` subcommands.
#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Queue a test message to ADDRESS (sent by a running server, or by `klankbord mail run`).
    Test {
        /// Recipient.
        #[arg(long)]
        to: String,
    },
    /// Send every message that is due now, then exit (for cron, or when no server runs).
    Run,
    /// Show how many messages wait, were sent or failed.
    Status,
}

/// Runs a `mail` subcommand.
pub fn run_mail(config: &Config, cmd: MailCommand) -> anyhow::Result<()> {
    let pool = db::connect_and_migrate(&config.database_url, 2)?;
    match cmd {
        MailCommand::Test { to } => {
            let mut conn = pool.get()?;
            let mail = crate::mail::OutgoingMail {
                kind: "test".into(),
                about: None,
                to,
                subject: format!("Testbericht van Klankbord ({})", config.municipality),
                body: "Dit is een testbericht. Als u dit leest, werkt het versturen van e-mail.\n"
                    .into(),
            };
            db::write_tx(&mut conn, |c| {
                crate::accounts::audit::record(
                    c,
                    Actor::Cli,
                    "mail.test_queued",
                    "mail_outbox",
                    None,
                    None,
                )?;
                crate::mail::enqueue(c, &mail, config.public_host(), db::now())
                    .map_err(anyhow::Error::from)
            })
            .map_err(|e| {
                anyhow::anyhow!(
                    "Het testbericht is niet in de wachtrij gezet: {e}. Controleer het adres."
                )
            })?;
            println!("Testbericht staat klaar; het wordt verstuurd door de server of door `klankbord mail run`.");
        }
        MailCommand::Run => {
            let transport = crate::mail::MailTransport::from_config(&config.mail)?;
            let me = format!("cli-{}", std::process::id());
            let stats =
                crate::mail::run_round(&pool, &transport, &config.mail_from, &me, usize::MAX)?;
            println!(
                "{} verstuurd, {} mislukt (wordt later opnieuw geprobeerd).",
                stats.sent, stats.failed
            );
        }
        MailCommand::Status => {
            let mut conn = pool.get()?;
            for (status, n) in crate::mail::status_counts(&mut conn)? {
                println!("{status:<10} {n}");
            }
        }
    }
    Ok(())
}

/// Formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A page to read, print or publish.
    Html,
    /// Every published figure, one per line (open data).
    Csv,
    /// The whole report as data (open data).
    Json,
    /// The report as a tagged PDF, made by the product itself.
    Pdf,
}

/// Options for `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A quarter (2026-Q3) or a year (2026).
    #[arg(long)]
    pub period: String,
    /// What to write.
    #[arg(long, value_enum, default_value = "html")]
    pub format: ReportFormat,
    /// Where to write it.
    #[arg(short = 'o', long = "out", value_name = "PATH")]
    pub out: PathBuf,
}

/// Runs `report`.
pub fn run_report(config: &Config, args: ReportArgs) -> anyhow::Result<()> {
    use crate::monitor::{disclosure, report, web};
    let period = report::parse_period(&args.period).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut conn = config.database_url.connect().map_err(|e| {
        anyhow::anyhow!("Kan de database niet openen: {e}. Controleer DATABASE_URL.")
    })?;
    let r = report::build(
        &mut conn,
        &period,
        disclosure::DEFAULT_K,
        crate::fmt::today(),
    )?;
    let bytes = match args.format {
        ReportFormat::Html => web::standalone_html(&r, &config.municipality).into_bytes(),
        ReportFormat::Csv => web::open_data_csv(&r),
        ReportFormat::Json => serde_json::to_vec_pretty(&crate::monitor::published::json(&r))?,
        ReportFormat::Pdf => web::report_pdf(&r, &config.municipality)?,
    };
    std::fs::write(&args.out, bytes)
        .map_err(|e| anyhow::anyhow!("Kan {} niet schrijven: {e}", args.out.display()))?;
    crate::accounts::audit::record(
        &mut conn,
        Actor::Cli,
        "report.published",
        "report",
        Some(&period.label),
        Some(&format!("{:?}", args.format).to_lowercase()),
    )?;
    println!(
        "Rapportage {} geschreven naar {}{}.",
        period.label,
        args.out.display(),
        if r.provisional {
            " (voorlopig: de periode is nog niet voorbij)"
        } else {
            ""
        }
    );
    Ok(())
}

/// Options for `deadline`.
#[derive(Debug, Args)]
pub struct DeadlineArgs {
    /// Day the complaint was received, as YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub received: chrono::NaiveDate,
    /// A complaints advisory committee handles the complaint (10 weeks instead of 6).
    #[arg(long)]
    pub committee: bool,
    /// Postponement in weeks (at most 4), announced by letter.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub postpone_weeks: i64,
}

/// Runs `deadline`: prints the ISO date.
pub fn run_deadline(config: &Config, args: DeadlineArgs) -> anyhow::Result<()> {
    use crate::complaints::deadlines::{legal_deadline, Calendar, DeadlineInput};
    let calendar = Calendar {
        extra_days: config.extra_closed_days.clone(),
    };
    let input = DeadlineInput {
        received: args.received,
        committee: args.committee,
        postponement_weeks: args.postpone_weeks,
        consented_until: None,
    };
    let deadline = legal_deadline(input, &calendar)
        .map_err(|e| anyhow::anyhow!("{}", capitalise(&e.to_string())))?;
    println!("{}", deadline.format("%Y-%m-%d"));
    Ok(())
}
