//! Rule evaluation as a workflow: who may ask, and which date `as_of` means when none is given.

use chrono::NaiveDate;
use qorgau_rules::{Decision, RuleInfo, registry};

use crate::{Acting, App, AppError, Permission, Scope, authorize};

impl App {
    /// Evaluates rule `id` on `facts`; `as_of` defaults to today in Asia/Almaty.
    pub fn evaluate_rule(
        &self,
        acting: Acting<'_>,
        id: &str,
        facts: serde_json::Value,
        as_of: Option<NaiveDate>,
    ) -> Result<Decision, AppError> {
        authorize(acting, Permission::EvaluateRules, Scope::Anywhere)?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        Ok(registry().evaluate(id, facts, as_of)?)
    }

    pub fn list_rules(&self, acting: Acting<'_>) -> Result<Vec<RuleInfo>, AppError> {
        authorize(acting, Permission::ReadRules, Scope::Anywhere)?;
        Ok(registry().iter().map(|rule| rule.info()).collect())
    }

    pub fn rule_schema(
        &self,
        acting: Acting<'_>,
        id: &str,
    ) -> Result<(RuleInfo, serde_json::Value, serde_json::Value), AppError> {
        authorize(acting, Permission::ReadRules, Scope::Anywhere)?;
        let rule = registry().get(id)?;
        Ok((rule.info(), rule.facts_schema(), rule.outcome_schema()))
    }
}
