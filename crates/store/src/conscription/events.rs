//! The events channels report, stored once each.

use chrono::{DateTime, Utc};
use qorgau_rules::conscription::{EventKind, EventOutcome};

use crate::decode;
use crate::{Conn, StoreError};

/// An event a channel reported.
#[derive(Debug, Clone)]
pub struct ChannelEvent {
    pub event_id: String,
    pub message_id: String,
    pub kind: EventKind,
    pub occurred_at: DateTime<Utc>,
}

/// Stores the event unless its id was seen before; true when it is new.
pub async fn insert_event(
    conn: &mut Conn,
    event: &ChannelEvent,
    received_at: &str,
    outcome: EventOutcome,
) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "INSERT INTO channel_events (event_id, message_id, kind, occurred_at, received_at, outcome) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING",
    )
    .bind(&event.event_id)
    .bind(&event.message_id)
    .bind(event.kind.as_str())
    .bind(decode::format_instant(event.occurred_at))
    .bind(received_at)
    .bind(outcome.as_str())
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn count_events(conn: &mut Conn) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM channel_events")
        .fetch_one(conn)
        .await?)
}
