//! `safety.quarterly_coverage`: whether a body inspected enough of its departments and services.
//!
//! > 13. In the military command and control bodies, the security status of the military
//! > service is monitored in accordance with the Plan. During the quarter, at least 25% of the
//! > total number of departments and services are inspected. (001, para 13)

use chrono::NaiveDate;
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use crate::{Decision, RuleError, TypedRule, cite};

pub struct QuarterlyCoverage;

/// The facts of `safety.quarterly_coverage`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoverageFacts {
    /// The departments and services of the body.
    pub departments_and_services: u32,
    /// How many distinct ones of them were inspected in the quarter.
    pub inspected: u32,
}

/// The least number of inspections that meets para 13: a quarter of the total, rounded up.
pub fn required_inspections(total: u32) -> u32 {
    total.div_ceil(4)
}

/// Whether `inspected` of `total` meets 25 %, in whole numbers so 25 % exactly counts.
pub fn coverage_met(inspected: u32, total: u32) -> bool {
    u64::from(inspected) * 4 >= u64::from(total)
}

qorgau_i18n::vocabulary! {
    /// Where a quarter that is still running is heading.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum CoverageOutlook: "coverage-" {
        /// The quarter's 25 % is already reached.
        Met = "met",
        /// Inspections keep pace with the days elapsed.
        OnPace = "on_pace",
        /// Fewer inspections than the elapsed share of the quarter calls for: heading below 25 %.
        HeadingBelow = "heading_below",
        /// The quarter is over and 25 % was not reached.
        Missed = "missed",
    }
}

/// The outlook on `day_of_quarter` (1-based) of a quarter of `quarter_days` days: the pace the
/// warning of the issue asks for is the required count scaled by the share of days elapsed.
pub fn coverage_outlook(
    inspected: u32,
    total: u32,
    day_of_quarter: i64,
    quarter_days: i64,
) -> CoverageOutlook {
    if coverage_met(inspected, total) {
        return CoverageOutlook::Met;
    }
    if day_of_quarter >= quarter_days {
        return CoverageOutlook::Missed;
    }
    let required = i64::from(required_inspections(total));
    // inspected / required >= elapsed / days, in integers.
    if i64::from(inspected) * quarter_days >= required * day_of_quarter.max(0) {
        CoverageOutlook::OnPace
    } else {
        CoverageOutlook::HeadingBelow
    }
}

impl TypedRule for QuarterlyCoverage {
    type Facts = CoverageFacts;
    type Outcome = CoverageOutcome;
    const ID: &'static str = "safety.quarterly_coverage";
    const TITLE: &'static str = "rule-safety-coverage-title";
    const CITATIONS: &'static [&'static str] = &["kz-2020-mod-738/para_13"];
    const IN_FORCE_FROM: (i32, u32, u32) = super::IN_FORCE_FROM;

    fn decide(
        &self,
        facts: CoverageFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<CoverageOutcome>, RuleError> {
        let total = facts.departments_and_services;
        if total == 0 {
            return Err(RuleError::InvalidFact {
                rule: Self::ID,
                fact: "departments_and_services",
                message: Message::new("fact-coverage-no-departments"),
            });
        }
        if facts.inspected > total {
            return Err(RuleError::InvalidFact {
                rule: Self::ID,
                fact: "inspected",
                message: Message::new("fact-coverage-inspected-over-total")
                    .arg("inspected", facts.inspected)
                    .arg("total", total),
            });
        }
        let met = coverage_met(facts.inspected, total);
        let required = required_inspections(total);
        let ratio = f64::from(facts.inspected) / f64::from(total);
        let percent = (ratio * 1000.0).round() / 10.0;
        let explanation = vec![
            Message::new(if met {
                "rule-safety-coverage-met"
            } else {
                "rule-safety-coverage-missed"
            })
            .arg("inspected", facts.inspected)
            .arg("total", total)
            .arg("percent", percent)
            .arg("required", required),
        ];
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: CoverageOutcome {
                ratio,
                met,
                required,
            },
            citations: cite(Self::CITATIONS),
            explanation,
        })
    }
}

/// The outcome of `safety.quarterly_coverage`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct CoverageOutcome {
    /// Inspected departments and services over all of them.
    pub ratio: f64,
    pub met: bool,
    /// Inspections the quarter needs.
    pub required: u32,
}
