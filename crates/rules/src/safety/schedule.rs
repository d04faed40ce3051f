//! `safety.analysis_schedule`: which analyses an echelon owes for a period and by when.
//!
//! > 20. An analysis of the state of work ... is carried out no later than the 10th day of the
//! > calendar month following the analyzed period: 1) in the Armed Forces ... - annually;
//! > 2) in military command and control bodies subordinate to military units (institutions) -
//! > once every six months and annually; 3) in the branches of the armed forces and in the
//! > troops of regional commands - quarterly, once every six months and annually; 4) in
//! > military units (institutions) - monthly, quarterly, once every six months and annually.
//! > (001, para 20)
//!
//! Read with para 16 ("in comparison with the same period last year (winter and summer training
//! period, academic year)"): the periods of para 20 are calendar periods (the month, the quarter,
//! the half-year January-June or July-December, the calendar year), each compared with the same
//! calendar period a year earlier. The training periods and the academic year are never
//! scheduled here, even when one ends on the last day of a month. Every decision states this.

use chrono::{Datelike, NaiveDate};
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use super::periods::PeriodKind;
use crate::{Decision, RuleError, TypedRule, cite};

pub struct AnalysisSchedule;

qorgau_i18n::vocabulary! {
    /// The echelons of para 20.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum Echelon: "echelon-" {
        ArmedForces = "armed_forces",
        CommandBodyWithSubordinateUnits = "command_body_with_subordinate_units",
        BranchOrRegionalCommand = "branch_or_regional_command",
        MilitaryUnit = "military_unit",
    }
}

impl Echelon {
    /// The kinds of analysis the echelon makes (para 20).
    pub fn analyses(self) -> &'static [PeriodKind] {
        use PeriodKind::*;
        match self {
            Echelon::ArmedForces => &[Year],
            Echelon::CommandBodyWithSubordinateUnits => &[HalfYear, Year],
            Echelon::BranchOrRegionalCommand => &[Quarter, HalfYear, Year],
            Echelon::MilitaryUnit => &[Month, Quarter, HalfYear, Year],
        }
    }

    fn clause(self) -> &'static str {
        match self {
            Echelon::ArmedForces => "kz-2020-mod-738/para_20__point_1",
            Echelon::CommandBodyWithSubordinateUnits => "kz-2020-mod-738/para_20__point_2",
            Echelon::BranchOrRegionalCommand => "kz-2020-mod-738/para_20__point_3",
            Echelon::MilitaryUnit => "kz-2020-mod-738/para_20__point_4",
        }
    }
}

/// The facts of `safety.analysis_schedule`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleFacts {
    /// armed_forces, command_body_with_subordinate_units, branch_or_regional_command or
    /// military_unit.
    pub echelon: Echelon,
    /// The last day of the analysed period: the last day of a month.
    pub period_end: NaiveDate,
}

/// The kinds of calendar period that end on `day` (the last day of a month).
pub fn periods_ending_on(day: NaiveDate) -> Vec<PeriodKind> {
    let mut kinds = Vec::new();
    if day.succ_opt().is_some_and(|next| next.day() == 1) {
        kinds.push(PeriodKind::Month);
        if day.month().is_multiple_of(3) {
            kinds.push(PeriodKind::Quarter);
        }
        if day.month().is_multiple_of(6) {
            kinds.push(PeriodKind::HalfYear);
        }
        if day.month() == 12 {
            kinds.push(PeriodKind::Year);
        }
    }
    kinds
}

/// The 10th day of the month after `period_end`.
pub fn analysis_deadline(period_end: NaiveDate) -> Option<NaiveDate> {
    let (year, month) = if period_end.month() == 12 {
        (period_end.year() + 1, 1)
    } else {
        (period_end.year(), period_end.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 10)
}

/// The analyses `echelon` owes for periods ending on `period_end`, and their deadline.
pub fn analyses_due(
    echelon: Echelon,
    period_end: NaiveDate,
) -> (Vec<PeriodKind>, Option<NaiveDate>) {
    let due: Vec<PeriodKind> = periods_ending_on(period_end)
        .into_iter()
        .filter(|kind| echelon.analyses().contains(kind))
        .collect();
    let deadline = if due.is_empty() {
        None
    } else {
        analysis_deadline(period_end)
    };
    (due, deadline)
}

impl TypedRule for AnalysisSchedule {
    type Facts = ScheduleFacts;
    type Outcome = ScheduleOutcome;
    const ID: &'static str = "safety.analysis_schedule";
    const TITLE: &'static str = "rule-safety-schedule-title";
    const CITATIONS: &'static [&'static str] = &[
        "kz-2020-mod-738/para_20",
        "kz-2020-mod-738/para_20__point_1",
        "kz-2020-mod-738/para_20__point_2",
        "kz-2020-mod-738/para_20__point_3",
        "kz-2020-mod-738/para_20__point_4",
        "kz-2020-mod-738/para_16",
    ];
    const IN_FORCE_FROM: (i32, u32, u32) = super::IN_FORCE_FROM;

    fn decide(
        &self,
        facts: ScheduleFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<ScheduleOutcome>, RuleError> {
        if periods_ending_on(facts.period_end).is_empty() {
            return Err(RuleError::InvalidFact {
                rule: Self::ID,
                fact: "period_end",
                message: Message::new("fact-schedule-period-end-not-month-end")
                    .arg("period_end", facts.period_end.to_string()),
            });
        }
        let (due, deadline) = analyses_due(facts.echelon, facts.period_end);
        let mut explanation = match deadline {
            Some(deadline) => {
                let days_left = (deadline - as_of).num_days();
                vec![
                    Message::new("rule-safety-schedule-due")
                        .arg("count", due.len())
                        .arg("period_end", facts.period_end.to_string())
                        .arg("deadline", deadline.to_string()),
                    if days_left >= 0 {
                        Message::new("rule-safety-schedule-open")
                            .arg("as_of", as_of.to_string())
                            .arg("days", days_left)
                    } else {
                        Message::new("rule-safety-schedule-late")
                            .arg("as_of", as_of.to_string())
                            .arg("days", -days_left)
                    },
                ]
            }
            None => vec![
                Message::new("rule-safety-schedule-none")
                    .arg("period_end", facts.period_end.to_string()),
            ],
        };
        // How the cadence of para 20 meets the comparison of para 16.
        explanation.push(Message::new("rule-safety-schedule-reading"));
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: ScheduleOutcome { due, deadline },
            citations: cite(&[
                "kz-2020-mod-738/para_20",
                facts.echelon.clause(),
                "kz-2020-mod-738/para_16",
            ]),
            explanation,
        })
    }
}

/// The outcome of `safety.analysis_schedule`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ScheduleOutcome {
    /// The analyses that fall due for the period that ends on the day given.
    pub due: Vec<PeriodKind>,
    /// Their deadline, if any falls due.
    pub deadline: Option<NaiveDate>,
}
