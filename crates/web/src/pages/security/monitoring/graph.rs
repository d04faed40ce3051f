//! The organisation graph of the bodies of Art. 15: the chart, a body's page with its
//! commissions, measures and Council decisions, and forming a commission.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use qorgau_app::security::monitoring::{self as app, BodyGraph, NewCommission};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_rules::security::vocabulary::ToPresident;
use serde::Deserialize;

use super::{MeasureLine, area_choices, measure_line};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, submit};
use crate::pages::layout::Layout;
use crate::pages::security::forms::{Checks, body_choices, body_label, rendered, word};
use crate::pages::session::{PageForm, PageSession};
use crate::pages::svg;

struct BodyRow {
    number: i64,
    name: String,
    clause: String,
    to_president: String,
    leads: String,
}

struct CommissionRow {
    name: String,
    area: String,
    head: String,
    members: Vec<String>,
    id: i64,
}

#[derive(Template)]
#[template(path = "security_bodies.html")]
struct BodiesPage {
    layout: Layout,
    form: Filled<CommissionForm>,
    chart: String,
    bodies: Vec<BodyRow>,
    commissions: Vec<CommissionRow>,
    areas: Vec<(&'static str, String)>,
    body_choices: Vec<(i64, String)>,
    can_write: bool,
}

/// The labels of the areas a body leads, in one line.
fn leads(tr: &Tr, body: &app::BodyNode) -> String {
    body.leads
        .iter()
        .map(|l| tr.t(l.area.message_id()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn chart(tr: &Tr, graph: &BodyGraph) -> String {
    let node = |b: &app::BodyNode| svg::ChartNode {
        id: format!("b{}", b.number),
        label: format!("{}) {}", b.number, b.name),
        note: leads(tr, b),
        href: format!("/security/bodies/{}", b.number),
        class: if b.leads.is_empty() { "body" } else { "lead" },
    };
    let top = vec![svg::ChartNode {
        id: "president".into(),
        label: tr.t("security-president"),
        note: String::new(),
        href: "/reference".into(),
        class: "head",
    }];
    let mut second = vec![svg::ChartNode {
        id: "council".into(),
        label: tr.t("security-council-body"),
        note: String::new(),
        href: format!("/law/clauses/{}", graph.council_clause),
        class: "head",
    }];
    second.extend(
        graph
            .bodies
            .iter()
            .filter(|b| b.to_president != ToPresident::Neither)
            .map(node),
    );
    let others: Vec<&app::BodyNode> = graph
        .bodies
        .iter()
        .filter(|b| b.to_president == ToPresident::Neither)
        .collect();
    let mut rows = vec![top, second];
    for chunk in others.chunks(8) {
        rows.push(chunk.iter().map(|b| node(b)).collect());
    }
    if !graph.commissions.is_empty() {
        rows.push(
            graph
                .commissions
                .iter()
                .map(|c| svg::ChartNode {
                    id: format!("c{}", c.id),
                    label: c.name.clone(),
                    note: tr.t(c.area.message_id()),
                    href: "#commissions".into(),
                    class: "commission",
                })
                .collect(),
        );
    }
    let mut edges: Vec<svg::ChartEdge> = vec![("president".into(), "council".into(), "formed")];
    for b in &graph.bodies {
        match b.to_president {
            ToPresident::SubordinateAndAccountable => {
                edges.push(("president".into(), format!("b{}", b.number), "subordinate"))
            }
            ToPresident::Accountable => {
                edges.push(("president".into(), format!("b{}", b.number), "accountable"))
            }
            ToPresident::Neither => {}
        }
    }
    for c in &graph.commissions {
        if let Some(head) = c.head {
            edges.push((format!("b{head}"), format!("c{}", c.id), "heads"));
        }
        for m in &c.members {
            edges.push((format!("b{m}"), format!("c{}", c.id), "member"));
        }
    }
    svg::org_chart(&tr.t("security-bodies-title"), &rows, &edges)
}

async fn bodies_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    form: Option<Filled<CommissionForm>>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let form = form.unwrap_or_default();
    let status = form.status();
    let page = async {
        let graph = state.app.body_graph(acting).await?;
        Ok::<_, AppError>(BodiesPage {
            layout: Layout::signed_in(tr, session, "security", "security-bodies-title"),
            form,
            chart: chart(tr, &graph),
            bodies: graph
                .bodies
                .iter()
                .map(|b| BodyRow {
                    number: b.number,
                    name: b.name.clone(),
                    clause: b.clause.clone(),
                    to_president: tr.t(b.to_president.message_id()),
                    leads: leads(tr, b),
                })
                .collect(),
            commissions: graph
                .commissions
                .iter()
                .map(|c| CommissionRow {
                    id: c.id,
                    name: c.name.clone(),
                    area: tr.t(c.area.message_id()),
                    head: c
                        .head
                        .map(body_label)
                        .unwrap_or_else(|| tr.t("security-commission-no-head")),
                    members: c.members.iter().map(|m| body_label(*m)).collect(),
                })
                .collect(),
            areas: area_choices(tr),
            body_choices: body_choices(),
            can_write: session.principal.can(Permission::WriteSecurity),
        })
    }
    .await;
    rendered(tr, session, "security-bodies-title", status, page)
}

pub async fn bodies(State(state): State<AppState>, tr: Tr, session: PageSession) -> Response {
    bodies_page(&state, &tr, &session, None).await
}

struct BodyDecisionLine {
    id: i64,
    text: String,
    deadline: String,
    status_key: &'static str,
    status: String,
}

#[derive(Template)]
#[template(path = "security_body.html")]
struct BodyPage {
    layout: Layout,
    body: BodyRow,
    text: String,
    heads: Vec<(String, String)>,
    member_of: Vec<(String, String)>,
    measures: Vec<MeasureLine>,
    decisions: Vec<BodyDecisionLine>,
}

pub async fn body(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(number): Path<i64>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let page = async {
        let detail = state.app.body_detail(acting, number, None).await?;
        let commissions = |list: &[app::CommissionView]| {
            list.iter()
                .map(|c| (c.name.clone(), tr.t(c.area.message_id())))
                .collect()
        };
        Ok::<_, AppError>(BodyPage {
            layout: Layout::signed_in(&tr, &session, "security", "security-body"),
            body: BodyRow {
                number: detail.body.number,
                name: detail.body.name.clone(),
                clause: detail.body.clause.clone(),
                to_president: tr.t(detail.body.to_president.message_id()),
                leads: leads(&tr, &detail.body),
            },
            text: detail.text.clone(),
            heads: commissions(&detail.heads),
            member_of: commissions(&detail.member_of),
            measures: detail
                .measures
                .into_iter()
                .map(|m| measure_line(&tr, m))
                .collect(),
            decisions: detail
                .decisions
                .iter()
                .map(|d| BodyDecisionLine {
                    id: d.decision.id,
                    text: d.decision.text.clone(),
                    deadline: d.decision.deadline.to_string(),
                    status_key: d.status.as_str(),
                    status: tr.t(d.status.message_id()),
                })
                .collect(),
        })
    }
    .await;
    rendered(&tr, &session, "security-body", StatusCode::OK, page)
}

/// An interagency commission as posted; the member bodies are check boxes `member_N`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CommissionForm {
    name: String,
    area: String,
    #[serde(flatten)]
    checks: Checks,
}

impl TryFrom<&CommissionForm> for NewCommission {
    type Error = AppError;

    fn try_from(form: &CommissionForm) -> Result<Self, AppError> {
        Ok(NewCommission {
            area: word("area", &form.area)?,
            name: form.name.trim().to_owned(),
            members: form.checks.numbers("member_"),
        })
    }
}

pub async fn create_commission(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<CommissionForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "security",
        form,
        |new: NewCommission| state.app.create_commission(acting, new),
        |_| "/security/bodies#commissions".to_owned(),
        |filled| bodies_page(&state, &tr, &session, Some(filled)),
    )
    .await
}
