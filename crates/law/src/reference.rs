//! Reference lists of the national-security texts, built from the parsed corpus rather than
//! retyped: each entry is a clause of the corpus with its number and text, so a list can never
//! drift from the law it comes from. The counts are pinned by tests.

use serde::Serialize;

use crate::{Act, ClauseId, shipped};

/// The National Security law (002).
pub const NATIONAL_SECURITY: &str = "kz-2012-527-IV";
/// Article 22 of the Defense law (000).
pub const DEFENSE: &str = "kz-2005-29";
/// The Security Council's page (004).
pub const COUNCIL: &str = "kz-security-council";

/// One entry of a reference list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Entry {
    pub clause: ClauseId,
    /// The number as written ("5", "26-22").
    pub number: String,
    /// A short name: the text before the first dash or colon, when the text has one.
    pub name: String,
    pub text: String,
}

/// The entries directly under clause `parent` of `act`.
fn children_of(act: &str, parent: &str) -> Vec<Entry> {
    let Some(act) = shipped().act(act) else {
        return Vec::new();
    };
    let Ok(id) = ClauseId::parse(&format!("{}/{parent}", act.id)) else {
        return Vec::new();
    };
    let Some(index) = act.find(&id) else {
        return Vec::new();
    };
    entries(act, index)
}

fn entries(act: &Act, index: usize) -> Vec<Entry> {
    act.children(index)
        .filter_map(|node| {
            Some(Entry {
                clause: node.id.clone()?,
                number: node.number.clone().unwrap_or_default(),
                name: short_name(&node.text),
                text: node.text.clone(),
            })
        })
        .collect()
}

/// "Ministry of Defence - a central executive body ..." -> "Ministry of Defence".
pub fn short_name(text: &str) -> String {
    let text = text.trim().trim_start_matches([',', ' ']);
    let cut = [" - ", " – ", " — "]
        .iter()
        .filter_map(|dash| text.find(dash))
        .min();
    match cut {
        Some(at) if at <= 160 => text[..at].trim().to_owned(),
        _ => text
            .split([';', ':'])
            .next()
            .unwrap_or(text)
            .trim()
            .trim_end_matches(['.', ','])
            .to_owned(),
    }
}

/// The 6 types of national security (002 Art. 4).
pub fn security_types() -> Vec<Entry> {
    children_of(NATIONAL_SECURITY, "art_4")
}

/// The national interests (002 Art. 5.1); later acts may add more (Art. 5.2).
pub fn national_interests() -> Vec<Entry> {
    children_of(NATIONAL_SECURITY, "art_5__para_1")
}

/// The main threats (002 Art. 6.1); later acts may add more (Art. 6.2).
pub fn main_threats() -> Vec<Entry> {
    children_of(NATIONAL_SECURITY, "art_6__para_1")
}

/// The principles of national security (002 Art. 3).
pub fn principles() -> Vec<Entry> {
    children_of(NATIONAL_SECURITY, "art_3")
}

/// The functions of the national security system (002 Art. 8).
pub fn system_functions() -> Vec<Entry> {
    children_of(NATIONAL_SECURITY, "art_8")
}

/// The forces of national security (002 Art. 9.1).
pub fn forces() -> Vec<Entry> {
    children_of(NATIONAL_SECURITY, "art_9__para_1")
}

/// The public bodies of Art. 15.1 with their competence (the area each coordinates is in
/// the text).
pub fn public_bodies() -> Vec<Entry> {
    children_of(NATIONAL_SECURITY, "art_15__para_1")
}

/// The functions of the Ministry of Defense (000 Art. 22.2), inserted and excluded items
/// included; whether one is in force on a date is the act's `status`.
pub fn defense_functions() -> Vec<Entry> {
    children_of(DEFENSE, "art_22__para_2")
}

/// The kinds of measures of national security (002 Art. 18.3).
pub fn measure_kinds() -> Vec<Entry> {
    children_of(NATIONAL_SECURITY, "art_18__para_3")
}

/// The functions of the Security Council (004).
pub fn council_functions() -> Vec<Entry> {
    children_of(COUNCIL, "para_5")
}

/// The powers of Arts. 10-14 and 16 of 002, each with its holder (the article's heading names
/// it). Art. 15 lists a body per point instead: see [`public_bodies`].
pub fn powers() -> Vec<(String, Entry)> {
    let Some(act) = shipped().act(NATIONAL_SECURITY) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for article in [10, 11, 12, 13, 14, 16] {
        let Ok(id) = ClauseId::parse(&format!("{}/art_{article}", act.id)) else {
            continue;
        };
        let Some(index) = act.find(&id) else {
            continue;
        };
        let holder = act
            .node(index)
            .heading
            .clone()
            .unwrap_or_default()
            .trim_start_matches("Powers of ")
            .trim_end_matches('.')
            .to_owned();
        // Points may hang under the article or under its paragraphs.
        let mut stack = vec![index];
        while let Some(at) = stack.pop() {
            for &child in act.node(at).children.iter().rev() {
                stack.push(child);
            }
            if at != index
                && act.node(at).children.is_empty()
                && let Some(entry) = entries_single(act, at)
            {
                out.push((holder.clone(), entry));
            }
        }
    }
    out
}

fn entries_single(act: &Act, index: usize) -> Option<Entry> {
    let node = act.node(index);
    Some(Entry {
        clause: node.id.clone()?,
        number: node.number.clone().unwrap_or_default(),
        name: short_name(&node.text),
        text: node.text.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_have_the_counts_of_the_law() {
        assert_eq!(security_types().len(), 6);
        assert_eq!(national_interests().len(), 18);
        assert_eq!(main_threats().len(), 19);
        assert_eq!(principles().len(), 10);
        assert_eq!(system_functions().len(), 7);
        assert_eq!(forces().len(), 3);
        assert_eq!(public_bodies().len(), 30);
        assert_eq!(council_functions().len(), 8);
        assert_eq!(measure_kinds().len(), 6);
        let defense = defense_functions();
        assert!(defense.iter().any(|e| e.number == "15-1"));
        assert!(defense.iter().any(|e| e.number == "26-22"));
        assert!(!powers().is_empty());
    }

    #[test]
    fn every_entry_is_a_clause_of_the_corpus() {
        let all = [
            security_types(),
            national_interests(),
            main_threats(),
            principles(),
            system_functions(),
            forces(),
            public_bodies(),
            defense_functions(),
            council_functions(),
            measure_kinds(),
        ];
        for list in all {
            for entry in list {
                assert!(
                    shipped().locate(&entry.clause).is_some(),
                    "{}",
                    entry.clause
                );
                assert!(!entry.text.is_empty(), "{}", entry.clause);
            }
        }
        for (holder, entry) in powers() {
            assert!(!holder.is_empty(), "{}", entry.clause);
            assert!(shipped().locate(&entry.clause).is_some());
        }
    }

    #[test]
    fn body_names_come_from_the_text() {
        let bodies = public_bodies();
        assert_eq!(bodies[5].name, "Ministry of Defence");
        assert_eq!(bodies[4].name, "internal affairs bodies");
        assert_eq!(
            bodies[24].name,
            "authorised body in the field of statistics"
        );
    }
}
