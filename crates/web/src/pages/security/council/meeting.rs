//! A meeting of the Council: its agenda and the decisions taken on it.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use qorgau_app::security::council::{NewAgendaItem, NewDecision};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_rules::security::vocabulary::{AgendaKind, DecisionKind};
use serde::Deserialize;

use super::{DecisionLine, decision_line};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, submit};
use crate::pages::layout::Layout;
use crate::pages::security::forms::{
    body_choices, body_label, choices, optional_number, parse_date, parse_number, rendered, word,
};
use crate::pages::session::{PageForm, PageSession};

struct AgendaLine {
    id: i64,
    position: i64,
    kind: String,
    title: String,
    body: String,
}

#[derive(Template)]
#[template(path = "council_meeting.html")]
struct MeetingPage {
    layout: Layout,
    agenda_form: Filled<AgendaForm>,
    decision_form: Filled<DecisionForm>,
    id: i64,
    held_on: String,
    title: String,
    agenda: Vec<AgendaLine>,
    decisions: Vec<DecisionLine>,
    agenda_kinds: Vec<(&'static str, String)>,
    decision_kinds: Vec<(&'static str, String)>,
    body_choices: Vec<(i64, String)>,
    can_write: bool,
}

async fn meeting_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    forms: MeetingForms,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let status = forms.status();
    let agenda_form = forms.agenda.unwrap_or_default();
    let decision_form = forms.decision.unwrap_or_default();
    let page = async {
        let view = state.app.meeting(acting, id, None).await?;
        Ok::<_, AppError>(MeetingPage {
            layout: Layout::signed_in(tr, session, "security", "council-meeting-title"),
            agenda_form,
            decision_form,
            id,
            held_on: view.meeting.held_on.to_string(),
            title: view.meeting.title,
            agenda: view
                .agenda
                .into_iter()
                .map(|a| AgendaLine {
                    id: a.id,
                    position: a.position,
                    kind: tr.t(a.kind.message_id()),
                    title: a.title,
                    body: a.body.map(body_label).unwrap_or_default(),
                })
                .collect(),
            decisions: view
                .decisions
                .iter()
                .map(|d| decision_line(tr, d))
                .collect(),
            agenda_kinds: choices::<AgendaKind>(tr),
            decision_kinds: choices::<DecisionKind>(tr),
            body_choices: body_choices(),
            can_write: session.principal.can(Permission::WriteCouncil),
        })
    }
    .await;
    rendered(tr, session, "council-meeting-title", status, page)
}

pub async fn meeting(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    meeting_page(&state, &tr, &session, id, MeetingForms::default()).await
}

/// The forms of a meeting's page: the one refused, if any, with its error; the other new.
#[derive(Default)]
struct MeetingForms {
    agenda: Option<Filled<AgendaForm>>,
    decision: Option<Filled<DecisionForm>>,
}

impl MeetingForms {
    /// The status of the page: the refused form's, or 200.
    fn status(&self) -> StatusCode {
        self.agenda
            .as_ref()
            .map(Filled::status)
            .or(self.decision.as_ref().map(Filled::status))
            .unwrap_or(StatusCode::OK)
    }
}

/// An agenda item as posted.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AgendaForm {
    kind: String,
    title: String,
    body: String,
}

impl TryFrom<&AgendaForm> for NewAgendaItem {
    type Error = AppError;

    fn try_from(form: &AgendaForm) -> Result<Self, AppError> {
        Ok(NewAgendaItem {
            kind: word("kind", &form.kind)?,
            title: form.title.trim().to_owned(),
            body: optional_number("body", &form.body)?,
        })
    }
}

pub async fn add_agenda_item(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<AgendaForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "security",
        form,
        |new: NewAgendaItem| state.app.add_agenda_item(acting, id, new),
        |_| format!("/council/meetings/{id}"),
        |filled| {
            let forms = MeetingForms {
                agenda: Some(filled),
                ..MeetingForms::default()
            };
            meeting_page(&state, &tr, &session, id, forms)
        },
    )
    .await
}

/// A decision of the Council as posted.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    kind: String,
    text: String,
    body: String,
    deadline: String,
    agenda_item_id: String,
}

impl TryFrom<&DecisionForm> for NewDecision {
    type Error = AppError;

    fn try_from(form: &DecisionForm) -> Result<Self, AppError> {
        Ok(NewDecision {
            kind: word("kind", &form.kind)?,
            text: form.text.trim().to_owned(),
            body: parse_number("body", &form.body)?,
            deadline: parse_date("deadline", &form.deadline)?,
            agenda_item_id: optional_number("agenda_item_id", &form.agenda_item_id)?,
        })
    }
}

pub async fn create_decision(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<DecisionForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "security",
        form,
        |new: NewDecision| state.app.create_decision(acting, id, new),
        |decision| format!("/council/decisions/{decision}"),
        |filled| {
            let forms = MeetingForms {
                decision: Some(filled),
                ..MeetingForms::default()
            };
            meeting_page(&state, &tr, &session, id, forms)
        },
    )
    .await
}
