//! The one form path of the pages.
//!
//! A page's form is a struct of the posted text fields (`Deserialize + Default + Clone`). The
//! workflow's input is made from it with `TryFrom<&Form>` (error: an [`AppError`] that names its
//! field), and [`submit`] runs the workflow: on success it redirects, on a refusal it shows the
//! page again through the caller's `again`, with the person's input kept in [`Filled::values`]
//! and the error beside the field it names ([`Filled::error_for`]). The status of a page that
//! shows an error is the API's for the same error (`problem::status_of`), so pages and problem
//! documents never disagree.

use std::future::Future;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use qorgau_app::AppError;
use qorgau_i18n::{Message, Vocabulary};

use crate::i18n::Tr;
use crate::pages::layout::{Layout, PageError, describe};
use crate::pages::session::PageSession;
use crate::problem::status_of;

/// An error shown on a form: beside its field when it names one the form has, above the form
/// otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Option<&'static str>,
    pub message: String,
}

/// A form as shown: the values to fill in (the person's input after a refusal, the defaults
/// before) and the error, if the last attempt was refused.
#[derive(Debug, Clone, Default)]
pub struct Filled<F> {
    pub values: F,
    pub error: Option<FieldError>,
    /// The status the page answers with: 200, or the refusal's.
    pub status: Option<StatusCode>,
}

impl<F> Filled<F> {
    /// A form not yet posted, with these values filled in.
    pub fn new(values: F) -> Self {
        Self {
            values,
            error: None,
            status: None,
        }
    }

    /// A form refused with `error`, its values kept.
    pub fn refused(values: F, error: &AppError, tr: &Tr) -> Self {
        let field = match error {
            AppError::Invalid { field, .. } => Some(*field),
            AppError::Rule(qorgau_rules::RuleError::InvalidFact { fact, .. }) => Some(*fact),
            AppError::Rule(qorgau_rules::RuleError::NotYetInForce { .. }) => Some("as_of"),
            _ => None,
        };
        Self {
            values,
            error: Some(FieldError {
                field,
                message: describe(error, tr),
            }),
            status: Some(status_of(error)),
        }
    }

    /// The error to show beside field `name`, if the refusal named it.
    pub fn error_for(&self, name: &str) -> Option<&str> {
        self.error
            .as_ref()
            .filter(|e| e.field == Some(name))
            .map(|e| e.message.as_str())
    }

    /// The error to show above the form: one that names no field, or a field in `fields` the
    /// form does not show (`fields` lists those it shows beside themselves).
    pub fn general_error(&self, fields: &[&str]) -> Option<&str> {
        self.error
            .as_ref()
            .filter(|e| e.field.is_none_or(|f| !fields.contains(&f)))
            .map(|e| e.message.as_str())
    }

    /// The form as the page shows it: unchanged when `shown`; otherwise (the record it acted on
    /// changed meanwhile, so the form is no longer on the page) its error goes above the page's
    /// forms instead of beside a field no one sees.
    pub fn shown_if(mut self, shown: bool) -> Self {
        if !shown && let Some(error) = self.error.as_mut() {
            error.field = None;
        }
        self
    }

    /// Whether the last attempt was refused (a form shown open, for instance).
    pub fn refused_now(&self) -> bool {
        self.error.is_some()
    }

    /// The status to answer with.
    pub fn status(&self) -> StatusCode {
        self.status.unwrap_or(StatusCode::OK)
    }
}

/// Runs a posted form: the input is made from the form (`TryFrom`), the workflow runs, and
/// the person is sent to `to(result)`; a refusal shows the page again with the input kept.
/// Forbidden and unauthenticated are not refusals of the input: they get the error page.
pub async fn submit<F, I, T, Run, RunFut, Again, AgainFut>(
    tr: &Tr,
    session: &PageSession,
    module: &'static str,
    form: F,
    run: Run,
    to: impl FnOnce(T) -> String,
    again: Again,
) -> Response
where
    for<'f> I: TryFrom<&'f F, Error = AppError>,
    Run: FnOnce(I) -> RunFut,
    RunFut: Future<Output = Result<T, AppError>>,
    Again: FnOnce(Filled<F>) -> AgainFut,
    AgainFut: Future<Output = Response>,
{
    let result = match I::try_from(&form) {
        Ok(input) => run(input).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(value) => Redirect::to(&to(value)).into_response(),
        Err(error) => refuse(tr, session, module, form, error, again).await,
    }
}

/// Shows the page again after `error`, or the error page when it is not about the input.
pub async fn refuse<F, Again, AgainFut>(
    tr: &Tr,
    session: &PageSession,
    module: &'static str,
    form: F,
    error: AppError,
    again: Again,
) -> Response
where
    Again: FnOnce(Filled<F>) -> AgainFut,
    AgainFut: Future<Output = Response>,
{
    match error {
        // A busy database is a moment to retry: the form comes back with what was typed.
        AppError::Store(ref store) if store.is_busy() => {
            again(Filled::refused(form, &error, tr)).await
        }
        AppError::Forbidden { .. }
        | AppError::Unauthenticated
        | AppError::PasswordChangeRequired
        | AppError::Disabled
        | AppError::Store(_)
        | AppError::Internal(_) => PageError::new(
            error,
            tr,
            Some(Layout::signed_in(tr, session, module, "error-invalid")),
        )
        .into_response(),
        error => again(Filled::refused(form, &error, tr)).await,
    }
}

/// A word of vocabulary `T` chosen in a form, or an error on `field` naming the words allowed.
pub(crate) fn word<T: Vocabulary>(field: &'static str, text: &str) -> Result<T, AppError> {
    text.trim().parse().map_err(|_| {
        let allowed: Vec<&str> = T::ALL.iter().map(|w| w.word()).collect();
        AppError::invalid(
            field,
            Message::new("invalid-choice").arg("allowed", allowed.join(", ")),
        )
    })
}

/// A vocabulary's words with their labels, for a form's choice.
pub(crate) fn choices<T: Vocabulary>(tr: &Tr) -> Vec<(&'static str, String)> {
    T::ALL
        .iter()
        .map(|w| (w.word(), tr.t(w.label_id())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_stands_beside_the_field_it_names_or_above_the_form() {
        let tr = Tr::english();
        let error = AppError::invalid(
            "grounds",
            qorgau_i18n::Message::new("invalid-text-length").arg("max", 10),
        );
        let filled = Filled::refused("typed".to_owned(), &error, &tr);
        assert_eq!(filled.values, "typed");
        assert!(filled.error_for("grounds").is_some());
        assert!(filled.error_for("chair").is_none());
        assert!(filled.general_error(&["grounds"]).is_none());
        assert!(filled.general_error(&["chair"]).is_some());
        assert_eq!(filled.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(Filled::new(()).status(), StatusCode::OK);
    }
}
