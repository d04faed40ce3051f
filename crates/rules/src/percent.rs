//! Shares as percents, refused when a fraction is given where a percent is meant.
//!
//! Art. 23.6 of the Law on National Security states its limits in percent ("more than 20
//! percent"); a share typed as `0.35` is far more often a fraction meaning 35 % than a holding of
//! a third of a percent, and reading it silently either way changes whether a limit is crossed.
//! So text below 1 without a `%` sign is refused with an error that says how to write either.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A share between 0 and 100 percent.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Percent(f64);

/// Why a share was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PercentError {
    #[error("{0:?} is not a number")]
    NotANumber(String),
    #[error("{0} is not between 0 and 100 percent")]
    OutOfRange(f64),
    #[error(
        "{0} looks like a fraction; write the percent ({percent}) or, for less than one percent, \
         add the sign ({0}%)",
        percent = .0 * 100.0
    )]
    LooksLikeAFraction(f64),
}

impl Percent {
    /// Zero percent.
    pub const ZERO: Percent = Percent(0.0);

    /// A percent value as a reader wrote it: refused outside 0..=100 and, unless `marked` (the
    /// reader wrote a `%` sign), strictly between 0 and 1.
    pub fn new(value: f64, marked: bool) -> Result<Self, PercentError> {
        if !value.is_finite() || !(0.0..=100.0).contains(&value) {
            return Err(PercentError::OutOfRange(value));
        }
        if !marked && value > 0.0 && value < 1.0 {
            return Err(PercentError::LooksLikeAFraction(value));
        }
        Ok(Self(value))
    }

    /// A share computed as a fraction of one (a derived value, not a reader's input).
    pub fn from_fraction(fraction: f64) -> Result<Self, PercentError> {
        let value = fraction * 100.0;
        if !value.is_finite() || !(0.0..=100.0).contains(&value) {
            return Err(PercentError::OutOfRange(value));
        }
        Ok(Self(value))
    }

    /// The share in percent.
    pub fn value(self) -> f64 {
        self.0
    }

    /// The share as a fraction of one.
    pub fn as_fraction(self) -> f64 {
        self.0 / 100.0
    }
}

impl FromStr for Percent {
    type Err = PercentError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let (number, marked) = match trimmed.strip_suffix('%') {
            Some(rest) => (rest.trim_end(), true),
            None => (trimmed, false),
        };
        let value: f64 = number
            .replace(',', ".")
            .parse()
            .map_err(|_| PercentError::NotANumber(text.to_owned()))?;
        Self::new(value, marked)
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} %", self.0)
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.0)
    }
}

impl<'de> Deserialize<'de> for Percent {
    /// A number (read as a reader's percent) or a text such as `"0.5%"`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Given {
            Number(f64),
            Text(String),
        }
        match Given::deserialize(deserializer)? {
            Given::Number(value) => Percent::new(value, false),
            Given::Text(text) => text.parse(),
        }
        .map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Percent {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Percent".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A share in percent, 0 to 100. A number below 1 is refused as a \
                likely fraction unless written as text with a percent sign (\"0.5%\").",
            "oneOf": [
                {"type": "number", "minimum": 0, "maximum": 100},
                {"type": "string", "pattern": "^\\s*[0-9]+([.,][0-9]+)?\\s*%\\s*$"}
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percent_is_read_as_written_and_a_fraction_is_refused() {
        assert_eq!("35".parse::<Percent>().map(Percent::value), Ok(35.0));
        assert_eq!("35 %".parse::<Percent>().map(Percent::value), Ok(35.0));
        assert_eq!("0.5%".parse::<Percent>().map(Percent::value), Ok(0.5));
        assert_eq!("0".parse::<Percent>().map(Percent::value), Ok(0.0));
        assert_eq!("100".parse::<Percent>().map(Percent::value), Ok(100.0));
        assert_eq!(
            "0.35".parse::<Percent>(),
            Err(PercentError::LooksLikeAFraction(0.35))
        );
        assert_eq!(
            "120".parse::<Percent>(),
            Err(PercentError::OutOfRange(120.0))
        );
        assert!(matches!(
            "a lot".parse::<Percent>(),
            Err(PercentError::NotANumber(_))
        ));
        assert_eq!(Percent::from_fraction(0.25).map(Percent::value), Ok(25.0));
    }

    #[test]
    fn json_numbers_are_percents_and_texts_may_carry_the_sign() {
        let read = |json: &str| serde_json::from_str::<Percent>(json).map(Percent::value);
        assert_eq!(read("20").ok(), Some(20.0));
        assert_eq!(read("\"0.5%\"").ok(), Some(0.5));
        assert!(read("0.2").is_err());
    }
}
