//! `security.ownership_screening`: the limits of 002 Art. 23.6 an organisation breaks, from its
//! shareholder graph and its activities.
//!
//! > It is prohibited: ... 3) owning, using, disposing of and (or) to control directly and (or)
//! > indirectly more than 20 percent of the shares (stakes) of a legal person - the owner of the
//! > media in the Republic of Kazakhstan or the carrying activity in this area by foreign
//! > natural and legal persons and stateless persons; 4) management or operation of trunk
//! > communication lines by foreigners ...; 5) establishment and operation of ...
//! > communication networks, the control center which is located outside; 6) purchase ...
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
//! by 49). An organisation that is itself foreign counts as wholly foreign (100 %).
//!
//! The readings that change outcomes, each stated in the decision where it applies:
//! - point 3's "more than 20 percent" is the share of all foreign persons together, as point 7
//!   says "aggregate", not each foreign person's own share (`...-reading-aggregate`);
//! - an indirect holding is the product of the shares along the chain, even where a holding
//!   gives majority control of the organisation in between; the whole of a controlled
//!   organisation's holding is not attributed to its controller (`...-reading-control`);
//! - point 3 also prohibits foreign persons from carrying on activity in the mass media area
//!   themselves, whatever the shares; owning a mass medium is such activity. Whether the
//!   organisation is itself foreign is then a required fact, never presumed
//!   (`...-reading-activity`);
//! - point 6 judges an acquisition by the voting shares acquired in it, not by the holding it
//!   results in (`...-reading-acquisition`).

mod chains;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use crate::{Decision, Percent, RuleError, TypedRule, cite};
use chains::{computed_percent, cycles_from, paths_to, round6};

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
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OwnershipFacts {
    /// The organisation screened.
    pub organisation: String,
    /// What the organisation does among the activities Art. 23.6 limits; `[]` for none. Required:
    /// an organisation whose activities are not given is never cleared on a guess.
    pub activities: Vec<Activity>,
    /// The shareholder graph around it (holdings between any organisations and persons).
    pub holdings: Vec<Holding>,
    /// Which owners are foreign natural or legal persons or stateless persons.
    #[serde(default)]
    pub foreign: Vec<String>,
    /// Whether the organisation screened is itself foreign (a foreign legal person, or a
    /// foreign natural person or stateless person); then it counts as wholly foreign. Required
    /// for an owner of a mass medium (point 3 prohibits foreign persons from carrying on
    /// activity in that area); listing the organisation in `foreign` says `true` as well.
    #[serde(default)]
    pub organisation_foreign: Option<bool>,
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

impl OwnershipError {
    /// The error as a whole sentence of the catalogue, for the reader of a refused screening.
    pub fn message(&self) -> Message {
        match self {
            OwnershipError::OverOwned(owned, total) => Message::new("fact-ownership-over-owned")
                .arg("owned", owned.as_str())
                .arg("total", *total),
            OwnershipError::BadShare(owned, share) => Message::new("fact-ownership-share-invalid")
                .arg("owned", owned.as_str())
                .arg("share", *share),
            OwnershipError::NoConvergence(rounds) => {
                Message::new("fact-ownership-no-convergence").arg("rounds", *rounds)
            }
        }
    }
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
        /// Point 3's other limb: a foreign person carries on activity in the mass media area.
        MediaActivityByForeigner = "media_activity_by_foreigner",
        TrunkLinesByForeigners = "trunk_lines_by_foreigners",
        ControlCentreAbroad = "control_centre_abroad",
        AcquisitionWithoutConsent = "acquisition_without_consent",
        OperatorForeignShare = "operator_foreign_share",
    }
}

impl Limit {
    pub fn clause(self) -> &'static str {
        match self {
            Limit::MediaForeignShare | Limit::MediaActivityByForeigner => {
                "kz-2012-527-IV/art_23__para_6__point_3"
            }
            Limit::TrunkLinesByForeigners => "kz-2012-527-IV/art_23__para_6__point_4",
            Limit::ControlCentreAbroad => "kz-2012-527-IV/art_23__para_6__point_5",
            Limit::AcquisitionWithoutConsent => "kz-2012-527-IV/art_23__para_6__point_6",
            Limit::OperatorForeignShare => "kz-2012-527-IV/art_23__para_6__point_7",
        }
    }
}

/// The limits of Art. 23.6 that an organisation's effective foreign share and its flags break,
/// in the order of the decisions; acquisitions are judged apart. The one place the thresholds
/// live: the rule and the whole-graph screening both ask it. `organisation_foreign`: the
/// organisation is itself a foreign person (its foreign share is then 100 %).
pub fn share_and_flag_limits(
    activities: &[Activity],
    foreign_share: Percent,
    organisation_foreign: bool,
    trunk_lines_run_by_foreigners: bool,
    control_centre_abroad: bool,
) -> Vec<Limit> {
    let foreign_share = foreign_share.value();
    let media = activities.contains(&Activity::MediaOwner);
    let mut out = Vec::new();
    if media && foreign_share > 20.0 + EPSILON {
        out.push(Limit::MediaForeignShare);
    }
    // Owning a mass medium is carrying on activity in that area (point 3's second limb).
    if media && organisation_foreign {
        out.push(Limit::MediaActivityByForeigner);
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
        let invalid = |fact: &'static str, message: Message| RuleError::InvalidFact {
            rule: Self::ID,
            fact,
            message,
        };
        let subject = facts.organisation.trim();
        if subject.is_empty() {
            return Err(invalid(
                "organisation",
                Message::new("fact-ownership-organisation-empty"),
            ));
        }
        // Index every name.
        let mut names: Vec<&str> = vec![subject];
        let mut index: HashMap<&str, u32> = HashMap::from([(subject, 0)]);
        for h in &facts.holdings {
            // A percent is never over 100; a holding of nothing is no holding.
            if h.share.value() <= 0.0 {
                return Err(invalid(
                    "holdings",
                    OwnershipError::BadShare(h.owned.clone(), h.share.value()).message(),
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
        let media = facts.activities.contains(&Activity::MediaOwner);
        let operator = facts.activities.contains(&Activity::LongDistanceOperator);
        // Whether the organisation is itself foreign: stated, or said by listing it in
        // `foreign`. Never presumed: where point 3's activity limb needs it, it must be given.
        let subject_foreign = match (facts.organisation_foreign, foreign_set.contains(subject)) {
            (Some(false), true) => {
                return Err(invalid(
                    "organisation_foreign",
                    Message::new("fact-ownership-foreign-contradicted")
                        .arg("organisation", subject),
                ));
            }
            (Some(stated), _) => Some(stated),
            (None, true) => Some(true),
            (None, false) => None,
        };
        let subject_foreign = match subject_foreign {
            Some(stated) => stated,
            None if media => {
                return Err(invalid(
                    "organisation_foreign",
                    Message::new("fact-ownership-foreign-required"),
                ));
            }
            // Elsewhere the `foreign` list is taken as complete, for the organisation as for
            // its owners.
            None => false,
        };
        let mut graph = OwnershipGraph {
            owners: vec![Vec::new(); names.len()],
            foreign: names
                .iter()
                .enumerate()
                .map(|(i, n)| (i == 0 && subject_foreign) || foreign_set.contains(n))
                .collect(),
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
                OwnershipError::OverOwned((*name).to_owned(), *total).message(),
            ));
        }
        let shares = graph
            .foreign_shares()
            .map_err(|e| invalid("holdings", e.message()))?;
        let foreign_share = if graph.foreign[0] {
            100.0
        } else {
            round6(shares[0] * 100.0)
        };
        let foreign_percent = computed_percent(foreign_share).map_err(|_| {
            invalid(
                "holdings",
                Message::new("fact-ownership-share-not-computed")
                    .arg("share", format!("{foreign_share}")),
            )
        })?;
        let paths = paths_to(subject, &owners_by_name, &foreign_set);
        let cycles = cycles_from(subject, &owners_by_name);
        // A domestic direct owner with a foreign share of its own passes on an indirect holding.
        let indirect = !graph.foreign[0]
            && graph.owners[0]
                .iter()
                .any(|&(owner, _)| !graph.foreign[owner as usize] && shares[owner as usize] > 0.0);

        let mut breaches: Vec<(Limit, Message)> = Vec::new();
        let share_text = format!("{foreign_share}");
        let limits = share_and_flag_limits(
            &facts.activities,
            foreign_percent,
            graph.foreign[0],
            facts.trunk_lines_run_by_foreigners,
            facts.control_centre_abroad,
        );
        let message = |limit: Limit| match limit {
            Limit::MediaForeignShare => {
                Message::new("rule-security-ownership-media").arg("share", share_text.as_str())
            }
            Limit::MediaActivityByForeigner => {
                Message::new("rule-security-ownership-media-activity").arg("organisation", subject)
            }
            Limit::OperatorForeignShare => {
                Message::new("rule-security-ownership-operator").arg("share", share_text.as_str())
            }
            Limit::TrunkLinesByForeigners => Message::new("rule-security-ownership-trunk"),
            Limit::ControlCentreAbroad => Message::new("rule-security-ownership-control-centre"),
            Limit::AcquisitionWithoutConsent => Message::new("rule-security-ownership-acquisition"),
        };
        // The limits of points 3 and 7 come first, then acquisitions (point 6), then the flags.
        let (share_limits, flag_limits): (Vec<Limit>, Vec<Limit>) =
            limits.into_iter().partition(|l| {
                matches!(
                    l,
                    Limit::MediaForeignShare
                        | Limit::MediaActivityByForeigner
                        | Limit::OperatorForeignShare
                )
            });
        for limit in share_limits {
            breaches.push((limit, message(limit)));
        }
        if operator {
            // Each acquisition by its own tranche; shares the acquirer held before are not added.
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
        if graph.foreign[0] {
            explanation.push(
                Message::new("rule-security-ownership-foreign-itself").arg("organisation", subject),
            );
        }
        if !cycles.is_empty() {
            explanation
                .push(Message::new("rule-security-ownership-cycles").arg("count", cycles.len()));
        }
        // The readings, each where it bears on this decision.
        if indirect {
            explanation.push(Message::new("rule-security-ownership-reading-control"));
        }
        if media && !graph.foreign[0] {
            explanation.push(Message::new("rule-security-ownership-reading-aggregate"));
        }
        if media {
            explanation.push(Message::new("rule-security-ownership-reading-activity"));
        }
        if operator && !facts.acquisitions.is_empty() {
            explanation.push(Message::new("rule-security-ownership-reading-acquisition"));
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
