//! The one authorisation function. Every route of the HTTP API and every page calls a workflow,
//! and every workflow calls [`authorize`] with the permission it needs and the scope of what it
//! touches; nothing else grants access.

use qorgau_i18n::Language;
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
    /// The interface language the person chose, if they chose one.
    pub language: Option<Language>,
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

/// Whether `acting` may act on a user: change their profile, disable or enable them, reset
/// their password, or replace their grants (each workflow passes the grants the user holds, and
/// a change of grants passes the new ones too).
///
/// Acting on a user hands the actor what that user may do (a reset password lets the actor sign
/// in as them; a re-enabled account works again), so the actor must hold
/// [`Permission::ManageUsers`] on the user's home unit AND on the unit of every grant in
/// `target_grants`, whatever its role. The home unit alone is not enough: an administrator of
/// one branch could otherwise take over a national administrator who lives in that branch. For
/// the same reason nobody gives a role on a unit outside their own administration: through
/// another account a person never reaches further than they do themselves.
pub fn covers_user(
    acting: Acting<'_>,
    target_grants: &[Grant],
    target_home_path: &str,
) -> Result<(), AppError> {
    authorize(
        acting,
        Permission::ManageUsers,
        Scope::Unit(target_home_path),
    )?;
    for grant in target_grants {
        authorize(
            acting,
            Permission::ManageUsers,
            Scope::Unit(&grant.unit_path),
        )?;
    }
    Ok(())
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

/// Where national records live: the root of the organisation tree.
///
/// National records are the imported acts of the law library, the stored decisions' receipts,
/// and, in the national-security room, the threat register (the assessments of the main threats), the
/// measures of Art. 18.3 with their reports, the strategic documents with their indicators and
/// measured values, the interagency commissions and their members, the additions to the
/// reference lists by later acts, the shareholder graph (organisations, holdings) with its
/// screening, and the Security Council's meetings, agendas, decisions and execution reports,
/// which are also all that a body of Art. 15 shows. None of them is tied to a unit of the tree
/// (a body of Art. 15 is a body of the state, not a unit; an indicator's `unit` is a unit of
/// measure), so they belong to the root, and reading or writing them needs the permission
/// granted on the root: an analyst, a secretariat or an auditor of a branch has no national
/// reach. What stays open to everyone signed in is the law itself: the reference lists as the
/// texts give them, the main threats and interests in force, and "who is responsible".
pub(crate) struct National {
    /// `None` only for the operator and for someone not signed in, whom [`authorize`] answers
    /// without a scope.
    root: Option<String>,
}

impl National {
    /// The scope every national record has.
    pub(crate) fn scope(&self) -> Scope<'_> {
        match &self.root {
            Some(root) => Scope::Unit(root),
            None => Scope::Anywhere,
        }
    }
}

impl crate::App {
    /// Checks `permission` on the national records (see [`National`]) and returns their scope,
    /// for the write that follows. The root is read only for a signed-in person: the operator
    /// is not asked, and an empty tree (a bare database) has no root to read.
    pub(crate) async fn authorize_national(
        &self,
        acting: Acting<'_>,
        permission: Permission,
    ) -> Result<National, AppError> {
        let root = match acting {
            Acting::Principal(_) => Some(self.root_path().await?),
            Acting::Operator | Acting::Anonymous => None,
        };
        let national = National { root };
        authorize(acting, permission, national.scope())?;
        Ok(national)
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
            language: None,
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

    fn grant(role: Role, path: &str) -> Grant {
        Grant {
            role,
            unit_id: 9,
            unit_name: "unit".into(),
            unit_path: path.into(),
        }
    }

    #[test]
    fn acting_on_a_user_needs_their_home_and_every_grant_covered() {
        let admin = principal(Role::Administrator, "/1/2/");
        let acting = Acting::Principal(&admin);
        // Homed and granted below the administrator.
        let inside = [grant(Role::Inspector, "/1/2/7/")];
        assert!(covers_user(acting, &inside, "/1/2/7/").is_ok());
        assert!(covers_user(acting, &[], "/1/2/").is_ok());
        // Homed below, but an administrator of the root: the grant is out of reach.
        let above = [
            grant(Role::Inspector, "/1/2/7/"),
            grant(Role::Administrator, "/1/"),
        ];
        assert!(matches!(
            covers_user(acting, &above, "/1/2/7/"),
            Err(AppError::Forbidden {
                permission: Permission::ManageUsers
            })
        ));
        // Homed below, granted beside: out of reach too, whatever the role.
        let beside = [grant(Role::Auditor, "/1/3/")];
        assert!(covers_user(acting, &beside, "/1/2/7/").is_err());
        // Granted below, homed outside.
        assert!(covers_user(acting, &inside, "/1/3/").is_err());
        // Someone who does not manage users covers nobody.
        let commander = principal(Role::Commander, "/1/");
        assert!(covers_user(Acting::Principal(&commander), &[], "/1/2/").is_err());
        assert!(covers_user(Acting::Operator, &above, "/1/2/7/").is_ok());
        assert!(matches!(
            covers_user(Acting::Anonymous, &[], "/1/"),
            Err(AppError::Unauthenticated)
        ));
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
