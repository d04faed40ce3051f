//! Institutions and competences: who is responsible, and the reference lists of the texts.

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use qorgau_app::Acting;
use qorgau_app::security::ReferenceList;
use qorgau_i18n::Lang;
use serde::Deserialize;
use serde_json::Value;
use utoipa::IntoParams;

use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::ApiQuery;
use crate::problem::Problem;

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct WhoQuery {
    /// The question in words, such as "who approves the rules of physical training".
    pub q: String,
    /// The date to read the law on; today in Asia/Almaty when absent.
    pub as_of: Option<NaiveDate>,
}

/// The functions and competences that answer a question, best first, each with its holder,
/// clause and status on `as_of`; with `defense.function_holder`'s decision.
#[utoipa::path(get, path = "/api/v1/security/who", tag = "security", params(WhoQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Object), (status = 422, body = Problem)))]
pub async fn who(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<WhoQuery>,
) -> Result<Json<Value>, Problem> {
    let answer = state
        .app
        .who(Acting::Principal(&p), &query.q, query.as_of)
        .await?;
    let mut value = serde_json::to_value(&answer)
        .map_err(|e| Problem::from(qorgau_app::AppError::Internal(e.to_string())))?;
    value["function_holder"] = serde_json::to_value(answer.function_holder.view(&Lang::english()))
        .map_err(|e| Problem::from(qorgau_app::AppError::Internal(e.to_string())))?;
    Ok(Json(value))
}

/// The reference lists read from the corpus, each entry with its clause.
#[utoipa::path(get, path = "/api/v1/security/reference", tag = "security",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<ReferenceList>)))]
pub async fn reference(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
) -> Result<Json<Vec<ReferenceList>>, Problem> {
    state.app.read_reference(Acting::Principal(&p))?;
    Ok(Json(qorgau_app::security::reference_lists()))
}
