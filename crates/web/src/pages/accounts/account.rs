//! One's own account: password change (first thing after a one-time password) and API tokens.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use qorgau_app::accounts::TokenView;
use qorgau_app::format_instant;
use serde::Deserialize;

use crate::AppState;
use crate::auth::session_cookie;
use crate::i18n::Tr;
use crate::pages::layout::{Layout, PageError, describe, render};
use crate::pages::session::{PageForm, PageSession};

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    layout: Layout,
    must_change: bool,
    min_length: usize,
    tokens: Vec<TokenLine>,
    notice: String,
    error: String,
    secret: String,
}

/// A token as the account page lists it, its instants printed in their stored form.
struct TokenLine {
    id: i64,
    name: String,
    prefix: String,
    created_at: String,
    revoked_at: Option<String>,
}

impl From<TokenView> for TokenLine {
    fn from(token: TokenView) -> Self {
        Self {
            id: token.id,
            name: token.name,
            prefix: token.prefix,
            created_at: format_instant(token.created_at),
            revoked_at: token.revoked_at.map(format_instant),
        }
    }
}

async fn account_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    status: StatusCode,
    notice: String,
    error: String,
    secret: String,
) -> Response {
    let must_change = session.principal.must_change_password;
    let tokens = if must_change {
        Vec::new()
    } else {
        match state.app.list_tokens(&session.principal).await {
            Ok(tokens) => tokens.into_iter().map(TokenLine::from).collect(),
            Err(e) => return PageError::new(e, tr, None).into_response(),
        }
    };
    render(
        status,
        &AccountPage {
            layout: Layout::signed_in(tr, session, "account", "account-title"),
            must_change,
            min_length: state.app.settings().min_password_length,
            tokens,
            notice,
            error,
            secret,
        },
    )
}

pub async fn page(State(state): State<AppState>, tr: Tr, session: PageSession) -> Response {
    account_page(
        &state,
        &tr,
        &session,
        StatusCode::OK,
        String::new(),
        String::new(),
        String::new(),
    )
    .await
}

#[derive(Deserialize)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
    repeat_password: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    tr: Tr,
    jar: CookieJar,
    PageForm { session, form }: PageForm<PasswordForm>,
) -> Response {
    if form.new_password != form.repeat_password {
        let error = tr.t("error-passwords-differ");
        return account_page(
            &state,
            &tr,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            String::new(),
            error,
            String::new(),
        )
        .await;
    }
    match state
        .app
        .change_password(
            &session.principal,
            &form.current_password,
            &form.new_password,
        )
        .await
    {
        Ok(signed_in) => {
            let jar = jar.add(session_cookie(&state, signed_in.session_token));
            (jar, Redirect::to("/")).into_response()
        }
        Err(error) => {
            let message = describe(&error, &tr);
            account_page(
                &state,
                &tr,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                String::new(),
                message,
                String::new(),
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct TokenForm {
    name: String,
}

pub async fn create_token(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<TokenForm>,
) -> Response {
    match state.app.create_token(&session.principal, &form.name).await {
        Ok((_, secret)) => {
            let notice = tr.t("token-created");
            account_page(
                &state,
                &tr,
                &session,
                StatusCode::CREATED,
                notice,
                String::new(),
                secret,
            )
            .await
        }
        Err(error) => {
            let message = describe(&error, &tr);
            account_page(
                &state,
                &tr,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                String::new(),
                message,
                String::new(),
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn revoke_token(
    State(state): State<AppState>,
    tr: Tr,
    axum::extract::Path(id): axum::extract::Path<i64>,
    PageForm { session, .. }: PageForm<Empty>,
) -> Response {
    match state.app.revoke_token(&session.principal, id).await {
        Ok(_) => {
            let notice = tr.t("token-revoked");
            account_page(
                &state,
                &tr,
                &session,
                StatusCode::OK,
                notice,
                String::new(),
                String::new(),
            )
            .await
        }
        Err(error) => PageError::new(
            error,
            &tr,
            Some(Layout::signed_in(&tr, &session, "account", "account-title")),
        )
        .into_response(),
    }
}
