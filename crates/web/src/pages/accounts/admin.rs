//! User administration pages.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use qorgau_app::accounts::{GrantInput, NewUserInput, UserUpdate, UserView};
use qorgau_app::{Acting, AppError, Permission, Role, format_instant};
use qorgau_i18n::Message;
use serde::Deserialize;

use crate::AppState;
use crate::i18n::Tr;
use crate::pages::layout::{Layout, PageError, describe, render};
use crate::pages::session::{PageForm, PageSession};

/// A user's grant as the pages show it.
pub struct GrantRow {
    pub role: Role,
    pub role_message: &'static str,
    pub unit_id: i64,
    pub unit_name: String,
}

pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub home_unit_name: String,
    pub disabled: bool,
    pub status: String,
    pub grants: Vec<GrantRow>,
}

fn user_row(user: UserView, tr: &Tr) -> UserRow {
    let status = if user.disabled {
        tr.t("user-status-disabled")
    } else if let Some(until) = user.locked_until {
        tr.t1("user-status-locked", "until", &format_instant(until))
    } else if user.must_change_password {
        tr.t("user-status-pending")
    } else {
        tr.t("user-status-active")
    };
    UserRow {
        id: user.id,
        username: user.username,
        display_name: user.display_name,
        home_unit_name: user.home_unit_name,
        disabled: user.disabled,
        status,
        grants: user
            .grants
            .into_iter()
            .map(|g| GrantRow {
                role: g.role,
                role_message: g.role.message_id(),
                unit_id: g.unit_id,
                unit_name: g.unit_name,
            })
            .collect(),
    }
}

/// Every role with its name in the reader's language, for the role choices.
fn role_options(tr: &Tr) -> Vec<(Role, String)> {
    Role::ALL
        .iter()
        .map(|&role| (role, tr.t(role.message_id())))
        .collect()
}

async fn unit_options(
    state: &AppState,
    session: &PageSession,
) -> Result<Vec<(i64, String)>, AppError> {
    let units = state
        .app
        .list_units(Acting::Principal(&session.principal))
        .await?;
    // The units the person can see; the workflow checks the right to manage on each.
    Ok(units
        .into_iter()
        .map(|u| (u.id, format!("{}{}", "· ".repeat(u.depth), u.name)))
        .collect())
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    layout: Layout,
    users: Vec<UserRow>,
    can_manage: bool,
    units: Vec<(i64, String)>,
    roles: Vec<(Role, String)>,
    error: String,
    created: String,
    secret: String,
}

async fn users_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    status: StatusCode,
    error: String,
    created: String,
    secret: String,
) -> Response {
    let layout = || Layout::signed_in(tr, session, "users", "users-title");
    let users = match state
        .app
        .list_users(Acting::Principal(&session.principal))
        .await
    {
        Ok(users) => users,
        Err(e) => return PageError::new(e, tr, Some(layout())).into_response(),
    };
    let units = match unit_options(state, session).await {
        Ok(units) => units,
        Err(e) => return PageError::new(e, tr, Some(layout())).into_response(),
    };
    render(
        status,
        &UsersPage {
            layout: layout(),
            users: users.into_iter().map(|u| user_row(u, tr)).collect(),
            can_manage: session.principal.can(Permission::ManageUsers),
            units,
            roles: role_options(tr),
            error,
            created,
            secret,
        },
    )
}

pub async fn list(State(state): State<AppState>, tr: Tr, session: PageSession) -> Response {
    users_page(
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
pub struct CreateForm {
    username: String,
    display_name: String,
    unit_id: String,
    role: String,
}

fn parse_id(field: &'static str, text: &str) -> Result<i64, AppError> {
    text.trim()
        .parse()
        .map_err(|_| AppError::invalid(field, Message::new("invalid-number").arg("value", text)))
}

fn parse_role(text: &str) -> Result<Role, AppError> {
    text.parse()
        .map_err(|_| AppError::invalid("role", Message::new("invalid-role").arg("value", text)))
}

pub async fn create(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<CreateForm>,
) -> Response {
    let result = async {
        let unit_id = parse_id("unit_id", &form.unit_id)?;
        let role = parse_role(&form.role)?;
        state
            .app
            .create_user(
                Acting::Principal(&session.principal),
                NewUserInput {
                    username: form.username.trim().to_owned(),
                    display_name: form.display_name,
                    home_unit_id: unit_id,
                    grants: vec![GrantInput { role, unit_id }],
                },
            )
            .await
    }
    .await;
    match result {
        Ok((user, password)) => {
            let created = tr.t1("users-created", "username", &user.username);
            users_page(
                &state,
                &tr,
                &session,
                StatusCode::CREATED,
                String::new(),
                created,
                password,
            )
            .await
        }
        Err(error) => {
            let message = describe(&error, &tr);
            users_page(
                &state,
                &tr,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
                String::new(),
                String::new(),
            )
            .await
        }
    }
}

#[derive(Template)]
#[template(path = "user.html")]
struct UserPage {
    layout: Layout,
    user: UserRow,
    can_manage: bool,
    units: Vec<(i64, String)>,
    roles: Vec<(Role, String)>,
    notice: String,
    error: String,
    secret: String,
}

struct Outcome {
    status: StatusCode,
    notice: String,
    error: String,
    secret: String,
}

impl Outcome {
    fn ok() -> Self {
        Self {
            status: StatusCode::OK,
            notice: String::new(),
            error: String::new(),
            secret: String::new(),
        }
    }
}

async fn user_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    outcome: Outcome,
) -> Response {
    let layout = || Layout::signed_in(tr, session, "users", "users-title");
    let user = match state
        .app
        .get_user(Acting::Principal(&session.principal), id)
        .await
    {
        Ok(user) => user,
        Err(e) => return PageError::new(e, tr, Some(layout())).into_response(),
    };
    let units = match unit_options(state, session).await {
        Ok(units) => units,
        Err(e) => return PageError::new(e, tr, Some(layout())).into_response(),
    };
    render(
        outcome.status,
        &UserPage {
            layout: layout(),
            user: user_row(user, tr),
            can_manage: session.principal.can(Permission::ManageUsers),
            units,
            roles: role_options(tr),
            notice: outcome.notice,
            error: outcome.error,
            secret: outcome.secret,
        },
    )
}

pub async fn show(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    user_page(&state, &tr, &session, id, Outcome::ok()).await
}

/// Shows the user page after a change, with the change's notice or its error.
async fn after_change<T>(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    result: Result<T, AppError>,
    notice_id: &str,
) -> Response {
    let outcome = match result {
        Ok(_) => Outcome {
            notice: tr.t(notice_id),
            ..Outcome::ok()
        },
        Err(error @ (AppError::Forbidden { .. } | AppError::NotFound { .. })) => {
            return PageError::new(
                error,
                tr,
                Some(Layout::signed_in(tr, session, "users", "users-title")),
            )
            .into_response();
        }
        Err(error) => Outcome {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            error: describe(&error, tr),
            ..Outcome::ok()
        },
    };
    user_page(state, tr, session, id, outcome).await
}

#[derive(Deserialize)]
pub struct StatusForm {
    disabled: String,
}

pub async fn set_status(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<StatusForm>,
) -> Response {
    let disabled = form.disabled == "true";
    let result = state
        .app
        .update_user(
            Acting::Principal(&session.principal),
            id,
            UserUpdate {
                display_name: None,
                disabled: Some(disabled),
            },
        )
        .await;
    let notice = if disabled {
        "users-disabled"
    } else {
        "users-enabled"
    };
    after_change(&state, &tr, &session, id, result, notice).await
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn reset_password(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, .. }: PageForm<Empty>,
) -> Response {
    match state
        .app
        .reset_password(Acting::Principal(&session.principal), id)
        .await
    {
        Ok(secret) => {
            user_page(
                &state,
                &tr,
                &session,
                id,
                Outcome {
                    secret,
                    ..Outcome::ok()
                },
            )
            .await
        }
        Err(error) => after_change::<()>(&state, &tr, &session, id, Err(error), "").await,
    }
}

#[derive(Deserialize)]
pub struct GrantForm {
    role: String,
    unit_id: String,
}

async fn change_grants(
    state: &AppState,
    session: &PageSession,
    id: i64,
    form: &GrantForm,
    add: bool,
) -> Result<UserView, AppError> {
    let role = parse_role(&form.role)?;
    let unit_id = parse_id("unit_id", &form.unit_id)?;
    let acting = Acting::Principal(&session.principal);
    let user = state.app.get_user(acting, id).await?;
    let mut grants: Vec<GrantInput> = user
        .grants
        .iter()
        .map(|g| GrantInput {
            role: g.role,
            unit_id: g.unit_id,
        })
        .filter(|g| add || !(g.role == role && g.unit_id == unit_id))
        .collect();
    if add {
        grants.push(GrantInput { role, unit_id });
    }
    state.app.set_grants(acting, id, grants).await
}

pub async fn add_grant(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<GrantForm>,
) -> Response {
    let result = change_grants(&state, &session, id, &form, true).await;
    after_change(&state, &tr, &session, id, result, "users-grants-changed").await
}

pub async fn remove_grant(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<GrantForm>,
) -> Response {
    let result = change_grants(&state, &session, id, &form, false).await;
    after_change(&state, &tr, &session, id, result, "users-grants-changed").await
}
