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

impl From<AppError> for Problem {
    fn from(error: AppError) -> Self {
        use StatusCode as S;
        let detail = error.to_string();
        match error {
            AppError::Unauthenticated => Problem::new(
                S::UNAUTHORIZED,
                "unauthenticated",
                "Sign-in required",
                detail,
            ),
            AppError::BadCredentials => {
                Problem::new(S::UNAUTHORIZED, "bad-credentials", "Sign-in failed", detail)
            }
            AppError::Locked { .. } => {
                Problem::new(S::TOO_MANY_REQUESTS, "locked", "Account locked", detail)
            }
            AppError::Disabled => {
                Problem::new(S::FORBIDDEN, "disabled", "Account disabled", detail)
            }
            AppError::PasswordChangeRequired => Problem::new(
                S::FORBIDDEN,
                "password-change-required",
                "Password change required",
                detail,
            ),
            AppError::Forbidden { .. } => {
                Problem::new(S::FORBIDDEN, "forbidden", "Not allowed", detail)
            }
            AppError::NotFound { .. } => {
                Problem::new(S::NOT_FOUND, "not-found", "Not found", detail)
            }
            AppError::Conflict(_) => {
                Problem::new(S::CONFLICT, "conflict", "Already exists", detail)
            }
            AppError::Invalid { field, .. } => {
                Problem::new(S::UNPROCESSABLE_ENTITY, "invalid", "Invalid input", detail)
                    .with_field(field)
            }
            AppError::Rule(RuleError::UnknownRule(_)) => {
                Problem::new(S::NOT_FOUND, "unknown-rule", "Unknown rule", detail)
            }
            AppError::Rule(RuleError::InvalidFact { fact, .. }) => Problem::new(
                S::UNPROCESSABLE_ENTITY,
                "facts-invalid",
                "Invalid facts",
                detail,
            )
            .with_field(fact),
            AppError::Rule(RuleError::Facts { .. }) => Problem::new(
                S::UNPROCESSABLE_ENTITY,
                "facts-invalid",
                "Invalid facts",
                detail,
            ),
            AppError::Rule(RuleError::NotYetInForce { .. }) => Problem::new(
                S::UNPROCESSABLE_ENTITY,
                "not-yet-in-force",
                "Rule not yet in force",
                detail,
            )
            .with_field("as_of"),
            AppError::Store(ref store) if store.is_busy() => {
                tracing::warn!(error = %detail, "database busy");
                Problem::new(
                    S::SERVICE_UNAVAILABLE,
                    "busy",
                    "Busy",
                    "the database is busy with a large change; try again shortly",
                )
            }
            AppError::Store(_) | AppError::Internal(_) => {
                tracing::error!(error = %detail, "request failed");
                Problem::new(
                    S::INTERNAL_SERVER_ERROR,
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
