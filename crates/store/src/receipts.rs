//! Decision receipts: what a workflow keeps of a decision it acted on (see the migration).

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::any::AnyRow;

use crate::decode;
use crate::{Conn, StoreError};

/// A receipt to write.
#[derive(Debug, Clone)]
pub struct NewReceipt<'a> {
    pub rule: &'a str,
    pub rule_version: u32,
    pub corpus_version: &'a str,
    pub as_of: NaiveDate,
    pub facts: &'a serde_json::Value,
    pub outcome: &'a serde_json::Value,
    /// What the workflow acted on ("summons", "safety_plan" ...) and its id.
    pub entity: &'a str,
    pub entity_id: &'a str,
}

/// A stored receipt.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredReceipt {
    pub id: i64,
    pub rule: String,
    pub rule_version: u32,
    pub corpus_version: String,
    pub as_of: NaiveDate,
    pub facts: serde_json::Value,
    pub outcome: serde_json::Value,
    pub entity: String,
    pub entity_id: String,
    pub recorded_at: DateTime<Utc>,
    pub recorded_by: String,
}

fn json(row: &AnyRow, column: &str) -> Result<serde_json::Value, sqlx::Error> {
    use sqlx::Row;
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text).map_err(|e| decode::corrupt(column, e.to_string()))
}

impl<'r> sqlx::FromRow<'r, AnyRow> for StoredReceipt {
    fn from_row(row: &'r AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        let version: i64 = row.try_get("rule_version")?;
        Ok(Self {
            id: row.try_get("id")?,
            rule: row.try_get("rule")?,
            rule_version: u32::try_from(version)
                .map_err(|e| decode::corrupt("rule_version", e.to_string()))?,
            corpus_version: row.try_get("corpus_version")?,
            as_of: decode::date(row, "as_of")?,
            facts: json(row, "facts")?,
            outcome: json(row, "outcome")?,
            entity: row.try_get("entity")?,
            entity_id: row.try_get("entity_id")?,
            recorded_at: decode::instant(row, "recorded_at")?,
            recorded_by: row.try_get("recorded_by")?,
        })
    }
}

macro_rules! receipt_select {
    ($rest:literal) => {
        concat!(
            "SELECT id, rule, rule_version, corpus_version, as_of, facts, outcome, entity, \
             entity_id, recorded_at, recorded_by FROM decision_receipts ",
            $rest
        )
    };
}

/// Writes a receipt; its id.
pub async fn insert(
    conn: &mut Conn,
    receipt: &NewReceipt<'_>,
    at: &str,
    by: &str,
) -> Result<i64, StoreError> {
    use sqlx::Row;
    let row = sqlx::query(
        "INSERT INTO decision_receipts (rule, rule_version, corpus_version, as_of, facts, \
         outcome, entity, entity_id, recorded_at, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(receipt.rule)
    .bind(i64::from(receipt.rule_version))
    .bind(receipt.corpus_version)
    .bind(decode::format_date(receipt.as_of))
    .bind(receipt.facts.to_string())
    .bind(receipt.outcome.to_string())
    .bind(receipt.entity)
    .bind(receipt.entity_id)
    .bind(at)
    .bind(by)
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

/// One receipt.
pub async fn get(conn: &mut Conn, id: i64) -> Result<StoredReceipt, StoreError> {
    sqlx::query_as(receipt_select!("WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(StoreError::NotFound {
            entity: "receipt",
            id: id.to_string(),
        })
}

/// Receipts in order of recording, after `after_id`, at most `limit`.
pub async fn page(
    conn: &mut Conn,
    after_id: i64,
    limit: i64,
) -> Result<Vec<StoredReceipt>, StoreError> {
    Ok(
        sqlx::query_as(receipt_select!("WHERE id > $1 ORDER BY id LIMIT $2"))
            .bind(after_id)
            .bind(limit)
            .fetch_all(conn)
            .await?,
    )
}

/// The receipts of one entity, oldest first.
pub async fn of_entity(
    conn: &mut Conn,
    entity: &str,
    entity_id: &str,
) -> Result<Vec<StoredReceipt>, StoreError> {
    Ok(sqlx::query_as(receipt_select!(
        "WHERE entity = $1 AND entity_id = $2 ORDER BY id"
    ))
    .bind(entity)
    .bind(entity_id)
    .fetch_all(conn)
    .await?)
}
