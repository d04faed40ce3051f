//! Conscription pages: the register (search, import), a citizen's card, campaigns with their
//! funnel, officers' records, and the referral list.

mod campaigns;
mod referrals;
mod register;

pub use campaigns::{campaign, create_campaign, plan, record, send};
pub use referrals::{paper_pdf, referrals, referrals_pdf};
pub use register::{citizen, import, register};

use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use qorgau_app::AppError;
use qorgau_app::conscription::SummonsView;
use qorgau_i18n::Message;
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
}

fn local(stored: &str) -> String {
    let (date, time) = qorgau_app::printing::in_almaty(stored);
    format!("{date} {time}").trim().to_owned()
}

fn row(tr: &Tr, view: SummonsView) -> SummonsRow {
    SummonsRow {
        channel: tr.t(&format!(
            "channel-{}",
            view.summons.channel.replace('_', "-")
        )),
        appearance: local(&view.summons.appearance_at),
        notified: tr.t(&format!(
            "summons-notified-{}",
            view.notified.as_str().replace('_', "-")
        )),
        explanation: tr.t(view.notified_message),
        action: tr.t(&format!(
            "summons-action-{}",
            view.action.as_str().replace('_', "-")
        )),
        view,
    }
}

#[derive(Deserialize)]
pub struct AsOfQuery {
    as_of: Option<String>,
}

fn as_of(state: &AppState, query: &AsOfQuery) -> Result<NaiveDate, AppError> {
    Ok(crate::pages::layout::parse_as_of(query.as_of.as_deref())?
        .unwrap_or_else(|| state.app.clock().today()))
}
