//! Acts of control: the list with coverage, recording an Act with its violations, an Act's
//! page and PDF, acknowledgement, elimination of violations and deletion after retention.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{Duration, NaiveDate};
use qorgau_app::safety::acts::{ActView, NewAct, NewViolation};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_rules::safety::ViolationCategory;
use qorgau_store::safety::OverdueViolation;
use serde::Deserialize;

use super::{
    ActsQuery, MODULE, choices, chosen_body, fail, forms_status, label, layout, number, parse_date,
    pdf,
};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, submit};
use crate::pages::layout::{Layout, render};
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
    form: Filled<ActForm>,
    body_id: i64,
    bodies: Vec<(i64, String)>,
    units: Vec<(i64, String)>,
    acts: Vec<ActRow>,
    overdue: Vec<OverdueViolation>,
    can_write: bool,
    categories: Vec<(&'static str, String)>,
}

async fn acts_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    body: Option<String>,
    form: Option<Filled<ActForm>>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let today = state.app.clock().today();
    // A new form starts on today's period; a refused one keeps what was typed.
    let form = form.unwrap_or_else(|| {
        Filled::new(ActForm {
            period_from: today.to_string(),
            period_to: today.to_string(),
            ..ActForm::default()
        })
    });
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
            form.status(),
            &ActsPage {
                layout: layout(tr, session),
                body_query: format!("?body_id={body_id}"),
                form,
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
    acts_page(&state, &tr, &session, query.body_id, None).await
}

/// The Act form as posted: text as typed, so a refused form shows it again unchanged.
#[derive(Debug, Clone, Default, Deserialize)]
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

impl TryFrom<&ActForm> for NewAct {
    type Error = AppError;

    /// Violations are one per line, `category; description`; members one per line.
    fn try_from(form: &ActForm) -> Result<Self, AppError> {
        let violations = form
            .violations
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|line| {
                let (category, description) = line.split_once(';').unwrap_or((line, ""));
                NewViolation {
                    category: category.trim().to_owned(),
                    description: description.trim().to_owned(),
                }
            })
            .collect();
        Ok(NewAct {
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
        })
    }
}

pub async fn record_act(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<ActForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let body = Some(form.body_id.clone());
    submit(
        &tr,
        &session,
        MODULE,
        form,
        |input: NewAct| state.app.record_act(acting, input),
        |act| format!("/safety/acts/{}", act.act.id),
        |filled| acts_page(&state, &tr, &session, body, Some(filled)),
    )
    .await
}

/// A violation of an Act as its row shows it.
struct ViolationRow {
    id: i64,
    category: String,
    description: String,
    eliminated_on: Option<String>,
    /// Whether the refused elimination is this row's: its form shows the input and the error.
    refused: bool,
}

#[derive(Template)]
#[template(path = "safety_act.html")]
struct ActPage {
    layout: Layout,
    body_query: String,
    view: ActView,
    violations: Vec<ViolationRow>,
    members: Vec<String>,
    retention: Vec<String>,
    can_write: bool,
    today: String,
    acknowledge: Filled<AcknowledgeForm>,
    /// The refused elimination's form (its row shows it), or an unposted one.
    eliminate: Filled<EliminateForm>,
    delete: Filled<Confirmed>,
}

/// The forms of an Act's page: the one refused carries the input and the error, the others
/// are shown unposted.
#[derive(Default)]
struct ActForms {
    acknowledge: Option<Filled<AcknowledgeForm>>,
    /// The violation whose elimination was refused, with its form.
    eliminate: Option<(i64, Filled<EliminateForm>)>,
    delete: Option<Filled<Confirmed>>,
}

impl ActForms {
    fn status(&self) -> StatusCode {
        forms_status([
            self.acknowledge.as_ref().map(Filled::status),
            self.eliminate.as_ref().map(|(_, filled)| filled.status()),
            self.delete.as_ref().map(Filled::status),
        ])
    }
}

async fn act_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    forms: ActForms,
) -> Response {
    let status = forms.status();
    match state
        .app
        .act(Acting::Principal(&session.principal), id)
        .await
    {
        Ok(view) => {
            let can_write = session.principal.can(Permission::WriteSafety);
            let today = state.app.clock().today().to_string();
            let (eliminating, eliminate) = match forms.eliminate {
                Some((violation, filled)) => (Some(violation), filled),
                None => (
                    None,
                    Filled::new(EliminateForm {
                        act_id: id.to_string(),
                        eliminated_on: today.clone(),
                    }),
                ),
            };
            let violations: Vec<ViolationRow> = view
                .violations
                .iter()
                .map(|v| ViolationRow {
                    id: v.id,
                    category: label(tr, v.category),
                    description: v.description.clone(),
                    eliminated_on: v.eliminated_on.map(|on| on.to_string()),
                    refused: can_write && v.eliminated_on.is_none() && eliminating == Some(v.id),
                })
                .collect();
            let eliminate = eliminate.shown_if(violations.iter().any(|v| v.refused));
            let acknowledge = forms
                .acknowledge
                .unwrap_or_default()
                .shown_if(can_write && view.act.acknowledged_by.is_none());
            render(
                status,
                &ActPage {
                    layout: layout(tr, session),
                    body_query: format!("?body_id={}", view.act.body_id),
                    violations,
                    members: view.act.members.lines().map(str::to_owned).collect(),
                    retention: view.retention.view(&tr.lang()).explanation,
                    can_write,
                    today,
                    acknowledge,
                    eliminate,
                    delete: forms.delete.unwrap_or_default(),
                    view,
                },
            )
        }
        Err(e) => fail(e, tr, session),
    }
}

pub async fn act(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    act_page(&state, &tr, &session, id, ActForms::default()).await
}

pub async fn act_pdf(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    let lang = tr.lang();
    match state
        .app
        .act_pdf(Acting::Principal(&session.principal), &lang, id)
        .await
    {
        Ok(bytes) => pdf(bytes),
        Err(e) => fail(e, &tr, &session),
    }
}

/// The acknowledgement form as posted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AcknowledgeForm {
    commander: String,
}

/// An acknowledgement as the workflow takes it: the commander who acknowledged the Act.
struct Acknowledgement {
    commander: String,
}

impl TryFrom<&AcknowledgeForm> for Acknowledgement {
    type Error = AppError;

    fn try_from(form: &AcknowledgeForm) -> Result<Self, AppError> {
        Ok(Self {
            commander: form.commander.clone(),
        })
    }
}

pub async fn acknowledge_act(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<AcknowledgeForm>,
) -> Response {
    let app = &state.app;
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        MODULE,
        form,
        |input: Acknowledgement| async move {
            app.acknowledge_act(acting, id, &input.commander).await
        },
        |_| format!("/safety/acts/{id}"),
        |filled| {
            let forms = ActForms {
                acknowledge: Some(filled),
                ..ActForms::default()
            };
            act_page(&state, &tr, &session, id, forms)
        },
    )
    .await
}

/// The elimination form of a violation as posted (the Act it belongs to, and the day).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct EliminateForm {
    act_id: String,
    eliminated_on: String,
}

/// An elimination as the workflow takes it: the day the violation was eliminated.
struct Elimination {
    on: NaiveDate,
}

impl TryFrom<&EliminateForm> for Elimination {
    type Error = AppError;

    fn try_from(form: &EliminateForm) -> Result<Self, AppError> {
        Ok(Self {
            on: parse_date("eliminated_on", &form.eliminated_on)?,
        })
    }
}

pub async fn eliminate_violation(
    State(state): State<AppState>,
    tr: Tr,
    Path(violation_id): Path<i64>,
    PageForm { session, form }: PageForm<EliminateForm>,
) -> Response {
    // The Act's page is the one shown again on a refusal: without it there is none to show.
    let act_id: i64 = match number("act_id", &form.act_id) {
        Ok(id) => id,
        Err(e) => return fail(e, &tr, &session),
    };
    let app = &state.app;
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        MODULE,
        form,
        |input: Elimination| app.eliminate_violation(acting, violation_id, input.on),
        |view| format!("/safety/acts/{}", view.act.id),
        |filled| {
            let forms = ActForms {
                eliminate: Some((violation_id, filled)),
                ..ActForms::default()
            };
            act_page(&state, &tr, &session, act_id, forms)
        },
    )
    .await
}

/// A form posted with only its confirmation (deleting an Act after its retention).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Confirmed {}

impl TryFrom<&Confirmed> for () {
    type Error = AppError;

    fn try_from(_: &Confirmed) -> Result<Self, AppError> {
        Ok(())
    }
}

pub async fn delete_act(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<Confirmed>,
) -> Response {
    let app = &state.app;
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        MODULE,
        form,
        |(): ()| app.delete_act(acting, id),
        |()| "/safety/acts".to_owned(),
        |filled| {
            let forms = ActForms {
                delete: Some(filled),
                ..ActForms::default()
            };
            act_page(&state, &tr, &session, id, forms)
        },
    )
    .await
}
