//! Replaying stored decisions: each receipt's facts are decided again by the rule as it is now,
//! on the corpus as it is now, and any difference is reported with what changed (the rule's
//! version, the corpus, or both).

use qorgau_rules::registry;
use qorgau_store::receipts::{self as repo, StoredReceipt};

use crate::{Acting, App, AppError, Permission};

/// Receipts replayed per page when replaying them all.
const PAGE: i64 = 500;

/// What a replay found for one receipt.
#[derive(Debug, Clone, PartialEq)]
pub struct Replay {
    pub receipt: StoredReceipt,
    /// The outcome the rule decides now, or why it refuses now.
    pub now: Result<serde_json::Value, String>,
    /// The rule's version now; none when the rule no longer exists.
    pub rule_version_now: Option<u32>,
    /// The corpus differs from the one the decision read.
    pub corpus_changed: bool,
}

impl Replay {
    /// The decision stands as stored.
    pub fn same(&self) -> bool {
        self.now.as_ref() == Ok(&self.receipt.outcome)
    }
}

fn replay_one(receipt: StoredReceipt) -> Replay {
    let rule = registry().get(&receipt.rule).ok();
    let now = match rule {
        Some(rule) => rule
            .evaluate_json(receipt.facts.clone(), receipt.as_of)
            .map(|d| d.outcome)
            .map_err(|e| e.to_string()),
        None => Err(format!("no rule has the id {:?} any more", receipt.rule)),
    };
    Replay {
        corpus_changed: receipt.corpus_version != qorgau_law::shipped_version(),
        rule_version_now: rule.map(|r| r.info().version),
        now,
        receipt,
    }
}

impl App {
    /// Replays one stored decision, or every one when `id` is none.
    pub async fn replay_receipts(
        &self,
        acting: Acting<'_>,
        id: Option<i64>,
    ) -> Result<Vec<Replay>, AppError> {
        // Receipts are national records: reading them needs the permission at the root.
        self.authorize_national(acting, Permission::ReadAudit)
            .await?;
        let mut conn = self.store().pool().acquire().await?;
        if let Some(id) = id {
            return Ok(vec![replay_one(repo::get(&mut conn, id).await?)]);
        }
        let mut replays = Vec::new();
        let mut after = 0;
        loop {
            let page = repo::page(&mut conn, after, PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.id;
            replays.extend(page.into_iter().map(replay_one));
        }
        Ok(replays)
    }

    /// The stored decisions about one record, oldest first.
    pub async fn receipts_of(
        &self,
        acting: Acting<'_>,
        entity: &str,
        entity_id: &str,
    ) -> Result<Vec<StoredReceipt>, AppError> {
        self.authorize_national(acting, Permission::ReadAudit)
            .await?;
        let mut conn = self.store().pool().acquire().await?;
        Ok(repo::of_entity(&mut conn, entity, entity_id).await?)
    }
}
