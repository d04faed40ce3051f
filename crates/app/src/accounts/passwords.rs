//! Passwords: changing one's own, and an administrator's reset to a one-time password.

use qorgau_i18n::Message;
use qorgau_store::accounts::{sessions, users};
use qorgau_store::org as org_repo;
use serde_json::json;

use super::sessions::SignedIn;
use crate::audit::{AuditAction, Change};
use crate::secrets::{hash_password_blocking, one_time_password, verify_password_blocking};
use crate::{Acting, App, AppError, Permission, Principal, Scope, authorize};

impl App {
    /// Changes one's own password; every session of the user ends and a new one opens.
    pub async fn change_password(
        &self,
        principal: &Principal,
        current: &str,
        new: &str,
    ) -> Result<SignedIn, AppError> {
        authorize(
            Acting::Principal(principal),
            Permission::UseOwnAccount,
            Scope::Anywhere,
        )?;
        let user = {
            let mut conn = self.store().pool().acquire().await?;
            users::get(&mut conn, principal.user_id).await?
        };
        if !verify_password_blocking(current, &user.password_hash).await {
            return Err(AppError::invalid(
                "current_password",
                Message::new("invalid-current-password"),
            ));
        }
        self.check_new_password(&user.username, current, new)?;
        let hash = hash_password_blocking(new)
            .await
            .map_err(AppError::Internal)?;
        let mut w = self
            .write(
                Acting::Principal(principal),
                Permission::UseOwnAccount,
                Scope::Anywhere,
            )
            .await?;
        let at = w.at_text();
        users::set_password(w.conn(), user.id, &hash, false, &at).await?;
        sessions::delete_for_user(w.conn(), user.id).await?;
        w.audit(Change {
            action: AuditAction::UserPasswordChange,
            entity: "user",
            entity_id: user.id.to_string(),
            before: Some(json!({ "must_change_password": user.must_change_password })),
            after: Some(json!({ "must_change_password": false })),
        })
        .await?;
        let mut fresh = principal.clone();
        fresh.must_change_password = false;
        let signed_in = self.open_session(&mut w, fresh).await?;
        w.commit().await?;
        self.principals.invalidate();
        Ok(signed_in)
    }

    fn check_new_password(&self, username: &str, current: &str, new: &str) -> Result<(), AppError> {
        let min = self.settings().min_password_length;
        if new.chars().count() < min {
            return Err(AppError::invalid(
                "new_password",
                Message::new("invalid-password-short").arg("min", min as i64),
            ));
        }
        if new == current {
            return Err(AppError::invalid(
                "new_password",
                Message::new("invalid-password-same"),
            ));
        }
        if new.to_lowercase().contains(&username.to_lowercase()) {
            return Err(AppError::invalid(
                "new_password",
                Message::new("invalid-password-username"),
            ));
        }
        Ok(())
    }

    /// Gives a user a new one-time password (and ends their sessions and lock).
    pub async fn reset_password(&self, acting: Acting<'_>, id: i64) -> Result<String, AppError> {
        let password = one_time_password();
        let hash = hash_password_blocking(&password)
            .await
            .map_err(AppError::Internal)?;
        let mut w = self.write_then_authorize(acting).await?;
        let user = users::get(w.conn(), id).await?;
        let home = org_repo::get(w.conn(), user.home_unit_id).await?;
        w.authorize(Permission::ManageUsers, Scope::Unit(&home.path))?;
        let at = w.at_text();
        users::set_password(w.conn(), id, &hash, true, &at).await?;
        sessions::delete_for_user(w.conn(), id).await?;
        w.audit(Change {
            action: AuditAction::UserPasswordReset,
            entity: "user",
            entity_id: id.to_string(),
            before: None,
            after: Some(json!({ "must_change_password": true })),
        })
        .await?;
        w.commit().await?;
        self.principals.invalidate();
        Ok(password)
    }
}
