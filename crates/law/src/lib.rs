//! The law as Qorgau cites it.
//!
//! This crate owns [`ClauseId`], the stable, readable identifier of a clause of an act in the
//! Akoma Ntoso eId style (`kz-2020-mod-738/para_5`, `kz-2005-29/art_22__para_2__point_26-34`),
//! and the catalogue of the acts shipped under `corpus/`. It never touches a database or the
//! network; the shipped texts are compiled in and parsed on first use.

mod acts;
pub mod akn;
mod clause_id;
pub mod corpus;
pub mod language;
pub mod life;
pub mod model;
pub mod parse;
pub mod reference;
pub mod search;

pub use acts::{ACTS, Act as ActInfo, act_by_id, act_name};
pub use clause_id::{ClauseId, ClauseIdError};
pub use corpus::{
    Corpus, ImportError, ImportMeta, ImportReport, Library, parse_plain, shipped, shipped_index,
    shipped_version,
};
pub use language::TextLanguage;
pub use model::{Act, Node, NodeKind, Repeal, Status};
pub use search::{Hit, SearchError, SearchIndex, SearchQuery, english_stems};
