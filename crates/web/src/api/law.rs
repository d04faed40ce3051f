use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use qorgau_app::Acting;
use qorgau_app::law::{ActView, ClauseLink, ClauseView, act_title};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::{ApiPath, ApiQuery};
use crate::i18n::Tr;
use crate::problem::Problem;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AsOfQuery {
    /// The date to read the law on (YYYY-MM-DD); today in Asia/Almaty when absent.
    pub as_of: Option<NaiveDate>,
}

/// The acts of the corpus.
#[utoipa::path(get, path = "/api/v1/law/acts", tag = "law", security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<ActView>), (status = 401, body = Problem)))]
pub async fn list_acts(
    State(state): State<AppState>,
    tr: Tr,
    ApiCaller(p): ApiCaller,
) -> Result<Json<Vec<ActView>>, Problem> {
    let acts = state.app.law_acts(Acting::Principal(&p))?;
    let lang = tr.lang();
    Ok(Json(
        acts.into_iter().map(|act| act.speaking(&lang)).collect(),
    ))
}

/// An entry of an act's table of contents.
#[derive(Serialize, ToSchema)]
pub struct ContentsEntry {
    /// 0 for the act's top-level units.
    pub depth: usize,
    #[serde(flatten)]
    pub clause: ClauseLink,
}

#[derive(Serialize, ToSchema)]
pub struct ActContents {
    pub act: ActView,
    pub contents: Vec<ContentsEntry>,
}

/// An act with its table of contents on a date.
#[utoipa::path(get, path = "/api/v1/law/acts/{act}", tag = "law",
    params(("act" = String, Path, description = "Act id, such as kz-2005-29"), AsOfQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ActContents), (status = 404, body = Problem)))]
pub async fn get_act(
    State(state): State<AppState>,
    tr: Tr,
    ApiCaller(p): ApiCaller,
    ApiPath(act): ApiPath<String>,
    ApiQuery(query): ApiQuery<AsOfQuery>,
) -> Result<Json<ActContents>, Problem> {
    let (act, contents) = state
        .app
        .law_act(Acting::Principal(&p), &act, query.as_of)?;
    Ok(Json(ActContents {
        act: act.speaking(&tr.lang()),
        contents: contents
            .into_iter()
            .map(|(depth, clause)| ContentsEntry { depth, clause })
            .collect(),
    }))
}

/// A clause on a date: its text, its status (in force, or excluded by which act since when), its
/// place in the act and the rules that cite it. The clause id `ACT/PATH` is the URL's last two
/// segments.
#[utoipa::path(get, path = "/api/v1/law/clauses/{act}/{path}", tag = "law",
    params(("act" = String, Path, description = "Act id, such as kz-2005-29"),
           ("path" = String, Path, description = "Clause path, such as art_22__para_2__point_15"), AsOfQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ClauseView), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn get_clause(
    State(state): State<AppState>,
    tr: Tr,
    ApiCaller(p): ApiCaller,
    ApiPath((act, path)): ApiPath<(String, String)>,
    ApiQuery(query): ApiQuery<AsOfQuery>,
) -> Result<Json<ClauseView>, Problem> {
    let mut clause =
        state
            .app
            .law_clause(Acting::Principal(&p), &format!("{act}/{path}"), query.as_of)?;
    clause.act_title = act_title(&clause.act_title, &tr.lang());
    Ok(Json(clause))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    /// Words, or a "phrase in double quotes".
    pub q: String,
    /// Only this act, such as kz-2012-527-IV.
    pub act: Option<String>,
    /// Only clauses in force on this date (YYYY-MM-DD).
    pub as_of: Option<NaiveDate>,
    /// At most this many results (1 to 100; 20 when absent).
    pub limit: Option<usize>,
}

/// Full-text search over clauses, best first, with highlighted snippets.
#[utoipa::path(get, path = "/api/v1/law/search", tag = "law", params(SearchParams),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<qorgau_app::law::SearchHitView>), (status = 400, body = Problem), (status = 422, body = Problem)))]
pub async fn search(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(params): ApiQuery<SearchParams>,
) -> Result<Json<Vec<qorgau_app::law::SearchHitView>>, Problem> {
    Ok(Json(state.app.law_search(
        Acting::Principal(&p),
        &params.q,
        params.act.as_deref(),
        params.as_of,
        params.limit.unwrap_or(20),
    )?))
}

/// The act as an Akoma Ntoso 3.0 XML document (eIds as in the clause ids).
#[utoipa::path(get, path = "/api/v1/law/acts/{act}/akn", tag = "law",
    params(("act" = String, Path, description = "Act id, such as kz-2005-29")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, description = "Akoma Ntoso XML", content_type = "application/akn+xml"), (status = 404, body = Problem)))]
pub async fn export_akn(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(act): ApiPath<String>,
) -> Result<axum::response::Response, Problem> {
    use axum::response::IntoResponse;
    let xml = state.app.law_export_akn(Acting::Principal(&p), &act)?;
    Ok((
        [(
            axum::http::header::CONTENT_TYPE,
            "application/akn+xml; charset=utf-8",
        )],
        xml,
    )
        .into_response())
}
