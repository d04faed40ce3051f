//! Training events.

use serde::Serialize;

use crate::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Training {
    pub id: i64,
    pub unit_id: i64,
    pub kind: String,
    pub activity: Option<String>,
    pub title: String,
    pub starts_on: String,
    pub ends_on: String,
    pub held: i64,
    pub created_by: String,
    pub created_at: String,
}

const TRAINING_COLUMNS: &str =
    "id, unit_id, kind, activity, title, starts_on, ends_on, held, created_by, created_at";

pub async fn insert_training(conn: &mut Conn, t: &Training) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO safety_trainings (unit_id, kind, activity, title, starts_on, ends_on, held, \
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(t.unit_id)
    .bind(&t.kind)
    .bind(&t.activity)
    .bind(&t.title)
    .bind(&t.starts_on)
    .bind(&t.ends_on)
    .bind(t.held)
    .bind(&t.created_by)
    .bind(&t.created_at)
    .fetch_one(conn)
    .await?)
}

/// Training events that end on or after `from`, by start.
pub async fn trainings_from(conn: &mut Conn, from: &str) -> Result<Vec<Training>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {TRAINING_COLUMNS} FROM safety_trainings WHERE ends_on >= $1 \
         ORDER BY starts_on, id"
    )))
    .bind(from)
    .fetch_all(conn)
    .await?)
}
