//! `conscription.compulsory_training_eligible`: who undergoes compulsory military training.
//!
//! > compulsory military training is conducted for: men aged from sixteen to sixty years
//! > inclusive; women who do not have children or have children over the age of ten aged from
//! > eighteen to forty-five years inclusive. (003, "Compulsory military training of citizens")
//!
//! Ages are whole years on `as_of`: "sixty inclusive" ends the day before the 61st birthday. A
//! child is "over the age of ten" from the day after its tenth birthday.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use super::dates::{age_on, anniversary};
use super::{IN_FORCE_FROM, Sex};
use crate::{Decision, RuleError, TypedRule, cite};

pub struct TrainingEligible;

/// The facts of `conscription.compulsory_training_eligible`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingFacts {
    pub sex: Sex,
    pub birth_date: NaiveDate,
    /// The birth dates of the person's children, `[]` for none. Required for a woman of the
    /// training ages (18 to 45), whose eligibility depends on them; a man's do not matter.
    #[serde(default)]
    pub children_birth_dates: Option<Vec<NaiveDate>>,
}

const MEN: &str = "kz-egov-military-service/sec_3__para_1__item_1";
const WOMEN: &str = "kz-egov-military-service/sec_3__para_1__item_2";

/// Whether a person undergoes compulsory training on `as_of`, without the explanation: the
/// core of the rule, shared by [`TrainingEligible::decide`] and the batch path. `None` when it
/// cannot be decided: the person is not born yet, or is a woman of the training ages whose
/// children are not given.
pub fn eligible(
    sex: Sex,
    birth_date: NaiveDate,
    children_birth_dates: Option<&[NaiveDate]>,
    as_of: NaiveDate,
) -> Option<bool> {
    let age = age_on(birth_date, as_of)?;
    Some(match sex {
        Sex::Male => (16..=60).contains(&age),
        Sex::Female if !(18..=45).contains(&age) => false,
        Sex::Female => children_birth_dates?
            .iter()
            .all(|&child| anniversary(child, 10).is_some_and(|tenth| as_of > tenth)),
    })
}

/// Decisions for many persons at once: one eligibility per person and the citations once per
/// sex (the clause a man's and a woman's decision rests on), for registers and campaigns.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingBatch {
    pub as_of: NaiveDate,
    /// Per person, in input order; `None` for a person not yet born on `as_of` or a woman of
    /// the training ages whose children are not given.
    pub eligible: Vec<Option<bool>>,
    pub citations_men: Vec<qorgau_law::ClauseId>,
    pub citations_women: Vec<qorgau_law::ClauseId>,
}

impl TrainingEligible {
    pub fn decide_batch(&self, persons: &[TrainingFacts], as_of: NaiveDate) -> TrainingBatch {
        TrainingBatch {
            as_of,
            eligible: persons
                .iter()
                .map(|p| {
                    eligible(
                        p.sex,
                        p.birth_date,
                        p.children_birth_dates.as_deref(),
                        as_of,
                    )
                })
                .collect(),
            citations_men: cite(&[MEN]),
            citations_women: cite(&[WOMEN]),
        }
    }
}

impl TypedRule for TrainingEligible {
    type Facts = TrainingFacts;
    type Outcome = EligibilityOutcome;
    const ID: &'static str = "conscription.compulsory_training_eligible";
    const TITLE: &'static str = "rule-training-eligible-title";
    const CITATIONS: &'static [&'static str] = &[MEN, WOMEN];
    const IN_FORCE_FROM: (i32, u32, u32) = IN_FORCE_FROM;

    fn decide(
        &self,
        facts: TrainingFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<EligibilityOutcome>, RuleError> {
        let age = age_on(facts.birth_date, as_of).ok_or_else(|| RuleError::InvalidFact {
            rule: Self::ID,
            fact: "birth_date",
            message: Message::new("fact-training-birth-after-decision")
                .arg("birth_date", facts.birth_date.to_string())
                .arg("as_of", as_of.to_string()),
        })?;
        let (eligible, explanation, citation) = match facts.sex {
            Sex::Male => {
                let within = (16..=60).contains(&age);
                let id = if within {
                    "rule-training-men-within"
                } else {
                    "rule-training-men-outside"
                };
                (within, vec![Message::new(id).arg("age", age)], MEN)
            }
            Sex::Female => {
                let within = (18..=45).contains(&age);
                // Within the ages the children decide, so they must be given; outside them
                // they change nothing.
                let children = match (&facts.children_birth_dates, within) {
                    (Some(children), _) => children.as_slice(),
                    (None, false) => &[],
                    (None, true) => {
                        return Err(RuleError::InvalidFact {
                            rule: Self::ID,
                            fact: "children_birth_dates",
                            message: Message::new("fact-training-children-required"),
                        });
                    }
                };
                // A child is over ten from the day after its tenth birthday.
                let young: Vec<NaiveDate> = children
                    .iter()
                    .copied()
                    .filter(|&child| anniversary(child, 10).is_none_or(|tenth| as_of <= tenth))
                    .collect();
                let mut explanation = vec![
                    Message::new(if within {
                        "rule-training-women-within"
                    } else {
                        "rule-training-women-outside"
                    })
                    .arg("age", age),
                ];
                explanation.push(match (children.is_empty(), young.is_empty()) {
                    (true, _) if facts.children_birth_dates.is_none() => {
                        Message::new("rule-training-children-not-needed")
                    }
                    (true, _) => Message::new("rule-training-no-children"),
                    (false, true) => Message::new("rule-training-children-over-ten"),
                    (false, false) => Message::new("rule-training-child-ten-or-under")
                        .arg("count", young.len() as i64),
                });
                explanation.push(Message::new("rule-training-child-reading"));
                (within && young.is_empty(), explanation, WOMEN)
            }
        };
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: EligibilityOutcome { eligible, age },
            citations: cite(&[citation]),
            explanation,
        })
    }
}

/// The outcome of `conscription.training_eligible`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct EligibilityOutcome {
    pub eligible: bool,
    /// Full years on `as_of`.
    pub age: u32,
}
