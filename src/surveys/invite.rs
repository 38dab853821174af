//! Invitations on paper (print-ready letters with a QR code) and by e-mail (with at most two
//! reminders, only to codes not yet used), and the clean-up when a wave closes: supplied addresses
//! and unsent drafts are deleted, interview volunteers some days later.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use maud::{html, PreEscaped, Render, DOCTYPE};

use crate::accounts::audit::{self, Actor};
use crate::db::schema::{drafts, interview_volunteers, invitation_addresses, invitations, waves};
use crate::db::{write_tx, DbConnection};
use crate::mail::{self, OutgoingMail};
use crate::surveys::waves::{create_invitations, Wave, WaveError};
use crate::web::i18n::{t, t_args, Lang};

/// Most reminders per wave.
pub const MAX_REMINDERS: i32 = 2;

/// The personal link in a letter or message.
pub fn personal_link(public_url: &str, code: &str) -> String {
    format!(
        "{}/v/{}",
        public_url.trim_end_matches('/'),
        code.replace('-', "")
    )
}

/// A QR code for `text` as inline SVG (dark modules on white, with the quiet zone).
pub fn qr_svg(text: &str) -> anyhow::Result<String> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M)?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(160, 160)
        .quiet_zone(true)
        .build())
}

/// Why e-mail invitations cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum InviteError {
    /// Lines that are not e-mail addresses (1-based line numbers); nothing was made.
    #[error("ongeldige adressen op regel {0:?}")]
    Addresses(Vec<usize>),
    /// The same address twice (line numbers); nothing was made.
    #[error("dubbele adressen op regel {0:?}")]
    Duplicates(Vec<usize>),
    /// No address given.
    #[error("geen adressen")]
    Empty,
    /// Both reminders were sent already.
    #[error("al twee herinneringen")]
    NoMoreReminders,
    /// The wave has closed.
    #[error("ronde gesloten")]
    Closed,
    /// Wave or storage problem.
    #[error(transparent)]
    Wave(#[from] WaveError),
    /// Storage failure.
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    /// Queueing failure.
    #[error(transparent)]
    Mail(#[from] mail::EnqueueError),
}

/// Reads one address per line (blank lines skipped); every bad or repeated line is reported.
pub fn parse_addresses(text: &str) -> Result<Vec<String>, InviteError> {
    let mut out: Vec<String> = vec![];
    let mut bad = vec![];
    let mut dup = vec![];
    for (i, line) in text.lines().enumerate() {
        let a = line.trim().trim_end_matches([',', ';']).trim();
        if a.is_empty() {
            continue;
        }
        if !mail::valid_address(a) {
            bad.push(i + 1);
        } else if out.iter().any(|x| x.eq_ignore_ascii_case(a)) {
            dup.push(i + 1);
        } else {
            out.push(a.to_string());
        }
    }
    if !bad.is_empty() {
        return Err(InviteError::Addresses(bad));
    }
    if !dup.is_empty() {
        return Err(InviteError::Duplicates(dup));
    }
    if out.is_empty() {
        return Err(InviteError::Empty);
    }
    Ok(out)
}

/// What goes into an invitation or reminder.
pub struct MailContext<'a> {
    /// Public address of the site.
    pub public_url: &'a str,
    /// Domain for message ids.
    pub domain: &'a str,
    /// The municipality's name and how to reach it.
    pub contact: &'a crate::config::Contact,
}

fn message(
    wave: &Wave,
    code: &str,
    lang: Lang,
    cx: &MailContext<'_>,
    reminder: bool,
) -> (String, String) {
    let link = personal_link(cx.public_url, code);
    let date = wave.closes_on.format("%d-%m-%Y").to_string();
    let short = format!("{}/v", cx.public_url.trim_end_matches('/'));
    let args = [
        ("municipality", cx.contact.municipality.as_str()),
        ("link", link.as_str()),
        ("code", code),
        ("date", date.as_str()),
        ("short", short.as_str()),
    ];
    let (subject, intro) = if reminder {
        ("invite-mail-reminder-subject", "invite-mail-reminder-intro")
    } else {
        ("invite-mail-subject", "invite-mail-intro")
    };
    let body = format!(
        "{}\n\n{}\n\n{}\n\n{}\n{}\n",
        t_args(lang, intro, &args),
        t_args(lang, "invite-mail-how", &args),
        t_args(lang, "invite-letter-anonymous", &args),
        t_args(lang, "invite-letter-help", &args),
        crate::web::contact::line_text(lang, cx.contact),
    );
    (t_args(lang, subject, &args), body)
}

/// Makes one code per address, stores the address with it (until the code is used or the wave
/// closes) and queues the invitation, all in one transaction: all or nothing.
pub fn invite_by_email(
    conn: &mut DbConnection,
    wave: &Wave,
    addresses: &[String],
    lang: Lang,
    cx: &MailContext<'_>,
    actor: Actor,
    today: NaiveDate,
) -> Result<usize, InviteError> {
    if today > wave.closes_on {
        return Err(InviteError::Closed);
    }
    let now = crate::db::now();
    write_tx(conn, |c| {
        let codes = create_invitations(c, wave.id, addresses.len(), actor)?;
        for (addr, code) in addresses.iter().zip(&codes) {
            let bare = code.replace('-', "");
            let invitation_id: i64 = invitations::table
                .filter(invitations::code_hash.eq(crate::codes::hash(&bare)))
                .select(invitations::id)
                .first(c)?;
            diesel::insert_into(invitation_addresses::table)
                .values((
                    invitation_addresses::invitation_id.eq(invitation_id),
                    invitation_addresses::email.eq(addr),
                    invitation_addresses::code.eq(code),
                    invitation_addresses::language.eq(lang.code()),
                    invitation_addresses::reminders_sent.eq(0),
                ))
                .execute(c)?;
            let (subject, body) = message(wave, code, lang, cx, false);
            mail::enqueue(
                c,
                &OutgoingMail {
                    kind: "survey_invitation".into(),
                    about: Some(("wave".into(), wave.id.to_string())),
                    to: addr.clone(),
                    subject,
                    body,
                },
                cx.domain,
                now,
            )?;
        }
        Ok(codes.len())
    })
}

/// Queues a reminder to every supplied address whose code is still unused. At most two per wave.
pub fn send_reminders(
    conn: &mut DbConnection,
    wave: &Wave,
    cx: &MailContext<'_>,
    actor: Actor,
    today: NaiveDate,
) -> Result<usize, InviteError> {
    if today > wave.closes_on {
        return Err(InviteError::Closed);
    }
    let now = crate::db::now();
    write_tx(conn, |c| {
        // Counted again inside the transaction: two clicks at once cannot make a third reminder.
        let bumped = diesel::update(
            waves::table
                .filter(waves::id.eq(wave.id))
                .filter(waves::reminders_sent.lt(MAX_REMINDERS)),
        )
        .set(waves::reminders_sent.eq(waves::reminders_sent + 1))
        .execute(c)?;
        if bumped == 0 {
            return Err(InviteError::NoMoreReminders);
        }
        let rows: Vec<(i64, String, String, String)> = invitation_addresses::table
            .inner_join(invitations::table)
            .filter(invitations::wave_id.eq(wave.id))
            .filter(invitations::used.eq(false))
            .select((
                invitation_addresses::invitation_id,
                invitation_addresses::email,
                invitation_addresses::code,
                invitation_addresses::language,
            ))
            .load(c)?;
        for (id, email, code, language) in &rows {
            let lang = Lang::from_code(language).unwrap_or(Lang::Nl);
            let (subject, body) = message(wave, code, lang, cx, true);
            mail::enqueue(
                c,
                &OutgoingMail {
                    kind: "survey_reminder".into(),
                    about: Some(("wave".into(), wave.id.to_string())),
                    to: email.clone(),
                    subject,
                    body,
                },
                cx.domain,
                now,
            )?;
            diesel::update(invitation_addresses::table.find(id))
                .set(
                    invitation_addresses::reminders_sent
                        .eq(invitation_addresses::reminders_sent + 1),
                )
                .execute(c)?;
        }
        audit::record(
            c,
            actor,
            "wave.reminder_queued",
            "wave",
            Some(&wave.id.to_string()),
            Some(&rows.len().to_string()),
        )?;
        Ok(rows.len())
    })
}

/// Clean-up after closing: addresses and drafts of closed waves go at once, interview volunteers
/// `volunteer_days` after the closing date. Returns (waves cleaned, volunteers deleted).
pub fn cleanup(
    conn: &mut DbConnection,
    today: NaiveDate,
    volunteer_days: i64,
) -> QueryResult<(usize, usize)> {
    write_tx(conn, |c| {
        let closed: Vec<i64> = waves::table
            .filter(waves::closes_on.lt(today))
            .filter(waves::closed_cleanup.eq(false))
            .select(waves::id)
            .load(c)?;
        for id in &closed {
            let of_wave = invitations::table
                .filter(invitations::wave_id.eq(id))
                .select(invitations::id);
            diesel::delete(
                invitation_addresses::table
                    .filter(invitation_addresses::invitation_id.eq_any(of_wave)),
            )
            .execute(c)?;
            let of_wave = invitations::table
                .filter(invitations::wave_id.eq(id))
                .select(invitations::id);
            diesel::delete(drafts::table.filter(drafts::invitation_id.eq_any(of_wave)))
                .execute(c)?;
            diesel::update(waves::table.find(id))
                .set(waves::closed_cleanup.eq(true))
                .execute(c)?;
        }
        let cutoff = today - Duration::days(volunteer_days);
        let expired = waves::table
            .filter(waves::closes_on.lt(cutoff))
            .select(waves::id);
        let volunteers = diesel::delete(
            interview_volunteers::table.filter(interview_volunteers::wave_id.eq_any(expired)),
        )
        .execute(c)?;
        Ok((closed.len(), volunteers))
    })
}

/// Print-ready invitation letters: one A4 page per code, in `lang`, written to `out` one letter
/// at a time (100,000 letters are about 400 MB of HTML; memory holds one). Served by the site they
/// link the stylesheet; written to a file (`embed_css`) they carry it, so the file prints on its own.
pub fn write_letters<W: std::io::Write>(
    mut out: W,
    wave: &Wave,
    codes: &[String],
    lang: Lang,
    public_url: &str,
    contact: &crate::config::Contact,
    embed_css: bool,
) -> anyhow::Result<()> {
    let municipality = contact.municipality.as_str();
    let (head, tail) = letters_frame(lang, municipality, embed_css);
    out.write_all(head.as_bytes())?;
    let date = wave.closes_on.format("%d-%m-%Y").to_string();
    let short = format!("{}/v", public_url.trim_end_matches('/'));
    // The texts that are the same in every letter, looked up once.
    let title = t(lang, "invite-letter-title");
    let scan = t(lang, "invite-letter-scan");
    let code_label = t(lang, "invite-letter-code");
    let thanks = t(lang, "invite-letter-thanks");
    let mut page = String::new();
    for (i, code) in codes.iter().enumerate() {
        let link = personal_link(public_url, code);
        let args = [
            ("municipality", municipality),
            ("code", code.as_str()),
            ("date", date.as_str()),
            ("short", short.as_str()),
            ("link", link.as_str()),
        ];
        let qr = qr_svg(&link)?;
        page.clear();
        html! {
            article.letter {
                p.sender { strong { (municipality) } }
                p.number { (t_args(lang, "invite-letter-number", &[("n", &(i + 1).to_string())])) }
                h1 { (title) }
                p { (t_args(lang, "invite-letter-why", &args)) }
                p { strong { (t_args(lang, "invite-letter-anonymous", &args)) } }
                div.how {
                    div.qr aria-hidden="true" { (PreEscaped(qr)) }
                    div {
                        p { (scan) }
                        p { (t_args(lang, "invite-letter-type", &args)) }
                        p.code { (code_label) " " strong { (code) } }
                    }
                }
                p { (t_args(lang, "invite-letter-closes", &args)) }
                p { (t_args(lang, "invite-letter-help", &args)) }
                (crate::web::contact::line(lang, contact))
                p { (thanks) }
                p.languages {
                    @for l in Lang::ALL {
                        @if l != lang {
                            span lang=(l.code()) dir=(l.dir()) { (t_args(l, "invite-letter-other-language", &args)) } " "
                        }
                    }
                }
            }
        }
        .render_to(&mut page);
        out.write_all(page.as_bytes())?;
    }
    out.write_all(tail.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// The page around the letters: everything before the first letter, and after the last.
fn letters_frame(lang: Lang, municipality: &str, embed_css: bool) -> (String, String) {
    const SPLIT: &str = "<!--letters-->";
    let page = html! {
        (DOCTYPE)
        html lang=(lang.code()) dir=(lang.dir()) {
            head {
                meta charset="utf-8";
                title { (t(lang, "invite-letter-title")) " – " (municipality) }
                @if embed_css {
                    style { (PreEscaped(crate::web::public::STYLESHEET)) }
                } @else {
                    link rel="stylesheet" href={ "/static/klankbord.css?v=" (crate::web::layout::ASSET_VERSION) };
                }
            }
            body.letters {
                main { (PreEscaped(SPLIT)) }
            }
        }
    }
    .into_string();
    match page.split_once(SPLIT) {
        Some((head, tail)) => (head.to_string(), tail.to_string()),
        None => (page, String::new()),
    }
}
