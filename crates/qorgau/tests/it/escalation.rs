//! Escalation, as the security review found it: an administrator of one military unit who takes
//! over, through the user-administration routes, an account homed in that unit but holding
//! grants above it; and roles held on a leaf of the tree that reached national records (the
//! threat register, the Security Council). Each attack is refused with 403, leaves no trace of
//! the change in the audit log, and the same request from the root succeeds.

use axum::http::StatusCode;
use chrono::{TimeZone, Utc};
use qorgau_app::accounts::{GrantInput, NewUserInput};
use qorgau_app::org::{NewUnitInput, UnitKind};
use qorgau_app::{Acting, App, Clock, Role};
use serde_json::json;

use crate::kit::{Reply, Tree, api, databases, router, send, tree, user_with_token};

/// A fixed day, so that the dates of the requests below are in the past.
fn today() -> Clock {
    Clock::settable(Utc.with_ymd_and_hms(2026, 11, 23, 5, 0, 0).unwrap())
}

/// The medical service of military unit A1: a leaf of the tree (root -> A -> A1 -> medical).
async fn medical_service(app: &App, t: &Tree) -> i64 {
    app.create_unit(
        Acting::Operator,
        NewUnitInput {
            parent_id: t.a1,
            name: "Medical service of A1".into(),
            kind: UnitKind::Service,
        },
    )
    .await
    .expect("unit")
    .id
}

/// A user homed in `home` with these grants; returns the user's id.
async fn user(app: &App, username: &str, home: i64, grants: &[(Role, i64)]) -> i64 {
    app.create_user(
        Acting::Operator,
        NewUserInput {
            username: username.to_owned(),
            display_name: format!("Test {username}"),
            home_unit_id: home,
            grants: grants
                .iter()
                .map(|&(role, unit_id)| GrantInput { role, unit_id })
                .collect(),
        },
    )
    .await
    .expect("user")
    .0
    .id
}

/// The audit actions recorded about user `id`.
async fn actions_on_user(app: &App, id: i64) -> Vec<String> {
    app.latest_audit(Acting::Operator, 1000)
        .await
        .expect("audit")
        .into_iter()
        .filter(|row| row.stored.entity == "user" && row.stored.entity_id == id.to_string())
        .map(|row| row.stored.action)
        .collect()
}

/// How many entries of `action` the audit log holds.
async fn count_of(app: &App, action: &str) -> usize {
    app.latest_audit(Acting::Operator, 1000)
        .await
        .expect("audit")
        .iter()
        .filter(|row| row.stored.action == action)
        .count()
}

/// The stored password hash of user `id`, to see that it did not change.
async fn password_hash(app: &App, id: i64) -> String {
    let mut conn = app.store().pool().acquire().await.expect("connection");
    qorgau_store::accounts::users::get(&mut conn, id)
        .await
        .expect("user")
        .password_hash
}

fn refused(label: &str, what: &str, reply: &Reply) {
    assert_eq!(
        reply.status,
        StatusCode::FORBIDDEN,
        "{label}: {what}: {}",
        reply.text()
    );
    assert_eq!(
        reply.content_type(),
        "application/problem+json",
        "{label}: {what}"
    );
}

/// The attack of the review: the administrator of military unit A1 resets the password of a
/// user homed in A1's medical service who administers the root, to sign in as them and act
/// nationally. Refused, and so are renaming, disabling and re-granting that user; no change to
/// the user is audited and the password is the one it was. An administrator of the root may.
#[tokio::test]
async fn a_unit_administrator_cannot_take_over_a_national_administrator_homed_below() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        let t = tree(&app).await;
        let medical = medical_service(&app, &t).await;
        let router = router(&app);
        let (_, unit_admin) = user_with_token(&app, "a1.admin", Role::Administrator, t.a1).await;
        let (_, root_admin) =
            user_with_token(&app, "root.admin2", Role::Administrator, t.root).await;
        let national = user(
            &app,
            "national.admin",
            medical,
            &[(Role::Inspector, medical), (Role::Administrator, t.root)],
        )
        .await;
        let hash = password_hash(&app, national).await;

        let reset = api(
            "POST",
            &format!("/api/v1/users/{national}/password-reset"),
            Some(&unit_admin),
            None,
        );
        refused(label, "password reset", &send(&router, reset).await);
        for (what, body) in [
            ("disable", json!({"disabled": true})),
            ("rename", json!({"display_name": "Taken over"})),
        ] {
            let patch = api(
                "PATCH",
                &format!("/api/v1/users/{national}"),
                Some(&unit_admin),
                Some(body),
            );
            refused(label, what, &send(&router, patch).await);
        }
        // Taking the root grant away is acting on it too.
        let strip = api(
            "PUT",
            &format!("/api/v1/users/{national}/grants"),
            Some(&unit_admin),
            Some(json!({"grants": [{"role": "inspector", "unit_id": medical}]})),
        );
        refused(label, "grants", &send(&router, strip).await);

        let audited = actions_on_user(&app, national).await;
        for action in [
            "user.password_reset",
            "user.update",
            "user.disable",
            "user.grants",
        ] {
            assert!(
                !audited.iter().any(|a| a == action),
                "{label}: {action} in {audited:?}"
            );
        }
        assert_eq!(password_hash(&app, national).await, hash, "{label}");
        let after = app.get_user(Acting::Operator, national).await.expect(label);
        assert!(!after.disabled, "{label}");
        assert_eq!(after.grants.len(), 2, "{label}: {after:?}");

        // Within the unit's reach the unit's administrator still administers.
        let local = user(&app, "medic", medical, &[(Role::Inspector, medical)]).await;
        let reply = send(
            &router,
            api(
                "POST",
                &format!("/api/v1/users/{local}/password-reset"),
                Some(&unit_admin),
                None,
            ),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{label}: {}", reply.text());

        // The administrator of the root covers everything the user holds.
        let reply = send(
            &router,
            api(
                "POST",
                &format!("/api/v1/users/{national}/password-reset"),
                Some(&root_admin),
                None,
            ),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{label}: {}", reply.text());
        assert!(
            actions_on_user(&app, national)
                .await
                .contains(&"user.password_reset".to_owned()),
            "{label}"
        );
        app.store().close().await;
    }
}

/// A user homed below the administrator but granted beside them (on B) is out of reach too;
/// and an administrator gives no role on a unit outside their own administration, neither to a
/// new user nor to one they administer.
#[tokio::test]
async fn a_unit_administrator_gives_and_touches_nothing_beyond_their_reach() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        let t = tree(&app).await;
        let medical = medical_service(&app, &t).await;
        let router = router(&app);
        let (_, unit_admin) = user_with_token(&app, "a1.admin", Role::Administrator, t.a1).await;
        let beside = user(
            &app,
            "b.auditor",
            medical,
            &[(Role::Inspector, medical), (Role::Auditor, t.b)],
        )
        .await;
        let reply = send(
            &router,
            api(
                "POST",
                &format!("/api/v1/users/{beside}/password-reset"),
                Some(&unit_admin),
                None,
            ),
        )
        .await;
        refused(label, "reset of a user granted beside", &reply);

        for (n, far) in [
            (Role::Administrator, t.root),
            (Role::CouncilSecretariat, t.b),
        ]
        .into_iter()
        .enumerate()
        {
            let create = api(
                "POST",
                "/api/v1/users",
                Some(&unit_admin),
                Some(
                    json!({"username": format!("made.{n}"), "display_name": "Made",
                    "home_unit_id": medical, "grants": [{"role": far.0, "unit_id": far.1}]}),
                ),
            );
            refused(
                label,
                "a new user granted beyond",
                &send(&router, create).await,
            );
        }

        let local = user(&app, "medic", medical, &[(Role::Inspector, medical)]).await;
        let raise = api(
            "PUT",
            &format!("/api/v1/users/{local}/grants"),
            Some(&unit_admin),
            Some(json!({"grants": [{"role": "administrator", "unit_id": t.root}]})),
        );
        refused(label, "a grant on the root", &send(&router, raise).await);
        let kept = app.get_user(Acting::Operator, local).await.expect(label);
        assert_eq!(kept.grants.len(), 1, "{label}: {kept:?}");
        assert_eq!(kept.grants[0].unit_id, medical, "{label}");
        assert!(
            !actions_on_user(&app, local)
                .await
                .contains(&"user.grants".to_owned()),
            "{label}"
        );
        assert_eq!(count_of(&app, "user.password_reset").await, 0, "{label}");
        app.store().close().await;
    }
}

/// An analyst of a leaf (the medical service) records no national threat assessment, measure
/// or list addition, and reads no threat register; an analyst of the root does.
#[tokio::test]
async fn a_leaf_analyst_records_no_national_threat_assessment() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        let t = tree(&app).await;
        let medical = medical_service(&app, &t).await;
        let router = router(&app);
        let (_, leaf) = user_with_token(&app, "medical.analyst", Role::Analyst, medical).await;
        let (_, root) = user_with_token(&app, "root.analyst", Role::Analyst, t.root).await;
        let assessment = json!({"threat": "14", "area": "military", "assessed_on": "2026-11-01",
            "likelihood": 5, "impact": 5, "trend": "rising", "narrative": "Invented."});
        let assess = |token: &str| {
            api(
                "POST",
                "/api/v1/security/assessments",
                Some(token),
                Some(assessment.clone()),
            )
        };
        refused(
            label,
            "assessment",
            &send(&router, assess(leaf.as_str())).await,
        );
        let measure = api(
            "POST",
            "/api/v1/security/measures",
            Some(&leaf),
            Some(
                json!({"title": "Measure", "kind": 3, "deadline": "2027-01-01",
                "bodies": [6], "threats": ["14"]}),
            ),
        );
        refused(label, "measure", &send(&router, measure).await);
        let addition = api(
            "POST",
            "/api/v1/security/reference/additions",
            Some(&leaf),
            Some(json!({"list": "main_threats", "text": "Invented threat",
                "added_by_act": "Law of 1 March 2027 No. 1-IX", "effective_from": "2027-03-11"})),
        );
        refused(label, "list addition", &send(&router, addition).await);
        let register = api("GET", "/api/v1/security/threats", Some(&leaf), None);
        refused(label, "threat register", &send(&router, register).await);
        // The law stays everyone's.
        let lists = api("GET", "/api/v1/security/reference", Some(&leaf), None);
        assert_eq!(send(&router, lists).await.status, StatusCode::OK, "{label}");
        for action in [
            "security.threat.assess",
            "security.measure.create",
            "security.list.add",
        ] {
            assert_eq!(count_of(&app, action).await, 0, "{label}: {action}");
        }

        let reply = send(&router, assess(root.as_str())).await;
        assert_eq!(
            reply.status,
            StatusCode::CREATED,
            "{label}: {}",
            reply.text()
        );
        assert_eq!(count_of(&app, "security.threat.assess").await, 1, "{label}");
        app.store().close().await;
    }
}

/// A secretariat of a leaf creates no Council meeting and an auditor of a leaf reads no Council
/// decision; at the root both may.
#[tokio::test]
async fn a_leaf_secretariat_creates_no_council_meeting() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(today()).await;
        let t = tree(&app).await;
        let medical = medical_service(&app, &t).await;
        let router = router(&app);
        let (_, leaf) = user_with_token(
            &app,
            "medical.secretariat",
            Role::CouncilSecretariat,
            medical,
        )
        .await;
        let (_, root) =
            user_with_token(&app, "root.secretariat", Role::CouncilSecretariat, t.root).await;
        let (_, leaf_auditor) =
            user_with_token(&app, "medical.auditor", Role::Auditor, medical).await;
        let (_, root_auditor) = user_with_token(&app, "root.auditor", Role::Auditor, t.root).await;
        let meeting = |token: &str| {
            api(
                "POST",
                "/api/v1/council/meetings",
                Some(token),
                Some(json!({"held_on": "2026-11-01", "title": "Extraordinary meeting"})),
            )
        };
        refused(
            label,
            "meeting",
            &send(&router, meeting(leaf.as_str())).await,
        );
        assert_eq!(count_of(&app, "council.meeting.create").await, 0, "{label}");

        let created = send(&router, meeting(root.as_str())).await;
        assert_eq!(
            created.status,
            StatusCode::CREATED,
            "{label}: {}",
            created.text()
        );
        let id = created.json()["id"].as_i64().expect("meeting id");
        let decide = |token: &str| {
            api(
                "POST",
                &format!("/api/v1/council/meetings/{id}/decisions"),
                Some(token),
                Some(json!({"kind": "decision", "text": "Do it", "body": 6,
                    "deadline": "2026-12-31"})),
            )
        };
        refused(
            label,
            "decision",
            &send(&router, decide(leaf.as_str())).await,
        );
        let decided = send(&router, decide(root.as_str())).await;
        assert_eq!(
            decided.status,
            StatusCode::CREATED,
            "{label}: {}",
            decided.text()
        );
        let decision = decided.json()["id"].as_i64().expect("decision id");
        let read = |token: &str| {
            api(
                "GET",
                &format!("/api/v1/council/decisions/{decision}"),
                Some(token),
                None,
            )
        };
        refused(
            label,
            "a leaf auditor",
            &send(&router, read(leaf_auditor.as_str())).await,
        );
        let reply = send(&router, read(root_auditor.as_str())).await;
        assert_eq!(reply.status, StatusCode::OK, "{label}: {}", reply.text());
        app.store().close().await;
    }
}
