//! `qorgau security bodies|commission|threats|threat|assess|measures|measure|...`: the
//! organisation graph, the threat register, measures and strategic indicators.

use std::process::ExitCode;

use chrono::NaiveDate;
use qorgau_app::security::monitoring::{
    NewAssessment, NewCommission, NewDocument, NewIndicator, NewIndicatorValue, NewMeasure,
    NewMeasureReport,
};
use qorgau_app::{Acting, App};
use qorgau_i18n::say_with;
use qorgau_rules::security::vocabulary::{Area, MeasureStatus, Trend};
use qorgau_web::security_views::monitoring::{
    SecurityBodyDetail, SecurityBodyGraph, SecurityDocument, SecurityMeasure,
    SecurityThreatHistory, SecurityThreatRegister,
};

#[derive(clap::Subcommand)]
pub enum MonitoringCommand {
    /// The 30 bodies of Art. 15.1 (how each stands to the President, the areas it leads) and
    /// the interagency commissions.
    Bodies {
        #[arg(long)]
        json: bool,
    },
    /// One body of Art. 15.1 with its commissions, measures and Council decisions.
    Body {
        /// The point of Art. 15.1 (1-30).
        number: i64,
        #[arg(long)]
        as_of: Option<NaiveDate>,
    },
    /// Create an interagency commission for an area (Art. 18.4); its head is derived.
    CommissionCreate {
        #[arg(long)]
        area: Area,
        #[arg(long)]
        name: String,
        /// A member body (a point of Art. 15.1); repeat for more.
        #[arg(long = "member")]
        members: Vec<i64>,
    },
    /// The threat register on a day: each main threat with its latest assessment, and the heat
    /// map.
    Threats {
        #[arg(long)]
        as_of: Option<NaiveDate>,
        #[arg(long)]
        area: Option<String>,
        #[arg(long)]
        interest: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// One threat's assessments over time.
    Threat {
        /// A point of Art. 6.1 ("7") or an addition ("a3").
        key: String,
        #[arg(long)]
        as_of: Option<NaiveDate>,
    },
    /// Record an assessment of a main threat.
    Assess {
        #[arg(long)]
        threat: String,
        #[arg(long)]
        area: Area,
        #[arg(long)]
        on: NaiveDate,
        #[arg(long)]
        likelihood: i64,
        #[arg(long)]
        impact: i64,
        /// rising, stable or falling.
        #[arg(long)]
        trend: Trend,
        #[arg(long)]
        narrative: String,
        #[arg(long, default_value = "")]
        evidence: String,
        /// An endangered interest (a point of Art. 5.1 or an addition); repeat for more.
        #[arg(long = "interest")]
        interests: Vec<String>,
    },
    /// Every measure with its overdue flag.
    Measures {
        #[arg(long)]
        as_of: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// Record a measure of Art. 18.3.
    MeasureCreate {
        #[arg(long)]
        title: String,
        /// The point of Art. 18.3 (1-6).
        #[arg(long)]
        kind: i64,
        #[arg(long, default_value = "")]
        description: String,
        #[arg(long)]
        deadline: NaiveDate,
        /// A threat answered; repeat for more.
        #[arg(long = "threat")]
        threats: Vec<String>,
        /// A responsible body (a point of Art. 15.1); repeat for more.
        #[arg(long = "body", required = true)]
        bodies: Vec<i64>,
    },
    /// Report on a measure; the report sets its status.
    MeasureReport {
        id: i64,
        #[arg(long)]
        on: NaiveDate,
        #[arg(long)]
        text: String,
        /// planned, in_progress, done or cancelled.
        #[arg(long)]
        status: MeasureStatus,
    },
    /// The Security Council's monitoring view of the strategic indicators.
    Strategy {
        #[arg(long)]
        as_of: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// Record a strategic document.
    DocumentCreate {
        #[arg(long)]
        title: String,
        #[arg(long)]
        adopted_on: NaiveDate,
        #[arg(long, default_value = "")]
        reference: String,
    },
    /// Record a target indicator of a document.
    IndicatorCreate {
        #[arg(long)]
        document: i64,
        #[arg(long)]
        name: String,
        #[arg(long)]
        unit: String,
        #[arg(long, allow_negative_numbers = true)]
        baseline: f64,
        #[arg(long)]
        baseline_on: NaiveDate,
        #[arg(long, allow_negative_numbers = true)]
        target: f64,
        #[arg(long)]
        deadline: NaiveDate,
    },
    /// Record a measured value of an indicator.
    IndicatorValue {
        id: i64,
        #[arg(long)]
        on: NaiveDate,
        #[arg(long, allow_negative_numbers = true)]
        value: f64,
        #[arg(long, default_value = "")]
        note: String,
    },
}

fn created(id: i64) {
    println!(
        "{}",
        say_with("cli-created", &[("id", id.to_string().into())])
    );
}

pub async fn run_with(app: &App, command: MonitoringCommand) -> anyhow::Result<ExitCode> {
    let acting = Acting::Operator;
    let lang = qorgau_i18n::cli_language().lang();
    match command {
        MonitoringCommand::Bodies { json } => {
            let graph = app.body_graph(acting).await?;
            if json {
                let view = SecurityBodyGraph::from(&graph);
                println!("{}", serde_json::to_string_pretty(&view)?);
            } else {
                for b in &graph.bodies {
                    let leads: Vec<&str> = b.leads.iter().map(|l| l.area.as_str()).collect();
                    println!(
                        "{}\t{}\t{}\t{}",
                        b.number,
                        b.name,
                        b.to_president,
                        leads.join(",")
                    );
                }
                for c in &graph.commissions {
                    println!(
                        "{}",
                        say_with(
                            "cli-commission",
                            &[
                                ("name", c.name.clone().into()),
                                ("area", c.area.as_str().into()),
                                ("head", c.head.unwrap_or(0).into()),
                                ("members", (c.members.len() as i64).into()),
                            ]
                        )
                    );
                }
            }
        }
        MonitoringCommand::Body { number, as_of } => {
            let detail = app.body_detail(acting, number, as_of).await?;
            let view = SecurityBodyDetail::new(&detail, &lang);
            println!("{}", serde_json::to_string_pretty(&view)?);
        }
        MonitoringCommand::CommissionCreate {
            area,
            name,
            members,
        } => created(
            app.create_commission(
                acting,
                NewCommission {
                    area,
                    name,
                    members,
                },
            )
            .await?,
        ),
        MonitoringCommand::Threats {
            as_of,
            area,
            interest,
            json,
        } => {
            let register = app
                .threat_register(acting, as_of, area.as_deref(), interest.as_deref())
                .await?;
            if json {
                let view = SecurityThreatRegister::from(&register);
                println!("{}", serde_json::to_string_pretty(&view)?);
            } else {
                for row in &register.threats {
                    match &row.latest {
                        Some(l) => println!(
                            "{}\t{}\t{}\tL{} I{} = {}\t{}",
                            row.threat.key,
                            row.threat.name,
                            l.assessment.assessed_on,
                            l.assessment.likelihood,
                            l.assessment.impact,
                            l.score,
                            l.assessment.trend
                        ),
                        None => println!(
                            "{}\t{}\t{}",
                            row.threat.key,
                            row.threat.name,
                            qorgau_i18n::say("security-not-assessed")
                        ),
                    }
                }
                println!("{}", qorgau_i18n::say("cli-heat-map"));
                for impact in (1..=5).rev() {
                    let cells: Vec<String> = register.heat[impact - 1]
                        .iter()
                        .map(|keys| format!("{:>8}", keys.join(",")))
                        .collect();
                    println!("{impact} |{}", cells.join("|"));
                }
            }
        }
        MonitoringCommand::Threat { key, as_of } => {
            let history = app.threat_history(acting, &key, as_of).await?;
            let view = SecurityThreatHistory::from(&history);
            println!("{}", serde_json::to_string_pretty(&view)?);
        }
        MonitoringCommand::Assess {
            threat,
            area,
            on,
            likelihood,
            impact,
            trend,
            narrative,
            evidence,
            interests,
        } => {
            let view = app
                .assess_threat(
                    acting,
                    NewAssessment {
                        threat,
                        area,
                        assessed_on: on,
                        likelihood,
                        impact,
                        trend,
                        narrative,
                        evidence,
                        interests,
                    },
                )
                .await?;
            created(view.assessment.id);
        }
        MonitoringCommand::Measures { as_of, json } => {
            let measures = app.measures(acting, as_of).await?;
            if json {
                let views: Vec<SecurityMeasure> =
                    measures.iter().map(SecurityMeasure::from).collect();
                println!("{}", serde_json::to_string_pretty(&views)?);
            } else {
                for m in &measures {
                    let flag = if m.overdue {
                        say_with("cli-overdue-days", &[("days", m.days_overdue.into())])
                    } else {
                        String::new()
                    };
                    println!(
                        "{}\t{}\t{}\t{}\t{}",
                        m.measure.id, m.measure.title, m.measure.deadline, m.measure.status, flag
                    );
                }
            }
        }
        MonitoringCommand::MeasureCreate {
            title,
            kind,
            description,
            deadline,
            threats,
            bodies,
        } => created(
            app.create_measure(
                acting,
                NewMeasure {
                    title,
                    kind,
                    description,
                    deadline,
                    threats,
                    bodies,
                },
            )
            .await?,
        ),
        MonitoringCommand::MeasureReport {
            id,
            on,
            text,
            status,
        } => created(
            app.report_measure(
                acting,
                id,
                NewMeasureReport {
                    reported_on: on,
                    text,
                    status,
                },
            )
            .await?,
        ),
        MonitoringCommand::Strategy { as_of, json } => {
            let documents = app.strategy_monitoring(acting, as_of).await?;
            if json {
                let views: Vec<SecurityDocument> = documents
                    .iter()
                    .map(|d| SecurityDocument::new(d, &lang))
                    .collect();
                println!("{}", serde_json::to_string_pretty(&views)?);
            } else {
                for d in &documents {
                    println!("{} ({})", d.document.title, d.document.adopted_on);
                    for i in &d.indicators {
                        let latest = i
                            .values
                            .last()
                            .map(|v| format!("{} on {}", v.value, v.measured_on))
                            .unwrap_or_default();
                        println!(
                            "  {}\t{}\t{} -> {} {} by {}\t{}\t{}",
                            i.indicator.id,
                            i.indicator.name,
                            i.indicator.baseline,
                            i.indicator.target,
                            i.indicator.unit,
                            i.indicator.deadline,
                            latest,
                            i.status
                        );
                        for sentence in i.decision.view(&lang).explanation {
                            println!("    {sentence}");
                        }
                    }
                }
            }
        }
        MonitoringCommand::DocumentCreate {
            title,
            adopted_on,
            reference,
        } => created(
            app.create_document(
                acting,
                NewDocument {
                    title,
                    adopted_on,
                    reference,
                },
            )
            .await?,
        ),
        MonitoringCommand::IndicatorCreate {
            document,
            name,
            unit,
            baseline,
            baseline_on,
            target,
            deadline,
        } => created(
            app.create_indicator(
                acting,
                NewIndicator {
                    document_id: document,
                    name,
                    unit,
                    baseline,
                    baseline_on,
                    target,
                    deadline,
                },
            )
            .await?,
        ),
        MonitoringCommand::IndicatorValue {
            id,
            on,
            value,
            note,
        } => created(
            app.record_indicator_value(
                acting,
                id,
                NewIndicatorValue {
                    measured_on: on,
                    value,
                    note,
                },
            )
            .await?,
        ),
    }
    Ok(ExitCode::SUCCESS)
}
