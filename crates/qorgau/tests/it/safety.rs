//! Security of military service end to end on both databases: the structure and strength
//! imports with rejections, the Plan's life (draft, approval by the commander only, revision
//! with a reason, versions compared, lateness flagged, overdue activities), Acts with coverage,
//! overdue eliminations and retention, incidents, the analysis against last year with the
//! ranking and the unfavourable units, the analysis schedule, and the API and PDFs.

use axum::http::StatusCode;
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use qorgau_app::safety::acts::{NewAct, NewViolation};
use qorgau_app::safety::incidents::NewIncident;
use qorgau_app::safety::plans::{NewActivity, NewPlan, PlanDraft, PlanStatus};
use qorgau_app::safety::training::NewTraining;
use qorgau_app::{Acting, App, AppError, Clock, Role};
use qorgau_rules::safety::{
    Cause, CoverageOutlook, Echelon, PeriodKind, PlanChange, ScheduleStatus,
};

use crate::kit::{api, databases, router, send, user_with_token};

/// 2026-11-23 10:00 in Almaty.
pub(crate) fn start() -> Clock {
    Clock::settable(Utc.with_ymd_and_hms(2026, 11, 23, 5, 0, 0).unwrap())
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub(crate) fn set_today(clock: &Clock, day: &str) {
    let target: NaiveDate = day.parse().unwrap();
    let now = clock.now();
    let today = qorgau_rules::date_in_almaty(&now);
    clock.advance(Duration::days((target - today).num_days()));
}

pub(crate) struct Units {
    pub(crate) command: i64,
    pub(crate) brigade_a: i64,
    pub(crate) brigade_b: i64,
    pub(crate) unit: i64,
    pub(crate) services: Vec<i64>,
}

pub(crate) async fn structure(app: &App) -> Units {
    let root = app.root_path().await.unwrap();
    let root_id: i64 = root.trim_matches('/').parse().unwrap();
    // A file with errors imports nothing and names every bad line.
    let bad = format!(
        "key,parent,name,kind\nc,id:{root_id},Command,operational_territorial\nx,nowhere,Orphan,tactical\ny,c,Strange,fortress\nc,c,Twice,service\n"
    );
    let report = app.import_structure(Acting::Operator, &bad).await.unwrap();
    assert_eq!(report.imported, 0);
    let lines: Vec<(u64, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.line, r.column.as_str()))
        .collect();
    assert_eq!(lines, vec![(3, "parent"), (4, "kind"), (5, "key")]);
    let good = format!(
        "key,parent,name,kind\n\
         c,id:{root_id},Regional Command North,operational_territorial\n\
         a,c,Brigade A,tactical\n\
         b,c,Brigade B,tactical\n\
         u,a,Military unit 501,military_unit\n\
         d1,a,Staff department of A,department\n\
         s1,a,Logistics service of A,service\n\
         s2,b,Armament service of B,service\n\
         s3,b,Medical service of B,service\n\
         s4,u,Vehicle service of 501,service\n"
    );
    let report = app.import_structure(Acting::Operator, &good).await.unwrap();
    assert_eq!(report.imported, 9, "{:?}", report.rejected);
    let nodes = app.safety_structure(Acting::Operator, None).await.unwrap();
    let id = |name: &str| nodes.iter().find(|n| n.name == name).unwrap().id;
    let command = nodes
        .iter()
        .find(|n| n.name == "Regional Command North")
        .unwrap();
    assert_eq!(command.echelon, Some(Echelon::BranchOrRegionalCommand));
    assert_eq!(command.descendants, 8);
    Units {
        command: command.id,
        brigade_a: id("Brigade A"),
        brigade_b: id("Brigade B"),
        unit: id("Military unit 501"),
        services: vec![
            id("Staff department of A"),
            id("Logistics service of A"),
            id("Armament service of B"),
            id("Medical service of B"),
            id("Vehicle service of 501"),
        ],
    }
}

async fn strength(app: &App, u: &Units) {
    let mut csv = String::from("unit_id,month,personnel\n");
    for year in [2025, 2026] {
        for month in 1..=12 {
            csv.push_str(&format!("{},{year}-{month:02},100\n", u.brigade_a));
            csv.push_str(&format!("{},{year}-{month:02},900\n", u.unit));
            csv.push_str(&format!("{},{year}-{month:02},1000\n", u.brigade_b));
        }
    }
    csv.push_str(&format!("{},2026-13,5\n", u.unit));
    csv.push_str(&format!("{},2026-01,-5\n", u.unit));
    csv.push_str("999999,2026-01,5\n");
    let report = app.import_strength(Acting::Operator, &csv).await.unwrap();
    assert_eq!(report.imported, 72);
    let columns: Vec<&str> = report.rejected.iter().map(|r| r.column.as_str()).collect();
    assert_eq!(columns, vec!["month", "personnel", "unit_id"]);
    // A figure reported again replaces the earlier one.
    let again = format!("unit_id,month,personnel\n{},2026-01,100\n", u.brigade_a);
    app.import_strength(Acting::Operator, &again).await.unwrap();
    let points = app
        .unit_strength(Acting::Operator, u.brigade_a)
        .await
        .unwrap();
    assert_eq!(points.len(), 24);
}

fn incident(unit: i64, on: &str, kind: &str, in_duty: bool) -> NewIncident {
    NewIncident {
        unit_id: unit,
        occurred_on: on.into(),
        kind: kind.into(),
        in_duty,
        cause: "traffic_accident".into(),
        activity: "troop_movement".into(),
        description: String::new(),
    }
}

async fn incidents(app: &App, u: &Units) {
    for new in [
        incident(u.unit, "2026-02-10", "death", true),
        incident(u.unit, "2026-03-01", "wound", true),
        incident(u.unit, "2026-07-15", "injury", true),
        incident(u.unit, "2026-07-16", "contusion", true),
        incident(u.unit, "2026-07-17", "injury", false),
        incident(u.brigade_a, "2026-05-05", "injury", true),
        incident(u.unit, "2025-07-15", "injury", true),
        incident(u.unit, "2025-08-15", "injury", true),
    ] {
        app.record_incident(Acting::Operator, new).await.unwrap();
    }
    let future = app
        .record_incident(
            Acting::Operator,
            incident(u.unit, "2026-12-31", "injury", true),
        )
        .await;
    assert!(matches!(
        future,
        Err(AppError::Invalid {
            field: "occurred_on",
            ..
        })
    ));
    let mut bad = incident(u.unit, "2026-01-01", "injury", true);
    bad.cause = "bad luck".into();
    assert!(matches!(
        app.record_incident(Acting::Operator, bad).await,
        Err(AppError::Invalid { field: "cause", .. })
    ));
    // The import refuses bad rows by line and writes the rest.
    let csv = format!(
        "unit_id,occurred_on,kind,in_duty,cause,activity,description\n\
         {unit},2026-09-01,injury,maybe,fall,daily_duty,\n\
         {unit},2026-09-02,sprain,yes,fall,daily_duty,\n\
         {unit},2026-09-03,injury,no,fall,daily_duty,Slipped on ice\n",
        unit = u.brigade_b
    );
    let report = app.import_incidents(Acting::Operator, &csv).await.unwrap();
    assert_eq!(report.imported, 1);
    let columns: Vec<(u64, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.line, r.column.as_str()))
        .collect();
    assert_eq!(columns, vec![(2, "in_duty"), (3, "kind")]);
    let listed = app
        .incidents(
            Acting::Operator,
            u.command,
            "2026-01-01".parse().unwrap(),
            "2026-12-31".parse().unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(listed.len(), 7);
    let winter = listed
        .iter()
        .find(|i| i.occurred_on == day("2026-02-10"))
        .unwrap();
    assert_eq!(winter.season, PeriodKind::WinterTraining);
    let summer = listed
        .iter()
        .find(|i| i.occurred_on == day("2026-07-15"))
        .unwrap();
    assert_eq!(summer.season, PeriodKind::SummerTraining);
}

pub(crate) fn activity(item: i64, term: &str) -> NewActivity {
    NewActivity {
        item_no: item,
        name: format!("Activity {item}"),
        responsible: "Deputy commander".into(),
        monitoring: "Chief of staff".into(),
        term: term.into(),
        completion_form: "Report".into(),
    }
}

pub(crate) fn draft(activities: Vec<NewActivity>) -> PlanDraft {
    PlanDraft {
        goals: "No harm to servicemen".into(),
        tasks: "Inspect and train".into(),
        requirements: "Briefings before field classes".into(),
        activities,
    }
}

async fn plans(app: &App, clock: &Clock, u: &Units) {
    let (_, inspector) = user_with_token(app, "safety.inspector", Role::Inspector, u.command).await;
    let inspector = app.token_principal(&inspector).await.unwrap();
    let plan = app
        .create_plan(
            Acting::Principal(&inspector),
            NewPlan {
                unit_id: u.command,
                year: 2027,
                draft: draft(vec![activity(1, "2027-01-15"), activity(2, "2027-06-01")]),
            },
        )
        .await
        .unwrap();
    let id = plan.plan.id;
    assert_eq!(plan.status, PlanStatus::Draft);
    assert_eq!(plan.due.to_string(), "2026-12-24");
    assert!(!plan.late);
    // A second Plan for the same body and year is a conflict; a service makes no Plan.
    let twice = app
        .create_plan(
            Acting::Operator,
            NewPlan {
                unit_id: u.command,
                year: 2027,
                draft: draft(vec![activity(1, "2027-01-15")]),
            },
        )
        .await;
    assert!(matches!(twice, Err(AppError::Conflict(_))), "{twice:?}");
    let service_plan = app
        .create_plan(
            Acting::Operator,
            NewPlan {
                unit_id: u.services[1],
                year: 2027,
                draft: draft(vec![activity(1, "2027-01-15")]),
            },
        )
        .await;
    assert!(matches!(
        service_plan,
        Err(AppError::Invalid {
            field: "unit_id",
            ..
        })
    ));
    // Only the commander approves.
    let refused = app
        .approve_plan(Acting::Principal(&inspector), id, "Colonel A. Bekov")
        .await;
    assert!(
        matches!(refused, Err(AppError::Forbidden { .. })),
        "{refused:?}"
    );
    let (_, commander) = user_with_token(app, "safety.commander", Role::Commander, u.command).await;
    let commander = app.token_principal(&commander).await.unwrap();
    let approved = app
        .approve_plan(Acting::Principal(&commander), id, "Colonel A. Bekov")
        .await
        .unwrap();
    assert_eq!(approved.status, PlanStatus::Approved);
    assert_eq!(
        approved.version.approver_title.as_deref(),
        Some("Colonel A. Bekov")
    );
    // An approved version cannot be edited: a revision with its reason is a new version.
    let edit = app
        .update_plan_draft(Acting::Operator, id, draft(vec![activity(1, "2027-01-15")]))
        .await;
    assert!(matches!(edit, Err(AppError::Invalid { .. })), "{edit:?}");
    let (revising, decision) = app
        .revise_plan(
            Acting::Principal(&inspector),
            id,
            PlanChange::NewEquipmentReceived,
            "New armoured vehicles arrived in brigade A",
        )
        .await
        .unwrap();
    assert!(decision.outcome.required);
    assert_eq!(revising.status, PlanStatus::Revising);
    assert_eq!(revising.version.version, 2);
    app.update_plan_draft(
        Acting::Operator,
        id,
        draft(vec![
            activity(1, "2027-01-15"),
            activity(2, "2027-06-01"),
            activity(3, "2027-03-01"),
        ]),
    )
    .await
    .unwrap();
    let diff = app
        .compare_plan_versions(Acting::Operator, id, 1, 2)
        .await
        .unwrap();
    assert_eq!(diff.added, vec![3]);
    assert!(diff.removed.is_empty() && diff.changed.is_empty());
    assert_eq!(diff.revision_change, Some(PlanChange::NewEquipmentReceived));
    app.approve_plan(Acting::Principal(&commander), id, "Colonel A. Bekov")
        .await
        .unwrap();
    let v1 = app.plan(Acting::Operator, id, Some(1)).await.unwrap();
    assert_eq!(v1.activities.len(), 2, "version 1 is kept as it was");

    // After 24 December the bodies without an approved Plan for 2027 are flagged.
    set_today(clock, "2026-12-25");
    let standings = app
        .plan_standings(Acting::Operator, u.command, 2027)
        .await
        .unwrap();
    let command = standings.iter().find(|s| s.unit_id == u.command).unwrap();
    assert!(!command.late);
    let brigade = standings.iter().find(|s| s.unit_id == u.brigade_a).unwrap();
    assert!(brigade.late && brigade.plan_id.is_none());

    // An activity past its term without a mark is overdue until it is marked.
    set_today(clock, "2027-01-16");
    let view = app.plan(Acting::Operator, id, None).await.unwrap();
    assert_eq!(view.overdue, 1);
    let first = view.activities[0].activity.id;
    let marked = app
        .mark_plan_activity(
            Acting::Operator,
            first,
            "No. 12/345",
            "2027-01-16".parse().unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(marked.overdue, 0);
    set_today(clock, "2026-11-23");
}

pub(crate) fn act(u: &Units, unit: i64, from: &str, to: &str, violations: &[&str]) -> NewAct {
    NewAct {
        body_id: u.command,
        unit_id: unit,
        grounds: "the Plan for 2026".into(),
        chair: "Lieutenant Colonel B. Nurlanov".into(),
        members: vec!["Major A. Serikbayev".into(), "Captain D. Omarov".into()],
        period_from: from.into(),
        period_to: to.into(),
        violations: violations
            .iter()
            .map(|c| NewViolation {
                category: (*c).into(),
                description: format!("Found: {c}"),
            })
            .collect(),
        proposals: "Repeat the briefing".into(),
        report_by: "2026-12-01".into(),
    }
}

async fn acts(app: &App, clock: &Clock, u: &Units) {
    let first = app
        .record_act(
            Acting::Operator,
            act(
                u,
                u.services[1],
                "2026-11-20",
                "2026-11-21",
                &["weapons_handling", "fire_safety"],
            ),
        )
        .await
        .unwrap();
    assert_eq!(first.violations.len(), 2);
    assert_eq!(first.kept_until.to_string(), "2031-11-21");
    // The quarter still runs and one of five is inspected: heading below 25 %.
    let coverage = app
        .coverage(Acting::Operator, u.command, 2026, 4)
        .await
        .unwrap();
    let command = coverage.iter().find(|c| c.body_id == u.command).unwrap();
    assert_eq!(
        (command.inspected, command.departments_and_services),
        (1, 5)
    );
    assert_eq!(command.outlook, CoverageOutlook::HeadingBelow);
    assert!(!command.decision.as_ref().unwrap().outcome.met);
    app.record_act(
        Acting::Operator,
        act(u, u.services[2], "2026-11-22", "2026-11-22", &[]),
    )
    .await
    .unwrap();
    let coverage = app
        .coverage(Acting::Operator, u.command, 2026, 4)
        .await
        .unwrap();
    let command = coverage.iter().find(|c| c.body_id == u.command).unwrap();
    assert_eq!(command.inspected, 2);
    assert_eq!(command.outlook, CoverageOutlook::Met);
    let brigade_b = coverage.iter().find(|c| c.body_id == u.brigade_b).unwrap();
    assert_eq!(
        (brigade_b.inspected, brigade_b.departments_and_services),
        (1, 2)
    );

    // Bad Acts are refused with the field at fault.
    let outside = app
        .record_act(
            Acting::Operator,
            NewAct {
                body_id: u.brigade_b,
                ..act(u, u.services[0], "2026-11-20", "2026-11-20", &[])
            },
        )
        .await;
    assert!(
        matches!(
            outside,
            Err(AppError::Invalid {
                field: "unit_id",
                ..
            })
        ),
        "{outside:?}"
    );
    let future = app
        .record_act(
            Acting::Operator,
            act(u, u.services[0], "2026-11-20", "2026-11-30", &[]),
        )
        .await;
    assert!(matches!(
        future,
        Err(AppError::Invalid {
            field: "period_to",
            ..
        })
    ));
    let unknown = app
        .record_act(
            Acting::Operator,
            act(u, u.services[0], "2026-11-20", "2026-11-20", &["laziness"]),
        )
        .await;
    assert!(matches!(
        unknown,
        Err(AppError::Invalid {
            field: "category",
            ..
        })
    ));

    // Acknowledged once.
    app.acknowledge_act(Acting::Operator, first.act.id, "Colonel K. Amanov")
        .await
        .unwrap();
    assert!(matches!(
        app.acknowledge_act(Acting::Operator, first.act.id, "Colonel K. Amanov")
            .await,
        Err(AppError::Conflict(_))
    ));

    // After the report-by date the open violations are overdue, until eliminated.
    set_today(clock, "2026-12-02");
    let overdue = app
        .overdue_violations(Acting::Operator, u.command)
        .await
        .unwrap();
    assert_eq!(overdue.len(), 2);
    app.eliminate_violation(
        Acting::Operator,
        overdue[0].id,
        "2026-12-02".parse().unwrap(),
    )
    .await
    .unwrap();
    let overdue = app
        .overdue_violations(Acting::Operator, u.command)
        .await
        .unwrap();
    assert_eq!(overdue.len(), 1);
    set_today(clock, "2026-11-23");

    // Retention: refused before five years, naming the day; an old Act is purged, audited.
    match app.delete_act(Acting::Operator, first.act.id).await {
        Err(AppError::Invalid {
            field: "act",
            message,
        }) => assert!(
            message
                .render(&qorgau_i18n::Lang::english())
                .contains("2031-11-21")
        ),
        other => panic!("deletion before expiry: {other:?}"),
    }
    let old = app
        .record_act(
            Acting::Operator,
            act(u, u.services[3], "2021-01-05", "2021-01-10", &["other"]),
        )
        .await
        .unwrap();
    let purged = app.purge_expired_acts(Acting::Operator).await.unwrap();
    assert_eq!(purged.deleted, vec![old.act.id]);
    assert!(matches!(
        app.act(Acting::Operator, old.act.id).await,
        Err(AppError::NotFound { .. })
    ));
    let audit = app.latest_audit(Acting::Operator, 5).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == Some(qorgau_app::audit::AuditAction::SafetyActPurge))
    );
    // The day the five years end, the Act may be deleted.
    set_today(clock, "2031-11-21");
    app.delete_act(Acting::Operator, first.act.id)
        .await
        .unwrap();
    set_today(clock, "2026-11-23");
    // Put an Act with the same violations back for the analysis below.
    app.record_act(
        Acting::Operator,
        act(
            u,
            u.services[1],
            "2026-11-20",
            "2026-11-21",
            &["weapons_handling", "fire_safety", "fire_safety"],
        ),
    )
    .await
    .unwrap();
}

async fn analysis(app: &App, u: &Units) {
    let report = app
        .safety_analysis(Acting::Operator, u.command, PeriodKind::Year, 2026, 1)
        .await
        .unwrap();
    assert_eq!(report.previous_period.start.to_string(), "2025-01-01");
    // Strength: brigade A 100 + unit 900 + brigade B 1000 (a January figure of 100 replaced
    // brigade A's 100: unchanged).
    assert!(
        (report.current.strength - 2000.0).abs() < 1e-9,
        "{}",
        report.current.strength
    );
    assert_eq!(report.current.deaths, 1);
    assert_eq!(report.current.injuries, 4);
    assert_eq!(report.current.injuries_other, 2);
    assert_eq!(report.current.deaths_per_1000, Some(0.5));
    assert_eq!(report.current.injuries_per_1000, Some(2.0));
    assert_eq!(report.previous.injuries, 2);
    assert_eq!(report.previous.injuries_per_1000, Some(1.0));
    assert_eq!(report.change_injuries_per_1000, Some(1.0));
    // Ranking: brigade A (1 death and 4 injuries among 1,000) above brigade B (none).
    let names: Vec<i64> = report.ranking.iter().map(|r| r.unit_id).collect();
    assert_eq!(names, vec![u.brigade_a, u.brigade_b]);
    assert!(report.ranking[0].unfavourable);
    assert_eq!(
        report.ranking[0].reasons.len(),
        2,
        "{:?}",
        report.ranking[0].reasons
    );
    assert!(!report.ranking[1].unfavourable);
    assert_eq!(report.monthly.len(), 12);
    assert_eq!(report.monthly[6].injuries, 2);
    assert_eq!(report.monthly[6].previous_injuries, 1);
    let deficiencies: Vec<(&str, i64)> = report
        .deficiencies
        .iter()
        .map(|t| (t.key.as_str(), t.count))
        .collect();
    assert_eq!(
        deficiencies,
        vec![("fire_safety", 2), ("weapons_handling", 1)]
    );
    assert_eq!(report.causes[0].key, Cause::TrafficAccident);
    assert!(
        report
            .citations
            .iter()
            .any(|c| c == "kz-2020-mod-738/para_16__point_3")
    );
    for citation in &report.citations {
        let id = qorgau_law::ClauseId::parse(citation).unwrap();
        assert!(qorgau_law::shipped().locate(&id).is_some(), "{citation}");
    }
    // A winter training period spans New Year.
    let winter = app
        .safety_analysis(
            Acting::Operator,
            u.command,
            PeriodKind::WinterTraining,
            2025,
            1,
        )
        .await
        .unwrap();
    assert_eq!(winter.period.end.to_string(), "2026-05-31");
    assert_eq!(winter.current.deaths, 1);
    assert_eq!(winter.current.injuries, 2);

    // The schedule: a regional command analyses quarterly, half-yearly and annually.
    let schedule = app
        .analysis_schedule(Acting::Operator, u.command)
        .await
        .unwrap();
    let q3 = schedule
        .iter()
        .find(|s| {
            s.body_id == u.command
                && s.kind == PeriodKind::Quarter
                && s.number == 3
                && s.year == 2026
        })
        .unwrap();
    assert_eq!(q3.deadline.to_string(), "2026-10-10");
    assert_eq!(q3.status, ScheduleStatus::Late);
    assert!(
        !schedule
            .iter()
            .any(|s| s.body_id == u.command && s.kind == PeriodKind::Month)
    );
    let brigade_month = schedule
        .iter()
        .find(|s| s.body_id == u.brigade_a && s.kind == PeriodKind::Month && s.number == 10)
        .unwrap();
    assert_eq!(brigade_month.deadline.to_string(), "2026-11-10");
    app.complete_analysis(
        Acting::Operator,
        qorgau_app::safety::analysis::AnalysisKey {
            body_id: u.command,
            kind: PeriodKind::Quarter,
            year: 2026,
            number: 3,
        },
        "Injuries rose in brigade A.",
        "Brief the drivers of military unit 501.",
    )
    .await
    .unwrap();
    let schedule = app
        .analysis_schedule(Acting::Operator, u.command)
        .await
        .unwrap();
    let q3 = schedule
        .iter()
        .find(|s| {
            s.body_id == u.command
                && s.kind == PeriodKind::Quarter
                && s.number == 3
                && s.year == 2026
        })
        .unwrap();
    assert_eq!(q3.status, ScheduleStatus::Completed);
}

async fn training(app: &App, u: &Units) {
    let reminders = app
        .exercise_reminders(Acting::Operator, u.command)
        .await
        .unwrap();
    let mine = reminders.iter().find(|r| r.unit_id == u.command).unwrap();
    assert_eq!(mine.period_starts.to_string(), "2026-12-01");
    assert_eq!(mine.due_by.to_string(), "2026-11-30");
    assert!(!mine.recorded);
    let refused = app
        .record_training(
            Acting::Operator,
            NewTraining {
                unit_id: u.command,
                kind: "special_exercise".into(),
                activity: None,
                title: "Exercise".into(),
                starts_on: "2026-11-25".into(),
                ends_on: "2026-11-26".into(),
                held: false,
            },
        )
        .await;
    assert!(matches!(
        refused,
        Err(AppError::Invalid {
            field: "activity",
            ..
        })
    ));
    app.record_training(
        Acting::Operator,
        NewTraining {
            unit_id: u.command,
            kind: "special_exercise".into(),
            activity: Some("training_period".into()),
            title: "Complex tactical exercise before the winter period".into(),
            starts_on: "2026-11-25".into(),
            ends_on: "2026-11-26".into(),
            held: false,
        },
    )
    .await
    .unwrap();
    let reminders = app
        .exercise_reminders(Acting::Operator, u.command)
        .await
        .unwrap();
    assert!(
        reminders
            .iter()
            .find(|r| r.unit_id == u.command)
            .unwrap()
            .recorded
    );
    assert!(
        !reminders
            .iter()
            .find(|r| r.unit_id == u.brigade_a)
            .unwrap()
            .recorded
    );
}

async fn api_and_pdfs(app: &App, u: &Units) {
    let router = router(app);
    let (_, analyst) = user_with_token(app, "safety.analyst", Role::Analyst, u.command).await;
    let t = Some(analyst.as_str());
    let reply = send(
        &router,
        api(
            "GET",
            &format!(
                "/api/v1/safety/analysis?body_id={}&kind=year&year=2026",
                u.command
            ),
            t,
            None,
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(reply.json()["current"]["deaths"], 1);
    assert_eq!(reply.json()["ranking"][0]["unfavourable"], true);
    for path in [
        format!(
            "/api/v1/safety/analysis?body_id={}&kind=year&year=2026&format=pdf",
            u.command
        ),
        format!("/api/v1/safety/plans/{}?format=pdf", 1),
    ] {
        let reply = send(&router, api("GET", &path, t, None)).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.text());
        assert_eq!(reply.content_type(), "application/pdf");
        assert!(reply.body.starts_with(b"%PDF"));
        assert!(qorgau_pdf::page_count(&reply.body) >= 1);
    }
    let acts = app
        .acts(
            Acting::Operator,
            u.command,
            "2026-01-01".parse().unwrap(),
            "2026-12-31".parse().unwrap(),
        )
        .await
        .unwrap();
    let pdf = app
        .act_pdf(
            Acting::Operator,
            &qorgau_i18n::Lang::english(),
            acts[0].act.id,
        )
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    // An analyst reads but does not record.
    let reply = send(
        &router,
        api(
            "POST",
            "/api/v1/safety/incidents",
            t,
            Some(
                serde_json::json!({"unit_id": u.unit, "occurred_on": "2026-11-01", "kind": "injury",
                "in_duty": true, "cause": "fall", "activity": "daily_duty"}),
            ),
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
}

/// A named test of one behaviour, run on every database from a fresh structure at
/// 2026-11-23 10:00 in Almaty; `setup` lists the phases the behaviour needs first.
macro_rules! behaviour {
    ($(#[$meta:meta])* $name:ident, |$app:ident, $clock:ident, $units:ident, $label:ident| $body:block) => {
        $(#[$meta])*
        #[tokio::test]
        async fn $name() {
            for db in databases().await {
                let $label = db.label;
                let $clock = start();
                let $app = db.app_with_clock($clock.clone()).await;
                let $units = structure(&$app).await;
                let _ = (&$clock, &$label);
                $body
                let verification = $app.verify_audit(Acting::Operator).await.unwrap();
                assert!(verification.is_intact(), "{} audit chain", $label);
                $app.store().close().await;
            }
        }
    };
}

behaviour!(
    /// Unit and strength imports: a file with an error imports nothing and names every bad line.
    structure_and_strength_imports_refuse_bad_files_whole,
    |app, clock, units, label| {
        strength(&app, &units).await;
    }
);

behaviour!(
    /// Incidents feed the roll-ups the analysis reads: the analysis against last year, the
    /// ranking, the unfavourable units and the Acts' deficiencies; the roll-ups agree with the
    /// facts and survive a rebuild.
    incidents_feed_the_analysis_through_rollups_that_agree_with_the_facts,
    |app, clock, units, label| {
        strength(&app, &units).await;
        incidents(&app, &units).await;
        // The analysis counts the deficiencies the Acts found.
        acts(&app, &clock, &units).await;
        analysis(&app, &units).await;
        let check = app.verify_safety_rollups(Acting::Operator).await.unwrap();
        assert!(check.differences.is_empty(), "{label}: {:?}", check.differences);
        assert!(check.incident_rows > 0 && check.strength_rows > 0);
        app.rebuild_safety_rollups(Acting::Operator).await.unwrap();
        let again = app
            .safety_analysis(Acting::Operator, units.command, PeriodKind::Year, 2026, 1)
            .await
            .unwrap();
        assert_eq!(again.current.injuries, 4, "{label}");
    }
);

behaviour!(
    /// A Plan is drafted, approved by the commander only, revised with a reason, compared
    /// between versions, flagged late after 24 December and its overdue activities counted.
    a_plan_lives_from_draft_through_revision_and_lateness,
    |app, clock, units, label| {
        plans(&app, &clock, &units).await;
    }
);

behaviour!(
    /// Acts: quarterly coverage, overdue eliminations and retention with the purge.
    acts_carry_coverage_eliminations_and_retention,
    |app, clock, units, label| {
        acts(&app, &clock, &units).await;
    }
);

behaviour!(
    /// Training: the exercise reminders and the recording of training.
    training_is_reminded_and_recorded,
    |app, clock, units, label| {
        training(&app, &units).await;
    }
);

behaviour!(
    /// The API serves the module and prints its PDFs (the analysis, a Plan, an Act).
    the_api_serves_the_module_and_prints_its_documents,
    |app, clock, units, label| {
        strength(&app, &units).await;
        incidents(&app, &units).await;
        plans(&app, &clock, &units).await;
        acts(&app, &clock, &units).await;
        api_and_pdfs(&app, &units).await;
    }
);
