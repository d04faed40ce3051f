//! National-security monitoring (002 Arts. 5, 6, 15, 18; 004 function 3): the organisation
//! graph of the bodies with their interagency commissions, the threat register, the measures of
//! Art. 18.3, and strategic documents with their target indicators.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use qorgau_i18n::Message;
use qorgau_law::reference::{self, Entry};
use qorgau_rules::security::{self as rules, Area};
use qorgau_rules::{Decision, TypedRule};
use qorgau_store::monitoring as store;
use serde::{Deserialize, Serialize};

use crate::audit::AuditAction;
use crate::safety::{date, one_of, optional_text, text};
use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// Trends an assessment may give.
pub const TRENDS: [&str; 3] = ["rising", "stable", "falling"];
/// Statuses of a measure.
pub const MEASURE_STATUSES: [&str; 4] = ["planned", "in_progress", "done", "cancelled"];
/// The scale of likelihood and impact.
pub const SCALE: std::ops::RangeInclusive<i64> = 1..=5;

/// The keys of the areas of national security (those of `security.lead_body`).
pub fn area_keys() -> Vec<&'static str> {
    Area::ALL.iter().map(|a| a.as_str()).collect()
}

fn area_of(value: &str) -> Result<Area, AppError> {
    Area::ALL
        .into_iter()
        .find(|a| a.as_str() == value.trim())
        .ok_or_else(|| {
            AppError::invalid(
                "area",
                Message::new("invalid-choice").arg("allowed", area_keys().join(", ")),
            )
        })
}

/// The public bodies of Art. 15.1, read from the corpus once: pages name a body per row.
pub fn public_bodies() -> &'static [Entry] {
    static BODIES: std::sync::OnceLock<Vec<Entry>> = std::sync::OnceLock::new();
    BODIES.get_or_init(reference::public_bodies)
}

/// A public body of Art. 15.1 by its point number.
pub fn body(number: i64) -> Option<&'static Entry> {
    usize::try_from(number)
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|n| public_bodies().get(n))
}

pub(crate) fn check_body(field: &'static str, number: i64) -> Result<i64, AppError> {
    body(number).map(|_| number).ok_or_else(|| {
        AppError::invalid(
            field,
            Message::new("invalid-body").arg("value", number.to_string()),
        )
    })
}

/// An entry of a list that may be supplemented (main threats, national interests): the point
/// of the law ("7") or an addition by a later act ("a3").
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ListedEntry {
    pub key: String,
    pub name: String,
    /// The clause for an entry of the law; the adding act for an addition.
    pub source: String,
    pub added_from: Option<String>,
}

fn listed(
    entries: Vec<Entry>,
    additions: &[qorgau_store::security::ListAddition],
    list: &str,
) -> Vec<ListedEntry> {
    let mut out: Vec<ListedEntry> = entries
        .into_iter()
        .map(|e| ListedEntry {
            key: e.number.clone(),
            name: e.name,
            source: e.clause.to_string(),
            added_from: None,
        })
        .collect();
    out.extend(
        additions
            .iter()
            .filter(|a| a.list == list)
            .map(|a| ListedEntry {
                key: format!("a{}", a.id),
                name: reference::short_name(&a.text),
                source: a.added_by_act.clone(),
                added_from: Some(a.effective_from.clone()),
            }),
    );
    out
}

/// The main threats and national interests in force on `as_of`, read on `conn`.
async fn catalogue_in(
    conn: &mut qorgau_store::Conn,
    as_of: NaiveDate,
) -> Result<(Vec<ListedEntry>, Vec<ListedEntry>), AppError> {
    let additions = qorgau_store::security::additions_on(conn, &as_of.to_string()).await?;
    Ok((
        listed(reference::main_threats(), &additions, "main_threats"),
        listed(
            reference::national_interests(),
            &additions,
            "national_interests",
        ),
    ))
}

/// The organisation graph: the President, the Security Council, the 30 bodies of Art. 15.1 and
/// the interagency commissions.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BodyGraph {
    pub bodies: Vec<BodyNode>,
    pub commissions: Vec<CommissionView>,
    /// The clause that makes the Security Council a body formed by the President.
    pub council_clause: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BodyNode {
    pub number: i64,
    pub name: String,
    pub clause: String,
    /// subordinate_and_accountable, accountable or none: to the President, as the body's text
    /// of Art. 15.1 says.
    pub to_president: &'static str,
    /// The areas in which it leads coordination, with whether the text says interagency.
    pub leads: Vec<LeadArea>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LeadArea {
    pub area: &'static str,
    pub interagency: bool,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CommissionView {
    pub id: i64,
    pub area: String,
    pub name: String,
    /// The body that heads it (Art. 18.4): the one leading coordination in its area.
    pub head: Option<i64>,
    pub members: Vec<i64>,
}

/// How a body stands to the President, read from its text in Art. 15.1.
fn to_president(text: &str) -> &'static str {
    let text = text.to_lowercase();
    let accountable = text.contains("accountable to the president");
    if accountable && text.contains("subordinat") {
        "subordinate_and_accountable"
    } else if accountable {
        "accountable"
    } else {
        "none"
    }
}

/// A new interagency commission (Art. 18.4).
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewCommission {
    pub area: String,
    pub name: String,
    /// Points of Art. 15.1.
    #[serde(default)]
    pub members: Vec<i64>,
}

/// A new assessment of a main threat.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewAssessment {
    /// The point of Art. 6.1 ("7") or an addition ("a3").
    pub threat: String,
    pub area: String,
    pub assessed_on: NaiveDate,
    pub likelihood: i64,
    pub impact: i64,
    pub trend: String,
    pub narrative: String,
    /// Links or references, one per line.
    #[serde(default)]
    pub evidence: String,
    /// Interests endangered: points of Art. 5.1 or additions.
    #[serde(default)]
    pub interests: Vec<String>,
}

/// An assessment with the interests it names.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AssessmentView {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub assessment: store::Assessment,
    pub interests: Vec<String>,
    /// likelihood × impact.
    pub score: i64,
}

/// One threat of the register with its latest assessment on the date read.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ThreatRow {
    #[serde(flatten)]
    pub threat: ListedEntry,
    pub latest: Option<AssessmentView>,
    pub assessments: usize,
}

/// The register on a date, filtered by area and interest.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ThreatRegister {
    pub as_of: NaiveDate,
    pub area: Option<String>,
    pub interest: Option<String>,
    pub threats: Vec<ThreatRow>,
    /// heat[impact - 1][likelihood - 1]: the threats whose latest assessment falls in the cell.
    pub heat: Vec<Vec<Vec<String>>>,
    pub interests: Vec<ListedEntry>,
}

/// One threat with all its assessments, oldest first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ThreatHistory {
    pub threat: ListedEntry,
    pub assessments: Vec<AssessmentView>,
    /// The national interests in force on the day read, to name those the assessments cite.
    pub interests: Vec<ListedEntry>,
}

/// A new measure of Art. 18.3.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewMeasure {
    pub title: String,
    /// The point of Art. 18.3 (1-6).
    pub kind: i64,
    #[serde(default)]
    pub description: String,
    pub deadline: NaiveDate,
    /// Threats answered: points of Art. 6.1 or additions.
    #[serde(default)]
    pub threats: Vec<String>,
    /// Responsible bodies: points of Art. 15.1.
    pub bodies: Vec<i64>,
}

/// A report on a measure, which sets its status.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewMeasureReport {
    pub reported_on: NaiveDate,
    pub text: String,
    /// planned, in_progress, done or cancelled.
    pub status: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MeasureView {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub measure: store::Measure,
    pub threats: Vec<String>,
    pub bodies: Vec<i64>,
    /// Past its deadline and neither done nor cancelled.
    pub overdue: bool,
    pub days_overdue: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MeasureDetail {
    #[serde(flatten)]
    pub view: MeasureView,
    #[schema(value_type = Vec<Object>)]
    pub reports: Vec<store::MeasureReport>,
}

/// A new strategic document.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewDocument {
    pub title: String,
    pub adopted_on: NaiveDate,
    /// The act that approves it, as cited.
    #[serde(default)]
    pub reference: String,
}

/// A new target indicator of a document.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewIndicator {
    pub document_id: i64,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub baseline_on: NaiveDate,
    pub target: f64,
    pub deadline: NaiveDate,
}

/// A measured value of an indicator.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewIndicatorValue {
    pub measured_on: NaiveDate,
    pub value: f64,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IndicatorView {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub indicator: store::Indicator,
    #[schema(value_type = Vec<Object>)]
    pub values: Vec<store::IndicatorValue>,
    /// on_track, at_risk or off_track (`security.indicator_status`).
    pub status: &'static str,
    #[serde(skip)]
    pub decision: Decision<rules::IndicatorOutcome>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DocumentView {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub document: store::Document,
    pub indicators: Vec<IndicatorView>,
}

impl App {
    /// The bodies of Art. 15.1 with their relations, and the interagency commissions.
    pub async fn body_graph(&self, acting: Acting<'_>) -> Result<BodyGraph, AppError> {
        authorize(acting, Permission::ReadSecurity, Scope::Anywhere)?;
        let mut leads: HashMap<i64, Vec<LeadArea>> = HashMap::new();
        for area in Area::ALL {
            if let Some((point, interagency)) = rules::lead_point(area) {
                leads.entry(i64::from(point)).or_default().push(LeadArea {
                    area: area.as_str(),
                    interagency,
                });
            }
        }
        let bodies = public_bodies()
            .iter()
            .enumerate()
            .map(|(i, entry)| {
                let number = i as i64 + 1;
                BodyNode {
                    number,
                    to_president: to_president(&entry.text),
                    name: entry.name.clone(),
                    clause: entry.clause.to_string(),
                    leads: leads.remove(&number).unwrap_or_default(),
                }
            })
            .collect();
        let mut conn = self.store().pool().acquire().await?;
        let members = store::commission_members(&mut conn).await?;
        let commissions = store::commissions(&mut conn)
            .await?
            .into_iter()
            .map(|c| CommissionView {
                // Art. 18.4 makes the head the body that carries out *interagency* coordination
                // in the area; where Art. 15 says only "inter-sectoral" it names no head.
                head: area_of(&c.area)
                    .ok()
                    .and_then(rules::lead_point)
                    .filter(|(_, interagency)| *interagency)
                    .map(|(point, _)| i64::from(point)),
                members: members
                    .iter()
                    .filter(|(id, _)| *id == c.id)
                    .map(|(_, body)| *body)
                    .collect(),
                id: c.id,
                area: c.area,
                name: c.name,
            })
            .collect();
        Ok(BodyGraph {
            bodies,
            commissions,
            council_clause: format!("{}/para_1", reference::COUNCIL),
        })
    }

    /// Creates an interagency commission for an area (Art. 18.4); its head is derived.
    pub async fn create_commission(
        &self,
        acting: Acting<'_>,
        new: NewCommission,
    ) -> Result<i64, AppError> {
        authorize(acting, Permission::WriteSecurity, Scope::Anywhere)?;
        let area = area_of(&new.area)?;
        let name = text("name", &new.name, 300)?;
        let mut members = Vec::new();
        for body in new.members {
            let body = check_body("members", body)?;
            if !members.contains(&body) {
                members.push(body);
            }
        }
        let mut w = self
            .write(acting, Permission::WriteSecurity, Scope::Anywhere)
            .await?;
        let commission = store::Commission {
            id: 0,
            area: area.as_str().to_owned(),
            name,
            created_by: w.actor_name(),
            created_at: w.at_text(),
        };
        let id = store::insert_commission(w.conn(), &commission, &members).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityCommissionCreate,
            "security_commission",
            id,
            serde_json::json!({ "commission": commission, "members": members }),
        ))
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// Adds a body to a commission.
    pub async fn add_commission_member(
        &self,
        acting: Acting<'_>,
        commission: i64,
        body: i64,
    ) -> Result<(), AppError> {
        authorize(acting, Permission::WriteSecurity, Scope::Anywhere)?;
        let body = check_body("body", body)?;
        let mut w = self
            .write(acting, Permission::WriteSecurity, Scope::Anywhere)
            .await?;
        if !store::commissions(w.conn())
            .await?
            .iter()
            .any(|c| c.id == commission)
        {
            return Err(AppError::NotFound {
                entity: "commission",
                id: commission.to_string(),
            });
        }
        store::add_member(w.conn(), commission, body).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityCommissionAddMember,
            "security_commission",
            commission,
            serde_json::json!({ "body": body }),
        ))
        .await?;
        w.commit().await?;
        Ok(())
    }

    /// The main threats and national interests in force on `as_of` (the law's and later acts'),
    /// for whoever may read the reference lists.
    pub async fn threats_and_interests(
        &self,
        acting: Acting<'_>,
        as_of: NaiveDate,
    ) -> Result<(Vec<ListedEntry>, Vec<ListedEntry>), AppError> {
        self.read_reference(acting)?;
        self.catalogue(as_of).await
    }

    async fn catalogue(
        &self,
        as_of: NaiveDate,
    ) -> Result<(Vec<ListedEntry>, Vec<ListedEntry>), AppError> {
        let mut conn = self.store().pool().acquire().await?;
        catalogue_in(&mut conn, as_of).await
    }

    /// Records an assessment of a main threat; audited.
    pub async fn assess_threat(
        &self,
        acting: Acting<'_>,
        new: NewAssessment,
    ) -> Result<AssessmentView, AppError> {
        authorize(acting, Permission::WriteSecurity, Scope::Anywhere)?;
        let (threats, interests) = self.catalogue(new.assessed_on).await?;
        let threat = new.threat.trim().to_owned();
        if !threats.iter().any(|t| t.key == threat) {
            return Err(AppError::invalid(
                "threat",
                Message::new("invalid-threat").arg("value", threat),
            ));
        }
        let area = area_of(&new.area)?;
        for (field, value) in [("likelihood", new.likelihood), ("impact", new.impact)] {
            if !SCALE.contains(&value) {
                return Err(AppError::invalid(
                    field,
                    Message::new("invalid-scale").arg("value", value),
                ));
            }
        }
        let mut named = Vec::new();
        for interest in &new.interests {
            let interest = interest.trim().to_owned();
            if !interests.iter().any(|i| i.key == interest) {
                return Err(AppError::invalid(
                    "interests",
                    Message::new("invalid-interest").arg("value", interest),
                ));
            }
            if !named.contains(&interest) {
                named.push(interest);
            }
        }
        if new.assessed_on > self.clock().today() {
            return Err(AppError::invalid(
                "assessed_on",
                Message::new("invalid-future-date"),
            ));
        }
        let trend = one_of("trend", &new.trend, &TRENDS)?;
        let narrative = text("narrative", &new.narrative, 5000)?;
        let evidence = optional_text("evidence", &new.evidence, 5000)?;
        let mut w = self
            .write(acting, Permission::WriteSecurity, Scope::Anywhere)
            .await?;
        let mut assessment = store::Assessment {
            id: 0,
            threat,
            area: area.as_str().to_owned(),
            assessed_on: new.assessed_on.to_string(),
            likelihood: new.likelihood,
            impact: new.impact,
            trend,
            narrative,
            evidence,
            assessed_by: w.actor_name(),
            recorded_at: w.at_text(),
        };
        assessment.id = store::insert_assessment(w.conn(), &assessment, &named).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityThreatAssess,
            "security_assessment",
            assessment.id,
            serde_json::json!({ "assessment": assessment, "interests": named }),
        ))
        .await?;
        w.commit().await?;
        Ok(AssessmentView {
            score: assessment.likelihood * assessment.impact,
            assessment,
            interests: named,
        })
    }

    async fn assessments_on(&self, as_of: NaiveDate) -> Result<Vec<AssessmentView>, AppError> {
        let mut conn = self.store().pool().acquire().await?;
        let mut interests: HashMap<i64, Vec<String>> = HashMap::new();
        for (id, interest) in store::assessment_interests(&mut conn).await? {
            interests.entry(id).or_default().push(interest);
        }
        Ok(store::assessments_until(&mut conn, &as_of.to_string())
            .await?
            .into_iter()
            .map(|a| AssessmentView {
                score: a.likelihood * a.impact,
                interests: interests.remove(&a.id).unwrap_or_default(),
                assessment: a,
            })
            .collect())
    }

    /// The threat register on `as_of`: each threat with its latest assessment, the heat map of
    /// the latest assessments, filtered by area and by an endangered interest.
    pub async fn threat_register(
        &self,
        acting: Acting<'_>,
        as_of: Option<NaiveDate>,
        area: Option<&str>,
        interest: Option<&str>,
    ) -> Result<ThreatRegister, AppError> {
        authorize(acting, Permission::ReadSecurity, Scope::Anywhere)?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let area = area
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|a| area_of(a).map(|a| a.as_str().to_owned()))
            .transpose()?;
        let (threats, interests) = self.catalogue(as_of).await?;
        let interest = interest
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .map(str::to_owned);
        if let Some(key) = &interest
            && !interests.iter().any(|i| &i.key == key)
        {
            return Err(AppError::invalid(
                "interest",
                Message::new("invalid-interest").arg("value", key.as_str()),
            ));
        }
        let mut by_threat: BTreeMap<String, Vec<AssessmentView>> = BTreeMap::new();
        for a in self.assessments_on(as_of).await? {
            by_threat
                .entry(a.assessment.threat.clone())
                .or_default()
                .push(a);
        }
        let mut heat = vec![vec![Vec::new(); 5]; 5];
        let mut rows = Vec::new();
        for threat in threats {
            let history = by_threat.remove(&threat.key).unwrap_or_default();
            let latest = history.last().cloned();
            let matches = match &latest {
                Some(l) => {
                    area.as_ref().is_none_or(|a| &l.assessment.area == a)
                        && interest.as_ref().is_none_or(|i| l.interests.contains(i))
                }
                None => area.is_none() && interest.is_none(),
            };
            if !matches {
                continue;
            }
            if let Some(l) = &latest {
                let (i, j) = (l.assessment.impact - 1, l.assessment.likelihood - 1);
                heat[i as usize][j as usize].push(threat.key.clone());
            }
            rows.push(ThreatRow {
                threat,
                assessments: history.len(),
                latest,
            });
        }
        Ok(ThreatRegister {
            as_of,
            area,
            interest,
            threats: rows,
            heat,
            interests,
        })
    }

    /// One threat with every assessment up to `as_of`: its trend over time, who assessed it.
    pub async fn threat_history(
        &self,
        acting: Acting<'_>,
        key: &str,
        as_of: Option<NaiveDate>,
    ) -> Result<ThreatHistory, AppError> {
        authorize(acting, Permission::ReadSecurity, Scope::Anywhere)?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let (threats, interests) = self.catalogue(as_of).await?;
        let threat =
            threats
                .into_iter()
                .find(|t| t.key == key)
                .ok_or_else(|| AppError::NotFound {
                    entity: "threat",
                    id: key.to_owned(),
                })?;
        let assessments = self
            .assessments_on(as_of)
            .await?
            .into_iter()
            .filter(|a| a.assessment.threat == threat.key)
            .collect();
        Ok(ThreatHistory {
            threat,
            assessments,
            interests,
        })
    }

    /// Records a measure of Art. 18.3 with its threats and responsible bodies; audited.
    pub async fn create_measure(
        &self,
        acting: Acting<'_>,
        new: NewMeasure,
    ) -> Result<i64, AppError> {
        authorize(acting, Permission::WriteSecurity, Scope::Anywhere)?;
        if reference_measure_kind(new.kind).is_none() {
            return Err(AppError::invalid(
                "kind",
                Message::new("invalid-measure-kind").arg("value", new.kind),
            ));
        }
        let today = self.clock().today();
        let (threats, _) = self.catalogue(today).await?;
        let mut answered = Vec::new();
        for threat in &new.threats {
            let threat = threat.trim().to_owned();
            if !threats.iter().any(|t| t.key == threat) {
                return Err(AppError::invalid(
                    "threats",
                    Message::new("invalid-threat").arg("value", threat),
                ));
            }
            if !answered.contains(&threat) {
                answered.push(threat);
            }
        }
        let mut bodies = Vec::new();
        for body in &new.bodies {
            let body = check_body("bodies", *body)?;
            if !bodies.contains(&body) {
                bodies.push(body);
            }
        }
        if bodies.is_empty() {
            return Err(AppError::invalid("bodies", Message::new("invalid-no-body")));
        }
        let title = text("title", &new.title, 300)?;
        let description = optional_text("description", &new.description, 5000)?;
        let mut w = self
            .write(acting, Permission::WriteSecurity, Scope::Anywhere)
            .await?;
        let measure = store::Measure {
            id: 0,
            title,
            kind: new.kind,
            description,
            deadline: new.deadline.to_string(),
            status: "planned".to_owned(),
            created_by: w.actor_name(),
            created_at: w.at_text(),
        };
        let id = store::insert_measure(w.conn(), &measure, &answered, &bodies).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityMeasureCreate,
            "security_measure",
            id,
            serde_json::json!({ "measure": measure, "threats": answered, "bodies": bodies }),
        ))
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// Every measure with its threats, bodies and overdue flag on `as_of`.
    pub async fn measures(
        &self,
        acting: Acting<'_>,
        as_of: Option<NaiveDate>,
    ) -> Result<Vec<MeasureView>, AppError> {
        authorize(acting, Permission::ReadSecurity, Scope::Anywhere)?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let mut conn = self.store().pool().acquire().await?;
        let mut threats: HashMap<i64, Vec<String>> = HashMap::new();
        for (id, t) in store::measure_threats(&mut conn).await? {
            threats.entry(id).or_default().push(t);
        }
        let mut bodies: HashMap<i64, Vec<i64>> = HashMap::new();
        for (id, b) in store::measure_bodies(&mut conn).await? {
            bodies.entry(id).or_default().push(b);
        }
        Ok(store::measures(&mut conn)
            .await?
            .into_iter()
            .map(|m| {
                measure_view(
                    m.clone(),
                    threats.remove(&m.id).unwrap_or_default(),
                    bodies.remove(&m.id).unwrap_or_default(),
                    as_of,
                )
            })
            .collect())
    }

    /// One measure with its reports.
    pub async fn measure(
        &self,
        acting: Acting<'_>,
        id: i64,
        as_of: Option<NaiveDate>,
    ) -> Result<MeasureDetail, AppError> {
        let view = self
            .measures(acting, as_of)
            .await?
            .into_iter()
            .find(|m| m.measure.id == id)
            .ok_or_else(|| AppError::NotFound {
                entity: "measure",
                id: id.to_string(),
            })?;
        let mut conn = self.store().pool().acquire().await?;
        let reports = store::measure_reports(&mut conn, id).await?;
        Ok(MeasureDetail { view, reports })
    }

    /// Records a report on a measure, which sets its status; audited.
    pub async fn report_measure(
        &self,
        acting: Acting<'_>,
        id: i64,
        new: NewMeasureReport,
    ) -> Result<i64, AppError> {
        authorize(acting, Permission::WriteSecurity, Scope::Anywhere)?;
        let status = one_of("status", &new.status, &MEASURE_STATUSES)?;
        let text = text("text", &new.text, 5000)?;
        if new.reported_on > self.clock().today() {
            return Err(AppError::invalid(
                "reported_on",
                Message::new("invalid-future-date"),
            ));
        }
        let mut w = self
            .write(acting, Permission::WriteSecurity, Scope::Anywhere)
            .await?;
        let before = store::measure(w.conn(), id).await?;
        let report = store::MeasureReport {
            id: 0,
            measure_id: id,
            reported_on: new.reported_on.to_string(),
            text,
            status_after: status,
            reported_by: w.actor_name(),
            recorded_at: w.at_text(),
        };
        let report_id = store::insert_measure_report(w.conn(), &report).await?;
        w.audit(crate::audit::Change {
            action: AuditAction::SecurityMeasureReport,
            entity: "security_measure",
            entity_id: id.to_string(),
            before: Some(serde_json::json!({ "status": before.status })),
            after: Some(serde_json::json!(report)),
        })
        .await?;
        w.commit().await?;
        Ok(report_id)
    }

    /// Records a strategic document; audited.
    pub async fn create_document(
        &self,
        acting: Acting<'_>,
        new: NewDocument,
    ) -> Result<i64, AppError> {
        authorize(acting, Permission::WriteSecurity, Scope::Anywhere)?;
        let title = text("title", &new.title, 300)?;
        let reference = optional_text("reference", &new.reference, 300)?;
        let mut w = self
            .write(acting, Permission::WriteSecurity, Scope::Anywhere)
            .await?;
        let document = store::Document {
            id: 0,
            title,
            adopted_on: new.adopted_on.to_string(),
            reference,
            created_by: w.actor_name(),
            created_at: w.at_text(),
        };
        let id = store::insert_document(w.conn(), &document).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityDocumentCreate,
            "security_document",
            id,
            serde_json::json!(document),
        ))
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// Records a target indicator of a document; the rule's own checks (a target other than
    /// the baseline, a deadline after the baseline day) are applied first.
    pub async fn create_indicator(
        &self,
        acting: Acting<'_>,
        new: NewIndicator,
    ) -> Result<i64, AppError> {
        authorize(acting, Permission::WriteSecurity, Scope::Anywhere)?;
        if !new.baseline.is_finite() || !new.target.is_finite() {
            return Err(AppError::invalid(
                "target",
                Message::new("invalid-number").arg("value", new.target.to_string()),
            ));
        }
        if new.target == new.baseline {
            return Err(AppError::invalid(
                "target",
                Message::new("invalid-target-equals-baseline"),
            ));
        }
        if new.deadline <= new.baseline_on {
            return Err(AppError::invalid(
                "deadline",
                Message::new("invalid-deadline-before-baseline"),
            ));
        }
        let name = text("name", &new.name, 300)?;
        let unit = text("unit", &new.unit, 50)?;
        let mut w = self
            .write(acting, Permission::WriteSecurity, Scope::Anywhere)
            .await?;
        let indicator = store::Indicator {
            id: 0,
            document_id: new.document_id,
            name,
            unit,
            baseline: new.baseline,
            baseline_on: new.baseline_on.to_string(),
            target: new.target,
            deadline: new.deadline.to_string(),
            created_by: w.actor_name(),
            created_at: w.at_text(),
        };
        if !store::documents(w.conn())
            .await?
            .iter()
            .any(|d| d.id == new.document_id)
        {
            return Err(AppError::NotFound {
                entity: "document",
                id: new.document_id.to_string(),
            });
        }
        let id = store::insert_indicator(w.conn(), &indicator).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityIndicatorCreate,
            "security_indicator",
            id,
            serde_json::json!(indicator),
        ))
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// Records a measured value of an indicator; audited.
    pub async fn record_indicator_value(
        &self,
        acting: Acting<'_>,
        indicator: i64,
        new: NewIndicatorValue,
    ) -> Result<i64, AppError> {
        authorize(acting, Permission::WriteSecurity, Scope::Anywhere)?;
        if !new.value.is_finite() {
            return Err(AppError::invalid(
                "value",
                Message::new("invalid-number").arg("value", new.value.to_string()),
            ));
        }
        if new.measured_on > self.clock().today() {
            return Err(AppError::invalid(
                "measured_on",
                Message::new("invalid-future-date"),
            ));
        }
        let note = optional_text("note", &new.note, 1000)?;
        let mut w = self
            .write(acting, Permission::WriteSecurity, Scope::Anywhere)
            .await?;
        let value = store::IndicatorValue {
            id: 0,
            indicator_id: indicator,
            measured_on: new.measured_on.to_string(),
            value: new.value,
            note,
            recorded_by: w.actor_name(),
            recorded_at: w.at_text(),
        };
        let stored = store::indicator(w.conn(), indicator).await?;
        if value.measured_on < stored.baseline_on {
            return Err(AppError::invalid(
                "measured_on",
                Message::new("invalid-measured-before-baseline")
                    .arg("baseline_on", stored.baseline_on),
            ));
        }
        let id = store::insert_indicator_value(w.conn(), &value).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityIndicatorMeasure,
            "security_indicator",
            indicator,
            serde_json::json!(value),
        ))
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// The Security Council's monitoring view (function 3 of 004): every document with its
    /// indicators, their values up to `as_of` and `security.indicator_status`.
    pub async fn strategy_monitoring(
        &self,
        acting: Acting<'_>,
        as_of: Option<NaiveDate>,
    ) -> Result<Vec<DocumentView>, AppError> {
        authorize(acting, Permission::ReadSecurity, Scope::Anywhere)?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let mut conn = self.store().pool().acquire().await?;
        let mut values: HashMap<i64, Vec<store::IndicatorValue>> = HashMap::new();
        for v in store::indicator_values_until(&mut conn, &as_of.to_string()).await? {
            values.entry(v.indicator_id).or_default().push(v);
        }
        let mut indicators: HashMap<i64, Vec<IndicatorView>> = HashMap::new();
        for indicator in store::indicators(&mut conn).await? {
            let values = values.remove(&indicator.id).unwrap_or_default();
            let decision = indicator_decision(&indicator, values.last(), as_of)?;
            let status = decision.outcome.status.as_str();
            indicators
                .entry(indicator.document_id)
                .or_default()
                .push(IndicatorView {
                    indicator,
                    values,
                    status,
                    decision,
                });
        }
        Ok(store::documents(&mut conn)
            .await?
            .into_iter()
            .map(|document| DocumentView {
                indicators: indicators.remove(&document.id).unwrap_or_default(),
                document,
            })
            .collect())
    }
}

/// The point of Art. 18.3 that names a kind of measure.
pub fn reference_measure_kind(kind: i64) -> Option<Entry> {
    usize::try_from(kind)
        .ok()
        .and_then(|k| k.checked_sub(1))
        .and_then(|k| reference::measure_kinds().into_iter().nth(k))
}

/// A measure is overdue once its deadline has passed unless it is done or cancelled
/// (Art. 18.3 asks for measures; their deadlines are the plan's own).
fn measure_view(
    measure: store::Measure,
    threats: Vec<String>,
    bodies: Vec<i64>,
    as_of: NaiveDate,
) -> MeasureView {
    let deadline: Option<NaiveDate> = measure.deadline.parse().ok();
    let open = !matches!(measure.status.as_str(), "done" | "cancelled");
    let days_overdue = deadline
        .filter(|d| open && as_of > *d)
        .map_or(0, |d| (as_of - d).num_days());
    MeasureView {
        overdue: days_overdue > 0,
        days_overdue,
        measure,
        threats,
        bodies,
    }
}

fn indicator_decision(
    indicator: &store::Indicator,
    latest: Option<&store::IndicatorValue>,
    as_of: NaiveDate,
) -> Result<Decision<rules::IndicatorOutcome>, AppError> {
    let parse = |field: &'static str, value: &str| date(field, value);
    let latest = match latest {
        Some(v) => Some(rules::Measurement {
            value: v.value,
            measured_on: parse("measured_on", &v.measured_on)?,
        }),
        None => None,
    };
    Ok(rules::IndicatorStatus.decide(
        rules::IndicatorFacts {
            baseline: indicator.baseline,
            baseline_on: parse("baseline_on", &indicator.baseline_on)?,
            target: indicator.target,
            deadline: parse("deadline", &indicator.deadline)?,
            latest,
        },
        as_of,
    )?)
}
