//! The organisation graph: the bodies of Art. 15.1 with how they stand to the President and
//! the areas they lead, and the interagency commissions of Art. 18.4.

use std::collections::HashMap;

use qorgau_law::reference;
use qorgau_rules::security as rules;
use qorgau_rules::security::vocabulary::{Area, ToPresident};
use qorgau_store::security::monitoring as store;
use serde::Deserialize;

use super::{check_body, public_bodies};
use crate::audit::AuditAction;
use crate::security::records;
use crate::validation::text;
use crate::{Acting, App, AppError, Permission};

/// The organisation graph: the President, the Security Council, the 30 bodies of Art. 15.1 and
/// the interagency commissions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyGraph {
    pub bodies: Vec<BodyNode>,
    pub commissions: Vec<CommissionView>,
    /// The clause that makes the Security Council a body formed by the President.
    pub council_clause: String,
}

/// A public body of Art. 15.1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyNode {
    pub number: i64,
    pub name: String,
    pub clause: String,
    /// How it stands to the President, as the body's text of Art. 15.1 says.
    pub to_president: ToPresident,
    /// The areas in which it leads coordination, with whether the text says interagency.
    pub leads: Vec<LeadArea>,
}

/// An area a body leads coordination in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeadArea {
    pub area: Area,
    pub interagency: bool,
}

/// An interagency commission with its derived head and its members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommissionView {
    pub id: i64,
    pub area: Area,
    pub name: String,
    /// The body that heads it (Art. 18.4): the one leading coordination in its area.
    pub head: Option<i64>,
    pub members: Vec<i64>,
}

/// How a body stands to the President, read from its text in Art. 15.1.
fn to_president(text: &str) -> ToPresident {
    let text = text.to_lowercase();
    let accountable = text.contains("accountable to the president");
    if accountable && text.contains("subordinat") {
        ToPresident::SubordinateAndAccountable
    } else if accountable {
        ToPresident::Accountable
    } else {
        ToPresident::Neither
    }
}

/// A new interagency commission (Art. 18.4).
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewCommission {
    #[schema(schema_with = crate::words::word::<Area>)]
    pub area: Area,
    pub name: String,
    /// Points of Art. 15.1.
    #[serde(default)]
    pub members: Vec<i64>,
}

impl App {
    /// The bodies of Art. 15.1 with their relations, and the interagency commissions.
    pub async fn body_graph(&self, acting: Acting<'_>) -> Result<BodyGraph, AppError> {
        self.authorize_national(acting, Permission::ReadSecurity)
            .await?;
        let mut leads: HashMap<i64, Vec<LeadArea>> = HashMap::new();
        for &area in Area::ALL {
            if let Some((point, interagency)) = rules::lead_point(area) {
                leads
                    .entry(i64::from(point))
                    .or_default()
                    .push(LeadArea { area, interagency });
            }
        }
        let bodies = public_bodies()
            .iter()
            .enumerate()
            .map(|(i, entry)| {
                let number = i as i64 + 1;
                BodyNode {
                    number,
                    to_president: to_president(&entry.text),
                    name: entry.name.clone(),
                    clause: entry.clause.to_string(),
                    leads: leads.remove(&number).unwrap_or_default(),
                }
            })
            .collect();
        let mut conn = self.store().pool().acquire().await?;
        let members = store::commission_members(&mut conn).await?;
        let commissions = store::commissions(&mut conn)
            .await?
            .into_iter()
            .map(|c| CommissionView {
                // Art. 18.4 makes the head the body that carries out *interagency* coordination
                // in the area; where Art. 15 says only "inter-sectoral" it names no head.
                head: rules::lead_point(c.area)
                    .filter(|(_, interagency)| *interagency)
                    .map(|(point, _)| i64::from(point)),
                members: members
                    .iter()
                    .filter(|(id, _)| *id == c.id)
                    .map(|(_, body)| *body)
                    .collect(),
                id: c.id,
                area: c.area,
                name: c.name,
            })
            .collect();
        Ok(BodyGraph {
            bodies,
            commissions,
            council_clause: format!("{}/para_1", reference::COUNCIL),
        })
    }

    /// Creates an interagency commission for an area (Art. 18.4); its head is derived.
    pub async fn create_commission(
        &self,
        acting: Acting<'_>,
        new: NewCommission,
    ) -> Result<i64, AppError> {
        let national = self
            .authorize_national(acting, Permission::WriteSecurity)
            .await?;
        let name = text("name", &new.name, 300)?;
        let mut members = Vec::new();
        for body in new.members {
            let body = check_body("members", body)?;
            if !members.contains(&body) {
                members.push(body);
            }
        }
        let mut w = self
            .write(acting, Permission::WriteSecurity, national.scope())
            .await?;
        let commission = store::Commission {
            id: 0,
            area: new.area,
            name,
            created_by: w.actor_name(),
            created_at: w.at(),
        };
        let id = store::insert_commission(w.conn(), &commission, &members).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityCommissionCreate,
            "security_commission",
            id,
            serde_json::json!({
                "commission": records::commission(&commission),
                "members": members,
            }),
        ))
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// Adds a body to a commission.
    pub async fn add_commission_member(
        &self,
        acting: Acting<'_>,
        commission: i64,
        body: i64,
    ) -> Result<(), AppError> {
        let national = self
            .authorize_national(acting, Permission::WriteSecurity)
            .await?;
        let body = check_body("body", body)?;
        let mut w = self
            .write(acting, Permission::WriteSecurity, national.scope())
            .await?;
        if !store::commissions(w.conn())
            .await?
            .iter()
            .any(|c| c.id == commission)
        {
            return Err(AppError::NotFound {
                entity: "commission",
                id: commission.to_string(),
            });
        }
        store::add_member(w.conn(), commission, body).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityCommissionAddMember,
            "security_commission",
            commission,
            serde_json::json!({ "body": body }),
        ))
        .await?;
        w.commit().await?;
        Ok(())
    }
}
