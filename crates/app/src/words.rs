//! OpenAPI schemas for the closed vocabularies, written once for every [`Vocabulary`].
//!
//! The vocabularies live in `rules` and `store`, which know nothing of OpenAPI, so they cannot
//! implement `utoipa::ToSchema` themselves; a field names its vocabulary with
//! `#[schema(schema_with = word::<T>)]` (or `optional_word::<T>` for an `Option`) and the
//! document lists exactly the words the type accepts.

use qorgau_i18n::Vocabulary;
use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};

/// A string schema whose values are the words of `T`.
pub fn word<T: Vocabulary>() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(T::ALL.iter().map(|w| w.word())))
        .build()
}

/// A word of `T`, or null when absent.
pub fn optional_word<T: Vocabulary>() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .enum_values(Some(
            T::ALL
                .iter()
                .map(|w| serde_json::Value::from(w.word()))
                .chain([serde_json::Value::Null]),
        ))
        .build()
}

/// An array of words of `T`.
pub fn words<T: Vocabulary>() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(word::<T>())
        .build()
}
