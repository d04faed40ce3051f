//! The strategic documents and their indicators with recorded values.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use qorgau_app::security::monitoring::{NewDocument, NewIndicator, NewIndicatorValue};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use qorgau_rules::security::vocabulary::IndicatorState;
use serde::Deserialize;

use crate::AppState;
use crate::i18n::Tr;
use crate::pages::layout::{Layout, parse_as_of};
use crate::pages::security::forms::{Fields, after_post, field, parse_date, parse_number, shown};
use crate::pages::session::{PageForm, PageSession};

struct IndicatorLine {
    id: i64,
    name: String,
    unit: String,
    baseline: String,
    target: String,
    deadline: String,
    status_key: &'static str,
    status: String,
    explanation: Vec<String>,
    values: Vec<(String, String, String)>,
}

struct DocumentLine {
    id: i64,
    title: String,
    adopted_on: String,
    reference: String,
    indicators: Vec<IndicatorLine>,
}

#[derive(Template)]
#[template(path = "security_strategy.html")]
struct StrategyPage {
    layout: Layout,
    error: String,
    as_of: String,
    documents: Vec<DocumentLine>,
    counts: Vec<(&'static str, String, usize)>,
    rule: String,
    today: String,
    can_write: bool,
}

#[derive(Deserialize, Default)]
pub struct AsOfQuery {
    as_of: Option<String>,
}

async fn strategy_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    query: AsOfQuery,
    error: String,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let page = async {
        let as_of = parse_as_of(query.as_of.as_deref())?;
        let documents = state.app.strategy_monitoring(acting, as_of).await?;
        let mut counts: Vec<(&'static str, String, usize)> = IndicatorState::ALL
            .iter()
            .map(|s| (s.as_str(), tr.t(s.message_id()), 0))
            .collect();
        let documents = documents
            .into_iter()
            .map(|d| DocumentLine {
                id: d.document.id,
                title: d.document.title,
                adopted_on: d.document.adopted_on.to_string(),
                reference: d.document.reference,
                indicators: d
                    .indicators
                    .into_iter()
                    .map(|i| {
                        if let Some(c) = counts.iter_mut().find(|c| c.0 == i.status.as_str()) {
                            c.2 += 1;
                        }
                        IndicatorLine {
                            id: i.indicator.id,
                            status: tr.t(i.status.message_id()),
                            status_key: i.status.as_str(),
                            // The rule's own statement is shown once for the page.
                            explanation: i
                                .decision
                                .view(&tr.lang())
                                .explanation
                                .into_iter()
                                .take(1)
                                .collect(),
                            name: i.indicator.name,
                            unit: i.indicator.unit,
                            baseline: format!(
                                "{} ({})",
                                i.indicator.baseline, i.indicator.baseline_on
                            ),
                            target: i.indicator.target.to_string(),
                            deadline: i.indicator.deadline.to_string(),
                            values: i
                                .values
                                .into_iter()
                                .rev()
                                .map(|v| (v.measured_on.to_string(), v.value.to_string(), v.note))
                                .collect(),
                        }
                    })
                    .collect(),
            })
            .collect();
        Ok::<_, AppError>(StrategyPage {
            layout: Layout::signed_in(tr, session, "security", "security-strategy-title"),
            error: error.clone(),
            as_of: query.as_of.clone().unwrap_or_default(),
            documents,
            counts,
            rule: Message::new("rule-security-indicator-rule")
                .arg(
                    "share",
                    (qorgau_rules::security::AT_RISK_SHARE * 100.0).round() as i64,
                )
                .render(&tr.lang()),
            today: state.app.clock().today().to_string(),
            can_write: session.principal.can(Permission::WriteSecurity),
        })
    }
    .await;
    shown(tr, session, "security-strategy-title", error, page)
}

pub async fn strategy(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<AsOfQuery>,
) -> Response {
    strategy_page(&state, &tr, &session, query, String::new()).await
}

pub async fn create_document(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewDocument {
            title: field(&form, "title").to_owned(),
            adopted_on: parse_date("adopted_on", field(&form, "adopted_on"))?,
            reference: field(&form, "reference").to_owned(),
        };
        state
            .app
            .create_document(Acting::Principal(&session.principal), new)
            .await
    }
    .await;
    after_post(
        result,
        |id| format!("/security/strategy#document-{id}"),
        &tr,
        &session,
        |e| strategy_page(&state, &tr, &session, AsOfQuery::default(), e),
    )
    .await
}

pub async fn create_indicator(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewIndicator {
            document_id: parse_number("document_id", field(&form, "document_id"))?,
            name: field(&form, "name").to_owned(),
            unit: field(&form, "unit").to_owned(),
            baseline: parse_number("baseline", field(&form, "baseline"))?,
            baseline_on: parse_date("baseline_on", field(&form, "baseline_on"))?,
            target: parse_number("target", field(&form, "target"))?,
            deadline: parse_date("deadline", field(&form, "deadline"))?,
        };
        state
            .app
            .create_indicator(Acting::Principal(&session.principal), new)
            .await
    }
    .await;
    after_post(
        result,
        |id| format!("/security/strategy#indicator-{id}"),
        &tr,
        &session,
        |e| strategy_page(&state, &tr, &session, AsOfQuery::default(), e),
    )
    .await
}

pub async fn record_value(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewIndicatorValue {
            measured_on: parse_date("measured_on", field(&form, "measured_on"))?,
            value: parse_number("value", field(&form, "value"))?,
            note: field(&form, "note").to_owned(),
        };
        state
            .app
            .record_indicator_value(Acting::Principal(&session.principal), id, new)
            .await
    }
    .await;
    after_post(
        result,
        |_| format!("/security/strategy#indicator-{id}"),
        &tr,
        &session,
        |e| strategy_page(&state, &tr, &session, AsOfQuery::default(), e),
    )
    .await
}
