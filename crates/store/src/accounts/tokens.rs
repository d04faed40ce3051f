//! API tokens for machine clients. The token is shown once; only its SHA-256 is stored (the
//! token is 256 random bits, so a fast hash is enough, unlike a password).

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
        })
    }
}

macro_rules! columns {
    () => {
        "id, user_id, name, prefix, created_at, revoked_at"
    };
}

pub async fn insert(
    conn: &mut Conn,
    user_id: i64,
    name: &str,
    token_hash: &str,
    prefix: &str,
    at: &str,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(user_id)
    .bind(name)
    .bind(token_hash)
    .bind(prefix)
    .bind(at)
    .fetch_one(conn)
    .await?)
}

/// The user of a live (unrevoked) token.
pub async fn user_of_live_token(
    conn: &mut Conn,
    token_hash: &str,
) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT user_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(conn)
    .await?)
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

pub async fn revoke(conn: &mut Conn, id: i64, at: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
        .bind(at)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}
