//! National-security monitoring and the Security Council on both databases, one behaviour a
//! test: the organisation graph and commissions, the threat register and its heat map over time,
//! measures with overdue flags, strategic indicators with their monitoring status, and decisions
//! under execution control through report, return and acceptance; every change audited and the
//! chain holding; the API and the pages.
//!
//! Every test runs on 2026-11-23 10:00 in Almaty, from the setup its behaviour needs.

use axum::http::StatusCode;
use chrono::{NaiveDate, TimeZone, Utc};
use qorgau_app::accounts::{GrantInput, NewUserInput};
use qorgau_app::security::council::{
    NewAgendaItem, NewDecision, NewExecutionReport, NewMeeting, ReportReview,
};
use qorgau_app::security::monitoring::{
    NewAssessment, NewCommission, NewDocument, NewIndicator, NewIndicatorValue, NewMeasure,
    NewMeasureReport,
};
use qorgau_app::{Acting, App, AppError, Clock, Role};
use qorgau_rules::security::vocabulary::{
    AgendaKind, Area, ControlStatus, DecisionKind, IndicatorState, ListKind, MeasureStatus, Review,
    ToPresident, Trend,
};
use serde_json::json;

use crate::http::{form, get, hidden};
use crate::kit::{api, databases, router, send, user_with_token};
use crate::stories::{audited, chain_holds_and_close};

/// 2026-11-23 10:00 in Almaty.
fn today() -> Clock {
    Clock::settable(Utc.with_ymd_and_hms(2026, 11, 23, 5, 0, 0).unwrap())
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn assessment(threat: &str, on: &str, likelihood: i64, impact: i64) -> NewAssessment {
    NewAssessment {
        threat: threat.into(),
        area: Area::Information,
        assessed_on: day(on),
        likelihood,
        impact,
        trend: Trend::Rising,
        narrative: "Attacks on state information systems grew.".into(),
        evidence: "https://example.kz/report-1\nBulletin 7".into(),
        interests: vec!["14".into()],
    }
}

fn invalid<T: std::fmt::Debug>(result: Result<T, AppError>, field: &str) {
    match result {
        Err(AppError::Invalid { field: f, .. }) if f == field => {}
        other => panic!("expected invalid {field}, got {other:?}"),
    }
}

async fn root(app: &App) -> i64 {
    app.ensure_root("Republic of Kazakhstan").await.unwrap().id
}

/// The commission on information security, its members given as 8, 6, 6: its id.
async fn information_commission(app: &App) -> i64 {
    app.create_commission(
        Acting::Operator,
        NewCommission {
            area: Area::Information,
            name: "Commission on information security".into(),
            members: vec![8, 6, 6],
        },
    )
    .await
    .unwrap()
}

/// Threat 16 assessed in January (3 × 3) and June 2026 (4 × 5), threat 8 (counter-terrorism,
/// interest 3) in February (2 × 4).
async fn assess_threats(app: &App) {
    let op = Acting::Operator;
    app.assess_threat(op, assessment("16", "2026-01-10", 3, 3))
        .await
        .unwrap();
    app.assess_threat(op, assessment("16", "2026-06-01", 4, 5))
        .await
        .unwrap();
    let mut other = assessment("8", "2026-02-01", 2, 4);
    other.area = Area::CounterTerrorism;
    other.interests = vec!["3".into()];
    app.assess_threat(op, other).await.unwrap();
}

/// The forecast of information threats (threat 16; bodies 9 and 8), due 2026-11-01: its id.
async fn forecast_measure(app: &App) -> i64 {
    app.create_measure(
        Acting::Operator,
        NewMeasure {
            title: "Forecast of information threats".into(),
            kind: 2,
            description: String::new(),
            deadline: day("2026-11-01"),
            threats: vec!["16".into()],
            bodies: vec![9, 8],
        },
    )
    .await
    .unwrap()
}

/// The National Security Strategy: its id.
async fn strategy(app: &App) -> i64 {
    app.create_document(
        Acting::Operator,
        NewDocument {
            title: "National Security Strategy".into(),
            adopted_on: day("2025-01-01"),
            reference: "Decree".into(),
        },
    )
    .await
    .unwrap()
}

/// The Strategy's indicator: certified systems, 40 % on 2025-01-01 to 60 % by 2027-01-01.
fn certified_systems(document_id: i64) -> NewIndicator {
    NewIndicator {
        document_id,
        name: "Certified systems".into(),
        unit: "%".into(),
        baseline: 40.0,
        baseline_on: day("2025-01-01"),
        target: 60.0,
        deadline: day("2027-01-01"),
    }
}

fn reading(on: &str, value: f64) -> NewIndicatorValue {
    NewIndicatorValue {
        measured_on: day(on),
        value,
        note: String::new(),
    }
}

/// The indicator with its readings of 50 % on 2026-01-01 and 51 % on 2026-07-01.
async fn indicator_with_readings(app: &App) {
    let op = Acting::Operator;
    let document = strategy(app).await;
    let id = app
        .create_indicator(op, certified_systems(document))
        .await
        .unwrap();
    for (on, value) in [("2026-01-01", 50.0), ("2026-07-01", 51.0)] {
        app.record_indicator_value(op, id, reading(on, value))
            .await
            .unwrap();
    }
}

/// The Council's meeting of 1 October 2026: its id.
async fn meeting(app: &App) -> i64 {
    app.create_meeting(
        Acting::Operator,
        NewMeeting {
            held_on: day("2026-10-01"),
            title: "Annual report hearing".into(),
        },
    )
    .await
    .unwrap()
}

/// The meeting with the Government's annual report on its agenda: (meeting, agenda item).
async fn annual_meeting(app: &App) -> (i64, i64) {
    let meeting = meeting(app).await;
    let item = app
        .add_agenda_item(
            Acting::Operator,
            meeting,
            NewAgendaItem {
                kind: AgendaKind::GovernmentAnnualReport,
                title: "The Government's annual report".into(),
                body: None,
            },
        )
        .await
        .unwrap();
    (meeting, item)
}

/// The meeting's decision on the annual report: body 9 to submit a plan by 2026-11-20.
fn plan_decision(item: i64) -> NewDecision {
    NewDecision {
        kind: DecisionKind::Decision,
        text: "Submit a plan for critical information infrastructure".into(),
        body: 9,
        deadline: day("2026-11-20"),
        agenda_item_id: Some(item),
    }
}

/// A report on a decision's execution, made today.
fn execution_report(text: &str) -> NewExecutionReport {
    NewExecutionReport {
        reported_on: day("2026-11-23"),
        text: text.into(),
    }
}

/// Records the plan decision and carries it out (a report, accepted): its id.
async fn decision_done(app: &App, meeting: i64, item: i64) -> i64 {
    let op = Acting::Operator;
    let id = app
        .create_decision(op, meeting, plan_decision(item))
        .await
        .unwrap();
    let report = app
        .report_execution(op, id, execution_report("Plan with deadlines"))
        .await
        .unwrap();
    app.review_execution(
        op,
        report,
        ReportReview {
            review: Review::Accepted,
            note: String::new(),
        },
    )
    .await
    .unwrap();
    id
}

/// The Council's secretariat (`secretariat.m`): an API token, and the cookie of a session
/// signed in with a password of their own.
async fn secretariat_signed_in(app: &App) -> (String, String) {
    let root = root(app).await;
    let (_, password) = app
        .create_user(
            Acting::Operator,
            NewUserInput {
                username: "secretariat.m".into(),
                display_name: "Test secretariat.m".into(),
                home_unit_id: root,
                grants: vec![GrantInput {
                    role: Role::CouncilSecretariat,
                    unit_id: root,
                }],
            },
        )
        .await
        .unwrap();
    let signed = app.login("secretariat.m", &password).await.unwrap();
    let renewed = app
        .change_password(&signed.principal, &password, "council passphrase 123")
        .await
        .unwrap();
    // After the password change, which revokes every token made before it.
    let (_, token) = app
        .create_token_for("secretariat.m", "tests")
        .await
        .unwrap();
    (token, format!("qorgau_session={}", renewed.session_token))
}

/// The organisation graph comes from the texts; a commission is headed by the body that leads
/// its area (none for the ecological area, which Art. 15 gives coordination only), and takes
/// known bodies once each.
#[tokio::test]
async fn the_body_graph_and_its_commissions_follow_the_texts() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        let op = Acting::Operator;
        let graph = app.body_graph(op).await.unwrap();
        assert_eq!(graph.bodies.len(), 30);
        let subordinate: Vec<i64> = graph
            .bodies
            .iter()
            .filter(|b| b.to_president == ToPresident::SubordinateAndAccountable)
            .map(|b| b.number)
            .collect();
        assert_eq!(subordinate, vec![1, 2, 3, 4, 30]);
        assert_eq!(graph.bodies[28].to_president, ToPresident::Accountable);
        assert_eq!(graph.bodies[5].leads[0].area, Area::Military);
        let commission = information_commission(&app).await;
        let graph = app.body_graph(op).await.unwrap();
        assert_eq!(graph.commissions[0].head, Some(9));
        assert_eq!(graph.commissions[0].members, vec![6, 8]);
        assert_eq!(graph.commissions[0].area, Area::Information);
        invalid(app.add_commission_member(op, commission, 31).await, "body");
        assert!(matches!(
            app.add_commission_member(op, commission, 8).await,
            Err(AppError::Conflict(_))
        ));
        app.add_commission_member(op, commission, 17).await.unwrap();
        // Art. 15 gives the ecological area only inter-sectoral coordination: no head.
        app.create_commission(
            op,
            NewCommission {
                area: Area::Ecological,
                name: "Board on ecology".into(),
                members: vec![10, 22],
            },
        )
        .await
        .unwrap();
        let graph = app.body_graph(op).await.unwrap();
        assert_eq!(graph.commissions[1].head, None);
        audited(
            &app,
            label,
            200,
            &[
                "security.commission.create",
                "security.commission.add_member",
            ],
        )
        .await;
        chain_holds_and_close(&app, label).await;
    }
}

/// An area outside the vocabulary cannot be named in the app, and the API refuses it at its
/// edge.
#[tokio::test]
async fn an_area_outside_the_vocabulary_is_refused() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        assert!("culinary".parse::<Area>().is_err());
        let root = root(&app).await;
        let (_, analyst) = user_with_token(&app, "analyst.m", Role::Analyst, root).await;
        let router = router(&app);
        let reply = send(
            &router,
            api(
                "POST",
                "/api/v1/security/commissions",
                Some(&analyst),
                Some(json!({"area": "culinary", "name": "x"})),
            ),
        )
        .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            reply.text()
        );
        assert!(reply.text().contains("area"), "{}", reply.text());
        chain_holds_and_close(&app, label).await;
    }
}

/// An assessment is refused for a threat not on the list (or not on it yet: a threat added by
/// a later act is assessed from its date), outside the scales, ahead of today, or naming an
/// unknown interest.
#[tokio::test]
async fn a_threat_assessment_outside_the_lists_scales_or_dates_is_refused() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        let op = Acting::Operator;
        invalid(
            app.assess_threat(op, assessment("99", "2026-01-10", 3, 3))
                .await,
            "threat",
        );
        invalid(
            app.assess_threat(op, assessment("16", "2026-01-10", 6, 3))
                .await,
            "likelihood",
        );
        invalid(
            app.assess_threat(op, assessment("16", "2026-12-01", 3, 3))
                .await,
            "assessed_on",
        );
        let mut bad = assessment("16", "2026-01-10", 3, 3);
        bad.interests = vec!["77".into()];
        invalid(app.assess_threat(op, bad).await, "interests");
        // A threat added by a later act can be assessed from its date.
        let added = app
            .add_list_entry(
                op,
                qorgau_app::security::NewAddition {
                    list: ListKind::MainThreats,
                    text: "Attacks on space infrastructure".into(),
                    added_by_act: "Law No. 1-IX".into(),
                    effective_from: day("2026-05-01"),
                },
            )
            .await
            .unwrap();
        let key = format!("a{}", added.id);
        invalid(
            app.assess_threat(op, assessment(&key, "2026-04-30", 2, 2))
                .await,
            "threat",
        );
        app.assess_threat(op, assessment(&key, "2026-05-01", 2, 2))
            .await
            .unwrap();
        chain_holds_and_close(&app, label).await;
    }
}

/// The threat register shows each threat where its latest assessment on a given day puts it on
/// the heat map, filters by area and interest, and keeps every assessment in its history.
#[tokio::test]
async fn the_threat_register_shows_the_heat_map_on_any_day() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        let op = Acting::Operator;
        assess_threats(&app).await;
        let march = app
            .threat_register(op, Some(day("2026-03-01")), None, None)
            .await
            .unwrap();
        assert_eq!(march.heat[2][2], vec!["16"]);
        assert_eq!(march.heat[3][1], vec!["8"]);
        let now = app.threat_register(op, None, None, None).await.unwrap();
        assert!(now.heat[2][2].is_empty());
        assert_eq!(now.heat[4][3], vec!["16"]);
        assert_eq!(now.threats.len(), 19);
        let info = app
            .threat_register(op, None, Some("information"), None)
            .await
            .unwrap();
        let keys: Vec<&str> = info.threats.iter().map(|t| t.threat.key.as_str()).collect();
        assert_eq!(keys, vec!["16"]);
        let by_interest = app
            .threat_register(op, None, None, Some("3"))
            .await
            .unwrap();
        assert_eq!(by_interest.threats[0].threat.key, "8");
        let history = app.threat_history(op, "16", None).await.unwrap();
        let scores: Vec<i64> = history.assessments.iter().map(|a| a.score).collect();
        assert_eq!(scores, vec![9, 20]);
        assert_eq!(
            history.assessments[0].assessment.assessed_by,
            "operator (command line)"
        );
        audited(&app, label, 200, &["security.threat.assess"]).await;
        chain_holds_and_close(&app, label).await;
    }
}

/// A measure past its deadline is overdue (by days, as of any day) until reported done; a
/// measure needs a known kind and a responsible body.
#[tokio::test]
async fn a_measure_past_its_deadline_is_overdue_until_reported_done() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        let op = Acting::Operator;
        let measure = forecast_measure(&app).await;
        let listed = app.measures(op, None).await.unwrap();
        assert!(listed[0].overdue);
        assert_eq!(listed[0].days_overdue, 22);
        assert_eq!(listed[0].bodies, vec![8, 9]);
        let on_time = app.measures(op, Some(day("2026-11-01"))).await.unwrap();
        assert!(!on_time[0].overdue);
        invalid(
            app.create_measure(
                op,
                NewMeasure {
                    title: "x".into(),
                    kind: 7,
                    description: String::new(),
                    deadline: day("2026-12-01"),
                    threats: vec![],
                    bodies: vec![9],
                },
            )
            .await,
            "kind",
        );
        invalid(
            app.create_measure(
                op,
                NewMeasure {
                    title: "x".into(),
                    kind: 1,
                    description: String::new(),
                    deadline: day("2026-12-01"),
                    threats: vec![],
                    bodies: vec![],
                },
            )
            .await,
            "bodies",
        );
        app.report_measure(
            op,
            measure,
            NewMeasureReport {
                reported_on: day("2026-11-20"),
                text: "Forecast approved.".into(),
                status: MeasureStatus::Done,
            },
        )
        .await
        .unwrap();
        let detail = app.measure(op, measure, None).await.unwrap();
        assert!(!detail.view.overdue);
        assert_eq!(detail.view.measure.status, MeasureStatus::Done);
        assert_eq!(detail.reports.len(), 1);
        audited(
            &app,
            label,
            200,
            &["security.measure.create", "security.measure.report"],
        )
        .await;
        chain_holds_and_close(&app, label).await;
    }
}

/// A strategic indicator is at risk without readings, then on track or off track against the
/// straight line from its baseline to its target; it needs a target beyond its baseline and an
/// existing document, and takes one reading a day, none before its baseline.
#[tokio::test]
async fn an_indicator_is_judged_against_the_straight_line_to_its_target() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        let op = Acting::Operator;
        let document = strategy(&app).await;
        let indicator = certified_systems(document);
        let id = app.create_indicator(op, indicator.clone()).await.unwrap();
        invalid(
            app.create_indicator(
                op,
                NewIndicator {
                    target: 40.0,
                    ..indicator.clone()
                },
            )
            .await,
            "target",
        );
        assert!(matches!(
            app.create_indicator(
                op,
                NewIndicator {
                    document_id: 9999,
                    ..indicator.clone()
                },
            )
            .await,
            Err(AppError::NotFound { .. })
        ));
        let status = |app: qorgau_app::App, as_of: &'static str| async move {
            app.strategy_monitoring(Acting::Operator, Some(day(as_of)))
                .await
                .unwrap()[0]
                .indicators[0]
                .status
        };
        assert_eq!(
            status(app.clone(), "2025-06-01").await,
            IndicatorState::AtRisk
        );
        invalid(
            app.record_indicator_value(op, id, reading("2024-12-31", 41.0))
                .await,
            "measured_on",
        );
        app.record_indicator_value(op, id, reading("2026-01-01", 50.0))
            .await
            .unwrap();
        assert!(matches!(
            app.record_indicator_value(op, id, reading("2026-01-01", 51.0))
                .await,
            Err(AppError::Conflict(_))
        ));
        assert_eq!(
            status(app.clone(), "2026-02-01").await,
            IndicatorState::OnTrack
        );
        app.record_indicator_value(op, id, reading("2026-07-01", 51.0))
            .await
            .unwrap();
        // 55 % of the way against 74.8 % expected: below 80 % of it.
        assert_eq!(
            status(app.clone(), "2026-07-02").await,
            IndicatorState::OffTrack
        );
        audited(
            &app,
            label,
            200,
            &[
                "security.document.create",
                "security.indicator.create",
                "security.indicator.measure",
            ],
        )
        .await;
        chain_holds_and_close(&app, label).await;
    }
}

/// A Council decision is open until its deadline and overdue after it, by days; it is refused
/// a deadline before its meeting, as a head's hearing is refused without the head's body.
#[tokio::test]
async fn a_decision_past_its_deadline_is_overdue() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        let op = Acting::Operator;
        let (meeting, item) = annual_meeting(&app).await;
        invalid(
            app.add_agenda_item(
                op,
                meeting,
                NewAgendaItem {
                    kind: AgendaKind::HeadHearing,
                    title: "Hearing".into(),
                    body: None,
                },
            )
            .await,
            "body",
        );
        let decision = plan_decision(item);
        invalid(
            app.create_decision(
                op,
                meeting,
                NewDecision {
                    deadline: day("2026-09-30"),
                    ..decision.clone()
                },
            )
            .await,
            "deadline",
        );
        let id = app
            .create_decision(op, meeting, decision.clone())
            .await
            .unwrap();
        let before = app
            .council_decision(op, id, Some(day("2026-11-20")))
            .await
            .unwrap();
        assert_eq!(before.status, ControlStatus::Open);
        let view = app.council_decision(op, id, None).await.unwrap();
        assert_eq!(view.status, ControlStatus::Overdue);
        assert_eq!(view.days_overdue, 3);
        audited(
            &app,
            label,
            200,
            &[
                "council.meeting.create",
                "council.agenda.add",
                "council.decision.create",
            ],
        )
        .await;
        chain_holds_and_close(&app, label).await;
    }
}

/// Execution control: a report (not dated before the meeting) awaits review, one at a time; a
/// return needs a note and leaves the decision overdue; a reviewed report is not reviewed again;
/// an accepted report makes the decision done, reported late past its deadline, and counted so.
#[tokio::test]
async fn a_decision_is_done_once_a_report_on_it_is_accepted() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        let op = Acting::Operator;
        let (meeting, item) = annual_meeting(&app).await;
        let id = app
            .create_decision(op, meeting, plan_decision(item))
            .await
            .unwrap();
        invalid(
            app.report_execution(
                op,
                id,
                NewExecutionReport {
                    reported_on: day("2026-09-30"),
                    text: "Before the meeting".into(),
                },
            )
            .await,
            "reported_on",
        );
        invalid(
            app.execution_control(op, None, Some("lost")).await,
            "status",
        );
        let first = app
            .report_execution(op, id, execution_report("Plan drafted"))
            .await
            .unwrap();
        assert_eq!(
            app.council_decision(op, id, None).await.unwrap().status,
            ControlStatus::AwaitingReview
        );
        assert!(matches!(
            app.report_execution(op, id, execution_report("Again"))
                .await,
            Err(AppError::Conflict(_))
        ));
        invalid(
            app.review_execution(
                op,
                first,
                ReportReview {
                    review: Review::Returned,
                    note: String::new(),
                },
            )
            .await,
            "note",
        );
        app.review_execution(
            op,
            first,
            ReportReview {
                review: Review::Returned,
                note: "The plan lacks deadlines.".into(),
            },
        )
        .await
        .unwrap();
        assert_eq!(
            app.council_decision(op, id, None).await.unwrap().status,
            ControlStatus::Overdue
        );
        assert!(matches!(
            app.review_execution(
                op,
                first,
                ReportReview {
                    review: Review::Accepted,
                    note: String::new(),
                },
            )
            .await,
            Err(AppError::Conflict(_))
        ));
        let second = app
            .report_execution(op, id, execution_report("Plan with deadlines"))
            .await
            .unwrap();
        app.review_execution(
            op,
            second,
            ReportReview {
                review: Review::Accepted,
                note: String::new(),
            },
        )
        .await
        .unwrap();
        let done = app.council_decision(op, id, None).await.unwrap();
        assert_eq!(done.status, ControlStatus::Done);
        assert!(done.reported_late);
        assert_eq!(done.reports.len(), 2);
        let control = app.execution_control(op, None, None).await.unwrap();
        assert_eq!(control.counts.get(&ControlStatus::Done), Some(&1));
        audited(
            &app,
            label,
            200,
            &["council.decision.report", "council.report.review"],
        )
        .await;
        chain_holds_and_close(&app, label).await;
    }
}

/// The Government's annual report counts as heard in the year of the meeting that had it on its
/// agenda: 2026, not 2025.
#[tokio::test]
async fn the_annual_report_is_heard_in_the_year_of_its_meeting() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        let op = Acting::Operator;
        annual_meeting(&app).await;
        let control = app.execution_control(op, None, None).await.unwrap();
        // The annual report was heard at the meeting of 1 October 2026, not in 2025.
        assert_eq!(control.annual_report.heard_on, Some(day("2026-10-01")));
        let last_year = app
            .execution_control(op, Some(day("2025-12-31")), None)
            .await
            .unwrap();
        assert_eq!(last_year.annual_report.heard_on, None);
        chain_holds_and_close(&app, label).await;
    }
}

/// Through the API an analyst assesses threats but does not run the Council's business; the
/// secretariat reads the assessment on the heat map.
#[tokio::test]
async fn an_analyst_assesses_threats_but_does_not_run_the_council() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        let root = root(&app).await;
        let (_, analyst) = user_with_token(&app, "analyst.m", Role::Analyst, root).await;
        let (_, secretariat) =
            user_with_token(&app, "secretariat.m", Role::CouncilSecretariat, root).await;
        let router = router(&app);
        let reply = send(
            &router,
            api(
                "POST",
                "/api/v1/council/meetings",
                Some(&analyst),
                Some(json!({"held_on": "2026-11-01", "title": "x"})),
            ),
        )
        .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        let reply = send(
            &router,
            api(
                "POST",
                "/api/v1/security/assessments",
                Some(&analyst),
                Some(
                    json!({"threat": "1", "area": "public", "assessed_on": "2026-11-20",
                    "likelihood": 2, "impact": 3, "trend": "stable", "narrative": "n"}),
                ),
            ),
        )
        .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
        let reply = send(
            &router,
            api(
                "GET",
                "/api/v1/security/threats?area=public",
                Some(&secretariat),
                None,
            ),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(reply.json()["heat"][2][1][0], "1");
        chain_holds_and_close(&app, label).await;
    }
}

/// The API gives a decision under control with the clause it rests on, and the strategy's
/// indicators with the explanation of their status.
#[tokio::test]
async fn the_api_gives_decisions_and_indicators_with_their_grounds() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        indicator_with_readings(&app).await;
        let (meeting, item) = annual_meeting(&app).await;
        let id = decision_done(&app, meeting, item).await;
        let root = root(&app).await;
        let (_, secretariat) =
            user_with_token(&app, "secretariat.m", Role::CouncilSecretariat, root).await;
        let router = router(&app);
        let reply = send(
            &router,
            api(
                "GET",
                &format!("/api/v1/council/decisions/{id}"),
                Some(&secretariat),
                None,
            ),
        )
        .await;
        assert_eq!(reply.json()["status"], "done");
        assert_eq!(
            reply.json()["control"]["citations"][0],
            "kz-security-council/para_4"
        );
        let reply = send(
            &router,
            api("GET", "/api/v1/security/strategy", Some(&secretariat), None),
        )
        .await;
        assert_eq!(reply.json()[0]["indicators"][0]["status"], "off_track");
        assert!(
            reply.json()[0]["indicators"][0]["decision"]["explanation"][1]
                .as_str()
                .unwrap()
                .contains("straight line")
        );
        chain_holds_and_close(&app, label).await;
    }
}

/// The pages, signed in as the secretariat: the bodies with their commissions, measures and
/// decisions, a threat's history with its evidence and measures, and the Council's hearing of
/// the annual report; an unknown body is not found.
#[tokio::test]
async fn the_pages_show_bodies_threats_and_the_council() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        information_commission(&app).await;
        assess_threats(&app).await;
        forecast_measure(&app).await;
        let (meeting, item) = annual_meeting(&app).await;
        app.create_decision(Acting::Operator, meeting, plan_decision(item))
            .await
            .unwrap();
        let (secretariat, cookie) = secretariat_signed_in(&app).await;
        let router = router(&app);
        let page = send(&router, get("/security/bodies", &cookie)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text().contains("<svg"));
        assert!(page.text().contains("Commission on information security"));
        let page = send(&router, get("/security/bodies/9", &cookie)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text().contains("Forecast of information threats"));
        assert!(
            page.text()
                .contains("Submit a plan for critical information infrastructure")
        );
        assert!(page.text().contains("Commission on information security"));
        let reply = send(
            &router,
            api(
                "GET",
                "/api/v1/security/bodies/31",
                Some(&secretariat),
                None,
            ),
        )
        .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        let page = send(&router, get("/security/threats/16", &cookie)).await;
        assert!(page.text().contains("<polyline"), "{}", page.text());
        assert!(page.text().contains("href=\"https://example.kz/report-1\""));
        assert!(page.text().contains("Forecast of information threats"));
        let page = send(&router, get("/council", &cookie)).await;
        assert!(
            page.text()
                .contains("annual report for 2026 was heard on 2026-10-01"),
            "{}",
            page.text()
        );
        chain_holds_and_close(&app, label).await;
    }
}

/// By form, the secretariat records a decision at a meeting (overdue at once, its deadline
/// past) and reports on it: an empty report is refused on the form, a report awaits review.
#[tokio::test]
async fn a_decision_is_recorded_and_reported_by_form() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        let meeting = meeting(&app).await;
        let (_, cookie) = secretariat_signed_in(&app).await;
        let router = router(&app);
        let page = send(
            &router,
            get(&format!("/council/meetings/{meeting}"), &cookie),
        )
        .await;
        let csrf = hidden(&page.text(), "csrf");
        let reply = send(
            &router,
            form(
                &format!("/council/meetings/{meeting}/decisions"),
                &cookie,
                &format!(
                    "csrf={csrf}&kind=recommendation&text=Review+the+programme&body=6&deadline=2026-11-22&agenda_item_id="
                ),
            ),
        )
        .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
        let location = reply.headers["location"].to_str().unwrap().to_owned();
        let page = send(&router, get(&location, &cookie)).await;
        assert!(
            page.text().contains("data-status=\"overdue\""),
            "{}",
            page.text()
        );
        let reply = send(
            &router,
            form(
                &format!("{location}/reports"),
                &cookie,
                &format!("csrf={csrf}&reported_on=2026-11-23&text="),
            ),
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            reply.text().contains("id=\"text-error\""),
            "the error stands beside the text field"
        );
        let reply = send(
            &router,
            form(
                &format!("{location}/reports"),
                &cookie,
                &format!("csrf={csrf}&reported_on=2026-11-23&text=Reviewed"),
            ),
        )
        .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        let page = send(&router, get(&location, &cookie)).await;
        assert!(page.text().contains("data-status=\"awaiting_review\""));
        chain_holds_and_close(&app, label).await;
    }
}
