//! Rules of defence (corpus document 000, Article 22 of the Law "On Defense and the Armed
//! Forces": the functions of the Ministry of Defense).

mod function_holder;

pub use function_holder::{FunctionHolder, FunctionHolderFacts, FunctionHolderOutcome};

/// Article 22 is read from 7 January 2005.
pub const IN_FORCE_FROM: (i32, u32, u32) = (2005, 1, 7);
