//! The life of a rule's sources: a rule answers only once every act it cites is in force, and a
//! decision made after a cited act lapsed, or a cited clause was excluded, says so.
//!
//! The acts' dates and the readings behind them are the corpus's (`qorgau_law::Act::status`);
//! this module only turns them into a refusal or into sentences of the decision. Reading the
//! shipped corpus is not I/O: it is compiled into the binary.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use qorgau_law::{ClauseId, Status};

use crate::RuleError;

/// The acts a rule cites, by their ids, each once.
fn cited_acts(citations: &[&'static str]) -> Vec<&'static str> {
    let mut acts: Vec<&'static str> = citations
        .iter()
        .filter_map(|c| c.split_once('/').map(|(act, _)| act))
        .collect();
    acts.sort_unstable();
    acts.dedup();
    acts
}

/// The first day every act the rule cites is in force.
pub fn in_force_from(citations: &[&'static str]) -> Option<NaiveDate> {
    let corpus = qorgau_law::shipped();
    cited_acts(citations)
        .into_iter()
        .filter_map(|act| corpus.act(act).map(|a| a.in_force_from))
        .max()
}

/// Refuses `as_of` before every act the rule cites is in force.
pub fn check_in_force(
    rule: &'static str,
    citations: &[&'static str],
    as_of: NaiveDate,
) -> Result<(), RuleError> {
    let corpus = qorgau_law::shipped();
    for act_id in cited_acts(citations) {
        if let Some(act) = corpus.act(act_id)
            && as_of < act.in_force_from
        {
            return Err(RuleError::NotYetInForce {
                rule,
                act: act_id,
                since: act.in_force_from,
            });
        }
    }
    Ok(())
}

/// Sentences for every cited act that has lapsed and every cited clause excluded on `as_of`,
/// each act and clause once.
pub fn lapse_notes(citations: &[ClauseId], as_of: NaiveDate) -> Vec<Message> {
    let corpus = qorgau_law::shipped();
    let mut notes = Vec::new();
    let mut repealed_acts: Vec<String> = Vec::new();
    for clause in citations {
        let Some((act, index)) = corpus.locate(clause) else {
            continue;
        };
        match act.status(index, as_of) {
            Status::Repealed { by, since } if !repealed_acts.contains(&act.id) => {
                repealed_acts.push(act.id.clone());
                notes.push(
                    Message::new("rule-source-repealed")
                        .arg("act", qorgau_law::act_name(&act.title))
                        .arg("since", since.to_string())
                        .arg("by", qorgau_law::act_name(&by)),
                );
            }
            Status::Excluded { by, since } => notes.push(
                Message::new("rule-clause-excluded")
                    .arg("clause", clause.as_str())
                    .arg("since", since.to_string())
                    .arg("by", qorgau_law::act_name(&by)),
            ),
            _ => {}
        }
    }
    notes
}

/// Refuses `as_of` before every act rule `T` cites is in force: for callers that use a rule's
/// typed core directly (many summonses or organisations at once) instead of its decision.
pub fn applies<T: crate::TypedRule>(as_of: NaiveDate) -> Result<(), RuleError> {
    check_in_force(T::ID, T::CITATIONS, as_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn every_rule_applies_from_the_day_its_sources_are_in_force() {
        for rule in crate::registry().iter() {
            let info = rule.info();
            let acts: Vec<&'static str> = info
                .citations
                .iter()
                .filter_map(|c| {
                    let act = c.as_str().split_once('/').map(|(a, _)| a)?;
                    qorgau_law::act_by_id(act).map(|a| a.id)
                })
                .collect();
            let from = acts
                .iter()
                .filter_map(|a| qorgau_law::shipped().act(a).map(|a| a.in_force_from))
                .max();
            assert_eq!(Some(info.in_force_from), from, "rule {}", info.id);
        }
    }

    #[test]
    fn a_decision_under_order_738_after_its_repeal_says_it_has_lapsed() {
        let Ok(clause) = ClauseId::parse("kz-2020-mod-738/para_15") else {
            panic!("a valid clause id")
        };
        assert!(lapse_notes(std::slice::from_ref(&clause), day("2022-09-14")).is_empty());
        let notes = lapse_notes(&[clause.clone(), clause], day("2026-03-10"));
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert_eq!(notes[0].id, "rule-source-repealed");
        assert!(
            check_in_force(
                "safety.rates",
                &["kz-2020-mod-738/para_15"],
                day("2021-01-03")
            )
            .is_err()
        );
        assert!(
            check_in_force(
                "safety.rates",
                &["kz-2020-mod-738/para_15"],
                day("2021-01-04")
            )
            .is_ok()
        );
    }
}
