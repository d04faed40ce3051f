//! Incidents: the list of deaths and injuries, recording one, and the CSV import.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::Duration;
use qorgau_app::safety::incidents::{IncidentView, NewIncident};
use qorgau_app::safety::structure::ImportReport;
use qorgau_app::{Acting, AppError, Permission};
use qorgau_rules::safety::{Cause, IncidentActivity, IncidentKind};
use serde::Deserialize;

use super::{
    ActsQuery, Csv, MODULE, choices, chosen_body, fail, forms_status, import_lines, label, layout,
    number,
};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, refuse, submit};
use crate::pages::layout::{Layout, render};
use crate::pages::session::{PageForm, PageSession};

/// The first line of the import form: the columns the import reads.
const INCIDENT_COLUMNS: &str = "unit_id,occurred_on,kind,in_duty,cause,activity,description";

struct IncidentRow {
    i: IncidentView,
    kind: String,
    cause: String,
    activity: String,
    season: String,
}

#[derive(Template)]
#[template(path = "safety_incidents.html")]
struct IncidentsPage {
    layout: Layout,
    body_query: String,
    body_id: i64,
    bodies: Vec<(i64, String)>,
    units: Vec<(i64, String)>,
    incidents: Vec<IncidentRow>,
    can_write: bool,
    kinds: Vec<(&'static str, String)>,
    causes: Vec<(&'static str, String)>,
    activities: Vec<(&'static str, String)>,
    report: Option<(String, Vec<String>)>,
    incident_form: Filled<IncidentForm>,
    import_form: Filled<IncidentImportForm>,
}

/// The forms of the incidents page: the one refused carries the input and the error, the
/// others are shown unposted.
#[derive(Default)]
struct IncidentForms {
    incident: Option<Filled<IncidentForm>>,
    import: Option<Filled<IncidentImportForm>>,
}

async fn incidents_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    body: Option<String>,
    forms: IncidentForms,
    report: Option<ImportReport>,
) -> Response {
    let status = forms_status([
        forms.incident.as_ref().map(Filled::status),
        forms.import.as_ref().map(Filled::status),
    ]);
    let acting = Acting::Principal(&session.principal);
    let today = state.app.clock().today();
    let result = async {
        let (body_id, bodies) = chosen_body(state, acting, body.as_deref()).await?;
        let incidents = state
            .app
            .incidents(acting, body_id, today - Duration::days(365), today)
            .await?;
        let units = state.app.safety_structure(acting, Some(body_id)).await?;
        Ok::<_, AppError>((body_id, bodies, incidents, units))
    }
    .await;
    match result {
        Ok((body_id, bodies, incidents, units)) => render(
            status,
            &IncidentsPage {
                layout: layout(tr, session),
                body_query: format!("?body_id={body_id}"),
                // A new incident happened today, in duty; a refused one keeps what was typed.
                incident_form: forms.incident.unwrap_or_else(|| {
                    Filled::new(IncidentForm {
                        body_id: body_id.to_string(),
                        occurred_on: today.to_string(),
                        in_duty: "yes".to_owned(),
                        ..IncidentForm::default()
                    })
                }),
                import_form: forms.import.unwrap_or_else(|| {
                    Filled::new(IncidentImportForm {
                        body_id: body_id.to_string(),
                        csv: INCIDENT_COLUMNS.to_owned(),
                    })
                }),
                body_id,
                bodies,
                units: units
                    .into_iter()
                    .take(2000)
                    .map(|n| (n.id, format!("{}{}", "· ".repeat(n.depth.min(6)), n.name)))
                    .collect(),
                incidents: incidents
                    .into_iter()
                    .take(300)
                    .map(|i| IncidentRow {
                        kind: label(tr, i.kind),
                        cause: label(tr, i.cause),
                        activity: label(tr, i.activity),
                        season: label(tr, i.season),
                        i,
                    })
                    .collect(),
                can_write: session.principal.can(Permission::WriteSafety),
                kinds: choices::<IncidentKind>(tr),
                causes: choices::<Cause>(tr),
                activities: choices::<IncidentActivity>(tr),
                report: report.map(|r| import_lines(tr, &r)),
            },
        ),
        Err(e) => fail(e, tr, session),
    }
}

pub async fn incidents(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<ActsQuery>,
) -> Response {
    incidents_page(
        &state,
        &tr,
        &session,
        query.body_id,
        IncidentForms::default(),
        None,
    )
    .await
}

/// The incident form as posted (`in_duty` is absent when its box is not ticked).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct IncidentForm {
    body_id: String,
    unit_id: String,
    occurred_on: String,
    kind: String,
    #[serde(default)]
    in_duty: String,
    cause: String,
    activity: String,
    description: String,
}

impl TryFrom<&IncidentForm> for NewIncident {
    type Error = AppError;

    fn try_from(form: &IncidentForm) -> Result<Self, AppError> {
        Ok(NewIncident {
            unit_id: number("unit_id", &form.unit_id)?,
            occurred_on: form.occurred_on.clone(),
            kind: form.kind.clone(),
            in_duty: !form.in_duty.is_empty(),
            cause: form.cause.clone(),
            activity: form.activity.clone(),
            description: form.description.clone(),
        })
    }
}

pub async fn record_incident(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<IncidentForm>,
) -> Response {
    let app = &state.app;
    let acting = Acting::Principal(&session.principal);
    let body = form.body_id.clone();
    let to = format!(
        "/safety/incidents?body_id={}",
        crate::pages::session::form_urlencoded_component(body.trim())
    );
    submit(
        &tr,
        &session,
        MODULE,
        form,
        |input: NewIncident| app.record_incident(acting, input),
        |_| to,
        |filled| {
            let forms = IncidentForms {
                incident: Some(filled),
                ..IncidentForms::default()
            };
            incidents_page(&state, &tr, &session, Some(body), forms, None)
        },
    )
    .await
}

/// The import form as posted: the pasted CSV, shown again on a refusal.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct IncidentImportForm {
    body_id: String,
    csv: String,
}

impl TryFrom<&IncidentImportForm> for Csv {
    type Error = AppError;

    fn try_from(form: &IncidentImportForm) -> Result<Self, AppError> {
        Ok(Csv(form.csv.clone()))
    }
}

/// Imports incidents: the report is shown on the page (nothing to redirect to), a refusal
/// shows the pasted CSV again with the error.
pub async fn import_incidents(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<IncidentImportForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let body = Some(form.body_id.clone());
    let result = match Csv::try_from(&form) {
        Ok(Csv(csv)) => state.app.import_incidents(acting, &csv).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(report) => {
            incidents_page(
                &state,
                &tr,
                &session,
                body,
                IncidentForms::default(),
                Some(report),
            )
            .await
        }
        Err(error) => {
            refuse(&tr, &session, MODULE, form, error, |filled| {
                let forms = IncidentForms {
                    import: Some(filled),
                    ..IncidentForms::default()
                };
                incidents_page(&state, &tr, &session, body, forms, None)
            })
            .await
        }
    }
}
