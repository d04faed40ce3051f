//! Every catalogue is complete: each language has every message of the English catalogue, file
//! by file, with the same arguments, and every message renders in every language.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use qorgau_i18n::{Arg, Lang, render};

const FILES: &[&str] = &[
    "main.ftl",
    "conscription.ftl",
    "law.ftl",
    "safety.ftl",
    "security.ftl",
    "cli.ftl",
    "readings.ftl",
    "facts.ftl",
];
const LANGUAGES: &[&str] = &["kk", "ru"];

/// A catalogue file's messages with the names of the arguments each refers to. Fluent's syntax
/// here is the plain subset the catalogues use: a message starts at `id =` in the first column
/// and runs over the indented lines below it.
fn messages(lang: &str, file: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang)
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let starts_message = line
            .split_once(" =")
            .filter(|(id, _)| {
                id.starts_with(|c: char| c.is_ascii_lowercase())
                    && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
            .map(|(id, _)| id.to_owned());
        if let Some(id) = starts_message {
            assert!(
                !found.contains_key(&id),
                "{lang}/{file}: {id} is defined twice"
            );
            found.insert(id.clone(), BTreeSet::new());
            current = Some(id);
        } else if !line.starts_with(' ') && !line.trim().is_empty() {
            current = None;
        }
        if let Some(id) = &current {
            let args = found.entry(id.clone()).or_default();
            for piece in line.split("{ $").skip(1).chain(line.split("{$").skip(1)) {
                let name: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                args.insert(name);
            }
        }
    }
    found
}

#[test]
fn every_language_has_every_message_with_the_same_arguments() {
    let mut faults = Vec::new();
    for file in FILES {
        let english = messages("en-US", file);
        assert!(!english.is_empty(), "en-US/{file} is empty");
        for lang in LANGUAGES {
            let translated = messages(lang, file);
            for (id, args) in &english {
                match translated.get(id) {
                    None => faults.push(format!("{lang}/{file}: {id} is missing")),
                    Some(theirs) if theirs != args => faults.push(format!(
                        "{lang}/{file}: {id} has arguments {theirs:?}, English {args:?}"
                    )),
                    Some(_) => {}
                }
            }
            for id in translated.keys().filter(|id| !english.contains_key(*id)) {
                faults.push(format!("{lang}/{file}: {id} is not in English"));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn every_message_renders_in_every_language() {
    // A language the loader lacks would fall back to English and render everything: each must
    // be found by its own code first.
    for lang in LANGUAGES {
        assert_eq!(
            &Lang::negotiate(Some(lang)).code(),
            lang,
            "{lang} is not loaded"
        );
    }
    let mut faults = Vec::new();
    for file in FILES {
        for (id, args) in messages("en-US", file) {
            let values: Vec<(&str, Arg)> = args
                .iter()
                .map(|name| (name.as_str(), Arg::Number(2.0)))
                .collect();
            for lang in LANGUAGES {
                let text = render(&Lang::negotiate(Some(lang)), &id, &values);
                if text.starts_with('[') && text.ends_with(']') && text.contains(&id) {
                    faults.push(format!("{lang}: {id} does not render"));
                }
                if text.is_empty() {
                    faults.push(format!("{lang}: {id} renders empty"));
                }
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_languages_are_negotiated_from_the_request() {
    assert_eq!(Lang::negotiate(Some("kk-KZ,ru;q=0.8")).code(), "kk");
    assert_eq!(Lang::negotiate(Some("ru")).code(), "ru");
    assert_eq!(Lang::negotiate(Some("de")).code(), "en-US");
    assert_eq!(
        render(&Lang::negotiate(Some("kk")), "list-separator", &[]),
        ", "
    );
}
