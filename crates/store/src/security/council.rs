//! The Security Council: meetings and their agendas, decisions and recommendations assigned to
//! bodies with deadlines, and execution reports with the secretariat's review.

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_rules::security::vocabulary::{AgendaKind, DecisionKind, Review};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::decode;
use crate::{Conn, StoreError};

/// A meeting of the Security Council.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub id: i64,
    pub held_on: NaiveDate,
    pub title: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for Meeting {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            held_on: decode::date(row, "held_on")?,
            title: row.try_get("title")?,
            created_by: row.try_get("created_by")?,
            created_at: decode::instant(row, "created_at")?,
        })
    }
}

/// An item of a meeting's agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    pub id: i64,
    pub meeting_id: i64,
    pub position: i64,
    pub kind: AgendaKind,
    pub title: String,
    /// The body heard (a point of Art. 15.1), for a hearing of a head of a body.
    pub body: Option<i64>,
}

impl sqlx::FromRow<'_, AnyRow> for AgendaItem {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            meeting_id: row.try_get("meeting_id")?,
            position: row.try_get("position")?,
            kind: decode::word(row, "kind")?,
            title: row.try_get("title")?,
            body: row.try_get("body")?,
        })
    }
}

/// A decision or recommendation assigned to a body with a deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouncilDecision {
    pub id: i64,
    pub meeting_id: i64,
    pub agenda_item_id: Option<i64>,
    pub kind: DecisionKind,
    pub text: String,
    /// The body it is assigned to (a point of Art. 15.1).
    pub body: i64,
    pub deadline: NaiveDate,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for CouncilDecision {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            meeting_id: row.try_get("meeting_id")?,
            agenda_item_id: row.try_get("agenda_item_id")?,
            kind: decode::word(row, "kind")?,
            text: row.try_get("text")?,
            body: row.try_get("body")?,
            deadline: decode::date(row, "deadline")?,
            created_by: row.try_get("created_by")?,
            created_at: decode::instant(row, "created_at")?,
        })
    }
}

/// A body's report on the execution of a decision, with the secretariat's review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecutionReport {
    pub id: i64,
    pub decision_id: i64,
    pub reported_on: NaiveDate,
    pub text: String,
    pub reported_by: String,
    pub recorded_at: DateTime<Utc>,
    pub review: Review,
    pub review_note: String,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<DateTime<Utc>>,
}

impl sqlx::FromRow<'_, AnyRow> for ExecutionReport {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            decision_id: row.try_get("decision_id")?,
            reported_on: decode::date(row, "reported_on")?,
            text: row.try_get("text")?,
            reported_by: row.try_get("reported_by")?,
            recorded_at: decode::instant(row, "recorded_at")?,
            review: decode::word(row, "review")?,
            review_note: row.try_get("review_note")?,
            reviewed_by: row.try_get("reviewed_by")?,
            reviewed_at: decode::opt_instant(row, "reviewed_at")?,
        })
    }
}

pub async fn insert_meeting(conn: &mut Conn, m: &Meeting) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO council_meetings (held_on, title, created_by, created_at) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(decode::format_date(m.held_on))
    .bind(&m.title)
    .bind(&m.created_by)
    .bind(decode::format_instant(m.created_at))
    .fetch_one(conn)
    .await?)
}

pub async fn meetings(conn: &mut Conn) -> Result<Vec<Meeting>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, held_on, title, created_by, created_at FROM council_meetings \
         ORDER BY held_on DESC, id DESC",
    )
    .fetch_all(conn)
    .await?)
}

pub async fn meeting(conn: &mut Conn, id: i64) -> Result<Meeting, StoreError> {
    sqlx::query_as(
        "SELECT id, held_on, title, created_by, created_at FROM council_meetings WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| StoreError::NotFound {
        entity: "meeting",
        id: id.to_string(),
    })
}

/// Appends an item at the end of the meeting's agenda.
pub async fn insert_agenda_item(conn: &mut Conn, item: &AgendaItem) -> Result<i64, StoreError> {
    let position: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(position), 0) + 1 FROM council_agenda_items WHERE meeting_id = $1",
    )
    .bind(item.meeting_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(sqlx::query_scalar(
        "INSERT INTO council_agenda_items (meeting_id, position, kind, title, body) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(item.meeting_id)
    .bind(position)
    .bind(item.kind.as_str())
    .bind(&item.title)
    .bind(item.body)
    .fetch_one(conn)
    .await?)
}

pub async fn agenda(conn: &mut Conn, meeting: i64) -> Result<Vec<AgendaItem>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, meeting_id, position, kind, title, body FROM council_agenda_items \
         WHERE meeting_id = $1 ORDER BY position",
    )
    .bind(meeting)
    .fetch_all(conn)
    .await?)
}

const DECISION_COLUMNS: &str =
    "id, meeting_id, agenda_item_id, kind, text, body, deadline, created_by, created_at";

pub async fn insert_decision(conn: &mut Conn, d: &CouncilDecision) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO council_decisions (meeting_id, agenda_item_id, kind, text, body, deadline, \
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(d.meeting_id)
    .bind(d.agenda_item_id)
    .bind(d.kind.as_str())
    .bind(&d.text)
    .bind(d.body)
    .bind(decode::format_date(d.deadline))
    .bind(&d.created_by)
    .bind(decode::format_instant(d.created_at))
    .fetch_one(conn)
    .await?)
}

pub async fn decision(conn: &mut Conn, id: i64) -> Result<CouncilDecision, StoreError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {DECISION_COLUMNS} FROM council_decisions WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| StoreError::NotFound {
        entity: "decision",
        id: id.to_string(),
    })
}

/// Decisions of one meeting, or of every meeting when `meeting` is `None`, by deadline.
pub async fn decisions(
    conn: &mut Conn,
    meeting: Option<i64>,
) -> Result<Vec<CouncilDecision>, StoreError> {
    let sql = match meeting {
        Some(_) => format!(
            "SELECT {DECISION_COLUMNS} FROM council_decisions WHERE meeting_id = $1 \
             ORDER BY deadline, id"
        ),
        None => format!("SELECT {DECISION_COLUMNS} FROM council_decisions ORDER BY deadline, id"),
    };
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    if let Some(meeting) = meeting {
        query = query.bind(meeting);
    }
    Ok(query.fetch_all(conn).await?)
}

const REPORT_COLUMNS: &str = "id, decision_id, reported_on, text, reported_by, recorded_at, \
     review, review_note, reviewed_by, reviewed_at";

pub async fn insert_report(conn: &mut Conn, r: &ExecutionReport) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO council_reports (decision_id, reported_on, text, reported_by, recorded_at, \
         review, review_note) VALUES ($1, $2, $3, $4, $5, $6, '') RETURNING id",
    )
    .bind(r.decision_id)
    .bind(decode::format_date(r.reported_on))
    .bind(&r.text)
    .bind(&r.reported_by)
    .bind(decode::format_instant(r.recorded_at))
    .bind(Review::Pending.as_str())
    .fetch_one(conn)
    .await?)
}

pub async fn report(conn: &mut Conn, id: i64) -> Result<ExecutionReport, StoreError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {REPORT_COLUMNS} FROM council_reports WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| StoreError::NotFound {
        entity: "execution report",
        id: id.to_string(),
    })
}

/// Records the secretariat's review of a pending report; false when it was no longer pending.
pub async fn review_report(
    conn: &mut Conn,
    id: i64,
    review: Review,
    note: &str,
    by: &str,
    at: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE council_reports SET review = $1, review_note = $2, reviewed_by = $3, \
         reviewed_at = $4 WHERE id = $5 AND review = $6",
    )
    .bind(review.as_str())
    .bind(note)
    .bind(by)
    .bind(at)
    .bind(id)
    .bind(Review::Pending.as_str())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Reports of the given decisions (all decisions when `decision` is `None`), oldest first.
pub async fn reports(
    conn: &mut Conn,
    decision: Option<i64>,
) -> Result<Vec<ExecutionReport>, StoreError> {
    let sql = match decision {
        Some(_) => format!(
            "SELECT {REPORT_COLUMNS} FROM council_reports WHERE decision_id = $1 ORDER BY id"
        ),
        None => format!("SELECT {REPORT_COLUMNS} FROM council_reports ORDER BY decision_id, id"),
    };
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    if let Some(decision) = decision {
        query = query.bind(decision);
    }
    Ok(query.fetch_all(conn).await?)
}

/// (meeting id, day held) of every meeting with an agenda item of `kind`, oldest first.
pub async fn meetings_with_item(
    conn: &mut Conn,
    kind: AgendaKind,
) -> Result<Vec<(i64, NaiveDate)>, StoreError> {
    let rows = sqlx::query(
        "SELECT DISTINCT m.id, m.held_on FROM council_agenda_items a \
         JOIN council_meetings m ON m.id = a.meeting_id WHERE a.kind = $1 \
         ORDER BY m.held_on, m.id",
    )
    .bind(kind.as_str())
    .fetch_all(conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let id: i64 = row.try_get("id")?;
        out.push((id, decode::date(row, "held_on")?));
    }
    Ok(out)
}
