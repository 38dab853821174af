//! The command line: `serve`, `demo`, `migrate` and `user …`.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::accounts::audit::Actor;
use crate::accounts::model::Role;
use crate::accounts::service::{self, NewAccount};
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

/// `import` subcommands.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import an OMR export (CSV) of scanned sheets into a wave; writes a validation report.
    Paper {
        /// Wave number.
        #[arg(long)]
        wave: i64,
        /// sdaps (SDAPS csvdata export) or generic (a column per question key, plus form_id).
        #[arg(long, value_parser = ["sdaps", "generic"])]
        format: String,
        /// A hand-written column mapping (kolom,vraag,betekenis) instead of the generated SDAPS one.
        #[arg(long, value_name = "FILE")]
        mapping: Option<PathBuf>,
        /// Check everything and write the report, but store nothing.
        #[arg(long)]
        dry_run: bool,
        /// Store only when no sheet has to be put aside.
        #[arg(long)]
        all_or_nothing: bool,
        /// Where to write the validation report (default: FILE with .verslag.csv).
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// The CSV file.
        file: PathBuf,
    },
    /// Read scanned paper forms (the product's own PDF forms) into a wave: PDF, TIFF, PNG or JPEG
    /// files from the scanner, pages in any order and any way up. Clear sheets are imported;
    /// doubtful boxes, written texts and conflicts wait for the invoerder on the website.
    Scans {
        /// Wave number.
        #[arg(long)]
        wave: i64,
        /// Check everything and write the report, but store nothing.
        #[arg(long)]
        dry_run: bool,
        /// Where to write the validation report (default: the first FILE with .verslag.csv).
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// The scan files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the SDAPS column mapping of a wave's questionnaire (the file --mapping reads).
    Mapping {
        /// Wave number.
        #[arg(long)]
        wave: i64,
    },
    /// Write print-ready paper questionnaires (HTML, A4, one form number each) for a wave.
    Forms {
        /// Wave number.
        #[arg(long)]
        wave: i64,
        /// First form number.
        #[arg(long, default_value_t = 1)]
        from: u64,
        /// Last form number (at most 5000 forms per file).
        #[arg(long)]
        to: u64,
        /// Language: nl, en, ar, tr, pl or uk.
        #[arg(long, default_value = "nl")]
        language: String,
        /// File to write: a name ending in .pdf gives the PDF forms that the product reads back
        /// from scans (`import scans`); any other name gives HTML to print from Chromium or Chrome
        /// (A4, no margins), which cannot be read back.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// Runs an `import` subcommand; `Ok(false)` means an all-or-nothing import was refused.
pub fn run_import(config: &Config, cmd: ImportCommand) -> anyhow::Result<bool> {
    use crate::surveys::paper::{import, mapping, progress, sheet::Format};
    use crate::surveys::{respond, waves};
    let pool = db::connect_and_migrate(&config.database_url, 2)?;
    let mut conn = pool.get()?;
    let load = |conn: &mut db::DbConnection, id: i64| -> anyhow::Result<_> {
        let wave = waves::find_wave(conn, id)
            .map_err(|_| anyhow::anyhow!("Ronde {id} bestaat niet. Zie `klankbord wave list`."))?;
        let def = respond::definition(conn, wave.version_id)
            .map_err(|e| anyhow::anyhow!("De vragenlijst van ronde {id} is niet te lezen: {e}"))?;
        Ok((wave, def))
    };
    match cmd {
        ImportCommand::Mapping { wave } => {
            let (_, def) = load(&mut conn, wave)?;
            print!("{}", mapping::to_csv(&mapping::sdaps(&def)));
            Ok(true)
        }
        ImportCommand::Forms {
            wave,
            from,
            to,
            language,
            out,
        } => {
            let (w, def) = load(&mut conn, wave)?;
            let lang = crate::web::i18n::Lang::from_code(&language).ok_or_else(|| {
                anyhow::anyhow!("Onbekende taal '{language}'. Kies nl, en, ar, tr, pl of uk.")
            })?;
            if from == 0 || to < from || to - from >= 5000 {
                anyhow::bail!("Kies --from 1 of hoger, --to niet lager dan --from, hoogstens 5000 formulieren per bestand.");
            }
            // The forms go to residents: they must say how to reach the municipality.
            config.check_serve()?;
            if out
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
            {
                let pdf = crate::surveys::paper::form_pdf::print_wave(
                    &mut conn,
                    &w,
                    &def,
                    lang,
                    &config.contact,
                    (from, to),
                    crate::surveys::today(),
                )?;
                std::fs::write(&out, pdf)
                    .map_err(|e| anyhow::anyhow!("Kan {} niet schrijven: {e}", out.display()))?;
                println!(
                    "{} formulieren ({} tot en met {}) geschreven naar {} (PDF, in te lezen met 'klankbord import scans').",
                    to - from + 1,
                    crate::surveys::paper::sheet::form_number(wave, from),
                    crate::surveys::paper::sheet::form_number(wave, to),
                    out.display()
                );
                return Ok(true);
            }
            let html = crate::surveys::paper::print::forms(
                &w,
                &def,
                lang,
                &config.contact,
                from,
                to,
                true,
            )?;
            std::fs::write(&out, html.into_string())
                .map_err(|e| anyhow::anyhow!("Kan {} niet schrijven: {e}", out.display()))?;
            println!(
                "{} formulieren ({} tot en met {}) geschreven naar {}.",
                to - from + 1,
                crate::surveys::paper::sheet::form_number(wave, from),
                crate::surveys::paper::sheet::form_number(wave, to),
                out.display()
            );
            Ok(true)
        }
        ImportCommand::Scans {
            wave,
            dry_run,
            report,
            files,
        } => {
            let (w, def) = load(&mut conn, wave)?;
            let report_path = report.unwrap_or_else(|| {
                let mut p = files[0].clone().into_os_string();
                p.push(".verslag.csv");
                PathBuf::from(p)
            });
            let mut out =
                std::io::BufWriter::new(std::fs::File::create(&report_path).map_err(|e| {
                    anyhow::anyhow!(
                        "Kan het verslag {} niet schrijven: {e}",
                        report_path.display()
                    )
                })?);
            use std::io::Write;
            out.write_all(import::report_csv_header().as_bytes())?;
            let mut write_error = None;
            let (scan, summary) = crate::surveys::paper::omr::scan::import_scans(
                &mut conn,
                &w,
                &def,
                &files,
                import::Options {
                    dry_run,
                    ..Default::default()
                },
                crate::surveys::today(),
                &mut |f| {
                    if let Err(e) = out.write_all(import::report_csv_line(f).as_bytes()) {
                        write_error.get_or_insert(e);
                    }
                },
            )?;
            crate::accounts::audit::record(
                &mut conn,
                Actor::Cli,
                "paper.scans_read",
                "wave",
                Some(&wave.to_string()),
                dry_run.then_some("proef"),
            )?;
            out.flush()?;
            if let Some(e) = write_error {
                anyhow::bail!(
                    "Kan het verslag {} niet schrijven: {e}",
                    report_path.display()
                );
            }
            for p in &scan.problems {
                eprintln!("Let op: {p}");
            }
            println!(
                "{} pagina's gelezen ({} onleesbaar), {} formulieren. {} formulieren meteen verwerkt: {} ingelezen, {} apart gezet, {} dubbel. {} wachten op controle door de invoerder ({} van de {} hokjes twijfelachtig).{} Verslag: {}",
                scan.pages,
                scan.unreadable,
                scan.forms,
                scan.settled,
                summary.imported,
                summary.quarantined,
                summary.duplicates,
                scan.pending,
                scan.doubtful_boxes,
                scan.boxes,
                if dry_run { " Dit was een proef: er is niets opgeslagen." } else { "" },
                report_path.display()
            );
            Ok(true)
        }
        ImportCommand::Paper {
            wave,
            format,
            mapping: mapping_file,
            dry_run,
            all_or_nothing,
            report,
            file,
        } => {
            let (w, def) = load(&mut conn, wave)?;
            let format = if format == "sdaps" {
                Format::Sdaps
            } else {
                Format::Generic
            };
            let rules = match &mapping_file {
                Some(path) => {
                    let text = std::fs::read_to_string(path).map_err(|e| {
                        anyhow::anyhow!("Kan de koppeling {} niet lezen: {e}", path.display())
                    })?;
                    Some(mapping::from_csv(&def, &text).map_err(|p| {
                        anyhow::anyhow!(
                            "De koppeling {} klopt niet:\n  {}",
                            path.display(),
                            p.join("\n  ")
                        )
                    })?)
                }
                None => None,
            };
            let report_path = report.unwrap_or_else(|| {
                let mut p = file.clone().into_os_string();
                p.push(".verslag.csv");
                PathBuf::from(p)
            });
            let mut out =
                std::io::BufWriter::new(std::fs::File::create(&report_path).map_err(|e| {
                    anyhow::anyhow!(
                        "Kan het verslag {} niet schrijven: {e}",
                        report_path.display()
                    )
                })?);
            use std::io::Write;
            out.write_all(import::report_csv_header().as_bytes())?;
            let mut write_error = None;
            let started = std::time::Instant::now();
            let total = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
            let bytes = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
            let mut shown = started;
            let mut last_tenth = 0;
            let tty = std::io::stderr().is_terminal();
            let target = import::Target {
                wave: &w,
                def: &def,
                format,
                mapping: rules,
                today: crate::surveys::today(),
            };
            let summary = import::import(
                &mut conn,
                &target,
                &mut || {
                    std::fs::File::open(&file).map(|f| progress::Counting::new(f, bytes.clone()))
                },
                import::Options {
                    dry_run,
                    all_or_nothing,
                    ..Default::default()
                },
                &mut |f| {
                    if let Err(e) = out.write_all(import::report_csv_line(f).as_bytes()) {
                        write_error.get_or_insert(e);
                    }
                },
                &mut |rows| {
                    let done = bytes.load(std::sync::atomic::Ordering::Relaxed);
                    let estimate = progress::estimate(rows, done, total, started.elapsed());
                    // A few times a second on a terminal; into a log, at every tenth of the file.
                    let tenth = (estimate.fraction * 10.0).floor() as u32;
                    if tty && shown.elapsed().as_secs_f64() < 0.2 || !tty && tenth <= last_tenth {
                        return;
                    }
                    shown = std::time::Instant::now();
                    last_tenth = tenth;
                    let line = progress::cli_line(rows, &estimate);
                    if tty {
                        eprint!("\r{line}  ");
                    } else {
                        eprintln!("{line}");
                    }
                },
            )
            .map_err(|e| {
                anyhow::anyhow!(
                    "{}: {e}. Er is niets opgeslagen uit de partij waarin dit gebeurde.",
                    file.display()
                )
            })?;
            crate::accounts::audit::record(
                &mut conn,
                Actor::Cli,
                "paper.imported",
                "wave",
                Some(&wave.to_string()),
                dry_run.then_some("proef"),
            )?;
            if tty {
                eprintln!();
            }
            out.flush()?;
            if let Some(e) = write_error {
                anyhow::bail!(
                    "Het verslag {} is niet volledig geschreven: {e}",
                    report_path.display()
                );
            }
            let refused = all_or_nothing && (summary.quarantined > 0 || summary.too_long > 0);
            let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
            println!(
                "{}",
                crate::web::i18n::t_nums(
                    crate::web::i18n::Lang::Nl,
                    "paper-report-summary",
                    &[
                        ("rows", count(summary.rows)),
                        ("imported", count(summary.imported)),
                        ("quarantined", count(summary.quarantined)),
                        ("duplicates", count(summary.duplicates)),
                        ("empty", count(summary.empty)),
                    ],
                    &[],
                )
            );
            if summary.too_long > 0 {
                println!(
                    "{} te lang om een blad te zijn en overgeslagen; het verslag noemt {}.",
                    counted(summary.too_long, "regel was", "regels waren"),
                    if summary.too_long == 1 { "hem" } else { "ze" }
                );
            }
            if dry_run {
                println!("Proefrun: er is niets opgeslagen.");
            } else if refused {
                println!(
                    "Alles-of-niets: er is niets opgeslagen, want {} eerst verbeterd worden.",
                    counted(
                        summary.quarantined + summary.too_long,
                        "blad moet",
                        "bladen moeten"
                    )
                );
            }
            println!(
                "Verslag ({}): {}",
                counted(summary.findings, "melding", "meldingen"),
                report_path.display()
            );
            Ok(!refused)
        }
    }
}

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
    use crate::monitor::{report, suppression, web};
    let period = report::parse_period(&args.period).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut conn = config.database_url.connect().map_err(|e| {
        anyhow::anyhow!("Kan de database niet openen: {e}. Controleer DATABASE_URL.")
    })?;
    let r = report::build(
        &mut conn,
        &period,
        suppression::DEFAULT_K,
        crate::surveys::today(),
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

/// Options for `demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// SQLite file for the demo; created with demo data when it does not exist.
    #[arg(long, value_name = "PATH", default_value = "klankbord-demo.db")]
    pub db: PathBuf,
}

/// `user` subcommands.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a staff account. The password is asked for, or read from standard input with --password-stdin.
    Add {
        /// Login name (lower-case letters, digits, . - _).
        #[arg(long)]
        username: String,
        /// Name shown on screens.
        #[arg(long)]
        name: String,
        /// Role; repeat for several: beheerder, onderzoeker, invoerder, klachtcoordinator, klachtbehandelaar, commissielid, raadslid.
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List all staff accounts with their roles and status.
    List,
    /// Disable an account and end all its sessions at once.
    Disable {
        /// Login name.
        username: String,
    },
    /// Enable a disabled account again.
    Enable {
        /// Login name.
        username: String,
    },
    /// Set the e-mail address that gets reminders about complaints ("" removes it).
    SetEmail {
        /// Login name.
        username: String,
        /// E-mail address.
        email: String,
    },
    /// Set a new password (ends the account's sessions).
    SetPassword {
        /// Login name.
        username: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
}

fn read_password(from_stdin: bool) -> anyhow::Result<String> {
    if from_stdin || !std::io::stdin().is_terminal() {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_string());
    }
    let first = rpassword::prompt_password("Nieuw wachtwoord (minstens 12 tekens): ")?;
    let second = rpassword::prompt_password("Herhaal het wachtwoord: ")?;
    if first != second {
        anyhow::bail!("De twee wachtwoorden zijn niet gelijk. Probeer het opnieuw.");
    }
    Ok(first)
}

/// Plain-Dutch text for a refused account change on the command line.
fn explain(e: service::AccountError) -> anyhow::Error {
    use crate::accounts::password::PasswordProblem;
    match e {
        service::AccountError::Password(PasswordProblem::TooShort) => anyhow::anyhow!(
            "Het wachtwoord is te kort: gebruik minstens {} tekens. Een zin van vier losse woorden werkt goed.",
            crate::accounts::password::MIN_LENGTH
        ),
        service::AccountError::Password(PasswordProblem::TooLong) => anyhow::anyhow!("Het wachtwoord is te lang: gebruik hoogstens 256 tekens."),
        service::AccountError::Password(PasswordProblem::TooCommon) => anyhow::anyhow!(
            "Dit wachtwoord is te makkelijk te raden (veel gebruikt, of lijkt op uw naam). Kies een zin van vier losse woorden."
        ),
        other => anyhow::anyhow!("{}", capitalise(&other.to_string())),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str() + ".",
        None => String::new(),
    }
}

/// Runs a `user` subcommand against the configured database.
pub fn run_user(config: &Config, cmd: UserCommand) -> anyhow::Result<()> {
    let mut conn = config.database_url.connect().map_err(|e| {
        anyhow::anyhow!("Kan de database niet openen: {e}. Controleer DATABASE_URL.")
    })?;
    db::run_migrations(&mut conn)?;
    // Passwords may not be built from the municipality's name.
    db::settings::set(&mut conn, db::settings::MUNICIPALITY, &config.municipality)?;
    match cmd {
        UserCommand::Add {
            username,
            name,
            roles,
            password_stdin,
        } => {
            let roles = roles
                .iter()
                .map(|r| r.parse::<Role>())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| anyhow::anyhow!("{}", capitalise(&e)))?;
            let password = read_password(password_stdin)?;
            let user = service::create_user(
                &mut conn,
                NewAccount {
                    username,
                    display_name: name,
                    password,
                    roles,
                },
                Actor::Cli,
            )
            .map_err(explain)?;
            println!(
                "Account '{}' is aangemaakt (nummer {}).",
                user.username, user.id
            );
        }
        UserCommand::List => {
            let users = service::list_users(&mut conn)?;
            println!("{:<24} {:<10} ROLLEN", "GEBRUIKERSNAAM", "STATUS");
            for (u, roles) in users {
                let status = if u.disabled { "uit" } else { "actief" };
                let codes: Vec<&str> = roles.iter().map(|r| r.code()).collect();
                println!("{:<24} {:<10} {}", u.username, status, codes.join(","));
            }
        }
        UserCommand::Disable { username } => {
            let user = service::find_by_username(&mut conn, &username).map_err(explain)?;
            service::set_disabled(&mut conn, user.id, true, Actor::Cli).map_err(explain)?;
            println!(
                "Account '{}' is uitgeschakeld; alle sessies zijn beëindigd.",
                user.username
            );
        }
        UserCommand::Enable { username } => {
            let user = service::find_by_username(&mut conn, &username).map_err(explain)?;
            service::set_disabled(&mut conn, user.id, false, Actor::Cli).map_err(explain)?;
            println!("Account '{}' is weer actief.", user.username);
        }
        UserCommand::SetEmail { username, email } => {
            let user = service::find_by_username(&mut conn, &username).map_err(explain)?;
            let email =
                match crate::accounts::email::set_email(&mut conn, user.id, &email, Actor::Cli) {
                    Ok(e) => e.unwrap_or_default(),
                    Err(crate::accounts::email::EmailError::Invalid) => anyhow::bail!(
                        "'{}' is geen e-mailadres. Schrijf het als naam@voorbeeld.nl.",
                        email.trim()
                    ),
                    Err(e) => return Err(e.into()),
                };
            if email.is_empty() {
                println!(
                    "'{}' krijgt geen herinneringen meer per e-mail.",
                    user.username
                );
            } else {
                println!("Herinneringen voor '{}' gaan naar {email}.", user.username);
            }
        }
        UserCommand::SetPassword {
            username,
            password_stdin,
        } => {
            let user = service::find_by_username(&mut conn, &username).map_err(explain)?;
            let password = read_password(password_stdin)?;
            service::set_password(&mut conn, user.id, &password, Actor::Cli, None)
                .map_err(explain)?;
            println!(
                "Het wachtwoord van '{}' is gewijzigd; alle sessies zijn beëindigd.",
                user.username
            );
        }
    }
    Ok(())
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
fn counted(n: u64, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}
