//! Form helpers the national-security pages share: check boxes, dates, numbers and words, the
//! bodies of Art. 15, and showing a page or the error page.

use std::collections::HashMap;
use std::fmt::Display;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use qorgau_app::AppError;
use qorgau_app::security::monitoring as app;
use qorgau_i18n::Message;
use serde::Deserialize;

use crate::i18n::Tr;
use crate::pages::layout::{Layout, PageError, render};
use crate::pages::session::PageSession;

/// The check boxes of a form, posted as `prefix_key=on` (a form flattens them into this map).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Checks(HashMap<String, String>);

impl Checks {
    /// The keys checked in the group `prefix`, sorted.
    pub fn keys(&self, prefix: &str) -> Vec<String> {
        let mut keys: Vec<String> = self
            .0
            .keys()
            .filter_map(|k| k.strip_prefix(prefix).map(str::to_owned))
            .collect();
        keys.sort();
        keys
    }

    /// The numbers checked in the group `prefix` (boxes of numbered points).
    pub fn numbers(&self, prefix: &str) -> Vec<i64> {
        self.keys(prefix)
            .iter()
            .filter_map(|k| k.parse().ok())
            .collect()
    }

    /// Whether box `key` of the group `prefix` was checked, to show it checked again.
    pub fn has(&self, prefix: &str, key: impl Display) -> bool {
        self.0.contains_key(&format!("{prefix}{key}"))
    }
}

pub(super) fn parse_date(name: &'static str, text: &str) -> Result<NaiveDate, AppError> {
    text.trim()
        .parse()
        .map_err(|_| AppError::invalid(name, Message::new("invalid-date").arg("value", text)))
}

pub(super) fn parse_number<T: std::str::FromStr>(
    name: &'static str,
    text: &str,
) -> Result<T, AppError> {
    text.trim()
        .parse()
        .map_err(|_| AppError::invalid(name, Message::new("invalid-number").arg("value", text)))
}

pub(super) fn optional_number(name: &'static str, text: &str) -> Result<Option<i64>, AppError> {
    match text.trim() {
        "" => Ok(None),
        text => parse_number(name, text).map(Some),
    }
}

pub(super) use crate::pages::form::{choices, word};

pub(super) fn body_choices() -> Vec<(i64, String)> {
    app::public_bodies()
        .iter()
        .enumerate()
        .map(|(i, b)| (i as i64 + 1, b.name.clone()))
        .collect()
}

pub(super) fn body_label(number: i64) -> String {
    app::body(number)
        .map(|b| format!("{number}) {}", b.name))
        .unwrap_or_else(|| number.to_string())
}

/// A page with the status its forms give it (`Filled::status`), or the error page when it
/// could not be made.
pub(super) fn rendered(
    tr: &Tr,
    session: &PageSession,
    title: &str,
    status: StatusCode,
    page: Result<impl Template, AppError>,
) -> Response {
    match page {
        Ok(page) => render(status, &page),
        Err(error) => PageError::new(
            error,
            tr,
            Some(Layout::signed_in(tr, session, "security", title)),
        )
        .into_response(),
    }
}
