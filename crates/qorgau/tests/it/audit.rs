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

/// The chain is checked on the stored text, not on its decoded form: an entry edited into
/// something that no longer decodes (an action outside the vocabulary, an instant that is none)
/// is reported as the broken link it is, not as an unreadable log.
#[tokio::test]
async fn an_entry_edited_beyond_decoding_is_still_a_broken_link() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        tree(&app).await;
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
            "UPDATE audit_log SET action = 'user.forged', at = 'yesterday' WHERE seq = 2",
        )
        .await
        .expect(label);
        let report = app.verify_audit(Acting::Operator).await.expect(label);
        let found = report.first_break.expect("the edit is found");
        assert_eq!(found.seq, 2, "{label}");
        assert_eq!(found.reason, BreakReason::ContentChanged, "{label}");
        // The listing still shows the entry, by its stored text.
        let listed = app.latest_audit(Acting::Operator, 1000).await.expect(label);
        let forged = listed
            .iter()
            .find(|e| e.stored.seq == 2)
            .expect("the edited entry is listed");
        assert_eq!(forged.stored.action, "user.forged", "{label}");
        assert_eq!((forged.at, forged.action), (None, None), "{label}");
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

/// The one write path refuses to commit a change it did not authorise or did not audit, and
/// what it wrote is rolled back.
#[tokio::test]
async fn a_write_commits_only_when_authorised_and_audited() {
    use qorgau_app::audit::{AuditAction, Change};
    use qorgau_app::{Permission, Scope};
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let count = |app: qorgau_app::App| async move {
            let mut conn = app.store().pool().acquire().await.unwrap();
            qorgau_store::org::list(&mut conn).await.unwrap().len()
        };
        let before = count(app.clone()).await;
        let insert = "INSERT INTO org_units (name, parent_id, path, kind, created_at) \
                      VALUES ('Unaudited', NULL, '/x/', 'other', '2026-11-29T00:00:00.000000Z')";

        // Written but not audited: refused, and the row is gone.
        let mut w = app
            .write(Acting::Operator, Permission::ManageOrg, Scope::Anywhere)
            .await
            .expect(label);
        let wrote = w.conn().execute(insert).await;
        assert!(wrote.is_ok(), "{label}: {wrote:?}");
        assert!(w.commit().await.is_err(), "{label}");
        assert_eq!(count(app.clone()).await, before, "{label}");

        // Audited but never authorised: refused too.
        let mut w = app
            .write_then_authorize(Acting::Operator)
            .await
            .expect(label);
        w.audit(Change::recorded(
            AuditAction::OrgUnitCreate,
            "org_unit",
            0,
            serde_json::json!({}),
        ))
        .await
        .expect(label);
        assert!(w.commit().await.is_err(), "{label}");

        // Authorised and audited: committed, and the chain still verifies.
        let entries = app
            .verify_audit(Acting::Operator)
            .await
            .expect(label)
            .entries;
        let mut w = app
            .write_then_authorize(Acting::Operator)
            .await
            .expect(label);
        w.authorize(Permission::ManageOrg, Scope::Anywhere)
            .expect(label);
        w.audit(Change::recorded(
            AuditAction::OrgUnitCreate,
            "org_unit",
            0,
            serde_json::json!({}),
        ))
        .await
        .expect(label);
        w.commit().await.expect(label);
        let report = app.verify_audit(Acting::Operator).await.expect(label);
        assert!(report.is_intact(), "{label}: {report:?}");
        assert_eq!(report.entries, entries + 1, "{label}");
    }
}
