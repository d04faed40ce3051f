//! `conscription.registration_required`: who is subject to military registration.
//!
//! > Conscripts and servicemen are subject to military registration, with the exception of:
//! > women who do not have a military accounting specialty; persons discharged from military
//! > service, retired, or removed from military registration upon reaching the maximum age for
//! > reserve service, or deemed unfit for military service and subsequently removed from
//! > military registration; persons serving a sentence; persons permanently residing outside
//! > the Republic of Kazakhstan; employees, as well as cadets and students of military and
//! > specialized educational institutions of law-enforcement and special government agencies of
//! > the Republic of Kazakhstan, and civil protection authorities. (003, "Military registration")
//!
//! Item 2 is read as one exemption, the removal from the register, with four reasons: "persons
//! discharged from military service" are exempt when their discharge removed them from the
//! register, not merely because they were discharged. A reservist discharged after service who
//! remains on the reserve register stays subject to registration. Every decision that exempts a
//! discharged person says so.

use chrono::{Datelike, NaiveDate};
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use super::{IN_FORCE_FROM, Sex};
use crate::{Decision, RuleError, TypedRule, cite};

pub struct RegistrationRequired;

qorgau_i18n::vocabulary! {
    /// Why a person was removed from the register, if they were.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum RemovalReason: "citizen-removal-" {
        None = "none",
        Discharged = "discharged",
        Retired = "retired",
        MaxReserveAge = "max_reserve_age",
        Unfit = "unfit",
    }
}

/// The facts of `conscription.registration_required`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationFacts {
    pub sex: Sex,
    /// Needed because the register holds conscripts, never children (see
    /// [`REGISTRATION_MIN_AGE`]).
    pub birth_date: NaiveDate,
    pub has_military_specialty: bool,
    /// Why the person was removed from the military register, or `none` while they are on it.
    /// Item 2 exempts by this removal: a reservist discharged after service who remains on the
    /// reserve register is `none`, not `discharged` (the rule's stated reading).
    pub removed_from_register_reason: RemovalReason,
    pub serving_sentence: bool,
    pub permanent_residence_abroad: bool,
    /// An employee, cadet or student of law-enforcement or special state bodies' institutions,
    /// or of civil protection authorities.
    pub law_enforcement_or_civil_protection: bool,
}

const BASE: &str = "kz-egov-military-service/sec_4__para_1";

/// The age from which a man is a conscript on the register. The corpus (003) says only that
/// "conscripts and servicemen" are registered and gives no age; Qorgau reads the register as
/// starting in the year a man turns seventeen, as the Law "On military service and the status
/// of servicemen" (No. 561-IV of 16 February 2012, outside the corpus) provides, and every
/// decision below that age says so. A child is never on the register.
pub const REGISTRATION_MIN_AGE: u32 = 17;

/// The ages at which a registered man may be summoned for conscription military service, on
/// the appearance day. Like [`REGISTRATION_MIN_AGE`], the corpus gives none: the window is the
/// one of the Law "On military service and the status of servicemen" (No. 561-IV, outside the
/// corpus), which the campaign plan states with every citizen it skips.
pub const CONSCRIPTION_AGES: std::ops::RangeInclusive<u32> = 18..=29;

impl TypedRule for RegistrationRequired {
    type Facts = RegistrationFacts;
    type Outcome = RegistrationOutcome;
    const ID: &'static str = "conscription.registration_required";
    const TITLE: &'static str = "rule-registration-title";
    const CITATIONS: &'static [&'static str] = &[
        BASE,
        "kz-egov-military-service/sec_4__para_1__item_1",
        "kz-egov-military-service/sec_4__para_1__item_2",
        "kz-egov-military-service/sec_4__para_1__item_3",
        "kz-egov-military-service/sec_4__para_1__item_4",
        "kz-egov-military-service/sec_4__para_1__item_5",
    ];
    const IN_FORCE_FROM: (i32, u32, u32) = IN_FORCE_FROM;

    fn decide(
        &self,
        facts: RegistrationFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<RegistrationOutcome>, RuleError> {
        let age = super::age_on(facts.birth_date, as_of).ok_or_else(|| RuleError::InvalidFact {
            rule: Self::ID,
            fact: "birth_date",
            message: Message::new("fact-registration-birth-after-decision")
                .arg("birth_date", facts.birth_date.to_string())
                .arg("as_of", as_of.to_string()),
        })?;
        let year_of_seventeen = facts.birth_date.year() + REGISTRATION_MIN_AGE as i32;
        if as_of.year() < year_of_seventeen {
            return Ok(Decision {
                rule: Self::ID,
                as_of,
                outcome: RegistrationOutcome {
                    required: false,
                    exemptions: vec![Exemption::BelowRegistrationAge],
                },
                citations: cite(&[BASE]),
                explanation: vec![
                    Message::new("rule-registration-below-age")
                        .arg("age", age)
                        .arg("min", REGISTRATION_MIN_AGE),
                    Message::new("rule-registration-age-source"),
                ],
            });
        }
        // (exemption name, applies, clause, message)
        let exemptions = [
            (
                Exemption::WomanWithoutMilitarySpecialty,
                facts.sex == Sex::Female && !facts.has_military_specialty,
                "kz-egov-military-service/sec_4__para_1__item_1",
                "rule-registration-exempt-woman",
            ),
            (
                Exemption::RemovedFromRegister,
                facts.removed_from_register_reason != RemovalReason::None,
                "kz-egov-military-service/sec_4__para_1__item_2",
                "rule-registration-exempt-removed",
            ),
            (
                Exemption::ServingSentence,
                facts.serving_sentence,
                "kz-egov-military-service/sec_4__para_1__item_3",
                "rule-registration-exempt-sentence",
            ),
            (
                Exemption::PermanentResidenceAbroad,
                facts.permanent_residence_abroad,
                "kz-egov-military-service/sec_4__para_1__item_4",
                "rule-registration-exempt-abroad",
            ),
            (
                Exemption::LawEnforcementOrCivilProtection,
                facts.law_enforcement_or_civil_protection,
                "kz-egov-military-service/sec_4__para_1__item_5",
                "rule-registration-exempt-service",
            ),
        ];
        let applying: Vec<_> = exemptions
            .iter()
            .filter(|(_, applies, _, _)| *applies)
            .collect();
        let mut citations = vec![BASE];
        citations.extend(applying.iter().map(|(_, _, clause, _)| *clause));
        let explanation = if applying.is_empty() {
            vec![Message::new("rule-registration-required")]
        } else {
            applying
                .iter()
                .flat_map(|(name, _, _, message)| {
                    let mut messages = vec![Message::new(message)];
                    // Item 2 read as removals from the register; a discharge is one reason.
                    if *name == Exemption::RemovedFromRegister
                        && facts.removed_from_register_reason == RemovalReason::Discharged
                    {
                        messages.push(Message::new("rule-registration-discharged-reading"));
                    }
                    messages
                })
                .collect()
        };
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: RegistrationOutcome {
                required: applying.is_empty(),
                exemptions: applying.iter().map(|(name, ..)| *name).collect(),
            },
            citations: cite(&citations),
            explanation,
        })
    }
}

/// An exemption from military registration (sec. 4 para 1 of the e-Gov page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Exemption {
    /// Not a conscript yet: before the year of the seventeenth birthday (Qorgau's stated
    /// reading, [`REGISTRATION_MIN_AGE`]).
    BelowRegistrationAge,
    WomanWithoutMilitarySpecialty,
    RemovedFromRegister,
    ServingSentence,
    PermanentResidenceAbroad,
    LawEnforcementOrCivilProtection,
}

/// The outcome of `conscription.registration_required`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RegistrationOutcome {
    /// True when no exemption applies.
    pub required: bool,
    /// The exemptions that apply, in the order of the text.
    pub exemptions: Vec<Exemption>,
}
