use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, Utc};

/// Where the application reads the time. Production uses the system clock; tests that need to
/// walk through a lock-out or an expiry hold a settable one.
#[derive(Clone, Default)]
pub enum Clock {
    #[default]
    System,
    Settable(Arc<Mutex<DateTime<Utc>>>),
}

impl Clock {
    pub fn settable(at: DateTime<Utc>) -> Self {
        Clock::Settable(Arc::new(Mutex::new(at)))
    }

    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Settable(at) => *at.lock().unwrap_or_else(|poisoned| poisoned.into_inner()),
        }
    }

    /// Moves a settable clock forward; the system clock cannot be moved.
    pub fn advance(&self, by: chrono::Duration) {
        if let Clock::Settable(at) = self {
            let mut guard = at.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            *guard += by;
        }
    }

    pub fn today(&self) -> NaiveDate {
        today_in_almaty(self.now())
    }
}

/// The calendar date in Asia/Almaty at `instant`.
pub fn today_in_almaty(instant: DateTime<Utc>) -> NaiveDate {
    qorgau_rules::date_in_almaty(&instant)
}

pub use qorgau_store::decode::format_instant;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_almaty_date_turns_at_19_utc() {
        let before = Utc.with_ymd_and_hms(2026, 1, 1, 18, 59, 59).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 1, 1, 19, 0, 0).unwrap();
        assert_eq!(
            today_in_almaty(before),
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
        );
        assert_eq!(
            today_in_almaty(after),
            NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()
        );
    }

    #[test]
    fn instants_round_trip_and_sort_as_text() {
        let a = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        let b = a + chrono::Duration::microseconds(1);
        assert_eq!(
            qorgau_store::decode::parse_instant(&format_instant(a)),
            Some(a)
        );
        assert!(format_instant(a) < format_instant(b));
    }
}
