//! The competence index: every power the five texts give, with its holder, its verb and its
//! object, each on its clause ("who does what").
//!
//! Built by reading each clause of the five texts (000 Art. 22 of the Law on Defense; 001
//! Order No. 738; 002 the Law on National Security; 003 the e-Gov page on compulsory military
//! service; 004 the Security Council page) and writing down who the clause says does what.
//! The readings:
//!
//! - One entry per verb when a clause gives several: "develops and approves X" is two entries
//!   (`Develops` and `Approves`), never one; "develops" is never `Approves`.
//! - Where the verb is light ("carries out the inspection", "organization of control",
//!   "responsible for"), the kind of power is the one its noun names (`Controls`, `Organises`,
//!   `Ensures`), and the object keeps the text's noun.
//! - Co-holders are the holders a clause names together ("together with", "local
//!   representative and executive bodies"), the first named first. A body the act is made "in
//!   coordination with" is not a co-holder: it has its own `Agrees` entry on the same clause.
//! - Items that later laws excluded (000 items 15) and 15-1)) are kept: the rule that reads an
//!   entry checks the clause's status on its date.
//! - Where a clause is passive and another clause of the same text names the actor, the entry
//!   names that actor (001 paras 16-19: the commanders of para 20; 001 paras 10-15: the military
//!   command and control bodies of para 2.3). A few entries state what a clause implies of a
//!   second holder (000 item 16-1: the President appoints on the Ministry's proposals; 004
//!   functions 5 and 6: the Government and the heads of state bodies report to the Security
//!   Council).
//! - Clauses that define, list aims or forbid without naming anyone who acts (002 Arts. 1-6,
//!   18.3, 20.1, 26, 28; 003 on status, kinds of service and registration) give no entry.

use super::vocabulary::{Holder, Verb};

mod defense;
mod security;

/// One power of one holder (or several co-holders named by the same clause).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Power {
    /// The clause that gives the power, as a full clause id.
    pub clause: &'static str,
    /// Who holds it; more than one when the clause names co-holders (the first is named first in the text).
    pub holders: &'static [Holder],
    pub verb: Verb,
    /// What the power is over, in the text's own words (shortened to the object phrase, lower case start).
    pub object: &'static str,
}

/// A power, as the tables write it.
const fn p(
    clause: &'static str,
    holders: &'static [Holder],
    verb: Verb,
    object: &'static str,
) -> Power {
    Power {
        clause,
        holders,
        verb,
        object,
    }
}

/// Every power of the five texts, each text's in its order.
pub fn powers() -> &'static [Power] {
    static ALL: std::sync::OnceLock<Vec<Power>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        defense::POWERS
            .iter()
            .chain(security::POWERS)
            .copied()
            .collect()
    })
}
