//! Imported acts: the source text and what the operator said about it.

use chrono::NaiveDate;
use qorgau_law::TextLanguage;

use crate::{Conn, StoreError, decode};

#[derive(Debug, Clone)]
pub struct ImportedAct {
    pub id: String,
    pub title: String,
    pub adopted: Option<NaiveDate>,
    pub in_force_from: NaiveDate,
    pub source_file: String,
    pub source_text: String,
    pub language: TextLanguage,
}

impl sqlx::FromRow<'_, sqlx::any::AnyRow> for ImportedAct {
    fn from_row(row: &sqlx::any::AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            title: row.try_get("title")?,
            adopted: decode::opt_date(row, "adopted")?,
            in_force_from: decode::date(row, "in_force_from")?,
            source_file: row.try_get("source_file")?,
            source_text: row.try_get("source_text")?,
            language: decode::word(row, "language")?,
        })
    }
}

pub async fn insert(conn: &mut Conn, act: &ImportedAct, at: &str) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO law_acts (id, title, adopted, in_force_from, source_file, source_text, imported_at, language) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&act.id)
    .bind(&act.title)
    .bind(act.adopted.map(decode::format_date))
    .bind(decode::format_date(act.in_force_from))
    .bind(&act.source_file)
    .bind(&act.source_text)
    .bind(at)
    .bind(act.language.as_str())
    .execute(conn)
    .await
    .map_err(|e| StoreError::conflict_or(e, || format!("act {:?}", act.id)))?;
    Ok(())
}

pub async fn list(conn: &mut Conn) -> Result<Vec<ImportedAct>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, title, adopted, in_force_from, source_file, source_text, language FROM law_acts ORDER BY imported_at, id",
    )
    .fetch_all(conn)
    .await?)
}
