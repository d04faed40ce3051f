//! Sign-in throttling: failed sign-ins slow further attempts down, per client address, per
//! username from each address and per account, instead of locking an account, which anyone who
//! knows a username could do to its owner.
//!
//! After `free` consecutive failures, each further attempt must wait 2^(n - free) seconds after
//! the n-th failure, at most `cap`; an attempt inside the wait is refused without its password
//! being checked. A success clears the count of its username from its address and forgives its
//! address those failures only. A count whose last wait ended more than [`forget_after`] ago
//! starts again.
//!
//! The wait of an account as a whole (failures from every address together) slows a guesser
//! spread over many addresses; it does not hold attempts from the address of the account's last
//! successful sign-in, so failing on purpose from elsewhere cannot keep the owner out. Their own
//! address's count still holds them.
//!
//! The accounts' counts live in the database (`users.failed_logins`, `users.locked_until`, which
//! holds the end of the wait, and `users.last_sign_in_address`), so they hold across restarts
//! and processes. The other counts live in this process only, in bounded maps ([`CAPACITY`]
//! keys each, the least recently failed dropped first): an unknown username must be slowed down
//! exactly like a known one, or the wait would tell which names exist.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

/// Failures from one client address before it has to wait. Higher than an account's: many
/// people may share an address (an office behind one router), and a guesser trying one
/// password on many accounts is what this count is for.
pub(crate) const ADDRESS_FREE_FAILURES: i64 = 20;
/// Keys kept at most in each in-memory map.
pub(crate) const CAPACITY: usize = 100_000;
/// A count is forgotten this long after its last wait ended without a further failure.
pub(crate) fn forget_after() -> Duration {
    Duration::hours(24)
}

/// The wait after the `failures`-th consecutive failure, when `free` come without one.
pub(crate) fn wait_after(failures: i64, free: i64, cap: Duration) -> Option<Duration> {
    if failures < free.max(1) {
        return None;
    }
    // 2^20 s is far beyond any cap; the shift stays small.
    let doublings = (failures - free.max(1)).clamp(0, 20);
    Some(Duration::seconds(1_i64 << doublings).min(cap))
}

/// The key of a client address: an IPv4 address as it is, an IPv6 address by its /64 prefix
/// (one host commonly holds a whole /64, so single addresses would be free to rotate).
pub(crate) fn address_key(address: IpAddr) -> String {
    match address {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// The key a typed username is counted under.
pub(crate) fn name_key(username: &str) -> String {
    crate::secrets::sha256_hex(username)
}

/// The key of one username (its [`name_key`]) from one client address key; `None` (loopback,
/// or a client not known) is one address of its own.
pub(crate) fn pair_key(name_key: &str, address: Option<&str>) -> String {
    crate::secrets::sha256_hex(&format!("{name_key}\n{}", address.unwrap_or("-")))
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    failures: i64,
    /// The last failure.
    last: DateTime<Utc>,
    /// When the wait after the last failure ends (`last` when there is none).
    until: DateTime<Utc>,
}

/// Failure counts by key, in memory, bounded.
#[derive(Default)]
pub(crate) struct FailureCounts {
    entries: Mutex<HashMap<String, Entry>>,
}

impl FailureCounts {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The count of `key` at `now`, forgotten when its wait ended long ago.
    fn current(entries: &HashMap<String, Entry>, key: &str, now: DateTime<Utc>) -> Option<Entry> {
        entries
            .get(key)
            .copied()
            .filter(|e| now < e.until + forget_after())
    }

    /// When the wait of `key` ends, if it has not ended at `now`.
    pub(crate) fn waiting(&self, key: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        Self::current(&self.lock(), key, now)
            .map(|e| e.until)
            .filter(|until| *until > now)
    }

    /// Counts a failure of `key` at `now`: returns the count before and after it, and the end
    /// of the wait it starts, if any.
    pub(crate) fn fail(
        &self,
        key: &str,
        now: DateTime<Utc>,
        free: i64,
        cap: Duration,
    ) -> (i64, i64, Option<DateTime<Utc>>) {
        let mut entries = self.lock();
        let before = Self::current(&entries, key, now).map_or(0, |e| e.failures);
        let failures = before + 1;
        let wait = wait_after(failures, free, cap);
        let until = wait.map_or(now, |w| now + w);
        if entries.len() >= CAPACITY && !entries.contains_key(key) {
            Self::evict(&mut entries, now);
        }
        entries.insert(
            key.to_owned(),
            Entry {
                failures,
                last: now,
                until,
            },
        );
        (before, failures, wait.map(|_| until))
    }

    /// Refuses `key` while it waits (`Err` with the wait's end); otherwise counts this attempt
    /// as failed until [`Self::clear`] says it succeeded. Counting first means attempts sent at
    /// once all count, instead of all passing the check before any failure is recorded.
    pub(crate) fn begin(
        &self,
        key: &str,
        now: DateTime<Utc>,
        free: i64,
        cap: Duration,
    ) -> Result<(), DateTime<Utc>> {
        if let Some(until) = self.waiting(key, now) {
            return Err(until);
        }
        self.fail(key, now, free, cap);
        Ok(())
    }

    /// Clears the count of `key` after a success; returns the failures it held.
    pub(crate) fn clear(&self, key: &str) -> i64 {
        self.lock().remove(key).map_or(0, |e| e.failures)
    }

    /// Takes `failures` off the count of `key`: a success forgives the failures that led to it,
    /// not those of others behind the same address, or one good account would clear the way
    /// for a guesser on the others.
    pub(crate) fn forgive(&self, key: &str, failures: i64) {
        let mut entries = self.lock();
        if let Some(entry) = entries.get_mut(key) {
            entry.failures = (entry.failures - failures).max(0);
            if entry.failures == 0 {
                entries.remove(key);
            }
        }
    }

    /// Makes room: drops the counts already forgotten, then the least recently failed tenth.
    fn evict(entries: &mut HashMap<String, Entry>, now: DateTime<Utc>) {
        entries.retain(|_, e| now < e.until + forget_after());
        if entries.len() < CAPACITY * 9 / 10 {
            return;
        }
        let mut by_age: Vec<(DateTime<Utc>, String)> =
            entries.iter().map(|(k, e)| (e.last, k.clone())).collect();
        let excess = entries.len() - CAPACITY * 9 / 10;
        by_age.select_nth_unstable_by_key(excess, |(last, _)| *last);
        for (_, key) in by_age.into_iter().take(excess) {
            entries.remove(&key);
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.lock().len()
    }
}

/// What the sign-in keeps in this process: the counts of client addresses, of each username
/// from each address, and of unknown usernames, and the usernames whose sign-in is being checked
/// right now. Usernames are kept by their hash ([`name_key`]): a fixed size whatever is typed,
/// and never a password typed into the wrong field.
#[derive(Default)]
pub(crate) struct SignInThrottle {
    pub(crate) addresses: FailureCounts,
    /// By [`pair_key`]: one username from one address.
    pub(crate) pairs: FailureCounts,
    /// Wrong current passwords on a password change, by the account's id.
    pub(crate) password_changes: FailureCounts,
    pub(crate) unknown_users: FailureCounts,
    in_progress: Mutex<HashSet<String>>,
}

/// One sign-in attempt's hold on its username; released when dropped, also when the request
/// is abandoned halfway.
pub(crate) struct Turn<'a> {
    held: &'a Mutex<HashSet<String>>,
    username: String,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        self.held
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&self.username);
    }
}

impl SignInThrottle {
    /// Holds `username` for one attempt, or `None` while another attempt on it is being checked:
    /// attempts on one account are checked one after another, so a burst sent at once cannot
    /// pass the wait check together before the first failure is counted.
    pub(crate) fn turn(&self, username: &str) -> Option<Turn<'_>> {
        let mut held = self.in_progress.lock().unwrap_or_else(|p| p.into_inner());
        held.insert(username.to_owned()).then(|| Turn {
            held: &self.in_progress,
            username: username.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap()
    }

    #[test]
    fn waits_double_from_the_free_failures_and_stop_at_the_cap() {
        let cap = Duration::minutes(15);
        assert_eq!(wait_after(4, 5, cap), None);
        assert_eq!(wait_after(5, 5, cap), Some(Duration::seconds(1)));
        assert_eq!(wait_after(6, 5, cap), Some(Duration::seconds(2)));
        assert_eq!(wait_after(14, 5, cap), Some(Duration::seconds(512)));
        assert_eq!(wait_after(15, 5, cap), Some(cap));
        assert_eq!(wait_after(10_000, 5, cap), Some(cap));
    }

    #[test]
    fn ipv6_addresses_count_by_their_64_prefix() {
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_key(a), address_key(b));
        assert_ne!(address_key(a), address_key(c));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(address_key(mapped), "192.0.2.7");
    }

    #[test]
    fn an_address_waits_after_its_free_failures_and_a_success_clears_it() {
        let counts = FailureCounts::default();
        let cap = Duration::minutes(15);
        for _ in 0..3 {
            assert!(counts.begin("k", t0(), 3, cap).is_ok());
        }
        assert_eq!(
            counts.begin("k", t0(), 3, cap),
            Err(t0() + Duration::seconds(1))
        );
        assert!(
            counts
                .begin("k", t0() + Duration::seconds(1), 3, cap)
                .is_ok()
        );
        counts.clear("k");
        assert_eq!(counts.waiting("k", t0() + Duration::seconds(1)), None);
    }

    #[test]
    fn a_count_is_forgotten_a_day_after_its_wait() {
        let counts = FailureCounts::default();
        let cap = Duration::minutes(15);
        for _ in 0..10 {
            counts.fail("k", t0(), 1, cap);
        }
        let later = t0() + cap + forget_after();
        assert_eq!(counts.fail("k", later, 1, cap).0, 0);
    }

    #[test]
    fn the_maps_stay_bounded() {
        let counts = FailureCounts::default();
        let cap = Duration::minutes(15);
        for i in 0..(CAPACITY + 10) {
            let at = t0() + Duration::milliseconds(i as i64);
            counts.fail(&format!("k{i}"), at, 5, cap);
        }
        assert!(counts.len() <= CAPACITY);
        // The newest are kept.
        let last = format!("k{}", CAPACITY + 9);
        assert!(counts.lock().contains_key(&last));
    }

    #[test]
    fn a_success_forgives_its_own_failures_only() {
        let counts = FailureCounts::default();
        let cap = Duration::minutes(15);
        for _ in 0..5 {
            counts.fail("office", t0(), 20, cap);
        }
        counts.forgive("office", 2);
        assert_eq!(counts.fail("office", t0(), 20, cap), (3, 4, None));
        counts.forgive("office", 10);
        assert_eq!(counts.fail("office", t0(), 20, cap).0, 0);
    }

    #[test]
    fn usernames_are_kept_by_a_fixed_size_key() {
        let long = "x".repeat(100_000);
        assert_eq!(name_key(&long).len(), 64);
        assert_ne!(
            pair_key(&name_key("a"), Some("192.0.2.1")),
            pair_key(&name_key("a"), None)
        );
    }

    #[test]
    fn one_attempt_at_a_time_per_username() {
        let throttle = SignInThrottle::default();
        let first = throttle.turn("admin");
        assert!(first.is_some());
        assert!(throttle.turn("admin").is_none());
        assert!(throttle.turn("other").is_some());
        drop(first);
        assert!(throttle.turn("admin").is_some());
    }
}
