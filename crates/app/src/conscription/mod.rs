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

/// The OpenAPI schema of a vocabulary field in this room's request bodies and messages: the
/// words of `T`. The web crate's `api::words::word` does the same for responses, but this
/// crate sits below it and cannot reach it.
pub(crate) fn word_schema<T: qorgau_i18n::Vocabulary>() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(T::ALL.iter().map(|w| w.word())))
        .build()
}
