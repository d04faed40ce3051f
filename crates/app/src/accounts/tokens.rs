//! API tokens: created by their user (or by the operator for a machine client), listed with
//! their expiry and last use, revoked, and the person behind one.
//!
//! A token lapses after its lifetime (90 days unless chosen otherwise, at most a year); one
//! made before expiry was recorded lapses 90 days after its creation. Every token of a user is
//! revoked when their password changes or an administrator resets it (`passwords`).

use chrono::{DateTime, Duration, Utc};
use qorgau_i18n::Message;
use qorgau_store::accounts::tokens::TokenRow;
use qorgau_store::accounts::{tokens, users};
use serde::Serialize;
use serde_json::json;

use super::principal_of;
use crate::audit::{AuditAction, Change};
use crate::secrets::{random_hex, sha256_hex};
use crate::{Acting, App, AppError, Permission, Principal, Scope, authorize, format_instant};

/// An API token as listed (the secret itself is shown once, at creation).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TokenView {
    pub id: i64,
    pub name: String,
    /// The first characters of the token, to recognise it.
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// When it lapses (for a token made before expiry was recorded: 90 days after creation).
    pub expires_at: DateTime<Utc>,
    /// When it last authenticated a request (recorded at most once a minute), if ever.
    pub last_used_at: Option<DateTime<Utc>>,
}

impl From<TokenRow> for TokenView {
    fn from(row: TokenRow) -> Self {
        Self {
            id: row.id,
            name: row.name,
            prefix: row.prefix,
            created_at: row.created_at,
            revoked_at: row.revoked_at,
            expires_at: row
                .expires_at
                .unwrap_or_else(|| row.created_at + unrecorded_lifetime()),
            last_used_at: row.last_used_at,
        }
    }
}

/// The prefix that marks a Qorgau API token.
pub const TOKEN_PREFIX: &str = "qrg_";

/// The lifetime of a new token, in days, unless its maker chooses another.
pub const DEFAULT_TOKEN_DAYS: i64 = 90;
/// The longest lifetime a token may be given, in days.
pub const MAX_TOKEN_DAYS: i64 = 365;

/// How long a token made before expiry was recorded lives, from its creation.
fn unrecorded_lifetime() -> Duration {
    Duration::days(DEFAULT_TOKEN_DAYS)
}

/// How often at most a token's last use is written.
fn touch_every() -> Duration {
    Duration::minutes(1)
}

impl App {
    /// The person behind an API token that is neither revoked nor lapsed.
    pub async fn token_principal(&self, token: &str) -> Result<Principal, AppError> {
        if !token.starts_with(TOKEN_PREFIX) {
            return Err(AppError::Unauthenticated);
        }
        let now = self.clock().now();
        let key = sha256_hex(token);
        // A cached principal is served without a query, and so without a write either.
        if let Some(principal) = self.principals.get(&key, now) {
            return Ok(principal);
        }
        let generation = self.principals.generation();
        let mut conn = self.store().pool().acquire().await?;
        let row = tokens::find_live(&mut conn, &key, now, now - unrecorded_lifetime())
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let user = users::find(&mut conn, row.user_id)
            .await?
            .filter(|user| !user.disabled)
            .ok_or(AppError::Unauthenticated)?;
        let mut principal = principal_of(&mut conn, user).await?;
        // A pending one-time password guards the interactive sign-in; a token is a separate
        // credential, issued by the user after signing in or by the operator on purpose.
        principal.must_change_password = false;
        if row
            .last_used_at
            .is_none_or(|used| now - used >= touch_every())
        {
            // The last use is bookkeeping, not a change anyone made: not audited, and a failure
            // to write it (a busy database) does not refuse the request.
            let unless_since = format_instant(now - touch_every());
            if let Err(error) =
                tokens::touch(&mut conn, row.id, &format_instant(now), &unless_since).await
            {
                tracing::warn!(%error, "the token's last use was not recorded");
            }
        }
        let view = TokenView::from(row);
        self.principals
            .insert(key, principal.clone(), generation, view.expires_at);
        Ok(principal)
    }

    /// Creates an API token for the principal, lasting [`DEFAULT_TOKEN_DAYS`]; the secret is
    /// returned once.
    pub async fn create_token(
        &self,
        principal: &Principal,
        name: &str,
    ) -> Result<(TokenView, String), AppError> {
        self.create_token_lasting(principal, name, DEFAULT_TOKEN_DAYS)
            .await
    }

    /// Creates an API token for the principal that lapses after `days` (1 to
    /// [`MAX_TOKEN_DAYS`]); the secret is returned once.
    pub async fn create_token_lasting(
        &self,
        principal: &Principal,
        name: &str,
        days: i64,
    ) -> Result<(TokenView, String), AppError> {
        authorize(
            Acting::Principal(principal),
            Permission::UseOwnAccount,
            Scope::Anywhere,
        )?;
        // A token outlives the session: it must not be made with a one-time password.
        if principal.must_change_password {
            return Err(AppError::PasswordChangeRequired);
        }
        let name = crate::validation::line("name", name, 100)?;
        let name = name.as_str();
        if !(1..=MAX_TOKEN_DAYS).contains(&days) {
            return Err(AppError::invalid(
                "days",
                Message::new("invalid-token-days").arg("max", MAX_TOKEN_DAYS),
            ));
        }
        let secret = format!("{TOKEN_PREFIX}{}", random_hex(32));
        let prefix: String = secret.chars().take(TOKEN_PREFIX.len() + 8).collect();
        let mut w = self.write_own(principal).await?;
        let at = w.at_text();
        let expires_at = format_instant(w.at() + Duration::days(days));
        let id = tokens::insert(
            w.conn(),
            &tokens::NewToken {
                user_id: principal.user_id,
                name,
                token_hash: &sha256_hex(&secret),
                prefix: &prefix,
                at: &at,
                expires_at: &expires_at,
            },
        )
        .await?;
        let row = tokens::find(w.conn(), id)
            .await?
            .ok_or(AppError::NotFound {
                entity: "token",
                id: id.to_string(),
            })?;
        w.audit(Change {
            action: AuditAction::TokenCreate,
            entity: "token",
            entity_id: id.to_string(),
            before: None,
            after: Some(json!({
                "name": name,
                "prefix": prefix,
                "user_id": principal.user_id,
                "expires_at": expires_at,
            })),
        })
        .await?;
        w.commit().await?;
        Ok((row.into(), secret))
    }

    pub async fn list_tokens(&self, principal: &Principal) -> Result<Vec<TokenView>, AppError> {
        authorize(
            Acting::Principal(principal),
            Permission::UseOwnAccount,
            Scope::Anywhere,
        )?;
        let mut conn = self.store().pool().acquire().await?;
        Ok(tokens::list_for_user(&mut conn, principal.user_id)
            .await?
            .into_iter()
            .map(TokenView::from)
            .collect())
    }

    /// Revokes one of the principal's own tokens.
    pub async fn revoke_token(
        &self,
        principal: &Principal,
        id: i64,
    ) -> Result<TokenView, AppError> {
        let mut w = self.write_own(principal).await?;
        let not_found = || AppError::NotFound {
            entity: "token",
            id: id.to_string(),
        };
        let row = tokens::find(w.conn(), id)
            .await?
            .filter(|row| row.user_id == principal.user_id)
            .ok_or_else(not_found)?;
        if row.revoked_at.is_some() {
            // Already revoked: nothing changes, so nothing is written or recorded.
            return Ok(row.into());
        }
        let at = w.at_text();
        tokens::revoke(w.conn(), id, &at).await?;
        w.audit(Change {
            action: AuditAction::TokenRevoke,
            entity: "token",
            entity_id: id.to_string(),
            before: Some(json!({ "revoked_at": null })),
            after: Some(json!({ "revoked_at": at })),
        })
        .await?;
        let row = tokens::find(w.conn(), id).await?.ok_or_else(not_found)?;
        w.commit().await?;
        self.principals.invalidate();
        Ok(row.into())
    }

    /// Creates an API token for a user from the command line (for machine clients), lasting
    /// [`DEFAULT_TOKEN_DAYS`].
    pub async fn create_token_for(
        &self,
        username: &str,
        name: &str,
    ) -> Result<(TokenView, String), AppError> {
        self.create_token_for_lasting(username, name, DEFAULT_TOKEN_DAYS)
            .await
    }

    /// Creates an API token for a user from the command line that lapses after `days`.
    pub async fn create_token_for_lasting(
        &self,
        username: &str,
        name: &str,
        days: i64,
    ) -> Result<(TokenView, String), AppError> {
        let mut conn = self.store().pool().acquire().await?;
        let user = users::find_by_username(&mut conn, username)
            .await?
            .ok_or_else(|| AppError::NotFound {
                entity: "user",
                id: username.to_owned(),
            })?;
        let mut principal = principal_of(&mut conn, user).await?;
        drop(conn);
        // The operator acts for the user; a pending one-time password does not block this.
        principal.must_change_password = false;
        self.create_token_lasting(&principal, name, days).await
    }
}
