//! The threat register: assessments of the main threats (likelihood, impact, trend, the
//! interests endangered), the register with its heat map on a date, and each threat's history.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use qorgau_i18n::Message;
use qorgau_rules::security::vocabulary::{Area, Trend};
use qorgau_store::security::monitoring as store;
use serde::Deserialize;

use super::ListedEntry;
use crate::audit::AuditAction;
use crate::security::{records, word};
use crate::validation::{optional_text, text};
use crate::{Acting, App, AppError, Permission};

/// The scale of likelihood and impact.
pub const SCALE: std::ops::RangeInclusive<i64> = 1..=5;

/// A new assessment of a main threat.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewAssessment {
    /// The point of Art. 6.1 ("7") or an addition ("a3").
    pub threat: String,
    #[schema(schema_with = crate::words::word::<Area>)]
    pub area: Area,
    pub assessed_on: NaiveDate,
    pub likelihood: i64,
    pub impact: i64,
    #[schema(schema_with = crate::words::word::<Trend>)]
    pub trend: Trend,
    pub narrative: String,
    /// Links or references, one per line.
    #[serde(default)]
    pub evidence: String,
    /// Interests endangered: points of Art. 5.1 or additions.
    #[serde(default)]
    pub interests: Vec<String>,
}

/// An assessment with the interests it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentView {
    pub assessment: store::Assessment,
    pub interests: Vec<String>,
    /// likelihood × impact.
    pub score: i64,
}

/// One threat of the register with its latest assessment on the date read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreatRow {
    pub threat: ListedEntry,
    pub latest: Option<AssessmentView>,
    pub assessments: usize,
}

/// The register on a date, filtered by area and interest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreatRegister {
    pub as_of: NaiveDate,
    pub area: Option<Area>,
    pub interest: Option<String>,
    pub threats: Vec<ThreatRow>,
    /// heat[impact - 1][likelihood - 1]: the threats whose latest assessment falls in the cell.
    pub heat: Vec<Vec<Vec<String>>>,
    pub interests: Vec<ListedEntry>,
}

/// One threat with all its assessments, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreatHistory {
    pub threat: ListedEntry,
    pub assessments: Vec<AssessmentView>,
    /// The national interests in force on the day read, to name those the assessments cite.
    pub interests: Vec<ListedEntry>,
}

impl App {
    /// Records an assessment of a main threat; audited.
    pub async fn assess_threat(
        &self,
        acting: Acting<'_>,
        new: NewAssessment,
    ) -> Result<AssessmentView, AppError> {
        let national = self
            .authorize_national(acting, Permission::WriteSecurity)
            .await?;
        let (threats, interests) = self.catalogue(new.assessed_on).await?;
        let threat = new.threat.trim().to_owned();
        if !threats.iter().any(|t| t.key == threat) {
            return Err(AppError::invalid(
                "threat",
                Message::new("invalid-threat").arg("value", threat),
            ));
        }
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
        let narrative = text("narrative", &new.narrative, 5000)?;
        let evidence = optional_text("evidence", &new.evidence, 5000)?;
        let mut w = self
            .write(acting, Permission::WriteSecurity, national.scope())
            .await?;
        let mut assessment = store::Assessment {
            id: 0,
            threat,
            area: new.area,
            assessed_on: new.assessed_on,
            likelihood: new.likelihood,
            impact: new.impact,
            trend: new.trend,
            narrative,
            evidence,
            assessed_by: w.actor_name(),
            recorded_at: w.at(),
        };
        assessment.id = store::insert_assessment(w.conn(), &assessment, &named).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityThreatAssess,
            "security_assessment",
            assessment.id,
            serde_json::json!({
                "assessment": records::assessment(&assessment),
                "interests": named,
            }),
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
        Ok(store::assessments_until(&mut conn, as_of)
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
        self.authorize_national(acting, Permission::ReadSecurity)
            .await?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let area = area
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|a| word::<Area>("area", a))
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
                    area.is_none_or(|a| l.assessment.area == a)
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
        self.authorize_national(acting, Permission::ReadSecurity)
            .await?;
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
}
