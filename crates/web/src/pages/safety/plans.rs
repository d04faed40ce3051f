//! A Plan: drafting, approval, revision with its version comparison, completed activities and
//! the PDF.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use qorgau_app::safety::plans::{
    ActivityView, NewPlan, PlanDraft, PlanView, VersionDiff, activities_from_lines,
};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use qorgau_rules::safety::PlanChange;
use serde::Deserialize;

use super::overview::{BodyQuery, OverviewForms, overview_page};
use super::{
    MODULE, choices, fail, forms_status, label, layout, number, parse_date, parse_word, pdf,
};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, submit};
use crate::pages::layout::{Layout, render};
use crate::pages::session::{PageForm, PageSession};

/// The new Plan form as posted (on the overview, which shows it again on a refusal).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct NewPlanForm {
    pub(super) unit_id: String,
    pub(super) year: String,
    pub(super) goals: String,
    pub(super) tasks: String,
    pub(super) requirements: String,
    pub(super) activities: String,
}

impl TryFrom<&NewPlanForm> for NewPlan {
    type Error = AppError;

    /// Activities are one per line, `item;name;responsible;monitoring;term;form`.
    fn try_from(form: &NewPlanForm) -> Result<Self, AppError> {
        Ok(NewPlan {
            unit_id: number("unit_id", &form.unit_id)?,
            year: number("year", &form.year)?,
            draft: PlanDraft {
                goals: form.goals.clone(),
                tasks: form.tasks.clone(),
                requirements: form.requirements.clone(),
                activities: activities_from_lines(&form.activities)?,
            },
        })
    }
}

pub async fn create_plan(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<NewPlanForm>,
) -> Response {
    let app = &state.app;
    let acting = Acting::Principal(&session.principal);
    let body = BodyQuery::for_body(form.unit_id.clone());
    submit(
        &tr,
        &session,
        MODULE,
        form,
        |input: NewPlan| app.create_plan(acting, input),
        |plan| format!("/safety/plans/{}", plan.plan.id),
        |filled| {
            let forms = OverviewForms {
                plan: Some(filled),
                ..OverviewForms::default()
            };
            overview_page(&state, &tr, &session, body, forms)
        },
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct PlanQuery {
    version: Option<String>,
}

/// An activity of the Plan as its row shows it.
struct ActivityRow {
    a: ActivityView,
    /// Whether the refused completion is this row's: its form shows the input and the error.
    refused: bool,
}

#[derive(Template)]
#[template(path = "safety_plan.html")]
struct PlanPage {
    layout: Layout,
    body_query: String,
    view: PlanView,
    status: String,
    due: String,
    overdue_sentence: String,
    versions: Vec<(i64, String, bool)>,
    diff: Option<(String, String, String)>,
    activities: Vec<ActivityRow>,
    editable: bool,
    revisable: bool,
    can_write: bool,
    can_approve: bool,
    changes: Vec<(&'static str, String)>,
    today: String,
    draft: Filled<DraftForm>,
    approve: Filled<ApproveForm>,
    revise: Filled<ReviseForm>,
    /// The refused completion's form (its row shows it), or an unposted one.
    complete: Filled<CompleteForm>,
}

/// The forms of a Plan's page: the one refused carries the input and the error, the others
/// are shown unposted.
#[derive(Default)]
struct PlanForms {
    draft: Option<Filled<DraftForm>>,
    approve: Option<Filled<ApproveForm>>,
    revise: Option<Filled<ReviseForm>>,
    /// The activity whose completion was refused, with its form.
    complete: Option<(i64, Filled<CompleteForm>)>,
}

impl PlanForms {
    fn status(&self) -> StatusCode {
        forms_status([
            self.draft.as_ref().map(Filled::status),
            self.approve.as_ref().map(Filled::status),
            self.revise.as_ref().map(Filled::status),
            self.complete.as_ref().map(|(_, filled)| filled.status()),
        ])
    }
}

async fn plan_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    version: Option<String>,
    forms: PlanForms,
) -> Response {
    let status = forms.status();
    let acting = Acting::Principal(&session.principal);
    let result = async {
        let version = match version.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(text) => Some(number("version", text)?),
            None => None,
        };
        let view = state.app.plan(acting, id, version).await?;
        let diff: Option<VersionDiff> = if view.version.version > 1 {
            Some(
                state
                    .app
                    .compare_plan_versions(
                        acting,
                        id,
                        view.version.version - 1,
                        view.version.version,
                    )
                    .await?,
            )
        } else {
            None
        };
        Ok::<_, AppError>((view, diff))
    }
    .await;
    match result {
        Ok((mut view, diff)) => {
            let versions = view
                .versions
                .iter()
                .map(|v| {
                    let state_text = match (&v.approved_by, &v.approved_at) {
                        (Some(by), Some(at)) => tr.t2(
                            "safety-version-approved",
                            "by",
                            v.approver_title.as_deref().unwrap_or(by),
                            "date",
                            &qorgau_app::today_in_almaty(*at).to_string(),
                        ),
                        _ => tr.t("safety-version-draft"),
                    };
                    (v.version, state_text, v.version == view.version.version)
                })
                .collect();
            let diff = diff.map(|d| {
                let join = |items: &[i64]| {
                    items
                        .iter()
                        .map(|i| i.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let reason = match (d.revision_change, &d.revision_reason) {
                    (Some(change), Some(reason)) => tr.t2(
                        "safety-revision-reason",
                        "change",
                        &label(tr, change),
                        "reason",
                        reason,
                    ),
                    _ => String::new(),
                };
                let texts = if d.changed_texts.is_empty() {
                    String::new()
                } else {
                    tr.t1("safety-diff-texts", "names", &d.changed_texts.join(", "))
                };
                let items = if d.added.is_empty() && d.removed.is_empty() && d.changed.is_empty() {
                    tr.t("safety-diff-none")
                } else {
                    tr.message(
                        &Message::new("safety-diff-items")
                            .arg("added", join(&d.added))
                            .arg("removed", join(&d.removed))
                            .arg("changed", join(&d.changed)),
                    )
                };
                (reason, texts, items)
            });
            let activities_text = view
                .activities
                .iter()
                .map(|a| {
                    let a = &a.activity;
                    format!(
                        "{};{};{};{};{};{}",
                        a.item_no, a.name, a.responsible, a.monitoring, a.term, a.completion_form
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            let editable = view.version.approved_at.is_none()
                && view.version.version == view.plan.current_version;
            let revisable = view.plan.approved_version == Some(view.plan.current_version)
                && view.version.version == view.plan.current_version;
            let can_write = session.principal.can(Permission::WriteSafety);
            let can_approve = session.principal.can(Permission::ApprovePlans);
            let today = state.app.clock().today().to_string();
            let draft = forms.draft.unwrap_or_else(|| {
                Filled::new(DraftForm {
                    goals: view.version.goals.clone(),
                    tasks: view.version.tasks.clone(),
                    requirements: view.version.requirements.clone(),
                    activities: activities_text,
                })
            });
            let (completing, complete) = match forms.complete {
                Some((activity, filled)) => (Some(activity), filled),
                None => (
                    None,
                    Filled::new(CompleteForm {
                        plan_id: id.to_string(),
                        completed_on: today.clone(),
                        ..CompleteForm::default()
                    }),
                ),
            };
            // Completion forms stand in the rows of an approved version's open activities.
            let completable = can_write && view.version.approved_at.is_some();
            let activities: Vec<ActivityRow> = std::mem::take(&mut view.activities)
                .into_iter()
                .map(|a| ActivityRow {
                    refused: completable
                        && a.activity.completion_mark.is_none()
                        && completing == Some(a.activity.id),
                    a,
                })
                .collect();
            let complete = complete.shown_if(activities.iter().any(|r| r.refused));
            render(
                status,
                &PlanPage {
                    layout: layout(tr, session),
                    body_query: format!("?body_id={}", view.plan.unit_id),
                    draft: draft.shown_if(editable && can_write),
                    approve: forms
                        .approve
                        .unwrap_or_default()
                        .shown_if(editable && can_approve),
                    revise: forms
                        .revise
                        .unwrap_or_default()
                        .shown_if(can_write && revisable),
                    complete,
                    activities,
                    status: tr.t(view.status.message_id()),
                    due: if view.late {
                        tr.t1("safety-plan-late", "date", &view.due.to_string())
                    } else {
                        tr.t1("safety-plan-due", "date", &view.due.to_string())
                    },
                    overdue_sentence: tr
                        .message(&Message::new("safety-overdue-count").arg("count", view.overdue)),
                    versions,
                    diff,
                    editable,
                    revisable,
                    can_write,
                    can_approve,
                    changes: choices::<PlanChange>(tr),
                    today,
                    view,
                },
            )
        }
        Err(e) => fail(e, tr, session),
    }
}

pub async fn plan(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
    Query(query): Query<PlanQuery>,
) -> Response {
    plan_page(
        &state,
        &tr,
        &session,
        id,
        query.version,
        PlanForms::default(),
    )
    .await
}

pub async fn plan_pdf(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
    Query(query): Query<PlanQuery>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let version = query.version.as_deref().and_then(|v| v.trim().parse().ok());
    let lang = tr.lang();
    match state.app.plan_pdf(acting, &lang, id, version).await {
        Ok(bytes) => pdf(bytes),
        Err(e) => fail(e, &tr, &session),
    }
}

/// The draft form as posted: the texts and the activities, one per line.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DraftForm {
    goals: String,
    tasks: String,
    requirements: String,
    activities: String,
}

impl TryFrom<&DraftForm> for PlanDraft {
    type Error = AppError;

    fn try_from(form: &DraftForm) -> Result<Self, AppError> {
        Ok(PlanDraft {
            goals: form.goals.clone(),
            tasks: form.tasks.clone(),
            requirements: form.requirements.clone(),
            activities: activities_from_lines(&form.activities)?,
        })
    }
}

pub async fn save_draft(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<DraftForm>,
) -> Response {
    let app = &state.app;
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        MODULE,
        form,
        |input: PlanDraft| app.update_plan_draft(acting, id, input),
        |_| format!("/safety/plans/{id}"),
        |filled| {
            let forms = PlanForms {
                draft: Some(filled),
                ..PlanForms::default()
            };
            plan_page(&state, &tr, &session, id, None, forms)
        },
    )
    .await
}

/// The approval form as posted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ApproveForm {
    approver_title: String,
}

/// An approval as the workflow takes it: the title of the one who approves.
struct Approval {
    approver_title: String,
}

impl TryFrom<&ApproveForm> for Approval {
    type Error = AppError;

    fn try_from(form: &ApproveForm) -> Result<Self, AppError> {
        Ok(Self {
            approver_title: form.approver_title.clone(),
        })
    }
}

pub async fn approve_plan(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<ApproveForm>,
) -> Response {
    let app = &state.app;
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        MODULE,
        form,
        |input: Approval| async move { app.approve_plan(acting, id, &input.approver_title).await },
        |_| format!("/safety/plans/{id}"),
        |filled| {
            let forms = PlanForms {
                approve: Some(filled),
                ..PlanForms::default()
            };
            plan_page(&state, &tr, &session, id, None, forms)
        },
    )
    .await
}

/// The revision form as posted: the change (a word of the closed list) and its reason.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReviseForm {
    change: String,
    reason: String,
}

/// A revision as the workflow takes it.
struct Revision {
    change: PlanChange,
    reason: String,
}

impl TryFrom<&ReviseForm> for Revision {
    type Error = AppError;

    fn try_from(form: &ReviseForm) -> Result<Self, AppError> {
        Ok(Self {
            change: parse_word("change", &form.change)?,
            reason: form.reason.clone(),
        })
    }
}

pub async fn revise_plan(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<ReviseForm>,
) -> Response {
    let app = &state.app;
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        MODULE,
        form,
        |input: Revision| async move {
            app.revise_plan(acting, id, input.change, &input.reason)
                .await
        },
        |_| format!("/safety/plans/{id}"),
        |filled| {
            let forms = PlanForms {
                revise: Some(filled),
                ..PlanForms::default()
            };
            plan_page(&state, &tr, &session, id, None, forms)
        },
    )
    .await
}

/// The completion form of an activity as posted (the Plan it belongs to, the mark, the day).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CompleteForm {
    plan_id: String,
    completion_mark: String,
    completed_on: String,
}

/// A completion as the workflow takes it.
struct Completion {
    mark: String,
    on: NaiveDate,
}

impl TryFrom<&CompleteForm> for Completion {
    type Error = AppError;

    fn try_from(form: &CompleteForm) -> Result<Self, AppError> {
        Ok(Self {
            mark: form.completion_mark.clone(),
            on: parse_date("completed_on", &form.completed_on)?,
        })
    }
}

pub async fn complete_activity(
    State(state): State<AppState>,
    tr: Tr,
    Path(activity_id): Path<i64>,
    PageForm { session, form }: PageForm<CompleteForm>,
) -> Response {
    // The Plan's page is the one shown again on a refusal: without it there is none to show.
    let plan_id: i64 = match number("plan_id", &form.plan_id) {
        Ok(id) => id,
        Err(e) => return fail(e, &tr, &session),
    };
    let app = &state.app;
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        MODULE,
        form,
        |input: Completion| async move {
            app.mark_plan_activity(acting, activity_id, &input.mark, input.on)
                .await
        },
        |view| format!("/safety/plans/{}", view.plan.id),
        |filled| {
            let forms = PlanForms {
                complete: Some((activity_id, filled)),
                ..PlanForms::default()
            };
            plan_page(&state, &tr, &session, plan_id, None, forms)
        },
    )
    .await
}
