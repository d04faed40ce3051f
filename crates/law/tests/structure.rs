//! The structure of each shipped document, pinned: what the parser must find in the real texts.

use chrono::NaiveDate;
use qorgau_law::{ClauseId, NodeKind, Status, shipped};

fn id(text: &str) -> ClauseId {
    ClauseId::parse(text).expect("a valid id")
}

fn numbers_under(clause: &str, kind: NodeKind) -> Vec<String> {
    let (act, index) = shipped()
        .locate(&id(clause))
        .unwrap_or_else(|| panic!("{clause} is not in the corpus"));
    act.child_numbers(index, kind)
}

fn date(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

#[test]
fn defense_law_article_22_has_every_item_with_its_insertions() {
    let expected = "1 2 2-1 3 3-1 4 5 5-1 5-2 5-3 5-5 5-4 6 7 8 9 10 11 11-1 12 13 13-1 14 15 15-1 16 16-1 16-2 16-3 \
        16-4 17 17-1 17-2 17-3 18 18-1 19 20 21 22 23 24 25 26 26-1 26-2 26-3 26-4 26-5 26-6 26-7 26-8 26-9 26-10 26-11 \
        26-12 26-13 26-14 26-15 26-16 26-17 26-18 26-19 26-20 26-21 26-22 26-23 26-24 26-25 26-26 26-27 26-28 26-29 \
        26-30 26-31 26-32 26-33 26-34 27";
    let expected: Vec<String> = expected.split_whitespace().map(str::to_owned).collect();
    assert_eq!(
        numbers_under("kz-2005-29/art_22__para_2", NodeKind::Point),
        expected
    );
    assert_eq!(
        numbers_under("kz-2005-29/art_22", NodeKind::Paragraph),
        ["1", "2"]
    );
    let act = shipped().act("kz-2005-29").unwrap();
    let article = act.node(act.find(&id("kz-2005-29/art_22")).unwrap());
    assert_eq!(
        article.heading.as_deref(),
        Some("Functions of the Ministry of Defense")
    );
    let item = act.node(
        act.find(&id("kz-2005-29/art_22__para_2__point_26-22"))
            .unwrap(),
    );
    assert_eq!(
        item.text,
        "develops and approves the rules of physical training in the Armed Forces;"
    );
    // The site's footer is not part of the article.
    assert!(act.dropped.iter().any(|l| l.starts_with('©')));
    assert!(act.nodes.iter().all(|n| !n.text.contains("Law Firm")));
}

#[test]
fn items_15_and_15_1_are_excluded_from_the_2025_law_on() {
    let corpus = shipped();
    for clause in [
        "kz-2005-29/art_22__para_2__point_15",
        "kz-2005-29/art_22__para_2__point_15-1",
    ] {
        let (act, index) = corpus.locate(&id(clause)).unwrap();
        assert_eq!(
            act.status(index, date("2025-01-01")),
            Status::InForce,
            "{clause}"
        );
        assert_eq!(
            act.status(index, date("2025-07-09")),
            Status::InForce,
            "{clause}"
        );
        match act.status(index, date("2026-01-01")) {
            Status::Excluded { by, since } => {
                assert_eq!(
                    by,
                    "Law of the Republic of Kazakhstan dated June 30, 2025 No. 202-VIII"
                );
                assert_eq!(since, date("2025-07-10"));
            }
            other => panic!("{clause}: {other:?}"),
        }
        // The amendment note is not left in the text.
        assert!(!act.node(index).text.contains("Excluded"), "{clause}");
        assert!(
            act.node(index).text.ends_with(';'),
            "{clause}: {}",
            act.node(index).text
        );
    }
    let (act, index) = corpus
        .locate(&id("kz-2005-29/art_22__para_2__point_16"))
        .unwrap();
    assert_eq!(act.status(index, date("2026-01-01")), Status::InForce);
    // Before the Law itself there was nothing in force.
    assert!(matches!(
        act.status(index, date("2004-12-31")),
        Status::NotYetInForce { .. }
    ));
}

#[test]
fn national_security_law_lists_and_articles() {
    let articles = numbers_under("kz-2012-527-IV/chp_1", NodeKind::Article);
    assert_eq!(
        articles,
        ["1", "2", "3", "4", "5", "6"],
        "Chapter 3. Principles is read as Article 3"
    );
    assert_eq!(
        numbers_under("kz-2012-527-IV/art_5__para_1", NodeKind::Point).len(),
        18,
        "national interests"
    );
    assert_eq!(
        numbers_under("kz-2012-527-IV/art_6__para_1", NodeKind::Point).len(),
        19,
        "main threats"
    );
    assert_eq!(
        numbers_under("kz-2012-527-IV/art_15__para_1", NodeKind::Point).len(),
        30,
        "public bodies"
    );
    assert_eq!(
        numbers_under("kz-2012-527-IV/art_3", NodeKind::Point).len(),
        10,
        "principles"
    );
    assert_eq!(
        numbers_under("kz-2012-527-IV/art_4", NodeKind::Point).len(),
        6,
        "types of national security"
    );
    assert_eq!(
        numbers_under("kz-2012-527-IV/art_8", NodeKind::Point).len(),
        7,
        "functions of the system"
    );
    let act = shipped().act("kz-2012-527-IV").unwrap();
    let all_articles: Vec<String> = act
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Article)
        .filter_map(|n| n.number.clone())
        .collect();
    let one_to_thirty: Vec<String> = (1..=30).map(|n| n.to_string()).collect();
    assert_eq!(all_articles, one_to_thirty);
    let heading = |clause: &str| {
        act.node(act.find(&id(clause)).unwrap())
            .heading
            .clone()
            .unwrap_or_default()
    };
    assert_eq!(
        heading("kz-2012-527-IV/art_16"),
        "Powers of local representative and executive bodies of the Republic of Kazakhstan"
    );
    assert_eq!(
        heading("kz-2012-527-IV/art_28"),
        "Responsibility for violation of the laws of the Republic of Kazakhstan in the field of national security"
    );
    // A point glued to its lead-in ("are:1) reduction ...") is split.
    let threats = act.node(act.find(&id("kz-2012-527-IV/art_6__para_1")).unwrap());
    assert_eq!(threats.text, "The main threats to national security are:");
    let first = act.node(
        act.find(&id("kz-2012-527-IV/art_6__para_1__point_1"))
            .unwrap(),
    );
    assert!(
        first
            .text
            .starts_with("reduction of levels of law and order"),
        "{}",
        first.text
    );
    // Article 23.6 (ownership limits) exists with its text joined across line breaks.
    let ownership = act.node(act.find(&id("kz-2012-527-IV/art_23__para_6")).unwrap());
    assert_eq!(ownership.text, "It is prohibited:");
    assert_eq!(act.adopted, Some(date("2012-01-06")));
    assert!(
        english(&act.interpretations)
            .iter()
            .any(|i| i.contains("Article 3"))
    );
}

#[test]
fn order_738_has_its_rules_paragraphs_and_both_appendices() {
    let act = shipped().act("kz-2020-mod-738").unwrap();
    let paragraphs: Vec<String> = act
        .nodes
        .iter()
        .filter(|n| {
            n.kind == NodeKind::Paragraph
                && n.id
                    .as_ref()
                    .is_some_and(|i| !i.as_str().contains("order_"))
        })
        .filter_map(|n| n.number.clone())
        .collect();
    let one_to_twenty: Vec<String> = (1..=20).map(|n| n.to_string()).collect();
    assert_eq!(paragraphs, one_to_twenty);
    assert_eq!(
        numbers_under("kz-2020-mod-738/order_738", NodeKind::Paragraph),
        ["1", "2", "3", "4", "5"]
    );
    for appendix in ["kz-2020-mod-738/app_1", "kz-2020-mod-738/app_2"] {
        assert!(act.find(&id(appendix)).is_some(), "{appendix}");
    }
    let plan = act.node(act.find(&id("kz-2020-mod-738/app_1")).unwrap());
    assert!(
        plan.text
            .contains("Plan to ensure the security of military service"),
        "{}",
        plan.text
    );
    let form = act.node(act.find(&id("kz-2020-mod-738/app_2")).unwrap());
    assert!(form.text.contains("Act on the monitoring"));
    let para_5 = act.node(act.find(&id("kz-2020-mod-738/para_5")).unwrap());
    assert!(
        para_5
            .text
            .starts_with("Annually, before December 25 for the coming year"),
        "{}",
        para_5.text
    );
    assert_eq!(
        numbers_under("kz-2020-mod-738/para_20", NodeKind::Point),
        ["1", "2", "3", "4"]
    );
    let para_19 = act.node(act.find(&id("kz-2020-mod-738/para_19")).unwrap());
    assert!(
        para_19
            .text
            .contains("injuries (wounds, injuries, contusions)."),
        "{}",
        para_19.text
    );
    // Wrapped lines that start with a number stay text: "subclauses 1) and 2) of this clause".
    assert_eq!(
        numbers_under("kz-2020-mod-738/order_738__para_2", NodeKind::Point),
        ["1", "2", "3"]
    );
}

#[test]
fn the_web_pages_have_their_lists() {
    assert_eq!(
        numbers_under("kz-security-council/para_5", NodeKind::Point).len(),
        8,
        "functions of the Security Council"
    );
    let act = shipped().act("kz-egov-military-service").unwrap();
    let sections: Vec<String> = act
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Section)
        .filter_map(|n| n.heading.clone())
        .collect();
    assert_eq!(
        sections,
        [
            "Status of a military serviceman",
            "Training of citizens for military service",
            "Compulsory military training of citizens",
            "Military registration",
            "Military service content",
            "Conscription of citizens for military service",
            "Duties of citizens subject to conscription for military service"
        ]
    );
    assert_eq!(
        numbers_under("kz-egov-military-service/sec_4__para_1", NodeKind::Item).len(),
        5,
        "registration exemptions"
    );
    assert_eq!(
        numbers_under("kz-egov-military-service/sec_7__para_9", NodeKind::Point).len(),
        5,
        "valid reasons"
    );
    assert!(
        act.nodes.iter().all(|n| !n.text.contains("visitors")),
        "portal widgets are dropped"
    );
}

#[test]
fn every_id_is_unique_and_names_its_act() {
    for act in shipped().acts() {
        let mut seen = std::collections::HashSet::new();
        for node in &act.nodes[1..] {
            let clause = node.id.as_ref().expect("every node but the root has an id");
            assert_eq!(clause.act(), act.id);
            assert!(seen.insert(clause.clone()), "{clause} appears twice");
            assert!(!node.text.contains("  "), "{clause}: text not tidied");
        }
    }
}

#[test]
fn national_security_article_20_keeps_the_duty_to_assist_as_its_own_paragraph() {
    // The source numbers the second paragraph "1." again; it must not run into point 5). (It
    // also skips 4, which the parser notes.)
    assert_eq!(
        numbers_under("kz-2012-527-IV/art_20", NodeKind::Paragraph),
        ["1", "2", "3", "5"]
    );
    let act = shipped().act("kz-2012-527-IV").unwrap();
    let point_5 = act.node(
        act.find(&id("kz-2012-527-IV/art_20__para_1__point_5"))
            .unwrap(),
    );
    assert_eq!(
        point_5.text,
        "maintenance of readiness of the civil defense to protect the population and territory."
    );
    let duty = act.node(act.find(&id("kz-2012-527-IV/art_20__para_2")).unwrap());
    assert!(
        duty.text
            .starts_with("Responsibility of all agencies and government officials"),
        "{}",
        duty.text
    );
    assert_eq!(
        numbers_under("kz-2012-527-IV/art_20__para_2", NodeKind::Point)
            .first()
            .map(String::as_str),
        Some("1")
    );
    let readings = english(&act.interpretations);
    assert!(
        readings
            .iter()
            .any(|i| i.contains("art_20") && i.contains("read as paragraph 2")),
        "{readings:?}"
    );
}

#[test]
fn the_portal_page_reads_the_duties_of_citizens_as_a_heading() {
    let act = shipped().act("kz-egov-military-service").unwrap();
    let section = act.node(act.find(&id("kz-egov-military-service/sec_7")).unwrap());
    assert_eq!(
        section.heading.as_deref(),
        Some("Duties of citizens subject to conscription for military service")
    );
    let first = act.node(
        act.find(&id("kz-egov-military-service/sec_7__para_1"))
            .unwrap(),
    );
    assert!(
        first.text.starts_with(
            "Citizens subject to conscription are required to appear upon the summons"
        ),
        "{}",
        first.text
    );
    // No paragraph of the section before it holds the heading as text.
    let conscription = act.find(&id("kz-egov-military-service/sec_6")).unwrap();
    assert!(
        act.children(conscription)
            .all(|p| !p.text.starts_with("Duties of citizens")),
        "the heading is read as a paragraph"
    );
}

#[test]
fn order_738_is_in_force_from_its_reading_and_lapsed_after_its_repeal() {
    let act = shipped().act("kz-2020-mod-738").unwrap();
    let para = act.find(&id("kz-2020-mod-738/para_5")).unwrap();
    assert_eq!(
        act.status(para, date("2021-01-03")),
        Status::NotYetInForce {
            since: date("2021-01-04")
        }
    );
    assert_eq!(act.status(para, date("2021-01-04")), Status::InForce);
    assert_eq!(act.status(para, date("2022-09-14")), Status::InForce);
    assert!(matches!(
        act.status(para, date("2022-09-15")),
        Status::Repealed { since, ref by } if since == date("2022-09-15") && by.contains("No. 753")
    ));
    assert!(
        act.in_force_basis
            .render(&qorgau_i18n::Lang::english())
            .contains("ten calendar days")
    );
}

/// The readings as the English catalogue says them.
fn english(readings: &[qorgau_i18n::Message]) -> Vec<String> {
    readings
        .iter()
        .map(|r| r.render(&qorgau_i18n::Lang::english()))
        .collect()
}
