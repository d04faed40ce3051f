//! The JSON API under `/api/v1`, documented by OpenAPI 3 as it is built: every route is added
//! through `utoipa_axum::routes!`, which registers the handler and its documentation together.

mod account;
mod audit;
mod conscription;
mod council;
mod law;
mod monitoring;
mod org;
mod rules;
mod safety;
mod security;
mod users;

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
        .routes(routes!(account::me))
        .routes(routes!(account::change_password))
        .routes(routes!(account::list_tokens, account::create_token))
        .routes(routes!(account::revoke_token))
        .routes(routes!(users::list_users, users::create_user))
        .routes(routes!(users::get_user, users::update_user))
        .routes(routes!(users::set_grants))
        .routes(routes!(users::reset_password))
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
        .routes(routes!(safety::structure))
        .routes(routes!(safety::import_structure))
        .routes(routes!(safety::unit_strength))
        .routes(routes!(safety::import_strength))
        .routes(routes!(safety::plan_standings, safety::create_plan))
        .routes(routes!(safety::get_plan, safety::update_plan))
        .routes(routes!(safety::approve_plan))
        .routes(routes!(safety::revise_plan))
        .routes(routes!(safety::compare_plan))
        .routes(routes!(safety::complete_activity))
        .routes(routes!(safety::trainings, safety::record_training))
        .routes(routes!(safety::exercise_reminders))
        .routes(routes!(safety::list_acts, safety::record_act))
        .routes(routes!(safety::purge_expired))
        .routes(routes!(safety::get_act, safety::delete_act))
        .routes(routes!(safety::acknowledge_act))
        .routes(routes!(safety::eliminate_violation))
        .routes(routes!(safety::overdue_violations))
        .routes(routes!(safety::coverage))
        .routes(routes!(safety::list_incidents, safety::record_incident))
        .routes(routes!(safety::import_incidents))
        .routes(routes!(safety::analysis, safety::complete_analysis))
        .routes(routes!(safety::analysis_schedule))
        .routes(routes!(security::who))
        .routes(routes!(security::reference))
        .routes(routes!(security::add_entry))
        .routes(routes!(security::import_organisations))
        .routes(routes!(security::import_holdings))
        .routes(routes!(security::screen))
        .routes(routes!(security::screen_all))
        .routes(routes!(monitoring::bodies))
        .routes(routes!(monitoring::body))
        .routes(routes!(monitoring::create_commission))
        .routes(routes!(monitoring::add_member))
        .routes(routes!(monitoring::threats))
        .routes(routes!(monitoring::threat))
        .routes(routes!(monitoring::assess))
        .routes(routes!(monitoring::measures, monitoring::create_measure))
        .routes(routes!(monitoring::measure))
        .routes(routes!(monitoring::report_measure))
        .routes(routes!(monitoring::strategy))
        .routes(routes!(monitoring::create_document))
        .routes(routes!(monitoring::create_indicator))
        .routes(routes!(monitoring::record_value))
        .routes(routes!(council::meetings, council::create_meeting))
        .routes(routes!(council::meeting))
        .routes(routes!(council::add_agenda_item))
        .routes(routes!(council::create_decision))
        .routes(routes!(council::control))
        .routes(routes!(council::decision))
        .routes(routes!(council::report_execution))
        .routes(routes!(council::review_report))
        .routes(routes!(law::search))
        .routes(routes!(law::export_akn))
}

/// The OpenAPI document of this API.
pub fn openapi() -> utoipa::openapi::OpenApi {
    router().into_openapi()
}

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI 3 document", content_type = "application/json")))]
async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi())
}
