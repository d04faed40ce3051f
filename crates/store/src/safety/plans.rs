//! Plans: their versions, approvals and activities.

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_rules::safety::PlanChange;
use sqlx::any::AnyRow;

use super::not_found;
use crate::decode::{self, format_date, format_instant};
use crate::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub id: i64,
    pub unit_id: i64,
    pub year: i64,
    pub current_version: i64,
    pub approved_version: Option<i64>,
    pub created_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for Plan {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            unit_id: row.try_get("unit_id")?,
            year: row.try_get("year")?,
            current_version: row.try_get("current_version")?,
            approved_version: row.try_get("approved_version")?,
            created_at: decode::instant(row, "created_at")?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanVersion {
    pub plan_id: i64,
    pub version: i64,
    pub goals: String,
    pub tasks: String,
    pub requirements: String,
    /// The change that called for this version, when it is a revision.
    pub revision_change: Option<PlanChange>,
    pub revision_reason: Option<String>,
    pub drafted_by: String,
    pub drafted_at: DateTime<Utc>,
    pub approved_by: Option<String>,
    pub approver_title: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
}

impl sqlx::FromRow<'_, AnyRow> for PlanVersion {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            plan_id: row.try_get("plan_id")?,
            version: row.try_get("version")?,
            goals: row.try_get("goals")?,
            tasks: row.try_get("tasks")?,
            requirements: row.try_get("requirements")?,
            revision_change: decode::opt_word(row, "revision_change")?,
            revision_reason: row.try_get("revision_reason")?,
            drafted_by: row.try_get("drafted_by")?,
            drafted_at: decode::instant(row, "drafted_at")?,
            approved_by: row.try_get("approved_by")?,
            approver_title: row.try_get("approver_title")?,
            approved_at: decode::opt_instant(row, "approved_at")?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanActivity {
    pub id: i64,
    pub plan_id: i64,
    pub version: i64,
    pub item_no: i64,
    pub name: String,
    pub responsible: String,
    pub monitoring: String,
    /// The term of completion.
    pub term: NaiveDate,
    pub completion_form: String,
    /// Incoming, outgoing or registration number, once completed.
    pub completion_mark: Option<String>,
    pub completed_on: Option<NaiveDate>,
}

impl sqlx::FromRow<'_, AnyRow> for PlanActivity {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            plan_id: row.try_get("plan_id")?,
            version: row.try_get("version")?,
            item_no: row.try_get("item_no")?,
            name: row.try_get("name")?,
            responsible: row.try_get("responsible")?,
            monitoring: row.try_get("monitoring")?,
            term: decode::date(row, "term")?,
            completion_form: row.try_get("completion_form")?,
            completion_mark: row.try_get("completion_mark")?,
            completed_on: decode::opt_date(row, "completed_on")?,
        })
    }
}

const PLAN_COLUMNS: &str = "id, unit_id, year, current_version, approved_version, created_at";
const VERSION_COLUMNS: &str = "plan_id, version, goals, tasks, requirements, revision_change, \
     revision_reason, drafted_by, drafted_at, approved_by, approver_title, approved_at";
const ACTIVITY_COLUMNS: &str = "id, plan_id, version, item_no, name, responsible, monitoring, \
     term, completion_form, completion_mark, completed_on";

pub async fn insert_plan(
    conn: &mut Conn,
    unit_id: i64,
    year: i64,
    at: &str,
) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO safety_plans (unit_id, year, current_version, approved_version, created_at) \
         VALUES ($1, $2, 1, NULL, $3) RETURNING id",
    )
    .bind(unit_id)
    .bind(year)
    .bind(at)
    .fetch_one(conn)
    .await
    .map_err(|e| StoreError::conflict_or(e, || format!("a Plan for {year} of this body")))
}

pub async fn plan(conn: &mut Conn, id: i64) -> Result<Plan, StoreError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PLAN_COLUMNS} FROM safety_plans WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| not_found("plan", id))
}

/// Every Plan for `year`, by body.
pub async fn plans_of_year(conn: &mut Conn, year: i64) -> Result<Vec<Plan>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PLAN_COLUMNS} FROM safety_plans WHERE year = $1 ORDER BY unit_id"
    )))
    .bind(year)
    .fetch_all(conn)
    .await?)
}

/// Every Plan of a body, newest year first.
pub async fn plans_of_unit(conn: &mut Conn, unit_id: i64) -> Result<Vec<Plan>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PLAN_COLUMNS} FROM safety_plans WHERE unit_id = $1 ORDER BY year DESC"
    )))
    .bind(unit_id)
    .fetch_all(conn)
    .await?)
}

pub async fn set_plan_versions(
    conn: &mut Conn,
    plan_id: i64,
    current: i64,
    approved: Option<i64>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE safety_plans SET current_version = $1, approved_version = $2 WHERE id = $3",
    )
    .bind(current)
    .bind(approved)
    .bind(plan_id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn insert_version(conn: &mut Conn, v: &PlanVersion) -> Result<(), StoreError> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO safety_plan_versions ({VERSION_COLUMNS}) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    )))
    .bind(v.plan_id)
    .bind(v.version)
    .bind(&v.goals)
    .bind(&v.tasks)
    .bind(&v.requirements)
    .bind(v.revision_change.map(PlanChange::as_str))
    .bind(&v.revision_reason)
    .bind(&v.drafted_by)
    .bind(format_instant(v.drafted_at))
    .bind(&v.approved_by)
    .bind(&v.approver_title)
    .bind(v.approved_at.map(format_instant))
    .execute(conn)
    .await?;
    Ok(())
}

/// Rewrites the text of an unapproved version.
pub async fn update_version_text(conn: &mut Conn, v: &PlanVersion) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE safety_plan_versions SET goals = $1, tasks = $2, requirements = $3, \
         drafted_by = $4, drafted_at = $5 WHERE plan_id = $6 AND version = $7 \
         AND approved_at IS NULL",
    )
    .bind(&v.goals)
    .bind(&v.tasks)
    .bind(&v.requirements)
    .bind(&v.drafted_by)
    .bind(format_instant(v.drafted_at))
    .bind(v.plan_id)
    .bind(v.version)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn approve_version(
    conn: &mut Conn,
    plan_id: i64,
    version: i64,
    by: &str,
    title: &str,
    at: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE safety_plan_versions SET approved_by = $1, approver_title = $2, approved_at = $3 \
         WHERE plan_id = $4 AND version = $5",
    )
    .bind(by)
    .bind(title)
    .bind(at)
    .bind(plan_id)
    .bind(version)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn version(
    conn: &mut Conn,
    plan_id: i64,
    version: i64,
) -> Result<PlanVersion, StoreError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {VERSION_COLUMNS} FROM safety_plan_versions WHERE plan_id = $1 AND version = $2"
    )))
    .bind(plan_id)
    .bind(version)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| not_found("plan version", format!("{plan_id}/{version}")))
}

pub async fn versions(conn: &mut Conn, plan_id: i64) -> Result<Vec<PlanVersion>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {VERSION_COLUMNS} FROM safety_plan_versions WHERE plan_id = $1 ORDER BY version"
    )))
    .bind(plan_id)
    .fetch_all(conn)
    .await?)
}

/// Replaces the activities of an unapproved version.
pub async fn replace_activities(
    conn: &mut Conn,
    plan_id: i64,
    version: i64,
    activities: &[PlanActivity],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM safety_plan_activities WHERE plan_id = $1 AND version = $2")
        .bind(plan_id)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    for a in activities {
        sqlx::query(
            "INSERT INTO safety_plan_activities (plan_id, version, item_no, name, responsible, \
             monitoring, term, completion_form, completion_mark, completed_on) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(plan_id)
        .bind(version)
        .bind(a.item_no)
        .bind(&a.name)
        .bind(&a.responsible)
        .bind(&a.monitoring)
        .bind(format_date(a.term))
        .bind(&a.completion_form)
        .bind(&a.completion_mark)
        .bind(a.completed_on.map(format_date))
        .execute(&mut *conn)
        .await
        .map_err(|e| StoreError::conflict_or(e, || format!("item {}", a.item_no)))?;
    }
    Ok(())
}

pub async fn activities(
    conn: &mut Conn,
    plan_id: i64,
    version: i64,
) -> Result<Vec<PlanActivity>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACTIVITY_COLUMNS} FROM safety_plan_activities WHERE plan_id = $1 \
         AND version = $2 ORDER BY item_no"
    )))
    .bind(plan_id)
    .bind(version)
    .fetch_all(conn)
    .await?)
}

pub async fn activity(conn: &mut Conn, id: i64) -> Result<PlanActivity, StoreError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACTIVITY_COLUMNS} FROM safety_plan_activities WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| not_found("plan activity", id))
}

pub async fn mark_activity(
    conn: &mut Conn,
    id: i64,
    mark: &str,
    completed_on: NaiveDate,
) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "UPDATE safety_plan_activities SET completion_mark = $1, completed_on = $2 \
         WHERE id = $3 AND completion_mark IS NULL",
    )
    .bind(mark)
    .bind(format_date(completed_on))
    .bind(id)
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}
