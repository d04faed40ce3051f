//! National-security monitoring: interagency commissions, the threat register, measures of
//! Art. 18.3, and strategic documents with their indicators. The registers are small (tens of
//! threats, hundreds of measures and indicators), so lists are read whole.

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_rules::security::vocabulary::{Area, MeasureStatus, Trend};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::decode;
use crate::{Conn, StoreError};

/// An interagency commission of Art. 18.4.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commission {
    pub id: i64,
    pub area: Area,
    pub name: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for Commission {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            area: decode::word(row, "area")?,
            name: row.try_get("name")?,
            created_by: row.try_get("created_by")?,
            created_at: decode::instant(row, "created_at")?,
        })
    }
}

pub async fn insert_commission(
    conn: &mut Conn,
    c: &Commission,
    members: &[i64],
) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO security_commissions (area, name, created_by, created_at) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(c.area.as_str())
    .bind(&c.name)
    .bind(&c.created_by)
    .bind(decode::format_instant(c.created_at))
    .fetch_one(&mut *conn)
    .await?;
    for body in members {
        add_member(conn, id, *body).await?;
    }
    Ok(id)
}

pub async fn add_member(conn: &mut Conn, commission: i64, body: i64) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO security_commission_members (commission_id, body) VALUES ($1, $2)")
        .bind(commission)
        .bind(body)
        .execute(conn)
        .await
        .map_err(|e| StoreError::conflict_or(e, || "this body in this commission".into()))?;
    Ok(())
}

pub async fn commissions(conn: &mut Conn) -> Result<Vec<Commission>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, area, name, created_by, created_at FROM security_commissions ORDER BY id",
    )
    .fetch_all(conn)
    .await?)
}

/// (commission id, body) for every membership.
pub async fn commission_members(conn: &mut Conn) -> Result<Vec<(i64, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT commission_id, body FROM security_commission_members ORDER BY commission_id, body",
    )
    .fetch_all(conn)
    .await?)
}

/// One assessment of a main threat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub id: i64,
    /// The point of Art. 6.1 ("7") or an addition by a later act ("a3").
    pub threat: String,
    pub area: Area,
    pub assessed_on: NaiveDate,
    /// 1 (rare) to 5 (almost certain).
    pub likelihood: i64,
    /// 1 (minor) to 5 (critical).
    pub impact: i64,
    pub trend: Trend,
    pub narrative: String,
    /// One link or reference per line.
    pub evidence: String,
    pub assessed_by: String,
    pub recorded_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for Assessment {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            threat: row.try_get("threat")?,
            area: decode::word(row, "area")?,
            assessed_on: decode::date(row, "assessed_on")?,
            likelihood: row.try_get("likelihood")?,
            impact: row.try_get("impact")?,
            trend: decode::word(row, "trend")?,
            narrative: row.try_get("narrative")?,
            evidence: row.try_get("evidence")?,
            assessed_by: row.try_get("assessed_by")?,
            recorded_at: decode::instant(row, "recorded_at")?,
        })
    }
}

const ASSESSMENT_COLUMNS: &str = "id, threat, area, assessed_on, likelihood, impact, trend, \
     narrative, evidence, assessed_by, recorded_at";

pub async fn insert_assessment(
    conn: &mut Conn,
    a: &Assessment,
    interests: &[String],
) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO security_assessments (threat, area, assessed_on, likelihood, impact, trend, \
         narrative, evidence, assessed_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(&a.threat)
    .bind(a.area.as_str())
    .bind(decode::format_date(a.assessed_on))
    .bind(a.likelihood)
    .bind(a.impact)
    .bind(a.trend.as_str())
    .bind(&a.narrative)
    .bind(&a.evidence)
    .bind(&a.assessed_by)
    .bind(decode::format_instant(a.recorded_at))
    .fetch_one(&mut *conn)
    .await?;
    for interest in interests {
        sqlx::query(
            "INSERT INTO security_assessment_interests (assessment_id, interest) VALUES ($1, $2)",
        )
        .bind(id)
        .bind(interest)
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

/// Every assessment made on or before `as_of`, oldest first.
pub async fn assessments_until(
    conn: &mut Conn,
    as_of: NaiveDate,
) -> Result<Vec<Assessment>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ASSESSMENT_COLUMNS} FROM security_assessments WHERE assessed_on <= $1 \
         ORDER BY assessed_on, id"
    )))
    .bind(decode::format_date(as_of))
    .fetch_all(conn)
    .await?)
}

/// (assessment id, interest) for every assessment.
pub async fn assessment_interests(conn: &mut Conn) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT assessment_id, interest FROM security_assessment_interests \
         ORDER BY assessment_id, interest",
    )
    .fetch_all(conn)
    .await?)
}

/// A measure of Art. 18.3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    pub id: i64,
    pub title: String,
    /// The point of Art. 18.3 (1-6).
    pub kind: i64,
    pub description: String,
    pub deadline: NaiveDate,
    pub status: MeasureStatus,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for Measure {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            title: row.try_get("title")?,
            kind: row.try_get("kind")?,
            description: row.try_get("description")?,
            deadline: decode::date(row, "deadline")?,
            status: decode::word(row, "status")?,
            created_by: row.try_get("created_by")?,
            created_at: decode::instant(row, "created_at")?,
        })
    }
}

pub async fn insert_measure(
    conn: &mut Conn,
    m: &Measure,
    threats: &[String],
    bodies: &[i64],
) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO security_measures (title, kind, description, deadline, status, created_by, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(&m.title)
    .bind(m.kind)
    .bind(&m.description)
    .bind(decode::format_date(m.deadline))
    .bind(m.status.as_str())
    .bind(&m.created_by)
    .bind(decode::format_instant(m.created_at))
    .fetch_one(&mut *conn)
    .await?;
    for threat in threats {
        sqlx::query("INSERT INTO security_measure_threats (measure_id, threat) VALUES ($1, $2)")
            .bind(id)
            .bind(threat)
            .execute(&mut *conn)
            .await?;
    }
    for body in bodies {
        sqlx::query("INSERT INTO security_measure_bodies (measure_id, body) VALUES ($1, $2)")
            .bind(id)
            .bind(*body)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

pub async fn measures(conn: &mut Conn) -> Result<Vec<Measure>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, title, kind, description, deadline, status, created_by, created_at \
         FROM security_measures ORDER BY deadline, id",
    )
    .fetch_all(conn)
    .await?)
}

pub async fn measure(conn: &mut Conn, id: i64) -> Result<Measure, StoreError> {
    sqlx::query_as(
        "SELECT id, title, kind, description, deadline, status, created_by, created_at \
         FROM security_measures WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| StoreError::NotFound {
        entity: "measure",
        id: id.to_string(),
    })
}

pub async fn measure_threats(conn: &mut Conn) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT measure_id, threat FROM security_measure_threats ORDER BY measure_id, threat",
    )
    .fetch_all(conn)
    .await?)
}

pub async fn measure_bodies(conn: &mut Conn) -> Result<Vec<(i64, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT measure_id, body FROM security_measure_bodies ORDER BY measure_id, body",
    )
    .fetch_all(conn)
    .await?)
}

/// A report on a measure, with the status it gave the measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureReport {
    pub id: i64,
    pub measure_id: i64,
    pub reported_on: NaiveDate,
    pub text: String,
    pub status_after: MeasureStatus,
    pub reported_by: String,
    pub recorded_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for MeasureReport {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            measure_id: row.try_get("measure_id")?,
            reported_on: decode::date(row, "reported_on")?,
            text: row.try_get("text")?,
            status_after: decode::word(row, "status_after")?,
            reported_by: row.try_get("reported_by")?,
            recorded_at: decode::instant(row, "recorded_at")?,
        })
    }
}

/// Records a report and sets the measure's status to the report's.
pub async fn insert_measure_report(conn: &mut Conn, r: &MeasureReport) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO security_measure_reports (measure_id, reported_on, text, status_after, \
         reported_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(r.measure_id)
    .bind(decode::format_date(r.reported_on))
    .bind(&r.text)
    .bind(r.status_after.as_str())
    .bind(&r.reported_by)
    .bind(decode::format_instant(r.recorded_at))
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("UPDATE security_measures SET status = $1 WHERE id = $2")
        .bind(r.status_after.as_str())
        .bind(r.measure_id)
        .execute(conn)
        .await?;
    Ok(id)
}

pub async fn measure_reports(
    conn: &mut Conn,
    measure: i64,
) -> Result<Vec<MeasureReport>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, measure_id, reported_on, text, status_after, reported_by, recorded_at \
         FROM security_measure_reports WHERE measure_id = $1 ORDER BY reported_on, id",
    )
    .bind(measure)
    .fetch_all(conn)
    .await?)
}

/// A strategic document whose indicators the Security Council monitors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: i64,
    pub title: String,
    pub adopted_on: NaiveDate,
    /// The act that approves it, as cited.
    pub reference: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for Document {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            title: row.try_get("title")?,
            adopted_on: decode::date(row, "adopted_on")?,
            reference: row.try_get("reference")?,
            created_by: row.try_get("created_by")?,
            created_at: decode::instant(row, "created_at")?,
        })
    }
}

pub async fn insert_document(conn: &mut Conn, d: &Document) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO security_documents (title, adopted_on, reference, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(&d.title)
    .bind(decode::format_date(d.adopted_on))
    .bind(&d.reference)
    .bind(&d.created_by)
    .bind(decode::format_instant(d.created_at))
    .fetch_one(conn)
    .await?)
}

pub async fn documents(conn: &mut Conn) -> Result<Vec<Document>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, title, adopted_on, reference, created_by, created_at \
         FROM security_documents ORDER BY adopted_on, id",
    )
    .fetch_all(conn)
    .await?)
}

/// A target indicator of a strategic document.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub id: i64,
    pub document_id: i64,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub baseline_on: NaiveDate,
    pub target: f64,
    pub deadline: NaiveDate,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for Indicator {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            document_id: row.try_get("document_id")?,
            name: row.try_get("name")?,
            unit: row.try_get("unit")?,
            baseline: row.try_get("baseline")?,
            baseline_on: decode::date(row, "baseline_on")?,
            target: row.try_get("target")?,
            deadline: decode::date(row, "deadline")?,
            created_by: row.try_get("created_by")?,
            created_at: decode::instant(row, "created_at")?,
        })
    }
}

const INDICATOR_COLUMNS: &str =
    "id, document_id, name, unit, baseline, baseline_on, target, deadline, created_by, created_at";

pub async fn insert_indicator(conn: &mut Conn, i: &Indicator) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO security_indicators (document_id, name, unit, baseline, baseline_on, target, \
         deadline, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(i.document_id)
    .bind(&i.name)
    .bind(&i.unit)
    .bind(i.baseline)
    .bind(decode::format_date(i.baseline_on))
    .bind(i.target)
    .bind(decode::format_date(i.deadline))
    .bind(&i.created_by)
    .bind(decode::format_instant(i.created_at))
    .fetch_one(conn)
    .await?)
}

pub async fn indicators(conn: &mut Conn) -> Result<Vec<Indicator>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {INDICATOR_COLUMNS} FROM security_indicators ORDER BY document_id, id"
    )))
    .fetch_all(conn)
    .await?)
}

pub async fn indicator(conn: &mut Conn, id: i64) -> Result<Indicator, StoreError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {INDICATOR_COLUMNS} FROM security_indicators WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| StoreError::NotFound {
        entity: "indicator",
        id: id.to_string(),
    })
}

/// A measured value of an indicator (one a day).
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorValue {
    pub id: i64,
    pub indicator_id: i64,
    pub measured_on: NaiveDate,
    pub value: f64,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

impl sqlx::FromRow<'_, AnyRow> for IndicatorValue {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            indicator_id: row.try_get("indicator_id")?,
            measured_on: decode::date(row, "measured_on")?,
            value: row.try_get("value")?,
            note: row.try_get("note")?,
            recorded_by: row.try_get("recorded_by")?,
            recorded_at: decode::instant(row, "recorded_at")?,
        })
    }
}

pub async fn insert_indicator_value(
    conn: &mut Conn,
    v: &IndicatorValue,
) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO security_indicator_values (indicator_id, measured_on, value, note, \
         recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(v.indicator_id)
    .bind(decode::format_date(v.measured_on))
    .bind(v.value)
    .bind(&v.note)
    .bind(&v.recorded_by)
    .bind(decode::format_instant(v.recorded_at))
    .fetch_one(conn)
    .await
    .map_err(|e| StoreError::conflict_or(e, || "a value of this indicator on this day".into()))
}

/// Every measured value on or before `as_of`, by indicator and day.
pub async fn indicator_values_until(
    conn: &mut Conn,
    as_of: NaiveDate,
) -> Result<Vec<IndicatorValue>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, indicator_id, measured_on, value, note, recorded_by, recorded_at \
         FROM security_indicator_values WHERE measured_on <= $1 ORDER BY indicator_id, measured_on",
    )
    .bind(decode::format_date(as_of))
    .fetch_all(conn)
    .await?)
}
