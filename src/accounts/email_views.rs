//! Markup of the e-mail address pages (`email.rs`): one form, for the staff member's own address
//! or, for an administrator, another account's.

use maud::{html, Markup};

use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self, csrf_field, error_summary, text_field};

/// Whose address the form sets.
pub enum Whose<'a> {
    /// The logged-in staff member's own (`/account/email`).
    Own,
    /// Account `id`, set by an administrator (`/beheer/gebruikers/{id}/email`).
    Account {
        /// Account number.
        id: i64,
        /// Its login name (in the title).
        username: &'a str,
    },
}

/// The form: the current address (or what was typed), the field and what the address is for.
/// `invalid` shows the typed address as refused; `saved` shows the confirmation after a redirect.
pub fn form_page(ctx: &Ctx, whose: &Whose, value: &str, invalid: bool, saved: bool) -> Markup {
    let lang = ctx.lang;
    let (title, action, back) = match whose {
        Whose::Own => (
            t(lang, "email-setting-title"),
            "/account/email".to_string(),
            html! { p { a href="/werkplek" { (t(lang, "workspace-title")) } } },
        ),
        Whose::Account { id, username } => (
            t_args(lang, "email-setting-admin-title", &[("username", username)]),
            format!("/beheer/gebruikers/{id}/email"),
            html! { p { a href={ "/beheer/gebruikers/" (id) } { (t(lang, "users-back")) } } },
        ),
    };
    let error = invalid.then(|| t(lang, "email-setting-invalid"));
    let errors: Vec<(&str, String)> = error.iter().map(|e| ("email", e.to_string())).collect();
    layout::page(
        ctx,
        &title,
        html! {
            @if saved { p.notice role="status" { (t(lang, "notice-saved")) } }
            (error_summary(ctx, &errors))
            p { (t(lang, "email-setting-intro")) }
            form method="post" action=(action) novalidate {
                (csrf_field(ctx))
                (text_field("email", &t(lang, "email-setting-label"), "email", value, Some(&t(lang, "email-setting-hint")), error.as_deref(), "email"))
                button type="submit" { (t(lang, "email-setting-submit")) }
            }
            (back)
        },
    )
}
