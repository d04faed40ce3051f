//! The life of the acts beyond their own structure: where two texts of the corpus say different
//! things about the same matter, and texts whose date is unknown. Qorgau never picks between
//! them silently: each entry is shown on the watch page and by `qorgau law watch`, with both
//! clauses and the reading Qorgau applies.

use crate::ClauseId;

/// Two clauses of the corpus that disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Disagreement {
    /// Catalogue message that says what they disagree about and which reading Qorgau applies.
    pub message_id: &'static str,
    pub clauses: [&'static str; 2],
}

/// The disagreements between the shipped texts.
pub const DISAGREEMENTS: &[Disagreement] = &[Disagreement {
    // 002 Art. 11.1: "an advisory body under the President"; 004 para 1: "a constitutional body
    // formed by the President". The Law is the act; the page summarises it.
    message_id: "law-disagreement-security-council-nature",
    clauses: [
        "kz-2012-527-IV/art_11__para_1",
        "kz-security-council/para_1",
    ],
}];

/// A caveat about a whole text of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caveat {
    pub act: &'static str,
    /// Catalogue message that states the caveat and the reading Qorgau applies.
    pub message_id: &'static str,
}

/// The caveats about the shipped texts.
pub const CAVEATS: &[Caveat] = &[
    Caveat {
        act: "kz-security-council",
        message_id: "law-caveat-undated-page",
    },
    Caveat {
        act: "kz-egov-military-service",
        message_id: "law-caveat-summary-page",
    },
];

impl Disagreement {
    /// The two clauses as ids.
    pub fn clause_ids(&self) -> impl Iterator<Item = ClauseId> + '_ {
        self.clauses.iter().filter_map(|c| ClauseId::parse(c).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_disagreement_names_two_clauses_of_the_corpus() {
        let corpus = crate::corpus::shipped();
        for d in DISAGREEMENTS {
            let ids: Vec<ClauseId> = d.clause_ids().collect();
            assert_eq!(ids.len(), 2, "{d:?}");
            for id in ids {
                assert!(corpus.locate(&id).is_some(), "{id} does not resolve");
            }
        }
        for c in CAVEATS {
            assert!(crate::act_by_id(c.act).is_some(), "{c:?}");
        }
    }
}
