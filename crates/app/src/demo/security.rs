//! The national-security demo: interagency commissions, a year of threat assessments, measures,
//! a strategy with indicators and two Security Council meetings with decisions under control.
//! Dates count back from today so the demo always has something open, overdue and done.

use chrono::{Days, NaiveDate};
use qorgau_rules::security::vocabulary::{
    AgendaKind, Area, DecisionKind, MeasureStatus, Review, Trend,
};

use crate::security::council::{
    NewAgendaItem, NewDecision, NewExecutionReport, NewMeeting, ReportReview,
};
use crate::security::monitoring::{
    NewAssessment, NewCommission, NewDocument, NewIndicator, NewIndicatorValue, NewMeasure,
    NewMeasureReport,
};
use crate::{Acting, App, AppError};

/// What the demo recorded.
#[derive(Debug, Clone, Copy, Default)]
pub struct SecurityDemo {
    pub assessments: usize,
    pub measures: usize,
    pub indicators: usize,
    pub decisions: usize,
}

/// (days back, likelihood, impact, trend)
type DemoPoint = (u64, i64, i64, Trend);
/// (threat, area, interests endangered, assessments)
type DemoThreat = (
    &'static str,
    Area,
    &'static [&'static str],
    &'static [DemoPoint],
);

fn back(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn ahead(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_add_days(Days::new(days)).unwrap_or(today)
}

impl App {
    pub async fn load_security_demo(&self) -> Result<SecurityDemo, AppError> {
        let op = Acting::Operator;
        let today = self.clock().today();
        let mut demo = SecurityDemo::default();
        for (area, name, members) in [
            (
                Area::Information,
                "Interagency commission on information security",
                vec![1, 2, 6, 8],
            ),
            (
                Area::Military,
                "Interagency commission on military security",
                vec![1, 5, 7, 17],
            ),
        ] {
            self.create_commission(
                op,
                NewCommission {
                    area,
                    name: name.into(),
                    members,
                },
            )
            .await?;
        }
        // (threat, area, interests, [(days back, likelihood, impact, trend)])
        let history: [DemoThreat; 6] = [
            (
                "1",
                Area::Public,
                &["1", "2"],
                &[
                    (330, 2, 4, Trend::Stable),
                    (150, 3, 4, Trend::Rising),
                    (20, 3, 4, Trend::Stable),
                ],
            ),
            (
                "8",
                Area::CounterTerrorism,
                &["3", "8"],
                &[
                    (300, 3, 5, Trend::Rising),
                    (120, 3, 5, Trend::Stable),
                    (15, 2, 5, Trend::Falling),
                ],
            ),
            (
                "12",
                Area::Financial,
                &["10"],
                &[(280, 2, 3, Trend::Stable), (40, 3, 3, Trend::Rising)],
            ),
            (
                "16",
                Area::Information,
                &["14"],
                &[
                    (250, 3, 3, Trend::Rising),
                    (90, 4, 4, Trend::Rising),
                    (10, 4, 5, Trend::Rising),
                ],
            ),
            (
                "18",
                Area::Ecological,
                &["15", "18"],
                &[(200, 2, 3, Trend::Stable)],
            ),
            (
                "14",
                Area::Military,
                &["8", "12"],
                &[(310, 1, 5, Trend::Stable), (60, 2, 5, Trend::Stable)],
            ),
        ];
        for (threat, area, interests, points) in history {
            for (days, likelihood, impact, trend) in points {
                self.assess_threat(
                    op,
                    NewAssessment {
                        threat: threat.into(),
                        area,
                        assessed_on: back(today, *days),
                        likelihood: *likelihood,
                        impact: *impact,
                        trend: *trend,
                        narrative: "Assessment of the interagency working group on the \
                                    situation in the period."
                            .into(),
                        evidence: "Situation report of the lead body\nOpen-source monitoring \
                                   digest"
                            .into(),
                        interests: interests.iter().map(|i| (*i).to_owned()).collect(),
                    },
                )
                .await?;
                demo.assessments += 1;
            }
        }
        let measures = [
            (
                "Annual forecast of threats to information security",
                2,
                back(today, 30),
                vec!["16".to_owned()],
                vec![9, 8],
                None,
            ),
            (
                "Exercise of the counter-terrorism headquarters",
                3,
                ahead(today, 60),
                vec!["8".to_owned()],
                vec![1, 5],
                Some(MeasureStatus::InProgress),
            ),
            (
                "Review of the state material reserve",
                4,
                back(today, 90),
                vec![],
                vec![17],
                Some(MeasureStatus::Done),
            ),
        ];
        for (title, kind, deadline, threats, bodies, status) in measures {
            let id = self
                .create_measure(
                    op,
                    NewMeasure {
                        title: title.into(),
                        kind,
                        description: String::new(),
                        deadline,
                        threats,
                        bodies,
                    },
                )
                .await?;
            if let Some(status) = status {
                self.report_measure(
                    op,
                    id,
                    NewMeasureReport {
                        reported_on: back(today, 100),
                        text: "Report of the responsible body.".into(),
                        status,
                    },
                )
                .await?;
            }
            demo.measures += 1;
        }
        let strategy = self
            .create_document(
                op,
                NewDocument {
                    title: "National Security Strategy".into(),
                    adopted_on: back(today, 700),
                    reference: "Decree of the President".into(),
                },
            )
            .await?;
        for (name, unit, baseline, target, values) in [
            (
                "Share of state bodies with certified information-security systems",
                "%",
                40.0,
                90.0,
                [55.0, 68.0],
            ),
            (
                "Reported cyber incidents on critical infrastructure",
                "per year",
                120.0,
                60.0,
                [110.0, 104.0],
            ),
            (
                "Readiness of civil-defence warning systems",
                "%",
                70.0,
                95.0,
                [74.0, 78.0],
            ),
        ] {
            let id = self
                .create_indicator(
                    op,
                    NewIndicator {
                        document_id: strategy,
                        name: name.into(),
                        unit: unit.into(),
                        baseline,
                        baseline_on: back(today, 700),
                        target,
                        deadline: ahead(today, 1100),
                    },
                )
                .await?;
            for (days, value) in [(365, values[0]), (30, values[1])] {
                self.record_indicator_value(
                    op,
                    id,
                    NewIndicatorValue {
                        measured_on: back(today, days),
                        value,
                        note: String::new(),
                    },
                )
                .await?;
            }
            demo.indicators += 1;
        }
        let meeting = self
            .create_meeting(
                op,
                NewMeeting {
                    held_on: back(today, 120),
                    title: "Meeting on the Government's annual report".into(),
                },
            )
            .await?;
        let item = self
            .add_agenda_item(
                op,
                meeting,
                NewAgendaItem {
                    kind: AgendaKind::GovernmentAnnualReport,
                    title: "The Government's annual report on national security, defence \
                            capability, law and order"
                        .into(),
                    body: None,
                },
            )
            .await?;
        self.add_agenda_item(
            op,
            meeting,
            NewAgendaItem {
                kind: AgendaKind::HeadHearing,
                title: "Hearing of the Minister of Defence".into(),
                body: Some(6),
            },
        )
        .await?;
        for (text, body, deadline, report) in [
            (
                "Submit a plan to strengthen the protection of critical information \
                 infrastructure",
                9,
                back(today, 10),
                None,
            ),
            (
                "Report on the readiness of the mobilisation reserve",
                6,
                back(today, 30),
                Some(Review::Accepted),
            ),
            (
                "Prepare proposals on countering illegal migration",
                5,
                ahead(today, 45),
                Some(Review::Pending),
            ),
        ] {
            let decision = self
                .create_decision(
                    op,
                    meeting,
                    NewDecision {
                        kind: DecisionKind::Decision,
                        text: text.into(),
                        body,
                        deadline,
                        agenda_item_id: Some(item),
                    },
                )
                .await?;
            if let Some(review) = report {
                let report = self
                    .report_execution(
                        op,
                        decision,
                        NewExecutionReport {
                            reported_on: back(today, 35),
                            text: "Executed; the documents are attached.".into(),
                        },
                    )
                    .await?;
                if review == Review::Accepted {
                    self.review_execution(
                        op,
                        report,
                        ReportReview {
                            review,
                            note: String::new(),
                        },
                    )
                    .await?;
                }
            }
            demo.decisions += 1;
        }
        Ok(demo)
    }
}
