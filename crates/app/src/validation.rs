//! Form-field validators the rooms share: trimmed texts within a length, a choice among
//! allowed values, and calendar dates.

use chrono::NaiveDate;
use qorgau_i18n::Message;

use crate::AppError;

/// A trimmed text of 1..=`max` characters, or an error on `field`.
pub(crate) fn text(field: &'static str, value: &str, max: usize) -> Result<String, AppError> {
    let value = value.trim();
    if (1..=max).contains(&value.chars().count()) {
        Ok(value.to_owned())
    } else {
        Err(AppError::invalid(
            field,
            Message::new("invalid-text-length").arg("max", max),
        ))
    }
}

/// A trimmed text of at most `max` characters, possibly empty.
pub(crate) fn optional_text(
    field: &'static str,
    value: &str,
    max: usize,
) -> Result<String, AppError> {
    let value = value.trim();
    if value.chars().count() <= max {
        Ok(value.to_owned())
    } else {
        Err(AppError::invalid(
            field,
            Message::new("invalid-text-length").arg("max", max),
        ))
    }
}

/// A calendar date written YYYY-MM-DD.
pub(crate) fn date(field: &'static str, value: &str) -> Result<NaiveDate, AppError> {
    value
        .trim()
        .parse()
        .map_err(|_| AppError::invalid(field, Message::new("invalid-date").arg("value", value)))
}
