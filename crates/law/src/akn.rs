//! Akoma Ntoso 3.0 export, and reading such an export back (the round trip proves nothing is
//! lost).
//!
//! Kinds map to AKN elements: chapter, article, paragraph, point, section; the enacting order,
//! bullets and appendices have no element of their own and become `hcontainer`s named `order`,
//! `item` and `appendix`. A container's own text is its `intro` (or `content` when it has no
//! children).
//!
//! The life of the act is written as the standard has it: the FRBR work, expression (with the
//! text's language and version date) and manifestation; a `lifecycle` with the act's generation,
//! each amending act and the act's repeal; `passiveModifications` with one `textualMod` of type
//! `repeal` per excluded provision (marked `status="removed"`) or for the whole act; and the
//! amending acts as `passiveRef`s. What the standard has no place for (the reading of each
//! date) is kept in the `proprietary` metadata, which is also what the round trip reads.

use std::io::Cursor;

use chrono::NaiveDate;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::{Reader, Writer};

use crate::ClauseId;
use crate::model::{Act, Amendment, AmendmentKind, Node, NodeKind, Repeal};

pub const AKN_NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
pub const QORGAU_NAMESPACE: &str = "urn:qorgau:akn-extension";

/// Why an export could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum AknError {
    #[error("the XML is not well-formed: {0}")]
    Xml(#[from] quick_xml::Error),
    #[error("the XML could not be written: {0}")]
    Io(#[from] std::io::Error),
    #[error("the document is not an exported act: {0}")]
    Shape(String),
}

fn element(kind: NodeKind) -> (&'static str, Option<&'static str>) {
    match kind {
        NodeKind::Act => ("act", None),
        NodeKind::Order => ("hcontainer", Some("order")),
        NodeKind::Chapter => ("chapter", None),
        NodeKind::Article => ("article", None),
        NodeKind::Paragraph => ("paragraph", None),
        NodeKind::Point => ("point", None),
        NodeKind::Appendix => ("hcontainer", Some("appendix")),
        NodeKind::Section => ("section", None),
        NodeKind::Item => ("hcontainer", Some("item")),
    }
}

fn kind_of(element: &str, name: Option<&str>) -> Option<NodeKind> {
    Some(match (element, name) {
        ("chapter", _) => NodeKind::Chapter,
        ("article", _) => NodeKind::Article,
        ("paragraph", _) => NodeKind::Paragraph,
        ("point", _) => NodeKind::Point,
        ("section", _) => NodeKind::Section,
        ("hcontainer", Some("order")) => NodeKind::Order,
        ("hcontainer", Some("appendix")) => NodeKind::Appendix,
        ("hcontainer", Some("item")) => NodeKind::Item,
        _ => return None,
    })
}

/// The local part of a clause id (after `ACT/`), which is the eId inside the document.
fn local_eid(id: &ClauseId) -> &str {
    id.as_str().split_once('/').map_or("", |(_, local)| local)
}

/// The act as an Akoma Ntoso XML document.
pub fn export(act: &Act) -> Result<String, AknError> {
    let mut writer = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("akomaNtoso")
        .with_attribute(("xmlns", AKN_NAMESPACE))
        .with_attribute(("xmlns:qorgau", QORGAU_NAMESPACE))
        .write_inner_content(|w| {
            w.create_element("act")
                .with_attribute(("name", act.id.as_str()))
                .write_inner_content(|w| {
                    write_meta(w, act)?;
                    w.create_element("preface").write_inner_content(|w| {
                        w.create_element("p")
                            .with_attribute(("class", "title"))
                            .write_text_content(BytesText::new(&act.title))?;
                        Ok(())
                    })?;
                    if !act.root().text.is_empty() {
                        w.create_element("preamble").write_inner_content(|w| {
                            w.create_element("p")
                                .write_text_content(BytesText::new(&act.root().text))?;
                            Ok(())
                        })?;
                    }
                    w.create_element("body").write_inner_content(|w| {
                        for &child in &act.root().children {
                            write_node(w, act, child)?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    let bytes = writer.into_inner().into_inner();
    String::from_utf8(bytes).map_err(|e| AknError::Shape(e.to_string()))
}

/// The day the text as exported took its shape: the act's start, or its latest amendment that
/// has taken effect in the text we hold (Akoma Ntoso dates an expression by its version).
fn expression_date(act: &Act) -> NaiveDate {
    act.nodes
        .iter()
        .flat_map(|n| n.amendments.iter().map(|a| a.effective))
        .fold(act.in_force_from, NaiveDate::max)
}

/// Writes `<name value=...>` or `<name date=... name=...>` style empty elements.
fn empty(
    w: &mut Writer<Cursor<Vec<u8>>>,
    name: &str,
    attributes: &[(&str, &str)],
) -> std::io::Result<()> {
    let mut element = w.create_element(name);
    for &attribute in attributes {
        element = element.with_attribute(attribute);
    }
    element.write_empty()?;
    Ok(())
}

/// A lifecycle event: generation, an amendment, or the act's repeal.
struct LifeEvent<'a> {
    date: NaiveDate,
    kind: &'static str,
    /// The act that caused it, as the text names it (`None` for the act itself).
    by: Option<&'a str>,
}

fn events(act: &Act) -> Vec<LifeEvent<'_>> {
    let mut events = vec![LifeEvent {
        date: act.in_force_from,
        kind: "generation",
        by: None,
    }];
    for node in &act.nodes {
        for amendment in &node.amendments {
            let seen = events
                .iter()
                .any(|e| e.by == Some(amendment.by.as_str()) && e.date == amendment.effective);
            if !seen {
                events.push(LifeEvent {
                    date: amendment.effective,
                    kind: "amendment",
                    by: Some(&amendment.by),
                });
            }
        }
    }
    if let Some(repeal) = &act.repealed {
        events.push(LifeEvent {
            date: repeal.effective,
            kind: "repeal",
            by: Some(&repeal.by),
        });
    }
    events
}

fn write_meta(w: &mut Writer<Cursor<Vec<u8>>>, act: &Act) -> std::io::Result<()> {
    let adopted = act.adopted.unwrap_or(act.in_force_from).to_string();
    let work = format!("/akn/kz/act/{}/main", act.id);
    let version = expression_date(act).to_string();
    let expression_uri = format!("/akn/kz/act/{}/{}@{version}", act.id, act.language.as_str());
    let expression = format!("{expression_uri}/main");
    let manifestation = format!("{expression}.xml");
    let events = events(act);
    // Every amending or repealing act is a passive reference, numbered in order of appearance.
    let mut amenders: Vec<&str> = Vec::new();
    for event in &events {
        if let Some(by) = event.by.filter(|by| !amenders.contains(by)) {
            amenders.push(by);
        }
    }
    let pref = |by: &str| {
        amenders
            .iter()
            .position(|a| *a == by)
            .map_or_else(String::new, |i| format!("pref_{}", i + 1))
    };
    w.create_element("meta").write_inner_content(|w| {
        w.create_element("identification")
            .with_attribute(("source", "#qorgau"))
            .write_inner_content(|w| {
                w.create_element("FRBRWork").write_inner_content(|w| {
                    empty(w, "FRBRthis", &[("value", &work)])?;
                    empty(w, "FRBRuri", &[("value", &work)])?;
                    empty(w, "FRBRdate", &[("date", &adopted), ("name", "adoption")])?;
                    empty(w, "FRBRauthor", &[("href", "#kz")])?;
                    empty(w, "FRBRcountry", &[("value", "kz")])?;
                    Ok(())
                })?;
                w.create_element("FRBRExpression")
                    .write_inner_content(|w| {
                        empty(w, "FRBRthis", &[("value", &expression)])?;
                        empty(w, "FRBRuri", &[("value", &expression_uri)])?;
                        empty(w, "FRBRdate", &[("date", &version), ("name", "version")])?;
                        empty(w, "FRBRauthor", &[("href", "#kz")])?;
                        empty(w, "FRBRlanguage", &[("language", act.language.as_str())])?;
                        Ok(())
                    })?;
                w.create_element("FRBRManifestation")
                    .write_inner_content(|w| {
                        empty(w, "FRBRthis", &[("value", &manifestation)])?;
                        empty(w, "FRBRuri", &[("value", &manifestation)])?;
                        empty(w, "FRBRdate", &[("date", &version), ("name", "transform")])?;
                        empty(w, "FRBRauthor", &[("href", "#qorgau")])?;
                        empty(w, "FRBRformat", &[("value", "application/akn+xml")])?;
                        Ok(())
                    })?;
                Ok(())
            })?;
        w.create_element("lifecycle")
            .with_attribute(("source", "#qorgau"))
            .write_inner_content(|w| {
                for (i, event) in events.iter().enumerate() {
                    let eid = format!("evt_{}", i + 1);
                    let date = event.date.to_string();
                    let source = event
                        .by
                        .map_or_else(|| "#original".to_owned(), |by| format!("#{}", pref(by)));
                    empty(
                        w,
                        "eventRef",
                        &[
                            ("eId", &eid),
                            ("date", &date),
                            ("source", &source),
                            ("type", event.kind),
                        ],
                    )?;
                }
                Ok(())
            })?;
        let excluded: Vec<(&str, &Amendment)> = act
            .nodes
            .iter()
            .filter_map(|n| n.id.as_ref().map(|id| (local_eid(id), &n.amendments)))
            .flat_map(|(eid, list)| list.iter().map(move |a| (eid, a)))
            .collect();
        if !excluded.is_empty() || act.repealed.is_some() {
            w.create_element("analysis")
                .with_attribute(("source", "#qorgau"))
                .write_inner_content(|w| {
                    w.create_element("passiveModifications")
                        .write_inner_content(|w| {
                            let mut n = 0;
                            let mut repeal =
                                |w: &mut Writer<Cursor<Vec<u8>>>, by: &str, destination: &str| {
                                    n += 1;
                                    w.create_element("textualMod")
                                        .with_attribute(("eId", format!("pmod_{n}").as_str()))
                                        .with_attribute(("type", "repeal"))
                                        .write_inner_content(|w| {
                                            empty(
                                                w,
                                                "source",
                                                &[("href", &format!("#{}", pref(by)))],
                                            )?;
                                            empty(w, "destination", &[("href", destination)])?;
                                            Ok(())
                                        })?;
                                    Ok::<(), std::io::Error>(())
                                };
                            for (eid, amendment) in &excluded {
                                repeal(w, &amendment.by, &format!("#{eid}"))?;
                            }
                            if let Some(whole) = &act.repealed {
                                repeal(w, &whole.by, &work)?;
                            }
                            Ok(())
                        })?;
                    Ok(())
                })?;
        }
        w.create_element("references")
            .with_attribute(("source", "#qorgau"))
            .write_inner_content(|w| {
                empty(
                    w,
                    "original",
                    &[
                        ("eId", "original"),
                        ("href", &expression),
                        ("showAs", &act.title),
                    ],
                )?;
                for (i, by) in amenders.iter().enumerate() {
                    let eid = format!("pref_{}", i + 1);
                    let href = format!("/akn/kz/act/{}/main", eid);
                    empty(
                        w,
                        "passiveRef",
                        &[("eId", &eid), ("href", &href), ("showAs", by)],
                    )?;
                }
                empty(
                    w,
                    "TLCOrganization",
                    &[
                        ("eId", "kz"),
                        ("href", "/ontology/organization/kz/republic-of-kazakhstan"),
                        ("showAs", "Republic of Kazakhstan"),
                    ],
                )?;
                empty(
                    w,
                    "TLCOrganization",
                    &[
                        ("eId", "qorgau"),
                        ("href", "/ontology/organization/kz/qorgau"),
                        ("showAs", "Qorgau"),
                    ],
                )?;
                Ok(())
            })?;
        w.create_element("proprietary")
            .with_attribute(("source", "#qorgau"))
            .write_inner_content(|w| {
                let in_force = act.in_force_from.to_string();
                let adopted = act.adopted.map(|d| d.to_string()).unwrap_or_default();
                w.create_element("qorgau:act")
                    .with_attribute(("adopted", adopted.as_str()))
                    .with_attribute(("inForceFrom", in_force.as_str()))
                    .with_attribute(("inForceBasis", english(&act.in_force_basis).as_str()))
                    .with_attribute(("sourceFile", act.source_file.as_str()))
                    .write_empty()?;
                for (eid, amendment) in &excluded {
                    let effective = amendment.effective.to_string();
                    w.create_element("qorgau:amendment")
                        .with_attribute(("eId", *eid))
                        .with_attribute(("kind", "excluded"))
                        .with_attribute(("by", amendment.by.as_str()))
                        .with_attribute(("effective", effective.as_str()))
                        .with_attribute(("basis", english(&amendment.effective_basis).as_str()))
                        .write_empty()?;
                }
                if let Some(repeal) = &act.repealed {
                    let effective = repeal.effective.to_string();
                    w.create_element("qorgau:repeal")
                        .with_attribute(("by", repeal.by.as_str()))
                        .with_attribute(("effective", effective.as_str()))
                        .with_attribute(("basis", english(&repeal.effective_basis).as_str()))
                        .write_empty()?;
                }
                Ok(())
            })?;
        Ok(())
    })?;
    Ok(())
}

fn write_node(w: &mut Writer<Cursor<Vec<u8>>>, act: &Act, index: usize) -> std::io::Result<()> {
    let node = &act.nodes[index];
    let (name, container) = element(node.kind);
    let eid = node.id.as_ref().map(local_eid).unwrap_or_default();
    let mut start = w.create_element(name).with_attribute(("eId", eid));
    if let Some(container) = container {
        start = start.with_attribute(("name", container));
    }
    if !node.amendments.is_empty() {
        // "removed" is the schema's word for a provision taken out of the text.
        start = start.with_attribute(("status", "removed"));
    }
    start.write_inner_content(|w| {
        if let Some(number) = &node.number {
            w.create_element("num")
                .write_text_content(BytesText::new(number))?;
        }
        if let Some(heading) = &node.heading {
            w.create_element("heading")
                .write_text_content(BytesText::new(heading))?;
        }
        if !node.text.is_empty() {
            let wrapper = if node.children.is_empty() {
                "content"
            } else {
                "intro"
            };
            w.create_element(wrapper).write_inner_content(|w| {
                w.create_element("p")
                    .write_text_content(BytesText::new(&node.text))?;
                Ok(())
            })?;
        }
        for &child in &node.children {
            write_node(w, act, child)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// The value of attribute `key` of an element, normalised as XML 1.0 says.
fn attribute(element: &quick_xml::events::BytesStart<'_>, key: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The tree read back from an export: enough to compare with the act it came from.
#[derive(Debug, Clone)]
pub struct ReadBack {
    pub act_id: String,
    pub title: String,
    pub preamble: String,
    /// Every node but the root, in document order: (id, kind, number, heading, text, parent id).
    pub nodes: Vec<(Node, Option<String>)>,
    /// The repeal of the whole act, when the export records one (its basis is not read back).
    pub repealed: Option<Repeal>,
}

/// Reads an exported document back.
pub fn read(xml: &str) -> Result<ReadBack, AknError> {
    let mut reader = Reader::from_str(xml);
    // No trimming: text next to an escaped character keeps its spaces ("Law &quot;On ...").
    reader.config_mut().trim_text(false);
    let mut act_id = String::new();
    let mut title = String::new();
    let mut preamble = String::new();
    let mut nodes: Vec<(Node, Option<String>)> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    // Which text-bearing element we are in: num, heading, p (and where), or none.
    let mut context: Vec<String> = Vec::new();
    let mut amendments: Vec<(String, Amendment)> = Vec::new();
    let mut repealed = None;
    let mut text = String::new();
    loop {
        match reader.read_event()? {
            Event::Start(e) => {
                let name = e.name().as_ref().to_owned();
                let attr = |key: &str| attribute(&e, key);
                if name == "act" {
                    act_id = attr("name").unwrap_or_default();
                }
                if let Some(kind) = kind_of(&name, attr("name").as_deref()) {
                    let eid = attr("eId")
                        .ok_or_else(|| AknError::Shape(format!("<{name}> without eId")))?;
                    let id = ClauseId::parse(&format!("{act_id}/{eid}"))
                        .map_err(|e| AknError::Shape(e.to_string()))?;
                    let parent = stack
                        .last()
                        .and_then(|&p| nodes[p].0.id.as_ref().map(|i| i.to_string()));
                    nodes.push((
                        Node {
                            id: Some(id),
                            kind,
                            number: None,
                            heading: None,
                            text: String::new(),
                            parent: None,
                            children: Vec::new(),
                            amendments: Vec::new(),
                        },
                        parent,
                    ));
                    stack.push(nodes.len() - 1);
                }
                text.clear();
                context.push(name);
            }
            Event::Empty(e) if e.name().as_ref() == "qorgau:amendment" => {
                let attr = |key: &str| attribute(&e, key).unwrap_or_default();
                let effective: NaiveDate = attr("effective").parse().map_err(|_| {
                    AknError::Shape("an amendment without a valid effective date".into())
                })?;
                amendments.push((
                    attr("eId"),
                    Amendment {
                        kind: AmendmentKind::Excluded,
                        by: attr("by"),
                        effective,
                        effective_basis: as_written(attr("basis")),
                    },
                ));
            }
            Event::Empty(e) if e.name().as_ref() == "qorgau:repeal" => {
                let attr = |key: &str| attribute(&e, key).unwrap_or_default();
                let effective: NaiveDate = attr("effective").parse().map_err(|_| {
                    AknError::Shape("a repeal without a valid effective date".into())
                })?;
                repealed = Some(Repeal {
                    by: attr("by"),
                    effective,
                    effective_basis: as_written(attr("basis")),
                });
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().ok().flatten() {
                    Some(c) => c.to_string(),
                    None => match quick_xml::escape::resolve_predefined_entity(&r) {
                        Some(text) => text.to_owned(),
                        None => return Err(AknError::Shape(format!("unknown entity &{};", &*r))),
                    },
                };
                text.push_str(&resolved);
            }
            Event::End(e) => {
                let name = e.name().as_ref().to_owned();
                context.pop();
                let within = |n: &str| context.iter().any(|c| c == n);
                match name.as_str() {
                    "num" => {
                        if let Some(&at) = stack.last() {
                            nodes[at].0.number = Some(std::mem::take(&mut text));
                        }
                    }
                    "heading" => {
                        if let Some(&at) = stack.last() {
                            nodes[at].0.heading = Some(std::mem::take(&mut text));
                        }
                    }
                    "p" if within("preface") => title = std::mem::take(&mut text),
                    "p" if within("preamble") => preamble = std::mem::take(&mut text),
                    "p" => {
                        if let Some(&at) = stack.last() {
                            nodes[at].0.text = std::mem::take(&mut text);
                        }
                    }
                    other
                        if kind_of(other, Some("order")).is_some()
                            || kind_of(other, None).is_some() =>
                    {
                        stack.pop();
                    }
                    _ => {}
                }
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if act_id.is_empty() {
        return Err(AknError::Shape("no <act name=...>".into()));
    }
    for (eid, amendment) in amendments {
        let id = format!("{act_id}/{eid}");
        if let Some((node, _)) = nodes
            .iter_mut()
            .find(|(n, _)| n.id.as_ref().is_some_and(|i| i.as_str() == id))
        {
            node.amendments.push(amendment);
        }
    }
    Ok(ReadBack {
        act_id,
        title,
        preamble,
        nodes,
        repealed,
    })
}

/// A reading as the export writes it: in English, the language of the shipped texts.
fn english(reading: &qorgau_i18n::Message) -> String {
    reading.render(&qorgau_i18n::Lang::english())
}

/// A reading read back from a document: its words as written there.
fn as_written(text: String) -> qorgau_i18n::Message {
    qorgau_i18n::Message::new("law-basis-as-written").arg("text", text)
}
