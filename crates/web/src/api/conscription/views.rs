//! What the conscription API answers: the register, the campaigns and the conclusions the
//! rules derive, as the wire carries them (words, dates and instants), built from the app's and
//! the store's types so no store row is ever serialised.

use crate::api::decisions::{citations, explanation, rule_outcome};
use chrono::{DateTime, NaiveDate, Utc};
use qorgau_app::conscription as derived;
use qorgau_app::conscription::Funnel;
use qorgau_rules::conscription::{
    AbsenceReason, CampaignStatus, Channel, EligibilityOutcome, ExcuseFinding, ExcuseStatus,
    FollowUp, Notified, Purpose, RegistrationOutcome, RegistrationRequired, RemovalReason, Sex,
    TrainingEligible,
};
use qorgau_rules::{Decision, RuleError, TypedRule};
use qorgau_store::conscription::{Campaign, Citizen, ReportedExcuse, Summons};
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::words::{optional_word, word};
use crate::i18n::Tr;

/// A citizen as the register holds them.
#[derive(Serialize, ToSchema)]
pub struct CitizenView {
    pub id: i64,
    pub unit_id: i64,
    pub iin: String,
    pub surname: String,
    pub given_name: String,
    pub patronymic: String,
    #[schema(schema_with = word::<Sex>)]
    pub sex: Sex,
    pub birth_date: NaiveDate,
    /// The children's birth dates, `[]` for none; absent when the register was not told.
    pub children_birth_dates: Option<Vec<NaiveDate>>,
    pub residence_address: String,
    pub temporary_address: String,
    pub work_address: String,
    pub mobile: Option<String>,
    pub mobile_in_own_name: bool,
    pub egov_account_with_mobile: bool,
    pub has_military_specialty: bool,
    #[schema(schema_with = word::<RemovalReason>)]
    pub removed_reason: RemovalReason,
    pub serving_sentence: bool,
    pub permanent_residence_abroad: bool,
    pub law_enforcement_or_civil_protection: bool,
}

impl From<&Citizen> for CitizenView {
    fn from(c: &Citizen) -> Self {
        Self {
            id: c.id,
            unit_id: c.unit_id,
            iin: c.iin.to_string(),
            surname: c.surname.clone(),
            given_name: c.given_name.clone(),
            patronymic: c.patronymic.clone(),
            sex: c.sex,
            birth_date: c.birth_date,
            children_birth_dates: c.children_birth_dates.clone(),
            residence_address: c.residence_address.clone(),
            temporary_address: c.temporary_address.clone(),
            work_address: c.work_address.clone(),
            mobile: c.mobile.clone(),
            mobile_in_own_name: c.mobile_in_own_name,
            egov_account_with_mobile: c.egov_account_with_mobile,
            has_military_specialty: c.has_military_specialty,
            removed_reason: c.removed_reason,
            serving_sentence: c.serving_sentence,
            permanent_residence_abroad: c.permanent_residence_abroad,
            law_enforcement_or_civil_protection: c.law_enforcement_or_civil_protection,
        }
    }
}

fn registration_outcome() -> utoipa::openapi::Ref {
    rule_outcome(RegistrationRequired::ID)
}

fn training_outcome() -> utoipa::openapi::Ref {
    rule_outcome(TrainingEligible::ID)
}

/// Whether the citizen is subject to military registration on the day asked, the clauses it
/// rests on and why, in the reader's language.
#[derive(Serialize, ToSchema)]
pub struct RegistrationStatusView {
    pub rule: String,
    pub as_of: NaiveDate,
    #[schema(schema_with = registration_outcome)]
    pub outcome: RegistrationOutcome,
    pub citations: Vec<String>,
    pub explanation: Vec<String>,
}

impl RegistrationStatusView {
    fn new(decision: &Decision<RegistrationOutcome>, tr: &Tr) -> Self {
        Self {
            rule: decision.rule.to_owned(),
            as_of: decision.as_of,
            outcome: decision.outcome.clone(),
            citations: citations(decision),
            explanation: explanation(decision, &tr.lang()),
        }
    }
}

/// Whether the citizen undergoes compulsory military training on the day asked, the clauses it
/// rests on and why, in the reader's language.
#[derive(Serialize, ToSchema)]
pub struct TrainingStatusView {
    pub rule: String,
    pub as_of: NaiveDate,
    /// Absent when the rule refused to decide: `undecided` says why.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = training_outcome, required = false)]
    pub outcome: Option<EligibilityOutcome>,
    /// The fact the rule needs and the register lacks (or holds wrongly), when it refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undecided: Option<UndecidedView>,
    pub citations: Vec<String>,
    pub explanation: Vec<String>,
}

/// A rule's refusal to decide: the fact at fault and why.
#[derive(Serialize, ToSchema)]
pub struct UndecidedView {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    pub detail: String,
}

impl TrainingStatusView {
    fn new(
        as_of: NaiveDate,
        result: &Result<Decision<EligibilityOutcome>, RuleError>,
        tr: &Tr,
    ) -> Self {
        match result {
            Ok(decision) => Self {
                rule: decision.rule.to_owned(),
                as_of: decision.as_of,
                outcome: Some(decision.outcome),
                undecided: None,
                citations: citations(decision),
                explanation: explanation(decision, &tr.lang()),
            },
            Err(error) => Self {
                rule: TrainingEligible::ID.to_owned(),
                as_of,
                outcome: None,
                undecided: Some(UndecidedView {
                    fact: error.fact().map(str::to_owned),
                    detail: error.message().render(&tr.lang()),
                }),
                citations: Vec::new(),
                explanation: Vec::new(),
            },
        }
    }
}

/// A summons and what is known of its delivery and its outcome.
#[derive(Serialize, ToSchema)]
pub struct SummonsRecordView {
    pub id: i64,
    pub campaign_id: i64,
    pub citizen_id: i64,
    #[schema(schema_with = word::<Channel>)]
    pub channel: Channel,
    /// The idempotency key gateways deduplicate by.
    pub message_id: String,
    /// A mobile number, an IIN (e-Gov account) or a postal address, by channel.
    pub recipient: String,
    pub appearance_at: DateTime<Utc>,
    pub planned_at: DateTime<Utc>,
    pub send_attempts: i64,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub delivery_report_at: Option<DateTime<Utc>>,
    pub read_at: Option<DateTime<Utc>>,
    pub number_changed: bool,
    pub failed_at: Option<DateTime<Utc>>,
    pub signed_at: Option<DateTime<Utc>>,
    pub refused_noted_at: Option<DateTime<Utc>>,
    pub handed_at_authority_at: Option<DateTime<Utc>>,
    pub appeared_at: Option<DateTime<Utc>>,
    /// The reason reported for not appearing, if any.
    pub excuse: Option<ExcuseView>,
    /// Who delivered a paper summons.
    pub delivered_by: Option<String>,
}

/// A reason reported for not appearing, with an officer's finding on another reason.
#[derive(Serialize, ToSchema)]
pub struct ExcuseView {
    #[schema(schema_with = word::<AbsenceReason>)]
    pub reason: AbsenceReason,
    pub text: Option<String>,
    pub reported_at: Option<DateTime<Utc>>,
    #[schema(schema_with = optional_word::<ExcuseFinding>)]
    pub finding: Option<ExcuseFinding>,
    pub found_by: Option<String>,
    pub found_at: Option<DateTime<Utc>>,
}

impl From<&ReportedExcuse> for ExcuseView {
    fn from(e: &ReportedExcuse) -> Self {
        Self {
            reason: e.reason,
            text: e.text.clone(),
            reported_at: e.reported_at,
            finding: e.finding.as_ref().map(|f| f.finding),
            found_by: e.finding.as_ref().map(|f| f.by.clone()),
            found_at: e.finding.as_ref().map(|f| f.at),
        }
    }
}

impl From<&Summons> for SummonsRecordView {
    fn from(s: &Summons) -> Self {
        Self {
            id: s.id,
            campaign_id: s.campaign_id,
            citizen_id: s.citizen_id,
            channel: s.channel,
            message_id: s.message_id.clone(),
            recipient: s.recipient.clone(),
            appearance_at: s.appearance_at,
            planned_at: s.planned_at,
            send_attempts: s.send_attempts,
            next_attempt_at: s.next_attempt_at,
            last_error: s.last_error.clone(),
            sent_at: s.sent_at,
            delivery_report_at: s.delivery_report_at,
            read_at: s.read_at,
            number_changed: s.number_changed,
            failed_at: s.failed_at,
            signed_at: s.signed_at,
            refused_noted_at: s.refused_noted_at,
            handed_at_authority_at: s.handed_at_authority_at,
            appeared_at: s.appeared_at,
            excuse: s.excuse.as_ref().map(ExcuseView::from),
            delivered_by: s.delivered_by.clone(),
        }
    }
}

/// A summons with its citizen and what the rules conclude from it on the day asked.
#[derive(Serialize, ToSchema)]
pub struct SummonsStatusView {
    pub summons: SummonsRecordView,
    pub citizen_name: String,
    pub citizen_iin: String,
    #[schema(schema_with = word::<Notified>)]
    pub notified: Notified,
    /// Why, in the reader's language.
    pub notified_explanation: String,
    /// What `conscription.absence_excused` decides of the reported reason; absent when none
    /// was reported.
    #[schema(schema_with = optional_word::<ExcuseStatus>)]
    pub excuse: Option<ExcuseStatus>,
    #[schema(schema_with = word::<FollowUp>)]
    pub action: FollowUp,
}

impl SummonsStatusView {
    pub fn new(view: &derived::SummonsView, tr: &Tr) -> Self {
        Self {
            summons: SummonsRecordView::from(&view.summons),
            citizen_name: view.citizen_name.clone(),
            citizen_iin: view.citizen_iin.clone(),
            notified: view.notified,
            notified_explanation: tr.t(view.notified_message),
            excuse: view.excuse,
            action: view.action,
        }
    }

    pub fn list(views: &[derived::SummonsView], tr: &Tr) -> Vec<Self> {
        views.iter().map(|v| Self::new(v, tr)).collect()
    }
}

/// A citizen's card: the register entry, the statuses the rules derive on `as_of` and the
/// summons history.
#[derive(Serialize, ToSchema)]
pub struct CitizenCardView {
    pub citizen: CitizenView,
    pub as_of: NaiveDate,
    pub registration: RegistrationStatusView,
    pub training: TrainingStatusView,
    pub summonses: Vec<SummonsStatusView>,
}

impl CitizenCardView {
    pub fn new(card: &derived::CitizenCard, summonses: &[derived::SummonsView], tr: &Tr) -> Self {
        Self {
            citizen: CitizenView::from(&card.citizen),
            as_of: card.as_of,
            registration: RegistrationStatusView::new(&card.registration, tr),
            training: TrainingStatusView::new(card.as_of, &card.training, tr),
            summonses: SummonsStatusView::list(summonses, tr),
        }
    }
}

/// A summons campaign.
#[derive(Serialize, ToSchema)]
pub struct CampaignView {
    pub id: i64,
    pub unit_id: i64,
    pub title: String,
    #[schema(schema_with = word::<Purpose>)]
    pub purpose: Purpose,
    pub appearance_place: String,
    pub appearance_at: DateTime<Utc>,
    #[schema(schema_with = word::<CampaignStatus>)]
    pub status: CampaignStatus,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl From<&Campaign> for CampaignView {
    fn from(c: &Campaign) -> Self {
        Self {
            id: c.id,
            unit_id: c.unit_id,
            title: c.title.clone(),
            purpose: c.purpose,
            appearance_place: c.appearance_place.clone(),
            appearance_at: c.appearance_at,
            status: c.status,
            created_by: c.created_by.clone(),
            created_at: c.created_at,
        }
    }
}

/// A campaign with its funnel and every summons' conclusion on `as_of`.
#[derive(Serialize, ToSchema)]
pub struct CampaignDetailView {
    pub campaign: CampaignView,
    pub as_of: NaiveDate,
    pub funnel: Funnel,
    pub summonses: Vec<SummonsStatusView>,
}

impl CampaignDetailView {
    pub fn new(
        view: derived::CampaignView,
        as_of: NaiveDate,
        summonses: &[derived::SummonsView],
        tr: &Tr,
    ) -> Self {
        Self {
            campaign: CampaignView::from(&view.campaign),
            as_of,
            funnel: view.funnel,
            summonses: SummonsStatusView::list(summonses, tr),
        }
    }
}
