//! `klankbord import …`: OMR exports, scans and the column mapping for the OMR software.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Subcommand;

use super::counted;
use crate::accounts::audit::Actor;
use crate::config::Config;
use crate::db::{self};

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
    /// Write a wave's paper forms as the product's PDF (A4, four sides a form, one form number
    /// each), the form that `import scans` reads back.
    Forms {
        /// Wave number.
        #[arg(long)]
        wave: i64,
        /// First form number (by default the first one not printed yet).
        #[arg(long)]
        from: Option<u64>,
        /// Last form number (at most 5000 forms per file, up to 999999).
        #[arg(long)]
        to: u64,
        /// The same numbers are printed again (for example after a paper jam): only then may
        /// numbers that were printed before be printed.
        #[arg(long)]
        reprint: bool,
        /// Language: nl, en, ar, tr, pl or uk.
        #[arg(long, default_value = "nl")]
        language: String,
        /// PDF file to write (its name ends in .pdf).
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
            reprint,
        } => {
            let (w, def) = load(&mut conn, wave)?;
            let (from, proposed) = match from {
                Some(from) => (from, String::new()),
                None => {
                    let next = crate::surveys::paper::prints::next_free(
                        &crate::surveys::paper::prints_queries::of_wave(&mut conn, wave)?,
                    );
                    (next, format!(" Zonder --from begint het bij het eerste nummer dat nog niet is geprint: {next}."))
                }
            };
            let lang = crate::web::i18n::Lang::from_code(&language).ok_or_else(|| {
                anyhow::anyhow!("Onbekende taal '{language}'. Kies nl, en, ar, tr, pl of uk.")
            })?;
            let highest = crate::surveys::paper::forms_download::MAX_NUMBER;
            if from == 0 || to < from || to - from >= 5000 || to > highest {
                anyhow::bail!("Kies --from 1 of hoger, --to niet lager dan --from en niet hoger dan {highest}, hoogstens 5000 formulieren per bestand.{proposed}");
            }
            if !out
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
            {
                anyhow::bail!(
                    "De formulieren worden een PDF. Kies een bestandsnaam die eindigt op .pdf, bijvoorbeeld --out formulieren.pdf."
                );
            }
            // The forms go to residents: they must say how to reach the municipality.
            config.check_serve()?;
            let pdf = crate::surveys::paper::form_pdf::print_wave(
                &mut conn,
                &w,
                &def,
                lang,
                &config.contact,
                (from, to),
                reprint,
                crate::fmt::today(),
            )?;
            let pdf = match pdf {
                Ok(pdf) => pdf,
                Err(r) => anyhow::bail!(
                    "Formulieren {} tot en met {} van deze ronde zijn al eerder geprint. Een nummer mag maar één keer worden uitgedeeld. Kies --from {} of hoger. Print u dezelfde formulieren opnieuw, bijvoorbeeld omdat de printer vastliep? Zet er dan --reprint bij, en deel alleen de nieuwe uit.",
                    crate::surveys::paper::sheet::form_number(wave, r.numbers.0),
                    crate::surveys::paper::sheet::form_number(wave, r.numbers.1),
                    r.next
                ),
            };
            std::fs::write(&out, pdf)
                .map_err(|e| anyhow::anyhow!("Kan {} niet schrijven: {e}", out.display()))?;
            println!(
                "{} formulieren ({} tot en met {}) geschreven naar {} (PDF, in te lezen met 'klankbord import scans').",
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
                crate::fmt::today(),
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
                today: crate::fmt::today(),
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
