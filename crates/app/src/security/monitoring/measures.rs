//! The measures of Art. 18.3: recorded with the threats they answer and the bodies
//! responsible, reported on, and flagged overdue past their deadline.

use std::collections::HashMap;

use chrono::NaiveDate;
use qorgau_i18n::Message;
use qorgau_law::reference::{self, Entry};
use qorgau_rules::security::vocabulary::MeasureStatus;
use qorgau_store::security::monitoring as store;
use serde::Deserialize;

use super::check_body;
use crate::audit::AuditAction;
use crate::security::records;
use crate::validation::{optional_text, text};
use crate::{Acting, App, AppError, Permission};

/// A new measure of Art. 18.3.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewMeasure {
    pub title: String,
    /// The point of Art. 18.3 (1-6).
    pub kind: i64,
    #[serde(default)]
    pub description: String,
    pub deadline: NaiveDate,
    /// Threats answered: points of Art. 6.1 or additions.
    #[serde(default)]
    pub threats: Vec<String>,
    /// Responsible bodies: points of Art. 15.1.
    pub bodies: Vec<i64>,
}

/// A report on a measure, which sets its status.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewMeasureReport {
    pub reported_on: NaiveDate,
    pub text: String,
    /// The status the report gives the measure.
    #[schema(schema_with = crate::words::word::<MeasureStatus>)]
    pub status: MeasureStatus,
}

/// A measure with what it answers, who is responsible, and whether it is overdue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureView {
    pub measure: store::Measure,
    pub threats: Vec<String>,
    pub bodies: Vec<i64>,
    /// Past its deadline and neither done nor cancelled.
    pub overdue: bool,
    pub days_overdue: i64,
}

/// A measure with its reports, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureDetail {
    pub view: MeasureView,
    pub reports: Vec<store::MeasureReport>,
}

impl App {
    /// Records a measure of Art. 18.3 with its threats and responsible bodies; audited.
    pub async fn create_measure(
        &self,
        acting: Acting<'_>,
        new: NewMeasure,
    ) -> Result<i64, AppError> {
        let national = self
            .authorize_national(acting, Permission::WriteSecurity)
            .await?;
        if reference_measure_kind(new.kind).is_none() {
            return Err(AppError::invalid(
                "kind",
                Message::new("invalid-measure-kind").arg("value", new.kind),
            ));
        }
        let today = self.clock().today();
        let (threats, _) = self.catalogue(today).await?;
        let mut answered = Vec::new();
        for threat in &new.threats {
            let threat = threat.trim().to_owned();
            if !threats.iter().any(|t| t.key == threat) {
                return Err(AppError::invalid(
                    "threats",
                    Message::new("invalid-threat").arg("value", threat),
                ));
            }
            if !answered.contains(&threat) {
                answered.push(threat);
            }
        }
        let mut bodies = Vec::new();
        for body in &new.bodies {
            let body = check_body("bodies", *body)?;
            if !bodies.contains(&body) {
                bodies.push(body);
            }
        }
        if bodies.is_empty() {
            return Err(AppError::invalid("bodies", Message::new("invalid-no-body")));
        }
        let title = text("title", &new.title, 300)?;
        let description = optional_text("description", &new.description, 5000)?;
        let mut w = self
            .write(acting, Permission::WriteSecurity, national.scope())
            .await?;
        let measure = store::Measure {
            id: 0,
            title,
            kind: new.kind,
            description,
            deadline: new.deadline,
            status: MeasureStatus::Planned,
            created_by: w.actor_name(),
            created_at: w.at(),
        };
        let id = store::insert_measure(w.conn(), &measure, &answered, &bodies).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityMeasureCreate,
            "security_measure",
            id,
            serde_json::json!({
                "measure": records::measure(&measure),
                "threats": answered,
                "bodies": bodies,
            }),
        ))
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// Every measure with its threats, bodies and overdue flag on `as_of`.
    pub async fn measures(
        &self,
        acting: Acting<'_>,
        as_of: Option<NaiveDate>,
    ) -> Result<Vec<MeasureView>, AppError> {
        self.authorize_national(acting, Permission::ReadSecurity)
            .await?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let mut conn = self.store().pool().acquire().await?;
        let mut threats: HashMap<i64, Vec<String>> = HashMap::new();
        for (id, t) in store::measure_threats(&mut conn).await? {
            threats.entry(id).or_default().push(t);
        }
        let mut bodies: HashMap<i64, Vec<i64>> = HashMap::new();
        for (id, b) in store::measure_bodies(&mut conn).await? {
            bodies.entry(id).or_default().push(b);
        }
        Ok(store::measures(&mut conn)
            .await?
            .into_iter()
            .map(|m| {
                measure_view(
                    m.clone(),
                    threats.remove(&m.id).unwrap_or_default(),
                    bodies.remove(&m.id).unwrap_or_default(),
                    as_of,
                )
            })
            .collect())
    }

    /// One measure with its reports.
    pub async fn measure(
        &self,
        acting: Acting<'_>,
        id: i64,
        as_of: Option<NaiveDate>,
    ) -> Result<MeasureDetail, AppError> {
        let view = self
            .measures(acting, as_of)
            .await?
            .into_iter()
            .find(|m| m.measure.id == id)
            .ok_or_else(|| AppError::NotFound {
                entity: "measure",
                id: id.to_string(),
            })?;
        let mut conn = self.store().pool().acquire().await?;
        let reports = store::measure_reports(&mut conn, id).await?;
        Ok(MeasureDetail { view, reports })
    }

    /// Records a report on a measure, which sets its status; audited.
    pub async fn report_measure(
        &self,
        acting: Acting<'_>,
        id: i64,
        new: NewMeasureReport,
    ) -> Result<i64, AppError> {
        let national = self
            .authorize_national(acting, Permission::WriteSecurity)
            .await?;
        let text = text("text", &new.text, 5000)?;
        if new.reported_on > self.clock().today() {
            return Err(AppError::invalid(
                "reported_on",
                Message::new("invalid-future-date"),
            ));
        }
        let mut w = self
            .write(acting, Permission::WriteSecurity, national.scope())
            .await?;
        let before = store::measure(w.conn(), id).await?;
        let report = store::MeasureReport {
            id: 0,
            measure_id: id,
            reported_on: new.reported_on,
            text,
            status_after: new.status,
            reported_by: w.actor_name(),
            recorded_at: w.at(),
        };
        let report_id = store::insert_measure_report(w.conn(), &report).await?;
        w.audit(crate::audit::Change {
            action: AuditAction::SecurityMeasureReport,
            entity: "security_measure",
            entity_id: id.to_string(),
            before: Some(serde_json::json!({ "status": before.status })),
            after: Some(records::measure_report(&report)),
        })
        .await?;
        w.commit().await?;
        Ok(report_id)
    }
}

/// The point of Art. 18.3 that names a kind of measure.
pub fn reference_measure_kind(kind: i64) -> Option<Entry> {
    usize::try_from(kind)
        .ok()
        .and_then(|k| k.checked_sub(1))
        .and_then(|k| reference::measure_kinds().into_iter().nth(k))
}

/// A measure is overdue once its deadline has passed unless it is done or cancelled
/// (Art. 18.3 asks for measures; their deadlines are the plan's own).
fn measure_view(
    measure: store::Measure,
    threats: Vec<String>,
    bodies: Vec<i64>,
    as_of: NaiveDate,
) -> MeasureView {
    let days_overdue = if !measure.status.is_closed() && as_of > measure.deadline {
        (as_of - measure.deadline).num_days()
    } else {
        0
    };
    MeasureView {
        overdue: days_overdue > 0,
        days_overdue,
        measure,
        threats,
        bodies,
    }
}
