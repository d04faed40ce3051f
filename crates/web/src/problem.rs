//! Errors as RFC 9457 problem details (`application/problem+json`), in the reader's language:
//! a problem keeps the catalogue messages of its title (`problem-<kind>`) and its detail, is
//! written in English where it is made, and `localized` writes it again in the language the
//! request asked for (the same choice as the pages': the language cookie, `Accept-Language`,
//! the installation's default).

use axum::Json;
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use qorgau_app::AppError;
use qorgau_i18n::{Lang, Language, Message, render};
use qorgau_rules::RuleError;
use serde::Serialize;

use crate::i18n::AskedLanguage;

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
    /// The messages the title and the detail are rendered from.
    #[serde(skip)]
    words: Words,
}

#[derive(Debug, Clone)]
struct Words {
    title: String,
    detail: Message,
}

/// A problem on its way out, for `localized` to write again in the reader's language.
#[derive(Clone)]
struct Localizable(Problem);

impl Problem {
    /// A problem of `kind` (a word: `not-found`, `body-too-large`...): its title is the
    /// catalogue's `problem-<kind>`, its detail `detail`.
    pub fn new(status: StatusCode, kind: &'static str, detail: Message) -> Self {
        let words = Words {
            title: format!("problem-{kind}"),
            detail,
        };
        let english = Lang::english();
        Self {
            kind: format!("urn:qorgau:problem:{kind}"),
            title: render(&english, &words.title, &[]),
            status: status.as_u16(),
            detail: words.detail.render(&english),
            field: None,
            words,
        }
    }

    pub fn with_field(mut self, field: &str) -> Self {
        self.field = Some(field.to_owned());
        self
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The same problem with its title and detail in `lang`.
    fn in_language(mut self, lang: &Lang) -> Self {
        self.title = render(lang, &self.words.title, &[]);
        self.detail = self.words.detail.render(lang);
        self
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.status();
        let unauthenticated = status == StatusCode::UNAUTHORIZED;
        let localizable = Localizable(self.clone());
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
        response.extensions_mut().insert(localizable);
        response
    }
}

/// `response` with its problem document, if it is one, written again in the language the
/// request asked for (`asked`, kept while the request ran).
pub(crate) fn localized(
    mut response: Response,
    asked: &AskedLanguage,
    default: Language,
) -> Response {
    let Some(Localizable(problem)) = response.extensions_mut().remove::<Localizable>() else {
        return response;
    };
    let lang = asked.lang(default);
    if lang.language() == Language::English {
        return response;
    }
    let Ok(body) = serde_json::to_vec(&problem.in_language(&lang)) else {
        return response;
    };
    response.headers_mut().remove(header::CONTENT_LENGTH);
    *response.body_mut() = Body::from(body);
    response
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

/// The one map from an error to the sentence a person reads, for problem documents and pages.
pub fn error_message(error: &AppError) -> Message {
    match error {
        AppError::Unauthenticated => Message::new("error-unauthenticated"),
        AppError::BadCredentials => Message::new("error-bad-credentials"),
        AppError::Locked { until } => Message::new("error-locked").arg("until", until.as_str()),
        AppError::Disabled => Message::new("error-disabled"),
        AppError::PasswordChangeRequired => Message::new("account-must-change"),
        AppError::Forbidden { .. } => Message::new("error-forbidden-detail"),
        AppError::NotFound { id, .. } => Message::new("error-not-found-id").arg("id", id.as_str()),
        AppError::Conflict(_) => Message::new("error-conflict-detail"),
        AppError::Invalid { message, .. } => message.clone(),
        AppError::Rule(rule_error) => rule_error.message(),
        AppError::Store(store) if store.is_busy() => Message::new("error-busy-detail"),
        AppError::Store(_) | AppError::Internal(_) => Message::new("error-internal-detail"),
    }
}

/// The kind of problem an error is.
fn kind_of(error: &AppError) -> &'static str {
    match error {
        AppError::Unauthenticated => "unauthenticated",
        AppError::BadCredentials => "bad-credentials",
        AppError::Locked { .. } => "locked",
        AppError::Disabled => "disabled",
        AppError::PasswordChangeRequired => "password-change-required",
        AppError::Forbidden { .. } => "forbidden",
        AppError::NotFound { .. } => "not-found",
        AppError::Conflict(_) => "conflict",
        AppError::Invalid { .. } => "invalid",
        AppError::Rule(RuleError::UnknownRule(_)) => "unknown-rule",
        AppError::Rule(RuleError::NotYetInForce { .. }) => "not-yet-in-force",
        AppError::Rule(_) => "facts-invalid",
        AppError::Store(store) if store.is_busy() => "busy",
        AppError::Store(_) | AppError::Internal(_) => "internal",
    }
}

impl From<AppError> for Problem {
    fn from(error: AppError) -> Self {
        match &error {
            AppError::Store(store) if store.is_busy() => {
                tracing::warn!(%error, "database busy");
            }
            AppError::Store(_) | AppError::Internal(_) => {
                tracing::error!(%error, "request failed");
            }
            _ => {}
        }
        let problem = Problem::new(status_of(&error), kind_of(&error), error_message(&error));
        match error {
            AppError::Invalid { field, .. } => problem.with_field(field),
            AppError::Rule(RuleError::InvalidFact { fact, .. }) => problem.with_field(fact),
            AppError::Rule(RuleError::NotYetInForce { .. }) => problem.with_field("as_of"),
            _ => problem,
        }
    }
}

/// The answer for a path no route serves.
pub async fn no_route(uri: Uri) -> Problem {
    Problem::new(
        StatusCode::NOT_FOUND,
        "no-route",
        Message::new("problem-detail-no-route").arg("path", uri.path()),
    )
}
