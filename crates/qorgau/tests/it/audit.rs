//! The audit chain resists direct edits: the database refuses them, and when someone with the
//! database removes that guard, verification names the first broken link.

use qorgau_app::audit::BreakReason;
use qorgau_app::{Acting, Role};
use qorgau_store::Backend;
use sqlx::Executor;

use crate::kit::{databases, tree, user_with_token};

async fn exec(app: &qorgau_app::App, sql: &str) -> Result<(), sqlx::Error> {
    app.store()
        .pool()
        .execute(sqlx::AssertSqlSafe(sql.to_owned()))
        .await
        .map(|_| ())
}

#[tokio::test]
async fn a_direct_edit_breaks_the_chain_at_that_entry() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let t = tree(&app).await;
        user_with_token(&app, "analyst", Role::Analyst, t.a).await;
        let report = app.verify_audit(Acting::Operator).await.expect(label);
        assert!(report.is_intact(), "{label}: {report:?}");
        assert!(report.entries >= 5, "{label}: {report:?}");

        // The append-only guard refuses edits and deletions.
        assert!(
            exec(&app, "UPDATE audit_log SET actor = 'x' WHERE seq = 3")
                .await
                .is_err(),
            "{label}"
        );
        assert!(
            exec(&app, "DELETE FROM audit_log WHERE seq = 3")
                .await
                .is_err(),
            "{label}"
        );

        // Someone with the database drops the guard and rewrites entry 3.
        match app.store().backend() {
            Backend::Sqlite => exec(&app, "DROP TRIGGER audit_log_no_update")
                .await
                .expect(label),
            Backend::Postgres => exec(&app, "DROP TRIGGER audit_log_no_change ON audit_log")
                .await
                .expect(label),
        }
        exec(
            &app,
            "UPDATE audit_log SET after_json = '{\"forged\":true}' WHERE seq = 3",
        )
        .await
        .expect(label);
        let report = app.verify_audit(Acting::Operator).await.expect(label);
        let found = report.first_break.expect("the edit is found");
        assert_eq!(found.seq, 3, "{label}");
        assert_eq!(found.reason, BreakReason::ContentChanged, "{label}");
        app.store().close().await;
    }
}

#[tokio::test]
async fn removing_the_last_entries_is_found_too() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let t = tree(&app).await;
        user_with_token(&app, "auditor", Role::Auditor, t.root).await;
        let before = app.verify_audit(Acting::Operator).await.expect(label);
        match app.store().backend() {
            Backend::Sqlite => exec(&app, "DROP TRIGGER audit_log_no_delete")
                .await
                .expect(label),
            Backend::Postgres => exec(&app, "DROP TRIGGER audit_log_no_change ON audit_log")
                .await
                .expect(label),
        }
        exec(
            &app,
            &format!("DELETE FROM audit_log WHERE seq = {}", before.entries),
        )
        .await
        .expect(label);
        let report = app.verify_audit(Acting::Operator).await.expect(label);
        let found = report.first_break.expect("the removal is found");
        assert_eq!(found.reason, BreakReason::HeadMismatch, "{label}");
        assert_eq!(found.seq, before.entries, "{label}");
        app.store().close().await;
    }
}
