//! National security (corpus documents 000, 002 and 004): the reference lists and "who is
//! responsible", the ownership screening of Art. 23.6, the monitoring of threats, measures and
//! strategic documents, the Security Council's work and the bodies of Art. 15.

pub mod bodies;
pub mod council;
pub mod monitoring;
mod ownership;
mod reference;
mod who;

pub use ownership::{
    FlaggedOrganisation, HOLDING_CSV_COLUMNS, ORGANISATION_CSV_COLUMNS, ScreeningSummary,
    graph_breaches, screen_graph,
};
pub use reference::{NewAddition, ReferenceList, SUPPLEMENTED_LISTS, reference_lists};
pub use who::{Responsibility, WhoAnswer};
