//! Server-rendered pages, compiled into the binary (askama templates, one CSS file). Every
//! sentence comes from the message catalogue.

mod account;
mod admin;
mod audit;
mod conscription;
mod council;
mod home;
mod law;
mod layout;
mod login;
mod monitoring;
mod org;
mod rules;
mod safety;
mod svg;
mod who;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};

use crate::AppState;

pub use layout::error_page;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/account", get(account::page))
        .route("/account/password", post(account::change_password))
        .route("/account/tokens", post(account::create_token))
        .route("/account/tokens/{id}/revoke", post(account::revoke_token))
        .route("/admin/users", get(admin::list).post(admin::create))
        .route("/admin/users/{id}", get(admin::show))
        .route("/admin/users/{id}/status", post(admin::set_status))
        .route(
            "/admin/users/{id}/password-reset",
            post(admin::reset_password),
        )
        .route("/admin/users/{id}/grants/add", post(admin::add_grant))
        .route("/admin/users/{id}/grants/remove", post(admin::remove_grant))
        .route("/org", get(org::page).post(org::create))
        .route("/rules", get(rules::list))
        .route("/rules/{id}", get(rules::show).post(rules::evaluate))
        .route("/audit", get(audit::page))
        .route("/law", get(law::acts))
        .route("/law/search", get(law::search))
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
        .route("/who", get(who::who))
        .route("/reference", get(who::reference))
        .route("/security", get(who::security))
        .route("/security/bodies", get(monitoring::bodies))
        .route("/security/bodies/{number}", get(monitoring::body))
        .route("/security/commissions", post(monitoring::create_commission))
        .route("/security/threats", get(monitoring::threats))
        .route("/security/threats/{key}", get(monitoring::threat))
        .route("/security/assessments", post(monitoring::assess))
        .route(
            "/security/measures",
            get(monitoring::measures).post(monitoring::create_measure),
        )
        .route("/security/measures/{id}", get(monitoring::measure))
        .route(
            "/security/measures/{id}/reports",
            post(monitoring::report_measure),
        )
        .route("/security/strategy", get(monitoring::strategy))
        .route("/security/documents", post(monitoring::create_document))
        .route("/security/indicators", post(monitoring::create_indicator))
        .route(
            "/security/indicators/{id}/values",
            post(monitoring::record_value),
        )
        .route("/council", get(council::council))
        .route("/council/meetings", post(council::create_meeting))
        .route("/council/meetings/{id}", get(council::meeting))
        .route(
            "/council/meetings/{id}/agenda",
            post(council::add_agenda_item),
        )
        .route(
            "/council/meetings/{id}/decisions",
            post(council::create_decision),
        )
        .route("/council/decisions/{id}", get(council::decision))
        .route(
            "/council/decisions/{id}/reports",
            post(council::report_execution),
        )
        .route("/council/reports/{id}/review", post(council::review_report))
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
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/css; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        include_str!("../../static/qorgau.css"),
    )
}
