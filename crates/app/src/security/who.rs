//! "Who is responsible": a free-text question answered by ranking the functions and
//! competences of the texts with the corpus search.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use qorgau_law::reference;
use qorgau_law::{SearchQuery, Status, shipped, shipped_index};
use qorgau_rules::{Decision, TypedRule};

use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// Who holds each function or competence: clause id -> holder.
fn holders() -> &'static HashMap<String, String> {
    static HOLDERS: OnceLock<HashMap<String, String>> = OnceLock::new();
    HOLDERS.get_or_init(|| {
        let mut map = HashMap::new();
        for entry in reference::defense_functions() {
            map.insert(entry.clause.to_string(), "Ministry of Defense".to_owned());
        }
        for entry in reference::public_bodies() {
            map.insert(entry.clause.to_string(), entry.name.clone());
        }
        for entry in reference::council_functions() {
            map.insert(
                entry.clause.to_string(),
                "Security Council of the Republic of Kazakhstan".to_owned(),
            );
        }
        for (holder, entry) in reference::powers() {
            map.insert(entry.clause.to_string(), holder);
        }
        map
    })
}

/// One function or competence that answers a question.
#[derive(Debug, Clone, PartialEq)]
pub struct Responsibility {
    pub holder: String,
    pub clause: String,
    pub text: String,
    pub score: f32,
    pub in_force: bool,
    /// When excluded: since when, and by what.
    pub excluded_since: Option<NaiveDate>,
    pub excluded_by: Option<String>,
}

/// The answer to "who is responsible for ...".
#[derive(Debug, Clone, PartialEq)]
pub struct WhoAnswer {
    pub question: String,
    pub as_of: NaiveDate,
    /// The functions and competences that match, best first.
    pub answers: Vec<Responsibility>,
    /// `defense.function_holder` on the same question.
    pub function_holder: Decision<qorgau_rules::defense::FunctionHolderOutcome>,
    /// When the best-ranked answer is held by another body than the Ministry of Defense: that
    /// holder. The rule then names only the closest of the Ministry's own functions.
    pub better_holder: Option<String>,
}

impl App {
    /// Ranks the functions of the Ministry of Defense, the competences of the public bodies,
    /// the powers of Arts. 10-16 and the Security Council's functions against `question`.
    pub async fn who(
        &self,
        acting: Acting<'_>,
        question: &str,
        as_of: Option<NaiveDate>,
    ) -> Result<WhoAnswer, AppError> {
        authorize(acting, Permission::ReadLaw, Scope::Anywhere)?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let question = question.trim();
        if question.is_empty() {
            return Err(AppError::invalid(
                "q",
                qorgau_i18n::Message::new("invalid-search-empty"),
            ));
        }
        let function_holder = qorgau_rules::defense::FunctionHolder.decision(
            qorgau_rules::defense::FunctionHolderFacts {
                question: question.to_owned(),
            },
            as_of,
        )?;
        let hits = shipped_index()
            .search(&SearchQuery {
                text: question,
                act: None,
                as_of: None,
                limit: 60,
            })
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let holders = holders();
        let mut answers = Vec::new();
        for hit in hits {
            let Some(holder) = holders.get(&hit.id) else {
                continue;
            };
            let Ok(id) = qorgau_law::ClauseId::parse(&hit.id) else {
                continue;
            };
            let Some((act, index)) = shipped().locate(&id) else {
                continue;
            };
            let (in_force, excluded_since, excluded_by) = match act.status(index, as_of) {
                Status::InForce => (true, None, None),
                Status::NotYetInForce { .. } => (false, None, None),
                // A clause of a repealed act is out of force as an excluded one is.
                Status::Excluded { by, since } | Status::Repealed { by, since } => {
                    (false, Some(since), Some(by))
                }
            };
            answers.push(Responsibility {
                holder: holder.clone(),
                clause: hit.id.clone(),
                text: act.node(index).text.clone(),
                score: hit.score,
                in_force,
                excluded_since,
                excluded_by,
            });
            if answers.len() == 10 {
                break;
            }
        }
        let rule_clause = function_holder.outcome.clause.as_deref();
        let better_holder = answers
            .first()
            .filter(|top| {
                rule_clause.is_some_and(|c| c != top.clause)
                    && !top.clause.starts_with(qorgau_law::reference::DEFENSE)
            })
            .map(|top| top.holder.clone());
        Ok(WhoAnswer {
            question: question.to_owned(),
            as_of,
            answers,
            function_holder,
            better_holder,
        })
    }
}
