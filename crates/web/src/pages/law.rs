//! The law pages: the acts, an act's table of contents, a clause with its breadcrumbs, its status
//! on a date and the rules that cite it. Clause ids are the URLs: `/law/clauses/ACT/PATH`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use qorgau_app::law::{ActView, ClauseLink, ClauseStatus, ClauseView, act_title};
use qorgau_app::{Acting, AppError};
use qorgau_i18n::Message;
use serde::Deserialize;

use super::layout::{Layout, PageError, render};
use super::session::PageSession;
use crate::AppState;
use crate::i18n::Tr;

#[derive(Deserialize)]
pub struct AsOfQuery {
    as_of: Option<String>,
}

/// An empty or missing date means today; anything else must be a date.
fn as_of(query: &AsOfQuery) -> Result<Option<NaiveDate>, AppError> {
    super::layout::parse_as_of(query.as_of.as_deref())
}

/// "Article 22. Functions of ...", "Paragraph 2", "Point 15)": a person's name for a clause.
pub fn label(tr: &Tr, link: &ClauseLink) -> String {
    let number = link.number.clone().unwrap_or_default();
    let base = tr.t1(
        &format!("law-kind-{}", link.kind.replace('_', "-")),
        "number",
        &number,
    );
    match &link.heading {
        Some(heading) if !heading.is_empty() => {
            tr.t2("law-label-with-heading", "label", &base, "heading", heading)
        }
        _ => base,
    }
}

/// Which language an act's text is in, and whether it is the corpus's own translation.
fn text_language(tr: &Tr, act_id: &str, language: qorgau_law::TextLanguage) -> String {
    let shipped = qorgau_law::act_by_id(act_id).is_some();
    let selector = if shipped {
        "shipped"
    } else {
        language.as_str()
    };
    tr.t1("law-text-language", "language", selector)
}

fn status_text(tr: &Tr, status: &ClauseStatus) -> String {
    match status {
        ClauseStatus::InForce => tr.t("law-status-in-force"),
        ClauseStatus::NotYetInForce { since } => {
            tr.t1("law-status-not-yet", "since", &since.to_string())
        }
        ClauseStatus::Excluded { by, since } => tr.message(
            &Message::new("law-status-excluded")
                .arg("by", qorgau_law::act_name(by))
                .arg("since", since.to_string()),
        ),
        ClauseStatus::Repealed { by, since } => tr.message(
            &Message::new("law-status-repealed")
                .arg("by", qorgau_law::act_name(by))
                .arg("since", since.to_string()),
        ),
    }
}

#[derive(Template)]
#[template(path = "law.html")]
struct ActsPage {
    layout: Layout,
    acts: Vec<ActView>,
}

pub async fn acts(State(state): State<AppState>, tr: Tr, session: PageSession) -> Response {
    let layout = Layout::signed_in(&tr, &session, "law", "law-title");
    match state.app.law_acts(Acting::Principal(&session.principal)) {
        Ok(acts) => {
            let acts = acts
                .into_iter()
                .map(|act| act.speaking(&tr.lang()))
                .collect();
            render(StatusCode::OK, &ActsPage { layout, acts })
        }
        Err(e) => PageError::new(e, &tr, Some(layout)).into_response(),
    }
}

/// A rule whose basis changed, its changes as sentences.
struct WatchedRow {
    rule: String,
    changes: Vec<String>,
}

#[derive(Template)]
#[template(path = "law_watch.html")]
struct WatchPage {
    layout: Layout,
    intro: String,
    as_of: String,
    rules: Vec<WatchedRow>,
    decisions: Vec<qorgau_app::law::watch::WatchedDecision>,
    decisions_hidden: bool,
    disagreements: Vec<(Vec<String>, String)>,
    caveats: Vec<(String, String)>,
}

/// The watch on the law's life on a day (today when no date is given).
pub async fn watch(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<AsOfQuery>,
) -> Response {
    let layout = Layout::signed_in(&tr, &session, "law", "law-watch-title");
    let result = async {
        let day = as_of(&query)?;
        state
            .app
            .law_watch(Acting::Principal(&session.principal), day)
            .await
    }
    .await;
    let watch = match result {
        Ok(watch) => watch,
        Err(e) => return PageError::new(e, &tr, Some(layout)).into_response(),
    };
    let as_of = watch.as_of.to_string();
    render(
        StatusCode::OK,
        &WatchPage {
            intro: tr.t1("law-watch-intro", "as_of", &as_of),
            as_of,
            rules: watch
                .rules
                .iter()
                .map(|r| WatchedRow {
                    rule: r.rule.clone(),
                    changes: r
                        .changes
                        .iter()
                        .map(|c| tr.message(&c.change.message(&c.clause)))
                        .collect(),
                })
                .collect(),
            decisions: watch.decisions.clone(),
            decisions_hidden: watch.decisions_hidden,
            disagreements: watch
                .disagreements
                .iter()
                .map(|d| (d.clauses.clone(), tr.t(&d.message_id)))
                .collect(),
            caveats: watch
                .caveats
                .iter()
                .map(|c| (c.act.clone(), tr.t(&c.message_id)))
                .collect(),
            layout,
        },
    )
}

#[derive(Template)]
#[template(path = "law_act.html")]
struct ActPage {
    layout: Layout,
    act: ActView,
    /// Which language the act's text is in.
    text_language: String,
    as_of: String,
    /// (depth, clause, label)
    contents: Vec<(usize, ClauseLink, String)>,
}

pub async fn act(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<String>,
    Query(query): Query<AsOfQuery>,
) -> Response {
    let layout = Layout::signed_in(&tr, &session, "law", "law-title");
    let result = as_of(&query).and_then(|date| {
        state
            .app
            .law_act(Acting::Principal(&session.principal), &id, date)
    });
    match result {
        Ok((act, contents)) => {
            let date = as_of(&query)
                .ok()
                .flatten()
                .unwrap_or_else(|| state.app.clock().today());
            let contents = contents
                .into_iter()
                .map(|(depth, link)| {
                    let text = label(&tr, &link);
                    (depth, link, text)
                })
                .collect();
            render(
                StatusCode::OK,
                &ActPage {
                    layout,
                    text_language: text_language(&tr, &act.id, act.language),
                    act: act.speaking(&tr.lang()),
                    as_of: date.to_string(),
                    contents,
                },
            )
        }
        Err(e) => PageError::new(e, &tr, Some(layout)).into_response(),
    }
}

#[derive(Template)]
#[template(path = "clause.html")]
struct ClausePage {
    layout: Layout,
    clause: ClauseView,
    label: String,
    /// (id, label)
    crumbs: Vec<(String, String)>,
    /// (id, label, excerpt)
    children: Vec<(String, String, String)>,
    in_force: bool,
    status: String,
    /// Which language the text is in.
    text_language: String,
}

pub async fn clause(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path((act, path)): Path<(String, String)>,
    Query(query): Query<AsOfQuery>,
) -> Response {
    let layout = Layout::signed_in(&tr, &session, "law", "law-title");
    let id = format!("{act}/{path}");
    let result = as_of(&query).and_then(|date| {
        state
            .app
            .law_clause(Acting::Principal(&session.principal), &id, date)
    });
    match result {
        Ok(mut clause) => {
            clause.act_title = act_title(&clause.act_title, &tr.lang());
            let own = ClauseLink {
                id: clause.id.clone(),
                kind: clause.kind.clone(),
                number: clause.number.clone(),
                heading: clause.heading.clone(),
                excerpt: String::new(),
                in_force: clause.status.is_in_force(),
            };
            let page = ClausePage {
                label: label(&tr, &own),
                crumbs: clause
                    .breadcrumbs
                    .iter()
                    .map(|c| (c.id.clone(), label(&tr, c)))
                    .collect(),
                children: clause
                    .children
                    .iter()
                    .map(|c| (c.id.clone(), label(&tr, c), c.excerpt.clone()))
                    .collect(),
                in_force: own.in_force,
                status: status_text(&tr, &clause.status),
                text_language: text_language(&tr, &clause.act_id, clause.language),
                layout,
                clause,
            };
            render(StatusCode::OK, &page)
        }
        Err(e) => PageError::new(e, &tr, Some(layout)).into_response(),
    }
}

#[derive(Deserialize)]
pub struct SearchForm {
    q: Option<String>,
    act: Option<String>,
    as_of: Option<String>,
}

#[derive(Template)]
#[template(path = "law_search.html")]
struct SearchPage {
    layout: Layout,
    q: String,
    act: String,
    as_of: String,
    acts: Vec<(String, String)>,
    searched: bool,
    count: String,
    hits: Vec<qorgau_app::law::SearchHitView>,
    error: String,
}

/// The snippets are HTML made by the search index, which escapes the clause text itself.
pub async fn search(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(form): Query<SearchForm>,
) -> Response {
    let layout = Layout::signed_in(&tr, &session, "law", "law-search-title");
    let acting = Acting::Principal(&session.principal);
    let acts = match state.app.law_acts(acting) {
        Ok(acts) => acts
            .into_iter()
            .map(|a| (a.id, act_title(&a.title, &tr.lang())))
            .collect(),
        Err(e) => return PageError::new(e, &tr, Some(layout)).into_response(),
    };
    let q = form.q.clone().unwrap_or_default();
    let act = form.act.clone().unwrap_or_default();
    let date_query = AsOfQuery {
        as_of: form.as_of.clone(),
    };
    let mut page = SearchPage {
        layout,
        q: q.clone(),
        act: act.clone(),
        as_of: form.as_of.clone().unwrap_or_default(),
        acts,
        searched: false,
        count: String::new(),
        hits: Vec::new(),
        error: String::new(),
    };
    if q.trim().is_empty() {
        return render(StatusCode::OK, &page);
    }
    let result = as_of(&date_query).and_then(|date| {
        let act = (!act.is_empty()).then_some(act.as_str());
        state.app.law_search(acting, &q, act, date, 50)
    });
    match result {
        Ok(hits) => {
            page.searched = true;
            page.count = tr.t1("law-search-results", "count", &hits.len().to_string());
            page.hits = hits;
            render(StatusCode::OK, &page)
        }
        Err(error) => {
            page.error = super::layout::describe(&error, &tr);
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
