//! National-security monitoring and the Security Council on both databases: the organisation
//! graph and commissions, the threat register and its heat map over time, measures with overdue
//! flags, strategic indicators with their monitoring status, and decisions under execution
//! control through report, return and acceptance; every change audited; the API and the pages.

use axum::http::StatusCode;
use chrono::{NaiveDate, TimeZone, Utc};
use qorgau_app::security::council::{
    NewAgendaItem, NewDecision, NewExecutionReport, NewMeeting, ReportReview,
};
use qorgau_app::security::monitoring::{
    NewAssessment, NewCommission, NewDocument, NewIndicator, NewIndicatorValue, NewMeasure,
    NewMeasureReport,
};
use qorgau_app::{Acting, AppError, Clock, Role};
use qorgau_rules::security::vocabulary::{
    AgendaKind, Area, ControlStatus, DecisionKind, IndicatorState, ListKind, MeasureStatus, Review,
    ToPresident, Trend,
};
use serde_json::json;

use crate::http::{form, get, hidden};
use crate::kit::{api, databases, router, send, user_with_token};

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

#[tokio::test]
async fn monitoring_and_council_end_to_end() {
    for db in databases().await {
        let clock = Clock::settable(Utc.with_ymd_and_hms(2026, 11, 23, 5, 0, 0).unwrap());
        let app = db.app_with_clock(clock).await;
        let op = Acting::Operator;

        // The organisation graph, from the texts.
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
        let commission = app
            .create_commission(
                op,
                NewCommission {
                    area: Area::Information,
                    name: "Commission on information security".into(),
                    members: vec![8, 6, 6],
                },
            )
            .await
            .unwrap();
        let graph = app.body_graph(op).await.unwrap();
        assert_eq!(graph.commissions[0].head, Some(9));
        assert_eq!(graph.commissions[0].members, vec![6, 8]);
        assert_eq!(graph.commissions[0].area, Area::Information);
        // An area outside the vocabulary cannot be named in the app (the API refuses it below).
        assert!("culinary".parse::<Area>().is_err());
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

        // The threat register over time.
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

        // Measures and their overdue flag.
        let measure = app
            .create_measure(
                op,
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
            .unwrap();
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

        // Strategic indicators.
        let document = app
            .create_document(
                op,
                NewDocument {
                    title: "National Security Strategy".into(),
                    adopted_on: day("2025-01-01"),
                    reference: "Decree".into(),
                },
            )
            .await
            .unwrap();
        let indicator = NewIndicator {
            document_id: document,
            name: "Certified systems".into(),
            unit: "%".into(),
            baseline: 40.0,
            baseline_on: day("2025-01-01"),
            target: 60.0,
            deadline: day("2027-01-01"),
        };
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
        let value = |on: &str, value: f64| NewIndicatorValue {
            measured_on: day(on),
            value,
            note: String::new(),
        };
        invalid(
            app.record_indicator_value(op, id, value("2024-12-31", 41.0))
                .await,
            "measured_on",
        );
        app.record_indicator_value(op, id, value("2026-01-01", 50.0))
            .await
            .unwrap();
        assert!(matches!(
            app.record_indicator_value(op, id, value("2026-01-01", 51.0))
                .await,
            Err(AppError::Conflict(_))
        ));
        assert_eq!(
            status(app.clone(), "2026-02-01").await,
            IndicatorState::OnTrack
        );
        app.record_indicator_value(op, id, value("2026-07-01", 51.0))
            .await
            .unwrap();
        // 55 % of the way against 74.8 % expected: below 80 % of it.
        assert_eq!(
            status(app.clone(), "2026-07-02").await,
            IndicatorState::OffTrack
        );

        // The Security Council: a meeting, its agenda and a decision under control.
        let meeting = app
            .create_meeting(
                op,
                NewMeeting {
                    held_on: day("2026-10-01"),
                    title: "Annual report hearing".into(),
                },
            )
            .await
            .unwrap();
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
        let item = app
            .add_agenda_item(
                op,
                meeting,
                NewAgendaItem {
                    kind: AgendaKind::GovernmentAnnualReport,
                    title: "The Government's annual report".into(),
                    body: None,
                },
            )
            .await
            .unwrap();
        let decision = NewDecision {
            kind: DecisionKind::Decision,
            text: "Submit a plan for critical information infrastructure".into(),
            body: 9,
            deadline: day("2026-11-20"),
            agenda_item_id: Some(item),
        };
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
        let report = |text: &str| NewExecutionReport {
            reported_on: day("2026-11-23"),
            text: text.into(),
        };
        let first = app
            .report_execution(op, id, report("Plan drafted"))
            .await
            .unwrap();
        assert_eq!(
            app.council_decision(op, id, None).await.unwrap().status,
            ControlStatus::AwaitingReview
        );
        assert!(matches!(
            app.report_execution(op, id, report("Again")).await,
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
            .report_execution(op, id, report("Plan with deadlines"))
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
        // The annual report was heard at the meeting of 1 October 2026, not in 2025.
        assert_eq!(control.annual_report.heard_on, Some(day("2026-10-01")));
        let last_year = app
            .execution_control(op, Some(day("2025-12-31")), None)
            .await
            .unwrap();
        assert_eq!(last_year.annual_report.heard_on, None);

        // Everything above is audited.
        let root = app.ensure_root("Republic of Kazakhstan").await.unwrap().id;
        let actions: Vec<String> = app
            .latest_audit(op, 200)
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.action.as_str().to_owned())
            .collect();
        for action in [
            "security.commission.create",
            "security.commission.add_member",
            "security.threat.assess",
            "security.measure.create",
            "security.measure.report",
            "security.document.create",
            "security.indicator.create",
            "security.indicator.measure",
            "council.meeting.create",
            "council.agenda.add",
            "council.decision.create",
            "council.decision.report",
            "council.report.review",
        ] {
            assert!(actions.iter().any(|a| a == action), "{action} not audited");
        }

        // The analyst assesses but does not run the Council's business.
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
        // A commission in an area outside the vocabulary is refused at the API's edge.
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

        // The pages, signed in as the secretariat: a decision recorded and reported by form.
        let id_of = app.find_user_by_username("secretariat.m").await.unwrap().id;
        let password = app.reset_password(op, id_of).await.unwrap();
        let signed = app.login("secretariat.m", &password).await.unwrap();
        let renewed = app
            .change_password(&signed.principal, &password, "council passphrase 123")
            .await
            .unwrap();
        let cookie = format!("qorgau_session={}", renewed.session_token);
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
        assert!(reply.text().contains("form-error"));
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
        app.store().close().await;
    }
}
