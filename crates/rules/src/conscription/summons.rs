//! Summonses: the channel (`conscription.summons_channel`) and the timing
//! (`conscription.summons_timing_valid`).
//!
//! > The summons is carried out by sending a notice via text message to the mobile phone number
//! > and/or to the user's account on the e-Gov portal at least three calendar days prior to the
//! > date of appearance. If information about the mobile phone number is unavailable, including
//! > one registered on the e-Gov portal, the summons on paper is delivered in person or sent by
//! > mail ... If necessary, the paper summons is delivered to the citizen subject to
//! > conscription at the local military authority, with the date of appearance set no later
//! > than the following day. (003, "Conscription of citizens")

use chrono::{DateTime, FixedOffset, NaiveDate};
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use super::IN_FORCE_FROM;
use crate::{Decision, RuleError, TypedRule, calendar_days_between, cite, date_in_almaty};

qorgau_i18n::vocabulary! {
    /// How a summons reaches the citizen.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum Channel: "channel-" {
        Sms = "sms",
        Egov = "egov",
        PaperPersonal = "paper_personal",
        PaperMail = "paper_mail",
        PaperAtAuthority = "paper_at_authority",
    }
}

impl Channel {
    pub fn is_electronic(self) -> bool {
        matches!(self, Channel::Sms | Channel::Egov)
    }

    /// A paper summons someone delivers, in person or by mail, who notes its signature or the
    /// citizen's refusal (003 para 4).
    pub fn is_paper_delivered(&self) -> bool {
        matches!(self, Channel::PaperPersonal | Channel::PaperMail)
    }
}

/// The minimum notice of an electronic summons, in calendar days.
pub const ELECTRONIC_NOTICE_DAYS: i64 = 3;

const NOTICE: &str = "kz-egov-military-service/sec_7__para_2";
const PAPER: &str = "kz-egov-military-service/sec_7__para_3";
const AT_AUTHORITY: &str = "kz-egov-military-service/sec_7__para_5";

pub struct SummonsTimingValid;

/// The facts of `conscription.summons_timing_valid`. Instants are RFC 3339 with an offset;
/// calendar days are counted in Asia/Almaty whatever offset they are written in.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimingFacts {
    pub channel: Channel,
    /// When the notice is sent (electronic), delivered (paper) or handed over (at the authority).
    pub sent_at: DateTime<FixedOffset>,
    pub appearance_at: DateTime<FixedOffset>,
}

/// The timing check on typed values, for callers that plan many summonses.
pub fn timing_valid(
    channel: Channel,
    sent_at: &DateTime<FixedOffset>,
    appearance_at: &DateTime<FixedOffset>,
) -> bool {
    timing(channel, sent_at, appearance_at).0
}

fn timing(
    channel: Channel,
    sent_at: &DateTime<FixedOffset>,
    appearance_at: &DateTime<FixedOffset>,
) -> (bool, TimingReason, i64) {
    let days = calendar_days_between(sent_at, appearance_at);
    if appearance_at <= sent_at {
        return (false, TimingReason::NotAfter, days);
    }
    match channel {
        Channel::Sms | Channel::Egov if days >= ELECTRONIC_NOTICE_DAYS => {
            (true, TimingReason::ElectronicOk, days)
        }
        Channel::Sms | Channel::Egov => (false, TimingReason::ElectronicShort, days),
        Channel::PaperAtAuthority if days <= 1 => (true, TimingReason::AuthorityOk, days),
        Channel::PaperAtAuthority => (false, TimingReason::AuthorityLate, days),
        Channel::PaperPersonal | Channel::PaperMail => (true, TimingReason::PaperOk, days),
    }
}

/// Why a summons' timing holds or fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TimingReason {
    NotAfter,
    ElectronicOk,
    ElectronicShort,
    AuthorityOk,
    AuthorityLate,
    PaperOk,
}

/// The explanation of each timing outcome.
fn timing_message(reason: TimingReason) -> &'static str {
    match reason {
        TimingReason::NotAfter => "rule-timing-not-after",
        TimingReason::ElectronicOk => "rule-timing-electronic-ok",
        TimingReason::ElectronicShort => "rule-timing-electronic-short",
        TimingReason::AuthorityOk => "rule-timing-authority-ok",
        TimingReason::AuthorityLate => "rule-timing-authority-late",
        TimingReason::PaperOk => "rule-timing-paper-ok",
    }
}

/// The outcome of `conscription.summons_timing_valid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct TimingOutcome {
    pub valid: bool,
    /// Calendar days from sending to appearance, in Asia/Almaty.
    pub calendar_days: i64,
    pub reason: TimingReason,
}

/// The channel `conscription.summons_channel` names: an electronic one, or paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChannelChoice {
    Sms,
    Egov,
    Paper,
}

impl From<Channel> for ChannelChoice {
    fn from(channel: Channel) -> Self {
        match channel {
            Channel::Sms => ChannelChoice::Sms,
            Channel::Egov => ChannelChoice::Egov,
            Channel::PaperPersonal | Channel::PaperMail | Channel::PaperAtAuthority => {
                ChannelChoice::Paper
            }
        }
    }
}

/// The outcome of `conscription.summons_channel`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ChannelOutcome {
    /// The preferred channel.
    pub channel: ChannelChoice,
    /// Every channel the page allows, the preferred first.
    pub allowed: Vec<ChannelChoice>,
}

impl TypedRule for SummonsTimingValid {
    type Facts = TimingFacts;
    type Outcome = TimingOutcome;
    const ID: &'static str = "conscription.summons_timing_valid";
    const TITLE: &'static str = "rule-timing-title";
    const CITATIONS: &'static [&'static str] = &[NOTICE, PAPER, AT_AUTHORITY];
    const IN_FORCE_FROM: (i32, u32, u32) = IN_FORCE_FROM;

    fn decide(
        &self,
        facts: TimingFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<TimingOutcome>, RuleError> {
        let (valid, reason, days) = timing(facts.channel, &facts.sent_at, &facts.appearance_at);
        let message = timing_message(reason);
        let clause = match facts.channel {
            Channel::Sms | Channel::Egov => NOTICE,
            Channel::PaperPersonal | Channel::PaperMail => PAPER,
            Channel::PaperAtAuthority => AT_AUTHORITY,
        };
        let sent_on = date_in_almaty(&facts.sent_at);
        let appear_on = date_in_almaty(&facts.appearance_at);
        let mut explanation = vec![
            Message::new(message)
                .arg("sent", sent_on.to_string())
                .arg("appearance", appear_on.to_string())
                .arg("days", days),
        ];
        if facts.channel.is_electronic() || facts.channel == Channel::PaperAtAuthority {
            explanation.push(Message::new("rule-timing-calendar-days"));
        }
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: TimingOutcome {
                valid,
                calendar_days: days,
                reason,
            },
            citations: cite(&[clause]),
            explanation,
        })
    }
}

pub struct SummonsChannel;

/// The facts of `conscription.summons_channel`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChannelFacts {
    /// A mobile number the citizen gave the local military authority or registered in their name.
    pub has_mobile_number: bool,
    /// An e-Gov account with a mobile number registered on the portal.
    pub has_egov_account_with_mobile: bool,
}

/// The channels the page allows, the preferred first: the text message when a number is known,
/// the e-Gov account too when there is one, and paper only when neither is.
pub fn channels_for(has_mobile_number: bool, has_egov_account_with_mobile: bool) -> Vec<Channel> {
    let mut channels = Vec::with_capacity(2);
    if has_mobile_number {
        channels.push(Channel::Sms);
    }
    if has_egov_account_with_mobile {
        channels.push(Channel::Egov);
    }
    channels
}

impl TypedRule for SummonsChannel {
    type Facts = ChannelFacts;
    type Outcome = ChannelOutcome;
    const ID: &'static str = "conscription.summons_channel";
    const TITLE: &'static str = "rule-channel-title";
    const CITATIONS: &'static [&'static str] = &[NOTICE, PAPER];
    const IN_FORCE_FROM: (i32, u32, u32) = IN_FORCE_FROM;

    fn decide(
        &self,
        facts: ChannelFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<ChannelOutcome>, RuleError> {
        let channels = channels_for(facts.has_mobile_number, facts.has_egov_account_with_mobile);
        let (channel, citations, message) = match channels.first() {
            Some(&first) if channels.len() == 2 => {
                (first.into(), vec![NOTICE], "rule-channel-both")
            }
            Some(Channel::Sms) => (ChannelChoice::Sms, vec![NOTICE], "rule-channel-sms"),
            Some(_) => (ChannelChoice::Egov, vec![NOTICE], "rule-channel-egov"),
            None => (
                ChannelChoice::Paper,
                vec![NOTICE, PAPER],
                "rule-channel-paper",
            ),
        };
        let allowed: Vec<ChannelChoice> = if channels.is_empty() {
            vec![ChannelChoice::Paper]
        } else {
            channels.iter().map(|&c| c.into()).collect()
        };
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: ChannelOutcome { channel, allowed },
            citations: cite(&citations),
            explanation: vec![Message::new(message)],
        })
    }
}
