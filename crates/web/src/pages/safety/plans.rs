//! A Plan: drafting, approval, revision with its version comparison, completed activities and
//! the PDF.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use qorgau_app::safety::plans::{NewPlan, PlanDraft, PlanView, VersionDiff, activities_from_lines};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use qorgau_rules::safety::PlanChange;
use serde::Deserialize;

use super::overview::back_to_overview;
use super::{choices, fail, label, layout, number, parse_word, pdf};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::layout::{Layout, describe, render};
use crate::pages::session::{PageForm, PageSession};

#[derive(Deserialize)]
pub struct NewPlanForm {
    unit_id: String,
    year: String,
    goals: String,
    tasks: String,
    requirements: String,
    activities: String,
}

pub async fn create_plan(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<NewPlanForm>,
) -> Response {
    let result = async {
        state
            .app
            .create_plan(
                Acting::Principal(&session.principal),
                NewPlan {
                    unit_id: number("unit_id", &form.unit_id)?,
                    year: number("year", &form.year)?,
                    draft: PlanDraft {
                        goals: form.goals.clone(),
                        tasks: form.tasks.clone(),
                        requirements: form.requirements.clone(),
                        activities: activities_from_lines(&form.activities)?,
                    },
                },
            )
            .await
    }
    .await;
    match result {
        Ok(plan) => Redirect::to(&format!("/safety/plans/{}", plan.plan.id)).into_response(),
        Err(error) => {
            back_to_overview(&state, &tr, &session, form.unit_id.clone(), Err(error)).await
        }
    }
}

#[derive(Deserialize, Default)]
pub struct PlanQuery {
    version: Option<String>,
}

#[derive(Template)]
#[template(path = "safety_plan.html")]
struct PlanPage {
    layout: Layout,
    body_query: String,
    error: String,
    view: PlanView,
    status: String,
    due: String,
    overdue_sentence: String,
    versions: Vec<(i64, String, bool)>,
    diff: Option<(String, String, String)>,
    activities_text: String,
    editable: bool,
    revisable: bool,
    can_write: bool,
    can_approve: bool,
    changes: Vec<(&'static str, String)>,
    today: String,
}

async fn plan_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    version: Option<String>,
    status: StatusCode,
    error: String,
) -> Response {
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
        Ok((view, diff)) => {
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
            render(
                status,
                &PlanPage {
                    layout: layout(tr, session),
                    body_query: format!("?body_id={}", view.plan.unit_id),
                    error,
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
                    activities_text,
                    editable,
                    revisable: view.plan.approved_version == Some(view.plan.current_version)
                        && view.version.version == view.plan.current_version,
                    can_write: session.principal.can(Permission::WriteSafety),
                    can_approve: session.principal.can(Permission::ApprovePlans),
                    changes: choices::<PlanChange>(tr),
                    today: state.app.clock().today().to_string(),
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
        StatusCode::OK,
        String::new(),
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
    match state.app.plan_pdf(acting, id, version).await {
        Ok(bytes) => pdf(bytes),
        Err(e) => fail(e, &tr, &session),
    }
}

async fn after_plan_change(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    result: Result<(), AppError>,
) -> Response {
    match result {
        Ok(()) => Redirect::to(&format!("/safety/plans/{id}")).into_response(),
        Err(error @ AppError::Forbidden { .. }) => fail(error, tr, session),
        Err(error) => {
            let message = describe(&error, tr);
            plan_page(
                state,
                tr,
                session,
                id,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct DraftForm {
    goals: String,
    tasks: String,
    requirements: String,
    activities: String,
}

pub async fn save_draft(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<DraftForm>,
) -> Response {
    let result = async {
        state
            .app
            .update_plan_draft(
                Acting::Principal(&session.principal),
                id,
                PlanDraft {
                    goals: form.goals.clone(),
                    tasks: form.tasks.clone(),
                    requirements: form.requirements.clone(),
                    activities: activities_from_lines(&form.activities)?,
                },
            )
            .await
            .map(|_| ())
    }
    .await;
    after_plan_change(&state, &tr, &session, id, result).await
}

#[derive(Deserialize)]
pub struct ApproveForm {
    approver_title: String,
}

pub async fn approve_plan(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<ApproveForm>,
) -> Response {
    let result = state
        .app
        .approve_plan(
            Acting::Principal(&session.principal),
            id,
            &form.approver_title,
        )
        .await
        .map(|_| ());
    after_plan_change(&state, &tr, &session, id, result).await
}

#[derive(Deserialize)]
pub struct ReviseForm {
    change: String,
    reason: String,
}

pub async fn revise_plan(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<ReviseForm>,
) -> Response {
    let result = async {
        let change: PlanChange = parse_word("change", &form.change)?;
        state
            .app
            .revise_plan(
                Acting::Principal(&session.principal),
                id,
                change,
                &form.reason,
            )
            .await
            .map(|_| ())
    }
    .await;
    after_plan_change(&state, &tr, &session, id, result).await
}

#[derive(Deserialize)]
pub struct CompleteForm {
    plan_id: String,
    completion_mark: String,
    completed_on: String,
}

pub async fn complete_activity(
    State(state): State<AppState>,
    tr: Tr,
    Path(activity_id): Path<i64>,
    PageForm { session, form }: PageForm<CompleteForm>,
) -> Response {
    let plan_id: i64 = match number("plan_id", &form.plan_id) {
        Ok(id) => id,
        Err(e) => return fail(e, &tr, &session),
    };
    let result = async {
        let on: NaiveDate = form.completed_on.trim().parse().map_err(|_| {
            AppError::invalid(
                "completed_on",
                Message::new("invalid-date").arg("value", form.completed_on.as_str()),
            )
        })?;
        state
            .app
            .mark_plan_activity(
                Acting::Principal(&session.principal),
                activity_id,
                &form.completion_mark,
                on,
            )
            .await
            .map(|_| ())
    }
    .await;
    after_plan_change(&state, &tr, &session, plan_id, result).await
}
