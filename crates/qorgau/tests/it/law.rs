//! Importing more law: parsed with the same parser, kept in the database, readable and
//! searchable at once and after a restart.

use chrono::NaiveDate;
use qorgau_app::{Acting, AppError};
use qorgau_law::{ImportMeta, ImportReport, NodeKind, TextLanguage};

use crate::kit::databases;

const EXCERPT: &str = include_str!("../fixtures/civil_protection_excerpt.txt");

fn meta(id: &str) -> ImportMeta {
    ImportMeta {
        id: id.to_owned(),
        title: "Law \"On Civil Protection\" (excerpt)".to_owned(),
        adopted: NaiveDate::from_ymd_opt(2014, 4, 11),
        in_force_from: NaiveDate::from_ymd_opt(2014, 4, 22).unwrap(),
        source_file: "civil_protection_excerpt.txt".to_owned(),
        language: TextLanguage::English,
    }
}

/// How many units of `kind` an import recognised.
fn recognised(report: &ImportReport, kind: NodeKind) -> usize {
    report
        .counts
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(0, |(_, n)| *n)
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
        let count = |kind| recognised(&report, kind);
        assert_eq!(count(NodeKind::Chapter), 1, "{label}");
        assert_eq!(count(NodeKind::Article), 2, "{label}");
        assert_eq!(count(NodeKind::Paragraph), 3, "{label}");
        assert_eq!(count(NodeKind::Point), 6, "{label}");
        assert!(report.preamble, "{label}");
        assert_eq!(report.dropped.len(), 1, "{label}");
        assert!(
            report.interpretations.iter().any(|i| i
                .render(&qorgau_i18n::Lang::english())
                .contains("paragraph 4 follows paragraph 2")),
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
            matches!(
                before.status,
                qorgau_app::law::ClauseStatus::NotYetInForce { .. }
            ),
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
            .map(|r| r.stored.action.clone())
            .collect();
        assert!(actions.contains(&"law.import".to_owned()), "{label}");
        app.store().close().await;
        restarted.store().close().await;
    }
}

const KAZAKH_SAMPLE: &str = include_str!("../../../../samples/acts/kk.txt");
const RUSSIAN_SAMPLE: &str = include_str!("../../../../samples/acts/ru.txt");

/// Issue 14, item 4: acts written in Kazakh and in Russian, with their own heading words
/// (`2-1-бап.`, `1-тарау.`, `1-қосымша`; `Статья 2-1.`, `Глава 1.`, `Приложение 1`), are read
/// into the same structure and ids as the English ones, searched with their own language's
/// stemmer (a form of a word that the text does not contain finds the clause with another
/// form), read back by clause id, and say their language; after a restart too.
#[tokio::test]
async fn acts_in_kazakh_and_russian_are_imported_searched_and_read_back() {
    let samples = [
        (
            "kz-sample-kk",
            TextLanguage::Kazakh,
            KAZAKH_SAMPLE,
            "2-1-бап.",
            [
                ("қауіпсіздікті", "art_1__para_1__point_2"),
                ("тармақтың", "art_4__para_2"),
                ("билеттің", "art_2-1__para_1__point_1"),
            ],
        ),
        (
            "kz-sample-ru",
            TextLanguage::Russian,
            RUSSIAN_SAMPLE,
            "Статья 2-1.",
            [
                ("безопасностью", "art_1__para_1__point_2"),
                ("пунктом", "art_4__para_2"),
                ("билетом", "art_2-1__para_1__point_1"),
            ],
        ),
    ];
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        for (id, language, text, inserted_heading, queries) in &samples {
            assert!(text.contains(inserted_heading), "{label}: {id}");
            let meta = ImportMeta {
                id: (*id).to_owned(),
                title: format!("Sample act ({})", language.as_str()),
                adopted: None,
                in_force_from: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
                source_file: format!("{}.txt", language.as_str()),
                language: *language,
            };
            let report = app
                .import_act(Acting::Operator, meta, text)
                .await
                .expect(label);
            let count = |kind| recognised(&report, kind);
            assert_eq!(count(NodeKind::Chapter), 2, "{label} {id}: {report:?}");
            assert_eq!(count(NodeKind::Article), 5, "{label} {id}: {report:?}");
            assert_eq!(count(NodeKind::Paragraph), 12, "{label} {id}: {report:?}");
            assert_eq!(count(NodeKind::Point), 12, "{label} {id}: {report:?}");
            assert_eq!(count(NodeKind::Appendix), 1, "{label} {id}: {report:?}");
            assert!(report.preamble, "{label} {id}");
            assert!(
                report.interpretations.is_empty(),
                "{label} {id}: {report:?}"
            );
            assert!(report.unplaced.is_empty(), "{label} {id}: {report:?}");

            for (query, clause) in queries {
                assert!(
                    !text.to_lowercase().contains(query),
                    "{label}: {query} must be a form the text does not hold"
                );
                let hits = app
                    .law_search(Acting::Operator, query, None, None, 5)
                    .expect(label);
                let want = format!("{id}/{clause}");
                assert_eq!(
                    hits.first().map(|h| h.id.as_str()),
                    Some(want.as_str()),
                    "{label}: {query}: {hits:?}"
                );
                assert_eq!(hits[0].language, *language, "{label}: {query}");
            }
        }
        // Read back by clause id: the inserted article, its point, the appendix.
        let read = |app: &qorgau_app::App, id: &str| {
            app.law_clause(Acting::Operator, id, NaiveDate::from_ymd_opt(2025, 1, 1))
                .expect(label)
        };
        for app in [&app, &db.app().await] {
            let article = read(app, "kz-sample-kk/art_2-1");
            assert_eq!(article.kind, "article", "{label}");
            assert_eq!(article.language, TextLanguage::Kazakh, "{label}");
            assert_eq!(
                article.heading.as_deref(),
                Some("Әскери есепке алу құжаттары"),
                "{label}"
            );
            let point = read(app, "kz-sample-kk/art_2-1__para_1__point_1");
            assert_eq!(point.text, "әскери билет;", "{label}");
            assert_eq!(
                point.breadcrumbs.len(),
                3,
                "{label}: {:?}",
                point.breadcrumbs
            );
            let appendix = read(app, "kz-sample-ru/app_1");
            assert_eq!(appendix.kind, "appendix", "{label}");
            assert_eq!(appendix.language, TextLanguage::Russian, "{label}");
            assert!(
                appendix
                    .text
                    .starts_with("Форма уведомления о воинском учете"),
                "{label}: {}",
                appendix.text
            );
            let chapter = read(app, "kz-sample-ru/chp_2");
            assert_eq!(chapter.kind, "chapter", "{label}");
            let english = read(app, "kz-2005-29/art_22");
            assert_eq!(english.language, TextLanguage::English, "{label}");
        }
        app.store().close().await;
    }
}

/// "Who is responsible": the decision of `defense.function_holder` over the competence index,
/// with the real holder when it is not the Ministry and an excluded function shown as excluded;
/// and the reference lists with the law's counts.
#[tokio::test]
async fn who_is_responsible_and_the_reference_lists() {
    use qorgau_rules::defense::{Holder, MinistryRole};
    let db = crate::kit::databases().await.remove(0);
    let app = db.app().await;
    let operator = qorgau_app::Acting::Operator;
    let answer = app
        .who(
            operator,
            "who approves the rules of physical training",
            None,
        )
        .await
        .unwrap();
    let outcome = &answer.decision.outcome;
    assert_eq!(outcome.ministry, MinistryRole::Holds);
    assert_eq!(outcome.answers[0].holders, vec![Holder::MinistryOfDefense]);
    assert_eq!(
        outcome.answers[0].clause,
        "kz-2005-29/art_22__para_2__point_26-22"
    );
    let answer = app
        .who(operator, "who coordinates information security", None)
        .await
        .unwrap();
    let outcome = &answer.decision.outcome;
    assert_eq!(
        outcome.ministry,
        MinistryRole::NotItsFunction,
        "the Ministry's closest function is not presented as the answer"
    );
    assert_eq!(
        outcome.answers[0].holders,
        vec![Holder::InformationSecurityBody]
    );
    let date = |d: &str| Some(d.parse().unwrap());
    let before = app
        .who(
            operator,
            "who controls territorial defense",
            date("2025-01-01"),
        )
        .await
        .unwrap();
    assert!(before.decision.outcome.answers[0].in_force);
    let after = app
        .who(
            operator,
            "who controls territorial defense",
            date("2026-01-01"),
        )
        .await
        .unwrap();
    let outcome = &after.decision.outcome;
    assert_eq!(outcome.ministry, MinistryRole::NoLongerHolds);
    assert_eq!(
        outcome.answers[0].clause,
        "kz-2005-29/art_22__para_2__point_15"
    );
    assert!(!outcome.answers[0].in_force);
    assert_eq!(
        outcome.answers[0].lapsed_since,
        Some("2025-07-10".parse().unwrap())
    );
    assert!(matches!(
        app.who(operator, "  ", None).await,
        Err(qorgau_app::AppError::Invalid { .. })
    ));
    let lists = qorgau_app::security::reference_lists();
    let count = |key: &str| {
        lists
            .iter()
            .find(|l| l.key.as_str() == key)
            .unwrap()
            .entries
            .len()
    };
    assert_eq!(count("security_types"), 6);
    assert_eq!(count("national_interests"), 18);
    assert_eq!(count("main_threats"), 19);
    assert_eq!(count("principles"), 10);
    assert_eq!(count("system_functions"), 7);
    assert_eq!(count("public_bodies"), 30);
    assert_eq!(count("council_functions"), 8);
    app.store().close().await;
}
