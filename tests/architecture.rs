//! ARCHITECTURE.md's code map matches the source tree: every folder under
//! `src/` (and `python/src/`) has a section, every file is named in its folder's section, and
//! every file a section names exists.

use std::collections::BTreeMap;
use std::path::Path;

use crate::util::repo;

/// Folder (`src/…/`) → the file names (`x.rs`) its section mentions.
fn code_map() -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(repo().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut section: Option<String> = None;
    for line in text.lines() {
        if line.starts_with("## ") {
            section = None;
        } else if let Some(folder) = line.strip_prefix("### `").and_then(|l| l.strip_suffix('`')) {
            section = Some(folder.to_string());
            map.entry(folder.to_string()).or_default();
        } else if let Some(folder) = &section {
            let names = line.split('`').skip(1).step_by(2).filter(|name| name.ends_with(".rs"));
            map.get_mut(folder).expect("section").extend(names.map(str::to_string));
        }
    }
    map
}

/// Folder (`src/…/`) → its `.rs` files, for every folder under `src/` and `python/src/`.
fn source_tree() -> BTreeMap<String, Vec<String>> {
    fn walk(dir: &Path, name: &str, out: &mut BTreeMap<String, Vec<String>>) {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).expect("source folder") {
            let path = entry.expect("entry").path();
            let file = path.file_name().expect("name").to_string_lossy().into_owned();
            if path.is_dir() {
                walk(&path, &format!("{name}{file}/"), out);
            } else if file.ends_with(".rs") {
                files.push(file);
            }
        }
        files.sort();
        out.insert(name.to_string(), files);
    }
    let mut out = BTreeMap::new();
    walk(&repo().join("src"), "src/", &mut out);
    // The Python bindings' crate (a workspace member) is mapped too.
    walk(&repo().join("python/src"), "python/src/", &mut out);
    out
}

#[test]
fn architecture_md_maps_every_source_file() {
    let (map, tree) = (code_map(), source_tree());
    let missing_sections: Vec<&String> = tree.keys().filter(|folder| !map.contains_key(*folder)).collect();
    assert!(missing_sections.is_empty(), "ARCHITECTURE.md has no section for {missing_sections:?}");
    for (folder, files) in &tree {
        let named = &map[folder];
        let unnamed: Vec<&String> = files.iter().filter(|f| !named.contains(f)).collect();
        assert!(unnamed.is_empty(), "ARCHITECTURE.md's `{folder}` section does not name {unnamed:?}");
    }
    for (folder, named) in &map {
        let files = tree
            .get(folder)
            .unwrap_or_else(|| panic!("ARCHITECTURE.md maps `{folder}`, which does not exist"));
        let stale: Vec<&String> = named.iter().filter(|f| !files.contains(f)).collect();
        assert!(stale.is_empty(), "ARCHITECTURE.md's `{folder}` section names missing files {stale:?}");
    }
}

/// The layers ARCHITECTURE.md lists (`1. \`a\`, \`b\`: …`), lowest first:
/// module name → its layer number.
fn layers() -> BTreeMap<String, usize> {
    let text = std::fs::read_to_string(repo().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let start = text.find("### Layers").expect("ARCHITECTURE.md has a Layers section");
    let mut layers = BTreeMap::new();
    for line in text[start..].lines().skip(1).take_while(|l| !l.starts_with("### ")) {
        let Some((number, rest)) = line.split_once(". ") else { continue };
        let Ok(number) = number.parse::<usize>() else { continue };
        let names = rest.split(':').next().unwrap_or("");
        for name in names.split('`').skip(1).step_by(2) {
            layers.insert(name.to_string(), number);
        }
    }
    layers
}

/// The library's top-level module of `path` (under `src/`): its folder, or
/// its file's stem; `None` for `lib.rs`, `main.rs` and the binary's `cli/`.
fn top_module(path: &Path) -> Option<String> {
    let relative = path.strip_prefix(repo().join("src")).ok()?;
    let first = relative.components().next()?.as_os_str().to_string_lossy().into_owned();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (!["lib", "main", "cli"].contains(&name.as_str())).then_some(name)
}

/// `text` without its `//` comments (doc comments and links included).
fn without_comments(text: &str) -> String {
    text.lines().map(|line| line.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// Every module a source file names through `crate::` (or `super::` in a
/// file directly under `src/`, whose parent is the crate).
fn imported_modules(path: &Path, text: &str) -> Vec<String> {
    let at_root = path.parent() == Some(repo().join("src").as_path());
    let prefixes: &[&str] = if at_root { &["crate::", "super::"] } else { &["crate::"] };
    let mut out = Vec::new();
    for prefix in prefixes {
        for (at, _) in text.match_indices(prefix) {
            let rest = &text[at + prefix.len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if !name.is_empty() && name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                out.push(name);
            }
        }
    }
    out
}

#[test]
fn modules_import_only_from_lower_layers() {
    let layers = layers();
    let mut files = Vec::new();
    fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("source folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    walk(&repo().join("src"), &mut files);
    let mut violations = Vec::new();
    for file in files {
        let Some(module) = top_module(&file) else { continue };
        let Some(&layer) = layers.get(&module) else {
            violations.push(format!("module `{module}` is in no layer of ARCHITECTURE.md"));
            continue;
        };
        let text = without_comments(&std::fs::read_to_string(&file).expect("source file"));
        for imported in imported_modules(&file, &text) {
            if imported == module {
                continue;
            }
            match layers.get(&imported) {
                Some(&other) if other < layer => {}
                Some(&other) => violations.push(format!(
                    "{} (layer {layer}, `{module}`) uses `{imported}` (layer {other})",
                    file.strip_prefix(repo()).unwrap_or(&file).display()
                )),
                None => violations.push(format!("`{imported}`, used by {}, is in no layer", file.display())),
            }
        }
    }
    violations.sort();
    violations.dedup();
    assert!(violations.is_empty(), "layer rule broken:\n{}", violations.join("\n"));
}

/// The check itself catches an upward import (so a passing test means something).
#[test]
fn the_layer_check_sees_an_upward_import() {
    let layers = layers();
    assert!(layers["corpus"] < layers["harness"], "{layers:?}");
    let text = without_comments("use crate::harness::Engine; // crate::report in a comment");
    let found = imported_modules(&repo().join("src/corpus/mod.rs"), &text);
    assert_eq!(found, ["harness"]);
    let root = imported_modules(&repo().join("src/names.rs"), "use super::report::X;");
    assert_eq!(root, ["report"]);
}
