//! What every request passes on its way in and out, in one middleware: the client's request
//! budget and the route's body limit on the way in; on the way out the 413 as a problem
//! document, the count and latency of the request, the problem document in the reader's
//! language, and the security headers.
//!
//! One middleware rather than one layer for each: every `from_fn` layer boxes its inner service
//! and clones its state for every request, and those costs, not the work, were most of what
//! the layers took.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;
use crate::i18n::AskedLanguage;
use crate::limits::{self, Budgets, Protections};
use crate::{headers, observe, problem};

/// What the edge needs besides the request.
#[derive(Clone)]
pub(crate) struct Edge {
    state: AppState,
    budgets: Arc<Budgets>,
    body_timeout: Duration,
}

impl Edge {
    pub(crate) fn new(state: AppState, protections: &Protections) -> Self {
        Self {
            state,
            budgets: Budgets::new(protections),
            body_timeout: protections.body_timeout,
        }
    }
}

pub(crate) async fn edge(State(edge): State<Edge>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let private = headers::is_private(&request);
    let asked = AskedLanguage::of(request.headers());
    let route = request.extensions().get::<MatchedPath>().cloned();
    let method = request.method().clone();
    let response = match limits::admit(&edge.budgets, &request) {
        Err(seconds) => limits::too_many(seconds),
        Ok(()) => match limits::bounded(edge.body_timeout, request) {
            Ok((request, limit)) => limits::settle(next.run(request).await, limit),
            Err(limit) => limits::too_large(limit),
        },
    };
    observe::count(
        route.as_ref().map(MatchedPath::as_str),
        &method,
        response.status(),
        started,
    );
    let mut response = problem::localized(response, &asked, edge.state.config.default_language);
    headers::secure(&mut response, private, edge.state.config.secure_cookies());
    response
}
