//! Ages in whole years on a calendar date.

use chrono::{Datelike, NaiveDate};

/// The day a person born on `birth` turns `years`. Someone born on 29 February turns a year
/// older on 1 March in common years (the day after 28 February, the first day they have
/// completed the year).
pub fn anniversary(birth: NaiveDate, years: u32) -> Option<NaiveDate> {
    let year = birth.year().checked_add(i32::try_from(years).ok()?)?;
    birth
        .with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
}

/// Whole years completed on `as_of` (0 before the first birthday; `None` before birth).
pub fn age_on(birth: NaiveDate, as_of: NaiveDate) -> Option<u32> {
    if as_of < birth {
        return None;
    }
    let mut age = as_of.year().saturating_sub(birth.year()).max(0) as u32;
    while age > 0 && anniversary(birth, age).is_none_or(|day| day > as_of) {
        age -= 1;
    }
    Some(age)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn age_turns_on_the_birthday() {
        assert_eq!(age_on(d("2008-05-10"), d("2024-05-09")), Some(15));
        assert_eq!(age_on(d("2008-05-10"), d("2024-05-10")), Some(16));
        assert_eq!(age_on(d("2008-05-10"), d("2008-05-09")), None);
        assert_eq!(age_on(d("2008-05-10"), d("2008-05-10")), Some(0));
    }

    #[test]
    fn a_leap_day_birthday_counts_from_the_first_of_march() {
        assert_eq!(age_on(d("2008-02-29"), d("2026-02-28")), Some(17));
        assert_eq!(age_on(d("2008-02-29"), d("2026-03-01")), Some(18));
        assert_eq!(age_on(d("2008-02-29"), d("2028-02-29")), Some(20));
    }
}

#[cfg(test)]
mod properties {
    use chrono::{Days, NaiveDate};
    use proptest::prelude::*;

    use super::age_on;

    fn date(offset: u64) -> NaiveDate {
        NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Days::new(offset)
    }

    proptest! {
        /// Whole years agree with chrono's own count, leap days included, and never go down
        /// from one day to the next.
        #[test]
        fn age_agrees_with_chrono_and_only_grows(birth in 0u64..50_000, later in 0u64..40_000) {
            let (born, on) = (date(birth), date(birth + later));
            prop_assert_eq!(age_on(born, on), on.years_since(born));
            let next = on.succ_opt().unwrap();
            prop_assert!(age_on(born, next) >= age_on(born, on));
        }
    }
}
