//! The chains and cycles of holdings a decision of `security.ownership_screening` shows, and
//! the rounding of the shares it computes.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::OwnershipPath;
use crate::Percent;

pub(super) fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// A computed share in percent (a sum of products of shares, so within 0..=100 but for
/// rounding), rounded to six places.
pub(super) fn computed_percent(value: f64) -> Result<Percent, crate::PercentError> {
    Percent::new(round6(value).clamp(0.0, 100.0), true)
}

/// The simple chains from foreign owners to `subject`, largest first (at most 20).
pub(super) fn paths_to(
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
pub(super) fn cycles_from(
    subject: &str,
    owners: &HashMap<&str, Vec<(&str, f64)>>,
) -> Vec<Vec<String>> {
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
