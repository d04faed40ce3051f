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

use qorgau_i18n::Lang;
use qorgau_rules::Decision;

/// The clauses a decision rests on, as clause ids.
fn citations<O>(decision: &Decision<O>) -> Vec<String> {
    decision.citations.iter().map(ToString::to_string).collect()
}

/// A decision's explanation in `lang`.
fn explanation<O>(decision: &Decision<O>, lang: &Lang) -> Vec<String> {
    decision
        .explanation
        .iter()
        .map(|m| m.render(lang))
        .collect()
}

/// The schema the rules registry publishes for a rule's outcome (`rules.<rule id>.outcome`):
/// the outcome types derive JSON Schema, not utoipa's, so the document refers to that one.
fn rule_outcome(rule: &str) -> utoipa::openapi::Ref {
    utoipa::openapi::Ref::from_schema_name(format!("rules.{rule}.outcome"))
}
