//! `security.indicator_status`: where a target indicator of a strategic document stands, for
//! the Security Council's monitoring (004, function 3).
//!
//! > 3. Monitoring and evaluation of the condition of strategic documents implementation of
//! > the state in the most important areas of the country's development (004, para 5)
//!
//! The text names the monitoring but gives no test of "on track", so the test is Qorgau's and
//! every decision states it: the indicator is expected to move in a straight line from its
//! baseline on the baseline day to its target on the deadline.
//! - **on track**: the latest value has reached the target, or has covered at least the share
//!   of the way that the days elapsed call for;
//! - **at risk**: it has covered at least [`AT_RISK_SHARE`] of that share, or nothing is measured
//!   yet;
//! - **off track**: less than that, or the deadline has passed without the target reached.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use crate::{Decision, RuleError, TypedRule, cite};

pub struct IndicatorStatus;

/// The share of the expected progress below which an indicator is off track.
pub const AT_RISK_SHARE: f64 = 0.8;

const FUNCTION: &str = "kz-security-council/para_5__point_3";

qorgau_i18n::vocabulary! {
    /// The monitoring status of an indicator.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum Status: "security-indicator-status-" {
        OnTrack = "on_track",
        AtRisk = "at_risk",
        OffTrack = "off_track",
    }
}

/// A measured value of the indicator.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    pub value: f64,
    pub measured_on: NaiveDate,
}

/// The facts of `security.indicator_status`.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorFacts {
    pub baseline: f64,
    pub baseline_on: NaiveDate,
    pub target: f64,
    pub deadline: NaiveDate,
    /// The latest measured value on or before `as_of`, if any.
    pub latest: Option<Measurement>,
}

fn invalid(fact: &'static str, message: Message) -> RuleError {
    RuleError::InvalidFact {
        rule: IndicatorStatus::ID,
        fact,
        message,
    }
}

impl TypedRule for IndicatorStatus {
    type Facts = IndicatorFacts;
    type Outcome = IndicatorOutcome;
    const ID: &'static str = "security.indicator_status";
    const TITLE: &'static str = "rule-security-indicator-status-title";
    const CITATIONS: &'static [&'static str] = &[FUNCTION];
    const IN_FORCE_FROM: (i32, u32, u32) = super::COUNCIL_TEXT_FROM;

    fn decide(
        &self,
        facts: IndicatorFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<IndicatorOutcome>, RuleError> {
        if !facts.baseline.is_finite() || !facts.target.is_finite() {
            return Err(invalid(
                "target",
                Message::new("fact-indicator-not-numbers"),
            ));
        }
        if facts.target == facts.baseline {
            return Err(invalid(
                "target",
                Message::new("fact-indicator-target-equals-baseline"),
            ));
        }
        if facts.deadline <= facts.baseline_on {
            return Err(invalid(
                "deadline",
                Message::new("fact-indicator-deadline-not-after-baseline")
                    .arg("deadline", facts.deadline.to_string())
                    .arg("baseline_on", facts.baseline_on.to_string()),
            ));
        }
        let rule = Message::new("rule-security-indicator-rule")
            .arg("share", (AT_RISK_SHARE * 100.0).round() as i64);
        let decision = |status: Status,
                        progress: Option<f64>,
                        expected: Option<f64>,
                        reason: Message| Decision {
            rule: Self::ID,
            as_of,
            outcome: IndicatorOutcome {
                status,
                progress: progress.map(round4),
                expected_progress: expected.map(round4),
            },
            citations: cite(&[FUNCTION]),
            explanation: vec![reason, rule.clone()],
        };
        let Some(latest) = facts.latest.filter(|m| m.measured_on <= as_of) else {
            return Ok(decision(
                Status::AtRisk,
                None,
                None,
                Message::new("rule-security-indicator-unmeasured"),
            ));
        };
        if !latest.value.is_finite() {
            return Err(invalid(
                "latest",
                Message::new("fact-indicator-latest-not-number"),
            ));
        }
        // Progress as a share of the way from the baseline to the target, whichever way the
        // target lies.
        let progress = (latest.value - facts.baseline) / (facts.target - facts.baseline);
        let span = (facts.deadline - facts.baseline_on).num_days() as f64;
        let elapsed = (latest.measured_on - facts.baseline_on).num_days() as f64;
        let expected = (elapsed / span).clamp(0.0, 1.0);
        let value = latest.value.to_string();
        if progress >= 1.0 {
            return Ok(decision(
                Status::OnTrack,
                Some(progress),
                Some(expected),
                Message::new("rule-security-indicator-reached").arg("value", value),
            ));
        }
        if as_of > facts.deadline {
            return Ok(decision(
                Status::OffTrack,
                Some(progress),
                Some(expected),
                Message::new("rule-security-indicator-missed")
                    .arg("value", value)
                    .arg("deadline", facts.deadline.to_string()),
            ));
        }
        let percent = |share: f64| (share * 100.0).round() as i64;
        let (status, id) = if progress >= expected {
            (Status::OnTrack, "rule-security-indicator-on-track")
        } else if progress >= AT_RISK_SHARE * expected {
            (Status::AtRisk, "rule-security-indicator-at-risk")
        } else {
            (Status::OffTrack, "rule-security-indicator-off-track")
        };
        Ok(decision(
            status,
            Some(progress),
            Some(expected),
            Message::new(id)
                .arg("progress", percent(progress))
                .arg("expected", percent(expected))
                .arg("on", latest.measured_on.to_string()),
        ))
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The outcome of `security.indicator_status`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct IndicatorOutcome {
    pub status: Status,
    /// The share of the way from baseline to target covered by the latest value.
    pub progress: Option<f64>,
    /// The share the days elapsed call for.
    pub expected_progress: Option<f64>,
}
