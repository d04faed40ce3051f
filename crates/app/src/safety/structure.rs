//! The command structure (para 2.3: bodies at five levels with their units, departments and
//! services) and its personnel strength over time.
//!
//! Strength is reported per unit and month. The average strength of a unit over a period is
//! the mean of its monthly figures in that period (months without a figure are left out, so a
//! period still running is averaged over the months reported so far); the strength of a body is
//! the sum of the averages of every unit in its subtree, itself included. Rates per 1,000
//! (para 17) divide by that average.

use std::collections::HashMap;

use qorgau_i18n::Message;
use qorgau_rules::safety::Echelon;
use qorgau_store::safety::{self as repo, Strength};
use serde::Serialize;
use serde_json::json;

use super::{Tree, echelon_of};
use crate::audit::{AuditAction, Change};
use crate::csv_import::csv_records;
pub use crate::csv_import::{ImportReport, RowRejection};
use crate::org::UnitKind;
use crate::{Acting, App, AppError, Permission, Scope, authorize};

pub const UNIT_CSV_COLUMNS: [&str; 4] = ["key", "parent", "name", "kind"];
pub const STRENGTH_CSV_COLUMNS: [&str; 3] = ["unit_id", "month", "personnel"];

/// A unit of the structure with what the safety pages show about it.
#[derive(Debug, Clone, Serialize)]
pub struct StructureNode {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    pub kind: UnitKind,
    pub depth: usize,
    /// The echelon of para 20 it analyses at, if it is a body of military command.
    pub echelon: Option<Echelon>,
    /// The latest reported strength of the unit itself, and its month.
    pub personnel: Option<i64>,
    pub personnel_month: Option<String>,
    /// The units below it.
    pub descendants: usize,
}

/// One month of strength ('YYYY-MM').
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StrengthPoint {
    pub month: String,
    pub personnel: i64,
}

impl App {
    /// The structure below `root_id` (or all the reader may see), in tree order, with the
    /// latest strength of each unit.
    pub async fn safety_structure(
        &self,
        acting: Acting<'_>,
        root_id: Option<i64>,
    ) -> Result<Vec<StructureNode>, AppError> {
        let tree = self.tree().await?;
        let roots: Vec<i64> = match root_id {
            Some(id) => {
                let unit = tree.get(id)?;
                authorize(acting, Permission::ReadSafety, Scope::Unit(&unit.path))?;
                vec![id]
            }
            None => {
                let paths = self.readable_paths(acting, Permission::ReadSafety)?;
                let mut roots: Vec<i64> = tree
                    .units
                    .values()
                    .filter(|u| {
                        paths.contains(&u.path)
                            || (u.parent_id.is_none() && paths.iter().any(|p| p == "/"))
                    })
                    .map(|u| u.id)
                    .collect();
                roots.sort_unstable();
                roots
            }
        };
        let latest = {
            let mut conn = self.store().pool().acquire().await?;
            latest_strength(&mut conn).await?
        };
        let mut out = Vec::new();
        for root in roots {
            let base_depth = tree.get(root)?.path.matches('/').count();
            let mut stack = vec![root];
            while let Some(id) = stack.pop() {
                let unit = tree.get(id)?;
                let kind = tree.kind(id);
                let (personnel, personnel_month) = match latest.get(&id) {
                    Some((month, personnel)) => (Some(*personnel), Some(month.clone())),
                    None => (None, None),
                };
                out.push(StructureNode {
                    id,
                    parent_id: unit.parent_id,
                    name: unit.name.clone(),
                    kind,
                    depth: unit.path.matches('/').count() - base_depth,
                    echelon: echelon_of(kind),
                    personnel,
                    personnel_month,
                    descendants: tree.subtree(id).len() - 1,
                });
                // Children pushed in reverse so they pop in id order.
                for &child in tree.children_of(id).iter().rev() {
                    stack.push(child);
                }
            }
        }
        Ok(out)
    }

    /// A unit's strength figures, newest first.
    pub async fn unit_strength(
        &self,
        acting: Acting<'_>,
        unit_id: i64,
    ) -> Result<Vec<StrengthPoint>, AppError> {
        self.unit_in_scope(acting, Permission::ReadSafety, unit_id)
            .await?;
        let mut conn = self.store().pool().acquire().await?;
        Ok(repo::strength_of_unit(&mut conn, unit_id)
            .await?
            .into_iter()
            .map(|s| StrengthPoint {
                month: s.month,
                personnel: s.personnel,
            })
            .collect())
    }

    /// Imports strength figures (`unit_id,month,personnel`). A figure for a unit and month
    /// already reported replaces it. Refused rows are reported; the rest are written in one
    /// transaction.
    pub async fn import_strength(
        &self,
        acting: Acting<'_>,
        csv_text: &str,
    ) -> Result<ImportReport, AppError> {
        authorize(acting, Permission::WriteSafety, Scope::Anywhere)?;
        let tree = self.tree().await?;
        let mut accepted = Vec::new();
        let mut rejected = Vec::new();
        for (line, record) in csv_records(csv_text, &STRENGTH_CSV_COLUMNS)? {
            match strength_row(&tree, acting, &record) {
                Ok(row) => accepted.push(row),
                // A unit outside the caller's scope refuses the whole import.
                Err(("forbidden", _)) => {
                    return Err(AppError::Forbidden {
                        permission: Permission::WriteSafety,
                    });
                }
                Err((column, reason)) => rejected.push(RowRejection::new(line, column, reason)),
            }
        }
        let mut w = self
            .write(acting, Permission::WriteSafety, Scope::Anywhere)
            .await?;
        let at = w.at_text();
        super::rollup::write_strength(w.conn(), &tree, &accepted, &at).await?;
        w.audit(Change {
            action: AuditAction::SafetyStrengthImport,
            entity: "safety_strength",
            entity_id: "import".to_owned(),
            before: None,
            after: Some(json!({ "rows": accepted.len(), "rejected": rejected.len() })),
        })
        .await?;
        w.commit().await?;
        Ok(ImportReport {
            imported: accepted.len() as u64,
            rejected,
        })
    }

    /// Imports units (`key,parent,name,kind`): `parent` is a key earlier in the file or
    /// `id:N` for a unit already in the tree. Either every row is valid and all are created in
    /// one transaction, or nothing is and every refused row is reported (a unit refused would
    /// orphan the rows below it).
    pub async fn import_structure(
        &self,
        acting: Acting<'_>,
        csv_text: &str,
    ) -> Result<ImportReport, AppError> {
        authorize(acting, Permission::ManageOrg, Scope::Anywhere)?;
        let tree = self.tree().await?;
        let rows = csv_records(csv_text, &UNIT_CSV_COLUMNS)?;
        let mut keys: HashMap<String, usize> = HashMap::new();
        let mut rejected = Vec::new();
        // (parent: existing id or index of an earlier row, name, kind)
        let mut plan: Vec<(Result<i64, usize>, String, UnitKind)> = Vec::new();
        for (line, record) in &rows {
            let (key, parent, name, kind) = (&record[0], &record[1], &record[2], &record[3]);
            let parsed = (|| {
                if key.is_empty() || keys.contains_key(key) {
                    return Err(("key", Message::new("invalid-structure-key").arg("key", key)));
                }
                let parent = if let Some(id) = parent.strip_prefix("id:") {
                    let id: i64 = id.parse().map_err(|_| {
                        (
                            "parent",
                            Message::new("invalid-number").arg("value", parent),
                        )
                    })?;
                    let unit = tree.get(id).map_err(|_| {
                        (
                            "parent",
                            Message::new("invalid-unit-missing").arg("id", id.to_string()),
                        )
                    })?;
                    // Outside the caller's scope: the whole import is refused below.
                    if authorize(acting, Permission::ManageOrg, Scope::Unit(&unit.path)).is_err() {
                        return Err((
                            "forbidden",
                            Message::new("invalid-structure-parent-forbidden"),
                        ));
                    }
                    Ok(id)
                } else {
                    Err(*keys.get(parent).ok_or((
                        "parent",
                        Message::new("invalid-structure-parent").arg("parent", parent),
                    ))?)
                };
                if let Some(fault) =
                    crate::validation::text_fault(name, 300, crate::validation::Lines::One, true)
                {
                    return Err(("name", fault));
                }
                let kind: UnitKind = kind
                    .parse()
                    .map_err(|_| ("kind", Message::new("invalid-unit-kind").arg("value", kind)))?;
                Ok((parent, name.to_owned(), kind))
            })();
            match parsed {
                Ok(row) => {
                    keys.insert(key.to_owned(), plan.len());
                    plan.push(row);
                }
                Err(("forbidden", _)) => {
                    return Err(AppError::Forbidden {
                        permission: Permission::ManageOrg,
                    });
                }
                Err((column, reason)) => rejected.push(RowRejection::new(*line, column, reason)),
            }
        }
        if !rejected.is_empty() {
            return Ok(ImportReport {
                imported: 0,
                rejected,
            });
        }
        let mut w = self
            .write(acting, Permission::ManageOrg, Scope::Anywhere)
            .await?;
        let at = w.at_text();
        let mut ids: Vec<i64> = Vec::with_capacity(plan.len());
        for (parent, name, kind) in &plan {
            let parent_id = match parent {
                Ok(id) => *id,
                Err(index) => ids[*index],
            };
            let unit =
                qorgau_store::org::insert(w.conn(), Some(parent_id), name, *kind, &at).await?;
            ids.push(unit.id);
        }
        w.audit(Change {
            action: AuditAction::OrgUnitImport,
            entity: "org_unit",
            entity_id: ids.first().map(|id| id.to_string()).unwrap_or_default(),
            before: None,
            after: Some(json!({ "units": ids.len(), "ids": ids })),
        })
        .await?;
        w.commit().await?;
        Ok(ImportReport {
            imported: ids.len() as u64,
            rejected,
        })
    }
}

fn strength_row(
    tree: &Tree,
    acting: Acting<'_>,
    record: &csv::StringRecord,
) -> Result<Strength, (&'static str, Message)> {
    let unit_id: i64 = record[0].parse().map_err(|_| {
        (
            "unit_id",
            Message::new("invalid-number").arg("value", &record[0]),
        )
    })?;
    let unit = tree.get(unit_id).map_err(|_| {
        (
            "unit_id",
            Message::new("invalid-unit-missing").arg("id", unit_id.to_string()),
        )
    })?;
    authorize(acting, Permission::WriteSafety, Scope::Unit(&unit.path))
        .map_err(|_| ("forbidden", Message::new("invalid-unit-forbidden")))?;
    let month = &record[1];
    if chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").is_err()
        || month.len() != 7
    {
        return Err(("month", Message::new("invalid-month").arg("value", month)));
    }
    let personnel: i64 = record[2].parse().ok().filter(|p| *p >= 0).ok_or((
        "personnel",
        Message::new("invalid-count").arg("value", &record[2]),
    ))?;
    Ok(Strength {
        unit_id,
        month: month.to_owned(),
        personnel,
    })
}

/// The latest figure of each unit.
async fn latest_strength(
    conn: &mut qorgau_store::Conn,
) -> Result<HashMap<i64, (String, i64)>, AppError> {
    let rows = repo::strength_between(conn, "0000-01", "9999-12").await?;
    let mut latest: HashMap<i64, (String, i64)> = HashMap::new();
    for row in rows {
        let entry = latest
            .entry(row.unit_id)
            .or_insert_with(|| (row.month.clone(), row.personnel));
        if row.month > entry.0 {
            *entry = (row.month, row.personnel);
        }
    }
    Ok(latest)
}
