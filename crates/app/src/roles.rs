//! Roles and what each may do. A role is always granted on a node of the organisation tree;
//! where it applies is [`crate::authz`]'s concern, what it allows is this table's.

use std::fmt;

pub use qorgau_store::accounts::users::Role;
use serde::{Deserialize, Serialize};

/// What each role may do: the one table of rights. A trait because the roles are stored words
/// declared in the store (`qorgau_store::accounts::users::Role`), while their rights are this
/// crate's.
pub trait Rights {
    /// Whether this role holds `permission` (on the nodes it is granted on).
    fn allows(self, permission: Permission) -> bool;
}

impl Rights for Role {
    fn allows(self, permission: Permission) -> bool {
        use Permission::*;
        use Role::*;
        match permission {
            // What every signed-in person may do.
            UseOwnAccount | ReadRules | EvaluateRules | ReadOrg | ReadLaw => true,
            ManageUsers | ManageOrg | ImportLaw => self == Administrator,
            ReadUsers | ReadAudit => matches!(self, Administrator | Auditor),
            ReadSafety => matches!(
                self,
                Commander | SafetyOfficer | Inspector | Analyst | Auditor
            ),
            WriteSafety => matches!(self, Commander | SafetyOfficer | Inspector),
            ApprovePlans => self == Commander,
            // The analyst writes the conclusions of an analysis (para 19); so may the command.
            WriteAnalysis => matches!(self, Analyst | Commander | SafetyOfficer),
            ReadConscription => matches!(self, RegistrationOfficer | Commander | Auditor),
            WriteConscription => self == RegistrationOfficer,
            ReadSecurity => matches!(self, CouncilSecretariat | Analyst | Auditor),
            WriteSecurity => matches!(self, CouncilSecretariat | Analyst),
            // Meetings, decisions and the review of execution reports are the secretariat's.
            WriteCouncil => self == CouncilSecretariat,
        }
    }
}

/// What an action needs. Every route and every workflow names exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Own profile, password and API tokens.
    UseOwnAccount,
    ReadRules,
    EvaluateRules,
    ReadOrg,
    ManageOrg,
    ReadUsers,
    ManageUsers,
    ReadAudit,
    ReadLaw,
    /// Import further acts into the library.
    ImportLaw,
    ReadSafety,
    WriteSafety,
    ApprovePlans,
    WriteAnalysis,
    ReadConscription,
    WriteConscription,
    ReadSecurity,
    WriteSecurity,
    /// Security Council meetings, decisions and the review of execution reports.
    WriteCouncil,
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        f.write_str(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for &role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
            assert_eq!(serde_json::to_value(role).unwrap(), role.as_str());
        }
        assert!("general".parse::<Role>().is_err());
    }

    #[test]
    fn the_auditor_reads_and_never_writes() {
        for permission in [
            Permission::ManageUsers,
            Permission::ManageOrg,
            Permission::WriteSafety,
            Permission::WriteAnalysis,
            Permission::ApprovePlans,
            Permission::WriteConscription,
            Permission::WriteSecurity,
            Permission::WriteCouncil,
        ] {
            assert!(!Role::Auditor.allows(permission), "{permission}");
        }
        assert!(Role::Auditor.allows(Permission::ReadAudit));
    }
}
