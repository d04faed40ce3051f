//! A decision of the Council: its execution control, the execution reports and their review.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use qorgau_app::security::council::{NewExecutionReport, ReportReview};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_rules::security::vocabulary::ControlStatus;
use serde::Deserialize;

use super::{DecisionLine, decision_line};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, submit};
use crate::pages::layout::{Layout, PageError};
use crate::pages::security::forms::{parse_date, parse_number, rendered, word};
use crate::pages::session::{PageForm, PageSession};

struct ReportLine {
    id: i64,
    reported_on: String,
    text: String,
    by: String,
    review_key: String,
    review: String,
    note: String,
    reviewed_by: String,
}

#[derive(Template)]
#[template(path = "council_decision.html")]
struct DecisionPage {
    layout: Layout,
    report_form: Filled<ExecutionForm>,
    review_form: Filled<ReviewForm>,
    /// The report whose review was refused (0 for none): its row shows the input again.
    review_report: i64,
    decision: DecisionLine,
    explanation: Vec<String>,
    citations: Vec<String>,
    reports: Vec<ReportLine>,
    can_report: bool,
    can_review: bool,
}

async fn decision_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    forms: DecisionForms,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let status = forms.status();
    // A new report is of today; a refused one keeps what was typed.
    let report_form = forms.report.unwrap_or_else(|| {
        Filled::new(ExecutionForm {
            reported_on: state.app.clock().today().to_string(),
            ..ExecutionForm::default()
        })
    });
    let (review_report, review_form) = forms.review.unwrap_or_default();
    let page = async {
        let d = state.app.council_decision(acting, id, None).await?;
        let view = d.control.view(&tr.lang());
        let can_report = session.principal.can(Permission::WriteSecurity)
            && matches!(
                d.status,
                ControlStatus::Open | ControlStatus::Overdue | ControlStatus::Returned
            );
        let can_review = session.principal.can(Permission::WriteCouncil);
        // A refused form whose report was reviewed meanwhile, or a report form no longer
        // offered, shows its error above the forms.
        let review_shown = can_review
            && d.reports
                .iter()
                .any(|r| r.id == review_report && r.review.as_str() == "pending");
        Ok::<_, AppError>(DecisionPage {
            layout: Layout::signed_in(tr, session, "security", "council-decision-title"),
            report_form: report_form.shown_if(can_report),
            review_form: review_form.shown_if(review_shown),
            review_report,
            decision: decision_line(tr, &d),
            explanation: view.explanation,
            citations: view.citations.iter().map(|c| c.to_string()).collect(),
            reports: d
                .reports
                .iter()
                .map(|r| ReportLine {
                    id: r.id,
                    reported_on: r.reported_on.to_string(),
                    text: r.text.clone(),
                    by: r.reported_by.clone(),
                    review_key: r.review.as_str().to_owned(),
                    review: tr.t(r.review.message_id()),
                    note: r.review_note.clone(),
                    reviewed_by: r.reviewed_by.clone().unwrap_or_default(),
                })
                .collect(),
            can_report,
            can_review,
        })
    }
    .await;
    rendered(tr, session, "council-decision-title", status, page)
}

pub async fn decision(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    decision_page(&state, &tr, &session, id, DecisionForms::default()).await
}

/// The forms of a decision's page: the one refused, if any, with its error; the other new.
#[derive(Default)]
struct DecisionForms {
    report: Option<Filled<ExecutionForm>>,
    /// The report whose review was refused, and the review form.
    review: Option<(i64, Filled<ReviewForm>)>,
}

impl DecisionForms {
    /// The status of the page: the refused form's, or 200.
    fn status(&self) -> StatusCode {
        self.report
            .as_ref()
            .map(Filled::status)
            .or(self.review.as_ref().map(|(_, review)| review.status()))
            .unwrap_or(StatusCode::OK)
    }
}

/// An execution report as posted.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ExecutionForm {
    reported_on: String,
    text: String,
}

impl TryFrom<&ExecutionForm> for NewExecutionReport {
    type Error = AppError;

    fn try_from(form: &ExecutionForm) -> Result<Self, AppError> {
        Ok(NewExecutionReport {
            reported_on: parse_date("reported_on", &form.reported_on)?,
            text: form.text.trim().to_owned(),
        })
    }
}

pub async fn report_execution(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<ExecutionForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "security",
        form,
        |new: NewExecutionReport| state.app.report_execution(acting, id, new),
        |_| format!("/council/decisions/{id}"),
        |filled| {
            let forms = DecisionForms {
                report: Some(filled),
                ..DecisionForms::default()
            };
            decision_page(&state, &tr, &session, id, forms)
        },
    )
    .await
}

/// A review of an execution report as posted: the button pressed gives `review`; the decision
/// is where the page returns to.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ReviewForm {
    decision_id: String,
    review: String,
    note: String,
}

impl TryFrom<&ReviewForm> for ReportReview {
    type Error = AppError;

    fn try_from(form: &ReviewForm) -> Result<Self, AppError> {
        Ok(ReportReview {
            review: word("review", &form.review)?,
            note: form.note.trim().to_owned(),
        })
    }
}

pub async fn review_report(
    State(state): State<AppState>,
    tr: Tr,
    Path(report): Path<i64>,
    PageForm { session, form }: PageForm<ReviewForm>,
) -> Response {
    // Without the decision there is no page to show the form on again: the error page.
    let decision: i64 = match parse_number("decision_id", &form.decision_id) {
        Ok(id) => id,
        Err(e) => {
            return PageError::new(
                e,
                &tr,
                Some(Layout::signed_in(
                    &tr,
                    &session,
                    "security",
                    "council-title",
                )),
            )
            .into_response();
        }
    };
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "security",
        form,
        |review: ReportReview| state.app.review_execution(acting, report, review),
        |()| format!("/council/decisions/{decision}"),
        |filled| {
            let forms = DecisionForms {
                review: Some((report, filled)),
                ..DecisionForms::default()
            };
            decision_page(&state, &tr, &session, decision, forms)
        },
    )
    .await
}
