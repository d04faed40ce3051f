//! Choosing the language (issue 14, item 2): a new installation speaks Kazakh; a visitor's
//! browser may ask for Russian or English; the switcher on every page keeps a choice in the
//! browser; a person's choice on "My account" is stored and follows them to every browser they
//! sign in from; the command line speaks the language it is given.

use std::process::Command;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use qorgau_app::{Acting, App};
use qorgau_i18n::{Arg, Language, render};

use crate::http::{form, get, hidden, set_cookie};
use crate::kit::{databases, send, state_speaking};

/// The router of an installation whose default language is `default`.
fn router_speaking(app: &App, default: Language) -> Router {
    qorgau_web::router(state_speaking(app, default))
}

fn said(language: Language, id: &str) -> String {
    render(&language.lang(), id, &[])
}

fn asking(path: &str, accept_language: &str) -> Request<Body> {
    Request::builder()
        .uri(path)
        .header(header::ACCEPT_LANGUAGE, accept_language)
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn a_new_installation_speaks_kazakh_and_each_reader_chooses() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    let router = router_speaking(&app, Language::Kazakh);

    let login = send(&router, get("/login", "")).await;
    let page = login.text();
    assert!(page.contains(r#"<html lang="kk">"#), "{page}");
    assert!(
        page.contains(&said(Language::Kazakh, "login-title")),
        "{page}"
    );
    // The switcher comes back to the page it was used on.
    assert!(
        page.contains(r#"href="/language/ru?next=%2Flogin""#),
        "{page}"
    );

    let russian = send(&router, asking("/login", "ru-RU,ru;q=0.9,en;q=0.5")).await;
    assert!(russian.text().contains(r#"<html lang="ru">"#));
    assert!(
        russian
            .text()
            .contains(&said(Language::Russian, "login-title"))
    );
    // A language the catalogue lacks falls back to the installation's default.
    let french = send(&router, asking("/login", "fr-FR")).await;
    assert!(french.text().contains(r#"<html lang="kk">"#));

    let switched = send(&router, get("/language/en?next=%2Flogin", "")).await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    assert_eq!(switched.headers[header::LOCATION], "/login");
    let cookie = set_cookie(&switched, "qorgau_lang").expect("the language cookie");
    assert!(cookie.starts_with("qorgau_lang=en;"), "{cookie}");
    // The choice outweighs what the browser asks for.
    let mut chosen = asking("/login", "ru-RU");
    chosen
        .headers_mut()
        .insert(header::COOKIE, "qorgau_lang=en".parse().unwrap());
    let chosen = send(&router, chosen).await;
    assert!(chosen.text().contains(r#"<html lang="en-US">"#));
    assert!(
        chosen
            .text()
            .contains(&said(Language::English, "login-title"))
    );

    // No language, or a way off the site: home, and nothing kept.
    let unknown = send(&router, get("/language/xx?next=%2Flogin", "")).await;
    assert_eq!(unknown.headers[header::LOCATION], "/login");
    assert!(set_cookie(&unknown, "qorgau_lang").is_none());
    let away = send(&router, get("/language/ru?next=%2F%2Fevil.example", "")).await;
    assert_eq!(away.headers[header::LOCATION], "/");
    app.store().close().await;
}

/// A person's language is stored with their account, audited, and set in the browser they sign
/// in from.
#[tokio::test]
async fn a_persons_language_is_stored_and_follows_them() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let router = router_speaking(&app, Language::Kazakh);
        let admin = app.find_user_by_username("admin").await.unwrap().id;
        let password = app.reset_password(Acting::Operator, admin).await.unwrap();
        let signed = app.login("admin", &password).await.unwrap();
        let renewed = app
            .change_password(&signed.principal, &password, "a long passphrase for 2026")
            .await
            .unwrap();
        let session = format!("qorgau_session={}", renewed.session_token);

        let account = send(&router, get("/account", &session)).await;
        assert_eq!(account.status, StatusCode::OK, "{label}");
        let csrf = hidden(&account.text(), "csrf");
        let refused = send(
            &router,
            form(
                "/account/language",
                &session,
                &format!("csrf={csrf}&language=fr"),
            ),
        )
        .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        let saved = send(
            &router,
            form(
                "/account/language",
                &session,
                &format!("csrf={csrf}&language=ru"),
            ),
        )
        .await;
        assert_eq!(
            saved.status,
            StatusCode::SEE_OTHER,
            "{label}: {}",
            saved.text()
        );
        assert!(
            set_cookie(&saved, "qorgau_lang").is_some_and(|c| c.starts_with("qorgau_lang=ru;")),
            "{label}"
        );
        let log = app.latest_audit(Acting::Operator, 5).await.unwrap();
        assert!(
            log.iter()
                .any(|entry| entry.stored.action == "user.language"),
            "{label}"
        );

        // Another browser: the sign-in sets the stored language.
        let login = send(&router, get("/login", "")).await;
        let token = hidden(&login.text(), "csrf");
        let signed_in = send(
            &router,
            form(
                "/login",
                &format!("qorgau_login_csrf={token}"),
                &format!("csrf={token}&username=admin&password=a+long+passphrase+for+2026"),
            ),
        )
        .await;
        assert_eq!(signed_in.status, StatusCode::SEE_OTHER, "{label}");
        assert!(
            set_cookie(&signed_in, "qorgau_lang").is_some_and(|c| c.starts_with("qorgau_lang=ru;")),
            "{label}"
        );
        app.store().close().await;
    }
}

/// The command line speaks the language it is given, Kazakh when none is.
#[test]
fn the_command_line_speaks_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("q.db").display());
    let migrate = |language: Option<&str>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_qorgau"));
        command
            .env("QORGAU_DATABASE", &database)
            .env("RUST_LOG", "warn")
            .env_remove("QORGAU_LANGUAGE")
            .arg("migrate");
        if let Some(language) = language {
            command.args(["--language", language]);
        }
        let output = command.output().expect("run qorgau");
        assert!(output.status.success());
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    };
    let expected = |language: Language, count: i64| {
        render(
            &language.lang(),
            "cli-migrated",
            &[("count", Arg::Number(count as f64))],
        )
    };
    let first = migrate(None);
    assert!(
        (1..100).any(|count| first == expected(Language::Kazakh, count)),
        "{first}"
    );
    assert_eq!(migrate(Some("ru")), expected(Language::Russian, 0));
    assert_eq!(migrate(Some("kk")), expected(Language::Kazakh, 0));
    assert_eq!(migrate(Some("en")), expected(Language::English, 0));
}

/// The API's problem documents answer in the language asked for, the installation's default
/// without one; the kind of problem stays the same word.
#[tokio::test]
async fn problem_documents_speak_the_readers_language() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    let router = router_speaking(&app, Language::Kazakh);
    for (accept, language) in [
        ("ru-RU", Language::Russian),
        ("en", Language::English),
        ("", Language::Kazakh),
    ] {
        let mut request = asking("/api/v1/no/such/thing", accept);
        if accept.is_empty() {
            request.headers_mut().remove(header::ACCEPT_LANGUAGE);
        }
        let reply = send(&router, request).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        let problem = reply.json();
        assert_eq!(problem["type"], "urn:qorgau:problem:no-route");
        assert_eq!(
            problem["title"],
            said(language, "problem-no-route"),
            "{problem}"
        );
        let detail = render(
            &language.lang(),
            "problem-detail-no-route",
            &[("path", Arg::Text("/api/v1/no/such/thing".into()))],
        );
        assert_eq!(problem["detail"], detail.as_str(), "{problem}");

        let mut unsigned = asking("/api/v1/me", accept);
        if accept.is_empty() {
            unsigned.headers_mut().remove(header::ACCEPT_LANGUAGE);
        }
        let reply = send(&router, unsigned).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        let problem = reply.json();
        assert_eq!(problem["title"], said(language, "problem-unauthenticated"));
        assert_eq!(problem["detail"], said(language, "error-unauthenticated"));
    }
    app.store().close().await;
}
