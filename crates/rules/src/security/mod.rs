//! Rules of national security (corpus document 002, the Law "On National Security").

mod decision_control;
mod indicator;
mod lead_body;
mod ownership;
pub mod vocabulary;

pub use decision_control::{
    ControlFacts, ControlOutcome, ControlStatus, DecisionControl, LatestReport, Review,
};
pub use indicator::{
    AT_RISK_SHARE, IndicatorFacts, IndicatorOutcome, IndicatorStatus, Measurement,
    Status as IndicatorState,
};
pub use lead_body::{Area, LeadBody, LeadBodyFacts, LeadBodyOutcome, lead_clause, lead_point};
pub use ownership::{
    Acquisition, Activity, Holding, Limit, OwnershipError, OwnershipFacts, OwnershipGraph,
    OwnershipOutcome, OwnershipPath, OwnershipScreening, share_and_flag_limits,
};

/// The law came into force on 16 January 2012.
pub const IN_FORCE_FROM: (i32, u32, u32) = (2012, 1, 16);

/// The Security Council's page (004) is read as in force from 1 January 2020.
pub const COUNCIL_TEXT_FROM: (i32, u32, u32) = (2020, 1, 1);
