//! Browser sessions. Only a hash of the session id is stored, so a copy of the database does
//! not let anyone ride a live session.

use chrono::{DateTime, Utc};

use crate::{Conn, StoreError, decode};

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub user_id: i64,
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, sqlx::any::AnyRow> for SessionRow {
    fn from_row(row: &sqlx::any::AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            user_id: row.try_get("user_id")?,
            csrf_token: row.try_get("csrf_token")?,
            expires_at: decode::instant(row, "expires_at")?,
        })
    }
}

pub async fn insert(
    conn: &mut Conn,
    id_hash: &str,
    user_id: i64,
    csrf_token: &str,
    at: &str,
    expires_at: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id_hash)
    .bind(user_id)
    .bind(csrf_token)
    .bind(at)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// The live session with this id hash at instant `now`.
pub async fn find_live(
    conn: &mut Conn,
    id_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<SessionRow>, StoreError> {
    Ok(sqlx::query_as("SELECT user_id, csrf_token, expires_at FROM sessions WHERE id_hash = $1 AND expires_at > $2")
        .bind(id_hash)
        .bind(decode::format_instant(now))
        .fetch_optional(conn)
        .await?)
}

pub async fn delete(conn: &mut Conn, id_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// Ends every session of a user (on password change or when disabled).
pub async fn delete_for_user(conn: &mut Conn, user_id: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Removes the sessions that expired at or before `now`.
pub async fn delete_expired(conn: &mut Conn, now: DateTime<Utc>) -> Result<u64, StoreError> {
    Ok(sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(decode::format_instant(now))
        .execute(conn)
        .await?
        .rows_affected())
}
