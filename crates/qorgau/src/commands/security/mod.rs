//! `qorgau who "question"`: who is responsible, from the functions and competences of the
//! texts; `qorgau security reference`: the reference lists read from the corpus.

pub mod council;
pub mod monitoring;

use std::process::ExitCode;

use chrono::NaiveDate;
use qorgau_app::Acting;
use qorgau_i18n::say_with;
use qorgau_rules::security::vocabulary::ListKind;
use qorgau_web::security_views::{
    SecurityListAddition, SecurityOwnershipDecision, SecurityReferenceList,
    SecurityScreeningSummary, SecurityWho,
};

#[derive(clap::Subcommand)]
pub enum SecurityCommand {
    /// The reference lists (types, interests, threats, principles, functions, forces, bodies,
    /// the Ministry's and the Security Council's functions), each entry with its clause.
    Reference {
        /// The date to read the lists on (additions count from their date).
        #[arg(long)]
        as_of: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// Import organisations and persons from CSV (code,name,foreign,activities,
    /// trunk_lines_run_by_foreigners,control_centre_abroad).
    ImportOrganisations { file: std::path::PathBuf },
    /// Import holdings from CSV (owner,owned,share in percent, by code).
    ImportHoldings { file: std::path::PathBuf },
    /// Screen one organisation under Art. 23.6: its effective foreign share, the chains that
    /// make it up, and the limits it breaks.
    Screen {
        code: String,
        #[arg(long)]
        as_of: Option<NaiveDate>,
    },
    /// Screen every organisation of the graph.
    ScreenAll,
    /// Record a national interest or main threat added by a later act (Art. 5.2, 6.2).
    AddEntry {
        /// national_interests or main_threats.
        #[arg(long)]
        list: ListKind,
        #[arg(long)]
        text: String,
        /// The act that adds it.
        #[arg(long)]
        act: String,
        /// The day from which it counts.
        #[arg(long)]
        from: NaiveDate,
    },
    #[command(flatten)]
    Monitoring(monitoring::MonitoringCommand),
}

pub async fn who(
    database: &str,
    question: &str,
    as_of: Option<NaiveDate>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let app = crate::commands::open(database).await?;
    let answer = app.who(Acting::Operator, question, as_of).await;
    app.store().close().await;
    let answer = answer?;
    let lang = qorgau_i18n::cli_language().lang();
    if json {
        let view = SecurityWho::new(&answer, &lang);
        println!("{}", serde_json::to_string_pretty(&view)?);
        return Ok(ExitCode::SUCCESS);
    }
    // The rule's decision, as it stands: what it says of the Ministry, why, and its clauses.
    let decision = &answer.decision;
    println!(
        "{}",
        qorgau_i18n::say(decision.outcome.ministry.message_id())
    );
    for sentence in decision.view(&lang).explanation {
        println!("  {sentence}");
    }
    for clause in &decision.citations {
        println!("  {clause}");
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn run(database: &str, command: SecurityCommand) -> anyhow::Result<ExitCode> {
    let app = crate::commands::open(database).await?;
    let result = run_with(&app, command).await;
    app.store().close().await;
    result
}

async fn run_with(app: &qorgau_app::App, command: SecurityCommand) -> anyhow::Result<ExitCode> {
    let acting = Acting::Operator;
    let lang = qorgau_i18n::cli_language().lang();
    match command {
        SecurityCommand::Reference { as_of, json } => {
            let lists = app.reference_lists_on(acting, as_of).await?;
            return reference(&lists, json);
        }
        SecurityCommand::AddEntry {
            list,
            text,
            act,
            from,
        } => {
            let addition = app
                .add_list_entry(
                    acting,
                    qorgau_app::security::NewAddition {
                        list,
                        text,
                        added_by_act: act,
                        effective_from: from,
                    },
                )
                .await?;
            let view = SecurityListAddition::from(&addition);
            println!("{}", serde_json::to_string_pretty(&view)?);
        }
        SecurityCommand::ImportOrganisations { file } => {
            crate::commands::print_report(
                &app.import_organisations(acting, &crate::commands::read_file(&file)?)
                    .await?,
            );
        }
        SecurityCommand::ImportHoldings { file } => {
            crate::commands::print_report(
                &app.import_holdings(acting, &crate::commands::read_file(&file)?)
                    .await?,
            );
        }
        SecurityCommand::Screen { code, as_of } => {
            let (_, decision) = app.screen_organisation(acting, &code, as_of).await?;
            let view = SecurityOwnershipDecision::new(&decision, &lang);
            println!("{}", serde_json::to_string_pretty(&view)?);
        }
        SecurityCommand::Monitoring(command) => {
            return monitoring::run_with(app, command).await;
        }
        SecurityCommand::ScreenAll => {
            let summary = app.screen_all(acting).await?;
            let view = SecurityScreeningSummary::from(&summary);
            println!("{}", serde_json::to_string_pretty(&view)?);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn reference(
    lists: &[qorgau_app::security::ReferenceList],
    json: bool,
) -> anyhow::Result<ExitCode> {
    if json {
        let views: Vec<SecurityReferenceList> =
            lists.iter().map(SecurityReferenceList::from).collect();
        println!("{}", serde_json::to_string_pretty(&views)?);
        return Ok(ExitCode::SUCCESS);
    }
    for list in lists {
        println!(
            "{}",
            say_with(
                "cli-reference-list",
                &[
                    ("list", list.key.as_str().into()),
                    ("count", (list.entries.len() as i64).into()),
                    ("source", list.source.into())
                ]
            )
        );
        for entry in &list.entries {
            println!("  {}\t{}", entry.clause, entry.name);
        }
        for addition in &list.additions {
            println!(
                "  {}",
                say_with(
                    "cli-reference-addition",
                    &[
                        ("text", addition.text.clone().into()),
                        ("act", addition.added_by_act.clone().into()),
                        ("from", addition.effective_from.to_string().into())
                    ]
                )
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
