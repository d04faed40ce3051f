//! What the safety API answers with: one typed view per answer, built from the application's
//! records, so the wire keeps its field names whatever the store's rows look like, vocabulary
//! fields list their words in the document, and explanations are rendered in the caller's
//! language.

pub mod acts;
pub mod analysis;
pub mod incidents;
pub mod plans;
pub mod structure;
pub mod training;

use crate::api::decisions::{citations, explanation, rule_outcome};
