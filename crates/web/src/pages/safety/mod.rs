//! Security of military service pages: the overview of a body (Plans, coverage, reminders,
//! overdue eliminations, analyses due), the structure, a Plan, Acts, incidents and the
//! analysis with its charts.

mod acts;
mod analysis;
mod incidents;
mod overview;
mod plans;
mod structure;

pub use acts::{acknowledge_act, act, act_pdf, acts, delete_act, eliminate_violation, record_act};
pub use analysis::{analysis, analysis_pdf, conclude};
pub use incidents::{import_incidents, incidents, record_incident};
pub use overview::{overview, record_training};
pub use plans::{
    approve_plan, complete_activity, create_plan, plan, plan_pdf, revise_plan, save_draft,
};
pub use structure::{import_strength, import_structure, structure};

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use qorgau_app::org::UnitKind;
use qorgau_app::safety::structure::ImportReport;
use qorgau_app::{Acting, AppError};
use qorgau_i18n::{Message, Vocabulary};
use serde::Deserialize;

use crate::AppState;
use crate::i18n::Tr;
use crate::pages::layout::{Layout, PageError};
use crate::pages::session::PageSession;

/// The module the pages' layout and refusals belong to.
const MODULE: &str = "safety";

fn layout(tr: &Tr, session: &PageSession) -> Layout {
    Layout::signed_in(tr, session, MODULE, "safety-title")
}

/// The error page, for a page that cannot be shown at all (not for a refused form).
fn fail(error: AppError, tr: &Tr, session: &PageSession) -> Response {
    PageError::new(error, tr, Some(layout(tr, session))).into_response()
}

/// The status of a page showing several forms: the refused one's, 200 when none was.
fn forms_status(forms: impl IntoIterator<Item = Option<StatusCode>>) -> StatusCode {
    forms.into_iter().flatten().next().unwrap_or(StatusCode::OK)
}

/// A day as a form gives it (YYYY-MM-DD), refused on `field`.
fn parse_date(field: &'static str, text: &str) -> Result<NaiveDate, AppError> {
    text.trim()
        .parse()
        .map_err(|_| AppError::invalid(field, Message::new("invalid-date").arg("value", text)))
}

/// A pasted CSV as an import takes it.
struct Csv(String);

fn number<T: std::str::FromStr>(field: &'static str, text: &str) -> Result<T, AppError> {
    text.trim()
        .parse()
        .map_err(|_| AppError::invalid(field, Message::new("invalid-number").arg("value", text)))
}

/// The catalogue label of a word of a closed vocabulary.
fn label<T: Vocabulary>(tr: &Tr, word: T) -> String {
    tr.t(word.label_id())
}

use crate::pages::form::{choices, word as parse_word};

fn pdf(bytes: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "application/pdf")], bytes).into_response()
}

/// The bodies offered in the chooser: bodies of military command down to the
/// operational-tactical level (deeper ones are reached through the ranking's links).
async fn bodies(state: &AppState, acting: Acting<'_>) -> Result<Vec<(i64, String)>, AppError> {
    Ok(state
        .app
        .safety_structure(acting, None)
        .await?
        .into_iter()
        .filter(|n| {
            matches!(
                n.kind,
                UnitKind::OperationalStrategic
                    | UnitKind::OperationalTerritorial
                    | UnitKind::OperationalTactical
            )
        })
        .map(|n| (n.id, format!("{}{}", "· ".repeat(n.depth.min(6)), n.name)))
        .collect())
}

async fn chosen_body(
    state: &AppState,
    acting: Acting<'_>,
    body_id: Option<&str>,
) -> Result<(i64, Vec<(i64, String)>), AppError> {
    let choices = bodies(state, acting).await?;
    let id = match body_id.map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => number("body_id", text)?,
        None => choices
            .first()
            .map(|(id, _)| *id)
            .ok_or(AppError::NotFound {
                entity: "body of military command",
                id: String::new(),
            })?,
    };
    Ok((id, choices))
}

fn import_lines(tr: &Tr, report: &ImportReport) -> (String, Vec<String>) {
    (
        tr.message(&Message::new("safety-imported").arg("count", report.imported)),
        report
            .rejected
            .iter()
            .map(|r| {
                tr.message(
                    &Message::new("safety-rejected")
                        .arg("line", r.line)
                        .arg("column", r.column.as_str())
                        .arg("reason", tr.message(&r.reason)),
                )
            })
            .collect(),
    )
}

#[derive(Deserialize, Default)]
pub struct ActsQuery {
    body_id: Option<String>,
}
