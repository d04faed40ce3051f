//! The command structure with strength figures, and the CSV imports of units and strength.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use qorgau_app::safety::structure::{ImportReport, StructureNode};
use qorgau_app::{Acting, AppError, Permission};
use serde::Deserialize;

use super::{fail, import_lines, label, layout, number};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::layout::{Layout, describe, render};
use crate::pages::session::{PageForm, PageSession};

#[derive(Deserialize, Default)]
pub struct StructureQuery {
    root_id: Option<String>,
}

#[derive(Template)]
#[template(path = "safety_structure.html")]
struct StructurePage {
    layout: Layout,
    body_query: String,
    error: String,
    /// (unit, its kind, its echelon, indentation)
    nodes: Vec<(StructureNode, String, String, String)>,
    can_write: bool,
    can_manage: bool,
    report: Option<(String, Vec<String>)>,
}

async fn structure_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    root: Option<String>,
    status: StatusCode,
    error: String,
    report: Option<ImportReport>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let result = async {
        let root = match root.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(text) => Some(number("root_id", text)?),
            None => None,
        };
        state.app.safety_structure(acting, root).await
    }
    .await;
    match result {
        Ok(nodes) => render(
            status,
            &StructurePage {
                layout: layout(tr, session),
                body_query: String::new(),
                error,
                nodes: nodes
                    .into_iter()
                    .take(3000)
                    .map(|n| {
                        let kind = label(tr, n.kind);
                        let echelon = n.echelon.map(|e| label(tr, e)).unwrap_or_default();
                        let indent = "· ".repeat(n.depth.min(8));
                        (n, kind, echelon, indent)
                    })
                    .collect(),
                can_write: session.principal.can(Permission::WriteSafety),
                can_manage: session.principal.can(Permission::ManageOrg),
                report: report.map(|r| import_lines(tr, &r)),
            },
        ),
        Err(e) => fail(e, tr, session),
    }
}

pub async fn structure(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<StructureQuery>,
) -> Response {
    structure_page(
        &state,
        &tr,
        &session,
        query.root_id,
        StatusCode::OK,
        String::new(),
        None,
    )
    .await
}

#[derive(Deserialize)]
pub struct CsvForm {
    csv: String,
}

pub async fn import_structure(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<CsvForm>,
) -> Response {
    let result = state
        .app
        .import_structure(Acting::Principal(&session.principal), &form.csv)
        .await;
    after_import(&state, &tr, &session, result).await
}

pub async fn import_strength(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<CsvForm>,
) -> Response {
    let result = state
        .app
        .import_strength(Acting::Principal(&session.principal), &form.csv)
        .await;
    after_import(&state, &tr, &session, result).await
}

async fn after_import(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    result: Result<ImportReport, AppError>,
) -> Response {
    match result {
        Ok(report) => {
            structure_page(
                state,
                tr,
                session,
                None,
                StatusCode::OK,
                String::new(),
                Some(report),
            )
            .await
        }
        Err(error @ AppError::Forbidden { .. }) => fail(error, tr, session),
        Err(error) => {
            let message = describe(&error, tr);
            structure_page(
                state,
                tr,
                session,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
                None,
            )
            .await
        }
    }
}
