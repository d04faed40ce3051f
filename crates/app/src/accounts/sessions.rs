//! Sign-in with back-off, browser sessions and their end, and the hourly purge.

use qorgau_store::accounts::{sessions, users};
use serde_json::json;

use super::principal_of;
use crate::audit::{AuditAction, Change};
use crate::secrets::{random_hex, sha256_hex, verify_password_blocking};
use crate::write::{Grounds, Write};
use crate::{Acting, App, AppError, Principal, format_instant};

/// A new browser session: the cookie value and the token every form must echo.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub session_token: String,
    pub csrf_token: String,
    pub principal: Principal,
}

/// A fixed argon2id hash to verify against when the username is unknown, so a wrong username
/// takes as long as a wrong password.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Jm7gq7mNbcbqwpKJqQb5b8Y2eZr7Bq+Xkq3oF5v8pQk";

impl App {
    fn lock_duration(&self, failures: i64) -> chrono::Duration {
        let doublings = (failures - self.settings().max_failed_logins).clamp(0, 16) as u32;
        let duration = self.settings().lock_base * 2_i32.pow(doublings.min(16));
        duration.min(chrono::Duration::days(1))
    }

    /// Signs a person in with username and password.
    ///
    /// After `max_failed_logins` consecutive failures the account is locked, at first for
    /// `lock_base`, doubling with each further failure; while locked, not even the right
    /// password is checked.
    pub async fn login(&self, username: &str, password: &str) -> Result<SignedIn, AppError> {
        let now = self.clock().now();
        // The password is checked before the write transaction: on SQLite that transaction
        // holds the write lock, which must not wait on argon2.
        let found = {
            let mut conn = self.store().pool().acquire().await?;
            users::find_by_username(&mut conn, username).await?
        };
        let Some(user) = found else {
            let _ = verify_password_blocking(password, DUMMY_HASH).await;
            return Err(AppError::BadCredentials);
        };
        if let Some(until) = user.locked_until
            && until > now
        {
            return Err(AppError::Locked {
                until: format_instant(until),
            });
        }
        let correct = verify_password_blocking(password, &user.password_hash).await;
        if !correct {
            let mut w = self
                .write_unchecked(Acting::Anonymous, Grounds::SignIn)
                .await?;
            // Read again under the lock: concurrent failures must each count.
            let user = users::get(w.conn(), user.id).await?;
            let failures = user.failed_logins + 1;
            let at = w.at();
            let locked_until = (failures >= self.settings().max_failed_logins)
                .then(|| at + self.lock_duration(failures));
            users::set_login_state(w.conn(), user.id, failures, locked_until).await?;
            // The entry records the lock in its stored form, as every entry before did.
            let locked_text = locked_until.map(format_instant);
            w.audit(Change {
                action: AuditAction::UserLoginFailed,
                entity: "user",
                entity_id: user.id.to_string(),
                before: Some(json!({ "failed_logins": user.failed_logins })),
                after: Some(json!({ "failed_logins": failures, "locked_until": locked_text })),
            })
            .await?;
            w.commit().await?;
            return Err(match locked_text {
                Some(until) => AppError::Locked { until },
                None => AppError::BadCredentials,
            });
        }
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
        if user.failed_logins != 0 || user.locked_until.is_some() {
            users::set_login_state(w.conn(), user.id, 0, None).await?;
        }
        let principal = principal_of(w.conn(), user).await?;
        let signed_in = self.open_session(&mut w, principal).await?;
        w.commit().await?;
        Ok(signed_in)
    }

    /// Opens a session for `principal` and records the sign-in in `w`, which acts as them.
    pub(super) async fn open_session(
        &self,
        w: &mut Write<'_>,
        principal: Principal,
    ) -> Result<SignedIn, AppError> {
        let session_token = random_hex(32);
        let csrf_token = random_hex(32);
        let at = w.at_text();
        let expires = w.at() + self.settings().session_lifetime;
        sessions::insert(
            w.conn(),
            &sha256_hex(&session_token),
            principal.user_id,
            &csrf_token,
            &at,
            &format_instant(expires),
        )
        .await?;
        w.audit(Change {
            action: AuditAction::UserLogin,
            entity: "user",
            entity_id: principal.user_id.to_string(),
            before: None,
            after: Some(json!({ "session_expires_at": format_instant(expires) })),
        })
        .await?;
        Ok(SignedIn {
            session_token,
            csrf_token,
            principal,
        })
    }

    /// The person behind a session cookie, with the session's CSRF token.
    pub async fn session_principal(
        &self,
        session_token: &str,
    ) -> Result<(Principal, String), AppError> {
        let now = self.clock().now();
        let mut conn = self.store().pool().acquire().await?;
        let session = sessions::find_live(&mut conn, &sha256_hex(session_token), now)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let user = users::find(&mut conn, session.user_id)
            .await?
            .filter(|user| !user.disabled)
            .ok_or(AppError::Unauthenticated)?;
        Ok((principal_of(&mut conn, user).await?, session.csrf_token))
    }

    /// Ends a session, in the name of its user. A session that is no longer live is left to
    /// the hourly purge: it is refused when presented anyway.
    pub async fn logout(&self, session_token: &str) -> Result<(), AppError> {
        let id_hash = sha256_hex(session_token);
        let signing_out = {
            let now = self.clock().now();
            let mut conn = self.store().pool().acquire().await?;
            let Some(session) = sessions::find_live(&mut conn, &id_hash, now).await? else {
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

    /// Removes expired sessions; returns how many. A run that finds none writes nothing.
    pub async fn purge_expired_sessions(&self) -> Result<u64, AppError> {
        let mut w = self
            .write_unchecked(Acting::Operator, Grounds::Housekeeping)
            .await?;
        let at = w.at();
        let removed = sessions::delete_expired(w.conn(), at).await?;
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
    fn the_dummy_hash_parses() {
        assert!(argon2::PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
