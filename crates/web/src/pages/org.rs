//! The organisation tree page.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use qorgau_app::org::{NewUnitInput, UnitKind, UnitView};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use serde::Deserialize;

use super::layout::{Layout, PageError, describe, render};
use super::session::{PageForm, PageSession};
use crate::AppState;
use crate::i18n::Tr;

#[derive(Template)]
#[template(path = "org.html")]
struct OrgPage {
    layout: Layout,
    units: Vec<UnitLine>,
    can_manage: bool,
    kinds: Vec<UnitKind>,
    error: String,
}

/// A unit as the tree shows it: its kind named in the reader's language.
struct UnitLine {
    id: i64,
    name: String,
    kind: String,
    depth: usize,
}

impl UnitLine {
    fn new(unit: UnitView, tr: &Tr) -> Self {
        Self {
            id: unit.id,
            kind: tr.t(unit.kind.message_id()),
            name: unit.name,
            depth: unit.depth,
        }
    }
}

async fn org_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    status: StatusCode,
    error: String,
) -> Response {
    let layout = Layout::signed_in(tr, session, "org", "org-title");
    match state
        .app
        .list_units(Acting::Principal(&session.principal))
        .await
    {
        Ok(units) => render(
            status,
            &OrgPage {
                layout,
                units: units.into_iter().map(|u| UnitLine::new(u, tr)).collect(),
                can_manage: session.principal.can(Permission::ManageOrg),
                kinds: UnitKind::ALL.to_vec(),
                error,
            },
        ),
        Err(e) => PageError::new(e, tr, Some(layout)).into_response(),
    }
}

pub async fn page(State(state): State<AppState>, tr: Tr, session: PageSession) -> Response {
    org_page(&state, &tr, &session, StatusCode::OK, String::new()).await
}

#[derive(Deserialize)]
pub struct UnitForm {
    parent_id: String,
    name: String,
    kind: String,
}

pub async fn create(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<UnitForm>,
) -> Response {
    let result = async {
        let parent_id = form.parent_id.trim().parse().map_err(|_| {
            AppError::invalid(
                "parent_id",
                Message::new("invalid-number").arg("value", form.parent_id.as_str()),
            )
        })?;
        let kind = form.kind.parse::<UnitKind>().map_err(|_| {
            AppError::invalid(
                "kind",
                Message::new("invalid-unit-kind").arg("value", form.kind.as_str()),
            )
        })?;
        state
            .app
            .create_unit(
                Acting::Principal(&session.principal),
                NewUnitInput {
                    parent_id,
                    name: form.name.clone(),
                    kind,
                },
            )
            .await
    }
    .await;
    match result {
        Ok(_) => org_page(&state, &tr, &session, StatusCode::CREATED, String::new()).await,
        Err(error @ AppError::Forbidden { .. }) => PageError::new(
            error,
            &tr,
            Some(Layout::signed_in(&tr, &session, "org", "org-title")),
        )
        .into_response(),
        Err(error) => {
            let message = describe(&error, &tr);
            org_page(
                &state,
                &tr,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
            )
            .await
        }
    }
}
