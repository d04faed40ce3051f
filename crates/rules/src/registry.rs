use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use qorgau_law::ClauseId;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Decision, RuleError, conscription, defense, safety, security};

/// A rule as the registry sees it: facts arrive as JSON.
pub trait Rule: Send + Sync + 'static {
    fn info(&self) -> RuleInfo;
    fn facts_schema(&self) -> serde_json::Value;
    fn outcome_schema(&self) -> serde_json::Value;
    /// The facts' and the outcome's schemas as subschemas of `generator`, whose definitions
    /// the caller takes once for every rule (the OpenAPI document's components).
    fn schemas_in(
        &self,
        generator: &mut schemars::SchemaGenerator,
    ) -> (schemars::Schema, schemars::Schema);
    fn evaluate_json(
        &self,
        facts: serde_json::Value,
        as_of: NaiveDate,
    ) -> Result<Decision, RuleError>;
    /// As [`Rule::evaluate_json`], with the decision's receipt.
    fn evaluate_with_receipt(
        &self,
        facts: serde_json::Value,
        as_of: NaiveDate,
    ) -> Result<(Decision, Receipt), RuleError>;
}

/// A rule written against typed facts; every such rule is a [`Rule`].
pub trait TypedRule: Send + Sync + 'static {
    /// The facts, deserialised with unknown fields refused, so a typo names the fact; they
    /// serialise back to the same JSON for a decision's receipt.
    type Facts: DeserializeOwned + Serialize + schemars::JsonSchema;
    /// What the rule decides, typed: callers in `app` read its fields, never JSON keys.
    type Outcome: Serialize + schemars::JsonSchema;
    const ID: &'static str;
    /// The version of the rule's reasoning, raised whenever a change to `decide` may change an
    /// outcome for the same facts: a stored receipt says which version decided it.
    const VERSION: u32 = 1;
    /// Catalogue message id of the rule's title.
    const TITLE: &'static str;
    /// Every clause any decision of this rule may cite: listed statically so the citation
    /// check and the "cited by" links need no evaluation.
    const CITATIONS: &'static [&'static str];
    /// The first day the rule applies (the day its sources came into force; a test holds it
    /// equal to the corpus's reading).
    const IN_FORCE_FROM: (i32, u32, u32);

    /// The rule's own reasoning. Callers use [`TypedRule::decision`], which adds the life of
    /// the sources around it.
    fn decide(
        &self,
        facts: Self::Facts,
        as_of: NaiveDate,
    ) -> Result<Decision<Self::Outcome>, RuleError>;

    /// The decision on `as_of`: refused before the rule's sources are in force; after a cited
    /// act lapsed or a cited clause was excluded, the explanation says so.
    fn decision(
        &self,
        facts: Self::Facts,
        as_of: NaiveDate,
    ) -> Result<Decision<Self::Outcome>, RuleError> {
        crate::life::check_in_force(Self::ID, Self::CITATIONS, as_of)?;
        let mut decision = self.decide(facts, as_of)?;
        let notes = crate::life::lapse_notes(&decision.citations, as_of);
        decision.explanation.extend(notes);
        Ok(decision)
    }

    /// The decision with its receipt: what a workflow stores when it acts on a decision, so
    /// the decision can be replayed and checked later.
    fn decision_with_receipt(
        &self,
        facts: Self::Facts,
        as_of: NaiveDate,
    ) -> Result<(Decision<Self::Outcome>, Receipt), RuleError> {
        // Plain data serialises without failure (derived `Serialize`, string keys only).
        let facts_json = serde_json::to_value(&facts).unwrap_or(serde_json::Value::Null);
        let decision = self.decision(facts, as_of)?;
        let receipt = Receipt {
            rule: Self::ID,
            version: Self::VERSION,
            corpus: qorgau_law::shipped_version(),
            as_of,
            facts: facts_json,
            outcome: serde_json::to_value(&decision.outcome).unwrap_or(serde_json::Value::Null),
        };
        Ok((decision, receipt))
    }
}

/// What a workflow keeps of a decision it acted on: the rule and its version, the corpus it
/// read, the day and the facts, and the outcome. Replaying it recomputes the outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Receipt {
    pub rule: &'static str,
    pub version: u32,
    /// [`qorgau_law::shipped_version`] when the decision was made.
    pub corpus: &'static str,
    pub as_of: NaiveDate,
    pub facts: serde_json::Value,
    pub outcome: serde_json::Value,
}

/// The static description of a rule.
#[derive(Debug, Clone, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub version: u32,
    pub title: &'static str,
    pub citations: Vec<ClauseId>,
    pub in_force_from: NaiveDate,
}

impl<T: TypedRule> Rule for T {
    fn info(&self) -> RuleInfo {
        let (y, m, d) = T::IN_FORCE_FROM;
        RuleInfo {
            id: T::ID,
            version: T::VERSION,
            title: T::TITLE,
            citations: T::CITATIONS
                .iter()
                .map(|id| ClauseId::parse(id).unwrap_or_else(|e| panic!("rule {}: {e}", T::ID)))
                .collect(),
            in_force_from: NaiveDate::from_ymd_opt(y, m, d)
                .unwrap_or_else(|| panic!("rule {}: IN_FORCE_FROM is not a date", T::ID)),
        }
    }

    fn facts_schema(&self) -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(T::Facts)).unwrap_or_default()
    }

    fn outcome_schema(&self) -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(T::Outcome)).unwrap_or_default()
    }

    fn schemas_in(
        &self,
        generator: &mut schemars::SchemaGenerator,
    ) -> (schemars::Schema, schemars::Schema) {
        (
            generator.subschema_for::<T::Facts>(),
            generator.subschema_for::<T::Outcome>(),
        )
    }

    fn evaluate_json(
        &self,
        facts: serde_json::Value,
        as_of: NaiveDate,
    ) -> Result<Decision, RuleError> {
        self.decision(typed_facts::<T>(facts)?, as_of)
            .map(Decision::into_json)
    }

    fn evaluate_with_receipt(
        &self,
        facts: serde_json::Value,
        as_of: NaiveDate,
    ) -> Result<(Decision, Receipt), RuleError> {
        let (decision, receipt) = self.decision_with_receipt(typed_facts::<T>(facts)?, as_of)?;
        Ok((decision.into_json(), receipt))
    }
}

/// The facts of rule `T` from JSON; the path names the fact at fault even when serde's own
/// message does not.
fn typed_facts<T: TypedRule>(facts: serde_json::Value) -> Result<T::Facts, RuleError> {
    serde_path_to_error::deserialize(facts).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        RuleError::Facts {
            rule: T::ID,
            message: if path == "." {
                inner.to_string()
            } else {
                format!("{path}: {inner}")
            },
        }
    })
}

/// Clause ids from a rule's static list. The lists are checked by the rules' tests (every
/// citation parses and resolves), so a malformed one is a programming error.
pub fn cite(ids: &[&str]) -> Vec<ClauseId> {
    ids.iter()
        .map(|id| ClauseId::parse(id).unwrap_or_else(|e| panic!("static citation {id}: {e}")))
        .collect()
}

/// Every rule Qorgau knows, by id.
pub struct Registry {
    rules: BTreeMap<&'static str, Box<dyn Rule>>,
}

impl Registry {
    fn build() -> Self {
        let all: Vec<Box<dyn Rule>> = vec![
            Box::new(safety::PlanDue),
            Box::new(safety::PlanRevisionRequired),
            Box::new(safety::QuarterlyCoverage),
            Box::new(safety::ActRetentionUntil),
            Box::new(safety::Rates),
            Box::new(safety::ComparisonPeriod),
            Box::new(safety::AnalysisSchedule),
            Box::new(safety::ExerciseDue),
            Box::new(security::LeadBody),
            Box::new(security::OwnershipScreening),
            Box::new(security::IndicatorStatus),
            Box::new(security::DecisionControl),
            Box::new(defense::FunctionHolder),
            Box::new(conscription::TrainingEligible),
            Box::new(conscription::RegistrationRequired),
            Box::new(conscription::AbsenceExcused),
            Box::new(conscription::ServicemanStatusStart),
            Box::new(conscription::SummonsTimingValid),
            Box::new(conscription::SummonsChannel),
            Box::new(conscription::DulyNotified),
            Box::new(conscription::NonAppearanceAction),
        ];
        let mut rules = BTreeMap::new();
        for rule in all {
            let id = rule.info().id;
            assert!(
                rules.insert(id, rule).is_none(),
                "rule id {id} registered twice"
            );
        }
        Self { rules }
    }

    pub fn get(&self, id: &str) -> Result<&dyn Rule, RuleError> {
        self.rules
            .get(id)
            .map(|rule| rule.as_ref())
            .ok_or_else(|| RuleError::UnknownRule(id.to_owned()))
    }

    pub fn iter(&self) -> impl Iterator<Item = &dyn Rule> {
        self.rules.values().map(|rule| rule.as_ref())
    }

    pub fn evaluate(
        &self,
        id: &str,
        facts: serde_json::Value,
        as_of: NaiveDate,
    ) -> Result<Decision, RuleError> {
        self.get(id)?.evaluate_json(facts, as_of)
    }
}

/// Every rule's facts and outcome schemas for an OpenAPI document: components named
/// `rules.<rule id>.facts` and `rules.<rule id>.outcome`, `rules.Outcome` (any rule's outcome),
/// and the types they share as `rules.<type>`, every `$ref` pointing under
/// `#/components/schemas/`.
pub fn openapi_components() -> serde_json::Map<String, serde_json::Value> {
    let settings = schemars::generate::SchemaSettings::draft2020_12()
        .with(|s| s.definitions_path = "/components/schemas".into());
    let mut generator = schemars::SchemaGenerator::new(settings);
    let mut components = serde_json::Map::new();
    let mut outcomes = Vec::new();
    let mut facts_of_all = Vec::new();
    for rule in registry().iter() {
        let id = rule.info().id;
        let (facts, outcome) = rule.schemas_in(&mut generator);
        components.insert(format!("rules.{id}.facts"), facts.to_value());
        components.insert(format!("rules.{id}.outcome"), outcome.to_value());
        outcomes.push(
            serde_json::json!({ "$ref": format!("#/components/schemas/rules.{id}.outcome") }),
        );
        facts_of_all
            .push(serde_json::json!({ "$ref": format!("#/components/schemas/rules.{id}.facts") }));
    }
    components.insert(
        "rules.Facts".to_owned(),
        serde_json::json!({ "anyOf": facts_of_all }),
    );
    components.insert(
        "rules.Outcome".to_owned(),
        serde_json::json!({ "anyOf": outcomes }),
    );
    for (name, schema) in generator.take_definitions(true) {
        components.insert(format!("rules.{name}"), schema);
    }
    // The generator points its references at `#/components/schemas/<type>`; the shared types
    // live under the `rules.` prefix so they never meet the API's own schema names.
    let text = serde_json::Value::Object(components).to_string().replace(
        "\"$ref\":\"#/components/schemas/",
        "\"$ref\":\"#/components/schemas/rules.",
    );
    let text = text.replace(
        "#/components/schemas/rules.rules.",
        "#/components/schemas/rules.",
    );
    match serde_json::from_str(&text) {
        Ok(serde_json::Value::Object(map)) => map,
        // Replacing inside string literals keeps the JSON valid; an empty map is never reached.
        _ => serde_json::Map::new(),
    }
}

/// The registry, built once.
pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(Registry::build)
}
