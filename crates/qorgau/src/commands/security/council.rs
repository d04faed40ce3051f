//! `qorgau council ...`: Security Council meetings, decisions, execution reports and control.

use std::process::ExitCode;

use chrono::NaiveDate;
use qorgau_app::Acting;
use qorgau_app::security::council::{
    NewAgendaItem, NewDecision, NewExecutionReport, NewMeeting, ReportReview,
};
use qorgau_i18n::say_with;
use qorgau_rules::security::vocabulary::{AgendaKind, DecisionKind, Review};
use qorgau_web::security_views::council::CouncilMeetingDetail;

#[derive(clap::Subcommand)]
pub enum CouncilCommand {
    /// Every meeting, newest first.
    Meetings,
    /// Record a meeting.
    MeetingCreate {
        #[arg(long)]
        held_on: NaiveDate,
        #[arg(long)]
        title: String,
    },
    /// One meeting with its agenda and decisions.
    Meeting {
        id: i64,
        #[arg(long)]
        as_of: Option<NaiveDate>,
    },
    /// Add an item to a meeting's agenda.
    AgendaAdd {
        meeting: i64,
        /// government_annual_report, head_hearing, draft_law_review, programme_review or other.
        #[arg(long)]
        kind: AgendaKind,
        #[arg(long)]
        title: String,
        /// The body whose head is heard (a point of Art. 15.1).
        #[arg(long)]
        body: Option<i64>,
    },
    /// Record a decision or recommendation assigned to a body with a deadline.
    Decide {
        meeting: i64,
        /// decision or recommendation.
        #[arg(long, default_value = "decision")]
        kind: DecisionKind,
        #[arg(long)]
        text: String,
        /// The body it is assigned to (a point of Art. 15.1).
        #[arg(long)]
        body: i64,
        #[arg(long)]
        deadline: NaiveDate,
        /// The agenda item it was taken on.
        #[arg(long)]
        item: Option<i64>,
    },
    /// The execution control of every decision on a day.
    Control {
        #[arg(long)]
        as_of: Option<NaiveDate>,
        /// open, overdue, awaiting_review, returned or done.
        #[arg(long)]
        status: Option<String>,
    },
    /// Record a body's report on the execution of a decision.
    Report {
        decision: i64,
        #[arg(long)]
        on: NaiveDate,
        #[arg(long)]
        text: String,
    },
    /// Accept or return a pending execution report.
    Review {
        report: i64,
        /// accepted or returned.
        #[arg(long)]
        review: Review,
        #[arg(long, default_value = "")]
        note: String,
    },
}

pub async fn run(database: &str, command: CouncilCommand) -> anyhow::Result<ExitCode> {
    let app = crate::commands::open(database).await?;
    let result = run_with(&app, command).await;
    app.store().close().await;
    result
}

fn created(id: i64) {
    println!(
        "{}",
        say_with("cli-created", &[("id", id.to_string().into())])
    );
}

async fn run_with(app: &qorgau_app::App, command: CouncilCommand) -> anyhow::Result<ExitCode> {
    let acting = Acting::Operator;
    let lang = qorgau_i18n::cli_language().lang();
    match command {
        CouncilCommand::Meetings => {
            for m in app.meetings(acting).await? {
                println!("{}\t{}\t{}", m.id, m.held_on, m.title);
            }
        }
        CouncilCommand::MeetingCreate { held_on, title } => {
            created(
                app.create_meeting(acting, NewMeeting { held_on, title })
                    .await?,
            );
        }
        CouncilCommand::Meeting { id, as_of } => {
            let meeting = app.meeting(acting, id, as_of).await?;
            let view = CouncilMeetingDetail::new(&meeting, &lang);
            println!("{}", serde_json::to_string_pretty(&view)?);
        }
        CouncilCommand::AgendaAdd {
            meeting,
            kind,
            title,
            body,
        } => created(
            app.add_agenda_item(acting, meeting, NewAgendaItem { kind, title, body })
                .await?,
        ),
        CouncilCommand::Decide {
            meeting,
            kind,
            text,
            body,
            deadline,
            item,
        } => created(
            app.create_decision(
                acting,
                meeting,
                NewDecision {
                    kind,
                    text,
                    body,
                    deadline,
                    agenda_item_id: item,
                },
            )
            .await?,
        ),
        CouncilCommand::Control { as_of, status } => {
            let summary = app
                .execution_control(acting, as_of, status.as_deref())
                .await?;
            let hearing = &summary.annual_report;
            match hearing.heard_on {
                Some(on) => println!(
                    "{}",
                    say_with(
                        "council-annual-heard",
                        &[
                            ("year", hearing.year.to_string().into()),
                            ("date", on.to_string().into())
                        ]
                    )
                ),
                None => println!(
                    "{}",
                    say_with(
                        "council-annual-never",
                        &[("year", hearing.year.to_string().into())]
                    )
                ),
            }
            let mut counts: Vec<(&str, usize)> = summary
                .counts
                .iter()
                .map(|(status, count)| (status.as_str(), *count))
                .collect();
            counts.sort();
            for (status, count) in counts {
                println!("{status}: {count}");
            }
            for d in &summary.decisions {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    d.decision.id, d.status, d.decision.deadline, d.body_name, d.decision.text
                );
            }
        }
        CouncilCommand::Report { decision, on, text } => created(
            app.report_execution(
                acting,
                decision,
                NewExecutionReport {
                    reported_on: on,
                    text,
                },
            )
            .await?,
        ),
        CouncilCommand::Review {
            report,
            review,
            note,
        } => {
            app.review_execution(acting, report, ReportReview { review, note })
                .await?;
            println!("{}", qorgau_i18n::say("cli-recorded"));
        }
    }
    Ok(ExitCode::SUCCESS)
}
