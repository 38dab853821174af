//! The one page layout and small shared components. Every page has a skip link, landmarks, a
//! language switch and works without JavaScript; the stylesheet is our own, no fonts or third-party assets.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args, Lang};

/// Version stamp for the stylesheet URL, so a new release is never served an old cached file.
pub const ASSET_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A full HTML page with the shared header, navigation and footer.
pub fn page(ctx: &Ctx, title: &str, body: Markup) -> Markup {
    page_with_language_form(ctx, title, body, None)
}

/// A page whose header language switch submits a form of the page instead of following a link, so
/// that what was typed in that form travels along (a link cannot carry form data without script).
pub struct LanguageForm<'a> {
    /// `id` of the form on the page that the language buttons submit.
    pub form: &'a str,
    /// Where the form goes; `?lang=` and the chosen language are added per button.
    pub action: &'a str,
    /// A short note for screen readers on what the buttons do (e.g. that answers are kept).
    pub note: String,
    /// `actie` of the form's own first button. The header comes first on the page, so without this
    /// a language button would be the form's default button, the one Enter in a text field presses.
    pub default_action: &'a str,
}

/// As [`page`], with the header's language switch as buttons of `form` when given.
pub fn page_with_language_form(
    ctx: &Ctx,
    title: &str,
    body: Markup,
    form: Option<LanguageForm>,
) -> Markup {
    let lang = ctx.lang;
    html! {
        (DOCTYPE)
        html lang=(lang.code()) dir=(lang.dir()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – " (ctx.municipality) }
                link rel="stylesheet" href={ "/static/klankbord.css?v=" (ASSET_VERSION) };
            }
            body {
                a.skip href="#inhoud" { (t(lang, "layout-skip-link")) }
                header.site {
                    div.wrap {
                        a.brand href="/" {
                            span.municipality { (ctx.municipality) }
                            span.product { (t(lang, "layout-product-name")) }
                        }
                        @if let Some(f) = &form { (language_buttons(ctx, f)) } @else { (language_switch(ctx)) }
                    }
                    @if let Some(user) = &ctx.user {
                        nav.staff aria-label=(t(lang, "layout-staff-nav")) {
                            div.wrap {
                                span { (t_args(lang, "layout-logged-in-as", &[("name", &user.display_name)])) }
                                a href="/werkplek" { (t(lang, "layout-workspace")) }
                                a href="/account/wachtwoord" { (t(lang, "layout-change-password")) }
                                form.inline method="post" action="/uitloggen" {
                                    (csrf_field(ctx))
                                    button.link type="submit" { (t(lang, "layout-logout")) }
                                }
                            }
                        }
                    }
                }
                main #inhoud tabindex="-1" {
                    div.wrap {
                        h1 { (title) }
                        (body)
                    }
                }
                footer.site {
                    div.wrap {
                        ul {
                            li { a href="/privacy" { (t(lang, "layout-privacy")) } }
                            li { a href="/toegankelijkheid" { (t(lang, "layout-accessibility")) } }
                            @if ctx.user.is_none() {
                                li { a href="/inloggen" { (t(lang, "layout-staff-login")) } }
                            }
                        }
                        p { (t_args(lang, "layout-footer-note", &[("municipality", &ctx.municipality)])) }
                    }
                }
            }
        }
    }
}

/// Links to the same page in every language; the current one is marked for screen readers.
fn language_switch(ctx: &Ctx) -> Markup {
    html! {
        nav.languages aria-label=(t(ctx.lang, "layout-language-nav")) {
            ul {
                @for l in Lang::ALL {
                    li {
                        @if l == ctx.lang {
                            a href={ (ctx.path) "?lang=" (l.code()) } lang=(l.code()) hreflang=(l.code()) aria-current="true" { (l.native_name()) }
                        } @else {
                            a href={ (ctx.path) "?lang=" (l.code()) } lang=(l.code()) hreflang=(l.code()) { (l.native_name()) }
                        }
                    }
                }
            }
        }
    }
}

/// The language switch as submit buttons of a form on the page (see [`LanguageForm`]): each sends
/// the form to its address with `?lang=`, and `actie=taal-<code>` tells the handler to keep the
/// answers and show the same page again. Looks and reads like the links it replaces.
fn language_buttons(ctx: &Ctx, f: &LanguageForm) -> Markup {
    html! {
        nav.languages aria-label=(t(ctx.lang, "layout-language-nav")) {
            // The form's default button (first in the page's order): Enter in a field does what
            // the form's own first button does, never switch language.
            button type="submit" form=(f.form) name="actie" value=(f.default_action) hidden {}
            span.visually-hidden #taal-uitleg { (f.note) }
            ul {
                @for l in Lang::ALL {
                    li {
                        button.link type="submit" form=(f.form) formaction={ (f.action) "?lang=" (l.code()) } name="actie" value={ "taal-" (l.code()) } lang=(l.code()) aria-describedby="taal-uitleg" aria-current=[(l == ctx.lang).then_some("true")] { (l.native_name()) }
                    }
                }
            }
        }
    }
}

/// A labelled text area with optional hint and error, linked for screen readers.
pub fn text_area(
    id: &str,
    label: &str,
    value: &str,
    hint: Option<&str>,
    error: Option<&str>,
    max_length: usize,
    rows: u32,
) -> Markup {
    let described = [
        hint.map(|_| format!("{id}-hint")),
        error.map(|_| format!("{id}-error")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        div.field.has-error[error.is_some()] {
            label for=(id) { (label) }
            @if let Some(h) = hint { p.hint id={ (id) "-hint" } { (h) } }
            @if let Some(e) = error { p.error id={ (id) "-error" } { (e) } }
            textarea id=(id) name=(id) rows=(rows) maxlength=(max_length)
                aria-describedby=[(!described.is_empty()).then_some(&described)]
                aria-invalid=[error.map(|_| "true")] { (value) }
        }
    }
}

/// The hidden CSRF field every form needs.
pub fn csrf_field(ctx: &Ctx) -> Markup {
    html! { input type="hidden" name="csrf" value=(ctx.csrf_token()); }
}

/// The message for `field` among a form's errors, if it has one.
pub fn error_for<'a>(errors: &'a [(&str, String)], field: &str) -> Option<&'a str> {
    errors
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, m)| m.as_str())
}

/// A list of problems at the top of a form, announced to screen readers, each linking to its field.
pub fn error_summary(ctx: &Ctx, errors: &[(&str, String)]) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.error-summary role="alert" aria-labelledby="fouten-titel" {
                h2 #fouten-titel { (t(ctx.lang, "form-errors-title")) }
                ul {
                    @for (field, message) in errors {
                        li { a href={ "#" (field) } { (message) } }
                    }
                }
            }
        }
    }
}

/// A labelled text input with an optional hint and error.
pub fn text_field(
    id: &str,
    label: &str,
    kind: &str,
    value: &str,
    hint: Option<&str>,
    error: Option<&str>,
    autocomplete: &str,
) -> Markup {
    let described = match (hint.is_some(), error.is_some()) {
        (true, true) => format!("{id}-hint {id}-error"),
        (true, false) => format!("{id}-hint"),
        (false, true) => format!("{id}-error"),
        (false, false) => String::new(),
    };
    html! {
        div.field.has-error[error.is_some()] {
            label for=(id) { (label) }
            @if let Some(h) = hint { p.hint id={ (id) "-hint" } { (h) } }
            @if let Some(e) = error { p.error id={ (id) "-error" } { (e) } }
            @if described.is_empty() {
                input id=(id) name=(id) type=(kind) value=(value) autocomplete=(autocomplete);
            } @else {
                input id=(id) name=(id) type=(kind) value=(value) autocomplete=(autocomplete) aria-describedby=(described) aria-invalid=[error.map(|_| "true")];
            }
        }
    }
}

/// A date and time in Dutch local time (stored times are UTC); the one function is in [`crate::fmt`].
pub use crate::fmt::local_time;

/// Non-breaking text used where an empty cell would confuse a screen reader.
pub fn dash() -> Markup {
    PreEscaped("–".to_string())
}
