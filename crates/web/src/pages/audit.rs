//! The audit log page with the chain's verification.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use qorgau_app::Acting;
use qorgau_store::audit::LoggedEntry;

use super::layout::{Layout, PageError, render};
use super::session::PageSession;
use crate::AppState;
use crate::i18n::Tr;

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    layout: Layout,
    entries: Vec<Entry>,
    intact: bool,
    verification: String,
}

/// An entry with its action named in the reader's language (the stored code stays as the title).
struct Entry {
    row: Line,
    label: String,
}

/// The columns of an entry as the table prints them: the instant in its stored form, the action
/// by its stored code.
struct Line {
    seq: i64,
    at: String,
    actor: String,
    action: String,
    entity: String,
    entity_id: String,
    before_json: Option<String>,
    after_json: Option<String>,
}

impl Entry {
    /// An action this version cannot read is shown by its stored code.
    fn new(entry: LoggedEntry, tr: &Tr) -> Self {
        let row = entry.stored;
        Self {
            label: entry
                .action
                .map_or_else(|| row.action.clone(), |a| tr.t(a.message_id())),
            row: Line {
                seq: row.seq,
                at: row.at,
                actor: row.actor,
                action: row.action,
                entity: row.entity,
                entity_id: row.entity_id,
                before_json: row.before_json,
                after_json: row.after_json,
            },
        }
    }
}

pub async fn page(State(state): State<AppState>, tr: Tr, session: PageSession) -> Response {
    let layout = Layout::signed_in(&tr, &session, "audit", "audit-title");
    let acting = Acting::Principal(&session.principal);
    let verification = match state.app.verify_audit(acting).await {
        Ok(v) => v,
        Err(e) => return PageError::new(e, &tr, Some(layout)).into_response(),
    };
    let entries = match state.app.latest_audit(acting, 200).await {
        Ok(rows) => rows,
        Err(e) => return PageError::new(e, &tr, Some(layout)).into_response(),
    };
    let text = match &verification.first_break {
        None => tr.t1("audit-intact", "entries", &verification.entries.to_string()),
        Some(b) => tr.t2(
            "audit-broken",
            "seq",
            &b.seq.to_string(),
            "reason",
            &tr.t(b.reason.message_id()),
        ),
    };
    render(
        StatusCode::OK,
        &AuditPage {
            layout,
            entries: entries
                .into_iter()
                .map(|row| Entry::new(row, &tr))
                .collect(),
            intact: verification.is_intact(),
            verification: text,
        },
    )
}
