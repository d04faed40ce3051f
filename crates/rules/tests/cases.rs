//! Table-driven rule tests: one YAML file per rule under `cases/<module>/`, each case a small
//! story with its facts, `as_of`, and either the expected outcome and citations or the expected
//! error (a fragment of its message, usually the name of the fact at fault).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use qorgau_i18n::{Lang, Language};
use qorgau_rules::registry;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    rule: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    as_of: NaiveDate,
    facts: serde_json::Value,
    #[serde(default)]
    outcome: Option<serde_json::Value>,
    #[serde(default)]
    citations: Option<Vec<String>>,
    #[serde(default)]
    error: Option<String>,
}

fn case_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("cases folder is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_yaml_case_holds() {
    let files = case_files();
    assert!(!files.is_empty(), "no case files found");
    let mut failures = Vec::new();
    let mut count = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).expect("case file is readable");
        let file: CaseFile =
            serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let rule = registry()
            .get(&file.rule)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in file.cases {
            count += 1;
            let label = format!("{} / {}", path.display(), case.name);
            let result = rule.evaluate_json(case.facts.clone(), case.as_of);
            match (&case.error, result) {
                (Some(fragment), Err(error)) => {
                    if !error.to_string().contains(fragment.as_str()) {
                        failures.push(format!("{label}: error {error:?} lacks {fragment:?}"));
                    }
                    // The reader's sentence exists, and in Kazakh and Russian is not English.
                    let english = error.message().render(&Lang::english());
                    if english.starts_with('[') {
                        failures.push(format!("{label}: error message {english} is missing"));
                    }
                    for language in [Language::Kazakh, Language::Russian] {
                        let text = error.message().render(&language.lang());
                        if text == english {
                            failures.push(format!(
                                "{label}: error message {english:?} is not in {}",
                                language.as_str()
                            ));
                        }
                    }
                }
                (Some(fragment), Ok(decision)) => {
                    failures.push(format!(
                        "{label}: expected an error with {fragment:?}, got {:?}",
                        decision.outcome
                    ));
                }
                (None, Err(error)) => failures.push(format!("{label}: unexpected error {error}")),
                (None, Ok(decision)) => {
                    // Its receipt replays: the facts it kept decide the same outcome again.
                    match rule.evaluate_with_receipt(case.facts.clone(), case.as_of) {
                        Ok((_, receipt)) => {
                            match rule.evaluate_json(receipt.facts.clone(), receipt.as_of) {
                                Ok(again) if again.outcome == receipt.outcome => {}
                                other => failures.push(format!(
                                    "{label}: the receipt does not replay: {other:?}"
                                )),
                            }
                        }
                        Err(error) => failures.push(format!("{label}: no receipt: {error}")),
                    }
                    let expected = case
                        .outcome
                        .as_ref()
                        .expect("a case without error names its outcome");
                    if &decision.outcome != expected {
                        failures.push(format!(
                            "{label}: outcome {} != expected {expected}",
                            decision.outcome
                        ));
                    }
                    let cited: Vec<String> =
                        decision.citations.iter().map(|c| c.to_string()).collect();
                    let expected_citations = case
                        .citations
                        .clone()
                        .expect("a case without error names its citations");
                    if cited != expected_citations {
                        failures.push(format!(
                            "{label}: citations {cited:?} != expected {expected_citations:?}"
                        ));
                    }
                    assert_eq!(decision.as_of, case.as_of, "{label}");
                    for sentence in decision.view(&Lang::english()).explanation {
                        if sentence.starts_with('[') {
                            failures.push(format!(
                                "{label}: explanation message {sentence} is missing"
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_a_case_file_a_title_and_citations_that_resolve_to_clauses_in_force() {
    let files = case_files();
    for rule in registry().iter() {
        let info = rule.info();
        let (module, name) = info.id.split_once('.').expect("rule ids are module.name");
        let expected = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("cases")
            .join(module)
            .join(format!("{name}.yaml"));
        assert!(
            files.contains(&expected),
            "rule {} has no case file {}",
            info.id,
            expected.display()
        );
        assert!(
            qorgau_i18n::has_message(info.title),
            "rule {} title {} missing",
            info.id,
            info.title
        );
        assert!(!info.citations.is_empty(), "rule {} cites nothing", info.id);
        for citation in &info.citations {
            let (act, index) = qorgau_law::shipped().locate(citation).unwrap_or_else(|| {
                panic!(
                    "rule {} cites {citation}, which is not a clause of the corpus",
                    info.id
                )
            });
            let status = act.status(index, info.in_force_from);
            assert_eq!(
                status,
                qorgau_law::Status::InForce,
                "rule {} cites {citation}, which is not in force on {}",
                info.id,
                info.in_force_from
            );
        }
        assert!(
            rule.facts_schema().get("properties").is_some(),
            "rule {} has no fact schema",
            info.id
        );
    }
}

/// Every sentence a rule refuses with (`"fact-..."` and `"rule-error-..."` in the sources),
/// including those no case reaches, is in the English catalogue (the catalogue test then
/// finds it in Kazakh and Russian with the same arguments).
#[test]
fn every_refusal_message_of_the_sources_is_in_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![root];
    let mut found = 0;
    let mut missing = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src folder is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source is readable");
            for prefix in ["\"fact-", "\"rule-error-"] {
                for (at, _) in text.match_indices(prefix) {
                    let id: String = text[at + 1..]
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                        .collect();
                    found += 1;
                    if !qorgau_i18n::has_message(&id) {
                        missing.push(format!("{}: {id}", path.display()));
                    }
                }
            }
        }
    }
    assert!(found > 0, "no refusal message found in the sources");
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
