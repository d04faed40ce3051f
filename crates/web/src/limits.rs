//! Bounded by construction: what one client and one request may cost. The per-client request
//! budget and the body limit of each route live here; the server loop (`server.rs`) reads the
//! header-read timeout and the connection cap from the same `Protections`.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::body::{Body, HttpBody};
use axum::extract::{ConnectInfo, MatchedPath, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_body_util::Limited;
use qorgau_i18n::Message;
use tower_http::timeout::DeadlineBody;

use crate::clients::client_key;
use crate::problem::Problem;

/// What bounds the server's work per connection, per client and per request, and who may read
/// `/metrics`. The defaults hold on a public listener.
#[derive(Clone)]
pub struct Protections {
    /// A request's head must arrive within this. hyper starts the same timer while a kept-alive
    /// connection waits for its next request, so it is also the idle timeout of connections.
    pub header_read_timeout: Duration,
    /// A request's body must arrive whole within this, however it trickles in.
    pub body_timeout: Duration,
    /// Connections served at once; further ones wait in the listen backlog until one closes.
    pub max_connections: usize,
    /// The request budget of each client address; `None` meters no one.
    pub client_budget: Option<Budget>,
    /// Whether loopback clients are metered (and their connections capped) too. Off by default: the in-process channel
    /// simulator, a reverse proxy on the same host (for which every client is the proxy) and
    /// the HTTP benchmark all connect from loopback.
    pub meter_loopback: bool,
    /// The bearer token `/metrics` asks for; without one `/metrics` is not served at all.
    pub metrics_token: Option<String>,
    /// The reverse proxies whose `X-Forwarded-For` names the client (`clients`); their own
    /// connections are not capped per client.
    pub trusted_proxies: Vec<IpAddr>,
    /// Connections one client address may hold at once (loopback and trusted proxies aside,
    /// unless loopback is metered).
    pub max_client_connections: usize,
    /// A response must be taken by the client within this, or its connection is closed: a
    /// client that never reads would otherwise hold its connection for ever.
    pub write_timeout: Duration,
}

impl Default for Protections {
    fn default() -> Self {
        Self {
            header_read_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(60),
            max_connections: 1024,
            client_budget: Some(Budget::default()),
            meter_loopback: false,
            metrics_token: None,
            trusted_proxies: Vec::new(),
            max_client_connections: 64,
            write_timeout: Duration::from_secs(30),
        }
    }
}

/// Shown without the metrics token, which has no place in a log.
impl std::fmt::Debug for Protections {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Protections")
            .field("header_read_timeout", &self.header_read_timeout)
            .field("body_timeout", &self.body_timeout)
            .field("max_connections", &self.max_connections)
            .field("client_budget", &self.client_budget)
            .field("meter_loopback", &self.meter_loopback)
            .field("metrics_token_set", &self.metrics_token.is_some())
            .field("trusted_proxies", &self.trusted_proxies)
            .field("max_client_connections", &self.max_client_connections)
            .field("write_timeout", &self.write_timeout)
            .finish()
    }
}

impl Protections {
    /// The metrics token, when one is set (an empty one is none).
    pub(crate) fn metrics_token(&self) -> Option<Arc<str>> {
        self.metrics_token
            .as_deref()
            .filter(|token| !token.is_empty())
            .map(Arc::from)
    }
}

/// A token bucket per client address: `per_second` requests a second on average, up to `burst`
/// at once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    pub per_second: f64,
    pub burst: u32,
}

impl Default for Budget {
    fn default() -> Self {
        Self {
            per_second: 50.0,
            burst: 100,
        }
    }
}

/// The largest body a route takes, by its template: the CSV imports take files, every other
/// route a form or a JSON document. A request no route matched takes the small limit.
pub(crate) fn body_limit(route: Option<&str>) -> usize {
    match route {
        Some(route) if route.ends_with("/import") => crate::IMPORT_BODY_LIMIT,
        _ => crate::BODY_LIMIT,
    }
}

/// Holds a request's body to its route's limit and to the body timeout: a declared length over
/// the limit is refused before a byte is read; a body without one is cut where it passes the
/// limit (the extractor then answers 413, which [`settle`] makes a problem document). Gives the
/// request back with the limit it was held to, or the limit it declared itself over.
pub(crate) fn bounded(timeout: Duration, request: Request) -> Result<(Request, usize), usize> {
    let limit = body_limit(
        request
            .extensions()
            .get::<MatchedPath>()
            .map(MatchedPath::as_str),
    );
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(limit);
    }
    // A request without a body (most of them) needs no wrapping, and no timer.
    let request = if request.body().size_hint().exact() == Some(0) {
        request
    } else {
        request.map(|body| Body::new(DeadlineBody::new(timeout, Limited::new(body, limit))))
    };
    Ok((request, limit))
}

/// Every 413 leaves as a problem document naming the limit.
pub(crate) fn settle(response: Response, limit: usize) -> Response {
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/problem+json"));
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE && !is_problem {
        return too_large(limit);
    }
    response
}

pub(crate) fn too_large(limit: usize) -> Response {
    Problem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body-too-large",
        Message::new("error-body-too-large").arg("limit", limit),
    )
    .into_response()
}

/// Client addresses remembered at once. Beyond it the idle ones are forgotten first: a client
/// forgotten starts again with a full bucket, which is what an idle one has anyway. When every
/// remembered client is still active a new one is refused, so the table never grows past this.
const MAX_CLIENTS: usize = 65_536;

/// The buckets of the clients seen lately.
pub(crate) struct Budgets {
    budget: Option<Budget>,
    meter_loopback: bool,
    clients: Mutex<HashMap<IpAddr, Bucket>>,
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Budgets {
    pub(crate) fn new(protections: &Protections) -> Arc<Self> {
        let budget = protections
            .client_budget
            .filter(|budget| budget.per_second > 0.0 && budget.per_second.is_finite());
        Arc::new(Self {
            budget,
            meter_loopback: protections.meter_loopback,
            clients: Mutex::new(HashMap::new()),
        })
    }

    /// Takes one request from `client`'s bucket, or says in how many seconds one will be there.
    fn take(&self, budget: Budget, client: IpAddr, now: Instant) -> Result<(), u64> {
        let rate = budget.per_second;
        let burst = f64::from(budget.burst.max(1));
        let refilled = |bucket: &Bucket| {
            bucket.tokens + now.saturating_duration_since(bucket.at).as_secs_f64() * rate
        };
        // The lock is held for a lookup and a little arithmetic, never across an await.
        let mut clients = self.clients.lock().unwrap_or_else(PoisonError::into_inner);
        if clients.len() >= MAX_CLIENTS && !clients.contains_key(&client) {
            clients.retain(|_, bucket| refilled(bucket) < burst);
            if clients.len() >= MAX_CLIENTS {
                return Err(1);
            }
        }
        let bucket = clients.entry(client).or_insert(Bucket {
            tokens: burst,
            at: now,
        });
        bucket.tokens = refilled(bucket).min(burst);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - bucket.tokens) / rate).ceil().max(1.0) as u64)
        }
    }
}

/// Refuses a client over its budget with 429 and `Retry-After`. Health and readiness are never
/// metered (a load balancer asking must get an answer under load), nor are requests whose
/// client is unknown (handed to the router in process) or on loopback unless asked. A refusal
/// says in how many seconds the client may ask again ([`too_many`] answers it).
pub(crate) fn admit(budgets: &Budgets, request: &Request) -> Result<(), u64> {
    let Some(budget) = budgets.budget else {
        return Ok(());
    };
    let exempt = matches!(request.uri().path(), "/healthz" | "/readyz");
    let client = client_address(request)
        .filter(|client| !exempt && (budgets.meter_loopback || !client.is_loopback()));
    let Some(client) = client else {
        return Ok(());
    };
    budgets.take(budget, client_key(client), Instant::now())
}

/// The address a request came from, as the server loop records it (`ConnectInfo`): the peer of
/// its connection, or the client behind a trusted proxy.
fn client_address(request: &Request) -> Option<IpAddr> {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip().to_canonical())
}

pub(crate) fn too_many(seconds: u64) -> Response {
    let mut response = Problem::new(
        StatusCode::TOO_MANY_REQUESTS,
        "too-many-requests",
        Message::new("error-too-many-requests").arg("seconds", seconds),
    )
    .into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budgets(per_second: f64, burst: u32) -> (Arc<Budgets>, Budget) {
        let budget = Budget { per_second, burst };
        let protections = Protections {
            client_budget: Some(budget),
            ..Protections::default()
        };
        (Budgets::new(&protections), budget)
    }

    #[test]
    fn a_bucket_gives_its_burst_then_refills_at_its_rate() {
        let (budgets, budget) = budgets(2.0, 3);
        let client: IpAddr = [192, 0, 2, 1].into();
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(budgets.take(budget, client, start), Ok(()));
        }
        assert_eq!(budgets.take(budget, client, start), Err(1));
        // Another client has a bucket of its own.
        assert_eq!(budgets.take(budget, [192, 0, 2, 2].into(), start), Ok(()));
        // Half a second later one request is back, and only one.
        let later = start + Duration::from_millis(500);
        assert_eq!(budgets.take(budget, client, later), Ok(()));
        assert!(budgets.take(budget, client, later).is_err());
    }

    #[test]
    fn the_client_table_stays_bounded() {
        let (budgets, budget) = budgets(1.0, 1);
        let start = Instant::now();
        for n in 0..MAX_CLIENTS as u32 {
            assert_eq!(
                budgets.take(budget, IpAddr::from(n.to_be_bytes()), start),
                Ok(())
            );
        }
        // Every remembered client is still active: a new one is refused, not remembered.
        let newcomer: IpAddr = [255, 255, 255, 254].into();
        assert!(budgets.take(budget, newcomer, start).is_err());
        // Once they are idle (full again) they are forgotten to make room.
        let later = start + Duration::from_secs(2);
        assert_eq!(budgets.take(budget, newcomer, later), Ok(()));
        let remembered = budgets.clients.lock().unwrap().len();
        assert!(remembered <= MAX_CLIENTS, "{remembered}");
    }

    #[test]
    fn imports_take_larger_bodies_than_every_other_route() {
        assert_eq!(
            body_limit(Some("/api/v1/safety/incidents/import")),
            crate::IMPORT_BODY_LIMIT
        );
        assert_eq!(
            body_limit(Some("/conscription/import")),
            crate::IMPORT_BODY_LIMIT
        );
        assert_eq!(body_limit(Some("/api/v1/users")), crate::BODY_LIMIT);
        assert_eq!(body_limit(None), crate::BODY_LIMIT);
    }
}
