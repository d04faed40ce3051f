use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use qorgau_app::Acting;
use qorgau_app::accounts::{GrantInput, NewUserInput, UserUpdate, UserView};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::{ApiJson, ApiPath};
use crate::problem::Problem;

/// Users whose home unit lies in the caller's scope.
#[utoipa::path(get, path = "/api/v1/users", tag = "users", security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<UserView>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list_users(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
) -> Result<Json<Vec<UserView>>, Problem> {
    Ok(Json(state.app.list_users(Acting::Principal(&p)).await?))
}

/// A new user with the one-time password to hand over (shown this once).
#[derive(Serialize, ToSchema)]
pub struct CreatedUser {
    pub user: UserView,
    pub one_time_password: String,
}

/// Creates a user; they must change the one-time password at first sign-in.
#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = NewUserInput,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = CreatedUser), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_user(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewUserInput>,
) -> Result<(StatusCode, Json<CreatedUser>), Problem> {
    let (user, one_time_password) = state.app.create_user(Acting::Principal(&p), body).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedUser {
            user,
            one_time_password,
        }),
    ))
}

/// One user.
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "users", params(("id" = i64, Path, description = "User id")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = UserView), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_user(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<UserView>, Problem> {
    Ok(Json(state.app.get_user(Acting::Principal(&p), id).await?))
}

/// Changes the display name, or disables / re-enables the account.
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "users", params(("id" = i64, Path, description = "User id")),
    request_body = UserUpdate, security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = UserView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update_user(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<UserUpdate>,
) -> Result<Json<UserView>, Problem> {
    Ok(Json(
        state
            .app
            .update_user(Acting::Principal(&p), id, body)
            .await?,
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrantsBody {
    pub grants: Vec<GrantInput>,
}

/// Replaces the user's role grants.
#[utoipa::path(put, path = "/api/v1/users/{id}/grants", tag = "users", params(("id" = i64, Path, description = "User id")),
    request_body = GrantsBody, security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = UserView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn set_grants(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<GrantsBody>,
) -> Result<Json<UserView>, Problem> {
    Ok(Json(
        state
            .app
            .set_grants(Acting::Principal(&p), id, body.grants)
            .await?,
    ))
}

#[derive(Serialize, ToSchema)]
pub struct PasswordReset {
    pub one_time_password: String,
}

/// Issues a new one-time password and ends the user's sessions.
#[utoipa::path(post, path = "/api/v1/users/{id}/password-reset", tag = "users", params(("id" = i64, Path, description = "User id")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = PasswordReset), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn reset_password(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<PasswordReset>, Problem> {
    let one_time_password = state.app.reset_password(Acting::Principal(&p), id).await?;
    Ok(Json(PasswordReset { one_time_password }))
}
