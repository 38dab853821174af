//! Staff pages for surveys: the researcher's waves (create, invitations on paper and by e-mail,
//! reminders, response follow-up, export, interview volunteers) and the data-entry clerk's
//! keyboard-first form for answers given by phone or on paper.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use diesel::prelude::*;
use maud::{html, Markup};
use serde::Deserialize;

use crate::accounts::audit::Actor;
use crate::accounts::model::Role;
use crate::db::schema::{questionnaire_versions, responses};
use crate::surveys::answers::{self, AnswerSet, ItemProblem};
use crate::surveys::invite::{self, InviteError, MailContext};
use crate::surveys::paper::keyed;
use crate::surveys::respond::{self, Meta, RespondError, HELPERS};
use crate::surveys::waves::{self, NewWave, Wave, WaveError, Window, CHANNELS};
use crate::surveys::{anonymity, codes, export, form, stats, today, volunteers};
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout::{self, csrf_field, error_summary};
use crate::web::paging::{self, Page};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

const RESEARCH: Access = Access::Roles(&[Role::Onderzoeker]);
const ENTRY: Access = Access::Roles(&[Role::Invoerder]);

/// Channels a clerk enters answers for.
pub const ENTRY_CHANNELS: &[&str] = &["phone", "paper-keyed"];

/// Routes of this module.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/onderzoek", RESEARCH)
            .get(waves_page)
            .post(wave_create),
        RouteDef::new("/onderzoek/rondes/{id}", RESEARCH).get(wave_page),
        RouteDef::new("/onderzoek/rondes/{id}/codes", RESEARCH).post(codes_create),
        RouteDef::new("/onderzoek/rondes/{id}/email", RESEARCH).post(email_invite),
        RouteDef::new("/onderzoek/rondes/{id}/herinnering", RESEARCH).post(reminder),
        RouteDef::new("/onderzoek/rondes/{id}/antwoorden.csv", RESEARCH).get(answers_csv),
        RouteDef::new("/onderzoek/rondes/{id}/codeboek.csv", RESEARCH).get(codebook_csv),
        RouteDef::new("/onderzoek/rondes/{id}/codeboek.json", RESEARCH).get(codebook_json),
        RouteDef::new("/onderzoek/rondes/{id}/gesprekken", RESEARCH).get(volunteers_page),
        RouteDef::new("/onderzoek/rondes/{id}/papier", RESEARCH).get(paper_forms),
        RouteDef::new("/onderzoek/rondes/{id}/sdaps-koppeling.csv", RESEARCH).get(sdaps_mapping),
        RouteDef::new("/invoer", ENTRY).get(entry_list),
        RouteDef::new("/invoer/rondes/{id}", ENTRY)
            .get(entry_page)
            .post(entry_submit),
    ]
}

/// The logged-in staff member as the audit log names them.
pub(crate) fn actor(ctx: &Ctx) -> Result<Actor, AppError> {
    Ok(Actor::User(
        ctx.user.as_ref().ok_or(AppError::Unauthorized)?.id,
    ))
}

use crate::surveys::respondent::date_text;

pub(crate) fn wave_error_text(lang: Lang, e: &WaveError) -> String {
    match e {
        WaveError::UnknownQuestionnaire(_) => t(lang, "wave-error-questionnaire"),
        WaveError::Dates => t(lang, "wave-error-dates"),
        WaveError::Population => t(lang, "wave-error-population"),
        WaveError::Channel(_) => t(lang, "wave-error-channel"),
        WaveError::Name => t(lang, "wave-error-name"),
        WaveError::Count => t(lang, "wave-error-count"),
        WaveError::AlreadyOpen => t(lang, "wave-edit-refused"),
        WaveError::OpensInPast => t(lang, "wave-error-opens-past"),
        WaveError::UnknownWave(_) | WaveError::Db(_) => t(lang, "error-404-text"),
    }
}

fn window_text(lang: Lang, w: &Wave) -> String {
    t(
        lang,
        match w.window_today() {
            Window::NotYetOpen => "wave-state-not-open",
            Window::Open => "wave-state-open",
            Window::Closed => "wave-state-closed",
        },
    )
}

#[derive(Deserialize)]
struct Notice {
    melding: Option<String>,
    n: Option<String>,
}

/// The page of a list asked for (`?pagina=`).
#[derive(Deserialize)]
struct PageQuery {
    pagina: Option<i64>,
}

fn notice(lang: Lang, q: &Notice) -> Markup {
    let allowed = [
        "notice-wave-created",
        "notice-wave-changed",
        "notice-invitations-queued",
        "notice-reminders-queued",
        "notice-entry-saved",
    ];
    html! {
        @if let Some(key) = q.melding.as_deref().filter(|k| allowed.contains(k)) {
            div.notice role="status" { p { (crate::web::i18n::t_count(lang, key, q.n.as_deref().and_then(|n| n.parse().ok()).unwrap_or(0))) } }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Waves
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize, Default)]
struct WaveForm {
    #[serde(default)]
    naam: String,
    #[serde(default)]
    vragenlijst: String,
    #[serde(default)]
    open: String,
    #[serde(default)]
    sluit: String,
    #[serde(default)]
    n: String,
    #[serde(default)]
    kanalen: Vec<String>,
}

fn waves_markup(
    ctx: &Ctx,
    list: &[Wave],
    shown: &Page,
    questionnaires: &[String],
    f: &WaveForm,
    errors: &[(&str, String)],
    q: &Notice,
) -> Markup {
    let lang = ctx.lang;
    let err = |k: &str| layout::error_for(errors, k);
    html! {
        (notice(lang, q))
        (error_summary(ctx, errors))
        @if list.is_empty() {
            p { (t(lang, "waves-none")) }
        } @else {
            table {
                caption { (t(lang, "waves-caption")) }
                thead { tr {
                    th scope="col" { (t(lang, "waves-col-name")) }
                    th scope="col" { (t(lang, "waves-col-questionnaire")) }
                    th scope="col" { (t(lang, "waves-col-period")) }
                    th scope="col" { (t(lang, "waves-col-state")) }
                } }
                tbody {
                    @for w in list {
                        tr {
                            td { a href={ "/onderzoek/rondes/" (w.id) } { (paging::short_text(lang, &w.name, 120)) } }
                            td { (w.questionnaire_key) " v" (w.version) "." (w.revision) }
                            td { (date_text(w.opens_on)) " – " (date_text(w.closes_on)) }
                            td { (window_text(lang, w)) }
                        }
                    }
                }
            }
            (paging::nav(lang, shown, |n| format!("/onderzoek?pagina={n}")))
        }
        h2 #nieuw { (t(lang, "wave-new-title")) }
        form method="post" action="/onderzoek" novalidate {
            (csrf_field(ctx))
            (layout::text_field("naam", &t(lang, "wave-name"), "text", &f.naam, Some(&t(lang, "wave-name-hint")), err("naam"), "off"))
            div.field {
                label for="vragenlijst" { (t(lang, "wave-questionnaire")) }
                select #vragenlijst name="vragenlijst" {
                    @for key in questionnaires {
                        option value=(key) selected[*key == f.vragenlijst] { (key) }
                    }
                }
            }
            (layout::text_field("open", &t(lang, "wave-opens"), "date", &f.open, None, err("open"), "off"))
            (layout::text_field("sluit", &t(lang, "wave-closes"), "date", &f.sluit, None, err("sluit"), "off"))
            (layout::text_field("n", &t(lang, "wave-population"), "text", &f.n, Some(&t(lang, "wave-population-hint")), err("n"), "off"))
            fieldset #kanalen {
                legend { (t(lang, "wave-channels")) }
                @for (i, ch) in CHANNELS.iter().enumerate() {
                    @let id = if i == 0 { "kanalen".to_string() } else { format!("kanaal-{ch}") };
                    div.choice {
                        input id=(id) type="checkbox" name="kanalen" value=(ch) checked[f.kanalen.is_empty() || f.kanalen.iter().any(|c| c == ch)];
                        label for=(id) { (t(lang, &format!("channel-{ch}"))) }
                    }
                }
            }
            button type="submit" { (t(lang, "wave-create")) }
        }
    }
}

fn questionnaire_keys(conn: &mut crate::db::DbConnection) -> QueryResult<Vec<String>> {
    questionnaire_versions::table
        .select(questionnaire_versions::questionnaire_key)
        .distinct()
        .order(questionnaire_versions::questionnaire_key)
        .load(conn)
}

/// One page of the waves (newest first) and the questionnaires a new wave can use.
fn waves_list(
    conn: &mut crate::db::DbConnection,
    asked: Option<i64>,
) -> Result<(Vec<Wave>, Page, Vec<String>), AppError> {
    let shown = Page::new(asked, paging::PAGE_ROWS, waves::count_waves(conn)?);
    let list = waves::list_waves_page(conn, shown.size, shown.offset())?;
    Ok((list, shown, questionnaire_keys(conn)?))
}

async fn waves_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Notice>,
    p: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let asked = p.pagina;
    let (list, shown, keys) = state.db(move |conn| waves_list(conn, asked)).await?;
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t(ctx.lang, "waves-title"),
            waves_markup(&ctx, &list, &shown, &keys, &WaveForm::default(), &[], &q),
        ),
    ))
}

pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d-%m-%Y"))
        .ok()
}

async fn wave_create(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(f): CsrfForm<WaveForm>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let actor = actor(&ctx)?;
    let mut errors: Vec<(&str, String)> = vec![];
    let opens = parse_date(&f.open);
    let closes = parse_date(&f.sluit);
    if opens.is_none() {
        errors.push(("open", t(lang, "wave-error-date")));
    }
    if closes.is_none() {
        errors.push(("sluit", t(lang, "wave-error-date")));
    }
    let population = waves::parse_count(&f.n).filter(|n| *n >= 1);
    if population.is_none() {
        errors.push(("n", t(lang, "wave-error-population")));
    }
    if f.kanalen.is_empty() {
        errors.push(("kanalen", t(lang, "wave-error-no-channel")));
    }
    let result = match (opens, closes, population, errors.is_empty()) {
        (Some(o), Some(c), Some(n), true) => {
            let new = NewWave {
                name: f.naam.clone(),
                questionnaire: f.vragenlijst.clone(),
                opens_on: o,
                closes_on: c,
                population: n,
                channels: f.kanalen.clone(),
            };
            Some(
                state
                    .db(move |conn| Ok(waves::create_wave(conn, &new, actor)))
                    .await?,
            )
        }
        _ => None,
    };
    match result {
        Some(Ok(id)) => Ok(see_other(&format!(
            "/onderzoek/rondes/{id}?melding=notice-wave-created"
        ))),
        Some(Err(WaveError::Db(e))) => Err(e.into()),
        other => {
            if let Some(Err(e)) = &other {
                let field = match e {
                    WaveError::Dates => "sluit",
                    WaveError::Population => "n",
                    WaveError::Channel(_) => "kanalen",
                    WaveError::UnknownQuestionnaire(_) => "vragenlijst",
                    _ => "naam",
                };
                errors.push((field, wave_error_text(lang, e)));
            }
            let (list, shown, keys) = state.db(|conn| waves_list(conn, None)).await?;
            let q = Notice {
                melding: None,
                n: None,
            };
            Ok(page_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                layout::page(
                    &ctx,
                    &t(lang, "waves-title"),
                    waves_markup(&ctx, &list, &shown, &keys, &f, &errors, &q),
                ),
            ))
        }
    }
}

/// Response figures of a wave.
struct FollowUp {
    invited: i64,
    used: i64,
    answered: i64,
    per_channel: Vec<(String, i64)>,
    per_day: Vec<(NaiveDate, i64)>,
    with_address: i64,
    volunteers: i64,
}

fn follow_up(conn: &mut crate::db::DbConnection, wave_id: i64) -> QueryResult<FollowUp> {
    use diesel::dsl::count_star;
    let (invited, used) = waves::invitation_counts(conn, wave_id)?;
    let per_channel: Vec<(String, i64)> = responses::table
        .filter(responses::wave_id.eq(wave_id))
        .group_by(responses::channel)
        .select((responses::channel, count_star()))
        .order(responses::channel)
        .load(conn)?;
    let per_day: Vec<(NaiveDate, i64)> = responses::table
        .filter(responses::wave_id.eq(wave_id))
        .group_by(responses::answered_on)
        .select((responses::answered_on, count_star()))
        .order(responses::answered_on)
        .load(conn)?;
    let with_address = crate::db::schema::invitation_addresses::table
        .inner_join(crate::db::schema::invitations::table)
        .filter(crate::db::schema::invitations::wave_id.eq(wave_id))
        .count()
        .get_result(conn)?;
    let volunteers = volunteers::count(conn, wave_id)?;
    Ok(FollowUp {
        invited,
        used,
        answered: per_channel.iter().map(|(_, n)| n).sum(),
        per_channel,
        per_day,
        with_address,
        volunteers,
    })
}

fn pct(p: Option<f64>) -> String {
    p.map(stats::percent_nl).unwrap_or_else(|| "–".into())
}

fn wave_markup(ctx: &Ctx, w: &Wave, f: &FollowUp, errors: &[(&str, String)], q: &Notice) -> Markup {
    let lang = ctx.lang;
    let margin = stats::margin_of_error(f.answered as u64, w.population as u64);
    let base = format!("/onderzoek/rondes/{}", w.id);
    let open_or_coming = w.window_today() != Window::Closed;
    let after_close = date_text(anonymity::opens_after(w));
    let err = |k: &str| layout::error_for(errors, k);
    // The open answers, cleaned, only from as many people as a quote needs.
    let k = crate::monitor::quotes::DEFAULT_MIN_GROUP;
    let open_answers = f.answered.max(0) as u64 >= k;
    let mut export_files = vec![(format!("{base}/antwoorden.csv"), t(lang, "export-answers"))];
    if open_answers {
        export_files.push((
            format!("{base}/open-antwoorden.csv"),
            t(lang, "export-open-answers"),
        ));
    }
    export_files.push((
        format!("{base}/codeboek.csv"),
        t(lang, "export-codebook-csv"),
    ));
    html! {
        (notice(lang, q))
        (error_summary(ctx, errors))
        dl.facts {
            dt { (t(lang, "waves-col-questionnaire")) } dd { (w.questionnaire_key) " v" (w.version) "." (w.revision) }
            dt { (t(lang, "waves-col-period")) } dd { (date_text(w.opens_on)) " – " (date_text(w.closes_on)) " (" (window_text(lang, w)) ")" }
            dt { (t(lang, "wave-population")) } dd { (w.population) }
            dt { (t(lang, "wave-channels")) } dd {
                @for (i, ch) in w.channels.split(',').enumerate() {
                    @if i > 0 { ", " }
                    (t(lang, &format!("channel-{ch}")))
                }
            }
        }
        @if w.window_today() == Window::NotYetOpen {
            p { a href={ (base) "/wijzigen" } { (t(lang, "wave-edit-link")) } }
        }
        h2 { (t(lang, "followup-title")) }
        table.figures {
            caption { (t(lang, "followup-caption")) }
            tbody {
                tr { th scope="row" { (t(lang, "followup-invited")) } td { (f.invited) } }
                tr { th scope="row" { (t(lang, "followup-answered")) } td { (f.answered) } }
                tr { th scope="row" { (t(lang, "followup-codes-used")) } td { (f.used) } }
                tr { th scope="row" { (t(lang, "followup-rate")) } td { (pct(stats::response_rate(f.answered as u64, f.invited as u64))) } }
                tr { th scope="row" { (t(lang, "followup-margin")) } td { @match margin { Some(m) => { "± " (stats::percent_nl(m)) }, None => { "–" } } } }
            }
        }
        p.hint { (t(lang, "followup-margin-hint")) }
        @if !f.per_channel.is_empty() {
            table {
                caption { (t(lang, "followup-per-channel")) }
                thead { tr { th scope="col" { (t(lang, "wave-channels")) } th scope="col" { (t(lang, "followup-answered")) } } }
                tbody {
                    @for (ch, n) in &f.per_channel {
                        tr { td { (t(lang, &format!("channel-{ch}"))) } td { (n) } }
                    }
                }
            }
            table {
                caption { (t(lang, "followup-per-day")) }
                thead { tr { th scope="col" { (t(lang, "followup-day")) } th scope="col" { (t(lang, "followup-answered")) } } }
                tbody {
                    @for (d, n) in &f.per_day {
                        tr { td { (date_text(*d)) } td { (n) } }
                    }
                }
            }
        }
        h2 { (t(lang, "export-title")) }
        @if anonymity::export_allowed(w) {
            (crate::web::download::form(lang, "export", &export_files))
            @if open_answers {
                p.hint { (t(lang, "export-open-answers-hint")) }
            } @else {
                p.hint { (t_args(lang, "export-open-answers-too-few", &[("k", &k.to_string())])) }
            }
        } @else {
            p { (t_args(lang, "export-answers-after-close", &[("date", &after_close)])) }
            (crate::web::download::form(lang, "export", &[
                (format!("{base}/codeboek.csv"), t(lang, "export-codebook-csv")),
            ]))
        }
        ul {
            li { a href={ (base) "/codeboek.json" } { (t(lang, "export-codebook-json")) } }
            @if anonymity::volunteers_visible(w) {
                li { a href={ (base) "/gesprekken" } { (t_args(lang, "volunteers-link", &[("n", &f.volunteers.to_string())])) } }
            } @else {
                li { (t_args(lang, "volunteers-after-close", &[("date", &after_close)])) }
            }
            li { a href={ (base) "/citaten" } { (t(lang, "quotes-link")) } }
            li { a href={ (base) "/sdaps-koppeling.csv" } { (t(lang, "paper-mapping-link")) } }
        }
        h2 { (t(lang, "paper-forms-title")) }
        p { (t(lang, "paper-forms-intro")) }
        form method="get" action={ (base) "/papier" } novalidate {
            (layout::text_field("van", &t(lang, "paper-forms-from"), "text", "1", None, err("van"), "off"))
            (layout::text_field("tot", &t(lang, "paper-forms-to"), "text", "50", None, None, "off"))
            (language_select("taal", lang))
            button type="submit" { (t(lang, "paper-forms-submit")) }
        }
        @if open_or_coming {
            h2 { (t(lang, "codes-title")) }
            p { (t(lang, "codes-intro")) }
            form method="post" action={ (base) "/codes" } novalidate {
                (csrf_field(ctx))
                (layout::text_field("aantal", &t(lang, "codes-count"), "text", "", Some(&t(lang, "codes-count-hint")), err("aantal"), "off"))
                (language_select("taal", lang))
                fieldset {
                    legend { (t(lang, "codes-format")) }
                    div.choice { input #vorm type="radio" name="vorm" value="brieven" checked; label for="vorm" { (t(lang, "codes-format-letters")) } }
                    div.choice { input #vorm-csv type="radio" name="vorm" value="csv"; label for="vorm-csv" { (t(lang, "codes-format-csv")) } }
                }
                (crate::web::download::choice(lang, "codes"))
                button type="submit" { (t(lang, "codes-submit")) }
            }
            h2 { (t(lang, "email-title")) }
            p { (t(lang, "email-intro")) }
            form method="post" action={ (base) "/email" } novalidate {
                (csrf_field(ctx))
                div.field.has-error[err("adressen").is_some()] {
                    label for="adressen" { (t(lang, "email-addresses")) }
                    p.hint #adressen-hint { (t(lang, "email-addresses-hint")) }
                    @if let Some(e) = err("adressen") { p.error { (e) } }
                    textarea #adressen name="adressen" rows="6" aria-describedby="adressen-hint" {}
                }
                (language_select("taal-mail", lang))
                button type="submit" { (t(lang, "email-submit")) }
            }
            h2 { (t(lang, "reminder-title")) }
            p { (t_args(lang, "reminder-status", &[("sent", &w.reminders_sent.to_string()), ("waiting", &f.with_address.to_string())])) }
            @if w.reminders_sent < invite::MAX_REMINDERS {
                form method="post" action={ (base) "/herinnering" } {
                    (csrf_field(ctx))
                    button.secondary type="submit" { (t(lang, "reminder-submit")) }
                }
            }
        }
    }
}

fn language_select(name: &str, lang: Lang) -> Markup {
    html! {
        div.field {
            label for=(name) { (t(lang, "codes-language")) }
            select id=(name) name=(name) {
                @for l in Lang::ALL { option value=(l.code()) selected[l == Lang::Nl] { (l.native_name()) } }
            }
        }
    }
}

/// A wave and the questionnaire text it pinned (inside a database call).
pub(crate) fn wave_and_definition(
    conn: &mut crate::db::DbConnection,
    id: i64,
) -> Result<(Wave, std::sync::Arc<crate::surveys::definition::Definition>), AppError> {
    let wave = waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
    let def =
        respond::definition(conn, wave.version_id).map_err(|e| AppError::Internal(e.into()))?;
    Ok((wave, def))
}

async fn load_wave(state: &AppState, id: i64) -> Result<Wave, AppError> {
    state
        .db(move |conn| match waves::find_wave(conn, id) {
            Ok(w) => Ok(w),
            Err(WaveError::Db(e)) => Err(e.into()),
            Err(_) => Err(AppError::NotFound),
        })
        .await
}

async fn render_wave(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    errors: &[(&str, String)],
    q: &Notice,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let w = load_wave(state, id).await?;
    let f = state.db(move |conn| Ok(follow_up(conn, id)?)).await?;
    Ok(page_response(
        status,
        layout::page(ctx, &w.name, wave_markup(ctx, &w, &f, errors, q)),
    ))
}

async fn wave_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<Notice>,
) -> Result<HttpResponse, AppError> {
    render_wave(&ctx, &state, path.into_inner(), &[], &q, StatusCode::OK).await
}

#[derive(Deserialize)]
struct CodesForm {
    #[serde(default)]
    aantal: String,
    #[serde(default)]
    vorm: String,
    #[serde(default)]
    taal: String,
    #[serde(default)]
    scheiding: Option<String>,
}

async fn codes_create(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(f): CsrfForm<CodesForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let actor = actor(&ctx)?;
    let wave = load_wave(&state, id).await?;
    let count = f
        .aantal
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=100_000).contains(n));
    let Some(count) = count else {
        let errors = [("aantal", t(ctx.lang, "wave-error-count"))];
        let q = Notice {
            melding: None,
            n: None,
        };
        return render_wave(
            &ctx,
            &state,
            id,
            &errors,
            &q,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let codes = state
        .db(move |conn| {
            waves::create_invitations(conn, id, count, actor).map_err(|e| match e {
                WaveError::Db(d) => d.into(),
                _ => AppError::BadRequest("wave-error-count"),
            })
        })
        .await?;
    let lang = Lang::from_code(&f.taal).unwrap_or(Lang::Nl);
    let public_url = state.config.public_url.clone();
    // Codes exist in plain text only in this response: it must not be cached anywhere. Both forms
    // are written while they are sent (100,000 letters are 400 MB of HTML; memory holds one).
    if f.vorm == "csv" {
        let flavour = crate::csv_safe::Flavour::from_choice(f.scheiding.as_deref());
        return Ok(crate::web::stream::download(
            "text/csv; charset=utf-8",
            &format!("codes-ronde-{id}.csv"),
            move |out| waves::write_invitation_csv(out, &wave, &codes, &public_url, flavour),
        ));
    }
    let contact = state.config.contact.clone();
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(crate::web::stream::body(move |out| {
            invite::write_letters(out, &wave, &codes, lang, &public_url, &contact, false)
        })))
}

#[derive(Deserialize)]
struct EmailForm {
    #[serde(default)]
    adressen: String,
    #[serde(default, rename = "taal-mail")]
    taal: String,
}

fn mail_context(state: &AppState) -> (String, String, std::sync::Arc<crate::config::Contact>) {
    (
        state.config.public_url.clone(),
        state.config.public_host().to_string(),
        state.config.contact.clone(),
    )
}

async fn email_invite(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(f): CsrfForm<EmailForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let lang = ctx.lang;
    let actor = actor(&ctx)?;
    let wave = load_wave(&state, id).await?;
    let q = Notice {
        melding: None,
        n: None,
    };
    let addresses = match invite::parse_addresses(&f.adressen) {
        Ok(a) => a,
        Err(e) => {
            let message = invite_error_text(lang, &e);
            let errors = [("adressen", message)];
            return render_wave(
                &ctx,
                &state,
                id,
                &errors,
                &q,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let mail_lang = Lang::from_code(&f.taal).unwrap_or(Lang::Nl);
    let (public_url, domain, contact) = mail_context(&state);
    let result = state
        .db(move |conn| {
            let cx = MailContext {
                public_url: &public_url,
                domain: &domain,
                contact: &contact,
            };
            Ok(invite::invite_by_email(
                conn,
                &wave,
                &addresses,
                mail_lang,
                &cx,
                actor,
                today(),
            ))
        })
        .await?;
    match result {
        Ok(n) => Ok(see_other(&format!(
            "/onderzoek/rondes/{id}?melding=notice-invitations-queued&n={n}"
        ))),
        Err(InviteError::Db(e)) => Err(e.into()),
        Err(e) => {
            let errors = [("adressen", invite_error_text(lang, &e))];
            render_wave(
                &ctx,
                &state,
                id,
                &errors,
                &q,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

fn lines(v: &[usize]) -> String {
    v.iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn invite_error_text(lang: Lang, e: &InviteError) -> String {
    match e {
        InviteError::Addresses(l) => t_args(lang, "email-error-invalid", &[("lines", &lines(l))]),
        InviteError::Duplicates(l) => {
            t_args(lang, "email-error-duplicate", &[("lines", &lines(l))])
        }
        InviteError::Empty => t(lang, "email-error-empty"),
        InviteError::NoMoreReminders => t(lang, "reminder-error-max"),
        InviteError::Closed => t(lang, "wave-state-closed"),
        _ => t(lang, "error-500-text"),
    }
}

async fn reminder(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(_): CsrfForm<crate::web::csrf::NoFields>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let actor = actor(&ctx)?;
    let wave = load_wave(&state, id).await?;
    let (public_url, domain, contact) = mail_context(&state);
    let result = state
        .db(move |conn| {
            let cx = MailContext {
                public_url: &public_url,
                domain: &domain,
                contact: &contact,
            };
            Ok(invite::send_reminders(conn, &wave, &cx, actor, today()))
        })
        .await?;
    match result {
        Ok(n) => Ok(see_other(&format!(
            "/onderzoek/rondes/{id}?melding=notice-reminders-queued&n={n}"
        ))),
        Err(InviteError::Db(e)) => Err(e.into()),
        Err(e) => {
            let errors = [("herinnering", invite_error_text(ctx.lang, &e))];
            let q = Notice {
                melding: None,
                n: None,
            };
            render_wave(&ctx, &state, id, &errors, &q, StatusCode::CONFLICT).await
        }
    }
}

fn download(content_type: &str, name: String, body: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

/// A page saying that something about a wave can only be seen once it has closed, and why.
fn after_close_page(ctx: &Ctx, w: &Wave, title_key: &str, text_key: &str) -> HttpResponse {
    let lang = ctx.lang;
    page_response(
        StatusCode::CONFLICT,
        layout::page(
            ctx,
            &t(lang, title_key),
            html! {
                p.lead { (t_args(lang, text_key, &[("date", &date_text(anonymity::opens_after(w)))])) }
                p { (t(lang, "after-close-why")) }
                p { a href={ "/onderzoek/rondes/" (w.id) } { (t(lang, "volunteers-back")) } }
            },
        ),
    )
}

async fn answers_csv(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    choice: web::Query<crate::web::download::CsvChoice>,
) -> Result<HttpResponse, AppError> {
    let flavour = choice.flavour();
    let id = path.into_inner();
    let wave = load_wave(&state, id).await?;
    if !anonymity::export_allowed(&wave) {
        return Ok(after_close_page(
            &ctx,
            &wave,
            "export-answers",
            "export-answers-after-close",
        ));
    }
    let (wave, def) = state.db(move |conn| wave_and_definition(conn, id)).await?;
    crate::accounts::audit::log(
        &state,
        Actor::of(&ctx),
        "survey.answers_exported",
        "wave",
        Some(id.to_string()),
        None,
    )
    .await?;
    // Written while it is sent, in batches from the database: memory stays flat for any wave.
    let pool = state.pool.clone();
    Ok(crate::web::stream::download(
        "text/csv; charset=utf-8",
        &format!("antwoorden-ronde-{id}.csv"),
        move |out| {
            let mut conn = pool.get()?;
            export::write_answers(&mut conn, &wave, &def, out, flavour).map(|_| ())
        },
    ))
}

async fn codebook(state: &AppState, id: i64, lang: Lang) -> Result<export::Codebook, AppError> {
    state
        .db(move |conn| {
            let (wave, def) = wave_and_definition(conn, id)?;
            Ok(export::codebook(&wave, &def, lang))
        })
        .await
}

async fn codebook_csv(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    choice: web::Query<crate::web::download::CsvChoice>,
) -> Result<HttpResponse, AppError> {
    let flavour = choice.flavour();
    let id = path.into_inner();
    let book = codebook(&state, id, ctx.lang).await?;
    crate::accounts::audit::log(
        &state,
        Actor::of(&ctx),
        "survey.codebook_exported",
        "wave",
        Some(id.to_string()),
        Some("csv".into()),
    )
    .await?;
    let mut out = vec![];
    export::write_codebook_csv(&book, &mut out, flavour).map_err(AppError::Internal)?;
    Ok(download(
        "text/csv; charset=utf-8",
        format!("codeboek-ronde-{id}.csv"),
        out,
    ))
}

async fn codebook_json(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let book = codebook(&state, id, ctx.lang).await?;
    crate::accounts::audit::log(
        &state,
        Actor::of(&ctx),
        "survey.codebook_exported",
        "wave",
        Some(id.to_string()),
        Some("json".into()),
    )
    .await?;
    let out = serde_json::to_vec_pretty(&book).map_err(|e| AppError::Internal(e.into()))?;
    Ok(download(
        "application/json",
        format!("codeboek-ronde-{id}.json"),
        out,
    ))
}

#[derive(Deserialize)]
struct PaperQuery {
    #[serde(default)]
    van: String,
    #[serde(default)]
    tot: String,
    #[serde(default)]
    taal: String,
}

/// Print-ready paper questionnaires, forms `van`..=`tot` (at most 500 at a time).
async fn paper_forms(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<PaperQuery>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let lang = ctx.lang;
    let range = match (q.van.trim().parse::<u64>(), q.tot.trim().parse::<u64>()) {
        (Ok(a), Ok(b)) if a >= 1 && a <= b && b <= 999_999 && b - a < 500 => Some((a, b)),
        _ => None,
    };
    let Some((from, to)) = range else {
        let errors = [("van", t(lang, "paper-error-range"))];
        let notice = Notice {
            melding: None,
            n: None,
        };
        return render_wave(
            &ctx,
            &state,
            id,
            &errors,
            &notice,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let print_lang = Lang::from_code(&q.taal).unwrap_or(Lang::Nl);
    let municipality = state.config.contact.clone();
    let page = state
        .db(move |conn| {
            let (wave, def) = wave_and_definition(conn, id)?;
            crate::surveys::paper::print::forms(
                &wave,
                &def,
                print_lang,
                &municipality,
                from,
                to,
                false,
            )
            .map_err(AppError::Internal)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(page.into_string()))
}

/// The SDAPS column mapping of the wave's questionnaire, for the OMR operator.
async fn sdaps_mapping(
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let text = state
        .db(move |conn| {
            let (_, def) = wave_and_definition(conn, id)?;
            Ok(crate::surveys::paper::mapping::to_csv(
                &crate::surveys::paper::mapping::sdaps(&def),
            ))
        })
        .await?;
    Ok(download(
        "text/csv; charset=utf-8",
        format!("sdaps-koppeling-ronde-{id}.csv"),
        text.into_bytes(),
    ))
}

async fn volunteers_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let lang = ctx.lang;
    let wave = load_wave(&state, id).await?;
    if !anonymity::volunteers_visible(&wave) {
        let mut res = after_close_page(
            &ctx,
            &wave,
            "volunteers-link-open",
            "volunteers-after-close",
        );
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
        return Ok(res);
    }
    let rows = state
        .db(move |conn| Ok(volunteers::list(conn, id)?))
        .await?;
    crate::accounts::audit::log(
        &state,
        Actor::of(&ctx),
        "wave.volunteers_viewed",
        "wave",
        Some(id.to_string()),
        None,
    )
    .await?;
    let mut res = page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(lang, "volunteers-title", &[("wave", &wave.name)]),
            html! {
                p { (t(lang, "volunteers-intro")) }
                @if rows.is_empty() { p { (t(lang, "volunteers-none")) } } @else {
                    table {
                        caption { (t(lang, "volunteers-caption")) }
                        thead { tr {
                            th scope="col" { (t(lang, "volunteer-name")) }
                            th scope="col" { (t(lang, "volunteer-contact")) }
                            th scope="col" { (t(lang, "volunteer-language")) }
                            th scope="col" { (t(lang, "volunteer-time")) }
                        } }
                        tbody {
                            @for v in &rows {
                                tr { td { (v.name) } td { (v.contact) } td { (Lang::from_code(&v.language).map(|l| l.native_name()).unwrap_or(&v.language)) } td { (v.best_time) } }
                            }
                        }
                    }
                }
                p { a href={ "/onderzoek/rondes/" (id) } { (t(lang, "volunteers-back")) } }
            },
        ),
    );
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}

// ---------------------------------------------------------------------------------------------
// Entry by staff (phone interviews and paper forms keyed in)
// ---------------------------------------------------------------------------------------------

async fn entry_list(ctx: Ctx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let today = crate::surveys::today();
    let list = state
        .db(move |conn| Ok(waves::open_waves(conn, today)?))
        .await?;
    let open: Vec<&Wave> = list
        .iter()
        .filter(|w| w.window_today() == Window::Open && ENTRY_CHANNELS.iter().any(|c| w.allows(c)))
        .collect();
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t(lang, "entry-list-title"),
            html! {
                @if open.is_empty() { p { (t(lang, "entry-list-none")) } } @else {
                    ul { @for w in open { li { a href={ "/invoer/rondes/" (w.id) } { (w.name) } " (" (t_args(lang, "entry-list-until", &[("date", &date_text(w.closes_on))])) ")" } } }
                }
            },
        ),
    ))
}

/// The entry form as filled in so far.
#[derive(Default)]
struct EntryState {
    channel: String,
    code: String,
    /// The paper form's number (channel paper-keyed).
    form: String,
    helper: String,
    language: String,
    answers: AnswerSet,
}

fn entry_markup(
    ctx: &Ctx,
    wave: &Wave,
    def: &crate::surveys::definition::Definition,
    s: &EntryState,
    errors: &[(String, ItemProblem)],
    general: &[(&str, String)],
    q: &Notice,
) -> Markup {
    let lang = ctx.lang;
    let list = form::error_list(def, lang, errors, general);
    let err_of = |key: &str| errors.iter().find(|(k, _)| k == key).map(|(_, p)| p);
    let general_err = |k: &str| layout::error_for(general, k);
    html! {
        (notice(lang, q))
        (error_summary(ctx, &list))
        p { a href={ "/invoer/rondes/" (wave.id) "/papier" } { (t(lang, "paper-upload-link")) } }
        p { (t(lang, "entry-intro")) }
        form.entry-form method="post" action={ "/invoer/rondes/" (wave.id) } novalidate {
            (csrf_field(ctx))
            fieldset #invoer-kanaal {
                legend { (t(lang, "entry-channel")) }
                @for (i, ch) in ENTRY_CHANNELS.iter().filter(|c| wave.allows(c)).enumerate() {
                    @let id = if i == 0 { "invoer-kanaal-eerste".to_string() } else { format!("invoer-kanaal-{ch}") };
                    span.choice {
                        input id=(id) type="radio" name="invoer-kanaal" value=(ch) checked[s.channel == *ch || (s.channel.is_empty() && i == 0)];
                        label for=(id) { (t(lang, &format!("channel-{ch}"))) }
                    }
                }
            }
            @if wave.allows("paper-keyed") {
                (layout::text_field("invoer-formulier", &t(lang, "entry-form"), "text", &s.form, Some(&t_args(lang, "entry-form-hint", &[("prefix", &format!("R{}-", wave.id))])), general_err("invoer-formulier"), "off"))
            }
            (layout::text_field("invoer-code", &t(lang, "entry-code"), "text", &s.code, Some(&t(lang, "entry-code-hint")), general_err("invoer-code"), "off"))
            div.field {
                label for="invoer-taal" { (t(lang, "entry-language")) }
                select #invoer-taal name="invoer-taal" {
                    @for l in Lang::ALL { option value=(l.code()) selected[l.code() == s.language || (s.language.is_empty() && l == Lang::Nl)] { (l.native_name()) } }
                }
            }
            div.field {
                label for="invoer-hulp" { (t(lang, "respond-helper-label")) }
                select #invoer-hulp name="invoer-hulp" {
                    option value="" { (t(lang, "respond-helper-none")) }
                    @for h in HELPERS { option value=(h) selected[s.helper == *h] { (t(lang, &format!("helper-{h}"))) } }
                }
            }
            @for sec in &def.sections {
                h2 { (answers::text_in(&sec.title, lang)) }
                @for item in &sec.items {
                    (form::entry_question(item, lang, &s.answers, err_of(&item.key)))
                }
            }
            button type="submit" { (t(lang, "entry-submit")) }
        }
    }
}

async fn entry_context(
    state: &AppState,
    id: i64,
) -> Result<(Wave, std::sync::Arc<crate::surveys::definition::Definition>), AppError> {
    state.db(move |conn| wave_and_definition(conn, id)).await
}

async fn entry_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<Notice>,
) -> Result<HttpResponse, AppError> {
    let (wave, def) = entry_context(&state, path.into_inner()).await?;
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(ctx.lang, "entry-title", &[("wave", &wave.name)]),
            entry_markup(&ctx, &wave, &def, &EntryState::default(), &[], &[], &q),
        ),
    ))
}

/// The form's own fields; their names hold a '-', which question keys never do.
const ENTRY_FIELDS: &[&str] = &[
    "csrf",
    "invoer-kanaal",
    "invoer-formulier",
    "invoer-code",
    "invoer-hulp",
    "invoer-taal",
];

async fn entry_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let (wave, def) = entry_context(&state, path.into_inner()).await?;
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let mut s = EntryState {
        channel: field("invoer-kanaal"),
        code: field("invoer-code"),
        form: field("invoer-formulier").to_uppercase(),
        helper: field("invoer-hulp"),
        language: field("invoer-taal"),
        answers: AnswerSet::new(),
    };
    if !ENTRY_CHANNELS.contains(&s.channel.as_str()) {
        return Err(AppError::BadRequest("respond-error-forged"));
    }
    let mut problems = form::read_entry(&def, &fields, lang, ENTRY_FIELDS, &mut s.answers)
        .map_err(|_| AppError::BadRequest("respond-error-forged"))?;
    for key in answers::missing_required(&def, &s.answers) {
        if !problems.iter().any(|(k, _)| *k == key) {
            problems.push((key, ItemProblem::Required));
        }
    }
    let mut general: Vec<(&str, String)> = vec![];
    let code = if s.code.is_empty() {
        if s.channel == "phone" {
            general.push(("invoer-code", t(lang, "entry-error-code-needed")));
        }
        None
    } else {
        match codes::parse(&s.code) {
            Ok(c) => Some(c),
            Err(e) => {
                general.push((
                    "invoer-code",
                    crate::surveys::respondent::code_error_text(lang, e),
                ));
                None
            }
        }
    };
    // A paper form carries its number: without it the same form could be typed in twice.
    let paper = s.channel == "paper-keyed";
    if paper {
        if let Some(e) = crate::surveys::paper::correct::form_problem(lang, wave.id, &s.form) {
            general.push(("invoer-formulier", e));
        }
    }
    let form_number = paper.then(|| s.form.clone());
    let title = t_args(lang, "entry-title", &[("wave", &wave.name)]);
    let q = Notice {
        melding: None,
        n: None,
    };
    if !problems.is_empty() || !general.is_empty() {
        s.answers = answers::for_display(&s.answers, &fields, &problems);
        return Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            layout::page(
                &ctx,
                &title,
                entry_markup(&ctx, &wave, &def, &s, &problems, &general, &q),
            ),
        ));
    }
    let helper = (!s.helper.is_empty()).then(|| s.helper.clone());
    let meta = Meta {
        channel: s.channel.clone(),
        helper,
        language: Lang::from_code(&s.language)
            .unwrap_or(Lang::Nl)
            .code()
            .to_string(),
    };
    let answers = s.answers.clone();
    let wave2 = wave.clone();
    let def2 = def.clone();
    let result = state
        .db(move |conn| {
            let today = today();
            let opened = match &code {
                Some(c) => respond::open(conn, c, &meta.channel, today)
                    .map(|o| (o.wave, Some(o.invitation_id))),
                None => respond::check_window(&wave2, &meta.channel, today).map(|_| (wave2, None)),
            };
            Ok(match opened {
                Ok((w, invitation_id)) => keyed::store(
                    conn,
                    &keyed::KeyedForm {
                        wave: &w,
                        def: &def2,
                        invitation_id,
                        form: form_number.as_deref(),
                    },
                    &answers,
                    &meta,
                    today,
                ),
                Err(e) => Err(e.into()),
            })
        })
        .await?;
    let result = match result {
        Ok(()) => Ok(()),
        Err(keyed::KeyedError::Respond(e)) => Err(e),
        Err(keyed::KeyedError::FormStored) => {
            // Everything typed stays on the page; only the number needs a look.
            let general = [("invoer-formulier", t(lang, "entry-error-form-stored"))];
            return Ok(page_response(
                StatusCode::CONFLICT,
                layout::page(
                    &ctx,
                    &title,
                    entry_markup(&ctx, &wave, &def, &s, &[], &general, &q),
                ),
            ));
        }
    };
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/invoer/rondes/{}?melding=notice-entry-saved",
            wave.id
        ))),
        Err(RespondError::Db(e)) => Err(e.into()),
        Err(RespondError::Invalid(p)) => Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            layout::page(
                &ctx,
                &title,
                entry_markup(&ctx, &wave, &def, &s, &p, &[], &q),
            ),
        )),
        Err(e) => {
            // The respondent's own messages, except that here the answers were typed for nothing.
            let message = match &e {
                RespondError::Used => t(lang, "entry-error-used"),
                other => crate::surveys::respondent::refusal(lang, other).1,
            };
            let general = [("invoer-code", message)];
            Ok(page_response(
                StatusCode::CONFLICT,
                layout::page(
                    &ctx,
                    &title,
                    entry_markup(&ctx, &wave, &def, &s, &[], &general, &q),
                ),
            ))
        }
    }
}
