use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use qorgau_i18n::{Lang, en_with};
use qorgau_rules::registry;

#[derive(clap::Subcommand)]
pub enum RulesCommand {
    /// List every rule with its citations.
    List {
        /// Print JSON (id, title, citations, in force from, facts and outcome schemas).
        #[arg(long)]
        json: bool,
    },
}

pub fn run(command: RulesCommand) -> anyhow::Result<ExitCode> {
    let RulesCommand::List { json } = command;
    let lang = Lang::english();
    if json {
        let rules: Vec<serde_json::Value> = registry()
            .iter()
            .map(|rule| {
                let info = rule.info();
                serde_json::json!({
                    "id": info.id,
                    "title": qorgau_i18n::render(&lang, info.title, &[]),
                    "citations": info.citations,
                    "in_force_from": info.in_force_from,
                    "facts_schema": rule.facts_schema(),
                    "outcome_schema": rule.outcome_schema(),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rules)?);
    } else {
        for rule in registry().iter() {
            let info = rule.info();
            let citations: Vec<String> = info.citations.iter().map(|c| c.to_string()).collect();
            println!(
                "{}\t{}\t{}",
                info.id,
                qorgau_i18n::render(&lang, info.title, &[]),
                citations.join(", ")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Evaluates a rule from the command line. Like the API, `as_of` defaults to today in
/// Asia/Almaty; no database is needed.
pub fn eval(
    rule: &str,
    facts: &Path,
    as_of: Option<chrono::NaiveDate>,
) -> anyhow::Result<ExitCode> {
    let text = if facts == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context(en_with("cli-cannot-read", &[("path", "-".into())]))?;
        text
    } else {
        std::fs::read_to_string(facts).with_context(|| {
            en_with(
                "cli-cannot-read",
                &[("path", facts.display().to_string().into())],
            )
        })?
    };
    let facts: serde_json::Value = serde_json::from_str(&text).with_context(|| {
        en_with(
            "cli-facts-not-json",
            &[("path", facts.display().to_string().into())],
        )
    })?;
    let as_of = as_of.unwrap_or_else(|| qorgau_app::today_in_almaty(chrono::Utc::now()));
    match registry().evaluate(rule, facts, as_of) {
        Ok(decision) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&decision.view(&Lang::english()))?
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            eprintln!(
                "{}",
                en_with("cli-rule-error", &[("detail", error.to_string().into())])
            );
            Ok(ExitCode::from(2))
        }
    }
}
