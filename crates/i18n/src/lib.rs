//! The message catalogue.
//!
//! Every sentence a person reads (web pages, CLI output, rule explanations) is a Fluent message
//! in `locales/<lang>/*.ftl`, compiled into the binary. Code passes a message id and named
//! arguments, never a sentence built from fragments, so translations into Kazakh and Russian
//! can reorder and inflect freely.

mod rendered;
mod vocabulary;

pub use vocabulary::{UnknownWord, Vocabulary};

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use serde::Serialize;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en-US",
        // Unicode isolation marks around arguments would leak into terminals and plain text.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            let english = bundle.locales.first().is_some_and(|l| l.language.as_str() == "en");
            bundle.set_formatter(Some(if english {
                grouped::<_, ',', '.'>
            } else {
                grouped::<_, '\u{a0}', ','>
            }));
        },
    };
}

/// A number as the language writes it: thousands grouped from five digits on ("12,345" in
/// English; "12 345" with a no-break space in Kazakh and Russian, so years and four-digit
/// counts stay as they are) and the decimal comma of Kazakh and Russian ("2,5"). Fluent formats
/// numbers but does not group them; its formatter hook is a plain function, one per convention.
/// Identifiers are passed as text.
fn grouped<M, const SEPARATOR: char, const DECIMAL: char>(
    value: &FluentValue<'_>,
    _: &M,
) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let plain = number.as_string();
    let separator = if number.options.use_grouping {
        SEPARATOR
    } else {
        '\0'
    };
    Some(group_digits(&plain, separator, DECIMAL)).filter(|text| *text != plain)
}

/// `text` (digits, an optional sign and a fraction after '.') with the integer part grouped by
/// three with `separator` when it has five digits or more (never with '\0'), and `decimal`
/// before the fraction.
pub fn group_digits(text: &str, separator: char, decimal: char) -> String {
    let (sign, rest) = text
        .strip_prefix('-')
        .map_or(("", text), |rest| ("-", rest));
    let (whole, fraction) = rest
        .split_once('.')
        .map_or((rest, None), |(whole, fraction)| (whole, Some(fraction)));
    if !whole.bytes().all(|b| b.is_ascii_digit()) {
        return text.to_owned();
    }
    let group = separator != '\0' && whole.len() >= 5;
    let mut out = String::with_capacity(text.len() + whole.len() / 3 * 2);
    out.push_str(sign);
    for (index, digit) in whole.chars().enumerate() {
        if group && index > 0 && (whole.len() - index) % 3 == 0 {
            out.push(separator);
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

vocabulary! {
    /// The languages of the interface: Kazakh, the state language; Russian, used officially
    /// beside it; English.
    #[derive(Debug)]
    pub enum Language: "language-" {
        Kazakh = "kk",
        Russian = "ru",
        English = "en",
    }
}

impl Language {
    /// The catalogue's locale of this language.
    pub fn lang(self) -> Lang {
        Lang(match self {
            Language::Kazakh => fluent_templates::langid!("kk"),
            Language::Russian => fluent_templates::langid!("ru"),
            Language::English => fluent_templates::langid!("en-US"),
        })
    }
}

/// A language the catalogue can render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lang(LanguageIdentifier);

impl Lang {
    /// English, the language every message exists in.
    pub fn english() -> Self {
        Self(fluent_templates::langid!("en-US"))
    }

    /// Picks the best supported language for an `Accept-Language`-like tag, falling back to
    /// English.
    pub fn negotiate(tag: Option<&str>) -> Self {
        Self::negotiate_or(tag, Language::English)
    }

    /// Picks the best supported language for an `Accept-Language`-like tag, falling back to
    /// `default` when the tag names none the catalogue has.
    pub fn negotiate_or(tag: Option<&str>, default: Language) -> Self {
        let wanted = tag
            .into_iter()
            .flat_map(|header| header.split(','))
            .filter_map(|part| part.split(';').next())
            .filter_map(|part| part.trim().parse::<LanguageIdentifier>().ok());
        for candidate in wanted {
            if let Some(found) = Language::ALL
                .iter()
                .find(|known| candidate.language.as_str() == known.as_str())
            {
                return found.lang();
            }
        }
        default.lang()
    }

    /// The interface language this locale is.
    pub fn language(&self) -> Language {
        match self.0.language.as_str() {
            "kk" => Language::Kazakh,
            "ru" => Language::Russian,
            _ => Language::English,
        }
    }

    /// The language's tag, as HTML's `lang` attribute takes it.
    pub fn code(&self) -> String {
        self.0.to_string()
    }
}

impl Default for Lang {
    fn default() -> Self {
        Self::english()
    }
}

/// A message id with its named arguments, rendered later in the reader's language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Arg {
    Text(String),
    Number(f64),
    /// A catalogue message without arguments (a vocabulary word's label), rendered in the
    /// reader's language.
    Label(&'static str),
    /// Labels read as one list ("A, B and C" in the reader's language).
    Labels(Vec<&'static str>),
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}
impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_owned())
    }
}
impl From<i64> for Arg {
    fn from(value: i64) -> Self {
        Arg::Number(value as f64)
    }
}
impl From<i32> for Arg {
    fn from(value: i32) -> Self {
        Arg::Number(f64::from(value))
    }
}
impl From<u32> for Arg {
    fn from(value: u32) -> Self {
        Arg::Number(f64::from(value))
    }
}
impl From<u64> for Arg {
    fn from(value: u64) -> Self {
        Arg::Number(value as f64)
    }
}

impl From<usize> for Arg {
    fn from(value: usize) -> Self {
        Arg::Number(value as f64)
    }
}

impl From<f64> for Arg {
    fn from(value: f64) -> Self {
        Arg::Number(value)
    }
}

impl Message {
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// An argument that is the label of catalogue message `id`, rendered in the reader's
    /// language.
    pub fn arg_message(mut self, name: &'static str, id: &'static str) -> Self {
        self.args.push((name, Arg::Label(id)));
        self
    }

    /// An argument that is a list of labels, joined as the reader's language joins a list.
    pub fn arg_list(mut self, name: &'static str, ids: Vec<&'static str>) -> Self {
        self.args.push((name, Arg::Labels(ids)));
        self
    }

    pub fn render(&self, lang: &Lang) -> String {
        let pairs: Vec<(&str, Arg)> = self.args.iter().map(|(k, v)| (*k, v.clone())).collect();
        render(lang, self.id, &pairs)
    }
}

/// Renders message `id` in `lang`. A missing id renders as the id itself in brackets so it is
/// visible on the page; the catalogue test makes sure none is missing in English.
pub fn render(lang: &Lang, id: &str, args: &[(&str, Arg)]) -> String {
    rendered::get_or_render(lang, id, args, || render_uncached(lang, id, args))
}

fn render_uncached(lang: &Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let result = if args.is_empty() {
        LOCALES.try_lookup(&lang.0, id)
    } else {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let fluent = match value {
                    Arg::Text(text) => FluentValue::from(text.clone()),
                    Arg::Number(number) => FluentValue::from(*number),
                    Arg::Label(id) => FluentValue::from(render(lang, id, &[])),
                    Arg::Labels(ids) => FluentValue::from(list(lang, ids)),
                };
                (Cow::Owned((*name).to_owned()), fluent)
            })
            .collect();
        LOCALES.try_lookup_with_args(&lang.0, id, &map)
    };
    result.unwrap_or_else(|| format!("[{id}]"))
}

/// Labels joined as one list in `lang`: "A", "A and B", "A, B and C" (the conjunction and the
/// separator are the catalogue's `list-pair` and `list-more`).
fn list(lang: &Lang, ids: &[&'static str]) -> String {
    let labels: Vec<String> = ids.iter().map(|id| render(lang, id, &[])).collect();
    match labels.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => {
            let head = head.join(&render(lang, "list-separator", &[]));
            render(
                lang,
                "list-pair",
                &[
                    ("first", Arg::Text(head)),
                    ("last", Arg::Text(last.clone())),
                ],
            )
        }
    }
}

static CLI_LANGUAGE: std::sync::OnceLock<Language> = std::sync::OnceLock::new();

/// Sets the language the command line speaks, once, before it says anything; later calls
/// change nothing.
pub fn set_cli_language(language: Language) {
    let _ = CLI_LANGUAGE.set(language);
}

/// The language the command line speaks: the one set, English before that.
pub fn cli_language() -> Language {
    CLI_LANGUAGE.get().copied().unwrap_or(Language::English)
}

/// Renders a message without arguments in the command line's language.
pub fn say(id: &str) -> String {
    render(&cli_language().lang(), id, &[])
}

/// Renders a message with arguments in the command line's language.
pub fn say_with(id: &str, args: &[(&str, Arg)]) -> String {
    render(&cli_language().lang(), id, args)
}

/// Message `id` without arguments in `lang`, or `None` when the catalogue has no such message.
pub fn lookup(lang: &Lang, id: &str) -> Option<String> {
    LOCALES.try_lookup(&lang.0, id)
}

/// Renders a message without arguments in English: for log lines.
pub fn en(id: &str) -> String {
    render(&Lang::english(), id, &[])
}

/// Renders a message with arguments in English.
pub fn en_with(id: &str, args: &[(&str, Arg)]) -> String {
    render(&Lang::english(), id, args)
}

/// The English catalogue's source, to check which ids it defines (a lookup alone cannot tell a
/// missing message from one whose arguments were not given).
const ENGLISH_SOURCES: &[&str] = &[
    include_str!("../locales/en-US/main.ftl"),
    include_str!("../locales/en-US/conscription.ftl"),
    include_str!("../locales/en-US/safety.ftl"),
    include_str!("../locales/en-US/security.ftl"),
    include_str!("../locales/en-US/law.ftl"),
    include_str!("../locales/en-US/cli.ftl"),
    include_str!("../locales/en-US/readings.ftl"),
    include_str!("../locales/en-US/facts.ftl"),
];

/// Whether the English catalogue defines message `id`.
pub fn has_message(id: &str) -> bool {
    ENGLISH_SOURCES.iter().flat_map(|s| s.lines()).any(|line| {
        line.strip_prefix(id)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_with_arguments_and_without_isolation_marks() {
        let text = en_with(
            "cli-admin-created",
            &[("username", "admin".into()), ("password", "pw".into())],
        );
        assert!(text.contains("admin"), "{text}");
        assert!(!text.contains('\u{2068}'));
    }

    #[test]
    fn a_missing_message_is_visible() {
        assert_eq!(en("no-such-message"), "[no-such-message]");
        assert!(!has_message("no-such-message"));
    }

    #[test]
    fn negotiates_to_english_for_unknown_languages() {
        assert_eq!(Lang::negotiate(Some("fr-FR,fr;q=0.9")), Lang::english());
        assert_eq!(Lang::negotiate(None), Lang::english());
        assert_eq!(Lang::negotiate(Some("en-GB")), Lang::english());
    }
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        assert_eq!(group_digits("2026", ',', '.'), "2026");
        assert_eq!(group_digits("12345", ',', '.'), "12,345");
        assert_eq!(group_digits("-1234567.25", ',', '.'), "-1,234,567.25");
        assert_eq!(
            group_digits("1234567", '\u{a0}', ','),
            "1\u{a0}234\u{a0}567"
        );
        assert_eq!(group_digits("2.5", '\u{a0}', ','), "2,5");
        assert_eq!(group_digits("123456", '\0', '.'), "123456");
        let count = [("count", Arg::Number(2_750_000.0))];
        let english = render(&Language::English.lang(), "law-search-results", &count);
        assert!(english.contains("2,750,000"), "{english}");
        let russian = render(&Language::Russian.lang(), "law-search-results", &count);
        assert!(russian.contains("2\u{a0}750\u{a0}000"), "{russian}");
    }
}
