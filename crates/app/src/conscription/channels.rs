//! The external channels: the SMS gateway and the e-Gov portal, reached over HTTP through the
//! [`Gateway`] trait; the sender that drains the outbox; and the webhook that takes their
//! delivery reports and read receipts.
//!
//! Delivery guarantee: a summons is in the outbox from the transaction that planned it until a
//! gateway has accepted it. The sender calls the gateway first and records acceptance after, so
//! a crash in between makes it call again with the same message id; gateways deduplicate by
//! message id (the simulator does, as real SMS gateways do with a client reference), so no
//! summons is lost and none reaches a citizen twice.

use std::future::Future;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Utc};
use hmac::{Hmac, Mac};
use qorgau_i18n::Language;
use qorgau_rules::almaty;
use qorgau_rules::conscription::{Channel, EventKind, EventOutcome, timing_valid};
use qorgau_store::conscription::{self as repo, ChannelEvent, DeliveryFact, Summons};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::audit::{AuditAction, Change};
use crate::write::Grounds;
use crate::{Acting, App, AppError, format_instant};

/// A message handed to a gateway.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OutgoingMessage {
    /// The idempotency key: the same id sent twice is one message.
    pub message_id: String,
    /// An electronic channel: sms or egov.
    #[schema(schema_with = crate::words::word::<Channel>)]
    pub channel: Channel,
    /// A mobile number (sms) or an IIN (e-Gov account).
    pub to: String,
    pub text: String,
}

/// Why a gateway did not take a message.
#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    #[error("no gateway is configured for {0}")]
    NotConfigured(&'static str),
    #[error("gateway unreachable: {0}")]
    Unreachable(String),
    #[error("gateway refused the message with HTTP {status}: {body}")]
    Refused { status: u16, body: String },
}

/// Something that delivers messages to citizens.
pub trait Gateway: Send + Sync {
    fn send(
        &self,
        message: &OutgoingMessage,
    ) -> impl Future<Output = Result<(), GatewayError>> + Send;
}

/// The gateways over HTTP: `POST {base}/messages` with the message as JSON.
#[derive(Debug, Clone)]
pub struct HttpGateways {
    client: reqwest::Client,
    sms: Option<String>,
    egov: Option<String>,
}

impl HttpGateways {
    pub fn new(sms: Option<String>, egov: Option<String>) -> Result<Self, AppError> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| AppError::Internal(format!("HTTP client: {e}")))?;
        Ok(Self { client, sms, egov })
    }
}

impl Gateway for HttpGateways {
    async fn send(&self, message: &OutgoingMessage) -> Result<(), GatewayError> {
        let base = match message.channel {
            Channel::Sms => self
                .sms
                .as_deref()
                .ok_or(GatewayError::NotConfigured("sms"))?,
            _ => self
                .egov
                .as_deref()
                .ok_or(GatewayError::NotConfigured("egov"))?,
        };
        let response = self
            .client
            .post(format!("{}/messages", base.trim_end_matches('/')))
            .json(message)
            .send()
            .await
            .map_err(|e| GatewayError::Unreachable(e.to_string()))?;
        let status = response.status();
        if status.is_success() {
            Ok(())
        } else {
            Err(GatewayError::Refused {
                status: status.as_u16(),
                body: response.text().await.unwrap_or_default(),
            })
        }
    }
}

/// What one pass of the sender did.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct SendReport {
    pub sent: u64,
    pub failed: u64,
    /// Summonses whose notice would now be too short: kept back for the officer to reschedule.
    pub too_late: u64,
}

/// The text of a summons: what, where and when, in the state language and in Russian, one
/// after the other (state bodies write to citizens in both; the register does not record which
/// one a citizen reads).
fn summons_text(summons: &Summons, place: &str) -> String {
    let at = summons.appearance_at.with_timezone(&almaty());
    let args = [
        ("place", place.into()),
        ("date", at.format("%d.%m.%Y").to_string().into()),
        ("time", at.format("%H:%M").to_string().into()),
    ];
    [Language::Kazakh, Language::Russian]
        .map(|language| qorgau_i18n::render(&language.lang(), "summons-text", &args))
        .join("\n")
}

/// The delay before the next attempt after `attempts` failures: 10 s doubling, capped at 1 h.
fn backoff(attempts: i64) -> chrono::Duration {
    let seconds = 10i64.saturating_mul(1 << attempts.clamp(0, 9));
    chrono::Duration::seconds(seconds.min(3600))
}

impl App {
    /// Sends up to `limit` due summonses through `gateway`. Each acceptance is recorded at once,
    /// so a crash loses at most the record of messages the gateway already has (and will
    /// deduplicate).
    pub async fn send_due<G: Gateway>(
        &self,
        gateway: &G,
        limit: i64,
    ) -> Result<SendReport, AppError> {
        let now = self.clock().now();
        let due = {
            let mut conn = self.store().pool().acquire().await?;
            repo::due_to_send(&mut conn, now, limit).await?
        };
        let mut report = SendReport::default();
        let mut places = std::collections::HashMap::new();
        for summons in due {
            let channel = summons.channel;
            let sending_at = self.clock().now().with_timezone(&almaty()).fixed_offset();
            let appearance = summons.appearance_at.fixed_offset();
            if !timing_valid(channel, &sending_at, &appearance) {
                let mut w = self
                    .write_unchecked(Acting::Operator, Grounds::OutboxSender)
                    .await?;
                let reason = "too late: under three calendar days";
                repo::mark_attempt_failed(w.conn(), summons.id, reason, repo::KEPT_BACK_UNTIL)
                    .await?;
                w.audit(Change::recorded(
                    AuditAction::SummonsSend,
                    "summons",
                    summons.id,
                    serde_json::json!({
                        "outcome": "too_late",
                        "message_id": summons.message_id,
                        "channel": summons.channel,
                        "error": reason,
                    }),
                ))
                .await?;
                w.commit().await?;
                report.too_late += 1;
                continue;
            }
            let place = match places.get(&summons.campaign_id) {
                Some(place) => place,
                None => {
                    let mut conn = self.store().pool().acquire().await?;
                    let campaign = repo::campaign(&mut conn, summons.campaign_id).await?;
                    places
                        .entry(summons.campaign_id)
                        .or_insert(campaign.appearance_place)
                }
            };
            let message = OutgoingMessage {
                message_id: summons.message_id.clone(),
                channel,
                to: summons.recipient.clone(),
                text: summons_text(&summons, place),
            };
            let result = gateway.send(&message).await;
            // Each outcome is its own unit of work, audited, so an acceptance is on record at
            // once.
            let mut w = self
                .write_unchecked(Acting::Operator, Grounds::OutboxSender)
                .await?;
            let after = match result {
                Ok(()) => {
                    let sent_at = w.at_text();
                    repo::mark_sent(w.conn(), summons.id, &sent_at).await?;
                    report.sent += 1;
                    serde_json::json!({
                        "outcome": "sent",
                        "message_id": summons.message_id,
                        "channel": summons.channel,
                    })
                }
                Err(error) => {
                    tracing::warn!(summons = summons.id, %error, "gateway did not take the summons");
                    let next = format_instant(w.at() + backoff(summons.send_attempts));
                    repo::mark_attempt_failed(w.conn(), summons.id, &error.to_string(), &next)
                        .await?;
                    report.failed += 1;
                    serde_json::json!({
                        "outcome": "failed",
                        "message_id": summons.message_id,
                        "channel": summons.channel,
                        "error": error.to_string(),
                        "next_attempt_at": next,
                    })
                }
            };
            w.audit(Change::recorded(
                AuditAction::SummonsSend,
                "summons",
                summons.id,
                after,
            ))
            .await?;
            w.commit().await?;
        }
        // Each summons' outcome is audited in its own unit of work above; a summary entry per
        // pass would record the same sends a second time.
        Ok(report)
    }

    /// Verifies a webhook's signature (`sha256=<hex HMAC-SHA256 of the body>`) and applies its
    /// events. Events already seen (by event id) are counted and ignored.
    pub async fn ingest_channel_events(
        &self,
        secret: &[u8],
        signature: Option<&str>,
        body: &[u8],
    ) -> Result<IngestReport, AppError> {
        verify_signature(secret, signature, body)?;
        let batch: EventBatch = serde_json::from_slice(body).map_err(|e| {
            AppError::invalid(
                "events",
                qorgau_i18n::Message::new("invalid-webhook-body").arg("detail", e.to_string()),
            )
        })?;
        self.apply_events(batch.events).await
    }

    /// Applies channel events in one transaction. Only for events whose signature was
    /// verified ([`App::ingest_channel_events`]).
    pub async fn apply_events(&self, events: Vec<IncomingEvent>) -> Result<IngestReport, AppError> {
        let mut report = IngestReport::default();
        let mut w = self
            .write_unchecked(Acting::Operator, Grounds::SignedChannelReport)
            .await?;
        let received = w.at_text();
        for event in events {
            let occurred_at = event.at.with_timezone(&Utc);
            let at = format_instant(occurred_at);
            let summons = repo::summons_by_message(w.conn(), &event.message_id).await?;
            let outcome = match &summons {
                None => EventOutcome::UnknownMessage,
                Some(_) => EventOutcome::Applied,
            };
            let stored = ChannelEvent {
                event_id: event.event_id.clone(),
                message_id: event.message_id.clone(),
                kind: event.kind,
                occurred_at,
            };
            if !repo::insert_event(w.conn(), &stored, &received, outcome).await? {
                report.duplicates += 1;
                continue;
            }
            let Some(summons) = summons else {
                report.unknown += 1;
                continue;
            };
            match event.kind {
                EventKind::Delivered => {
                    repo::record_fact(w.conn(), summons.id, DeliveryFact::DeliveryReport, &at)
                        .await?;
                }
                EventKind::Read => {
                    repo::record_fact(w.conn(), summons.id, DeliveryFact::Read, &at).await?;
                }
                EventKind::Failed => {
                    repo::record_fact(w.conn(), summons.id, DeliveryFact::Failed, &at).await?;
                }
                EventKind::NumberChanged => {
                    repo::mark_number_changed(w.conn(), summons.id).await?;
                }
            }
            report.applied += 1;
        }
        // Events about unknown messages are stored too, so they are audited as well; a batch of
        // nothing but duplicates wrote nothing and has nothing to commit.
        if report.applied + report.unknown == 0 {
            return Ok(report);
        }
        w.audit(Change {
            action: AuditAction::ChannelEvents,
            entity: "channel",
            entity_id: "webhook".to_owned(),
            before: None,
            after: serde_json::to_value(&report).ok(),
        })
        .await?;
        w.commit().await?;
        Ok(report)
    }
}

/// The webhook's body.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventBatch {
    pub events: Vec<IncomingEvent>,
}

/// One event a channel reports about a message.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IncomingEvent {
    /// Unique per event: the idempotency key.
    pub event_id: String,
    pub message_id: String,
    #[schema(schema_with = crate::words::word::<EventKind>)]
    pub kind: EventKind,
    #[schema(value_type = String)]
    pub at: DateTime<FixedOffset>,
}

/// What a webhook call did.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct IngestReport {
    pub applied: u64,
    pub duplicates: u64,
    /// Events about message ids no summons has (kept, not applied).
    pub unknown: u64,
}

/// HMAC-SHA256 keyed with `secret`.
#[allow(clippy::expect_used)] // HMAC accepts a key of any length: this cannot fail.
fn mac_for(secret: &[u8]) -> Hmac<Sha256> {
    Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes a key of any length")
}

/// The signature header value for `body`.
pub fn sign(secret: &[u8], body: &[u8]) -> String {
    let mut mac = mac_for(secret);
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

fn verify_signature(secret: &[u8], signature: Option<&str>, body: &[u8]) -> Result<(), AppError> {
    if secret.is_empty() {
        return Err(AppError::Internal("no webhook secret is configured".into()));
    }
    let given = signature
        .and_then(|s| s.strip_prefix("sha256="))
        .and_then(|hex_text| hex::decode(hex_text).ok())
        .ok_or(AppError::Unauthenticated)?;
    let mut mac = mac_for(secret);
    mac.update(body);
    // Constant-time comparison.
    mac.verify_slice(&given)
        .map_err(|_| AppError::Unauthenticated)
}

/// The current instant in Almaty, for callers that build events.
pub fn now_in_almaty(now: DateTime<Utc>) -> DateTime<FixedOffset> {
    now.with_timezone(&almaty()).fixed_offset()
}
