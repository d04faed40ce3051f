//! Signing in and out. The sign-in form has no session yet, so its CSRF token is a
//! double-submit cookie: the form must carry the same random value as the cookie.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use qorgau_app::AppError;
use qorgau_i18n::Language;
use serde::Deserialize;

use crate::AppState;
use crate::auth::{ClientAddress, SESSION_COOKIE, removal_cookie, same_secret, session_cookie};
use crate::i18n::{Tr, language_cookie};
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

/// Where to go after signing in: only a path on this site, anything else goes home.
///
/// An open redirect would let a link send people elsewhere after they sign in. Browsers drop
/// tabs and line breaks from a `Location` (so `/\t/evil.example` is `//evil.example`, another
/// host) and read `\` as `/`; a control character cannot be a header at all (it failed the
/// response). So the path must begin with one `/` not followed by another or by `\`, hold only
/// printable ASCII without `\`, and mean the same once percent-decoded.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path) if is_local_path(path) => path.to_owned(),
        _ => "/".to_owned(),
    }
}

/// The longest `next` followed; a longer one is no path of this site.
const MAX_NEXT: usize = 2048;

fn is_local_path(path: &str) -> bool {
    let raw = path.as_bytes();
    let printable = raw
        .iter()
        .all(|&b| (0x21..=0x7e).contains(&b) && b != b'\\');
    let decoded = percent_decoded(raw);
    // Decoded, a path may hold spaces and UTF-8, never a control character or a backslash.
    let clean = decoded
        .iter()
        .all(|&b| b >= 0x20 && b != 0x7f && b != b'\\');
    raw.len() <= MAX_NEXT
        && printable
        && clean
        && raw.first() == Some(&b'/')
        && decoded.get(1) != Some(&b'/')
        && raw.get(1) != Some(&b'/')
}

/// `%XX` decoded once; anything else kept as it is.
fn percent_decoded(raw: &[u8]) -> Vec<u8> {
    let hex = |b: u8| char::from(b).to_digit(16);
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let pair = raw
            .get(i + 1)
            .copied()
            .and_then(hex)
            .zip(raw.get(i + 2).copied().and_then(hex));
        match (raw[i], pair) {
            (b'%', Some((high, low))) => {
                // Two hex digits make one byte: at most 0xff.
                out.push(u8::try_from(high * 16 + low).unwrap_or(u8::MAX));
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
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

/// Whole seconds from now until the stored instant `until`, at least one.
fn seconds_until(state: &AppState, until: &str) -> i64 {
    let now = state.app.clock().now();
    qorgau_store::decode::parse_instant(until)
        .map(|until| (until - now).num_milliseconds())
        .map_or(1, |ms| (ms + 999) / 1000)
        .max(1)
}

/// Signing in. There is no session yet, so this is no `PageForm`: the CSRF token is checked
/// against the cookie here, and a refusal is shown through the same `Filled` as every form,
/// with the status of the one map (`problem::status_of`). An attempt made while failed
/// sign-ins make it wait (for the account or for the client's address) is answered 429 with
/// `Retry-After`, its password unchecked.
pub async fn submit(
    State(state): State<AppState>,
    tr: Tr,
    jar: CookieJar,
    ClientAddress(client): ClientAddress,
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
    let attempt = state
        .app
        .login_from(form.username.trim(), &form.password, client)
        .await;
    match attempt {
        Ok(signed_in) => {
            let target = if signed_in.principal.must_change_password {
                "/account".to_owned()
            } else {
                next
            };
            let mut jar = jar
                .remove(removal_cookie(LOGIN_CSRF_COOKIE))
                .add(session_cookie(&state, signed_in.session_token));
            // The person's own language follows them to every browser they sign in from.
            if let Some(language) = signed_in.principal.language {
                jar = jar.add(language_cookie(&state, language));
            }
            (jar, Redirect::to(&target)).into_response()
        }
        Err(AppError::Locked { until }) => {
            let seconds = seconds_until(&state, &until);
            let waiting = Filled {
                values: shown,
                error: Some(FieldError {
                    field: None,
                    message: tr.tn("error-sign-in-wait", "seconds", seconds),
                }),
                status: Some(StatusCode::TOO_MANY_REQUESTS),
            };
            let mut response = login_page(&tr, jar, &state, next, waiting);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            response
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

/// The language switcher of every page: keeps the language in this browser and goes back to the
/// page (a local path only). A person's stored setting is changed on "My account".
pub async fn switch_language(
    State(state): State<AppState>,
    jar: CookieJar,
    Path(code): Path<String>,
    Query(query): Query<NextQuery>,
) -> Response {
    let next = safe_next(query.next.as_deref());
    match code.parse::<Language>() {
        Ok(language) => (
            jar.add(language_cookie(&state, language)),
            Redirect::to(&next),
        )
            .into_response(),
        Err(_) => Redirect::to(&next).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_NEXT, percent_decoded, safe_next};

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_next(Some("/admin/users")), "/admin/users");
        assert_eq!(safe_next(Some("/")), "/");
        assert_eq!(
            safe_next(Some("/law/acts/kz-2012-527-IV%2Fart_6")),
            "/law/acts/kz-2012-527-IV%2Fart_6"
        );
        assert_eq!(safe_next(Some("/law/%D0%B7%20x")), "/law/%D0%B7%20x");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("javascript:alert(1)")), "/");
        assert_eq!(safe_next(Some("/\\evil")), "/");
        assert_eq!(safe_next(Some("\\\\evil.example")), "/");
        assert_eq!(safe_next(Some("")), "/");
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn control_characters_and_their_encodings_go_home() {
        // As the query decodes them: a tab the browser would drop, line breaks, NUL.
        for raw in [
            "/\t/evil.example",
            "/\r\nSet-Cookie: x=1",
            "/\n/evil.example",
            "/\0",
            "/a b",
            "/\u{7f}",
            "/é",
        ] {
            assert_eq!(safe_next(Some(raw)), "/", "{raw:?}");
        }
        // Still encoded (decoded once more by the browser or a proxy).
        for encoded in [
            "/%09/evil.example",
            "/%0d%0aSet-Cookie:x",
            "/%0A/evil.example",
            "/%00",
            "/%5Cevil.example",
            "/%2F/evil.example",
            "/%2f%2fevil.example",
            "/%7F",
        ] {
            assert_eq!(safe_next(Some(encoded)), "/", "{encoded:?}");
        }
        assert_eq!(safe_next(Some(&format!("/{}", "a".repeat(MAX_NEXT)))), "/");
    }

    #[test]
    fn percent_decoding_keeps_what_is_not_an_escape() {
        assert_eq!(percent_decoded(b"/a%2Fb"), b"/a/b");
        assert_eq!(percent_decoded(b"/100%"), b"/100%");
        assert_eq!(percent_decoded(b"/%zz%4"), b"/%zz%4");
        assert_eq!(percent_decoded(b"%ff"), [0xff]);
    }
}
