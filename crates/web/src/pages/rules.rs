//! The rules: their list, one rule's facts schema, and an evaluation form.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use qorgau_app::{Acting, AppError};
use qorgau_i18n::Message;
use qorgau_rules::{DecisionView, RuleInfo};
use serde::Deserialize;

use super::form::{Filled, refuse};
use super::layout::{Layout, PageError, parse_as_of, render};
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
    form: Filled<EvaluateForm>,
    decision: Option<DecisionView>,
}

fn rule_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: &str,
    form: Filled<EvaluateForm>,
    decision: Option<DecisionView>,
) -> Response {
    let layout = Layout::signed_in(tr, session, "rules", "rules-title");
    match state
        .app
        .rule_schema(Acting::Principal(&session.principal), id)
    {
        Ok((info, schema, _)) => render(
            form.status(),
            &RulePage {
                layout,
                rule: row(&info, tr),
                schema: serde_json::to_string_pretty(&schema).unwrap_or_default(),
                form,
                decision,
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
    let form = Filled::new(EvaluateForm {
        facts: "{}".to_owned(),
        as_of: state.app.clock().today().to_string(),
    });
    rule_page(&state, &tr, &session, &id, form, None)
}

/// The evaluation form as posted: the facts as typed, so a refused form shows them again.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct EvaluateForm {
    facts: String,
    as_of: String,
}

/// An evaluation as the rules take it: the facts read as JSON, the date (none: today).
struct Evaluation {
    facts: serde_json::Value,
    as_of: Option<NaiveDate>,
}

impl TryFrom<&EvaluateForm> for Evaluation {
    type Error = AppError;

    fn try_from(form: &EvaluateForm) -> Result<Self, AppError> {
        let facts = serde_json::from_str(&form.facts).map_err(|e| {
            AppError::invalid(
                "facts",
                Message::new("invalid-json").arg("detail", e.to_string()),
            )
        })?;
        Ok(Evaluation {
            facts,
            as_of: parse_as_of(Some(&form.as_of))?,
        })
    }
}

/// An evaluation changes nothing, so its decision is shown on the same page, under the facts
/// as typed; a refusal goes the one way of every form.
pub async fn evaluate(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<String>,
    PageForm { session, mut form }: PageForm<EvaluateForm>,
) -> Response {
    let result = Evaluation::try_from(&form).and_then(|input| {
        state.app.evaluate_rule(
            Acting::Principal(&session.principal),
            &id,
            input.facts,
            input.as_of,
        )
    });
    match result {
        Ok(decision) => {
            form.as_of = decision.as_of.to_string();
            let view = decision.view(&tr.0);
            rule_page(&state, &tr, &session, &id, Filled::new(form), Some(view))
        }
        Err(error) => {
            refuse(&tr, &session, "rules", form, error, |filled| {
                std::future::ready(rule_page(&state, &tr, &session, &id, filled, None))
            })
            .await
        }
    }
}
