//! Who is calling: API clients by bearer token or session cookie, pages by session cookie; and
//! the CSRF checks that go with cookies.

use axum::extract::{Form, FromRequest, FromRequestParts, OriginalUri, Request};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use qorgau_app::{AppError, Principal};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::AppState;
use crate::i18n::Tr;
use crate::pages::error_page;
use crate::problem::Problem;

pub const SESSION_COOKIE: &str = "qorgau_session";
pub const LOGIN_CSRF_COOKIE: &str = "qorgau_login_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Compares secrets in time independent of where they differ. Written out because it is four
/// lines and the only constant-time operation the web layer needs.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A session cookie: HttpOnly, SameSite=Strict, Secure when served over https.
pub fn session_cookie(state: &AppState, value: String) -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, value))
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.config.secure_cookies())
        .path("/")
        .build()
}

/// A cookie that removes `name`.
pub fn removal_cookie(name: &'static str) -> Cookie<'static> {
    let mut cookie = Cookie::build((name, "")).path("/").build();
    cookie.make_removal();
    cookie
}

/// The caller of an API route.
pub struct ApiCaller(pub Principal);

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = Problem;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
            // The scheme name is case-insensitive (RFC 9110, section 11.1).
            let token = value
                .to_str()
                .ok()
                .and_then(|v| v.split_once(' '))
                .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
                .map(|(_, token)| token)
                .ok_or(AppError::Unauthenticated)?;
            return Ok(ApiCaller(state.app.token_principal(token.trim()).await?));
        }
        let jar = CookieJar::from_headers(&parts.headers);
        let session = jar.get(SESSION_COOKIE).ok_or(AppError::Unauthenticated)?;
        let (principal, csrf) = state.app.session_principal(session.value()).await?;
        let safe = matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
        if !safe {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            if !same_secret(sent, &csrf) {
                return Err(Problem::new(
                    StatusCode::FORBIDDEN,
                    "csrf",
                    "Missing CSRF token",
                    "a cookie-authenticated change needs the X-CSRF-Token header of the session",
                ));
            }
        }
        Ok(ApiCaller(principal))
    }
}

/// The signed-in person of a page, with the session's CSRF token for its forms.
pub struct PageSession {
    pub principal: Principal,
    pub csrf: String,
}

/// Sends a person who is not signed in to the sign-in page, remembering where they were going.
pub struct ToLogin(String);

impl IntoResponse for ToLogin {
    fn into_response(self) -> Response {
        let next: String = form_urlencoded_component(&self.0);
        Redirect::to(&format!("/login?next={next}")).into_response()
    }
}

fn form_urlencoded_component(text: &str) -> String {
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
            Ok((principal, csrf)) => Ok(PageSession { principal, csrf }),
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
    fn secrets_compare_exactly() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
        assert!(!same_secret("", "a"));
    }

    #[test]
    fn next_paths_are_encoded() {
        assert_eq!(
            form_urlencoded_component("/admin/users?x=1"),
            "/admin/users%3Fx%3D1"
        );
    }
}
