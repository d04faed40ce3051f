use qorgau_store::StoreError;

use crate::Permission;

/// Why a workflow did not happen. Each kind maps to one HTTP status and one CLI exit message.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("sign-in required")]
    Unauthenticated,
    #[error("wrong username or password")]
    BadCredentials,
    #[error("this account is locked after repeated failed sign-ins until {until}")]
    Locked { until: String },
    #[error("this account is disabled")]
    Disabled,
    #[error("the password must be changed before anything else")]
    PasswordChangeRequired,
    #[error("not allowed: {permission} is not granted for this scope")]
    Forbidden { permission: Permission },
    #[error("{entity} {id} does not exist")]
    NotFound { entity: &'static str, id: String },
    #[error("{0} already exists")]
    Conflict(String),
    #[error("{field}: {}", message.render(&qorgau_i18n::Lang::english()))]
    Invalid {
        field: &'static str,
        message: qorgau_i18n::Message,
    },
    #[error(transparent)]
    Rule(#[from] qorgau_rules::RuleError),
    #[error(transparent)]
    Store(StoreError),
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound { entity, id } => AppError::NotFound { entity, id },
            StoreError::Conflict(what) => AppError::Conflict(what),
            other => AppError::Store(other),
        }
    }
}

impl From<qorgau_store::SqlxError> for AppError {
    fn from(error: qorgau_store::SqlxError) -> Self {
        AppError::Store(StoreError::from(error))
    }
}

impl AppError {
    /// Invalid input in `field`, explained by a catalogue message.
    pub fn invalid(field: &'static str, message: qorgau_i18n::Message) -> Self {
        AppError::Invalid { field, message }
    }
}
