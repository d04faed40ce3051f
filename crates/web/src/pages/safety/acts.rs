//! Acts of control: the list with coverage, recording an Act with its violations, an Act's
//! page and PDF, acknowledgement, elimination of violations and deletion after retention.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Duration, NaiveDate};
use qorgau_app::safety::acts::{ActView, NewAct, NewViolation};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use qorgau_rules::safety::ViolationCategory;
use qorgau_store::safety::OverdueViolation;
use serde::Deserialize;

use super::{ActsQuery, choices, chosen_body, fail, label, layout, number, pdf};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::layout::{Layout, describe, render};
use crate::pages::session::{PageForm, PageSession};

struct ActRow {
    view: ActView,
    violations: usize,
}

#[derive(Template)]
#[template(path = "safety_acts.html")]
struct ActsPage {
    layout: Layout,
    body_query: String,
    error: String,
    body_id: i64,
    bodies: Vec<(i64, String)>,
    units: Vec<(i64, String)>,
    acts: Vec<ActRow>,
    overdue: Vec<OverdueViolation>,
    can_write: bool,
    categories: Vec<(&'static str, String)>,
    today: String,
}

async fn acts_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    body: Option<String>,
    status: StatusCode,
    error: String,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let today = state.app.clock().today();
    let result = async {
        let (body_id, bodies) = chosen_body(state, acting, body.as_deref()).await?;
        let acts = state
            .app
            .acts(acting, body_id, today - Duration::days(365), today)
            .await?;
        let overdue = state.app.overdue_violations(acting, body_id).await?;
        let units = state.app.safety_structure(acting, Some(body_id)).await?;
        Ok::<_, AppError>((body_id, bodies, acts, overdue, units))
    }
    .await;
    match result {
        Ok((body_id, bodies, acts, overdue, units)) => render(
            status,
            &ActsPage {
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
                acts: acts
                    .into_iter()
                    .take(200)
                    .map(|view| ActRow {
                        violations: view.violations.len(),
                        view,
                    })
                    .collect(),
                overdue: overdue.into_iter().take(100).collect(),
                can_write: session.principal.can(Permission::WriteSafety),
                categories: choices::<ViolationCategory>(tr),
                today: today.to_string(),
            },
        ),
        Err(e) => fail(e, tr, session),
    }
}

pub async fn acts(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<ActsQuery>,
) -> Response {
    acts_page(
        &state,
        &tr,
        &session,
        query.body_id,
        StatusCode::OK,
        String::new(),
    )
    .await
}

#[derive(Deserialize)]
pub struct ActForm {
    body_id: String,
    unit_id: String,
    grounds: String,
    chair: String,
    members: String,
    period_from: String,
    period_to: String,
    violations: String,
    proposals: String,
    report_by: String,
}

pub async fn record_act(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<ActForm>,
) -> Response {
    let result = async {
        let mut violations = Vec::new();
        for line in form
            .violations
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            let (category, description) = line.split_once(';').unwrap_or((line, ""));
            violations.push(NewViolation {
                category: category.trim().to_owned(),
                description: description.trim().to_owned(),
            });
        }
        state
            .app
            .record_act(
                Acting::Principal(&session.principal),
                NewAct {
                    body_id: number("body_id", &form.body_id)?,
                    unit_id: number("unit_id", &form.unit_id)?,
                    grounds: form.grounds.clone(),
                    chair: form.chair.clone(),
                    members: form
                        .members
                        .lines()
                        .map(str::to_owned)
                        .filter(|m| !m.trim().is_empty())
                        .collect(),
                    period_from: form.period_from.clone(),
                    period_to: form.period_to.clone(),
                    violations,
                    proposals: form.proposals.clone(),
                    report_by: form.report_by.clone(),
                },
            )
            .await
    }
    .await;
    match result {
        Ok(act) => Redirect::to(&format!("/safety/acts/{}", act.act.id)).into_response(),
        Err(error @ AppError::Forbidden { .. }) => fail(error, &tr, &session),
        Err(error) => {
            let message = describe(&error, &tr);
            acts_page(
                &state,
                &tr,
                &session,
                Some(form.body_id.clone()),
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
            )
            .await
        }
    }
}

#[derive(Template)]
#[template(path = "safety_act.html")]
struct ActPage {
    layout: Layout,
    body_query: String,
    error: String,
    view: ActView,
    violations: Vec<(i64, String, String, Option<String>)>,
    members: Vec<String>,
    retention: Vec<String>,
    can_write: bool,
    today: String,
}

async fn act_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    status: StatusCode,
    error: String,
) -> Response {
    match state
        .app
        .act(Acting::Principal(&session.principal), id)
        .await
    {
        Ok(view) => render(
            status,
            &ActPage {
                layout: layout(tr, session),
                body_query: format!("?body_id={}", view.act.body_id),
                error,
                violations: view
                    .violations
                    .iter()
                    .map(|v| {
                        (
                            v.id,
                            label(tr, v.category),
                            v.description.clone(),
                            v.eliminated_on.map(|on| on.to_string()),
                        )
                    })
                    .collect(),
                members: view.act.members.lines().map(str::to_owned).collect(),
                retention: view.retention.view(&tr.lang()).explanation,
                can_write: session.principal.can(Permission::WriteSafety),
                today: state.app.clock().today().to_string(),
                view,
            },
        ),
        Err(e) => fail(e, tr, session),
    }
}

pub async fn act(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    act_page(&state, &tr, &session, id, StatusCode::OK, String::new()).await
}

pub async fn act_pdf(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    match state
        .app
        .act_pdf(Acting::Principal(&session.principal), id)
        .await
    {
        Ok(bytes) => pdf(bytes),
        Err(e) => fail(e, &tr, &session),
    }
}

async fn after_act_change(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    result: Result<(), AppError>,
) -> Response {
    match result {
        Ok(()) => Redirect::to(&format!("/safety/acts/{id}")).into_response(),
        Err(error @ AppError::Forbidden { .. }) => fail(error, tr, session),
        Err(error) => {
            let message = describe(&error, tr);
            act_page(
                state,
                tr,
                session,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct AcknowledgeForm {
    commander: String,
}

pub async fn acknowledge_act(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<AcknowledgeForm>,
) -> Response {
    let result = state
        .app
        .acknowledge_act(Acting::Principal(&session.principal), id, &form.commander)
        .await
        .map(|_| ());
    after_act_change(&state, &tr, &session, id, result).await
}

#[derive(Deserialize)]
pub struct EliminateForm {
    act_id: String,
    eliminated_on: String,
}

pub async fn eliminate_violation(
    State(state): State<AppState>,
    tr: Tr,
    Path(violation_id): Path<i64>,
    PageForm { session, form }: PageForm<EliminateForm>,
) -> Response {
    let act_id: i64 = match number("act_id", &form.act_id) {
        Ok(id) => id,
        Err(e) => return fail(e, &tr, &session),
    };
    let result = async {
        let on: NaiveDate = form.eliminated_on.trim().parse().map_err(|_| {
            AppError::invalid(
                "eliminated_on",
                Message::new("invalid-date").arg("value", form.eliminated_on.as_str()),
            )
        })?;
        state
            .app
            .eliminate_violation(Acting::Principal(&session.principal), violation_id, on)
            .await
            .map(|_| ())
    }
    .await;
    after_act_change(&state, &tr, &session, act_id, result).await
}

#[derive(Deserialize)]
pub struct Confirmed {}

pub async fn delete_act(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, .. }: PageForm<Confirmed>,
) -> Response {
    match state
        .app
        .delete_act(Acting::Principal(&session.principal), id)
        .await
    {
        Ok(()) => Redirect::to("/safety/acts").into_response(),
        Err(error) => after_act_change(&state, &tr, &session, id, Err(error)).await,
    }
}
