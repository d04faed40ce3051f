//! The parsed structure of an act: a tree of nodes in an arena, each with its eId, its number
//! as written, its heading, its text and its amendments.

use chrono::NaiveDate;
use serde::Serialize;

use qorgau_i18n::Message;

use crate::ClauseId;

/// What a node of an act is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// The act itself (the root; its text is the preamble).
    Act,
    /// The enacting order's own paragraphs, apart from the rules it approves.
    Order,
    Chapter,
    Article,
    Paragraph,
    Point,
    /// An appendix (usually a form).
    Appendix,
    /// A section of a web page, under its heading.
    Section,
    /// A bullet of a list on a web page.
    Item,
}

/// A change made to a node by a later act.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Amendment {
    pub kind: AmendmentKind,
    /// The amending act as the text names it.
    pub by: String,
    /// The first day the change applies.
    pub effective: NaiveDate,
    /// Why that day (the text gives the act's date, not always the day it took effect).
    pub effective_basis: Message,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AmendmentKind {
    /// The node was excluded (repealed) from that day.
    Excluded,
}

/// One node of an act.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// `None` only for the act's root.
    pub id: Option<ClauseId>,
    pub kind: NodeKind,
    /// The number as written (`5-4`, `22`, `1`), when the node has one.
    pub number: Option<String>,
    pub heading: Option<String>,
    /// The node's own text, line breaks of the source joined.
    pub text: String,
    #[serde(skip)]
    pub parent: Option<usize>,
    #[serde(skip)]
    pub children: Vec<usize>,
    pub amendments: Vec<Amendment>,
}

/// Whether a node is in force on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Status {
    InForce,
    /// Not yet: the act (or the node) applies from `since`.
    NotYetInForce {
        since: NaiveDate,
    },
    Excluded {
        by: String,
        since: NaiveDate,
    },
    /// The whole act lapsed: repealed by a later act from `since`.
    Repealed {
        by: String,
        since: NaiveDate,
    },
}

/// The repeal of a whole act by a later one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Repeal {
    /// The repealing act as Qorgau names it.
    pub by: String,
    /// The first day the act no longer applies.
    pub effective: NaiveDate,
    /// Why that day (the repealing act's date is known, its publication date is not).
    pub effective_basis: Message,
}

/// An act parsed into its structure.
#[derive(Debug, Clone, Serialize)]
pub struct Act {
    pub id: String,
    pub title: String,
    /// The date of adoption (signature), where the text gives it.
    pub adopted: Option<NaiveDate>,
    /// The first day the act applies, as Qorgau reads it (see `in_force_basis`).
    pub in_force_from: NaiveDate,
    /// Why that day, rendered in the reader's language (`readings.ftl`).
    pub in_force_basis: Message,
    pub source_file: String,
    /// The language of the text: the corpus ships official English translations; an imported
    /// act says its own.
    pub language: crate::TextLanguage,
    /// The repeal of the whole act, when a later act repealed it.
    pub repealed: Option<Repeal>,
    #[serde(skip)]
    pub nodes: Vec<Node>,
    /// Each place where the parser had to interpret the text, in words.
    pub interpretations: Vec<Message>,
    /// Lines the parser recognised as not belonging to the act (site boilerplate, signatures).
    pub dropped: Vec<String>,
    /// Node index by clause id, built on the first lookup: every decision checks the status of
    /// the clauses it cites, so a lookup must not walk the act. Build acts with `nodes` final.
    #[serde(skip)]
    pub by_id: std::sync::OnceLock<std::collections::HashMap<String, usize>>,
}

impl Act {
    pub fn root(&self) -> &Node {
        &self.nodes[0]
    }

    pub fn node(&self, index: usize) -> &Node {
        &self.nodes[index]
    }

    pub fn children(&self, index: usize) -> impl Iterator<Item = &Node> {
        self.nodes[index]
            .children
            .iter()
            .map(|&child| &self.nodes[child])
    }

    /// The index of the node with this id.
    pub fn find(&self, id: &ClauseId) -> Option<usize> {
        self.by_id
            .get_or_init(|| {
                let mut index = std::collections::HashMap::with_capacity(self.nodes.len());
                for (i, node) in self.nodes.iter().enumerate() {
                    if let Some(id) = &node.id {
                        // The first node with an id wins, as a walk from the root would find.
                        index.entry(id.to_string()).or_insert(i);
                    }
                }
                index
            })
            .get(id.as_str())
            .copied()
    }

    /// The status of node `index` on `as_of`: the act's own start and repeal, then the node's
    /// amendments and those of its ancestors (an excluded paragraph excludes its points).
    pub fn status(&self, index: usize, as_of: NaiveDate) -> Status {
        if as_of < self.in_force_from {
            return Status::NotYetInForce {
                since: self.in_force_from,
            };
        }
        if let Some(repeal) = self.repealed.as_ref().filter(|r| as_of >= r.effective) {
            return Status::Repealed {
                by: repeal.by.clone(),
                since: repeal.effective,
            };
        }
        let mut current = Some(index);
        while let Some(at) = current {
            for amendment in &self.nodes[at].amendments {
                if amendment.kind == AmendmentKind::Excluded && as_of >= amendment.effective {
                    return Status::Excluded {
                        by: amendment.by.clone(),
                        since: amendment.effective,
                    };
                }
            }
            current = self.nodes[at].parent;
        }
        Status::InForce
    }

    /// The path of headings (or kinds and numbers) from the act down to node `index`.
    pub fn breadcrumbs(&self, index: usize) -> Vec<usize> {
        let mut path = Vec::new();
        let mut current = Some(index);
        while let Some(at) = current {
            path.push(at);
            current = self.nodes[at].parent;
        }
        path.reverse();
        path
    }

    /// Counts of nodes per kind.
    pub fn counts(&self) -> Vec<(NodeKind, usize)> {
        let mut counts: Vec<(NodeKind, usize)> = Vec::new();
        for node in &self.nodes[1..] {
            match counts.iter_mut().find(|(kind, _)| *kind == node.kind) {
                Some((_, n)) => *n += 1,
                None => counts.push((node.kind, 1)),
            }
        }
        counts
    }

    /// The numbers of the children of `index` of one kind, in order.
    pub fn child_numbers(&self, index: usize, kind: NodeKind) -> Vec<String> {
        self.children(index)
            .filter(|n| n.kind == kind)
            .filter_map(|n| n.number.clone())
            .collect()
    }
}
