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
