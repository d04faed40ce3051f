//! Control (paras 12-15, Appendix 2): Acts of inspection with their violations, the unit
//! commander's acknowledgement, eliminations and their lateness, the quarterly coverage of
//! departments and services, and retention for five years after the end of control.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, Months, NaiveDate};
use qorgau_i18n::Message;
use qorgau_rules::safety::{self as rules, CoverageOutlook, Period, PeriodKind, TrainingCalendar};
use qorgau_rules::{Decision, TypedRule};
use qorgau_store::safety::{self as repo, Act, OverdueViolation, Violation};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{Tree, is_department_or_service, records, word};
use crate::audit::{AuditAction, Change};
use crate::validation::{date, optional_text, text};
use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// A violation as recorded in an Act.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewViolation {
    /// One of the violation categories (weapons_handling, vehicle_operation,
    /// equipment_operation, training_ground_safety, fire_safety, electrical_safety, daily_duty,
    /// relations_between_servicemen, health_and_sanitation, planning_and_documentation, other).
    pub category: String,
    pub description: String,
}

/// Every field of Appendix 2.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewAct {
    /// The body whose commission inspected.
    pub body_id: i64,
    /// The unit, department or service inspected (in the body's subtree).
    pub unit_id: i64,
    /// The grounds for control ("In accordance with ...").
    pub grounds: String,
    /// Position, military rank, surname and initials of the chairperson.
    pub chair: String,
    /// The members, one each.
    pub members: Vec<String>,
    /// YYYY-MM-DD
    pub period_from: String,
    /// YYYY-MM-DD
    pub period_to: String,
    pub violations: Vec<NewViolation>,
    pub proposals: String,
    /// The date by which the elimination of violations is reported (YYYY-MM-DD).
    pub report_by: String,
}

/// An Act as shown, with its violations and what the rules say of it.
#[derive(Debug, Clone)]
pub struct ActView {
    pub act: Act,
    pub body_name: String,
    pub unit_name: String,
    pub violations: Vec<Violation>,
    /// Violations not eliminated although the report-by date has passed.
    pub overdue: usize,
    /// The day from which the Act may be deleted (para 15).
    pub kept_until: NaiveDate,
    pub retention: Decision<rules::RetentionOutcome>,
}

/// Coverage of one body in one quarter.
#[derive(Debug, Clone, Serialize)]
pub struct CoverageView {
    pub body_id: i64,
    pub body_name: String,
    pub year: i32,
    pub quarter: u32,
    pub departments_and_services: u32,
    pub inspected: u32,
    pub required: u32,
    pub outlook: CoverageOutlook,
    #[serde(skip)]
    pub decision: Option<Decision<rules::CoverageOutcome>>,
}

/// What `purge-expired` removed.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PurgeReport {
    pub deleted: Vec<i64>,
}

fn retention(
    control_end: NaiveDate,
    today: NaiveDate,
) -> Result<Decision<rules::RetentionOutcome>, AppError> {
    Ok(rules::ActRetentionUntil.decision(rules::RetentionFacts { control_end }, today)?)
}

impl App {
    pub async fn record_act(&self, acting: Acting<'_>, new: NewAct) -> Result<ActView, AppError> {
        let tree = self.tree().await?;
        let body = tree.get(new.body_id).map_err(|_| {
            AppError::invalid(
                "body_id",
                Message::new("invalid-unit-missing").arg("id", new.body_id.to_string()),
            )
        })?;
        authorize(acting, Permission::WriteSafety, Scope::Unit(&body.path))?;
        let unit = tree.get(new.unit_id).map_err(|_| {
            AppError::invalid(
                "unit_id",
                Message::new("invalid-unit-missing").arg("id", new.unit_id.to_string()),
            )
        })?;
        if !unit.path.starts_with(&body.path) {
            return Err(AppError::invalid(
                "unit_id",
                Message::new("invalid-act-unit-outside"),
            ));
        }
        let today = self.clock().today();
        let from = date("period_from", &new.period_from)?;
        let to = date("period_to", &new.period_to)?;
        if to < from {
            return Err(AppError::invalid(
                "period_to",
                Message::new("invalid-period-order"),
            ));
        }
        if to > today {
            return Err(AppError::invalid(
                "period_to",
                Message::new("invalid-date-future").arg("value", to.to_string()),
            ));
        }
        let report_by = date("report_by", &new.report_by)?;
        if report_by < to {
            return Err(AppError::invalid(
                "report_by",
                Message::new("invalid-report-by-before-end"),
            ));
        }
        let members: Vec<String> = new
            .members
            .iter()
            .map(|m| text("members", m, 300))
            .collect::<Result<_, _>>()?;
        if members.is_empty() {
            return Err(AppError::invalid(
                "members",
                Message::new("invalid-required"),
            ));
        }
        let mut violations = Vec::new();
        for v in &new.violations {
            violations.push(Violation {
                id: 0,
                act_id: 0,
                category: word("category", &v.category)?,
                description: text("description", &v.description, 2000)?,
                eliminated_on: None,
            });
        }
        let mut act = Act {
            id: 0,
            body_id: body.id,
            unit_id: unit.id,
            grounds: text("grounds", &new.grounds, 1000)?,
            chair: text("chair", &new.chair, 300)?,
            members: members.join("\n"),
            period_from: from,
            period_to: to,
            proposals: optional_text("proposals", &new.proposals, 4000)?,
            report_by,
            acknowledged_by: None,
            acknowledged_at: None,
            created_by: String::new(),
            created_at: DateTime::default(),
        };
        let mut w = self
            .write(acting, Permission::WriteSafety, Scope::Unit(&body.path))
            .await?;
        act.created_by = w.actor_name();
        act.created_at = w.at();
        act.id = repo::insert_act(w.conn(), &act, &violations).await?;
        // The day the Act may be destroyed rests on this decision (001 para 14): kept with it.
        let (_, receipt) = rules::ActRetentionUntil.decision_with_receipt(
            rules::RetentionFacts {
                control_end: act.period_to,
            },
            w.today(),
        )?;
        w.receipt(&receipt, "safety_act", &act.id.to_string())
            .await?;
        w.audit(Change {
            action: AuditAction::SafetyActRecord,
            entity: "safety_act",
            entity_id: act.id.to_string(),
            before: None,
            after: Some(json!({
                "act": records::act(&act),
                "violations": new.violations,
            })),
        })
        .await?;
        w.commit().await?;
        self.act(acting, act.id).await
    }

    pub async fn act(&self, acting: Acting<'_>, id: i64) -> Result<ActView, AppError> {
        let tree = self.tree().await?;
        let mut conn = self.store().pool().acquire().await?;
        let act = repo::act(&mut conn, id).await?;
        authorize(
            acting,
            Permission::ReadSafety,
            Scope::Unit(&tree.get(act.unit_id)?.path),
        )?;
        let violations = repo::violations(&mut conn, id).await?;
        act_view(&tree, act, violations, self.clock().today())
    }

    /// Acts whose control ended in `from..=to` inside `body_id`'s subtree (at most 500).
    pub async fn acts(
        &self,
        acting: Acting<'_>,
        body_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<ActView>, AppError> {
        let tree = self.tree().await?;
        let body = tree.get(body_id)?;
        authorize(acting, Permission::ReadSafety, Scope::Unit(&body.path))?;
        let mut conn = self.store().pool().acquire().await?;
        let today = self.clock().today();
        let mut out = Vec::new();
        for act in repo::acts_between(&mut conn, from, to, 5_000).await? {
            let inside = tree
                .units
                .get(&act.unit_id)
                .is_some_and(|u| u.path.starts_with(&body.path));
            if inside && out.len() < 500 {
                let violations = repo::violations(&mut conn, act.id).await?;
                out.push(act_view(&tree, act, violations, today)?);
            }
        }
        Ok(out)
    }

    /// The unit commander acknowledges having read the Act.
    pub async fn acknowledge_act(
        &self,
        acting: Acting<'_>,
        id: i64,
        commander: &str,
    ) -> Result<ActView, AppError> {
        let tree = self.tree().await?;
        let commander = text("commander", commander, 300)?;
        let mut w = self.write_then_authorize(acting).await?;
        let act = repo::act(w.conn(), id).await?;
        w.authorize(
            Permission::WriteSafety,
            Scope::Unit(&tree.get(act.unit_id)?.path),
        )?;
        let at = w.at_text();
        if !repo::acknowledge_act(w.conn(), id, &commander, &at).await? {
            return Err(AppError::Conflict(format!(
                "an acknowledgement of Act {id}"
            )));
        }
        w.audit(Change {
            action: AuditAction::SafetyActAcknowledge,
            entity: "safety_act",
            entity_id: id.to_string(),
            before: None,
            after: Some(json!({ "acknowledged_by": commander })),
        })
        .await?;
        w.commit().await?;
        self.act(acting, id).await
    }

    /// Records that a violation was eliminated on `on`.
    pub async fn eliminate_violation(
        &self,
        acting: Acting<'_>,
        violation_id: i64,
        on: NaiveDate,
    ) -> Result<ActView, AppError> {
        let tree = self.tree().await?;
        if on > self.clock().today() {
            return Err(AppError::invalid(
                "eliminated_on",
                Message::new("invalid-date-future").arg("value", on.to_string()),
            ));
        }
        let mut w = self.write_then_authorize(acting).await?;
        let violation = repo::violation(w.conn(), violation_id).await?;
        let act = repo::act(w.conn(), violation.act_id).await?;
        w.authorize(
            Permission::WriteSafety,
            Scope::Unit(&tree.get(act.unit_id)?.path),
        )?;
        if !repo::eliminate_violation(w.conn(), violation_id, on).await? {
            return Err(AppError::Conflict(format!(
                "an elimination of violation {violation_id}"
            )));
        }
        w.audit(Change {
            action: AuditAction::SafetyViolationEliminate,
            entity: "safety_violation",
            entity_id: violation_id.to_string(),
            before: Some(records::violation(&violation)),
            after: Some(json!({ "eliminated_on": on })),
        })
        .await?;
        w.commit().await?;
        self.act(acting, act.id).await
    }

    /// Deletes an Act once its five years have passed (para 15); refused before, naming the
    /// day it becomes possible.
    pub async fn delete_act(&self, acting: Acting<'_>, id: i64) -> Result<(), AppError> {
        let tree = self.tree().await?;
        let mut w = self.write_then_authorize(acting).await?;
        let today = w.today();
        let act = repo::act(w.conn(), id).await?;
        w.authorize(
            Permission::WriteSafety,
            Scope::Unit(&tree.get(act.body_id)?.path),
        )?;
        let decision = retention(act.period_to, today)?;
        if !decision.outcome.deletable {
            return Err(AppError::invalid(
                "act",
                Message::new("invalid-act-retained")
                    .arg("until", decision.outcome.kept_until.to_string()),
            ));
        }
        let violations = repo::violations(w.conn(), id).await?;
        repo::delete_act(w.conn(), id).await?;
        w.audit(Change {
            action: AuditAction::SafetyActDelete,
            entity: "safety_act",
            entity_id: id.to_string(),
            before: Some(json!({
                "act": records::act(&act),
                "violations": records::violations(&violations),
            })),
            after: Some(json!({ "rule": decision.rule, "outcome": decision.outcome })),
        })
        .await?;
        w.commit().await?;
        Ok(())
    }

    /// Deletes every Act whose retention has expired, each with its audit entry, in one
    /// transaction.
    pub async fn purge_expired_acts(&self, acting: Acting<'_>) -> Result<PurgeReport, AppError> {
        let tree = self.tree().await?;
        let mut w = self
            .write(acting, Permission::WriteSafety, Scope::Anywhere)
            .await?;
        let today = w.today();
        // Anything ended more than five years ago is a candidate; the rule decides each.
        let cutoff = today
            .checked_sub_months(Months::new(12 * rules::RETENTION_YEARS))
            .unwrap_or(today);
        let mut deleted = Vec::new();
        for act in repo::acts_ended_by(w.conn(), cutoff).await? {
            let Ok(body) = tree.get(act.body_id) else {
                continue;
            };
            if authorize(acting, Permission::WriteSafety, Scope::Unit(&body.path)).is_err() {
                continue;
            }
            let (decision, receipt) = rules::ActRetentionUntil.decision_with_receipt(
                rules::RetentionFacts {
                    control_end: act.period_to,
                },
                today,
            )?;
            if !decision.outcome.deletable {
                continue;
            }
            let violations = repo::violations(w.conn(), act.id).await?;
            repo::delete_act(w.conn(), act.id).await?;
            // The deletion rests on this decision: it is kept after the Act is gone.
            w.receipt(&receipt, "safety_act", &act.id.to_string())
                .await?;
            w.audit(Change {
                action: AuditAction::SafetyActPurge,
                entity: "safety_act",
                entity_id: act.id.to_string(),
                before: Some(json!({
                    "act": records::act(&act),
                    "violations": records::violations(&violations),
                })),
                after: Some(json!({ "rule": decision.rule, "outcome": decision.outcome })),
            })
            .await?;
            deleted.push(act.id);
        }
        if deleted.is_empty() {
            // Nothing expired: nothing changed and nothing to record; the write rolls back.
            return Ok(PurgeReport { deleted });
        }
        w.commit().await?;
        Ok(PurgeReport { deleted })
    }

    /// Violations whose report-by date has passed without an elimination, inside `body_id`.
    pub async fn overdue_violations(
        &self,
        acting: Acting<'_>,
        body_id: i64,
    ) -> Result<Vec<OverdueViolation>, AppError> {
        let tree = self.tree().await?;
        let body = tree.get(body_id)?;
        authorize(acting, Permission::ReadSafety, Scope::Unit(&body.path))?;
        let mut conn = self.store().pool().acquire().await?;
        let today = self.clock().today();
        Ok(repo::overdue_violations(&mut conn, today)
            .await?
            .into_iter()
            .filter(|v| {
                tree.units
                    .get(&v.unit_id)
                    .is_some_and(|u| u.path.starts_with(&body.path))
            })
            .collect())
    }

    /// The coverage of `body_id` and of each body below it that has departments or services,
    /// in the quarter `year`/`quarter`, with the outlook on today's date.
    pub async fn coverage(
        &self,
        acting: Acting<'_>,
        body_id: i64,
        year: i32,
        quarter: u32,
    ) -> Result<Vec<CoverageView>, AppError> {
        let tree = self.tree().await?;
        let body = tree.get(body_id)?;
        authorize(acting, Permission::ReadSafety, Scope::Unit(&body.path))?;
        let period = Period::new(
            PeriodKind::Quarter,
            year,
            quarter,
            &TrainingCalendar::default(),
        )
        .map_err(|e| AppError::invalid("quarter", super::analysis::period_message(&e)))?;
        let inspected: HashSet<i64> = {
            let mut conn = self.store().pool().acquire().await?;
            repo::inspected_units(&mut conn, period.start, period.end)
                .await?
                .into_iter()
                .collect()
        };
        let today = self.clock().today();
        let mut out = Vec::new();
        for id in tree.subtree(body_id) {
            if !super::is_command_body(tree.kind(id)) && id != body_id {
                continue;
            }
            let view = coverage_of(&tree, id, &inspected, &period, today)?;
            if view.departments_and_services > 0 || id == body_id {
                out.push(view);
            }
        }
        Ok(out)
    }
}

/// The coverage of one body: departments and services of its subtree, and how many of them
/// an Act ended inside the quarter.
pub(crate) fn coverage_of(
    tree: &Tree,
    body_id: i64,
    inspected: &HashSet<i64>,
    period: &Period,
    today: NaiveDate,
) -> Result<CoverageView, AppError> {
    let body = tree.get(body_id)?;
    let mut total = 0u32;
    let mut done = 0u32;
    for unit in tree.subtree(body_id) {
        if is_department_or_service(tree.kind(unit)) {
            total += 1;
            if inspected.contains(&unit) {
                done += 1;
            }
        }
    }
    let decision = if total > 0 {
        Some(rules::QuarterlyCoverage.decision(
            rules::CoverageFacts {
                departments_and_services: total,
                inspected: done,
            },
            today,
        )?)
    } else {
        None
    };
    let day_of_quarter = (today - period.start).num_days() + 1;
    let outlook = if today < period.start {
        CoverageOutlook::OnPace
    } else {
        rules::coverage_outlook(done, total, day_of_quarter, period.days())
    };
    Ok(CoverageView {
        body_id,
        body_name: body.name.clone(),
        year: period.year,
        quarter: period.number,
        departments_and_services: total,
        inspected: done,
        required: rules::required_inspections(total),
        outlook,
        decision,
    })
}

/// The quarter (year, number) a date falls in.
pub fn quarter_of(day: NaiveDate) -> (i32, u32) {
    (day.year(), (day.month() - 1) / 3 + 1)
}

fn act_view(
    tree: &Tree,
    act: Act,
    violations: Vec<Violation>,
    today: NaiveDate,
) -> Result<ActView, AppError> {
    let decision = retention(act.period_to, today)?;
    let overdue = if act.report_by < today {
        violations
            .iter()
            .filter(|v| v.eliminated_on.is_none())
            .count()
    } else {
        0
    };
    let name = |id: i64| {
        tree.units
            .get(&id)
            .map(|u| u.name.clone())
            .unwrap_or_default()
    };
    Ok(ActView {
        body_name: name(act.body_id),
        unit_name: name(act.unit_id),
        kept_until: decision.outcome.kept_until,
        act,
        violations,
        overdue,
        retention: decision,
    })
}
