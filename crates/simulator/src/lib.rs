//! A simulator of the two external channels of summonses: the SMS gateway and the e-Gov portal.
//!
//! It plays both on one loopback server: `POST /sms/messages` and `POST /egov/messages` accept a
//! message (`{message_id, channel, to, text}`), deduplicated by message id as a real gateway
//! deduplicates by client reference. Later it posts events to Qorgau's webhook, signed with
//! HMAC-SHA256 over the body (`X-Qorgau-Signature: sha256=<hex>`): `delivered`, then `read`, or
//! `failed`, or `number_changed`, after a configurable delay, with configurable loss (an event
//! never posted), duplication (an event posted twice) and failure (a message refused with 503).
//! `GET /stats` reports what it accepted and posted.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use hmac::{Hmac, Mac};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// How the simulated channels behave.
#[derive(Debug, Clone)]
pub struct Behaviour {
    /// Qorgau's webhook, e.g. `http://127.0.0.1:8080/api/v1/channels/events`.
    pub webhook_url: String,
    /// The shared secret of the webhook signature.
    pub secret: String,
    /// Delay before the delivery report, and again before the read receipt.
    pub delay: Duration,
    /// Probability that an event is lost (never posted).
    pub loss: f64,
    /// Probability that an event is posted twice.
    pub duplication: f64,
    /// Probability that a message is refused with 503 (the sender must retry).
    pub failure: f64,
    /// Probability that a delivered message is read.
    pub read: f64,
    /// Probability that the number turns out to have changed.
    pub number_changed: f64,
    /// How long the answer to an accepted message takes: the message is already taken, so a
    /// sender that dies meanwhile has it delivered without knowing (the window a crash can hit).
    pub accept_delay: Duration,
    pub seed: u64,
}

impl Default for Behaviour {
    fn default() -> Self {
        Self {
            webhook_url: String::new(),
            secret: String::new(),
            delay: Duration::from_millis(200),
            loss: 0.0,
            duplication: 0.0,
            failure: 0.0,
            read: 0.8,
            number_changed: 0.0,
            accept_delay: Duration::ZERO,
            seed: 1,
        }
    }
}

/// A message as the gateway receives it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Message {
    pub message_id: String,
    pub channel: String,
    pub to: String,
    pub text: String,
}

/// What the simulator has seen and done.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Stats {
    /// Distinct messages accepted (each reaches the citizen once).
    pub accepted: u64,
    /// Submissions of a message id already accepted.
    pub duplicate_submissions: u64,
    /// Submissions refused on purpose (503).
    pub refused: u64,
    pub events_posted: u64,
    pub events_lost: u64,
    /// Webhook calls Qorgau did not answer with success.
    pub webhook_errors: u64,
}

struct Inner {
    behaviour: Behaviour,
    rng: Mutex<StdRng>,
    messages: Mutex<HashMap<String, Message>>,
    stats: Mutex<Stats>,
    client: reqwest::Client,
}

/// A running simulator.
#[derive(Clone)]
pub struct Simulator {
    inner: Arc<Inner>,
}

#[derive(Serialize)]
struct Event<'a> {
    event_id: String,
    message_id: &'a str,
    kind: &'a str,
    at: String,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Simulator {
    pub fn new(behaviour: Behaviour) -> Self {
        let rng = StdRng::seed_from_u64(behaviour.seed);
        Self {
            inner: Arc::new(Inner {
                behaviour,
                rng: Mutex::new(rng),
                messages: Mutex::new(HashMap::new()),
                stats: Mutex::new(Stats::default()),
                client: reqwest::Client::new(),
            }),
        }
    }

    pub fn router(&self) -> Router {
        Router::new()
            .route("/{channel}/messages", post(accept))
            .route("/stats", get(stats))
            .with_state(self.clone())
    }

    /// Serves on `addr` until the task is dropped; returns the bound address.
    pub async fn serve(
        &self,
        addr: SocketAddr,
    ) -> std::io::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let bound = listener.local_addr()?;
        let router = self.router();
        let handle = tokio::spawn(async move {
            if let Err(error) = axum::serve(listener, router).await {
                tracing::error!(%error, "simulator stopped");
            }
        });
        Ok((bound, handle))
    }

    pub fn stats(&self) -> Stats {
        lock(&self.inner.stats).clone()
    }

    /// The messages accepted, by id.
    pub fn messages(&self) -> HashMap<String, Message> {
        lock(&self.inner.messages).clone()
    }

    fn roll(&self, probability: f64) -> bool {
        probability > 0.0 && lock(&self.inner.rng).random_bool(probability.clamp(0.0, 1.0))
    }

    fn event_id(&self) -> String {
        let bytes: [u8; 12] = lock(&self.inner.rng).random();
        hex::encode(bytes)
    }

    /// Posts one event (and maybe a duplicate of it), unless it is lost.
    async fn post_event(&self, message_id: &str, kind: &str) {
        if self.roll(self.inner.behaviour.loss) {
            lock(&self.inner.stats).events_lost += 1;
            return;
        }
        let event = Event {
            event_id: self.event_id(),
            message_id,
            kind,
            at: chrono::Utc::now().to_rfc3339(),
        };
        let body = serde_json::json!({ "events": [event] }).to_string();
        let times = if self.roll(self.inner.behaviour.duplication) {
            2
        } else {
            1
        };
        for _ in 0..times {
            self.post_signed(&body).await;
        }
    }

    /// Posts a body to the webhook, retrying a few times as gateways do.
    async fn post_signed(&self, body: &str) {
        let behaviour = &self.inner.behaviour;
        let mut mac = Hmac::<Sha256>::new_from_slice(behaviour.secret.as_bytes())
            .expect("HMAC takes a key of any length");
        mac.update(body.as_bytes());
        let signature = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
        for attempt in 0..5u32 {
            let result = self
                .inner
                .client
                .post(&behaviour.webhook_url)
                .header("content-type", "application/json")
                .header("x-qorgau-signature", &signature)
                .body(body.to_owned())
                .send()
                .await;
            match result {
                Ok(response) if response.status().is_success() => {
                    lock(&self.inner.stats).events_posted += 1;
                    return;
                }
                _ => {
                    lock(&self.inner.stats).webhook_errors += 1;
                    tokio::time::sleep(Duration::from_millis(100 * 2u64.pow(attempt))).await;
                }
            }
        }
    }

    /// The life of one accepted message: delivered then maybe read, or failed / number changed.
    async fn deliver(self, message_id: String) {
        let delay = self.inner.behaviour.delay;
        tokio::time::sleep(delay).await;
        if self.roll(self.inner.behaviour.number_changed) {
            self.post_event(&message_id, "number_changed").await;
            return;
        }
        self.post_event(&message_id, "delivered").await;
        if self.roll(self.inner.behaviour.read) {
            tokio::time::sleep(delay).await;
            self.post_event(&message_id, "read").await;
        }
    }
}

async fn accept(
    State(simulator): State<Simulator>,
    Path(channel): Path<String>,
    Json(message): Json<Message>,
) -> (StatusCode, Json<serde_json::Value>) {
    if channel != "sms" && channel != "egov" {
        return (
            StatusCode::NOT_FOUND,
            Json(serde_json::json!({"error": "unknown channel"})),
        );
    }
    if simulator.roll(simulator.inner.behaviour.failure) {
        lock(&simulator.inner.stats).refused += 1;
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({"error": "try again later"})),
        );
    }
    let fresh = {
        let mut messages = lock(&simulator.inner.messages);
        if messages.contains_key(&message.message_id) {
            false
        } else {
            messages.insert(message.message_id.clone(), message.clone());
            true
        }
    };
    if !fresh {
        lock(&simulator.inner.stats).duplicate_submissions += 1;
        return (
            StatusCode::OK,
            Json(serde_json::json!({"message_id": message.message_id, "duplicate": true})),
        );
    }
    lock(&simulator.inner.stats).accepted += 1;
    if !simulator.inner.behaviour.webhook_url.is_empty() {
        tokio::spawn(simulator.clone().deliver(message.message_id.clone()));
    }
    if !simulator.inner.behaviour.accept_delay.is_zero() {
        tokio::time::sleep(simulator.inner.behaviour.accept_delay).await;
    }
    (
        StatusCode::ACCEPTED,
        Json(serde_json::json!({"message_id": message.message_id, "duplicate": false})),
    )
}

async fn stats(State(simulator): State<Simulator>) -> Json<Stats> {
    Json(simulator.stats())
}
