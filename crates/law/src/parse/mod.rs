//! Turning plain text into an act's tree.
//!
//! [`statute`] reads numbered legal text (chapters, articles, paragraphs `1.`, points `1)`);
//! [`page`] reads official web pages (headings, paragraphs, bullets). Each shipped document adds
//! what only it needs in `crate::corpus`, and says where it interpreted the text.

pub mod page;
pub mod statute;
pub mod text;

use crate::ClauseId;
use crate::model::{Node, NodeKind};

/// Builds the arena of an act's nodes.
pub struct Tree {
    act_id: String,
    pub nodes: Vec<Node>,
}

impl Tree {
    pub fn new(act_id: &str) -> Self {
        let root = Node {
            id: None,
            kind: NodeKind::Act,
            number: None,
            heading: None,
            text: String::new(),
            parent: None,
            children: Vec::new(),
            amendments: Vec::new(),
        };
        Self {
            act_id: act_id.to_owned(),
            nodes: vec![root],
        }
    }

    /// The id of the act being built (what its clause ids start with).
    pub fn act_id(&self) -> &str {
        &self.act_id
    }

    /// The id component of a kind (`art`, `para`, ...).
    fn component(kind: NodeKind) -> &'static str {
        match kind {
            NodeKind::Act => "",
            NodeKind::Order => "order",
            NodeKind::Chapter => "chp",
            NodeKind::Article => "art",
            NodeKind::Paragraph => "para",
            NodeKind::Point => "point",
            NodeKind::Appendix => "app",
            NodeKind::Section => "sec",
            NodeKind::Item => "item",
        }
    }

    /// Adds a node under `parent`. Chapters do not appear in the ids of what they hold
    /// (`art_6`, not `chp_2__art_6`), as in Akoma Ntoso's eIds for articles.
    pub fn add(
        &mut self,
        parent: usize,
        kind: NodeKind,
        number: &str,
        heading: Option<String>,
    ) -> usize {
        let own = format!("{}_{}", Self::component(kind), number);
        let mut prefix_at = Some(parent);
        while let Some(at) = prefix_at {
            if self.nodes[at].kind != NodeKind::Chapter {
                break;
            }
            prefix_at = self.nodes[at].parent;
        }
        let path = match prefix_at.and_then(|at| self.nodes[at].id.as_ref()) {
            Some(prefix) => format!("{prefix}__{own}"),
            None => format!("{}/{own}", self.act_id),
        };
        // A malformed id here is a bug of the parser, not of the input: numbers are digits.
        let id =
            ClauseId::parse(&path).unwrap_or_else(|e| panic!("parser produced an invalid id: {e}"));
        let index = self.nodes.len();
        self.nodes.push(Node {
            id: Some(id),
            kind,
            number: Some(number.to_owned()),
            heading,
            text: String::new(),
            parent: Some(parent),
            children: Vec::new(),
            amendments: Vec::new(),
        });
        self.nodes[parent].children.push(index);
        index
    }

    /// Tidies every node's text and heading.
    pub fn finish(mut self) -> Vec<Node> {
        for node in &mut self.nodes {
            node.text = text::tidy(&node.text);
            node.heading = node.heading.as_deref().map(text::tidy);
        }
        self.nodes
    }
}

/// `5-4` -> (5, 4); `22` -> (22, 0).
pub fn number_key(number: &str) -> Option<(u32, u32)> {
    match number.split_once('-') {
        Some((main, sub)) => Some((main.parse().ok()?, sub.parse().ok()?)),
        None => Some((number.parse().ok()?, 0)),
    }
}

/// Whether `next` can follow `previous` in one list: the next number, or an inserted number
/// (`3-1` after `3`, `5-5` after `5-3`, and `5-4` after `5-5` as the source has it).
pub fn follows(previous: Option<&str>, next: &str) -> bool {
    let Some((main, sub)) = number_key(next) else {
        return false;
    };
    match previous.and_then(number_key) {
        None => main == 1 && sub == 0,
        Some((last_main, _)) => {
            (main == last_main && sub > 0) || (main == last_main + 1 && sub == 0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::follows;

    #[test]
    fn numbering_follows_with_insertions() {
        assert!(follows(None, "1"));
        assert!(!follows(None, "2"));
        assert!(follows(Some("2"), "2-1"));
        assert!(follows(Some("2-1"), "3"));
        assert!(follows(Some("5-5"), "5-4"));
        assert!(follows(Some("26-34"), "27"));
        assert!(!follows(Some("3"), "5"));
        assert!(!follows(Some("3"), "3"));
    }
}
