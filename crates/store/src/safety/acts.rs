//! Acts of inspection and the violations they found.

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_rules::safety::ViolationCategory;
use sqlx::any::AnyRow;

use super::not_found;
use crate::decode::{self, format_date, format_instant};
use crate::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Act {
    pub id: i64,
    pub body_id: i64,
    pub unit_id: i64,
    pub grounds: String,
    pub chair: String,
    /// One member per line.
    pub members: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub proposals: String,
    pub report_by: NaiveDate,
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for Act {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            body_id: row.try_get("body_id")?,
            unit_id: row.try_get("unit_id")?,
            grounds: row.try_get("grounds")?,
            chair: row.try_get("chair")?,
            members: row.try_get("members")?,
            period_from: decode::date(row, "period_from")?,
            period_to: decode::date(row, "period_to")?,
            proposals: row.try_get("proposals")?,
            report_by: decode::date(row, "report_by")?,
            acknowledged_by: row.try_get("acknowledged_by")?,
            acknowledged_at: decode::opt_instant(row, "acknowledged_at")?,
            created_by: row.try_get("created_by")?,
            created_at: decode::instant(row, "created_at")?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub id: i64,
    pub act_id: i64,
    pub category: ViolationCategory,
    pub description: String,
    pub eliminated_on: Option<NaiveDate>,
}

impl sqlx::FromRow<'_, AnyRow> for Violation {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            act_id: row.try_get("act_id")?,
            category: decode::word(row, "category")?,
            description: row.try_get("description")?,
            eliminated_on: decode::opt_date(row, "eliminated_on")?,
        })
    }
}

const ACT_COLUMNS: &str = "id, body_id, unit_id, grounds, chair, members, period_from, \
     period_to, proposals, report_by, acknowledged_by, acknowledged_at, created_by, created_at";

pub async fn insert_act(
    conn: &mut Conn,
    act: &Act,
    violations: &[Violation],
) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO safety_acts (body_id, unit_id, grounds, chair, members, period_from, \
         period_to, proposals, report_by, acknowledged_by, acknowledged_at, created_by, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(act.body_id)
    .bind(act.unit_id)
    .bind(&act.grounds)
    .bind(&act.chair)
    .bind(&act.members)
    .bind(format_date(act.period_from))
    .bind(format_date(act.period_to))
    .bind(&act.proposals)
    .bind(format_date(act.report_by))
    .bind(&act.acknowledged_by)
    .bind(act.acknowledged_at.map(format_instant))
    .bind(&act.created_by)
    .bind(format_instant(act.created_at))
    .fetch_one(&mut *conn)
    .await?;
    for v in violations {
        sqlx::query(
            "INSERT INTO safety_act_violations (act_id, category, description, eliminated_on) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(v.category.as_str())
        .bind(&v.description)
        .bind(v.eliminated_on.map(format_date))
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

pub async fn act(conn: &mut Conn, id: i64) -> Result<Act, StoreError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACT_COLUMNS} FROM safety_acts WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| not_found("act", id))
}

/// Acts whose control ended in `from..=to`, newest first, at most `limit`.
pub async fn acts_between(
    conn: &mut Conn,
    from: NaiveDate,
    to: NaiveDate,
    limit: i64,
) -> Result<Vec<Act>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACT_COLUMNS} FROM safety_acts WHERE period_to >= $1 AND period_to <= $2 \
         ORDER BY period_to DESC, id DESC LIMIT $3"
    )))
    .bind(format_date(from))
    .bind(format_date(to))
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// The distinct units inspected by Acts whose control ended in `from..=to`.
pub async fn inspected_units(
    conn: &mut Conn,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT unit_id FROM safety_acts WHERE period_to >= $1 AND period_to <= $2",
    )
    .bind(format_date(from))
    .bind(format_date(to))
    .fetch_all(conn)
    .await?)
}

pub async fn violations(conn: &mut Conn, act_id: i64) -> Result<Vec<Violation>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, act_id, category, description, eliminated_on FROM safety_act_violations \
         WHERE act_id = $1 ORDER BY id",
    )
    .bind(act_id)
    .fetch_all(conn)
    .await?)
}

/// A violation not yet eliminated whose Act's report-by date is before `today`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueViolation {
    pub id: i64,
    pub act_id: i64,
    pub unit_id: i64,
    pub category: ViolationCategory,
    pub description: String,
    pub report_by: NaiveDate,
}

impl sqlx::FromRow<'_, AnyRow> for OverdueViolation {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            act_id: row.try_get("act_id")?,
            unit_id: row.try_get("unit_id")?,
            category: decode::word(row, "category")?,
            description: row.try_get("description")?,
            report_by: decode::date(row, "report_by")?,
        })
    }
}

pub async fn overdue_violations(
    conn: &mut Conn,
    today: NaiveDate,
) -> Result<Vec<OverdueViolation>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT v.id, v.act_id, a.unit_id, v.category, v.description, a.report_by \
         FROM safety_act_violations v JOIN safety_acts a ON a.id = v.act_id \
         WHERE v.eliminated_on IS NULL AND a.report_by < $1 ORDER BY a.report_by, v.id",
    )
    .bind(format_date(today))
    .fetch_all(conn)
    .await?)
}

pub async fn violation(conn: &mut Conn, id: i64) -> Result<Violation, StoreError> {
    sqlx::query_as(
        "SELECT id, act_id, category, description, eliminated_on FROM safety_act_violations \
         WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| not_found("violation", id))
}

pub async fn eliminate_violation(
    conn: &mut Conn,
    id: i64,
    on: NaiveDate,
) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "UPDATE safety_act_violations SET eliminated_on = $1 WHERE id = $2 \
         AND eliminated_on IS NULL",
    )
    .bind(format_date(on))
    .bind(id)
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn acknowledge_act(
    conn: &mut Conn,
    id: i64,
    by: &str,
    at: &str,
) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "UPDATE safety_acts SET acknowledged_by = $1, acknowledged_at = $2 WHERE id = $3 \
         AND acknowledged_at IS NULL",
    )
    .bind(by)
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn delete_act(conn: &mut Conn, id: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM safety_act_violations WHERE act_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM safety_acts WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Acts whose control ended on or before `ended_by`.
pub async fn acts_ended_by(conn: &mut Conn, ended_by: NaiveDate) -> Result<Vec<Act>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACT_COLUMNS} FROM safety_acts WHERE period_to <= $1 ORDER BY period_to, id"
    )))
    .bind(format_date(ended_by))
    .fetch_all(conn)
    .await?)
}

/// Violations of Acts ended in `from..=to`, counted by the inspected unit and category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryCount {
    pub unit_id: i64,
    pub category: ViolationCategory,
    pub count: i64,
}

impl sqlx::FromRow<'_, AnyRow> for CategoryCount {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            unit_id: row.try_get("unit_id")?,
            category: decode::word(row, "category")?,
            count: row.try_get("count")?,
        })
    }
}

pub async fn violation_counts(
    conn: &mut Conn,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<CategoryCount>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT a.unit_id AS unit_id, v.category AS category, COUNT(*) AS count \
         FROM safety_act_violations v JOIN safety_acts a ON a.id = v.act_id \
         WHERE a.period_to >= $1 AND a.period_to <= $2 GROUP BY a.unit_id, v.category",
    )
    .bind(format_date(from))
    .bind(format_date(to))
    .fetch_all(conn)
    .await?)
}
