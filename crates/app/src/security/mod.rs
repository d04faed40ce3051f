//! National security (corpus documents 000, 002 and 004): the reference lists and "who is
//! responsible", the ownership screening of Art. 23.6, the monitoring of threats, measures and
//! strategic documents, the Security Council's work and the bodies of Art. 15. Every record of
//! the room is national and belongs to the root of the organisation tree (`National`); only
//! the law itself (the reference lists, "who is responsible") is open to everyone signed in.

pub mod bodies;
pub mod council;
pub mod monitoring;
mod ownership;
mod records;
mod reference;
mod who;

pub use ownership::{
    FlaggedOrganisation, HOLDING_CSV_COLUMNS, ORGANISATION_CSV_COLUMNS, ScreeningSummary,
    graph_breaches, screen_graph,
};
pub use reference::{NewAddition, ReferenceList, SUPPLEMENTED_LISTS, reference_lists};
pub use who::WhoAnswer;

use qorgau_i18n::{Message, Vocabulary};

use crate::AppError;

/// The words of `T` as an error message lists them.
pub(crate) fn allowed<T: Vocabulary>(words: &[T]) -> String {
    words
        .iter()
        .map(|w| w.word())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A word of vocabulary `T` given as text (a filter in a query), or an error on `field` that
/// names the words allowed.
pub(crate) fn word<T: Vocabulary>(field: &'static str, value: &str) -> Result<T, AppError> {
    value.trim().parse().map_err(|_| {
        AppError::invalid(
            field,
            Message::new("invalid-choice").arg("allowed", allowed(T::ALL)),
        )
    })
}
