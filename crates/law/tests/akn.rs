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
        let repeal =
            |r: &Option<qorgau_law::Repeal>| r.as_ref().map(|r| (r.by.clone(), r.effective));
        assert_eq!(repeal(&back.repealed), repeal(&act.repealed), "{}", act.id);
    }
}

#[test]
fn the_export_carries_the_life_of_the_act() {
    let order = export(shipped().act("kz-2020-mod-738").unwrap()).unwrap();
    assert!(
        order.contains(r#"<FRBRlanguage language="eng"/>"#),
        "{order}"
    );
    assert!(
        order.contains(r#"<FRBRdate date="2021-01-04" name="version"/>"#),
        "{order}"
    );
    assert!(
        order.contains(r##"date="2022-09-15" source="#pref_1" type="repeal""##),
        "{}",
        &order[..3000]
    );
    assert!(order.contains(r#"<textualMod eId="pmod_1" type="repeal">"#));
    let law = export(shipped().act("kz-2005-29").unwrap()).unwrap();
    assert!(law.contains(r#"status="removed""#));
    assert!(law.contains(r#"type="amendment""#));
    assert!(
        law.contains(r##"<destination href="#art_22__para_2__point_15"/>"##),
        "{law}"
    );
}

/// Every export validates against the OASIS Akoma Ntoso 3.0 schema (strict), with the schema
/// that Laws.Africa's cobalt ships and lxml, through `scripts/akn-validate` (which installs them
/// in a virtual environment when they are missing).
#[test]
fn every_export_validates_against_the_akoma_ntoso_schema() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::temp_dir().join(format!("qorgau-akn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for act in shipped().acts() {
        let path = dir.join(format!("{}.xml", act.id));
        std::fs::write(&path, export(act).unwrap()).unwrap();
        files.push(path);
    }
    let output = std::process::Command::new(root.join("scripts/akn-validate"))
        .args(&files)
        .output()
        .expect("scripts/akn-validate runs");
    let _ = std::fs::remove_dir_all(&dir);
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(report.matches("valid: ").count(), files.len(), "{report}");
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
    assert!(xml.contains(r#"<point eId="art_22__para_2__point_15" status="removed">"#));
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
