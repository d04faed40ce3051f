//! Completeness of the languages on the pages (issue 14, item 5): no page of the navigation,
//! nor the pages it leads to, shows a message id of the catalogue or an English sentence of the
//! catalogue when it is read in Kazakh or in Russian.
//!
//! The walk signs in as the administrator of the demo installation (every module, with the
//! demo's data and a campaign of this test's own), starts from the navigation and follows the
//! site's links, one page of each kind, in each language. What a reader sees of each page (its
//! text, and the titles, placeholders and labels of its elements) may not hold:
//! - a message id of the English catalogue (`nav-law`, `[law-search-results]`): a message
//!   missing, or a code handed to the page where its label belongs;
//! - an English sentence of the catalogue (three words or more, without arguments or
//!   selectors, that the page's language says otherwise): an English fallback.
//!
//! English that belongs on a page is no fault: the shipped acts are read in their English
//! translation and the demo enters its data in English. A catalogue sentence met inside such
//! text (the sentence with the word before or after it is found in the corpus or in the demo's
//! source), or standing as an item of a list of the law
//! (its whole run of Latin text ends, in the corpus, at a dash or punctuation), or making up the
//! whole heading of a clause of the shipped acts, is left alone; a sentence on its own is not.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use axum::Router;
use axum::http::StatusCode;
use chrono::TimeZone;
use qorgau_app::accounts::GrantInput;
use qorgau_app::conscription::{NewCampaign, Selection};
use qorgau_app::{Acting, App, Role};
use qorgau_i18n::{Lang, Language, render};
use qorgau_rules::conscription::Purpose;

use crate::http::get;
use crate::kit::{databases, router, send};

/// How many pages one walk reads at most, in one language.
const MAX_PAGES: usize = 70;
/// How many clicks from the navigation the walk goes.
const MAX_DEPTH: usize = 2;

/// The pages the navigation must offer the demo's administrator.
const NAVIGATION: &[&str] = &[
    "/law",
    "/safety",
    "/conscription",
    "/security",
    "/rules",
    "/org",
    "/admin/users",
    "/audit",
    "/account",
];

/// The kinds of page the walk must have read (by the start of their kind, see [`kind_of`]).
const EXPECTED: &[(&str, &str)] = &[
    ("a citizen's card", "/conscription/citizens/*"),
    ("a campaign", "/conscription/campaigns/*"),
    (
        "an Act of the security of military service",
        "/safety/acts/*",
    ),
    ("a Plan", "/safety/plans/*"),
    ("a threat", "/security/threats/*"),
    ("a decision of the Security Council", "/council/decisions/*"),
    ("a clause", "/law/clauses/*"),
    ("a rule", "/rules/*"),
    ("the account page", "/account"),
    ("the audit log", "/audit"),
];

#[tokio::test]
async fn every_page_of_the_navigation_speaks_kazakh_and_russian() {
    let messages = catalogue_messages("en-US");
    let ids: HashSet<String> = messages
        .iter()
        .map(|(id, _)| id.clone())
        .filter(|id| id.contains('-'))
        .collect();
    let mut legitimate = Legitimate::new();
    let languages = [Language::Kazakh, Language::Russian];
    let sentences: Vec<HashMap<String, Vec<Sentence>>> = languages
        .iter()
        .map(|&language| fallbacks(&messages, language))
        .collect();
    let mut faults = Vec::new();
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let session = demo_administrator(&app).await;
        let router = router(&app);
        for (language, sentences) in languages.iter().zip(&sentences) {
            let cookies = format!("{session}; qorgau_lang={}", language.as_str());
            let walked = walk(
                &router,
                &cookies,
                *language,
                &ids,
                sentences,
                &mut legitimate,
                label,
            )
            .await;
            let code = language.as_str();
            for href in NAVIGATION {
                if !walked.navigation.iter().any(|n| n == href) {
                    faults.push(format!(
                        "{label} {code}: the navigation has no {href}: {:?}",
                        walked.navigation
                    ));
                }
            }
            let kinds: Vec<String> = walked
                .pages
                .iter()
                .map(String::as_str)
                .map(kind_of)
                .collect();
            for (what, kind) in EXPECTED {
                if !kinds.iter().any(|k| k.starts_with(kind)) {
                    faults.push(format!(
                        "{label} {code}: the walk read no {what} ({kind}); it read {:?}",
                        walked.pages
                    ));
                }
            }
            faults.extend(walked.faults);
        }
        app.store().close().await;
    }
    assert!(
        faults.is_empty(),
        "{} faults on the pages read in Kazakh and Russian:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

/// Loads the demo, lets its administrator also command a body (to read the security of
/// military service), adds a planned campaign (the demo has none) and returns the cookie of
/// the administrator's session, signed in with a password of their own.
async fn demo_administrator(app: &App) -> String {
    let root = app
        .ensure_root("Republic of Kazakhstan")
        .await
        .expect("the root")
        .id;
    app.load_demo(root).await.expect("the demo loads");
    let admin = app
        .find_user_by_username("admin")
        .await
        .expect("the administrator");
    let grants = [
        Role::Administrator,
        Role::RegistrationOfficer,
        Role::CouncilSecretariat,
        Role::Commander,
    ]
    .into_iter()
    .map(|role| GrantInput {
        role,
        unit_id: root,
    })
    .collect();
    app.set_grants(Acting::Operator, admin.id, grants)
        .await
        .expect("the administrator's roles");
    let almaty = qorgau_rules::almaty();
    let day = (chrono::Utc::now() + chrono::Duration::days(30))
        .with_timezone(&almaty)
        .date_naive();
    let appearance_at = almaty
        .from_local_datetime(&day.and_hms_opt(9, 0, 0).expect("nine o'clock"))
        .single()
        .expect("one instant");
    let campaign = app
        .create_campaign(
            Acting::Operator,
            NewCampaign {
                unit_id: root,
                title: "Spring call-up, Almaty".into(),
                purpose: Purpose::MedicalExamination,
                appearance_place: "Almaty city defence department".into(),
                appearance_at,
            },
        )
        .await
        .expect("a campaign");
    app.plan_campaign(Acting::Operator, campaign.id, Selection::default())
        .await
        .expect("the campaign is planned");
    let password = app
        .reset_password(Acting::Operator, admin.id)
        .await
        .expect("a one-time password");
    let signed = app.login("admin", &password).await.expect("signed in");
    let renewed = app
        .change_password(&signed.principal, &password, "page walk passphrase 2026")
        .await
        .expect("a password of their own");
    format!("qorgau_session={}", renewed.session_token)
}

/// What one walk found.
struct Walked {
    /// The links of the navigation.
    navigation: Vec<String>,
    /// The pages read, in the order read.
    pages: Vec<String>,
    faults: Vec<String>,
}

/// Reads the home page, every page of its navigation and, breadth first, the pages they link
/// to up to [`MAX_DEPTH`] clicks away, one page of each kind, at most [`MAX_PAGES`] pages.
async fn walk(
    router: &Router,
    cookies: &str,
    language: Language,
    ids: &HashSet<String>,
    sentences: &HashMap<String, Vec<Sentence>>,
    legitimate: &mut Legitimate,
    label: &str,
) -> Walked {
    let code = language.lang().code();
    let html_lang = format!("<html lang=\"{code}\">");
    let mut walked = Walked {
        navigation: Vec::new(),
        pages: Vec::new(),
        faults: Vec::new(),
    };
    let mut queue: VecDeque<(String, usize)> = VecDeque::from([("/".to_owned(), 0)]);
    let mut kinds: HashSet<String> = HashSet::from([kind_of("/")]);
    let mut requests = 0;
    while let Some((path, depth)) = queue.pop_front() {
        if requests >= MAX_PAGES {
            break;
        }
        requests += 1;
        let reply = send(router, get(&path, cookies)).await;
        let place = format!("{label} {code} {path}");
        if reply.status != StatusCode::OK {
            walked
                .faults
                .push(format!("{place}: answered {}", reply.status));
            continue;
        }
        if !reply.content_type().starts_with("text/html") {
            // A download the link did not announce: not a page to read.
            continue;
        }
        walked.pages.push(path.clone());
        let html = reply.text();
        if !html.contains(&html_lang) {
            walked
                .faults
                .push(format!("{place}: the page is not marked {html_lang}"));
        }
        walked
            .faults
            .extend(faults_of(&html, ids, sentences, legitimate, &place));
        // A decision reads as sentences, never as JSON (a rule's own page shows its schema, the
        // audit log the changes it recorded).
        if !path.starts_with("/rules/")
            && !path.starts_with("/audit")
            && let Some(raw) = seen(&html).into_iter().find(|text| text.contains("{\""))
        {
            walked.faults.push(format!(
                "{place}: raw JSON shown: «{}»",
                snippet(&raw, 0, 60)
            ));
        }
        if path == "/" {
            // The navigation is where the walk starts: its pages are read first.
            for href in navigation_links(&html) {
                walked.navigation.push(href.clone());
                if let Some(href) = followable(&href)
                    && kinds.insert(kind_of(&href))
                {
                    queue.push_back((href, 0));
                }
            }
        }
        if depth < MAX_DEPTH {
            for href in links(&html) {
                if let Some(href) = followable(&href)
                    && kinds.insert(kind_of(&href))
                {
                    queue.push_back((href, depth + 1));
                }
            }
        }
    }
    walked
}

/// The message ids and the English sentences a reader of `html` sees, reported once per id.
fn faults_of(
    html: &str,
    ids: &HashSet<String>,
    sentences: &HashMap<String, Vec<Sentence>>,
    legitimate: &mut Legitimate,
    place: &str,
) -> Vec<String> {
    let mut faults = Vec::new();
    let mut reported: HashSet<String> = HashSet::new();
    for segment in seen(html) {
        for id in ids_in(&segment, ids) {
            if reported.insert(id.to_owned()) {
                let at = segment.find(id).unwrap_or(0);
                faults.push(format!(
                    "{place}: message id `{id}` shown: «{}»",
                    snippet(&segment, at, id.len())
                ));
            }
        }
        for (at, sentence) in english_in(&segment, sentences) {
            let end = at + sentence.text.len();
            if reported.contains(&sentence.id) || legitimate.surrounds(&segment, at, end) {
                continue;
            }
            reported.insert(sentence.id.clone());
            faults.push(format!(
                "{place}: English of `{}` shown: «{}»",
                sentence.id,
                snippet(&segment, at, sentence.text.len())
            ));
        }
    }
    faults
}

/// Text with every run of white space made one space, trimmed.
pub(crate) fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The message ids of the catalogue in `folder` (terms, `-term`, are not messages), each with whether
/// the message takes arguments or selects a variant (its English is then no fixed sentence).
/// The syntax read is the plain subset the catalogues use: a message starts at `id =` in the
/// first column and runs over the indented lines below it.
fn catalogue_messages(folder: &str) -> Vec<(String, bool)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../i18n/locales")
        .join(folder);
    let mut files = Vec::new();
    files_under(&dir, "ftl", &mut files);
    files.sort();
    let mut messages: Vec<(String, bool)> = Vec::new();
    for file in files {
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut current: Option<usize> = None;
        for line in text.lines() {
            let starts = line.split_once(" =").map(|(id, _)| id).filter(|id| {
                id.starts_with(|c: char| c.is_ascii_lowercase())
                    && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
            if let Some(id) = starts {
                messages.push((id.to_owned(), false));
                current = Some(messages.len() - 1);
            } else if !line.starts_with(' ') && !line.trim().is_empty() {
                current = None;
            }
            if let Some(at) = current
                && (line.contains("{ $") || line.contains("{$") || line.contains("->"))
            {
                messages[at].1 = true;
            }
        }
    }
    assert!(
        messages.len() > 500,
        "only {} messages read from {}: the reader is broken",
        messages.len(),
        dir.display()
    );
    messages
}

/// An English sentence of the catalogue, from its first letter or digit.
struct Sentence {
    id: String,
    text: String,
}

/// The English sentences that would be a fallback in `language`, by their first word: the
/// messages without arguments or selectors, of three words or more, that `language`'s own
/// catalogue lacks (the English is then shown in its place) or says otherwise.
fn fallbacks(messages: &[(String, bool)], language: Language) -> HashMap<String, Vec<Sentence>> {
    let folder = language.lang().code().to_owned();
    let own: HashSet<String> = catalogue_messages(&folder)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut by_word: HashMap<String, Vec<Sentence>> = HashMap::new();
    for (id, varies) in messages {
        if *varies {
            continue;
        }
        let english = normalized(&render(&Lang::english(), id, &[]));
        let theirs = normalized(&render(&language.lang(), id, &[]));
        let says_the_same = english == theirs && own.contains(id);
        if says_the_same || english.split(' ').count() < 3 {
            continue;
        }
        let text = english.trim_start_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = text
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .filter(|w| !w.is_empty())
        else {
            continue;
        };
        by_word.entry(first.to_owned()).or_default().push(Sentence {
            id: id.clone(),
            text: text.to_owned(),
        });
    }
    by_word
}

/// The English sentences found in `segment`, with where each starts: at the start of a word,
/// and not running into a longer word.
fn english_in<'s>(
    segment: &str,
    sentences: &'s HashMap<String, Vec<Sentence>>,
) -> Vec<(usize, &'s Sentence)> {
    let mut found = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in segment.char_indices() {
        let starts_word = c.is_alphanumeric() && !previous.is_some_and(char::is_alphanumeric);
        previous = Some(c);
        if !starts_word {
            continue;
        }
        let rest = &segment[at..];
        let word = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        let Some(candidates) = sentences.get(word) else {
            continue;
        };
        for sentence in candidates {
            if !rest.starts_with(&sentence.text) {
                continue;
            }
            let runs_on = sentence.text.ends_with(char::is_alphanumeric)
                && rest[sentence.text.len()..].starts_with(char::is_alphanumeric);
            if !runs_on {
                found.push((at, sentence));
            }
        }
    }
    found
}

/// The message ids in `segment`: whole tokens (letters, digits, hyphens and underscores)
/// that are ids of the catalogue.
fn ids_in<'s>(segment: &'s str, ids: &HashSet<String>) -> Vec<&'s str> {
    segment
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .map(|token| token.trim_matches('-'))
        .filter(|token| token.contains('-') && ids.contains(*token))
        .collect()
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{052F}').contains(&c)
}

/// A letter or digit of text that is not Cyrillic.
fn latin(c: char) -> bool {
    c.is_alphanumeric() && !is_cyrillic(c)
}

/// The English that may stand on a Kazakh or Russian page: the shipped acts (their text, and
/// their titles and headings whole) and the demo's data, as one text with its spaces collapsed.
struct Legitimate {
    text: String,
    /// The headings of the shipped acts' clauses and the acts' titles, each whole.
    headings: HashSet<String>,
    asked: HashMap<String, bool>,
}

impl Legitimate {
    fn new() -> Self {
        let crates = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("the crates folder");
        let mut files = Vec::new();
        files_under(&crates.join("../corpus"), "txt", &mut files);
        files_under(&crates.join("app/src/demo"), "rs", &mut files);
        files.sort();
        let mut text = String::new();
        for file in files {
            let source = std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let source = if file.extension().is_some_and(|e| e == "rs") {
                rust_strings_joined(&source)
            } else {
                source
            };
            text.push_str(&normalized(&source));
            text.push_str(" ¦ ");
        }
        assert!(
            text.len() > 50_000,
            "only {} bytes of legitimate English read: the paths are wrong",
            text.len()
        );
        let mut headings = HashSet::new();
        for act in qorgau_law::shipped().acts() {
            headings.insert(normalized(&act.title));
            headings.extend(
                act.nodes
                    .iter()
                    .filter_map(|node| node.heading.as_deref())
                    .map(normalized),
            );
        }
        Self {
            text,
            headings,
            asked: HashMap::new(),
        }
    }

    /// Whether the sentence at `start..end` of `segment` sits inside legitimate English: the
    /// sentence with the word before it, or with the word after it, within the same run of
    /// text that is not Cyrillic, is found in it.
    fn surrounds(&mut self, segment: &str, start: usize, end: usize) -> bool {
        let head = segment[..start].trim_end_matches(|c: char| !c.is_alphanumeric());
        let with_before = head
            .chars()
            .next_back()
            .is_some_and(latin)
            .then(|| &segment[head.trim_end_matches(latin).len()..end]);
        let tail = &segment[end..];
        let gap = tail.len()
            - tail
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let after = &tail[gap..];
        let with_after = after.chars().next().is_some_and(latin).then(|| {
            let word = after.len() - after.trim_start_matches(latin).len();
            &segment[start..end + gap + word]
        });
        if [with_before, with_after]
            .into_iter()
            .flatten()
            .any(|window| self.holds(window))
        {
            return true;
        }
        // An item of a list of the law shown by its short name ("the Parliament of the
        // Republic of Kazakhstan"): the whole run ends, in the text, at a dash or punctuation.
        let run = latin_run(segment, start, end);
        // A clause's heading shown whole beside its number ("22-бап. Functions of ...").
        if self.headings.contains(run) {
            return true;
        }
        [" -", " –", " —", ";", ":", ".", ","]
            .iter()
            .any(|ending| self.holds(&format!("{run}{ending}")))
    }

    fn holds(&mut self, window: &str) -> bool {
        if let Some(&known) = self.asked.get(window) {
            return known;
        }
        let found = self.text.contains(window);
        self.asked.insert(window.to_owned(), found);
        found
    }
}

/// The run of text that is not Cyrillic around `start..end` of `segment`, from its first
/// letter or digit to its last.
fn latin_run(segment: &str, start: usize, end: usize) -> &str {
    let from = segment[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_cyrillic(c))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let to = segment[end..]
        .char_indices()
        .find(|&(_, c)| is_cyrillic(c))
        .map_or(segment.len(), |(at, _)| end + at);
    segment[from..to].trim_matches(|c: char| !c.is_alphanumeric())
}

/// Rust source with its string literals' line continuations joined and quotes unescaped, so
/// that a sentence written over two lines of source reads as one.
fn rust_strings_joined(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('\n') => {
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            Some('"') => {
                out.push('"');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// The files under `dir` (recursively) whose name ends in `.{ext}`.
fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            files_under(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// What a reader sees of a page: its text nodes, and the titles, placeholders, labels and
/// alternative texts of its elements and the words of its input buttons; each decoded, with
/// its spaces collapsed. Comments, scripts and styles are not read.
fn seen(html: &str) -> Vec<String> {
    let mut segments = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        push_text(&mut segments, &rest[..open]);
        let tag = &rest[open..];
        let skipped = if tag.starts_with("<!--") {
            Some("-->")
        } else if starts_with_ignoring_case(tag, "<script") {
            Some("</script>")
        } else if starts_with_ignoring_case(tag, "<style") {
            Some("</style>")
        } else {
            None
        };
        if let Some(until) = skipped {
            rest = tag.find(until).map_or("", |at| &tag[at + until.len()..]);
            continue;
        }
        let Some(close) = tag.find('>') else {
            rest = "";
            break;
        };
        let inside = &tag[1..close];
        for attribute in ["title", "placeholder", "aria-label", "alt"] {
            if let Some(value) = attribute_value(inside, attribute) {
                push_text(&mut segments, value);
            }
        }
        let is_button = starts_with_ignoring_case(inside, "input")
            && (inside.contains("type=\"submit\"") || inside.contains("type=\"button\""));
        if is_button && let Some(value) = attribute_value(inside, "value") {
            push_text(&mut segments, value);
        }
        rest = &tag[close + 1..];
    }
    push_text(&mut segments, rest);
    segments
}

fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// The value of attribute `name` inside a tag (`a href="..." title="..."`), as written.
fn attribute_value<'t>(inside: &'t str, name: &str) -> Option<&'t str> {
    let marker = format!(" {name}=\"");
    let at = inside.find(&marker)? + marker.len();
    inside[at..].split('"').next()
}

fn push_text(segments: &mut Vec<String>, raw: &str) {
    let text = normalized(&decoded(raw));
    if !text.is_empty() {
        segments.push(text);
    }
}

/// HTML text with its character references replaced.
fn decoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let replaced = tail.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &tail[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| {
                        name.strip_prefix('#')
                            .and_then(|decimal| decimal.parse::<u32>().ok())
                    })
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match replaced {
            Some((c, end)) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `href`s of the page's main navigation.
fn navigation_links(html: &str) -> Vec<String> {
    let Some(start) = html.find("<nav class=\"main\"") else {
        return Vec::new();
    };
    let nav = &html[start..];
    let nav = nav.find("</nav>").map_or(nav, |end| &nav[..end]);
    links(nav)
}

/// Every `href` of the page, decoded.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(decoded)
        .collect()
}

/// The link as a page of this site to read, or `None`: other sites, signing out, the
/// language switcher, static files, the API, and downloads (PDF, CSV, XML and the like).
fn followable(href: &str) -> Option<String> {
    let href = href.split('#').next()?;
    if !href.starts_with('/') || href.starts_with("//") {
        return None;
    }
    let uri_safe = href
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-._~:/?[]@!$&'()*+,;=%".contains(c));
    if !uri_safe {
        return None;
    }
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    let path = path.to_ascii_lowercase();
    let elsewhere = [
        "/logout",
        "/language/",
        "/static/",
        "/api/",
        "/healthz",
        "/readyz",
        "/metrics",
    ];
    let download = [
        ".pdf", ".csv", ".xml", ".json", ".txt", ".zip", ".css", ".js", ".svg", ".png", ".ico",
    ];
    if elsewhere.iter().any(|p| path.starts_with(p))
        || download.iter().any(|e| path.ends_with(e))
        || path.contains("/export")
        || path.contains("/download")
        || query.contains("format=")
        || query.contains("download")
    {
        return None;
    }
    Some(href.to_owned())
}

/// The kind of page a link leads to: its path with every part that is not a plain word made
/// `*` (ids, numbers, clause ids), and the names of its query's parameters.
/// `/law/clauses/kz-2005-29/art_22?as_of=2026-01-01` is `/law/clauses/*/*?as_of`.
fn kind_of(href: &str) -> String {
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    let shape: Vec<&str> = path
        .split('/')
        .map(|part| {
            if part.chars().all(|c| c.is_ascii_lowercase()) {
                part
            } else {
                "*"
            }
        })
        .collect();
    let mut keys: Vec<&str> = query
        .split('&')
        .filter_map(|pair| pair.split('=').next())
        .filter(|key| !key.is_empty())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    format!("{}?{}", shape.join("/"), keys.join("&"))
}

/// Up to 60 characters either side of `at..at + len` in `text`.
fn snippet(text: &str, at: usize, len: usize) -> String {
    let mut from = at.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + len + 60).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    text[from..to].to_owned()
}

#[test]
fn the_walk_reads_what_a_person_sees() {
    let html = "<html lang=\"kk\"><head><title>A &amp; B</title><style>p{}</style></head>\
        <body><!-- nav-law --><script>var x = 'nav-law';</script>\
        <p title=\"Main navigation\">Hello&nbsp;<b>world</b> [nav-law]</p>\
        <input type=\"submit\" value=\"Sign in\"></body></html>";
    let segments = seen(html);
    assert_eq!(
        segments,
        [
            "A & B",
            "Main navigation",
            "Hello",
            "world",
            "[nav-law]",
            "Sign in"
        ],
        "{segments:?}"
    );
    let ids: HashSet<String> = ["nav-law".to_owned()].into();
    assert_eq!(ids_in("[nav-law]", &ids), ["nav-law"]);
    assert!(ids_in("nav-law-about", &ids).is_empty());
    assert_eq!(
        kind_of("/law/clauses/kz-2005-29/art_22?as_of=2026-01-01"),
        "/law/clauses/*/*?as_of"
    );
    assert_eq!(kind_of("/rules/safety.plan_due"), "/rules/*?");
    assert!(followable("/conscription/campaigns/1/paper.pdf").is_none());
    assert!(followable("/language/ru?next=%2F").is_none());
    assert_eq!(
        followable("/safety/analysis?body_id=3&kind=month#top").as_deref(),
        Some("/safety/analysis?body_id=3&kind=month")
    );
}
