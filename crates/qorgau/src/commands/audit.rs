//! The audit log from the command line: verifying the chain (against checkpoints kept
//! elsewhere), signing checkpoints, rotating the key; and where the key ring and the
//! checkpoints live beside the database.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use qorgau_app::audit::{AuditKeys, Checkpoint};
use qorgau_app::{Acting, App};
use qorgau_i18n::{say, say_with};
use qorgau_store::Store;

/// The key ring itself, in its text form, as a secret in the environment (`ID:KEY` items, or
/// one bare key): when set, no key file is read or made.
pub const KEY_ENV: &str = "QORGAU_AUDIT_KEY";
/// The key ring file, when it is not `audit.key` in the data folder.
pub const KEY_FILE_ENV: &str = "QORGAU_AUDIT_KEY_FILE";

#[derive(clap::Subcommand)]
pub enum AuditCommand {
    /// Walk the hash chain; exit with status 1 and name the first broken link if there is one.
    Verify {
        /// Checkpoints kept outside the database (one JSON line each, as `audit checkpoint`
        /// writes them): every one must name an entry that is still there, with its hash.
        #[arg(long)]
        checkpoints: Option<PathBuf>,
    },
    /// Print the latest entries, newest first.
    Log {
        #[arg(long, default_value_t = 20)]
        limit: i64,
    },
    /// Sign a checkpoint of the chain's head and append it to a file (- prints it), to be
    /// kept where the database's holder cannot reach.
    Checkpoint {
        /// The file to append to; the data folder's audit-checkpoints.log by default.
        #[arg(long, env = "QORGAU_AUDIT_CHECKPOINTS")]
        out: Option<PathBuf>,
    },
    /// Add a new key to the key ring: it seals new entries from now on, and the older keys
    /// stay for verification.
    RotateKey,
    /// Start a new key ring when the one the log was sealed with is lost: the entries sealed
    /// before cannot be verified any more, and `audit verify` will say so. Refused while a
    /// ring is in place.
    NewRing,
}

/// The folder of Qorgau's own files beside the database: the SQLite file's folder, or
/// `qorgau-data` for a database on a server.
pub fn data_dir(database: &str) -> PathBuf {
    let file = database
        .strip_prefix("sqlite://")
        .or_else(|| database.strip_prefix("sqlite:"))
        .map(|path| path.split('?').next().unwrap_or(path));
    match file {
        Some(file) if !file.is_empty() && file != ":memory:" => Path::new(file)
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        _ => PathBuf::from("qorgau-data"),
    }
}

/// Where the key ring file is.
pub fn key_file(database: &str) -> PathBuf {
    std::env::var_os(KEY_FILE_ENV)
        .filter(|path| !path.is_empty())
        .map_or_else(|| data_dir(database).join("audit.key"), PathBuf::from)
}

/// Where checkpoints go unless told otherwise.
pub fn checkpoint_file(database: &str) -> PathBuf {
    data_dir(database).join("audit-checkpoints.log")
}

fn ring_from_environment() -> Option<String> {
    std::env::var(KEY_ENV)
        .ok()
        .filter(|text| !text.trim().is_empty())
}

/// The key ring file's text: a comment for whoever opens it, then the ring.
fn ring_text(keys: &AuditKeys) -> String {
    format!("# {}\n{}", say("audit-keys-file-header"), keys.to_text())
}

/// A temporary file beside `path` with an unpredictable name, readable by its owner only,
/// holding `text`, synced.
fn private_temporary(path: &Path, text: &str) -> std::io::Result<tempfile::NamedTempFile> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    // tempfile makes the file with mode 0600 on Unix and a random name, opened exclusively.
    let mut file = tempfile::Builder::new()
        .prefix(".audit.key.")
        .tempfile_in(folder)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    Ok(file)
}

/// Writes a new key file whole, only if none is there: two processes starting at once make
/// one ring, and a reader never sees half a file.
fn create_key_file(path: &Path, text: &str) -> std::io::Result<()> {
    private_temporary(path, text)?
        .persist_noclobber(path)
        .map(drop)
        .map_err(|error| error.error)
}

fn parse_ring(text: &str, source: &str) -> anyhow::Result<AuditKeys> {
    AuditKeys::parse(text)
        .with_context(|| say_with("audit-keys-unreadable", &[("source", source.into())]))
}

/// The audit key ring: from the environment, or from the key file, which is made (with one
/// fresh key, readable by its owner only) when missing.
pub async fn load_keys(database: &str, store: &Store) -> anyhow::Result<AuditKeys> {
    if let Some(text) = ring_from_environment() {
        return parse_ring(&text, KEY_ENV);
    }
    let path = key_file(database);
    let shown = path.display().to_string();
    let cannot_read = || say_with("cli-cannot-read", &[("path", shown.clone().into())]);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            warn_if_others_can_read(&path);
            return parse_ring(&text, &shown);
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
        Err(error) => return Err(anyhow::Error::new(error).context(cannot_read())),
    }
    let (head, keyed) = qorgau_app::audit::head_state(store).await?;
    if keyed {
        // The entries were sealed with a ring that is not here: a new one would seal new
        // entries that verify while the old ones never can. That is the operator's choice
        // (`audit new-ring`), never a silent one.
        anyhow::bail!(say_with("audit-keys-missing", &[("path", shown.into())]));
    }
    let keys = AuditKeys::generate(head);
    match create_key_file(&path, &ring_text(&keys)) {
        Ok(()) => {
            tracing::info!(path = %shown, "audit key ring created");
            Ok(keys)
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            let text = std::fs::read_to_string(&path).with_context(cannot_read)?;
            parse_ring(&text, &shown)
        }
        Err(error) => Err(anyhow::Error::new(error).context(say_with(
            "cli-cannot-write",
            &[("path", shown.clone().into())],
        ))),
    }
}

/// `audit new-ring`: a fresh ring in the key file, only where there is none.
async fn new_ring(database: &str) -> anyhow::Result<ExitCode> {
    if ring_from_environment().is_some() {
        anyhow::bail!(say("audit-keys-in-environment"));
    }
    let store = super::open_store(database).await?;
    let (head, _) = qorgau_app::audit::head_state(&store).await?;
    let path = key_file(database);
    let shown = path.display().to_string();
    match create_key_file(&path, &ring_text(&AuditKeys::generate(head))) {
        Ok(()) => {
            println!("{}", say_with("audit-new-ring", &[("path", shown.into())]));
            Ok(ExitCode::SUCCESS)
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            anyhow::bail!(say_with("audit-ring-exists", &[("path", shown.into())]))
        }
        Err(error) => Err(anyhow::Error::new(error)
            .context(say_with("cli-cannot-write", &[("path", shown.into())]))),
    }
}

fn warn_if_others_can_read(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path)
            && meta.permissions().mode() & 0o077 != 0
        {
            tracing::warn!(path = %path.display(), "the audit key file can be read by others than its owner");
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Appends `checkpoint` to `path` as one line, and makes it durable.
pub fn append_checkpoint(path: &Path, checkpoint: &Checkpoint) -> anyhow::Result<()> {
    let cannot_write = || {
        say_with(
            "cli-cannot-write",
            &[("path", path.display().to_string().into())],
        )
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(cannot_write)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .with_context(cannot_write)?;
    writeln!(file, "{}", checkpoint.to_line()).with_context(cannot_write)?;
    file.sync_data().with_context(cannot_write)?;
    Ok(())
}

/// Signs a checkpoint now and appends it to `path`; a failure is logged, not fatal (the
/// server keeps serving).
pub async fn checkpoint_once(app: &App, path: &Path) -> Option<Checkpoint> {
    let written = match app.audit_checkpoint(Acting::Operator).await {
        Ok(checkpoint) => append_checkpoint(path, &checkpoint).map(|()| checkpoint),
        Err(error) => Err(error.into()),
    };
    match written {
        Ok(checkpoint) => Some(checkpoint),
        Err(error) => {
            tracing::warn!(error = %format!("{error:#}"), "no audit checkpoint was written");
            None
        }
    }
}

/// The server's checkpoints: a look every minute, a checkpoint when the chain grew by
/// `EVERY_ENTRIES` entries, or grew at all in the last ten minutes, and one at start.
pub async fn checkpoint_periodically(app: App, path: PathBuf) {
    const EVERY_ENTRIES: i64 = 1_000;
    const EVERY: std::time::Duration = std::time::Duration::from_secs(600);
    let mut interval = tokio::time::interval(std::time::Duration::from_secs(60));
    let mut last: Option<(i64, std::time::Instant)> = None;
    loop {
        interval.tick().await;
        let due = match last {
            None => true,
            Some((seq, at)) => match qorgau_app::audit::head_state(app.store()).await {
                Ok((now, _)) => now >= seq + EVERY_ENTRIES || (now > seq && at.elapsed() >= EVERY),
                Err(error) => {
                    tracing::warn!(%error, "the audit head could not be read");
                    false
                }
            },
        };
        if due && let Some(checkpoint) = checkpoint_once(&app, &path).await {
            last = Some((checkpoint.seq, std::time::Instant::now()));
        }
    }
}

pub async fn run(database: &str, command: AuditCommand) -> anyhow::Result<ExitCode> {
    if let AuditCommand::NewRing = command {
        return new_ring(database).await;
    }
    let app = super::open(database).await?;
    let code = match command {
        AuditCommand::Verify { checkpoints } => {
            let marks = match &checkpoints {
                Some(path) => {
                    Checkpoint::parse_lines(&super::read_file(path)?).with_context(|| {
                        say_with(
                            "audit-checkpoints-unreadable",
                            &[("path", path.display().to_string().into())],
                        )
                    })?
                }
                None => Vec::new(),
            };
            let report = app.verify_audit_against(Acting::Operator, &marks).await?;
            match report.first_break {
                None if checkpoints.is_some() => {
                    println!(
                        "{}",
                        say_with(
                            "audit-intact-checkpoints",
                            &[
                                ("entries", report.entries.into()),
                                ("checkpoints", marks.len().into())
                            ]
                        )
                    );
                    ExitCode::SUCCESS
                }
                None => {
                    println!(
                        "{}",
                        say_with("audit-intact", &[("entries", report.entries.into())])
                    );
                    ExitCode::SUCCESS
                }
                Some(found) => {
                    println!(
                        "{}",
                        say_with(
                            "audit-broken",
                            &[
                                ("seq", found.seq.to_string().into()),
                                ("reason", say(found.reason.message_id()).into())
                            ]
                        )
                    );
                    ExitCode::FAILURE
                }
            }
        }
        AuditCommand::Checkpoint { out } => {
            let checkpoint = app.audit_checkpoint(Acting::Operator).await?;
            let path = out.unwrap_or_else(|| checkpoint_file(database));
            if path.as_os_str() == "-" {
                println!("{}", checkpoint.to_line());
            } else {
                append_checkpoint(&path, &checkpoint)?;
                println!(
                    "{}",
                    say_with(
                        "audit-checkpoint-written",
                        &[
                            ("seq", checkpoint.seq.to_string().into()),
                            ("path", path.display().to_string().into())
                        ]
                    )
                );
            }
            ExitCode::SUCCESS
        }
        AuditCommand::RotateKey => {
            if ring_from_environment().is_some() {
                anyhow::bail!(say("audit-keys-in-environment"));
            }
            let path = key_file(database);
            let shown = path.display().to_string();
            let rotated = app.settings().audit_keys.rotated();
            private_temporary(&path, &ring_text(&rotated))
                .and_then(|temporary| temporary.persist(&path).map_err(|error| error.error))
                .with_context(|| say_with("cli-cannot-write", &[("path", shown.clone().into())]))?;
            println!(
                "{}",
                say_with(
                    "audit-key-rotated",
                    &[
                        ("id", rotated.sealing_id().to_string().into()),
                        ("path", shown.into())
                    ]
                )
            );
            ExitCode::SUCCESS
        }
        AuditCommand::NewRing => return new_ring(database).await,
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
