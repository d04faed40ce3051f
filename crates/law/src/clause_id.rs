use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A clause of an act: `ACT/COMPONENT__COMPONENT...`, each component `kind_number`.
///
/// The act part is lower-case letters, digits, `-` and upper-case Roman numerals (as in
/// `kz-2012-527-IV`); each component is a known kind (`chp`, `art`, `para`, `point`, `subpoint`,
/// `app`) followed by `_` and the number as written (`26-34`, `5-1`, `1`). An id names a place;
/// whether the corpus holds that place is a question for the parsed corpus, not for this type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClauseId(String);

/// Why a text is not a clause id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClauseIdError {
    #[error(
        "a clause id has the form ACT/COMPONENT, for example kz-2020-mod-738/para_5; got {0:?}"
    )]
    Shape(String),
    #[error(
        "the act part {act:?} of clause id {id:?} may hold only a-z, 0-9, '-' and Roman numerals"
    )]
    Act { id: String, act: String },
    #[error(
        "the component {component:?} of clause id {id:?} is not KIND_NUMBER with KIND one of {kinds}"
    )]
    Component {
        id: String,
        component: String,
        kinds: String,
    },
}

/// The kinds of structural units an id may name, outermost first.
pub const COMPONENT_KINDS: &[&str] = &[
    "order", "chp", "art", "para", "point", "subpoint", "app", "sec", "item",
];

impl ClauseId {
    /// Parses and validates an id.
    pub fn parse(text: &str) -> Result<Self, ClauseIdError> {
        let (act, path) = text
            .split_once('/')
            .ok_or_else(|| ClauseIdError::Shape(text.to_owned()))?;
        if act.is_empty() || path.is_empty() {
            return Err(ClauseIdError::Shape(text.to_owned()));
        }
        let act_ok = act.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || "IVXLC".contains(c)
        });
        if !act_ok {
            return Err(ClauseIdError::Act {
                id: text.to_owned(),
                act: act.to_owned(),
            });
        }
        for component in path.split("__") {
            let valid = component.split_once('_').is_some_and(|(kind, number)| {
                COMPONENT_KINDS.contains(&kind)
                    && !number.is_empty()
                    && number
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
            });
            if !valid {
                return Err(ClauseIdError::Component {
                    id: text.to_owned(),
                    component: component.to_owned(),
                    kinds: COMPONENT_KINDS.join(", "),
                });
            }
        }
        Ok(Self(text.to_owned()))
    }

    /// The id of the act this clause belongs to.
    pub fn act(&self) -> &str {
        self.0.split_once('/').map_or("", |(act, _)| act)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ClauseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for ClauseId {
    type Err = ClauseIdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for ClauseId {
    type Error = ClauseIdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ClauseId> for String {
    fn from(id: ClauseId) -> Self {
        id.0
    }
}

impl schemars::JsonSchema for ClauseId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ClauseId".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "description": "A clause id such as kz-2020-mod-738/para_5" })
    }
}

impl ClauseIdError {
    /// The error as a whole sentence of the catalogue, for the reader's language.
    pub fn message(&self) -> qorgau_i18n::Message {
        use qorgau_i18n::Message;
        match self {
            ClauseIdError::Shape(id) => {
                Message::new("clause-id-error-shape").arg("id", id.as_str())
            }
            ClauseIdError::Act { id, act } => Message::new("clause-id-error-act")
                .arg("id", id.as_str())
                .arg("act", act.as_str()),
            ClauseIdError::Component {
                id,
                component,
                kinds,
            } => Message::new("clause-id-error-component")
                .arg("id", id.as_str())
                .arg("component", component.as_str())
                .arg("kinds", kinds.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_documented_shapes() {
        for id in [
            "kz-2012-527-IV/art_6__para_1__point_14",
            "kz-2020-mod-738/para_13",
            "kz-2005-29/art_22__para_2__point_26-34",
            "kz-2020-mod-738/app_1",
        ] {
            let parsed = ClauseId::parse(id).expect(id);
            assert_eq!(parsed.as_str(), id);
        }
        assert_eq!(
            ClauseId::parse("kz-2005-29/art_22").unwrap().act(),
            "kz-2005-29"
        );
    }

    #[test]
    fn rejects_malformed_ids_with_the_reason() {
        assert!(matches!(
            ClauseId::parse("para_5"),
            Err(ClauseIdError::Shape(_))
        ));
        assert!(matches!(
            ClauseId::parse("kz/"),
            Err(ClauseIdError::Shape(_))
        ));
        assert!(matches!(
            ClauseId::parse("KZ x/para_5"),
            Err(ClauseIdError::Act { .. })
        ));
        assert!(matches!(
            ClauseId::parse("kz-2005-29/section_5"),
            Err(ClauseIdError::Component { .. })
        ));
        assert!(matches!(
            ClauseId::parse("kz-2005-29/para_"),
            Err(ClauseIdError::Component { .. })
        ));
    }
}
