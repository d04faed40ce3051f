use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use qorgau_i18n::say_with;
use qorgau_rules::registry;

#[derive(clap::Subcommand)]
pub enum RulesCommand {
    /// List every rule with its citations.
    List {
        /// Print JSON (id, title, citations, in force from, facts and outcome schemas).
        #[arg(long)]
        json: bool,
    },
    /// Recompute stored decisions from their receipts and show every difference; exits with 1
    /// when a decision no longer stands.
    Replay {
        /// The receipt to replay; every receipt when absent.
        id: Option<i64>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(database: &str, command: RulesCommand) -> anyhow::Result<ExitCode> {
    match command {
        RulesCommand::List { json } => list(json),
        RulesCommand::Replay { id, json } => replay(database, id, json).await,
    }
}

async fn replay(database: &str, id: Option<i64>, json: bool) -> anyhow::Result<ExitCode> {
    let app = super::open(database).await?;
    let replays = app.replay_receipts(qorgau_app::Acting::Operator, id).await;
    app.store().close().await;
    let replays = replays?;
    let changed = replays.iter().filter(|r| !r.same()).count();
    if json {
        let out: Vec<serde_json::Value> = replays
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.receipt.id,
                    "rule": r.receipt.rule,
                    "entity": r.receipt.entity,
                    "entity_id": r.receipt.entity_id,
                    "as_of": r.receipt.as_of,
                    "recorded_at": r.receipt.recorded_at,
                    "rule_version": r.receipt.rule_version,
                    "rule_version_now": r.rule_version_now,
                    "corpus_changed": r.corpus_changed,
                    "stored": r.receipt.outcome,
                    "now": r.now.as_ref().ok(),
                    "refused_now": r.now.as_ref().err(),
                    "same": r.same(),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        for r in &replays {
            let receipt = &r.receipt;
            let id = receipt.id.to_string();
            let verdict = if r.same() {
                say_with(
                    "cli-replay-same",
                    &[
                        ("id", id.to_string().into()),
                        ("rule", receipt.rule.clone().into()),
                    ],
                )
            } else {
                say_with(
                    "cli-replay-differs",
                    &[
                        ("id", id.to_string().into()),
                        ("rule", receipt.rule.clone().into()),
                        (
                            "entity",
                            format!("{} {}", receipt.entity, receipt.entity_id).into(),
                        ),
                        ("stored", receipt.outcome.to_string().into()),
                        (
                            "now",
                            match &r.now {
                                Ok(outcome) => outcome.to_string(),
                                Err(refusal) => refusal.clone(),
                            }
                            .into(),
                        ),
                    ],
                )
            };
            println!("{verdict}");
            if r.corpus_changed {
                println!("  {}", qorgau_i18n::say("cli-replay-corpus-changed"));
            }
            if r.rule_version_now != Some(receipt.rule_version) {
                println!(
                    "  {}",
                    say_with(
                        "cli-replay-version-changed",
                        &[
                            ("stored", i64::from(receipt.rule_version).into()),
                            ("now", r.rule_version_now.map_or(0, i64::from).into()),
                        ],
                    )
                );
            }
        }
        println!(
            "{}",
            say_with(
                "cli-replay-summary",
                &[("count", replays.len().into()), ("changed", changed.into())]
            )
        );
    }
    Ok(if changed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn list(json: bool) -> anyhow::Result<ExitCode> {
    let lang = qorgau_i18n::cli_language().lang();
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
            .context(say_with("cli-cannot-read", &[("path", "-".into())]))?;
        text
    } else {
        std::fs::read_to_string(facts).with_context(|| {
            say_with(
                "cli-cannot-read",
                &[("path", facts.display().to_string().into())],
            )
        })?
    };
    let facts: serde_json::Value = serde_json::from_str(&text).with_context(|| {
        say_with(
            "cli-facts-not-json",
            &[("path", facts.display().to_string().into())],
        )
    })?;
    let as_of = as_of.unwrap_or_else(|| qorgau_app::today_in_almaty(chrono::Utc::now()));
    match registry().evaluate(rule, facts, as_of) {
        Ok(decision) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&decision.view(&qorgau_i18n::cli_language().lang()))?
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            eprintln!(
                "{}",
                say_with(
                    "cli-rule-error",
                    &[(
                        "detail",
                        error
                            .message()
                            .render(&qorgau_i18n::cli_language().lang())
                            .into()
                    )]
                )
            );
            Ok(ExitCode::from(2))
        }
    }
}
