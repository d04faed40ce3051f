//! Accounts and their role grants.

use chrono::{DateTime, Utc};

use qorgau_i18n::Language;

use crate::{Conn, StoreError, decode};

qorgau_i18n::vocabulary! {
    /// The roles of Qorgau's users, as grants store them. What each role allows is the
    /// application's table (`qorgau_app::roles`); the words live here because grants store them.
    #[derive(Debug, PartialOrd, Ord)]
    pub enum Role: "role-" {
        Administrator = "administrator",
        Commander = "commander",
        SafetyOfficer = "safety_officer",
        Inspector = "inspector",
        RegistrationOfficer = "registration_officer",
        Analyst = "analyst",
        CouncilSecretariat = "council_secretariat",
        Auditor = "auditor",
    }
}

/// A user as stored. Not serialised anywhere: the application shows users through its views,
/// which never carry the password hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub home_unit_id: i64,
    pub disabled: bool,
    pub must_change_password: bool,
    pub failed_logins: i64,
    pub locked_until: Option<DateTime<Utc>>,
    /// The interface language the person chose; `None` until they choose.
    pub language: Option<Language>,
    /// The client address key (see the sign-in throttle) of the last successful sign-in.
    pub last_sign_in_address: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, sqlx::any::AnyRow> for UserRow {
    fn from_row(row: &sqlx::any::AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            username: row.try_get("username")?,
            display_name: row.try_get("display_name")?,
            password_hash: row.try_get("password_hash")?,
            home_unit_id: row.try_get("home_unit_id")?,
            disabled: decode::flag(row, "disabled")?,
            must_change_password: decode::flag(row, "must_change_password")?,
            failed_logins: row.try_get("failed_logins")?,
            locked_until: decode::opt_instant(row, "locked_until")?,
            language: decode::opt_word(row, "language")?,
            last_sign_in_address: row.try_get("last_sign_in_address")?,
            created_at: decode::instant(row, "created_at")?,
            updated_at: decode::instant(row, "updated_at")?,
        })
    }
}

/// A role granted on a unit, with the unit's path for scope checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantRow {
    pub role: Role,
    pub unit_id: i64,
    pub unit_path: String,
    pub unit_name: String,
}

impl sqlx::FromRow<'_, sqlx::any::AnyRow> for GrantRow {
    fn from_row(row: &sqlx::any::AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            role: decode::word(row, "role")?,
            unit_id: row.try_get("unit_id")?,
            unit_path: row.try_get("unit_path")?,
            unit_name: row.try_get("unit_name")?,
        })
    }
}

macro_rules! columns {
    () => {
        "id, username, display_name, password_hash, home_unit_id, disabled, \
    must_change_password, failed_logins, locked_until, language, last_sign_in_address, \
    created_at, updated_at"
    };
}

pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub home_unit_id: i64,
    pub must_change_password: bool,
    pub at: &'a str,
}

pub async fn insert(conn: &mut Conn, user: &NewUser<'_>) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO users (username, display_name, password_hash, home_unit_id, disabled, \
         must_change_password, failed_logins, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, 0, $5, 0, $6, $6) RETURNING id",
    )
    .bind(user.username)
    .bind(user.display_name)
    .bind(user.password_hash)
    .bind(user.home_unit_id)
    .bind(decode::encode_flag(user.must_change_password))
    .bind(user.at)
    .fetch_one(conn)
    .await
    .map_err(|e| StoreError::conflict_or(e, || format!("user {:?}", user.username)))
}

pub async fn find(conn: &mut Conn, id: i64) -> Result<Option<UserRow>, StoreError> {
    Ok(
        sqlx::query_as(concat!("SELECT ", columns!(), " FROM users WHERE id = $1"))
            .bind(id)
            .fetch_optional(conn)
            .await?,
    )
}

pub async fn get(conn: &mut Conn, id: i64) -> Result<UserRow, StoreError> {
    find(conn, id).await?.ok_or(StoreError::NotFound {
        entity: "user",
        id: id.to_string(),
    })
}

pub async fn find_by_username(
    conn: &mut Conn,
    username: &str,
) -> Result<Option<UserRow>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM users WHERE username = $1"
    ))
    .bind(username)
    .fetch_optional(conn)
    .await?)
}

pub async fn list(conn: &mut Conn) -> Result<Vec<UserRow>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM users ORDER BY username"
    ))
    .fetch_all(conn)
    .await?)
}

pub async fn count(conn: &mut Conn) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(conn)
        .await?)
}

/// Records the outcome of a sign-in attempt: the count of consecutive failures and the end of
/// the wait they impose on the next attempt (`locked_until`), or a reset.
pub async fn set_login_state(
    conn: &mut Conn,
    id: i64,
    failed_logins: i64,
    locked_until: Option<DateTime<Utc>>,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET failed_logins = $1, locked_until = $2 WHERE id = $3")
        .bind(failed_logins)
        .bind(locked_until.map(decode::format_instant))
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Clears the failure count after a successful sign-in from client address `address` (its
/// throttle key), which becomes the account's known address when there is one.
pub async fn record_sign_in(
    conn: &mut Conn,
    id: i64,
    address: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE users SET failed_logins = 0, locked_until = NULL, \
         last_sign_in_address = COALESCE($1, last_sign_in_address) WHERE id = $2",
    )
    .bind(address)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records the interface language the person chose.
pub async fn set_language(
    conn: &mut Conn,
    id: i64,
    language: Language,
    at: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET language = $1, updated_at = $2 WHERE id = $3")
        .bind(language.as_str())
        .bind(at)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_password(
    conn: &mut Conn,
    id: i64,
    password_hash: &str,
    must_change_password: bool,
    at: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE users SET password_hash = $1, must_change_password = $2, failed_logins = 0, \
         locked_until = NULL, updated_at = $3 WHERE id = $4",
    )
    .bind(password_hash)
    .bind(decode::encode_flag(must_change_password))
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_profile(
    conn: &mut Conn,
    id: i64,
    display_name: &str,
    disabled: bool,
    at: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET display_name = $1, disabled = $2, updated_at = $3 WHERE id = $4")
        .bind(display_name)
        .bind(decode::encode_flag(disabled))
        .bind(at)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn grants(conn: &mut Conn, user_id: i64) -> Result<Vec<GrantRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT g.role AS role, g.unit_id AS unit_id, u.path AS unit_path, u.name AS unit_name \
         FROM grants g JOIN org_units u ON u.id = g.unit_id WHERE g.user_id = $1 ORDER BY g.role, u.path",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await?)
}

/// Replaces every grant of the user.
pub async fn replace_grants(
    conn: &mut Conn,
    user_id: i64,
    grants: &[(Role, i64)],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM grants WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    for (role, unit_id) in grants {
        sqlx::query("INSERT INTO grants (user_id, role, unit_id) VALUES ($1, $2, $3)")
            .bind(user_id)
            .bind(role.as_str())
            .bind(unit_id)
            .execute(&mut *conn)
            .await
            .map_err(|e| {
                StoreError::conflict_or(e, || format!("grant {role} on unit {unit_id}"))
            })?;
    }
    Ok(())
}
