//! The Security Council: meetings and their agendas, decisions and recommendations assigned to
//! bodies with deadlines, and execution reports with the secretariat's review.

use serde::Serialize;

use crate::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Meeting {
    pub id: i64,
    pub held_on: String,
    pub title: String,
    pub created_by: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AgendaItem {
    pub id: i64,
    pub meeting_id: i64,
    pub position: i64,
    /// government_annual_report, head_hearing, draft_law_review, programme_review or other.
    pub kind: String,
    pub title: String,
    /// The body heard (a point of Art. 15.1), for a hearing of a head of a body.
    pub body: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CouncilDecision {
    pub id: i64,
    pub meeting_id: i64,
    pub agenda_item_id: Option<i64>,
    /// decision or recommendation.
    pub kind: String,
    pub text: String,
    /// The body it is assigned to (a point of Art. 15.1).
    pub body: i64,
    pub deadline: String,
    pub created_by: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ExecutionReport {
    pub id: i64,
    pub decision_id: i64,
    pub reported_on: String,
    pub text: String,
    pub reported_by: String,
    pub recorded_at: String,
    /// pending, accepted or returned.
    pub review: String,
    pub review_note: String,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<String>,
}

pub async fn insert_meeting(conn: &mut Conn, m: &Meeting) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO council_meetings (held_on, title, created_by, created_at) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(&m.held_on)
    .bind(&m.title)
    .bind(&m.created_by)
    .bind(&m.created_at)
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
    .bind(&item.kind)
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
    .bind(&d.kind)
    .bind(&d.text)
    .bind(d.body)
    .bind(&d.deadline)
    .bind(&d.created_by)
    .bind(&d.created_at)
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
         review, review_note) VALUES ($1, $2, $3, $4, $5, 'pending', '') RETURNING id",
    )
    .bind(r.decision_id)
    .bind(&r.reported_on)
    .bind(&r.text)
    .bind(&r.reported_by)
    .bind(&r.recorded_at)
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
    review: &str,
    note: &str,
    by: &str,
    at: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE council_reports SET review = $1, review_note = $2, reviewed_by = $3, \
         reviewed_at = $4 WHERE id = $5 AND review = 'pending'",
    )
    .bind(review)
    .bind(note)
    .bind(by)
    .bind(at)
    .bind(id)
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
    kind: &str,
) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT DISTINCT m.id, m.held_on FROM council_agenda_items a \
         JOIN council_meetings m ON m.id = a.meeting_id WHERE a.kind = $1 \
         ORDER BY m.held_on, m.id",
    )
    .bind(kind)
    .fetch_all(conn)
    .await?)
}
