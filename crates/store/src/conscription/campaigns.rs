//! Summons campaigns and their status.

use chrono::{DateTime, Utc};
use qorgau_rules::conscription::{CampaignStatus, Purpose};

use crate::decode;
use crate::{Conn, StoreError};

/// A summons campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    pub id: i64,
    pub unit_id: i64,
    pub title: String,
    pub purpose: Purpose,
    pub appearance_place: String,
    pub appearance_at: DateTime<Utc>,
    pub status: CampaignStatus,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Campaign {
    fn from_row(row: &'r sqlx::any::AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            id: row.try_get("id")?,
            unit_id: row.try_get("unit_id")?,
            title: row.try_get("title")?,
            purpose: decode::word(row, "purpose")?,
            appearance_place: row.try_get("appearance_place")?,
            appearance_at: decode::instant(row, "appearance_at")?,
            status: decode::word(row, "status")?,
            created_by: row.try_get("created_by")?,
            created_at: decode::instant(row, "created_at")?,
        })
    }
}

macro_rules! campaign_columns {
    () => {
        "k.id, k.unit_id, k.title, k.purpose, k.appearance_place, k.appearance_at, k.status, \
         k.created_by, k.created_at"
    };
}

/// Writes a campaign (its id is ignored) and returns the id it was given.
pub async fn insert_campaign(conn: &mut Conn, campaign: &Campaign) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO campaigns (unit_id, title, purpose, appearance_place, appearance_at, status, \
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(campaign.unit_id)
    .bind(&campaign.title)
    .bind(campaign.purpose.as_str())
    .bind(&campaign.appearance_place)
    .bind(decode::format_instant(campaign.appearance_at))
    .bind(campaign.status.as_str())
    .bind(&campaign.created_by)
    .bind(decode::format_instant(campaign.created_at))
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
    from: CampaignStatus,
    to: CampaignStatus,
) -> Result<bool, StoreError> {
    let result = sqlx::query("UPDATE campaigns SET status = $1 WHERE id = $2 AND status = $3")
        .bind(to.as_str())
        .bind(id)
        .bind(from.as_str())
        .execute(conn)
        .await?;
    Ok(result.rows_affected() == 1)
}
