//! The audit chain against whoever holds the database file but not the key file: with the
//! append-only guard dropped and raw SQL, they can cut entries from the end and move the head
//! back, or edit an entry and hash every later one again. The keyed MAC finds the second, the
//! signed checkpoints kept elsewhere find the first; rotated keys keep verifying.

use qorgau_app::audit::{AuditAction, AuditKeys, BreakReason, Change, Checkpoint, entry_hash};
use qorgau_app::{Acting, App, Clock, Permission, Scope, Settings};
use qorgau_store::Backend;
use qorgau_store::audit::StoredEntry;
use sqlx::Executor;

use crate::kit::{TestDb, databases};

const KEY_1: &str = "1:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
/// Another key under the same id: what someone guessing or making up a key would seal with.
const WRONG_KEY_1: &str = "1:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

fn ring(text: &str) -> AuditKeys {
    AuditKeys::parse(text).expect("a key ring")
}

/// An application over `db` whose audit chain is sealed with `keys`.
async fn app_with(db: &TestDb, keys: AuditKeys) -> App {
    let app = App::new(
        db.store().await,
        Clock::System,
        Settings {
            audit_keys: keys,
            ..Settings::default()
        },
    );
    app.bootstrap().await.expect("bootstrap");
    app
}

/// Appends `n` entries through the one write path.
async fn write_entries(app: &App, n: usize) {
    for i in 0..n {
        let mut w = app
            .write(Acting::Operator, Permission::ManageOrg, Scope::Anywhere)
            .await
            .expect("begin");
        w.audit(Change::recorded(
            AuditAction::OrgUnitCreate,
            "org_unit",
            i,
            serde_json::json!({ "n": i }),
        ))
        .await
        .expect("audit");
        w.commit().await.expect("commit");
    }
}

async fn exec(app: &App, sql: &str) {
    app.store()
        .pool()
        .execute(sqlx::AssertSqlSafe(sql.to_owned()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// What the database's holder can do first: drop the append-only guard.
async fn drop_guard(app: &App) {
    match app.store().backend() {
        Backend::Sqlite => {
            exec(app, "DROP TRIGGER audit_log_no_update").await;
            exec(app, "DROP TRIGGER audit_log_no_delete").await;
        }
        Backend::Postgres => exec(app, "DROP TRIGGER audit_log_no_change ON audit_log").await,
    }
}

async fn stored(app: &App) -> Vec<StoredEntry> {
    let mut conn = app.store().pool().acquire().await.expect("connection");
    qorgau_store::audit::page(&mut conn, 0, 1_000_000)
        .await
        .expect("entries")
}

/// Hashes entry `from` (edited when `edit`) and every later one again with `seal`, linking
/// each to the one before, as someone holding the database would.
fn reseal(rows: &mut [StoredEntry], from: i64, edit: bool, seal: impl Fn(&mut StoredEntry)) {
    let mut previous = rows.iter().find(|row| row.seq == from - 1).map_or_else(
        || qorgau_app::audit::GENESIS.to_owned(),
        |row| row.hash.clone(),
    );
    for row in rows.iter_mut().filter(|row| row.seq >= from) {
        if edit && row.seq == from {
            row.after_json = Some("{\"forged\":true}".to_owned());
        }
        row.prev_hash = previous.clone();
        seal(row);
        previous = row.hash.clone();
    }
}

/// Writes `rows` over the stored entries and moves the head to the last of them.
async fn overwrite(app: &App, rows: &[StoredEntry]) {
    let pool = app.store().pool();
    for row in rows {
        sqlx::query(
            "UPDATE audit_log SET after_json = $1, prev_hash = $2, hash = $3, key_id = $4 \
             WHERE seq = $5",
        )
        .bind(row.after_json.clone())
        .bind(row.prev_hash.clone())
        .bind(row.hash.clone())
        .bind(row.key_id)
        .bind(row.seq)
        .execute(pool)
        .await
        .expect("rewrite an entry");
    }
    let last = rows.last().expect("entries");
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(last.seq)
        .bind(last.hash.clone())
        .execute(pool)
        .await
        .expect("move the head");
}

async fn checkpoint(app: &App) -> Checkpoint {
    let checkpoint = app
        .audit_checkpoint(Acting::Operator)
        .await
        .expect("checkpoint");
    // Through its file form, as it is kept elsewhere.
    let mut read = Checkpoint::parse_lines(&checkpoint.to_line()).expect("a checkpoint line");
    read.pop().expect("one checkpoint")
}

#[tokio::test]
async fn cutting_the_last_fifty_entries_and_moving_the_head_is_found_by_a_checkpoint() {
    for db in databases().await {
        let label = db.label;
        let app = app_with(&db, ring(KEY_1)).await;
        write_entries(&app, 100).await;
        let middle = checkpoint(&app).await;
        write_entries(&app, 60).await;
        let end = checkpoint(&app).await;
        let report = app
            .verify_audit_against(Acting::Operator, &[middle.clone(), end.clone()])
            .await
            .expect(label);
        assert!(report.is_intact(), "{label}: {report:?}");
        let last = end.seq;
        let kept = last - 50;

        drop_guard(&app).await;
        exec(&app, &format!("DELETE FROM audit_log WHERE seq > {kept}")).await;
        exec(
            &app,
            &format!(
                "UPDATE audit_head SET seq = {kept}, \
                 hash = (SELECT hash FROM audit_log WHERE seq = {kept}) WHERE id = 1"
            ),
        )
        .await;

        // The chain alone cannot tell: what is left is a whole chain whose head is its end.
        let alone = app.verify_audit(Acting::Operator).await.expect(label);
        assert!(alone.is_intact(), "{label}: {alone:?}");
        assert_eq!(alone.entries, kept, "{label}");
        // The checkpoint kept elsewhere remembers entry `last`.
        let report = app
            .verify_audit_against(Acting::Operator, &[middle.clone(), end.clone()])
            .await
            .expect(label);
        let found = report.first_break.expect("the truncation is found");
        assert_eq!(found.reason, BreakReason::Truncated, "{label}");
        assert_eq!(found.seq, kept + 1, "{label}");
        // The earlier checkpoint still agrees: it is the later one that names the cut.
        let report = app
            .verify_audit_against(Acting::Operator, std::slice::from_ref(&middle))
            .await
            .expect(label);
        assert!(report.is_intact(), "{label}: {report:?}");

        // Nor can the checkpoint be moved back to the new end without the key.
        let mut moved = end.clone();
        moved.seq = kept;
        moved.head = stored(&app).await.last().expect("entries").hash.clone();
        let report = app
            .verify_audit_against(Acting::Operator, &[middle, moved])
            .await
            .expect(label);
        let found = report.first_break.expect("the forged checkpoint is found");
        assert_eq!(found.reason, BreakReason::CheckpointForged, "{label}");
        assert_eq!(found.seq, kept, "{label}");
        app.store().close().await;
    }
}

type Forgery = (&'static str, Box<dyn Fn(&mut StoredEntry)>, BreakReason);

fn forgery(
    how: &'static str,
    seal: impl Fn(&mut StoredEntry) + 'static,
    reason: BreakReason,
) -> Forgery {
    (how, Box::new(seal), reason)
}

/// Entry 100 edited and every later entry hashed again, in each way open to someone without
/// the key: the unkeyed SHA-256 the chain began with (keeping the key id, or claiming none),
/// or a key of their own. Each is found at entry 100, with or without checkpoints.
#[tokio::test]
async fn editing_entry_100_and_hashing_the_rest_again_without_the_key_is_found() {
    let wrong = ring(WRONG_KEY_1);
    let forgeries = [
        forgery(
            "unkeyed SHA-256 under the entry's key id",
            |row| row.hash = entry_hash(row),
            BreakReason::ContentChanged,
        ),
        forgery(
            "unkeyed SHA-256, claiming no key",
            |row| {
                row.key_id = qorgau_app::audit::UNKEYED;
                row.hash = entry_hash(row);
            },
            BreakReason::Unsealed,
        ),
        forgery(
            "a wrong key under the same id",
            move |row| row.hash = wrong.entry_mac(row).expect("key 1"),
            BreakReason::ContentChanged,
        ),
    ];
    for (how, seal, reason) in forgeries {
        for db in databases().await {
            let label = db.label;
            let app = app_with(&db, ring(KEY_1)).await;
            write_entries(&app, 150).await;
            let end = checkpoint(&app).await;
            drop_guard(&app).await;
            let mut rows = stored(&app).await;
            reseal(&mut rows, 100, true, &*seal);
            overwrite(&app, &rows).await;
            for checkpoints in [vec![], vec![end.clone()]] {
                let report = app
                    .verify_audit_against(Acting::Operator, &checkpoints)
                    .await
                    .expect(label);
                let found = report.first_break.expect("the forgery is found");
                assert_eq!((found.seq, found.reason), (100, reason), "{label}: {how}");
            }
            app.store().close().await;
        }
    }
}

/// Relabelling the whole chain as written before keys existed, and hashing it all again
/// without a key, is refused from the first entry: the key ring says where the unkeyed part
/// ends.
#[tokio::test]
async fn claiming_the_whole_chain_was_never_keyed_is_found() {
    for db in databases().await {
        let label = db.label;
        let app = app_with(&db, ring(&format!("legacy:0 {KEY_1}"))).await;
        write_entries(&app, 10).await;
        drop_guard(&app).await;
        let mut rows = stored(&app).await;
        reseal(&mut rows, 1, true, |row| {
            row.key_id = qorgau_app::audit::UNKEYED;
            row.hash = entry_hash(row);
        });
        overwrite(&app, &rows).await;
        let report = app.verify_audit(Acting::Operator).await.expect(label);
        let found = report.first_break.expect("the relabelling is found");
        assert_eq!(
            (found.seq, found.reason),
            (1, BreakReason::Unsealed),
            "{label}"
        );
        app.store().close().await;
    }
}

/// Entries written before the chain was keyed (key id 0, unkeyed SHA-256) verify as before, and
/// keyed entries follow them; past the ring's `legacy:` mark an unkeyed entry is refused.
#[tokio::test]
async fn entries_from_before_the_keys_verify_as_before() {
    for db in databases().await {
        let label = db.label;
        let app = app_with(&db, ring(KEY_1)).await;
        write_entries(&app, 10).await;
        // The database as an earlier version left it: every entry unkeyed.
        drop_guard(&app).await;
        let mut rows = stored(&app).await;
        reseal(&mut rows, 1, false, |row| {
            row.key_id = qorgau_app::audit::UNKEYED;
            row.hash = entry_hash(row);
        });
        overwrite(&app, &rows).await;
        let legacy = rows.len() as i64;
        let keyed = App::new(
            db.store().await,
            Clock::System,
            Settings {
                audit_keys: ring(&format!("legacy:{legacy} {KEY_1}")),
                ..Settings::default()
            },
        );
        write_entries(&keyed, 5).await;
        let rows = stored(&keyed).await;
        assert!(
            rows.iter()
                .all(|row| (row.key_id == 0) == (row.seq <= legacy)),
            "{label}"
        );
        let report = keyed.verify_audit(Acting::Operator).await.expect(label);
        assert!(report.is_intact(), "{label}: {report:?}");
        assert_eq!(report.entries, legacy + 5, "{label}");
        // A ring that says the unkeyed part ended earlier refuses the rest of it.
        let stricter = App::new(
            db.store().await,
            Clock::System,
            Settings {
                audit_keys: ring(&format!("legacy:{} {KEY_1}", legacy - 3)),
                ..Settings::default()
            },
        );
        let report = stricter.verify_audit(Acting::Operator).await.expect(label);
        let found = report.first_break.expect("the unkeyed entry is refused");
        assert_eq!(
            (found.seq, found.reason),
            (legacy - 2, BreakReason::Unsealed),
            "{label}"
        );
        keyed.store().close().await;
        stricter.store().close().await;
        app.store().close().await;
    }
}

/// Whoever holds the key can seal a rewritten chain (the README says so); a checkpoint shipped
/// elsewhere before the rewrite still finds it.
#[tokio::test]
async fn a_rewrite_with_the_key_is_found_by_an_earlier_checkpoint() {
    for db in databases().await {
        let label = db.label;
        let keys = ring(KEY_1);
        let app = app_with(&db, keys.clone()).await;
        write_entries(&app, 30).await;
        let end = checkpoint(&app).await;
        drop_guard(&app).await;
        let mut rows = stored(&app).await;
        reseal(&mut rows, 20, true, |row| {
            row.hash = keys.entry_mac(row).expect("key 1");
        });
        overwrite(&app, &rows).await;
        let alone = app.verify_audit(Acting::Operator).await.expect(label);
        assert!(alone.is_intact(), "{label}: {alone:?}");
        let report = app
            .verify_audit_against(Acting::Operator, std::slice::from_ref(&end))
            .await
            .expect(label);
        let found = report.first_break.expect("the rewrite is found");
        assert_eq!(
            (found.seq, found.reason),
            (end.seq, BreakReason::CheckpointMismatch),
            "{label}"
        );
        app.store().close().await;
    }
}

/// After a rotation the newest key seals; the entries and checkpoints sealed before and after
/// verify with the ring that holds both keys, and a ring missing either names the first entry
/// it cannot check.
#[tokio::test]
async fn entries_sealed_before_and_after_a_rotation_verify() {
    for db in databases().await {
        let label = db.label;
        let first = ring(&format!("legacy:0 {KEY_1}"));
        let app = app_with(&db, first.clone()).await;
        write_entries(&app, 20).await;
        let before = checkpoint(&app).await;
        let rotated = first.rotated();
        assert_eq!(rotated.ids(), vec![1, 2], "{label}");
        let app2 = App::new(
            db.store().await,
            Clock::System,
            Settings {
                audit_keys: rotated.clone(),
                ..Settings::default()
            },
        );
        write_entries(&app2, 20).await;
        let after = checkpoint(&app2).await;
        assert_eq!(after.key_id, 2, "{label}");
        let rows = stored(&app2).await;
        let first_new = before.seq + 1;
        assert!(
            rows.iter()
                .all(|row| row.key_id == if row.seq < first_new { 1 } else { 2 }),
            "{label}"
        );
        let report = app2
            .verify_audit_against(Acting::Operator, &[before.clone(), after.clone()])
            .await
            .expect(label);
        assert!(report.is_intact(), "{label}: {report:?}");
        assert_eq!(report.entries, after.seq, "{label}");

        // The old ring lacks key 2.
        let report = app.verify_audit(Acting::Operator).await.expect(label);
        let found = report
            .first_break
            .expect("key 2 is unknown to the old ring");
        assert_eq!(
            (found.seq, found.reason),
            (first_new, BreakReason::KeyUnknown),
            "{label}"
        );
        // A ring that dropped key 1 cannot check the first entries, nor the first checkpoint.
        let without_one: String = rotated
            .to_text()
            .lines()
            .filter(|line| !line.starts_with("1:"))
            .collect::<Vec<_>>()
            .join("\n");
        let app3 = App::new(
            db.store().await,
            Clock::System,
            Settings {
                audit_keys: ring(&without_one),
                ..Settings::default()
            },
        );
        let report = app3
            .verify_audit_against(Acting::Operator, &[before])
            .await
            .expect(label);
        let found = report.first_break.expect("key 1 is missing");
        assert_eq!(
            (found.seq, found.reason),
            (1, BreakReason::KeyUnknown),
            "{label}"
        );
        for app in [app, app2, app3] {
            app.store().close().await;
        }
    }
}

fn qorgau(dir: &std::path::Path, args: &[&str], key: Option<&str>) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_qorgau"));
    command
        .env("QORGAU_LANGUAGE", "en")
        .args(args)
        .env(
            "QORGAU_DATABASE",
            format!("sqlite://{}", dir.join("q.db").display()),
        )
        .env("RUST_LOG", "warn")
        .env_remove("QORGAU_AUDIT_KEY_FILE")
        .env_remove("QORGAU_AUDIT_CHECKPOINTS");
    match key {
        Some(key) => command.env("QORGAU_AUDIT_KEY", key),
        None => command.env_remove("QORGAU_AUDIT_KEY"),
    };
    command.output().expect("run qorgau")
}

fn stdout(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The operator's side: the key file made on first start (its owner's only), checkpoints
/// written to a file kept elsewhere, rotation, the ring from the environment, and
/// `audit verify --checkpoints` naming a truncation.
#[test]
fn the_command_line_keeps_keys_and_checkpoints_outside_the_database() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let elsewhere = tempfile::tempdir().expect("temporary folder");
    let checkpoints = elsewhere.path().join("checkpoints.log");
    let checkpoints = checkpoints.to_str().expect("a path");
    let add = |name: &str| {
        qorgau(
            dir.path(),
            &[
                "user",
                "add",
                name,
                "--name",
                "Someone",
                "--unit",
                "Republic of Kazakhstan",
                "--role",
                "analyst",
            ],
            None,
        )
    };
    let first = add("a.one");
    assert!(first.status.success(), "{}", stdout(&first));
    let key_file = dir.path().join("audit.key");
    let ring_text = std::fs::read_to_string(&key_file).expect("the key file was made");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    let written = qorgau(
        dir.path(),
        &["audit", "checkpoint", "--out", checkpoints],
        None,
    );
    assert!(written.status.success(), "{}", stdout(&written));

    let rotated = qorgau(dir.path(), &["audit", "rotate-key"], None);
    assert!(rotated.status.success(), "{}", stdout(&rotated));
    let ring_after = std::fs::read_to_string(&key_file).expect("the key file");
    assert!(
        ring_text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .all(|l| ring_after.contains(l)),
        "the old keys are kept"
    );
    assert!(
        ring_after.lines().any(|l| l.starts_with("2:")),
        "{ring_after}"
    );
    let second = add("a.two");
    assert!(second.status.success(), "{}", stdout(&second));
    let written = qorgau(
        dir.path(),
        &["audit", "checkpoint", "--out", checkpoints],
        None,
    );
    assert!(written.status.success(), "{}", stdout(&written));
    let verify = qorgau(
        dir.path(),
        &["audit", "verify", "--checkpoints", checkpoints],
        None,
    );
    assert!(verify.status.success(), "{}", stdout(&verify));
    assert!(
        stdout(&verify).contains("agrees with 2 checkpoints"),
        "{}",
        stdout(&verify)
    );

    // The ring from the environment verifies the same; a wrong key does not, and the
    // environment's ring is not rotated from here.
    let from_env = qorgau(dir.path(), &["audit", "verify"], Some(&ring_after));
    assert!(from_env.status.success(), "{}", stdout(&from_env));
    let wrong = qorgau(dir.path(), &["audit", "verify"], Some(WRONG_KEY_1));
    assert_eq!(wrong.status.code(), Some(1), "{}", stdout(&wrong));
    let refused = qorgau(dir.path(), &["audit", "rotate-key"], Some(&ring_after));
    assert!(!refused.status.success(), "{}", stdout(&refused));

    // The database's holder cuts the last entry and moves the head back.
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let url = format!("sqlite://{}", dir.path().join("q.db").display());
        let store = qorgau_store::Store::connect(&url).await.unwrap();
        let pool = store.pool();
        let last: i64 = sqlx::query_scalar("SELECT MAX(seq) FROM audit_log")
            .fetch_one(pool)
            .await
            .unwrap();
        for sql in [
            "DROP TRIGGER audit_log_no_delete".to_owned(),
            format!("DELETE FROM audit_log WHERE seq = {last}"),
            format!(
                "UPDATE audit_head SET seq = {0}, \
                 hash = (SELECT hash FROM audit_log WHERE seq = {0}) WHERE id = 1",
                last - 1
            ),
        ] {
            pool.execute(sqlx::AssertSqlSafe(sql)).await.unwrap();
        }
        store.close().await;
    });
    let alone = qorgau(dir.path(), &["audit", "verify"], None);
    assert!(alone.status.success(), "{}", stdout(&alone));
    let verify = qorgau(
        dir.path(),
        &["audit", "verify", "--checkpoints", checkpoints],
        None,
    );
    assert_eq!(verify.status.code(), Some(1), "{}", stdout(&verify));
    assert!(
        stdout(&verify).contains("a checkpoint records a later entry"),
        "{}",
        stdout(&verify)
    );
    // The key ring goes missing: no command silently makes a new one, and a new ring is
    // started only on purpose, after which the entries sealed before do not verify.
    std::fs::remove_file(&key_file).expect("remove the key ring");
    let refused = add("a.three");
    assert!(!refused.status.success(), "{}", stdout(&refused));
    assert!(
        stdout(&refused).contains("no key ring"),
        "{}",
        stdout(&refused)
    );
    assert!(
        !key_file.exists(),
        "no ring was made behind the operator's back"
    );
    let started = qorgau(dir.path(), &["audit", "new-ring"], None);
    assert!(started.status.success(), "{}", stdout(&started));
    let again = qorgau(dir.path(), &["audit", "new-ring"], None);
    assert!(!again.status.success(), "{}", stdout(&again));
    let verify = qorgau(dir.path(), &["audit", "verify"], None);
    assert_eq!(verify.status.code(), Some(1), "{}", stdout(&verify));
}
