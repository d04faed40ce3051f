//! Analysts' conclusions and measures for a body and period.

use chrono::{DateTime, Utc};
use qorgau_rules::safety::PeriodKind;
use sqlx::any::AnyRow;

use crate::decode::{self, format_instant};
use crate::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub id: i64,
    pub body_id: i64,
    pub kind: PeriodKind,
    pub year: i64,
    pub number: i64,
    pub conclusions: String,
    pub measures: String,
    pub completed_by: String,
    pub completed_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for Analysis {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            body_id: row.try_get("body_id")?,
            kind: decode::word(row, "kind")?,
            year: row.try_get("year")?,
            number: row.try_get("number")?,
            conclusions: row.try_get("conclusions")?,
            measures: row.try_get("measures")?,
            completed_by: row.try_get("completed_by")?,
            completed_at: decode::instant(row, "completed_at")?,
        })
    }
}

const ANALYSIS_COLUMNS: &str =
    "id, body_id, kind, year, number, conclusions, measures, completed_by, completed_at";

/// Writes the analyst's text, replacing an earlier text for the same body and period.
pub async fn upsert_analysis(conn: &mut Conn, a: &Analysis) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO safety_analyses (body_id, kind, year, number, conclusions, measures, \
         completed_by, completed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (body_id, kind, year, number) DO UPDATE SET \
         conclusions = excluded.conclusions, measures = excluded.measures, \
         completed_by = excluded.completed_by, completed_at = excluded.completed_at",
    )
    .bind(a.body_id)
    .bind(a.kind.as_str())
    .bind(a.year)
    .bind(a.number)
    .bind(&a.conclusions)
    .bind(&a.measures)
    .bind(&a.completed_by)
    .bind(format_instant(a.completed_at))
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn analysis(
    conn: &mut Conn,
    body_id: i64,
    kind: PeriodKind,
    year: i64,
    number: i64,
) -> Result<Option<Analysis>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ANALYSIS_COLUMNS} FROM safety_analyses WHERE body_id = $1 AND kind = $2 \
         AND year = $3 AND number = $4"
    )))
    .bind(body_id)
    .bind(kind.as_str())
    .bind(year)
    .bind(number)
    .fetch_optional(conn)
    .await?)
}

/// Every completed analysis from `year` on.
pub async fn analyses_from(conn: &mut Conn, year: i64) -> Result<Vec<Analysis>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ANALYSIS_COLUMNS} FROM safety_analyses WHERE year >= $1"
    )))
    .bind(year)
    .fetch_all(conn)
    .await?)
}
