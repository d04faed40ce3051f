//! The monitoring answers: the bodies of Art. 15 and the commissions, the threat register,
//! measures, and strategic documents with `security.indicator_status` on each indicator.

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_app::security::bodies::BodyDetail;
use qorgau_app::security::monitoring::{
    AssessmentView, BodyGraph, BodyNode, CommissionView, DocumentView, IndicatorView, LeadArea,
    ListedEntry, MeasureDetail, MeasureView, ThreatHistory, ThreatRegister, ThreatRow,
};
use qorgau_i18n::Lang;
use qorgau_rules::security::vocabulary::{Area, IndicatorState, MeasureStatus, ToPresident, Trend};
use qorgau_rules::security::{IndicatorOutcome, IndicatorStatus};
use qorgau_rules::{Decision, TypedRule};
use qorgau_store::security::monitoring::{IndicatorValue, MeasureReport};
use serde::Serialize;
use utoipa::ToSchema;

use super::council::CouncilDecision;
use crate::api::words::{optional_word, word};

/// An area a body leads coordination in.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityLeadArea {
    #[schema(schema_with = word::<Area>)]
    pub area: Area,
    /// Whether Art. 15 says interagency (not only inter-sectoral) coordination.
    pub interagency: bool,
}

impl From<&LeadArea> for SecurityLeadArea {
    fn from(l: &LeadArea) -> Self {
        Self {
            area: l.area,
            interagency: l.interagency,
        }
    }
}

/// A public body of Art. 15.1, how it stands to the President and the areas it leads.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityBody {
    pub number: i64,
    pub name: String,
    pub clause: String,
    #[schema(schema_with = word::<ToPresident>)]
    pub to_president: ToPresident,
    pub leads: Vec<SecurityLeadArea>,
}

impl From<&BodyNode> for SecurityBody {
    fn from(b: &BodyNode) -> Self {
        Self {
            number: b.number,
            name: b.name.clone(),
            clause: b.clause.clone(),
            to_president: b.to_president,
            leads: b.leads.iter().map(SecurityLeadArea::from).collect(),
        }
    }
}

/// An interagency commission (Art. 18.4) with its head and members (points of Art. 15.1).
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityCommission {
    pub id: i64,
    #[schema(schema_with = word::<Area>)]
    pub area: Area,
    pub name: String,
    /// The body that heads it: the one leading interagency coordination in its area.
    pub head: Option<i64>,
    pub members: Vec<i64>,
}

impl From<&CommissionView> for SecurityCommission {
    fn from(c: &CommissionView) -> Self {
        Self {
            id: c.id,
            area: c.area,
            name: c.name.clone(),
            head: c.head,
            members: c.members.clone(),
        }
    }
}

/// The organisation graph: the 30 bodies of Art. 15.1 and the interagency commissions.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityBodyGraph {
    pub bodies: Vec<SecurityBody>,
    pub commissions: Vec<SecurityCommission>,
    /// The clause that makes the Security Council a body formed by the President.
    pub council_clause: String,
}

impl From<&BodyGraph> for SecurityBodyGraph {
    fn from(g: &BodyGraph) -> Self {
        Self {
            bodies: g.bodies.iter().map(SecurityBody::from).collect(),
            commissions: g.commissions.iter().map(SecurityCommission::from).collect(),
            council_clause: g.council_clause.clone(),
        }
    }
}

/// One body with its text, commissions, and the measures and decisions assigned to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityBodyDetail {
    #[serde(flatten)]
    pub body: SecurityBody,
    /// The body's competence as Art. 15.1 states it.
    pub text: String,
    pub heads: Vec<SecurityCommission>,
    pub member_of: Vec<SecurityCommission>,
    pub measures: Vec<SecurityMeasure>,
    pub decisions: Vec<CouncilDecision>,
}

impl SecurityBodyDetail {
    pub fn new(detail: &BodyDetail, lang: &Lang) -> Self {
        Self {
            body: SecurityBody::from(&detail.body),
            text: detail.text.clone(),
            heads: detail.heads.iter().map(SecurityCommission::from).collect(),
            member_of: detail
                .member_of
                .iter()
                .map(SecurityCommission::from)
                .collect(),
            measures: detail.measures.iter().map(SecurityMeasure::from).collect(),
            decisions: detail
                .decisions
                .iter()
                .map(|d| CouncilDecision::new(d, lang))
                .collect(),
        }
    }
}

/// An entry of a list later acts may supplement: a point of the law ("7") or an addition
/// ("a3").
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityListedEntry {
    pub key: String,
    pub name: String,
    /// The clause for an entry of the law; the adding act for an addition.
    pub source: String,
    pub added_from: Option<NaiveDate>,
}

impl From<&ListedEntry> for SecurityListedEntry {
    fn from(e: &ListedEntry) -> Self {
        Self {
            key: e.key.clone(),
            name: e.name.clone(),
            source: e.source.clone(),
            added_from: e.added_from,
        }
    }
}

/// An assessment of a main threat with the interests it names.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityAssessment {
    pub id: i64,
    /// The point of Art. 6.1 ("7") or an addition ("a3").
    pub threat: String,
    #[schema(schema_with = word::<Area>)]
    pub area: Area,
    pub assessed_on: NaiveDate,
    /// 1 (rare) to 5 (almost certain).
    pub likelihood: i64,
    /// 1 (minor) to 5 (critical).
    pub impact: i64,
    #[schema(schema_with = word::<Trend>)]
    pub trend: Trend,
    pub narrative: String,
    /// One link or reference per line.
    pub evidence: String,
    pub assessed_by: String,
    pub recorded_at: DateTime<Utc>,
    pub interests: Vec<String>,
    /// likelihood × impact.
    pub score: i64,
}

impl From<&AssessmentView> for SecurityAssessment {
    fn from(v: &AssessmentView) -> Self {
        let a = &v.assessment;
        Self {
            id: a.id,
            threat: a.threat.clone(),
            area: a.area,
            assessed_on: a.assessed_on,
            likelihood: a.likelihood,
            impact: a.impact,
            trend: a.trend,
            narrative: a.narrative.clone(),
            evidence: a.evidence.clone(),
            assessed_by: a.assessed_by.clone(),
            recorded_at: a.recorded_at,
            interests: v.interests.clone(),
            score: v.score,
        }
    }
}

/// One main threat of the register with its latest assessment on the day read.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityThreatRow {
    #[serde(flatten)]
    pub threat: SecurityListedEntry,
    pub latest: Option<SecurityAssessment>,
    /// How many assessments it has up to the day read.
    pub assessments: usize,
}

impl From<&ThreatRow> for SecurityThreatRow {
    fn from(row: &ThreatRow) -> Self {
        Self {
            threat: SecurityListedEntry::from(&row.threat),
            latest: row.latest.as_ref().map(SecurityAssessment::from),
            assessments: row.assessments,
        }
    }
}

/// The threat register on a day, filtered by area and interest.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityThreatRegister {
    pub as_of: NaiveDate,
    #[schema(schema_with = optional_word::<Area>)]
    pub area: Option<Area>,
    pub interest: Option<String>,
    pub threats: Vec<SecurityThreatRow>,
    /// heat[impact - 1][likelihood - 1]: the threats whose latest assessment falls in the cell.
    pub heat: Vec<Vec<Vec<String>>>,
    pub interests: Vec<SecurityListedEntry>,
}

impl From<&ThreatRegister> for SecurityThreatRegister {
    fn from(r: &ThreatRegister) -> Self {
        Self {
            as_of: r.as_of,
            area: r.area,
            interest: r.interest.clone(),
            threats: r.threats.iter().map(SecurityThreatRow::from).collect(),
            heat: r.heat.clone(),
            interests: r.interests.iter().map(SecurityListedEntry::from).collect(),
        }
    }
}

/// One threat with all its assessments up to the day read, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityThreatHistory {
    pub threat: SecurityListedEntry,
    pub assessments: Vec<SecurityAssessment>,
    /// The national interests in force on the day read, to name those the assessments cite.
    pub interests: Vec<SecurityListedEntry>,
}

impl From<&ThreatHistory> for SecurityThreatHistory {
    fn from(h: &ThreatHistory) -> Self {
        Self {
            threat: SecurityListedEntry::from(&h.threat),
            assessments: h.assessments.iter().map(SecurityAssessment::from).collect(),
            interests: h.interests.iter().map(SecurityListedEntry::from).collect(),
        }
    }
}

/// A measure of Art. 18.3 with the threats it answers, the bodies responsible and whether it
/// is overdue on the day read.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityMeasure {
    pub id: i64,
    pub title: String,
    /// The point of Art. 18.3 (1-6).
    pub kind: i64,
    pub description: String,
    pub deadline: NaiveDate,
    #[schema(schema_with = word::<MeasureStatus>)]
    pub status: MeasureStatus,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub threats: Vec<String>,
    pub bodies: Vec<i64>,
    /// Past its deadline and neither done nor cancelled.
    pub overdue: bool,
    pub days_overdue: i64,
}

impl From<&MeasureView> for SecurityMeasure {
    fn from(v: &MeasureView) -> Self {
        let m = &v.measure;
        Self {
            id: m.id,
            title: m.title.clone(),
            kind: m.kind,
            description: m.description.clone(),
            deadline: m.deadline,
            status: m.status,
            created_by: m.created_by.clone(),
            created_at: m.created_at,
            threats: v.threats.clone(),
            bodies: v.bodies.clone(),
            overdue: v.overdue,
            days_overdue: v.days_overdue,
        }
    }
}

/// A report on a measure and the status it gave the measure.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityMeasureReport {
    pub id: i64,
    pub measure_id: i64,
    pub reported_on: NaiveDate,
    pub text: String,
    #[schema(schema_with = word::<MeasureStatus>)]
    pub status_after: MeasureStatus,
    pub reported_by: String,
    pub recorded_at: DateTime<Utc>,
}

impl From<&MeasureReport> for SecurityMeasureReport {
    fn from(r: &MeasureReport) -> Self {
        Self {
            id: r.id,
            measure_id: r.measure_id,
            reported_on: r.reported_on,
            text: r.text.clone(),
            status_after: r.status_after,
            reported_by: r.reported_by.clone(),
            recorded_at: r.recorded_at,
        }
    }
}

/// A measure with its reports.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityMeasureDetail {
    #[serde(flatten)]
    pub measure: SecurityMeasure,
    pub reports: Vec<SecurityMeasureReport>,
}

impl From<&MeasureDetail> for SecurityMeasureDetail {
    fn from(d: &MeasureDetail) -> Self {
        Self {
            measure: SecurityMeasure::from(&d.view),
            reports: d.reports.iter().map(SecurityMeasureReport::from).collect(),
        }
    }
}

/// A measured value of an indicator.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityIndicatorValue {
    pub id: i64,
    pub indicator_id: i64,
    pub measured_on: NaiveDate,
    pub value: f64,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

impl From<&IndicatorValue> for SecurityIndicatorValue {
    fn from(v: &IndicatorValue) -> Self {
        Self {
            id: v.id,
            indicator_id: v.indicator_id,
            measured_on: v.measured_on,
            value: v.value,
            note: v.note.clone(),
            recorded_by: v.recorded_by.clone(),
            recorded_at: v.recorded_at,
        }
    }
}

fn indicator_outcome() -> utoipa::openapi::Ref {
    super::rule_outcome(IndicatorStatus::ID)
}

/// What `security.indicator_status` decided of an indicator, its rule stated.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityIndicatorDecision {
    pub rule: String,
    pub as_of: NaiveDate,
    #[schema(schema_with = indicator_outcome)]
    pub outcome: IndicatorOutcome,
    pub citations: Vec<String>,
    pub explanation: Vec<String>,
}

impl SecurityIndicatorDecision {
    pub fn new(decision: &Decision<IndicatorOutcome>, lang: &Lang) -> Self {
        Self {
            rule: decision.rule.to_owned(),
            as_of: decision.as_of,
            outcome: decision.outcome,
            citations: super::citations(decision),
            explanation: super::explanation(decision, lang),
        }
    }
}

/// A target indicator with its values up to the day read and its monitoring status.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityIndicator {
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
    pub values: Vec<SecurityIndicatorValue>,
    #[schema(schema_with = word::<IndicatorState>)]
    pub status: IndicatorState,
    pub decision: SecurityIndicatorDecision,
}

impl SecurityIndicator {
    pub fn new(view: &IndicatorView, lang: &Lang) -> Self {
        let i = &view.indicator;
        Self {
            id: i.id,
            document_id: i.document_id,
            name: i.name.clone(),
            unit: i.unit.clone(),
            baseline: i.baseline,
            baseline_on: i.baseline_on,
            target: i.target,
            deadline: i.deadline,
            created_by: i.created_by.clone(),
            created_at: i.created_at,
            values: view
                .values
                .iter()
                .map(SecurityIndicatorValue::from)
                .collect(),
            status: view.status,
            decision: SecurityIndicatorDecision::new(&view.decision, lang),
        }
    }
}

/// A strategic document with its target indicators.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityDocument {
    pub id: i64,
    pub title: String,
    pub adopted_on: NaiveDate,
    /// The act that approves it, as cited.
    pub reference: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub indicators: Vec<SecurityIndicator>,
}

impl SecurityDocument {
    pub fn new(view: &DocumentView, lang: &Lang) -> Self {
        let d = &view.document;
        Self {
            id: d.id,
            title: d.title.clone(),
            adopted_on: d.adopted_on,
            reference: d.reference.clone(),
            created_by: d.created_by.clone(),
            created_at: d.created_at,
            indicators: view
                .indicators
                .iter()
                .map(|i| SecurityIndicator::new(i, lang))
                .collect(),
        }
    }
}
