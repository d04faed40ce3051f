//! The referral list of a campaign, and the PDFs of paper summonses and referrals.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use qorgau_app::{Acting, AppError};
use qorgau_store::conscription::Campaign;

use super::{AsOfQuery, SummonsRow, as_of, fail, layout, row};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::layout::{Layout, render};
use crate::pages::session::PageSession;

#[derive(Template)]
#[template(path = "referrals.html")]
struct ReferralsPage {
    layout: Layout,
    campaign: Campaign,
    as_of: String,
    rows: Vec<SummonsRow>,
}

pub async fn referrals(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
    Query(query): Query<AsOfQuery>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let result = async {
        let date = as_of(&state, &query)?;
        let (view, _) = state.app.campaign(acting, id, date).await?;
        let list = state.app.referrals(acting, id, date).await?;
        Ok::<_, AppError>((date, view.campaign, list))
    }
    .await;
    match result {
        Ok((date, campaign, list)) => render(
            StatusCode::OK,
            &ReferralsPage {
                layout: layout(&tr, &session),
                campaign,
                as_of: date.to_string(),
                rows: list.into_iter().map(|s| row(&tr, s)).collect(),
            },
        ),
        Err(e) => fail(e, &tr, &session),
    }
}

fn pdf_response(bytes: Vec<u8>, name: &str) -> Response {
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/pdf".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

pub async fn paper_pdf(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    let lang = tr.lang();
    match state
        .app
        .paper_summonses_pdf(Acting::Principal(&session.principal), &lang, id)
        .await
    {
        Ok(bytes) => pdf_response(bytes, &format!("summonses-{id}.pdf")),
        Err(e) => fail(e, &tr, &session),
    }
}

pub async fn referrals_pdf(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
    Query(query): Query<AsOfQuery>,
) -> Response {
    let lang = tr.lang();
    let result = match as_of(&state, &query) {
        Ok(date) => {
            state
                .app
                .referrals_pdf(Acting::Principal(&session.principal), &lang, id, date)
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(bytes) => pdf_response(bytes, &format!("referrals-{id}.pdf")),
        Err(e) => fail(e, &tr, &session),
    }
}
