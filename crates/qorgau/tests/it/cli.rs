//! The binary as an operator uses it.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use sqlx::Executor;

fn qorgau(database: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_qorgau"))
        .env("QORGAU_LANGUAGE", "en")
        .args(args)
        .env("QORGAU_DATABASE", database)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run qorgau")
}

fn temp_database() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("cli.db").display());
    (dir, url)
}

#[test]
fn rules_list_and_eval() {
    let (_dir, db) = temp_database();
    let list = qorgau(&db, &["rules", "list", "--json"]);
    assert!(list.status.success());
    let rules: serde_json::Value = serde_json::from_slice(&list.stdout).expect("JSON");
    let plan = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "safety.plan_due")
        .expect("the rule is listed");
    assert_eq!(plan["citations"][0], "kz-2020-mod-738/para_5");
    assert!(plan["facts_schema"]["properties"]["year"].is_object());

    let mut child = Command::new(env!("CARGO_BIN_EXE_qorgau"))
        .env("QORGAU_LANGUAGE", "en")
        .args([
            "eval",
            "--rule",
            "safety.plan_due",
            "--facts",
            "-",
            "--as-of",
            "2025-12-25",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{"year": 2026}"#)
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let decision: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(decision["rule"], "safety.plan_due");
    assert_eq!(decision["as_of"], "2025-12-25");
    assert_eq!(decision["outcome"]["last_day"], "2025-12-24");
    assert_eq!(decision["outcome"]["days_left"], -1);
    assert_eq!(decision["citations"][0], "kz-2020-mod-738/para_5");
    assert!(
        decision["explanation"][1]
            .as_str()
            .unwrap()
            .contains("one day ago")
    );

    let dir = tempfile::tempdir().unwrap();
    let facts = dir.path().join("facts.json");
    std::fs::write(&facts, r#"{"yaer": 2026}"#).unwrap();
    let bad = qorgau(
        &db,
        &[
            "eval",
            "--rule",
            "safety.plan_due",
            "--facts",
            facts.to_str().unwrap(),
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("yaer"));
    let missing = qorgau(
        &db,
        &[
            "eval",
            "--rule",
            "safety.plan_due",
            "--facts",
            "/no/such/file.json",
        ],
    );
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("Cannot read /no/such/file.json"));
}

#[test]
fn users_from_the_command_line_and_audit_verify() {
    let (_dir, db) = temp_database();
    let migrate = qorgau(&db, &["migrate"]);
    assert!(
        migrate.status.success(),
        "{}",
        String::from_utf8_lossy(&migrate.stderr)
    );
    let add = qorgau(
        &db,
        &[
            "user",
            "add",
            "a.analyst",
            "--name",
            "Aliya Analyst",
            "--unit",
            "Republic of Kazakhstan",
            "--role",
            "analyst",
        ],
    );
    assert!(
        add.status.success(),
        "{}",
        String::from_utf8_lossy(&add.stderr)
    );
    assert!(String::from_utf8_lossy(&add.stdout).contains("One-time password"));
    let bad_role = qorgau(
        &db,
        &[
            "user",
            "add",
            "b.b",
            "--name",
            "B",
            "--unit",
            "Republic of Kazakhstan",
            "--role",
            "general",
        ],
    );
    assert!(!bad_role.status.success());
    // Refused by the command line in its language, naming the option and the value.
    let refused = String::from_utf8_lossy(&bad_role.stderr);
    assert!(
        refused.contains("\"general\"") && refused.contains("--role"),
        "{refused}"
    );
    let bad_unit = qorgau(
        &db,
        &[
            "user", "add", "b.b", "--name", "B", "--unit", "Atlantis", "--role", "analyst",
        ],
    );
    assert!(!bad_unit.status.success());
    assert!(String::from_utf8_lossy(&bad_unit.stderr).contains("Atlantis"));
    assert!(
        qorgau(
            &db,
            &[
                "user",
                "role",
                "a.analyst",
                "--role",
                "auditor",
                "--unit",
                "Republic of Kazakhstan"
            ]
        )
        .status
        .success()
    );
    assert!(
        qorgau(&db, &["user", "disable", "a.analyst"])
            .status
            .success()
    );
    let list = qorgau(&db, &["user", "list"]);
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(
        text.contains("a.analyst") && text.contains("disabled") && text.contains("auditor"),
        "{text}"
    );
    let token = qorgau(&db, &["user", "token", "admin"]);
    assert!(String::from_utf8_lossy(&token.stdout).starts_with("qrg_"));

    let verify = qorgau(&db, &["audit", "verify"]);
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
    assert!(String::from_utf8_lossy(&verify.stdout).contains("intact"));

    // Tamper with entry 2 behind the application's back.
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = qorgau_store::Store::connect(&db).await.unwrap();
        store
            .pool()
            .execute("DROP TRIGGER audit_log_no_update")
            .await
            .unwrap();
        store
            .pool()
            .execute("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2")
            .await
            .unwrap();
        store.close().await;
    });
    let verify = qorgau(&db, &["audit", "verify"]);
    assert_eq!(verify.status.code(), Some(1));
    let text = String::from_utf8_lossy(&verify.stdout);
    assert!(text.contains("broken at entry 2"), "{text}");
}

#[test]
fn serve_prints_the_login_and_stops_gracefully() {
    let (_dir, db) = temp_database();
    let mut child = Command::new(env!("CARGO_BIN_EXE_qorgau"))
        .env("QORGAU_LANGUAGE", "en")
        .args(["serve", "--demo", "--listen", "127.0.0.1:0"])
        .env("QORGAU_DATABASE", &db)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let serving = lines.next().unwrap().unwrap();
    let url = serving
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("URL printed")
        .to_owned();
    let admin = lines.next().unwrap().unwrap();
    assert!(admin.contains("one-time password"), "{admin}");
    let demo = lines.next().unwrap().unwrap();
    assert!(demo.contains("demo organisation tree"), "{demo}");
    let citizens = lines.next().unwrap().unwrap();
    assert!(citizens.contains("200 generated citizens"), "{citizens}");
    let safety = lines.next().unwrap().unwrap();
    assert!(safety.contains("security-of-service demo"), "{safety}");
    let health = tokio::runtime::Runtime::new().unwrap().block_on(async {
        reqwest::get(format!("{url}/healthz"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    });
    assert_eq!(health, "ok");
    let kill = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status}");
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(rest.iter().any(|l| l == "Stopped."), "{rest:?}");
}

#[test]
fn law_show_reads_a_clause_on_a_date() {
    let (_dir, db) = temp_database();
    let before = qorgau(
        &db,
        &[
            "law",
            "show",
            "kz-2005-29/art_22__para_2__point_15",
            "--as-of",
            "2025-01-01",
        ],
    );
    assert!(before.status.success());
    assert!(String::from_utf8_lossy(&before.stdout).contains("In force on 2025-01-01."));
    let after = qorgau(
        &db,
        &[
            "law",
            "show",
            "kz-2005-29/art_22__para_2__point_15",
            "--as-of",
            "2026-01-01",
            "--json",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    assert_eq!(json["status"]["status"], "excluded");
    // The watch: after 15 September 2022 the safety rules rest on a repealed order.
    let watch = qorgau(&db, &["law", "watch", "--as-of", "2026-11-29"]);
    assert!(watch.status.success());
    let listed = String::from_utf8_lossy(&watch.stdout);
    assert!(
        listed.contains("safety.plan_due") && listed.contains("No. 753"),
        "{listed}"
    );
    let early = qorgau(&db, &["law", "watch", "--as-of", "2022-09-14", "--json"]);
    let early: serde_json::Value = serde_json::from_slice(&early.stdout).unwrap();
    assert!(
        early["rules"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| !r["rule"].as_str().unwrap().starts_with("safety.")),
        "{early}"
    );
    // No decision stored yet: nothing to replay; an unknown receipt is an error.
    let replay = qorgau(&db, &["rules", "replay"]);
    assert!(replay.status.success());
    assert_eq!(
        String::from_utf8_lossy(&replay.stdout).trim(),
        "0 decisions replayed; 0 differ."
    );
    let unknown = qorgau(&db, &["rules", "replay", "99"]);
    assert!(!unknown.status.success());
    let missing = qorgau(&db, &["law", "show", "kz-2005-29/art_99"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("kz-2005-29/art_99"));
    let search = qorgau(
        &db,
        &["law", "search", "mobilization", "--limit", "3", "--json"],
    );
    let hits: serde_json::Value = serde_json::from_slice(&search.stdout).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 3);
    let text = qorgau(&db, &["law", "search", "\"duly notified\""]);
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("[duly] [notified]"),
        "{}",
        String::from_utf8_lossy(&text.stdout)
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("738.xml");
    let export = qorgau(
        &db,
        &[
            "law",
            "export",
            "kz-2020-mod-738",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let xml = std::fs::read_to_string(&file).unwrap();
    assert!(qorgau_law::akn::read(&xml).is_ok());
    assert!(xml.contains(r#"<paragraph eId="para_13">"#));
    let acts = qorgau(&db, &["law", "acts"]);
    assert_eq!(String::from_utf8_lossy(&acts.stdout).lines().count(), 5);
}

#[test]
fn law_import_prints_what_it_recognised() {
    let (_dir, db) = temp_database();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/civil_protection_excerpt.txt"
    );
    let import = qorgau(
        &db,
        &[
            "law",
            "import",
            fixture,
            "--act",
            "kz-2014-188-V",
            "--title",
            "Civil Protection (excerpt)",
            "--in-force-from",
            "2014-04-22",
            "--text-language",
            "en",
        ],
    );
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let text = String::from_utf8_lossy(&import.stdout);
    assert!(
        text.contains("Articles: 2") && text.contains("Items: 6"),
        "{text}"
    );
    assert!(text.contains("Could not place"), "{text}");
    let show = qorgau(
        &db,
        &["law", "show", "kz-2014-188-V/art_2__para_1__point_2"],
    );
    assert!(show.status.success());
    assert!(String::from_utf8_lossy(&show.stdout).contains("training of the population"));
    let again = qorgau(
        &db,
        &[
            "law",
            "import",
            fixture,
            "--act",
            "kz-2014-188-V",
            "--title",
            "Again",
            "--in-force-from",
            "2014-04-22",
            "--text-language",
            "en",
        ],
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

/// A Kazakh act from the command line: imported with its language, read back by clause id and
/// found by a form of a word its text does not hold.
#[test]
fn law_import_reads_an_act_written_in_kazakh() {
    let (_dir, db) = temp_database();
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/acts/kk.txt");
    let import = qorgau(
        &db,
        &[
            "law",
            "import",
            sample,
            "--act",
            "kz-sample-kk",
            "--title",
            "Үлгі акт",
            "--in-force-from",
            "2024-01-01",
            "--text-language",
            "kk",
        ],
    );
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let text = String::from_utf8_lossy(&import.stdout);
    assert!(
        text.contains("Articles: 5") && text.contains("Appendices: 1"),
        "{text}"
    );
    let show = qorgau(&db, &["law", "show", "kz-sample-kk/art_2-1", "--json"]);
    assert!(show.status.success());
    let clause: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(clause["language"], "kaz");
    assert_eq!(clause["heading"], "Әскери есепке алу құжаттары");
    let search = qorgau(&db, &["law", "search", "билеттің", "--json"]);
    let hits: serde_json::Value = serde_json::from_slice(&search.stdout).unwrap();
    assert_eq!(
        hits[0]["id"], "kz-sample-kk/art_2-1__para_1__point_1",
        "{hits}"
    );
    // Without its language the text cannot be imported: the headings depend on it.
    let unsaid = qorgau(
        &db,
        &[
            "law",
            "import",
            sample,
            "--act",
            "kz-sample-kk-2",
            "--title",
            "Үлгі акт",
            "--in-force-from",
            "2024-01-01",
        ],
    );
    assert!(!unsaid.status.success());
    assert!(String::from_utf8_lossy(&unsaid.stderr).contains("--text-language"));
}

#[test]
fn who_answers_from_the_command_line() {
    let (_dir, db) = temp_database();
    let out = qorgau(&db, &["who", "who approves the rules of physical training"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    // First what the rule says of the Ministry, then why, with the clause.
    let first = text.lines().next().unwrap_or_default();
    assert_eq!(first, "A function of the Ministry of Defense", "{text}");
    assert!(
        text.contains("kz-2005-29/art_22__para_2__point_26-22"),
        "{text}"
    );
    let out = qorgau(
        &db,
        &[
            "who",
            "who controls territorial defense",
            "--as-of",
            "2026-01-01",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.lines().next().unwrap_or_default(),
        "No longer a function of the Ministry of Defense",
        "{text}"
    );
    assert!(text.contains("excluded or repealed by"), "{text}");
    let out = qorgau(&db, &["security", "reference"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("main_threats: 19 entries"), "{text}");
}

#[test]
fn threat_register_and_council_from_the_command_line() {
    let (_dir, db) = temp_database();
    let ok = |args: &[&str]| {
        let out = qorgau(&db, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let bodies = ok(&["security", "bodies"]);
    assert!(
        bodies.contains("Ministry of Defence\tnone\tmilitary"),
        "{bodies}"
    );
    ok(&[
        "security",
        "assess",
        "--threat",
        "16",
        "--area",
        "information",
        "--on",
        "2026-01-10",
        "--likelihood",
        "4",
        "--impact",
        "5",
        "--trend",
        "rising",
        "--narrative",
        "Intrusions grew",
        "--interest",
        "14",
    ]);
    let register = ok(&["security", "threats"]);
    assert!(register.contains("L4 I5 = 20"), "{register}");
    // The heat map's top row (impact 5) holds threat 16 in the likelihood-4 column.
    let top = register.lines().find(|l| l.starts_with("5 |")).unwrap();
    assert_eq!(top.split('|').nth(4).unwrap().trim(), "16", "{top}");
    let bad = qorgau(
        &db,
        &[
            "security",
            "assess",
            "--threat",
            "16",
            "--area",
            "information",
            "--on",
            "2026-01-10",
            "--likelihood",
            "9",
            "--impact",
            "5",
            "--trend",
            "rising",
            "--narrative",
            "x",
        ],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("1 to 5"));
    ok(&[
        "council",
        "meeting-create",
        "--held-on",
        "2026-01-05",
        "--title",
        "Hearing",
    ]);
    ok(&[
        "council",
        "decide",
        "1",
        "--text",
        "Submit a plan",
        "--body",
        "9",
        "--deadline",
        "2026-02-01",
    ]);
    let control = ok(&["council", "control", "--as-of", "2026-02-02"]);
    assert!(control.contains("overdue: 1"), "{control}");
    ok(&[
        "council",
        "report",
        "1",
        "--on",
        "2026-02-03",
        "--text",
        "Done",
    ]);
    ok(&["council", "review", "1", "--review", "accepted"]);
    let control = ok(&["council", "control", "--as-of", "2026-02-04"]);
    assert!(control.contains("done: 1"), "{control}");
}
