//! Measures of Art. 18.3: the list, creating one, a measure's page and its progress reports.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use qorgau_app::security::monitoring::{ListedEntry, NewMeasure, NewMeasureReport};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_rules::security::vocabulary::MeasureStatus;
use serde::Deserialize;

use super::{MeasureLine, kind_name, measure_line};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, submit};
use crate::pages::layout::Layout;
use crate::pages::security::forms::{
    Checks, body_choices, choices, parse_date, parse_number, rendered, word,
};
use crate::pages::session::{PageForm, PageSession};

#[derive(Template)]
#[template(path = "security_measures.html")]
struct MeasuresPage {
    layout: Layout,
    form: Filled<MeasureForm>,
    measures: Vec<MeasureLine>,
    kinds: Vec<(i64, String)>,
    threat_choices: Vec<ListedEntry>,
    body_choices: Vec<(i64, String)>,
    overdue: i64,
    can_write: bool,
}

async fn measures_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    form: Option<Filled<MeasureForm>>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let form = form.unwrap_or_default();
    let status = form.status();
    let page = async {
        let measures = state.app.measures(acting, None).await?;
        let (threat_choices, _) = state
            .app
            .threats_and_interests(acting, state.app.clock().today())
            .await?;
        Ok::<_, AppError>(MeasuresPage {
            layout: Layout::signed_in(tr, session, "security", "security-measures-title"),
            form,
            overdue: measures.iter().filter(|m| m.overdue).count() as i64,
            measures: measures.into_iter().map(|m| measure_line(tr, m)).collect(),
            kinds: (1..=6).map(|k| (k, kind_name(k))).collect(),
            threat_choices,
            body_choices: body_choices(),
            can_write: session.principal.can(Permission::WriteSecurity),
        })
    }
    .await;
    rendered(tr, session, "security-measures-title", status, page)
}

pub async fn measures(State(state): State<AppState>, tr: Tr, session: PageSession) -> Response {
    measures_page(&state, &tr, &session, None).await
}

/// A measure as posted; the threats answered and the responsible bodies are check boxes
/// `threat_KEY` and `body_N`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct MeasureForm {
    title: String,
    kind: String,
    description: String,
    deadline: String,
    #[serde(flatten)]
    checks: Checks,
}

impl TryFrom<&MeasureForm> for NewMeasure {
    type Error = AppError;

    fn try_from(form: &MeasureForm) -> Result<Self, AppError> {
        Ok(NewMeasure {
            title: form.title.trim().to_owned(),
            kind: parse_number("kind", &form.kind)?,
            description: form.description.trim().to_owned(),
            deadline: parse_date("deadline", &form.deadline)?,
            threats: form.checks.keys("threat_"),
            bodies: form.checks.numbers("body_"),
        })
    }
}

pub async fn create_measure(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<MeasureForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "security",
        form,
        |new: NewMeasure| state.app.create_measure(acting, new),
        |id| format!("/security/measures/{id}"),
        |filled| measures_page(&state, &tr, &session, Some(filled)),
    )
    .await
}

#[derive(Template)]
#[template(path = "security_measure.html")]
struct MeasurePage {
    layout: Layout,
    form: Filled<ReportForm>,
    measure: MeasureLine,
    description: String,
    reports: Vec<(String, String, String, String)>,
    statuses: Vec<(&'static str, String)>,
    can_write: bool,
}

async fn measure_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    form: Option<Filled<ReportForm>>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    // A new report is of today; a refused one keeps what was typed.
    let form = form.unwrap_or_else(|| {
        Filled::new(ReportForm {
            reported_on: state.app.clock().today().to_string(),
            ..ReportForm::default()
        })
    });
    let status = form.status();
    let page = async {
        let detail = state.app.measure(acting, id, None).await?;
        Ok::<_, AppError>(MeasurePage {
            layout: Layout::signed_in(tr, session, "security", "security-measure-title"),
            form,
            description: detail.view.measure.description.clone(),
            measure: measure_line(tr, detail.view),
            reports: detail
                .reports
                .into_iter()
                .map(|r| {
                    (
                        r.reported_on.to_string(),
                        tr.t(r.status_after.message_id()),
                        r.text,
                        r.reported_by,
                    )
                })
                .collect(),
            statuses: choices::<MeasureStatus>(tr),
            can_write: session.principal.can(Permission::WriteSecurity),
        })
    }
    .await;
    rendered(tr, session, "security-measure-title", status, page)
}

pub async fn measure(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    measure_page(&state, &tr, &session, id, None).await
}

/// A progress report on a measure as posted.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    reported_on: String,
    text: String,
    status: String,
}

impl TryFrom<&ReportForm> for NewMeasureReport {
    type Error = AppError;

    fn try_from(form: &ReportForm) -> Result<Self, AppError> {
        Ok(NewMeasureReport {
            reported_on: parse_date("reported_on", &form.reported_on)?,
            text: form.text.trim().to_owned(),
            status: word("status", &form.status)?,
        })
    }
}

pub async fn report_measure(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<ReportForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "security",
        form,
        |new: NewMeasureReport| state.app.report_measure(acting, id, new),
        |_| format!("/security/measures/{id}"),
        |filled| measure_page(&state, &tr, &session, id, Some(filled)),
    )
    .await
}
