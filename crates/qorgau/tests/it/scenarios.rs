//! The law as scenarios: a workflow run on given days, on both databases, asserting what the
//! texts say happens on each of them.

use chrono::{FixedOffset, TimeZone};
use qorgau_app::conscription::campaigns::NotSummonable;
use qorgau_app::conscription::{NewCampaign, OfficerFact, Selection};
use qorgau_app::{Acting, AppError, Clock};
use qorgau_rules::almaty;
use qorgau_rules::conscription::{
    AbsenceReason, ExcuseFinding, ExcuseStatus, FollowUp, Iin, Purpose, Sex,
};

use crate::kit::databases;

fn iin(birth: &str, sex: Sex) -> String {
    let birth = birth.parse().unwrap();
    (1..)
        .find_map(|s| Iin::compose(birth, sex, s))
        .unwrap()
        .to_string()
}

/// A summons campaign with its appearance on 15 December 2026, seen on 29 November, on the
/// appearance day and the day after: a duly notified citizen who does not appear is referred to
/// the internal affairs body only once the appearance day has passed (003, para 13), appearance
/// and excuses cannot be recorded before that day, and no child is summoned, whatever the
/// officer's filters.
/// A campaign of `unit` for an evaluation in Astana at 10:00 on `day` December 2026.
async fn campaign_on(
    app: &qorgau_app::App,
    unit: i64,
    title: &str,
    day: u32,
) -> Result<qorgau_store::conscription::Campaign, AppError> {
    let appearance_at = FixedOffset::east_opt(5 * 3600)
        .and_then(|offset| offset.with_ymd_and_hms(2026, 12, day, 10, 0, 0).single())
        .expect("a day of December 2026");
    app.create_campaign(
        Acting::Operator,
        NewCampaign {
            unit_id: unit,
            title: title.into(),
            purpose: Purpose::Evaluation,
            appearance_place: "Astana".into(),
            appearance_at,
        },
    )
    .await
}

#[tokio::test]
async fn a_campaign_on_the_days_around_its_appearance() {
    for db in databases().await {
        let label = db.label;
        let start = almaty().with_ymd_and_hms(2026, 11, 29, 10, 0, 0).unwrap();
        let clock = Clock::settable(start.to_utc());
        let app = db.app_with_clock(clock.clone()).await;
        let unit = app.list_units(Acting::Operator).await.expect(label)[0].id;
        let man = iin("2004-11-30", Sex::Male);
        let child = iin("2023-03-01", Sex::Male);
        let elder = iin("1956-01-10", Sex::Male);
        let csv = format!(
            "{}\n\
             {man},Sadykov,Daulet,,male,2004-11-30,,Astana Respublika 9,,,,no,no,no,none,no,no,no\n\
             {child},Sadykov,Timur,,male,2023-03-01,,Astana Respublika 9,,,,no,no,no,none,no,no,no\n\
             {elder},Sadykov,Bolat,,male,1956-01-10,,Astana Respublika 9,,,,no,no,no,none,no,no,no\n",
            qorgau_app::conscription::CSV_COLUMNS.join(",")
        );
        let imported = app
            .import_citizens(Acting::Operator, unit, &csv)
            .await
            .expect(label);
        assert_eq!(imported.imported, 3, "{label}: {imported:?}");

        // The child is not subject to registration, and says why.
        let child_id = app
            .search_citizens(Acting::Operator, &child, 1)
            .await
            .expect(label)[0]
            .id;
        let card = app
            .citizen_card(Acting::Operator, child_id, start.date_naive())
            .await
            .expect(label);
        assert!(!card.registration.outcome.required, "{label}");

        let campaign = campaign_on(&app, unit, "December", 15).await.expect(label);
        // No filters at all: still only the man of conscription age is planned.
        let plan = app
            .plan_campaign(Acting::Operator, campaign.id, Selection::default())
            .await
            .expect(label);
        assert_eq!(plan.planned, 1, "{label}: {plan:?}");
        let reasons: Vec<NotSummonable> = plan.not_summonable.iter().map(|s| s.reason).collect();
        assert_eq!(
            reasons,
            vec![
                NotSummonable::BelowConscriptionAge,
                NotSummonable::AboveConscriptionAge
            ],
            "{label}"
        );

        // The paper summons is signed for on 29 November: the citizen is duly notified.
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        let (_, summonses) = app
            .campaign(Acting::Operator, campaign.id, day(1))
            .await
            .expect(label);
        let summons = summonses[0].summons.id;
        app.record_summons_fact(
            Acting::Operator,
            summons,
            OfficerFact::Signed {
                at: start.fixed_offset(),
                delivered_by: "Courier Amanov".into(),
            },
        )
        .await
        .expect(label);

        // Before the appearance day: nothing follows, and an appearance cannot be recorded.
        let early = app
            .record_summons_fact(
                Acting::Operator,
                summons,
                OfficerFact::Appeared {
                    at: start.fixed_offset(),
                },
            )
            .await;
        assert!(
            matches!(early, Err(AppError::Invalid { field: "at", .. })),
            "{label}: {early:?}"
        );
        // A reason is reported in advance, as 003 para 8 asks: it is recorded, and it changes
        // nothing while the appearance day has not passed.
        app.record_summons_fact(
            Acting::Operator,
            summons,
            OfficerFact::Excuse {
                reason: AbsenceReason::Other,
                text: Some("a job interview".into()),
            },
        )
        .await
        .expect(label);
        // Each day is lived on the clock: the conclusion never runs ahead of today, so a day
        // asked for in advance shows today's state.
        let ahead = app
            .referrals(Acting::Operator, campaign.id, day(16))
            .await
            .expect(label);
        assert!(
            ahead.is_empty(),
            "{label}: a referral predicted ahead of time"
        );
        let mut today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        for as_of in [today, day(14), day(15)] {
            clock.advance(chrono::Duration::days((as_of - today).num_days()));
            today = as_of;
            let (_, views) = app
                .campaign(Acting::Operator, campaign.id, as_of)
                .await
                .expect(label);
            assert_eq!(
                views[0].action,
                FollowUp::AwaitingAppearance,
                "{label} {as_of}"
            );
            let referred = app
                .referrals(Acting::Operator, campaign.id, as_of)
                .await
                .expect(label);
            assert!(referred.is_empty(), "{label}: referred on {as_of}");
        }

        // The day after the appearance day: the reason is not one of the list, so nothing
        // follows until an officer finds on it; never a referral on a guess.
        clock.advance(chrono::Duration::days(1));
        let (_, views) = app
            .campaign(Acting::Operator, campaign.id, day(16))
            .await
            .expect(label);
        assert_eq!(
            (views[0].excuse, views[0].action),
            (
                Some(ExcuseStatus::AwaitingDecision),
                FollowUp::AwaitingExcuseDecision
            ),
            "{label}"
        );
        let referred = app
            .referrals(Acting::Operator, campaign.id, day(16))
            .await
            .expect(label);
        assert!(
            referred.is_empty(),
            "{label}: referred on an undecided reason"
        );

        // The officer finds it did not prevent the appearance: the duly notified citizen who did
        // not appear is referred.
        app.record_summons_fact(
            Acting::Operator,
            summons,
            OfficerFact::ExcuseDecision {
                finding: ExcuseFinding::DidNotPreventAppearance,
            },
        )
        .await
        .expect(label);
        let referred = app
            .referrals(Acting::Operator, campaign.id, day(16))
            .await
            .expect(label);
        assert_eq!(referred.len(), 1, "{label}");
        assert_eq!(
            referred[0].action,
            FollowUp::ReferToInternalAffairs,
            "{label}"
        );

        // The finding is kept with the decision it made; closing the campaign keeps the
        // referral with the decision behind it; both replay unchanged.
        let kept = app
            .receipts_of(Acting::Operator, "summons", &summons.to_string())
            .await
            .expect(label);
        assert_eq!(
            kept.iter().map(|r| r.rule.as_str()).collect::<Vec<_>>(),
            vec!["conscription.absence_excused"],
            "{label}"
        );
        app.close_campaign(Acting::Operator, campaign.id)
            .await
            .expect(label);
        let kept = app
            .receipts_of(Acting::Operator, "summons", &summons.to_string())
            .await
            .expect(label);
        let closing = kept.last().expect(label);
        assert_eq!(
            closing.rule, "conscription.non_appearance_action",
            "{label}"
        );
        assert_eq!(
            closing.outcome,
            serde_json::json!({ "action": "refer_to_internal_affairs" }),
            "{label}"
        );
        assert_eq!(closing.as_of, day(16), "{label}");
        let replays = app
            .replay_receipts(Acting::Operator, None)
            .await
            .expect(label);
        assert_eq!(replays.len(), 2, "{label}");
        assert!(replays.iter().all(|r| r.same()), "{label}: {replays:?}");
        // What was acted on stays as it was: the database refuses to change or drop a receipt.
        for sql in [
            "UPDATE decision_receipts SET outcome = '{}'",
            "DELETE FROM decision_receipts",
        ] {
            assert!(
                sqlx::query(sqlx::AssertSqlSafe(sql))
                    .execute(app.store().pool())
                    .await
                    .is_err(),
                "{label}: {sql}"
            );
        }
    }
}

/// A woman of the training ages whose children the register does not know is never guessed
/// eligible: her card shows the rule's refusal naming the fact, and a campaign filtered on
/// training leaves her out with the reason counted. "none" says she has no children.
#[tokio::test]
async fn a_woman_whose_children_are_not_given() {
    for db in databases().await {
        let label = db.label;
        let start = almaty().with_ymd_and_hms(2026, 11, 29, 10, 0, 0).unwrap();
        let app = db.app_with_clock(Clock::settable(start.to_utc())).await;
        let unit = app.list_units(Acting::Operator).await.expect(label)[0].id;
        let unknown = iin("1996-05-05", Sex::Female);
        let childless = iin("1997-06-06", Sex::Female);
        let csv = format!(
            "{}\n\
             {unknown},Omarova,Aliya,,female,1996-05-05,,Astana Abay 2,,,,no,no,yes,none,no,no,no\n\
             {childless},Omarova,Dana,,female,1997-06-06,none,Astana Abay 2,,,,no,no,yes,none,no,no,no\n",
            qorgau_app::conscription::CSV_COLUMNS.join(",")
        );
        let imported = app
            .import_citizens(Acting::Operator, unit, &csv)
            .await
            .expect(label);
        assert_eq!(imported.imported, 2, "{label}: {imported:?}");
        let card = |iin: String| {
            let app = &app;
            async move {
                let id = app
                    .search_citizens(Acting::Operator, &iin, 1)
                    .await
                    .expect(label)[0]
                    .id;
                app.citizen_card(Acting::Operator, id, start.date_naive())
                    .await
                    .expect(label)
            }
        };
        let refused = card(unknown).await.training.expect_err(label);
        assert_eq!(refused.fact(), Some("children_birth_dates"), "{label}");
        let decided = card(childless).await.training.expect(label);
        assert!(decided.outcome.eligible, "{label}");

        let campaign = campaign_on(&app, unit, "Training", 20).await.expect(label);
        let plan = app
            .plan_campaign(
                Acting::Operator,
                campaign.id,
                Selection {
                    training_eligible: Some(true),
                    ..Selection::default()
                },
            )
            .await
            .expect(label);
        let undecided = plan
            .not_summonable
            .iter()
            .find(|s| s.reason == NotSummonable::TrainingUndecided)
            .map(|s| s.count);
        assert_eq!(undecided, Some(1), "{label}: {plan:?}");
    }
}
