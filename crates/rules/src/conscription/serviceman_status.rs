//! `conscription.serviceman_status_start`: the day a citizen becomes a military serviceman.
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
//! > (003, "Status of a military serviceman")

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
#[derive(Debug, Deserialize, schemars::JsonSchema)]
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
}

const LIST: &str = "kz-egov-military-service/sec_1__para_3";
const CONSCRIPT: &str = "kz-egov-military-service/sec_1__para_3__item_1";
const CONTRACT: &str = "kz-egov-military-service/sec_1__para_3__item_2";
const CADET: &str = "kz-egov-military-service/sec_1__para_3__item_3";
const ULAN: &str = "kz-egov-military-service/sec_1__para_3__item_4";

impl TypedRule for ServicemanStatusStart {
    type Facts = ServicemanFacts;
    type Outcome = ServicemanOutcome;
    const ID: &'static str = "conscription.serviceman_status_start";
    const TITLE: &'static str = "rule-serviceman-title";
    const CITATIONS: &'static [&'static str] = &[LIST, CONSCRIPT, CONTRACT, CADET, ULAN];
    const IN_FORCE_FROM: (i32, u32, u32) = IN_FORCE_FROM;

    fn decide(
        &self,
        facts: ServicemanFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<ServicemanOutcome>, RuleError> {
        let (order, fact, clause, message) = match facts.path {
            ServicePath::Conscript => (
                facts.departure_order_date,
                "departure_order_date",
                CONSCRIPT,
                "rule-serviceman-conscript",
            ),
            ServicePath::Contract => (
                facts.unit_enrollment_order_date,
                "unit_enrollment_order_date",
                CONTRACT,
                "rule-serviceman-contract",
            ),
            ServicePath::Cadet => (
                facts.student_roster_order_date,
                "student_roster_order_date",
                CADET,
                "rule-serviceman-cadet",
            ),
            ServicePath::CadetForeign => (
                facts.study_assignment_order_date,
                "study_assignment_order_date",
                CADET,
                "rule-serviceman-cadet-foreign",
            ),
            ServicePath::UlanThirdYear => (
                facts.third_year_transfer_order_date,
                "third_year_transfer_order_date",
                ULAN,
                "rule-serviceman-ulan",
            ),
        };
        let is_cadet = matches!(facts.path, ServicePath::Cadet | ServicePath::CadetForeign);
        if is_cadet {
            match facts.previously_serviceman {
                None => {
                    return Err(RuleError::InvalidFact {
                        rule: Self::ID,
                        fact: "previously_serviceman",
                        message: "is missing; a cadet's status starts with the order only if \
                                  they were not a serviceman before"
                            .to_owned(),
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
                message: "is missing; this path's status starts from the date of that order"
                    .to_owned(),
            });
        };
        let mut explanation = vec![Message::new(message).arg("date", order.to_string())];
        if order > as_of {
            explanation.push(Message::new("rule-serviceman-future").arg("date", order.to_string()));
        }
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: ServicemanOutcome::Starts {
                starts_on: order,
                serviceman_on_as_of: order <= as_of,
            },
            citations: cite(&[LIST, clause]),
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
    /// The status starts on the day of the order.
    Starts {
        starts_on: NaiveDate,
        serviceman_on_as_of: bool,
    },
}
