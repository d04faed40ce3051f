//! Units' monthly strength figures.

use crate::batch::multi_row_insert;
use crate::{Conn, StoreError};

/// A unit's strength for a month ('YYYY-MM': a month, not a day, so it stays text).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
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
