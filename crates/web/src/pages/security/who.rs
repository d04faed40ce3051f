//! "Who is responsible?" and the reference lists of the national-security texts.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use qorgau_app::security::ReferenceList;
use qorgau_app::{Acting, AppError};
use qorgau_i18n::Message;
use qorgau_law::reference::Entry;
use qorgau_rules::defense::PowerAnswer;
use qorgau_rules::security::vocabulary::ListKind;
use serde::Deserialize;

use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, refuse};
use crate::pages::layout::{Layout, PageError, render};
use crate::pages::session::PageSession;

fn layout(tr: &Tr, session: &PageSession) -> Layout {
    Layout::signed_in(tr, session, "law", "who-title")
}

/// The question as asked (a form sent by GET): text as typed, shown again with the answers.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct WhoQuery {
    q: String,
    as_of: String,
}

#[derive(Template)]
#[template(path = "who.html")]
struct WhoPage {
    layout: Layout,
    form: Filled<WhoQuery>,
    asked: bool,
    /// What the texts say of the Ministry of Defense and the power asked about.
    ministry: String,
    /// The powers that answer, then those of other kinds over the same object.
    answers: Vec<PowerLine>,
    others: Vec<PowerLine>,
    /// The decision's explanation and clauses.
    explanation: Vec<String>,
    citations: Vec<String>,
}

/// One power as the page shows it.
struct PowerLine {
    holders: String,
    verb: String,
    object: String,
    clause: String,
    in_force: bool,
    status: String,
}

fn power_line(tr: &Tr, answer: &PowerAnswer) -> PowerLine {
    let holders: Vec<&'static str> = answer.holders.iter().map(|h| h.message_id()).collect();
    let status = match (&answer.lapsed_since, &answer.lapsed_by) {
        (Some(since), Some(by)) => {
            tr.t2("law-status-excluded", "by", by, "since", &since.to_string())
        }
        _ if answer.in_force => tr.t("law-status-in-force"),
        _ => tr.t("law-status-not-yet-in-force"),
    };
    PowerLine {
        holders: tr.message(&Message::new("who-holders").arg_list("holders", holders)),
        verb: tr.t(answer.verb.message_id()),
        object: answer.object.clone(),
        clause: answer.clause.clone(),
        in_force: answer.in_force,
        status,
    }
}

pub async fn who(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<WhoQuery>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let asked = !query.q.trim().is_empty();
    if !asked {
        if let Err(error) = state.app.read_reference(acting) {
            return PageError::new(error, &tr, Some(layout(&tr, &session))).into_response();
        }
        let page = WhoPage {
            layout: layout(&tr, &session),
            form: Filled::new(query),
            asked,
            ministry: String::new(),
            answers: Vec::new(),
            others: Vec::new(),
            explanation: Vec::new(),
            citations: Vec::new(),
        };
        return render(StatusCode::OK, &page);
    }
    let result = async {
        let as_of = crate::pages::layout::parse_as_of(Some(&query.as_of))?;
        state.app.who(acting, &query.q, as_of).await
    }
    .await;
    match result {
        Ok(answer) => {
            let decision = &answer.decision;
            let view = decision.view(&tr.lang());
            let outcome = &decision.outcome;
            let page = WhoPage {
                layout: layout(&tr, &session),
                form: Filled::new(query),
                asked,
                ministry: tr.t(outcome.ministry.message_id()),
                answers: outcome.answers.iter().map(|a| power_line(&tr, a)).collect(),
                others: outcome
                    .other_kinds
                    .iter()
                    .map(|a| power_line(&tr, a))
                    .collect(),
                explanation: view.explanation,
                citations: view.citations.iter().map(|c| c.to_string()).collect(),
            };
            render(StatusCode::OK, &page)
        }
        Err(error) => {
            refuse(&tr, &session, "law", query, error, |form| {
                let status = form.status();
                let page = WhoPage {
                    layout: layout(&tr, &session),
                    form,
                    asked,
                    ministry: String::new(),
                    answers: Vec::new(),
                    others: Vec::new(),
                    explanation: Vec::new(),
                    citations: Vec::new(),
                };
                std::future::ready(render(status, &page))
            })
            .await
        }
    }
}

#[derive(Template)]
#[template(path = "reference.html")]
struct ReferencePage {
    layout: Layout,
    lists: Vec<(String, ListLine)>,
}

/// A reference list as the page shows it.
struct ListLine {
    key: ListKind,
    source: &'static str,
    entries: Vec<Entry>,
    additions: Vec<AdditionLine>,
}

/// An entry a later act added, with the day it counts from.
struct AdditionLine {
    text: String,
    added_by_act: String,
    effective_from: String,
}

/// The page's title of a list, with its count of entries.
fn list_title(key: ListKind) -> &'static str {
    match key {
        ListKind::SecurityTypes => "reference-security-types",
        ListKind::NationalInterests => "reference-national-interests",
        ListKind::MainThreats => "reference-main-threats",
        ListKind::Principles => "reference-principles",
        ListKind::SystemFunctions => "reference-system-functions",
        ListKind::Forces => "reference-forces",
        ListKind::PublicBodies => "reference-public-bodies",
        ListKind::DefenseFunctions => "reference-defense-functions",
        ListKind::CouncilFunctions => "reference-council-functions",
    }
}

fn list_line(list: ReferenceList) -> ListLine {
    ListLine {
        key: list.key,
        source: list.source,
        entries: list.entries,
        additions: list
            .additions
            .into_iter()
            .map(|a| AdditionLine {
                text: a.text,
                added_by_act: a.added_by_act,
                effective_from: a.effective_from.to_string(),
            })
            .collect(),
    }
}

#[derive(Deserialize)]
pub struct ReferenceQuery {
    as_of: Option<String>,
}

pub async fn reference(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<ReferenceQuery>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let result = async {
        let as_of = crate::pages::layout::parse_as_of(query.as_of.as_deref())?;
        state.app.reference_lists_on(acting, as_of).await
    }
    .await;
    let lists = match result {
        Ok(lists) => lists,
        Err(error) => {
            return PageError::new(error, &tr, Some(layout(&tr, &session))).into_response();
        }
    };
    let lists = lists
        .into_iter()
        .map(|list| {
            let title =
                tr.message(&Message::new(list_title(list.key)).arg("count", list.entries.len()));
            (title, list_line(list))
        })
        .collect();
    render(
        StatusCode::OK,
        &ReferencePage {
            layout: Layout::signed_in(&tr, &session, "law", "reference-title"),
            lists,
        },
    )
}

/// The organisation searched for and the one screened (a form sent by GET, and links).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OwnershipQuery {
    q: String,
    code: String,
}

#[derive(Template)]
#[template(path = "security.html")]
struct SecurityPage {
    layout: Layout,
    form: Filled<OwnershipQuery>,
    found: Vec<FoundLine>,
    screened: Option<Screened>,
}

/// An organisation found by the search, its activities named.
struct FoundLine {
    code: String,
    name: String,
    activities: String,
}

struct Screened {
    organisation: qorgau_store::security::Organisation,
    foreign_share: String,
    explanation: Vec<String>,
    citations: Vec<String>,
    paths: Vec<(String, String)>,
    cycles: Vec<String>,
}

/// The national-security page: ownership screening of an organisation, and the way to "who is
/// responsible" and the reference lists.
pub async fn security(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<OwnershipQuery>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let layout = || Layout::signed_in(&tr, &session, "security", "security-title");
    let result = async {
        let found: Vec<FoundLine> = state
            .app
            .search_organisations(acting, &query.q)
            .await?
            .into_iter()
            .map(|o| FoundLine {
                activities: o
                    .activities
                    .iter()
                    .map(|a| tr.t(a.message_id()))
                    .collect::<Vec<_>>()
                    .join(", "),
                code: o.code,
                name: o.name,
            })
            .collect();
        let screened = match Some(query.code.trim()).filter(|c| !c.is_empty()) {
            Some(code) => {
                let (organisation, decision) =
                    state.app.screen_organisation(acting, code, None).await?;
                let view = decision.view(&tr.lang());
                let outcome = &decision.outcome;
                Some(Screened {
                    organisation,
                    foreign_share: outcome.foreign_share.value().to_string(),
                    paths: outcome
                        .paths
                        .iter()
                        .map(|p| (p.path.join(" → "), p.share.value().to_string()))
                        .collect(),
                    cycles: outcome.cycles.iter().map(|c| c.join(" → ")).collect(),
                    citations: view.citations.iter().map(|c| c.to_string()).collect(),
                    explanation: view.explanation,
                })
            }
            None => None,
        };
        Ok::<_, AppError>((found, screened))
    }
    .await;
    match result {
        Ok((found, screened)) => render(
            StatusCode::OK,
            &SecurityPage {
                layout: layout(),
                form: Filled::new(query),
                found,
                screened,
            },
        ),
        Err(error) => {
            refuse(&tr, &session, "security", query, error, |form| {
                let status = form.status();
                let page = SecurityPage {
                    layout: layout(),
                    form,
                    found: Vec::new(),
                    screened: None,
                };
                std::future::ready(render(status, &page))
            })
            .await
        }
    }
}
