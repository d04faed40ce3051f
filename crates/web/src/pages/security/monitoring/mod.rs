//! National-security pages: the organisation graph of the bodies, the threat register with its
//! heat map, a threat's trend, measures of Art. 18.3, and the strategic indicators.

mod graph;
mod measures;
mod strategy;
mod threats;

pub use graph::{bodies, body, create_commission};
pub use measures::{create_measure, measure, measures, report_measure};
pub use strategy::{create_document, create_indicator, record_value, strategy};
pub use threats::{assess, threat, threats};

use qorgau_app::security::monitoring as app;
use qorgau_rules::security::vocabulary::Area;

use crate::i18n::Tr;
use crate::pages::security::forms::{body_label, choices};

fn area_choices(tr: &Tr) -> Vec<(&'static str, String)> {
    choices::<Area>(tr)
}

struct MeasureLine {
    id: i64,
    title: String,
    kind: String,
    deadline: String,
    status: String,
    overdue: bool,
    days_overdue: i64,
    threats: String,
    bodies: Vec<String>,
}
fn kind_name(kind: i64) -> String {
    app::reference_measure_kind(kind)
        .map(|k| format!("{kind}) {}", k.name))
        .unwrap_or_else(|| kind.to_string())
}

fn measure_line(tr: &Tr, m: app::MeasureView) -> MeasureLine {
    MeasureLine {
        id: m.measure.id,
        kind: kind_name(m.measure.kind),
        status: tr.t(m.measure.status.message_id()),
        title: m.measure.title,
        deadline: m.measure.deadline.to_string(),
        overdue: m.overdue,
        days_overdue: m.days_overdue,
        threats: m.threats.join(", "),
        bodies: m.bodies.iter().map(|b| body_label(*b)).collect(),
    }
}
