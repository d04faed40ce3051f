//! Analysis of the state of work (paras 16-20): for a body and a period, deaths and injuries
//! and their rates per 1,000 against the same period last year, subordinate units ranked, the
//! unfavourable ones named by a stated criterion, characteristic deficiencies, and the
//! analyst's conclusions; and the schedule of analyses each body owes.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use qorgau_i18n::{Message, Vocabulary};
use qorgau_rules::safety::{
    self as rules, Cause, Echelon, Period, PeriodError, PeriodKind, ScheduleStatus,
    TrainingCalendar, UnitRates, ViolationCategory, analyses_due, per_thousand, round_rate,
    unfavourable,
};
use qorgau_rules::{Decision, TypedRule};
use qorgau_store::safety::{self as repo, Analysis};
use serde::Serialize;

use super::{Tree, echelon_of, records};
use crate::audit::{AuditAction, Change};
use crate::validation::text;
use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// Deaths and injuries of a unit or body over a period, with the rates para 17 asks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Figures {
    /// Average strength over the period.
    pub strength: f64,
    /// In performance of military service duties (para 18).
    pub deaths: u64,
    pub injuries: u64,
    /// Not in performance of duties: registered, not counted in the rates.
    pub deaths_other: u64,
    pub injuries_other: u64,
    pub deaths_per_1000: Option<f64>,
    pub injuries_per_1000: Option<f64>,
    /// Deaths and injuries together per 1,000: the figure units are ranked by.
    pub rate: Option<f64>,
}

impl Figures {
    fn conclude(&mut self) {
        self.deaths_per_1000 = per_thousand(self.deaths, self.strength).map(round_rate);
        self.injuries_per_1000 = per_thousand(self.injuries, self.strength).map(round_rate);
        self.rate = per_thousand(self.deaths + self.injuries, self.strength);
    }

    fn add(&mut self, counts: &repo::IncidentRollup) {
        self.deaths += counts.deaths_duty.max(0) as u64;
        self.injuries += counts.injuries_duty.max(0) as u64;
        self.deaths_other += counts.deaths_other.max(0) as u64;
        self.injuries_other += counts.injuries_other.max(0) as u64;
    }
}

/// A subordinate unit in the ranking.
#[derive(Debug, Clone, Serialize)]
pub struct RankedUnit {
    pub unit_id: i64,
    pub unit_name: String,
    pub current: Figures,
    pub previous: Figures,
    /// The change of the rate since the same period last year.
    pub change: Option<f64>,
    pub unfavourable: bool,
    /// Why it is unfavourable, as catalogue messages the reader's language renders.
    #[serde(skip)]
    pub reasons: Vec<Message>,
}

/// One month of the trend, with the same month last year.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MonthPoint {
    /// 'YYYY-MM'
    pub month: String,
    pub deaths: u64,
    pub injuries: u64,
    pub previous_deaths: u64,
    pub previous_injuries: u64,
}

/// A word of a vocabulary (a violation category, a cause) and how often it occurred.
#[derive(Debug, Clone, Serialize)]
pub struct Tally<K> {
    pub key: K,
    pub count: i64,
}

/// The most frequent first; equal counts in the order of their words.
fn by_count<K: Vocabulary>(sums: HashMap<K, i64>) -> Vec<Tally<K>> {
    let mut out: Vec<Tally<K>> = sums
        .into_iter()
        .map(|(key, count)| Tally { key, count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.word().cmp(b.key.word())));
    out.truncate(10);
    out
}

#[derive(Debug, Clone, Serialize)]
pub struct AnalysisReport {
    pub body_id: i64,
    pub body_name: String,
    pub period: Period,
    pub previous_period: Period,
    pub current: Figures,
    pub previous: Figures,
    pub change_deaths_per_1000: Option<f64>,
    pub change_injuries_per_1000: Option<f64>,
    pub ranking: Vec<RankedUnit>,
    pub monthly: Vec<MonthPoint>,
    /// The most frequent violation categories in the Acts of the period (para 16.2).
    pub deficiencies: Vec<Tally<ViolationCategory>>,
    /// The causes of deaths and injuries in performance of duty (para 16.2).
    pub causes: Vec<Tally<Cause>>,
    /// The clauses the analysis rests on.
    pub citations: Vec<String>,
    /// The criterion of unfavourable units, rendered in the reader's language.
    #[serde(skip)]
    pub criterion: Message,
    /// The analyst's text, once written.
    #[serde(skip)]
    pub conclusions: Option<Analysis>,
    #[serde(skip)]
    pub comparison: Decision<rules::ComparisonOutcome>,
    #[serde(skip)]
    pub rates: Option<Decision<rules::RatesOutcome>>,
}

/// Which analysis: the body and its period.
#[derive(Debug, Clone, Copy)]
pub struct AnalysisKey {
    pub body_id: i64,
    pub kind: PeriodKind,
    pub year: i32,
    pub number: u32,
}

/// One analysis a body owes.
#[derive(Debug, Clone, Serialize)]
pub struct ScheduledAnalysis {
    pub body_id: i64,
    pub body_name: String,
    pub echelon: Echelon,
    pub kind: PeriodKind,
    pub year: i32,
    pub number: u32,
    pub period_end: NaiveDate,
    pub deadline: NaiveDate,
    pub status: ScheduleStatus,
}

/// The period `kind`/`year`/`number` with the default training calendar.
pub fn period(kind: PeriodKind, year: i32, number: u32) -> Result<Period, AppError> {
    Period::new(kind, year, number, &TrainingCalendar::default())
        .map_err(|e| AppError::invalid("period", period_message(&e)))
}

/// Why a period cannot be built, as a whole sentence of the catalogue.
pub fn period_message(error: &PeriodError) -> Message {
    match error {
        PeriodError::Number { kind, max, number } => Message::new("invalid-period-number")
            .arg("kind", *kind)
            .arg("max", i64::from(*max))
            .arg("number", i64::from(*number)),
        PeriodError::Year(year) => {
            Message::new("invalid-period-year").arg("year", i64::from(*year))
        }
        PeriodError::Empty => Message::new("invalid-period-empty"),
    }
}

fn month_key(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

/// Months of a period, 'YYYY-MM', in order.
fn months_of(period: &Period) -> Vec<String> {
    let mut out = Vec::new();
    let mut day = period.start.with_day(1).unwrap_or(period.start);
    while day <= period.end {
        out.push(month_key(day));
        day = match day.checked_add_months(Months::new(1)) {
            Some(next) => next,
            None => break,
        };
    }
    out
}

/// Figures of one period from the roll-ups: the body's total and each direct child's, the
/// body's months and its causes of deaths and injuries in performance of duty.
struct PeriodFigures {
    total: Figures,
    by_branch: HashMap<i64, Figures>,
    by_month: HashMap<String, (u64, u64)>,
    causes: Vec<Tally<Cause>>,
}

/// The average strength of each unit over the months that have figures: the mean, over the
/// months of the period in which any unit of its subtree reported, of the subtree's total.
fn average_strength(rows: &[repo::StrengthRollup]) -> HashMap<i64, f64> {
    let mut sums: HashMap<i64, (i64, i64)> = HashMap::new();
    for row in rows.iter().filter(|r| r.reporting > 0) {
        let entry = sums.entry(row.unit_id).or_default();
        entry.0 += row.personnel;
        entry.1 += 1;
    }
    sums.into_iter()
        .map(|(unit, (sum, months))| (unit, sum as f64 / months as f64))
        .collect()
}

async fn figures_of(
    conn: &mut qorgau_store::Conn,
    body_id: i64,
    children: &[i64],
    period: &Period,
) -> Result<PeriodFigures, AppError> {
    let months = months_of(period);
    let (first, last) = (
        months.first().cloned().unwrap_or_default(),
        months.last().cloned().unwrap_or_default(),
    );
    let mut ids = vec![body_id];
    ids.extend_from_slice(children);
    let strength = average_strength(&repo::strength_rollups(conn, &ids, &first, &last).await?);
    let mut out = PeriodFigures {
        total: Figures::default(),
        by_branch: HashMap::new(),
        by_month: HashMap::new(),
        causes: Vec::new(),
    };
    let mut causes: HashMap<Cause, i64> = HashMap::new();
    for row in repo::incident_rollups(conn, &ids, &first, &last).await? {
        if row.unit_id == body_id {
            out.total.add(&row);
            let month = out.by_month.entry(row.month.clone()).or_default();
            month.0 += row.deaths_duty.max(0) as u64;
            month.1 += row.injuries_duty.max(0) as u64;
            let in_duty = row.deaths_duty + row.injuries_duty;
            if in_duty > 0 {
                *causes.entry(row.cause).or_default() += in_duty;
            }
        } else {
            out.by_branch.entry(row.unit_id).or_default().add(&row);
        }
    }
    out.total.strength = strength.get(&body_id).copied().unwrap_or_default();
    out.total.conclude();
    for &child in children {
        let figures = out.by_branch.entry(child).or_default();
        figures.strength = strength.get(&child).copied().unwrap_or_default();
        figures.conclude();
    }
    out.causes = by_count(causes);
    Ok(out)
}

fn tallies(
    rows: Vec<repo::CategoryCount>,
    inside: &HashMap<i64, i64>,
) -> Vec<Tally<ViolationCategory>> {
    let mut sums: HashMap<ViolationCategory, i64> = HashMap::new();
    for row in rows {
        if inside.contains_key(&row.unit_id) {
            *sums.entry(row.category).or_default() += row.count;
        }
    }
    by_count(sums)
}

fn difference(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    Some(round_rate(a? - b?))
}

impl App {
    /// The analysis of `body_id` for a period against the same period last year.
    pub async fn safety_analysis(
        &self,
        acting: Acting<'_>,
        body_id: i64,
        kind: PeriodKind,
        year: i32,
        number: u32,
    ) -> Result<AnalysisReport, AppError> {
        let tree = self.tree().await?;
        let body = tree.get(body_id)?;
        authorize(acting, Permission::ReadSafety, Scope::Unit(&body.path))?;
        let today = self.clock().today();
        let comparison = rules::ComparisonPeriod.decision(
            rules::ComparisonFacts {
                kind,
                year,
                number: (kind.per_year() > 1).then_some(number),
                calendar: None,
            },
            today,
        )?;
        let current_period = period(kind, year, number)?;
        let previous_period = period(kind, year - 1, number)?;
        analyse(
            self,
            &tree,
            body_id,
            current_period,
            previous_period,
            comparison,
        )
        .await
    }

    /// Writes the analyst's conclusions and proposed measures (para 19).
    pub async fn complete_analysis(
        &self,
        acting: Acting<'_>,
        key: AnalysisKey,
        conclusions: &str,
        measures: &str,
    ) -> Result<Analysis, AppError> {
        let AnalysisKey {
            body_id,
            kind,
            year,
            number,
        } = key;
        let body = self
            .unit_in_scope(acting, Permission::WriteAnalysis, body_id)
            .await?;
        let p = period(kind, year, number)?;
        let conclusions = text("conclusions", conclusions, 20_000)?;
        let measures = text("measures", measures, 20_000)?;
        let mut w = self
            .write(acting, Permission::WriteAnalysis, Scope::Unit(&body.path))
            .await?;
        let analysis = Analysis {
            id: 0,
            body_id: body.id,
            kind,
            year: i64::from(p.year),
            number: i64::from(p.number),
            conclusions,
            measures,
            completed_by: w.actor_name(),
            completed_at: w.at(),
        };
        let before = repo::analysis(
            w.conn(),
            body.id,
            analysis.kind,
            analysis.year,
            analysis.number,
        )
        .await?;
        repo::upsert_analysis(w.conn(), &analysis).await?;
        w.audit(Change {
            action: AuditAction::SafetyAnalysisComplete,
            entity: "safety_analysis",
            entity_id: format!("{}/{}/{}/{}", body.id, analysis.kind, p.year, p.number),
            before: before.as_ref().map(records::analysis),
            after: Some(records::analysis(&analysis)),
        })
        .await?;
        w.commit().await?;
        let mut conn = self.store().pool().acquire().await?;
        repo::analysis(
            &mut conn,
            body.id,
            analysis.kind,
            analysis.year,
            analysis.number,
        )
        .await?
        .ok_or_else(|| AppError::Internal("the analysis just written is missing".into()))
    }

    /// For `body_id` and the bodies directly below it: every analysis owed for the periods
    /// that ended in the last twelve months, with its deadline (para 20) and whether it is
    /// completed, still open or late.
    pub async fn analysis_schedule(
        &self,
        acting: Acting<'_>,
        body_id: i64,
    ) -> Result<Vec<ScheduledAnalysis>, AppError> {
        let tree = self.tree().await?;
        let body = tree.get(body_id)?;
        authorize(acting, Permission::ReadSafety, Scope::Unit(&body.path))?;
        let today = self.clock().today();
        let first_year = today.year() - 1;
        let done = {
            let mut conn = self.store().pool().acquire().await?;
            repo::analyses_from(&mut conn, i64::from(first_year)).await?
        };
        let mut bodies = vec![body_id];
        bodies.extend(tree.children_of(body_id).iter().copied());
        let mut month_end = today.with_day(1).and_then(|d| d.pred_opt());
        let mut ends = Vec::new();
        for _ in 0..12 {
            let Some(end) = month_end else { break };
            ends.push(end);
            month_end = end.with_day(1).and_then(|d| d.pred_opt());
        }
        let mut out = Vec::new();
        for id in bodies {
            let Some(echelon) = echelon_of(tree.kind(id)) else {
                continue;
            };
            for &end in &ends {
                let (due, deadline) = analyses_due(echelon, end);
                let Some(deadline) = deadline else { continue };
                for kind in due {
                    let number = match kind {
                        PeriodKind::Month => end.month(),
                        PeriodKind::Quarter => (end.month() - 1) / 3 + 1,
                        PeriodKind::HalfYear => (end.month() - 1) / 6 + 1,
                        _ => 1,
                    };
                    let completed = done.iter().any(|a| {
                        a.body_id == id
                            && a.kind == kind
                            && a.year == i64::from(end.year())
                            && a.number == i64::from(number)
                    });
                    let status = if completed {
                        ScheduleStatus::Completed
                    } else if today > deadline {
                        ScheduleStatus::Late
                    } else {
                        ScheduleStatus::Open
                    };
                    out.push(ScheduledAnalysis {
                        body_id: id,
                        body_name: tree.units[&id].name.clone(),
                        echelon,
                        kind,
                        year: end.year(),
                        number,
                        period_end: end,
                        deadline,
                        status,
                    });
                }
            }
        }
        out.sort_by(|a, b| b.deadline.cmp(&a.deadline).then(a.body_id.cmp(&b.body_id)));
        Ok(out)
    }
}

async fn analyse(
    app: &App,
    tree: &Tree,
    body_id: i64,
    current_period: Period,
    previous_period: Period,
    comparison: Decision<rules::ComparisonOutcome>,
) -> Result<AnalysisReport, AppError> {
    let body = tree.get(body_id)?;
    let children = tree.children_of(body_id).to_vec();
    let mut conn = app.store().pool().acquire().await?;
    let mut current = figures_of(&mut conn, body_id, &children, &current_period).await?;
    let previous = figures_of(&mut conn, body_id, &children, &previous_period).await?;
    // Acts are few next to incidents: their violations are counted from the Acts themselves.
    let deficiencies = tallies(
        repo::violation_counts(&mut conn, current_period.start, current_period.end).await?,
        &tree.branch_of(body_id),
    );
    let causes = std::mem::take(&mut current.causes);
    let conclusions = repo::analysis(
        &mut conn,
        body_id,
        current_period.kind,
        i64::from(current_period.year),
        i64::from(current_period.number),
    )
    .await?;
    drop(conn);

    let mut ranking: Vec<RankedUnit> = tree
        .children_of(body_id)
        .iter()
        .map(|&child| {
            let now = current.by_branch.get(&child).copied().unwrap_or_default();
            let before = previous.by_branch.get(&child).copied().unwrap_or_default();
            let reasons = unfavourable(
                &UnitRates {
                    deaths_rate: per_thousand(now.deaths, now.strength),
                    rate: now.rate,
                    previous_rate: before.rate,
                },
                &UnitRates {
                    deaths_rate: per_thousand(current.total.deaths, current.total.strength),
                    rate: current.total.rate,
                    previous_rate: previous.total.rate,
                },
            );
            RankedUnit {
                unit_id: child,
                unit_name: tree.units[&child].name.clone(),
                current: now,
                previous: before,
                change: difference(now.rate, before.rate),
                unfavourable: !reasons.is_empty(),
                reasons,
            }
        })
        .collect();
    ranking.sort_by(|a, b| {
        b.current
            .rate
            .unwrap_or(-1.0)
            .total_cmp(&a.current.rate.unwrap_or(-1.0))
            .then(a.unit_id.cmp(&b.unit_id))
    });
    let previous_months = months_of(&previous_period);
    let monthly = months_of(&current_period)
        .into_iter()
        .enumerate()
        .map(|(i, month)| {
            let (deaths, injuries) = current.by_month.get(&month).copied().unwrap_or_default();
            let (previous_deaths, previous_injuries) = previous_months
                .get(i)
                .and_then(|m| previous.by_month.get(m).copied())
                .unwrap_or_default();
            MonthPoint {
                month,
                deaths,
                injuries,
                previous_deaths,
                previous_injuries,
            }
        })
        .collect();
    let today = app.clock().today();
    let rates = if current.total.strength > 0.0 {
        Some(rules::Rates.decision(
            rules::RatesFacts {
                personnel: current.total.strength,
                deaths: u32::try_from(current.total.deaths).unwrap_or(u32::MAX),
                injuries: u32::try_from(current.total.injuries).unwrap_or(u32::MAX),
            },
            today,
        )?)
    } else {
        None
    };
    let criterion = Message::new("analysis-unfavourable-criterion");
    let mut citations: Vec<String> = comparison.citations.iter().map(|c| c.to_string()).collect();
    citations.extend(
        rules::Rates::CITATIONS
            .iter()
            .map(|c| (*c).to_owned())
            .chain([
                rules::UNFAVOURABLE_CLAUSE.to_owned(),
                "kz-2020-mod-738/para_16__point_2".to_owned(),
                "kz-2020-mod-738/para_19".to_owned(),
            ]),
    );
    Ok(AnalysisReport {
        body_id,
        body_name: body.name.clone(),
        change_deaths_per_1000: difference(
            current.total.deaths_per_1000,
            previous.total.deaths_per_1000,
        ),
        change_injuries_per_1000: difference(
            current.total.injuries_per_1000,
            previous.total.injuries_per_1000,
        ),
        period: current_period,
        previous_period,
        current: current.total,
        previous: previous.total,
        ranking,
        monthly,
        deficiencies,
        causes,
        citations,
        criterion,
        conclusions,
        comparison,
        rates,
    })
}
