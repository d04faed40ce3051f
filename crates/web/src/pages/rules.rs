//! The rules: their list, one rule's facts schema, and an evaluation form.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use qorgau_app::{Acting, AppError};
use qorgau_i18n::Message;
use qorgau_rules::{DecisionView, RuleInfo};
use serde::Deserialize;

use super::layout::{Layout, PageError, describe, render};
use super::session::{PageForm, PageSession};
use crate::AppState;
use crate::i18n::Tr;

pub struct RuleRow {
    pub id: String,
    pub title: String,
    pub citations: Vec<String>,
}

fn row(info: &RuleInfo, tr: &Tr) -> RuleRow {
    RuleRow {
        id: info.id.to_owned(),
        title: tr.t(info.title),
        citations: info.citations.iter().map(|c| c.to_string()).collect(),
    }
}

#[derive(Template)]
#[template(path = "rules.html")]
struct RulesPage {
    layout: Layout,
    rules: Vec<RuleRow>,
}

pub async fn list(State(state): State<AppState>, tr: Tr, session: PageSession) -> Response {
    let layout = Layout::signed_in(&tr, &session, "rules", "rules-title");
    match state.app.list_rules(Acting::Principal(&session.principal)) {
        Ok(rules) => render(
            StatusCode::OK,
            &RulesPage {
                layout,
                rules: rules.iter().map(|r| row(r, &tr)).collect(),
            },
        ),
        Err(e) => PageError::new(e, &tr, Some(layout)).into_response(),
    }
}

#[derive(Template)]
#[template(path = "rule.html")]
struct RulePage {
    layout: Layout,
    rule: RuleRow,
    schema: String,
    facts: String,
    as_of: String,
    decision: Option<DecisionView>,
    error: String,
}

struct Evaluation {
    facts: String,
    as_of: String,
    decision: Option<DecisionView>,
    error: String,
    status: StatusCode,
}

fn rule_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: &str,
    evaluation: Evaluation,
) -> Response {
    let layout = Layout::signed_in(tr, session, "rules", "rules-title");
    match state
        .app
        .rule_schema(Acting::Principal(&session.principal), id)
    {
        Ok((info, schema, _)) => render(
            evaluation.status,
            &RulePage {
                layout,
                rule: row(&info, tr),
                schema: serde_json::to_string_pretty(&schema).unwrap_or_default(),
                facts: evaluation.facts,
                as_of: evaluation.as_of,
                decision: evaluation.decision,
                error: evaluation.error,
            },
        ),
        Err(e) => PageError::new(e, tr, Some(layout)).into_response(),
    }
}

pub async fn show(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<String>,
) -> Response {
    let evaluation = Evaluation {
        facts: "{}".to_owned(),
        as_of: state.app.clock().today().to_string(),
        decision: None,
        error: String::new(),
        status: StatusCode::OK,
    };
    rule_page(&state, &tr, &session, &id, evaluation)
}

#[derive(Deserialize)]
pub struct EvaluateForm {
    facts: String,
    as_of: String,
}

pub async fn evaluate(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<String>,
    PageForm { session, form }: PageForm<EvaluateForm>,
) -> Response {
    let result = (|| {
        let facts: serde_json::Value = serde_json::from_str(&form.facts).map_err(|e| {
            AppError::invalid(
                "facts",
                Message::new("invalid-json").arg("detail", e.to_string()),
            )
        })?;
        let as_of = super::layout::parse_as_of(Some(&form.as_of))?;
        state
            .app
            .evaluate_rule(Acting::Principal(&session.principal), &id, facts, as_of)
    })();
    let evaluation = match result {
        Ok(decision) => Evaluation {
            facts: form.facts,
            as_of: decision.as_of.to_string(),
            decision: Some(decision.view(&tr.0)),
            error: String::new(),
            status: StatusCode::OK,
        },
        Err(error) => Evaluation {
            error: describe(&error, &tr),
            facts: form.facts,
            as_of: form.as_of,
            decision: None,
            status: StatusCode::UNPROCESSABLE_ENTITY,
        },
    };
    rule_page(&state, &tr, &session, &id, evaluation)
}
