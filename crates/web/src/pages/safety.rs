//! Security of military service pages: the overview of a body (Plans, coverage, reminders,
//! overdue eliminations, analyses due), the structure, a Plan, Acts, incidents and the
//! analysis with its charts.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Datelike, Duration, NaiveDate};
use qorgau_app::safety::acts::{ActView, CoverageView, NewAct, NewViolation, quarter_of};
use qorgau_app::safety::analysis::{AnalysisReport, ScheduledAnalysis};
use qorgau_app::safety::incidents::{IncidentView, NewIncident};
use qorgau_app::safety::plans::{
    NewPlan, PlanDraft, PlanStanding, PlanView, VersionDiff, activities_from_lines,
};
use qorgau_app::safety::structure::{ImportReport, StructureNode};
use qorgau_app::safety::training::{ExerciseReminder, NewTraining};
use qorgau_app::safety::{ACTIVITIES, CAUSES, INCIDENT_KINDS, VIOLATION_CATEGORIES};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use qorgau_rules::safety::{PeriodKind, PlanChange};
use qorgau_store::safety::{OverdueViolation, Training};
use serde::Deserialize;

use super::layout::{Layout, PageError, describe, render};
use super::svg;
use crate::AppState;
use crate::auth::{PageForm, PageSession};
use crate::i18n::Tr;

fn layout(tr: &Tr, session: &PageSession) -> Layout {
    Layout::signed_in(tr, session, "safety", "safety-title")
}

fn fail(error: AppError, tr: &Tr, session: &PageSession) -> Response {
    PageError::new(error, tr, Some(layout(tr, session))).into_response()
}

fn number<T: std::str::FromStr>(field: &'static str, text: &str) -> Result<T, AppError> {
    text.trim()
        .parse()
        .map_err(|_| AppError::invalid(field, Message::new("invalid-number").arg("value", text)))
}

/// The catalogue label of a stored key: `prefix` ends in '-' ("violation-" + "fire_safety").
fn label(tr: &Tr, prefix: &str, key: &str) -> String {
    tr.t(&format!("{prefix}{}", key.replace('_', "-")))
}

fn choices(tr: &Tr, prefix: &str, keys: &[&'static str]) -> Vec<(&'static str, String)> {
    keys.iter().map(|k| (*k, label(tr, prefix, k))).collect()
}

fn pdf(bytes: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "application/pdf")], bytes).into_response()
}

/// The bodies offered in the chooser: bodies of military command down to the
/// operational-tactical level (deeper ones are reached through the ranking's links).
async fn bodies(state: &AppState, acting: Acting<'_>) -> Result<Vec<(i64, String)>, AppError> {
    Ok(state
        .app
        .safety_structure(acting, None)
        .await?
        .into_iter()
        .filter(|n| {
            matches!(
                n.kind.as_str(),
                "operational_strategic" | "operational_territorial" | "operational_tactical"
            )
        })
        .map(|n| (n.id, format!("{}{}", "· ".repeat(n.depth.min(6)), n.name)))
        .collect())
}

async fn chosen_body(
    state: &AppState,
    acting: Acting<'_>,
    body_id: Option<&str>,
) -> Result<(i64, Vec<(i64, String)>), AppError> {
    let choices = bodies(state, acting).await?;
    let id = match body_id.map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => number("body_id", text)?,
        None => choices
            .first()
            .map(|(id, _)| *id)
            .ok_or(AppError::NotFound {
                entity: "body of military command",
                id: String::new(),
            })?,
    };
    Ok((id, choices))
}

// ---- Overview ------------------------------------------------------------------------------

#[derive(Deserialize, Default)]
pub struct BodyQuery {
    body_id: Option<String>,
    year: Option<String>,
}

struct StandingRow {
    s: PlanStanding,
    status: String,
    indent: String,
}

struct CoverageRow {
    c: CoverageView,
    outlook: String,
    sentence: String,
}

struct ScheduleRow {
    s: ScheduledAnalysis,
    period: String,
    status: String,
}

#[derive(Template)]
#[template(path = "safety.html")]
struct OverviewPage {
    layout: Layout,
    body_query: String,
    error: String,
    body_id: i64,
    bodies: Vec<(i64, String)>,
    year: i32,
    standings: Vec<StandingRow>,
    coverage: Vec<CoverageRow>,
    reminders: Vec<(ExerciseReminder, String)>,
    overdue: Vec<OverdueViolation>,
    schedule: Vec<ScheduleRow>,
    trainings: Vec<Training>,
    can_write: bool,
    training_kinds: Vec<(&'static str, String)>,
    training_activities: Vec<(&'static str, String)>,
    today: String,
}

async fn overview_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    query: BodyQuery,
    status: StatusCode,
    error: String,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let today = state.app.clock().today();
    let result = async {
        let (body_id, bodies) = chosen_body(state, acting, query.body_id.as_deref()).await?;
        let year = match query
            .year
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(text) => number("year", text)?,
            // From October the Plans for next year are what is being worked on.
            None if today.month() >= 10 => today.year() + 1,
            None => today.year(),
        };
        let standings = state.app.plan_standings(acting, body_id, year).await?;
        let (qy, q) = quarter_of(today);
        let coverage = state.app.coverage(acting, body_id, qy, q).await?;
        let reminders = state.app.exercise_reminders(acting, body_id).await?;
        let overdue = state.app.overdue_violations(acting, body_id).await?;
        let schedule = state.app.analysis_schedule(acting, body_id).await?;
        let trainings = state
            .app
            .trainings(acting, body_id, today - Duration::days(90))
            .await?;
        Ok::<_, AppError>((
            body_id, bodies, year, standings, coverage, reminders, overdue, schedule, trainings,
        ))
    }
    .await;
    match result {
        Ok((
            body_id,
            bodies,
            year,
            standings,
            coverage,
            reminders,
            overdue,
            schedule,
            trainings,
        )) => {
            // Only the body and the bodies directly under it: the page stays readable.
            let direct: Vec<i64> = standings
                .iter()
                .filter(|s| s.depth <= 1)
                .map(|s| s.unit_id)
                .collect();
            render(
                status,
                &OverviewPage {
                    layout: layout(tr, session),
                    body_query: format!("?body_id={body_id}"),
                    error,
                    body_id,
                    bodies,
                    year,
                    standings: standings
                        .into_iter()
                        .filter(|s| s.depth <= 1 || s.late)
                        .take(200)
                        .map(|s| StandingRow {
                            indent: "· ".repeat(s.depth.min(6)),
                            status: match s.status {
                                Some(status) => tr.t(status.message_id()),
                                None => tr.t("safety-plan-none"),
                            },
                            s,
                        })
                        .collect(),
                    coverage: coverage
                        .into_iter()
                        .filter(|c| direct.contains(&c.body_id) || c.body_id == body_id)
                        .map(|c| CoverageRow {
                            outlook: label(tr, "coverage-", &c.outlook),
                            sentence: tr.message(
                                &Message::new("safety-coverage-row")
                                    .arg("inspected", c.inspected)
                                    .arg("total", c.departments_and_services)
                                    .arg("required", c.required),
                            ),
                            c,
                        })
                        .collect(),
                    reminders: reminders
                        .into_iter()
                        .filter(|r| direct.contains(&r.unit_id))
                        .map(|r| {
                            let sentence = tr.message(
                                &Message::new("safety-reminder")
                                    .arg("unit", r.unit_name.as_str())
                                    .arg("period", label(tr, "period-", &r.period))
                                    .arg("start", r.period_starts.to_string())
                                    .arg("due", r.due_by.to_string()),
                            );
                            (r, sentence)
                        })
                        .collect(),
                    overdue: overdue.into_iter().take(100).collect(),
                    schedule: schedule
                        .into_iter()
                        .filter(|s| s.status != "completed")
                        .take(60)
                        .map(|s| ScheduleRow {
                            period: format!(
                                "{} {}/{}",
                                label(tr, "period-", &s.kind),
                                s.number,
                                s.year
                            ),
                            status: label(tr, "safety-schedule-status-", &s.status),
                            s,
                        })
                        .collect(),
                    trainings,
                    can_write: session.principal.can(Permission::WriteSafety),
                    training_kinds: choices(
                        tr,
                        "training-",
                        qorgau_app::safety::training::TRAINING_KINDS,
                    ),
                    training_activities: choices(
                        tr,
                        "activity-",
                        &[
                            "training_period",
                            "field_exercise",
                            "troop_movement",
                            "weapons_and_equipment_work",
                            "daily_duty",
                        ],
                    ),
                    today: today.to_string(),
                },
            )
        }
        Err(e) => fail(e, tr, session),
    }
}

pub async fn overview(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<BodyQuery>,
) -> Response {
    overview_page(&state, &tr, &session, query, StatusCode::OK, String::new()).await
}

#[derive(Deserialize)]
pub struct TrainingForm {
    unit_id: String,
    kind: String,
    activity: String,
    title: String,
    starts_on: String,
    ends_on: String,
    #[serde(default)]
    held: Option<String>,
}

pub async fn record_training(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<TrainingForm>,
) -> Response {
    let result = async {
        let unit_id: i64 = number("unit_id", &form.unit_id)?;
        state
            .app
            .record_training(
                Acting::Principal(&session.principal),
                NewTraining {
                    unit_id,
                    kind: form.kind.clone(),
                    activity: Some(form.activity.clone()).filter(|a| !a.is_empty()),
                    title: form.title.clone(),
                    starts_on: form.starts_on.clone(),
                    ends_on: form.ends_on.clone(),
                    held: form.held.is_some(),
                },
            )
            .await?;
        Ok::<_, AppError>(unit_id)
    }
    .await;
    back_to_overview(&state, &tr, &session, form.unit_id.clone(), result).await
}

async fn back_to_overview(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    body_id: String,
    result: Result<i64, AppError>,
) -> Response {
    match result {
        Ok(id) => Redirect::to(&format!("/safety?body_id={id}")).into_response(),
        Err(error @ AppError::Forbidden { .. }) => fail(error, tr, session),
        Err(error) => {
            let message = describe(&error, tr);
            overview_page(
                state,
                tr,
                session,
                BodyQuery {
                    body_id: Some(body_id),
                    year: None,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
            )
            .await
        }
    }
}

// ---- Structure -----------------------------------------------------------------------------

#[derive(Deserialize, Default)]
pub struct StructureQuery {
    root_id: Option<String>,
}

#[derive(Template)]
#[template(path = "safety_structure.html")]
struct StructurePage {
    layout: Layout,
    body_query: String,
    error: String,
    /// (unit, its kind, its echelon, indentation)
    nodes: Vec<(StructureNode, String, String, String)>,
    can_write: bool,
    can_manage: bool,
    report: Option<(String, Vec<String>)>,
}

async fn structure_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    root: Option<String>,
    status: StatusCode,
    error: String,
    report: Option<ImportReport>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let result = async {
        let root = match root.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(text) => Some(number("root_id", text)?),
            None => None,
        };
        state.app.safety_structure(acting, root).await
    }
    .await;
    match result {
        Ok(nodes) => render(
            status,
            &StructurePage {
                layout: layout(tr, session),
                body_query: String::new(),
                error,
                nodes: nodes
                    .into_iter()
                    .take(3000)
                    .map(|n| {
                        let kind = label(tr, "unit-kind-", &n.kind);
                        let echelon = n
                            .echelon
                            .as_deref()
                            .map(|e| label(tr, "echelon-", e))
                            .unwrap_or_default();
                        let indent = "· ".repeat(n.depth.min(8));
                        (n, kind, echelon, indent)
                    })
                    .collect(),
                can_write: session.principal.can(Permission::WriteSafety),
                can_manage: session.principal.can(Permission::ManageOrg),
                report: report.map(|r| import_lines(tr, &r)),
            },
        ),
        Err(e) => fail(e, tr, session),
    }
}

fn import_lines(tr: &Tr, report: &ImportReport) -> (String, Vec<String>) {
    (
        tr.message(&Message::new("safety-imported").arg("count", report.imported)),
        report
            .rejected
            .iter()
            .map(|r| {
                tr.message(
                    &Message::new("safety-rejected")
                        .arg("line", r.line)
                        .arg("column", r.column.as_str())
                        .arg("reason", tr.message(&r.reason)),
                )
            })
            .collect(),
    )
}

pub async fn structure(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<StructureQuery>,
) -> Response {
    structure_page(
        &state,
        &tr,
        &session,
        query.root_id,
        StatusCode::OK,
        String::new(),
        None,
    )
    .await
}

#[derive(Deserialize)]
pub struct CsvForm {
    csv: String,
}

pub async fn import_structure(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<CsvForm>,
) -> Response {
    let result = state
        .app
        .import_structure(Acting::Principal(&session.principal), &form.csv)
        .await;
    after_import(&state, &tr, &session, result).await
}

pub async fn import_strength(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<CsvForm>,
) -> Response {
    let result = state
        .app
        .import_strength(Acting::Principal(&session.principal), &form.csv)
        .await;
    after_import(&state, &tr, &session, result).await
}

async fn after_import(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    result: Result<ImportReport, AppError>,
) -> Response {
    match result {
        Ok(report) => {
            structure_page(
                state,
                tr,
                session,
                None,
                StatusCode::OK,
                String::new(),
                Some(report),
            )
            .await
        }
        Err(error @ AppError::Forbidden { .. }) => fail(error, tr, session),
        Err(error) => {
            let message = describe(&error, tr);
            structure_page(
                state,
                tr,
                session,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
                None,
            )
            .await
        }
    }
}

// ---- Plans ---------------------------------------------------------------------------------

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
                            &qorgau_app::conscription::documents::in_almaty(at).0,
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
                let reason = match (&d.revision_change, &d.revision_reason) {
                    (Some(change), Some(reason)) => tr.t2(
                        "safety-revision-reason",
                        "change",
                        &label(tr, "plan-change-", change),
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
                    changes: PlanChange::ALL
                        .iter()
                        .map(|c| (c.as_str(), tr.t(c.message_id())))
                        .collect(),
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
        let change: PlanChange = form.change.parse().map_err(|_| {
            AppError::invalid(
                "change",
                Message::new("invalid-choice")
                    .arg("allowed", PlanChange::ALL.map(|c| c.as_str()).join(", ")),
            )
        })?;
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

// ---- Acts ----------------------------------------------------------------------------------

struct ActRow {
    view: ActView,
    violations: usize,
}

#[derive(Template)]
#[template(path = "safety_acts.html")]
struct ActsPage {
    layout: Layout,
    body_query: String,
    error: String,
    body_id: i64,
    bodies: Vec<(i64, String)>,
    units: Vec<(i64, String)>,
    acts: Vec<ActRow>,
    overdue: Vec<OverdueViolation>,
    can_write: bool,
    categories: Vec<(&'static str, String)>,
    today: String,
}

async fn acts_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    body: Option<String>,
    status: StatusCode,
    error: String,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let today = state.app.clock().today();
    let result = async {
        let (body_id, bodies) = chosen_body(state, acting, body.as_deref()).await?;
        let acts = state
            .app
            .acts(acting, body_id, today - Duration::days(365), today)
            .await?;
        let overdue = state.app.overdue_violations(acting, body_id).await?;
        let units = state.app.safety_structure(acting, Some(body_id)).await?;
        Ok::<_, AppError>((body_id, bodies, acts, overdue, units))
    }
    .await;
    match result {
        Ok((body_id, bodies, acts, overdue, units)) => render(
            status,
            &ActsPage {
                layout: layout(tr, session),
                body_query: format!("?body_id={body_id}"),
                error,
                body_id,
                bodies,
                units: units
                    .into_iter()
                    .take(2000)
                    .map(|n| (n.id, format!("{}{}", "· ".repeat(n.depth.min(6)), n.name)))
                    .collect(),
                acts: acts
                    .into_iter()
                    .take(200)
                    .map(|view| ActRow {
                        violations: view.violations.len(),
                        view,
                    })
                    .collect(),
                overdue: overdue.into_iter().take(100).collect(),
                can_write: session.principal.can(Permission::WriteSafety),
                categories: choices(tr, "violation-", VIOLATION_CATEGORIES),
                today: today.to_string(),
            },
        ),
        Err(e) => fail(e, tr, session),
    }
}

#[derive(Deserialize, Default)]
pub struct ActsQuery {
    body_id: Option<String>,
}

pub async fn acts(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<ActsQuery>,
) -> Response {
    acts_page(
        &state,
        &tr,
        &session,
        query.body_id,
        StatusCode::OK,
        String::new(),
    )
    .await
}

#[derive(Deserialize)]
pub struct ActForm {
    body_id: String,
    unit_id: String,
    grounds: String,
    chair: String,
    members: String,
    period_from: String,
    period_to: String,
    violations: String,
    proposals: String,
    report_by: String,
}

pub async fn record_act(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<ActForm>,
) -> Response {
    let result = async {
        let mut violations = Vec::new();
        for line in form
            .violations
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            let (category, description) = line.split_once(';').unwrap_or((line, ""));
            violations.push(NewViolation {
                category: category.trim().to_owned(),
                description: description.trim().to_owned(),
            });
        }
        state
            .app
            .record_act(
                Acting::Principal(&session.principal),
                NewAct {
                    body_id: number("body_id", &form.body_id)?,
                    unit_id: number("unit_id", &form.unit_id)?,
                    grounds: form.grounds.clone(),
                    chair: form.chair.clone(),
                    members: form
                        .members
                        .lines()
                        .map(str::to_owned)
                        .filter(|m| !m.trim().is_empty())
                        .collect(),
                    period_from: form.period_from.clone(),
                    period_to: form.period_to.clone(),
                    violations,
                    proposals: form.proposals.clone(),
                    report_by: form.report_by.clone(),
                },
            )
            .await
    }
    .await;
    match result {
        Ok(act) => Redirect::to(&format!("/safety/acts/{}", act.act.id)).into_response(),
        Err(error @ AppError::Forbidden { .. }) => fail(error, &tr, &session),
        Err(error) => {
            let message = describe(&error, &tr);
            acts_page(
                &state,
                &tr,
                &session,
                Some(form.body_id.clone()),
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
            )
            .await
        }
    }
}

#[derive(Template)]
#[template(path = "safety_act.html")]
struct ActPage {
    layout: Layout,
    body_query: String,
    error: String,
    view: ActView,
    violations: Vec<(i64, String, String, Option<String>)>,
    members: Vec<String>,
    retention: Vec<String>,
    can_write: bool,
    today: String,
}

async fn act_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    status: StatusCode,
    error: String,
) -> Response {
    match state
        .app
        .act(Acting::Principal(&session.principal), id)
        .await
    {
        Ok(view) => render(
            status,
            &ActPage {
                layout: layout(tr, session),
                body_query: format!("?body_id={}", view.act.body_id),
                error,
                violations: view
                    .violations
                    .iter()
                    .map(|v| {
                        (
                            v.id,
                            label(tr, "violation-", &v.category),
                            v.description.clone(),
                            v.eliminated_on.clone(),
                        )
                    })
                    .collect(),
                members: view.act.members.lines().map(str::to_owned).collect(),
                retention: view.retention.view(&tr.lang()).explanation,
                can_write: session.principal.can(Permission::WriteSafety),
                today: state.app.clock().today().to_string(),
                view,
            },
        ),
        Err(e) => fail(e, tr, session),
    }
}

pub async fn act(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    act_page(&state, &tr, &session, id, StatusCode::OK, String::new()).await
}

pub async fn act_pdf(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    match state
        .app
        .act_pdf(Acting::Principal(&session.principal), id)
        .await
    {
        Ok(bytes) => pdf(bytes),
        Err(e) => fail(e, &tr, &session),
    }
}

async fn after_act_change(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    result: Result<(), AppError>,
) -> Response {
    match result {
        Ok(()) => Redirect::to(&format!("/safety/acts/{id}")).into_response(),
        Err(error @ AppError::Forbidden { .. }) => fail(error, tr, session),
        Err(error) => {
            let message = describe(&error, tr);
            act_page(
                state,
                tr,
                session,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct AcknowledgeForm {
    commander: String,
}

pub async fn acknowledge_act(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<AcknowledgeForm>,
) -> Response {
    let result = state
        .app
        .acknowledge_act(Acting::Principal(&session.principal), id, &form.commander)
        .await
        .map(|_| ());
    after_act_change(&state, &tr, &session, id, result).await
}

#[derive(Deserialize)]
pub struct EliminateForm {
    act_id: String,
    eliminated_on: String,
}

pub async fn eliminate_violation(
    State(state): State<AppState>,
    tr: Tr,
    Path(violation_id): Path<i64>,
    PageForm { session, form }: PageForm<EliminateForm>,
) -> Response {
    let act_id: i64 = match number("act_id", &form.act_id) {
        Ok(id) => id,
        Err(e) => return fail(e, &tr, &session),
    };
    let result = async {
        let on: NaiveDate = form.eliminated_on.trim().parse().map_err(|_| {
            AppError::invalid(
                "eliminated_on",
                Message::new("invalid-date").arg("value", form.eliminated_on.as_str()),
            )
        })?;
        state
            .app
            .eliminate_violation(Acting::Principal(&session.principal), violation_id, on)
            .await
            .map(|_| ())
    }
    .await;
    after_act_change(&state, &tr, &session, act_id, result).await
}

#[derive(Deserialize)]
pub struct Confirmed {}

pub async fn delete_act(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, .. }: PageForm<Confirmed>,
) -> Response {
    match state
        .app
        .delete_act(Acting::Principal(&session.principal), id)
        .await
    {
        Ok(()) => Redirect::to("/safety/acts").into_response(),
        Err(error) => after_act_change(&state, &tr, &session, id, Err(error)).await,
    }
}

// ---- Incidents -----------------------------------------------------------------------------

struct IncidentRow {
    i: IncidentView,
    kind: String,
    cause: String,
    activity: String,
    season: String,
}

#[derive(Template)]
#[template(path = "safety_incidents.html")]
struct IncidentsPage {
    layout: Layout,
    body_query: String,
    error: String,
    body_id: i64,
    bodies: Vec<(i64, String)>,
    units: Vec<(i64, String)>,
    incidents: Vec<IncidentRow>,
    can_write: bool,
    kinds: Vec<(&'static str, String)>,
    causes: Vec<(&'static str, String)>,
    activities: Vec<(&'static str, String)>,
    report: Option<(String, Vec<String>)>,
    today: String,
}

async fn incidents_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    body: Option<String>,
    status: StatusCode,
    error: String,
    report: Option<ImportReport>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let today = state.app.clock().today();
    let result = async {
        let (body_id, bodies) = chosen_body(state, acting, body.as_deref()).await?;
        let incidents = state
            .app
            .incidents(acting, body_id, today - Duration::days(365), today)
            .await?;
        let units = state.app.safety_structure(acting, Some(body_id)).await?;
        Ok::<_, AppError>((body_id, bodies, incidents, units))
    }
    .await;
    match result {
        Ok((body_id, bodies, incidents, units)) => render(
            status,
            &IncidentsPage {
                layout: layout(tr, session),
                body_query: format!("?body_id={body_id}"),
                error,
                body_id,
                bodies,
                units: units
                    .into_iter()
                    .take(2000)
                    .map(|n| (n.id, format!("{}{}", "· ".repeat(n.depth.min(6)), n.name)))
                    .collect(),
                incidents: incidents
                    .into_iter()
                    .take(300)
                    .map(|i| IncidentRow {
                        kind: label(tr, "incident-", &i.kind),
                        cause: label(tr, "cause-", &i.cause),
                        activity: label(tr, "activity-", &i.activity),
                        season: label(tr, "period-", &i.season),
                        i,
                    })
                    .collect(),
                can_write: session.principal.can(Permission::WriteSafety),
                kinds: choices(tr, "incident-", INCIDENT_KINDS),
                causes: choices(tr, "cause-", CAUSES),
                activities: choices(tr, "activity-", ACTIVITIES),
                report: report.map(|r| import_lines(tr, &r)),
                today: today.to_string(),
            },
        ),
        Err(e) => fail(e, tr, session),
    }
}

pub async fn incidents(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<ActsQuery>,
) -> Response {
    incidents_page(
        &state,
        &tr,
        &session,
        query.body_id,
        StatusCode::OK,
        String::new(),
        None,
    )
    .await
}

#[derive(Deserialize)]
pub struct IncidentForm {
    body_id: String,
    unit_id: String,
    occurred_on: String,
    kind: String,
    #[serde(default)]
    in_duty: Option<String>,
    cause: String,
    activity: String,
    description: String,
}

pub async fn record_incident(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<IncidentForm>,
) -> Response {
    let result = async {
        state
            .app
            .record_incident(
                Acting::Principal(&session.principal),
                NewIncident {
                    unit_id: number("unit_id", &form.unit_id)?,
                    occurred_on: form.occurred_on.clone(),
                    kind: form.kind.clone(),
                    in_duty: form.in_duty.is_some(),
                    cause: form.cause.clone(),
                    activity: form.activity.clone(),
                    description: form.description.clone(),
                },
            )
            .await
    }
    .await;
    match result {
        Ok(_) => Redirect::to(&format!(
            "/safety/incidents?body_id={}",
            form.body_id.trim()
        ))
        .into_response(),
        Err(error @ AppError::Forbidden { .. }) => fail(error, &tr, &session),
        Err(error) => {
            let message = describe(&error, &tr);
            incidents_page(
                &state,
                &tr,
                &session,
                Some(form.body_id.clone()),
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
                None,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct IncidentImportForm {
    body_id: String,
    csv: String,
}

pub async fn import_incidents(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<IncidentImportForm>,
) -> Response {
    match state
        .app
        .import_incidents(Acting::Principal(&session.principal), &form.csv)
        .await
    {
        Ok(report) => {
            incidents_page(
                &state,
                &tr,
                &session,
                Some(form.body_id.clone()),
                StatusCode::OK,
                String::new(),
                Some(report),
            )
            .await
        }
        Err(error @ AppError::Forbidden { .. }) => fail(error, &tr, &session),
        Err(error) => {
            let message = describe(&error, &tr);
            incidents_page(
                &state,
                &tr,
                &session,
                Some(form.body_id.clone()),
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
                None,
            )
            .await
        }
    }
}

// ---- Analysis ------------------------------------------------------------------------------

#[derive(Deserialize, Default)]
pub struct AnalysisQuery {
    body_id: Option<String>,
    kind: Option<String>,
    year: Option<String>,
    number: Option<String>,
}

struct RankRow {
    unit_id: i64,
    name: String,
    rate: String,
    previous: String,
    change: String,
    deaths: u64,
    injuries: u64,
    strength: String,
    unfavourable: bool,
    reasons: String,
}

#[derive(Template)]
#[template(path = "safety_analysis.html")]
struct AnalysisPage {
    layout: Layout,
    body_query: String,
    error: String,
    bodies: Vec<(i64, String)>,
    kinds: Vec<(&'static str, String)>,
    kind: String,
    number: u32,
    report: AnalysisReport,
    figures: Vec<(String, String, String)>,
    other: String,
    ranking: Vec<RankRow>,
    trend_svg: String,
    ranking_svg: String,
    deficiencies: Vec<(String, i64)>,
    causes: Vec<(String, i64)>,
    criterion: String,
    explanation: Vec<String>,
    can_conclude: bool,
    pdf_query: String,
    period: String,
    /// Whether the chooser already lists the body shown (a deeper one is added to it).
    body_listed: bool,
}

fn rate(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"))
}

struct AnalysisParams {
    body_id: i64,
    bodies: Vec<(i64, String)>,
    kind: PeriodKind,
    year: i32,
    number: u32,
}

async fn analysis_params(
    state: &AppState,
    acting: Acting<'_>,
    query: &AnalysisQuery,
) -> Result<AnalysisParams, AppError> {
    let (body_id, bodies) = chosen_body(state, acting, query.body_id.as_deref()).await?;
    let today = state.app.clock().today();
    let kind = match query
        .kind
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(text) => text.parse::<PeriodKind>().map_err(|_| {
            AppError::invalid(
                "kind",
                Message::new("invalid-choice")
                    .arg("allowed", PeriodKind::ALL.map(|k| k.as_str()).join(", ")),
            )
        })?,
        None => PeriodKind::Year,
    };
    let year = match query
        .year
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(text) => number("year", text)?,
        None => today.year(),
    };
    let number = match query
        .number
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(text) => number("number", text)?,
        None => 1,
    };
    Ok(AnalysisParams {
        body_id,
        bodies,
        kind,
        year,
        number,
    })
}

async fn analysis_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    query: AnalysisQuery,
    status: StatusCode,
    error: String,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let result = async {
        let params = analysis_params(state, acting, &query).await?;
        let report = state
            .app
            .safety_analysis(
                acting,
                params.body_id,
                params.kind,
                params.year,
                params.number,
            )
            .await?;
        Ok::<_, AppError>((params, report))
    }
    .await;
    let (params, report) = match result {
        Ok(ok) => ok,
        Err(e) => return fail(e, tr, session),
    };
    let lang = tr.lang();
    let figures = vec![
        (
            tr.t("analysis-strength"),
            format!("{:.0}", report.current.strength),
            format!("{:.0}", report.previous.strength),
        ),
        (
            tr.t("analysis-deaths"),
            report.current.deaths.to_string(),
            report.previous.deaths.to_string(),
        ),
        (
            tr.t("analysis-injuries"),
            report.current.injuries.to_string(),
            report.previous.injuries.to_string(),
        ),
        (
            tr.t("analysis-deaths-rate"),
            rate(report.current.deaths_per_1000),
            rate(report.previous.deaths_per_1000),
        ),
        (
            tr.t("analysis-injuries-rate"),
            rate(report.current.injuries_per_1000),
            rate(report.previous.injuries_per_1000),
        ),
    ];
    let ranking: Vec<RankRow> = report
        .ranking
        .iter()
        .map(|r| RankRow {
            unit_id: r.unit_id,
            name: r.unit_name.clone(),
            rate: rate(r.current.rate),
            previous: rate(r.previous.rate),
            change: rate(r.change),
            deaths: r.current.deaths,
            injuries: r.current.injuries,
            strength: format!("{:.0}", r.current.strength),
            unfavourable: r.unfavourable,
            reasons: r
                .reasons
                .iter()
                .map(|m| m.render(&lang))
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect();
    let trend: Vec<(String, u64, u64)> = report
        .monthly
        .iter()
        .map(|m| {
            (
                m.month.clone(),
                m.deaths + m.injuries,
                m.previous_deaths + m.previous_injuries,
            )
        })
        .collect();
    let bars: Vec<(String, f64, bool)> = report
        .ranking
        .iter()
        .take(40)
        .map(|r| {
            (
                r.unit_name.clone(),
                r.current.rate.unwrap_or(0.0),
                r.unfavourable,
            )
        })
        .collect();
    let mut explanation = report.comparison.view(&lang).explanation;
    if let Some(rates) = &report.rates {
        explanation.extend(rates.view(&lang).explanation);
    }
    let kind = params.kind.as_str().to_owned();
    render(
        status,
        &AnalysisPage {
            layout: layout(tr, session),
            body_query: format!("?body_id={}", report.body_id),
            body_listed: params.bodies.iter().any(|b| b.0 == report.body_id),
            period: tr.message(
                &Message::new("analysis-period")
                    .arg("start", report.period.start.to_string())
                    .arg("end", report.period.end.to_string())
                    .arg("previous_start", report.previous_period.start.to_string())
                    .arg("previous_end", report.previous_period.end.to_string()),
            ),
            error,
            bodies: params.bodies,
            kinds: PeriodKind::ALL
                .iter()
                .map(|k| (k.as_str(), tr.t(k.message_id())))
                .collect(),
            pdf_query: format!(
                "body_id={}&kind={kind}&year={}&number={}",
                params.body_id, params.year, params.number
            ),
            kind,
            number: params.number,
            figures,
            other: tr.message(
                &Message::new("analysis-other")
                    .arg("deaths", report.current.deaths_other)
                    .arg("injuries", report.current.injuries_other),
            ),
            ranking,
            trend_svg: svg::monthly_bars(
                &tr.t("analysis-trend"),
                (&tr.t("analysis-this-period"), &tr.t("analysis-last-year")),
                &trend,
            ),
            ranking_svg: svg::ranking_bars(&tr.t("analysis-ranking"), &bars),
            deficiencies: report
                .deficiencies
                .iter()
                .map(|t| (label(tr, "violation-", &t.key), t.count))
                .collect(),
            causes: report
                .causes
                .iter()
                .map(|t| (label(tr, "cause-", &t.key), t.count))
                .collect(),
            criterion: tr.message(&report.criterion),
            explanation,
            can_conclude: session.principal.can(Permission::WriteAnalysis),
            report,
        },
    )
}

pub async fn analysis(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<AnalysisQuery>,
) -> Response {
    analysis_page(&state, &tr, &session, query, StatusCode::OK, String::new()).await
}

pub async fn analysis_pdf(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<AnalysisQuery>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let result = async {
        let p = analysis_params(&state, acting, &query).await?;
        state
            .app
            .analysis_pdf(acting, p.body_id, p.kind, p.year, p.number)
            .await
    }
    .await;
    match result {
        Ok(bytes) => pdf(bytes),
        Err(e) => fail(e, &tr, &session),
    }
}

#[derive(Deserialize)]
pub struct ConclusionsForm {
    body_id: String,
    kind: String,
    year: String,
    number: String,
    conclusions: String,
    measures: String,
}

pub async fn conclude(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<ConclusionsForm>,
) -> Response {
    let query = AnalysisQuery {
        body_id: Some(form.body_id.clone()),
        kind: Some(form.kind.clone()),
        year: Some(form.year.clone()),
        number: Some(form.number.clone()),
    };
    let acting = Acting::Principal(&session.principal);
    let result = async {
        let p = analysis_params(&state, acting, &query).await?;
        state
            .app
            .complete_analysis(
                acting,
                qorgau_app::safety::analysis::AnalysisKey {
                    body_id: p.body_id,
                    kind: p.kind,
                    year: p.year,
                    number: p.number,
                },
                &form.conclusions,
                &form.measures,
            )
            .await
    }
    .await;
    match result {
        Ok(_) => Redirect::to(&format!(
            "/safety/analysis?body_id={}&kind={}&year={}&number={}",
            form.body_id.trim(),
            form.kind.trim(),
            form.year.trim(),
            form.number.trim()
        ))
        .into_response(),
        Err(error @ AppError::Forbidden { .. }) => fail(error, &tr, &session),
        Err(error) => {
            let message = describe(&error, &tr);
            analysis_page(
                &state,
                &tr,
                &session,
                query,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
            )
            .await
        }
    }
}
