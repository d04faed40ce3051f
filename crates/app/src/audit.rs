//! The audit chain: every change is an entry (who, when, what, before and after) whose hash
//! covers the previous entry's hash, so editing, removing or reordering any entry breaks every
//! link after it. Entries are written in the same transaction as the change they record.
//!
//! The hash is keyed ([`AuditKeys`]): an HMAC under a key kept outside the database, so that
//! whoever holds the database file cannot edit an entry and seal the chain again. What a key
//! cannot show, entries cut from the end with the head moved back, signed [`Checkpoint`]s kept
//! elsewhere do.

mod checkpoint;
mod keys;

pub use checkpoint::Checkpoint;
pub use keys::{AuditKeys, KEY_BYTES, Seal, UNKEYED};

use chrono::{DateTime, SubsecRound, Utc};
use qorgau_store::Conn;
pub use qorgau_store::audit::AuditAction;
use qorgau_store::audit::{self as repo, AuditRow, StoredEntry};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A change to record.
pub struct Change<'a> {
    pub action: AuditAction,
    /// The kind of record changed, such as `user`.
    pub entity: &'a str,
    pub entity_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl<'a> Change<'a> {
    /// A record created or an event recorded: nothing before, `after` after.
    pub fn recorded(
        action: AuditAction,
        entity: &'a str,
        entity_id: impl ToString,
        after: serde_json::Value,
    ) -> Self {
        Change {
            action,
            entity,
            entity_id: entity_id.to_string(),
            before: None,
            after: Some(after),
        }
    }
}

/// Who made a change, as the log records it.
pub fn actor_of(acting: Acting<'_>) -> (Option<i64>, String) {
    match acting {
        Acting::Principal(principal) => (Some(principal.user_id), principal.username.clone()),
        Acting::Operator => (None, "operator (command line)".to_owned()),
        Acting::Anonymous => (None, "anonymous".to_owned()),
    }
}

/// The entry's stored fields as a JSON array: an unambiguous encoding, no field can bleed into
/// the next.
fn entry_fields(row: &StoredEntry) -> String {
    serde_json::json!([
        row.seq,
        row.at,
        row.actor_id,
        row.actor,
        row.action,
        row.entity,
        row.entity_id,
        row.before_json,
        row.after_json,
    ])
    .to_string()
}

/// The unkeyed hash of an entry (key id 0, the entries written before the chain was keyed):
/// SHA-256 over the previous hash and the entry's fields. Anyone can compute it, which is why
/// new entries are sealed with a key ([`AuditKeys::entry_mac`]).
pub fn entry_hash(row: &StoredEntry) -> String {
    let mut hasher = Sha256::new();
    hasher.update(row.prev_hash.as_bytes());
    hasher.update(b"\n");
    hasher.update(entry_fields(row).as_bytes());
    hex::encode(hasher.finalize())
}

/// Appends `change` to the chain inside the caller's transaction; only [`crate::write::Write`]
/// calls it.
pub(crate) async fn record(
    conn: &mut Conn,
    keys: &AuditKeys,
    at: DateTime<Utc>,
    acting: Acting<'_>,
    change: Change<'_>,
) -> Result<AuditRow, AppError> {
    let (head_seq, head_hash) = repo::lock_head(conn).await?;
    let (actor_id, actor) = actor_of(acting);
    let mut row = AuditRow {
        seq: head_seq + 1,
        // The stored form keeps microseconds; the row returned says what was stored.
        at: at.trunc_subsecs(6),
        actor_id,
        actor,
        action: change.action,
        entity: change.entity.to_owned(),
        entity_id: change.entity_id,
        before_json: change.before.map(|v| v.to_string()),
        after_json: change.after.map(|v| v.to_string()),
        prev_hash: head_hash,
        hash: String::new(),
        key_id: UNKEYED,
    };
    let mut stored = row.stored();
    keys.seal(&mut stored);
    (row.key_id, row.hash) = (stored.key_id, stored.hash);
    repo::append(conn, &row).await?;
    Ok(row)
}

/// The result of walking the chain.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Verification {
    /// Entries read.
    pub entries: i64,
    /// The first broken link, if any.
    pub first_break: Option<Break>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Break {
    /// The sequence number where the chain stops holding.
    pub seq: i64,
    pub reason: BreakReason,
}

qorgau_i18n::vocabulary! {
    /// Why the chain stops holding at an entry.
    #[derive(Debug, utoipa::ToSchema)]
    pub enum BreakReason: "audit-break-" {
        /// The entry's content no longer matches its hash: it was edited.
        ContentChanged = "content_changed",
        /// The entry does not point to the hash of the one before it: something was removed,
        /// inserted or reordered.
        LinkBroken = "link_broken",
        /// A sequence number is missing.
        Gap = "gap",
        /// The head records a different last entry: entries were removed from the end or added
        /// without the head.
        HeadMismatch = "head_mismatch",
        /// The entry names a key the key ring does not hold.
        KeyUnknown = "key_unknown",
        /// The entry carries no key where the chain was already keyed: it was hashed again by
        /// someone without the key.
        Unsealed = "unsealed",
        /// A checkpoint records an entry beyond the chain's end: entries were cut from the end.
        Truncated = "truncated",
        /// The entry's hash differs from the one a checkpoint recorded for it: the chain was
        /// rewritten up to here.
        CheckpointMismatch = "checkpoint_mismatch",
        /// A checkpoint's signature does not hold: it was changed, or signed with a key the ring
        /// does not hold.
        CheckpointForged = "checkpoint_forged",
    }
}

impl Verification {
    pub fn is_intact(&self) -> bool {
        self.first_break.is_none()
    }
}

/// Walks the whole chain in pages with the key ring and reports the first broken link. Each of
/// `checkpoints` must be signed with a key of the ring, name an entry that exists, and carry
/// that entry's hash: this is what finds entries cut from the end with the head moved back,
/// and a chain hashed again by someone holding the key (or, in its unkeyed beginning, anyone).
pub async fn verify_chain(
    conn: &mut Conn,
    keys: &AuditKeys,
    checkpoints: &[Checkpoint],
) -> Result<Verification, AppError> {
    const PAGE: i64 = 5_000;
    // A checkpoint whose signature fails is a finding of its own, at the entry it names.
    let forged = checkpoints
        .iter()
        .filter(|c| !keys.checkpoint_holds(c))
        .map(|c| c.seq)
        .min()
        .map(|seq| Break {
            seq,
            reason: BreakReason::CheckpointForged,
        });
    let mut marks: Vec<(i64, &str)> = checkpoints
        .iter()
        .filter(|c| keys.checkpoint_holds(c))
        .map(|c| (c.seq, c.head.as_str()))
        .collect();
    marks.sort_unstable();
    let mut marks = marks.into_iter().peekable();
    let mut previous_seq = 0;
    let mut previous_hash = GENESIS.to_owned();
    let mut keyed_before = false;
    let mut entries = 0;
    let mut found = None;
    'walk: loop {
        // Checkpoints at or before the last entry read must carry its hash.
        while let Some((seq, head)) = marks.next_if(|(seq, _)| *seq <= previous_seq) {
            if seq == previous_seq && head != previous_hash {
                found = Some(Break {
                    seq,
                    reason: BreakReason::CheckpointMismatch,
                });
                break 'walk;
            }
        }
        let rows = repo::page(conn, previous_seq, PAGE).await?;
        if rows.is_empty() {
            break;
        }
        for row in rows {
            entries += 1;
            let fault = if row.seq != previous_seq + 1 {
                Some((previous_seq + 1, BreakReason::Gap))
            } else if row.prev_hash != previous_hash {
                Some((row.seq, BreakReason::LinkBroken))
            } else {
                match keys.check(&row, keyed_before) {
                    Seal::Holds => None,
                    Seal::Changed => Some((row.seq, BreakReason::ContentChanged)),
                    Seal::UnknownKey => Some((row.seq, BreakReason::KeyUnknown)),
                    Seal::Unsealed => Some((row.seq, BreakReason::Unsealed)),
                }
            };
            if let Some((seq, reason)) = fault {
                found = Some(Break { seq, reason });
                break 'walk;
            }
            while let Some((seq, head)) = marks.next_if(|(seq, _)| *seq <= row.seq) {
                if seq == row.seq && head != row.hash {
                    found = Some(Break {
                        seq,
                        reason: BreakReason::CheckpointMismatch,
                    });
                    break 'walk;
                }
            }
            keyed_before |= row.key_id != UNKEYED;
            previous_seq = row.seq;
            previous_hash = row.hash;
        }
    }
    if found.is_none() {
        found = if marks.next().is_some() {
            // A checkpoint names an entry past the end: the entries after the last one read
            // were there once.
            Some(Break {
                seq: previous_seq + 1,
                reason: BreakReason::Truncated,
            })
        } else {
            let (head_seq, head_hash) = repo::head(conn).await?;
            (head_seq != previous_seq || head_hash != previous_hash).then_some(Break {
                seq: previous_seq + 1,
                reason: BreakReason::HeadMismatch,
            })
        };
    }
    let first_break = match (found, forged) {
        (Some(found), Some(forged)) => Some(if forged.seq < found.seq {
            forged
        } else {
            found
        }),
        (found, forged) => found.or(forged),
    };
    Ok(Verification {
        entries,
        first_break,
    })
}

/// The chain as a new key ring needs to know it: the number of its last entry (a ring made for
/// a database that already holds entries marks those as written before the chain was keyed),
/// and whether that entry was sealed with a key (then the ring that sealed it is missing).
pub async fn head_state(store: &qorgau_store::Store) -> Result<(i64, bool), AppError> {
    let mut tx = store.begin_read().await?;
    let (seq, _) = repo::head(&mut tx).await?;
    let last = repo::page(&mut tx, seq - 1, 1).await?;
    tx.commit().await?;
    let keyed = last.first().is_some_and(|entry| entry.key_id != UNKEYED);
    Ok((seq, keyed))
}

impl App {
    /// Verifies the chain, for an auditor or administrator of the whole tree, or the operator.
    pub async fn verify_audit(&self, acting: Acting<'_>) -> Result<Verification, AppError> {
        self.verify_audit_against(acting, &[]).await
    }

    /// Verifies the chain and that it agrees with `checkpoints` (kept outside the database).
    pub async fn verify_audit_against(
        &self,
        acting: Acting<'_>,
        checkpoints: &[Checkpoint],
    ) -> Result<Verification, AppError> {
        let root = self.root_path().await?;
        authorize(acting, Permission::ReadAudit, Scope::Unit(&root))?;
        let mut tx = self.store().begin_read().await?;
        let report = verify_chain(&mut tx, &self.settings().audit_keys, checkpoints).await?;
        tx.commit().await?;
        Ok(report)
    }

    /// A signed checkpoint of the chain's head now, to be kept outside the database. Refused
    /// when the head is not an entry that holds under the key ring: a checkpoint must never
    /// vouch for a head someone else wrote.
    pub async fn audit_checkpoint(&self, acting: Acting<'_>) -> Result<Checkpoint, AppError> {
        let root = self.root_path().await?;
        authorize(acting, Permission::ReadAudit, Scope::Unit(&root))?;
        let keys = &self.settings().audit_keys;
        let mut tx = self.store().begin_read().await?;
        let (seq, head) = repo::head(&mut tx).await?;
        let last = repo::page(&mut tx, seq - 1, 1).await?;
        tx.commit().await?;
        let holds = match last.first() {
            None => seq == 0 && head == GENESIS,
            Some(entry) => {
                entry.seq == seq
                    && entry.hash == head
                    && keys.entry_mac(entry).is_some_and(|mac| mac == head)
            }
        };
        if !holds {
            return Err(AppError::invalid(
                "audit",
                qorgau_i18n::Message::new("audit-checkpoint-refused").arg("seq", seq.to_string()),
            ));
        }
        Ok(keys.seal_checkpoint(seq, &head, self.clock().now()))
    }

    /// The latest entries, newest first.
    ///
    /// The log is global (an entry may concern a user, a token or a unit), so reading it needs
    /// the audit permission on the root of the tree, not on a branch.
    pub async fn latest_audit(
        &self,
        acting: Acting<'_>,
        limit: i64,
    ) -> Result<Vec<qorgau_store::audit::LoggedEntry>, AppError> {
        let root = self.root_path().await?;
        authorize(acting, Permission::ReadAudit, Scope::Unit(&root))?;
        let mut tx = self.store().begin_read().await?;
        let rows = repo::latest(&mut tx, limit.clamp(1, 1000)).await?;
        tx.commit().await?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(seq: i64, prev: &str) -> StoredEntry {
        let mut row = StoredEntry {
            seq,
            at: "2026-01-01T00:00:00.000000Z".into(),
            actor_id: Some(1),
            actor: "admin".into(),
            action: "user.create".into(),
            entity: "user".into(),
            entity_id: "2".into(),
            before_json: None,
            after_json: Some("{\"a\":1}".into()),
            prev_hash: prev.into(),
            hash: String::new(),
            key_id: UNKEYED,
        };
        row.hash = entry_hash(&row);
        row
    }

    #[test]
    fn the_hash_covers_every_field_and_the_previous_hash() {
        let base = row(1, GENESIS);
        let mut changed = base.clone();
        changed.after_json = Some("{\"a\":2}".into());
        assert_ne!(entry_hash(&changed), base.hash);
        let mut moved = base.clone();
        moved.prev_hash = "1".repeat(64);
        assert_ne!(entry_hash(&moved), base.hash);
        // Field boundaries cannot be shifted: "ab"+"c" differs from "a"+"bc".
        let mut a = base.clone();
        a.actor = "ab".into();
        a.action = "c".into();
        let mut b = base.clone();
        b.actor = "a".into();
        b.action = "bc".into();
        assert_ne!(entry_hash(&a), entry_hash(&b));
    }
}
