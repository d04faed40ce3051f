//! The security headers of every answer: the fixed ones (frame, sniffing, content security and
//! referrer policies, set unless a handler set its own), and those that depend on the request
//! or on how the server is reached.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::response::Response;
use axum_extra::extract::CookieJar;

use crate::auth::SESSION_COOKIE;

/// One year: browsers keep to https for that long after they last saw the header.
const HSTS: &str = "max-age=31536000";

/// The headers every answer carries unless its handler chose otherwise. `base-uri` is not
/// covered by `default-src`: without it an injected <base> would send every relative link and
/// form elsewhere.
const FIXED: [(HeaderName, &str); 4] = [
    (header::REFERRER_POLICY, "no-referrer"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (
        header::CONTENT_SECURITY_POLICY,
        concat!(
            "default-src 'self'; base-uri 'none'; form-action 'self'; ",
            "frame-ancestors 'none'; object-src 'none'"
        ),
    ),
];

/// Sets the security headers on `response`: the fixed ones; `Cache-Control: no-store` on what
/// is private (every API answer, every answer to a caller who sends a session cookie or a
/// bearer token, every answer that sets a cookie), so no browser cache or proxy keeps a page of
/// the register or a token for the next person at the same computer; and
/// `Strict-Transport-Security` when the public URL is https, so a browser never sends the
/// session cookie over plain http again.
pub(crate) fn secure(response: &mut Response, private: bool, https: bool) {
    let headers: &mut HeaderMap = response.headers_mut();
    for (name, value) in FIXED {
        headers
            .entry(name)
            .or_insert_with(|| HeaderValue::from_static(value));
    }
    if private || headers.contains_key(header::SET_COOKIE) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
}

/// Whether the answer to `request` may hold what only its caller may see. The stylesheet is the
/// same for everyone and may be cached.
pub(crate) fn is_private(request: &Request) -> bool {
    let path = request.uri().path();
    if path.starts_with("/static/") {
        return false;
    }
    path == "/api"
        || path.starts_with("/api/")
        || request.headers().contains_key(header::AUTHORIZATION)
        || CookieJar::from_headers(request.headers())
            .get(SESSION_COOKIE)
            .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn request(path: &str, extra: Option<(header::HeaderName, &str)>) -> Request {
        let mut builder = axum::http::Request::builder().uri(path);
        if let Some((name, value)) = extra {
            builder = builder.header(name, value);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn the_api_and_signed_in_callers_are_private() {
        assert!(is_private(&request("/api/v1/me", None)));
        assert!(is_private(&request("/api", None)));
        assert!(is_private(&request(
            "/",
            Some((header::COOKIE, "qorgau_session=abc"))
        )));
        assert!(is_private(&request(
            "/law",
            Some((header::AUTHORIZATION, "Bearer x"))
        )));
        assert!(!is_private(&request("/login", None)));
        assert!(!is_private(&request(
            "/login",
            Some((header::COOKIE, "qorgau_login_csrf=abc"))
        )));
        assert!(!is_private(&request(
            "/static/qorgau.css",
            Some((header::COOKIE, "qorgau_session=abc"))
        )));
        assert!(!is_private(&request("/apiary", None)));
    }
}
