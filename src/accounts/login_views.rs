//! Screens for single sign-on and two-factor codes: the organisation-account button, refusals,
//! entering a code, setting codes up, the recovery codes, and the administrator's reset.

use maud::{html, Markup, PreEscaped};

use crate::accounts::oidc::Refusal;
use crate::accounts::totp::Status;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self, csrf_field, error_summary, text_field};

/// Percent-encodes a return path for a query string.
fn encode(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The "log in with your organisation account" button (a link: it only starts the flow).
pub fn sso_button(ctx: &Ctx, back: &str) -> Markup {
    html! {
        p {
            a.button #sso-login href={ "/inloggen/sso?terug=" (encode(back)) } {
                (t(ctx.lang, "sso-login-button"))
            }
        }
    }
}

/// The login page when only single sign-on is offered, with the way in for break-glass accounts.
pub fn sso_only_login(ctx: &Ctx, back: &str, notice: Markup) -> Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, "login-title"),
        html! {
            (notice)
            p { (t(lang, "login-intro")) }
            (sso_button(ctx, back))
            p { (t(lang, "login-residents-note")) " " a href="/" { (t(lang, "error-back-home")) } }
            p.hint { a href={ "/inloggen/nood?terug=" (encode(back)) } { (t(lang, "break-glass-link")) } }
        },
    )
}

/// A sign-in through the provider that was refused: what happened and what to do.
pub fn refusal_page(ctx: &Ctx, refusal: Refusal) -> Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, "sso-refused-title"),
        html! {
            div.error-summary role="alert" {
                p { (t(lang, refusal.message_key())) }
            }
            p { (t_args(lang, "sso-refused-code", &[("code", refusal.code())])) }
            p { a href="/inloggen" { (t(lang, "sso-refused-again")) } }
        },
    )
}

/// Entering the code from the app (or a recovery code) after the password.
pub fn code_page(ctx: &Ctx, error: Option<String>) -> Markup {
    let lang = ctx.lang;
    let errors: Vec<(&str, String)> = error.iter().map(|e| ("code", e.clone())).collect();
    layout::page(
        ctx,
        &t(lang, "totp-code-title"),
        html! {
            (error_summary(ctx, &errors))
            p { (t(lang, "totp-code-intro")) }
            form method="post" action="/inloggen/code" novalidate {
                (csrf_field(ctx))
                (text_field("code", &t(lang, "totp-code-label"), "text", "", Some(&t(lang, "totp-code-hint")), error.as_deref(), "one-time-code"))
                button type="submit" { (t(lang, "totp-code-submit")) }
            }
        },
    )
}

/// Setting up codes: the QR code, the secret to type by hand, and the first code.
pub fn enrol_page(
    ctx: &Ctx,
    action: &str,
    qr_svg: &str,
    secret_grouped: &str,
    required: bool,
    error: Option<String>,
) -> Markup {
    let lang = ctx.lang;
    let errors: Vec<(&str, String)> = error.iter().map(|e| ("code", e.clone())).collect();
    layout::page(
        ctx,
        &t(lang, "totp-enrol-title"),
        html! {
            (error_summary(ctx, &errors))
            @if required { p { (t(lang, "totp-enrol-required")) } }
            ol {
                li { (t(lang, "totp-enrol-step-app")) }
                li {
                    (t(lang, "totp-enrol-step-scan"))
                    figure.qr {
                        // The SVG is made by the qrcode crate from the otpauth link; it holds no user text.
                        div role="img" aria-label=(t(lang, "totp-enrol-qr-alt")) { (PreEscaped(qr_svg)) }
                    }
                    p { (t(lang, "totp-enrol-manual")) }
                    p { code #totp-secret { (secret_grouped) } }
                }
                li { (t(lang, "totp-enrol-step-code")) }
            }
            form method="post" action=(action) novalidate {
                (csrf_field(ctx))
                (text_field("code", &t(lang, "totp-code-label"), "text", "", Some(&t(lang, "totp-code-hint")), error.as_deref(), "one-time-code"))
                button type="submit" { (t(lang, "totp-enrol-submit")) }
            }
        },
    )
}

/// The ten recovery codes, shown once.
pub fn recovery_codes_page(ctx: &Ctx, codes: &[String], next: &str) -> Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, "totp-recovery-title"),
        html! {
            p.notice role="status" { (t(lang, "totp-enrolled")) }
            p { (t(lang, "totp-recovery-intro")) }
            ul #recovery-codes {
                @for c in codes { li { code { (c) } } }
            }
            p { (t(lang, "totp-recovery-once")) }
            p { a.button href=(next) { (t(lang, "totp-recovery-continue")) } }
        },
    )
}

/// The staff member's own two-factor page.
pub fn own_totp_page(ctx: &Ctx, status: &Status, left: i64, sso: bool, notice: Markup) -> Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, "totp-own-title"),
        html! {
            (notice)
            @if sso {
                p { (t(lang, "totp-own-sso")) }
            } @else if *status == Status::On {
                p { (t(lang, "totp-own-on")) }
                p { (t_args(lang, "totp-own-left", &[("count", &left.to_string())])) }
                p { (t(lang, "totp-own-lost")) }
            } @else {
                p { (t(lang, "totp-own-off")) }
                p { a.button href="/account/tweestaps/instellen" { (t(lang, "totp-own-start")) } }
            }
        },
    )
}

/// The two-factor part of an account's administration page.
pub fn admin_section(ctx: &Ctx, user_id: i64, status: &Status, sso: bool) -> Markup {
    let lang = ctx.lang;
    html! {
        section aria-labelledby="tweestaps-kop" {
            h2 #tweestaps-kop { (t(lang, "totp-admin-title")) }
            @if sso {
                p { (t(lang, "totp-admin-sso")) }
            } @else if *status == Status::On {
                p { (t(lang, "totp-admin-on")) }
                form method="post" action={ "/beheer/gebruikers/" (user_id) "/tweestaps" } {
                    (csrf_field(ctx))
                    button.secondary type="submit" { (t(lang, "totp-admin-reset")) }
                }
            } @else {
                p { (t(lang, "totp-admin-off")) }
            }
        }
    }
}
