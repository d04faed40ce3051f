//! A short-lived cache of the principals behind API tokens, so a machine client's request does
//! not cost three queries. Written by hand because it is a map, a generation counter and a
//! deadline; a caching crate would bring more than it saves.
//!
//! Correctness: every workflow that changes users, grants or tokens bumps the generation after
//! its commit, and an entry is used only while its generation is current, so within one process
//! a change is seen by the next request. Other processes on the same database see it within
//! [`TTL`].

use std::collections::HashMap;
use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::Principal;

/// How long an entry may serve without a change in this process.
pub const TTL: Duration = Duration::from_secs(10);
/// Entries kept at most; the map is emptied when it grows past this.
const CAPACITY: usize = 10_000;

#[derive(Default)]
pub struct PrincipalCache {
    generation: AtomicU64,
    entries: RwLock<HashMap<String, (Principal, Instant, u64)>>,
}

impl PrincipalCache {
    /// The generation to capture before reading the database for `insert`.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    pub fn get(&self, key: &str) -> Option<Principal> {
        let entries = self.entries.read().unwrap_or_else(|p| p.into_inner());
        let (principal, at, generation) = entries.get(key)?;
        (*generation == self.generation() && at.elapsed() < TTL).then(|| principal.clone())
    }

    /// Stores a principal read while `generation` was current.
    pub fn insert(&self, key: String, principal: Principal, generation: u64) {
        let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= CAPACITY {
            entries.clear();
        }
        entries.insert(key, (principal, Instant::now(), generation));
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
        }
    }

    #[test]
    fn a_change_makes_entries_stale_even_when_read_before_it() {
        let cache = PrincipalCache::default();
        let generation = cache.generation();
        cache.insert("k".into(), principal(), generation);
        assert!(cache.get("k").is_some());
        cache.invalidate();
        assert!(cache.get("k").is_none());
        // A reader that started before the change stores its (old) answer under the old
        // generation: it is never served.
        cache.insert("k".into(), principal(), generation);
        assert!(cache.get("k").is_none());
    }
}
