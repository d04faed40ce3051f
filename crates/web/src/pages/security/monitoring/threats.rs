//! The threat register with its heat map, assessments, and a threat's trend.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use qorgau_app::security::monitoring::{ListedEntry, NewAssessment};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use qorgau_rules::security::vocabulary::Trend;
use serde::Deserialize;

use super::{MeasureLine, area_choices, measure_line};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, submit};
use crate::pages::layout::{Layout, parse_as_of};
use crate::pages::security::forms::{Checks, choices, parse_date, parse_number, rendered, word};
use crate::pages::session::{PageForm, PageSession};
use crate::pages::svg;

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
    /// What the cell holds, in words, shown on hover.
    hint: String,
}

#[derive(Template)]
#[template(path = "security_threats.html")]
struct ThreatsPage {
    layout: Layout,
    form: Filled<AssessmentForm>,
    as_of: String,
    area: String,
    interest: String,
    heat: Vec<(i64, Vec<HeatCell>)>,
    threats: Vec<ThreatLine>,
    threat_choices: Vec<ListedEntry>,
    interests: Vec<ListedEntry>,
    areas: Vec<(&'static str, String)>,
    trends: Vec<(&'static str, String)>,
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
    form: Option<Filled<AssessmentForm>>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    // A new assessment is of today; a refused one keeps what was typed.
    let form = form.unwrap_or_else(|| {
        Filled::new(AssessmentForm {
            assessed_on: state.app.clock().today().to_string(),
            ..AssessmentForm::default()
        })
    });
    let status = form.status();
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
                        .map(|likelihood| {
                            let keys = register.heat[(impact - 1) as usize]
                                [(likelihood - 1) as usize]
                                .clone();
                            let hint = tr.message(
                                &Message::new("security-heat-cell")
                                    .arg("impact", impact)
                                    .arg("likelihood", likelihood)
                                    .arg("score", impact * likelihood)
                                    .arg("count", keys.len() as i64),
                            );
                            HeatCell {
                                keys,
                                class: band(impact * likelihood),
                                likelihood,
                                impact,
                                hint,
                            }
                        })
                        .collect(),
                )
            })
            .collect();
        Ok::<_, AppError>(ThreatsPage {
            layout: Layout::signed_in(tr, session, "security", "security-threats-title"),
            form,
            as_of: query.as_of.clone().unwrap_or_default(),
            area: register
                .area
                .map(|a| a.as_str().to_owned())
                .unwrap_or_default(),
            interest: register.interest.clone().unwrap_or_default(),
            heat,
            threats: register
                .threats
                .into_iter()
                .map(|row| ThreatLine {
                    latest: row.latest.map(|l| LatestLine {
                        assessed_on: l.assessment.assessed_on.to_string(),
                        likelihood: l.assessment.likelihood,
                        impact: l.assessment.impact,
                        score: l.score,
                        trend: tr.t(l.assessment.trend.message_id()),
                        area: tr.t(l.assessment.area.message_id()),
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
            trends: choices::<Trend>(tr),
            can_write: session.principal.can(Permission::WriteSecurity),
        })
    }
    .await;
    rendered(tr, session, "security-threats-title", status, page)
}

pub async fn threats(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<RegisterQuery>,
) -> Response {
    threats_page(&state, &tr, &session, query, None).await
}

/// An assessment as posted; the interests endangered are check boxes `interest_KEY`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AssessmentForm {
    threat: String,
    area: String,
    assessed_on: String,
    likelihood: String,
    impact: String,
    trend: String,
    narrative: String,
    evidence: String,
    #[serde(flatten)]
    checks: Checks,
}

impl TryFrom<&AssessmentForm> for NewAssessment {
    type Error = AppError;

    fn try_from(form: &AssessmentForm) -> Result<Self, AppError> {
        Ok(NewAssessment {
            threat: form.threat.trim().to_owned(),
            area: word("area", &form.area)?,
            assessed_on: parse_date("assessed_on", &form.assessed_on)?,
            likelihood: parse_number("likelihood", &form.likelihood)?,
            impact: parse_number("impact", &form.impact)?,
            trend: word("trend", &form.trend)?,
            narrative: form.narrative.trim().to_owned(),
            evidence: form.evidence.trim().to_owned(),
            interests: form.checks.keys("interest_"),
        })
    }
}

pub async fn assess(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<AssessmentForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "security",
        form,
        |new: NewAssessment| state.app.assess_threat(acting, new),
        |_| "/security/threats".to_owned(),
        |filled| {
            threats_page(
                &state,
                &tr,
                &session,
                RegisterQuery::default(),
                Some(filled),
            )
        },
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
            .map(|a| (a.assessment.assessed_on, a.score))
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
                    assessed_on: a.assessment.assessed_on.to_string(),
                    likelihood: a.assessment.likelihood,
                    impact: a.assessment.impact,
                    trend: tr.t(a.assessment.trend.message_id()),
                    area: tr.t(a.assessment.area.message_id()),
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
                    recorded_at: qorgau_app::format_instant(a.assessment.recorded_at),
                })
                .collect(),
        })
    }
    .await;
    rendered(&tr, &session, "security-threat-title", StatusCode::OK, page)
}
