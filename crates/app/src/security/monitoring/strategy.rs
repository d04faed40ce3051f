//! Strategic documents and their target indicators: measured values, and the status
//! `security.indicator_status` gives each indicator on a date.

use std::collections::HashMap;

use chrono::NaiveDate;
use qorgau_i18n::Message;
use qorgau_rules::security::{self as rules, IndicatorState};
use qorgau_rules::{Decision, TypedRule};
use qorgau_store::security::monitoring as store;
use serde::Deserialize;

use crate::audit::AuditAction;
use crate::security::records;
use crate::validation::{optional_text, text};
use crate::{Acting, App, AppError, Permission};

/// A new strategic document.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewDocument {
    pub title: String,
    pub adopted_on: NaiveDate,
    /// The act that approves it, as cited.
    #[serde(default)]
    pub reference: String,
}

/// A new target indicator of a document.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewIndicator {
    pub document_id: i64,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub baseline_on: NaiveDate,
    pub target: f64,
    pub deadline: NaiveDate,
}

/// A measured value of an indicator.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewIndicatorValue {
    pub measured_on: NaiveDate,
    pub value: f64,
    #[serde(default)]
    pub note: String,
}

/// An indicator with its values up to the day read and `security.indicator_status` on it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorView {
    pub indicator: store::Indicator,
    pub values: Vec<store::IndicatorValue>,
    /// The decision's status, kept at hand for lists and counts.
    pub status: IndicatorState,
    pub decision: Decision<rules::IndicatorOutcome>,
}

/// A strategic document with its indicators.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentView {
    pub document: store::Document,
    pub indicators: Vec<IndicatorView>,
}

impl App {
    /// Records a strategic document; audited.
    pub async fn create_document(
        &self,
        acting: Acting<'_>,
        new: NewDocument,
    ) -> Result<i64, AppError> {
        let national = self
            .authorize_national(acting, Permission::WriteSecurity)
            .await?;
        let title = text("title", &new.title, 300)?;
        let reference = optional_text("reference", &new.reference, 300)?;
        let mut w = self
            .write(acting, Permission::WriteSecurity, national.scope())
            .await?;
        let document = store::Document {
            id: 0,
            title,
            adopted_on: new.adopted_on,
            reference,
            created_by: w.actor_name(),
            created_at: w.at(),
        };
        let id = store::insert_document(w.conn(), &document).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityDocumentCreate,
            "security_document",
            id,
            records::document(&document),
        ))
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// Records a target indicator of a document; the rule's own checks (a target other than
    /// the baseline, a deadline after the baseline day) are applied first.
    pub async fn create_indicator(
        &self,
        acting: Acting<'_>,
        new: NewIndicator,
    ) -> Result<i64, AppError> {
        let national = self
            .authorize_national(acting, Permission::WriteSecurity)
            .await?;
        if !new.baseline.is_finite() || !new.target.is_finite() {
            return Err(AppError::invalid(
                "target",
                Message::new("invalid-number").arg("value", new.target.to_string()),
            ));
        }
        if new.target == new.baseline {
            return Err(AppError::invalid(
                "target",
                Message::new("invalid-target-equals-baseline"),
            ));
        }
        if new.deadline <= new.baseline_on {
            return Err(AppError::invalid(
                "deadline",
                Message::new("invalid-deadline-before-baseline"),
            ));
        }
        let name = text("name", &new.name, 300)?;
        let unit = text("unit", &new.unit, 50)?;
        let mut w = self
            .write(acting, Permission::WriteSecurity, national.scope())
            .await?;
        let indicator = store::Indicator {
            id: 0,
            document_id: new.document_id,
            name,
            unit,
            baseline: new.baseline,
            baseline_on: new.baseline_on,
            target: new.target,
            deadline: new.deadline,
            created_by: w.actor_name(),
            created_at: w.at(),
        };
        if !store::documents(w.conn())
            .await?
            .iter()
            .any(|d| d.id == new.document_id)
        {
            return Err(AppError::NotFound {
                entity: "document",
                id: new.document_id.to_string(),
            });
        }
        let id = store::insert_indicator(w.conn(), &indicator).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityIndicatorCreate,
            "security_indicator",
            id,
            records::indicator(&indicator),
        ))
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// Records a measured value of an indicator; audited.
    pub async fn record_indicator_value(
        &self,
        acting: Acting<'_>,
        indicator: i64,
        new: NewIndicatorValue,
    ) -> Result<i64, AppError> {
        let national = self
            .authorize_national(acting, Permission::WriteSecurity)
            .await?;
        if !new.value.is_finite() {
            return Err(AppError::invalid(
                "value",
                Message::new("invalid-number").arg("value", new.value.to_string()),
            ));
        }
        if new.measured_on > self.clock().today() {
            return Err(AppError::invalid(
                "measured_on",
                Message::new("invalid-future-date"),
            ));
        }
        let note = optional_text("note", &new.note, 1000)?;
        let mut w = self
            .write(acting, Permission::WriteSecurity, national.scope())
            .await?;
        let value = store::IndicatorValue {
            id: 0,
            indicator_id: indicator,
            measured_on: new.measured_on,
            value: new.value,
            note,
            recorded_by: w.actor_name(),
            recorded_at: w.at(),
        };
        let stored = store::indicator(w.conn(), indicator).await?;
        if value.measured_on < stored.baseline_on {
            return Err(AppError::invalid(
                "measured_on",
                Message::new("invalid-measured-before-baseline")
                    .arg("baseline_on", stored.baseline_on.to_string()),
            ));
        }
        let id = store::insert_indicator_value(w.conn(), &value).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityIndicatorMeasure,
            "security_indicator",
            indicator,
            records::indicator_value(&value),
        ))
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// The Security Council's monitoring view (function 3 of 004): every document with its
    /// indicators, their values up to `as_of` and `security.indicator_status`.
    pub async fn strategy_monitoring(
        &self,
        acting: Acting<'_>,
        as_of: Option<NaiveDate>,
    ) -> Result<Vec<DocumentView>, AppError> {
        self.authorize_national(acting, Permission::ReadSecurity)
            .await?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let mut conn = self.store().pool().acquire().await?;
        let mut values: HashMap<i64, Vec<store::IndicatorValue>> = HashMap::new();
        for v in store::indicator_values_until(&mut conn, as_of).await? {
            values.entry(v.indicator_id).or_default().push(v);
        }
        let mut indicators: HashMap<i64, Vec<IndicatorView>> = HashMap::new();
        for indicator in store::indicators(&mut conn).await? {
            let values = values.remove(&indicator.id).unwrap_or_default();
            let decision = indicator_decision(&indicator, values.last(), as_of)?;
            let status = decision.outcome.status;
            indicators
                .entry(indicator.document_id)
                .or_default()
                .push(IndicatorView {
                    indicator,
                    values,
                    status,
                    decision,
                });
        }
        Ok(store::documents(&mut conn)
            .await?
            .into_iter()
            .map(|document| DocumentView {
                indicators: indicators.remove(&document.id).unwrap_or_default(),
                document,
            })
            .collect())
    }
}

fn indicator_decision(
    indicator: &store::Indicator,
    latest: Option<&store::IndicatorValue>,
    as_of: NaiveDate,
) -> Result<Decision<rules::IndicatorOutcome>, AppError> {
    Ok(rules::IndicatorStatus.decision(
        rules::IndicatorFacts {
            baseline: indicator.baseline,
            baseline_on: indicator.baseline_on,
            target: indicator.target,
            deadline: indicator.deadline,
            latest: latest.map(|v| rules::Measurement {
                value: v.value,
                measured_on: v.measured_on,
            }),
        },
        as_of,
    )?)
}
