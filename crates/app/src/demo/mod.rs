//! Demo data, apart from the production workflows and compiled only with the `demo` feature
//! (the binary enables it for `serve --demo`): a small organisation tree, a generated citizen
//! register, the security-of-service demo (`safety`) and the national-security demo
//! (`security`). It is a platform module: it calls the rooms' workflows like any caller.

mod safety;
mod security;

use crate::accounts::GrantInput;
use crate::bootstrap::ADMIN_USERNAME;
use crate::org::{NewUnitInput, UnitKind};
use crate::{Acting, App, AppError, Role};

pub use safety::SafetyDemo;
pub use security::SecurityDemo;

/// What the demo loaded.
#[derive(Debug, Clone, Default)]
pub struct DemoLoaded {
    /// Units added by the demo tree (none when the tree already had units).
    pub units: usize,
    /// Citizens added to the demo register.
    pub citizens: u64,
    /// The command tree, incidents and Acts of the security-of-service demo.
    pub safety: SafetyDemo,
    /// The threat register, measures, indicators and Council decisions of the demo.
    pub security: SecurityDemo,
    /// A fresh one-time password for the administrator while the last one is unused, so the
    /// start-up can print it.
    pub admin_password: Option<String>,
}

/// `count` generated citizens as register CSV (seeded, so every demo has the same people):
/// men and women of seventeen and over, a third with a mobile number, a third with an e-Gov account, the
/// rest reached on paper, and a few exemptions.
pub fn demo_citizens_csv(count: usize) -> String {
    use chrono::{Datelike, Days, NaiveDate};
    use qorgau_rules::conscription::{Iin, Sex};
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};
    const SURNAMES: [&str; 10] = [
        "Akhmetov",
        "Bekov",
        "Dosanov",
        "Ermekov",
        "Zhumabayev",
        "Kassymov",
        "Nurlanov",
        "Omarov",
        "Sadykov",
        "Tulegenov",
    ];
    const NAMES: [(&str, &str); 10] = [
        ("Nurlan", "Aigerim"),
        ("Arman", "Dana"),
        ("Daulet", "Saule"),
        ("Yerlan", "Madina"),
        ("Askar", "Aruzhan"),
        ("Timur", "Zhanar"),
        ("Serik", "Gulnara"),
        ("Marat", "Aliya"),
        ("Bolat", "Kamila"),
        ("Ruslan", "Assel"),
    ];
    let mut rng = StdRng::seed_from_u64(2026);
    let mut csv = crate::conscription::CSV_COLUMNS.join(",");
    csv.push('\n');
    let start = NaiveDate::from_ymd_opt(1966, 1, 1).unwrap_or_default();
    let mut seen = std::collections::HashSet::new();
    while seen.len() < count {
        let female = rng.random_bool(0.3);
        // The register holds conscripts: everyone is at least seventeen in 2026 (born by 2009).
        let birth = start + Days::new(rng.random_range(0..(43 * 365)));
        let sex = if female { Sex::Female } else { Sex::Male };
        let Some(iin) = Iin::compose(birth, sex, rng.random_range(0..10_000)) else {
            continue;
        };
        if !seen.insert(iin.to_string()) {
            continue;
        }
        let n = seen.len();
        let surname = SURNAMES[n % SURNAMES.len()];
        let surname = if female {
            format!("{surname}a")
        } else {
            surname.to_owned()
        };
        let (man, woman) = NAMES[rng.random_range(0..NAMES.len())];
        // Every woman's children are stated ("none" or a date), as the training rule needs.
        let child = if female && birth.year() < 1995 && rng.random_bool(0.5) {
            (birth + Days::new(rng.random_range((20 * 365)..(35 * 365)))).to_string()
        } else if female {
            "none".to_owned()
        } else {
            String::new()
        };
        let channel = n % 3;
        let mobile = if channel == 0 {
            format!("+7701{:07}", rng.random_range(0..10_000_000))
        } else {
            String::new()
        };
        let yes = |b: bool| if b { "yes" } else { "no" };
        csv.push_str(&format!(
            "{iin},{surname},{},,{},{birth},{child},\"Almaty, Abay avenue {}, apt {}\",,,{mobile},{},{},{},none,{},no,no\n",
            if female { woman } else { man },
            sex.as_str(),
            n % 150 + 1,
            n % 90 + 1,
            yes(channel == 0),
            yes(channel == 1),
            yes(female && rng.random_bool(0.2)),
            yes(rng.random_bool(0.02)),
        ));
    }
    csv
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
    /// Loads the demo into a database whose tree holds only its root, and lets the
    /// administrator also run the register and the Security Council's secretariat, so one
    /// sign-in shows every module.
    pub async fn load_demo(&self, root_id: i64) -> Result<DemoLoaded, AppError> {
        let mut result = DemoLoaded::default();
        let existing = self.list_units(Acting::Operator).await?;
        if existing.len() == 1 {
            let mut ids = Vec::new();
            for (parent, name, kind) in DEMO_TREE {
                let parent_id = parent.map_or(root_id, |index| ids[index]);
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
            result.units = ids.len();
            // The register of the Almaty defence department gets generated citizens.
            if let Some(index) = DEMO_TREE
                .iter()
                .position(|(_, _, kind)| *kind == UnitKind::MilitaryAdministration)
            {
                let summary = self
                    .import_citizens(Acting::Operator, ids[index], &demo_citizens_csv(200))
                    .await?;
                result.citizens = summary.imported;
            }
            if let Some(index) = DEMO_TREE
                .iter()
                .position(|(_, _, kind)| *kind == UnitKind::OperationalStrategic)
            {
                result.safety = self.load_safety_demo(ids[index]).await?;
            }
            result.security = self.load_security_demo().await?;
        }
        if let Ok(admin) = self.find_user_by_username(ADMIN_USERNAME).await {
            // Only a database the demo has just filled gives the administrator these roles:
            // an existing installation's grants are never widened by starting with --demo.
            let roles = [
                Role::Administrator,
                Role::RegistrationOfficer,
                Role::CouncilSecretariat,
            ];
            let missing = roles.iter().any(|role| {
                !admin
                    .grants
                    .iter()
                    .any(|g| g.role == *role && g.unit_id == root_id)
            });
            if missing && result.units > 0 {
                let mut grants: Vec<GrantInput> = admin
                    .grants
                    .iter()
                    .map(|g| GrantInput {
                        role: g.role,
                        unit_id: g.unit_id,
                    })
                    .collect();
                for role in roles {
                    if !grants
                        .iter()
                        .any(|g| g.role == role && g.unit_id == root_id)
                    {
                        grants.push(GrantInput {
                            role,
                            unit_id: root_id,
                        });
                    }
                }
                self.set_grants(Acting::Operator, admin.id, grants).await?;
            }
            if admin.must_change_password {
                result.admin_password =
                    Some(self.reset_password(Acting::Operator, admin.id).await?);
            }
        }
        Ok(result)
    }
}
