//! Server-rendered pages, compiled into the binary (askama templates, one CSS file). Every
//! sentence comes from the message catalogue.

mod accounts;
mod audit;
mod conscription;
pub mod form;
mod home;
mod law;
mod layout;
mod org;
mod rules;
mod safety;
mod security;
mod session;
mod svg;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route(
            "/login",
            get(accounts::login::form).post(accounts::login::submit),
        )
        .route("/logout", post(accounts::login::logout))
        .route("/account", get(accounts::account::page))
        .route("/account/language", post(accounts::account::set_language))
        .route("/language/{code}", get(accounts::login::switch_language))
        .route(
            "/account/password",
            post(accounts::account::change_password),
        )
        .route("/account/tokens", post(accounts::account::create_token))
        .route(
            "/account/tokens/{id}/revoke",
            post(accounts::account::revoke_token),
        )
        .route(
            "/account/sessions/{id}/end",
            post(accounts::account::end_session),
        )
        .route(
            "/admin/users",
            get(accounts::admin::list).post(accounts::admin::create),
        )
        .route("/admin/users/{id}", get(accounts::admin::show))
        .route(
            "/admin/users/{id}/status",
            post(accounts::admin::set_status),
        )
        .route(
            "/admin/users/{id}/password-reset",
            post(accounts::admin::reset_password),
        )
        .route(
            "/admin/users/{id}/grants/add",
            post(accounts::admin::add_grant),
        )
        .route(
            "/admin/users/{id}/grants/remove",
            post(accounts::admin::remove_grant),
        )
        .route("/org", get(org::page).post(org::create))
        .route("/rules", get(rules::list))
        .route("/rules/{id}", get(rules::show).post(rules::evaluate))
        .route("/audit", get(audit::page))
        .route("/law", get(law::acts))
        .route("/law/search", get(law::search))
        .route("/law/watch", get(law::watch))
        .route("/law/acts/{id}", get(law::act))
        .route("/law/clauses/{act}/{path}", get(law::clause))
        .route("/conscription", get(conscription::register))
        .route("/conscription/import", post(conscription::import))
        .route("/conscription/citizens/{id}", get(conscription::citizen))
        .route(
            "/conscription/campaigns",
            post(conscription::create_campaign),
        )
        .route("/conscription/campaigns/{id}", get(conscription::campaign))
        .route(
            "/conscription/campaigns/{id}/plan",
            post(conscription::plan),
        )
        .route(
            "/conscription/campaigns/{id}/send",
            post(conscription::send),
        )
        .route(
            "/conscription/campaigns/{id}/referrals",
            get(conscription::referrals),
        )
        .route(
            "/conscription/summonses/{id}/record",
            post(conscription::record),
        )
        .route(
            "/conscription/campaigns/{id}/paper.pdf",
            get(conscription::paper_pdf),
        )
        .route(
            "/conscription/campaigns/{id}/referrals.pdf",
            get(conscription::referrals_pdf),
        )
        .route("/who", get(security::who::who))
        .route("/reference", get(security::who::reference))
        .route("/security", get(security::who::security))
        .route("/security/bodies", get(security::monitoring::bodies))
        .route("/security/bodies/{number}", get(security::monitoring::body))
        .route(
            "/security/commissions",
            post(security::monitoring::create_commission),
        )
        .route("/security/threats", get(security::monitoring::threats))
        .route("/security/threats/{key}", get(security::monitoring::threat))
        .route("/security/assessments", post(security::monitoring::assess))
        .route(
            "/security/measures",
            get(security::monitoring::measures).post(security::monitoring::create_measure),
        )
        .route(
            "/security/measures/{id}",
            get(security::monitoring::measure),
        )
        .route(
            "/security/measures/{id}/reports",
            post(security::monitoring::report_measure),
        )
        .route("/security/strategy", get(security::monitoring::strategy))
        .route(
            "/security/documents",
            post(security::monitoring::create_document),
        )
        .route(
            "/security/indicators",
            post(security::monitoring::create_indicator),
        )
        .route(
            "/security/indicators/{id}/values",
            post(security::monitoring::record_value),
        )
        .route("/council", get(security::council::council))
        .route("/council/meetings", post(security::council::create_meeting))
        .route("/council/meetings/{id}", get(security::council::meeting))
        .route(
            "/council/meetings/{id}/agenda",
            post(security::council::add_agenda_item),
        )
        .route(
            "/council/meetings/{id}/decisions",
            post(security::council::create_decision),
        )
        .route("/council/decisions/{id}", get(security::council::decision))
        .route(
            "/council/decisions/{id}/reports",
            post(security::council::report_execution),
        )
        .route(
            "/council/reports/{id}/review",
            post(security::council::review_report),
        )
        .route("/safety", get(safety::overview))
        .route("/safety/trainings", post(safety::record_training))
        .route("/safety/structure", get(safety::structure))
        .route("/safety/structure/import", post(safety::import_structure))
        .route("/safety/strength/import", post(safety::import_strength))
        .route("/safety/plans", post(safety::create_plan))
        .route("/safety/plans/{id}", get(safety::plan))
        .route("/safety/plans/{id}/plan.pdf", get(safety::plan_pdf))
        .route("/safety/plans/{id}/draft", post(safety::save_draft))
        .route("/safety/plans/{id}/approve", post(safety::approve_plan))
        .route("/safety/plans/{id}/revise", post(safety::revise_plan))
        .route(
            "/safety/plan-activities/{id}/complete",
            post(safety::complete_activity),
        )
        .route("/safety/acts", get(safety::acts).post(safety::record_act))
        .route("/safety/acts/{id}", get(safety::act))
        .route("/safety/acts/{id}/act.pdf", get(safety::act_pdf))
        .route(
            "/safety/acts/{id}/acknowledge",
            post(safety::acknowledge_act),
        )
        .route("/safety/acts/{id}/delete", post(safety::delete_act))
        .route(
            "/safety/violations/{id}/eliminate",
            post(safety::eliminate_violation),
        )
        .route(
            "/safety/incidents",
            get(safety::incidents).post(safety::record_incident),
        )
        .route("/safety/incidents/import", post(safety::import_incidents))
        .route(
            "/safety/analysis",
            get(safety::analysis).post(safety::conclude),
        )
        .route("/safety/analysis.pdf", get(safety::analysis_pdf))
        .route("/static/qorgau.css", get(stylesheet))
        .route("/static/qorgau.js", get(script))
}

async fn script() -> impl IntoResponse {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../../static/qorgau.js"),
    )
}

async fn stylesheet() -> impl IntoResponse {
    asset(
        "text/css; charset=utf-8",
        include_str!("../../static/qorgau.css"),
    )
}

/// A file of the site's own, kept by browsers for an hour.
fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        body,
    )
}
