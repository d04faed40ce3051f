//! `safety.act_retention_until`: how long an Act of control is kept.
//!
//! > 15. Acts of the state of work to ensure the security of the military service after the
//! > end of control are kept in the unclassified office work of the military command and
//! > control bodies for five years ... (001, para 15)
//!
//! Reading: the five years run from the last day of the control; the Act is kept until the
//! same calendar day five years later (28 February for a control ending on 29 February) and
//! may be deleted from that day on, never before.

use chrono::{Months, NaiveDate};
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use crate::{Decision, RuleError, TypedRule, cite};

pub struct ActRetentionUntil;

/// The facts of `safety.act_retention_until`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetentionFacts {
    /// The last day of the control the Act records.
    pub control_end: NaiveDate,
}

pub const RETENTION_YEARS: u32 = 5;

/// The day from which an Act whose control ended on `control_end` may be deleted.
pub fn kept_until(control_end: NaiveDate) -> Option<NaiveDate> {
    control_end.checked_add_months(Months::new(12 * RETENTION_YEARS))
}

impl TypedRule for ActRetentionUntil {
    type Facts = RetentionFacts;
    type Outcome = RetentionOutcome;
    const ID: &'static str = "safety.act_retention_until";
    const TITLE: &'static str = "rule-safety-retention-title";
    const CITATIONS: &'static [&'static str] = &["kz-2020-mod-738/para_15"];
    const IN_FORCE_FROM: (i32, u32, u32) = super::IN_FORCE_FROM;

    fn decide(
        &self,
        facts: RetentionFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<RetentionOutcome>, RuleError> {
        let until = kept_until(facts.control_end).ok_or_else(|| RuleError::InvalidFact {
            rule: Self::ID,
            fact: "control_end",
            message: Message::new("fact-retention-control-end-too-late")
                .arg("control_end", facts.control_end.to_string()),
        })?;
        let deletable = as_of >= until;
        let explanation = vec![
            Message::new("rule-safety-retention-basis")
                .arg("control_end", facts.control_end.to_string())
                .arg("until", until.to_string()),
            Message::new(if deletable {
                "rule-safety-retention-deletable"
            } else {
                "rule-safety-retention-kept"
            })
            .arg("as_of", as_of.to_string())
            .arg("until", until.to_string()),
        ];
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: RetentionOutcome {
                kept_until: until,
                deletable,
            },
            citations: cite(Self::CITATIONS),
            explanation,
        })
    }
}

/// The outcome of `safety.act_retention_until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RetentionOutcome {
    /// The first day the Act may be destroyed.
    pub kept_until: NaiveDate,
    pub deletable: bool,
}
