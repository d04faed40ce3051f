//! The backend-agnostic story: create, change, read back, sign in and out, on every backend.

use chrono::{TimeZone, Utc};
use qorgau_app::accounts::{GrantInput, NewUserInput, UserUpdate};
use qorgau_app::{Acting, AppError, Clock, Role};

use crate::kit::{databases, tree};

#[tokio::test]
async fn accounts_story_on_every_backend() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let t = tree(&app).await;

        // Create, read back.
        let (user, password) = app
            .create_user(
                Acting::Operator,
                NewUserInput {
                    username: "a.commander".into(),
                    display_name: "Aidos Commander".into(),
                    home_unit_id: t.a1,
                    grants: vec![GrantInput {
                        role: Role::Commander,
                        unit_id: t.a,
                    }],
                },
            )
            .await
            .expect(label);
        assert!(user.must_change_password, "{label}");
        let read = app.get_user(Acting::Operator, user.id).await.expect(label);
        assert_eq!(read.username, "a.commander", "{label}");
        assert_eq!(read.home_unit_name, "Military unit A1", "{label}");
        assert_eq!(read.grants.len(), 1, "{label}");
        assert_eq!(read.grants[0].role, Role::Commander, "{label}");

        // The same username again is a conflict, not a crash.
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

        // Sign in with the one-time password, change it, sign in with the new one.
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
            .change_password(&principal, &password, "a long enough passphrase")
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
        let fresh = app
            .login("a.commander", "a long enough passphrase")
            .await
            .expect(label);

        // Tokens: created, used, revoked.
        let (token_view, secret) = app
            .create_token(&fresh.principal, "reports")
            .await
            .expect(label);
        assert!(secret.starts_with("qrg_"), "{label}");
        assert_eq!(
            app.token_principal(&secret).await.expect(label).user_id,
            user.id,
            "{label}"
        );
        app.revoke_token(&fresh.principal, token_view.id)
            .await
            .expect(label);
        assert!(
            matches!(
                app.token_principal(&secret).await,
                Err(AppError::Unauthenticated)
            ),
            "{label}"
        );

        // Change: re-role and disable. A disabled user's sessions and tokens stop working.
        let (_, secret2) = app
            .create_token(&fresh.principal, "second")
            .await
            .expect(label);
        app.set_grants(
            Acting::Operator,
            user.id,
            vec![GrantInput {
                role: Role::Analyst,
                unit_id: t.b,
            }],
        )
        .await
        .expect(label);
        let reroled = app.get_user(Acting::Operator, user.id).await.expect(label);
        assert_eq!(reroled.grants[0].role, Role::Analyst, "{label}");
        assert_eq!(reroled.grants[0].unit_id, t.b, "{label}");
        app.update_user(
            Acting::Operator,
            user.id,
            UserUpdate {
                display_name: None,
                disabled: Some(true),
            },
        )
        .await
        .expect(label);
        assert!(
            app.session_principal(&fresh.session_token).await.is_err(),
            "{label}"
        );
        assert!(app.token_principal(&secret2).await.is_err(), "{label}");
        assert!(
            matches!(
                app.login("a.commander", "a long enough passphrase").await,
                Err(AppError::Disabled)
            ),
            "{label}"
        );

        // Every change above is in the chain, and the chain holds.
        let report = app.verify_audit(Acting::Operator).await.expect(label);
        assert!(report.is_intact(), "{label}: {report:?}");
        let actions: Vec<String> = app
            .latest_audit(Acting::Operator, 100)
            .await
            .expect(label)
            .into_iter()
            .map(|row| row.action.as_str().to_owned())
            .collect();
        for action in [
            "user.create",
            "user.login",
            "user.password_change",
            "token.create",
            "token.revoke",
            "user.grants",
            "user.disable",
        ] {
            assert!(
                actions.iter().any(|a| a == action),
                "{label}: {action} not audited in {actions:?}"
            );
        }
        app.store().close().await;
    }
}

#[tokio::test]
async fn repeated_failures_lock_the_account_and_the_lock_expires() {
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
        for attempt in 1..=4 {
            let result = app.login("inspector", "wrong").await;
            assert!(
                matches!(result, Err(AppError::BadCredentials)),
                "{label} attempt {attempt}: {result:?}"
            );
        }
        assert!(
            matches!(
                app.login("inspector", "wrong").await,
                Err(AppError::Locked { .. })
            ),
            "{label}"
        );
        // While locked, even the right password is refused.
        assert!(
            matches!(
                app.login("inspector", &password).await,
                Err(AppError::Locked { .. })
            ),
            "{label}"
        );
        clock.advance(chrono::Duration::minutes(14));
        assert!(
            matches!(
                app.login("inspector", &password).await,
                Err(AppError::Locked { .. })
            ),
            "{label}"
        );
        clock.advance(chrono::Duration::minutes(2));
        app.login("inspector", &password).await.expect(label);
        // A success resets the count: four more failures do not lock.
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
