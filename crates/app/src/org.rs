//! The organisation tree that every grant and every record hangs on.

use qorgau_i18n::Message;
pub use qorgau_store::org::UnitKind;
use qorgau_store::org::{self as repo, OrgUnit};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::audit::{AuditAction, Change};
use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// A unit as the API shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitView {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    #[schema(schema_with = crate::words::word::<UnitKind>)]
    pub kind: UnitKind,
    /// Depth in the tree; the root is 0.
    pub depth: usize,
}

impl From<&OrgUnit> for UnitView {
    fn from(unit: &OrgUnit) -> Self {
        Self {
            id: unit.id,
            parent_id: unit.parent_id,
            name: unit.name.clone(),
            kind: unit.kind,
            depth: unit.path.matches('/').count().saturating_sub(2),
        }
    }
}

/// A new unit under an existing one.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUnitInput {
    pub parent_id: i64,
    pub name: String,
    #[schema(schema_with = crate::words::word::<UnitKind>)]
    pub kind: UnitKind,
}

impl App {
    /// The path of the root unit (the tree has exactly one root).
    pub async fn root_path(&self) -> Result<String, AppError> {
        let mut conn = self.store().pool().acquire().await?;
        let roots = repo::roots(&mut conn).await?;
        roots.first().map(|root| root.path.clone()).ok_or_else(|| {
            AppError::Internal("the organisation tree has no root; run `qorgau migrate`".into())
        })
    }

    /// Creates the root unit when the tree is empty; returns it either way.
    pub async fn ensure_root(&self, name: &str) -> Result<OrgUnit, AppError> {
        let mut w = self
            .write(Acting::Operator, Permission::ManageOrg, Scope::Anywhere)
            .await?;
        if let Some(root) = repo::roots(w.conn()).await?.into_iter().next() {
            // The tree already has its root: nothing is written.
            return Ok(root);
        }
        let at = w.at_text();
        let root = repo::insert(w.conn(), None, name, UnitKind::State, &at).await?;
        w.audit(Change {
            action: AuditAction::OrgUnitCreate,
            entity: "org_unit",
            entity_id: root.id.to_string(),
            before: None,
            after: Some(json!(UnitView::from(&root))),
        })
        .await?;
        w.commit().await?;
        Ok(root)
    }

    /// Creates a unit under `parent_id`; needs the right to manage the tree on the parent.
    pub async fn create_unit(
        &self,
        acting: Acting<'_>,
        input: NewUnitInput,
    ) -> Result<UnitView, AppError> {
        let name = crate::validation::line("name", &input.name, 300)?;
        let name = name.as_str();
        let mut w = self.write_then_authorize(acting).await?;
        let parent = repo::find(w.conn(), input.parent_id)
            .await?
            .ok_or_else(|| {
                AppError::invalid(
                    "parent_id",
                    Message::new("invalid-unit-missing").arg("id", input.parent_id.to_string()),
                )
            })?;
        w.authorize(Permission::ManageOrg, Scope::Unit(&parent.path))?;
        let at = w.at_text();
        let unit = repo::insert(w.conn(), Some(parent.id), name, input.kind, &at).await?;
        let view = UnitView::from(&unit);
        w.audit(Change {
            action: AuditAction::OrgUnitCreate,
            entity: "org_unit",
            entity_id: unit.id.to_string(),
            before: None,
            after: Some(json!(view)),
        })
        .await?;
        w.commit().await?;
        Ok(view)
    }

    /// The units the reader may see, in tree order.
    pub async fn list_units(&self, acting: Acting<'_>) -> Result<Vec<UnitView>, AppError> {
        authorize(acting, Permission::ReadOrg, Scope::Anywhere)?;
        let mut conn = self.store().pool().acquire().await?;
        let units = match acting {
            Acting::Principal(p) => {
                repo::list_within(&mut conn, &p.paths_with(Permission::ReadOrg)).await?
            }
            _ => repo::list(&mut conn).await?,
        };
        Ok(units.iter().map(UnitView::from).collect())
    }

    pub async fn get_unit(&self, acting: Acting<'_>, id: i64) -> Result<UnitView, AppError> {
        let mut conn = self.store().pool().acquire().await?;
        let unit = repo::get(&mut conn, id).await?;
        authorize(acting, Permission::ReadOrg, Scope::Unit(&unit.path))?;
        Ok(UnitView::from(&unit))
    }

    /// Finds a unit by exact name, for the operator's commands.
    pub async fn find_unit_by_name(&self, name: &str) -> Result<OrgUnit, AppError> {
        let mut conn = self.store().pool().acquire().await?;
        repo::list(&mut conn)
            .await?
            .into_iter()
            .find(|unit| unit.name == name)
            .ok_or_else(|| AppError::NotFound {
                entity: "organisation unit",
                id: name.to_owned(),
            })
    }
}
