//! The language an act's text is written in, and the words its headings are numbered with.

use qorgau_i18n::Language;

qorgau_i18n::vocabulary! {
    /// The language of an act's text, as Akoma Ntoso's `FRBRlanguage` writes it (ISO 639-2/B).
    #[derive(Debug, PartialOrd, Ord, schemars::JsonSchema)]
    pub enum TextLanguage: "law-language-" {
        /// The corpus ships the official English translations.
        English = "eng",
        /// The state language.
        Kazakh = "kaz",
        Russian = "rus",
        /// An act imported before imports said their language: its headings were read as
        /// English ones, and its language is not claimed.
        Undetermined = "und",
    }
}

impl From<Language> for TextLanguage {
    fn from(language: Language) -> Self {
        match language {
            Language::Kazakh => TextLanguage::Kazakh,
            Language::Russian => TextLanguage::Russian,
            Language::English => TextLanguage::English,
        }
    }
}
