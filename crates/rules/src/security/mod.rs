//! Rules of national security (corpus document 002, the Law "On National Security").

mod lead_body;

pub use lead_body::{Area, LeadBody, LeadBodyFacts, lead_clause};

/// The law came into force on 16 January 2012.
pub const IN_FORCE_FROM: (i32, u32, u32) = (2012, 1, 16);
