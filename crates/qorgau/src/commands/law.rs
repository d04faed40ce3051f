use std::process::ExitCode;

use anyhow::Context;
use qorgau_app::Acting;
use qorgau_i18n::{en, en_with};
use qorgau_law::Status;

#[derive(clap::Subcommand)]
pub enum LawCommand {
    /// List the acts of the corpus with their node counts.
    Acts,
    /// Export an act as Akoma Ntoso 3.0 XML.
    Export {
        /// The act id, such as kz-2005-29.
        act: String,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
    /// Search the clauses: words, or a "phrase in quotes".
    Search {
        query: String,
        /// Only this act.
        #[arg(long)]
        act: Option<String>,
        /// Only clauses in force on this date (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<chrono::NaiveDate>,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a clause on a date: its text, status, place in the act and the rules citing it.
    Show {
        /// A clause id, such as kz-2005-29/art_22__para_2__point_15.
        id: String,
        /// The date to read the law on (YYYY-MM-DD); today in Asia/Almaty when absent.
        #[arg(long)]
        as_of: Option<chrono::NaiveDate>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Reading the shipped corpus needs no database: the operator's reading is the same for all.
pub fn run(command: LawCommand) -> anyhow::Result<ExitCode> {
    match command {
        LawCommand::Acts => {
            for act in qorgau_app::law::acts(Acting::Operator)? {
                let counts: Vec<String> = act
                    .counts
                    .iter()
                    .map(|(kind, n)| format!("{n} {kind}"))
                    .collect();
                println!("{}\t{}\t{}", act.id, act.title, counts.join(", "));
            }
        }
        LawCommand::Export { act, out } => {
            let xml = qorgau_app::law::export_akn(Acting::Operator, &act)?;
            match out {
                Some(path) => {
                    std::fs::write(&path, xml).with_context(|| {
                        en_with(
                            "cli-cannot-write",
                            &[("path", path.display().to_string().into())],
                        )
                    })?;
                    println!(
                        "{}",
                        en_with(
                            "cli-law-exported",
                            &[
                                ("act", act.into()),
                                ("path", path.display().to_string().into())
                            ]
                        )
                    );
                }
                None => print!("{xml}"),
            }
        }
        LawCommand::Search {
            query,
            act,
            as_of,
            limit,
            json,
        } => {
            let hits =
                qorgau_app::law::search(Acting::Operator, &query, act.as_deref(), as_of, limit)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&hits)?);
            } else {
                for hit in &hits {
                    // Matches are marked with [ ] in the terminal.
                    let mut marked = String::new();
                    let mut at = 0;
                    for &(start, end) in &hit.highlights {
                        if let (Some(before), Some(word)) =
                            (hit.fragment.get(at..start), hit.fragment.get(start..end))
                        {
                            marked.push_str(before);
                            marked.push('[');
                            marked.push_str(word);
                            marked.push(']');
                            at = end;
                        }
                    }
                    marked.push_str(hit.fragment.get(at..).unwrap_or_default());
                    println!("{:.2}\t{}\n\t{}", hit.score, hit.id, marked);
                }
                println!(
                    "{}",
                    en_with(
                        "law-search-results",
                        &[("count", (hits.len() as i64).into())]
                    )
                );
            }
        }
        LawCommand::Show { id, as_of, json } => {
            let as_of = as_of.unwrap_or_else(|| qorgau_app::today_in_almaty(chrono::Utc::now()));
            let clause = qorgau_app::law::clause(Acting::Operator, &id, as_of)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&clause)?);
            } else {
                let path: Vec<String> = clause
                    .breadcrumbs
                    .iter()
                    .map(|c| c.heading.clone().unwrap_or_else(|| c.id.clone()))
                    .collect();
                println!("{}", clause.id);
                println!("{}", clause.act_title);
                if !path.is_empty() {
                    println!("{}", path.join(" > "));
                }
                if let Some(heading) = &clause.heading {
                    println!("{heading}");
                }
                println!();
                println!("{}", clause.text);
                println!();
                let status = match &clause.status {
                    Status::InForce => en_with(
                        "cli-law-in-force",
                        &[("as_of", clause.as_of.to_string().into())],
                    ),
                    Status::NotYetInForce { since } => {
                        en_with("law-status-not-yet", &[("since", since.to_string().into())])
                    }
                    Status::Excluded { by, since } => en_with(
                        "cli-law-excluded",
                        &[
                            ("as_of", clause.as_of.to_string().into()),
                            ("by", by.clone().into()),
                            ("since", since.to_string().into()),
                        ],
                    ),
                };
                println!("{status}");
                if clause.cited_by.is_empty() {
                    println!("{}", en("law-cited-by-none"));
                } else {
                    println!(
                        "{}",
                        en_with(
                            "cli-law-cited-by",
                            &[("rules", clause.cited_by.join(", ").into())]
                        )
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
