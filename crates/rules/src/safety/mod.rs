//! Rules of the security of military service (corpus document 001, Order No. 738).

mod plan_due;

pub use plan_due::{PlanDue, PlanDueFacts};

/// The act every rule of this module cites.
pub const ACT: &str = "kz-2020-mod-738";
