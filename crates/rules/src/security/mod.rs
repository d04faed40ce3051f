//! Rules of national security (corpus document 002, the Law "On National Security").

mod lead_body;
mod ownership;

pub use lead_body::{Area, LeadBody, LeadBodyFacts, lead_clause};
pub use ownership::{
    Acquisition, Activity, Holding, Limit, OwnershipError, OwnershipFacts, OwnershipGraph,
    OwnershipPath, OwnershipScreening,
};

/// The law came into force on 16 January 2012.
pub const IN_FORCE_FROM: (i32, u32, u32) = (2012, 1, 16);
