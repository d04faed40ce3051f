//! The overview of a body: its Plans, quarterly coverage, exercise reminders, overdue
//! eliminations and analyses due; recording a training event.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::{Datelike, Duration, NaiveDate};
use qorgau_app::safety::acts::{CoverageView, quarter_of};
use qorgau_app::safety::analysis::ScheduledAnalysis;
use qorgau_app::safety::plans::PlanStanding;
use qorgau_app::safety::training::{ExerciseReminder, NewTraining};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use qorgau_rules::safety::{Activity, PeriodKind, ScheduleStatus, TrainingKind};
use qorgau_store::safety::{OverdueViolation, Training};
use serde::Deserialize;

use super::plans::NewPlanForm;
use super::{MODULE, choices, chosen_body, fail, forms_status, label, layout, number};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, submit};
use crate::pages::layout::{Layout, render};
use crate::pages::session::{PageForm, PageSession};

#[derive(Deserialize, Default)]
pub struct BodyQuery {
    body_id: Option<String>,
    year: Option<String>,
}

impl BodyQuery {
    /// The overview of the body a form was posted for.
    pub(super) fn for_body(body_id: String) -> Self {
        Self {
            body_id: Some(body_id),
            year: None,
        }
    }
}

/// The forms of the overview: the one refused carries the input and the error, the others
/// are shown unposted.
#[derive(Default)]
pub(super) struct OverviewForms {
    pub(super) plan: Option<Filled<NewPlanForm>>,
    pub(super) training: Option<Filled<TrainingForm>>,
}

struct StandingRow {
    s: PlanStanding,
    status: String,
    indent: String,
}

/// A body's coverage as the template reads it: the outlook as its word, which the template
/// compares to mark the rows heading below 25 %.
struct CoverageLine {
    body_id: i64,
    body_name: String,
    outlook: &'static str,
}

impl From<&CoverageView> for CoverageLine {
    fn from(c: &CoverageView) -> Self {
        Self {
            body_id: c.body_id,
            body_name: c.body_name.clone(),
            outlook: c.outlook.as_str(),
        }
    }
}

struct CoverageRow {
    c: CoverageLine,
    outlook: String,
    sentence: String,
}

/// An analysis due as the template reads it: the status as its word, which the template
/// compares to mark the late ones.
struct ScheduleLine {
    body_id: i64,
    body_name: String,
    kind: PeriodKind,
    year: i32,
    number: u32,
    deadline: NaiveDate,
    status: &'static str,
}

impl From<&ScheduledAnalysis> for ScheduleLine {
    fn from(s: &ScheduledAnalysis) -> Self {
        Self {
            body_id: s.body_id,
            body_name: s.body_name.clone(),
            kind: s.kind,
            year: s.year,
            number: s.number,
            deadline: s.deadline,
            status: s.status.as_str(),
        }
    }
}

struct ScheduleRow {
    s: ScheduleLine,
    period: String,
    status: String,
}

#[derive(Template)]
#[template(path = "safety.html")]
struct OverviewPage {
    layout: Layout,
    body_query: String,
    body_id: i64,
    bodies: Vec<(i64, String)>,
    year: i32,
    standings: Vec<StandingRow>,
    coverage: Vec<CoverageRow>,
    reminders: Vec<(ExerciseReminder, String)>,
    overdue: Vec<OverdueViolation>,
    schedule: Vec<ScheduleRow>,
    trainings: Vec<Training>,
    can_write: bool,
    training_kinds: Vec<(&'static str, String)>,
    training_activities: Vec<(&'static str, String)>,
    plan_form: Filled<NewPlanForm>,
    training_form: Filled<TrainingForm>,
}

pub(super) async fn overview_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    query: BodyQuery,
    forms: OverviewForms,
) -> Response {
    let status = forms_status([
        forms.plan.as_ref().map(Filled::status),
        forms.training.as_ref().map(Filled::status),
    ]);
    let acting = Acting::Principal(&session.principal);
    let today = state.app.clock().today();
    let result = async {
        let (body_id, bodies) = chosen_body(state, acting, query.body_id.as_deref()).await?;
        let year = match query
            .year
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(text) => number("year", text)?,
            // From October the Plans for next year are what is being worked on.
            None if today.month() >= 10 => today.year() + 1,
            None => today.year(),
        };
        let standings = state.app.plan_standings(acting, body_id, year).await?;
        let (qy, q) = quarter_of(today);
        let coverage = state.app.coverage(acting, body_id, qy, q).await?;
        let reminders = state.app.exercise_reminders(acting, body_id).await?;
        let overdue = state.app.overdue_violations(acting, body_id).await?;
        let schedule = state.app.analysis_schedule(acting, body_id).await?;
        let trainings = state
            .app
            .trainings(acting, body_id, today - Duration::days(90))
            .await?;
        Ok::<_, AppError>((
            body_id, bodies, year, standings, coverage, reminders, overdue, schedule, trainings,
        ))
    }
    .await;
    match result {
        Ok((
            body_id,
            bodies,
            year,
            standings,
            coverage,
            reminders,
            overdue,
            schedule,
            trainings,
        )) => {
            // Only the body and the bodies directly under it: the page stays readable.
            let direct: Vec<i64> = standings
                .iter()
                .filter(|s| s.depth <= 1)
                .map(|s| s.unit_id)
                .collect();
            // New forms are for the body and year shown; a refused one keeps what was typed.
            let plan_form = forms.plan.unwrap_or_else(|| {
                Filled::new(NewPlanForm {
                    unit_id: body_id.to_string(),
                    year: year.to_string(),
                    ..NewPlanForm::default()
                })
            });
            let training_form = forms.training.unwrap_or_else(|| {
                Filled::new(TrainingForm {
                    unit_id: body_id.to_string(),
                    starts_on: today.to_string(),
                    ends_on: today.to_string(),
                    ..TrainingForm::default()
                })
            });
            render(
                status,
                &OverviewPage {
                    layout: layout(tr, session),
                    body_query: format!("?body_id={body_id}"),
                    plan_form,
                    training_form,
                    body_id,
                    bodies,
                    year,
                    standings: standings
                        .into_iter()
                        .filter(|s| s.depth <= 1 || s.late)
                        .take(200)
                        .map(|s| StandingRow {
                            indent: "· ".repeat(s.depth.min(6)),
                            status: match s.status {
                                Some(status) => tr.t(status.message_id()),
                                None => tr.t("safety-plan-none"),
                            },
                            s,
                        })
                        .collect(),
                    coverage: coverage
                        .into_iter()
                        .filter(|c| direct.contains(&c.body_id) || c.body_id == body_id)
                        .map(|c| CoverageRow {
                            outlook: label(tr, c.outlook),
                            sentence: tr.message(
                                &Message::new("safety-coverage-row")
                                    .arg("inspected", c.inspected)
                                    .arg("total", c.departments_and_services)
                                    .arg("required", c.required),
                            ),
                            c: CoverageLine::from(&c),
                        })
                        .collect(),
                    reminders: reminders
                        .into_iter()
                        .filter(|r| direct.contains(&r.unit_id))
                        .map(|r| {
                            let sentence = tr.message(
                                &Message::new("safety-reminder")
                                    .arg("unit", r.unit_name.as_str())
                                    .arg("period", label(tr, r.period))
                                    .arg("start", r.period_starts.to_string())
                                    .arg("due", r.due_by.to_string()),
                            );
                            (r, sentence)
                        })
                        .collect(),
                    overdue: overdue.into_iter().take(100).collect(),
                    schedule: schedule
                        .into_iter()
                        .filter(|s| s.status != ScheduleStatus::Completed)
                        .take(60)
                        .map(|s| ScheduleRow {
                            period: format!("{} {}/{}", label(tr, s.kind), s.number, s.year),
                            status: label(tr, s.status),
                            s: ScheduleLine::from(&s),
                        })
                        .collect(),
                    trainings,
                    can_write: session.principal.can(Permission::WriteSafety),
                    training_kinds: choices::<TrainingKind>(tr),
                    training_activities: choices::<Activity>(tr),
                },
            )
        }
        Err(e) => fail(e, tr, session),
    }
}

pub async fn overview(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<BodyQuery>,
) -> Response {
    overview_page(&state, &tr, &session, query, OverviewForms::default()).await
}

/// The training form as posted (`held` is absent when its box is not ticked).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TrainingForm {
    unit_id: String,
    kind: String,
    activity: String,
    title: String,
    starts_on: String,
    ends_on: String,
    #[serde(default)]
    held: String,
}

impl TryFrom<&TrainingForm> for NewTraining {
    type Error = AppError;

    fn try_from(form: &TrainingForm) -> Result<Self, AppError> {
        Ok(NewTraining {
            unit_id: number("unit_id", &form.unit_id)?,
            kind: form.kind.clone(),
            activity: Some(form.activity.clone()).filter(|a| !a.is_empty()),
            title: form.title.clone(),
            starts_on: form.starts_on.clone(),
            ends_on: form.ends_on.clone(),
            held: !form.held.is_empty(),
        })
    }
}

pub async fn record_training(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<TrainingForm>,
) -> Response {
    let app = &state.app;
    let acting = Acting::Principal(&session.principal);
    let body = BodyQuery::for_body(form.unit_id.clone());
    submit(
        &tr,
        &session,
        MODULE,
        form,
        |input: NewTraining| app.record_training(acting, input),
        |training| format!("/safety?body_id={}", training.unit_id),
        |filled| {
            let forms = OverviewForms {
                training: Some(filled),
                ..OverviewForms::default()
            };
            overview_page(&state, &tr, &session, body, forms)
        },
    )
    .await
}
