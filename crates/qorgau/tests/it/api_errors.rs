//! Bad input gets a 4xx problem document with a clear message, never a 500.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use qorgau_app::Role;
use serde_json::json;

use crate::kit::{api, databases, router, send, tree, user_with_token};

#[tokio::test]
async fn bad_requests_are_clear_4xx_problems() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    let t = tree(&app).await;
    let (_, token) = user_with_token(&app, "root.admin", Role::Administrator, t.root).await;
    let router = router(&app);
    let bearer = format!("Bearer {token}");
    let raw = |method: &str, path: &str, content_type: Option<&str>, body: String| {
        let mut builder = Request::builder()
            .method(method)
            .uri(path)
            .header(header::AUTHORIZATION, &bearer);
        if let Some(ct) = content_type {
            builder = builder.header(header::CONTENT_TYPE, ct);
        }
        builder.body(Body::from(body)).unwrap()
    };

    let cases: Vec<(&str, Request<Body>, StatusCode, &str)> = vec![
        (
            "malformed JSON",
            raw(
                "POST",
                "/api/v1/users",
                Some("application/json"),
                "{\"username\": ".into(),
            ),
            StatusCode::BAD_REQUEST,
            "EOF",
        ),
        (
            "unknown field",
            api(
                "POST",
                "/api/v1/users",
                Some(&token),
                Some(
                    json!({"username": "x.y", "display_name": "X", "home_unit_id": t.a, "colour": "red"}),
                ),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "colour",
        ),
        (
            "wrong type",
            api(
                "POST",
                "/api/v1/users",
                Some(&token),
                Some(json!({"username": "x.y", "display_name": "X", "home_unit_id": "A"})),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "home_unit_id",
        ),
        (
            "missing field",
            api(
                "POST",
                "/api/v1/users",
                Some(&token),
                Some(json!({"username": "x.y"})),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "display_name",
        ),
        (
            "unknown role",
            api(
                "POST",
                "/api/v1/users",
                Some(&token),
                Some(
                    json!({"username": "x.y", "display_name": "X", "home_unit_id": t.a, "grants": [{"role": "general", "unit_id": t.a}]}),
                ),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "general",
        ),
        (
            "invalid username",
            api(
                "POST",
                "/api/v1/users",
                Some(&token),
                Some(json!({"username": "X Y", "display_name": "X", "home_unit_id": t.a})),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "username",
        ),
        (
            "unit that does not exist",
            api(
                "POST",
                "/api/v1/users",
                Some(&token),
                Some(json!({"username": "x.y", "display_name": "X", "home_unit_id": 999999})),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "999999",
        ),
        (
            "oversized body",
            raw(
                "POST",
                "/api/v1/users",
                Some("application/json"),
                format!(
                    "{{\"username\": \"{}\"}}",
                    "x".repeat(qorgau_web::BODY_LIMIT + 10)
                ),
            ),
            StatusCode::PAYLOAD_TOO_LARGE,
            "at most",
        ),
        (
            "no content type",
            raw(
                "POST",
                "/api/v1/me/tokens",
                None,
                "{\"name\": \"x\"}".into(),
            ),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Content-Type",
        ),
        (
            "unknown user id",
            api("GET", "/api/v1/users/424242", Some(&token), None),
            StatusCode::NOT_FOUND,
            "424242",
        ),
        (
            "non-numeric id",
            api("GET", "/api/v1/users/abc", Some(&token), None),
            StatusCode::BAD_REQUEST,
            "abc",
        ),
        (
            "unknown unit id",
            api("GET", "/api/v1/org/units/777777", Some(&token), None),
            StatusCode::NOT_FOUND,
            "777777",
        ),
        (
            "no such route",
            api("GET", "/api/v1/nothing-here", Some(&token), None),
            StatusCode::NOT_FOUND,
            "/api/v1/nothing-here",
        ),
        (
            "unknown rule",
            api(
                "POST",
                "/api/v1/rules/no.such_rule/evaluate",
                Some(&token),
                Some(json!({"facts": {}})),
            ),
            StatusCode::NOT_FOUND,
            "no.such_rule",
        ),
        (
            "facts that do not fit",
            api(
                "POST",
                "/api/v1/rules/safety.plan_due/evaluate",
                Some(&token),
                Some(json!({"facts": {"yaer": 2026}})),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "yaer",
        ),
        (
            "a fact out of range",
            api(
                "POST",
                "/api/v1/rules/safety.plan_due/evaluate",
                Some(&token),
                Some(json!({"facts": {"year": 1999}})),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "year",
        ),
        (
            "a bad date",
            api(
                "POST",
                "/api/v1/rules/safety.plan_due/evaluate",
                Some(&token),
                Some(json!({"facts": {"year": 2026}, "as_of": "2026-02-30"})),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "as_of",
        ),
        (
            "a bad query parameter",
            api("GET", "/api/v1/audit?limit=many", Some(&token), None),
            StatusCode::BAD_REQUEST,
            "limit",
        ),
        (
            "a bad token",
            api("GET", "/api/v1/me", Some("qrg_0000"), None),
            StatusCode::UNAUTHORIZED,
            "Sign-in required",
        ),
    ];
    // The authentication scheme is case-insensitive.
    let mut lower = api("GET", "/api/v1/me", None, None);
    lower.headers_mut().insert(
        header::AUTHORIZATION,
        format!("bearer {token}").parse().unwrap(),
    );
    assert_eq!(send(&router, lower).await.status, StatusCode::OK);
    for (name, request, status, fragment) in cases {
        let reply = send(&router, request).await;
        assert_eq!(reply.status, status, "{name}: {}", reply.text());
        assert_eq!(reply.content_type(), "application/problem+json", "{name}");
        let problem = reply.json();
        assert_eq!(problem["status"], status.as_u16(), "{name}");
        assert!(
            problem["type"]
                .as_str()
                .unwrap()
                .starts_with("urn:qorgau:problem:"),
            "{name}"
        );
        let text = problem.to_string();
        assert!(
            text.contains(fragment),
            "{name}: {fragment:?} not in {text}"
        );
    }
    // A word outside a vocabulary is refused naming its field, like any other invalid input.
    let reply = send(
        &router,
        api(
            "POST",
            "/api/v1/conscription/campaigns",
            Some(&token),
            Some(json!({"unit_id": t.a, "title": "T", "purpose": "picnic", "appearance_place": "P", "appearance_at": "2026-12-15T10:00:00+05:00"})),
        ),
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.text()
    );
    assert_eq!(reply.json()["field"], "purpose", "{}", reply.text());
    app.store().close().await;
}
