//! `conscription.duly_notified` and `conscription.non_appearance_action`.
//!
//! > A citizen subject to conscription is considered duly notified in the following cases of
//! > receiving a summons: 1) via the mobile phone number ... upon receipt of a delivery
//! > confirmation report; 2) to the user's account on the e-Gov portal, with a short text message
//! > sent to the mobile phone number registered on the portal; 3) at the address of registered
//! > residence, temporary residence (stay), or place of employment, as well as upon receiving the
//! > summons at the local military authority. A citizen subject to conscription is not considered
//! > duly notified if they do not read the text message ..., including in cases where the mobile
//! > number has been changed. ... A citizen who has refused to accept the summons is considered
//! > duly notified. ... If a citizen subject to conscription fails to appear upon the summons ...,
//! > responsibility for ensuring his attendance is assigned to the relevant internal affairs body.
//! > (003, "Conscription of citizens")

use chrono::{DateTime, FixedOffset, NaiveDate};
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use super::{Channel, ExcuseStatus, IN_FORCE_FROM};
use crate::{Decision, RuleError, TypedRule, cite, date_in_almaty};

const SMS_NOTIFIED: &str = "kz-egov-military-service/sec_7__para_6__point_1";
const EGOV_NOTIFIED: &str = "kz-egov-military-service/sec_7__para_6__point_2";
const PAPER_NOTIFIED: &str = "kz-egov-military-service/sec_7__para_6__point_3";
const CASES: &str = "kz-egov-military-service/sec_7__para_6";
const NOT_NOTIFIED: &str = "kz-egov-military-service/sec_7__para_7";
const REFUSAL: &str = "kz-egov-military-service/sec_7__para_4";
const VALID_REASONS: &str = "kz-egov-military-service/sec_7__para_9";
const NON_APPEARANCE: &str = "kz-egov-military-service/sec_7__para_10";

qorgau_i18n::vocabulary! {
    /// The notification status of one summons.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum Notified: "summons-notified-" {
        Notified = "notified",
        NotNotified = "not_notified",
        Pending = "pending",
    }
}

pub struct DulyNotified;

/// What is known of one summons' delivery. Instants are RFC 3339 with an offset.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliveryEvents {
    /// Electronic: the gateway's delivery confirmation report.
    #[serde(default)]
    pub delivery_report_at: Option<DateTime<FixedOffset>>,
    /// Electronic: the citizen read the message.
    #[serde(default)]
    pub read_at: Option<DateTime<FixedOffset>>,
    /// Electronic: the gateway reported the number no longer belongs to the citizen.
    #[serde(default)]
    pub number_changed: bool,
    /// Paper in person or by mail: the citizen signed for it.
    #[serde(default)]
    pub signed_at: Option<DateTime<FixedOffset>>,
    /// Paper in person or by mail: the deliverer noted the citizen's refusal.
    #[serde(default)]
    pub refused_noted_at: Option<DateTime<FixedOffset>>,
    /// Paper at the authority: handed to the citizen there.
    #[serde(default)]
    pub handed_at_authority_at: Option<DateTime<FixedOffset>>,
}

/// The facts of `conscription.duly_notified`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotifiedFacts {
    pub channel: Channel,
    #[serde(default)]
    pub events: DeliveryEvents,
    pub appearance_at: DateTime<FixedOffset>,
}

/// The sentence refusing an event of another channel, by the event's fact (one that
/// [`notification_status`] refuses with): the event in words, the summons' channel an argument.
fn foreign_event_message(fact: &str) -> &'static str {
    match fact {
        "events.delivery_report_at" => "fact-notified-delivery-report-foreign",
        "events.read_at" => "fact-notified-read-foreign",
        "events.number_changed" => "fact-notified-number-changed-foreign",
        "events.signed_at" => "fact-notified-signed-foreign",
        "events.refused_noted_at" => "fact-notified-refused-noted-foreign",
        // "events.handed_at_authority_at", the last of them.
        _ => "fact-notified-handed-at-authority-foreign",
    }
}

/// The typed core of the rule: the status, its explanation and the clauses it rests on.
pub fn notification_status(
    channel: Channel,
    events: &DeliveryEvents,
    appearance_at: &DateTime<FixedOffset>,
    as_of: NaiveDate,
) -> Result<(Notified, &'static str, &'static [&'static str]), &'static str> {
    // An event of another channel means the record is confused; refuse rather than guess.
    let electronic_only = [
        (
            "events.delivery_report_at",
            events.delivery_report_at.is_some(),
        ),
        ("events.read_at", events.read_at.is_some()),
        ("events.number_changed", events.number_changed),
    ];
    let paper_only = [
        ("events.signed_at", events.signed_at.is_some()),
        ("events.refused_noted_at", events.refused_noted_at.is_some()),
    ];
    let authority_only = [(
        "events.handed_at_authority_at",
        events.handed_at_authority_at.is_some(),
    )];
    let foreign: Vec<(&str, bool)> = match channel {
        Channel::Sms | Channel::Egov => [&paper_only[..], &authority_only[..]].concat(),
        Channel::PaperPersonal | Channel::PaperMail => {
            [&electronic_only[..], &authority_only[..]].concat()
        }
        Channel::PaperAtAuthority => [&electronic_only[..], &paper_only[..]].concat(),
    };
    if let Some((fact, _)) = foreign.into_iter().find(|(_, present)| *present) {
        return Err(fact);
    }
    // The appearance has passed for this reading once its Almaty calendar day is over.
    let appearance_passed = as_of > date_in_almaty(appearance_at);
    let before = |at: &Option<DateTime<FixedOffset>>| at.filter(|t| t <= appearance_at);
    let undecided = |pending: &'static str, missed: &'static str, clauses| {
        if appearance_passed {
            Ok((Notified::NotNotified, missed, clauses))
        } else {
            Ok((Notified::Pending, pending, clauses))
        }
    };
    match channel {
        Channel::Sms | Channel::Egov => {
            let point: &'static [&'static str] = if channel == Channel::Sms {
                &[SMS_NOTIFIED, NOT_NOTIFIED]
            } else {
                &[EGOV_NOTIFIED, NOT_NOTIFIED]
            };
            if events.number_changed {
                return Ok((Notified::NotNotified, "rule-notified-number-changed", point));
            }
            match (before(&events.delivery_report_at), events.read_at) {
                (Some(_), Some(read)) if read <= *appearance_at => {
                    Ok((Notified::Notified, "rule-notified-read", point))
                }
                (_, Some(_)) if events.read_at.is_some_and(|r| r > *appearance_at) => {
                    Ok((Notified::NotNotified, "rule-notified-read-late", point))
                }
                (None, _) => undecided(
                    "rule-notified-awaiting-delivery",
                    "rule-notified-not-delivered",
                    point,
                ),
                (Some(_), _) => undecided(
                    "rule-notified-delivered-unread",
                    "rule-notified-unread",
                    point,
                ),
            }
        }
        Channel::PaperPersonal | Channel::PaperMail => {
            if before(&events.refused_noted_at).is_some() {
                return Ok((
                    Notified::Notified,
                    "rule-notified-refused",
                    &[PAPER_NOTIFIED, REFUSAL],
                ));
            }
            if before(&events.signed_at).is_some() {
                return Ok((
                    Notified::Notified,
                    "rule-notified-signed",
                    &[PAPER_NOTIFIED],
                ));
            }
            if events.signed_at.is_some() || events.refused_noted_at.is_some() {
                return Ok((
                    Notified::NotNotified,
                    "rule-notified-paper-late",
                    &[PAPER_NOTIFIED],
                ));
            }
            undecided(
                "rule-notified-paper-pending",
                "rule-notified-paper-missed",
                &[PAPER_NOTIFIED],
            )
        }
        Channel::PaperAtAuthority => {
            if before(&events.handed_at_authority_at).is_some() {
                return Ok((
                    Notified::Notified,
                    "rule-notified-handed",
                    &[PAPER_NOTIFIED],
                ));
            }
            if events.handed_at_authority_at.is_some() {
                return Ok((
                    Notified::NotNotified,
                    "rule-notified-paper-late",
                    &[PAPER_NOTIFIED],
                ));
            }
            undecided(
                "rule-notified-paper-pending",
                "rule-notified-paper-missed",
                &[PAPER_NOTIFIED],
            )
        }
    }
}

impl TypedRule for DulyNotified {
    type Facts = NotifiedFacts;
    type Outcome = NotifiedOutcome;
    const ID: &'static str = "conscription.duly_notified";
    const TITLE: &'static str = "rule-notified-title";
    const CITATIONS: &'static [&'static str] = &[
        CASES,
        SMS_NOTIFIED,
        EGOV_NOTIFIED,
        PAPER_NOTIFIED,
        NOT_NOTIFIED,
        REFUSAL,
    ];
    const IN_FORCE_FROM: (i32, u32, u32) = IN_FORCE_FROM;

    fn decide(
        &self,
        facts: NotifiedFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<NotifiedOutcome>, RuleError> {
        let (status, message, clauses) =
            notification_status(facts.channel, &facts.events, &facts.appearance_at, as_of)
                .map_err(|fact| RuleError::InvalidFact {
                    rule: Self::ID,
                    fact,
                    message: Message::new(foreign_event_message(fact))
                        .arg_message("channel", facts.channel.message_id()),
                })?;
        let mut explanation = vec![Message::new(message)];
        if facts.channel.is_electronic() {
            explanation.push(Message::new("rule-notified-reading"));
        }
        let mut citations = vec![CASES];
        citations.extend_from_slice(clauses);
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: NotifiedOutcome { status },
            citations: cite(&citations),
            explanation,
        })
    }
}

/// The excuse a citizen gave, as `conscription.absence_excused` decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Excuse {
    None,
    Excused,
    NotExcused,
    /// An "other" reason no officer has found on yet.
    AwaitingDecision,
}

impl From<Option<ExcuseStatus>> for Excuse {
    fn from(status: Option<ExcuseStatus>) -> Self {
        match status {
            None => Excuse::None,
            Some(ExcuseStatus::Excused) => Excuse::Excused,
            Some(ExcuseStatus::NotExcused) => Excuse::NotExcused,
            Some(ExcuseStatus::AwaitingDecision) => Excuse::AwaitingDecision,
        }
    }
}

qorgau_i18n::vocabulary! {
    /// What follows a summons.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum FollowUp: "summons-action-" {
        None = "none",
        /// The appearance day has not passed yet in Asia/Almaty: a failure to appear cannot be
        /// known, so nothing follows yet.
        AwaitingAppearance = "awaiting_appearance",
        /// The citizen reported a reason the list does not name and no officer has found on it
        /// yet: nothing follows until one does, and never a referral on a guess.
        AwaitingExcuseDecision = "awaiting_excuse_decision",
        Reschedule = "reschedule",
        ReferToInternalAffairs = "refer_to_internal_affairs",
    }
}

pub struct NonAppearanceAction;

/// The facts of `conscription.non_appearance_action`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NonAppearanceFacts {
    /// The outcome of `conscription.duly_notified`.
    pub duly_notified: Notified,
    /// The appointed date and time of appearance (RFC 3339 with an offset).
    pub appearance_at: DateTime<FixedOffset>,
    pub appeared: bool,
    /// The outcome of `conscription.absence_excused`, or none if no reason was given.
    pub excuse: Excuse,
}

/// The typed core of the rule. A failure to appear "upon the summons" can only be known once
/// the appearance day has passed: until the end of that day in Asia/Almaty nothing follows
/// (Qorgau's reading of para 13, stated in the decision).
pub fn follow_up(
    notified: Notified,
    appeared: bool,
    excuse: Excuse,
    appearance_on: NaiveDate,
    as_of: NaiveDate,
) -> (FollowUp, &'static str, &'static [&'static str]) {
    match (appeared, notified, excuse) {
        (true, ..) => (FollowUp::None, "rule-action-appeared", &[]),
        (false, ..) if as_of <= appearance_on => {
            (FollowUp::AwaitingAppearance, "rule-action-too-early", &[])
        }
        (false, Notified::Pending, _) => (FollowUp::None, "rule-action-pending", &[CASES]),
        (false, Notified::NotNotified, _) => (
            FollowUp::Reschedule,
            "rule-action-not-notified",
            &[NOT_NOTIFIED],
        ),
        (false, Notified::Notified, Excuse::Excused) => (
            FollowUp::Reschedule,
            "rule-action-excused",
            &[VALID_REASONS],
        ),
        (false, Notified::Notified, Excuse::AwaitingDecision) => (
            FollowUp::AwaitingExcuseDecision,
            "rule-action-awaiting-excuse-decision",
            &[VALID_REASONS],
        ),
        (false, Notified::Notified, Excuse::None | Excuse::NotExcused) => (
            FollowUp::ReferToInternalAffairs,
            "rule-action-refer",
            &[VALID_REASONS, NON_APPEARANCE],
        ),
    }
}

impl TypedRule for NonAppearanceAction {
    type Facts = NonAppearanceFacts;
    type Outcome = ActionOutcome;
    const ID: &'static str = "conscription.non_appearance_action";
    const TITLE: &'static str = "rule-action-title";
    const CITATIONS: &'static [&'static str] =
        &[CASES, NOT_NOTIFIED, VALID_REASONS, NON_APPEARANCE];
    const IN_FORCE_FROM: (i32, u32, u32) = IN_FORCE_FROM;

    fn decide(
        &self,
        facts: NonAppearanceFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<ActionOutcome>, RuleError> {
        let appearance_on = date_in_almaty(&facts.appearance_at);
        let (action, message, clauses) = follow_up(
            facts.duly_notified,
            facts.appeared,
            facts.excuse,
            appearance_on,
            as_of,
        );
        let mut citations = vec![NON_APPEARANCE];
        citations.extend(clauses.iter().filter(|c| **c != NON_APPEARANCE));
        let mut explanation =
            vec![Message::new(message).arg("appearance", appearance_on.to_string())];
        if action == FollowUp::AwaitingAppearance {
            explanation.push(Message::new("rule-action-too-early-reading"));
        }
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: ActionOutcome { action },
            citations: cite(&citations),
            explanation,
        })
    }
}

/// The outcome of `conscription.duly_notified`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct NotifiedOutcome {
    pub status: Notified,
}

/// The outcome of `conscription.non_appearance_action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ActionOutcome {
    pub action: FollowUp,
}
