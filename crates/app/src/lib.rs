//! The application: every workflow that changes or reads Qorgau's records runs here, inside a
//! transaction, after the one authorisation function ([`authz::authorize`]) has said yes, and
//! every change leaves an entry in the hash-chained audit log ([`audit`]).
//!
//! Architecture invariant: this crate renders no HTML and parses no HTTP; `web` and the CLI are
//! thin layers over it.

// Rooms: one module per area of the work; a room never imports another room.
pub mod accounts;
pub mod conscription;
pub mod law;
pub mod safety;
pub mod security;

// Platform: what the rooms share.
pub mod audit;
pub mod authz;
pub mod bootstrap;
mod clock;
pub mod csv_export;
pub mod csv_import;
#[cfg(feature = "demo")]
pub mod demo;
mod error;
pub mod org;
mod principal_cache;
pub mod printing;
pub mod receipts;
pub mod roles;
pub mod rules;
mod secrets;
mod validation;
pub mod words;
pub mod write;

pub use authz::{Acting, Principal, Scope, authorize};
pub use clock::{Clock, format_instant, today_in_almaty};
pub use error::AppError;
pub use roles::{Permission, Role};

use qorgau_store::Store;

/// Settings that shape security behaviour; the defaults are the secure ones.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Consecutive failed sign-ins on an account before each further attempt must wait (1 s
    /// after this many, doubling with each further failure). Nothing locks an account.
    pub max_failed_logins: i64,
    /// The longest wait between sign-in attempts after failures.
    pub lock_base: chrono::Duration,
    /// Absolute lifetime of a browser session.
    pub session_lifetime: chrono::Duration,
    /// A browser session without a request for this long has ended.
    pub session_idle: chrono::Duration,
    /// Minimum length of a password a person chooses.
    pub min_password_length: usize,
    /// The keys the audit chain is sealed with, kept outside the database. The default is a
    /// key made for this process only (nothing it seals verifies elsewhere); the binary loads
    /// the kept key ring instead.
    pub audit_keys: audit::AuditKeys,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            max_failed_logins: 5,
            lock_base: chrono::Duration::minutes(15),
            session_lifetime: chrono::Duration::hours(12),
            session_idle: chrono::Duration::minutes(30),
            min_password_length: 12,
            audit_keys: audit::AuditKeys::ephemeral(),
        }
    }
}

/// The application: the store, the clock and the settings.
#[derive(Clone)]
pub struct App {
    store: Store,
    clock: Clock,
    /// Shared: the application is cloned for every request.
    settings: std::sync::Arc<Settings>,
    principals: std::sync::Arc<principal_cache::PrincipalCache>,
    /// Sign-in failure counts kept in this process (client addresses, unknown usernames).
    sign_in: std::sync::Arc<accounts::SignInThrottle>,
    library: law::LibraryCell,
    safety_trees: std::sync::Arc<safety::TreeCache>,
}

impl App {
    pub fn new(store: Store, clock: Clock, settings: Settings) -> Self {
        Self {
            store,
            clock,
            settings: std::sync::Arc::new(settings),
            principals: Default::default(),
            sign_in: Default::default(),
            library: law::LibraryCell::shipped(),
            safety_trees: Default::default(),
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub(crate) fn safety_trees(&self) -> &safety::TreeCache {
        &self.safety_trees
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }
}
