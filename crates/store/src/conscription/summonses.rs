//! Summonses: planning them, the outbox, and the facts of their delivery and outcome.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use qorgau_rules::conscription::{AbsenceReason, CampaignStatus, Channel, ExcuseFinding};
use sqlx::any::AnyRow;

use crate::batch::multi_row_insert;
use crate::decode;
use crate::{Conn, StoreError};

/// The next attempt of a summons kept back as too late: no sender ever reaches it, and the
/// officer reschedules.
pub const KEPT_BACK_UNTIL: &str = "9999-12-31T00:00:00.000000Z";

/// A summons and what is known of its delivery and its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summons {
    pub id: i64,
    pub campaign_id: i64,
    pub citizen_id: i64,
    pub channel: Channel,
    pub message_id: String,
    pub recipient: String,
    pub appearance_at: DateTime<Utc>,
    pub planned_at: DateTime<Utc>,
    pub send_attempts: i64,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub delivery_report_at: Option<DateTime<Utc>>,
    pub read_at: Option<DateTime<Utc>>,
    pub number_changed: bool,
    pub failed_at: Option<DateTime<Utc>>,
    pub signed_at: Option<DateTime<Utc>>,
    pub refused_noted_at: Option<DateTime<Utc>>,
    pub handed_at_authority_at: Option<DateTime<Utc>>,
    pub appeared_at: Option<DateTime<Utc>>,
    /// The reason reported for not appearing (003 para 8), if any.
    pub excuse: Option<ReportedExcuse>,
    /// Who delivered a paper summons and noted its signature or refusal (003 para 4).
    pub delivered_by: Option<String>,
}

/// A reason a citizen reported for not appearing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportedExcuse {
    pub reason: AbsenceReason,
    /// The citizen's words, for an "other" reason (and kept when given with a listed one).
    pub text: Option<String>,
    /// When it was recorded; none for a reason recorded before this was kept.
    pub reported_at: Option<DateTime<Utc>>,
    /// The officer's finding on an "other" reason.
    pub finding: Option<ExcuseDecision>,
}

/// An officer's finding on an "other" reason, with who made it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExcuseDecision {
    pub finding: ExcuseFinding,
    pub by: String,
    pub at: DateTime<Utc>,
}

fn reported_excuse(row: &AnyRow) -> Result<Option<ReportedExcuse>, sqlx::Error> {
    use sqlx::Row;
    let Some(reason) = decode::opt_word::<AbsenceReason>(row, "excuse_reason")? else {
        return Ok(None);
    };
    let finding = match (
        decode::opt_word::<ExcuseFinding>(row, "excuse_finding")?,
        row.try_get::<Option<String>, _>("excuse_found_by")?,
        decode::opt_instant(row, "excuse_found_at")?,
    ) {
        (Some(finding), Some(by), Some(at)) => Some(ExcuseDecision { finding, by, at }),
        (None, ..) => None,
        _ => {
            return Err(decode::corrupt(
                "excuse_finding",
                "a finding without who made it or when".to_owned(),
            ));
        }
    };
    Ok(Some(ReportedExcuse {
        reason,
        text: row.try_get("excuse_text")?,
        reported_at: decode::opt_instant(row, "excuse_reported_at")?,
        finding,
    }))
}

impl<'r> sqlx::FromRow<'r, AnyRow> for Summons {
    fn from_row(row: &'r AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            campaign_id: row.try_get("campaign_id")?,
            citizen_id: row.try_get("citizen_id")?,
            channel: decode::word(row, "channel")?,
            message_id: row.try_get("message_id")?,
            recipient: row.try_get("recipient")?,
            appearance_at: decode::instant(row, "appearance_at")?,
            planned_at: decode::instant(row, "planned_at")?,
            send_attempts: row.try_get("send_attempts")?,
            next_attempt_at: decode::opt_instant(row, "next_attempt_at")?,
            last_error: row.try_get("last_error")?,
            sent_at: decode::opt_instant(row, "sent_at")?,
            delivery_report_at: decode::opt_instant(row, "delivery_report_at")?,
            read_at: decode::opt_instant(row, "read_at")?,
            number_changed: decode::flag(row, "number_changed")?,
            failed_at: decode::opt_instant(row, "failed_at")?,
            signed_at: decode::opt_instant(row, "signed_at")?,
            refused_noted_at: decode::opt_instant(row, "refused_noted_at")?,
            handed_at_authority_at: decode::opt_instant(row, "handed_at_authority_at")?,
            appeared_at: decode::opt_instant(row, "appeared_at")?,
            excuse: reported_excuse(row)?,
            delivered_by: row.try_get("delivered_by")?,
        })
    }
}

macro_rules! summons_columns {
    () => {
        "s.id, s.campaign_id, s.citizen_id, s.channel, s.message_id, s.recipient, \
         s.appearance_at, s.planned_at, s.send_attempts, s.next_attempt_at, s.last_error, \
         s.sent_at, s.delivery_report_at, s.read_at, s.number_changed, s.failed_at, s.signed_at, \
         s.refused_noted_at, s.handed_at_authority_at, s.appeared_at, s.excuse_reason, \
         s.excuse_text, s.excuse_reported_at, s.excuse_finding, s.excuse_found_by, \
         s.excuse_found_at, s.delivered_by"
    };
}

/// A summons to plan.
#[derive(Debug, Clone)]
pub struct NewSummons {
    pub citizen_id: i64,
    pub channel: Channel,
    pub message_id: String,
    pub recipient: String,
    pub appearance_at: DateTime<Utc>,
}

const SUMMONS_INSERT_COLUMNS: usize = 7;
/// See [`CITIZEN_BATCH`](super::citizens::CITIZEN_BATCH).
const SUMMONS_BATCH: usize = 50;

/// Writes planned summonses of a campaign.
pub async fn insert_summonses(
    conn: &mut Conn,
    campaign_id: i64,
    summonses: &[NewSummons],
    at: &str,
) -> Result<u64, StoreError> {
    static FULL: OnceLock<String> = OnceLock::new();
    const HEAD: &str = "INSERT INTO summonses (campaign_id, citizen_id, channel, message_id, \
         recipient, appearance_at, planned_at) VALUES";
    let mut written = 0;
    for chunk in summonses.chunks(SUMMONS_BATCH) {
        let sql = if chunk.len() == SUMMONS_BATCH {
            FULL.get_or_init(|| multi_row_insert(HEAD, SUMMONS_INSERT_COLUMNS, SUMMONS_BATCH))
                .clone()
        } else {
            multi_row_insert(HEAD, SUMMONS_INSERT_COLUMNS, chunk.len())
        };
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for s in chunk {
            query = query
                .bind(campaign_id)
                .bind(s.citizen_id)
                .bind(s.channel.as_str())
                .bind(&s.message_id)
                .bind(&s.recipient)
                .bind(decode::format_instant(s.appearance_at))
                .bind(at);
        }
        written += query
            .execute(&mut *conn)
            .await
            .map_err(|e| StoreError::conflict_or(e, || "a summons for this citizen".to_owned()))?
            .rows_affected();
    }
    Ok(written)
}

/// The citizens a campaign already summons.
pub async fn campaign_citizen_ids(
    conn: &mut Conn,
    campaign_id: i64,
) -> Result<std::collections::HashSet<i64>, StoreError> {
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT citizen_id FROM summonses WHERE campaign_id = $1")
            .bind(campaign_id)
            .fetch_all(conn)
            .await?;
    Ok(ids.into_iter().collect())
}

/// A summons with the name and IIN of its citizen.
#[derive(Debug, Clone)]
pub struct NamedSummons {
    pub summons: Summons,
    pub citizen_iin: String,
    pub citizen_surname: String,
    pub citizen_given_name: String,
    pub citizen_patronymic: String,
}

impl<'r> sqlx::FromRow<'r, AnyRow> for NamedSummons {
    fn from_row(row: &'r AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            summons: <Summons as sqlx::FromRow<'r, AnyRow>>::from_row(row)?,
            citizen_iin: row.try_get("citizen_iin")?,
            citizen_surname: row.try_get("citizen_surname")?,
            citizen_given_name: row.try_get("citizen_given_name")?,
            citizen_patronymic: row.try_get("citizen_patronymic")?,
        })
    }
}

/// A campaign's summonses with their citizens' names, in one query.
pub async fn named_summonses_of_campaign(
    conn: &mut Conn,
    campaign_id: i64,
) -> Result<Vec<NamedSummons>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        summons_columns!(),
        ", c.iin AS citizen_iin, c.surname AS citizen_surname, c.given_name AS citizen_given_name, \
         c.patronymic AS citizen_patronymic \
         FROM summonses s JOIN citizens c ON c.id = s.citizen_id \
         WHERE s.campaign_id = $1 ORDER BY s.id"
    ))
    .bind(campaign_id)
    .fetch_all(conn)
    .await?)
}

pub async fn summonses_of_citizen(
    conn: &mut Conn,
    citizen_id: i64,
) -> Result<Vec<Summons>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        summons_columns!(),
        " FROM summonses s WHERE s.citizen_id = $1 ORDER BY s.id DESC"
    ))
    .bind(citizen_id)
    .fetch_all(conn)
    .await?)
}

pub async fn summons(conn: &mut Conn, id: i64) -> Result<Summons, StoreError> {
    sqlx::query_as(concat!(
        "SELECT ",
        summons_columns!(),
        " FROM summonses s WHERE s.id = $1"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(StoreError::NotFound {
        entity: "summons",
        id: id.to_string(),
    })
}

pub async fn summons_by_message(
    conn: &mut Conn,
    message_id: &str,
) -> Result<Option<Summons>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        summons_columns!(),
        " FROM summonses s WHERE s.message_id = $1"
    ))
    .bind(message_id)
    .fetch_optional(conn)
    .await?)
}

/// The outbox: electronic summonses of campaigns being sent that no gateway has accepted yet
/// and whose next attempt is due at `now`, oldest first.
pub async fn due_to_send(
    conn: &mut Conn,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Summons>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        summons_columns!(),
        " FROM summonses s JOIN campaigns k ON k.id = s.campaign_id \
         WHERE s.sent_at IS NULL AND k.status = $3 AND s.channel IN ($4, $5) \
         AND (s.next_attempt_at IS NULL OR s.next_attempt_at <= $1) ORDER BY s.id LIMIT $2"
    ))
    .bind(decode::format_instant(now))
    .bind(limit)
    .bind(CampaignStatus::Sending.as_str())
    .bind(Channel::Sms.as_str())
    .bind(Channel::Egov.as_str())
    .fetch_all(conn)
    .await?)
}

/// Records that the gateway accepted the summons.
pub async fn mark_sent(conn: &mut Conn, id: i64, at: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE summonses SET sent_at = $1, send_attempts = send_attempts + 1, last_error = NULL \
         WHERE id = $2 AND sent_at IS NULL",
    )
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records a failed attempt and when to try again.
pub async fn mark_attempt_failed(
    conn: &mut Conn,
    id: i64,
    error: &str,
    next_attempt_at: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE summonses SET send_attempts = send_attempts + 1, last_error = $1, \
         next_attempt_at = $2 WHERE id = $3 AND sent_at IS NULL",
    )
    .bind(error)
    .bind(next_attempt_at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// A fact about a summons' delivery that is recorded once: the first report wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryFact {
    DeliveryReport,
    Read,
    Failed,
    Signed,
    RefusalNoted,
    HandedAtAuthority,
    Appeared,
}

/// Sets the fact's time unless it is already set; true when it changed the row.
pub async fn record_fact(
    conn: &mut Conn,
    summons_id: i64,
    fact: DeliveryFact,
    at: &str,
) -> Result<bool, StoreError> {
    let sql = match fact {
        DeliveryFact::DeliveryReport => {
            "UPDATE summonses SET delivery_report_at = $1 WHERE id = $2 AND delivery_report_at IS NULL"
        }
        DeliveryFact::Read => "UPDATE summonses SET read_at = $1 WHERE id = $2 AND read_at IS NULL",
        DeliveryFact::Failed => {
            "UPDATE summonses SET failed_at = $1 WHERE id = $2 AND failed_at IS NULL"
        }
        DeliveryFact::Signed => {
            "UPDATE summonses SET signed_at = $1 WHERE id = $2 AND signed_at IS NULL"
        }
        DeliveryFact::RefusalNoted => {
            "UPDATE summonses SET refused_noted_at = $1 WHERE id = $2 AND refused_noted_at IS NULL"
        }
        DeliveryFact::HandedAtAuthority => {
            "UPDATE summonses SET handed_at_authority_at = $1 WHERE id = $2 \
             AND handed_at_authority_at IS NULL"
        }
        DeliveryFact::Appeared => {
            "UPDATE summonses SET appeared_at = $1 WHERE id = $2 AND appeared_at IS NULL"
        }
    };
    let result = sqlx::query(sql)
        .bind(at)
        .bind(summons_id)
        .execute(conn)
        .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn mark_number_changed(conn: &mut Conn, summons_id: i64) -> Result<bool, StoreError> {
    let result =
        sqlx::query("UPDATE summonses SET number_changed = 1 WHERE id = $1 AND number_changed = 0")
            .bind(summons_id)
            .execute(conn)
            .await?;
    Ok(result.rows_affected() == 1)
}

/// Records the reason reported for not appearing; a new report replaces the last one and any
/// finding on it.
pub async fn record_excuse(
    conn: &mut Conn,
    summons_id: i64,
    reason: AbsenceReason,
    text: Option<&str>,
    at: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE summonses SET excuse_reason = $1, excuse_text = $2, excuse_reported_at = $3, \
         excuse_finding = NULL, excuse_found_by = NULL, excuse_found_at = NULL WHERE id = $4",
    )
    .bind(reason.as_str())
    .bind(text)
    .bind(at)
    .bind(summons_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records an officer's finding on the summons' "other" reason; false when the summons has no
/// such reason.
pub async fn record_excuse_finding(
    conn: &mut Conn,
    summons_id: i64,
    finding: ExcuseFinding,
    by: &str,
    at: &str,
) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "UPDATE summonses SET excuse_finding = $1, excuse_found_by = $2, excuse_found_at = $3 \
         WHERE id = $4 AND excuse_reason = 'other'",
    )
    .bind(finding.as_str())
    .bind(by)
    .bind(at)
    .bind(summons_id)
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Records who delivered a paper summons, once.
pub async fn record_deliverer(
    conn: &mut Conn,
    summons_id: i64,
    name: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE summonses SET delivered_by = $1 WHERE id = $2 AND delivered_by IS NULL")
        .bind(name)
        .bind(summons_id)
        .execute(conn)
        .await?;
    Ok(())
}

impl Summons {
    /// Whether the sender kept this summons back as too late ([`KEPT_BACK_UNTIL`]).
    pub fn kept_back(&self) -> bool {
        use chrono::Datelike;
        self.next_attempt_at.is_some_and(|at| at.year() == 9999)
    }
}
