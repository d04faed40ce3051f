//! The register of deaths and injuries (paras 12, 16-18): each with its date, unit, whether in
//! performance of military service duties, cause, activity and season (the training period of
//! its date).

use chrono::{DateTime, NaiveDate};
use qorgau_i18n::Message;
use qorgau_rules::safety::{Cause, IncidentActivity, IncidentKind, PeriodKind, TrainingCalendar};
use qorgau_store::safety::{self as repo, Incident};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{Tree, records, word};
use crate::audit::{AuditAction, Change};
use crate::csv_import::{ImportReport, RowRejection, csv_records};
use crate::validation::{date, optional_text};
use crate::{Acting, App, AppError, Permission, Scope, authorize};

pub const INCIDENT_CSV_COLUMNS: [&str; 7] = [
    "unit_id",
    "occurred_on",
    "kind",
    "in_duty",
    "cause",
    "activity",
    "description",
];

/// An incident as reported.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewIncident {
    pub unit_id: i64,
    /// YYYY-MM-DD
    pub occurred_on: String,
    /// death, wound, injury or contusion.
    pub kind: String,
    /// Whether it happened in performance of military service duties.
    pub in_duty: bool,
    /// traffic_accident, weapons_handling, equipment_operation, training_accident, fall,
    /// drowning, electric_shock, fire, violence, suicide, illness or other.
    pub cause: String,
    /// combat_training, field_exercise, troop_movement, weapons_and_equipment_work,
    /// daily_duty, household_work or off_duty.
    pub activity: String,
    #[serde(default)]
    pub description: String,
}

/// An incident as the register shows it.
#[derive(Debug, Clone, Serialize)]
pub struct IncidentView {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub occurred_on: NaiveDate,
    pub kind: IncidentKind,
    pub in_duty: bool,
    pub cause: Cause,
    pub activity: IncidentActivity,
    /// The training period of the date: winter_training or summer_training.
    pub season: PeriodKind,
    pub description: String,
    pub recorded_by: String,
}

/// The season of a date: the training period it falls in.
pub fn season_of(day: NaiveDate, calendar: &TrainingCalendar) -> PeriodKind {
    calendar
        .training_period_of(day)
        .map_or(PeriodKind::SummerTraining, |p| p.kind)
}

fn validate(
    tree: &Tree,
    acting: Acting<'_>,
    new: &NewIncident,
    today: NaiveDate,
    calendar: &TrainingCalendar,
) -> Result<Incident, AppError> {
    let unit = tree.get(new.unit_id).map_err(|_| {
        AppError::invalid(
            "unit_id",
            Message::new("invalid-unit-missing").arg("id", new.unit_id.to_string()),
        )
    })?;
    authorize(acting, Permission::WriteSafety, Scope::Unit(&unit.path))?;
    let occurred_on = date("occurred_on", &new.occurred_on)?;
    if occurred_on > today {
        return Err(AppError::invalid(
            "occurred_on",
            Message::new("invalid-date-future").arg("value", occurred_on.to_string()),
        ));
    }
    Ok(Incident {
        id: 0,
        unit_id: new.unit_id,
        occurred_on,
        kind: word("kind", &new.kind)?,
        in_duty: new.in_duty,
        cause: word("cause", &new.cause)?,
        activity: word("activity", &new.activity)?,
        season: season_of(occurred_on, calendar),
        description: optional_text("description", &new.description, 2000)?,
        recorded_by: String::new(),
        // Set by the write that records it.
        recorded_at: DateTime::default(),
    })
}

impl App {
    pub async fn record_incident(
        &self,
        acting: Acting<'_>,
        new: NewIncident,
    ) -> Result<IncidentView, AppError> {
        let tree = self.tree().await?;
        // `validate` checks the unit exists and authorises on it.
        let mut incident = validate(
            &tree,
            acting,
            &new,
            self.clock().today(),
            &TrainingCalendar::default(),
        )?;
        let mut w = self
            .write(
                acting,
                Permission::WriteSafety,
                Scope::Unit(&tree.get(incident.unit_id)?.path),
            )
            .await?;
        incident.recorded_by = w.actor_name();
        incident.recorded_at = w.at();
        let id = super::rollup::write_incident(w.conn(), &tree, &incident).await?;
        incident.id = id;
        w.audit(Change {
            action: AuditAction::SafetyIncidentRecord,
            entity: "safety_incident",
            entity_id: id.to_string(),
            before: None,
            after: Some(records::incident(&incident)),
        })
        .await?;
        w.commit().await?;
        Ok(view(&tree, incident))
    }

    /// Imports incidents (`unit_id,occurred_on,kind,in_duty,cause,activity,description`,
    /// in_duty yes/no); refused rows are reported, the rest written in one transaction.
    pub async fn import_incidents(
        &self,
        acting: Acting<'_>,
        csv_text: &str,
    ) -> Result<ImportReport, AppError> {
        authorize(acting, Permission::WriteSafety, Scope::Anywhere)?;
        let tree = self.tree().await?;
        let today = self.clock().today();
        let calendar = TrainingCalendar::default();
        let mut accepted = Vec::new();
        let mut rejected = Vec::new();
        for (line, row) in csv_records(csv_text, &INCIDENT_CSV_COLUMNS)? {
            let Ok(unit_id) = row[0].parse::<i64>() else {
                rejected.push(RowRejection::new(
                    line,
                    "unit_id",
                    Message::new("invalid-number").arg("value", &row[0]),
                ));
                continue;
            };
            let in_duty = match &row[3] {
                "yes" => true,
                "no" => false,
                other => {
                    rejected.push(RowRejection::new(
                        line,
                        "in_duty",
                        Message::new("invalid-csv-bool").arg("value", other),
                    ));
                    continue;
                }
            };
            let new = NewIncident {
                unit_id,
                occurred_on: row[1].to_owned(),
                kind: row[2].to_owned(),
                in_duty,
                cause: row[4].to_owned(),
                activity: row[5].to_owned(),
                description: row[6].to_owned(),
            };
            match validate(&tree, acting, &new, today, &calendar) {
                Ok(incident) => accepted.push(incident),
                Err(AppError::Invalid { field, message }) => {
                    rejected.push(RowRejection::new(line, field, message));
                }
                // A unit outside the caller's scope refuses the whole import.
                Err(other) => return Err(other),
            }
        }
        let mut w = self
            .write(acting, Permission::WriteSafety, Scope::Anywhere)
            .await?;
        let actor = w.actor_name();
        let at = w.at();
        for incident in &mut accepted {
            incident.recorded_by = actor.clone();
            incident.recorded_at = at;
        }
        let imported = super::rollup::write_incidents(w.conn(), &tree, &accepted).await?;
        w.audit(Change {
            action: AuditAction::SafetyIncidentImport,
            entity: "safety_incident",
            entity_id: "import".to_owned(),
            before: None,
            after: Some(json!({ "rows": imported, "rejected": rejected.len() })),
        })
        .await?;
        w.commit().await?;
        Ok(ImportReport { imported, rejected })
    }

    /// Incidents in `from..=to` in the subtree of `body_id`, newest first (at most 500).
    pub async fn incidents(
        &self,
        acting: Acting<'_>,
        body_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<IncidentView>, AppError> {
        let tree = self.tree().await?;
        let body = tree.get(body_id)?;
        authorize(acting, Permission::ReadSafety, Scope::Unit(&body.path))?;
        let inside: std::collections::HashSet<i64> = tree.subtree(body_id).into_iter().collect();
        let mut conn = self.store().pool().acquire().await?;
        // Read in pages until 500 of the subtree are found.
        let rows = repo::incidents_between(&mut conn, from, to, 20_000).await?;
        Ok(rows
            .into_iter()
            .filter(|i| inside.contains(&i.unit_id))
            .take(500)
            .map(|i| view(&tree, i))
            .collect())
    }
}

fn view(tree: &Tree, i: Incident) -> IncidentView {
    IncidentView {
        id: i.id,
        unit_id: i.unit_id,
        unit_name: tree
            .units
            .get(&i.unit_id)
            .map(|u| u.name.clone())
            .unwrap_or_default(),
        occurred_on: i.occurred_on,
        kind: i.kind,
        in_duty: i.in_duty,
        cause: i.cause,
        activity: i.activity,
        season: i.season,
        description: i.description,
        recorded_by: i.recorded_by,
    }
}
