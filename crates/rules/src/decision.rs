use chrono::NaiveDate;
use qorgau_i18n::{Lang, Message};
use qorgau_law::ClauseId;
use serde::Serialize;

/// What a rule decided, on which date, resting on which clauses, and why.
///
/// The outcome is the rule's own type (`TypedRule::Outcome`); the registry, which answers for
/// every rule at once, turns it into JSON only at the edge (`Decision<serde_json::Value>`).
#[derive(Debug, Clone, PartialEq)]
pub struct Decision<O = serde_json::Value> {
    pub rule: &'static str,
    pub as_of: NaiveDate,
    pub outcome: O,
    pub citations: Vec<ClauseId>,
    /// Sentences a citizen could follow, as catalogue messages.
    pub explanation: Vec<Message>,
}

/// A decision as JSON: `{"rule", "as_of", "outcome", "citations", "explanation"}`, the
/// explanation rendered in the reader's language.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DecisionView {
    pub rule: String,
    pub as_of: NaiveDate,
    pub outcome: serde_json::Value,
    pub citations: Vec<ClauseId>,
    pub explanation: Vec<String>,
}

impl<O> Decision<O> {
    /// The same decision with its outcome mapped, citations and explanation kept.
    pub fn map<P>(self, f: impl FnOnce(O) -> P) -> Decision<P> {
        Decision {
            rule: self.rule,
            as_of: self.as_of,
            outcome: f(self.outcome),
            citations: self.citations,
            explanation: self.explanation,
        }
    }
}

impl<O: Serialize> Decision<O> {
    /// The same decision with its outcome as JSON, for the registry and the wire.
    pub fn into_json(self) -> Decision {
        Decision {
            rule: self.rule,
            as_of: self.as_of,
            // An outcome is plain data (derived `Serialize`, no maps with non-string keys), so
            // serialising it cannot fail; `Null` would be caught by the YAML cases.
            outcome: serde_json::to_value(&self.outcome).unwrap_or(serde_json::Value::Null),
            citations: self.citations,
            explanation: self.explanation,
        }
    }

    /// The decision as JSON in the reader's language.
    pub fn view(&self, lang: &Lang) -> DecisionView {
        DecisionView {
            rule: self.rule.to_owned(),
            as_of: self.as_of,
            outcome: serde_json::to_value(&self.outcome).unwrap_or(serde_json::Value::Null),
            citations: self.citations.clone(),
            explanation: self.explanation.iter().map(|m| m.render(lang)).collect(),
        }
    }
}

impl Decision {
    /// The decision in the reader's language, its JSON outcome moved rather than copied.
    pub fn into_view(self, lang: &Lang) -> DecisionView {
        DecisionView {
            rule: self.rule.to_owned(),
            as_of: self.as_of,
            explanation: self.explanation.iter().map(|m| m.render(lang)).collect(),
            outcome: self.outcome,
            citations: self.citations,
        }
    }
}

impl DecisionView {
    /// What a page or a report shows for a rule that refused to decide: no outcome, and the
    /// refusal, which names the missing or invalid fact, as its explanation.
    pub fn refused(rule: &str, as_of: NaiveDate, error: &RuleError, lang: &Lang) -> Self {
        DecisionView {
            rule: rule.to_owned(),
            as_of,
            outcome: serde_json::Value::Null,
            citations: Vec::new(),
            explanation: vec![error.message().render(lang)],
        }
    }

    /// The view of a decision, or of the rule's refusal.
    pub fn of<O: Serialize>(
        rule: &str,
        as_of: NaiveDate,
        result: &Result<Decision<O>, RuleError>,
        lang: &Lang,
    ) -> Self {
        match result {
            Ok(decision) => decision.view(lang),
            Err(error) => Self::refused(rule, as_of, error, lang),
        }
    }
}

/// Why a rule could not decide.
///
/// `Display` is English, for logs and the command line's diagnostics; a reader is shown
/// [`RuleError::message`], a whole catalogue sentence in their language.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RuleError {
    #[error("no rule has the id {0:?}")]
    UnknownRule(String),
    /// The facts did not match the rule's schema: a missing, unknown or mistyped fact.
    #[error("the facts do not fit rule {rule}: {message}")]
    Facts { rule: &'static str, message: String },
    /// `as_of` is before a cited act came into force.
    #[error("rule {rule} applies from {since}, when {act} came into force")]
    NotYetInForce {
        rule: &'static str,
        act: &'static str,
        since: NaiveDate,
    },
    /// A fact has the right type but a value the rule cannot accept, or one the rule needs is
    /// missing. `message` is a whole sentence of the catalogue (`fact-...`) that names the fact
    /// in words, since `fact` is the code of the schema.
    #[error("fact {fact:?} of rule {rule}: {}", message.render(&Lang::english()))]
    InvalidFact {
        rule: &'static str,
        fact: &'static str,
        message: Message,
    },
}

impl RuleError {
    /// The fact at fault, when the error names one.
    pub fn fact(&self) -> Option<&'static str> {
        match self {
            RuleError::InvalidFact { fact, .. } => Some(fact),
            RuleError::NotYetInForce { .. } => Some("as_of"),
            RuleError::UnknownRule(_) | RuleError::Facts { .. } => None,
        }
    }

    /// Why the rule could not decide, as one sentence of the catalogue in the reader's
    /// language. A refused fact's message is the rule's own sentence about it; the facts'
    /// mismatch keeps the deserializer's own (English) text as its detail.
    pub fn message(&self) -> Message {
        match self {
            RuleError::UnknownRule(rule) => {
                Message::new("rule-error-unknown").arg("rule", rule.as_str())
            }
            RuleError::Facts { rule, message } => Message::new("rule-error-facts")
                .arg("rule", *rule)
                .arg("detail", message.as_str()),
            RuleError::NotYetInForce { rule, act, since } => {
                // The act by its name in the reader's language, not by its id.
                let name = qorgau_law::act_by_id(act).map_or_else(
                    || qorgau_i18n::Arg::Text((*act).to_owned()),
                    |info| qorgau_i18n::Arg::Label(info.name_id),
                );
                Message::new("rule-error-not-yet-in-force")
                    .arg("rule", *rule)
                    .arg("act", name)
                    .arg("since", since.to_string())
            }
            RuleError::InvalidFact { message, .. } => message.clone(),
        }
    }
}
