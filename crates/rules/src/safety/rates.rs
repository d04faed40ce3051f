//! `safety.rates`: deaths and injuries per 1,000 personnel.
//!
//! > 17. When analyzing ... in terms of quantitative indicators and their coefficients (the
//! > value of the quantitative indicator of the facts of death (death) of the military
//! > personnel, their injuries (wounds, injuries, contusions) in terms of one thousand of the
//! > military personnel) ... (001, para 17)
//! > 18. The quantitative indicators ... include: 1) loss (death) of the military personnel in
//! > the performance of military service duties; 2) receiving mutilations (wounds, injuries,
//! > contusions) ... while performing military service duties. (001, para 18)
//!
//! The personnel figure is the average strength over the period (how the workflows compute it
//! is in `qorgau-app`'s safety analysis); the counts are of events in performance of duties.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use crate::{Decision, RuleError, TypedRule, cite};

pub struct Rates;

/// The facts of `safety.rates`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RatesFacts {
    /// The average personnel strength over the period.
    pub personnel: f64,
    /// Deaths in performance of military service duties.
    pub deaths: u32,
    /// Wounds, injuries and contusions in performance of military service duties.
    pub injuries: u32,
}

/// `count` per 1,000 of `personnel`; `None` when there is no personnel to divide by.
pub fn per_thousand(count: u64, personnel: f64) -> Option<f64> {
    (personnel > 0.0 && personnel.is_finite()).then(|| count as f64 * 1000.0 / personnel)
}

/// A rate as shown and compared in decisions: three decimal places.
pub fn round_rate(rate: f64) -> f64 {
    (rate * 1000.0).round() / 1000.0
}

impl TypedRule for Rates {
    type Facts = RatesFacts;
    type Outcome = RatesOutcome;
    const ID: &'static str = "safety.rates";
    const TITLE: &'static str = "rule-safety-rates-title";
    const CITATIONS: &'static [&'static str] = &[
        "kz-2020-mod-738/para_17",
        "kz-2020-mod-738/para_18__point_1",
        "kz-2020-mod-738/para_18__point_2",
    ];
    const IN_FORCE_FROM: (i32, u32, u32) = super::IN_FORCE_FROM;

    fn decide(
        &self,
        facts: RatesFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<RatesOutcome>, RuleError> {
        let zero = || RuleError::InvalidFact {
            rule: Self::ID,
            fact: "personnel",
            message: Message::new("fact-rates-personnel-zero").arg("personnel", facts.personnel),
        };
        let deaths = per_thousand(facts.deaths.into(), facts.personnel).ok_or_else(zero)?;
        let injuries = per_thousand(facts.injuries.into(), facts.personnel).ok_or_else(zero)?;
        let (deaths, injuries) = (round_rate(deaths), round_rate(injuries));
        let explanation = vec![
            Message::new("rule-safety-rates-deaths")
                .arg("deaths", facts.deaths)
                .arg("personnel", facts.personnel)
                .arg("rate", deaths),
            Message::new("rule-safety-rates-injuries")
                .arg("injuries", facts.injuries)
                .arg("personnel", facts.personnel)
                .arg("rate", injuries),
        ];
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: RatesOutcome {
                deaths_per_1000: deaths,
                injuries_per_1000: injuries,
            },
            citations: cite(Self::CITATIONS),
            explanation,
        })
    }
}

/// The outcome of `safety.rates`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct RatesOutcome {
    /// Deaths per 1,000 personnel, rounded to three places.
    pub deaths_per_1000: f64,
    pub injuries_per_1000: f64,
}
