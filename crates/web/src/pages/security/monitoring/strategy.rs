//! The strategic documents and their indicators with recorded values.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use qorgau_app::security::monitoring::{NewDocument, NewIndicator, NewIndicatorValue};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use qorgau_rules::security::vocabulary::IndicatorState;
use serde::Deserialize;

use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, submit};
use crate::pages::layout::{Layout, parse_as_of};
use crate::pages::security::forms::{parse_date, parse_number, rendered};
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
    document: Filled<DocumentForm>,
    indicator: Filled<IndicatorForm>,
    value: Filled<ValueForm>,
    /// The indicator whose value form was refused (0 for none): its row shows the input again.
    value_indicator: i64,
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
    forms: StrategyForms,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let today = state.app.clock().today().to_string();
    let status = forms.status();
    let document = forms.document.unwrap_or_else(|| {
        Filled::new(DocumentForm {
            adopted_on: today.clone(),
            ..DocumentForm::default()
        })
    });
    let indicator = forms.indicator.unwrap_or_default();
    // The value forms of the rows start on today; only a refused one shows its input.
    let (value_indicator, value) = forms.value.unwrap_or_default();
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
            document,
            indicator,
            value,
            value_indicator,
            as_of: query.as_of.clone().unwrap_or_default(),
            documents,
            counts,
            rule: Message::new("rule-security-indicator-rule")
                .arg(
                    "share",
                    (qorgau_rules::security::AT_RISK_SHARE * 100.0).round() as i64,
                )
                .render(&tr.lang()),
            today,
            can_write: session.principal.can(Permission::WriteSecurity),
        })
    }
    .await;
    rendered(tr, session, "security-strategy-title", status, page)
}

pub async fn strategy(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<AsOfQuery>,
) -> Response {
    strategy_page(&state, &tr, &session, query, StrategyForms::default()).await
}

/// The forms of the strategy page: the one refused, if any, with its error; the others new.
#[derive(Default)]
struct StrategyForms {
    document: Option<Filled<DocumentForm>>,
    indicator: Option<Filled<IndicatorForm>>,
    /// The indicator the refused value was for, and the value form.
    value: Option<(i64, Filled<ValueForm>)>,
}

impl StrategyForms {
    /// The status of the page: the refused form's, or 200.
    fn status(&self) -> StatusCode {
        self.document
            .as_ref()
            .map(Filled::status)
            .or(self.indicator.as_ref().map(Filled::status))
            .or(self.value.as_ref().map(|(_, value)| value.status()))
            .unwrap_or(StatusCode::OK)
    }
}

/// A strategic document as posted.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DocumentForm {
    title: String,
    adopted_on: String,
    reference: String,
}

impl TryFrom<&DocumentForm> for NewDocument {
    type Error = AppError;

    fn try_from(form: &DocumentForm) -> Result<Self, AppError> {
        Ok(NewDocument {
            title: form.title.trim().to_owned(),
            adopted_on: parse_date("adopted_on", &form.adopted_on)?,
            reference: form.reference.trim().to_owned(),
        })
    }
}

pub async fn create_document(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<DocumentForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "security",
        form,
        |new: NewDocument| state.app.create_document(acting, new),
        |id| format!("/security/strategy#document-{id}"),
        |filled| {
            let forms = StrategyForms {
                document: Some(filled),
                ..StrategyForms::default()
            };
            strategy_page(&state, &tr, &session, AsOfQuery::default(), forms)
        },
    )
    .await
}

/// A target indicator as posted.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct IndicatorForm {
    document_id: String,
    name: String,
    unit: String,
    baseline: String,
    baseline_on: String,
    target: String,
    deadline: String,
}

impl TryFrom<&IndicatorForm> for NewIndicator {
    type Error = AppError;

    fn try_from(form: &IndicatorForm) -> Result<Self, AppError> {
        Ok(NewIndicator {
            document_id: parse_number("document_id", &form.document_id)?,
            name: form.name.trim().to_owned(),
            unit: form.unit.trim().to_owned(),
            baseline: parse_number("baseline", &form.baseline)?,
            baseline_on: parse_date("baseline_on", &form.baseline_on)?,
            target: parse_number("target", &form.target)?,
            deadline: parse_date("deadline", &form.deadline)?,
        })
    }
}

pub async fn create_indicator(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<IndicatorForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "security",
        form,
        |new: NewIndicator| state.app.create_indicator(acting, new),
        |id| format!("/security/strategy#indicator-{id}"),
        |filled| {
            let forms = StrategyForms {
                indicator: Some(filled),
                ..StrategyForms::default()
            };
            strategy_page(&state, &tr, &session, AsOfQuery::default(), forms)
        },
    )
    .await
}

/// A measured value of an indicator as posted.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ValueForm {
    measured_on: String,
    value: String,
    note: String,
}

impl TryFrom<&ValueForm> for NewIndicatorValue {
    type Error = AppError;

    fn try_from(form: &ValueForm) -> Result<Self, AppError> {
        Ok(NewIndicatorValue {
            measured_on: parse_date("measured_on", &form.measured_on)?,
            value: parse_number("value", &form.value)?,
            note: form.note.trim().to_owned(),
        })
    }
}

pub async fn record_value(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<ValueForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "security",
        form,
        |new: NewIndicatorValue| state.app.record_indicator_value(acting, id, new),
        |_| format!("/security/strategy#indicator-{id}"),
        |filled| {
            let forms = StrategyForms {
                value: Some((id, filled)),
                ..StrategyForms::default()
            };
            strategy_page(&state, &tr, &session, AsOfQuery::default(), forms)
        },
    )
    .await
}
