//! `defense.function_holder`: who holds the power a question asks about, from the competence
//! index of all five texts, and whether it is a function of the Ministry of Defense on `as_of`.
//!
//! > 2. The Ministry of Defense shall: ... (000, Art. 22.2, with items inserted and excluded by
//! > later laws, such as 15) and 15-1) excluded by the Law of 30 June 2025 No. 202-VIII)
//!
//! The reading, stated in every decision:
//! - The question's verb names the kind of power ("approves", "develops", "controls" ...); only
//!   powers of that kind answer, so "who approves" is never answered by a clause that
//!   "develops". A question without such a verb is matched against every kind.
//! - Its other words are matched, stemmed, against the object of each power; rarer words weigh
//!   more. A power answers when it matches at least half of the question's weight.
//! - Every holder the best clause names is given (co-holders); so is each clause that matches as
//!   well. When nothing of the asked kind matches, the powers of other kinds over the same
//!   object are named, so the reader learns who does what instead.
//!
//! The index is compiled in and matched in memory: no I/O.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use qorgau_i18n::Message;
use qorgau_law::{ClauseId, Status, english_stems, shipped};
use serde::{Deserialize, Serialize};

use super::competences::{Power, powers};
use super::vocabulary::{Holder, Verb};
use crate::{Decision, RuleError, TypedRule};

pub struct FunctionHolder;

/// The list of the Ministry's functions: the rule's own source.
const LIST: &str = "kz-2005-29/art_22__para_2";

/// A power matches when it covers at least this share of the question's weight.
const MATCH_SHARE: f64 = 0.5;
/// At most this many powers of other kinds are named when none of the asked kind matches.
const OTHER_KINDS: usize = 3;

/// Words of a question that say nothing of the object ("who", "the", "which body").
const QUESTION_WORDS: &[&str] = &[
    "who",
    "whom",
    "which",
    "what",
    "does",
    "do",
    "did",
    "is",
    "are",
    "was",
    "the",
    "a",
    "an",
    "of",
    "for",
    "in",
    "on",
    "to",
    "and",
    "or",
    "by",
    "with",
    "at",
    "from",
    "body",
    "bodies",
    "organ",
    "responsible",
    "shall",
    "must",
    "can",
    "may",
    "it",
    "its",
    "their",
    "that",
    "this",
    "these",
    "those",
    "whose",
    "has",
    "have",
    "holds",
    "hold",
    "function",
    "power",
    "powers",
];

qorgau_i18n::vocabulary! {
    /// What the texts say of the Ministry of Defense and the power asked about.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum MinistryRole: "defense-ministry-role-" {
        /// A function of the Ministry on `as_of` (alone or with the co-holders named).
        Holds = "holds",
        /// A function of the Ministry once, excluded by a later law before `as_of`.
        NoLongerHolds = "no_longer_holds",
        /// Not a function of the Ministry: the texts give it to the holders named.
        NotItsFunction = "not_its_function",
        /// The texts give no holder of this power.
        NoHolderInTexts = "no_holder_in_texts",
    }
}

/// The facts of `defense.function_holder`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FunctionHolderFacts {
    /// A question in words, such as "who approves the rules of physical training".
    pub question: String,
}

/// One power of the index that answers, with its standing on `as_of`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct PowerAnswer {
    /// Who holds it; more than one when the clause names co-holders.
    pub holders: Vec<Holder>,
    pub verb: Verb,
    /// What the power is over, in the text's words.
    pub object: String,
    pub clause: String,
    /// The clause is in force on `as_of`.
    pub in_force: bool,
    /// When it no longer is: since when, and by what act.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lapsed_since: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lapsed_by: Option<String>,
}

/// The outcome of `defense.function_holder`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct FunctionHolderOutcome {
    pub ministry: MinistryRole,
    /// The kind of power the question asks for, when it names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verb: Option<Verb>,
    /// The powers that answer, best first: equally good matches are all given.
    pub answers: Vec<PowerAnswer>,
    /// When no power of the asked kind answers: the closest powers of other kinds over the
    /// same object, so the reader learns who does what.
    pub other_kinds: Vec<PowerAnswer>,
}

/// The index's objects as stems, and each stem's weight (rarer stems weigh more).
struct Index {
    objects: Vec<Vec<String>>,
    weight: HashMap<String, f64>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let objects: Vec<Vec<String>> = powers()
            .iter()
            .map(|p| {
                let mut stems = english_stems(p.object);
                stems.sort_unstable();
                stems.dedup();
                stems
            })
            .collect();
        let mut documents: HashMap<String, usize> = HashMap::new();
        for stems in &objects {
            for stem in stems {
                *documents.entry(stem.clone()).or_default() += 1;
            }
        }
        let n = objects.len() as f64;
        let weight = documents
            .into_iter()
            .map(|(stem, df)| (stem, (1.0 + n / df as f64).ln()))
            .collect();
        Index { objects, weight }
    })
}

/// The kind of power a question asks for: the first verb it uses, an "authorised body" only
/// when it uses no other.
fn asked_verb(words: &[String]) -> Option<Verb> {
    let found: Vec<Verb> = words
        .iter()
        .filter_map(|w| {
            Verb::ALL
                .iter()
                .copied()
                .find(|v| v.question_words().contains(&w.as_str()))
        })
        .collect();
    found
        .iter()
        .copied()
        .find(|v| *v != Verb::IsAuthorisedBody)
        .or_else(|| found.first().copied())
}

/// How well a power's object answers the question: the share of the question's weight it
/// covers (what decides), and the share of its own weight the question covers (which orders
/// equally covering powers: the more specific first). Both between 0 and 1.
#[derive(Debug, Clone, Copy)]
struct Score {
    coverage: f64,
    specificity: f64,
}

fn score(question: &[String], object: &[String], weight: &HashMap<String, f64>) -> Score {
    // A word no power's object holds weighs as the rarest word: it lowers the match instead of
    // dropping out of it.
    let unknown = weight.values().copied().fold(0.0, f64::max);
    let total = |stems: &[String]| -> f64 {
        stems
            .iter()
            .map(|s| weight.get(s).copied().unwrap_or(unknown))
            .sum()
    };
    let matched: f64 = question
        .iter()
        .filter(|s| object.binary_search(s).is_ok())
        .filter_map(|s| weight.get(s))
        .sum();
    let share = |whole: f64| if whole == 0.0 { 0.0 } else { matched / whole };
    Score {
        coverage: share(total(question)),
        specificity: share(total(object)),
    }
}

/// The best-covering powers: every one as covering as the best, the more specific first.
fn best(scored: &[(usize, Score)]) -> Vec<usize> {
    let top = scored.iter().map(|(_, s)| s.coverage).fold(0.0, f64::max);
    if top < MATCH_SHARE {
        return Vec::new();
    }
    let mut tied: Vec<(usize, Score)> = scored
        .iter()
        .filter(|(_, s)| top - s.coverage < 1e-9)
        .copied()
        .collect();
    tied.sort_by(|a, b| b.1.specificity.total_cmp(&a.1.specificity));
    tied.into_iter().map(|(i, _)| i).collect()
}

fn answer(power: &Power, as_of: NaiveDate) -> Result<PowerAnswer, RuleError> {
    let id = ClauseId::parse(power.clause).map_err(|_| RuleError::InvalidFact {
        rule: FunctionHolder::ID,
        fact: "question",
        message: Message::new("fact-function-holder-clause-invalid").arg("clause", power.clause),
    })?;
    let (act, index) = shipped()
        .locate(&id)
        .ok_or_else(|| RuleError::InvalidFact {
            rule: FunctionHolder::ID,
            fact: "question",
            message: Message::new("fact-function-holder-clause-not-in-corpus")
                .arg("clause", power.clause),
        })?;
    let (in_force, lapsed_since, lapsed_by) = match act.status(index, as_of) {
        Status::InForce => (true, None, None),
        Status::NotYetInForce { .. } => (false, None, None),
        Status::Excluded { by, since } | Status::Repealed { by, since } => {
            (false, Some(since), Some(by))
        }
    };
    Ok(PowerAnswer {
        holders: power.holders.to_vec(),
        verb: power.verb,
        object: power.object.to_owned(),
        clause: power.clause.to_owned(),
        in_force,
        lapsed_since,
        lapsed_by,
    })
}

/// The holders of `answers` as one list for a sentence, each once.
fn holder_list(answers: &[PowerAnswer]) -> Vec<&'static str> {
    let mut holders: Vec<Holder> = answers
        .iter()
        .flat_map(|a| a.holders.iter().copied())
        .collect();
    holders.sort_unstable();
    holders.dedup();
    holders.into_iter().map(|h| h.message_id()).collect()
}

impl TypedRule for FunctionHolder {
    type Facts = FunctionHolderFacts;
    type Outcome = FunctionHolderOutcome;
    const ID: &'static str = "defense.function_holder";
    const TITLE: &'static str = "rule-defense-function-holder-title";
    const CITATIONS: &'static [&'static str] = &[LIST];
    const IN_FORCE_FROM: (i32, u32, u32) = super::IN_FORCE_FROM;

    fn decide(
        &self,
        facts: FunctionHolderFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<FunctionHolderOutcome>, RuleError> {
        let question = facts.question.trim();
        if question.is_empty() {
            return Err(RuleError::InvalidFact {
                rule: Self::ID,
                fact: "question",
                message: Message::new("fact-function-holder-question-empty"),
            });
        }
        let words: Vec<String> = question
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let verb = asked_verb(&words);
        let verb_words = verb.map_or(&[][..], Verb::question_words);
        let object_text: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| !QUESTION_WORDS.contains(w) && !verb_words.contains(w))
            .collect();
        let mut stems = english_stems(&object_text.join(" "));
        stems.sort_unstable();
        stems.dedup();

        let index = index();
        let all = powers();
        let scored: Vec<(usize, Score, Verb)> = all
            .iter()
            .enumerate()
            .map(|(i, p)| (i, score(&stems, &index.objects[i], &index.weight), p.verb))
            .collect();
        let of_kind: Vec<(usize, Score)> = scored
            .iter()
            .filter(|(_, _, v)| verb.is_none_or(|asked| *v == asked))
            .map(|(i, s, _)| (*i, *s))
            .collect();
        let answers = best(&of_kind)
            .into_iter()
            .map(|i| answer(&all[i], as_of))
            .collect::<Result<Vec<_>, _>>()?;
        let other_kinds = if answers.is_empty() && verb.is_some() {
            let mut others: Vec<(usize, Score)> = scored
                .iter()
                .filter(|(_, s, v)| Some(*v) != verb && s.coverage >= MATCH_SHARE)
                .map(|(i, s, _)| (*i, *s))
                .collect();
            others.sort_by(|a, b| {
                (b.1.coverage, b.1.specificity)
                    .partial_cmp(&(a.1.coverage, a.1.specificity))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            others
                .into_iter()
                .take(OTHER_KINDS)
                .map(|(i, _)| answer(&all[i], as_of))
                .collect::<Result<Vec<_>, _>>()?
        } else {
            Vec::new()
        };

        let ministry_answers: Vec<&PowerAnswer> = answers
            .iter()
            .filter(|a| a.holders.contains(&Holder::MinistryOfDefense))
            .collect();
        let ministry = if answers.is_empty() {
            MinistryRole::NoHolderInTexts
        } else if ministry_answers.iter().any(|a| a.in_force) {
            MinistryRole::Holds
        } else if ministry_answers.iter().any(|a| a.lapsed_since.is_some()) {
            MinistryRole::NoLongerHolds
        } else {
            MinistryRole::NotItsFunction
        };

        let mut explanation = Vec::new();
        let verb_label = verb.map(|v| v.message_id());
        match ministry {
            MinistryRole::NoHolderInTexts => {
                let message = match verb_label {
                    Some(v) => Message::new("rule-defense-function-holder-none-of-kind")
                        .arg_message("verb", v),
                    None => Message::new("rule-defense-function-holder-none"),
                };
                explanation.push(message.arg("question", question));
            }
            _ => {
                for a in &answers {
                    let message = match (a.in_force, a.lapsed_since) {
                        (true, _) => Message::new("rule-defense-function-holder-found"),
                        (false, Some(since)) => Message::new("rule-defense-function-holder-lapsed")
                            .arg("since", since.to_string())
                            .arg("by", a.lapsed_by.clone().unwrap_or_default()),
                        (false, None) => {
                            Message::new("rule-defense-function-holder-not-yet-in-force")
                        }
                    };
                    explanation.push(
                        message
                            .arg_list("holders", holder_list(std::slice::from_ref(a)))
                            .arg_message("verb", a.verb.message_id())
                            .arg("object", a.object.as_str())
                            .arg("clause", a.clause.as_str()),
                    );
                }
            }
        }
        explanation.push(match ministry {
            MinistryRole::Holds => Message::new("rule-defense-function-holder-ministry-holds"),
            MinistryRole::NoLongerHolds => {
                Message::new("rule-defense-function-holder-ministry-no-longer")
            }
            MinistryRole::NotItsFunction => {
                Message::new("rule-defense-function-holder-ministry-not")
                    .arg_list("holders", holder_list(&answers))
            }
            MinistryRole::NoHolderInTexts => {
                Message::new("rule-defense-function-holder-ministry-unknown")
            }
        });
        for other in &other_kinds {
            explanation.push(
                Message::new("rule-defense-function-holder-other-kind")
                    .arg_list("holders", holder_list(std::slice::from_ref(other)))
                    .arg_message("verb", other.verb.message_id())
                    .arg("object", other.object.as_str())
                    .arg("clause", other.clause.as_str()),
            );
        }
        explanation.push(Message::new("rule-defense-function-holder-reading"));

        let mut citations: Vec<String> = vec![LIST.to_owned()];
        for a in answers.iter().chain(&other_kinds) {
            if !citations.contains(&a.clause) {
                citations.push(a.clause.clone());
            }
        }
        let citations = citations
            .iter()
            .map(|c| {
                ClauseId::parse(c).map_err(|_| RuleError::InvalidFact {
                    rule: Self::ID,
                    fact: "question",
                    message: Message::new("fact-function-holder-citation-invalid")
                        .arg("clause", c.as_str()),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: FunctionHolderOutcome {
                ministry,
                verb,
                answers,
                other_kinds,
            },
            citations,
            explanation,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_power_of_the_index_cites_a_clause_of_the_corpus() {
        for power in powers() {
            let id =
                ClauseId::parse(power.clause).unwrap_or_else(|e| panic!("{}: {e}", power.clause));
            assert!(
                shipped().locate(&id).is_some(),
                "{} is not a clause of the corpus",
                power.clause
            );
            assert!(
                !power.holders.is_empty(),
                "{} names no holder",
                power.clause
            );
        }
    }

    #[test]
    fn no_question_word_names_two_kinds_of_power() {
        for (i, a) in Verb::ALL.iter().enumerate() {
            for b in &Verb::ALL[i + 1..] {
                for word in a.question_words() {
                    assert!(
                        !b.question_words().contains(word),
                        "{word:?} names both {a:?} and {b:?}"
                    );
                }
            }
        }
    }
}
