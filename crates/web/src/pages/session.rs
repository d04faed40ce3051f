//! Who is calling a page: the signed-in person by session cookie, and the forms they post,
//! accepted only with the session's CSRF token.

use axum::extract::{Form, FromRequest, FromRequestParts, OriginalUri, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use qorgau_app::Principal;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::layout::error_page;
use crate::AppState;
use crate::auth::{SESSION_COOKIE, same_secret};
use crate::i18n::Tr;

/// The signed-in person of a page, with the session's CSRF token for its forms.
pub struct PageSession {
    pub principal: Principal,
    pub csrf: String,
    /// This session's name in its owner's list of sessions (`SessionView::id`).
    pub session_id: String,
}

/// Sends a person who is not signed in to the sign-in page, remembering where they were going.
pub struct ToLogin(String);

impl IntoResponse for ToLogin {
    fn into_response(self) -> Response {
        let next: String = form_urlencoded_component(&self.0);
        Redirect::to(&format!("/login?next={next}")).into_response()
    }
}

/// Percent-encodes text for a URL's path or query, so a redirect built from a posted value is
/// always a valid header (a control character would otherwise fail the response).
pub(crate) fn form_urlencoded_component(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl FromRequestParts<AppState> for PageSession {
    type Rejection = ToLogin;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let path = OriginalUri::from_request_parts(parts, state)
            .await
            .map(|uri| uri.0.path().to_owned())
            .unwrap_or_else(|_| "/".to_owned());
        let jar = CookieJar::from_headers(&parts.headers);
        let Some(cookie) = jar.get(SESSION_COOKIE) else {
            return Err(ToLogin(path));
        };
        match state.app.session_principal(cookie.value()).await {
            Ok((principal, csrf)) => Ok(PageSession {
                principal,
                csrf,
                session_id: qorgau_app::accounts::session_handle(cookie.value()),
            }),
            Err(_) => Err(ToLogin(path)),
        }
    }
}

#[derive(Deserialize)]
struct Envelope<T> {
    csrf: String,
    #[serde(flatten)]
    inner: T,
}

/// A form posted by a signed-in person, accepted only with the session's CSRF token.
/// Form fields are strings; handlers parse them and say what is wrong.
pub struct PageForm<T> {
    pub session: PageSession,
    pub form: T,
}

impl<T> FromRequest<AppState> for PageForm<T>
where
    T: DeserializeOwned + Send,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let session = PageSession::from_request_parts(&mut parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let tr = match Tr::from_request_parts(&mut parts, state).await {
            Ok(tr) => tr,
            Err(never) => match never {},
        };
        let req = Request::from_parts(parts, body);
        let Form(envelope) = Form::<Envelope<T>>::from_request(req, state)
            .await
            .map_err(|rejection| {
                let detail = tr.t1("error-form-unreadable", "detail", &rejection.body_text());
                error_page(&tr, rejection.status(), "error-invalid", &detail)
            })?;
        if !same_secret(&envelope.csrf, &session.csrf) {
            let detail = tr.t("error-form-expired");
            return Err(error_page(
                &tr,
                StatusCode::FORBIDDEN,
                "error-forbidden",
                &detail,
            ));
        }
        Ok(PageForm {
            session,
            form: envelope.inner,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_paths_are_encoded() {
        assert_eq!(
            form_urlencoded_component("/admin/users?x=1"),
            "/admin/users%3Fx%3D1"
        );
    }
}
