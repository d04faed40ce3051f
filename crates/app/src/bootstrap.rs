//! The first start: the root of the tree, the library and the first administrator. The demo
//! data lives apart, in `crate::demo` behind the `demo` feature.

use qorgau_store::accounts::users;

use crate::accounts::{GrantInput, NewUserInput};
use crate::{Acting, App, AppError, Role};

/// The name of the root unit.
pub const ROOT_NAME: &str = "Republic of Kazakhstan";
/// The username of the first administrator.
pub const ADMIN_USERNAME: &str = "admin";

/// What the first start did.
#[derive(Debug, Clone, Default)]
pub struct Bootstrapped {
    /// The root unit.
    pub root_id: i64,
    /// The administrator's one-time password, when one was issued.
    pub admin_password: Option<String>,
}

impl App {
    /// Makes sure the tree has its root, the library is loaded and an administrator exists.
    pub async fn bootstrap(&self) -> Result<Bootstrapped, AppError> {
        let root = self.ensure_root(ROOT_NAME).await?;
        self.load_library().await?;
        let mut result = Bootstrapped {
            root_id: root.id,
            admin_password: None,
        };
        let user_count = {
            let mut conn = self.store().pool().acquire().await?;
            users::count(&mut conn).await?
        };
        if user_count == 0 {
            let (_, password) = self
                .create_user(
                    Acting::Operator,
                    NewUserInput {
                        username: ADMIN_USERNAME.to_owned(),
                        display_name: "Administrator".to_owned(),
                        home_unit_id: root.id,
                        grants: vec![GrantInput {
                            role: Role::Administrator,
                            unit_id: root.id,
                        }],
                    },
                )
                .await?;
            result.admin_password = Some(password);
        }
        Ok(result)
    }
}
