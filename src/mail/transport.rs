//! Where mail goes: a folder of `.eml` files (demo, tests, or a mail server that picks them up) or
//! an SMTP server through lettre (rustls, no OpenSSL).

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{Message, SmtpTransport, Transport};

use crate::config::MailConfig;

/// One message as the transport needs it.
pub struct Envelope<'a> {
    /// Stable Message-ID, also the file name in the folder transport.
    pub message_id: &'a str,
    /// Sender (`Name <address>`).
    pub from: &'a str,
    /// Recipient address.
    pub to: &'a str,
    /// Subject line.
    pub subject: &'a str,
    /// Plain-text body.
    pub body: &'a str,
    /// A PDF attached: (file name, bytes).
    pub attachment: Option<(&'a str, &'a [u8])>,
}

/// A configured transport.
pub enum MailTransport {
    /// Writes each message as `<folder>/<message-id>.eml`.
    Folder(PathBuf),
    /// Sends over SMTP.
    Smtp(SmtpTransport),
}

impl MailTransport {
    /// Builds the transport from the configuration.
    pub fn from_config(cfg: &MailConfig) -> anyhow::Result<MailTransport> {
        match cfg {
            MailConfig::Folder(dir) => {
                std::fs::create_dir_all(dir)
                    .map_err(|e| anyhow::anyhow!("map {} voor e-mail: {e}", dir.display()))?;
                Ok(MailTransport::Folder(dir.clone()))
            }
            MailConfig::Smtp(url) => {
                let builder = SmtpTransport::from_url(url)
                    .map_err(|e| anyhow::anyhow!("KLANKBORD_MAIL: {e}"))?;
                Ok(MailTransport::Smtp(
                    builder.timeout(Some(Duration::from_secs(20))).build(),
                ))
            }
        }
    }

    /// Sends one message.
    pub fn send(&self, env: &Envelope<'_>) -> anyhow::Result<()> {
        let message = build_message(env)?;
        match self {
            MailTransport::Folder(dir) => {
                let name: String = env
                    .message_id
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '@'))
                    .collect();
                let tmp = dir.join(format!(".{name}.tmp"));
                let path = dir.join(format!("{name}.eml"));
                std::fs::write(&tmp, message.formatted())?;
                // Rename is atomic: a reader never sees half a message, and writing twice gives one file.
                std::fs::rename(&tmp, &path)?;
                Ok(())
            }
            MailTransport::Smtp(smtp) => {
                smtp.send(&message)?;
                Ok(())
            }
        }
    }
}

fn build_message(env: &Envelope<'_>) -> anyhow::Result<Message> {
    let from: Mailbox = env
        .from
        .parse()
        .map_err(|e| anyhow::anyhow!("afzender: {e}"))?;
    let to: Mailbox = env
        .to
        .parse()
        .map_err(|e| anyhow::anyhow!("ontvanger ongeldig: {e}"))?;
    let builder = Message::builder()
        .message_id(Some(env.message_id.to_string()))
        .from(from)
        .to(to)
        .subject(env.subject);
    Ok(match env.attachment {
        None => builder
            .header(ContentType::TEXT_PLAIN)
            .body(env.body.to_string())?,
        Some((name, pdf)) => builder.multipart(
            MultiPart::mixed()
                .singlepart(SinglePart::plain(env.body.to_string()))
                .singlepart(
                    Attachment::new(name.to_string())
                        .body(pdf.to_vec(), ContentType::parse("application/pdf")?),
                ),
        )?,
    })
}

/// A short description of a send failure for the outbox row, without addresses or content.
pub fn describe_error(e: &anyhow::Error) -> String {
    if let Some(smtp) = e.downcast_ref::<lettre::transport::smtp::Error>() {
        if let Some(code) = smtp.status() {
            return format!("smtp {code}");
        }
        if smtp.is_transient() {
            return "smtp tijdelijke fout".into();
        }
        if smtp.is_permanent() {
            return "smtp blijvende fout".into();
        }
        return "smtp verbinding mislukt".into();
    }
    if e.downcast_ref::<std::io::Error>().is_some() {
        return "bestand schrijven mislukt".into();
    }
    "bericht kon niet worden gemaakt".into()
}
