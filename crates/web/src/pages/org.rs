//! The organisation tree page.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use qorgau_app::org::{NewUnitInput, UnitKind, UnitView};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use serde::Deserialize;

use super::form::{Filled, submit};
use super::layout::{Layout, PageError, render};
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
    form: Filled<UnitForm>,
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
    form: Option<Filled<UnitForm>>,
) -> Response {
    let form = form.unwrap_or_else(|| Filled::new(UnitForm::default()));
    let layout = Layout::signed_in(tr, session, "org", "org-title");
    match state
        .app
        .list_units(Acting::Principal(&session.principal))
        .await
    {
        Ok(units) => render(
            form.status(),
            &OrgPage {
                layout,
                units: units.into_iter().map(|u| UnitLine::new(u, tr)).collect(),
                can_manage: session.principal.can(Permission::ManageOrg),
                kinds: UnitKind::ALL.to_vec(),
                form,
            },
        ),
        Err(e) => PageError::new(e, tr, Some(layout)).into_response(),
    }
}

pub async fn page(State(state): State<AppState>, tr: Tr, session: PageSession) -> Response {
    org_page(&state, &tr, &session, None).await
}

/// The new-unit form as posted: text as typed, so a refused form shows it again unchanged.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct UnitForm {
    parent_id: String,
    name: String,
    kind: String,
}

impl TryFrom<&UnitForm> for NewUnitInput {
    type Error = AppError;

    fn try_from(form: &UnitForm) -> Result<Self, AppError> {
        let parent_id = form.parent_id.trim().parse().map_err(|_| {
            AppError::invalid(
                "parent_id",
                Message::new("invalid-number").arg("value", form.parent_id.as_str()),
            )
        })?;
        let kind = form.kind.trim().parse::<UnitKind>().map_err(|_| {
            AppError::invalid(
                "kind",
                Message::new("invalid-unit-kind").arg("value", form.kind.as_str()),
            )
        })?;
        Ok(NewUnitInput {
            parent_id,
            name: form.name.clone(),
            kind,
        })
    }
}

/// A new unit; the tree is shown again with it.
pub async fn create(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<UnitForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "org",
        form,
        |input: NewUnitInput| state.app.create_unit(acting, input),
        |_| "/org".to_owned(),
        |filled| org_page(&state, &tr, &session, Some(filled)),
    )
    .await
}
