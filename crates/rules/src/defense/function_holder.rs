//! `defense.function_holder`: which function of the Ministry of Defense a question is about,
//! and whether the Ministry still holds it on `as_of`.
//!
//! > 2. The Ministry of Defense shall: ... (000, Art. 22.2, with items inserted and excluded by
//! > later laws, such as 15) and 15-1) excluded by the Law of 30 June 2025 No. 202-VIII)
//!
//! The question is matched against the items of Art. 22.2 by the corpus search (stemmed words,
//! compiled-in texts, an index built in memory: no I/O). The best item answers; when it is
//! excluded on `as_of`, the answer says since when it is no longer a function.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use qorgau_law::reference::DEFENSE;
use qorgau_law::{SearchQuery, Status, shipped, shipped_index};
use serde::{Deserialize, Serialize};

use crate::{Decision, RuleError, TypedRule, cite};

pub struct FunctionHolder;

const LIST: &str = "kz-2005-29/art_22__para_2";
const HOLDER: &str = "Ministry of Defense";

/// The facts of `defense.function_holder`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FunctionHolderFacts {
    /// A question in words, such as "who approves the rules of physical training".
    pub question: String,
}

impl TypedRule for FunctionHolder {
    type Facts = FunctionHolderFacts;
    type Outcome = FunctionHolderOutcome;
    const ID: &'static str = "defense.function_holder";
    const TITLE: &'static str = "rule-defense-function-holder-title";
    const CITATIONS: &'static [&'static str] = &[LIST];
    const IN_FORCE_FROM: (i32, u32, u32) = super::IN_FORCE_FROM;

    fn decide(
        &self,
        facts: FunctionHolderFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<FunctionHolderOutcome>, RuleError> {
        let question = facts.question.trim();
        if question.is_empty() {
            return Err(RuleError::InvalidFact {
                rule: Self::ID,
                fact: "question",
                message: "is empty; ask about a function in words".to_owned(),
            });
        }
        let hits = shipped_index()
            .search(&SearchQuery {
                text: question,
                act: Some(DEFENSE),
                as_of: None,
                limit: 10,
            })
            .map_err(|e| RuleError::InvalidFact {
                rule: Self::ID,
                fact: "question",
                message: e.to_string(),
            })?;
        // Only the items of the list answer (not the article's heading or its first paragraph).
        let prefix = format!("{LIST}__point_");
        let best = hits.iter().find(|h| h.id.starts_with(&prefix));
        let Some(best) = best else {
            return Ok(Decision {
                rule: Self::ID,
                as_of,
                outcome: FunctionHolderOutcome {
                    holder: None,
                    item: None,
                    clause: None,
                    in_force: false,
                    excluded_since: None,
                    excluded_by: None,
                },
                citations: cite(&[LIST]),
                explanation: vec![
                    Message::new("rule-defense-function-holder-none").arg("question", question),
                ],
            });
        };
        let id = qorgau_law::ClauseId::parse(&best.id).map_err(|e| RuleError::InvalidFact {
            rule: Self::ID,
            fact: "question",
            message: e.to_string(),
        })?;
        let (act, index) = shipped().locate(&id).ok_or(RuleError::InvalidFact {
            rule: Self::ID,
            fact: "question",
            message: format!("{} is not in the corpus", best.id),
        })?;
        let node = act.node(index);
        let item = node.number.clone().unwrap_or_default();
        let (outcome, explanation) = match act.status(index, as_of) {
            Status::Excluded { by, since } => (
                FunctionHolderOutcome {
                    holder: None,
                    item: Some(item.clone()),
                    clause: Some(best.id.clone()),
                    in_force: false,
                    excluded_since: Some(since),
                    excluded_by: Some(by.clone()),
                },
                Message::new("rule-defense-function-holder-excluded")
                    .arg("item", item.as_str())
                    .arg("text", node.text.as_str())
                    .arg("since", since.to_string())
                    .arg("by", by.as_str()),
            ),
            _ => (
                FunctionHolderOutcome {
                    holder: Some(HOLDER.to_owned()),
                    item: Some(item.clone()),
                    clause: Some(best.id.clone()),
                    in_force: true,
                    excluded_since: None,
                    excluded_by: None,
                },
                Message::new("rule-defense-function-holder-found")
                    .arg("item", item.as_str())
                    .arg("text", node.text.as_str()),
            ),
        };
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome,
            citations: cite(&[LIST, best.id.as_str()]),
            explanation: vec![
                explanation,
                Message::new("rule-defense-function-holder-reading"),
            ],
        })
    }
}

/// The outcome of `defense.function_holder`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct FunctionHolderOutcome {
    /// Who holds the function on `as_of`; none when nothing answers or the item was excluded.
    pub holder: Option<String>,
    /// The item of Art. 22 as numbered in the text.
    pub item: Option<String>,
    pub clause: Option<String>,
    pub in_force: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded_since: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded_by: Option<String>,
}
