use std::process::ExitCode;

use qorgau_app::Acting;
use qorgau_i18n::{en, en_with};

#[derive(clap::Subcommand)]
pub enum AuditCommand {
    /// Walk the hash chain; exit with status 1 and name the first broken link if there is one.
    Verify,
    /// Print the latest entries, newest first.
    Log {
        #[arg(long, default_value_t = 20)]
        limit: i64,
    },
}

pub async fn run(database: &str, command: AuditCommand) -> anyhow::Result<ExitCode> {
    let app = super::open(database).await?;
    let code = match command {
        AuditCommand::Verify => {
            let report = app.verify_audit(Acting::Operator).await?;
            match report.first_break {
                None => {
                    println!(
                        "{}",
                        en_with("audit-intact", &[("entries", report.entries.into())])
                    );
                    ExitCode::SUCCESS
                }
                Some(found) => {
                    println!(
                        "{}",
                        en_with(
                            "audit-broken",
                            &[
                                ("seq", found.seq.into()),
                                ("reason", en(found.reason.message_id()).into())
                            ]
                        )
                    );
                    ExitCode::FAILURE
                }
            }
        }
        AuditCommand::Log { limit } => {
            for entry in app.latest_audit(Acting::Operator, limit).await? {
                // The stored text: what the hash covers, readable or not.
                let row = entry.stored;
                println!(
                    "{}\t{}\t{}\t{}\t{} {}",
                    row.seq, row.at, row.actor, row.action, row.entity, row.entity_id
                );
            }
            ExitCode::SUCCESS
        }
    };
    app.store().close().await;
    Ok(code)
}
