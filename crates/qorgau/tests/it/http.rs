//! The HTTP surface: operational endpoints, the OpenAPI document, sessions, cookies and CSRF.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use qorgau_app::{Acting, Role};

use crate::kit::{Reply, api, databases, router, send, tree, user_with_token};

#[tokio::test]
async fn health_readiness_metrics_and_request_ids() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    let router = router(&app);
    let health = send(&router, api("GET", "/healthz", None, None)).await;
    assert_eq!(health.status, StatusCode::OK);
    assert!(
        health.headers.get("x-request-id").is_some(),
        "a request id is assigned and returned"
    );
    let ready = send(&router, api("GET", "/readyz", None, None)).await;
    assert_eq!(ready.status, StatusCode::OK);
    // Without a metrics token /metrics is not served (bounded::metrics_ask_for_their_token...).
    let metrics = send(&router, api("GET", "/metrics", None, None)).await;
    assert_eq!(metrics.status, StatusCode::NOT_FOUND);
    // A request id sent by a proxy is kept.
    let mut request = api("GET", "/healthz", None, None);
    request
        .headers_mut()
        .insert("x-request-id", "abc-123".parse().unwrap());
    let reply = send(&router, request).await;
    assert_eq!(reply.headers["x-request-id"], "abc-123");
    // When the database is gone, the server is not ready.
    app.store().close().await;
    let ready = send(&router, api("GET", "/readyz", None, None)).await;
    assert_eq!(ready.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(ready.content_type(), "application/problem+json");
}

#[tokio::test]
async fn every_documented_operation_is_served() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    let router = router(&app);
    let doc = send(&router, api("GET", "/api/v1/openapi.json", None, None)).await;
    assert_eq!(doc.status, StatusCode::OK);
    let doc = doc.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 15, "{}", paths.len());
    for (path, item) in paths {
        let concrete = path
            .replace("{id}", "1")
            .replace("{act}", "kz-2005-29")
            .replace("{path}", "art_22");
        for method in item.as_object().unwrap().keys() {
            let request = Request::builder()
                .method(method.to_uppercase().as_str())
                .uri(&concrete)
                .body(Body::empty())
                .unwrap();
            let reply = send(&router, request).await;
            let is_no_route = reply.content_type() == "application/problem+json"
                && reply.json()["type"] == "urn:qorgau:problem:no-route";
            assert!(!is_no_route, "{method} {path} is documented but not routed");
            assert_ne!(
                reply.status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path}"
            );
        }
    }
    app.store().close().await;
}

/// Every rule's facts and outcome schemas are components of the served document, every `$ref`
/// in it resolves, query parameters are declared in the query, and problems are
/// `application/problem+json`.
#[tokio::test]
async fn the_openapi_document_carries_every_rule_schema() {
    let doc = qorgau_web::openapi_document();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for rule in qorgau_rules::registry().iter() {
        let id = rule.info().id;
        for part in ["facts", "outcome"] {
            assert!(
                schemas.contains_key(&format!("rules.{id}.{part}")),
                "no {part} schema for {id}"
            );
        }
    }
    let action_schema = &schemas["rules.conscription.non_appearance_action.outcome"];
    let action_schema = match action_schema["$ref"].as_str() {
        Some(target) => &schemas[target.trim_start_matches("#/components/schemas/")],
        None => action_schema,
    };
    assert!(
        action_schema["properties"]["action"].is_object(),
        "{action_schema}"
    );
    // Every reference points at a component that exists.
    let text = doc.to_string();
    for piece in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = piece.split('"').next().unwrap();
        assert!(schemas.contains_key(name), "dangling $ref to {name}");
    }
    let mut query_params = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            for param in operation["parameters"].as_array().into_iter().flatten() {
                let name = param["name"].as_str().unwrap();
                if param["in"] == "path" {
                    assert!(
                        path.contains(&format!("{{{name}}}")),
                        "{method} {path}: {name} is declared in the path but is not in it"
                    );
                } else {
                    query_params += 1;
                }
            }
            for (status, response) in operation["responses"].as_object().unwrap() {
                if let Some(content) = response["content"].as_object() {
                    let problem_as_json = content
                        .get("application/json")
                        .is_some_and(|c| c["schema"]["$ref"] == "#/components/schemas/Problem");
                    assert!(!problem_as_json, "{method} {path} {status}");
                }
            }
        }
    }
    assert!(query_params > 20, "{query_params}");
}

pub fn form(path: &str, cookies: &str, body: &str) -> Request<Body> {
    Request::builder()
        .method("POST")
        .uri(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookies)
        .body(Body::from(body.to_owned()))
        .unwrap()
}

pub fn get(path: &str, cookies: &str) -> Request<Body> {
    Request::builder()
        .uri(path)
        .header(header::COOKIE, cookies)
        .body(Body::empty())
        .unwrap()
}

pub fn set_cookie<'a>(reply: &'a Reply, name: &str) -> Option<&'a str> {
    reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
}

fn cookie_value(set_cookie: &str) -> String {
    set_cookie
        .split(';')
        .next()
        .unwrap_or_default()
        .split_once('=')
        .map(|(_, v)| v.to_owned())
        .unwrap_or_default()
}

pub fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in page"))
        + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn page_sign_in_with_cookies_and_csrf() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    let admin = app.find_user_by_username("admin").await.unwrap();
    let password = app
        .reset_password(Acting::Operator, admin.id)
        .await
        .unwrap();
    let router = router(&app);

    // The home page sends strangers to sign in.
    let home = send(&router, get("/", "")).await;
    assert_eq!(home.status, StatusCode::SEE_OTHER);
    assert_eq!(home.headers[header::LOCATION], "/login?next=/");

    // The sign-in form sets a double-submit cookie; without it the form is refused.
    let login = send(&router, get("/login", "")).await;
    let login_cookie =
        cookie_value(set_cookie(&login, "qorgau_login_csrf").expect("login csrf cookie"));
    let token = hidden(&login.text(), "csrf");
    assert_eq!(login_cookie, token);
    let body = format!("csrf={token}&username=admin&password={password}&next=%2F");
    let refused = send(&router, form("/login", "", &body)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // A wrong password shows the form again with the reason.
    let wrong = send(
        &router,
        form(
            "/login",
            &format!("qorgau_login_csrf={token}"),
            &format!("csrf={token}&username=admin&password=nope"),
        ),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.text().contains("Wrong username or password."));

    // The right password: a session cookie, HttpOnly and SameSite=Strict, and the password change first.
    let ok = send(
        &router,
        form("/login", &format!("qorgau_login_csrf={token}"), &body),
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text());
    assert_eq!(ok.headers[header::LOCATION], "/account");
    let session = set_cookie(&ok, "qorgau_session")
        .expect("session cookie")
        .to_owned();
    assert!(session.contains("HttpOnly"), "{session}");
    assert!(session.contains("SameSite=Strict"), "{session}");
    let cookie = format!("qorgau_session={}", cookie_value(&session));

    // Until the password is changed, pages lead to the account page.
    let home = send(&router, get("/admin/users", &cookie)).await;
    assert_eq!(home.status, StatusCode::SEE_OTHER, "{}", home.text());
    let account = send(&router, get("/account", &cookie)).await;
    assert_eq!(account.status, StatusCode::OK);
    let csrf = hidden(&account.text(), "csrf");

    // A form without the session's token is refused.
    let forged = send(
        &router,
        form(
            "/account/password",
            &cookie,
            "csrf=forged&current_password=x&new_password=y&repeat_password=y",
        ),
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(
        forged.content_type().starts_with("text/html"),
        "a person gets a page, not JSON"
    );
    assert!(
        forged.text().contains("The form expired"),
        "{}",
        forged.text()
    );

    let change = format!(
        "csrf={csrf}&current_password={password}&new_password=a+brand+new+passphrase&repeat_password=a+brand+new+passphrase"
    );
    let changed = send(&router, form("/account/password", &cookie, &change)).await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.text());
    let session = set_cookie(&changed, "qorgau_session")
        .expect("a new session")
        .to_owned();
    let cookie = format!("qorgau_session={}", cookie_value(&session));

    // Home shows the scope; the users page works.
    let home = send(&router, get("/", &cookie)).await;
    assert_eq!(home.status, StatusCode::OK);
    let html = home.text();
    assert!(
        html.contains("Administrator") && html.contains("Republic of Kazakhstan"),
        "{html}"
    );
    let users = send(&router, get("/admin/users", &cookie)).await;
    assert_eq!(users.status, StatusCode::OK);
    assert!(users.text().contains("admin"));

    // A cookie-authenticated API change needs the X-CSRF-Token header.
    let csrf = hidden(&home.text(), "csrf");
    let mut no_header = api(
        "POST",
        "/api/v1/me/tokens",
        None,
        Some(serde_json::json!({"name": "x"})),
    );
    no_header
        .headers_mut()
        .insert(header::COOKIE, cookie.parse().unwrap());
    assert_eq!(send(&router, no_header).await.status, StatusCode::FORBIDDEN);
    let mut with_header = api(
        "POST",
        "/api/v1/me/tokens",
        None,
        Some(serde_json::json!({"name": "x"})),
    );
    with_header
        .headers_mut()
        .insert(header::COOKIE, cookie.parse().unwrap());
    with_header
        .headers_mut()
        .insert("x-csrf-token", csrf.parse().unwrap());
    assert_eq!(send(&router, with_header).await.status, StatusCode::CREATED);

    // Sign out ends the session.
    let out = send(&router, form("/logout", &cookie, &format!("csrf={csrf}"))).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    let after = send(&router, get("/", &cookie)).await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    app.store().close().await;
}

/// The national-security pages: their records belong to the root of the tree.
const NATIONAL_PAGES: &[&str] = &[
    "/security",
    "/security?q=x&code=",
    "/security/bodies",
    "/security/bodies/9",
    "/security/threats",
    "/security/threats?as_of=2026-01-01&area=information&interest=14",
    "/security/threats/16",
    "/security/measures",
    "/security/strategy",
    "/council",
    "/council?status=overdue",
];

/// The session cookie of a new user with `role` on `unit`, signed in with a password of their
/// own.
async fn page_session(app: &qorgau_app::App, username: &str, role: Role, unit: i64) -> String {
    user_with_token(app, username, role, unit).await;
    let id = app.find_user_by_username(username).await.unwrap().id;
    let password = app.reset_password(Acting::Operator, id).await.unwrap();
    let signed = app.login(username, &password).await.unwrap();
    let renewed = app
        .change_password(&signed.principal, &password, "pages passphrase 123")
        .await
        .unwrap();
    format!("qorgau_session={}", renewed.session_token)
}

#[tokio::test]
async fn pages_render_for_each_role_and_refuse_what_the_role_cannot_see() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    let t = tree(&app).await;
    let router = router(&app);
    for &role in Role::ALL {
        let cookie = page_session(&app, &format!("{role}.pages"), role, t.a).await;
        // National records belong to the root: the same role held there.
        let national_cookie = page_session(&app, &format!("{role}.national"), role, t.root).await;
        let reads_safety = matches!(
            role,
            Role::Commander | Role::SafetyOfficer | Role::Inspector | Role::Analyst | Role::Auditor
        );
        let reads_security = matches!(
            role,
            Role::CouncilSecretariat | Role::Analyst | Role::Auditor
        );
        for (path, allowed, cookie) in [
            ("/", true),
            ("/account", true),
            ("/rules", true),
            ("/rules/safety.plan_due", true),
            ("/org", true),
            (
                "/admin/users",
                matches!(role, Role::Administrator | Role::Auditor),
            ),
            ("/audit", false), // granted on A, not on the root
            ("/law", true),
            ("/law/acts/kz-2005-29?as_of=2026-01-01", true),
            (
                "/law/clauses/kz-2005-29/art_22__para_2__point_15?as_of=2026-01-01",
                true,
            ),
            ("/law/clauses/kz-2020-mod-738/para_5", true),
            ("/law/search?q=mobilization&act=&as_of=2026-01-01", true),
            ("/law/search", true),
            ("/law/watch", true),
            ("/law/watch?as_of=2022-09-14", true),
            ("/who", true),
            ("/who?q=who+approves+the+rules+of+physical+training", true),
            ("/who?q=territorial+defense&as_of=2026-01-01", true),
            ("/reference", true),
            ("/safety", reads_safety),
            ("/safety/structure", reads_safety),
            ("/safety/acts", reads_safety),
            ("/safety/incidents", reads_safety),
            ("/safety/analysis", reads_safety),
            (
                "/safety/analysis?kind=winter_training&year=2025",
                reads_safety,
            ),
        ]
        .into_iter()
        .map(|(path, allowed)| (path, allowed, cookie.as_str()))
        .chain(NATIONAL_PAGES.iter().flat_map(|&path| {
            // Granted on A the national pages are refused to every role; on the root they show
            // to the roles that read national security.
            [
                (path, false, cookie.as_str()),
                (path, reads_security, national_cookie.as_str()),
            ]
        })) {
            let reply = send(&router, get(path, cookie)).await;
            let want = if allowed {
                StatusCode::OK
            } else {
                StatusCode::FORBIDDEN
            };
            assert_eq!(reply.status, want, "{role} {path}: {}", reply.text());
            assert!(
                reply.content_type().starts_with("text/html"),
                "{role} {path}"
            );
            assert!(
                ![
                    "[nav-",
                    "[field-",
                    "[safety-",
                    "[analysis-",
                    "[unit-kind-",
                    "[period-",
                    "[coverage-",
                    "[security-",
                    "[council-"
                ]
                .iter()
                .any(|missing| reply.text().contains(missing)),
                "{role} {path}: a message is missing"
            );
            // Every page of the safety module says that Order No. 738 has lapsed.
            if allowed && path.starts_with("/safety") {
                assert!(
                    reply.text().contains("law-notice") && reply.text().contains("No. 753"),
                    "{role} {path}: no notice of the lapse"
                );
            }
        }
    }
    app.store().close().await;
}

#[tokio::test]
async fn clauses_are_read_on_a_date() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    let t = tree(&app).await;
    let (_, token) = user_with_token(&app, "reader", Role::Inspector, t.a1).await;
    let router = router(&app);
    let clause = |as_of: &str| {
        api(
            "GET",
            &format!("/api/v1/law/clauses/kz-2005-29/art_22__para_2__point_15?as_of={as_of}"),
            Some(&token),
            None,
        )
    };
    let before = send(&router, clause("2025-01-01")).await.json();
    assert_eq!(before["status"]["status"], "in_force", "{before}");
    let after = send(&router, clause("2026-01-01")).await.json();
    assert_eq!(after["status"]["status"], "excluded", "{after}");
    assert_eq!(
        after["status"]["by"],
        "Law of the Republic of Kazakhstan dated June 30, 2025 No. 202-VIII"
    );
    assert_eq!(after["status"]["since"], "2025-07-10");
    assert_eq!(after["breadcrumbs"][0]["id"], "kz-2005-29/art_22");
    let cited = send(
        &router,
        api(
            "GET",
            "/api/v1/law/clauses/kz-2020-mod-738/para_5",
            Some(&token),
            None,
        ),
    )
    .await
    .json();
    assert_eq!(cited["cited_by"][0], "safety.plan_due");
    assert!(
        cited["text"]
            .as_str()
            .unwrap()
            .starts_with("Annually, before December 25")
    );
    let missing = send(
        &router,
        api(
            "GET",
            "/api/v1/law/clauses/kz-2005-29/art_99",
            Some(&token),
            None,
        ),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let malformed = send(
        &router,
        api(
            "GET",
            "/api/v1/law/clauses/kz-2005-29/section_1",
            Some(&token),
            None,
        ),
    )
    .await;
    assert_eq!(malformed.status, StatusCode::UNPROCESSABLE_ENTITY);
    let contents = send(
        &router,
        api(
            "GET",
            "/api/v1/law/acts/kz-2012-527-IV?as_of=2026-01-01",
            Some(&token),
            None,
        ),
    )
    .await
    .json();
    assert!(contents["contents"].as_array().unwrap().len() > 300);
    // Search: ranked hits with snippets; bad input is a clear 4xx.
    let hits = send(
        &router,
        api(
            "GET",
            "/api/v1/law/search?q=mobilization&limit=5",
            Some(&token),
            None,
        ),
    )
    .await
    .json();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 5);
    assert!(
        hits.iter().any(|h| h["act"] == "kz-2005-29")
            && hits.iter().any(|h| h["act"] == "kz-2012-527-IV")
    );
    assert!(
        hits[0]["snippet_html"]
            .as_str()
            .unwrap()
            .contains("<b>mobilization</b>")
    );
    let empty = send(
        &router,
        api("GET", "/api/v1/law/search?q=%20", Some(&token), None),
    )
    .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let unknown_act = send(
        &router,
        api(
            "GET",
            "/api/v1/law/search?q=x&act=kz-1999-1",
            Some(&token),
            None,
        ),
    )
    .await;
    assert_eq!(unknown_act.status, StatusCode::UNPROCESSABLE_ENTITY);
    let no_q = send(
        &router,
        api("GET", "/api/v1/law/search", Some(&token), None),
    )
    .await;
    assert_eq!(no_q.status, StatusCode::BAD_REQUEST);
    // The page shows the exclusion.
    let password = app
        .reset_password(
            Acting::Operator,
            app.find_user_by_username("reader").await.unwrap().id,
        )
        .await
        .unwrap();
    let signed = app.login("reader", &password).await.unwrap();
    let renewed = app
        .change_password(&signed.principal, &password, "law passphrase 2026")
        .await
        .unwrap();
    let cookie = format!("qorgau_session={}", renewed.session_token);
    let page = send(
        &router,
        get(
            "/law/clauses/kz-2005-29/art_22__para_2__point_15?as_of=2026-01-01",
            &cookie,
        ),
    )
    .await;
    assert!(page.text().contains("Excluded by the Law of the Republic of Kazakhstan dated June 30, 2025 No. 202-VIII, since 2025-07-10."), "{}", page.text());
    let found = send(
        &router,
        get(
            "/law/search?q=%22physical+training%22&act=kz-2005-29&as_of=",
            &cookie,
        ),
    )
    .await;
    assert_eq!(found.status, StatusCode::OK);
    assert!(
        found.text().contains("<b>physical</b> <b>training</b>"),
        "{}",
        found.text()
    );
    assert!(
        found
            .text()
            .contains("/law/clauses/kz-2005-29/art_22__para_2__point_26-22")
    );
    app.store().close().await;
}
