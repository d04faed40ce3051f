//! The one write path. A [`Write`] is a unit of work: it owns the transaction, the instant the
//! change happens at, the acting principal, the authorisation check and the audit entry.
//! Every workflow that changes a record begins one with [`App::write`] (or, for the few writes
//! the authorisation function cannot judge, [`App::write_unchecked`] with its [`Grounds`]),
//! and nothing else in `app` begins a write transaction.
//!
//! Committing a unit of work that was not authorised, or that recorded no audit entry, is an
//! error and rolls it back: the compiler cannot see a missing `audit`, so the commit does.

use chrono::{DateTime, Utc};
use qorgau_store::audit::AuditRow;
use qorgau_store::{Conn, Tx};

use crate::audit::{self, Change};
use crate::{Acting, App, AppError, Permission, Principal, Scope, authorize};

pub use qorgau_store::audit::AuditAction;

/// Why a write needs no [`authorize`] call: the few changes made before anyone is signed in
/// or by the system on a verified message. Each is audited like any other write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grounds {
    /// A sign-in attempt: the password itself is the check.
    SignIn,
    /// Ending one's own session: holding its token is the check.
    SignOut,
    /// Removing expired sessions, which belong to nobody any more.
    Housekeeping,
    /// A report from a channel gateway whose signature the web layer verified.
    SignedChannelReport,
    /// The outbox sender handing queued messages to the gateway.
    OutboxSender,
}

/// A unit of work that writes. See the module documentation.
pub struct Write<'a> {
    tx: Tx,
    acting: Acting<'a>,
    at: DateTime<Utc>,
    authorised: bool,
    audited: bool,
    /// The key ring the audit entry is sealed with.
    keys: audit::AuditKeys,
}

impl App {
    /// Begins a write by `acting`, who must hold `permission` on `scope`.
    pub async fn write<'a>(
        &self,
        acting: Acting<'a>,
        permission: Permission,
        scope: Scope<'_>,
    ) -> Result<Write<'a>, AppError> {
        authorize(acting, permission, scope)?;
        let mut write = self.begin(acting).await?;
        write.authorised = true;
        Ok(write)
    }

    /// Begins a write by `principal` on their own account (their password, tokens, sessions,
    /// language): what every signed-in person may do.
    pub async fn write_own<'a>(&self, principal: &'a Principal) -> Result<Write<'a>, AppError> {
        self.write(
            Acting::Principal(principal),
            Permission::UseOwnAccount,
            Scope::Anywhere,
        )
        .await
    }

    /// Begins a write whose scope is known only once records are read inside it: the caller
    /// must call [`Write::authorize`] before it commits.
    pub async fn write_then_authorize<'a>(
        &self,
        acting: Acting<'a>,
    ) -> Result<Write<'a>, AppError> {
        self.begin(acting).await
    }

    /// Begins a write that [`authorize`] cannot judge, for the reason `grounds` gives.
    pub async fn write_unchecked<'a>(
        &self,
        acting: Acting<'a>,
        grounds: Grounds,
    ) -> Result<Write<'a>, AppError> {
        tracing::trace!(?grounds, "write without an authorisation check");
        let mut write = self.begin(acting).await?;
        write.authorised = true;
        Ok(write)
    }

    async fn begin<'a>(&self, acting: Acting<'a>) -> Result<Write<'a>, AppError> {
        let tx = self.store().begin_write().await?;
        Ok(Write {
            tx,
            acting,
            at: self.clock().now(),
            authorised: false,
            audited: false,
            keys: self.settings().audit_keys.clone(),
        })
    }
}

impl<'a> Write<'a> {
    /// The connection inside the transaction, for the store's repositories.
    pub fn conn(&mut self) -> &mut Conn {
        &mut self.tx
    }

    /// The instant of the change, read once from the application's clock.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// The instant of the change as stored.
    pub fn at_text(&self) -> String {
        crate::format_instant(self.at)
    }

    /// The calendar day of the change in Asia/Almaty.
    pub fn today(&self) -> chrono::NaiveDate {
        crate::today_in_almaty(self.at)
    }

    pub fn acting(&self) -> Acting<'a> {
        self.acting
    }

    /// The name the audit log records for whoever acts.
    pub fn actor_name(&self) -> String {
        audit::actor_of(self.acting).1
    }

    /// Checks `permission` on `scope` for the acting principal, for scopes read inside the
    /// transaction.
    pub fn authorize(&mut self, permission: Permission, scope: Scope<'_>) -> Result<(), AppError> {
        authorize(self.acting, permission, scope)?;
        self.authorised = true;
        Ok(())
    }

    /// Appends `change` to the audit chain in this transaction.
    pub async fn audit(&mut self, change: Change<'_>) -> Result<AuditRow, AppError> {
        let row = audit::record(&mut self.tx, &self.keys, self.at, self.acting, change).await?;
        self.audited = true;
        Ok(row)
    }

    /// Keeps the receipt of a decision this change acts on, in this transaction, against
    /// `entity` and its id: the decision can then be replayed (`qorgau rules replay`).
    pub async fn receipt(
        &mut self,
        receipt: &qorgau_rules::Receipt,
        entity: &str,
        entity_id: &str,
    ) -> Result<i64, AppError> {
        let at = self.at_text();
        let by = self.actor_name();
        Ok(qorgau_store::receipts::insert(
            &mut self.tx,
            &qorgau_store::receipts::NewReceipt {
                rule: receipt.rule,
                rule_version: receipt.version,
                corpus_version: receipt.corpus,
                as_of: receipt.as_of,
                facts: &receipt.facts,
                outcome: &receipt.outcome,
                entity,
                entity_id,
            },
            &at,
            &by,
        )
        .await?)
    }

    /// Commits the change and its audit entry together.
    pub async fn commit(self) -> Result<(), AppError> {
        if !self.authorised {
            return Err(AppError::Internal(
                "a write was committed without an authorisation check".to_owned(),
            ));
        }
        if !self.audited {
            return Err(AppError::Internal(
                "a write was committed without an audit entry".to_owned(),
            ));
        }
        self.tx.commit().await?;
        Ok(())
    }
}
