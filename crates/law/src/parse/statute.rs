//! Numbered legal text: `Chapter N.`, `Article N.`, paragraphs `N.` and points `N)`, with
//! inserted numbers (`5-1`) and the source's hard line breaks.
//!
//! A line that starts like a paragraph or a point is taken as one only when its number can
//! follow the previous one in the same list, or, where the source skips numbers, when the line
//! before it ended a sentence; otherwise it is a wrapped line of running text (`2) of this
//! clause` after `subclauses 1)` is text). Each skip accepted is reported as an interpretation.

use std::sync::LazyLock;

use qorgau_i18n::Message;
use regex::Regex;

use super::text::{append, ends_a_unit};
use super::{Tree, follows, number_key};
use crate::TextLanguage;
use crate::model::NodeKind;

/// The heading words of one language: `Chapter 1.` / `Глава 1.` / `1-тарау.`, `Article 5-1.` /
/// `Статья 5-1.` / `5-1-бап.`, and `Appendix 1` / `Приложение 1` / `1-қосымша` (in Kazakh an
/// appendix line may end with it: `Қағидаларға 1-қосымша`, "appendix 1 to the Rules").
struct Headings {
    chapter: Regex,
    article: Regex,
    appendix: Regex,
    /// Words a heading cannot end with: a heading ending in one continues on the next line.
    open_endings: &'static [&'static str],
}

fn pattern(text: &str) -> Regex {
    Regex::new(text).expect("valid pattern")
}

static ENGLISH: LazyLock<Headings> = LazyLock::new(|| Headings {
    chapter: pattern(r"^\s*Chapter\s+(\d{1,3})\.\s*(.*)$"),
    article: pattern(r"^\s*Article\s+(\d{1,3}(?:-\d{1,3})?)\.\s*(.*)$"),
    appendix: pattern(r"^\s*Appendix\s+(\d{1,3})\b\.?\s*(.*)$"),
    open_endings: &[
        "of", "the", "and", "in", "on", "for", "to", "when", "a", "an", "with", "by",
    ],
});
static RUSSIAN: LazyLock<Headings> = LazyLock::new(|| Headings {
    chapter: pattern(r"^\s*Глава\s+(\d{1,3})\.\s*(.*)$"),
    article: pattern(r"^\s*Статья\s+(\d{1,3}(?:-\d{1,3})?)\.\s*(.*)$"),
    appendix: pattern(r"^\s*Приложение\s+(?:№\s*)?(\d{1,3})\b\.?\s*(.*)$"),
    open_endings: &[
        "и", "в", "во", "о", "об", "на", "по", "для", "с", "со", "к", "от", "из", "при",
    ],
});
static KAZAKH: LazyLock<Headings> = LazyLock::new(|| Headings {
    chapter: pattern(r"^\s*(\d{1,3})-тарау\.\s*(.*)$"),
    article: pattern(r"^\s*(\d{1,3}(?:-\d{1,3})?)-бап\.\s*(.*)$"),
    // A line that starts with the number may carry a title after it; a line that names the
    // appendix after a few words ("Қағидаларға 1-қосымша") must end there, so a sentence that
    // refers to an appendix ("... 1-қосымша бойынша жасалады.") stays running text.
    appendix: pattern(
        r"^\s*(?:(\d{1,3})-қосымша\b\.?\s*(.*)|(?:[^\d\s]\S*\s+){1,3}(\d{1,3})-қосымша\.?\s*)$",
    ),
    open_endings: &["және", "мен", "пен", "бен", "немесе"],
});

impl Headings {
    fn of(language: TextLanguage) -> &'static Headings {
        match language {
            TextLanguage::Kazakh => &KAZAKH,
            TextLanguage::Russian => &RUSSIAN,
            // An act imported before imports named their language was read with English
            // headings; it still is.
            TextLanguage::English | TextLanguage::Undetermined => &ENGLISH,
        }
    }
}

// `1.In accordance` occurs: no space is needed after the dot when a capital letter follows.
static PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^(\s*)(\d{1,3}(?:-\d{1,3})?)\.(?:\s+|(\p{Lu}))(.*)$"));
static POINT: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^(\s*)(\d{1,3}(?:-\d{1,3})?)\)\s*(.*)$"));

/// Whether a line starts like a paragraph or a point.
fn looks_numbered(line: &str) -> bool {
    PARAGRAPH.is_match(line) || POINT.is_match(line)
}

/// How a source lays out its structure.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Paragraph and point lines are indented in this source and wrapped lines are not, so an
    /// unindented numbered line is running text.
    pub indented_structure: bool,
    /// The language of the headings.
    pub language: TextLanguage,
    /// Whether `Appendix N` lines open appendices. The shipped documents place their
    /// appendices themselves (`crate::corpus`); imported acts are read with them.
    pub appendices: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Self {
            indented_structure: false,
            language: TextLanguage::English,
            appendices: false,
        }
    }
}

/// The parser's position in the tree.
pub struct Statute<'a> {
    tree: &'a mut Tree,
    layout: Layout,
    base: usize,
    chapter: Option<usize>,
    article: Option<usize>,
    paragraph: Option<usize>,
    point: Option<usize>,
    /// The node running text goes to.
    last: usize,
    heading_open: bool,
    previous_line: String,
    /// The last paragraph number of the current article, or of the base across chapters
    /// (001's Rules number their paragraphs through all chapters).
    last_paragraph: Option<String>,
    /// Where the text needed a reading, in words.
    pub interpretations: Vec<Message>,
    /// Lines that looked like a numbered unit but could not be placed in the numbering, and were
    /// kept as running text of the unit before them.
    pub unplaced: Vec<String>,
}

impl<'a> Statute<'a> {
    /// A parser that puts chapters (or, without chapters, paragraphs) under `base`.
    pub fn new(tree: &'a mut Tree, base: usize, layout: Layout) -> Self {
        Self {
            tree,
            layout,
            base,
            chapter: None,
            article: None,
            paragraph: None,
            point: None,
            last: base,
            heading_open: false,
            previous_line: String::new(),
            last_paragraph: None,
            interpretations: Vec::new(),
            unplaced: Vec::new(),
        }
    }

    fn label(&self, index: usize) -> String {
        self.tree.nodes[index]
            .id
            .as_ref()
            .map_or_else(|| self.tree.act_id().to_owned(), |id| id.to_string())
    }

    fn paragraph_parent(&self) -> usize {
        self.article.or(self.chapter).unwrap_or(self.base)
    }

    fn point_parent(&self) -> usize {
        self.paragraph
            .or(self.article)
            .or(self.chapter)
            .unwrap_or(self.base)
    }

    /// The number of the last child of `parent` of `kind`.
    fn last_number(&self, parent: usize, kind: NodeKind) -> Option<String> {
        self.tree.nodes[parent]
            .children
            .iter()
            .rev()
            .map(|&c| &self.tree.nodes[c])
            .find(|n| n.kind == kind)
            .and_then(|n| n.number.clone())
    }

    /// Decides whether a numbered line starts a new unit of `kind` under `parent`.
    fn accepts(&mut self, parent: usize, kind: NodeKind, number: &str, indented: bool) -> bool {
        if self.layout.indented_structure && !indented {
            return false;
        }
        let previous = match kind {
            NodeKind::Paragraph => self.last_paragraph.clone(),
            _ => self.last_number(parent, kind),
        };
        if follows(previous.as_deref(), number) {
            return true;
        }
        let (Some((main, _)), previous_main) =
            (number_key(number), previous.as_deref().and_then(number_key))
        else {
            return false;
        };
        // A list starts at 1; a skip is accepted only within a list, and only a short one.
        let skips_forward = previous_main.is_some_and(|(last, _)| main > last && main - last <= 5);
        let line_ended = ends_a_unit(&self.previous_line) || self.previous_line.trim().is_empty();
        if skips_forward && line_ended {
            let id = if kind == NodeKind::Paragraph {
                "law-reading-paragraph-gap"
            } else {
                "law-reading-point-gap"
            };
            self.interpretations.push(
                Message::new(id)
                    .arg("unit", self.label(parent))
                    .arg("number", number)
                    .arg("previous", previous.unwrap_or_default()),
            );
            return true;
        }
        false
    }

    /// Whether a paragraph line repeats the number of the paragraph before it after that
    /// paragraph's list of points has ended (the line before closes a unit). Only plain
    /// layouts: in indented sources an unindented number is running text.
    fn repeats_paragraph(&self, number: &str) -> bool {
        !self.layout.indented_structure
            && self.last_paragraph.as_deref() == Some(number)
            && self.point.is_some()
            && ends_a_unit(&self.previous_line)
    }

    /// A heading broken over lines continues on the next line when that line starts in lower
    /// case, or when the heading so far ends with a comma or a word that cannot end a title.
    fn heading_continues(&self, next: &str) -> bool {
        next.starts_with(|c: char| c.is_lowercase()) || self.heading_incomplete()
    }

    /// Whether the open heading ends where a title cannot (a comma, "of", "the", ...); such a
    /// heading continues even across a page-break gap.
    fn heading_incomplete(&self) -> bool {
        let heading = self.tree.nodes[self.last]
            .heading
            .as_deref()
            .unwrap_or_default()
            .trim_end();
        let last_word = heading.rsplit(' ').next().unwrap_or_default();
        heading.ends_with(',')
            || Headings::of(self.layout.language)
                .open_endings
                .contains(&last_word)
    }

    /// Reads one line of the source. A list glued to its lead-in (`are:1) reduction`) is split
    /// at the colon first.
    pub fn line(&mut self, line: &str) {
        if let Some(at) = line.find(":1)")
            && !line[..at].trim().is_empty()
        {
            let (lead, rest) = line.split_at(at + 1);
            self.interpretations.push(
                Message::new("law-reading-glued-point")
                    .arg("unit", self.label(self.last))
                    .arg("line", line.trim()),
            );
            self.line(lead);
            self.line(rest);
            return;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            self.heading_open = self.heading_open && self.heading_incomplete();
            self.previous_line = String::new();
            return;
        }
        let headings = Headings::of(self.layout.language);
        if let Some(caps) = headings.chapter.captures(line) {
            let chapter = self.tree.add(
                self.base,
                NodeKind::Chapter,
                &caps[1],
                Some(caps[2].to_owned()),
            );
            self.chapter = Some(chapter);
            self.article = None;
            self.paragraph = None;
            self.point = None;
            self.last = chapter;
            self.heading_open = true;
        } else if self.layout.appendices
            && let Some(caps) = headings.appendix.captures(line)
        {
            // An appendix stands beside the chapters; its paragraphs are its own. The number is
            // the first group, or the third where the line ends with it (Kazakh).
            let number = caps
                .get(1)
                .or_else(|| caps.get(3))
                .map_or("", |m| m.as_str());
            let heading = caps
                .get(2)
                .map(|m| m.as_str().to_owned())
                .filter(|h| !h.trim().is_empty());
            let appendix = self
                .tree
                .add(self.base, NodeKind::Appendix, number, heading);
            self.chapter = None;
            self.article = Some(appendix);
            self.last_paragraph = None;
            self.paragraph = None;
            self.point = None;
            self.last = appendix;
            self.heading_open = true;
        } else if let Some(caps) = headings.article.captures(line) {
            let parent = self.chapter.unwrap_or(self.base);
            let article = self.tree.add(
                parent,
                NodeKind::Article,
                &caps[1],
                Some(caps[2].to_owned()),
            );
            self.article = Some(article);
            self.last_paragraph = None;
            self.paragraph = None;
            self.point = None;
            self.last = article;
            self.heading_open = true;
        } else if let Some(caps) = PARAGRAPH.captures(line)
            && self.accepts(
                self.paragraph_parent(),
                NodeKind::Paragraph,
                &caps[2],
                !caps[1].is_empty(),
            )
        {
            let parent = self.paragraph_parent();
            let paragraph = self.tree.add(parent, NodeKind::Paragraph, &caps[2], None);
            self.last_paragraph = Some(caps[2].to_owned());
            let first = format!("{}{}", caps.get(3).map_or("", |m| m.as_str()), &caps[4]);
            append(&mut self.tree.nodes[paragraph].text, &first);
            self.paragraph = Some(paragraph);
            self.point = None;
            self.last = paragraph;
            self.heading_open = false;
        } else if let Some(caps) = PARAGRAPH.captures(line)
            && self.repeats_paragraph(&caps[2])
        {
            // 002 Art. 20 numbers its second paragraph "1." again, after the first one's list
            // has ended: read as the next paragraph, not as running text of the last point.
            let parent = self.paragraph_parent();
            let written = caps[2].to_owned();
            let number =
                number_key(&written).map_or(written.clone(), |(main, _)| (main + 1).to_string());
            self.interpretations.push(
                Message::new("law-reading-repeated-paragraph")
                    .arg("unit", self.label(parent))
                    .arg("written", written.as_str())
                    .arg("number", number.as_str()),
            );
            let paragraph = self.tree.add(parent, NodeKind::Paragraph, &number, None);
            self.last_paragraph = Some(number);
            let first = format!("{}{}", caps.get(3).map_or("", |m| m.as_str()), &caps[4]);
            append(&mut self.tree.nodes[paragraph].text, &first);
            self.paragraph = Some(paragraph);
            self.point = None;
            self.last = paragraph;
            self.heading_open = false;
        } else if let Some(caps) = POINT.captures(line)
            && self.accepts(
                self.point_parent(),
                NodeKind::Point,
                &caps[2],
                !caps[1].is_empty(),
            )
        {
            let parent = self.point_parent();
            let point = self.tree.add(parent, NodeKind::Point, &caps[2], None);
            append(&mut self.tree.nodes[point].text, &caps[3]);
            self.point = Some(point);
            self.last = point;
            self.heading_open = false;
        } else if self.heading_open && !looks_numbered(line) && self.heading_continues(trimmed) {
            // A unit whose line had no title takes the next one as its title
            // ("Приложение 1" / "к Правилам ...").
            match self.tree.nodes[self.last].heading.as_mut() {
                Some(heading) => append(heading, trimmed),
                None => self.tree.nodes[self.last].heading = Some(trimmed.to_owned()),
            }
        } else {
            if looks_numbered(line) && !self.layout.indented_structure {
                self.unplaced
                    .push(format!("{}: {trimmed}", self.label(self.last)));
            }
            self.heading_open = false;
            append(&mut self.tree.nodes[self.last].text, trimmed);
        }
        self.previous_line = trimmed.to_owned();
    }

    /// Sends running text to `node` from now on (for a part the caller opens itself).
    pub fn continue_in(&mut self, node: usize) {
        self.last = node;
        self.chapter = None;
        self.article = None;
        self.paragraph = None;
        self.point = None;
        self.last_paragraph = None;
    }
}
