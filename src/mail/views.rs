//! Markup of the administrator's mail page (`routes.rs`): counts per status, the messages with
//! problems, and the form for a test message.

use maud::{html, Markup};

use crate::mail::queries::Problem;
use crate::web::context::Ctx;
use crate::web::i18n::{t, Lang};
use crate::web::layout::{self, csrf_field, error_summary, local_time, text_field};

/// The name of an outbox status in `lang`.
fn status_label(lang: Lang, status: &str) -> String {
    match status {
        "pending" => t(lang, "mail-status-pending"),
        "sending" => t(lang, "mail-status-sending"),
        "sent" => t(lang, "mail-status-sent"),
        _ => t(lang, "mail-status-failed"),
    }
}

/// The mail page: `counts` per status, the `problems`, the test form with its `errors`, and the
/// confirmation `notice` after a redirect.
pub fn overview_page(
    ctx: &Ctx,
    counts: &[(String, i64)],
    problems: &[Problem],
    errors: &[(&str, String)],
    notice: Option<&str>,
) -> Markup {
    let lang = ctx.lang;
    let body = html! {
        (crate::accounts::views::notice(ctx, notice))
        p { (t(lang, "mail-intro")) }
        table {
            caption { (t(lang, "mail-counts-caption")) }
            thead { tr { th scope="col" { (t(lang, "users-col-status")) } th scope="col" { (t(lang, "mail-col-count")) } } }
            tbody {
                @for (s, n) in counts { tr { td { (status_label(lang, s)) } td { (n) } } }
            }
        }
        @if !problems.is_empty() {
            table {
                caption { (t(lang, "mail-problems-caption")) }
                thead { tr {
                    th scope="col" { "#" }
                    th scope="col" { (t(lang, "mail-col-kind")) }
                    th scope="col" { (t(lang, "mail-col-created")) }
                    th scope="col" { (t(lang, "mail-col-attempts")) }
                    th scope="col" { (t(lang, "mail-col-error")) }
                } }
                tbody {
                    @for p in problems {
                        tr { td { (p.id) } td { (p.kind) } td { (local_time(p.created_at)) } td { (p.attempts) } td { @if let Some(e) = &p.last_error { (e) } @else { (layout::dash()) } } }
                    }
                }
            }
        }
        h2 { (t(lang, "mail-test-title")) }
        (error_summary(ctx, errors))
        form method="post" action="/beheer/mail/test" novalidate {
            (csrf_field(ctx))
            (text_field("aan", &t(lang, "mail-test-to"), "email", "", None, errors.first().map(|(_, m)| m.as_str()), "email"))
            button type="submit" { (t(lang, "mail-test-submit")) }
        }
    };
    layout::page(ctx, &t(lang, "mail-title"), body)
}
