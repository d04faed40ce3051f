//! The citizen register, summons campaigns, summonses and the events channels report.
//!
//! Nothing here derives a status: the rows hold facts (what a citizen declared, when a message
//! was delivered) and the application asks the rules what they mean.

mod campaigns;
mod citizens;
mod events;
mod summonses;

pub use campaigns::{Campaign, campaign, campaigns_under, insert_campaign, set_campaign_status};
pub use citizens::{
    Citizen, citizen, citizen_by_iin, citizens_by_ids, citizens_under_page, count_citizens_under,
    existing_iins, insert_citizens, search_citizens,
};
pub use events::{ChannelEvent, count_events, insert_event};
pub use summonses::{
    DeliveryFact, ExcuseDecision, KEPT_BACK_UNTIL, NamedSummons, NewSummons, ReportedExcuse,
    Summons, campaign_citizen_ids, due_to_send, insert_summonses, mark_attempt_failed,
    mark_number_changed, mark_sent, named_summonses_of_campaign, record_deliverer, record_excuse,
    record_excuse_finding, record_fact, summons, summons_by_message, summonses_of_citizen,
};
