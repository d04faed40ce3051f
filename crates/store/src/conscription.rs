//! The citizen register, summons campaigns, summonses and the events channels report.
//!
//! Nothing here derives a status: the rows hold facts (what a citizen declared, when a message
//! was delivered) and the application asks the rules what they mean.

use std::sync::OnceLock;

use serde::Serialize;

use crate::{Conn, StoreError};

/// A citizen as registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Citizen {
    pub id: i64,
    pub unit_id: i64,
    pub iin: String,
    pub surname: String,
    pub given_name: String,
    pub patronymic: String,
    pub sex: String,
    pub birth_date: String,
    /// Dates separated by spaces; empty when there are no children.
    pub children_birth_dates: String,
    pub residence_address: String,
    pub temporary_address: String,
    pub work_address: String,
    pub mobile: Option<String>,
    pub mobile_in_own_name: i64,
    pub egov_account_with_mobile: i64,
    pub has_military_specialty: i64,
    pub removed_reason: String,
    pub serving_sentence: i64,
    pub permanent_residence_abroad: i64,
    pub law_enforcement_or_civil_protection: i64,
}

macro_rules! citizen_columns {
    () => {
        "c.id, c.unit_id, c.iin, c.surname, c.given_name, c.patronymic, c.sex, c.birth_date, \
         c.children_birth_dates, c.residence_address, c.temporary_address, c.work_address, \
         c.mobile, c.mobile_in_own_name, c.egov_account_with_mobile, c.has_military_specialty, \
         c.removed_reason, c.serving_sentence, c.permanent_residence_abroad, \
         c.law_enforcement_or_civil_protection"
    };
}

const CITIZEN_INSERT_COLUMNS: usize = 20;
/// Rows per multi-row INSERT. Small on purpose: binding `$N` parameters costs time that grows
/// faster than their number (measured: 1,000 rows x 7 binds per statement wrote 15,000 rows/s,
/// 100 rows 100,000 rows/s), so many short statements beat a few long ones.
const CITIZEN_BATCH: usize = 25;

/// The SQL of a multi-row insert of `rows` rows of `columns` binds each. Built from constants
/// only (never from input), so it is safe to pass as dynamic SQL.
pub(crate) fn multi_row_insert(head: &str, columns: usize, rows: usize) -> String {
    let mut sql = String::from(head);
    let mut n = 0;
    for row in 0..rows {
        sql.push_str(if row == 0 { " (" } else { ", (" });
        for column in 0..columns {
            n += 1;
            if column > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&n.to_string());
        }
        sql.push(')');
    }
    sql
}

/// Inserts citizens (ids ignored) and returns how many were written. Conflicts on the IIN are
/// reported naming the IIN when a batch of one fails.
pub async fn insert_citizens(
    conn: &mut Conn,
    citizens: &[Citizen],
    at: &str,
) -> Result<u64, StoreError> {
    static FULL: OnceLock<String> = OnceLock::new();
    const HEAD: &str = "INSERT INTO citizens (unit_id, iin, surname, given_name, patronymic, sex, \
         birth_date, children_birth_dates, residence_address, temporary_address, work_address, \
         mobile, mobile_in_own_name, egov_account_with_mobile, has_military_specialty, \
         removed_reason, serving_sentence, permanent_residence_abroad, \
         law_enforcement_or_civil_protection, imported_at) VALUES";
    let mut written = 0;
    for chunk in citizens.chunks(CITIZEN_BATCH) {
        let sql = if chunk.len() == CITIZEN_BATCH {
            FULL.get_or_init(|| multi_row_insert(HEAD, CITIZEN_INSERT_COLUMNS, CITIZEN_BATCH))
                .clone()
        } else {
            multi_row_insert(HEAD, CITIZEN_INSERT_COLUMNS, chunk.len())
        };
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for c in chunk {
            query = query
                .bind(c.unit_id)
                .bind(&c.iin)
                .bind(&c.surname)
                .bind(&c.given_name)
                .bind(&c.patronymic)
                .bind(&c.sex)
                .bind(&c.birth_date)
                .bind(&c.children_birth_dates)
                .bind(&c.residence_address)
                .bind(&c.temporary_address)
                .bind(&c.work_address)
                .bind(&c.mobile)
                .bind(c.mobile_in_own_name)
                .bind(c.egov_account_with_mobile)
                .bind(c.has_military_specialty)
                .bind(&c.removed_reason)
                .bind(c.serving_sentence)
                .bind(c.permanent_residence_abroad)
                .bind(c.law_enforcement_or_civil_protection)
                .bind(at);
        }
        let result = query.execute(&mut *conn).await.map_err(|e| {
            StoreError::conflict_or(e, || match chunk {
                [one] => format!("citizen with IIN {}", one.iin),
                _ => "a citizen with one of these IINs".to_owned(),
            })
        })?;
        written += result.rows_affected();
    }
    Ok(written)
}

/// IINs looked up per statement (see [`CITIZEN_BATCH`] on why statements stay short).
const IIN_LOOKUP: usize = 50;

/// The IINs among `iins` that are already registered.
pub async fn existing_iins(conn: &mut Conn, iins: &[String]) -> Result<Vec<String>, StoreError> {
    static FULL: OnceLock<String> = OnceLock::new();
    // Built from constants only: "... IN ($1, ..., $n)".
    let lookup = |n: usize| {
        let marks: Vec<String> = (1..=n).map(|i| format!("${i}")).collect();
        format!(
            "SELECT iin FROM citizens WHERE iin IN ({})",
            marks.join(", ")
        )
    };
    let mut found = Vec::new();
    for chunk in iins.chunks(IIN_LOOKUP) {
        let sql = if chunk.len() == IIN_LOOKUP {
            FULL.get_or_init(|| lookup(IIN_LOOKUP)).clone()
        } else {
            lookup(chunk.len())
        };
        let mut query = sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql));
        for iin in chunk {
            query = query.bind(iin);
        }
        found.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(found)
}

pub async fn citizen(conn: &mut Conn, id: i64) -> Result<Citizen, StoreError> {
    sqlx::query_as(concat!(
        "SELECT ",
        citizen_columns!(),
        " FROM citizens c WHERE c.id = $1"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(StoreError::NotFound {
        entity: "citizen",
        id: id.to_string(),
    })
}

pub async fn citizen_by_iin(conn: &mut Conn, iin: &str) -> Result<Option<Citizen>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        citizen_columns!(),
        " FROM citizens c WHERE c.iin = $1"
    ))
    .bind(iin)
    .fetch_optional(conn)
    .await?)
}

/// Citizens registered in units under `unit_path` whose IIN starts with `query` or whose
/// surname or given name starts with it (case as typed, and capitalised), by surname.
pub async fn search_citizens(
    conn: &mut Conn,
    unit_path: &str,
    query: &str,
    limit: i64,
) -> Result<Vec<Citizen>, StoreError> {
    let prefix = format!("{}%", query.replace(['%', '_'], ""));
    let capitalised = {
        let mut chars = query.chars();
        match chars.next() {
            Some(first) => format!("{}{}%", first.to_uppercase(), chars.as_str()),
            None => "%".to_owned(),
        }
    };
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        citizen_columns!(),
        " FROM citizens c JOIN org_units u ON u.id = c.unit_id \
         WHERE u.path LIKE $1 AND (c.iin LIKE $2 OR c.surname LIKE $2 OR c.surname LIKE $3 \
         OR c.given_name LIKE $2 OR c.given_name LIKE $3) \
         ORDER BY c.surname, c.given_name, c.id LIMIT $4"
    ))
    .bind(format!("{unit_path}%"))
    .bind(&prefix)
    .bind(&capitalised)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// A page of the citizens under `unit_path` with ids above `after_id`, by id (keyset paging).
pub async fn citizens_under_page(
    conn: &mut Conn,
    unit_path: &str,
    after_id: i64,
    limit: i64,
) -> Result<Vec<Citizen>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        citizen_columns!(),
        " FROM citizens c JOIN org_units u ON u.id = c.unit_id \
         WHERE u.path LIKE $1 AND c.id > $2 ORDER BY c.id LIMIT $3"
    ))
    .bind(format!("{unit_path}%"))
    .bind(after_id)
    .bind(limit)
    .fetch_all(conn)
    .await?)
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

/// Citizens with the given ids (in id order); unknown ids are left out.
pub async fn citizens_by_ids(conn: &mut Conn, ids: &[i64]) -> Result<Vec<Citizen>, StoreError> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let found: Option<Citizen> = sqlx::query_as(concat!(
            "SELECT ",
            citizen_columns!(),
            " FROM citizens c WHERE c.id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        out.extend(found);
    }
    out.sort_by_key(|c| c.id);
    Ok(out)
}

pub async fn count_citizens_under(conn: &mut Conn, unit_path: &str) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM citizens c JOIN org_units u ON u.id = c.unit_id WHERE u.path LIKE $1",
    )
    .bind(format!("{unit_path}%"))
    .fetch_one(conn)
    .await?)
}

/// A summons campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Campaign {
    pub id: i64,
    pub unit_id: i64,
    pub title: String,
    pub purpose: String,
    pub appearance_place: String,
    pub appearance_at: String,
    pub status: String,
    pub created_by: String,
    pub created_at: String,
}

macro_rules! campaign_columns {
    () => {
        "k.id, k.unit_id, k.title, k.purpose, k.appearance_place, k.appearance_at, k.status, \
         k.created_by, k.created_at"
    };
}

pub async fn insert_campaign(conn: &mut Conn, campaign: &Campaign) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO campaigns (unit_id, title, purpose, appearance_place, appearance_at, status, \
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(campaign.unit_id)
    .bind(&campaign.title)
    .bind(&campaign.purpose)
    .bind(&campaign.appearance_place)
    .bind(&campaign.appearance_at)
    .bind(&campaign.status)
    .bind(&campaign.created_by)
    .bind(&campaign.created_at)
    .fetch_one(conn)
    .await?)
}

pub async fn campaign(conn: &mut Conn, id: i64) -> Result<Campaign, StoreError> {
    sqlx::query_as(concat!(
        "SELECT ",
        campaign_columns!(),
        " FROM campaigns k WHERE k.id = $1"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(StoreError::NotFound {
        entity: "campaign",
        id: id.to_string(),
    })
}

/// Campaigns of units under `unit_path`, newest first.
pub async fn campaigns_under(
    conn: &mut Conn,
    unit_path: &str,
) -> Result<Vec<Campaign>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        campaign_columns!(),
        " FROM campaigns k JOIN org_units u ON u.id = k.unit_id WHERE u.path LIKE $1 \
         ORDER BY k.id DESC"
    ))
    .bind(format!("{unit_path}%"))
    .fetch_all(conn)
    .await?)
}

/// Moves a campaign from `from` to `to`; false when it was not in `from` (someone else moved it).
pub async fn set_campaign_status(
    conn: &mut Conn,
    id: i64,
    from: &str,
    to: &str,
) -> Result<bool, StoreError> {
    let result = sqlx::query("UPDATE campaigns SET status = $1 WHERE id = $2 AND status = $3")
        .bind(to)
        .bind(id)
        .bind(from)
        .execute(conn)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// A summons and what is known of its delivery and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Summons {
    pub id: i64,
    pub campaign_id: i64,
    pub citizen_id: i64,
    pub channel: String,
    pub message_id: String,
    pub recipient: String,
    pub appearance_at: String,
    pub planned_at: String,
    pub send_attempts: i64,
    pub next_attempt_at: Option<String>,
    pub last_error: Option<String>,
    pub sent_at: Option<String>,
    pub delivery_report_at: Option<String>,
    pub read_at: Option<String>,
    pub number_changed: i64,
    pub failed_at: Option<String>,
    pub signed_at: Option<String>,
    pub refused_noted_at: Option<String>,
    pub handed_at_authority_at: Option<String>,
    pub appeared_at: Option<String>,
    pub excuse_reason: Option<String>,
}

macro_rules! summons_columns {
    () => {
        "s.id, s.campaign_id, s.citizen_id, s.channel, s.message_id, s.recipient, \
         s.appearance_at, s.planned_at, s.send_attempts, s.next_attempt_at, s.last_error, \
         s.sent_at, s.delivery_report_at, s.read_at, s.number_changed, s.failed_at, s.signed_at, \
         s.refused_noted_at, s.handed_at_authority_at, s.appeared_at, s.excuse_reason"
    };
}

/// A summons to plan.
#[derive(Debug, Clone)]
pub struct NewSummons {
    pub citizen_id: i64,
    pub channel: &'static str,
    pub message_id: String,
    pub recipient: String,
    pub appearance_at: String,
}

const SUMMONS_INSERT_COLUMNS: usize = 7;
/// See [`CITIZEN_BATCH`].
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
                .bind(s.channel)
                .bind(&s.message_id)
                .bind(&s.recipient)
                .bind(&s.appearance_at)
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

/// A summons with the name and IIN of its citizen.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NamedSummons {
    #[sqlx(flatten)]
    pub summons: Summons,
    pub citizen_iin: String,
    pub citizen_surname: String,
    pub citizen_given_name: String,
    pub citizen_patronymic: String,
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
    now: &str,
    limit: i64,
) -> Result<Vec<Summons>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        summons_columns!(),
        " FROM summonses s JOIN campaigns k ON k.id = s.campaign_id \
         WHERE s.sent_at IS NULL AND k.status = 'sending' AND s.channel IN ('sms', 'egov') \
         AND (s.next_attempt_at IS NULL OR s.next_attempt_at <= $1) ORDER BY s.id LIMIT $2"
    ))
    .bind(now)
    .bind(limit)
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

pub async fn record_excuse(
    conn: &mut Conn,
    summons_id: i64,
    reason: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE summonses SET excuse_reason = $1 WHERE id = $2")
        .bind(reason)
        .bind(summons_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// An event a channel reported.
#[derive(Debug, Clone)]
pub struct ChannelEvent {
    pub event_id: String,
    pub message_id: String,
    pub kind: String,
    pub occurred_at: String,
}

/// Stores the event unless its id was seen before; true when it is new.
pub async fn insert_event(
    conn: &mut Conn,
    event: &ChannelEvent,
    received_at: &str,
    outcome: &str,
) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "INSERT INTO channel_events (event_id, message_id, kind, occurred_at, received_at, outcome) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING",
    )
    .bind(&event.event_id)
    .bind(&event.message_id)
    .bind(&event.kind)
    .bind(&event.occurred_at)
    .bind(received_at)
    .bind(outcome)
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn count_events(conn: &mut Conn) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM channel_events")
        .fetch_one(conn)
        .await?)
}
