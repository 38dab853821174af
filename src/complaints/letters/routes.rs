//! The letters pages (the coordinator's only): the letters waiting for the post, grouped by kind;
//! printing a chosen set as one PDF (a batch) and marking the batch as sent; one letter as PDF; and
//! the letterhead settings with the logo. Every print and every batch is in the audit log.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::service::{self, LetterFacts};
use crate::accounts::audit::{self, Actor};
use crate::accounts::model::{CurrentUser, Role};
use crate::complaints::access::{self, CaseAction, Denied};
use crate::complaints::store;
use crate::complaints::templates::LetterKind;
use crate::db::schema::{complaint_letter_batches, complaint_letters, complaints};
use crate::db::{now, write_tx, DbConnection};
use crate::web::context::Ctx;
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

const COORDINATOR: Access = Access::Roles(&[Role::Klachtcoordinator]);

/// Largest logo, in bytes.
pub const MAX_LOGO_BYTES: usize = 512 * 1024;

/// Routes of the letters pages (the coordinator's only).
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/klachten/brieven", COORDINATOR).get(letters_page),
        RouteDef::new("/klachten/brieven/instellingen", COORDINATOR)
            .get(super::settings_routes::settings_page)
            .post(super::settings_routes::settings_submit),
        RouteDef::new("/klachten/brieven/logo", COORDINATOR)
            .post(super::settings_routes::logo_submit),
        RouteDef::new("/klachten/brieven/stapel", COORDINATOR).post(batch_create),
        RouteDef::new("/klachten/brieven/stapel/{id}/pdf", COORDINATOR).get(batch_pdf),
        RouteDef::new("/klachten/brieven/stapel/{id}/verstuurd", COORDINATOR).post(batch_sent),
        RouteDef::new("/klachten/brieven/{id}/pdf", COORDINATOR).get(letter_pdf),
        RouteDef::new("/klachten/brieven/{id}/verstuurd", COORDINATOR).post(letter_sent),
    ]
}

/// One letter waiting to be posted, as the page lists it.
pub(super) struct Waiting {
    pub id: i64,
    pub complaint: i64,
    pub received: NaiveDate,
    pub kind: LetterKind,
    pub addressee: String,
    pub name: String,
    pub created: NaiveDateTime,
    pub batch: Option<i64>,
}

/// A batch printed and not yet marked as sent.
pub(super) struct OpenBatch {
    pub id: i64,
    pub created: NaiveDateTime,
    pub letters: i32,
}

#[derive(serde::Deserialize, Default)]
struct PageQuery {
    melding: Option<String>,
}

pub(super) fn user(ctx: &Ctx) -> Result<CurrentUser, AppError> {
    ctx.user.clone().ok_or(AppError::Unauthorized)
}

/// Writes one audit line per case: `action` with the letter numbers (never names).
fn audit_per_case(
    c: &mut DbConnection,
    u: &CurrentUser,
    action: &str,
    letters: &[(i64, i64)],
    prefix: &str,
) -> QueryResult<()> {
    let mut by_case: Vec<(i64, Vec<String>)> = vec![];
    for (letter, case) in letters {
        match by_case.iter_mut().find(|(cid, _)| cid == case) {
            Some((_, ids)) => ids.push(letter.to_string()),
            None => by_case.push((*case, vec![letter.to_string()])),
        }
    }
    for (cid, ids) in by_case {
        audit::record(
            c,
            Actor::User(u.id),
            action,
            "complaint",
            Some(&cid.to_string()),
            Some(&format!("{prefix}brieven {}", ids.join(","))),
        )?;
    }
    Ok(())
}

async fn letters_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = q
        .melding
        .as_deref()
        .filter(|m| {
            [
                "letters-notice-batch",
                "letters-notice-sent",
                "letters-notice-settings",
                "letters-notice-logo",
            ]
            .contains(m)
        })
        .map(str::to_string);
    list(&ctx, &state, notice.as_deref(), None, StatusCode::OK).await
}

/// The letters page, with a notice or with what to fix.
async fn list(
    ctx: &Ctx,
    state: &web::Data<AppState>,
    notice: Option<&str>,
    error: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    type Row = (
        i64,
        i64,
        NaiveDate,
        LetterKind,
        String,
        String,
        NaiveDateTime,
        Option<i64>,
    );
    let u = user(ctx)?;
    let (rows, batches) = state
        .db(move |conn| {
            let rows: Vec<Row> = complaint_letters::table
                .inner_join(complaints::table)
                .filter(complaint_letters::printed_on.is_null())
                .order(complaint_letters::id)
                .select((
                    complaint_letters::id,
                    complaints::id,
                    complaints::received_on,
                    complaint_letters::kind,
                    complaint_letters::addressee,
                    complaint_letters::recipient,
                    complaint_letters::created_at,
                    complaint_letters::batch_id,
                ))
                .load(conn)?;
            let batches: Vec<(i64, NaiveDateTime, i32)> = complaint_letter_batches::table
                .filter(complaint_letter_batches::sent_on.is_null())
                .order(complaint_letter_batches::id)
                .select((
                    complaint_letter_batches::id,
                    complaint_letter_batches::created_at,
                    complaint_letter_batches::letters,
                ))
                .load(conn)?;
            // The list shows names: one line per case whose letters were shown.
            let shown: Vec<(i64, i64)> = rows.iter().map(|r| (r.0, r.1)).collect();
            write_tx(conn, |c| {
                audit_per_case(c, &u, "complaint.letters_viewed", &shown, "")
            })?;
            Ok((rows, batches))
        })
        .await?;
    let letters: Vec<Waiting> = rows
        .into_iter()
        .map(
            |(id, complaint, received, kind, addressee, recipient, created, batch)| Waiting {
                id,
                complaint,
                received,
                kind,
                addressee,
                name: recipient.lines().next().unwrap_or("").to_string(),
                created,
                batch,
            },
        )
        .collect();
    let batches: Vec<OpenBatch> = batches
        .into_iter()
        .map(|(id, created, letters)| OpenBatch {
            id,
            created,
            letters,
        })
        .collect();
    Ok(page_response(
        status,
        super::views::letters_page(ctx, &letters, &batches, notice, error),
    ))
}

/// A PDF shown in the browser's reader (to print from), never cached: it holds names and addresses.
pub(crate) fn pdf_response(name: &str, pdf: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{name}\""),
        ))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("Cache-Control", "no-store"))
        .body(pdf)
}

/// The stored facts and logos of letters, in order.
fn facts_of(
    c: &mut DbConnection,
    env: &store::Env<'_>,
    ids: &[i64],
) -> Result<Vec<(LetterFacts, Option<super::pdf::Logo>)>, AppError> {
    let mut out = vec![];
    for id in ids {
        let facts = service::stored_facts(c, env, *id)?.ok_or(AppError::NotFound)?;
        let logo = match facts.logo {
            Some(l) => super::pdf::Logo::load(c, l)?,
            None => None,
        };
        out.push((facts, logo));
    }
    Ok(out)
}

fn make_pdf(letters: &[(LetterFacts, Option<super::pdf::Logo>)]) -> Result<Vec<u8>, AppError> {
    let refs: Vec<(&LetterFacts, Option<&super::pdf::Logo>)> =
        letters.iter().map(|(f, l)| (f, l.as_ref())).collect();
    super::pdf::letters_pdf(&refs).map_err(|e| AppError::Internal(e.into()))
}

async fn letter_pdf(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let letter = path.into_inner();
    let u = user(&ctx)?;
    let setup = state.part::<crate::complaints::Setup>()?;
    let (name, pdf) = state
        .db(move |conn| {
            let complaint: i64 = complaint_letters::table
                .find(letter)
                .select(complaint_letters::complaint_id)
                .first(conn)
                .optional()?
                .ok_or(AppError::NotFound)?;
            let env = setup.env();
            let letters = facts_of(conn, &env, &[letter])?;
            write_tx(conn, |c| {
                audit_per_case(
                    c,
                    &u,
                    "complaint.letters_printed",
                    &[(letter, complaint)],
                    "",
                )
            })?;
            let name = letters
                .first()
                .map(|(f, _)| f.file_name())
                .unwrap_or_default();
            Ok((name, make_pdf(&letters)?))
        })
        .await?;
    Ok(pdf_response(&name, pdf))
}

async fn batch_create(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let u = user(&ctx)?;
    let chosen: Vec<i64> = fields
        .iter()
        .filter(|(k, _)| k == "brief")
        .filter_map(|(_, v)| v.trim().parse().ok())
        .collect();
    if chosen.is_empty() {
        return refuse_page(&ctx, &state, "letters-error-none").await;
    }
    let batch = state
        .db(move |conn| {
            write_tx(conn, |c| {
                // Only letters still waiting and in no batch yet; others are left out.
                let letters: Vec<(i64, i64)> = complaint_letters::table
                    .filter(complaint_letters::id.eq_any(&chosen))
                    .filter(complaint_letters::printed_on.is_null())
                    .filter(complaint_letters::batch_id.is_null())
                    .order(complaint_letters::id)
                    .select((complaint_letters::id, complaint_letters::complaint_id))
                    .load(c)?;
                if letters.is_empty() {
                    return Ok::<_, AppError>(None);
                }
                diesel::insert_into(complaint_letter_batches::table)
                    .values((
                        complaint_letter_batches::created_at.eq(now()),
                        complaint_letter_batches::created_by.eq(u.id),
                        complaint_letter_batches::letters.eq(letters.len() as i32),
                    ))
                    .execute(c)?;
                let id: i64 = complaint_letter_batches::table
                    .filter(complaint_letter_batches::created_by.eq(u.id))
                    .select(complaint_letter_batches::id)
                    .order(complaint_letter_batches::id.desc())
                    .first(c)?;
                let ids: Vec<i64> = letters.iter().map(|l| l.0).collect();
                diesel::update(complaint_letters::table.filter(complaint_letters::id.eq_any(&ids)))
                    .set(complaint_letters::batch_id.eq(id))
                    .execute(c)?;
                audit::record(
                    c,
                    Actor::User(u.id),
                    "complaint.letter_batch_made",
                    "letter_batch",
                    Some(&id.to_string()),
                    Some(&format!("{} brieven", ids.len())),
                )?;
                audit_per_case(
                    c,
                    &u,
                    "complaint.letters_batched",
                    &letters,
                    &format!("stapel {id}: "),
                )?;
                Ok(Some(id))
            })
        })
        .await?;
    match batch {
        Some(id) => Ok(see_other(&format!(
            "/klachten/brieven?melding=letters-notice-batch#stapel-{id}"
        ))),
        None => refuse_page(&ctx, &state, "letters-error-none").await,
    }
}

/// The letters page again with what to fix.
async fn refuse_page(
    ctx: &Ctx,
    state: &web::Data<AppState>,
    key: &'static str,
) -> Result<HttpResponse, AppError> {
    list(
        ctx,
        state,
        None,
        Some(key),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// The letters of batch `id`, in order.
fn batch_letters(c: &mut DbConnection, id: i64) -> QueryResult<Vec<(i64, i64)>> {
    complaint_letters::table
        .filter(complaint_letters::batch_id.eq(id))
        .order(complaint_letters::id)
        .select((complaint_letters::id, complaint_letters::complaint_id))
        .load(c)
}

async fn batch_pdf(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let u = user(&ctx)?;
    let setup = state.part::<crate::complaints::Setup>()?;
    let pdf = state
        .db(move |conn| {
            let letters = batch_letters(conn, id)?;
            if letters.is_empty() {
                return Err(AppError::NotFound);
            }
            let env = setup.env();
            let ids: Vec<i64> = letters.iter().map(|l| l.0).collect();
            let facts = facts_of(conn, &env, &ids)?;
            write_tx(conn, |c| {
                audit_per_case(
                    c,
                    &u,
                    "complaint.letters_printed",
                    &letters,
                    &format!("stapel {id}: "),
                )
            })?;
            make_pdf(&facts)
        })
        .await?;
    Ok(pdf_response(&format!("brieven-stapel-{id}.pdf"), pdf))
}

async fn batch_sent(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let u = user(&ctx)?;
    state
        .db(move |conn| {
            write_tx(conn, |c| {
                let open: Option<Option<NaiveDate>> = complaint_letter_batches::table
                    .find(id)
                    .select(complaint_letter_batches::sent_on)
                    .first(c)
                    .optional()?;
                match open {
                    None => return Err(AppError::NotFound),
                    // Marked before: a second click changes nothing.
                    Some(Some(_)) => return Ok(()),
                    Some(None) => {}
                }
                let today = crate::fmt::today();
                let letters = batch_letters(c, id)?;
                for (letter, case) in &letters {
                    let n = diesel::update(
                        complaint_letters::table
                            .find(letter)
                            .filter(complaint_letters::printed_on.is_null()),
                    )
                    .set(complaint_letters::printed_on.eq(today))
                    .execute(c)?;
                    if n > 0 {
                        store::note(c, *case, u.id, "letter_posted", None)?;
                    }
                }
                diesel::update(complaint_letter_batches::table.find(id))
                    .set((
                        complaint_letter_batches::sent_on.eq(today),
                        complaint_letter_batches::sent_by.eq(u.id),
                    ))
                    .execute(c)?;
                audit::record(
                    c,
                    Actor::User(u.id),
                    "complaint.letter_batch_sent",
                    "letter_batch",
                    Some(&id.to_string()),
                    Some(&format!("{} brieven", letters.len())),
                )?;
                Ok(())
            })
        })
        .await?;
    Ok(see_other("/klachten/brieven?melding=letters-notice-sent"))
}

async fn letter_sent(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let letter = path.into_inner();
    let u = user(&ctx)?;
    state
        .db(move |conn| {
            let complaint: i64 = complaint_letters::table
                .find(letter)
                .select(complaint_letters::complaint_id)
                .get_result(conn)
                .optional()?
                .ok_or(AppError::NotFound)?;
            let refused = write_tx(conn, |c| {
                let case = store::load(c, complaint)?;
                let subject = access::Case::of(&case);
                if let Err(why) = access::check(&u, CaseAction::MarkLetterPosted, &subject) {
                    return Ok::<_, AppError>(Some(why));
                }
                // Only a letter still waiting is marked; a second click changes nothing.
                let n = diesel::update(
                    complaint_letters::table
                        .find(letter)
                        .filter(complaint_letters::printed_on.is_null()),
                )
                .set(complaint_letters::printed_on.eq(crate::fmt::today()))
                .execute(c)?;
                if n > 0 {
                    store::note(c, complaint, u.id, "letter_posted", None)?;
                }
                Ok(None)
            })?;
            match refused {
                None => Ok(()),
                Some(why) => {
                    let code = match why {
                        Denied::Hidden => "hidden",
                        Denied::NotYours => "not_yours",
                        Denied::WrongState => "wrong_state",
                    };
                    if why != Denied::WrongState {
                        audit::record(
                            conn,
                            Actor::User(u.id),
                            "complaint.access_refused",
                            "complaint",
                            Some(&complaint.to_string()),
                            Some(&format!("{} {code}", CaseAction::MarkLetterPosted.code())),
                        )?;
                    }
                    Err(match why {
                        Denied::Hidden => AppError::NotFound,
                        Denied::NotYours | Denied::WrongState => AppError::Forbidden,
                    })
                }
            }
        })
        .await?;
    Ok(see_other("/klachten/brieven"))
}
