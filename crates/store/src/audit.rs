//! The append-only audit log and the head of its hash chain. The chain itself (what is hashed
//! and how) belongs to the application; this module only reads and writes rows.

use serde::Serialize;

use crate::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AuditRow {
    pub seq: i64,
    pub at: String,
    pub actor_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

macro_rules! columns {
    () => {
        "seq, at, actor_id, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash"
    };
}

/// Takes the chain head for this transaction: on PostgreSQL the row stays locked until commit,
/// on SQLite the write transaction already excludes other writers.
pub async fn lock_head(conn: &mut Conn) -> Result<(i64, String), StoreError> {
    Ok(
        sqlx::query_as("UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash")
            .fetch_one(conn)
            .await?,
    )
}

pub async fn head(conn: &mut Conn) -> Result<(i64, String), StoreError> {
    Ok(
        sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(conn)
            .await?,
    )
}

/// Appends `row` and moves the head to it.
pub async fn append(conn: &mut Conn, row: &AuditRow) -> Result<(), StoreError> {
    sqlx::query(concat!(
        "INSERT INTO audit_log (",
        columns!(),
        ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
    ))
    .bind(row.seq)
    .bind(&row.at)
    .bind(row.actor_id)
    .bind(&row.actor)
    .bind(&row.action)
    .bind(&row.entity)
    .bind(&row.entity_id)
    .bind(&row.before_json)
    .bind(&row.after_json)
    .bind(&row.prev_hash)
    .bind(&row.hash)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(row.seq)
        .bind(&row.hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Entries with `seq` greater than `after`, in order, at most `limit`.
pub async fn page(conn: &mut Conn, after: i64, limit: i64) -> Result<Vec<AuditRow>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"
    ))
    .bind(after)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// The latest entries, newest first.
pub async fn latest(conn: &mut Conn, limit: i64) -> Result<Vec<AuditRow>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM audit_log ORDER BY seq DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(conn)
    .await?)
}
