//! What the behaviour tests split from the end-to-end stories (accounts, monitoring and the
//! Council, ownership screening) share: the audit checks each of them ends with.

use qorgau_app::{Acting, App};

/// Each of `actions` is among the latest `limit` entries of the audit log.
pub async fn audited(app: &App, label: &str, limit: i64, actions: &[&str]) {
    let logged: Vec<String> = app
        .latest_audit(Acting::Operator, limit)
        .await
        .expect(label)
        .into_iter()
        .map(|row| row.stored.action.clone())
        .collect();
    for action in actions {
        assert!(
            logged.iter().any(|a| a == action),
            "{label}: {action} not audited in {logged:?}"
        );
    }
}

/// The audit chain holds after everything the test wrote; then the database is closed.
pub async fn chain_holds_and_close(app: &App, label: &str) {
    let report = app.verify_audit(Acting::Operator).await.expect(label);
    assert!(report.is_intact(), "{label}: {report:?}");
    app.store().close().await;
}
