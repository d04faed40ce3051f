//! `safety.comparison_period` and the periods analyses are made for.
//!
//! > 16. The analysis of the state of work to ensure the security of military service is
//! > carried out in comparison with the same period last year (winter and summer training
//! > period, academic year) ... (001, para 16)
//!
//! How para 16 meets the cadence of para 20 (monthly, quarterly, half-yearly, annually): the
//! analyses para 20 schedules are of calendar periods, and each is compared with the same
//! calendar period a year earlier (a quarter with the same quarter, never with the quarter
//! before it); the training periods and the academic year of para 16 are further kinds an
//! analysis may be made for, each compared with the same training period or academic year a
//! year earlier, with no deadline from para 20 and for any body (the rule does not know it).
//! Every decision states this reading.
//!
//! The text does not fix when the training periods and the academic year begin. They are
//! configuration ([`TrainingCalendar`]) with the customary defaults: winter 1 December to
//! 31 May, summer 1 June to 30 November, academic year 1 September to 31 August. A period that
//! spans New Year is named by the year it begins in.

use chrono::{Datelike, NaiveDate};
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use crate::{Decision, RuleError, TypedRule, cite};

qorgau_i18n::vocabulary! {
    /// The kinds of period an analysis covers; a training period is also the season of an
    /// incident.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum PeriodKind: "period-" {
        Month = "month",
        Quarter = "quarter",
        HalfYear = "half_year",
        Year = "year",
        WinterTraining = "winter_training",
        SummerTraining = "summer_training",
        AcademicYear = "academic_year",
    }
}

impl PeriodKind {
    /// How many numbered periods of this kind a year has; 1 for those named by the year alone.
    pub fn per_year(self) -> u32 {
        match self {
            PeriodKind::Month => 12,
            PeriodKind::Quarter => 4,
            PeriodKind::HalfYear => 2,
            _ => 1,
        }
    }
}

/// A day of the year, written "MM-DD".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(try_from = "String", into = "String")]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    pub const fn new(month: u32, day: u32) -> Self {
        Self { month, day }
    }

    /// This day in `year`; 29 February falls back to 28 February in a common year.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day - 1))
    }
}

impl TryFrom<String> for MonthDay {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        let bad = || format!("{text:?} is not a day of the year written MM-DD");
        let (month, day) = text.split_once('-').ok_or_else(bad)?;
        let month: u32 = month.parse().map_err(|_| bad())?;
        let day: u32 = day.parse().map_err(|_| bad())?;
        // 2024 is a leap year, so 02-29 is accepted.
        NaiveDate::from_ymd_opt(2024, month, day).ok_or_else(bad)?;
        Ok(Self { month, day })
    }
}

impl From<MonthDay> for String {
    fn from(day: MonthDay) -> Self {
        format!("{:02}-{:02}", day.month, day.day)
    }
}

/// When the training periods and the academic year begin: configuration, since 001 does not
/// fix them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingCalendar {
    pub winter_starts: MonthDay,
    pub summer_starts: MonthDay,
    pub academic_year_starts: MonthDay,
}

impl Default for TrainingCalendar {
    fn default() -> Self {
        Self {
            winter_starts: MonthDay::new(12, 1),
            summer_starts: MonthDay::new(6, 1),
            academic_year_starts: MonthDay::new(9, 1),
        }
    }
}

impl TrainingCalendar {
    /// The explanation sentence that states the calendar in use.
    pub fn message(&self) -> Message {
        Message::new("rule-safety-training-calendar")
            .arg("winter", String::from(self.winter_starts))
            .arg("summer", String::from(self.summer_starts))
            .arg("academic", String::from(self.academic_year_starts))
    }

    /// The training period (winter or summer) a day falls in, with its bounds.
    pub fn training_period_of(&self, day: NaiveDate) -> Option<Period> {
        // The period that began most recently on or before `day`.
        let year = day.year();
        let mut candidates = Vec::new();
        for y in [year - 1, year] {
            for kind in [PeriodKind::WinterTraining, PeriodKind::SummerTraining] {
                if let Ok(period) = Period::new(kind, y, 1, self) {
                    candidates.push(period);
                }
            }
        }
        candidates
            .into_iter()
            .filter(|p| p.start <= day && day <= p.end)
            .max_by_key(|p| p.start)
    }
}

/// One concrete period: its kind, the year it is named by, its number within the year (month,
/// quarter or half; 1 otherwise) and its first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Period {
    pub kind: PeriodKind,
    pub year: i32,
    pub number: u32,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// Why a period cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("must be from 1 to {max} for a {kind}; got {number}")]
    Number {
        kind: &'static str,
        max: u32,
        number: u32,
    },
    #[error("must be a year from 1900 to 9998; got {0}")]
    Year(i32),
    #[error("the calendar makes the period empty")]
    Empty,
}

impl Period {
    pub fn new(
        kind: PeriodKind,
        year: i32,
        number: u32,
        calendar: &TrainingCalendar,
    ) -> Result<Self, PeriodError> {
        if !(1900..=9998).contains(&year) {
            return Err(PeriodError::Year(year));
        }
        let max = kind.per_year();
        if number < 1 || number > max {
            return Err(PeriodError::Number {
                kind: kind.as_str(),
                max,
                number,
            });
        }
        let ymd =
            |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).ok_or(PeriodError::Empty);
        let month_end = |y: i32, m: u32| -> Result<NaiveDate, PeriodError> {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            ymd(ny, nm, 1)?.pred_opt().ok_or(PeriodError::Empty)
        };
        let span = |from: MonthDay, to: MonthDay| -> Result<(NaiveDate, NaiveDate), PeriodError> {
            let start = from.in_year(year).ok_or(PeriodError::Empty)?;
            let mut next = to.in_year(year).ok_or(PeriodError::Empty)?;
            if next <= start {
                next = to.in_year(year + 1).ok_or(PeriodError::Empty)?;
            }
            Ok((start, next.pred_opt().ok_or(PeriodError::Empty)?))
        };
        let (start, end) = match kind {
            PeriodKind::Month => (ymd(year, number, 1)?, month_end(year, number)?),
            PeriodKind::Quarter => {
                let first = (number - 1) * 3 + 1;
                (ymd(year, first, 1)?, month_end(year, first + 2)?)
            }
            PeriodKind::HalfYear => {
                let first = (number - 1) * 6 + 1;
                (ymd(year, first, 1)?, month_end(year, first + 5)?)
            }
            PeriodKind::Year => (ymd(year, 1, 1)?, ymd(year, 12, 31)?),
            PeriodKind::WinterTraining => span(calendar.winter_starts, calendar.summer_starts)?,
            PeriodKind::SummerTraining => span(calendar.summer_starts, calendar.winter_starts)?,
            PeriodKind::AcademicYear => {
                span(calendar.academic_year_starts, calendar.academic_year_starts)?
            }
        };
        Ok(Self {
            kind,
            year,
            number,
            start,
            end,
        })
    }

    /// The same period of the previous year.
    pub fn previous_year(&self, calendar: &TrainingCalendar) -> Result<Self, PeriodError> {
        Self::new(self.kind, self.year - 1, self.number, calendar)
    }

    /// The number of days in the period.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

pub struct ComparisonPeriod;

/// The facts of `safety.comparison_period`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComparisonFacts {
    /// month, quarter, half_year, year, winter_training, summer_training or academic_year.
    pub kind: PeriodKind,
    /// The year the period is named by: for a period spanning New Year, the year it begins in.
    pub year: i32,
    /// The month (1-12), quarter (1-4) or half (1-2); omitted for the other kinds.
    #[serde(default)]
    pub number: Option<u32>,
    /// When the training periods and the academic year begin; the defaults when omitted.
    #[serde(default)]
    pub calendar: Option<TrainingCalendar>,
}

pub(crate) fn period_error(rule: &'static str, error: PeriodError) -> RuleError {
    let (fact, message) = match error {
        PeriodError::Number { kind, max, number } => (
            "number",
            Message::new("fact-period-number-out-of-range")
                .arg("kind", kind)
                .arg("max", max)
                .arg("number", number),
        ),
        PeriodError::Year(year) => (
            "year",
            Message::new("fact-period-year-out-of-range").arg("year", year),
        ),
        PeriodError::Empty => ("calendar", Message::new("fact-period-calendar-empty")),
    };
    RuleError::InvalidFact {
        rule,
        fact,
        message,
    }
}

impl TypedRule for ComparisonPeriod {
    type Facts = ComparisonFacts;
    type Outcome = ComparisonOutcome;
    const ID: &'static str = "safety.comparison_period";
    const TITLE: &'static str = "rule-safety-comparison-period-title";
    const CITATIONS: &'static [&'static str] =
        &["kz-2020-mod-738/para_16", "kz-2020-mod-738/para_20"];
    const IN_FORCE_FROM: (i32, u32, u32) = super::IN_FORCE_FROM;

    fn decide(
        &self,
        facts: ComparisonFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<ComparisonOutcome>, RuleError> {
        let calendar = facts.calendar.unwrap_or_default();
        let number = match (facts.kind.per_year(), facts.number) {
            (1, None) => 1,
            (1, Some(_)) => {
                return Err(RuleError::InvalidFact {
                    rule: Self::ID,
                    fact: "number",
                    message: Message::new("fact-comparison-number-not-used")
                        .arg_message("kind", facts.kind.message_id()),
                });
            }
            (_, Some(number)) => number,
            (_, None) => {
                return Err(RuleError::InvalidFact {
                    rule: Self::ID,
                    fact: "number",
                    message: Message::new("fact-comparison-number-needed")
                        .arg("kind", facts.kind.as_str())
                        .arg("max", facts.kind.per_year()),
                });
            }
        };
        let period = Period::new(facts.kind, facts.year, number, &calendar)
            .map_err(|e| period_error(Self::ID, e))?;
        let previous = period
            .previous_year(&calendar)
            .map_err(|e| period_error(Self::ID, e))?;
        let mut explanation = vec![
            Message::new("rule-safety-comparison-period-basis")
                .arg("start", period.start.to_string())
                .arg("end", period.end.to_string())
                .arg("previous_start", previous.start.to_string())
                .arg("previous_end", previous.end.to_string()),
        ];
        let training = matches!(
            facts.kind,
            PeriodKind::WinterTraining | PeriodKind::SummerTraining | PeriodKind::AcademicYear
        );
        if training {
            explanation.push(calendar.message());
        }
        // How para 16 meets the cadence of para 20, for this kind of period.
        explanation.push(Message::new(if training {
            "rule-safety-comparison-period-training"
        } else {
            "rule-safety-comparison-period-calendar"
        }));
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: ComparisonOutcome { period, previous },
            citations: cite(Self::CITATIONS),
            explanation,
        })
    }
}

/// The outcome of `safety.comparison_period`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ComparisonOutcome {
    pub period: Period,
    /// The same period one year earlier.
    pub previous: Period,
}
