//! Incidents: deaths and injuries as recorded.

use serde::Serialize;

use crate::batch::multi_row_insert;
use crate::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Incident {
    pub id: i64,
    pub unit_id: i64,
    pub occurred_on: String,
    pub kind: String,
    pub in_duty: i64,
    pub cause: String,
    pub activity: String,
    pub season: String,
    pub description: String,
    pub recorded_by: String,
    pub recorded_at: String,
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
                .bind(&i.occurred_on)
                .bind(&i.kind)
                .bind(i.in_duty)
                .bind(&i.cause)
                .bind(&i.activity)
                .bind(&i.season)
                .bind(&i.description)
                .bind(&i.recorded_by)
                .bind(&i.recorded_at);
        }
        written += query.execute(&mut *conn).await?.rows_affected();
    }
    Ok(written)
}

/// Incidents that occurred in `from..=to`, newest first, at most `limit`.
pub async fn incidents_between(
    conn: &mut Conn,
    from: &str,
    to: &str,
    limit: i64,
) -> Result<Vec<Incident>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {INCIDENT_COLUMNS} FROM safety_incidents WHERE occurred_on >= $1 \
         AND occurred_on <= $2 ORDER BY occurred_on DESC, id DESC LIMIT $3"
    )))
    .bind(from)
    .bind(to)
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
    .bind(&i.occurred_on)
    .bind(&i.kind)
    .bind(i.in_duty)
    .bind(&i.cause)
    .bind(&i.activity)
    .bind(&i.season)
    .bind(&i.description)
    .bind(&i.recorded_by)
    .bind(&i.recorded_at)
    .fetch_one(conn)
    .await?)
}
