use askama::Template;
use axum::response::Response;

use super::layout::{Layout, page};
use super::session::PageSession;
use crate::i18n::Tr;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    /// (role, unit) of each grant, rendered.
    grants: Vec<(String, String)>,
}

pub async fn home(tr: Tr, session: PageSession) -> Response {
    if session.principal.must_change_password {
        return axum::response::IntoResponse::into_response(axum::response::Redirect::to(
            "/account",
        ));
    }
    let grants = session
        .principal
        .grants
        .iter()
        .map(|g| (tr.t(g.role.message_id()), g.unit_name.clone()))
        .collect();
    page(&HomePage {
        layout: Layout::signed_in(&tr, &session, "home", "nav-home"),
        grants,
    })
}
