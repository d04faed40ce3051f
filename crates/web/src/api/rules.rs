use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use qorgau_app::Acting;
use qorgau_rules::{DecisionView, RuleInfo};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::{ApiJson, ApiPath};
use crate::i18n::Tr;
use crate::problem::Problem;

/// A rule: its id, title, the clauses it may cite, and since when it applies.
#[derive(Serialize, ToSchema)]
pub struct RuleView {
    pub id: String,
    pub title: String,
    pub citations: Vec<String>,
    pub in_force_from: NaiveDate,
    /// JSON Schema of the facts (only in the single-rule answer). Free-form here because each
    /// rule has its own: the same schema is the document's `rules.<id>.facts` component.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub facts_schema: Option<serde_json::Value>,
    /// JSON Schema of the outcome (only in the single-rule answer). Free-form here because each
    /// rule has its own: the same schema is the document's `rules.<id>.outcome` component.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub outcome_schema: Option<serde_json::Value>,
}

fn view(
    info: RuleInfo,
    tr: &Tr,
    schemas: Option<(serde_json::Value, serde_json::Value)>,
) -> RuleView {
    let (facts_schema, outcome_schema) = schemas.unzip();
    RuleView {
        id: info.id.to_owned(),
        title: tr.t(info.title),
        citations: info.citations.iter().map(|c| c.to_string()).collect(),
        in_force_from: info.in_force_from,
        facts_schema,
        outcome_schema,
    }
}

/// Every rule.
#[utoipa::path(get, path = "/api/v1/rules", tag = "rules", security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<RuleView>), (status = 401, body = Problem)))]
pub async fn list_rules(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
) -> Result<Json<Vec<RuleView>>, Problem> {
    let rules = state.app.list_rules(Acting::Principal(&p))?;
    Ok(Json(
        rules
            .into_iter()
            .map(|info| view(info, &tr, None))
            .collect(),
    ))
}

/// One rule with the JSON Schema of its facts.
#[utoipa::path(get, path = "/api/v1/rules/{id}", tag = "rules", params(("id" = String, Path, description = "Rule id, such as safety.plan_due")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = RuleView), (status = 404, body = Problem)))]
pub async fn get_rule(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<String>,
    tr: Tr,
) -> Result<Json<RuleView>, Problem> {
    let (info, facts, outcome) = state.app.rule_schema(Acting::Principal(&p), &id)?;
    Ok(Json(view(info, &tr, Some((facts, outcome)))))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluateBody {
    /// The facts, as the rule's `rules.<id>.facts` schema describes them: the route serves
    /// every rule, so the document offers any rule's facts here.
    #[schema(schema_with = any_rule_facts)]
    pub facts: serde_json::Value,
    /// The date to decide for; today in Asia/Almaty when absent.
    pub as_of: Option<NaiveDate>,
}

/// A decision: the outcome, the clauses it rests on and why.
#[derive(Serialize, ToSchema)]
pub struct DecisionDoc {
    pub rule: String,
    pub as_of: NaiveDate,
    /// The rule's outcome, as its `rules.<rule id>.outcome` schema describes it.
    #[schema(schema_with = any_rule_outcome)]
    pub outcome: serde_json::Value,
    pub citations: Vec<String>,
    /// Why, in the reader's language.
    pub explanation: Vec<String>,
}

impl From<DecisionView> for DecisionDoc {
    fn from(view: DecisionView) -> Self {
        Self {
            rule: view.rule,
            as_of: view.as_of,
            outcome: view.outcome,
            citations: view.citations.iter().map(|c| c.to_string()).collect(),
            explanation: view.explanation,
        }
    }
}

fn any_rule_outcome() -> utoipa::openapi::Ref {
    utoipa::openapi::Ref::from_schema_name("rules.Outcome")
}

fn any_rule_facts() -> utoipa::openapi::Ref {
    utoipa::openapi::Ref::from_schema_name("rules.Facts")
}

/// Evaluates a rule on the given facts.
#[utoipa::path(post, path = "/api/v1/rules/{id}/evaluate", tag = "rules", params(("id" = String, Path, description = "Rule id")),
    request_body = EvaluateBody, security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = DecisionDoc), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn evaluate(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<String>,
    tr: Tr,
    ApiJson(body): ApiJson<EvaluateBody>,
) -> Result<Json<DecisionDoc>, Problem> {
    let decision = state
        .app
        .evaluate_rule(Acting::Principal(&p), &id, body.facts, body.as_of)?;
    Ok(Json(decision.into_view(&tr.lang()).into()))
}
