//! Incidents: the list of deaths and injuries, recording one, and the CSV import.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;
use qorgau_app::safety::incidents::{IncidentView, NewIncident};
use qorgau_app::safety::structure::ImportReport;
use qorgau_app::{Acting, AppError, Permission};
use qorgau_rules::safety::{Cause, IncidentActivity, IncidentKind};
use serde::Deserialize;

use super::{ActsQuery, choices, chosen_body, fail, import_lines, label, layout, number};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::layout::{Layout, describe, render};
use crate::pages::session::{PageForm, PageSession};

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
    error: String,
    body_id: i64,
    bodies: Vec<(i64, String)>,
    units: Vec<(i64, String)>,
    incidents: Vec<IncidentRow>,
    can_write: bool,
    kinds: Vec<(&'static str, String)>,
    causes: Vec<(&'static str, String)>,
    activities: Vec<(&'static str, String)>,
    report: Option<(String, Vec<String>)>,
    today: String,
}

async fn incidents_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    body: Option<String>,
    status: StatusCode,
    error: String,
    report: Option<ImportReport>,
) -> Response {
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
                error,
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
                today: today.to_string(),
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
        StatusCode::OK,
        String::new(),
        None,
    )
    .await
}

#[derive(Deserialize)]
pub struct IncidentForm {
    body_id: String,
    unit_id: String,
    occurred_on: String,
    kind: String,
    #[serde(default)]
    in_duty: Option<String>,
    cause: String,
    activity: String,
    description: String,
}

pub async fn record_incident(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<IncidentForm>,
) -> Response {
    let result = async {
        state
            .app
            .record_incident(
                Acting::Principal(&session.principal),
                NewIncident {
                    unit_id: number("unit_id", &form.unit_id)?,
                    occurred_on: form.occurred_on.clone(),
                    kind: form.kind.clone(),
                    in_duty: form.in_duty.is_some(),
                    cause: form.cause.clone(),
                    activity: form.activity.clone(),
                    description: form.description.clone(),
                },
            )
            .await
    }
    .await;
    match result {
        Ok(_) => Redirect::to(&format!(
            "/safety/incidents?body_id={}",
            form.body_id.trim()
        ))
        .into_response(),
        Err(error @ AppError::Forbidden { .. }) => fail(error, &tr, &session),
        Err(error) => {
            let message = describe(&error, &tr);
            incidents_page(
                &state,
                &tr,
                &session,
                Some(form.body_id.clone()),
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
                None,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct IncidentImportForm {
    body_id: String,
    csv: String,
}

pub async fn import_incidents(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<IncidentImportForm>,
) -> Response {
    match state
        .app
        .import_incidents(Acting::Principal(&session.principal), &form.csv)
        .await
    {
        Ok(report) => {
            incidents_page(
                &state,
                &tr,
                &session,
                Some(form.body_id.clone()),
                StatusCode::OK,
                String::new(),
                Some(report),
            )
            .await
        }
        Err(error @ AppError::Forbidden { .. }) => fail(error, &tr, &session),
        Err(error) => {
            let message = describe(&error, &tr);
            incidents_page(
                &state,
                &tr,
                &session,
                Some(form.body_id.clone()),
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
                None,
            )
            .await
        }
    }
}
