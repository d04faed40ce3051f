//! The web layer: the JSON API under `/api/v1` with its OpenAPI document, the server-rendered
//! pages, and the operational endpoints (`/healthz`, `/readyz`, `/metrics`).
//!
//! Architecture invariant: handlers hold no business logic. They parse, call one workflow of
//! `qorgau-app` (which authorises and audits), and render.

mod api;
mod auth;
mod clients;
mod edge;
mod extract;
mod headers;
mod i18n;
mod limits;
mod observe;
mod pages;
mod problem;
mod server;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::HeaderName;
use metrics_exporter_prometheus::PrometheusHandle;
use qorgau_app::App;
use qorgau_i18n::Language;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};

pub use api::{openapi, openapi_document, security_views};
pub use limits::{Budget, Protections};
pub use problem::Problem;

/// The largest request body accepted, in bytes, on every route but the CSV imports: a form or a
/// JSON document.
pub const BODY_LIMIT: usize = 64 * 1024;

/// The largest body of the CSV imports (routes whose template ends in `/import`), in bytes.
pub const IMPORT_BODY_LIMIT: usize = 8 * 1024 * 1024;

/// How the server is reached and how cookies are set.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// The URL people use; cookies get the `Secure` flag when it is https.
    pub public_url: String,
    /// The shared secret the channels sign their webhook calls with; empty refuses them all.
    pub webhook_secret: String,
    /// The language of readers who chose none and whose browser asks for none the catalogue
    /// has.
    pub default_language: Language,
}

impl WebConfig {
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

/// What every handler can reach: shared behind one reference count, because the router
/// clones it for every request.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

/// The parts of [`AppState`].
pub struct Shared {
    pub app: App,
    pub config: WebConfig,
    pub metrics: PrometheusHandle,
}

impl AppState {
    pub fn new(app: App, config: WebConfig, metrics: PrometheusHandle) -> Self {
        Self(Arc::new(Shared {
            app,
            config,
            metrics,
        }))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The whole router with the default protections (no metrics token: `/metrics` is not served).
pub fn router(state: AppState) -> Router {
    router_with(state, &Protections::default())
}

/// The whole router: API, pages, operational endpoints, and the layers every request passes.
pub fn router_with(state: AppState, protections: &Protections) -> Router {
    let (api_router, _) = api::router().split_for_parts();
    let x_request_id = HeaderName::from_static("x-request-id");
    // One stack, applied once: each `Router::layer` call boxes every route again, and every
    // box is cloned for every request. The first layer is the outermost.
    let layers = tower::ServiceBuilder::new()
        .layer(SetRequestIdLayer::new(
            x_request_id.clone(),
            MakeRequestUuid,
        ))
        .layer(observe::trace_layer())
        .layer(PropagateRequestIdLayer::new(x_request_id))
        // Each route's limit is the edge's; axum's own default would cut the imports short.
        .layer(DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn_with_state(
            edge::Edge::new(state.clone(), protections),
            edge::edge,
        ));
    Router::new()
        .merge(api_router)
        .merge(pages::router())
        .merge(observe::router(protections.metrics_token()))
        .fallback(problem::no_route)
        .layer(layers)
        .with_state(state)
}

/// Serves with the default protections until `shutdown` resolves, then lets requests in flight
/// finish (up to 30 s).
pub async fn serve(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with(state, listener, shutdown, Protections::default()).await
}

/// Serves until `shutdown` resolves, then lets requests in flight finish (up to 30 s), with the
/// header-read timeout, the connection cap and the rest of `protections`.
pub async fn serve_with(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    protections: Protections,
) -> std::io::Result<()> {
    let router = router_with(state, &protections);
    server::run(router, listener, shutdown, &protections, SHUTDOWN_GRACE).await
}

/// The Prometheus recorder, installed once per process.
pub fn metrics_handle() -> PrometheusHandle {
    observe::metrics_handle()
}

/// How long requests in flight may run after the shutdown signal.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);
