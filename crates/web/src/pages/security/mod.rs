//! National-security pages: who is responsible and the reference lists, the monitoring of
//! bodies, threats, measures and strategy, and the Security Council.

pub mod council;
mod forms;
pub mod monitoring;
pub mod who;
