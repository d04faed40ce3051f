//! `security.lead_body`: which body leads interagency coordination in an area of national
//! security, and so heads the interagency commission for it.
//!
//! > ... The leaders of interagency committees, boards or headquarters are the heads of
//! > authorized bodies that carry out interagency coordination in a specific area of national
//! > security in accordance with Article 15. (002, Art. 18.4)
//!
//! Article 15 gives the coordination in the text of each body's competence ("as well as
//! interagency coordination on ensuring military security"). The body's name is read from the
//! parsed clause, so it is the law's own wording.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use qorgau_law::reference::{NATIONAL_SECURITY, short_name};
use qorgau_law::{ClauseId, shipped};
use serde::{Deserialize, Serialize};

use crate::{Decision, RuleError, TypedRule, cite};

pub struct LeadBody;

qorgau_i18n::vocabulary! {
    /// Areas of national security with their coordination.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum Area: "security-area-" {
        Military = "military",
        Public = "public",
        Political = "political",
        Economic = "economic",
        Financial = "financial",
        Energy = "energy",
        Information = "information",
        InformationSpace = "information_space",
        Ecological = "ecological",
        International = "international",
        CounterTerrorism = "counter_terrorism",
        Emergencies = "emergencies",
        ProtectedPersons = "protected_persons",
    }
}

/// The point of Art. 15.1 whose body coordinates `area`, and whether the text says
/// "interagency" (a commission's head) or only "inter-sectoral"/"coordinates"; `None` where
/// Art. 15 names no coordinating body.
pub fn lead_point(area: Area) -> Option<(u32, bool)> {
    point_of(area)
}

fn point_of(area: Area) -> Option<(u32, bool)> {
    match area {
        Area::CounterTerrorism => Some((1, true)),
        Area::ProtectedPersons => Some((3, false)),
        Area::Public => Some((5, true)),
        Area::Military => Some((6, true)),
        Area::International => Some((7, true)),
        Area::InformationSpace => Some((8, true)),
        Area::Information => Some((9, true)),
        Area::Ecological => Some((10, false)),
        Area::Economic => Some((11, true)),
        Area::Financial => Some((14, true)),
        Area::Energy => Some((16, true)),
        Area::Emergencies => Some((17, false)),
        Area::Political => None,
    }
}

/// The clause of Art. 15.1 naming the body that coordinates `area`.
pub fn lead_clause(area: Area) -> Option<String> {
    point_of(area).map(|(point, _)| format!("{NATIONAL_SECURITY}/art_15__para_1__point_{point}"))
}

const BASIS: &str = "kz-2012-527-IV/art_18__para_4";
const LIST: &str = "kz-2012-527-IV/art_15__para_1";

/// The facts of `security.lead_body`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LeadBodyFacts {
    /// military, public, political, economic, financial, energy, information,
    /// information_space, ecological, international, counter_terrorism, emergencies,
    /// protected_persons.
    pub area: Area,
}

impl TypedRule for LeadBody {
    type Facts = LeadBodyFacts;
    type Outcome = LeadBodyOutcome;
    const ID: &'static str = "security.lead_body";
    const TITLE: &'static str = "rule-security-lead-body-title";
    const CITATIONS: &'static [&'static str] = &[
        BASIS,
        LIST,
        "kz-2012-527-IV/art_15__para_1__point_1",
        "kz-2012-527-IV/art_15__para_1__point_3",
        "kz-2012-527-IV/art_15__para_1__point_5",
        "kz-2012-527-IV/art_15__para_1__point_6",
        "kz-2012-527-IV/art_15__para_1__point_7",
        "kz-2012-527-IV/art_15__para_1__point_8",
        "kz-2012-527-IV/art_15__para_1__point_9",
        "kz-2012-527-IV/art_15__para_1__point_10",
        "kz-2012-527-IV/art_15__para_1__point_11",
        "kz-2012-527-IV/art_15__para_1__point_14",
        "kz-2012-527-IV/art_15__para_1__point_16",
        "kz-2012-527-IV/art_15__para_1__point_17",
    ];
    const IN_FORCE_FROM: (i32, u32, u32) = super::IN_FORCE_FROM;

    fn decide(
        &self,
        facts: LeadBodyFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<LeadBodyOutcome>, RuleError> {
        let area = facts.area;
        let Some((_, interagency)) = point_of(area) else {
            return Ok(Decision {
                rule: Self::ID,
                as_of,
                outcome: LeadBodyOutcome {
                    area,
                    body: None,
                    heads_commission: false,
                    clause: None,
                },
                citations: cite(&[BASIS, LIST]),
                explanation: vec![
                    Message::new("rule-security-lead-body-none").arg("area", area.as_str()),
                ],
            });
        };
        let clause = lead_clause(area).unwrap_or_default();
        let id = ClauseId::parse(&clause).map_err(|_| RuleError::InvalidFact {
            rule: Self::ID,
            fact: "area",
            message: Message::new("fact-lead-body-clause-invalid").arg("clause", clause.as_str()),
        })?;
        let (act, index) = shipped()
            .locate(&id)
            .ok_or_else(|| RuleError::InvalidFact {
                rule: Self::ID,
                fact: "area",
                message: Message::new("fact-lead-body-clause-not-in-corpus")
                    .arg("clause", clause.as_str()),
            })?;
        let body = short_name(&act.node(index).text);
        let explanation = vec![
            Message::new(if interagency {
                "rule-security-lead-body-interagency"
            } else {
                "rule-security-lead-body-sectoral"
            })
            .arg("area", area.as_str())
            .arg("body", body.as_str()),
            Message::new("rule-security-lead-body-commission"),
        ];
        Ok(Decision {
            rule: Self::ID,
            as_of,
            citations: cite(&[BASIS, clause.as_str()]),
            outcome: LeadBodyOutcome {
                area,
                body: Some(body),
                heads_commission: interagency,
                clause: Some(clause),
            },
            explanation,
        })
    }
}

/// The outcome of `security.lead_body`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LeadBodyOutcome {
    pub area: Area,
    /// The body of Art. 15.1 that leads the area, if the text names one.
    pub body: Option<String>,
    /// Whether that body heads the area's interagency commission (Art. 15 gives it
    /// interagency, not only inter-sectoral, coordination).
    pub heads_commission: bool,
    /// The clause that gives the area to the body.
    pub clause: Option<String>,
}
