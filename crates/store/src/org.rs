//! The organisation tree: bodies of military command, local administrations, the Security
//! Council's secretariat, and whatever else a grant can be scoped to.

use crate::{Conn, StoreError, decode};

qorgau_i18n::vocabulary! {
    /// What a unit of the tree is, as the tree stores it.
    #[derive(Debug)]
    pub enum UnitKind: "unit-kind-" {
        /// The root: the state.
        State = "state",
        Ministry = "ministry",
        /// The five levels of bodies of military command (001, para 2, item 3).
        OperationalStrategic = "operational_strategic",
        OperationalTerritorial = "operational_territorial",
        OperationalTactical = "operational_tactical",
        Tactical = "tactical",
        Local = "local",
        /// A military unit, department or service inside a body.
        MilitaryUnit = "military_unit",
        Department = "department",
        Service = "service",
        /// A local military administration body (conscription and registration).
        MilitaryAdministration = "military_administration",
        /// The Security Council and its secretariat.
        Council = "council",
        Other = "other",
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgUnit {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    pub kind: UnitKind,
    pub path: String,
}

impl sqlx::FromRow<'_, sqlx::any::AnyRow> for OrgUnit {
    fn from_row(row: &sqlx::any::AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            parent_id: row.try_get("parent_id")?,
            name: row.try_get("name")?,
            kind: decode::word(row, "kind")?,
            path: row.try_get("path")?,
        })
    }
}

impl OrgUnit {
    /// Whether `other` is this unit or lies below it.
    pub fn contains(&self, other: &OrgUnit) -> bool {
        other.path.starts_with(&self.path)
    }
}

macro_rules! columns {
    () => {
        "id, parent_id, name, kind, path"
    };
}

/// Inserts a unit under `parent_id` (or as a root) and returns it with its path.
pub async fn insert(
    conn: &mut Conn,
    parent_id: Option<i64>,
    name: &str,
    kind: UnitKind,
    at: &str,
) -> Result<OrgUnit, StoreError> {
    let parent_path = match parent_id {
        Some(parent) => get(conn, parent).await?.path,
        None => "/".to_owned(),
    };
    // The path needs the new id, so the row is written with a unique placeholder first.
    let placeholder = format!("{parent_path}?{name}?{at}");
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO org_units (parent_id, name, kind, path, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(parent_id)
    .bind(name)
    .bind(kind.as_str())
    .bind(&placeholder)
    .bind(at)
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| StoreError::conflict_or(e, || format!("unit {name:?}")))?;
    let path = format!("{parent_path}{id}/");
    sqlx::query("UPDATE org_units SET path = $1 WHERE id = $2")
        .bind(&path)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(OrgUnit {
        id,
        parent_id,
        name: name.to_owned(),
        kind,
        path,
    })
}

pub async fn get(conn: &mut Conn, id: i64) -> Result<OrgUnit, StoreError> {
    find(conn, id).await?.ok_or(StoreError::NotFound {
        entity: "organisation unit",
        id: id.to_string(),
    })
}

pub async fn find(conn: &mut Conn, id: i64) -> Result<Option<OrgUnit>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM org_units WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// Every unit, in tree order (parents before children).
pub async fn list(conn: &mut Conn) -> Result<Vec<OrgUnit>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM org_units ORDER BY path"
    ))
    .fetch_all(conn)
    .await?)
}

/// The units whose path starts with one of `paths` (the subtrees of those units).
pub async fn list_within(conn: &mut Conn, paths: &[String]) -> Result<Vec<OrgUnit>, StoreError> {
    let mut all = list(conn).await?;
    all.retain(|unit| paths.iter().any(|p| unit.path.starts_with(p.as_str())));
    Ok(all)
}

/// The root units (normally one).
pub async fn roots(conn: &mut Conn) -> Result<Vec<OrgUnit>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM org_units WHERE parent_id IS NULL ORDER BY id"
    ))
    .fetch_all(conn)
    .await?)
}

/// How many units there are and the highest id: units are only ever added (never moved,
/// renamed or removed), so this pair changes exactly when the tree does.
pub async fn fingerprint(conn: &mut Conn) -> Result<(i64, i64), StoreError> {
    Ok(
        sqlx::query_as("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM org_units")
            .fetch_one(conn)
            .await?,
    )
}
