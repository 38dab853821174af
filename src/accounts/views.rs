//! Screens for logging in, the staff workspace, account administration and the audit log.

use maud::{html, Markup};

use crate::accounts::audit::{AuditEntry, FilterForm};
use crate::accounts::model::{Role, User};
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self, csrf_field, error_summary, local_time, text_field};

/// Notices shown after a redirect (`?melding=…`); only these keys are accepted.
pub const NOTICES: &[&str] = &[
    "notice-saved",
    "notice-user-created",
    "notice-password-changed",
    "notice-sessions-ended",
    "notice-logged-out",
    "notice-mail-queued",
    "notice-totp-reset",
    "notice-login-again",
];

/// A confirmation line, if `key` is a known notice.
pub fn notice(ctx: &Ctx, key: Option<&str>) -> Markup {
    html! {
        @if let Some(k) = key.filter(|k| NOTICES.contains(k)) {
            p.notice role="status" { (t(ctx.lang, k)) }
        }
    }
}

/// The login form.
pub fn login_page(
    ctx: &Ctx,
    username: &str,
    back: &str,
    error: Option<String>,
    info: Option<&str>,
    sso: crate::accounts::login_routes::LoginOffer,
) -> Markup {
    use crate::accounts::login_routes::LoginOffer;
    if sso == LoginOffer::SsoOnly {
        return crate::accounts::login_views::sso_only_login(ctx, back, notice(ctx, info));
    }
    let lang = ctx.lang;
    let errors: Vec<(&str, String)> = error
        .iter()
        .map(|e| ("gebruikersnaam", e.clone()))
        .collect();
    layout::page(
        ctx,
        &t(lang, "login-title"),
        html! {
            (notice(ctx, info))
            (error_summary(ctx, &errors))
            p { (t(lang, "login-intro")) }
            @if sso == LoginOffer::Both {
                (crate::accounts::login_views::sso_button(ctx, back))
                h2 { (t(lang, "login-password-title")) }
            }
            @if sso == LoginOffer::BreakGlass {
                p { (t(lang, "break-glass-intro")) }
            }
            form method="post" action="/inloggen" novalidate {
                (csrf_field(ctx))
                input type="hidden" name="terug" value=(back);
                (text_field("gebruikersnaam", &t(lang, "login-username"), "text", username, None, error.as_deref(), "username"))
                (text_field("wachtwoord", &t(lang, "login-password"), "password", "", None, None, "current-password"))
                button type="submit" { (t(lang, "login-submit")) }
            }
            p { (t(lang, "login-residents-note")) " " a href="/" { (t(lang, "error-back-home")) } }
        },
    )
}

/// A link with the count of what waits behind it (`key` has Fluent plural forms on `$n`).
fn counted(lang: crate::web::i18n::Lang, href: &str, key: &str, n: i64) -> Markup {
    html! { li { a href=(href) { (crate::web::i18n::t_count(lang, key, n)) } } }
}

/// The staff home page: what each of the user's roles leads to, with the work waiting there.
pub fn workspace_page(ctx: &Ctx, work: &crate::accounts::workload::Work) -> Markup {
    let lang = ctx.lang;
    let roles = ctx
        .user
        .as_ref()
        .map(|u| u.roles.clone())
        .unwrap_or_default();
    layout::page(
        ctx,
        &t(lang, "workspace-title"),
        html! {
            @if roles.is_empty() {
                p.notice role="status" { (t(lang, "workspace-no-role")) }
            }
            p { (t(lang, "workspace-roles")) }
            ul {
                @for r in &roles { li { (t(lang, r.label_key())) } }
            }
            @if roles.contains(&Role::Beheerder) {
                h2 { (t(lang, "workspace-admin-title")) }
                ul {
                    li { a href="/beheer/gebruikers" { (t(lang, "users-title")) } }
                    li { a href="/beheer/audit" { (t(lang, "audit-title")) } }
                    li { a href="/beheer/mail" { (t(lang, "mail-title")) } }
                    @if let Some(n) = work.mail_failed { (counted(lang, "/beheer/mail", "workspace-mail-failed", n)) }
                }
            }
            @if roles.contains(&Role::Onderzoeker) {
                h2 { (t(lang, "workspace-research-title")) }
                ul {
                    li { a href="/onderzoek" { (t(lang, "waves-title")) } }
                    @if let Some(n) = work.open_waves { (counted(lang, "/onderzoek", "workspace-waves-open", n)) }
                    @if let Some(n) = work.upcoming_waves { (counted(lang, "/onderzoek", "workspace-waves-upcoming", n)) }
                    @if let Some(n) = work.quotes_waiting { (counted(lang, "/onderzoek", "workspace-quotes-waiting", n)) }
                    li { a href="/onderzoek/coderen" { (t(lang, "coding-title")) } }
                    li { a href="/onderzoek/codeboek" { (t(lang, "codebook-title")) } }
                }
            }
            @if roles.contains(&Role::Invoerder) {
                h2 { (t(lang, "workspace-entry-title")) }
                ul {
                    li { a href="/invoer" { (t(lang, "entry-list-title")) } }
                    @if let Some(n) = work.open_waves { (counted(lang, "/invoer", "workspace-waves-open", n)) }
                    @if let Some(aside) = &work.sheets_aside {
                        @if aside.is_empty() {
                            li { (crate::web::i18n::t_count(lang, "workspace-sheets-aside", 0)) }
                        }
                        @for (id, name, n) in aside {
                            li { a href={ "/invoer/rondes/" (id) "/papier#apart" } { (crate::web::i18n::t_count(lang, "workspace-sheets-aside", *n)) " · " (name) } }
                        }
                    }
                }
            }
            @if roles.iter().any(|r| matches!(r, Role::Klachtcoordinator | Role::Klachtbehandelaar | Role::Commissielid)) {
                h2 { (t(lang, "cases-title")) }
                ul {
                    li { a href="/klachten" { (t(lang, "cases-title")) } }
                    @if let Some(w) = &work.complaints {
                        (counted(lang, "/klachten", "workspace-cases-running", w.running))
                        (counted(lang, "/klachten/termijnen", "workspace-cases-due-soon", w.due_soon))
                        (counted(lang, "/klachten/termijnen", "workspace-cases-overdue", w.overdue))
                        @if let Some(n) = w.letters_waiting { (counted(lang, "/klachten/brieven", "workspace-letters-waiting", n)) }
                    }
                }
                (crate::complaints::search_views::search_box(lang, ""))
            }
            @if roles.iter().any(|r| matches!(r, Role::Raadslid | Role::Onderzoeker | Role::Klachtcoordinator)) {
                h2 { (t(lang, "report-title")) }
                ul { li { a href="/rapportage" { (t(lang, "report-title")) } } }
            }
            h2 { (t(lang, "workspace-account-title")) }
            ul {
                li { a href="/account/wachtwoord" { (t(lang, "layout-change-password")) } }
                li { a href="/account/tweestaps" { (t(lang, "totp-own-title")) } }
                li { a href="/account/email" { (t(lang, "email-setting-title")) } }
            }

            form method="post" action="/uitloggen/overal" {
                (csrf_field(ctx))
                button.secondary type="submit" { (t(lang, "workspace-logout-everywhere")) }
            }
        },
    )
}

/// Values typed into the new-account form, kept when it is shown again with errors.
#[derive(Default)]
pub struct NewUserValues {
    /// Login name.
    pub username: String,
    /// Display name.
    pub display_name: String,
    /// Chosen roles.
    pub roles: Vec<Role>,
}

fn role_checkboxes(ctx: &Ctx, chosen: &[Role], legend: &str) -> Markup {
    html! {
        fieldset #rol {
            legend { (legend) }
            @for r in Role::ALL {
                div.check {
                    input type="checkbox" id={ "rol-" (r.code()) } name="rol" value=(r.code()) checked[chosen.contains(&r)];
                    label for={ "rol-" (r.code()) } { (t(ctx.lang, r.label_key())) }
                }
            }
        }
    }
}

/// The list of accounts with a form to add one.
pub fn users_page(
    ctx: &Ctx,
    users: &[(User, Vec<Role>)],
    shown: &crate::web::paging::Page,
    values: &NewUserValues,
    errors: &[(&str, String)],
    info: Option<&str>,
) -> Markup {
    let lang = ctx.lang;
    let err = |f: &str| {
        errors
            .iter()
            .find(|(k, _)| *k == f)
            .map(|(_, m)| m.as_str())
    };
    layout::page(
        ctx,
        &t(lang, "users-title"),
        html! {
            (notice(ctx, info))
            table {
                caption { (t(lang, "users-caption")) }
                thead { tr {
                    th scope="col" { (t(lang, "users-col-username")) }
                    th scope="col" { (t(lang, "users-col-name")) }
                    th scope="col" { (t(lang, "users-col-roles")) }
                    th scope="col" { (t(lang, "users-col-status")) }
                } }
                tbody {
                    @for (u, roles) in users {
                        tr {
                            td { a href={ "/beheer/gebruikers/" (u.id) } { (u.username) } }
                            td { (u.display_name) }
                            td { @for (i, r) in roles.iter().enumerate() { @if i > 0 { ", " } (t(lang, r.label_key())) } }
                            td { (status_text(ctx, u)) }
                        }
                    }
                }
            }
            (crate::web::paging::nav(lang, shown, |n| format!("/beheer/gebruikers?pagina={n}")))
            h2 #nieuw { (t(lang, "users-new-title")) }
            (error_summary(ctx, errors))
            form method="post" action="/beheer/gebruikers" novalidate {
                (csrf_field(ctx))
                (text_field("gebruikersnaam", &t(lang, "login-username"), "text", &values.username, Some(&t(lang, "users-username-hint")), err("gebruikersnaam"), "off"))
                (text_field("naam", &t(lang, "users-col-name"), "text", &values.display_name, None, err("naam"), "off"))
                (text_field("wachtwoord", &t(lang, "login-password"), "password", "", Some(&t(lang, "password-hint")), err("wachtwoord"), "new-password"))
                @if let Some(e) = err("rol") { p.error { (e) } }
                (role_checkboxes(ctx, &values.roles, &t(lang, "users-col-roles")))
                button type="submit" { (t(lang, "users-new-submit")) }
            }
        },
    )
}

fn status_text(ctx: &Ctx, u: &User) -> String {
    if u.disabled {
        t(ctx.lang, "users-status-disabled")
    } else {
        t(ctx.lang, "users-status-active")
    }
}

/// One account: roles, status, password reset and its sessions.
pub fn user_page(
    ctx: &Ctx,
    user: &User,
    roles: &[Role],
    errors: &[(&str, String)],
    info: Option<&str>,
    two_factor: Markup,
) -> Markup {
    let lang = ctx.lang;
    let base = format!("/beheer/gebruikers/{}", user.id);
    layout::page(
        ctx,
        &t_args(lang, "user-title", &[("username", &user.username)]),
        html! {
            (notice(ctx, info))
            (error_summary(ctx, errors))
            dl {
                dt { (t(lang, "users-col-name")) } dd { (user.display_name) }
                dt { (t(lang, "users-col-status")) } dd { (status_text(ctx, user)) }
                dt { (t(lang, "user-created")) } dd { (local_time(user.created_at)) }
                dt { (t(lang, "user-password-changed")) } dd { (local_time(user.password_changed_at)) }
            }
            h2 { (t(lang, "users-col-roles")) }
            form method="post" action={ (base) "/rollen" } {
                (csrf_field(ctx))
                (role_checkboxes(ctx, roles, &t(lang, "users-col-roles")))
                button type="submit" { (t(lang, "user-save-roles")) }
            }
            h2 { (t(lang, "users-col-status")) }
            form method="post" action={ (base) "/status" } {
                (csrf_field(ctx))
                @if user.disabled {
                    input type="hidden" name="actie" value="inschakelen";
                    button type="submit" { (t(lang, "user-enable")) }
                } @else {
                    input type="hidden" name="actie" value="uitschakelen";
                    p { (t(lang, "user-disable-note")) }
                    button.danger type="submit" { (t(lang, "user-disable")) }
                }
            }
            h2 { (t(lang, "user-new-password-title")) }
            form method="post" action={ (base) "/wachtwoord" } novalidate {
                (csrf_field(ctx))
                (text_field("wachtwoord", &t(lang, "login-password"), "password", "", Some(&t(lang, "password-hint")), errors.iter().find(|(k, _)| *k == "wachtwoord").map(|(_, m)| m.as_str()), "new-password"))
                button type="submit" { (t(lang, "user-set-password")) }
            }
            p { a href={ (base) "/email" } { (t(lang, "email-setting-admin-link")) } }
            h2 { (t(lang, "user-sessions-title")) }
            form method="post" action={ (base) "/sessies" } {
                (csrf_field(ctx))
                button.secondary type="submit" { (t(lang, "user-end-sessions")) }
            }
            (two_factor)
            p { a href="/beheer/gebruikers" { (t(lang, "users-back")) } }
        },
    )
}

/// The change-own-password form.
pub fn own_password_page(ctx: &Ctx, errors: &[(&str, String)], info: Option<&str>) -> Markup {
    let lang = ctx.lang;
    let err = |f: &str| {
        errors
            .iter()
            .find(|(k, _)| *k == f)
            .map(|(_, m)| m.as_str())
    };
    layout::page(
        ctx,
        &t(lang, "layout-change-password"),
        html! {
            (notice(ctx, info))
            (error_summary(ctx, errors))
            form method="post" action="/account/wachtwoord" novalidate {
                (csrf_field(ctx))
                (text_field("huidig", &t(lang, "password-current"), "password", "", None, err("huidig"), "current-password"))
                (text_field("nieuw", &t(lang, "password-new"), "password", "", Some(&t(lang, "password-hint")), err("nieuw"), "new-password"))
                (text_field("herhaal", &t(lang, "password-repeat"), "password", "", None, err("herhaal"), "new-password"))
                button type="submit" { (t(lang, "password-submit")) }
            }
        },
    )
}

/// The audit log, newest first, with its filter, paging and the CSV download of what is filtered.
pub fn audit_page(
    ctx: &Ctx,
    filter: &FilterForm,
    errors: &[(&str, String)],
    entries: &[AuditEntry],
    total: i64,
    page: i64,
    pages: i64,
) -> Markup {
    let lang = ctx.lang;
    let err = |f: &str| layout::error_for(errors, f);
    let query = filter.query();
    let csv = if query.is_empty() {
        "/beheer/audit.csv".to_string()
    } else {
        format!("/beheer/audit.csv?{query}")
    };
    let page_link = |n: i64| {
        if query.is_empty() {
            format!("/beheer/audit?pagina={n}")
        } else {
            format!("/beheer/audit?{query}&pagina={n}")
        }
    };
    layout::page(
        ctx,
        &t(lang, "audit-title"),
        html! {
            p { (t(lang, "audit-intro")) }
            (error_summary(ctx, errors))
            form.audit-filter method="get" action="/beheer/audit" novalidate {
                fieldset {
                    legend { (t(lang, "audit-filter-title")) }
                    (text_field("gebruiker", &t(lang, "audit-filter-user"), "text", &filter.gebruiker, Some(&t(lang, "audit-filter-user-hint")), err("gebruiker"), "off"))
                    (text_field("actie", &t(lang, "audit-filter-action"), "text", &filter.actie, Some(&t(lang, "audit-filter-action-hint")), err("actie"), "off"))
                    (text_field("soort", &t(lang, "audit-filter-type"), "text", &filter.soort, Some(&t(lang, "audit-filter-type-hint")), err("soort"), "off"))
                    (text_field("record", &t(lang, "audit-filter-record"), "text", &filter.record, None, err("record"), "off"))
                    (text_field("van", &t(lang, "audit-filter-from"), "date", &filter.van, None, err("van"), "off"))
                    (text_field("tot", &t(lang, "audit-filter-to"), "date", &filter.tot, None, err("tot"), "off"))
                    button type="submit" { (t(lang, "audit-filter-submit")) }
                    " "
                    a href="/beheer/audit" { (t(lang, "audit-filter-clear")) }
                }
            }
            @if errors.is_empty() {
                (crate::web::download::form(lang, "audit", &[(csv, t(lang, "audit-download"))]))
                p { (t_args(lang, "audit-filter-count", &[("n", &total.to_string())])) }
                table {
                    caption { (t_args(lang, "audit-caption", &[("page", &page.to_string()), ("pages", &pages.to_string())])) }
                    thead { tr {
                        th scope="col" { (t(lang, "audit-col-when")) }
                        th scope="col" { (t(lang, "audit-col-who")) }
                        th scope="col" { (t(lang, "audit-col-action")) }
                        th scope="col" { (t(lang, "audit-col-record")) }
                        th scope="col" { (t(lang, "audit-col-detail")) }
                    } }
                    tbody {
                        @for e in entries {
                            tr {
                                td { (local_time(e.at)) }
                                td { @if let Some(u) = &e.actor_username { (u) } @else { (e.via) } }
                                td { code { (e.action) } }
                                td { (e.record_type) @if let Some(id) = &e.record_id { " " (id) } }
                                td { @if let Some(d) = &e.detail { (d) } @else { (layout::dash()) } }
                            }
                        }
                    }
                }
                nav.pager aria-label=(t(lang, "audit-pages")) {
                    @if page > 1 { a href=(page_link(page - 1)) { (t(lang, "audit-newer")) } }
                    @if page < pages { a href=(page_link(page + 1)) { (t(lang, "audit-older")) } }
                }
            }
        },
    )
}
