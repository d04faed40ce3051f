//! Form-field validators the rooms share: trimmed texts within a length and free of
//! characters that hide or garble what is stored, a choice among allowed values, and calendar
//! dates within the years a record can speak of.

use chrono::{Datelike, NaiveDate};
use qorgau_i18n::Message;

use crate::AppError;

/// The years a date of a record may fall in. Nothing Qorgau keeps (births, deadlines, plans,
/// incidents) lies outside them; 0001-01-01 or 9999-12-31 is a slip of the keyboard or a probe,
/// and would sort and compute as if it were meant.
pub(crate) const FIRST_YEAR: i32 = 1900;
pub(crate) const LAST_YEAR: i32 = 2100;

/// Whether a text is one line (a name, a title) or may hold line breaks and tabs (a textarea).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lines {
    One,
    Many,
}

/// The invisible marks that change the direction text is shown in (Unicode's bidirectional
/// controls): a name holding one reads differently on screen from what is stored and searched.
fn is_direction_mark(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// Why `value` cannot be stored as text, if it cannot: a control character (NUL, escape, ...;
/// in `Lines::Many` a line break, written `\n` or `\r\n`, and a tab are text) or a direction
/// mark. The length is checked by the callers, which know whether the text may be empty.
pub(crate) fn character_fault(value: &str, lines: Lines) -> Option<Message> {
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        let allowed = lines == Lines::Many
            && (c == '\n' || c == '\t' || (c == '\r' && chars.peek() == Some(&'\n')));
        if allowed {
            continue;
        }
        let code = || format!("{:04X}", u32::from(c));
        if c == '\n' || c == '\r' {
            return Some(Message::new("invalid-text-line-break"));
        }
        if c.is_control() {
            return Some(Message::new("invalid-text-control").arg("code", code()));
        }
        if is_direction_mark(c) {
            return Some(Message::new("invalid-text-direction").arg("code", code()));
        }
    }
    None
}

/// Why `value` (trimmed) cannot be stored as text of 1..=`max` characters, or of 0..=`max` if
/// `required` is false, if it cannot.
pub(crate) fn text_fault(value: &str, max: usize, lines: Lines, required: bool) -> Option<Message> {
    let count = value.chars().count();
    if count > max || (required && count == 0) {
        let message = if required {
            "invalid-text-length"
        } else {
            "invalid-text-too-long"
        };
        return Some(Message::new(message).arg("max", max));
    }
    character_fault(value, lines)
}

/// A trimmed text of 1..=`max` characters that may run over several lines, or an error on
/// `field`.
pub(crate) fn text(field: &'static str, value: &str, max: usize) -> Result<String, AppError> {
    checked(field, value, max, Lines::Many, true)
}

fn checked(
    field: &'static str,
    value: &str,
    max: usize,
    lines: Lines,
    required: bool,
) -> Result<String, AppError> {
    let value = value.trim();
    match text_fault(value, max, lines, required) {
        None => Ok(value.to_owned()),
        Some(message) => Err(AppError::invalid(field, message)),
    }
}

/// A trimmed one-line text of 1..=`max` characters (a name, a title), or an error on `field`.
pub(crate) fn line(field: &'static str, value: &str, max: usize) -> Result<String, AppError> {
    checked(field, value, max, Lines::One, true)
}

/// A trimmed text of at most `max` characters, possibly empty, that may run over several
/// lines.
pub(crate) fn optional_text(
    field: &'static str,
    value: &str,
    max: usize,
) -> Result<String, AppError> {
    checked(field, value, max, Lines::Many, false)
}

/// A calendar date written YYYY-MM-DD, in the years [`FIRST_YEAR`]..=[`LAST_YEAR`].
pub(crate) fn date(field: &'static str, value: &str) -> Result<NaiveDate, AppError> {
    let date: NaiveDate = value
        .trim()
        .parse()
        .map_err(|_| AppError::invalid(field, Message::new("invalid-date").arg("value", value)))?;
    match date_fault(date) {
        None => Ok(date),
        Some(message) => Err(AppError::invalid(field, message)),
    }
}

/// Why `date` is no date of a record, if it is not: outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
pub(crate) fn date_fault(date: NaiveDate) -> Option<Message> {
    (!(FIRST_YEAR..=LAST_YEAR).contains(&date.year())).then(|| {
        Message::new("invalid-date-range")
            .arg("value", date.to_string())
            .arg("from", FIRST_YEAR.to_string())
            .arg("to", LAST_YEAR.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A required one-line text, as the register's names and the users' names are checked.
    fn line(field: &'static str, value: &str, max: usize) -> Result<String, AppError> {
        checked(field, value, max, Lines::One, true)
    }

    fn refused(result: Result<String, AppError>) -> Option<&'static str> {
        match result {
            Err(AppError::Invalid { field, message }) => {
                assert!(message.id.starts_with("invalid-"), "{message:?}");
                Some(field)
            }
            _ => None,
        }
    }

    #[test]
    fn texts_refuse_control_characters_and_direction_marks() {
        for bad in [
            "Akh\0metov",
            "Akh\u{1b}[31mmetov",
            "Akh\u{7f}",
            "Akh\u{85}metov",
            "Akh\u{202E}vote",
            "\u{2066}x",
            "x\u{200F}",
            "x\u{061C}y",
            "a\rb",
        ] {
            assert_eq!(refused(text("goals", bad, 100)), Some("goals"), "{bad:?}");
            assert_eq!(
                refused(line("surname", bad, 100)),
                Some("surname"),
                "{bad:?}"
            );
        }
        // Line breaks and tabs are text in a textarea, never in a name.
        for multi in ["first\nsecond", "first\r\nsecond", "a\tb"] {
            assert_eq!(text("goals", multi, 100).ok().as_deref(), Some(multi));
            assert_eq!(refused(line("surname", multi, 100)), Some("surname"));
        }
        assert_eq!(
            line("surname", "  Ахметов-Оспан ", 100).ok().as_deref(),
            Some("Ахметов-Оспан")
        );
    }

    #[test]
    fn texts_have_lengths() {
        assert_eq!(
            refused(line("surname", &"a".repeat(10_000), 200)),
            Some("surname")
        );
        assert_eq!(refused(text("goals", "  ", 10)), Some("goals"));
        assert_eq!(optional_text("note", "  ", 10).ok().as_deref(), Some(""));
        assert_eq!(
            refused(optional_text("note", "abcdefghijk", 10)),
            Some("note")
        );
        assert_eq!(
            line("surname", &"я".repeat(200), 200)
                .map(|t| t.chars().count())
                .ok(),
            Some(200)
        );
    }

    #[test]
    fn dates_fall_in_the_years_of_a_record() {
        for bad in ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"] {
            assert!(
                matches!(
                    date("term", bad),
                    Err(AppError::Invalid { field: "term", .. })
                ),
                "{bad}"
            );
        }
        for good in ["1900-01-01", "2026-11-30", "2100-12-31"] {
            assert_eq!(date("term", good).ok(), good.parse().ok(), "{good}");
        }
        assert!(matches!(
            date("term", "2026-02-30"),
            Err(AppError::Invalid { field: "term", .. })
        ));
    }
}
