//! The command structure.

use qorgau_app::org::UnitKind;
use qorgau_app::safety::structure::StructureNode;
use qorgau_rules::safety::Echelon;
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::words::{optional_word, word};

/// A unit of the command structure with its echelon and latest strength.
#[derive(Serialize, ToSchema)]
pub struct SafetyUnit {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    #[schema(schema_with = word::<UnitKind>)]
    pub kind: UnitKind,
    /// Depth below the first unit listed.
    pub depth: usize,
    /// The echelon of para 20 it analyses at, if it is a body of military command.
    #[schema(schema_with = optional_word::<Echelon>)]
    pub echelon: Option<Echelon>,
    /// The latest reported strength of the unit itself, and its month ('YYYY-MM').
    pub personnel: Option<i64>,
    pub personnel_month: Option<String>,
    /// The units below it.
    pub descendants: usize,
}

impl From<StructureNode> for SafetyUnit {
    fn from(n: StructureNode) -> Self {
        Self {
            id: n.id,
            parent_id: n.parent_id,
            name: n.name,
            kind: n.kind,
            depth: n.depth,
            echelon: n.echelon,
            personnel: n.personnel,
            personnel_month: n.personnel_month,
            descendants: n.descendants,
        }
    }
}
