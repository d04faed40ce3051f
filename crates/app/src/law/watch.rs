//! The watch on the law's life: every rule whose basis has changed on a day (a cited act not yet
//! in force or repealed, a cited clause excluded), the texts that disagree and the caveats about
//! whole texts. Decisions are not stored with their basis yet, so the watch lists rules, not
//! stored decisions.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use qorgau_law::life::{CAVEATS, DISAGREEMENTS};
use qorgau_law::{ClauseId, Status};
use qorgau_rules::registry;
use serde::Serialize;

use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// What has happened to a clause a rule cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum BasisChange {
    /// The act is not yet in force on the day.
    NotYetInForce { since: NaiveDate },
    /// The clause was excluded by a later act.
    Excluded { by: String, since: NaiveDate },
    /// The whole act was repealed.
    Repealed { by: String, since: NaiveDate },
}

impl BasisChange {
    /// The change as a sentence of the catalogue.
    pub fn message(&self, clause: &str) -> Message {
        match self {
            BasisChange::NotYetInForce { since } => Message::new("law-watch-not-yet")
                .arg("clause", clause)
                .arg("since", since.to_string()),
            BasisChange::Excluded { by, since } => Message::new("rule-clause-excluded")
                .arg("clause", clause)
                .arg("since", since.to_string())
                .arg("by", qorgau_law::act_name(by)),
            BasisChange::Repealed { by, since } => Message::new("law-watch-repealed")
                .arg("clause", clause)
                .arg("since", since.to_string())
                .arg("by", qorgau_law::act_name(by)),
        }
    }
}

/// A cited clause whose status has changed.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ChangedBasis {
    pub clause: String,
    #[serde(flatten)]
    pub change: BasisChange,
}

/// A rule whose basis has changed on the day.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WatchedRule {
    pub rule: String,
    pub changes: Vec<ChangedBasis>,
}

/// Two clauses that disagree, and the catalogue message that says how Qorgau reads them.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WatchedDisagreement {
    pub clauses: Vec<String>,
    pub message_id: String,
}

/// A caveat about a whole text.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WatchedCaveat {
    pub act: String,
    pub message_id: String,
}

/// A stored decision whose basis has changed: its rule is watched on the day, or the corpus
/// is no longer the one it read.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WatchedDecision {
    /// The receipt's id (`qorgau rules replay <id>` recomputes it).
    pub receipt: i64,
    pub rule: String,
    /// What the decision was about, and its id.
    pub entity: String,
    pub entity_id: String,
    pub as_of: NaiveDate,
    /// The corpus differs from the one the decision read.
    pub corpus_changed: bool,
}

/// The watch on one day.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Watch {
    pub as_of: NaiveDate,
    pub rules: Vec<WatchedRule>,
    /// Stored decisions whose basis has changed, oldest first.
    pub decisions: Vec<WatchedDecision>,
    /// The reader may not read stored decisions (the audit at the root), so none are listed.
    pub decisions_hidden: bool,
    pub disagreements: Vec<WatchedDisagreement>,
    pub caveats: Vec<WatchedCaveat>,
}

fn change_of(status: Status) -> Option<BasisChange> {
    match status {
        Status::InForce => None,
        Status::NotYetInForce { since } => Some(BasisChange::NotYetInForce { since }),
        Status::Excluded { by, since } => Some(BasisChange::Excluded { by, since }),
        Status::Repealed { by, since } => Some(BasisChange::Repealed { by, since }),
    }
}

/// The watch on `as_of`, over the shipped corpus and every registered rule.
pub fn watch(as_of: NaiveDate) -> Watch {
    let corpus = qorgau_law::shipped();
    let rules = registry()
        .iter()
        .filter_map(|rule| {
            let info = rule.info();
            let changes: Vec<ChangedBasis> = info
                .citations
                .iter()
                .filter_map(|clause| {
                    let (act, index) = corpus.locate(clause)?;
                    let change = change_of(act.status(index, as_of))?;
                    Some(ChangedBasis {
                        clause: clause.to_string(),
                        change,
                    })
                })
                .collect();
            (!changes.is_empty()).then(|| WatchedRule {
                rule: info.id.to_owned(),
                changes,
            })
        })
        .collect();
    Watch {
        as_of,
        rules,
        decisions: Vec::new(),
        decisions_hidden: false,
        disagreements: DISAGREEMENTS
            .iter()
            .map(|d| WatchedDisagreement {
                clauses: d.clause_ids().map(|c: ClauseId| c.to_string()).collect(),
                message_id: d.message_id.to_owned(),
            })
            .collect(),
        caveats: CAVEATS
            .iter()
            .map(|c| WatchedCaveat {
                act: c.act.to_owned(),
                message_id: c.message_id.to_owned(),
            })
            .collect(),
    }
}

/// Receipts read per page by the watch.
const RECEIPT_PAGE: i64 = 1_000;

impl App {
    /// The watch on `as_of` (today in Asia/Almaty when absent), for anyone who may read the law,
    /// with the stored decisions whose basis has changed.
    pub async fn law_watch(
        &self,
        acting: Acting<'_>,
        as_of: Option<NaiveDate>,
    ) -> Result<Watch, AppError> {
        authorize(acting, Permission::ReadLaw, Scope::Anywhere)?;
        let mut watch = watch(as_of.unwrap_or_else(|| self.clock().today()));
        // Stored decisions are national records (receipts): listed only to whoever may read
        // them; the law's own watch is for everyone who reads the law.
        if self
            .authorize_national(acting, Permission::ReadAudit)
            .await
            .is_err()
        {
            watch.decisions_hidden = true;
            return Ok(watch);
        }
        let watched: std::collections::HashSet<&str> =
            watch.rules.iter().map(|r| r.rule.as_str()).collect();
        let corpus = qorgau_law::shipped_version();
        let mut decisions = Vec::new();
        let mut conn = self.store().pool().acquire().await?;
        let mut after = 0;
        loop {
            let page = qorgau_store::receipts::page(&mut conn, after, RECEIPT_PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.id;
            for receipt in page {
                let corpus_changed = receipt.corpus_version != corpus;
                if corpus_changed || watched.contains(receipt.rule.as_str()) {
                    decisions.push(WatchedDecision {
                        receipt: receipt.id,
                        rule: receipt.rule,
                        entity: receipt.entity,
                        entity_id: receipt.entity_id,
                        as_of: receipt.as_of,
                        corpus_changed,
                    });
                }
            }
        }
        watch.decisions = decisions;
        Ok(watch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn the_safety_rules_are_watched_once_order_738_is_repealed() {
        let before = watch(day("2022-09-14"));
        assert!(
            before.rules.iter().all(|r| !r.rule.starts_with("safety.")),
            "{:?}",
            before.rules
        );
        let after = watch(day("2026-11-29"));
        let plan_due = after
            .rules
            .iter()
            .find(|r| r.rule == "safety.plan_due")
            .map(|r| r.changes.clone())
            .unwrap_or_default();
        assert!(matches!(
            plan_due.first().map(|c| &c.change),
            Some(BasisChange::Repealed { since, .. }) if *since == day("2022-09-15")
        ));
        assert_eq!(after.disagreements.len(), 1);
        assert!(after.caveats.iter().any(|c| c.act == "kz-security-council"));
    }
}
