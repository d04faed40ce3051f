//! Security of military service: structure and strength, Plans, training, Acts, incidents,
//! coverage and analysis.

pub mod acts;
pub mod analysis;
pub mod incidents;
pub mod plans;
pub mod structure;
pub mod training;
mod views;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::AppState;

fn pdf(bytes: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "application/pdf")], bytes).into_response()
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct BodyQuery {
    pub body_id: i64,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RangeQuery {
    pub body_id: i64,
    /// YYYY-MM-DD; a year ago when absent.
    pub from: Option<NaiveDate>,
    /// YYYY-MM-DD; today when absent.
    pub to: Option<NaiveDate>,
}

fn range(state: &AppState, query: &RangeQuery) -> (NaiveDate, NaiveDate) {
    let today = state.app.clock().today();
    (
        query
            .from
            .unwrap_or_else(|| today - chrono::Duration::days(365)),
        query.to.unwrap_or(today),
    )
}
