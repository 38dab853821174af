//! The letters page: thin handlers over the letters waiting to be posted.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::accounts::audit::{self, Actor};
use crate::accounts::model::Role;
use crate::complaints::access::{self, CaseAction, Denied};
use crate::complaints::store;
use crate::db::schema::{complaint_letters, complaints};
use crate::web::context::Ctx;
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

const COORDINATOR: Access = Access::Roles(&[Role::Klachtcoordinator]);

/// Routes of the letters page (the coordinator's only, as before).
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/klachten/brieven", COORDINATOR).get(letters_page),
        RouteDef::new("/klachten/brieven/{id}/verstuurd", COORDINATOR).post(letter_sent),
    ]
}

/// One letter waiting to be posted, as the page shows it.
pub(super) struct Waiting {
    pub id: i64,
    pub complaint: i64,
    pub received: NaiveDate,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created: NaiveDateTime,
}

async fn letters_page(ctx: Ctx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    type LetterRow = (i64, i64, NaiveDate, String, String, String, NaiveDateTime);
    let u = ctx.user.clone().ok_or(AppError::Unauthorized)?;
    let rows: Vec<LetterRow> = state
        .db(move |conn| {
            let rows: Vec<LetterRow> = complaint_letters::table
                .inner_join(complaints::table)
                .filter(complaint_letters::printed_on.is_null())
                .order(complaint_letters::id)
                .select((
                    complaint_letters::id,
                    complaints::id,
                    complaints::received_on,
                    complaint_letters::recipient,
                    complaint_letters::subject,
                    complaint_letters::body,
                    complaint_letters::created_at,
                ))
                .load(conn)?;
            // The letters show names and addresses: one line per case whose letters were shown.
            crate::db::write_tx(conn, |c| {
                let mut by_case: Vec<(i64, Vec<String>)> = vec![];
                for r in &rows {
                    match by_case.iter_mut().find(|(cid, _)| *cid == r.1) {
                        Some((_, ids)) => ids.push(r.0.to_string()),
                        None => by_case.push((r.1, vec![r.0.to_string()])),
                    }
                }
                for (cid, ids) in by_case {
                    audit::record(
                        c,
                        Actor::User(u.id),
                        "complaint.letters_viewed",
                        "complaint",
                        Some(&cid.to_string()),
                        Some(&format!("brieven {}", ids.join(","))),
                    )?;
                }
                Ok::<_, diesel::result::Error>(())
            })?;
            Ok(rows)
        })
        .await?;
    let letters: Vec<Waiting> = rows
        .into_iter()
        .map(
            |(id, complaint, received, recipient, subject, body, created)| Waiting {
                id,
                complaint,
                received,
                recipient,
                subject,
                body,
                created,
            },
        )
        .collect();
    Ok(page_response(
        StatusCode::OK,
        super::views::letters_page(&ctx, &letters),
    ))
}

async fn letter_sent(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let letter = path.into_inner();
    let u = ctx.user.clone().ok_or(AppError::Unauthorized)?;
    state
        .db(move |conn| {
            let complaint: i64 = complaint_letters::table
                .find(letter)
                .select(complaint_letters::complaint_id)
                .get_result(conn)
                .optional()?
                .ok_or(AppError::NotFound)?;
            let refused = crate::db::write_tx(conn, |c| {
                let case = store::load(c, complaint)?;
                let subject = access::Case::of(&case).ok_or_else(|| {
                    AppError::Internal(anyhow::anyhow!(
                        "complaint {complaint} has an unknown state"
                    ))
                })?;
                if let Err(why) = access::check(&u, CaseAction::MarkLetterPosted, &subject) {
                    return Ok::<_, AppError>(Some(why));
                }
                // Only a letter still waiting is marked; a second click changes nothing.
                let n = diesel::update(
                    complaint_letters::table
                        .find(letter)
                        .filter(complaint_letters::printed_on.is_null()),
                )
                .set(complaint_letters::printed_on.eq(crate::surveys::today()))
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
