use std::process::ExitCode;

use qorgau_app::Acting;
use qorgau_app::org::{NewUnitInput, UnitKind};
use qorgau_i18n::say_with;

/// Reads a unit kind, naming every kind when the word is none of them.
fn parse_unit_kind(word: &str) -> Result<UnitKind, String> {
    word.parse().map_err(|_| {
        let known: Vec<&str> = UnitKind::ALL.iter().map(|k| k.as_str()).collect();
        say_with(
            "cli-unknown-unit-kind",
            &[("value", word.into()), ("known", known.join(", ").into())],
        )
    })
}

#[derive(clap::Subcommand)]
pub enum OrgCommand {
    /// Print the tree.
    List,
    /// Add a unit under a parent (exact name).
    Add {
        name: String,
        #[arg(long)]
        parent: String,
        /// state, ministry, operational_strategic, operational_territorial, operational_tactical,
        /// tactical, local, military_unit, department, service, military_administration, council or other.
        #[arg(long, value_parser = parse_unit_kind)]
        kind: UnitKind,
    },
}

pub async fn run(database: &str, command: OrgCommand) -> anyhow::Result<ExitCode> {
    let app = super::open(database).await?;
    app.bootstrap().await?;
    match command {
        OrgCommand::List => {
            for unit in app.list_units(Acting::Operator).await? {
                println!(
                    "{}{}\t{}\t{}",
                    "  ".repeat(unit.depth),
                    unit.name,
                    unit.kind,
                    unit.id
                );
            }
        }
        OrgCommand::Add { name, parent, kind } => {
            let parent = app.find_unit_by_name(&parent).await?;
            let unit = app
                .create_unit(
                    Acting::Operator,
                    NewUnitInput {
                        parent_id: parent.id,
                        name,
                        kind,
                    },
                )
                .await?;
            println!(
                "{}",
                say_with(
                    "cli-unit-created",
                    &[
                        ("name", unit.name.into()),
                        ("id", unit.id.to_string().into())
                    ]
                )
            );
        }
    }
    app.store().close().await;
    Ok(ExitCode::SUCCESS)
}
