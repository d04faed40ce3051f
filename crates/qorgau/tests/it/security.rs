//! Ownership screening on both databases, one behaviour a test: the graph imported from CSV
//! with per-row refusals, one organisation screened through chains and a cycle, every
//! organisation screened at once, a threat added by a later act, and the API.

use axum::http::StatusCode;
use qorgau_app::{Acting, App, Role};
use qorgau_rules::security::vocabulary::ListKind;

use crate::kit::{api, databases, router, send, user_with_token};
use crate::stories::chain_holds_and_close;

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

/// The graph above, its refused lines left out.
async fn ownership_graph(app: &App) {
    app.import_organisations(Acting::Operator, ORGANISATIONS)
        .await
        .unwrap();
    app.import_holdings(Acting::Operator, HOLDINGS)
        .await
        .unwrap();
}

/// Organisations and holdings import from CSV row by row: each bad row, and a code already
/// registered, is refused on its own line while the rest are written.
#[tokio::test]
async fn organisations_and_holdings_import_refusing_bad_rows_by_line() {
    for db in databases().await {
        let label = db.label;
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
        chain_holds_and_close(&app, label).await;
    }
}

/// Screening one organisation follows the foreign shares up its chains of owners, and through
/// a cycle, to the limits for media and operators; a control centre abroad is a breach of its
/// own.
#[tokio::test]
async fn screening_follows_foreign_shares_through_chains_and_cycles() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        ownership_graph(&app).await;
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
        chain_holds_and_close(&app, label).await;
    }
}

/// Screening every organisation at once agrees with screening them one by one.
#[tokio::test]
async fn screening_every_organisation_at_once_flags_the_same_ones() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        ownership_graph(&app).await;
        let summary = app.screen_all(Acting::Operator).await.unwrap();
        assert_eq!(summary.organisations, 11);
        let flagged: Vec<&str> = summary.flagged.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(flagged, vec!["T", "M", "N"]);
        chain_holds_and_close(&app, label).await;
    }
}

/// A threat added to the main threats by a later act counts from its date only; the
/// principles take no additions.
#[tokio::test]
async fn a_threat_added_by_a_later_act_counts_from_its_date() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
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
        chain_holds_and_close(&app, label).await;
    }
}

/// The API screens an organisation for the Security Council's secretariat; an unknown code is
/// not found.
#[tokio::test]
async fn the_api_screens_an_organisation_for_the_secretariat() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        ownership_graph(&app).await;
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
        chain_holds_and_close(&app, label).await;
    }
}
