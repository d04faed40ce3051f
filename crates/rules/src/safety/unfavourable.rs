//! Which subordinate units are in an unfavourable state of security of military service.
//!
//! > 16. The analysis ... includes: ... 3) determination of military command and control
//! > bodies, units and services with an unfavorable state of security of military service ...
//! > (001, para 16, item 3)
//!
//! The text names the determination but not the criterion. Qorgau's criterion, stated in every
//! analysis: a unit is unfavourable when a serviceman died in performance of duty in the
//! period, or when its rate of deaths and injuries in performance of duty per 1,000 is above
//! the rate of the body as a whole and has not fallen since the same period last year.

use qorgau_i18n::Message;
use serde::Serialize;

pub const UNFAVOURABLE_CLAUSE: &str = "kz-2020-mod-738/para_16__point_3";

/// A unit's figures for the criterion.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct UnitRates {
    /// Deaths in performance of duty in the period.
    pub deaths: u64,
    /// Deaths and injuries in performance of duty per 1,000, this period; `None` without
    /// strength.
    pub rate: Option<f64>,
    /// The same, in the same period last year.
    pub previous_rate: Option<f64>,
}

/// The reasons `unit` is unfavourable against the body-wide `body_rate`; empty when it is not.
pub fn unfavourable(unit: &UnitRates, body_rate: Option<f64>) -> Vec<Message> {
    let mut reasons = Vec::new();
    if unit.deaths > 0 {
        reasons.push(Message::new("unfavourable-death").arg("deaths", unit.deaths));
    }
    if let (Some(rate), Some(body)) = (unit.rate, body_rate)
        && rate > body
        && unit.previous_rate.is_none_or(|previous| rate >= previous)
    {
        reasons.push(
            Message::new("unfavourable-rate")
                .arg("rate", super::round_rate(rate))
                .arg("body_rate", super::round_rate(body)),
        );
    }
    reasons
}
