//! Incidents: deaths and injuries as recorded.

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_rules::safety::{Cause, IncidentActivity, IncidentKind, PeriodKind};
use sqlx::any::AnyRow;

use crate::batch::multi_row_insert;
use crate::decode::{self, encode_flag, format_date, format_instant};
use crate::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    pub id: i64,
    pub unit_id: i64,
    pub occurred_on: NaiveDate,
    pub kind: IncidentKind,
    /// In performance of military service duties.
    pub in_duty: bool,
    pub cause: Cause,
    pub activity: IncidentActivity,
    /// The training period (winter or summer) the day falls in.
    pub season: PeriodKind,
    pub description: String,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for Incident {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            unit_id: row.try_get("unit_id")?,
            occurred_on: decode::date(row, "occurred_on")?,
            kind: decode::word(row, "kind")?,
            in_duty: decode::flag(row, "in_duty")?,
            cause: decode::word(row, "cause")?,
            activity: decode::word(row, "activity")?,
            season: decode::word(row, "season")?,
            description: row.try_get("description")?,
            recorded_by: row.try_get("recorded_by")?,
            recorded_at: decode::instant(row, "recorded_at")?,
        })
    }
}

const INCIDENT_BATCH: usize = 40;
const INCIDENT_COLUMNS: &str = "id, unit_id, occurred_on, kind, in_duty, cause, activity, season, \
     description, recorded_by, recorded_at";

/// Inserts incidents (ids ignored) in short multi-row statements.
pub async fn insert_incidents(conn: &mut Conn, incidents: &[Incident]) -> Result<u64, StoreError> {
    const HEAD: &str = "INSERT INTO safety_incidents (unit_id, occurred_on, kind, in_duty, cause, \
         activity, season, description, recorded_by, recorded_at) VALUES";
    let mut written = 0;
    for chunk in incidents.chunks(INCIDENT_BATCH) {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(multi_row_insert(HEAD, 10, chunk.len())));
        for i in chunk {
            query = query
                .bind(i.unit_id)
                .bind(format_date(i.occurred_on))
                .bind(i.kind.as_str())
                .bind(encode_flag(i.in_duty))
                .bind(i.cause.as_str())
                .bind(i.activity.as_str())
                .bind(i.season.as_str())
                .bind(&i.description)
                .bind(&i.recorded_by)
                .bind(format_instant(i.recorded_at));
        }
        written += query.execute(&mut *conn).await?.rows_affected();
    }
    Ok(written)
}

/// Incidents that occurred in `from..=to`, newest first, at most `limit`.
pub async fn incidents_between(
    conn: &mut Conn,
    from: NaiveDate,
    to: NaiveDate,
    limit: i64,
) -> Result<Vec<Incident>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {INCIDENT_COLUMNS} FROM safety_incidents WHERE occurred_on >= $1 \
         AND occurred_on <= $2 ORDER BY occurred_on DESC, id DESC LIMIT $3"
    )))
    .bind(format_date(from))
    .bind(format_date(to))
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// Inserts one incident and returns its id.
pub async fn insert_incident(conn: &mut Conn, i: &Incident) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO safety_incidents (unit_id, occurred_on, kind, in_duty, cause, activity, \
         season, description, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(i.unit_id)
    .bind(format_date(i.occurred_on))
    .bind(i.kind.as_str())
    .bind(encode_flag(i.in_duty))
    .bind(i.cause.as_str())
    .bind(i.activity.as_str())
    .bind(i.season.as_str())
    .bind(&i.description)
    .bind(&i.recorded_by)
    .bind(format_instant(i.recorded_at))
    .fetch_one(conn)
    .await?)
}
