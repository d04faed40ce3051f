//! The life of a Plan: drafting, approval by the body's commander, revision as a new version
//! with a stated reason, and the completion marks of its activities.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use qorgau_rules::safety::{self as rules, PlanChange};
use qorgau_rules::{Decision, TypedRule};
use qorgau_store::safety as repo;
use serde_json::json;

use super::{NewPlan, PlanDraft, PlanView, validate_draft};
use crate::audit::{AuditAction, Change};
use crate::safety::{is_command_body, records};
use crate::validation::text;
use crate::{Acting, App, AppError, Permission, Scope, authorize};

impl App {
    pub async fn create_plan(
        &self,
        acting: Acting<'_>,
        new: NewPlan,
    ) -> Result<PlanView, AppError> {
        let tree = self.tree().await?;
        let unit = tree.get(new.unit_id).map_err(|_| {
            AppError::invalid(
                "unit_id",
                Message::new("invalid-unit-missing").arg("id", new.unit_id.to_string()),
            )
        })?;
        authorize(acting, Permission::WriteSafety, Scope::Unit(&unit.path))?;
        if !is_command_body(tree.kind(unit.id)) {
            return Err(AppError::invalid(
                "unit_id",
                Message::new("invalid-plan-not-body"),
            ));
        }
        if rules::plan_last_day(new.year).is_none() || !(2021..=9999).contains(&new.year) {
            return Err(AppError::invalid(
                "year",
                Message::new("invalid-plan-year").arg("year", new.year),
            ));
        }
        let (mut version, activities) = validate_draft(&new.draft)?;
        let mut w = self
            .write(acting, Permission::WriteSafety, Scope::Unit(&unit.path))
            .await?;
        let at = w.at_text();
        let plan_id = repo::insert_plan(w.conn(), unit.id, i64::from(new.year), &at).await?;
        version.plan_id = plan_id;
        version.version = 1;
        version.drafted_by = w.actor_name();
        version.drafted_at = w.at();
        repo::insert_version(w.conn(), &version).await?;
        repo::replace_activities(w.conn(), plan_id, 1, &activities).await?;
        w.audit(Change {
            action: AuditAction::SafetyPlanCreate,
            entity: "safety_plan",
            entity_id: plan_id.to_string(),
            before: None,
            after: Some(json!({
                "version": records::plan_version(&version),
                "activities": records::plan_activities(&activities),
            })),
        })
        .await?;
        w.commit().await?;
        self.plan(acting, plan_id, None).await
    }

    /// Rewrites the version being drafted (never an approved one).
    pub async fn update_plan_draft(
        &self,
        acting: Acting<'_>,
        plan_id: i64,
        draft: PlanDraft,
    ) -> Result<PlanView, AppError> {
        let tree = self.tree().await?;
        let (mut version, activities) = validate_draft(&draft)?;
        let mut w = self.write_then_authorize(acting).await?;
        let plan = Self::plan_for_write(&mut w, &tree, Permission::WriteSafety, plan_id).await?;
        let before = repo::version(w.conn(), plan_id, plan.current_version).await?;
        if before.approved_at.is_some() {
            return Err(AppError::invalid(
                "plan",
                Message::new("invalid-plan-approved-unchangeable"),
            ));
        }
        version.plan_id = plan_id;
        version.version = plan.current_version;
        version.drafted_by = w.actor_name();
        version.drafted_at = w.at();
        repo::update_version_text(w.conn(), &version).await?;
        repo::replace_activities(w.conn(), plan_id, plan.current_version, &activities).await?;
        w.audit(Change {
            action: AuditAction::SafetyPlanEdit,
            entity: "safety_plan",
            entity_id: plan_id.to_string(),
            before: Some(records::plan_version(&before)),
            after: Some(json!({
                "version": records::plan_version(&version),
                "activities": records::plan_activities(&activities),
            })),
        })
        .await?;
        w.commit().await?;
        self.plan(acting, plan_id, None).await
    }

    /// The body's commander approves the version being drafted.
    pub async fn approve_plan(
        &self,
        acting: Acting<'_>,
        plan_id: i64,
        approver_title: &str,
    ) -> Result<PlanView, AppError> {
        let tree = self.tree().await?;
        let title = text("approver_title", approver_title, 300)?;
        let mut w = self.write_then_authorize(acting).await?;
        let plan = Self::plan_for_write(&mut w, &tree, Permission::ApprovePlans, plan_id).await?;
        let version = repo::version(w.conn(), plan_id, plan.current_version).await?;
        if version.approved_at.is_some() {
            return Err(AppError::Conflict(format!(
                "an approval of version {} of Plan {plan_id}",
                version.version
            )));
        }
        let activities = repo::activities(w.conn(), plan_id, plan.current_version).await?;
        if activities.is_empty() {
            return Err(AppError::invalid(
                "activities",
                Message::new("invalid-plan-no-activities"),
            ));
        }
        let actor = w.actor_name();
        let at = w.at_text();
        repo::approve_version(w.conn(), plan_id, plan.current_version, &actor, &title, &at).await?;
        repo::set_plan_versions(
            w.conn(),
            plan_id,
            plan.current_version,
            Some(plan.current_version),
        )
        .await?;
        let (due, receipt) = rules::PlanDue.decision_with_receipt(
            rules::PlanDueFacts {
                year: i32::try_from(plan.year).unwrap_or(i32::MAX),
            },
            w.today(),
        )?;
        w.receipt(&receipt, "safety_plan", &plan_id.to_string())
            .await?;
        w.audit(Change {
            action: AuditAction::SafetyPlanApprove,
            entity: "safety_plan",
            entity_id: plan_id.to_string(),
            before: Some(json!({ "approved_version": plan.approved_version })),
            after: Some(json!({
                "approved_version": plan.current_version,
                "approver_title": title,
                "plan_due": due.outcome,
            })),
        })
        .await?;
        w.commit().await?;
        self.plan(acting, plan_id, None).await
    }

    /// Opens a revision of the approved Plan: a new version, copied from the approved one, with
    /// the change that calls for it (para 5) and the reason stated.
    pub async fn revise_plan(
        &self,
        acting: Acting<'_>,
        plan_id: i64,
        change: PlanChange,
        reason: &str,
    ) -> Result<(PlanView, Decision<rules::RevisionOutcome>), AppError> {
        let tree = self.tree().await?;
        let reason = text("reason", reason, 2000)?;
        let today = self.clock().today();
        let (decision, receipt) = rules::PlanRevisionRequired
            .decision_with_receipt(rules::PlanRevisionFacts { change }, today)?;
        let mut w = self.write_then_authorize(acting).await?;
        let plan = Self::plan_for_write(&mut w, &tree, Permission::WriteSafety, plan_id).await?;
        let Some(approved) = plan.approved_version.filter(|v| *v == plan.current_version) else {
            return Err(AppError::invalid(
                "plan",
                Message::new("invalid-plan-revise-unapproved"),
            ));
        };
        let mut version = repo::version(w.conn(), plan_id, approved).await?;
        let mut activities = repo::activities(w.conn(), plan_id, approved).await?;
        let next = approved + 1;
        version.version = next;
        version.revision_change = Some(change);
        version.revision_reason = Some(reason.clone());
        version.drafted_by = w.actor_name();
        version.drafted_at = w.at();
        version.approved_by = None;
        version.approver_title = None;
        version.approved_at = None;
        repo::insert_version(w.conn(), &version).await?;
        for a in &mut activities {
            a.version = next;
        }
        repo::replace_activities(w.conn(), plan_id, next, &activities).await?;
        repo::set_plan_versions(w.conn(), plan_id, next, Some(approved)).await?;
        w.receipt(&receipt, "safety_plan", &plan_id.to_string())
            .await?;
        w.audit(Change {
            action: AuditAction::SafetyPlanRevise,
            entity: "safety_plan",
            entity_id: plan_id.to_string(),
            before: Some(json!({ "current_version": approved })),
            after: Some(json!({
                "current_version": next,
                "change": change,
                "reason": reason,
                "revision_required": decision.outcome.required,
            })),
        })
        .await?;
        w.commit().await?;
        Ok((self.plan(acting, plan_id, None).await?, decision))
    }

    /// Marks an activity of the Plan in force as completed.
    pub async fn mark_plan_activity(
        &self,
        acting: Acting<'_>,
        activity_id: i64,
        mark: &str,
        completed_on: NaiveDate,
    ) -> Result<PlanView, AppError> {
        let tree = self.tree().await?;
        let mark = text("completion_mark", mark, 300)?;
        if completed_on > self.clock().today() {
            return Err(AppError::invalid(
                "completed_on",
                Message::new("invalid-date-future").arg("value", completed_on.to_string()),
            ));
        }
        let mut w = self.write_then_authorize(acting).await?;
        let activity = repo::activity(w.conn(), activity_id).await?;
        let plan =
            Self::plan_for_write(&mut w, &tree, Permission::WriteSafety, activity.plan_id).await?;
        if plan.approved_version != Some(activity.version)
            && plan.current_version != activity.version
        {
            return Err(AppError::invalid(
                "activity",
                Message::new("invalid-plan-activity-superseded"),
            ));
        }
        if !repo::mark_activity(w.conn(), activity_id, &mark, completed_on).await? {
            return Err(AppError::Conflict(format!(
                "a completion mark of item {}",
                activity.item_no
            )));
        }
        w.audit(Change {
            action: AuditAction::SafetyPlanActivityComplete,
            entity: "safety_plan_activity",
            entity_id: activity_id.to_string(),
            before: Some(records::plan_activity(&activity)),
            after: Some(json!({ "completion_mark": mark, "completed_on": completed_on })),
        })
        .await?;
        w.commit().await?;
        self.plan(acting, plan.id, None).await
    }
}
