//! Markup of the public pages (`public.rs`): the start page and the privacy and accessibility
//! statements. Each takes what it shows (the visitor's context, the configuration, the domains'
//! privacy facts) and does no I/O, so `PageCache` can render it once per language.

use maud::{html, Markup};

use crate::config::Config;
use crate::web::contact::{contact_block, contact_line};
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout;
use crate::web::public::{PrivacyFacts, ACCESSIBILITY_EVIDENCE, ACCESSIBILITY_STATEMENT_DATE};

/// The start page: what this site is for, and the two things a resident can do here.
pub fn start_page_markup(ctx: &Ctx) -> Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, "home-title"),
        html! {
            p.lead { (t(lang, "home-intro")) }
            p { (t_args(lang, "home-why", &[("municipality", &ctx.municipality)])) }
            h2 { (t(lang, "home-what-title")) }
            ul.actions {
                li {
                    a.action href="/v" { (t(lang, "home-survey-link")) }
                    p { (t(lang, "home-survey-text")) }
                }
                li {
                    a.action href="/klacht" { (t(lang, "home-complaint-link")) }
                    p { (t(lang, "home-complaint-text")) }
                }
            }
            section.reassure aria-labelledby="geen-gevolgen" {
                h2 #geen-gevolgen { (t(lang, "home-safe-title")) }
                p { (t(lang, "home-safe-text")) }
                p { (t(lang, "home-anonymous-text")) }
            }
            h2 { (t(lang, "home-help-title")) }
            p { (t(lang, "home-help-text")) }
            (contact_block(ctx))
            p { a href="/privacy" { (t(lang, "home-privacy-link")) } }
        },
    )
}

/// The CLDR plural category of a whole number, for the word after it (`one`, `two`, `few`,
/// `many` or `other`); the texts choose their word form with it, e.g. "1 dag", "45 dagen".
pub fn plural_form(lang: Lang, n: i64) -> &'static str {
    let n = n.unsigned_abs();
    let (n10, n100) = (n % 10, n % 100);
    match lang {
        Lang::Nl | Lang::En | Lang::Tr => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
        Lang::Pl => {
            if n == 1 {
                "one"
            } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
                "few"
            } else {
                "many"
            }
        }
        Lang::Uk => {
            if n10 == 1 && n100 != 11 {
                "one"
            } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
                "few"
            } else {
                "many"
            }
        }
        Lang::Ar => match n {
            0 => "zero",
            1 => "one",
            2 => "two",
            _ if (3..=10).contains(&n100) => "few",
            _ if (11..=99).contains(&n100) => "many",
            _ => "other",
        },
    }
}

/// The purposes on the privacy page: (anchor, key prefix). Each has a title, the data, why, and the
/// legal basis.
const PURPOSES: [(&str, &str); 5] = [
    ("doel-vragenlijst", "privacy-survey"),
    ("doel-gesprek", "privacy-volunteer"),
    ("doel-klacht", "privacy-complaint"),
    ("doel-verslag", "privacy-report"),
    ("doel-medewerkers", "privacy-staff"),
];

/// The privacy statement (AVG articles 13 and 14): who is responsible, the data protection
/// officer, each purpose with its legal basis, how long data is kept (the retention settings as
/// configured), who receives data, the rights and how to use them, and the supervisory authority.
pub fn privacy_markup(ctx: &Ctx, config: &Config, facts: &PrivacyFacts) -> Markup {
    let lang = ctx.lang;
    let m = [("municipality", &*ctx.municipality)];
    let days = config.volunteer_retention_days;
    let years = i64::from(config.complaints.retention_years);
    let minutes = config.session_idle_minutes;
    let hours = facts.session_hours;
    let k = facts.smallest_group.to_string();
    let retention: Vec<(&str, &str, String)> = vec![
        (
            "bewaar-uitnodiging",
            "privacy-keep-invite",
            t(lang, "privacy-keep-invite-period"),
        ),
        (
            "bewaar-concept",
            "privacy-keep-draft",
            t(lang, "privacy-keep-draft-period"),
        ),
        (
            "bewaar-antwoorden",
            "privacy-keep-answers",
            t(lang, "privacy-keep-answers-period"),
        ),
        (
            "bewaar-gesprek",
            "privacy-keep-volunteer",
            t_args(
                lang,
                "privacy-keep-volunteer-period",
                &[
                    ("days", &days.to_string()),
                    ("days_form", plural_form(lang, days)),
                ],
            ),
        ),
        (
            "bewaar-klacht",
            "privacy-keep-complaint",
            t_args(
                lang,
                "privacy-keep-complaint-period",
                &[
                    ("years", &years.to_string()),
                    ("years_form", plural_form(lang, years)),
                ],
            ),
        ),
        (
            "bewaar-mail",
            "privacy-keep-mail",
            t(lang, "privacy-keep-mail-period"),
        ),
        (
            "bewaar-sessie",
            "privacy-keep-session",
            t_args(
                lang,
                "privacy-keep-session-period",
                &[
                    ("minutes", &minutes.to_string()),
                    ("minutes_form", plural_form(lang, minutes)),
                    ("hours", &hours.to_string()),
                    ("hours_form", plural_form(lang, hours)),
                ],
            ),
        ),
        (
            "bewaar-pogingen",
            "privacy-keep-attempts",
            t(lang, "privacy-keep-attempts-period"),
        ),
        (
            "bewaar-account",
            "privacy-keep-account",
            t(lang, "privacy-keep-account-period"),
        ),
    ];
    layout::page(
        ctx,
        &t(lang, "privacy-title"),
        html! {
            p { (t_args(lang, "privacy-intro", &m)) }
            h2 { (t(lang, "privacy-controller-title")) }
            p { (t_args(lang, "privacy-controller-text", &m)) }
            p { (t(lang, "privacy-officer-text")) }
            @if let Some(fg) = &ctx.contact.privacy_officer_email {
                p #fg { (t(lang, "privacy-officer-mail")) " " a href={ "mailto:" (fg) } dir="ltr" { (fg) } }
            }
            h2 { (t(lang, "privacy-purposes-title")) }
            p { (t(lang, "privacy-purposes-intro")) }
            @for (anchor, key) in PURPOSES {
                section id=(anchor) {
                    h3 { (t(lang, &format!("{key}-title"))) }
                    dl {
                        dt { (t(lang, "privacy-what")) }
                        dd { (t_args(lang, &format!("{key}-data"), &[("k", &k)])) }
                        dt { (t(lang, "privacy-why")) }
                        dd { (t(lang, &format!("{key}-why"))) }
                        dt { (t(lang, "privacy-basis")) }
                        dd { (t(lang, &format!("{key}-basis"))) }
                    }
                }
            }
            h2 { (t(lang, "privacy-cookies-title")) }
            p { (t(lang, "privacy-cookies-text")) }
            p { (t(lang, "privacy-logs-text")) }
            h2 #bewaartermijnen { (t(lang, "privacy-retention-title")) }
            p { (t(lang, "privacy-retention-intro")) }
            table {
                thead {
                    tr {
                        th scope="col" { (t(lang, "privacy-retention-data")) }
                        th scope="col" { (t(lang, "privacy-retention-period")) }
                    }
                }
                tbody {
                    @for (id, what, period) in &retention {
                        tr id=(id) {
                            th scope="row" { (t(lang, what)) }
                            td { (period) }
                        }
                    }
                }
            }
            h2 { (t(lang, "privacy-recipients-title")) }
            p { (t(lang, "privacy-recipients-text")) }
            p { (t(lang, "privacy-processors-text")) }
            @if let Some(provider) = &config.hosting_provider {
                p { (t_args(lang, "privacy-processors-named", &[("provider", provider)])) }
            }
            p { (t(lang, "privacy-automated")) }
            h2 { (t(lang, "privacy-rights-title")) }
            p { (t(lang, "privacy-rights-intro")) }
            ul {
                li { (t(lang, "privacy-right-access")) }
                li { (t(lang, "privacy-right-correction")) }
                li { (t(lang, "privacy-right-erasure")) }
                li { (t(lang, "privacy-right-restriction")) }
                li { (t(lang, "privacy-right-objection")) }
                li { (t(lang, "privacy-right-withdraw")) }
            }
            p { (t(lang, "privacy-rights-how")) }
            p { (t(lang, "privacy-rights-anonymous")) }
            (contact_block(ctx))
            h2 { (t(lang, "privacy-complain-title")) }
            p { (t(lang, "privacy-complain-text")) }
            p { a href="https://autoriteitpersoonsgegevens.nl" { (t(lang, "privacy-complain-link")) } }
        },
    )
}

/// The accessibility statement in the parts of the Dutch government's model: the organisation and
/// the website it covers, the status with its basis (the product's own tests), known issues, how to
/// give feedback and what to do when the answer does not satisfy, and the date.
pub fn accessibility_markup(ctx: &Ctx, config: &Config) -> Markup {
    let lang = ctx.lang;
    let m = [("municipality", &*ctx.municipality)];
    let (y, mo, d) = ACCESSIBILITY_STATEMENT_DATE;
    let date = chrono::NaiveDate::from_ymd_opt(y, mo, d)
        .map(crate::fmt::date_text)
        .unwrap_or_default();
    layout::page(
        ctx,
        &t(lang, "a11y-title"),
        html! {
            p { (t_args(lang, "a11y-intro", &m)) }
            h2 { (t(lang, "a11y-scope-title")) }
            p { (t_args(lang, "a11y-scope-text", &[("url", &config.public_url)])) }
            p { (t(lang, "a11y-scope-excluded")) }
            h2 { (t(lang, "a11y-status-title")) }
            dl #status {
                dt { (t(lang, "a11y-status-label")) }
                dd { strong { (t(lang, "a11y-status-value")) } }
                dt { (t(lang, "a11y-standard-label")) }
                dd { (t(lang, "a11y-standard-value")) }
                dt { (t(lang, "a11y-date-label")) }
                dd dir="ltr" { (date) }
                dt { (t(lang, "a11y-version-label")) }
                dd dir="ltr" { "Klankbord " (env!("CARGO_PKG_VERSION")) }
            }
            p { (t(lang, "a11y-status-why")) }
            h2 { (t(lang, "a11y-evidence-title")) }
            p { (t(lang, "a11y-evidence-intro")) }
            ul {
                li { (t(lang, "a11y-evidence-axe")) }
                li { (t(lang, "a11y-evidence-keyboard")) }
                li { (t(lang, "a11y-evidence-languages")) }
                li { (t(lang, "a11y-evidence-print")) }
            }
            p { (t(lang, "a11y-evidence-files")) }
            ul.files {
                @for f in ACCESSIBILITY_EVIDENCE { li { code dir="ltr" { (f) } } }
            }
            h2 { (t(lang, "a11y-issues-title")) }
            ul {
                li { (t_args(lang, "a11y-issue-audit", &m)) }
                li { (t(lang, "a11y-issue-dutch")) }
                li { (t(lang, "a11y-issue-staff")) }
            }
            h2 { (t(lang, "a11y-feedback-title")) }
            p { (t(lang, "a11y-feedback-text")) }
            (contact_line(ctx))
            p { (t(lang, "a11y-complaint-text")) }
            p { span lang="nl" { (config.complaints.ombudsman) } }
            p { a.tap href="/klacht" { (t(lang, "a11y-complaint-link")) } }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms_follow_each_language() {
        assert_eq!(plural_form(Lang::Nl, 1), "one");
        assert_eq!(plural_form(Lang::Nl, 0), "other");
        assert_eq!(plural_form(Lang::Pl, 1), "one");
        assert_eq!(plural_form(Lang::Pl, 22), "few");
        assert_eq!(plural_form(Lang::Pl, 12), "many");
        assert_eq!(plural_form(Lang::Pl, 5), "many");
        assert_eq!(plural_form(Lang::Uk, 21), "one");
        assert_eq!(plural_form(Lang::Uk, 11), "many");
        assert_eq!(plural_form(Lang::Uk, 3), "few");
        assert_eq!(plural_form(Lang::Ar, 0), "zero");
        assert_eq!(plural_form(Lang::Ar, 2), "two");
        assert_eq!(plural_form(Lang::Ar, 7), "few");
        assert_eq!(plural_form(Lang::Ar, 45), "many");
        assert_eq!(plural_form(Lang::Ar, 100), "other");
    }
}
