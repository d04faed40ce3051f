//! What every page shares: the header, the navigation for the signed-in person, and the way
//! errors are shown.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use qorgau_app::{AppError, Permission, Principal};

use super::session::PageSession;
use crate::i18n::Tr;

/// One entry of the navigation.
pub struct NavItem {
    pub key: &'static str,
    pub label: String,
    pub description: String,
    pub href: &'static str,
    pub available: bool,
    pub current: bool,
    /// A domain module (shown on the home page), as opposed to an administration page.
    pub module: bool,
}

pub struct Layout {
    pub tr: Tr,
    pub lang: String,
    /// The page being shown, percent-encoded for the language switcher's `next`.
    pub here_encoded: String,
    pub page_title: String,
    pub signed_in: bool,
    pub display_name: String,
    pub csrf: String,
    pub nav: Vec<NavItem>,
    /// What every page of the module must say about the life of the acts it applies (an act
    /// repealed: its outcomes rest on a text that no longer applies).
    pub law_notices: Vec<String>,
}

/// The acts each module applies, by module key: their lapse is stated on every page of it.
const MODULE_ACTS: &[(&str, &str)] = &[("safety", "kz-2020-mod-738")];

/// The notices of the acts `module` applies that have lapsed by today in Asia/Almaty.
fn law_notices(tr: &Tr, module: &str) -> Vec<String> {
    let today = qorgau_rules::date_in_almaty(&chrono::Utc::now());
    MODULE_ACTS
        .iter()
        .filter(|(key, _)| *key == module)
        .filter_map(|(_, act)| qorgau_law::shipped().act(act))
        .filter_map(|act| {
            let repeal = act.repealed.as_ref().filter(|r| r.effective <= today)?;
            Some(
                tr.message(
                    &qorgau_i18n::Message::new("law-notice-repealed")
                        .arg("act", qorgau_law::act_name(&act.title))
                        .arg("since", repeal.effective.to_string())
                        .arg("by", qorgau_law::act_name(&repeal.by)),
                ),
            )
        })
        .collect()
}

/// (key, message id, description message id, href, permission, available now, module)
const NAV: &[(&str, &str, &str, &str, Permission, bool, bool)] = &[
    (
        "home",
        "nav-home",
        "nav-home-about",
        "/",
        Permission::UseOwnAccount,
        true,
        false,
    ),
    (
        "law",
        "nav-law",
        "nav-law-about",
        "/law",
        Permission::ReadLaw,
        true,
        true,
    ),
    (
        "safety",
        "nav-safety",
        "nav-safety-about",
        "/safety",
        Permission::ReadSafety,
        true,
        true,
    ),
    (
        "conscription",
        "nav-conscription",
        "nav-conscription-about",
        "/conscription",
        Permission::ReadConscription,
        true,
        true,
    ),
    (
        "security",
        "nav-security",
        "nav-security-about",
        "/security",
        Permission::ReadSecurity,
        true,
        true,
    ),
    (
        "rules",
        "nav-rules",
        "nav-rules-about",
        "/rules",
        Permission::ReadRules,
        true,
        true,
    ),
    (
        "org",
        "nav-org",
        "nav-org-about",
        "/org",
        Permission::ReadOrg,
        true,
        false,
    ),
    (
        "users",
        "nav-users",
        "nav-users-about",
        "/admin/users",
        Permission::ReadUsers,
        true,
        false,
    ),
    (
        "audit",
        "nav-audit",
        "nav-audit-about",
        "/audit",
        Permission::ReadAudit,
        true,
        false,
    ),
    (
        "account",
        "nav-account",
        "nav-account-about",
        "/account",
        Permission::UseOwnAccount,
        true,
        false,
    ),
];

impl Layout {
    /// The layout of a page for a signed-in person; `current` is the key of the active entry.
    pub fn signed_in(tr: &Tr, session: &PageSession, current: &str, title_id: &str) -> Self {
        let principal: &Principal = &session.principal;
        let nav = NAV
            .iter()
            .filter(|(_, _, _, _, permission, _, _)| {
                principal.must_change_password || principal.can(*permission)
            })
            .filter(|(key, ..)| !principal.must_change_password || *key == "account")
            .map(|(key, label, about, href, _, available, module)| NavItem {
                key,
                label: tr.t(label),
                description: tr.t(about),
                href,
                available: *available,
                current: *key == current,
                module: *module,
            })
            .collect();
        Self {
            tr: tr.clone(),
            lang: tr.code(),
            here_encoded: form_urlencoded::byte_serialize(tr.here().as_bytes()).collect(),
            page_title: tr.t1("page-title", "title", &tr.t(title_id)),
            signed_in: true,
            display_name: principal.display_name.clone(),
            csrf: session.csrf.clone(),
            nav,
            law_notices: law_notices(tr, current),
        }
    }

    /// The layout of a page for someone not signed in.
    pub fn anonymous(tr: &Tr, title_id: &str) -> Self {
        Self {
            tr: tr.clone(),
            lang: tr.code(),
            here_encoded: form_urlencoded::byte_serialize(tr.here().as_bytes()).collect(),
            page_title: tr.t1("page-title", "title", &tr.t(title_id)),
            signed_in: false,
            display_name: String::new(),
            csrf: String::new(),
            nav: Vec::new(),
            law_notices: Vec::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    heading: String,
    detail: String,
}

/// An error on a page: shown as a page, or a redirect where that is what the person needs.
pub struct PageError {
    pub error: AppError,
    pub tr: Tr,
    pub layout: Option<Layout>,
}

impl PageError {
    pub fn new(error: AppError, tr: &Tr, layout: Option<Layout>) -> Self {
        Self {
            error,
            tr: tr.clone(),
            layout,
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let tr = self.tr;
        let status = crate::problem::status_of(&self.error);
        let heading = match &self.error {
            AppError::Unauthenticated => return Redirect::to("/login").into_response(),
            AppError::PasswordChangeRequired => return Redirect::to("/account").into_response(),
            AppError::Forbidden { .. } | AppError::Disabled => "error-forbidden",
            AppError::NotFound { .. } | AppError::Rule(qorgau_rules::RuleError::UnknownRule(_)) => {
                "error-not-found"
            }
            AppError::Store(_) | AppError::Internal(_) => {
                tracing::error!(error = %self.error, "page failed");
                "error-internal"
            }
            _ => "error-invalid",
        };
        let detail = describe(&self.error, &tr);
        let layout = self
            .layout
            .unwrap_or_else(|| Layout::anonymous(&tr, heading));
        render(
            status,
            &ErrorPage {
                layout,
                heading: tr.t(heading),
                detail,
            },
        )
    }
}

/// A page that explains an error, for a person not (or no longer) known to be signed in.
pub fn error_page(tr: &Tr, status: StatusCode, heading_id: &str, detail: &str) -> Response {
    render(
        status,
        &ErrorPage {
            layout: Layout::anonymous(tr, heading_id),
            heading: tr.t(heading_id),
            detail: detail.to_owned(),
        },
    )
}

/// Renders a template; a template that fails to render is logged and answered with a 500.
pub fn render(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(%error, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "template error").into_response()
        }
    }
}

/// Renders a page with status 200.
pub fn page(template: &impl Template) -> Response {
    render(StatusCode::OK, template)
}

/// The sentence that explains an error to a person, from the catalogue.
pub fn describe(error: &AppError, tr: &Tr) -> String {
    tr.message(&crate::problem::error_message(error))
}

/// An optional `as_of` of a query string: empty means today.
pub fn parse_as_of(text: Option<&str>) -> Result<Option<chrono::NaiveDate>, AppError> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => text.parse().map(Some).map_err(|_| {
            AppError::invalid(
                "as_of",
                qorgau_i18n::Message::new("invalid-date").arg("value", text),
            )
        }),
    }
}
