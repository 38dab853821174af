//! The `klankbord` binary.

use std::process::ExitCode;

use clap::Parser;
use klankbord::cli::{self, Cli, Command};
use klankbord::config::Config;
use klankbord::startup::Application;

/// mimalloc instead of the system allocator: the paper importer and the report make many small
/// maps and strings, where glibc's malloc and free took a third of the time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    klankbord::telemetry::init();
    let args = Cli::parse();
    let config = match Config::load(args.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let result = match args.command {
        Command::Serve => match config.check_serve() {
            Ok(()) => serve(config, false),
            Err(missing) => {
                eprintln!("{missing}");
                return ExitCode::from(2);
            }
        },
        Command::Demo(d) => demo(config, d),
        Command::Migrate => cli::run_migrate(&config),
        Command::User(u) => cli::run_user(&config, u),
        Command::Deadline(d) => cli::run_deadline(&config, d),
        Command::Report(r) => cli::run_report(&config, r),
        Command::Mail(m) => cli::run_mail(&config, m),
        Command::Wave(w) => cli::run_wave(&config, w),
        Command::Import(i) => match cli::run_import(&config, i) {
            Ok(true) => Ok(()),
            Ok(false) => return ExitCode::FAILURE,
            Err(e) => Err(e),
        },
        Command::Survey(s) => match cli::run_survey(s) {
            Ok(true) => Ok(()),
            Ok(false) => return ExitCode::FAILURE,
            Err(e) => Err(e),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Fout: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn serve(config: Config, print_demo_logins: bool) -> anyhow::Result<()> {
    let public_url = config.public_url.clone();
    let bind = config.bind;
    let backend = config.database_url.backend_name();
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(config)?;
        let address = if bind.port() == 0 {
            format!("http://{}:{}", bind.ip(), app.port())
        } else {
            public_url
        };
        println!("Klankbord luistert op {address} (database: {backend})");
        if print_demo_logins {
            println!("\nDemo-accounts (alleen voor deze demo-database):");
            for role in klankbord::accounts::model::Role::ALL {
                let (user, pass) = klankbord::demo::demo_login(role);
                println!("  {:<20} wachtwoord: {}", user, pass);
            }
            println!("\nOpen {address} in uw browser. Stoppen: Ctrl+C.");
        }
        use std::io::Write;
        let _ = std::io::stdout().flush();
        app.run_until_stopped().await?;
        Ok(())
    })
}

fn demo(mut config: Config, args: cli::DemoArgs) -> anyhow::Result<()> {
    let fresh = !args.db.exists();
    config.database_url = cli::demo_url(&args.db);
    klankbord::demo::fill_contact(&mut config);
    // Fictitious data and accounts with printed passwords: no two-factor codes, unless asked for.
    if std::env::var_os("KLANKBORD_TOTP_REQUIRED_ROLES").is_none() {
        config.login.totp_required.clear();
    }
    if fresh {
        let mut conn = config.database_url.connect()?;
        klankbord::db::run_migrations(&mut conn)?;
        let setup = klankbord::complaints::Setup::new(std::sync::Arc::new(config.clone()))?;
        let codes = match klankbord::demo::seed(&mut conn, &setup.env()) {
            Ok(codes) => codes,
            Err(e) => {
                // Half a demo is no demo: the next start makes it again from scratch.
                drop(conn);
                let _ = std::fs::remove_file(&args.db);
                return Err(e);
            }
        };
        println!("Nieuwe demo-database gemaakt: {}", args.db.display());
        println!(
            "Codes om de vragenlijst te proberen (open ronde, elk één keer): {}",
            codes.join(", ")
        );
    } else {
        println!("Bestaande demo-database gebruikt: {}", args.db.display());
    }
    serve(config, true)
}
