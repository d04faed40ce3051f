//! Rules: pure functions from facts and an `as_of` date to a cited [`Decision`].
//!
//! Architecture invariant: nothing in this crate does I/O or reads the clock. The date a
//! decision is made for is a fact (`as_of`) supplied by the caller.

pub mod conscription;
mod decision;
pub mod defense;
pub mod life;
mod percent;
mod registry;
pub mod safety;
pub mod security;
mod time;

pub use decision::{Decision, DecisionView, RuleError};
pub use percent::{Percent, PercentError};
pub use registry::{
    Receipt, Registry, Rule, RuleInfo, TypedRule, cite, openapi_components, registry,
};
pub use time::{almaty, calendar_days_between, date_in_almaty};

/// A calendar date in Asia/Almaty; rules never see a time of day unless a fact carries one.
pub type AsOf = chrono::NaiveDate;
