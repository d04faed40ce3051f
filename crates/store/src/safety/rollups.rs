//! Roll-ups of incidents and strength by unit subtree and month, and the facts they are
//! checked against.

use qorgau_rules::safety::Cause;
use sqlx::any::AnyRow;

use super::strength::Strength;
use crate::batch::multi_row_insert;
use crate::decode;
use crate::{Conn, StoreError};

/// The incidents of a unit's subtree in a month ('YYYY-MM'), by cause.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IncidentRollup {
    pub unit_id: i64,
    pub month: String,
    pub cause: Cause,
    pub deaths_duty: i64,
    pub injuries_duty: i64,
    pub deaths_other: i64,
    pub injuries_other: i64,
}

impl sqlx::FromRow<'_, AnyRow> for IncidentRollup {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            unit_id: row.try_get("unit_id")?,
            month: row.try_get("month")?,
            cause: decode::word(row, "cause")?,
            deaths_duty: row.try_get("deaths_duty")?,
            injuries_duty: row.try_get("injuries_duty")?,
            deaths_other: row.try_get("deaths_other")?,
            injuries_other: row.try_get("injuries_other")?,
        })
    }
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
                .bind(r.cause.as_str())
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
