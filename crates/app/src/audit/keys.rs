//! The keys the audit chain is sealed with. An entry's hash is an HMAC-SHA256 under a key that
//! is kept outside the database (a key file or a secret in the environment), so whoever holds
//! the database but not the key can neither edit an entry and seal it again nor forge a
//! checkpoint. Keys are rotated, never dropped: each entry records the id of the key that sealed
//! it, the newest key seals new entries, and verification needs every key it meets.
//!
//! The ring's text form, in the key file and in the environment alike, is a list of items
//! separated by white space or commas (`#` starts a comment to the end of the line):
//! `ID:KEY` (a key id from 1, and 32 bytes in hex), a bare `KEY` (key 1), and `legacy:N`: the
//! entries up to N were written before the chain was keyed and carry no key. Without
//! `legacy:`, no entry without a key holds: a chain begun before the ring must say where its
//! unkeyed part ends, or anyone could strip the keys from the entries and hash them again.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use qorgau_i18n::Message;
use qorgau_store::audit::StoredEntry;
use sha2::Sha256;

use super::checkpoint::Checkpoint;
use crate::AppError;

/// The key id of entries hashed without a key: those written before the chain was keyed.
pub const UNKEYED: i64 = 0;

/// The length of a key in bytes.
pub const KEY_BYTES: usize = 32;

/// The audit key ring: every key id the chain may meet, and where unkeyed entries may stand.
/// Cloning shares the keys. `Debug` names the key ids, never the keys.
#[derive(Clone)]
pub struct AuditKeys {
    ring: Arc<Ring>,
}

struct Ring {
    /// Key id (from 1) -> key.
    keys: BTreeMap<i64, [u8; KEY_BYTES]>,
    /// The last entry that may carry no key; `None` when the ring does not say.
    legacy_until: Option<i64>,
}

impl std::fmt::Debug for AuditKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditKeys")
            .field("ids", &self.ids())
            .field("legacy_until", &self.ring.legacy_until)
            .finish()
    }
}

/// What the ring says about one stored entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seal {
    /// The entry's hash is the one its key gives.
    Holds,
    /// The hash differs: the entry was changed after it was sealed.
    Changed,
    /// The entry names a key this ring does not hold.
    UnknownKey,
    /// The entry carries no key where the chain was already keyed: it was rewritten by someone
    /// without the key.
    Unsealed,
}

#[allow(clippy::expect_used)] // HMAC accepts a key of any length: this cannot fail.
fn mac_for(key: &[u8]) -> Hmac<Sha256> {
    Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length")
}

fn fresh_key() -> [u8; KEY_BYTES] {
    let mut key = [0u8; KEY_BYTES];
    // The thread generator is a CSPRNG seeded from the operating system.
    rand::fill(&mut key[..]);
    key
}

fn invalid(id: &'static str) -> AppError {
    AppError::invalid("audit_keys", Message::new(id))
}

impl AuditKeys {
    /// A new ring of one fresh key (id 1), for a database whose entries up to `legacy_until`
    /// were written before the chain was keyed.
    pub fn generate(legacy_until: i64) -> Self {
        Self {
            ring: Arc::new(Ring {
                keys: BTreeMap::from([(1, fresh_key())]),
                legacy_until: Some(legacy_until),
            }),
        }
    }

    /// A key made once per process and held nowhere else: the default of
    /// [`crate::Settings`], so that nothing is sealed with a key anyone could know. What it
    /// seals verifies only in this process; the binary always loads a kept ring.
    pub fn ephemeral() -> Self {
        static EPHEMERAL: OnceLock<AuditKeys> = OnceLock::new();
        EPHEMERAL.get_or_init(|| Self::generate(0)).clone()
    }

    /// The ring read from its text form (see the module documentation). Errors name the item
    /// by its position, never its text, which may hold a key.
    pub fn parse(text: &str) -> Result<Self, AppError> {
        let mut keys = BTreeMap::new();
        let mut legacy_until = None;
        let items = text
            .lines()
            .map(|line| line.split('#').next().unwrap_or_default())
            .flat_map(|line| line.split(|c: char| c.is_whitespace() || c == ','))
            .filter(|item| !item.is_empty());
        for (index, item) in items.enumerate() {
            let bad = || {
                AppError::invalid(
                    "audit_keys",
                    Message::new("audit-keys-bad-item").arg("position", index + 1),
                )
            };
            let (id, value) = match item.split_once(':') {
                Some((id, value)) => (id, value),
                None => ("1", item),
            };
            if id == "legacy" {
                let until: i64 = value.parse().map_err(|_| bad())?;
                if until < 0 || legacy_until.replace(until).is_some() {
                    return Err(bad());
                }
                continue;
            }
            let id: i64 = id.parse().map_err(|_| bad())?;
            let mut key = [0u8; KEY_BYTES];
            if id <= UNKEYED || hex::decode_to_slice(value, &mut key).is_err() {
                return Err(bad());
            }
            if keys.insert(id, key).is_some() {
                return Err(AppError::invalid(
                    "audit_keys",
                    Message::new("audit-keys-duplicate").arg("id", id.to_string()),
                ));
            }
        }
        if keys.is_empty() {
            return Err(invalid("audit-keys-empty"));
        }
        Ok(Self {
            ring: Arc::new(Ring { keys, legacy_until }),
        })
    }

    /// The ring in its text form, one item a line, for the key file.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        if let Some(until) = self.ring.legacy_until {
            text.push_str(&format!("legacy:{until}\n"));
        }
        for (id, key) in &self.ring.keys {
            text.push_str(&format!("{id}:{}\n", hex::encode(key)));
        }
        text
    }

    /// This ring with one more fresh key, which seals from now on; every older key is kept.
    pub fn rotated(&self) -> Self {
        let mut keys = self.ring.keys.clone();
        keys.insert(self.sealing_id() + 1, fresh_key());
        Self {
            ring: Arc::new(Ring {
                keys,
                legacy_until: self.ring.legacy_until,
            }),
        }
    }

    /// The key ids the ring holds, oldest first.
    pub fn ids(&self) -> Vec<i64> {
        self.ring.keys.keys().copied().collect()
    }

    /// The id of the key new entries and checkpoints are sealed with: the newest.
    pub fn sealing_id(&self) -> i64 {
        self.ring
            .keys
            .last_key_value()
            .map_or(UNKEYED, |(id, _)| *id)
    }

    /// The hash `row` should carry under the key it names (`row.key_id`): for key 0 the
    /// unkeyed SHA-256 the chain began with, otherwise an HMAC that also covers the key id, so
    /// an entry cannot be moved to another key. `None` when the ring lacks that key.
    pub fn entry_mac(&self, row: &StoredEntry) -> Option<String> {
        if row.key_id == UNKEYED {
            return Some(super::entry_hash(row));
        }
        let key = self.ring.keys.get(&row.key_id)?;
        let mut mac = mac_for(key);
        mac.update(format!("qorgau audit entry v1, key {}\n", row.key_id).as_bytes());
        mac.update(row.prev_hash.as_bytes());
        mac.update(b"\n");
        mac.update(super::entry_fields(row).as_bytes());
        Some(hex::encode(mac.finalize().into_bytes()))
    }

    /// Seals `row` with the newest key: sets its key id and its hash.
    pub(crate) fn seal(&self, row: &mut StoredEntry) {
        row.key_id = self.sealing_id();
        row.hash = self.entry_mac(row).unwrap_or_default();
    }

    /// Whether `row` holds under this ring, `keyed_before` saying whether a keyed entry came
    /// before it in the chain.
    pub fn check(&self, row: &StoredEntry, keyed_before: bool) -> Seal {
        if row.key_id == UNKEYED
            && (keyed_before || self.ring.legacy_until.is_none_or(|until| row.seq > until))
        {
            return Seal::Unsealed;
        }
        match self.entry_mac(row) {
            None => Seal::UnknownKey,
            Some(mac) if mac == row.hash => Seal::Holds,
            Some(_) => Seal::Changed,
        }
    }

    fn checkpoint_mac(&self, key_id: i64, seq: i64, head: &str, at: &str) -> Option<String> {
        let key = self.ring.keys.get(&key_id)?;
        let mut mac = mac_for(key);
        mac.update(
            format!("qorgau audit checkpoint v1, key {key_id}\n{seq}\n{head}\n{at}").as_bytes(),
        );
        Some(hex::encode(mac.finalize().into_bytes()))
    }

    /// A checkpoint of the chain at entry `seq` whose hash is `head`, signed with the newest key.
    pub fn seal_checkpoint(&self, seq: i64, head: &str, at: DateTime<Utc>) -> Checkpoint {
        let at = crate::format_instant(at);
        let key_id = self.sealing_id();
        let mac = self
            .checkpoint_mac(key_id, seq, head, &at)
            .unwrap_or_default();
        Checkpoint {
            seq,
            head: head.to_owned(),
            at,
            key_id,
            mac,
        }
    }

    /// Whether `checkpoint` was signed with a key of this ring and is unchanged since.
    pub fn checkpoint_holds(&self, checkpoint: &Checkpoint) -> bool {
        self.checkpoint_mac(
            checkpoint.key_id,
            checkpoint.seq,
            &checkpoint.head,
            &checkpoint.at,
        )
        .is_some_and(|mac| mac == checkpoint.mac)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = "1111111111111111111111111111111111111111111111111111111111111111";
    const TWO: &str = "2222222222222222222222222222222222222222222222222222222222222222";

    fn row(key_id: i64) -> StoredEntry {
        StoredEntry {
            seq: 1,
            at: "2026-01-01T00:00:00.000000Z".into(),
            actor_id: None,
            actor: "operator".into(),
            action: "user.create".into(),
            entity: "user".into(),
            entity_id: "1".into(),
            before_json: None,
            after_json: Some("{}".into()),
            prev_hash: super::super::GENESIS.into(),
            hash: String::new(),
            key_id,
        }
    }

    #[test]
    fn the_text_form_reads_back_and_names_no_key_in_errors() {
        let ring = AuditKeys::parse(&format!("# a comment\nlegacy:7\n1:{ONE}\n2:{TWO}\n")).unwrap();
        assert_eq!(ring.ids(), vec![1, 2]);
        assert_eq!(ring.sealing_id(), 2);
        let again = AuditKeys::parse(&ring.to_text()).unwrap();
        assert_eq!(again.to_text(), ring.to_text());
        // The environment's form: one line, commas; a bare key is key 1.
        let env = AuditKeys::parse(&format!("{ONE}, 2:{TWO}")).unwrap();
        assert_eq!(env.ids(), vec![1, 2]);
        assert!(!format!("{ring:?}").contains(ONE));
        for bad in [
            "",
            "# only a comment",
            "1:abc",
            &format!("0:{ONE}"),
            &format!("x:{ONE}"),
            &format!("1:{ONE} 1:{TWO}"),
            &format!("legacy:-1 1:{ONE}"),
        ] {
            let error = AuditKeys::parse(bad).unwrap_err().to_string();
            assert!(!error.contains("111111"), "{error}");
        }
    }

    #[test]
    fn a_key_seals_what_another_key_cannot_and_rotation_keeps_the_old_keys() {
        let one = AuditKeys::parse(&format!("legacy:0 1:{ONE}")).unwrap();
        let other = AuditKeys::parse(&format!("legacy:0 1:{TWO}")).unwrap();
        let mut sealed = row(0);
        one.seal(&mut sealed);
        assert_eq!(sealed.key_id, 1);
        assert_eq!(one.check(&sealed, false), Seal::Holds);
        assert_eq!(other.check(&sealed, false), Seal::Changed);
        // Relabelled as unkeyed and hashed again without a key: refused past the legacy part.
        let mut relabelled = sealed.clone();
        relabelled.key_id = UNKEYED;
        relabelled.hash = super::super::entry_hash(&relabelled);
        assert_eq!(one.check(&relabelled, false), Seal::Unsealed);
        // The key id is covered: the same MAC under another id does not hold.
        let mut moved = sealed.clone();
        moved.key_id = 2;
        let rotated = one.rotated();
        assert_eq!(rotated.sealing_id(), 2);
        assert_eq!(rotated.check(&moved, true), Seal::Changed);
        assert_eq!(rotated.check(&sealed, false), Seal::Holds);
        let mut unknown = sealed.clone();
        unknown.key_id = 9;
        assert_eq!(one.check(&unknown, true), Seal::UnknownKey);
        // A checkpoint holds under its key only.
        let checkpoint = one.seal_checkpoint(1, &sealed.hash, Utc::now());
        assert!(rotated.checkpoint_holds(&checkpoint));
        assert!(!other.checkpoint_holds(&checkpoint));
        let mut moved = checkpoint.clone();
        moved.seq = 2;
        assert!(!one.checkpoint_holds(&moved));
    }

    #[test]
    fn unkeyed_entries_hold_in_the_legacy_part_only() {
        let open = AuditKeys::parse(&format!("1:{ONE}")).unwrap();
        let bounded = AuditKeys::parse(&format!("legacy:1 1:{ONE}")).unwrap();
        let mut legacy = row(UNKEYED);
        legacy.hash = super::super::entry_hash(&legacy);
        // A ring that names no unkeyed part accepts none, even at the start of the chain:
        // otherwise relabelling every entry as unkeyed and hashing it again would pass.
        assert_eq!(open.check(&legacy, false), Seal::Unsealed);
        assert_eq!(open.check(&legacy, true), Seal::Unsealed);
        assert_eq!(bounded.check(&legacy, true), Seal::Unsealed);
        assert_eq!(bounded.check(&legacy, false), Seal::Holds);
        legacy.seq = 2;
        legacy.hash = super::super::entry_hash(&legacy);
        assert_eq!(bounded.check(&legacy, false), Seal::Unsealed);
    }
}
