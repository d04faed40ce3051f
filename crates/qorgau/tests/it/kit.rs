//! The test kit: databases on both backends, an application over each, and requests through the
//! real router.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use qorgau_app::accounts::{GrantInput, NewUserInput};
use qorgau_app::org::{NewUnitInput, UnitKind};
use qorgau_app::{Acting, App, Clock, Role, Settings};
use qorgau_store::Store;
use qorgau_web::{AppState, WebConfig};
use tower::ServiceExt;

/// Whether missing parts must fail instead of being skipped.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// One test database.
pub struct TestDb {
    pub label: &'static str,
    pub url: String,
    /// Keeps a SQLite file's folder alive for the test.
    _dir: Option<tempfile::TempDir>,
    /// The PostgreSQL server and database to drop when the test ends.
    postgres: Option<(String, String)>,
}

impl Drop for TestDb {
    /// Drops a PostgreSQL test database, so that repeated runs do not fill the disk. `Drop` cannot
    /// await, so the statement runs on a thread of its own with its own runtime; a failure only
    /// leaves the database behind.
    fn drop(&mut self) {
        let Some((admin_url, name)) = self.postgres.take() else {
            return;
        };
        let dropping = std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            runtime.block_on(async move {
                use sqlx::Executor;
                if let Ok(mut conn) =
                    <sqlx::AnyConnection as sqlx::Connection>::connect(&admin_url).await
                {
                    let _ = conn
                        .execute(sqlx::AssertSqlSafe(format!(
                            "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                        )))
                        .await;
                }
            });
        });
        let _ = dropping.join();
    }
}

/// A fresh database on every backend available: SQLite always, PostgreSQL when configured.
pub async fn databases() -> Vec<TestDb> {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("qorgau.db");
    let mut all = vec![TestDb {
        label: "sqlite",
        url: format!("sqlite://{}", path.display()),
        _dir: Some(dir),
        postgres: None,
    }];
    match std::env::var("QORGAU_TEST_POSTGRES_URL")
        .ok()
        .filter(|url| !url.is_empty())
    {
        Some(admin_url) => all.push(fresh_postgres(&admin_url).await),
        None if in_ci() => panic!(
            "CI=true but QORGAU_TEST_POSTGRES_URL is not set: PostgreSQL tests cannot be skipped"
        ),
        None => eprintln!(
            "QORGAU_TEST_POSTGRES_URL is not set: this run covers SQLite only (scripts/test sets it)"
        ),
    }
    all
}

/// Creates a new, empty PostgreSQL database on the server of `admin_url`.
async fn fresh_postgres(admin_url: &str) -> TestDb {
    use sqlx::Executor;
    sqlx::any::install_default_drivers();
    let name = format!("qorgau_test_{}", hex_id());
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(admin_url)
        .await
        .expect("connect to the PostgreSQL test server");
    conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .await
        .expect("create a test database");
    let base = admin_url
        .rsplit_once('/')
        .map_or(admin_url, |(base, _)| base);
    TestDb {
        label: "postgres",
        url: format!("{base}/{name}"),
        _dir: None,
        postgres: Some((admin_url.to_owned(), name)),
    }
}

fn hex_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!(
        "{:x}_{}_{}",
        nanos,
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

impl TestDb {
    pub async fn store(&self) -> Store {
        let store = Store::connect(&self.url).await.expect("connect");
        store.migrate().await.expect("migrate");
        store
    }

    pub async fn app(&self) -> App {
        self.app_with_clock(Clock::System).await
    }

    pub async fn app_with_clock(&self, clock: Clock) -> App {
        let app = App::new(self.store().await, clock, Settings::default());
        app.bootstrap().await.expect("bootstrap");
        app
    }
}

/// The web state of the tests: English unless a test asks for another default language.
pub fn state(app: &App) -> AppState {
    state_speaking(app, qorgau_i18n::Language::English)
}

/// The web state of an installation whose default language is `language`.
pub fn state_speaking(app: &App, language: qorgau_i18n::Language) -> AppState {
    AppState::new(
        app.clone(),
        WebConfig {
            public_url: "http://127.0.0.1".into(),
            webhook_secret: "test-webhook-secret".into(),
            default_language: language,
        },
        qorgau_web::metrics_handle(),
    )
}

pub fn router(app: &App) -> Router {
    qorgau_web::router(state(app))
}

/// A response read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn content_type(&self) -> &str {
        self.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

/// Sends one request through the router.
pub async fn send(router: &Router, request: Request<Body>) -> Reply {
    let response = router
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), 64 * 1024 * 1024)
        .await
        .expect("body")
        .to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

/// A request with a bearer token and an optional JSON body.
pub fn api(
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<serde_json::Value>,
) -> Request<Body> {
    let mut builder = Request::builder().method(method).uri(path);
    if let Some(token) = token {
        builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    match body {
        Some(json) => builder
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json.to_string()))
            .expect("request"),
        None => builder.body(Body::empty()).expect("request"),
    }
}

/// The organisation every access test uses:
/// root -> A -> A1, root -> B.
pub struct Tree {
    pub root: i64,
    pub a: i64,
    pub a1: i64,
    pub b: i64,
}

pub async fn tree(app: &App) -> Tree {
    let root = app
        .ensure_root("Republic of Kazakhstan")
        .await
        .expect("root")
        .id;
    let unit = |parent_id: i64, name: &str, kind: UnitKind| {
        let app = app.clone();
        let name = name.to_owned();
        async move {
            app.create_unit(
                Acting::Operator,
                NewUnitInput {
                    parent_id,
                    name,
                    kind,
                },
            )
            .await
            .expect("unit")
            .id
        }
    };
    let a = unit(root, "Regional Command A", UnitKind::OperationalTerritorial).await;
    let a1 = unit(a, "Military unit A1", UnitKind::Tactical).await;
    let b = unit(root, "Regional Command B", UnitKind::OperationalTerritorial).await;
    Tree { root, a, a1, b }
}

/// Creates a user with one role on one unit and returns (user id, API token).
pub async fn user_with_token(app: &App, username: &str, role: Role, unit_id: i64) -> (i64, String) {
    let (user, _) = app
        .create_user(
            Acting::Operator,
            NewUserInput {
                username: username.to_owned(),
                display_name: format!("Test {username}"),
                home_unit_id: unit_id,
                grants: vec![GrantInput { role, unit_id }],
            },
        )
        .await
        .expect("user");
    let (_, token) = app
        .create_token_for(username, "tests")
        .await
        .expect("token");
    (user.id, token)
}
