//! "Who is responsible": a question in words answered by `defense.function_holder` from the
//! competence index of the five texts. The page, the API and the CLI show that decision and
//! nothing beside it, so who holds a power is never answered by a second, looser search.

use chrono::NaiveDate;
use qorgau_rules::TypedRule;
use qorgau_rules::defense::{FunctionHolder, FunctionHolderFacts, FunctionHolderOutcome};

use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// The answer to "who is responsible for ...".
#[derive(Debug, Clone, PartialEq)]
pub struct WhoAnswer {
    pub question: String,
    pub as_of: NaiveDate,
    /// `defense.function_holder` on the question: the holders with their clauses.
    pub decision: qorgau_rules::Decision<FunctionHolderOutcome>,
}

impl App {
    /// Answers `question` on `as_of` (today in Asia/Almaty when absent).
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
        let decision = FunctionHolder.decision(
            FunctionHolderFacts {
                question: question.to_owned(),
            },
            as_of,
        )?;
        Ok(WhoAnswer {
            question: question.to_owned(),
            as_of,
            decision,
        })
    }
}
