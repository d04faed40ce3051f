//! Ownership screening on both databases: the graph imported from CSV with per-row refusals,
//! one organisation screened through chains and a cycle, every organisation screened at once,
//! and the API and page.

use axum::http::StatusCode;
use qorgau_app::{Acting, Role};
use qorgau_rules::security::vocabulary::ListKind;

use crate::kit::{api, databases, router, send, user_with_token};

const ORGANISATIONS: &str =
    "code,name,foreign,activities,trunk_lines_run_by_foreigners,control_centre_abroad
M,Steppe Media,no,media_owner,no,no
A,Holding A,no,,no,no
B,Holding B,no,,no,no
F1,Foreign Fund One,yes,,no,no
F2,Foreign Fund Two,yes,,no,no
T,Long Line Telecom,no,long_distance_operator,no,no
G,Global Carrier,yes,,no,no
C,Cycle Media,no,media_owner,no,no
X,Cross Holding X,no,,no,no
Y,Cross Holding Y,no,,no,no
N,Network Operator,no,network_operator,no,yes
M,Duplicate,no,,no,no
Q,Bad flag,maybe,,no,no
R,Bad activity,no,bakery,no,no
";

const HOLDINGS: &str = "owner,owned,share
F1,A,30
A,M,50
F2,B,60
B,M,10
G,T,49.01
X,Y,50
Y,X,40
F1,X,30
Y,C,60
ZZ,M,5
F1,M,0
F2,T,60
";

#[tokio::test]
async fn ownership_screening_end_to_end() {
    for db in databases().await {
        let app = db.app().await;
        let report = app
            .import_organisations(Acting::Operator, ORGANISATIONS)
            .await
            .unwrap();
        assert_eq!(report.imported, 11, "{:?}", report.rejected);
        let refused: Vec<(u64, &str)> = report
            .rejected
            .iter()
            .map(|r| (r.line, r.column.as_str()))
            .collect();
        assert_eq!(
            refused,
            vec![(13, "code"), (14, "foreign"), (15, "activities")]
        );
        // A code already registered is refused on its own line of the new file.
        let again = app
            .import_organisations(
                Acting::Operator,
                "code,name,foreign,activities,trunk_lines_run_by_foreigners,control_centre_abroad\n\
                 M,Steppe Media again,no,media_owner,no,maybe\n\
                 A,Holding A again,no,,no,no\n",
            )
            .await
            .unwrap();
        let refused: Vec<(u64, &str)> = again
            .rejected
            .iter()
            .map(|r| (r.line, r.column.as_str()))
            .collect();
        assert_eq!(again.imported, 0);
        assert_eq!(refused, vec![(2, "control_centre_abroad"), (3, "code")]);
        let report = app
            .import_holdings(Acting::Operator, HOLDINGS)
            .await
            .unwrap();
        assert_eq!(report.imported, 9, "{:?}", report.rejected);
        let refused: Vec<(u64, &str)> = report
            .rejected
            .iter()
            .map(|r| (r.line, r.column.as_str()))
            .collect();
        assert_eq!(refused, vec![(11, "owner"), (12, "share"), (13, "share")]);

        // 15 % through A and 6 % through B: 21 %, over the media limit.
        let (_, decision) = app
            .screen_organisation(Acting::Operator, "M", None)
            .await
            .unwrap();
        assert_eq!(decision.outcome.foreign_share.value(), 21.0);
        assert_eq!(decision.outcome.breaches[0].as_str(), "media_foreign_share");
        assert_eq!(decision.outcome.paths.len(), 2);
        // 49.01 % of an operator.
        let (_, decision) = app
            .screen_organisation(Acting::Operator, "T", None)
            .await
            .unwrap();
        assert_eq!(
            decision.outcome.breaches[0].as_str(),
            "operator_foreign_share"
        );
        // Through a cycle: f(X) = 0.3 + 0.4 f(Y), f(Y) = 0.5 f(X), f(C) = 0.6 f(Y) = 11.25 %.
        let (_, decision) = app
            .screen_organisation(Acting::Operator, "C", None)
            .await
            .unwrap();
        assert_eq!(decision.outcome.foreign_share.value(), 11.25);
        assert_eq!(decision.outcome.cycles[0][0], "X");
        assert!(decision.outcome.breaches.is_empty());
        let (_, decision) = app
            .screen_organisation(Acting::Operator, "N", None)
            .await
            .unwrap();
        assert_eq!(
            decision.outcome.breaches[0].as_str(),
            "control_centre_abroad"
        );

        // Every organisation at once agrees.
        let summary = app.screen_all(Acting::Operator).await.unwrap();
        assert_eq!(summary.organisations, 11);
        let flagged: Vec<&str> = summary.flagged.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(flagged, vec!["T", "M", "N"]);

        // A threat added by a later act counts from its date only.
        let added = app
            .add_list_entry(
                Acting::Operator,
                qorgau_app::security::NewAddition {
                    list: ListKind::MainThreats,
                    text: "Attacks on space infrastructure".into(),
                    added_by_act: "Law of 1 March 2027 No. 1-IX".into(),
                    effective_from: "2027-03-11".parse().unwrap(),
                },
            )
            .await
            .unwrap();
        let threats = |lists: Vec<qorgau_app::security::ReferenceList>| {
            let list = lists
                .into_iter()
                .find(|l| l.key == ListKind::MainThreats)
                .unwrap();
            (list.entries.len(), list.additions.len())
        };
        let before = app
            .reference_lists_on(Acting::Operator, Some("2027-03-10".parse().unwrap()))
            .await
            .unwrap();
        assert_eq!(threats(before), (19, 0));
        let after = app
            .reference_lists_on(Acting::Operator, Some("2027-03-11".parse().unwrap()))
            .await
            .unwrap();
        assert_eq!(threats(after), (19, 1));
        assert!(matches!(
            app.add_list_entry(
                Acting::Operator,
                qorgau_app::security::NewAddition {
                    list: ListKind::Principles,
                    ..qorgau_app::security::NewAddition {
                        list: ListKind::MainThreats,
                        text: "x".into(),
                        added_by_act: "y".into(),
                        effective_from: added.effective_from,
                    }
                },
            )
            .await,
            Err(qorgau_app::AppError::Invalid { field: "list", .. })
        ));

        // The API and the page, for the Security Council's secretariat.
        let root = app.ensure_root("Republic of Kazakhstan").await.unwrap().id;
        let (_, token) = user_with_token(&app, "secretariat", Role::CouncilSecretariat, root).await;
        let router = router(&app);
        let reply = send(
            &router,
            api(
                "GET",
                "/api/v1/security/organisations/M/screening",
                Some(&token),
                None,
            ),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        assert_eq!(reply.json()["decision"]["outcome"]["foreign_share"], 21.0);
        let reply = send(
            &router,
            api(
                "GET",
                "/api/v1/security/organisations/NOPE/screening",
                Some(&token),
                None,
            ),
        )
        .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        app.store().close().await;
    }
}
