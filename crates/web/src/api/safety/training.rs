//! Training events and the exercise reminders.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use qorgau_app::Acting;
use qorgau_app::safety::training::NewTraining;

use super::views::training::{SafetyExerciseReminder, SafetyTraining};
use super::{BodyQuery, RangeQuery, range};
use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::{ApiJson, ApiQuery};
use crate::problem::Problem;

/// Training events of the body's subtree from `from` on.
#[utoipa::path(get, path = "/api/v1/safety/trainings", tag = "safety", params(RangeQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<SafetyTraining>), (status = 403, body = Problem)))]
pub async fn trainings(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<RangeQuery>,
) -> Result<Json<Vec<SafetyTraining>>, Problem> {
    let (from, _) = range(&state, &query);
    let trainings = state
        .app
        .trainings(Acting::Principal(&p), query.body_id, from)
        .await?;
    Ok(Json(trainings.iter().map(SafetyTraining::from).collect()))
}

/// Records a special exercise or a month or decade campaign.
#[utoipa::path(post, path = "/api/v1/safety/trainings", tag = "safety", request_body = NewTraining,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SafetyTraining), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn record_training(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewTraining>,
) -> Result<(StatusCode, Json<SafetyTraining>), Problem> {
    let training = state
        .app
        .record_training(Acting::Principal(&p), body)
        .await?;
    Ok((StatusCode::CREATED, Json(SafetyTraining::from(&training))))
}

/// The exercise each body owes before the next training period (`safety.exercise_due`).
#[utoipa::path(get, path = "/api/v1/safety/exercise-reminders", tag = "safety", params(BodyQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<SafetyExerciseReminder>), (status = 403, body = Problem)))]
pub async fn exercise_reminders(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<BodyQuery>,
) -> Result<Json<Vec<SafetyExerciseReminder>>, Problem> {
    let reminders = state
        .app
        .exercise_reminders(Acting::Principal(&p), query.body_id)
        .await?;
    Ok(Json(
        reminders.iter().map(SafetyExerciseReminder::from).collect(),
    ))
}
