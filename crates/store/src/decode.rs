//! The store's edge: columns decoded into domain types as rows are read, and domain values
//! encoded as they are written.
//!
//! Both databases are reached through sqlx's `Any` driver, which carries only text, integers,
//! reals and blobs; so dates, instants, flags and vocabulary words are stored as text and
//! integers, and turned into `NaiveDate`, `DateTime<Utc>`, `bool` and enums here, once. Nothing
//! leaves the store as the string or integer it was stored as.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_i18n::Vocabulary;
use sqlx::Row;
use sqlx::any::AnyRow;

/// The stored form of a calendar date.
pub const DATE_FORMAT: &str = "%Y-%m-%d";

/// The stored form of an instant: UTC, fixed width, so text order is time order.
pub fn format_instant(instant: DateTime<Utc>) -> String {
    instant.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// Reads an instant written by [`format_instant`] (any RFC 3339 instant is accepted).
pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// The stored form of a calendar date.
pub fn format_date(date: NaiveDate) -> String {
    date.format(DATE_FORMAT).to_string()
}

pub(crate) fn corrupt(column: &str, why: String) -> sqlx::Error {
    sqlx::Error::ColumnDecode {
        index: column.to_owned(),
        source: why.into(),
    }
}

fn parse_date(column: &str, text: &str) -> Result<NaiveDate, sqlx::Error> {
    NaiveDate::parse_from_str(text, DATE_FORMAT)
        .map_err(|e| corrupt(column, format!("{text:?} is not a date: {e}")))
}

fn parse_stored_instant(column: &str, text: &str) -> Result<DateTime<Utc>, sqlx::Error> {
    parse_instant(text).ok_or_else(|| corrupt(column, format!("{text:?} is not an instant")))
}

/// A date column.
pub fn date(row: &AnyRow, column: &str) -> Result<NaiveDate, sqlx::Error> {
    parse_date(column, &row.try_get::<String, _>(column)?)
}

/// A nullable date column (an empty text reads as absent).
pub fn opt_date(row: &AnyRow, column: &str) -> Result<Option<NaiveDate>, sqlx::Error> {
    match row.try_get::<Option<String>, _>(column)? {
        Some(text) if !text.is_empty() => parse_date(column, &text).map(Some),
        _ => Ok(None),
    }
}

/// An instant column.
pub fn instant(row: &AnyRow, column: &str) -> Result<DateTime<Utc>, sqlx::Error> {
    parse_stored_instant(column, &row.try_get::<String, _>(column)?)
}

/// A nullable instant column (an empty text reads as absent).
pub fn opt_instant(row: &AnyRow, column: &str) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
    match row.try_get::<Option<String>, _>(column)? {
        Some(text) if !text.is_empty() => parse_stored_instant(column, &text).map(Some),
        _ => Ok(None),
    }
}

/// A flag stored as 0 or 1.
pub fn flag(row: &AnyRow, column: &str) -> Result<bool, sqlx::Error> {
    match row.try_get::<i64, _>(column)? {
        0 => Ok(false),
        1 => Ok(true),
        other => Err(corrupt(column, format!("{other} is not a flag (0 or 1)"))),
    }
}

/// A word of a closed vocabulary.
pub fn word<T: Vocabulary>(row: &AnyRow, column: &str) -> Result<T, sqlx::Error> {
    let text = row.try_get::<String, _>(column)?;
    T::from_str(&text).map_err(|e| corrupt(column, e.to_string()))
}

/// A nullable word of a closed vocabulary (an empty text reads as absent).
pub fn opt_word<T: Vocabulary>(row: &AnyRow, column: &str) -> Result<Option<T>, sqlx::Error> {
    match row.try_get::<Option<String>, _>(column)? {
        Some(text) if !text.is_empty() => T::from_str(&text)
            .map(Some)
            .map_err(|e| corrupt(column, e.to_string())),
        _ => Ok(None),
    }
}

/// A column parsed by `FromStr` (validated text such as an IIN).
pub fn parsed<T>(row: &AnyRow, column: &str) -> Result<T, sqlx::Error>
where
    T: FromStr,
    T::Err: std::fmt::Display,
{
    let text = row.try_get::<String, _>(column)?;
    text.parse()
        .map_err(|e: T::Err| corrupt(column, format!("{text:?}: {e}")))
}

/// The stored form of a flag.
pub fn encode_flag(value: bool) -> i64 {
    i64::from(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_round_trip_through_their_stored_form() {
        let at = DateTime::parse_from_rfc3339("2026-12-15T04:00:00.123456Z")
            .map(|t| t.with_timezone(&Utc))
            .ok();
        let back = at.map(format_instant).as_deref().and_then(parse_instant);
        assert_eq!(at, back);
        assert!(parse_instant("15.12.2026").is_none());
    }
}
