//! OpenAPI schemas for the closed vocabularies, written once for every [`Vocabulary`].
//!
//! The vocabularies live below this crate, so they cannot implement `utoipa::ToSchema`
//! themselves; a field names its vocabulary with `#[schema(schema_with = word::<T>)]` and the
//! document lists exactly the words the type accepts.

use qorgau_i18n::Vocabulary;
use utoipa::openapi::schema::{Object, ObjectBuilder, Type};

/// A string schema whose values are the words of `T`.
pub fn word<T: Vocabulary>() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(T::ALL.iter().map(|w| w.word())))
        .build()
}

/// An array of words of `T`.
pub fn words<T: Vocabulary>() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(word::<T>())
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    qorgau_i18n::vocabulary! {
        #[derive(Debug)]
        enum Colour: "colour-" {
            Red = "red",
            Blue = "blue",
        }
    }

    #[derive(serde::Serialize, utoipa::ToSchema)]
    struct Painted {
        #[schema(schema_with = word::<Colour>)]
        colour: Colour,
    }

    #[test]
    fn a_vocabulary_field_lists_its_words() {
        use utoipa::PartialSchema;
        let schema = serde_json::to_value(Painted::schema()).unwrap_or_default();
        let words = &schema["properties"]["colour"]["enum"];
        assert_eq!(words, &serde_json::json!(["red", "blue"]), "{schema}");
    }
}
