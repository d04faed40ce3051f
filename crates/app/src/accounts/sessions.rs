//! Sign-in with throttling, browser sessions (their idle and absolute ends, their owner's list
//! and the end of one), and the hourly purge.

use std::net::IpAddr;
use std::sync::OnceLock;

use chrono::{DateTime, Duration, Utc};
use qorgau_store::accounts::users::UserRow;
use qorgau_store::accounts::{sessions, users};
use serde::Serialize;
use serde_json::json;

use super::principal_of;
use super::throttle::{
    ADDRESS_FREE_FAILURES, address_key, forget_after, name_key, pair_key, wait_after,
};
use crate::audit::{AuditAction, Change};
use crate::secrets::{hash_password_blocking, random_hex, sha256_hex, verify_password_blocking};
use crate::write::{Grounds, Write};
use crate::{Acting, App, AppError, Permission, Principal, Scope, format_instant};

/// A new browser session: the cookie value and the token every form must echo.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub session_token: String,
    pub csrf_token: String,
    pub principal: Principal,
}

/// One of a person's live sessions, as their account page lists it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SessionView {
    /// Names the session to its owner; neither its secret nor the hash it is stored under.
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// Its absolute end; it ends earlier when left idle.
    pub expires_at: DateTime<Utc>,
    /// The client address it was opened from, when known.
    pub address: Option<String>,
    /// Whether it is the session asking.
    pub current: bool,
}

/// The name a session goes by in its owner's list: derived from the stored hash, so that the
/// list, the page and the logs never carry what the database keys sessions by.
fn handle_of(id_hash: &str) -> String {
    sha256_hex(id_hash).chars().take(16).collect()
}

/// The name of the session behind a session cookie, as [`SessionView::id`] gives it.
pub fn session_handle(session_token: &str) -> String {
    handle_of(&sha256_hex(session_token))
}

/// How often at most the last use of a session or a token is written.
fn touch_every() -> Duration {
    Duration::minutes(1)
}

/// An argon2id hash in the form every stored hash has (the same defaults), kept for when this
/// one cannot be made.
const FALLBACK_DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Jm7gq7mNbcbqwpKJqQb5b8Y2eZr7Bq+Xkq3oF5v8pQk";

static DUMMY_HASH: OnceLock<String> = OnceLock::new();

/// The hash a wrong username's password is checked against: made once per process with the
/// parameters every password is hashed with, so that checking it costs what checking a real
/// user's password costs and an unknown username answers in the same time.
async fn dummy_hash() -> String {
    if let Some(hash) = DUMMY_HASH.get() {
        return hash.clone();
    }
    let made = hash_password_blocking(&random_hex(16))
        .await
        .unwrap_or_else(|_| FALLBACK_DUMMY_HASH.to_owned());
    DUMMY_HASH.get_or_init(|| made).clone()
}

/// The refusal of an attempt made while its wait lasts (429 with the wait's end).
pub(super) fn wait_until(until: DateTime<Utc>) -> AppError {
    AppError::Locked {
        until: format_instant(until),
    }
}

/// Whether an attempt comes from the address of `user`'s last successful sign-in.
fn from_known_address(user: &UserRow, address: Option<&str>) -> bool {
    address.is_some() && user.last_sign_in_address.as_deref() == address
}

impl App {
    /// The failures counted against `user` at `now`: forgotten a day after the last wait ended.
    fn account_failures(&self, user: &UserRow, now: DateTime<Utc>) -> i64 {
        match user.locked_until {
            Some(until) if now >= until + forget_after() => 0,
            _ => user.failed_logins,
        }
    }

    /// Signs a person in with username and password, from a client whose address is not known.
    pub async fn login(&self, username: &str, password: &str) -> Result<SignedIn, AppError> {
        self.login_from(username, password, None).await
    }

    /// Signs a person in with username and password from client address `client`.
    ///
    /// Failures slow further attempts down and lock nobody out (`throttle`): after
    /// [`ADDRESS_FREE_FAILURES`] from one address (not loopback), after `max_failed_logins` on
    /// one username from one address, and after `max_failed_logins` on an account from
    /// anywhere (except from the address of its last successful sign-in), each further attempt
    /// waits 2^(n - free) seconds after the last failure, at most `lock_base`. An attempt inside
    /// a wait is refused with [`AppError::Locked`] and the wait's end, its password unchecked. A
    /// username that does not exist goes the same way as a wrong password: checked against a
    /// hash of the same cost, counted, slowed down and audited alike.
    pub async fn login_from(
        &self,
        username: &str,
        password: &str,
        client: Option<IpAddr>,
    ) -> Result<SignedIn, AppError> {
        let now = self.clock().now();
        let cap = self.settings().lock_base;
        let free = self.settings().max_failed_logins;
        // Loopback is not counted as an address: the in-process tools and a reverse proxy on
        // the same host connect from there (set the trusted proxies so the server sees the
        // client behind one), so counting it would make every person behind it wait for one
        // guesser. The username's and the account's counts hold either way.
        let address = client
            .map(|ip| ip.to_canonical())
            .filter(|ip| !ip.is_loopback())
            .map(address_key);
        if let Some(key) = &address {
            self.sign_in
                .addresses
                .begin(key, now, ADDRESS_FREE_FAILURES, cap)
                .map_err(wait_until)?;
        }
        let name = name_key(username);
        let Some(_turn) = self.sign_in.turn(&name) else {
            return Err(wait_until(now + Duration::seconds(1)));
        };
        let pair = pair_key(&name, address.as_deref());
        // The password is checked before the write transaction: on SQLite that transaction
        // holds the write lock, which must not wait on argon2.
        let found = {
            let mut conn = self.store().pool().acquire().await?;
            users::find_by_username(&mut conn, username).await?
        };
        let waiting = self.sign_in.pairs.waiting(&pair, now).or(match &found {
            Some(user) => user
                .locked_until
                .filter(|until| *until > now && !from_known_address(user, address.as_deref())),
            None => self.sign_in.unknown_users.waiting(&name, now),
        });
        if let Some(until) = waiting {
            return Err(wait_until(until));
        }
        let hash = match &found {
            Some(user) => user.password_hash.clone(),
            None => dummy_hash().await,
        };
        let verified = verify_password_blocking(password, &hash).await;
        let user = match found {
            Some(user) if verified => user,
            found => {
                self.sign_in.pairs.fail(&pair, now, free, cap);
                self.count_failure(found.map(|u| u.id), &name).await?;
                return Err(AppError::BadCredentials);
            }
        };
        // The session opens in the user's own name, so the write acts as them.
        let signing_in = {
            let mut conn = self.store().pool().acquire().await?;
            principal_of(&mut conn, user.clone()).await?
        };
        let mut w = self
            .write_unchecked(Acting::Principal(&signing_in), Grounds::SignIn)
            .await?;
        // Read again under the lock.
        let user = users::get(w.conn(), user.id).await?;
        if user.disabled {
            return Err(AppError::Disabled);
        }
        // Changed or reset since it was checked: the password given is no longer the account's.
        if user.password_hash != hash {
            return Err(AppError::BadCredentials);
        }
        users::record_sign_in(w.conn(), user.id, address.as_deref()).await?;
        let principal = principal_of(w.conn(), user).await?;
        let client_text = client.map(|ip| ip.to_string());
        let signed_in = self
            .open_session(&mut w, principal, client_text.as_deref())
            .await?;
        w.commit().await?;
        let forgiven = self.sign_in.pairs.clear(&pair);
        if let Some(key) = &address {
            // This attempt was counted when it began; it and the failures that led to it go.
            self.sign_in.addresses.forgive(key, forgiven + 1);
        }
        Ok(signed_in)
    }

    /// Counts and audits a failed sign-in: against the account when `user_id` names one,
    /// against the unknown username (its `name_key`) otherwise, in the same kind of write
    /// either way.
    async fn count_failure(&self, user_id: Option<i64>, name: &str) -> Result<(), AppError> {
        let free = self.settings().max_failed_logins;
        let cap = self.settings().lock_base;
        let mut w = self
            .write_unchecked(Acting::Anonymous, Grounds::SignIn)
            .await?;
        let at = w.at();
        let (entity_id, before, failures, until) = match user_id {
            Some(id) => {
                // Read again under the lock: concurrent failures must each count.
                let user = users::get(w.conn(), id).await?;
                let before = self.account_failures(&user, at);
                let failures = before + 1;
                let until = wait_after(failures, free, cap).map(|wait| at + wait);
                users::set_login_state(w.conn(), id, failures, until).await?;
                (id.to_string(), before, failures, until)
            }
            None => {
                let (before, failures, until) =
                    self.sign_in.unknown_users.fail(name, at, free, cap);
                // The name typed is not recorded: it may be a password typed in the wrong field.
                ("unknown".to_owned(), before, failures, until)
            }
        };
        w.audit(Change {
            action: AuditAction::UserLoginFailed,
            entity: "user",
            entity_id,
            before: Some(json!({ "failed_logins": before })),
            after: Some(json!({
                "failed_logins": failures,
                "locked_until": until.map(format_instant),
            })),
        })
        .await?;
        w.commit().await
    }

    /// Opens a session for `principal` and records the sign-in in `w`, which acts as them.
    pub(super) async fn open_session(
        &self,
        w: &mut Write<'_>,
        principal: Principal,
        address: Option<&str>,
    ) -> Result<SignedIn, AppError> {
        let session_token = random_hex(32);
        let csrf_token = random_hex(32);
        let at = w.at_text();
        let expires = w.at() + self.settings().session_lifetime;
        let id_hash = sha256_hex(&session_token);
        sessions::insert(
            w.conn(),
            &sessions::NewSession {
                id_hash: &id_hash,
                user_id: principal.user_id,
                csrf_token: &csrf_token,
                at: &at,
                expires_at: &format_instant(expires),
                address,
            },
        )
        .await?;
        w.audit(Change {
            action: AuditAction::UserLogin,
            entity: "user",
            entity_id: principal.user_id.to_string(),
            before: None,
            after: Some(json!({
                "session_expires_at": format_instant(expires),
                "session": handle_of(&id_hash),
                "address": address,
            })),
        })
        .await?;
        Ok(SignedIn {
            session_token,
            csrf_token,
            principal,
        })
    }

    /// The instant before which a session not seen since has ended, at `now`.
    fn idle_since(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - self.settings().session_idle
    }

    /// The person behind a session cookie, with the session's CSRF token. A session ends at its
    /// absolute end and when no request came for `session_idle`; each request keeps it alive
    /// (written at most once a minute).
    pub async fn session_principal(
        &self,
        session_token: &str,
    ) -> Result<(Principal, String), AppError> {
        let now = self.clock().now();
        let id_hash = sha256_hex(session_token);
        let mut conn = self.store().pool().acquire().await?;
        let session = sessions::find_live(&mut conn, &id_hash, now, self.idle_since(now))
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let user = users::find(&mut conn, session.user_id)
            .await?
            .filter(|user| !user.disabled)
            .ok_or(AppError::Unauthenticated)?;
        if now - session.last_seen_at >= touch_every() {
            // When a session was last seen is bookkeeping, not a change anyone made: it is not
            // audited (that would be an entry per session per minute), and a failure to write
            // it (a busy database) does not refuse the request.
            let unless_since = format_instant(now - touch_every());
            if let Err(error) =
                sessions::touch(&mut conn, &id_hash, &format_instant(now), &unless_since).await
            {
                tracing::warn!(%error, "the session's last use was not recorded");
            }
        }
        Ok((principal_of(&mut conn, user).await?, session.csrf_token))
    }

    /// Ends a session, in the name of its user. A session that is no longer live is left to
    /// the hourly purge: it is refused when presented anyway.
    pub async fn logout(&self, session_token: &str) -> Result<(), AppError> {
        let id_hash = sha256_hex(session_token);
        let signing_out = {
            let now = self.clock().now();
            let mut conn = self.store().pool().acquire().await?;
            let live = sessions::find_live(&mut conn, &id_hash, now, self.idle_since(now)).await?;
            let Some(session) = live else {
                return Ok(());
            };
            let Some(user) = users::find(&mut conn, session.user_id).await? else {
                return Ok(());
            };
            principal_of(&mut conn, user).await?
        };
        let mut w = self
            .write_unchecked(Acting::Principal(&signing_out), Grounds::SignOut)
            .await?;
        sessions::delete(w.conn(), &id_hash).await?;
        w.audit(Change::recorded(
            AuditAction::UserLogout,
            "session",
            signing_out.user_id,
            json!({ "user_id": signing_out.user_id }),
        ))
        .await?;
        w.commit().await?;
        Ok(())
    }

    /// The principal's live sessions, the latest first; `current` (a [`SessionView::id`], as
    /// [`session_handle`] gives it for a cookie) marks the one asking.
    pub async fn list_sessions(
        &self,
        principal: &Principal,
        current: Option<&str>,
    ) -> Result<Vec<SessionView>, AppError> {
        crate::authorize(
            Acting::Principal(principal),
            Permission::UseOwnAccount,
            Scope::Anywhere,
        )?;
        let now = self.clock().now();
        let mut conn = self.store().pool().acquire().await?;
        let rows =
            sessions::list_live_for_user(&mut conn, principal.user_id, now, self.idle_since(now))
                .await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let id = handle_of(&row.id_hash);
                SessionView {
                    current: current == Some(id.as_str()),
                    id,
                    created_at: row.created_at,
                    last_seen_at: row.last_seen_at,
                    expires_at: row.expires_at,
                    address: row.address,
                }
            })
            .collect())
    }

    /// Ends one of the principal's own sessions, named as [`SessionView::id`] names it (a
    /// session left signed in elsewhere, for instance).
    pub async fn end_session(&self, principal: &Principal, id: &str) -> Result<(), AppError> {
        let mut w = self.write_own(principal).await?;
        let at = w.at();
        let rows =
            sessions::list_live_for_user(w.conn(), principal.user_id, at, self.idle_since(at))
                .await?;
        let row = rows
            .into_iter()
            .find(|row| handle_of(&row.id_hash) == id)
            .ok_or_else(|| AppError::NotFound {
                entity: "session",
                id: id.to_owned(),
            })?;
        sessions::delete(w.conn(), &row.id_hash).await?;
        w.audit(Change::recorded(
            AuditAction::UserLogout,
            "session",
            principal.user_id,
            json!({ "user_id": principal.user_id, "session": id, "ended_by_owner": true }),
        ))
        .await?;
        w.commit().await
    }

    /// Removes the sessions that ended or were left idle; returns how many. A run that finds
    /// none writes nothing.
    pub async fn purge_expired_sessions(&self) -> Result<u64, AppError> {
        let mut w = self
            .write_unchecked(Acting::Operator, Grounds::Housekeeping)
            .await?;
        let at = w.at();
        let removed = sessions::delete_expired(w.conn(), at, self.idle_since(at)).await?;
        if removed == 0 {
            // Nothing changed: the transaction is rolled back rather than audited.
            return Ok(0);
        }
        w.audit(Change::recorded(
            AuditAction::SessionsPurge,
            "session",
            removed,
            json!({ "removed": removed, "expired_before": format_instant(at) }),
        ))
        .await?;
        w.commit().await?;
        Ok(removed)
    }
}

/// A fresh random token for a form that has no session yet (the sign-in form).
pub fn new_form_token() -> String {
    random_hex(32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fallback_dummy_hash_parses() {
        assert!(argon2::PasswordHash::new(FALLBACK_DUMMY_HASH).is_ok());
    }

    #[tokio::test]
    async fn the_dummy_hash_is_made_once_like_every_password_hash() {
        let first = dummy_hash().await;
        assert_eq!(first, dummy_hash().await);
        let made = crate::secrets::hash_password("x").unwrap();
        // The same algorithm, version and parameters: everything before the salt.
        let params = |hash: &str| hash.rsplitn(3, '$').last().unwrap().to_owned();
        assert_eq!(params(&first), params(&made));
    }
}
