//! A short-lived cache of the principals behind API tokens, so a machine client's request does
//! not cost three queries. Written by hand because it is a map, a generation counter and a
//! deadline; a caching crate would bring more than it saves.
//!
//! Correctness: every workflow that changes users, grants, passwords or tokens (creating and
//! updating users, their grants, a password change or reset, revoking a token) bumps the
//! generation after its commit, and an entry is used only while its generation is current, so
//! within one process a change is seen by the next request: a revoked token, or every token of a
//! user whose password changed, stops at once. An entry also stops at its token's expiry, read
//! on the application's clock.
//!
//! A change made by another process on the same database (the `qorgau user` commands of the
//! command line) bumps nothing here: this server sees it within [`TTL`], 10 seconds. That is
//! the price of not querying on every request; an urgent revocation from the command line
//! waits those seconds, one from the server's own pages or API does not.

use std::collections::HashMap;
use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::Principal;

/// How long an entry may serve without a change in this process.
pub const TTL: Duration = Duration::from_secs(10);
/// Entries kept at most; the map is emptied when it grows past this.
const CAPACITY: usize = 10_000;

struct Entry {
    principal: Principal,
    /// When it was read, on the monotonic clock, for [`TTL`].
    read: Instant,
    generation: u64,
    /// When its token lapses, on the application's clock.
    expires: DateTime<Utc>,
}

#[derive(Default)]
pub struct PrincipalCache {
    generation: AtomicU64,
    entries: RwLock<HashMap<String, Entry>>,
}

impl PrincipalCache {
    /// The generation to capture before reading the database for `insert`.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// The principal stored under `key`, while its generation is current, it is younger than
    /// [`TTL`] and its token has not lapsed at `now`.
    pub fn get(&self, key: &str, now: DateTime<Utc>) -> Option<Principal> {
        let entries = self.entries.read().unwrap_or_else(|p| p.into_inner());
        let entry = entries.get(key)?;
        (entry.generation == self.generation() && entry.read.elapsed() < TTL && now < entry.expires)
            .then(|| entry.principal.clone())
    }

    /// Stores a principal read while `generation` was current, whose token lapses at `expires`.
    pub fn insert(
        &self,
        key: String,
        principal: Principal,
        generation: u64,
        expires: DateTime<Utc>,
    ) {
        let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= CAPACITY {
            entries.clear();
        }
        entries.insert(
            key,
            Entry {
                principal,
                read: Instant::now(),
                generation,
                expires,
            },
        );
    }

    /// Makes every entry stale: called after a change to users, grants or tokens commits.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn principal() -> Principal {
        Principal {
            user_id: 1,
            username: "u".into(),
            display_name: "U".into(),
            home_unit_id: 1,
            grants: vec![],
            must_change_password: false,
            language: None,
        }
    }

    fn now() -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap()
    }

    #[test]
    fn a_change_makes_entries_stale_even_when_read_before_it() {
        let cache = PrincipalCache::default();
        let generation = cache.generation();
        let expires = now() + chrono::Duration::days(1);
        cache.insert("k".into(), principal(), generation, expires);
        assert!(cache.get("k", now()).is_some());
        cache.invalidate();
        assert!(cache.get("k", now()).is_none());
        // A reader that started before the change stores its (old) answer under the old
        // generation: it is never served.
        cache.insert("k".into(), principal(), generation, expires);
        assert!(cache.get("k", now()).is_none());
    }

    #[test]
    fn an_entry_stops_when_its_token_lapses() {
        let cache = PrincipalCache::default();
        let expires = now() + chrono::Duration::seconds(1);
        cache.insert("k".into(), principal(), cache.generation(), expires);
        assert!(cache.get("k", now()).is_some());
        assert!(cache.get("k", expires).is_none());
    }
}
