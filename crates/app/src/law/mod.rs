//! Reading the law: the acts, a clause on a date with its place in the act, and the rules that
//! cite it; search; Akoma Ntoso export; and the import of further acts.

use std::sync::{Arc, RwLock};

use chrono::NaiveDate;
use qorgau_i18n::{Lang, Message};
use qorgau_law::{
    Act, ClauseId, ImportMeta, ImportReport, Library, NodeKind, Status, TextLanguage,
};
use qorgau_rules::registry;
use qorgau_store::law as law_repo;
use serde::Serialize;

pub mod watch;

use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// An act as listed.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[schema(as = LawActView)]
pub struct ActView {
    pub id: String,
    pub title: String,
    pub adopted: Option<NaiveDate>,
    pub in_force_from: NaiveDate,
    /// Why that day, in the reader's language.
    pub in_force_basis: String,
    #[serde(skip)]
    pub basis: Message,
    pub source_file: String,
    /// The language of the act's text.
    #[schema(schema_with = crate::words::word::<TextLanguage>)]
    pub language: TextLanguage,
    /// Nodes per kind.
    pub counts: Vec<(String, usize)>,
    /// Where the parser had to interpret the text, in the reader's language.
    pub interpretations: Vec<String>,
    #[serde(skip)]
    pub readings: Vec<Message>,
}

impl ActView {
    /// The view with its readings said in `lang`.
    pub fn speaking(mut self, lang: &Lang) -> Self {
        self.title = act_title(&self.title, lang);
        self.in_force_basis = self.basis.render(lang);
        self.interpretations = self.readings.iter().map(|r| r.render(lang)).collect();
        self
    }
}

/// An act's title in `lang`: the catalogue's name of a shipped act, an imported act's own.
pub fn act_title(title: &str, lang: &Lang) -> String {
    Message::new("law-act-name")
        .arg("name", qorgau_law::act_name(title))
        .render(lang)
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
    /// The language `text` is written in: the corpus ships English translations; an imported
    /// act is in the language it was imported in.
    #[schema(schema_with = crate::words::word::<TextLanguage>)]
    pub language: TextLanguage,
    pub as_of: NaiveDate,
    pub status: ClauseStatus,
    /// From the act down to this clause's parent.
    pub breadcrumbs: Vec<ClauseLink>,
    pub children: Vec<ClauseLink>,
    /// The rules whose decisions may cite this clause.
    pub cited_by: Vec<String>,
}

/// Whether a clause is in force on a date, as the API and pages show it: the law's [`Status`]
/// with a schema of its own, so the document says which fields come with which status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ClauseStatus {
    InForce,
    /// Not yet: the act (or the clause) applies from `since`.
    NotYetInForce {
        since: NaiveDate,
    },
    /// Excluded by a later act (`by`) from `since`.
    Excluded {
        by: String,
        since: NaiveDate,
    },
    /// The whole act lapsed: repealed by a later act (`by`) from `since`.
    Repealed {
        by: String,
        since: NaiveDate,
    },
}

impl From<Status> for ClauseStatus {
    fn from(status: Status) -> Self {
        match status {
            Status::InForce => ClauseStatus::InForce,
            Status::NotYetInForce { since } => ClauseStatus::NotYetInForce { since },
            Status::Excluded { by, since } => ClauseStatus::Excluded { by, since },
            Status::Repealed { by, since } => ClauseStatus::Repealed { by, since },
        }
    }
}

impl ClauseStatus {
    /// Whether the clause applies on the date it was read for.
    pub fn is_in_force(&self) -> bool {
        *self == ClauseStatus::InForce
    }
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
        id: act.id.clone(),
        title: act.title.clone(),
        adopted: act.adopted,
        in_force_from: act.in_force_from,
        in_force_basis: act.in_force_basis.render(&Lang::english()),
        basis: act.in_force_basis.clone(),
        source_file: act.source_file.clone(),
        language: act.language,
        counts: act
            .counts()
            .into_iter()
            .map(|(k, n)| (kind_name(k), n))
            .collect(),
        interpretations: act
            .interpretations
            .iter()
            .map(|r| r.render(&Lang::english()))
            .collect(),
        readings: act.interpretations.clone(),
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

/// The library the application reads: swapped whole when an act is imported, so a reader
/// never sees half an import.
#[derive(Clone)]
pub struct LibraryCell(Arc<RwLock<Arc<Library>>>);

impl LibraryCell {
    pub fn shipped() -> Self {
        let library = Library::with_imported(Vec::new())
            .unwrap_or_else(|e| panic!("indexing the shipped corpus in memory failed: {e}"));
        Self(Arc::new(RwLock::new(Arc::new(library))))
    }

    pub fn get(&self) -> Arc<Library> {
        self.0.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn replace(&self, library: Library) {
        *self.0.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(library);
    }
}

fn not_found(entity: &'static str, id: &str) -> AppError {
    AppError::NotFound {
        entity,
        id: id.to_owned(),
    }
}

impl App {
    /// The acts, for anyone who may read the law.
    pub fn law_acts(&self, acting: Acting<'_>) -> Result<Vec<ActView>, AppError> {
        authorize(acting, Permission::ReadLaw, Scope::Anywhere)?;
        Ok(self
            .library
            .get()
            .corpus
            .acts()
            .iter()
            .map(act_view)
            .collect())
    }

    /// An act's table of contents (every node in order, with its depth) on `as_of` (today in
    /// Asia/Almaty when absent).
    pub fn law_act(
        &self,
        acting: Acting<'_>,
        id: &str,
        as_of: Option<NaiveDate>,
    ) -> Result<(ActView, Vec<(usize, ClauseLink)>), AppError> {
        authorize(acting, Permission::ReadLaw, Scope::Anywhere)?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let library = self.library.get();
        let act = library.corpus.act(id).ok_or_else(|| not_found("act", id))?;
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

    /// A clause as it stands on `as_of` (today in Asia/Almaty when absent).
    pub fn law_clause(
        &self,
        acting: Acting<'_>,
        id: &str,
        as_of: Option<NaiveDate>,
    ) -> Result<ClauseView, AppError> {
        authorize(acting, Permission::ReadLaw, Scope::Anywhere)?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let clause = ClauseId::parse(id).map_err(|e| AppError::invalid("id", e.message()))?;
        let library = self.library.get();
        let (act, index) = library
            .corpus
            .locate(&clause)
            .ok_or_else(|| not_found("clause", id))?;
        let node = act.node(index);
        let path = act.breadcrumbs(index);
        Ok(ClauseView {
            id: clause.to_string(),
            act_id: act.id.clone(),
            act_title: act.title.clone(),
            kind: kind_name(node.kind),
            number: node.number.clone(),
            heading: node.heading.clone(),
            text: node.text.clone(),
            language: act.language,
            as_of,
            status: act.status(index, as_of).into(),
            breadcrumbs: path[1..path.len() - 1]
                .iter()
                .map(|&i| link(act, i, as_of))
                .collect(),
            children: node.children.iter().map(|&i| link(act, i, as_of)).collect(),
            cited_by: rules_citing(&clause),
        })
    }

    /// Searches the clauses: words or "a phrase", optionally in one act and in force on a date.
    pub fn law_search(
        &self,
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
        let library = self.library.get();
        if let Some(act) = act
            && library.corpus.act(act).is_none()
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
        let hits = library
            .index
            .search(&query)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(hits.into_iter().map(SearchHitView::from).collect())
    }

    /// The act as an Akoma Ntoso 3.0 document.
    pub fn law_export_akn(&self, acting: Acting<'_>, id: &str) -> Result<String, AppError> {
        authorize(acting, Permission::ReadLaw, Scope::Anywhere)?;
        let library = self.library.get();
        let act = library.corpus.act(id).ok_or_else(|| not_found("act", id))?;
        qorgau_law::akn::export(act).map_err(|e| AppError::Internal(e.to_string()))
    }

    /// Reads the imported acts from the database into the library.
    pub async fn load_library(&self) -> Result<usize, AppError> {
        let rows = {
            let mut conn = self.store().pool().acquire().await?;
            law_repo::list(&mut conn).await?
        };
        // The library starts with the shipped acts; rebuild it only when there is more to add.
        if rows.is_empty()
            && self.library.get().corpus.acts().len() == qorgau_law::shipped().acts().len()
        {
            return Ok(0);
        }
        let mut acts = Vec::with_capacity(rows.len());
        for row in rows {
            let (act, _) =
                qorgau_law::parse_plain(meta_of(&row), &row.source_text).map_err(|e| {
                    AppError::Internal(format!("stored act {} no longer parses: {e}", row.id))
                })?;
            acts.push(act);
        }
        let count = acts.len();
        let library =
            Library::with_imported(acts).map_err(|e| AppError::Internal(e.to_string()))?;
        self.library.replace(library);
        Ok(count)
    }

    /// Imports a plain-text act: parses it with the statute parser, keeps its text, records the
    /// import in the audit log and makes it readable and searchable at once.
    pub async fn import_act(
        &self,
        acting: Acting<'_>,
        meta: ImportMeta,
        text: &str,
    ) -> Result<ImportReport, AppError> {
        // The library is national: importing into it needs the permission at the root.
        let national = self
            .authorize_national(acting, Permission::ImportLaw)
            .await?;
        if self.library.get().corpus.act(&meta.id).is_some() {
            return Err(AppError::Conflict(format!("act {:?}", meta.id)));
        }
        let row = law_repo::ImportedAct {
            id: meta.id.clone(),
            title: meta.title.clone(),
            adopted: meta.adopted,
            in_force_from: meta.in_force_from,
            source_file: meta.source_file.clone(),
            source_text: text.to_owned(),
            language: meta.language,
        };
        let (_, report) = qorgau_law::parse_plain(meta, text)
            .map_err(|e| AppError::invalid("text", e.message()))?;
        let mut w = self
            .write(acting, Permission::ImportLaw, national.scope())
            .await?;
        let at = w.at_text();
        law_repo::insert(w.conn(), &row, &at).await?;
        w.audit(crate::audit::Change {
            action: crate::audit::AuditAction::LawImport,
            entity: "act",
            entity_id: row.id.clone(),
            before: None,
            after: Some(serde_json::json!({
                "title": row.title,
                "in_force_from": row.in_force_from,
                "source_file": row.source_file,
                "language": row.language,
                "counts": report.counts,
            })),
        })
        .await?;
        w.commit().await?;
        self.load_library().await?;
        Ok(report)
    }
}

fn meta_of(row: &law_repo::ImportedAct) -> ImportMeta {
    ImportMeta {
        id: row.id.clone(),
        title: row.title.clone(),
        adopted: row.adopted,
        in_force_from: row.in_force_from,
        source_file: row.source_file.clone(),
        language: row.language,
    }
}

/// A clause found by a search.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SearchHitView {
    pub id: String,
    pub act: String,
    /// The language of the clause's text.
    #[schema(schema_with = crate::words::word::<TextLanguage>)]
    pub language: TextLanguage,
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
            language: hit.language,
            heading: hit.heading,
            score: hit.score,
            fragment: hit.fragment,
            highlights: hit.highlights,
            snippet_html: hit.snippet_html,
        }
    }
}
