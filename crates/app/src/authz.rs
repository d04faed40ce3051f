//! The one authorisation function. Every route of the HTTP API and every page calls a workflow,
//! and every workflow calls [`authorize`] with the permission it needs and the scope of what it
//! touches; nothing else grants access.

use serde::Serialize;

use crate::roles::Rights;
use crate::{AppError, Permission, Role};

/// A signed-in user as the application sees them on one request.
#[derive(Debug, Clone, Serialize)]
pub struct Principal {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub home_unit_id: i64,
    pub grants: Vec<Grant>,
    pub must_change_password: bool,
}

/// A role held on a unit and everything below it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Grant {
    pub role: Role,
    pub unit_id: i64,
    pub unit_name: String,
    /// The unit's materialised path (`/1/5/`).
    pub unit_path: String,
}

/// Who is acting: a signed-in person, or the operator at the command line (who already holds
/// the database and is therefore not asked).
#[derive(Debug, Clone, Copy)]
pub enum Acting<'a> {
    Principal(&'a Principal),
    Operator,
    /// Someone not signed in (a failed sign-in attempt is recorded under this name).
    Anonymous,
}

/// What an action touches.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// Something that belongs to no unit (the rules, one's own account): the permission must be
    /// held somewhere.
    Anywhere,
    /// Something that belongs to the unit with this materialised path.
    Unit(&'a str),
}

/// Decides whether `acting` may do what needs `permission` on `scope`.
///
/// A person may when one of their grants gives a role that allows the permission on a unit whose
/// subtree holds the scope. A person who still has to change a one-time password may do only
/// that.
pub fn authorize(
    acting: Acting<'_>,
    permission: Permission,
    scope: Scope<'_>,
) -> Result<(), AppError> {
    let principal = match acting {
        Acting::Operator => return Ok(()),
        Acting::Anonymous => return Err(AppError::Unauthenticated),
        Acting::Principal(principal) => principal,
    };
    if principal.must_change_password && permission != Permission::UseOwnAccount {
        return Err(AppError::PasswordChangeRequired);
    }
    let allowed = principal.grants.iter().any(|grant| {
        grant.role.allows(permission)
            && match scope {
                Scope::Anywhere => true,
                Scope::Unit(path) => path.starts_with(grant.unit_path.as_str()),
            }
    });
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden { permission })
    }
}

impl Principal {
    /// Whether the permission is held on any unit: decides which parts of the navigation show.
    pub fn can(&self, permission: Permission) -> bool {
        authorize(Acting::Principal(self), permission, Scope::Anywhere).is_ok()
    }

    /// The unit paths on which `permission` is held, to filter lists.
    pub fn paths_with(&self, permission: Permission) -> Vec<String> {
        self.grants
            .iter()
            .filter(|grant| grant.role.allows(permission))
            .map(|grant| grant.unit_path.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn principal(role: Role, path: &str) -> Principal {
        Principal {
            user_id: 1,
            username: "u".into(),
            display_name: "U".into(),
            home_unit_id: 1,
            grants: vec![Grant {
                role,
                unit_id: 2,
                unit_name: "unit".into(),
                unit_path: path.into(),
            }],
            must_change_password: false,
        }
    }

    #[test]
    fn a_grant_covers_its_subtree_and_nothing_beside_it() {
        let admin = principal(Role::Administrator, "/1/2/");
        let acting = Acting::Principal(&admin);
        assert!(authorize(acting, Permission::ManageUsers, Scope::Unit("/1/2/")).is_ok());
        assert!(authorize(acting, Permission::ManageUsers, Scope::Unit("/1/2/7/")).is_ok());
        assert!(authorize(acting, Permission::ManageUsers, Scope::Unit("/1/")).is_err());
        assert!(authorize(acting, Permission::ManageUsers, Scope::Unit("/1/3/")).is_err());
        // "/1/2/" must not cover "/1/20/": paths end with a slash for this reason.
        assert!(authorize(acting, Permission::ManageUsers, Scope::Unit("/1/20/")).is_err());
    }

    #[test]
    fn the_role_must_allow_the_permission() {
        let auditor = principal(Role::Auditor, "/1/");
        assert!(
            authorize(
                Acting::Principal(&auditor),
                Permission::ReadAudit,
                Scope::Unit("/1/4/")
            )
            .is_ok()
        );
        assert!(matches!(
            authorize(
                Acting::Principal(&auditor),
                Permission::ManageUsers,
                Scope::Unit("/1/4/")
            ),
            Err(AppError::Forbidden { .. })
        ));
    }

    #[test]
    fn a_one_time_password_must_be_changed_first() {
        let mut admin = principal(Role::Administrator, "/1/");
        admin.must_change_password = true;
        let acting = Acting::Principal(&admin);
        assert!(matches!(
            authorize(acting, Permission::ManageUsers, Scope::Anywhere),
            Err(AppError::PasswordChangeRequired)
        ));
        assert!(authorize(acting, Permission::UseOwnAccount, Scope::Anywhere).is_ok());
    }

    #[test]
    fn the_operator_is_not_asked() {
        assert!(
            authorize(
                Acting::Operator,
                Permission::ManageUsers,
                Scope::Unit("/9/")
            )
            .is_ok()
        );
    }
}
