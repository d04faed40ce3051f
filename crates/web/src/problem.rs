//! Errors as RFC 9457 problem details (`application/problem+json`).

use axum::Json;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use qorgau_app::AppError;
use qorgau_rules::RuleError;
use serde::Serialize;

/// A problem detail document.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// The field or fact at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Problem {
    pub fn new(status: StatusCode, kind: &str, title: &str, detail: impl Into<String>) -> Self {
        Self {
            kind: format!("urn:qorgau:problem:{kind}"),
            title: title.to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            field: None,
        }
    }

    pub fn with_field(mut self, field: &str) -> Self {
        self.field = Some(field.to_owned());
        self
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.status();
        let unauthenticated = status == StatusCode::UNAUTHORIZED;
        let mut response = (status, Json(self)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if unauthenticated {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// The one map from an error to its HTTP status, for problem documents and for pages alike.
pub fn status_of(error: &AppError) -> StatusCode {
    use StatusCode as S;
    match error {
        AppError::Unauthenticated | AppError::BadCredentials => S::UNAUTHORIZED,
        AppError::Locked { .. } => S::TOO_MANY_REQUESTS,
        AppError::Disabled | AppError::PasswordChangeRequired | AppError::Forbidden { .. } => {
            S::FORBIDDEN
        }
        AppError::NotFound { .. } | AppError::Rule(RuleError::UnknownRule(_)) => S::NOT_FOUND,
        AppError::Conflict(_) => S::CONFLICT,
        AppError::Invalid { .. } | AppError::Rule(_) => S::UNPROCESSABLE_ENTITY,
        AppError::Store(store) if store.is_busy() => S::SERVICE_UNAVAILABLE,
        AppError::Store(_) | AppError::Internal(_) => S::INTERNAL_SERVER_ERROR,
    }
}

impl From<AppError> for Problem {
    fn from(error: AppError) -> Self {
        // The status is the one map's; the kind and title say which problem it is.
        let status = status_of(&error);
        let detail = error.to_string();
        match error {
            AppError::Unauthenticated => {
                Problem::new(status, "unauthenticated", "Sign-in required", detail)
            }
            AppError::BadCredentials => {
                Problem::new(status, "bad-credentials", "Sign-in failed", detail)
            }
            AppError::Locked { .. } => Problem::new(status, "locked", "Account locked", detail),
            AppError::Disabled => Problem::new(status, "disabled", "Account disabled", detail),
            AppError::PasswordChangeRequired => Problem::new(
                status,
                "password-change-required",
                "Password change required",
                detail,
            ),
            AppError::Forbidden { .. } => Problem::new(status, "forbidden", "Not allowed", detail),
            AppError::NotFound { .. } => Problem::new(status, "not-found", "Not found", detail),
            AppError::Conflict(_) => Problem::new(status, "conflict", "Already exists", detail),
            AppError::Invalid { field, .. } => {
                Problem::new(status, "invalid", "Invalid input", detail).with_field(field)
            }
            AppError::Rule(RuleError::UnknownRule(_)) => {
                Problem::new(status, "unknown-rule", "Unknown rule", detail)
            }
            AppError::Rule(RuleError::InvalidFact { fact, .. }) => {
                Problem::new(status, "facts-invalid", "Invalid facts", detail).with_field(fact)
            }
            AppError::Rule(RuleError::Facts { .. }) => {
                Problem::new(status, "facts-invalid", "Invalid facts", detail)
            }
            AppError::Rule(RuleError::NotYetInForce { .. }) => {
                Problem::new(status, "not-yet-in-force", "Rule not yet in force", detail)
                    .with_field("as_of")
            }
            AppError::Store(ref store) if store.is_busy() => {
                tracing::warn!(error = %detail, "database busy");
                Problem::new(
                    status,
                    "busy",
                    "Busy",
                    "the database is busy with a large change; try again shortly",
                )
            }
            AppError::Store(_) | AppError::Internal(_) => {
                tracing::error!(error = %detail, "request failed");
                Problem::new(
                    status,
                    "internal",
                    "Internal error",
                    "the server could not complete the request; the error is logged",
                )
            }
        }
    }
}

/// The answer for a path no route serves.
pub async fn no_route(uri: Uri) -> Problem {
    Problem::new(
        StatusCode::NOT_FOUND,
        "no-route",
        "No such resource",
        format!("nothing is served at {}", uri.path()),
    )
}
