//! The complaint pages for staff: the overview and the deadline list, registering a complaint that
//! came by letter, phone, counter, e-mail, a council member, an alderman or the commission, and the
//! case page where every step is taken. Who may see and do what on each case is decided by one rule,
//! [`access::check`]: the coordinator every case, a handler the cases assigned to them, a committee
//! member the committee's cases while they are before the committee.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use maud::{html, Markup};
use serde::Deserialize;

use super::access::{self, CaseAction, Denied};
use super::deadlines::{self, Urgency};
use super::model::{self, Complaint, Progress};
use super::store::{
    self, Classification, HearingPlan, Mediation, NewComplaint, StepError, StepInput,
};
use super::workflow::{self, Action, State};
use super::worklist::{running_codes, visible_to, Visible};
use crate::accounts::audit::{self, Actor};
use crate::accounts::model::{CurrentUser, Role};
use crate::db::schema::{
    complaint_attachments, complaint_categories, complaint_category_links, complaint_elements,
    complaint_events, complaint_followups, complaint_hearings, complaint_letters, complaints,
    user_roles, users,
};
use crate::db::DbConnection;
use crate::surveys::respondent::date_text;
use crate::web::context::Ctx;
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, t_count, Lang};
use crate::web::layout::{self, csrf_field, error_summary};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

const ANY: Access = Access::Roles(&[
    Role::Klachtcoordinator,
    Role::Klachtbehandelaar,
    Role::Commissielid,
]);
const COORDINATOR: Access = Access::Roles(&[Role::Klachtcoordinator]);
const HANDLING: Access = Access::Roles(&[Role::Klachtcoordinator, Role::Klachtbehandelaar]);
const JUDGING: Access = Access::Roles(&[Role::Klachtcoordinator, Role::Commissielid]);

/// Rows on one page of the overview.
pub const PAGE_ROWS: i64 = 100;

/// Routes of the staff complaint pages.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/klachten", ANY).get(overview),
        RouteDef::new("/klachten/termijnen", ANY).get(due_list),
        RouteDef::new("/klachten/nieuw", COORDINATOR)
            .get(new_page)
            .post(new_submit),
        RouteDef::new("/klachten/categorieen", COORDINATOR)
            .get(categories_page)
            .post(categories_submit),
        RouteDef::new("/klachten/{id}", ANY).get(case_page),
        RouteDef::new("/klachten/{id}/stap", ANY).post(step_submit),
        RouteDef::new("/klachten/{id}/indeling", COORDINATOR).post(classify_submit),
        RouteDef::new("/klachten/{id}/bemiddeling", HANDLING).post(mediation_submit),
        RouteDef::new("/klachten/{id}/onderdelen", JUDGING).post(element_add),
        RouteDef::new("/klachten/{id}/onderdelen/{element}", JUDGING).post(element_judge),
        RouteDef::new("/klachten/{id}/acties", COORDINATOR).post(followup_add),
        RouteDef::new("/klachten/{id}/acties/{followup}/klaar", COORDINATOR).post(followup_done),
        RouteDef::new("/klachten/{id}/instemming", COORDINATOR).post(consent_submit),
        RouteDef::new("/klachten/{id}/bijlagen", ANY).post(document_add),
        RouteDef::new("/klachten/{id}/bijlagen/{attachment}", ANY).get(attachment),
    ]
}

fn user(ctx: &Ctx) -> Result<CurrentUser, AppError> {
    ctx.user.clone().ok_or(AppError::Unauthorized)
}

/// The SQL form of [`Visible::Some`] (the same rule as [`access::roles_for`]).
macro_rules! visible_sql {
    ($handler:expr, $committee:expr) => {{
        let committee_states: Vec<&'static str> =
            access::COMMITTEE_STATES.iter().map(|s| s.code()).collect();
        // -1 is no account: a person without the handler role is nobody's handler.
        complaints::handler_id
            .eq($handler.unwrap_or(-1))
            .or(complaints::committee
                .eq($committee)
                .and(complaints::committee.eq(true))
                .and(complaints::state.eq_any(committee_states)))
    }};
}

/// One row of a list.
#[derive(Debug, Clone, Queryable)]
pub struct Row {
    /// Case number.
    pub id: i64,
    /// Received.
    pub received_on: NaiveDate,
    /// Channel code.
    pub channel: String,
    /// State code.
    pub state: String,
    /// Legal deadline.
    pub deadline_on: NaiveDate,
    /// Handler's name.
    pub handler: Option<String>,
}

/// The filter of the overview.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Filter {
    /// State code, or `lopend` (running, the default), or `alle`.
    #[serde(default)]
    pub fase: Option<String>,
    /// Page number from 1.
    #[serde(default)]
    pub pagina: Option<i64>,
}

/// The overview's rows for `user`: running cases by deadline by default, one page at a time.
pub fn list(
    conn: &mut DbConnection,
    user: &CurrentUser,
    f: &Filter,
) -> QueryResult<(Vec<Row>, i64)> {
    let mut q = complaints::table
        .left_join(users::table)
        .select((
            complaints::id,
            complaints::received_on,
            complaints::channel,
            complaints::state,
            complaints::deadline_on,
            users::display_name.nullable(),
        ))
        .into_boxed();
    let mut count = complaints::table
        .select(diesel::dsl::count_star())
        .into_boxed();
    match f.fase.as_deref() {
        None | Some("lopend") => {
            q = q.filter(complaints::state.eq_any(running_codes()));
            count = count.filter(complaints::state.eq_any(running_codes()));
        }
        Some("alle") => {}
        Some(code) => {
            q = q.filter(complaints::state.eq(code.to_string()));
            count = count.filter(complaints::state.eq(code.to_string()));
        }
    }
    match visible_to(user) {
        Visible::All => {}
        Visible::Nothing => return Ok((vec![], 0)),
        Visible::Some { handler, committee } => {
            q = q.filter(visible_sql!(handler, committee));
            count = count.filter(visible_sql!(handler, committee));
        }
    }
    let page = f.pagina.unwrap_or(1).max(1);
    let rows = q
        .order((complaints::deadline_on.asc(), complaints::id.asc()))
        .limit(PAGE_ROWS)
        .offset((page - 1) * PAGE_ROWS)
        .load(conn)?;
    let total = count.get_result(conn)?;
    Ok((rows, total))
}

/// Running cases past or near their legal deadline (within [`deadlines::WARN_DAYS`]), for `user`.
pub fn due(conn: &mut DbConnection, user: &CurrentUser, today: NaiveDate) -> QueryResult<Vec<Row>> {
    let horizon = today + chrono::Duration::days(deadlines::WARN_DAYS);
    let mut q = complaints::table
        .left_join(users::table)
        .filter(complaints::state.eq_any(running_codes()))
        .filter(complaints::deadline_on.le(horizon))
        .select((
            complaints::id,
            complaints::received_on,
            complaints::channel,
            complaints::state,
            complaints::deadline_on,
            users::display_name.nullable(),
        ))
        .into_boxed();
    match visible_to(user) {
        Visible::All => {}
        Visible::Nothing => return Ok(vec![]),
        Visible::Some { handler, committee } => q = q.filter(visible_sql!(handler, committee)),
    }
    q.order((complaints::deadline_on.asc(), complaints::id.asc()))
        .load(conn)
}

fn urgency_badge(lang: Lang, today: NaiveDate, due: NaiveDate, running: bool) -> Markup {
    if !running {
        return html! {};
    }
    match deadlines::urgency(today, due) {
        Urgency::OnTrack => html! {},
        Urgency::DueSoon => html! { " " strong.badge.warn { (t(lang, "case-due-soon")) } },
        Urgency::Overdue => html! { " " strong.badge.late { (t(lang, "case-overdue")) } },
    }
}

/// Labels looked up once per list, not once per row.
struct Labels {
    channels: Vec<(&'static str, String)>,
    stages: Vec<(&'static str, String)>,
    soon: String,
    late: String,
}

impl Labels {
    fn new(lang: Lang) -> Labels {
        Labels {
            channels: model::CHANNELS
                .iter()
                .map(|c| (*c, t(lang, &format!("channel-complaint-{c}"))))
                .collect(),
            stages: State::ALL
                .iter()
                .map(|s| (s.code(), t(lang, &format!("case-stage-{}", s.code()))))
                .collect(),
            soon: t(lang, "case-due-soon"),
            late: t(lang, "case-overdue"),
        }
    }

    fn of<'a>(list: &'a [(&'static str, String)], code: &'a str) -> &'a str {
        list.iter()
            .find(|(c, _)| *c == code)
            .map(|(_, l)| l.as_str())
            .unwrap_or(code)
    }
}

/// A case number written straight into the page (lists show thousands).
struct CaseNo(NaiveDate, i64);

impl maud::Render for CaseNo {
    fn render_to(&self, buffer: &mut String) {
        use chrono::Datelike;
        use std::fmt::Write;
        let _ = write!(buffer, "{}-{:04}", self.0.year(), self.1);
    }
}

/// A date written straight into the page as dd-mm-yyyy.
struct Day(NaiveDate);

impl maud::Render for Day {
    fn render_to(&self, buffer: &mut String) {
        use chrono::Datelike;
        use std::fmt::Write;
        let _ = write!(
            buffer,
            "{:02}-{:02}-{}",
            self.0.day(),
            self.0.month(),
            self.0.year()
        );
    }
}

fn rows_table(lang: Lang, rows: &[Row], today: NaiveDate, caption: &str) -> Markup {
    let labels = Labels::new(lang);
    html! {
        table {
            caption { (caption) }
            thead { tr {
                th scope="col" { (t(lang, "case-number")) }
                th scope="col" { (t(lang, "case-received")) }
                th scope="col" { (t(lang, "case-channel")) }
                th scope="col" { (t(lang, "case-stage")) }
                th scope="col" { (t(lang, "case-deadline")) }
                th scope="col" { (t(lang, "case-handler")) }
            } }
            tbody {
                @for r in rows {
                    @let running = State::from_code(&r.state).is_some_and(State::deadline_runs);
                    tr {
                        td { a href={ "/klachten/" (r.id) } { (CaseNo(r.received_on, r.id)) } }
                        td { (Day(r.received_on)) }
                        td { (Labels::of(&labels.channels, &r.channel)) }
                        td { (Labels::of(&labels.stages, &r.state)) }
                        td {
                            (Day(r.deadline_on))
                            @if running {
                                @match deadlines::urgency(today, r.deadline_on) {
                                    Urgency::OnTrack => {},
                                    Urgency::DueSoon => { " " strong.badge.warn { (labels.soon) } },
                                    Urgency::Overdue => { " " strong.badge.late { (labels.late) } },
                                }
                            }
                        }
                        td { (r.handler.as_deref().unwrap_or("–")) }
                    }
                }
            }
        }
    }
}

async fn overview(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Filter>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let u = user(&ctx)?;
    let f = q.into_inner();
    let f2 = f.clone();
    let u2 = u.clone();
    let (rows, total, counts) = state
        .db(move |conn| {
            let (rows, total) = list(conn, &u2, &f2)?;
            let counts: Vec<(String, i64)> = if u2.has(Role::Klachtcoordinator) {
                complaints::table
                    .group_by(complaints::state)
                    .select((complaints::state, diesel::dsl::count_star()))
                    .load(conn)?
            } else {
                vec![]
            };
            Ok((rows, total, counts))
        })
        .await?;
    let today = crate::surveys::today();
    let page = f.pagina.unwrap_or(1).max(1);
    let fase = f.fase.clone().unwrap_or_else(|| "lopend".into());
    let pages = ((total + PAGE_ROWS - 1) / PAGE_ROWS).max(1);
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t(lang, "cases-title"),
            html! {
                ul.actions {
                    @if u.has(Role::Klachtcoordinator) {
                        li { a.tap href="/klachten/nieuw" { (t(lang, "cases-new")) } }
                        li { a.tap href="/klachten/brieven" { (t(lang, "cases-letters")) } }
                    }
                    li { a.tap href="/klachten/termijnen" { (t(lang, "cases-due")) } }
                    @if u.has(Role::Klachtcoordinator) {
                        li { a.tap href="/klachten/register" { (t(lang, "register-link")) } }
                        li { a.tap href="/klachten/categorieen" { (t(lang, "categories-title")) } }
                    }
                }
                (super::search::search_box(lang, ""))
                form method="get" action="/klachten" {
                    div.field {
                        label for="fase" { (t(lang, "cases-filter-stage")) }
                        select #fase name="fase" {
                            option value="lopend" selected[fase == "lopend"] { (t(lang, "cases-filter-running")) }
                            option value="alle" selected[fase == "alle"] { (t(lang, "cases-filter-all")) }
                            @for s in State::ALL {
                                option value=(s.code()) selected[fase == s.code()] { (t(lang, &format!("case-stage-{}", s.code()))) }
                            }
                        }
                    }
                    button type="submit" { (t(lang, "cases-filter-submit")) }
                }
                @if !counts.is_empty() {
                    h2 { (t(lang, "cases-counts")) }
                    ul.counts {
                        @for s in State::ALL {
                            @let n = counts.iter().find(|(c, _)| c == s.code()).map(|(_, n)| *n).unwrap_or(0);
                            @if n > 0 { li { a href={ "/klachten?fase=" (s.code()) } { (t(lang, &format!("case-stage-{}", s.code()))) } ": " (n) } }
                        }
                    }
                }
                @if rows.is_empty() {
                    p { (t(lang, "cases-none")) }
                } @else {
                    (rows_table(lang, &rows, today, &crate::web::i18n::t_nums(lang, "cases-shown", &[("n", rows.len() as i64), ("total", total)], &[])))
                    @if pages > 1 {
                        nav aria-label=(t(lang, "cases-pages")) {
                            ul.pages {
                                @if page > 1 { li { a href={ "/klachten?fase=" (fase) "&pagina=" (page - 1) } { (t(lang, "cases-previous")) } } }
                                li { (t_args(lang, "cases-page", &[("page", &page.to_string()), ("pages", &pages.to_string())])) }
                                @if page < pages { li { a href={ "/klachten?fase=" (fase) "&pagina=" (page + 1) } { (t(lang, "cases-next")) } } }
                            }
                        }
                    }
                }
            },
        ),
    ))
}

async fn due_list(ctx: Ctx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let u = user(&ctx)?;
    let today = crate::surveys::today();
    let rows = state.db(move |conn| Ok(due(conn, &u, today)?)).await?;
    let (late, soon): (Vec<Row>, Vec<Row>) = rows.into_iter().partition(|r| r.deadline_on < today);
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t(lang, "cases-due"),
            html! {
                p { (crate::web::i18n::t_nums(lang, "cases-due-intro", &[("days", deadlines::WARN_DAYS)], &[])) }
                h2 { (t_args(lang, "cases-overdue", &[("n", &late.len().to_string())])) }
                @if late.is_empty() { p { (t(lang, "cases-none")) } } @else { (rows_table(lang, &late, today, &t(lang, "case-overdue"))) }
                h2 { (t_args(lang, "cases-due-soon", &[("n", &soon.len().to_string())])) }
                @if soon.is_empty() { p { (t(lang, "cases-none")) } } @else { (rows_table(lang, &soon, today, &t(lang, "case-due-soon"))) }
            },
        ),
    ))
}

// ---------------------------------------------------------------------------------------------
// Registering a complaint that came in another way
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default, Deserialize)]
struct NewForm {
    #[serde(default)]
    kanaal: String,
    #[serde(default)]
    ontvangen: String,
    #[serde(default)]
    via: String,
    #[serde(default)]
    via_email: String,
    #[serde(default)]
    taal: String,
    #[serde(default)]
    naam: String,
    #[serde(default)]
    adres: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    telefoon: String,
    #[serde(default)]
    omschrijving: String,
    #[serde(default)]
    wens: String,
}

/// Channels staff register: every channel but the web form, which registers itself.
fn staff_channels() -> &'static [&'static str] {
    &model::CHANNELS[1..]
}

fn new_markup(ctx: &Ctx, f: &NewForm, errors: &[(&str, String)]) -> Markup {
    let lang = ctx.lang;
    let err = |k: &str| layout::error_for(errors, k);
    html! {
        (error_summary(ctx, errors))
        form method="post" action="/klachten/nieuw" novalidate {
            (csrf_field(ctx))
            fieldset #kanaal {
                legend { (t(lang, "case-channel")) }
                @if let Some(e) = err("kanaal") { p.error { (e) } }
                @for (i, ch) in staff_channels().iter().enumerate() {
                    @let id = if i == 0 { "kanaal-eerste".to_string() } else { format!("kanaal-{ch}") };
                    span.choice {
                        input id=(id) type="radio" name="kanaal" value=(ch) checked[f.kanaal == *ch];
                        label for=(id) { (t(lang, &format!("channel-complaint-{ch}"))) }
                    }
                }
            }
            (layout::text_field("ontvangen", &t(lang, "case-received"), "date", &f.ontvangen, Some(&t(lang, "case-received-hint")), err("ontvangen"), "off"))
            (layout::text_field("via", &t(lang, "case-via"), "text", &f.via, Some(&t(lang, "case-via-hint")), err("via"), "off"))
            (layout::text_field("via_email", &t(lang, "case-via-email"), "email", &f.via_email, None, err("via_email"), "off"))
            div.field {
                label for="taal" { (t(lang, "case-language")) }
                select #taal name="taal" {
                    @for l in Lang::ALL { option value=(l.code()) selected[l.code() == f.taal || (f.taal.is_empty() && l == Lang::Nl)] { (l.native_name()) } }
                }
            }
            fieldset {
                legend { (t(lang, "complaint-contact")) }
                p.hint { (t(lang, "case-contact-hint")) }
                (layout::text_field("naam", &t(lang, "case-name"), "text", &f.naam, None, err("naam"), "off"))
                (layout::text_area("adres", &t(lang, "case-address"), &f.adres, None, err("adres"), 300, 3))
                (layout::text_field("email", &t(lang, "case-email"), "email", &f.email, None, err("email"), "off"))
                (layout::text_field("telefoon", &t(lang, "case-phone"), "tel", &f.telefoon, None, err("telefoon"), "off"))
            }
            (layout::text_area("omschrijving", &t(lang, "case-description"), &f.omschrijving, None, err("omschrijving"), super::public::MAX_DESCRIPTION, 8))
            (layout::text_area("wens", &t(lang, "case-wish"), &f.wens, None, err("wens"), super::public::MAX_WISH, 3))
            button type="submit" { (t(lang, "case-register")) }
        }
    }
}

async fn new_page(ctx: Ctx) -> HttpResponse {
    let f = NewForm {
        ontvangen: crate::surveys::today().format("%Y-%m-%d").to_string(),
        ..Default::default()
    };
    page_response(
        StatusCode::OK,
        layout::page(&ctx, &t(ctx.lang, "cases-new"), new_markup(&ctx, &f, &[])),
    )
}

/// Checks a registration; (field, message) per problem.
fn check_new(
    lang: Lang,
    f: &NewForm,
    today: NaiveDate,
) -> (Vec<(&'static str, String)>, Option<NaiveDate>) {
    let mut errors: Vec<(&'static str, String)> = vec![];
    if !staff_channels().contains(&f.kanaal.as_str()) {
        errors.push(("kanaal", t(lang, "case-error-channel")));
    }
    let received = NaiveDate::parse_from_str(f.ontvangen.trim(), "%Y-%m-%d").ok();
    match received {
        None => errors.push(("ontvangen", t(lang, "case-error-date"))),
        Some(d) if d > today => errors.push(("ontvangen", t(lang, "case-error-future"))),
        Some(d) if d < today - chrono::Duration::days(366) => {
            errors.push(("ontvangen", t(lang, "case-error-old")))
        }
        _ => {}
    }
    if model::channel_has_messenger(&f.kanaal) && f.via.trim().is_empty() {
        errors.push(("via", t(lang, "case-error-via")));
    }
    if !f.via_email.trim().is_empty() && !crate::mail::valid_address(f.via_email.trim()) {
        errors.push(("via_email", t(lang, "complaint-error-email")));
    }
    let public = super::public::Filled {
        description: f.omschrijving.clone(),
        wish: f.wens.clone(),
        name: f.naam.clone(),
        address: f.adres.clone(),
        email: f.email.clone(),
        phone: f.telefoon.clone(),
    };
    for (field, key, args) in super::public::check(&public, &[], usize::MAX) {
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let field = match field {
            "omschrijving" => "omschrijving",
            "wens" => "wens",
            "naam" => "naam",
            "adres" => "adres",
            "email" => "email",
            _ => "telefoon",
        };
        errors.push((field, t_args(lang, key, &args)));
    }
    (errors, received)
}

async fn new_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(f): CsrfForm<NewForm>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let u = user(&ctx)?;
    let (errors, received) = check_new(lang, &f, crate::surveys::today());
    if !errors.is_empty() {
        return Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            layout::page(&ctx, &t(lang, "cases-new"), new_markup(&ctx, &f, &errors)),
        ));
    }
    let new = NewComplaint {
        received_on: received.unwrap_or_else(crate::surveys::today),
        channel: f.kanaal.clone(),
        via_person: Some(f.via.clone()),
        via_email: Some(f.via_email.clone()),
        language: Lang::from_code(&f.taal).unwrap_or(Lang::Nl).code().into(),
        name: Some(f.naam.clone()),
        address: Some(f.adres.clone()),
        email: Some(f.email.clone()),
        phone: Some(f.telefoon.clone()),
        description: f.omschrijving.clone(),
        wish: Some(f.wens.clone()),
        attachments: vec![],
    };
    let setup = state.complaints.clone();
    let id = state
        .db(move |conn| {
            let (id, _code) = store::register(conn, &setup.env(), &new, Some(u.id))?;
            Ok(id)
        })
        .await?;
    Ok(see_other(&format!(
        "/klachten/{id}?melding=case-notice-registered"
    )))
}

// ---------------------------------------------------------------------------------------------
// The case page
// ---------------------------------------------------------------------------------------------

/// An element: id, description, judgement, norms, conclusion.
type ElementRow = (i64, String, Option<String>, String, Option<String>);
/// A hearing: when, mode, place, invitees, invited on, held, minutes, ground for skipping.
type HearingRow = (
    NaiveDateTime,
    String,
    String,
    String,
    Option<NaiveDate>,
    bool,
    Option<String>,
    Option<String>,
);
/// An event: when, by whom, action, from, to, reason.
type EventRow = (
    NaiveDateTime,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
);

/// Everything the case page shows.
struct Case {
    c: Complaint,
    /// What access needs to know of it.
    subject: access::Case,
    p: Progress,
    facts: workflow::Facts,
    categories: Vec<(i64, String, bool)>,
    elements: Vec<ElementRow>,
    hearings: Vec<HearingRow>,
    followups: Vec<(i64, String, String, NaiveDate, Option<NaiveDate>)>,
    events: Vec<EventRow>,
    attachments: Vec<(i64, String, i64)>,
    letters: i64,
    handlers: Vec<(i64, String)>,
    ack_days: i64,
}

fn load_case(conn: &mut DbConnection, id: i64, u: &CurrentUser) -> Result<Case, AppError> {
    let (c, subject) = gate_or_refuse(conn, id, u, CaseAction::View)?;
    let p = store::progress(conn, id)?;
    let facts = store::facts(conn, &c, &p)?;
    let linked: Vec<i64> = complaint_category_links::table
        .filter(complaint_category_links::complaint_id.eq(id))
        .select(complaint_category_links::category_id)
        .load(conn)?;
    let categories = complaint_categories::table
        .filter(complaint_categories::active.eq(true))
        .order(complaint_categories::position)
        .select((complaint_categories::id, complaint_categories::name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .map(|(i, n)| (i, n, linked.contains(&i)))
        .collect();
    let elements = complaint_elements::table
        .filter(complaint_elements::complaint_id.eq(id))
        .order(complaint_elements::position)
        .select((
            complaint_elements::id,
            complaint_elements::description,
            complaint_elements::judgement,
            complaint_elements::norms,
            complaint_elements::conclusion,
        ))
        .load(conn)?;
    let hearings = complaint_hearings::table
        .filter(complaint_hearings::complaint_id.eq(id))
        .order(complaint_hearings::id)
        .select((
            complaint_hearings::planned_at,
            complaint_hearings::mode,
            complaint_hearings::place,
            complaint_hearings::invitees,
            complaint_hearings::invitations_sent_on,
            complaint_hearings::held,
            complaint_hearings::minutes,
            complaint_hearings::skipped_ground,
        ))
        .load(conn)?;
    let followups = complaint_followups::table
        .filter(complaint_followups::complaint_id.eq(id))
        .order(complaint_followups::id)
        .select((
            complaint_followups::id,
            complaint_followups::description,
            complaint_followups::owner,
            complaint_followups::due_on,
            complaint_followups::done_on,
        ))
        .load(conn)?;
    let events = complaint_events::table
        .left_join(users::table)
        .filter(complaint_events::complaint_id.eq(id))
        .order(complaint_events::id)
        .select((
            complaint_events::at,
            users::display_name.nullable(),
            complaint_events::action,
            complaint_events::from_state,
            complaint_events::to_state,
            complaint_events::reason,
        ))
        .load(conn)?;
    let attachments = complaint_attachments::table
        .filter(complaint_attachments::complaint_id.eq(id))
        .order(complaint_attachments::id)
        .select((
            complaint_attachments::id,
            complaint_attachments::file_name,
            complaint_attachments::size,
        ))
        .load(conn)?;
    let letters = complaint_letters::table
        .filter(complaint_letters::complaint_id.eq(id))
        .filter(complaint_letters::printed_on.is_null())
        .count()
        .get_result(conn)?;
    let handlers = users::table
        .inner_join(user_roles::table)
        .filter(user_roles::role.eq(Role::Klachtbehandelaar.code()))
        .filter(users::disabled.eq(false))
        .order(users::display_name)
        .select((users::id, users::display_name))
        .load(conn)?;
    Ok(Case {
        c,
        subject,
        p,
        facts,
        categories,
        elements,
        hearings,
        followups,
        events,
        attachments,
        letters,
        handlers,
        ack_days: 7,
    })
}

#[derive(Deserialize)]
struct Notice {
    melding: Option<String>,
}

const NOTICES: [&str; 6] = [
    "case-notice-registered",
    "case-notice-step",
    "case-notice-saved",
    "case-notice-element",
    "case-notice-followup",
    "case-notice-consent",
];

/// The fields an action's form needs.
fn action_fields(lang: Lang, action: Action, reason_required: bool) -> Markup {
    let id = |f: &str| format!("{}-{f}", store::action_code(action));
    html! {
        @match action {
            Action::Decline => {
                div.field {
                    label for=(id("grond")) { (t(lang, "step-ground-98")) }
                    select id=(id("grond")) name="grond" {
                        @for g in model::DECLINE_GROUNDS { option value=(g) { (t(lang, &format!("ground-{g}"))) } }
                    }
                }
            }
            Action::SkipHearing => {
                div.field {
                    label for=(id("grond")) { (t(lang, "step-ground-910")) }
                    select id=(id("grond")) name="grond" {
                        @for g in model::SKIP_HEARING_GROUNDS { option value=(g) { (t(lang, &format!("ground-{g}"))) } }
                    }
                }
            }
            Action::Postpone => {
                div.field {
                    label for=(id("weken")) { (t(lang, "step-weeks")) }
                    select id=(id("weken")) name="weken" {
                        @for w in 1..=deadlines::MAX_POSTPONEMENT_WEEKS { option value=(w) selected[w == 4] { (w) } }
                    }
                }
            }
            Action::RecordFileConsent => {
                div.field {
                    label for=(id("datum")) { (t(lang, "step-consent-date")) }
                    input id=(id("datum")) type="date" name="datum";
                }
                div.field {
                    label for=(id("tekst")) { (t(lang, "step-consent-how")) }
                    select id=(id("tekst")) name="tekst" {
                        @for w in model::CONSENT_WAYS { option value=(w) { (t(lang, &format!("consent-{w}"))) } }
                    }
                }
            }
            Action::PlanHearing => {
                div.field { label for=(id("datum")) { (t(lang, "step-hearing-date")) } input id=(id("datum")) type="date" name="datum"; }
                div.field { label for=(id("tijd")) { (t(lang, "step-hearing-time")) } input id=(id("tijd")) type="time" name="tijd"; }
                div.field {
                    label for=(id("wijze")) { (t(lang, "step-hearing-mode")) }
                    select id=(id("wijze")) name="wijze" {
                        @for m in model::HEARING_MODES { option value=(m) { (t(lang, &format!("hearing-mode-{m}"))) } }
                    }
                }
                div.field { label for=(id("plaats")) { (t(lang, "step-hearing-place")) } input id=(id("plaats")) type="text" name="plaats"; }
                div.field { label for=(id("genodigden")) { (t(lang, "step-hearing-invitees")) } input id=(id("genodigden")) type="text" name="genodigden"; }
            }
            Action::HoldHearing => {
                div.field { label for=(id("aanwezig")) { (t(lang, "step-attendance")) } input id=(id("aanwezig")) type="text" name="aanwezig"; }
                div.field { label for=(id("tekst")) { (t(lang, "step-minutes")) } textarea id=(id("tekst")) name="tekst" rows="6" {} }
            }
            Action::RecordAdvice => {
                div.field { label for=(id("tekst")) { (t(lang, "step-advice")) } textarea id=(id("tekst")) name="tekst" rows="4" {} }
            }
            Action::ReferToOmbudsman => {
                div.field { label for=(id("datum")) { (t(lang, "step-ombudsman-date")) } input id=(id("datum")) type="date" name="datum"; }
            }
            Action::RecordOmbudsmanOutcome => {
                div.field { label for=(id("tekst")) { (t(lang, "step-ombudsman-outcome")) } textarea id=(id("tekst")) name="tekst" rows="3" {} }
            }
            _ => {}
        }
        @if reason_required || matches!(action, Action::StartFormalHandling | Action::Close) {
            div.field {
                label for=(id("reden")) { (t(lang, if reason_required { "step-reason-required" } else { "step-reason" })) }
                textarea id=(id("reden")) name="reden" rows="2" {}
            }
        }
    }
}

fn case_markup(
    ctx: &Ctx,
    k: &Case,
    u: &CurrentUser,
    error: Option<&str>,
    notice: Option<&str>,
) -> Markup {
    let lang = ctx.lang;
    let c = &k.c;
    let id = c.id;
    let today = crate::surveys::today();
    let state = State::from_code(&c.state).unwrap_or(State::Received);
    // Every form and link below is shown only when the access rule allows it for this case now.
    let may = |a: CaseAction| access::may(u, a, &k.subject);
    let actions = access::steps(u, &k.subject);
    let base = format!("/klachten/{id}");
    let errors: Vec<(&str, String)> = error
        .map(|e| ("stappen", e.to_string()))
        .into_iter()
        .collect();
    let ack_target =
        deadlines::acknowledgement_target(c.received_on, deadlines::Targets::default());
    html! {
        @if let Some(key) = notice { div.notice role="status" { p { (t(lang, key)) } } }
        (error_summary(ctx, &errors))
        dl.case {
            dt { (t(lang, "case-stage")) } dd { strong { (t(lang, &format!("case-stage-{}", c.state))) } }
            dt { (t(lang, "case-received")) } dd { (date_text(c.received_on)) " · " (t(lang, &format!("channel-complaint-{}", c.channel))) @if let Some(v) = &c.via_person { " (" (v) ")" } }
            @if state.deadline_runs() {
                dt { (t(lang, "case-deadline")) }
                dd { (date_text(c.deadline_on)) (urgency_badge(lang, today, c.deadline_on, true))
                     " " (crate::web::i18n::t_nums(lang, "case-deadline-basis", &[("weeks", if c.committee { 10 } else { 6 }), ("postponed", i64::from(k.p.postponement_weeks))], &[])) }
                @if let Some(target) = k.p.mediation_target.filter(|_| state == State::Mediation && k.p.mediation_contact_on.is_none()) {
                    dt { (t(lang, "case-mediation-target")) } dd { (date_text(target)) (urgency_badge(lang, today, target, true)) }
                }
                // Only while the printed acknowledgement has not been posted (e-mail goes at once).
                @if state == State::Received && k.letters > 0 {
                    dt { (t(lang, "case-ack-target")) } dd { (date_text(ack_target)) (urgency_badge(lang, today, ack_target, true)) }
                }
            }
            @if c.anonymous { dt { (t(lang, "case-contact")) } dd { (t(lang, "case-anonymous")) } }
            @else {
                dt { (t(lang, "case-contact")) }
                dd { @for v in [&c.name, &c.email, &c.phone, &c.address].into_iter().flatten() { (v) br; } }
            }
            dt { (t(lang, "case-description")) } dd.pre { (c.description) }
            @if let Some(w) = &c.wish { dt { (t(lang, "case-wish")) } dd.pre { (w) } }
            dt { (t(lang, "case-attachments")) }
            dd {
                @if !k.attachments.is_empty() {
                    ul { @for (aid, name, size) in &k.attachments { li { a href={ (base) "/bijlagen/" (aid) } { (name) } " (" (size / 1024) " kB)" } } }
                }
                @if may(CaseAction::AddDocument) {
                form.document method="post" action={ (base) "/bijlagen" } enctype="multipart/form-data" {
                    (csrf_field(ctx))
                    div.field {
                        label for="stuk" { (t(lang, "case-document-add")) }
                        p.hint #stuk-hint { (t(lang, "case-document-hint")) }
                        input #stuk type="file" name="stuk" aria-describedby="stuk-hint" accept=".pdf,.jpg,.jpeg,.png,.txt,.doc,.docx,.odt";
                    }
                    button.secondary type="submit" { (t(lang, "case-document-button")) }
                }
                }
            }
            @if k.letters > 0 {
                dt { (t(lang, "case-letters")) }
                // Only the coordinator sends letters; others see that they wait, without a link.
                dd { @if may(CaseAction::MarkLetterPosted) { a href="/klachten/brieven" { (t_count(lang, "case-letters-waiting", k.letters)) } } @else { (t_count(lang, "case-letters-waiting", k.letters)) } }
            }
        }

        h2 #stappen { (t(lang, "case-steps")) }
        @if actions.is_empty() { p { (t(lang, "case-no-steps")) } }
        @for action in &actions {
            @let tr = workflow::find(state, *action);
            @let reason_required = tr.is_some_and(|t| t.reason_required);
            form.step method="post" action={ (base) "/stap" } {
                (csrf_field(ctx))
                input type="hidden" name="actie" value=(store::action_code(*action));
                fieldset {
                    legend { (t(lang, &format!("action-{}", store::action_code(*action)))) }
                    (action_fields(lang, *action, reason_required))
                    button type="submit" { (t(lang, &format!("action-{}", store::action_code(*action)))) }
                }
            }
        }

        @if may(CaseAction::Classify) {
            h2 { (t(lang, "case-classification")) }
            form method="post" action={ (base) "/indeling" } {
                (csrf_field(ctx))
                fieldset {
                    legend { (t(lang, "case-kind")) }
                    @for (i, kind) in model::KINDS.iter().enumerate() {
                        @let fid = if i == 0 { "soort".to_string() } else { format!("soort-{kind}") };
                        span.choice { input id=(fid) type="radio" name="soort" value=(kind) checked[c.kind == *kind]; label for=(fid) { (t(lang, &format!("kind-{kind}"))) } }
                    }
                }
                div.choice { input #besluit type="checkbox" name="besluit" value="ja" checked[c.about_decision]; label for="besluit" { (t(lang, "case-about-decision")) } }
                div.choice { input #commissie type="checkbox" name="commissie" value="ja" checked[c.committee]; label for="commissie" { (t(lang, "case-committee")) } }
                (layout::text_field("team", &t(lang, "case-team"), "text", c.team.as_deref().unwrap_or(""), None, None, "off"))
                (layout::text_field("medewerker", &t(lang, "case-person"), "text", c.person_complained.as_deref().unwrap_or(""), Some(&t(lang, "case-person-hint")), None, "off"))
                div.field {
                    label for="behandelaar" { (t(lang, "case-handler")) }
                    select #behandelaar name="behandelaar" {
                        option value="" { (t(lang, "case-handler-none")) }
                        @for (hid, name) in &k.handlers { option value=(hid) selected[c.handler_id == Some(*hid)] { (name) } }
                    }
                }
                fieldset {
                    legend { (t(lang, "case-categories")) }
                    @for (cid, name, on) in &k.categories {
                        div.choice { input id={ "cat-" (cid) } type="checkbox" name="categorie" value=(cid) checked[*on]; label for={ "cat-" (cid) } { (name) } }
                    }
                }
                (norm_choices(lang, "norm", "case-norms", &model::parse_norms(&c.norms)))
                button type="submit" { (t(lang, "case-save")) }
            }
        }

        @if may(CaseAction::RecordMediation) {
            h2 { (t(lang, "case-mediation")) }
            form method="post" action={ (base) "/bemiddeling" } {
                (csrf_field(ctx))
                (layout::text_field("contact", &t(lang, "case-mediation-contact"), "date", &k.p.mediation_contact_on.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(), None, None, "off"))
                (layout::text_area("terugkoppeling", &t(lang, "case-mediation-feedback"), k.p.mediation_feedback.as_deref().unwrap_or(""), Some(&t(lang, "case-mediation-feedback-hint")), None, 5000, 5))
                fieldset {
                    legend { (t(lang, "case-mediation-satisfied")) }
                    span.choice { input #tevreden type="radio" name="tevreden" value="ja" checked[k.p.complainant_satisfied == Some(true)]; label for="tevreden" { (t(lang, "yes")) } }
                    span.choice { input #tevreden-nee type="radio" name="tevreden" value="nee" checked[k.p.complainant_satisfied == Some(false)]; label for="tevreden-nee" { (t(lang, "no")) } }
                    span.choice { input #tevreden-onbekend type="radio" name="tevreden" value="" checked[k.p.complainant_satisfied.is_none()]; label for="tevreden-onbekend" { (t(lang, "unknown")) } }
                }
                button type="submit" { (t(lang, "case-save")) }
            }
        }

        @if !k.hearings.is_empty() {
            h2 { (t(lang, "case-hearing")) }
            @for (at, mode, place, invitees, sent, held, minutes, skipped) in &k.hearings {
                @if let Some(g) = skipped { p { (t(lang, "case-hearing-skipped")) ": " (t(lang, &format!("ground-{g}"))) } }
                @else {
                    p { (date_text(at.date())) " " (at.format("%H:%M")) " · " (t(lang, &format!("hearing-mode-{mode}"))) " · " (place) }
                    p { (t(lang, "step-hearing-invitees")) ": " (invitees) @if let Some(s) = sent { " · " (t_args(lang, "case-hearing-invited", &[("date", &date_text(*s))])) } }
                    @if *held { @if let Some(m) = minutes { p.pre { (m) } } }
                }
            }
        }

        @if matches!(state, State::FormalHandling | State::HearingPlanned | State::Heard | State::Advised) || !k.elements.is_empty() {
            h2 { (t(lang, "case-elements")) }
            @for (n, (eid, description, judgement, norms, conclusion)) in k.elements.iter().enumerate() {
                section.element {
                    h3 { (t_args(lang, "case-element", &[("n", &(n + 1).to_string())])) }
                    p.pre { (description) }
                    @if let Some(j) = judgement {
                        p { strong { (t(lang, &format!("judgement-{j}"))) } @if let Some(con) = conclusion { " – " (con) } }
                        @let ns = model::parse_norms(norms);
                        @if !ns.is_empty() { p { (t(lang, "case-norms-violated")) ": " @for (i, nm) in ns.iter().enumerate() { @if i > 0 { ", " } (t(lang, &format!("norm-{nm}"))) } } }
                    }
                    @if may(CaseAction::JudgeElement) {
                        form method="post" action={ (base) "/onderdelen/" (eid) } {
                            (csrf_field(ctx))
                            fieldset {
                                legend { (t_args(lang, "case-judge", &[("n", &(n + 1).to_string())])) }
                                @for (i, j) in model::JUDGEMENTS.iter().enumerate() {
                                    @let fid = if i == 0 { format!("oordeel-{eid}") } else { format!("oordeel-{eid}-{j}") };
                                    span.choice { input id=(fid) type="radio" name="oordeel" value=(j) checked[judgement.as_deref() == Some(*j)]; label for=(fid) { (t(lang, &format!("judgement-{j}"))) } }
                                }
                            }
                            (norm_choices(lang, &format!("norm-{eid}"), "case-norms-violated", &model::parse_norms(norms)))
                            div.field { label for={ "conclusie-" (eid) } { (t(lang, "case-conclusion")) } textarea id={ "conclusie-" (eid) } name="conclusie" rows="3" { (conclusion.as_deref().unwrap_or("")) } }
                            button type="submit" { (t(lang, "case-save")) }
                        }
                    }
                }
            }
            @if may(CaseAction::AddElement) {
                form method="post" action={ (base) "/onderdelen" } {
                    (csrf_field(ctx))
                    (layout::text_area("onderdeel", &t(lang, "case-element-new"), "", Some(&t(lang, "case-element-hint")), None, 2000, 2))
                    button type="submit" { (t(lang, "case-element-add")) }
                }
            }
        }

        @if may(CaseAction::ExtendDeadline) && k.facts.postponed {
            h2 { (t(lang, "case-consent")) }
            form method="post" action={ (base) "/instemming" } {
                (csrf_field(ctx))
                p { (t(lang, "case-consent-intro")) }
                (layout::text_field("tot", &t(lang, "case-consent-until"), "date", "", None, None, "off"))
                (layout::text_field("hoe", &t(lang, "case-consent-how"), "text", "", Some(&t(lang, "case-consent-how-hint")), None, "off"))
                button type="submit" { (t(lang, "case-save")) }
            }
        }

        @if may(CaseAction::AddFollowup) || !k.followups.is_empty() {
            h2 { (t(lang, "case-followups")) }
            @if !k.followups.is_empty() {
                table {
                    caption.visually-hidden { (t(lang, "case-followups")) }
                    thead { tr { th scope="col" { (t(lang, "case-followup")) } th scope="col" { (t(lang, "case-followup-owner")) } th scope="col" { (t(lang, "case-followup-due")) } th scope="col" { (t(lang, "case-followup-done")) } } }
                    tbody {
                        @for (fid, d, owner, due, done) in &k.followups {
                            tr {
                                td { (d) } td { (owner) } td { (date_text(*due)) (urgency_badge(lang, today, *due, done.is_none())) }
                                td {
                                    @if let Some(dn) = done { (date_text(*dn)) }
                                    @else if may(CaseAction::FinishFollowup) {
                                        form.inline method="post" action={ (base) "/acties/" (fid) "/klaar" } { (csrf_field(ctx)) button type="submit" { (t(lang, "case-followup-mark-done")) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if may(CaseAction::AddFollowup) {
                form method="post" action={ (base) "/acties" } {
                    (csrf_field(ctx))
                    (layout::text_field("actie", &t(lang, "case-followup"), "text", "", None, None, "off"))
                    (layout::text_field("eigenaar", &t(lang, "case-followup-owner"), "text", "", None, None, "off"))
                    (layout::text_field("voor", &t(lang, "case-followup-due"), "date", "", None, None, "off"))
                    button type="submit" { (t(lang, "case-followup-add")) }
                }
            }
        }

        h2 { (t(lang, "case-history")) }
        ol.history {
            @for (at, who, action, from, to, reason) in &k.events {
                li {
                    (layout::local_time(*at)) " · " (who.as_deref().unwrap_or("–")) " · " (t(lang, &format!("event-{action}")))
                    @if from != to { " (" (t(lang, &format!("case-stage-{from}"))) " → " (t(lang, &format!("case-stage-{to}"))) ")" }
                    @if let Some(r) = reason { br; span.pre { (r) } }
                }
            }
        }
    }
}

fn norm_choices(lang: Lang, name: &str, legend: &str, chosen: &[&str]) -> Markup {
    html! {
        fieldset {
            legend { (t(lang, legend)) }
            @for (group, norm) in model::NORMS {
                div.choice {
                    input id={ (name) "-" (norm) } type="checkbox" name=(name) value=(norm) checked[chosen.contains(&norm)];
                    label for={ (name) "-" (norm) } { (t(lang, &format!("norm-group-{group}"))) ": " (t(lang, &format!("norm-{norm}"))) }
                }
            }
        }
    }
}

async fn render_case(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    error: Option<String>,
    notice: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let u = user(ctx)?;
    let u2 = u.clone();
    let mut k = state
        .db(move |conn| {
            let k = load_case(conn, id, &u2)?;
            // Every showing of the case page is a view of personal data.
            audit::record(
                conn,
                Actor::User(u2.id),
                "complaint.viewed",
                "complaint",
                Some(&id.to_string()),
                None,
            )?;
            Ok(k)
        })
        .await?;
    k.ack_days = state.config.complaints.acknowledgement_days;
    let title = t_args(
        ctx.lang,
        "case-title",
        &[("case", &store::case_number(&k.c))],
    );
    Ok(page_response(
        status,
        layout::page(
            ctx,
            &title,
            case_markup(ctx, &k, &u, error.as_deref(), notice),
        ),
    ))
}

async fn case_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<Notice>,
) -> Result<HttpResponse, AppError> {
    let notice = NOTICES
        .into_iter()
        .find(|k| q.melding.as_deref() == Some(*k));
    render_case(
        &ctx,
        &state,
        path.into_inner(),
        None,
        notice,
        StatusCode::OK,
    )
    .await
}

/// A refusal from [`gate`]: what was refused, on which case, and why.
#[derive(Debug, Clone, Copy)]
struct Refused {
    case: i64,
    action: CaseAction,
    why: Denied,
}

impl Refused {
    /// The answer for the refused request: a case one may not see does not exist (404); an action
    /// on a visible case that is someone else's is forbidden (403).
    fn error(self) -> AppError {
        match self.why {
            Denied::Hidden => AppError::NotFound,
            Denied::NotYours | Denied::WrongState => AppError::Forbidden,
        }
    }

    /// Whether it goes in the audit log as refused access (a step in the wrong state does not:
    /// the person may see the case and is told why).
    fn is_access(self) -> bool {
        !matches!(self.why, Denied::WrongState)
    }

    /// Writes the audit line: who tried what on which case (no content).
    fn record(self, conn: &mut DbConnection, u: &CurrentUser) -> QueryResult<()> {
        let why = match self.why {
            Denied::Hidden => "hidden",
            Denied::NotYours => "not_yours",
            Denied::WrongState => "wrong_state",
        };
        audit::record(
            conn,
            Actor::User(u.id),
            "complaint.access_refused",
            "complaint",
            Some(&self.case.to_string()),
            Some(&format!("{} {why}", self.action.code())),
        )
    }
}

/// Loads case `id` and checks that `u` may do `action` to it now ([`access::check`]). A case that
/// does not exist is a 404; a refusal comes back as [`Refused`] for the caller to log and answer.
fn gate(
    conn: &mut DbConnection,
    id: i64,
    u: &CurrentUser,
    action: CaseAction,
) -> Result<Result<(Complaint, access::Case), Refused>, AppError> {
    let c = store::load(conn, id)
        .optional()?
        .ok_or(AppError::NotFound)?;
    let subject = access::Case::of(&c).ok_or_else(|| {
        AppError::Internal(anyhow::anyhow!("complaint {id} has an unknown state"))
    })?;
    Ok(match access::check(u, action, &subject) {
        Ok(()) => Ok((c, subject)),
        Err(why) => Err(Refused {
            case: id,
            action,
            why,
        }),
    })
}

/// [`gate`] for a request that only reads: a refusal is logged and answered at once.
fn gate_or_refuse(
    conn: &mut DbConnection,
    id: i64,
    u: &CurrentUser,
    action: CaseAction,
) -> Result<(Complaint, access::Case), AppError> {
    match gate(conn, id, u, action)? {
        Ok(ok) => Ok(ok),
        Err(refused) => {
            if refused.is_access() {
                refused.record(conn, u)?;
            }
            Err(refused.error())
        }
    }
}

/// The message for a refused step, in the page language.
fn step_error_text(lang: Lang, e: &StepError) -> String {
    match e {
        StepError::Refused(r) => t(lang, &format!("refusal-{}", refusal_code(*r))),
        StepError::Invalid(text) => text.clone(),
        StepError::NotFound => t(lang, "error-404-title"),
        StepError::Db(_) => t(lang, "error-500-title"),
    }
}

/// The text key of a refusal.
pub fn refusal_code(r: workflow::Refusal) -> &'static str {
    use workflow::Refusal as R;
    match r {
        R::NotFromThisState => "state",
        R::RoleNotAllowed => "role",
        R::ReasonRequired => "reason",
        R::NoContact => "no-contact",
        R::FeedbackMissing => "feedback",
        R::NotSatisfied => "not-satisfied",
        R::PersonNotInformed => "not-informed",
        R::HearingIncomplete => "hearing",
        R::AdviceMissing => "advice",
        R::ElementsNotJudged => "elements",
        R::AlreadyPostponed => "postponed",
    }
}

/// Runs a change on a case when [`access::check`] allows `action` to this user on this case in its
/// present state; the check and the change are one transaction. Then shows the case again: with a
/// notice, or with what to fix. A refusal is logged; nothing changes.
async fn change<F>(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: i64,
    action: CaseAction,
    notice: &'static str,
    f: F,
) -> Result<HttpResponse, AppError>
where
    F: FnOnce(
            &mut DbConnection,
            &store::Env<'_>,
            &CurrentUser,
            &access::Case,
        ) -> Result<(), StepError>
        + Send
        + 'static,
{
    let u = user(&ctx)?;
    let setup = state.complaints.clone();
    let result = state
        .db(move |conn| {
            let outcome = crate::db::write_tx(conn, |c| {
                Ok::<_, AppError>(match gate(c, id, &u, action)? {
                    Ok((_, subject)) => {
                        let env = setup.env();
                        Ok(f(c, &env, &u, &subject))
                    }
                    Err(refused) => Err(refused),
                })
            })?;
            // The refusal is written after the transaction, which changed nothing.
            if let Err(refused) = outcome {
                if refused.is_access() {
                    refused.record(conn, &u)?;
                }
            }
            Ok(outcome)
        })
        .await?;
    let result = match result {
        Ok(r) => r,
        // A step or change that this person could take, but not in this state: they are told so.
        Err(Refused {
            why: Denied::WrongState,
            ..
        }) => Err(StepError::Refused(workflow::Refusal::NotFromThisState)),
        Err(refused) => return Err(refused.error()),
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/klachten/{id}?melding={notice}"))),
        Err(StepError::Db(e)) => Err(e.into()),
        Err(StepError::NotFound) => Err(AppError::NotFound),
        Err(StepError::Refused(workflow::Refusal::RoleNotAllowed)) => Err(AppError::Forbidden),
        Err(e) => {
            let text = step_error_text(ctx.lang, &e);
            render_case(
                &ctx,
                &state,
                id,
                Some(text),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

fn date_field(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

fn all(fields: &[(String, String)], name: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

fn one(fields: &[(String, String)], name: &str) -> String {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default()
}

/// A step's input from its form.
fn step_input(fields: &[(String, String)]) -> Result<StepInput, String> {
    let text = |n: &str| Some(one(fields, n)).filter(|s| !s.is_empty());
    let hearing = match (date_field(&one(fields, "datum")), text("tijd")) {
        (Some(d), Some(time)) if one(fields, "actie") == "plan_hearing" => {
            let time = chrono::NaiveTime::parse_from_str(&time, "%H:%M")
                .map_err(|_| "schrijf de tijd als uu:mm, bijvoorbeeld 14:30".to_string())?;
            Some(HearingPlan {
                at: d.and_time(time),
                mode: one(fields, "wijze"),
                place: one(fields, "plaats"),
                invitees: one(fields, "genodigden"),
            })
        }
        _ => None,
    };
    Ok(StepInput {
        reason: text("reden"),
        ground: text("grond"),
        weeks: text("weken").and_then(|w| w.parse().ok()),
        date: date_field(&one(fields, "datum")),
        text: text("tekst"),
        hearing,
        attendance: text("aanwezig"),
    })
}

async fn step_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let action = store::action_from_code(&one(&fields, "actie"))
        .ok_or(AppError::BadRequest("form-error-fields"))?;
    let input = match step_input(&fields) {
        Ok(i) => i,
        Err(text) => {
            return render_case(
                &ctx,
                &state,
                id,
                Some(text),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    change(
        ctx,
        state,
        id,
        CaseAction::Step(action),
        "case-notice-step",
        move |conn, env, u, subject| {
            store::step(
                conn,
                env,
                id,
                action,
                store::By {
                    id: u.id,
                    roles: &access::roles_for(u, subject),
                },
                &input,
                crate::surveys::today(),
            )
            .map(|_| ())
        },
    )
    .await
}

async fn classify_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let k = Classification {
        kind: one(&fields, "soort"),
        about_decision: one(&fields, "besluit") == "ja",
        team: Some(one(&fields, "team")),
        person_complained: Some(one(&fields, "medewerker")),
        norms: all(&fields, "norm"),
        committee: one(&fields, "commissie") == "ja",
        categories: all(&fields, "categorie")
            .iter()
            .filter_map(|c| c.parse().ok())
            .collect(),
        handler_id: one(&fields, "behandelaar").parse().ok(),
    };
    change(
        ctx,
        state,
        id,
        CaseAction::Classify,
        "case-notice-saved",
        move |conn, env, u, _| store::classify(conn, env, id, u.id, &k),
    )
    .await
}

async fn mediation_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let m = Mediation {
        contact_on: date_field(&one(&fields, "contact")),
        feedback: Some(one(&fields, "terugkoppeling")),
        satisfied: match one(&fields, "tevreden").as_str() {
            "ja" => Some(true),
            "nee" => Some(false),
            _ => None,
        },
    };
    change(
        ctx,
        state,
        id,
        CaseAction::RecordMediation,
        "case-notice-saved",
        move |conn, _, u, _| store::record_mediation(conn, id, u.id, &m, crate::surveys::today()),
    )
    .await
}

async fn element_add(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let text = one(&fields, "onderdeel");
    change(
        ctx,
        state,
        id,
        CaseAction::AddElement,
        "case-notice-element",
        move |conn, _, u, _| {
            if text.is_empty() {
                return Err(StepError::Invalid(
                    "beschrijf het onderdeel van de klacht".into(),
                ));
            }
            Ok(store::add_element(conn, id, u.id, &text)?)
        },
    )
    .await
}

#[derive(Deserialize)]
struct ElementPath {
    id: i64,
    element: i64,
}

async fn element_judge(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<ElementPath>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let (id, element) = (p.id, p.element);
    let judgement = one(&fields, "oordeel");
    let norms = all(&fields, &format!("norm-{element}"));
    let conclusion = one(&fields, "conclusie");
    change(
        ctx,
        state,
        id,
        CaseAction::JudgeElement,
        "case-notice-element",
        move |conn, _, u, _| {
            store::judge_element(
                conn,
                id,
                element,
                u.id,
                &judgement,
                &norms,
                Some(&conclusion),
            )
        },
    )
    .await
}

async fn followup_add(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (what, owner, due) = (
        one(&fields, "actie"),
        one(&fields, "eigenaar"),
        date_field(&one(&fields, "voor")),
    );
    change(
        ctx,
        state,
        id,
        CaseAction::AddFollowup,
        "case-notice-followup",
        move |conn, _, u, _| {
            let due = due.ok_or_else(|| {
                StepError::Invalid("vul in voor welke datum het klaar moet zijn".into())
            })?;
            store::add_followup(conn, id, u.id, &what, &owner, due)
        },
    )
    .await
}

#[derive(Deserialize)]
struct FollowupPath {
    id: i64,
    followup: i64,
}

async fn followup_done(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<FollowupPath>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let (id, followup) = (p.id, p.followup);
    change(
        ctx,
        state,
        id,
        CaseAction::FinishFollowup,
        "case-notice-followup",
        move |conn, _, u, _| {
            store::finish_followup(conn, id, followup, u.id, crate::surveys::today())
        },
    )
    .await
}

async fn consent_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (until, how) = (date_field(&one(&fields, "tot")), one(&fields, "hoe"));
    change(
        ctx,
        state,
        id,
        CaseAction::ExtendDeadline,
        "case-notice-consent",
        move |conn, env, u, _| {
            let until = until.ok_or_else(|| {
                StepError::Invalid("vul de datum in waarmee de klager instemde".into())
            })?;
            if how.is_empty() {
                return Err(StepError::Invalid(
                    "schrijf op hoe de klager schriftelijk instemde (brief, e-mail, datum)".into(),
                ));
            }
            store::extend_with_consent(conn, env, id, u.id, until, &how).map(|_| ())
        },
    )
    .await
}

/// Adds a document to a case: any complaint role that may see the case (the committee its minutes,
/// the handler a mediation note, the coordinator a scanned letter). One file, checked like the
/// complainant's.
async fn document_add(
    ctx: Ctx,
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let max_file = state.config.complaints.max_attachment_bytes;
    let limits = crate::web::multipart::Limits {
        files: 1,
        ..super::public::upload_limits(max_file)
    };
    // The token first, then whether this person may add to this case, and only then the file.
    let upload = crate::web::multipart::open(&req, payload, limits).await?;
    let u = user(&ctx)?;
    state
        .db(move |conn| gate_or_refuse(conn, id, &u, CaseAction::AddDocument).map(|_| ()))
        .await?;
    let form = upload.read().await?;
    let sent = super::public::sent(&form.files);
    let problems = if sent.is_empty() {
        vec![("stuk", "case-document-missing", vec![])]
    } else if form.extra_files > 0 {
        vec![(
            "stuk",
            "upload-error-too-many-files",
            vec![("n", "1".to_string())],
        )]
    } else {
        super::public::check_files(&sent, max_file)
    };
    if let Some((_, key, args)) = problems.first() {
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let text = t_args(ctx.lang, key, &args);
        return render_case(
            &ctx,
            &state,
            id,
            Some(text),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let files = form.files;
    let document = web::block(move || super::public::attachments(&files))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("blocking task failed: {e}")))??
        .into_iter()
        .next()
        .ok_or(AppError::BadRequest("form-error-fields"))?;
    change(
        ctx,
        state,
        id,
        CaseAction::AddDocument,
        "case-notice-document",
        move |conn, _, u, _| store::add_document(conn, id, u.id, &document).map_err(StepError::Db),
    )
    .await
}

#[derive(Deserialize)]
struct AttachmentPath {
    id: i64,
    attachment: i64,
}

async fn attachment(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<AttachmentPath>,
) -> Result<HttpResponse, AppError> {
    let u = user(&ctx)?;
    let p = path.into_inner();
    let (id, att) = (p.id, p.attachment);
    let (name, data) = state
        .db(move |conn| {
            gate_or_refuse(conn, id, &u, CaseAction::DownloadDocument)?;
            let row: Option<(String, Vec<u8>)> = complaint_attachments::table
                .filter(complaint_attachments::id.eq(att))
                .filter(complaint_attachments::complaint_id.eq(id))
                .select((
                    complaint_attachments::file_name,
                    complaint_attachments::data,
                ))
                .get_result(conn)
                .optional()?;
            let row = row.ok_or(AppError::NotFound)?;
            // Logged before the file goes out: who downloaded which document of which case.
            audit::record(
                conn,
                Actor::User(u.id),
                "complaint.document_downloaded",
                "complaint",
                Some(&id.to_string()),
                Some(&format!("bijlage {att}")),
            )?;
            Ok(row)
        })
        .await?;
    // Never inline: typed by its content, as a download with a safe name.
    Ok(crate::web::filetype::download(&name, data))
}

// ---------------------------------------------------------------------------------------------
// Conduct categories (seeded from what complainants said; the coordinator keeps them current)
// ---------------------------------------------------------------------------------------------

type CategoryRow = (i64, String, String, bool);

async fn load_categories(state: &AppState) -> Result<Vec<CategoryRow>, AppError> {
    state
        .db(|conn| {
            Ok(complaint_categories::table
                .order((complaint_categories::position, complaint_categories::id))
                .select((
                    complaint_categories::id,
                    complaint_categories::code,
                    complaint_categories::name,
                    complaint_categories::active,
                ))
                .load(conn)?)
        })
        .await
}

fn categories_markup(
    ctx: &Ctx,
    rows: &[CategoryRow],
    errors: &[(&str, String)],
    notice: bool,
) -> Markup {
    let lang = ctx.lang;
    html! {
        @if notice { div.notice role="status" { p { (t(lang, "case-notice-saved")) } } }
        (error_summary(ctx, errors))
        p { (t(lang, "categories-intro")) }
        form method="post" action="/klachten/categorieen" novalidate {
            (csrf_field(ctx))
            table {
                caption.visually-hidden { (t(lang, "categories-title")) }
                thead { tr { th scope="col" { (t(lang, "categories-name")) } th scope="col" { (t(lang, "categories-active")) } } }
                tbody {
                    @for (id, _code, name, active) in rows {
                        tr {
                            td {
                                label.visually-hidden for={ "naam-" (id) } { (t(lang, "categories-name")) }
                                input id={ "naam-" (id) } type="text" name={ "naam-" (id) } value=(name) maxlength="200";
                            }
                            td {
                                span.choice {
                                    input id={ "actief-" (id) } type="checkbox" name={ "actief-" (id) } value="ja" checked[*active];
                                    label for={ "actief-" (id) } { (t(lang, "categories-in-use")) }
                                }
                            }
                        }
                    }
                }
            }
            (layout::text_field("nieuw", &t(lang, "categories-new"), "text", "", Some(&t(lang, "categories-new-hint")), layout::error_for(errors, "nieuw"), "off"))
            button type="submit" { (t(lang, "case-save")) }
        }
    }
}

#[derive(Deserialize)]
struct Saved {
    opgeslagen: Option<String>,
}

async fn categories_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Saved>,
) -> Result<HttpResponse, AppError> {
    let rows = load_categories(&state).await?;
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t(ctx.lang, "categories-title"),
            categories_markup(&ctx, &rows, &[], q.opgeslagen.is_some()),
        ),
    ))
}

/// A code for a new category from its name: lower case letters and digits joined by `_`.
pub fn category_code(name: &str) -> String {
    let mut code = String::new();
    for ch in name.to_lowercase().chars() {
        if ch.is_ascii_alphanumeric() {
            code.push(ch);
        } else if !code.ends_with('_') && !code.is_empty() {
            code.push('_');
        }
        if code.len() >= 40 {
            break;
        }
    }
    code.trim_end_matches('_').to_string()
}

async fn categories_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let u = user(&ctx)?;
    let rows = load_categories(&state).await?;
    let mut errors: Vec<(&str, String)> = vec![];
    let mut changes: Vec<(i64, String, bool)> = vec![];
    for (id, _, old, _) in &rows {
        let name = one(&fields, &format!("naam-{id}"));
        let active = one(&fields, &format!("actief-{id}")) == "ja";
        let name = if name.is_empty() {
            old.clone()
        } else {
            name.chars().take(200).collect()
        };
        changes.push((*id, name, active));
    }
    let new = one(&fields, "nieuw");
    // Names in other scripts have no ASCII letters for a code: such a topic is numbered.
    let mut code = category_code(&new);
    if code.is_empty() {
        code = format!("onderwerp_{}", rows.len() + 1);
    }
    let exists = rows
        .iter()
        .any(|(_, c, n, _)| *c == code || n.to_lowercase() == new.to_lowercase());
    if !new.is_empty() && exists {
        errors.push(("nieuw", t(lang, "categories-error-exists")));
    }
    if !errors.is_empty() {
        return Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            layout::page(
                &ctx,
                &t(lang, "categories-title"),
                categories_markup(&ctx, &rows, &errors, false),
            ),
        ));
    }
    state
        .db(move |conn| {
            crate::db::write_tx(conn, |c| {
                for (id, name, active) in &changes {
                    diesel::update(complaint_categories::table.find(id))
                        .set((
                            complaint_categories::name.eq(name),
                            complaint_categories::active.eq(active),
                        ))
                        .execute(c)?;
                }
                if !new.is_empty() {
                    let position: Option<i32> = complaint_categories::table
                        .select(diesel::dsl::max(complaint_categories::position))
                        .get_result(c)?;
                    diesel::insert_into(complaint_categories::table)
                        .values((
                            complaint_categories::code.eq(&code),
                            complaint_categories::name
                                .eq(new.chars().take(200).collect::<String>()),
                            complaint_categories::position.eq(position.unwrap_or(0) + 1),
                        ))
                        .execute(c)?;
                }
                crate::accounts::audit::record(
                    c,
                    crate::accounts::audit::Actor::User(u.id),
                    "complaint.categories_changed",
                    "complaint_categories",
                    None,
                    None,
                )
            })?;
            Ok(())
        })
        .await?;
    Ok(see_other("/klachten/categorieen?opgeslagen=ja"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_codes_are_plain() {
        assert_eq!(
            category_code("Te lang wachten op een besluit!"),
            "te_lang_wachten_op_een_besluit"
        );
        assert_eq!(
            category_code("  Privacy / huisbezoek "),
            "privacy_huisbezoek"
        );
        assert_eq!(category_code("!!!"), "");
    }
}
