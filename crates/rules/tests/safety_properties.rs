//! Invariants of the security-of-service rules, over generated facts.

use chrono::{Datelike, Duration, NaiveDate};
use proptest::prelude::*;
use qorgau_rules::safety::{
    CoverageOutlook, Period, PeriodKind, TrainingCalendar, analyses_due, coverage_met,
    coverage_outlook, required_inspections,
};

fn kind() -> impl Strategy<Value = PeriodKind> {
    proptest::sample::select(PeriodKind::ALL.to_vec())
}

proptest! {
    /// The same period last year has the same kind and number, starts a year earlier, and its
    /// length differs by at most the one day of 29 February.
    #[test]
    fn the_comparison_period_is_the_same_period_a_year_earlier(
        kind in kind(), year in 2000i32..2100, number in 1u32..13,
    ) {
        let calendar = TrainingCalendar::default();
        let number = (number - 1) % kind.per_year() + 1;
        let period = Period::new(kind, year, number, &calendar).unwrap();
        let previous = period.previous_year(&calendar).unwrap();
        prop_assert_eq!(previous.kind, kind);
        prop_assert_eq!(previous.number, number);
        prop_assert_eq!(previous.start.year(), period.start.year() - 1);
        prop_assert_eq!(previous.start.month(), period.start.month());
        prop_assert!((period.days() - previous.days()).abs() <= 1);
        prop_assert!(period.start <= period.end);
    }

    /// Winter and summer training periods tile the calendar: every day is in exactly one.
    #[test]
    fn every_day_is_in_one_training_period(offset in 0i64..30_000) {
        let day = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Duration::days(offset);
        let calendar = TrainingCalendar::default();
        let period = calendar.training_period_of(day).unwrap();
        prop_assert!(period.contains(day));
        let other = match period.kind {
            PeriodKind::WinterTraining => PeriodKind::SummerTraining,
            _ => PeriodKind::WinterTraining,
        };
        for year in [day.year() - 1, day.year()] {
            let p = Period::new(other, year, 1, &calendar).unwrap();
            prop_assert!(!p.contains(day));
        }
    }

    /// 25 % is met exactly when the inspected count reaches the required one, and a met
    /// quarter never warns.
    #[test]
    fn coverage_is_met_at_the_required_count(total in 1u32..5_000, inspected in 0u32..5_000, day in 1i64..93) {
        let inspected = inspected.min(total);
        prop_assert_eq!(coverage_met(inspected, total), inspected >= required_inspections(total));
        let outlook = coverage_outlook(inspected, total, day, 92);
        prop_assert_eq!(outlook == CoverageOutlook::Met, coverage_met(inspected, total));
    }

    /// Every analysis is due on the 10th of the month after its period, and a military unit owes
    /// every analysis any other echelon owes.
    #[test]
    fn analyses_fall_due_on_the_tenth(offset in 0i64..30_000) {
        use qorgau_rules::safety::Echelon::*;
        let day = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Duration::days(offset);
        let (unit_due, deadline) = analyses_due(MilitaryUnit, day);
        if let Some(deadline) = deadline {
            prop_assert_eq!(deadline.day(), 10);
            prop_assert!(deadline > day && (deadline - day).num_days() <= 41);
        }
        for echelon in [ArmedForces, CommandBodyWithSubordinateUnits, BranchOrRegionalCommand] {
            let (due, _) = analyses_due(echelon, day);
            prop_assert!(due.iter().all(|kind| unit_due.contains(kind)));
        }
    }
}
