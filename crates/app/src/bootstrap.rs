//! The first start: the root of the tree, the first administrator, and the demo tree.

use qorgau_store::users;

use crate::accounts::{GrantInput, NewUserInput};
use crate::org::{NewUnitInput, UnitKind};
use crate::{Acting, App, AppError, Role};

/// The name of the root unit.
pub const ROOT_NAME: &str = "Republic of Kazakhstan";
/// The username of the first administrator.
pub const ADMIN_USERNAME: &str = "admin";

/// What the first start did.
#[derive(Debug, Clone, Default)]
pub struct Bootstrapped {
    /// The administrator's one-time password, when one was (re)issued.
    pub admin_password: Option<String>,
    /// Units added by the demo tree.
    pub demo_units: usize,
}

/// The demo tree: (parent index in this list or None for the root, name, kind).
const DEMO_TREE: &[(Option<usize>, &str, UnitKind)] = &[
    (None, "Ministry of Defense", UnitKind::Ministry),
    (
        Some(0),
        "General Staff of the Armed Forces",
        UnitKind::OperationalStrategic,
    ),
    (
        Some(1),
        "Regional Command \"Astana\"",
        UnitKind::OperationalTerritorial,
    ),
    (Some(2), "Military unit 10001", UnitKind::Tactical),
    (
        Some(3),
        "Logistics service of military unit 10001",
        UnitKind::Service,
    ),
    (
        Some(1),
        "Regional Command \"South\"",
        UnitKind::OperationalTerritorial,
    ),
    (Some(5), "Military unit 20002", UnitKind::Tactical),
    (
        None,
        "Department of Defense Affairs of Almaty",
        UnitKind::MilitaryAdministration,
    ),
    (
        None,
        "Security Council of the Republic of Kazakhstan",
        UnitKind::Council,
    ),
];

impl App {
    /// Makes sure the tree has its root and that an administrator exists.
    ///
    /// With `demo`, also adds a small demo tree, and when the administrator has not yet used the
    /// one-time password, issues a fresh one so that the start-up can print it.
    pub async fn bootstrap(&self, demo: bool) -> Result<Bootstrapped, AppError> {
        let root = self.ensure_root(ROOT_NAME).await?;
        self.load_library().await?;
        let mut result = Bootstrapped::default();
        if demo {
            let existing = self.list_units(Acting::Operator).await?;
            if existing.len() == 1 {
                let mut ids = Vec::new();
                for (parent, name, kind) in DEMO_TREE {
                    let parent_id = parent.map_or(root.id, |index| ids[index]);
                    let unit = self
                        .create_unit(
                            Acting::Operator,
                            NewUnitInput {
                                parent_id,
                                name: (*name).to_owned(),
                                kind: *kind,
                            },
                        )
                        .await?;
                    ids.push(unit.id);
                }
                result.demo_units = ids.len();
            }
        }
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
        } else if demo
            && let Ok(admin) = self.find_user_by_username(ADMIN_USERNAME).await
            && admin.must_change_password
        {
            result.admin_password = Some(self.reset_password(Acting::Operator, admin.id).await?);
        }
        Ok(result)
    }
}
