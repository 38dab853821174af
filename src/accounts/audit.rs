//! Append-only audit log: who did what, to which record, when. It answers the question a
//! municipality must be able to answer under the BIO and the AVG: who saw or changed whose personal
//! data. It holds every change of a complaint and every view of its personal data, downloads of
//! attachments, exports of answers, paper imports and corrections, downloads of the council report,
//! account and role changes, and refused access to a case.
//!
//! Lines hold account numbers, action codes and record numbers only, never names, addresses or
//! texts; the database refuses updates and deletions of this table (see the foundation migration).
//! The administrator reads it filtered by account, action, record and period ([`Filter`]), on
//! screen page by page and as CSV with the same filter.

use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use diesel::prelude::*;

use crate::db::schema::{audit_log, users};
use crate::db::DbConnection;
use crate::web::errors::AppError;
use crate::web::AppState;

/// Who did it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// A logged-in staff member (account number).
    User(i64),
    /// Someone at the server's command line.
    Cli,
    /// The product itself (scheduled work).
    System,
    /// A resident on the public pages (not logged in, not identified).
    Public,
}

impl Actor {
    fn parts(self) -> (Option<i64>, &'static str) {
        match self {
            Actor::User(id) => (Some(id), "web"),
            Actor::Cli => (None, "cli"),
            Actor::System => (None, "system"),
            Actor::Public => (None, "public"),
        }
    }

    /// Who sent this request: the logged-in staff member, otherwise a resident.
    pub fn of(ctx: &crate::web::context::Ctx) -> Actor {
        ctx.user
            .as_ref()
            .map_or(Actor::Public, |u| Actor::User(u.id))
    }

    /// A staff member when known, otherwise the product.
    pub fn user_or_system(id: Option<i64>) -> Actor {
        id.map_or(Actor::System, Actor::User)
    }
}

/// Records one action. `detail` must not hold personal data (role codes, counts, states and record
/// numbers are fine).
pub fn record(
    conn: &mut DbConnection,
    actor: Actor,
    action: &str,
    record_type: &str,
    record_id: Option<&str>,
    detail: Option<&str>,
) -> QueryResult<()> {
    let (actor_id, via) = actor.parts();
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(crate::db::now()),
            audit_log::actor_id.eq(actor_id),
            audit_log::via.eq(via),
            audit_log::action.eq(action),
            audit_log::record_type.eq(record_type),
            audit_log::record_id.eq(record_id),
            audit_log::detail.eq(detail),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records one action from a handler, on its own connection: for views and downloads, where the
/// line must be written before the data goes out (when it cannot be written, nothing goes out).
pub async fn log(
    state: &AppState,
    actor: Actor,
    action: &'static str,
    record_type: &'static str,
    record_id: Option<String>,
    detail: Option<String>,
) -> Result<(), AppError> {
    state
        .db(move |conn| {
            Ok(record(
                conn,
                actor,
                action,
                record_type,
                record_id.as_deref(),
                detail.as_deref(),
            )?)
        })
        .await
}

/// Records that a logged-in staff member was refused a route (403). A refusal on a complaint
/// (`/klachten/42/...`) is filed under that complaint, so the complaint's trail shows it.
pub fn refused_route(
    conn: &mut DbConnection,
    user_id: i64,
    pattern: &str,
    path: &str,
) -> QueryResult<()> {
    let (record_type, record_id) = match crate::complaints::access::case_in_path(path) {
        Some(id) => ("complaint", id.to_string()),
        None => ("route", pattern.to_string()),
    };
    let detail = format!("route {pattern}");
    record(
        conn,
        Actor::User(user_id),
        "access.refused",
        record_type,
        Some(&record_id),
        Some(&detail),
    )
}

/// One line of the log as shown to the administrator.
#[derive(Debug, Clone, Queryable)]
pub struct AuditEntry {
    /// Sequence number.
    pub id: i64,
    /// When (UTC).
    pub at: NaiveDateTime,
    /// Account number of the actor, if a person.
    pub actor_id: Option<i64>,
    /// Login name of the actor (staff names are not client data).
    pub actor_username: Option<String>,
    /// web, cli, system or public.
    pub via: String,
    /// Action code, e.g. `user.disabled`.
    pub action: String,
    /// Kind of record, e.g. `user`.
    pub record_type: String,
    /// Record number.
    pub record_id: Option<String>,
    /// Non-personal detail.
    pub detail: Option<String>,
}

/// The filter as typed on the log page (query parameters in Dutch, as the page sends them).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct FilterForm {
    /// Login name of the staff member.
    #[serde(default)]
    pub gebruiker: String,
    /// Action code, or the start of one up to a dot (`complaint` finds `complaint.viewed`).
    #[serde(default)]
    pub actie: String,
    /// Kind of record, e.g. `complaint`.
    #[serde(default)]
    pub soort: String,
    /// Record number.
    #[serde(default)]
    pub record: String,
    /// First day (YYYY-MM-DD or DD-MM-YYYY), Dutch time.
    #[serde(default)]
    pub van: String,
    /// Last day, included.
    #[serde(default)]
    pub tot: String,
    /// Page number from 1.
    #[serde(default)]
    pub pagina: Option<i64>,
}

/// A checked filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Account number of the actor.
    pub actor_id: Option<i64>,
    /// Action code or prefix.
    pub action: Option<String>,
    /// Kind of record.
    pub record_type: Option<String>,
    /// Record number.
    pub record_id: Option<String>,
    /// First day, Dutch time.
    pub from: Option<NaiveDate>,
    /// Last day, Dutch time, included.
    pub to: Option<NaiveDate>,
}

/// What is wrong with a filter field: (field, message key).
pub type FilterProblem = (&'static str, &'static str);

fn code_like(s: &str, extra: &str, max: usize) -> bool {
    !s.is_empty()
        && s.len() <= max
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || extra.contains(c))
}

/// A day as the date field sends it (YYYY-MM-DD) or as people write it (DD-MM-YYYY).
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d-%m-%Y"))
        .ok()
}

impl FilterForm {
    /// Checks the typed values; the account is looked up by `find_user` (login name → number).
    pub fn check(
        &self,
        find_user: impl FnOnce(&str) -> Option<i64>,
    ) -> Result<Filter, Vec<FilterProblem>> {
        let mut problems = vec![];
        let mut f = Filter::default();
        let user = self.gebruiker.trim();
        if !user.is_empty() {
            match find_user(user) {
                Some(id) => f.actor_id = Some(id),
                None => problems.push(("gebruiker", "audit-filter-error-user")),
            }
        }
        let action = self.actie.trim().to_lowercase();
        if !action.is_empty() {
            if code_like(&action, "._", 80) {
                f.action = Some(action.trim_end_matches('.').to_string());
            } else {
                problems.push(("actie", "audit-filter-error-code"));
            }
        }
        let kind = self.soort.trim().to_lowercase();
        if !kind.is_empty() {
            if code_like(&kind, "_", 40) {
                f.record_type = Some(kind);
            } else {
                problems.push(("soort", "audit-filter-error-code"));
            }
        }
        let record = self.record.trim();
        if !record.is_empty() {
            let ok = record.len() <= 200
                && record
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./{}".contains(c));
            if ok {
                f.record_id = Some(record.to_string());
            } else {
                problems.push(("record", "audit-filter-error-record"));
            }
        }
        for (field, raw, slot) in [
            ("van", &self.van, &mut f.from),
            ("tot", &self.tot, &mut f.to),
        ] {
            if raw.trim().is_empty() {
                continue;
            }
            match parse_day(raw) {
                Some(d) => *slot = Some(d),
                None => problems.push((field, "audit-filter-error-date")),
            }
        }
        if let (Some(a), Some(b)) = (f.from, f.to) {
            if a > b {
                problems.push(("tot", "audit-filter-error-period"));
            }
        }
        if problems.is_empty() {
            Ok(f)
        } else {
            Err(problems)
        }
    }

    /// The filter as a query string for links (paging, the CSV export), without the page.
    pub fn query(&self) -> String {
        let pairs = [
            ("gebruiker", &self.gebruiker),
            ("actie", &self.actie),
            ("soort", &self.soort),
            ("record", &self.record),
            ("van", &self.van),
            ("tot", &self.tot),
        ];
        pairs
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| format!("{k}={}", crate::web::routes::encode(v.trim())))
            .collect::<Vec<_>>()
            .join("&")
    }
}

impl Filter {
    /// Whether anything is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// The filter in words for the log line of an export (account numbers and codes only).
    pub fn describe(&self) -> Option<String> {
        let mut parts = vec![];
        if let Some(id) = self.actor_id {
            parts.push(format!("account={id}"));
        }
        if let Some(a) = &self.action {
            parts.push(format!("actie={a}"));
        }
        if let Some(t) = &self.record_type {
            parts.push(format!("soort={t}"));
        }
        if let Some(r) = &self.record_id {
            parts.push(format!("record={r}"));
        }
        if let Some(d) = self.from {
            parts.push(format!("van={d}"));
        }
        if let Some(d) = self.to {
            parts.push(format!("tot={d}"));
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// The start of a Dutch day in UTC.
fn day_start_utc(d: NaiveDate) -> NaiveDateTime {
    let local = d.and_time(chrono::NaiveTime::MIN);
    chrono_tz::Europe::Amsterdam
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.naive_utc())
        // A day always starts (no gap at midnight in this zone); a safe fallback all the same.
        .unwrap_or(local - chrono::Duration::hours(2))
}

/// `a` or `a.…`, for LIKE with `\` as escape.
fn prefix_pattern(action: &str) -> String {
    let escaped: String = action
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("{escaped}.%")
}

type Source = diesel::dsl::LeftJoin<audit_log::table, users::table>;
type Boxed = diesel::dsl::IntoBoxed<'static, Source, <DbConnection as diesel::Connection>::Backend>;

/// The log with the filter applied (one place for the page, the count and the export).
fn filtered(f: &Filter) -> Boxed {
    let mut q = audit_log::table.left_join(users::table).into_boxed();
    if let Some(id) = f.actor_id {
        q = q.filter(audit_log::actor_id.eq(id));
    }
    if let Some(a) = &f.action {
        q = q.filter(
            audit_log::action
                .eq(a.clone())
                .or(audit_log::action.like(prefix_pattern(a)).escape('\\')),
        );
    }
    if let Some(t) = &f.record_type {
        q = q.filter(audit_log::record_type.eq(t.clone()));
    }
    if let Some(r) = &f.record_id {
        q = q.filter(audit_log::record_id.eq(r.clone()));
    }
    if let Some(d) = f.from {
        q = q.filter(audit_log::at.ge(day_start_utc(d)));
    }
    if let Some(d) = f.to {
        q = q.filter(audit_log::at.lt(day_start_utc(d + chrono::Duration::days(1))));
    }
    q
}

/// The account number of a login name.
pub fn user_id(conn: &mut DbConnection, username: &str) -> QueryResult<Option<i64>> {
    users::table
        .filter(users::username.eq(username))
        .select(users::id)
        .first(conn)
        .optional()
}

/// The newest entries first, `limit` at a time.
pub fn list(
    conn: &mut DbConnection,
    f: &Filter,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<AuditEntry>> {
    filtered(f)
        .order(audit_log::id.desc())
        .limit(limit)
        .offset(offset)
        .select((
            audit_log::id,
            audit_log::at,
            audit_log::actor_id,
            users::username.nullable(),
            audit_log::via,
            audit_log::action,
            audit_log::record_type,
            audit_log::record_id,
            audit_log::detail,
        ))
        .load(conn)
}

/// Number of entries that match.
pub fn count(conn: &mut DbConnection, f: &Filter) -> QueryResult<i64> {
    filtered(f).count().get_result(conn)
}

/// Writes the matching lines as CSV (oldest first), reading them in pages so memory stays bounded.
pub fn write_csv<W: std::io::Write>(
    conn: &mut DbConnection,
    f: &Filter,
    out: W,
    flavour: crate::csv_safe::Flavour,
) -> anyhow::Result<()> {
    let mut w = crate::csv_safe::Writer::with_flavour(out, flavour);
    w.write_record([
        "id",
        "tijdstip",
        "account_id",
        "account",
        "via",
        "actie",
        "soort",
        "record",
        "detail",
    ])?;
    let mut after = 0i64;
    loop {
        let page: Vec<AuditEntry> = filtered(f)
            .filter(audit_log::id.gt(after))
            .order(audit_log::id.asc())
            .limit(1000)
            .select((
                audit_log::id,
                audit_log::at,
                audit_log::actor_id,
                users::username.nullable(),
                audit_log::via,
                audit_log::action,
                audit_log::record_type,
                audit_log::record_id,
                audit_log::detail,
            ))
            .load(conn)?;
        let Some(last) = page.last() else { break };
        after = last.id;
        for e in &page {
            w.write_record([
                e.id.to_string(),
                crate::fmt::local_iso(e.at),
                e.actor_id.map(|i| i.to_string()).unwrap_or_default(),
                e.actor_username.clone().unwrap_or_default(),
                e.via.clone(),
                e.action.clone(),
                e.record_type.clone(),
                e.record_id.clone().unwrap_or_default(),
                e.detail.clone().unwrap_or_default(),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FilterForm {
        let mut f = FilterForm::default();
        for (k, v) in pairs {
            let v = v.to_string();
            match *k {
                "gebruiker" => f.gebruiker = v,
                "actie" => f.actie = v,
                "soort" => f.soort = v,
                "record" => f.record = v,
                "van" => f.van = v,
                "tot" => f.tot = v,
                _ => unreachable!(),
            }
        }
        f
    }

    #[test]
    fn a_filter_is_checked_at_the_edge() {
        let f = form(&[
            ("gebruiker", "k.coordinator"),
            ("actie", "Complaint."),
            ("soort", "complaint"),
            ("record", "42"),
            ("van", "01-03-2026"),
            ("tot", "2026-03-31"),
        ])
        .check(|u| (u == "k.coordinator").then_some(5))
        .unwrap();
        assert_eq!(
            f,
            Filter {
                actor_id: Some(5),
                action: Some("complaint".into()),
                record_type: Some("complaint".into()),
                record_id: Some("42".into()),
                from: NaiveDate::from_ymd_opt(2026, 3, 1),
                to: NaiveDate::from_ymd_opt(2026, 3, 31),
            }
        );
        assert_eq!(
            f.describe().unwrap(),
            "account=5 actie=complaint soort=complaint record=42 van=2026-03-01 tot=2026-03-31"
        );
        let problems = form(&[
            ("gebruiker", "niemand"),
            ("actie", "x'; drop"),
            ("record", "a b"),
            ("van", "gisteren"),
        ])
        .check(|_| None)
        .unwrap_err();
        assert_eq!(
            problems.iter().map(|(f, _)| *f).collect::<Vec<_>>(),
            ["gebruiker", "actie", "record", "van"]
        );
        let backwards = form(&[("van", "2026-04-01"), ("tot", "2026-03-01")])
            .check(|_| None)
            .unwrap_err();
        assert_eq!(backwards, [("tot", "audit-filter-error-period")]);
        assert!(FilterForm::default().check(|_| None).unwrap().is_empty());
    }

    #[test]
    fn the_filter_travels_in_links() {
        let f = form(&[
            ("actie", "complaint"),
            ("record", "42"),
            ("van", "2026-03-01"),
        ]);
        assert_eq!(f.query(), "actie=complaint&record=42&van=2026-03-01");
    }

    #[test]
    fn an_action_prefix_stops_at_a_dot() {
        assert_eq!(prefix_pattern("complaint"), "complaint.%");
        assert_eq!(prefix_pattern("user.roles_set"), "user.roles\\_set.%");
    }

    #[test]
    fn days_are_dutch_days() {
        // Winter: UTC+1; summer: UTC+2.
        let jan = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        assert_eq!(
            day_start_utc(jan),
            jan.pred_opt().unwrap().and_hms_opt(23, 0, 0).unwrap()
        );
        let jul = NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
        assert_eq!(
            day_start_utc(jul),
            jul.pred_opt().unwrap().and_hms_opt(22, 0, 0).unwrap()
        );
    }
}
