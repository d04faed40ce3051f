//! National-security pages: the organisation graph of the bodies, the threat register with its
//! heat map, a threat's trend, measures of Art. 18.3, and the strategic indicators.

use std::collections::HashMap;
use std::future::Future;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use qorgau_app::monitoring::{
    self as app, BodyGraph, ListedEntry, MEASURE_STATUSES, NewAssessment, NewCommission,
    NewDocument, NewIndicator, NewIndicatorValue, NewMeasure, NewMeasureReport, TRENDS,
};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use serde::Deserialize;

use super::layout::{Layout, PageError, describe, parse_as_of, render};
use super::svg;
use crate::AppState;
use crate::auth::{PageForm, PageSession};
use crate::i18n::Tr;

/// A posted form: fields by name; check boxes arrive as `prefix_key=on`.
pub type Fields = HashMap<String, String>;

pub(super) fn field<'a>(form: &'a Fields, name: &str) -> &'a str {
    form.get(name).map(String::as_str).unwrap_or("").trim()
}

pub(super) fn checked(form: &Fields, prefix: &str) -> Vec<String> {
    let mut keys: Vec<String> = form
        .keys()
        .filter_map(|k| k.strip_prefix(prefix).map(str::to_owned))
        .collect();
    keys.sort();
    keys
}

pub(super) fn parse_date(name: &'static str, text: &str) -> Result<NaiveDate, AppError> {
    text.trim()
        .parse()
        .map_err(|_| AppError::invalid(name, Message::new("invalid-date").arg("value", text)))
}

pub(super) fn parse_number<T: std::str::FromStr>(
    name: &'static str,
    text: &str,
) -> Result<T, AppError> {
    text.trim()
        .parse()
        .map_err(|_| AppError::invalid(name, Message::new("invalid-number").arg("value", text)))
}

pub(super) fn optional_number(name: &'static str, text: &str) -> Result<Option<i64>, AppError> {
    match text.trim() {
        "" => Ok(None),
        text => parse_number(name, text).map(Some),
    }
}

/// The catalogue label of a stored key: `prefix` ends in '-'.
pub(super) fn label(tr: &Tr, prefix: &str, key: &str) -> String {
    tr.t(&format!("{prefix}{}", key.replace('_', "-")))
}

pub(super) fn body_choices() -> Vec<(i64, String)> {
    app::public_bodies()
        .iter()
        .enumerate()
        .map(|(i, b)| (i as i64 + 1, b.name.clone()))
        .collect()
}

pub(super) fn body_label(number: i64) -> String {
    app::body(number)
        .map(|b| format!("{number}) {}", b.name))
        .unwrap_or_else(|| number.to_string())
}

fn area_choices(tr: &Tr) -> Vec<(&'static str, String)> {
    app::area_keys()
        .into_iter()
        .map(|k| (k, label(tr, "security-area-", k)))
        .collect()
}

/// After a form: on success go to `to`; on bad input show the page again with the reason.
pub(super) async fn after_post<T, F, Fut>(
    result: Result<T, AppError>,
    to: impl FnOnce(T) -> String,
    tr: &Tr,
    session: &PageSession,
    again: F,
) -> Response
where
    F: FnOnce(String) -> Fut,
    Fut: Future<Output = Response>,
{
    match result {
        Ok(value) => Redirect::to(&to(value)).into_response(),
        Err(error @ (AppError::Forbidden { .. } | AppError::Unauthenticated)) => PageError::new(
            error,
            tr,
            Some(Layout::signed_in(tr, session, "security", "security-title")),
        )
        .into_response(),
        Err(error) => again(describe(&error, tr)).await,
    }
}

/// A page, or the error page when it could not be made; 422 when it shows a form's error.
pub(super) fn shown(
    tr: &Tr,
    session: &PageSession,
    title: &str,
    error: String,
    page: Result<impl Template, AppError>,
) -> Response {
    let layout = Layout::signed_in(tr, session, "security", title);
    match page {
        Ok(page) => render(
            if error.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            },
            &page,
        ),
        Err(error) => PageError::new(error, tr, Some(layout)).into_response(),
    }
}

// ---------------------------------------------------------------- the organisation graph

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
    error: String,
    chart: String,
    bodies: Vec<BodyRow>,
    commissions: Vec<CommissionRow>,
    areas: Vec<(&'static str, String)>,
    body_choices: Vec<(i64, String)>,
    can_write: bool,
}

fn chart(tr: &Tr, graph: &BodyGraph) -> String {
    let node = |b: &app::BodyNode| svg::ChartNode {
        id: format!("b{}", b.number),
        label: format!("{}) {}", b.number, b.name),
        note: b
            .leads
            .iter()
            .map(|l| label(tr, "security-area-", l.area))
            .collect::<Vec<_>>()
            .join(", "),
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
            .filter(|b| b.to_president != "none")
            .map(node),
    );
    let others: Vec<&app::BodyNode> = graph
        .bodies
        .iter()
        .filter(|b| b.to_president == "none")
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
                    note: label(tr, "security-area-", &c.area),
                    href: "#commissions".into(),
                    class: "commission",
                })
                .collect(),
        );
    }
    let mut edges: Vec<svg::ChartEdge> = vec![("president".into(), "council".into(), "formed")];
    for b in &graph.bodies {
        match b.to_president {
            "subordinate_and_accountable" => {
                edges.push(("president".into(), format!("b{}", b.number), "subordinate"))
            }
            "accountable" => {
                edges.push(("president".into(), format!("b{}", b.number), "accountable"))
            }
            _ => {}
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

async fn bodies_page(state: &AppState, tr: &Tr, session: &PageSession, error: String) -> Response {
    let acting = Acting::Principal(&session.principal);
    let page = async {
        let graph = state.app.body_graph(acting).await?;
        Ok::<_, AppError>(BodiesPage {
            layout: Layout::signed_in(tr, session, "security", "security-bodies-title"),
            error: error.clone(),
            chart: chart(tr, &graph),
            bodies: graph
                .bodies
                .iter()
                .map(|b| BodyRow {
                    number: b.number,
                    name: b.name.clone(),
                    clause: b.clause.clone(),
                    to_president: label(tr, "security-to-president-", b.to_president),
                    leads: b
                        .leads
                        .iter()
                        .map(|l| label(tr, "security-area-", l.area))
                        .collect::<Vec<_>>()
                        .join(", "),
                })
                .collect(),
            commissions: graph
                .commissions
                .iter()
                .map(|c| CommissionRow {
                    id: c.id,
                    name: c.name.clone(),
                    area: label(tr, "security-area-", &c.area),
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
    shown(tr, session, "security-bodies-title", error, page)
}

pub async fn bodies(State(state): State<AppState>, tr: Tr, session: PageSession) -> Response {
    bodies_page(&state, &tr, &session, String::new()).await
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
                .map(|c| (c.name.clone(), label(&tr, "security-area-", &c.area)))
                .collect()
        };
        Ok::<_, AppError>(BodyPage {
            layout: Layout::signed_in(&tr, &session, "security", "security-body"),
            body: BodyRow {
                number: detail.body.number,
                name: detail.body.name.clone(),
                clause: detail.body.clause.clone(),
                to_president: label(&tr, "security-to-president-", detail.body.to_president),
                leads: detail
                    .body
                    .leads
                    .iter()
                    .map(|l| label(&tr, "security-area-", l.area))
                    .collect::<Vec<_>>()
                    .join(", "),
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
                    deadline: d.decision.deadline.clone(),
                    status_key: d.status,
                    status: label(&tr, "council-status-", d.status),
                })
                .collect(),
        })
    }
    .await;
    shown(&tr, &session, "security-body", String::new(), page)
}

pub async fn create_commission(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let members = checked(&form, "member_")
        .iter()
        .filter_map(|m| m.parse().ok())
        .collect();
    let result = state
        .app
        .create_commission(
            Acting::Principal(&session.principal),
            NewCommission {
                area: field(&form, "area").to_owned(),
                name: field(&form, "name").to_owned(),
                members,
            },
        )
        .await;
    after_post(
        result,
        |_| "/security/bodies#commissions".into(),
        &tr,
        &session,
        |e| bodies_page(&state, &tr, &session, e),
    )
    .await
}

// ---------------------------------------------------------------- the threat register

#[derive(Deserialize, Default)]
pub struct RegisterQuery {
    as_of: Option<String>,
    area: Option<String>,
    interest: Option<String>,
}

struct ThreatLine {
    key: String,
    name: String,
    source: String,
    latest: Option<LatestLine>,
    count: usize,
}

struct LatestLine {
    assessed_on: String,
    likelihood: i64,
    impact: i64,
    score: i64,
    trend: String,
    area: String,
    by: String,
}

struct HeatCell {
    keys: Vec<String>,
    class: &'static str,
    likelihood: i64,
    impact: i64,
}

#[derive(Template)]
#[template(path = "security_threats.html")]
struct ThreatsPage {
    layout: Layout,
    error: String,
    as_of: String,
    area: String,
    interest: String,
    heat: Vec<(i64, Vec<HeatCell>)>,
    threats: Vec<ThreatLine>,
    threat_choices: Vec<ListedEntry>,
    interests: Vec<ListedEntry>,
    areas: Vec<(&'static str, String)>,
    trends: Vec<(&'static str, String)>,
    today: String,
    can_write: bool,
}

/// The band of a score on the heat map: Qorgau's own (likelihood × impact).
fn band(score: i64) -> &'static str {
    match score {
        15.. => "high",
        8..=14 => "medium",
        _ => "low",
    }
}

async fn threats_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    query: RegisterQuery,
    error: String,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let page = async {
        let as_of = parse_as_of(query.as_of.as_deref())?;
        let register = state
            .app
            .threat_register(
                acting,
                as_of,
                query.area.as_deref(),
                query.interest.as_deref(),
            )
            .await?;
        let (threat_choices, _) = state
            .app
            .threats_and_interests(acting, register.as_of)
            .await?;
        let heat = (1..=5)
            .rev()
            .map(|impact| {
                (
                    impact,
                    (1..=5)
                        .map(|likelihood| HeatCell {
                            keys: register.heat[(impact - 1) as usize][(likelihood - 1) as usize]
                                .clone(),
                            class: band(impact * likelihood),
                            likelihood,
                            impact,
                        })
                        .collect(),
                )
            })
            .collect();
        Ok::<_, AppError>(ThreatsPage {
            layout: Layout::signed_in(tr, session, "security", "security-threats-title"),
            error: error.clone(),
            as_of: query.as_of.clone().unwrap_or_default(),
            area: register.area.clone().unwrap_or_default(),
            interest: register.interest.clone().unwrap_or_default(),
            heat,
            threats: register
                .threats
                .into_iter()
                .map(|row| ThreatLine {
                    latest: row.latest.map(|l| LatestLine {
                        assessed_on: l.assessment.assessed_on,
                        likelihood: l.assessment.likelihood,
                        impact: l.assessment.impact,
                        score: l.score,
                        trend: label(tr, "security-trend-", &l.assessment.trend),
                        area: label(tr, "security-area-", &l.assessment.area),
                        by: l.assessment.assessed_by,
                    }),
                    count: row.assessments,
                    key: row.threat.key,
                    name: row.threat.name,
                    source: row.threat.source,
                })
                .collect(),
            threat_choices,
            interests: register.interests,
            areas: area_choices(tr),
            trends: TRENDS
                .iter()
                .map(|t| (*t, label(tr, "security-trend-", t)))
                .collect(),
            today: state.app.clock().today().to_string(),
            can_write: session.principal.can(Permission::WriteSecurity),
        })
    }
    .await;
    shown(tr, session, "security-threats-title", error, page)
}

pub async fn threats(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<RegisterQuery>,
) -> Response {
    threats_page(&state, &tr, &session, query, String::new()).await
}

pub async fn assess(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewAssessment {
            threat: field(&form, "threat").to_owned(),
            area: field(&form, "area").to_owned(),
            assessed_on: parse_date("assessed_on", field(&form, "assessed_on"))?,
            likelihood: parse_number("likelihood", field(&form, "likelihood"))?,
            impact: parse_number("impact", field(&form, "impact"))?,
            trend: field(&form, "trend").to_owned(),
            narrative: field(&form, "narrative").to_owned(),
            evidence: field(&form, "evidence").to_owned(),
            interests: checked(&form, "interest_"),
        };
        state
            .app
            .assess_threat(Acting::Principal(&session.principal), new)
            .await
    }
    .await;
    after_post(
        result,
        |_| "/security/threats".into(),
        &tr,
        &session,
        |e| threats_page(&state, &tr, &session, RegisterQuery::default(), e),
    )
    .await
}

struct HistoryLine {
    assessed_on: String,
    likelihood: i64,
    impact: i64,
    score: i64,
    trend: String,
    area: String,
    interests: String,
    narrative: String,
    evidence: Vec<String>,
    by: String,
    recorded_at: String,
}

#[derive(Template)]
#[template(path = "security_threat.html")]
struct ThreatPage {
    layout: Layout,
    key: String,
    name: String,
    source: String,
    chart: String,
    history: Vec<HistoryLine>,
    measures: Vec<MeasureLine>,
}

pub async fn threat(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(key): Path<String>,
    Query(query): Query<RegisterQuery>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let page = async {
        let as_of = parse_as_of(query.as_of.as_deref())?;
        let history = state.app.threat_history(acting, &key, as_of).await?;
        let interest_name = |k: &String| {
            history
                .interests
                .iter()
                .find(|i| &i.key == k)
                .map(|i| format!("{k}) {}", i.name))
                .unwrap_or_else(|| k.clone())
        };
        let points: Vec<(NaiveDate, i64)> = history
            .assessments
            .iter()
            .filter_map(|a| a.assessment.assessed_on.parse().ok().map(|d| (d, a.score)))
            .collect();
        let measures = state
            .app
            .measures(acting, as_of)
            .await?
            .into_iter()
            .filter(|m| m.threats.contains(&history.threat.key))
            .map(|m| measure_line(&tr, m))
            .collect();
        Ok::<_, AppError>(ThreatPage {
            measures,
            layout: Layout::signed_in(&tr, &session, "security", "security-threat-title"),
            chart: svg::score_trend(&tr.t("security-threat-trend"), &points),
            key: history.threat.key.clone(),
            name: history.threat.name.clone(),
            source: history.threat.source.clone(),
            history: history
                .assessments
                .into_iter()
                .rev()
                .map(|a| HistoryLine {
                    interests: a
                        .interests
                        .iter()
                        .map(interest_name)
                        .collect::<Vec<_>>()
                        .join("; "),
                    score: a.score,
                    assessed_on: a.assessment.assessed_on,
                    likelihood: a.assessment.likelihood,
                    impact: a.assessment.impact,
                    trend: label(&tr, "security-trend-", &a.assessment.trend),
                    area: label(&tr, "security-area-", &a.assessment.area),
                    narrative: a.assessment.narrative,
                    evidence: a
                        .assessment
                        .evidence
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    by: a.assessment.assessed_by,
                    recorded_at: a.assessment.recorded_at,
                })
                .collect(),
        })
    }
    .await;
    shown(&tr, &session, "security-threat-title", String::new(), page)
}

// ---------------------------------------------------------------- measures

struct MeasureLine {
    id: i64,
    title: String,
    kind: String,
    deadline: String,
    status: String,
    overdue: bool,
    days_overdue: i64,
    threats: String,
    bodies: Vec<String>,
}

#[derive(Template)]
#[template(path = "security_measures.html")]
struct MeasuresPage {
    layout: Layout,
    error: String,
    measures: Vec<MeasureLine>,
    kinds: Vec<(i64, String)>,
    threat_choices: Vec<ListedEntry>,
    body_choices: Vec<(i64, String)>,
    overdue: i64,
    can_write: bool,
}

fn kind_name(kind: i64) -> String {
    app::reference_measure_kind(kind)
        .map(|k| format!("{kind}) {}", k.name))
        .unwrap_or_else(|| kind.to_string())
}

fn measure_line(tr: &Tr, m: app::MeasureView) -> MeasureLine {
    MeasureLine {
        id: m.measure.id,
        kind: kind_name(m.measure.kind),
        status: label(tr, "security-measure-status-", &m.measure.status),
        title: m.measure.title,
        deadline: m.measure.deadline,
        overdue: m.overdue,
        days_overdue: m.days_overdue,
        threats: m.threats.join(", "),
        bodies: m.bodies.iter().map(|b| body_label(*b)).collect(),
    }
}

async fn measures_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    error: String,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let page = async {
        let measures = state.app.measures(acting, None).await?;
        let (threat_choices, _) = state
            .app
            .threats_and_interests(acting, state.app.clock().today())
            .await?;
        Ok::<_, AppError>(MeasuresPage {
            layout: Layout::signed_in(tr, session, "security", "security-measures-title"),
            error: error.clone(),
            overdue: measures.iter().filter(|m| m.overdue).count() as i64,
            measures: measures.into_iter().map(|m| measure_line(tr, m)).collect(),
            kinds: (1..=6).map(|k| (k, kind_name(k))).collect(),
            threat_choices,
            body_choices: body_choices(),
            can_write: session.principal.can(Permission::WriteSecurity),
        })
    }
    .await;
    shown(tr, session, "security-measures-title", error, page)
}

pub async fn measures(State(state): State<AppState>, tr: Tr, session: PageSession) -> Response {
    measures_page(&state, &tr, &session, String::new()).await
}

pub async fn create_measure(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewMeasure {
            title: field(&form, "title").to_owned(),
            kind: parse_number("kind", field(&form, "kind"))?,
            description: field(&form, "description").to_owned(),
            deadline: parse_date("deadline", field(&form, "deadline"))?,
            threats: checked(&form, "threat_"),
            bodies: checked(&form, "body_")
                .iter()
                .filter_map(|b| b.parse().ok())
                .collect(),
        };
        state
            .app
            .create_measure(Acting::Principal(&session.principal), new)
            .await
    }
    .await;
    after_post(
        result,
        |id| format!("/security/measures/{id}"),
        &tr,
        &session,
        |e| measures_page(&state, &tr, &session, e),
    )
    .await
}

#[derive(Template)]
#[template(path = "security_measure.html")]
struct MeasurePage {
    layout: Layout,
    error: String,
    measure: MeasureLine,
    description: String,
    reports: Vec<(String, String, String, String)>,
    statuses: Vec<(&'static str, String)>,
    today: String,
    can_write: bool,
}

async fn measure_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    error: String,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let page = async {
        let detail = state.app.measure(acting, id, None).await?;
        Ok::<_, AppError>(MeasurePage {
            layout: Layout::signed_in(tr, session, "security", "security-measure-title"),
            error: error.clone(),
            description: detail.view.measure.description.clone(),
            measure: measure_line(tr, detail.view),
            reports: detail
                .reports
                .into_iter()
                .map(|r| {
                    (
                        r.reported_on,
                        label(tr, "security-measure-status-", &r.status_after),
                        r.text,
                        r.reported_by,
                    )
                })
                .collect(),
            statuses: MEASURE_STATUSES
                .iter()
                .map(|s| (*s, label(tr, "security-measure-status-", s)))
                .collect(),
            today: state.app.clock().today().to_string(),
            can_write: session.principal.can(Permission::WriteSecurity),
        })
    }
    .await;
    shown(tr, session, "security-measure-title", error, page)
}

pub async fn measure(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    measure_page(&state, &tr, &session, id, String::new()).await
}

pub async fn report_measure(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewMeasureReport {
            reported_on: parse_date("reported_on", field(&form, "reported_on"))?,
            text: field(&form, "text").to_owned(),
            status: field(&form, "status").to_owned(),
        };
        state
            .app
            .report_measure(Acting::Principal(&session.principal), id, new)
            .await
    }
    .await;
    after_post(
        result,
        |_| format!("/security/measures/{id}"),
        &tr,
        &session,
        |e| measure_page(&state, &tr, &session, id, e),
    )
    .await
}

// ---------------------------------------------------------------- strategy

struct IndicatorLine {
    id: i64,
    name: String,
    unit: String,
    baseline: String,
    target: String,
    deadline: String,
    status_key: &'static str,
    status: String,
    explanation: Vec<String>,
    values: Vec<(String, String, String)>,
}

struct DocumentLine {
    id: i64,
    title: String,
    adopted_on: String,
    reference: String,
    indicators: Vec<IndicatorLine>,
}

#[derive(Template)]
#[template(path = "security_strategy.html")]
struct StrategyPage {
    layout: Layout,
    error: String,
    as_of: String,
    documents: Vec<DocumentLine>,
    counts: Vec<(&'static str, String, usize)>,
    rule: String,
    today: String,
    can_write: bool,
}

#[derive(Deserialize, Default)]
pub struct AsOfQuery {
    as_of: Option<String>,
}

async fn strategy_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    query: AsOfQuery,
    error: String,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let page = async {
        let as_of = parse_as_of(query.as_of.as_deref())?;
        let documents = state.app.strategy_monitoring(acting, as_of).await?;
        let mut counts: Vec<(&'static str, String, usize)> = ["on_track", "at_risk", "off_track"]
            .into_iter()
            .map(|s| (s, label(tr, "security-indicator-status-", s), 0))
            .collect();
        let documents = documents
            .into_iter()
            .map(|d| DocumentLine {
                id: d.document.id,
                title: d.document.title,
                adopted_on: d.document.adopted_on,
                reference: d.document.reference,
                indicators: d
                    .indicators
                    .into_iter()
                    .map(|i| {
                        if let Some(c) = counts.iter_mut().find(|c| c.0 == i.status) {
                            c.2 += 1;
                        }
                        IndicatorLine {
                            id: i.indicator.id,
                            status: label(tr, "security-indicator-status-", i.status),
                            status_key: i.status,
                            // The rule's own statement is shown once for the page.
                            explanation: i
                                .decision
                                .view(&tr.lang())
                                .explanation
                                .into_iter()
                                .take(1)
                                .collect(),
                            name: i.indicator.name,
                            unit: i.indicator.unit,
                            baseline: format!(
                                "{} ({})",
                                i.indicator.baseline, i.indicator.baseline_on
                            ),
                            target: i.indicator.target.to_string(),
                            deadline: i.indicator.deadline,
                            values: i
                                .values
                                .into_iter()
                                .rev()
                                .map(|v| (v.measured_on, v.value.to_string(), v.note))
                                .collect(),
                        }
                    })
                    .collect(),
            })
            .collect();
        Ok::<_, AppError>(StrategyPage {
            layout: Layout::signed_in(tr, session, "security", "security-strategy-title"),
            error: error.clone(),
            as_of: query.as_of.clone().unwrap_or_default(),
            documents,
            counts,
            rule: Message::new("rule-security-indicator-rule")
                .arg(
                    "share",
                    (qorgau_rules::security::AT_RISK_SHARE * 100.0).round() as i64,
                )
                .render(&tr.lang()),
            today: state.app.clock().today().to_string(),
            can_write: session.principal.can(Permission::WriteSecurity),
        })
    }
    .await;
    shown(tr, session, "security-strategy-title", error, page)
}

pub async fn strategy(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<AsOfQuery>,
) -> Response {
    strategy_page(&state, &tr, &session, query, String::new()).await
}

pub async fn create_document(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewDocument {
            title: field(&form, "title").to_owned(),
            adopted_on: parse_date("adopted_on", field(&form, "adopted_on"))?,
            reference: field(&form, "reference").to_owned(),
        };
        state
            .app
            .create_document(Acting::Principal(&session.principal), new)
            .await
    }
    .await;
    after_post(
        result,
        |id| format!("/security/strategy#document-{id}"),
        &tr,
        &session,
        |e| strategy_page(&state, &tr, &session, AsOfQuery::default(), e),
    )
    .await
}

pub async fn create_indicator(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewIndicator {
            document_id: parse_number("document_id", field(&form, "document_id"))?,
            name: field(&form, "name").to_owned(),
            unit: field(&form, "unit").to_owned(),
            baseline: parse_number("baseline", field(&form, "baseline"))?,
            baseline_on: parse_date("baseline_on", field(&form, "baseline_on"))?,
            target: parse_number("target", field(&form, "target"))?,
            deadline: parse_date("deadline", field(&form, "deadline"))?,
        };
        state
            .app
            .create_indicator(Acting::Principal(&session.principal), new)
            .await
    }
    .await;
    after_post(
        result,
        |id| format!("/security/strategy#indicator-{id}"),
        &tr,
        &session,
        |e| strategy_page(&state, &tr, &session, AsOfQuery::default(), e),
    )
    .await
}

pub async fn record_value(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewIndicatorValue {
            measured_on: parse_date("measured_on", field(&form, "measured_on"))?,
            value: parse_number("value", field(&form, "value"))?,
            note: field(&form, "note").to_owned(),
        };
        state
            .app
            .record_indicator_value(Acting::Principal(&session.principal), id, new)
            .await
    }
    .await;
    after_post(
        result,
        |_| format!("/security/strategy#indicator-{id}"),
        &tr,
        &session,
        |e| strategy_page(&state, &tr, &session, AsOfQuery::default(), e),
    )
    .await
}
