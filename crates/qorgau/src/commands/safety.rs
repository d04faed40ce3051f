//! `qorgau safety ...`: structure and strength, Plans, training, Acts, incidents, coverage and
//! analysis. Records print as JSON; confirmations and rejections as catalogue sentences.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use qorgau_app::safety::acts::{ActView, NewAct};
use qorgau_app::safety::analysis::{AnalysisKey, AnalysisReport};
use qorgau_app::safety::incidents::NewIncident;
use qorgau_app::safety::plans::{NewPlan, PlanDraft, PlanView, activities_from_lines};
use qorgau_app::safety::records;
use qorgau_app::safety::training::NewTraining;
use qorgau_app::{Acting, App};
use qorgau_i18n::{Lang, say_with};
use qorgau_rules::safety::{
    Activity, Cause, IncidentActivity, IncidentKind, PeriodKind, PlanChange, TrainingKind,
};
use serde::Serialize;
use serde_json::{Value, json};

#[derive(clap::Subcommand)]
pub enum SafetyCommand {
    /// The command structure with each unit's echelon and latest strength.
    Structure {
        #[arg(long)]
        root: Option<i64>,
    },
    /// Import units from CSV (key,parent,name,kind; parent is an earlier key or id:N).
    ImportStructure { file: PathBuf },
    /// Import strength figures from CSV (unit_id,month,personnel).
    ImportStrength { file: PathBuf },
    /// Import incidents from CSV (unit_id,occurred_on,kind,in_duty,cause,activity,description).
    ImportIncidents { file: PathBuf },
    /// Record one death or injury.
    Incident {
        #[arg(long)]
        unit: i64,
        #[arg(long)]
        on: NaiveDate,
        /// death, wound, injury or contusion.
        #[arg(long)]
        kind: IncidentKind,
        /// In performance of military service duties.
        #[arg(long)]
        in_duty: bool,
        #[arg(long)]
        cause: Cause,
        #[arg(long)]
        activity: IncidentActivity,
        #[arg(long, default_value = "")]
        description: String,
    },
    /// Every body under --body with its Plan for --year; late ones flagged.
    Plans {
        #[arg(long)]
        body: i64,
        #[arg(long)]
        year: i32,
    },
    /// Draft a Plan; activities come from a file, one per line:
    /// item;name;responsible;monitoring;term;form.
    CreatePlan {
        #[arg(long)]
        unit: i64,
        #[arg(long)]
        year: i32,
        #[arg(long)]
        goals: String,
        #[arg(long)]
        tasks: String,
        #[arg(long)]
        requirements: String,
        #[arg(long)]
        activities: PathBuf,
    },
    /// A Plan (the current version unless --version), or its PDF with --pdf.
    Plan {
        id: i64,
        #[arg(long)]
        version: Option<i64>,
        #[arg(long)]
        pdf: Option<PathBuf>,
    },
    /// Approve the version being drafted (the body's commander).
    ApprovePlan {
        id: i64,
        /// Military rank, surname and initials.
        #[arg(long)]
        title: String,
    },
    /// Open a revision: daily_activity_conditions_changed, new_equipment_received or other.
    RevisePlan {
        id: i64,
        #[arg(long)]
        change: PlanChange,
        #[arg(long)]
        reason: String,
    },
    /// What changed between two versions of a Plan.
    ComparePlan {
        id: i64,
        #[arg(long)]
        from: i64,
        #[arg(long)]
        to: i64,
    },
    /// Mark an activity of the Plan completed.
    CompleteActivity {
        id: i64,
        #[arg(long)]
        mark: String,
        #[arg(long)]
        on: NaiveDate,
    },
    /// Record a special exercise (with --activity) or a month or decade campaign.
    Training {
        #[arg(long)]
        unit: i64,
        /// special_exercise, month_campaign or decade_campaign.
        #[arg(long)]
        kind: TrainingKind,
        #[arg(long)]
        activity: Option<Activity>,
        #[arg(long)]
        title: String,
        #[arg(long)]
        from: NaiveDate,
        #[arg(long)]
        to: NaiveDate,
        #[arg(long)]
        held: bool,
    },
    /// The exercise each body owes before the next training period.
    Reminders {
        #[arg(long)]
        body: i64,
    },
    /// Record an Act from a JSON file with every field of Appendix 2.
    RecordAct { file: PathBuf },
    /// An Act, or its PDF with --pdf.
    Act {
        id: i64,
        #[arg(long)]
        pdf: Option<PathBuf>,
    },
    /// The unit's commander acknowledges an Act.
    Acknowledge {
        act: i64,
        #[arg(long)]
        commander: String,
    },
    /// Record a violation as eliminated.
    Eliminate {
        violation: i64,
        #[arg(long)]
        on: NaiveDate,
    },
    /// Delete an Act whose five years have passed.
    DeleteAct { id: i64 },
    /// Delete every Act whose retention has expired (audited).
    PurgeExpired,
    /// Quarterly coverage of departments and services.
    Coverage {
        #[arg(long)]
        body: i64,
        #[arg(long)]
        year: i32,
        #[arg(long)]
        quarter: u32,
    },
    /// The analysis of a body for a period against the same period last year.
    Analysis {
        #[arg(long)]
        body: i64,
        /// month, quarter, half_year, year, winter_training, summer_training, academic_year.
        #[arg(long)]
        kind: PeriodKind,
        #[arg(long)]
        year: i32,
        #[arg(long, default_value_t = 1)]
        number: u32,
        #[arg(long)]
        pdf: Option<PathBuf>,
    },
    /// Write the conclusions and proposed measures of an analysis.
    Conclude {
        #[arg(long)]
        body: i64,
        #[arg(long)]
        kind: PeriodKind,
        #[arg(long)]
        year: i32,
        #[arg(long, default_value_t = 1)]
        number: u32,
        #[arg(long)]
        conclusions: String,
        #[arg(long)]
        measures: String,
    },
    /// The analyses the body and the bodies below it owe, with deadlines.
    Schedule {
        #[arg(long)]
        body: i64,
    },
    /// Check the roll-ups the analysis reads against the incidents and strength figures.
    VerifyRollups,
    /// Recompute the roll-ups from the incidents and strength figures (audited).
    RebuildRollups,
}

pub async fn run(database: &str, command: SafetyCommand) -> anyhow::Result<ExitCode> {
    let app = super::open(database).await?;
    let code = run_with(&app, command).await;
    app.store().close().await;
    code
}

fn print_json(value: &impl Serialize) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// An Act as a record with its violations.
fn act_json(view: &ActView) -> Value {
    json!({
        "act": records::act(&view.act),
        "body_name": view.body_name,
        "unit_name": view.unit_name,
        "violations": records::violations(&view.violations),
        "overdue": view.overdue,
        "kept_until": view.kept_until,
    })
}

/// A Plan with the version shown, its activities (each marked overdue or not) and the decision
/// on its due day.
fn plan_json(view: &PlanView, lang: &Lang) -> Value {
    let activities: Vec<Value> = view
        .activities
        .iter()
        .map(|a| {
            let mut record = records::plan_activity(&a.activity);
            record["overdue"] = a.overdue.into();
            record
        })
        .collect();
    let versions: Vec<Value> = view.versions.iter().map(records::plan_version).collect();
    json!({
        "plan": records::plan(&view.plan),
        "unit_name": view.unit_name,
        "status": view.status,
        "due": view.due,
        "late": view.late,
        "versions": versions,
        "version": records::plan_version(&view.version),
        "activities": activities,
        "overdue": view.overdue,
        "due_decision": view.due_decision.view(lang),
    })
}

/// The analysis with its sentences in `lang` and the analyst's conclusions.
fn analysis_json(report: &AnalysisReport, lang: &Lang) -> anyhow::Result<Value> {
    let mut value = serde_json::to_value(report)?;
    if let Some(ranking) = value["ranking"].as_array_mut() {
        for (row, unit) in ranking.iter_mut().zip(&report.ranking) {
            let reasons: Vec<String> = unit.reasons.iter().map(|m| m.render(lang)).collect();
            row["reason_texts"] = reasons.into();
        }
    }
    value["criterion_text"] = report.criterion.render(lang).into();
    value["conclusions"] = report
        .conclusions
        .as_ref()
        .map_or(Value::Null, records::analysis);
    Ok(value)
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes).with_context(|| {
        say_with(
            "cli-cannot-write",
            &[("path", path.display().to_string().into())],
        )
    })?;
    println!(
        "{}",
        say_with(
            "cli-written",
            &[("path", path.display().to_string().into())]
        )
    );
    Ok(())
}

async fn run_with(app: &App, command: SafetyCommand) -> anyhow::Result<ExitCode> {
    let acting = Acting::Operator;
    let lang = qorgau_i18n::cli_language().lang();
    match command {
        SafetyCommand::Structure { root } => {
            print_json(&app.safety_structure(acting, root).await?)?;
        }
        SafetyCommand::ImportStructure { file } => {
            let report = app
                .import_structure(acting, &super::read_file(&file)?)
                .await?;
            super::print_report(&report);
            if !report.rejected.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
        SafetyCommand::ImportStrength { file } => {
            super::print_report(
                &app.import_strength(acting, &super::read_file(&file)?)
                    .await?,
            );
        }
        SafetyCommand::ImportIncidents { file } => {
            super::print_report(
                &app.import_incidents(acting, &super::read_file(&file)?)
                    .await?,
            );
        }
        SafetyCommand::Incident {
            unit,
            on,
            kind,
            in_duty,
            cause,
            activity,
            description,
        } => {
            let incident = app
                .record_incident(
                    acting,
                    NewIncident {
                        unit_id: unit,
                        occurred_on: on.to_string(),
                        kind: kind.to_string(),
                        in_duty,
                        cause: cause.to_string(),
                        activity: activity.to_string(),
                        description,
                    },
                )
                .await?;
            print_json(&incident)?;
        }
        SafetyCommand::Plans { body, year } => {
            print_json(&app.plan_standings(acting, body, year).await?)?;
        }
        SafetyCommand::CreatePlan {
            unit,
            year,
            goals,
            tasks,
            requirements,
            activities,
        } => {
            let activities = activities_from_lines(&super::read_file(&activities)?)?;
            let plan = app
                .create_plan(
                    acting,
                    NewPlan {
                        unit_id: unit,
                        year,
                        draft: PlanDraft {
                            goals,
                            tasks,
                            requirements,
                            activities,
                        },
                    },
                )
                .await?;
            println!(
                "{}",
                say_with(
                    "cli-plan-created",
                    &[("id", plan.plan.id.to_string().into())]
                )
            );
        }
        SafetyCommand::Plan { id, version, pdf } => match pdf {
            Some(out) => write(&out, &app.plan_pdf(acting, &lang, id, version).await?)?,
            None => print_json(&plan_json(&app.plan(acting, id, version).await?, &lang))?,
        },
        SafetyCommand::ApprovePlan { id, title } => {
            let view = app.approve_plan(acting, id, &title).await?;
            println!(
                "{}",
                say_with(
                    "cli-plan-approved",
                    &[
                        ("id", id.to_string().into()),
                        ("version", view.version.version.into())
                    ]
                )
            );
        }
        SafetyCommand::RevisePlan { id, change, reason } => {
            let (view, decision) = app.revise_plan(acting, id, change, &reason).await?;
            println!(
                "{}",
                say_with(
                    "cli-plan-revising",
                    &[
                        ("id", id.to_string().into()),
                        ("version", view.version.version.into())
                    ]
                )
            );
            for sentence in decision.view(&lang).explanation {
                println!("  {sentence}");
            }
        }
        SafetyCommand::ComparePlan { id, from, to } => {
            print_json(&app.compare_plan_versions(acting, id, from, to).await?)?;
        }
        SafetyCommand::CompleteActivity { id, mark, on } => {
            app.mark_plan_activity(acting, id, &mark, on).await?;
            println!("{}", qorgau_i18n::say("cli-recorded"));
        }
        SafetyCommand::Training {
            unit,
            kind,
            activity,
            title,
            from,
            to,
            held,
        } => {
            let training = app
                .record_training(
                    acting,
                    NewTraining {
                        unit_id: unit,
                        kind: kind.to_string(),
                        activity: activity.map(|a| a.to_string()),
                        title,
                        starts_on: from.to_string(),
                        ends_on: to.to_string(),
                        held,
                    },
                )
                .await?;
            print_json(&records::training(&training))?;
        }
        SafetyCommand::Reminders { body } => {
            print_json(&app.exercise_reminders(acting, body).await?)?;
        }
        SafetyCommand::RecordAct { file } => {
            let new: NewAct =
                serde_json::from_str(&super::read_file(&file)?).with_context(|| {
                    say_with(
                        "cli-not-json",
                        &[("path", file.display().to_string().into())],
                    )
                })?;
            let act = app.record_act(acting, new).await?;
            println!(
                "{}",
                say_with("cli-act-recorded", &[("id", act.act.id.to_string().into())])
            );
        }
        SafetyCommand::Act { id, pdf } => match pdf {
            Some(out) => write(&out, &app.act_pdf(acting, &lang, id).await?)?,
            None => print_json(&act_json(&app.act(acting, id).await?))?,
        },
        SafetyCommand::Acknowledge { act, commander } => {
            app.acknowledge_act(acting, act, &commander).await?;
            println!("{}", qorgau_i18n::say("cli-recorded"));
        }
        SafetyCommand::Eliminate { violation, on } => {
            app.eliminate_violation(acting, violation, on).await?;
            println!("{}", qorgau_i18n::say("cli-recorded"));
        }
        SafetyCommand::DeleteAct { id } => {
            app.delete_act(acting, id).await?;
            println!(
                "{}",
                say_with("cli-act-deleted", &[("id", id.to_string().into())])
            );
        }
        SafetyCommand::PurgeExpired => {
            let report = app.purge_expired_acts(acting).await?;
            println!(
                "{}",
                say_with(
                    "cli-acts-purged",
                    &[("count", (report.deleted.len() as i64).into())]
                )
            );
        }
        SafetyCommand::Coverage {
            body,
            year,
            quarter,
        } => {
            print_json(&app.coverage(acting, body, year, quarter).await?)?;
        }
        SafetyCommand::Analysis {
            body,
            kind,
            year,
            number,
            pdf,
        } => match pdf {
            Some(out) => {
                let bytes = app
                    .analysis_pdf(acting, &lang, body, kind, year, number)
                    .await?;
                write(&out, &bytes)?;
            }
            None => {
                let report = app
                    .safety_analysis(acting, body, kind, year, number)
                    .await?;
                print_json(&analysis_json(&report, &lang)?)?;
            }
        },
        SafetyCommand::Conclude {
            body,
            kind,
            year,
            number,
            conclusions,
            measures,
        } => {
            let key = AnalysisKey {
                body_id: body,
                kind,
                year,
                number,
            };
            app.complete_analysis(acting, key, &conclusions, &measures)
                .await?;
            println!("{}", qorgau_i18n::say("cli-recorded"));
        }
        SafetyCommand::Schedule { body } => {
            print_json(&app.analysis_schedule(acting, body).await?)?;
        }
        SafetyCommand::VerifyRollups => {
            let check = app.verify_safety_rollups(acting).await?;
            println!(
                "{}",
                say_with(
                    "cli-rollups-checked",
                    &[
                        (
                            "rows",
                            ((check.incident_rows + check.strength_rows) as i64).into()
                        ),
                        ("differences", (check.differences.len() as i64).into())
                    ]
                )
            );
            for difference in &check.differences {
                println!("  {difference}");
            }
            if !check.differences.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
        SafetyCommand::RebuildRollups => {
            let check = app.rebuild_safety_rollups(acting).await?;
            println!(
                "{}",
                say_with(
                    "cli-rollups-rebuilt",
                    &[(
                        "rows",
                        ((check.incident_rows + check.strength_rows) as i64).into()
                    )]
                )
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
