//! `conscription.absence_excused`: whether a reason for not appearing is valid.
//!
//! > A citizen subject to conscription must notify the local military authority that issued
//! > the summons of any valid reasons preventing them from appearing at the appointed time.
//! > (003, para 8)
//! >
//! > Valid reasons for the failure of a duly notified citizen subject to conscription to appear
//! > are recognized as: 1) an illness that prevents the individual from appearing; 2) the death
//! > of close relatives or a spouse; 3) natural disasters or other circumstances that prevent
//! > the individual from appearing ...; 4) state registration of marriage (matrimony); 5) being
//! > outside the territory of the Republic of Kazakhstan. (003, para 9)
//!
//! A reason is one of the five or "other" with the citizen's words. The rule never judges
//! words: an "other" reason waits for an officer's finding on whether it is a circumstance
//! that prevented the appearance (point 3), and that finding decides it.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use super::IN_FORCE_FROM;
use crate::{Decision, RuleError, TypedRule, cite};

pub struct AbsenceExcused;

qorgau_i18n::vocabulary! {
    /// The reason a citizen reports for not appearing: one of the five of 003 para 9, or
    /// another the officer must weigh.
    #[derive(Debug, PartialOrd, Ord, schemars::JsonSchema)]
    pub enum AbsenceReason: "absence-reason-" {
        /// Point 1: an illness that prevents the individual from appearing.
        Illness = "illness",
        /// Point 2: the death of close relatives or a spouse.
        DeathOfCloseRelativeOrSpouse = "death_of_close_relative_or_spouse",
        /// Point 3: natural disasters or other circumstances that prevent the appearance.
        NaturalDisasterOrOtherCircumstance = "natural_disaster_or_other_circumstance",
        /// Point 4: state registration of marriage.
        MarriageRegistration = "marriage_registration",
        /// Point 5: being outside the territory of the Republic of Kazakhstan.
        Abroad = "abroad",
        /// Any other reason, in the citizen's words; an officer finds whether it prevented the
        /// appearance.
        Other = "other",
    }
}

qorgau_i18n::vocabulary! {
    /// An officer's finding on an "other" reason: a circumstance that prevented the
    /// appearance at the appointed time (003 para 9 point 3), or not.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum ExcuseFinding: "excuse-finding-" {
        PreventedAppearance = "prevented_appearance",
        DidNotPreventAppearance = "did_not_prevent_appearance",
    }
}

qorgau_i18n::vocabulary! {
    /// Where a reported reason stands.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum ExcuseStatus: "excuse-status-" {
        Excused = "excused",
        NotExcused = "not_excused",
        /// An "other" reason no officer has yet found on: it excuses nothing and refers no one.
        AwaitingDecision = "awaiting_decision",
    }
}

/// The facts of `conscription.absence_excused`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AbsenceFacts {
    /// The reason the citizen reported.
    pub reason: AbsenceReason,
    /// For an "other" reason, the officer's finding; none while it is undecided. Not given
    /// for the five reasons of the list, which the text recognises itself.
    #[serde(default)]
    pub finding: Option<ExcuseFinding>,
}

const DUTY: &str = "kz-egov-military-service/sec_7__para_8";
const LIST: &str = "kz-egov-military-service/sec_7__para_9";
const OTHER_CIRCUMSTANCES: &str = "kz-egov-military-service/sec_7__para_9__point_3";

/// The clause and the explanation of a reason the list names.
fn listed(reason: AbsenceReason) -> Option<(&'static str, &'static str)> {
    Some(match reason {
        AbsenceReason::Illness => (
            "kz-egov-military-service/sec_7__para_9__point_1",
            "rule-absence-illness",
        ),
        AbsenceReason::DeathOfCloseRelativeOrSpouse => (
            "kz-egov-military-service/sec_7__para_9__point_2",
            "rule-absence-death",
        ),
        AbsenceReason::NaturalDisasterOrOtherCircumstance => {
            (OTHER_CIRCUMSTANCES, "rule-absence-disaster")
        }
        AbsenceReason::MarriageRegistration => (
            "kz-egov-military-service/sec_7__para_9__point_4",
            "rule-absence-marriage",
        ),
        AbsenceReason::Abroad => (
            "kz-egov-military-service/sec_7__para_9__point_5",
            "rule-absence-abroad",
        ),
        AbsenceReason::Other => return None,
    })
}

impl TypedRule for AbsenceExcused {
    type Facts = AbsenceFacts;
    type Outcome = AbsenceOutcome;
    const ID: &'static str = "conscription.absence_excused";
    const TITLE: &'static str = "rule-absence-title";
    const CITATIONS: &'static [&'static str] = &[
        DUTY,
        LIST,
        "kz-egov-military-service/sec_7__para_9__point_1",
        "kz-egov-military-service/sec_7__para_9__point_2",
        OTHER_CIRCUMSTANCES,
        "kz-egov-military-service/sec_7__para_9__point_4",
        "kz-egov-military-service/sec_7__para_9__point_5",
    ];
    const IN_FORCE_FROM: (i32, u32, u32) = IN_FORCE_FROM;

    fn decide(
        &self,
        facts: AbsenceFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<AbsenceOutcome>, RuleError> {
        let (status, citations, explanation) = match (listed(facts.reason), facts.finding) {
            (Some(_), Some(_)) => {
                return Err(RuleError::InvalidFact {
                    rule: Self::ID,
                    fact: "finding",
                    message: Message::new("fact-absence-finding-not-other"),
                });
            }
            (Some((clause, message)), None) => (
                ExcuseStatus::Excused,
                vec![DUTY, LIST, clause],
                vec![Message::new(message)],
            ),
            (None, None) => (
                ExcuseStatus::AwaitingDecision,
                vec![DUTY, LIST, OTHER_CIRCUMSTANCES],
                vec![
                    Message::new("rule-absence-other-awaiting"),
                    Message::new("rule-absence-other-reading"),
                ],
            ),
            (None, Some(ExcuseFinding::PreventedAppearance)) => (
                ExcuseStatus::Excused,
                vec![DUTY, LIST, OTHER_CIRCUMSTANCES],
                vec![
                    Message::new("rule-absence-other-prevented"),
                    Message::new("rule-absence-other-reading"),
                ],
            ),
            (None, Some(ExcuseFinding::DidNotPreventAppearance)) => (
                ExcuseStatus::NotExcused,
                vec![DUTY, LIST, OTHER_CIRCUMSTANCES],
                vec![
                    Message::new("rule-absence-other-not-prevented"),
                    Message::new("rule-absence-other-reading"),
                ],
            ),
        };
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: AbsenceOutcome { status },
            citations: cite(&citations),
            explanation,
        })
    }
}

/// The outcome of `conscription.absence_excused`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AbsenceOutcome {
    pub status: ExcuseStatus,
}
