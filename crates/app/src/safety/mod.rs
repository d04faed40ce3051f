//! Security of military service (corpus document 001, Order No. 738): the command structure
//! and its strength, the annual Plan, training events, Acts of control, incidents, and the
//! analysis of the state of work per period.

pub mod acts;
pub mod analysis;
pub mod documents;
pub mod incidents;
pub mod plans;
pub mod records;
pub mod rollup;
pub mod structure;
pub mod training;

use std::collections::HashMap;
use std::sync::Arc;

use qorgau_i18n::{Message, Vocabulary};
use qorgau_rules::safety::Echelon;
use qorgau_store::org::OrgUnit;

use crate::org::UnitKind;
use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// A word of vocabulary `T` as a form, a file or a request gives it, refused on `field` with
/// the words allowed (the same refusal for every closed list of the room).
pub(crate) fn word<T: Vocabulary>(field: &'static str, value: &str) -> Result<T, AppError> {
    value.trim().parse().map_err(|_| {
        let allowed: Vec<&str> = T::ALL.iter().map(|w| w.word()).collect();
        AppError::invalid(
            field,
            Message::new("invalid-choice").arg("allowed", allowed.join(", ")),
        )
    })
}

/// The echelon of para 20 a unit of the tree analyses at. The General Staff is the Armed
/// Forces' echelon; regional commands and branches analyse quarterly; operational-tactical
/// bodies, which have military units below them, half-yearly; tactical and local bodies and
/// military units monthly. Departments and services make no analysis of their own.
pub fn echelon_of(kind: UnitKind) -> Option<Echelon> {
    match kind {
        UnitKind::OperationalStrategic => Some(Echelon::ArmedForces),
        UnitKind::OperationalTerritorial => Some(Echelon::BranchOrRegionalCommand),
        UnitKind::OperationalTactical => Some(Echelon::CommandBodyWithSubordinateUnits),
        UnitKind::Tactical | UnitKind::Local | UnitKind::MilitaryUnit => {
            Some(Echelon::MilitaryUnit)
        }
        _ => None,
    }
}

/// Whether a unit of this kind is a body of military command (para 2.3) or one of its units.
pub fn is_command_body(kind: UnitKind) -> bool {
    echelon_of(kind).is_some()
}

/// Whether a unit of this kind counts toward the quarterly coverage (para 13).
pub fn is_department_or_service(kind: UnitKind) -> bool {
    matches!(kind, UnitKind::Department | UnitKind::Service)
}

/// The organisation tree in memory, for roll-ups over subtrees.
pub struct Tree {
    pub units: HashMap<i64, OrgUnit>,
    pub children: HashMap<i64, Vec<i64>>,
}

impl Tree {
    pub fn new(units: Vec<OrgUnit>) -> Self {
        let mut children: HashMap<i64, Vec<i64>> = HashMap::new();
        for unit in &units {
            if let Some(parent) = unit.parent_id {
                children.entry(parent).or_default().push(unit.id);
            }
        }
        for list in children.values_mut() {
            list.sort_unstable();
        }
        Self {
            units: units.into_iter().map(|u| (u.id, u)).collect(),
            children,
        }
    }

    pub fn get(&self, id: i64) -> Result<&OrgUnit, AppError> {
        self.units.get(&id).ok_or(AppError::NotFound {
            entity: "unit",
            id: id.to_string(),
        })
    }

    pub fn kind(&self, id: i64) -> UnitKind {
        self.units.get(&id).map_or(UnitKind::Other, |u| u.kind)
    }

    pub fn children_of(&self, id: i64) -> &[i64] {
        self.children.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Every unit in the subtree of `id`, itself included.
    pub fn subtree(&self, id: i64) -> Vec<i64> {
        let mut out = vec![id];
        let mut next = 0;
        while next < out.len() {
            out.extend_from_slice(self.children_of(out[next]));
            next += 1;
        }
        out
    }

    /// For every unit below `body`, the direct child of `body` it belongs to; the body maps to
    /// itself.
    pub fn branch_of(&self, body: i64) -> HashMap<i64, i64> {
        let mut map = HashMap::from([(body, body)]);
        for &child in self.children_of(body) {
            for unit in self.subtree(child) {
                map.insert(unit, child);
            }
        }
        map
    }
}

/// A tree with the fingerprint (unit count, highest id) it was read at.
type Fingerprinted = ((i64, i64), Arc<Tree>);

/// The last tree read.
#[derive(Default)]
pub(crate) struct TreeCache(std::sync::Mutex<Option<Fingerprinted>>);

impl App {
    /// The organisation tree, read again only when a unit was added since the last read.
    pub(crate) async fn tree(&self) -> Result<Arc<Tree>, AppError> {
        let mut conn = self.store().pool().acquire().await?;
        let fingerprint = qorgau_store::org::fingerprint(&mut conn).await?;
        let cache = &self.safety_trees().0;
        if let Some((seen, tree)) = cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .as_ref()
            && *seen == fingerprint
        {
            return Ok(tree.clone());
        }
        let tree = Arc::new(Tree::new(qorgau_store::org::list(&mut conn).await?));
        *cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some((fingerprint, tree.clone()));
        Ok(tree)
    }

    /// The unit with `id`, once `acting` may do `permission` on it.
    pub(crate) async fn unit_in_scope(
        &self,
        acting: Acting<'_>,
        permission: Permission,
        id: i64,
    ) -> Result<OrgUnit, AppError> {
        let mut conn = self.store().pool().acquire().await?;
        let unit = qorgau_store::org::get(&mut conn, id).await?;
        authorize(acting, permission, Scope::Unit(&unit.path))?;
        Ok(unit)
    }
}
