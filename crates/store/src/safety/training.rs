//! Training events.

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_rules::safety::{Activity, TrainingKind};
use sqlx::any::AnyRow;

use crate::decode::{self, encode_flag, format_date, format_instant};
use crate::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Training {
    pub id: i64,
    pub unit_id: i64,
    pub kind: TrainingKind,
    /// For a special exercise: the activity it prepares.
    pub activity: Option<Activity>,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub held: bool,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for Training {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            unit_id: row.try_get("unit_id")?,
            kind: decode::word(row, "kind")?,
            activity: decode::opt_word(row, "activity")?,
            title: row.try_get("title")?,
            starts_on: decode::date(row, "starts_on")?,
            ends_on: decode::date(row, "ends_on")?,
            held: decode::flag(row, "held")?,
            created_by: row.try_get("created_by")?,
            created_at: decode::instant(row, "created_at")?,
        })
    }
}

const TRAINING_COLUMNS: &str =
    "id, unit_id, kind, activity, title, starts_on, ends_on, held, created_by, created_at";

pub async fn insert_training(conn: &mut Conn, t: &Training) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO safety_trainings (unit_id, kind, activity, title, starts_on, ends_on, held, \
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(t.unit_id)
    .bind(t.kind.as_str())
    .bind(t.activity.map(Activity::as_str))
    .bind(&t.title)
    .bind(format_date(t.starts_on))
    .bind(format_date(t.ends_on))
    .bind(encode_flag(t.held))
    .bind(&t.created_by)
    .bind(format_instant(t.created_at))
    .fetch_one(conn)
    .await?)
}

/// Training events that end on or after `from`, by start.
pub async fn trainings_from(conn: &mut Conn, from: NaiveDate) -> Result<Vec<Training>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {TRAINING_COLUMNS} FROM safety_trainings WHERE ends_on >= $1 \
         ORDER BY starts_on, id"
    )))
    .bind(format_date(from))
    .fetch_all(conn)
    .await?)
}
