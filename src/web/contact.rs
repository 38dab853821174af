//! The municipality's contact details as one component, so they are set once (see
//! [`crate::config::Contact`]) and shown the same way everywhere a resident may need help: a block
//! with every detail (start page, code page, complaint form, privacy page), a compact line (status
//! page, invitation letters, paper forms) and the same two as plain text for letters and e-mail.
//!
//! Phone numbers, e-mail and web addresses are always set left to right (a phone number in an
//! Arabic sentence would otherwise show its groups in reverse order); addresses and opening hours
//! are written by the municipality in Dutch and marked as such for screen readers.

use maud::{html, Markup};

use crate::config::Contact;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args, Lang};

/// The full block for the page of this request.
pub fn contact_block(ctx: &Ctx) -> Markup {
    block(ctx.lang, &ctx.contact)
}

/// The compact line for the page of this request.
pub fn contact_line(ctx: &Ctx) -> Markup {
    line(ctx.lang, &ctx.contact)
}

/// Every detail that is set, under a heading: phone, e-mail, visiting address with opening hours,
/// postal address and website. Phone and e-mail are links that open the phone or mail program.
pub fn block(lang: Lang, contact: &Contact) -> Markup {
    html! {
        section.contact {
            h2 { (t_args(lang, "contact-title", &[("municipality", &contact.municipality)])) }
            p { (t(lang, "contact-intro")) }
            address {
                dl.contact-details {
                    @if let (Some(phone), Some(href)) = (&contact.phone, contact.phone_href()) {
                        dt { (t(lang, "contact-phone")) }
                        dd { a.tap href=(href) dir="ltr" { (phone) } }
                    }
                    @if let Some(email) = &contact.email {
                        dt { (t(lang, "contact-email")) }
                        dd { a.tap href={ "mailto:" (email) } dir="ltr" { (email) } }
                    }
                    @if let Some(visit) = &contact.visiting_address {
                        dt { (t(lang, "contact-visit")) }
                        dd { span lang="nl" dir="ltr" { (visit) } }
                    }
                    @if let Some(hours) = &contact.opening_hours {
                        dt { (t(lang, "contact-hours")) }
                        dd { span lang="nl" dir="ltr" { (hours) } }
                    }
                    @if let Some(post) = &contact.postal_address {
                        dt { (t(lang, "contact-post")) }
                        dd { span lang="nl" dir="ltr" { (post) } }
                    }
                    @if let Some(web) = &contact.website {
                        dt { (t(lang, "contact-website")) }
                        dd { a.tap href=(web) dir="ltr" { (shown_url(web)) } }
                    }
                }
            }
        }
    }
}

/// One line: the municipality's name, phone and e-mail. Empty when neither is set.
pub fn line(lang: Lang, contact: &Contact) -> Markup {
    html! {
        @if contact.phone.is_some() || contact.email.is_some() {
            p.contact-line {
                (t_args(lang, "contact-line", &[("municipality", &contact.municipality)])) " "
                @if let (Some(phone), Some(href)) = (&contact.phone, contact.phone_href()) {
                    (t(lang, "contact-line-phone")) " "
                    a href=(href) dir="ltr" { (phone) }
                }
                @if contact.phone.is_some() && contact.email.is_some() {
                    span aria-hidden="true" { " · " }
                }
                @if let Some(email) = &contact.email {
                    (t(lang, "contact-line-email")) " "
                    a href={ "mailto:" (email) } dir="ltr" { (email) }
                }
            }
        }
    }
}

/// The compact line as plain text (e-mails, height estimates of printed pages).
pub fn line_text(lang: Lang, contact: &Contact) -> String {
    let mut parts = vec![];
    if let Some(phone) = &contact.phone {
        parts.push(format!(
            "{} {}",
            t(lang, "contact-line-phone"),
            isolate(lang, phone)
        ));
    }
    if let Some(email) = &contact.email {
        parts.push(format!(
            "{} {}",
            t(lang, "contact-line-email"),
            isolate(lang, email)
        ));
    }
    if parts.is_empty() {
        return String::new();
    }
    format!(
        "{} {}",
        t_args(
            lang,
            "contact-line",
            &[("municipality", &contact.municipality)]
        ),
        parts.join(" · ")
    )
}

/// Every detail that is set, one per line under a short question, for letters and e-mails.
pub fn letter_text(lang: Lang, contact: &Contact) -> String {
    let mut lines = vec![t_args(
        lang,
        "contact-letter-intro",
        &[("municipality", &contact.municipality)],
    )];
    let mut add = |key: &str, value: &Option<String>| {
        if let Some(v) = value {
            lines.push(format!("{}: {}", t(lang, key), isolate(lang, v)));
        }
    };
    add("contact-phone", &contact.phone);
    add("contact-email", &contact.email);
    add("contact-visit", &contact.visiting_address);
    add("contact-hours", &contact.opening_hours);
    add("contact-post", &contact.postal_address);
    add("contact-website", &contact.website);
    if lines.len() == 1 {
        return String::new();
    }
    lines.join("\n")
}

/// A web address as people read it: without `https://`.
fn shown_url(url: &str) -> &str {
    url.strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url)
}

/// In right-to-left text, a number or address is isolated as left-to-right (Unicode LRI … PDI), so
/// that its parts keep their order in plain-text letters.
fn isolate(lang: Lang, value: &str) -> String {
    if lang.dir() == "rtl" {
        format!("\u{2066}{value}\u{2069}")
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Contact {
        Contact {
            municipality: "Gemeente Voorbeeld".into(),
            phone: Some("14 0123".into()),
            email: Some("info@voorbeeld.nl".into()),
            website: Some("https://www.voorbeeld.nl".into()),
            postal_address: Some("Postbus 100, 1234 AB Voorbeeld".into()),
            visiting_address: Some("Raadhuisplein 1, 1234 AB Voorbeeld".into()),
            opening_hours: Some("maandag tot en met vrijdag 9.00 tot 17.00 uur".into()),
            privacy_officer_email: Some("fg@voorbeeld.nl".into()),
        }
    }

    #[test]
    fn the_block_shows_every_detail_that_is_set_with_working_links() {
        let html = block(Lang::Nl, &full()).into_string();
        for needle in [
            "href=\"tel:140123\"",
            ">14 0123<",
            "href=\"mailto:info@voorbeeld.nl\"",
            "Raadhuisplein 1, 1234 AB Voorbeeld",
            "maandag tot en met vrijdag",
            "Postbus 100",
            "href=\"https://www.voorbeeld.nl\"",
            ">www.voorbeeld.nl<",
        ] {
            assert!(html.contains(needle), "{needle} in {html}");
        }
        let only_phone = Contact {
            phone: Some("14 0123".into()),
            ..Contact::named("Gemeente Voorbeeld")
        };
        let html = block(Lang::Nl, &only_phone).into_string();
        assert!(!html.contains("Postadres") && !html.contains("mailto:"));
    }

    #[test]
    fn hostile_settings_come_out_escaped() {
        let c = Contact {
            visiting_address: Some("<script>alert(1)</script>".into()),
            ..full()
        };
        let html = block(Lang::En, &c).into_string();
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn plain_text_in_every_language_carries_the_number_and_address() {
        for lang in Lang::ALL {
            let text = letter_text(lang, &full());
            assert!(text.contains("14 0123") && text.contains("info@voorbeeld.nl"));
            assert!(text.contains("Postbus 100"), "{text}");
            let line = line_text(lang, &full());
            assert!(line.contains("14 0123") && line.contains("Gemeente Voorbeeld"));
        }
        assert_eq!(letter_text(Lang::Nl, &Contact::named("G")), "");
        assert_eq!(line_text(Lang::Nl, &Contact::named("G")), "");
        assert!(line(Lang::Nl, &Contact::named("G"))
            .into_string()
            .is_empty());
    }
}
