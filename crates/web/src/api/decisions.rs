//! What every typed decision view of the API shares: the citations as clause ids, the
//! explanation in the reader's language, and the reference to the rule's outcome schema.

use qorgau_i18n::Lang;
use qorgau_rules::Decision;

/// The clauses a decision rests on, as clause ids.
pub fn citations<O>(decision: &Decision<O>) -> Vec<String> {
    decision.citations.iter().map(ToString::to_string).collect()
}

/// A decision's explanation in `lang`.
pub fn explanation<O>(decision: &Decision<O>, lang: &Lang) -> Vec<String> {
    decision
        .explanation
        .iter()
        .map(|m| m.render(lang))
        .collect()
}

/// The schema the rules registry publishes for a rule's outcome (`rules.<rule id>.outcome`):
/// the outcome types derive JSON Schema, not utoipa's, so the document refers to that one.
pub fn rule_outcome(rule: &str) -> utoipa::openapi::Ref {
    utoipa::openapi::Ref::from_schema_name(format!("rules.{rule}.outcome"))
}
