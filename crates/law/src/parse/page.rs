//! Official web pages: a heading alone between blank lines opens a section; each other line is a
//! paragraph; `1)` or `1.` lines are points of the paragraph before them; `•` lines are items of
//! the point or paragraph before them. Such pages are not hard-wrapped: one line, one unit.

use std::sync::LazyLock;

use regex::Regex;

use super::Tree;
use super::text::append;
use crate::model::NodeKind;

static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,2})[.)]\s+(.*)$").expect("valid pattern"));
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*•\s*(.*)$").expect("valid pattern"));

/// Whether line `i` reads as a heading: short, no closing punctuation, blank lines around it.
fn is_heading(lines: &[&str], i: usize) -> bool {
    let line = lines[i].trim();
    let blank = |j: Option<usize>| {
        j.and_then(|j| lines.get(j))
            .is_none_or(|l| l.trim().is_empty())
    };
    !line.is_empty()
        && line.chars().count() <= 80
        && !line.ends_with(['.', ':', ';', ','])
        && !NUMBERED.is_match(line)
        && !BULLET.is_match(line)
        && blank(i.checked_sub(1))
        && blank(Some(i + 1))
}

/// The ordinal of the next child of `kind` under `parent`.
fn next_number(tree: &Tree, parent: usize, kind: NodeKind) -> usize {
    tree.nodes[parent]
        .children
        .iter()
        .filter(|&&c| tree.nodes[c].kind == kind)
        .count()
        + 1
}

/// Parses page lines into sections (when `sections`) or straight into paragraphs of the act.
pub fn parse(tree: &mut Tree, lines: &[&str], sections: bool) {
    let root = 0;
    let mut section: Option<usize> = None;
    let mut paragraph: Option<usize> = None;
    let mut point: Option<usize> = None;
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if sections && is_heading(lines, i) {
            let number = next_number(tree, root, NodeKind::Section);
            section = Some(tree.add(
                root,
                NodeKind::Section,
                &number.to_string(),
                Some(line.to_owned()),
            ));
            paragraph = None;
            point = None;
            continue;
        }
        let container = section.unwrap_or(root);
        if let Some(caps) = BULLET.captures(line) {
            let parent = point.or(paragraph).unwrap_or(container);
            let number = next_number(tree, parent, NodeKind::Item);
            let item = tree.add(parent, NodeKind::Item, &number.to_string(), None);
            append(&mut tree.nodes[item].text, &caps[1]);
        } else if let Some(caps) = NUMBERED.captures(line) {
            let parent = paragraph.unwrap_or(container);
            let created = tree.add(parent, NodeKind::Point, &caps[1], None);
            append(&mut tree.nodes[created].text, &caps[2]);
            point = Some(created);
        } else {
            let number = next_number(tree, container, NodeKind::Paragraph);
            let created = tree.add(container, NodeKind::Paragraph, &number.to_string(), None);
            append(&mut tree.nodes[created].text, line);
            paragraph = Some(created);
            point = None;
        }
    }
}
