//! `security.ownership_screening`: the limits of 002 Art. 23.6 an organisation breaks, from its
//! shareholder graph and its activities.
//!
//! > It is prohibited: ... 3) owning, using, disposing of and (or) to control directly and (or)
//! > indirectly more than 20 percent of the shares (stakes) of a legal person - the owner of the
//! > media ... by foreign natural and legal persons and stateless persons; 4) management or
//! > operation of trunk communication lines by foreigners ...; 5) establishment and operation
//! > of ... communication networks, the control center which is located outside; 6) purchase ...
//! > over 10 percent of the voting shares ... of [a long-distance or international operator]
//! > without the consent of the authorized body ...; 7) foreigners ... directly and (or)
//! > indirectly ... an aggregate of more than 49 percent of the voting shares ... of [a
//! > long-distance or international operator] (002, Art. 23.6)
//!
//! Reading: an indirect holding is the product of the shares along a chain of ownership, and
//! the holdings along different chains add up. A domestic organisation passes on its own
//! foreign share; a foreign person counts whole. So the foreign shares of all organisations
//! solve `f = A f + b` (A: shares held by domestic organisations, b: shares held directly by
//! foreign persons), found by iteration; cycles of cross-ownership converge as long as no
//! organisation is owned more than 100 %, and they are reported. Shares are percentages;
//! comparisons with a limit allow 1e-9 for rounding ("more than 49" is broken by 49.01, not
//! by 49).

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use crate::{Decision, Percent, RuleError, TypedRule, cite};

pub struct OwnershipScreening;

const EPSILON: f64 = 1e-9;
const MAX_ITERATIONS: usize = 10_000;

qorgau_i18n::vocabulary! {
    /// What an organisation does, as far as Art. 23.6 cares.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum Activity: "security-activity-" {
        /// The owner of a mass medium in Kazakhstan.
        MediaOwner = "media_owner",
        /// An operator of long-distance and (or) international communications.
        LongDistanceOperator = "long_distance_operator",
        /// An operator of trunk communication lines.
        TrunkLineOperator = "trunk_line_operator",
        /// An operator of communication networks.
        NetworkOperator = "network_operator",
    }
}

/// One holding: `owner` holds `share` of `owned`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Holding {
    pub owner: String,
    pub owned: String,
    /// More than 0 and at most 100 percent.
    pub share: Percent,
}

/// An acquisition of shares of the organisation.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Acquisition {
    pub acquirer: String,
    /// The voting shares acquired (alone or with a group of persons).
    pub share: Percent,
    /// Whether the authorized body in the field of communication and information consented.
    pub consent: bool,
}

/// The facts of `security.ownership_screening`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OwnershipFacts {
    /// The organisation screened.
    pub organisation: String,
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// The shareholder graph around it (holdings between any organisations and persons).
    pub holdings: Vec<Holding>,
    /// Which owners are foreign natural or legal persons or stateless persons.
    #[serde(default)]
    pub foreign: Vec<String>,
    #[serde(default)]
    pub acquisitions: Vec<Acquisition>,
    /// Its trunk communication lines are managed or operated by foreigners.
    #[serde(default)]
    pub trunk_lines_run_by_foreigners: bool,
    /// Its communication network's control centre is outside Kazakhstan.
    #[serde(default)]
    pub control_centre_abroad: bool,
}

/// A graph of holdings with indices, for the computation over many organisations.
pub struct OwnershipGraph {
    /// For each organisation, (owner, share as a fraction).
    pub owners: Vec<Vec<(u32, f64)>>,
    pub foreign: Vec<bool>,
}

/// Why shares cannot be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OwnershipError {
    #[error("the shares held in {0} add up to {1} %, more than 100 %")]
    OverOwned(String, f64),
    #[error("the share {1} held in {0} is not between 0 and 100 %")]
    BadShare(String, f64),
    #[error("the foreign shares did not settle after {0} rounds")]
    NoConvergence(usize),
}

impl OwnershipGraph {
    /// The effective foreign share (a fraction) of every organisation: iterate `f = A f + b`
    /// in place (Gauss-Seidel: each new value is used at once, so chains settle in one pass in
    /// their order and only cycles need more rounds).
    pub fn foreign_shares(&self) -> Result<Vec<f64>, OwnershipError> {
        let n = self.owners.len();
        let mut f = vec![0.0_f64; n];
        for _ in 0..MAX_ITERATIONS {
            let mut change = 0.0_f64;
            for i in 0..n {
                if self.foreign[i] {
                    continue;
                }
                let mut value = 0.0;
                for &(owner, share) in &self.owners[i] {
                    let owner = owner as usize;
                    value += share * if self.foreign[owner] { 1.0 } else { f[owner] };
                }
                let delta = (value - f[i]).abs();
                if delta > change {
                    change = delta;
                }
                f[i] = value;
            }
            if change < 1e-13 {
                return Ok(f);
            }
        }
        Err(OwnershipError::NoConvergence(MAX_ITERATIONS))
    }
}

/// A chain of holdings from a foreign owner to the organisation, with its product.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct OwnershipPath {
    pub path: Vec<String>,
    pub share: Percent,
}

qorgau_i18n::vocabulary! {
    /// The limits of Art. 23.6, each with its clause.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum Limit: "security-limit-" {
        MediaForeignShare = "media_foreign_share",
        TrunkLinesByForeigners = "trunk_lines_by_foreigners",
        ControlCentreAbroad = "control_centre_abroad",
        AcquisitionWithoutConsent = "acquisition_without_consent",
        OperatorForeignShare = "operator_foreign_share",
    }
}

impl Limit {
    pub fn clause(self) -> &'static str {
        match self {
            Limit::MediaForeignShare => "kz-2012-527-IV/art_23__para_6__point_3",
            Limit::TrunkLinesByForeigners => "kz-2012-527-IV/art_23__para_6__point_4",
            Limit::ControlCentreAbroad => "kz-2012-527-IV/art_23__para_6__point_5",
            Limit::AcquisitionWithoutConsent => "kz-2012-527-IV/art_23__para_6__point_6",
            Limit::OperatorForeignShare => "kz-2012-527-IV/art_23__para_6__point_7",
        }
    }
}

/// The limits of Art. 23.6 that an organisation's effective foreign share and its flags break,
/// in the order of the decisions; acquisitions are judged apart. The one place the thresholds
/// live: the rule and the whole-graph screening both ask it.
pub fn share_and_flag_limits(
    activities: &[Activity],
    foreign_share: Percent,
    trunk_lines_run_by_foreigners: bool,
    control_centre_abroad: bool,
) -> Vec<Limit> {
    let foreign_share = foreign_share.value();
    let mut out = Vec::new();
    if activities.contains(&Activity::MediaOwner) && foreign_share > 20.0 + EPSILON {
        out.push(Limit::MediaForeignShare);
    }
    if activities.contains(&Activity::LongDistanceOperator) && foreign_share > 49.0 + EPSILON {
        out.push(Limit::OperatorForeignShare);
    }
    if trunk_lines_run_by_foreigners {
        out.push(Limit::TrunkLinesByForeigners);
    }
    if control_centre_abroad {
        out.push(Limit::ControlCentreAbroad);
    }
    out
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// A computed share in percent (a sum of products of shares, so within 0..=100 but for
/// rounding), rounded to six places.
fn computed_percent(value: f64) -> Result<Percent, crate::PercentError> {
    Percent::new(round6(value).clamp(0.0, 100.0), true)
}

/// The simple chains from foreign owners to `subject`, largest first (at most 20).
fn paths_to(
    subject: &str,
    owners: &HashMap<&str, Vec<(&str, f64)>>,
    foreign: &HashSet<&str>,
) -> Vec<OwnershipPath> {
    let mut out = Vec::new();
    // Depth-first upwards from the subject, without revisiting a node on the current chain.
    let mut stack: Vec<(Vec<&str>, f64)> = vec![(vec![subject], 1.0)];
    while let Some((chain, product)) = stack.pop() {
        let Some(last) = chain.last().copied() else {
            continue;
        };
        for &(owner, share) in owners.get(last).map(Vec::as_slice).unwrap_or(&[]) {
            if chain.contains(&owner) {
                continue;
            }
            let value = product * share / 100.0;
            let mut next = chain.clone();
            next.push(owner);
            if foreign.contains(owner) {
                let mut path: Vec<String> = next.iter().rev().map(|s| (*s).to_owned()).collect();
                path.shrink_to_fit();
                out.push(OwnershipPath {
                    path,
                    share: computed_percent(value * 100.0).unwrap_or(Percent::ZERO),
                });
            } else if next.len() < 12 && value > 1e-9 {
                stack.push((next, value));
            }
        }
        if out.len() > 1000 {
            break;
        }
    }
    out.sort_by(|a, b| {
        b.share
            .value()
            .total_cmp(&a.share.value())
            .then(a.path.cmp(&b.path))
    });
    out.truncate(20);
    out
}

/// The cycles of ownership reachable upwards from `subject`, each as a chain of names.
fn cycles_from(subject: &str, owners: &HashMap<&str, Vec<(&str, f64)>>) -> Vec<Vec<String>> {
    // Tarjan would be exact for components; a bounded search for back edges is enough to name
    // the cycles a reader must know about.
    let mut found: BTreeMap<Vec<String>, ()> = BTreeMap::new();
    let mut stack: Vec<Vec<&str>> = vec![vec![subject]];
    while let Some(chain) = stack.pop() {
        let Some(last) = chain.last().copied() else {
            continue;
        };
        for &(owner, _) in owners.get(last).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(at) = chain.iter().position(|n| *n == owner) {
                let mut cycle: Vec<String> = chain[at..].iter().map(|s| (*s).to_owned()).collect();
                // Start each cycle at its smallest name so the same cycle is named once.
                let min = cycle
                    .iter()
                    .enumerate()
                    .min_by(|a, b| a.1.cmp(b.1))
                    .map_or(0, |(i, _)| i);
                cycle.rotate_left(min);
                let first = cycle[0].clone();
                cycle.push(first);
                found.insert(cycle, ());
            } else if chain.len() < 12 {
                let mut next = chain.clone();
                next.push(owner);
                stack.push(next);
            }
        }
        if found.len() > 50 {
            break;
        }
    }
    found.into_keys().collect()
}

impl TypedRule for OwnershipScreening {
    type Facts = OwnershipFacts;
    type Outcome = OwnershipOutcome;
    const ID: &'static str = "security.ownership_screening";
    const TITLE: &'static str = "rule-security-ownership-title";
    const CITATIONS: &'static [&'static str] = &[
        "kz-2012-527-IV/art_23__para_6",
        "kz-2012-527-IV/art_23__para_6__point_3",
        "kz-2012-527-IV/art_23__para_6__point_4",
        "kz-2012-527-IV/art_23__para_6__point_5",
        "kz-2012-527-IV/art_23__para_6__point_6",
        "kz-2012-527-IV/art_23__para_6__point_7",
    ];
    const IN_FORCE_FROM: (i32, u32, u32) = super::IN_FORCE_FROM;

    fn decide(
        &self,
        facts: OwnershipFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<OwnershipOutcome>, RuleError> {
        let invalid = |fact: &'static str, message: String| RuleError::InvalidFact {
            rule: Self::ID,
            fact,
            message,
        };
        let subject = facts.organisation.trim();
        if subject.is_empty() {
            return Err(invalid("organisation", "is empty".to_owned()));
        }
        // Index every name.
        let mut names: Vec<&str> = vec![subject];
        let mut index: HashMap<&str, u32> = HashMap::from([(subject, 0)]);
        for h in &facts.holdings {
            // A percent is never over 100; a holding of nothing is no holding.
            if h.share.value() <= 0.0 {
                return Err(invalid(
                    "holdings",
                    OwnershipError::BadShare(h.owned.clone(), h.share.value()).to_string(),
                ));
            }
            for name in [h.owner.as_str(), h.owned.as_str()] {
                if !index.contains_key(name) {
                    index.insert(name, names.len() as u32);
                    names.push(name);
                }
            }
        }
        let foreign_set: HashSet<&str> = facts.foreign.iter().map(String::as_str).collect();
        let mut graph = OwnershipGraph {
            owners: vec![Vec::new(); names.len()],
            foreign: names.iter().map(|n| foreign_set.contains(n)).collect(),
        };
        let mut owners_by_name: HashMap<&str, Vec<(&str, f64)>> = HashMap::new();
        let mut totals: HashMap<&str, f64> = HashMap::new();
        for h in &facts.holdings {
            graph.owners[index[h.owned.as_str()] as usize]
                .push((index[h.owner.as_str()], h.share.as_fraction()));
            owners_by_name
                .entry(h.owned.as_str())
                .or_default()
                .push((h.owner.as_str(), h.share.value()));
            *totals.entry(h.owned.as_str()).or_default() += h.share.value();
        }
        if let Some((name, total)) = totals.iter().find(|(_, t)| **t > 100.0 + EPSILON) {
            return Err(invalid(
                "holdings",
                OwnershipError::OverOwned((*name).to_owned(), *total).to_string(),
            ));
        }
        let shares = graph
            .foreign_shares()
            .map_err(|e| invalid("holdings", e.to_string()))?;
        let foreign_share = if graph.foreign[0] {
            100.0
        } else {
            round6(shares[0] * 100.0)
        };
        let foreign_percent =
            computed_percent(foreign_share).map_err(|e| invalid("holdings", e.to_string()))?;
        let paths = paths_to(subject, &owners_by_name, &foreign_set);
        let cycles = cycles_from(subject, &owners_by_name);

        let mut breaches: Vec<(Limit, Message)> = Vec::new();
        let share_text = format!("{foreign_share}");
        let limits = share_and_flag_limits(
            &facts.activities,
            foreign_percent,
            facts.trunk_lines_run_by_foreigners,
            facts.control_centre_abroad,
        );
        let message = |limit: Limit| match limit {
            Limit::MediaForeignShare => {
                Message::new("rule-security-ownership-media").arg("share", share_text.as_str())
            }
            Limit::OperatorForeignShare => {
                Message::new("rule-security-ownership-operator").arg("share", share_text.as_str())
            }
            Limit::TrunkLinesByForeigners => Message::new("rule-security-ownership-trunk"),
            Limit::ControlCentreAbroad => Message::new("rule-security-ownership-control-centre"),
            Limit::AcquisitionWithoutConsent => Message::new("rule-security-ownership-acquisition"),
        };
        let (share_limits, flag_limits): (Vec<Limit>, Vec<Limit>) = limits
            .into_iter()
            .partition(|l| matches!(l, Limit::MediaForeignShare | Limit::OperatorForeignShare));
        for limit in share_limits {
            breaches.push((limit, message(limit)));
        }
        if facts.activities.contains(&Activity::LongDistanceOperator) {
            for a in &facts.acquisitions {
                if a.share.value() > 10.0 + EPSILON && !a.consent {
                    breaches.push((
                        Limit::AcquisitionWithoutConsent,
                        Message::new("rule-security-ownership-acquisition")
                            .arg("acquirer", a.acquirer.as_str())
                            .arg("share", a.share.value()),
                    ));
                }
            }
        }
        for limit in flag_limits {
            breaches.push((limit, message(limit)));
        }
        let mut explanation = vec![
            Message::new("rule-security-ownership-share")
                .arg("organisation", subject)
                .arg("share", share_text.as_str()),
        ];
        if !cycles.is_empty() {
            explanation
                .push(Message::new("rule-security-ownership-cycles").arg("count", cycles.len()));
        }
        if breaches.is_empty() {
            explanation.push(Message::new("rule-security-ownership-clear"));
        }
        let mut citations = vec!["kz-2012-527-IV/art_23__para_6"];
        for (limit, message) in &breaches {
            citations.push(limit.clause());
            explanation.push(message.clone());
        }
        citations.dedup();
        let breached: Vec<Limit> = breaches.iter().map(|(l, _)| *l).collect();
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: OwnershipOutcome {
                foreign_share: foreign_percent,
                breaches: breached,
                paths,
                cycles,
            },
            citations: cite(&citations),
            explanation,
        })
    }
}

/// The outcome of `security.ownership_screening`.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct OwnershipOutcome {
    /// The effective foreign share.
    pub foreign_share: Percent,
    /// The limits of Art. 23.6 breached.
    pub breaches: Vec<Limit>,
    /// The chains from foreign owners, each with its product.
    pub paths: Vec<OwnershipPath>,
    /// Cycles of holdings through the organisation, by name.
    pub cycles: Vec<Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_is_named_as_the_decisions_name_it() {
        for &limit in Limit::ALL {
            assert_eq!(serde_json::to_value(limit).unwrap(), limit.as_str());
        }
    }
}
