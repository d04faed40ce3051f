//! Rules of conscription and military registration (corpus document 003, the e-Government
//! page "Compulsory military service", last updated 19 November 2025).

mod absence_excused;
mod dates;
mod iin;
mod notification;
mod registration_required;
mod serviceman_status;
mod summons;
mod training_eligible;
pub mod vocabulary;

pub use absence_excused::{
    AbsenceExcused, AbsenceFacts, AbsenceOutcome, AbsenceReason, ExcuseFinding, ExcuseStatus,
};
pub use dates::{age_on, anniversary};
pub use iin::{Iin, IinError, Sex};
pub use notification::{
    ActionOutcome, DeliveryEvents, DulyNotified, Excuse, FollowUp, NonAppearanceAction,
    NonAppearanceFacts, Notified, NotifiedFacts, NotifiedOutcome, follow_up, notification_status,
};
pub use registration_required::{
    CONSCRIPTION_AGES, Exemption, REGISTRATION_MIN_AGE, RegistrationFacts, RegistrationOutcome,
    RegistrationRequired, RemovalReason,
};
pub use serviceman_status::{
    ServicePath, ServicemanFacts, ServicemanOutcome, ServicemanStatusStart,
};
pub use summons::{
    Channel, ChannelChoice, ChannelFacts, ChannelOutcome, ELECTRONIC_NOTICE_DAYS, SummonsChannel,
    SummonsTimingValid, TimingFacts, TimingOutcome, TimingReason, channels_for, timing_valid,
};
pub use training_eligible::{
    EligibilityOutcome, TrainingBatch, TrainingEligible, TrainingFacts, eligible,
};
pub use vocabulary::{CampaignStatus, EventKind, EventOutcome, Purpose};

/// The act every rule of this module cites.
pub const ACT: &str = "kz-egov-military-service";
/// The page's last update: the first day its rules are read as applying.
pub const IN_FORCE_FROM: (i32, u32, u32) = (2025, 11, 19);
