//! Summons campaigns: create, plan (pick each citizen's channel and dates the rules accept),
//! release for sending, and follow each summons to its conclusion.

use chrono::{DateTime, Days, FixedOffset, NaiveDate, Utc};
use qorgau_i18n::Message;
use qorgau_rules::conscription::{
    AbsenceExcused, AbsenceFacts, Channel, DeliveryEvents, ELECTRONIC_NOTICE_DAYS, Excuse,
    FollowUp, Notified, channels_for, follow_up, notification_status, timing_valid,
};
use qorgau_rules::{TypedRule, almaty, date_in_almaty};
use qorgau_store::conscription::{self as repo, Campaign, Citizen, NewSummons, Summons};
use serde::{Deserialize, Serialize};

use super::register::derive_statuses;
use crate::audit::{AuditAction, Change};
use crate::{Acting, App, AppError, Permission, Scope, authorize, format_instant};

/// What a campaign summons citizens for (003, "Duties of citizens subject to conscription").
pub const PURPOSES: [&str; 5] = [
    "medical_examination",
    "evaluation",
    "conscription_commission",
    "dispatch_to_unit",
    "assignment",
];

/// How paper summonses of a campaign are delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaperMethod {
    Personal,
    Mail,
}

/// A campaign to create.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCampaign {
    pub unit_id: i64,
    pub title: String,
    /// One of medical_examination, evaluation, conscription_commission, dispatch_to_unit,
    /// assignment.
    pub purpose: String,
    pub appearance_place: String,
    /// RFC 3339 with an offset.
    #[schema(value_type = String)]
    pub appearance_at: DateTime<FixedOffset>,
}

/// Which citizens to summon.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    /// Only these citizens (ids); empty means everyone the filters keep.
    #[serde(default)]
    pub citizen_ids: Vec<i64>,
    /// male or female.
    #[serde(default)]
    pub sex: Option<String>,
    /// Whole years on the appearance date, inclusive.
    #[serde(default)]
    pub min_age: Option<u32>,
    #[serde(default)]
    pub max_age: Option<u32>,
    /// Keep only those the rules say are subject to military registration.
    #[serde(default)]
    pub registration_required: Option<bool>,
    /// Keep only those the rules say undergo compulsory military training.
    #[serde(default)]
    pub training_eligible: Option<bool>,
    /// How paper summonses go out; personal by default.
    #[serde(default)]
    pub paper_method: Option<PaperMethod>,
}

/// What planning did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PlanSummary {
    pub campaign_id: i64,
    pub planned: u64,
    pub by_channel: Vec<(String, u64)>,
    /// Electronic summonses whose appearance moved later to leave three calendar days.
    pub appearance_moved: u64,
    pub skipped_already_summoned: u64,
}

/// The counts of a campaign's funnel.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Funnel {
    pub planned: u64,
    pub sent: u64,
    pub delivered: u64,
    pub read: u64,
    pub notified: u64,
    pub appeared: u64,
    pub excused: u64,
    pub referred: u64,
    pub failed: u64,
}

/// One summons with what the rules derive from its events.
#[derive(Debug, Clone, Serialize)]
pub struct SummonsView {
    pub summons: Summons,
    pub citizen_name: String,
    pub citizen_iin: String,
    pub notified: Notified,
    pub notified_message: &'static str,
    pub excused: Option<bool>,
    pub action: FollowUp,
}

/// A campaign with its funnel.
#[derive(Debug, Clone, Serialize)]
pub struct CampaignView {
    pub campaign: Campaign,
    pub funnel: Funnel,
}

pub(crate) fn parse_at(text: &str) -> Result<DateTime<FixedOffset>, AppError> {
    DateTime::parse_from_rfc3339(text)
        .map_err(|_| AppError::Internal(format!("stored instant {text:?} is not RFC 3339")))
}

fn stored(at: DateTime<FixedOffset>) -> String {
    format_instant(at.with_timezone(&Utc))
}

fn optional_at(text: &Option<String>) -> Result<Option<DateTime<FixedOffset>>, AppError> {
    text.as_deref().map(parse_at).transpose()
}

/// The delivery events of a stored summons, as the rule reads them.
pub fn events_of(summons: &Summons) -> Result<DeliveryEvents, AppError> {
    Ok(DeliveryEvents {
        delivery_report_at: optional_at(&summons.delivery_report_at)?,
        read_at: optional_at(&summons.read_at)?,
        number_changed: summons.number_changed != 0,
        signed_at: optional_at(&summons.signed_at)?,
        refused_noted_at: optional_at(&summons.refused_noted_at)?,
        handed_at_authority_at: optional_at(&summons.handed_at_authority_at)?,
    })
}

fn channel_of(summons: &Summons) -> Result<Channel, AppError> {
    Channel::parse(&summons.channel)
        .ok_or_else(|| AppError::Internal(format!("summons {}: unknown channel", summons.id)))
}

/// Derives notification, excuse and follow-up of one summons on `as_of`.
pub fn conclude(
    summons: &Summons,
    as_of: NaiveDate,
) -> Result<(Notified, &'static str, Option<bool>, FollowUp), AppError> {
    let channel = channel_of(summons)?;
    let appearance = parse_at(&summons.appearance_at)?;
    let (notified, message, _) =
        notification_status(channel, &events_of(summons)?, &appearance, as_of).map_err(|fact| {
            AppError::Internal(format!(
                "summons {}: {fact} on a {} summons",
                summons.id,
                channel.as_str()
            ))
        })?;
    let excused = match &summons.excuse_reason {
        Some(reason) => Some(
            AbsenceExcused
                .decide(
                    AbsenceFacts {
                        reason: reason.clone(),
                    },
                    as_of,
                )?
                .outcome
                .excused,
        ),
        None => None,
    };
    let excuse = match excused {
        None => Excuse::None,
        Some(true) => Excuse::Excused,
        Some(false) => Excuse::NotExcused,
    };
    let (action, ..) = follow_up(notified, summons.appeared_at.is_some(), excuse);
    Ok((notified, message, excused, action))
}

fn full_name(surname: &str, given_name: &str, patronymic: &str) -> String {
    format!("{surname} {given_name} {patronymic}")
        .trim()
        .to_owned()
}

/// A summons with what the rules derive from it on `as_of`.
fn summons_view(
    summons: Summons,
    citizen_name: String,
    citizen_iin: String,
    as_of: NaiveDate,
) -> Result<SummonsView, AppError> {
    let (notified, notified_message, excused, action) = conclude(&summons, as_of)?;
    Ok(SummonsView {
        citizen_name,
        citizen_iin,
        summons,
        notified,
        notified_message,
        excused,
        action,
    })
}

/// Adds one summons, as the rules concluded it, to the funnel counts.
fn count(funnel: &mut Funnel, view: &SummonsView) {
    let summons = &view.summons;
    let (notified, excused, action) = (view.notified, view.excused, view.action);
    funnel.planned += 1;
    let paper_received = summons.signed_at.is_some()
        || summons.refused_noted_at.is_some()
        || summons.handed_at_authority_at.is_some();
    funnel.sent += u64::from(summons.sent_at.is_some() || paper_received);
    funnel.delivered += u64::from(summons.delivery_report_at.is_some() || paper_received);
    funnel.read += u64::from(summons.read_at.is_some());
    funnel.notified += u64::from(notified == Notified::Notified);
    funnel.appeared += u64::from(summons.appeared_at.is_some());
    funnel.excused += u64::from(excused == Some(true));
    funnel.referred += u64::from(action == FollowUp::ReferToInternalAffairs);
    funnel.failed += u64::from(summons.failed_at.is_some() || summons.number_changed != 0);
}

/// The paper address: residence first, then temporary stay, then work (003 para 6 lists them).
fn paper_address(citizen: &Citizen) -> String {
    [
        &citizen.residence_address,
        &citizen.temporary_address,
        &citizen.work_address,
    ]
    .into_iter()
    .find(|a| !a.trim().is_empty())
    .cloned()
    .unwrap_or_default()
}

/// Chooses channel, recipient and appearance for one citizen, planned at `now`.
pub fn plan_one(
    citizen: &Citizen,
    appearance_at: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
    paper: PaperMethod,
) -> (Channel, String, DateTime<FixedOffset>, bool) {
    let channels = channels_for(
        citizen.mobile.is_some(),
        citizen.egov_account_with_mobile != 0,
    );
    let (channel, recipient) = match channels.first() {
        Some(Channel::Sms) => (Channel::Sms, citizen.mobile.clone().unwrap_or_default()),
        Some(_) => (Channel::Egov, citizen.iin.clone()),
        None => (
            match paper {
                PaperMethod::Personal => Channel::PaperPersonal,
                PaperMethod::Mail => Channel::PaperMail,
            },
            paper_address(citizen),
        ),
    };
    if !channel.is_electronic() || timing_valid(channel, &now, &appearance_at) {
        return (channel, recipient, appearance_at, false);
    }
    // Too soon for an electronic notice: the same time of day on the earliest day allowed.
    let earliest_day = date_in_almaty(&now) + Days::new(ELECTRONIC_NOTICE_DAYS as u64);
    let local_time = appearance_at.with_timezone(&almaty()).time();
    let moved = earliest_day
        .and_time(local_time)
        .and_local_timezone(almaty())
        .single()
        .unwrap_or(appearance_at);
    (channel, recipient, moved.max(appearance_at), true)
}

/// Citizens read per page while planning.
const PLAN_PAGE: i64 = 10_000;

/// A fresh message id: the idempotency key gateways deduplicate by.
/// Campaign and citizen first, so a campaign's ids are written in order (the unique index grows
/// at its end instead of at random places); a random tail keeps ids of summonses handed over
/// again apart.
fn message_id(campaign_id: i64, citizen_id: i64) -> String {
    use rand::RngCore;
    let mut tail = [0u8; 4];
    rand::rng().fill_bytes(&mut tail);
    format!("{campaign_id:08x}-{citizen_id:010x}-{}", hex::encode(tail))
}

impl App {
    async fn campaign_in_scope(
        &self,
        acting: Acting<'_>,
        permission: Permission,
        campaign_id: i64,
    ) -> Result<Campaign, AppError> {
        Ok(self
            .campaign_with_path(acting, permission, campaign_id)
            .await?
            .0)
    }

    /// The campaign and the path of its unit, once `acting` is found to hold `permission`
    /// there; a write then begins on that path.
    async fn campaign_with_path(
        &self,
        acting: Acting<'_>,
        permission: Permission,
        campaign_id: i64,
    ) -> Result<(Campaign, String), AppError> {
        let mut conn = self.store().pool().acquire().await?;
        let campaign = repo::campaign(&mut conn, campaign_id).await?;
        let unit = qorgau_store::org::get(&mut conn, campaign.unit_id).await?;
        authorize(acting, permission, Scope::Unit(&unit.path))?;
        Ok((campaign, unit.path))
    }

    pub async fn create_campaign(
        &self,
        acting: Acting<'_>,
        new: NewCampaign,
    ) -> Result<Campaign, AppError> {
        let mut conn = self.store().pool().acquire().await?;
        let unit = qorgau_store::org::get(&mut conn, new.unit_id).await?;
        drop(conn);
        authorize(
            acting,
            Permission::WriteConscription,
            Scope::Unit(&unit.path),
        )?;
        for (field, value) in [
            ("title", &new.title),
            ("appearance_place", &new.appearance_place),
        ] {
            if !(1..=300).contains(&value.trim().chars().count()) {
                return Err(AppError::invalid(
                    field,
                    Message::new("invalid-text-length").arg("max", 300),
                ));
            }
        }
        if !PURPOSES.contains(&new.purpose.as_str()) {
            return Err(AppError::invalid(
                "purpose",
                Message::new("invalid-campaign-purpose").arg("allowed", PURPOSES.join(", ")),
            ));
        }
        if new.appearance_at.with_timezone(&Utc) <= self.clock().now() {
            return Err(AppError::invalid(
                "appearance_at",
                Message::new("invalid-campaign-past"),
            ));
        }
        let mut w = self
            .write(
                acting,
                Permission::WriteConscription,
                Scope::Unit(&unit.path),
            )
            .await?;
        let mut campaign = Campaign {
            id: 0,
            unit_id: new.unit_id,
            title: new.title.trim().to_owned(),
            purpose: new.purpose,
            appearance_place: new.appearance_place.trim().to_owned(),
            appearance_at: stored(new.appearance_at),
            status: "draft".to_owned(),
            created_by: w.actor_name(),
            created_at: w.at_text(),
        };
        campaign.id = repo::insert_campaign(w.conn(), &campaign).await?;
        w.audit(Change {
            action: AuditAction::CampaignCreate,
            entity: "campaign",
            entity_id: campaign.id.to_string(),
            before: None,
            after: serde_json::to_value(&campaign).ok(),
        })
        .await?;
        w.commit().await?;
        Ok(campaign)
    }

    /// Selects citizens and writes one planned summons per citizen: the channel the rules pick
    /// and an appearance that passes `conscription.summons_timing_valid` when planned now.
    pub async fn plan_campaign(
        &self,
        acting: Acting<'_>,
        campaign_id: i64,
        selection: Selection,
    ) -> Result<PlanSummary, AppError> {
        let (campaign, path) = self
            .campaign_with_path(acting, Permission::WriteConscription, campaign_id)
            .await?;
        if !matches!(campaign.status.as_str(), "draft" | "planned") {
            return Err(AppError::invalid(
                "campaign",
                Message::new("invalid-campaign-status").arg("status", campaign.status.as_str()),
            ));
        }
        if let Some(sex) = &selection.sex
            && super::register::parse_sex(sex).is_none()
        {
            return Err(AppError::invalid(
                "sex",
                Message::new("invalid-csv-sex").arg("value", sex.as_str()),
            ));
        }
        let appearance_at = parse_at(&campaign.appearance_at)?;
        let appearance_day = date_in_almaty(&appearance_at);
        // Everything is read and written in one write transaction: the plan lands whole or not
        // at all. The register is read in pages so memory stays bounded however large it is.
        let mut w = self
            .write(acting, Permission::WriteConscription, Scope::Unit(&path))
            .await?;
        let now = w.at().with_timezone(&almaty()).fixed_offset();
        let unit = qorgau_store::org::get(w.conn(), campaign.unit_id).await?;
        let mut listed = Vec::new();
        if !selection.citizen_ids.is_empty() {
            let found = repo::citizens_by_ids(w.conn(), &selection.citizen_ids).await?;
            // A listed citizen outside the campaign's unit is an error, not a silent skip.
            for citizen in &found {
                let home = qorgau_store::org::get(w.conn(), citizen.unit_id).await?;
                if !home.path.starts_with(unit.path.as_str()) {
                    return Err(AppError::invalid(
                        "citizen_ids",
                        Message::new("invalid-campaign-citizen-outside").arg("id", citizen.id),
                    ));
                }
            }
            if found.len() != selection.citizen_ids.len() {
                return Err(AppError::invalid(
                    "citizen_ids",
                    Message::new("invalid-campaign-citizen-unknown"),
                ));
            }
            listed = found;
        }
        let already = repo::campaign_citizen_ids(w.conn(), campaign_id).await?;
        let paper = selection.paper_method.unwrap_or(PaperMethod::Personal);
        let mut moved = 0;
        let mut skipped = 0;
        let mut written = 0;
        let mut by_channel = std::collections::BTreeMap::<&'static str, u64>::new();
        let planned_at = w.at_text();
        let mut after_id = 0;
        loop {
            let page = if selection.citizen_ids.is_empty() {
                repo::citizens_under_page(w.conn(), &unit.path, after_id, PLAN_PAGE).await?
            } else if after_id == 0 {
                std::mem::take(&mut listed)
            } else {
                Vec::new()
            };
            let Some(last) = page.last() else { break };
            after_id = last.id;
            let mut planned = Vec::with_capacity(page.len());
            for citizen in &page {
                if !selects(&selection, citizen, appearance_day)? {
                    continue;
                }
                if already.contains(&citizen.id) {
                    skipped += 1;
                    continue;
                }
                let (channel, recipient, appearance, was_moved) =
                    plan_one(citizen, appearance_at, now, paper);
                moved += u64::from(was_moved);
                *by_channel.entry(channel.as_str()).or_default() += 1;
                planned.push(NewSummons {
                    citizen_id: citizen.id,
                    channel: channel.as_str(),
                    message_id: message_id(campaign_id, citizen.id),
                    recipient,
                    appearance_at: stored(appearance),
                });
            }
            written += repo::insert_summonses(w.conn(), campaign_id, &planned, &planned_at).await?;
        }
        repo::set_campaign_status(w.conn(), campaign_id, &campaign.status, "planned").await?;
        w.audit(Change {
            action: AuditAction::CampaignPlan,
            entity: "campaign",
            entity_id: campaign_id.to_string(),
            before: Some(serde_json::json!({"status": campaign.status})),
            after: Some(serde_json::json!({
                "status": "planned",
                "planned": written,
                "by_channel": by_channel,
                "appearance_moved": moved,
            })),
        })
        .await?;
        w.commit().await?;
        Ok(PlanSummary {
            campaign_id,
            planned: written,
            by_channel: by_channel
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
            appearance_moved: moved,
            skipped_already_summoned: skipped,
        })
    }

    /// Releases a planned campaign: its electronic summonses enter the outbox and the sender
    /// delivers them to the gateways.
    pub async fn release_campaign(
        &self,
        acting: Acting<'_>,
        campaign_id: i64,
    ) -> Result<Campaign, AppError> {
        self.move_campaign(
            acting,
            campaign_id,
            "planned",
            "sending",
            AuditAction::CampaignSend,
        )
        .await
    }

    /// Closes a campaign: nothing more is sent.
    pub async fn close_campaign(
        &self,
        acting: Acting<'_>,
        campaign_id: i64,
    ) -> Result<Campaign, AppError> {
        let campaign = self
            .campaign_in_scope(acting, Permission::WriteConscription, campaign_id)
            .await?;
        let from = campaign.status.clone();
        if from == "closed" {
            return Ok(campaign);
        }
        self.move_campaign(
            acting,
            campaign_id,
            &from,
            "closed",
            AuditAction::CampaignClose,
        )
        .await
    }

    async fn move_campaign(
        &self,
        acting: Acting<'_>,
        campaign_id: i64,
        from: &str,
        to: &str,
        action: AuditAction,
    ) -> Result<Campaign, AppError> {
        let (campaign, path) = self
            .campaign_with_path(acting, Permission::WriteConscription, campaign_id)
            .await?;
        let mut w = self
            .write(acting, Permission::WriteConscription, Scope::Unit(&path))
            .await?;
        if !repo::set_campaign_status(w.conn(), campaign_id, from, to).await? {
            return Err(AppError::invalid(
                "campaign",
                Message::new("invalid-campaign-status").arg("status", campaign.status.as_str()),
            ));
        }
        w.audit(Change {
            action,
            entity: "campaign",
            entity_id: campaign_id.to_string(),
            before: Some(serde_json::json!({"status": from})),
            after: Some(serde_json::json!({"status": to})),
        })
        .await?;
        let campaign = repo::campaign(w.conn(), campaign_id).await?;
        w.commit().await?;
        Ok(campaign)
    }

    /// Campaigns the caller may read, newest first, each with its funnel on `as_of`.
    pub async fn campaigns(&self, acting: Acting<'_>) -> Result<Vec<Campaign>, AppError> {
        let paths = self.readable_paths(acting, Permission::ReadConscription)?;
        let mut conn = self.store().pool().acquire().await?;
        let mut all = Vec::new();
        for path in paths {
            all.extend(repo::campaigns_under(&mut conn, &path).await?);
        }
        all.sort_by_key(|c| std::cmp::Reverse(c.id));
        Ok(all)
    }

    /// A campaign, its funnel on `as_of` and every summons with its derived status.
    pub async fn campaign(
        &self,
        acting: Acting<'_>,
        campaign_id: i64,
        as_of: NaiveDate,
    ) -> Result<(CampaignView, Vec<SummonsView>), AppError> {
        let campaign = self
            .campaign_in_scope(acting, Permission::ReadConscription, campaign_id)
            .await?;
        let mut conn = self.store().pool().acquire().await?;
        let summonses = repo::named_summonses_of_campaign(&mut conn, campaign_id).await?;
        let mut funnel = Funnel::default();
        let mut views = Vec::with_capacity(summonses.len());
        for named in summonses {
            let name = full_name(
                &named.citizen_surname,
                &named.citizen_given_name,
                &named.citizen_patronymic,
            );
            let view = summons_view(named.summons, name, named.citizen_iin, as_of)?;
            count(&mut funnel, &view);
            views.push(view);
        }
        Ok((CampaignView { campaign, funnel }, views))
    }

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
                    c.iin.clone(),
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
        let channel = channel_of(&summons)?;
        let (column, at) = match &fact {
            OfficerFact::Signed { at } | OfficerFact::RefusalNoted { at } => {
                if !matches!(channel, Channel::PaperPersonal | Channel::PaperMail) {
                    return Err(AppError::invalid(
                        "fact",
                        Message::new("invalid-fact-channel").arg("channel", channel.as_str()),
                    ));
                }
                let column = if matches!(fact, OfficerFact::Signed { .. }) {
                    repo::DeliveryFact::Signed
                } else {
                    repo::DeliveryFact::RefusalNoted
                };
                (Some(column), Some(*at))
            }
            OfficerFact::Appeared { at } => (Some(repo::DeliveryFact::Appeared), Some(*at)),
            OfficerFact::Excuse { reason } => {
                if !(1..=500).contains(&reason.trim().chars().count()) {
                    return Err(AppError::invalid(
                        "reason",
                        Message::new("invalid-text-length").arg("max", 500),
                    ));
                }
                (None, None)
            }
        };
        if let Some(at) = at
            && at.with_timezone(&Utc) > self.clock().now()
        {
            return Err(AppError::invalid("at", Message::new("invalid-fact-future")));
        }
        let mut w = self
            .write(acting, Permission::WriteConscription, Scope::Unit(&path))
            .await?;
        match (&fact, column, at) {
            (OfficerFact::Excuse { reason }, ..) => {
                repo::record_excuse(w.conn(), summons_id, reason.trim()).await?
            }
            (_, Some(column), Some(at))
                if !repo::record_fact(w.conn(), summons_id, column, &stored(at)).await? =>
            {
                return Err(AppError::Conflict(format!(
                    "this fact of summons {summons_id}"
                )));
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
        if campaign.status == "closed" {
            return Err(AppError::invalid(
                "campaign",
                Message::new("invalid-campaign-status").arg("status", campaign.status.as_str()),
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
            channel: Channel::PaperAtAuthority.as_str(),
            message_id: message_id(campaign_id, citizen_id),
            recipient: citizen.iin.clone(),
            appearance_at: stored(appearance_at),
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
                "appearance_at": new.appearance_at,
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
    },
    /// The deliverer noted the citizen's refusal to accept it.
    RefusalNoted {
        #[schema(value_type = String)]
        at: DateTime<FixedOffset>,
    },
    /// The citizen appeared.
    Appeared {
        #[schema(value_type = String)]
        at: DateTime<FixedOffset>,
    },
    /// The reason the citizen gave for not appearing.
    Excuse { reason: String },
}

/// Whether a citizen passes the selection's filters on the appearance day.
fn selects(selection: &Selection, citizen: &Citizen, day: NaiveDate) -> Result<bool, AppError> {
    if let Some(sex) = &selection.sex
        && !sex.eq_ignore_ascii_case(&citizen.sex)
    {
        return Ok(false);
    }
    let birth: NaiveDate = citizen
        .birth_date
        .parse()
        .map_err(|_| AppError::Internal(format!("citizen {}: birth date", citizen.id)))?;
    let age = qorgau_rules::conscription::age_on(birth, day);
    if let Some(min) = selection.min_age
        && age.is_none_or(|a| a < min)
    {
        return Ok(false);
    }
    if let Some(max) = selection.max_age
        && age.is_none_or(|a| a > max)
    {
        return Ok(false);
    }
    if selection.registration_required.is_some() || selection.training_eligible.is_some() {
        if birth > day {
            return Ok(false);
        }
        let (registration, training) = derive_statuses(citizen, day)?;
        if let Some(wanted) = selection.registration_required
            && registration.outcome.required != wanted
        {
            return Ok(false);
        }
        if let Some(wanted) = selection.training_eligible
            && training.outcome.eligible != wanted
        {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The referral list as CSV for the internal affairs body.
pub fn referrals_csv(list: &[SummonsView]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "iin",
        "name",
        "channel",
        "appearance_at",
        "notified",
        "excuse_reason",
        "action",
    ];
    // Writing to memory cannot fail; a failure would only lose a row, so it is logged.
    if let Err(error) = writer.write_record(header) {
        tracing::error!(%error, "referral CSV header");
    }
    for view in list {
        let record = [
            view.citizen_iin.as_str(),
            view.citizen_name.as_str(),
            view.summons.channel.as_str(),
            view.summons.appearance_at.as_str(),
            view.notified.as_str(),
            view.summons.excuse_reason.as_deref().unwrap_or(""),
            view.action.as_str(),
        ];
        if let Err(error) = writer.write_record(record) {
            tracing::error!(%error, "referral CSV row");
        }
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
