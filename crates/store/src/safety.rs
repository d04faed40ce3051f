//! Security of military service: strength, Plans, training events, Acts, incidents, analyses.
//!
//! The rows hold facts; coverage, rates, retention and lateness are decided by the rules.

use serde::Serialize;

use crate::conscription::multi_row_insert;
use crate::{Conn, StoreError};

fn not_found(entity: &'static str, id: impl ToString) -> StoreError {
    StoreError::NotFound {
        entity,
        id: id.to_string(),
    }
}

// ---- Strength ----------------------------------------------------------------------------

/// A unit's strength for a month ('YYYY-MM').
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Strength {
    pub unit_id: i64,
    pub month: String,
    pub personnel: i64,
}

const STRENGTH_BATCH: usize = 50;

/// Writes strength figures, replacing an earlier figure for the same unit and month.
pub async fn upsert_strength(
    conn: &mut Conn,
    rows: &[Strength],
    at: &str,
) -> Result<u64, StoreError> {
    let mut written = 0;
    for chunk in rows.chunks(STRENGTH_BATCH) {
        let mut sql = multi_row_insert(
            "INSERT INTO safety_strength (unit_id, month, personnel, recorded_at) VALUES",
            4,
            chunk.len(),
        );
        sql.push_str(
            " ON CONFLICT (unit_id, month) DO UPDATE SET personnel = excluded.personnel, \
             recorded_at = excluded.recorded_at",
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for row in chunk {
            query = query
                .bind(row.unit_id)
                .bind(&row.month)
                .bind(row.personnel)
                .bind(at);
        }
        written += query.execute(&mut *conn).await?.rows_affected();
    }
    Ok(written)
}

/// Every strength figure for the months `from..=to` ('YYYY-MM').
pub async fn strength_between(
    conn: &mut Conn,
    from: &str,
    to: &str,
) -> Result<Vec<Strength>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT unit_id, month, personnel FROM safety_strength \
         WHERE month >= $1 AND month <= $2",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?)
}

/// A unit's figures, newest first.
pub async fn strength_of_unit(conn: &mut Conn, unit_id: i64) -> Result<Vec<Strength>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT unit_id, month, personnel FROM safety_strength WHERE unit_id = $1 \
         ORDER BY month DESC",
    )
    .bind(unit_id)
    .fetch_all(conn)
    .await?)
}

// ---- Plans -------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Plan {
    pub id: i64,
    pub unit_id: i64,
    pub year: i64,
    pub current_version: i64,
    pub approved_version: Option<i64>,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PlanVersion {
    pub plan_id: i64,
    pub version: i64,
    pub goals: String,
    pub tasks: String,
    pub requirements: String,
    pub revision_change: Option<String>,
    pub revision_reason: Option<String>,
    pub drafted_by: String,
    pub drafted_at: String,
    pub approved_by: Option<String>,
    pub approver_title: Option<String>,
    pub approved_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PlanActivity {
    pub id: i64,
    pub plan_id: i64,
    pub version: i64,
    pub item_no: i64,
    pub name: String,
    pub responsible: String,
    pub monitoring: String,
    /// The term of completion, a date.
    pub term: String,
    pub completion_form: String,
    /// Incoming, outgoing or registration number, once completed.
    pub completion_mark: Option<String>,
    pub completed_on: Option<String>,
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
    .bind(&v.revision_change)
    .bind(&v.revision_reason)
    .bind(&v.drafted_by)
    .bind(&v.drafted_at)
    .bind(&v.approved_by)
    .bind(&v.approver_title)
    .bind(&v.approved_at)
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
    .bind(&v.drafted_at)
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
        .bind(&a.term)
        .bind(&a.completion_form)
        .bind(&a.completion_mark)
        .bind(&a.completed_on)
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
    completed_on: &str,
) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "UPDATE safety_plan_activities SET completion_mark = $1, completed_on = $2 \
         WHERE id = $3 AND completion_mark IS NULL",
    )
    .bind(mark)
    .bind(completed_on)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

// ---- Training events ---------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Training {
    pub id: i64,
    pub unit_id: i64,
    pub kind: String,
    pub activity: Option<String>,
    pub title: String,
    pub starts_on: String,
    pub ends_on: String,
    pub held: i64,
    pub created_by: String,
    pub created_at: String,
}

const TRAINING_COLUMNS: &str =
    "id, unit_id, kind, activity, title, starts_on, ends_on, held, created_by, created_at";

pub async fn insert_training(conn: &mut Conn, t: &Training) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO safety_trainings (unit_id, kind, activity, title, starts_on, ends_on, held, \
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(t.unit_id)
    .bind(&t.kind)
    .bind(&t.activity)
    .bind(&t.title)
    .bind(&t.starts_on)
    .bind(&t.ends_on)
    .bind(t.held)
    .bind(&t.created_by)
    .bind(&t.created_at)
    .fetch_one(conn)
    .await?)
}

/// Training events that end on or after `from`, by start.
pub async fn trainings_from(conn: &mut Conn, from: &str) -> Result<Vec<Training>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {TRAINING_COLUMNS} FROM safety_trainings WHERE ends_on >= $1 \
         ORDER BY starts_on, id"
    )))
    .bind(from)
    .fetch_all(conn)
    .await?)
}

// ---- Acts --------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Act {
    pub id: i64,
    pub body_id: i64,
    pub unit_id: i64,
    pub grounds: String,
    pub chair: String,
    /// One member per line.
    pub members: String,
    pub period_from: String,
    pub period_to: String,
    pub proposals: String,
    pub report_by: String,
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<String>,
    pub created_by: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Violation {
    pub id: i64,
    pub act_id: i64,
    pub category: String,
    pub description: String,
    pub eliminated_on: Option<String>,
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
    .bind(&act.period_from)
    .bind(&act.period_to)
    .bind(&act.proposals)
    .bind(&act.report_by)
    .bind(&act.acknowledged_by)
    .bind(&act.acknowledged_at)
    .bind(&act.created_by)
    .bind(&act.created_at)
    .fetch_one(&mut *conn)
    .await?;
    for v in violations {
        sqlx::query(
            "INSERT INTO safety_act_violations (act_id, category, description, eliminated_on) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(&v.category)
        .bind(&v.description)
        .bind(&v.eliminated_on)
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
    from: &str,
    to: &str,
    limit: i64,
) -> Result<Vec<Act>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACT_COLUMNS} FROM safety_acts WHERE period_to >= $1 AND period_to <= $2 \
         ORDER BY period_to DESC, id DESC LIMIT $3"
    )))
    .bind(from)
    .bind(to)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// The distinct units inspected by Acts whose control ended in `from..=to`.
pub async fn inspected_units(
    conn: &mut Conn,
    from: &str,
    to: &str,
) -> Result<Vec<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT unit_id FROM safety_acts WHERE period_to >= $1 AND period_to <= $2",
    )
    .bind(from)
    .bind(to)
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct OverdueViolation {
    pub id: i64,
    pub act_id: i64,
    pub unit_id: i64,
    pub category: String,
    pub description: String,
    pub report_by: String,
}

pub async fn overdue_violations(
    conn: &mut Conn,
    today: &str,
) -> Result<Vec<OverdueViolation>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT v.id, v.act_id, a.unit_id, v.category, v.description, a.report_by \
         FROM safety_act_violations v JOIN safety_acts a ON a.id = v.act_id \
         WHERE v.eliminated_on IS NULL AND a.report_by < $1 ORDER BY a.report_by, v.id",
    )
    .bind(today)
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

pub async fn eliminate_violation(conn: &mut Conn, id: i64, on: &str) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "UPDATE safety_act_violations SET eliminated_on = $1 WHERE id = $2 \
         AND eliminated_on IS NULL",
    )
    .bind(on)
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
pub async fn acts_ended_by(conn: &mut Conn, ended_by: &str) -> Result<Vec<Act>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACT_COLUMNS} FROM safety_acts WHERE period_to <= $1 ORDER BY period_to, id"
    )))
    .bind(ended_by)
    .fetch_all(conn)
    .await?)
}

/// Violations of Acts ended in `from..=to`, counted by the inspected unit and category.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CategoryCount {
    pub unit_id: i64,
    pub category: String,
    pub count: i64,
}

pub async fn violation_counts(
    conn: &mut Conn,
    from: &str,
    to: &str,
) -> Result<Vec<CategoryCount>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT a.unit_id AS unit_id, v.category AS category, COUNT(*) AS count \
         FROM safety_act_violations v JOIN safety_acts a ON a.id = v.act_id \
         WHERE a.period_to >= $1 AND a.period_to <= $2 GROUP BY a.unit_id, v.category",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?)
}

// ---- Incidents ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Incident {
    pub id: i64,
    pub unit_id: i64,
    pub occurred_on: String,
    pub kind: String,
    pub in_duty: i64,
    pub cause: String,
    pub activity: String,
    pub season: String,
    pub description: String,
    pub recorded_by: String,
    pub recorded_at: String,
}

const INCIDENT_BATCH: usize = 40;
const INCIDENT_COLUMNS: &str = "id, unit_id, occurred_on, kind, in_duty, cause, activity, season, \
     description, recorded_by, recorded_at";

/// Inserts incidents (ids ignored) in short multi-row statements.
pub async fn insert_incidents(conn: &mut Conn, incidents: &[Incident]) -> Result<u64, StoreError> {
    const HEAD: &str = "INSERT INTO safety_incidents (unit_id, occurred_on, kind, in_duty, cause, \
         activity, season, description, recorded_by, recorded_at) VALUES";
    let mut written = 0;
    for chunk in incidents.chunks(INCIDENT_BATCH) {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(multi_row_insert(HEAD, 10, chunk.len())));
        for i in chunk {
            query = query
                .bind(i.unit_id)
                .bind(&i.occurred_on)
                .bind(&i.kind)
                .bind(i.in_duty)
                .bind(&i.cause)
                .bind(&i.activity)
                .bind(&i.season)
                .bind(&i.description)
                .bind(&i.recorded_by)
                .bind(&i.recorded_at);
        }
        written += query.execute(&mut *conn).await?.rows_affected();
    }
    Ok(written)
}

/// Incidents that occurred in `from..=to`, newest first, at most `limit`.
pub async fn incidents_between(
    conn: &mut Conn,
    from: &str,
    to: &str,
    limit: i64,
) -> Result<Vec<Incident>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {INCIDENT_COLUMNS} FROM safety_incidents WHERE occurred_on >= $1 \
         AND occurred_on <= $2 ORDER BY occurred_on DESC, id DESC LIMIT $3"
    )))
    .bind(from)
    .bind(to)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

// ---- Roll-ups ------------------------------------------------------------------------------

/// The incidents of a unit's subtree in a month, by cause.
#[derive(Debug, Clone, PartialEq, Eq, Hash, sqlx::FromRow)]
pub struct IncidentRollup {
    pub unit_id: i64,
    pub month: String,
    pub cause: String,
    pub deaths_duty: i64,
    pub injuries_duty: i64,
    pub deaths_other: i64,
    pub injuries_other: i64,
}

/// The strength of a unit's subtree in a month, and how many of its units reported.
#[derive(Debug, Clone, PartialEq, Eq, Hash, sqlx::FromRow)]
pub struct StrengthRollup {
    pub unit_id: i64,
    pub month: String,
    pub personnel: i64,
    pub reporting: i64,
}

const ROLLUP_BATCH: usize = 40;
/// Ids per `IN (...)` list.
const ID_CHUNK: usize = 50;

fn id_list(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Adds `rows` to the incident roll-ups (the counts are increments).
pub async fn add_incident_rollups(
    conn: &mut Conn,
    rows: &[IncidentRollup],
) -> Result<(), StoreError> {
    for chunk in rows.chunks(ROLLUP_BATCH) {
        let mut sql = multi_row_insert(
            "INSERT INTO safety_incident_rollup (unit_id, month, cause, deaths_duty, \
             injuries_duty, deaths_other, injuries_other) VALUES",
            7,
            chunk.len(),
        );
        sql.push_str(
            " ON CONFLICT (unit_id, month, cause) DO UPDATE SET \
             deaths_duty = safety_incident_rollup.deaths_duty + excluded.deaths_duty, \
             injuries_duty = safety_incident_rollup.injuries_duty + excluded.injuries_duty, \
             deaths_other = safety_incident_rollup.deaths_other + excluded.deaths_other, \
             injuries_other = safety_incident_rollup.injuries_other + excluded.injuries_other",
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for r in chunk {
            query = query
                .bind(r.unit_id)
                .bind(&r.month)
                .bind(&r.cause)
                .bind(r.deaths_duty)
                .bind(r.injuries_duty)
                .bind(r.deaths_other)
                .bind(r.injuries_other);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Adds `rows` to the strength roll-ups (personnel and reporting are increments).
pub async fn add_strength_rollups(
    conn: &mut Conn,
    rows: &[StrengthRollup],
) -> Result<(), StoreError> {
    for chunk in rows.chunks(ROLLUP_BATCH) {
        let mut sql = multi_row_insert(
            "INSERT INTO safety_strength_rollup (unit_id, month, personnel, reporting) VALUES",
            4,
            chunk.len(),
        );
        sql.push_str(
            " ON CONFLICT (unit_id, month) DO UPDATE SET \
             personnel = safety_strength_rollup.personnel + excluded.personnel, \
             reporting = safety_strength_rollup.reporting + excluded.reporting",
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for r in chunk {
            query = query
                .bind(r.unit_id)
                .bind(&r.month)
                .bind(r.personnel)
                .bind(r.reporting);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// The incident roll-ups of `unit_ids` for the months `from..=to`.
pub async fn incident_rollups(
    conn: &mut Conn,
    unit_ids: &[i64],
    from: &str,
    to: &str,
) -> Result<Vec<IncidentRollup>, StoreError> {
    let mut out = Vec::new();
    for chunk in unit_ids.chunks(ID_CHUNK) {
        let sql = format!(
            "SELECT unit_id, month, cause, deaths_duty, injuries_duty, deaths_other, \
             injuries_other FROM safety_incident_rollup WHERE month >= $1 AND month <= $2 \
             AND unit_id IN ({})",
            id_list(3, chunk.len())
        );
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(from).bind(to);
        for id in chunk {
            query = query.bind(*id);
        }
        out.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(out)
}

/// The strength roll-ups of `unit_ids` for the months `from..=to`.
pub async fn strength_rollups(
    conn: &mut Conn,
    unit_ids: &[i64],
    from: &str,
    to: &str,
) -> Result<Vec<StrengthRollup>, StoreError> {
    let mut out = Vec::new();
    for chunk in unit_ids.chunks(ID_CHUNK) {
        let sql = format!(
            "SELECT unit_id, month, personnel, reporting FROM safety_strength_rollup \
             WHERE month >= $1 AND month <= $2 AND unit_id IN ({})",
            id_list(3, chunk.len())
        );
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(from).bind(to);
        for id in chunk {
            query = query.bind(*id);
        }
        out.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(out)
}

/// The stored strength figures of `unit_ids` for the months `from..=to` (to compute the
/// change a new figure makes).
pub async fn strength_of_units(
    conn: &mut Conn,
    unit_ids: &[i64],
    from: &str,
    to: &str,
) -> Result<Vec<Strength>, StoreError> {
    let mut out = Vec::new();
    for chunk in unit_ids.chunks(ID_CHUNK) {
        let sql = format!(
            "SELECT unit_id, month, personnel FROM safety_strength \
             WHERE month >= $1 AND month <= $2 AND unit_id IN ({})",
            id_list(3, chunk.len())
        );
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(from).bind(to);
        for id in chunk {
            query = query.bind(*id);
        }
        out.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(out)
}

/// Every incident counted by unit, month and cause: the facts the roll-ups are checked
/// against (a full scan, for the verification command only).
pub async fn incident_counts_by_unit(conn: &mut Conn) -> Result<Vec<IncidentRollup>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT unit_id, substr(occurred_on, 1, 7) AS month, cause, \
         SUM(CASE WHEN kind = 'death' AND in_duty = 1 THEN 1 ELSE 0 END) AS deaths_duty, \
         SUM(CASE WHEN kind <> 'death' AND in_duty = 1 THEN 1 ELSE 0 END) AS injuries_duty, \
         SUM(CASE WHEN kind = 'death' AND in_duty = 0 THEN 1 ELSE 0 END) AS deaths_other, \
         SUM(CASE WHEN kind <> 'death' AND in_duty = 0 THEN 1 ELSE 0 END) AS injuries_other \
         FROM safety_incidents GROUP BY unit_id, substr(occurred_on, 1, 7), cause",
    )
    .fetch_all(conn)
    .await?)
}

pub async fn all_incident_rollups(conn: &mut Conn) -> Result<Vec<IncidentRollup>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT unit_id, month, cause, deaths_duty, injuries_duty, deaths_other, injuries_other \
         FROM safety_incident_rollup",
    )
    .fetch_all(conn)
    .await?)
}

pub async fn all_strength_rollups(conn: &mut Conn) -> Result<Vec<StrengthRollup>, StoreError> {
    Ok(
        sqlx::query_as("SELECT unit_id, month, personnel, reporting FROM safety_strength_rollup")
            .fetch_all(conn)
            .await?,
    )
}

/// Empties both roll-ups (before they are rebuilt from the facts).
pub async fn clear_rollups(conn: &mut Conn) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM safety_incident_rollup")
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM safety_strength_rollup")
        .execute(conn)
        .await?;
    Ok(())
}

// ---- Analyses ----------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Analysis {
    pub id: i64,
    pub body_id: i64,
    pub kind: String,
    pub year: i64,
    pub number: i64,
    pub conclusions: String,
    pub measures: String,
    pub completed_by: String,
    pub completed_at: String,
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
    .bind(&a.kind)
    .bind(a.year)
    .bind(a.number)
    .bind(&a.conclusions)
    .bind(&a.measures)
    .bind(&a.completed_by)
    .bind(&a.completed_at)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn analysis(
    conn: &mut Conn,
    body_id: i64,
    kind: &str,
    year: i64,
    number: i64,
) -> Result<Option<Analysis>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ANALYSIS_COLUMNS} FROM safety_analyses WHERE body_id = $1 AND kind = $2 \
         AND year = $3 AND number = $4"
    )))
    .bind(body_id)
    .bind(kind)
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

/// Inserts one incident and returns its id.
pub async fn insert_incident(conn: &mut Conn, i: &Incident) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO safety_incidents (unit_id, occurred_on, kind, in_duty, cause, activity, \
         season, description, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(i.unit_id)
    .bind(&i.occurred_on)
    .bind(&i.kind)
    .bind(i.in_duty)
    .bind(&i.cause)
    .bind(&i.activity)
    .bind(&i.season)
    .bind(&i.description)
    .bind(&i.recorded_by)
    .bind(&i.recorded_at)
    .fetch_one(conn)
    .await?)
}
