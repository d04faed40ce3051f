//! One's own account: password change (first thing after a one-time password), API tokens with
//! their expiry and last use, and the sessions one is signed in with, each of which can be ended.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use chrono::{DateTime, Utc};
use qorgau_app::accounts::{SessionView, TokenView};
use qorgau_app::{AppError, format_instant};
use qorgau_i18n::{Language, Message};
use serde::Deserialize;

use crate::AppState;
use crate::auth::{SESSION_COOKIE, removal_cookie, session_cookie};
use crate::i18n::{Tr, language_cookie};
use crate::pages::form::{Filled, refuse, word};
use crate::pages::layout::{Layout, PageError, render};
use crate::pages::session::{PageForm, PageSession};

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    layout: Layout,
    must_change: bool,
    min_length: usize,
    tokens: Vec<TokenLine>,
    sessions: Vec<SessionLine>,
    /// The password form: its error only, the passwords are never shown again.
    password: Filled<()>,
    new_token: Filled<TokenForm>,
    revoke: Filled<Empty>,
    end_session: Filled<Empty>,
    language: Filled<LanguageForm>,
    notice: String,
    secret: String,
}

/// A token as the account page lists it, its instants printed in their stored form.
struct TokenLine {
    id: i64,
    name: String,
    prefix: String,
    created_at: String,
    revoked_at: Option<String>,
    expires_at: String,
    expired: bool,
    last_used_at: Option<String>,
}

impl TokenLine {
    fn new(token: TokenView, now: DateTime<Utc>) -> Self {
        Self {
            id: token.id,
            name: token.name,
            prefix: token.prefix,
            created_at: format_instant(token.created_at),
            revoked_at: token.revoked_at.map(format_instant),
            expires_at: format_instant(token.expires_at),
            expired: token.expires_at <= now,
            last_used_at: token.last_used_at.map(format_instant),
        }
    }
}

/// A session as the account page lists it.
struct SessionLine {
    id: String,
    created_at: String,
    last_seen_at: String,
    address: Option<String>,
    current: bool,
}

impl From<SessionView> for SessionLine {
    fn from(session: SessionView) -> Self {
        Self {
            id: session.id,
            created_at: format_instant(session.created_at),
            last_seen_at: format_instant(session.last_seen_at),
            address: session.address,
            current: session.current,
        }
    }
}

/// The forms of the account page: the refused one carries its error, the others are new.
struct AccountForms {
    password: Filled<()>,
    token: Filled<TokenForm>,
    revoke: Filled<Empty>,
    end_session: Filled<Empty>,
    language: Filled<LanguageForm>,
}

impl AccountForms {
    fn new() -> Self {
        Self {
            password: Filled::new(()),
            token: Filled::new(TokenForm::default()),
            revoke: Filled::new(Empty {}),
            end_session: Filled::new(Empty {}),
            language: Filled::new(LanguageForm::default()),
        }
    }

    /// The refused form's status, if one was refused.
    fn refused_status(&self) -> Option<StatusCode> {
        self.password
            .status
            .or(self.token.status)
            .or(self.revoke.status)
            .or(self.end_session.status)
            .or(self.language.status)
    }
}

/// What a change that went through shows: its notice, and a new token's secret (once).
struct Done {
    status: StatusCode,
    notice: String,
    secret: String,
}

impl Done {
    fn nothing() -> Self {
        Self {
            status: StatusCode::OK,
            notice: String::new(),
            secret: String::new(),
        }
    }
}

async fn account_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    forms: AccountForms,
    done: Done,
) -> Response {
    let must_change = session.principal.must_change_password;
    let now = state.app.clock().now();
    let (tokens, sessions) = if must_change {
        (Vec::new(), Vec::new())
    } else {
        let listed = match state.app.list_tokens(&session.principal).await {
            Ok(tokens) => tokens,
            Err(e) => return PageError::new(e, tr, None).into_response(),
        };
        let current = Some(session.session_id.as_str());
        let signed_in = match state.app.list_sessions(&session.principal, current).await {
            Ok(sessions) => sessions,
            Err(e) => return PageError::new(e, tr, None).into_response(),
        };
        (
            listed.into_iter().map(|t| TokenLine::new(t, now)).collect(),
            signed_in.into_iter().map(SessionLine::from).collect(),
        )
    };
    render(
        forms.refused_status().unwrap_or(done.status),
        &AccountPage {
            layout: Layout::signed_in(tr, session, "account", "account-title"),
            must_change,
            min_length: state.app.settings().min_password_length,
            tokens,
            sessions,
            password: forms.password,
            new_token: forms.token,
            revoke: forms.revoke,
            end_session: forms.end_session,
            language: forms.language,
            notice: done.notice,
            secret: done.secret,
        },
    )
}

pub async fn page(State(state): State<AppState>, tr: Tr, session: PageSession) -> Response {
    account_page(&state, &tr, &session, AccountForms::new(), Done::nothing()).await
}

/// The password form as posted. It has no `Debug`, and it is never shown again: a refusal
/// keeps only its error.
#[derive(Clone, Default, Deserialize)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
    repeat_password: String,
}

/// A password change as the workflow takes it: the new password typed twice alike.
struct PasswordChange {
    current: String,
    new: String,
}

impl TryFrom<&PasswordForm> for PasswordChange {
    type Error = AppError;

    fn try_from(form: &PasswordForm) -> Result<Self, AppError> {
        if form.new_password != form.repeat_password {
            return Err(AppError::invalid(
                "repeat_password",
                Message::new("error-passwords-differ"),
            ));
        }
        Ok(PasswordChange {
            current: form.current_password.clone(),
            new: form.new_password.clone(),
        })
    }
}

/// Changing one's password opens a new session (every other one ends), so success sets the
/// new cookie on the way home.
pub async fn change_password(
    State(state): State<AppState>,
    tr: Tr,
    jar: CookieJar,
    PageForm { session, form }: PageForm<PasswordForm>,
) -> Response {
    let result = match PasswordChange::try_from(&form) {
        Ok(change) => {
            state
                .app
                .change_password(&session.principal, &change.current, &change.new)
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(signed_in) => {
            let jar = jar.add(session_cookie(&state, signed_in.session_token));
            (jar, Redirect::to("/")).into_response()
        }
        Err(error) => {
            refuse(&tr, &session, "account", form, error, |filled| {
                let forms = AccountForms {
                    password: without_values(filled),
                    ..AccountForms::new()
                };
                account_page(&state, &tr, &session, forms, Done::nothing())
            })
            .await
        }
    }
}

/// A refused form with what was typed left out (passwords are not shown again).
fn without_values<F>(filled: Filled<F>) -> Filled<()> {
    Filled {
        values: (),
        error: filled.error,
        status: filled.status,
    }
}

/// The new-token form as posted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TokenForm {
    name: String,
}

/// A token's name as the workflow takes it; the workflow checks its length.
struct TokenName(String);

impl TryFrom<&TokenForm> for TokenName {
    type Error = AppError;

    fn try_from(form: &TokenForm) -> Result<Self, AppError> {
        Ok(TokenName(form.name.clone()))
    }
}

/// A new token's secret is shown once, on the page that answers the form: no redirect.
pub async fn create_token(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<TokenForm>,
) -> Response {
    let result = match TokenName::try_from(&form) {
        Ok(TokenName(name)) => state.app.create_token(&session.principal, &name).await,
        Err(e) => Err(e),
    };
    match result {
        Ok((_, secret)) => {
            let done = Done {
                status: StatusCode::CREATED,
                notice: tr.t("token-created"),
                secret,
            };
            account_page(&state, &tr, &session, AccountForms::new(), done).await
        }
        Err(error) => {
            refuse(&tr, &session, "account", form, error, |token| {
                let forms = AccountForms {
                    token,
                    ..AccountForms::new()
                };
                account_page(&state, &tr, &session, forms, Done::nothing())
            })
            .await
        }
    }
}

/// A form with nothing to fill in: its button is the whole of it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Empty {}

impl TryFrom<&Empty> for () {
    type Error = AppError;

    fn try_from(_: &Empty) -> Result<Self, AppError> {
        Ok(())
    }
}

pub async fn revoke_token(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<Empty>,
) -> Response {
    let result = match <()>::try_from(&form) {
        Ok(()) => state.app.revoke_token(&session.principal, id).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => {
            let done = Done {
                notice: tr.t("token-revoked"),
                ..Done::nothing()
            };
            account_page(&state, &tr, &session, AccountForms::new(), done).await
        }
        Err(error) => {
            refuse(&tr, &session, "account", form, error, |revoke| {
                let forms = AccountForms {
                    revoke,
                    ..AccountForms::new()
                };
                account_page(&state, &tr, &session, forms, Done::nothing())
            })
            .await
        }
    }
}

/// Ends one of one's own sessions (one left signed in elsewhere, say); the page answers with the
/// list as it is now. Ending the session asking signs it out like the sign-out button.
pub async fn end_session(
    State(state): State<AppState>,
    tr: Tr,
    jar: CookieJar,
    Path(id): Path<String>,
    PageForm { session, form }: PageForm<Empty>,
) -> Response {
    let result = match <()>::try_from(&form) {
        Ok(()) => state.app.end_session(&session.principal, &id).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) if id == session.session_id => (
            jar.remove(removal_cookie(SESSION_COOKIE)),
            Redirect::to("/login"),
        )
            .into_response(),
        Ok(()) => {
            let done = Done {
                notice: tr.t("account-session-ended"),
                ..Done::nothing()
            };
            account_page(&state, &tr, &session, AccountForms::new(), done).await
        }
        Err(error) => {
            refuse(&tr, &session, "account", form, error, |end_session| {
                let forms = AccountForms {
                    end_session,
                    ..AccountForms::new()
                };
                account_page(&state, &tr, &session, forms, Done::nothing())
            })
            .await
        }
    }
}

/// The language setting as posted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LanguageForm {
    language: String,
}

/// Stores the language the person chose and keeps it in this browser too; the page comes back
/// in it.
pub async fn set_language(
    State(state): State<AppState>,
    tr: Tr,
    jar: CookieJar,
    PageForm { session, form }: PageForm<LanguageForm>,
) -> Response {
    let result = match word::<Language>("language", &form.language) {
        Ok(language) => state
            .app
            .set_language(&session.principal, language)
            .await
            .map(|()| language),
        Err(e) => Err(e),
    };
    match result {
        Ok(language) => (
            jar.add(language_cookie(&state, language)),
            Redirect::to("/account"),
        )
            .into_response(),
        Err(error) => {
            refuse(&tr, &session, "account", form, error, |language| {
                let forms = AccountForms {
                    language,
                    ..AccountForms::new()
                };
                account_page(&state, &tr, &session, forms, Done::nothing())
            })
            .await
        }
    }
}
