//! Operational endpoints and what every request leaves behind: a span with its request id, a
//! counter and a latency sample, labelled from closed sets so no client can grow them.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics::{Counter, Histogram};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use subtle::ConstantTimeEq;
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::AppState;
use crate::problem::Problem;

/// Health, readiness, and `/metrics` when a metrics token is set. Without one `/metrics` is not
/// served: it answers the 404 of any unknown path and says nothing about the process.
pub fn router(metrics_token: Option<Arc<str>>) -> Router<AppState> {
    let router = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz));
    match metrics_token {
        Some(token) => router.route(
            "/metrics",
            get(move |State(state): State<AppState>, headers: HeaderMap| {
                metrics(state, headers, token.clone())
            }),
        ),
        None => router,
    }
}

/// The process is up.
async fn healthz() -> &'static str {
    "ok"
}

/// The process can serve: the database answers.
async fn readyz(State(state): State<AppState>) -> Response {
    match state.app.store().ping().await {
        Ok(()) => "ready".into_response(),
        Err(error) => {
            // The cause goes to the log: the answer is for anyone who asks, and a database's
            // error may name its host, user or files.
            tracing::warn!(%error, "not ready: the database does not answer");
            Problem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "not-ready",
                qorgau_i18n::Message::new("error-not-ready"),
            )
            .into_response()
        }
    }
}

async fn metrics(state: AppState, headers: HeaderMap, token: Arc<str>) -> Response {
    if !bearer_is(&headers, &token) {
        return Problem::new(
            StatusCode::UNAUTHORIZED,
            "metrics-token",
            qorgau_i18n::Message::new("error-metrics-token"),
        )
        .into_response();
    }
    let mut response = state.metrics.render().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4"),
    );
    response
}

/// Whether `headers` carry `Authorization: Bearer <token>`. The comparison takes the same time
/// however much of the token a guess got right.
fn bearer_is(headers: &HeaderMap, token: &str) -> bool {
    // The scheme name is case-insensitive (RFC 9110, section 11.1), as for the API's tokens.
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map_or("", |(_, presented)| presented.trim());
    bool::from(presented.as_bytes().ct_eq(token.as_bytes()))
}

/// Installs the Prometheus recorder on first use; later calls share it.
pub fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .install_recorder()
                .unwrap_or_else(|_| PrometheusBuilder::new().build_recorder().handle())
        })
        .clone()
}

/// Counts a request by route template, method and status class, and samples its latency.
pub(crate) fn count(route: Option<&str>, method: &Method, status: StatusCode, started: Instant) {
    let (counter, histogram) = handles_of(route, method, status);
    counter.increment(1);
    histogram.record(started.elapsed().as_secs_f64());
}

/// The counter and histogram of each label set, registered once: a request then costs a hash
/// and a lookup in its thread's table instead of building its labels and registering them
/// again. The sets are closed (`Labels`), so each table is bounded by the router.
fn handles_of(route: Option<&str>, method: &Method, status: StatusCode) -> (Counter, Histogram) {
    type Table = HashMap<u64, Vec<(Labels, Counter, Histogram)>>;
    thread_local! {
        static TABLE: RefCell<(RandomState, Table)> = RefCell::new(Default::default());
    }
    let (method, status) = (method_label(method), status_label(status));
    let route = route.unwrap_or(UNMATCHED);
    let same = |labels: &Labels| {
        labels.route == route && labels.method == method && labels.status == status
    };
    TABLE.with_borrow_mut(|(hasher, table)| {
        let found = table
            .entry(hasher.hash_one((route, method, status)))
            .or_default();
        if let Some((_, counter, histogram)) = found.iter().find(|(labels, ..)| same(labels)) {
            return (counter.clone(), histogram.clone());
        }
        let labels = Labels {
            route: route.to_owned(),
            method,
            status,
        };
        let pairs = labels.clone().pairs();
        let counter = metrics::counter!("qorgau_http_requests_total", &pairs);
        let histogram = metrics::histogram!("qorgau_http_request_duration_seconds", &pairs);
        found.push((labels, counter.clone(), histogram.clone()));
        (counter, histogram)
    })
}

/// The method label: one the API knows, or `other`.
fn method_label(method: &Method) -> &'static str {
    match method.as_str() {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "PATCH" => "PATCH",
        "DELETE" => "DELETE",
        "OPTIONS" => "OPTIONS",
        _ => "other",
    }
}

/// The status label: its class.
fn status_label(status: StatusCode) -> &'static str {
    match status.as_u16() {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        // StatusCode holds 100..=999; what is past 599 is no success either.
        _ => "5xx",
    }
}

/// The route label of a request no route matched.
const UNMATCHED: &str = "unmatched";

/// The labels a request is counted under, each from a closed set whatever the client sends:
/// the route is a template of the router (never the path asked for) or `unmatched`, the method
/// one of the methods the API knows or `other`, the status its class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Labels {
    pub route: String,
    pub method: &'static str,
    pub status: &'static str,
}

impl Labels {
    /// `route` is the matched route's template, `None` when no route matched.
    #[cfg(test)]
    pub(crate) fn of(route: Option<String>, method: &Method, status: StatusCode) -> Self {
        Self {
            route: route.unwrap_or_else(|| UNMATCHED.to_owned()),
            method: method_label(method),
            status: status_label(status),
        }
    }

    fn pairs(self) -> [(&'static str, String); 3] {
        [
            ("method", self.method.to_owned()),
            ("route", self.route),
            ("status", self.status.to_owned()),
        ]
    }
}

/// A span per request carrying its id (set by the request-id layer before this one runs).
pub fn trace_layer()
-> TraceLayer<SharedClassifier<ServerErrorsAsFailures>, impl Fn(&Request) -> tracing::Span + Clone>
{
    TraceLayer::new_for_http()
        .make_span_with(|request: &Request| {
            let request_id = request
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            tracing::info_span!(
                "request",
                id = %request_id,
                method = %request.method(),
                path = %request.uri().path(),
            )
        })
        .on_response(DefaultOnResponse::new().level(Level::DEBUG))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_stay_in_closed_sets_whatever_the_client_sends() {
        let invented = Method::from_bytes(b"BREW").unwrap();
        let labels = Labels::of(None, &invented, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(
            labels,
            Labels {
                route: "unmatched".into(),
                method: "other",
                status: "4xx",
            }
        );
        let known = Labels::of(
            Some("/api/v1/users/{id}".into()),
            &Method::PATCH,
            StatusCode::OK,
        );
        assert_eq!(known.route, "/api/v1/users/{id}");
        assert_eq!((known.method, known.status), ("PATCH", "2xx"));
        for method in ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] {
            let method = Method::from_bytes(method.as_bytes()).unwrap();
            assert_eq!(
                Labels::of(None, &method, StatusCode::OK).method,
                method.as_str()
            );
        }
        for method in ["CONNECT", "TRACE", "get", "X-ANYTHING-42"] {
            let method = Method::from_bytes(method.as_bytes()).unwrap();
            assert_eq!(Labels::of(None, &method, StatusCode::OK).method, "other");
        }
        for (code, class) in [
            (101, "1xx"),
            (204, "2xx"),
            (303, "3xx"),
            (413, "4xx"),
            (429, "4xx"),
            (503, "5xx"),
            (999, "5xx"),
        ] {
            let status = StatusCode::from_u16(code).unwrap();
            assert_eq!(Labels::of(None, &Method::GET, status).status, class);
        }
    }

    #[test]
    fn the_metrics_token_is_a_bearer_token_compared_whole() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::AUTHORIZATION, value.parse().unwrap());
            headers
        };
        assert!(bearer_is(&with("Bearer s3cret"), "s3cret"));
        assert!(bearer_is(&with("bearer s3cret"), "s3cret"));
        assert!(!bearer_is(&with("Bearer s3cre"), "s3cret"));
        assert!(!bearer_is(&with("Bearer s3cret2"), "s3cret"));
        assert!(!bearer_is(&with("Basic s3cret"), "s3cret"));
        assert!(!bearer_is(&HeaderMap::new(), "s3cret"));
    }
}
