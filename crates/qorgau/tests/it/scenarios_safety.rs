//! The security of military service as scenarios on given days, on both databases: a Plan on
//! 24 and 25 December, an Act on the day before and the day of its retention end, and the
//! stored decisions the watch lists once Order No. 738 has lapsed.

use chrono::{TimeZone, Utc};
use qorgau_app::safety::plans::NewPlan;
use qorgau_app::{Acting, Clock};

use crate::kit::databases;
use crate::safety::{act, activity, draft, set_today, structure};

/// 2026-12-24 10:00 in Almaty.
fn christmas_eve() -> Clock {
    Clock::settable(Utc.with_ymd_and_hms(2026, 12, 24, 5, 0, 0).unwrap())
}

#[tokio::test]
async fn a_plan_on_the_24th_and_the_25th_of_december() {
    for db in databases().await {
        let label = db.label;
        let clock = christmas_eve();
        let app = db.app_with_clock(clock.clone()).await;
        let u = structure(&app).await;
        let new = |unit_id| NewPlan {
            unit_id,
            year: 2027,
            draft: draft(vec![activity(1, "2027-01-15")]),
        };
        let command = app
            .create_plan(Acting::Operator, new(u.command))
            .await
            .expect(label);
        let brigade = app
            .create_plan(Acting::Operator, new(u.brigade_a))
            .await
            .expect(label);
        // 24 December is the last day (para 5: "before 25 December"): nothing is late yet.
        assert_eq!(command.due.to_string(), "2026-12-24", "{label}");
        assert!(!command.late && !brigade.late, "{label}");
        app.approve_plan(Acting::Operator, command.plan.id, "Colonel A. Bekov")
            .await
            .expect(label);

        // 25 December: the Plan approved on the 24th is in time; the one still a draft is late.
        set_today(&clock, "2026-12-25");
        let standings = app
            .plan_standings(Acting::Operator, u.command, 2027)
            .await
            .expect(label);
        let late = |unit| {
            standings
                .iter()
                .find(|s| s.unit_id == unit)
                .map(|s| s.late)
                .expect(label)
        };
        assert!(!late(u.command), "{label}");
        assert!(late(u.brigade_a), "{label}");

        // The approval kept the due day it was judged against; Order No. 738 has lapsed
        // (repealed from 15 September 2022), so the watch lists that stored decision.
        let kept = app
            .receipts_of(
                Acting::Operator,
                "safety_plan",
                &command.plan.id.to_string(),
            )
            .await
            .expect(label);
        assert_eq!(kept.len(), 1, "{label}");
        assert_eq!(kept[0].rule, "safety.plan_due", "{label}");
        assert_eq!(
            kept[0].outcome["last_day"],
            serde_json::json!("2026-12-24"),
            "{label}"
        );
        let watch = app.law_watch(Acting::Operator, None).await.expect(label);
        assert!(
            watch
                .decisions
                .iter()
                .any(|d| d.receipt == kept[0].id && d.rule == "safety.plan_due"),
            "{label}: {:?}",
            watch.decisions
        );
    }
}

#[tokio::test]
async fn an_act_the_day_before_and_the_day_of_its_retention_end() {
    for db in databases().await {
        let label = db.label;
        // The control ended on 2021-03-10; the Act is recorded that day.
        let clock = Clock::settable(Utc.with_ymd_and_hms(2021, 3, 10, 5, 0, 0).unwrap());
        let app = db.app_with_clock(clock.clone()).await;
        let u = structure(&app).await;
        let mut new = act(&u, u.services[1], "2021-03-09", "2021-03-10", &[]);
        new.report_by = "2021-04-01".into();
        let recorded = app.record_act(Acting::Operator, new).await.expect(label);
        assert_eq!(recorded.kept_until.to_string(), "2026-03-10", "{label}");

        // The day before the fifth anniversary: kept.
        set_today(&clock, "2026-03-09");
        let purged = app.purge_expired_acts(Acting::Operator).await.expect(label);
        assert!(purged.deleted.is_empty(), "{label}: {purged:?}");
        app.act(Acting::Operator, recorded.act.id)
            .await
            .expect(label);

        // The day itself: it may be deleted, and the deletion keeps its decision.
        set_today(&clock, "2026-03-10");
        let purged = app.purge_expired_acts(Acting::Operator).await.expect(label);
        assert_eq!(purged.deleted, vec![recorded.act.id], "{label}");
        let kept = app
            .receipts_of(Acting::Operator, "safety_act", &recorded.act.id.to_string())
            .await
            .expect(label);
        let outcomes: Vec<bool> = kept
            .iter()
            .map(|r| r.outcome["deletable"] == serde_json::json!(true))
            .collect();
        assert_eq!(
            outcomes,
            vec![false, true],
            "{label}: recorded, then deleted"
        );
    }
}
