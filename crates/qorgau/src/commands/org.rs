use std::process::ExitCode;

use qorgau_app::Acting;
use qorgau_app::org::{NewUnitInput, UnitKind};
use qorgau_i18n::en_with;

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
        #[arg(long)]
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
                en_with(
                    "cli-unit-created",
                    &[("name", unit.name.into()), ("id", unit.id.into())]
                )
            );
        }
    }
    app.store().close().await;
    Ok(ExitCode::SUCCESS)
}
