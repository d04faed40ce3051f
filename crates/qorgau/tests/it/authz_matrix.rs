//! Every API route x every role x (inside / outside the role's scope), against the answer the
//! access rules give. The route list is checked against the OpenAPI document, so a new route
//! cannot be added without a row here. National records are inside only on the root; the routes
//! that act on a user are walked again against users whose grants reach beyond the caller.

use std::collections::{BTreeSet, HashMap};

use axum::http::StatusCode;
use qorgau_app::{App, Role};
use serde_json::json;

use crate::kit::{Tree, api, databases, router, send, tree, user_with_token};

/// Every documented operation; `openapi.json` itself is public and checked apart.
const ROUTES: &[&str] = &[
    "GET /api/v1/me",
    "POST /api/v1/me/password",
    "GET /api/v1/me/tokens",
    "POST /api/v1/me/tokens",
    "DELETE /api/v1/me/tokens/{id}",
    "GET /api/v1/users",
    "POST /api/v1/users",
    "GET /api/v1/users/{id}",
    "PATCH /api/v1/users/{id}",
    "PUT /api/v1/users/{id}/grants",
    "POST /api/v1/users/{id}/password-reset",
    "GET /api/v1/org/units",
    "POST /api/v1/org/units",
    "GET /api/v1/org/units/{id}",
    "GET /api/v1/rules",
    "GET /api/v1/rules/{id}",
    "POST /api/v1/rules/{id}/evaluate",
    "GET /api/v1/audit",
    "GET /api/v1/audit/verify",
    "GET /api/v1/law/acts",
    "GET /api/v1/law/acts/{act}",
    "GET /api/v1/law/clauses/{act}/{path}",
    "GET /api/v1/law/search",
    "GET /api/v1/law/acts/{act}/akn",
    "POST /api/v1/conscription/citizens/import",
    "GET /api/v1/conscription/citizens",
    "GET /api/v1/conscription/citizens/{id}",
    "GET /api/v1/conscription/campaigns",
    "POST /api/v1/conscription/campaigns",
    "GET /api/v1/conscription/campaigns/{id}",
    "POST /api/v1/conscription/campaigns/{id}/plan",
    "POST /api/v1/conscription/campaigns/{id}/send",
    "GET /api/v1/conscription/campaigns/{id}/referrals",
    "POST /api/v1/conscription/summonses/{id}/facts",
    "GET /api/v1/conscription/campaigns/{id}/paper-summonses",
    "POST /api/v1/conscription/campaigns/{id}/hand-over",
    "POST /api/v1/channels/events",
    "GET /api/v1/safety/structure",
    "POST /api/v1/safety/structure/import",
    "GET /api/v1/safety/units/{id}/strength",
    "POST /api/v1/safety/strength/import",
    "GET /api/v1/safety/plans",
    "POST /api/v1/safety/plans",
    "GET /api/v1/safety/plans/{id}",
    "PUT /api/v1/safety/plans/{id}",
    "POST /api/v1/safety/plans/{id}/approve",
    "POST /api/v1/safety/plans/{id}/revise",
    "GET /api/v1/safety/plans/{id}/compare",
    "POST /api/v1/safety/plan-activities/{id}/complete",
    "GET /api/v1/safety/trainings",
    "POST /api/v1/safety/trainings",
    "GET /api/v1/safety/exercise-reminders",
    "GET /api/v1/safety/acts",
    "POST /api/v1/safety/acts",
    "POST /api/v1/safety/acts/purge-expired",
    "GET /api/v1/safety/acts/{id}",
    "DELETE /api/v1/safety/acts/{id}",
    "POST /api/v1/safety/acts/{id}/acknowledge",
    "POST /api/v1/safety/violations/{id}/eliminate",
    "GET /api/v1/safety/overdue-violations",
    "GET /api/v1/safety/coverage",
    "GET /api/v1/safety/incidents",
    "POST /api/v1/safety/incidents",
    "POST /api/v1/safety/incidents/import",
    "GET /api/v1/safety/analysis",
    "POST /api/v1/safety/analysis",
    "GET /api/v1/safety/analysis-schedule",
    "GET /api/v1/security/who",
    "GET /api/v1/security/reference",
    "POST /api/v1/security/organisations/import",
    "POST /api/v1/security/holdings/import",
    "GET /api/v1/security/organisations/{code}/screening",
    "GET /api/v1/security/screening",
    "POST /api/v1/security/reference/additions",
    "GET /api/v1/security/bodies",
    "GET /api/v1/security/bodies/{number}",
    "POST /api/v1/security/commissions",
    "POST /api/v1/security/commissions/{id}/members",
    "GET /api/v1/security/threats",
    "GET /api/v1/security/threats/{key}",
    "POST /api/v1/security/assessments",
    "GET /api/v1/security/measures",
    "POST /api/v1/security/measures",
    "GET /api/v1/security/measures/{id}",
    "POST /api/v1/security/measures/{id}/reports",
    "GET /api/v1/security/strategy",
    "POST /api/v1/security/documents",
    "POST /api/v1/security/indicators",
    "POST /api/v1/security/indicators/{id}/values",
    "GET /api/v1/council/meetings",
    "POST /api/v1/council/meetings",
    "GET /api/v1/council/meetings/{id}",
    "POST /api/v1/council/meetings/{id}/agenda",
    "POST /api/v1/council/meetings/{id}/decisions",
    "GET /api/v1/council/decisions",
    "GET /api/v1/council/decisions/{id}",
    "POST /api/v1/council/decisions/{id}/reports",
    "POST /api/v1/council/reports/{id}/review",
];

/// The routes that act on a user, walked once more against users homed inside the caller's
/// scope whose grants reach beyond it ([`Reach`]): acting on them would hand the caller what
/// those grants allow.
const ACTING_ON_USERS: &[&str] = &[
    "POST /api/v1/users",
    "PATCH /api/v1/users/{id}",
    "PUT /api/v1/users/{id}/grants",
    "POST /api/v1/users/{id}/password-reset",
];

/// Where the grants of a user homed in A1 reach besides A1.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Reach {
    /// An administrator of the root.
    Above,
    /// A commander of B.
    Beside,
}

/// Whether a route reads or writes national records (national security, the Council): they
/// belong to the root of the tree, so "inside" is a grant on the root and "outside" one on A.
/// The law itself (who is responsible, the reference lists) is everyone's.
fn national(route: &str) -> bool {
    (route.contains(" /api/v1/security/") || route.contains(" /api/v1/council/"))
        && !matches!(
            route,
            "GET /api/v1/security/who" | "GET /api/v1/security/reference"
        )
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Seat {
    /// Granted on unit A (targets inside are under A, outside under B).
    A,
    /// Granted on the root.
    Root,
}

struct Fixture {
    tree: Tree,
    tokens: HashMap<(Role, Seat), (i64, String)>,
    user_inside: i64,
    user_outside: i64,
    /// Homed in A1 (inside A) with grants that reach above and beside A.
    user_above: i64,
    user_beside: i64,
    other_token_id: i64,
    /// A citizen registered in A1 and one in B.
    citizen_inside: i64,
    citizen_outside: i64,
    /// A draft Plan and an Act in A1 and in B.
    plan_inside: i64,
    plan_outside: i64,
    act_inside: i64,
    act_outside: i64,
}

fn plan_draft(item_term: &str) -> qorgau_app::safety::plans::PlanDraft {
    qorgau_app::safety::plans::PlanDraft {
        goals: "Goals".into(),
        tasks: "Tasks".into(),
        requirements: "Requirements".into(),
        activities: vec![qorgau_app::safety::plans::NewActivity {
            item_no: 1,
            name: "Activity".into(),
            responsible: "Deputy".into(),
            monitoring: "Chief of staff".into(),
            term: item_term.into(),
            completion_form: "Report".into(),
        }],
    }
}

/// A draft Plan of `unit` for `year`; approved when asked. Returns (plan id, activity id).
async fn plan_in(app: &App, unit: i64, year: i32, approve: bool) -> (i64, i64) {
    use qorgau_app::Acting::Operator;
    let view = app
        .create_plan(
            Operator,
            qorgau_app::safety::plans::NewPlan {
                unit_id: unit,
                year,
                draft: plan_draft("2026-01-15"),
            },
        )
        .await
        .expect("plan");
    if approve {
        app.approve_plan(Operator, view.plan.id, "Colonel")
            .await
            .expect("approve");
    }
    (view.plan.id, view.activities[0].activity.id)
}

/// An Act on `unit` whose control ended on `end`, with one violation. Returns (act, violation).
async fn act_in(app: &App, unit: i64, end: &str) -> (i64, i64) {
    let view = app
        .record_act(
            qorgau_app::Acting::Operator,
            qorgau_app::safety::acts::NewAct {
                body_id: unit,
                unit_id: unit,
                grounds: "Plan".into(),
                chair: "Chair".into(),
                members: vec!["Member".into()],
                period_from: end.into(),
                period_to: end.into(),
                violations: vec![qorgau_app::safety::acts::NewViolation {
                    category: "other".into(),
                    description: "Found".into(),
                }],
                proposals: String::new(),
                report_by: end.into(),
            },
        )
        .await
        .expect("act");
    (view.act.id, view.violations[0].id)
}

/// A citizen registered in `unit` (paper channel: no number), by a fresh valid IIN.
async fn citizen_in(app: &App, unit: i64, serial: u16) -> i64 {
    let iin = (serial..)
        .find_map(|s| {
            qorgau_rules::conscription::Iin::compose(
                "2006-05-05".parse().unwrap(),
                qorgau_rules::conscription::Sex::Male,
                s,
            )
        })
        .unwrap()
        .to_string();
    let csv = format!(
        "{}\n{iin},Matrix,Citizen,,male,2006-05-05,,Addr,,,,no,no,no,none,no,no,no\n",
        qorgau_app::conscription::CSV_COLUMNS.join(",")
    );
    let summary = app
        .import_citizens(qorgau_app::Acting::Operator, unit, &csv)
        .await
        .expect("import");
    assert_eq!(summary.imported, 1, "{summary:?}");
    app.search_citizens(qorgau_app::Acting::Operator, &iin, 1)
        .await
        .expect("search")[0]
        .id
}

/// A campaign in `unit`, planned for `citizen`; returns (campaign id, summons id).
async fn planned_campaign(app: &App, unit: i64, citizen: i64) -> (i64, i64) {
    use qorgau_app::Acting::Operator;
    let appearance = (chrono::Utc::now() + chrono::Duration::days(10)).fixed_offset();
    let campaign = app
        .create_campaign(
            Operator,
            qorgau_app::conscription::NewCampaign {
                unit_id: unit,
                title: "Matrix".into(),
                purpose: qorgau_rules::conscription::Purpose::Evaluation,
                appearance_place: "Here".into(),
                appearance_at: appearance,
            },
        )
        .await
        .expect("campaign");
    app.plan_campaign(
        Operator,
        campaign.id,
        qorgau_app::conscription::Selection {
            citizen_ids: vec![citizen],
            ..Default::default()
        },
    )
    .await
    .expect("plan");
    let (_, summonses) = app
        .campaign(Operator, campaign.id, chrono::Utc::now().date_naive())
        .await
        .expect("read campaign");
    (campaign.id, summonses[0].summons.id)
}

/// The grants of a user homed in A1 whose reach is `reach`: one in A1 and one above or beside.
fn reaching_grants(tree: &Tree, reach: Reach) -> Vec<qorgau_app::accounts::GrantInput> {
    use qorgau_app::accounts::GrantInput;
    let far = match reach {
        Reach::Above => GrantInput {
            role: Role::Administrator,
            unit_id: tree.root,
        },
        Reach::Beside => GrantInput {
            role: Role::Commander,
            unit_id: tree.b,
        },
    };
    vec![
        GrantInput {
            role: Role::Inspector,
            unit_id: tree.a1,
        },
        far,
    ]
}

/// A user homed in A1 with the grants of `reach`.
async fn user_reaching(app: &App, tree: &Tree, username: &str, reach: Reach) -> i64 {
    let (user, _) = app
        .create_user(
            qorgau_app::Acting::Operator,
            qorgau_app::accounts::NewUserInput {
                username: username.to_owned(),
                display_name: format!("Test {username}"),
                home_unit_id: tree.a1,
                grants: reaching_grants(tree, reach),
            },
        )
        .await
        .expect("user");
    user.id
}

async fn fixture(app: &App) -> Fixture {
    let tree = tree(app).await;
    let mut tokens = HashMap::new();
    for &role in Role::ALL {
        tokens.insert(
            (role, Seat::A),
            user_with_token(app, &format!("{role}.a"), role, tree.a).await,
        );
        tokens.insert(
            (role, Seat::Root),
            user_with_token(app, &format!("{role}.root"), role, tree.root).await,
        );
    }
    let (user_inside, _) = user_with_token(app, "target.inside", Role::Inspector, tree.a1).await;
    let (user_outside, _) = user_with_token(app, "target.outside", Role::Inspector, tree.b).await;
    let user_above = user_reaching(app, &tree, "target.above", Reach::Above).await;
    let user_beside = user_reaching(app, &tree, "target.beside", Reach::Beside).await;
    let (other, _) = app
        .create_token_for("target.outside", "someone else's")
        .await
        .expect("token");
    let citizen_inside = citizen_in(app, tree.a1, 10).await;
    let citizen_outside = citizen_in(app, tree.b, 20).await;
    let (plan_inside, _) = plan_in(app, tree.a1, 2050, false).await;
    let (plan_outside, _) = plan_in(app, tree.b, 2050, false).await;
    let (act_inside, _) = act_in(app, tree.a1, "2026-01-10").await;
    let (act_outside, _) = act_in(app, tree.b, "2026-01-10").await;
    let organisations = app
        .import_organisations(
            qorgau_app::Acting::Operator,
            "code,name,foreign,activities,trunk_lines_run_by_foreigners,control_centre_abroad\n\
             MATRIX-M,Matrix media,no,media_owner,no,no\nMATRIX-F,Matrix foreign,yes,,no,no\n",
        )
        .await
        .expect("organisations");
    assert_eq!(organisations.imported, 2);
    Fixture {
        plan_inside,
        plan_outside,
        act_inside,
        act_outside,
        tree,
        tokens,
        user_inside,
        user_outside,
        user_above,
        user_beside,
        other_token_id: other.id,
        citizen_inside,
        citizen_outside,
    }
}

/// What the access rules say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Ok(StatusCode),
    Forbidden,
    NotFound,
    Unauthorized,
}

fn expected(route: &str, role: Role, inside: bool) -> Expect {
    use Expect::*;
    let admin = role == Role::Administrator;
    let reads_users = matches!(role, Role::Administrator | Role::Auditor);
    let when = |allowed: bool, status: StatusCode| if allowed { Ok(status) } else { Forbidden };
    let reads_conscription = matches!(
        role,
        Role::RegistrationOfficer | Role::Commander | Role::Auditor
    );
    let registers = role == Role::RegistrationOfficer;
    let reads_safety = matches!(
        role,
        Role::Commander | Role::SafetyOfficer | Role::Inspector | Role::Analyst | Role::Auditor
    );
    let writes_safety = matches!(
        role,
        Role::Commander | Role::SafetyOfficer | Role::Inspector
    );
    let approves = role == Role::Commander;
    let concludes = matches!(role, Role::Commander | Role::SafetyOfficer | Role::Analyst);
    let reads_security = matches!(
        role,
        Role::CouncilSecretariat | Role::Analyst | Role::Auditor
    );
    let writes_security = matches!(role, Role::CouncilSecretariat | Role::Analyst);
    let runs_council = role == Role::CouncilSecretariat;
    match route {
        // National-security monitoring and the Council belong to the root of the tree: the
        // role must be held there ("inside" is a grant on the root, "outside" one on A).
        "GET /api/v1/security/bodies"
        | "GET /api/v1/security/bodies/{number}"
        | "GET /api/v1/security/threats"
        | "GET /api/v1/security/threats/{key}"
        | "GET /api/v1/security/measures"
        | "GET /api/v1/security/measures/{id}"
        | "GET /api/v1/security/strategy"
        | "GET /api/v1/council/meetings"
        | "GET /api/v1/council/meetings/{id}"
        | "GET /api/v1/council/decisions"
        | "GET /api/v1/council/decisions/{id}" => when(reads_security && inside, StatusCode::OK),
        "POST /api/v1/security/commissions"
        | "POST /api/v1/security/assessments"
        | "POST /api/v1/security/measures"
        | "POST /api/v1/security/measures/{id}/reports"
        | "POST /api/v1/security/documents"
        | "POST /api/v1/security/indicators"
        | "POST /api/v1/security/indicators/{id}/values"
        | "POST /api/v1/council/decisions/{id}/reports" => {
            when(writes_security && inside, StatusCode::CREATED)
        }
        "POST /api/v1/security/commissions/{id}/members" => {
            when(writes_security && inside, StatusCode::OK)
        }
        "POST /api/v1/council/meetings"
        | "POST /api/v1/council/meetings/{id}/agenda"
        | "POST /api/v1/council/meetings/{id}/decisions" => {
            when(runs_council && inside, StatusCode::CREATED)
        }
        "POST /api/v1/council/reports/{id}/review" => when(runs_council && inside, StatusCode::OK),
        // The shareholder graph is national too: the role must be held on the root.
        "POST /api/v1/security/organisations/import" | "POST /api/v1/security/holdings/import" => {
            when(writes_security && inside, StatusCode::OK)
        }
        "GET /api/v1/security/organisations/{code}/screening"
        | "GET /api/v1/security/screening" => when(reads_security && inside, StatusCode::OK),
        // An addition to a reference list by a later act is a national record; reading the
        // lists is reading the law (below).
        "POST /api/v1/security/reference/additions" => {
            when(writes_security && inside, StatusCode::CREATED)
        }
        "GET /api/v1/safety/structure"
        | "GET /api/v1/safety/units/{id}/strength"
        | "GET /api/v1/safety/plans"
        | "GET /api/v1/safety/plans/{id}"
        | "GET /api/v1/safety/plans/{id}/compare"
        | "GET /api/v1/safety/trainings"
        | "GET /api/v1/safety/exercise-reminders"
        | "GET /api/v1/safety/acts"
        | "GET /api/v1/safety/acts/{id}"
        | "GET /api/v1/safety/overdue-violations"
        | "GET /api/v1/safety/coverage"
        | "GET /api/v1/safety/incidents"
        | "GET /api/v1/safety/analysis"
        | "GET /api/v1/safety/analysis-schedule" => when(reads_safety && inside, StatusCode::OK),
        "POST /api/v1/safety/structure/import" => when(admin && inside, StatusCode::OK),
        "POST /api/v1/safety/strength/import"
        | "PUT /api/v1/safety/plans/{id}"
        | "POST /api/v1/safety/plans/{id}/revise"
        | "POST /api/v1/safety/plan-activities/{id}/complete"
        | "POST /api/v1/safety/acts/{id}/acknowledge"
        | "POST /api/v1/safety/violations/{id}/eliminate"
        | "POST /api/v1/safety/incidents/import" => when(writes_safety && inside, StatusCode::OK),
        "POST /api/v1/safety/plans"
        | "POST /api/v1/safety/trainings"
        | "POST /api/v1/safety/acts"
        | "POST /api/v1/safety/incidents" => when(writes_safety && inside, StatusCode::CREATED),
        "DELETE /api/v1/safety/acts/{id}" => when(writes_safety && inside, StatusCode::NO_CONTENT),
        // Purging is scoped by the caller's grants: it runs for every writer.
        "POST /api/v1/safety/acts/purge-expired" => when(writes_safety, StatusCode::OK),
        "POST /api/v1/safety/plans/{id}/approve" => when(approves && inside, StatusCode::OK),
        "POST /api/v1/safety/analysis" => when(concludes && inside, StatusCode::OK),
        "GET /api/v1/me"
        | "GET /api/v1/me/tokens"
        | "GET /api/v1/org/units"
        | "GET /api/v1/rules"
        | "GET /api/v1/rules/{id}"
        | "POST /api/v1/rules/{id}/evaluate"
        | "GET /api/v1/law/acts"
        | "GET /api/v1/law/acts/{act}"
        | "GET /api/v1/law/clauses/{act}/{path}"
        | "GET /api/v1/law/search"
        | "GET /api/v1/law/acts/{act}/akn"
        | "GET /api/v1/security/who"
        | "GET /api/v1/security/reference" => Ok(StatusCode::OK),
        "POST /api/v1/me/tokens" => Ok(StatusCode::CREATED),
        // A wrong current password: everyone may try, nobody succeeds.
        "POST /api/v1/me/password" => Ok(StatusCode::UNPROCESSABLE_ENTITY),
        // Only one's own tokens exist for one.
        "DELETE /api/v1/me/tokens/{id}" => {
            if inside {
                Ok(StatusCode::OK)
            } else {
                NotFound
            }
        }
        "GET /api/v1/users" => when(reads_users, StatusCode::OK),
        "GET /api/v1/users/{id}" => when(reads_users && inside, StatusCode::OK),
        "POST /api/v1/users" | "POST /api/v1/org/units" => {
            when(admin && inside, StatusCode::CREATED)
        }
        "PATCH /api/v1/users/{id}"
        | "PUT /api/v1/users/{id}/grants"
        | "POST /api/v1/users/{id}/password-reset" => when(admin && inside, StatusCode::OK),
        "GET /api/v1/org/units/{id}" => when(inside, StatusCode::OK),
        "GET /api/v1/audit" | "GET /api/v1/audit/verify" => {
            when(reads_users && inside, StatusCode::OK)
        }
        "GET /api/v1/conscription/citizens" | "GET /api/v1/conscription/campaigns" => {
            when(reads_conscription, StatusCode::OK)
        }
        "GET /api/v1/conscription/citizens/{id}"
        | "GET /api/v1/conscription/campaigns/{id}"
        | "GET /api/v1/conscription/campaigns/{id}/referrals"
        | "GET /api/v1/conscription/campaigns/{id}/paper-summonses" => {
            when(reads_conscription && inside, StatusCode::OK)
        }
        "POST /api/v1/conscription/campaigns"
        | "POST /api/v1/conscription/campaigns/{id}/hand-over" => {
            when(registers && inside, StatusCode::CREATED)
        }
        "POST /api/v1/conscription/citizens/import"
        | "POST /api/v1/conscription/campaigns/{id}/plan"
        | "POST /api/v1/conscription/campaigns/{id}/send"
        | "POST /api/v1/conscription/summonses/{id}/facts" => {
            when(registers && inside, StatusCode::OK)
        }
        // Channels sign their calls; a person's credentials are not a signature.
        "POST /api/v1/channels/events" => Unauthorized,
        other => panic!("no expectation for {other}"),
    }
}

/// The seat of the caller and the request for one cell of the matrix.
async fn request(
    app: &App,
    f: &Fixture,
    route: &str,
    role: Role,
    inside: bool,
    serial: usize,
) -> (Option<String>, axum::http::Request<axum::body::Body>) {
    let audit_route = route.starts_with("GET /api/v1/audit");
    let seat = if (audit_route || national(route)) && inside {
        Seat::Root
    } else {
        Seat::A
    };
    let (_, token) = f.tokens[&(role, seat)].clone();
    let unit = if inside { f.tree.a1 } else { f.tree.b };
    let user = if inside {
        f.user_inside
    } else {
        f.user_outside
    };
    let citizen = if inside {
        f.citizen_inside
    } else {
        f.citizen_outside
    };
    let t = Some(token.as_str());
    let (plan, act) = if inside {
        (f.plan_inside, f.act_inside)
    } else {
        (f.plan_outside, f.act_outside)
    };
    let request = match route {
        "GET /api/v1/me" => api("GET", "/api/v1/me", t, None),
        "POST /api/v1/me/password" => api(
            "POST",
            "/api/v1/me/password",
            t,
            Some(json!({"current_password": "not it", "new_password": "whatever long enough"})),
        ),
        "GET /api/v1/me/tokens" => api("GET", "/api/v1/me/tokens", t, None),
        "POST /api/v1/me/tokens" => api(
            "POST",
            "/api/v1/me/tokens",
            t,
            Some(json!({"name": "matrix"})),
        ),
        "DELETE /api/v1/me/tokens/{id}" => {
            let id = if inside {
                let username = format!("{role}.a");
                app.create_token_for(&username, "to revoke")
                    .await
                    .expect("token")
                    .0
                    .id
            } else {
                f.other_token_id
            };
            api("DELETE", &format!("/api/v1/me/tokens/{id}"), t, None)
        }
        "GET /api/v1/users" => api("GET", "/api/v1/users", t, None),
        "POST /api/v1/users" => api(
            "POST",
            "/api/v1/users",
            t,
            Some(
                json!({"username": format!("new.{serial}"), "display_name": "New", "home_unit_id": unit,
                        "grants": [{"role": "analyst", "unit_id": unit}]}),
            ),
        ),
        "GET /api/v1/users/{id}" => api("GET", &format!("/api/v1/users/{user}"), t, None),
        "PATCH /api/v1/users/{id}" => api(
            "PATCH",
            &format!("/api/v1/users/{user}"),
            t,
            Some(json!({"display_name": format!("Renamed {serial}")})),
        ),
        "PUT /api/v1/users/{id}/grants" => api(
            "PUT",
            &format!("/api/v1/users/{user}/grants"),
            t,
            Some(json!({"grants": [{"role": "inspector", "unit_id": unit}]})),
        ),
        "POST /api/v1/users/{id}/password-reset" => api(
            "POST",
            &format!("/api/v1/users/{user}/password-reset"),
            t,
            None,
        ),
        "GET /api/v1/org/units" => api("GET", "/api/v1/org/units", t, None),
        "POST /api/v1/org/units" => api(
            "POST",
            "/api/v1/org/units",
            t,
            Some(
                json!({"parent_id": unit, "name": format!("Unit {serial}"), "kind": "department"}),
            ),
        ),
        "GET /api/v1/org/units/{id}" => api("GET", &format!("/api/v1/org/units/{unit}"), t, None),
        "GET /api/v1/rules" => api("GET", "/api/v1/rules", t, None),
        "GET /api/v1/rules/{id}" => api("GET", "/api/v1/rules/safety.plan_due", t, None),
        "POST /api/v1/rules/{id}/evaluate" => api(
            "POST",
            "/api/v1/rules/safety.plan_due/evaluate",
            t,
            Some(json!({"facts": {"year": 2027}, "as_of": "2026-11-23"})),
        ),
        "GET /api/v1/audit" => api("GET", "/api/v1/audit?limit=5", t, None),
        "GET /api/v1/audit/verify" => api("GET", "/api/v1/audit/verify", t, None),
        "GET /api/v1/law/acts" => api("GET", "/api/v1/law/acts", t, None),
        "GET /api/v1/law/acts/{act}" => api("GET", "/api/v1/law/acts/kz-2012-527-IV", t, None),
        "GET /api/v1/law/clauses/{act}/{path}" => api(
            "GET",
            "/api/v1/law/clauses/kz-2020-mod-738/para_13?as_of=2026-01-01",
            t,
            None,
        ),
        "GET /api/v1/law/search" => api(
            "GET",
            "/api/v1/law/search?q=mobilization&as_of=2026-01-01",
            t,
            None,
        ),
        "GET /api/v1/law/acts/{act}/akn" => {
            api("GET", "/api/v1/law/acts/kz-security-council/akn", t, None)
        }
        "POST /api/v1/conscription/citizens/import" => {
            let mut request = api(
                "POST",
                &format!("/api/v1/conscription/citizens/import?unit_id={unit}"),
                t,
                None,
            );
            *request.body_mut() = axum::body::Body::from(format!(
                "{}\n",
                qorgau_app::conscription::CSV_COLUMNS.join(",")
            ));
            request
        }
        "GET /api/v1/conscription/citizens" => {
            api("GET", "/api/v1/conscription/citizens?q=Matrix", t, None)
        }
        "GET /api/v1/conscription/citizens/{id}" => api(
            "GET",
            &format!("/api/v1/conscription/citizens/{citizen}?as_of=2026-11-23"),
            t,
            None,
        ),
        "GET /api/v1/conscription/campaigns" => {
            api("GET", "/api/v1/conscription/campaigns", t, None)
        }
        "POST /api/v1/conscription/campaigns" => api(
            "POST",
            "/api/v1/conscription/campaigns",
            t,
            Some(
                json!({"unit_id": unit, "title": format!("Campaign {serial}"), "purpose": "evaluation",
                        "appearance_place": "Here", "appearance_at": "2099-01-10T09:00:00+05:00"}),
            ),
        ),
        "GET /api/v1/conscription/campaigns/{id}" => {
            let (campaign, _) = planned_campaign(app, unit, citizen).await;
            api(
                "GET",
                &format!("/api/v1/conscription/campaigns/{campaign}"),
                t,
                None,
            )
        }
        "POST /api/v1/conscription/campaigns/{id}/plan" => {
            let (campaign, _) = planned_campaign(app, unit, citizen).await;
            api(
                "POST",
                &format!("/api/v1/conscription/campaigns/{campaign}/plan"),
                t,
                Some(json!({})),
            )
        }
        "POST /api/v1/conscription/campaigns/{id}/send" => {
            let (campaign, _) = planned_campaign(app, unit, citizen).await;
            api(
                "POST",
                &format!("/api/v1/conscription/campaigns/{campaign}/send"),
                t,
                None,
            )
        }
        "GET /api/v1/conscription/campaigns/{id}/referrals" => {
            let (campaign, _) = planned_campaign(app, unit, citizen).await;
            api(
                "GET",
                &format!("/api/v1/conscription/campaigns/{campaign}/referrals?format=csv"),
                t,
                None,
            )
        }
        "POST /api/v1/conscription/summonses/{id}/facts" => {
            let (_, summons) = planned_campaign(app, unit, citizen).await;
            api(
                "POST",
                &format!("/api/v1/conscription/summonses/{summons}/facts"),
                t,
                // A paper summons signed for today: a fact that may be recorded before the
                // appearance day (an appearance may not).
                Some(json!({
                    "fact": "signed",
                    "at": (chrono::Utc::now() - chrono::Duration::minutes(1)).to_rfc3339(),
                    "delivered_by": "Courier Amanov",
                })),
            )
        }
        "GET /api/v1/conscription/campaigns/{id}/paper-summonses" => {
            let (campaign, _) = planned_campaign(app, unit, citizen).await;
            api(
                "GET",
                &format!("/api/v1/conscription/campaigns/{campaign}/paper-summonses"),
                t,
                None,
            )
        }
        "POST /api/v1/conscription/campaigns/{id}/hand-over" => {
            // An empty campaign, so the citizen has no summons in it yet.
            let campaign = app
                .create_campaign(
                    qorgau_app::Acting::Operator,
                    qorgau_app::conscription::NewCampaign {
                        unit_id: unit,
                        title: "Hand-over".into(),
                        purpose: qorgau_rules::conscription::Purpose::Evaluation,
                        appearance_place: "Here".into(),
                        appearance_at: (chrono::Utc::now() + chrono::Duration::days(10))
                            .fixed_offset(),
                    },
                )
                .await
                .expect("campaign")
                .id;
            let appearance = (chrono::Utc::now() + chrono::Duration::hours(20))
                .with_timezone(&qorgau_rules::almaty())
                .to_rfc3339();
            let tomorrow_or_today = appearance;
            api(
                "POST",
                &format!("/api/v1/conscription/campaigns/{campaign}/hand-over"),
                t,
                Some(json!({"citizen_id": citizen, "appearance_at": tomorrow_or_today})),
            )
        }
        "POST /api/v1/channels/events" => api(
            "POST",
            "/api/v1/channels/events",
            t,
            Some(json!({"events": []})),
        ),
        "GET /api/v1/safety/structure" => api(
            "GET",
            &format!("/api/v1/safety/structure?root_id={unit}"),
            t,
            None,
        ),
        "POST /api/v1/safety/structure/import" => csv(
            "/api/v1/safety/structure/import",
            t,
            format!("key,parent,name,kind\nk,id:{unit},Department {serial},department\n"),
        ),
        "GET /api/v1/safety/units/{id}/strength" => api(
            "GET",
            &format!("/api/v1/safety/units/{unit}/strength"),
            t,
            None,
        ),
        "POST /api/v1/safety/strength/import" => csv(
            "/api/v1/safety/strength/import",
            t,
            format!("unit_id,month,personnel\n{unit},2026-01,{serial}\n"),
        ),
        "GET /api/v1/safety/plans" => api(
            "GET",
            &format!("/api/v1/safety/plans?body_id={unit}&year=2050"),
            t,
            None,
        ),
        "POST /api/v1/safety/plans" => api(
            "POST",
            "/api/v1/safety/plans",
            t,
            Some(
                json!({"unit_id": unit, "year": 2100 + serial, "goals": "G", "tasks": "T",
                "requirements": "R", "activities": [{"item_no": 1, "name": "A", "responsible": "D",
                "monitoring": "C", "term": "2100-01-01", "completion_form": "Report"}]}),
            ),
        ),
        "GET /api/v1/safety/plans/{id}" => {
            api("GET", &format!("/api/v1/safety/plans/{plan}"), t, None)
        }
        "PUT /api/v1/safety/plans/{id}" => api(
            "PUT",
            &format!("/api/v1/safety/plans/{plan}"),
            t,
            Some(
                json!({"goals": "G", "tasks": "T", "requirements": format!("R {serial}"),
                "activities": [{"item_no": 1, "name": "A", "responsible": "D",
                "monitoring": "C", "term": "2050-01-01", "completion_form": "Report"}]}),
            ),
        ),
        "POST /api/v1/safety/plans/{id}/approve" => {
            let (id, _) = plan_in(app, unit, 2100 + serial as i32, false).await;
            api(
                "POST",
                &format!("/api/v1/safety/plans/{id}/approve"),
                t,
                Some(json!({"approver_title": "Colonel"})),
            )
        }
        "POST /api/v1/safety/plans/{id}/revise" => {
            let (id, _) = plan_in(app, unit, 2100 + serial as i32, true).await;
            api(
                "POST",
                &format!("/api/v1/safety/plans/{id}/revise"),
                t,
                Some(json!({"change": "new_equipment_received", "reason": "New vehicles"})),
            )
        }
        "GET /api/v1/safety/plans/{id}/compare" => api(
            "GET",
            &format!("/api/v1/safety/plans/{plan}/compare?from=1&to=1"),
            t,
            None,
        ),
        "POST /api/v1/safety/plan-activities/{id}/complete" => {
            let (_, activity) = plan_in(app, unit, 2100 + serial as i32, true).await;
            api(
                "POST",
                &format!("/api/v1/safety/plan-activities/{activity}/complete"),
                t,
                Some(json!({"completion_mark": "No. 1", "completed_on": "2026-01-15"})),
            )
        }
        "GET /api/v1/safety/trainings" => api(
            "GET",
            &format!("/api/v1/safety/trainings?body_id={unit}"),
            t,
            None,
        ),
        "POST /api/v1/safety/trainings" => api(
            "POST",
            "/api/v1/safety/trainings",
            t,
            Some(
                json!({"unit_id": unit, "kind": "month_campaign", "title": "Month",
                "starts_on": "2026-03-01", "ends_on": "2026-03-31"}),
            ),
        ),
        "GET /api/v1/safety/exercise-reminders" => api(
            "GET",
            &format!("/api/v1/safety/exercise-reminders?body_id={unit}"),
            t,
            None,
        ),
        "GET /api/v1/safety/acts" => api(
            "GET",
            &format!("/api/v1/safety/acts?body_id={unit}"),
            t,
            None,
        ),
        "POST /api/v1/safety/acts" => api(
            "POST",
            "/api/v1/safety/acts",
            t,
            Some(
                json!({"body_id": unit, "unit_id": unit, "grounds": "Plan", "chair": "Chair",
                "members": ["Member"], "period_from": "2026-01-10", "period_to": "2026-01-10",
                "violations": [], "proposals": "", "report_by": "2026-02-10"}),
            ),
        ),
        "POST /api/v1/safety/acts/purge-expired" => {
            api("POST", "/api/v1/safety/acts/purge-expired", t, None)
        }
        "GET /api/v1/safety/acts/{id}" => {
            api("GET", &format!("/api/v1/safety/acts/{act}"), t, None)
        }
        "DELETE /api/v1/safety/acts/{id}" => {
            // Ended long enough ago to be deletable.
            let (id, _) = act_in(app, unit, "2020-01-10").await;
            api("DELETE", &format!("/api/v1/safety/acts/{id}"), t, None)
        }
        "POST /api/v1/safety/acts/{id}/acknowledge" => {
            let (id, _) = act_in(app, unit, "2026-01-10").await;
            api(
                "POST",
                &format!("/api/v1/safety/acts/{id}/acknowledge"),
                t,
                Some(json!({"commander": "Colonel"})),
            )
        }
        "POST /api/v1/safety/violations/{id}/eliminate" => {
            let (_, violation) = act_in(app, unit, "2026-01-10").await;
            api(
                "POST",
                &format!("/api/v1/safety/violations/{violation}/eliminate"),
                t,
                Some(json!({"eliminated_on": "2026-01-20"})),
            )
        }
        "GET /api/v1/safety/overdue-violations" => api(
            "GET",
            &format!("/api/v1/safety/overdue-violations?body_id={unit}"),
            t,
            None,
        ),
        "GET /api/v1/safety/coverage" => api(
            "GET",
            &format!("/api/v1/safety/coverage?body_id={unit}&year=2026&quarter=1"),
            t,
            None,
        ),
        "GET /api/v1/safety/incidents" => api(
            "GET",
            &format!("/api/v1/safety/incidents?body_id={unit}"),
            t,
            None,
        ),
        "POST /api/v1/safety/incidents" => api(
            "POST",
            "/api/v1/safety/incidents",
            t,
            Some(
                json!({"unit_id": unit, "occurred_on": "2026-01-05", "kind": "injury",
                "in_duty": true, "cause": "fall", "activity": "daily_duty"}),
            ),
        ),
        "POST /api/v1/safety/incidents/import" => csv(
            "/api/v1/safety/incidents/import",
            t,
            format!(
                "unit_id,occurred_on,kind,in_duty,cause,activity,description\n{unit},2026-01-05,wound,yes,fall,daily_duty,\n"
            ),
        ),
        "GET /api/v1/safety/analysis" => api(
            "GET",
            &format!("/api/v1/safety/analysis?body_id={unit}&kind=year&year=2026"),
            t,
            None,
        ),
        "POST /api/v1/safety/analysis" => api(
            "POST",
            "/api/v1/safety/analysis",
            t,
            Some(
                json!({"body_id": unit, "kind": "quarter", "year": 2026, "number": 1,
                "conclusions": "C", "measures": "M"}),
            ),
        ),
        "GET /api/v1/safety/analysis-schedule" => api(
            "GET",
            &format!("/api/v1/safety/analysis-schedule?body_id={unit}"),
            t,
            None,
        ),
        "GET /api/v1/security/who" => {
            api("GET", "/api/v1/security/who?q=physical%20training", t, None)
        }
        "GET /api/v1/security/reference" => api("GET", "/api/v1/security/reference", t, None),
        "POST /api/v1/security/organisations/import" => csv(
            "/api/v1/security/organisations/import",
            t,
            format!(
                "code,name,foreign,activities,trunk_lines_run_by_foreigners,control_centre_abroad\nORG-{serial},Org {serial},no,media_owner,no,no\n"
            ),
        ),
        "POST /api/v1/security/holdings/import" => csv(
            "/api/v1/security/holdings/import",
            t,
            "owner,owned,share\nMATRIX-F,MATRIX-M,1\n".to_owned(),
        ),
        "GET /api/v1/security/organisations/{code}/screening" => api(
            "GET",
            "/api/v1/security/organisations/MATRIX-M/screening",
            t,
            None,
        ),
        "GET /api/v1/security/screening" => api("GET", "/api/v1/security/screening", t, None),
        "POST /api/v1/security/reference/additions" => api(
            "POST",
            "/api/v1/security/reference/additions",
            t,
            Some(
                json!({"list": "main_threats", "text": format!("Threat {serial}"),
                "added_by_act": "Law of 1 March 2027 No. 1-IX", "effective_from": "2027-03-11"}),
            ),
        ),
        "GET /api/v1/security/bodies" => api("GET", "/api/v1/security/bodies", t, None),
        "GET /api/v1/security/bodies/{number}" => api("GET", "/api/v1/security/bodies/6", t, None),
        "POST /api/v1/security/commissions" => api(
            "POST",
            "/api/v1/security/commissions",
            t,
            Some(
                json!({"area": "military", "name": format!("Commission {serial}"), "members": [5]}),
            ),
        ),
        "POST /api/v1/security/commissions/{id}/members" => {
            let id = security_records(app).await.commission;
            api(
                "POST",
                &format!("/api/v1/security/commissions/{id}/members"),
                t,
                Some(json!({"body": 7})),
            )
        }
        "GET /api/v1/security/threats" => {
            api("GET", "/api/v1/security/threats?area=military", t, None)
        }
        "GET /api/v1/security/threats/{key}" => api("GET", "/api/v1/security/threats/14", t, None),
        "POST /api/v1/security/assessments" => api(
            "POST",
            "/api/v1/security/assessments",
            t,
            Some(
                json!({"threat": "14", "area": "military", "assessed_on": "2026-01-10",
                "likelihood": 2, "impact": 4, "trend": "stable", "narrative": "Calm."}),
            ),
        ),
        "GET /api/v1/security/measures" => api("GET", "/api/v1/security/measures", t, None),
        "POST /api/v1/security/measures" => api(
            "POST",
            "/api/v1/security/measures",
            t,
            Some(json!({"title": format!("Measure {serial}"), "kind": 3,
                "deadline": "2027-01-01", "bodies": [6], "threats": ["14"]})),
        ),
        "GET /api/v1/security/measures/{id}" => {
            let id = security_records(app).await.measure;
            api("GET", &format!("/api/v1/security/measures/{id}"), t, None)
        }
        "POST /api/v1/security/measures/{id}/reports" => {
            let id = security_records(app).await.measure;
            api(
                "POST",
                &format!("/api/v1/security/measures/{id}/reports"),
                t,
                Some(
                    json!({"reported_on": "2026-01-10", "text": "Under way", "status": "in_progress"}),
                ),
            )
        }
        "GET /api/v1/security/strategy" => api("GET", "/api/v1/security/strategy", t, None),
        "POST /api/v1/security/documents" => api(
            "POST",
            "/api/v1/security/documents",
            t,
            Some(json!({"title": format!("Strategy {serial}"), "adopted_on": "2025-01-01"})),
        ),
        "POST /api/v1/security/indicators" => {
            let document = security_records(app).await.document;
            api(
                "POST",
                "/api/v1/security/indicators",
                t,
                Some(
                    json!({"document_id": document, "name": "Share", "unit": "%",
                    "baseline": 10, "baseline_on": "2025-01-01", "target": 20,
                    "deadline": "2028-01-01"}),
                ),
            )
        }
        "POST /api/v1/security/indicators/{id}/values" => {
            let id = security_records(app).await.indicator;
            api(
                "POST",
                &format!("/api/v1/security/indicators/{id}/values"),
                t,
                Some(json!({"measured_on": "2026-01-10", "value": 12})),
            )
        }
        "GET /api/v1/council/meetings" => api("GET", "/api/v1/council/meetings", t, None),
        "POST /api/v1/council/meetings" => api(
            "POST",
            "/api/v1/council/meetings",
            t,
            Some(json!({"held_on": "2026-01-01", "title": format!("Meeting {serial}")})),
        ),
        "GET /api/v1/council/meetings/{id}" => {
            let id = security_records(app).await.meeting;
            api("GET", &format!("/api/v1/council/meetings/{id}"), t, None)
        }
        "POST /api/v1/council/meetings/{id}/agenda" => {
            let id = security_records(app).await.meeting;
            api(
                "POST",
                &format!("/api/v1/council/meetings/{id}/agenda"),
                t,
                Some(json!({"kind": "head_hearing", "title": "Hearing", "body": 6})),
            )
        }
        "POST /api/v1/council/meetings/{id}/decisions" => {
            let id = security_records(app).await.meeting;
            api(
                "POST",
                &format!("/api/v1/council/meetings/{id}/decisions"),
                t,
                Some(json!({"kind": "decision", "text": "Do it", "body": 6,
                    "deadline": "2026-06-30"})),
            )
        }
        "GET /api/v1/council/decisions" => {
            api("GET", "/api/v1/council/decisions?status=overdue", t, None)
        }
        "GET /api/v1/council/decisions/{id}" => {
            let id = security_records(app).await.decision;
            api("GET", &format!("/api/v1/council/decisions/{id}"), t, None)
        }
        "POST /api/v1/council/decisions/{id}/reports" => {
            let id = security_records(app).await.decision;
            api(
                "POST",
                &format!("/api/v1/council/decisions/{id}/reports"),
                t,
                Some(json!({"reported_on": "2026-01-10", "text": "Done"})),
            )
        }
        "POST /api/v1/council/reports/{id}/review" => {
            let id = security_records(app).await.report;
            api(
                "POST",
                &format!("/api/v1/council/reports/{id}/review"),
                t,
                Some(json!({"review": "accepted"})),
            )
        }
        other => panic!("no request for {other}"),
    };
    (Some(token), request)
}

/// Fresh national-security records for one cell, so that a write that may happen only once (a
/// member added, a value on a day, a report under review) succeeds for every allowed caller.
struct SecurityRecords {
    commission: i64,
    measure: i64,
    document: i64,
    indicator: i64,
    meeting: i64,
    decision: i64,
    report: i64,
}

async fn security_records(app: &App) -> SecurityRecords {
    use qorgau_app::security::council::{NewDecision, NewExecutionReport, NewMeeting};
    use qorgau_app::security::monitoring::{NewCommission, NewDocument, NewIndicator, NewMeasure};
    let op = qorgau_app::Acting::Operator;
    let day = |d: &str| d.parse::<chrono::NaiveDate>().unwrap();
    let commission = app
        .create_commission(
            op,
            NewCommission {
                area: qorgau_rules::security::vocabulary::Area::Military,
                name: "Matrix commission".into(),
                members: vec![5],
            },
        )
        .await
        .unwrap();
    let measure = app
        .create_measure(
            op,
            NewMeasure {
                title: "Matrix measure".into(),
                kind: 1,
                description: String::new(),
                deadline: day("2027-01-01"),
                threats: vec![],
                bodies: vec![6],
            },
        )
        .await
        .unwrap();
    let document = app
        .create_document(
            op,
            NewDocument {
                title: "Matrix strategy".into(),
                adopted_on: day("2025-01-01"),
                reference: String::new(),
            },
        )
        .await
        .unwrap();
    let indicator = app
        .create_indicator(
            op,
            NewIndicator {
                document_id: document,
                name: "Share".into(),
                unit: "%".into(),
                baseline: 1.0,
                baseline_on: day("2025-01-01"),
                target: 2.0,
                deadline: day("2028-01-01"),
            },
        )
        .await
        .unwrap();
    let meeting = app
        .create_meeting(
            op,
            NewMeeting {
                held_on: day("2026-01-01"),
                title: "Matrix meeting".into(),
            },
        )
        .await
        .unwrap();
    let decision = |deadline: &str| NewDecision {
        kind: qorgau_rules::security::vocabulary::DecisionKind::Decision,
        text: "Matrix decision".into(),
        body: 6,
        deadline: day(deadline),
        agenda_item_id: None,
    };
    let open = app
        .create_decision(op, meeting, decision("2026-06-30"))
        .await
        .unwrap();
    let reported = app
        .create_decision(op, meeting, decision("2026-06-30"))
        .await
        .unwrap();
    let report = app
        .report_execution(
            op,
            reported,
            NewExecutionReport {
                reported_on: day("2026-01-05"),
                text: "Reported".into(),
            },
        )
        .await
        .unwrap();
    SecurityRecords {
        commission,
        measure,
        document,
        indicator,
        meeting,
        decision: open,
        report,
    }
}

fn documented_operations() -> BTreeSet<String> {
    let doc = serde_json::to_value(qorgau_web::openapi()).expect("openapi");
    let mut operations = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                operations.insert(format!("{} {path}", method.to_uppercase()));
            }
        }
    }
    operations
}

#[test]
fn the_matrix_covers_every_documented_route() {
    let mut documented = documented_operations();
    assert!(documented.remove("GET /api/v1/openapi.json"));
    let listed: BTreeSet<String> = ROUTES.iter().map(|r| r.to_string()).collect();
    assert_eq!(
        documented, listed,
        "the matrix and the OpenAPI document list different routes"
    );
}

#[test]
fn national_routes_are_refused_outside_the_root() {
    let routes: Vec<&str> = ROUTES.iter().copied().filter(|r| national(r)).collect();
    assert!(routes.len() > 20, "{routes:?}");
    for route in routes {
        for &role in Role::ALL {
            assert_eq!(
                expected(route, role, false),
                Expect::Forbidden,
                "{route} as {role} on A"
            );
        }
        assert!(
            Role::ALL
                .iter()
                .any(|&role| matches!(expected(route, role, true), Expect::Ok(_))),
            "{route}: no role may use it on the root"
        );
    }
}

#[tokio::test]
async fn every_route_every_role_inside_and_outside() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let f = fixture(&app).await;
        let router = router(&app);
        let mut failures = Vec::new();
        let mut serial = 0;
        for route in ROUTES {
            for &role in Role::ALL {
                for inside in [true, false] {
                    serial += 1;
                    let (_, req) = request(&app, &f, route, role, inside, serial).await;
                    let reply = send(&router, req).await;
                    let want = expected(route, role, inside);
                    let ok = match want {
                        Expect::Ok(status) => reply.status == status,
                        Expect::Forbidden => reply.status == StatusCode::FORBIDDEN,
                        Expect::NotFound => reply.status == StatusCode::NOT_FOUND,
                        Expect::Unauthorized => reply.status == StatusCode::UNAUTHORIZED,
                    };
                    if !ok {
                        failures.push(format!(
                            "{label}: {route} as {role} ({}): expected {want:?}, got {} {}",
                            if inside { "inside" } else { "outside" },
                            reply.status,
                            reply.text()
                        ));
                    } else if reply.status.is_client_error() {
                        assert_eq!(reply.content_type(), "application/problem+json", "{route}");
                    }
                }
            }
            // Without credentials, every route asks for them.
            let (_, mut req) = request(&app, &f, route, Role::Auditor, true, serial).await;
            req.headers_mut().remove(axum::http::header::AUTHORIZATION);
            let reply = send(&router, req).await;
            if reply.status != StatusCode::UNAUTHORIZED {
                failures.push(format!(
                    "{label}: {route} anonymous: expected 401, got {}",
                    reply.status
                ));
            }
        }
        acting_on_users_beyond_the_caller(&f, &router, label, &mut serial, &mut failures).await;
        assert!(
            failures.is_empty(),
            "{} cells disagree:\n{}",
            failures.len(),
            failures.join("\n")
        );
        // The users list shows only what lies in the reader's scope.
        let (_, token) = f.tokens[&(Role::Administrator, Seat::A)].clone();
        let listed = send(&router, api("GET", "/api/v1/users", Some(&token), None))
            .await
            .json();
        let ids: Vec<i64> = listed
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["id"].as_i64().unwrap())
            .collect();
        assert!(ids.contains(&f.user_inside), "{label}");
        assert!(!ids.contains(&f.user_outside), "{label}");
        app.store().close().await;
    }
}

/// The rows of the users whose grants reach beyond their home: every role on A and on the root
/// x every route acting on a user x a user reaching above or beside A. An administrator of A
/// covers the user's home (A1) but not all the user holds, so only an administrator of the root
/// may act on them; every other role is refused as ever.
async fn acting_on_users_beyond_the_caller(
    f: &Fixture,
    router: &axum::Router,
    label: &str,
    serial: &mut usize,
    failures: &mut Vec<String>,
) {
    for route in ACTING_ON_USERS {
        for &role in Role::ALL {
            for reach in [Reach::Above, Reach::Beside] {
                for seat in [Seat::A, Seat::Root] {
                    *serial += 1;
                    let want = match (seat, role) {
                        (Seat::Root, Role::Administrator) if *route == "POST /api/v1/users" => {
                            StatusCode::CREATED
                        }
                        (Seat::Root, Role::Administrator) => StatusCode::OK,
                        _ => StatusCode::FORBIDDEN,
                    };
                    let (_, token) = f.tokens[&(role, seat)].clone();
                    let request = reaching_request(f, route, reach, &token, *serial);
                    let reply = send(router, request).await;
                    if reply.status != want {
                        failures.push(format!(
                            "{label}: {route} as {role} on {seat:?}, on a user reaching {reach:?}: \
                             expected {want}, got {} {}",
                            reply.status,
                            reply.text()
                        ));
                    }
                }
            }
        }
    }
}

/// The request of one row of [`acting_on_users_beyond_the_caller`].
fn reaching_request(
    f: &Fixture,
    route: &str,
    reach: Reach,
    token: &str,
    serial: usize,
) -> axum::http::Request<axum::body::Body> {
    let t = Some(token);
    let user = match reach {
        Reach::Above => f.user_above,
        Reach::Beside => f.user_beside,
    };
    let grants: Vec<serde_json::Value> = reaching_grants(&f.tree, reach)
        .iter()
        .map(|g| json!({"role": g.role, "unit_id": g.unit_id}))
        .collect();
    match route {
        // A new user homed inside A, given a role above or beside A.
        "POST /api/v1/users" => api(
            "POST",
            "/api/v1/users",
            t,
            Some(
                json!({"username": format!("reach.{serial}"), "display_name": "New",
                "home_unit_id": f.tree.a1, "grants": grants}),
            ),
        ),
        "PATCH /api/v1/users/{id}" => api(
            "PATCH",
            &format!("/api/v1/users/{user}"),
            t,
            Some(json!({"display_name": format!("Renamed {serial}")})),
        ),
        // The grants the user already holds: an allowed caller leaves the user reaching as far,
        // so the later rows still ask about the same reach.
        "PUT /api/v1/users/{id}/grants" => api(
            "PUT",
            &format!("/api/v1/users/{user}/grants"),
            t,
            Some(json!({ "grants": grants })),
        ),
        "POST /api/v1/users/{id}/password-reset" => api(
            "POST",
            &format!("/api/v1/users/{user}/password-reset"),
            t,
            None,
        ),
        other => panic!("no reaching request for {other}"),
    }
}

/// A CSV upload to `path`.
fn csv(path: &str, token: Option<&str>, body: String) -> axum::http::Request<axum::body::Body> {
    let mut request = api("POST", path, token, None);
    request.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("text/csv"),
    );
    *request.body_mut() = axum::body::Body::from(body);
    request
}
