//! National-security monitoring: interagency commissions, the threat register, measures of
//! Art. 18.3, and strategic documents with their indicators. The registers are small (tens of
//! threats, hundreds of measures and indicators), so lists are read whole.

use serde::Serialize;

use crate::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Commission {
    pub id: i64,
    pub area: String,
    pub name: String,
    pub created_by: String,
    pub created_at: String,
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
    .bind(&c.area)
    .bind(&c.name)
    .bind(&c.created_by)
    .bind(&c.created_at)
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Assessment {
    pub id: i64,
    /// The point of Art. 6.1 ("7") or an addition by a later act ("a3").
    pub threat: String,
    pub area: String,
    pub assessed_on: String,
    /// 1 (rare) to 5 (almost certain).
    pub likelihood: i64,
    /// 1 (minor) to 5 (critical).
    pub impact: i64,
    /// rising, stable or falling.
    pub trend: String,
    pub narrative: String,
    /// One link or reference per line.
    pub evidence: String,
    pub assessed_by: String,
    pub recorded_at: String,
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
    .bind(&a.area)
    .bind(&a.assessed_on)
    .bind(a.likelihood)
    .bind(a.impact)
    .bind(&a.trend)
    .bind(&a.narrative)
    .bind(&a.evidence)
    .bind(&a.assessed_by)
    .bind(&a.recorded_at)
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
    as_of: &str,
) -> Result<Vec<Assessment>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ASSESSMENT_COLUMNS} FROM security_assessments WHERE assessed_on <= $1 \
         ORDER BY assessed_on, id"
    )))
    .bind(as_of)
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Measure {
    pub id: i64,
    pub title: String,
    /// The point of Art. 18.3 (1-6).
    pub kind: i64,
    pub description: String,
    pub deadline: String,
    /// planned, in_progress, done or cancelled.
    pub status: String,
    pub created_by: String,
    pub created_at: String,
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
    .bind(&m.deadline)
    .bind(&m.status)
    .bind(&m.created_by)
    .bind(&m.created_at)
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct MeasureReport {
    pub id: i64,
    pub measure_id: i64,
    pub reported_on: String,
    pub text: String,
    pub status_after: String,
    pub reported_by: String,
    pub recorded_at: String,
}

/// Records a report and sets the measure's status to the report's.
pub async fn insert_measure_report(conn: &mut Conn, r: &MeasureReport) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO security_measure_reports (measure_id, reported_on, text, status_after, \
         reported_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(r.measure_id)
    .bind(&r.reported_on)
    .bind(&r.text)
    .bind(&r.status_after)
    .bind(&r.reported_by)
    .bind(&r.recorded_at)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("UPDATE security_measures SET status = $1 WHERE id = $2")
        .bind(&r.status_after)
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Document {
    pub id: i64,
    pub title: String,
    pub adopted_on: String,
    /// The act that approves it, as cited.
    pub reference: String,
    pub created_by: String,
    pub created_at: String,
}

pub async fn insert_document(conn: &mut Conn, d: &Document) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO security_documents (title, adopted_on, reference, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(&d.title)
    .bind(&d.adopted_on)
    .bind(&d.reference)
    .bind(&d.created_by)
    .bind(&d.created_at)
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

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct Indicator {
    pub id: i64,
    pub document_id: i64,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub baseline_on: String,
    pub target: f64,
    pub deadline: String,
    pub created_by: String,
    pub created_at: String,
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
    .bind(&i.baseline_on)
    .bind(i.target)
    .bind(&i.deadline)
    .bind(&i.created_by)
    .bind(&i.created_at)
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

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct IndicatorValue {
    pub id: i64,
    pub indicator_id: i64,
    pub measured_on: String,
    pub value: f64,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: String,
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
    .bind(&v.measured_on)
    .bind(v.value)
    .bind(&v.note)
    .bind(&v.recorded_by)
    .bind(&v.recorded_at)
    .fetch_one(conn)
    .await
    .map_err(|e| StoreError::conflict_or(e, || "a value of this indicator on this day".into()))
}

/// Every measured value on or before `as_of`, by indicator and day.
pub async fn indicator_values_until(
    conn: &mut Conn,
    as_of: &str,
) -> Result<Vec<IndicatorValue>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, indicator_id, measured_on, value, note, recorded_by, recorded_at \
         FROM security_indicator_values WHERE measured_on <= $1 ORDER BY indicator_id, measured_on",
    )
    .bind(as_of)
    .fetch_all(conn)
    .await?)
}
