//! The annual Plan for ensuring the security of military service (paras 5-6, Appendix 1):
//! drafted, approved by the body's commander by 24 December of the year before, revised only
//! with a stated reason as a new version (every version kept and comparable), its activities
//! marked complete, and those past their term without a mark flagged overdue.

mod lifecycle;

use chrono::{DateTime, NaiveDate};
use qorgau_i18n::Message;
use qorgau_rules::safety::{self as rules, PlanChange};
use qorgau_rules::{Decision, TypedRule};
use qorgau_store::safety::{self as repo, Plan, PlanActivity, PlanVersion};
use serde::{Deserialize, Serialize};

pub use qorgau_rules::safety::PlanStatus;

use super::{Tree, is_command_body};
use crate::validation::{date, text};
use crate::write::Write;
use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// An activity of the Plan (the columns of Appendix 1).
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewActivity {
    pub item_no: i64,
    pub name: String,
    /// The responsible person (performer).
    pub responsible: String,
    /// The monitoring person.
    pub monitoring: String,
    /// The term of completion, YYYY-MM-DD.
    pub term: String,
    /// The form of completion.
    pub completion_form: String,
}

/// The text of a Plan version.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct PlanDraft {
    pub goals: String,
    pub tasks: String,
    pub requirements: String,
    pub activities: Vec<NewActivity>,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewPlan {
    pub unit_id: i64,
    pub year: i32,
    #[serde(flatten)]
    pub draft: PlanDraft,
}

/// An activity with whether it is overdue.
#[derive(Debug, Clone)]
pub struct ActivityView {
    pub activity: PlanActivity,
    pub overdue: bool,
}

#[derive(Debug, Clone)]
pub struct PlanView {
    pub plan: Plan,
    pub unit_name: String,
    pub status: PlanStatus,
    /// The last day to approve (24 December of the year before).
    pub due: NaiveDate,
    /// Whether the due day passed with no approved version.
    pub late: bool,
    pub versions: Vec<PlanVersion>,
    /// The version being shown (the current one unless another was asked for).
    pub version: PlanVersion,
    pub activities: Vec<ActivityView>,
    pub overdue: usize,
    pub due_decision: Decision<rules::PlanDueOutcome>,
}

/// One body's Plan for a year, for the overview.
#[derive(Debug, Clone, Serialize)]
pub struct PlanStanding {
    pub unit_id: i64,
    pub unit_name: String,
    pub depth: usize,
    pub plan_id: Option<i64>,
    pub status: Option<PlanStatus>,
    pub due: NaiveDate,
    /// The due day passed and no version is approved: flagged to the body above.
    pub late: bool,
}

/// What changed between two versions.
#[derive(Debug, Clone, Serialize)]
pub struct VersionDiff {
    pub from: i64,
    pub to: i64,
    /// goals, tasks or requirements when their text differs.
    pub changed_texts: Vec<String>,
    pub added: Vec<i64>,
    pub removed: Vec<i64>,
    pub changed: Vec<i64>,
    pub revision_change: Option<PlanChange>,
    pub revision_reason: Option<String>,
}

fn status_of(plan: &Plan) -> PlanStatus {
    match plan.approved_version {
        None => PlanStatus::Draft,
        Some(v) if v == plan.current_version => PlanStatus::Approved,
        Some(_) => PlanStatus::Revising,
    }
}

fn validate_draft(draft: &PlanDraft) -> Result<(PlanVersion, Vec<PlanActivity>), AppError> {
    let version = PlanVersion {
        plan_id: 0,
        version: 0,
        goals: text("goals", &draft.goals, 4000)?,
        tasks: text("tasks", &draft.tasks, 4000)?,
        requirements: text("requirements", &draft.requirements, 4000)?,
        revision_change: None,
        revision_reason: None,
        drafted_by: String::new(),
        // Set by the write that records the version.
        drafted_at: DateTime::default(),
        approved_by: None,
        approver_title: None,
        approved_at: None,
    };
    let mut seen = std::collections::HashSet::new();
    let mut activities = Vec::new();
    for a in &draft.activities {
        if a.item_no < 1 || !seen.insert(a.item_no) {
            return Err(AppError::invalid(
                "item_no",
                Message::new("invalid-plan-item-no").arg("item", a.item_no),
            ));
        }
        activities.push(PlanActivity {
            id: 0,
            plan_id: 0,
            version: 0,
            item_no: a.item_no,
            name: text("name", &a.name, 1000)?,
            responsible: text("responsible", &a.responsible, 300)?,
            monitoring: text("monitoring", &a.monitoring, 300)?,
            term: date("term", &a.term)?,
            completion_form: text("completion_form", &a.completion_form, 300)?,
            completion_mark: None,
            completed_on: None,
        });
    }

    Ok((version, activities))
}

fn due_decision(year: i64, today: NaiveDate) -> Result<Decision<rules::PlanDueOutcome>, AppError> {
    Ok(rules::PlanDue.decision(
        rules::PlanDueFacts {
            year: i32::try_from(year).unwrap_or(i32::MAX),
        },
        today,
    )?)
}

impl App {
    async fn plan_in_scope(
        &self,
        conn: &mut qorgau_store::Conn,
        tree: &Tree,
        acting: Acting<'_>,
        permission: Permission,
        plan_id: i64,
    ) -> Result<Plan, AppError> {
        let plan = repo::plan(conn, plan_id).await?;
        authorize(
            acting,
            permission,
            Scope::Unit(&tree.get(plan.unit_id)?.path),
        )?;
        Ok(plan)
    }

    /// The Plan with `plan_id`, read inside `w`, once `w`'s principal may do `permission` on it.
    async fn plan_for_write(
        w: &mut Write<'_>,
        tree: &Tree,
        permission: Permission,
        plan_id: i64,
    ) -> Result<Plan, AppError> {
        let plan = repo::plan(w.conn(), plan_id).await?;
        w.authorize(permission, Scope::Unit(&tree.get(plan.unit_id)?.path))?;
        Ok(plan)
    }

    /// A Plan with one of its versions (the current one by default).
    pub async fn plan(
        &self,
        acting: Acting<'_>,
        plan_id: i64,
        version: Option<i64>,
    ) -> Result<PlanView, AppError> {
        let tree = self.tree().await?;
        let mut conn = self.store().pool().acquire().await?;
        let plan = self
            .plan_in_scope(&mut conn, &tree, acting, Permission::ReadSafety, plan_id)
            .await?;
        let versions = repo::versions(&mut conn, plan_id).await?;
        let shown = version.unwrap_or(plan.current_version);
        let version = versions
            .iter()
            .find(|v| v.version == shown)
            .cloned()
            .ok_or(AppError::NotFound {
                entity: "plan version",
                id: format!("{plan_id}/{shown}"),
            })?;
        let today = self.clock().today();
        let activities: Vec<ActivityView> = repo::activities(&mut conn, plan_id, shown)
            .await?
            .into_iter()
            .map(|activity| ActivityView {
                overdue: activity.completion_mark.is_none() && activity.term < today,
                activity,
            })
            .collect();
        let due_decision = due_decision(plan.year, today)?;
        let due = rules::plan_last_day(plan.year as i32).unwrap_or(today);
        let status = status_of(&plan);
        Ok(PlanView {
            unit_name: tree.get(plan.unit_id)?.name.clone(),
            status,
            due,
            late: plan.approved_version.is_none() && today > due,
            overdue: activities.iter().filter(|a| a.overdue).count(),
            plan,
            versions,
            version,
            activities,
            due_decision,
        })
    }

    /// What changed from version `from` to version `to`.
    pub async fn compare_plan_versions(
        &self,
        acting: Acting<'_>,
        plan_id: i64,
        from: i64,
        to: i64,
    ) -> Result<VersionDiff, AppError> {
        let tree = self.tree().await?;
        let mut conn = self.store().pool().acquire().await?;
        self.plan_in_scope(&mut conn, &tree, acting, Permission::ReadSafety, plan_id)
            .await?;
        let a = repo::version(&mut conn, plan_id, from).await?;
        let b = repo::version(&mut conn, plan_id, to).await?;
        let mut changed_texts = Vec::new();
        for (name, x, y) in [
            ("goals", &a.goals, &b.goals),
            ("tasks", &a.tasks, &b.tasks),
            ("requirements", &a.requirements, &b.requirements),
        ] {
            if x != y {
                changed_texts.push(name.to_owned());
            }
        }
        let old = repo::activities(&mut conn, plan_id, from).await?;
        let new = repo::activities(&mut conn, plan_id, to).await?;
        let key = |x: &PlanActivity| {
            (
                x.name.clone(),
                x.responsible.clone(),
                x.monitoring.clone(),
                x.term,
                x.completion_form.clone(),
            )
        };
        let mut diff = VersionDiff {
            from,
            to,
            changed_texts,
            added: Vec::new(),
            removed: Vec::new(),
            changed: Vec::new(),
            revision_change: b.revision_change,
            revision_reason: b.revision_reason.clone(),
        };
        for n in &new {
            match old.iter().find(|o| o.item_no == n.item_no) {
                None => diff.added.push(n.item_no),
                Some(o) if key(o) != key(n) => diff.changed.push(n.item_no),
                Some(_) => {}
            }
        }
        for o in &old {
            if !new.iter().any(|n| n.item_no == o.item_no) {
                diff.removed.push(o.item_no);
            }
        }
        Ok(diff)
    }

    /// Every body of military command under `body_id` with its Plan for `year`: the ones late
    /// are flagged to the bodies above them.
    pub async fn plan_standings(
        &self,
        acting: Acting<'_>,
        body_id: i64,
        year: i32,
    ) -> Result<Vec<PlanStanding>, AppError> {
        let tree = self.tree().await?;
        let body = tree.get(body_id)?;
        authorize(acting, Permission::ReadSafety, Scope::Unit(&body.path))?;
        let due = rules::plan_last_day(year).ok_or_else(|| {
            AppError::invalid("year", Message::new("invalid-plan-year").arg("year", year))
        })?;
        let plans = {
            let mut conn = self.store().pool().acquire().await?;
            repo::plans_of_year(&mut conn, i64::from(year)).await?
        };
        let today = self.clock().today();
        let base = body.path.matches('/').count();
        let mut out = Vec::new();
        let mut ids = tree.subtree(body_id);
        ids.sort_by(|a, b| tree.units[a].path.cmp(&tree.units[b].path));
        for id in ids {
            if !is_command_body(tree.kind(id)) {
                continue;
            }
            let plan = plans.iter().find(|p| p.unit_id == id);
            let approved = plan.is_some_and(|p| p.approved_version.is_some());
            out.push(PlanStanding {
                unit_id: id,
                unit_name: tree.units[&id].name.clone(),
                depth: tree.units[&id].path.matches('/').count() - base,
                plan_id: plan.map(|p| p.id),
                status: plan.map(status_of),
                due,
                late: !approved && today > due,
            });
        }
        Ok(out)
    }

    /// The Plans of a body, newest year first.
    pub async fn plans_of_unit(
        &self,
        acting: Acting<'_>,
        unit_id: i64,
    ) -> Result<Vec<Plan>, AppError> {
        self.unit_in_scope(acting, Permission::ReadSafety, unit_id)
            .await?;
        let mut conn = self.store().pool().acquire().await?;
        Ok(repo::plans_of_unit(&mut conn, unit_id).await?)
    }
}

/// Texts of a draft a page form sends: activities one per line as
/// `item;name;responsible;monitoring;term;form`.
pub fn activities_from_lines(lines: &str) -> Result<Vec<NewActivity>, AppError> {
    let mut out = Vec::new();
    for (index, line) in lines.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split(';').map(str::trim).collect();
        if parts.len() != 6 {
            return Err(AppError::invalid(
                "activities",
                Message::new("invalid-plan-activity-line").arg("line", index + 1),
            ));
        }
        let item_no = parts[0].parse().map_err(|_| {
            AppError::invalid(
                "activities",
                Message::new("invalid-plan-activity-line").arg("line", index + 1),
            )
        })?;
        out.push(NewActivity {
            item_no,
            name: parts[1].to_owned(),
            responsible: parts[2].to_owned(),
            monitoring: parts[3].to_owned(),
            term: parts[4].to_owned(),
            completion_form: parts[5].to_owned(),
        });
    }

    Ok(out)
}
