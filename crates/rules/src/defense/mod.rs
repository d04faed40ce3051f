//! Rules of defence: the functions of the Ministry of Defense (corpus document 000, Article 22
//! of the Law "On Defense and the Armed Forces") and the competence index of all five texts.

mod competences;
mod function_holder;
mod vocabulary;

pub use competences::{Power, powers};
pub use function_holder::{
    FunctionHolder, FunctionHolderFacts, FunctionHolderOutcome, MinistryRole, PowerAnswer,
};
pub use vocabulary::{Holder, Verb};

/// Article 22 is read from 7 January 2005.
pub const IN_FORCE_FROM: (i32, u32, u32) = (2005, 1, 7);
