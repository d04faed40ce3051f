//! Which subordinate units are in an unfavourable state of security of military service.
//!
//! > 16. The analysis ... includes: ... 3) determination of military command and control
//! > bodies, units and services with an unfavorable state of security of military service ...
//! > (001, para 16, item 3)
//!
//! The text names the determination but not the criterion. Qorgau's criterion, stated in every
//! analysis, compares a subordinate unit with the body as a whole: it is unfavourable when its
//! deaths in performance of duty per 1,000 are above the body's, or when its deaths and
//! injuries in performance of duty per 1,000 are above the body's and have not fallen since the
//! same period last year.

use qorgau_i18n::Message;
use serde::Serialize;

pub const UNFAVOURABLE_CLAUSE: &str = "kz-2020-mod-738/para_16__point_3";

/// A unit's (or the body's) figures for the criterion; `None` without strength.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct UnitRates {
    /// Deaths in performance of duty per 1,000.
    pub deaths_rate: Option<f64>,
    /// Deaths and injuries in performance of duty per 1,000, this period; `None` without
    /// strength.
    pub rate: Option<f64>,
    /// The same, in the same period last year.
    pub previous_rate: Option<f64>,
}

/// The reasons `unit` is unfavourable against the whole `body`; empty when it is not.
pub fn unfavourable(unit: &UnitRates, body: &UnitRates) -> Vec<Message> {
    let mut reasons = Vec::new();
    if let (Some(rate), Some(body_rate)) = (unit.deaths_rate, body.deaths_rate)
        && rate > body_rate
    {
        reasons.push(
            Message::new("unfavourable-death")
                .arg("rate", super::round_rate(rate))
                .arg("body_rate", super::round_rate(body_rate)),
        );
    }
    if let (Some(rate), Some(body)) = (unit.rate, body.rate)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rates(deaths_rate: f64, rate: f64, previous_rate: Option<f64>) -> UnitRates {
        UnitRates {
            deaths_rate: Some(deaths_rate),
            rate: Some(rate),
            previous_rate,
        }
    }

    #[test]
    fn a_unit_at_the_body_average_is_not_unfavourable() {
        let body = rates(0.1, 3.0, Some(3.0));
        assert!(unfavourable(&rates(0.1, 3.0, Some(2.0)), &body).is_empty());
    }

    #[test]
    fn more_deaths_per_thousand_than_the_body_is_unfavourable() {
        let body = rates(0.1, 3.0, Some(3.0));
        let reasons = unfavourable(&rates(0.5, 1.0, Some(2.0)), &body);
        assert_eq!(reasons.len(), 1);
        assert!(
            reasons[0]
                .render(&qorgau_i18n::Lang::english())
                .contains("deaths")
        );
    }

    #[test]
    fn a_high_rate_counts_only_when_it_has_not_fallen() {
        let body = rates(0.1, 3.0, Some(3.0));
        assert!(unfavourable(&rates(0.0, 4.0, Some(5.0)), &body).is_empty());
        assert_eq!(unfavourable(&rates(0.0, 4.0, Some(4.0)), &body).len(), 1);
        assert_eq!(unfavourable(&rates(0.0, 4.0, None), &body).len(), 1);
    }

    #[test]
    fn without_strength_nothing_is_concluded() {
        let none = UnitRates {
            deaths_rate: None,
            rate: None,
            previous_rate: None,
        };
        assert!(unfavourable(&none, &rates(0.1, 3.0, None)).is_empty());
    }
}
