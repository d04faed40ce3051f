//! API tokens: created by their user (or by the operator for a machine client), listed,
//! revoked, and the person behind one.

use chrono::{DateTime, Utc};
use qorgau_i18n::Message;
use qorgau_store::accounts::{tokens, users};
use serde::Serialize;
use serde_json::json;

use super::principal_of;
use crate::audit::{AuditAction, Change};
use crate::secrets::{random_hex, sha256_hex};
use crate::{Acting, App, AppError, Permission, Principal, Scope, authorize};

/// An API token as listed (the secret itself is shown once, at creation).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TokenView {
    pub id: i64,
    pub name: String,
    /// The first characters of the token, to recognise it.
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<tokens::TokenRow> for TokenView {
    fn from(row: tokens::TokenRow) -> Self {
        Self {
            id: row.id,
            name: row.name,
            prefix: row.prefix,
            created_at: row.created_at,
            revoked_at: row.revoked_at,
        }
    }
}

/// The prefix that marks a Qorgau API token.
pub const TOKEN_PREFIX: &str = "qrg_";

impl App {
    /// The person behind an API token.
    pub async fn token_principal(&self, token: &str) -> Result<Principal, AppError> {
        if !token.starts_with(TOKEN_PREFIX) {
            return Err(AppError::Unauthenticated);
        }
        let key = sha256_hex(token);
        if let Some(principal) = self.principals.get(&key) {
            return Ok(principal);
        }
        let generation = self.principals.generation();
        let mut conn = self.store().pool().acquire().await?;
        let user_id = tokens::user_of_live_token(&mut conn, &key)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let user = users::find(&mut conn, user_id)
            .await?
            .filter(|user| !user.disabled)
            .ok_or(AppError::Unauthenticated)?;
        let mut principal = principal_of(&mut conn, user).await?;
        // A pending one-time password guards the interactive sign-in; a token is a separate
        // credential, issued by the user after signing in or by the operator on purpose.
        principal.must_change_password = false;
        self.principals.insert(key, principal.clone(), generation);
        Ok(principal)
    }

    /// Creates an API token for the principal; the secret is returned once.
    pub async fn create_token(
        &self,
        principal: &Principal,
        name: &str,
    ) -> Result<(TokenView, String), AppError> {
        authorize(
            Acting::Principal(principal),
            Permission::UseOwnAccount,
            Scope::Anywhere,
        )?;
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(AppError::invalid(
                "name",
                Message::new("invalid-token-name"),
            ));
        }
        let secret = format!("{TOKEN_PREFIX}{}", random_hex(32));
        let prefix: String = secret.chars().take(TOKEN_PREFIX.len() + 8).collect();
        let mut w = self
            .write(
                Acting::Principal(principal),
                Permission::UseOwnAccount,
                Scope::Anywhere,
            )
            .await?;
        let at = w.at_text();
        let id = tokens::insert(
            w.conn(),
            principal.user_id,
            name,
            &sha256_hex(&secret),
            &prefix,
            &at,
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
            after: Some(json!({ "name": name, "prefix": prefix, "user_id": principal.user_id })),
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
        let mut w = self
            .write(
                Acting::Principal(principal),
                Permission::UseOwnAccount,
                Scope::Anywhere,
            )
            .await?;
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

    /// Creates an API token for a user from the command line (for machine clients).
    pub async fn create_token_for(
        &self,
        username: &str,
        name: &str,
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
        self.create_token(&principal, name).await
    }
}
