//! Summons campaigns: create, plan (pick each citizen's channel and dates the rules accept),
//! release for sending, and follow each summons to its conclusion.

mod planning;
mod summonses;

pub use planning::plan_one;
pub use summonses::{OfficerFact, SummonsView, conclude, events_of, referrals_csv};

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use qorgau_i18n::Message;
use qorgau_rules::conscription::{
    CampaignStatus, Channel, ExcuseStatus, FollowUp, Notified, Purpose, Sex,
};
use qorgau_store::conscription::{self as repo, Campaign};
use serde::{Deserialize, Serialize};

use crate::audit::{AuditAction, Change};
use crate::{Acting, App, AppError, Permission, Scope, authorize, format_instant};
use summonses::{full_name, summons_view};

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
    #[schema(schema_with = crate::words::word::<Purpose>)]
    pub purpose: Purpose,
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
    /// Only citizens of this sex.
    #[serde(default)]
    #[schema(schema_with = crate::words::optional_word::<Sex>)]
    pub sex: Option<Sex>,
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
    /// The planned summonses by channel.
    pub by_channel: Vec<ChannelCount>,
    /// Electronic summonses whose appearance moved later to leave three calendar days.
    pub appearance_moved: u64,
    pub skipped_already_summoned: u64,
    /// Citizens the filters selected whom no summons may lawfully reach, by reason.
    pub not_summonable: Vec<NotSummonableCount>,
}

qorgau_i18n::vocabulary! {
    /// Why a selected citizen is not summoned, whatever the officer's filters.
    #[derive(Debug, PartialOrd, Ord, utoipa::ToSchema)]
    pub enum NotSummonable: "campaign-skip-" {
        /// Younger than the conscription ages on the appearance day (a child among them).
        BelowConscriptionAge = "below_conscription_age",
        /// Older than the conscription ages on the appearance day.
        AboveConscriptionAge = "above_conscription_age",
        /// `conscription.registration_required` says the citizen is not on the register.
        NotSubjectToRegistration = "not_subject_to_registration",
        /// The selection filters on compulsory training, and the register lacks a fact its
        /// rule needs for the citizen (a woman's children): never selected on a guess.
        TrainingUndecided = "training_undecided",
    }
}

/// How many summonses one channel carries.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct ChannelCount {
    #[schema(schema_with = crate::words::word::<Channel>)]
    pub channel: Channel,
    pub count: u64,
}

/// How many selected citizens were left out for one reason.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct NotSummonableCount {
    pub reason: NotSummonable,
    pub count: u64,
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
    /// Absent with another reason that awaits an officer's finding (never referred meanwhile).
    pub awaiting_excuse_decision: u64,
    pub referred: u64,
    pub failed: u64,
}

/// A campaign with its funnel.
#[derive(Debug, Clone)]
pub struct CampaignView {
    pub campaign: Campaign,
    pub funnel: Funnel,
}

/// The stored form of an instant given with an offset.
fn stored(at: DateTime<FixedOffset>) -> String {
    format_instant(at.with_timezone(&Utc))
}

/// A campaign as the audit log records it.
fn audit_record(campaign: &Campaign) -> serde_json::Value {
    serde_json::json!({
        "id": campaign.id,
        "unit_id": campaign.unit_id,
        "title": campaign.title,
        "purpose": campaign.purpose,
        "appearance_place": campaign.appearance_place,
        "appearance_at": format_instant(campaign.appearance_at),
        "status": campaign.status,
        "created_by": campaign.created_by,
        "created_at": format_instant(campaign.created_at),
    })
}

/// Adds one summons, as the rules concluded it, to the funnel counts.
fn count(funnel: &mut Funnel, view: &SummonsView) {
    let summons = &view.summons;
    let (notified, excuse, action) = (view.notified, view.excuse, view.action);
    funnel.planned += 1;
    let paper_received = summons.signed_at.is_some()
        || summons.refused_noted_at.is_some()
        || summons.handed_at_authority_at.is_some();
    funnel.sent += u64::from(summons.sent_at.is_some() || paper_received);
    funnel.delivered += u64::from(summons.delivery_report_at.is_some() || paper_received);
    funnel.read += u64::from(summons.read_at.is_some());
    funnel.notified += u64::from(notified == Notified::Notified);
    funnel.appeared += u64::from(summons.appeared_at.is_some());
    funnel.excused += u64::from(excuse == Some(ExcuseStatus::Excused));
    funnel.awaiting_excuse_decision += u64::from(action == FollowUp::AwaitingExcuseDecision);
    funnel.referred += u64::from(action == FollowUp::ReferToInternalAffairs);
    funnel.failed += u64::from(summons.failed_at.is_some() || summons.number_changed);
}

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
        let title = crate::validation::line("title", &new.title, 300)?;
        let appearance_place =
            crate::validation::line("appearance_place", &new.appearance_place, 300)?;
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
        let draft = Campaign {
            id: 0,
            unit_id: new.unit_id,
            title,
            purpose: new.purpose,
            appearance_place,
            appearance_at: new.appearance_at.with_timezone(&Utc),
            status: CampaignStatus::Draft,
            created_by: w.actor_name(),
            created_at: w.at(),
        };
        let id = repo::insert_campaign(w.conn(), &draft).await?;
        // Read back as stored (instants to the microsecond), so the answer is what a read gives.
        let campaign = repo::campaign(w.conn(), id).await?;
        w.audit(Change {
            action: AuditAction::CampaignCreate,
            entity: "campaign",
            entity_id: campaign.id.to_string(),
            before: None,
            after: Some(audit_record(&campaign)),
        })
        .await?;
        w.commit().await?;
        Ok(campaign)
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
            CampaignStatus::Planned,
            CampaignStatus::Sending,
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
        let from = campaign.status;
        if from == CampaignStatus::Closed {
            return Ok(campaign);
        }
        self.move_campaign(
            acting,
            campaign_id,
            from,
            CampaignStatus::Closed,
            AuditAction::CampaignClose,
        )
        .await
    }

    async fn move_campaign(
        &self,
        acting: Acting<'_>,
        campaign_id: i64,
        from: CampaignStatus,
        to: CampaignStatus,
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
                Message::new("invalid-campaign-status")
                    .arg_message("status", campaign.status.message_id()),
            ));
        }
        // A closed campaign keeps what followed each summons on the day it closed, the
        // referrals among them, with the decisions they rest on.
        if to == CampaignStatus::Closed {
            let today = w.today();
            for named in repo::named_summonses_of_campaign(w.conn(), campaign_id).await? {
                let receipt = summonses::follow_up_receipt(&named.summons, today)?;
                w.receipt(&receipt, "summons", &named.summons.id.to_string())
                    .await?;
            }
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
        // The records are today's: a later day would decide on facts not known yet (whether
        // the citizen appears), so the conclusion never runs ahead of today in Asia/Almaty.
        let as_of = as_of.min(self.clock().today());
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
}
