//! One public body of Art. 15 as the officers who deal with it see it: its text, how it stands
//! to the President, the areas it leads, its commissions, and the measures and Security Council
//! decisions assigned to it with their control on a date.

use chrono::NaiveDate;

use super::council::DecisionView;
use super::monitoring::{BodyNode, CommissionView, MeasureView};
use crate::{Acting, App, AppError};

/// A body of Art. 15.1 with everything assigned to it.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyDetail {
    pub body: BodyNode,
    /// The body's competence as Art. 15.1 states it.
    pub text: String,
    pub heads: Vec<CommissionView>,
    pub member_of: Vec<CommissionView>,
    pub measures: Vec<MeasureView>,
    pub decisions: Vec<DecisionView>,
}

impl App {
    /// Body `number` of Art. 15.1 with everything assigned to it, on `as_of`. A body is a body
    /// of the state, not a unit of the organisation tree, so what is assigned to it is national
    /// and read on the root (the workflows called here check it).
    pub async fn body_detail(
        &self,
        acting: Acting<'_>,
        number: i64,
        as_of: Option<NaiveDate>,
    ) -> Result<BodyDetail, AppError> {
        let graph = self.body_graph(acting).await?;
        let not_found = || AppError::NotFound {
            entity: "body",
            id: number.to_string(),
        };
        let body = graph
            .bodies
            .into_iter()
            .find(|b| b.number == number)
            .ok_or_else(not_found)?;
        let text = super::monitoring::body(number)
            .map(|e| e.text.clone())
            .ok_or_else(not_found)?;
        let (heads, member_of) = graph
            .commissions
            .into_iter()
            .filter(|c| c.head == Some(number) || c.members.contains(&number))
            .partition(|c| c.head == Some(number));
        let measures = self
            .measures(acting, as_of)
            .await?
            .into_iter()
            .filter(|m| m.bodies.contains(&number))
            .collect();
        let decisions = self
            .execution_control(acting, as_of, None)
            .await?
            .decisions
            .into_iter()
            .filter(|d| d.decision.body == number)
            .collect();
        Ok(BodyDetail {
            body,
            text,
            heads,
            member_of,
            measures,
            decisions,
        })
    }
}
