//! Signing in and out. The sign-in form has no session yet, so its CSRF token is a
//! double-submit cookie: the form must carry the same random value as the cookie.

use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use serde::Deserialize;

use crate::AppState;
use crate::auth::{SESSION_COOKIE, removal_cookie, same_secret, session_cookie};
use crate::i18n::Tr;
use crate::pages::form::{FieldError, Filled};
use crate::pages::layout::{Layout, render};
use crate::pages::session::PageForm;

pub const LOGIN_CSRF_COOKIE: &str = "qorgau_login_csrf";

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Layout,
    csrf: String,
    next: String,
    form: Filled<LoginShown>,
}

/// What the sign-in form shows again after a refusal: the username, never the password.
#[derive(Debug, Clone, Default)]
struct LoginShown {
    username: String,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// Only local paths: an open redirect would let a link send people elsewhere after sign-in.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

fn login_page(
    tr: &Tr,
    jar: CookieJar,
    state: &AppState,
    next: String,
    form: Filled<LoginShown>,
) -> Response {
    let csrf = qorgau_app::accounts::new_form_token();
    let cookie = Cookie::build((LOGIN_CSRF_COOKIE, csrf.clone()))
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.config.secure_cookies())
        .path("/login")
        .build();
    let status = form.status();
    let page = LoginPage {
        layout: Layout::anonymous(tr, "action-sign-in"),
        csrf,
        next,
        form,
    };
    (jar.add(cookie), render(status, &page)).into_response()
}

pub async fn form(
    State(state): State<AppState>,
    tr: Tr,
    jar: CookieJar,
    Query(query): Query<NextQuery>,
) -> Response {
    let next = safe_next(query.next.as_deref());
    login_page(&tr, jar, &state, next, Filled::new(LoginShown::default()))
}

/// The sign-in form as posted. It has no `Debug`: the password must not reach a log.
#[derive(Deserialize)]
pub struct LoginForm {
    csrf: String,
    username: String,
    password: String,
    next: Option<String>,
}

/// Signing in. There is no session yet, so this is no `PageForm`: the CSRF token is checked
/// against the cookie here, and a refusal is shown through the same `Filled` as every form,
/// with the status of the one map (`problem::status_of`).
pub async fn submit(
    State(state): State<AppState>,
    tr: Tr,
    jar: CookieJar,
    Form(form): Form<LoginForm>,
) -> Response {
    let next = safe_next(form.next.as_deref());
    let shown = LoginShown {
        username: form.username.clone(),
    };
    let cookie_token = jar
        .get(LOGIN_CSRF_COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    if cookie_token.is_empty() || !same_secret(&cookie_token, &form.csrf) {
        // Not a refusal of the input but of the form itself, as `PageForm` refuses a form
        // without the session's token: 403 with the sentence that the form expired.
        let expired = Filled {
            values: shown,
            error: Some(FieldError {
                field: None,
                message: tr.t("error-form-expired"),
            }),
            status: Some(StatusCode::FORBIDDEN),
        };
        return login_page(&tr, jar, &state, next, expired);
    }
    match state.app.login(form.username.trim(), &form.password).await {
        Ok(signed_in) => {
            let target = if signed_in.principal.must_change_password {
                "/account".to_owned()
            } else {
                next
            };
            let jar = jar
                .remove(removal_cookie(LOGIN_CSRF_COOKIE))
                .add(session_cookie(&state, signed_in.session_token));
            (jar, Redirect::to(&target)).into_response()
        }
        Err(error) => {
            let refused = Filled::refused(shown, &error, &tr);
            login_page(&tr, jar, &state, next, refused)
        }
    }
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn logout(
    State(state): State<AppState>,
    jar: CookieJar,
    _form: PageForm<Empty>,
) -> Response {
    if let Some(cookie) = jar.get(SESSION_COOKIE)
        && let Err(error) = state.app.logout(cookie.value()).await
    {
        tracing::warn!(%error, "logout failed");
    }
    (
        jar.remove(removal_cookie(SESSION_COOKIE)),
        Redirect::to("/login"),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_next(Some("/admin/users")), "/admin/users");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
