//! Calendar time of the domain: dates are dates in Asia/Almaty.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

/// Kazakhstan keeps one time zone, UTC+5, since 1 March 2024; calendar dates of the domain are
/// dates there.
pub fn almaty() -> FixedOffset {
    FixedOffset::east_opt(5 * 3600).expect("UTC+5 is a valid offset")
}

/// The calendar date in Asia/Almaty at `instant`, whatever offset the instant was written in.
pub fn date_in_almaty<Tz: TimeZone>(instant: &DateTime<Tz>) -> NaiveDate {
    instant.with_timezone(&almaty()).date_naive()
}

/// Calendar days from the Almaty date of `from` to the Almaty date of `to` (negative when `to`
/// is on an earlier day).
pub fn calendar_days_between<A: TimeZone, B: TimeZone>(
    from: &DateTime<A>,
    to: &DateTime<B>,
) -> i64 {
    (date_in_almaty(to) - date_in_almaty(from)).num_days()
}
