//! The JSON API under `/api/v1`, documented by OpenAPI 3 as it is built: every route is added
//! through `utoipa_axum::routes!`, which registers the handler and its documentation together.

mod accounts;
mod audit;
mod conscription;
mod decisions;
mod law;
mod org;
mod rules;
mod safety;
mod security;
pub use security::views as security_views;
pub mod words;

use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Qorgau API",
        description = "Kazakhstan's defence and national-security law as cited rules and workflows. \
            Errors are RFC 9457 problem documents (application/problem+json).",
        version = "1"
    ),
    modifiers(&SecuritySchemes),
    tags(
        (name = "account", description = "The caller's own account and API tokens"),
        (name = "users", description = "Users and their role grants"),
        (name = "org", description = "The organisation tree that scopes every grant"),
        (name = "rules", description = "Cited rules and their evaluation"),
        (name = "audit", description = "The hash-chained audit log"),
        (name = "law", description = "The acts of the corpus and their clauses in time"),
        (name = "conscription", description = "The citizen register, summons campaigns and the channels' webhook"),
        (name = "security", description = "Institutions and competences: who is responsible, reference lists"),
        (name = "council", description = "The Security Council: meetings, decisions, execution reports and control"),
        (name = "safety", description = "Security of military service: structure, Plans, Acts, incidents and analysis"),
        (name = "meta", description = "This document")
    )
)]
struct ApiDoc;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::SESSION_COOKIE,
                "Browser session; changes also need the X-CSRF-Token header",
            ))),
        );
    }
}

/// The API routes with their documentation.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(openapi_json))
        .routes(routes!(accounts::account::me))
        .routes(routes!(accounts::account::change_password))
        .routes(routes!(
            accounts::account::list_tokens,
            accounts::account::create_token
        ))
        .routes(routes!(accounts::account::revoke_token))
        .routes(routes!(
            accounts::users::list_users,
            accounts::users::create_user
        ))
        .routes(routes!(
            accounts::users::get_user,
            accounts::users::update_user
        ))
        .routes(routes!(accounts::users::set_grants))
        .routes(routes!(accounts::users::reset_password))
        .routes(routes!(org::list_units, org::create_unit))
        .routes(routes!(org::get_unit))
        .routes(routes!(rules::list_rules))
        .routes(routes!(rules::get_rule))
        .routes(routes!(rules::evaluate))
        .routes(routes!(audit::latest))
        .routes(routes!(audit::verify))
        .routes(routes!(law::list_acts))
        .routes(routes!(law::get_act))
        .routes(routes!(law::get_clause))
        .routes(routes!(conscription::import_citizens))
        .routes(routes!(conscription::search_citizens))
        .routes(routes!(conscription::get_citizen))
        .routes(routes!(
            conscription::list_campaigns,
            conscription::create_campaign
        ))
        .routes(routes!(conscription::get_campaign))
        .routes(routes!(conscription::plan_campaign))
        .routes(routes!(conscription::send_campaign))
        .routes(routes!(conscription::referrals))
        .routes(routes!(conscription::paper_summonses))
        .routes(routes!(conscription::hand_over))
        .routes(routes!(conscription::record_fact))
        .routes(routes!(conscription::channel_events))
        .routes(routes!(safety::structure::structure))
        .routes(routes!(safety::structure::import_structure))
        .routes(routes!(safety::structure::unit_strength))
        .routes(routes!(safety::structure::import_strength))
        .routes(routes!(
            safety::plans::plan_standings,
            safety::plans::create_plan
        ))
        .routes(routes!(safety::plans::get_plan, safety::plans::update_plan))
        .routes(routes!(safety::plans::approve_plan))
        .routes(routes!(safety::plans::revise_plan))
        .routes(routes!(safety::plans::compare_plan))
        .routes(routes!(safety::plans::complete_activity))
        .routes(routes!(
            safety::training::trainings,
            safety::training::record_training
        ))
        .routes(routes!(safety::training::exercise_reminders))
        .routes(routes!(safety::acts::list_acts, safety::acts::record_act))
        .routes(routes!(safety::acts::purge_expired))
        .routes(routes!(safety::acts::get_act, safety::acts::delete_act))
        .routes(routes!(safety::acts::acknowledge_act))
        .routes(routes!(safety::acts::eliminate_violation))
        .routes(routes!(safety::acts::overdue_violations))
        .routes(routes!(safety::acts::coverage))
        .routes(routes!(
            safety::incidents::list_incidents,
            safety::incidents::record_incident
        ))
        .routes(routes!(safety::incidents::import_incidents))
        .routes(routes!(
            safety::analysis::analysis,
            safety::analysis::complete_analysis
        ))
        .routes(routes!(safety::analysis::analysis_schedule))
        .routes(routes!(security::who))
        .routes(routes!(security::reference))
        .routes(routes!(security::add_entry))
        .routes(routes!(security::import_organisations))
        .routes(routes!(security::import_holdings))
        .routes(routes!(security::screen))
        .routes(routes!(security::screen_all))
        .routes(routes!(security::monitoring::bodies))
        .routes(routes!(security::monitoring::body))
        .routes(routes!(security::monitoring::create_commission))
        .routes(routes!(security::monitoring::add_member))
        .routes(routes!(security::monitoring::threats))
        .routes(routes!(security::monitoring::threat))
        .routes(routes!(security::monitoring::assess))
        .routes(routes!(
            security::monitoring::measures,
            security::monitoring::create_measure
        ))
        .routes(routes!(security::monitoring::measure))
        .routes(routes!(security::monitoring::report_measure))
        .routes(routes!(security::monitoring::strategy))
        .routes(routes!(security::monitoring::create_document))
        .routes(routes!(security::monitoring::create_indicator))
        .routes(routes!(security::monitoring::record_value))
        .routes(routes!(
            security::council::meetings,
            security::council::create_meeting
        ))
        .routes(routes!(security::council::meeting))
        .routes(routes!(security::council::add_agenda_item))
        .routes(routes!(security::council::create_decision))
        .routes(routes!(security::council::control))
        .routes(routes!(security::council::decision))
        .routes(routes!(security::council::report_execution))
        .routes(routes!(security::council::review_report))
        .routes(routes!(law::search))
        .routes(routes!(law::export_akn))
}

/// The OpenAPI document of this API.
pub fn openapi() -> utoipa::openapi::OpenApi {
    router().into_openapi()
}

/// The OpenAPI document as served: the routes' document with every rule's facts and outcome
/// schemas among its components (`rules.<rule id>.facts`, `rules.<rule id>.outcome`). The rule
/// schemas come from schemars, which utoipa's types cannot hold without loss, so they are
/// joined on the JSON.
pub fn openapi_document() -> serde_json::Value {
    let mut document = serde_json::to_value(openapi()).unwrap_or_default();
    if let Some(schemas) = document
        .pointer_mut("/components/schemas")
        .and_then(serde_json::Value::as_object_mut)
    {
        schemas.extend(qorgau_rules::openapi_components());
    }
    document_problems(&mut document);
    document
}

/// Statuses any operation may answer with a problem document, whatever its own work: a
/// malformed request (400), no or a bad credential (401), a missing permission (403), an
/// unknown record (404), a conflict (409), a body over the limit (413), a body of the wrong
/// type (415), invalid input (422), and the server's own trouble (500, 503).
const PROBLEM_STATUSES: [(&str, &str); 10] = [
    ("400", "The request is malformed"),
    ("401", "Sign-in or a valid token is required"),
    ("403", "The caller's roles do not allow this here"),
    ("404", "No such record"),
    ("409", "The record conflicts with one that exists"),
    ("413", "The body is over the size limit"),
    ("415", "The body is not of the declared media type"),
    ("422", "The input is not valid"),
    ("500", "Internal error"),
    ("503", "The database is busy or unavailable"),
];

/// Problem documents are `application/problem+json` (utoipa names every body
/// `application/json`), and every operation lists the problem statuses it may answer.
fn document_problems(document: &mut serde_json::Value) {
    let problem = serde_json::json!({
        "application/problem+json": {
            "schema": { "$ref": "#/components/schemas/Problem" }
        }
    });
    let Some(paths) = document
        .get_mut("paths")
        .and_then(serde_json::Value::as_object_mut)
    else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for operation in item.values_mut() {
            let Some(responses) = operation
                .get_mut("responses")
                .and_then(serde_json::Value::as_object_mut)
            else {
                continue;
            };
            for response in responses.values_mut() {
                let Some(content) = response
                    .get_mut("content")
                    .and_then(serde_json::Value::as_object_mut)
                else {
                    continue;
                };
                let is_problem = content
                    .get("application/json")
                    .and_then(|c| c.pointer("/schema/$ref"))
                    .and_then(serde_json::Value::as_str)
                    == Some("#/components/schemas/Problem");
                if is_problem && let Some(json) = content.remove("application/json") {
                    content.insert("application/problem+json".to_owned(), json);
                }
            }
            if path == "/api/v1/openapi.json" {
                continue;
            }
            for (status, description) in PROBLEM_STATUSES {
                responses.entry(status).or_insert_with(|| {
                    serde_json::json!({ "description": description, "content": problem.clone() })
                });
            }
        }
    }
}

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI 3 document", content_type = "application/json")))]
async fn openapi_json() -> Json<serde_json::Value> {
    Json(openapi_document())
}
