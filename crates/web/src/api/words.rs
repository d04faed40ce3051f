//! OpenAPI schemas for the closed vocabularies: the one definition is `qorgau_app::words`.

pub use qorgau_app::words::{optional_word, word, words};

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
        #[schema(schema_with = optional_word::<Colour>)]
        trim: Option<Colour>,
    }

    #[test]
    fn a_vocabulary_field_lists_its_words_and_an_optional_one_null_too() {
        use utoipa::PartialSchema;
        let schema = serde_json::to_value(Painted::schema()).unwrap_or_default();
        let words = &schema["properties"]["colour"]["enum"];
        assert_eq!(words, &serde_json::json!(["red", "blue"]), "{schema}");
        let optional = &schema["properties"]["trim"];
        assert_eq!(
            optional["enum"],
            serde_json::json!(["red", "blue", null]),
            "{schema}"
        );
        assert_eq!(
            optional["type"],
            serde_json::json!(["string", "null"]),
            "{schema}"
        );
    }
}
