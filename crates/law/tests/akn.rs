//! Akoma Ntoso export: well-formed, eIds as the clause ids, and a round trip loses nothing.

use qorgau_law::akn::{export, read};
use qorgau_law::shipped;

#[test]
fn every_act_round_trips_through_akoma_ntoso() {
    for act in shipped().acts() {
        let xml = export(act).unwrap_or_else(|e| panic!("{}: {e}", act.id));
        assert!(
            xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
            "{}",
            act.id
        );
        assert!(xml.contains("http://docs.oasis-open.org/legaldocml/ns/akn/3.0"));
        let back = read(&xml).unwrap_or_else(|e| panic!("{}: {e}", act.id));
        assert_eq!(back.act_id, act.id);
        assert_eq!(back.title, act.title);
        assert_eq!(back.preamble, act.root().text, "{}", act.id);
        assert_eq!(back.nodes.len(), act.nodes.len() - 1, "{}", act.id);
        for ((node, parent), original) in back.nodes.iter().zip(&act.nodes[1..]) {
            let label = original
                .id
                .as_ref()
                .map(|i| i.to_string())
                .unwrap_or_default();
            assert_eq!(node.id, original.id, "{label}");
            assert_eq!(node.kind, original.kind, "{label}");
            assert_eq!(node.number, original.number, "{label}");
            assert_eq!(node.heading, original.heading, "{label}");
            assert_eq!(node.text, original.text, "{label}");
            let original_parent = original
                .parent
                .and_then(|p| act.nodes[p].id.as_ref())
                .map(|i| i.to_string());
            assert_eq!(parent, &original_parent, "{label}");
            let amendments: Vec<_> = node
                .amendments
                .iter()
                .map(|a| (a.kind, a.by.clone(), a.effective))
                .collect();
            let expected: Vec<_> = original
                .amendments
                .iter()
                .map(|a| (a.kind, a.by.clone(), a.effective))
                .collect();
            assert_eq!(amendments, expected, "{label}");
        }
    }
}

#[test]
fn the_export_names_elements_by_their_eids() {
    let act = shipped().act("kz-2005-29").unwrap();
    let xml = export(act).unwrap();
    assert!(
        xml.contains(r#"<point eId="art_22__para_2__point_26-34">"#),
        "{}",
        &xml[..2000]
    );
    assert!(xml.contains(r#"<point eId="art_22__para_2__point_15" status="repealed">"#));
    assert!(xml.contains(r#"<qorgau:amendment eId="art_22__para_2__point_15" kind="excluded""#));
    // Text with markup characters is escaped and comes back whole.
    let security = shipped().act("kz-2012-527-IV").unwrap();
    let xml = export(security).unwrap();
    assert!(
        xml.contains("&quot;") || xml.contains("\"On national"),
        "quotes survive"
    );
    assert!(read(&xml).is_ok());
    assert!(
        read("<akomaNtoso><act").is_err(),
        "malformed XML is an error"
    );
    assert!(
        read("<x/>").is_err(),
        "a document without an act is refused"
    );
}
