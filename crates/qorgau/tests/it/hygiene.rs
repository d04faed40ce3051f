//! Input hygiene (issue 15): the sign-in redirect stays on this site and never fails, exported
//! CSV cells never run as spreadsheet formulas, names refuse control characters, direction
//! marks and excessive length, dates stay in the years of a record, and the security headers
//! are on every answer that needs them.

use axum::http::{StatusCode, header};
use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use qorgau_app::conscription::{NewCampaign, OfficerFact, Selection};
use qorgau_app::{Acting, App, Clock, Role};
use qorgau_rules::almaty;
use qorgau_rules::conscription::{FollowUp, Iin, Purpose, Sex};
use serde_json::json;

use crate::http::{form, get, hidden};
use crate::kit::{Reply, api, databases, router, send, tree, user_with_token};

const PASSPHRASE: &str = "hygiene passphrase for tests 2026";

fn iin(birth: &str, sex: Sex, serial: u16) -> String {
    let birth = birth.parse().unwrap();
    (serial..)
        .find_map(|s| Iin::compose(birth, sex, s))
        .unwrap()
        .to_string()
}

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<FixedOffset> {
    almaty().with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

/// Signs `username` in and changes the one-time password to [`PASSPHRASE`]; the session cookie.
pub(crate) async fn signed_in(app: &App, username: &str) -> String {
    let id = app.find_user_by_username(username).await.unwrap().id;
    let password = app.reset_password(Acting::Operator, id).await.unwrap();
    let signed = app.login(username, &password).await.unwrap();
    let renewed = app
        .change_password(&signed.principal, &password, PASSPHRASE)
        .await
        .unwrap();
    format!("qorgau_session={}", renewed.session_token)
}

fn header_of(reply: &Reply, name: header::HeaderName) -> &str {
    reply
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

#[tokio::test]
async fn the_sign_in_redirect_stays_on_this_site_and_never_fails() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    signed_in(&app, "admin").await;
    let router = router(&app);
    // As written in a link's query or the posted form: percent-encoded once.
    let attacks = [
        "/%09/evil.example",
        "%09/evil.example",
        "/%2509/evil.example",
        "%2F%2Fevil.example",
        "/%5Cevil.example",
        "%5C%5Cevil.example",
        "/%255Cevil.example",
        "https%3A%2F%2Fevil.example",
        "javascript%3Aalert(1)",
        "/%0d%0aSet-Cookie:%20stolen=1",
        "/%0a/evil.example",
        "/%0d/evil.example",
        "/%00",
        "/%2500",
        "/%250d%250a",
        "/%E2%80%AE",
        "",
    ];
    for next in attacks {
        // The form shows "/" as where it goes.
        let page = send(&router, get(&format!("/login?next={next}"), "")).await;
        assert_eq!(page.status, StatusCode::OK, "GET next={next}");
        assert_eq!(hidden(&page.text(), "next"), "/", "GET next={next}");
        let csrf = hidden(&page.text(), "csrf");
        // Signing in goes home.
        let body = format!("csrf={csrf}&username=admin&password={PASSPHRASE}&next={next}");
        let reply = send(
            &router,
            form("/login", &format!("qorgau_login_csrf={csrf}"), &body),
        )
        .await;
        assert_eq!(
            reply.status,
            StatusCode::SEE_OTHER,
            "POST next={next}: {}",
            reply.text()
        );
        assert_eq!(reply.headers[header::LOCATION], "/", "POST next={next}");
    }
    // A path of this site is followed.
    let page = send(&router, get("/login?next=%2Fsafety%2Facts", "")).await;
    let csrf = hidden(&page.text(), "csrf");
    let body = format!("csrf={csrf}&username=admin&password={PASSPHRASE}&next=%2Fsafety%2Facts");
    let reply = send(
        &router,
        form("/login", &format!("qorgau_login_csrf={csrf}"), &body),
    )
    .await;
    assert_eq!(reply.headers[header::LOCATION], "/safety/acts");
    app.store().close().await;
}

#[tokio::test]
async fn names_and_dates_are_checked_on_import_and_exports_never_run_as_formulas() {
    for db in databases().await {
        let label = db.label;
        let clock = Clock::settable(at(2026, 12, 1, 10).with_timezone(&Utc));
        let app = db.app_with_clock(clock.clone()).await;
        let root = app.ensure_root("Republic of Kazakhstan").await.unwrap().id;
        let columns = qorgau_app::conscription::CSV_COLUMNS.join(",");
        let row = |iin: &str, surname: &str, given: &str, patronymic: &str, birth: &str| {
            format!(
                "{iin},{surname},{given},{patronymic},male,{birth},,Astana Respublika 9,,,,no,no,no,none,no,no,no"
            )
        };
        let long = "a".repeat(10_000);
        let rows = [
            // line 2: the name a spreadsheet would run; accepted, it is only text here.
            row(
                &iin("2004-11-30", Sex::Male, 100),
                r#""=HYPERLINK(""https://evil.example/"",""click"")""#,
                "Nurlan",
                "",
                "2004-11-30",
            ),
            // line 3: NUL
            row(
                &iin("2004-11-29", Sex::Male, 200),
                "Akh\0metov",
                "Nurlan",
                "",
                "2004-11-29",
            ),
            // line 4: a right-to-left override
            row(
                &iin("2004-11-28", Sex::Male, 300),
                "Akhmetov",
                "Nur\u{202E}lan",
                "",
                "2004-11-28",
            ),
            // line 5: a first-strong isolate
            row(
                &iin("2004-11-27", Sex::Male, 400),
                "Akhmetov",
                "Nurlan",
                "\u{2067}Serikuly",
                "2004-11-27",
            ),
            // line 6: ten thousand characters
            row(
                &iin("2004-11-26", Sex::Male, 500),
                long.as_str(),
                "Nurlan",
                "",
                "2004-11-26",
            ),
            // line 7, 8: dates outside the years of a record (no IIN can say them, but the
            // date is read first)
            row(
                &iin("2001-01-01", Sex::Male, 700),
                "Old",
                "Date",
                "",
                "0001-01-01",
            ),
            row(
                &iin("2001-01-02", Sex::Male, 800),
                "Far",
                "Date",
                "",
                "9999-12-31",
            ),
            // line 9: born after today
            row(
                &iin("2026-12-05", Sex::Male, 600),
                "Future",
                "Born",
                "",
                "2026-12-05",
            ),
        ];
        let csv = format!("{columns}\n{}\n", rows.join("\n"));
        let summary = app
            .import_citizens(Acting::Operator, root, &csv)
            .await
            .expect(label);
        assert_eq!(summary.imported, 1, "{label}: {summary:?}");
        let got: Vec<(u64, &str)> = summary
            .rejected
            .iter()
            .map(|r| (r.line, r.column.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (3, "surname"),
                (4, "given_name"),
                (5, "patronymic"),
                (6, "surname"),
                (7, "birth_date"),
                (8, "birth_date"),
                (9, "birth_date"),
            ],
            "{label}: {:#?}",
            summary.rejected
        );
        assert!(
            summary.rejected[0].message.contains("control character"),
            "{label}: {}",
            summary.rejected[0].message
        );
        assert!(
            summary.rejected[1].message.contains("direction"),
            "{label}: {}",
            summary.rejected[1].message
        );
        assert!(
            summary.rejected[3].message.contains("200"),
            "{label}: {}",
            summary.rejected[3].message
        );
        assert!(
            summary.rejected[4].message.contains("1900"),
            "{label}: {}",
            summary.rejected[4].message
        );

        // The citizen with the formula for a name refuses a paper summons and is referred.
        let campaign = app
            .create_campaign(
                Acting::Operator,
                NewCampaign {
                    unit_id: root,
                    title: "Hygiene".into(),
                    purpose: Purpose::MedicalExamination,
                    appearance_place: "Astana city defence department".into(),
                    appearance_at: at(2026, 12, 3, 9),
                },
            )
            .await
            .expect(label);
        let plan = app
            .plan_campaign(Acting::Operator, campaign.id, Selection::default())
            .await
            .expect(label);
        assert_eq!(plan.planned, 1, "{label}: {plan:?}");
        app.release_campaign(Acting::Operator, campaign.id)
            .await
            .expect(label);
        let (_, summonses) = app
            .campaign(Acting::Operator, campaign.id, clock.today())
            .await
            .expect(label);
        app.record_summons_fact(
            Acting::Operator,
            summonses[0].summons.id,
            OfficerFact::RefusalNoted {
                at: at(2026, 12, 1, 9),
                delivered_by: "Courier Amanov".into(),
            },
        )
        .await
        .expect(label);
        clock.advance(chrono::Duration::days(4));
        let referrals = app
            .referrals(Acting::Operator, campaign.id, clock.today())
            .await
            .expect(label);
        assert_eq!(referrals.len(), 1, "{label}: {referrals:?}");
        assert_eq!(referrals[0].action, FollowUp::ReferToInternalAffairs);
        assert!(referrals[0].citizen_name.starts_with("=HYPERLINK("));
        let exported = qorgau_app::conscription::referrals_csv(&referrals);
        assert_neutralised(label, &exported);

        // The same file through the API, which nobody may cache.
        let (_, token) =
            user_with_token(&app, "officer.hygiene", Role::RegistrationOfficer, root).await;
        let router = router(&app);
        let reply = send(
            &router,
            api(
                "GET",
                &format!(
                    "/api/v1/conscription/campaigns/{}/referrals?format=csv",
                    campaign.id
                ),
                Some(&token),
                None,
            ),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{label}: {}", reply.text());
        assert!(reply.content_type().starts_with("text/csv"), "{label}");
        assert_eq!(header_of(&reply, header::CACHE_CONTROL), "no-store");
        assert_neutralised(label, &reply.text());
        app.store().close().await;
    }
}

/// The name cell begins with the apostrophe that makes it text; no cell begins with `=`.
fn assert_neutralised(label: &str, csv: &str) {
    assert!(csv.contains("\"'=HYPERLINK("), "{label}: {csv}");
    assert!(!csv.contains("\"=HYPERLINK("), "{label}: {csv}");
    assert!(!csv.contains(",=HYPERLINK("), "{label}: {csv}");
    assert!(
        csv.lines().all(|line| !line.starts_with('=')),
        "{label}: {csv}"
    );
}

#[tokio::test]
async fn names_are_refused_in_forms_and_the_api_and_dates_outside_the_years_of_a_record() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let t = tree(&app).await;
        let router = router(&app);

        // The new-user form refuses a direction mark or a NUL in the name, beside the field.
        let cookie = signed_in(&app, "admin").await;
        let users = send(&router, get("/admin/users", &cookie)).await;
        assert_eq!(users.status, StatusCode::OK, "{label}");
        let csrf = hidden(&users.text(), "csrf");
        for (name, says) in [
            ("Evil%E2%80%AEnimda", "direction"),
            ("Evil%00name", "control character"),
            ("Two%0Alines", "one line"),
        ] {
            let body = format!(
                "csrf={csrf}&username=bad.name&display_name={name}&unit_id={}&role=auditor",
                t.a
            );
            let refused = send(&router, form("/admin/users", &cookie, &body)).await;
            assert_eq!(
                refused.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{label}: {name}: {}",
                refused.text()
            );
            assert!(refused.text().contains(says), "{label}: {name}");
        }
        assert!(
            app.find_user_by_username("bad.name").await.is_err(),
            "{label}"
        );

        // The API refuses the same, and ten thousand characters, naming the field.
        let (_, admin) = user_with_token(&app, "admin.hygiene", Role::Administrator, t.root).await;
        let long = "a".repeat(10_000);
        for name in ["Evil\u{202E}nimda", "Evil\u{0}name", long.as_str()] {
            let reply = send(
                &router,
                api(
                    "POST",
                    "/api/v1/users",
                    Some(&admin),
                    Some(json!({"username": "bad.api", "display_name": name, "home_unit_id": t.a})),
                ),
            )
            .await;
            assert_eq!(
                reply.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{label}: {}",
                reply.text()
            );
            assert_eq!(reply.json()["field"], "display_name", "{label}");
        }

        // Dates outside 1900..=2100 are refused, naming the field.
        let (_, safety) = user_with_token(&app, "safety.hygiene", Role::SafetyOfficer, t.a).await;
        let cases = [
            (
                "/api/v1/safety/trainings",
                json!({"unit_id": t.a, "kind": "month_campaign", "title": "Month of safety",
                    "starts_on": "0001-01-01", "ends_on": "2026-03-31"}),
                "starts_on",
            ),
            (
                "/api/v1/safety/trainings",
                json!({"unit_id": t.a, "kind": "month_campaign", "title": "Month of safety",
                    "starts_on": "2026-03-01", "ends_on": "9999-12-31"}),
                "ends_on",
            ),
            (
                "/api/v1/safety/incidents",
                json!({"unit_id": t.a, "occurred_on": "0001-01-01", "kind": "injury",
                    "in_duty": true, "cause": "fall", "activity": "daily_duty"}),
                "occurred_on",
            ),
        ];
        for (path, body, field) in cases {
            let reply = send(&router, api("POST", path, Some(&safety), Some(body))).await;
            assert_eq!(
                reply.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{label}: {path} {field}: {}",
                reply.text()
            );
            assert_eq!(reply.json()["field"], field, "{label}: {}", reply.text());
        }
        app.store().close().await;
    }
}

#[tokio::test]
async fn security_headers_are_on_pages_the_api_and_signed_in_answers() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    let router = router(&app);

    // A page for anyone: the policies, no HSTS over http, and it may be cached.
    let login = send(&router, get("/login", "")).await;
    assert_eq!(login.status, StatusCode::OK);
    let csp = header_of(&login, header::CONTENT_SECURITY_POLICY);
    for directive in [
        "default-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(directive), "{csp}");
    }
    assert_eq!(header_of(&login, header::REFERRER_POLICY), "no-referrer");
    assert_eq!(header_of(&login, header::X_FRAME_OPTIONS), "DENY");
    assert_eq!(header_of(&login, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert!(
        !login
            .headers
            .contains_key(header::STRICT_TRANSPORT_SECURITY)
    );
    // It sets the sign-in form's cookie, so it is not kept either.
    assert_eq!(header_of(&login, header::CACHE_CONTROL), "no-store");

    // Every API answer, even a refusal to a stranger.
    let stranger = send(&router, api("GET", "/api/v1/me", None, None)).await;
    assert_eq!(stranger.status, StatusCode::UNAUTHORIZED);
    assert_eq!(header_of(&stranger, header::CACHE_CONTROL), "no-store");
    assert_eq!(header_of(&stranger, header::REFERRER_POLICY), "no-referrer");
    let document = send(&router, api("GET", "/api/v1/openapi.json", None, None)).await;
    assert_eq!(header_of(&document, header::CACHE_CONTROL), "no-store");

    // A signed-in page and a bearer call.
    let cookie = signed_in(&app, "admin").await;
    let home = send(&router, get("/", &cookie)).await;
    assert_eq!(home.status, StatusCode::OK);
    assert_eq!(header_of(&home, header::CACHE_CONTROL), "no-store");
    assert!(header_of(&home, header::CONTENT_SECURITY_POLICY).contains("base-uri 'none'"));
    let t = tree(&app).await;
    let (_, token) = user_with_token(&app, "reader.hygiene", Role::Auditor, t.root).await;
    let me = send(&router, api("GET", "/api/v1/me", Some(&token), None)).await;
    assert_eq!(me.status, StatusCode::OK, "{}", me.text());
    assert_eq!(header_of(&me, header::CACHE_CONTROL), "no-store");
    // The stylesheet is the same for everyone and stays cacheable.
    let css = send(&router, get("/static/qorgau.css", &cookie)).await;
    assert!(header_of(&css, header::CACHE_CONTROL).starts_with("public"));

    // Served as https, browsers are told to keep to it.
    let state = crate::kit::state(&app);
    let mut config = state.config.clone();
    config.public_url = "https://qorgau.example".into();
    let https = qorgau_web::router(qorgau_web::AppState::new(
        app.clone(),
        config,
        state.metrics.clone(),
    ));
    for reply in [
        send(&https, get("/login", "")).await,
        send(&https, api("GET", "/api/v1/me", Some(&token), None)).await,
    ] {
        assert_eq!(
            header_of(&reply, header::STRICT_TRANSPORT_SECURITY),
            "max-age=31536000"
        );
    }
    app.store().close().await;
}
