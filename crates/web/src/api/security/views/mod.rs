//! What the national-security API answers with: one typed view per answer, built from the
//! application's views and the store's rows (never serialised themselves), so the wire keeps
//! its field names, vocabulary fields list their words in the document, shares are percents,
//! and explanations are rendered in the caller's language.

pub mod council;
pub mod monitoring;

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_app::security::{FlaggedOrganisation, ReferenceList, ScreeningSummary, WhoAnswer};
use qorgau_i18n::Lang;
use qorgau_law::reference::Entry;
use qorgau_rules::defense::{FunctionHolder, FunctionHolderOutcome};
use qorgau_rules::security::vocabulary::{Activity, Limit, ListKind};
use qorgau_rules::security::{OwnershipOutcome, OwnershipScreening};
use qorgau_rules::{Decision, Percent, TypedRule};
use qorgau_store::security::{ListAddition, Organisation};
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::words::{word, words};

use crate::api::decisions::{citations, explanation, rule_outcome};

/// The id of a record just created.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityCreated {
    pub id: i64,
}

/// A body added to a commission.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityMembership {
    pub commission: i64,
    /// A point of Art. 15.1.
    pub body: i64,
}

fn function_holder_outcome() -> utoipa::openapi::Ref {
    rule_outcome(FunctionHolder::ID)
}

/// What `defense.function_holder` decided on the question.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityFunctionHolderDecision {
    pub rule: String,
    pub as_of: NaiveDate,
    #[schema(schema_with = function_holder_outcome)]
    pub outcome: FunctionHolderOutcome,
    pub citations: Vec<String>,
    pub explanation: Vec<String>,
}

impl SecurityFunctionHolderDecision {
    pub fn new(decision: &Decision<FunctionHolderOutcome>, lang: &Lang) -> Self {
        Self {
            rule: decision.rule.to_owned(),
            as_of: decision.as_of,
            outcome: decision.outcome.clone(),
            citations: citations(decision),
            explanation: explanation(decision, lang),
        }
    }
}

/// The answer to "who is responsible for ...": the decision of `defense.function_holder`.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityWho {
    pub question: String,
    pub as_of: NaiveDate,
    /// The holders with their clauses, and whether the Ministry of Defense holds it.
    pub function_holder: SecurityFunctionHolderDecision,
}

impl SecurityWho {
    pub fn new(answer: &WhoAnswer, lang: &Lang) -> Self {
        Self {
            question: answer.question.clone(),
            as_of: answer.as_of,
            function_holder: SecurityFunctionHolderDecision::new(&answer.decision, lang),
        }
    }
}

/// One entry of a reference list, read from the corpus.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityEntry {
    pub clause: String,
    /// The number as written ("5", "26-22").
    pub number: String,
    pub name: String,
    pub text: String,
}

impl From<&Entry> for SecurityEntry {
    fn from(e: &Entry) -> Self {
        Self {
            clause: e.clause.to_string(),
            number: e.number.clone(),
            name: e.name.clone(),
            text: e.text.clone(),
        }
    }
}

/// An entry a later act adds to a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityListAddition {
    pub id: i64,
    #[schema(schema_with = word::<ListKind>)]
    pub list: ListKind,
    pub text: String,
    pub added_by_act: String,
    /// The day from which it counts.
    pub effective_from: NaiveDate,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

impl From<&ListAddition> for SecurityListAddition {
    fn from(a: &ListAddition) -> Self {
        Self {
            id: a.id,
            list: a.list,
            text: a.text.clone(),
            added_by_act: a.added_by_act.clone(),
            effective_from: a.effective_from,
            recorded_by: a.recorded_by.clone(),
            recorded_at: a.recorded_at,
        }
    }
}

/// One reference list with the additions in force on the day read.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityReferenceList {
    #[schema(schema_with = word::<ListKind>)]
    pub key: ListKind,
    /// The clause the list hangs under.
    pub source: String,
    pub entries: Vec<SecurityEntry>,
    pub additions: Vec<SecurityListAddition>,
}

impl From<&ReferenceList> for SecurityReferenceList {
    fn from(list: &ReferenceList) -> Self {
        Self {
            key: list.key,
            source: list.source.to_owned(),
            entries: list.entries.iter().map(SecurityEntry::from).collect(),
            additions: list
                .additions
                .iter()
                .map(SecurityListAddition::from)
                .collect(),
        }
    }
}

/// An organisation or person of the shareholder graph.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityOrganisation {
    pub id: i64,
    pub code: String,
    pub name: String,
    /// A foreign natural or legal person or a stateless person.
    pub foreign_person: bool,
    #[schema(schema_with = words::<Activity>)]
    pub activities: Vec<Activity>,
    pub trunk_lines_run_by_foreigners: bool,
    pub control_centre_abroad: bool,
}

impl From<&Organisation> for SecurityOrganisation {
    fn from(o: &Organisation) -> Self {
        Self {
            id: o.id,
            code: o.code.clone(),
            name: o.name.clone(),
            foreign_person: o.foreign_person,
            activities: o.activities.clone(),
            trunk_lines_run_by_foreigners: o.trunk_lines_run_by_foreigners,
            control_centre_abroad: o.control_centre_abroad,
        }
    }
}

fn ownership_outcome() -> utoipa::openapi::Ref {
    rule_outcome(OwnershipScreening::ID)
}

/// What `security.ownership_screening` decided of an organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityOwnershipDecision {
    pub rule: String,
    pub as_of: NaiveDate,
    #[schema(schema_with = ownership_outcome)]
    pub outcome: OwnershipOutcome,
    pub citations: Vec<String>,
    pub explanation: Vec<String>,
}

impl SecurityOwnershipDecision {
    pub fn new(decision: &Decision<OwnershipOutcome>, lang: &Lang) -> Self {
        Self {
            rule: decision.rule.to_owned(),
            as_of: decision.as_of,
            outcome: decision.outcome.clone(),
            citations: citations(decision),
            explanation: explanation(decision, lang),
        }
    }
}

/// One organisation screened under Art. 23.6.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityScreening {
    pub organisation: SecurityOrganisation,
    pub decision: SecurityOwnershipDecision,
}

impl SecurityScreening {
    pub fn new(
        organisation: &Organisation,
        decision: &Decision<OwnershipOutcome>,
        lang: &Lang,
    ) -> Self {
        Self {
            organisation: SecurityOrganisation::from(organisation),
            decision: SecurityOwnershipDecision::new(decision, lang),
        }
    }
}

/// An organisation that breaks a limit of Art. 23.6.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityFlaggedOrganisation {
    pub code: String,
    pub name: String,
    /// The effective foreign share, in percent.
    #[schema(value_type = f64)]
    pub foreign_share: Percent,
    #[schema(schema_with = words::<Limit>)]
    pub limits: Vec<Limit>,
}

impl From<&FlaggedOrganisation> for SecurityFlaggedOrganisation {
    fn from(f: &FlaggedOrganisation) -> Self {
        Self {
            code: f.code.clone(),
            name: f.name.clone(),
            foreign_share: f.foreign_share,
            limits: f.limits.clone(),
        }
    }
}

/// The screening of every organisation of the graph.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityScreeningSummary {
    pub organisations: usize,
    pub holdings: usize,
    /// How many organisations break each limit, as pairs of the limit and the count.
    #[schema(value_type = Vec<(String, usize)>)]
    pub breaches: Vec<(Limit, usize)>,
    /// Organisations breaking a limit, largest foreign share first (at most 100).
    pub flagged: Vec<SecurityFlaggedOrganisation>,
    /// Milliseconds to read the graph and to compute.
    pub read_ms: f64,
    pub compute_ms: f64,
}

impl From<&ScreeningSummary> for SecurityScreeningSummary {
    fn from(s: &ScreeningSummary) -> Self {
        Self {
            organisations: s.organisations,
            holdings: s.holdings,
            breaches: s.breaches.clone(),
            flagged: s
                .flagged
                .iter()
                .map(SecurityFlaggedOrganisation::from)
                .collect(),
            read_ms: s.read_ms,
            compute_ms: s.compute_ms,
        }
    }
}
