//! `safety.plan_revision_required`: whether a change obliges the body to revise its Plan.
//!
//! > The plan is clarified when the conditions of the daily activities of troops (forces)
//! > change, as well as when new types of weapons, military and special equipment enter the
//! > military command and control bodies. (001, para 5, second part)

use chrono::NaiveDate;
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use crate::{Decision, RuleError, TypedRule, cite};

pub struct PlanRevisionRequired;

qorgau_i18n::vocabulary! {
    /// What changed.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum PlanChange: "plan-change-" {
        DailyActivityConditionsChanged = "daily_activity_conditions_changed",
        NewEquipmentReceived = "new_equipment_received",
        Other = "other",
    }
}

impl PlanChange {
    /// Whether para 5 obliges a revision for this change.
    pub fn requires_revision(self) -> bool {
        !matches!(self, PlanChange::Other)
    }
}

/// The facts of `safety.plan_revision_required`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanRevisionFacts {
    /// daily_activity_conditions_changed, new_equipment_received or other.
    pub change: PlanChange,
}

impl TypedRule for PlanRevisionRequired {
    type Facts = PlanRevisionFacts;
    type Outcome = RevisionOutcome;
    const ID: &'static str = "safety.plan_revision_required";
    const TITLE: &'static str = "rule-safety-plan-revision-title";
    const CITATIONS: &'static [&'static str] = &["kz-2020-mod-738/para_5"];
    const IN_FORCE_FROM: (i32, u32, u32) = super::IN_FORCE_FROM;

    fn decide(
        &self,
        facts: PlanRevisionFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<RevisionOutcome>, RuleError> {
        let required = facts.change.requires_revision();
        let explanation = Message::new(match facts.change {
            PlanChange::DailyActivityConditionsChanged => "rule-safety-plan-revision-conditions",
            PlanChange::NewEquipmentReceived => "rule-safety-plan-revision-equipment",
            PlanChange::Other => "rule-safety-plan-revision-other",
        });
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: RevisionOutcome { required },
            citations: cite(Self::CITATIONS),
            explanation: vec![explanation],
        })
    }
}

/// The outcome of `safety.plan_revision_required`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RevisionOutcome {
    pub required: bool,
}
