//! `safety.plan_due`: the last day to approve the Plan for ensuring the security of military
//! service for a year.
//!
//! > 5. Annually, before December 25 for the coming year, the commanders (chiefs) of military
//! > command and control bodies develop and approve a Plan for ensuring the security of military
//! > service (hereinafter referred to as the Plan) in the form according to Appendix 1 to these
//! > Rules. (001, para 5)
//!
//! "Before December 25" makes 24 December of the previous year the last day.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use qorgau_law::ClauseId;
use serde::{Deserialize, Serialize};

use crate::{Decision, RuleError, TypedRule};

pub struct PlanDue;

/// The facts of `safety.plan_due`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanDueFacts {
    /// The calendar year the Plan is for.
    pub year: i32,
}

/// The first year whose Plan falls under the Rules: they came into force in January 2021.
const FIRST_YEAR: i32 = 2021;
const LAST_YEAR: i32 = 9999;

/// 24 December of the year before `year`: the last day to approve the Plan for `year`.
pub fn plan_last_day(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year - 1, 12, 24)
}

impl TypedRule for PlanDue {
    type Facts = PlanDueFacts;
    type Outcome = PlanDueOutcome;
    const ID: &'static str = "safety.plan_due";
    const TITLE: &'static str = "rule-safety-plan-due-title";
    const CITATIONS: &'static [&'static str] = &["kz-2020-mod-738/para_5"];
    const IN_FORCE_FROM: (i32, u32, u32) = super::IN_FORCE_FROM;

    fn decide(
        &self,
        facts: PlanDueFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<PlanDueOutcome>, RuleError> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&facts.year) {
            return Err(RuleError::InvalidFact {
                rule: Self::ID,
                fact: "year",
                message: Message::new("fact-plan-due-year-out-of-range")
                    .arg("first", FIRST_YEAR)
                    .arg("last", LAST_YEAR)
                    .arg("year", facts.year),
            });
        }
        let last_day = plan_last_day(facts.year).ok_or_else(|| RuleError::InvalidFact {
            rule: Self::ID,
            fact: "year",
            message: Message::new("fact-plan-due-no-last-day").arg("year", facts.year),
        })?;
        let days_left = (last_day - as_of).num_days();
        let mut explanation = vec![
            Message::new("rule-safety-plan-due-basis")
                .arg("year", facts.year)
                .arg("last_day", last_day.to_string()),
        ];
        explanation.push(if days_left >= 0 {
            Message::new("rule-safety-plan-due-remaining")
                .arg("as_of", as_of.to_string())
                .arg("days", days_left)
        } else {
            Message::new("rule-safety-plan-due-passed")
                .arg("as_of", as_of.to_string())
                .arg("days", -days_left)
        });
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: PlanDueOutcome {
                last_day,
                days_left,
            },
            citations: Self::CITATIONS
                .iter()
                .map(|id| ClauseId::parse(id).expect("static citation is a valid clause id"))
                .collect(),
            explanation,
        })
    }
}

/// The outcome of `safety.plan_due`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct PlanDueOutcome {
    /// The last day the Plan may be approved.
    pub last_day: NaiveDate,
    /// Days from `as_of` to that day (negative once it has passed).
    pub days_left: i64,
}
