//! Security of military service: structure and strength, Plans, training, Acts, incidents,
//! coverage and analysis.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use qorgau_app::Acting;
use qorgau_app::safety::acts::{ActView, CoverageView, NewAct, PurgeReport};
use qorgau_app::safety::analysis::{AnalysisKey, AnalysisReport, ScheduledAnalysis};
use qorgau_app::safety::incidents::{IncidentView, NewIncident};
use qorgau_app::safety::plans::{NewPlan, PlanDraft, PlanStanding, PlanView, VersionDiff};
use qorgau_app::safety::structure::{ImportReport, StrengthPoint, StructureNode};
use qorgau_app::safety::training::{ExerciseReminder, NewTraining};
use qorgau_i18n::Lang;
use qorgau_rules::safety::{PeriodKind, PlanChange};
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::problem::Problem;

fn pdf(bytes: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "application/pdf")], bytes).into_response()
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct StructureQuery {
    /// The unit whose subtree is listed; every subtree the caller may read when absent.
    pub root_id: Option<i64>,
}

/// The command structure in tree order, with each unit's echelon and latest strength.
#[utoipa::path(get, path = "/api/v1/safety/structure", tag = "safety", params(StructureQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<StructureNode>), (status = 403, body = Problem)))]
pub async fn structure(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<StructureQuery>,
) -> Result<Json<Vec<StructureNode>>, Problem> {
    Ok(Json(
        state
            .app
            .safety_structure(Acting::Principal(&p), query.root_id)
            .await?,
    ))
}

/// Imports units (`key,parent,name,kind`; parent is an earlier key or `id:N`): all or nothing.
#[utoipa::path(post, path = "/api/v1/safety/structure/import", tag = "safety",
    request_body(content = String, content_type = "text/csv"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ImportReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import_structure(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    body: String,
) -> Result<Json<ImportReport>, Problem> {
    Ok(Json(
        state
            .app
            .import_structure(Acting::Principal(&p), &body)
            .await?,
    ))
}

/// A unit's strength figures, newest first.
#[utoipa::path(get, path = "/api/v1/safety/units/{id}/strength", tag = "safety",
    params(("id" = i64, Path, description = "Unit id")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<StrengthPoint>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn unit_strength(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<StrengthPoint>>, Problem> {
    Ok(Json(
        state.app.unit_strength(Acting::Principal(&p), id).await?,
    ))
}

/// Imports strength figures (`unit_id,month,personnel`); refused rows are reported.
#[utoipa::path(post, path = "/api/v1/safety/strength/import", tag = "safety",
    request_body(content = String, content_type = "text/csv"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ImportReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import_strength(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    body: String,
) -> Result<Json<ImportReport>, Problem> {
    Ok(Json(
        state
            .app
            .import_strength(Acting::Principal(&p), &body)
            .await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct StandingQuery {
    pub body_id: i64,
    pub year: i32,
}

/// Every body of military command under `body_id` with its Plan for `year`; late ones flagged.
#[utoipa::path(get, path = "/api/v1/safety/plans", tag = "safety", params(StandingQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<PlanStanding>), (status = 403, body = Problem)))]
pub async fn plan_standings(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<StandingQuery>,
) -> Result<Json<Vec<PlanStanding>>, Problem> {
    Ok(Json(
        state
            .app
            .plan_standings(Acting::Principal(&p), query.body_id, query.year)
            .await?,
    ))
}

/// Drafts a Plan (version 1).
#[utoipa::path(post, path = "/api/v1/safety/plans", tag = "safety", request_body = NewPlan,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = PlanView), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_plan(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewPlan>,
) -> Result<(StatusCode, Json<PlanView>), Problem> {
    let plan = state.app.create_plan(Acting::Principal(&p), body).await?;
    Ok((StatusCode::CREATED, Json(plan)))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct VersionQuery {
    /// The version shown; the current one when absent.
    pub version: Option<i64>,
    /// pdf for the printable Plan (Appendix 1).
    pub format: Option<String>,
}

/// A Plan with one version and its activities (overdue ones flagged); as PDF with format=pdf.
#[utoipa::path(get, path = "/api/v1/safety/plans/{id}", tag = "safety",
    params(("id" = i64, Path, description = "Plan id"), VersionQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = PlanView), (status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_plan(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<VersionQuery>,
) -> Result<Response, Problem> {
    let acting = Acting::Principal(&p);
    if query.format.as_deref() == Some("pdf") {
        return Ok(pdf(state.app.plan_pdf(acting, id, query.version).await?));
    }
    Ok(Json(state.app.plan(acting, id, query.version).await?).into_response())
}

/// Rewrites the version being drafted (never an approved one).
#[utoipa::path(put, path = "/api/v1/safety/plans/{id}", tag = "safety",
    params(("id" = i64, Path, description = "Plan id")), request_body = PlanDraft,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = PlanView), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn update_plan(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<PlanDraft>,
) -> Result<Json<PlanView>, Problem> {
    Ok(Json(
        state
            .app
            .update_plan_draft(Acting::Principal(&p), id, body)
            .await?,
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The commander's military rank, surname and initials, as the form's "Approved" block.
    pub approver_title: String,
}

/// The body's commander approves the version being drafted.
#[utoipa::path(post, path = "/api/v1/safety/plans/{id}/approve", tag = "safety",
    params(("id" = i64, Path, description = "Plan id")), request_body = Approval,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = PlanView), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn approve_plan(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<Approval>,
) -> Result<Json<PlanView>, Problem> {
    Ok(Json(
        state
            .app
            .approve_plan(Acting::Principal(&p), id, &body.approver_title)
            .await?,
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// daily_activity_conditions_changed, new_equipment_received or other.
    #[schema(value_type = String)]
    pub change: PlanChange,
    pub reason: String,
}

/// Opens a revision of the approved Plan as a new version, with its reason; the answer carries
/// `safety.plan_revision_required`'s decision.
#[utoipa::path(post, path = "/api/v1/safety/plans/{id}/revise", tag = "safety",
    params(("id" = i64, Path, description = "Plan id")), request_body = Revision,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Object), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn revise_plan(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<Revision>,
) -> Result<Json<Value>, Problem> {
    let (plan, decision) = state
        .app
        .revise_plan(Acting::Principal(&p), id, body.change, &body.reason)
        .await?;
    Ok(Json(
        json!({ "plan": plan, "decision": decision.view(&Lang::english()) }),
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CompareQuery {
    pub from: i64,
    pub to: i64,
}

/// What changed between two versions of a Plan.
#[utoipa::path(get, path = "/api/v1/safety/plans/{id}/compare", tag = "safety",
    params(("id" = i64, Path, description = "Plan id"), CompareQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = VersionDiff), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn compare_plan(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<CompareQuery>,
) -> Result<Json<VersionDiff>, Problem> {
    Ok(Json(
        state
            .app
            .compare_plan_versions(Acting::Principal(&p), id, query.from, query.to)
            .await?,
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Completion {
    /// Incoming, outgoing or registration number.
    pub completion_mark: String,
    pub completed_on: NaiveDate,
}

/// Marks an activity of the Plan as completed.
#[utoipa::path(post, path = "/api/v1/safety/plan-activities/{id}/complete", tag = "safety",
    params(("id" = i64, Path, description = "Activity id")), request_body = Completion,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = PlanView), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn complete_activity(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<Completion>,
) -> Result<Json<PlanView>, Problem> {
    Ok(Json(
        state
            .app
            .mark_plan_activity(
                Acting::Principal(&p),
                id,
                &body.completion_mark,
                body.completed_on,
            )
            .await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct BodyQuery {
    pub body_id: i64,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RangeQuery {
    pub body_id: i64,
    /// YYYY-MM-DD; a year ago when absent.
    pub from: Option<NaiveDate>,
    /// YYYY-MM-DD; today when absent.
    pub to: Option<NaiveDate>,
}

fn range(state: &AppState, query: &RangeQuery) -> (NaiveDate, NaiveDate) {
    let today = state.app.clock().today();
    (
        query
            .from
            .unwrap_or_else(|| today - chrono::Duration::days(365)),
        query.to.unwrap_or(today),
    )
}

/// Training events of the body's subtree from `from` on.
#[utoipa::path(get, path = "/api/v1/safety/trainings", tag = "safety", params(RangeQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Object), (status = 403, body = Problem)))]
pub async fn trainings(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<RangeQuery>,
) -> Result<Json<Value>, Problem> {
    let (from, _) = range(&state, &query);
    Ok(Json(json!(
        state
            .app
            .trainings(Acting::Principal(&p), query.body_id, from)
            .await?
    )))
}

/// Records a special exercise or a month or decade campaign.
#[utoipa::path(post, path = "/api/v1/safety/trainings", tag = "safety", request_body = NewTraining,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = Object), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn record_training(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewTraining>,
) -> Result<(StatusCode, Json<Value>), Problem> {
    let training = state
        .app
        .record_training(Acting::Principal(&p), body)
        .await?;
    Ok((StatusCode::CREATED, Json(json!(training))))
}

/// The exercise each body owes before the next training period (`safety.exercise_due`).
#[utoipa::path(get, path = "/api/v1/safety/exercise-reminders", tag = "safety", params(BodyQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<ExerciseReminder>), (status = 403, body = Problem)))]
pub async fn exercise_reminders(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<BodyQuery>,
) -> Result<Json<Vec<ExerciseReminder>>, Problem> {
    Ok(Json(
        state
            .app
            .exercise_reminders(Acting::Principal(&p), query.body_id)
            .await?,
    ))
}

/// Acts whose control ended in the range, inside the body's subtree.
#[utoipa::path(get, path = "/api/v1/safety/acts", tag = "safety", params(RangeQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<ActView>), (status = 403, body = Problem)))]
pub async fn list_acts(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<RangeQuery>,
) -> Result<Json<Vec<ActView>>, Problem> {
    let (from, to) = range(&state, &query);
    Ok(Json(
        state
            .app
            .acts(Acting::Principal(&p), query.body_id, from, to)
            .await?,
    ))
}

/// Records an Act of control with every field of Appendix 2.
#[utoipa::path(post, path = "/api/v1/safety/acts", tag = "safety", request_body = NewAct,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = ActView), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn record_act(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewAct>,
) -> Result<(StatusCode, Json<ActView>), Problem> {
    let act = state.app.record_act(Acting::Principal(&p), body).await?;
    Ok((StatusCode::CREATED, Json(act)))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct FormatQuery {
    /// pdf for the printable document.
    pub format: Option<String>,
}

/// An Act with its violations and its retention (`safety.act_retention_until`); as PDF in the
/// layout of Appendix 2 with format=pdf.
#[utoipa::path(get, path = "/api/v1/safety/acts/{id}", tag = "safety",
    params(("id" = i64, Path, description = "Act id"), FormatQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ActView), (status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_act(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<FormatQuery>,
) -> Result<Response, Problem> {
    let acting = Acting::Principal(&p);
    if query.format.as_deref() == Some("pdf") {
        return Ok(pdf(state.app.act_pdf(acting, id).await?));
    }
    let act = state.app.act(acting, id).await?;
    let retention = act.retention.view(&Lang::english());
    let mut value = json!(act);
    value["retention"] = json!(retention);
    Ok(Json(value).into_response())
}

/// Deletes an Act whose five years of retention have passed; refused before, naming the day.
#[utoipa::path(delete, path = "/api/v1/safety/acts/{id}", tag = "safety",
    params(("id" = i64, Path, description = "Act id")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 204), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn delete_act(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, Problem> {
    state.app.delete_act(Acting::Principal(&p), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    /// The unit commander's military rank, surname and initials.
    pub commander: String,
}

/// The unit's commander acknowledges having read the Act.
#[utoipa::path(post, path = "/api/v1/safety/acts/{id}/acknowledge", tag = "safety",
    params(("id" = i64, Path, description = "Act id")), request_body = Acknowledgement,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ActView), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn acknowledge_act(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<Acknowledgement>,
) -> Result<Json<ActView>, Problem> {
    Ok(Json(
        state
            .app
            .acknowledge_act(Acting::Principal(&p), id, &body.commander)
            .await?,
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Elimination {
    pub eliminated_on: NaiveDate,
}

/// Records that a violation was eliminated.
#[utoipa::path(post, path = "/api/v1/safety/violations/{id}/eliminate", tag = "safety",
    params(("id" = i64, Path, description = "Violation id")), request_body = Elimination,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ActView), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn eliminate_violation(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<Elimination>,
) -> Result<Json<ActView>, Problem> {
    Ok(Json(
        state
            .app
            .eliminate_violation(Acting::Principal(&p), id, body.eliminated_on)
            .await?,
    ))
}

/// Deletes every Act in the caller's scope whose retention has expired, each audited.
#[utoipa::path(post, path = "/api/v1/safety/acts/purge-expired", tag = "safety",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = PurgeReport), (status = 403, body = Problem)))]
pub async fn purge_expired(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
) -> Result<Json<PurgeReport>, Problem> {
    Ok(Json(
        state.app.purge_expired_acts(Acting::Principal(&p)).await?,
    ))
}

/// Violations past their report-by date without an elimination.
#[utoipa::path(get, path = "/api/v1/safety/overdue-violations", tag = "safety", params(BodyQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Object), (status = 403, body = Problem)))]
pub async fn overdue_violations(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<BodyQuery>,
) -> Result<Json<Value>, Problem> {
    Ok(Json(json!(
        state
            .app
            .overdue_violations(Acting::Principal(&p), query.body_id)
            .await?
    )))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CoverageQuery {
    pub body_id: i64,
    pub year: i32,
    /// 1 to 4.
    pub quarter: u32,
}

/// Quarterly coverage of departments and services (`safety.quarterly_coverage`) for the body
/// and the bodies below it, with the outlook while the quarter runs.
#[utoipa::path(get, path = "/api/v1/safety/coverage", tag = "safety", params(CoverageQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<CoverageView>), (status = 403, body = Problem)))]
pub async fn coverage(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<CoverageQuery>,
) -> Result<Json<Vec<CoverageView>>, Problem> {
    Ok(Json(
        state
            .app
            .coverage(
                Acting::Principal(&p),
                query.body_id,
                query.year,
                query.quarter,
            )
            .await?,
    ))
}

/// Incidents in the range inside the body's subtree (at most 500, newest first).
#[utoipa::path(get, path = "/api/v1/safety/incidents", tag = "safety", params(RangeQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<IncidentView>), (status = 403, body = Problem)))]
pub async fn list_incidents(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<RangeQuery>,
) -> Result<Json<Vec<IncidentView>>, Problem> {
    let (from, to) = range(&state, &query);
    Ok(Json(
        state
            .app
            .incidents(Acting::Principal(&p), query.body_id, from, to)
            .await?,
    ))
}

/// Records a death or injury.
#[utoipa::path(post, path = "/api/v1/safety/incidents", tag = "safety", request_body = NewIncident,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = IncidentView), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn record_incident(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewIncident>,
) -> Result<(StatusCode, Json<IncidentView>), Problem> {
    let incident = state
        .app
        .record_incident(Acting::Principal(&p), body)
        .await?;
    Ok((StatusCode::CREATED, Json(incident)))
}

/// Imports incidents (`unit_id,occurred_on,kind,in_duty,cause,activity,description`).
#[utoipa::path(post, path = "/api/v1/safety/incidents/import", tag = "safety",
    request_body(content = String, content_type = "text/csv"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ImportReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import_incidents(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    body: String,
) -> Result<Json<ImportReport>, Problem> {
    Ok(Json(
        state
            .app
            .import_incidents(Acting::Principal(&p), &body)
            .await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AnalysisQuery {
    pub body_id: i64,
    /// month, quarter, half_year, year, winter_training, summer_training or academic_year.
    #[param(value_type = String)]
    pub kind: PeriodKind,
    /// The year the period is named by (for a period spanning New Year, the year it begins).
    pub year: i32,
    /// The month, quarter or half; 1 for the other kinds.
    pub number: Option<u32>,
    /// pdf for the printable report.
    pub format: Option<String>,
}

/// The analysis of a body for a period against the same period last year: rates per 1,000,
/// units ranked, the unfavourable named, deficiencies and causes.
#[utoipa::path(get, path = "/api/v1/safety/analysis", tag = "safety", params(AnalysisQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = AnalysisReport), (status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn analysis(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<AnalysisQuery>,
) -> Result<Response, Problem> {
    let acting = Acting::Principal(&p);
    let number = query.number.unwrap_or(1);
    if query.format.as_deref() == Some("pdf") {
        return Ok(pdf(state
            .app
            .analysis_pdf(acting, query.body_id, query.kind, query.year, number)
            .await?));
    }
    Ok(Json(
        state
            .app
            .safety_analysis(acting, query.body_id, query.kind, query.year, number)
            .await?,
    )
    .into_response())
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Conclusions {
    pub body_id: i64,
    #[schema(value_type = String)]
    pub kind: PeriodKind,
    pub year: i32,
    #[serde(default)]
    pub number: Option<u32>,
    pub conclusions: String,
    pub measures: String,
}

/// Writes the analyst's conclusions and proposed measures for a period (para 19).
#[utoipa::path(post, path = "/api/v1/safety/analysis", tag = "safety", request_body = Conclusions,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Object), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn complete_analysis(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<Conclusions>,
) -> Result<Json<Value>, Problem> {
    let analysis = state
        .app
        .complete_analysis(
            Acting::Principal(&p),
            AnalysisKey {
                body_id: body.body_id,
                kind: body.kind,
                year: body.year,
                number: body.number.unwrap_or(1),
            },
            &body.conclusions,
            &body.measures,
        )
        .await?;
    Ok(Json(json!(analysis)))
}

/// The analyses the body and the bodies directly below it owe (para 20): deadlines and which
/// are late.
#[utoipa::path(get, path = "/api/v1/safety/analysis-schedule", tag = "safety", params(BodyQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<ScheduledAnalysis>), (status = 403, body = Problem)))]
pub async fn analysis_schedule(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<BodyQuery>,
) -> Result<Json<Vec<ScheduledAnalysis>>, Problem> {
    Ok(Json(
        state
            .app
            .analysis_schedule(Acting::Principal(&p), query.body_id)
            .await?,
    ))
}
