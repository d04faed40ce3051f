//! Akoma Ntoso 3.0 export, and reading such an export back (the round trip proves nothing is
//! lost).
//!
//! Kinds map to AKN elements: chapter, article, paragraph, point, section; the enacting order,
//! bullets and appendices have no element of their own and become `hcontainer`s named `order`,
//! `item` and `appendix`. A container's own text is its `intro` (or `content` when it has no
//! children). Amendments are kept in the `proprietary` metadata, one element per eId, next to
//! an AKN `status="repealed"` on the excluded element.

use std::io::Cursor;

use chrono::NaiveDate;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::{Reader, Writer};

use crate::ClauseId;
use crate::model::{Act, Amendment, AmendmentKind, Node, NodeKind};

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

fn write_meta(w: &mut Writer<Cursor<Vec<u8>>>, act: &Act) -> std::io::Result<()> {
    let adopted = act.adopted.unwrap_or(act.in_force_from).to_string();
    let work = format!("/akn/kz/act/{}/main", act.id);
    w.create_element("meta").write_inner_content(|w| {
        w.create_element("identification")
            .with_attribute(("source", "#qorgau"))
            .write_inner_content(|w| {
                w.create_element("FRBRWork").write_inner_content(|w| {
                    w.create_element("FRBRthis")
                        .with_attribute(("value", work.as_str()))
                        .write_empty()?;
                    w.create_element("FRBRuri")
                        .with_attribute(("value", work.as_str()))
                        .write_empty()?;
                    w.create_element("FRBRdate")
                        .with_attribute(("date", adopted.as_str()))
                        .with_attribute(("name", "adoption"))
                        .write_empty()?;
                    w.create_element("FRBRauthor")
                        .with_attribute(("href", "#kz"))
                        .write_empty()?;
                    w.create_element("FRBRcountry")
                        .with_attribute(("value", "kz"))
                        .write_empty()?;
                    Ok(())
                })?;
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
                    .with_attribute(("inForceBasis", act.in_force_basis.as_str()))
                    .with_attribute(("sourceFile", act.source_file.as_str()))
                    .write_empty()?;
                for node in &act.nodes {
                    let Some(id) = &node.id else { continue };
                    for amendment in &node.amendments {
                        let effective = amendment.effective.to_string();
                        w.create_element("qorgau:amendment")
                            .with_attribute(("eId", local_eid(id)))
                            .with_attribute(("kind", "excluded"))
                            .with_attribute(("by", amendment.by.as_str()))
                            .with_attribute(("effective", effective.as_str()))
                            .with_attribute(("basis", amendment.effective_basis.as_str()))
                            .write_empty()?;
                    }
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
        start = start.with_attribute(("status", "repealed"));
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
                        effective_basis: String::new(),
                    },
                ));
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
    })
}
