//! Keeping the roll-ups (per unit and month, over the unit's whole subtree) in step with the
//! facts: every write of incidents or strength adds its change to the unit and each of its
//! ancestors in the same transaction; `verify_safety_rollups` recomputes them from the facts.

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;
use qorgau_rules::safety::Cause;
use qorgau_store::Conn;
use qorgau_store::safety::{self as repo, Incident, IncidentRollup, Strength, StrengthRollup};
use serde::Serialize;

use super::Tree;
use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// The unit and every unit above it, from its materialised path ('/1/5/9/').
pub(crate) fn ancestors_and_self(tree: &Tree, unit_id: i64) -> Vec<i64> {
    tree.units
        .get(&unit_id)
        .map(|u| u.path.split('/').filter_map(|id| id.parse().ok()).collect())
        .unwrap_or_else(|| vec![unit_id])
}

/// A roll-up row's key: the unit, the month ('YYYY-MM') and the cause.
type IncidentKey = (i64, String, Cause);

fn add_counts(total: &mut [i64; 4], counts: [i64; 4]) {
    for (t, c) in total.iter_mut().zip(counts) {
        *t += c;
    }
}

/// The roll-up increments `incidents` make.
pub(crate) fn incident_deltas(tree: &Tree, incidents: &[Incident]) -> Vec<IncidentRollup> {
    let mut sums: HashMap<IncidentKey, [i64; 4]> = HashMap::new();
    for i in incidents {
        let death = i.kind.is_death();
        let duty = i.in_duty;
        let counts = [
            i64::from(death && duty),
            i64::from(!death && duty),
            i64::from(death && !duty),
            i64::from(!death && !duty),
        ];
        let month = format!("{:04}-{:02}", i.occurred_on.year(), i.occurred_on.month());
        for unit in ancestors_and_self(tree, i.unit_id) {
            add_counts(
                sums.entry((unit, month.clone(), i.cause)).or_default(),
                counts,
            );
        }
    }
    into_rows(sums)
}

fn into_rows(sums: HashMap<IncidentKey, [i64; 4]>) -> Vec<IncidentRollup> {
    let mut rows: Vec<IncidentRollup> = sums
        .into_iter()
        .map(|((unit_id, month, cause), c)| IncidentRollup {
            unit_id,
            month,
            cause,
            deaths_duty: c[0],
            injuries_duty: c[1],
            deaths_other: c[2],
            injuries_other: c[3],
        })
        .collect();
    // A stable order keeps concurrent writers from taking row locks in opposite orders.
    rows.sort_by(|a, b| {
        (a.unit_id, &a.month, a.cause.as_str()).cmp(&(b.unit_id, &b.month, b.cause.as_str()))
    });
    rows
}

/// Writes incidents and their roll-ups (in the caller's transaction).
pub(crate) async fn write_incidents(
    conn: &mut Conn,
    tree: &Tree,
    incidents: &[Incident],
) -> Result<u64, AppError> {
    let written = repo::insert_incidents(conn, incidents).await?;
    repo::add_incident_rollups(conn, &incident_deltas(tree, incidents)).await?;
    Ok(written)
}

/// Writes one incident and its roll-ups; returns its id.
pub(crate) async fn write_incident(
    conn: &mut Conn,
    tree: &Tree,
    incident: &Incident,
) -> Result<i64, AppError> {
    let id = repo::insert_incident(conn, incident).await?;
    repo::add_incident_rollups(conn, &incident_deltas(tree, std::slice::from_ref(incident)))
        .await?;
    Ok(id)
}

/// Writes strength figures (a figure replaces the unit's earlier one for the month) and adds
/// the change to the roll-ups.
pub(crate) async fn write_strength(
    conn: &mut Conn,
    tree: &Tree,
    rows: &[Strength],
    at: &str,
) -> Result<(), AppError> {
    // The last figure for a unit and month in the input wins, as the upsert does.
    let mut latest: BTreeMap<(i64, String), i64> = BTreeMap::new();
    for row in rows {
        latest.insert((row.unit_id, row.month.clone()), row.personnel);
    }
    if latest.is_empty() {
        return Ok(());
    }
    let mut units: Vec<i64> = latest.keys().map(|(u, _)| *u).collect();
    units.dedup();
    let from = latest
        .keys()
        .map(|(_, m)| m)
        .min()
        .cloned()
        .unwrap_or_default();
    let to = latest
        .keys()
        .map(|(_, m)| m)
        .max()
        .cloned()
        .unwrap_or_default();
    let before: HashMap<(i64, String), i64> = repo::strength_of_units(conn, &units, &from, &to)
        .await?
        .into_iter()
        .map(|s| ((s.unit_id, s.month), s.personnel))
        .collect();
    let mut deltas: BTreeMap<(i64, String), (i64, i64)> = BTreeMap::new();
    for ((unit, month), personnel) in &latest {
        let (change, newly_reporting) = match before.get(&(*unit, month.clone())) {
            Some(old) => (personnel - old, 0),
            None => (*personnel, 1),
        };
        for ancestor in ancestors_and_self(tree, *unit) {
            let entry = deltas.entry((ancestor, month.clone())).or_default();
            entry.0 += change;
            entry.1 += newly_reporting;
        }
    }
    let base: Vec<Strength> = latest
        .into_iter()
        .map(|((unit_id, month), personnel)| Strength {
            unit_id,
            month,
            personnel,
        })
        .collect();
    repo::upsert_strength(conn, &base, at).await?;
    let rollups: Vec<StrengthRollup> = deltas
        .into_iter()
        .map(
            |((unit_id, month), (personnel, reporting))| StrengthRollup {
                unit_id,
                month,
                personnel,
                reporting,
            },
        )
        .collect();
    repo::add_strength_rollups(conn, &rollups).await?;
    Ok(())
}

/// What the roll-ups should hold, recomputed from the facts.
async fn recompute(
    conn: &mut Conn,
    tree: &Tree,
) -> Result<(Vec<IncidentRollup>, Vec<StrengthRollup>), AppError> {
    let mut sums: HashMap<IncidentKey, [i64; 4]> = HashMap::new();
    for row in repo::incident_counts_by_unit(conn).await? {
        let counts = [
            row.deaths_duty,
            row.injuries_duty,
            row.deaths_other,
            row.injuries_other,
        ];
        for unit in ancestors_and_self(tree, row.unit_id) {
            add_counts(
                sums.entry((unit, row.month.clone(), row.cause))
                    .or_default(),
                counts,
            );
        }
    }
    let mut strength: BTreeMap<(i64, String), (i64, i64)> = BTreeMap::new();
    for row in repo::strength_between(conn, "0000-01", "9999-12").await? {
        for unit in ancestors_and_self(tree, row.unit_id) {
            let entry = strength.entry((unit, row.month.clone())).or_default();
            entry.0 += row.personnel;
            entry.1 += 1;
        }
    }
    let strength = strength
        .into_iter()
        .map(
            |((unit_id, month), (personnel, reporting))| StrengthRollup {
                unit_id,
                month,
                personnel,
                reporting,
            },
        )
        .collect();
    Ok((into_rows(sums), strength))
}

/// The result of checking the roll-ups against the facts.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RollupCheck {
    pub incident_rows: usize,
    pub strength_rows: usize,
    /// Rows that differ from the recomputation, described.
    pub differences: Vec<String>,
}

impl App {
    /// Recomputes the roll-ups from the facts and lists every row that differs.
    pub async fn verify_safety_rollups(&self, acting: Acting<'_>) -> Result<RollupCheck, AppError> {
        let root = self.root_path().await?;
        authorize(acting, Permission::ReadSafety, Scope::Unit(&root))?;
        let tree = self.tree().await?;
        let mut conn = self.store().pool().acquire().await?;
        let (incidents, strength) = recompute(&mut conn, &tree).await?;
        let stored_incidents = repo::all_incident_rollups(&mut conn).await?;
        let stored_strength = repo::all_strength_rollups(&mut conn).await?;
        let mut differences = Vec::new();
        let zero = |r: &IncidentRollup| {
            r.deaths_duty == 0
                && r.injuries_duty == 0
                && r.deaths_other == 0
                && r.injuries_other == 0
        };
        let want: HashMap<IncidentKey, &IncidentRollup> = incidents
            .iter()
            .map(|r| ((r.unit_id, r.month.clone(), r.cause), r))
            .collect();
        let have: HashMap<IncidentKey, &IncidentRollup> = stored_incidents
            .iter()
            .filter(|r| !zero(r))
            .map(|r| ((r.unit_id, r.month.clone(), r.cause), r))
            .collect();
        for (key, row) in &want {
            if have.get(key) != Some(row) {
                differences.push(format!(
                    "incidents {key:?}: expected {row:?}, stored {:?}",
                    have.get(key)
                ));
            }
        }
        for key in have.keys().filter(|k| !want.contains_key(*k)) {
            differences.push(format!("incidents {key:?}: stored but no facts"));
        }
        let want: HashMap<(i64, String), &StrengthRollup> = strength
            .iter()
            .map(|r| ((r.unit_id, r.month.clone()), r))
            .collect();
        let have: HashMap<(i64, String), &StrengthRollup> = stored_strength
            .iter()
            .filter(|r| r.reporting != 0 || r.personnel != 0)
            .map(|r| ((r.unit_id, r.month.clone()), r))
            .collect();
        for (key, row) in &want {
            if have.get(key) != Some(row) {
                differences.push(format!(
                    "strength {key:?}: expected {row:?}, stored {:?}",
                    have.get(key)
                ));
            }
        }
        for key in have.keys().filter(|k| !want.contains_key(*k)) {
            differences.push(format!("strength {key:?}: stored but no facts"));
        }
        differences.sort();
        Ok(RollupCheck {
            incident_rows: incidents.len(),
            strength_rows: strength.len(),
            differences,
        })
    }

    /// Replaces the roll-ups with a recomputation from the facts (after a restore, say).
    pub async fn rebuild_safety_rollups(
        &self,
        acting: Acting<'_>,
    ) -> Result<RollupCheck, AppError> {
        let root = self.root_path().await?;
        let tree = self.tree().await?;
        let mut w = self
            .write(acting, Permission::WriteSafety, Scope::Unit(&root))
            .await?;
        let (incidents, strength) = recompute(w.conn(), &tree).await?;
        repo::clear_rollups(w.conn()).await?;
        repo::add_incident_rollups(w.conn(), &incidents).await?;
        repo::add_strength_rollups(w.conn(), &strength).await?;
        w.audit(crate::audit::Change {
            action: crate::audit::AuditAction::SafetyRollupsRebuild,
            entity: "safety_rollup",
            entity_id: "all".to_owned(),
            before: None,
            after: Some(serde_json::json!({
                "incident_rows": incidents.len(),
                "strength_rows": strength.len(),
            })),
        })
        .await?;
        w.commit().await?;
        Ok(RollupCheck {
            incident_rows: incidents.len(),
            strength_rows: strength.len(),
            differences: Vec::new(),
        })
    }
}
