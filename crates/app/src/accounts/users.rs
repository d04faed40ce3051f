//! Users and their role grants: created with a one-time password, read within the reader's
//! scope, changed or disabled, and their grants replaced.

use chrono::{DateTime, Utc};
use qorgau_i18n::{Language, Message};
use qorgau_store::accounts::users::{NewUser, UserRow};
use qorgau_store::accounts::{sessions, users};
use qorgau_store::{Conn, org as org_repo};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::load_grants;
use crate::audit::{AuditAction, Change};
use crate::authz::{Grant, covers_user};
use crate::secrets::{hash_password_blocking, one_time_password};
use crate::{Acting, App, AppError, Permission, Principal, Role, Scope, authorize};

/// A user as pages and the API show them (never the password hash).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UserView {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub home_unit_id: i64,
    pub home_unit_name: String,
    pub disabled: bool,
    pub must_change_password: bool,
    /// The end of the wait that failed sign-ins imposed on the next attempt (it may have
    /// passed); nothing locks an account.
    pub locked_until: Option<DateTime<Utc>>,
    pub grants: Vec<GrantView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrantView {
    #[schema(schema_with = crate::words::word::<Role>)]
    pub role: Role,
    pub unit_id: i64,
    #[serde(default)]
    pub unit_name: String,
}

/// What an administrator gives to create a user.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUserInput {
    pub username: String,
    pub display_name: String,
    pub home_unit_id: i64,
    #[serde(default)]
    pub grants: Vec<GrantInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrantInput {
    #[schema(schema_with = crate::words::word::<Role>)]
    pub role: Role,
    pub unit_id: i64,
}

/// A change to a user's profile; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserUpdate {
    pub display_name: Option<String>,
    pub disabled: Option<bool>,
}

fn validate_username(username: &str) -> Result<(), AppError> {
    let valid = (3..=64).contains(&username.len())
        && username
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if valid {
        Ok(())
    } else {
        Err(AppError::invalid(
            "username",
            Message::new("invalid-username"),
        ))
    }
}

fn validate_display_name(name: &str) -> Result<String, AppError> {
    let trimmed = name.trim();
    if trimmed.is_empty() || trimmed.chars().count() > 200 {
        return Err(AppError::invalid(
            "display_name",
            Message::new("invalid-display-name"),
        ));
    }
    // A control character or a direction mark would show a name other than the one stored.
    if let Some(reason) = crate::validation::character_fault(trimmed, crate::validation::Lines::One)
    {
        return Err(AppError::invalid("display_name", reason));
    }
    Ok(trimmed.to_owned())
}

async fn view_of(conn: &mut Conn, user: UserRow) -> Result<UserView, AppError> {
    let home = org_repo::get(conn, user.home_unit_id).await?;
    let grants = load_grants(conn, user.id)
        .await?
        .into_iter()
        .map(|g| GrantView {
            role: g.role,
            unit_id: g.unit_id,
            unit_name: g.unit_name,
        })
        .collect();
    Ok(UserView {
        id: user.id,
        username: user.username,
        display_name: user.display_name,
        home_unit_id: user.home_unit_id,
        home_unit_name: home.name,
        disabled: user.disabled,
        must_change_password: user.must_change_password,
        locked_until: user.locked_until,
        grants,
    })
}

fn user_json(view: &UserView) -> serde_json::Value {
    serde_json::to_value(view).unwrap_or_default()
}

/// The grants `inputs` would give, with their units' paths, for [`covers_user`].
async fn grants_of(conn: &mut Conn, inputs: &[GrantInput]) -> Result<Vec<Grant>, AppError> {
    let mut grants = Vec::with_capacity(inputs.len());
    for input in inputs {
        let unit = org_repo::get(conn, input.unit_id).await?;
        grants.push(Grant {
            role: input.role,
            unit_id: unit.id,
            unit_name: unit.name,
            unit_path: unit.path,
        });
    }
    Ok(grants)
}

impl App {
    /// Creates a user with a one-time password (returned once, to hand over).
    pub async fn create_user(
        &self,
        acting: Acting<'_>,
        input: NewUserInput,
    ) -> Result<(UserView, String), AppError> {
        validate_username(&input.username)?;
        let display_name = validate_display_name(&input.display_name)?;
        let password = one_time_password();
        let hash = hash_password_blocking(&password)
            .await
            .map_err(AppError::Internal)?;
        let mut w = self.write_then_authorize(acting).await?;
        let at = w.at_text();
        let home = org_repo::find(w.conn(), input.home_unit_id)
            .await?
            .ok_or_else(|| {
                AppError::invalid(
                    "home_unit_id",
                    Message::new("invalid-unit-missing").arg("id", input.home_unit_id.to_string()),
                )
            })?;
        w.authorize(Permission::ManageUsers, Scope::Unit(&home.path))?;
        // The new user may receive roles only where the actor administers users.
        let given = grants_of(w.conn(), &input.grants).await?;
        covers_user(acting, &given, &home.path)?;
        let id = users::insert(
            w.conn(),
            &NewUser {
                username: &input.username,
                display_name: &display_name,
                password_hash: &hash,
                home_unit_id: home.id,
                must_change_password: true,
                at: &at,
            },
        )
        .await?;
        let grants: Vec<(Role, i64)> = input.grants.iter().map(|g| (g.role, g.unit_id)).collect();
        users::replace_grants(w.conn(), id, &grants).await?;
        let row = users::get(w.conn(), id).await?;
        let view = view_of(w.conn(), row).await?;
        w.audit(Change {
            action: AuditAction::UserCreate,
            entity: "user",
            entity_id: id.to_string(),
            before: None,
            after: Some(user_json(&view)),
        })
        .await?;
        w.commit().await?;
        self.principals.invalidate();
        Ok((view, password))
    }

    /// A user, if their home unit is within the reader's scope.
    pub async fn get_user(&self, acting: Acting<'_>, id: i64) -> Result<UserView, AppError> {
        let mut tx = self.store().begin_read().await?;
        let user = users::get(&mut tx, id).await?;
        let home = org_repo::get(&mut tx, user.home_unit_id).await?;
        authorize(acting, Permission::ReadUsers, Scope::Unit(&home.path))?;
        let view = view_of(&mut tx, user).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// The user with this username, for the operator's commands.
    pub async fn find_user_by_username(&self, username: &str) -> Result<UserView, AppError> {
        let mut tx = self.store().begin_read().await?;
        let user = users::find_by_username(&mut tx, username)
            .await?
            .ok_or_else(|| AppError::NotFound {
                entity: "user",
                id: username.to_owned(),
            })?;
        let view = view_of(&mut tx, user).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// The users whose home unit lies within the reader's scope.
    pub async fn list_users(&self, acting: Acting<'_>) -> Result<Vec<UserView>, AppError> {
        authorize(acting, Permission::ReadUsers, Scope::Anywhere)?;
        let paths = match acting {
            Acting::Principal(p) => Some(p.paths_with(Permission::ReadUsers)),
            Acting::Operator | Acting::Anonymous => None,
        };
        let mut tx = self.store().begin_read().await?;
        let units = org_repo::list(&mut tx).await?;
        let mut views = Vec::new();
        for user in users::list(&mut tx).await? {
            let home_path = units
                .iter()
                .find(|u| u.id == user.home_unit_id)
                .map(|u| u.path.as_str())
                .unwrap_or_default();
            let visible = paths
                .as_ref()
                .is_none_or(|paths| paths.iter().any(|p| home_path.starts_with(p.as_str())));
            if visible {
                views.push(view_of(&mut tx, user).await?);
            }
        }
        tx.commit().await?;
        Ok(views)
    }

    /// Changes a user's display name or disables / re-enables the account. Disabling ends the
    /// user's sessions; their API tokens stop working while disabled.
    pub async fn update_user(
        &self,
        acting: Acting<'_>,
        id: i64,
        update: UserUpdate,
    ) -> Result<UserView, AppError> {
        let mut w = self.write_then_authorize(acting).await?;
        let user = users::get(w.conn(), id).await?;
        let home = org_repo::get(w.conn(), user.home_unit_id).await?;
        w.authorize(Permission::ManageUsers, Scope::Unit(&home.path))?;
        // Re-enabling or renaming a user acts on everything they hold, not only on their home.
        let held = load_grants(w.conn(), id).await?;
        covers_user(acting, &held, &home.path)?;
        if let (Acting::Principal(me), Some(true)) = (acting, update.disabled)
            && me.user_id == id
        {
            return Err(AppError::invalid(
                "disabled",
                Message::new("invalid-self-disable"),
            ));
        }
        let before = view_of(w.conn(), user.clone()).await?;
        let display_name = match &update.display_name {
            Some(name) => validate_display_name(name)?,
            None => user.display_name.clone(),
        };
        let disabled = update.disabled.unwrap_or(user.disabled);
        let at = w.at_text();
        users::set_profile(w.conn(), id, &display_name, disabled, &at).await?;
        if disabled {
            sessions::delete_for_user(w.conn(), id).await?;
        }
        let row = users::get(w.conn(), id).await?;
        let after = view_of(w.conn(), row).await?;
        let action = match (before.disabled, after.disabled) {
            (false, true) => AuditAction::UserDisable,
            (true, false) => AuditAction::UserEnable,
            _ => AuditAction::UserUpdate,
        };
        w.audit(Change {
            action,
            entity: "user",
            entity_id: id.to_string(),
            before: Some(user_json(&before)),
            after: Some(user_json(&after)),
        })
        .await?;
        w.commit().await?;
        self.principals.invalidate();
        Ok(after)
    }

    /// Replaces a user's role grants. The actor must manage users on the user's home unit and on
    /// every unit of the old and the new grants ([`covers_user`]); nobody changes their own
    /// grants.
    pub async fn set_grants(
        &self,
        acting: Acting<'_>,
        id: i64,
        grants: Vec<GrantInput>,
    ) -> Result<UserView, AppError> {
        let mut w = self.write_then_authorize(acting).await?;
        let user = users::get(w.conn(), id).await?;
        let home = org_repo::get(w.conn(), user.home_unit_id).await?;
        w.authorize(Permission::ManageUsers, Scope::Unit(&home.path))?;
        if let Acting::Principal(me) = acting
            && me.user_id == id
        {
            return Err(AppError::invalid(
                "grants",
                Message::new("invalid-self-grants"),
            ));
        }
        let held = load_grants(w.conn(), id).await?;
        covers_user(acting, &held, &home.path)?;
        let given = grants_of(w.conn(), &grants).await?;
        covers_user(acting, &given, &home.path)?;
        let before = view_of(w.conn(), user).await?;
        let mut pairs: Vec<(Role, i64)> = grants.iter().map(|g| (g.role, g.unit_id)).collect();
        pairs.sort();
        pairs.dedup();
        users::replace_grants(w.conn(), id, &pairs).await?;
        let row = users::get(w.conn(), id).await?;
        let after = view_of(w.conn(), row).await?;
        w.audit(Change {
            action: AuditAction::UserGrants,
            entity: "user",
            entity_id: id.to_string(),
            before: Some(json!(before.grants)),
            after: Some(json!(after.grants)),
        })
        .await?;
        w.commit().await?;
        self.principals.invalidate();
        Ok(after)
    }
}

impl App {
    /// Records the interface language `principal` chose for themselves.
    pub async fn set_language(
        &self,
        principal: &Principal,
        language: Language,
    ) -> Result<(), AppError> {
        let mut w = self.write_own(principal).await?;
        let before = users::get(w.conn(), principal.user_id).await?.language;
        let at = w.at_text();
        users::set_language(w.conn(), principal.user_id, language, &at).await?;
        w.audit(Change {
            action: AuditAction::UserLanguage,
            entity: "user",
            entity_id: principal.user_id.to_string(),
            before: Some(json!({ "language": before })),
            after: Some(json!({ "language": language })),
        })
        .await?;
        w.commit().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_checked() {
        assert!(validate_username("a.kairatuly").is_ok());
        assert!(validate_username("ab").is_err());
        assert!(validate_username("Admin").is_err());
        assert!(validate_username("a b").is_err());
    }
}
