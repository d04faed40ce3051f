//! Reading the law: the acts, a clause on a date with its place in the act, and the rules that
//! cite it.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use qorgau_law::{Act, ClauseId, NodeKind, Status, shipped};
use qorgau_rules::registry;
use serde::Serialize;

use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// An act as listed.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ActView {
    pub id: String,
    pub title: String,
    pub adopted: Option<NaiveDate>,
    pub in_force_from: NaiveDate,
    /// Why that day.
    pub in_force_basis: String,
    pub source_file: String,
    /// Nodes per kind.
    pub counts: Vec<(String, usize)>,
    /// Where the parser had to interpret the text.
    pub interpretations: Vec<String>,
}

/// A link to a clause with a label ("Article 22", "item 15)").
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ClauseLink {
    pub id: String,
    pub kind: String,
    pub number: Option<String>,
    pub heading: Option<String>,
    /// The first words of the text, for tables of contents.
    pub excerpt: String,
    pub in_force: bool,
}

/// A clause on a date.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ClauseView {
    pub id: String,
    pub act_id: String,
    pub act_title: String,
    pub kind: String,
    pub number: Option<String>,
    pub heading: Option<String>,
    pub text: String,
    pub as_of: NaiveDate,
    /// in_force, not_yet_in_force (with since) or excluded (with by and since).
    #[schema(value_type = Object)]
    pub status: Status,
    /// From the act down to this clause's parent.
    pub breadcrumbs: Vec<ClauseLink>,
    pub children: Vec<ClauseLink>,
    /// The rules whose decisions may cite this clause.
    pub cited_by: Vec<String>,
}

fn kind_name(kind: NodeKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn link(act: &Act, index: usize, as_of: NaiveDate) -> ClauseLink {
    let node = act.node(index);
    ClauseLink {
        id: node
            .id
            .as_ref()
            .map_or_else(|| act.id.to_owned(), |id| id.to_string()),
        kind: kind_name(node.kind),
        number: node.number.clone(),
        heading: node.heading.clone(),
        excerpt: node.text.chars().take(160).collect(),
        in_force: act.status(index, as_of) == Status::InForce,
    }
}

fn act_view(act: &Act) -> ActView {
    ActView {
        id: act.id.to_owned(),
        title: act.title.to_owned(),
        adopted: act.adopted,
        in_force_from: act.in_force_from,
        in_force_basis: act.in_force_basis.to_owned(),
        source_file: act.source_file.to_owned(),
        counts: act
            .counts()
            .into_iter()
            .map(|(k, n)| (kind_name(k), n))
            .collect(),
        interpretations: act.interpretations.clone(),
    }
}

/// The rules that list `id` among their citations.
pub fn rules_citing(id: &ClauseId) -> Vec<String> {
    registry()
        .iter()
        .map(|rule| rule.info())
        .filter(|info| info.citations.contains(id))
        .map(|info| info.id.to_owned())
        .collect()
}

/// The acts, for anyone who may read the law.
pub fn acts(acting: Acting<'_>) -> Result<Vec<ActView>, AppError> {
    authorize(acting, Permission::ReadLaw, Scope::Anywhere)?;
    Ok(shipped().acts().iter().map(act_view).collect())
}

/// An act with its table of contents (every node in order, with its depth) on `as_of`.
pub fn act_contents(
    acting: Acting<'_>,
    id: &str,
    as_of: NaiveDate,
) -> Result<(ActView, Vec<(usize, ClauseLink)>), AppError> {
    authorize(acting, Permission::ReadLaw, Scope::Anywhere)?;
    let act = shipped().act(id).ok_or_else(|| AppError::NotFound {
        entity: "act",
        id: id.to_owned(),
    })?;
    let contents = (1..act.nodes.len())
        .map(|index| {
            (
                act.breadcrumbs(index).len().saturating_sub(2),
                link(act, index, as_of),
            )
        })
        .collect();
    Ok((act_view(act), contents))
}

/// A clause as it stands on `as_of`.
pub fn clause(acting: Acting<'_>, id: &str, as_of: NaiveDate) -> Result<ClauseView, AppError> {
    authorize(acting, Permission::ReadLaw, Scope::Anywhere)?;
    let clause = ClauseId::parse(id).map_err(|e| {
        AppError::invalid(
            "id",
            Message::new("invalid-clause-id").arg("detail", e.to_string()),
        )
    })?;
    let (act, index) = shipped()
        .locate(&clause)
        .ok_or_else(|| AppError::NotFound {
            entity: "clause",
            id: id.to_owned(),
        })?;
    let node = act.node(index);
    let path = act.breadcrumbs(index);
    Ok(ClauseView {
        id: clause.to_string(),
        act_id: act.id.to_owned(),
        act_title: act.title.to_owned(),
        kind: kind_name(node.kind),
        number: node.number.clone(),
        heading: node.heading.clone(),
        text: node.text.clone(),
        as_of,
        status: act.status(index, as_of),
        breadcrumbs: path[1..path.len() - 1]
            .iter()
            .map(|&i| link(act, i, as_of))
            .collect(),
        children: node.children.iter().map(|&i| link(act, i, as_of)).collect(),
        cited_by: rules_citing(&clause),
    })
}

impl App {
    pub fn law_acts(&self, acting: Acting<'_>) -> Result<Vec<ActView>, AppError> {
        acts(acting)
    }

    /// An act's table of contents on `as_of` (today in Asia/Almaty when absent).
    pub fn law_act(
        &self,
        acting: Acting<'_>,
        id: &str,
        as_of: Option<NaiveDate>,
    ) -> Result<(ActView, Vec<(usize, ClauseLink)>), AppError> {
        act_contents(acting, id, as_of.unwrap_or_else(|| self.clock().today()))
    }

    /// A clause on `as_of` (today in Asia/Almaty when absent).
    pub fn law_clause(
        &self,
        acting: Acting<'_>,
        id: &str,
        as_of: Option<NaiveDate>,
    ) -> Result<ClauseView, AppError> {
        clause(acting, id, as_of.unwrap_or_else(|| self.clock().today()))
    }
}

/// A clause found by a search.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SearchHitView {
    pub id: String,
    pub act: String,
    pub heading: Option<String>,
    pub score: f32,
    /// The best passage of the clause's text.
    pub fragment: String,
    /// Byte ranges of `fragment` that match the query.
    pub highlights: Vec<(usize, usize)>,
    /// The passage as HTML (text escaped, matches in `<b>`).
    pub snippet_html: String,
}

impl From<qorgau_law::Hit> for SearchHitView {
    fn from(hit: qorgau_law::Hit) -> Self {
        Self {
            id: hit.id,
            act: hit.act,
            heading: hit.heading,
            score: hit.score,
            fragment: hit.fragment,
            highlights: hit.highlights,
            snippet_html: hit.snippet_html,
        }
    }
}

/// Searches the clauses: words or "a phrase", optionally in one act and in force on a date.
pub fn search(
    acting: Acting<'_>,
    text: &str,
    act: Option<&str>,
    as_of: Option<NaiveDate>,
    limit: usize,
) -> Result<Vec<SearchHitView>, AppError> {
    authorize(acting, Permission::ReadLaw, Scope::Anywhere)?;
    if text.trim().is_empty() {
        return Err(AppError::invalid("q", Message::new("invalid-search-empty")));
    }
    if let Some(act) = act
        && shipped().act(act).is_none()
    {
        return Err(AppError::invalid(
            "act",
            Message::new("invalid-act").arg("value", act),
        ));
    }
    let query = qorgau_law::SearchQuery {
        text,
        act,
        as_of,
        limit: limit.clamp(1, 100),
    };
    let hits = qorgau_law::shipped_index()
        .search(&query)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(hits.into_iter().map(SearchHitView::from).collect())
}

/// The act as an Akoma Ntoso 3.0 document.
pub fn export_akn(acting: Acting<'_>, id: &str) -> Result<String, AppError> {
    authorize(acting, Permission::ReadLaw, Scope::Anywhere)?;
    let act = shipped().act(id).ok_or_else(|| AppError::NotFound {
        entity: "act",
        id: id.to_owned(),
    })?;
    qorgau_law::akn::export(act).map_err(|e| AppError::Internal(e.to_string()))
}
