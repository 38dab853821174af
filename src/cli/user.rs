//! `klankbord user …`: staff accounts.

use std::io::{BufRead, IsTerminal};

use clap::Subcommand;

use super::capitalise;
use crate::accounts::audit::Actor;
use crate::accounts::model::Role;
use crate::accounts::service::{self, NewAccount};
use crate::config::Config;
use crate::db::{self};

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
            let email = match crate::accounts::email_service::set_email(
                &mut conn,
                user.id,
                &email,
                Actor::Cli,
            ) {
                Ok(e) => e.unwrap_or_default(),
                Err(crate::accounts::email_service::EmailError::Invalid) => anyhow::bail!(
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
