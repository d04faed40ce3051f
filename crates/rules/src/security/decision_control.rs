//! `security.decision_control`: the execution control of a Security Council decision or
//! recommendation assigned to a body with a deadline.
//!
//! > To fulfil the tasks assigned to it, the Security Council develops and adopts relevant
//! > decisions and recommendations, coordinates the activities of state bodies and
//! > organizations. (004, para 4)
//! >
//! > 2. Coordination of law enforcement and special state bodies in order to ensure national
//! > security and implement the decisions of the Security Council (004, para 5)
//!
//! The states follow the control the secretariat keeps: a decision is open until its body
//! reports execution; a report awaits review; an accepted report closes it (done); a returned
//! one opens it again. Past its deadline without an accepted or pending report it is overdue.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use crate::{Decision, RuleError, TypedRule, cite};

pub struct DecisionControl;

const DECISIONS: &str = "kz-security-council/para_4";
const EXECUTION: &str = "kz-security-council/para_5__point_2";

qorgau_i18n::vocabulary! {
    /// How the secretariat received the latest execution report.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum Review: "council-review-" {
        Pending = "pending",
        Accepted = "accepted",
        Returned = "returned",
    }
}

qorgau_i18n::vocabulary! {
    /// The control state of a decision.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum ControlStatus: "council-status-" {
        Open = "open",
        Overdue = "overdue",
        AwaitingReview = "awaiting_review",
        Returned = "returned",
        Done = "done",
    }
}

/// The latest execution report.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LatestReport {
    pub reported_on: NaiveDate,
    pub review: Review,
}

/// The facts of `security.decision_control`.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ControlFacts {
    pub deadline: NaiveDate,
    pub latest_report: Option<LatestReport>,
}

impl TypedRule for DecisionControl {
    type Facts = ControlFacts;
    type Outcome = ControlOutcome;
    const ID: &'static str = "security.decision_control";
    const TITLE: &'static str = "rule-security-decision-control-title";
    const CITATIONS: &'static [&'static str] = &[DECISIONS, EXECUTION];
    const IN_FORCE_FROM: (i32, u32, u32) = super::COUNCIL_TEXT_FROM;

    fn decide(
        &self,
        facts: ControlFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<ControlOutcome>, RuleError> {
        let deadline = facts.deadline;
        let past_deadline = as_of > deadline;
        let days_overdue = if past_deadline {
            (as_of - deadline).num_days()
        } else {
            0
        };
        let report = facts.latest_report.filter(|r| r.reported_on <= as_of);
        let late = report.is_some_and(|r| r.reported_on > deadline);
        let (status, message) = match report.map(|r| r.review) {
            Some(Review::Accepted) => (ControlStatus::Done, "rule-security-control-done"),
            Some(Review::Pending) => (
                ControlStatus::AwaitingReview,
                "rule-security-control-awaiting",
            ),
            Some(Review::Returned) if !past_deadline => {
                (ControlStatus::Returned, "rule-security-control-returned")
            }
            None if !past_deadline => (ControlStatus::Open, "rule-security-control-open"),
            Some(Review::Returned) | None => {
                (ControlStatus::Overdue, "rule-security-control-overdue")
            }
        };
        let mut explanation = vec![
            Message::new(message)
                .arg("deadline", deadline.to_string())
                .arg("days", days_overdue),
        ];
        if late && status != ControlStatus::Overdue {
            explanation.push(Message::new("rule-security-control-late"));
        }
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: ControlOutcome {
                status,
                days_overdue: if status == ControlStatus::Overdue {
                    days_overdue
                } else {
                    0
                },
                reported_late: late,
            },
            citations: cite(&[DECISIONS, EXECUTION]),
            explanation,
        })
    }
}

/// The outcome of `security.decision_control`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ControlOutcome {
    pub status: ControlStatus,
    /// Days past the deadline while overdue; 0 otherwise.
    pub days_overdue: i64,
    /// The latest report came after the deadline.
    pub reported_late: bool,
}
