//! The append-only audit log and the head of its hash chain. The chain itself (what is hashed
//! and how, and with which key) belongs to the application; this module only reads and writes
//! rows.

use chrono::{DateTime, Utc};

use crate::{Conn, StoreError, decode};

qorgau_i18n::vocabulary! {
    /// What an audit entry records, as the log spells it. The log is append-only and kept for
    /// good, so a word once written is never taken out of this list: every entry must still read.
    #[derive(Debug)]
    pub enum AuditAction: "audit-action-" {
        UserCreate = "user.create",
        UserUpdate = "user.update",
        UserDisable = "user.disable",
        UserEnable = "user.enable",
        UserGrants = "user.grants",
        UserLogin = "user.login",
        UserLoginFailed = "user.login_failed",
        UserLogout = "user.logout",
        UserPasswordChange = "user.password_change",
        UserPasswordReset = "user.password_reset",
        UserLanguage = "user.language",
        SessionsPurge = "sessions.purge",
        TokenCreate = "token.create",
        TokenRevoke = "token.revoke",
        OrgUnitCreate = "org_unit.create",
        OrgUnitImport = "org_unit.import",
        LawImport = "law.import",
        CitizensImport = "citizens.import",
        CampaignCreate = "campaign.create",
        CampaignPlan = "campaign.plan",
        CampaignSend = "campaign.send",
        CampaignClose = "campaign.close",
        SummonsRecord = "summons.record",
        SummonsSend = "summons.send",
        SummonsHandAtAuthority = "summons.hand_at_authority",
        ChannelEvents = "channel.events",
        SafetyDemoLoad = "safety.demo.load",
        SafetyStrengthImport = "safety.strength.import",
        SafetyPlanCreate = "safety.plan.create",
        SafetyPlanEdit = "safety.plan.edit",
        SafetyPlanApprove = "safety.plan.approve",
        SafetyPlanRevise = "safety.plan.revise",
        SafetyPlanActivityComplete = "safety.plan.activity_complete",
        SafetyTrainingRecord = "safety.training.record",
        SafetyActRecord = "safety.act.record",
        SafetyActAcknowledge = "safety.act.acknowledge",
        SafetyActDelete = "safety.act.delete",
        SafetyActPurge = "safety.act.purge",
        SafetyViolationEliminate = "safety.violation.eliminate",
        SafetyIncidentRecord = "safety.incident.record",
        SafetyIncidentImport = "safety.incident.import",
        SafetyAnalysisComplete = "safety.analysis.complete",
        SafetyRollupsRebuild = "safety.rollups.rebuild",
        SecurityListAdd = "security.list.add",
        SecurityOrganisationsImport = "security.organisations.import",
        SecurityHoldingsImport = "security.holdings.import",
        SecurityCommissionCreate = "security.commission.create",
        SecurityCommissionAddMember = "security.commission.add_member",
        SecurityThreatAssess = "security.threat.assess",
        SecurityMeasureCreate = "security.measure.create",
        SecurityMeasureReport = "security.measure.report",
        SecurityDocumentCreate = "security.document.create",
        SecurityIndicatorCreate = "security.indicator.create",
        SecurityIndicatorMeasure = "security.indicator.measure",
        CouncilMeetingCreate = "council.meeting.create",
        CouncilAgendaAdd = "council.agenda.add",
        CouncilDecisionCreate = "council.decision.create",
        CouncilDecisionReport = "council.decision.report",
        CouncilReportReview = "council.report.review",
    }
}

/// An entry as read: who, when, what, before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor: String,
    pub action: AuditAction,
    pub entity: String,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub prev_hash: String,
    pub hash: String,
    /// The key the entry's hash was sealed with; 0 for an entry hashed without a key (written
    /// before the chain was keyed).
    pub key_id: i64,
}

impl sqlx::FromRow<'_, sqlx::any::AnyRow> for AuditRow {
    fn from_row(row: &sqlx::any::AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(Self {
            seq: row.try_get("seq")?,
            at: decode::instant(row, "at")?,
            actor_id: row.try_get("actor_id")?,
            actor: row.try_get("actor")?,
            action: decode::word(row, "action")?,
            entity: row.try_get("entity")?,
            entity_id: row.try_get("entity_id")?,
            before_json: row.try_get("before_json")?,
            after_json: row.try_get("after_json")?,
            prev_hash: row.try_get("prev_hash")?,
            hash: row.try_get("hash")?,
            key_id: row.try_get("key_id")?,
        })
    }
}

/// An entry exactly as stored, for walking the chain. The hash covers the stored text, so the
/// chain is checked on that text and not on its decoded form: an entry edited into something
/// that no longer decodes (an instant or an action that is not one) must still be read, to be
/// reported as the broken link it is rather than as an unreadable log.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredEntry {
    pub seq: i64,
    pub at: String,
    pub actor_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub prev_hash: String,
    pub hash: String,
    /// The key the hash was sealed with (0: no key, an entry older than the keyed chain).
    pub key_id: i64,
}

/// An entry as the log lists it: the stored entry, with its instant and action decoded where
/// they decode. An entry edited outside the application (or written by a later version) may hold
/// text this version cannot read; the listing still shows it, by its stored text, so that the
/// entry the chain check names can be seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedEntry {
    pub stored: StoredEntry,
    pub at: Option<DateTime<Utc>>,
    pub action: Option<AuditAction>,
}

impl From<StoredEntry> for LoggedEntry {
    fn from(stored: StoredEntry) -> Self {
        Self {
            at: decode::parse_instant(&stored.at),
            action: stored.action.parse().ok(),
            stored,
        }
    }
}

impl AuditRow {
    /// The entry in the form it is stored (and hashed) in.
    pub fn stored(&self) -> StoredEntry {
        StoredEntry {
            seq: self.seq,
            at: decode::format_instant(self.at),
            actor_id: self.actor_id,
            actor: self.actor.clone(),
            action: self.action.as_str().to_owned(),
            entity: self.entity.clone(),
            entity_id: self.entity_id.clone(),
            before_json: self.before_json.clone(),
            after_json: self.after_json.clone(),
            prev_hash: self.prev_hash.clone(),
            hash: self.hash.clone(),
            key_id: self.key_id,
        }
    }
}

macro_rules! columns {
    () => {
        "seq, at, actor_id, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash, \
         key_id"
    };
}

/// Takes the chain head for this transaction: on PostgreSQL the row stays locked until commit,
/// on SQLite the write transaction already excludes other writers.
pub async fn lock_head(conn: &mut Conn) -> Result<(i64, String), StoreError> {
    Ok(
        sqlx::query_as("UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash")
            .fetch_one(conn)
            .await?,
    )
}

pub async fn head(conn: &mut Conn) -> Result<(i64, String), StoreError> {
    Ok(
        sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(conn)
            .await?,
    )
}

/// Appends `row` and moves the head to it.
pub async fn append(conn: &mut Conn, row: &AuditRow) -> Result<(), StoreError> {
    let stored = row.stored();
    sqlx::query(concat!(
        "INSERT INTO audit_log (",
        columns!(),
        ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    ))
    .bind(stored.seq)
    .bind(&stored.at)
    .bind(stored.actor_id)
    .bind(&stored.actor)
    .bind(&stored.action)
    .bind(&stored.entity)
    .bind(&stored.entity_id)
    .bind(&stored.before_json)
    .bind(&stored.after_json)
    .bind(&stored.prev_hash)
    .bind(&stored.hash)
    .bind(stored.key_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(stored.seq)
        .bind(&stored.hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Entries with `seq` greater than `after`, in order, at most `limit`, as stored (for walking
/// the chain).
pub async fn page(conn: &mut Conn, after: i64, limit: i64) -> Result<Vec<StoredEntry>, StoreError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"
    ))
    .bind(after)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// The latest entries, newest first.
pub async fn latest(conn: &mut Conn, limit: i64) -> Result<Vec<LoggedEntry>, StoreError> {
    let stored: Vec<StoredEntry> = sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM audit_log ORDER BY seq DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(stored.into_iter().map(LoggedEntry::from).collect())
}
