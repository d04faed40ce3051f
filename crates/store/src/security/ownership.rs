//! The shareholder graph: organisations (and persons) and holdings between them.

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_rules::Percent;
use qorgau_rules::security::vocabulary::{Activity, ListKind};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::batch::multi_row_insert;
use crate::decode;
use crate::{Conn, StoreError};

/// An organisation or person of the shareholder graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    pub id: i64,
    pub code: String,
    pub name: String,
    /// A foreign natural or legal person or a stateless person.
    pub foreign_person: bool,
    pub activities: Vec<Activity>,
    pub trunk_lines_run_by_foreigners: bool,
    pub control_centre_abroad: bool,
}

impl sqlx::FromRow<'_, AnyRow> for Organisation {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            code: row.try_get("code")?,
            name: row.try_get("name")?,
            foreign_person: decode::flag(row, "foreign_person")?,
            activities: activities(row)?,
            trunk_lines_run_by_foreigners: decode::flag(row, "trunk_lines_run_by_foreigners")?,
            control_centre_abroad: decode::flag(row, "control_centre_abroad")?,
        })
    }
}

/// The activities column: words separated by spaces.
fn activities(row: &AnyRow) -> Result<Vec<Activity>, sqlx::Error> {
    let text: String = row.try_get("activities")?;
    text.split_whitespace()
        .map(|word| {
            word.parse()
                .map_err(|e: qorgau_i18n::UnknownWord| sqlx::Error::ColumnDecode {
                    index: "activities".to_owned(),
                    source: Box::new(e),
                })
        })
        .collect()
}

/// The stored form of the activities: their words separated by spaces.
fn encode_activities(activities: &[Activity]) -> String {
    activities
        .iter()
        .map(|a| a.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `owner_id` holds `share` of `owned_id`.
#[derive(Debug, Clone, PartialEq)]
pub struct HoldingRow {
    pub owner_id: i64,
    pub owned_id: i64,
    pub share: Percent,
}

impl sqlx::FromRow<'_, AnyRow> for HoldingRow {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        let share: f64 = row.try_get("share")?;
        // Stored as written by an import that read it as a percent; `marked`, since a stored
        // 0.5 is half a percent, not a fraction typed by mistake.
        let share = Percent::new(share, true).map_err(|e| sqlx::Error::ColumnDecode {
            index: "share".to_owned(),
            source: Box::new(e),
        })?;
        Ok(Self {
            owner_id: row.try_get("owner_id")?,
            owned_id: row.try_get("owned_id")?,
            share,
        })
    }
}

const ORGANISATION_COLUMNS: &str = "id, code, name, foreign_person, activities, \
     trunk_lines_run_by_foreigners, control_centre_abroad";
const BATCH: usize = 40;
const ID_CHUNK: usize = 50;

pub async fn insert_organisations(
    conn: &mut Conn,
    rows: &[Organisation],
    at: &str,
) -> Result<u64, StoreError> {
    let mut written = 0;
    for chunk in rows.chunks(BATCH) {
        let sql = multi_row_insert(
            "INSERT INTO security_organisations (code, name, foreign_person, activities, \
             trunk_lines_run_by_foreigners, control_centre_abroad, imported_at) VALUES",
            7,
            chunk.len(),
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for o in chunk {
            query = query
                .bind(&o.code)
                .bind(&o.name)
                .bind(decode::encode_flag(o.foreign_person))
                .bind(encode_activities(&o.activities))
                .bind(decode::encode_flag(o.trunk_lines_run_by_foreigners))
                .bind(decode::encode_flag(o.control_centre_abroad))
                .bind(at);
        }
        written += query
            .execute(&mut *conn)
            .await
            .map_err(|e| StoreError::conflict_or(e, || "an organisation with this code".into()))?
            .rows_affected();
    }
    Ok(written)
}

pub async fn insert_holdings(conn: &mut Conn, rows: &[HoldingRow]) -> Result<u64, StoreError> {
    let mut written = 0;
    for chunk in rows.chunks(BATCH) {
        let sql = multi_row_insert(
            "INSERT INTO security_holdings (owner_id, owned_id, share) VALUES",
            3,
            chunk.len(),
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for h in chunk {
            query = query
                .bind(h.owner_id)
                .bind(h.owned_id)
                .bind(h.share.value());
        }
        written += query
            .execute(&mut *conn)
            .await
            .map_err(|e| StoreError::conflict_or(e, || "a holding between these two".into()))?
            .rows_affected();
    }
    Ok(written)
}

/// Ids by code for `codes` (unknown codes are absent).
pub async fn ids_by_code(
    conn: &mut Conn,
    codes: &[String],
) -> Result<Vec<(String, i64)>, StoreError> {
    let mut out = Vec::new();
    for chunk in codes.chunks(ID_CHUNK) {
        let list = (1..=chunk.len())
            .map(|n| format!("${n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!("SELECT code, id FROM security_organisations WHERE code IN ({list})");
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
        for code in chunk {
            query = query.bind(code);
        }
        out.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(out)
}

pub async fn organisation_by_code(conn: &mut Conn, code: &str) -> Result<Organisation, StoreError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ORGANISATION_COLUMNS} FROM security_organisations WHERE code = $1"
    )))
    .bind(code)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| StoreError::NotFound {
        entity: "organisation",
        id: code.to_owned(),
    })
}

pub async fn organisations_by_ids(
    conn: &mut Conn,
    ids: &[i64],
) -> Result<Vec<Organisation>, StoreError> {
    let mut out = Vec::new();
    for chunk in ids.chunks(ID_CHUNK) {
        let list = (1..=chunk.len())
            .map(|n| format!("${n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT {ORGANISATION_COLUMNS} FROM security_organisations WHERE id IN ({list})"
        );
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            query = query.bind(*id);
        }
        out.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(out)
}

/// The holdings in any of `owned` (one level up the graph).
pub async fn holdings_in(conn: &mut Conn, owned: &[i64]) -> Result<Vec<HoldingRow>, StoreError> {
    let mut out = Vec::new();
    for chunk in owned.chunks(ID_CHUNK) {
        let list = (1..=chunk.len())
            .map(|n| format!("${n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT owner_id, owned_id, share FROM security_holdings WHERE owned_id IN ({list})"
        );
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            query = query.bind(*id);
        }
        out.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(out)
}

/// Every organisation (the flags and activities the screening needs), by id.
pub async fn all_organisations(conn: &mut Conn) -> Result<Vec<Organisation>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ORGANISATION_COLUMNS} FROM security_organisations ORDER BY id"
    )))
    .fetch_all(conn)
    .await?)
}

pub async fn all_holdings(conn: &mut Conn) -> Result<Vec<HoldingRow>, StoreError> {
    Ok(
        sqlx::query_as("SELECT owner_id, owned_id, share FROM security_holdings")
            .fetch_all(conn)
            .await?,
    )
}

/// Organisations whose code or name starts with `q` (at most `limit`).
pub async fn search_organisations(
    conn: &mut Conn,
    q: &str,
    limit: i64,
) -> Result<Vec<Organisation>, StoreError> {
    let pattern = format!("{}%", q.replace(['%', '_'], ""));
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ORGANISATION_COLUMNS} FROM security_organisations \
         WHERE code LIKE $1 OR name LIKE $1 ORDER BY code LIMIT $2"
    )))
    .bind(pattern)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// An entry added to a list by a later act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListAddition {
    pub id: i64,
    pub list: ListKind,
    pub text: String,
    pub added_by_act: String,
    pub effective_from: NaiveDate,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for ListAddition {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            list: decode::word(row, "list")?,
            text: row.try_get("text")?,
            added_by_act: row.try_get("added_by_act")?,
            effective_from: decode::date(row, "effective_from")?,
            recorded_by: row.try_get("recorded_by")?,
            recorded_at: decode::instant(row, "recorded_at")?,
        })
    }
}

pub async fn insert_addition(conn: &mut Conn, a: &ListAddition) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO security_list_additions (list, text, added_by_act, effective_from, \
         recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(a.list.as_str())
    .bind(&a.text)
    .bind(&a.added_by_act)
    .bind(decode::format_date(a.effective_from))
    .bind(&a.recorded_by)
    .bind(decode::format_instant(a.recorded_at))
    .fetch_one(conn)
    .await?)
}

/// The additions in force on `as_of` (effective on or before it), oldest first.
pub async fn additions_on(
    conn: &mut Conn,
    as_of: NaiveDate,
) -> Result<Vec<ListAddition>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, list, text, added_by_act, effective_from, recorded_by, recorded_at \
         FROM security_list_additions WHERE effective_from <= $1 ORDER BY effective_from, id",
    )
    .bind(decode::format_date(as_of))
    .fetch_all(conn)
    .await?)
}
