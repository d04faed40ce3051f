//! The citizen register: citizens as imported, looked up by id, IIN, name or unit.

use std::sync::OnceLock;

use chrono::NaiveDate;
use qorgau_rules::conscription::{Iin, RemovalReason, Sex};
use sqlx::any::AnyRow;

use crate::batch::multi_row_insert;
use crate::decode;
use crate::{Conn, StoreError};

/// A citizen as registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citizen {
    pub id: i64,
    pub unit_id: i64,
    pub iin: Iin,
    pub surname: String,
    pub given_name: String,
    pub patronymic: String,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    /// The children's birth dates, empty for none; `None` when the register was not told.
    pub children_birth_dates: Option<Vec<NaiveDate>>,
    pub residence_address: String,
    pub temporary_address: String,
    pub work_address: String,
    pub mobile: Option<String>,
    pub mobile_in_own_name: bool,
    pub egov_account_with_mobile: bool,
    pub has_military_specialty: bool,
    pub removed_reason: RemovalReason,
    pub serving_sentence: bool,
    pub permanent_residence_abroad: bool,
    pub law_enforcement_or_civil_protection: bool,
}

impl<'r> sqlx::FromRow<'r, AnyRow> for Citizen {
    fn from_row(row: &'r AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            unit_id: row.try_get("unit_id")?,
            iin: decode::parsed(row, "iin")?,
            surname: row.try_get("surname")?,
            given_name: row.try_get("given_name")?,
            patronymic: row.try_get("patronymic")?,
            sex: decode::word(row, "sex")?,
            birth_date: decode::date(row, "birth_date")?,
            children_birth_dates: children(row)?,
            residence_address: row.try_get("residence_address")?,
            temporary_address: row.try_get("temporary_address")?,
            work_address: row.try_get("work_address")?,
            mobile: row.try_get("mobile")?,
            mobile_in_own_name: decode::flag(row, "mobile_in_own_name")?,
            egov_account_with_mobile: decode::flag(row, "egov_account_with_mobile")?,
            has_military_specialty: decode::flag(row, "has_military_specialty")?,
            removed_reason: decode::word(row, "removed_reason")?,
            serving_sentence: decode::flag(row, "serving_sentence")?,
            permanent_residence_abroad: decode::flag(row, "permanent_residence_abroad")?,
            law_enforcement_or_civil_protection: decode::flag(
                row,
                "law_enforcement_or_civil_protection",
            )?,
        })
    }
}

/// The word stored for a citizen known to have no children.
const NO_CHILDREN: &str = "none";

/// The children's birth dates: one column of dates separated by spaces, [`NO_CHILDREN`] for
/// none, empty when not given.
fn children(row: &AnyRow) -> Result<Option<Vec<NaiveDate>>, sqlx::Error> {
    use sqlx::Row;
    const COLUMN: &str = "children_birth_dates";
    let text: String = row.try_get(COLUMN)?;
    match text.trim() {
        "" => return Ok(None),
        NO_CHILDREN => return Ok(Some(Vec::new())),
        _ => {}
    }
    text.split_whitespace()
        .map(|day| {
            NaiveDate::parse_from_str(day, decode::DATE_FORMAT).map_err(|e| {
                sqlx::Error::ColumnDecode {
                    index: COLUMN.to_owned(),
                    source: format!("{day:?} is not a date: {e}").into(),
                }
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// The stored form of the children's birth dates.
fn children_text(dates: Option<&[NaiveDate]>) -> String {
    match dates {
        None => String::new(),
        Some([]) => NO_CHILDREN.to_owned(),
        Some(dates) => dates
            .iter()
            .map(|d| decode::format_date(*d))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

macro_rules! citizen_columns {
    () => {
        "c.id, c.unit_id, c.iin, c.surname, c.given_name, c.patronymic, c.sex, c.birth_date, \
         c.children_birth_dates, c.residence_address, c.temporary_address, c.work_address, \
         c.mobile, c.mobile_in_own_name, c.egov_account_with_mobile, c.has_military_specialty, \
         c.removed_reason, c.serving_sentence, c.permanent_residence_abroad, \
         c.law_enforcement_or_civil_protection"
    };
}

const CITIZEN_INSERT_COLUMNS: usize = 20;
/// Rows per multi-row INSERT. Small on purpose: binding `$N` parameters costs time that grows
/// faster than their number (measured: 1,000 rows x 7 binds per statement wrote 15,000 rows/s,
/// 100 rows 100,000 rows/s), so many short statements beat a few long ones.
const CITIZEN_BATCH: usize = 25;

/// Inserts citizens (ids ignored) and returns how many were written. Conflicts on the IIN are
/// reported naming the IIN when a batch of one fails.
pub async fn insert_citizens(
    conn: &mut Conn,
    citizens: &[Citizen],
    at: &str,
) -> Result<u64, StoreError> {
    static FULL: OnceLock<String> = OnceLock::new();
    const HEAD: &str = "INSERT INTO citizens (unit_id, iin, surname, given_name, patronymic, sex, \
         birth_date, children_birth_dates, residence_address, temporary_address, work_address, \
         mobile, mobile_in_own_name, egov_account_with_mobile, has_military_specialty, \
         removed_reason, serving_sentence, permanent_residence_abroad, \
         law_enforcement_or_civil_protection, imported_at) VALUES";
    let mut written = 0;
    for chunk in citizens.chunks(CITIZEN_BATCH) {
        let sql = if chunk.len() == CITIZEN_BATCH {
            FULL.get_or_init(|| multi_row_insert(HEAD, CITIZEN_INSERT_COLUMNS, CITIZEN_BATCH))
                .clone()
        } else {
            multi_row_insert(HEAD, CITIZEN_INSERT_COLUMNS, chunk.len())
        };
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for c in chunk {
            query = query
                .bind(c.unit_id)
                .bind(c.iin.to_string())
                .bind(&c.surname)
                .bind(&c.given_name)
                .bind(&c.patronymic)
                .bind(c.sex.as_str())
                .bind(decode::format_date(c.birth_date))
                .bind(children_text(c.children_birth_dates.as_deref()))
                .bind(&c.residence_address)
                .bind(&c.temporary_address)
                .bind(&c.work_address)
                .bind(&c.mobile)
                .bind(decode::encode_flag(c.mobile_in_own_name))
                .bind(decode::encode_flag(c.egov_account_with_mobile))
                .bind(decode::encode_flag(c.has_military_specialty))
                .bind(c.removed_reason.as_str())
                .bind(decode::encode_flag(c.serving_sentence))
                .bind(decode::encode_flag(c.permanent_residence_abroad))
                .bind(decode::encode_flag(c.law_enforcement_or_civil_protection))
                .bind(at);
        }
        let result = query.execute(&mut *conn).await.map_err(|e| {
            StoreError::conflict_or(e, || match chunk {
                [one] => format!("citizen with IIN {}", one.iin),
                _ => "a citizen with one of these IINs".to_owned(),
            })
        })?;
        written += result.rows_affected();
    }
    Ok(written)
}

/// IINs looked up per statement (see [`CITIZEN_BATCH`] on why statements stay short).
const IIN_LOOKUP: usize = 50;

/// The IINs among `iins` that are already registered.
pub async fn existing_iins(conn: &mut Conn, iins: &[String]) -> Result<Vec<String>, StoreError> {
    static FULL: OnceLock<String> = OnceLock::new();
    // Built from constants only: "... IN ($1, ..., $n)".
    let lookup = |n: usize| {
        let marks: Vec<String> = (1..=n).map(|i| format!("${i}")).collect();
        format!(
            "SELECT iin FROM citizens WHERE iin IN ({})",
            marks.join(", ")
        )
    };
    let mut found = Vec::new();
    for chunk in iins.chunks(IIN_LOOKUP) {
        let sql = if chunk.len() == IIN_LOOKUP {
            FULL.get_or_init(|| lookup(IIN_LOOKUP)).clone()
        } else {
            lookup(chunk.len())
        };
        let mut query = sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql));
        for iin in chunk {
            query = query.bind(iin);
        }
        found.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(found)
}

pub async fn citizen(conn: &mut Conn, id: i64) -> Result<Citizen, StoreError> {
    sqlx::query_as(concat!(
        "SELECT ",
        citizen_columns!(),
        " FROM citizens c WHERE c.id = $1"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(StoreError::NotFound {
        entity: "citizen",
        id: id.to_string(),
    })
}

pub async fn citizen_by_iin(conn: &mut Conn, iin: &str) -> Result<Option<Citizen>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        citizen_columns!(),
        " FROM citizens c WHERE c.iin = $1"
    ))
    .bind(iin)
    .fetch_optional(conn)
    .await?)
}

/// Citizens registered in units under `unit_path` whose IIN starts with `query` or whose
/// surname or given name starts with it (case as typed, and capitalised), by surname.
pub async fn search_citizens(
    conn: &mut Conn,
    unit_path: &str,
    query: &str,
    limit: i64,
) -> Result<Vec<Citizen>, StoreError> {
    let prefix = format!("{}%", query.replace(['%', '_'], ""));
    let capitalised = {
        let mut chars = query.chars();
        match chars.next() {
            Some(first) => format!("{}{}%", first.to_uppercase(), chars.as_str()),
            None => "%".to_owned(),
        }
    };
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        citizen_columns!(),
        " FROM citizens c JOIN org_units u ON u.id = c.unit_id \
         WHERE u.path LIKE $1 AND (c.iin LIKE $2 OR c.surname LIKE $2 OR c.surname LIKE $3 \
         OR c.given_name LIKE $2 OR c.given_name LIKE $3) \
         ORDER BY c.surname, c.given_name, c.id LIMIT $4"
    ))
    .bind(format!("{unit_path}%"))
    .bind(&prefix)
    .bind(&capitalised)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// A page of the citizens under `unit_path` with ids above `after_id`, by id (keyset paging).
pub async fn citizens_under_page(
    conn: &mut Conn,
    unit_path: &str,
    after_id: i64,
    limit: i64,
) -> Result<Vec<Citizen>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        citizen_columns!(),
        " FROM citizens c JOIN org_units u ON u.id = c.unit_id \
         WHERE u.path LIKE $1 AND c.id > $2 ORDER BY c.id LIMIT $3"
    ))
    .bind(format!("{unit_path}%"))
    .bind(after_id)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// Citizens with the given ids (in id order); unknown ids are left out.
pub async fn citizens_by_ids(conn: &mut Conn, ids: &[i64]) -> Result<Vec<Citizen>, StoreError> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let found: Option<Citizen> = sqlx::query_as(concat!(
            "SELECT ",
            citizen_columns!(),
            " FROM citizens c WHERE c.id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        out.extend(found);
    }
    out.sort_by_key(|c| c.id);
    Ok(out)
}

pub async fn count_citizens_under(conn: &mut Conn, unit_path: &str) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM citizens c JOIN org_units u ON u.id = c.unit_id WHERE u.path LIKE $1",
    )
    .bind(format!("{unit_path}%"))
    .fetch_one(conn)
    .await?)
}
