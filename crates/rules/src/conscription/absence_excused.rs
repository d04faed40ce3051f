//! `conscription.absence_excused`: whether a reason for not appearing is valid.
//!
//! > Valid reasons for the failure of a duly notified citizen subject to conscription to appear
//! > are recognized as: 1) an illness that prevents the individual from appearing; 2) the death
//! > of close relatives or a spouse; 3) natural disasters or other circumstances that prevent
//! > the individual from appearing ...; 4) state registration of marriage (matrimony); 5) being
//! > outside the territory of the Republic of Kazakhstan. (003, "Conscription of citizens")

use chrono::NaiveDate;
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use super::IN_FORCE_FROM;
use crate::{Decision, RuleError, TypedRule, cite};

pub struct AbsenceExcused;

/// The facts of `conscription.absence_excused`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AbsenceFacts {
    /// illness, death_of_close_relative_or_spouse, natural_disaster_or_other_circumstance,
    /// marriage_registration, abroad; any other text is a reason the page does not list.
    pub reason: String,
}

const LIST: &str = "kz-egov-military-service/sec_7__para_9";
const REASONS: [(&str, &str, &str); 5] = [
    (
        "illness",
        "kz-egov-military-service/sec_7__para_9__point_1",
        "rule-absence-illness",
    ),
    (
        "death_of_close_relative_or_spouse",
        "kz-egov-military-service/sec_7__para_9__point_2",
        "rule-absence-death",
    ),
    (
        "natural_disaster_or_other_circumstance",
        "kz-egov-military-service/sec_7__para_9__point_3",
        "rule-absence-disaster",
    ),
    (
        "marriage_registration",
        "kz-egov-military-service/sec_7__para_9__point_4",
        "rule-absence-marriage",
    ),
    (
        "abroad",
        "kz-egov-military-service/sec_7__para_9__point_5",
        "rule-absence-abroad",
    ),
];

impl TypedRule for AbsenceExcused {
    type Facts = AbsenceFacts;
    type Outcome = AbsenceOutcome;
    const ID: &'static str = "conscription.absence_excused";
    const TITLE: &'static str = "rule-absence-title";
    const CITATIONS: &'static [&'static str] = &[
        LIST,
        "kz-egov-military-service/sec_7__para_9__point_1",
        "kz-egov-military-service/sec_7__para_9__point_2",
        "kz-egov-military-service/sec_7__para_9__point_3",
        "kz-egov-military-service/sec_7__para_9__point_4",
        "kz-egov-military-service/sec_7__para_9__point_5",
    ];
    const IN_FORCE_FROM: (i32, u32, u32) = IN_FORCE_FROM;

    fn decide(
        &self,
        facts: AbsenceFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<AbsenceOutcome>, RuleError> {
        let reason = facts.reason.trim();
        if reason.is_empty() {
            return Err(RuleError::InvalidFact {
                rule: Self::ID,
                fact: "reason",
                message: "is empty; give the reason the citizen stated".to_owned(),
            });
        }
        let (excused, citations, explanation) =
            match REASONS.iter().find(|(name, ..)| *name == reason) {
                Some((_, clause, message)) => (true, vec![LIST, *clause], Message::new(message)),
                None => (
                    false,
                    vec![LIST],
                    Message::new("rule-absence-not-listed").arg("reason", reason),
                ),
            };
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: AbsenceOutcome { excused },
            citations: cite(&citations),
            explanation: vec![explanation],
        })
    }
}

/// The outcome of `conscription.absence_excused`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AbsenceOutcome {
    pub excused: bool,
}
