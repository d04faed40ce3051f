//! The five shipped documents (see `corpus/README.md` for their provenance), each parsed with the
//! readings it needs. Every reading is stated in the act's `interpretations`.

use std::sync::{LazyLock, OnceLock};

use chrono::NaiveDate;
use qorgau_i18n::Message;
use regex::Regex;

use crate::model::{Act, Amendment, AmendmentKind, NodeKind, Repeal};
use crate::parse::statute::{Layout, Statute};
use crate::parse::{Tree, page};
use crate::{ClauseId, TextLanguage, acts};

const TEXT_000: &str = include_str!("../../../corpus/000_5055fa92345805a1.txt");
const TEXT_001: &str = include_str!("../../../corpus/001_667fbf88c9dd8f6e.txt");
const TEXT_002: &str = include_str!("../../../corpus/002_402d106df8ef9c3d.txt");
const TEXT_003: &str = include_str!("../../../corpus/003_8631f41c01cc0c2c.txt");
const TEXT_004: &str = include_str!("../../../corpus/004_feebfbc8bec6b238.txt");

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid calendar date")
}

/// Law of 30 June 2025 No. 202-VIII, which excluded items 15) and 15-1) of Article 22.2.
pub const LAW_2025_202_VIII_EFFECTIVE: (i32, u32, u32) = (2025, 7, 10);

/// The corpus ships the official English translations.
const SHIPPED_LANGUAGE: TextLanguage = TextLanguage::English;

/// Order No. 738 of 25 December 2020 takes effect "ten calendar days after the date of its first
/// official publication" (its paragraph 5).
pub const ORDER_738_IN_FORCE: (i32, u32, u32) = (2021, 1, 4);

/// The act that repealed Order No. 738.
pub const ORDER_753: &str = "Order of the Minister of Defense of the Republic of Kazakhstan dated September 5, 2022 No. 753";
/// The first day Order No. 738 no longer applies, as Qorgau reads it.
pub const ORDER_753_EFFECTIVE: (i32, u32, u32) = (2022, 9, 15);

/// Records lines that are not part of the act (empty ones left out).
fn drop_lines(dropped: &mut Vec<String>, lines: &[&str]) {
    dropped.extend(
        lines
            .iter()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty()),
    );
}

/// Drops everything from the site's copyright line on.
fn without_site_boilerplate<'t>(lines: &[&'t str], dropped: &mut Vec<String>) -> Vec<&'t str> {
    match lines.iter().position(|l| l.trim_start().starts_with('©')) {
        Some(at) => {
            drop_lines(dropped, &lines[at..]);
            lines[..at].to_vec()
        }
        None => lines.to_vec(),
    }
}

fn meta(id: &str) -> &'static acts::Act {
    acts::act_by_id(id).expect("the act is in the catalogue")
}

/// 000: Article 22 of the Law on Defense and the Armed Forces.
fn parse_000() -> Act {
    let info = meta("kz-2005-29");
    let mut dropped = Vec::new();
    let all: Vec<&str> = TEXT_000.lines().collect();
    let lines = without_site_boilerplate(&all, &mut dropped);
    // The signature block: "The Law of the Republic of Kazakhstan dated January 7, 2005 No. 29."
    // and what follows it describe the whole Law, not Article 22.
    let footer = lines
        .iter()
        .position(|l| l.starts_with("The Law of the Republic of Kazakhstan dated"))
        .unwrap_or(lines.len());
    drop_lines(&mut dropped, &lines[footer..]);
    let mut tree = Tree::new(info.id);
    let mut interpretations = vec![
        Message::new("law-reading-000-heading"),
        Message::new("law-reading-000-signature"),
        Message::new("law-reading-000-inserted"),
        Message::new("law-reading-000-order"),
    ];
    let mut parser = Statute::new(&mut tree, 0, Layout::default());
    for line in &lines[..footer] {
        let line = match line.find(" The Law on Defense") {
            Some(at) if line.starts_with("Article 22.") => &line[..at],
            _ => line,
        };
        parser.line(line);
    }
    interpretations.append(&mut parser.interpretations);
    let mut nodes = tree.finish();
    static EXCLUDED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*-\s*Excluded by the (Law of the Republic of Kazakhstan dated June 30, 2025 No\. 202-VIII)(?:\s+SAM)?\s*$")
            .expect("valid pattern")
    });
    let (y, m, d) = LAW_2025_202_VIII_EFFECTIVE;
    for node in &mut nodes {
        if let Some(caps) = EXCLUDED.captures(&node.text) {
            let by = caps[1].to_owned();
            let cut = caps.get(0).map_or(node.text.len(), |m| m.start());
            node.text.truncate(cut);
            node.amendments.push(Amendment {
                kind: AmendmentKind::Excluded,
                by,
                effective: date(y, m, d),
                effective_basis: Message::new("law-basis-202-viii"),
            });
        }
    }
    interpretations.push(Message::new("law-reading-000-amendment-note"));
    Act {
        id: info.id.to_owned(),
        title: info.title.to_owned(),
        adopted: Some(date(2005, 1, 7)),
        in_force_from: date(2005, 1, 7),
        in_force_basis: Message::new("law-basis-000"),
        source_file: info.file.to_owned(),
        language: SHIPPED_LANGUAGE,
        repealed: None,
        nodes,
        interpretations,
        dropped,
        by_id: Default::default(),
    }
}

/// 001: Order No. 738 and the Rules it approves, with their two appendices.
fn parse_001() -> Act {
    let (y, m, d) = ORDER_738_IN_FORCE;
    let (ry, rm, rd) = ORDER_753_EFFECTIVE;
    let info = meta("kz-2020-mod-738");
    let mut dropped = Vec::new();
    let all: Vec<&str> = TEXT_001.lines().collect();
    let lines = without_site_boilerplate(&all, &mut dropped);
    let find = |from: usize, test: &dyn Fn(&str) -> bool| {
        lines[from..]
            .iter()
            .position(|l| test(l))
            .map(|at| at + from)
    };
    let signature = find(0, &|l| l.trim() == "Minister of Defense").unwrap_or(lines.len());
    let rules_start = find(signature, &|l| l.starts_with("Chapter 1.")).unwrap_or(lines.len());
    // Appendix 1 lost its label in the source: only " to the Rules for ensuring the" remains.
    let appendix_1 = find(rules_start, &|l| {
        l.trim_start().starts_with("to the Rules for ensuring")
    })
    .unwrap_or(lines.len());
    let appendix_2 = find(appendix_1, &|l| l.trim() == "Appendix 2").unwrap_or(lines.len());
    drop_lines(&mut dropped, &lines[signature..rules_start]);

    let mut tree = Tree::new(info.id);
    let order = tree.add(
        0,
        NodeKind::Order,
        "738",
        Some("Order of the Minister of Defense".to_owned()),
    );
    let layout = Layout {
        indented_structure: true,
        ..Layout::default()
    };
    let mut interpretations = vec![
        Message::new("law-reading-001-order"),
        Message::new("law-reading-001-indented"),
        Message::new("law-reading-001-signature"),
        Message::new("law-reading-001-appendix-label"),
        Message::new("law-reading-001-forms"),
    ];
    let mut parser = Statute::new(&mut tree, order, layout);
    for line in &lines[..signature] {
        parser.line(line);
    }
    interpretations.append(&mut parser.interpretations);
    let mut parser = Statute::new(&mut tree, 0, layout);
    for line in &lines[rules_start..appendix_1] {
        parser.line(line);
    }
    interpretations.append(&mut parser.interpretations);
    for (number, range) in [
        ("1", appendix_1..appendix_2),
        ("2", appendix_2..lines.len()),
    ] {
        let heading = format!("Appendix {number}");
        let appendix = tree.add(0, NodeKind::Appendix, number, Some(heading));
        let body = lines[range]
            .iter()
            .filter(|l| l.trim() != format!("Appendix {number}"));
        for line in body {
            crate::parse::text::append(&mut tree.nodes[appendix].text, line);
        }
    }
    Act {
        id: info.id.to_owned(),
        title: info.title.to_owned(),
        adopted: Some(date(2020, 12, 25)),
        in_force_from: date(y, m, d),
        in_force_basis: Message::new("law-basis-738"),
        source_file: info.file.to_owned(),
        language: SHIPPED_LANGUAGE,
        repealed: Some(Repeal {
            by: ORDER_753.to_owned(),
            effective: date(ry, rm, rd),
            effective_basis: Message::new("law-basis-753"),
        }),
        nodes: tree.finish(),
        interpretations,
        dropped,
        by_id: Default::default(),
    }
}

/// 002: the Law on National Security.
fn parse_002() -> Act {
    let info = meta("kz-2012-527-IV");
    let mut dropped = Vec::new();
    let all: Vec<&str> = TEXT_002.lines().collect();
    let lines = without_site_boilerplate(&all, &mut dropped);
    let footer = lines
        .iter()
        .position(|l| l.trim() == "President of the Republic of Kazakhstan")
        .unwrap_or(lines.len());
    drop_lines(&mut dropped, &lines[footer..]);
    let first_chapter = lines
        .iter()
        .position(|l| l.starts_with("Chapter 1."))
        .unwrap_or(0);
    let mut tree = Tree::new(info.id);
    for line in &lines[..first_chapter] {
        crate::parse::text::append(&mut tree.nodes[0].text, line);
    }
    let mut interpretations = vec![
        Message::new("law-reading-002-preamble"),
        Message::new("law-reading-002-article-3"),
        Message::new("law-reading-002-chapter-4"),
        Message::new("law-reading-002-signature"),
    ];
    let mut parser = Statute::new(&mut tree, 0, Layout::default());
    for line in &lines[first_chapter..footer] {
        let line = if line
            .trim_start()
            .starts_with("Chapter 3. Principles of national security")
        {
            "Article 3. Principles of national security"
        } else {
            line
        };
        parser.line(line);
    }
    interpretations.append(&mut parser.interpretations);
    Act {
        id: info.id.to_owned(),
        title: info.title.to_owned(),
        adopted: Some(date(2012, 1, 6)),
        in_force_from: date(2012, 1, 16),
        in_force_basis: Message::new("law-basis-002"),
        source_file: info.file.to_owned(),
        language: SHIPPED_LANGUAGE,
        repealed: None,
        nodes: tree.finish(),
        interpretations,
        dropped,
        by_id: Default::default(),
    }
}

/// 003: the e-Government page on compulsory military service.
fn parse_003() -> Act {
    let info = meta("kz-egov-military-service");
    let mut dropped = Vec::new();
    let all: Vec<&str> = TEXT_003.lines().collect();
    let lines = without_site_boilerplate(&all, &mut dropped);
    // The page's chrome before the first paragraph: navigation, title, date of update.
    let start = lines
        .iter()
        .position(|l| l.trim_start().starts_with("Last update:"))
        .map_or(0, |at| at + 1);
    drop_lines(&mut dropped, &lines[..start]);
    // The portal's widgets after the last paragraph ("Help", visitor counters, the error form).
    let end = lines
        .iter()
        .position(|l| l.trim() == "Help")
        .unwrap_or(lines.len())
        .max(start);
    drop_lines(&mut dropped, &lines[end..]);
    let mut tree = Tree::new(info.id);
    page::parse(&mut tree, &lines[start..end], true);
    Act {
        id: info.id.to_owned(),
        title: info.title.to_owned(),
        adopted: None,
        in_force_from: date(2025, 11, 19),
        in_force_basis: Message::new("law-basis-003"),
        source_file: info.file.to_owned(),
        language: SHIPPED_LANGUAGE,
        repealed: None,
        nodes: tree.finish(),
        interpretations: vec![
            Message::new("law-reading-003-sections"),
            Message::new("law-reading-003-chrome"),
        ],
        dropped,
        by_id: Default::default(),
    }
}

/// 004: the Security Council's page.
fn parse_004() -> Act {
    let info = meta("kz-security-council");
    let mut dropped = Vec::new();
    let all: Vec<&str> = TEXT_004.lines().collect();
    let lines = without_site_boilerplate(&all, &mut dropped);
    let start = usize::from(!lines.is_empty());
    drop_lines(&mut dropped, &lines[..start]);
    let mut tree = Tree::new(info.id);
    page::parse(&mut tree, &lines[start..], false);
    Act {
        id: info.id.to_owned(),
        title: info.title.to_owned(),
        adopted: None,
        in_force_from: date(2020, 1, 1),
        in_force_basis: Message::new("law-basis-004"),
        source_file: info.file.to_owned(),
        language: SHIPPED_LANGUAGE,
        repealed: None,
        nodes: tree.finish(),
        interpretations: vec![Message::new("law-reading-004-lines")],
        dropped,
        by_id: Default::default(),
    }
}

/// The parsed corpus.
pub struct Corpus {
    acts: Vec<Act>,
}

impl Corpus {
    pub fn new(acts: Vec<Act>) -> Self {
        Self { acts }
    }

    pub fn acts(&self) -> &[Act] {
        &self.acts
    }

    pub fn act(&self, id: &str) -> Option<&Act> {
        self.acts.iter().find(|act| act.id == id)
    }

    /// The act and node index of a clause id.
    pub fn locate(&self, id: &ClauseId) -> Option<(&Act, usize)> {
        let act = self.act(id.act())?;
        act.find(id).map(|index| (act, index))
    }
}

/// The search index of the shipped corpus, built on first use.
pub fn shipped_index() -> &'static crate::SearchIndex {
    static INDEX: OnceLock<crate::SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        crate::SearchIndex::build(shipped().acts())
            .unwrap_or_else(|e| panic!("indexing the shipped corpus in memory failed: {e}"))
    })
}

/// The version of the shipped corpus a decision read: a SHA-256 over the five texts and every
/// act's Akoma Ntoso export (which carries its life: entry into force, amendments, exclusions,
/// repeal). Any change to a text or to a recorded reading of its dates gives a new version, so a
/// stored decision says exactly which law it was made under.
pub fn shipped_version() -> &'static str {
    use sha2::{Digest, Sha256};
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let mut hash = Sha256::new();
        for text in [TEXT_000, TEXT_001, TEXT_002, TEXT_003, TEXT_004] {
            hash.update(text.as_bytes());
        }
        for act in shipped().acts() {
            // An act that cannot be exported still has its text hashed above; its id marks it.
            match crate::akn::export(act) {
                Ok(xml) => hash.update(xml.as_bytes()),
                Err(_) => hash.update(act.id.as_bytes()),
            }
        }
        hex::encode(hash.finalize())
    })
}

/// The shipped corpus, parsed once.
pub fn shipped() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| Corpus {
        acts: vec![
            parse_000(),
            parse_001(),
            parse_002(),
            parse_003(),
            parse_004(),
        ],
    })
}

/// What an import recognised.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportReport {
    /// Nodes per kind.
    pub counts: Vec<(crate::NodeKind, usize)>,
    /// Where the numbering had gaps that were accepted.
    pub interpretations: Vec<Message>,
    /// Numbered lines that could not be placed and were kept as running text.
    pub unplaced: Vec<String>,
    /// Lines dropped as site boilerplate.
    pub dropped: Vec<String>,
    /// Whether text before the first unit became the preamble.
    pub preamble: bool,
}

/// What the operator says about an act being imported.
#[derive(Debug, Clone)]
pub struct ImportMeta {
    pub id: String,
    pub title: String,
    pub adopted: Option<NaiveDate>,
    pub in_force_from: NaiveDate,
    pub source_file: String,
    /// The language the text is written in: it says which heading words number it and which
    /// stemmer searches it.
    pub language: TextLanguage,
}

/// Why a text cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the act id {0:?} may hold only a-z, 0-9, '-' and Roman numerals")]
    ActId(String),
    #[error("the act has no title")]
    NoTitle,
    #[error("no chapter, article, paragraph or point was recognised in the text")]
    NoStructure,
}

impl ImportError {
    /// The error as a whole sentence of the catalogue, for the reader's language.
    pub fn message(&self) -> Message {
        match self {
            ImportError::ActId(id) => Message::new("import-error-act-id").arg("act", id.as_str()),
            ImportError::NoTitle => Message::new("import-error-no-title"),
            ImportError::NoStructure => Message::new("import-error-no-structure"),
        }
    }
}

/// Parses a plain-text act with the statute parser: chapters, articles, paragraphs `N.`, points
/// `N)` and appendices, headed in the act's language (`Article 5.` / `Статья 5.` / `5-бап.`,
/// `Chapter 1.` / `Глава 1.` / `1-тарау.`, `Appendix 1` / `Приложение 1` / `1-қосымша`), in the
/// same shape and ids as the shipped laws. Text before the first unit is the preamble; the
/// site's copyright footer is dropped.
pub fn parse_plain(meta: ImportMeta, text: &str) -> Result<(Act, ImportReport), ImportError> {
    if ClauseId::parse(&format!("{}/art_1", meta.id)).is_err() || meta.id.is_empty() {
        return Err(ImportError::ActId(meta.id));
    }
    if meta.title.trim().is_empty() {
        return Err(ImportError::NoTitle);
    }
    let mut dropped = Vec::new();
    let all: Vec<&str> = text.lines().collect();
    let lines = without_site_boilerplate(&all, &mut dropped);
    let mut tree = Tree::new(&meta.id);
    // Acts imported before imports said their language were read without appendices; they
    // keep their ids.
    let layout = Layout {
        language: meta.language,
        appendices: meta.language != TextLanguage::Undetermined,
        ..Layout::default()
    };
    let mut parser = Statute::new(&mut tree, 0, layout);
    for line in &lines {
        parser.line(line);
    }
    let interpretations = std::mem::take(&mut parser.interpretations);
    let unplaced = std::mem::take(&mut parser.unplaced);
    let nodes = tree.finish();
    if nodes.len() == 1 {
        return Err(ImportError::NoStructure);
    }
    let act = Act {
        id: meta.id,
        title: meta.title.trim().to_owned(),
        adopted: meta.adopted,
        in_force_from: meta.in_force_from,
        in_force_basis: Message::new("law-basis-imported"),
        source_file: meta.source_file,
        language: meta.language,
        repealed: None,
        nodes,
        interpretations: interpretations.clone(),
        dropped: dropped.clone(),
        by_id: Default::default(),
    };
    let report = ImportReport {
        counts: act.counts(),
        interpretations,
        unplaced,
        dropped,
        preamble: !act.root().text.is_empty(),
    };
    Ok((act, report))
}

/// The acts Qorgau reads, with their search index: the shipped corpus and whatever was
/// imported.
pub struct Library {
    pub corpus: Corpus,
    pub index: crate::SearchIndex,
}

impl Library {
    /// A library of `imported` acts next to the shipped ones (an imported act never replaces a
    /// shipped one).
    pub fn with_imported(imported: Vec<Act>) -> Result<Self, crate::SearchError> {
        let mut acts: Vec<Act> = shipped().acts().to_vec();
        for act in imported {
            if acts.iter().all(|a| a.id != act.id) {
                acts.push(act);
            }
        }
        let index = crate::SearchIndex::build(&acts)?;
        Ok(Self {
            corpus: Corpus::new(acts),
            index,
        })
    }
}
