//! Full-text search over the shipped corpus.

use chrono::NaiveDate;
use qorgau_law::{SearchQuery, shipped_index};

fn query(text: &str) -> SearchQuery<'_> {
    SearchQuery {
        text,
        act: None,
        as_of: None,
        limit: 20,
    }
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn mobilization_finds_defense_and_security_clauses_ranked_with_snippets() {
    let hits = shipped_index().search(&query("mobilization")).unwrap();
    assert!(hits.len() >= 4, "{hits:?}");
    let acts: Vec<&str> = hits.iter().map(|h| h.act.as_str()).collect();
    assert!(acts.contains(&"kz-2005-29"), "{acts:?}");
    assert!(acts.contains(&"kz-2012-527-IV"), "{acts:?}");
    assert!(
        hits.windows(2).all(|w| w[0].score >= w[1].score),
        "ranked best first"
    );
    for hit in &hits[..4] {
        assert!(hit.snippet_html.contains("<b>"), "{hit:?}");
        assert!(
            hit.fragment.to_lowercase().contains("mobiliz"),
            "exact matches rank first: {hit:?}"
        );
    }
    // Item 5-1) of Article 22 is about mobilization training.
    assert!(
        hits.iter()
            .any(|h| h.id == "kz-2005-29/art_22__para_2__point_5-1"),
        "{hits:?}"
    );
}

#[test]
fn filters_by_act_and_by_date_in_force() {
    let only_002 = shipped_index()
        .search(&SearchQuery {
            act: Some("kz-2012-527-IV"),
            ..query("mobilization")
        })
        .unwrap();
    assert!(!only_002.is_empty());
    assert!(only_002.iter().all(|h| h.act == "kz-2012-527-IV"));

    let territorial = |as_of: &str| {
        shipped_index()
            .search(&SearchQuery {
                as_of: Some(date(as_of)),
                act: Some("kz-2005-29"),
                ..query("territorial defense")
            })
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect::<Vec<_>>()
    };
    let before = territorial("2025-01-01");
    assert!(
        before.contains(&"kz-2005-29/art_22__para_2__point_15".to_owned()),
        "{before:?}"
    );
    let after = territorial("2026-01-01");
    assert!(
        !after.contains(&"kz-2005-29/art_22__para_2__point_15".to_owned()),
        "{after:?}"
    );
    assert!(
        after.contains(&"kz-2005-29/art_22__para_2__point_26-5".to_owned()),
        "{after:?}"
    );
}

#[test]
fn phrases_and_odd_input() {
    let phrase = shipped_index()
        .search(&query("\"physical training\""))
        .unwrap();
    assert_eq!(
        phrase[0].id, "kz-2005-29/art_22__para_2__point_26-22",
        "{phrase:?}"
    );
    // Unbalanced quotes and colons still search the words.
    assert!(
        !shipped_index()
            .search(&query("\"duly notified"))
            .unwrap()
            .is_empty()
    );
    assert!(shipped_index().search(&query("id:x: summons")).is_ok());
    assert!(shipped_index().search(&query("   ")).is_err());
    assert!(
        shipped_index()
            .search(&query("zzzzqqq"))
            .unwrap()
            .is_empty()
    );
}
