//! Each summons to its conclusion: what the rules derive from its delivery events, the facts
//! an officer records, paper summonses handed at the authority, and the referral list.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use qorgau_i18n::Message;
use qorgau_rules::conscription::{
    AbsenceExcused, AbsenceFacts, AbsenceReason, CampaignStatus, Channel, DeliveryEvents,
    ExcuseFinding, ExcuseStatus, FollowUp, NonAppearanceAction, NonAppearanceFacts, Notified,
    follow_up, notification_status, timing_valid,
};

use qorgau_rules::{TypedRule, almaty};
use qorgau_store::conscription::{self as repo, NewSummons, Summons};
use serde::{Deserialize, Serialize};

use super::{message_id, stored};
use crate::audit::{AuditAction, Change};
use crate::{Acting, App, AppError, Permission, Scope, format_instant};

/// One summons with what the rules derive from its events.
#[derive(Debug, Clone)]
pub struct SummonsView {
    pub summons: Summons,
    pub citizen_name: String,
    pub citizen_iin: String,
    pub notified: Notified,
    pub notified_message: &'static str,
    /// What `conscription.absence_excused` decides of the reported reason, if one was.
    pub excuse: Option<ExcuseStatus>,
    pub action: FollowUp,
}

/// The rules read instants with an offset; the store keeps them in UTC.
fn with_offset(at: Option<DateTime<Utc>>) -> Option<DateTime<FixedOffset>> {
    at.map(|t| t.fixed_offset())
}

/// The delivery events of a stored summons, as the rule reads them.
pub fn events_of(summons: &Summons) -> DeliveryEvents {
    DeliveryEvents {
        delivery_report_at: with_offset(summons.delivery_report_at),
        read_at: with_offset(summons.read_at),
        number_changed: summons.number_changed,
        signed_at: with_offset(summons.signed_at),
        refused_noted_at: with_offset(summons.refused_noted_at),
        handed_at_authority_at: with_offset(summons.handed_at_authority_at),
    }
}

/// Derives notification, excuse and follow-up of one summons on `as_of`.
pub fn conclude(
    summons: &Summons,
    as_of: NaiveDate,
) -> Result<(Notified, &'static str, Option<ExcuseStatus>, FollowUp), AppError> {
    // The typed cores below skip the decisions' own check of the sources' life: made here.
    qorgau_rules::life::applies::<NonAppearanceAction>(as_of)?;
    let channel = summons.channel;
    let appearance = summons.appearance_at.fixed_offset();
    let (notified, message, _) =
        notification_status(channel, &events_of(summons), &appearance, as_of).map_err(|fact| {
            AppError::Internal(format!(
                "summons {}: {fact} on a {} summons",
                summons.id,
                channel.as_str()
            ))
        })?;
    let excuse = match &summons.excuse {
        Some(reported) => Some(
            AbsenceExcused
                .decision(
                    AbsenceFacts {
                        reason: reported.reason,
                        finding: reported.finding.as_ref().map(|f| f.finding),
                    },
                    as_of,
                )?
                .outcome
                .status,
        ),
        None => None,
    };
    let (action, ..) = follow_up(
        notified,
        summons.appeared_at.is_some(),
        excuse.into(),
        qorgau_rules::date_in_almaty(&appearance),
        as_of,
    );
    Ok((notified, message, excuse, action))
}

/// The receipt of `conscription.non_appearance_action` for one summons on `as_of`: what a
/// closed campaign keeps of each follow-up.
pub(super) fn follow_up_receipt(
    summons: &Summons,
    as_of: NaiveDate,
) -> Result<qorgau_rules::Receipt, AppError> {
    let (notified, _, excuse, _) = conclude(summons, as_of)?;
    let (_, receipt) = NonAppearanceAction.decision_with_receipt(
        NonAppearanceFacts {
            duly_notified: notified,
            appearance_at: summons.appearance_at.fixed_offset(),
            appeared: summons.appeared_at.is_some(),
            excuse: excuse.into(),
        },
        as_of,
    )?;
    Ok(receipt)
}

pub(super) fn full_name(surname: &str, given_name: &str, patronymic: &str) -> String {
    format!("{surname} {given_name} {patronymic}")
        .trim()
        .to_owned()
}

/// A summons with what the rules derive from it on `as_of`.
pub(super) fn summons_view(
    summons: Summons,
    citizen_name: String,
    citizen_iin: String,
    as_of: NaiveDate,
) -> Result<SummonsView, AppError> {
    let (notified, notified_message, excuse, action) = conclude(&summons, as_of)?;
    Ok(SummonsView {
        citizen_name,
        citizen_iin,
        summons,
        notified,
        notified_message,
        excuse,
        action,
    })
}

impl App {
    /// A citizen's summonses, newest first, with their derived statuses.
    pub async fn citizen_summonses(
        &self,
        acting: Acting<'_>,
        citizen_id: i64,
        as_of: NaiveDate,
    ) -> Result<Vec<SummonsView>, AppError> {
        let card = self.citizen_card(acting, citizen_id, as_of).await?;
        let mut conn = self.store().pool().acquire().await?;
        repo::summonses_of_citizen(&mut conn, citizen_id)
            .await?
            .into_iter()
            .map(|s| {
                let c = &card.citizen;
                summons_view(
                    s,
                    full_name(&c.surname, &c.given_name, &c.patronymic),
                    c.iin.to_string(),
                    as_of,
                )
            })
            .collect()
    }

    /// The referral list: summonses of the campaign whose follow-up on `as_of` is a referral to
    /// the internal affairs body.
    pub async fn referrals(
        &self,
        acting: Acting<'_>,
        campaign_id: i64,
        as_of: NaiveDate,
    ) -> Result<Vec<SummonsView>, AppError> {
        let (_, views) = self.campaign(acting, campaign_id, as_of).await?;
        Ok(views
            .into_iter()
            .filter(|v| v.action == FollowUp::ReferToInternalAffairs)
            .collect())
    }

    /// Records something an officer observed about a summons: paper signed or refused, handed
    /// at the authority, the citizen appeared, or the reason they gave for not appearing.
    pub async fn record_summons_fact(
        &self,
        acting: Acting<'_>,
        summons_id: i64,
        fact: OfficerFact,
    ) -> Result<Summons, AppError> {
        let mut conn = self.store().pool().acquire().await?;
        let summons = repo::summons(&mut conn, summons_id).await?;
        drop(conn);
        let (_, path) = self
            .campaign_with_path(acting, Permission::WriteConscription, summons.campaign_id)
            .await?;
        let channel = summons.channel;
        let (column, at) = match &fact {
            OfficerFact::Signed { at, delivered_by }
            | OfficerFact::RefusalNoted { at, delivered_by } => {
                if !matches!(channel, Channel::PaperPersonal | Channel::PaperMail) {
                    return Err(AppError::invalid(
                        "fact",
                        Message::new("invalid-fact-channel")
                            .arg_message("channel", channel.message_id()),
                    ));
                }
                required_text("delivered_by", delivered_by)?;
                let column = if matches!(fact, OfficerFact::Signed { .. }) {
                    repo::DeliveryFact::Signed
                } else {
                    repo::DeliveryFact::RefusalNoted
                };
                (Some(column), Some(*at))
            }
            OfficerFact::Appeared { at } => (Some(repo::DeliveryFact::Appeared), Some(*at)),
            OfficerFact::Excuse { reason, text } => {
                match (reason, text.as_deref().map(str::trim)) {
                    (AbsenceReason::Other, None | Some("")) => {
                        return Err(AppError::invalid(
                            "text",
                            Message::new("invalid-excuse-other-text"),
                        ));
                    }
                    (_, Some(words)) => required_text("text", words)?,
                    _ => {}
                }
                (None, None)
            }
            OfficerFact::ExcuseDecision { finding: _ } => match &summons.excuse {
                Some(reported) if reported.reason == AbsenceReason::Other => (None, None),
                _ => {
                    return Err(AppError::invalid(
                        "finding",
                        Message::new("invalid-excuse-finding-not-other"),
                    ));
                }
            },
        };
        if let Some(at) = at
            && at.with_timezone(&Utc) > self.clock().now()
        {
            return Err(AppError::invalid("at", Message::new("invalid-fact-future")));
        }
        // An appearance belongs to the appearance day or after it (Asia/Almaty): before that
        // day it cannot be known. A reason for not appearing may be reported before (003
        // para 8 asks the citizen to report it); it changes nothing until the day has passed.
        let appearance_on = qorgau_rules::date_in_almaty(&summons.appearance_at);
        if let (OfficerFact::Appeared { .. }, Some(at)) = (&fact, at)
            && qorgau_rules::date_in_almaty(&at) < appearance_on
        {
            return Err(AppError::invalid(
                "at",
                Message::new("invalid-fact-before-appearance")
                    .arg("appearance", appearance_on.to_string()),
            ));
        }
        let mut w = self
            .write(acting, Permission::WriteConscription, Scope::Unit(&path))
            .await?;
        let at_text = w.at_text();
        match (&fact, column, at) {
            (OfficerFact::Excuse { reason, text }, ..) => {
                let words = text.as_deref().map(str::trim).filter(|t| !t.is_empty());
                repo::record_excuse(w.conn(), summons_id, *reason, words, &at_text).await?
            }
            (OfficerFact::ExcuseDecision { finding }, ..) => {
                let by = w.actor_name();
                if !repo::record_excuse_finding(w.conn(), summons_id, *finding, &by, &at_text)
                    .await?
                {
                    return Err(AppError::Conflict(format!(
                        "the reason of summons {summons_id}"
                    )));
                }
                // The finding decides whether the absence is excused: kept with its decision.
                let (_, receipt) = AbsenceExcused.decision_with_receipt(
                    AbsenceFacts {
                        reason: AbsenceReason::Other,
                        finding: Some(*finding),
                    },
                    w.today(),
                )?;
                w.receipt(&receipt, "summons", &summons_id.to_string())
                    .await?;
            }
            (_, Some(column), Some(at)) => {
                if !repo::record_fact(w.conn(), summons_id, column, &stored(at)).await? {
                    return Err(AppError::Conflict(format!(
                        "this fact of summons {summons_id}"
                    )));
                }
                if let OfficerFact::Signed { delivered_by, .. }
                | OfficerFact::RefusalNoted { delivered_by, .. } = &fact
                {
                    repo::record_deliverer(w.conn(), summons_id, delivered_by.trim()).await?;
                }
            }
            _ => {}
        }
        w.audit(Change {
            action: AuditAction::SummonsRecord,
            entity: "summons",
            entity_id: summons_id.to_string(),
            before: None,
            after: serde_json::to_value(&fact).ok(),
        })
        .await?;
        let updated = repo::summons(w.conn(), summons_id).await?;
        w.commit().await?;
        Ok(updated)
    }

    /// Hands a paper summons to a citizen at the local military authority: a summons of its
    /// own, whose appearance must be no later than the next day.
    pub async fn hand_at_authority(
        &self,
        acting: Acting<'_>,
        campaign_id: i64,
        citizen_id: i64,
        appearance_at: DateTime<FixedOffset>,
    ) -> Result<Summons, AppError> {
        let (campaign, path) = self
            .campaign_with_path(acting, Permission::WriteConscription, campaign_id)
            .await?;
        if campaign.status == CampaignStatus::Closed {
            return Err(AppError::invalid(
                "campaign",
                Message::new("invalid-campaign-status")
                    .arg_message("status", campaign.status.message_id()),
            ));
        }
        // The summons is handed at the instant of the write, so the timing is checked on it.
        let mut w = self
            .write(acting, Permission::WriteConscription, Scope::Unit(&path))
            .await?;
        let handed = w.at().with_timezone(&almaty()).fixed_offset();
        if !timing_valid(Channel::PaperAtAuthority, &handed, &appearance_at) {
            return Err(AppError::invalid(
                "appearance_at",
                Message::new("invalid-authority-timing"),
            ));
        }
        let handed_at = w.at_text();
        let citizen = repo::citizen(w.conn(), citizen_id).await?;
        let new = NewSummons {
            citizen_id,
            channel: Channel::PaperAtAuthority,
            message_id: message_id(campaign_id, citizen_id),
            recipient: citizen.iin.to_string(),
            appearance_at: appearance_at.with_timezone(&Utc),
        };
        repo::insert_summonses(
            w.conn(),
            campaign_id,
            std::slice::from_ref(&new),
            &handed_at,
        )
        .await?;
        let summons = repo::summons_by_message(w.conn(), &new.message_id)
            .await?
            .ok_or_else(|| AppError::Internal("the summons just written is missing".into()))?;
        repo::record_fact(
            w.conn(),
            summons.id,
            repo::DeliveryFact::HandedAtAuthority,
            &handed_at,
        )
        .await?;
        w.audit(Change {
            action: AuditAction::SummonsHandAtAuthority,
            entity: "summons",
            entity_id: summons.id.to_string(),
            before: None,
            after: Some(serde_json::json!({
                "campaign_id": campaign_id,
                "citizen_id": citizen_id,
                "appearance_at": format_instant(new.appearance_at),
            })),
        })
        .await?;
        let summons = repo::summons(w.conn(), summons.id).await?;
        w.commit().await?;
        Ok(summons)
    }
}

/// What an officer records about a summons.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "fact", rename_all = "snake_case", deny_unknown_fields)]
pub enum OfficerFact {
    /// The citizen signed for a paper summons.
    Signed {
        #[schema(value_type = String)]
        at: DateTime<FixedOffset>,
        /// Who delivered it.
        delivered_by: String,
    },
    /// The deliverer noted the citizen's refusal to accept it (003 para 4).
    RefusalNoted {
        #[schema(value_type = String)]
        at: DateTime<FixedOffset>,
        /// Who delivered it and made the note.
        delivered_by: String,
    },
    /// The citizen appeared.
    Appeared {
        #[schema(value_type = String)]
        at: DateTime<FixedOffset>,
    },
    /// The reason the citizen reported for not appearing (003 para 8), before the appearance
    /// day or after it.
    Excuse {
        #[schema(schema_with = crate::words::word::<AbsenceReason>)]
        reason: AbsenceReason,
        /// The citizen's words: required for an "other" reason.
        #[serde(default)]
        text: Option<String>,
    },
    /// An officer's finding on an "other" reason: whether it prevented the appearance (003
    /// para 9 point 3).
    ExcuseDecision {
        #[schema(schema_with = crate::words::word::<ExcuseFinding>)]
        finding: ExcuseFinding,
    },
}

/// Officer-typed text of a fact: one line, present and at most 500 characters once trimmed.
fn required_text(field: &'static str, text: &str) -> Result<(), AppError> {
    crate::validation::line(field, text, 500).map(drop)
}

/// The referral list as CSV for the internal affairs body. Names and the citizen's words are
/// typed by people, so every cell goes through the export's formula guard.
pub fn referrals_csv(list: &[SummonsView]) -> String {
    let mut csv = crate::csv_export::CsvExport::new(&[
        "iin",
        "name",
        "channel",
        "appearance_at",
        "notified",
        "excuse_reason",
        "excuse_text",
        "action",
    ]);
    for view in list {
        let appearance_at = format_instant(view.summons.appearance_at);
        let excuse = view.summons.excuse.as_ref();
        csv.row(&[
            view.citizen_iin.as_str(),
            view.citizen_name.as_str(),
            view.summons.channel.as_str(),
            appearance_at.as_str(),
            view.notified.as_str(),
            excuse.map(|e| e.reason.as_str()).unwrap_or(""),
            excuse.and_then(|e| e.text.as_deref()).unwrap_or(""),
            view.action.as_str(),
        ]);
    }
    csv.finish()
}
