//! The message catalogue as templates use it, and the reader's language: the one they chose
//! (the language cookie, which the switcher sets and sign-in sets from the person's stored
//! setting), else the first of `Accept-Language` the catalogue has, else the installation's
//! default.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use qorgau_i18n::{Arg, Lang, Language, render};

use crate::AppState;

/// The cookie that holds the language a reader chose.
pub const LANGUAGE_COOKIE: &str = "qorgau_lang";

/// The cookie that keeps `language` for this browser, without an end.
pub fn language_cookie(state: &AppState, language: Language) -> Cookie<'static> {
    Cookie::build((LANGUAGE_COOKIE, language.as_str()))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies())
        .path("/")
        .permanent()
        .build()
}

/// The reader's language, and the page they are on (for the language switcher to come back to).
#[derive(Clone)]
pub struct Tr(pub Lang, pub Arc<str>);

impl Tr {
    /// English, on no page.
    #[cfg(test)]
    pub fn english() -> Self {
        Self(Lang::english(), Arc::from("/"))
    }

    /// The path and query of the page being shown.
    pub fn here(&self) -> &str {
        &self.1
    }

    /// The languages a reader can switch to, with whether each is the one shown.
    pub fn languages(&self) -> Vec<(Language, bool)> {
        let shown = self.0.language();
        Language::ALL
            .iter()
            .map(|language| (*language, *language == shown))
            .collect()
    }

    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        render(&self.0, id, &[])
    }

    /// A message with one argument.
    pub fn t1(&self, id: &str, name: &str, value: &str) -> String {
        render(&self.0, id, &[(name, Arg::Text(value.to_owned()))])
    }

    /// A count as the reader's language writes it, its thousands grouped from five digits on.
    pub fn number(&self, value: i64) -> String {
        let (separator, decimal) = match self.0.language() {
            Language::English => (',', '.'),
            Language::Kazakh | Language::Russian => ('\u{a0}', ','),
        };
        qorgau_i18n::group_digits(&value.to_string(), separator, decimal)
    }

    /// A message with one number, so that its plural forms apply.
    pub fn tn(&self, id: &str, name: &str, value: i64) -> String {
        render(&self.0, id, &[(name, Arg::Number(value as f64))])
    }

    /// A message with two arguments.
    pub fn t2(&self, id: &str, n1: &str, v1: &str, n2: &str, v2: &str) -> String {
        render(
            &self.0,
            id,
            &[
                (n1, Arg::Text(v1.to_owned())),
                (n2, Arg::Text(v2.to_owned())),
            ],
        )
    }

    /// A catalogue message with its own arguments.
    pub fn message(&self, message: &qorgau_i18n::Message) -> String {
        message.render(&self.0)
    }

    pub fn lang(&self) -> Lang {
        self.0.clone()
    }

    pub fn code(&self) -> String {
        self.0.code()
    }
}

/// What chooses a request's language, kept aside while it runs: the language cookie, read
/// with the cookie jar the rest of the web layer reads cookies with, and `Accept-Language`.
pub struct AskedLanguage {
    chosen: Option<Language>,
    accept: Option<HeaderValue>,
}

impl AskedLanguage {
    pub fn of(headers: &HeaderMap) -> Self {
        // Most API calls carry no cookie: no jar to build for them.
        let chosen = headers
            .contains_key(header::COOKIE)
            .then(|| CookieJar::from_headers(headers))
            .and_then(|jar| jar.get(LANGUAGE_COOKIE)?.value().parse::<Language>().ok());
        Self {
            chosen,
            accept: headers.get(header::ACCEPT_LANGUAGE).cloned(),
        }
    }

    /// The language chosen (the language cookie), else the first of `Accept-Language` the
    /// catalogue has, else `default`.
    pub fn lang(&self, default: Language) -> Lang {
        match self.chosen {
            Some(language) => language.lang(),
            None => Lang::negotiate_or(
                self.accept.as_ref().and_then(|value| value.to_str().ok()),
                default,
            ),
        }
    }
}

impl FromRequestParts<AppState> for Tr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let lang = AskedLanguage::of(&parts.headers).lang(state.config.default_language);
        let here = parts.uri.path_and_query().map_or("/", |path| path.as_str());
        Ok(Tr(lang, Arc::from(here)))
    }
}
