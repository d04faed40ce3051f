//! The message catalogue as templates use it.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use qorgau_i18n::{Arg, Lang, render};

/// The reader's language, chosen from `Accept-Language`.
#[derive(Clone)]
pub struct Tr(pub Lang);

impl Tr {
    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        render(&self.0, id, &[])
    }

    /// A message with one argument.
    pub fn t1(&self, id: &str, name: &str, value: &str) -> String {
        render(&self.0, id, &[(name, Arg::Text(value.to_owned()))])
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

impl<S: Send + Sync> FromRequestParts<S> for Tr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        Ok(Tr(Lang::negotiate(header)))
    }
}
