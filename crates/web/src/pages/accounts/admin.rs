//! User administration pages.

use std::future::Future;

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
use crate::pages::form::{Filled, refuse};
use crate::pages::layout::{Layout, PageError, render};
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

/// A user as the pages list them; `now` tells whether a wait after failed sign-ins still lasts.
fn user_row(user: UserView, tr: &Tr, now: chrono::DateTime<chrono::Utc>) -> UserRow {
    let status = if user.disabled {
        tr.t("user-status-disabled")
    } else if let Some(until) = user.locked_until.filter(|until| *until > now) {
        tr.t1("user-status-waiting", "until", &format_instant(until))
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
    form: Filled<CreateForm>,
    created: String,
    secret: String,
}

/// A user just created: the notice and the one-time password, shown once.
struct Created {
    notice: String,
    secret: String,
}

async fn users_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    form: Filled<CreateForm>,
    created: Option<Created>,
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
    let status = match (&form.status, &created) {
        (Some(refused), _) => *refused,
        (None, Some(_)) => StatusCode::CREATED,
        (None, None) => StatusCode::OK,
    };
    let (created, secret) = match created {
        Some(Created { notice, secret }) => (notice, secret),
        None => (String::new(), String::new()),
    };
    render(
        status,
        &UsersPage {
            layout: layout(),
            users: users
                .into_iter()
                .map(|u| user_row(u, tr, state.app.clock().now()))
                .collect(),
            can_manage: session.principal.can(Permission::ManageUsers),
            units,
            roles: role_options(tr),
            form,
            created,
            secret,
        },
    )
}

pub async fn list(State(state): State<AppState>, tr: Tr, session: PageSession) -> Response {
    // A new user is placed on the administrator's own unit until another is chosen.
    let form = CreateForm {
        unit_id: session.principal.home_unit_id.to_string(),
        ..CreateForm::default()
    };
    users_page(&state, &tr, &session, Filled::new(form), None).await
}

/// The new-user form as posted: text as typed, so a refused form shows it again unchanged.
#[derive(Debug, Clone, Default, Deserialize)]
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
    text.trim()
        .parse()
        .map_err(|_| AppError::invalid("role", Message::new("invalid-role").arg("value", text)))
}

impl TryFrom<&CreateForm> for NewUserInput {
    type Error = AppError;

    /// A new user starts with no role unless one is chosen; a chosen role is granted on
    /// their home unit.
    fn try_from(form: &CreateForm) -> Result<Self, AppError> {
        let unit_id = parse_id("unit_id", &form.unit_id)?;
        let grants = if form.role.trim().is_empty() {
            Vec::new()
        } else {
            vec![GrantInput {
                role: parse_role(&form.role)?,
                unit_id,
            }]
        };
        Ok(NewUserInput {
            username: form.username.trim().to_owned(),
            display_name: form.display_name.clone(),
            home_unit_id: unit_id,
            grants,
        })
    }
}

/// The one-time password of a new user is shown once, on the page that answers the form: no
/// redirect.
pub async fn create(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<CreateForm>,
) -> Response {
    let result = match NewUserInput::try_from(&form) {
        Ok(input) => {
            state
                .app
                .create_user(Acting::Principal(&session.principal), input)
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok((user, password)) => {
            let created = Created {
                notice: tr.t1("users-created", "username", &user.username),
                secret: password,
            };
            let form = Filled::new(CreateForm::default());
            users_page(&state, &tr, &session, form, Some(created)).await
        }
        Err(error) => {
            refuse(&tr, &session, "users", form, error, |filled| {
                users_page(&state, &tr, &session, filled, None)
            })
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
    status_form: Filled<StatusForm>,
    reset: Filled<Empty>,
    add_grant: Filled<GrantForm>,
    remove_grant: Filled<GrantForm>,
    notice: String,
    secret: String,
}

/// The forms of a user's page: the refused one carries its error, the others are new.
struct UserForms {
    status: Filled<StatusForm>,
    reset: Filled<Empty>,
    add_grant: Filled<GrantForm>,
    remove_grant: Filled<GrantForm>,
}

impl UserForms {
    fn new() -> Self {
        Self {
            status: Filled::new(StatusForm::default()),
            reset: Filled::new(Empty {}),
            add_grant: Filled::new(GrantForm::default()),
            remove_grant: Filled::new(GrantForm::default()),
        }
    }

    /// The status of the page: the refused form's, or 200.
    fn status(&self) -> StatusCode {
        self.status
            .status
            .or(self.reset.status)
            .or(self.add_grant.status)
            .or(self.remove_grant.status)
            .unwrap_or(StatusCode::OK)
    }
}

/// What a change that went through shows: its notice, or a one-time password (once).
#[derive(Default)]
struct Done {
    notice: String,
    secret: String,
}

async fn user_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    forms: UserForms,
    done: Done,
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
        forms.status(),
        &UserPage {
            layout: layout(),
            user: user_row(user, tr, state.app.clock().now()),
            can_manage: session.principal.can(Permission::ManageUsers),
            units,
            roles: role_options(tr),
            status_form: forms.status,
            reset: forms.reset,
            add_grant: forms.add_grant,
            remove_grant: forms.remove_grant,
            notice: done.notice,
            secret: done.secret,
        },
    )
}

pub async fn show(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    user_page(&state, &tr, &session, id, UserForms::new(), Done::default()).await
}

/// The user page a form answers with: whose, and for whom.
#[derive(Clone, Copy)]
struct Answer<'a> {
    state: &'a AppState,
    tr: &'a Tr,
    session: &'a PageSession,
    id: i64,
}

/// Runs a change of a user from its form: the user's page with the change's notice, or the
/// page again with the form refused (`place` puts the refused form where it belongs).
async fn change_user<F, I, T, Fut>(
    answer: Answer<'_>,
    form: F,
    run: impl FnOnce(I) -> Fut,
    done: impl FnOnce(T) -> Done,
    place: impl FnOnce(Filled<F>) -> UserForms,
) -> Response
where
    for<'f> I: TryFrom<&'f F, Error = AppError>,
    Fut: Future<Output = Result<T, AppError>>,
{
    let Answer {
        state,
        tr,
        session,
        id,
    } = answer;
    let result = match I::try_from(&form) {
        Ok(input) => run(input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(value) => user_page(state, tr, session, id, UserForms::new(), done(value)).await,
        Err(error) => {
            refuse(tr, session, "users", form, error, |filled| {
                user_page(state, tr, session, id, place(filled), Done::default())
            })
            .await
        }
    }
}

/// The status form as posted: its hidden field says whether to disable (`true`) or enable.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct StatusForm {
    disabled: String,
}

impl TryFrom<&StatusForm> for UserUpdate {
    type Error = AppError;

    fn try_from(form: &StatusForm) -> Result<Self, AppError> {
        Ok(UserUpdate {
            display_name: None,
            disabled: Some(form.disabled.trim() == "true"),
        })
    }
}

pub async fn set_status(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<StatusForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let answer = Answer {
        state: &state,
        tr: &tr,
        session: &session,
        id,
    };
    change_user(
        answer,
        form,
        |update: UserUpdate| state.app.update_user(acting, id, update),
        |user: UserView| Done {
            notice: tr.t(if user.disabled {
                "users-disabled"
            } else {
                "users-enabled"
            }),
            ..Done::default()
        },
        |status| UserForms {
            status,
            ..UserForms::new()
        },
    )
    .await
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

pub async fn reset_password(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<Empty>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let answer = Answer {
        state: &state,
        tr: &tr,
        session: &session,
        id,
    };
    change_user(
        answer,
        form,
        |(): ()| state.app.reset_password(acting, id),
        |secret: String| Done {
            secret,
            ..Done::default()
        },
        |reset| UserForms {
            reset,
            ..UserForms::new()
        },
    )
    .await
}

/// A grant form as posted: a role on a unit.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GrantForm {
    role: String,
    unit_id: String,
}

impl TryFrom<&GrantForm> for GrantInput {
    type Error = AppError;

    fn try_from(form: &GrantForm) -> Result<Self, AppError> {
        Ok(GrantInput {
            role: parse_role(&form.role)?,
            unit_id: parse_id("unit_id", &form.unit_id)?,
        })
    }
}

/// Sets the user's grants to theirs with `grant` added, or taken away.
async fn change_grants(
    state: &AppState,
    session: &PageSession,
    id: i64,
    grant: GrantInput,
    add: bool,
) -> Result<UserView, AppError> {
    let acting = Acting::Principal(&session.principal);
    let user = state.app.get_user(acting, id).await?;
    let mut grants: Vec<GrantInput> = user
        .grants
        .iter()
        .map(|g| GrantInput {
            role: g.role,
            unit_id: g.unit_id,
        })
        .filter(|g| add || *g != grant)
        .collect();
    if add {
        grants.push(grant);
    }
    state.app.set_grants(acting, id, grants).await
}

fn grants_changed(tr: &Tr) -> Done {
    Done {
        notice: tr.t("users-grants-changed"),
        ..Done::default()
    }
}

pub async fn add_grant(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<GrantForm>,
) -> Response {
    let answer = Answer {
        state: &state,
        tr: &tr,
        session: &session,
        id,
    };
    change_user(
        answer,
        form,
        |grant: GrantInput| change_grants(&state, &session, id, grant, true),
        |_| grants_changed(&tr),
        |add_grant| UserForms {
            add_grant,
            ..UserForms::new()
        },
    )
    .await
}

pub async fn remove_grant(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<GrantForm>,
) -> Response {
    let answer = Answer {
        state: &state,
        tr: &tr,
        session: &session,
        id,
    };
    change_user(
        answer,
        form,
        |grant: GrantInput| change_grants(&state, &session, id, grant, false),
        |_| grants_changed(&tr),
        |remove_grant| UserForms {
            remove_grant,
            ..UserForms::new()
        },
    )
    .await
}
