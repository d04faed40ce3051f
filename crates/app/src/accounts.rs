//! Accounts: sign-in with back-off, sessions, API tokens, password changes, and the
//! administration of users and their role grants.

use qorgau_i18n::Message;
use qorgau_store::users::{NewUser, UserRow};
use qorgau_store::{Conn, org as org_repo, sessions, tokens, users};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::audit::{AuditAction, Change};
use crate::authz::Grant;
use crate::clock::parse_instant;
use crate::secrets::{
    hash_password_blocking, one_time_password, random_hex, sha256_hex, verify_password_blocking,
};
use crate::write::{Grounds, Write};
use crate::{Acting, App, AppError, Permission, Principal, Role, Scope, authorize, format_instant};

/// A new browser session: the cookie value and the token every form must echo.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub session_token: String,
    pub csrf_token: String,
    pub principal: Principal,
}

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
    /// Set while the account is locked after failed sign-ins (UTC).
    pub locked_until: Option<String>,
    pub grants: Vec<GrantView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrantView {
    pub role: Role,
    pub unit_id: i64,
    #[serde(default, skip_deserializing)]
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

/// An API token as listed (the secret itself is shown once, at creation).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TokenView {
    pub id: i64,
    pub name: String,
    /// The first characters of the token, to recognise it.
    pub prefix: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
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

/// A fixed argon2id hash to verify against when the username is unknown, so a wrong username
/// takes as long as a wrong password.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Jm7gq7mNbcbqwpKJqQb5b8Y2eZr7Bq+Xkq3oF5v8pQk";

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
    Ok(trimmed.to_owned())
}

async fn load_grants(conn: &mut Conn, user_id: i64) -> Result<Vec<Grant>, AppError> {
    let rows = users::grants(conn, user_id).await?;
    rows.into_iter()
        .map(|row| {
            let role = row
                .role
                .parse::<Role>()
                .map_err(|e| AppError::Internal(format!("stored grant of user {user_id}: {e}")))?;
            Ok(Grant {
                role,
                unit_id: row.unit_id,
                unit_name: row.unit_name,
                unit_path: row.unit_path,
            })
        })
        .collect()
}

async fn principal_of(conn: &mut Conn, user: UserRow) -> Result<Principal, AppError> {
    let grants = load_grants(conn, user.id).await?;
    Ok(Principal {
        user_id: user.id,
        username: user.username,
        display_name: user.display_name,
        home_unit_id: user.home_unit_id,
        grants,
        must_change_password: user.must_change_password,
    })
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
        if let Some(until) = user.locked_until.as_deref().and_then(parse_instant)
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
                .then(|| format_instant(at + self.lock_duration(failures)));
            users::set_login_state(w.conn(), user.id, failures, locked_until.as_deref()).await?;
            w.audit(Change {
                action: AuditAction::UserLoginFailed,
                entity: "user",
                entity_id: user.id.to_string(),
                before: Some(json!({ "failed_logins": user.failed_logins })),
                after: Some(json!({ "failed_logins": failures, "locked_until": locked_until })),
            })
            .await?;
            w.commit().await?;
            return Err(match locked_until {
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
    async fn open_session(
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
        let now = format_instant(self.clock().now());
        let mut conn = self.store().pool().acquire().await?;
        let session = sessions::find_live(&mut conn, &sha256_hex(session_token), &now)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let user = users::find(&mut conn, session.user_id)
            .await?
            .filter(|user| !user.disabled)
            .ok_or(AppError::Unauthenticated)?;
        Ok((principal_of(&mut conn, user).await?, session.csrf_token))
    }

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

    /// Ends a session, in the name of its user. A session that is no longer live is left to
    /// the hourly purge: it is refused when presented anyway.
    pub async fn logout(&self, session_token: &str) -> Result<(), AppError> {
        let id_hash = sha256_hex(session_token);
        let signing_out = {
            let now = format_instant(self.clock().now());
            let mut conn = self.store().pool().acquire().await?;
            let Some(session) = sessions::find_live(&mut conn, &id_hash, &now).await? else {
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
        let at = w.at_text();
        let removed = sessions::delete_expired(w.conn(), &at).await?;
        if removed == 0 {
            // Nothing changed: the transaction is rolled back rather than audited.
            return Ok(0);
        }
        w.audit(Change::recorded(
            AuditAction::SessionsPurge,
            "session",
            removed,
            json!({ "removed": removed, "expired_before": at }),
        ))
        .await?;
        w.commit().await?;
        Ok(removed)
    }

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

    async fn authorize_grants(
        &self,
        conn: &mut Conn,
        acting: Acting<'_>,
        grants: &[GrantInput],
    ) -> Result<(), AppError> {
        for grant in grants {
            let unit = org_repo::get(conn, grant.unit_id).await?;
            authorize(acting, Permission::ManageUsers, Scope::Unit(&unit.path))?;
        }
        Ok(())
    }

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
                    Message::new("invalid-unit-missing").arg("id", input.home_unit_id),
                )
            })?;
        w.authorize(Permission::ManageUsers, Scope::Unit(&home.path))?;
        self.authorize_grants(w.conn(), acting, &input.grants)
            .await?;
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
        let grants: Vec<(String, i64)> = input
            .grants
            .iter()
            .map(|g| (g.role.to_string(), g.unit_id))
            .collect();
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
    /// every unit of the old and the new grants; nobody changes their own grants.
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
        let before = view_of(w.conn(), user).await?;
        let old: Vec<GrantInput> = before
            .grants
            .iter()
            .map(|g| GrantInput {
                role: g.role,
                unit_id: g.unit_id,
            })
            .collect();
        self.authorize_grants(w.conn(), acting, &old).await?;
        self.authorize_grants(w.conn(), acting, &grants).await?;
        let mut pairs: Vec<(String, i64)> = grants
            .iter()
            .map(|g| (g.role.to_string(), g.unit_id))
            .collect();
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

/// A fresh random token for a form that has no session yet (the sign-in form).
pub fn new_form_token() -> String {
    random_hex(32)
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

    #[test]
    fn the_dummy_hash_parses() {
        assert!(argon2::PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
