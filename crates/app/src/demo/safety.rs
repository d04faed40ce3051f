//! Demo data for the security of military service: a command tree of about three thousand
//! units across the five levels below the General Staff, two years of monthly strength,
//! incidents, Acts with violations, Plans and training events. Seeded, so every demo is the
//! same; dates are relative to the clock's today.

use chrono::{Datelike, Duration, Months, NaiveDate};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;

use crate::audit::{AuditAction, Change};
use crate::org::UnitKind;
use crate::safety::incidents::season_of;
use crate::{Acting, App, AppError, Permission, Scope};
use qorgau_rules::safety::{
    Cause, IncidentActivity, IncidentKind, TrainingCalendar, ViolationCategory,
};
use qorgau_store::safety::{
    self as repo, Act, Incident, PlanActivity, PlanVersion, Strength, Violation,
};

/// What the safety demo loaded.
#[derive(Debug, Default, Clone, Copy)]
pub struct SafetyDemo {
    pub units: usize,
    pub incidents: usize,
    pub acts: usize,
}

const REGIONS: [&str; 5] = ["Astana", "South", "East", "West", "Central"];

struct Node {
    id: i64,
    kind: UnitKind,
    /// The nearest body above a department or service (its inspecting body).
    body: i64,
    /// How troubled the unit is: multiplies its incident rate.
    risk: f64,
    personnel: i64,
}

impl App {
    /// Loads the demo under `general_staff` in one transaction.
    pub async fn load_safety_demo(&self, general_staff: i64) -> Result<SafetyDemo, AppError> {
        let mut rng = StdRng::seed_from_u64(738);
        // The operator loads the demo from the command line: always allowed.
        let mut w = self
            .write(Acting::Operator, Permission::WriteSafety, Scope::Anywhere)
            .await?;
        let today = w.today();
        let now = w.at();
        let at = w.at_text();
        let mut nodes: Vec<Node> = Vec::new();
        let add = async |tx: &mut qorgau_store::Conn,
                         parent: i64,
                         name: String,
                         kind: UnitKind|
               -> Result<i64, AppError> {
            Ok(
                qorgau_store::org::insert(tx, Some(parent), &name, kind, &at)
                    .await?
                    .id,
            )
        };
        let mut unit_number = 30_000;
        for (r, region) in REGIONS.iter().enumerate() {
            let command = add(
                w.conn(),
                general_staff,
                format!("Regional Command \"{region}\" (demo)"),
                UnitKind::OperationalTerritorial,
            )
            .await?;
            nodes.push(Node {
                id: command,
                kind: UnitKind::OperationalTerritorial,
                body: command,
                risk: 1.0,
                personnel: rng.random_range(80..160),
            });
            for l in 1..=4 {
                let local = add(
                    w.conn(),
                    command,
                    format!("Garrison command {region}-{l}"),
                    UnitKind::Local,
                )
                .await?;
                nodes.push(Node {
                    id: local,
                    kind: UnitKind::Local,
                    body: local,
                    risk: 1.0,
                    personnel: rng.random_range(30..80),
                });
            }
            for c in 1..=5 {
                let corps = add(
                    w.conn(),
                    command,
                    format!("Operational command {region}-{c}"),
                    UnitKind::OperationalTactical,
                )
                .await?;
                nodes.push(Node {
                    id: corps,
                    kind: UnitKind::OperationalTactical,
                    body: corps,
                    risk: 1.0,
                    personnel: rng.random_range(60..120),
                });
                for b in 1..=6 {
                    unit_number += 10;
                    let brigade = add(
                        w.conn(),
                        corps,
                        format!("Brigade {region}-{c}-{b} (military unit {unit_number})"),
                        UnitKind::Tactical,
                    )
                    .await?;
                    // A few brigades in one region are troubled, so the ranking shows them.
                    let brigade_risk = if r == 1 && b == 2 {
                        3.0
                    } else {
                        rng.random_range(0.5..1.5)
                    };
                    nodes.push(Node {
                        id: brigade,
                        kind: UnitKind::Tactical,
                        body: brigade,
                        risk: brigade_risk,
                        personnel: rng.random_range(100..200),
                    });
                    for (kind, name) in [
                        (UnitKind::Department, "Staff department"),
                        (UnitKind::Service, "Logistics service"),
                        (UnitKind::Service, "Armament service"),
                    ] {
                        let id = add(
                            w.conn(),
                            brigade,
                            format!("{name} of brigade {region}-{c}-{b}"),
                            kind,
                        )
                        .await?;
                        nodes.push(Node {
                            id,
                            kind,
                            body: brigade,
                            risk: brigade_risk,
                            personnel: rng.random_range(20..60),
                        });
                    }
                    for u in 1..=4 {
                        let number = unit_number + u;
                        let unit = add(
                            w.conn(),
                            brigade,
                            format!("Military unit {number}"),
                            UnitKind::MilitaryUnit,
                        )
                        .await?;
                        let risk = brigade_risk * rng.random_range(0.6..1.4);
                        nodes.push(Node {
                            id: unit,
                            kind: UnitKind::MilitaryUnit,
                            body: unit,
                            risk,
                            personnel: rng.random_range(300..800),
                        });
                        for (kind, name) in [
                            (UnitKind::Department, "Headquarters department"),
                            (UnitKind::Service, "Vehicle service"),
                            (UnitKind::Service, "Medical service"),
                        ] {
                            let id = add(
                                w.conn(),
                                unit,
                                format!("{name} of military unit {number}"),
                                kind,
                            )
                            .await?;
                            nodes.push(Node {
                                id,
                                kind,
                                body: unit,
                                risk,
                                personnel: rng.random_range(15..50),
                            });
                        }
                    }
                }
            }
        }

        // Two years of monthly strength, drifting a little.
        let first_month = today
            .with_day(1)
            .and_then(|d| d.checked_sub_months(Months::new(24)))
            .unwrap_or(today);
        let mut strength = Vec::new();
        for node in &nodes {
            let mut personnel = node.personnel as f64;
            let mut month = first_month;
            while month <= today {
                personnel = (personnel * rng.random_range(0.98..1.02)).max(5.0);
                strength.push(Strength {
                    unit_id: node.id,
                    month: format!("{:04}-{:02}", month.year(), month.month()),
                    personnel: personnel.round() as i64,
                });
                month = match month.checked_add_months(Months::new(1)) {
                    Some(next) => next,
                    None => break,
                };
            }
        }
        // The tree just written, for the roll-ups.
        let tree = crate::safety::Tree::new(qorgau_store::org::list(w.conn()).await?);
        crate::safety::rollup::write_strength(w.conn(), &tree, &strength, &at).await?;

        // Incidents: about 5 injuries and 0.15 deaths per 1,000 a year, more in summer and in
        // troubled units; a third not in performance of duty.
        let calendar = TrainingCalendar::default();
        let days = (today - first_month).num_days().max(1);
        let mut incidents = Vec::new();
        for node in &nodes {
            let expected = node.personnel as f64 / 1000.0 * 5.5 * 2.0 * node.risk;
            let count = expected.floor() as i64 + i64::from(rng.random_bool(expected.fract()));
            for _ in 0..count {
                let day = first_month + Duration::days(rng.random_range(0..days));
                let death = rng.random_bool(0.03);
                let kind = if death {
                    IncidentKind::Death
                } else {
                    [
                        IncidentKind::Wound,
                        IncidentKind::Injury,
                        IncidentKind::Injury,
                        IncidentKind::Contusion,
                    ][rng.random_range(0..4)]
                };
                incidents.push(Incident {
                    id: 0,
                    unit_id: node.id,
                    occurred_on: day,
                    kind,
                    in_duty: rng.random_bool(0.7),
                    cause: Cause::ALL[rng.random_range(0..Cause::ALL.len())],
                    activity: IncidentActivity::ALL
                        [rng.random_range(0..IncidentActivity::ALL.len())],
                    season: season_of(day, &calendar),
                    description: String::new(),
                    recorded_by: "demo".to_owned(),
                    recorded_at: now,
                });
            }
        }
        crate::safety::rollup::write_incidents(w.conn(), &tree, &incidents).await?;

        // Acts: each quarter about a third of the departments and services are inspected, fewer
        // in one region and in the running quarter, so coverage warnings show.
        let mut acts = 0;
        let members = "Major A. Serikbayev\nCaptain D. Omarov";
        for node in nodes
            .iter()
            .filter(|n| matches!(n.kind, UnitKind::Department | UnitKind::Service))
        {
            let mut quarter_start = first_month;
            while quarter_start <= today {
                let share = if node.risk > 2.0 { 0.15 } else { 0.33 };
                if rng.random_bool(share) {
                    let from = quarter_start + Duration::days(rng.random_range(0..80));
                    let to = from + Duration::days(rng.random_range(0..3));
                    if to < today {
                        let report_by = to + Duration::days(30);
                        let act = Act {
                            id: 0,
                            body_id: node.body,
                            unit_id: node.id,
                            grounds: "the Plan for ensuring the security of military service"
                                .to_owned(),
                            chair: "Lieutenant Colonel B. Nurlanov, deputy commander".to_owned(),
                            members: members.to_owned(),
                            period_from: from,
                            period_to: to,
                            proposals:
                                "Brief the personnel again and repeat the check within a month."
                                    .to_owned(),
                            report_by,
                            acknowledged_by: Some("Colonel K. Amanov".to_owned()),
                            acknowledged_at: Some(now),
                            created_by: "demo".to_owned(),
                            created_at: now,
                        };
                        let mut violations = Vec::new();
                        for _ in 0..rng.random_range(0..4) {
                            let category = ViolationCategory::ALL
                                [rng.random_range(0..ViolationCategory::ALL.len())];
                            let eliminated = report_by < today && rng.random_bool(0.85);
                            violations.push(Violation {
                                id: 0,
                                act_id: 0,
                                category,
                                description: "Found during the inspection.".to_owned(),
                                eliminated_on: eliminated.then(|| to + Duration::days(20)),
                            });
                        }
                        repo::insert_act(w.conn(), &act, &violations).await?;
                        acts += 1;
                    }
                }
                quarter_start = match quarter_start.checked_add_months(Months::new(3)) {
                    Some(next) => next,
                    None => break,
                };
            }
        }

        // Plans: this year's approved for the General Staff and the regional commands, next
        // year's drafted for some of them.
        let year = today.year();
        let plan_bodies: Vec<i64> = std::iter::once(general_staff)
            .chain(
                nodes
                    .iter()
                    .filter(|n| n.kind == UnitKind::OperationalTerritorial)
                    .map(|n| n.id),
            )
            .collect();
        for (index, &body) in plan_bodies.iter().enumerate() {
            for (plan_year, approve) in [(year, true), (year + 1, index % 2 == 0)] {
                if plan_year == year + 1 && index >= 4 {
                    continue;
                }
                let plan_id = repo::insert_plan(w.conn(), body, i64::from(plan_year), &at).await?;
                repo::insert_version(
                    w.conn(),
                    &PlanVersion {
                        plan_id,
                        version: 1,
                        goals: "Prevent deaths and injuries of servicemen in daily activities.".to_owned(),
                        tasks: "Inspect a quarter of departments and services each quarter; train personnel before each training period.".to_owned(),
                        requirements: "Safety briefings before field classes, troop movements and work on equipment.".to_owned(),
                        revision_change: None,
                        revision_reason: None,
                        drafted_by: "demo".to_owned(),
                        drafted_at: now,
                        approved_by: approve.then(|| "demo".to_owned()),
                        approver_title: approve.then(|| "Colonel K. Amanov".to_owned()),
                        approved_at: approve.then_some(now),
                    },
                )
                .await?;
                let activities: Vec<PlanActivity> = (1..=6)
                    .map(|item| {
                        let term = NaiveDate::from_ymd_opt(plan_year, (item * 2) as u32, 15)
                            .unwrap_or(today);
                        PlanActivity {
                            id: 0,
                            plan_id,
                            version: 1,
                            item_no: item,
                            name: [
                                "Complex tactical exercise before the summer training period",
                                "Month campaign on the security of military service",
                                "Inspection of vehicle services",
                                "Briefing on handling weapons and ammunition",
                                "Complex tactical exercise before the winter training period",
                                "Analysis of the year and proposals",
                            ][(item - 1) as usize]
                                .to_owned(),
                            responsible: "Deputy commander for safety".to_owned(),
                            monitoring: "Chief of staff".to_owned(),
                            term,
                            completion_form: "Report".to_owned(),
                            completion_mark: (term < today && item % 3 != 0)
                                .then(|| format!("No. {}-{item}", plan_year)),
                            completed_on: (term < today && item % 3 != 0).then_some(term),
                        }
                    })
                    .collect();
                repo::replace_activities(w.conn(), plan_id, 1, &activities).await?;
                if approve {
                    repo::set_plan_versions(w.conn(), plan_id, 1, Some(1)).await?;
                }
            }
        }
        w.audit(Change {
            action: AuditAction::SafetyDemoLoad,
            entity: "org_unit",
            entity_id: general_staff.to_string(),
            before: None,
            after: Some(json!({
                "units": nodes.len(),
                "strength_rows": strength.len(),
                "incidents": incidents.len(),
                "acts": acts,
            })),
        })
        .await?;
        w.commit().await?;
        Ok(SafetyDemo {
            units: nodes.len(),
            incidents: incidents.len(),
            acts,
        })
    }
}
