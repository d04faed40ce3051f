//! Sign-in that cannot be turned against its users (issue 15, item 4): failed sign-ins make the
//! next attempts wait, per account and per client address, and lock nobody out; an unknown
//! username goes the way of a wrong password; easy passwords are refused with the reason; API
//! tokens lapse, end with a password change or reset at once, and record their last use at
//! most once a minute; sessions end when left idle and their owner can list and end them.

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::{StatusCode, header};
use chrono::{DateTime, Duration, TimeZone, Utc};
use qorgau_app::accounts::{GrantInput, NewUserInput, SignedIn, session_handle};
use qorgau_app::{Acting, App, AppError, Clock, Role};

use crate::http::{form, get, hidden};
use crate::kit::{api, databases, router, send};

/// The password every person of these tests chooses.
const PASSPHRASE: &str = "sign-in passphrase for tests 2026";

fn start() -> Clock {
    Clock::settable(Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap())
}

fn ip(text: &str) -> Option<IpAddr> {
    Some(text.parse().unwrap())
}

/// Creates `username`, an inspector of the root who chose [`PASSPHRASE`]; their id.
async fn person(app: &App, username: &str) -> i64 {
    let root = app.ensure_root("Republic of Kazakhstan").await.unwrap().id;
    let (user, password) = app
        .create_user(
            Acting::Operator,
            NewUserInput {
                username: username.to_owned(),
                display_name: format!("Test {username}"),
                home_unit_id: root,
                grants: vec![GrantInput {
                    role: Role::Inspector,
                    unit_id: root,
                }],
            },
        )
        .await
        .unwrap();
    let signed = app.login(username, &password).await.unwrap();
    app.change_password(&signed.principal, &password, PASSPHRASE)
        .await
        .unwrap();
    user.id
}

fn refused(result: &Result<SignedIn, AppError>) -> bool {
    matches!(result, Err(AppError::BadCredentials))
}

fn waits(result: &Result<SignedIn, AppError>) -> bool {
    matches!(result, Err(AppError::Locked { .. }))
}

/// The end of the wait an attempt was refused for.
fn until_of(result: &Result<SignedIn, AppError>) -> DateTime<Utc> {
    match result {
        Err(AppError::Locked { until }) => {
            qorgau_store::decode::parse_instant(until).expect("a stored instant")
        }
        other => panic!("expected a wait, got {other:?}"),
    }
}

/// After five failures on an account, each further attempt waits 2^(n-5) seconds after the
/// n-th failure, at most fifteen minutes, the right password included; the wait ends by itself
/// and a success starts the count again.
#[tokio::test]
async fn failures_on_an_account_make_its_next_attempt_wait_longer_up_to_fifteen_minutes() {
    for db in databases().await {
        let label = db.label;
        let clock = start();
        let app = db.app_with_clock(clock.clone()).await;
        person(&app, "inspector").await;
        for attempt in 1..=5 {
            let result = app.login("inspector", "wrong guess").await;
            assert!(refused(&result), "{label} attempt {attempt}: {result:?}");
        }
        for n in 5..=16 {
            let wait = until_of(&app.login("inspector", PASSPHRASE).await) - clock.now();
            let expected = Duration::seconds(1 << (n - 5)).min(Duration::minutes(15));
            assert_eq!(wait, expected, "{label}: the wait after failure {n}");
            clock.advance(wait);
            assert!(
                refused(&app.login("inspector", "wrong guess").await),
                "{label}"
            );
        }
        let wait = until_of(&app.login("inspector", PASSPHRASE).await) - clock.now();
        assert_eq!(wait, Duration::minutes(15), "{label}");
        clock.advance(wait);
        app.login("inspector", PASSPHRASE).await.expect(label);
        for _ in 1..=5 {
            assert!(
                refused(&app.login("inspector", "wrong guess").await),
                "{label}"
            );
        }
        assert!(waits(&app.login("inspector", PASSPHRASE).await), "{label}");
        app.store().close().await;
    }
}

/// Anyone may guess at the administrator's account from many addresses for as long as they
/// like: the administrator waits fifteen minutes at most, then signs in, and the account stays
/// enabled.
#[tokio::test]
async fn failures_never_lock_the_administrator_out() {
    for db in databases().await {
        let label = db.label;
        let clock = start();
        let app = db.app_with_clock(clock.clone()).await;
        let admin = app.find_user_by_username("admin").await.unwrap().id;
        let password = app.reset_password(Acting::Operator, admin).await.unwrap();
        let signed = app.login("admin", &password).await.unwrap();
        app.change_password(&signed.principal, &password, PASSPHRASE)
            .await
            .unwrap();
        let mut guesses = 0;
        for round in 0..200 {
            if guesses == 40 {
                break;
            }
            let from = ip(&format!("198.51.100.{}", round % 200 + 1));
            match app
                .login_from("admin", &format!("guess {round}"), from)
                .await
            {
                Err(AppError::BadCredentials) => guesses += 1,
                Err(AppError::Locked { until }) => {
                    let until = qorgau_store::decode::parse_instant(&until).unwrap();
                    assert!(until - clock.now() <= Duration::minutes(15), "{label}");
                    clock.advance(until - clock.now());
                }
                other => panic!("{label}: {other:?}"),
            }
        }
        assert_eq!(guesses, 40, "{label}");
        let office = ip("192.0.2.10");
        let first = app.login_from("admin", PASSPHRASE, office).await;
        if waits(&first) {
            let wait = until_of(&first) - clock.now();
            assert!(wait <= Duration::minutes(15), "{label}: {wait}");
            clock.advance(wait);
        }
        app.login_from("admin", PASSPHRASE, office)
            .await
            .expect(label);
        let view = app.get_user(Acting::Operator, admin).await.unwrap();
        assert!(!view.disabled, "{label}");
        app.store().close().await;
    }
}

/// Failures from elsewhere make an account wait, but never for its owner at the address they
/// last signed in from; one username guessed from one address waits after its five failures
/// even when that address has failed too little to wait as a whole.
#[tokio::test]
async fn guessing_from_elsewhere_never_keeps_the_owner_out() {
    for db in databases().await {
        let label = db.label;
        let clock = start();
        let app = db.app_with_clock(clock.clone()).await;
        person(&app, "inspector").await;
        let office = ip("192.0.2.10");
        app.login_from("inspector", PASSPHRASE, office)
            .await
            .expect(label);
        for i in 0..5 {
            let from = ip(&format!("198.51.100.{}", i + 1));
            let result = app.login_from("inspector", "guess", from).await;
            assert!(refused(&result), "{label} {i}: {result:?}");
        }
        // The account waits for everyone else, the right password included...
        assert!(
            waits(
                &app.login_from("inspector", PASSPHRASE, ip("203.0.113.50"))
                    .await
            ),
            "{label}"
        );
        // ...but its owner comes in from their office at once.
        app.login_from("inspector", PASSPHRASE, office)
            .await
            .expect(label);

        let guesser = ip("198.51.100.99");
        for i in 0..5 {
            let result = app.login_from("someone", "guess", guesser).await;
            assert!(refused(&result), "{label} {i}: {result:?}");
        }
        assert!(
            waits(&app.login_from("someone", "guess", guesser).await),
            "{label}: the username waits from that address"
        );
        // The address as a whole has failed five times only: other names are still tried.
        assert!(
            refused(&app.login_from("someone.else", "guess", guesser).await),
            "{label}"
        );
        app.store().close().await;
    }
}

/// Guesses at the current password from a session left open are slowed down as sign-ins are.
#[tokio::test]
async fn guessing_the_current_password_waits_too() {
    for db in databases().await {
        let label = db.label;
        let app = db.app_with_clock(start()).await;
        person(&app, "inspector").await;
        let signed = app
            .login_from("inspector", PASSPHRASE, ip("192.0.2.10"))
            .await
            .expect(label);
        for i in 0..5 {
            let result = app
                .change_password(&signed.principal, "guess", "another long passphrase 2026")
                .await;
            assert!(
                matches!(result, Err(AppError::Invalid { .. })),
                "{label} {i}: {result:?}"
            );
        }
        let result = app
            .change_password(
                &signed.principal,
                PASSPHRASE,
                "another long passphrase 2026",
            )
            .await;
        assert!(
            matches!(result, Err(AppError::Locked { .. })),
            "{label}: {result:?}"
        );
        app.store().close().await;
    }
}

/// One address failing on many accounts waits after twenty failures, whatever account it tries
/// next; other addresses do not wait, an IPv6 /64 counts as one address, a success forgives
/// only its own failures, and loopback (a reverse proxy on the same host) is not counted.
#[tokio::test]
async fn an_address_failing_on_many_accounts_waits_and_other_addresses_do_not() {
    for db in databases().await {
        let label = db.label;
        let clock = start();
        let app = db.app_with_clock(clock.clone()).await;
        person(&app, "inspector").await;
        let guesser = ip("203.0.113.7");
        for i in 0..20 {
            let result = app.login_from(&format!("name{i}"), "guess", guesser).await;
            assert!(refused(&result), "{label} {i}: {result:?}");
        }
        assert!(
            waits(&app.login_from("inspector", PASSPHRASE, guesser).await),
            "{label}"
        );
        app.login_from("inspector", PASSPHRASE, ip("198.51.100.4"))
            .await
            .expect(label);

        for i in 0..20 {
            let from = ip(&format!("2001:db8:5:6::{:x}", i + 1));
            let result = app.login_from(&format!("v6name{i}"), "guess", from).await;
            assert!(refused(&result), "{label} {i}: {result:?}");
        }
        let same_64 = ip("2001:db8:5:6:ffff::1");
        assert!(
            waits(&app.login_from("inspector", PASSPHRASE, same_64).await),
            "{label}"
        );
        app.login_from("inspector", PASSPHRASE, ip("2001:db8:5:7::1"))
            .await
            .expect(label);

        clock.advance(Duration::seconds(1));
        app.login_from("inspector", PASSPHRASE, guesser)
            .await
            .expect(label);
        // The success forgave its own attempt, not the guesser's failures on other accounts.
        assert!(
            waits(&app.login_from("name0", "guess", guesser).await),
            "{label}: one good account cleared the way for the guesser"
        );

        for i in 0..21 {
            let result = app
                .login_from(&format!("lo{i}"), "guess", ip("127.0.0.1"))
                .await;
            assert!(refused(&result), "{label} {i}: {result:?}");
        }
        app.store().close().await;
    }
}

/// What each of six wrong attempts on `username` gave, and the wait after the fifth.
async fn six_wrong_attempts(
    app: &App,
    clock: &Clock,
    username: &str,
) -> (Vec<&'static str>, Duration) {
    let mut seen = Vec::new();
    let mut wait = Duration::zero();
    for _ in 0..6 {
        let result = app.login(username, "wrong guess").await;
        seen.push(match &result {
            Err(AppError::BadCredentials) => "refused",
            Err(AppError::Locked { .. }) => {
                wait = until_of(&result) - clock.now();
                "waits"
            }
            _ => "other",
        });
    }
    (seen, wait)
}

/// An unknown username takes the path of a wrong password: refused with the same error,
/// counted and slowed down alike (or the wait would tell which names exist), and audited as a
/// failed sign-in, without the name typed.
#[tokio::test]
async fn an_unknown_username_is_refused_counted_and_slowed_like_a_known_one() {
    for db in databases().await {
        let label = db.label;
        let clock = start();
        let app = db.app_with_clock(clock.clone()).await;
        let id = person(&app, "inspector").await;
        let known = six_wrong_attempts(&app, &clock, "inspector").await;
        let unknown = six_wrong_attempts(&app, &clock, "no.such.person").await;
        assert_eq!(
            known.0,
            [
                "refused", "refused", "refused", "refused", "refused", "waits"
            ],
            "{label}"
        );
        assert_eq!(known, unknown, "{label}");
        let log = app.latest_audit(Acting::Operator, 100).await.unwrap();
        let failed = |entity_id: &str| {
            log.iter()
                .filter(|row| {
                    row.stored.action == "user.login_failed" && row.stored.entity_id == entity_id
                })
                .count()
        };
        assert_eq!(failed(&id.to_string()), 5, "{label}");
        assert_eq!(failed("unknown"), 5, "{label}");
        assert!(
            log.iter()
                .all(|row| !format!("{:?}", row.stored).contains("no.such.person")),
            "{label}: the name typed is not recorded"
        );
        app.store().close().await;
    }
}

/// A chosen password must be hard to guess: repeats, sequences, common passwords and the
/// person's own names are refused, each with its reason from the catalogue; the same through
/// the API, where a refusal changes nothing and a good password revokes the caller's tokens.
#[tokio::test]
async fn easy_passwords_are_refused_with_the_reason() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let root = app.ensure_root("Republic of Kazakhstan").await.unwrap().id;
        let (_, password) = app
            .create_user(
                Acting::Operator,
                NewUserInput {
                    username: "a.kairatuly".into(),
                    display_name: "Aidos Kairatuly".into(),
                    home_unit_id: root,
                    // Any role: using one's own account needs one.
                    grants: vec![GrantInput {
                        role: Role::Inspector,
                        unit_id: root,
                    }],
                },
            )
            .await
            .unwrap();
        let signed = app.login("a.kairatuly", &password).await.unwrap();
        let reason = |result: Result<SignedIn, AppError>| match result {
            Err(AppError::Invalid {
                field: "new_password",
                message,
            }) => message.id,
            other => panic!("{label}: {other:?}"),
        };
        let (app_ref, principal, current) = (&app, &signed.principal, password.as_str());
        let change = move |new: &'static str| app_ref.change_password(principal, current, new);
        assert_eq!(
            reason(change("aaaaaaaaaaaa").await),
            "invalid-password-repeats"
        );
        assert_eq!(reason(change("short").await), "invalid-password-short");
        assert_eq!(
            reason(change("I am a.kairatuly here").await),
            "invalid-password-username"
        );
        for easy in [
            "123456789012",
            "password1234",
            "abcdefghijkl",
            "1q2w3e4r5t6y",
            "Kairatuly1990!",
            "aidos kairatuly",
        ] {
            let id = reason(change(easy).await);
            assert!(
                id.starts_with("invalid-password-") && id != "invalid-password-short",
                "{label} {easy}: {id}"
            );
            assert!(qorgau_i18n::has_message(id), "{label}: {id}");
        }

        let (_, token) = app.create_token_for("a.kairatuly", "tests").await.unwrap();
        let router = router(&app);
        let body = |new: &str| {
            Some(serde_json::json!({"current_password": password, "new_password": new}))
        };
        let weak = send(
            &router,
            api(
                "POST",
                "/api/v1/me/password",
                Some(&token),
                body("aaaaaaaaaaaa"),
            ),
        )
        .await;
        assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert_eq!(weak.json()["field"], "new_password", "{label}");
        assert!(
            weak.json()["detail"].as_str().unwrap().contains("repeats"),
            "{label}: {}",
            weak.text()
        );
        let me = send(&router, api("GET", "/api/v1/me", Some(&token), None)).await;
        assert_eq!(
            me.status,
            StatusCode::OK,
            "{label}: a refusal changes nothing"
        );
        let strong = send(
            &router,
            api(
                "POST",
                "/api/v1/me/password",
                Some(&token),
                body(PASSPHRASE),
            ),
        )
        .await;
        assert_eq!(
            strong.status,
            StatusCode::NO_CONTENT,
            "{label}: {}",
            strong.text()
        );
        let me = send(&router, api("GET", "/api/v1/me", Some(&token), None)).await;
        assert_eq!(me.status, StatusCode::UNAUTHORIZED, "{label}");
        app.store().close().await;
    }
}

/// A password change revokes every API token of its user in the same write, and the server
/// stops honouring them at once, even one it had cached a moment before.
#[tokio::test]
async fn a_password_change_revokes_every_token_of_its_user_at_once() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        person(&app, "inspector").await;
        let (_, token) = app.create_token_for("inspector", "reports").await.unwrap();
        let (_, second) = app.create_token_for("inspector", "backup").await.unwrap();
        let router = router(&app);
        let me = send(&router, api("GET", "/api/v1/me", Some(&token), None)).await;
        assert_eq!(me.status, StatusCode::OK, "{label}");
        let signed = app.login("inspector", PASSPHRASE).await.unwrap();
        let renewed = app
            .change_password(
                &signed.principal,
                PASSPHRASE,
                "another sign-in passphrase 2027",
            )
            .await
            .expect(label);
        for secret in [&token, &second] {
            let me = send(&router, api("GET", "/api/v1/me", Some(secret), None)).await;
            assert_eq!(me.status, StatusCode::UNAUTHORIZED, "{label}");
        }
        let listed = app.list_tokens(&renewed.principal).await.unwrap();
        assert_eq!(listed.len(), 2, "{label}");
        assert!(listed.iter().all(|t| t.revoked_at.is_some()), "{label}");
        let log = app.latest_audit(Acting::Operator, 20).await.unwrap();
        let revoked_with_the_change = log.iter().any(|row| {
            let after: serde_json::Value = row
                .stored
                .after_json
                .as_deref()
                .and_then(|text| serde_json::from_str(text).ok())
                .unwrap_or_default();
            row.stored.action == "user.password_change" && after["tokens_revoked"] == 2
        });
        assert!(revoked_with_the_change, "{label}");
        app.store().close().await;
    }
}

/// An administrator's reset revokes the user's tokens too, at once.
#[tokio::test]
async fn an_administrators_reset_revokes_the_users_tokens() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let id = person(&app, "inspector").await;
        let (_, token) = app.create_token_for("inspector", "reports").await.unwrap();
        let router = router(&app);
        let me = send(&router, api("GET", "/api/v1/me", Some(&token), None)).await;
        assert_eq!(me.status, StatusCode::OK, "{label}");
        app.reset_password(Acting::Operator, id).await.expect(label);
        let me = send(&router, api("GET", "/api/v1/me", Some(&token), None)).await;
        assert_eq!(me.status, StatusCode::UNAUTHORIZED, "{label}");
        assert!(
            matches!(
                app.token_principal(&token).await,
                Err(AppError::Unauthenticated)
            ),
            "{label}"
        );
        app.store().close().await;
    }
}

/// A token lapses at its expiry (90 days by default, or as chosen), even while cached; a token
/// made before expiry was recorded lapses 90 days after its creation; a lifetime outside 1 to
/// 365 days is refused.
#[tokio::test]
async fn a_token_lapses_at_its_expiry_even_when_cached() {
    for db in databases().await {
        let label = db.label;
        let clock = start();
        let app = db.app_with_clock(clock.clone()).await;
        person(&app, "inspector").await;
        let (default, long) = app.create_token_for("inspector", "default").await.unwrap();
        assert_eq!(
            default.expires_at,
            clock.now() + Duration::days(90),
            "{label}"
        );
        let (_, short) = app
            .create_token_for_lasting("inspector", "a day", 1)
            .await
            .unwrap();
        let (old, legacy) = app.create_token_for("inspector", "old").await.unwrap();
        {
            let mut conn = app.store().pool().acquire().await.unwrap();
            sqlx::query("UPDATE api_tokens SET expires_at = NULL WHERE id = $1")
                .bind(old.id)
                .execute(&mut *conn)
                .await
                .unwrap();
        }
        for secret in [&long, &short, &legacy] {
            app.token_principal(secret).await.expect(label);
        }
        clock.advance(Duration::days(1) + Duration::seconds(1));
        assert!(app.token_principal(&short).await.is_err(), "{label}");
        app.token_principal(&long).await.expect(label);
        app.token_principal(&legacy).await.expect(label);
        clock.advance(Duration::days(89));
        assert!(app.token_principal(&long).await.is_err(), "{label}");
        assert!(app.token_principal(&legacy).await.is_err(), "{label}");
        let signed = app.login("inspector", PASSPHRASE).await.unwrap();
        let listed = app.list_tokens(&signed.principal).await.unwrap();
        let old_view = listed.iter().find(|t| t.id == old.id).unwrap();
        assert_eq!(
            old_view.expires_at,
            old.created_at + Duration::days(90),
            "{label}"
        );
        for days in [0, -3, 366] {
            let result = app.create_token_for_lasting("inspector", "odd", days).await;
            assert!(
                matches!(result, Err(AppError::Invalid { field: "days", .. })),
                "{label} {days}: {result:?}"
            );
        }
        app.store().close().await;
    }
}

/// A token's last use is shown, and written at most once a minute: a cached token writes
/// nothing, and one read again within the minute keeps the earlier instant.
#[tokio::test]
async fn a_tokens_last_use_is_written_at_most_once_a_minute() {
    for db in databases().await {
        let label = db.label;
        let clock = start();
        let app = db.app_with_clock(clock.clone()).await;
        person(&app, "inspector").await;
        let (view, token) = app.create_token_for("inspector", "reports").await.unwrap();
        let owner = app.login("inspector", PASSPHRASE).await.unwrap().principal;
        let (app_ref, owner_ref, id) = (&app, &owner, view.id);
        let last_used = move || async move {
            app_ref
                .list_tokens(owner_ref)
                .await
                .unwrap()
                .into_iter()
                .find(|t| t.id == id)
                .unwrap()
                .last_used_at
        };
        // Revoking another token empties the cache, so the next use reads the database.
        let forget_cached = move || async move {
            let (other, _) = app_ref.create_token(owner_ref, "other").await.unwrap();
            app_ref.revoke_token(owner_ref, other.id).await.unwrap();
        };
        assert_eq!(last_used().await, None, "{label}");
        let first = clock.now();
        app.token_principal(&token).await.expect(label);
        assert_eq!(last_used().await, Some(first), "{label}");
        clock.advance(Duration::seconds(30));
        forget_cached().await;
        app.token_principal(&token).await.expect(label);
        assert_eq!(last_used().await, Some(first), "{label}");
        clock.advance(Duration::seconds(31));
        forget_cached().await;
        app.token_principal(&token).await.expect(label);
        assert_eq!(last_used().await, Some(clock.now()), "{label}");
        app.store().close().await;
    }
}

/// A session lives while it is used, ends after thirty minutes without a request, and ends
/// twelve hours after sign-in however much it is used; the purge removes the idle ones.
#[tokio::test]
async fn a_session_ends_after_thirty_idle_minutes_and_after_twelve_hours() {
    for db in databases().await {
        let label = db.label;
        let clock = start();
        let app = db.app_with_clock(clock.clone()).await;
        person(&app, "inspector").await;
        let used = app.login("inspector", PASSPHRASE).await.unwrap();
        for step in 0..35 {
            clock.advance(Duration::minutes(20));
            assert!(
                app.session_principal(&used.session_token).await.is_ok(),
                "{label}: step {step}"
            );
        }
        clock.advance(Duration::minutes(20));
        assert!(
            app.session_principal(&used.session_token).await.is_err(),
            "{label}: twelve hours"
        );

        let idle = app.login("inspector", PASSPHRASE).await.unwrap();
        clock.advance(Duration::minutes(29));
        assert!(
            app.session_principal(&idle.session_token).await.is_ok(),
            "{label}"
        );
        clock.advance(Duration::minutes(30) + Duration::seconds(1));
        assert!(
            app.session_principal(&idle.session_token).await.is_err(),
            "{label}: thirty idle minutes"
        );
        assert!(app.purge_expired_sessions().await.unwrap() >= 2, "{label}");
        app.store().close().await;
    }
}

/// The owner lists their sessions (when opened, last seen, from which address) and ends one;
/// the ended one stops at once, the others go on, and nobody ends another's session.
#[tokio::test]
async fn the_owner_lists_their_sessions_and_ends_one() {
    for db in databases().await {
        let label = db.label;
        let clock = start();
        let app = db.app_with_clock(clock.clone()).await;
        person(&app, "inspector").await;
        let here = app
            .login_from("inspector", PASSPHRASE, ip("192.0.2.10"))
            .await
            .unwrap();
        let there = app
            .login_from("inspector", PASSPHRASE, ip("198.51.100.20"))
            .await
            .unwrap();
        let here_id = session_handle(&here.session_token);
        let listed = app
            .list_sessions(&here.principal, Some(&here_id))
            .await
            .unwrap();
        let mine = listed.iter().find(|s| s.id == here_id).expect("listed");
        assert!(mine.current, "{label}");
        assert_eq!(mine.address.as_deref(), Some("192.0.2.10"), "{label}");
        let theirs = listed
            .iter()
            .find(|s| s.address.as_deref() == Some("198.51.100.20"))
            .expect("listed");
        assert!(!theirs.current, "{label}");
        assert_eq!(theirs.created_at, clock.now(), "{label}");

        let other = person(&app, "other.person").await;
        let stranger = app.login("other.person", PASSPHRASE).await.unwrap();
        assert_eq!(stranger.principal.user_id, other, "{label}");
        assert!(
            matches!(
                app.end_session(&stranger.principal, &theirs.id).await,
                Err(AppError::NotFound { .. })
            ),
            "{label}"
        );
        app.end_session(&here.principal, &theirs.id)
            .await
            .expect(label);
        assert!(
            app.session_principal(&there.session_token).await.is_err(),
            "{label}"
        );
        assert!(
            app.session_principal(&here.session_token).await.is_ok(),
            "{label}"
        );
        assert!(
            matches!(
                app.end_session(&here.principal, &theirs.id).await,
                Err(AppError::NotFound { .. })
            ),
            "{label}"
        );
        let log = app.latest_audit(Acting::Operator, 20).await.unwrap();
        assert!(
            log.iter().any(|row| row.stored.action == "user.logout"
                && row
                    .stored
                    .after_json
                    .as_deref()
                    .unwrap_or_default()
                    .contains(&theirs.id)),
            "{label}"
        );

        // The account page lists them, and ends one by its button.
        let router = router(&app);
        let cookie = format!("qorgau_session={}", here.session_token);
        let page = send(&router, get("/account", &cookie)).await;
        assert_eq!(page.status, StatusCode::OK, "{label}");
        let html = page.text();
        assert!(
            html.contains("192.0.2.10") && html.contains("This session"),
            "{label}"
        );
        let another = app
            .login_from("inspector", PASSPHRASE, ip("198.51.100.30"))
            .await
            .unwrap();
        let another_id = session_handle(&another.session_token);
        let page = send(&router, get("/account", &cookie)).await;
        assert!(
            page.text()
                .contains(&format!("/account/sessions/{another_id}/end")),
            "{label}"
        );
        let csrf = hidden(&page.text(), "csrf");
        let ended = send(
            &router,
            form(
                &format!("/account/sessions/{another_id}/end"),
                &cookie,
                &format!("csrf={csrf}"),
            ),
        )
        .await;
        assert_eq!(ended.status, StatusCode::OK, "{label}: {}", ended.text());
        assert!(ended.text().contains("The session was ended."), "{label}");
        assert!(
            app.session_principal(&another.session_token).await.is_err(),
            "{label}"
        );
        app.store().close().await;
    }
}

/// The sign-in page answers an attempt made during a wait with 429 and `Retry-After`, without
/// checking the password, and records the client's address with the session it opens.
#[tokio::test]
async fn the_sign_in_page_answers_a_waiting_attempt_with_429_and_retry_after() {
    let db = databases().await.remove(0);
    let clock = start();
    let app = db.app_with_clock(clock.clone()).await;
    person(&app, "inspector").await;
    let router = router(&app);
    let login = send(&router, get("/login", "")).await;
    let csrf = hidden(&login.text(), "csrf");
    let peer = SocketAddr::from(([203, 0, 113, 9], 40_000));
    let attempt = |password: &str| {
        let mut request = form(
            "/login",
            &format!("qorgau_login_csrf={csrf}"),
            &format!(
                "csrf={csrf}&username=inspector&password={}",
                password.replace(' ', "+")
            ),
        );
        request.extensions_mut().insert(ConnectInfo(peer));
        request
    };
    for _ in 0..5 {
        let wrong = send(&router, attempt("wrong guess")).await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "{}", wrong.text());
    }
    let waiting = send(&router, attempt(PASSPHRASE)).await;
    assert_eq!(waiting.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(waiting.headers[header::RETRY_AFTER], "1");
    assert!(
        waiting.text().contains("Try again in one second"),
        "{}",
        waiting.text()
    );
    clock.advance(Duration::seconds(1));
    let signed_in = send(&router, attempt(PASSPHRASE)).await;
    assert_eq!(
        signed_in.status,
        StatusCode::SEE_OTHER,
        "{}",
        signed_in.text()
    );
    let owner = app.login("inspector", PASSPHRASE).await.unwrap();
    let listed = app.list_sessions(&owner.principal, None).await.unwrap();
    assert!(
        listed
            .iter()
            .any(|s| s.address.as_deref() == Some("203.0.113.9")),
        "{listed:?}"
    );
    app.store().close().await;
}
