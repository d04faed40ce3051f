//! API tokens for machine clients. The token is shown once; only its SHA-256 is stored (the
//! token is 256 random bits, so a fast hash is enough, unlike a password).
//!
//! A token lapses at `expires_at`; one made before expiry was recorded has NULL there, and the
//! caller gives the creation instant before which such a token has lapsed.

use chrono::{DateTime, Utc};

use crate::{Conn, StoreError, decode};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRow {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// NULL for the tokens made before expiry was recorded.
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

impl sqlx::FromRow<'_, sqlx::any::AnyRow> for TokenRow {
    fn from_row(row: &sqlx::any::AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            user_id: row.try_get("user_id")?,
            name: row.try_get("name")?,
            prefix: row.try_get("prefix")?,
            created_at: decode::instant(row, "created_at")?,
            revoked_at: decode::opt_instant(row, "revoked_at")?,
            expires_at: decode::opt_instant(row, "expires_at")?,
            last_used_at: decode::opt_instant(row, "last_used_at")?,
        })
    }
}

macro_rules! columns {
    () => {
        "id, user_id, name, prefix, created_at, revoked_at, expires_at, last_used_at"
    };
}

/// A token to store: only its hash, never the secret.
pub struct NewToken<'a> {
    pub user_id: i64,
    pub name: &'a str,
    pub token_hash: &'a str,
    pub prefix: &'a str,
    pub at: &'a str,
    pub expires_at: &'a str,
}

pub async fn insert(conn: &mut Conn, token: &NewToken<'_>) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(token.user_id)
    .bind(token.name)
    .bind(token.token_hash)
    .bind(token.prefix)
    .bind(token.at)
    .bind(token.expires_at)
    .fetch_one(conn)
    .await?)
}

/// The token with this hash if it is live at `now`: not revoked and not lapsed. A token without
/// a recorded expiry is live while it was created after `unrecorded_created_after`.
pub async fn find_live(
    conn: &mut Conn,
    token_hash: &str,
    now: DateTime<Utc>,
    unrecorded_created_after: DateTime<Utc>,
) -> Result<Option<TokenRow>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL \
         AND ((expires_at IS NOT NULL AND expires_at > $2) OR (expires_at IS NULL AND created_at > $3))"
    ))
    .bind(token_hash)
    .bind(decode::format_instant(now))
    .bind(decode::format_instant(unrecorded_created_after))
    .fetch_optional(conn)
    .await?)
}

/// Records that a token was used at `at`, unless it was used after `unless_since` already:
/// bookkeeping written at most once a minute per token, not a change anyone made.
pub async fn touch(
    conn: &mut Conn,
    id: i64,
    at: &str,
    unless_since: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE api_tokens SET last_used_at = $1 \
         WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)",
    )
    .bind(at)
    .bind(id)
    .bind(unless_since)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn find(conn: &mut Conn, id: i64) -> Result<Option<TokenRow>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM api_tokens WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

pub async fn list_for_user(conn: &mut Conn, user_id: i64) -> Result<Vec<TokenRow>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM api_tokens WHERE user_id = $1 ORDER BY id"
    ))
    .bind(user_id)
    .fetch_all(conn)
    .await?)
}

/// Revokes every live token of a user (when their password changes or is reset); returns how
/// many.
pub async fn revoke_all_for_user(
    conn: &mut Conn,
    user_id: i64,
    at: &str,
) -> Result<u64, StoreError> {
    Ok(sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
    )
    .bind(at)
    .bind(user_id)
    .execute(conn)
    .await?
    .rows_affected())
}

pub async fn revoke(conn: &mut Conn, id: i64, at: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
        .bind(at)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}
