//! The command structure with strength figures, and the CSV imports of units and strength.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use qorgau_app::safety::structure::{ImportReport, StructureNode};
use qorgau_app::{Acting, AppError, Permission};
use serde::Deserialize;

use super::{Csv, MODULE, fail, forms_status, import_lines, label, layout, number};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, refuse};
use crate::pages::layout::{Layout, render};
use crate::pages::session::{PageForm, PageSession};

/// The first lines of the import forms: the columns each import reads.
const STRUCTURE_COLUMNS: &str = "key,parent,name,kind";
const STRENGTH_COLUMNS: &str = "unit_id,month,personnel";

#[derive(Deserialize, Default)]
pub struct StructureQuery {
    root_id: Option<String>,
}

#[derive(Template)]
#[template(path = "safety_structure.html")]
struct StructurePage {
    layout: Layout,
    body_query: String,
    /// (unit, its kind, its echelon, indentation)
    nodes: Vec<(StructureNode, String, String, String)>,
    can_write: bool,
    can_manage: bool,
    report: Option<(String, Vec<String>)>,
    structure_form: Filled<CsvForm>,
    strength_form: Filled<CsvForm>,
}

/// Which of the two imports a CSV was posted to.
#[derive(Debug, Clone, Copy)]
enum Import {
    Structure,
    Strength,
}

/// The forms of the structure page: the one refused carries the pasted CSV and the error,
/// the other is shown unposted.
#[derive(Default)]
struct StructureForms {
    structure: Option<Filled<CsvForm>>,
    strength: Option<Filled<CsvForm>>,
}

impl StructureForms {
    fn refused(which: Import, filled: Filled<CsvForm>) -> Self {
        match which {
            Import::Structure => Self {
                structure: Some(filled),
                strength: None,
            },
            Import::Strength => Self {
                structure: None,
                strength: Some(filled),
            },
        }
    }
}

async fn structure_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    root: Option<String>,
    forms: StructureForms,
    report: Option<ImportReport>,
) -> Response {
    let status = forms_status([
        forms.structure.as_ref().map(Filled::status),
        forms.strength.as_ref().map(Filled::status),
    ]);
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
                structure_form: forms
                    .structure
                    .unwrap_or_else(|| Filled::new(CsvForm::of(STRUCTURE_COLUMNS))),
                strength_form: forms
                    .strength
                    .unwrap_or_else(|| Filled::new(CsvForm::of(STRENGTH_COLUMNS))),
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
        StructureForms::default(),
        None,
    )
    .await
}

/// An import form as posted: the pasted CSV, shown again on a refusal.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CsvForm {
    csv: String,
}

impl CsvForm {
    /// A form not yet posted, holding the columns its import reads.
    fn of(columns: &str) -> Self {
        Self {
            csv: columns.to_owned(),
        }
    }
}

impl TryFrom<&CsvForm> for Csv {
    type Error = AppError;

    fn try_from(form: &CsvForm) -> Result<Self, AppError> {
        Ok(Csv(form.csv.clone()))
    }
}

pub async fn import_structure(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<CsvForm>,
) -> Response {
    import(&state, &tr, &session, form, Import::Structure).await
}

pub async fn import_strength(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<CsvForm>,
) -> Response {
    import(&state, &tr, &session, form, Import::Strength).await
}

/// Runs an import: its report is shown on the page (there is nothing to redirect to), a
/// refusal shows the pasted CSV again with the error.
async fn import(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    form: CsvForm,
    which: Import,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let result = match Csv::try_from(&form) {
        Ok(Csv(csv)) => match which {
            Import::Structure => state.app.import_structure(acting, &csv).await,
            Import::Strength => state.app.import_strength(acting, &csv).await,
        },
        Err(error) => Err(error),
    };
    match result {
        Ok(report) => {
            structure_page(
                state,
                tr,
                session,
                None,
                StructureForms::default(),
                Some(report),
            )
            .await
        }
        Err(error) => {
            refuse(tr, session, MODULE, form, error, |filled| {
                let forms = StructureForms::refused(which, filled);
                structure_page(state, tr, session, None, forms, None)
            })
            .await
        }
    }
}
