//! `qorgau who "question"`: who is responsible, from the functions and competences of the
//! texts; `qorgau security reference`: the reference lists read from the corpus.

use std::process::ExitCode;

use chrono::NaiveDate;
use qorgau_app::Acting;
use qorgau_i18n::{Lang, en_with};

#[derive(clap::Subcommand)]
pub enum SecurityCommand {
    /// The reference lists (types, interests, threats, principles, functions, forces, bodies,
    /// the Ministry's and the Security Council's functions), each entry with its clause.
    Reference {
        #[arg(long)]
        json: bool,
    },
}

pub async fn who(
    database: &str,
    question: &str,
    as_of: Option<NaiveDate>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let app = super::open(database).await?;
    let answer = app.who(Acting::Operator, question, as_of).await;
    app.store().close().await;
    let answer = answer?;
    let lang = Lang::english();
    if json {
        let mut value = serde_json::to_value(&answer)?;
        value["function_holder"] = serde_json::to_value(answer.function_holder.view(&lang))?;
        println!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(ExitCode::SUCCESS);
    }
    if answer.answers.is_empty() {
        println!("{}", qorgau_i18n::en("cli-who-none"));
    }
    for r in &answer.answers {
        let status = match (&r.excluded_since, &r.excluded_by) {
            (Some(since), Some(by)) => en_with(
                "cli-who-excluded",
                &[
                    ("since", since.to_string().into()),
                    ("by", by.clone().into()),
                ],
            ),
            _ => String::new(),
        };
        println!(
            "{:.2}\t{}\t{}\t{} {}",
            r.score, r.holder, r.clause, r.text, status
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn reference(json: bool) -> anyhow::Result<ExitCode> {
    let lists = qorgau_app::security::reference_lists();
    if json {
        println!("{}", serde_json::to_string_pretty(&lists)?);
        return Ok(ExitCode::SUCCESS);
    }
    for list in lists {
        println!(
            "{}",
            en_with(
                "cli-reference-list",
                &[
                    ("list", list.key.into()),
                    ("count", (list.entries.len() as i64).into()),
                    ("source", list.source.into())
                ]
            )
        );
        for entry in list.entries {
            println!("  {}\t{}", entry.clause, entry.name);
        }
    }
    Ok(ExitCode::SUCCESS)
}
