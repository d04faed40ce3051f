//! Extractors whose rejections are problem documents with a clear message, never a bare text
//! or a 500.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use qorgau_i18n::Message;

use crate::problem::Problem;

/// A detail whose frame is the catalogue's and whose `detail` is the parser's own words (serde's
/// and axum's, in English: they name the field, line and column at fault).
fn technical(id: &'static str, detail: String) -> Message {
    Message::new(id).arg("detail", detail)
}

/// A JSON body; malformed JSON, unknown fields, wrong types and oversized bodies become 4xx
/// problems.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(json_problem(rejection)),
        }
    }
}

fn json_problem(rejection: JsonRejection) -> Problem {
    use StatusCode as S;
    match rejection {
        JsonRejection::JsonDataError(e) => {
            let problem = Problem::new(
                S::UNPROCESSABLE_ENTITY,
                "body-mismatch",
                technical("problem-detail-body-mismatch", e.body_text()),
            );
            match field_at_fault(&e) {
                Some(field) => problem.with_field(&field),
                None => problem,
            }
        }
        JsonRejection::JsonSyntaxError(e) => Problem::new(
            S::BAD_REQUEST,
            "malformed-json",
            technical("problem-detail-malformed-json", e.body_text()),
        ),
        JsonRejection::MissingJsonContentType(_) => Problem::new(
            S::UNSUPPORTED_MEDIA_TYPE,
            "content-type",
            Message::new("problem-detail-content-type"),
        ),
        JsonRejection::BytesRejection(e) => {
            let status = e.status();
            if status == S::PAYLOAD_TOO_LARGE {
                Problem::new(
                    status,
                    "body-too-large",
                    Message::new("error-body-too-large").arg("limit", crate::BODY_LIMIT),
                )
            } else {
                Problem::new(
                    status,
                    "unreadable-body",
                    technical("problem-detail-unreadable-body", e.body_text()),
                )
            }
        }
        other => Problem::new(
            other.status(),
            "body-invalid",
            technical("problem-detail-body-invalid", other.body_text()),
        ),
    }
}

/// The path of the field a JSON body was refused at (`purpose`, `members[2]`), as the API's
/// problem documents name the field at fault; `None` when the whole body is at fault.
fn field_at_fault(error: &axum::extract::rejection::JsonDataError) -> Option<String> {
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        if let Some(located) = inner.downcast_ref::<serde_path_to_error::Error<serde_json::Error>>()
        {
            let path = located.path().to_string();
            return (path != ".").then_some(path);
        }
        source = inner.source();
    }
    None
}

/// Path parameters; a wrong type (`/users/abc`) is a 400 naming the parameter.
pub struct ApiPath<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiPath<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Send,
{
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(value)| ApiPath(value))
            .map_err(|rejection: PathRejection| {
                Problem::new(
                    StatusCode::BAD_REQUEST,
                    "path-invalid",
                    technical("problem-detail-path-invalid", rejection.body_text()),
                )
            })
    }
}

/// Query parameters, with the same care.
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(value)| ApiQuery(value))
            .map_err(|rejection: QueryRejection| {
                Problem::new(
                    StatusCode::BAD_REQUEST,
                    "query-invalid",
                    technical("problem-detail-query-invalid", rejection.body_text()),
                )
            })
    }
}
