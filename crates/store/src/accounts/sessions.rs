//! Browser sessions. Only a hash of the session id is stored, so a copy of the database does
//! not let anyone ride a live session.
//!
//! A session is live until its absolute end (`expires_at`) and while it is used: one not seen
//! since the idle cut-off the caller gives has ended. `last_seen_at` is NULL for the sessions
//! opened before it was recorded; they read as last seen when they were created.

use chrono::{DateTime, Utc};

use crate::{Conn, StoreError, decode};

/// A live session as the sign-in check reads it.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub user_id: i64,
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, sqlx::any::AnyRow> for SessionRow {
    fn from_row(row: &sqlx::any::AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            user_id: row.try_get("user_id")?,
            csrf_token: row.try_get("csrf_token")?,
            expires_at: decode::instant(row, "expires_at")?,
            last_seen_at: decode::instant(row, "last_seen_at")?,
        })
    }
}

/// A session as its owner's list shows it (never its CSRF token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionListRow {
    pub id_hash: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub address: Option<String>,
}

impl sqlx::FromRow<'_, sqlx::any::AnyRow> for SessionListRow {
    fn from_row(row: &sqlx::any::AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id_hash: row.try_get("id_hash")?,
            created_at: decode::instant(row, "created_at")?,
            expires_at: decode::instant(row, "expires_at")?,
            last_seen_at: decode::instant(row, "last_seen_at")?,
            address: row.try_get("address")?,
        })
    }
}

/// A new session, last seen when it opens.
pub struct NewSession<'a> {
    pub id_hash: &'a str,
    pub user_id: i64,
    pub csrf_token: &'a str,
    pub at: &'a str,
    pub expires_at: &'a str,
    /// The client address it was opened from, when known.
    pub address: Option<&'a str>,
}

pub async fn insert(conn: &mut Conn, session: &NewSession<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at, last_seen_at, address) \
         VALUES ($1, $2, $3, $4, $5, $4, $6)",
    )
    .bind(session.id_hash)
    .bind(session.user_id)
    .bind(session.csrf_token)
    .bind(session.at)
    .bind(session.expires_at)
    .bind(session.address)
    .execute(conn)
    .await?;
    Ok(())
}

/// The session with this id hash if it is live at `now`: before its end and seen after
/// `idle_since`.
pub async fn find_live(
    conn: &mut Conn,
    id_hash: &str,
    now: DateTime<Utc>,
    idle_since: DateTime<Utc>,
) -> Result<Option<SessionRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT user_id, csrf_token, expires_at, COALESCE(last_seen_at, created_at) AS last_seen_at \
         FROM sessions WHERE id_hash = $1 AND expires_at > $2 AND COALESCE(last_seen_at, created_at) > $3",
    )
    .bind(id_hash)
    .bind(decode::format_instant(now))
    .bind(decode::format_instant(idle_since))
    .fetch_optional(conn)
    .await?)
}

/// The live sessions of a user, the latest first.
pub async fn list_live_for_user(
    conn: &mut Conn,
    user_id: i64,
    now: DateTime<Utc>,
    idle_since: DateTime<Utc>,
) -> Result<Vec<SessionListRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id_hash, created_at, expires_at, COALESCE(last_seen_at, created_at) AS last_seen_at, address \
         FROM sessions WHERE user_id = $1 AND expires_at > $2 AND COALESCE(last_seen_at, created_at) > $3 \
         ORDER BY created_at DESC, id_hash",
    )
    .bind(user_id)
    .bind(decode::format_instant(now))
    .bind(decode::format_instant(idle_since))
    .fetch_all(conn)
    .await?)
}

/// Records that a session was seen at `at`, unless it was seen after `unless_since` already:
/// bookkeeping written at most once a minute per session, not a change anyone made.
pub async fn touch(
    conn: &mut Conn,
    id_hash: &str,
    at: &str,
    unless_since: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE sessions SET last_seen_at = $1 \
         WHERE id_hash = $2 AND COALESCE(last_seen_at, created_at) < $3",
    )
    .bind(at)
    .bind(id_hash)
    .bind(unless_since)
    .execute(conn)
    .await?;
    Ok(())
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

/// Removes the sessions that ended at or before `now`, or were last seen at or before
/// `idle_since`.
pub async fn delete_expired(
    conn: &mut Conn,
    now: DateTime<Utc>,
    idle_since: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Ok(sqlx::query(
        "DELETE FROM sessions WHERE expires_at <= $1 OR COALESCE(last_seen_at, created_at) <= $2",
    )
    .bind(decode::format_instant(now))
    .bind(decode::format_instant(idle_since))
    .execute(conn)
    .await?
    .rows_affected())
}
