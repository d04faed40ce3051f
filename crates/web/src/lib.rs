//! The web layer: the JSON API under `/api/v1` with its OpenAPI document, the server-rendered
//! pages, and the operational endpoints (`/healthz`, `/readyz`, `/metrics`).
//!
//! Architecture invariant: handlers hold no business logic. They parse, call one workflow of
//! `qorgau-app` (which authorises and audits), and render.

mod api;
mod auth;
mod extract;
mod i18n;
mod observe;
mod pages;
mod problem;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, header};
use metrics_exporter_prometheus::PrometheusHandle;
use qorgau_app::App;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;

pub use api::{openapi, openapi_document, security_views};
pub use problem::Problem;

/// The largest request body accepted, in bytes.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// How the server is reached and how cookies are set.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// The URL people use; cookies get the `Secure` flag when it is https.
    pub public_url: String,
    /// The shared secret the channels sign their webhook calls with; empty refuses them all.
    pub webhook_secret: String,
}

impl WebConfig {
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub config: Arc<WebConfig>,
    pub metrics: PrometheusHandle,
}

/// The whole router: API, pages, operational endpoints, and the layers every request passes.
pub fn router(state: AppState) -> Router {
    let (api_router, _) = api::router().split_for_parts();
    let x_request_id = HeaderName::from_static("x-request-id");
    Router::new()
        .merge(api_router)
        .merge(pages::router())
        .merge(observe::router())
        .fallback(problem::no_route)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            observe::track,
        ))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; form-action 'self'; frame-ancestors 'none'",
            ),
        ))
        .layer(PropagateRequestIdLayer::new(x_request_id.clone()))
        .layer(observe::trace_layer())
        .layer(SetRequestIdLayer::new(x_request_id, MakeRequestUuid))
        .with_state(state)
}

/// Serves until `shutdown` resolves, then lets requests in flight finish (up to 30 s).
pub async fn serve(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let router = router(state);
    let (signalled, on_signal) = tokio::sync::oneshot::channel::<()>();
    let shutdown = async move {
        shutdown.await;
        let _ = signalled.send(());
    };
    let server = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown);
    // After the signal, requests in flight get SHUTDOWN_GRACE to finish; then the server stops.
    let deadline = async move {
        if on_signal.await.is_ok() {
            tokio::time::sleep(SHUTDOWN_GRACE).await;
        } else {
            std::future::pending::<()>().await;
        }
    };
    tokio::select! {
        result = server => result,
        () = deadline => {
            tracing::warn!("requests still running after the grace period; stopping anyway");
            Ok(())
        }
    }
}

/// The Prometheus recorder, installed once per process.
pub fn metrics_handle() -> PrometheusHandle {
    observe::metrics_handle()
}

/// How long requests in flight may run after the shutdown signal.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);
