use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use qorgau_app::accounts::TokenView;
use qorgau_app::authz::Grant;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::words::word;
use crate::auth::ApiCaller;
use crate::extract::{ApiJson, ApiPath};
use crate::problem::Problem;

/// The caller.
#[derive(Serialize, ToSchema)]
pub struct Me {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub must_change_password: bool,
    pub grants: Vec<MeGrant>,
}

#[derive(Serialize, ToSchema)]
pub struct MeGrant {
    #[schema(schema_with = word::<qorgau_app::Role>)]
    pub role: qorgau_app::Role,
    pub unit_id: i64,
    pub unit_name: String,
}

impl From<&Grant> for MeGrant {
    fn from(g: &Grant) -> Self {
        Self {
            role: g.role,
            unit_id: g.unit_id,
            unit_name: g.unit_name.clone(),
        }
    }
}

/// The caller's identity and grants.
#[utoipa::path(get, path = "/api/v1/me", tag = "account", security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Me), (status = 401, body = Problem)))]
pub async fn me(ApiCaller(p): ApiCaller) -> Json<Me> {
    Json(Me {
        user_id: p.user_id,
        username: p.username.clone(),
        display_name: p.display_name.clone(),
        must_change_password: p.must_change_password,
        grants: p.grants.iter().map(MeGrant::from).collect(),
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// Changes the caller's password; every session of the caller ends and every API token of
/// theirs is revoked, the one calling included.
#[utoipa::path(post, path = "/api/v1/me/password", tag = "account", request_body = PasswordChange,
    security(("bearer" = []), ("session" = [])),
    responses((status = 204, description = "Changed"), (status = 401, body = Problem), (status = 422, body = Problem)))]
pub async fn change_password(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<PasswordChange>,
) -> Result<StatusCode, Problem> {
    state
        .app
        .change_password(&p, &body.current_password, &body.new_password)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The caller's API tokens (never their secrets).
#[utoipa::path(get, path = "/api/v1/me/tokens", tag = "account", security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<TokenView>), (status = 401, body = Problem)))]
pub async fn list_tokens(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
) -> Result<Json<Vec<TokenView>>, Problem> {
    Ok(Json(state.app.list_tokens(&p).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    /// What the token is for, to recognise it later.
    pub name: String,
    /// Days until the token lapses, 1 to 365; 90 when not given.
    #[serde(default)]
    pub days: Option<i64>,
}

/// A new token with its secret, shown this once.
#[derive(Serialize, ToSchema)]
pub struct CreatedToken {
    pub token: TokenView,
    pub secret: String,
}

/// Creates an API token for the caller; it lapses after `days` (90 unless given).
#[utoipa::path(post, path = "/api/v1/me/tokens", tag = "account", request_body = NewToken,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = CreatedToken), (status = 401, body = Problem), (status = 422, body = Problem)))]
pub async fn create_token(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewToken>,
) -> Result<(StatusCode, Json<CreatedToken>), Problem> {
    let days = body
        .days
        .unwrap_or(qorgau_app::accounts::DEFAULT_TOKEN_DAYS);
    let (token, secret) = state.app.create_token_lasting(&p, &body.name, days).await?;
    Ok((StatusCode::CREATED, Json(CreatedToken { token, secret })))
}

/// Revokes one of the caller's tokens.
#[utoipa::path(delete, path = "/api/v1/me/tokens/{id}", tag = "account",
    params(("id" = i64, Path, description = "Token id")), security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = TokenView), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn revoke_token(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<TokenView>, Problem> {
    Ok(Json(state.app.revoke_token(&p, id).await?))
}
