//! Form helpers the national-security pages share: posted fields, dates, numbers and words,
//! the bodies of Art. 15, and what to show after a form.

use std::collections::HashMap;
use std::future::Future;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use qorgau_app::AppError;
use qorgau_app::security::monitoring as app;
use qorgau_i18n::{Message, Vocabulary};

use crate::i18n::Tr;
use crate::pages::layout::{Layout, PageError, describe, render};
use crate::pages::session::PageSession;

/// A posted form: fields by name; check boxes arrive as `prefix_key=on`.
pub type Fields = HashMap<String, String>;

pub(super) fn field<'a>(form: &'a Fields, name: &str) -> &'a str {
    form.get(name).map(String::as_str).unwrap_or("").trim()
}

pub(super) fn checked(form: &Fields, prefix: &str) -> Vec<String> {
    let mut keys: Vec<String> = form
        .keys()
        .filter_map(|k| k.strip_prefix(prefix).map(str::to_owned))
        .collect();
    keys.sort();
    keys
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

/// A word of vocabulary `T` chosen in a form, or an error on `name` naming the words allowed.
pub(super) fn word<T: Vocabulary>(name: &'static str, text: &str) -> Result<T, AppError> {
    text.trim().parse().map_err(|_| {
        let allowed: Vec<&str> = T::ALL.iter().map(|w| w.word()).collect();
        AppError::invalid(
            name,
            Message::new("invalid-choice").arg("allowed", allowed.join(", ")),
        )
    })
}

/// A vocabulary's words with their labels, for a form's choice.
pub(super) fn choices<T: Vocabulary>(tr: &Tr) -> Vec<(&'static str, String)> {
    T::ALL
        .iter()
        .map(|w| (w.word(), tr.t(w.label_id())))
        .collect()
}

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
/// After a form: on success go to `to`; on bad input show the page again with the reason.
pub(super) async fn after_post<T, F, Fut>(
    result: Result<T, AppError>,
    to: impl FnOnce(T) -> String,
    tr: &Tr,
    session: &PageSession,
    again: F,
) -> Response
where
    F: FnOnce(String) -> Fut,
    Fut: Future<Output = Response>,
{
    match result {
        Ok(value) => Redirect::to(&to(value)).into_response(),
        Err(error @ (AppError::Forbidden { .. } | AppError::Unauthenticated)) => PageError::new(
            error,
            tr,
            Some(Layout::signed_in(tr, session, "security", "security-title")),
        )
        .into_response(),
        Err(error) => again(describe(&error, tr)).await,
    }
}

/// A page, or the error page when it could not be made; 422 when it shows a form's error.
pub(super) fn shown(
    tr: &Tr,
    session: &PageSession,
    title: &str,
    error: String,
    page: Result<impl Template, AppError>,
) -> Response {
    let layout = Layout::signed_in(tr, session, "security", title);
    match page {
        Ok(page) => render(
            if error.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            },
            &page,
        ),
        Err(error) => PageError::new(error, tr, Some(layout)).into_response(),
    }
}
