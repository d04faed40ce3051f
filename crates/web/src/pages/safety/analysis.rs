//! The analysis of a body for a period: rates, the ranking with its charts, the conclusions
//! and the PDF.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::Datelike;
use qorgau_app::safety::analysis::{AnalysisKey, AnalysisReport};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use qorgau_rules::safety::PeriodKind;
use serde::Deserialize;

use super::{MODULE, choices, chosen_body, fail, label, layout, number, parse_word, pdf};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, submit};
use crate::pages::layout::{Layout, render};
use crate::pages::session::{PageForm, PageSession};
use crate::pages::svg;

#[derive(Deserialize, Default)]
pub struct AnalysisQuery {
    body_id: Option<String>,
    kind: Option<String>,
    year: Option<String>,
    number: Option<String>,
}

struct RankRow {
    unit_id: i64,
    name: String,
    rate: String,
    previous: String,
    change: String,
    deaths: u64,
    injuries: u64,
    strength: String,
    unfavourable: bool,
    reasons: String,
}

#[derive(Template)]
#[template(path = "safety_analysis.html")]
struct AnalysisPage {
    layout: Layout,
    body_query: String,
    bodies: Vec<(i64, String)>,
    kinds: Vec<(&'static str, String)>,
    kind: String,
    number: u32,
    report: AnalysisReport,
    figures: Vec<(String, String, String)>,
    other: String,
    ranking: Vec<RankRow>,
    trend_svg: String,
    ranking_svg: String,
    deficiencies: Vec<(String, i64)>,
    causes: Vec<(String, i64)>,
    criterion: String,
    explanation: Vec<String>,
    can_conclude: bool,
    pdf_query: String,
    period: String,
    /// Whether the chooser already lists the body shown (a deeper one is added to it).
    body_listed: bool,
    conclusions_form: Filled<ConclusionsForm>,
}

fn rate(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"))
}

struct AnalysisParams {
    body_id: i64,
    bodies: Vec<(i64, String)>,
    kind: PeriodKind,
    year: i32,
    number: u32,
}

async fn analysis_params(
    state: &AppState,
    acting: Acting<'_>,
    query: &AnalysisQuery,
) -> Result<AnalysisParams, AppError> {
    let (body_id, bodies) = chosen_body(state, acting, query.body_id.as_deref()).await?;
    let today = state.app.clock().today();
    let kind = match query
        .kind
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(text) => parse_word::<PeriodKind>("kind", text)?,
        None => PeriodKind::Year,
    };
    let year = match query
        .year
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(text) => number("year", text)?,
        None => today.year(),
    };
    let number = match query
        .number
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(text) => number("number", text)?,
        None => 1,
    };
    Ok(AnalysisParams {
        body_id,
        bodies,
        kind,
        year,
        number,
    })
}

async fn analysis_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    query: AnalysisQuery,
    form: Option<Filled<ConclusionsForm>>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let result = async {
        let params = analysis_params(state, acting, &query).await?;
        let report = state
            .app
            .safety_analysis(
                acting,
                params.body_id,
                params.kind,
                params.year,
                params.number,
            )
            .await?;
        Ok::<_, AppError>((params, report))
    }
    .await;
    let (params, report) = match result {
        Ok(ok) => ok,
        Err(e) => return fail(e, tr, session),
    };
    let lang = tr.lang();
    let figures = vec![
        (
            tr.t("analysis-strength"),
            format!("{:.0}", report.current.strength),
            format!("{:.0}", report.previous.strength),
        ),
        (
            tr.t("analysis-deaths"),
            report.current.deaths.to_string(),
            report.previous.deaths.to_string(),
        ),
        (
            tr.t("analysis-injuries"),
            report.current.injuries.to_string(),
            report.previous.injuries.to_string(),
        ),
        (
            tr.t("analysis-deaths-rate"),
            rate(report.current.deaths_per_1000),
            rate(report.previous.deaths_per_1000),
        ),
        (
            tr.t("analysis-injuries-rate"),
            rate(report.current.injuries_per_1000),
            rate(report.previous.injuries_per_1000),
        ),
    ];
    let ranking: Vec<RankRow> = report
        .ranking
        .iter()
        .map(|r| RankRow {
            unit_id: r.unit_id,
            name: r.unit_name.clone(),
            rate: rate(r.current.rate),
            previous: rate(r.previous.rate),
            change: rate(r.change),
            deaths: r.current.deaths,
            injuries: r.current.injuries,
            strength: format!("{:.0}", r.current.strength),
            unfavourable: r.unfavourable,
            reasons: r
                .reasons
                .iter()
                .map(|m| m.render(&lang))
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect();
    let trend: Vec<(String, u64, u64)> = report
        .monthly
        .iter()
        .map(|m| {
            (
                m.month.clone(),
                m.deaths + m.injuries,
                m.previous_deaths + m.previous_injuries,
            )
        })
        .collect();
    let bars: Vec<(String, f64, bool)> = report
        .ranking
        .iter()
        .take(40)
        .map(|r| {
            (
                r.unit_name.clone(),
                r.current.rate.unwrap_or(0.0),
                r.unfavourable,
            )
        })
        .collect();
    let mut explanation = report.comparison.view(&lang).explanation;
    if let Some(rates) = &report.rates {
        explanation.extend(rates.view(&lang).explanation);
    }
    let kind = params.kind.as_str().to_owned();
    // A new form holds the conclusions already made; a refused one keeps what was typed.
    let conclusions_form = form.unwrap_or_else(|| {
        let (conclusions, measures) = report
            .conclusions
            .as_ref()
            .map(|done| (done.conclusions.clone(), done.measures.clone()))
            .unwrap_or_default();
        Filled::new(ConclusionsForm {
            body_id: report.body_id.to_string(),
            kind: kind.clone(),
            year: params.year.to_string(),
            number: params.number.to_string(),
            conclusions,
            measures,
        })
    });
    render(
        conclusions_form.status(),
        &AnalysisPage {
            layout: layout(tr, session),
            body_query: format!("?body_id={}", report.body_id),
            body_listed: params.bodies.iter().any(|b| b.0 == report.body_id),
            period: tr.message(
                &Message::new("analysis-period")
                    .arg("start", report.period.start.to_string())
                    .arg("end", report.period.end.to_string())
                    .arg("previous_start", report.previous_period.start.to_string())
                    .arg("previous_end", report.previous_period.end.to_string()),
            ),
            conclusions_form,
            bodies: params.bodies,
            kinds: choices::<PeriodKind>(tr),
            pdf_query: format!(
                "body_id={}&kind={kind}&year={}&number={}",
                params.body_id, params.year, params.number
            ),
            kind,
            number: params.number,
            figures,
            other: tr.message(
                &Message::new("analysis-other")
                    .arg("deaths", report.current.deaths_other)
                    .arg("injuries", report.current.injuries_other),
            ),
            ranking,
            trend_svg: svg::monthly_bars(
                &tr.t("analysis-trend"),
                (&tr.t("analysis-this-period"), &tr.t("analysis-last-year")),
                &trend,
            ),
            ranking_svg: svg::ranking_bars(&tr.t("analysis-ranking"), &bars),
            deficiencies: report
                .deficiencies
                .iter()
                .map(|t| (label(tr, t.key), t.count))
                .collect(),
            causes: report
                .causes
                .iter()
                .map(|t| (label(tr, t.key), t.count))
                .collect(),
            criterion: tr.message(&report.criterion),
            explanation,
            can_conclude: session.principal.can(Permission::WriteAnalysis),
            report,
        },
    )
}

pub async fn analysis(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<AnalysisQuery>,
) -> Response {
    analysis_page(&state, &tr, &session, query, None).await
}

pub async fn analysis_pdf(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<AnalysisQuery>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let lang = tr.lang();
    let result = async {
        let p = analysis_params(&state, acting, &query).await?;
        state
            .app
            .analysis_pdf(acting, &lang, p.body_id, p.kind, p.year, p.number)
            .await
    }
    .await;
    match result {
        Ok(bytes) => pdf(bytes),
        Err(e) => fail(e, &tr, &session),
    }
}

/// The conclusions form as posted: the analysis it concludes (hidden) and the two texts.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ConclusionsForm {
    body_id: String,
    kind: String,
    year: String,
    number: String,
    conclusions: String,
    measures: String,
}

/// Conclusions as the workflow takes them: the analysis, the conclusions and the measures.
struct Conclusions {
    key: AnalysisKey,
    conclusions: String,
    measures: String,
}

impl TryFrom<&ConclusionsForm> for Conclusions {
    type Error = AppError;

    fn try_from(form: &ConclusionsForm) -> Result<Self, AppError> {
        Ok(Self {
            key: AnalysisKey {
                body_id: number("body_id", &form.body_id)?,
                kind: parse_word("kind", &form.kind)?,
                year: number("year", &form.year)?,
                number: number("number", &form.number)?,
            },
            conclusions: form.conclusions.clone(),
            measures: form.measures.clone(),
        })
    }
}

pub async fn conclude(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<ConclusionsForm>,
) -> Response {
    let query = AnalysisQuery {
        body_id: Some(form.body_id.clone()),
        kind: Some(form.kind.clone()),
        year: Some(form.year.clone()),
        number: Some(form.number.clone()),
    };
    let encode = |text: &str| crate::pages::session::form_urlencoded_component(text.trim());
    let to = format!(
        "/safety/analysis?body_id={}&kind={}&year={}&number={}",
        encode(&form.body_id),
        encode(&form.kind),
        encode(&form.year),
        encode(&form.number)
    );
    let app = &state.app;
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        MODULE,
        form,
        |input: Conclusions| async move {
            app.complete_analysis(acting, input.key, &input.conclusions, &input.measures)
                .await
        },
        |_| to,
        |filled| analysis_page(&state, &tr, &session, query, Some(filled)),
    )
    .await
}
