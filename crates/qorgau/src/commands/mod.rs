//! The operator's commands. They act as the operator (`Acting::Operator`): whoever runs them
//! already holds the database.

pub mod accounts;
pub mod audit;
pub mod conscription;
pub mod law;
pub mod org;
pub mod rules;
pub mod safety;
pub mod security;
pub mod serve;

use std::process::ExitCode;

use anyhow::Context;
use qorgau_app::{App, Clock, Settings};
use qorgau_i18n::{say, say_with};
use qorgau_store::Store;

pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// Opens the database (creating a SQLite file and its folder when missing), applies migrations
/// and loads the audit key ring.
pub async fn open(database: &str) -> anyhow::Result<App> {
    let store = open_store(database).await?;
    // The audit key ring lives outside the database: holding the database is not enough to
    // rewrite the audit log.
    let audit_keys = audit::load_keys(database, &store).await?;
    Ok(App::new(
        store,
        Clock::System,
        Settings {
            audit_keys,
            ..Settings::default()
        },
    ))
}

/// Opens the database (creating a SQLite file and its folder when missing) and applies
/// migrations.
pub async fn open_store(database: &str) -> anyhow::Result<Store> {
    if let Some(path) = database
        .strip_prefix("sqlite://")
        .or_else(|| database.strip_prefix("sqlite:"))
    {
        let file = path.split('?').next().unwrap_or(path);
        if let Some(parent) = std::path::Path::new(file).parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent).with_context(|| {
                say_with(
                    "cli-cannot-create-folder",
                    &[("path", parent.display().to_string().into())],
                )
            })?;
        }
    }
    let store = Store::connect(database).await.with_context(|| {
        say_with(
            "cli-cannot-open-database",
            &[("url", qorgau_store::redact(database).into())],
        )
    })?;
    let applied = store.migrate().await.context(say("cli-migration-failed"))?;
    if applied > 0 {
        tracing::info!(applied, "migrations applied");
    }
    Ok(store)
}

pub async fn migrate(database: &str) -> anyhow::Result<ExitCode> {
    let store = Store::connect(database).await?;
    let applied = store.migrate().await?;
    println!(
        "{}",
        say_with("cli-migrated", &[("count", (applied as i64).into())])
    );
    Ok(ExitCode::SUCCESS)
}

/// Reads a file named on the command line, saying which one could not be read.
pub fn read_file(path: &std::path::Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).map_err(|e| {
        anyhow::anyhow!(
            "{}: {e}",
            say_with(
                "cli-cannot-read",
                &[("path", path.display().to_string().into())]
            )
        )
    })
}

/// Prints how many rows an import took (`summary_id` names the sentence) and, for each refused
/// row, its line, column and reason.
pub fn print_import<'a>(
    summary_id: &str,
    imported: u64,
    rejected: impl ExactSizeIterator<Item = (u64, &'a str, &'a qorgau_i18n::Message)>,
) {
    let lang = qorgau_i18n::cli_language().lang();
    println!(
        "{}",
        say_with(
            summary_id,
            &[
                ("imported", (imported as i64).into()),
                ("rejected", (rejected.len() as i64).into())
            ]
        )
    );
    for (line, column, reason) in rejected {
        println!(
            "{}",
            say_with(
                "cli-citizens-rejected",
                &[
                    ("line", (line as i64).into()),
                    ("column", column.to_owned().into()),
                    ("reason", reason.render(&lang).into())
                ]
            )
        );
    }
}

/// [`print_import`] for the reports of the CSV imports of units, strength, incidents and the
/// shareholder graph.
pub fn print_report(report: &qorgau_app::csv_import::ImportReport) {
    print_import(
        "cli-safety-imported",
        report.imported,
        report
            .rejected
            .iter()
            .map(|r| (r.line, r.column.as_str(), &r.reason)),
    );
}
