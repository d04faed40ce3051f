//! The closed vocabularies of national security: the words the registers store, the forms
//! offer and the API sends, each with its catalogue label. The rules' own words (areas,
//! activities, limits, indicator and control states, reviews) are declared beside their rules
//! and named here too, so every other crate finds them in one place.

pub use super::decision_control::{ControlStatus, Review};
pub use super::indicator::Status as IndicatorState;
pub use super::lead_body::Area;
pub use super::ownership::{Activity, Limit};

qorgau_i18n::vocabulary! {
    /// Which way a main threat is moving, as an assessment judges it.
    #[derive(Debug)]
    pub enum Trend: "security-trend-" {
        Rising = "rising",
        Stable = "stable",
        Falling = "falling",
    }
}

qorgau_i18n::vocabulary! {
    /// Where a measure of Art. 18.3 stands; each report on it sets it.
    #[derive(Debug)]
    pub enum MeasureStatus: "security-measure-status-" {
        Planned = "planned",
        InProgress = "in_progress",
        Done = "done",
        Cancelled = "cancelled",
    }
}

impl MeasureStatus {
    /// A done or cancelled measure is closed: its deadline no longer makes it overdue.
    pub fn is_closed(self) -> bool {
        matches!(self, MeasureStatus::Done | MeasureStatus::Cancelled)
    }
}

qorgau_i18n::vocabulary! {
    /// What the Security Council adopts (004, para 4: decisions and recommendations).
    #[derive(Debug)]
    pub enum DecisionKind: "council-decision-kind-" {
        Decision = "decision",
        Recommendation = "recommendation",
    }
}

qorgau_i18n::vocabulary! {
    /// The kinds of items on a meeting's agenda.
    #[derive(Debug)]
    pub enum AgendaKind: "council-agenda-kind-" {
        /// The hearing of the Government's annual report (004, function 5).
        GovernmentAnnualReport = "government_annual_report",
        /// The hearing of the head of a body of Art. 15.1 (004, function 6).
        HeadHearing = "head_hearing",
        /// The review of a draft law (004, function 4).
        DraftLawReview = "draft_law_review",
        /// The review of a state programme (004, function 4).
        ProgrammeReview = "programme_review",
        Other = "other",
    }
}

impl AgendaKind {
    /// The function of the Security Council (004, para 5) an item of this kind answers.
    pub fn clause(self) -> Option<&'static str> {
        match self {
            AgendaKind::GovernmentAnnualReport => Some("kz-security-council/para_5__point_5"),
            AgendaKind::HeadHearing => Some("kz-security-council/para_5__point_6"),
            AgendaKind::DraftLawReview | AgendaKind::ProgrammeReview => {
                Some("kz-security-council/para_5__point_4")
            }
            AgendaKind::Other => None,
        }
    }
}

qorgau_i18n::vocabulary! {
    /// How a public body of Art. 15.1 stands to the President, as its text there says.
    #[derive(Debug)]
    pub enum ToPresident: "security-to-president-" {
        SubordinateAndAccountable = "subordinate_and_accountable",
        Accountable = "accountable",
        /// The text says neither.
        Neither = "none",
    }
}

qorgau_i18n::vocabulary! {
    /// The reference lists read from the texts, in their order there.
    #[derive(Debug)]
    pub enum ListKind: "security-list-" {
        SecurityTypes = "security_types",
        NationalInterests = "national_interests",
        MainThreats = "main_threats",
        Principles = "principles",
        SystemFunctions = "system_functions",
        Forces = "forces",
        PublicBodies = "public_bodies",
        DefenseFunctions = "defense_functions",
        CouncilFunctions = "council_functions",
    }
}

impl ListKind {
    /// The lists later acts may supplement (002 Arts. 5.2 and 6.2).
    pub const SUPPLEMENTED: [ListKind; 2] = [ListKind::NationalInterests, ListKind::MainThreats];

    /// Whether a later act may add entries to this list.
    pub fn is_supplemented(self) -> bool {
        Self::SUPPLEMENTED.contains(&self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_are_spelled_as_stored() {
        assert_eq!(
            "in_progress".parse::<MeasureStatus>(),
            Ok(MeasureStatus::InProgress)
        );
        assert_eq!(ToPresident::Neither.as_str(), "none");
        assert_eq!(
            AgendaKind::GovernmentAnnualReport.message_id(),
            "council-agenda-kind-government-annual-report"
        );
        assert_eq!(
            serde_json::to_value(ControlStatus::AwaitingReview).ok(),
            Some(serde_json::json!("awaiting_review"))
        );
        assert!(ListKind::MainThreats.is_supplemented());
        assert!(!ListKind::Principles.is_supplemented());
        assert!("bakery".parse::<Activity>().is_err());
    }
}
