use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use qorgau_app::law::ClauseStatus;
use qorgau_app::{Acting, App};
use qorgau_i18n::{cli_language, say, say_with};
use qorgau_law::ImportMeta;

#[derive(clap::Subcommand)]
pub enum LawCommand {
    /// List the acts with their node counts.
    Acts,
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
    /// List every rule whose basis has changed on a date (a cited act not yet in force or
    /// repealed, a cited clause excluded), the texts that disagree and the caveats.
    Watch {
        /// The date to watch (YYYY-MM-DD); today in Asia/Almaty when absent.
        #[arg(long)]
        as_of: Option<chrono::NaiveDate>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Export an act as Akoma Ntoso 3.0 XML.
    Export {
        /// The act id, such as kz-2005-29.
        act: String,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Import a plain-text act (chapters, articles, paragraphs "1.", points "1)", appendices),
    /// written in Kazakh, Russian or English, and print what was recognised.
    Import {
        /// The text file.
        file: PathBuf,
        /// The act's id, such as kz-2023-212-VII (lower-case letters, digits, '-', Roman numerals).
        #[arg(long)]
        act: String,
        /// The act's title.
        #[arg(long)]
        title: String,
        /// The date of adoption (YYYY-MM-DD).
        #[arg(long)]
        adopted: Option<chrono::NaiveDate>,
        /// The first day the act applies (YYYY-MM-DD).
        #[arg(long)]
        in_force_from: chrono::NaiveDate,
        /// The language the text is written in: kk (5-бап, 1-тарау), ru (Статья 5, Глава 1) or
        /// en (Article 5, Chapter 1).
        #[arg(long)]
        text_language: qorgau_i18n::Language,
    },
}

pub async fn run(database: &str, command: LawCommand) -> anyhow::Result<ExitCode> {
    let app = super::open(database).await?;
    app.load_library().await?;
    let code = run_with(&app, command).await;
    app.store().close().await;
    code
}

async fn run_with(app: &App, command: LawCommand) -> anyhow::Result<ExitCode> {
    let acting = Acting::Operator;
    match command {
        LawCommand::Acts => {
            let lang = cli_language().lang();
            for act in app.law_acts(acting)? {
                let act = act.speaking(&lang);
                let counts: Vec<String> = act
                    .counts
                    .iter()
                    .map(|(kind, n)| {
                        say_with(
                            "cli-law-count",
                            &[
                                ("kind", kind.as_str().into()),
                                ("count", (*n as i64).into()),
                            ],
                        )
                        .trim()
                        .to_owned()
                    })
                    .collect();
                println!("{}\t{}\t{}", act.id, act.title, counts.join(", "));
            }
        }
        LawCommand::Watch { as_of, json } => {
            let watch = app.law_watch(acting, as_of).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&watch)?);
            } else {
                let lang = qorgau_i18n::cli_language().lang();
                for rule in &watch.rules {
                    for changed in &rule.changes {
                        let change = changed.change.message(&changed.clause).render(&lang);
                        println!(
                            "{}",
                            say_with(
                                "cli-law-watch-rule",
                                &[
                                    ("rule", rule.rule.as_str().into()),
                                    ("change", change.into())
                                ]
                            )
                        );
                    }
                }
                for disagreement in &watch.disagreements {
                    println!(
                        "{}\t{}",
                        disagreement.clauses.join(" / "),
                        say_with(&disagreement.message_id, &[])
                    );
                }
                for caveat in &watch.caveats {
                    println!("{}\t{}", caveat.act, say_with(&caveat.message_id, &[]));
                }
                for decision in &watch.decisions {
                    println!(
                        "{}",
                        say_with(
                            "cli-law-watch-decision",
                            &[
                                ("receipt", decision.receipt.to_string().into()),
                                ("rule", decision.rule.as_str().into()),
                                (
                                    "entity",
                                    format!("{} {}", decision.entity, decision.entity_id).into()
                                ),
                                ("as_of", decision.as_of.to_string().into()),
                            ]
                        )
                    );
                }
            }
        }
        LawCommand::Export { act, out } => {
            let xml = app.law_export_akn(acting, &act)?;
            match out {
                Some(path) => {
                    std::fs::write(&path, xml).with_context(|| {
                        say_with(
                            "cli-cannot-write",
                            &[("path", path.display().to_string().into())],
                        )
                    })?;
                    println!(
                        "{}",
                        say_with(
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
        LawCommand::Import {
            file,
            act,
            title,
            adopted,
            in_force_from,
            text_language,
        } => {
            let text = std::fs::read_to_string(&file).with_context(|| {
                say_with(
                    "cli-cannot-read",
                    &[("path", file.display().to_string().into())],
                )
            })?;
            let meta = ImportMeta {
                id: act.clone(),
                title,
                adopted,
                in_force_from,
                source_file: file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                language: text_language.into(),
            };
            let report = app.import_act(acting, meta, &text).await?;
            println!("{}", say_with("cli-law-imported", &[("act", act.into())]));
            for (kind, count) in &report.counts {
                let kind = serde_json::to_value(kind)?
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                println!(
                    "{}",
                    say_with(
                        "cli-law-count",
                        &[("kind", kind.into()), ("count", (*count as i64).into())]
                    )
                );
            }
            if report.preamble {
                println!("{}", say("cli-law-preamble"));
            }
            for note in &report.interpretations {
                println!(
                    "{}",
                    say_with(
                        "cli-law-gap",
                        &[("note", note.render(&cli_language().lang()).into())]
                    )
                );
            }
            for line in &report.unplaced {
                println!(
                    "{}",
                    say_with("cli-law-unplaced", &[("line", line.clone().into())])
                );
            }
            if !report.dropped.is_empty() {
                println!(
                    "{}",
                    say_with(
                        "cli-law-dropped",
                        &[("count", (report.dropped.len() as i64).into())]
                    )
                );
            }
        }
        LawCommand::Search {
            query,
            act,
            as_of,
            limit,
            json,
        } => {
            let hits = app.law_search(acting, &query, act.as_deref(), as_of, limit)?;
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
                    say_with(
                        "law-search-results",
                        &[("count", (hits.len() as i64).into())]
                    )
                );
            }
        }
        LawCommand::Show { id, as_of, json } => {
            let clause = app.law_clause(acting, &id, as_of)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&clause)?);
            } else {
                let path: Vec<String> = clause
                    .breadcrumbs
                    .iter()
                    .map(|c| c.heading.clone().unwrap_or_else(|| c.id.clone()))
                    .collect();
                println!("{}", clause.id);
                println!(
                    "{}",
                    qorgau_app::law::act_title(&clause.act_title, &cli_language().lang())
                );
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
                    ClauseStatus::InForce => say_with(
                        "cli-law-in-force",
                        &[("as_of", clause.as_of.to_string().into())],
                    ),
                    ClauseStatus::NotYetInForce { since } => {
                        say_with("law-status-not-yet", &[("since", since.to_string().into())])
                    }
                    ClauseStatus::Repealed { by, since } => say_with(
                        "law-status-repealed",
                        &[
                            ("by", qorgau_law::act_name(by)),
                            ("since", since.to_string().into()),
                        ],
                    ),
                    ClauseStatus::Excluded { by, since } => say_with(
                        "cli-law-excluded",
                        &[
                            ("as_of", clause.as_of.to_string().into()),
                            ("by", qorgau_law::act_name(by)),
                            ("since", since.to_string().into()),
                        ],
                    ),
                };
                println!("{status}");
                if clause.cited_by.is_empty() {
                    println!("{}", say("law-cited-by-none"));
                } else {
                    println!(
                        "{}",
                        say_with(
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
