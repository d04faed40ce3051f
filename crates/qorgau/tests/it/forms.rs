//! Forms that forgive and defaults that are safe (issue 17, item 3): a new person gets no role
//! until one is chosen and starts on the administrator's own unit; removing a role asks first;
//! and what asks or updates runs from the site's own script, since the content security policy
//! refuses inline scripts and inline event handlers.

use std::path::Path;

use axum::http::StatusCode;

use crate::http::{form, get, hidden};
use crate::kit::{databases, router, send, tree};

/// Every page template: no inline script and no inline event handler, which the policy
/// (`default-src 'self'`) would silently refuse to run.
#[test]
fn pages_run_no_inline_script() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/templates");
    let mut faults = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for (at, _) in text.match_indices("<script") {
            let tag = &text[at..text[at..].find('>').map_or(text.len(), |end| at + end)];
            if !tag.contains(" src=") {
                faults.push(format!("{name}: inline script"));
            }
        }
        // An attribute ` onsubmit="`, ` onclick="`, ...: a space, "on", letters, "=".
        for (at, _) in text.match_indices(" on") {
            let rest = &text[at + 3..];
            let letters = rest.len()
                - rest
                    .trim_start_matches(|c: char| c.is_ascii_lowercase())
                    .len();
            if letters > 0 && rest[letters..].starts_with('=') {
                faults.push(format!("{name}: inline handler on{}", &rest[..letters]));
            }
        }
    }
    assert!(faults.is_empty(), "{faults:#?}");
}

#[tokio::test]
async fn a_new_person_has_no_role_until_one_is_chosen() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let t = tree(&app).await;
        let router = router(&app);
        let cookie = crate::hygiene::signed_in(&app, "admin").await;

        let script = send(&router, get("/static/qorgau.js", "")).await;
        assert_eq!(script.status, StatusCode::OK, "{label}");
        assert!(script.content_type().starts_with("text/javascript"));
        assert!(
            script.text().contains("data-confirm") || script.text().contains("dataset.confirm")
        );

        let page = send(&router, get("/admin/users", &cookie)).await;
        let html = page.text();
        // The role starts empty; the unit is the administrator's own.
        assert!(
            html.contains(r#"<select id="new_role" name="role"><option value="">"#),
            "{label}"
        );
        let admin = app.find_user_by_username("admin").await.unwrap();
        let home = admin.home_unit_id;
        assert!(
            html.contains(&format!(r#"<option value="{home}" selected>"#)),
            "{label}: the administrator's unit {home} is not chosen"
        );
        let csrf = hidden(&html, "csrf");
        let body = format!(
            "csrf={csrf}&username=no.role&display_name=No+Role&unit_id={}&role=",
            t.a
        );
        let created = send(&router, form("/admin/users", &cookie, &body)).await;
        assert_eq!(
            created.status,
            StatusCode::CREATED,
            "{label}: {}",
            created.text()
        );
        let person = app.find_user_by_username("no.role").await.unwrap();
        assert!(person.grants.is_empty(), "{label}: {:?}", person.grants);
        assert_eq!(person.home_unit_id, t.a, "{label}");

        // Removing a role asks first.
        let page = send(&router, get(&format!("/admin/users/{}", admin.id), &cookie)).await;
        assert!(
            page.text()
                .contains(r#"/grants/remove" class="inline" data-confirm=""#),
            "{label}"
        );
        app.store().close().await;
    }
}
