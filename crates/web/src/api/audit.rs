use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use qorgau_app::Acting;
use qorgau_app::audit::{AuditAction, Verification};
use qorgau_store::audit::LoggedEntry;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::words::optional_word;
use crate::auth::ApiCaller;
use crate::extract::ApiQuery;
use crate::problem::Problem;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct LatestQuery {
    /// How many entries, newest first (1 to 1000; 100 when absent).
    pub limit: Option<i64>,
}

/// An audit entry. `at` and `action` are absent when the stored text does not read as an
/// instant or an action (an entry edited outside the application); `stored_at` and
/// `stored_action` always carry the text as stored, which the chain's hash covers.
#[derive(Serialize, ToSchema)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: Option<DateTime<Utc>>,
    pub stored_at: String,
    pub actor_id: Option<i64>,
    pub actor: String,
    #[schema(schema_with = optional_word::<AuditAction>)]
    pub action: Option<AuditAction>,
    pub stored_action: String,
    pub entity: String,
    pub entity_id: String,
    /// The record before the change, as JSON of any shape (absent for a creation).
    pub before: Option<serde_json::Value>,
    /// The record after the change, as JSON of any shape.
    pub after: Option<serde_json::Value>,
    pub hash: String,
}

impl From<LoggedEntry> for AuditEntry {
    fn from(entry: LoggedEntry) -> Self {
        let parse = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
        let row = entry.stored;
        Self {
            seq: row.seq,
            at: entry.at,
            stored_at: row.at,
            actor_id: row.actor_id,
            actor: row.actor,
            action: entry.action,
            stored_action: row.action,
            entity: row.entity,
            entity_id: row.entity_id,
            before: parse(row.before_json),
            after: parse(row.after_json),
            hash: row.hash,
        }
    }
}

/// The latest audit entries, newest first.
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(LatestQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<AuditEntry>), (status = 403, body = Problem)))]
pub async fn latest(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<LatestQuery>,
) -> Result<Json<Vec<AuditEntry>>, Problem> {
    let rows = state
        .app
        .latest_audit(Acting::Principal(&p), query.limit.unwrap_or(100))
        .await?;
    Ok(Json(rows.into_iter().map(AuditEntry::from).collect()))
}

/// Walks the hash chain and reports the first broken link.
#[utoipa::path(get, path = "/api/v1/audit/verify", tag = "audit", security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Verification), (status = 403, body = Problem)))]
pub async fn verify(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
) -> Result<Json<Verification>, Problem> {
    Ok(Json(state.app.verify_audit(Acting::Principal(&p)).await?))
}
