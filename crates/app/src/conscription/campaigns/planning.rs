//! Planning a campaign: which citizens the selection keeps, and for each the channel, the
//! recipient and an appearance the rules accept.

use chrono::{DateTime, Days, FixedOffset, NaiveDate, Utc};
use qorgau_i18n::Message;
use qorgau_rules::conscription::{
    CampaignStatus, Channel, ELECTRONIC_NOTICE_DAYS, channels_for, timing_valid,
};
use qorgau_rules::{almaty, date_in_almaty};
use qorgau_store::conscription::{self as repo, Citizen, NewSummons};

use super::{
    ChannelCount, NotSummonable, NotSummonableCount, PaperMethod, PlanSummary, Selection,
    message_id,
};
use crate::audit::{AuditAction, Change};
use crate::conscription::register::derive_statuses;
use crate::{Acting, App, AppError, Permission, Scope};

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
    let channels = channels_for(citizen.mobile.is_some(), citizen.egov_account_with_mobile);
    let (channel, recipient) = match channels.first() {
        Some(Channel::Sms) => (Channel::Sms, citizen.mobile.clone().unwrap_or_default()),
        Some(_) => (Channel::Egov, citizen.iin.to_string()),
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

/// What the selection's filters say of one citizen on the appearance day.
enum Selected {
    Yes,
    No,
    /// A filter's rule cannot decide for the citizen: left out, and counted with the reason.
    Undecided(NotSummonable),
}

/// Whether a citizen passes the selection's filters on the appearance day.
fn selects(selection: &Selection, citizen: &Citizen, day: NaiveDate) -> Result<Selected, AppError> {
    if selection.sex.is_some_and(|sex| sex != citizen.sex) {
        return Ok(Selected::No);
    }

    let birth = citizen.birth_date;
    let age = qorgau_rules::conscription::age_on(birth, day);
    if let Some(min) = selection.min_age
        && age.is_none_or(|a| a < min)
    {
        return Ok(Selected::No);
    }

    if let Some(max) = selection.max_age
        && age.is_none_or(|a| a > max)
    {
        return Ok(Selected::No);
    }

    if selection.registration_required.is_some() || selection.training_eligible.is_some() {
        if birth > day {
            return Ok(Selected::No);
        }
        let (registration, training) = derive_statuses(citizen, day)?;
        if let Some(wanted) = selection.registration_required
            && registration.outcome.required != wanted
        {
            return Ok(Selected::No);
        }
        if let Some(wanted) = selection.training_eligible {
            match training {
                Ok(decision) if decision.outcome.eligible != wanted => return Ok(Selected::No),
                Ok(_) => {}
                Err(_) => return Ok(Selected::Undecided(NotSummonable::TrainingUndecided)),
            }
        }
    }

    Ok(Selected::Yes)
}

/// Why no summons may reach `citizen` on the appearance `day`, if none may: a summons goes to
/// "citizens subject to conscription" (003), that is registered men within the conscription
/// ages, whatever the filters say.
fn not_summonable(citizen: &Citizen, day: NaiveDate) -> Result<Option<NotSummonable>, AppError> {
    let birth = citizen.birth_date;
    let ages = qorgau_rules::conscription::CONSCRIPTION_AGES;
    match qorgau_rules::conscription::age_on(birth, day) {
        None => return Ok(Some(NotSummonable::BelowConscriptionAge)),
        Some(age) if age < *ages.start() => return Ok(Some(NotSummonable::BelowConscriptionAge)),
        Some(age) if age > *ages.end() => return Ok(Some(NotSummonable::AboveConscriptionAge)),
        Some(_) => {}
    }
    let (registration, _) = derive_statuses(citizen, day)?;
    Ok((!registration.outcome.required).then_some(NotSummonable::NotSubjectToRegistration))
}

impl App {
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
        if !matches!(
            campaign.status,
            CampaignStatus::Draft | CampaignStatus::Planned
        ) {
            return Err(AppError::invalid(
                "campaign",
                Message::new("invalid-campaign-status")
                    .arg_message("status", campaign.status.message_id()),
            ));
        }
        let appearance_at = campaign.appearance_at.fixed_offset();
        let appearance_day = date_in_almaty(&appearance_at);
        // Everything is read and written in one write transaction: the plan lands whole or not
        // at all. The register is read in pages so memory stays bounded however large it is.
        let mut w = self
            .write(acting, Permission::WriteConscription, Scope::Unit(&path))
            .await?;
        let now = w.at().with_timezone(&almaty()).fixed_offset();
        // Timing and channels are decided on their typed cores below: their sources' life is
        // checked here, once.
        qorgau_rules::life::applies::<qorgau_rules::conscription::SummonsTimingValid>(w.today())?;
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
                        Message::new("invalid-campaign-citizen-outside")
                            .arg("id", citizen.id.to_string()),
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
        let mut refused = std::collections::BTreeMap::<NotSummonable, u64>::new();
        let mut written = 0;
        let mut by_channel = std::collections::BTreeMap::<&'static str, (Channel, u64)>::new();
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
                match selects(&selection, citizen, appearance_day)? {
                    Selected::Yes => {}
                    Selected::No => continue,
                    Selected::Undecided(reason) => {
                        *refused.entry(reason).or_default() += 1;
                        continue;
                    }
                }
                if let Some(reason) = not_summonable(citizen, appearance_day)? {
                    *refused.entry(reason).or_default() += 1;
                    continue;
                }
                if already.contains(&citizen.id) {
                    skipped += 1;
                    continue;
                }
                let (channel, recipient, appearance, was_moved) =
                    plan_one(citizen, appearance_at, now, paper);
                moved += u64::from(was_moved);
                by_channel.entry(channel.as_str()).or_insert((channel, 0)).1 += 1;
                planned.push(NewSummons {
                    citizen_id: citizen.id,
                    channel,
                    message_id: message_id(campaign_id, citizen.id),
                    recipient,
                    appearance_at: appearance.with_timezone(&Utc),
                });
            }
            written += repo::insert_summonses(w.conn(), campaign_id, &planned, &planned_at).await?;
        }
        repo::set_campaign_status(
            w.conn(),
            campaign_id,
            campaign.status,
            CampaignStatus::Planned,
        )
        .await?;
        w.audit(Change {
            action: AuditAction::CampaignPlan,
            entity: "campaign",
            entity_id: campaign_id.to_string(),
            before: Some(serde_json::json!({"status": campaign.status})),
            after: Some(serde_json::json!({
                "status": CampaignStatus::Planned,
                "planned": written,
                "by_channel": by_channel.iter().map(|(word, (_, n))| (*word, *n)).collect::<std::collections::BTreeMap<_, _>>(),
                "appearance_moved": moved,
                "not_summonable": refused,
            })),
        })
        .await?;
        w.commit().await?;
        Ok(PlanSummary {
            campaign_id,
            planned: written,
            by_channel: by_channel
                .into_values()
                .map(|(channel, count)| ChannelCount { channel, count })
                .collect(),
            appearance_moved: moved,
            skipped_already_summoned: skipped,
            not_summonable: refused
                .into_iter()
                .map(|(reason, count)| NotSummonableCount { reason, count })
                .collect(),
        })
    }
}
