//! Conscription and military registration (corpus document 003): the citizen register,
//! summons campaigns, the external channels and the conclusion of each summons.

pub mod campaigns;
pub mod channels;
pub mod documents;
pub mod register;

pub use campaigns::{
    CampaignView, Funnel, NewCampaign, OfficerFact, PaperMethod, PlanSummary, Selection,
    SummonsView, referrals_csv,
};
pub use channels::{
    EventBatch, Gateway, GatewayError, HttpGateways, IncomingEvent, IngestReport, OutgoingMessage,
    SendReport, sign,
};
pub use register::{CSV_COLUMNS, CitizenCard, ImportSummary, RejectedRow};
