//! `conscription.serviceman_status_start`: the day a citizen becomes a military serviceman, and
//! the day the status is lost.
//!
//! > The status of a military serviceman is assigned to the following citizens: conscripted ...
//! > – from the date of issuance of order ... on departure from a local military administration
//! > body to the place of military service; ... under a contract – from the date of publication
//! > of order ... on enrollment into the lists of military unit personnel; citizens entering
//! > military or specialized educational institutions ..., provided they were not previously
//! > military personnel, – from the date of issuance of the order ... on their enrollment in the
//! > student roster, except for ulans; and, in the case of admission to a foreign military
//! > educational institution, from the date of issuance of the order ... regarding their
//! > assignment for study; ulans who have completed the second year ... – from the date of
//! > publication of order ... on continuing education, transfer to the third year ...
//! > (003, "Status of a military serviceman", para 3)
//!
//! > A citizen loses the status of a military serviceman from the day of exclusion from the
//! > lists of a military unit in connection with dismissal from military service (the end of
//! > military training). (para 4)
//!
//! Once the status has started, whether it is still held depends on that exclusion, so the rule
//! asks for it rather than assume the citizen is still on the lists. "From the day of
//! exclusion" is read as: on the day of exclusion itself the status is already lost.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use super::IN_FORCE_FROM;
use crate::{Decision, RuleError, TypedRule, cite};

pub struct ServicemanStatusStart;

/// How the citizen enters military service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ServicePath {
    /// Conscripted for military service or reservist training.
    Conscript,
    /// Entered military service under a contract.
    Contract,
    /// Entered a military or specialised educational institution in Kazakhstan (not an ulan).
    Cadet,
    /// Admitted to a foreign military educational institution.
    CadetForeign,
    /// An ulan who completed the second year and was transferred to the third.
    UlanThirdYear,
}

/// The facts of `conscription.serviceman_status_start`: the path and the date of the order
/// that path depends on. Orders of other paths are ignored; the one the path needs must be given.
/// Once the status has started (the order dated on or before `as_of`), the exclusion from the
/// unit's lists must be stated too: `excluded_from_lists` false, or its day.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServicemanFacts {
    pub path: ServicePath,
    /// Conscript: the order on departure from the local military administration body.
    #[serde(default)]
    pub departure_order_date: Option<NaiveDate>,
    /// Contract: the order of the unit's commander on enrollment into the unit's lists.
    #[serde(default)]
    pub unit_enrollment_order_date: Option<NaiveDate>,
    /// Cadet: the order of the institution's head on enrollment in the student roster.
    #[serde(default)]
    pub student_roster_order_date: Option<NaiveDate>,
    /// Foreign cadet: the order of the head of the authorised body on assignment for study.
    #[serde(default)]
    pub study_assignment_order_date: Option<NaiveDate>,
    /// Ulan: the order on continuing education, transfer to the third year and appointment.
    #[serde(default)]
    pub third_year_transfer_order_date: Option<NaiveDate>,
    /// Cadets only: whether the citizen was a military serviceman before entering.
    #[serde(default)]
    pub previously_serviceman: Option<bool>,
    /// Whether the citizen is excluded from the lists of the military unit in connection with
    /// dismissal from military service (the end of military training); when true, its day is
    /// `excluded_from_lists_on`. Needed once the status has started: absent, the rule cannot
    /// tell whether the status is still held and refuses, naming it. Giving the day alone is
    /// enough.
    #[serde(default)]
    pub excluded_from_lists: Option<bool>,
    /// The day of that exclusion (para 4); it may be after `as_of`, for an exclusion ordered
    /// for a later day. Never before the status started.
    #[serde(default)]
    pub excluded_from_lists_on: Option<NaiveDate>,
}

const LIST: &str = "kz-egov-military-service/sec_1__para_3";
const CONSCRIPT: &str = "kz-egov-military-service/sec_1__para_3__item_1";
const CONTRACT: &str = "kz-egov-military-service/sec_1__para_3__item_2";
const CADET: &str = "kz-egov-military-service/sec_1__para_3__item_3";
const ULAN: &str = "kz-egov-military-service/sec_1__para_3__item_4";
const LOSS: &str = "kz-egov-military-service/sec_1__para_4";

impl TypedRule for ServicemanStatusStart {
    type Facts = ServicemanFacts;
    type Outcome = ServicemanOutcome;
    const ID: &'static str = "conscription.serviceman_status_start";
    /// 2: the status is also lost (para 4), and a started status needs the exclusion stated.
    const VERSION: u32 = 2;
    const TITLE: &'static str = "rule-serviceman-status-title";
    const CITATIONS: &'static [&'static str] = &[LIST, CONSCRIPT, CONTRACT, CADET, ULAN, LOSS];
    const IN_FORCE_FROM: (i32, u32, u32) = IN_FORCE_FROM;

    fn decide(
        &self,
        facts: ServicemanFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<ServicemanOutcome>, RuleError> {
        // The order the path needs, its fact, the clause, the sentence and the sentence refusing
        // the path without it.
        let (order, fact, clause, message, missing) = match facts.path {
            ServicePath::Conscript => (
                facts.departure_order_date,
                "departure_order_date",
                CONSCRIPT,
                "rule-serviceman-conscript",
                "fact-serviceman-departure-order-missing",
            ),
            ServicePath::Contract => (
                facts.unit_enrollment_order_date,
                "unit_enrollment_order_date",
                CONTRACT,
                "rule-serviceman-contract",
                "fact-serviceman-enrollment-order-missing",
            ),
            ServicePath::Cadet => (
                facts.student_roster_order_date,
                "student_roster_order_date",
                CADET,
                "rule-serviceman-cadet",
                "fact-serviceman-roster-order-missing",
            ),
            ServicePath::CadetForeign => (
                facts.study_assignment_order_date,
                "study_assignment_order_date",
                CADET,
                "rule-serviceman-cadet-foreign",
                "fact-serviceman-assignment-order-missing",
            ),
            ServicePath::UlanThirdYear => (
                facts.third_year_transfer_order_date,
                "third_year_transfer_order_date",
                ULAN,
                "rule-serviceman-ulan",
                "fact-serviceman-transfer-order-missing",
            ),
        };
        let is_cadet = matches!(facts.path, ServicePath::Cadet | ServicePath::CadetForeign);
        if is_cadet {
            match facts.previously_serviceman {
                None => {
                    return Err(RuleError::InvalidFact {
                        rule: Self::ID,
                        fact: "previously_serviceman",
                        message: Message::new("fact-serviceman-previously-missing"),
                    });
                }
                Some(true) => {
                    return Ok(Decision {
                        rule: Self::ID,
                        as_of,
                        outcome: ServicemanOutcome::AlreadyServiceman {
                            starts_on: None,
                            already_serviceman: true,
                        },
                        citations: cite(&[LIST, CADET]),
                        explanation: vec![Message::new("rule-serviceman-cadet-already")],
                    });
                }
                Some(false) => {}
            }
        }
        let Some(order) = order else {
            return Err(RuleError::InvalidFact {
                rule: Self::ID,
                fact,
                message: Message::new(missing),
            });
        };
        let started = order <= as_of;
        let excluded_on = match (facts.excluded_from_lists, facts.excluded_from_lists_on) {
            (Some(false), Some(_)) => {
                return Err(RuleError::InvalidFact {
                    rule: Self::ID,
                    fact: "excluded_from_lists_on",
                    message: Message::new("fact-serviceman-exclusion-day-not-excluded"),
                });
            }
            (Some(true), None) => {
                return Err(RuleError::InvalidFact {
                    rule: Self::ID,
                    fact: "excluded_from_lists_on",
                    message: Message::new("fact-serviceman-exclusion-day-missing"),
                });
            }
            (_, Some(day)) => Some(day),
            (Some(false), None) => None,
            (None, None) if started => {
                return Err(RuleError::InvalidFact {
                    rule: Self::ID,
                    fact: "excluded_from_lists",
                    message: Message::new("fact-serviceman-exclusion-missing")
                        .arg("order", order.to_string())
                        .arg("as_of", as_of.to_string()),
                });
            }
            (None, None) => None,
        };
        if let Some(day) = excluded_on
            && day < order
        {
            return Err(RuleError::InvalidFact {
                rule: Self::ID,
                fact: "excluded_from_lists_on",
                message: Message::new("fact-serviceman-exclusion-before-start")
                    .arg("day", day.to_string())
                    .arg("order", order.to_string()),
            });
        }
        let mut explanation = vec![Message::new(message).arg("date", order.to_string())];
        if !started {
            explanation.push(Message::new("rule-serviceman-future").arg("date", order.to_string()));
        }
        let Some(day) = excluded_on else {
            // Not excluded: a started status is held on `as_of` (para 4 ends it only by the
            // exclusion); a status not started yet needs no word on the exclusion.
            let citations = if started {
                explanation.push(
                    Message::new("rule-serviceman-not-excluded").arg("as_of", as_of.to_string()),
                );
                cite(&[LIST, clause, LOSS])
            } else {
                cite(&[LIST, clause])
            };
            return Ok(Decision {
                rule: Self::ID,
                as_of,
                outcome: ServicemanOutcome::Starts {
                    starts_on: order,
                    serviceman_on_as_of: started,
                },
                citations,
                explanation,
            });
        };
        // "From the day of exclusion": on that day itself the status is already lost.
        let (lost, loss_message) = if day <= as_of {
            (true, "rule-serviceman-lost")
        } else {
            (false, "rule-serviceman-loses")
        };
        explanation.push(Message::new(loss_message).arg("date", day.to_string()));
        explanation.push(Message::new("rule-serviceman-loss-reading"));
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: ServicemanOutcome::StartsAndEnds {
                starts_on: order,
                loses_on: day,
                serviceman_on_as_of: started && !lost,
            },
            citations: cite(&[LIST, clause, LOSS]),
            explanation,
        })
    }
}

/// The outcome of `conscription.serviceman_status_start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum ServicemanOutcome {
    /// A cadet who was a serviceman before: the status does not start again (`starts_on` is
    /// always null).
    AlreadyServiceman {
        starts_on: Option<NaiveDate>,
        already_serviceman: bool,
    },
    /// The status starts on the day of the order and is lost on the day of exclusion from the
    /// unit's lists (para 4): held from `starts_on` up to the day before `loses_on`.
    StartsAndEnds {
        starts_on: NaiveDate,
        loses_on: NaiveDate,
        serviceman_on_as_of: bool,
    },
    /// The status starts on the day of the order; no exclusion from the unit's lists is stated
    /// (`excluded_from_lists` false, or the status has not started yet).
    Starts {
        starts_on: NaiveDate,
        serviceman_on_as_of: bool,
    },
}
