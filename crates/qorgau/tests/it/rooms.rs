//! The house's rooms: each area of the law has one module of the same name in every layer, a
//! room never reaches into another room (what two rooms share lives in a platform module), and
//! no source file grows past about 600 lines.

use std::path::{Path, PathBuf};

/// The areas, each one room per layer.
const ROOMS: [&str; 5] = ["accounts", "conscription", "safety", "security", "law"];

/// A layer: its folder and the module path its rooms are named under inside the crate.
struct Layer {
    dir: &'static str,
    module: &'static str,
    /// The crates whose rooms this layer's rooms may name (their own room only).
    crates: &'static [&'static str],
}

const LAYERS: [Layer; 5] = [
    Layer {
        dir: "store/src",
        module: "crate",
        crates: &["qorgau_store"],
    },
    Layer {
        dir: "app/src",
        module: "crate",
        crates: &["qorgau_app", "qorgau_store"],
    },
    Layer {
        dir: "web/src/pages",
        module: "crate::pages",
        crates: &["qorgau_app", "qorgau_store"],
    },
    Layer {
        dir: "web/src/api",
        module: "crate::api",
        crates: &["qorgau_app", "qorgau_store"],
    },
    Layer {
        dir: "qorgau/src/commands",
        module: "crate::commands",
        crates: &["qorgau_app", "qorgau_store"],
    },
];

fn crates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The files of one room in one layer: `<room>.rs` or everything under `<room>/`.
fn room_files(layer: &Path, room: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let single = layer.join(format!("{room}.rs"));
    if single.is_file() {
        files.push(single);
    }
    rust_files(&layer.join(room), &mut files);
    files
}

/// The module names a text reaches under `prefix::` (`prefix::name`, `prefix::{a, b::c}`).
fn reached(text: &str, prefix: &str) -> Vec<String> {
    let mut names = Vec::new();
    let needle = format!("{prefix}::");
    for (at, _) in text.match_indices(&needle) {
        // `crate::pages::x` also contains `crate::`; only whole paths count.
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &text[at + needle.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or_default();
            for item in inner.split(',') {
                let name = item.trim().split("::").next().unwrap_or_default().trim();
                names.push(name.to_owned());
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            names.push(name);
        }
    }
    names
}

#[test]
fn every_area_has_one_room_in_every_layer_and_no_room_enters_another() {
    let crates = crates_dir();
    let mut faults = Vec::new();
    for layer in &LAYERS {
        let dir = crates.join(layer.dir);
        for room in ROOMS {
            let single = dir.join(format!("{room}.rs")).is_file();
            let folder = dir.join(room).is_dir();
            if single == folder {
                faults.push(format!(
                    "{}: the room {room} must be exactly one of {room}.rs or {room}/",
                    layer.dir
                ));
            }
            for file in room_files(&dir, room) {
                let text = std::fs::read_to_string(&file).unwrap();
                let mut prefixes = vec![layer.module.to_owned()];
                prefixes.extend(layer.crates.iter().map(|c| (*c).to_owned()));
                for prefix in &prefixes {
                    for name in reached(&text, prefix) {
                        if name != room && ROOMS.contains(&name.as_str()) {
                            faults.push(format!(
                                "{}: the room {room} reaches into the room {name} ({prefix}::{name})",
                                file.strip_prefix(&crates).unwrap_or(&file).display()
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_room_scan_sees_an_intrusion() {
    // The scan must be able to fail: a grouped and a plain import of another room are seen.
    let text = "use crate::{validation::text, safety::plans};\nuse crate::conscription::X;";
    assert_eq!(
        reached(text, "crate"),
        vec!["validation", "safety", "conscription"]
    );
    assert!(reached("use qorgau_app::crate::x;", "crate").is_empty());
}

#[test]
fn no_source_file_is_over_600_lines() {
    let crates = crates_dir();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&crates).unwrap() {
        rust_files(&entry.unwrap().path().join("src"), &mut files);
    }
    assert!(files.len() > 100, "{}", files.len());
    let long: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let lines = std::fs::read_to_string(file).unwrap().lines().count();
            (lines > 600).then(|| format!("{} ({lines} lines)", file.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these files: {long:?}");
}
