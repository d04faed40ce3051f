//! Invariants of the conscription rules, over generated facts.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;
use qorgau_rules::conscription::{
    Channel, DeliveryEvents, Notified, follow_up, notification_status, timing_valid,
};
use qorgau_rules::{almaty, date_in_almaty, registry};
use serde_json::json;

fn instant(seconds: i64, offset_hours: i32) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(offset_hours * 3600).unwrap();
    offset.timestamp_opt(1_767_225_600 + seconds, 0).unwrap()
}

proptest! {
    /// Training eligibility is decided on a date: the time of day a request is made never enters,
    /// so the decision for a date is the same whichever instant of that day asked.
    #[test]
    fn eligibility_depends_on_the_date_only(
        birth_offset in 0i64..24_000,
        seconds_into_day in 0i64..86_400,
        female in any::<bool>(),
    ) {
        let birth = NaiveDate::from_ymd_opt(1960, 1, 1).unwrap() + Duration::days(birth_offset);
        let day_start = almaty().from_local_datetime(
            &NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
        ).unwrap();
        let asked_at = day_start + Duration::seconds(seconds_into_day);
        let facts = json!({
            "sex": if female { "female" } else { "male" },
            "birth_date": birth,
            "children_birth_dates": [],
        });
        let at_midnight = registry()
            .evaluate("conscription.compulsory_training_eligible", facts.clone(), date_in_almaty(&day_start));
        let later = registry()
            .evaluate("conscription.compulsory_training_eligible", facts, date_in_almaty(&asked_at));
        prop_assert!(at_midnight.is_ok(), "{at_midnight:?}");
        prop_assert_eq!(at_midnight.map(|d| d.outcome), later.map(|d| d.outcome));
    }

    /// The batch path and the cited decision agree on every person.
    #[test]
    fn the_batch_agrees_with_the_decision(
        birth_offset in 0i64..24_000,
        female in any::<bool>(),
        children in prop::collection::vec(0i64..24_000, 0..3),
        children_known in any::<bool>(),
        day in 0i64..400,
    ) {
        use qorgau_rules::TypedRule;
        use qorgau_rules::conscription::{Sex, TrainingEligible, TrainingFacts};
        let base = NaiveDate::from_ymd_opt(1960, 1, 1).unwrap();
        let as_of = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap() + Duration::days(day);
        let facts = || TrainingFacts {
            sex: if female { Sex::Female } else { Sex::Male },
            birth_date: base + Duration::days(birth_offset),
            children_birth_dates: children_known
                .then(|| children.iter().map(|c| base + Duration::days(*c)).collect()),
        };
        let batch = TrainingEligible.decide_batch(&[facts()], as_of);
        let single = TrainingEligible.decision(facts(), as_of).ok().map(|d| d.outcome.eligible);
        prop_assert_eq!(batch.eligible[0], single);
    }

    /// The offset an instant is written in never changes the timing decision.
    #[test]
    fn timing_ignores_the_written_offset(
        sent in 0i64..10_000_000,
        gap in -200_000i64..1_000_000,
        offset_a in -11i32..12,
        offset_b in -11i32..12,
        channel in prop::sample::select(Channel::ALL.to_vec()),
    ) {
        let in_almaty = timing_valid(channel, &instant(sent, 5), &instant(sent + gap, 5));
        let elsewhere = timing_valid(channel, &instant(sent, offset_a), &instant(sent + gap, offset_b));
        prop_assert_eq!(in_almaty, elsewhere);
    }

    /// An electronic summons is valid exactly when three or more Almaty calendar days separate it
    /// from a later appearance.
    #[test]
    fn electronic_timing_is_three_calendar_days(sent in 0i64..10_000_000, gap in 1i64..1_000_000) {
        let (from, to) = (instant(sent, 5), instant(sent + gap, 5));
        let days = (date_in_almaty(&to) - date_in_almaty(&from)).num_days();
        prop_assert_eq!(timing_valid(Channel::Sms, &from, &to), days >= 3);
        prop_assert_eq!(timing_valid(Channel::Egov, &from, &to), days >= 3);
    }

    /// An electronic summons notifies only if it was read, and read no later than the appearance.
    #[test]
    fn notified_electronically_means_read_in_time(
        delivered in prop::option::of(0i64..1_000_000),
        read in prop::option::of(0i64..1_000_000),
        changed in any::<bool>(),
        appearance in 0i64..1_000_000,
        days_after in 0i64..5,
    ) {
        let events = DeliveryEvents {
            delivery_report_at: delivered.map(|s| instant(s, 5)),
            read_at: read.map(|s| instant(s, 5)),
            number_changed: changed,
            ..DeliveryEvents::default()
        };
        let appearance_at = instant(appearance, 5);
        let as_of = date_in_almaty(&appearance_at) + Duration::days(days_after - 2);
        let (status, ..) = notification_status(Channel::Sms, &events, &appearance_at, as_of).unwrap();
        if status == Notified::Notified {
            prop_assert!(!changed);
            prop_assert!(read.is_some_and(|r| r <= appearance));
            prop_assert!(delivered.is_some_and(|d| d <= appearance));
        }
        // Once the appearance day is over nothing is pending any more.
        if as_of > date_in_almaty(&appearance_at) {
            prop_assert_ne!(status, Notified::Pending);
        }
    }

    /// Only a duly notified, absent citizen without a valid reason is ever referred, and only
    /// once the appearance day has passed.
    #[test]
    fn referral_needs_notice_absence_no_valid_reason_and_a_past_appearance_day(
        notified in prop::sample::select(vec![Notified::Notified, Notified::NotNotified, Notified::Pending]),
        appeared in any::<bool>(),
        excuse in prop::sample::select(vec![
            qorgau_rules::conscription::Excuse::None,
            qorgau_rules::conscription::Excuse::Excused,
            qorgau_rules::conscription::Excuse::NotExcused,
            qorgau_rules::conscription::Excuse::AwaitingDecision,
        ]),
        days_after in -3i64..3,
    ) {
        let appearance_on = NaiveDate::from_ymd_opt(2026, 2, 10).unwrap();
        let as_of = appearance_on + Duration::days(days_after);
        let (action, ..) = follow_up(notified, appeared, excuse, appearance_on, as_of);
        let referred = action == qorgau_rules::conscription::FollowUp::ReferToInternalAffairs;
        prop_assert_eq!(
            referred,
            notified == Notified::Notified
                && !appeared
                && matches!(
                    excuse,
                    qorgau_rules::conscription::Excuse::None
                        | qorgau_rules::conscription::Excuse::NotExcused
                )
                && as_of > appearance_on
        );
    }
}

proptest! {
    /// On an acyclic graph the foreign share found by iteration equals the sum, over every
    /// chain from a foreign owner, of the product of its shares; and it never exceeds 100 %.
    #[test]
    fn foreign_shares_are_the_sum_over_chains(
        edges in proptest::collection::vec((0u32..12, 0u32..12, 1u32..40), 0..30),
        foreign_mask in 0u32..4096,
    ) {
        use qorgau_rules::security::OwnershipGraph;
        let n = 12usize;
        // Keep only edges owner > owned (acyclic) and at most 100 % per organisation.
        let mut owners: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
        let mut totals = vec![0u32; n];
        for (a, b, share) in edges {
            if a > b && totals[b as usize] + share <= 100 {
                totals[b as usize] += share;
                owners[b as usize].push((a, f64::from(share) / 100.0));
            }
        }
        let foreign: Vec<bool> = (0..n).map(|i| foreign_mask & (1 << i) != 0).collect();
        let graph = OwnershipGraph { owners: owners.clone(), foreign: foreign.clone() };
        let shares = graph.foreign_shares().unwrap();
        fn by_chains(i: usize, owners: &[Vec<(u32, f64)>], foreign: &[bool]) -> f64 {
            owners[i].iter().map(|&(o, s)| {
                let o = o as usize;
                s * if foreign[o] { 1.0 } else { by_chains(o, owners, foreign) }
            }).sum()
        }
        for i in 0..n {
            if foreign[i] { continue; }
            let expected = by_chains(i, &owners, &foreign);
            prop_assert!((shares[i] - expected).abs() < 1e-9, "{i}: {} vs {expected}", shares[i]);
            prop_assert!(shares[i] <= 1.0 + 1e-12);
        }
    }
}
