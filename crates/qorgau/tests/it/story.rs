//! Accounts on every backend, one behaviour a test: a user created and read back, a username
//! taken twice, the one-time password and its change, tokens, re-roling and disabling, each change
//! in the audit chain; then the wait after repeated failures, and sessions that expire.

use chrono::{TimeZone, Utc};
use qorgau_app::accounts::{GrantInput, NewUserInput, SignedIn, UserUpdate};
use qorgau_app::{Acting, App, AppError, Clock, Role};

use crate::kit::{Tree, databases, tree};
use crate::stories::{audited, chain_holds_and_close};

/// The password the commander chooses in place of the one-time one.
const PASSPHRASE: &str = "a long enough passphrase";

/// The commander of Regional Command A, at home in military unit A1.
fn commander(t: &Tree) -> NewUserInput {
    NewUserInput {
        username: "a.commander".into(),
        display_name: "Aidos Commander".into(),
        home_unit_id: t.a1,
        grants: vec![GrantInput {
            role: Role::Commander,
            unit_id: t.a,
        }],
    }
}

/// Creates the commander: their id and their one-time password.
async fn create_commander(app: &App, t: &Tree, label: &str) -> (i64, String) {
    let (user, password) = app
        .create_user(Acting::Operator, commander(t))
        .await
        .expect(label);
    (user.id, password)
}

/// Creates the commander, who signs in with the one-time password and changes it to
/// [`PASSPHRASE`]: their id and the session the change opened.
async fn commander_with_own_password(app: &App, t: &Tree, label: &str) -> (i64, SignedIn) {
    let (id, password) = create_commander(app, t, label).await;
    let signed_in = app.login("a.commander", &password).await.expect(label);
    let renewed = app
        .change_password(&signed_in.principal, &password, PASSPHRASE)
        .await
        .expect(label);
    (id, renewed)
}

/// A new user must change their one-time password, and reads back with their home unit and
/// their grant.
#[tokio::test]
async fn a_created_user_reads_back_with_home_unit_and_grant() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let t = tree(&app).await;
        let (user, _) = app
            .create_user(Acting::Operator, commander(&t))
            .await
            .expect(label);
        assert!(user.must_change_password, "{label}");
        let read = app.get_user(Acting::Operator, user.id).await.expect(label);
        assert_eq!(read.username, "a.commander", "{label}");
        assert_eq!(read.home_unit_name, "Military unit A1", "{label}");
        assert_eq!(read.grants.len(), 1, "{label}");
        assert_eq!(read.grants[0].role, Role::Commander, "{label}");
        audited(&app, label, 100, &["user.create"]).await;
        chain_holds_and_close(&app, label).await;
    }
}

/// The same username again is a conflict, not a crash.
#[tokio::test]
async fn a_taken_username_is_a_conflict() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let t = tree(&app).await;
        create_commander(&app, &t, label).await;
        let again = app
            .create_user(
                Acting::Operator,
                NewUserInput {
                    username: "a.commander".into(),
                    display_name: "Someone else".into(),
                    home_unit_id: t.b,
                    grants: vec![],
                },
            )
            .await;
        assert!(
            matches!(again, Err(AppError::Conflict(_))),
            "{label}: {again:?}"
        );
        chain_holds_and_close(&app, label).await;
    }
}

/// The one-time password signs in only to be changed, to a long enough password; the change
/// ends the old session and the one-time password, and the new password signs in.
#[tokio::test]
async fn a_password_change_ends_the_one_time_password_and_its_session() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let t = tree(&app).await;
        let (_, password) = create_commander(&app, &t, label).await;
        let signed_in = app.login("a.commander", &password).await.expect(label);
        assert!(signed_in.principal.must_change_password, "{label}");
        let (principal, csrf) = app
            .session_principal(&signed_in.session_token)
            .await
            .expect(label);
        assert_eq!(csrf, signed_in.csrf_token, "{label}");
        let short = app.change_password(&principal, &password, "short").await;
        assert!(
            matches!(
                short,
                Err(AppError::Invalid {
                    field: "new_password",
                    ..
                })
            ),
            "{label}"
        );
        let renewed = app
            .change_password(&principal, &password, PASSPHRASE)
            .await
            .expect(label);
        assert!(!renewed.principal.must_change_password, "{label}");
        // The old session ended with the password change.
        assert!(
            app.session_principal(&signed_in.session_token)
                .await
                .is_err(),
            "{label}"
        );
        assert!(
            app.login("a.commander", &password).await.is_err(),
            "{label}"
        );
        app.login("a.commander", PASSPHRASE).await.expect(label);
        audited(&app, label, 100, &["user.login", "user.password_change"]).await;
        chain_holds_and_close(&app, label).await;
    }
}

/// A token is created with its secret shown once, authenticates its user, and stops when
/// revoked.
#[tokio::test]
async fn a_revoked_token_no_longer_authenticates() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let t = tree(&app).await;
        let (user_id, session) = commander_with_own_password(&app, &t, label).await;
        let (token_view, secret) = app
            .create_token(&session.principal, "reports")
            .await
            .expect(label);
        assert!(secret.starts_with("qrg_"), "{label}");
        assert_eq!(
            app.token_principal(&secret).await.expect(label).user_id,
            user_id,
            "{label}"
        );
        app.revoke_token(&session.principal, token_view.id)
            .await
            .expect(label);
        assert!(
            matches!(
                app.token_principal(&secret).await,
                Err(AppError::Unauthenticated)
            ),
            "{label}"
        );
        audited(&app, label, 100, &["token.create", "token.revoke"]).await;
        chain_holds_and_close(&app, label).await;
    }
}

/// Re-roling replaces a user's grants: the commander of A becomes an analyst of B.
#[tokio::test]
async fn re_roling_a_user_replaces_their_grants() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let t = tree(&app).await;
        let (user_id, _) = create_commander(&app, &t, label).await;
        app.set_grants(
            Acting::Operator,
            user_id,
            vec![GrantInput {
                role: Role::Analyst,
                unit_id: t.b,
            }],
        )
        .await
        .expect(label);
        let reroled = app.get_user(Acting::Operator, user_id).await.expect(label);
        assert_eq!(reroled.grants[0].role, Role::Analyst, "{label}");
        assert_eq!(reroled.grants[0].unit_id, t.b, "{label}");
        audited(&app, label, 100, &["user.grants"]).await;
        chain_holds_and_close(&app, label).await;
    }
}

/// A disabled user's sessions and tokens stop working, and they cannot sign in.
#[tokio::test]
async fn a_disabled_user_loses_sessions_and_tokens() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let t = tree(&app).await;
        let (user_id, session) = commander_with_own_password(&app, &t, label).await;
        let (_, secret2) = app
            .create_token(&session.principal, "second")
            .await
            .expect(label);
        app.update_user(
            Acting::Operator,
            user_id,
            UserUpdate {
                display_name: None,
                disabled: Some(true),
            },
        )
        .await
        .expect(label);
        assert!(
            app.session_principal(&session.session_token).await.is_err(),
            "{label}"
        );
        assert!(app.token_principal(&secret2).await.is_err(), "{label}");
        assert!(
            matches!(
                app.login("a.commander", PASSPHRASE).await,
                Err(AppError::Disabled)
            ),
            "{label}"
        );
        audited(&app, label, 100, &["user.disable"]).await;
        chain_holds_and_close(&app, label).await;
    }
}

/// Repeated failures make the next attempt wait (even with the right password) instead of
/// locking the account; the wait ends by itself and a success clears the count. The whole of
/// the throttling is in `sign_in`.
#[tokio::test]
async fn repeated_failures_make_the_next_attempt_wait_and_the_wait_ends() {
    for db in databases().await {
        let label = db.label;
        let clock = Clock::settable(Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap());
        let app = db.app_with_clock(clock.clone()).await;
        let t = tree(&app).await;
        let (_, password) = app
            .create_user(
                Acting::Operator,
                NewUserInput {
                    username: "inspector".into(),
                    display_name: "Inspector".into(),
                    home_unit_id: t.a,
                    grants: vec![],
                },
            )
            .await
            .expect(label);
        for attempt in 1..=5 {
            let result = app.login("inspector", "wrong").await;
            assert!(
                matches!(result, Err(AppError::BadCredentials)),
                "{label} attempt {attempt}: {result:?}"
            );
        }
        // Inside the wait even the right password is refused, unchecked.
        assert!(
            matches!(
                app.login("inspector", &password).await,
                Err(AppError::Locked { .. })
            ),
            "{label}"
        );
        clock.advance(chrono::Duration::seconds(1));
        app.login("inspector", &password).await.expect(label);
        // A success resets the count: four more failures make nothing wait.
        for _ in 1..=4 {
            assert!(
                matches!(
                    app.login("inspector", "wrong").await,
                    Err(AppError::BadCredentials)
                ),
                "{label}"
            );
        }
        // An unknown user is refused like a wrong password.
        assert!(
            matches!(
                app.login("nobody", "x").await,
                Err(AppError::BadCredentials)
            ),
            "{label}"
        );
        app.store().close().await;
    }
}

#[tokio::test]
async fn sessions_expire() {
    for db in databases().await {
        let label = db.label;
        let clock = Clock::settable(Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap());
        let app = db.app_with_clock(clock.clone()).await;
        let password = app
            .reset_password(
                Acting::Operator,
                app.find_user_by_username("admin").await.unwrap().id,
            )
            .await
            .expect(label);
        let session = app.login("admin", &password).await.expect(label);
        assert!(
            app.session_principal(&session.session_token).await.is_ok(),
            "{label}"
        );
        clock.advance(chrono::Duration::hours(12) + chrono::Duration::seconds(1));
        assert!(
            app.session_principal(&session.session_token).await.is_err(),
            "{label}"
        );
        app.store().close().await;
    }
}
