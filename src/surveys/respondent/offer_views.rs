//! The interview offer's pages: the form, the page instead of it when the offer cannot be used,
//! and the page after too many refused sign-ups.

use actix_web::http::{header, StatusCode};
use actix_web::HttpResponse;
use maud::{html, Markup};

use super::offer_routes::VolunteerForm;
use super::removal;
use super::OFFER_COOKIE;
use crate::fmt::date_text;
use crate::surveys::volunteers::OfferError;
use crate::web::context::Ctx;
use crate::web::errors::page_response;
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout::{self, csrf_field, error_summary};

fn volunteer_markup(
    ctx: &Ctx,
    f: &VolunteerForm,
    errors: &[(&str, String)],
    closes_on: chrono::NaiveDate,
) -> Markup {
    let lang = ctx.lang;
    let err = |k: &str| layout::error_for(errors, k);
    html! {
        (error_summary(ctx, errors))
        p { (t(lang, "volunteer-intro")) }
        p { (t_args(lang, "volunteer-when", &[("date", &date_text(closes_on))])) }
        form method="post" action="/v/gesprek" novalidate {
            (csrf_field(ctx))
            (layout::text_field("naam", &t(lang, "volunteer-name"), "text", &f.naam, None, err("naam"), "name"))
            (layout::text_field("contact", &t(lang, "volunteer-contact"), "text", &f.contact, Some(&t(lang, "volunteer-contact-hint")), err("contact"), "tel"))
            div.field {
                label for="taal" { (t(lang, "volunteer-language")) }
                select #taal name="taal" {
                    @for l in Lang::ALL {
                        option value=(l.code()) selected[l == lang] { (l.native_name()) }
                    }
                }
            }
            (layout::text_field("tijd", &t(lang, "volunteer-time"), "text", &f.tijd, Some(&t(lang, "volunteer-time-hint")), err("tijd"), "off"))
            button type="submit" { (t(lang, "volunteer-submit")) }
        }
    }
}

/// The page shown instead of the interview form when the offer cannot be used.
pub(super) fn offer_refused(ctx: &Ctx, e: &OfferError) -> HttpResponse {
    let lang = ctx.lang;
    let status = match e {
        // As for an unknown code: there is no such offer (403 is kept for what a role may not do).
        OfferError::Unknown => StatusCode::NOT_FOUND,
        OfferError::Used => StatusCode::CONFLICT,
        OfferError::Closed => StatusCode::GONE,
        OfferError::Db(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let mut res = page_response(
        status,
        layout::page(
            ctx,
            &t(lang, "volunteer-refused-title"),
            html! {
                p.lead { (t(lang, e.message_key())) }
                p { a.tap href="/v" { (t(lang, "volunteer-refused-to-code")) } }
                p { a.tap href="/" { (t(lang, "error-back-home")) } }
            },
        ),
    );
    // A used, made-up or expired offer is of no further use to the browser.
    let _ = res.add_cookie(&removal(OFFER_COOKIE));
    res
}

/// The page for an address that has had too many refused sign-ups.
pub(super) fn too_many_tries(ctx: &Ctx) -> HttpResponse {
    let lang = ctx.lang;
    let mut res = page_response(
        StatusCode::TOO_MANY_REQUESTS,
        layout::page(
            ctx,
            &t(lang, "volunteer-refused-title"),
            html! {
                p.lead { (t(lang, "volunteer-refused-too-many")) }
                p { a.tap href="/" { (t(lang, "error-back-home")) } }
            },
        ),
    );
    res.headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from_static("600"));
    res
}

/// The interview form as a page, with `status`: empty, or as typed with what to fix.
pub(super) fn volunteer_page(
    ctx: &Ctx,
    status: StatusCode,
    f: &VolunteerForm,
    errors: &[(&str, String)],
    closes_on: chrono::NaiveDate,
) -> HttpResponse {
    page_response(
        status,
        layout::page(
            ctx,
            &t(ctx.lang, "volunteer-title"),
            volunteer_markup(ctx, f, errors, closes_on),
        ),
    )
}

/// The thanks after a sign-up; the offer cookie goes (one offer per answer set).
pub(super) fn volunteer_done(ctx: &Ctx) -> HttpResponse {
    let lang = ctx.lang;
    let mut res = page_response(
        StatusCode::OK,
        layout::page(
            ctx,
            &t(lang, "volunteer-done-title"),
            html! {
                p { (t(lang, "volunteer-done-text")) }
                p { a.tap href="/" { (t(lang, "error-back-home")) } }
            },
        ),
    );
    // One offer per answer set.
    let _ = res.add_cookie(&removal(OFFER_COOKIE));
    res
}
