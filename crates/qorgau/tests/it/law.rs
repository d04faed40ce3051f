//! Importing more law: parsed with the same parser, kept in the database, readable and
//! searchable at once and after a restart.

use chrono::NaiveDate;
use qorgau_app::{Acting, AppError};
use qorgau_law::{ImportMeta, NodeKind};

use crate::kit::databases;

const EXCERPT: &str = include_str!("../fixtures/civil_protection_excerpt.txt");

fn meta(id: &str) -> ImportMeta {
    ImportMeta {
        id: id.to_owned(),
        title: "Law \"On Civil Protection\" (excerpt)".to_owned(),
        adopted: NaiveDate::from_ymd_opt(2014, 4, 11),
        in_force_from: NaiveDate::from_ymd_opt(2014, 4, 22).unwrap(),
        source_file: "civil_protection_excerpt.txt".to_owned(),
    }
}

#[tokio::test]
async fn an_imported_act_is_read_searched_and_kept() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let report = app
            .import_act(Acting::Operator, meta("kz-2014-188-V"), EXCERPT)
            .await
            .expect(label);
        let count = |kind: NodeKind| {
            report
                .counts
                .iter()
                .find(|(k, _)| *k == kind)
                .map_or(0, |(_, n)| *n)
        };
        assert_eq!(count(NodeKind::Chapter), 1, "{label}");
        assert_eq!(count(NodeKind::Article), 2, "{label}");
        assert_eq!(count(NodeKind::Paragraph), 3, "{label}");
        assert_eq!(count(NodeKind::Point), 6, "{label}");
        assert!(report.preamble, "{label}");
        assert_eq!(report.dropped.len(), 1, "{label}");
        assert!(
            report
                .interpretations
                .iter()
                .any(|i| i.contains("paragraph 4 follows paragraph 2")),
            "{label}: {report:?}"
        );
        assert!(
            report
                .unplaced
                .iter()
                .any(|l| l.contains("2) of this paragraph")),
            "{label}: {report:?}"
        );

        let clause = app
            .law_clause(
                Acting::Operator,
                "kz-2014-188-V/art_1__point_2-1",
                NaiveDate::from_ymd_opt(2025, 1, 1),
            )
            .expect(label);
        assert!(clause.text.starts_with("evacuation"), "{label}");
        let before = app
            .law_clause(
                Acting::Operator,
                "kz-2014-188-V/art_1__point_2-1",
                NaiveDate::from_ymd_opt(2014, 1, 1),
            )
            .expect(label);
        assert!(
            matches!(before.status, qorgau_law::Status::NotYetInForce { .. }),
            "{label}"
        );
        let hits = app
            .law_search(
                Acting::Operator,
                "evacuation",
                Some("kz-2014-188-V"),
                None,
                5,
            )
            .expect(label);
        assert_eq!(hits[0].id, "kz-2014-188-V/art_1__point_2-1", "{label}");

        // The same id again, a shipped id, a bad id and a text without structure are refused.
        let again = app
            .import_act(Acting::Operator, meta("kz-2014-188-V"), EXCERPT)
            .await;
        assert!(
            matches!(again, Err(AppError::Conflict(_))),
            "{label}: {again:?}"
        );
        let shipped = app
            .import_act(Acting::Operator, meta("kz-2005-29"), EXCERPT)
            .await;
        assert!(matches!(shipped, Err(AppError::Conflict(_))), "{label}");
        let bad_id = app
            .import_act(Acting::Operator, meta("Law 5"), EXCERPT)
            .await;
        assert!(matches!(bad_id, Err(AppError::Invalid { .. })), "{label}");
        let prose = app
            .import_act(
                Acting::Operator,
                meta("kz-prose"),
                "Just a sentence.\nAnd another.",
            )
            .await;
        assert!(matches!(prose, Err(AppError::Invalid { .. })), "{label}");

        // A restart reads it back from the database; the import is audited.
        let restarted = db.app().await;
        assert!(
            restarted
                .law_acts(Acting::Operator)
                .expect(label)
                .iter()
                .any(|a| a.id == "kz-2014-188-V"),
            "{label}"
        );
        let actions: Vec<String> = restarted
            .latest_audit(Acting::Operator, 50)
            .await
            .expect(label)
            .into_iter()
            .map(|r| r.action)
            .collect();
        assert!(actions.contains(&"law.import".to_owned()), "{label}");
        app.store().close().await;
        restarted.store().close().await;
    }
}
