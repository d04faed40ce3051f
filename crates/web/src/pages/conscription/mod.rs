//! Conscription pages: the register (search, import), a citizen's card, campaigns with their
//! funnel, officers' records, and the referral list.

mod campaigns;
mod referrals;
mod register;

pub use campaigns::{campaign, create_campaign, plan, record, send};
pub use referrals::{paper_pdf, referrals, referrals_pdf};
pub use register::{citizen, import, register};

use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, Utc};
use qorgau_app::AppError;
use qorgau_app::conscription::SummonsView;
use qorgau_i18n::Message;
use qorgau_rules::conscription::AbsenceReason;
use serde::Deserialize;

use crate::AppState;
use crate::i18n::Tr;
use crate::pages::layout::{Layout, PageError};
use crate::pages::session::PageSession;

fn number(field: &'static str, text: &str) -> Result<i64, AppError> {
    text.trim()
        .parse()
        .map_err(|_| AppError::invalid(field, Message::new("invalid-number").arg("value", text)))
}

fn layout(tr: &Tr, session: &PageSession) -> Layout {
    Layout::signed_in(tr, session, "conscription", "citizens-title")
}

fn fail(error: AppError, tr: &Tr, session: &PageSession) -> Response {
    PageError::new(error, tr, Some(layout(tr, session))).into_response()
}

/// A summons as a table row shows it.
struct SummonsRow {
    view: SummonsView,
    channel: String,
    appearance: String,
    notified: String,
    explanation: String,
    action: String,
    /// The reported reason with the rule's decision on it; empty when none was reported.
    excuse: String,
    /// The summons waits for an officer's finding on another reason.
    awaits_finding: bool,
}

/// An instant as its Almaty date and time of day ("2026-12-03 09:00").
fn local(at: DateTime<Utc>) -> String {
    at.with_timezone(&qorgau_rules::almaty())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

fn row(tr: &Tr, view: SummonsView) -> SummonsRow {
    SummonsRow {
        channel: tr.t(view.summons.channel.message_id()),
        appearance: local(view.summons.appearance_at),
        notified: tr.t(view.notified.message_id()),
        explanation: tr.t(view.notified_message),
        action: tr.t(view.action.message_id()),
        excuse: excuse_cell(tr, &view),
        awaits_finding: view
            .summons
            .excuse
            .as_ref()
            .is_some_and(|e| e.reason == AbsenceReason::Other && e.finding.is_none()),
        view,
    }
}

/// The reported reason as the law names it, the citizen's words for another one, and what the
/// rule decides of it on the day shown.
fn excuse_cell(tr: &Tr, view: &SummonsView) -> String {
    let (Some(reported), Some(status)) = (&view.summons.excuse, view.excuse) else {
        return String::new();
    };
    let reason = tr.t(reported.reason.message_id());
    let status = tr.t(status.message_id());
    let message = match &reported.text {
        Some(words) => Message::new("summons-excuse-with-words").arg("words", words.as_str()),
        None => Message::new("summons-excuse"),
    };
    tr.message(&message.arg("reason", reason).arg("status", status))
}

#[derive(Deserialize)]
pub struct AsOfQuery {
    as_of: Option<String>,
}

fn as_of(state: &AppState, query: &AsOfQuery) -> Result<NaiveDate, AppError> {
    Ok(crate::pages::layout::parse_as_of(query.as_of.as_deref())?
        .unwrap_or_else(|| state.app.clock().today()))
}
