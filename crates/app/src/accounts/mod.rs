//! Accounts: sign-in with throttling, sessions, API tokens, password changes and their
//! strength, and the administration of users and their role grants.

mod passwords;
mod sessions;
mod throttle;
mod tokens;
mod users;

pub use sessions::{SessionView, SignedIn, new_form_token, session_handle};
pub(crate) use throttle::SignInThrottle;
pub use tokens::{DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS, TOKEN_PREFIX, TokenView};
pub use users::{GrantInput, GrantView, NewUserInput, UserUpdate, UserView};

use qorgau_store::Conn;
use qorgau_store::accounts::users::UserRow;

use crate::authz::Grant;
use crate::{AppError, Principal};

async fn load_grants(conn: &mut Conn, user_id: i64) -> Result<Vec<Grant>, AppError> {
    let rows = qorgau_store::accounts::users::grants(conn, user_id).await?;
    Ok(rows
        .into_iter()
        .map(|row| Grant {
            role: row.role,
            unit_id: row.unit_id,
            unit_name: row.unit_name,
            unit_path: row.unit_path,
        })
        .collect())
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
        language: user.language,
    })
}
